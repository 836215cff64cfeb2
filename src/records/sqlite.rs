//! The SQLite backend: one file, WAL journal, one `BEGIN IMMEDIATE` transaction per save.

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, ErrorCode, OptionalExtension, TransactionBehavior, params};

use super::store::{COLUMNS, Interner, Owners, ROSTER_COLUMNS, SCHEMA_VERSION, Summary, Who, decode, encode, scalars};
use super::{ContentVersion, Head, Key, Record, StoreError, Stored, Trainee};

/// How long a save waits for another station's write to finish.
const BUSY: Duration = Duration::from_secs(5);

const MIGRATIONS: &[&str] = &[
    // 1: records, content versions, the chain head.
    "CREATE TABLE content_versions (
        hash TEXT PRIMARY KEY, scenario TEXT NOT NULL, scenario_text TEXT NOT NULL, rulebook_text TEXT NOT NULL);
     CREATE TABLE records (
        seq INTEGER PRIMARY KEY, trainee TEXT NOT NULL, scenario TEXT NOT NULL, version TEXT NOT NULL,
        mode TEXT NOT NULL, seed INTEGER NOT NULL, choices TEXT NOT NULL, verdicts TEXT NOT NULL,
        categories TEXT NOT NULL, total REAL NOT NULL, outcome TEXT, ending TEXT,
        started_at INTEGER NOT NULL, finished_at INTEGER NOT NULL, program TEXT NOT NULL,
        prev_mac TEXT NOT NULL, mac TEXT NOT NULL);
     CREATE INDEX records_by_time ON records (mode, finished_at);
     CREATE INDEX records_by_trainee ON records (trainee, finished_at);
     CREATE TABLE chain_head (
        id INTEGER PRIMARY KEY CHECK (id = 1), count INTEGER NOT NULL, last_mac TEXT NOT NULL, mac TEXT NOT NULL);",
    // 2: a covering index for the ranking, so it reads ~150 bytes a session instead of the whole
    // record (verdicts and choices are most of a row).
    "DROP INDEX records_by_time;
     CREATE INDEX records_ranking ON records (mode, finished_at, trainee, scenario, total, outcome, categories);",
    // 3: the scenarios a trainer assigned for each month; how each session was played.
    "CREATE TABLE assignments (
        month TEXT NOT NULL, scenario TEXT NOT NULL, assigned_at INTEGER NOT NULL, PRIMARY KEY (month, scenario));
     ALTER TABLE records ADD COLUMN played TEXT NOT NULL DEFAULT 'unknown';
     DROP INDEX records_ranking;
     CREATE INDEX records_ranking ON records (mode, finished_at, trainee, scenario, total, outcome, categories, played);",
    // 4: the roster (stable ids, PIN hashes, wrong tries); the roster id of each record's trainee.
    "CREATE TABLE trainees (
        id TEXT PRIMARY KEY, name TEXT NOT NULL, first_name TEXT NOT NULL, pin_hash TEXT NOT NULL,
        added_at INTEGER NOT NULL, removed_at INTEGER,
        failed_tries INTEGER NOT NULL DEFAULT 0, paused_until INTEGER NOT NULL DEFAULT 0);
     CREATE UNIQUE INDEX trainees_by_name ON trainees (name) WHERE removed_at IS NULL;
     ALTER TABLE records ADD COLUMN trainee_id TEXT;
     CREATE INDEX records_by_trainee_id ON records (trainee_id, finished_at);
     DROP INDEX records_ranking;
     CREATE INDEX records_ranking
         ON records (mode, finished_at, trainee, scenario, total, outcome, categories, played, trainee_id);",
    // 5: the language each session was played in.
    "ALTER TABLE records ADD COLUMN language TEXT;",
];

/// An open SQLite session database.
pub struct SqliteStore {
    conn: Connection,
    /// The file, as the operating system names it (not necessarily UTF-8).
    path: PathBuf,
    /// The file's name for messages.
    db: String,
}

impl SqliteStore {
    /// Open or create the file and bring its schema up to date. A file marked read-only, one
    /// that is not a database, or one from a newer program is refused with a clear error.
    pub fn open(path: &Path) -> Result<SqliteStore, StoreError> {
        let db = path.display().to_string();
        if let Ok(meta) = std::fs::metadata(path)
            && meta.permissions().readonly()
        {
            return Err(StoreError::ReadOnly { db });
        }
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir)
                .map_err(|e| StoreError::Other { db: db.clone(), detail: format!("cannot create its folder: {e}") })?;
        }
        let conn = Connection::open(path).map_err(|e| classify(&db, e))?;
        let mut store = SqliteStore { conn, path: path.to_path_buf(), db };
        store.setup().map_err(|e| classify(&store.db, e))?;
        store.migrate()?;
        Ok(store)
    }

    fn setup(&mut self) -> rusqlite::Result<()> {
        self.conn.busy_timeout(BUSY)?;
        // Reading the header first turns "not a database" into an error here, before any write.
        self.conn.query_row("SELECT count(*) FROM sqlite_master", [], |_| Ok(()))?;
        let mode: String = self.conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
        if !mode.eq_ignore_ascii_case("wal") {
            return Err(rusqlite::Error::InvalidQuery);
        }
        self.conn.execute_batch("PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;")
    }

    fn migrate(&mut self) -> Result<(), StoreError> {
        let db = self.db.clone();
        let err = |e| classify(&db, e);
        // A current schema is read without the write lock, so opening a store to read it (the
        // leaderboard, a report) never waits for, or blocks, another station's save.
        let current: Option<i64> = self
            .conn
            .query_row("SELECT max(version) FROM schema_version", [], |r| r.get(0))
            .optional()
            .ok()
            .flatten()
            .flatten();
        if current == Some(SCHEMA_VERSION) {
            return Ok(());
        }
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate).map_err(err)?;
        tx.execute_batch(
            "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL, applied_at INTEGER NOT NULL)",
        )
        .map_err(err)?;
        let found: i64 =
            tx.query_row("SELECT coalesce(max(version), 0) FROM schema_version", [], |r| r.get(0)).map_err(err)?;
        if found > SCHEMA_VERSION {
            return Err(StoreError::Newer { db: db.clone(), found, known: SCHEMA_VERSION });
        }
        for (i, sql) in MIGRATIONS.iter().enumerate().skip(found as usize) {
            tx.execute_batch(sql).map_err(err)?;
            tx.execute("INSERT INTO schema_version VALUES (?1, ?2)", params![i as i64 + 1, super::now_ms()])
                .map_err(err)?;
        }
        tx.commit().map_err(err)
    }

    pub(super) fn save(&mut self, record: &Record, version: &ContentVersion, key: &Key) -> Result<i64, StoreError> {
        self.save_many(std::iter::once((record, version)), key)
    }

    pub(super) fn save_all(&mut self, items: &[(Record, ContentVersion)], key: &Key) -> Result<(), StoreError> {
        self.save_many(items.iter().map(|(r, v)| (r, v)), key).map(|_| ())
    }

    fn save_many<'a>(
        &mut self,
        items: impl Iterator<Item = (&'a Record, &'a ContentVersion)>,
        key: &Key,
    ) -> Result<i64, StoreError> {
        let db = self.db.clone();
        let err = |e| classify(&db, e);
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate).map_err(err)?;
        let head: Option<(i64, String)> = tx
            .query_row("SELECT count, last_mac FROM chain_head WHERE id = 1", [], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()
            .map_err(err)?;
        let (mut seq, mut prev) = head.unwrap_or_else(|| (0, key.genesis()));
        {
            let mut put_version =
                tx.prepare_cached("INSERT OR IGNORE INTO content_versions VALUES (?1, ?2, ?3, ?4)").map_err(err)?;
            let mut put = tx
                .prepare_cached(&format!(
                    "INSERT INTO records ({COLUMNS}) VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16,?17,?18,?19,?20)"
                ))
                .map_err(err)?;
            let mut last_version = String::new();
            for (record, version) in items {
                if version.hash != last_version {
                    put_version
                        .execute(params![version.hash, version.scenario, version.scenario_text, version.rulebook_text])
                        .map_err(err)?;
                    last_version.clone_from(&version.hash);
                }
                seq += 1;
                let mac = key.mac(&prev, record);
                let [choices, verdicts, categories] = encode(record);
                put.execute(params![
                    seq,
                    record.trainee,
                    record.scenario,
                    record.version,
                    record.mode.as_str(),
                    record.seed as i64,
                    choices,
                    verdicts,
                    categories,
                    record.total,
                    record.outcome.map(|o| o.as_str()),
                    record.ending,
                    record.started_at,
                    record.finished_at,
                    record.program,
                    prev,
                    mac,
                    record.played.as_str(),
                    record.trainee_id,
                    record.language
                ])
                .map_err(err)?;
                prev = mac;
            }
        }
        tx.execute(
            "INSERT OR REPLACE INTO chain_head VALUES (1, ?1, ?2, ?3)",
            params![seq, prev, key.head_mac(seq, &prev)],
        )
        .map_err(err)?;
        tx.commit().map_err(err)?;
        Ok(seq)
    }

    fn select(&mut self, filter: &str, args: impl rusqlite::Params) -> Result<Vec<Stored>, StoreError> {
        let db = self.db.clone();
        let err = |e| classify(&db, e);
        let mut stmt = self.conn.prepare(&format!("SELECT {COLUMNS} FROM records {filter}")).map_err(err)?;
        let rows = stmt
            .query_map(args, |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    scalars(
                        r.get(1)?,
                        r.get(2)?,
                        r.get(3)?,
                        r.get(5)?,
                        r.get(9)?,
                        r.get(11)?,
                        r.get(12)?,
                        r.get(13)?,
                        r.get(14)?,
                    ),
                    [r.get::<_, String>(4)?, r.get(6)?, r.get(7)?, r.get(8)?],
                    r.get::<_, Option<String>>(10)?,
                    (r.get::<_, String>(15)?, r.get::<_, String>(16)?),
                    r.get::<_, String>(17)?,
                    (r.get::<_, Option<String>>(18)?, r.get::<_, Option<String>>(19)?),
                ))
            })
            .map_err(err)?;
        let mut out = Vec::new();
        for row in rows {
            let (
                seq,
                rec,
                [mode, choices, verdicts, categories],
                outcome,
                (prev_mac, mac),
                played,
                (trainee_id, language),
            ) = row.map_err(err)?;
            let mut record = decode(&self.db, seq, rec, &mode, &choices, &verdicts, &categories, outcome.as_deref())?;
            record.played = super::Played::parse(&played);
            record.trainee_id = trainee_id;
            record.language = language;
            out.push(Stored { seq, record, prev_mac, mac });
        }
        Ok(out)
    }

    pub(super) fn records(&mut self, range: Option<(i64, i64)>) -> Result<Vec<Stored>, StoreError> {
        let (from, to) = range.unwrap_or((i64::MIN, i64::MAX));
        self.select("WHERE finished_at >= ?1 AND finished_at < ?2 ORDER BY seq", params![from, to])
    }

    pub(super) fn history(&mut self, who: &Who) -> Result<Vec<Stored>, StoreError> {
        match *who {
            Who::Roster { id, name, first_name } => self.select(
                "WHERE trainee_id = ?1 OR (trainee_id IS NULL AND trainee IN (?2, ?3))
                 ORDER BY finished_at DESC, seq DESC",
                params![id, name, first_name],
            ),
            Who::Name(name) => self.select("WHERE trainee = ?1 ORDER BY finished_at DESC, seq DESC", params![name]),
        }
    }

    pub(super) fn roster(&mut self) -> Result<Vec<Trainee>, StoreError> {
        let db = self.db.clone();
        let err = |e| classify(&db, e);
        let mut stmt = self
            .conn
            .prepare_cached(&format!("SELECT {ROSTER_COLUMNS} FROM trainees ORDER BY added_at, id"))
            .map_err(err)?;
        let rows = stmt
            .query_map([], |r| {
                Ok(Trainee {
                    id: r.get(0)?,
                    name: r.get(1)?,
                    first_name: r.get(2)?,
                    pin_hash: r.get(3)?,
                    added_at: r.get(4)?,
                    removed_at: r.get(5)?,
                    failed_tries: r.get(6)?,
                    paused_until: r.get(7)?,
                })
            })
            .map_err(err)?;
        rows.collect::<Result<_, _>>().map_err(err)
    }

    pub(super) fn add_trainee(&mut self, t: &Trainee) -> Result<(), StoreError> {
        self.conn
            .execute(
                &format!("INSERT INTO trainees ({ROSTER_COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"),
                params![
                    t.id,
                    t.name,
                    t.first_name,
                    t.pin_hash,
                    t.added_at,
                    t.removed_at,
                    t.failed_tries,
                    t.paused_until
                ],
            )
            .map(|_| ())
            .map_err(|e| classify(&self.db, e))
    }

    pub(super) fn set_tries(&mut self, t: &Trainee) -> Result<(), StoreError> {
        self.conn
            .execute(
                "UPDATE trainees SET failed_tries = ?2, paused_until = ?3 WHERE id = ?1",
                params![t.id, t.failed_tries, t.paused_until],
            )
            .map(|_| ())
            .map_err(|e| classify(&self.db, e))
    }

    pub(super) fn update_trainee(&mut self, t: &Trainee) -> Result<(), StoreError> {
        self.conn
            .execute(
                "UPDATE trainees SET name = ?2, pin_hash = ?3, removed_at = ?4, failed_tries = ?5, paused_until = ?6
                 WHERE id = ?1",
                params![t.id, t.name, t.pin_hash, t.removed_at, t.failed_tries, t.paused_until],
            )
            .map(|_| ())
            .map_err(|e| classify(&self.db, e))
    }

    /// Read on two connections at once, each half of the time range (WAL lets readers run in
    /// parallel): a month of a million sessions is read in about half the time.
    pub(super) fn summaries(&mut self, from: i64, to: i64) -> Result<Vec<Summary>, StoreError> {
        let mid = from.saturating_add(to.saturating_sub(from) / 2);
        let roster = self.roster()?;
        let (path, db, theirs) = (self.path(), self.db.clone(), roster.clone());
        let other = std::thread::spawn(move || -> Result<Vec<Summary>, StoreError> {
            let conn = Connection::open(&path).map_err(|e| classify(&db, e))?;
            conn.busy_timeout(BUSY).map_err(|e| classify(&db, e))?;
            read_summaries(&conn, &db, from, mid, Owners::new(theirs))
        });
        let second = read_summaries(&self.conn, &self.db, mid, to, Owners::new(roster));
        let mut first = other
            .join()
            .map_err(|_| StoreError::Other { db: self.db.clone(), detail: "the reading thread failed".into() })??;
        first.extend(second?);
        Ok(first)
    }

    pub(super) fn trainees(&mut self) -> Result<Vec<String>, StoreError> {
        let db = self.db.clone();
        let err = |e| classify(&db, e);
        let mut stmt = self
            .conn
            .prepare("SELECT trainee FROM records GROUP BY trainee ORDER BY max(finished_at) DESC, trainee")
            .map_err(err)?;
        let names = stmt.query_map([], |r| r.get(0)).map_err(err)?;
        names.collect::<Result<_, _>>().map_err(err)
    }

    pub(super) fn assign(&mut self, month: &str, scenarios: &[String]) -> Result<(), StoreError> {
        let db = self.db.clone();
        let err = |e| classify(&db, e);
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate).map_err(err)?;
        tx.execute("DELETE FROM assignments WHERE month = ?1", [month]).map_err(err)?;
        for s in scenarios {
            tx.execute("INSERT INTO assignments VALUES (?1, ?2, ?3)", params![month, s, super::now_ms()])
                .map_err(err)?;
        }
        tx.commit().map_err(err)
    }

    pub(super) fn assignments(&mut self, month: &str) -> Result<Vec<String>, StoreError> {
        let db = self.db.clone();
        let err = |e| classify(&db, e);
        let mut stmt =
            self.conn.prepare("SELECT scenario FROM assignments WHERE month = ?1 ORDER BY scenario").map_err(err)?;
        let names = stmt.query_map([month], |r| r.get(0)).map_err(err)?;
        names.collect::<Result<_, _>>().map_err(err)
    }

    pub(super) fn version(&mut self, hash: &str) -> Result<Option<ContentVersion>, StoreError> {
        self.conn
            .query_row(
                "SELECT hash, scenario, scenario_text, rulebook_text FROM content_versions WHERE hash = ?1",
                [hash],
                |r| {
                    Ok(ContentVersion {
                        hash: r.get(0)?,
                        scenario: r.get(1)?,
                        scenario_text: r.get(2)?,
                        rulebook_text: r.get(3)?,
                    })
                },
            )
            .optional()
            .map_err(|e| classify(&self.db, e))
    }

    pub(super) fn head(&mut self) -> Result<Option<Head>, StoreError> {
        self.conn
            .query_row("SELECT count, last_mac, mac FROM chain_head WHERE id = 1", [], |r| {
                Ok(Head { count: r.get(0)?, last_mac: r.get(1)?, mac: r.get(2)? })
            })
            .optional()
            .map_err(|e| classify(&self.db, e))
    }

    pub(super) fn query_strings(&mut self, sql: &str, month: (i64, i64)) -> Result<Vec<Vec<String>>, StoreError> {
        let db = self.db.clone();
        let err = |e| classify(&db, e);
        let mut stmt = self.conn.prepare(sql).map_err(err)?;
        let n = stmt.column_count();
        let rows = stmt
            .query_map(params![month.0, month.1], |r| {
                (0..n)
                    .map(|i| {
                        Ok(match r.get_ref(i)? {
                            rusqlite::types::ValueRef::Null => String::new(),
                            rusqlite::types::ValueRef::Integer(v) => v.to_string(),
                            rusqlite::types::ValueRef::Real(v) => v.to_string(),
                            v => v.as_str().unwrap_or_default().to_string(),
                        })
                    })
                    .collect()
            })
            .map_err(err)?;
        rows.collect::<Result<_, _>>().map_err(err)
    }

    /// The file.
    pub fn path(&self) -> PathBuf {
        self.path.clone()
    }
}

/// The assessment sessions that ended in `[from, to)`.
fn read_summaries(
    conn: &Connection,
    db: &str,
    from: i64,
    to: i64,
    mut owners: Owners,
) -> Result<Vec<Summary>, StoreError> {
    let err = |e| classify(db, e);
    let mut stmt = conn
        .prepare(
            "SELECT seq, trainee, scenario, total, categories, outcome, finished_at, trainee_id FROM records
             WHERE mode = 'assessment' AND finished_at >= ?1 AND finished_at < ?2 AND played <> 'scripted'",
        )
        .map_err(err)?;
    let mut rows = stmt.query(params![from, to]).map_err(err)?;
    let mut out = Vec::new();
    let mut names = Interner::default();
    while let Some(r) = rows.next().map_err(err)? {
        let seq: i64 = r.get(0).map_err(err)?;
        let bad = |detail: String| StoreError::Data { db: db.to_string(), seq, detail };
        let text = |i: usize| r.get_ref(i).map_err(err)?.as_str().map_err(|e| bad(e.to_string()));
        let outcome = r.get_ref(5).map_err(err)?.as_str_or_null().map_err(|e| bad(e.to_string()))?;
        let trainee_id = r.get_ref(7).map_err(err)?.as_str_or_null().map_err(|e| bad(e.to_string()))?;
        let finished_at: i64 = r.get(6).map_err(err)?;
        let Some(trainee) = owners.name(&mut names, text(1)?, trainee_id, finished_at) else { continue };
        out.push(Summary {
            seq,
            trainee,
            scenario: names.get(text(2)?),
            total: r.get(3).map_err(err)?,
            categories: names.categories(text(4)?).map_err(|e| bad(format!("categories: {e}")))?,
            outcome: outcome.and_then(crate::scenario::Outcome::from_name),
            finished_at,
        });
    }
    Ok(out)
}

/// Turn a SQLite error into a message that says what to do.
fn classify(db: &str, e: rusqlite::Error) -> StoreError {
    let db = db.to_string();
    match e.sqlite_error_code() {
        Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => {
            StoreError::Locked { db, waited_s: BUSY.as_secs() }
        }
        Some(ErrorCode::ReadOnly) => StoreError::ReadOnly { db },
        Some(ErrorCode::NotADatabase | ErrorCode::DatabaseCorrupt) => StoreError::Corrupt { db, detail: e.to_string() },
        _ if matches!(e, rusqlite::Error::InvalidQuery) => {
            StoreError::Other { db, detail: "cannot switch the journal to WAL mode".into() }
        }
        _ => StoreError::Other { db, detail: e.to_string() },
    }
}
