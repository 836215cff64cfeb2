//! What trainers and managers read, in their language: the balance analysis, the trainer's
//! commands, the terminal debrief, the HTML report and the xAPI export.

mod common;

use std::path::Path;

use rehearse::analyze;
use rehearse::l10n::{Lang, Messages};
use rehearse::library::Library;

/// A trainer reads the balance analysis in their language: labels, the policies' names and
/// descriptions, the rule families and the problems `--check` finds; `--json` stays English.
#[test]
fn the_balance_analysis_speaks_the_chosen_language() {
    let lib = Library::load(&common::scenarios_dir()).unwrap();
    let (policies, _) = analyze::load_policies(&lib.dir);
    for lang in Lang::ALL {
        let msg = Messages::new(lang);
        let run = common::rehearse(&["--lang", lang.code(), "analyze", "angry_warranty", "--runs", "500", "--check"]);
        assert_eq!(run.code, 0, "{lang}: {}{}", run.stdout, run.stderr);
        for label in ["analyze-label-best-path", "analyze-label-longest", "analyze-label-balance"] {
            assert!(run.stdout.contains(&msg.get(label)), "{lang}: {label} in\n{}", run.stdout);
        }
        let translated = analyze::translate_policies(&policies, lib.catalog(lang, analyze::POLICIES_DOMAIN)).value;
        for policy in &translated {
            assert!(run.stdout.contains(&policy.name), "{lang}: {} in\n{}", policy.name, run.stdout);
            assert!(run.stdout.contains(&policy.description), "{lang}: {}", policy.description);
        }
        for category in &lib.rulebook_in(lang).categories {
            assert!(run.stdout.contains(&category.title), "{lang}: {} in\n{}", category.title, run.stdout);
        }
        if lang != Lang::En {
            for english in ["best reply longest", "Always apologise", "each family failing", "Listening"] {
                assert!(!run.stdout.contains(english), "{lang}: `{english}` left in English:\n{}", run.stdout);
            }
        }
        // JSON is for scripts: the same keys and English names in every language.
        let json = common::rehearse(&["--lang", lang.code(), "analyze", "angry_warranty", "--runs", "20", "--json"]);
        let value: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
        let names: Vec<&str> =
            value["policies"].as_array().unwrap().iter().filter_map(|p| p["name"].as_str()).collect();
        let english: Vec<&str> = policies.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, english, "{lang}");
    }
    // The table over every scenario: policies and families in the language.
    let table = common::rehearse(&["--lang", "bg", "analyze", "--runs", "10"]);
    assert_eq!(table.code, 0, "{}", table.stderr);
    let bg_policies = analyze::translate_policies(&policies, lib.catalog(Lang::Bg, analyze::POLICIES_DOMAIN)).value;
    let header = table.stdout.lines().next().unwrap_or_default();
    for policy in &bg_policies {
        assert!(header.contains(&policy.name), "{} in {header}", policy.name);
    }
    for category in &lib.rulebook_in(Lang::Bg).categories {
        assert!(table.stdout.contains(&format!("{}: ", category.title)), "{}:\n{}", category.title, table.stdout);
    }
}

/// Every balance problem `analyze --check` can report reads in every language: the message
/// exists there, names the family and the policy as the report does, and leaves no English.
#[test]
fn every_balance_problem_reads_in_every_language() {
    use analyze::BalanceProblem as P;
    let problems = [
        P::BestBelow100 { best: 97.5 },
        P::RandomTooHigh { mean: 55.5 },
        P::PolicyTooHigh { policy: "Always apologise".into(), mean: 44.5 },
        P::CappedTooHigh { total: 72.5 },
        P::LongestTooOften { longest: 9, decisions: 20 },
        P::WeakCorrelation { correlation: 0.41 },
        P::NoVariation,
        P::FamilyCannotFailAlone { category: "listening".into(), closest: vec![2, 1, 3] },
    ];
    let english: Vec<String> = problems.iter().map(ToString::to_string).collect();
    assert!(
        english[2].contains("Always apologise") && english[7].contains("listening") && english[7].contains("2,1,3")
    );
    for lang in Lang::TRANSLATED {
        let msg = Messages::new(lang);
        for id in ["analyze-problem-best", "analyze-problem-family", "analyze-problem-no-variation"] {
            assert!(msg.has_own(id), "{lang}: {id}");
        }
        let family = |_: &str| format!("<family in {lang}>");
        let policy = |_: &str| format!("<policy in {lang}>");
        for (problem, in_english) in problems.iter().zip(&english) {
            let words = problem.describe(&msg, &analyze::ProblemNames { family: &family, policy: &policy });
            assert_ne!(&words, in_english, "{lang}: {problem:?}");
            assert!(!words.contains('{') && !words.contains("analyze-"), "{lang}: {words}");
            match problem {
                P::PolicyTooHigh { .. } => assert!(words.contains(&policy("")), "{lang}: {words}"),
                P::FamilyCannotFailAlone { .. } => assert!(words.contains(&family("")), "{lang}: {words}"),
                _ => {}
            }
        }
    }
}

/// The trainer's commands answer in the chosen language: the roster, the month's assignment
/// and the rules report (rule titles and outcomes as the debrief words them).
#[test]
fn trainer_commands_speak_the_chosen_language() {
    let dir = tempfile::tempdir().unwrap();
    let key = dir.path().join("trainer.key");
    std::fs::write(&key, "trainer secret\n").unwrap();
    let db = dir.path().join("r.db");
    let (db, key) = (db.to_str().unwrap(), key.to_str().unwrap());
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let run = |lang: Lang, args: &[&str], stdin: &str| {
        let mut all = vec!["--lang", lang.code()];
        all.extend_from_slice(args);
        all.extend(["--db", db, "--key-file", key]);
        common::rehearse_in(root, &all, Some(stdin))
    };
    let played = run(Lang::En, &["play", "angry_warranty", "--seed", "1", "--choices", "4,1,1"], "");
    assert_eq!(played.code, 0, "{}", played.stderr);
    let month = rehearse::records::Month::now().to_string();
    let lib = Library::load(&common::scenarios_dir()).unwrap();
    for (n, lang) in Lang::ALL.into_iter().enumerate() {
        let msg = Messages::new(lang);
        let name = format!("Ana {n}");
        let added = run(lang, &["trainees", "add", &name], "1234\n");
        assert_eq!(added.code, 0, "{lang}: {}", added.stderr);
        // The new trainee's id: the UUID in the answer (its words differ per language).
        let id = added
            .stdout
            .split(|c: char| !(c.is_ascii_hexdigit() || c == '-'))
            .find(|w| w.len() == 36 && w.matches('-').count() == 4)
            .unwrap_or_default();
        let expected = msg.with("trainees-added", &[("name", name.as_str().into()), ("id", id.into())]);
        assert_eq!(added.stdout.trim_end(), expected, "{lang}");
        let list = run(lang, &["trainees", "list"], "");
        assert!(list.stdout.contains(&msg.get("trainees-status-active")), "{lang}: {}", list.stdout);
        let shown = run(lang, &["assign", "--month", "2030-01"], "");
        let none = msg.with("assign-none", &[("month", "2030-01".into()), ("ids", "".into())]);
        assert_eq!(shown.stdout.trim_end(), none, "{lang}");
        let report = run(lang, &["report", "rules", "--month", &month], "");
        assert_eq!(report.code, 0, "{lang}: {}", report.stderr);
        assert!(report.stdout.contains(&msg.with("rules-report-heading", &[("month", month.as_str().into())])));
        let book = lib.rulebook_in(lang);
        let titled = book.rules.iter().filter(|r| report.stdout.contains(&r.title)).count();
        assert!(titled >= 3, "{lang}: rules by their titles in the language:\n{}", report.stdout);
        let title = lib.localized(&lib.find("angry_warranty").unwrap(), lang).entry.scenario.title.clone();
        assert!(report.stdout.contains(&title), "{lang}: {title} in\n{}", report.stdout);
        if lang != Lang::En {
            for english in ["Rules report", "broken", "endings:", "active"] {
                assert!(!report.stdout.contains(english) && !list.stdout.contains(english), "{lang}: `{english}`");
            }
        }
    }
}

/// angry_warranty's best path under seed 4, as `play` arguments.
const BEST_SEED_4: [&str; 3] = ["angry_warranty", "--seed=4", "--choices=3,2,3,1,2,4,1,3,3"];

/// The debrief a trainee reads is in their language: no English rule title, note or tip.
#[test]
fn the_terminal_debrief_speaks_the_chosen_language() {
    let run = common::rehearse(&["--lang", "ro", "play", BEST_SEED_4[0], BEST_SEED_4[1], BEST_SEED_4[2], "--no-save"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(!run.stdout.contains("Debrief:") && !run.stdout.contains("Wanted"), "{}", run.stdout);
    assert!(run.stdout.contains("100,0"), "a decimal comma: {}", run.stdout);
    let run = common::rehearse(&["--lang", "xx", "list"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("no language `xx`"), "{}", run.stderr);
}

/// Managers' outputs in the language: the HTML report says which (`lang`), and the xAPI export
/// carries the scenario's title in every language translated from the English played, and the
/// session's own language.
#[test]
fn reports_and_xapi_carry_the_languages() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("sessions.db");
    let db = db.to_str().unwrap();
    let run = common::rehearse(&[
        "--lang",
        "bg",
        "--db",
        db,
        "play",
        BEST_SEED_4[0],
        BEST_SEED_4[1],
        BEST_SEED_4[2],
        "--trainee",
        "Ana",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let stored =
        rehearse::records::Store::open(&rehearse::records::DbSpec::Sqlite(db.into())).unwrap().records(None).unwrap();
    assert_eq!(stored[0].record.language.as_deref(), Some("bg"));

    let run = common::rehearse(&["--lang", "zh", "--db", db, "report", "--format", "html"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("<html lang=\"zh\">"), "{}", &run.stdout[..200.min(run.stdout.len())]);
    assert!(!run.stdout.contains("Best employee ranking"), "the page is in Chinese");

    let run = common::rehearse(&["--db", db, "export", "xapi"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let statements: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let statement = &statements[0];
    let name = &statement["object"]["definition"]["name"];
    assert_eq!(name["en-US"], "The brakes are grinding again");
    for tag in ["ro-RO", "bg-BG", "bs-BA", "zh-CN"] {
        assert!(
            name[tag].as_str().is_some_and(|t| !t.is_empty() && t != "The brakes are grinding again"),
            "{tag}: {name}"
        );
        assert!(statement["object"]["definition"]["description"][tag].is_string(), "{tag}");
    }
    assert_eq!(statement["context"]["language"], "bg-BG");
}
