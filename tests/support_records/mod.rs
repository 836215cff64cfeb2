//! Building real records for the store tests: a shipped scenario played on a known path.
#![allow(dead_code)]

use std::collections::BTreeMap;

use rehearse::engine::Session;
use rehearse::library::Library;
use rehearse::records::{ContentVersion, Mode, Record};
use rehearse::scenario::Outcome;
use rehearse::score::score;

/// The best path of angry_warranty for seed 1 (`rehearse analyze angry_warranty --seed 1`).
pub const BEST: [usize; 12] = [3, 2, 3, 1, 4, 3, 2, 2, 2, 1, 2, 3];

/// A real session of angry_warranty (seed 1, best path) as a record, with its content version.
pub fn played(trainee: &str, mode: Mode) -> (Record, ContentVersion) {
    let lib = Library::load(&super::common::scenarios_dir()).expect("shipped library");
    let entry = lib.find("angry_warranty").expect("angry_warranty");
    let session = Session::replay(entry.scenario.clone(), 1, trainee, &BEST).expect("best path replays");
    let card = score(&entry.scenario, &entry.rubric, session.transcript());
    (Record::of(&entry, session.transcript(), &card, mode, 1_793_491_200_000), ContentVersion::of(&entry))
}

/// A hand-made assessment record: the scores are set directly (not replayable).
pub fn made(
    base: &(Record, ContentVersion),
    trainee: &str,
    scenario: &str,
    cats: [f64; 3],
    retained: bool,
    finished_at: i64,
) -> Record {
    let mut r = base.0.clone();
    r.trainee = trainee.to_string();
    r.scenario = scenario.to_string();
    r.mode = Mode::Assessment;
    r.categories = BTreeMap::from([
        ("choices".to_string(), Some(cats[1])),
        ("expectations".to_string(), Some(cats[2])),
        ("listening".to_string(), Some(cats[0])),
    ]);
    r.total = (cats[0] + cats[1] + cats[2]) / 3.0;
    r.outcome = Some(if retained { Outcome::Retained } else { Outcome::Lost });
    r.started_at = finished_at - 120_000;
    r.finished_at = finished_at;
    r
}

/// October 2026 (UTC), a day in.
pub const OCT: i64 = 1_790_812_800_000 + 86_400_000;
/// September 2026, a day in.
pub const SEP: i64 = 1_788_220_800_000 + 86_400_000;

/// The hand-built month whose ranking the tests know by heart (see `tests/records.rs`).
pub fn month(base: &(Record, ContentVersion)) -> Vec<Record> {
    let e = |v: f64| [v, v, v];
    let mut v = Vec::new();
    let mut t = OCT;
    let mut add = |who: &str, sc: &str, cats: [f64; 3], kept: bool| {
        t += 60_000;
        v.push(made(base, who, sc, cats, kept, t));
    };
    // Ana: first A 80 (a later 90 does not count), B 70 → 75; categories 75/75/75; retained 2 of 3.
    add("Ana", "A", e(80.0), true);
    add("Ana", "A", e(90.0), true);
    add("Ana", "B", e(70.0), false);
    // Bo: A 90 (100/100/70), first B 70 → 80; weakest (expectations) 70.
    add("Bo", "A", [100.0, 100.0, 70.0], true);
    add("Bo", "B", e(70.0), true);
    add("Bo", "B", e(60.0), true);
    // Cy: first 100 on both → 100, four sessions, all retained.
    add("Cy", "A", e(100.0), true);
    add("Cy", "B", e(100.0), true);
    add("Cy", "A", e(95.0), true);
    add("Cy", "A", e(95.0), true);
    // Dee and Hal: only A, 100 → 50; weakest 50; Dee needs 3 sessions, Hal 4 → Dee first.
    for _ in 0..3 {
        add("Dee", "A", e(100.0), true);
    }
    for _ in 0..4 {
        add("Hal", "A", e(100.0), true);
    }
    // Fay and Gus: identical (first A 60, B 60) → 60, share a rank.
    for who in ["Fay", "Gus"] {
        add(who, "A", e(60.0), true);
        add(who, "B", e(60.0), true);
        add(who, "A", e(50.0), true);
    }
    // Max farms: a poor first try at A, then two perfect replays of it, and B. Only his first
    // assessment of each scenario counts: (40 + 40) / 2 = 40, not (100 + 40) / 2 = 70.
    add("Max", "A", e(40.0), false);
    add("Max", "A", e(100.0), true);
    add("Max", "A", e(100.0), true);
    add("Max", "B", e(40.0), false);
    // Eve: two sessions only → not ranked.
    add("Eve", "A", e(100.0), true);
    add("Eve", "B", e(100.0), true);
    // A practice session never counts.
    let mut practice = made(base, "Dee", "B", e(100.0), true, OCT + 3_600_000);
    practice.mode = Mode::Practice;
    v.push(practice);
    // September: Ana scored 50.
    v.push(made(base, "Ana", "A", e(50.0), true, SEP));
    v.push(made(base, "Ana", "B", e(50.0), true, SEP + 60_000));
    v
}
