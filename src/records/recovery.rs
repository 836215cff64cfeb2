//! Sessions the database refused, kept as JSON lines until a trainer imports them.

use std::io::{BufRead, Write};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::{ContentVersion, DbSpec, Record};

/// One recovered session: the record, the content it was played on, and why it is here.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct Recovered {
    record: Record,
    version: ContentVersion,
    error: String,
}

/// Why the recovery file could not be written or read.
#[derive(Debug, thiserror::Error)]
#[error("{}: {source}", .path.display())]
pub struct RecoveryError {
    /// The file.
    pub path: PathBuf,
    /// The I/O error.
    pub source: std::io::Error,
}

/// Where sessions go when `db` refuses them: `<db file>.recovered.jsonl` beside a SQLite file,
/// `recovered-sessions.jsonl` in the data folder for a server.
pub fn recovery_file(db: &DbSpec) -> PathBuf {
    match db {
        DbSpec::Sqlite(path) => {
            let mut name = path.file_name().map(|n| n.to_os_string()).unwrap_or_default();
            name.push(".recovered.jsonl");
            path.with_file_name(name)
        }
        DbSpec::Postgres(_) => super::data_dir().join("recovered-sessions.jsonl"),
    }
}

/// Append a session to the recovery file (one write of one line, then fsync). When that folder
/// cannot be written either, the file goes to the system's temporary folder.
pub(super) fn write(
    db: &DbSpec,
    record: &Record,
    version: &ContentVersion,
    error: &str,
) -> Result<PathBuf, RecoveryError> {
    let item = Recovered { record: record.clone(), version: version.clone(), error: error.to_string() };
    let mut line = serde_json::to_string(&item).unwrap_or_default();
    line.push('\n');
    let first = recovery_file(db);
    let mut name = std::ffi::OsString::from("rehearse-");
    name.push(first.file_name().unwrap_or("recovered-sessions.jsonl".as_ref()));
    let fallback = std::env::temp_dir().join(name);
    append(&first, &line)
        .map(|()| first.clone())
        .or_else(|e| append(&fallback, &line).map(|()| fallback).map_err(|_| e))
}

fn append(path: &Path, line: &str) -> Result<(), RecoveryError> {
    let err = |source| RecoveryError { path: path.to_path_buf(), source };
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(err)?;
    }
    let mut f = std::fs::OpenOptions::new().create(true).append(true).open(path).map_err(err)?;
    f.write_all(line.as_bytes()).map_err(err)?;
    f.sync_all().map_err(err)
}

/// Sessions read from a recovery file, and `file:line: problem` for each line that could not be.
pub type RecoveredSessions = (Vec<(Record, ContentVersion)>, Vec<String>);

/// The longest line a recovery file may have: a session with the texts of the scenario and
/// rulebook it was played on is about 60 KiB; anything far longer is not one.
const MAX_LINE: usize = 4 << 20;

/// The sessions in a recovery file, with `file:line: problem` for each line that cannot be read.
/// The file is read a line at a time and a line longer than 4 MiB is skipped, so a damaged or
/// hostile file never fills memory.
pub fn read_recovery(path: &Path) -> Result<RecoveredSessions, RecoveryError> {
    let err = |source| RecoveryError { path: path.to_path_buf(), source };
    let mut reader = std::io::BufReader::new(std::fs::File::open(path).map_err(err)?);
    let mut sessions = (Vec::new(), Vec::new());
    let mut line = Vec::new();
    for number in 1.. {
        line.clear();
        let read = std::io::Read::take(&mut reader, MAX_LINE as u64 + 1).read_until(b'\n', &mut line).map_err(err)?;
        if read == 0 {
            break;
        }
        if line.len() > MAX_LINE && !line.ends_with(b"\n") {
            skip_rest_of_line(&mut reader).map_err(err)?;
            let problem =
                format!("{}:{number}: the line is longer than {} MiB; skipped", path.display(), MAX_LINE >> 20);
            sessions.1.push(problem);
            continue;
        }
        parse_line(path, number, &line, &mut sessions);
    }
    Ok(sessions)
}

fn skip_rest_of_line(reader: &mut impl BufRead) -> std::io::Result<()> {
    loop {
        let (found, used) = {
            let buf = reader.fill_buf()?;
            match buf.iter().position(|&b| b == b'\n') {
                Some(i) => (true, i + 1),
                None => (buf.is_empty(), buf.len()),
            }
        };
        reader.consume(used);
        if found {
            return Ok(());
        }
    }
}

/// The sessions in a recovery file's bytes; `path` names the file in the problems.
pub fn parse_recovery(path: &Path, bytes: &[u8]) -> RecoveredSessions {
    let mut sessions = (Vec::new(), Vec::new());
    for (i, line) in bytes.split(|&b| b == b'\n').enumerate() {
        parse_line(path, i + 1, line, &mut sessions);
    }
    sessions
}

/// One line of a recovery file: a session, a named problem, or nothing (a blank line).
fn parse_line(path: &Path, number: usize, line: &[u8], sessions: &mut RecoveredSessions) {
    let text = String::from_utf8_lossy(line);
    if text.trim().is_empty() {
        return;
    }
    match serde_json::from_str::<Recovered>(&text) {
        Ok(r) => sessions.0.push((r.record, r.version)),
        Err(e) => sessions.1.push(format!("{}:{number}: {e}", path.display())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_overlong_line_is_skipped_and_named_and_the_next_line_still_read() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("x.recovered.jsonl");
        let mut text = vec![b'x'; MAX_LINE + 10];
        text.extend_from_slice(b"\n{not json}\r\n\n  \n");
        std::fs::write(&file, &text).unwrap();
        let (good, bad) = read_recovery(&file).unwrap();
        assert!(good.is_empty());
        assert_eq!(bad.len(), 2, "{bad:?}");
        assert!(bad[0].ends_with(":1: the line is longer than 4 MiB; skipped"), "{}", bad[0]);
        assert!(bad[1].contains(":2: "), "{}", bad[1]);
        let (_, from_bytes) = parse_recovery(&file, &text[MAX_LINE + 11..]);
        assert_eq!(from_bytes.len(), 1, "the same lines read from bytes: {from_bytes:?}");
    }
}
