//! `rehearse analyze`: exact extremes, best path, random-trainee distribution, scripted policies
//! and whether each rule family can fail on its own; `--check` holds a scenario (or the whole
//! library) to the balance targets.

use std::path::{Path, PathBuf};

use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use rehearse::analyze::{self, Balance, Extremes, Policy, RandomStats, Strategy};
use rehearse::engine::draw_facts;
use rehearse::library::{Entry, Library};
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
pub(crate) fn run(dir: &Path, args: &AnalyzeArgs, lang: rehearse::l10n::Lang) -> Result<u8, Failure> {
    let lib = open_library(dir)?;
    let policies = load_policies(&lib, &args.policy)?;
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
        let (ex, balance) = measure(entry, &policies, args)?;
        let problems = balance.problems();
        failed |= !problems.is_empty();
        if args.json {
            values.push(to_json(entry, &ex, &balance, &problems, args.check));
        } else if args.scenario.is_some() {
            print_one(entry, &ex, &balance, &problems, args.check);
        } else {
            if n == 0 {
                print_header(&balance);
            }
            print_row(entry, &balance, &problems, args.check);
        }
    }
    if args.json {
        let value = if args.scenario.is_some() { values.pop().unwrap_or(Value::Null) } else { Value::Array(values) };
        println!("{}", serde_json::to_string_pretty(&value).unwrap_or_default());
    }
    Ok(u8::from(args.check && failed))
}

/// The policies named on the command line, else the ones shipped beside the scenarios.
fn load_policies(lib: &Library, files: &[PathBuf]) -> Result<Vec<(String, Strategy)>, Failure> {
    let files = if files.is_empty() { analyze::policy_files(&lib.dir.join("policies")) } else { files.to_vec() };
    let mut out = Vec::new();
    let mut problems = Vec::new();
    for file in &files {
        match Policy::load(file).map_err(|d| vec![d]).and_then(|p| Ok((p.weights(&lib.rulebook)?, p))) {
            Ok((weights, policy)) => out.push((policy.name, weights)),
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

fn stats_line(r: &RandomStats) -> String {
    format!("{} runs: mean {:.1}, p10 {:.1}, p50 {:.1}, p90 {:.1}", r.runs, r.mean, r.p10, r.p50, r.p90)
}

fn correlation(r: &RandomStats) -> String {
    r.satisfaction_correlation.map_or_else(|| "n/a".to_string(), |c| format!("{c:.2}"))
}

fn capped(balance: &Balance) -> String {
    balance.best_capped.map_or_else(|| "none reachable".to_string(), |c| format!("{c:.1}"))
}

fn print_one(entry: &Entry, ex: &Extremes, balance: &Balance, problems: &[String], check: bool) {
    let s = &entry.scenario;
    println!("scenario   {} ({})", s.id, s.title);
    println!("best       {:.1}", ex.best);
    println!("worst      {:.1}", ex.worst);
    println!("best path  --choices {}", choices(&ex.best_path));
    if !ex.best_facts.is_empty() {
        println!("  with     {}", named(&ex.best_facts));
    }
    println!("paths      {}", ex.paths);
    if ex.by_outcome.len() > 1 {
        println!("by fact outcome:");
        for o in &ex.by_outcome {
            println!("  {:<40} best {:>5.1}  worst {:>5.1}  paths {}", named(&o.facts), o.best, o.worst, o.paths);
        }
    }
    println!("random     {}", stats_line(&balance.random));
    for (name, stats) in &balance.policies {
        println!("policy     {name}: {}", stats_line(stats));
    }
    println!("lost/escalated best  {} (at most {})", capped(balance), analyze::CAPPED_MAX);
    println!(
        "best reply longest   {} of {} best-path decision points ({:.0} %, at most {:.0} %)",
        balance.longest.0,
        balance.longest.1,
        balance.longest_share() * 100.0,
        analyze::LONGEST_SHARE_MAX * 100.0
    );
    println!(
        "total ~ satisfaction {} (Spearman over random plays, at least {})",
        correlation(&balance.random),
        analyze::CORRELATION_MIN
    );
    println!(
        "each family failing on its own (that family ≤ {}, the others ≥ {}):",
        analyze::ALONE_LOW,
        analyze::ALONE_HIGH
    );
    let titles = category_titles(entry);
    for f in &balance.families {
        let scores: Vec<String> = titles
            .iter()
            .zip(&f.scores)
            .map(|(t, v)| format!("{t} {}", v.map_or("n/a".to_string(), |v| format!("{v:.0}"))))
            .collect();
        let mark = if f.fails_alone { "yes" } else { "NO " };
        println!(
            "  {:<13} {mark}  {}  --choices {}  ({})",
            f.category,
            scores.join(", "),
            choices(&f.path),
            named(&f.facts)
        );
    }
    if check {
        if problems.is_empty() {
            println!("balance    ok");
        }
        for p in problems {
            println!("balance    {p}");
        }
    }
}

fn category_titles(entry: &Entry) -> Vec<String> {
    entry.rubric.rulebook.categories.iter().map(|c| c.id.clone()).collect()
}

fn print_header(balance: &Balance) {
    let mut header = format!("{:<22} {:>5} {:>7}", "scenario", "best", "random");
    for (name, _) in &balance.policies {
        header.push_str(&format!(" {name:>w$}", w = column(name)));
    }
    header.push_str(&format!(" {:>6} {:>7} {:>5}", "lost", "longest", "corr"));
    header.push_str("  fails alone");
    println!("{header}");
}

/// A policy's column is as wide as its name.
fn column(name: &str) -> usize {
    name.chars().count().max(6)
}

fn print_row(entry: &Entry, balance: &Balance, problems: &[String], check: bool) {
    let mut row = format!("{:<22} {:>5.1} {:>7.1}", shorten(&entry.scenario.id, 22), balance.best, balance.random.mean);
    for (name, stats) in &balance.policies {
        row.push_str(&format!(" {:>w$.1}", stats.mean, w = column(name)));
    }
    let lost = balance.best_capped.map_or_else(|| "-".to_string(), |c| format!("{c:.1}"));
    let longest = format!("{:.0}%", balance.longest_share() * 100.0);
    row.push_str(&format!(" {lost:>6} {longest:>7} {:>5}", correlation(&balance.random)));
    let alone: Vec<String> = balance
        .families
        .iter()
        .map(|f| format!("{}:{}", f.category, if f.fails_alone { "yes" } else { "NO" }))
        .collect();
    row.push_str(&format!("  {}", alone.join(" ")));
    println!("{row}");
    if check {
        for p in problems {
            println!("  {p}");
        }
    }
}

fn to_json(entry: &Entry, ex: &Extremes, balance: &Balance, problems: &[String], check: bool) -> Value {
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
        value["problems"] = json!(problems);
    }
    value
}
