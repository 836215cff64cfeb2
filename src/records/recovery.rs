//! Sessions the database refused, kept as JSON lines until a trainer imports them.

use std::io::Write;
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

/// The sessions in a recovery file, with `file:line: problem` for each line that cannot be read.
pub fn read_recovery(path: &Path) -> Result<RecoveredSessions, RecoveryError> {
    let bytes = std::fs::read(path).map_err(|source| RecoveryError { path: path.to_path_buf(), source })?;
    Ok(parse_recovery(path, &bytes))
}

/// The sessions in a recovery file's bytes; `path` names the file in the problems.
pub fn parse_recovery(path: &Path, bytes: &[u8]) -> RecoveredSessions {
    let text = String::from_utf8_lossy(bytes);
    let mut good = Vec::new();
    let mut bad = Vec::new();
    for (i, line) in text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
        match serde_json::from_str::<Recovered>(line) {
            Ok(r) => good.push((r.record, r.version)),
            Err(e) => bad.push(format!("{}:{}: {e}", path.display(), i + 1)),
        }
    }
    (good, bad)
}
