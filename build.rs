//! Compiles the shipped scenario library into the binary (`$OUT_DIR/shipped.rs`): the rulebook,
//! the scenarios and their translations (`locales/<lang>/*.po`), so a binary copied to another
//! station plays, in every language, without the source folder. A trainer's own folder still
//! overrides it (see `library::default_dir`).

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn files_in(dir: &Path, extension: &str) -> Vec<PathBuf> {
    let mut files: Vec<_> =
        std::fs::read_dir(dir).map(|read| read.filter_map(Result::ok).map(|e| e.path()).collect()).unwrap_or_default();
    files.retain(|p| p.extension().is_some_and(|e| e == extension) && p.is_file());
    files.sort();
    files
}

fn main() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios");
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut shipped: Vec<(String, PathBuf)> = Vec::new();
    for f in files_in(&dir, "ron") {
        let name = f.file_name().and_then(|n| n.to_str()).expect("shipped file names are UTF-8").to_string();
        shipped.push((name, f));
    }
    let locales = dir.join("locales");
    println!("cargo:rerun-if-changed={}", locales.display());
    let mut languages: Vec<_> = std::fs::read_dir(&locales)
        .map(|read| read.filter_map(Result::ok).map(|e| e.path()).filter(|p| p.is_dir()).collect())
        .unwrap_or_default();
    languages.sort();
    for lang in languages {
        println!("cargo:rerun-if-changed={}", lang.display());
        let code = lang.file_name().and_then(|n| n.to_str()).expect("language folders are UTF-8").to_string();
        if code == "templates" {
            continue;
        }
        for f in files_in(&lang, "po") {
            let name = f.file_name().and_then(|n| n.to_str()).expect("shipped file names are UTF-8");
            shipped.push((format!("locales/{code}/{name}"), f));
        }
    }
    let mut out = String::from(
        "/// The shipped library's files: (path inside the library folder, text).\npub const SHIPPED: &[(&str, &str)] = &[\n",
    );
    for (name, f) in &shipped {
        println!("cargo:rerun-if-changed={}", f.display());
        let _ = writeln!(out, "    ({name:?}, include_str!({:?})),", f.display().to_string());
    }
    out.push_str("];\n");
    let target = Path::new(&std::env::var("OUT_DIR").expect("OUT_DIR")).join("shipped.rs");
    std::fs::write(target, out).expect("write shipped.rs");
}
