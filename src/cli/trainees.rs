//! `rehearse trainees`: the trainer's roster of who may be assessed, and reading a PIN.

use std::io::{BufRead, IsTerminal, Read};

use rehearse::l10n::{Arg, Lang, Messages};
use rehearse::records::roster::{self, Pin, RosterError};
use rehearse::records::{Key, Store, format_ms, printable};
use rehearse::report::pad;

use super::Failure;
use super::records::DbArgs;

/// What to do with the roster.
#[derive(Debug, clap::Subcommand)]
pub enum TraineesCommand {
    /// Put a trainee on the roster; asks for their PIN (4–12 digits). Needs the trainer's key.
    Add {
        /// The name they sign in with.
        name: String,
    },
    /// Everyone on the roster: id, name, when added, and any pause after wrong PINs.
    List {
        /// Show removed trainees too.
        #[arg(long)]
        all: bool,
    },
    /// Take a trainee off the roster (their records stay). Needs the trainer's key.
    Remove {
        /// Name or id.
        who: String,
    },
    /// Give a trainee a new PIN (and end any pause). Needs the trainer's key.
    ResetPin {
        /// Name or id.
        who: String,
    },
    /// Show a trainee under a new name (id, PIN and records stay). Needs the trainer's key.
    Rename {
        /// Name or id.
        who: String,
        /// The new name.
        new_name: String,
    },
}

pub(crate) fn run(db: &DbArgs, command: &TraineesCommand, lang: Lang) -> Result<u8, Failure> {
    let msg = Messages::new(lang);
    if !matches!(command, TraineesCommand::List { .. }) {
        Key::load(db.key_file.as_deref())
            .map_err(|e| Failure::input(msg.with("trainees-needs-key", &[("why", e.to_string().into())])))?;
    }
    let mut store = Store::open(&db.spec()).map_err(|e| Failure::input(e.to_string()))?;
    let refused = |e: RosterError| Failure::input(e.to_string());
    let named = |id: &str, name: &str, id_value: String| {
        msg.with(id, &[("name", printable(name, 80).into()), ("id", id_value.into())])
    };
    match command {
        TraineesCommand::Add { name } => {
            let pin = new_pin(&msg, "trainees-pin-prompt", name)?;
            let t = roster::add(&mut store, name, &pin).map_err(refused)?;
            println!("{}", named("trainees-added", &t.name, t.id.to_string()));
        }
        TraineesCommand::List { all } => list(&msg, &mut store, *all)?,
        TraineesCommand::Remove { who } => {
            let t = roster::remove(&mut store, who).map_err(refused)?;
            println!("{}", named("trainees-removed", &t.name, t.id.to_string()));
        }
        TraineesCommand::ResetPin { who } => {
            let pin = new_pin(&msg, "trainees-new-pin-prompt", who)?;
            let t = roster::reset_pin(&mut store, who, &pin).map_err(refused)?;
            println!("{}", named("trainees-pin-set", &t.name, t.id.to_string()));
        }
        TraineesCommand::Rename { who, new_name } => {
            let t = roster::rename(&mut store, who, new_name).map_err(refused)?;
            println!(
                "{}",
                msg.with(
                    "trainees-renamed",
                    &[
                        ("old", printable(who, 80).into()),
                        ("id", t.id.to_string().into()),
                        ("name", printable(&t.name, 80).into())
                    ]
                )
            );
        }
    }
    Ok(0)
}

fn list(msg: &Messages, store: &mut Store, all: bool) -> Result<(), Failure> {
    let roster = store.roster().map_err(|e| Failure::input(e.to_string()))?;
    let shown: Vec<_> = roster.iter().filter(|t| all || t.is_active()).collect();
    if shown.is_empty() {
        println!("{}", msg.get("trainees-empty"));
        return Ok(());
    }
    let now = rehearse::records::now_ms();
    let date = |ms: i64| -> Arg { format_ms(ms).into() };
    for t in shown {
        let status = match (t.removed_at, t.paused_until > now) {
            (Some(at), _) => msg.with("trainees-status-removed", &[("date", date(at))]),
            (None, true) => msg.with("trainees-status-paused", &[("date", date(t.paused_until))]),
            (None, false) => msg.get("trainees-status-active"),
        };
        let added = msg.with("trainees-added-on", &[("date", date(t.added_at))]);
        println!("{}  {}  {added}  {status}", t.id, pad(&printable(&t.name, 32), 32));
    }
    Ok(())
}

/// Ask for a new PIN for `name` (prompt `prompt_id`): twice, without echo, at a terminal; one
/// line when the input is piped.
fn new_pin(msg: &Messages, prompt_id: &str, name: &str) -> Result<Pin, Failure> {
    let typed = read_pin(&msg.with(prompt_id, &[("name", printable(name, 40).into())]))?;
    let pin = Pin::parse(&typed).map_err(|e| Failure::input(e.to_string()))?;
    if std::io::stdin().is_terminal() {
        let again = read_pin(&msg.get("trainees-pin-again"))?;
        if Pin::parse(&again).ok() != Some(pin.clone()) {
            return Err(Failure::input(msg.get("trainees-pins-differ")));
        }
    }
    Ok(pin)
}

/// Read a PIN: without echo at a terminal, else one line of standard input.
pub(crate) fn read_pin(prompt: &str) -> Result<String, Failure> {
    if std::io::stdin().is_terminal() {
        return rpassword::prompt_password(prompt).map_err(|e| Failure::input(format!("cannot read the PIN: {e}")));
    }
    // Piped input (scripts, tests) gets no prompt: there is nobody to read it.
    let mut line = String::new();
    // A PIN is a few digits: a longer line is cut, never read whole into memory.
    std::io::stdin()
        .lock()
        .take(256)
        .read_line(&mut line)
        .map_err(|e| Failure::input(format!("cannot read the PIN: {e}")))?;
    Ok(line.trim_end_matches(['\r', '\n']).to_string())
}
