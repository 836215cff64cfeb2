//! Trainer verdicts: conversations a trainer judged from the practices, before the content was
//! tuned, and the score the program must agree with.
//!
//! Each `tests/verdicts/<scenario>.verdicts.ron` lists paths (seed and option numbers) with the
//! trainer's verdict and why. A good conversation must total at least 80, a poor one at most 50,
//! and a mediocre one land in between: when the program disagrees, the content or the rules are
//! wrong, not the verdict.

mod common;

use std::collections::BTreeMap;
use std::path::PathBuf;

use rehearse::engine::Session;
use rehearse::library::Library;
use rehearse::score::score;
use serde::Deserialize;

/// What a trainer says of a conversation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize)]
enum Verdict {
    /// Total at least [`GOOD_MIN`].
    Good,
    /// Strictly between [`POOR_MAX`] and [`GOOD_MIN`].
    Mediocre,
    /// Total at most [`POOR_MAX`].
    Poor,
}

const GOOD_MIN: f64 = 80.0;
const POOR_MAX: f64 = 50.0;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Judged {
    name: String,
    seed: u64,
    choices: Vec<usize>,
    verdict: Verdict,
    why: String,
}

fn verdict_files() -> Vec<(String, PathBuf)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/verdicts");
    let mut files: Vec<(String, PathBuf)> = std::fs::read_dir(&dir)
        .expect("tests/verdicts exists")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter_map(|p| {
            let name = p.file_name()?.to_str()?.strip_suffix(".verdicts.ron")?.to_string();
            Some((name, p))
        })
        .collect();
    files.sort();
    files
}

fn read(path: &PathBuf) -> Vec<Judged> {
    let text = std::fs::read_to_string(path).expect("verdict file readable");
    ron::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn agrees(verdict: Verdict, total: f64) -> bool {
    match verdict {
        Verdict::Good => total >= GOOD_MIN,
        Verdict::Mediocre => total > POOR_MAX && total < GOOD_MIN,
        Verdict::Poor => total <= POOR_MAX,
    }
}

#[test]
fn the_program_agrees_with_every_trainer_verdict() {
    let lib = Library::load(&common::scenarios_dir()).expect("library loads");
    let mut disagreements = Vec::new();
    let mut count = 0;
    for (scenario, path) in verdict_files() {
        let entry = lib.find(&scenario).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        for judged in read(&path) {
            count += 1;
            let session = Session::replay(entry.scenario.clone(), judged.seed, "trainer", &judged.choices)
                .unwrap_or_else(|(turn, e)| panic!("{scenario} \"{}\": turn {turn}: {e}", judged.name));
            assert!(session.is_finished(), "{scenario} \"{}\": the path does not reach an ending", judged.name);
            let card = score(&entry.scenario, &entry.rubric, session.transcript());
            if !agrees(judged.verdict, card.total) {
                disagreements.push(format!(
                    "{scenario} \"{}\" (--seed {} --choices {}): the trainer says {:?}, the program {:.1} ({})",
                    judged.name,
                    judged.seed,
                    judged.choices.iter().map(ToString::to_string).collect::<Vec<_>>().join(","),
                    judged.verdict,
                    card.total,
                    judged.why
                ));
            }
        }
    }
    assert!(count > 0, "no trainer verdicts found");
    assert!(disagreements.is_empty(), "the program disagrees with the trainer:\n{}", disagreements.join("\n"));
}

#[test]
fn the_verdicts_cover_every_scenario_and_every_kind_of_conversation() {
    let lib = Library::load(&common::scenarios_dir()).expect("library loads");
    let files: BTreeMap<String, Vec<Judged>> = verdict_files().into_iter().map(|(s, p)| (s, read(&p))).collect();
    let total: usize = files.values().map(Vec::len).sum();
    assert!(total >= 30, "at least 30 judged paths, found {total}");
    for entry in &lib.entries {
        let id = &entry.scenario.id;
        let judged = files.get(id).unwrap_or_else(|| panic!("{id}: no trainer verdicts"));
        let mut kinds: Vec<Verdict> = judged.iter().map(|j| j.verdict).collect();
        kinds.sort();
        kinds.dedup();
        assert_eq!(
            kinds,
            [Verdict::Good, Verdict::Mediocre, Verdict::Poor],
            "{id}: a good, a mediocre and a poor path"
        );
        for j in judged {
            assert!(j.why.contains("P-"), "{id} \"{}\": the reason cites no practice", j.name);
        }
    }
    let names: Vec<String> = files.values().flatten().map(|j| j.name.to_lowercase()).collect();
    for kind in
        ["polite but useless", "perfect opening then caves", "blunt but honest and right", "asks questions forever"]
    {
        assert!(names.iter().any(|n| n.contains(kind)), "no judged path of the kind \"{kind}\"");
    }
}
