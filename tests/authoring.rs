//! The trainer's tools: `rehearse new` writes a skeleton that validates and plays, `rehearse
//! graph` draws every node, ending and reply, and `analyze --policy` plays a scripted advisor.

mod common;

use std::path::Path;

use common::{rehearse, rehearse_in};
use rehearse::analyze::{self, Policy};
use rehearse::library::Library;
use serde_json::Value;

fn with_dir<'a>(dir: &'a Path, args: &[&'a str]) -> Vec<&'a str> {
    let mut all = vec!["--scenarios", dir.to_str().unwrap()];
    all.extend_from_slice(args);
    all
}

#[test]
fn new_writes_a_skeleton_that_validates_clean_and_plays_to_100() {
    let lib = common::shipped_copy();
    let dir = lib.path();
    let run = rehearse(&with_dir(dir, &["new", "brake_check"]));
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    assert!(run.stdout.contains("validates clean"), "{}", run.stdout);
    let file = dir.join("brake_check.scenario.ron");
    assert!(std::fs::read_to_string(&file).unwrap().contains("id: \"brake_check\""));

    // The whole folder, the new file included, validates without a single diagnostic.
    let run = rehearse(&with_dir(dir, &["validate"]));
    assert_eq!((run.code, run.stdout.as_str()), (0, ""), "{}", run.stderr);
    let run = rehearse(&["validate", file.to_str().unwrap()]);
    assert_eq!((run.code, run.stdout.as_str()), (0, ""), "{}", run.stderr);

    // It is listed, analysed, and its best path plays to an ending scoring 100.
    let run = rehearse(&with_dir(dir, &["list"]));
    assert!(run.stdout.lines().any(|l| l.starts_with("brake_check")), "{}", run.stdout);
    let run = rehearse(&with_dir(dir, &["analyze", "brake_check", "--json", "--runs", "50"]));
    assert_eq!(run.code, 0, "{}", run.stderr);
    let v: Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(v["best"], 100.0);
    let path: Vec<String> = v["best_path"].as_array().unwrap().iter().map(|n| n.to_string()).collect();
    let run = rehearse(&with_dir(
        dir,
        &["play", "brake_check", "--seed", "1", "--choices", &path.join(","), "--json", "--no-save"],
    ));
    assert_eq!(run.code, 0, "{}", run.stderr);
    let played: Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(played["total"], 100.0, "{}", run.stdout);
    assert_eq!(played["outcome"], "retained");

    // And interactively, reading option numbers from standard input.
    let stdin = format!("{}\n", path.join("\n"));
    let run = rehearse_in(dir, &with_dir(dir, &["play", "brake_check", "--seed", "2", "--no-save"]), Some(&stdin));
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.lines().any(|l| l.starts_with("Total") && l.ends_with("] 100.0")), "{}", run.stdout);
}

#[test]
fn new_never_overwrites_and_refuses_unusable_ids() {
    let lib = common::shipped_copy();
    let dir = lib.path();
    let existing = dir.join("budget_customer.scenario.ron");
    let before = std::fs::read(&existing).unwrap();
    let run = rehearse(&with_dir(dir, &["new", "budget_customer"]));
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("already exists") && run.stderr.contains("nothing was overwritten"), "{}", run.stderr);
    assert_eq!(std::fs::read(&existing).unwrap(), before, "the existing file is untouched");
    for bad in ["../escape", "Brake", "2fast", "with space", ""] {
        let run = rehearse(&with_dir(dir, &["new", bad]));
        assert_eq!(run.code, 2, "{bad}");
        assert!(run.stderr.contains("is not a usable scenario id"), "{bad}: {}", run.stderr);
    }
    assert!(!dir.parent().unwrap().join("escape.scenario.ron").exists());
}

#[test]
fn graph_draws_every_node_ending_and_reply_in_both_formats() {
    let lib = Library::load(&common::scenarios_dir()).unwrap();
    for entry in &lib.entries {
        let s = &entry.scenario;
        let edges: usize = s.nodes.iter().flat_map(|n| &n.replies).map(|r| r.branches.len() + 1).sum();

        let run = rehearse(&["graph", &s.id, "--format", "dot"]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        let dot = run.stdout;
        assert!(dot.starts_with(&format!("digraph \"{}\" {{", s.id)) && dot.trim_end().ends_with('}'));
        for n in &s.nodes {
            assert!(dot.contains(&format!("  \"{}\" [label=\"{}\\n", n.id, n.id)), "{}: node {}", s.id, n.id);
        }
        for e in &s.endings {
            let colour = rehearse::authoring::diagram::outcome_colour(e.outcome);
            assert!(
                dot.contains(&format!(
                    "  \"{}\" [shape=doubleoctagon, fillcolor=\"{colour}\", label=\"{}\\n{} ·",
                    e.id,
                    e.id,
                    e.outcome.as_str()
                )),
                "{}: ending {}",
                s.id,
                e.id
            );
        }
        let ids: Vec<&str> =
            s.nodes.iter().map(|n| n.id.as_str()).chain(s.endings.iter().map(|e| e.id.as_str())).collect();
        let is_edge = |line: &&str| {
            let head = line.split(" [label=").next().unwrap_or("");
            head.strip_prefix("  \"")
                .and_then(|h| h.strip_suffix('"'))
                .and_then(|h| h.split_once("\" -> \""))
                .is_some_and(|(from, to)| ids.contains(&from) && ids.contains(&to))
        };
        assert_eq!(dot.lines().filter(is_edge).count(), edges, "{}: one edge per reply and branch", s.id);
        // Every edge names the acts of its reply.
        let first = &s.nodes[s.start].replies[0];
        let acts = entry.rubric.rulebook.act_names(first.acts).join(", ");
        assert!(dot.contains(&format!("[label=\"1: {acts}")), "{}: {acts}", s.id);

        let run = rehearse(&["graph", &s.id, "--format", "mermaid"]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        let mermaid = run.stdout;
        assert!(mermaid.starts_with("flowchart TD\n"));
        assert_eq!(mermaid.matches(" -->|\"").count(), edges, "{}", s.id);
        for (i, e) in s.endings.iter().enumerate() {
            assert!(mermaid.contains(&format!("  e{i}([\"{}<br/>", e.id)), "{}: {}", s.id, e.id);
            assert!(mermaid.contains(&format!(":::{}\n", e.outcome.as_str())));
        }
        assert!(
            !mermaid.lines().any(|l| l.contains("-->") && l.matches('|').count() != 2),
            "{}: a `|` inside a label",
            s.id
        );
    }
}

#[test]
fn graph_writes_a_file_and_names_an_unknown_scenario() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("g.dot");
    let run = rehearse(&["graph", "after_hours", "--out", out.to_str().unwrap()]);
    assert_eq!((run.code, run.stdout.as_str()), (0, ""), "{}", run.stderr);
    assert!(std::fs::read_to_string(&out).unwrap().starts_with("digraph"));
    let run = rehearse(&["graph", "after_hour"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("after_hour"), "{}", run.stderr);
}

#[test]
fn a_policy_plays_the_reply_it_prefers_every_time() {
    let lib = common::shipped_copy();
    let dir = lib.path();
    assert_eq!(rehearse(&with_dir(dir, &["new", "brake_check"])).code, 0);
    let library = Library::load(dir).unwrap();
    let entry = library.find("brake_check").unwrap();
    // Booking at once, then brushing the squeal aside: always options 1 then 1.
    let policy =
        Policy::parse(Path::new("rude.policy.ron"), r#"(name: "Rude", prefer: {"BookWork": 5, "Dismiss": 1})"#)
            .unwrap();
    let weights = policy.weights(&library.rulebook).unwrap();
    let expected = analyze::tally_path(&entry.scenario, &entry.rubric, &[0], &[1, 1]).unwrap().total();
    let stats = analyze::scripted(&entry.scenario, &entry.rubric, Some(&weights), 200, 7);
    assert!(expected < 100.0, "{expected}");
    assert_eq!((stats.p10, stats.p90), (expected, expected));
    assert!((stats.mean - expected).abs() < 1e-9, "{} vs {expected}", stats.mean);

    // Through the command line, with the file given explicitly.
    let file = dir.join("rude.policy.ron");
    std::fs::write(&file, r#"(name: "Rude", prefer: {"BookWork": 5, "Dismiss": 1})"#).unwrap();
    let run = rehearse(&with_dir(
        dir,
        &["analyze", "brake_check", "--policy", file.to_str().unwrap(), "--json", "--runs", "100"],
    ));
    assert_eq!(run.code, 0, "{}", run.stderr);
    let v: Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(v["policies"][0]["name"], "Rude");
    assert_eq!(v["policies"][0]["scores"]["mean"], rehearse::score::round1(expected));
}

#[test]
fn a_policy_with_an_unknown_act_is_named_with_its_line_and_a_suggestion() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("typo.policy.ron");
    std::fs::write(&file, "(\n    name: \"Typo\",\n    prefer: {\"Overpromis\": 3, \"CaveIn\": 2},\n)\n").unwrap();
    let run = rehearse(&["analyze", "after_hours", "--policy", file.to_str().unwrap()]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains(&format!(
            "{}:3:14: error: unknown act `Overpromis`; did you mean `Overpromise`?",
            file.display()
        )),
        "{}",
        run.stderr
    );
    let caret =
        format!("3 |     prefer: {{\"Overpromis\": 3, \"CaveIn\": 2}},\n  | {}{}", " ".repeat(13), "^".repeat(12));
    assert!(run.stderr.contains(&caret), "{}", run.stderr);
    std::fs::write(&file, "(name: \"Empty\", prefer: {})").unwrap();
    let run = rehearse(&["analyze", "after_hours", "--policy", file.to_str().unwrap()]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("the policy prefers nothing"), "{}", run.stderr);
    std::fs::write(&file, "(name: \"Broken\", prefer: {\"CaveIn\": x})").unwrap();
    let run = rehearse(&["analyze", "after_hours", "--policy", file.to_str().unwrap()]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("typo.policy.ron:1:"), "{}", run.stderr);
}

#[test]
fn the_guide_examples_are_valid_ron_of_the_right_shape() {
    use rehearse::scenario::raw::{RawFact, RawNode};
    #[derive(serde::Deserialize)]
    struct Facts {
        #[allow(dead_code)]
        facts: Vec<RawFact>,
    }
    let guide = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/authoring.md")).unwrap();
    let blocks: Vec<&str> =
        guide.split("```ron\n").skip(1).map(|b| b.split("```").next().unwrap().trim().trim_end_matches(',')).collect();
    assert_eq!(blocks.len(), 3, "the facts, the node and the policy examples");
    let options = ron::Options::default().with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME);
    options.from_str::<Facts>(&format!("({})", blocks[0])).unwrap_or_else(|e| panic!("facts example: {e}"));
    options.from_str::<RawNode>(blocks[1]).unwrap_or_else(|e| panic!("node example: {e}"));
    let policy = Policy::parse(Path::new("guide.policy.ron"), blocks[2]).unwrap();
    let lib = Library::load(&common::scenarios_dir()).unwrap();
    policy.weights(&lib.rulebook).expect("the policy example names real acts");
    // Every act the node example uses exists.
    let node: RawNode = options.from_str(blocks[1]).unwrap();
    for act in node.replies.iter().flat_map(|r| &r.acts) {
        assert!(lib.rulebook.act(act).is_some(), "{act}");
    }
}
