//! rehearse: role-play scenarios for customer-facing staff, scored against practice rules.
//!
//! The core is plain Rust with no game-engine types. Data flows one way:
//!
//! ```text
//! RON files ──load/validate──▶ Scenario + Rulebook ──▶ Session (engine) ──▶ Transcript
//!     ──▶ Rubric/Scorecard (score) ──▶ debrief / JSON (report)
//! ```
//!
//! See `ARCHITECTURE.md` for the module map and the invariants each stage keeps.
#![warn(missing_docs)]

pub mod analyze;
pub mod authoring;
pub mod cond;
pub mod diag;
pub mod engine;
#[cfg(feature = "gui")]
pub mod game;
pub mod l10n;
pub mod library;
pub mod lrs;
pub mod paths;
pub mod records;
pub mod report;
mod ronfile;
pub mod rules;
pub mod scenario;
pub mod score;
pub mod text;
