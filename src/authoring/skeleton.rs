//! `rehearse new ID`: a small, complete scenario to start from. It validates clean against the
//! shipped rulebook, plays from the opening to an ending, and reaches 100 on its best path; the
//! comments in it say what every field is for.

use std::path::{Path, PathBuf};

use crate::library::SCENARIO_SUFFIX;

/// Why a skeleton was not written.
#[derive(Debug, thiserror::Error)]
pub enum NewError {
    /// The id is not usable as a scenario id and file name.
    #[error(
        "`{0}` is not a usable scenario id: use 1 to 64 lower-case letters, digits and underscores, starting with a letter (e.g. `noisy_brakes`)"
    )]
    BadId(String),
    /// A file of that name is already there; it is never overwritten.
    #[error("{} already exists; choose another id (nothing was overwritten)", .0.display())]
    Exists(PathBuf),
    /// The file could not be written.
    #[error("cannot write {}: {source}", path.display())]
    Write {
        /// The file.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
}

/// True for ids like `noisy_brakes`: a lower-case letter, then letters, digits, underscores.
pub fn valid_id(id: &str) -> bool {
    let mut chars = id.chars();
    chars.next().is_some_and(|c| c.is_ascii_lowercase())
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        && id.len() <= 64
}

/// The skeleton's text for `id`.
pub fn skeleton(id: &str) -> String {
    TEMPLATE.replace("__ID__", id)
}

/// Write `dir/ID.scenario.ron` (creating `dir` if needed); never overwrites a file.
pub fn write_skeleton(dir: &Path, id: &str) -> Result<PathBuf, NewError> {
    if !valid_id(id) {
        return Err(NewError::BadId(id.to_string()));
    }
    let path = dir.join(format!("{id}{SCENARIO_SUFFIX}"));
    std::fs::create_dir_all(dir).map_err(|source| NewError::Write { path: dir.to_path_buf(), source })?;
    let mut file = match std::fs::OpenOptions::new().write(true).create_new(true).open(&path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => return Err(NewError::Exists(path)),
        Err(source) => return Err(NewError::Write { path, source }),
    };
    std::io::Write::write_all(&mut file, skeleton(id).as_bytes())
        .and_then(|()| file.sync_all())
        .map_err(|source| NewError::Write { path: path.clone(), source })?;
    Ok(path)
}

const TEMPLATE: &str = r#"// __ID__: a new scenario. Replace the example conversation with your own.
// Every field is described in docs/authoring.md. Check your work as you go:
//   rehearse validate scenarios/__ID__.scenario.ron   (every problem, with line and column)
//   rehearse analyze __ID__ --check                   (best 100? random trainee ≤ 50? …)
//   rehearse play __ID__                              (play it in the terminal)
//   rehearse graph __ID__ --format mermaid            (see it as a picture)
(
    id: "__ID__",
    title: "Squealing brakes before a trip",
    summary: "A customer's brakes squeal and she is about to drive far. What does she need, by when, and what will it cost?",
    difficulty: Easy,
    skills: ["asking before proposing", "giving a price before the work"],
    // The practices it trains, from the practice list (P-01 … P-53).
    practices: ["P-01", "P-02", "P-11", "P-20", "P-33"],
    goal: "Find out when she needs the car, offer a choice with prices, and close with a clear summary.",
    customer: (
        name: "Ms. Example",
        situation: "A regular customer with a small hatchback. The brakes have started to squeal.",
        mood: 55,
        patience: 60,
        trust: 50,
    ),
    // Hidden facts: drawn at random for each session, learned only when a line `reveals` them.
    facts: [
        (
            id: "leaving",
            label: "She leaves on her trip {value}",
            draw: Choice([
                (value: "tomorrow", weight: 1),
                (value: "next week", weight: 1),
            ]),
        ),
    ],
    start: "hello",
    // Where the conversation ends if patience runs out.
    on_patience_lost: "walked_out",
    nodes: [
        (
            id: "hello",
            // One variant is chosen at random each time, so a replay is not a memory test.
            says: [
                (id: "hello.a", text: "Morning. My brakes have started squealing and I've got a long drive coming up."),
                (id: "hello.b", text: "Hi there. There's a squeal from the brakes every time I stop, and I'm going away soon."),
            ],
            replies: [
                (
                    id: "hello.book",
                    text: "Leave the keys, we'll sort it.",
                    acts: ["BookWork"],
                    effect: (mood: -5, trust: -5),
                    to: "problem",
                ),
                (
                    id: "hello.greet",
                    text: "Good morning, I'm the service advisor. Tell me what's going on.",
                    acts: ["Greet", "InviteToSpeak"],
                    effect: (mood: 5, trust: 5),
                    to: "problem",
                ),
            ],
        ),
        (
            id: "problem",
            reveals: ["leaving"],
            says: [
                (id: "problem.a", text: "It squeals when I brake gently. I'm off {leaving}, and it's six hours of motorway."),
                (id: "problem.b", text: "Only when I slow down, a high squeal. And I'm driving to my sister's {leaving}."),
            ],
            replies: [
                (
                    id: "problem.normal",
                    text: "A bit of squeal is normal, I wouldn't worry about it.",
                    acts: ["Dismiss"],
                    effect: (mood: -20, patience: -40, trust: -10),
                    to: "walked_out",
                ),
                (
                    id: "problem.ask",
                    text: "So a squeal when you brake, and a long drive {leaving}. Has anything else changed, the pedal or the steering?",
                    acts: ["Paraphrase", "AskClarifying"],
                    effect: (mood: 5, trust: 5),
                    to: "options",
                ),
            ],
        ),
        (
            id: "options",
            says: [
                (id: "options.a", text: "No, just the noise. What do you suggest?"),
                (id: "options.b", text: "Nothing else, no. So what can you do?"),
            ],
            replies: [
                (
                    id: "options.choose",
                    text: "Two ways. A quick look today, 40, while you wait: if it's the pads, fitting them is about 120 more. Or leave the car for the day and we check the whole brake system for 90. The quick look won't see the back brakes.",
                    acts: ["OfferOptions", "StateCost", "ExplainConsequences"],
                    effect: (mood: 5, trust: 10),
                    to: "decided",
                ),
                (
                    id: "options.decide",
                    text: "We'll do a full brake service, it's the safe thing. Come back at five.",
                    acts: ["DecideForCustomer", "BookWork"],
                    effect: (mood: -10, trust: -10),
                    to: "walked_out",
                ),
            ],
        ),
        (
            id: "decided",
            says: [
                (id: "decided.a", text: "The quick look, then. I'll wait."),
                (id: "decided.b", text: "I'll take the quick look, please."),
            ],
            replies: [
                (
                    id: "decided.close",
                    text: "Done: the quick look now, 40, and I'll ask you before fitting anything. About forty minutes. Thank you, and if the noise comes back on your trip, call us.",
                    acts: ["AgreeScope", "BookWork", "Summarize", "InviteBack", "Thank"],
                    effect: (mood: 10, trust: 10),
                    to: "booked",
                ),
                (
                    id: "decided.hurry",
                    text: "Fine. Take a seat.",
                    acts: ["BookWork"],
                    effect: (mood: -5),
                    to: "booked",
                ),
            ],
        ),
    ],
    endings: [
        (
            id: "booked",
            outcome: Retained,
            satisfaction: 80,
            says: [
                (id: "booked.a", text: "Great, I'll get a coffee."),
                (id: "booked.b", text: "Thanks. I'll be over there."),
            ],
            summary: "She stayed, knowing what will be done and what it costs.",
        ),
        (
            id: "walked_out",
            outcome: Lost,
            satisfaction: 15,
            says: [
                (id: "walked_out.a", text: "I'll go somewhere that listens."),
                (id: "walked_out.b", text: "Never mind. I'll sort it out myself."),
            ],
            summary: "She left before anything was agreed.",
        ),
    ],
    // Rules that cannot come up in this conversation are switched off; weights can be changed.
    rules: (
        disable: ["E-warranty-terms"],
        weights: {},
    ),
)
"#;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_must_be_plain() {
        assert!(valid_id("noisy_brakes2"));
        for bad in ["", "Noisy", "2fast", "a-b", "a b", "../x", "é"] {
            assert!(!valid_id(bad), "{bad}");
        }
        assert!(!valid_id(&"a".repeat(65)));
    }
}
