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
use crate::rules::Rulebook;
use crate::scenario::Scenario;
use crate::score::{Scorecard, Verdict};

/// A 10-cell bar with the number, readable without colour: `[######----]  60`.
pub fn bar(value: f64) -> String {
    let filled = ((value / 10.0).round() as usize).min(10);
    format!("[{}{}] {:>5.1}", "#".repeat(filled), "-".repeat(10 - filled), value)
}

/// The customer's meters on one line.
pub fn meters_line(m: Meters) -> String {
    format!("mood {:>3}  patience {:>3}  trust {:>3}", m.mood, m.patience, m.trust)
}

fn verdict_mark(v: Verdict) -> &'static str {
    match v {
        Verdict::Pass => "kept  ",
        Verdict::Fail => "BROKEN",
        Verdict::NotApplicable => "n/a   ",
    }
}

/// The debrief as text: total, category bars, outcome, each rule with evidence and tip, and
/// the annotated transcript.
pub fn debrief_text(scenario: &Scenario, book: &Rulebook, card: &Scorecard, transcript: &Transcript) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "=== Debrief: {} ===", scenario.title);
    let _ = writeln!(out, "{:<24} {}", "Total", bar(card.total));
    if let Some(line) = cap_line(card) {
        let _ = writeln!(out, "{:<24} {line}", "");
    }
    for category in &book.categories {
        match card.categories.get(&category.id).copied().flatten() {
            Some(s) => {
                let _ = writeln!(out, "{:<24} {}", category.title, bar(s));
            }
            None => {
                let _ = writeln!(out, "{:<24} (no rule applied)", category.title);
            }
        }
    }
    if let Some(e) = transcript.ending.and_then(|(e, _)| scenario.endings.get(e as usize)) {
        let satisfaction = card.satisfaction.unwrap_or(e.satisfaction);
        let _ = writeln!(out, "{:<24} {} (customer satisfaction {satisfaction}%)", "Outcome", e.outcome.as_str());
        if !e.summary.is_empty() {
            let _ = writeln!(out, "{:<24} {}", "", e.summary);
        }
    } else {
        let _ = writeln!(out, "{:<24} not finished", "Outcome");
    }
    let _ = writeln!(out, "\nRules:");
    for r in &card.rules {
        let _ = writeln!(out, "  {} {} ({})", verdict_mark(r.verdict), r.title, r.practice);
        let _ = writeln!(out, "         {}", r.note);
        if r.breaches.is_empty()
            && let Some(ev) = &r.evidence
        {
            let _ = writeln!(out, "         turn {}: \"{}\"", ev.turn, ev.reply);
        }
        for ev in &r.breaches {
            let _ = writeln!(out, "         turn {}: \"{}\"", ev.turn, ev.reply);
        }
        if let Some(tip) = &r.tip {
            let _ = writeln!(out, "         tip: {tip}");
        }
    }
    let _ = writeln!(out, "\nTranscript:");
    out.push_str(&transcript_text(scenario, card, transcript));
    out
}

/// "capped at 60: the customer left (83.2 before the cap)", when the ending capped the total.
pub fn cap_line(card: &Scorecard) -> Option<String> {
    card.capped.as_ref().map(|c| format!("capped at {}: {} ({:.1} before the cap)", c.cap, c.reason, c.uncapped))
}

/// The conversation turn by turn, each reply annotated with the rules it kept or broke.
pub fn transcript_text(scenario: &Scenario, card: &Scorecard, transcript: &Transcript) -> String {
    let mut out = String::new();
    let who = &scenario.customer.name;
    for (i, t) in transcript.turns.iter().enumerate() {
        let node = &scenario.nodes[t.node as usize];
        let line = node.says.get(usize::from(t.line)).map_or("", |l| l.text.as_str());
        let reply = &node.replies[usize::from(t.reply)];
        let _ = writeln!(out, "  {who}: {}", scenario.fill(line, &transcript.facts));
        let _ = writeln!(out, "  {:>2}. You: {}", i + 1, scenario.fill(&reply.text, &transcript.facts));
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
