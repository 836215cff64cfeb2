//! `rehearse validate` on one fixture per mistake: each must be reported at its file, line and
//! column, with a message a trainer can act on. Fixtures live in `tests/fixtures/validate/`.

mod common;

use common::{fixture, rehearse};

/// Validate `path` and assert that the output holds a diagnostic at `at` ("line:column", or ""
/// for a file-level one) of `severity` containing `message`, and the expected exit code.
#[track_caller]
fn check(path: &str, at: &str, severity: &str, message: &str) {
    let file = fixture(path);
    let run = rehearse(&["validate", file.to_str().unwrap()]);
    // A folder's library-level problems are reported on its rulebook.
    let shown = if file.is_dir() { file.join("rulebook.ron") } else { file.clone() };
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
    for path in [scenario("valid"), "validate/rulebooks/valid.ron".to_string()] {
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
fn a_scenario_that_cannot_reach_100_is_a_warning() {
    check(&scenario("cannot_reach_100"), "", "warning", "cannot reach 100: the best total over every path is 33.3");
}

#[test]
fn a_missing_path_is_an_error_not_a_panic() {
    let run = rehearse(&["validate", "no/such/file.scenario.ron"]);
    assert_eq!(run.code, 1);
    assert!(run.stdout.contains("no/such/file.scenario.ron: error: no such file or folder"), "{}", run.stdout);
}
