//! Conditions: the small language shared by customer lines, replies, branches and rules.
//!
//! Authors write a [`RawCond`] naming facts by id; loading resolves it against a scenario's
//! facts into a [`Cond`] that tests plain integers, so evaluation is cheap and cannot fail.

use serde::{Deserialize, Serialize};

use crate::scenario::{FactDef, FactKind};

/// A test of one value, as written in RON.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
pub enum Test {
    /// The choice fact has this value (choice facts only).
    Is(String),
    /// The number is below this bound.
    Below(i64),
    /// The number is at least this bound.
    AtLeast(i64),
    /// The number lies between the two bounds, both included.
    Between(i64, i64),
}

/// A condition as written in RON.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
pub enum RawCond {
    /// A hidden fact passes a test, e.g. `Fact("budget", Below(300))`.
    Fact(String, Test),
    /// The trainee has learned the fact.
    Known(String),
    /// The customer's mood (0–100) passes a test.
    Mood(Test),
    /// The customer's patience (0–100) passes a test.
    Patience(Test),
    /// The customer's trust (0–100) passes a test.
    Trust(Test),
    /// Every condition holds.
    All(Vec<RawCond>),
    /// At least one condition holds.
    Any(Vec<RawCond>),
    /// The condition does not hold.
    Not(Box<RawCond>),
}

/// A resolved condition over fact values and the customer's state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cond {
    /// Fact `fact`'s value lies in `lo..hi` (choice facts store the choice's index).
    Fact {
        /// Index into the scenario's facts.
        fact: usize,
        /// Inclusive lower bound.
        lo: i64,
        /// Exclusive upper bound.
        hi: i64,
    },
    /// The trainee has learned fact `0`.
    Known(usize),
    /// A state meter lies in `lo..hi`.
    Meter {
        /// Which meter.
        meter: Meter,
        /// Inclusive lower bound.
        lo: i64,
        /// Exclusive upper bound.
        hi: i64,
    },
    /// Every condition holds.
    All(Vec<Cond>),
    /// At least one condition holds.
    Any(Vec<Cond>),
    /// The condition does not hold.
    Not(Box<Cond>),
}

/// The customer's three meters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Meter {
    /// How the customer feels (0 furious, 100 delighted).
    Mood,
    /// How long they will keep talking (0 walks out).
    Patience,
    /// How much they believe the advisor.
    Trust,
}

/// What a condition is evaluated against.
#[derive(Debug, Clone, Copy)]
pub struct Env<'a> {
    /// Fact values by fact index.
    pub facts: &'a [i64],
    /// Bit `i` set when fact `i` is known to the trainee.
    pub known: u64,
    /// Mood, patience, trust.
    pub meters: [i32; 3],
}

impl Cond {
    /// Evaluate the condition.
    pub fn holds(&self, env: &Env<'_>) -> bool {
        match self {
            Cond::Fact { fact, lo, hi } => env.facts.get(*fact).is_some_and(|v| (*lo..*hi).contains(v)),
            Cond::Known(fact) => env.known & (1u64 << fact) != 0,
            Cond::Meter { meter, lo, hi } => {
                let v = i64::from(env.meters[*meter as usize]);
                (*lo..*hi).contains(&v)
            }
            Cond::All(cs) => cs.iter().all(|c| c.holds(env)),
            Cond::Any(cs) => cs.iter().any(|c| c.holds(env)),
            Cond::Not(c) => !c.holds(env),
        }
    }

    /// Visit every leaf, e.g. to collect the thresholds that split a fact's range.
    pub fn for_each_leaf(&self, f: &mut impl FnMut(&Cond)) {
        match self {
            Cond::All(cs) | Cond::Any(cs) => cs.iter().for_each(|c| c.for_each_leaf(f)),
            Cond::Not(c) => c.for_each_leaf(f),
            leaf => f(leaf),
        }
    }
}

/// Why a raw condition could not be resolved: a message and the quoted text to point at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CondProblem {
    /// What is wrong.
    pub message: String,
    /// The id or value in the source that the message is about, when there is one.
    pub needle: Option<String>,
}

impl RawCond {
    /// Resolve against a scenario's facts, collecting every problem.
    pub fn resolve(&self, facts: &[FactDef], problems: &mut Vec<CondProblem>) -> Cond {
        match self {
            RawCond::Fact(id, test) => match facts.iter().position(|f| f.id == *id) {
                Some(i) => {
                    let (lo, hi) = fact_bounds(&facts[i], test, problems);
                    Cond::Fact { fact: i, lo, hi }
                }
                None => {
                    problems.push(unknown_fact(id, facts));
                    Cond::Any(Vec::new())
                }
            },
            RawCond::Known(id) => match facts.iter().position(|f| f.id == *id) {
                Some(i) => Cond::Known(i),
                None => {
                    problems.push(unknown_fact(id, facts));
                    Cond::Any(Vec::new())
                }
            },
            RawCond::Mood(t) => meter(Meter::Mood, t, problems),
            RawCond::Patience(t) => meter(Meter::Patience, t, problems),
            RawCond::Trust(t) => meter(Meter::Trust, t, problems),
            RawCond::All(cs) => Cond::All(cs.iter().map(|c| c.resolve(facts, problems)).collect()),
            RawCond::Any(cs) => Cond::Any(cs.iter().map(|c| c.resolve(facts, problems)).collect()),
            RawCond::Not(c) => Cond::Not(Box::new(c.resolve(facts, problems))),
        }
    }

    /// Every fact id the condition names.
    pub fn fact_ids(&self, out: &mut Vec<String>) {
        match self {
            RawCond::Fact(id, _) | RawCond::Known(id) => out.push(id.clone()),
            RawCond::All(cs) | RawCond::Any(cs) => cs.iter().for_each(|c| c.fact_ids(out)),
            RawCond::Not(c) => c.fact_ids(out),
            RawCond::Mood(_) | RawCond::Patience(_) | RawCond::Trust(_) => {}
        }
    }
}

fn unknown_fact(id: &str, facts: &[FactDef]) -> CondProblem {
    let names: Vec<&str> = facts.iter().map(|f| f.id.as_str()).collect();
    CondProblem {
        message: format!("unknown fact `{id}`{}", crate::scenario::suggest(id, &names)),
        needle: Some(id.to_string()),
    }
}

fn numeric_bounds(test: &Test, what: &str, problems: &mut Vec<CondProblem>) -> (i64, i64) {
    match test {
        Test::Below(b) => (i64::MIN, *b),
        Test::AtLeast(b) => (*b, i64::MAX),
        Test::Between(a, b) => {
            if a > b {
                problems.push(CondProblem {
                    message: format!(
                        "`Between({a}, {b})` on {what} is empty: the first bound must not exceed the second"
                    ),
                    needle: None,
                });
            }
            (*a, b.saturating_add(1))
        }
        Test::Is(v) => {
            problems.push(CondProblem {
                message: format!("`Is(\"{v}\")` compares text, but {what} is a number: use Below, AtLeast or Between"),
                needle: Some(v.clone()),
            });
            (0, 0)
        }
    }
}

fn meter(meter: Meter, test: &Test, problems: &mut Vec<CondProblem>) -> Cond {
    let name = match meter {
        Meter::Mood => "mood",
        Meter::Patience => "patience",
        Meter::Trust => "trust",
    };
    let (lo, hi) = numeric_bounds(test, name, problems);
    Cond::Meter { meter, lo, hi }
}

fn fact_bounds(fact: &FactDef, test: &Test, problems: &mut Vec<CondProblem>) -> (i64, i64) {
    match (&fact.kind, test) {
        (FactKind::Choice(choices), Test::Is(v)) => match choices.iter().position(|c| c.value == *v) {
            Some(i) => (i as i64, i as i64 + 1),
            None => {
                let names: Vec<&str> = choices.iter().map(|c| c.value.as_str()).collect();
                problems.push(CondProblem {
                    message: format!(
                        "fact `{}` has no value `{v}`; its values are {}{}",
                        fact.id,
                        names.iter().map(|n| format!("`{n}`")).collect::<Vec<_>>().join(", "),
                        crate::scenario::suggest(v, &names)
                    ),
                    needle: Some(v.clone()),
                });
                (0, 0)
            }
        },
        (FactKind::Choice(_), _) => {
            problems.push(CondProblem {
                message: format!("fact `{}` is a choice of values: test it with `Is(\"value\")`", fact.id),
                needle: Some(fact.id.clone()),
            });
            (0, 0)
        }
        (FactKind::Range { .. }, t) => numeric_bounds(t, &format!("fact `{}`", fact.id), problems),
    }
}
