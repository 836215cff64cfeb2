//! The shipped library in every language: complete, scoring exactly as in English, with no
//! policy beating the balance, amounts in each language's currency, and the debrief's notes
//! naming what the session did.

mod common;

use std::collections::BTreeSet;

use rehearse::analyze;
use rehearse::engine::Session;
use rehearse::l10n::check::{RULEBOOK_DOMAIN, po_path};
use rehearse::l10n::{Lang, Messages, po};
use rehearse::library::Library;
use rehearse::score::score_in;

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

    let dir = common::shipped_copy();
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
