//! Balance analysis: the exact best and worst totals over every path and every fact outcome,
//! the path to the best, the number of distinct paths, and how a random trainee scores.
//!
//! The exact search is a memoised depth-first search over (position, rule-tracker state). A
//! scenario's future depends only on that pair, so memoising on it is exact; parts of the
//! position that nothing can test (a meter no condition reads, turn counts beyond every rule's
//! window) are left out of the key so equivalent states merge.

use std::collections::HashMap;

use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use serde::Serialize;

use crate::cond::{Cond, Meter};
use crate::engine::{Position, below, draw_facts, env, offered, opening, step};
use crate::rules::Check;
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

#[derive(Clone, Copy)]
struct Summary {
    best: f64,
    worst: f64,
    paths: u128,
    best_reply: u16,
}

struct Search<'a> {
    s: &'a Scenario,
    rubric: &'a Rubric,
    facts: Vec<i64>,
    memo: HashMap<Box<[u16]>, Summary>,
    keep_meter: [bool; 3],
    keep_known: bool,
    turn_cap: u16,
    key: Vec<u16>,
}

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
    for n in &s.nodes {
        for l in &n.says {
            l.when.iter().for_each(|c| c.for_each_leaf(f));
        }
        for r in &n.replies {
            r.when.iter().for_each(|c| c.for_each_leaf(f));
            r.branches.iter().for_each(|(c, _)| c.for_each_leaf(f));
        }
    }
    for r in rubric.rules.iter().filter(|r| r.enabled) {
        r.applies.iter().for_each(|c| c.for_each_leaf(f));
    }
}

fn window_cap(check: &Check) -> u16 {
    match check {
        Check::FirstTurn(_) => 1,
        Check::Within { turns, .. } => *turns,
        Check::All(cs) | Check::Any(cs) => cs.iter().map(window_cap).max().unwrap_or(0),
        Check::Not(c) => window_cap(c),
        _ => 0,
    }
}

impl<'a> Search<'a> {
    fn new(s: &'a Scenario, rubric: &'a Rubric, facts: Vec<i64>) -> Self {
        let mut keep_meter = [false; 3];
        let mut keep_known = false;
        let mut windowed = false;
        visit_conds(s, rubric, &mut |c| match c {
            Cond::Meter { meter, .. } => keep_meter[*meter as usize] = true,
            Cond::Known(_) => keep_known = true,
            _ => {}
        });
        keep_meter[Meter::Patience as usize] |= s.on_patience_lost.is_some();
        for r in rubric.rules.iter().filter(|r| r.enabled) {
            let dynamic = r.applies.as_ref().is_some_and(|c| {
                let mut d = false;
                c.for_each_leaf(&mut |l| d |= !matches!(l, Cond::Fact { .. }));
                d
            });
            windowed |= dynamic && window_cap(&rubric.rulebook.rules[r.rule].check) > 0;
        }
        let cap = rubric
            .rules
            .iter()
            .filter(|r| r.enabled)
            .map(|r| window_cap(&rubric.rulebook.rules[r.rule].check))
            .max()
            .unwrap_or(0);
        let turn_cap = if s.turn_limit.is_some() || windowed { u16::MAX } else { cap + 1 };
        Search { s, rubric, facts, memo: HashMap::new(), keep_meter, keep_known, turn_cap, key: Vec::new() }
    }

    fn key_of(&mut self, pos: &Position, tracker: &Tracker) {
        self.key.clear();
        let at = match pos.at {
            Target::Node(n) => n as u32,
            Target::Ending(e) => (1 << 31) | e as u32,
        };
        self.key.extend([(at >> 16) as u16, at as u16]);
        for (i, keep) in self.keep_meter.iter().enumerate() {
            self.key.push(if *keep { pos.meters[i] as u16 } else { 0 });
        }
        if self.keep_known {
            self.key.extend((0..4).map(|i| (pos.known >> (16 * i)) as u16));
        }
        self.key.push(pos.turn.min(self.turn_cap));
        tracker.key(self.rubric, &mut self.key);
    }

    fn visit(&mut self, pos: Position, tracker: &Tracker) -> Summary {
        if let Target::Ending(_) = pos.at {
            let total = Tally::of(self.rubric, tracker).total();
            return Summary { best: total, worst: total, paths: 1, best_reply: 0 };
        }
        self.key_of(&pos, tracker);
        if let Some(s) = self.memo.get(self.key.as_slice()) {
            return *s;
        }
        let key: Box<[u16]> = self.key.as_slice().into();
        let Target::Node(n) = pos.at else { unreachable!("endings return above") };
        let mut out = Summary { best: f64::NEG_INFINITY, worst: f64::INFINITY, paths: 0, best_reply: 0 };
        let options: Vec<usize> = offered(self.s, &self.facts, &pos).collect();
        for (k, reply) in options.into_iter().enumerate() {
            let mut t = tracker.clone();
            t.observe(self.rubric, pos.turn + 1, &env(&self.facts, &pos), self.s.nodes[n].replies[reply].acts);
            let next = step(self.s, &self.facts, &pos, reply);
            let child = self.visit(next, &t);
            if child.best > out.best {
                out.best = child.best;
                out.best_reply = (k + 1) as u16;
            }
            out.worst = out.worst.min(child.worst);
            out.paths = out.paths.saturating_add(child.paths);
        }
        self.memo.insert(key, out);
        out
    }

    fn best_path(&mut self) -> Vec<usize> {
        let mut pos = opening(self.s);
        let mut tracker = Tracker::new(self.rubric);
        let mut path = Vec::new();
        while let Target::Node(n) = pos.at {
            self.key_of(&pos, &tracker);
            let Some(s) = self.memo.get(self.key.as_slice()).copied() else { break };
            let option = usize::from(s.best_reply);
            let Some(reply) = offered(self.s, &self.facts, &pos).nth(option.saturating_sub(1)) else { break };
            tracker.observe(self.rubric, pos.turn + 1, &env(&self.facts, &pos), self.s.nodes[n].replies[reply].acts);
            pos = step(self.s, &self.facts, &pos, reply);
            path.push(option);
        }
        path
    }
}

/// Exact best/worst over every path, for the given facts or, when `None`, every fact outcome.
pub fn extremes(s: &Scenario, rubric: &Rubric, facts: Option<&[i64]>) -> Extremes {
    let outcomes = match facts {
        Some(f) => vec![f.to_vec()],
        None => fact_outcomes(s, rubric),
    };
    // Deep graphs recurse deeply: run the search on a thread with a generous stack.
    std::thread::scope(|scope| {
        std::thread::Builder::new()
            .stack_size(1 << 30)
            .spawn_scoped(scope, || search_all(s, rubric, outcomes))
            .ok()
            .and_then(|h| h.join().ok())
    })
    .unwrap_or_else(|| search_all(s, rubric, Vec::new()))
}

fn search_all(s: &Scenario, rubric: &Rubric, outcomes: Vec<Vec<i64>>) -> Extremes {
    let mut out = Extremes {
        best: f64::NEG_INFINITY,
        worst: f64::INFINITY,
        best_path: Vec::new(),
        best_facts: Vec::new(),
        paths: 0,
        by_outcome: Vec::new(),
    };
    for facts in outcomes {
        let mut search = Search::new(s, rubric, facts);
        let summary = search.visit(opening(s), &Tracker::new(rubric));
        out.worst = out.worst.min(summary.worst);
        out.paths = out.paths.saturating_add(summary.paths);
        let named: Vec<(String, String)> =
            s.facts.iter().zip(&search.facts).map(|(f, v)| (f.id.clone(), f.value_text(*v))).collect();
        if summary.best > out.best {
            out.best = summary.best;
            out.best_path = search.best_path();
            out.best_facts = named.clone();
        }
        out.by_outcome.push(OutcomeExtremes {
            facts: named,
            best: summary.best,
            worst: summary.worst,
            paths: summary.paths,
        });
    }
    if out.best == f64::NEG_INFINITY {
        out.best = 0.0;
        out.worst = 0.0;
    }
    out
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
        let mut rng = ChaCha8Rng::seed_from_u64(seed);
        let facts = draw_facts(s, &mut rng);
        let mut pos = opening(s);
        self.tracker.reset();
        while let Target::Node(n) = pos.at {
            self.options.clear();
            self.options.extend(offered(s, &facts, &pos));
            let reply = self.options[below(&mut rng, self.options.len() as u64) as usize];
            self.tracker.observe(rubric, pos.turn + 1, &env(&facts, &pos), s.nodes[n].replies[reply].acts);
            pos = step(s, &facts, &pos, reply);
        }
        Tally::of(rubric, &self.tracker)
    }
}

/// Score `runs` uniformly random trainees (seeds `seed`, `seed+1`, …).
pub fn random(s: &Scenario, rubric: &Rubric, runs: usize, seed: u64) -> RandomStats {
    let mut walker = Walker::new(rubric);
    let mut totals: Vec<f64> = (0..runs as u64).map(|i| walker.play(s, rubric, seed.wrapping_add(i)).total()).collect();
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
