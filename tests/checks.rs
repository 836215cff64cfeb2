//! Every check kind, passing, failing and not applicable, through the public API: a rulebook
//! with one rule and a scripted scenario are written to a temporary folder, loaded, played and
//! scored. `check` is the only place that touches the API.
//!
//! The scripted scenario always takes option 1; its first node also offers a reply performing
//! every act (never taken), so every rule *could* be broken and none is n/a just for being
//! unbreakable (that case has its own test).

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
    /// Acts of the untaken second reply at the first node (`None`: no such reply).
    spare: Option<&'static [&'static str]>,
    /// Extra top-level rulebook fields (`repeat_cap: 3,`).
    rulebook: &'static str,
    /// The scenario's `promises: [...]` list, RON.
    promises: &'static str,
    /// Extra fields for the taken reply of a turn (1-based): `promises: ["p"]`.
    reply_extra: Vec<(usize, &'static str)>,
    /// Extra fields for the node of a turn (1-based): `breaks: ["p"]`.
    node_extra: Vec<(usize, &'static str)>,
    /// The ending's outcome.
    outcome: &'static str,
    /// Extra fields for the untaken spare reply (`promises: ["p"]`).
    spare_extra: &'static str,
}

fn case(check: &'static str, turns: Vec<Turn>) -> Case {
    Case {
        check,
        applies: None,
        mood: 50,
        budget: 500,
        reveal_at: None,
        turns,
        spare: Some(ACTS),
        rulebook: "",
        promises: "",
        reply_extra: Vec::new(),
        node_extra: Vec::new(),
        outcome: "Retained",
        spare_extra: "",
    }
}

fn write_lab(dir: &std::path::Path, c: &Case, extra_rules: &str, overrides: &str) {
    let acts: Vec<String> = ACTS.iter().map(|a| format!("(id: \"{a}\", description: \"{a}\")")).collect();
    let applies = c.applies.map(|a| format!("applies: {a},")).unwrap_or_default();
    let rulebook = format!(
        "({} acts: [{}], categories: [(id: \"listening\", title: \"L\"), (id: \"choices\", title: \"C\")],
          rules: [(id: \"R\", category: \"listening\", weight: 3, practice: \"P-02\", title: \"t\", explanation: \"e\",
                   tip: \"do it\", {applies} check: {}), {extra_rules}])",
        c.rulebook,
        acts.join(", "),
        c.check
    );
    std::fs::write(dir.join("rulebook.ron"), rulebook).unwrap();
    let extra = |list: &[(usize, &str)], n: usize| {
        list.iter().filter(|(k, _)| *k == n).map(|(_, e)| format!("{e},")).collect::<String>()
    };
    let nodes: Vec<String> = c
        .turns
        .iter()
        .enumerate()
        .map(|(i, Turn(acts, mood))| {
            let n = i + 1;
            let to = if n == c.turns.len() { "end".to_string() } else { format!("t{}", n + 1) };
            let acts: Vec<String> = acts.iter().map(|a| format!("\"{a}\"")).collect();
            let reveals = if c.reveal_at == Some(n) { "reveals: [\"budget\"]," } else { "" };
            let spare = match (n, c.spare) {
                (1, Some(spare)) => {
                    let acts: Vec<String> = spare.iter().map(|a| format!("\"{a}\"")).collect();
                    format!(
                        ", (id: \"t1.spare\", text: \"spare\", acts: [{}], {} to: \"end\")",
                        acts.join(", "),
                        c.spare_extra
                    )
                }
                _ => String::new(),
            };
            format!(
                "(id: \"t{n}\", {reveals} {} says: [(id: \"t{n}.l\", text: \"line {n}\")],
                  replies: [(id: \"t{n}.r\", text: \"reply {n}\", acts: [{}], effect: (mood: {mood}), {} to: \"{to}\"){spare}])",
                extra(&c.node_extra, n),
                acts.join(", "),
                extra(&c.reply_extra, n),
            )
        })
        .collect();
    let scenario = format!(
        "(id: \"lab\", title: \"Lab\", summary: \"s\", difficulty: Easy,
          customer: (name: \"C\", situation: \"s\", mood: {}, patience: 100),
          facts: [(id: \"budget\", label: \"Budget {{value}}\", draw: Range(min: {b}, max: {b}))],
          promises: [{}],
          start: \"t1\", nodes: [{}],
          endings: [(id: \"end\", outcome: {}, satisfaction: 50, says: [(id: \"end.l\", text: \"bye\")])],
          rules: ({overrides}))",
        c.mood,
        c.promises,
        nodes.join(",\n"),
        c.outcome,
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

#[test]
fn before_each() {
    let each = "BeforeEach(first: \"Cost\", then: \"Book\")";
    // A price before each booking, or in the same reply.
    check(case(each, vec![Turn(&["Cost"], 0), Turn(&["Book"], 0), Turn(&["Cost", "Book"], 0)]), Pass, Some(3));
    // A price for the first job does not cover booking the second.
    check(case(each, vec![Turn(&["Cost"], 0), Turn(&["Book"], 0), Turn(&["Book"], 0)]), Fail, Some(3));
    check(case(each, vec![Turn(&["Book"], 0), Turn(&["Cost"], 0)]), Fail, Some(1));
    // Nothing booked: nothing to judge.
    check(case(each, vec![Turn(&["Cost"], 0), Turn(&["Ask"], 0)]), NA, None);
}

const PROMISES: &str =
    "(id: \"by_nine\", about: Time, says: \"ready by nine\", deliverable: Fact(\"budget\", AtLeast(400))),
                        (id: \"quote\", about: Price, says: \"it costs 520\")";

fn promise_case(turns: Vec<Turn>, reply_extra: Vec<(usize, &'static str)>) -> Case {
    let mut c = case("KeepPromises", turns);
    c.promises = PROMISES;
    c.reply_extra = reply_extra;
    c.spare_extra = "promises: [\"quote\"],";
    c
}

#[test]
fn keep_promises() {
    let three = || vec![Turn(&["Ask"], 0), Turn(&["Offer"], 0), Turn(&["Book"], 0)];
    // Made and kept, or made and never broken: kept.
    check(promise_case(three(), vec![(1, "promises: [\"quote\"]"), (3, "keeps: [\"quote\"]")]), Pass, None);
    check(promise_case(three(), vec![(2, "promises: [\"by_nine\"]")]), Pass, None);
    // A later reply breaks it: more work after the quote.
    check(promise_case(three(), vec![(1, "promises: [\"quote\"]"), (3, "breaks: [\"quote\"]")]), Fail, Some(3));
    // Kept first, so a later "break" cannot undo it.
    check(
        promise_case(
            three(),
            vec![(1, "promises: [\"quote\"]"), (2, "keeps: [\"quote\"]"), (3, "breaks: [\"quote\"]")],
        ),
        Pass,
        None,
    );
    // Made when the facts say the shop cannot keep it: broken at once.
    let mut c = promise_case(three(), vec![(2, "promises: [\"by_nine\"]")]);
    c.budget = 300;
    check(c, Fail, Some(2));
    // A node the conversation arrives at breaks it: the turn that led there shows it.
    let mut c = promise_case(three(), vec![(1, "promises: [\"quote\"]")]);
    c.node_extra = vec![(3, "breaks: [\"quote\"]")];
    check(c, Fail, Some(2));
    // Breaking a promise that was never made changes nothing; no promise made: n/a.
    check(promise_case(three(), vec![(3, "breaks: [\"quote\"]")]), NA, None);
    check(promise_case(three(), vec![]), NA, None);
}

#[test]
fn a_rule_nobody_can_break_here_is_not_applicable() {
    // No reply of the scenario dismisses the customer: "never dismiss" tests nothing here.
    let mut c = case("Never(\"Dismiss\")", vec![Turn(&["Ask"], 0), Turn(&["Offer"], 0)]);
    c.spare = None;
    let (v, _, card) = run(&c, "", "");
    assert_eq!(v, NA);
    let r = card.rules.iter().find(|r| r.id == "R").unwrap();
    assert_eq!(r.note, "nothing in this conversation could break it");
    // The same rule where a dismissive reply is on offer (not taken) is a real pass.
    let c = case("Never(\"Dismiss\")", vec![Turn(&["Ask"], 0), Turn(&["Offer"], 0)]);
    check(c, Pass, None);
}

/// A lab with rule R = `Never(Dismiss)` (weight 3) and S = `Eventually(Offer)` (weight 1),
/// `dismissals` dismissive replies, and the rulebook's repeat cap at 3.
fn repeated(dismissals: usize) -> rehearse::score::Scorecard {
    let mut turns = vec![Turn(&["Offer"], 0)];
    turns.extend((0..dismissals).map(|_| Turn(&["Dismiss"], 0)));
    let mut c = case("Never(\"Dismiss\")", turns);
    c.rulebook = "repeat_cap: 3,";
    let extra = "(id: \"S\", category: \"choices\", weight: 1, practice: \"P-11\", title: \"s\", explanation: \"e\", tip: \"t\", check: Eventually(\"Offer\"))";
    run(&c, extra, "").2
}

#[test]
fn a_fault_repeated_costs_again_up_to_the_cap() {
    let (once, twice, thrice, four) = (repeated(1), repeated(2), repeated(3), repeated(4));
    // S keeps 1; R broken n times weighs 3n against, at most 3 × 3.
    assert_eq!(once.total, 25.0);
    assert_eq!(twice.total, round1(100.0 / 7.0));
    assert_eq!(thrice.total, 10.0);
    assert!(thrice.total < once.total, "three digs cost strictly more than one");
    assert_eq!(four.total, thrice.total, "the cap: one rule cannot sink everything");
    let r = thrice.rules.iter().find(|r| r.id == "R").unwrap();
    assert_eq!(r.cost, 9);
    assert_eq!(r.breaches.iter().map(|e| e.turn).collect::<Vec<_>>(), [2, 3, 4], "every breach, with its turn");
    assert!(r.note.starts_with("broken 3 times, at turns 2, 3 and 4."), "{}", r.note);
    // Without a repeat cap in the rulebook a rule costs its weight once.
    let c = case("Never(\"Dismiss\")", vec![Turn(&["Dismiss"], 0), Turn(&["Dismiss"], 0)]);
    let (_, _, card) = run(&c, "", "");
    assert_eq!(card.rules.iter().find(|r| r.id == "R").unwrap().cost, 3);
}

fn round1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

#[test]
fn an_ending_that_loses_the_customer_caps_the_total() {
    let caps = "outcome_caps: [(outcome: Lost, cap: 60, reason: \"the customer left\")],";
    let mut c = case("Eventually(\"Ask\")", vec![Turn(&["Ask"], 0)]);
    c.rulebook = caps;
    c.outcome = "Lost";
    let (v, _, card) = run(&c, "", "");
    assert_eq!(v, Pass);
    assert_eq!(card.total, 60.0, "a perfect conversation that loses the customer");
    let capped = card.capped.clone().expect("the debrief says why");
    assert_eq!((capped.cap, capped.reason.as_str(), capped.uncapped), (60, "the customer left", 100.0));
    assert_eq!(
        rehearse::report::cap_line(&rehearse::l10n::Messages::english(), &card).as_deref(),
        Some("capped at 60: the customer left (100.0 before the cap)")
    );
    // Below the cap, nothing changes and nothing is said.
    let mut c = case("Eventually(\"Ask\")", vec![Turn(&["Offer"], 0)]);
    c.rulebook = caps;
    c.outcome = "Lost";
    let (_, _, card) = run(&c, "", "");
    assert_eq!((card.total, card.capped), (0.0, None));
    // Other outcomes are not capped.
    let mut c = case("Eventually(\"Ask\")", vec![Turn(&["Ask"], 0)]);
    c.rulebook = caps;
    c.outcome = "Escalated";
    assert_eq!(run(&c, "", "").2.total, 100.0);
}

#[test]
fn notes_speak_in_plain_words_without_ids() {
    let mut c = case("Never(\"Dismiss\")", vec![Turn(&["Dismiss"], 0)]);
    c.rulebook = "";
    let dir = tempfile::tempdir().unwrap();
    write_lab(dir.path(), &c, "", "");
    // Give the act a description the note must use.
    let book = std::fs::read_to_string(dir.path().join("rulebook.ron")).unwrap().replace(
        "(id: \"Dismiss\", description: \"Dismiss\")",
        "(id: \"Dismiss\", description: \"Brushes the concern aside.\")",
    );
    std::fs::write(dir.path().join("rulebook.ron"), book).unwrap();
    let lib = Library::load(dir.path()).unwrap();
    let entry = lib.find("lab").unwrap();
    let session = Session::replay(entry.scenario.clone(), 1, "t", &[1]).unwrap();
    let card = score(&entry.scenario, &entry.rubric, session.transcript());
    let r = card.rules.iter().find(|r| r.id == "R").unwrap();
    assert_eq!(r.note, "broken at turn 1. To avoid: brushes the concern aside.");
}

#[test]
fn a_never_rule_is_kept_only_by_a_trainee_who_was_tempted() {
    // The dismissive reply exists, but is offered only on a tight budget: on this path the
    // trainee never saw it, so not dismissing earns nothing (n/a), and costs nothing.
    let mut c = case("Never(\"Dismiss\")", vec![Turn(&["Ask"], 0), Turn(&["Offer"], 0)]);
    c.spare = Some(&["Dismiss"]);
    c.spare_extra = "when: Fact(\"budget\", Below(100)),";
    let (v, _, card) = run(&c, "", "");
    assert_eq!(v, NA);
    assert_eq!(card.rules.iter().find(|r| r.id == "R").unwrap().note, "did not come up in this conversation");
    // Offered (budget 50) and declined: kept.
    let mut c = case("Never(\"Dismiss\")", vec![Turn(&["Ask"], 0), Turn(&["Offer"], 0)]);
    c.spare = Some(&["Dismiss"]);
    c.spare_extra = "when: Fact(\"budget\", Below(100)),";
    c.budget = 50;
    check(c, Pass, None);
}
