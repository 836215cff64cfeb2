//! The ranking as one self-contained HTML file: a table, per-trainee category bars and the
//! monthly trend, drawn as inline SVG (no scripts, no external files, no server).

use std::collections::HashMap;
use std::fmt::Write as _;

use crate::l10n::{Arg, Messages};

use super::ranking::Ranking;
use crate::records::Month;

/// Escape text for HTML element content and attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if c.is_control() => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    out
}

/// A name cut to `max` characters for a chart label (the table keeps it whole).
fn label(s: &str, max: usize) -> String {
    escape(&crate::text::shorten(s, max))
}

const COLOURS: [&str; 6] = ["#2f6fb0", "#d1802f", "#3c9a5f", "#a04a9a", "#b03a3a", "#6b6b6b"];

/// The HTML report in the language of `msg` (its `lang` attribute says which). `trend` holds
/// each month's scores (oldest first), the ranked month last.
pub fn html(msg: &Messages, r: &Ranking, trend: &[(Month, HashMap<String, f64>)]) -> String {
    let mut out = String::new();
    let title = msg.with("html-title", &[("month", r.month.to_string().into())]);
    let intro = msg.with(
        "html-intro",
        &[
            ("sessions", r.sessions.into()),
            ("scenarios", r.scenarios.len().into()),
            ("minimum", r.min_sessions.into()),
            ("target", Arg::Decimal(r.retained_target * 100.0, 0)),
        ],
    );
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{lang}\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>{t}</title>\n<style>\
         body{{font-family:sans-serif;margin:1em;color:#222}}.scroll{{overflow-x:auto}}svg{{max-width:100%;height:auto}}table{{border-collapse:collapse;margin:1em 0}}\
         th,td{{border-bottom:1px solid #ccc;padding:4px 10px;text-align:right}}th:nth-child(2),td:nth-child(2){{text-align:left;min-width:8em;max-width:24em;overflow-wrap:anywhere}}\
         .below{{color:#b03a3a}}.ok{{color:#2e7d32}}svg{{display:block;margin:1em 0}}</style></head><body>\n<h1>{t}</h1>\n\
         <p>{intro}</p>\n",
        lang = msg.lang().code(),
        t = escape(&title),
        intro = escape(&intro),
    );
    if !r.scenarios.is_empty() {
        let names: Vec<String> = r.scenario_names().iter().map(|n| n.to_string()).collect();
        let id = if r.assigned { "board-scenarios-assigned" } else { "board-scenarios-assessed" };
        let _ = writeln!(out, "<p>{}</p>", escape(&msg.with(id, &[("names", names.join("; ").into())])));
    }
    table(msg, &mut out, r);
    bars(msg, &mut out, r);
    trend_chart(msg, &mut out, r, trend);
    out.push_str("</body></html>\n");
    out
}

fn table(msg: &Messages, out: &mut String, r: &Ranking) {
    let th = |id: &str| format!("<th>{}</th>", escape(&msg.get(id)));
    let _ = write!(
        out,
        "<div class=\"scroll\"><table><thead><tr>{}{}{}",
        th("table-rank"),
        th("table-trainee"),
        th("table-score")
    );
    for c in &r.categories {
        let _ = write!(out, "<th>{}</th>", escape(r.title(c)));
    }
    let _ = writeln!(
        out,
        "{}{}{}{}</tr></thead><tbody>",
        th("table-sessions"),
        th("table-scenarios"),
        th("table-change"),
        th("table-retained")
    );
    for row in r.ranking.iter().chain(&r.unqualified) {
        let rank = if row.rank == 0 { "–".to_string() } else { row.rank.to_string() };
        let _ =
            write!(out, "<tr><td>{rank}</td><td>{}</td><td>{}</td>", escape(&row.trainee), msg.number(row.score, 1));
        for c in &r.categories {
            let _ = write!(out, "<td>{}</td>", msg.number(row.categories.get(c).copied().unwrap_or(0.0), 1));
        }
        let change = row.change.map_or_else(
            || msg.get("board-new"),
            |c| format!("{}{}", if c >= 0.0 { "+" } else { "" }, msg.number(c, 1)),
        );
        let class = if row.retained_target_met { "ok" } else { "below" };
        let _ = writeln!(
            out,
            "<td>{}</td><td>{}/{}</td><td>{}</td><td class=\"{class}\">{}%</td></tr>",
            row.sessions,
            row.scenarios_covered,
            r.scenarios.len(),
            escape(&change),
            msg.number(row.retained * 100.0, 0)
        );
    }
    out.push_str("</tbody></table></div>\n");
}

/// Horizontal bars: one group per ranked trainee, one bar per category.
fn bars(msg: &Messages, out: &mut String, r: &Ranking) {
    if r.ranking.is_empty() || r.categories.is_empty() {
        return;
    }
    let bar_h = 14.0;
    let group_h = bar_h * r.categories.len() as f64 + 14.0;
    let (left, width) = (190.0, 400.0);
    let height = 40.0 + group_h * r.ranking.len() as f64;
    let _ = writeln!(
        out,
        "<h2>{heading}</h2>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{height}\" role=\"img\" \
         aria-label=\"{aria}\">",
        heading = escape(&msg.get("html-categories")),
        aria = escape(&msg.get("html-categories-aria")),
        w = left + width + 60.0
    );
    for (i, c) in r.categories.iter().enumerate() {
        let x = left + i as f64 * 130.0;
        let _ = writeln!(
            out,
            "<rect x=\"{x}\" y=\"6\" width=\"12\" height=\"12\" fill=\"{}\"/><text x=\"{}\" y=\"16\" font-size=\"12\">{}</text>",
            COLOURS[i % COLOURS.len()],
            x + 16.0,
            label(r.title(c), 24)
        );
    }
    for (g, row) in r.ranking.iter().enumerate() {
        let y0 = 30.0 + g as f64 * group_h;
        let _ = writeln!(
            out,
            "<text x=\"{}\" y=\"{}\" font-size=\"12\" text-anchor=\"end\">{}</text>",
            left - 8.0,
            y0 + group_h / 2.0,
            label(&format!("{}. {}", row.rank, row.trainee), 26)
        );
        for (i, c) in r.categories.iter().enumerate() {
            let v = row.categories.get(c).copied().unwrap_or(0.0).clamp(0.0, 100.0);
            let y = y0 + i as f64 * bar_h;
            let _ = writeln!(
                out,
                "<rect x=\"{left}\" y=\"{y}\" width=\"{:.1}\" height=\"{}\" fill=\"{}\"><title>{}: {v:.1}</title></rect>\
                 <text x=\"{:.1}\" y=\"{}\" font-size=\"10\">{v:.0}</text>",
                v / 100.0 * width,
                bar_h - 2.0,
                COLOURS[i % COLOURS.len()],
                escape(r.title(c)),
                left + v / 100.0 * width + 4.0,
                y + bar_h - 4.0
            );
        }
    }
    out.push_str("</svg>\n");
}

/// A line per ranked trainee (up to six) over the months in `trend`.
fn trend_chart(msg: &Messages, out: &mut String, r: &Ranking, trend: &[(Month, HashMap<String, f64>)]) {
    if trend.len() < 2 || r.ranking.is_empty() {
        return;
    }
    let (left, top, w, h) = (50.0, 20.0, 520.0, 220.0);
    let step = w / (trend.len() - 1) as f64;
    let y = |v: f64| top + h - v.clamp(0.0, 100.0) / 100.0 * h;
    let _ = writeln!(
        out,
        "<h2>{}</h2>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{}\" height=\"{}\" role=\"img\" \
         aria-label=\"{}\">",
        escape(&msg.get("html-trend")),
        left + w + 200.0,
        top + h + 40.0,
        escape(&msg.get("html-trend-aria"))
    );
    for v in [0.0, 25.0, 50.0, 75.0, 100.0] {
        let _ = writeln!(
            out,
            "<line x1=\"{left}\" x2=\"{}\" y1=\"{yy}\" y2=\"{yy}\" stroke=\"#ddd\"/><text x=\"{}\" y=\"{}\" font-size=\"10\" \
             text-anchor=\"end\">{v:.0}</text>",
            left + w,
            left - 6.0,
            y(v) + 3.0,
            yy = y(v)
        );
    }
    for (i, (m, _)) in trend.iter().enumerate() {
        let _ = writeln!(
            out,
            "<text x=\"{:.1}\" y=\"{}\" font-size=\"10\" text-anchor=\"middle\">{m}</text>",
            left + i as f64 * step,
            top + h + 16.0
        );
    }
    for (k, row) in r.ranking.iter().take(COLOURS.len()).enumerate() {
        let colour = COLOURS[k];
        let points: Vec<String> = trend
            .iter()
            .enumerate()
            .filter_map(|(i, (_, scores))| {
                scores.get(&row.trainee).map(|v| format!("{:.1},{:.1}", left + i as f64 * step, y(*v)))
            })
            .collect();
        let _ = writeln!(
            out,
            "<polyline fill=\"none\" stroke=\"{colour}\" stroke-width=\"2\" points=\"{}\"/>",
            points.join(" ")
        );
        for p in &points {
            let (px, py) = p.split_once(',').unwrap_or(("0", "0"));
            let _ = writeln!(out, "<circle cx=\"{px}\" cy=\"{py}\" r=\"3\" fill=\"{colour}\"/>");
        }
        let _ = writeln!(
            out,
            "<text x=\"{}\" y=\"{}\" font-size=\"12\" fill=\"{colour}\">{}</text>",
            left + w + 12.0,
            top + 14.0 + k as f64 * 16.0,
            label(&row.trainee, 24)
        );
    }
    out.push_str("</svg>\n");
}
