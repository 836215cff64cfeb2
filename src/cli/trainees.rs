//! `rehearse trainees`: the trainer's roster of who may be assessed, and reading a PIN.

use std::io::{BufRead, IsTerminal, Read};

use rehearse::records::roster::{self, Pin, RosterError};
use rehearse::records::{Key, Store, format_ms, printable};

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

pub(crate) fn run(db: &DbArgs, command: &TraineesCommand) -> Result<u8, Failure> {
    if !matches!(command, TraineesCommand::List { .. }) {
        Key::load(db.key_file.as_deref())
            .map_err(|e| Failure::input(format!("changing the roster needs the trainer's record key: {e}")))?;
    }
    let mut store = Store::open(&db.spec()).map_err(|e| Failure::input(e.to_string()))?;
    let refused = |e: RosterError| Failure::input(e.to_string());
    match command {
        TraineesCommand::Add { name } => {
            let pin = new_pin(&format!("PIN for {}", printable(name, 40)))?;
            let t = roster::add(&mut store, name, &pin).map_err(refused)?;
            println!("added {} (id {})", printable(&t.name, 80), t.id);
        }
        TraineesCommand::List { all } => list(&mut store, *all)?,
        TraineesCommand::Remove { who } => {
            let t = roster::remove(&mut store, who).map_err(refused)?;
            println!("removed {} (id {}); their records stay", printable(&t.name, 80), t.id);
        }
        TraineesCommand::ResetPin { who } => {
            let pin = new_pin(&format!("new PIN for {}", printable(who, 40)))?;
            let t = roster::reset_pin(&mut store, who, &pin).map_err(refused)?;
            println!("new PIN set for {} (id {})", printable(&t.name, 80), t.id);
        }
        TraineesCommand::Rename { who, new_name } => {
            let t = roster::rename(&mut store, who, new_name).map_err(refused)?;
            println!("{} (id {}) is now shown as {}", printable(who, 80), t.id, printable(&t.name, 80));
        }
    }
    Ok(0)
}

fn list(store: &mut Store, all: bool) -> Result<(), Failure> {
    let roster = store.roster().map_err(|e| Failure::input(e.to_string()))?;
    let shown: Vec<_> = roster.iter().filter(|t| all || t.is_active()).collect();
    if shown.is_empty() {
        println!("the roster is empty: add trainees with `rehearse trainees add NAME`");
        return Ok(());
    }
    let now = rehearse::records::now_ms();
    for t in shown {
        let status = match (t.removed_at, t.paused_until > now) {
            (Some(at), _) => format!("removed {}", format_ms(at)),
            (None, true) => format!("paused until {} (wrong PINs)", format_ms(t.paused_until)),
            (None, false) => "active".to_string(),
        };
        println!("{}  {:<32}  added {}  {status}", t.id, printable(&t.name, 32), format_ms(t.added_at));
    }
    Ok(())
}

/// Ask for a new PIN: twice, without echo, at a terminal; one line when the input is piped.
fn new_pin(prompt: &str) -> Result<Pin, Failure> {
    let typed = read_pin(&format!("{prompt} (4–12 digits): "))?;
    let pin = Pin::parse(&typed).map_err(|e| Failure::input(e.to_string()))?;
    if std::io::stdin().is_terminal() {
        let again = read_pin("the same PIN again: ")?;
        if Pin::parse(&again).ok() != Some(pin.clone()) {
            return Err(Failure::input("the two PINs differ; nothing was changed"));
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
