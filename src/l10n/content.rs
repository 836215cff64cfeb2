//! The translatable text of a scenario and of the rulebook, by stable id, and translated copies.
//!
//! One walk over each model ([`walk_scenario`], [`walk_rulebook`]) both lists the units a
//! translator sees (for `l10n update` and validation) and swaps translations into a copy (for
//! play), so the two can never disagree about which fields are translated or what their ids are.
//! Only text fields are visited: a translated model has the same nodes, replies, acts, facts and
//! conditions as the English one, and scores every session identically.

use std::collections::{BTreeSet, HashMap};

use crate::rules::Rulebook;
use crate::scenario::{FactKind, Factor, Line, Scenario};

use super::po::PoFile;

/// One piece of text to translate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unit {
    /// Its stable id (the PO file's `msgctxt`): `arrival.hello`, `title`, `fact.claim.label`.
    pub id: String,
    /// The English text.
    pub source: String,
    /// What the translator needs to know: where it appears, who speaks, the reply's acts.
    pub note: String,
    /// Words, or a number the program reads.
    pub kind: UnitKind,
}

/// What a unit's translation is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnitKind {
    /// Words shown to people.
    Text,
    /// An amount fact's currency [`Factor`](crate::scenario::Factor): a number, checked as one.
    Factor,
}

impl Unit {
    /// Whether the text holds `{fact}` placeholders (PO flag `python-brace-format`).
    pub fn has_placeholders(&self) -> bool {
        !placeholders(&self.source).is_empty()
    }
}

/// The id of an amount fact's currency factor: `fact.budget.factor`.
fn factor_id(fact_id: &str) -> String {
    format!("fact.{fact_id}.factor")
}

/// The ids of a scenario's currency factors.
fn factor_ids(scenario: &Scenario) -> BTreeSet<String> {
    scenario
        .facts
        .iter()
        .filter(|f| matches!(f.kind, FactKind::Range { amount: Some(_), .. }))
        .map(|f| factor_id(&f.id))
        .collect()
}

/// The `{name}` placeholders of a text, sorted, each once.
pub fn placeholders(text: &str) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        match after.find(['}', '{']) {
            Some(close) if after.as_bytes()[close] == b'}' => {
                let name = &after[..close];
                if !name.is_empty() && name.chars().all(|c| c.is_alphanumeric() || c == '_') {
                    found.insert(name.to_string());
                }
                rest = &after[close + 1..];
            }
            Some(close) => rest = &after[close..],
            None => break,
        }
    }
    found
}

/// Whether two texts hold the same placeholders (most hold none: no set is built for them).
fn same_placeholders(a: &str, b: &str) -> bool {
    match (a.contains('{'), b.contains('{')) {
        (false, false) => true,
        _ => placeholders(a) == placeholders(b),
    }
}

/// What a walk calls for each translatable field: its id, the text (to read or replace), and
/// the translator's note, built only when asked for.
pub type Visit<'a> = dyn FnMut(&str, &mut String, &dyn Fn() -> String) + 'a;

/// Calls `visit(id, text, note)` for every translatable field of a scenario, in file order.
/// The note is built only when asked for; `book` names the replies' acts in it.
pub fn walk_scenario(scenario: &mut Scenario, book: Option<&Rulebook>, visit: &mut Visit<'_>) {
    visit("title", &mut scenario.title, &|| "The scenario's title, on its card in the list.".into());
    visit("summary", &mut scenario.summary, &|| "One or two sentences on the scenario's card.".into());
    visit("goal", &mut scenario.goal, &|| "The briefing: what a good outcome looks like.".into());
    for (i, skill) in scenario.skills.iter_mut().enumerate() {
        visit(&format!("skill.{}", i + 1), skill, &|| "A skill practised, listed on the card.".into());
    }
    visit("customer.name", &mut scenario.customer.name, &|| {
        "The customer's name, shown above what they say. Adapt it to a name common where you are.".into()
    });
    visit("customer.situation", &mut scenario.customer.situation, &|| {
        "The briefing: who the customer is and why they came.".into()
    });
    for fact in &mut scenario.facts {
        let fact_id = fact.id.clone();
        visit(&format!("fact.{fact_id}.label"), &mut fact.label, &|| {
            format!("A hidden fact `{fact_id}` in the trainee's notes once learned; {{value}} is its value.")
        });
        if let FactKind::Range { amount: Some(shown), .. } = &mut fact.kind {
            let mut factor = shown.to_string();
            visit(&factor_id(&fact_id), &mut factor, &|| {
                format!(
                    "A number, not words: what one unit of this scenario's amounts is in your currency (the factor you used for every price in this file; 1 keeps the English numbers). The amount {{{fact_id}}} shows is the drawn value times it, rounded down to tens."
                )
            });
            // A factor that does not parse keeps the English amounts; `validate` names it.
            if let Ok(factor) = factor.parse() {
                *shown = factor;
            }
        }
        if let FactKind::Choice(choices) = &mut fact.kind {
            for choice in choices {
                let value = choice.value.clone();
                let mut says = choice.says.clone().unwrap_or_else(|| value.clone());
                let before = says.clone();
                visit(&format!("fact.{fact_id}.{value}"), &mut says, &|| {
                    format!(
                        "The value `{value}` of the hidden fact `{fact_id}`, as the customer or advisor says it where a line has {{{fact_id}}}."
                    )
                });
                if says != before || choice.says.is_some() {
                    choice.says = Some(says);
                }
                if let Some(note) = choice.note.as_mut() {
                    visit(&format!("fact.{fact_id}.{value}.note"), note, &|| {
                        format!("The trainee's note once they learn that `{fact_id}` is `{value}`.")
                    });
                }
            }
        }
    }
    for promise in &mut scenario.promises {
        let id = promise.id.clone();
        visit(&format!("promise.{id}"), &mut promise.says, &|| {
            format!("A promise the advisor can make (`{id}`), in the debrief: \"You promised that …\".")
        });
    }
    for node in &mut scenario.nodes {
        let node_id = node.id.clone();
        let heard = node.says.first().map(|l| l.text.clone()).unwrap_or_default();
        for Line { id, text, .. } in &mut node.says {
            visit(id, text, &|| format!("Node `{node_id}`: the customer speaks (one of its variants)."));
        }
        for reply in &mut node.replies {
            let acts = book.map_or_else(String::new, |b| {
                reply
                    .acts
                    .iter()
                    .filter_map(|a| b.acts.get(usize::from(a)))
                    .map(|a| a.id.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            });
            visit(&reply.id, &mut reply.text, &|| {
                format!(
                    "Node `{node_id}`: a reply the advisor can choose, after the customer says \"{heard}\" Acts: {acts}."
                )
            });
        }
    }
    for ending in &mut scenario.endings {
        let ending_id = ending.id.clone();
        let outcome = ending.outcome.as_str();
        for Line { id, text, .. } in &mut ending.says {
            visit(id, text, &|| format!("Ending `{ending_id}` ({outcome}): the customer's last words."));
        }
        visit(&format!("ending.{ending_id}"), &mut ending.summary, &|| {
            format!("Ending `{ending_id}` ({outcome}): what happened, in the debrief.")
        });
    }
}

/// Calls `visit(id, text, note)` for every translatable field of the rulebook, in file order.
pub fn walk_rulebook(book: &mut Rulebook, visit: &mut Visit<'_>) {
    for cap in &mut book.outcome_caps {
        let outcome = cap.outcome.as_str();
        visit(&format!("cap.{outcome}"), &mut cap.reason, &|| {
            format!("Why a conversation ending {outcome} totals at most the cap: \"capped because …\".")
        });
    }
    for act in &mut book.acts {
        let id = act.id.clone();
        visit(&format!("act.{id}"), &mut act.description, &|| {
            format!("What the speech act `{id}` means; the debrief quotes it (\"Wanted: …\").")
        });
    }
    for category in &mut book.categories {
        let id = category.id.clone();
        visit(&format!("category.{id}"), &mut category.title, &|| format!("A family of rules (`{id}`), a heading."));
    }
    for rule in &mut book.rules {
        let id = rule.id.clone();
        visit(&format!("rule.{id}.title"), &mut rule.title, &|| format!("Rule `{id}`: its short title."));
        visit(&format!("rule.{id}.explanation"), &mut rule.explanation, &|| format!("Rule `{id}`: why it matters."));
        visit(&format!("rule.{id}.tip"), &mut rule.tip, &|| {
            format!("Rule `{id}`: the coaching tip shown when it is broken.")
        });
    }
}

/// What a translator should know before the first entry of a scenario's file: its title, who
/// the customer is and why they came (the file's header comment).
pub fn scenario_intro(scenario: &Scenario) -> Vec<String> {
    vec![
        format!("Scenario `{}`: {}", scenario.id, scenario.title),
        format!("The customer, {}: {}", scenario.customer.name, scenario.customer.situation),
    ]
}

/// The units a walk visits, in its order (empty texts left out).
pub fn collect_units(walk: impl FnOnce(&mut Visit<'_>)) -> Vec<Unit> {
    let mut units = Vec::new();
    walk(&mut |id, text, note| {
        if !text.trim().is_empty() {
            units.push(Unit { id: id.to_string(), source: text.clone(), note: note(), kind: UnitKind::Text });
        }
    });
    units
}

/// Swaps `catalog`'s usable translations into every text a walk visits; returns the ids that
/// stay in English.
pub fn swap_translations(catalog: &Catalog, walk: impl FnOnce(&mut Visit<'_>)) -> BTreeSet<String> {
    let mut fallbacks = BTreeSet::new();
    walk(&mut |id, text, _| swap(catalog, id, text, &mut fallbacks));
    fallbacks
}

/// The units of a scenario, in file order.
pub fn scenario_units(scenario: &Scenario, book: &Rulebook) -> Vec<Unit> {
    let mut copy = scenario.clone();
    let mut units = collect_units(|visit| walk_scenario(&mut copy, Some(book), visit));
    let factors = factor_ids(scenario);
    for unit in units.iter_mut().filter(|u| factors.contains(&u.id)) {
        unit.kind = UnitKind::Factor;
    }
    units
}

/// The units of the rulebook, in file order.
pub fn rulebook_units(book: &Rulebook) -> Vec<Unit> {
    let mut copy = book.clone();
    collect_units(|visit| walk_rulebook(&mut copy, visit))
}

/// The usable translations of one file: by id, the English they were made from and the text.
/// Fuzzy and empty entries are left out, so they fall back to English.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Catalog {
    entries: HashMap<String, (String, String)>,
}

impl Catalog {
    /// No translations.
    pub fn empty() -> &'static Catalog {
        static EMPTY: std::sync::OnceLock<Catalog> = std::sync::OnceLock::new();
        EMPTY.get_or_init(Catalog::default)
    }

    /// The usable entries of a PO file: translated, not fuzzy, and keeping the English
    /// placeholders (checked here, once per file, not on every lookup).
    pub fn from_po(file: PoFile) -> Catalog {
        let entries = file
            .entries
            .into_iter()
            .filter(|e| e.is_translated() && same_placeholders(&e.source, &e.translation))
            .map(|e| (e.context, (e.source, e.translation)))
            .collect();
        Catalog { entries }
    }

    /// The translation of `id`, when it was made from this English and keeps its placeholders.
    pub fn lookup(&self, id: &str, english: &str) -> Option<&str> {
        let (source, text) = self.entries.get(id)?;
        (source == english).then_some(text.as_str())
    }

    /// How many usable entries it has.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether it has none.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

/// A model with its text in another language, and the ids that fell back to English.
#[derive(Debug, Clone)]
pub struct Translated<T> {
    /// The copy, with every available translation swapped in.
    pub value: T,
    /// Ids shown in English because the translation is missing, fuzzy, stale or broken.
    pub fallbacks: BTreeSet<String>,
}

/// A copy of `scenario` with its text from `catalog`.
pub fn translate_scenario(scenario: &Scenario, catalog: &Catalog) -> Translated<Scenario> {
    let mut value = scenario.clone();
    let mut fallbacks = swap_translations(catalog, |visit| walk_scenario(&mut value, None, visit));
    // A factor that is not a number keeps the English amounts: listed like any English text.
    let english = Factor::ONE.to_string();
    for id in factor_ids(scenario) {
        if catalog.lookup(&id, &english).is_some_and(|text| text.parse::<Factor>().is_err()) {
            fallbacks.insert(id);
        }
    }
    Translated { value, fallbacks }
}

/// A copy of the rulebook with its text from `catalog`.
pub fn translate_rulebook(book: &Rulebook, catalog: &Catalog) -> Translated<Rulebook> {
    let mut value = book.clone();
    let fallbacks = swap_translations(catalog, |visit| walk_rulebook(&mut value, visit));
    Translated { value, fallbacks }
}

fn swap(catalog: &Catalog, id: &str, text: &mut String, fallbacks: &mut BTreeSet<String>) {
    if text.trim().is_empty() {
        return;
    }
    match catalog.lookup(id, text) {
        Some(translation) => *text = translation.to_string(),
        None => {
            fallbacks.insert(id.to_string());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::placeholders;

    #[test]
    fn placeholders_are_brace_names() {
        let found: Vec<String> = placeholders("{a} and {b_2}, {a}, {not one}, {{x}, {").into_iter().collect();
        assert_eq!(found, ["a", "b_2", "x"]);
    }
}
