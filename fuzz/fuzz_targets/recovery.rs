//! Any bytes as a recovery file: every line is either a session or a named bad line; never a
//! panic.
#![no_main]

use std::io::Write;
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;

fn file() -> &'static std::path::PathBuf {
    static FILE: OnceLock<std::path::PathBuf> = OnceLock::new();
    FILE.get_or_init(|| std::env::temp_dir().join(format!("rehearse-fuzz-{}.recovered.jsonl", std::process::id())))
}

fuzz_target!(|data: &[u8]| {
    let path = file();
    let Ok(mut f) = std::fs::File::create(path) else { return };
    if f.write_all(data).is_err() {
        return;
    }
    drop(f);
    if let Ok((good, bad)) = rehearse::records::read_recovery(path) {
        let lines = data.split(|&b| b == b'\n').filter(|l| !l.iter().all(u8::is_ascii_whitespace)).count();
        assert!(good.len() + bad.len() <= lines.max(1), "{} + {} from {lines} lines", good.len(), bad.len());
    }
});
