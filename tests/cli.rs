//! The `rehearse` command line as a trainer or trainee uses it: list, play (scripted, JSON,
//! interactive), analyze, and the messages for bad input.

mod common;

use common::{fixture, rehearse, rehearse_in, scenarios_dir};
use serde_json::Value;

fn best_path(id: &str, seed: u64) -> String {
    let run = rehearse(&["analyze", id, "--seed", &seed.to_string(), "--runs", "10", "--json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let v: Value = serde_json::from_str(&run.stdout).expect("analyze --json prints JSON");
    v["best_path"].as_array().unwrap().iter().map(|n| n.to_string()).collect::<Vec<_>>().join(",")
}

#[test]
fn list_prints_one_scenario_per_line_id_first() {
    let run = rehearse(&["list"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let line = run.stdout.lines().find(|l| l.starts_with("angry_warranty ")).expect("angry_warranty listed");
    assert!(
        line.contains("The brakes are grinding again") && line.contains("Hard") && line.contains("warranty terms"),
        "{line}"
    );
    let files = std::fs::read_dir(scenarios_dir())
        .unwrap()
        .filter(|e| e.as_ref().unwrap().path().to_string_lossy().ends_with(".scenario.ron"))
        .count();
    assert_eq!(run.stdout.lines().count(), files, "every shipped scenario is listed once");
}

#[test]
fn play_with_choices_prints_the_json_debrief() {
    let path = best_path("angry_warranty", 4);
    let run = rehearse(&["play", "angry_warranty", "--seed", "4", "--trainee", "Ana", "--choices", &path, "--json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let v: Value = serde_json::from_str(&run.stdout).expect("one JSON object");
    assert_eq!(v["total"], 100.0);
    for c in ["listening", "choices", "expectations"] {
        assert_eq!(v["categories"][c], 100.0, "category {c}");
    }
    assert_eq!(v["outcome"], "retained");
    assert_eq!(v["trainee"], "Ana");
    let rules = v["rules"].as_array().unwrap();
    assert!(rules.len() >= 15);
    for r in rules {
        assert!(r["id"].is_string());
        assert!(["pass", "n/a"].contains(&r["verdict"].as_str().unwrap()), "{r}");
        assert!(r.get("evidence").is_some());
    }
    let open = rules.iter().find(|r| r["id"] == "L-open").unwrap();
    assert_eq!(open["evidence"]["turn"], 1);
    assert!(open["evidence"]["reply"].as_str().unwrap().contains("Tell me what's happening"));
}

#[test]
fn play_prints_a_text_debrief_with_tips_for_broken_rules() {
    // Dismiss the customer at once, then refuse: the shortest way to lose him.
    let run = rehearse(&["play", "angry_warranty", "--seed", "1", "--choices", "2,3"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("=== Debrief: The brakes are grinding again ==="), "{}", run.stdout);
    assert!(run.stdout.contains("Outcome                  lost"), "{}", run.stdout);
    assert!(run.stdout.contains("Setting expectations     ["), "families by their titles:\n{}", run.stdout);
    // Plain words: the rule's title and the act's description, never an id.
    assert!(run.stdout.contains("BROKEN Never brush the concern aside (P-03)"), "{}", run.stdout);
    assert!(
        run.stdout.contains("broken 2 times, at turns 1 and 2. To avoid: brushes the concern aside."),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("turn 1: \"New brakes often make a bit of noise"), "{}", run.stdout);
    let rulebook = std::fs::read_to_string(scenarios_dir().join("rulebook.ron")).unwrap();
    let ids: Vec<&str> = rulebook
        .lines()
        .filter_map(|l| l.trim().strip_prefix("(id: \"").or_else(|| l.trim().strip_prefix("id: \"")))
        .filter_map(|rest| rest.split('"').next())
        .collect();
    assert!(ids.len() > 40, "act, category and rule ids found: {}", ids.len());
    // Every word of the debrief outside the quoted replies, against every id.
    let debrief = run.stdout.split("\nTranscript:").next().unwrap();
    let said = |l: &&str| !l.trim_start().starts_with("turn ");
    for word in debrief.lines().filter(said).flat_map(|l| l.split(|c: char| !(c.is_alphanumeric() || c == '-'))) {
        assert!(!ids.contains(&word) || word.chars().all(|c| c.is_lowercase()), "the debrief shows the id `{word}`");
    }
    assert!(run.stdout.contains("tip: Even when you doubt the complaint"), "{}", run.stdout);
}

#[test]
fn an_unknown_scenario_lists_the_available_ones() {
    let run = rehearse(&["play", "angry_waranty"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("no scenario `angry_waranty`; available: "), "{}", run.stderr);
    assert!(run.stderr.contains("angry_warranty"), "{}", run.stderr);
}

#[test]
fn an_out_of_range_choice_names_the_turn_and_the_options() {
    let run = rehearse(&["play", "angry_warranty", "--seed", "1", "--choices", "1,7"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("turn 2: option 7 is out of range; the options were:"), "{}", run.stderr);
    assert!(run.stderr.contains("  2) Does it come from the front or the back"), "{}", run.stderr);
    let run = rehearse(&["play", "angry_warranty", "--choices", "1,x"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("--choices: `x` is not an option number"), "{}", run.stderr);
    let run = rehearse(&["play", "angry_warranty", "--seed", "1", "--choices", "1"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("the conversation is not over after 1 choice(s); the options at turn 2 were:"),
        "{}",
        run.stderr
    );
    let run = rehearse(&["play", "angry_warranty", "--seed", "1", "--choices", "2,3,1"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("the conversation ended after turn 2, but 1 more choice(s) were given"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_malformed_scenario_file_is_named_with_line_and_column() {
    let file = fixture("validate/scenarios/syntax_error.scenario.ron");
    let run = rehearse(&["play", file.to_str().unwrap(), "--choices", "1"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains(&format!("{}:17:61: error: Expected comma", file.display())), "{}", run.stderr);
}

#[test]
fn a_broken_library_still_plays_its_good_scenarios() {
    let dir = tempfile::tempdir().unwrap();
    for f in ["rulebook.ron", "valid.scenario.ron", "syntax_error.scenario.ron"] {
        std::fs::copy(fixture("validate/scenarios").join(f), dir.path().join(f)).unwrap();
    }
    let run = rehearse_in(dir.path(), &["--scenarios", ".", "list"], None);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.starts_with("valid "), "{}", run.stdout);
    assert!(run.stderr.contains("skipping ./syntax_error.scenario.ron"), "{}", run.stderr);
    let empty = tempfile::tempdir().unwrap();
    let run = rehearse_in(empty.path(), &["--scenarios", ".", "list"], None);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("rulebook.ron: error: cannot read the file"), "{}", run.stderr);
}

#[test]
fn interactive_play_reads_option_numbers_and_reprompts_on_nonsense() {
    let path = best_path("angry_warranty", 2);
    let mut input = String::from("hello\n0\n");
    for c in path.split(',') {
        input.push_str(c);
        input.push('\n');
    }
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let run = rehearse_in(root, &["play", "angry_warranty", "--seed", "2", "--trainee", "Ana"], Some(&input));
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("Please type a number from 1 to 5."), "{}", run.stdout);
    assert!(run.stdout.contains("--- turn 1 --- mood  20  patience  50  trust  30"), "{}", run.stdout);
    assert!(run.stdout.contains("Notes:\n  - "), "facts learned appear in the notes, one a line:\n{}", run.stdout);
    assert!(run.stdout.contains("Total                    [##########] 100.0"), "{}", run.stdout);
    // Input that ends early: a clear message, nothing scored.
    let run = rehearse_in(root, &["play", "angry_warranty", "--seed", "2"], Some("1\n"));
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("stopped at turn 2 before the conversation ended"), "{}", run.stderr);
}

#[test]
fn the_menu_without_a_command_plays_in_the_terminal() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let run = rehearse_in(root, &[], Some("1\nAna\n3\n3\n"));
    assert!(run.stdout.contains("Scenario (1-"), "{}", run.stdout);
    assert!(run.stdout.contains("Welcome, Ana."), "{}", run.stdout);
}

#[test]
fn analyze_prints_extremes_path_count_and_random_distribution() {
    let run = rehearse(&["analyze", "angry_warranty", "--runs", "200", "--json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let v: Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(v["best"], 100.0);
    let worst = v["worst"].as_f64().unwrap();
    assert!((0.0..100.0).contains(&worst));
    assert!(v["paths"].as_u64().unwrap() > 100);
    assert!(!v["best_path"].as_array().unwrap().is_empty());
    let r = &v["random"];
    let (p10, p50, p90, mean) = (
        r["p10"].as_f64().unwrap(),
        r["p50"].as_f64().unwrap(),
        r["p90"].as_f64().unwrap(),
        r["mean"].as_f64().unwrap(),
    );
    assert!(worst <= p10 && p10 <= p50 && p50 <= p90 && p90 <= 100.0, "{r}");
    assert!(p10 <= mean && mean <= p90, "{r}");
    // The figures `--check` holds the scenario to.
    let corr = v["satisfaction_correlation"].as_f64().expect("a rank correlation");
    assert!((-1.0..=1.0).contains(&corr), "{corr}");
    assert!(v["best_capped"].as_f64().expect("a lost or escalated ending is reachable") <= 60.0);
    let longest = &v["longest"];
    let (n, of) = (longest["longest"].as_u64().unwrap(), longest["decisions"].as_u64().unwrap());
    assert!(n <= of && of > 0, "{longest}");
    assert_eq!(longest["share"].as_f64().unwrap(), ((n as f64 / of as f64) * 1000.0).round() / 1000.0);
    let text = rehearse(&["analyze", "angry_warranty", "--runs", "50"]);
    assert!(text.stdout.contains("lost/escalated best"), "{}", text.stdout);
    assert!(text.stdout.contains("total ~ satisfaction"), "{}", text.stdout);
    let best_path = text.stdout.lines().find(|l| l.starts_with("best path ")).unwrap_or_default();
    assert!(best_path.trim_start_matches("best path").trim_start().starts_with("--choices "), "{}", text.stdout);
    assert!(text.stdout.contains("claim=unreasonable"), "{}", text.stdout);
}

#[test]
fn a_reader_that_goes_away_does_not_make_it_panic() {
    // `rehearse graph … | head -1`: the reader closes the pipe before the output is written.
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_rehearse"))
        .args(["graph", "angry_warranty"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_ne!(out.status.code(), Some(101), "{stderr}");
}

#[test]
fn a_fact_speaks_in_its_own_words_in_dialogue() {
    // `{visits}` shows the choice's `says`, not its key; the JSON keeps the key.
    let dir = fixture("validate/scenarios");
    for (seed, spoken, key) in
        [("1", "I've been coming for years.", "many"), ("2", "I've never been here before.", "none")]
    {
        let run = rehearse(&[
            "--scenarios",
            dir.to_str().unwrap(),
            "play",
            "promises",
            "--seed",
            seed,
            "--choices",
            "1,1",
            "--json",
            "--no-save",
        ]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        let v: Value = serde_json::from_str(&run.stdout).unwrap();
        assert!(v["transcript"][1]["customer"].as_str().unwrap().ends_with(spoken), "{}", v["transcript"][1]);
        assert_eq!(v["facts"]["visits"], key);
    }
}

#[test]
fn an_assessment_cannot_be_scripted_or_seeded() {
    // The three commands that used to put a trainee at rank 1: a known seed and its best path.
    for args in [
        &["play", "angry_warranty", "--mode", "assessment", "--seed", "11"][..],
        &["play", "angry_warranty", "--mode", "assessment", "--choices", "3,2,3,1,4,3,2,2,2,1,2,3"][..],
        &["play", "angry_warranty", "--mode", "assessment", "--seed", "1", "--choices", "3,2,3"][..],
    ] {
        let run = rehearse(args);
        assert_eq!(run.code, 2, "{args:?}: {}{}", run.stdout, run.stderr);
        assert!(run.stderr.contains("cannot be used with --mode assessment"), "{}", run.stderr);
        assert!(run.stdout.is_empty(), "nothing is played: {}", run.stdout);
    }
    // The window's scripted run, likewise (refused before any window opens).
    for args in [
        &["--scenario", "angry_warranty", "--mode", "assessment", "--autoplay", "3,2,3"][..],
        &["--scenario", "angry_warranty", "--mode", "assessment", "--seed", "11", "--terminal"][..],
    ] {
        let run = rehearse(args);
        assert_eq!(run.code, 2, "{args:?}: {}{}", run.stdout, run.stderr);
        assert!(run.stderr.contains("cannot be used with --mode assessment"), "{}", run.stderr);
    }
    // Scripted practice stays.
    let run = rehearse(&["play", "angry_warranty", "--seed", "1", "--choices", "3,2,3,1,4,3,2,2,2,1,2,3", "--no-save"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
}

/// A binary copied to another station, run from an empty folder: it lists and plays the library
/// compiled into it; a trainer's `scenarios` folder in the data folder overrides it.
#[test]
fn a_copied_binary_plays_the_built_in_library_from_an_empty_folder() {
    let station = tempfile::tempdir().unwrap();
    let binary = station.path().join("rehearse");
    std::fs::copy(env!("CARGO_BIN_EXE_rehearse"), &binary).unwrap();
    let data = station.path().join("data");
    let run = |args: &[&str]| {
        let out = std::process::Command::new(&binary)
            .args(args)
            .current_dir(station.path())
            .env("REHEARSE_DATA", &data)
            .env_remove("REHEARSE_SCENARIOS")
            .env_remove("REHEARSE_DB")
            .output()
            .unwrap();
        (
            out.status.code(),
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    };
    let (code, listed, err) = run(&["list"]);
    assert_eq!(code, Some(0), "{err}");
    let shipped = std::fs::read_dir(common::scenarios_dir())
        .unwrap()
        .filter(|e| e.as_ref().unwrap().file_name().to_string_lossy().ends_with(".scenario.ron"))
        .count();
    assert_eq!(listed.lines().count(), shipped, "{listed}");
    assert!(listed.contains("The brakes are grinding again"), "{listed}");
    let (code, json, err) =
        run(&["play", "angry_warranty", "--seed", "1", "--choices", "3,2,3,1,4,3,2,2,2,1,2,3", "--json", "--no-save"]);
    assert_eq!(code, Some(0), "{err}");
    assert!(json.contains("\"total\": 100.0"), "{json}");

    // The trainer's own folder in the data folder wins over the built-in library.
    let own = data.join("scenarios");
    std::fs::create_dir_all(&own).unwrap();
    std::fs::copy(common::scenarios_dir().join("rulebook.ron"), own.join("rulebook.ron")).unwrap();
    let text = std::fs::read_to_string(common::scenarios_dir().join("angry_warranty.scenario.ron")).unwrap();
    let renamed = text.replacen("The brakes are grinding again", "The brakes grind (our branch)", 1);
    std::fs::write(own.join("angry_warranty.scenario.ron"), renamed).unwrap();
    let (code, listed, err) = run(&["list"]);
    assert_eq!(code, Some(0), "{err}");
    assert_eq!(listed.lines().count(), 1, "{listed}");
    assert!(listed.contains("The brakes grind (our branch)"), "{listed}");
}
