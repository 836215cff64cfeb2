//! `rehearse analyze`: exact extremes, best path, random-trainee distribution, scripted policies
//! and whether each rule family can fail on its own; `--check` holds a scenario (or the whole
//! library) to the balance targets.

use std::path::{Path, PathBuf};

use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use rehearse::analyze::{self, Balance, BalanceProblem, Extremes, ProblemNames, RandomStats, Strategy};
use rehearse::engine::draw_facts;
use rehearse::l10n::{Arg, Lang, Messages};
use rehearse::library::{Entry, Library};
use rehearse::report::{pad, right, width};
use rehearse::score::round1;
use rehearse::text::shorten;
use serde_json::{Value, json};

use super::{Failure, open_library};

/// Arguments of `rehearse analyze`.
#[derive(Debug, clap::Args)]
pub struct AnalyzeArgs {
    /// Scenario id or path (default: every scenario, one line each).
    scenario: Option<String>,
    /// Analyse the facts this seed draws (default: every fact outcome).
    #[arg(long)]
    seed: Option<u64>,
    /// Random trainees (and plays of each policy) to simulate.
    #[arg(long, default_value_t = 1000)]
    runs: usize,
    /// A scripted advisor to score (RON; repeatable). Default: every `*.policy.ron` in the
    /// scenario folder's `policies/`.
    #[arg(long, value_name = "FILE")]
    policy: Vec<PathBuf>,
    /// Exit 1 unless the balance targets are met: best 100, random mean ≤ 50, every policy
    /// ≤ 40, each rule family able to fail on its own, no lost or escalated conversation
    /// above 60, the best reply the longest at ≤ 40 % of best-path decision points, and total
    /// and satisfaction rank-correlated at ≥ 0.6 over random plays.
    #[arg(long)]
    check: bool,
    /// Print JSON.
    #[arg(long)]
    json: bool,
}

/// Analyse in `lang`: the same graph and scores in every language, but the words differ, so
/// the share of decisions where the best reply is the longest is measured in that language's.
/// The report is written in `lang` too (policies' names and descriptions, rule families);
/// `--json` stays in English for scripts.
pub(crate) fn run(dir: &Path, args: &AnalyzeArgs, lang: Lang) -> Result<u8, Failure> {
    let lib = open_library(dir)?;
    let msg = Messages::new(lang);
    let advisors = load_advisors(&lib, &args.policy, lang)?;
    // Measured under their English names, so `--json` and the problems' keys never depend on
    // the language; the words are looked up when printing.
    let strategies: Vec<(String, Strategy)> =
        advisors.iter().map(|a| (a.english.clone(), a.strategy.clone())).collect();
    let entries: Vec<_> = match &args.scenario {
        Some(wanted) => vec![lib.find(wanted)?],
        None => lib.entries.clone(),
    }
    .iter()
    .map(|e| lib.localized(e, lang).entry)
    .collect();
    let mut failed = false;
    let mut values = Vec::new();
    for (n, entry) in entries.iter().enumerate() {
        let (ex, balance) = measure(entry, &strategies, args)?;
        let problems = balance.problems();
        failed |= !problems.is_empty();
        if args.json {
            values.push(to_json(entry, &ex, &balance, &problems, args.check));
        } else if args.scenario.is_some() {
            Report { msg: &msg, entry, advisors: &advisors }.print_one(&ex, &balance, &problems, args.check);
        } else {
            let report = Report { msg: &msg, entry, advisors: &advisors };
            if n == 0 {
                report.print_header(&balance);
            }
            report.print_row(&balance, &problems, args.check);
        }
    }
    if args.json {
        let value = if args.scenario.is_some() { values.pop().unwrap_or(Value::Null) } else { Value::Array(values) };
        println!("{}", serde_json::to_string_pretty(&value).unwrap_or_default());
    }
    Ok(u8::from(args.check && failed))
}

/// A scripted advisor: its English name (the key in `Balance` and JSON), its name and
/// description in the report's language, and how it picks replies.
struct Advisor {
    english: String,
    name: String,
    description: String,
    strategy: Strategy,
}

/// The policies named on the command line, else the ones shipped beside the scenarios, with
/// their names and descriptions in `lang`.
fn load_advisors(lib: &Library, files: &[PathBuf], lang: Lang) -> Result<Vec<Advisor>, Failure> {
    let (policies, mut problems) =
        if files.is_empty() { analyze::load_policies(&lib.dir) } else { analyze::load_policy_files(files) };
    let translated = analyze::translate_policies(&policies, lib.catalog(lang, analyze::POLICIES_DOMAIN)).value;
    let mut out = Vec::new();
    for (policy, words) in policies.iter().zip(translated) {
        match policy.weights(&lib.rulebook) {
            Ok(strategy) => out.push(Advisor {
                english: policy.name.clone(),
                name: words.name,
                description: words.description,
                strategy,
            }),
            Err(d) => problems.extend(d),
        }
    }
    if problems.is_empty() { Ok(out) } else { Err(Failure::input(rehearse::diag::render_all(&problems).join("\n"))) }
}

fn measure(entry: &Entry, policies: &[(String, Strategy)], args: &AnalyzeArgs) -> Result<(Extremes, Balance), Failure> {
    let (s, rubric) = (&*entry.scenario, &*entry.rubric);
    let cannot = |e: analyze::AnalyzeError| Failure { message: format!("cannot analyse `{}`: {e}", s.id), code: 1 };
    let facts = args.seed.map(|seed| draw_facts(s, &mut ChaCha8Rng::seed_from_u64(seed)));
    let ex = analyze::extremes(s, rubric, facts.as_deref()).map_err(cannot)?;
    let balance = Balance::measure(s, rubric, &ex, policies, args.runs, args.seed.unwrap_or(0)).map_err(cannot)?;
    Ok((ex, balance))
}

fn named(facts: &[(String, String)]) -> String {
    facts.iter().map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>().join(", ")
}

fn choices(path: &[usize]) -> String {
    path.iter().map(ToString::to_string).collect::<Vec<_>>().join(",")
}

fn stats_line(msg: &Messages, r: &RandomStats) -> String {
    msg.with(
        "analyze-stats",
        &[
            ("runs", r.runs.into()),
            ("mean", Arg::Decimal(r.mean, 1)),
            ("p10", Arg::Decimal(r.p10, 1)),
            ("p50", Arg::Decimal(r.p50, 1)),
            ("p90", Arg::Decimal(r.p90, 1)),
        ],
    )
}

fn correlation(msg: &Messages, r: &RandomStats) -> String {
    r.satisfaction_correlation.map_or_else(|| msg.get("analyze-not-available"), |c| msg.number(c, 2))
}

fn percent(share: f64) -> Arg {
    Arg::Decimal(share * 100.0, 0)
}

/// The report on one scenario: label-value lines, the labels as wide as the widest in the
/// language.
struct Report<'a> {
    msg: &'a Messages,
    entry: &'a Entry,
    advisors: &'a [Advisor],
}

impl Report<'_> {
    /// A policy measured under its English name, named in the report's language.
    fn advisor(&self, english: &str) -> Option<&Advisor> {
        self.advisors.iter().find(|a| a.english == english)
    }

    fn policy_name(&self, english: &str) -> String {
        self.advisor(english).map_or_else(|| english.to_string(), |a| a.name.clone())
    }

    /// A rule family by its title in the report's language.
    fn family_title(&self, id: &str) -> String {
        let categories = &self.entry.rubric.rulebook.categories;
        categories.iter().find(|c| c.id == id).map_or_else(|| id.to_string(), |c| c.title.clone())
    }

    fn problem(&self, problem: &BalanceProblem) -> String {
        let (family, policy) = (|id: &str| self.family_title(id), |name: &str| self.policy_name(name));
        problem.describe(self.msg, &ProblemNames { family: &family, policy: &policy })
    }

    fn print_one(&self, ex: &Extremes, balance: &Balance, problems: &[BalanceProblem], check: bool) {
        let msg = self.msg;
        let s = &self.entry.scenario;
        let label = |id: &str| msg.get(id);
        let labels = [
            "analyze-label-scenario",
            "analyze-label-best",
            "analyze-label-worst",
            "analyze-label-best-path",
            "analyze-label-paths",
            "analyze-label-random",
            "analyze-label-policy",
            "analyze-label-lost",
            "analyze-label-longest",
            "analyze-label-correlation",
            "analyze-label-balance",
        ];
        let column = labels.iter().map(|id| width(&label(id))).max().unwrap_or(0) + 1;
        let line = |id: &str, value: String| println!("{}{value}", pad(&label(id), column));
        line("analyze-label-scenario", format!("{} ({})", s.id, s.title));
        line("analyze-label-best", msg.number(ex.best, 1));
        line("analyze-label-worst", msg.number(ex.worst, 1));
        line("analyze-label-best-path", format!("--choices {}", choices(&ex.best_path)));
        if !ex.best_facts.is_empty() {
            println!("{}{}", pad(&format!("  {}", label("analyze-label-with")), column), named(&ex.best_facts));
        }
        line("analyze-label-paths", ex.paths.to_string());
        if ex.by_outcome.len() > 1 {
            println!("{}", msg.get("analyze-by-outcome"));
            for o in &ex.by_outcome {
                let scores = msg.with(
                    "analyze-outcome-scores",
                    &[
                        ("best", Arg::Decimal(o.best, 1)),
                        ("worst", Arg::Decimal(o.worst, 1)),
                        ("paths", o.paths.to_string().into()),
                    ],
                );
                println!("  {}{scores}", pad(&named(&o.facts), 40));
            }
        }
        line("analyze-label-random", stats_line(msg, &balance.random));
        for (english, stats) in &balance.policies {
            line(
                "analyze-label-policy",
                msg.with(
                    "analyze-policy-scores",
                    &[("policy", self.policy_name(english).into()), ("stats", stats_line(msg, stats).into())],
                ),
            );
            if let Some(advisor) = self.advisor(english)
                && !advisor.description.is_empty()
            {
                println!("{}{}", " ".repeat(column + 2), advisor.description);
            }
        }
        let capped = balance.best_capped.map_or_else(
            || msg.get("analyze-capped-none"),
            |c| {
                msg.with(
                    "analyze-capped",
                    &[("total", Arg::Decimal(c, 1)), ("max", Arg::Decimal(analyze::CAPPED_MAX, 0))],
                )
            },
        );
        line("analyze-label-lost", capped);
        line(
            "analyze-label-longest",
            msg.with(
                "analyze-longest",
                &[
                    ("longest", balance.longest.0.into()),
                    ("decisions", balance.longest.1.into()),
                    ("share", percent(balance.longest_share())),
                    ("max", percent(analyze::LONGEST_SHARE_MAX)),
                ],
            ),
        );
        line(
            "analyze-label-correlation",
            msg.with(
                "analyze-correlation",
                &[
                    ("value", correlation(msg, &balance.random).into()),
                    ("min", Arg::Decimal(analyze::CORRELATION_MIN, 1)),
                ],
            ),
        );
        println!(
            "{}",
            msg.with(
                "analyze-families",
                &[("low", Arg::Decimal(analyze::ALONE_LOW, 0)), ("high", Arg::Decimal(analyze::ALONE_HIGH, 0))]
            )
        );
        let titles: Vec<&str> = self.entry.rubric.rulebook.categories.iter().map(|c| c.title.as_str()).collect();
        let title_column = titles.iter().map(|t| width(t)).max().unwrap_or(0) + 1;
        let (yes, no) = (msg.get("analyze-family-yes"), msg.get("analyze-family-no"));
        let mark_column = width(&yes).max(width(&no)) + 1;
        for f in &balance.families {
            let title = self.family_title(&f.category);
            let scores: Vec<String> = titles
                .iter()
                .zip(&f.scores)
                .map(|(t, v)| {
                    format!("{t} {}", v.map_or_else(|| msg.get("analyze-not-available"), |v| msg.number(v, 0)))
                })
                .collect();
            let mark = if f.fails_alone { &yes } else { &no };
            println!(
                "  {}{}{}  --choices {}  ({})",
                pad(&title, title_column),
                pad(mark, mark_column),
                scores.join(&msg.get("list-separator")),
                choices(&f.path),
                named(&f.facts)
            );
        }
        if check {
            if problems.is_empty() {
                line("analyze-label-balance", msg.get("analyze-balance-ok"));
            }
            for p in problems {
                line("analyze-label-balance", self.problem(p));
            }
        }
    }

    fn print_header(&self, balance: &Balance) {
        let msg = self.msg;
        let mut header = format!(
            "{} {} {}",
            pad(&msg.get("analyze-column-scenario"), 22),
            right(&msg.get("analyze-column-best"), 5),
            right(&msg.get("analyze-column-random"), 7)
        );
        for (english, _) in &balance.policies {
            let name = self.policy_name(english);
            header.push_str(&format!(" {}", right(&name, column(&name, 6))));
        }
        for (id, least) in
            [("analyze-column-lost", 6), ("analyze-column-longest", 7), ("analyze-column-correlation", 5)]
        {
            header.push_str(&format!(" {}", right(&msg.get(id), least)));
        }
        header.push_str(&format!("  {}", msg.get("analyze-column-fails-alone")));
        println!("{header}");
    }

    fn print_row(&self, balance: &Balance, problems: &[BalanceProblem], check: bool) {
        let msg = self.msg;
        let heading = |id: &str, least: usize| column(&msg.get(id), least);
        let mut row = format!(
            "{} {} {}",
            pad(&shorten(&self.entry.scenario.id, 22), heading("analyze-column-scenario", 22)),
            right(&msg.number(balance.best, 1), heading("analyze-column-best", 5)),
            right(&msg.number(balance.random.mean, 1), heading("analyze-column-random", 7))
        );
        for (english, stats) in &balance.policies {
            row.push_str(&format!(" {}", right(&msg.number(stats.mean, 1), column(&self.policy_name(english), 6))));
        }
        let lost = balance.best_capped.map_or_else(|| "-".to_string(), |c| msg.number(c, 1));
        let longest = format!("{}%", msg.number(balance.longest_share() * 100.0, 0));
        row.push_str(&format!(
            " {} {} {}",
            right(&lost, heading("analyze-column-lost", 6)),
            right(&longest, heading("analyze-column-longest", 7)),
            right(&correlation(msg, &balance.random), heading("analyze-column-correlation", 5))
        ));
        let (yes, no) = (msg.get("analyze-family-yes"), msg.get("analyze-family-no"));
        let alone: Vec<String> = balance
            .families
            .iter()
            .map(|f| format!("{}: {}", self.family_title(&f.category), if f.fails_alone { &yes } else { &no }))
            .collect();
        row.push_str(&format!("  {}", alone.join(&msg.get("list-separator"))));
        println!("{row}");
        if check {
            for p in problems {
                println!("  {}", self.problem(p));
            }
        }
    }
}

/// The table's column of a heading or policy name: as wide as its text.
fn column(text: &str, least: usize) -> usize {
    width(text).max(least)
}

fn to_json(entry: &Entry, ex: &Extremes, balance: &Balance, problems: &[BalanceProblem], check: bool) -> Value {
    let facts =
        |f: &[(String, String)]| f.iter().map(|(k, v)| (k.clone(), json!(v))).collect::<serde_json::Map<_, _>>();
    let stats = |r: &RandomStats| json!({ "runs": r.runs, "mean": round1(r.mean), "p10": round1(r.p10), "p50": round1(r.p50), "p90": round1(r.p90) });
    let ratio = |x: f64| (x * 1000.0).round() / 1000.0;
    let mut value = json!({
        "scenario": entry.scenario.id,
        "best": round1(ex.best),
        "worst": round1(ex.worst),
        "best_path": ex.best_path,
        "best_facts": facts(&ex.best_facts),
        "states": ex.states,
        "paths": u64::try_from(ex.paths).map_or_else(|_| json!(ex.paths.to_string()), |n| json!(n)),
        "by_outcome": ex.by_outcome.iter().map(|o| json!({
            "facts": facts(&o.facts), "best": round1(o.best), "worst": round1(o.worst), "paths": o.paths.to_string(),
        })).collect::<Vec<_>>(),
        "random": stats(&balance.random),
        "satisfaction_correlation": balance.random.satisfaction_correlation.map(ratio),
        "best_capped": balance.best_capped.map(round1),
        "best_capped_path": ex.best_capped.as_ref().map(|c| json!({"path": c.1, "facts": c.2})),
        "longest": json!({
            "longest": balance.longest.0,
            "decisions": balance.longest.1,
            "share": ratio(balance.longest_share()),
        }),
        "policies": balance.policies.iter().map(|(name, r)| json!({"name": name, "scores": stats(r)})).collect::<Vec<_>>(),
        "families": balance.families.iter().map(|f| json!({
            "category": f.category,
            "fails_alone": f.fails_alone,
            "path": f.path,
            "facts": facts(&f.facts),
            "scores": f.scores.iter().map(|v| v.map(round1)).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
    });
    if check {
        value["problems"] = json!(problems.iter().map(ToString::to_string).collect::<Vec<_>>());
    }
    value
}
