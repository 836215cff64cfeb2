//! The rulebook: the speech-act vocabulary, the rule categories and the rules themselves.
//!
//! Trainers write `scenarios/rulebook.ron`. [`load`] validates it and resolves act and category
//! names to indices. Facts named in a rule's `applies` condition are resolved later, per
//! scenario, by [`crate::score::Rubric`]: a rule about a fact a scenario does not have is not
//! applicable there.

mod load;
pub mod raw;

use std::path::PathBuf;

pub use load::load;

use crate::cond::RawCond;

/// The most acts a vocabulary may declare (they are kept in a 128-bit set whose last bit is
/// [`ActSet::PROMISE_MOVE`]).
pub const MAX_ACTS: usize = 127;

/// The most rule categories a rulebook may declare (scores are kept per category in arrays).
pub const MAX_CATEGORIES: usize = 16;

/// The most rules a rulebook may declare.
pub const MAX_RULES: usize = 512;

/// The heaviest a rule may weigh (in the rulebook or a scenario's override), so that every sum
/// of weights, each counted up to [`MAX_REPEAT_CAP`] times, fits comfortably in a `u32`.
pub const MAX_WEIGHT: u32 = 1000;

/// The most times a broken rule may count ([`Rulebook::repeat_cap`]).
pub const MAX_REPEAT_CAP: u16 = 10;

/// A set of speech acts, one bit per act of the rulebook's vocabulary.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct ActSet(pub u128);

impl ActSet {
    /// Every act.
    pub const ALL: ActSet = ActSet(u128::MAX);

    /// Not an act of the vocabulary: the bit a reply carries when it, or a node or ending it
    /// leads to, makes, keeps or breaks a named promise. It lets the analyser's "acts that can
    /// still occur" sets say whether promises can still change.
    pub const PROMISE_MOVE: u8 = 127;

    /// True when the set holds act `act`.
    pub fn contains(self, act: u8) -> bool {
        self.0 & (1u128 << act) != 0
    }

    /// Add act `act`.
    pub fn insert(&mut self, act: u8) {
        self.0 |= 1u128 << act;
    }

    /// The acts in the set, in vocabulary order (without [`ActSet::PROMISE_MOVE`]).
    pub fn iter(self) -> impl Iterator<Item = u8> {
        (0..MAX_ACTS as u8).filter(move |a| self.contains(*a))
    }

    /// Every act of any of the sets.
    pub fn union(sets: impl IntoIterator<Item = ActSet>) -> ActSet {
        ActSet(sets.into_iter().fold(0, |all, set| all | set.0))
    }

    /// True when the two sets share an act.
    pub fn meets(self, other: ActSet) -> bool {
        self.0 & other.0 != 0
    }
}

/// A speech act of the vocabulary.
#[derive(Debug, Clone)]
pub struct Act {
    /// Id used in scenarios (`Paraphrase`).
    pub id: String,
    /// What it means, for authors.
    pub description: String,
    /// True for acts that are mistakes (`Dismiss`, `Overpromise`).
    pub fault: bool,
}

/// A family of rules, scored separately.
#[derive(Debug, Clone)]
pub struct Category {
    /// Id, also the key in JSON output (`listening`).
    pub id: String,
    /// Title on the debrief.
    pub title: String,
}

/// A rule the trainee's conversation is scored against.
#[derive(Debug, Clone)]
pub struct Rule {
    /// Id (`L-paraphrase`).
    pub id: String,
    /// Index into the rulebook's categories.
    pub category: usize,
    /// Weight within its category and in the total.
    pub weight: u32,
    /// The practice it encodes (`P-03`).
    pub practice: String,
    /// Short title for the debrief.
    pub title: String,
    /// Why it matters.
    pub explanation: String,
    /// What to do next time, shown when the rule is broken.
    pub tip: String,
    /// When the rule applies; its check starts at the first turn the condition holds.
    pub applies: Option<RawCond>,
    /// What must be true of the conversation.
    pub check: Check,
}

/// A declarative check over the turns of a conversation (from the turn the rule applies).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Check {
    /// The act happens at some turn.
    Eventually(u8),
    /// The act never happens.
    Never(u8),
    /// The act happens in the first turn.
    FirstTurn(u8),
    /// The act happens within the first `turns` turns.
    Within {
        /// Turns allowed.
        turns: u16,
        /// The act.
        act: u8,
    },
    /// Every time the act happens, it happens within `millis` milliseconds of the customer's
    /// line appearing; not applicable when it never happens in a timed play.
    WithinSeconds {
        /// Milliseconds allowed.
        millis: u32,
        /// The act.
        act: u8,
    },
    /// The act happens at least `times` times.
    AtLeast {
        /// How many times.
        times: u16,
        /// The act.
        act: u8,
    },
    /// Act `first` happens no later than the first `then`; not applicable when `then` never happens.
    Before {
        /// Must come first.
        first: u8,
        /// Must not come first.
        then: u8,
    },
    /// Every `then` has a `first` since the previous `then` (or in the same reply); not
    /// applicable when `then` never happens. Each `then` without one is a breach.
    BeforeEach {
        /// Must come before each `then`.
        first: u8,
        /// Needs a fresh `first` every time.
        then: u8,
    },
    /// Every named promise made is deliverable (its scenario condition holds) and is not
    /// broken by a later reply, node or ending; each promise that fails is a breach. Not
    /// applicable when no promise is made.
    KeepPromises,
    /// Every check passes.
    All(Vec<Check>),
    /// At least one check passes.
    Any(Vec<Check>),
    /// The check fails.
    Not(Box<Check>),
}

/// The most a conversation that ends with `outcome` can total.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutcomeCap {
    /// The outcome that is capped.
    pub outcome: crate::scenario::Outcome,
    /// The highest total, 0–100.
    pub cap: u8,
    /// Why, for the debrief ("the customer left").
    pub reason: String,
}

/// A validated rulebook.
#[derive(Debug, Clone)]
pub struct Rulebook {
    /// The speech-act vocabulary.
    pub acts: Vec<Act>,
    /// Rule families.
    pub categories: Vec<Category>,
    /// Rules.
    pub rules: Vec<Rule>,
    /// The file it came from.
    pub source: PathBuf,
    /// Outcomes that cap the total, e.g. a lost customer at 60.
    pub outcome_caps: Vec<OutcomeCap>,
    /// How many times a forbidding check (`Never`, `BeforeEach`, `KeepPromises`) can cost its
    /// rule's weight: broken *n* times, the rule counts `min(n, repeat_cap)` × weight against.
    pub repeat_cap: u16,
    /// The text it was validated from (stored with each session, so a session can be rescored
    /// against exactly the rules it was played under).
    pub text: std::sync::Arc<str>,
}

impl Rulebook {
    /// Index of an act by id.
    pub fn act(&self, id: &str) -> Option<u8> {
        self.acts.iter().position(|a| a.id == id).and_then(|i| u8::try_from(i).ok())
    }

    /// Index of a rule by id.
    pub fn rule(&self, id: &str) -> Option<usize> {
        self.rules.iter().position(|r| r.id == id)
    }

    /// The cap on the total for a conversation that ended with `outcome`, if any.
    pub fn cap_for(&self, outcome: crate::scenario::Outcome) -> Option<&OutcomeCap> {
        self.outcome_caps.iter().find(|c| c.outcome == outcome)
    }

    /// The ids of the acts in a set, in vocabulary order.
    pub fn act_names(&self, acts: ActSet) -> Vec<&str> {
        acts.iter().filter_map(|a| self.acts.get(usize::from(a))).map(|a| a.id.as_str()).collect()
    }
}
