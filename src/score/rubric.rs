//! A [`Rubric`] is the rulebook specialised to one scenario: weights overridden, facts
//! resolved, checks compiled into flat operations whose state a [`Tracker`] advances one turn at
//! a time. The scorer and the analyser share this automaton, so both judge identically.

use std::sync::Arc;

use crate::cond::{Cond, CondProblem};
use crate::rules::{ActSet, Check, Rulebook};
use crate::scenario::{Outcome, Scenario};

pub use super::tracker::Tracker;

pub use crate::rules::MAX_CATEGORIES;

#[derive(Debug, Clone)]
pub(super) enum Op {
    Eventually(u8),
    Never(u8),
    FirstTurn(u8),
    Within { turns: u16, act: u8 },
    WithinSeconds { millis: u32, act: u8 },
    AtLeast { times: u16, act: u8 },
    Before { first: u8, then: u8 },
    BeforeEach { first: u8, then: u8 },
    KeepPromises,
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
    /// False when the scenario disables it, it names a fact the scenario lacks, or no reply
    /// of the scenario can break it ([`RubricRule::unbreakable`]).
    pub enabled: bool,
    /// True when the rule is off because nothing the trainee can say in this scenario breaks
    /// it (a `Never` over an act no reply performs): a rule that cannot be broken tests
    /// nothing, so it is n/a rather than a free pass.
    pub unbreakable: bool,
    /// Resolved applicability.
    pub applies: Option<Cond>,
    /// Every act its check looks at.
    pub acts: ActSet,
    /// Which meters (mood, patience, trust) its `applies` condition reads.
    pub reads_meters: [bool; 3],
    /// True when its `applies` condition reads whether a fact is known.
    pub reads_known: bool,
    /// Analysis only ([`Rubric::inverted`]): a kept rule counts as broken and a broken one as
    /// kept, so the analyser's best search finds paths that break this rule's family.
    pub inverted: bool,
    pub(super) ops: std::ops::Range<u32>,
    pub(super) root: u32,
    /// The ops whose breaches add up to the rule's repeat count: the root and what hangs
    /// below it through `All` (a `Never`, `BeforeEach` or `KeepPromises` there).
    pub(super) counting: Vec<u32>,
}

/// The rulebook compiled for one scenario.
#[derive(Debug, Clone)]
pub struct Rubric {
    /// The rulebook it was built from.
    pub rulebook: Arc<Rulebook>,
    /// The rules, in rulebook order.
    pub rules: Vec<RubricRule>,
    pub(super) ops: Vec<Op>,
    /// Per rule: when its window start depends on the conversation (a `Within`/`FirstTurn` after
    /// a state condition), the longest window its checks count (else 0). The analyser keys such
    /// a rule by the turns since its window opened, up to that length.
    pub(super) windowed: Vec<u16>,
    /// Per named promise of the scenario, when the shop can keep it (`None`: always).
    pub(super) deliverable: Vec<Option<Cond>>,
    /// The acts that are mistakes (for satisfaction).
    pub faults: ActSet,
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

    /// Pass for fail and fail for pass; n/a stays n/a.
    pub fn flipped(self) -> Verdict {
        match self {
            Verdict::Pass => Verdict::Fail,
            Verdict::Fail => Verdict::Pass,
            Verdict::NotApplicable => Verdict::NotApplicable,
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
            let mut counting = Vec::new();
            counting_ops(&ops, root, &mut counting);
            let mut acts = ActSet::default();
            for op in &ops[lo as usize..] {
                match *op {
                    Op::Eventually(a) | Op::Never(a) | Op::FirstTurn(a) => acts.insert(a),
                    Op::Within { act, .. } | Op::WithinSeconds { act, .. } | Op::AtLeast { act, .. } => {
                        acts.insert(act)
                    }
                    Op::Before { first, then } | Op::BeforeEach { first, then } => {
                        acts.insert(first);
                        acts.insert(then);
                    }
                    Op::KeepPromises => acts.insert(ActSet::PROMISE_MOVE),
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
                unbreakable: false,
                applies,
                acts,
                reads_meters,
                reads_known,
                inverted: false,
                ops: lo..ops.len() as u32,
                root,
                counting,
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
                let window = ops[r.ops.start as usize..r.ops.end as usize]
                    .iter()
                    .map(|o| match o {
                        Op::Within { turns, .. } => *turns,
                        Op::FirstTurn(_) => 1,
                        _ => 0,
                    })
                    .max()
                    .unwrap_or(0);
                if state_dependent { window } else { 0 }
            })
            .collect();
        let deliverable = scenario.promises.iter().map(|p| p.deliverable.clone()).collect();
        let faults =
            rulebook.acts.iter().enumerate().filter(|(_, a)| a.fault).fold(ActSet::default(), |mut set, (i, _)| {
                set.insert(i as u8);
                set
            });
        let mut rubric = Rubric { rulebook, rules, ops, windowed, deliverable, faults };
        rubric.switch_off_unbreakable(scenario);
        (rubric, problems)
    }

    /// Turn off every rule that no reply of the scenario can break.
    fn switch_off_unbreakable(&mut self, scenario: &Scenario) {
        let said = ActSet::union(scenario.nodes.iter().flat_map(|n| &n.replies).map(|r| r.acts));
        let fresh = Tracker::new(self);
        let unbreakable: Vec<bool> =
            self.rules.iter().map(|r| r.enabled && !fresh.can_fail(self, r.root, said)).collect();
        for (r, off) in self.rules.iter_mut().zip(unbreakable) {
            if off {
                r.enabled = false;
                r.unbreakable = true;
            }
        }
    }

    /// How many times rule `i` was broken: the breaches of its counting checks, at least 1
    /// when it failed.
    pub fn breaches(&self, tracker: &Tracker, i: usize) -> u16 {
        let r = &self.rules[i];
        r.counting.iter().map(|&o| tracker.breaches_of(self, o)).fold(0u16, u16::saturating_add)
    }

    /// The weight rule `i` counts against the total when it fails: its weight once per breach,
    /// at most [`Rulebook::repeat_cap`] times (once for an inverted rule).
    pub fn fail_weight(&self, tracker: &Tracker, i: usize) -> u32 {
        let r = &self.rules[i];
        if r.inverted {
            return r.weight;
        }
        r.weight * u32::from(self.breaches(tracker, i).clamp(1, self.repeat_cap()))
    }

    /// The rulebook's repeat cap (at least 1).
    pub fn repeat_cap(&self) -> u16 {
        self.rulebook.repeat_cap.max(1)
    }

    /// The cap on the total when a conversation ends with `outcome` (100: none).
    pub fn cap_for(&self, outcome: Option<Outcome>) -> u8 {
        outcome.and_then(|o| self.rulebook.cap_for(o)).map_or(100, |c| c.cap.min(100))
    }

    /// True when promise `i` can be kept under the environment's facts.
    pub(super) fn deliverable(&self, i: usize, env: &crate::cond::Env<'_>) -> bool {
        self.deliverable.get(i).is_none_or(|c| c.as_ref().is_none_or(|c| c.holds(env)))
    }

    /// A copy for analysis in which every rule of `category` is scored the other way round:
    /// its best total belongs to the paths that keep the other families and break this one.
    pub fn inverted(&self, category: usize) -> Rubric {
        self.inverted_weighted(category, 1, 1)
    }

    /// [`Rubric::inverted`], with the inverted family's weights multiplied by `family` and every
    /// other rule's by `others` (to lean the search towards breaking this family, or towards
    /// keeping the others).
    pub fn inverted_weighted(&self, category: usize, family: u32, others: u32) -> Rubric {
        let mut copy = self.clone();
        for r in &mut copy.rules {
            r.inverted = r.category == category;
            r.weight *= if r.inverted { family } else { others };
        }
        copy
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
                if s.a >= 1 {
                    (Fail, some(s.b))
                } else if s.c != 0 {
                    (Pass, None)
                } else {
                    // Never offered on this path: not resisting what was never there.
                    (NotApplicable, None)
                }
            }
            Op::BeforeEach { .. } => {
                if s.a & super::tracker::SEEN_THEN == 0 {
                    (NotApplicable, None)
                } else if s.b > 0 {
                    (Fail, some(s.c))
                } else {
                    (Pass, some(s.d))
                }
            }
            Op::KeepPromises => {
                if s.a == 0 {
                    (NotApplicable, None)
                } else if s.c != 0 {
                    (Fail, some(s.d))
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
            Op::WithinSeconds { .. } => match s.a {
                2 => (Pass, some(s.b)),
                1 => (Fail, some(s.b)),
                _ => (NotApplicable, None),
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

/// The ops under `op` (itself included) reached through `All` only whose breaches count.
fn counting_ops(ops: &[Op], op: u32, out: &mut Vec<u32>) {
    match &ops[op as usize] {
        Op::Never(_) | Op::BeforeEach { .. } | Op::KeepPromises => out.push(op),
        Op::All(cs) => cs.iter().for_each(|&c| counting_ops(ops, c, out)),
        _ => {}
    }
}

fn compile(check: &Check, ops: &mut Vec<Op>) -> u32 {
    let op = match check {
        Check::Eventually(a) => Op::Eventually(*a),
        Check::Never(a) => Op::Never(*a),
        Check::FirstTurn(a) => Op::FirstTurn(*a),
        Check::Within { turns, act } => Op::Within { turns: *turns, act: *act },
        Check::WithinSeconds { millis, act } => Op::WithinSeconds { millis: *millis, act: *act },
        Check::AtLeast { times, act } => Op::AtLeast { times: *times, act: *act },
        Check::Before { first, then } => Op::Before { first: *first, then: *then },
        Check::BeforeEach { first, then } => Op::BeforeEach { first: *first, then: *then },
        Check::KeepPromises => Op::KeepPromises,
        Check::All(cs) => Op::All(cs.iter().map(|c| compile(c, ops)).collect()),
        Check::Any(cs) => Op::Any(cs.iter().map(|c| compile(c, ops)).collect()),
        Check::Not(c) => Op::Not(compile(c, ops)),
    };
    ops.push(op);
    (ops.len() - 1) as u32
}
