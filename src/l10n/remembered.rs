//! Each trainee's language, remembered on this station: the language they last chose on the
//! sign-in screen is the one they get when they next sign in.
//!
//! A small text file in the data folder (`languages.txt`), one `code<TAB>name` per line, names
//! compared without regard to case. It holds a preference, not a record: a missing or damaged
//! file only means the default language, and it is never more than [`MAX_LINES`] lines.

use std::path::{Path, PathBuf};

use super::Lang;

/// The most trainees remembered; the oldest choices are forgotten first.
pub const MAX_LINES: usize = 10_000;

/// The file in a data folder.
pub fn file_in(data_dir: &Path) -> PathBuf {
    data_dir.join("languages.txt")
}

fn key(name: &str) -> String {
    name.trim().to_lowercase()
}

fn read(file: &Path) -> Vec<(Lang, String)> {
    let Ok(text) = std::fs::read_to_string(file) else { return Vec::new() };
    text.lines()
        .filter_map(|line| {
            let (code, name) = line.split_once('\t')?;
            Some((Lang::from_tag(code)?, name.to_string()))
        })
        .collect()
}

/// The language `name` chose last on this station, if they ever did.
pub fn language_of(file: &Path, name: &str) -> Option<Lang> {
    let wanted = key(name);
    read(file).into_iter().rev().find(|(_, n)| *n == wanted).map(|(lang, _)| lang)
}

/// Remember that `name` chose `lang`. Written beside and renamed, so a crash never leaves half a
/// file.
pub fn remember(file: &Path, name: &str, lang: Lang) -> std::io::Result<()> {
    let name = key(name).replace(['\t', '\n', '\r'], " ");
    let mut lines: Vec<(Lang, String)> = read(file).into_iter().filter(|(_, n)| *n != name).collect();
    lines.push((lang, name));
    let skip = lines.len().saturating_sub(MAX_LINES);
    let text: String = lines.iter().skip(skip).map(|(l, n)| format!("{}\t{n}\n", l.code())).collect();
    if let Some(parent) = file.parent() {
        std::fs::create_dir_all(parent)?;
    }
    let partial = file.with_extension("txt.partial");
    std::fs::write(&partial, text)?;
    std::fs::rename(&partial, file)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_last_choice_wins_and_case_is_ignored() {
        let dir = tempfile::tempdir().expect("temp dir");
        let file = file_in(dir.path());
        assert_eq!(language_of(&file, "Ana"), None);
        remember(&file, "Ana Popescu", Lang::Ro).expect("written");
        remember(&file, "Li Wei", Lang::Zh).expect("written");
        remember(&file, "ana popescu", Lang::Bg).expect("written");
        assert_eq!(language_of(&file, "ANA POPESCU"), Some(Lang::Bg));
        assert_eq!(language_of(&file, "Li Wei"), Some(Lang::Zh));
        std::fs::write(&file, "garbage\nxx\tname\n\u{0}").expect("damaged");
        assert_eq!(language_of(&file, "Li Wei"), None);
    }
}
