//! Balance analysis: the exact best and worst totals over every path and every fact outcome,
//! the path to the best, the number of distinct paths, and how a random trainee scores.
//!
//! The exact search ([`search`]) is branch and bound over (position, rule-tracker state); the
//! path count is a memoised count over positions alone; random trainees are simulated by
//! [`Walker`] on the engine's own transition function.

mod balance;
mod policy;
mod search;

pub use balance::{ALONE_HIGH, ALONE_LOW, Balance, FamilyAlone, POLICY_MAX, RANDOM_MAX, family_alone};
pub use policy::{ActWeights, POLICY_SUFFIX, Policy, policy_files};

use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use serde::Serialize;

use crate::cond::Cond;
use crate::engine::{below, draw_facts, env, offered, opening, step};
use crate::scenario::{FactKind, Scenario, Target};
use crate::score::{Rubric, Tally, Tracker};

/// The exact extremes of a scenario's total.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Extremes {
    /// Highest total reachable.
    pub best: f64,
    /// Lowest total reachable.
    pub worst: f64,
    /// 1-based option numbers that reach `best`, for the fact outcome `best_facts`.
    pub best_path: Vec<usize>,
    /// Fact values (id, value) under which `best_path` was found.
    pub best_facts: Vec<(String, String)>,
    /// Distinct reply sequences from opening to an ending, summed over fact outcomes.
    pub paths: u128,
    /// The same figures for each fact outcome searched.
    pub by_outcome: Vec<OutcomeExtremes>,
    /// Distinct states the search memoised (a measure of the scenario's complexity).
    pub states: usize,
}

/// Best, worst and path count under one fact outcome.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OutcomeExtremes {
    /// Fact values (id, value).
    pub facts: Vec<(String, String)>,
    /// Highest total.
    pub best: f64,
    /// Lowest total.
    pub worst: f64,
    /// Distinct paths.
    pub paths: u128,
}

/// How a uniformly random trainee scores.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RandomStats {
    /// Plays simulated.
    pub runs: usize,
    /// Mean total.
    pub mean: f64,
    /// 10th percentile.
    pub p10: f64,
    /// Median.
    pub p50: f64,
    /// 90th percentile.
    pub p90: f64,
}

/// Why an exact analysis was not produced.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AnalyzeError {
    /// The search met more distinct states than it may hold in memory.
    #[error(
        "too many distinct conversation states to analyse exactly (more than {limit}); \
         the scenario's rules and branches combine in too many ways"
    )]
    TooLarge {
        /// The state budget that was exceeded.
        limit: usize,
    },
}

/// The most distinct states the exact search may memoise (about 1 GB at worst).
pub const STATE_BUDGET: usize = 4_000_000;

/// Every fact outcome that can change a condition: choice facts by value, range facts split at
/// every bound a condition tests.
pub fn fact_outcomes(s: &Scenario, rubric: &Rubric) -> Vec<Vec<i64>> {
    let mut cuts: Vec<Vec<i64>> = vec![Vec::new(); s.facts.len()];
    visit_conds(s, rubric, &mut |c| {
        if let Cond::Fact { fact, lo, hi } = c {
            cuts[*fact].extend([*lo, *hi]);
        }
    });
    let per_fact: Vec<Vec<i64>> = s
        .facts
        .iter()
        .zip(cuts)
        .map(|(f, mut cuts)| match &f.kind {
            FactKind::Choice(cs) => (0..cs.len() as i64).collect(),
            FactKind::Range { min, max } => {
                cuts.retain(|c| c > min && c <= max);
                cuts.push(*min);
                cuts.sort_unstable();
                cuts.dedup();
                cuts
            }
        })
        .collect();
    let mut out = vec![Vec::new()];
    for values in per_fact {
        out = out.iter().flat_map(|prefix| values.iter().map(move |v| [prefix.as_slice(), &[*v]].concat())).collect();
    }
    out
}

fn visit_conds(s: &Scenario, rubric: &Rubric, f: &mut impl FnMut(&Cond)) {
    visit_scenario_conds(s, f);
    for r in rubric.rules.iter().filter(|r| r.enabled) {
        r.applies.iter().for_each(|c| c.for_each_leaf(f));
    }
}

fn visit_scenario_conds(s: &Scenario, f: &mut impl FnMut(&Cond)) {
    for n in &s.nodes {
        for l in &n.says {
            l.when.iter().for_each(|c| c.for_each_leaf(f));
        }
        for r in &n.replies {
            r.when.iter().for_each(|c| c.for_each_leaf(f));
            r.branches.iter().for_each(|(c, _)| c.for_each_leaf(f));
        }
    }
}

/// Exact best/worst over every path, for the given facts or, when `None`, every fact outcome.
pub fn extremes(s: &Scenario, rubric: &Rubric, facts: Option<&[i64]>) -> Result<Extremes, AnalyzeError> {
    let outcomes = match facts {
        Some(f) => vec![f.to_vec()],
        None => fact_outcomes(s, rubric),
    };
    on_big_stack(|| search::search_all(s, rubric, outcomes.clone()))
}

/// Deep graphs recurse deeply: run a search on a thread with a generous stack (or on this one
/// when no thread can be started).
fn on_big_stack<T: Send>(f: impl Fn() -> T + Sync) -> T {
    std::thread::scope(|scope| {
        std::thread::Builder::new().stack_size(1 << 30).spawn_scoped(scope, &f).ok().and_then(|h| h.join().ok())
    })
    .unwrap_or_else(f)
}

/// Play `path` (1-based option numbers) under `facts` and score it; `None` when an option is
/// not offered or the path does not reach an ending.
pub fn tally_path(s: &Scenario, rubric: &Rubric, facts: &[i64], path: &[usize]) -> Option<Tally> {
    let mut pos = opening(s);
    let mut tracker = Tracker::new(rubric);
    for &option in path {
        let Target::Node(n) = pos.at else { return None };
        let reply = offered(s, facts, &pos).nth(option.checked_sub(1)?)?;
        tracker.observe(rubric, pos.turn + 1, &env(facts, &pos), s.nodes[n].replies[reply].acts);
        pos = step(s, facts, &pos, reply);
    }
    matches!(pos.at, Target::Ending(_)).then(|| Tally::of(rubric, &tracker))
}

/// Reusable buffers for fast random playthroughs.
#[derive(Debug, Clone)]
pub struct Walker {
    tracker: Tracker,
    options: Vec<usize>,
}

impl Walker {
    /// Buffers sized for a rubric.
    pub fn new(rubric: &Rubric) -> Self {
        Walker { tracker: Tracker::new(rubric), options: Vec::new() }
    }

    /// Play one session with uniformly random replies and return its scored tally.
    pub fn play(&mut self, s: &Scenario, rubric: &Rubric, seed: u64) -> Tally {
        self.play_with(s, rubric, seed, None)
    }

    /// Play one session as a scripted advisor: at each turn the offered reply with the highest
    /// policy score, at random among equals (uniformly random without a policy).
    pub fn play_with(&mut self, s: &Scenario, rubric: &Rubric, seed: u64, policy: Option<&ActWeights>) -> Tally {
        let mut rng = ChaCha8Rng::seed_from_u64(seed);
        let facts = draw_facts(s, &mut rng);
        let mut pos = opening(s);
        self.tracker.reset();
        while let Target::Node(n) = pos.at {
            self.options.clear();
            self.options.extend(offered(s, &facts, &pos));
            if let Some(p) = policy {
                let replies = &s.nodes[n].replies;
                let top = self.options.iter().map(|&r| p.score(replies[r].acts)).max().unwrap_or(0);
                self.options.retain(|&r| p.score(replies[r].acts) == top);
            }
            let reply = self.options[below(&mut rng, self.options.len() as u64) as usize];
            self.tracker.observe(rubric, pos.turn + 1, &env(&facts, &pos), s.nodes[n].replies[reply].acts);
            pos = step(s, &facts, &pos, reply);
        }
        Tally::of(rubric, &self.tracker)
    }
}

/// Score `runs` uniformly random trainees (seeds `seed`, `seed+1`, …).
pub fn random(s: &Scenario, rubric: &Rubric, runs: usize, seed: u64) -> RandomStats {
    scripted(s, rubric, None, runs, seed)
}

/// Score `runs` plays of a scripted advisor (uniformly random without a policy).
pub fn scripted(s: &Scenario, rubric: &Rubric, policy: Option<&ActWeights>, runs: usize, seed: u64) -> RandomStats {
    let mut walker = Walker::new(rubric);
    let mut totals: Vec<f64> =
        (0..runs as u64).map(|i| walker.play_with(s, rubric, seed.wrapping_add(i), policy).total()).collect();
    totals.sort_by(f64::total_cmp);
    let pct = |q: f64| -> f64 {
        if totals.is_empty() {
            return 0.0;
        }
        let rank = ((q * totals.len() as f64).ceil() as usize).clamp(1, totals.len());
        totals[rank - 1]
    };
    let mean = if totals.is_empty() { 0.0 } else { totals.iter().sum::<f64>() / totals.len() as f64 };
    RandomStats { runs, mean, p10: pct(0.10), p50: pct(0.50), p90: pct(0.90) }
}
