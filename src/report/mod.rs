//! Presenting results: a scored session (the terminal debrief and its JSON), and the stored
//! records (the monthly ranking, trainer analytics, the xAPI export).
//!
//! Pure functions from scorecards and records to text or JSON; nothing here scores or stores.

pub mod board;
pub mod html;
pub mod ranking;
pub mod rules;
pub mod xapi;

use std::fmt::Write as _;

use serde_json::{Value, json};

use crate::engine::{Meters, Transcript};
use crate::l10n::{Arg, Messages};
use crate::rules::Rulebook;
use crate::scenario::Scenario;
use crate::score::{Scorecard, Verdict};

/// A 10-cell bar with the number, readable without colour: `[######----]  60.0` (the number in
/// the language's notation).
pub fn bar(msg: &Messages, value: f64) -> String {
    let filled = ((value / 10.0).round() as usize).min(10);
    format!("[{}{}] {:>5}", "#".repeat(filled), "-".repeat(10 - filled), msg.number(value, 1))
}

/// The customer's meters on one line.
pub fn meters_line(msg: &Messages, m: Meters) -> String {
    // Right-aligned in three columns, so the line does not jump as the values change.
    let column = |v: i32| Arg::Text(format!("{v:>3}"));
    msg.with("meters-line", &[("mood", column(m.mood)), ("patience", column(m.patience)), ("trust", column(m.trust))])
}

/// A verdict as the debrief marks it ("kept", "BROKEN"), without padding.
fn verdict_word(msg: &Messages, v: Verdict) -> String {
    let word = match v {
        Verdict::Pass => msg.get("verdict-kept"),
        Verdict::Fail => msg.get("verdict-broken"),
        Verdict::NotApplicable => msg.get("verdict-na"),
    };
    word.trim_end().to_string()
}

/// Terminal columns a text takes (a Chinese character takes two).
pub fn width(text: &str) -> usize {
    unicode_width::UnicodeWidthStr::width(text)
}

/// `text` followed by spaces up to `columns` terminal columns.
pub fn pad(text: &str, columns: usize) -> String {
    format!("{text}{}", " ".repeat(columns.saturating_sub(width(text))))
}

/// `text` right-aligned in `columns` terminal columns.
pub fn right(text: &str, columns: usize) -> String {
    format!("{}{text}", " ".repeat(columns.saturating_sub(width(text))))
}

/// An outcome in words ("the customer stayed"), never the enum's name.
pub fn outcome_words(msg: &Messages, outcome: crate::scenario::Outcome) -> String {
    msg.get(match outcome {
        crate::scenario::Outcome::Retained => "outcome-retained",
        crate::scenario::Outcome::Referred => "outcome-referred",
        crate::scenario::Outcome::Escalated => "outcome-escalated",
        crate::scenario::Outcome::Lost => "outcome-lost",
    })
}

/// Why signing in was refused, as a sentence for the trainee in the language of `msg`.
pub fn sign_in_refusal(msg: &Messages, error: &crate::records::roster::RosterError) -> String {
    use crate::records::roster::{BadPin, PIN_DIGITS, RosterError};
    match error {
        RosterError::WrongPin { tries_left } => msg.with("pin-wrong", &[("left", (*tries_left).into())]),
        RosterError::Paused { until, .. } => {
            let seconds = ((until - crate::records::now_ms()).max(0) + 999) / 1000;
            let (id, amount) = match seconds {
                0..=90 => ("pin-paused-seconds", seconds),
                91..=5400 => ("pin-paused-minutes", (seconds + 59) / 60),
                _ => ("pin-paused-hours", (seconds + 3599) / 3600),
            };
            msg.with(id, &[("amount", amount.into())])
        }
        RosterError::NotOnRoster { name } => msg.with("pin-not-on-roster", &[("name", name.as_str().into())]),
        RosterError::BadPin(BadPin::NotDigits) => msg.get("pin-digits-only"),
        RosterError::BadPin(BadPin::Length { .. }) => {
            msg.with("pin-length", &[("min", (*PIN_DIGITS.start()).into()), ("max", (*PIN_DIGITS.end()).into())])
        }
        other => msg.with("pin-cannot-check", &[("why", other.to_string().into())]),
    }
}

/// The debrief as text: total, category bars, outcome, each rule with evidence and tip, and
/// the annotated transcript. Give the scenario and rulebook in the language of `msg`.
pub fn debrief_text(
    msg: &Messages,
    scenario: &Scenario,
    book: &Rulebook,
    card: &Scorecard,
    transcript: &Transcript,
) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{}", msg.with("debrief-heading", &[("title", scenario.title.as_str().into())]));
    let label = |text: String| pad(&text, 24);
    let _ = writeln!(out, "{} {}", label(msg.get("debrief-total")), bar(msg, card.total));
    if let Some(line) = cap_line(msg, card) {
        let _ = writeln!(out, "{} {line}", label(String::new()));
    }
    for category in &book.categories {
        match card.categories.get(&category.id).copied().flatten() {
            Some(s) => {
                let _ = writeln!(out, "{} {}", label(category.title.clone()), bar(msg, s));
            }
            None => {
                let _ = writeln!(out, "{} {}", label(category.title.clone()), msg.get("debrief-no-rule-applied"));
            }
        }
    }
    if let Some(e) = transcript.ending.and_then(|(e, _)| scenario.endings.get(e as usize)) {
        let satisfaction = card.satisfaction.unwrap_or(e.satisfaction);
        let outcome = msg.with(
            "debrief-outcome",
            &[("outcome", outcome_words(msg, e.outcome).into()), ("satisfaction", satisfaction.into())],
        );
        let _ = writeln!(out, "{} {outcome}", label(msg.get("debrief-outcome-label")));
        if !e.summary.is_empty() {
            let _ = writeln!(out, "{} {}", label(String::new()), e.summary);
        }
    } else {
        let _ = writeln!(out, "{} {}", label(msg.get("debrief-outcome-label")), msg.get("debrief-not-finished"));
    }
    let _ = writeln!(out, "\n{}", msg.get("debrief-rules"));
    // The verdict column is as wide as the language's widest verdict word; the lines under a
    // rule start where its title does.
    let column = [Verdict::Pass, Verdict::Fail, Verdict::NotApplicable]
        .map(|v| width(&verdict_word(msg, v)))
        .into_iter()
        .max()
        .unwrap_or(6);
    let indent = " ".repeat(column + 3);
    for r in &card.rules {
        let _ = writeln!(out, "  {} {} ({})", pad(&verdict_word(msg, r.verdict), column), r.title, r.practice);
        let _ = writeln!(out, "{indent}{}", r.note);
        let turn_line = |ev: &crate::score::Evidence| {
            msg.with("debrief-turn-reply", &[("turn", ev.turn.into()), ("reply", ev.reply.as_str().into())])
        };
        if r.breaches.is_empty()
            && let Some(ev) = &r.evidence
        {
            let _ = writeln!(out, "{indent}{}", turn_line(ev));
        }
        for ev in &r.breaches {
            let _ = writeln!(out, "{indent}{}", turn_line(ev));
        }
        if let Some(tip) = &r.tip {
            let _ = writeln!(out, "{indent}{}", msg.with("debrief-tip", &[("tip", tip.as_str().into())]));
        }
    }
    let _ = writeln!(out, "\n{}", msg.get("debrief-transcript"));
    out.push_str(&transcript_text(msg, scenario, card, transcript));
    out
}

/// "capped at 60: the customer left (83.2 before the cap)", when the ending capped the total.
pub fn cap_line(msg: &Messages, card: &Scorecard) -> Option<String> {
    card.capped.as_ref().map(|c| {
        msg.with(
            "debrief-capped",
            &[("cap", c.cap.into()), ("reason", c.reason.as_str().into()), ("uncapped", Arg::Decimal(c.uncapped, 1))],
        )
    })
}

/// The conversation turn by turn, each reply annotated with the rules it kept or broke.
pub fn transcript_text(msg: &Messages, scenario: &Scenario, card: &Scorecard, transcript: &Transcript) -> String {
    let mut out = String::new();
    let who = &scenario.customer.name;
    let you = msg.get("transcript-you");
    for (i, t) in transcript.turns.iter().enumerate() {
        let node = &scenario.nodes[t.node as usize];
        let line = node.says.get(usize::from(t.line)).map_or("", |l| l.text.as_str());
        let reply = &node.replies[usize::from(t.reply)];
        let _ = writeln!(out, "  {who}: {}", scenario.fill(line, &transcript.facts));
        let _ = writeln!(out, "  {:>2}. {you}: {}", i + 1, scenario.fill(&reply.text, &transcript.facts));
        let n = (i + 1) as u16;
        let shows = |r: &&crate::score::RuleResult| {
            r.evidence.as_ref().is_some_and(|e| e.turn == n) || r.breaches.iter().any(|e| e.turn == n)
        };
        for r in card.rules.iter().filter(shows) {
            let _ = writeln!(out, "        {} {}", if r.verdict == Verdict::Pass { "+" } else { "-" }, r.title);
        }
    }
    if let Some((e, l)) = transcript.ending {
        let ending = &scenario.endings[e as usize];
        let line = ending.says.get(usize::from(l)).map_or("", |l| l.text.as_str());
        let _ = writeln!(out, "  {who}: {}", scenario.fill(line, &transcript.facts));
    }
    out
}

/// The JSON object printed by `rehearse play --json`.
pub fn play_json(scenario: &Scenario, card: &Scorecard, transcript: &Transcript) -> Value {
    let rules: Vec<Value> = card
        .rules
        .iter()
        .map(|r| {
            json!({
                "id": r.id,
                "title": r.title,
                "category": r.category,
                "practice": r.practice,
                "weight": r.weight,
                "verdict": r.verdict,
                "evidence": r.evidence,
                "breaches": r.breaches,
                "cost": r.cost,
                "note": r.note,
                "tip": r.tip,
            })
        })
        .collect();
    let turns: Vec<Value> = transcript
        .turns
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let node = &scenario.nodes[t.node as usize];
            let reply = &node.replies[usize::from(t.reply)];
            json!({
                "turn": i + 1,
                "node": node.id,
                "customer": node.says.get(usize::from(t.line)).map(|l| scenario.fill(&l.text, &transcript.facts)),
                "option": t.option,
                "reply_id": reply.id,
                "reply": scenario.fill(&reply.text, &transcript.facts),
                "meters_after": Meters::from(t.after),
            })
        })
        .collect();
    let facts: serde_json::Map<String, Value> = scenario
        .facts
        .iter()
        .zip(&transcript.facts)
        .map(|(f, v)| (f.id.clone(), Value::from(f.value_text(*v))))
        .collect();
    json!({
        "scenario": card.scenario,
        "trainee": card.trainee,
        "seed": card.seed,
        "total": card.total,
        "capped": card.capped,
        "categories": card.categories,
        "outcome": card.outcome.map(|o| o.as_str()),
        "ending": card.ending,
        "satisfaction": card.satisfaction,
        "facts": facts,
        "choices": transcript.turns.iter().map(|t| t.option).collect::<Vec<_>>(),
        "rules": rules,
        "transcript": turns,
    })
}
