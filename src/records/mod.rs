//! Finished sessions as durable, tamper-evident records.
//!
//! A [`Record`] holds everything needed to show, rank, export and re-score a session: who, which
//! scenario and which *version* of it (a content hash of the scenario and rulebook texts, whose
//! texts are stored once per version), the seed and choices, every rule verdict, category scores,
//! total, outcome and times. A [`Store`] keeps records in SQLite (one file, the default) or
//! PostgreSQL (shared by many stations); both run the same migrations and the same queries.
//!
//! Each record carries a MAC over its content chained to the previous record's MAC, keyed by a
//! trainer-held [`Key`]; [`verify`] names every edited, removed or reordered record. When a
//! session cannot be saved, [`save`] writes it to a recovery file instead, so nothing is lost.

mod chain;
mod month;
mod postgres;
mod recovery;
mod replay;
pub mod roster;
mod sqlite;
mod store;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

pub use chain::{Key, KeyError, Problem, verify};
pub use month::{BadMonth, Month, format_ms, format_ms_in, iso8601, now_ms};
pub use recovery::{RecoveryError, parse_recovery, read_recovery, recovery_file};
pub use replay::{ReplayError, Replayed, Replayer, differences};
pub use roster::{Pin, RosterError, Trainee};
pub use store::{DbSpec, Head, Store, StoreError, Stored, Summary};

use crate::engine::Transcript;
use crate::library::Entry;
use crate::scenario::Outcome;
use crate::score::{SCORING_VERSION, Scorecard, Verdict};

/// How a session counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Mode {
    /// Feedback after every reply; does not count for the ranking.
    Practice,
    /// No hints; counts for the monthly ranking.
    Assessment,
}

impl Mode {
    /// Lower-case name.
    pub fn as_str(self) -> &'static str {
        match self {
            Mode::Practice => "practice",
            Mode::Assessment => "assessment",
        }
    }

    /// The mode named `s` (`practice` or `assessment`).
    pub fn parse(s: &str) -> Option<Mode> {
        match s {
            "practice" => Some(Mode::Practice),
            "assessment" => Some(Mode::Assessment),
            _ => None,
        }
    }
}

/// How a session was played.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Played {
    /// Live in the game window.
    Window,
    /// Live in the terminal player.
    Terminal,
    /// Replies given in advance (`play --choices`, the window's `--autoplay`): practice, tests
    /// and demos only; never an assessment.
    Scripted,
    /// Not recorded (sessions saved before the program recorded it, or built by other tools).
    #[default]
    Unknown,
}

impl Played {
    /// Lower-case name, as stored.
    pub fn as_str(self) -> &'static str {
        match self {
            Played::Window => "window",
            Played::Terminal => "terminal",
            Played::Scripted => "scripted",
            Played::Unknown => "unknown",
        }
    }

    /// The way named `s` (unknown names read as [`Played::Unknown`]).
    pub fn parse(s: &str) -> Played {
        [Played::Window, Played::Terminal, Played::Scripted].into_iter().find(|p| p.as_str() == s).unwrap_or_default()
    }

    fn is_unknown(&self) -> bool {
        *self == Played::Unknown
    }
}

/// One rule's verdict in a record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RuleVerdict {
    /// Rule id.
    pub rule: String,
    /// Pass, fail or n/a.
    pub verdict: Verdict,
    /// The turn that shows it, when one does.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub turn: Option<u16>,
}

/// One finished session, as stored.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Record {
    /// Who played, verbatim.
    pub trainee: String,
    /// Scenario id.
    pub scenario: String,
    /// Content hash of the scenario and rulebook texts played ([`Entry::version`]).
    pub version: String,
    /// Practice or assessment.
    pub mode: Mode,
    /// The session's seed.
    pub seed: u64,
    /// Option numbers chosen (1-based), each with the game time it took (None when untimed).
    pub choices: Vec<(u16, Option<u32>)>,
    /// Every rule's verdict, in rulebook order.
    pub verdicts: Vec<RuleVerdict>,
    /// Score per category id (`None` when none of its rules applied).
    pub categories: BTreeMap<String, Option<f64>>,
    /// Weighted total, 0–100.
    pub total: f64,
    /// How it ended.
    pub outcome: Option<Outcome>,
    /// Ending id.
    pub ending: Option<String>,
    /// Unix time (ms) the session started.
    pub started_at: i64,
    /// Unix time (ms) the session ended.
    pub finished_at: i64,
    /// The program that scored it and the scoring rules it applied, e.g.
    /// `rehearse 0.1.0; scoring 2` (records from before scoring versions say `rehearse 0.1.0`:
    /// scoring 1). See [`Record::scoring`].
    pub program: String,
    /// How it was played (window, terminal, scripted). Left out of the stored JSON, and so of
    /// the MAC, when unknown, so records saved before it existed verify unchanged.
    #[serde(default, skip_serializing_if = "Played::is_unknown")]
    pub played: Played,
    /// The roster id of the trainee who signed in with their PIN (None for anyone else, and
    /// for records from before the roster; left out of the stored JSON then, like `played`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub trainee_id: Option<String>,
    /// The language the session was played in (`ro`, `zh`; see `l10n::Lang`). Scoring and the
    /// ranking never read it. Left out of the stored JSON when absent (English before
    /// translations existed), so older records verify unchanged.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
}

impl Record {
    /// The record of a finished session.
    pub fn of(entry: &Entry, transcript: &Transcript, card: &Scorecard, mode: Mode, started_at: i64) -> Record {
        Record {
            trainee: transcript.trainee.clone(),
            scenario: transcript.scenario.clone(),
            version: entry.version(),
            mode,
            seed: transcript.seed,
            choices: transcript.turns.iter().map(|t| (t.option, t.millis)).collect(),
            verdicts: card
                .rules
                .iter()
                .map(|r| RuleVerdict {
                    rule: r.id.clone(),
                    verdict: r.verdict,
                    turn: r.evidence.as_ref().map(|e| e.turn),
                })
                .collect(),
            categories: card.categories.clone(),
            total: card.total,
            outcome: card.outcome,
            ending: card.ending.clone(),
            started_at,
            finished_at: now_ms().max(started_at),
            program: program(),
            played: Played::Unknown,
            trainee_id: None,
            language: None,
        }
    }

    /// The same record, saying which language it was played in.
    pub fn in_language(mut self, lang: crate::l10n::Lang) -> Record {
        self.language = Some(lang.code().to_string());
        self
    }

    /// The same record, saying how it was played.
    pub fn played(mut self, played: Played) -> Record {
        self.played = played;
        self
    }

    /// The same record, saying which roster trainee played it (signed in with their PIN).
    pub fn signed_in(mut self, trainee: &Trainee) -> Record {
        self.trainee = trainee.name.clone();
        self.trainee_id = Some(trainee.id.clone());
        self
    }

    /// The version of the scoring rules the record was scored with ([`SCORING_VERSION`]); 1
    /// for records that do not say.
    pub fn scoring(&self) -> u32 {
        self.program
            .split(';')
            .filter_map(|part| part.trim().strip_prefix("scoring "))
            .find_map(|n| n.trim().parse().ok())
            .unwrap_or(1)
    }

    /// The month the session counts in.
    pub fn month(&self) -> Month {
        Month::of_millis(self.finished_at)
    }

    /// The bytes the MAC covers: every field, in a fixed order.
    pub(crate) fn canonical(&self) -> Vec<u8> {
        serde_json::to_vec(self).unwrap_or_default()
    }
}

/// The texts of one content version, stored once and shared by every record played on it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContentVersion {
    /// The content hash.
    pub hash: String,
    /// The scenario id.
    pub scenario: String,
    /// The scenario file's text.
    pub scenario_text: String,
    /// The rulebook's text.
    pub rulebook_text: String,
}

impl ContentVersion {
    /// The version an entry was loaded from.
    pub fn of(entry: &Entry) -> ContentVersion {
        ContentVersion {
            hash: entry.version(),
            scenario: entry.scenario.id.clone(),
            scenario_text: entry.text.to_string(),
            rulebook_text: entry.rubric.rulebook.text.to_string(),
        }
    }
}

/// `rehearse 0.1.0; scoring 2`: this program and the scoring rules it applies.
pub fn program() -> String {
    format!("rehearse {}; scoring {SCORING_VERSION}", env!("CARGO_PKG_VERSION"))
}

/// Where a finished session went.
#[derive(Debug)]
pub enum Saved {
    /// Stored in the database as record number `seq`.
    Stored {
        /// Its sequence number.
        seq: i64,
    },
    /// The database could not take it; it was written to a recovery file.
    Recovered {
        /// Why the database refused.
        error: String,
        /// The recovery file.
        file: PathBuf,
    },
}

/// A session that could be neither stored nor written to a recovery file.
#[derive(Debug, thiserror::Error)]
#[error("{store}; writing a recovery file failed too: {recovery}")]
pub struct Lost {
    /// Why the database refused.
    pub store: String,
    /// Why the recovery file could not be written.
    pub recovery: RecoveryError,
}

/// Save a finished session: into the database when it can, else into a recovery file beside it
/// (see [`recovery_file`]) with the reason. The session is lost only when both fail.
pub fn save(db: &DbSpec, key: Option<&Path>, record: &Record, version: &ContentVersion) -> Result<Saved, Lost> {
    let stored = Key::load_or_create(key).map_err(|e| e.to_string()).and_then(|key| {
        let mut store = Store::open(db).map_err(|e| e.to_string())?;
        store.save(record, version, &key).map_err(|e| e.to_string())
    });
    match stored {
        Ok(seq) => Ok(Saved::Stored { seq }),
        Err(error) => match recovery::write(db, record, version, &error) {
            Ok(file) => Ok(Saved::Recovered { error, file }),
            Err(recovery) => Err(Lost { store: error, recovery }),
        },
    }
}

impl Saved {
    /// One line for the trainee, in the language of `msg`.
    pub fn message(&self, msg: &crate::l10n::Messages, db: &DbSpec) -> String {
        match self {
            Saved::Stored { seq } => msg.with("saved-as", &[("seq", (*seq).into()), ("db", db.to_string().into())]),
            Saved::Recovered { error, file } => msg.with(
                "saved-to-recovery",
                &[("why", error.as_str().into()), ("file", file.display().to_string().into())],
            ),
        }
    }
}

pub use crate::paths::data_dir;

/// A trainee name as typed, made safe to store and show: control characters removed,
/// surrounding spaces trimmed, at most `MAX_NAME` characters.
pub fn clean_name(typed: &str) -> String {
    typed.chars().filter(|c| !c.is_control()).collect::<String>().trim().chars().take(MAX_NAME).collect()
}

/// The longest trainee name the sign-in screen takes.
pub const MAX_NAME: usize = 80;

pub use crate::text::printable;
