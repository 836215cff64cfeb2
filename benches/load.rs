//! (a) Load + validate the shipped library and a generated library of 1,000 scenarios × 50
//! nodes, against serde_json parsing the same raw model (no validation) in the same run.
//! Target: ratio ≤ 1.5.

#[path = "support/mod.rs"]
mod support;

use std::path::Path;
use std::sync::Arc;

use criterion::Criterion;
use rehearse::rules::raw::RawRulebook;
use rehearse::scenario::raw::RawScenario;
use rehearse::score::Rubric;

struct Corpus {
    rulebook: String,
    scenarios: Vec<String>,
    rulebook_json: String,
    scenarios_json: Vec<String>,
}

fn corpus(rulebook: String, scenarios: Vec<String>) -> Corpus {
    let opts = ron::Options::default().with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME);
    let raw_rb: RawRulebook = opts.from_str(&rulebook).expect("rulebook parses");
    let scenarios_json = scenarios
        .iter()
        .map(|t| serde_json::to_string(&opts.from_str::<RawScenario>(t).expect("scenario parses")).expect("json"))
        .collect();
    Corpus { rulebook_json: serde_json::to_string(&raw_rb).expect("json"), rulebook, scenarios, scenarios_json }
}

/// Parse and validate everything, compiling each scenario's rubric, as `Library::load` does.
fn load_ron(c: &Corpus) -> usize {
    let file = Path::new("bench.ron");
    let book = Arc::new(rehearse::rules::load(file, &c.rulebook).0.expect("valid rulebook"));
    let mut nodes = 0;
    for text in &c.scenarios {
        let (s, diags) = rehearse::scenario::load(file, text, &book);
        let s = s.unwrap_or_else(|| panic!("invalid scenario: {} problems, first {:?}", diags.len(), diags.first()));
        nodes += s.nodes.len() + Rubric::new(book.clone(), &s).0.rules.len();
    }
    nodes
}

/// RON parsing alone, no validation: the floor the `ron` crate sets.
fn parse_ron(c: &Corpus) -> usize {
    let opts = ron::Options::default().with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME);
    let book: RawRulebook = opts.from_str(&c.rulebook).expect("rulebook");
    let mut nodes = book.rules.len();
    for text in &c.scenarios {
        nodes += opts.from_str::<RawScenario>(text).expect("scenario").nodes.len();
    }
    nodes
}

/// The baseline: serde_json parsing the same raw model.
fn load_json(c: &Corpus) -> usize {
    let book: RawRulebook = serde_json::from_str(&c.rulebook_json).expect("json rulebook");
    let mut nodes = book.rules.len();
    for text in &c.scenarios_json {
        nodes += serde_json::from_str::<RawScenario>(text).expect("json scenario").nodes.len();
    }
    nodes
}

fn main() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios");
    let rulebook = std::fs::read_to_string(dir.join("rulebook.ron")).expect("rulebook");
    let shipped: Vec<String> = rehearse::library::scenario_files(&dir)
        .expect("scenario folder")
        .iter()
        .map(|p| std::fs::read_to_string(p).expect("scenario"))
        .collect();
    let pretty = ron::ser::PrettyConfig::new();
    let generated: Vec<String> = (0..1000)
        .map(|i| ron::ser::to_string_pretty(&support::scenario(&format!("g{i}"), 50, i), pretty.clone()).expect("ron"))
        .collect();
    let shipped = corpus(rulebook.clone(), shipped);
    let generated = corpus(rulebook, generated);
    let mb = generated.scenarios.iter().map(String::len).sum::<usize>() as f64 / 1e6;
    println!("generated library: 1000 scenarios x 50 nodes, {mb:.1} MB of RON");

    let mut c = Criterion::default().sample_size(10).configure_from_args();
    c.bench_function("load/shipped/ron+validate", |b| b.iter(|| load_ron(&shipped)));
    c.bench_function("load/shipped/serde_json", |b| b.iter(|| load_json(&shipped)));
    c.bench_function("load/generated_1000x50/ron+validate", |b| b.iter(|| load_ron(&generated)));
    c.bench_function("load/generated_1000x50/serde_json", |b| b.iter(|| load_json(&generated)));
    support::ratio("load shipped library", "<= 1.5", 51, || load_ron(&shipped), || load_json(&shipped));
    support::ratio("load 1000x50 library", "<= 1.5", 7, || load_ron(&generated), || load_json(&generated));
    support::ratio("ron parse only, 1000x50 (floor)", "report", 7, || parse_ron(&generated), || load_json(&generated));
    c.final_summary();
}
