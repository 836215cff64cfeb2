//! `rehearse play` and the no-argument menu: the terminal player.

use std::io::{BufRead, Write};
use std::path::Path;

use std::time::Instant;

use rehearse::engine::{ChoiceError, Session, os_seed};
use rehearse::l10n::{Lang, Messages};
use rehearse::library::Entry;
use rehearse::report;
use rehearse::score;

use rehearse::records::roster::{self, RosterError};
use rehearse::records::{self, ContentVersion, Mode, Played, Record, Store, Trainee, now_ms};

use super::records::DbArgs;
use super::trainees::read_pin;
use super::{Failure, ModeArg, open_library};

/// Arguments of `rehearse play`.
#[derive(Debug, clap::Args)]
pub struct PlayArgs {
    /// Scenario id (see `rehearse list`) or path to a `.scenario.ron` file.
    scenario: String,
    /// Seed for the hidden facts and line variants (default: random).
    #[arg(long)]
    seed: Option<u64>,
    /// Who is playing (the session is saved under this name). An assessment is for a trainee
    /// on the roster, who is asked for their PIN.
    #[arg(long, default_value = "guest")]
    trainee: String,
    /// Practice, or assessment (counts for the monthly ranking).
    #[arg(long, value_enum, default_value = "practice")]
    mode: ModeArg,
    /// Do not save the session.
    #[arg(long)]
    no_save: bool,
    /// Play non-interactively: 1-based option numbers, comma-separated (e.g. 2,1,3).
    #[arg(long, value_name = "LIST")]
    choices: Option<String>,
    /// Print the debrief as one JSON object.
    #[arg(long)]
    json: bool,
}

fn parse_choices(list: &str) -> Result<Vec<usize>, Failure> {
    list.split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|s| s.parse::<usize>().map_err(|_| Failure::input(format!("--choices: `{s}` is not an option number"))))
        .collect()
}

/// The offered replies, numbered from 1.
fn options_list(session: &Session) -> String {
    session.option_texts().enumerate().map(|(i, text)| format!("  {}) {text}", i + 1)).collect::<Vec<_>>().join("\n")
}

/// Text safe to print on a terminal: control characters shown as `?`.
fn printable(s: &str) -> String {
    s.chars().map(|c| if c.is_control() { '?' } else { c }).collect()
}

/// Why an assessment cannot be scripted, when the arguments try to.
fn scripted_assessment(args: &PlayArgs) -> Option<Failure> {
    if Mode::from(args.mode) != Mode::Assessment {
        return None;
    }
    let given: Vec<&str> = [(args.seed.is_some(), "--seed"), (args.choices.is_some(), "--choices")]
        .iter()
        .filter(|g| g.0)
        .map(|g| g.1)
        .collect();
    (!given.is_empty()).then(|| {
        Failure::input(format!(
            "{} cannot be used with --mode assessment: an assessment is played live, with hidden facts \
             nobody can choose in advance. Scripted play is for practice, tests and demos (--mode practice).",
            given.join(" and ")
        ))
    })
}

pub(crate) fn run(dir: &Path, db: &DbArgs, args: &PlayArgs, lang: Lang) -> Result<u8, Failure> {
    if let Some(refused) = scripted_assessment(args) {
        return Err(refused);
    }
    let msg = Messages::new(lang);
    let lib = open_library(dir)?;
    let entry = lib.localized(&lib.find(&args.scenario)?, lang).entry;
    let signed_in = match Mode::from(args.mode) {
        Mode::Assessment => Some(sign_in(&msg, db, &args.trainee)?),
        // Nothing is kept, so nobody's history or name is at stake.
        Mode::Practice if args.no_save => None,
        Mode::Practice => practise_as(&msg, db, &args.trainee)?,
    };
    let seed = match args.seed {
        Some(seed) => seed,
        None => os_seed().map_err(|e| Failure::input(e.to_string()))?,
    };
    let name = signed_in.as_ref().map_or_else(|| args.trainee.clone(), |t| t.name.clone());
    let mut session = Session::new(entry.scenario.clone(), seed, name);
    let started_at = now_ms();
    match &args.choices {
        Some(list) => {
            let choices = parse_choices(list)?;
            for (i, &c) in choices.iter().enumerate() {
                match session.choose(c) {
                    Ok(()) => {}
                    Err(ChoiceError::Finished | ChoiceError::TooLate { .. }) => {
                        return Err(Failure::input(format!(
                            "--choices: the conversation ended after turn {i}, but {} more choice(s) were given",
                            choices.len() - i
                        )));
                    }
                    Err(ChoiceError::OutOfRange { chosen, .. }) => {
                        return Err(Failure::input(format!(
                            "--choices: turn {}: option {chosen} is out of range; the options were:\n{}",
                            i + 1,
                            options_list(&session)
                        )));
                    }
                }
            }
            if !session.is_finished() {
                return Err(Failure::input(format!(
                    "--choices: the conversation is not over after {} choice(s); the options at turn {} were:\n{}",
                    choices.len(),
                    choices.len() + 1,
                    options_list(&session)
                )));
            }
        }
        None => {
            let stdin = std::io::stdin();
            let mut input = stdin.lock();
            if args.json {
                interact(&msg, &mut session, &mut input, &mut std::io::stderr())?;
            } else {
                interact(&msg, &mut session, &mut input, &mut std::io::stdout())?;
            }
        }
    }
    let played = if args.choices.is_some() { Played::Scripted } else { Played::Terminal };
    let save = (!args.no_save).then(|| Saving { db, mode: args.mode.into(), played, started_at, signed_in });
    finish(&msg, &entry, &session, args.json, save)
}

/// An assessment is for a trainee on the roster: ask for their PIN and check it.
fn sign_in(msg: &Messages, db: &DbArgs, who: &str) -> Result<Trainee, Failure> {
    let mut store = Store::open(&db.spec()).map_err(|e| Failure::input(e.to_string()))?;
    let refused =
        |e: RosterError| Failure::input(msg.with("play-assessment-refused", &[("why", e.to_string().into())]));
    // Unknown names are refused before a PIN is asked for.
    let name = roster::find(&store.roster().map_err(|e| Failure::input(e.to_string()))?, who)
        .map(|t| t.name.clone())
        .ok_or_else(|| refused(RosterError::NotOnRoster { name: who.trim().to_string() }))?;
    let pin = read_pin(&msg.with("play-pin-for", &[("name", printable(&name).into())]))?;
    roster::sign_in(&mut store, who, &pin).map_err(refused)
}

/// Practice is open to anyone, but under a roster trainee's name only with their PIN (as in
/// the game), so nobody fills a colleague's history. When the roster cannot be read the session
/// goes ahead under the typed name (it will be kept in a recovery file if the database is down).
fn practise_as(msg: &Messages, db: &DbArgs, who: &str) -> Result<Option<Trainee>, Failure> {
    let Ok(mut store) = Store::open(&db.spec()) else { return Ok(None) };
    let Some(listed) = store.roster().ok().and_then(|r| roster::find(&r, who).cloned()) else { return Ok(None) };
    let pin = read_pin(&msg.with("play-pin-on-roster", &[("name", printable(&listed.name).into())]))?;
    roster::sign_in(&mut store, &listed.id, &pin)
        .map(Some)
        .map_err(|e| Failure::input(msg.with("play-practice-refused", &[("why", e.to_string().into())])))
}

/// Where and how a finished session is saved.
struct Saving<'a> {
    db: &'a DbArgs,
    mode: Mode,
    played: Played,
    started_at: i64,
    /// The roster trainee who signed in with their PIN, if one did.
    signed_in: Option<Trainee>,
}

/// Score, show the debrief, and save the session (unless `save` is None). A session the
/// database refuses goes to a recovery file; only when that fails too is the exit code 1.
fn finish(msg: &Messages, entry: &Entry, session: &Session, json: bool, save: Option<Saving>) -> Result<u8, Failure> {
    let card = score::score_in(msg, &entry.scenario, &entry.rubric, session.transcript());
    if json {
        let value = report::play_json(&entry.scenario, &card, session.transcript());
        println!("{}", serde_json::to_string_pretty(&value).unwrap_or_default());
    } else {
        let text = report::debrief_text(msg, &entry.scenario, &entry.rubric.rulebook, &card, session.transcript());
        println!("\n{text}");
    }
    let Some(Saving { db, mode, played, started_at, signed_in }) = save else { return Ok(0) };
    let mut record =
        Record::of(entry, session.transcript(), &card, mode, started_at).played(played).in_language(msg.lang());
    if let Some(trainee) = &signed_in {
        record = record.signed_in(trainee);
    }
    let spec = db.spec();
    match records::save(&spec, db.key_file.as_deref(), &record, &ContentVersion::of(entry)) {
        // Stored, or kept in a recovery file: either way nothing is lost.
        Ok(saved) => {
            eprintln!("rehearse: {}", saved.message(msg, &spec));
            Ok(0)
        }
        Err(lost) => Err(Failure { message: msg.with("play-not-saved", &[("why", lost.to_string().into())]), code: 1 }),
    }
}

/// Play interactively: show the customer, read option numbers, until an ending.
fn interact(
    msg: &Messages,
    session: &mut Session,
    input: &mut impl BufRead,
    out: &mut impl Write,
) -> Result<(), Failure> {
    let s = session.scenario().clone();
    let io = |e: std::io::Error| Failure::input(format!("cannot write to the terminal: {e}"));
    let underline = "=".repeat(unicode_width::UnicodeWidthStr::width(s.title.as_str()));
    let customer = msg.with(
        "play-customer",
        &[("name", s.customer.name.as_str().into()), ("situation", s.customer.situation.as_str().into())],
    );
    let goal = msg.with("play-goal", &[("goal", s.goal.as_str().into())]);
    writeln!(out, "\n{}\n{underline}\n\n{customer}\n{goal}\n", s.title).map_err(io)?;
    while !session.is_finished() {
        let turn = msg.with("play-turn", &[("turn", (session.turn() + 1).into())]);
        writeln!(out, "--- {turn} --- {}", report::meters_line(msg, session.meters())).map_err(io)?;
        let notes: Vec<String> = session.learned().map(|(f, v)| f.note(v)).collect();
        if !notes.is_empty() {
            writeln!(out, "{}", msg.get("play-notes")).map_err(io)?;
            for note in &notes {
                writeln!(out, "  - {note}").map_err(io)?;
            }
        }
        writeln!(out, "{}", customer_line(msg, &s.customer.name, &session.customer_says())).map_err(io)?;
        writeln!(out, "{}", options_list(session)).map_err(io)?;
        // Each reply is timed from the moment the line is shown, as in the game.
        let shown = Instant::now();
        loop {
            write!(out, "{}> ", msg.with("play-your-reply", &[("count", session.option_count().into())]))
                .map_err(io)?;
            out.flush().map_err(io)?;
            let mut line = String::new();
            let read = input.read_line(&mut line).map_err(|e| Failure::input(format!("cannot read input: {e}")))?;
            let answer = line.trim();
            if read == 0 || answer.eq_ignore_ascii_case("q") {
                return Err(Failure::input(msg.with("play-stopped", &[("turn", (session.turn() + 1).into())])));
            }
            let millis = u32::try_from(shown.elapsed().as_millis()).unwrap_or(u32::MAX);
            match answer.parse::<usize>().map(|n| session.choose_timed(n, millis)) {
                Ok(Ok(())) => break,
                Ok(Err(ChoiceError::TooLate { .. })) => {
                    writeln!(out, "{}", msg.get("play-too-late")).map_err(io)?;
                    session.time_out();
                    break;
                }
                Ok(Err(_)) | Err(_) => {
                    writeln!(out, "{}", msg.with("play-type-a-number", &[("count", session.option_count().into())]))
                        .map_err(io)?
                }
            }
        }
    }
    writeln!(out, "{}", customer_line(msg, &s.customer.name, &session.customer_says())).map_err(io)?;
    Ok(())
}

/// "Name: “line”", with the quotation marks of the language.
fn customer_line(msg: &Messages, name: &str, line: &str) -> String {
    msg.with("play-customer-line", &[("name", name.into()), ("line", line.into())])
}

/// `rehearse` with no command: pick a scenario and a name, then play in the terminal.
pub(crate) fn menu(dir: &Path, db: &DbArgs, lang: Lang) -> Result<u8, Failure> {
    let msg = Messages::new(lang);
    let lib = open_library(dir)?;
    if lib.entries.is_empty() {
        return Err(Failure::input(msg.with("play-no-scenarios", &[("dir", dir.display().to_string().into())])));
    }
    let entries: Vec<Entry> = lib.entries.iter().map(|e| lib.localized(e, lang).entry).collect();
    let stdin = std::io::stdin();
    let mut input = stdin.lock();
    let mut out = std::io::stdout();
    let io = |e: std::io::Error| Failure::input(format!("cannot write to the terminal: {e}"));
    writeln!(out, "{}\n", msg.get("menu-heading")).map_err(io)?;
    for (i, e) in entries.iter().enumerate() {
        let difficulty = msg.get(difficulty_id(e.scenario.difficulty));
        writeln!(out, "  {}) {} [{difficulty}] {}", i + 1, e.scenario.title, e.scenario.summary).map_err(io)?;
    }
    let prompt = format!("{}> ", msg.with("menu-pick", &[("count", entries.len().into())]));
    let pick =
        ask(&mut input, &mut out, &prompt, |s| s.parse::<usize>().ok().filter(|n| (1..=entries.len()).contains(n)))?;
    let prompt = format!("{}> ", msg.get("menu-name"));
    let typed = ask(&mut input, &mut out, &prompt, |s| (!s.is_empty()).then(|| s.to_string()))?;
    // The PIN is read from standard input too: let go of it first.
    drop(input);
    let signed_in = practise_as(&msg, db, &typed)?;
    let mut input = stdin.lock();
    let name = signed_in.as_ref().map_or(typed, |t| t.name.clone());
    let entry = &entries[pick - 1];
    let seed = os_seed().map_err(|e| Failure::input(e.to_string()))?;
    let mut session = Session::new(entry.scenario.clone(), seed, name.clone());
    let started_at = now_ms();
    writeln!(out, "{}", msg.with("menu-welcome", &[("name", printable(&name).into())])).map_err(io)?;
    interact(&msg, &mut session, &mut input, &mut out)?;
    let saving = Saving { db, mode: Mode::Practice, played: Played::Terminal, started_at, signed_in };
    finish(&msg, entry, &session, false, Some(saving))
}

/// The message id of a difficulty's name.
pub(crate) fn difficulty_id(difficulty: rehearse::scenario::Difficulty) -> &'static str {
    match difficulty {
        rehearse::scenario::Difficulty::Easy => "difficulty-easy",
        rehearse::scenario::Difficulty::Medium => "difficulty-medium",
        rehearse::scenario::Difficulty::Hard => "difficulty-hard",
    }
}

fn ask<T>(
    input: &mut impl BufRead,
    out: &mut impl Write,
    prompt: &str,
    parse: impl Fn(&str) -> Option<T>,
) -> Result<T, Failure> {
    loop {
        write!(out, "{prompt}")
            .and_then(|()| out.flush())
            .map_err(|e| Failure::input(format!("cannot write to the terminal: {e}")))?;
        let mut line = String::new();
        if input.read_line(&mut line).map_err(|e| Failure::input(format!("cannot read input: {e}")))? == 0 {
            return Err(Failure::input("input ended"));
        }
        if let Some(v) = parse(line.trim()) {
            return Ok(v);
        }
    }
}
