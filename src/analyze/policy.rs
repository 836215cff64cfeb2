//! Scripted advisors for balance analysis: a [`Policy`] written in RON prefers some acts
//! (a "yes to everything" advisor, a "flat no" advisor) and is played many times to see how it
//! scores.
//!
//! ```ron
//! (
//!     name: "Yes to everything",
//!     description: "Promises what is asked and books the job at once.",
//!     prefer: {"Overpromise": 3, "CaveIn": 3, "BookWork": 2, "FlatNo": -3},
//! )
//! ```
//!
//! At each turn the advisor takes the offered reply whose acts add up to the highest score
//! (acts not listed count 0) and picks at random among equally good replies.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::diag::{Diagnostic, SourceMap};
use crate::rules::{ActSet, Rulebook};
use crate::scenario::suggest;

/// The file name ending of a policy file.
pub const POLICY_SUFFIX: &str = ".policy.ron";

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPolicy {
    name: String,
    #[serde(default)]
    description: String,
    prefer: BTreeMap<String, i32>,
}

/// A scripted advisor: how much it likes each act.
#[derive(Debug, Clone)]
pub struct Policy {
    /// Shown in reports.
    pub name: String,
    /// What kind of advisor it plays.
    pub description: String,
    /// The file it was read from.
    pub file: PathBuf,
    prefer: Vec<(String, i32)>,
    map: SourceMap,
}

impl Policy {
    /// Read and parse a policy file. Acts are checked against a rulebook by [`Policy::weights`].
    pub fn load(file: &Path) -> Result<Policy, Diagnostic> {
        let text = std::fs::read_to_string(file)
            .map_err(|e| Diagnostic::error(file, None, format!("cannot read the policy file: {e}")))?;
        Policy::parse(file, &text)
    }

    /// Parse a policy's text (read from `file`).
    pub fn parse(file: &Path, text: &str) -> Result<Policy, Diagnostic> {
        let raw: RawPolicy = crate::ronfile::parse(file, text)?;
        if raw.prefer.is_empty() {
            return Err(Diagnostic::error(file, None, "`prefer` is empty: name at least one act and its weight"));
        }
        Ok(Policy {
            name: raw.name,
            description: raw.description,
            file: file.to_path_buf(),
            prefer: raw.prefer.into_iter().collect(),
            map: SourceMap::new(text),
        })
    }

    /// The policy's weight for every act of `book` (index = act), or one diagnostic per act the
    /// rulebook does not know, at its position and with a suggestion.
    pub fn weights(&self, book: &Rulebook) -> Result<ActWeights, Vec<Diagnostic>> {
        let mut weights = vec![0i32; book.acts.len()];
        let mut problems = Vec::new();
        let known: Vec<&str> = book.acts.iter().map(|a| a.id.as_str()).collect();
        for (act, w) in &self.prefer {
            match book.act(act) {
                Some(i) => weights[usize::from(i)] = *w,
                None => {
                    let at = self.map.find_quoted_after(0, act).map(|o| self.map.position(o));
                    let message = format!("unknown act `{act}`{}", suggest(act, &known));
                    problems.push(Diagnostic::error(&self.file, at, message));
                }
            }
        }
        if problems.is_empty() { Ok(ActWeights(weights)) } else { Err(problems) }
    }
}

/// A policy resolved against a rulebook: one weight per act.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActWeights(Vec<i32>);

impl ActWeights {
    /// The score of a reply performing `acts`.
    pub fn score(&self, acts: ActSet) -> i32 {
        acts.iter().filter_map(|a| self.0.get(usize::from(a))).sum()
    }
}

/// Every `*.policy.ron` file in `dir`, sorted by name (none when the folder does not exist).
pub fn policy_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|rd| {
            rd.filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.ends_with(POLICY_SUFFIX)))
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    files
}
