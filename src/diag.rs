//! Diagnostics: every problem found in a RON file, with file, line and column.
//!
//! Validation never stops at the first problem: each pass pushes [`Diagnostic`]s into a list.
//! Positions come from the RON parser for syntax and type errors, and from [`SourceMap`] for
//! problems found after parsing (serde keeps no spans, so the map searches the source text for
//! the id or reference that is wrong).

use std::fmt;
use std::path::{Path, PathBuf};

/// How bad a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Worth a look, but the file still loads and plays.
    Warning,
    /// The file cannot be used until this is fixed.
    Error,
}

/// A 1-based line and column (columns count characters, not bytes).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
pub struct Position {
    /// 1-based line number.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
}

/// One problem in one file.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// The file the problem is in.
    pub file: PathBuf,
    /// Where in the file, when known.
    pub position: Option<Position>,
    /// What is wrong, in words a trainer can act on.
    pub message: String,
}

impl Diagnostic {
    /// An error at a position in a file.
    pub fn error(file: &Path, position: Option<Position>, message: impl Into<String>) -> Self {
        Diagnostic { severity: Severity::Error, file: file.to_path_buf(), position, message: message.into() }
    }

    /// A warning at a position in a file.
    pub fn warning(file: &Path, position: Option<Position>, message: impl Into<String>) -> Self {
        Diagnostic { severity: Severity::Warning, file: file.to_path_buf(), position, message: message.into() }
    }

    /// True for errors.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let kind = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        match self.position {
            Some(p) => write!(f, "{}:{}:{}: {kind}: {}", self.file.display(), p.line, p.column, self.message),
            None => write!(f, "{}: {kind}: {}", self.file.display(), self.message),
        }
    }
}

impl Diagnostic {
    /// The diagnostic followed, when its position is known and `source` is the file's text, by
    /// the offending line and a caret under the span (a quoted string or a word starting at the
    /// column; one character otherwise):
    ///
    /// ```text
    /// scenarios/x.scenario.ron:17:81: error: reply `hello.ask` goes to unknown node `qoute`; did you mean `quote`?
    ///    |
    /// 17 |                 (id: "hello.ask", text: "What do you need?", acts: ["Ask"], to: "qoute"),
    ///    |                                                                                 ^^^^^^^
    /// ```
    pub fn render(&self, source: Option<&str>) -> String {
        let head = self.to_string();
        let Some(p) = self.position else { return head };
        let Some(line) = source.and_then(|t| t.lines().nth(p.line.saturating_sub(1))) else { return head };
        let line = line.trim_end_matches('\r');
        let chars: Vec<char> = line.chars().collect();
        let start = (p.column - 1).min(chars.len());
        let span = span_width(&chars[start..]);
        // The caret lines up in terminal columns: a Chinese character takes two (unicode-width),
        // and tabs are kept so the padding matches however tabs are shown.
        let columns = |c: &char| unicode_width::UnicodeWidthChar::width(*c).unwrap_or(0);
        let pad: String =
            chars[..start].iter().map(|c| if *c == '\t' { "\t".to_string() } else { " ".repeat(columns(c)) }).collect();
        let width = chars[start..].iter().take(span).map(columns).sum::<usize>().max(1);
        let number = p.line.to_string();
        let gutter = " ".repeat(number.len());
        format!("{head}\n{gutter} |\n{number} | {line}\n{gutter} | {pad}{}", "^".repeat(width))
    }
}

/// How many characters the caret should cover: a quoted string with its quotes, a word, or 1.
/// (Counted in characters; `render` turns them into columns.)
fn span_width(rest: &[char]) -> usize {
    match rest.first() {
        Some('"') => rest.iter().skip(1).position(|c| *c == '"').map_or(1, |i| i + 2),
        Some(c) if c.is_alphanumeric() || *c == '_' || *c == '-' => {
            rest.iter().take_while(|c| c.is_alphanumeric() || **c == '_' || **c == '-').count()
        }
        _ => 1,
    }
}

/// Render each diagnostic with its source line ([`Diagnostic::render`]), reading each file once.
pub fn render_all(diagnostics: &[Diagnostic]) -> Vec<String> {
    let mut texts: std::collections::HashMap<PathBuf, Option<String>> = std::collections::HashMap::new();
    diagnostics
        .iter()
        .map(|d| {
            let text = texts.entry(d.file.clone()).or_insert_with(|| std::fs::read_to_string(&d.file).ok());
            d.render(text.as_deref())
        })
        .collect()
}

/// True when any diagnostic in the list is an error.
pub fn has_errors(diagnostics: &[Diagnostic]) -> bool {
    diagnostics.iter().any(Diagnostic::is_error)
}

/// The text of one source file, able to turn byte offsets into positions and to find where an
/// id is declared or referenced.
#[derive(Debug, Clone)]
pub struct SourceMap {
    text: String,
    line_starts: Vec<usize>,
}

impl SourceMap {
    /// Index a source text.
    pub fn new(text: &str) -> Self {
        let mut line_starts = vec![0];
        line_starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        SourceMap { text: text.to_string(), line_starts }
    }

    /// The source text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The position of a byte offset (clamped to the text).
    pub fn position(&self, offset: usize) -> Position {
        let offset = offset.min(self.text.len());
        let line = self.line_starts.partition_point(|&start| start <= offset) - 1;
        let start = self.line_starts[line];
        let column = self.text.get(start..offset).map_or(1, |s| s.chars().count() + 1);
        Position { line: line + 1, column }
    }

    /// Byte offset of the `nth` (0-based) declaration `key: "id"` in the text, pointing at the
    /// opening quote of the id.
    pub fn find_field(&self, key: &str, id: &str, nth: usize) -> Option<usize> {
        self.field_offsets(key, id, 0).nth(nth)
    }

    /// Byte offset of the first `key: "value"` at or after `from`, pointing at the opening quote.
    pub fn find_field_after(&self, from: usize, key: &str, value: &str) -> Option<usize> {
        self.field_offsets(key, value, from).next()
    }

    /// Byte offset of the first quoted `"value"` at or after `from`.
    pub fn find_quoted_after(&self, from: usize, value: &str) -> Option<usize> {
        let needle = format!("\"{value}\"");
        self.text.get(from..)?.find(&needle).map(|i| i + from)
    }

    /// Byte offset of the first field name `key` (followed by `:`) at or after `from`, outside
    /// strings and comments, e.g. the `satisfaction` of `satisfaction: 120`.
    pub fn find_key_after(&self, from: usize, key: &str) -> Option<usize> {
        let bytes = self.text.as_bytes();
        let (mut i, mut in_string, mut in_comment) = (0usize, false, false);
        while i < bytes.len() {
            let b = bytes[i];
            if in_comment {
                in_comment = b != b'\n';
            } else if in_string {
                match b {
                    b'\\' => i += 1,
                    b'"' => in_string = false,
                    _ => {}
                }
            } else if b == b'"' {
                in_string = true;
            } else if b == b'/' && bytes.get(i + 1) == Some(&b'/') {
                in_comment = true;
            } else if i >= from && self.text[i..].starts_with(key) {
                let boundary = i == 0 || !(bytes[i - 1].is_ascii_alphanumeric() || bytes[i - 1] == b'_');
                let after = self.text[i + key.len()..].trim_start();
                if boundary && after.starts_with(':') {
                    return Some(i);
                }
            }
            i += 1;
        }
        None
    }

    fn field_offsets<'a>(&'a self, key: &'a str, value: &str, from: usize) -> impl Iterator<Item = usize> + 'a {
        let needle = format!("\"{value}\"");
        let text = &self.text;
        let mut cursor = from.min(text.len());
        std::iter::from_fn(move || {
            while let Some(i) = text.get(cursor..).and_then(|t| t.find(&needle)) {
                let at = cursor + i;
                cursor = at + needle.len();
                let before = text[..at].trim_end();
                if let Some(rest) = before.strip_suffix(':') {
                    let rest = rest.trim_end();
                    let preceded_ok = rest.ends_with(key)
                        && rest[..rest.len() - key.len()]
                            .chars()
                            .next_back()
                            .is_none_or(|c| !(c.is_alphanumeric() || c == '_'));
                    if preceded_ok {
                        return Some(at);
                    }
                }
            }
            None
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_characters_not_bytes() {
        let map = SourceMap::new("a\nЗдр: \"x\"\n");
        let off = map.text().find("\"x\"").unwrap();
        assert_eq!(map.position(off), Position { line: 2, column: 6 });
        assert_eq!(map.position(0), Position { line: 1, column: 1 });
    }

    #[test]
    fn renders_the_line_with_a_caret_under_the_span() {
        let text = "(\n    to: \"qoute\",\n\tid: abc,\n)\n";
        let at = |line, column| Some(Position { line, column });
        let d = Diagnostic::error(Path::new("f.ron"), at(2, 9), "unknown node `qoute`");
        assert_eq!(
            d.render(Some(text)),
            "f.ron:2:9: error: unknown node `qoute`\n  |\n2 |     to: \"qoute\",\n  |         ^^^^^^^"
        );
        let d = Diagnostic::error(Path::new("f.ron"), at(3, 6), "word");
        assert!(d.render(Some(text)).ends_with("3 | \tid: abc,\n  | \t    ^^^"), "{}", d.render(Some(text)));
        let d = Diagnostic::error(Path::new("f.ron"), at(4, 1), "one");
        assert!(d.render(Some(text)).ends_with("4 | )\n  | ^"));
        // No position, no text, or a line past the end: just the one line.
        for (d, t) in [
            (Diagnostic::error(Path::new("f.ron"), None, "x"), Some(text)),
            (Diagnostic::error(Path::new("f.ron"), at(2, 9), "x"), None),
            (Diagnostic::error(Path::new("f.ron"), at(99, 1), "x"), Some(text)),
        ] {
            assert_eq!(d.render(t), d.to_string());
        }
        // A column past the end of the line still renders.
        let d = Diagnostic::error(Path::new("f.ron"), at(4, 40), "end");
        assert!(d.render(Some(text)).ends_with("4 | )\n  |  ^"));
    }

    #[test]
    fn the_caret_lines_up_under_double_width_characters() {
        // "说: " is 4 columns wide (说 takes two); the span `王芳` is 4 columns too.
        let text = "说: 王芳 x\n";
        let d = Diagnostic::error(Path::new("f.ron"), Some(Position { line: 1, column: 4 }), "name");
        assert!(d.render(Some(text)).ends_with("1 | 说: 王芳 x\n  |     ^^^^"), "{}", d.render(Some(text)));
    }

    #[test]
    fn finds_keys_outside_strings_and_comments() {
        let map = SourceMap::new("(situation: \"patience: none\", // patience: x\n patience: 150, xpatience: 1)");
        assert_eq!(map.find_key_after(0, "patience"), Some(46));
        assert_eq!(map.find_key_after(47, "patience"), None);
        assert_eq!(map.find_key_after(0, "situation"), Some(1));
    }

    #[test]
    fn finds_field_declarations_not_other_mentions() {
        let map = SourceMap::new("(to: \"a\", id: \"a\", xid: \"a\", id : \"a\")");
        assert_eq!(map.find_field("id", "a", 0), Some(14));
        assert_eq!(map.find_field("id", "a", 1), Some(34));
        assert_eq!(map.find_field("id", "a", 2), None);
        assert_eq!(map.find_field_after(10, "to", "a"), None);
    }
}
