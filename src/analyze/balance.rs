//! The balance targets every shipped scenario meets, and the search that shows each rule family
//! can fail on its own.
//!
//! - the best total is 100;
//! - a uniformly random trainee averages at most [`RANDOM_MAX`];
//! - every scripted policy averages at most [`POLICY_MAX`];
//! - for each family there is a path that scores at least [`ALONE_HIGH`] on every other family
//!   and at most [`ALONE_LOW`] on this one ([`family_alone`]);
//! - no conversation that ends lost or escalated totals more than [`CAPPED_MAX`];
//! - along the best paths, the best reply is the longest option at no more than
//!   [`LONGEST_SHARE_MAX`] of the decision points;
//! - over random plays, the total and the customer's satisfaction rank alike (Spearman's
//!   correlation at least [`CORRELATION_MIN`]).

use serde::Serialize;

use super::{
    AnalyzeError, Extremes, RandomStats, Strategy, fact_outcomes, longest_share, on_big_stack, search, tally_path,
};
use crate::l10n::{Arg, Messages};
use crate::scenario::Scenario;
use crate::score::Rubric;

/// Most a uniformly random trainee may average.
pub const RANDOM_MAX: f64 = 50.0;
/// Most a scripted policy ("yes to everything", "flat no") may average.
pub const POLICY_MAX: f64 = 40.0;
/// A family "fails" at or below this score…
pub const ALONE_LOW: f64 = 50.0;
/// …while every other family "does well" at or above this one.
pub const ALONE_HIGH: f64 = 80.0;
/// Most a conversation that ends lost or escalated may total.
pub const CAPPED_MAX: f64 = 60.0;
/// Largest share of best-path decision points at which the best reply may be the longest.
pub const LONGEST_SHARE_MAX: f64 = 0.40;
/// Least rank correlation between total and satisfaction over random plays.
pub const CORRELATION_MIN: f64 = 0.6;

/// The path that best keeps the other families while breaking one.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FamilyAlone {
    /// The family's category id.
    pub category: String,
    /// 1-based option numbers.
    pub path: Vec<usize>,
    /// The fact values (id, value) it was found under.
    pub facts: Vec<(String, String)>,
    /// The same fact values as the engine holds them (choice index or number).
    pub fact_values: Vec<i64>,
    /// Every family's score on that path (`None`: no rule of it applied).
    pub scores: Vec<Option<f64>>,
    /// True when this family is at or below [`ALONE_LOW`] and every other family that applied
    /// is at or above [`ALONE_HIGH`].
    pub fails_alone: bool,
}

/// For each family, the path that keeps the most weight of the other families while breaking
/// the most of this one: the exact best of a rubric in which this family's verdicts are
/// inverted (with the weights leaned each way in turn, [`LEANS`], until a path shows the family
/// failing alone), rescored with the real rubric. A family no path reaches an ending for is
/// left out.
pub fn family_alone(s: &Scenario, rubric: &Rubric) -> Result<Vec<FamilyAlone>, AnalyzeError> {
    let outcomes = fact_outcomes(s, rubric)?;
    let mut out = Vec::new();
    for c in 0..rubric.category_count() {
        // The plain inversion first; if its best path does not show the family failing alone,
        // lean the search towards keeping the others, then towards breaking this family.
        let mut closest: Option<FamilyAlone> = None;
        for (family, others) in LEANS {
            let inverted = rubric.inverted_weighted(c, family, others);
            let Some((_, path, facts)) = on_big_stack(|| search::best_of(s, &inverted, outcomes.clone()))? else {
                continue;
            };
            let Some(tally) = tally_path(s, rubric, &facts, &path) else { continue };
            let scores: Vec<Option<f64>> = (0..rubric.category_count()).map(|k| tally.category(k)).collect();
            let fails_alone = scores[c].is_some_and(|v| v <= ALONE_LOW)
                && scores.iter().enumerate().all(|(k, v)| k == c || v.is_none_or(|v| v >= ALONE_HIGH));
            let found = FamilyAlone {
                category: rubric.rulebook.categories[c].id.clone(),
                path,
                facts: s.facts.iter().zip(&facts).map(|(f, v)| (f.id.clone(), f.value_text(*v))).collect(),
                fact_values: facts,
                scores,
                fails_alone,
            };
            if fails_alone {
                closest = Some(found);
                break;
            }
            closest.get_or_insert(found);
        }
        out.extend(closest);
    }
    Ok(out)
}

/// Weight multipliers (this family, the others) tried in turn by [`family_alone`].
const LEANS: [(u32, u32); 4] = [(1, 1), (1, 2), (1, 4), (2, 1)];

/// A scenario's balance figures.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Balance {
    /// Best total over every path and fact outcome.
    pub best: f64,
    /// The uniformly random trainee.
    pub random: RandomStats,
    /// One entry per family ([`family_alone`]).
    pub families: Vec<FamilyAlone>,
    /// Each scripted policy's name and scores.
    pub policies: Vec<(String, RandomStats)>,
    /// The best total among conversations ending lost or escalated (`None`: none can).
    pub best_capped: Option<f64>,
    /// Best-path decision points at which the best reply is strictly the longest option, and
    /// the decision points counted (over every fact outcome's best path).
    pub longest: (usize, usize),
}

impl Balance {
    /// Measure a scenario: the extremes come from [`super::extremes`], the rest is computed here.
    pub fn measure(
        s: &Scenario,
        rubric: &Rubric,
        ex: &Extremes,
        policies: &[(String, Strategy)],
        runs: usize,
        seed: u64,
    ) -> Result<Balance, AnalyzeError> {
        Ok(Balance {
            best: ex.best,
            random: super::random(s, rubric, runs, seed),
            families: family_alone(s, rubric)?,
            policies: policies
                .iter()
                .map(|(name, w)| (name.clone(), super::scripted(s, rubric, Some(w), runs, seed)))
                .collect(),
            best_capped: ex.best_capped.as_ref().map(|c| c.0),
            longest: longest_share(s, ex),
        })
    }

    /// The share of best-path decision points where the best reply is the longest (0–1).
    pub fn longest_share(&self) -> f64 {
        share(self.longest.0, self.longest.1)
    }

    /// Every target missed (empty when balanced).
    pub fn problems(&self) -> Vec<BalanceProblem> {
        let mut out = Vec::new();
        if self.best < 100.0 {
            out.push(BalanceProblem::BestBelow100 { best: self.best });
        }
        if self.random.mean > RANDOM_MAX {
            out.push(BalanceProblem::RandomTooHigh { mean: self.random.mean });
        }
        for (name, stats) in &self.policies {
            if stats.mean > POLICY_MAX {
                out.push(BalanceProblem::PolicyTooHigh { policy: name.clone(), mean: stats.mean });
            }
        }
        if let Some(total) = self.best_capped.filter(|c| *c > CAPPED_MAX) {
            out.push(BalanceProblem::CappedTooHigh { total });
        }
        if self.longest_share() > LONGEST_SHARE_MAX {
            out.push(BalanceProblem::LongestTooOften { longest: self.longest.0, decisions: self.longest.1 });
        }
        match self.random.satisfaction_correlation {
            Some(r) if r >= CORRELATION_MIN => {}
            Some(correlation) => out.push(BalanceProblem::WeakCorrelation { correlation }),
            None => out.push(BalanceProblem::NoVariation),
        }
        for f in self.families.iter().filter(|f| !f.fails_alone) {
            out.push(BalanceProblem::FamilyCannotFailAlone { category: f.category.clone(), closest: f.path.clone() });
        }
        out
    }
}

/// A balance target a scenario misses.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub enum BalanceProblem {
    /// The best total is not 100.
    BestBelow100 {
        /// The best total.
        best: f64,
    },
    /// A random trainee averages above [`RANDOM_MAX`].
    RandomTooHigh {
        /// The random trainee's mean.
        mean: f64,
    },
    /// A scripted policy averages above [`POLICY_MAX`].
    PolicyTooHigh {
        /// The policy's name.
        policy: String,
        /// Its mean.
        mean: f64,
    },
    /// A conversation ending lost or escalated totals above [`CAPPED_MAX`].
    CappedTooHigh {
        /// The best such total.
        total: f64,
    },
    /// The best reply is the longest at more than [`LONGEST_SHARE_MAX`] of best-path decisions.
    LongestTooOften {
        /// Decisions where it is the longest.
        longest: usize,
        /// Decisions counted.
        decisions: usize,
    },
    /// Total and satisfaction rank alike below [`CORRELATION_MIN`].
    WeakCorrelation {
        /// Spearman's correlation.
        correlation: f64,
    },
    /// Satisfaction or the total never varies over random plays.
    NoVariation,
    /// No path shows this family failing while the others hold.
    FamilyCannotFailAlone {
        /// The family's category id.
        category: String,
        /// The closest path found (1-based options).
        closest: Vec<usize>,
    },
}

/// How a report names what a balance problem is about: a rule family by its id, a policy by its
/// English name.
pub struct ProblemNames<'a> {
    /// A family's title in the report's language.
    pub family: &'a dyn Fn(&str) -> String,
    /// A policy's name in the report's language.
    pub policy: &'a dyn Fn(&str) -> String,
}

impl BalanceProblem {
    /// The problem in words, in the language of `msg` (the interface's `analyze-problem-*`
    /// messages: the only wording, English included).
    pub fn describe(&self, msg: &Messages, names: &ProblemNames<'_>) -> String {
        let decimal = |value: f64, digits: usize| Arg::Decimal(value, digits);
        let percent = |share: f64| Arg::Decimal(share * 100.0, 0);
        match self {
            BalanceProblem::BestBelow100 { best } => msg.with("analyze-problem-best", &[("best", decimal(*best, 1))]),
            BalanceProblem::RandomTooHigh { mean } => {
                msg.with("analyze-problem-random", &[("mean", decimal(*mean, 1)), ("max", decimal(RANDOM_MAX, 0))])
            }
            BalanceProblem::PolicyTooHigh { policy, mean } => msg.with(
                "analyze-problem-policy",
                &[
                    ("policy", (names.policy)(policy).into()),
                    ("mean", decimal(*mean, 1)),
                    ("max", decimal(POLICY_MAX, 0)),
                ],
            ),
            BalanceProblem::CappedTooHigh { total } => {
                msg.with("analyze-problem-capped", &[("total", decimal(*total, 1)), ("max", decimal(CAPPED_MAX, 0))])
            }
            BalanceProblem::LongestTooOften { longest, decisions } => msg.with(
                "analyze-problem-longest",
                &[
                    ("longest", (*longest).into()),
                    ("decisions", (*decisions).into()),
                    ("share", percent(share(*longest, *decisions))),
                    ("max", percent(LONGEST_SHARE_MAX)),
                ],
            ),
            BalanceProblem::WeakCorrelation { correlation } => msg.with(
                "analyze-problem-correlation",
                &[("value", decimal(*correlation, 2)), ("min", decimal(CORRELATION_MIN, 1))],
            ),
            BalanceProblem::NoVariation => msg.get("analyze-problem-no-variation"),
            BalanceProblem::FamilyCannotFailAlone { category, closest } => msg.with(
                "analyze-problem-family",
                &[
                    ("family", (names.family)(category).into()),
                    ("low", decimal(ALONE_LOW, 0)),
                    ("high", decimal(ALONE_HIGH, 0)),
                    ("choices", closest.iter().map(ToString::to_string).collect::<Vec<_>>().join(",").into()),
                ],
            ),
        }
    }
}

/// In English, families by id and policies by name (for JSON and logs).
impl std::fmt::Display for BalanceProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let same = |name: &str| name.to_string();
        f.write_str(&self.describe(&Messages::english(), &ProblemNames { family: &same, policy: &same }))
    }
}

/// `longest` of `decisions` as a share, 0–1 (0 when nothing was decided).
fn share(longest: usize, decisions: usize) -> f64 {
    if decisions == 0 { 0.0 } else { longest as f64 / decisions as f64 }
}
