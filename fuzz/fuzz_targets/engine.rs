//! The engine and scorer over random choices and times on every shipped scenario: whatever the
//! trainee does, a session either takes the reply or refuses it with an error, and the scorer
//! and practice feedback never panic.
#![no_main]

use std::path::Path;
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use rehearse::engine::Session;
use rehearse::library::Library;
use rehearse::score::{feedback, score};

fn library() -> &'static Library {
    static LIB: OnceLock<Library> = OnceLock::new();
    LIB.get_or_init(|| {
        Library::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../scenarios")).expect("the shipped library")
    })
}

fuzz_target!(|data: &[u8]| {
    let lib = library();
    if data.len() < 9 || lib.entries.is_empty() {
        return;
    }
    let entry = &lib.entries[usize::from(data[0]) % lib.entries.len()];
    let seed = u64::from_le_bytes(data[1..9].try_into().unwrap_or_default());
    let mut session = Session::new(entry.scenario.clone(), seed, "fuzz");
    // Each step: a byte for the option (0 = the phone's caller gives up; may be out of range)
    // and two for the milliseconds it took.
    for step in data[9..].chunks(3) {
        if session.is_finished() {
            break;
        }
        let option = usize::from(step[0] % 8);
        let millis = u32::from(u16::from_le_bytes([step.get(1).copied().unwrap_or(0), step.get(2).copied().unwrap_or(0)])) * 8;
        if option == 0 {
            session.time_out();
        } else {
            let _ = session.choose_timed(option, millis);
        }
        let _ = feedback(&entry.scenario, &entry.rubric, session.transcript());
    }
    let card = score(&entry.scenario, &entry.rubric, session.transcript());
    assert!((0.0..=100.0).contains(&card.total), "total {} out of range", card.total);
});
