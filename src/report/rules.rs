//! Trainer analytics (`rehearse report rules`): which rules fail most, per scenario, and where
//! in the graph trainees get lost (the node of their first broken rule, and the endings reached).

use std::collections::BTreeMap;
use std::fmt::Write as _;

use serde::Serialize;

use super::{outcome_words, pad, right, width};
use crate::l10n::Messages;
use crate::records::{Replayer, Store, Stored, printable};
use crate::scenario::Outcome;
use crate::score::Verdict;

/// One rule's record in a scenario.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RuleLine {
    /// Rule id.
    pub rule: String,
    /// Sessions that broke it.
    pub failed: usize,
    /// Sessions where it applied (kept or broken).
    pub applied: usize,
    /// failed / applied, 0–1.
    pub fail_rate: f64,
}

/// A place in the graph where sessions went wrong.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Spot {
    /// Node id (or ending id for endings).
    pub id: String,
    /// Sessions.
    pub sessions: usize,
}

/// One scenario's analytics.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScenarioRules {
    /// Scenario id.
    pub scenario: String,
    /// Its title, from the newest version played (the id when no version can be read).
    pub title: String,
    /// Sessions in the month (practice and assessment).
    pub sessions: usize,
    /// Rules, most failed first.
    pub rules: Vec<RuleLine>,
    /// Nodes where sessions first broke a rule, most frequent first.
    pub first_slips: Vec<Spot>,
    /// Endings reached, with their outcome, most frequent first.
    pub endings: Vec<(Spot, Reached)>,
    /// Sessions that could not be replayed to find their place in the graph.
    pub not_replayed: usize,
}

/// How a session ended for the business; in JSON by the outcome's name, `none` when the session
/// did not end.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Reached(pub Option<Outcome>);

impl Serialize for Reached {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.0.map_or("none", Outcome::as_str))
    }
}

/// Analyse a month's records.
pub fn analyse(store: &mut Store, records: &[Stored]) -> Vec<ScenarioRules> {
    let mut by_scenario: BTreeMap<&str, Vec<&Stored>> = BTreeMap::new();
    for r in records {
        by_scenario.entry(&r.record.scenario).or_default().push(r);
    }
    let mut replayer = Replayer::default();
    by_scenario
        .into_iter()
        .map(|(scenario, list)| {
            let mut rules: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
            let mut slips: BTreeMap<String, usize> = BTreeMap::new();
            let mut endings: BTreeMap<(String, Reached), usize> = BTreeMap::new();
            let mut not_replayed = 0;
            // Sessions are in chain order: the last version read is the newest played.
            let mut title = None;
            for s in &list {
                if let Ok(entry) = replayer.entry(store, &s.record) {
                    title = Some(entry.scenario.title.clone());
                }
                let mut first_fail: Option<u16> = None;
                for v in &s.record.verdicts {
                    let e = rules.entry(&v.rule).or_default();
                    match v.verdict {
                        Verdict::Fail => {
                            e.0 += 1;
                            e.1 += 1;
                            first_fail = match (first_fail, v.turn) {
                                (Some(a), Some(b)) => Some(a.min(b)),
                                (a, b) => a.or(b),
                            };
                        }
                        Verdict::Pass => e.1 += 1,
                        Verdict::NotApplicable => {}
                    }
                }
                let ending = s.record.ending.clone().unwrap_or_else(|| "?".into());
                *endings.entry((ending, Reached(s.record.outcome))).or_default() += 1;
                let Some(turn) = first_fail else { continue };
                match replayer.replay(store, s) {
                    Ok(r) => {
                        let node =
                            r.session.transcript().turns.get(usize::from(turn).saturating_sub(1)).map(|t| t.node);
                        let id =
                            node.and_then(|n| r.entry.scenario.nodes.get(n as usize)).map_or("?", |n| n.id.as_str());
                        *slips.entry(id.to_string()).or_default() += 1;
                    }
                    Err(_) => not_replayed += 1,
                }
            }
            let mut rules: Vec<RuleLine> = rules
                .into_iter()
                .map(|(rule, (failed, applied))| RuleLine {
                    rule: rule.to_string(),
                    failed,
                    applied,
                    fail_rate: if applied == 0 { 0.0 } else { failed as f64 / applied as f64 },
                })
                .collect();
            rules.sort_by(|a, b| {
                b.failed.cmp(&a.failed).then(b.fail_rate.total_cmp(&a.fail_rate)).then(a.rule.cmp(&b.rule))
            });
            let mut first_slips: Vec<Spot> = slips.into_iter().map(|(id, sessions)| Spot { id, sessions }).collect();
            first_slips.sort_by(|a, b| b.sessions.cmp(&a.sessions).then(a.id.cmp(&b.id)));
            let mut endings: Vec<(Spot, Reached)> =
                endings.into_iter().map(|((id, outcome), sessions)| (Spot { id, sessions }, outcome)).collect();
            endings.sort_by(|a, b| b.0.sessions.cmp(&a.0.sessions).then(a.0.id.cmp(&b.0.id)));
            ScenarioRules {
                scenario: scenario.to_string(),
                title: title.unwrap_or_else(|| scenario.to_string()),
                sessions: list.len(),
                rules,
                first_slips,
                endings,
                not_replayed,
            }
        })
        .collect()
}

/// The analytics as text in `msg`'s language; `rule_title` names a rule for people (its id
/// when it returns `None`).
pub fn table(
    msg: &Messages,
    month: &str,
    all: &[ScenarioRules],
    rule_title: &dyn Fn(&str) -> Option<String>,
) -> String {
    let mut out = format!("{}\n", msg.with("rules-report-heading", &[("month", month.into())]));
    if all.is_empty() {
        let _ = writeln!(out, "  {}", msg.get("rules-report-no-sessions"));
    }
    // Each number column as wide as its heading (at least 6).
    let columns = ["rules-report-column-broken", "rules-report-column-applied", "rules-report-column-rate"].map(|id| {
        let heading = msg.get(id);
        let columns = width(&heading).max(6);
        (heading, columns)
    });
    for s in all {
        let _ = writeln!(
            out,
            "\n{}",
            msg.with(
                "rules-report-scenario",
                &[
                    ("title", printable(&s.title, 60).into()),
                    ("id", printable(&s.scenario, 40).into()),
                    ("sessions", s.sessions.into()),
                ]
            )
        );
        let names: Vec<(String, &RuleLine)> = s
            .rules
            .iter()
            .filter(|r| r.applied > 0)
            .map(|r| (printable(&rule_title(&r.rule).unwrap_or_else(|| r.rule.clone()), 60), r))
            .collect();
        let rule_heading = msg.get("rules-report-column-rule");
        let name_width = names.iter().map(|(n, _)| width(n)).chain([width(&rule_heading), 28]).max().unwrap_or(28);
        let mut heading = format!("  {}", pad(&rule_heading, name_width));
        for (text, w) in &columns {
            heading.push_str(&format!(" {}", right(text, *w)));
        }
        let _ = writeln!(out, "{}", heading.trim_end());
        for (name, r) in &names {
            let rate = format!("{}%", msg.number(r.fail_rate * 100.0, 0));
            let _ = writeln!(
                out,
                "  {} {} {} {}",
                pad(name, name_width),
                right(&r.failed.to_string(), columns[0].1),
                right(&r.applied.to_string(), columns[1].1),
                right(&rate, columns[2].1)
            );
        }
        let separator = msg.get("list-separator");
        if !s.first_slips.is_empty() {
            let spots: Vec<String> =
                s.first_slips.iter().map(|p| format!("{} ({})", printable(&p.id, 40), p.sessions)).collect();
            let _ = writeln!(
                out,
                "  {}",
                msg.with("rules-report-first-slips", &[("spots", spots.join(&separator).into())])
            );
        }
        let ends: Vec<String> = s
            .endings
            .iter()
            .map(|(p, reached)| {
                let outcome = reached.0.map_or_else(|| "-".to_string(), |o| outcome_words(msg, o));
                format!("{} [{outcome}] ({})", printable(&p.id, 40), p.sessions)
            })
            .collect();
        let _ = writeln!(out, "  {}", msg.with("rules-report-endings", &[("endings", ends.join(&separator).into())]));
        if s.not_replayed > 0 {
            let _ = writeln!(out, "  {}", msg.with("rules-report-not-replayed", &[("count", s.not_replayed.into())]));
        }
    }
    out
}
