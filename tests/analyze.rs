//! The analyser's memoised search agrees exactly with brute-force enumeration of every path.

mod common;

use rehearse::analyze;
use rehearse::engine::{Position, offered, opening, step};
use rehearse::library::{Entry, Library};
use rehearse::scenario::Target;
use rehearse::score::{Tally, Tracker, observe_reply};

/// Every path, no memo: (best, worst, count, best among endings with a capped outcome).
fn brute_force(e: &Entry, facts: &[i64]) -> (f64, f64, u128, f64) {
    fn go(e: &Entry, facts: &[i64], pos: Position, t: Tracker, acc: &mut (f64, f64, u128, f64)) {
        if let Target::Ending(end) = pos.at {
            let outcome = e.scenario.endings[end].outcome;
            let total = Tally::of(&e.rubric, &t, Some(outcome)).total();
            acc.0 = acc.0.max(total);
            acc.1 = acc.1.min(total);
            acc.2 += 1;
            if e.rubric.rulebook.cap_for(outcome).is_some() {
                acc.3 = acc.3.max(total);
            }
            return;
        }
        for reply in offered(&e.scenario, facts, &pos).collect::<Vec<_>>() {
            let mut next_t = t.clone();
            observe_reply(&e.scenario, &e.rubric, &mut next_t, facts, &pos, reply);
            go(e, facts, step(&e.scenario, facts, &pos, reply), next_t, acc);
        }
    }
    let mut acc = (f64::NEG_INFINITY, f64::INFINITY, 0, f64::NEG_INFINITY);
    go(e, facts, opening(&e.scenario), Tracker::new(&e.rubric), &mut acc);
    acc
}

#[test]
fn memoised_search_matches_brute_force_on_every_shipped_scenario() {
    let lib = Library::load(&common::scenarios_dir()).unwrap();
    for e in &lib.entries {
        for facts in analyze::fact_outcomes(&e.scenario, &e.rubric).unwrap() {
            let exact = analyze::extremes(&e.scenario, &e.rubric, Some(&facts)).expect("small enough");
            let (best, worst, paths, capped) = brute_force(e, &facts);
            assert_eq!((exact.best, exact.worst, exact.paths), (best, worst, paths), "{} {facts:?}", e.scenario.id);
            // The best lost or escalated conversation, searched with the same bounds.
            let searched = exact.best_capped.map_or(f64::NEG_INFINITY, |c| c.0);
            assert_eq!(searched, capped, "{} {facts:?}: best capped", e.scenario.id);
        }
    }
}

#[test]
fn the_search_stays_exact_when_a_family_is_scored_the_other_way_round() {
    // `family_alone` runs the same branch and bound on a rubric whose family verdicts are
    // inverted; its bounds must stay sound, so it must agree with brute force too.
    let lib = Library::load(&common::scenarios_dir()).unwrap();
    for e in &lib.entries {
        for c in 0..e.rubric.category_count() {
            let mut inverted = e.clone();
            inverted.rubric = std::sync::Arc::new(e.rubric.inverted(c));
            for facts in analyze::fact_outcomes(&e.scenario, &e.rubric).unwrap() {
                let exact = analyze::extremes(&e.scenario, &inverted.rubric, Some(&facts)).expect("small enough");
                let (best, worst, _, _) = brute_force(&inverted, &facts);
                assert_eq!((exact.best, exact.worst), (best, worst), "{} family {c} {facts:?}", e.scenario.id);
            }
        }
    }
}

#[test]
fn random_trainees_score_within_the_exact_extremes() {
    let lib = Library::load(&common::scenarios_dir()).unwrap();
    for e in &lib.entries {
        let exact = analyze::extremes(&e.scenario, &e.rubric, None).expect("small enough");
        let r = analyze::random(&e.scenario, &e.rubric, 300, 5);
        assert!(
            exact.worst <= r.p10 && r.p10 <= r.p50 && r.p50 <= r.p90 && r.p90 <= exact.best,
            "{}: {r:?}",
            e.scenario.id
        );
        assert_eq!(r, analyze::random(&e.scenario, &e.rubric, 300, 5), "random trainees are seeded");
    }
}

#[path = "../benches/support/mod.rs"]
mod support;

#[test]
fn memoised_search_matches_brute_force_on_generated_scenarios() {
    use std::sync::Arc;
    let dir = common::scenarios_dir();
    let text = std::fs::read_to_string(dir.join("rulebook.ron")).unwrap();
    let book = Arc::new(rehearse::rules::load(&dir.join("rulebook.ron"), &text).0.unwrap());
    for seed in 0..6 {
        let raw = support::scenario("gen", 40 + seed as usize * 5, seed);
        let text = ron::to_string(&raw).unwrap();
        let (s, diags) = rehearse::scenario::load(std::path::Path::new("gen.ron"), &text, &book);
        let s = s.unwrap_or_else(|| panic!("{diags:?}"));
        let (rubric, _) = rehearse::score::Rubric::new(Arc::clone(&book), &s);
        let e = Entry { scenario: Arc::new(s), rubric: Arc::new(rubric), text: text.into() };
        for facts in analyze::fact_outcomes(&e.scenario, &e.rubric).unwrap() {
            let exact = analyze::extremes(&e.scenario, &e.rubric, Some(&facts)).expect("small enough");
            let (best, worst, paths, capped) = brute_force(&e, &facts);
            assert_eq!((exact.best, exact.worst, exact.paths), (best, worst, paths), "seed {seed} {facts:?}");
            assert_eq!(exact.best_capped.map_or(f64::NEG_INFINITY, |c| c.0), capped, "seed {seed} {facts:?}");
        }
    }
}
