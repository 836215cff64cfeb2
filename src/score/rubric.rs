//! A [`Rubric`] is the rulebook specialised to one scenario: weights overridden, facts
//! resolved, checks compiled into flat operations whose state a [`Tracker`] advances one turn at
//! a time. The scorer and the analyser share this automaton, so both judge identically.

use std::sync::Arc;

use crate::cond::{Cond, CondProblem, Env};
use crate::rules::{ActSet, Check, Rulebook};
use crate::scenario::Scenario;

/// The most rule categories a rulebook may declare.
pub const MAX_CATEGORIES: usize = 16;

#[derive(Debug, Clone)]
enum Op {
    Eventually(u8),
    Never(u8),
    FirstTurn(u8),
    Within { turns: u16, act: u8 },
    AtLeast { times: u16, act: u8 },
    Before { first: u8, then: u8 },
    All(Vec<u32>),
    Any(Vec<u32>),
    Not(u32),
}

/// One rule as it applies to one scenario.
#[derive(Debug, Clone)]
pub struct RubricRule {
    /// Index of the rule in the rulebook.
    pub rule: usize,
    /// Category index.
    pub category: usize,
    /// Weight after the scenario's overrides.
    pub weight: u32,
    /// False when the scenario disables it or it names a fact the scenario lacks.
    pub enabled: bool,
    /// Resolved applicability.
    pub applies: Option<Cond>,
    /// Every act its check looks at.
    pub acts: ActSet,
    /// Which meters (mood, patience, trust) its `applies` condition reads.
    pub reads_meters: [bool; 3],
    /// True when its `applies` condition reads whether a fact is known.
    pub reads_known: bool,
    ops: std::ops::Range<u32>,
    root: u32,
}

/// The rulebook compiled for one scenario.
#[derive(Debug, Clone)]
pub struct Rubric {
    /// The rulebook it was built from.
    pub rulebook: Arc<Rulebook>,
    /// The rules, in rulebook order.
    pub rules: Vec<RubricRule>,
    ops: Vec<Op>,
    /// True when some rule's window start depends on the turn (Within/FirstTurn after a
    /// state condition), so the analyser must keep exact start turns.
    windowed: Vec<bool>,
}

/// A rule's verdict on a conversation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum Verdict {
    /// The rule was kept.
    #[serde(rename = "pass")]
    Pass,
    /// The rule was broken.
    #[serde(rename = "fail")]
    Fail,
    /// The rule did not apply: it counts neither for nor against.
    #[serde(rename = "n/a")]
    NotApplicable,
}

impl Verdict {
    /// `pass`, `fail` or `n/a`, as in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Pass => "pass",
            Verdict::Fail => "fail",
            Verdict::NotApplicable => "n/a",
        }
    }
}

impl Rubric {
    /// Compile the rulebook for a scenario. Problems resolving a rule's `applies` condition
    /// against the scenario's facts are returned with the rule's id (they are the rulebook's
    /// errors, found only in the light of this scenario).
    pub fn new(rulebook: Arc<Rulebook>, scenario: &Scenario) -> (Rubric, Vec<(String, CondProblem)>) {
        let mut ops = Vec::new();
        let mut rules = Vec::new();
        let mut problems = Vec::new();
        for (i, rule) in rulebook.rules.iter().enumerate() {
            let mut enabled = !scenario.disabled_rules.contains(&rule.id);
            let weight = scenario.rule_weights.iter().find(|(id, _)| *id == rule.id).map_or(rule.weight, |(_, w)| *w);
            let applies = rule.applies.as_ref().and_then(|raw| {
                let mut names = Vec::new();
                raw.fact_ids(&mut names);
                if names.iter().any(|n| !scenario.facts.iter().any(|f| f.id == *n)) {
                    enabled = false;
                    return None;
                }
                let mut found = Vec::new();
                let cond = raw.resolve(&scenario.facts, &mut found);
                problems.extend(found.into_iter().map(|p| (rule.id.clone(), p)));
                Some(cond)
            });
            let lo = ops.len() as u32;
            let root = compile(&rule.check, &mut ops);
            let mut acts = ActSet::default();
            for op in &ops[lo as usize..] {
                match *op {
                    Op::Eventually(a) | Op::Never(a) | Op::FirstTurn(a) => acts.insert(a),
                    Op::Within { act, .. } | Op::AtLeast { act, .. } => acts.insert(act),
                    Op::Before { first, then } => {
                        acts.insert(first);
                        acts.insert(then);
                    }
                    Op::All(_) | Op::Any(_) | Op::Not(_) => {}
                }
            }
            let (mut reads_meters, mut reads_known) = ([false; 3], false);
            if let Some(c) = &applies {
                c.for_each_leaf(&mut |l| match l {
                    Cond::Meter { meter, .. } => reads_meters[*meter as usize] = true,
                    Cond::Known(_) => reads_known = true,
                    _ => {}
                });
            }
            rules.push(RubricRule {
                rule: i,
                category: rule.category,
                weight,
                enabled,
                applies,
                acts,
                reads_meters,
                reads_known,
                ops: lo..ops.len() as u32,
                root,
            });
        }
        let windowed = rules
            .iter()
            .map(|r| {
                let state_dependent = r.applies.as_ref().is_some_and(|c| {
                    let mut dynamic = false;
                    c.for_each_leaf(&mut |l| dynamic |= !matches!(l, Cond::Fact { .. }));
                    dynamic
                });
                state_dependent
                    && ops[r.ops.start as usize..r.ops.end as usize]
                        .iter()
                        .any(|o| matches!(o, Op::Within { .. } | Op::FirstTurn(_)))
            })
            .collect();
        (Rubric { rulebook, rules, ops, windowed }, problems)
    }

    /// Number of categories.
    pub fn category_count(&self) -> usize {
        self.rulebook.categories.len().min(MAX_CATEGORIES)
    }

    /// The verdict of rule `i` and the turn that shows it.
    pub fn verdict(&self, tracker: &Tracker, i: usize) -> (Verdict, Option<u16>) {
        let r = &self.rules[i];
        if !r.enabled || tracker.cells[i].a == 0 {
            return (Verdict::NotApplicable, None);
        }
        self.eval(tracker, r.root)
    }

    fn eval(&self, t: &Tracker, op: u32) -> (Verdict, Option<u16>) {
        use Verdict::*;
        let s = t.cells[t.rules + op as usize];
        let some = |turn: u16| (turn > 0).then_some(turn);
        match &self.ops[op as usize] {
            Op::Eventually(_) => {
                if s.a == 1 {
                    (Pass, some(s.b))
                } else {
                    (Fail, None)
                }
            }
            Op::Never(_) => {
                if s.a == 1 {
                    (Fail, some(s.b))
                } else {
                    (Pass, None)
                }
            }
            Op::FirstTurn(_) => match s.a {
                2 => (Pass, some(s.b)),
                1 => (Fail, some(s.b)),
                _ => (NotApplicable, None),
            },
            Op::Within { .. } => match s.a {
                2 => (Pass, some(s.b)),
                1 => (Fail, some(s.b)),
                _ => (Fail, some(t.last_turn)),
            },
            Op::AtLeast { times, .. } => {
                if s.a >= *times {
                    (Pass, some(s.b))
                } else {
                    (Fail, None)
                }
            }
            Op::Before { .. } => {
                if s.b == 0 {
                    (NotApplicable, None)
                } else if s.a != 0 && s.a <= s.b {
                    (Pass, some(s.b))
                } else {
                    (Fail, some(s.b))
                }
            }
            Op::Not(c) => match self.eval(t, *c) {
                (Pass, e) => (Fail, e),
                (Fail, e) => (Pass, e),
                na => na,
            },
            Op::All(cs) => {
                // A failing child decides (the first one's evidence); else any pass passes with
                // the latest evidence; all n/a is n/a.
                let (mut fail, mut pass) = (None, None::<Option<u16>>);
                for c in cs {
                    match self.eval(t, *c) {
                        (Fail, e) => {
                            fail = Some(e);
                            break;
                        }
                        (Pass, e) => pass = Some(pass.flatten().max(e)),
                        (NotApplicable, _) => {}
                    }
                }
                match (fail, pass) {
                    (Some(e), _) => (Fail, e),
                    (None, Some(e)) => (Pass, e),
                    (None, None) => (NotApplicable, None),
                }
            }
            Op::Any(cs) => {
                // Any pass passes (earliest evidence); else the first failure fails; else n/a.
                let (mut pass, mut fail) = (None::<Option<u16>>, None);
                for c in cs {
                    match self.eval(t, *c) {
                        (Pass, e) => {
                            pass = Some(match (pass.flatten(), e) {
                                (Some(a), Some(b)) => Some(a.min(b)),
                                (a, b) => a.or(b),
                            })
                        }
                        (Fail, e) => {
                            if fail.is_none() {
                                fail = Some(e);
                            }
                        }
                        (NotApplicable, _) => {}
                    }
                }
                match (pass, fail) {
                    (Some(e), _) => (Pass, e),
                    (None, Some(e)) => (Fail, e),
                    (None, None) => (NotApplicable, None),
                }
            }
        }
    }
}

fn compile(check: &Check, ops: &mut Vec<Op>) -> u32 {
    let op = match check {
        Check::Eventually(a) => Op::Eventually(*a),
        Check::Never(a) => Op::Never(*a),
        Check::FirstTurn(a) => Op::FirstTurn(*a),
        Check::Within { turns, act } => Op::Within { turns: *turns, act: *act },
        Check::AtLeast { times, act } => Op::AtLeast { times: *times, act: *act },
        Check::Before { first, then } => Op::Before { first: *first, then: *then },
        Check::All(cs) => Op::All(cs.iter().map(|c| compile(c, ops)).collect()),
        Check::Any(cs) => Op::Any(cs.iter().map(|c| compile(c, ops)).collect()),
        Check::Not(c) => Op::Not(compile(c, ops)),
    };
    ops.push(op);
    (ops.len() - 1) as u32
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
struct Slot {
    a: u16,
    b: u16,
}

/// The state of every rule's check after some turns of a conversation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tracker {
    /// One allocation: per rule the turn its window opened (`a`, 0 = not yet), then one slot
    /// per op (cloned on every step of the analyser's search).
    cells: Vec<Slot>,
    rules: usize,
    last_turn: u16,
}

impl Tracker {
    /// A tracker before the first turn.
    pub fn new(rubric: &Rubric) -> Self {
        let rules = rubric.rules.len();
        Tracker { cells: vec![Slot::default(); rules + rubric.ops.len()], rules, last_turn: 0 }
    }

    /// Back to before the first turn, keeping the memory.
    pub fn reset(&mut self) {
        self.cells.fill(Slot::default());
        self.last_turn = 0;
    }

    /// Advance every rule by one turn. `env` is the state before the reply; `acts` the reply's acts.
    pub fn observe(&mut self, rubric: &Rubric, turn: u16, env: &Env<'_>, acts: ActSet) {
        self.last_turn = turn;
        for (i, r) in rubric.rules.iter().enumerate() {
            if !r.enabled {
                continue;
            }
            if self.cells[i].a == 0 {
                if r.applies.as_ref().is_some_and(|c| !c.holds(env)) {
                    continue;
                }
                self.cells[i].a = turn;
            }
            let k = turn - self.cells[i].a + 1;
            for o in r.ops.clone() {
                let s = &mut self.cells[self.rules + o as usize];
                match rubric.ops[o as usize] {
                    Op::Eventually(a) | Op::Never(a) => {
                        if s.a == 0 && acts.contains(a) {
                            *s = Slot { a: 1, b: turn };
                        }
                    }
                    Op::FirstTurn(a) => {
                        if k == 1 {
                            *s = Slot { a: if acts.contains(a) { 2 } else { 1 }, b: turn };
                        }
                    }
                    Op::Within { turns, act } => {
                        if s.a == 0 {
                            if acts.contains(act) {
                                *s = Slot { a: 2, b: turn };
                            } else if k >= turns {
                                *s = Slot { a: 1, b: turn };
                            }
                        }
                    }
                    Op::AtLeast { times, act } => {
                        if acts.contains(act) && s.a < times {
                            s.a += 1;
                            if s.a == times {
                                s.b = turn;
                            }
                        }
                    }
                    Op::Before { first, then } => {
                        if s.a == 0 && acts.contains(first) {
                            s.a = turn;
                        }
                        if s.b == 0 && acts.contains(then) {
                            s.b = turn;
                        }
                    }
                    Op::All(_) | Op::Any(_) | Op::Not(_) => {}
                }
            }
        }
    }

    /// True when rule `i`'s window has opened.
    pub fn started(&self, i: usize) -> bool {
        self.cells[i].a != 0
    }

    /// One pass over the rules for the analyser: append the memo key to `out` and return
    /// bounds `(upper, lower)` on the total of any continuation, in percent.
    ///
    /// For each rule it works out which verdicts are still possible, given `future` (every act
    /// that can still occur) and `dormant(i)` (rule `i` can never start). A rule left with one
    /// possible verdict is *settled*: it enters the key only as a bit in a set plus the weights
    /// the settled rules keep and apply, so histories that differ only in which settled rules
    /// passed merge whenever their sums agree. Two trackers with equal keys score every
    /// continuation identically.
    pub fn summarize(
        &self,
        rubric: &Rubric,
        future: ActSet,
        dormant: impl Fn(usize) -> bool,
        out: &mut Vec<u16>,
    ) -> (f64, f64) {
        let mask_at = out.len();
        let words = rubric.rules.len().div_ceil(16);
        out.extend(std::iter::repeat_n(0, words + 2));
        let (mut kept, mut applied) = (0u32, 0u32);
        let (mut can_pass, mut only_fail, mut can_fail, mut only_pass) = (0u32, 0u32, 0u32, 0u32);
        for (i, r) in rubric.rules.iter().enumerate() {
            let start = self.cells[i].a;
            let set = if !r.enabled || (start == 0 && dormant(i)) {
                N
            } else if start == 0 {
                N | self.possible(rubric, r.root, future)
            } else {
                self.possible(rubric, r.root, future)
            };
            if set & P != 0 {
                can_pass += r.weight;
            }
            if set & F != 0 {
                can_fail += r.weight;
            }
            match set {
                P => {
                    only_pass += r.weight;
                    kept += r.weight;
                    applied += r.weight;
                }
                F => {
                    only_fail += r.weight;
                    applied += r.weight;
                }
                N => {}
                _ => {
                    out.push(if rubric.windowed[i] { start } else { u16::from(start > 0) });
                    for o in r.ops.clone() {
                        let s = self.cells[self.rules + o as usize];
                        match rubric.ops[o as usize] {
                            Op::Eventually(_)
                            | Op::Never(_)
                            | Op::FirstTurn(_)
                            | Op::Within { .. }
                            | Op::AtLeast { .. } => out.push(s.a),
                            Op::Before { .. } => out.push(
                                u16::from(s.a > 0)
                                    | (u16::from(s.b > 0) << 1)
                                    | (u16::from(s.a > 0 && s.b > 0 && s.a <= s.b) << 2),
                            ),
                            Op::All(_) | Op::Any(_) | Op::Not(_) => {}
                        }
                    }
                    continue;
                }
            }
            out[mask_at + i / 16] |= 1 << (i % 16);
        }
        out[mask_at + words] = kept.min(u32::from(u16::MAX)) as u16;
        out[mask_at + words + 1] = applied.min(u32::from(u16::MAX)) as u16;
        let pct = |p: u32, f: u32| if p + f == 0 { 0.0 } else { f64::from(p) * 100.0 / f64::from(p + f) };
        (pct(can_pass, only_fail), pct(only_pass, can_fail))
    }
}

/// Verdicts a check can still end with: bit 0 pass, bit 1 fail, bit 2 not applicable.
const P: u8 = 1;
const F: u8 = 2;
const N: u8 = 4;

impl Tracker {
    /// The verdicts op `o` can still reach (over-approximated: combinators assume their
    /// children independent).
    fn possible(&self, rubric: &Rubric, o: u32, future: ActSet) -> u8 {
        let s = self.cells[self.rules + o as usize];
        let may = |a: u8| future.contains(a);
        match &rubric.ops[o as usize] {
            Op::Eventually(a) => {
                if s.a == 1 {
                    P
                } else {
                    F | if may(*a) { P } else { 0 }
                }
            }
            Op::Never(a) => {
                if s.a == 1 {
                    F
                } else {
                    P | if may(*a) { F } else { 0 }
                }
            }
            Op::FirstTurn(a) | Op::Within { act: a, .. } => match s.a {
                2 => P,
                1 => F,
                _ => F | if may(*a) { P } else { 0 },
            },
            Op::AtLeast { times, act } => {
                if s.a >= *times {
                    P
                } else {
                    F | if may(*act) { P } else { 0 }
                }
            }
            Op::Before { first, then } => {
                if s.b != 0 {
                    if s.a != 0 && s.a <= s.b { P } else { F }
                } else if may(*then) {
                    N | if s.a != 0 || may(*first) { P } else { 0 } | if s.a == 0 { F } else { 0 }
                } else {
                    N
                }
            }
            Op::Not(c) => {
                let v = self.possible(rubric, *c, future);
                (v & N) | ((v & P) << 1) | ((v & F) >> 1)
            }
            Op::All(cs) | Op::Any(cs) => {
                // (some child can pass, all can pass-or-n/a, some can fail, all can fail-or-n/a, all can be n/a)
                let (mut some_p, mut all_pn, mut some_f, mut all_fn, mut all_n) = (false, true, false, true, true);
                for c in cs {
                    let x = self.possible(rubric, *c, future);
                    some_p |= x & P != 0;
                    all_pn &= x & (P | N) != 0;
                    some_f |= x & F != 0;
                    all_fn &= x & (F | N) != 0;
                    all_n &= x & N != 0;
                }
                let (pass, fail) = if matches!(rubric.ops[o as usize], Op::All(_)) {
                    (all_pn && some_p, some_f)
                } else {
                    (some_p, some_f && all_fn)
                };
                (u8::from(pass) * P) | (u8::from(fail) * F) | (u8::from(all_n) * N)
            }
        }
    }
}
