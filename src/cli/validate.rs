//! `rehearse validate`: every problem in the given files and folders, with positions.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use rehearse::analyze;
use rehearse::diag::{Diagnostic, SourceMap};
use rehearse::library::{self, Entry, Library, RULEBOOK_FILE};

use super::Failure;

pub(crate) fn run(default_dir: &Path, paths: &[PathBuf]) -> Result<u8, Failure> {
    let paths = if paths.is_empty() { vec![default_dir.to_path_buf()] } else { paths.to_vec() };
    let mut diags = Vec::new();
    let mut coverage_lines = Vec::new();
    let mut files = 0usize;
    for path in &paths {
        if path.is_dir() {
            match Library::load(path) {
                Ok(lib) => {
                    files += 1 + lib.entries.len() + lib.broken.len();
                    diags.extend(lib.diagnostics.iter().cloned());
                    for e in &lib.entries {
                        balance(e, &mut diags);
                    }
                    let (policies, policy_problems) = analyze::load_policies(path);
                    diags.extend(policy_problems);
                    files += policies.len();
                    for policy in &policies {
                        if let Err(d) = policy.weights(&lib.rulebook) {
                            diags.extend(d);
                        }
                    }
                    let extra: Vec<_> = analyze::policy_domain(&policies, path).into_iter().collect();
                    let (found, coverage) = lib.check_translations(&extra);
                    diags.extend(found);
                    files += lib.translations.domains().count();
                    let languages = lib.translations.languages();
                    for (lang, c) in coverage.into_iter().filter(|(l, _)| languages.contains(l)) {
                        coverage_lines.push(format!(
                            "{}: {lang} ({}) {}% translated ({} of {} texts, {} fuzzy)",
                            path.display(),
                            lang.native_name(),
                            c.percent(),
                            c.translated,
                            c.total,
                            c.fuzzy
                        ));
                    }
                }
                Err(library::LibraryError::Rulebook(d)) => {
                    files += 1;
                    diags.extend(d);
                }
                Err(e) => return Err(Failure::input(e.to_string())),
            }
        } else if path.is_file() {
            files += 1;
            check_file(path, default_dir, &mut diags);
        } else {
            diags.push(Diagnostic::error(path, None, "no such file or folder"));
        }
    }
    for text in rehearse::diag::render_all(&diags) {
        println!("{text}");
    }
    for line in &coverage_lines {
        eprintln!("{line}");
    }
    let errors = diags.iter().filter(|d| d.is_error()).count();
    let warnings = diags.len() - errors;
    eprintln!("{files} file(s) checked: {errors} error(s), {warnings} warning(s)");
    Ok(u8::from(errors > 0))
}

fn check_file(path: &Path, default_dir: &Path, diags: &mut Vec<Diagnostic>) {
    let is_scenario = path.to_string_lossy().ends_with(library::SCENARIO_SUFFIX);
    if !is_scenario {
        match library::load_rulebook(path) {
            Ok((_, _, d)) | Err(d) => diags.extend(d),
        }
        return;
    }
    // A scenario is checked against the rulebook beside it, else the default one.
    let beside = path.parent().map(|p| p.join(RULEBOOK_FILE)).filter(|p| p.is_file());
    let rulebook_file = beside.unwrap_or_else(|| default_dir.join(RULEBOOK_FILE));
    let (book, map) = match library::load_rulebook(&rulebook_file) {
        Ok((book, map, _)) => (Arc::new(book), map),
        Err(d) => {
            diags.extend(d);
            return;
        }
    };
    check_scenario(path, &book, &map, diags);
}

fn check_scenario(path: &Path, book: &Arc<rehearse::rules::Rulebook>, map: &SourceMap, diags: &mut Vec<Diagnostic>) {
    match library::load_scenario(path, book, map) {
        Ok((entry, d)) => {
            diags.extend(d);
            balance(&entry, diags);
        }
        Err(b) => diags.extend(b.diagnostics),
    }
}

/// Warn when no path and no fact outcome reaches a total of 100.
fn balance(entry: &Entry, diags: &mut Vec<Diagnostic>) {
    let best = match analyze::extremes(&entry.scenario, &entry.rubric, None) {
        Ok(ex) => ex.best,
        Err(e) => {
            let message = format!("could not check that `{}` can reach 100: {e}", entry.scenario.id);
            diags.push(Diagnostic::warning(&entry.scenario.source, None, message));
            return;
        }
    };
    if best < 100.0 {
        diags.push(Diagnostic::warning(
            &entry.scenario.source,
            None,
            format!(
                "scenario `{}` cannot reach 100: the best total over every path is {:.1} (see `rehearse analyze {}`)",
                entry.scenario.id, best, entry.scenario.id
            ),
        ));
    }
}
