//! The two session-store backends for tests: a SQLite file in a temporary folder, and a fresh
//! database on a real PostgreSQL server (`$REHEARSE_TEST_PG`, default the loopback server and
//! role that `.ci/run` sets up). Every test runs on both.
#![allow(dead_code)]

use std::path::PathBuf;
use std::sync::atomic::{AtomicU32, Ordering};

use rehearse::records::DbSpec;

/// The server and role tests create their databases with.
pub fn admin_url() -> String {
    std::env::var("REHEARSE_TEST_PG").unwrap_or_else(|_| "postgres://rehearse:rehearse@127.0.0.1:5432/rehearse".into())
}

/// One backend for one test; dropping it removes its database.
pub struct TestDb {
    /// What to pass as `--db`.
    pub spec: DbSpec,
    /// `sqlite` or `postgres`.
    pub name: &'static str,
    /// The temporary folder (the SQLite file, key files, recovery files).
    pub dir: tempfile::TempDir,
    pg_name: Option<String>,
}

impl TestDb {
    /// The `--db` argument.
    pub fn arg(&self) -> String {
        match &self.spec {
            DbSpec::Sqlite(p) => p.display().to_string(),
            DbSpec::Postgres(url) => url.clone(),
        }
    }

    /// A key file in the test's folder.
    pub fn key_file(&self) -> PathBuf {
        self.dir.path().join("trainer.key")
    }

    /// Run raw SQL against the backend (tests use it to tamper with records).
    pub fn execute(&self, sql: &str) {
        match &self.spec {
            DbSpec::Sqlite(p) => {
                let c = rusqlite::Connection::open(p).expect("open sqlite");
                c.execute_batch(sql).expect("sql runs");
            }
            DbSpec::Postgres(url) => {
                let mut c = postgres::Client::connect(url, postgres::NoTls).expect("connect");
                c.batch_execute(sql).expect("sql runs");
            }
        }
    }
}

impl Drop for TestDb {
    fn drop(&mut self) {
        if let Some(name) = &self.pg_name
            && let Ok(mut c) = postgres::Client::connect(&admin_url(), postgres::NoTls)
        {
            let _ = c.batch_execute(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"));
        }
    }
}

static COUNTER: AtomicU32 = AtomicU32::new(0);

/// A fresh SQLite file.
pub fn sqlite() -> TestDb {
    let dir = tempfile::tempdir().expect("tempdir");
    TestDb { spec: DbSpec::Sqlite(dir.path().join("sessions.db")), name: "sqlite", dir, pg_name: None }
}

/// A fresh database on the PostgreSQL server.
pub fn postgres() -> TestDb {
    let admin = admin_url();
    let mut c = postgres::Client::connect(&admin, postgres::NoTls).unwrap_or_else(|e| {
        panic!(
            "the PostgreSQL tests need a server: {e}. `.ci/run` installs and starts one on loopback \
             (role rehearse/rehearse with CREATEDB); or set REHEARSE_TEST_PG=postgres://user:password@host/db"
        )
    });
    let name = format!("rehearse_t_{}_{}", std::process::id(), COUNTER.fetch_add(1, Ordering::Relaxed));
    c.batch_execute(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)")).expect("drop an old database");
    c.batch_execute(&format!("CREATE DATABASE {name}")).expect("create database");
    let base = admin.rsplit_once('/').map_or(admin.as_str(), |(b, _)| b).to_string();
    TestDb {
        spec: DbSpec::Postgres(format!("{base}/{name}")),
        name: "postgres",
        dir: tempfile::tempdir().expect("tempdir"),
        pg_name: Some(name),
    }
}

/// Both backends, fresh.
pub fn both() -> [TestDb; 2] {
    [sqlite(), postgres()]
}
