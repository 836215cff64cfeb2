//! The session database: which one to use, its errors, and the calls both backends answer.

use std::collections::BTreeMap;
use std::fmt;
use std::path::PathBuf;
use std::sync::Arc;

use super::{ContentVersion, Key, Record};
use crate::scenario::Outcome;

/// Which database holds the sessions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DbSpec {
    /// A SQLite file.
    Sqlite(PathBuf),
    /// A PostgreSQL server, by connection URL (`postgres://user:password@host/db`).
    Postgres(String),
}

impl DbSpec {
    /// `--db` if given, else `$REHEARSE_DB`, else `rehearse.db` in the data folder.
    /// A value starting with `postgres://` or `postgresql://` is a server; anything else a file
    /// (any path the operating system takes, UTF-8 or not).
    pub fn choose(arg: Option<&std::ffi::OsStr>) -> DbSpec {
        let given = arg.map(std::ffi::OsStr::to_os_string).or_else(|| std::env::var_os("REHEARSE_DB"));
        match given.filter(|s| !s.to_string_lossy().trim().is_empty()) {
            Some(s) => DbSpec::parse(&s),
            None => DbSpec::Sqlite(super::data_dir().join("rehearse.db")),
        }
    }

    /// Read a `--db` value.
    pub fn parse(s: impl AsRef<std::ffi::OsStr>) -> DbSpec {
        let s = s.as_ref();
        match s.to_str() {
            Some(url) if url.starts_with("postgres://") || url.starts_with("postgresql://") => {
                DbSpec::Postgres(url.to_string())
            }
            _ => DbSpec::Sqlite(PathBuf::from(s)),
        }
    }
}

impl fmt::Display for DbSpec {
    /// The file path, or the server URL with its password hidden.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DbSpec::Sqlite(p) => write!(f, "{}", p.display()),
            DbSpec::Postgres(url) => {
                let (scheme, rest) = url.split_once("://").unwrap_or(("postgres", url));
                match rest.split_once('@') {
                    Some((user, host)) if user.contains(':') => {
                        let name = user.split(':').next().unwrap_or_default();
                        write!(f, "{scheme}://{name}:***@{host}")
                    }
                    _ => write!(f, "{url}"),
                }
            }
        }
    }
}

/// Why the database could not be used. Every message names the database.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// Another program holds the database's write lock.
    #[error("the database {db} is locked by another program (waited {waited_s} s)")]
    Locked {
        /// The database.
        db: String,
        /// How long the save waited.
        waited_s: u64,
    },
    /// The database file is read-only.
    #[error("the database {db} is read-only")]
    ReadOnly {
        /// The database.
        db: String,
    },
    /// The file is not a SQLite database, or is damaged. It is never overwritten.
    #[error("the database {db} is damaged or is not a rehearse database ({detail}); it was left untouched")]
    Corrupt {
        /// The database.
        db: String,
        /// What SQLite said.
        detail: String,
    },
    /// The database was written by a newer program.
    #[error("the database {db} has schema version {found}, newer than this program knows ({known}); update rehearse")]
    Newer {
        /// The database.
        db: String,
        /// The version found.
        found: i64,
        /// The newest version this program knows.
        known: i64,
    },
    /// A stored value cannot be read back.
    #[error("record #{seq} in {db} cannot be read: {detail}")]
    Data {
        /// The database.
        db: String,
        /// The record.
        seq: i64,
        /// What is wrong with it.
        detail: String,
    },
    /// Anything else (cannot connect, cannot create the file, …).
    #[error("cannot use the database {db}: {detail}")]
    Other {
        /// The database.
        db: String,
        /// What went wrong.
        detail: String,
    },
}

/// A record as stored, with its place and links in the chain.
#[derive(Debug, Clone, PartialEq)]
pub struct Stored {
    /// Sequence number: 1, 2, 3, … in the order saved.
    pub seq: i64,
    /// The record.
    pub record: Record,
    /// The MAC of the record before it (the chain's genesis value for the first).
    pub prev_mac: String,
    /// This record's MAC over its content and `prev_mac`.
    pub mac: String,
}

/// The end of the chain, itself MACed, so removing the last records shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Head {
    /// Records saved.
    pub count: i64,
    /// The last record's MAC.
    pub last_mac: String,
    /// MAC over `count` and `last_mac`.
    pub mac: String,
}

/// The columns of an assessment session the ranking needs. Names are shared (`Arc<str>`): a
/// month holds up to millions of sessions by a few hundred trainees.
#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    /// Sequence number.
    pub seq: i64,
    /// Who played.
    pub trainee: Arc<str>,
    /// Scenario id.
    pub scenario: Arc<str>,
    /// Total, 0–100.
    pub total: f64,
    /// Score per category id, sorted by id.
    pub categories: CategoryScores,
    /// How it ended.
    pub outcome: Option<Outcome>,
    /// Unix time (ms) it ended.
    pub finished_at: i64,
}

/// Score per category id (None: none of its rules applied), sorted by id.
pub type CategoryScores = Vec<(Arc<str>, Option<f64>)>;

/// Shares the names read for summaries, so a million rows hold a few hundred strings.
#[derive(Default)]
pub(super) struct Interner(std::collections::HashMap<Box<str>, Arc<str>>);

impl Interner {
    /// The shared copy of `s`.
    pub(super) fn get(&mut self, s: &str) -> Arc<str> {
        if let Some(a) = self.0.get(s) {
            return Arc::clone(a);
        }
        let a: Arc<str> = s.into();
        self.0.insert(s.into(), Arc::clone(&a));
        a
    }

    /// A record's `categories` column, with shared names.
    pub(super) fn categories(&mut self, json: &str) -> Result<CategoryScores, serde_json::Error> {
        // Borrowing the keys avoids an allocation per key; a key with escapes needs the owned form.
        let pairs: CategoryScores = match serde_json::from_str::<BTreeMap<&str, Option<f64>>>(json) {
            Ok(map) => map.into_iter().map(|(k, v)| (self.get(k), v)).collect(),
            Err(_) => serde_json::from_str::<BTreeMap<String, Option<f64>>>(json)?
                .into_iter()
                .map(|(k, v)| (self.get(&k), v))
                .collect(),
        };
        Ok(pairs)
    }
}

/// The `records` columns, in the order both backends select and insert them.
pub(super) const COLUMNS: &str = "seq, trainee, scenario, version, mode, seed, choices, verdicts, categories, total, \
                                  outcome, ending, started_at, finished_at, program, prev_mac, mac, played, \
                                  trainee_id, language";

/// The `trainees` columns, in the order both backends select and insert them.
pub(super) const ROSTER_COLUMNS: &str =
    "id, name, first_name, pin_hash, added_at, removed_at, failed_tries, paused_until";

/// The newest schema version this program knows.
pub(super) const SCHEMA_VERSION: i64 = 5;

/// An open session database.
pub enum Store {
    /// A SQLite file.
    Sqlite(super::sqlite::SqliteStore),
    /// A PostgreSQL server.
    Postgres(super::postgres::PgStore),
}

macro_rules! both {
    ($self:ident, $s:ident => $e:expr) => {
        match $self {
            Store::Sqlite($s) => $e,
            Store::Postgres($s) => $e,
        }
    };
}

impl Store {
    /// Open (creating and migrating as needed) the database.
    pub fn open(spec: &DbSpec) -> Result<Store, StoreError> {
        match spec {
            DbSpec::Sqlite(path) => super::sqlite::SqliteStore::open(path).map(Store::Sqlite),
            DbSpec::Postgres(url) => super::postgres::PgStore::open(url, &spec.to_string()).map(Store::Postgres),
        }
    }

    /// Save one session in one transaction, linking it into the chain. Returns its number.
    pub fn save(&mut self, record: &Record, version: &ContentVersion, key: &Key) -> Result<i64, StoreError> {
        both!(self, s => s.save(record, version, key))
    }

    /// Save many sessions in one transaction (imports and generated data).
    pub fn save_all(&mut self, items: &[(Record, ContentVersion)], key: &Key) -> Result<(), StoreError> {
        both!(self, s => s.save_all(items, key))
    }

    /// Every record, in chain order; with `range` only those that ended in `[from, to)` (ms).
    pub fn records(&mut self, range: Option<(i64, i64)>) -> Result<Vec<Stored>, StoreError> {
        both!(self, s => s.records(range))
    }

    /// A trainee's records, newest first: for a roster trainee (by name or id) every record
    /// with their id, and those under their names without one; for anyone else, by name.
    pub fn history(&mut self, trainee: &str) -> Result<Vec<Stored>, StoreError> {
        let roster = self.roster()?;
        let who = match super::roster::find(&roster, trainee) {
            Some(t) => Who::Roster { id: &t.id, name: &t.name, first_name: &t.first_name },
            None => Who::Name(trainee),
        };
        both!(self, s => s.history(&who))
    }

    /// Everyone ever added to the roster (removed trainees too), in the order added.
    pub fn roster(&mut self) -> Result<Vec<super::Trainee>, StoreError> {
        both!(self, s => s.roster())
    }

    /// Put a new trainee on the roster.
    pub(super) fn add_trainee(&mut self, trainee: &super::Trainee) -> Result<(), StoreError> {
        both!(self, s => s.add_trainee(trainee))
    }

    /// Store a roster trainee's changed name, PIN hash, tries or removal (by id).
    pub(super) fn update_trainee(&mut self, trainee: &super::Trainee) -> Result<(), StoreError> {
        both!(self, s => s.update_trainee(trainee))
    }

    /// Store only a roster trainee's count of wrong PINs and pause (what a station's sign-in
    /// writes; a PostgreSQL station role may update these two columns and nothing else).
    pub(super) fn set_tries(&mut self, trainee: &super::Trainee) -> Result<(), StoreError> {
        both!(self, s => s.set_tries(trainee))
    }

    /// The assessment sessions that ended in `[from, to)` (ms), for the ranking.
    pub fn summaries(&mut self, from: i64, to: i64) -> Result<Vec<Summary>, StoreError> {
        both!(self, s => s.summaries(from, to))
    }

    /// Trainee names, most recently active first.
    pub fn trainees(&mut self) -> Result<Vec<String>, StoreError> {
        both!(self, s => s.trainees())
    }

    /// Set the scenarios assigned for `month` (`2026-12`), replacing any earlier set; an empty
    /// list clears it.
    pub fn assign(&mut self, month: &str, scenarios: &[String]) -> Result<(), StoreError> {
        both!(self, s => s.assign(month, scenarios))
    }

    /// The scenarios assigned for `month`, by id (empty when none were).
    pub fn assignments(&mut self, month: &str) -> Result<Vec<String>, StoreError> {
        both!(self, s => s.assignments(month))
    }

    /// The texts of a content version.
    pub fn version(&mut self, hash: &str) -> Result<Option<ContentVersion>, StoreError> {
        both!(self, s => s.version(hash))
    }

    /// The chain's head, once anything was saved.
    pub fn head(&mut self) -> Result<Option<Head>, StoreError> {
        both!(self, s => s.head())
    }

    /// Run a SQL query that returns one row of text columns (benchmarks and tests compare the
    /// ranking with a raw SQL aggregate this way).
    pub fn query_strings(&mut self, sql: &str, month: (i64, i64)) -> Result<Vec<Vec<String>>, StoreError> {
        both!(self, s => s.query_strings(sql, month))
    }
}

/// Whose history to read.
pub(super) enum Who<'a> {
    /// A roster trainee.
    Roster {
        /// Their id.
        id: &'a str,
        /// Their name today.
        name: &'a str,
        /// The name they were added under.
        first_name: &'a str,
    },
    /// Anyone else, by the name they typed.
    Name(&'a str),
}

/// Whose assessment a stored session is, for the ranking: the roster trainee with the record's
/// id; for a record without one (saved before the roster, or by an older program), the trainee
/// added under its name if it ended before they were added, else the name itself if it ended
/// before anyone was on the roster. Anything else ran without a PIN after the roster began and
/// is not counted. Resolved once per distinct (name, id) pair, so a million rows cost a few
/// hundred look-ups.
pub(super) struct Owners {
    roster: Vec<super::Trainee>,
    /// When the roster began (the first trainee added); None while it is empty.
    began: Option<i64>,
    /// Stored name → roster id ("" for none) → owner. Looked up by `&str` on every row, so a
    /// row already seen allocates nothing.
    seen: std::collections::HashMap<Box<str>, std::collections::HashMap<Box<str>, Owner>>,
}

/// The shown name of a record's trainee, and the time before which a record must have ended
/// to count (None: always counts).
#[derive(Clone)]
struct Owner {
    shown: Arc<str>,
    ended_before: Option<i64>,
}

impl Owners {
    pub(super) fn new(roster: Vec<super::Trainee>) -> Owners {
        let began = roster.iter().map(|t| t.added_at).min();
        Owners { roster, began, seen: std::collections::HashMap::new() }
    }

    /// The shown name of the trainee stored as `name` with roster id `id`, or None when the
    /// session does not count (see [`Owners`]).
    pub(super) fn name(
        &mut self,
        names: &mut Interner,
        name: &str,
        id: Option<&str>,
        finished_at: i64,
    ) -> Option<Arc<str>> {
        if self.began.is_none() && id.is_none() {
            return Some(names.get(name));
        }
        let owner = match self.seen.get(name).and_then(|by_id| by_id.get(id.unwrap_or_default())) {
            Some(o) => o.clone(),
            None => {
                let found = super::roster::owner(&self.roster, id, name);
                let owner = match (id, found) {
                    (Some(_), Some(t)) => Owner { shown: names.get(&t.name), ended_before: None },
                    // An id no roster entry has: shown as stored (the MAC vouches for it).
                    (Some(_), None) => Owner { shown: names.get(name), ended_before: None },
                    (None, Some(t)) => Owner { shown: names.get(&t.name), ended_before: Some(t.added_at) },
                    (None, None) => Owner { shown: names.get(name), ended_before: self.began },
                };
                self.seen.entry(name.into()).or_default().insert(id.unwrap_or_default().into(), owner.clone());
                owner
            }
        };
        match owner.ended_before {
            Some(t) if finished_at >= t => None,
            _ => Some(owner.shown),
        }
    }
}

/// Decode a stored row's JSON/text columns into a record.
#[allow(clippy::too_many_arguments)]
pub(super) fn decode(
    db: &str,
    seq: i64,
    mut record: Record,
    mode: &str,
    choices: &str,
    verdicts: &str,
    categories: &str,
    outcome: Option<&str>,
) -> Result<Record, StoreError> {
    let bad = |detail: String| StoreError::Data { db: db.to_string(), seq, detail };
    record.mode = super::Mode::parse(mode).ok_or_else(|| bad(format!("unknown mode `{mode}`")))?;
    record.choices = serde_json::from_str(choices).map_err(|e| bad(format!("choices: {e}")))?;
    record.verdicts = serde_json::from_str(verdicts).map_err(|e| bad(format!("verdicts: {e}")))?;
    record.categories = serde_json::from_str(categories).map_err(|e| bad(format!("categories: {e}")))?;
    record.outcome =
        outcome.map(|o| Outcome::from_name(o).ok_or_else(|| bad(format!("unknown outcome `{o}`")))).transpose()?;
    Ok(record)
}

/// The JSON columns of a record: choices, verdicts, categories.
pub(super) fn encode(record: &Record) -> [String; 3] {
    [
        serde_json::to_string(&record.choices).unwrap_or_default(),
        serde_json::to_string(&record.verdicts).unwrap_or_default(),
        serde_json::to_string(&record.categories).unwrap_or_default(),
    ]
}

/// A record with only the scalar fields set; `decode` fills the rest.
#[allow(clippy::too_many_arguments)]
pub(super) fn scalars(
    trainee: String,
    scenario: String,
    version: String,
    seed: i64,
    total: f64,
    ending: Option<String>,
    started_at: i64,
    finished_at: i64,
    program: String,
) -> Record {
    Record {
        trainee,
        scenario,
        version,
        mode: super::Mode::Practice,
        seed: seed as u64,
        choices: Vec::new(),
        verdicts: Vec::new(),
        categories: BTreeMap::new(),
        total,
        outcome: None,
        ending,
        started_at,
        finished_at,
        program,
        played: super::Played::Unknown,
        trainee_id: None,
        language: None,
    }
}
