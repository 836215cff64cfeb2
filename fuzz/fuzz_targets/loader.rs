//! Any text as a scenario file (against the shipped rulebook) and as a rulebook: diagnostics,
//! never a panic, and memory bounded by the loader's own limits.
#![no_main]

use std::path::Path;
use std::sync::{Arc, OnceLock};

use libfuzzer_sys::fuzz_target;
use rehearse::diag::SourceMap;
use rehearse::library::{rulebook_from_text, scenario_from_text};
use rehearse::rules::Rulebook;

fn shipped() -> &'static (Arc<Rulebook>, SourceMap) {
    static BOOK: OnceLock<(Arc<Rulebook>, SourceMap)> = OnceLock::new();
    BOOK.get_or_init(|| {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../scenarios/rulebook.ron");
        let text = std::fs::read_to_string(&path).expect("the shipped rulebook");
        let (book, map, _) = rulebook_from_text(&path, &text).expect("the shipped rulebook loads");
        (Arc::new(book), map)
    })
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let (book, map) = shipped();
    let _ = scenario_from_text(Path::new("fuzz.scenario.ron"), text, book, map);
    let _ = rulebook_from_text(Path::new("rulebook.ron"), text);
});
