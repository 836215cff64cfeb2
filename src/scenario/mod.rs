//! Scenarios: the validated model of one role-play conversation.
//!
//! A scenario file (`*.scenario.ron`) is parsed into [`raw::RawScenario`], then [`load`] checks
//! every id, reference, act and condition against the file and the [`Rulebook`] and builds a
//! [`Scenario`] whose references are indices. A `Scenario` that exists is valid: the engine and
//! the scorer never look anything up by name.

mod factor;
mod graph;
mod load;
pub mod raw;

use std::num::NonZeroU64;
use std::path::PathBuf;

pub use factor::{Factor, FactorError};
pub use load::{load, parse_raw};
pub use raw::{Difficulty, Effect, Outcome, PromiseKind};

use crate::cond::Cond;
use crate::rules::ActSet;

/// Meters are kept within this range.
pub const METER_MAX: i32 = 100;

/// A validated scenario.
#[derive(Debug, Clone)]
pub struct Scenario {
    /// Stable id.
    pub id: String,
    /// Card title.
    pub title: String,
    /// Card summary.
    pub summary: String,
    /// How hard it is.
    pub difficulty: Difficulty,
    /// Skills practised, for the card.
    pub skills: Vec<String>,
    /// Practice ids cited.
    pub practices: Vec<String>,
    /// What a good outcome is, for the briefing.
    pub goal: String,
    /// Who the customer is.
    pub customer: Customer,
    /// Hidden facts, drawn in this order.
    pub facts: Vec<FactDef>,
    /// Dialogue nodes.
    pub nodes: Vec<Node>,
    /// Endings.
    pub endings: Vec<Ending>,
    /// The opening node.
    pub start: usize,
    /// Ending reached when patience falls to zero.
    pub on_patience_lost: Option<usize>,
    /// Turn cap and the ending it leads to.
    pub turn_limit: Option<(u16, usize)>,
    /// Rule weights changed for this scenario, by rule id.
    pub rule_weights: Vec<(String, u32)>,
    /// Rules disabled for this scenario.
    pub disabled_rules: Vec<String>,
    /// Patience drain while the trainee hesitates.
    pub pressure: Option<Pressure>,
    /// Named promises, indexed by the bits of a [`PromiseSet`].
    pub promises: Vec<Promise>,
    /// The file it came from.
    pub source: PathBuf,
}

/// The most named promises a scenario may declare (they are kept in a 16-bit set).
pub const MAX_PROMISES: usize = 16;

/// A set of a scenario's named promises, one bit per promise.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct PromiseSet(pub u16);

impl PromiseSet {
    /// True when the set holds promise `i`.
    pub fn contains(self, i: usize) -> bool {
        i < MAX_PROMISES && self.0 & (1 << i) != 0
    }

    /// Add promise `i` (ignored past [`MAX_PROMISES`]).
    pub fn insert(&mut self, i: usize) {
        if i < MAX_PROMISES {
            self.0 |= 1 << i;
        }
    }

    /// True when the set is empty.
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// The promises in the set, by index.
    pub fn iter(self) -> impl Iterator<Item = usize> {
        (0..MAX_PROMISES).filter(move |&i| self.contains(i))
    }
}

/// What one step of a conversation does to the named promises: made by the reply, kept or
/// broken by the reply or by the node or ending it leads to.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct PromiseMoves {
    /// Promises made.
    pub made: PromiseSet,
    /// Promises kept.
    pub kept: PromiseSet,
    /// Promises broken.
    pub broken: PromiseSet,
}

impl PromiseMoves {
    /// True when nothing happens to any promise.
    pub fn is_empty(self) -> bool {
        self.made.is_empty() && self.kept.is_empty() && self.broken.is_empty()
    }

    /// Both moves together.
    pub fn with(self, other: PromiseMoves) -> PromiseMoves {
        PromiseMoves {
            made: PromiseSet(self.made.0 | other.made.0),
            kept: PromiseSet(self.kept.0 | other.kept.0),
            broken: PromiseSet(self.broken.0 | other.broken.0),
        }
    }
}

/// A named promise a reply can make.
#[derive(Debug, Clone)]
pub struct Promise {
    /// Id, unique in the scenario.
    pub id: String,
    /// What it is about.
    pub about: PromiseKind,
    /// The promise in words, for the debrief.
    pub says: String,
    /// When the shop can keep it (a condition on facts); `None`: always.
    pub deliverable: Option<Cond>,
}

/// The customer of a scenario.
#[derive(Debug, Clone)]
pub struct Customer {
    /// Name on screen.
    pub name: String,
    /// Situation, for the briefing.
    pub situation: String,
    /// Portrait under `assets/`.
    pub portrait: Option<String>,
    /// Opening mood, patience, trust.
    pub meters: [i32; 3],
}

/// A hidden fact.
#[derive(Debug, Clone)]
pub struct FactDef {
    /// Id.
    pub id: String,
    /// Note template with `{value}`.
    pub label: String,
    /// How it is drawn.
    pub kind: FactKind,
}

/// How a fact is drawn; values are stored as `i64` (a choice's index, or the number).
#[derive(Debug, Clone)]
pub enum FactKind {
    /// Weighted values.
    Choice(Vec<Choice>),
    /// A whole number in `min..=max`.
    Range {
        /// Smallest.
        min: i64,
        /// Largest.
        max: i64,
        /// The number drawn is rounded down to `min + k × step`.
        step: NonZeroU64,
        /// For an amount of money, the factor dialogue shows it with: [`Factor::ONE`] in the
        /// scenario's language, the translation's currency factor in a translated copy. `None`
        /// for a number that is not money (shown as drawn in every language).
        amount: Option<Factor>,
    },
}

/// One value of a choice fact.
#[derive(Debug, Clone)]
pub struct Choice {
    /// The value.
    pub value: String,
    /// Relative weight, positive.
    pub weight: u32,
    /// Note shown once learned.
    pub note: Option<String>,
    /// The words a `{fact}` placeholder shows, when they differ from the value.
    pub says: Option<String>,
}

impl FactDef {
    /// The value as dialogue shows it: a choice's `says` (else its value), or the number in
    /// the language's currency.
    pub fn spoken(&self, value: i64) -> String {
        match &self.kind {
            FactKind::Choice(cs) => usize::try_from(value)
                .ok()
                .and_then(|i| cs.get(i))
                .and_then(|c| c.says.clone())
                .unwrap_or_else(|| self.value_text(value)),
            FactKind::Range { amount: Some(factor), .. } => factor.apply(value).to_string(),
            FactKind::Range { amount: None, .. } => value.to_string(),
        }
    }

    /// The value as its key (`value` of a choice, or the number), for conditions and reports.
    pub fn value_text(&self, value: i64) -> String {
        match &self.kind {
            FactKind::Choice(cs) => usize::try_from(value)
                .ok()
                .and_then(|i| cs.get(i))
                .map_or_else(|| value.to_string(), |c| c.value.clone()),
            FactKind::Range { .. } => value.to_string(),
        }
    }

    /// The note shown in the trainee's notes once this fact is learned.
    pub fn note(&self, value: i64) -> String {
        if let FactKind::Choice(cs) = &self.kind
            && let Some(note) = usize::try_from(value).ok().and_then(|i| cs.get(i)).and_then(|c| c.note.clone())
        {
            return note;
        }
        self.label.replace("{value}", &self.spoken(value))
    }
}

/// Where a reply leads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Target {
    /// Another node, by index.
    Node(usize),
    /// An ending, by index.
    Ending(usize),
}

/// Patience drain while the trainee hesitates, in milliseconds of game time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pressure {
    /// Free thinking time per reply.
    pub grace_ms: u32,
    /// Interval between drain steps after the grace.
    pub every_ms: u32,
    /// Patience lost per step (positive).
    pub drain: i32,
}

/// A phone ringing at a node.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ring {
    /// Interval between rings; ring 1 sounds at 0.
    pub every_ms: u32,
    /// Rings before the caller gives up.
    pub rings: u16,
    /// Index of the reply taken when the caller gives up.
    pub unanswered: usize,
}

impl Ring {
    /// Milliseconds after which the caller gives up.
    pub fn deadline_ms(&self) -> u32 {
        self.every_ms.saturating_mul(u32::from(self.rings))
    }

    /// How many rings have sounded `millis` after the line appeared (at least 1).
    pub fn rings_at(&self, millis: u32) -> u16 {
        let n = millis / self.every_ms.max(1) + 1;
        u16::try_from(n).unwrap_or(u16::MAX).min(self.rings)
    }
}

/// A point in the conversation.
#[derive(Debug, Clone)]
pub struct Node {
    /// Id.
    pub id: String,
    /// Bit set of facts learned on arriving here.
    pub reveals: u64,
    /// Customer line variants.
    pub says: Vec<Line>,
    /// Replies offered.
    pub replies: Vec<Reply>,
    /// A phone ringing while the node waits.
    pub ring: Option<Ring>,
    /// Promises kept or broken on arriving here.
    pub settles: PromiseMoves,
}

/// A customer line variant.
#[derive(Debug, Clone)]
pub struct Line {
    /// Id.
    pub id: String,
    /// Text with `{fact}` placeholders.
    pub text: String,
    /// Eligibility.
    pub when: Option<Cond>,
}

/// A reply the trainee can choose.
#[derive(Debug, Clone)]
pub struct Reply {
    /// Id.
    pub id: String,
    /// Button text.
    pub text: String,
    /// Speech acts performed.
    pub acts: ActSet,
    /// Effect on the meters.
    pub effect: Effect,
    /// Offered only when this holds.
    pub when: Option<Cond>,
    /// Conditional targets, tried in order.
    pub branches: Vec<(Cond, Target)>,
    /// Target when no branch holds.
    pub to: Target,
    /// Promises it makes, keeps or breaks.
    pub promises: PromiseMoves,
}

impl Reply {
    /// Every target the reply can lead to: each branch's, then `to`.
    pub fn targets(&self) -> impl Iterator<Item = Target> + '_ {
        self.branches.iter().map(|b| b.1).chain(std::iter::once(self.to))
    }
}

/// An ending.
#[derive(Debug, Clone)]
pub struct Ending {
    /// Id.
    pub id: String,
    /// Business outcome.
    pub outcome: Outcome,
    /// The most satisfied the customer can be here, 0–100 (see [`crate::score::satisfaction`]).
    pub satisfaction: u8,
    /// Closing line variants.
    pub says: Vec<Line>,
    /// Debrief summary.
    pub summary: String,
    /// Promises kept or broken on ending here.
    pub settles: PromiseMoves,
}

impl Scenario {
    /// Fill `{fact}` placeholders in a text with this session's fact values.
    pub fn fill(&self, text: &str, facts: &[i64]) -> String {
        if !text.contains('{') {
            return text.to_string();
        }
        let mut out = text.to_string();
        for (def, value) in self.facts.iter().zip(facts) {
            let key = format!("{{{}}}", def.id);
            if out.contains(&key) {
                out = out.replace(&key, &def.spoken(*value));
            }
        }
        out
    }

    /// The promises kept or broken on arriving at `target`.
    pub fn settles_at(&self, target: Target) -> PromiseMoves {
        match target {
            Target::Node(i) => self.nodes.get(i).map_or_else(PromiseMoves::default, |n| n.settles),
            Target::Ending(i) => self.endings.get(i).map_or_else(PromiseMoves::default, |e| e.settles),
        }
    }

    /// The id of a target.
    pub fn target_id(&self, target: Target) -> &str {
        match target {
            Target::Node(i) => &self.nodes[i].id,
            Target::Ending(i) => &self.endings[i].id,
        }
    }
}

/// ` (did you mean `x`?)` when a known name is close to `word`, else empty.
pub fn suggest(word: &str, known: &[&str]) -> String {
    let best = known
        .iter()
        .map(|k| (strsim::damerau_levenshtein(word, k), *k))
        .filter(|(d, k)| *d > 0 && *d <= (k.chars().count() / 3).max(2))
        .min();
    best.map_or_else(String::new, |(_, k)| format!("; did you mean `{k}`?"))
}
