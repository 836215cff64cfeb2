//! Command-line front-end: parses arguments, loads the library, hands off to one command.
//!
//! Exit codes: 0 success; 1 the work found problems (validation errors); 2 bad input (unknown
//! scenario, malformed arguments, unusable files).

mod analyze;
mod author;
mod l10n;
mod play;
mod records;
mod trainees;
mod validate;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use rehearse::l10n::{Lang, Messages};
use rehearse::library::{self, Library};

/// Rehearse difficult customer conversations before having them for real.
#[derive(Debug, Parser)]
#[command(name = "rehearse", version, about, long_about = None)]
struct Cli {
    /// The scenario folder (default: $REHEARSE_SCENARIOS, else ./scenarios).
    #[arg(long, global = true, value_name = "DIR")]
    scenarios: Option<PathBuf>,
    #[command(flatten)]
    db: records::DbArgs,
    #[command(flatten)]
    game: GameArgs,
    /// The language to speak: en, ro, bg, bs or zh (default: the operating system's).
    #[arg(long, global = true, env = "REHEARSE_LANG", value_name = "LANG")]
    lang: Option<String>,
    #[command(subcommand)]
    command: Option<Command>,
}

/// Options of the game window (used when no command is given).
#[derive(Debug, clap::Args)]
struct GameArgs {
    /// Sign in as this trainee (skips the sign-in screen).
    #[arg(long, value_name = "NAME")]
    trainee: Option<String>,
    /// Open this scenario (by id).
    #[arg(long, value_name = "ID")]
    scenario: Option<String>,
    /// Practice or assessment, for --scenario.
    #[arg(long, value_enum, default_value = "practice")]
    mode: ModeArg,
    /// Seed for the session (default: random; 1 for a scripted run).
    #[arg(long)]
    seed: Option<u64>,
    /// Play these options (1-based, comma separated) in the window, at a steady pace.
    #[arg(long, value_delimiter = ',', value_name = "N,N,…")]
    autoplay: Option<Vec<usize>>,
    /// Save a PNG of every screen the scripted run passes.
    #[arg(long, value_name = "DIR")]
    screenshot_dir: Option<PathBuf>,
    /// Quit with exit code 0 after the debrief.
    #[arg(long)]
    exit_after_debrief: bool,
    /// Window size for the scripted run, e.g. 1280x720.
    #[arg(long, value_name = "WxH", value_parser = parse_size)]
    window_size: Option<(u32, u32)>,
    /// Seconds between the scripted run's steps.
    #[arg(long, default_value_t = 0.4)]
    pace: f32,
    /// Play in the terminal instead of the window.
    #[arg(long)]
    terminal: bool,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
enum ModeArg {
    Practice,
    Assessment,
}

/// An assessment in the window is played live: `--autoplay` and `--seed` are for practice.
fn refuse_scripted_assessment(args: &GameArgs) -> Result<(), Failure> {
    let assessment = rehearse::records::Mode::from(args.mode) == rehearse::records::Mode::Assessment;
    if assessment && (args.autoplay.is_some() || args.seed.is_some()) {
        return Err(Failure::input(
            "--autoplay and --seed cannot be used with --mode assessment: an assessment is played live, with \
             hidden facts nobody can choose in advance. Scripted runs are for practice, tests and demos.",
        ));
    }
    Ok(())
}

impl From<ModeArg> for rehearse::records::Mode {
    fn from(m: ModeArg) -> Self {
        match m {
            ModeArg::Practice => rehearse::records::Mode::Practice,
            ModeArg::Assessment => rehearse::records::Mode::Assessment,
        }
    }
}

fn parse_size(s: &str) -> Result<(u32, u32), String> {
    let (w, h) = s.split_once(['x', 'X']).ok_or("give the size as WIDTHxHEIGHT, e.g. 1280x720")?;
    let n = |v: &str| v.trim().parse::<u32>().ok().filter(|n| (100..=8192).contains(n));
    match (n(w), n(h)) {
        (Some(w), Some(h)) => Ok((w, h)),
        _ => Err("width and height must be whole numbers from 100 to 8192".into()),
    }
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
    /// Balance of a scenario (or all): best, worst, random trainees, policies, families.
    Analyze(analyze::AnalyzeArgs),
    /// Write a new scenario skeleton `ID.scenario.ron` into the scenario folder.
    New {
        /// The new scenario's id (lower-case letters, digits, underscores).
        id: String,
    },
    /// A scenario as a picture: Graphviz DOT or Mermaid text.
    Graph(author::GraphArgs),
    /// The monthly best-employee ranking (`report rules`: trainer analytics).
    Report(records::ReportArgs),
    /// Check or load stored sessions.
    Records {
        #[command(subcommand)]
        command: records::RecordsCommand,
    },
    /// Assign the month's scenarios (the ranking averages over them); needs the trainer's key.
    /// Without scenario ids, prints the month's assignment.
    Assign(records::AssignArgs),
    /// The roster of trainees who may be assessed (add, list, remove, reset-pin, rename).
    Trainees {
        #[command(subcommand)]
        command: trainees::TraineesCommand,
    },
    /// Translations: `l10n update` writes the templates and merges them into each language.
    L10n {
        #[command(subcommand)]
        command: l10n::L10nCommand,
    },
    /// Export stored sessions for other systems.
    Export {
        #[command(subcommand)]
        command: records::ExportCommand,
    },
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
    let lang = match Lang::choose(cli.lang.as_deref()) {
        Ok(lang) => lang,
        Err(e) => {
            eprintln!("rehearse: {e}");
            return ExitCode::from(2);
        }
    };
    let result = match cli.command {
        None => game(&dir, &cli.db, cli.game, lang),
        Some(Command::List) => list(&dir, lang),
        Some(Command::Play(args)) => play::run(&dir, &cli.db, &args, lang),
        Some(Command::Report(args)) => records::report(&dir, &cli.db, &args, lang),
        Some(Command::Records { command }) => records::records(&cli.db, &command),
        Some(Command::Export { command }) => records::export(&dir, &cli.db, &command),
        Some(Command::Assign(args)) => records::assign(&dir, &cli.db, &args, lang),
        Some(Command::Trainees { command }) => trainees::run(&cli.db, &command, lang),
        Some(Command::Validate { paths }) => validate::run(&dir, &paths),
        Some(Command::Analyze(args)) => analyze::run(&dir, &args, lang),
        Some(Command::New { id }) => author::new(&dir, &id),
        Some(Command::Graph(args)) => author::graph(&dir, &args),
        Some(Command::L10n { command }) => l10n::run(&dir, &command),
    };
    match result {
        Ok(code) => ExitCode::from(code),
        Err(f) => {
            eprintln!("rehearse: {}", f.message);
            ExitCode::from(f.code)
        }
    }
}

/// No command: open the window, or the terminal player when there is no display.
#[cfg(feature = "gui")]
fn game(dir: &std::path::Path, db: &records::DbArgs, args: GameArgs, lang: Lang) -> Result<u8, Failure> {
    use rehearse::game;
    refuse_scripted_assessment(&args)?;
    if args.terminal {
        return play::menu(dir, db, lang);
    }
    if !game::display_available() {
        eprintln!("rehearse: no display available (DISPLAY is not set); starting the terminal player instead");
        return play::menu(dir, db, lang);
    }
    let scripted = args.autoplay.is_some();
    let launch = game::Launch {
        scenarios: dir.to_path_buf(),
        db: db.spec(),
        key_file: db.key_file.clone(),
        trainee: args.trainee,
        scenario: if scripted { None } else { args.scenario.clone() },
        mode: args.mode.into(),
        seed: args.seed,
        lang,
        languages: rehearse::l10n::remembered::file_in(&rehearse::paths::data_dir()),
    };
    let script = match (args.autoplay, args.scenario) {
        (Some(autoplay), Some(scenario)) => Some(game::ScriptOptions {
            scenario,
            autoplay,
            screenshot_dir: args.screenshot_dir,
            exit_after_debrief: args.exit_after_debrief,
            window_size: args.window_size,
            pace: args.pace.clamp(0.0, 30.0),
        }),
        (Some(_), None) => return Err(Failure::input("--autoplay needs --scenario ID")),
        _ => None,
    };
    if let Some(dir) = script.as_ref().and_then(|s| s.screenshot_dir.as_ref()) {
        std::fs::create_dir_all(dir)
            .map_err(|e| Failure::input(format!("cannot create the screenshot folder {}: {e}", dir.display())))?;
    }
    match game::run(launch, script) {
        bevy::app::AppExit::Success => Ok(0),
        bevy::app::AppExit::Error(code) => Ok(code.get()),
    }
}

/// No command, built without the window: the terminal player.
#[cfg(not(feature = "gui"))]
fn game(dir: &std::path::Path, db: &records::DbArgs, args: GameArgs, lang: Lang) -> Result<u8, Failure> {
    refuse_scripted_assessment(&args)?;
    play::menu(dir, db, lang)
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

fn list(dir: &std::path::Path, lang: Lang) -> Result<u8, Failure> {
    let lib = open_library(dir)?;
    let msg = Messages::new(lang);
    for e in &lib.entries {
        let localized = lib.localized(e, lang).entry;
        let s = &localized.scenario;
        let difficulty = msg.get(play::difficulty_id(s.difficulty));
        println!(
            "{:<20} {} {} {}",
            s.id,
            rehearse::report::pad(&s.title, 40),
            rehearse::report::pad(&difficulty, 8),
            s.skills.join(&msg.get("list-separator"))
        );
    }
    Ok(0)
}
