//! Game-engine time in the core: patience drains while the trainee hesitates, a phone rings
//! and gives up, and rule checks see how long each reply took (P-07: answer by the third ring).

mod common;

use std::sync::Arc;

use rehearse::engine::{ChoiceError, Session};
use rehearse::library::{Entry, Library};
use rehearse::score::{Verdict, feedback, score};

fn phone() -> Entry {
    let lib = Library::load(&common::fixture("pressure")).expect("fixture library");
    assert!(lib.diagnostics.is_empty(), "{:?}", lib.diagnostics);
    lib.find("phone").expect("phone")
}

fn verdict(e: &Entry, s: &Session, rule: &str) -> (Verdict, Option<u16>) {
    let card = score(&e.scenario, &e.rubric, s.transcript());
    let r = card.rules.iter().find(|r| r.id == rule).expect("rule");
    (r.verdict, r.evidence.as_ref().map(|x| x.turn))
}

#[test]
fn the_phone_rings_on_a_schedule_and_gives_up() {
    let e = phone();
    let s = Session::new(e.scenario.clone(), 1, "t");
    let ring = *s.ring().expect("the phone rings at the start");
    assert_eq!([0, 2_999, 3_000, 6_500, 11_999, 99_999].map(|ms| ring.rings_at(ms)), [1, 1, 2, 3, 4, 4]);
    assert_eq!(s.deadline_ms(), Some(12_000));

    let mut late = s.clone();
    assert_eq!(late.choose_timed(1, 12_000), Err(ChoiceError::TooLate { deadline_ms: 12_000 }));
    assert!(late.time_out(), "the caller gives up");
    let turn = late.transcript().turns[0];
    assert_eq!((turn.reply, turn.millis), (1, Some(12_000)), "the `unanswered` reply, timed at the deadline");
    assert_eq!(verdict(&e, &late, "E-no-missed-calls"), (Verdict::Fail, Some(1)));
    assert_eq!(verdict(&e, &late, "E-third-ring").0, Verdict::NotApplicable);
    assert!(late.ring().is_none() && !late.time_out(), "no phone rings at the next node");
}

#[test]
fn rules_see_how_long_a_reply_took() {
    let e = phone();
    let mut quick = Session::new(e.scenario.clone(), 1, "t");
    quick.choose_timed(1, 4_000).expect("answered at the second ring");
    assert_eq!(verdict(&e, &quick, "E-third-ring"), (Verdict::Pass, Some(1)));
    let kept = feedback(&e.scenario, &e.rubric, quick.transcript());
    assert!(kept.iter().any(|f| f.id == "E-third-ring" && f.verdict == Verdict::Pass), "{kept:?}");

    let mut slow = Session::new(e.scenario.clone(), 1, "t");
    slow.choose_timed(1, 10_000).expect("answered at the fourth ring");
    assert_eq!(verdict(&e, &slow, "E-third-ring"), (Verdict::Fail, Some(1)));
    let broke = feedback(&e.scenario, &e.rubric, slow.transcript());
    assert!(broke.iter().any(|f| f.id == "E-third-ring" && f.verdict == Verdict::Fail && f.tip.is_some()));

    let mut untimed = Session::new(e.scenario.clone(), 1, "t");
    untimed.choose(1).expect("the CLI plays untimed");
    assert_eq!(verdict(&e, &untimed, "E-third-ring").0, Verdict::NotApplicable);
}

#[test]
fn patience_drains_while_the_trainee_hesitates_but_never_to_zero() {
    let e = phone();
    let s = Session::new(e.scenario.clone(), 1, "t");
    // grace 5 s, then 3 points every 2 s.
    assert_eq!([0, 5_000, 6_999, 7_000, 10_000].map(|ms| s.meters_at(ms).patience), [50, 50, 50, 47, 44]);
    assert_eq!(s.meters_at(u32::MAX).patience, 1, "hesitation alone leaves the customer at 1");
    let mut slow = s.clone();
    slow.choose_timed(1, 10_000).expect("answer");
    assert_eq!(slow.transcript().turns[0].before[1], 44, "the reply is made with the drained patience");
    assert_eq!(slow.meters().patience, 44);
}

#[test]
fn timed_replays_reproduce_the_transcript() {
    let e = phone();
    let mut s = Session::new(e.scenario.clone(), 9, "t");
    s.choose_timed(1, 7_300).expect("answer");
    s.choose_timed(1, 1_200).expect("keys");
    let turns: Vec<(usize, Option<u32>)> =
        s.transcript().turns.iter().map(|t| (usize::from(t.option), t.millis)).collect();
    let again = Session::replay_timed(Arc::clone(&e.scenario), 9, "t", &turns).expect("replay");
    assert_eq!(again.transcript(), s.transcript());
    let json = serde_json::to_string(s.transcript()).expect("json");
    assert!(json.contains("\"millis\":7300"), "{json}");
}

#[test]
fn a_bad_ring_is_reported_with_its_position() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::copy(common::fixture("pressure/rulebook.ron"), dir.path().join("rulebook.ron")).expect("copy");
    let text = std::fs::read_to_string(common::fixture("pressure/phone.scenario.ron")).expect("read");
    let bad = text
        .replace("unanswered: \"counter.let_ring\"", "unanswered: \"counter.let_rng\"")
        .replace("every: 2.0, drain: 3", "every: 2.0, drain: 0");
    std::fs::write(dir.path().join("phone.scenario.ron"), bad).expect("write");
    let run = common::rehearse(&["validate", dir.path().to_str().expect("utf-8")]);
    assert_eq!(run.code, 1, "{}", run.stdout);
    let out = format!("{}{}", run.stdout, run.stderr);
    assert!(out.contains("phone.scenario.ron:14:") && out.contains("did you mean `counter.let_ring`"), "{out}");
    assert!(out.contains("phone.scenario.ron:8:") && out.contains("drains 0 patience"), "{out}");
}
