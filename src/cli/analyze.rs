//! `rehearse analyze`: exact extremes, best path and random-trainee distribution.

use std::path::Path;

use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use rehearse::analyze;
use rehearse::engine::draw_facts;
use rehearse::score::round1;
use serde_json::json;

use super::{Failure, open_library};

/// Arguments of `rehearse analyze`.
#[derive(Debug, clap::Args)]
pub struct AnalyzeArgs {
    /// Scenario id or path.
    scenario: String,
    /// Analyse the facts this seed draws (default: every fact outcome).
    #[arg(long)]
    seed: Option<u64>,
    /// Random trainees to simulate.
    #[arg(long, default_value_t = 1000)]
    runs: usize,
    /// Print one JSON object.
    #[arg(long)]
    json: bool,
}

pub(crate) fn run(dir: &Path, args: &AnalyzeArgs) -> Result<u8, Failure> {
    let lib = open_library(dir)?;
    let entry = lib.find(&args.scenario)?;
    let (s, rubric) = (&*entry.scenario, &*entry.rubric);
    let facts = args.seed.map(|seed| draw_facts(s, &mut ChaCha8Rng::seed_from_u64(seed)));
    let ex = analyze::extremes(s, rubric, facts.as_deref())
        .map_err(|e| Failure { message: format!("cannot analyse `{}`: {e}", s.id), code: 1 })?;
    let random = analyze::random(s, rubric, args.runs, args.seed.unwrap_or(0));
    if args.json {
        let value = json!({
            "scenario": s.id,
            "best": round1(ex.best),
            "worst": round1(ex.worst),
            "best_path": ex.best_path,
            "best_facts": ex.best_facts.iter().map(|(k, v)| (k.clone(), json!(v))).collect::<serde_json::Map<_, _>>(),
            "paths": u64::try_from(ex.paths).map_or_else(|_| json!(ex.paths.to_string()), |n| json!(n)),
            "by_outcome": ex.by_outcome.iter().map(|o| json!({
                "facts": o.facts.iter().map(|(k, v)| (k.clone(), json!(v))).collect::<serde_json::Map<_, _>>(),
                "best": round1(o.best), "worst": round1(o.worst), "paths": o.paths.to_string(),
            })).collect::<Vec<_>>(),
            "random": { "runs": random.runs, "mean": round1(random.mean), "p10": round1(random.p10), "p50": round1(random.p50), "p90": round1(random.p90) },
        });
        println!("{}", serde_json::to_string_pretty(&value).unwrap_or_default());
    } else {
        println!("scenario   {} ({})", s.id, s.title);
        println!("best       {:.1}", ex.best);
        println!("worst      {:.1}", ex.worst);
        let path: Vec<String> = ex.best_path.iter().map(ToString::to_string).collect();
        println!("best path  --choices {}", path.join(","));
        if !ex.best_facts.is_empty() {
            let facts: Vec<String> = ex.best_facts.iter().map(|(k, v)| format!("{k}={v}")).collect();
            println!("  with     {}", facts.join(", "));
        }
        println!("paths      {}", ex.paths);
        if ex.by_outcome.len() > 1 {
            println!("by fact outcome:");
            for o in &ex.by_outcome {
                let facts: Vec<String> = o.facts.iter().map(|(k, v)| format!("{k}={v}")).collect();
                println!("  {:<40} best {:>5.1}  worst {:>5.1}  paths {}", facts.join(", "), o.best, o.worst, o.paths);
            }
        }
        println!(
            "random     {} runs: mean {:.1}, p10 {:.1}, p50 {:.1}, p90 {:.1}",
            random.runs, random.mean, random.p10, random.p50, random.p90
        );
    }
    Ok(0)
}
