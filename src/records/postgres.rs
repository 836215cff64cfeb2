//! The PostgreSQL backend: the same schema and calls as SQLite, for many stations sharing one
//! ranking. Saves are serialised by a transaction-scoped advisory lock, so the chain stays a
//! single line however many stations save at once.

use postgres::{Client, NoTls, Row, Transaction};

use super::store::{COLUMNS, Interner, Owners, ROSTER_COLUMNS, SCHEMA_VERSION, Summary, Who, decode, encode, scalars};
use super::{ContentVersion, Head, Key, Record, StoreError, Stored, Trainee};

/// Advisory lock id taken by every save and migration.
const LOCK: i64 = 0x7265_6865_6172_7365; // "rehearse"

const MIGRATIONS: &[&str] = &[
    // 1: records, content versions, the chain head.
    "CREATE TABLE content_versions (
        hash TEXT PRIMARY KEY, scenario TEXT NOT NULL, scenario_text TEXT NOT NULL, rulebook_text TEXT NOT NULL);
     CREATE TABLE records (
        seq BIGINT PRIMARY KEY, trainee TEXT NOT NULL, scenario TEXT NOT NULL, version TEXT NOT NULL,
        mode TEXT NOT NULL, seed BIGINT NOT NULL, choices TEXT NOT NULL, verdicts TEXT NOT NULL,
        categories TEXT NOT NULL, total DOUBLE PRECISION NOT NULL, outcome TEXT, ending TEXT,
        started_at BIGINT NOT NULL, finished_at BIGINT NOT NULL, program TEXT NOT NULL,
        prev_mac TEXT NOT NULL, mac TEXT NOT NULL);
     CREATE INDEX records_by_time ON records (mode, finished_at);
     CREATE INDEX records_by_trainee ON records (trainee, finished_at);
     CREATE TABLE chain_head (
        id INTEGER PRIMARY KEY CHECK (id = 1), count BIGINT NOT NULL, last_mac TEXT NOT NULL, mac TEXT NOT NULL);",
    // 2: a covering index for the ranking (index-only scans skip verdicts and choices).
    "DROP INDEX records_by_time;
     CREATE INDEX records_ranking ON records (mode, finished_at) INCLUDE (seq, trainee, scenario, total, outcome, categories);",
    // 3: the scenarios a trainer assigned for each month; how each session was played.
    "CREATE TABLE assignments (
        month TEXT NOT NULL, scenario TEXT NOT NULL, assigned_at BIGINT NOT NULL, PRIMARY KEY (month, scenario));
     ALTER TABLE records ADD COLUMN played TEXT NOT NULL DEFAULT 'unknown';
     DROP INDEX records_ranking;
     CREATE INDEX records_ranking ON records (mode, finished_at)
         INCLUDE (seq, trainee, scenario, total, outcome, categories, played);",
    // 4: the roster (stable ids, PIN hashes, wrong tries); the roster id of each record's trainee.
    "CREATE TABLE trainees (
        id TEXT PRIMARY KEY, name TEXT NOT NULL, first_name TEXT NOT NULL, pin_hash TEXT NOT NULL,
        added_at BIGINT NOT NULL, removed_at BIGINT,
        failed_tries BIGINT NOT NULL DEFAULT 0, paused_until BIGINT NOT NULL DEFAULT 0);
     CREATE UNIQUE INDEX trainees_by_name ON trainees (name) WHERE removed_at IS NULL;
     ALTER TABLE records ADD COLUMN trainee_id TEXT;
     CREATE INDEX records_by_trainee_id ON records (trainee_id, finished_at);
     DROP INDEX records_ranking;
     CREATE INDEX records_ranking ON records (mode, finished_at)
         INCLUDE (seq, trainee, scenario, total, outcome, categories, played, trainee_id);",
    // 5: the language each session was played in.
    "ALTER TABLE records ADD COLUMN language TEXT;",
];

/// An open PostgreSQL session database.
pub struct PgStore {
    client: Client,
    db: String,
}

impl PgStore {
    /// Connect and bring the schema up to date. `shown` is the URL with its password hidden.
    pub fn open(url: &str, shown: &str) -> Result<PgStore, StoreError> {
        let db = shown.to_string();
        let client = Client::connect(url, NoTls).map_err(|e| other(&db, &e))?;
        let mut store = PgStore { client, db };
        store.migrate()?;
        Ok(store)
    }

    fn migrate(&mut self) -> Result<(), StoreError> {
        let db = self.db.clone();
        let err = |e: postgres::Error| other(&db, &e);
        // A current schema is read without the lock (see the SQLite backend).
        let current = self.client.query_opt("SELECT max(version) FROM schema_version", &[]).ok().flatten();
        if current.and_then(|r| r.try_get::<_, Option<i64>>(0).ok().flatten()) == Some(SCHEMA_VERSION) {
            return Ok(());
        }
        let mut tx = self.client.transaction().map_err(err)?;
        tx.execute("SELECT pg_advisory_xact_lock($1)", &[&LOCK]).map_err(err)?;
        tx.batch_execute(
            "CREATE TABLE IF NOT EXISTS schema_version (version BIGINT NOT NULL, applied_at BIGINT NOT NULL)",
        )
        .map_err(err)?;
        let found: i64 = tx
            .query_one("SELECT coalesce(max(version), 0) FROM schema_version", &[])
            .and_then(|r| r.try_get(0))
            .map_err(err)?;
        if found > SCHEMA_VERSION {
            return Err(StoreError::Newer { db: db.clone(), found, known: SCHEMA_VERSION });
        }
        for (i, sql) in MIGRATIONS.iter().enumerate().skip(found as usize) {
            tx.batch_execute(sql).map_err(err)?;
            tx.execute("INSERT INTO schema_version VALUES ($1, $2)", &[&(i as i64 + 1), &super::now_ms()])
                .map_err(err)?;
        }
        tx.commit().map_err(err)
    }

    pub(super) fn save(&mut self, record: &Record, version: &ContentVersion, key: &Key) -> Result<i64, StoreError> {
        let db = self.db.clone();
        let mut tx = self.client.transaction().map_err(|e| other(&db, &e))?;
        let seq = save_in(&mut tx, &db, std::iter::once((record, version)), key)?;
        tx.commit().map_err(|e| other(&db, &e))?;
        Ok(seq)
    }

    pub(super) fn save_all(&mut self, items: &[(Record, ContentVersion)], key: &Key) -> Result<(), StoreError> {
        let db = self.db.clone();
        let mut tx = self.client.transaction().map_err(|e| other(&db, &e))?;
        save_in(&mut tx, &db, items.iter().map(|(r, v)| (r, v)), key)?;
        tx.commit().map_err(|e| other(&db, &e))
    }

    fn select(
        &mut self,
        filter: &str,
        args: &[&(dyn postgres::types::ToSql + Sync)],
    ) -> Result<Vec<Stored>, StoreError> {
        let db = self.db.clone();
        let rows =
            self.client.query(&format!("SELECT {COLUMNS} FROM records {filter}"), args).map_err(|e| other(&db, &e))?;
        rows.iter().map(|r| stored(&db, r)).collect()
    }

    pub(super) fn records(&mut self, range: Option<(i64, i64)>) -> Result<Vec<Stored>, StoreError> {
        let (from, to) = range.unwrap_or((i64::MIN, i64::MAX));
        self.select("WHERE finished_at >= $1 AND finished_at < $2 ORDER BY seq", &[&from, &to])
    }

    pub(super) fn history(&mut self, who: &Who) -> Result<Vec<Stored>, StoreError> {
        match *who {
            Who::Roster { id, name, first_name } => self.select(
                "WHERE trainee_id = $1 OR (trainee_id IS NULL AND trainee IN ($2, $3))
                 ORDER BY finished_at DESC, seq DESC",
                &[&id, &name, &first_name],
            ),
            Who::Name(name) => self.select("WHERE trainee = $1 ORDER BY finished_at DESC, seq DESC", &[&name]),
        }
    }

    pub(super) fn roster(&mut self) -> Result<Vec<Trainee>, StoreError> {
        let db = self.db.clone();
        let rows = self
            .client
            .query(&format!("SELECT {ROSTER_COLUMNS} FROM trainees ORDER BY added_at, id"), &[])
            .map_err(|e| other(&db, &e))?;
        rows.iter()
            .map(|r| -> Result<Trainee, postgres::Error> {
                Ok(Trainee {
                    id: r.try_get(0)?,
                    name: r.try_get(1)?,
                    first_name: r.try_get(2)?,
                    pin_hash: r.try_get(3)?,
                    added_at: r.try_get(4)?,
                    removed_at: r.try_get(5)?,
                    failed_tries: u32::try_from(r.try_get::<_, i64>(6)?).unwrap_or(u32::MAX),
                    paused_until: r.try_get(7)?,
                })
            })
            .collect::<Result<_, _>>()
            .map_err(|e| other(&db, &e))
    }

    pub(super) fn add_trainee(&mut self, t: &Trainee) -> Result<(), StoreError> {
        let db = self.db.clone();
        self.client
            .execute(
                &format!("INSERT INTO trainees ({ROSTER_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)"),
                &[
                    &t.id,
                    &t.name,
                    &t.first_name,
                    &t.pin_hash,
                    &t.added_at,
                    &t.removed_at,
                    &i64::from(t.failed_tries),
                    &t.paused_until,
                ],
            )
            .map(|_| ())
            .map_err(|e| other(&db, &e))
    }

    pub(super) fn set_tries(&mut self, t: &Trainee) -> Result<(), StoreError> {
        let db = self.db.clone();
        self.client
            .execute(
                "UPDATE trainees SET failed_tries = $2, paused_until = $3 WHERE id = $1",
                &[&t.id, &i64::from(t.failed_tries), &t.paused_until],
            )
            .map(|_| ())
            .map_err(|e| other(&db, &e))
    }

    pub(super) fn update_trainee(&mut self, t: &Trainee) -> Result<(), StoreError> {
        let db = self.db.clone();
        self.client
            .execute(
                "UPDATE trainees SET name = $2, pin_hash = $3, removed_at = $4, failed_tries = $5, paused_until = $6
                 WHERE id = $1",
                &[&t.id, &t.name, &t.pin_hash, &t.removed_at, &i64::from(t.failed_tries), &t.paused_until],
            )
            .map(|_| ())
            .map_err(|e| other(&db, &e))
    }

    pub(super) fn summaries(&mut self, from: i64, to: i64) -> Result<Vec<Summary>, StoreError> {
        let mut owners = Owners::new(self.roster()?);
        let db = self.db.clone();
        let rows = self
            .client
            .query(
                "SELECT seq, trainee, scenario, total, categories, outcome, finished_at, trainee_id FROM records
                 WHERE mode = 'assessment' AND finished_at >= $1 AND finished_at < $2 AND played <> 'scripted'",
                &[&from, &to],
            )
            .map_err(|e| other(&db, &e))?;
        let mut names = Interner::default();
        let mut out = Vec::with_capacity(rows.len());
        for r in &rows {
            let seq: i64 = r.try_get(0).map_err(|e| other(&db, &e))?;
            let bad = |e: &dyn std::fmt::Display| StoreError::Data { db: db.clone(), seq, detail: e.to_string() };
            let categories: &str = r.try_get(4).map_err(|e| bad(&e))?;
            let outcome: Option<&str> = r.try_get(5).map_err(|e| bad(&e))?;
            let trainee_id: Option<&str> = r.try_get(7).map_err(|e| bad(&e))?;
            let finished_at: i64 = r.try_get(6).map_err(|e| bad(&e))?;
            let name: &str = r.try_get(1).map_err(|e| bad(&e))?;
            let Some(trainee) = owners.name(&mut names, name, trainee_id, finished_at) else { continue };
            out.push(Summary {
                seq,
                trainee,
                scenario: names.get(r.try_get(2).map_err(|e| bad(&e))?),
                total: r.try_get(3).map_err(|e| bad(&e))?,
                categories: names.categories(categories).map_err(|e| bad(&e))?,
                outcome: outcome.and_then(crate::scenario::Outcome::from_name),
                finished_at,
            });
        }
        Ok(out)
    }

    pub(super) fn trainees(&mut self) -> Result<Vec<String>, StoreError> {
        let db = self.db.clone();
        let rows = self
            .client
            .query("SELECT trainee FROM records GROUP BY trainee ORDER BY max(finished_at) DESC, trainee", &[])
            .map_err(|e| other(&db, &e))?;
        rows.iter().map(|r| r.try_get(0).map_err(|e| other(&db, &e))).collect()
    }

    pub(super) fn assign(&mut self, month: &str, scenarios: &[String]) -> Result<(), StoreError> {
        let db = self.db.clone();
        let err = |e: postgres::Error| other(&db, &e);
        let mut tx = self.client.transaction().map_err(err)?;
        tx.execute("DELETE FROM assignments WHERE month = $1", &[&month]).map_err(err)?;
        for s in scenarios {
            tx.execute("INSERT INTO assignments VALUES ($1, $2, $3)", &[&month, s, &super::now_ms()]).map_err(err)?;
        }
        tx.commit().map_err(err)
    }

    pub(super) fn assignments(&mut self, month: &str) -> Result<Vec<String>, StoreError> {
        let db = self.db.clone();
        let rows = self
            .client
            .query("SELECT scenario FROM assignments WHERE month = $1 ORDER BY scenario", &[&month])
            .map_err(|e| other(&db, &e))?;
        rows.iter().map(|r| r.try_get(0).map_err(|e| other(&db, &e))).collect()
    }

    pub(super) fn version(&mut self, hash: &str) -> Result<Option<ContentVersion>, StoreError> {
        let db = self.db.clone();
        let row = self
            .client
            .query_opt(
                "SELECT hash, scenario, scenario_text, rulebook_text FROM content_versions WHERE hash = $1",
                &[&hash],
            )
            .map_err(|e| other(&db, &e))?;
        row.map(|r| -> Result<_, postgres::Error> {
            Ok(ContentVersion {
                hash: r.try_get(0)?,
                scenario: r.try_get(1)?,
                scenario_text: r.try_get(2)?,
                rulebook_text: r.try_get(3)?,
            })
        })
        .transpose()
        .map_err(|e| other(&db, &e))
    }

    pub(super) fn head(&mut self) -> Result<Option<Head>, StoreError> {
        let db = self.db.clone();
        let row = self
            .client
            .query_opt("SELECT count, last_mac, mac FROM chain_head WHERE id = 1", &[])
            .map_err(|e| other(&db, &e))?;
        row.map(|r| -> Result<_, postgres::Error> {
            Ok(Head { count: r.try_get(0)?, last_mac: r.try_get(1)?, mac: r.try_get(2)? })
        })
        .transpose()
        .map_err(|e| other(&db, &e))
    }

    pub(super) fn query_strings(&mut self, sql: &str, month: (i64, i64)) -> Result<Vec<Vec<String>>, StoreError> {
        let db = self.db.clone();
        let rows = self.client.query(sql, &[&month.0, &month.1]).map_err(|e| other(&db, &e))?;
        rows.iter()
            .map(|r| {
                (0..r.len())
                    .map(|i| {
                        r.try_get::<_, Option<String>>(i).map(Option::unwrap_or_default).map_err(|e| other(&db, &e))
                    })
                    .collect()
            })
            .collect()
    }
}

fn save_in<'a>(
    tx: &mut Transaction<'_>,
    db: &str,
    items: impl Iterator<Item = (&'a Record, &'a ContentVersion)>,
    key: &Key,
) -> Result<i64, StoreError> {
    let err = |e: postgres::Error| other(db, &e);
    tx.execute("SELECT pg_advisory_xact_lock($1)", &[&LOCK]).map_err(err)?;
    let head = tx.query_opt("SELECT count, last_mac FROM chain_head WHERE id = 1", &[]).map_err(err)?;
    let (mut seq, mut prev): (i64, String) = match head {
        Some(r) => (r.try_get(0).map_err(err)?, r.try_get(1).map_err(err)?),
        None => (0, key.genesis()),
    };
    let put_version = tx
        .prepare("INSERT INTO content_versions VALUES ($1, $2, $3, $4) ON CONFLICT (hash) DO NOTHING")
        .map_err(err)?;
    let put = tx
        .prepare(&format!(
            "INSERT INTO records ({COLUMNS}) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19,$20)"
        ))
        .map_err(err)?;
    let mut last_version = String::new();
    for (record, version) in items {
        if record.trainee.contains('\0') {
            return Err(StoreError::Other {
                db: db.to_string(),
                detail: "a trainee name cannot contain a NUL character".into(),
            });
        }
        if version.hash != last_version {
            tx.execute(
                &put_version,
                &[&version.hash, &version.scenario, &version.scenario_text, &version.rulebook_text],
            )
            .map_err(err)?;
            last_version.clone_from(&version.hash);
        }
        seq += 1;
        let mac = key.mac(&prev, record);
        let [choices, verdicts, categories] = encode(record);
        tx.execute(
            &put,
            &[
                &seq,
                &record.trainee,
                &record.scenario,
                &record.version,
                &record.mode.as_str(),
                &(record.seed as i64),
                &choices,
                &verdicts,
                &categories,
                &record.total,
                &record.outcome.map(|o| o.as_str()),
                &record.ending,
                &record.started_at,
                &record.finished_at,
                &record.program,
                &prev,
                &mac,
                &record.played.as_str(),
                &record.trainee_id,
                &record.language,
            ],
        )
        .map_err(err)?;
        prev = mac;
    }
    tx.execute(
        "INSERT INTO chain_head VALUES (1, $1, $2, $3)
         ON CONFLICT (id) DO UPDATE SET count = EXCLUDED.count, last_mac = EXCLUDED.last_mac, mac = EXCLUDED.mac",
        &[&seq, &prev, &key.head_mac(seq, &prev)],
    )
    .map_err(err)?;
    Ok(seq)
}

fn stored(db: &str, r: &Row) -> Result<Stored, StoreError> {
    let e = |e: postgres::Error| other(db, &e);
    let seq: i64 = r.try_get(0).map_err(e)?;
    let rec = scalars(
        r.try_get(1).map_err(e)?,
        r.try_get(2).map_err(e)?,
        r.try_get(3).map_err(e)?,
        r.try_get(5).map_err(e)?,
        r.try_get(9).map_err(e)?,
        r.try_get(11).map_err(e)?,
        r.try_get(12).map_err(e)?,
        r.try_get(13).map_err(e)?,
        r.try_get(14).map_err(e)?,
    );
    let text = |i| r.try_get::<_, &str>(i).map_err(e);
    let mut record = decode(db, seq, rec, text(4)?, text(6)?, text(7)?, text(8)?, r.try_get(10).map_err(e)?)?;
    record.played = super::Played::parse(text(17)?);
    record.trainee_id = r.try_get(18).map_err(e)?;
    record.language = r.try_get(19).map_err(e)?;
    Ok(Stored { seq, record, prev_mac: text(15)?.to_string(), mac: text(16)?.to_string() })
}

fn other(db: &str, e: &postgres::Error) -> StoreError {
    // The server's own message (e.g. "password authentication failed") is the useful part.
    let detail = e.as_db_error().map_or_else(|| e.to_string(), |d| d.message().to_string());
    StoreError::Other { db: db.to_string(), detail }
}
