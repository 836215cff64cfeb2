//! Golden transcripts: scripted sessions of the shipped scenarios with the expected facts,
//! lines, ending, scores and verdict (and evidence turn) of every rule.
//!
//! Each `tests/golden/*.golden.ron` names a scenario, a seed and the choices; the test replays
//! them and compares everything. After a deliberate content change, regenerate with
//! `REHEARSE_BLESS=1 cargo test --test golden` and review the diff like code.

mod common;

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;

use rehearse::engine::Session;
use rehearse::library::Library;
use rehearse::score::score;
use serde::{Deserialize, Serialize};

#[derive(Debug, PartialEq, Serialize, Deserialize)]
struct Golden {
    /// What this transcript demonstrates.
    about: String,
    scenario: String,
    seed: u64,
    choices: Vec<usize>,
    facts: BTreeMap<String, String>,
    /// Customer line ids, turn by turn, then the closing line.
    lines: Vec<String>,
    ending: String,
    total: f64,
    categories: BTreeMap<String, Option<f64>>,
    /// Rule id → (verdict, evidence turn).
    verdicts: BTreeMap<String, (String, Option<u16>)>,
}

fn replay(lib: &Library, g: &Golden) -> Golden {
    let entry = lib.find(&g.scenario).expect("golden scenario exists");
    let s = &entry.scenario;
    let session = Session::replay(Arc::clone(s), g.seed, "golden", &g.choices)
        .unwrap_or_else(|(turn, e)| panic!("{}: choice at turn {turn}: {e}", g.about));
    let t = session.transcript();
    let card = score(s, &entry.rubric, t);
    let mut lines: Vec<String> =
        t.turns.iter().map(|turn| s.nodes[turn.node as usize].says[usize::from(turn.line)].id.clone()).collect();
    lines.push(session.line().id.clone());
    Golden {
        about: g.about.clone(),
        scenario: g.scenario.clone(),
        seed: g.seed,
        choices: g.choices.clone(),
        facts: s.facts.iter().zip(&t.facts).map(|(f, v)| (f.id.clone(), f.value_text(*v))).collect(),
        lines,
        ending: session.ending().map(|e| e.id.clone()).unwrap_or_default(),
        total: card.total,
        categories: card.categories.clone(),
        verdicts: card
            .rules
            .iter()
            .map(|r| (r.id.clone(), (r.verdict.as_str().to_string(), r.evidence.as_ref().map(|e| e.turn))))
            .collect(),
    }
}

#[test]
fn golden_transcripts_replay_exactly() {
    let lib = Library::load(&common::scenarios_dir()).unwrap();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden");
    let bless = std::env::var_os("REHEARSE_BLESS").is_some();
    let mut files: Vec<_> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).collect();
    files.retain(|p| p.to_string_lossy().ends_with(".golden.ron"));
    files.sort();
    assert!(files.len() >= 4, "golden transcripts present: {files:?}");
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        let expected: Golden = ron::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        let actual = replay(&lib, &expected);
        if bless {
            let pretty = ron::ser::PrettyConfig::new().depth_limit(2);
            std::fs::write(&file, ron::ser::to_string_pretty(&actual, pretty).unwrap() + "\n").unwrap();
        } else {
            assert_eq!(actual, expected, "{}", file.display());
        }
    }
}
