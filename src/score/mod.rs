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
pub use tracker::ReplyEvents;

use crate::engine::{Transcript, env, offered_acts, step};
use crate::l10n::{Arg, Messages};
use crate::rules::{ActSet, Check, Rulebook};
use crate::scenario::{Ending, Outcome, PromiseSet, Scenario, Target};
use crate::{cond::Env, engine::Position};

/// The version of the scoring rules this program applies. A record keeps the version it was
/// scored with, so a rescore under newer rules reports the change instead of a mismatch.
///
/// 1. one verdict per rule; fixed ending satisfaction.
/// 2. repeated breaches cost again; unbreakable rules are n/a; outcome caps; promises;
///    satisfaction from the meters and faults.
pub const SCORING_VERSION: u32 = 2;

/// Satisfaction points a reply with a mistake in it costs, on top of what it does to the
/// customer's mood and trust.
pub const SATISFACTION_PER_FAULT: i32 = 5;

/// Weights kept and weights that applied, per category and in total, and the cap the ending
/// puts on the total.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Tally {
    /// Kept weight per category.
    pub passed: [u32; MAX_CATEGORIES],
    /// Applicable weight per category (a rule broken again counts again, up to the cap).
    pub applicable: [u32; MAX_CATEGORIES],
    /// The most the total can be: 100, or less when the conversation ended badly.
    pub cap: u8,
}

impl Default for Tally {
    fn default() -> Self {
        Tally { passed: [0; MAX_CATEGORIES], applicable: [0; MAX_CATEGORIES], cap: 100 }
    }
}

impl Tally {
    /// Add up the verdicts of a tracker, for a conversation that ended with `outcome` (`None`
    /// while unfinished): each failed rule weighs once per breach up to the rulebook's repeat
    /// cap, and the outcome's cap limits the total.
    pub fn of(rubric: &Rubric, tracker: &Tracker, outcome: Option<Outcome>) -> Tally {
        let mut t = Tally { cap: rubric.cap_for(outcome), ..Tally::default() };
        for (i, r) in rubric.rules.iter().enumerate() {
            let c = r.category.min(MAX_CATEGORIES - 1);
            let verdict = rubric.verdict(tracker, i).0;
            match if r.inverted { verdict.flipped() } else { verdict } {
                Verdict::Pass => {
                    t.passed[c] += r.weight;
                    t.applicable[c] += r.weight;
                }
                Verdict::Fail => t.applicable[c] += rubric.fail_weight(tracker, i),
                Verdict::NotApplicable => {}
            }
        }
        t
    }

    /// The weighted total, 0–100 (0 when no rule applied), within the ending's cap.
    pub fn total(&self) -> f64 {
        self.uncapped().min(f64::from(self.cap))
    }

    /// The weighted total before the ending's cap.
    pub fn uncapped(&self) -> f64 {
        percent(self.passed.iter().sum(), self.applicable.iter().sum()).unwrap_or(0.0)
    }

    /// True when the ending's cap lowered the total.
    pub fn is_capped(&self) -> bool {
        self.uncapped() > f64::from(self.cap)
    }

    /// A category's score, `None` when none of its rules applied.
    pub fn category(&self, c: usize) -> Option<f64> {
        percent(self.passed[c], self.applicable[c])
    }

    /// True when every applicable rule was kept and the ending did not cap the total.
    pub fn is_perfect(&self) -> bool {
        self.passed == self.applicable && self.applicable.iter().any(|&w| w > 0) && self.cap >= 100
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
    Tally::of(rubric, tracker, ending_of(scenario, transcript).map(|e| e.outcome))
}

fn ending_of<'a>(scenario: &'a Scenario, transcript: &Transcript) -> Option<&'a Ending> {
    transcript.ending.and_then(|(e, _)| scenario.endings.get(e as usize))
}

/// Where the transcript's `i`-th turn led: the next turn's node, or the ending.
fn led_to(transcript: &Transcript, i: usize) -> Option<Target> {
    match transcript.turns.get(i + 1) {
        Some(next) => Some(Target::Node(next.node as usize)),
        None => transcript.ending.map(|(e, _)| Target::Ending(e as usize)),
    }
}

/// Feed the transcript's `i`-th turn (0-based) to a tracker.
fn observe_turn(scenario: &Scenario, rubric: &Rubric, transcript: &Transcript, tracker: &mut Tracker, i: usize) {
    let turn = &transcript.turns[i];
    let e = Env { facts: &transcript.facts, known: turn.known_before, meters: turn.before };
    let pos = Position {
        at: Target::Node(turn.node as usize),
        meters: turn.before,
        known: turn.known_before,
        turn: i as u16,
    };
    let mut events = ReplyEvents::of(scenario, turn.node as usize, usize::from(turn.reply))
        .among(offered_acts(scenario, &transcript.facts, &pos))
        .taking(turn.millis);
    if let Some(to) = led_to(transcript, i) {
        events = events.arriving(scenario.settles_at(to));
    }
    tracker.observe(rubric, (i + 1) as u16, &e, &events);
}

/// How satisfied the customer is at the end: the ending's ceiling, brought down to the average
/// of their final mood and trust less [`SATISFACTION_PER_FAULT`] for every reply that
/// contained a mistake, never below 0.
pub fn satisfaction(ending: &Ending, meters: [i32; 3], fault_replies: usize) -> u8 {
    let feeling = (meters[0] + meters[2]) / 2 - SATISFACTION_PER_FAULT * fault_replies.min(100) as i32;
    feeling.clamp(0, i32::from(ending.satisfaction.min(100))) as u8
}

/// How many replies of a transcript performed at least one fault act.
pub fn fault_replies(scenario: &Scenario, faults: ActSet, transcript: &Transcript) -> usize {
    transcript
        .turns
        .iter()
        .filter(|t| scenario.nodes[t.node as usize].replies[usize::from(t.reply)].acts.meets(faults))
        .count()
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
    /// Every turn that broke it, when breaking it again costs again (empty otherwise).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub breaches: Vec<Evidence>,
    /// The weight it counted against the total (its weight once per breach, up to the cap);
    /// 0 unless broken.
    #[serde(default)]
    pub cost: u32,
    /// What the verdict rests on, in plain words for the trainee.
    pub note: String,
    /// Coaching tip, for failed rules.
    pub tip: Option<String>,
}

/// The ending's cap on the total, when it lowered it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CapNote {
    /// The highest total the ending allows.
    pub cap: u8,
    /// Why, from the rulebook ("the customer left").
    pub reason: String,
    /// The total before the cap.
    pub uncapped: f64,
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
    /// Weighted total, 0–100 (after the ending's cap).
    pub total: f64,
    /// Set when the ending capped the total.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub capped: Option<CapNote>,
    /// Score per category id, `null` when none of its rules applied.
    pub categories: BTreeMap<String, Option<f64>>,
    /// Business outcome, once finished.
    pub outcome: Option<Outcome>,
    /// Ending id, once finished.
    pub ending: Option<String>,
    /// Customer satisfaction 0–100, once finished ([`satisfaction`]).
    pub satisfaction: Option<u8>,
    /// Replies given.
    pub turns: usize,
    /// Every rule's verdict, in rulebook order.
    pub rules: Vec<RuleResult>,
}

/// Score a transcript, with the notes in English.
pub fn score(scenario: &Scenario, rubric: &Rubric, transcript: &Transcript) -> Scorecard {
    score_in(&Messages::english(), scenario, rubric, transcript)
}

/// Score a transcript, with the notes in the language of `msg` (give it the scenario and rubric
/// in the same language: [`crate::library::Library::localized`]). The verdicts, weights and
/// totals do not depend on the language.
pub fn score_in(msg: &Messages, scenario: &Scenario, rubric: &Rubric, transcript: &Transcript) -> Scorecard {
    // One pass, noting after each turn which rules were broken (again) by it.
    let mut tracker = Tracker::new(rubric);
    let mut breaches: Vec<Vec<u16>> = vec![Vec::new(); rubric.rules.len()];
    for i in 0..transcript.turns.len() {
        let before: Vec<u16> = (0..rubric.rules.len()).map(|r| rubric.breaches(&tracker, r)).collect();
        observe_turn(scenario, rubric, transcript, &mut tracker, i);
        for (r, was) in before.into_iter().enumerate() {
            if rubric.breaches(&tracker, r) > was {
                breaches[r].push((i + 1) as u16);
            }
        }
    }
    let ending = ending_of(scenario, transcript);
    let t = Tally::of(rubric, &tracker, ending.map(|e| e.outcome));
    let book = &rubric.rulebook;
    let wording = Wording { msg, book, scenario, promises: promises_made(scenario, transcript) };
    let evidence_at = |n: u16| {
        transcript.turns.get(usize::from(n).checked_sub(1)?).map(|tr| {
            let reply = &scenario.nodes[tr.node as usize].replies[usize::from(tr.reply)];
            Evidence { turn: n, reply_id: reply.id.clone(), reply: scenario.fill(&reply.text, &transcript.facts) }
        })
    };
    let rules = rubric
        .rules
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let rule = &book.rules[r.rule];
            let (verdict, turn) = rubric.verdict(&tracker, i);
            let failed = verdict == Verdict::Fail;
            let breach_turns: Vec<u16> = if failed { breaches[i].clone() } else { Vec::new() };
            let note = note(&wording, &rule.check, r, verdict, turn, &breach_turns);
            RuleResult {
                id: rule.id.clone(),
                title: rule.title.clone(),
                category: book.categories[r.category].id.clone(),
                practice: rule.practice.clone(),
                weight: r.weight,
                verdict,
                evidence: turn.and_then(evidence_at),
                breaches: if breach_turns.len() > 1 {
                    breach_turns.iter().filter_map(|&n| evidence_at(n)).collect()
                } else {
                    Vec::new()
                },
                cost: if failed { rubric.fail_weight(&tracker, i) } else { 0 },
                note,
                tip: failed.then(|| rule.tip.clone()),
            }
        })
        .collect();
    let capped = ending.filter(|_| t.is_capped()).and_then(|e| book.cap_for(e.outcome)).map(|c| CapNote {
        cap: c.cap,
        reason: c.reason.clone(),
        uncapped: round1(t.uncapped()),
    });
    let meters = transcript.turns.last().map_or(scenario.customer.meters, |t| t.after);
    let faults = fault_replies(scenario, rubric.faults, transcript);
    Scorecard {
        scenario: scenario.id.clone(),
        trainee: transcript.trainee.clone(),
        seed: transcript.seed,
        total: round1(t.total()),
        capped,
        categories: (0..rubric.category_count())
            .map(|c| (book.categories[c].id.clone(), t.category(c).map(round1)))
            .collect(),
        outcome: ending.map(|e| e.outcome),
        ending: ending.map(|e| e.id.clone()),
        satisfaction: ending.map(|e| satisfaction(e, meters, faults)),
        turns: transcript.turns.len(),
        rules,
    }
}

/// The promises a session made, by the replies chosen.
fn promises_made(scenario: &Scenario, transcript: &Transcript) -> PromiseSet {
    let mut made = PromiseSet::default();
    for turn in &transcript.turns {
        let reply = scenario.nodes.get(turn.node as usize).and_then(|n| n.replies.get(usize::from(turn.reply)));
        if let Some(reply) = reply {
            reply.promises.made.iter().for_each(|i| made.insert(i));
        }
    }
    made
}

/// The verdict in plain words, from the rulebook's act descriptions (no ids), in the language
/// of the wording.
fn note(
    wording: &Wording<'_>,
    check: &Check,
    rule: &RubricRule,
    verdict: Verdict,
    turn: Option<u16>,
    breaches: &[u16],
) -> String {
    let msg = wording.msg;
    let what = wording.describe(check);
    match (verdict, turn) {
        (Verdict::NotApplicable, _) if rule.unbreakable => msg.get("note-unbreakable"),
        (Verdict::NotApplicable, _) if !rule.enabled => msg.get("note-disabled"),
        (Verdict::NotApplicable, _) => msg.get("note-not-applicable"),
        (Verdict::Pass, Some(n)) => msg.with("note-kept-at", &[("turn", n.into()), ("what", what.into())]),
        (Verdict::Pass, None) => msg.with("note-kept-throughout", &[("what", what.into())]),
        (Verdict::Fail, _) if breaches.len() > 1 => msg.with(
            "note-broken-times",
            &[("count", breaches.len().into()), ("turns", turn_list(msg, breaches).into()), ("what", what.into())],
        ),
        (Verdict::Fail, Some(n)) => msg.with("note-broken-at", &[("turn", n.into()), ("what", what.into())]),
        (Verdict::Fail, None) => msg.with("note-never-happened", &[("what", what.into())]),
    }
}

/// "2, 5 and 7" (the word for "and" from the language).
fn turn_list(msg: &Messages, turns: &[u16]) -> String {
    let words: Vec<String> = turns.iter().map(ToString::to_string).collect();
    match words.split_last() {
        Some((last, rest)) if !rest.is_empty() => {
            msg.with("list-and", &[("items", rest.join(&msg.get("list-separator")).into()), ("last", last.into())])
        }
        _ => words.join(""),
    }
}

/// A check in plain English words, from the rulebook's act descriptions: "Wanted: repeats the
/// problem back in plain words." Never an act id. A promise rule names every promise the
/// scenario has.
pub fn describe(book: &Rulebook, scenario: &Scenario, check: &Check) -> String {
    let every = PromiseSet(u16::MAX);
    Wording { msg: &Messages::english(), book, scenario, promises: every }.describe(check)
}

/// What a check is described with: the language, the rulebook and scenario in it, and the
/// promises a promise rule names (in a debrief, those the session made).
pub struct Wording<'a> {
    /// The language.
    pub msg: &'a Messages,
    /// The rulebook, in the same language.
    pub book: &'a Rulebook,
    /// The scenario, in the same language.
    pub scenario: &'a Scenario,
    /// The promises to name.
    pub promises: PromiseSet,
}

impl Wording<'_> {
    /// A check in plain words.
    pub fn describe(&self, check: &Check) -> String {
        let (msg, book, scenario) = (self.msg, self.book, self.scenario);
        let act = |a: &u8| {
            let text = book.acts.get(usize::from(*a)).map_or("", |a| a.description.as_str());
            lower_first(text.trim_end_matches(['.', '。']))
        };
        let one = |id: &str, a: &u8| msg.with(id, &[("act", act(a).into())]);
        match check {
            Check::Eventually(a) => one("check-eventually", a),
            Check::Never(a) => one("check-never", a),
            Check::FirstTurn(a) => one("check-first-turn", a),
            Check::Within { turns, act: a } => {
                msg.with("check-within", &[("turns", (*turns).into()), ("act", act(a).into())])
            }
            Check::WithinSeconds { millis, act: a } => msg.with(
                "check-within-seconds",
                &[
                    ("seconds", Arg::Decimal(f64::from(*millis) / 1000.0, usize::from(millis % 1000 != 0))),
                    ("act", act(a).into()),
                ],
            ),
            Check::AtLeast { times, act: a } => {
                msg.with("check-at-least", &[("times", (*times).into()), ("act", act(a).into())])
            }
            Check::Before { first, then } => {
                msg.with("check-before", &[("first", act(first).into()), ("then", act(then).into())])
            }
            Check::BeforeEach { first, then } => {
                msg.with("check-before-each", &[("first", act(first).into()), ("then", act(then).into())])
            }
            Check::KeepPromises => {
                let promises: Vec<&str> =
                    self.promises.iter().filter_map(|i| scenario.promises.get(i)).map(|p| p.says.as_str()).collect();
                if promises.is_empty() {
                    msg.get("check-keep-promises")
                } else {
                    msg.with(
                        "check-keep-promises-list",
                        &[("promises", promises.join(&msg.get("list-semicolon")).into())],
                    )
                }
            }
            Check::All(cs) => cs.iter().map(|c| self.describe(c)).collect::<Vec<_>>().join(&msg.get("sentence-gap")),
            Check::Any(cs) => {
                let parts: Vec<String> = cs.iter().map(|c| self.describe(c)).collect();
                let gap = msg.get("sentence-gap");
                msg.with(
                    "check-any",
                    &[("checks", parts.join(&format!("{gap}{}{gap}", msg.get("check-any-or"))).into())],
                )
            }
            Check::Not(c) => msg.with("check-not", &[("check", self.describe(c).into())]),
        }
    }
}

fn lower_first(s: &str) -> String {
    let mut chars = s.chars();
    chars.next().map_or_else(String::new, |c| c.to_lowercase().chain(chars).collect())
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
    if let Target::Node(n) = pos.at {
        let to = step(scenario, facts, pos, reply).at;
        let events = ReplyEvents::of(scenario, n, reply)
            .among(offered_acts(scenario, facts, pos))
            .arriving(scenario.settles_at(to));
        tracker.observe(rubric, pos.turn + 1, &env(facts, pos), &events);
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
            // A rule broken again by this reply is reported again: it costs again.
            let now = (last + 1) as u16;
            let broken_again = rubric.breaches(&after, i) > rubric.breaches(&before, i)
                && rubric.verdict(&after, i).0 == Verdict::Fail;
            let v = after
                .decided(rubric, i)
                .filter(|_| before.decided(rubric, i).is_none())
                .or_else(|| {
                    let passing = rubric.verdict(&after, i) == (Verdict::Pass, Some(now));
                    (passing && rubric.verdict(&before, i).0 != Verdict::Pass).then_some(Verdict::Pass)
                })
                .or(broken_again.then_some(Verdict::Fail))?;
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
