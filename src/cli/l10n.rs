//! `rehearse l10n update`: write the English templates and merge them into the translations.

use std::path::{Path, PathBuf};

use rehearse::analyze;
use rehearse::l10n::Lang;
use rehearse::l10n::check::{self, RULEBOOK_DOMAIN, po_path, template_path};
use rehearse::l10n::content::{Unit, rulebook_units, scenario_intro, scenario_units};
use rehearse::l10n::po;
use rehearse::library;

use super::Failure;

/// Translation maintenance.
#[derive(Debug, clap::Subcommand)]
pub(crate) enum L10nCommand {
    /// Write `locales/templates/*.pot` from the English and merge them into every
    /// `locales/<lang>/*.po`: new texts are added untranslated, a changed English text marks its
    /// translation fuzzy (the old English kept beside it), removed ids are dropped and listed.
    Update {
        /// Also start files for these languages where none exist yet (ro, bg, bs, zh).
        #[arg(long = "start", value_name = "LANG", value_delimiter = ',')]
        langs: Vec<String>,
    },
}

pub(crate) fn run(dir: &Path, command: &L10nCommand) -> Result<u8, Failure> {
    match command {
        L10nCommand::Update { langs } => update(dir, langs),
    }
}

fn update(dir: &Path, langs: &[String]) -> Result<u8, Failure> {
    if library::is_built_in(dir) {
        return Err(Failure::input(
            "`l10n update` writes into a scenario folder: give one with --scenarios DIR or REHEARSE_SCENARIOS",
        ));
    }
    let start: Vec<Lang> = langs
        .iter()
        .map(|l| match Lang::from_tag(l) {
            Some(Lang::En) => Err(Failure::input("English is the source language: it has no translation file")),
            Some(lang) => Ok(lang),
            None => Err(Failure::input(format!("no language `{l}`: choose ro, bg, bs or zh"))),
        })
        .collect::<Result<_, _>>()?;
    let lib = super::open_library(dir)?;
    if !lib.broken.is_empty() {
        return Err(Failure {
            message: "fix the scenario files first (`rehearse validate`): a broken file's texts cannot be listed"
                .into(),
            code: 1,
        });
    }
    let rulebook_intro =
        vec!["The rulebook: the acts replies perform and the rules every session is scored by.".to_string()];
    let mut domains: Vec<(String, Vec<Unit>, Vec<String>)> =
        vec![(RULEBOOK_DOMAIN.to_string(), rulebook_units(&lib.rulebook), rulebook_intro)];
    for e in &lib.entries {
        domains.push((
            e.scenario.id.clone(),
            scenario_units(&e.scenario, &e.rubric.rulebook),
            scenario_intro(&e.scenario),
        ));
    }
    let (policies, policy_problems) = analyze::load_policies(dir);
    if !policy_problems.is_empty() {
        return Err(Failure {
            message: format!(
                "fix the policy files first: a broken file's texts cannot be listed\n{}",
                rehearse::diag::render_all(&policy_problems).join("\n")
            ),
            code: 1,
        });
    }
    if let Some(domain) = analyze::policy_domain(&policies, dir) {
        let intro =
            vec!["The scripted advisors `rehearse analyze` plays to check that no trick scores well.".to_string()];
        domains.push((domain.id, domain.units, intro));
    }
    for (domain, units, intro) in &domains {
        write(&template_path(dir, domain), &po::write(&check::template(units, &project(domain), intro)))?;
    }
    let mut totals = (0usize, 0usize, 0usize);
    // Files that do not parse are left as they are, and named.
    let broken = lib.translations.problems();
    for problem in &broken {
        eprintln!("rehearse: {problem} (left unchanged)");
    }
    for lang in Lang::TRANSLATED {
        for (domain, units, intro) in &domains {
            let path = po_path(dir, lang, domain);
            let existing = lib.translations.get(lang, domain).map(|f| f.file);
            if existing.is_none() && (!start.contains(&lang) || path.exists()) {
                // A file that exists but does not parse is never overwritten: `validate` shows
                // where it is broken.
                continue;
            }
            let (file, report) = check::merge(units, existing.as_ref(), lang, &project(domain), intro);
            write(&path, &po::write(&file))?;
            for id in &report.changed {
                println!("{}: `{id}` changed in English: marked fuzzy", path.display());
            }
            for id in &report.removed {
                println!("{}: `{id}` is no longer in the English: removed", path.display());
            }
            totals.0 += report.added.len();
            totals.1 += report.changed.len();
            totals.2 += report.removed.len();
        }
    }
    eprintln!(
        "{} template(s) written; translations: {} text(s) added, {} marked fuzzy, {} removed",
        domains.len(),
        totals.0,
        totals.1,
        totals.2
    );
    Ok(u8::from(!broken.is_empty()))
}

fn project(domain: &str) -> String {
    format!("rehearse {domain}")
}

fn write(path: &PathBuf, text: &str) -> Result<(), Failure> {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)
            .map_err(|e| Failure::input(format!("cannot create {}: {e}", parent.display())))?;
    }
    // Written beside and renamed, so an interrupted update never leaves half a file.
    let partial = path.with_extension("po.partial");
    std::fs::write(&partial, text)
        .and_then(|()| std::fs::rename(&partial, path))
        .map_err(|e| Failure::input(format!("cannot write {}: {e}", path.display())))
}
