//! The monthly best-employee ranking (P-51, P-52).
//!
//! The formula, also in the README:
//! 1. Only assessment sessions that ended in the month (UTC) and were played live count (a
//!    scripted session never ranks; the program refuses to script an assessment anyway).
//! 2. The month's scenario set is the scenarios the trainer assigned for the month; when none
//!    were assigned, every scenario anyone was assessed on that month. Assessments of scenarios
//!    outside an assigned set do not count.
//! 3. A trainee's score is their *first* assessment's total on each scenario of the set (the one
//!    that ended earliest), averaged over the whole set; a scenario they did not play counts 0.
//!    Playing an assessment again cannot raise a rank: later attempts count only as sessions.
//! 4. Category averages are taken the same way from those first sessions (a category none of
//!    whose rules applied in a session is left out of that scenario's share).
//! 5. A trainee needs at least `min_sessions` assessment sessions in the month to be ranked.
//! 6. Ties on score go to the higher weakest category, then to fewer sessions; trainees equal on
//!    all three share a rank.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use serde::Serialize;

use crate::records::{Month, Summary};
use crate::scenario::Outcome;

/// The P-52 target: share of customers retained.
pub const RETAINED_TARGET: f64 = 0.93;

/// The month's terms of the ranking formula: who qualifies and which scenarios count (named
/// apart from the rulebook's rules and `report rules`).
#[derive(Debug, Clone)]
pub struct Formula {
    /// Assessment sessions a trainee needs in the month to be ranked.
    pub min_sessions: usize,
    /// The scenarios assigned for the month (empty: every scenario assessed).
    pub assigned: Vec<String>,
}

impl Default for Formula {
    fn default() -> Self {
        Formula { min_sessions: 3, assigned: Vec::new() }
    }
}

/// One trainee's line.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Row {
    /// 1-based rank (shared on a full tie); 0 for a trainee who did not qualify.
    pub rank: usize,
    /// Who.
    pub trainee: String,
    /// The month's score, 0–100.
    pub score: f64,
    /// Category averages, 0–100, by category id.
    pub categories: BTreeMap<String, f64>,
    /// The lowest category average (the first tie-break).
    pub weakest: f64,
    /// Assessment sessions in the month.
    pub sessions: usize,
    /// Scenarios of the set played at least once.
    pub scenarios_covered: usize,
    /// Score change against the previous month, when they were assessed then.
    pub change: Option<f64>,
    /// Share of sessions where the customer was retained, 0–1.
    pub retained: f64,
    /// Whether that share meets the 93 % target.
    pub retained_target_met: bool,
}

/// A month's ranking.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Ranking {
    /// The month, `2026-11`.
    pub month: String,
    /// Ranked trainees, best first.
    pub ranking: Vec<Row>,
    /// Trainees with too few sessions to be ranked, best first.
    pub unqualified: Vec<Row>,
    /// The month's scenario set.
    pub scenarios: Vec<String>,
    /// True when the set is the trainer's assignment (else every scenario assessed).
    pub assigned: bool,
    /// Category ids seen (sorted by id; [`Ranking::titled`] puts them in the rulebook's order).
    pub categories: Vec<String>,
    /// Category titles by id, for people ([`Ranking::titled`]); ids are shown where missing.
    #[serde(skip)]
    pub category_titles: BTreeMap<String, String>,
    /// Scenario titles by id, for people ([`Ranking::with_scenario_titles`]).
    #[serde(skip)]
    pub scenario_titles: BTreeMap<String, String>,
    /// Sessions needed to qualify.
    pub min_sessions: usize,
    /// The retained-customer target, 0–1.
    pub retained_target: f64,
    /// Assessment sessions counted.
    pub sessions: usize,
}

#[derive(Default)]
struct Acc<'a> {
    /// The session that counts for each scenario: the first one played.
    first: HashMap<&'a str, &'a Summary>,
    sessions: usize,
    retained: usize,
}

/// Rank `this` month's sessions; `previous` (the month before) gives each row's change.
pub fn rank(month: Month, this: &[Summary], previous: &[Summary], formula: &Formula) -> Ranking {
    let before = scores(previous);
    let mut ranking = build(month, this, formula);
    for row in ranking.ranking.iter_mut().chain(ranking.unqualified.iter_mut()) {
        row.change = before.get(row.trainee.as_str()).map(|b| round2(row.score - b));
    }
    ranking
}

/// Each trainee's score in a month (qualified or not), for trends and changes.
pub fn scores(month: &[Summary]) -> HashMap<String, f64> {
    let r = build(Month { year: 1970, month: 1 }, month, &Formula { min_sessions: 0, assigned: Vec::new() });
    r.ranking.into_iter().map(|row| (row.trainee, row.score)).collect()
}

fn build<'a>(month: Month, sessions: &'a [Summary], formula: &'a Formula) -> Ranking {
    let assigned = !formula.assigned.is_empty();
    let mut scenarios: BTreeSet<&str> = formula.assigned.iter().map(String::as_str).collect();
    let mut categories = BTreeSet::new();
    let mut by_trainee: HashMap<&str, Acc> = HashMap::new();
    for s in sessions {
        if assigned && !scenarios.contains(&*s.scenario) {
            continue;
        }
        scenarios.insert(&*s.scenario);
        categories.extend(s.categories.iter().map(|(c, _)| &**c));
        let acc = by_trainee.entry(&*s.trainee).or_default();
        acc.sessions += 1;
        acc.retained += usize::from(s.outcome == Some(Outcome::Retained));
        let first = acc.first.entry(&*s.scenario).or_insert(s);
        if (s.finished_at, s.seq) < (first.finished_at, first.seq) {
            *first = s;
        }
    }
    let by_trainee_sessions = by_trainee.values().map(|a| a.sessions).sum();
    let set = scenarios.len().max(1) as f64;
    let mut rows: Vec<Row> = by_trainee
        .into_iter()
        .map(|(trainee, acc)| {
            let score = acc.first.values().map(|s| s.total).sum::<f64>() / set;
            let cats: BTreeMap<String, f64> = categories
                .iter()
                .map(|&c| {
                    let (sum, n) = scenarios.iter().fold((0.0, 0usize), |(sum, n), sc| match acc.first.get(sc) {
                        None => (sum, n + 1),
                        Some(s) => match s.categories.iter().find(|(k, _)| &**k == c).and_then(|(_, v)| *v) {
                            Some(v) => (sum + v, n + 1),
                            None => (sum, n),
                        },
                    });
                    (c.to_string(), if n == 0 { 0.0 } else { round2(sum / n as f64) })
                })
                .collect();
            let retained = acc.retained as f64 / acc.sessions.max(1) as f64;
            Row {
                rank: 0,
                trainee: trainee.to_string(),
                score: round2(score),
                weakest: if cats.is_empty() { 0.0 } else { cats.values().copied().fold(100.0, f64::min).max(0.0) },
                categories: cats,
                sessions: acc.sessions,
                scenarios_covered: acc.first.len(),
                change: None,
                retained,
                retained_target_met: retained >= RETAINED_TARGET,
            }
        })
        .collect();
    rows.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then(b.weakest.total_cmp(&a.weakest))
            .then(a.sessions.cmp(&b.sessions))
            .then(a.trainee.cmp(&b.trainee))
    });
    let (mut ranked, unqualified): (Vec<Row>, Vec<Row>) =
        rows.into_iter().partition(|r| r.sessions >= formula.min_sessions);
    for i in 0..ranked.len() {
        let tied = i > 0 && {
            let (a, b) = (&ranked[i - 1], &ranked[i]);
            a.score == b.score && a.weakest == b.weakest && a.sessions == b.sessions
        };
        ranked[i].rank = if tied { ranked[i - 1].rank } else { i + 1 };
    }
    Ranking {
        month: month.to_string(),
        ranking: ranked,
        unqualified,
        scenarios: scenarios.into_iter().map(str::to_string).collect(),
        assigned,
        categories: categories.into_iter().map(str::to_string).collect(),
        category_titles: BTreeMap::new(),
        scenario_titles: BTreeMap::new(),
        min_sessions: formula.min_sessions,
        retained_target: RETAINED_TARGET,
        sessions: by_trainee_sessions,
    }
}

impl Ranking {
    /// The ranking for people: categories in the rulebook's order, with its titles ("Offering
    /// choices", not `choices`); a category the rulebook no longer has keeps its id, last.
    pub fn titled(mut self, book: &crate::rules::Rulebook) -> Ranking {
        let position = |id: &str| book.categories.iter().position(|c| c.id == id).unwrap_or(usize::MAX);
        self.categories.sort_by_key(|c| position(c));
        self.category_titles = book.categories.iter().map(|c| (c.id.clone(), c.title.clone())).collect();
        self
    }

    /// The ranking with the month's scenarios named by their titles (`title_of` gives None for a
    /// scenario no longer in the library, which keeps its id).
    pub fn with_scenario_titles(mut self, title_of: impl Fn(&str) -> Option<String>) -> Ranking {
        self.scenario_titles = self.scenarios.iter().filter_map(|id| Some((id.clone(), title_of(id)?))).collect();
        self
    }

    /// The month's scenarios for people: titles where known, else ids, in title order.
    pub fn scenario_names(&self) -> Vec<&str> {
        let mut names: Vec<&str> =
            self.scenarios.iter().map(|id| self.scenario_titles.get(id).map_or(id.as_str(), String::as_str)).collect();
        names.sort_unstable();
        names
    }

    /// A category's title, or its id when the title is not known.
    pub fn title<'a>(&'a self, id: &'a str) -> &'a str {
        self.category_titles.get(id).map_or(id, String::as_str)
    }
}

/// Round to two decimals: scores are compared and shown at this precision.
fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}
