//! xAPI 1.0.3 statements for a learning-management system: one per stored session.
//!
//! A statement carries the scenario's title and summary as language maps, the category scores,
//! the rules broken and the replies chosen as result extensions, the session as a
//! `registration`, and ids that are UUID v5 of the record's MAC: the same record always gives
//! the same statement, so sending it again changes nothing in a Learning Record Store.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::records::{Mode, Stored, iso8601};
use crate::score::Verdict;

/// The score at or above which an assessment counts as passed.
pub const PASS_MARK: f64 = 70.0;

/// Where statements point: the trainees' accounts and the activities live under this URL
/// (`--home-page` / `REHEARSE_HOME_PAGE`; the LMS usually wants its own address here).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Home(String);

impl Home {
    /// The default, a reserved name that says "configure me": `https://rehearse.invalid`.
    pub const DEFAULT: &str = "https://rehearse.invalid";

    /// A home page URL: `http://` or `https://`, without a trailing slash.
    pub fn parse(url: &str) -> Result<Home, String> {
        let url = url.trim().trim_end_matches('/');
        let rest = url.strip_prefix("https://").or_else(|| url.strip_prefix("http://"));
        match rest {
            Some(host) if !host.is_empty() && !url.chars().any(|c| c.is_whitespace() || c.is_control()) => {
                Ok(Home(url.to_string()))
            }
            _ => Err(format!("the home page must be an http:// or https:// URL, not `{url}`")),
        }
    }

    /// The URL.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl Default for Home {
    fn default() -> Home {
        Home(Home::DEFAULT.to_string())
    }
}

/// What a statement says about the scenario, from the content version the session was played
/// on (so a later edit of the scenario never changes a statement already sent).
#[derive(Debug, Clone, Default)]
pub struct Described {
    /// Title per language tag (`en-US` → "The brakes are grinding again").
    pub title: BTreeMap<String, String>,
    /// Summary per language tag.
    pub summary: BTreeMap<String, String>,
}

/// An xAPI statement (the subset of 1.0.3 this program fills in).
#[derive(Debug, Clone, Serialize)]
pub struct Statement {
    /// Statement id: a UUID v5 of the record's MAC, so every export of a record has the same id
    /// and a Learning Record Store keeps one copy however often it is sent.
    pub id: String,
    /// Who.
    pub actor: Actor,
    /// What they did.
    pub verb: Verb,
    /// The scenario.
    pub object: Activity,
    /// How it went.
    pub result: XResult,
    /// The session as a registration, mode, seed and content version.
    pub context: Context,
    /// When it ended.
    pub timestamp: String,
    /// `1.0.3`.
    pub version: &'static str,
}

/// xAPI Agent identified by an account on this program.
#[derive(Debug, Clone, Serialize)]
pub struct Actor {
    /// `Agent`.
    #[serde(rename = "objectType")]
    pub object_type: &'static str,
    /// Display name.
    pub name: String,
    /// Account.
    pub account: Account,
}

/// An xAPI account.
#[derive(Debug, Clone, Serialize)]
pub struct Account {
    /// The system the account belongs to ([`Home`]).
    #[serde(rename = "homePage")]
    pub home_page: String,
    /// The trainee's roster id (stable through renames), else their name.
    pub name: String,
}

/// An xAPI verb.
#[derive(Debug, Clone, Serialize)]
pub struct Verb {
    /// ADL verb IRI.
    pub id: String,
    /// `{"en-US": "passed"}`.
    pub display: BTreeMap<String, String>,
}

/// An xAPI activity.
#[derive(Debug, Clone, Serialize)]
pub struct Activity {
    /// `Activity`.
    #[serde(rename = "objectType")]
    pub object_type: &'static str,
    /// The scenario's IRI under the home page.
    pub id: String,
    /// Name, description and type.
    pub definition: Definition,
}

/// An activity definition.
#[derive(Debug, Clone, Serialize)]
pub struct Definition {
    /// The scenario's title per language.
    pub name: BTreeMap<String, String>,
    /// The scenario's summary per language (left out when unknown).
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub description: BTreeMap<String, String>,
    /// Activity type IRI.
    #[serde(rename = "type")]
    pub kind: &'static str,
}

/// An xAPI result.
#[derive(Debug, Clone, Serialize)]
pub struct XResult {
    /// Score.
    pub score: Score,
    /// Passed (assessment at or above the pass mark; practice: retained customer).
    pub success: bool,
    /// The conversation reached an ending.
    pub completion: bool,
    /// ISO 8601 duration, e.g. `PT3M12.4S`.
    pub duration: String,
    /// Category scores, the rules broken and the replies chosen (see [`EXT_CATEGORIES`] …).
    pub extensions: BTreeMap<&'static str, serde_json::Value>,
}

/// An xAPI score.
#[derive(Debug, Clone, Serialize)]
pub struct Score {
    /// 0–1, rounded to 4 places.
    pub scaled: f64,
    /// 0–100.
    pub raw: f64,
    /// 0.
    pub min: f64,
    /// 100.
    pub max: f64,
}

/// The statement's context.
#[derive(Debug, Clone, Serialize)]
pub struct Context {
    /// The session as a registration: a UUID v5 of the record's MAC.
    pub registration: String,
    /// The program that scored it.
    pub platform: String,
    /// The language the session was played in (RFC 5646), when the record says.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// IRI-keyed extensions: mode, seed, content version, outcome, record number.
    pub extensions: BTreeMap<&'static str, serde_json::Value>,
}

/// Result extension: `{category id: score 0–100 or null}`.
pub const EXT_CATEGORIES: &str = "urn:rehearse:xapi:categories";
/// Result extension: the ids of the rules broken, in rulebook order.
pub const EXT_RULES_BROKEN: &str = "urn:rehearse:xapi:rules-broken";
/// Result extension: the replies chosen, `[{"turn": 1, "option": 3, "ms": 5200}, …]`.
pub const EXT_CHOICES: &str = "urn:rehearse:xapi:choices";

/// The namespace of this program's statement and registration UUIDs.
fn namespace() -> uuid::Uuid {
    uuid::Uuid::new_v5(&uuid::Uuid::NAMESPACE_URL, b"urn:rehearse:xapi")
}

/// The statement for one stored session.
pub fn statement(s: &Stored, home: &Home, described: &Described) -> Statement {
    let r = &s.record;
    let passed = r.total >= PASS_MARK;
    let (verb, success) = match r.mode {
        Mode::Assessment if passed => ("passed", true),
        Mode::Assessment => ("failed", false),
        Mode::Practice => ("completed", passed),
    };
    let en = |s: &str| std::iter::once(("en-US".to_string(), s.to_string())).collect::<BTreeMap<_, _>>();
    let mut context = BTreeMap::new();
    context.insert("urn:rehearse:mode", serde_json::json!(r.mode.as_str()));
    context.insert("urn:rehearse:seed", serde_json::json!(r.seed));
    context.insert("urn:rehearse:content-version", serde_json::json!(r.version));
    context.insert("urn:rehearse:outcome", serde_json::json!(r.outcome.map(|o| o.as_str())));
    context.insert("urn:rehearse:record", serde_json::json!(s.seq));
    let broken: Vec<&str> = r.verdicts.iter().filter(|v| v.verdict == Verdict::Fail).map(|v| v.rule.as_str()).collect();
    let choices: Vec<serde_json::Value> = r
        .choices
        .iter()
        .enumerate()
        .map(|(i, (option, ms))| serde_json::json!({ "turn": i + 1, "option": option, "ms": ms }))
        .collect();
    let mut result = BTreeMap::new();
    result.insert(EXT_CATEGORIES, serde_json::json!(r.categories));
    result.insert(EXT_RULES_BROKEN, serde_json::json!(broken));
    result.insert(EXT_CHOICES, serde_json::json!(choices));
    let title = if described.title.is_empty() { en(&r.scenario) } else { described.title.clone() };
    Statement {
        id: namespace_uuid(&s.mac),
        actor: Actor {
            object_type: "Agent",
            name: r.trainee.clone(),
            account: Account {
                home_page: home.as_str().to_string(),
                name: r.trainee_id.clone().unwrap_or_else(|| r.trainee.clone()),
            },
        },
        verb: Verb { id: format!("http://adlnet.gov/expapi/verbs/{verb}"), display: en(verb) },
        object: Activity {
            object_type: "Activity",
            id: format!("{}/scenarios/{}", home.as_str(), r.scenario),
            definition: Definition {
                name: title,
                description: described.summary.clone(),
                kind: "http://adlnet.gov/expapi/activities/simulation",
            },
        },
        result: XResult {
            score: Score {
                scaled: round4((r.total / 100.0).clamp(0.0, 1.0)),
                raw: r.total.clamp(0.0, 100.0),
                min: 0.0,
                max: 100.0,
            },
            success,
            completion: r.outcome.is_some(),
            duration: duration(r.finished_at - r.started_at),
            extensions: result,
        },
        context: Context {
            registration: namespace_uuid(&format!("registration:{}", s.mac)),
            platform: r.program.clone(),
            language: r.language.as_deref().and_then(crate::l10n::Lang::from_tag).map(|l| l.xapi_tag().to_string()),
            extensions: context,
        },
        timestamp: iso8601(r.finished_at),
        version: "1.0.3",
    }
}

/// Round to 4 decimal places (xAPI's `scaled`).
fn round4(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}

/// A UUID v5 of `name` in this program's namespace, as text.
fn namespace_uuid(name: &str) -> String {
    uuid::Uuid::new_v5(&namespace(), name.as_bytes()).to_string()
}

/// ISO 8601 duration of a span in milliseconds: `PT1H2M3.4S`.
pub fn duration(ms: i64) -> String {
    let ms = ms.max(0);
    let (h, m, s) = (ms / 3_600_000, ms / 60_000 % 60, (ms % 60_000) as f64 / 1000.0);
    let mut out = String::from("PT");
    if h > 0 {
        out.push_str(&format!("{h}H"));
    }
    if m > 0 {
        out.push_str(&format!("{m}M"));
    }
    out.push_str(&format!("{s}S"));
    out
}
