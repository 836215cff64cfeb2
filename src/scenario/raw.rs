//! The scenario file as written: serde types that mirror the RON, with ids as strings.
//!
//! Nothing here is checked beyond RON syntax and types; [`super::load`] turns it into the
//! validated model and reports every problem it finds.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::cond::RawCond;

/// How hard a scenario is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize, Serialize)]
pub enum Difficulty {
    /// A first scenario: a calm customer, forgiving replies.
    Easy,
    /// Needs the basic practices.
    Medium,
    /// An upset customer, tempting wrong replies, hidden facts that matter.
    Hard,
}

/// How a conversation ended for the business.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize)]
pub enum Outcome {
    /// The customer stays with us.
    Retained,
    /// The customer was sent, with goodwill, to someone better placed to help.
    Referred,
    /// The customer asked for a manager or filed a complaint.
    Escalated,
    /// The customer leaves and will not come back.
    Lost,
}

impl Outcome {
    /// Every outcome, best first.
    pub const ALL: [Outcome; 4] = [Outcome::Retained, Outcome::Referred, Outcome::Escalated, Outcome::Lost];

    /// Lower-case name used in JSON and on screen.
    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Retained => "retained",
            Outcome::Referred => "referred",
            Outcome::Escalated => "escalated",
            Outcome::Lost => "lost",
        }
    }

    /// The outcome [`Outcome::as_str`] names, if any.
    pub fn from_name(name: &str) -> Option<Outcome> {
        Outcome::ALL.into_iter().find(|o| o.as_str() == name)
    }
}

/// A whole scenario file.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawScenario {
    /// Stable id, used on the command line and in records.
    pub id: String,
    /// Title on the scenario card.
    pub title: String,
    /// One or two sentences for the card.
    pub summary: String,
    /// How hard it is.
    pub difficulty: Difficulty,
    /// The skills practised, in words for the card.
    #[serde(default)]
    pub skills: Vec<String>,
    /// The practices it trains, by id (`P-03`).
    #[serde(default)]
    pub practices: Vec<String>,
    /// What a good outcome looks like, for the briefing.
    #[serde(default)]
    pub goal: String,
    /// Who the customer is.
    pub customer: RawCustomer,
    /// Hidden facts drawn per session.
    #[serde(default)]
    pub facts: Vec<RawFact>,
    /// The node the conversation opens at.
    pub start: String,
    /// The dialogue graph.
    pub nodes: Vec<RawNode>,
    /// How the conversation can end.
    pub endings: Vec<RawEnding>,
    /// The ending reached as soon as patience falls to zero.
    #[serde(default)]
    pub on_patience_lost: Option<String>,
    /// A cap on the number of turns, required when the graph has a cycle.
    #[serde(default)]
    pub turn_limit: Option<RawTurnLimit>,
    /// Re-weighting or disabling rulebook rules for this scenario.
    #[serde(default)]
    pub rules: RawOverrides,
    /// Time pressure in the game: the customer's patience drains while the trainee hesitates.
    #[serde(default)]
    pub pressure: Option<RawPressure>,
    /// Named promises replies can make (a time, a price, a scope), judged by `KeepPromises`.
    #[serde(default)]
    pub promises: Vec<RawPromise>,
}

/// What a promise is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, Serialize)]
pub enum PromiseKind {
    /// When something will happen ("ready by nine").
    Time,
    /// What it will cost ("520, nothing more").
    Price,
    /// What will be done ("two rounds of changes").
    Scope,
}

/// A named promise a reply can make.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawPromise {
    /// Stable id, named by replies' `promises`, `keeps` and `breaks`.
    pub id: String,
    /// What it is about.
    pub about: PromiseKind,
    /// The promise in words, for the debrief: "someone waits for her until nine".
    pub says: String,
    /// When the shop can keep it (facts only); made while this is false, it is broken at once.
    #[serde(default)]
    pub deliverable: Option<RawCond>,
}

/// Patience drain while the trainee hesitates (game-engine time; the CLI plays untimed).
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawPressure {
    /// Seconds a reply may take before patience starts to drain.
    pub grace: f32,
    /// After the grace period, patience drops by `drain` every `every` seconds.
    pub every: f32,
    /// Patience points lost per step. Hesitation alone leaves at least 1 patience: the next
    /// misstep, not the clock, ends the conversation.
    pub drain: i32,
}

/// A phone ringing while the customer speaks at a node (P-07: answer by the third ring).
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawRing {
    /// Seconds between rings; the first ring sounds when the line appears.
    pub every: f32,
    /// Rings before the caller gives up.
    pub rings: u16,
    /// The reply (of this node) taken automatically when the caller gives up.
    pub unanswered: String,
}

/// The customer.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawCustomer {
    /// Name shown on screen.
    pub name: String,
    /// Who they are and why they came, for the briefing.
    pub situation: String,
    /// Portrait image under `assets/`, if any.
    #[serde(default)]
    pub portrait: Option<String>,
    /// Opening mood, 0–100.
    pub mood: i32,
    /// Opening patience, 0–100.
    pub patience: i32,
    /// Opening trust, 0–100.
    #[serde(default = "fifty")]
    pub trust: i32,
}

fn fifty() -> i32 {
    50
}

/// A hidden fact.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawFact {
    /// Id used in conditions and in `{id}` placeholders.
    pub id: String,
    /// The note shown once learned; `{value}` is replaced by the fact's value.
    pub label: String,
    /// How the value is drawn.
    pub draw: RawDraw,
}

/// How a hidden fact is drawn.
#[derive(Debug, Clone, Deserialize, Serialize)]
pub enum RawDraw {
    /// One of several values, by weight.
    Choice(Vec<RawChoice>),
    /// A whole number between `min` and `max`, both included.
    Range {
        /// Smallest value.
        min: i64,
        /// Largest value.
        max: i64,
        /// Round the number drawn down to `min`, `min + step`, `min + 2 × step`, …: `step: 10`
        /// for an amount a customer would say in tens. 1 when absent.
        #[serde(default)]
        step: Option<i64>,
        /// An amount of money: each translation shows it in its own currency, times the factor
        /// its PO file gives (`fact.<id>.factor`). A count or an age leaves it out.
        #[serde(default)]
        amount: bool,
    },
}

/// One weighted value of a choice fact.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawChoice {
    /// The value, tested with `Is("value")`.
    pub value: String,
    /// Relative weight (positive).
    pub weight: u32,
    /// Note shown once learned, instead of the fact's label.
    #[serde(default)]
    pub note: Option<String>,
    /// The words a `{fact}` placeholder shows in dialogue ("twice this year"); the `value`
    /// when absent.
    #[serde(default)]
    pub says: Option<String>,
}

/// A point in the conversation: the customer speaks, the trainee replies.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawNode {
    /// Stable id.
    pub id: String,
    /// Facts the customer's line here lets the trainee learn.
    #[serde(default)]
    pub reveals: Vec<String>,
    /// What the customer says: one eligible variant is chosen at random.
    pub says: Vec<RawLine>,
    /// The advisor's possible replies.
    pub replies: Vec<RawReply>,
    /// A phone that rings while this node waits for a reply (game only).
    #[serde(default)]
    pub ring: Option<RawRing>,
    /// Promises kept when the conversation arrives here.
    #[serde(default)]
    pub keeps: Vec<String>,
    /// Promises broken when the conversation arrives here (the car is not ready after all).
    #[serde(default)]
    pub breaks: Vec<String>,
}

/// One variant of a customer's line.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawLine {
    /// Stable id, for translations.
    pub id: String,
    /// The words; `{fact}` placeholders show a fact's value.
    pub text: String,
    /// Only eligible when this holds.
    #[serde(default)]
    pub when: Option<RawCond>,
}

/// The change a reply makes to the customer's meters.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct Effect {
    /// Change to mood.
    pub mood: i32,
    /// Change to patience.
    pub patience: i32,
    /// Change to trust.
    pub trust: i32,
}

/// One reply the trainee can choose.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawReply {
    /// Stable id.
    pub id: String,
    /// The words on the button.
    pub text: String,
    /// The speech acts it performs, from the rulebook's vocabulary.
    pub acts: Vec<String>,
    /// Its effect on the customer.
    #[serde(default)]
    pub effect: Effect,
    /// Only offered when this holds.
    #[serde(default)]
    pub when: Option<RawCond>,
    /// Conditional targets, tried in order before `to`.
    #[serde(default)]
    pub branches: Vec<RawBranch>,
    /// Where the conversation goes: a node or an ending id.
    #[serde(default)]
    pub to: Option<String>,
    /// Named promises this reply makes.
    #[serde(default)]
    pub promises: Vec<String>,
    /// Named promises this reply keeps.
    #[serde(default)]
    pub keeps: Vec<String>,
    /// Named promises this reply breaks (more work after a quote, a later time).
    #[serde(default)]
    pub breaks: Vec<String>,
}

/// A conditional target.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawBranch {
    /// Taken when this holds.
    pub when: RawCond,
    /// A node or ending id.
    pub to: String,
}

/// An ending.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawEnding {
    /// Stable id.
    pub id: String,
    /// What it means for the business.
    pub outcome: Outcome,
    /// The most satisfied the customer can be at this ending, 0–100; the conversation's meters
    /// and faults bring it down.
    pub satisfaction: u8,
    /// The customer's last words (variants).
    pub says: Vec<RawLine>,
    /// One line for the debrief on what happened.
    #[serde(default)]
    pub summary: String,
    /// Promises kept when the conversation ends here.
    #[serde(default)]
    pub keeps: Vec<String>,
    /// Promises broken when the conversation ends here.
    #[serde(default)]
    pub breaks: Vec<String>,
}

/// A cap on the number of turns.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawTurnLimit {
    /// The most replies before the conversation ends.
    pub turns: u16,
    /// The ending reached then.
    pub ending: String,
}

/// Per-scenario changes to the rulebook.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct RawOverrides {
    /// New weights by rule id.
    pub weights: BTreeMap<String, u32>,
    /// Rule ids that do not apply here.
    pub disable: Vec<String>,
}
