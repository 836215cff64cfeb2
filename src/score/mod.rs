//! The scorer: transcript → a verdict per rule with evidence, category scores and a total.
//!
//! Scores are weights kept over weights that applied: a category scores
//! `100 × Σ weight(pass) / Σ weight(pass or fail)`, and the total does the same over every
//! rule. Rules that are not applicable count for neither side.

mod rubric;
mod tracker;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

pub use rubric::{MAX_CATEGORIES, Rubric, RubricRule, Tracker, Verdict};

use crate::engine::{Transcript, env};
use crate::rules::Check;
use crate::scenario::{Outcome, Scenario};
use crate::{cond::Env, engine::Position};

/// Weights kept and weights that applied, per category and in total.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct Tally {
    /// Kept weight per category.
    pub passed: [u32; MAX_CATEGORIES],
    /// Applicable weight per category.
    pub applicable: [u32; MAX_CATEGORIES],
}

impl Tally {
    /// Add up the verdicts of a finished tracker.
    pub fn of(rubric: &Rubric, tracker: &Tracker) -> Tally {
        let mut t = Tally::default();
        for (i, r) in rubric.rules.iter().enumerate() {
            let c = r.category.min(MAX_CATEGORIES - 1);
            let verdict = rubric.verdict(tracker, i).0;
            match if r.inverted { verdict.flipped() } else { verdict } {
                Verdict::Pass => {
                    t.passed[c] += r.weight;
                    t.applicable[c] += r.weight;
                }
                Verdict::Fail => t.applicable[c] += r.weight,
                Verdict::NotApplicable => {}
            }
        }
        t
    }

    /// The weighted total, 0–100 (0 when no rule applied).
    pub fn total(&self) -> f64 {
        percent(self.passed.iter().sum(), self.applicable.iter().sum()).unwrap_or(0.0)
    }

    /// A category's score, `None` when none of its rules applied.
    pub fn category(&self, c: usize) -> Option<f64> {
        percent(self.passed[c], self.applicable[c])
    }

    /// True when every applicable rule was kept.
    pub fn is_perfect(&self) -> bool {
        self.passed == self.applicable && self.applicable.iter().any(|&w| w > 0)
    }
}

fn percent(part: u32, whole: u32) -> Option<f64> {
    (whole > 0).then(|| f64::from(part) * 100.0 / f64::from(whole))
}

/// Round to one decimal, for display and JSON.
pub fn round1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

/// Run a transcript through a tracker (reset first) and tally it.
pub fn tally(scenario: &Scenario, rubric: &Rubric, transcript: &Transcript, tracker: &mut Tracker) -> Tally {
    tracker.reset();
    for i in 0..transcript.turns.len() {
        observe_turn(scenario, rubric, transcript, tracker, i);
    }
    Tally::of(rubric, tracker)
}

/// Feed the transcript's `i`-th turn (0-based) to a tracker.
fn observe_turn(scenario: &Scenario, rubric: &Rubric, transcript: &Transcript, tracker: &mut Tracker, i: usize) {
    let turn = &transcript.turns[i];
    let e = Env { facts: &transcript.facts, known: turn.known_before, meters: turn.before };
    let acts = scenario.nodes[turn.node as usize].replies[usize::from(turn.reply)].acts;
    tracker.observe_timed(rubric, (i + 1) as u16, &e, acts, turn.millis);
}

/// The turn and reply that show a verdict.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Evidence {
    /// 1-based turn number.
    pub turn: u16,
    /// The reply's id.
    pub reply_id: String,
    /// The reply's words.
    pub reply: String,
}

/// One rule's result in a scorecard.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RuleResult {
    /// Rule id.
    pub id: String,
    /// Rule title.
    pub title: String,
    /// Category id.
    pub category: String,
    /// Practice cited.
    pub practice: String,
    /// Weight in this scenario.
    pub weight: u32,
    /// Pass, fail or n/a.
    pub verdict: Verdict,
    /// The turn that kept or broke it, when one turn shows it.
    pub evidence: Option<Evidence>,
    /// What the verdict rests on, in words.
    pub note: String,
    /// Coaching tip, for failed rules.
    pub tip: Option<String>,
}

/// The full, serialisable result of scoring one session.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Scorecard {
    /// Scenario id.
    pub scenario: String,
    /// Who played.
    pub trainee: String,
    /// Seed.
    pub seed: u64,
    /// Weighted total, 0–100.
    pub total: f64,
    /// Score per category id, `null` when none of its rules applied.
    pub categories: BTreeMap<String, Option<f64>>,
    /// Business outcome, once finished.
    pub outcome: Option<Outcome>,
    /// Ending id, once finished.
    pub ending: Option<String>,
    /// Customer satisfaction 0–100, once finished.
    pub satisfaction: Option<u8>,
    /// Replies given.
    pub turns: usize,
    /// Every rule's verdict, in rulebook order.
    pub rules: Vec<RuleResult>,
}

/// Score a transcript.
pub fn score(scenario: &Scenario, rubric: &Rubric, transcript: &Transcript) -> Scorecard {
    let mut tracker = Tracker::new(rubric);
    let t = tally(scenario, rubric, transcript, &mut tracker);
    let book = &rubric.rulebook;
    let rules = rubric
        .rules
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let rule = &book.rules[r.rule];
            let (verdict, turn) = rubric.verdict(&tracker, i);
            let evidence =
                turn.and_then(|n| transcript.turns.get(usize::from(n) - 1).map(|tr| (n, tr))).map(|(n, tr)| {
                    let reply = &scenario.nodes[tr.node as usize].replies[usize::from(tr.reply)];
                    Evidence {
                        turn: n,
                        reply_id: reply.id.clone(),
                        reply: scenario.fill(&reply.text, &transcript.facts),
                    }
                });
            let note = note(book, &rule.check, verdict, turn, r.enabled);
            RuleResult {
                id: rule.id.clone(),
                title: rule.title.clone(),
                category: book.categories[r.category].id.clone(),
                practice: rule.practice.clone(),
                weight: r.weight,
                verdict,
                evidence,
                note,
                tip: (verdict == Verdict::Fail).then(|| rule.tip.clone()),
            }
        })
        .collect();
    let ending = transcript.ending.map(|(e, _)| &scenario.endings[e as usize]);
    Scorecard {
        scenario: scenario.id.clone(),
        trainee: transcript.trainee.clone(),
        seed: transcript.seed,
        total: round1(t.total()),
        categories: (0..rubric.category_count())
            .map(|c| (book.categories[c].id.clone(), t.category(c).map(round1)))
            .collect(),
        outcome: ending.map(|e| e.outcome),
        ending: ending.map(|e| e.id.clone()),
        satisfaction: ending.map(|e| e.satisfaction),
        turns: transcript.turns.len(),
        rules,
    }
}

fn note(book: &crate::rules::Rulebook, check: &Check, verdict: Verdict, turn: Option<u16>, enabled: bool) -> String {
    let what = describe(book, check);
    match (verdict, turn) {
        (Verdict::NotApplicable, _) if !enabled => "does not apply to this scenario".into(),
        (Verdict::NotApplicable, _) => format!("did not apply in this conversation ({what})"),
        (Verdict::Pass, Some(n)) => format!("kept at turn {n}: {what}"),
        (Verdict::Pass, None) => format!("kept throughout: {what}"),
        (Verdict::Fail, Some(n)) => format!("broken at turn {n}: {what}"),
        (Verdict::Fail, None) => format!("never happened: {what}"),
    }
}

/// A check in words, e.g. "Paraphrase within 2 turns".
pub fn describe(book: &crate::rules::Rulebook, check: &Check) -> String {
    let act = |a: &u8| book.acts.get(usize::from(*a)).map_or("?", |a| a.id.as_str()).to_string();
    match check {
        Check::Eventually(a) => format!("{} at some point", act(a)),
        Check::Never(a) => format!("never {}", act(a)),
        Check::FirstTurn(a) => format!("{} in the first reply", act(a)),
        Check::Within { turns, act: a } => format!("{} within {turns} replies", act(a)),
        Check::WithinSeconds { millis, act: a } => {
            format!("{} within {} seconds each time", act(a), f64::from(*millis) / 1000.0)
        }
        Check::AtLeast { times, act: a } => format!("{} at least {times} times", act(a)),
        Check::Before { first, then } => format!("{} before {}", act(first), act(then)),
        Check::All(cs) => cs.iter().map(|c| describe(book, c)).collect::<Vec<_>>().join(" and "),
        Check::Any(cs) => format!("either {}", cs.iter().map(|c| describe(book, c)).collect::<Vec<_>>().join(" or ")),
        Check::Not(c) => format!("not ({})", describe(book, c)),
    }
}

/// Feed one untimed reply to a tracker during live play: `pos` is the position before the reply.
pub fn observe_reply(
    scenario: &Scenario,
    rubric: &Rubric,
    tracker: &mut Tracker,
    facts: &[i64],
    pos: &Position,
    reply: usize,
) {
    if let crate::scenario::Target::Node(n) = pos.at {
        let acts = scenario.nodes[n].replies[reply].acts;
        tracker.observe(rubric, pos.turn + 1, &env(facts, pos), acts);
    }
}

/// One rule the latest reply settled, for practice-mode feedback.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Feedback {
    /// Rule id.
    pub id: String,
    /// Rule title.
    pub title: String,
    /// Kept (pass) or broken (fail).
    pub verdict: Verdict,
    /// Coaching tip, when broken.
    pub tip: Option<String>,
}

/// The rules the transcript's last reply kept or broke: those it made certain whatever comes
/// next, and those now passing with this reply as the evidence. Empty before the first reply.
pub fn feedback(scenario: &Scenario, rubric: &Rubric, transcript: &Transcript) -> Vec<Feedback> {
    let Some(last) = transcript.turns.len().checked_sub(1) else { return Vec::new() };
    // One pass: the state before the last reply, then a copy that also sees it.
    let mut before = Tracker::new(rubric);
    for i in 0..last {
        observe_turn(scenario, rubric, transcript, &mut before, i);
    }
    let mut after = before.clone();
    observe_turn(scenario, rubric, transcript, &mut after, last);
    let book = &rubric.rulebook;
    (0..rubric.rules.len())
        .filter_map(|i| {
            // Settled by this reply, or passing on the strength of this reply (a check like
            // `WithinSeconds` that a later reply could still break).
            let now = (last + 1) as u16;
            let v = after.decided(rubric, i).filter(|_| before.decided(rubric, i).is_none()).or_else(|| {
                let passing = rubric.verdict(&after, i) == (Verdict::Pass, Some(now));
                (passing && rubric.verdict(&before, i).0 != Verdict::Pass).then_some(Verdict::Pass)
            })?;
            let rule = &book.rules[rubric.rules[i].rule];
            Some(Feedback {
                id: rule.id.clone(),
                title: rule.title.clone(),
                verdict: v,
                tip: (v == Verdict::Fail).then(|| rule.tip.clone()),
            })
        })
        .collect()
}
