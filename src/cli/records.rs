//! `rehearse report`, `rehearse records …` and `rehearse export xapi`: the stored sessions.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use rehearse::records::{self, DbSpec, Key, Month, Replayer, Store, Stored, printable};
use rehearse::report::{board, html, ranking, rules, xapi};
use rehearse::score::SCORING_VERSION;

use super::Failure;
use rehearse::l10n::{Lang, Messages};
use rehearse::library::Library;

/// Where the records are and how to check them.
#[derive(Debug, Clone, clap::Args)]
pub struct DbArgs {
    /// The session database: a SQLite file, or postgres://user:password@host/db
    /// (default: $REHEARSE_DB, else rehearse.db in the data folder).
    #[arg(long, global = true, value_name = "PATH|URL")]
    pub db: Option<std::ffi::OsString>,
    /// The trainer's record key file (default: $REHEARSE_KEY, else $REHEARSE_KEY_FILE, else
    /// rehearse.key in the data folder).
    #[arg(long, global = true, value_name = "FILE")]
    pub key_file: Option<PathBuf>,
}

impl DbArgs {
    pub fn spec(&self) -> DbSpec {
        DbSpec::choose(self.db.as_deref())
    }
}

/// Output formats of the ranking.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum Format {
    Table,
    Csv,
    Json,
    Html,
}

/// Arguments of `rehearse report`.
#[derive(Debug, clap::Args)]
pub struct ReportArgs {
    #[command(subcommand)]
    what: Option<ReportWhat>,
    /// The month, YYYY-MM (default: this month, UTC).
    #[arg(long, global = true, value_parser = parse_month)]
    month: Option<Month>,
    /// Output format (rules: table or json).
    #[arg(long, global = true, value_enum, default_value = "table")]
    format: Format,
    /// Write to this file instead of standard output.
    #[arg(long, global = true, value_name = "FILE")]
    out: Option<PathBuf>,
    /// Assessment sessions a trainee needs in the month to be ranked.
    #[arg(long, default_value_t = 3)]
    min_sessions: usize,
    /// Check every record's MAC chain first; name each edited, removed or reordered record and
    /// exit 1 if any.
    #[arg(long)]
    verify: bool,
}

#[derive(Debug, clap::Subcommand)]
enum ReportWhat {
    /// Which rules fail most, per scenario, and where in the graph trainees get lost.
    Rules,
}

/// `rehearse records …`.
#[derive(Debug, clap::Subcommand)]
pub enum RecordsCommand {
    /// Replay every stored session's seed and choices on the scenario version it was played on
    /// and flag any score that does not match (exit 1 if any).
    Rescore {
        /// Only this month.
        #[arg(long, value_parser = parse_month)]
        month: Option<Month>,
    },
    /// Load sessions from a recovery file written when the database refused them.
    Import {
        /// The recovery file (`….recovered.jsonl`).
        file: PathBuf,
    },
}

/// `rehearse export …`.
#[derive(Debug, clap::Subcommand)]
pub enum ExportCommand {
    /// xAPI 1.0.3 statements, one per session of the month: a JSON array, or sent to a
    /// Learning Record Store with --lrs. Checks the record chain with the trainer's key first.
    Xapi(XapiArgs),
}

/// Arguments of `rehearse export xapi`.
#[derive(Debug, clap::Args)]
pub struct XapiArgs {
    /// The month, YYYY-MM (default: this month, UTC).
    #[arg(long, value_parser = parse_month)]
    month: Option<Month>,
    /// Write to this file instead of standard output.
    #[arg(long, value_name = "FILE", conflicts_with = "lrs")]
    out: Option<PathBuf>,
    /// Send to this Learning Record Store's xAPI endpoint (e.g. https://lrs.example.org/xAPI).
    #[arg(long, value_name = "URL", env = "REHEARSE_LRS")]
    lrs: Option<String>,
    /// The LRS user (HTTP basic auth).
    #[arg(long, value_name = "USER", env = "REHEARSE_LRS_USER", requires = "lrs")]
    user: Option<String>,
    /// The LRS password (prefer the REHEARSE_LRS_PASSWORD variable: a command line is visible
    /// to other users of the machine).
    #[arg(long, value_name = "PASSWORD", env = "REHEARSE_LRS_PASSWORD", hide_env_values = true, requires = "lrs")]
    password: Option<String>,
    /// The URL the trainees' accounts and the scenarios' activity ids live under (usually the
    /// LMS's own address).
    #[arg(long, value_name = "URL", env = "REHEARSE_HOME_PAGE", default_value = xapi::Home::DEFAULT)]
    home_page: String,
}

fn parse_month(s: &str) -> Result<Month, String> {
    s.parse().map_err(|e: records::BadMonth| e.to_string())
}

/// Arguments of `rehearse assign`.
#[derive(Debug, clap::Args)]
pub struct AssignArgs {
    /// The month, YYYY-MM.
    #[arg(long, value_parser = parse_month)]
    month: Month,
    /// Scenario ids to assign (replacing the month's assignment); none: show it.
    #[arg(value_name = "SCENARIO")]
    ids: Vec<String>,
    /// Remove the month's assignment (the ranking goes back to every scenario assessed).
    #[arg(long, conflicts_with = "ids")]
    clear: bool,
}

/// `rehearse assign`: set, clear or show a month's scenarios. Changing them needs the trainer's
/// record key (a trainee at the station without it cannot choose what the ranking counts).
pub(crate) fn assign(dir: &Path, db: &DbArgs, args: &AssignArgs, lang: Lang) -> Result<u8, Failure> {
    let msg = Messages::new(lang);
    let month = args.month.to_string();
    let with_month =
        |id: &str, ids: &[String]| msg.with(id, &[("month", month.as_str().into()), ("ids", ids.join(" ").into())]);
    if args.ids.is_empty() && !args.clear {
        let assigned = open(db)?.assignments(&month).map_err(fail)?;
        if assigned.is_empty() {
            println!("{}", with_month("assign-none", &assigned));
        } else {
            println!("{}", with_month("assign-shown", &assigned));
        }
        return Ok(0);
    }
    Key::load(db.key_file.as_deref())
        .map_err(|e| Failure::input(msg.with("assign-needs-key", &[("why", e.to_string().into())])))?;
    let lib = super::open_library(dir)?;
    let mut ids = Vec::new();
    for id in &args.ids {
        let entry = lib.find(id).map_err(|e| Failure::input(e.to_string()))?;
        if entry.scenario.id != *id {
            return Err(Failure::input(msg.with("assign-by-id", &[("id", entry.scenario.id.as_str().into())])));
        }
        ids.push(entry.scenario.id.clone());
    }
    ids.sort();
    ids.dedup();
    open(db)?.assign(&month, &ids).map_err(fail)?;
    if ids.is_empty() {
        println!("{}", with_month("assign-cleared", &ids));
    } else {
        println!("{}", with_month("assign-set", &ids));
    }
    Ok(0)
}

fn open(db: &DbArgs) -> Result<Store, Failure> {
    Store::open(&db.spec()).map_err(|e| Failure::input(e.to_string()))
}

fn fail(e: impl std::fmt::Display) -> Failure {
    Failure::input(e.to_string())
}

fn emit(out: Option<&Path>, text: &str) -> Result<(), Failure> {
    match out {
        Some(path) => {
            std::fs::write(path, text).map_err(|e| Failure::input(format!("cannot write {}: {e}", path.display())))
        }
        None => {
            print!("{text}");
            Ok(())
        }
    }
}

pub(crate) fn report(dir: &Path, db: &DbArgs, args: &ReportArgs, lang: Lang) -> Result<u8, Failure> {
    let msg = Messages::new(lang);
    // Category titles and order, and scenario titles, for people come from the library in the
    // report's language (ids when it cannot be read).
    let lib = rehearse::library::Library::load(dir).ok();
    let titled = |r: ranking::Ranking| match &lib {
        Some(l) => r.titled(&l.rulebook_in(lang)).with_scenario_titles(|id| {
            l.entries.iter().find(|e| e.scenario.id == id).map(|e| l.localized(e, lang).entry.scenario.title.clone())
        }),
        None => r,
    };
    let month = args.month.unwrap_or_else(Month::now);
    let mut store = open(db)?;
    if args.verify {
        match verify_chain(&mut store, db)? {
            Verified::Intact(all) => {
                eprintln!("rehearse: verified: all {} record(s) in {} are intact", all.len(), db.spec());
            }
            Verified::Changed => return Ok(1),
        }
    }
    if let Some(ReportWhat::Rules) = args.what {
        let list = store.records(Some((month.start_ms(), month.end_ms()))).map_err(fail)?;
        let analysed = rules::analyse(&mut store, &list);
        let text = match args.format {
            Format::Json => {
                serde_json::to_string_pretty(&serde_json::json!({"month": month.to_string(), "scenarios": analysed}))
                    .unwrap_or_default()
            }
            Format::Table => {
                // Scenario and rule titles in the report's language (ids when the library
                // cannot be read or no longer has them).
                let mut analysed = analysed;
                let book = lib.as_ref().map(|l| l.rulebook_in(lang));
                if let Some(l) = &lib {
                    for s in &mut analysed {
                        if let Some(e) = l.entries.iter().find(|e| e.scenario.id == s.scenario) {
                            s.title = l.localized(e, lang).entry.scenario.title.clone();
                        }
                    }
                }
                let rule_title =
                    |id: &str| book.as_ref().and_then(|b| b.rules.iter().find(|r| r.id == id)).map(|r| r.title.clone());
                rules::table(&msg, &month.to_string(), &analysed, &rule_title)
            }
            Format::Csv | Format::Html => return Err(Failure::input("`report rules` prints --format table or json")),
        };
        emit(args.out.as_deref(), &text)?;
        return Ok(0);
    }
    let assigned = store.assignments(&month.to_string()).map_err(fail)?;
    let formula = ranking::Formula { min_sessions: args.min_sessions, assigned };
    let text = match args.format {
        Format::Html => {
            // Six months of scores for the trend; the last one is the ranked month.
            let mut months = vec![month];
            for _ in 0..5 {
                months.insert(0, months[0].previous());
            }
            let first = months[0];
            let all = store.summaries(first.previous().start_ms(), month.end_ms()).map_err(fail)?;
            let of =
                |m: Month| all.iter().filter(|s| Month::of_millis(s.finished_at) == m).cloned().collect::<Vec<_>>();
            let r = ranking::rank(month, &of(month), &of(month.previous()), &formula);
            // The ranked month's scores are the ranking's own rows; earlier months are scored once each.
            let ranked: HashMap<String, f64> =
                r.ranking.iter().chain(&r.unqualified).map(|row| (row.trainee.clone(), row.score)).collect();
            let mut trend: Vec<(Month, HashMap<String, f64>)> =
                months[..5].iter().map(|&m| (m, ranking::scores(&of(m)))).collect();
            trend.push((month, ranked));
            html::html(&msg, &titled(r), &trend)
        }
        format => {
            let this = store.summaries(month.start_ms(), month.end_ms()).map_err(fail)?;
            let before = store.summaries(month.previous().start_ms(), month.start_ms()).map_err(fail)?;
            let r = ranking::rank(month, &this, &before, &formula);
            match format {
                Format::Csv => board::csv(&r),
                Format::Json => board::json(&r) + "\n",
                _ => board::table(&msg, &titled(r)),
            }
        }
    };
    emit(args.out.as_deref(), &text)?;
    Ok(0)
}

pub(crate) fn records(db: &DbArgs, cmd: &RecordsCommand) -> Result<u8, Failure> {
    match cmd {
        RecordsCommand::Rescore { month } => rescore(db, *month),
        RecordsCommand::Import { file } => import(db, file),
    }
}

fn rescore(db: &DbArgs, month: Option<Month>) -> Result<u8, Failure> {
    let mut store = open(db)?;
    let list = store.records(month.map(|m| (m.start_ms(), m.end_ms()))).map_err(fail)?;
    let mut replayer = Replayer::default();
    let (mut flagged, mut older) = (0, 0);
    for s in &list {
        let scoring = s.record.scoring();
        if scoring != SCORING_VERSION {
            older += 1;
            println!(
                "record #{} ({}): scored under scoring version {scoring}; this program scores with version \
                 {SCORING_VERSION}, so its score is not compared",
                s.seq,
                describe(s)
            );
            continue;
        }
        let problems = match replayer.replay(&mut store, s) {
            Ok(r) => records::differences(&s.record, &r.card),
            Err(e) => vec![e.to_string()],
        };
        if !problems.is_empty() {
            flagged += 1;
            println!("record #{} ({}): {}", s.seq, describe(s), problems.join("; "));
        }
    }
    println!(
        "{} session(s) replayed; {} match their stored scores, {} flagged, {} scored under older scoring rules",
        list.len() - older,
        list.len() - older - flagged,
        flagged,
        older
    );
    Ok(if flagged > 0 { 1 } else { 0 })
}

/// What checking the MAC chain found.
enum Verified {
    /// Every record checks out: here they are, in chain order.
    Intact(Vec<Stored>),
    /// Records were edited, removed or reordered (each problem was printed).
    Changed,
}

/// Check every record's MAC and the head with the trainer's key, printing each problem.
fn verify_chain(store: &mut Store, db: &DbArgs) -> Result<Verified, Failure> {
    let key = Key::load(db.key_file.as_deref())
        .map_err(|e| Failure::input(format!("checking the records needs the trainer's record key: {e}")))?;
    let all = store.records(None).map_err(fail)?;
    let problems = records::verify(&key, &all, store.head().map_err(fail)?.as_ref());
    if problems.is_empty() {
        return Ok(Verified::Intact(all));
    }
    for p in &problems {
        eprintln!("rehearse: {p}");
    }
    eprintln!("rehearse: {} problem(s) in {}: the records were changed outside rehearse", problems.len(), db.spec());
    Ok(Verified::Changed)
}

fn describe(s: &Stored) -> String {
    format!(
        "{}, {}, {}",
        printable(&s.record.trainee, 40),
        printable(&s.record.scenario, 40),
        records::format_ms(s.record.finished_at)
    )
}

fn import(db: &DbArgs, file: &Path) -> Result<u8, Failure> {
    let (sessions, bad) =
        records::read_recovery(file).map_err(|e| Failure::input(format!("cannot read the recovery file {e}")))?;
    for b in &bad {
        eprintln!("rehearse: skipping {b}");
    }
    // Only the trainer loads sessions into the chain: a recovery file is plain text anyone
    // at the station could write.
    let key = Key::load(db.key_file.as_deref())
        .map_err(|e| Failure::input(format!("importing sessions needs the trainer's record key: {e}")))?;
    let mut store = open(db)?;
    store.save_all(&sessions, &key).map_err(fail)?;
    println!("imported {} session(s) from {} into {}", sessions.len(), file.display(), db.spec());
    if bad.is_empty() {
        let done = file.with_extension("jsonl.imported");
        if std::fs::rename(file, &done).is_ok() {
            println!("renamed the recovery file to {} so it is not imported twice", done.display());
        }
    }
    Ok(if bad.is_empty() { 0 } else { 1 })
}

pub(crate) fn export(dir: &Path, db: &DbArgs, cmd: &ExportCommand) -> Result<u8, Failure> {
    let ExportCommand::Xapi(args) = cmd;
    let month = args.month.unwrap_or_else(Month::now);
    let home = xapi::Home::parse(&args.home_page).map_err(Failure::input)?;
    let lrs = match &args.lrs {
        Some(url) => Some(rehearse::lrs::Lrs::new(url, args.user.as_deref(), args.password.as_deref()).map_err(fail)?),
        None => None,
    };
    let mut store = open(db)?;
    // Records that were changed outside rehearse are not sent on as if they were true.
    let all = match verify_chain(&mut store, db)? {
        Verified::Intact(all) => all,
        Verified::Changed => {
            eprintln!("rehearse: nothing was exported; run `rehearse report --verify` to see the changes");
            return Ok(1);
        }
    };
    // The month's records, from the ones just verified (not read a second time).
    let (from, to) = (month.start_ms(), month.end_ms());
    let list: Vec<&Stored> = all.iter().filter(|s| (from..to).contains(&s.record.finished_at)).collect();
    let mut versions = Replayer::default();
    // Translations of titles and summaries, from the library (none when it cannot be read).
    let lib = rehearse::library::Library::load(dir).ok();
    let statements: Vec<xapi::Statement> = list
        .iter()
        .map(|s| {
            // Titles from the version played, so a later edit never changes a sent statement.
            let described =
                versions.entry(&mut store, &s.record).map(|e| describe_scenario(&e, lib.as_ref())).unwrap_or_default();
            xapi::statement(s, &home, &described)
        })
        .collect();
    let Some(lrs) = lrs else {
        let text = serde_json::to_string_pretty(&statements).unwrap_or_default() + "\n";
        emit(args.out.as_deref(), &text)?;
        if args.out.is_some() {
            eprintln!("rehearse: wrote {} xAPI statement(s) for {month}", statements.len());
        }
        return Ok(0);
    };
    match lrs.send(&statements) {
        Ok(sent) => {
            println!(
                "sent {} xAPI statement(s) for {month} to {} in {} batch(es): {} new, {} already there",
                statements.len(),
                lrs.url(),
                sent.batches,
                sent.stored,
                sent.already
            );
            Ok(0)
        }
        Err(e) => {
            let before = e.sent_before();
            eprintln!("rehearse: {e}");
            eprintln!(
                "rehearse: {} statement(s) were delivered before it stopped; nothing is lost: the records stay in {}, \
                 and sending again sends only what the LRS does not have",
                before.stored + before.already,
                db.spec()
            );
            Ok(1)
        }
    }
}

/// The scenario's title and summary as xAPI language maps: the English of the version played,
/// and each translation made from that same English (a translation of an older or newer
/// English is left out rather than sent as if it matched).
fn describe_scenario(entry: &rehearse::library::Entry, lib: Option<&Library>) -> xapi::Described {
    let map = |id: &str, english: &str| -> std::collections::BTreeMap<String, String> {
        let mut out = std::collections::BTreeMap::from([(Lang::En.xapi_tag().to_string(), english.to_string())]);
        for lang in Lang::TRANSLATED {
            if let Some(text) =
                lib.and_then(|l| l.catalog(lang, &entry.scenario.id).lookup(id, english).map(str::to_string))
            {
                out.insert(lang.xapi_tag().to_string(), text);
            }
        }
        out
    };
    xapi::Described { title: map("title", &entry.scenario.title), summary: map("summary", &entry.scenario.summary) }
}
