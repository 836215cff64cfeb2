//! `rehearse new ID` (a scenario skeleton) and `rehearse graph SCENARIO` (the scenario as a
//! picture).

use std::path::{Path, PathBuf};

use rehearse::authoring::{diagram, skeleton};
use rehearse::library;

use super::{Failure, open_library};

/// Output formats of `rehearse graph`.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum GraphFormat {
    /// Graphviz DOT (`dot -Tsvg graph.dot -o graph.svg`).
    Dot,
    /// Mermaid flowchart (paste into Markdown).
    Mermaid,
}

/// Arguments of `rehearse graph`.
#[derive(Debug, clap::Args)]
pub struct GraphArgs {
    /// Scenario id or path.
    scenario: String,
    /// Text format of the picture.
    #[arg(long, value_enum, default_value = "dot")]
    format: GraphFormat,
    /// Write to this file instead of standard output.
    #[arg(long, value_name = "FILE")]
    out: Option<PathBuf>,
}

pub(crate) fn new(dir: &Path, id: &str) -> Result<u8, Failure> {
    let path = skeleton::write_skeleton(dir, id).map_err(|e| Failure::input(e.to_string()))?;
    println!("wrote {}", path.display());
    // Say at once whether it validates against this folder's rulebook.
    match library::Library::load(dir) {
        Ok(lib) => {
            let own: Vec<_> = lib.diagnostics.iter().filter(|d| d.file == path).cloned().collect();
            for text in rehearse::diag::render_all(&own) {
                println!("{text}");
            }
            if own.iter().any(|d| d.is_error()) {
                return Ok(1);
            }
            println!("it validates clean. Next:");
            println!("  rehearse play {id}                 play it in the terminal");
            println!("  rehearse analyze {id} --check      measure its balance");
            println!("  rehearse graph {id} --format dot   see it as a picture");
            println!("and read docs/authoring.md for every field.");
            Ok(0)
        }
        Err(e) => {
            println!("the scenario folder's rulebook does not load, so the new file was not checked: {e}");
            Ok(1)
        }
    }
}

pub(crate) fn graph(dir: &Path, args: &GraphArgs) -> Result<u8, Failure> {
    let lib = open_library(dir)?;
    let entry = lib.find(&args.scenario)?;
    let format = match args.format {
        GraphFormat::Dot => diagram::Format::Dot,
        GraphFormat::Mermaid => diagram::Format::Mermaid,
    };
    let text = diagram::render(&entry.scenario, &entry.rubric.rulebook, format);
    match &args.out {
        Some(path) => std::fs::write(path, text)
            .map(|()| 0)
            .map_err(|e| Failure::input(format!("cannot write {}: {e}", path.display()))),
        None => {
            print!("{text}");
            Ok(0)
        }
    }
}
