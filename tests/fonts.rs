//! Every character the program shows is in the fonts it ships: the shipped scenarios and
//! rulebook with their translations, the interface in every language, and the game's own strings. A character missing from both Noto Sans and the CJK
//! subset would be drawn as a blank or a box (U+2212 MINUS SIGN once was).

use std::collections::BTreeSet;
use std::path::Path;

use skrifa::MetadataProvider;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The characters a font maps.
fn covered(file: &str) -> BTreeSet<char> {
    let bytes = std::fs::read(root().join("assets/fonts").join(file)).expect("a shipped font");
    let font = skrifa::FontRef::new(&bytes).expect("a font file");
    font.charmap().mappings().filter_map(|(code, _)| char::from_u32(code)).collect()
}

/// Characters that are laid out but never drawn.
fn drawn(c: char) -> bool {
    !c.is_control() && !c.is_whitespace() && c != '\u{feff}'
}

fn missing(text: &str, fonts: &[BTreeSet<char>]) -> BTreeSet<char> {
    text.chars().filter(|&c| drawn(c) && !fonts.iter().any(|f| f.contains(&c))).collect()
}

/// The string literals of a Rust source file (enough for the game's own words: no raw strings
/// are used there).
fn literals(source: &str) -> String {
    let mut out = String::new();
    for line in source.lines().filter(|l| !l.trim_start().starts_with("//")) {
        let mut inside = false;
        let mut escaped = false;
        for c in line.chars() {
            match (inside, c) {
                (true, '\\') if !escaped => escaped = true,
                (_, '"') if !escaped => inside = !inside,
                (true, c) => {
                    escaped = false;
                    out.push(c);
                }
                _ => {}
            }
        }
        out.push('\n');
    }
    out
}

fn files(dir: &Path, suffix: &str, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("a folder").map(|e| e.expect("an entry").path()) {
        if entry.is_dir() {
            files(&entry, suffix, out);
        } else if entry.to_string_lossy().ends_with(suffix) {
            out.push(entry);
        }
    }
}

#[test]
fn every_shown_character_is_in_the_shipped_fonts() {
    let fonts = [covered("NotoSans-Regular.ttf"), covered("NotoSans-Bold.ttf"), covered("NotoSansSC-Subset.otf")];
    let mut sources = Vec::new();
    files(&root().join("scenarios"), ".ron", &mut sources);
    // Every translation: scenario and rulebook texts, and the interface in every language.
    files(&root().join("scenarios/locales"), ".po", &mut sources);
    files(&root().join("assets/locales"), ".ftl", &mut sources);
    files(&root().join("src/game"), ".rs", &mut sources);
    files(&root().join("src/report"), ".rs", &mut sources);
    assert!(sources.len() > 20, "{sources:?}");
    let mut problems = Vec::new();
    for file in &sources {
        let text = std::fs::read_to_string(file).expect("UTF-8");
        let shown = if file.extension().is_some_and(|e| e == "rs") { literals(&text) } else { text };
        let gaps = missing(&shown, &fonts);
        if !gaps.is_empty() {
            problems.push(format!("{}: {gaps:?}", file.display()));
        }
    }
    assert!(problems.is_empty(), "characters no shipped font has:\n{}", problems.join("\n"));
    // The check itself can fail: the minus sign is in none of them.
    assert_eq!(missing("a \u{2212}3", &fonts), BTreeSet::from(['\u{2212}']));
}
