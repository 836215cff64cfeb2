//! A scenario as a picture, for review: Graphviz DOT or Mermaid text.
//!
//! Nodes are labelled with their id and the customer's first line; endings are coloured by
//! outcome; each edge is one reply, labelled with its option number and acts, and a branch edge
//! also with the condition that sends the reply there.

use std::fmt::Write as _;

use crate::cond::{Cond, Meter};
use crate::rules::Rulebook;
use crate::scenario::{Outcome, Scenario, Target};

/// The two text formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Graphviz (`dot -Tsvg`).
    Dot,
    /// Mermaid flowchart (renders in Markdown on GitHub and GitLab).
    Mermaid,
}

/// Fill colour of an ending, by outcome.
pub fn outcome_colour(outcome: Outcome) -> &'static str {
    match outcome {
        Outcome::Retained => "#b7e4c7",
        Outcome::Referred => "#bde0fe",
        Outcome::Escalated => "#ffd6a5",
        Outcome::Lost => "#ffadad",
    }
}

/// One edge: from node, to target, label.
struct Edge {
    from: usize,
    to: Target,
    label: String,
}

fn edges(s: &Scenario, book: &Rulebook) -> Vec<Edge> {
    let mut out = Vec::new();
    for (n, node) in s.nodes.iter().enumerate() {
        for (k, reply) in node.replies.iter().enumerate() {
            let mut acts = book.act_names(reply.acts).join(", ");
            if acts.is_empty() {
                acts = "no act".into();
            }
            let offered = reply.when.as_ref().map(|c| format!(" [if {}]", cond_text(s, c))).unwrap_or_default();
            let base = format!("{}: {acts}{offered}", k + 1);
            for (cond, to) in &reply.branches {
                out.push(Edge { from: n, to: *to, label: format!("{base} (when {})", cond_text(s, cond)) });
            }
            let label = if reply.branches.is_empty() { base } else { format!("{base} (otherwise)") };
            out.push(Edge { from: n, to: reply.to, label });
        }
    }
    out
}

/// A condition in words: `budget < 400`, `claim = reasonable`, `knows budget`, `mood < 35`.
pub fn cond_text(s: &Scenario, c: &Cond) -> String {
    let range = |name: &str, lo: i64, hi: i64| match (lo == i64::MIN, hi == i64::MAX) {
        (true, false) => format!("{name} < {hi}"),
        (false, true) => format!("{name} ≥ {lo}"),
        (false, false) if hi == lo + 1 => format!("{name} = {lo}"),
        (false, false) => format!("{lo} ≤ {name} < {hi}"),
        (true, true) => "always".to_string(),
    };
    let join = |cs: &[Cond], sep: &str| cs.iter().map(|c| cond_text(s, c)).collect::<Vec<_>>().join(sep);
    match c {
        Cond::Fact { fact, lo, hi } => {
            let Some(f) = s.facts.get(*fact) else { return "?".into() };
            match &f.kind {
                crate::scenario::FactKind::Choice(_) if hi - lo == 1 => format!("{} = {}", f.id, f.value_text(*lo)),
                _ => range(&f.id, *lo, *hi),
            }
        }
        Cond::Known(fact) => format!("knows {}", s.facts.get(*fact).map_or("?", |f| f.id.as_str())),
        Cond::Meter { meter, lo, hi } => {
            let name = match meter {
                Meter::Mood => "mood",
                Meter::Patience => "patience",
                Meter::Trust => "trust",
            };
            range(name, *lo, *hi)
        }
        Cond::All(cs) => format!("({})", join(cs, " and ")),
        Cond::Any(cs) => format!("({})", join(cs, " or ")),
        Cond::Not(c) => format!("not {}", cond_text(s, c)),
    }
}

/// The first line variant of a node, cut to about 40 characters.
fn first_line(s: &Scenario, n: usize) -> String {
    let text = s.nodes[n].says.first().map_or("", |l| l.text.as_str());
    crate::text::shorten(text, 40)
}

/// Render a scenario's graph.
pub fn render(s: &Scenario, book: &Rulebook, format: Format) -> String {
    match format {
        Format::Dot => dot(s, book),
        Format::Mermaid => mermaid(s, book),
    }
}

fn dot_escape(text: &str) -> String {
    text.replace('\\', "\\\\").replace('"', "\\\"").replace('\n', " ")
}

fn dot(s: &Scenario, book: &Rulebook) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "digraph \"{}\" {{", dot_escape(&s.id));
    let _ = writeln!(out, "  label=\"{}\";", dot_escape(&s.title));
    out.push_str(
        "  rankdir=TB;\n  node [shape=box, style=\"rounded,filled\", fillcolor=\"#ffffff\", fontname=\"Helvetica\"];\n",
    );
    out.push_str("  edge [fontname=\"Helvetica\", fontsize=10];\n");
    for (n, node) in s.nodes.iter().enumerate() {
        let start = if n == s.start { ", penwidth=2" } else { "" };
        let _ = writeln!(
            out,
            "  \"{}\" [label=\"{}\\n{}\"{start}];",
            dot_escape(&node.id),
            dot_escape(&node.id),
            dot_escape(&first_line(s, n))
        );
    }
    for e in &s.endings {
        let _ = writeln!(
            out,
            "  \"{}\" [shape=doubleoctagon, fillcolor=\"{}\", label=\"{}\\n{} · satisfaction {}\"];",
            dot_escape(&e.id),
            outcome_colour(e.outcome),
            dot_escape(&e.id),
            e.outcome.as_str(),
            e.satisfaction
        );
    }
    for e in edges(s, book) {
        let _ = writeln!(
            out,
            "  \"{}\" -> \"{}\" [label=\"{}\"];",
            dot_escape(&s.nodes[e.from].id),
            dot_escape(s.target_id(e.to)),
            dot_escape(&e.label)
        );
    }
    out.push_str("}\n");
    out
}

/// Mermaid ids must be plain: `n3`, `e1`.
fn mermaid_id(t: Target) -> String {
    match t {
        Target::Node(i) => format!("n{i}"),
        Target::Ending(i) => format!("e{i}"),
    }
}

/// Mermaid labels are quoted; quotes become `#quot;` and `|` would end an edge label.
fn mermaid_escape(text: &str) -> String {
    text.replace('"', "#quot;").replace('|', "#124;").replace('\n', " ")
}

fn mermaid(s: &Scenario, book: &Rulebook) -> String {
    let mut out = String::from("flowchart TD\n");
    for (n, node) in s.nodes.iter().enumerate() {
        let label = format!("{}<br/>{}", mermaid_escape(&node.id), mermaid_escape(&first_line(s, n)));
        let _ = writeln!(out, "  {}[\"{label}\"]", mermaid_id(Target::Node(n)));
    }
    for (i, e) in s.endings.iter().enumerate() {
        let label = format!("{}<br/>{} · satisfaction {}", mermaid_escape(&e.id), e.outcome.as_str(), e.satisfaction);
        let _ = writeln!(out, "  {}([\"{label}\"]):::{}", mermaid_id(Target::Ending(i)), e.outcome.as_str());
    }
    for e in edges(s, book) {
        let _ = writeln!(
            out,
            "  {} -->|\"{}\"| {}",
            mermaid_id(Target::Node(e.from)),
            mermaid_escape(&e.label),
            mermaid_id(e.to)
        );
    }
    let _ = writeln!(out, "  style {} stroke-width:3px", mermaid_id(Target::Node(s.start)));
    for o in Outcome::ALL {
        let _ = writeln!(out, "  classDef {} fill:{},stroke:#333", o.as_str(), outcome_colour(o));
    }
    out
}
