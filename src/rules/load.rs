//! Rulebook validation: every problem in the file, with its position.

use std::collections::HashMap;
use std::path::Path;

use super::raw::{RawCheck, RawRulebook};
use super::{
    Act, Category, Check, MAX_ACTS, MAX_CATEGORIES, MAX_REPEAT_CAP, MAX_RULES, MAX_WEIGHT, OutcomeCap, Rule, Rulebook,
};
use crate::diag::{Diagnostic, SourceMap};
use crate::scenario::suggest;

/// Parse and validate a rulebook. Returns the rulebook when it has no errors, and every
/// diagnostic found (warnings too).
pub fn load(file: &Path, text: &str) -> (Option<Rulebook>, Vec<Diagnostic>) {
    let raw: RawRulebook = match crate::ronfile::parse(file, text) {
        Ok(raw) => raw,
        Err(d) => return (None, vec![d]),
    };
    let map = SourceMap::new(text);
    let mut diags = Vec::new();
    let at = |offset: Option<usize>| offset.map(|o| map.position(o));

    let mut seen: HashMap<&str, usize> = HashMap::new();
    for a in &raw.acts {
        let n = bump(&mut seen, &a.id);
        if n > 0 {
            diags.push(Diagnostic::error(
                file,
                at(map.find_field("id", &a.id, n)),
                format!("duplicate act id `{}`", a.id),
            ));
        }
    }
    if raw.acts.len() > MAX_ACTS {
        diags.push(Diagnostic::error(
            file,
            at(map.find_key_after(0, "acts")),
            format!("{} acts declared; at most {MAX_ACTS} are supported", raw.acts.len()),
        ));
    }
    let acts: Vec<Act> =
        raw.acts.iter().map(|a| Act { id: a.id.clone(), description: a.description.clone(), fault: a.fault }).collect();
    let act_names: Vec<&str> = acts.iter().map(|a| a.id.as_str()).collect();

    let mut seen: HashMap<&str, usize> = HashMap::new();
    for c in &raw.categories {
        let n = bump(&mut seen, &c.id);
        if n > 0 {
            diags.push(Diagnostic::error(
                file,
                at(map.find_field("id", &c.id, n)),
                format!("duplicate category id `{}`", c.id),
            ));
        }
    }
    if raw.categories.len() > MAX_CATEGORIES {
        diags.push(Diagnostic::error(
            file,
            at(map.find_key_after(0, "categories")),
            format!("{} categories declared; at most {MAX_CATEGORIES} are supported", raw.categories.len()),
        ));
    }
    if raw.rules.len() > MAX_RULES {
        diags.push(Diagnostic::error(
            file,
            at(map.find_key_after(0, "rules")),
            format!("{} rules declared; at most {MAX_RULES} are supported", raw.rules.len()),
        ));
    }
    let categories: Vec<Category> =
        raw.categories.iter().map(|c| Category { id: c.id.clone(), title: c.title.clone() }).collect();
    let category_names: Vec<&str> = categories.iter().map(|c| c.id.as_str()).collect();

    let mut rules = Vec::new();
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for r in &raw.rules {
        let n = bump(&mut seen, &r.id);
        let decl = map.find_field("id", &r.id, n);
        if n > 0 {
            diags.push(Diagnostic::error(file, at(decl), format!("duplicate rule id `{}`", r.id)));
        }
        let anchor = decl.unwrap_or(0);
        let category = categories.iter().position(|c| c.id == r.category);
        if category.is_none() {
            diags.push(Diagnostic::error(
                file,
                at(map.find_field_after(anchor, "category", &r.category)),
                format!(
                    "rule `{}` names unknown category `{}`{}",
                    r.id,
                    r.category,
                    suggest(&r.category, &category_names)
                ),
            ));
        }
        if r.weight == 0 {
            diags.push(Diagnostic::error(
                file,
                at(decl),
                format!("rule `{}` has weight 0; weights must be positive (disable a rule per scenario instead)", r.id),
            ));
        } else if r.weight > MAX_WEIGHT {
            diags.push(Diagnostic::error(
                file,
                at(map.find_key_after(anchor, "weight").or(decl)),
                format!("rule `{}` weighs {}; weights run from 1 to {MAX_WEIGHT}", r.id, r.weight),
            ));
        }
        if !is_practice_id(&r.practice) {
            diags.push(Diagnostic::warning(
                file,
                at(map.find_field_after(anchor, "practice", &r.practice)),
                format!("rule `{}` cites `{}`, which is not a practice id like `P-03`", r.id, r.practice),
            ));
        }
        let mut problems = Vec::new();
        let check = resolve_check(&r.check, &acts, &act_names, &mut problems);
        for (message, needle) in problems {
            let position = needle.and_then(|n| map.find_quoted_after(anchor, &n)).or(decl);
            diags.push(Diagnostic::error(file, at(position), format!("rule `{}`: {message}", r.id)));
        }
        if let Some(category) = category {
            rules.push(Rule {
                id: r.id.clone(),
                category,
                weight: r.weight,
                practice: r.practice.clone(),
                title: r.title.clone(),
                explanation: r.explanation.clone(),
                tip: r.tip.clone(),
                applies: r.applies.clone(),
                check,
            });
        }
    }
    for (i, c) in categories.iter().enumerate() {
        // A duplicate id is reported above; its rules all belong to the first declaration.
        let duplicate = categories[..i].iter().any(|p| p.id == c.id);
        if !duplicate && !rules.iter().any(|r| r.category == i) {
            diags.push(Diagnostic::warning(
                file,
                at(map.find_field("id", &c.id, 0)),
                format!("category `{}` has no rules", c.id),
            ));
        }
    }

    let outcome_caps = check_outcome_caps(file, &map, &raw, &mut diags);
    if raw.repeat_cap == 0 || raw.repeat_cap > MAX_REPEAT_CAP {
        diags.push(Diagnostic::error(
            file,
            at(map.find_key_after(0, "repeat_cap")),
            format!(
                "`repeat_cap` is {}; use 1 for \"a broken rule costs its weight once\", up to {MAX_REPEAT_CAP}",
                raw.repeat_cap
            ),
        ));
    }

    if crate::diag::has_errors(&diags) {
        return (None, diags);
    }
    let rulebook = Rulebook {
        acts,
        categories,
        rules,
        outcome_caps,
        repeat_cap: raw.repeat_cap,
        source: file.to_path_buf(),
        text: text.into(),
    };
    (Some(rulebook), diags)
}

/// The outcome caps, each outcome at most once and every cap within 0–100.
fn check_outcome_caps(file: &Path, map: &SourceMap, raw: &RawRulebook, diags: &mut Vec<Diagnostic>) -> Vec<OutcomeCap> {
    let mut cursor = map.find_key_after(0, "outcome_caps").unwrap_or(0);
    let mut caps: Vec<OutcomeCap> = Vec::new();
    for c in &raw.outcome_caps {
        let name = format!("{:?}", c.outcome);
        // Each entry's outcome is found after the previous one's.
        let found = map.find_key_after(cursor, "outcome").and_then(|k| map.text().get(k..)?.find(&name).map(|o| k + o));
        if let Some(o) = found {
            cursor = o;
        }
        let at = found.map(|o| map.position(o));
        if caps.iter().any(|k| k.outcome == c.outcome) {
            diags.push(Diagnostic::error(file, at, format!("outcome `{name}` is capped twice")));
        } else if c.cap > 100 {
            diags.push(Diagnostic::error(file, at, format!("the cap for `{name}` is {}; totals run 0–100", c.cap)));
        } else {
            caps.push(OutcomeCap { outcome: c.outcome, cap: c.cap, reason: c.reason.clone() });
        }
    }
    caps
}

fn bump<'a>(seen: &mut HashMap<&'a str, usize>, id: &'a str) -> usize {
    let n = seen.entry(id).or_insert(0);
    *n += 1;
    *n - 1
}

fn is_practice_id(s: &str) -> bool {
    s.strip_prefix("P-").is_some_and(|n| n.len() == 2 && n.chars().all(|c| c.is_ascii_digit()))
}

type Problem = (String, Option<String>);

fn resolve_check(raw: &RawCheck, acts: &[Act], names: &[&str], problems: &mut Vec<Problem>) -> Check {
    let act = |id: &str, problems: &mut Vec<Problem>| match acts.iter().position(|a| a.id == id) {
        Some(i) => u8::try_from(i).unwrap_or(u8::MAX),
        None => {
            problems.push((format!("unknown act `{id}`{}", suggest(id, names)), Some(id.to_string())));
            0
        }
    };
    match raw {
        RawCheck::Eventually(a) => Check::Eventually(act(a, problems)),
        RawCheck::Never(a) => Check::Never(act(a, problems)),
        RawCheck::FirstTurn(a) => Check::FirstTurn(act(a, problems)),
        RawCheck::Within { turns, act: a } => {
            if *turns == 0 {
                problems.push(("`Within` needs at least 1 turn".into(), None));
            }
            Check::Within { turns: *turns, act: act(a, problems) }
        }
        RawCheck::WithinSeconds { seconds, act: a } => {
            if !(seconds.is_finite() && *seconds > 0.0 && *seconds <= 3600.0) {
                problems
                    .push((format!("`WithinSeconds` needs more than 0 and at most 3600 seconds, not {seconds}"), None));
            }
            let millis = (seconds.clamp(0.0, 3600.0) * 1000.0).round() as u32;
            Check::WithinSeconds { millis, act: act(a, problems) }
        }
        RawCheck::AtLeast { times, act: a } => {
            if *times == 0 {
                problems.push(("`AtLeast` with 0 times always passes; use 1 or more".into(), None));
            }
            Check::AtLeast { times: *times, act: act(a, problems) }
        }
        RawCheck::Before { first, then } => {
            let first = act(first, problems);
            let then = act(then, problems);
            Check::Before { first, then }
        }
        RawCheck::BeforeEach { first, then } => {
            let first = act(first, problems);
            let then = act(then, problems);
            Check::BeforeEach { first, then }
        }
        RawCheck::KeepPromises => Check::KeepPromises,
        RawCheck::All(cs) | RawCheck::Any(cs) => {
            if cs.is_empty() {
                problems.push(("`All([])`/`Any([])` is empty: give it at least one check".into(), None));
            }
            let children = cs.iter().map(|c| resolve_check(c, acts, names, problems)).collect();
            if matches!(raw, RawCheck::All(_)) { Check::All(children) } else { Check::Any(children) }
        }
        RawCheck::Not(c) => Check::Not(Box::new(resolve_check(c, acts, names, problems))),
    }
}
