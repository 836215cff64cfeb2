//! The roster: only a trainer changes it, an assessment needs a roster trainee and their PIN,
//! wrong PINs pause signing in, a station's PostgreSQL role may only insert and read, and the
//! ranking counts a trainee by their id through a rename while an impersonation counts nothing.

mod common;
mod dbs;
mod support_records;

use std::path::{Path, PathBuf};

use rehearse::records::roster::{self, RosterError};
use rehearse::records::{DbSpec, Key, Mode, Month, Pin, Store, Stored};
use rehearse::report::ranking::{self, Formula};
use support_records::{month, played};

const SECRET: &str = "trainer secret";

fn key() -> Key {
    Key::from_secret(SECRET.as_bytes())
}

/// The trainer's key file, in the test's folder.
fn trainer_key(db: &dbs::TestDb) -> PathBuf {
    let file = db.key_file();
    std::fs::write(&file, format!("{SECRET}\n")).unwrap();
    file
}

/// Run `rehearse` on `db` with the given key file (or one that does not exist) and input.
fn run(db: &dbs::TestDb, key: Option<&Path>, args: &[&str], stdin: &str) -> common::Run {
    let missing = db.dir.path().join("no-such.key");
    let key = key.unwrap_or(&missing).display().to_string();
    let mut all: Vec<&str> = args.to_vec();
    let db_arg = db.arg();
    all.extend(["--db", &db_arg, "--key-file", &key]);
    common::rehearse_in(Path::new(env!("CARGO_MANIFEST_DIR")), &all, Some(stdin))
}

fn assess(db: &dbs::TestDb, key: &Path, who: &str, pin: &str) -> common::Run {
    // The PIN, then option 1 until the conversation ends.
    let input = format!("{pin}\n{}", "1\n".repeat(60));
    run(db, Some(key), &["play", "angry_warranty", "--mode", "assessment", "--trainee", who], &input)
}

fn records(db: &dbs::TestDb) -> Vec<Stored> {
    Store::open(&db.spec).unwrap().records(None).unwrap()
}

#[test]
fn only_the_trainer_changes_the_roster_and_only_roster_trainees_are_assessed_with_their_pin() {
    let db = dbs::sqlite();
    // Without the trainer's key nobody is added, removed, renamed or given a new PIN.
    for args in [
        &["trainees", "add", "Ana"][..],
        &["trainees", "remove", "Ana"][..],
        &["trainees", "reset-pin", "Ana"][..],
        &["trainees", "rename", "Ana", "Anna"][..],
    ] {
        let out = run(&db, None, args, "1234\n");
        assert_eq!(out.code, 2, "{args:?}");
        assert!(out.stderr.contains("changing the roster needs the trainer's record key"), "{}", out.stderr);
    }
    let key = trainer_key(&db);
    let out = run(&db, Some(&key), &["trainees", "add", "Ana"], "12\n");
    assert!(out.code == 2 && out.stderr.contains("a PIN has 4 to 12 digits"), "{}", out.stderr);
    let out = run(&db, Some(&key), &["trainees", "add", "Ana"], "1234\n");
    assert_eq!(out.code, 0, "{}", out.stderr);
    let out = run(&db, Some(&key), &["trainees", "add", "ANA"], "5678\n");
    assert!(out.code == 2 && out.stderr.contains("already on the roster"), "{}", out.stderr);
    let list = run(&db, None, &["trainees", "list"], "");
    assert!(list.stdout.contains("Ana") && list.stdout.contains("active"), "{}", list.stdout);
    let stored = Store::open(&db.spec).unwrap().roster().unwrap();
    assert_eq!(stored.len(), 1);
    assert!(!format!("{stored:?}").contains("1234"), "the PIN is stored only as a hash");

    // Someone not on the roster may practise but not be assessed.
    let out = assess(&db, &key, "Nobody", "1234");
    assert!(out.code == 2 && out.stderr.contains("Nobody is not on the roster"), "{}", out.stderr);
    let practice = run(&db, Some(&key), &["play", "angry_warranty", "--trainee", "Nobody"], &"1\n".repeat(60));
    assert_eq!(practice.code, 0, "practice stays open to anyone: {}", practice.stderr);
    assert_eq!(records(&db).len(), 1);

    // A wrong PIN is refused and counted; after three the trainee waits, even with the right one.
    let out = assess(&db, &key, "Ana", "9999");
    assert!(out.code == 2 && out.stderr.contains("wrong PIN (2 more before a pause)"), "{}", out.stderr);
    assess(&db, &key, "ana", "0000");
    let out = assess(&db, &key, "Ana", "1111");
    assert!(out.stderr.contains("paused for 30 s"), "{}", out.stderr);
    let out = assess(&db, &key, "Ana", "1234");
    assert!(out.code == 2 && out.stderr.contains("is paused"), "no PIN is checked during a pause: {}", out.stderr);
    assert_eq!(records(&db).len(), 1, "no refused attempt saved anything");

    // The trainer gives a new PIN (ending the pause); Ana's assessment carries her id.
    let out = run(&db, Some(&key), &["trainees", "reset-pin", "Ana"], "4321\n");
    assert_eq!(out.code, 0, "{}", out.stderr);
    let out = assess(&db, &key, "ana", "4321");
    assert_eq!(out.code, 0, "{}{}", out.stdout, out.stderr);
    let all = records(&db);
    let ana = &all[1].record;
    assert_eq!((ana.trainee.as_str(), ana.mode), ("Ana", Mode::Assessment), "saved under the roster's name");
    assert_eq!(ana.trainee_id.as_deref(), Some(stored[0].id.as_str()));

    // Renamed, she is still herself: same id, same history.
    let out = run(&db, Some(&key), &["trainees", "rename", "Ana", "Ana Pop"], "");
    assert_eq!(out.code, 0, "{}", out.stderr);
    let history = Store::open(&db.spec).unwrap().history("Ana Pop").unwrap();
    assert_eq!(history.len(), 1);
    // Practice under a roster name needs her PIN too (as in the game), so nobody fills her
    // history; with it, the practice session carries her id.
    let practise = |input: &str| run(&db, Some(&key), &["play", "angry_warranty", "--trainee", "ana pop"], input);
    let out = practise(&"1\n".repeat(60));
    assert!(out.code == 2 && out.stderr.contains("the practice session was not started"), "{}", out.stderr);
    let out = practise(&format!("4321\n{}", "1\n".repeat(60)));
    assert_eq!(out.code, 0, "{}", out.stderr);
    let last = records(&db).pop().unwrap().record;
    assert_eq!((last.mode, last.trainee.as_str()), (Mode::Practice, "Ana Pop"));
    assert_eq!(last.trainee_id.as_deref(), Some(stored[0].id.as_str()));
    let out = run(&db, Some(&key), &["trainees", "remove", "Ana Pop"], "");
    assert_eq!(out.code, 0, "{}", out.stderr);
    let out = assess(&db, &key, "Ana Pop", "4321");
    assert!(out.code == 2 && out.stderr.contains("not on the roster"), "removed: {}", out.stderr);
}

#[test]
fn importing_a_recovery_file_needs_the_trainer_key() {
    let db = dbs::sqlite();
    let (r, v) = played("Mara", Mode::Assessment);
    let file = db.dir.path().join("sessions.recovered.jsonl");
    let line = serde_json::json!({ "record": r, "version": v, "error": "locked" });
    std::fs::write(&file, format!("{line}\n")).unwrap();
    let file_arg = file.display().to_string();
    let out = run(&db, None, &["records", "import", &file_arg], "");
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(out.stderr.contains("importing sessions needs the trainer's record key"), "{}", out.stderr);
    assert!(file.exists() && records(&db).is_empty(), "nothing imported, nothing lost");
    let key = trainer_key(&db);
    let out = run(&db, Some(&key), &["records", "import", &file_arg], "");
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(records(&db).len(), 1);
}

#[test]
fn exporting_verifies_the_chain_first() {
    for db in dbs::both() {
        let (r, v) = played("Ana", Mode::Assessment);
        let mut store = Store::open(&db.spec).unwrap();
        store.save(&r, &v, &key()).unwrap();
        store.save(&r, &v, &key()).unwrap();
        drop(store);
        let key_file = trainer_key(&db);
        let out = run(&db, Some(&key_file), &["export", "xapi"], "");
        assert_eq!(out.code, 0, "{}: {}", db.name, out.stderr);
        let out = run(&db, None, &["export", "xapi"], "");
        assert!(out.code == 2 && out.stderr.contains("needs the trainer's record key"), "{}", out.stderr);
        db.execute("UPDATE records SET total = 12 WHERE seq = 1");
        let out = run(&db, Some(&key_file), &["export", "xapi"], "");
        assert_eq!(out.code, 1, "{}: {}", db.name, out.stderr);
        assert!(out.stderr.contains("record #1") && out.stderr.contains("nothing was exported"), "{}", out.stderr);
        assert!(out.stdout.is_empty(), "no statements printed: {}", out.stdout);
    }
}

/// The hand-built October (records from before the roster, by name), then a roster: Ana joins
/// and is renamed; in November a farmer replays, a colleague signs in as Ana without her PIN
/// (only possible by writing a record without her id), and a name off the roster is assessed.
#[test]
fn the_ranking_follows_roster_ids_through_a_rename_and_ignores_an_impersonation() {
    let base = played("x", Mode::Assessment);
    for db in dbs::both() {
        let mut store = Store::open(&db.spec).unwrap();
        for r in month(&base) {
            store.save(&r, &base.1, &key()).unwrap();
        }
        let ana = roster::add(&mut store, "Ana", &Pin::parse("1234").unwrap()).unwrap();
        let max = roster::add(&mut store, "Max", &Pin::parse("5555").unwrap()).unwrap();
        roster::rename(&mut store, &ana.id, "Ana Pop").unwrap();
        let ana = roster::sign_in(&mut store, "Ana Pop", "1234").unwrap();
        let max = roster::sign_in(&mut store, &max.id, "5555").unwrap();

        // October: Ana's records from before the roster are hers under her new name.
        let oct: Month = "2026-10".parse().unwrap();
        let summaries = store.summaries(oct.start_ms(), oct.end_ms()).unwrap();
        let r = ranking::rank(oct, &summaries, &[], &Formula::default());
        let row = r.ranking.iter().find(|row| row.trainee == "Ana Pop").expect("Ana ranked under her new name");
        assert_eq!((row.score, row.sessions), (75.0, 3), "{}", db.name);
        assert!(!r.ranking.iter().any(|row| row.trainee == "Ana"), "{}", db.name);

        // This month.
        let now = rehearse::records::now_ms();
        let this = Month::now();
        let at = |total: f64, who: &str, k: i64| {
            let mut rec = base.0.clone();
            rec.trainee = who.to_string();
            rec.total = total;
            rec.finished_at = now + k;
            rec.started_at = now + k - 1000;
            rec
        };
        for (k, total) in [(1, 70.0), (2, 60.0), (3, 80.0)] {
            store.save(&at(total, "Ana Pop", k).signed_in(&ana), &base.1, &key()).unwrap();
        }
        // Max farms angry_warranty: his first (40) counts, the replays' 100s do not.
        for (k, total) in [(4, 40.0), (5, 100.0), (6, 100.0)] {
            store.save(&at(total, "Max", k).signed_in(&max), &base.1, &key()).unwrap();
        }
        // The impersonation: a 100 under Ana's name without her id; and a name off the roster.
        for k in 7..10 {
            store.save(&at(100.0, "Ana Pop", k), &base.1, &key()).unwrap();
            store.save(&at(100.0, "Zed", k), &base.1, &key()).unwrap();
        }
        let summaries = store.summaries(this.start_ms(), this.end_ms()).unwrap();
        assert_eq!(summaries.len(), 6, "{}: only the six sessions signed in with a PIN count", db.name);
        let r = ranking::rank(this, &summaries, &[], &Formula::default());
        let got: Vec<(usize, &str, f64, usize)> =
            r.ranking.iter().map(|row| (row.rank, row.trainee.as_str(), row.score, row.sessions)).collect();
        assert_eq!(got, [(1, "Ana Pop", 70.0, 3), (2, "Max", 40.0, 3)], "{}", db.name);
        // Her history has the sessions with her id (and her pre-roster ones by name), not Zed's.
        let history = store.history("Ana Pop").unwrap();
        assert!(history.iter().all(|s| s.record.trainee == "Ana Pop" || s.record.trainee == "Ana"), "{}", db.name);
    }
}

/// The role `assets/postgres-station-role.sql` makes: stations save and check PINs; they cannot
/// change or delete a record, add a trainee, change a PIN or assign scenarios.
#[test]
fn a_postgres_station_role_may_only_insert_and_read() {
    let db = dbs::postgres();
    let DbSpec::Postgres(owner_url) = &db.spec else { unreachable!() };
    let mut owner = Store::open(&db.spec).unwrap();
    let (r, v) = played("Ana", Mode::Assessment);
    owner.save(&r, &v, &key()).unwrap();
    let ana = roster::add(&mut owner, "Ana", &Pin::parse("1234").unwrap()).unwrap();
    drop(owner);

    let role = format!("rehearse_station_{}", std::process::id());
    let sql = include_str!("../assets/postgres-station-role.sql")
        .replace(":station", &role)
        .replace(":password", "'station-pw'");
    db.execute(&format!("DROP ROLE IF EXISTS {role}"));
    db.execute(&sql);
    let (scheme_user, host_db) = owner_url.split_once('@').unwrap();
    let scheme = scheme_user.split("://").next().unwrap();
    let station = DbSpec::Postgres(format!("{scheme}://{role}:station-pw@{host_db}"));

    let mut store = Store::open(&station).expect("the station role opens the store");
    store.save(&r, &v, &key()).expect("the station saves a session");
    let err = roster::sign_in(&mut store, "Ana", "9999").unwrap_err();
    assert!(matches!(err, RosterError::WrongPin { tries_left: 2 }), "a wrong PIN is counted: {err}");
    roster::sign_in(&mut store, "Ana", "1234").expect("the station checks a PIN");
    let refused = |what: &str, e: &dyn std::fmt::Display| {
        let e = e.to_string();
        assert!(e.contains("permission denied"), "{what}: {e}");
    };
    refused("add", &roster::add(&mut store, "Eve", &Pin::parse("1111").unwrap()).unwrap_err());
    refused("reset-pin", &roster::reset_pin(&mut store, &ana.id, &Pin::parse("1111").unwrap()).unwrap_err());
    refused("assign", &store.assign("2026-12", &["angry_warranty".to_string()]).unwrap_err());
    drop(store);
    let mut client =
        postgres::Client::connect(&format!("{scheme}://{role}:station-pw@{host_db}"), postgres::NoTls).unwrap();
    for sql in ["UPDATE records SET total = 100", "DELETE FROM records", "UPDATE trainees SET pin_hash = 'x'"] {
        let e = client.batch_execute(sql).unwrap_err();
        assert!(
            e.to_string().contains("permission denied") || format!("{e:?}").contains("permission denied"),
            "{sql}: {e:?}"
        );
    }
    drop(client);
    assert_eq!(records(&db).len(), 2, "both saves are there, unchanged");
    db.execute(&format!("REVOKE ALL ON ALL TABLES IN SCHEMA public FROM {role}; DROP ROLE {role}"));
}
