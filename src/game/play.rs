//! The session being played, as Bevy resources, and the game-time clock that drives the
//! core's time pressure. No rules here: every decision is the engine's or the scorer's.

use bevy::prelude::*;

use super::content::Content;
use crate::engine::{ChoiceError, Session};
use crate::l10n::Messages;
use crate::library::Entry;
use crate::records::{Mode, Record, now_ms};
use crate::score::{Feedback, Scorecard, feedback, score_in};

/// Who is signed in.
#[derive(Resource, Debug, Clone, PartialEq, Eq)]
pub struct Trainee {
    /// The name sessions are saved under.
    pub name: String,
    /// The roster entry, when they signed in with their PIN (assessments need it).
    pub signed_in: Option<crate::records::Trainee>,
}

impl Trainee {
    /// Someone who typed a name: practice only.
    pub fn guest(name: String) -> Trainee {
        Trainee { name, signed_in: None }
    }

    /// A roster trainee who gave their PIN.
    pub fn roster(t: crate::records::Trainee) -> Trainee {
        Trainee { name: t.name.clone(), signed_in: Some(t) }
    }

    /// May take assessments.
    pub fn may_be_assessed(&self) -> bool {
        self.signed_in.is_some()
    }
}

/// The scenario chosen on the picker, before it starts.
#[derive(Resource, Debug, Clone)]
pub struct Selected {
    /// The scenario and its rubric.
    pub entry: Entry,
    /// Practice or assessment.
    pub mode: Mode,
    /// The seed the session will use.
    pub seed: u64,
    /// The best path (1-based option numbers) to show as hints, for "replay with the best path".
    pub guide: Option<Vec<usize>>,
}

/// The conversation in progress.
#[derive(Resource, Debug, Clone)]
pub struct Play {
    /// The scenario and its rubric, in the language played.
    pub entry: Entry,
    /// The same in English, as the library has it (a retry starts from it again).
    pub source: Entry,
    /// The interface's messages in that language (notes, notices).
    pub msg: Messages,
    /// Ids of the scenario's texts that show in English (no usable translation): practice mode
    /// marks those lines for the trainer.
    pub fallbacks: std::collections::BTreeSet<String>,
    /// The engine's session.
    pub session: Session,
    /// Practice or assessment.
    pub mode: Mode,
    /// Best-path hints, when replaying with the best path.
    pub guide: Option<Vec<usize>>,
    /// Game time since the current line appeared, in seconds.
    pub clock: f32,
    /// Rules the last reply kept or broke (practice mode shows them).
    pub feedback: Vec<Feedback>,
    /// Meter changes of the last reply (mood, patience, trust).
    pub change: Option<[i32; 3]>,
    /// A note for the trainee (e.g. "the caller gave up"), shown once.
    pub notice: Option<String>,
    /// Bumped on every change the screen must redraw.
    pub version: u64,
    /// Content generation this session was started or last swapped at.
    pub generation: u64,
    /// Unix time (ms) the session started.
    pub started_at: i64,
}

impl Play {
    /// Start a session in the language of `msg`, with the library's translations.
    pub fn start(selected: &Selected, trainee: &str, content: &Content, msg: &Messages) -> Play {
        let localized = content.localized(&selected.entry, msg.lang());
        Play {
            session: Session::new(localized.entry.scenario.clone(), selected.seed, trainee),
            entry: localized.entry,
            source: selected.entry.clone(),
            msg: msg.clone(),
            fallbacks: localized.fallbacks,
            mode: selected.mode,
            guide: selected.guide.clone(),
            clock: 0.0,
            feedback: Vec::new(),
            change: None,
            notice: None,
            version: 0,
            generation: content.generation,
            started_at: now_ms(),
        }
    }

    /// Game time since the line appeared, in milliseconds.
    pub fn millis(&self) -> u32 {
        (self.clock.max(0.0) * 1000.0) as u32
    }

    /// Reply with the `option`-th offered reply, timed by the game clock.
    pub fn choose(&mut self, option: usize) -> Result<(), ChoiceError> {
        let before = self.session.meters_at(self.millis());
        self.session.choose_timed(option, self.millis())?;
        self.after_reply(before);
        Ok(())
    }

    /// The ringing phone's caller gave up.
    pub fn time_out(&mut self) -> bool {
        let before = self.session.meters_at(self.millis());
        if !self.session.time_out() {
            return false;
        }
        self.notice = Some(self.msg.get("notice-caller-gave-up"));
        self.after_reply(before);
        true
    }

    fn after_reply(&mut self, before: crate::engine::Meters) {
        let after = self.session.meters();
        self.change = Some([after.mood - before.mood, after.patience - before.patience, after.trust - before.trust]);
        self.feedback = feedback(&self.entry.scenario, &self.entry.rubric, self.session.transcript());
        self.clock = 0.0;
        self.version += 1;
    }

    /// The scorecard of the conversation so far.
    pub fn scorecard(&self) -> Scorecard {
        score_in(&self.msg, &self.entry.scenario, &self.entry.rubric, self.session.transcript())
    }

    /// The option the best path takes next, while the trainee has followed it.
    pub fn hint(&self) -> Option<usize> {
        let guide = self.guide.as_ref()?;
        let taken: Vec<usize> = self.session.transcript().turns.iter().map(|t| usize::from(t.option)).collect();
        guide.starts_with(&taken).then(|| guide.get(taken.len()).copied()).flatten()
    }

    /// The finished session as a record, with its scorecard.
    pub fn record(&self, card: &Scorecard) -> Record {
        Record::of(&self.entry, self.session.transcript(), card, self.mode, self.started_at)
            .in_language(self.msg.lang())
    }
}

/// The finished session, for the debrief.
#[derive(Resource, Debug, Clone)]
pub struct Finished {
    /// The session as played.
    pub play: Play,
    /// Its scorecard.
    pub card: Scorecard,
    /// Whether it is saved yet, and where it went.
    pub saved: SaveState,
}

/// Where a finished session went. Saving runs on Bevy's I/O task pool, so a locked database
/// (which a save waits up to 5 s for) never stops the window drawing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveState {
    /// Being written, off the main thread.
    Saving,
    /// Stored in the database: the message for the trainee.
    Saved(String),
    /// Not in the database: where it went instead and why (a recovery file), or why it is not
    /// saved at all (a replay with the best path shown).
    NotSaved(String),
}

/// The save in progress, polled each frame by [`finish_saving`].
#[derive(Resource)]
pub struct SaveTask(pub bevy::tasks::Task<SaveState>);

/// Save a finished session on the I/O task pool; the debrief shows "Saving…" until it is done.
pub fn save_in_background(
    commands: &mut Commands,
    msg: Messages,
    db: crate::records::DbSpec,
    key_file: Option<std::path::PathBuf>,
    record: Record,
    version: crate::records::ContentVersion,
) {
    let task = bevy::tasks::IoTaskPool::get().spawn(async move {
        match crate::records::save(&db, key_file.as_deref(), &record, &version) {
            Ok(saved @ crate::records::Saved::Stored { .. }) => SaveState::Saved(saved.message(&msg, &db)),
            Ok(saved) => SaveState::NotSaved(saved.message(&msg, &db)),
            Err(lost) => SaveState::NotSaved(msg.with("not-saved", &[("why", lost.to_string().into())])),
        }
    });
    commands.insert_resource(SaveTask(task));
}

/// Once the background save is done, put its result on the finished session.
/// While it runs the app keeps updating (a reactive window would otherwise sleep until the
/// next input), so "Saving…" turns into the result as soon as it is there.
fn finish_saving(
    mut commands: Commands,
    task: Option<ResMut<SaveTask>>,
    finished: Option<ResMut<Finished>>,
    mut redraw: MessageWriter<bevy::window::RequestRedraw>,
) {
    let Some(mut task) = task else { return };
    let Some(state) = crate::game::poll(&mut task.0, &mut redraw) else { return };
    commands.remove_resource::<SaveTask>();
    if let Some(mut finished) = finished {
        finished.saved = state;
    }
}

/// Advances the game clock and applies the engine's deadlines; swaps in edited scenarios.
pub struct PlayPlugin;

impl Plugin for PlayPlugin {
    fn build(&self, app: &mut App) {
        app.add_systems(Update, (tick, hot_swap, finish_saving));
    }
}

fn tick(time: Res<Time>, play: Option<ResMut<Play>>) {
    let Some(mut play) = play else { return };
    if play.session.is_finished() {
        return;
    }
    let clocked = play.session.under_pressure() || play.session.ring().is_some();
    if !clocked {
        return;
    }
    play.clock += time.delta_secs();
    if let Some(deadline) = play.session.deadline_ms()
        && play.millis() >= deadline
    {
        play.time_out();
    }
}

/// When the scenario being played (or its translation) is edited, replay the same seed and
/// choices on the new version so the trainer sees the edit at once; keep the old version if
/// they no longer fit.
fn hot_swap(content: Res<Content>, play: Option<ResMut<Play>>) {
    let (Some(mut play), Some(lib)) = (play, content.library.as_ref()) else { return };
    if play.generation == content.generation || play.session.is_finished() {
        return;
    }
    play.generation = content.generation;
    let Some(english) = lib.entries.iter().find(|e| e.scenario.id == play.entry.scenario.id) else { return };
    let localized = lib.localized(english, play.msg.lang());
    let entry = localized.entry;
    let t = play.session.transcript();
    let turns: Vec<(usize, Option<u32>)> = t.turns.iter().map(|x| (usize::from(x.option), x.millis)).collect();
    match Session::replay_timed(entry.scenario.clone(), t.seed, t.trainee.clone(), &turns) {
        Ok(session) => {
            let words = |s: &Session| (s.customer_says(), s.options().map(|r| r.text.clone()).collect::<Vec<_>>());
            let differs = words(&session) != words(&play.session);
            play.entry = entry;
            play.source = english.clone();
            play.fallbacks = localized.fallbacks;
            play.session = session;
            if differs {
                play.notice = Some(play.msg.get("notice-file-changed"));
            }
        }
        Err((turn, e)) => {
            let notice =
                play.msg.with("notice-file-changed-unfit", &[("turn", turn.into()), ("why", e.to_string().into())]);
            play.notice = Some(notice);
        }
    }
    play.version += 1;
}
