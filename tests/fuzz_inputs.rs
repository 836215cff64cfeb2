//! The inputs the fuzzers (`fuzz/`) found interesting, replayed through the same drivers as the
//! fuzz targets: loader, engine and scorer, recovery-file import.

#[path = "../fuzz/drivers.rs"]
mod drivers;

use std::path::Path;

/// Every kept input of a target.
fn inputs(target: &str) -> Vec<(String, Vec<u8>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/fuzz").join(target);
    let mut all: Vec<(String, Vec<u8>)> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| {
            let path = e.expect("an entry").path();
            (path.display().to_string(), std::fs::read(&path).expect("readable"))
        })
        .collect();
    all.sort();
    assert!(!all.is_empty(), "no kept inputs for {target}");
    all
}

#[test]
fn loader_inputs_give_diagnostics() {
    for (name, data) in inputs("loader") {
        eprintln!("{name}");
        drivers::load(&data);
    }
}

#[test]
fn engine_inputs_play_and_score_within_bounds() {
    for (name, data) in inputs("engine") {
        eprintln!("{name}");
        drivers::play(&data);
    }
}

#[test]
fn recovery_inputs_read_or_name_every_line() {
    for (name, data) in inputs("recovery") {
        eprintln!("{name}");
        drivers::recover(&data);
    }
}
