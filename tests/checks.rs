//! Every check kind, passing, failing and not applicable, through the public API: a rulebook
//! with one rule and a scripted scenario are written to a temporary folder, loaded, played and
//! scored. `check` is the only place that touches the API.

use rehearse::engine::Session;
use rehearse::library::Library;
use rehearse::score::{Verdict, score};

const ACTS: &[&str] = &["Ask", "Offer", "Cost", "Book", "Empathize", "Dismiss"];

/// One scripted turn: the acts of the only reply, and its effect on mood.
struct Turn(&'static [&'static str], i32);

struct Case {
    check: &'static str,
    applies: Option<&'static str>,
    mood: i32,
    budget: i64,
    /// Turn at whose node the budget is revealed (1-based), if any.
    reveal_at: Option<usize>,
    turns: Vec<Turn>,
}

fn case(check: &'static str, turns: Vec<Turn>) -> Case {
    Case { check, applies: None, mood: 50, budget: 500, reveal_at: None, turns }
}

fn write_lab(dir: &std::path::Path, c: &Case, extra_rules: &str, overrides: &str) {
    let acts: Vec<String> = ACTS.iter().map(|a| format!("(id: \"{a}\", description: \"{a}\")")).collect();
    let applies = c.applies.map(|a| format!("applies: {a},")).unwrap_or_default();
    let rulebook = format!(
        "(acts: [{}], categories: [(id: \"listening\", title: \"L\"), (id: \"choices\", title: \"C\")],
          rules: [(id: \"R\", category: \"listening\", weight: 3, practice: \"P-02\", title: \"t\", explanation: \"e\",
                   tip: \"do it\", {applies} check: {}), {extra_rules}])",
        acts.join(", "),
        c.check
    );
    std::fs::write(dir.join("rulebook.ron"), rulebook).unwrap();
    let nodes: Vec<String> = c
        .turns
        .iter()
        .enumerate()
        .map(|(i, Turn(acts, mood))| {
            let n = i + 1;
            let to = if n == c.turns.len() { "end".to_string() } else { format!("t{}", n + 1) };
            let acts: Vec<String> = acts.iter().map(|a| format!("\"{a}\"")).collect();
            let reveals = if c.reveal_at == Some(n) { "reveals: [\"budget\"]," } else { "" };
            format!(
                "(id: \"t{n}\", {reveals} says: [(id: \"t{n}.l\", text: \"line {n}\")],
                  replies: [(id: \"t{n}.r\", text: \"reply {n}\", acts: [{}], effect: (mood: {mood}), to: \"{to}\")])",
                acts.join(", ")
            )
        })
        .collect();
    let scenario = format!(
        "(id: \"lab\", title: \"Lab\", summary: \"s\", difficulty: Easy,
          customer: (name: \"C\", situation: \"s\", mood: {}, patience: 100),
          facts: [(id: \"budget\", label: \"Budget {{value}}\", draw: Range(min: {b}, max: {b}))],
          start: \"t1\", nodes: [{}],
          endings: [(id: \"end\", outcome: Retained, satisfaction: 50, says: [(id: \"end.l\", text: \"bye\")])],
          rules: ({overrides}))",
        c.mood,
        nodes.join(",\n"),
        b = c.budget
    );
    std::fs::write(dir.join("lab.scenario.ron"), scenario).unwrap();
}

/// Play the case and return rule R's verdict and evidence turn.
fn run(c: &Case, extra_rules: &str, overrides: &str) -> (Verdict, Option<u16>, rehearse::score::Scorecard) {
    let dir = tempfile::tempdir().unwrap();
    write_lab(dir.path(), c, extra_rules, overrides);
    let lib = Library::load(dir.path()).expect("lab library loads");
    assert!(lib.diagnostics.iter().all(|d| !d.is_error()), "lab has errors: {:?}", lib.diagnostics);
    let entry = lib.find("lab").expect("lab scenario found");
    let choices = vec![1; c.turns.len()];
    let session = Session::replay(entry.scenario.clone(), 1, "t", &choices).expect("scripted replies are valid");
    assert!(session.is_finished());
    let card = score(&entry.scenario, &entry.rubric, session.transcript());
    let r = card.rules.iter().find(|r| r.id == "R").expect("rule R scored").clone();
    (r.verdict, r.evidence.map(|e| e.turn), card)
}

#[track_caller]
fn check(c: Case, verdict: Verdict, turn: Option<u16>) {
    let (v, t, _) = run(&c, "", "");
    assert_eq!((v, t), (verdict, turn), "check {} with applies {:?}", c.check, c.applies);
}

use Verdict::{Fail, NotApplicable as NA, Pass};

#[test]
fn eventually() {
    check(case("Eventually(\"Ask\")", vec![Turn(&["Offer"], 0), Turn(&["Ask"], 0)]), Pass, Some(2));
    check(case("Eventually(\"Ask\")", vec![Turn(&["Offer"], 0), Turn(&[], 0)]), Fail, None);
}

#[test]
fn never() {
    check(case("Never(\"Dismiss\")", vec![Turn(&["Ask"], 0), Turn(&["Offer"], 0)]), Pass, None);
    check(
        case("Never(\"Dismiss\")", vec![Turn(&["Ask"], 0), Turn(&["Dismiss"], 0), Turn(&["Dismiss"], 0)]),
        Fail,
        Some(2),
    );
}

#[test]
fn first_turn() {
    check(case("FirstTurn(\"Ask\")", vec![Turn(&["Ask", "Offer"], 0), Turn(&[], 0)]), Pass, Some(1));
    check(case("FirstTurn(\"Ask\")", vec![Turn(&["Offer"], 0), Turn(&["Ask"], 0)]), Fail, Some(1));
    let mut c = case("FirstTurn(\"Ask\")", vec![Turn(&["Ask"], 0)]);
    c.applies = Some("Fact(\"budget\", Below(100))");
    check(c, NA, None);
}

#[test]
fn within_n_turns() {
    let within = "Within(turns: 2, act: \"Ask\")";
    check(case(within, vec![Turn(&["Offer"], 0), Turn(&["Ask"], 0), Turn(&[], 0)]), Pass, Some(2));
    check(case(within, vec![Turn(&["Offer"], 0), Turn(&["Offer"], 0), Turn(&["Ask"], 0)]), Fail, Some(2));
    // The conversation ended inside the window without the act: that is a failure too.
    check(case(within, vec![Turn(&["Offer"], 0)]), Fail, Some(1));
}

#[test]
fn at_least_n_times() {
    let at_least = "AtLeast(times: 2, act: \"Ask\")";
    check(case(at_least, vec![Turn(&["Ask"], 0), Turn(&["Offer"], 0), Turn(&["Ask"], 0)]), Pass, Some(3));
    check(case(at_least, vec![Turn(&["Ask"], 0), Turn(&["Offer"], 0)]), Fail, None);
}

#[test]
fn a_before_b() {
    let before = "Before(first: \"Ask\", then: \"Offer\")";
    check(case(before, vec![Turn(&["Ask"], 0), Turn(&["Offer"], 0)]), Pass, Some(2));
    check(case(before, vec![Turn(&["Ask", "Offer"], 0)]), Pass, Some(1));
    check(case(before, vec![Turn(&["Offer"], 0), Turn(&["Ask"], 0)]), Fail, Some(1));
    // No Offer at all: the rule has nothing to judge.
    check(case(before, vec![Turn(&["Ask"], 0), Turn(&["Cost"], 0)]), NA, None);
}

#[test]
fn all_any_not() {
    let all = "All([Eventually(\"Ask\"), Never(\"Dismiss\")])";
    check(case(all, vec![Turn(&["Ask"], 0), Turn(&["Offer"], 0)]), Pass, Some(1));
    check(case(all, vec![Turn(&["Ask"], 0), Turn(&["Dismiss"], 0)]), Fail, Some(2));
    check(case("All([Before(first: \"Ask\", then: \"Book\")])", vec![Turn(&["Ask"], 0)]), NA, None);

    let any = "Any([FirstTurn(\"Ask\"), FirstTurn(\"Offer\")])";
    check(case(any, vec![Turn(&["Offer"], 0)]), Pass, Some(1));
    check(case(any, vec![Turn(&["Cost"], 0), Turn(&["Ask"], 0)]), Fail, Some(1));
    check(case("Any([Before(first: \"Ask\", then: \"Book\")])", vec![Turn(&["Ask"], 0)]), NA, None);

    let not = "Not(Eventually(\"Dismiss\"))";
    check(case(not, vec![Turn(&["Ask"], 0)]), Pass, None);
    check(case(not, vec![Turn(&["Ask"], 0), Turn(&["Dismiss"], 0)]), Fail, Some(2));
    check(case("Not(Before(first: \"Ask\", then: \"Book\"))", vec![Turn(&["Ask"], 0)]), NA, None);
}

#[test]
fn applies_on_a_fact() {
    let mut c = case("Eventually(\"Offer\")", vec![Turn(&["Ask"], 0)]);
    c.applies = Some("Fact(\"budget\", Below(400))");
    c.budget = 300;
    check(c, Fail, None);
    let mut c = case("Eventually(\"Offer\")", vec![Turn(&["Ask"], 0)]);
    c.applies = Some("Fact(\"budget\", Below(400))");
    c.budget = 400;
    check(c, NA, None);
}

#[test]
fn applies_once_the_fact_is_known() {
    // The window opens at the first turn taken while the fact is known (revealed at node 2).
    let mut c = case("FirstTurn(\"Offer\")", vec![Turn(&["Ask"], 0), Turn(&["Offer"], 0)]);
    c.applies = Some("Known(\"budget\")");
    c.reveal_at = Some(2);
    check(c, Pass, Some(2));
    let mut c = case("FirstTurn(\"Offer\")", vec![Turn(&["Offer"], 0), Turn(&["Ask"], 0)]);
    c.applies = Some("Known(\"budget\")");
    c.reveal_at = Some(2);
    check(c, Fail, Some(2));
}

#[test]
fn applies_on_the_customers_state() {
    // Mood 50 drops to 20 after turn 1: the window opens at turn 2, so Empathize at turn 3 is
    // the second reply of the window.
    let within = "Within(turns: 2, act: \"Empathize\")";
    let mut c = case(within, vec![Turn(&["Ask"], -30), Turn(&["Offer"], 0), Turn(&["Empathize"], 0)]);
    c.applies = Some("Mood(Below(35))");
    check(c, Pass, Some(3));
    let mut c =
        case(within, vec![Turn(&["Ask"], -30), Turn(&["Offer"], 0), Turn(&["Offer"], 0), Turn(&["Empathize"], 0)]);
    c.applies = Some("Mood(Below(35))");
    check(c, Fail, Some(3));
    let mut c = case(within, vec![Turn(&["Ask"], -10), Turn(&["Offer"], 0)]);
    c.applies = Some("Mood(Below(35))");
    check(c, NA, None);
    let mut c = case(within, vec![Turn(&["Empathize"], -30), Turn(&["Offer"], 0)]);
    c.applies = Some("All([Mood(Below(35)), Not(Fact(\"budget\", AtLeast(1000)))])");
    check(c, Fail, Some(2));
}

#[test]
fn a_scenario_can_disable_or_reweight_a_rule() {
    let c = case("Eventually(\"Ask\")", vec![Turn(&["Offer"], 0)]);
    let (v, _, _) = run(&c, "", "disable: [\"R\"]");
    assert_eq!(v, NA);
    let extra = "(id: \"S\", category: \"choices\", weight: 1, practice: \"P-11\", title: \"s\", explanation: \"e\", tip: \"t\", check: Eventually(\"Offer\"))";
    let (_, _, card) = run(&c, extra, "");
    assert_eq!(card.total, 25.0, "R (3) fails, S (1) passes");
    let (_, _, card) = run(&c, extra, "weights: {\"R\": 1}");
    assert_eq!(card.total, 50.0, "R re-weighted to 1");
    assert_eq!(card.categories["listening"], Some(0.0));
    assert_eq!(card.categories["choices"], Some(100.0));
}

#[test]
fn not_applicable_is_not_a_free_pass() {
    // Only an inapplicable rule and a failing one: the total is 0, not 50.
    let mut c = case("Eventually(\"Offer\")", vec![Turn(&["Ask"], 0)]);
    c.applies = Some("Fact(\"budget\", Below(100))");
    let extra = "(id: \"S\", category: \"choices\", weight: 1, practice: \"P-11\", title: \"s\", explanation: \"e\", tip: \"t\", check: Never(\"Ask\"))";
    let (v, _, card) = run(&c, extra, "");
    assert_eq!(v, NA);
    assert_eq!(card.total, 0.0);
    assert_eq!(card.categories["listening"], None, "a category with nothing applicable has no score");
    let failed = card.rules.iter().find(|r| r.id == "S").unwrap();
    assert_eq!(failed.tip.as_deref(), Some("t"), "failed rules carry their coaching tip");
    assert!(card.rules.iter().find(|r| r.id == "R").unwrap().tip.is_none(), "n/a rules carry no tip");
}
