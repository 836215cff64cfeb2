//! Replaying stored sessions on the exact content they were played on (for `records rescore`
//! and the trainer's analytics).

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;

use super::{Record, Store, Stored};
use crate::engine::Session;
use crate::library::{Entry, rulebook_from_text, scenario_from_text};
use crate::score::{Scorecard, score};

/// Stored content versions, each validated once.
#[derive(Default)]
pub struct Replayer {
    cache: HashMap<String, Result<Entry, ReplayError>>,
}

/// Why a stored session cannot be replayed. Each message completes "record #n: …".
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ReplayError {
    /// The record names a content version the store does not hold.
    #[error("its content version {hash} is not in the store")]
    MissingVersion {
        /// The content hash.
        hash: String,
    },
    /// The store could not be read (the message names it).
    #[error("{0}")]
    Store(String),
    /// The stored rulebook or scenario text no longer loads in this program.
    #[error("its stored {what} no longer validates: {first_problem}")]
    Invalid {
        /// `rulebook` or `scenario`.
        what: &'static str,
        /// The first diagnostic.
        first_problem: String,
    },
    /// A stored choice is refused by the engine.
    #[error("its choices no longer replay: turn {turn}: {problem}")]
    Refused {
        /// The 1-based turn.
        turn: usize,
        /// What the engine said.
        problem: String,
    },
    /// The choices end before the conversation does.
    #[error("its {choices} choices do not reach an ending")]
    Unfinished {
        /// How many choices are stored.
        choices: usize,
    },
}

/// What a stored session replays to.
pub struct Replayed {
    /// The content it was played on.
    pub entry: Entry,
    /// The session, replayed.
    pub session: Session,
    /// Its scorecard, scored again by this program.
    pub card: Scorecard,
}

impl Replayer {
    /// The content a record was played on, validated.
    pub fn entry(&mut self, store: &mut Store, record: &Record) -> Result<Entry, ReplayError> {
        self.cache
            .entry(record.version.clone())
            .or_insert_with(|| match store.version(&record.version) {
                Ok(Some(v)) => build(&v.scenario, &v.scenario_text, &v.rulebook_text),
                Ok(None) => Err(ReplayError::MissingVersion { hash: record.version.clone() }),
                Err(e) => Err(ReplayError::Store(e.to_string())),
            })
            .clone()
    }

    /// Replay a stored session's seed and choices (with their times) and score it again.
    pub fn replay(&mut self, store: &mut Store, stored: &Stored) -> Result<Replayed, ReplayError> {
        let r = &stored.record;
        let entry = self.entry(store, r)?;
        let turns: Vec<(usize, Option<u32>)> = r.choices.iter().map(|&(o, ms)| (usize::from(o), ms)).collect();
        let session = Session::replay_timed(Arc::clone(&entry.scenario), r.seed, r.trainee.clone(), &turns)
            .map_err(|(turn, e)| ReplayError::Refused { turn, problem: e.to_string() })?;
        if !session.is_finished() {
            return Err(ReplayError::Unfinished { choices: turns.len() });
        }
        let card = score(&entry.scenario, &entry.rubric, session.transcript());
        Ok(Replayed { entry, session, card })
    }
}

fn build(id: &str, scenario_text: &str, rulebook_text: &str) -> Result<Entry, ReplayError> {
    let dir = PathBuf::from("<stored>");
    let invalid = |what, first: Option<&crate::diag::Diagnostic>| ReplayError::Invalid {
        what,
        first_problem: first.map(ToString::to_string).unwrap_or_default(),
    };
    let (book, map, _) =
        rulebook_from_text(&dir.join("rulebook.ron"), rulebook_text).map_err(|d| invalid("rulebook", d.first()))?;
    scenario_from_text(&dir.join(format!("{id}.scenario.ron")), scenario_text, &Arc::new(book), &map)
        .map(|(e, _)| e)
        .map_err(|b| invalid("scenario", b.diagnostics.first()))
}

/// How a replayed session differs from its record (empty when it matches).
pub fn differences(record: &Record, card: &Scorecard) -> Vec<String> {
    let mut out = Vec::new();
    if record.total != card.total {
        out.push(format!("total: stored {:.1}, replayed {:.1}", record.total, card.total));
    }
    if record.categories != card.categories {
        out.push("category scores differ".to_string());
    }
    if record.outcome != card.outcome || record.ending != card.ending {
        let o = |o: Option<crate::scenario::Outcome>| o.map_or("none", |o| o.as_str());
        out.push(format!("outcome: stored {}, replayed {}", o(record.outcome), o(card.outcome)));
    }
    let verdicts: Vec<_> =
        card.rules.iter().map(|r| (r.id.as_str(), r.verdict, r.evidence.as_ref().map(|e| e.turn))).collect();
    let stored: Vec<_> = record.verdicts.iter().map(|v| (v.rule.as_str(), v.verdict, v.turn)).collect();
    if verdicts != stored {
        let mut changed: Vec<&str> = stored
            .iter()
            .filter(|s| !verdicts.contains(s))
            .map(|s| s.0)
            .chain(verdicts.iter().filter(|v| !stored.contains(v)).map(|v| v.0))
            .collect();
        changed.sort_unstable();
        changed.dedup();
        out.push(format!("rule verdicts differ: {}", changed.join(", ")));
    }
    out
}
