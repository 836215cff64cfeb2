//! Scenario validation: raw file → [`Scenario`], collecting every problem with its position.

use std::collections::HashMap;
use std::num::NonZeroU64;
use std::path::Path;

use super::raw::{RawLine, RawNode, RawPressure, RawRing, RawScenario};
use super::{
    Choice, Customer, Ending, FactDef, FactKind, Factor, Line, METER_MAX, Node, Pressure, Reply, Ring, Scenario,
    Target, graph, suggest,
};
use crate::cond::{Cond, RawCond};
use crate::diag::{Diagnostic, Position, SourceMap};
use crate::rules::{ActSet, Rulebook};

mod promises;

use promises::mark_promise_moves;

/// The most hidden facts a scenario may declare (known facts are kept in a 64-bit set).
pub const MAX_FACTS: usize = 64;

/// The longest a reply's text should be, in characters: a longer one is hard to read on a
/// button and gives itself away as "the thorough answer".
pub const REPLY_MAX_CHARS: usize = 220;

/// Parse a scenario file without checking it against anything.
pub fn parse_raw(file: &Path, text: &str) -> Result<RawScenario, Diagnostic> {
    crate::ronfile::parse(file, text)
}

/// Parse and validate a scenario against a rulebook. Returns the scenario when it has no
/// errors, and every diagnostic found (warnings too).
pub fn load(file: &Path, text: &str, rulebook: &Rulebook) -> (Option<Scenario>, Vec<Diagnostic>) {
    let raw = match parse_raw(file, text) {
        Ok(raw) => raw,
        Err(d) => return (None, vec![d]),
    };
    let mut cx = Checker { file, map: SourceMap::new(text), diags: Vec::new(), decls: HashMap::new(), cursor: 0 };
    let scenario = cx.build(&raw, rulebook);
    let diags = cx.diags;
    if crate::diag::has_errors(&diags) { (None, diags) } else { (Some(scenario), diags) }
}

struct Checker<'a> {
    file: &'a Path,
    map: SourceMap,
    diags: Vec<Diagnostic>,
    /// How many times each id has been declared so far (to find the nth declaration).
    decls: HashMap<String, usize>,
    /// Where the last declaration was found: the next one is usually just after it, so the
    /// search for positions stays linear in the file's size.
    cursor: usize,
}

impl Checker<'_> {
    fn pos(&self, offset: Option<usize>) -> Option<Position> {
        offset.map(|o| self.map.position(o))
    }

    fn error(&mut self, offset: Option<usize>, message: String) {
        let d = Diagnostic::error(self.file, self.pos(offset), message);
        self.diags.push(d);
    }

    fn warning(&mut self, offset: Option<usize>, message: String) {
        let d = Diagnostic::warning(self.file, self.pos(offset), message);
        self.diags.push(d);
    }

    /// A number fact's step: 1 when absent; an error below 1; a warning when `max` is not on
    /// the step's grid from `min` (the top value would be drawn less often than the others).
    fn range_step(&mut self, at: Option<usize>, fact: &str, (min, max): (i64, i64), step: Option<i64>) -> NonZeroU64 {
        let Some(step) = step else { return NonZeroU64::MIN };
        let Some(valid) = u64::try_from(step).ok().and_then(NonZeroU64::new) else {
            self.error(at, format!("fact `{fact}` has `step: {step}`: a step is 1 or more"));
            return NonZeroU64::MIN;
        };
        if min <= max && max.abs_diff(min) % valid.get() != 0 {
            self.warning(
                at,
                format!(
                    "fact `{fact}`: `max: {max}` is not `min` plus a whole number of steps of {step}, so the highest value drawn ({}) comes up less often than the others",
                    max.saturating_sub_unsigned(max.abs_diff(min) % valid.get())
                ),
            );
        }
        valid
    }

    /// Offset of this item's `id: "…"`, reporting a duplicate id.
    fn declare(&mut self, kind: &str, id: &str) -> Option<usize> {
        let n = *self.decls.entry(id.to_string()).and_modify(|n| *n += 1).or_insert(0);
        let offset = if n == 0 {
            self.map.find_field_after(self.cursor, "id", id).or_else(|| self.map.find_field("id", id, 0))
        } else {
            self.map.find_field("id", id, n)
        };
        if let Some(o) = offset {
            self.cursor = o;
        }
        if n > 0 {
            self.error(offset, format!("duplicate id `{id}` ({kind}); every id in a scenario must be unique"));
        }
        offset
    }

    fn cond(&mut self, raw: &RawCond, facts: &[FactDef], anchor: Option<usize>, what: &str) -> Cond {
        let mut problems = Vec::new();
        let cond = raw.resolve(facts, &mut problems);
        for p in problems {
            let at = p.needle.and_then(|n| self.map.find_quoted_after(anchor.unwrap_or(0), &n)).or(anchor);
            self.error(at, format!("{what}: {}", p.message));
        }
        cond
    }

    fn placeholders(&mut self, text: &str, facts: &[FactDef], anchor: Option<usize>, owner: &str) {
        let mut rest = text;
        while let Some(open) = rest.find('{') {
            let after = &rest[open + 1..];
            let Some(close) = after.find('}') else { break };
            let name = &after[..close];
            if !facts.iter().any(|f| f.id == name) {
                let names: Vec<&str> = facts.iter().map(|f| f.id.as_str()).collect();
                self.error(
                    anchor,
                    format!("`{owner}` shows `{{{name}}}`, but there is no fact `{name}`{}", suggest(name, &names)),
                );
            }
            rest = &after[close + 1..];
        }
    }

    fn lines(&mut self, raw: &[RawLine], facts: &[FactDef], owner: &str, owner_at: Option<usize>) -> Vec<Line> {
        if raw.is_empty() {
            self.error(owner_at, format!("`{owner}` has no lines in `says`"));
        }
        let lines: Vec<Line> = raw
            .iter()
            .map(|l| {
                let at = self.declare("line", &l.id);
                self.placeholders(&l.text, facts, at, &l.id);
                if l.text.contains('(') && l.text.contains(')') {
                    self.warning(
                        at,
                        format!(
                            "line `{}` has words in brackets; a customer only says what is said aloud: put file \
                             notes in a fact's `note` and `reveals` it",
                            l.id
                        ),
                    );
                }
                let when = l.when.as_ref().map(|c| self.cond(c, facts, at, &format!("line `{}`", l.id)));
                Line { id: l.id.clone(), text: l.text.clone(), when }
            })
            .collect();
        if !lines.is_empty() && !lines_cover_every_case(&lines, facts) {
            self.warning(
                owner_at,
                format!("every line of `{owner}` has a condition; when none holds the first is shown"),
            );
        }
        lines
    }

    fn facts(&mut self, raw: &RawScenario) -> Vec<FactDef> {
        use super::raw::RawDraw;
        if raw.facts.len() > MAX_FACTS {
            let at = self.map.find_key_after(0, "facts");
            self.error(at, format!("{} facts declared; at most {MAX_FACTS} are supported", raw.facts.len()));
        }
        let mut out = Vec::new();
        for f in &raw.facts {
            let at = self.declare("fact", &f.id);
            let kind = match &f.draw {
                RawDraw::Choice(choices) => {
                    if choices.is_empty() {
                        self.error(at, format!("fact `{}` has no values to choose from", f.id));
                    }
                    for (i, c) in choices.iter().enumerate() {
                        // Point at this value's own occurrence, even when it repeats.
                        let nth = choices[..i].iter().filter(|p| p.value == c.value).count();
                        let mut c_at = at;
                        for _ in 0..=nth {
                            c_at = self.map.find_quoted_after(c_at.map_or(0, |o| o + 1), &c.value);
                        }
                        if c.weight == 0 {
                            self.error(
                                c_at,
                                format!(
                                    "value `{}` of fact `{}` has weight 0; weights must be positive",
                                    c.value, f.id
                                ),
                            );
                        }
                        if choices[..i].iter().any(|p| p.value == c.value) {
                            self.error(c_at, format!("fact `{}` lists the value `{}` twice", f.id, c.value));
                        }
                    }
                    FactKind::Choice(
                        choices
                            .iter()
                            .map(|c| Choice {
                                value: c.value.clone(),
                                weight: c.weight,
                                note: c.note.clone(),
                                says: c.says.clone(),
                            })
                            .collect(),
                    )
                }
                RawDraw::Range { min, max, step, amount } => {
                    if min > max {
                        self.error(at, format!("fact `{}` has `min: {min}` above `max: {max}`", f.id));
                    }
                    let step = self.range_step(at, &f.id, (*min, *max), *step);
                    FactKind::Range { min: *min, max: *max, step, amount: amount.then_some(Factor::ONE) }
                }
            };
            out.push(FactDef { id: f.id.clone(), label: f.label.clone(), kind });
        }
        out
    }

    fn build(&mut self, raw: &RawScenario, rulebook: &Rulebook) -> Scenario {
        let facts = self.facts(raw);
        let promises = self.promises(&raw.promises, &facts);
        let fact_names: Vec<&str> = facts.iter().map(|f| f.id.as_str()).collect();
        let fact_names: Vec<String> = fact_names.iter().map(|s| s.to_string()).collect();

        // Targets: nodes and endings share one namespace.
        let mut targets: HashMap<&str, Target> = HashMap::new();
        for (i, e) in raw.endings.iter().enumerate() {
            targets.entry(e.id.as_str()).or_insert(Target::Ending(i));
        }
        for (i, n) in raw.nodes.iter().enumerate() {
            targets.insert(n.id.as_str(), Target::Node(i));
        }
        let target_names: Vec<&str> =
            raw.nodes.iter().map(|n| n.id.as_str()).chain(raw.endings.iter().map(|e| e.id.as_str())).collect();
        let act_names: Vec<&str> = rulebook.acts.iter().map(|a| a.id.as_str()).collect();

        for (name, value) in
            [("mood", raw.customer.mood), ("patience", raw.customer.patience), ("trust", raw.customer.trust)]
        {
            if !(0..=METER_MAX).contains(&value) {
                let customer = self.map.find_key_after(0, "customer").unwrap_or(0);
                let at = self.map.find_key_after(customer, name);
                self.error(at, format!("the customer's opening {name} is {value}; meters run from 0 to {METER_MAX}"));
            }
        }
        for p in &raw.practices {
            if !(p.starts_with("P-") && p.len() == 4) {
                let at = self.map.find_quoted_after(0, p);
                self.warning(at, format!("`{p}` is not a practice id like `P-03`"));
            }
        }

        let mut nodes = Vec::new();
        for n in &raw.nodes {
            let n_at = self.declare("node", &n.id);
            let mut reveals = 0u64;
            for r in &n.reveals {
                match facts.iter().position(|f| f.id == *r) {
                    Some(i) if i < MAX_FACTS => reveals |= 1 << i,
                    _ => {
                        let at = self.map.find_quoted_after(n_at.unwrap_or(0), r);
                        self.error(
                            at,
                            format!("node `{}` reveals unknown fact `{r}`{}", n.id, suggest(r, &strs(&fact_names))),
                        );
                    }
                }
            }
            let says = self.lines(&n.says, &facts, &n.id, n_at);
            if n.replies.is_empty() {
                self.error(n_at, format!("node `{}` has no replies; point the last reply at an ending instead", n.id));
            } else if n.replies.iter().all(|r| r.when.is_some()) {
                self.error(
                    n_at,
                    format!(
                        "every reply of node `{}` has a condition; add one without, or the conversation can get stuck",
                        n.id
                    ),
                );
            }
            let mut replies = Vec::new();
            for r in &n.replies {
                let r_at = self.declare("reply", &r.id);
                let anchor = r_at.unwrap_or(0);
                let mut acts = ActSet::default();
                for a in &r.acts {
                    match rulebook.act(a) {
                        Some(i) => acts.insert(i),
                        None => {
                            let at = self.map.find_quoted_after(anchor, a);
                            self.error(
                                at,
                                format!("reply `{}` performs unknown act `{a}`{}", r.id, suggest(a, &act_names)),
                            );
                        }
                    }
                }
                let when = r.when.as_ref().map(|c| self.cond(c, &facts, r_at, &format!("reply `{}`", r.id)));
                let resolve = |cx: &mut Self, to: &str| match targets.get(to) {
                    Some(t) => *t,
                    None => {
                        let at = cx.map.find_field_after(anchor, "to", to);
                        cx.error(
                            at,
                            format!("reply `{}` goes to unknown node `{to}`{}", r.id, suggest(to, &target_names)),
                        );
                        Target::Ending(usize::MAX)
                    }
                };
                let branches: Vec<(Cond, Target)> = r
                    .branches
                    .iter()
                    .map(|b| {
                        let c = self.cond(&b.when, &facts, r_at, &format!("branch of reply `{}`", r.id));
                        (c, resolve(self, &b.to))
                    })
                    .collect();
                let to = match &r.to {
                    Some(to) => resolve(self, to),
                    None if branches.is_empty() => {
                        self.error(r_at, format!("reply `{}` has no target: add `to: \"node_or_ending\"`", r.id));
                        Target::Ending(usize::MAX)
                    }
                    None => {
                        self.error(
                            r_at,
                            format!("reply `{}` has branches but no `to` for when none of them holds", r.id),
                        );
                        Target::Ending(usize::MAX)
                    }
                };
                self.placeholders(&r.text, &facts, r_at, &r.id);
                let length = r.text.chars().count();
                if length > REPLY_MAX_CHARS {
                    self.warning(
                        r_at,
                        format!(
                            "reply `{}` is {length} characters; keep replies to {REPLY_MAX_CHARS} (split a long answer \
                             over two turns)",
                            r.id
                        ),
                    );
                }
                let promise_moves = self.reply_moves(r, &promises, r_at);
                replies.push(Reply {
                    id: r.id.clone(),
                    text: r.text.clone(),
                    acts,
                    effect: r.effect,
                    when,
                    branches,
                    to,
                    promises: promise_moves,
                });
            }
            let ring = n.ring.as_ref().and_then(|ring| self.ring(ring, n, n_at));
            let settles = self.settles(&n.keeps, &n.breaks, &promises, &n.id, n_at);
            nodes.push(Node { id: n.id.clone(), reveals, says, replies, ring, settles });
        }

        let mut endings = Vec::new();
        for e in &raw.endings {
            let e_at = self.declare("ending", &e.id);
            if e.satisfaction > 100 {
                let at = e_at.and_then(|o| self.map.find_key_after(o, "satisfaction")).or(e_at);
                self.error(at, format!("ending `{}` has satisfaction {}; it runs from 0 to 100", e.id, e.satisfaction));
            }
            let says = self.lines(&e.says, &facts, &e.id, e_at);
            let settles = self.settles(&e.keeps, &e.breaks, &promises, &e.id, e_at);
            endings.push(Ending {
                id: e.id.clone(),
                outcome: e.outcome,
                satisfaction: e.satisfaction,
                says,
                summary: e.summary.clone(),
                settles,
            });
        }

        let ending_names: Vec<&str> = raw.endings.iter().map(|e| e.id.as_str()).collect();
        let ending_ref = |cx: &mut Self, key: &str, id: &str| match raw.endings.iter().position(|e| e.id == id) {
            Some(i) => Some(i),
            None => {
                let at = cx.map.find_field_after(0, key, id).or_else(|| cx.map.find_quoted_after(0, id));
                cx.error(at, format!("`{key}` names unknown ending `{id}`{}", suggest(id, &ending_names)));
                None
            }
        };
        let on_patience_lost = raw.on_patience_lost.as_ref().and_then(|id| ending_ref(self, "on_patience_lost", id));
        let turn_limit =
            raw.turn_limit.as_ref().and_then(|t| ending_ref(self, "ending", &t.ending).map(|e| (t.turns, e)));
        let start = match raw.nodes.iter().position(|n| n.id == raw.start) {
            Some(i) => i,
            None => {
                let at = self.map.find_field_after(0, "start", &raw.start);
                let names: Vec<&str> = raw.nodes.iter().map(|n| n.id.as_str()).collect();
                self.error(at, format!("`start` names unknown node `{}`{}", raw.start, suggest(&raw.start, &names)));
                0
            }
        };

        for id in raw.rules.weights.keys().chain(&raw.rules.disable) {
            if rulebook.rule(id).is_none() {
                let names: Vec<&str> = rulebook.rules.iter().map(|r| r.id.as_str()).collect();
                let at = self.map.find_quoted_after(0, id);
                self.error(at, format!("`rules` names unknown rule `{id}`{}", suggest(id, &names)));
            }
        }
        for (id, w) in &raw.rules.weights {
            if *w == 0 {
                let at = self.map.find_quoted_after(0, id);
                self.error(at, format!("rule `{id}` re-weighted to 0; use `disable` to switch a rule off"));
            } else if *w > crate::rules::MAX_WEIGHT {
                let at = self.map.find_quoted_after(0, id);
                let max = crate::rules::MAX_WEIGHT;
                self.error(at, format!("rule `{id}` re-weighted to {w}; weights run from 1 to {max}"));
            }
        }

        mark_promise_moves(&mut nodes, &endings);
        let scenario = Scenario {
            id: raw.id.clone(),
            title: raw.title.clone(),
            summary: raw.summary.clone(),
            difficulty: raw.difficulty,
            skills: raw.skills.clone(),
            practices: raw.practices.clone(),
            goal: raw.goal.clone(),
            customer: Customer {
                name: raw.customer.name.clone(),
                situation: raw.customer.situation.clone(),
                portrait: raw.customer.portrait.clone(),
                meters: [raw.customer.mood, raw.customer.patience, raw.customer.trust],
            },
            facts,
            nodes,
            endings,
            start,
            on_patience_lost,
            turn_limit,
            rule_weights: raw.rules.weights.iter().map(|(k, v)| (k.clone(), *v)).collect(),
            disabled_rules: raw.rules.disable.clone(),
            pressure: raw.pressure.as_ref().and_then(|p| self.pressure(p)),
            promises,
            source: self.file.to_path_buf(),
        };
        if !crate::diag::has_errors(&self.diags) {
            self.graph_checks(&scenario);
        }
        scenario
    }

    fn ring(&mut self, ring: &RawRing, n: &RawNode, n_at: Option<usize>) -> Option<Ring> {
        let at = self.map.find_field_after(n_at.unwrap_or(0), "unanswered", &ring.unanswered).or(n_at);
        let ring_at = n_at.and_then(|o| self.map.find_key_after(o, "ring"));
        let [every_at, rings_at] =
            ["every", "rings"].map(|key| ring_at.and_then(|o| self.map.find_key_after(o, key)).or(at));
        let mut ok = seconds_ok(ring.every);
        if !ok {
            self.error(every_at, format!("node `{}` rings every {} seconds; give 0.5 to 60", n.id, ring.every));
        }
        if ring.rings == 0 {
            self.error(rings_at, format!("node `{}` rings 0 times; give 1 or more rings", n.id));
            ok = false;
        }
        let Some(i) = n.replies.iter().position(|r| r.id == ring.unanswered) else {
            let names: Vec<&str> = n.replies.iter().map(|r| r.id.as_str()).collect();
            let hint = suggest(&ring.unanswered, &names);
            let msg =
                format!("`unanswered` names `{}`, which is not a reply of node `{}`{hint}", ring.unanswered, n.id);
            self.error(at, msg);
            return None;
        };
        if n.replies[i].when.is_some() {
            let msg =
                format!("the `unanswered` reply `{}` has a condition; it must always be available", ring.unanswered);
            self.error(at, msg);
            ok = false;
        }
        ok.then(|| Ring { every_ms: millis(ring.every), rings: ring.rings, unanswered: i })
    }

    fn pressure(&mut self, p: &RawPressure) -> Option<Pressure> {
        let at = self.map.find_key_after(0, "pressure");
        let [grace_at, every_at, drain_at] =
            ["grace", "every", "drain"].map(|key| at.and_then(|o| self.map.find_key_after(o, key)).or(at));
        let ok = seconds_ok(p.every) && p.grace.is_finite() && (0.0..=600.0).contains(&p.grace);
        if !ok {
            self.error(
                if seconds_ok(p.every) { grace_at } else { every_at },
                "`pressure` needs `grace` from 0 to 600 seconds and `every` from 0.5 to 60".into(),
            );
        }
        if !(1..=METER_MAX).contains(&p.drain) {
            self.error(drain_at, format!("`pressure` drains {} patience a step; give 1 to {METER_MAX}", p.drain));
            return None;
        }
        ok.then(|| Pressure { grace_ms: millis(p.grace), every_ms: millis(p.every), drain: p.drain })
    }

    fn graph_checks(&mut self, s: &Scenario) {
        let report = graph::inspect(s);
        for i in report.unreachable_nodes {
            let at = self.map.find_field("id", &s.nodes[i].id, 0);
            self.error(at, format!("node `{}` can never be reached from `{}`", s.nodes[i].id, s.nodes[s.start].id));
        }
        for i in report.unreachable_endings {
            let at = self.map.find_field("id", &s.endings[i].id, 0);
            self.error(at, format!("ending `{}` can never be reached", s.endings[i].id));
        }
        for i in report.stuck_nodes {
            let at = self.map.find_field("id", &s.nodes[i].id, 0);
            self.error(
                at,
                format!("no ending can be reached from node `{}`: every path from it loops forever", s.nodes[i].id),
            );
        }
        if let Some(cycle) = report.cycle
            && s.turn_limit.is_none()
        {
            let at = self.map.find_field("id", &s.nodes[cycle[0]].id, 0);
            let names: Vec<&str> = cycle.iter().map(|&i| s.nodes[i].id.as_str()).collect();
            self.error(
                at,
                format!(
                    "the conversation can loop ({} → {}); add `turn_limit: (turns: N, ending: \"…\")`",
                    names.join(" → "),
                    names[0]
                ),
            );
        }
    }
}

fn seconds_ok(s: f32) -> bool {
    s.is_finite() && (0.5..=60.0).contains(&s)
}

fn millis(seconds: f32) -> u32 {
    (seconds.clamp(0.0, 3600.0) * 1000.0).round() as u32
}

fn strs(v: &[String]) -> Vec<&str> {
    v.iter().map(String::as_str).collect()
}

/// Whether some line of a node is always there to say: one without a condition, or lines whose
/// conditions on one choice fact together cover every value it can take.
fn lines_cover_every_case(lines: &[Line], facts: &[FactDef]) -> bool {
    if lines.iter().any(|l| l.when.is_none()) {
        return true;
    }
    let mut covered: HashMap<usize, Vec<bool>> = HashMap::new();
    for line in lines {
        if let Some(Cond::Fact { fact, lo, hi }) = line.when
            && let Some(FactKind::Choice(values)) = facts.get(fact).map(|f| &f.kind)
        {
            let seen = covered.entry(fact).or_insert_with(|| vec![false; values.len()]);
            for (i, slot) in seen.iter_mut().enumerate() {
                let value = i as i64;
                *slot |= lo <= value && value < hi;
            }
        }
    }
    covered.values().any(|seen| seen.iter().all(|&s| s))
}
