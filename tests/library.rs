//! The shipped library: every file validates clean, every scenario meets the content bar, every
//! fact outcome has a path that scores 100, and the hidden facts change the right move.

mod common;

use std::sync::Arc;

use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use rehearse::analyze;
use rehearse::engine::{Session, draw_facts};
use rehearse::library::{Entry, Library};
use rehearse::score::score;

fn library() -> Library {
    Library::load(&common::scenarios_dir()).expect("the shipped library loads")
}

/// The fact-outcome class a draw falls in: per fact, the greatest class bound not above it.
fn class(outcomes: &[Vec<i64>], drawn: &[i64]) -> Vec<i64> {
    (0..drawn.len())
        .map(|i| outcomes.iter().map(|o| o[i]).filter(|b| *b <= drawn[i]).max().unwrap_or(drawn[i]))
        .collect()
}

/// A seed among the first 10,000 whose draw falls in fact-outcome class `want`.
fn seed_for(entry: &Entry, outcomes: &[Vec<i64>], want: &[i64]) -> Option<u64> {
    (0..10_000u64)
        .find(|&seed| class(outcomes, &draw_facts(&entry.scenario, &mut ChaCha8Rng::seed_from_u64(seed))) == want)
}

#[test]
fn every_shipped_file_validates_clean() {
    let lib = library();
    assert!(lib.broken.is_empty(), "broken: {:?}", lib.broken);
    assert!(lib.diagnostics.is_empty(), "diagnostics: {:#?}", lib.diagnostics);
    let run = common::rehearse(&["validate"]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    assert_eq!(run.stdout, "", "no warnings either");
}

/// Every practice id in the practice list (../shared/practices.md).
const PRACTICES: &[&str] = &[
    "P-01", "P-02", "P-03", "P-04", "P-05", "P-06", "P-07", "P-08", "P-10", "P-11", "P-12", "P-13", "P-14", "P-15",
    "P-20", "P-21", "P-22", "P-23", "P-24", "P-25", "P-26", "P-27", "P-28", "P-30", "P-31", "P-32", "P-33", "P-40",
    "P-41", "P-42", "P-43", "P-50", "P-51", "P-52", "P-53",
];

#[test]
fn the_library_has_the_scenarios_the_trainers_asked_for() {
    let lib = library();
    assert!(lib.entries.len() >= 10, "{} scenarios", lib.entries.len());
    // Each required scenario, and practices it must cite.
    for (id, cites) in [
        ("angry_warranty", &["P-03", "P-04", "P-06", "P-13", "P-22", "P-23"][..]),
        ("budget_customer", &["P-02", "P-11", "P-20", "P-21"]),
        ("after_hours", &["P-14", "P-21", "P-24", "P-26"]),
        ("endless_revisions", &["P-21", "P-24", "P-25", "P-32"]),
        ("phone_while_busy", &["P-01", "P-07"]),
        ("diy_parts", &["P-12"]),
        ("intermittent_fault", &["P-10", "P-15"]),
        ("competitor_botch", &["P-30"]),
        ("follow_up_call", &["P-41", "P-42"]),
        ("premium_on_budget", &["P-28", "P-14"]),
    ] {
        let entry = lib.find(id).unwrap_or_else(|e| panic!("{id}: {e}"));
        for p in cites {
            assert!(entry.scenario.practices.iter().any(|c| c == p), "{id} does not cite {p}");
        }
    }
}

#[test]
fn every_scenario_meets_the_content_bar() {
    for entry in &library().entries {
        let s = &entry.scenario;
        let id = &s.id;
        assert!(s.nodes.len() >= 20, "{id}: {} nodes", s.nodes.len());
        assert!(s.endings.len() >= 4, "{id}: {} endings", s.endings.len());
        assert!(s.facts.len() >= 2, "{id}: {} hidden facts", s.facts.len());
        assert!(!s.practices.is_empty(), "{id}: cites no practice");
        for p in &s.practices {
            assert!(PRACTICES.contains(&p.as_str()), "{id}: `{p}` is not in the practice list");
        }
        let outcomes: std::collections::BTreeSet<_> = s.endings.iter().map(|e| e.outcome).collect();
        assert!(outcomes.len() >= 2, "{id}: endings all have the same outcome");
        // Random line variants: every ending and nearly every node has two or more.
        for e in &s.endings {
            assert!(e.says.len() >= 2, "{id}: ending `{}` has one line", e.id);
        }
        let varied = s.nodes.iter().filter(|n| n.says.len() >= 2).count();
        assert!(varied * 10 >= s.nodes.len() * 9, "{id}: only {varied} of {} nodes have line variants", s.nodes.len());
        // Choices: every node offers at least two replies, and the good reply is not always in
        // the same place on the best path.
        for n in &s.nodes {
            assert!(n.replies.len() >= 2, "{id}: node `{}` offers {} reply", n.id, n.replies.len());
        }
        let best = analyze::extremes(s, &entry.rubric, None).expect("exact analysis").best_path;
        let distinct: std::collections::BTreeSet<_> = best.iter().collect();
        assert!(distinct.len() >= 2, "{id}: the best path is always option {:?}", distinct);
    }
}

#[test]
fn every_scenario_meets_the_balance_targets() {
    // Best 100; a random trainee averages at most 50; the five shipped policies ("yes to
    // everything", "flat no", always the longest or the shortest reply, always apologise) each
    // at most 40; each rule family can fail on its own; lost or escalated at most 60; the best
    // reply the longest at no more than 40 % of best-path decisions; total and satisfaction
    // rank-correlated at 0.6 or more.
    let lib = library();
    let files = analyze::policy_files(&common::scenarios_dir().join("policies"));
    let names: Vec<String> = files.iter().map(|f| f.file_name().unwrap().to_string_lossy().into_owned()).collect();
    assert_eq!(
        names,
        [
            "always_apologise.policy.ron",
            "always_longest.policy.ron",
            "always_shortest.policy.ron",
            "flat_no.policy.ron",
            "yes_to_everything.policy.ron"
        ]
    );
    let policies: Vec<(String, analyze::Strategy)> = files
        .iter()
        .map(|f| {
            let p = analyze::Policy::load(f).expect("policy parses");
            (p.name.clone(), p.weights(&lib.rulebook).expect("policy acts exist"))
        })
        .collect();
    let mut problems = Vec::new();
    for entry in &lib.entries {
        let (s, rubric) = (&entry.scenario, &entry.rubric);
        let ex = analyze::extremes(s, rubric, None).expect("exact analysis");
        let balance = analyze::Balance::measure(s, rubric, &ex, &policies, 2000, 0).expect("exact analysis");
        assert_eq!(balance.families.len(), 3, "{}", s.id);
        problems.extend(balance.problems().into_iter().map(|p| format!("{}: {p}", s.id)));
        // The path shown for a family failing alone really scores what it says.
        for f in &balance.families {
            let tally = analyze::tally_path(s, rubric, &f.fact_values, &f.path).expect("the path plays to an ending");
            let scores: Vec<Option<f64>> = (0..3).map(|c| tally.category(c)).collect();
            assert_eq!(scores, f.scores, "{} {}", s.id, f.category);
        }
    }
    assert!(problems.is_empty(), "balance targets missed:\n{}", problems.join("\n"));
}

#[test]
fn the_shipped_balance_check_passes_from_the_command_line() {
    let run = common::rehearse(&["analyze", "--check", "--runs", "500"]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    assert!(run.stdout.starts_with("scenario "), "{}", run.stdout);
    assert!(run.stdout.contains("Yes to everything") && run.stdout.contains("Flat no"), "{}", run.stdout);
    assert_eq!(run.stdout.lines().count(), library().entries.len() + 1, "{}", run.stdout);
}

#[test]
fn every_fact_outcome_has_a_path_that_scores_100_when_replayed() {
    for entry in &library().entries {
        let s = &entry.scenario;
        let outcomes = analyze::fact_outcomes(s, &entry.rubric).unwrap();
        for facts in &outcomes {
            let ex = analyze::extremes(s, &entry.rubric, Some(facts)).expect("exact analysis");
            assert_eq!(ex.best, 100.0, "{}: best under {facts:?} is {}", s.id, ex.best);
            // Replay the best path through the real session with a seed that draws these facts.
            let seed = seed_for(entry, &outcomes, facts).unwrap_or_else(|| panic!("{}: no seed draws {facts:?}", s.id));
            let drawn = draw_facts(s, &mut ChaCha8Rng::seed_from_u64(seed));
            let ex = analyze::extremes(s, &entry.rubric, Some(&drawn)).expect("exact analysis");
            let session = Session::replay(Arc::clone(s), seed, "t", &ex.best_path).expect("best path replays");
            assert!(session.is_finished());
            let card = score(s, &entry.rubric, session.transcript());
            assert_eq!(card.total, 100.0, "{} seed {seed}: {:?}", s.id, card.rules);
        }
    }
}

#[test]
fn the_hidden_facts_change_the_right_move() {
    // For each scenario, some fact outcome's best path does not score 100 under another outcome:
    // the trainee cannot play one memorised line and must find the facts out.
    for entry in &library().entries {
        let s = &entry.scenario;
        let outcomes = analyze::fact_outcomes(s, &entry.rubric).unwrap();
        let mut differs = false;
        for a in &outcomes {
            let path = analyze::extremes(s, &entry.rubric, Some(a)).expect("exact analysis").best_path;
            for b in outcomes.iter().filter(|b| *b != a) {
                if !scores_100(entry, b, &path) {
                    differs = true;
                }
            }
        }
        assert!(differs, "{}: one path scores 100 under every fact outcome", s.id);
    }
}

#[test]
fn each_hidden_fact_changes_the_right_move() {
    // For every fact there are two outcomes that differ in that fact alone, where the best path
    // of one does not score 100 under the other.
    for entry in &library().entries {
        let s = &entry.scenario;
        let outcomes = analyze::fact_outcomes(s, &entry.rubric).unwrap();
        let best: Vec<Vec<usize>> = outcomes
            .iter()
            .map(|o| analyze::extremes(s, &entry.rubric, Some(o)).expect("exact analysis").best_path)
            .collect();
        for (f, def) in s.facts.iter().enumerate() {
            let matters = outcomes.iter().enumerate().any(|(i, a)| {
                outcomes.iter().any(|b| {
                    let differs_only_here = (0..a.len()).all(|k| (k == f) != (a[k] == b[k]));
                    differs_only_here && !scores_100(entry, b, &best[i])
                })
            });
            assert!(matters, "{}: the fact `{}` never changes the right move", s.id, def.id);
        }
    }
}

/// Does `path` reach an ending scoring 100 under facts `facts`? Played on the engine directly.
fn scores_100(entry: &Entry, facts: &[i64], path: &[usize]) -> bool {
    use rehearse::engine::{offered, opening, step};
    use rehearse::score::{Tally, Tracker, observe_reply};
    let s = &entry.scenario;
    let mut pos = opening(s);
    let mut tracker = Tracker::new(&entry.rubric);
    for &option in path {
        let Some(reply) = offered(s, facts, &pos).nth(option - 1) else { return false };
        observe_reply(s, &entry.rubric, &mut tracker, facts, &pos, reply);
        pos = step(s, facts, &pos, reply);
    }
    match pos.at {
        rehearse::scenario::Target::Ending(e) => {
            Tally::of(&entry.rubric, &tracker, Some(s.endings[e].outcome)).is_perfect()
        }
        rehearse::scenario::Target::Node(_) => false,
    }
}
