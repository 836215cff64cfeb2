//! The exact search behind [`super::extremes`]: branch and bound over (position, tracker)
//! states, and the position-only path count.

use std::collections::{HashMap, HashSet};

use super::{AnalyzeError, Extremes, OutcomeExtremes, STATE_BUDGET, visit_scenario_conds};
use crate::cond::{Cond, Meter};
use crate::engine::{Position, env, offered, opening, step};
use crate::rules::{ActSet, Check};
use crate::scenario::{Scenario, Target};
use crate::score::{ReplyEvents, Rubric, Tally, Tracker};

/// A fast, non-cryptographic hasher for the search's own keys (the Fx hash used by rustc):
/// keys are not attacker-controlled, and SipHash dominated the search's time.
#[derive(Default, Clone, Copy)]
struct FxHasher(u64);

impl std::hash::Hasher for FxHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut word = [0u8; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            self.write_u64(u64::from_le_bytes(word));
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

type FxBuild = std::hash::BuildHasherDefault<FxHasher>;

/// Which extreme a search looks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Goal {
    Best,
    Worst,
    /// The best total among conversations that end with a capped outcome (lost, escalated).
    BestCapped,
}

/// Branch and bound over (position, tracker) states. Exact: a state is expanded only while its
/// bound could still beat the incumbent, and a state seen before is skipped, because whatever
/// it could reach was found then or was already pruned by a weaker incumbent.
struct Search<'a> {
    s: &'a Scenario,
    rubric: &'a Rubric,
    facts: Vec<i64>,
    goal: Goal,
    incumbent: f64,
    incumbent_path: Vec<usize>,
    stack: Vec<usize>,
    visited: HashSet<Box<[u16]>, FxBuild>,
    tables: &'a Tables,
    turn_cap: u16,
    key: Vec<u16>,
    dormant: Vec<bool>,
    /// (upper, lower) bounds of the state whose key was computed last.
    bounds: (f64, f64),
    overflow: bool,
}

/// Per-scenario tables every search of it shares (they do not depend on the facts).
struct Tables {
    /// Acts that can still occur from each node onwards.
    future: Vec<ActSet>,
    /// Per meter and node: the most the meter can still fall / rise from there.
    drop: [Vec<i32>; 3],
    rise: [Vec<i32>; 3],
    /// Per node, the lowest outcome cap of any ending reachable from it (100: none).
    lowest_cap: Vec<u8>,
    /// Per node, the highest cap among the capped endings reachable from it (`None`: no
    /// capped ending is reachable), which bounds the capped search.
    highest_cap: Vec<Option<u8>>,
    /// Per ending, its outcome's cap (100: none).
    ending_cap: Vec<u8>,
    /// Per node, the meters and whether knowledge the conditions of its replies and branches,
    /// or of any node reachable from it, read: elsewhere a meter's value cannot change what
    /// happens (line variants never change state).
    reads: Vec<([bool; 3], bool)>,
}

impl Tables {
    fn new(s: &Scenario, rubric: &Rubric) -> Self {
        let ending_cap: Vec<u8> = s.endings.iter().map(|e| rubric.cap_for(Some(e.outcome))).collect();
        Tables {
            future: future_acts(s),
            drop: [0, 1, 2].map(|m| meter_reach(s, m, |d| (-d).max(0))),
            rise: [0, 1, 2].map(|m| meter_reach(s, m, |d| d.max(0))),
            lowest_cap: lowest_cap(s, &ending_cap),
            highest_cap: highest_cap(s, &ending_cap),
            ending_cap,
            reads: reads_ahead(s),
        }
    }
}

/// Per node, a value gathered over everything reachable from it: the node's own value merged
/// with each target's (a node's gathered value, or `at_ending` for an ending), repeated until
/// nothing changes. Every per-node table of the search (acts still possible, caps, what
/// conditions read) is one of these.
fn gather<T: Copy + PartialEq>(
    s: &Scenario,
    own: impl Fn(&crate::scenario::Node) -> T,
    at_ending: impl Fn(usize) -> T,
    merge: impl Fn(T, T) -> T,
) -> Vec<T> {
    let mut table: Vec<T> = s.nodes.iter().map(own).collect();
    loop {
        let mut changed = false;
        // Targets mostly follow their sources in the file: sweep backwards so one pass suffices.
        for (i, n) in s.nodes.iter().enumerate().rev() {
            let mut acc = table[i];
            for t in n.replies.iter().flat_map(|r| r.targets()) {
                acc = merge(
                    acc,
                    match t {
                        Target::Node(j) => table[j],
                        Target::Ending(e) => at_ending(e),
                    },
                );
            }
            if acc != table[i] {
                table[i] = acc;
                changed = true;
            }
        }
        if !changed {
            return table;
        }
    }
}

/// Per node, the meters and whether knowledge the reply and branch conditions from it onwards read.
fn reads_ahead(s: &Scenario) -> Vec<([bool; 3], bool)> {
    let own = |n: &crate::scenario::Node| {
        let (mut meters, mut known) = ([false; 3], false);
        for c in n.replies.iter().flat_map(|r| r.when.iter().chain(r.branches.iter().map(|b| &b.0))) {
            c.for_each_leaf(&mut |l| match l {
                Cond::Meter { meter, .. } => meters[*meter as usize] = true,
                Cond::Known(_) => known = true,
                _ => {}
            });
        }
        (meters, known)
    };
    let merge =
        |a: ([bool; 3], bool), b: ([bool; 3], bool)| ([a.0[0] | b.0[0], a.0[1] | b.0[1], a.0[2] | b.0[2]], a.1 | b.1);
    gather(s, own, |_| ([false; 3], false), merge)
}

/// Per node, the highest cap among the capped endings reachable from it (`None`: none is).
fn highest_cap(s: &Scenario, ending_cap: &[u8]) -> Vec<Option<u8>> {
    gather(s, |_| None, |e| ending_cap.get(e).copied().filter(|&c| c < 100), Ord::max)
}

/// Per node, the lowest cap among the endings reachable from it (100: none capped).
fn lowest_cap(s: &Scenario, ending_cap: &[u8]) -> Vec<u8> {
    gather(s, |_| 100, |e| ending_cap.get(e).copied().unwrap_or(100), Ord::min)
}

/// Which meters, and whether knowledge, the scenario's own conditions read.
fn scenario_reads(s: &Scenario) -> ([bool; 3], bool) {
    let (mut meters, mut known) = ([false; 3], false);
    visit_scenario_conds(s, &mut |c| match c {
        Cond::Meter { meter, .. } => meters[*meter as usize] = true,
        Cond::Known(_) => known = true,
        _ => {}
    });
    (meters, known)
}

/// Can `c` be true (`.0`) or false (`.1`) at some future turn, given the facts, what is known
/// now (knowledge only grows) and bounds on each meter? Over-approximates: "maybe" is true.
fn possible(c: &Cond, facts: &[i64], known: u64, lo: [i64; 3], hi: [i64; 3]) -> (bool, bool) {
    match c {
        Cond::Fact { fact, lo: a, hi: b } => {
            let t = facts.get(*fact).is_some_and(|v| (*a..*b).contains(v));
            (t, !t)
        }
        Cond::Known(f) => {
            if known & (1u64 << f) != 0 {
                (true, false)
            } else {
                (true, true)
            }
        }
        Cond::Meter { meter, lo: a, hi: b } => {
            let (l, h) = (lo[*meter as usize], hi[*meter as usize]);
            (l < *b && h >= *a, l < *a || h >= *b)
        }
        Cond::All(cs) => {
            let v: Vec<_> = cs.iter().map(|c| possible(c, facts, known, lo, hi)).collect();
            (v.iter().all(|x| x.0), v.iter().any(|x| x.1))
        }
        Cond::Any(cs) => {
            let v: Vec<_> = cs.iter().map(|c| possible(c, facts, known, lo, hi)).collect();
            (v.iter().any(|x| x.0), v.iter().all(|x| x.1) || v.is_empty())
        }
        Cond::Not(c) => {
            let (t, f) = possible(c, facts, known, lo, hi);
            (f, t)
        }
    }
}

/// Per node, the largest total `part(delta)` of meter `m` along any path from it (a bound on
/// how far the meter can still fall or rise, ignoring conditions). Capped, so cycles converge.
fn meter_reach(s: &Scenario, m: usize, part: impl Fn(i32) -> i32) -> Vec<i32> {
    let cap = 2 * crate::scenario::METER_MAX;
    let mut reach = vec![0i32; s.nodes.len()];
    loop {
        let mut changed = false;
        // Targets mostly follow their sources in the file: sweep backwards so one pass suffices.
        for (i, n) in s.nodes.iter().enumerate().rev() {
            let mut best = reach[i];
            for r in &n.replies {
                let e = [r.effect.mood, r.effect.patience, r.effect.trust][m];
                for t in r.branches.iter().map(|b| b.1).chain(std::iter::once(r.to)) {
                    let after = match t {
                        Target::Node(j) => reach[j],
                        Target::Ending(_) => 0,
                    };
                    best = best.max((part(e) + after).min(cap));
                }
            }
            if best != reach[i] {
                reach[i] = best;
                changed = true;
            }
        }
        if !changed {
            return reach;
        }
    }
}

/// For each node, every act some reply reachable from it (itself included) performs.
fn future_acts(s: &Scenario) -> Vec<ActSet> {
    gather(s, |n| ActSet::union(n.replies.iter().map(|r| r.acts)), |_| ActSet::default(), |a, b| ActSet(a.0 | b.0))
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
    fn new(s: &'a Scenario, rubric: &'a Rubric, tables: &'a Tables, facts: Vec<i64>, goal: Goal) -> Self {
        // Rules whose window opens mid-conversation are keyed by the turns since it opened
        // (`Tracker::summarize`), so only windows that open at the first turn need the turn.
        let cap = rubric
            .rules
            .iter()
            .filter(|r| r.enabled)
            .map(|r| window_cap(&rubric.rulebook.rules[r.rule].check))
            .max()
            .unwrap_or(0);
        let turn_cap = if s.turn_limit.is_some() { u16::MAX } else { cap + 1 };
        Search {
            s,
            rubric,
            facts,
            goal,
            incumbent: if goal == Goal::Worst { f64::INFINITY } else { f64::NEG_INFINITY },
            incumbent_path: Vec::new(),
            stack: Vec::new(),
            visited: HashSet::default(),
            tables,
            turn_cap,
            key: Vec::new(),
            dormant: vec![false; rubric.rules.len()],
            bounds: (100.0, 0.0),
            overflow: false,
        }
    }

    /// Fill `self.dormant` (rules that can never start from here) and say which meters and
    /// whether knowledge still matter.
    fn mark_dormant(&mut self, pos: &Position, tracker: &Tracker) -> ([bool; 3], bool) {
        // A meter (or knowledge) matters while the scenario reads it or a rule that can still
        // start does. A rule whose condition can never hold from here is dormant: settled n/a.
        let (mut meters, mut known) = match pos.at {
            Target::Node(n) => self.tables.reads[n],
            Target::Ending(_) => ([false; 3], false),
        };
        let reads_patience = meters[1];
        meters[1] |= self.s.on_patience_lost.is_some();
        let (mut lo, mut hi) = ([0i64; 3], [0i64; 3]);
        if let Target::Node(n) = pos.at {
            for m in 0..3 {
                lo[m] = i64::from((pos.meters[m] - self.tables.drop[m][n]).max(0));
                hi[m] = i64::from((pos.meters[m] + self.tables.rise[m][n]).min(crate::scenario::METER_MAX));
            }
            // Patience only matters while it can still run out.
            if self.s.on_patience_lost.is_some() && lo[1] > 0 && !reads_patience {
                meters[1] = false;
            }
        }
        let dormant = &mut self.dormant;
        dormant.fill(false);
        for (i, r) in self.rubric.rules.iter().enumerate() {
            if r.enabled && !tracker.started(i) {
                let can_start = r.applies.as_ref().is_none_or(|c| possible(c, &self.facts, pos.known, lo, hi).0);
                if can_start {
                    meters.iter_mut().zip(r.reads_meters).for_each(|(m, reads)| *m |= reads);
                    known |= r.reads_known;
                } else {
                    dormant[i] = true;
                }
            }
        }
        (meters, known)
    }

    /// The memo key: everything about (position, tracker) that can still change the outcome.
    fn key_of(&mut self, pos: &Position, tracker: &Tracker) {
        self.key.clear();
        let (at, future) = match pos.at {
            Target::Node(n) => (n as u32, self.tables.future[n]),
            Target::Ending(e) => ((1 << 31) | e as u32, ActSet::default()),
        };
        self.key.extend([(at >> 16) as u16, at as u16]);
        let (meters, known) = self.mark_dormant(pos, tracker);
        for (i, keep) in meters.iter().enumerate() {
            self.key.push(if *keep { pos.meters[i] as u16 } else { u16::MAX });
        }
        if known {
            self.key.extend((0..4).map(|i| (pos.known >> (16 * i)) as u16));
        }
        self.key.push(pos.turn.min(self.turn_cap));
        let dormant = &self.dormant;
        let (upper, lower) = tracker.summarize(self.rubric, future, |i| dormant[i], &mut self.key);
        // An ending's cap can only lower a total: the upper bound stands, the lower one drops
        // to the lowest cap still reachable.
        let cap = match pos.at {
            Target::Node(n) => self.tables.lowest_cap[n],
            Target::Ending(e) => self.tables.ending_cap[e],
        };
        // The capped search only counts capped endings: none reachable, nothing to find; else
        // no better than the highest cap still reachable.
        let upper = match (self.goal, pos.at) {
            (Goal::BestCapped, Target::Node(n)) => {
                self.tables.highest_cap[n].map_or(f64::NEG_INFINITY, |c| upper.min(f64::from(c)))
            }
            _ => upper,
        };
        self.bounds = (upper, lower.min(f64::from(cap)));
    }

    /// Record a finished conversation's total if it beats the incumbent.
    fn finish(&mut self, tracker: &Tracker, ending: usize) {
        if self.goal == Goal::BestCapped && self.tables.ending_cap[ending] >= 100 {
            return;
        }
        let total = Tally::of(self.rubric, tracker, Some(self.s.endings[ending].outcome)).total();
        let better = match self.goal {
            Goal::Best | Goal::BestCapped => total > self.incumbent,
            Goal::Worst => total < self.incumbent,
        };
        if better {
            self.incumbent = total;
            self.incumbent_path.clone_from(&self.stack);
        }
    }

    /// Start the search at the opening.
    fn run(&mut self) {
        let (pos, tracker) = (opening(self.s), Tracker::new(self.rubric));
        self.key_of(&pos, &tracker);
        self.visited.insert(self.key.as_slice().into());
        self.dfs(pos, &tracker);
    }

    /// Expand a node state (already marked visited): each new child state is marked, bounded,
    /// and explored most promising first while its bound can still beat the incumbent.
    fn dfs(&mut self, pos: Position, tracker: &Tracker) {
        let Target::Node(n) = pos.at else { return };
        if self.visited.len() >= STATE_BUDGET {
            self.overflow = true;
        }
        if self.overflow {
            return;
        }
        let options: Vec<usize> = offered(self.s, &self.facts, &pos).collect();
        let replies = &self.s.nodes[n].replies;
        let choices = ActSet::union(options.iter().map(|&r| replies[r].acts));
        let mut children: Vec<(f64, usize, Position, Tracker)> = Vec::with_capacity(options.len());
        for (k, reply) in options.into_iter().enumerate() {
            let mut t = tracker.clone();
            let next = step(self.s, &self.facts, &pos, reply);
            let events = ReplyEvents::of(self.s, n, reply).among(choices).arriving(self.s.settles_at(next.at));
            t.observe(self.rubric, pos.turn + 1, &env(&self.facts, &pos), &events);
            self.stack.push(k + 1);
            if let Target::Ending(e) = next.at {
                self.finish(&t, e);
            } else {
                self.key_of(&next, &t);
                // Look up before allocating: most repeated states are skipped without a copy.
                if !self.visited.contains(self.key.as_slice()) && self.visited.insert(self.key.as_slice().into()) {
                    let bound = if self.goal == Goal::Worst { self.bounds.1 } else { self.bounds.0 };
                    children.push((bound, k + 1, next, t));
                }
            }
            self.stack.pop();
        }
        match self.goal {
            Goal::Best | Goal::BestCapped => children.sort_by(|a, b| b.0.total_cmp(&a.0)),
            Goal::Worst => children.sort_by(|a, b| a.0.total_cmp(&b.0)),
        }
        for (bound, option, next, t) in children {
            let hopeless = match self.goal {
                Goal::Best | Goal::BestCapped => bound <= self.incumbent,
                Goal::Worst => bound >= self.incumbent,
            };
            if hopeless {
                continue;
            }
            self.stack.push(option);
            self.dfs(next, &t);
            self.stack.pop();
        }
    }
}

/// Count distinct reply sequences from `pos` to an ending. Only what transitions can observe
/// (node, the meters and knowledge conditions read, the turn under a turn limit) is memoised.
fn count_paths(s: &Scenario, facts: &[i64]) -> u128 {
    let (mut reads, known) = scenario_reads(s);
    reads[Meter::Patience as usize] |= s.on_patience_lost.is_some();
    let mut memo: HashMap<(Target, [i32; 3], u64, u16), u128, FxBuild> = HashMap::default();
    fn go(
        s: &Scenario,
        facts: &[i64],
        pos: Position,
        reads: [bool; 3],
        known: bool,
        memo: &mut HashMap<(Target, [i32; 3], u64, u16), u128, FxBuild>,
    ) -> u128 {
        if let Target::Ending(_) = pos.at {
            return 1;
        }
        let meters = [0, 1, 2].map(|m| if reads[m] { pos.meters[m] } else { -1 });
        let turn = if s.turn_limit.is_some() { pos.turn } else { 0 };
        let key = (pos.at, meters, if known { pos.known } else { 0 }, turn);
        if let Some(&n) = memo.get(&key) {
            return n;
        }
        let n = offered(s, facts, &pos)
            .collect::<Vec<_>>()
            .into_iter()
            .map(|reply| go(s, facts, step(s, facts, &pos, reply), reads, known, memo))
            .fold(0u128, u128::saturating_add);
        memo.insert(key, n);
        n
    }
    go(s, facts, opening(s), reads, known, &mut memo)
}

/// Run both searches and the path count for every fact outcome.
pub(super) fn search_all(s: &Scenario, rubric: &Rubric, outcomes: Vec<Vec<i64>>) -> Result<Extremes, AnalyzeError> {
    let tables = Tables::new(s, rubric);
    let mut out = Extremes {
        best: f64::NEG_INFINITY,
        worst: f64::INFINITY,
        best_path: Vec::new(),
        best_facts: Vec::new(),
        paths: 0,
        by_outcome: Vec::new(),
        states: 0,
        best_capped: None,
    };
    for facts in outcomes {
        let named: Vec<(String, String)> =
            s.facts.iter().zip(&facts).map(|(f, v)| (f.id.clone(), f.value_text(*v))).collect();
        let mut best = Search::new(s, rubric, &tables, facts.clone(), Goal::Best);
        best.run();
        let mut worst = Search::new(s, rubric, &tables, facts.clone(), Goal::Worst);
        worst.run();
        let mut capped = Search::new(s, rubric, &tables, facts.clone(), Goal::BestCapped);
        capped.run();
        if best.overflow || worst.overflow || capped.overflow {
            return Err(AnalyzeError::TooLarge { limit: STATE_BUDGET });
        }
        if capped.incumbent.is_finite()
            && out.best_capped.as_ref().is_none_or(|c: &super::Found| capped.incumbent > c.0)
        {
            out.best_capped = Some((capped.incumbent, capped.incumbent_path.clone(), facts.clone()));
        }
        let paths = count_paths(s, &facts);
        out.states += best.visited.len() + worst.visited.len() + capped.visited.len();
        out.worst = out.worst.min(worst.incumbent);
        out.paths = out.paths.saturating_add(paths);
        if best.incumbent > out.best {
            out.best = best.incumbent;
            out.best_path = best.incumbent_path.clone();
            out.best_facts = named.clone();
        }
        out.by_outcome.push(OutcomeExtremes {
            facts: named,
            fact_values: facts,
            best: best.incumbent,
            worst: worst.incumbent,
            best_path: best.incumbent_path,
            paths,
        });
    }
    if out.best == f64::NEG_INFINITY {
        out.best = 0.0;
        out.worst = 0.0;
    }
    Ok(out)
}

/// The best total over every given fact outcome, with its path and the outcome it was found
/// under (`None` when no outcome has an ending). Used with an inverted rubric.
pub(super) fn best_of(
    s: &Scenario,
    rubric: &Rubric,
    outcomes: Vec<Vec<i64>>,
) -> Result<Option<super::Found>, AnalyzeError> {
    let tables = Tables::new(s, rubric);
    let mut out: Option<super::Found> = None;
    for facts in outcomes {
        let mut best = Search::new(s, rubric, &tables, facts.clone(), Goal::Best);
        best.run();
        if best.overflow {
            return Err(AnalyzeError::TooLarge { limit: STATE_BUDGET });
        }
        if best.incumbent.is_finite() && out.as_ref().is_none_or(|o| best.incumbent > o.0) {
            out = Some((best.incumbent, best.incumbent_path, facts));
        }
    }
    Ok(out)
}
