//! Localisation: the interface's messages in every language, the scenario and rulebook
//! translations (coverage, positions of every problem, fallback, `l10n update`), and that a
//! language never changes a score.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use rehearse::analyze;
use rehearse::engine::Session;
use rehearse::l10n::check::{RULEBOOK_DOMAIN, po_path};
use rehearse::l10n::{Lang, Messages, interface_ids, interface_problems, interface_source, po};
use rehearse::library::Library;
use rehearse::score::score_in;

/// A copy of the shipped library to change.
fn shipped_copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    common::copy_dir(&common::scenarios_dir(), dir.path());
    dir
}

/// Each message's `$variables`, from a Fluent source (a message runs until the next line that
/// starts at column 0).
fn variables(source: &str) -> BTreeMap<String, BTreeSet<String>> {
    let mut out: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut current: Option<String> = None;
    for line in source.lines() {
        if line.starts_with('#') || line.is_empty() {
            continue;
        }
        if !line.starts_with(' ')
            && let Some((id, _)) = line.split_once(" =")
        {
            current = Some(id.trim().to_string());
        }
        let Some(id) = &current else { continue };
        let entry = out.entry(id.clone()).or_default();
        let mut rest = line;
        while let Some(at) = rest.find('$') {
            let name: String =
                rest[at + 1..].chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '-').collect();
            entry.insert(name);
            rest = &rest[at + 1..];
        }
    }
    out
}

#[test]
fn every_language_has_every_interface_message_with_the_same_variables() {
    let english = interface_ids(Lang::En);
    assert!(english.len() > 150, "the interface has its messages: {}", english.len());
    let unique: BTreeSet<&String> = english.iter().collect();
    assert_eq!(unique.len(), english.len(), "no message id twice in English");
    let english_vars = variables(interface_source(Lang::En));
    for lang in Lang::ALL {
        assert_eq!(interface_problems(lang), vec![], "{lang}: the file parses");
        let ids = interface_ids(lang);
        let set: BTreeSet<&String> = ids.iter().collect();
        assert_eq!(set.len(), ids.len(), "{lang}: no message id twice");
        let missing: Vec<&&String> = unique.iter().filter(|id| !set.contains(**id)).collect();
        let extra: Vec<&&String> = set.iter().filter(|id| !unique.contains(**id)).collect();
        assert!(missing.is_empty() && extra.is_empty(), "{lang}: missing {missing:?}, not in English {extra:?}");
        let vars = variables(interface_source(lang));
        for (id, wanted) in &english_vars {
            assert_eq!(vars.get(id), Some(wanted), "{lang}: `{id}` keeps the English variables");
        }
    }
}

/// Every message id the code asks for exists in English (an unknown id would show as words
/// made from the id), and every English message is used.
#[test]
fn the_code_asks_only_for_messages_that_exist_and_uses_them_all() {
    let english: BTreeSet<String> = interface_ids(Lang::En).into_iter().collect();
    let prefixes: BTreeSet<&str> = english.iter().filter_map(|id| id.split('-').next()).collect();
    let mut sources = Vec::new();
    fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
        for e in std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()) {
            if e.is_dir() {
                rust_files(&e, out);
            } else if e.extension().is_some_and(|x| x == "rs") {
                out.push(e);
            }
        }
    }
    rust_files(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"), &mut sources);
    let mut used = BTreeSet::new();
    let mut unknown = Vec::new();
    for file in &sources {
        let text = std::fs::read_to_string(file).unwrap();
        for literal in literals(&text) {
            if english.contains(&literal) {
                used.insert(literal);
                continue;
            }
            let id_like = literal.contains('-')
                && literal.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
            if id_like && prefixes.contains(literal.split('-').next().unwrap_or("")) {
                unknown.push(format!("{}: {literal}", file.display()));
            }
        }
    }
    assert!(unknown.is_empty(), "message ids the English file lacks:\n{}", unknown.join("\n"));
    let unused: Vec<&String> = english.difference(&used).collect();
    assert!(unused.is_empty(), "English messages no code uses: {unused:?}");
}

/// The string literals of Rust source, escapes and comments handled well enough for ids.
fn literals(source: &str) -> Vec<String> {
    let mut out = Vec::new();
    for line in source.lines().filter(|l| !l.trim_start().starts_with("//")) {
        let (mut inside, mut escaped, mut current) = (false, false, String::new());
        for c in line.chars() {
            match (inside, c) {
                (true, '\\') if !escaped => escaped = true,
                (true, '"') if !escaped => {
                    inside = false;
                    out.push(std::mem::take(&mut current));
                }
                (false, '"') => inside = true,
                (true, c) => {
                    escaped = false;
                    current.push(c);
                }
                _ => {}
            }
        }
    }
    out
}

#[test]
fn numbers_dates_and_plurals_follow_each_language() {
    assert_eq!(Lang::Ro.number(78.45, 1), "78,5");
    assert_eq!(Lang::Bg.number(78.25, 1), "78,2");
    assert_eq!(Lang::En.number(78.25, 1), "78.2");
    assert_eq!(Lang::Zh.date(2026, 11, 3), "2026年11月3日");
    assert_eq!(Lang::Ro.date(2026, 11, 3), "03.11.2026");
    assert_eq!(Lang::Bs.date(2026, 11, 3), "03. 11. 2026.");
    assert_eq!(Lang::from_tag("bs_BA.UTF-8"), Some(Lang::Bs));
    assert_eq!(Lang::from_tag("zh-Hans-CN"), Some(Lang::Zh));
    assert_eq!(Lang::from_tag("de-DE"), None);
    assert!(Lang::choose(Some("klingon")).is_err());
    // Plural categories come from CLDR through Fluent: one/few/other in Romanian and Bosnian.
    let say = |lang, n: usize| Messages::new(lang).with("board-more", &[("count", n.into())]);
    assert_eq!(say(Lang::En, 3), "… and 3 earlier session(s).");
    for lang in [Lang::Ro, Lang::Bs] {
        let (one, few, other) = (say(lang, 1), say(lang, 3), say(lang, 25));
        assert!(one != few && few != other, "{lang}: one, few and other differ: {one} / {few} / {other}");
    }
    // A decimal argument takes the language's separator.
    let total = Messages::new(Lang::Ro).with(
        "debrief-capped",
        &[("cap", 60u8.into()), ("reason", "x".into()), ("uncapped", rehearse::l10n::Arg::Decimal(83.25, 1))],
    );
    assert!(total.contains("83,2"), "{total}");
}

/// A translated library with one entry of each kind of problem: each is reported with the
/// file, line and column a translator opens.
#[test]
fn validate_names_missing_fuzzy_orphaned_and_mismatched_entries_with_positions() {
    let lib = shipped_copy();
    let path = po_path(lib.path(), Lang::Ro, "angry_warranty");
    let mut file = po::parse(&std::fs::read_to_string(&path).unwrap()).unwrap();
    let at = |file: &po::PoFile, id: &str| file.entries.iter().position(|e| e.context == id).unwrap();
    // Missing: the entry is gone.
    let gone = at(&file, "arrival.hello");
    file.entries.remove(gone);
    // Fuzzy.
    let i = at(&file, "arrival.normal");
    file.entries[i].fuzzy = true;
    // A placeholder the English does not have.
    let i = at(&file, "fact.claim.label");
    file.entries[i].translation = "Cauza: {valoare}".into();
    // Orphaned: an id the scenario does not have.
    file.entries.push(po::PoEntry {
        context: "arrival.gone".into(),
        source: "Gone".into(),
        translation: "Dispărut".into(),
        ..po::PoEntry::default()
    });
    let text = po::write(&file);
    std::fs::write(&path, &text).unwrap();
    let line_of = |needle: &str| text.lines().position(|l| l == needle).unwrap() + 1;
    let run = common::rehearse(&["--scenarios", lib.path().to_str().unwrap(), "validate"]);
    assert_eq!(run.code, 1, "a placeholder mismatch is an error:\n{}{}", run.stdout, run.stderr);
    let po_file = path.display().to_string();
    let expect = [
        format!("{po_file}:{}:1: warning: `arrival.normal` is fuzzy", line_of("msgctxt \"arrival.normal\"")),
        format!(
            "{po_file}:{}:1: error: `fact.claim.label`: the translation's placeholders ({{valoare}}) differ from the English ({{value}})",
            line_of("msgctxt \"fact.claim.label\"")
        ),
        format!(
            "{po_file}:{}:1: warning: `arrival.gone` is not in the English any more (orphaned)",
            line_of("msgctxt \"arrival.gone\"")
        ),
    ];
    for e in &expect {
        assert!(run.stdout.contains(e.as_str()), "expected `{e}` in:\n{}", run.stdout);
    }
    // Missing: reported where the English text is declared.
    let ron = lib.path().join("angry_warranty.scenario.ron");
    let source = std::fs::read_to_string(&ron).unwrap();
    let (line, column) = source
        .lines()
        .enumerate()
        .find_map(|(i, l)| l.find("\"arrival.hello\"").map(|c| (i + 1, l[..c].chars().count() + 1)))
        .unwrap();
    let missing = format!("{}:{line}:{column}: warning: `arrival.hello` has no entry in {po_file}", ron.display());
    assert!(run.stdout.contains(&missing), "expected `{missing}` in:\n{}", run.stdout);
    // The coverage line counts what is usable.
    assert!(run.stderr.contains("ro (Română)"), "{}", run.stderr);
    // A PO file that does not parse is an error with its position, and the language falls back.
    std::fs::write(&path, "msgid \"\"\nmsgstr \"\"\n\nmsgctxt \"title\"\nmsgid \"x\nmsgstr \"y\"\n").unwrap();
    let run = common::rehearse(&["--scenarios", lib.path().to_str().unwrap(), "validate"]);
    assert!(run.stdout.contains(&format!("{po_file}:5:7: error: the string is not closed")), "{}", run.stdout);
}

/// A number fact (the customer's budget) is shown in each translation's currency: the drawn
/// value times the file's factor, rounded down to tens, while the conditions keep comparing
/// the drawn value; a factor that is not a number is an error with its position and the
/// English amounts show meanwhile.
#[test]
fn amounts_show_in_each_languages_currency() {
    let lib = Library::load(&common::scenarios_dir()).unwrap();
    let entry = lib.find("budget_customer").unwrap();
    let budget = entry.scenario.facts.iter().position(|f| f.id == "budget").unwrap();
    let mut seen = BTreeSet::new();
    for seed in 0..40u64 {
        let facts = Session::new(entry.scenario.clone(), seed, "x").transcript().facts.clone();
        let drawn = facts[budget];
        assert_eq!(drawn % 10, 0, "the budget is drawn in tens (`step: 10`): {drawn}");
        assert_eq!(entry.scenario.fill("{budget}", &facts), drawn.to_string(), "English shows the drawn value");
        for (lang, factor) in [(Lang::Ro, 3.0), (Lang::Bg, 1.0), (Lang::Bs, 1.0), (Lang::Zh, 3.0)] {
            let localized = lib.localized(&entry, lang);
            let scenario = &localized.entry.scenario;
            let shown = scenario.fill("{budget}", &facts);
            let expected = if factor == 1.0 { drawn } else { ((drawn as f64 * factor) / 10.0).floor() as i64 * 10 };
            assert_eq!(shown, expected.to_string(), "{lang}: budget {drawn}");
            assert!(scenario.facts[budget].note(drawn).contains(&shown), "{lang}: the note shows {shown}");
            // The same draw takes the same branches: the language never changes the graph.
            assert_eq!(Session::new(scenario.clone(), seed, "x").transcript().facts, facts);
        }
        seen.insert(drawn < 400);
    }
    assert_eq!(seen.len(), 2, "budgets on both sides of the scenario's threshold were drawn");

    // Replies show the amount too, filled like the customer's lines (the terminal player once
    // showed "{budget}" raw): along the best path no offered reply keeps a placeholder, and the
    // one that names the budget names it in lei.
    let localized = lib.localized(&entry, Lang::Ro);
    let mut named = false;
    for seed in 0..4u64 {
        let facts = Session::new(entry.scenario.clone(), seed, "x").transcript().facts.clone();
        let lei = localized.entry.scenario.fill("{budget}", &facts);
        let best = analyze::extremes(&entry.scenario, &entry.rubric, Some(&facts)).unwrap().best_path;
        let mut session = Session::new(localized.entry.scenario.clone(), seed, "x");
        for &option in &best {
            for text in session.option_texts() {
                assert!(!text.contains('{'), "seed {seed}: {text}");
                named |= text.contains(&lei);
            }
            session.choose(option).unwrap();
        }
        let run = common::rehearse(&[
            "--lang",
            "ro",
            "play",
            "budget_customer",
            "--seed",
            &seed.to_string(),
            "--no-save",
            "--choices",
            &best.iter().map(ToString::to_string).collect::<Vec<_>>().join(","),
        ]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        assert!(!run.stdout.contains("{budget}"), "{}", run.stdout);
    }
    assert!(named, "a reply offered along the best paths names the budget");

    let dir = shipped_copy();
    let path = po_path(dir.path(), Lang::Ro, "budget_customer");
    let text = std::fs::read_to_string(&path).unwrap();
    let mut file = po::parse(&text).unwrap();
    let i = file.entries.iter().position(|e| e.context == "fact.budget.factor").unwrap();
    file.entries[i].translation = "2,5 lei".into();
    let text = po::write(&file);
    std::fs::write(&path, &text).unwrap();
    let line = text.lines().position(|l| l == "msgctxt \"fact.budget.factor\"").unwrap() + 1;
    let run = common::rehearse(&["--scenarios", dir.path().to_str().unwrap(), "validate"]);
    assert_eq!(run.code, 1, "{}{}", run.stdout, run.stderr);
    let expect = format!("{}:{line}:1: error: `fact.budget.factor`: `2,5 lei` is not a number", path.display());
    assert!(run.stdout.contains(&expect), "expected `{expect}` in:\n{}", run.stdout);
    let lib = Library::load(dir.path()).unwrap();
    let entry = lib.find("budget_customer").unwrap();
    let localized = lib.localized(&entry, Lang::Ro);
    let facts = Session::new(entry.scenario.clone(), 1, "x").transcript().facts.clone();
    assert_eq!(localized.entry.scenario.fill("{budget}", &facts), facts[budget].to_string());
    assert!(localized.fallbacks.contains("fact.budget.factor"), "listed like any text shown in English");

    // A number that is not an amount of money (no `amount: true`) has no factor to translate
    // and shows as drawn in every language; the factor left in the PO file is orphaned.
    let ron = dir.path().join("budget_customer.scenario.ron");
    let text = std::fs::read_to_string(&ron).unwrap();
    assert!(text.contains(", amount: true)"));
    std::fs::write(&ron, text.replace(", amount: true)", ")")).unwrap();
    let lib = Library::load(dir.path()).unwrap();
    let entry = lib.find("budget_customer").unwrap();
    let units = rehearse::l10n::content::scenario_units(&entry.scenario, &entry.rubric.rulebook);
    assert!(!units.iter().any(|u| u.id == "fact.budget.factor"), "no factor for a plain number");
    let zh = lib.localized(&entry, Lang::Zh);
    assert_eq!(zh.entry.scenario.fill("{budget}", &facts), facts[budget].to_string());
    let run = common::rehearse(&["--scenarios", dir.path().to_str().unwrap(), "validate"]);
    assert!(run.stdout.contains("`fact.budget.factor` is not in the English any more (orphaned)"), "{}", run.stdout);
}

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

/// A scenario may not take an id a translation domain uses: its PO file would be the
/// rulebook's or the policies'.
#[test]
fn scenario_ids_of_translation_domains_are_refused() {
    let dir = shipped_copy();
    let text = std::fs::read_to_string(dir.path().join("angry_warranty.scenario.ron")).unwrap();
    std::fs::write(
        dir.path().join("policies.scenario.ron"),
        text.replacen("id: \"angry_warranty\"", "id: \"policies\"", 1),
    )
    .unwrap();
    let run = common::rehearse(&["--scenarios", dir.path().to_str().unwrap(), "validate"]);
    assert_eq!(run.code, 1);
    assert!(run.stdout.contains("scenario id `policies` is reserved"), "{}", run.stdout);
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

/// The debrief's note on the promise rule names the promises this session made, in the
/// language, not every promise the scenario could have seen made.
#[test]
fn the_promise_note_names_only_the_promises_made() {
    let lib = Library::load(&common::scenarios_dir()).unwrap();
    let entry = lib.find("competitor_botch").unwrap();
    assert!(entry.scenario.promises.len() > 3);
    let mut checked = 0;
    for seed in 0..400u64 {
        // A deterministic wander through the graph: a different option pattern per seed.
        let mut session = Session::new(entry.scenario.clone(), seed, "x");
        let mut turn = 0u64;
        while !session.is_finished() && turn < 60 {
            let count = session.option_count() as u64;
            session.choose(((seed * 7 + turn * (seed % 5 + 1)) % count + 1) as usize).unwrap();
            turn += 1;
        }
        let transcript = session.transcript().clone();
        let made: BTreeSet<usize> = transcript
            .turns
            .iter()
            .flat_map(|t| entry.scenario.nodes[t.node as usize].replies[usize::from(t.reply)].promises.made.iter())
            .collect();
        if made.len() != 1 {
            continue;
        }
        for lang in Lang::ALL {
            let localized = lib.localized(&entry, lang);
            let s = &localized.entry.scenario;
            let card = score_in(&Messages::new(lang), s, &localized.entry.rubric, &transcript);
            let rule = card.rules.iter().find(|r| r.id == "E-keep-promises").unwrap();
            for (i, promise) in s.promises.iter().enumerate() {
                assert_eq!(
                    rule.note.contains(&promise.says),
                    made.contains(&i),
                    "{lang}, seed {seed}: `{}` in the note `{}`",
                    promise.says,
                    rule.note
                );
            }
        }
        checked += 1;
    }
    assert!(checked >= 3, "sessions that made exactly one promise: {checked}");
}

/// A missing, fuzzy or stale translation shows the English and is listed as a fallback (the
/// practice screen marks those lines); the rest of the scenario stays translated.
#[test]
fn a_missing_or_fuzzy_entry_falls_back_to_english() {
    let dir = shipped_copy();
    let path = po_path(dir.path(), Lang::Bg, "angry_warranty");
    let mut file = po::parse(&std::fs::read_to_string(&path).unwrap()).unwrap();
    file.entries.retain(|e| e.context != "arrival.hello");
    let i = file.entries.iter().position(|e| e.context == "arrival.keys").unwrap();
    file.entries[i].fuzzy = true;
    std::fs::write(&path, po::write(&file)).unwrap();
    let lib = Library::load(dir.path()).unwrap();
    let entry = lib.find("angry_warranty").unwrap();
    let english = &entry.scenario.nodes[0];
    let bg = lib.localized(&entry, Lang::Bg);
    let node = &bg.entry.scenario.nodes[0];
    let reply = |id: &str| node.replies.iter().find(|r| r.id == id).unwrap().text.clone();
    let english_reply = |id: &str| english.replies.iter().find(|r| r.id == id).unwrap().text.clone();
    assert_eq!(reply("arrival.hello"), english_reply("arrival.hello"));
    assert_eq!(reply("arrival.keys"), english_reply("arrival.keys"));
    assert_ne!(reply("arrival.welcome"), english_reply("arrival.welcome"), "the rest is in Bulgarian");
    assert!(bg.fallbacks.contains("arrival.hello") && bg.fallbacks.contains("arrival.keys"), "{:?}", bg.fallbacks);
    assert!(!bg.fallbacks.contains("arrival.welcome"));
    // The interface falls back message by message too.
    assert_eq!(Messages::new(Lang::Bg).get("no-such-message"), "no such message");
}

/// `l10n update` keeps translations, marks an entry whose English changed fuzzy with the old
/// English beside it, drops an id the English no longer has, and starts new languages on ask.
#[test]
fn l10n_update_keeps_translations_and_marks_changed_english_fuzzy() {
    let dir = shipped_copy();
    let lib_dir = dir.path().to_str().unwrap().to_string();
    let run = common::rehearse(&["--scenarios", &lib_dir, "l10n", "update"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let path = po_path(dir.path(), Lang::Zh, "angry_warranty");
    let before = po::parse(&std::fs::read_to_string(&path).unwrap()).unwrap();
    let shipped =
        po::parse(&std::fs::read_to_string(po_path(&common::scenarios_dir(), Lang::Zh, "angry_warranty")).unwrap())
            .unwrap();
    let texts = |f: &po::PoFile| {
        f.entries.iter().map(|e| (e.context.clone(), e.translation.clone())).collect::<BTreeMap<_, _>>()
    };
    assert_eq!(texts(&before), texts(&shipped), "an update with nothing changed keeps every translation");
    assert!(dir.path().join("locales/templates/angry_warranty.pot").is_file());

    // Change one reply's English and rename one line id.
    let ron = dir.path().join("angry_warranty.scenario.ron");
    let text = std::fs::read_to_string(&ron).unwrap();
    let text = text
        .replace("\"Hello, how can I help you today?\"", "\"Hello, what can I do for you today?\"")
        .replace("(id: \"arrival.a\",", "(id: \"arrival.first\",");
    std::fs::write(&ron, text).unwrap();
    let run = common::rehearse(&["--scenarios", &lib_dir, "l10n", "update"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("`arrival.hello` changed in English: marked fuzzy"), "{}", run.stdout);
    assert!(run.stdout.contains("`arrival.a` is no longer in the English: removed"), "{}", run.stdout);
    let after = po::parse(&std::fs::read_to_string(&path).unwrap()).unwrap();
    let hello = after.entries.iter().find(|e| e.context == "arrival.hello").unwrap();
    assert!(hello.fuzzy, "{hello:?}");
    assert_eq!(hello.previous.as_deref(), Some("Hello, how can I help you today?"));
    assert_eq!(hello.source, "Hello, what can I do for you today?");
    let old = before.entries.iter().find(|e| e.context == "arrival.hello").unwrap();
    assert_eq!(hello.translation, old.translation, "the translation is kept for the translator to check");
    let first = after.entries.iter().find(|e| e.context == "arrival.first").unwrap();
    assert!(first.translation.is_empty() && !first.fuzzy, "a new id starts untranslated");
    assert!(!after.entries.iter().any(|e| e.context == "arrival.a"));
    // Until a translator checks it, the changed line shows in English.
    let lib = Library::load(dir.path()).unwrap();
    let zh = lib.localized(&lib.find("angry_warranty").unwrap(), Lang::Zh);
    let reply = zh.entry.scenario.nodes[0].replies.iter().find(|r| r.id == "arrival.hello").unwrap();
    assert_eq!(reply.text, "Hello, what can I do for you today?");
    let run = common::rehearse(&["--scenarios", &lib_dir, "validate"]);
    assert!(run.stdout.contains("`arrival.hello` is fuzzy"), "{}", run.stdout);

    // Starting a language writes a file for every scenario; English cannot be started.
    std::fs::remove_dir_all(dir.path().join("locales/bs")).unwrap();
    let run = common::rehearse(&["--scenarios", &lib_dir, "l10n", "update", "--start", "bs"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        po_path(dir.path(), Lang::Bs, "after_hours").is_file()
            && po_path(dir.path(), Lang::Bs, RULEBOOK_DOMAIN).is_file()
    );
    let run = common::rehearse(&["--scenarios", &lib_dir, "l10n", "update", "--start", "en"]);
    assert_eq!(run.code, 2);
}

/// The shipped translations: the rulebook and every scenario complete in four languages, with
/// no fuzzy entry and no problem, and nothing of a scenario falls back to English.
#[test]
fn every_shipped_text_is_translated_in_every_language() {
    let lib = Library::load(&common::scenarios_dir()).unwrap();
    let (policies, problems) = analyze::load_policies(&lib.dir);
    assert!(problems.is_empty(), "{problems:#?}");
    let policy_domain = analyze::policy_domain(&policies, &lib.dir).expect("the shipped policies");
    let (diagnostics, coverage) = lib.check_translations(&[policy_domain]);
    assert!(diagnostics.is_empty(), "{diagnostics:#?}");
    for (lang, c) in coverage {
        assert_eq!((c.translated, c.fuzzy), (c.total, 0), "{lang}: {c:?}");
    }
    let domains: Vec<String> = [RULEBOOK_DOMAIN.to_string(), analyze::POLICIES_DOMAIN.to_string()]
        .into_iter()
        .chain(lib.entries.iter().map(|e| e.scenario.id.clone()))
        .collect();
    assert_eq!(domains.len(), 12, "the rulebook, the policies and ten scenarios");
    for lang in Lang::TRANSLATED {
        let translated = analyze::translate_policies(&policies, lib.catalog(lang, analyze::POLICIES_DOMAIN));
        assert!(translated.fallbacks.is_empty(), "{lang} policies: {:?}", translated.fallbacks);
    }
    for lang in Lang::TRANSLATED {
        for domain in &domains {
            let file = lib.translations.get(lang, domain).unwrap_or_else(|| panic!("{lang} {domain}"));
            let untranslated: Vec<&str> =
                file.file.entries.iter().filter(|e| !e.is_translated()).map(|e| e.context.as_str()).collect();
            assert!(untranslated.is_empty(), "{lang} {domain}: {untranslated:?}");
        }
        for entry in &lib.entries {
            let localized = lib.localized(entry, lang);
            assert!(localized.fallbacks.is_empty(), "{lang} {}: {:?}", entry.scenario.id, localized.fallbacks);
        }
    }
}

/// The language is presentation: the same seed and choices give the same verdicts, category
/// scores, total and outcome in every language, for every shipped scenario's best path.
#[test]
fn the_same_seed_and_choices_score_the_same_in_every_language() {
    let lib = Library::load(&common::scenarios_dir()).unwrap();
    let mut compared = 0;
    for entry in &lib.entries {
        let mut played = 0;
        for seed in 0..6u64 {
            // The best path for the facts this seed draws.
            let facts = Session::new(entry.scenario.clone(), seed, "x").transcript().facts.clone();
            let best = analyze::extremes(&entry.scenario, &entry.rubric, Some(&facts)).unwrap().best_path;
            played += 1;
            let mut cards = Vec::new();
            for lang in Lang::ALL {
                let localized = lib.localized(entry, lang);
                let mut session = Session::new(localized.entry.scenario.clone(), seed, "Ana");
                for &option in &best {
                    session.choose(option).unwrap();
                }
                let card = score_in(
                    &Messages::new(lang),
                    &localized.entry.scenario,
                    &localized.entry.rubric,
                    session.transcript(),
                );
                let verdicts: Vec<_> = card.rules.iter().map(|r| (r.id.clone(), r.verdict, r.cost)).collect();
                cards.push((lang, card.total, card.categories.clone(), card.outcome, card.ending.clone(), verdicts));
            }
            let first = &cards[0];
            for other in &cards[1..] {
                assert_eq!(
                    (&first.1, &first.2, &first.3, &first.4, &first.5),
                    (&other.1, &other.2, &other.3, &other.4, &other.5),
                    "{} in {} scores as in English",
                    entry.scenario.id,
                    other.0
                );
            }
        }
        assert!(played >= 1, "{}: no session compared", entry.scenario.id);
        compared += played;
    }
    assert_eq!(compared, 60, "sessions compared");
}

/// "Scores a trainer would sign" holds per language: along each fact outcome's best path, the
/// best reply is the longest one offered at no more than 40 % of decision points, measured in
/// the words of that language.
#[test]
fn the_best_reply_is_not_the_longest_in_any_language() {
    let lib = Library::load(&common::scenarios_dir()).unwrap();
    for entry in &lib.entries {
        let ex = analyze::extremes(&entry.scenario, &entry.rubric, None).unwrap();
        for lang in Lang::ALL {
            let localized = lib.localized(entry, lang);
            let (longest, decisions) = analyze::longest_share(&localized.entry.scenario, &ex);
            let share = longest as f64 / decisions.max(1) as f64;
            assert!(
                share <= 0.40,
                "{} in {lang}: the best reply is the longest at {longest} of {decisions} decisions",
                entry.scenario.id
            );
        }
    }
}

/// angry_warranty's best path under seed 4, as `play` arguments.
const BEST_SEED_4: [&str; 3] = ["angry_warranty", "--seed=4", "--choices=3,2,3,1,2,4,1,3,3"];

/// The balance targets hold in every language, not only along the best paths: the shipped
/// policies (always the longest reply, always apologise, …) score at most 40, because in no
/// language does the length of a reply give the right one away.
#[test]
fn no_policy_beats_the_balance_in_any_language() {
    let lib = Library::load(&common::scenarios_dir()).unwrap();
    let policies: Vec<(String, analyze::Strategy)> = analyze::policy_files(&common::scenarios_dir().join("policies"))
        .iter()
        .map(|f| {
            let p = analyze::Policy::load(f).expect("policy parses");
            (p.name.clone(), p.weights(&lib.rulebook).expect("policy acts exist"))
        })
        .collect();
    assert_eq!(policies.len(), 5);
    let mut problems = Vec::new();
    for entry in &lib.entries {
        let ex = analyze::extremes(&entry.scenario, &entry.rubric, None).expect("exact analysis");
        for lang in Lang::TRANSLATED {
            let localized = lib.localized(entry, lang).entry;
            let (s, rubric) = (&localized.scenario, &localized.rubric);
            let balance = analyze::Balance::measure(s, rubric, &ex, &policies, 2000, 0).expect("exact analysis");
            problems.extend(balance.problems().into_iter().map(|p| format!("{} in {lang}: {p}", s.id)));
        }
    }
    assert!(problems.is_empty(), "balance targets missed:\n{}", problems.join("\n"));
}

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
