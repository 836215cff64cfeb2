//! The translations of a library: loading its PO files, checking them against the English, and
//! merging new English into them (`rehearse l10n update`).

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

use crate::diag::{Diagnostic, Position, SourceMap};
use crate::scenario::Factor;

use super::Lang;
use super::content::{Catalog, Unit, UnitKind, placeholders};
use super::po::{self, PoEntry, PoFile};

/// The folder of translations inside a library folder.
pub const LOCALES_DIR: &str = "locales";
/// The name translations of the rulebook use instead of a scenario id.
pub const RULEBOOK_DOMAIN: &str = "rulebook";
/// The name the analysis policies' translations use (`locales/<lang>/policies.po`).
pub const POLICIES_DOMAIN: &str = "policies";

/// Texts translated in one PO file beside the scenarios and the rulebook (the policies).
#[derive(Debug, Clone)]
pub struct TextDomain {
    /// The PO file's name without `.po`.
    pub id: String,
    /// Its English units.
    pub units: Vec<Unit>,
    /// Where the English is (a missing translation is reported there).
    pub source: PathBuf,
}
/// The flag that makes `msgfmt --check-format` compare `{name}` placeholders.
pub const BRACE_FORMAT: &str = "python-brace-format";

/// The path of the PO file for `domain` (a scenario id or [`RULEBOOK_DOMAIN`]) in `lang`.
pub fn po_path(library: &Path, lang: Lang, domain: &str) -> PathBuf {
    library.join(LOCALES_DIR).join(lang.code()).join(format!("{domain}.po"))
}

/// The path of the template (the English units, for new languages and tools) of `domain`.
pub fn template_path(library: &Path, domain: &str) -> PathBuf {
    library.join(LOCALES_DIR).join("templates").join(format!("{domain}.pot"))
}

/// One language's file for one scenario or the rulebook, read whole (for checks and updates).
#[derive(Debug, Clone)]
pub struct LoadedPo {
    /// Where it was read from.
    pub path: PathBuf,
    /// Its entries, with their lines, notes and comments.
    pub file: PoFile,
}

/// One translation file's text; its usable messages are parsed the first time they are needed.
#[derive(Debug)]
struct Pending {
    path: PathBuf,
    text: String,
    catalog: OnceLock<Result<Catalog, Diagnostic>>,
}

impl Pending {
    fn syntax_error(&self, e: &po::PoError) -> Diagnostic {
        Diagnostic::error(
            &self.path,
            Some(Position { line: e.line, column: e.column }),
            format!("{}; this file's translations are not used until it is fixed", e.kind),
        )
    }

    fn catalog(&self) -> &Result<Catalog, Diagnostic> {
        self.catalog.get_or_init(|| {
            po::parse_with(&self.text, po::Keep::Messages).map(Catalog::from_po).map_err(|e| self.syntax_error(&e))
        })
    }

    fn whole(&self) -> Result<LoadedPo, Diagnostic> {
        po::parse(&self.text).map(|file| LoadedPo { path: self.path.clone(), file }).map_err(|e| self.syntax_error(&e))
    }
}

/// Every translation file of a library, by (language, domain).
///
/// A file is parsed the first time its language is asked for, so loading a library costs the
/// same whatever number of languages it holds, and a session in Romanian never parses the
/// Chinese files; [`Translations::problems`] parses them all (for `validate`).
#[derive(Debug, Clone, Default)]
pub struct Translations {
    files: BTreeMap<(Lang, String), Arc<Pending>>,
}

impl Translations {
    /// The PO files of a library: `(path, text)` for each file under `locales/<lang>/`. A file
    /// that is not where a translation belongs, or cannot be read, is reported here; syntax
    /// errors are reported by [`Translations::problems`], and the language falls back to English.
    pub fn new(files: &[(PathBuf, Result<String, String>)]) -> (Translations, Vec<Diagnostic>) {
        let mut translations = Translations::default();
        let mut diagnostics = Vec::new();
        for (path, text) in files {
            let Some((lang, domain)) = lang_and_domain(path) else {
                diagnostics.push(Diagnostic::warning(
                    path,
                    None,
                    "not a translation file: expected locales/<ro|bg|bs|zh>/<scenario id or rulebook>.po",
                ));
                continue;
            };
            match text {
                Ok(text) => {
                    let pending = Pending { path: path.clone(), text: text.clone(), catalog: OnceLock::new() };
                    translations.files.insert((lang, domain), Arc::new(pending));
                }
                Err(e) => diagnostics.push(Diagnostic::error(path, None, e.clone())),
            }
        }
        (translations, diagnostics)
    }

    /// Every file's syntax errors, with line and column (parses every file not parsed yet).
    pub fn problems(&self) -> Vec<Diagnostic> {
        self.files.values().filter_map(|f| f.catalog().as_ref().err().cloned()).collect()
    }

    /// The file of `domain` in `lang` read whole, when there is one and it parses (parsed anew
    /// on each call: for checks and updates, not for play).
    pub fn get(&self, lang: Lang, domain: &str) -> Option<LoadedPo> {
        self.files.get(&(lang, domain.to_string())).and_then(|f| f.whole().ok())
    }

    /// The usable translations of `domain` in `lang` (none when there is no file or it does
    /// not parse). Parsed once, on first use.
    pub fn catalog(&self, lang: Lang, domain: &str) -> &Catalog {
        match self.files.get(&(lang, domain.to_string())).map(|f| f.catalog()) {
            Some(Ok(catalog)) => catalog,
            _ => Catalog::empty(),
        }
    }

    /// Every (language, domain) with a file.
    pub fn domains(&self) -> impl Iterator<Item = (Lang, &str)> {
        self.files.keys().map(|(l, d)| (*l, d.as_str()))
    }

    /// The languages with at least one file, English first.
    pub fn languages(&self) -> Vec<Lang> {
        let mut langs: BTreeSet<Lang> = self.files.keys().map(|(l, _)| *l).collect();
        langs.insert(Lang::En);
        langs.into_iter().collect()
    }
}

/// `locales/ro/angry_warranty.po` → (Romanian, `angry_warranty`).
fn lang_and_domain(path: &Path) -> Option<(Lang, String)> {
    let domain = path.file_name()?.to_str()?.strip_suffix(".po")?;
    let lang = Lang::from_tag(path.parent()?.file_name()?.to_str()?)?;
    (lang != Lang::En && !domain.is_empty()).then(|| (lang, domain.to_string()))
}

/// How complete one language's file is.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Coverage {
    /// Units with a usable translation.
    pub translated: usize,
    /// Units marked fuzzy or made from older English.
    pub fuzzy: usize,
    /// Units to translate.
    pub total: usize,
}

impl Coverage {
    /// Add another file's counts.
    pub fn add(&mut self, other: Coverage) {
        self.translated += other.translated;
        self.fuzzy += other.fuzzy;
        self.total += other.total;
    }

    /// Percentage translated, rounded down (100 only when complete).
    pub fn percent(&self) -> usize {
        (self.translated * 100).checked_div(self.total).unwrap_or(100)
    }
}

/// Check one language's file for one domain against the English units: missing ids (reported at
/// the English source, `source`), orphaned, fuzzy and stale entries, placeholder mismatches (in
/// the PO file). Returns the diagnostics and the coverage.
pub fn check(
    units: &[Unit],
    po: Option<&LoadedPo>,
    lang: Lang,
    source: (&Path, &SourceMap),
) -> (Vec<Diagnostic>, Coverage) {
    let mut diagnostics = Vec::new();
    let mut coverage = Coverage { total: units.len(), ..Coverage::default() };
    let (source_file, source_map) = source;
    let Some(po) = po else {
        // No file at all: one warning, not one per unit.
        if !units.is_empty() {
            diagnostics.push(Diagnostic::warning(
                source_file,
                None,
                format!(
                    "no {} translation yet ({} texts); run `rehearse l10n update` to start one",
                    lang.native_name(),
                    units.len()
                ),
            ));
        }
        return (diagnostics, coverage);
    };
    let by_id: BTreeMap<&str, &PoEntry> = po.file.entries.iter().map(|e| (e.context.as_str(), e)).collect();
    let at = |entry: &PoEntry| Some(Position { line: entry.line.max(1), column: 1 });
    for unit in units {
        let Some(entry) = by_id.get(unit.id.as_str()) else {
            diagnostics.push(Diagnostic::warning(
                source_file,
                locate(source_map, &unit.id),
                format!("`{}` has no entry in {}: it shows in English", unit.id, po.path.display()),
            ));
            continue;
        };
        if entry.translation.is_empty() {
            // Not translated yet: counted in the coverage line, not one warning per text.
            continue;
        }
        if entry.fuzzy {
            coverage.fuzzy += 1;
            diagnostics.push(Diagnostic::warning(
                &po.path,
                at(entry),
                format!("`{}` is fuzzy: check it against the English and remove the fuzzy flag; until then it shows in English", unit.id),
            ));
            continue;
        }
        if entry.source != unit.source {
            coverage.fuzzy += 1;
            diagnostics.push(Diagnostic::warning(
                &po.path,
                at(entry),
                format!(
                    "`{}` was translated from older English; run `rehearse l10n update` and review it (shows in English until then)",
                    unit.id
                ),
            ));
            continue;
        }
        let wanted = placeholders(&unit.source);
        let found = placeholders(&entry.translation);
        if wanted != found {
            let list = |s: &BTreeSet<String>| {
                if s.is_empty() {
                    "none".to_string()
                } else {
                    s.iter().map(|p| format!("{{{p}}}")).collect::<Vec<_>>().join(", ")
                }
            };
            diagnostics.push(Diagnostic::error(
                &po.path,
                at(entry),
                format!(
                    "`{}`: the translation's placeholders ({}) differ from the English ({}); it shows in English until they match",
                    unit.id,
                    list(&found),
                    list(&wanted)
                ),
            ));
            continue;
        }
        if unit.kind == UnitKind::Factor
            && let Err(e) = entry.translation.parse::<Factor>()
        {
            diagnostics.push(Diagnostic::error(
                &po.path,
                at(entry),
                format!("`{}`: {e}; the English amounts show until it is fixed", unit.id),
            ));
            continue;
        }
        coverage.translated += 1;
    }
    let known: BTreeSet<&str> = units.iter().map(|u| u.id.as_str()).collect();
    for entry in &po.file.entries {
        if !known.contains(entry.context.as_str()) {
            diagnostics.push(Diagnostic::warning(
                &po.path,
                at(entry),
                format!(
                    "`{}` is not in the English any more (orphaned); `rehearse l10n update` removes it",
                    entry.context
                ),
            ));
        }
    }
    (diagnostics, coverage)
}

/// Where a unit's text is declared in its RON file: the quoted id of a line or reply, or the
/// field named by the id's first part (`title`, `fact` → the fact's id).
fn locate(map: &SourceMap, id: &str) -> Option<Position> {
    if let Some(offset) = map.find_quoted_after(0, id) {
        return Some(map.position(offset));
    }
    let mut parts = id.split('.');
    let first = parts.next()?;
    let offset = match (first, parts.next()) {
        ("fact" | "promise" | "ending" | "rule" | "act" | "category", Some(name)) => map.find_quoted_after(0, name),
        ("cap", Some(_)) => map.find_key_after(0, "outcome_caps"),
        ("skill", _) => map.find_key_after(0, "skills"),
        ("customer", Some(field)) => map.find_key_after(map.find_key_after(0, "customer")?, field),
        _ => map.find_key_after(0, first),
    }?;
    Some(map.position(offset))
}

/// The English template of a domain, as `l10n update` writes it (`.pot`).
///
/// `intro` follows in the header comment: the scenario and its customer.
pub fn template(units: &[Unit], project: &str, intro: &[String]) -> PoFile {
    let mut header_comments =
        vec![format!("{project}: the English texts to translate. Made by `rehearse l10n update`; do not edit.")];
    header_comments.extend(intro.iter().cloned());
    PoFile {
        header: po::header("en", project),
        header_comments,
        entries: units.iter().map(|u| entry_for(u, String::new())).collect(),
    }
}

fn entry_for(unit: &Unit, translation: String) -> PoEntry {
    PoEntry {
        context: unit.id.clone(),
        source: unit.source.clone(),
        translation,
        flags: if unit.has_placeholders() { vec![BRACE_FORMAT.to_string()] } else { Vec::new() },
        notes: vec![unit.note.clone()],
        ..PoEntry::default()
    }
}

/// What `l10n update` did to one file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MergeReport {
    /// Entries added for new English (untranslated).
    pub added: Vec<String>,
    /// Entries whose English changed: marked fuzzy, the old English kept as `#| msgid`.
    pub changed: Vec<String>,
    /// Ids no longer in the English, removed from the file.
    pub removed: Vec<String>,
}

/// Merge the current English units into a language's file (or a new one): translations are
/// kept, a changed English source marks the entry fuzzy and keeps the old English beside it,
/// new units are added empty, and removed ids are dropped (and reported). Order follows the
/// English; translator comments stay.
pub fn merge(
    units: &[Unit],
    existing: Option<&PoFile>,
    lang: Lang,
    project: &str,
    intro: &[String],
) -> (PoFile, MergeReport) {
    let mut report = MergeReport::default();
    let old: BTreeMap<&str, &PoEntry> =
        existing.map(|f| f.entries.iter().map(|e| (e.context.as_str(), e)).collect()).unwrap_or_default();
    let mut entries = Vec::with_capacity(units.len());
    for unit in units {
        let mut entry = entry_for(unit, String::new());
        match old.get(unit.id.as_str()) {
            None => report.added.push(unit.id.clone()),
            Some(previous) => {
                entry.translation = previous.translation.clone();
                entry.comments = previous.comments.clone();
                entry.fuzzy = previous.fuzzy;
                entry.previous = previous.previous.clone();
                if previous.source != unit.source {
                    if !previous.translation.is_empty() {
                        entry.fuzzy = true;
                        entry.previous = Some(previous.previous.clone().unwrap_or_else(|| previous.source.clone()));
                    }
                    report.changed.push(unit.id.clone());
                } else if !entry.fuzzy {
                    entry.previous = None;
                }
            }
        }
        entries.push(entry);
    }
    let current: BTreeSet<&str> = units.iter().map(|u| u.id.as_str()).collect();
    if let Some(file) = existing {
        report.removed =
            file.entries.iter().filter(|e| !current.contains(e.context.as_str())).map(|e| e.context.clone()).collect();
    }
    // The header comment is the program's: the language, then the scenario and its customer.
    let mut header_comments = vec![format!("{project} in {}.", lang.native_name())];
    header_comments.extend(intro.iter().cloned());
    let header = existing.map_or_else(|| po::header(lang.code(), project), |file| file.header.clone());
    (PoFile { header, header_comments, entries }, report)
}
