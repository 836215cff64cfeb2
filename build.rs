//! Compiles the shipped scenario library into the binary (`$OUT_DIR/shipped.rs`), so a binary
//! copied to another station plays without the source folder. A trainer's own folder still
//! overrides it (see `library::default_dir`).

use std::fmt::Write as _;
use std::path::Path;

fn main() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios");
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut files: Vec<_> =
        std::fs::read_dir(&dir).map(|read| read.filter_map(Result::ok).map(|e| e.path()).collect()).unwrap_or_default();
    files.retain(|p| p.extension().is_some_and(|e| e == "ron") && p.is_file());
    files.sort();
    let mut out =
        String::from("/// The shipped library's files: (file name, text).\npub const SHIPPED: &[(&str, &str)] = &[\n");
    for f in &files {
        println!("cargo:rerun-if-changed={}", f.display());
        let name = f.file_name().and_then(|n| n.to_str()).expect("shipped file names are UTF-8");
        let _ = writeln!(out, "    ({name:?}, include_str!({:?})),", f.display().to_string());
    }
    out.push_str("];\n");
    let target = Path::new(&std::env::var("OUT_DIR").expect("OUT_DIR")).join("shipped.rs");
    std::fs::write(target, out).expect("write shipped.rs");
}
