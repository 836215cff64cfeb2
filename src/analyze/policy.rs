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
//! (acts not listed count 0); `by_length: Longest` (or `Shortest`) then prefers the longest
//! (shortest) text among those, so a policy can be "always the longest reply" with no acts at
//! all. It picks at random among replies still equal.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::diag::{Diagnostic, SourceMap};
pub use crate::l10n::check::POLICIES_DOMAIN;
use crate::l10n::check::TextDomain;
use crate::l10n::content::{Catalog, Translated, Unit, Visit, collect_units, swap_translations};
use crate::rules::{ActSet, Rulebook};
use crate::scenario::{Scenario, suggest};

/// The file name ending of a policy file.
pub const POLICY_SUFFIX: &str = ".policy.ron";
/// The folder of policy files inside a library folder.
pub const POLICIES_DIR: &str = "policies";

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPolicy {
    name: String,
    #[serde(default)]
    description: String,
    #[serde(default)]
    prefer: BTreeMap<String, i32>,
    #[serde(default)]
    by_length: Option<Length>,
}

/// Which reply text a scripted advisor prefers, after its acts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
pub enum Length {
    /// The most characters.
    Longest,
    /// The fewest characters.
    Shortest,
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
    by_length: Option<Length>,
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
        if raw.prefer.is_empty() && raw.by_length.is_none() {
            return Err(Diagnostic::error(
                file,
                None,
                "the policy prefers nothing: give `prefer` (acts and weights), `by_length` (`Longest` or `Shortest`), or both",
            ));
        }
        Ok(Policy {
            name: raw.name,
            description: raw.description,
            file: file.to_path_buf(),
            prefer: raw.prefer.into_iter().collect(),
            by_length: raw.by_length,
            map: SourceMap::new(text),
        })
    }

    /// Its stable id, the file's name without `.policy.ron`: `always_apologise`.
    pub fn id(&self) -> String {
        let name = self.file.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        name.strip_suffix(POLICY_SUFFIX).unwrap_or(&name).to_string()
    }

    /// Calls `visit(id, text, note)` for the policy's name and description (`policy.<id>.name`,
    /// `policy.<id>.description`).
    pub fn walk_text(&mut self, visit: &mut Visit<'_>) {
        let id = self.id();
        visit(&format!("policy.{id}.name"), &mut self.name, &|| {
            "A scripted advisor the balance analysis plays (`rehearse analyze`): its short name, a column heading."
                .into()
        });
        visit(&format!("policy.{id}.description"), &mut self.description, &|| {
            format!("What the scripted advisor `{id}` does, for trainers reading the analysis.")
        });
    }

    /// The policy's weight for every act of `book` (index = act), or one diagnostic per act the
    /// rulebook does not know, at its position and with a suggestion.
    pub fn weights(&self, book: &Rulebook) -> Result<Strategy, Vec<Diagnostic>> {
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
        if problems.is_empty() { Ok(Strategy { weights, by_length: self.by_length }) } else { Err(problems) }
    }
}

/// A policy resolved against a rulebook: one weight per act, then a length preference.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Strategy {
    weights: Vec<i32>,
    by_length: Option<Length>,
}

impl Strategy {
    /// A strategy that only looks at the length of the replies.
    pub fn by_length(length: Length) -> Strategy {
        Strategy { weights: Vec::new(), by_length: Some(length) }
    }

    /// The score of a reply performing `acts`.
    pub fn score(&self, acts: ActSet) -> i32 {
        acts.iter().filter_map(|a| self.weights.get(usize::from(a))).sum()
    }

    /// Narrow `options` (reply indices of node `node`) to the replies this advisor likes best.
    pub fn keep_favourites(&self, s: &Scenario, facts: &[i64], node: usize, options: &mut Vec<usize>) {
        let replies = &s.nodes[node].replies;
        let top = options.iter().map(|&r| self.score(replies[r].acts)).max().unwrap_or(0);
        options.retain(|&r| self.score(replies[r].acts) == top);
        if let Some(length) = self.by_length {
            let len = |r: usize| s.fill(&replies[r].text, facts).chars().count();
            let want = match length {
                Length::Longest => options.iter().map(|&r| len(r)).max(),
                Length::Shortest => options.iter().map(|&r| len(r)).min(),
            };
            options.retain(|&r| Some(len(r)) == want);
        }
    }
}

/// The translatable units of a library's policies (the [`POLICIES_DOMAIN`]), in file order.
pub fn policy_units(policies: &[Policy]) -> Vec<Unit> {
    let mut copies = policies.to_vec();
    collect_units(|visit| copies.iter_mut().for_each(|p| p.walk_text(visit)))
}

/// The policies with their names and descriptions from `catalog` (English where missing).
pub fn translate_policies(policies: &[Policy], catalog: &Catalog) -> Translated<Vec<Policy>> {
    let mut value = policies.to_vec();
    let fallbacks = swap_translations(catalog, |visit| value.iter_mut().for_each(|p| p.walk_text(visit)));
    Translated { value, fallbacks }
}

/// Every policy of a library folder's `policies/`, and the diagnostics of the files that cannot
/// be read or parsed.
pub fn load_policies(library: &Path) -> (Vec<Policy>, Vec<Diagnostic>) {
    load_policy_files(&policy_files(&library.join(POLICIES_DIR)))
}

/// The policies of `files`, and the diagnostics of those that cannot be read or parsed.
pub fn load_policy_files(files: &[PathBuf]) -> (Vec<Policy>, Vec<Diagnostic>) {
    let mut policies = Vec::new();
    let mut problems = Vec::new();
    for file in files {
        match Policy::load(file) {
            Ok(policy) => policies.push(policy),
            Err(d) => problems.push(d),
        }
    }
    (policies, problems)
}

/// The policies' texts as a translation domain of the library in `library` (none without
/// policies).
pub fn policy_domain(policies: &[Policy], library: &Path) -> Option<TextDomain> {
    (!policies.is_empty()).then(|| TextDomain {
        id: POLICIES_DOMAIN.to_string(),
        units: policy_units(policies),
        source: library.join(POLICIES_DIR),
    })
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
