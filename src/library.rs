//! The scenario library: a folder with one `rulebook.ron` and any number of `*.scenario.ron`.
//!
//! Loading never stops at the first bad file: every file is read, every problem is kept as a
//! [`Diagnostic`], and the scenarios that are valid stay playable beside the ones that are not.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::diag::{Diagnostic, SourceMap};
use crate::l10n::Lang;
use crate::l10n::check::{
    self as l10n_check, Coverage, LOCALES_DIR, POLICIES_DOMAIN, RULEBOOK_DOMAIN, TextDomain, Translations,
};
use crate::l10n::content::{Catalog, rulebook_units, scenario_units, translate_rulebook, translate_scenario};
use crate::l10n::po::MAX_PO_BYTES;
use crate::rules::Rulebook;
use crate::scenario::Scenario;
use crate::score::Rubric;

/// The rulebook's file name inside a library folder.
pub const RULEBOOK_FILE: &str = "rulebook.ron";
/// The ending of scenario file names.
pub const SCENARIO_SUFFIX: &str = ".scenario.ron";

/// A playable scenario with the rubric it is scored by.
#[derive(Debug, Clone)]
pub struct Entry {
    /// The scenario.
    pub scenario: Arc<Scenario>,
    /// The rulebook compiled for it.
    pub rubric: Arc<Rubric>,
    /// The scenario file's text, as validated.
    pub text: Arc<str>,
}

impl Entry {
    /// The content hash of the versions played: the scenario's text and its rulebook's text.
    /// Two entries with the same version score every session identically.
    pub fn version(&self) -> String {
        content_hash(&self.text, &self.rubric.rulebook.text)
    }
}

/// Content hash (BLAKE3, 128 bits as 32 hex digits) of a scenario text and a rulebook text.
pub fn content_hash(scenario: &str, rulebook: &str) -> String {
    let mut h = blake3::Hasher::new();
    for part in [scenario, rulebook] {
        h.update(&(part.len() as u64).to_le_bytes());
        h.update(part.as_bytes());
    }
    h.finalize().to_hex()[..32].to_string()
}

/// A scenario file that failed validation.
#[derive(Debug, Clone)]
pub struct Broken {
    /// The file.
    pub file: PathBuf,
    /// Its id, when the file parsed far enough to have one.
    pub id: Option<String>,
    /// The ids of its facts, when it parsed.
    pub facts: Option<Vec<String>>,
    /// Its errors.
    pub diagnostics: Vec<Diagnostic>,
}

/// A loaded library.
#[derive(Debug, Clone)]
pub struct Library {
    /// The folder.
    pub dir: PathBuf,
    /// The rulebook.
    pub rulebook: Arc<Rulebook>,
    /// Valid scenarios, sorted by id.
    pub entries: Vec<Entry>,
    /// Scenario files with errors.
    pub broken: Vec<Broken>,
    /// Every diagnostic, warnings included, in file order.
    pub diagnostics: Vec<Diagnostic>,
    /// The translations under `locales/`, by language and scenario.
    pub translations: Translations,
}

/// A scenario ready to play in one language: the entry with its scenario and rulebook text
/// translated (same graph, same rubric), and what fell back to English.
#[derive(Debug, Clone)]
pub struct Localized {
    /// The translated entry; its `text` and [`Entry::version`] stay the English ones.
    pub entry: Entry,
    /// The language.
    pub lang: Lang,
    /// Ids of the scenario's and rulebook's texts shown in English (missing, fuzzy, stale).
    pub fallbacks: std::collections::BTreeSet<String>,
}

/// Why a library or scenario could not be used at all.
#[derive(Debug, thiserror::Error)]
pub enum LibraryError {
    /// The rulebook is missing or invalid, so nothing can be scored.
    #[error("the rulebook cannot be used:\n{}", list(.0))]
    Rulebook(Vec<Diagnostic>),
    /// The folder cannot be read.
    #[error("cannot read the scenario folder {}: {source}", .dir.display())]
    Folder {
        /// The folder.
        dir: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
    /// No scenario has this id and no such file exists.
    #[error("no scenario `{wanted}`; available: {}", if .available.is_empty() { "none".to_string() } else { .available.join(", ") })]
    Unknown {
        /// What was asked for.
        wanted: String,
        /// The ids that exist.
        available: Vec<String>,
    },
    /// The scenario file has errors.
    #[error("{} has errors:\n{}", .file.display(), list(.diagnostics))]
    Invalid {
        /// The file.
        file: PathBuf,
        /// Its diagnostics.
        diagnostics: Vec<Diagnostic>,
    },
}

fn list(d: &[Diagnostic]) -> String {
    d.iter().map(|d| format!("  {d}")).collect::<Vec<_>>().join("\n")
}

mod shipped {
    include!(concat!(env!("OUT_DIR"), "/shipped.rs"));
}

/// The name that stands for the library compiled into the binary, where a folder would be.
pub const BUILT_IN: &str = "(built-in library)";

/// The scenario folder to use: `$REHEARSE_SCENARIOS`, else `./scenarios`, else `scenarios` in
/// the data folder, when either has a rulebook; else the library compiled into the binary
/// ([`BUILT_IN`]), so a copied binary plays from any folder.
pub fn default_dir() -> PathBuf {
    if let Some(dir) = std::env::var_os("REHEARSE_SCENARIOS") {
        return PathBuf::from(dir);
    }
    [PathBuf::from("scenarios"), crate::paths::data_dir().join("scenarios")]
        .into_iter()
        .find(|dir| dir.join(RULEBOOK_FILE).is_file())
        .unwrap_or_else(|| PathBuf::from(BUILT_IN))
}

/// True for the name of the built-in library.
pub fn is_built_in(dir: &Path) -> bool {
    dir == Path::new(BUILT_IN)
}

fn read(file: &Path) -> Result<String, Diagnostic> {
    std::fs::read_to_string(file).map_err(|e| Diagnostic::error(file, None, format!("cannot read the file: {e}")))
}

/// Load and validate a rulebook file.
pub fn load_rulebook(file: &Path) -> Result<(Rulebook, SourceMap, Vec<Diagnostic>), Vec<Diagnostic>> {
    let text = read(file).map_err(|d| vec![d])?;
    rulebook_from_text(file, &text)
}

/// Validate a rulebook's text (read from `file`).
pub fn rulebook_from_text(file: &Path, text: &str) -> Result<(Rulebook, SourceMap, Vec<Diagnostic>), Vec<Diagnostic>> {
    match crate::rules::load(file, text) {
        (Some(book), diags) => Ok((book, SourceMap::new(text), diags)),
        (None, diags) => Err(diags),
    }
}

/// Load one scenario file against a rulebook, compiling its rubric.
pub fn load_scenario(
    file: &Path,
    rulebook: &Arc<Rulebook>,
    rulebook_map: &SourceMap,
) -> Result<(Entry, Vec<Diagnostic>), Broken> {
    let text =
        read(file).map_err(|d| Broken { file: file.to_path_buf(), id: None, facts: None, diagnostics: vec![d] })?;
    scenario_from_text(file, &text, rulebook, rulebook_map)
}

/// Validate a scenario's text (read from `file`) against a rulebook, compiling its rubric.
pub fn scenario_from_text(
    file: &Path,
    text: &str,
    rulebook: &Arc<Rulebook>,
    rulebook_map: &SourceMap,
) -> Result<(Entry, Vec<Diagnostic>), Broken> {
    let (scenario, mut diags) = crate::scenario::load(file, text, rulebook);
    let Some(scenario) = scenario else {
        let raw = crate::scenario::parse_raw(file, text).ok();
        let facts = raw.as_ref().map(|r| r.facts.iter().map(|f| f.id.clone()).collect());
        return Err(Broken { file: file.to_path_buf(), id: raw.map(|r| r.id), facts, diagnostics: diags });
    };
    let (rubric, problems) = Rubric::new(rulebook.clone(), &scenario);
    for (rule, p) in problems {
        let anchor = rulebook_map.find_field("id", &rule, 0);
        let at = p.needle.and_then(|n| rulebook_map.find_quoted_after(anchor.unwrap_or(0), &n)).or(anchor);
        diags.push(Diagnostic::error(
            &rulebook.source,
            at.map(|o| rulebook_map.position(o)),
            format!("rule `{rule}` in scenario `{}`: {}", scenario.id, p.message),
        ));
    }
    if crate::diag::has_errors(&diags) {
        let facts = Some(scenario.facts.iter().map(|f| f.id.clone()).collect());
        return Err(Broken { file: file.to_path_buf(), id: Some(scenario.id.clone()), facts, diagnostics: diags });
    }
    Ok((Entry { scenario: Arc::new(scenario), rubric: Arc::new(rubric), text: text.into() }, diags))
}

/// The scenario files of a folder, sorted by name.
pub fn scenario_files(dir: &Path) -> Result<Vec<PathBuf>, LibraryError> {
    let read = std::fs::read_dir(dir).map_err(|source| LibraryError::Folder { dir: dir.to_path_buf(), source })?;
    let mut files: Vec<PathBuf> = read
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.ends_with(SCENARIO_SUFFIX)))
        .collect();
    files.sort();
    Ok(files)
}

/// The text of a library's files, as read from disk or held by the game's asset server.
#[derive(Debug, Clone)]
pub struct Sources {
    /// The folder they belong to.
    pub dir: PathBuf,
    /// The rulebook's text, or why it could not be read.
    pub rulebook: Result<String, String>,
    /// Each scenario file with its text, or why it could not be read.
    pub scenarios: Vec<(PathBuf, Result<String, String>)>,
    /// Each translation file (`locales/<lang>/<id>.po`) with its text, or why it could not be read.
    pub translations: Vec<(PathBuf, Result<String, String>)>,
}

impl Sources {
    /// The library compiled into the binary.
    pub fn built_in() -> Sources {
        let dir = PathBuf::from(BUILT_IN);
        let text = |name: &str| shipped::SHIPPED.iter().find(|(n, _)| *n == name).map(|(_, t)| t.to_string());
        let shipped = |suffix: &str| -> Vec<(PathBuf, Result<String, String>)> {
            shipped::SHIPPED
                .iter()
                .filter(|(name, _)| name.ends_with(suffix))
                .map(|(name, text)| (dir.join(name), Ok(text.to_string())))
                .collect()
        };
        Sources {
            rulebook: text(RULEBOOK_FILE).ok_or_else(|| "no rulebook was built in".to_string()),
            scenarios: shipped(SCENARIO_SUFFIX),
            translations: shipped(".po"),
            dir,
        }
    }

    /// Read a folder's rulebook and scenario files ([`BUILT_IN`]: the built-in library).
    pub fn read(dir: &Path) -> Result<Sources, LibraryError> {
        if is_built_in(dir) {
            return Ok(Sources::built_in());
        }
        let files = scenario_files(dir)?;
        let rulebook =
            std::fs::read_to_string(dir.join(RULEBOOK_FILE)).map_err(|e| format!("cannot read the file: {e}"));
        let scenarios = files
            .into_iter()
            .map(|f| {
                let text = std::fs::read_to_string(&f).map_err(|e| format!("cannot read the file: {e}"));
                (f, text)
            })
            .collect();
        Ok(Sources { dir: dir.to_path_buf(), rulebook, scenarios, translations: translation_files(dir) })
    }
}

/// The translation files of a library folder: every `locales/<lang>/*.po` (templates aside),
/// sorted. No `locales` folder: none.
pub fn translation_paths(dir: &Path) -> Vec<PathBuf> {
    let list = |dir: &Path| -> Vec<PathBuf> {
        let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
            .map(|read| read.filter_map(Result::ok).map(|e| e.path()).collect())
            .unwrap_or_default();
        paths.sort();
        paths
    };
    let mut files = Vec::new();
    for lang in list(&dir.join(LOCALES_DIR)).into_iter().filter(|p| p.is_dir()) {
        if lang.file_name().is_some_and(|n| n == "templates") {
            continue;
        }
        files.extend(list(&lang).into_iter().filter(|p| p.extension().is_some_and(|e| e == "po") && p.is_file()));
    }
    files
}

/// Every translation file of a library folder with its text (a file over [`MAX_PO_BYTES`] is
/// refused unread).
fn translation_files(dir: &Path) -> Vec<(PathBuf, Result<String, String>)> {
    translation_paths(dir)
        .into_iter()
        .map(|file| {
            let text = match std::fs::metadata(&file) {
                Ok(m) if m.len() > MAX_PO_BYTES => Err(format!("the file is larger than {} MiB", MAX_PO_BYTES >> 20)),
                _ => std::fs::read_to_string(&file).map_err(|e| format!("cannot read the file: {e}")),
            };
            (file, text)
        })
        .collect()
}

impl Library {
    /// Load every scenario of a folder.
    pub fn load(dir: &Path) -> Result<Library, LibraryError> {
        Library::from_sources(&Sources::read(dir)?)
    }

    /// Validate a library held in memory.
    pub fn from_sources(sources: &Sources) -> Result<Library, LibraryError> {
        let dir = sources.dir.as_path();
        let book_file = dir.join(RULEBOOK_FILE);
        let (book, map, mut diagnostics) = match &sources.rulebook {
            Ok(text) => rulebook_from_text(&book_file, text),
            Err(e) => Err(vec![Diagnostic::error(&book_file, None, e.clone())]),
        }
        .map_err(LibraryError::Rulebook)?;
        let rulebook = Arc::new(book);
        let mut entries: Vec<Entry> = Vec::new();
        let mut broken = Vec::new();
        for (file, text) in &sources.scenarios {
            let file = file.clone();
            let loaded = match text {
                Ok(text) => scenario_from_text(&file, text, &rulebook, &map),
                Err(e) => Err(Broken {
                    file: file.clone(),
                    id: None,
                    facts: None,
                    diagnostics: vec![Diagnostic::error(&file, None, e.clone())],
                }),
            };
            match loaded {
                Ok((entry, diags)) => {
                    diagnostics.extend(diags);
                    let reserved = [RULEBOOK_DOMAIN, POLICIES_DOMAIN].contains(&entry.scenario.id.as_str());
                    if reserved {
                        // Its translations would share a PO file with the rulebook's or the policies'.
                        let d = Diagnostic::error(
                            &file,
                            None,
                            format!("scenario id `{}` is reserved: choose another", entry.scenario.id),
                        );
                        diagnostics.push(d.clone());
                        broken.push(Broken {
                            file,
                            id: Some(entry.scenario.id.clone()),
                            facts: None,
                            diagnostics: vec![d],
                        });
                    } else if let Some(first) = entries.iter().find(|e| e.scenario.id == entry.scenario.id) {
                        let d = Diagnostic::error(
                            &file,
                            None,
                            format!(
                                "scenario id `{}` is already used by {}",
                                entry.scenario.id,
                                first.scenario.source.display()
                            ),
                        );
                        diagnostics.push(d.clone());
                        let facts = Some(entry.scenario.facts.iter().map(|f| f.id.clone()).collect());
                        broken.push(Broken { file, id: Some(entry.scenario.id.clone()), facts, diagnostics: vec![d] });
                    } else {
                        entries.push(entry);
                    }
                }
                Err(b) => {
                    diagnostics.extend(b.diagnostics.iter().cloned());
                    broken.push(b);
                }
            }
        }
        entries.sort_by(|a, b| a.scenario.id.cmp(&b.scenario.id));
        let (translations, translation_diagnostics) = Translations::new(&sources.translations);
        diagnostics.extend(translation_diagnostics);
        let mut lib = Library { dir: dir.to_path_buf(), rulebook, entries, broken, diagnostics, translations };
        lib.check_rule_facts(&map);
        Ok(lib)
    }

    /// This library, with every scenario that is now broken but was valid in `previous` kept at
    /// its last good version (matched by file). The broken file stays listed with its errors.
    pub fn keep_last_good(mut self, previous: &Library) -> Library {
        for b in &self.broken {
            let playable = self.entries.iter().any(|e| e.scenario.source == b.file);
            if let (false, Some(old)) = (playable, previous.entries.iter().find(|e| e.scenario.source == b.file)) {
                let clash = self.entries.iter().any(|e| e.scenario.id == old.scenario.id);
                if !clash {
                    self.entries.push(old.clone());
                }
            }
        }
        self.entries.sort_by(|a, b| a.scenario.id.cmp(&b.scenario.id));
        self
    }

    /// True when the scenario from `file` plays an older version because the file has errors.
    pub fn is_stale(&self, file: &Path) -> bool {
        self.broken.iter().any(|b| b.file == file) && self.entries.iter().any(|e| e.scenario.source == file)
    }

    /// A rulebook rule that names a fact no scenario defines can never apply: report it.
    fn check_rule_facts(&mut self, map: &SourceMap) {
        // A scenario that did not even parse may define it: say nothing until it does.
        if self.broken.iter().any(|b| b.facts.is_none()) || (self.entries.is_empty() && self.broken.is_empty()) {
            return;
        }
        let defined = |name: &str| {
            self.entries.iter().any(|e| e.scenario.facts.iter().any(|f| f.id == name))
                || self.broken.iter().any(|b| b.facts.as_ref().is_some_and(|fs| fs.iter().any(|f| f == name)))
        };
        let mut found = Vec::new();
        for rule in &self.rulebook.rules {
            let mut names = Vec::new();
            if let Some(c) = &rule.applies {
                c.fact_ids(&mut names);
            }
            for name in names.into_iter().filter(|n| !defined(n)) {
                let anchor = map.find_field("id", &rule.id, 0).unwrap_or(0);
                let at = map.find_quoted_after(anchor, &name).map(|o| map.position(o));
                found.push(Diagnostic::error(
                    &self.rulebook.source,
                    at,
                    format!(
                        "rule `{}` names unknown fact `{name}`: no scenario in {} defines it",
                        rule.id,
                        self.dir.display()
                    ),
                ));
            }
        }
        self.diagnostics.extend(found);
    }

    /// `entry` in `lang`: its scenario and the rulebook with every usable translation, the rest
    /// in English (listed in `fallbacks`). English returns the entry as it is.
    pub fn localized(&self, entry: &Entry, lang: Lang) -> Localized {
        if lang == Lang::En {
            return Localized { entry: entry.clone(), lang, fallbacks: Default::default() };
        }
        let scenario = translate_scenario(&entry.scenario, self.translations.catalog(lang, &entry.scenario.id));
        let book = translate_rulebook(&entry.rubric.rulebook, self.translations.catalog(lang, RULEBOOK_DOMAIN));
        let mut rubric = (*entry.rubric).clone();
        rubric.rulebook = Arc::new(book.value);
        let mut fallbacks = scenario.fallbacks;
        fallbacks.extend(book.fallbacks);
        Localized {
            entry: Entry { scenario: Arc::new(scenario.value), rubric: Arc::new(rubric), text: entry.text.clone() },
            lang,
            fallbacks,
        }
    }

    /// The rulebook in `lang` (English where a text is not translated).
    pub fn rulebook_in(&self, lang: Lang) -> Rulebook {
        if lang == Lang::En {
            return (*self.rulebook).clone();
        }
        translate_rulebook(&self.rulebook, self.translations.catalog(lang, RULEBOOK_DOMAIN)).value
    }

    /// Check every translation against the English: missing, orphaned, fuzzy and stale entries
    /// and placeholder mismatches, with file:line:column, and each language's coverage of the
    /// scenarios, the rulebook and `extra` domains (the analysis policies). A language without
    /// any file has coverage 0 and no diagnostics.
    pub fn check_translations(&self, extra: &[TextDomain]) -> (Vec<Diagnostic>, Vec<(Lang, Coverage)>) {
        let mut diagnostics = self.translations.problems();
        let mut coverage = Vec::new();
        // The English units and source positions, listed once for all languages.
        let mut domains: Vec<(String, Vec<_>, &Path, SourceMap)> = vec![(
            RULEBOOK_DOMAIN.to_string(),
            rulebook_units(&self.rulebook),
            self.rulebook.source.as_path(),
            SourceMap::new(&self.rulebook.text),
        )];
        for e in &self.entries {
            let units = scenario_units(&e.scenario, &e.rubric.rulebook);
            domains.push((e.scenario.id.clone(), units, e.scenario.source.as_path(), SourceMap::new(&e.text)));
        }
        for d in extra {
            domains.push((d.id.clone(), d.units.clone(), d.source.as_path(), SourceMap::new("")));
        }
        for lang in Lang::TRANSLATED {
            let mut total = Coverage::default();
            for (domain, units, file, map) in &domains {
                let po = self.translations.get(lang, domain);
                if po.is_none() {
                    total.add(Coverage { total: units.len(), ..Coverage::default() });
                    continue;
                }
                let (found, counted) = l10n_check::check(units, po.as_ref(), lang, (file, map));
                diagnostics.extend(found);
                total.add(counted);
            }
            for (l, domain) in self.translations.domains() {
                if l == lang
                    && !domains.iter().any(|(d, ..)| d == domain)
                    && let Some(po) = self.translations.get(lang, domain)
                {
                    diagnostics.push(Diagnostic::warning(
                        &po.path,
                        None,
                        format!("no scenario `{domain}` in this library: the file is not used"),
                    ));
                }
            }
            coverage.push((lang, total));
        }
        (diagnostics, coverage)
    }

    /// The usable translations of a scenario (or [`RULEBOOK_DOMAIN`]) in `lang`.
    pub fn catalog(&self, lang: Lang, domain: &str) -> &Catalog {
        self.translations.catalog(lang, domain)
    }

    /// Find a scenario by id, or load it from a path.
    pub fn find(&self, wanted: &str) -> Result<Entry, LibraryError> {
        if let Some(e) = self.entries.iter().find(|e| e.scenario.id == wanted) {
            return Ok(e.clone());
        }
        if let Some(b) = self.broken.iter().find(|b| b.id.as_deref() == Some(wanted)) {
            return Err(LibraryError::Invalid { file: b.file.clone(), diagnostics: b.diagnostics.clone() });
        }
        let path = Path::new(wanted);
        if path.is_file() {
            // The text the rulebook was loaded from (the built-in library has no file to read again).
            let map = SourceMap::new(&self.rulebook.text);
            return load_scenario(path, &self.rulebook, &map)
                .map(|(e, _)| e)
                .map_err(|b| LibraryError::Invalid { file: b.file, diagnostics: b.diagnostics });
        }
        Err(LibraryError::Unknown {
            wanted: wanted.to_string(),
            available: self.entries.iter().map(|e| e.scenario.id.clone()).collect(),
        })
    }
}
