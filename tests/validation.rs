//! `rehearse validate` on one fixture per mistake: each must be reported at its file, line and
//! column, with a message a trainer can act on. Fixtures live in `tests/fixtures/validate/`.

mod common;

use std::path::Path;

use common::{fixture, rehearse};

/// Validate `path` and assert that the output holds a diagnostic at `at` ("line:column", or ""
/// for a file-level one) of `severity` containing `message`, and the expected exit code.
#[track_caller]
fn check(path: &str, at: &str, severity: &str, message: &str) {
    let file = fixture(path);
    // A folder's library-level problems are reported on its rulebook.
    let shown = if file.is_dir() { file.join("rulebook.ron") } else { file.clone() };
    expect(path, &shown, at, severity, message);
}

/// Like [`check`] for the folder fixture `dir`, with the diagnostic reported on its file `file`.
#[track_caller]
fn check_in(dir: &str, file: &str, at: &str, severity: &str, message: &str) {
    expect(dir, &fixture(dir).join(file), at, severity, message);
}

#[track_caller]
fn expect(path: &str, shown: &Path, at: &str, severity: &str, message: &str) {
    let run = rehearse(&["validate", fixture(path).to_str().unwrap()]);
    let prefix = if at.is_empty() {
        format!("{}: {severity}: ", shown.display())
    } else {
        format!("{}:{at}: {severity}: ", shown.display())
    };
    assert!(
        run.stdout.lines().any(|l| l.starts_with(&prefix) && l.contains(message)),
        "expected `{prefix}…{message}…` in:\n{}{}",
        run.stdout,
        run.stderr
    );
    let expected_code = if severity == "error" { 1 } else { 0 };
    assert_eq!(run.code, expected_code, "exit code for {path}");
}

fn scenario(name: &str) -> String {
    format!("validate/scenarios/{name}.scenario.ron")
}

#[test]
fn the_valid_fixtures_are_clean() {
    for path in [scenario("valid"), scenario("promises"), "validate/rulebooks/valid.ron".to_string()] {
        let run = rehearse(&["validate", fixture(&path).to_str().unwrap()]);
        assert_eq!(run.code, 0, "{path}: {}{}", run.stdout, run.stderr);
        assert_eq!(run.stdout, "", "{path} has no diagnostics");
        assert!(run.stderr.contains("0 error(s), 0 warning(s)"));
    }
}

#[test]
fn ron_syntax_and_type_errors() {
    check(&scenario("syntax_error"), "17:61", "error", "Expected comma");
    check(&scenario("type_error"), "7:63", "error", "Expected integer");
    check(&scenario("unknown_field"), "7:58", "error", "Unexpected field named `moood`");
    check("validate/rulebooks/syntax_error.ron", "26:23", "error", "Expected identifier");
    check(&scenario("unknown_field"), "7:58", "error", "(check the spelling; the authoring guide lists every field)");
    check(&scenario("missing_field"), "33:1", "error", "Unexpected missing field named `title`");
    check(&scenario("unknown_variant"), "6:17", "error", "Unexpected variant named `Eazy` in enum `Difficulty`");
}

#[test]
fn references_to_unknown_things() {
    check(&scenario("unknown_node"), "17:81", "error", "unknown node `qoute`; did you mean `quote`?");
    check(&scenario("unknown_start"), "11:12", "error", "`start` names unknown node `helo`; did you mean `hello`?");
    check(&scenario("unknown_act"), "17:69", "error", "unknown act `Aks`; did you mean `Ask`?");
    check(&scenario("unknown_reveal"), "23:23", "error", "reveals unknown fact `money`");
    check(&scenario("unknown_fact_in_condition"), "27:87", "error", "unknown fact `budgett`; did you mean `budget`?");
    check(&scenario("unknown_placeholder"), "24:25", "error", "there is no fact `budgt`; did you mean `budget`?");
    check(
        &scenario("unknown_rule_override"),
        "30:23",
        "error",
        "unknown rule `L-ask-frist`; did you mean `L-ask-first`?",
    );
}

#[test]
fn duplicate_ids() {
    check(&scenario("duplicate_id"), "18:22", "error", "duplicate id `hello.ask`");
    check("validate/rulebooks/duplicate_rule.ron", "24:17", "error", "duplicate rule id `L-ask-first`");
}

#[test]
fn graph_problems() {
    check(&scenario("unreachable_node"), "30:17", "error", "node `orphan` can never be reached");
    check(&scenario("stuck_node"), "31:17", "error", "no ending can be reached from node `loop_a`");
    check(&scenario("stuck_node"), "36:17", "error", "no ending can be reached from node `loop_b`");
    check(&scenario("cycle_without_limit"), "14:17", "error", "the conversation can loop (hello → quote → hello)");
    check(&scenario("no_target"), "26:22", "error", "reply `quote.offer` has no target");
}

#[test]
fn invalid_fact_definitions() {
    check(&scenario("bad_fact_range"), "9:14", "error", "`min: 500` above `max: 100`");
    check(&scenario("bad_fact_range"), "10:14", "error", "fact `deposit` has `step: 0`: a step is 1 or more");
    check(
        &scenario("off_grid_step"),
        "9:14",
        "warning",
        "fact `budget`: `max: 605` is not `min` plus a whole number of steps of 10, so the highest value drawn (600) comes up less often",
    );
    check(&scenario("bad_fact_choice"), "10:74", "error", "value `calm` of fact `mood_today` has weight 0");
    check(&scenario("bad_fact_choice"), "10:102", "error", "lists the value `calm` twice");
    check(&scenario("bad_fact_choice"), "11:14", "error", "fact `car` has no values");
    check(
        &scenario("wrong_test_kind"),
        "27:100",
        "error",
        "`Is(\"low\")` compares text, but fact `budget` is a number",
    );
    check(&scenario("bad_meter"), "7:58", "error", "opening mood is 150");
    // The meter's own field, not the same word inside the situation text.
    check(&scenario("meter_word_in_text"), "7:82", "error", "opening patience is 150");
    check(&scenario("too_many_facts"), "8:5", "error", "65 facts declared; at most 64 are supported");
}

#[test]
fn rulebook_mistakes() {
    check("validate/rulebooks/unknown_act.ron", "21:34", "error", "unknown act `Aks`; did you mean `Ask`?");
    check(
        "validate/rulebooks/unknown_category.ron",
        "25:23",
        "error",
        "unknown category `choises`; did you mean `choices`?",
    );
    check("validate/rulebooks/zero_weight.ron", "24:17", "error", "weight 0");
    check("validate/rulebooks/empty_any.ron", "24:17", "error", "is empty");
    // Facts are checked against the scenarios of the library.
    check("validate/rule_fact", "32:27", "error", "rule `C-offer` names unknown fact `wallet`");
    check("validate/rule_fact", "21:40", "error", "rule `L-ask-first` in scenario `mini`: `Is(\"low\")` compares text");
}

#[test]
fn node_and_reply_mistakes() {
    check(&scenario("no_lines"), "22:17", "error", "`quote` has no lines in `says`");
    check(&scenario("no_replies"), "22:17", "error", "node `quote` has no replies; point the last reply at an ending");
    check(
        &scenario("all_replies_conditional"),
        "22:17",
        "error",
        "every reply of node `quote` has a condition; add one without, or the conversation can get stuck",
    );
    check(
        &scenario("branches_without_to"),
        "27:25",
        "error",
        "reply `quote.offer` has branches but no `to` for when none of them holds",
    );
    check(&scenario("unknown_branch_target"), "30:60", "error", "reply `quote.offer` goes to unknown node `lots`");
    check(
        &scenario("unknown_placeholder_in_reply"),
        "26:22",
        "error",
        "`quote.offer` shows `{budgt}`, but there is no fact `budgt`; did you mean `budget`?",
    );
}

#[test]
fn ending_mistakes() {
    check(
        &scenario("satisfaction_over_100"),
        "31:41",
        "error",
        "ending `done` has satisfaction 120; it runs from 0 to 100",
    );
    check(&scenario("unreachable_ending"), "33:14", "error", "ending `escalated` can never be reached");
    check(
        &scenario("unknown_patience_ending"),
        "34:23",
        "error",
        "`on_patience_lost` names unknown ending `lots`; did you mean `lost`?",
    );
    check(
        &scenario("unknown_turn_limit_ending"),
        "34:37",
        "error",
        "`ending` names unknown ending `dnoe`; did you mean `done`?",
    );
}

#[test]
fn timing_mistakes() {
    check(&scenario("ring_too_fast"), "20:20", "error", "node `hello` rings every 0.1 seconds; give 0.5 to 60");
    check(&scenario("ring_zero_rings"), "20:32", "error", "node `hello` rings 0 times; give 1 or more rings");
    check(
        &scenario("ring_unknown_reply"),
        "20:54",
        "error",
        "`unanswered` names `hello.by`, which is not a reply of node `hello`; did you mean `hello.bye`?",
    );
    check(
        &scenario("ring_conditional_reply"),
        "20:54",
        "error",
        "the `unanswered` reply `hello.bye` has a condition; it must always be available",
    );
    check(
        &scenario("pressure_bad_timing"),
        "34:16",
        "error",
        "`pressure` needs `grace` from 0 to 600 seconds and `every` from 0.5 to 60",
    );
    check(&scenario("pressure_bad_drain"), "34:40", "error", "`pressure` drains 0 patience a step; give 1 to 100");
}

#[test]
fn condition_mistakes() {
    check(
        &scenario("empty_between"),
        "27:22",
        "error",
        "reply `quote.calm`: `Between(60, 40)` on mood is empty: the first bound must not exceed the second",
    );
    check(
        &scenario("meter_is_text"),
        "27:88",
        "error",
        "reply `quote.trust`: `Is(\"high\")` compares text, but trust is a number",
    );
    check(
        &scenario("unknown_choice_value"),
        "27:97",
        "error",
        "line `quote.calm`: fact `mood_today` has no value `clam`; its values are `calm`, `angry`; did you mean `calm`?",
    );
    check(
        &scenario("choice_fact_numeric_test"),
        "31:44",
        "error",
        "branch of reply `quote.offer`: fact `mood_today` is a choice of values: test it with `Is(\"value\")`",
    );
}

#[test]
fn rule_override_mistakes() {
    check(
        &scenario("rule_weight_zero"),
        "34:23",
        "error",
        "rule `C-offer` re-weighted to 0; use `disable` to switch a rule off",
    );
}

#[test]
fn rulebook_structure() {
    check("validate/rulebooks/duplicate_act.ron", "7:14", "error", "duplicate act id `Ask`");
    check("validate/rulebooks/duplicate_category.ron", "11:14", "error", "duplicate category id `choices`");
    let run = rehearse(&["validate", fixture("validate/rulebooks/duplicate_category.ron").to_str().unwrap()]);
    assert!(!run.stdout.contains("has no rules"), "the first `choices` has rules:\n{}", run.stdout);
    check("validate/rulebooks/too_many_acts.ron", "3:5", "error", "129 acts declared; at most 127 are supported");
    check("validate/rulebooks/cap_twice.ron", "5:19", "error", "outcome `Lost` is capped twice");
    check("validate/rulebooks/cap_over_100.ron", "3:30", "error", "the cap for `Escalated` is 120; totals run 0–100");
    check("validate/rulebooks/repeat_cap_zero.ron", "3:5", "error", "`repeat_cap` is 0");
    check("validate/rulebooks/repeat_cap_huge.ron", "3:5", "error", "`repeat_cap` is 50; use 1 for");
    // Bounded before anything is allocated or summed: categories, weights.
    check(
        "validate/rulebooks/too_many_categories.ron",
        "8:5",
        "error",
        "17 categories declared; at most 16 are supported",
    );
    check(
        "validate/rulebooks/heavy_weight.ron",
        "16:13",
        "error",
        "rule `L-ask-first` weighs 5000; weights run from 1 to 1000",
    );
    check(
        &scenario("heavy_override"),
        "34:23",
        "error",
        "rule `C-offer` re-weighted to 100000; weights run from 1 to 1000",
    );
    check(
        "validate/rulebooks/within_zero_turns.ron",
        "14:17",
        "error",
        "rule `L-ask-first`: `Within` needs at least 1 turn",
    );
    check(
        "validate/rulebooks/within_zero_seconds.ron",
        "14:17",
        "error",
        "rule `L-ask-first`: `WithinSeconds` needs more than 0 and at most 3600 seconds, not 0",
    );
    check(
        "validate/rulebooks/at_least_zero.ron",
        "14:17",
        "error",
        "rule `L-ask-first`: `AtLeast` with 0 times always passes; use 1 or more",
    );
}

#[test]
fn warnings() {
    check(
        &scenario("all_lines_conditional"),
        "22:17",
        "warning",
        "every line of `quote` has a condition; when none holds the first is shown",
    );
    check(&scenario("bad_practice"), "7:17", "warning", "`P3` is not a practice id like `P-03`");
    check(
        "validate/rulebooks/bad_practice.ron",
        "27:23",
        "warning",
        "rule `C-offer` cites `P13`, which is not a practice id like `P-03`",
    );
    check("validate/rulebooks/unused_category.ron", "11:14", "warning", "category `empathy` has no rules");
    check(
        &scenario("long_reply"),
        "26:22",
        "warning",
        "reply `quote.offer` is 277 characters; keep replies to 220 (split a long answer over two turns)",
    );
    check(
        &scenario("narration_in_line"),
        "15:25",
        "warning",
        "line `hello.l` has words in brackets; a customer only says what is said aloud",
    );
}

#[test]
fn promise_mistakes() {
    check(
        &scenario("unknown_promise"),
        "34:87",
        "error",
        "`quote.offer` promises unknown promise `by_nin`; did you mean `by_nine`?",
    );
    check(
        &scenario("unknown_promise_in_ending"),
        "40:102",
        "error",
        "`lost` breaks unknown promise `prise`; did you mean `price`?",
    );
    check(
        &scenario("promise_reads_meter"),
        "16:14",
        "error",
        "promise `by_nine`: `deliverable` may only test facts (`Fact(...)`), not meters or what is known",
    );
}

#[test]
fn library_problems() {
    check_in(
        "validate/duplicate_scenario_id",
        "second.scenario.ron",
        "",
        "error",
        "scenario id `mini` is already used by ",
    );
    check("validate/missing_rulebook", "", "error", "cannot read the file: ");
    check_in("validate/unreadable_scenario", "not_utf8.scenario.ron", "", "error", "cannot read the file: ");
    // The same when the file is validated on its own.
    check(&scenario("not_utf8"), "", "error", "cannot read the file: ");
    check("validate/rulebooks/not_utf8.ron", "", "error", "cannot read the file: ");
}

#[test]
fn every_diagnostic_shows_its_line_with_a_caret() {
    let file = fixture(&scenario("unknown_node"));
    let run = rehearse(&["validate", file.to_str().unwrap()]);
    let source = r#"                (id: "hello.ask", text: "What do you need?", acts: ["Ask"], to: "qoute"),"#;
    let head = "17:81: error: reply `hello.ask` goes to unknown node `qoute`; did you mean `quote`?";
    // The caret sits under `"qoute"`, which starts at column 81.
    let expected = format!("{}:{head}\n   |\n17 | {source}\n   | {}^^^^^^^\n", file.display(), " ".repeat(80));
    assert!(run.stdout.contains(&expected), "expected\n{expected}in:\n{}", run.stdout);
}

#[test]
fn a_scenario_that_cannot_reach_100_is_a_warning() {
    check(&scenario("cannot_reach_100"), "", "warning", "cannot reach 100: the best total over every path is 33.3");
}

#[test]
fn a_missing_path_is_an_error_not_a_panic() {
    let run = rehearse(&["validate", "no/such/file.scenario.ron"]);
    assert_eq!(run.code, 1);
    assert!(run.stdout.contains("no/such/file.scenario.ron: error: no such file or folder"), "{}", run.stdout);
}

#[test]
fn twenty_five_yes_no_facts_are_not_all_combined() {
    // 2^25 fact outcomes: `validate` says it cannot check every one instead of building them.
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(fixture("validate/scenarios/rulebook.ron"), dir.path().join("rulebook.ron")).unwrap();
    let text = std::fs::read_to_string(fixture(&scenario("valid"))).unwrap();
    let facts: String = (0..25)
        .map(|i| format!("(id: \"f{i}\", label: \"F{i}\", draw: Choice([(value: \"yes\", weight: 1), (value: \"no\", weight: 1)])),\n"))
        .collect();
    let text = text.replace("    facts: [\n", &format!("    facts: [\n{facts}"));
    let file = dir.path().join("many.scenario.ron");
    std::fs::write(&file, text).unwrap();
    let run = rehearse(&["validate", file.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    assert!(
        run.stdout
            .contains("could not check that `valid` can reach 100: the hidden facts combine into 33554432 outcomes"),
        "{}",
        run.stdout
    );
    let run = rehearse(&["--scenarios", dir.path().to_str().unwrap(), "analyze", "valid", "--runs", "10"]);
    assert_eq!(run.code, 1, "{}{}", run.stdout, run.stderr);
    assert!(run.stderr.contains("more than 4096"), "{}", run.stderr);
}
