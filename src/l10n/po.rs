//! gettext PO files: read with the line of every entry, write in the layout `msgmerge` uses.
//!
//! Hand-written rather than `polib`: validation must name the line of an entry, a hostile file
//! must give an error instead of a panic, and `l10n update` must keep the previous English
//! (`#| msgid`) beside a fuzzy entry. The subset read is what Poedit, Weblate and `msgmerge`
//! write: comments (`#`, `#.`, `#:`, `#,`, `#|`), `msgctxt`, `msgid`, `msgstr`, continuation
//! strings and obsolete entries (`#~`, skipped). Plural entries are refused: scenario text has
//! no counts.

use std::fmt::Write as _;

/// The most bytes a PO file may have; a larger file is refused before it is read.
pub const MAX_PO_BYTES: u64 = 16 * 1024 * 1024;

/// One message of a PO file.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PoEntry {
    /// The stable id (`msgctxt`).
    pub context: String,
    /// The English source (`msgid`).
    pub source: String,
    /// The translation (`msgstr`); empty when not yet translated.
    pub translation: String,
    /// Flags other than `fuzzy` (`python-brace-format`).
    pub flags: Vec<String>,
    /// Marked fuzzy: the English changed since it was translated, or the translation is a draft.
    pub fuzzy: bool,
    /// The English the translation was made from (`#| msgid`), kept by `l10n update`.
    pub previous: Option<String>,
    /// Notes for the translator (`#.`), one per line.
    pub notes: Vec<String>,
    /// The translator's own comments (`# `), kept as they are.
    pub comments: Vec<String>,
    /// The 1-based line of the entry's `msgctxt` (or `msgid`) in the file read; 0 when built.
    pub line: usize,
}

impl PoEntry {
    /// Whether a translation is there to use: not empty and not fuzzy.
    pub fn is_translated(&self) -> bool {
        !self.translation.is_empty() && !self.fuzzy
    }
}

/// A whole PO file: the header's fields and the messages in file order.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PoFile {
    /// The header entry's `msgstr` (`Language: ro\n…`).
    pub header: String,
    /// Comment lines before the header, without the leading `# `.
    pub header_comments: Vec<String>,
    /// The messages.
    pub entries: Vec<PoEntry>,
}

/// What is wrong with a PO file, and where.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{line}:{column}: {kind}")]
pub struct PoError {
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
    /// What is wrong.
    pub kind: PoErrorKind,
}

/// The kinds of PO syntax errors.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PoErrorKind {
    /// A line that is none of a comment, a keyword or a string.
    #[error("expected `msgctxt`, `msgid`, `msgstr`, a quoted string or a comment")]
    UnexpectedLine,
    /// A quoted string without a keyword before it.
    #[error("a quoted string must follow `msgctxt`, `msgid` or `msgstr`")]
    StrayString,
    /// A string that does not end with a quote.
    #[error("the string is not closed with `\"`")]
    Unterminated,
    /// A backslash escape gettext does not know.
    #[error("unknown escape `\\{0}`")]
    BadEscape(char),
    /// Text after a string's closing quote.
    #[error("unexpected text after the closing `\"`")]
    TrailingText,
    /// `msgid_plural` or `msgstr[n]`.
    #[error("plural entries are not used in rehearse's files")]
    Plural,
    /// A `msgstr` without a `msgid`, or an entry that ends without a `msgstr`.
    #[error("an entry needs `msgid` and then `msgstr`")]
    Incomplete,
    /// The same `msgctxt` twice.
    #[error("`{0}` already has an entry on line {1}")]
    Duplicate(String, usize),
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Field {
    None,
    Context,
    Id,
    Str,
    Previous,
}

#[derive(Default)]
struct Builder {
    entry: PoEntry,
    has_context: bool,
    has_id: bool,
    has_str: bool,
    started: bool,
}

/// What [`parse_with`] keeps besides the messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Keep {
    /// Everything: notes, translator comments, the previous English (for tools and checks).
    All,
    /// The messages and their fuzzy flags only (what play needs; about twice as fast).
    Messages,
}

/// Read a PO file's text, keeping everything.
pub fn parse(text: &str) -> Result<PoFile, PoError> {
    parse_with(text, Keep::All)
}

/// Read a PO file's text. Syntax is checked the same whatever is kept.
pub fn parse_with(text: &str, keep: Keep) -> Result<PoFile, PoError> {
    let all = keep == Keep::All;
    let mut file = PoFile::default();
    let mut header_seen = false;
    let mut current = Builder::default();
    let mut field = Field::None;
    for (index, raw) in text.lines().enumerate() {
        let number = index + 1;
        let line = raw.trim_end_matches('\r');
        let trimmed = line.trim_start();
        // Columns are counted only when there is an error to report.
        let at = |part: &str| line[..line.len() - part.len()].chars().count() + 1;
        let here = |kind| PoError { line: number, column: at(trimmed), kind };
        let bad = |part: &str, (offset, kind): (usize, PoErrorKind)| PoError {
            line: number,
            column: at(part) + offset,
            kind,
        };
        if trimmed.is_empty() {
            field = Field::None;
            continue;
        }
        let starts_entry = |b: &Builder| b.has_str;
        if let Some(rest) = trimmed.strip_prefix('#') {
            if rest.starts_with('~') {
                // Obsolete entry: not part of the file's messages.
                continue;
            }
            if starts_entry(&current) {
                finish(std::mem::take(&mut current), &mut file, &mut header_seen)?;
            }
            current.started = true;
            if let Some(note) = rest.strip_prefix('.') {
                if all {
                    current.entry.notes.push(note.strip_prefix(' ').unwrap_or(note).to_string());
                }
            } else if let Some(flags) = rest.strip_prefix(',') {
                for flag in flags.split(',').map(str::trim).filter(|f| !f.is_empty()) {
                    if flag == "fuzzy" {
                        current.entry.fuzzy = true;
                    } else {
                        current.entry.flags.push(flag.to_string());
                    }
                }
            } else if let Some(previous) = rest.strip_prefix('|') {
                let previous = previous.trim_start();
                if let Some(value) = previous.strip_prefix("msgid").map(str::trim_start) {
                    let text = quoted(value).map_err(|e| bad(value, e))?;
                    current.entry.previous = all.then_some(text);
                    field = Field::Previous;
                } else if previous.starts_with('"') {
                    let text = quoted(previous).map_err(|e| bad(previous, e))?;
                    if field == Field::Previous
                        && let Some(p) = current.entry.previous.as_mut()
                    {
                        p.push_str(&text);
                    }
                } else {
                    field = Field::None;
                }
            } else if rest.starts_with(':') {
                // Source references: regenerated by `l10n update`.
            } else {
                if all {
                    current.entry.comments.push(rest.strip_prefix(' ').unwrap_or(rest).to_string());
                }
            }
            continue;
        }
        let (keyword, value) = match trimmed.split_once([' ', '\t']) {
            Some((k, v)) if !k.starts_with('"') => (k, v.trim_start()),
            _ => ("", trimmed),
        };
        match keyword {
            "msgctxt" | "msgid" => {
                if starts_entry(&current) || (keyword == "msgctxt" && current.has_context) {
                    finish(std::mem::take(&mut current), &mut file, &mut header_seen)?;
                }
                if keyword == "msgid" && current.has_id {
                    return Err(here(PoErrorKind::Incomplete));
                }
                current.started = true;
                if keyword == "msgctxt" || !current.has_context {
                    current.entry.line = number;
                }
                let text = quoted(value).map_err(|e| bad(value, e))?;
                if keyword == "msgctxt" {
                    current.entry.context = text;
                    current.has_context = true;
                    field = Field::Context;
                } else {
                    current.entry.source = text;
                    current.has_id = true;
                    field = Field::Id;
                }
            }
            "msgstr" => {
                if !current.has_id || current.has_str {
                    return Err(here(PoErrorKind::Incomplete));
                }
                current.entry.translation = quoted(value).map_err(|e| bad(value, e))?;
                current.has_str = true;
                field = Field::Str;
            }
            k if k == "msgid_plural" || k.starts_with("msgstr[") => {
                return Err(here(PoErrorKind::Plural));
            }
            "" if !value.starts_with('"') => {
                return Err(here(PoErrorKind::UnexpectedLine));
            }
            "" => {
                if matches!(field, Field::Previous | Field::None) {
                    return Err(here(PoErrorKind::StrayString));
                }
                let text = quoted(value).map_err(|e| bad(value, e))?;
                match field {
                    Field::Context => current.entry.context.push_str(&text),
                    Field::Id => current.entry.source.push_str(&text),
                    _ => current.entry.translation.push_str(&text),
                }
            }
            _ => return Err(here(PoErrorKind::UnexpectedLine)),
        }
    }
    finish(current, &mut file, &mut header_seen)?;
    duplicates(&file)?;
    Ok(file)
}

/// Add a finished entry to the file: the first one without `msgctxt` and with an empty `msgid`
/// is the header.
fn finish(b: Builder, file: &mut PoFile, header_seen: &mut bool) -> Result<(), PoError> {
    if !b.started {
        return Ok(());
    }
    if !b.has_id || !b.has_str {
        return Err(PoError { line: b.entry.line.max(1), column: 1, kind: PoErrorKind::Incomplete });
    }
    if !*header_seen && b.entry.source.is_empty() && !b.has_context {
        *header_seen = true;
        file.header = b.entry.translation;
        file.header_comments = b.entry.comments;
        return Ok(());
    }
    *header_seen = true;
    file.entries.push(b.entry);
    Ok(())
}

/// The first id given twice, reported at its second entry (sorted once, nothing copied).
fn duplicates(file: &PoFile) -> Result<(), PoError> {
    let mut order: Vec<usize> = (0..file.entries.len()).collect();
    order.sort_by(|&a, &b| file.entries[a].context.cmp(&file.entries[b].context).then(a.cmp(&b)));
    let twice = order
        .windows(2)
        .filter(|w| file.entries[w[0]].context == file.entries[w[1]].context)
        .map(|w| (&file.entries[w[0]], &file.entries[w[1]]))
        .min_by_key(|(_, second)| second.line);
    match twice {
        Some((first, second)) => Err(PoError {
            line: second.line,
            column: 1,
            kind: PoErrorKind::Duplicate(second.context.clone(), first.line),
        }),
        None => Ok(()),
    }
}

/// One quoted string: `"…"` with gettext's escapes, nothing after it. An error carries the
/// offset (in characters, from the opening quote) where it was found.
fn quoted(value: &str) -> Result<String, (usize, PoErrorKind)> {
    let Some(body) = value.strip_prefix('"') else {
        return Err((0, PoErrorKind::UnexpectedLine));
    };
    // Most strings have no escape: one search, one copy.
    if !body.contains('\\') {
        let Some(end) = body.find('"') else { return Err((0, PoErrorKind::Unterminated)) };
        if !body[end + 1..].trim().is_empty() {
            return Err((body[..end].chars().count() + 2, PoErrorKind::TrailingText));
        }
        return Ok(body[..end].to_string());
    }
    let mut out = String::with_capacity(body.len());
    let mut chars = body.chars().enumerate();
    while let Some((i, c)) = chars.next() {
        match c {
            '"' => {
                let rest: String = chars.map(|(_, c)| c).collect();
                if rest.trim().is_empty() {
                    return Ok(out);
                }
                return Err((i + 2, PoErrorKind::TrailingText));
            }
            '\\' => match chars.next() {
                Some((_, 'n')) => out.push('\n'),
                Some((_, 't')) => out.push('\t'),
                Some((_, 'r')) => out.push('\r'),
                Some((_, '"')) => out.push('"'),
                Some((_, '\\')) => out.push('\\'),
                Some((_, other)) => return Err((i + 1, PoErrorKind::BadEscape(other))),
                None => return Err((i + 1, PoErrorKind::Unterminated)),
            },
            c => out.push(c),
        }
    }
    Err((0, PoErrorKind::Unterminated))
}

/// A string in PO notation: quoted and escaped; text with line breaks is split after each.
fn write_string(out: &mut String, keyword: &str, text: &str) {
    let escape = |s: &str| {
        s.replace('\\', "\\\\").replace('"', "\\\"").replace('\t', "\\t").replace('\r', "\\r").replace('\n', "\\n")
    };
    if text.contains('\n') && text.trim_end_matches('\n').contains('\n') {
        let _ = writeln!(out, "{keyword} \"\"");
        for part in text.split_inclusive('\n') {
            let _ = writeln!(out, "{}\"{}\"", if keyword.starts_with('#') { "#| " } else { "" }, escape(part));
        }
    } else {
        let _ = writeln!(out, "{keyword} \"{}\"", escape(text));
    }
}

/// The file's text, in the layout `msgmerge` writes (long lines are not wrapped).
pub fn write(file: &PoFile) -> String {
    let mut out = String::new();
    for comment in &file.header_comments {
        let _ = writeln!(out, "# {comment}");
    }
    out.push_str("msgid \"\"\n");
    write_string(&mut out, "msgstr", &file.header);
    for entry in &file.entries {
        out.push('\n');
        for comment in &entry.comments {
            let _ = writeln!(out, "# {comment}");
        }
        for note in &entry.notes {
            let _ = writeln!(out, "#. {note}");
        }
        let mut flags: Vec<&str> = Vec::new();
        if entry.fuzzy {
            flags.push("fuzzy");
        }
        flags.extend(entry.flags.iter().map(String::as_str));
        if !flags.is_empty() {
            let _ = writeln!(out, "#, {}", flags.join(", "));
        }
        if let Some(previous) = &entry.previous {
            write_string(&mut out, "#| msgid", previous);
        }
        write_string(&mut out, "msgctxt", &entry.context);
        write_string(&mut out, "msgid", &entry.source);
        write_string(&mut out, "msgstr", &entry.translation);
    }
    out
}

/// A header for a new file in `lang` (a BCP 47 code), with the plural forms gettext expects.
pub fn header(lang: &str, project: &str) -> String {
    format!(
        "Project-Id-Version: {project}\nLanguage: {lang}\nMIME-Version: 1.0\nContent-Type: text/plain; \
         charset=UTF-8\nContent-Transfer-Encoding: 8bit\n"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_what_it_writes() {
        let file = PoFile {
            header: header("ro", "rehearse"),
            header_comments: vec!["Romanian".into()],
            entries: vec![
                PoEntry {
                    context: "arrival.a".into(),
                    source: "Say \"hi\"\\ {fact}".into(),
                    translation: "Spuneți „bună”".into(),
                    flags: vec!["python-brace-format".into()],
                    fuzzy: true,
                    previous: Some("Say hi".into()),
                    notes: vec!["Node: arrival".into()],
                    comments: vec!["checked".into()],
                    line: 0,
                },
                PoEntry { context: "b".into(), source: "two\nlines\n".into(), ..PoEntry::default() },
            ],
        };
        let text = write(&file);
        let mut back = parse(&text).expect("parses");
        for e in &mut back.entries {
            e.line = 0;
        }
        assert_eq!(back, file);
    }

    #[test]
    fn errors_name_line_and_column() {
        let text = "msgid \"\"\nmsgstr \"\"\n\nmsgctxt \"a\"\nmsgid \"x\nmsgstr \"y\"\n";
        let e = parse(text).unwrap_err();
        assert_eq!((e.line, e.column, e.kind), (5, 7, PoErrorKind::Unterminated));
        let e = parse("msgid \"\"\nmsgstr \"\"\n\nmsgctxt \"a\"\nmsgid \"x\"\nmsgstr \"\\q\"\n").unwrap_err();
        assert_eq!((e.line, e.column), (6, 9));
        let e = parse("msgid \"\"\nmsgstr \"\"\n\nmsgctxt \"a\"\nmsgid \"x\"\nmsgstr \"y\"\n\nmsgctxt \"a\"\nmsgid \"z\"\nmsgstr \"\"\n")
            .unwrap_err();
        assert_eq!((e.line, e.kind), (8, PoErrorKind::Duplicate("a".into(), 4)));
        assert_eq!(parse("\"").unwrap_err().kind, PoErrorKind::StrayString);
        assert_eq!(parse("msgid_plural \"x\"").unwrap_err().kind, PoErrorKind::Plural);
        assert_eq!(parse("hello").unwrap_err().kind, PoErrorKind::UnexpectedLine);
    }
}
