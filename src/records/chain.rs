//! The MAC chain that makes records tamper-evident.
//!
//! `mac(n) = BLAKE3-keyed(key, mac(n-1) ‖ content(n))`, starting from a genesis value derived
//! from the key; the head (count and last MAC) is MACed too. Without the key nobody can edit,
//! remove or reorder records and make the chain check out again.

use std::collections::HashMap;
use std::fmt;
use std::path::{Path, PathBuf};

use super::{Head, Record, Stored, format_ms, printable};

/// The trainer-held key.
#[derive(Clone)]
pub struct Key([u8; 32]);

impl fmt::Debug for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Key(…)")
    }
}

/// Why no key could be had.
#[derive(Debug, thiserror::Error)]
pub enum KeyError {
    /// No key is configured and none may be created here.
    #[error("no record key: set REHEARSE_KEY, or give the trainer's key file with --key-file (or REHEARSE_KEY_FILE)")]
    Missing,
    /// The key file could not be read or created.
    #[error("cannot use the key file {}: {source}", .path.display())]
    File {
        /// The key file.
        path: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
    /// The key file is empty.
    #[error("the key file {} is empty", .0.display())]
    Empty(PathBuf),
}

const CONTEXT: &str = "rehearse 2026-11 session record chain";

impl Key {
    /// A key from secret material (any length; it is stretched to 256 bits).
    pub fn from_secret(secret: &[u8]) -> Key {
        Key(blake3::derive_key(CONTEXT, secret))
    }

    /// The key to check records with: `$REHEARSE_KEY`, else the key file (`file`, else
    /// `$REHEARSE_KEY_FILE`, else `rehearse.key` in the data folder). Never creates one.
    pub fn load(file: Option<&Path>) -> Result<Key, KeyError> {
        if let Some(k) = std::env::var_os("REHEARSE_KEY").filter(|k| !k.is_empty()) {
            return Ok(Key::from_secret(k.as_encoded_bytes()));
        }
        let path = key_file(file);
        match std::fs::read(&path) {
            Ok(bytes) => Self::from_file_bytes(&path, &bytes),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Err(KeyError::Missing),
            Err(source) => Err(KeyError::File { path, source }),
        }
    }

    /// The key to save with: as [`Key::load`], but a station with no key yet creates a random
    /// one in its key file (owner-only permissions). A trainer who wants tamper evidence
    /// against the trainees themselves keeps the key elsewhere and sets `REHEARSE_KEY`.
    pub fn load_or_create(file: Option<&Path>) -> Result<Key, KeyError> {
        match Key::load(file) {
            Err(KeyError::Missing) => {}
            other => return other,
        }
        let path = key_file(file);
        let err = |source| KeyError::File { path: path.clone(), source };
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(err)?;
        }
        let secret: [u8; 32] = rand::random();
        let hex: String = secret.iter().map(|b| format!("{b:02x}")).collect();
        // Written whole to a private file, then linked into place: another process never
        // sees a half-written key, and when two create one at once both use the first.
        let tmp = path.with_extension(format!("tmp-{}-{:08x}", std::process::id(), rand::random::<u32>()));
        let mut options = std::fs::OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
        let written = options
            .open(&tmp)
            .and_then(|mut f| {
                std::io::Write::write_all(&mut f, format!("{hex}\n").as_bytes()).and_then(|()| f.sync_all())
            })
            .and_then(|()| match std::fs::hard_link(&tmp, &path) {
                Err(e) if e.kind() != std::io::ErrorKind::AlreadyExists => Err(e),
                _ => Ok(()),
            });
        let _ = std::fs::remove_file(&tmp);
        written.map_err(err)?;
        let bytes = std::fs::read(&path).map_err(err)?;
        Self::from_file_bytes(&path, &bytes)
    }

    fn from_file_bytes(path: &Path, bytes: &[u8]) -> Result<Key, KeyError> {
        let secret = bytes.trim_ascii();
        if secret.is_empty() {
            return Err(KeyError::Empty(path.to_path_buf()));
        }
        Ok(Key::from_secret(secret))
    }

    /// The value the first record links to.
    pub fn genesis(&self) -> String {
        self.tag(&[b"genesis"])
    }

    /// A record's MAC.
    pub fn mac(&self, prev_mac: &str, record: &Record) -> String {
        self.tag(&[b"record", prev_mac.as_bytes(), &record.canonical()])
    }

    /// The head's MAC.
    pub fn head_mac(&self, count: i64, last_mac: &str) -> String {
        self.tag(&[b"head", &count.to_le_bytes(), last_mac.as_bytes()])
    }

    fn tag(&self, parts: &[&[u8]]) -> String {
        let mut h = blake3::Hasher::new_keyed(&self.0);
        for p in parts {
            h.update(&(p.len() as u64).to_le_bytes());
            h.update(p);
        }
        h.finalize().to_hex().to_string()
    }
}

fn key_file(file: Option<&Path>) -> PathBuf {
    file.map(Path::to_path_buf)
        .or_else(|| std::env::var_os("REHEARSE_KEY_FILE").map(PathBuf::from))
        .unwrap_or_else(|| super::data_dir().join("rehearse.key"))
}

/// One thing wrong with the chain.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// The record's content (or its link) was changed after it was saved.
    Edited {
        /// Its number.
        seq: i64,
        /// Who, what and when, as stored now.
        what: String,
    },
    /// Records are missing before this one (`before: None`: at the end of the chain).
    Removed {
        /// The record after the gap, if any.
        before: Option<i64>,
        /// The record before the gap, if any.
        after: Option<i64>,
        /// How many are missing, when the numbering tells.
        count: Option<i64>,
    },
    /// The record is out of place: it was saved right after record `follows` (None: first).
    Reordered {
        /// Its number.
        seq: i64,
        /// The record it really follows.
        follows: Option<i64>,
    },
    /// The head does not match the key: it was edited or forged.
    HeadForged,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Problem::Edited { seq, what } => {
                write!(f, "record #{seq} ({what}) was edited: its content no longer matches its MAC")
            }
            Problem::Removed { before, after, count } => {
                let n = count.map_or("one or more records".to_string(), |n| format!("{n} record(s)"));
                match (after, before) {
                    (Some(a), Some(b)) => write!(f, "{n} removed between #{a} and #{b}"),
                    (None, Some(b)) => write!(f, "{n} removed before #{b}"),
                    (Some(a), None) => write!(f, "{n} removed after #{a}, the last one left"),
                    (None, None) => write!(f, "{n} removed: the store is empty but the chain says otherwise"),
                }
            }
            Problem::Reordered { seq, follows: Some(p) } => {
                write!(f, "record #{seq} was reordered: it was saved right after #{p}")
            }
            Problem::Reordered { seq, follows: None } => {
                write!(f, "record #{seq} was reordered: it was saved as the first record")
            }
            Problem::HeadForged => write!(f, "the chain head was edited (it does not match the key)"),
        }
    }
}

/// Check a whole store's records (in `seq` order) and head against the key. Empty when intact.
pub fn verify(key: &Key, records: &[Stored], head: Option<&Head>) -> Vec<Problem> {
    let genesis = key.genesis();
    let by_mac: HashMap<&str, i64> = records.iter().map(|r| (r.mac.as_str(), r.seq)).collect();
    let mut problems = Vec::new();
    let mut expected = genesis.as_str();
    let mut previous: Option<(i64, bool)> = None; // (seq, was edited)
    for r in records {
        let edited = key.mac(&r.prev_mac, &r.record) != r.mac;
        if edited {
            let what = format!(
                "{}, {}, {}",
                printable(&r.record.trainee, 40),
                printable(&r.record.scenario, 40),
                format_ms(r.record.finished_at)
            );
            problems.push(Problem::Edited { seq: r.seq, what });
        }
        let contiguous = previous.is_none_or(|(p, _)| p + 1 == r.seq);
        if r.prev_mac != expected && !(edited || previous.is_some_and(|(_, e)| e) && contiguous) {
            problems.push(match by_mac.get(r.prev_mac.as_str()) {
                Some(&p) => Problem::Reordered { seq: r.seq, follows: Some(p) },
                None if r.prev_mac == genesis => Problem::Reordered { seq: r.seq, follows: None },
                None => {
                    let after = previous.map(|(p, _)| p);
                    Problem::Removed { before: Some(r.seq), after, count: Some(r.seq - after.unwrap_or(0) - 1) }
                }
            });
        }
        expected = &r.mac;
        previous = Some((r.seq, edited));
    }
    if let Some(h) = head {
        if key.head_mac(h.count, &h.last_mac) != h.mac {
            problems.push(Problem::HeadForged);
        } else if h.last_mac != expected {
            let after = records.last().map(|r| r.seq);
            let missing = h.count - after.unwrap_or(0);
            if !by_mac.contains_key(h.last_mac.as_str()) || missing > 0 {
                problems.push(Problem::Removed { before: None, after, count: (missing > 0).then_some(missing) });
            }
        }
    } else if !records.is_empty() {
        problems.push(Problem::HeadForged);
    }
    problems
}
