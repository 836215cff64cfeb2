//! Balance analysis: the exact best and worst totals over every path and every fact outcome,
//! the path to the best, the number of distinct paths, and how a random trainee scores.
//!
//! The exact search ([`search`]) is branch and bound over (position, rule-tracker state); the
//! path count is a memoised count over positions alone; random trainees are simulated by
//! [`Walker`] on the engine's own transition function.

mod balance;
mod policy;
mod search;

pub use balance::{
    ALONE_HIGH, ALONE_LOW, Balance, BalanceProblem, CAPPED_MAX, CORRELATION_MIN, FamilyAlone, LONGEST_SHARE_MAX,
    POLICY_MAX, ProblemNames, RANDOM_MAX, family_alone,
};
pub use policy::{
    Length, POLICIES_DIR, POLICIES_DOMAIN, POLICY_SUFFIX, Policy, Strategy, load_policies, load_policy_files,
    policy_domain, policy_files, policy_units, translate_policies,
};

use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use serde::Serialize;

use crate::cond::Cond;
use crate::engine::{below, draw_facts, env, offered, offered_acts, opening, step};
use crate::rules::ActSet;
use crate::scenario::{FactKind, Scenario, Target};
use crate::score::{ReplyEvents, Rubric, Tally, Tracker, satisfaction};

/// A best total, the path (1-based options) reaching it, and the fact outcome it was found under.
pub type Found = (f64, Vec<usize>, Vec<i64>);

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
    /// The best total among conversations that end lost or escalated (any capped outcome),
    /// with its path and facts; `None` when no such ending is reachable.
    pub best_capped: Option<Found>,
}

/// Best, worst and path count under one fact outcome.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OutcomeExtremes {
    /// Fact values (id, value).
    pub facts: Vec<(String, String)>,
    /// The same values as the engine holds them.
    pub fact_values: Vec<i64>,
    /// Highest total.
    pub best: f64,
    /// Lowest total.
    pub worst: f64,
    /// 1-based options reaching `best`.
    pub best_path: Vec<usize>,
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
    /// Spearman's rank correlation between the total and the customer's satisfaction at the
    /// end, over the same plays (`None` when either does not vary).
    pub satisfaction_correlation: Option<f64>,
}

/// Why an exact analysis was not produced.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AnalyzeError {
    /// The hidden facts combine into more outcomes than the analysis may enumerate.
    #[error(
        "the hidden facts combine into {count} outcomes to analyse, more than {limit}; \
         use fewer facts or fewer values, or analyse one draw with --seed"
    )]
    TooManyOutcomes {
        /// How many outcomes the facts make (saturating).
        count: u128,
        /// The most the analysis enumerates.
        limit: usize,
    },
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

/// The most fact outcomes an analysis enumerates (25 yes/no facts would make 33 million).
pub const MAX_FACT_OUTCOMES: usize = 4096;

/// Every fact outcome that can change a condition: choice facts by value, range facts split at
/// every bound a condition tests. Refused, before anything is built, when there would be more
/// than [`MAX_FACT_OUTCOMES`].
pub fn fact_outcomes(s: &Scenario, rubric: &Rubric) -> Result<Vec<Vec<i64>>, AnalyzeError> {
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
        .map(|(f, cuts)| match &f.kind {
            FactKind::Choice(cs) => (0..cs.len() as i64).collect(),
            FactKind::Range { min, max, step, .. } => {
                // Each cut stands for the values from it up: the first one that can be drawn
                // (in i128: no bound of i64 overflows).
                let step = i128::from(step.get());
                let first_drawn = |c: i64| {
                    let from_min = i128::from(c) - i128::from(*min);
                    i64::try_from(i128::from(*min) + (from_min + step - 1) / step * step).ok()
                };
                let mut cuts: Vec<i64> = cuts
                    .into_iter()
                    .filter(|c| c > min && c <= max)
                    .filter_map(first_drawn)
                    .filter(|c| c <= max)
                    .collect();
                cuts.push(*min);
                cuts.sort_unstable();
                cuts.dedup();
                cuts
            }
        })
        .collect();
    let count = per_fact.iter().fold(1u128, |n, values| n.saturating_mul(values.len() as u128));
    if count > MAX_FACT_OUTCOMES as u128 {
        return Err(AnalyzeError::TooManyOutcomes { count, limit: MAX_FACT_OUTCOMES });
    }
    let mut out = vec![Vec::new()];
    for values in per_fact {
        out = out.iter().flat_map(|prefix| values.iter().map(move |v| [prefix.as_slice(), &[*v]].concat())).collect();
    }
    Ok(out)
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
        None => fact_outcomes(s, rubric)?,
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
        let next = step(s, facts, &pos, reply);
        let events = ReplyEvents::of(s, n, reply).among(offered_acts(s, facts, &pos)).arriving(s.settles_at(next.at));
        tracker.observe(rubric, pos.turn + 1, &env(facts, &pos), &events);
        pos = next;
    }
    match pos.at {
        Target::Ending(e) => Some(Tally::of(rubric, &tracker, Some(s.endings[e].outcome))),
        Target::Node(_) => None,
    }
}

/// Share of decision points (two or more options offered) along each fact outcome's best path
/// at which the chosen reply is strictly the longest option: (longest, decisions).
pub fn longest_share(s: &Scenario, ex: &Extremes) -> (usize, usize) {
    let (mut longest, mut decisions) = (0, 0);
    for o in &ex.by_outcome {
        let facts = &o.fact_values;
        let mut pos = opening(s);
        for &option in &o.best_path {
            let Target::Node(n) = pos.at else { break };
            let options: Vec<usize> = offered(s, facts, &pos).collect();
            let Some(&chosen) = option.checked_sub(1).and_then(|i| options.get(i)) else { break };
            if options.len() > 1 {
                let len = |r: usize| s.fill(&s.nodes[n].replies[r].text, facts).chars().count();
                let own = len(chosen);
                decisions += 1;
                longest += usize::from(options.iter().filter(|&&r| r != chosen).all(|&r| len(r) < own));
            }
            pos = step(s, facts, &pos, chosen);
        }
    }
    (longest, decisions)
}

/// Spearman's rank correlation of two equally long series (average ranks for ties); `None`
/// when either does not vary.
pub fn spearman(x: &[f64], y: &[f64]) -> Option<f64> {
    let (rx, ry) = (ranks(x), ranks(y));
    let n = rx.len().min(ry.len()) as f64;
    if n < 2.0 {
        return None;
    }
    let mean = (n + 1.0) / 2.0;
    let (mut sxy, mut sxx, mut syy) = (0.0, 0.0, 0.0);
    for (a, b) in rx.iter().zip(&ry) {
        sxy += (a - mean) * (b - mean);
        sxx += (a - mean) * (a - mean);
        syy += (b - mean) * (b - mean);
    }
    (sxx > 0.0 && syy > 0.0).then(|| sxy / (sxx * syy).sqrt())
}

/// 1-based ranks, ties sharing their average rank.
fn ranks(v: &[f64]) -> Vec<f64> {
    let mut order: Vec<usize> = (0..v.len()).collect();
    order.sort_by(|&a, &b| v[a].total_cmp(&v[b]));
    let mut out = vec![0.0; v.len()];
    let mut i = 0;
    while i < order.len() {
        let mut j = i;
        while j + 1 < order.len() && v[order[j + 1]] == v[order[i]] {
            j += 1;
        }
        let rank = (i + j) as f64 / 2.0 + 1.0;
        for &k in &order[i..=j] {
            out[k] = rank;
        }
        i = j + 1;
    }
    out
}

/// One scripted or random play: its tally and how satisfied the customer was at the end.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Play {
    /// The scored rules.
    pub tally: Tally,
    /// The customer's satisfaction at the ending reached.
    pub satisfaction: u8,
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
        self.play_with(s, rubric, seed, None).tally
    }

    /// Play one session as a scripted advisor: at each turn the offered reply the strategy
    /// likes best, at random among equals (uniformly random without a strategy).
    pub fn play_with(&mut self, s: &Scenario, rubric: &Rubric, seed: u64, strategy: Option<&Strategy>) -> Play {
        let mut rng = ChaCha8Rng::seed_from_u64(seed);
        let facts = draw_facts(s, &mut rng);
        let mut pos = opening(s);
        let mut faults = 0;
        self.tracker.reset();
        while let Target::Node(n) = pos.at {
            self.options.clear();
            self.options.extend(offered(s, &facts, &pos));
            let replies = &s.nodes[n].replies;
            let choices = ActSet::union(self.options.iter().map(|&r| replies[r].acts));
            if let Some(p) = strategy {
                p.keep_favourites(s, &facts, n, &mut self.options);
            }
            let reply = self.options[below(&mut rng, self.options.len() as u64) as usize];
            let next = step(s, &facts, &pos, reply);
            let events = ReplyEvents::of(s, n, reply).among(choices).arriving(s.settles_at(next.at));
            faults += usize::from(events.acts.meets(rubric.faults));
            self.tracker.observe(rubric, pos.turn + 1, &env(&facts, &pos), &events);
            pos = next;
        }
        let ending = match pos.at {
            Target::Ending(e) => s.endings.get(e),
            Target::Node(_) => None,
        };
        Play {
            tally: Tally::of(rubric, &self.tracker, ending.map(|e| e.outcome)),
            satisfaction: ending.map_or(0, |e| satisfaction(e, pos.meters, faults)),
        }
    }
}

/// Score `runs` uniformly random trainees (seeds `seed`, `seed+1`, …).
pub fn random(s: &Scenario, rubric: &Rubric, runs: usize, seed: u64) -> RandomStats {
    scripted(s, rubric, None, runs, seed)
}

/// Score `runs` plays of a scripted advisor (uniformly random without a strategy).
pub fn scripted(s: &Scenario, rubric: &Rubric, strategy: Option<&Strategy>, runs: usize, seed: u64) -> RandomStats {
    let mut walker = Walker::new(rubric);
    let plays: Vec<Play> =
        (0..runs as u64).map(|i| walker.play_with(s, rubric, seed.wrapping_add(i), strategy)).collect();
    let mut totals: Vec<f64> = plays.iter().map(|p| p.tally.total()).collect();
    let satisfaction: Vec<f64> = plays.iter().map(|p| f64::from(p.satisfaction)).collect();
    let satisfaction_correlation = spearman(&totals, &satisfaction);
    totals.sort_by(f64::total_cmp);
    let pct = |q: f64| -> f64 {
        if totals.is_empty() {
            return 0.0;
        }
        let rank = ((q * totals.len() as f64).ceil() as usize).clamp(1, totals.len());
        totals[rank - 1]
    };
    let mean = if totals.is_empty() { 0.0 } else { totals.iter().sum::<f64>() / totals.len() as f64 };
    RandomStats { runs, mean, p10: pct(0.10), p50: pct(0.50), p90: pct(0.90), satisfaction_correlation }
}

#[cfg(test)]
mod tests {
    use super::spearman;

    #[test]
    fn spearman_ranks_with_ties() {
        assert_eq!(spearman(&[1.0, 2.0, 3.0], &[10.0, 20.0, 30.0]), Some(1.0));
        assert_eq!(spearman(&[1.0, 2.0, 3.0], &[3.0, 2.0, 1.0]), Some(-1.0));
        // Monotone but not linear is still a perfect rank correlation.
        assert_eq!(spearman(&[1.0, 2.0, 3.0, 4.0], &[1.0, 4.0, 9.0, 100.0]), Some(1.0));
        // Ties share their average rank: x ranks 1, 2.5, 2.5, 4 against y ranks 1..4.
        let r = spearman(&[1.0, 2.0, 2.0, 3.0], &[1.0, 2.0, 3.0, 4.0]).unwrap();
        assert!((r - 0.9486832980505138).abs() < 1e-12, "{r}");
        // A constant series has no ranking to compare.
        assert_eq!(spearman(&[5.0, 5.0, 5.0], &[1.0, 2.0, 3.0]), None);
        assert_eq!(spearman(&[1.0], &[1.0]), None);
    }
}
