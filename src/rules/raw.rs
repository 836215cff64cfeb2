//! The rulebook file as written.

use serde::{Deserialize, Serialize};

use crate::cond::RawCond;

/// A whole rulebook file.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawRulebook {
    /// The speech-act vocabulary.
    pub acts: Vec<RawAct>,
    /// Rule families.
    pub categories: Vec<RawCategory>,
    /// Rules.
    pub rules: Vec<RawRule>,
    /// Endings whose outcome caps the total (a customer lost or escalated).
    #[serde(default)]
    pub outcome_caps: Vec<RawOutcomeCap>,
    /// How many times a forbidding rule can cost its weight (the first breach and each repeat).
    #[serde(default = "default_repeat_cap")]
    pub repeat_cap: u16,
}

fn default_repeat_cap() -> u16 {
    1
}

/// A cap on the total of a conversation that ends with some outcome.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawOutcomeCap {
    /// The outcome (`Lost`, `Escalated`).
    pub outcome: crate::scenario::Outcome,
    /// The highest total such a conversation can have, 0–100.
    pub cap: u8,
    /// Why, in words for the debrief: "the customer left".
    pub reason: String,
}

/// A speech act.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawAct {
    /// Id.
    pub id: String,
    /// Meaning.
    pub description: String,
    /// True for mistakes.
    #[serde(default)]
    pub fault: bool,
}

/// A rule family.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawCategory {
    /// Id.
    pub id: String,
    /// Title.
    pub title: String,
}

/// A rule.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawRule {
    /// Id.
    pub id: String,
    /// Category id.
    pub category: String,
    /// Weight (positive).
    pub weight: u32,
    /// Practice id.
    pub practice: String,
    /// Title.
    pub title: String,
    /// Why it matters.
    pub explanation: String,
    /// Coaching tip.
    pub tip: String,
    /// When it applies.
    #[serde(default)]
    pub applies: Option<RawCond>,
    /// The check.
    pub check: RawCheck,
}

/// A check as written.
#[derive(Debug, Clone, Deserialize, Serialize)]
pub enum RawCheck {
    /// The act happens at some turn.
    Eventually(String),
    /// The act never happens.
    Never(String),
    /// The act happens in the first turn.
    FirstTurn(String),
    /// The act happens within the first `turns` turns.
    Within {
        /// Turns allowed.
        turns: u16,
        /// Act id.
        act: String,
    },
    /// Every time the act happens, it happens within `seconds` of the customer's line appearing
    /// (game-engine time; not applicable when the act never happens or the play was untimed).
    WithinSeconds {
        /// Seconds allowed, e.g. `9.0` for "by the third ring" when the phone rings every 3 s.
        seconds: f32,
        /// Act id.
        act: String,
    },
    /// The act happens at least `times` times.
    AtLeast {
        /// Count.
        times: u16,
        /// Act id.
        act: String,
    },
    /// `first` happens no later than the first `then`.
    Before {
        /// Act id.
        first: String,
        /// Act id.
        then: String,
    },
    /// Every `then` has a `first` since the previous `then` (or in the same reply); not
    /// applicable when `then` never happens.
    BeforeEach {
        /// Act id.
        first: String,
        /// Act id.
        then: String,
    },
    /// Every named promise made is deliverable and not broken later; not applicable when no
    /// promise is made.
    KeepPromises,
    /// Every check passes.
    All(Vec<RawCheck>),
    /// Some check passes.
    Any(Vec<RawCheck>),
    /// The check fails.
    Not(Box<RawCheck>),
}
