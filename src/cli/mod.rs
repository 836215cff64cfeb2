//! Command-line front-end: parses arguments, loads the library, hands off to one command.
//!
//! Exit codes: 0 success; 1 the work found problems (validation errors); 2 bad input (unknown
//! scenario, malformed arguments, unusable files).

mod analyze;
mod play;
mod validate;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use rehearse::library::{self, Library};

/// Rehearse difficult customer conversations before having them for real.
#[derive(Debug, Parser)]
#[command(name = "rehearse", version, about, long_about = None)]
struct Cli {
    /// The scenario folder (default: $REHEARSE_SCENARIOS, else ./scenarios).
    #[arg(long, global = true, value_name = "DIR")]
    scenarios: Option<PathBuf>,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// List the scenarios: id, title, difficulty, skills.
    List,
    /// Play a scenario in the terminal, then see the debrief.
    Play(play::PlayArgs),
    /// Check scenario and rulebook files; every problem with file:line:column.
    Validate {
        /// Files or folders (default: the scenario folder).
        paths: Vec<PathBuf>,
    },
    /// Best, worst and random-trainee scores of a scenario.
    Analyze(analyze::AnalyzeArgs),
}

/// An error that ends the program with a message and an exit code.
pub(crate) struct Failure {
    pub message: String,
    pub code: u8,
}

impl Failure {
    pub(crate) fn input(message: impl Into<String>) -> Self {
        Failure { message: message.into(), code: 2 }
    }
}

impl From<library::LibraryError> for Failure {
    fn from(e: library::LibraryError) -> Self {
        Failure::input(e.to_string())
    }
}

/// Parse arguments and run the chosen command.
pub fn run() -> ExitCode {
    let cli = Cli::parse();
    let dir = cli.scenarios.clone().unwrap_or_else(library::default_dir);
    let result = match cli.command {
        None => play::menu(&dir),
        Some(Command::List) => list(&dir),
        Some(Command::Play(args)) => play::run(&dir, &args),
        Some(Command::Validate { paths }) => validate::run(&dir, &paths),
        Some(Command::Analyze(args)) => analyze::run(&dir, &args),
    };
    match result {
        Ok(code) => ExitCode::from(code),
        Err(f) => {
            eprintln!("rehearse: {}", f.message);
            ExitCode::from(f.code)
        }
    }
}

/// Load the library, printing its warnings and broken files to stderr.
pub(crate) fn open_library(dir: &std::path::Path) -> Result<Library, Failure> {
    let lib = Library::load(dir)?;
    for b in &lib.broken {
        eprintln!(
            "rehearse: skipping {} ({} problem(s); run `rehearse validate`)",
            b.file.display(),
            b.diagnostics.iter().filter(|d| d.is_error()).count()
        );
    }
    Ok(lib)
}

fn list(dir: &std::path::Path) -> Result<u8, Failure> {
    let lib = open_library(dir)?;
    for e in &lib.entries {
        let s = &e.scenario;
        println!("{:<20} {:<40} {:<6} {}", s.id, s.title, format!("{:?}", s.difficulty), s.skills.join(", "));
    }
    Ok(0)
}
