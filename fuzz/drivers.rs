//! What each fuzz target does with its input, shared with `tests/fuzz_inputs.rs`, which replays
//! the inputs the fuzzers found on every `cargo test`.

use std::path::Path;
use std::sync::{Arc, OnceLock};

use rehearse::diag::SourceMap;
use rehearse::engine::Session;
use rehearse::library::{Library, rulebook_from_text, scenario_from_text};
use rehearse::rules::Rulebook;
use rehearse::score::{feedback, score};

/// The shipped scenarios, from the main package (tests) or from `fuzz/` (the targets).
fn scenarios() -> std::path::PathBuf {
    let here = Path::new(env!("CARGO_MANIFEST_DIR"));
    let main = here.join("scenarios");
    if main.is_dir() { main } else { here.join("../scenarios") }
}

fn shipped_rulebook() -> &'static (Arc<Rulebook>, SourceMap) {
    static BOOK: OnceLock<(Arc<Rulebook>, SourceMap)> = OnceLock::new();
    BOOK.get_or_init(|| {
        let path = scenarios().join("rulebook.ron");
        let text = std::fs::read_to_string(&path).expect("the shipped rulebook");
        let (book, map, _) = rulebook_from_text(&path, &text).expect("the shipped rulebook loads");
        (Arc::new(book), map)
    })
}

fn shipped_library() -> &'static Library {
    static LIB: OnceLock<Library> = OnceLock::new();
    LIB.get_or_init(|| Library::load(&scenarios()).expect("the shipped library"))
}

/// Any text as a scenario file (against the shipped rulebook) and as a rulebook: diagnostics,
/// never a panic.
pub fn load(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let (book, map) = shipped_rulebook();
    let _ = scenario_from_text(Path::new("fuzz.scenario.ron"), text, book, map);
    let _ = rulebook_from_text(Path::new("rulebook.ron"), text);
}

/// A shipped scenario (first byte), a seed (next eight) and steps of three bytes: the option
/// (0: the phone's caller gives up; may be out of range) and the milliseconds it took. The
/// session takes each reply or refuses it; feedback and the scorecard never panic, and the total
/// stays within 0–100.
pub fn play(data: &[u8]) {
    let lib = shipped_library();
    if data.len() < 9 || lib.entries.is_empty() {
        return;
    }
    let entry = &lib.entries[usize::from(data[0]) % lib.entries.len()];
    let seed = u64::from_le_bytes(data[1..9].try_into().unwrap_or_default());
    let mut session = Session::new(entry.scenario.clone(), seed, "fuzz");
    for step in data[9..].chunks(3) {
        if session.is_finished() {
            break;
        }
        let option = usize::from(step[0] % 8);
        let low = step.get(1).copied().unwrap_or(0);
        let high = step.get(2).copied().unwrap_or(0);
        let millis = u32::from(u16::from_le_bytes([low, high])) * 8;
        if option == 0 {
            session.time_out();
        } else {
            let _ = session.choose_timed(option, millis);
        }
    }
    let _ = feedback(&entry.scenario, &entry.rubric, session.transcript());
    let card = score(&entry.scenario, &entry.rubric, session.transcript());
    assert!((0.0..=100.0).contains(&card.total), "total {} out of range", card.total);
}

/// Any bytes as a recovery file: every non-blank line is either a session or a named bad line.
pub fn recover(data: &[u8]) {
    let (good, bad) = rehearse::records::parse_recovery(Path::new("fuzz.recovered.jsonl"), data);
    let text = String::from_utf8_lossy(data);
    let lines = text.lines().filter(|l| !l.trim().is_empty()).count();
    assert_eq!(good.len() + bad.len(), lines, "every line is read or named");
}
