//! (b) Scored random playthroughs per second on one core, against a bare random walk of the
//! same graph without scoring. Targets: ≥ 100,000 playthroughs/s; ratio ≤ 3.

#[path = "support/mod.rs"]
mod support;

use std::path::Path;
use std::sync::Arc;

use criterion::{Criterion, Throughput};
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use rehearse::analyze::Walker;
use rehearse::engine::{Session, below};
use rehearse::library::{Entry, Library};
use rehearse::scenario::{Scenario, Target};
use rehearse::score::{Tracker, tally};

/// A full session (facts, line variants, transcript) with random replies, then scored.
fn scored_session(e: &Entry, tracker: &mut Tracker, seed: u64) -> f64 {
    let mut session = Session::new(Arc::clone(&e.scenario), seed, "bench");
    let mut rng = ChaCha8Rng::seed_from_u64(!seed);
    while !session.is_finished() {
        let n = session.option_count() as u64;
        let _ = session.choose(1 + below(&mut rng, n) as usize);
    }
    tally(&e.scenario, &e.rubric, session.transcript(), tracker).total()
}

/// The same session walk without scoring: the engine's cost alone.
fn unscored_session(e: &Entry, seed: u64) -> usize {
    let mut session = Session::new(Arc::clone(&e.scenario), seed, "bench");
    let mut rng = ChaCha8Rng::seed_from_u64(!seed);
    while !session.is_finished() {
        let n = session.option_count() as u64;
        let _ = session.choose(1 + below(&mut rng, n) as usize);
    }
    session.transcript().turns.len()
}

/// The barest baseline: walk the graph by index, no conditions, state, transcript or scoring.
fn bare_walk(s: &Scenario, seed: u64) -> usize {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let mut at = Target::Node(s.start);
    let mut steps = 0;
    while let Target::Node(n) = at {
        let replies = &s.nodes[n].replies;
        at = replies[below(&mut rng, replies.len() as u64) as usize].to;
        steps += 1;
    }
    steps
}

fn main() {
    let lib = Library::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios")).expect("library");
    let e = lib.find("angry_warranty").expect("scenario");
    let mut c = Criterion::default().configure_from_args();
    let mut group = c.benchmark_group("playthrough");
    group.throughput(Throughput::Elements(1));
    let mut tracker = Tracker::new(&e.rubric);
    let mut seed = 0u64;
    group.bench_function("angry_warranty/session+score", |b| {
        b.iter(|| {
            seed += 1;
            scored_session(&e, &mut tracker, seed)
        })
    });
    let mut walker = Walker::new(&e.rubric);
    group.bench_function("angry_warranty/walker+score", |b| {
        b.iter(|| {
            seed += 1;
            walker.play(&e.scenario, &e.rubric, seed).total()
        })
    });
    group.bench_function("angry_warranty/bare_walk", |b| {
        b.iter(|| {
            seed += 1;
            bare_walk(&e.scenario, seed)
        })
    });
    group.finish();

    const N: u64 = 20_000;
    let (mut s1, mut s2) = (0u64, 0u64);
    let r = support::ratio(
        "scored session vs bare walk (20k plays)",
        "<= 3",
        9,
        || (0..N).map(|_| scored_session(&e, &mut tracker, next(&mut s1))).sum::<f64>(),
        || (0..N).map(|_| bare_walk(&e.scenario, next(&mut s2))).sum::<usize>(),
    );
    let (mut s3, mut s4) = (0u64, 0u64);
    support::ratio(
        "scored session vs the same session unscored (20k plays)",
        "<= 3",
        9,
        || (0..N).map(|_| scored_session(&e, &mut tracker, next(&mut s3))).sum::<f64>(),
        || (0..N).map(|_| unscored_session(&e, next(&mut s4))).sum::<usize>(),
    );
    let t = std::time::Instant::now();
    std::hint::black_box((0..N).map(|_| scored_session(&e, &mut tracker, next(&mut s1))).sum::<f64>());
    let per_sec = N as f64 / t.elapsed().as_secs_f64();
    println!("THROUGHPUT scored sessions: {per_sec:.0}/s on one core (target >= 100000); ratio {r:.2}");
    let t = std::time::Instant::now();
    std::hint::black_box((0..N).map(|_| walker.play(&e.scenario, &e.rubric, next(&mut s1)).total()).sum::<f64>());
    println!("THROUGHPUT scored walker (analyze --runs): {:.0}/s", N as f64 / t.elapsed().as_secs_f64());
    c.final_summary();
}

fn next(s: &mut u64) -> u64 {
    *s += 1;
    *s
}
