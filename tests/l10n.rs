//! Localisation machinery: the interface's messages in every language (ids, variables,
//! plurals, numbers and dates), and the PO translations of a library (positions of every
//! problem, fallback to English, `l10n update`, reserved domain names).
//! `l10n_library.rs` holds the shipped library in every language, `l10n_outputs.rs` what
//! trainers and managers read.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use rehearse::l10n::check::{RULEBOOK_DOMAIN, po_path};
use rehearse::l10n::{Lang, Messages, interface_ids, interface_problems, interface_source, po};
use rehearse::library::Library;

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
    let lib = common::shipped_copy();
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

/// A scenario may not take an id a translation domain uses: its PO file would be the
/// rulebook's or the policies'.
#[test]
fn scenario_ids_of_translation_domains_are_refused() {
    let dir = common::shipped_copy();
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

/// A missing, fuzzy or stale translation shows the English and is listed as a fallback (the
/// practice screen marks those lines); the rest of the scenario stays translated.
#[test]
fn a_missing_or_fuzzy_entry_falls_back_to_english() {
    let dir = common::shipped_copy();
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
    let dir = common::shipped_copy();
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
