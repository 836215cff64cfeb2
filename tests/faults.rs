//! Faults: `kill -9` during a stream of saves, four processes saving at once, and a locked,
//! read-only or corrupt database (the session goes to a recovery file, with a clear message).
//!
//! The saving processes are this test binary itself, re-run with `--ignored --exact
//! child_saves_in_a_loop` and the database in the environment.

mod common;
mod dbs;
mod support_records;

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::Duration;

use rehearse::records::{DbSpec, Key, Mode, Store, verify};

const BEST: &str = "3,2,3,1,4,3,2,2,2,1,2,3";

fn key() -> Key {
    Key::from_secret(b"fault tests")
}

/// Not a test on its own: the saving process the fault tests start (and kill).
#[test]
#[ignore = "started by the fault tests as a child process"]
fn child_saves_in_a_loop() {
    let db = std::env::var("FAULT_DB").expect("FAULT_DB");
    let count: usize = std::env::var("FAULT_COUNT").ok().and_then(|c| c.parse().ok()).unwrap_or(1000);
    let who = std::env::var("FAULT_WHO").unwrap_or_else(|_| "child".into());
    let (record, version) = support_records::played(&who, Mode::Assessment);
    let mut store = Store::open(&DbSpec::parse(&db)).expect("open");
    for _ in 0..count {
        let seq = store.save(&record, &version, &key()).expect("save");
        // Printed only once the transaction has committed.
        println!("saved {seq}");
    }
}

fn child(db: &dbs::TestDb, count: usize, who: &str) -> std::process::Child {
    Command::new(std::env::current_exe().expect("test binary"))
        .args(["--ignored", "--exact", "child_saves_in_a_loop", "--nocapture", "--test-threads", "1"])
        .env("FAULT_DB", db.arg())
        .env("FAULT_COUNT", count.to_string())
        .env("FAULT_WHO", who)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("child starts")
}

/// Wait until no other connection is open on a PostgreSQL test database: a killed client's
/// COMMIT may still be completing on the server, and reading the records and then the head
/// while it lands would see them from two different moments.
fn settle(db: &dbs::TestDb) {
    let DbSpec::Postgres(url) = &db.spec else { return };
    let mut c = postgres::Client::connect(url, postgres::NoTls).expect("connect");
    for _ in 0..100 {
        let others: i64 = c
            .query_one(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()",
                &[],
            )
            .and_then(|r| r.try_get(0))
            .expect("pg_stat_activity");
        if others == 0 {
            return;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

fn assert_intact(db: &dbs::TestDb, expected_at_least: &[i64]) -> usize {
    settle(db);
    let mut store = Store::open(&db.spec).expect("the store opens after the faults");
    let all = store.records(None).expect("every record reads back");
    let seqs: Vec<i64> = all.iter().map(|s| s.seq).collect();
    assert_eq!(seqs, (1..=all.len() as i64).collect::<Vec<_>>(), "{}: no gaps", db.name);
    for s in expected_at_least {
        assert!(seqs.contains(s), "{}: committed session #{s} was lost", db.name);
    }
    assert_eq!(verify(&key(), &all, store.head().unwrap().as_ref()), vec![], "{}: the chain is intact", db.name);
    if let DbSpec::Sqlite(path) = &db.spec {
        let c = rusqlite::Connection::open(path).unwrap();
        let check: String = c.query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
        assert_eq!(check, "ok");
    }
    all.len()
}

#[test]
fn kill_9_during_a_stream_of_saves_loses_no_committed_session() {
    for db in dbs::both() {
        let mut committed = Vec::new();
        for round in 0..6u64 {
            let mut c = child(&db, 100_000, "killed");
            let out = c.stdout.take().expect("stdout");
            let reader = std::thread::spawn(move || {
                BufReader::new(out)
                    .lines()
                    .map_while(Result::ok)
                    .filter_map(|l| l.strip_prefix("saved ")?.parse::<i64>().ok())
                    .collect::<Vec<_>>()
            });
            // A different moment each round: 150 ms … 1.4 s after start.
            std::thread::sleep(Duration::from_millis(150 + (round * 7919 % 13) * 100));
            c.kill().expect("SIGKILL");
            let _ = c.wait();
            committed.extend(reader.join().expect("reader"));
        }
        assert!(
            committed.len() > 5,
            "{}: the children saved something before being killed ({})",
            db.name,
            committed.len()
        );
        let n = assert_intact(&db, &committed);
        // And the store still takes new sessions.
        let (r, v) = support_records::played("after", Mode::Practice);
        assert_eq!(Store::open(&db.spec).unwrap().save(&r, &v, &key()).unwrap(), n as i64 + 1);
    }
}

#[test]
fn four_processes_saving_at_once_lose_nothing() {
    for db in dbs::both() {
        // Nobody creates the schema first: the four race for that too.
        let children: Vec<_> = (0..4).map(|i| child(&db, 25, &format!("station {i}"))).collect();
        for c in children {
            let out = c.wait_with_output().expect("child ends");
            assert!(out.status.success(), "{}: a station failed", db.name);
        }
        assert_eq!(assert_intact(&db, &[]), 100, "{}", db.name);
        let names = Store::open(&db.spec).unwrap().trainees().unwrap();
        assert_eq!(names.len(), 4);
    }
}

fn play_into(db: &dbs::TestDb) -> common::Run {
    common::rehearse(&[
        "play",
        "angry_warranty",
        "--seed",
        "1",
        "--trainee",
        "Mara",
        "--choices",
        BEST,
        "--db",
        &db.arg(),
    ])
}

fn recovered_then_imported(db: &dbs::TestDb, run: &common::Run, reason: &str) {
    assert_eq!(run.code, 0, "the debrief was shown and the session kept: {}", run.stderr);
    assert!(run.stderr.contains(reason), "`{reason}` missing: {}", run.stderr);
    assert!(run.stderr.contains(&db.arg()), "the message names the database: {}", run.stderr);
    let file = rehearse::records::recovery_file(&db.spec);
    assert!(run.stderr.contains(&file.display().to_string()), "{}", run.stderr);
    let (sessions, bad) = rehearse::records::read_recovery(&file).expect("recovery file");
    assert!(bad.is_empty());
    assert_eq!(sessions.len(), 1);
    assert_eq!((sessions[0].0.trainee.as_str(), sessions[0].0.total), ("Mara", 100.0));
}

#[test]
fn a_locked_database_sends_the_session_to_a_recovery_file_that_imports_later() {
    let db = dbs::sqlite();
    assert_eq!(play_into(&db).code, 0);
    let DbSpec::Sqlite(path) = &db.spec else { unreachable!() };
    let holder = rusqlite::Connection::open(path).unwrap();
    holder.execute_batch("BEGIN EXCLUSIVE").unwrap();
    let run = play_into(&db);
    recovered_then_imported(&db, &run, "is locked by another program");
    holder.execute_batch("COMMIT").unwrap();
    drop(holder);
    let file = rehearse::records::recovery_file(&db.spec);
    let import = common::rehearse(&["records", "import", file.to_str().unwrap(), "--db", &db.arg()]);
    assert_eq!(import.code, 0, "{}", import.stderr);
    assert!(!file.exists(), "the imported file is renamed so it is not imported twice");
    let all = Store::open(&db.spec).unwrap().records(None).unwrap();
    assert_eq!(all.iter().map(|s| s.record.trainee.as_str()).collect::<Vec<_>>(), ["Mara", "Mara"]);
}

#[test]
fn a_read_only_database_keeps_its_records_and_the_new_session() {
    let db = dbs::sqlite();
    assert_eq!(play_into(&db).code, 0);
    let DbSpec::Sqlite(path) = &db.spec else { unreachable!() };
    let mut perms = std::fs::metadata(path).unwrap().permissions();
    perms.set_readonly(true);
    std::fs::set_permissions(path, perms).unwrap();
    let before = std::fs::read(path).unwrap();
    let run = play_into(&db);
    recovered_then_imported(&db, &run, "is read-only");
    assert_eq!(std::fs::read(path).unwrap(), before, "the read-only file is untouched");
}

#[test]
fn a_corrupt_database_is_left_untouched_and_named() {
    let db = dbs::sqlite();
    let DbSpec::Sqlite(path) = &db.spec else { unreachable!() };
    let junk = b"this was a spreadsheet, not a database\n".repeat(200);
    std::fs::write(path, &junk).unwrap();
    let run = play_into(&db);
    recovered_then_imported(&db, &run, "is damaged or is not a rehearse database");
    assert_eq!(std::fs::read(path).unwrap(), junk, "the damaged file is never overwritten");
    let report = common::rehearse(&["report", "--db", &db.arg()]);
    assert_eq!(report.code, 2);
    assert!(report.stderr.contains("is damaged") && !report.stderr.contains("panicked"), "{}", report.stderr);
}

#[test]
fn an_unreachable_server_gives_a_clear_message_and_a_recovery_file() {
    let data = tempfile::tempdir().unwrap();
    let run = common::rehearse_in(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")),
        &[
            "play",
            "angry_warranty",
            "--seed",
            "1",
            "--choices",
            BEST,
            "--db",
            "postgres://rehearse:secret@127.0.0.1:1/none",
        ],
        None,
    );
    let _ = data;
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stderr.contains("postgres://rehearse:***@127.0.0.1:1/none"), "the password is hidden: {}", run.stderr);
    assert!(!run.stderr.contains("secret"));
    assert!(run.stderr.contains("recovered-sessions.jsonl"), "{}", run.stderr);
}

/// A database path that is not UTF-8 (a folder named in an old 8-bit code page) is used as the
/// operating system names it, for saving, ranking and the second reading connection alike.
#[cfg(unix)]
#[test]
fn a_database_path_that_is_not_utf8_is_used_as_given() {
    use std::os::unix::ffi::OsStrExt;
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join(std::ffi::OsStr::from_bytes(b"sesiuni-\xe2\xba"));
    let db = folder.join(std::ffi::OsStr::from_bytes(b"r\xe9pet.db"));
    assert!(db.to_str().is_none(), "the path really is not UTF-8");
    let key = dir.path().join("trainer.key");
    std::fs::write(&key, "trainer secret\n").unwrap();
    let run = |args: &[&std::ffi::OsStr]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_rehearse"))
            .args(args)
            .arg("--db")
            .arg(&db)
            .arg("--key-file")
            .arg(&key)
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .env("REHEARSE_DATA", common::data_dir())
            .env_remove("REHEARSE_DB")
            .output()
            .unwrap()
    };
    let os = |s: &'static str| std::ffi::OsStr::new(s);
    let played =
        run(&[os("play"), os("angry_warranty"), os("--seed"), os("1"), os("--choices"), os("3,2,3,1,4,3,2,2,2,1,2,3")]);
    assert!(played.status.success(), "{}", String::from_utf8_lossy(&played.stderr));
    assert!(db.is_file(), "saved at exactly that path");
    let stored = Store::open(&DbSpec::Sqlite(db.clone())).unwrap().records(None).unwrap();
    assert_eq!(stored.len(), 1);
    let verified = run(&[os("report"), os("--verify")]);
    assert!(verified.status.success(), "{}", String::from_utf8_lossy(&verified.stderr));
    assert!(String::from_utf8_lossy(&verified.stderr).contains("all 1 record(s)"));
}
