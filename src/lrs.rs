//! Sending xAPI statements to a Learning Record Store (xAPI 1.0.3 `POST /statements`).
//!
//! Statements go in batches, each with the version header and, when a user is given, HTTP basic
//! auth. Statements have stable ids (see [`crate::report::xapi`]), so a second send of the same
//! records stores nothing new: the LRS answers `204 No Content`, or lists only the ids it did
//! not have. A refusal stops the send with the LRS's own words; the records stay in the
//! database, and sending again after the cause is fixed picks up where it stopped.

use std::time::Duration;

use base64::Engine;
use serde::Serialize;

/// Statements per `POST`.
pub const BATCH: usize = 100;

/// The longest answer read from an LRS (a list of ids for a batch, or an error message).
const MAX_ANSWER: u64 = 1 << 20;

/// A Learning Record Store to send to.
pub struct Lrs {
    /// `…/statements`.
    statements: String,
    /// The `Authorization` header, when a user was given.
    auth: Option<String>,
    agent: ureq::Agent,
}

/// What a send did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sent {
    /// Batches posted.
    pub batches: usize,
    /// Statements the LRS stored now.
    pub stored: usize,
    /// Statements it already had (sent before).
    pub already: usize,
}

/// Why statements could not be sent. Every message names the LRS.
#[derive(Debug, thiserror::Error)]
pub enum LrsError {
    /// The URL is not an http(s) URL.
    #[error("the LRS address must start with http:// or https://, not `{0}`")]
    BadUrl(String),
    /// The request did not get an answer (no server, DNS, TLS, timeout).
    #[error("cannot reach the LRS at {url}: {detail}")]
    Unreachable {
        /// The statements URL.
        url: String,
        /// What failed.
        detail: String,
    },
    /// The LRS answered with an error status.
    #[error("the LRS at {url} refused batch {batch} with {status}: {detail}")]
    Refused {
        /// The statements URL.
        url: String,
        /// The 1-based batch.
        batch: usize,
        /// HTTP status code.
        status: u16,
        /// The LRS's own message, or what the status means.
        detail: String,
        /// What was sent before the refusal.
        before: Sent,
    },
}

impl LrsError {
    /// What was sent before the error (nothing when it happened on the first batch).
    pub fn sent_before(&self) -> Sent {
        match self {
            LrsError::Refused { before, .. } => *before,
            _ => Sent { batches: 0, stored: 0, already: 0 },
        }
    }
}

impl Lrs {
    /// An LRS by its xAPI endpoint (`https://lrs.example.org/xAPI`, with or without the final
    /// `/statements`), with basic-auth credentials when the LRS needs them.
    pub fn new(endpoint: &str, user: Option<&str>, password: Option<&str>) -> Result<Lrs, LrsError> {
        let base = endpoint.trim().trim_end_matches('/');
        if !(base.starts_with("http://") || base.starts_with("https://")) {
            return Err(LrsError::BadUrl(endpoint.to_string()));
        }
        let statements = if base.ends_with("/statements") { base.to_string() } else { format!("{base}/statements") };
        let auth = user.map(|u| {
            let pair = format!("{u}:{}", password.unwrap_or_default());
            format!("Basic {}", base64::engine::general_purpose::STANDARD.encode(pair))
        });
        let agent = ureq::Agent::config_builder()
            .timeout_global(Some(Duration::from_secs(60)))
            .http_status_as_error(false)
            .build()
            .into();
        Ok(Lrs { statements, auth, agent })
    }

    /// The statements URL.
    pub fn url(&self) -> &str {
        &self.statements
    }

    /// Send every statement, [`BATCH`] at a time, stopping at the first refusal.
    pub fn send<S: Serialize>(&self, statements: &[S]) -> Result<Sent, LrsError> {
        let mut sent = Sent { batches: 0, stored: 0, already: 0 };
        for (i, batch) in statements.chunks(BATCH).enumerate() {
            let stored = self.post(batch).map_err(|(status, detail)| match status {
                None => LrsError::Unreachable { url: self.statements.clone(), detail },
                Some(status) => {
                    LrsError::Refused { url: self.statements.clone(), batch: i + 1, status, detail, before: sent }
                }
            })?;
            sent.batches += 1;
            sent.stored += stored;
            sent.already += batch.len() - stored.min(batch.len());
        }
        Ok(sent)
    }

    /// POST one batch; the number of statements the LRS stored now, or (status, why).
    fn post<S: Serialize>(&self, batch: &[S]) -> Result<usize, (Option<u16>, String)> {
        let body = serde_json::to_string(batch).map_err(|e| (None, e.to_string()))?;
        let mut request = self
            .agent
            .post(&self.statements)
            .header("X-Experience-API-Version", "1.0.3")
            .header("Content-Type", "application/json");
        if let Some(auth) = &self.auth {
            request = request.header("Authorization", auth);
        }
        let mut answer = request.send(body).map_err(|e| (None, e.to_string()))?;
        let status = answer.status().as_u16();
        let text = answer.body_mut().with_config().limit(MAX_ANSWER).read_to_string().unwrap_or_default();
        match status {
            // The ids the LRS stored now (those it already had are not listed).
            200 => Ok(serde_json::from_str::<Vec<String>>(&text).map_or(batch.len(), |ids| ids.len())),
            204 => Ok(0),
            _ => Err((Some(status), explain(status, &text))),
        }
    }
}

/// The LRS's own message (`{"detail": …}` or the body), else what the status means.
fn explain(status: u16, body: &str) -> String {
    let detail = serde_json::from_str::<serde_json::Value>(body)
        .ok()
        .and_then(|v| v.get("detail").or_else(|| v.get("message")).cloned())
        .map(|d| match d {
            serde_json::Value::String(s) => s,
            other => other.to_string(),
        })
        .unwrap_or_else(|| body.trim().to_string());
    let meaning = match status {
        400 => "the LRS found a statement it cannot accept",
        401 | 403 => "the LRS did not accept the user and password (--user, --password)",
        404 => "no xAPI endpoint at this address (it usually ends in /xAPI)",
        409 => "the LRS holds a different statement with the same id (was the home page changed?)",
        _ => "the LRS failed",
    };
    let detail: String = detail.chars().filter(|c| !c.is_control()).take(400).collect();
    if detail.is_empty() { meaning.to_string() } else { format!("{meaning}: {detail}") }
}
