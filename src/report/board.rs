//! The ranking as a terminal table, CSV or JSON. Names are shown safely: control characters
//! never reach the terminal, long names are cut in the table (never in CSV or JSON, which keep
//! them verbatim and escaped).

use std::fmt::Write as _;

use super::ranking::{Ranking, Row};
use super::{pad, right, width};
use crate::l10n::{Arg, Messages};
use crate::records::printable;

/// Widest name shown in the table.
const NAME_WIDTH: usize = 28;

/// The column headings, in the language of the table.
struct Headings {
    rank: String,
    trainee: String,
    score: String,
    sessions: String,
    scenarios: String,
    change: String,
    retained: String,
}

impl Headings {
    fn new(msg: &Messages, r: &Ranking) -> Headings {
        Headings {
            rank: msg.get("table-rank"),
            trainee: msg.get("table-trainee"),
            score: msg.get("table-score"),
            sessions: msg.get("table-sessions"),
            scenarios: msg.get("table-scenarios"),
            change: msg.get("table-change"),
            retained: msg.with("table-retained-target", &[("target", Arg::Decimal(r.retained_target * 100.0, 0))]),
        }
    }
}

/// The ranking as an aligned table, readable without colour, in the language of `msg`
/// (columns aligned by terminal width, so Chinese headings line up too).
pub fn table(msg: &Messages, r: &Ranking) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{}",
        msg.with(
            "board-title",
            &[
                ("month", r.month.to_string().into()),
                ("sessions", r.sessions.into()),
                ("scenarios", r.scenarios.len().into()),
                ("minimum", r.min_sessions.into()),
            ],
        )
    );
    let names: Vec<String> = r.scenario_names().iter().map(|n| printable(n, 60)).collect();
    if !names.is_empty() {
        let id = if r.assigned { "board-scenarios-assigned" } else { "board-scenarios-assessed" };
        let _ = writeln!(out, "{}", msg.with(id, &[("names", names.join("; ").into())]));
    }
    let h = Headings::new(msg, r);
    let cats: String =
        r.categories.iter().map(|c| format!(" {}", right(&printable(r.title(c), 24), column(r, c)))).collect();
    let _ = writeln!(
        out,
        "{}  {} {}{cats} {} {} {} {}",
        right(&h.rank, 4),
        pad(&h.trainee, NAME_WIDTH),
        right(&h.score, 6),
        right(&h.sessions, 8),
        right(&h.scenarios, 9),
        right(&h.change, 7),
        right(&h.retained, 14),
    );
    for row in &r.ranking {
        line(msg, &mut out, r, row, &row.rank.to_string());
    }
    if r.ranking.is_empty() {
        let _ = writeln!(out, "  {}", msg.get("board-nobody-qualified"));
    }
    if !r.unqualified.is_empty() {
        let _ = writeln!(out, "{}", msg.with("board-not-ranked", &[("minimum", r.min_sessions.into())]));
        for row in &r.unqualified {
            line(msg, &mut out, r, row, "-");
        }
    }
    out
}

/// A category's column: as wide as its title (at most 24), at least 6.
fn column(r: &Ranking, id: &str) -> usize {
    width(&printable(r.title(id), 24)).max(6)
}

/// A name cut to `width` terminal columns (an ellipsis marks the cut), and the columns it takes.
/// Wide characters (Chinese, Japanese, Korean) take two columns, so the table stays aligned.
fn fit(name: &str, width: usize) -> (String, usize) {
    use unicode_width::UnicodeWidthChar;
    let shown = printable(name, usize::MAX);
    let total: usize = shown.chars().map(|c| c.width().unwrap_or(0)).sum();
    if total <= width {
        return (shown, total);
    }
    let (mut out, mut used) = (String::new(), 0);
    for c in shown.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        out.push(c);
        used += w;
    }
    out.push('…');
    (out, used + 1)
}

fn line(msg: &Messages, out: &mut String, r: &Ranking, row: &Row, rank: &str) {
    let (name, columns) = fit(&row.trainee, NAME_WIDTH);
    let pad = NAME_WIDTH.saturating_sub(columns);
    let cats: String = r
        .categories
        .iter()
        .map(|c| format!(" {}", right(&msg.number(row.categories.get(c).copied().unwrap_or(0.0), 1), column(r, c))))
        .collect();
    let change = row
        .change
        .map_or_else(|| msg.get("board-new"), |c| format!("{}{}", if c >= 0.0 { "+" } else { "" }, msg.number(c, 1)));
    let retained = msg.with(
        if row.retained_target_met { "table-retained-ok" } else { "table-retained-below" },
        &[("retained", Arg::Decimal(row.retained * 100.0, 0))],
    );
    let covered = format!("{:>6}/{:<2}", row.scenarios_covered, r.scenarios.len());
    let _ = writeln!(
        out,
        "{rank:>4}  {name}{:pad$} {}{cats} {} {covered} {} {}",
        "",
        right(&msg.number(row.score, 1), 6),
        right(&row.sessions.to_string(), 8),
        right(&change, 7),
        right(&retained, 14)
    );
}

/// The ranking as CSV (RFC 4180 quoting), one row per trainee, unqualified ones with rank 0.
pub fn csv(r: &Ranking) -> String {
    let mut out = String::from("rank,trainee,score");
    for c in &r.categories {
        out.push(',');
        out.push_str(&field(c));
    }
    out.push_str(",sessions,scenarios_covered,scenarios_total,change,retained,retained_target_met\r\n");
    for row in r.ranking.iter().chain(&r.unqualified) {
        let _ = write!(out, "{},{},{}", row.rank, field(&row.trainee), row.score);
        for c in &r.categories {
            let _ = write!(out, ",{}", row.categories.get(c).copied().unwrap_or(0.0));
        }
        let change = row.change.map_or_else(String::new, |c| c.to_string());
        let _ = write!(
            out,
            ",{},{},{},{change},{:.4},{}\r\n",
            row.sessions,
            row.scenarios_covered,
            r.scenarios.len(),
            row.retained,
            row.retained_target_met
        );
    }
    out
}

/// A CSV field: quoted when it holds a comma, quote or line break; a leading `=`, `+`, `-` or
/// `@` is prefixed with `'` so a spreadsheet never runs a name as a formula.
fn field(s: &str) -> String {
    let s = if s.starts_with(['=', '+', '-', '@']) { format!("'{s}") } else { s.to_string() };
    if s.contains([',', '"', '\n', '\r']) { format!("\"{}\"", s.replace('"', "\"\"")) } else { s }
}

/// The ranking as JSON: `{"month": …, "ranking": [{"trainee": …, "score": …, …}], …}`.
pub fn json(r: &Ranking) -> String {
    serde_json::to_string_pretty(r).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::{NAME_WIDTH, fit};

    #[test]
    fn names_fit_by_terminal_columns() {
        assert_eq!(fit("Ana", NAME_WIDTH), ("Ana".to_string(), 3));
        // Three Chinese characters take six columns.
        assert_eq!(fit("王小明", NAME_WIDTH), ("王小明".to_string(), 6));
        // Cut by columns, never in the middle of a wide character, with an ellipsis.
        let (cut, columns) = fit(&"张".repeat(20), NAME_WIDTH);
        assert!(columns <= NAME_WIDTH && cut.ends_with('…'), "{cut} {columns}");
        assert_eq!(cut.chars().filter(|&c| c == '张').count(), 13);
        // Control characters never reach the terminal.
        assert_eq!(fit("a\u{1b}[2Jb", NAME_WIDTH).0, "a?[2Jb");
    }
}
