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
            rules.push(RubricRule {
                rule: i,
                category: rule.category,
                weight,
                enabled,
                applies,
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
        if !r.enabled || tracker.starts[i] == 0 {
            return (Verdict::NotApplicable, None);
        }
        self.eval(tracker, r.root)
    }

    fn eval(&self, t: &Tracker, op: u32) -> (Verdict, Option<u16>) {
        use Verdict::*;
        let s = t.slots[op as usize];
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
                let vs: Vec<_> = cs.iter().map(|c| self.eval(t, *c)).collect();
                if let Some(f) = vs.iter().find(|v| v.0 == Fail) {
                    *f
                } else if vs.iter().any(|v| v.0 == Pass) {
                    (Pass, vs.iter().filter_map(|v| v.1).max())
                } else {
                    (NotApplicable, None)
                }
            }
            Op::Any(cs) => {
                let vs: Vec<_> = cs.iter().map(|c| self.eval(t, *c)).collect();
                if vs.iter().any(|v| v.0 == Pass) {
                    (Pass, vs.iter().filter(|v| v.0 == Pass).filter_map(|v| v.1).min())
                } else if let Some(f) = vs.iter().find(|v| v.0 == Fail) {
                    *f
                } else {
                    (NotApplicable, None)
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
    /// Per rule: the turn its window opened (0 = not yet).
    starts: Vec<u16>,
    slots: Vec<Slot>,
    last_turn: u16,
}

impl Tracker {
    /// A tracker before the first turn.
    pub fn new(rubric: &Rubric) -> Self {
        Tracker { starts: vec![0; rubric.rules.len()], slots: vec![Slot::default(); rubric.ops.len()], last_turn: 0 }
    }

    /// Back to before the first turn, keeping the memory.
    pub fn reset(&mut self) {
        self.starts.fill(0);
        self.slots.fill(Slot::default());
        self.last_turn = 0;
    }

    /// Advance every rule by one turn. `env` is the state before the reply; `acts` the reply's acts.
    pub fn observe(&mut self, rubric: &Rubric, turn: u16, env: &Env<'_>, acts: ActSet) {
        self.last_turn = turn;
        for (i, r) in rubric.rules.iter().enumerate() {
            if !r.enabled {
                continue;
            }
            if self.starts[i] == 0 {
                if r.applies.as_ref().is_some_and(|c| !c.holds(env)) {
                    continue;
                }
                self.starts[i] = turn;
            }
            let k = turn - self.starts[i] + 1;
            for o in r.ops.clone() {
                let s = &mut self.slots[o as usize];
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

    /// Append a key that identifies this tracker's future behaviour (not its evidence turns)
    /// to `out`, for memoising the analyser's search.
    pub fn key(&self, rubric: &Rubric, out: &mut Vec<u16>) {
        for (i, r) in rubric.rules.iter().enumerate() {
            if !r.enabled {
                continue;
            }
            let start = self.starts[i];
            out.push(if rubric.windowed[i] { start } else { u16::from(start > 0) });
            for o in r.ops.clone() {
                let s = self.slots[o as usize];
                match rubric.ops[o as usize] {
                    Op::Eventually(_) | Op::Never(_) | Op::FirstTurn(_) | Op::Within { .. } | Op::AtLeast { .. } => {
                        out.push(s.a)
                    }
                    Op::Before { .. } => out.push(
                        u16::from(s.a > 0)
                            | (u16::from(s.b > 0) << 1)
                            | (u16::from(s.a > 0 && s.b > 0 && s.a <= s.b) << 2),
                    ),
                    Op::All(_) | Op::Any(_) | Op::Not(_) => {}
                }
            }
        }
    }
}
