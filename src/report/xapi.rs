//! xAPI 1.0.3 statements for a learning-management system: one per stored session.

use serde::Serialize;

use crate::records::{Mode, Stored, iso8601};

/// The score at or above which an assessment counts as passed.
pub const PASS_MARK: f64 = 70.0;

/// An xAPI statement (the subset of 1.0.3 this program fills in).
#[derive(Debug, Clone, Serialize)]
pub struct Statement {
    /// Statement id (a UUID derived from the record's MAC, so exports are repeatable).
    pub id: String,
    /// Who.
    pub actor: Actor,
    /// What they did.
    pub verb: Verb,
    /// The scenario.
    pub object: Activity,
    /// How it went.
    pub result: XResult,
    /// Mode, seed and content version.
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
    /// The system the account belongs to.
    #[serde(rename = "homePage")]
    pub home_page: String,
    /// The trainee's name.
    pub name: String,
}

/// An xAPI verb.
#[derive(Debug, Clone, Serialize)]
pub struct Verb {
    /// ADL verb IRI.
    pub id: String,
    /// `{"en-US": "passed"}`.
    pub display: std::collections::BTreeMap<&'static str, String>,
}

/// An xAPI activity.
#[derive(Debug, Clone, Serialize)]
pub struct Activity {
    /// `Activity`.
    #[serde(rename = "objectType")]
    pub object_type: &'static str,
    /// IRI of the scenario.
    pub id: String,
    /// Name and type.
    pub definition: Definition,
}

/// An activity definition.
#[derive(Debug, Clone, Serialize)]
pub struct Definition {
    /// `{"en-US": scenario id}`.
    pub name: std::collections::BTreeMap<&'static str, String>,
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
}

/// An xAPI score.
#[derive(Debug, Clone, Serialize)]
pub struct Score {
    /// 0–1.
    pub scaled: f64,
    /// 0–100.
    pub raw: f64,
    /// 0.
    pub min: f64,
    /// 100.
    pub max: f64,
}

/// Extensions with the session's own facts.
#[derive(Debug, Clone, Serialize)]
pub struct Context {
    /// The program that scored it.
    pub platform: String,
    /// IRI-keyed extensions.
    pub extensions: std::collections::BTreeMap<&'static str, serde_json::Value>,
}

const HOME: &str = "urn:rehearse";

/// The statement for one stored session.
pub fn statement(s: &Stored) -> Statement {
    let r = &s.record;
    let passed = r.total >= PASS_MARK;
    let (verb, success) = match r.mode {
        Mode::Assessment if passed => ("passed", true),
        Mode::Assessment => ("failed", false),
        Mode::Practice => ("completed", passed),
    };
    let en = |s: String| std::iter::once(("en-US", s)).collect();
    let mut extensions = std::collections::BTreeMap::new();
    extensions.insert("urn:rehearse:mode", serde_json::json!(r.mode.as_str()));
    extensions.insert("urn:rehearse:seed", serde_json::json!(r.seed));
    extensions.insert("urn:rehearse:content-version", serde_json::json!(r.version));
    extensions.insert("urn:rehearse:outcome", serde_json::json!(r.outcome.map(|o| o.as_str())));
    extensions.insert("urn:rehearse:record", serde_json::json!(s.seq));
    Statement {
        id: uuid_from(&s.mac),
        actor: Actor {
            object_type: "Agent",
            name: r.trainee.clone(),
            account: Account { home_page: HOME.into(), name: r.trainee.clone() },
        },
        verb: Verb { id: format!("http://adlnet.gov/expapi/verbs/{verb}"), display: en(verb.to_string()) },
        object: Activity {
            object_type: "Activity",
            id: format!("{HOME}:scenario:{}", r.scenario),
            definition: Definition {
                name: en(r.scenario.clone()),
                kind: "http://adlnet.gov/expapi/activities/simulation",
            },
        },
        result: XResult {
            score: Score { scaled: (r.total / 100.0).clamp(0.0, 1.0), raw: r.total, min: 0.0, max: 100.0 },
            success,
            completion: r.outcome.is_some(),
            duration: duration(r.finished_at - r.started_at),
        },
        context: Context { platform: r.program.clone(), extensions },
        timestamp: iso8601(r.finished_at),
        version: "1.0.3",
    }
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

/// A version-8 UUID from the first 16 bytes of a hex digest.
fn uuid_from(hex: &str) -> String {
    let mut b: Vec<u8> =
        (0..16).map(|i| hex.get(i * 2..i * 2 + 2).and_then(|h| u8::from_str_radix(h, 16).ok()).unwrap_or(0)).collect();
    b[6] = (b[6] & 0x0f) | 0x80;
    b[8] = (b[8] & 0x3f) | 0x80;
    let h: String = b.iter().map(|x| format!("{x:02x}")).collect();
    format!("{}-{}-{}-{}-{}", &h[0..8], &h[8..12], &h[12..16], &h[16..20], &h[20..32])
}
