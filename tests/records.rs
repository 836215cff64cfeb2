//! The session store on both backends (SQLite and a real PostgreSQL server): records read back
//! identical, the ranking on a hand-built month, the MAC chain, rescoring, xAPI, hostile names.

mod common;
mod dbs;
mod support_records;

use rehearse::records::{Key, Mode, Month, Played, Problem, Store, verify};
use rehearse::report::ranking::{self, Formula};
use serde_json::Value;
use support_records::{OCT, month, played};

fn key() -> Key {
    Key::from_secret(b"trainer secret")
}

/// Run `rehearse` on `db` as the trainer: with the key file of [`key`].
fn run_as_trainer(db: &dbs::TestDb, args: &[&str]) -> common::Run {
    let file = db.key_file();
    std::fs::write(&file, "trainer secret\n").unwrap();
    let file = file.display().to_string();
    let mut all = args.to_vec();
    all.extend(["--key-file", &file]);
    run(db, &all)
}

fn run(db: &dbs::TestDb, args: &[&str]) -> common::Run {
    let mut all: Vec<String> = args.iter().map(ToString::to_string).collect();
    all.extend(["--db".to_string(), db.arg()]);
    let refs: Vec<&str> = all.iter().map(String::as_str).collect();
    common::rehearse_in(std::path::Path::new(env!("CARGO_MANIFEST_DIR")), &refs, None)
}

/// The ranking of `support_records::month`, worked out by hand from the README's formula.
fn check_known_ranking(json: &Value) {
    let rows = json["ranking"].as_array().expect("ranking");
    let got: Vec<(u64, &str, f64)> = rows
        .iter()
        .map(|r| (r["rank"].as_u64().unwrap(), r["trainee"].as_str().unwrap(), r["score"].as_f64().unwrap()))
        .collect();
    assert_eq!(
        got,
        [
            (1, "Cy", 100.0),
            (2, "Bo", 80.0),
            (3, "Ana", 75.0),
            (4, "Fay", 60.0),
            (4, "Gus", 60.0),
            (6, "Dee", 50.0),
            (7, "Hal", 50.0),
            (8, "Max", 40.0)
        ],
        "first assessments count (Ana's later 90 and Max's replays do not); ties: fewer sessions (Dee 3 < Hal 4); \
         Fay and Gus share 4th"
    );
    let ana = &rows[2];
    assert_eq!(ana["categories"]["listening"], 75.0);
    assert_eq!(ana["weakest"], 75.0);
    assert_eq!(rows[1]["weakest"], 70.0);
    assert_eq!(ana["change"], 25.0, "50 in September");
    let max = &rows[7];
    assert_eq!(
        (max["sessions"].as_u64(), max["scenarios_covered"].as_u64()),
        (Some(4), Some(2)),
        "farming adds sessions, not score"
    );
    assert_eq!(rows[0]["change"], Value::Null);
    assert_eq!((ana["sessions"].as_u64(), ana["scenarios_covered"].as_u64()), (Some(3), Some(2)));
    assert!((ana["retained"].as_f64().unwrap() - 2.0 / 3.0).abs() < 1e-9);
    assert_eq!(
        (ana["retained_target_met"].as_bool(), rows[0]["retained_target_met"].as_bool()),
        (Some(false), Some(true))
    );
    assert_eq!(rows[5]["sessions"], 3, "Dee's practice session does not count");
    let unq = json["unqualified"].as_array().expect("unqualified");
    assert_eq!(unq.iter().map(|r| r["trainee"].as_str().unwrap()).collect::<Vec<_>>(), ["Eve"]);
    assert_eq!(json["month"], "2026-10");
    assert_eq!(json["sessions"], 29);
}

#[test]
fn ranking_formula_on_a_hand_built_month() {
    let base = played("x", Mode::Assessment);
    let recs = month(&base);
    let summary = |r: &rehearse::records::Record, i: usize| rehearse::records::Summary {
        seq: i as i64,
        trainee: r.trainee.as_str().into(),
        scenario: r.scenario.as_str().into(),
        total: r.total,
        categories: r.categories.iter().map(|(k, v)| (k.as_str().into(), *v)).collect(),
        outcome: r.outcome,
        finished_at: r.finished_at,
    };
    let m: Month = "2026-10".parse().unwrap();
    let of = |m: Month| -> Vec<_> {
        recs.iter()
            .enumerate()
            .filter(|(_, r)| r.mode == Mode::Assessment && r.month() == m)
            .map(|(i, r)| summary(r, i))
            .collect()
    };
    let r = ranking::rank(m, &of(m), &of(m.previous()), &Formula::default());
    check_known_ranking(&serde_json::to_value(&r).unwrap());
}

#[test]
fn an_assigned_month_ranks_over_its_scenarios_only() {
    let base = played("x", Mode::Assessment);
    let recs = month(&base);
    for db in dbs::both() {
        let mut store = Store::open(&db.spec).unwrap();
        for r in &recs {
            store.save(r, &base.1, &key()).unwrap();
        }
        store.assign("2026-10", &["A".to_string()]).unwrap();
        assert_eq!(store.assignments("2026-10").unwrap(), ["A"]);
        assert!(store.assignments("2026-11").unwrap().is_empty());
        drop(store);
        let out = run(&db, &["report", "--month", "2026-10", "--format", "json"]);
        assert_eq!(out.code, 0, "{}: {}", db.name, out.stderr);
        let json: Value = serde_json::from_str(&out.stdout).unwrap();
        assert_eq!(
            (json["scenarios"].clone(), json["assigned"].clone()),
            (serde_json::json!(["A"]), Value::Bool(true))
        );
        let got: Vec<(u64, &str, f64)> = json["ranking"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| (r["rank"].as_u64().unwrap(), r["trainee"].as_str().unwrap(), r["score"].as_f64().unwrap()))
            .collect();
        // Only A counts: Cy and Dee share first (3 sessions each), Hal has 4, Max's first A is 40;
        // Ana, Bo, Fay, Gus and Eve have fewer than 3 sessions of A.
        assert_eq!(got, [(1, "Cy", 100.0), (1, "Dee", 100.0), (3, "Hal", 100.0), (4, "Max", 40.0)], "{}", db.name);
        assert_eq!(json["sessions"], 21, "B's sessions are outside the assignment");
    }
}

#[test]
fn a_record_says_how_it_was_played_and_a_schema_2_database_migrates_to_the_roster_schema() {
    for db in dbs::both() {
        let mut store = Store::open(&db.spec).unwrap();
        for played in [Played::Window, Played::Terminal, Played::Scripted, Played::Unknown] {
            let (r, v) = support_records::played("Ana", Mode::Practice);
            store.save(&r.played(played), &v, &key()).unwrap();
        }
        let back: Vec<Played> = store.records(None).unwrap().iter().map(|s| s.record.played).collect();
        assert_eq!(back, [Played::Window, Played::Terminal, Played::Scripted, Played::Unknown], "{}", db.name);
        // A scripted assessment (however it got into the store) never counts for the ranking.
        let (r, v) = support_records::played("Cheat", Mode::Assessment);
        store.save(&r.clone().played(Played::Scripted), &v, &key()).unwrap();
        store.save(&r.played(Played::Window), &v, &key()).unwrap();
        let month = Month::now();
        let counted = store.summaries(month.start_ms(), month.end_ms()).unwrap();
        assert_eq!(counted.len(), 1, "{}: only the live assessment is ranked", db.name);
        let all = store.records(None).unwrap();
        assert_eq!(verify(&key(), &all, store.head().unwrap().as_ref()), vec![], "{}", db.name);
    }
    // A database written by the previous program (schema 2, no `played` column): it migrates,
    // its records read back as played "unknown" and still verify.
    let db = dbs::sqlite();
    let mut store = Store::open(&db.spec).unwrap();
    let (r, v) = support_records::played("Bo", Mode::Assessment);
    store.save(&r, &v, &key()).unwrap();
    drop(store);
    db.execute(
        "DROP TABLE trainees; DROP INDEX records_by_trainee_id; DROP INDEX records_ranking;
         ALTER TABLE records DROP COLUMN trainee_id; ALTER TABLE records DROP COLUMN language;
         DROP TABLE assignments; ALTER TABLE records DROP COLUMN played;
         CREATE INDEX records_ranking ON records (mode, finished_at, trainee, scenario, total, outcome, categories);
         DELETE FROM schema_version WHERE version >= 3;",
    );
    let mut store = Store::open(&db.spec).unwrap();
    let all = store.records(None).unwrap();
    assert_eq!(all[0].record.played, Played::Unknown);
    assert_eq!(verify(&key(), &all, store.head().unwrap().as_ref()), vec![]);
    assert!(store.assignments("2026-12").unwrap().is_empty(), "the assignments table exists again");
    assert!(store.roster().unwrap().is_empty(), "and the roster");
    assert_eq!(all[0].record.trainee_id, None);
}

#[test]
fn assigning_needs_the_trainer_key_and_real_scenario_ids() {
    let db = dbs::sqlite();
    let key_file = db.key_file();
    let key_arg = key_file.to_str().unwrap().to_string();
    let refused = run(&db, &["assign", "--month", "2026-12", "angry_warranty", "--key-file", &key_arg]);
    assert_eq!(refused.code, 2, "{}", refused.stdout);
    assert!(refused.stderr.contains("needs the trainer's record key"), "{}", refused.stderr);
    std::fs::write(&key_file, "the trainer's own secret\n").unwrap();
    let unknown = run(&db, &["assign", "--month", "2026-12", "angry_warrenty", "--key-file", &key_arg]);
    assert_eq!(unknown.code, 2);
    assert!(unknown.stderr.contains("angry_warrenty"), "{}", unknown.stderr);
    let ok = run(&db, &["assign", "--month", "2026-12", "budget_customer", "angry_warranty", "--key-file", &key_arg]);
    assert_eq!(ok.code, 0, "{}", ok.stderr);
    let shown = run(&db, &["assign", "--month", "2026-12"]);
    assert_eq!(shown.stdout.trim(), "2026-12: angry_warranty budget_customer");
    let cleared = run(&db, &["assign", "--month", "2026-12", "--clear", "--key-file", &key_arg]);
    assert_eq!(cleared.code, 0, "{}", cleared.stderr);
    assert!(run(&db, &["assign", "--month", "2026-12"]).stdout.contains("no scenarios assigned"));
}

#[test]
fn both_backends_rank_the_month_and_read_records_back_identical() {
    let base = played("x", Mode::Assessment);
    let recs = month(&base);
    for db in dbs::both() {
        let mut store = Store::open(&db.spec).expect("open");
        let items: Vec<_> = recs.iter().map(|r| (r.clone(), base.1.clone())).collect();
        store.save_all(&items[..5], &key()).expect("save_all");
        for r in &recs[5..] {
            store.save(r, &base.1, &key()).expect("save");
        }
        let back = store.records(None).expect("records");
        assert_eq!(back.iter().map(|s| &s.record).collect::<Vec<_>>(), recs.iter().collect::<Vec<_>>(), "{}", db.name);
        assert_eq!(back.iter().map(|s| s.seq).collect::<Vec<_>>(), (1..=recs.len() as i64).collect::<Vec<_>>());
        assert!(verify(&key(), &back, store.head().unwrap().as_ref()).is_empty(), "{}", db.name);
        assert_eq!(store.version(&base.1.hash).unwrap().as_ref(), Some(&base.1));
        assert_eq!(
            store.trainees().unwrap()[0],
            "Dee",
            "most recently active first (Dee's practice session is the latest)"
        );

        let out = run(&db, &["report", "--month", "2026-10", "--format", "json"]);
        assert_eq!(out.code, 0, "{}: {}", db.name, out.stderr);
        check_known_ranking(&serde_json::from_str(&out.stdout).expect("json"));

        let table = run(&db, &["report", "--month", "2026-10"]).stdout;
        assert!(table.contains("   1  Cy") && table.contains("Not ranked"), "{table}");
        // Families by their titles, in the rulebook's order (CSV and JSON keep the ids).
        assert!(table.contains("score Listening Offering choices Setting expectations sessions"), "{table}");
        let csv = run(&db, &["report", "--month", "2026-10", "--format", "csv"]).stdout;
        assert!(csv.starts_with("rank,trainee,score,choices,expectations,listening,sessions"), "{csv}");
        assert!(csv.contains("\r\n3,Ana,75,75,75,75,3,2,2,25,0.6667,false\r\n"), "{csv}");
    }
}

#[test]
fn the_chain_names_edited_removed_and_reordered_records() {
    for db in dbs::both() {
        let key_file = db.key_file();
        std::fs::write(&key_file, "the trainer's own secret\n").unwrap();
        let key_arg = key_file.to_str().unwrap().to_string();
        // Eight real assessments, saved as the program saves them, under the trainer's key file.
        let trainer_key = Key::load(Some(&key_file)).unwrap();
        let mut store = Store::open(&db.spec).unwrap();
        for i in 0..8 {
            let (r, v) = played(&format!("T{i}"), Mode::Assessment);
            store.save(&r, &v, &trainer_key).unwrap();
        }
        drop(store);
        let ok = run(&db, &["report", "--verify", "--key-file", &key_arg]);
        assert_eq!(ok.code, 0, "{}", ok.stderr);
        assert!(ok.stderr.contains("all 8 record(s)"), "{}", ok.stderr);
        let wrong_key = run(&db, &["report", "--verify", "--key-file", "/nonexistent/key"]);
        assert_eq!(wrong_key.code, 2, "{}", wrong_key.stderr);
        assert!(wrong_key.stderr.contains("no record key"), "{}", wrong_key.stderr);

        db.execute("UPDATE records SET total = 100, trainee = 'T1 (promoted)' WHERE seq = 2");
        db.execute("DELETE FROM records WHERE seq = 4");
        db.execute("UPDATE records SET seq = 100 WHERE seq = 6; UPDATE records SET seq = 6 WHERE seq = 7; UPDATE records SET seq = 7 WHERE seq = 100");
        let bad = run(&db, &["report", "--verify", "--key-file", &key_arg]);
        assert_eq!(bad.code, 1, "{}", bad.stderr);
        for needle in [
            "record #2 (T1 (promoted)",
            "was edited",
            "1 record(s) removed between #3 and #5",
            "record #6 was reordered",
            "record #7 was reordered",
        ] {
            assert!(bad.stderr.contains(needle), "{}: `{needle}` missing in:\n{}", db.name, bad.stderr);
        }
        assert!(bad.stdout.is_empty(), "no ranking is printed from tampered records");

        let mut store = Store::open(&db.spec).unwrap();
        let mut all = store.records(None).unwrap();
        let head = store.head().unwrap();
        let k = Key::load(Some(&key_file)).unwrap();
        all.pop();
        assert!(verify(&k, &all, head.as_ref()).contains(&Problem::Removed {
            before: None,
            after: Some(7),
            count: Some(1)
        }));
    }
}

#[test]
fn rescore_replays_stored_versions_and_flags_mismatches() {
    for db in dbs::both() {
        for seed in ["1", "5"] {
            let out = run(&db, &["play", "angry_warranty", "--seed", seed, "--choices", "4,1,1"]);
            assert_eq!(out.code, 0, "{}", out.stderr);
            // A full-length session too (a practice one: assessments cannot be scripted).
            let best = support_records::BEST.map(|c| c.to_string()).join(",");
            let out = run(&db, &["play", "angry_warranty", "--seed", seed, "--choices", &best]);
            assert_eq!(out.code, 0, "{}", out.stderr);
            let mut store = Store::open(&db.spec).unwrap();
            let last = store.records(None).unwrap().pop().unwrap();
            assert_eq!(last.record.played, Played::Scripted, "--choices is scripted play");
        }
        let clean = run(&db, &["records", "rescore"]);
        assert_eq!(clean.code, 0, "{}{}", clean.stdout, clean.stderr);
        assert!(clean.stdout.contains("0 flagged"), "{}", clean.stdout);
        db.execute("UPDATE records SET total = total - 5 WHERE seq = 1");
        let flagged = run(&db, &["records", "rescore"]);
        assert_eq!(flagged.code, 1);
        assert!(
            flagged.stdout.contains("record #1 (guest, angry_warranty,") && flagged.stdout.contains("1 flagged"),
            "{}",
            flagged.stdout
        );
    }
}

#[test]
fn records_scored_under_older_rules_verify_and_are_not_flagged_by_a_rescore() {
    for db in dbs::both() {
        // A record exactly as the program wrote it before scoring versions: `program` names no
        // scoring, and its stored total follows the old rules (here: off by 7 from today's).
        let (mut old, v) = played("Ana", Mode::Assessment);
        old.program = "rehearse 0.1.0".to_string();
        old.total -= 7.0;
        assert_eq!(old.scoring(), 1);
        let (new, _) = played("Bo", Mode::Assessment);
        assert_eq!(new.scoring(), rehearse::score::SCORING_VERSION);
        let mut store = Store::open(&db.spec).unwrap();
        store.save(&old, &v, &key()).unwrap();
        store.save(&new, &v, &key()).unwrap();
        let all = store.records(None).unwrap();
        assert_eq!(verify(&key(), &all, store.head().unwrap().as_ref()), Vec::<Problem>::new(), "both verify");
        drop(store);
        let out = run(&db, &["records", "rescore"]);
        assert_eq!(out.code, 0, "{}{}", out.stdout, out.stderr);
        assert!(
            out.stdout.contains(&format!(
                "record #1 (Ana, angry_warranty, {}): scored under scoring version 1; this program scores with version {}",
                rehearse::records::format_ms(old.finished_at),
                rehearse::score::SCORING_VERSION
            )),
            "{}",
            out.stdout
        );
        assert!(
            out.stdout.contains(
                "1 session(s) replayed; 1 match their stored scores, 0 flagged, 1 scored under older scoring rules"
            ),
            "{}",
            out.stdout
        );
    }
}

#[test]
fn a_terminal_assessment_is_timed_and_its_seed_is_drawn_and_kept_hidden() {
    let db = dbs::sqlite();
    let pin = rehearse::records::Pin::parse("2468").unwrap();
    rehearse::records::roster::add(&mut Store::open(&db.spec).unwrap(), "Ana", &pin).unwrap();
    // The PIN, then 1 until the conversation ends, whatever the hidden facts turn out to be.
    let input = format!("2468\n{}", "1\n".repeat(60));
    let mut args: Vec<String> = ["play", "angry_warranty", "--mode", "assessment", "--trainee", "Ana"]
        .iter()
        .map(ToString::to_string)
        .collect();
    args.extend(["--db".to_string(), db.arg()]);
    let refs: Vec<&str> = args.iter().map(String::as_str).collect();
    let out = common::rehearse_in(std::path::Path::new(env!("CARGO_MANIFEST_DIR")), &refs, Some(&input));
    assert_eq!(out.code, 0, "{}{}", out.stdout, out.stderr);
    let before_debrief = out.stdout.split("=== Debrief").next().unwrap();
    assert!(!before_debrief.to_lowercase().contains("seed"), "the seed is not shown while playing");
    let mut store = Store::open(&db.spec).unwrap();
    let all = store.records(None).unwrap();
    assert_eq!(all.len(), 1);
    let r = &all[0].record;
    assert_eq!((r.trainee.as_str(), r.mode), ("Ana", Mode::Assessment));
    assert!(
        !r.choices.is_empty() && r.choices.iter().all(|(_, ms)| ms.is_some()),
        "every reply timed: {:?}",
        r.choices
    );
    // Two assessments draw two different seeds.
    let out = common::rehearse_in(std::path::Path::new(env!("CARGO_MANIFEST_DIR")), &refs, Some(&input));
    assert_eq!(out.code, 0, "{}", out.stderr);
    let seeds: Vec<u64> = store.records(None).unwrap().iter().map(|s| s.record.seed).collect();
    assert_ne!(seeds[0], seeds[1], "seeds drawn from the operating system");
}

#[test]
fn xapi_statements_carry_actor_verb_object_and_result() {
    let db = dbs::sqlite();
    let (mut r, v) = played("Ana", Mode::Assessment);
    r.started_at = OCT;
    r.finished_at = OCT + 192_400;
    Store::open(&db.spec).unwrap().save(&r, &v, &key()).unwrap();
    let out = run_as_trainer(&db, &["export", "xapi", "--month", "2026-10"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let all: Value = serde_json::from_str(&out.stdout).expect("json");
    let s = &all[0];
    assert_eq!(all.as_array().map(Vec::len), Some(1));
    assert_eq!(s["actor"]["account"]["name"], "Ana");
    assert_eq!(s["verb"]["id"], "http://adlnet.gov/expapi/verbs/passed");
    assert_eq!(s["object"]["id"], "https://rehearse.invalid/scenarios/angry_warranty", "under the default home page");
    assert_eq!(s["result"]["score"]["scaled"], 1.0);
    assert_eq!((s["result"]["success"].as_bool(), s["result"]["completion"].as_bool()), (Some(true), Some(true)));
    assert_eq!(s["result"]["duration"], "PT3M12.4S");
    assert_eq!(s["timestamp"], "2026-10-02T00:03:12.400Z");
    assert_eq!(s["version"], "1.0.3");
    assert_eq!(s["id"].as_str().map(str::len), Some(36));
    let empty = run_as_trainer(&db, &["export", "xapi", "--month", "2026-09"]);
    assert_eq!(empty.stdout.trim(), "[]");
}

#[test]
fn hostile_names_are_stored_verbatim_and_shown_safely() {
    let long = "Ж".repeat(10_000);
    let names = [
        "O'Brien \"Bob\"".to_string(),
        "Robert'); DROP TABLE records;--".to_string(),
        "tab\there bell\u{7} esc\u{1b}[31m red\nnewline".to_string(),
        "emoji 🚗🔧 👩🏽‍🔧".to_string(),
        long.clone(),
        "=HYPERLINK(\"http://x\")".to_string(),
        "<script>alert(1)</script>".to_string(),
    ];
    for db in dbs::both() {
        // Three assessments each, stored as the program stores them (names verbatim).
        let key = Key::load_or_create(Some(&db.key_file())).unwrap();
        let mut store = Store::open(&db.spec).unwrap();
        for n in &names {
            for _ in 0..3 {
                let (r, v) = played(n, Mode::Assessment);
                store.save(&r, &v, &key).unwrap();
            }
        }
        drop(store);
        let mut store = Store::open(&db.spec).unwrap();
        let mut stored = store.trainees().unwrap();
        stored.sort();
        let mut want = names.to_vec();
        want.sort();
        assert_eq!(stored, want, "{}: names come back byte for byte", db.name);
        assert_eq!(store.records(None).unwrap().len(), 21, "the DROP TABLE name dropped nothing");

        let month = Month::now().to_string();
        let table = run(&db, &["report", "--month", &month]).stdout;
        assert!(
            !table.chars().any(|c| c.is_control() && c != '\n'),
            "control characters reach the terminal:\n{table:?}"
        );
        assert!(table.lines().all(|l| l.chars().count() < 200), "a 10,000-character name is cut in the table");
        let json: Value =
            serde_json::from_str(&run(&db, &["report", "--month", &month, "--format", "json"]).stdout).unwrap();
        let mut json_names: Vec<&str> =
            json["ranking"].as_array().unwrap().iter().map(|r| r["trainee"].as_str().unwrap()).collect();
        json_names.sort();
        assert_eq!(json_names, want.iter().map(String::as_str).collect::<Vec<_>>());
        let csv = run(&db, &["report", "--month", &month, "--format", "csv"]).stdout;
        assert!(
            csv.contains(&long) && csv.contains(",\"'=HYPERLINK(\"\"http://x\"\")\","),
            "{}",
            &csv[..csv.len().min(400)]
        );
        let html_file = db.dir.path().join("r.html");
        let out = run(&db, &["report", "--month", &month, "--format", "html", "--out", html_file.to_str().unwrap()]);
        assert_eq!(out.code, 0, "{}", out.stderr);
        let html = std::fs::read_to_string(&html_file).unwrap();
        assert!(!html.contains("<script") && html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(html.contains("<svg") && html.contains("Category averages"));
        assert!(html.contains("<th>Listening</th><th>Offering choices</th><th>Setting expectations</th>"), "{html}");
        // Readable on a phone: the viewport is the device's, the table scrolls sideways rather
        // than squeezing names to a letter a line.
        assert!(html.contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"));
        assert!(html.contains("<div class=\"scroll\"><table>") && html.contains("min-width:8em"));
    }
}

#[test]
fn report_rules_lists_failing_rules_and_where_trainees_get_lost() {
    let db = dbs::sqlite();
    for choices in ["3,2,3,1,4,3,2,2,2,1,2,3", "4,1,1", "4,1,1"] {
        let out = run(&db, &["play", "angry_warranty", "--seed", "1", "--choices", choices]);
        assert_eq!(out.code, 0, "{}", out.stderr);
    }
    let month = Month::now().to_string();
    let out = run(&db, &["report", "rules", "--month", &month, "--format", "json"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let json: Value = serde_json::from_str(&out.stdout).unwrap();
    let sc = &json["scenarios"][0];
    assert_eq!(sc["scenario"], "angry_warranty");
    let sessions = sc["sessions"].as_u64().unwrap();
    assert_eq!(sessions, 3, "{sc}");
    let first = &sc["rules"][0];
    assert!(first["failed"].as_u64().unwrap() >= 1, "the most failed rule comes first: {sc}");
    assert!(!sc["first_slips"].as_array().unwrap().is_empty(), "{sc}");
    assert_eq!(sc["not_replayed"], 0);
    let text = run(&db, &["report", "rules", "--month", &month]).stdout;
    assert!(text.contains("first broken rule at:") && text.contains("endings:"), "{text}");
}
