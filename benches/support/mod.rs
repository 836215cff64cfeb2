//! Generated scenarios for the benchmarks: layered dialogue graphs shaped like the shipped ones
//! (three replies per node, one to three acts per reply, a choice fact and a range fact that
//! gate some replies and branches), at any size.
#![allow(dead_code)]

use rehearse::cond::{RawCond, Test};
use rehearse::scenario::raw::*;

struct Lcg(u64);
impl Lcg {
    fn next(&mut self, n: usize) -> usize {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % n.max(1)
    }
}

/// Good acts by phase of the conversation (opening, middle, closing); all in the shipped rulebook.
const GOOD: [&[&str]; 3] = [
    &["Greet", "InviteToSpeak", "AskClarifying", "Paraphrase", "Empathize"],
    &["InspectFirst", "ExplainFinding", "OfferOptions", "ExplainConsequences", "StateCost", "StateLimits"],
    &["AgreeScope", "StateWarranty", "BookWork", "Summarize", "InviteBack", "Thank"],
];
const MIDDLING: &[&str] = &["Thank", "CommitDeadline", "Greet"];
const FAULTS: [&[&str]; 3] =
    [&["Dismiss", "Jargon"], &["FlatNo", "Overpromise", "CaveIn"], &["DecideForCustomer", "InvisibleConcession"]];

fn line(id: String, text: &str) -> RawLine {
    RawLine { id, text: text.to_string(), when: None }
}

/// A valid scenario with `nodes` nodes in layers, every node reachable and able to end.
pub fn scenario(id: &str, nodes: usize, seed: u64) -> RawScenario {
    let mut rng = Lcg(seed ^ 0x9e37_79b9_7f4a_7c15);
    // Layers widen by at most three (each node's replies cover the next layer) up to ~sqrt(n).
    let width = ((nodes as f64).sqrt().round() as usize).max(1);
    let mut layers = vec![(0usize, 1usize)];
    while layers.last().map_or(0, |(start, len)| start + len) < nodes {
        let (start, len) = *layers.last().unwrap_or(&(0, 1));
        let next = start + len;
        layers.push((next, (3 * len).min(width).min(nodes - next)));
    }
    let endings = ["won", "kept", "escalated", "lost"];
    let mut raw_nodes = Vec::with_capacity(nodes);
    for (layer, &(start, len)) in layers.iter().enumerate() {
        for p in 0..len {
            let i = start + p;
            let next = layers.get(layer + 1).copied();
            let target = |k: usize| -> String {
                match next {
                    Some((next_start, next_len)) => format!("n{}", next_start + (p + k * len) % next_len),
                    None => endings[(i + k) % endings.len()].to_string(),
                }
            };
            // Like an authored node: a good reply with the acts of this phase of the conversation,
            // a middling one, and a tempting mistake.
            let phase = (layer * 3 / layers.len().max(1)).min(2);
            let mut replies = Vec::new();
            for k in 0..3 {
                let pool: &[&str] = match k {
                    0 => GOOD[phase],
                    1 => MIDDLING,
                    _ => FAULTS[phase],
                };
                let count = if k == 0 { 1 + rng.next(2) } else { rng.next(2) + usize::from(k == 2) };
                let acts: Vec<String> = (0..count).map(|_| pool[rng.next(pool.len())].to_string()).collect();
                let effect = match k {
                    0 => Effect { mood: 5, patience: 0, trust: 5 },
                    1 => Effect::default(),
                    _ => Effect { mood: -10, patience: -5, trust: -5 },
                };
                let when = (k == 2 && i % 4 == 1).then(|| RawCond::Fact("budget".into(), Test::Below(400)));
                let branches = if k == 1 && i % 5 == 2 && next.is_some() {
                    vec![RawBranch { when: RawCond::Fact("claim".into(), Test::Is("no".into())), to: target(0) }]
                } else {
                    Vec::new()
                };
                replies.push(RawReply {
                    id: format!("n{i}.r{k}"),
                    text: format!("Reply {k} at node {i}."),
                    acts,
                    effect,
                    when,
                    branches,
                    to: Some(target(k)),
                    promises: Vec::new(),
                    keeps: Vec::new(),
                    breaks: Vec::new(),
                });
            }
            raw_nodes.push(RawNode {
                id: format!("n{i}"),
                reveals: if i % 7 == 3 { vec!["budget".into()] } else { Vec::new() },
                says: vec![
                    line(format!("n{i}.a"), "The customer says something."),
                    line(format!("n{i}.b"), "The customer says it differently."),
                ],
                replies,
                ring: None,
                keeps: Vec::new(),
                breaks: Vec::new(),
            });
        }
    }
    RawScenario {
        id: id.to_string(),
        title: format!("Generated {id}"),
        summary: "A generated scenario for benchmarks.".into(),
        difficulty: Difficulty::Medium,
        pressure: None,
        promises: Vec::new(),
        skills: vec!["benchmarking".into()],
        practices: vec!["P-53".into()],
        goal: "Reach an ending.".into(),
        customer: RawCustomer {
            name: "Gen".into(),
            situation: "Generated.".into(),
            portrait: None,
            mood: 40,
            patience: 80,
            trust: 50,
        },
        facts: vec![
            RawFact {
                id: "claim".into(),
                label: "Claim: {value}".into(),
                draw: RawDraw::Choice(vec![
                    RawChoice { value: "yes".into(), weight: 1, note: None, says: None },
                    RawChoice { value: "no".into(), weight: 1, note: None, says: None },
                ]),
            },
            RawFact {
                id: "budget".into(),
                label: "Budget: {value}".into(),
                draw: RawDraw::Range { min: 100, max: 900, step: None, amount: false },
            },
        ],
        start: "n0".into(),
        nodes: raw_nodes,
        endings: endings
            .iter()
            .zip([Outcome::Retained, Outcome::Retained, Outcome::Escalated, Outcome::Lost])
            .map(|(e, outcome)| RawEnding {
                id: e.to_string(),
                outcome,
                satisfaction: 50,
                says: vec![line(format!("{e}.a"), "Goodbye.")],
                summary: String::new(),
                keeps: Vec::new(),
                breaks: Vec::new(),
            })
            .collect(),
        on_patience_lost: Some("lost".into()),
        turn_limit: None,
        rules: RawOverrides::default(),
    }
}

/// Time `ours` and `baseline` alternately `rounds` times, print medians and their ratio.
pub fn ratio<A, B>(
    name: &str,
    target: &str,
    rounds: usize,
    mut ours: impl FnMut() -> A,
    mut baseline: impl FnMut() -> B,
) -> f64 {
    use std::time::Instant;
    let (mut a, mut b) = (Vec::new(), Vec::new());
    for _ in 0..rounds {
        let t = Instant::now();
        std::hint::black_box(ours());
        a.push(t.elapsed().as_secs_f64());
        let t = Instant::now();
        std::hint::black_box(baseline());
        b.push(t.elapsed().as_secs_f64());
    }
    let median = |v: &mut Vec<f64>| {
        v.sort_by(f64::total_cmp);
        v[v.len() / 2]
    };
    let (ma, mb) = (median(&mut a), median(&mut b));
    let r = ma / mb;
    println!("RATIO {name}: ours {:.3} ms / baseline {:.3} ms = {r:.2} (target {target})", ma * 1e3, mb * 1e3);
    r
}
