//! Text cut to fit where it is shown: a table cell, a chart label, a graph node, a terminal line.

/// `text` at most `max` characters long; a cut is marked with an ellipsis (which counts).
pub fn shorten(text: &str, max: usize) -> String {
    if text.chars().nth(max).is_none() {
        return text.to_string();
    }
    text.chars().take(max.saturating_sub(1)).chain(['…']).collect()
}

/// A name (or any stored text) made safe for one line of a terminal: control characters shown
/// as `?`, and at most `max` characters (an ellipsis marks the cut).
pub fn printable(text: &str, max: usize) -> String {
    let safe: String = text.chars().map(|c| if c.is_control() { '?' } else { c }).collect();
    shorten(&safe, max)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cuts_count_characters_and_mark_the_cut() {
        assert_eq!(shorten("Ștefan", 6), "Ștefan");
        assert_eq!(shorten("Ștefan Ionescu", 6), "Ștefa…");
        assert_eq!(shorten("王芳王芳", 3), "王芳…");
        assert_eq!(shorten("abc", 0), "…");
        assert_eq!(printable("a\u{1b}[31mb", 80), "a?[31mb");
    }
}
