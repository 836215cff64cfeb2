//! (c) `analyze` of a generated 2,000-node scenario: target under 1 s. Baseline: a memoised
//! count of the same graph's paths without scoring or state.
//!
//! (d) `analyze --check` of the whole shipped library on one core (exact extremes, the capped
//! search, 1,000 random trainees and 1,000 plays of each shipped policy per scenario, each family
//! failing alone): target under 2 s. Baseline: loading and validating the same library.

#[path = "support/mod.rs"]
mod support;

use std::path::Path;
use std::sync::Arc;

use criterion::Criterion;
use rehearse::analyze;
use rehearse::scenario::{Scenario, Target};
use rehearse::score::Rubric;

fn count_paths(s: &Scenario) -> u128 {
    fn visit(s: &Scenario, n: usize, memo: &mut Vec<Option<u128>>) -> u128 {
        if let Some(v) = memo[n] {
            return v;
        }
        let v = s.nodes[n]
            .replies
            .iter()
            .map(|r| match r.to {
                Target::Node(j) => visit(s, j, memo),
                Target::Ending(_) => 1,
            })
            .fold(0u128, u128::saturating_add);
        memo[n] = Some(v);
        v
    }
    visit(s, s.start, &mut vec![None; s.nodes.len()])
}

fn main() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios");
    let text = std::fs::read_to_string(dir.join("rulebook.ron")).expect("rulebook");
    let book = Arc::new(rehearse::rules::load(Path::new("rulebook.ron"), &text).0.expect("valid rulebook"));
    let raw = support::scenario("big", 2000, 42);
    let ron_text = ron::to_string(&raw).expect("ron");
    let (s, diags) = rehearse::scenario::load(Path::new("big.scenario.ron"), &ron_text, &book);
    let s = s.unwrap_or_else(|| {
        panic!("generated scenario is invalid: {} problems, first {:?}", diags.len(), diags.first())
    });
    let (rubric, _) = Rubric::new(book, &s);
    let ex = analyze::extremes(&s, &rubric, None).expect("exact analysis");
    println!(
        "generated 2000-node scenario: best {:.1}, worst {:.1}, {} paths, {} states searched",
        ex.best, ex.worst, ex.paths, ex.states
    );

    let mut c = Criterion::default().sample_size(10).configure_from_args();
    c.bench_function("analyze/generated_2000/extremes", |b| {
        b.iter(|| analyze::extremes(&s, &rubric, None).expect("exact analysis"))
    });
    c.bench_function("analyze/generated_2000/random_1000", |b| b.iter(|| analyze::random(&s, &rubric, 1000, 0)));
    c.bench_function("analyze/generated_2000/bare_path_count", |b| b.iter(|| count_paths(&s)));
    let t = std::time::Instant::now();
    let _ = analyze::extremes(&s, &rubric, None).expect("exact analysis");
    let _ = analyze::random(&s, &rubric, 1000, 0);
    println!(
        "TIME analyze 2000-node scenario (extremes + 1000 random runs): {:.3} s (target < 1 s)",
        t.elapsed().as_secs_f64()
    );
    support::ratio(
        "analyze extremes vs bare path count",
        "report",
        5,
        || analyze::extremes(&s, &rubric, None).expect("exact analysis"),
        || {
            let _ = count_paths(&s);
        },
    );
    check_library(&dir);
    c.final_summary();
}

/// Everything `rehearse analyze --check` computes for every shipped scenario.
fn check_library(dir: &Path) {
    let lib = rehearse::library::Library::load(dir).expect("shipped library");
    let book = &lib.rulebook;
    let policies: Vec<(String, analyze::Strategy)> = analyze::policy_files(&dir.join("policies"))
        .iter()
        .map(|f| {
            let p = analyze::Policy::load(f).expect("policy");
            (p.name.clone(), p.weights(book).expect("policy acts"))
        })
        .collect();
    let check = || {
        for e in &lib.entries {
            let ex = analyze::extremes(&e.scenario, &e.rubric, None).expect("exact");
            let b = analyze::Balance::measure(&e.scenario, &e.rubric, &ex, &policies, 1000, 0).expect("exact");
            std::hint::black_box(b.problems());
        }
    };
    let t = std::time::Instant::now();
    check();
    println!(
        "TIME analyze --check, whole library ({} scenarios, one core): {:.3} s (target < 2 s)",
        lib.entries.len(),
        t.elapsed().as_secs_f64()
    );
    support::ratio("analyze --check of the library vs loading it", "report", 3, check, || {
        rehearse::library::Library::load(dir).expect("shipped library")
    });
}
