//! Finished sessions, kept so the game can list trainees and show each one's best score.
//!
//! The store is an append-only file of JSON lines in the user's data folder. Each session is
//! one `write` of one line, so a crash can at worst leave a torn last line; a line that does
//! not parse is reported and skipped when reading, never rewritten, so nothing is lost.
//! (Issue 4 replaces this with the SQLite/PostgreSQL store and the monthly ranking.)

use std::io::Write;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::scenario::Outcome;

/// How a session counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Mode {
    /// Feedback after every reply; does not count for the ranking.
    Practice,
    /// No hints; counts for the monthly ranking.
    Assessment,
}

impl Mode {
    /// Lower-case name.
    pub fn as_str(self) -> &'static str {
        match self {
            Mode::Practice => "practice",
            Mode::Assessment => "assessment",
        }
    }
}

/// One finished session.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Record {
    /// Who played (stored verbatim).
    pub trainee: String,
    /// Scenario id.
    pub scenario: String,
    /// Practice or assessment.
    pub mode: Mode,
    /// The session's seed.
    pub seed: u64,
    /// Option numbers chosen, each with the game time it took (None when untimed).
    pub choices: Vec<(u16, Option<u32>)>,
    /// Weighted total, 0–100.
    pub total: f64,
    /// How it ended.
    pub outcome: Option<Outcome>,
    /// Seconds since the Unix epoch when it finished.
    pub finished_at: u64,
}

/// Why the store could not be used.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// Reading or writing the file failed.
    #[error("cannot use the session store {}: {source}", .path.display())]
    Io {
        /// The store file.
        path: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
}

/// The session store file.
#[derive(Debug, Clone)]
pub struct Store {
    path: PathBuf,
}

/// The sessions read from a store, with the lines that could not be read.
#[derive(Debug, Clone, Default)]
pub struct Loaded {
    /// Sessions in the order they were saved.
    pub records: Vec<Record>,
    /// `path:line: problem` for each line skipped.
    pub skipped: Vec<String>,
}

impl Store {
    /// The store at `path`.
    pub fn at(path: impl Into<PathBuf>) -> Self {
        Store { path: path.into() }
    }

    /// The default store: `$REHEARSE_DATA/sessions.jsonl`, else the user's data folder
    /// (`$XDG_DATA_HOME/rehearse`, `~/.local/share/rehearse`), else `./rehearse-data`.
    pub fn open_default() -> Self {
        let dir = std::env::var_os("REHEARSE_DATA").map(PathBuf::from).unwrap_or_else(|| {
            std::env::var_os("XDG_DATA_HOME")
                .map(PathBuf::from)
                .or_else(|| std::env::var_os("HOME").map(|h| Path::new(&h).join(".local/share")))
                .map_or_else(|| PathBuf::from("rehearse-data"), |d| d.join("rehearse"))
        });
        Store::at(dir.join("sessions.jsonl"))
    }

    /// The store file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Append one session (one write of one line).
    pub fn append(&self, record: &Record) -> Result<(), StoreError> {
        let io = |source| StoreError::Io { path: self.path.clone(), source };
        if let Some(dir) = self.path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(io)?;
        }
        let mut line = serde_json::to_string(record).map_err(|e| io(std::io::Error::other(e)))?;
        line.push('\n');
        let mut f = std::fs::OpenOptions::new().create(true).append(true).open(&self.path).map_err(io)?;
        f.write_all(line.as_bytes()).map_err(io)?;
        f.sync_data().map_err(io)
    }

    /// Every readable session; a missing file is an empty store.
    pub fn load(&self) -> Result<Loaded, StoreError> {
        let text = match std::fs::read(&self.path) {
            Ok(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Loaded::default()),
            Err(source) => return Err(StoreError::Io { path: self.path.clone(), source }),
        };
        let mut out = Loaded::default();
        for (i, line) in text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
            match serde_json::from_str::<Record>(line) {
                Ok(r) => out.records.push(r),
                Err(e) => out.skipped.push(format!("{}:{}: {e}", self.path.display(), i + 1)),
            }
        }
        Ok(out)
    }
}

impl Loaded {
    /// Trainee names, most recently active first, each once.
    pub fn trainees(&self) -> Vec<String> {
        let mut seen = Vec::<String>::new();
        for r in self.records.iter().rev() {
            if !seen.contains(&r.trainee) {
                seen.push(r.trainee.clone());
            }
        }
        seen
    }

    /// A trainee's best total on a scenario, with the mode it was reached in.
    pub fn best(&self, trainee: &str, scenario: &str) -> Option<(f64, Mode)> {
        self.records
            .iter()
            .filter(|r| r.trainee == trainee && r.scenario == scenario)
            .map(|r| (r.total, r.mode))
            .max_by(|a, b| a.0.total_cmp(&b.0))
    }
}

/// A trainee name as typed, made safe to store and show: control characters removed,
/// surrounding spaces trimmed, at most `MAX_NAME` characters.
pub fn clean_name(typed: &str) -> String {
    typed.chars().filter(|c| !c.is_control()).collect::<String>().trim().chars().take(MAX_NAME).collect()
}

/// The longest trainee name kept.
pub const MAX_NAME: usize = 80;

/// Seconds since the Unix epoch.
pub fn now() -> u64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs())
}
