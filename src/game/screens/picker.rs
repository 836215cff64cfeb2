//! Scenario picker: a card per scenario (title, difficulty, skills, the trainee's best score),
//! practice or assessment; scenarios with errors are listed with their errors, not playable.

use bevy::input::keyboard::KeyboardInput;
use bevy::prelude::*;
use bevy::ui_widgets::Activate;

use super::{Screen, pressed};
use crate::game::content::Content;
use crate::game::play::{Selected, Trainee};
use crate::game::theme::{self, UiFont};
use crate::game::{Launch, Locale};
use crate::l10n::Messages;
use crate::library::Entry;
use crate::records::Mode;

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<Progress>()
        .add_systems(OnEnter(Screen::Picker), (open_launch_scenario, load_progress, spawn).chain())
        .add_systems(
            Update,
            (open_launch_scenario, progress_loaded, refresh, keys).chain().run_if(in_state(Screen::Picker)),
        )
        .add_observer(on_activate);
}

/// What a picker button does.
#[derive(Component, Debug, Clone, PartialEq, Eq)]
pub enum PickerAction {
    /// Open the briefing of a scenario in a mode.
    Open(String, Mode),
    /// Back to sign-in.
    SignOut,
    /// This month's leaderboard and the trainee's history.
    Leaderboard,
}

/// The content generation and [`Progress::version`] a picker was built from.
#[derive(Component)]
struct PickerRoot(u64, u64);

/// The signed-in trainee's sessions and this month's assignment, read off the main thread.
#[derive(Resource, Default)]
struct Progress {
    /// None while being read.
    loaded: Option<Loaded>,
    /// Bumped when a read finishes, so the cards are rebuilt.
    version: u64,
}

struct Loaded {
    history: Result<Vec<crate::records::Stored>, String>,
    assigned: Vec<String>,
}

#[derive(Resource)]
struct ProgressTask(bevy::tasks::Task<Loaded>);

/// Start reading the trainee's sessions and the month's assignment on the I/O task pool.
fn load_progress(mut commands: Commands, launch: Res<Launch>, trainee: Res<Trainee>, mut progress: ResMut<Progress>) {
    progress.loaded = None;
    let (launch, name) = (launch.clone(), trainee.name.clone());
    let task = bevy::tasks::IoTaskPool::get()
        .spawn(async move { Loaded { history: launch.history(&name), assigned: launch.assigned_now() } });
    commands.insert_resource(ProgressTask(task));
}

fn progress_loaded(
    mut commands: Commands,
    task: Option<ResMut<ProgressTask>>,
    mut progress: ResMut<Progress>,
    mut redraw: MessageWriter<bevy::window::RequestRedraw>,
) {
    let Some(mut task) = task else { return };
    let Some(loaded) = crate::game::poll(&mut task.0, &mut redraw) else { return };
    commands.remove_resource::<ProgressTask>();
    progress.loaded = Some(loaded);
    progress.version += 1;
}

/// Pick a session seed: the launch seed, or a fresh random one.
/// The seed for a session: the launch's own for practice (demos, tests), else one from the
/// operating system; an assessment's always comes from the operating system.
pub(crate) fn seed(launch: &Launch, mode: crate::records::Mode) -> u64 {
    match (mode, launch.seed) {
        (crate::records::Mode::Practice, Some(seed)) => seed,
        _ => crate::engine::os_seed().unwrap_or_else(|_| rand::random()),
    }
}

fn open_launch_scenario(
    mut commands: Commands,
    mut launch: ResMut<Launch>,
    content: Res<Content>,
    trainee: Res<Trainee>,
    mut next: ResMut<NextState<Screen>>,
) {
    // An assessment needs a roster trainee signed in with their PIN; anyone else stays on the
    // picker, which says so.
    if launch.mode == Mode::Assessment && !trainee.may_be_assessed() {
        launch.scenario = None;
        return;
    }
    // `--scenario` opens its briefing once the library is there (see `refresh` for later).
    if let (Some(id), Some(lib)) = (launch.scenario.clone(), content.library.as_ref())
        && let Some(entry) = lib.entries.iter().find(|e| e.scenario.id == id)
    {
        commands.insert_resource(Selected {
            entry: entry.clone(),
            mode: launch.mode,
            seed: seed(&launch, launch.mode),
            guide: None,
        });
        launch.scenario = None;
        next.set(Screen::Briefing);
    }
}

fn spawn(
    mut commands: Commands,
    font: Res<UiFont>,
    content: Res<Content>,
    trainee: Res<Trainee>,
    progress: Res<Progress>,
    msg: Res<Locale>,
) {
    build(&mut commands, &font, &content, &trainee, &progress, &msg);
}

fn build(
    commands: &mut Commands,
    font: &UiFont,
    content: &Content,
    trainee: &Trainee,
    progress: &Progress,
    msg: &Messages,
) {
    let none = Ok(Vec::new());
    let (history, assigned) = match &progress.loaded {
        Some(l) => (&l.history, l.assigned.as_slice()),
        None => (&none, &[][..]),
    };
    let root =
        commands.spawn((theme::screen_root(Screen::Picker), PickerRoot(content.generation, progress.version))).id();
    if progress.loaded.is_none() {
        commands.spawn((theme::text(font, msg.get("picker-loading-sessions"), 14.0, theme::MUTED), ChildOf(root)));
    }
    if let Err(why) = history {
        let words = msg.with("picker-history-unreadable", &[("why", why.as_str().into())]);
        commands.spawn((theme::text(font, words, 14.0, theme::WARN), ChildOf(root)));
    }
    let header = commands.spawn((theme::row(16.0), ChildOf(root))).id();
    commands.spawn((
        theme::heading(
            font,
            msg.with("picker-hello", &[("name", crate::records::printable(&trainee.name, 40).into())]),
            28.0,
        ),
        ChildOf(header),
    ));
    commands.spawn((theme::button(font, msg.get("picker-leaderboard"), PickerAction::Leaderboard), ChildOf(header)));
    commands.spawn((theme::button(font, msg.get("picker-sign-out"), PickerAction::SignOut), ChildOf(header)));
    let modes = msg.get(if trainee.may_be_assessed() { "picker-modes" } else { "picker-modes-guest" });
    commands.spawn((theme::text(font, modes, 16.0, theme::MUTED), ChildOf(root)));
    let done = Done::of(assigned, history.as_deref().unwrap_or_default());
    if !assigned.is_empty() {
        let words = msg.with("picker-assigned", &[("done", done.0.len().into()), ("count", assigned.len().into())]);
        commands.spawn((theme::text(font, words, 16.0, theme::TEXT), ChildOf(root)));
    }
    let Some(lib) = content.library.as_ref() else {
        let words = content.problem.clone().unwrap_or_else(|| msg.get("picker-loading-scenarios"));
        commands.spawn((theme::text(font, words, 16.0, theme::WARN), ChildOf(root)));
        return;
    };
    if lib.entries.is_empty() && lib.broken.is_empty() {
        let words = msg.with("picker-no-scenarios", &[("dir", lib.dir.display().to_string().into())]);
        commands.spawn((theme::text(font, words, 16.0, theme::WARN), ChildOf(root)));
    }
    // Cards of different heights line up at the top, like a grid.
    let cards = commands.spawn((Node { align_items: AlignItems::FlexStart, ..theme::row(12.0) }, ChildOf(root))).id();
    for entry in &lib.entries {
        let best = history.as_ref().ok().and_then(|h| {
            h.iter()
                .filter(|s| s.record.scenario == entry.scenario.id)
                .map(|s| (s.record.total, s.record.mode))
                .max_by(|a, b| a.0.total_cmp(&b.0))
        });
        let assignment = assigned.contains(&entry.scenario.id).then(|| done.0.get(&entry.scenario.id).copied());
        let localized = lib.localized(entry, msg.lang()).entry;
        let shown = Card { entry: &localized, best, assignment, stale: lib.is_stale(&entry.scenario.source) };
        card(commands, font, msg, cards, &shown, trainee.may_be_assessed());
    }
    for b in lib.broken.iter().filter(|b| !lib.entries.iter().any(|e| e.scenario.source == b.file)) {
        let c = commands.spawn((card_size(), BackgroundColor(theme::PANEL), ChildOf(cards))).id();
        let name = b.id.clone().unwrap_or_else(|| b.file.display().to_string());
        commands.spawn((theme::heading(font, name, 20.0), ChildOf(c)));
        commands.spawn((theme::text(font, msg.get("picker-broken"), 16.0, theme::BAD), ChildOf(c)));
        for d in b.diagnostics.iter().filter(|d| d.is_error()).take(4) {
            commands.spawn((theme::text(font, d.to_string(), 14.0, theme::MUTED), ChildOf(c)));
        }
    }
}

fn card_size() -> Node {
    Node {
        width: Val::Px(380.0),
        max_width: Val::Percent(100.0),
        flex_direction: FlexDirection::Column,
        padding: UiRect::all(Val::Px(12.0)),
        row_gap: Val::Px(6.0),
        ..default()
    }
}

/// The trainee's assessments this month of the assigned scenarios: assigned scenario id → the
/// total of its first assessment this month, the one that counts.
struct Done(std::collections::HashMap<String, f64>);

impl Done {
    fn of(assigned: &[String], history: &[crate::records::Stored]) -> Done {
        let month = crate::records::Month::now();
        let mut done = std::collections::HashMap::new();
        // History is newest first: the last one seen is the first played.
        for s in history.iter().filter(|s| s.record.mode == Mode::Assessment && s.record.month() == month) {
            if assigned.contains(&s.record.scenario) {
                done.insert(s.record.scenario.clone(), s.record.total);
            }
        }
        Done(done)
    }
}

/// What a scenario card shows.
struct Card<'a> {
    entry: &'a Entry,
    /// The trainee's best total and the mode it was in.
    best: Option<(f64, Mode)>,
    /// Assigned this month: Some(the counting total, if assessed yet).
    assignment: Option<Option<f64>>,
    /// The file has errors and the last good version is played.
    stale: bool,
}

fn card(commands: &mut Commands, font: &UiFont, msg: &Messages, parent: Entity, shown: &Card, may_be_assessed: bool) {
    let Card { entry, best, assignment, stale } = *shown;
    let s = &entry.scenario;
    let c = commands.spawn((card_size(), BackgroundColor(theme::PANEL), ChildOf(parent))).id();
    commands.spawn((theme::heading(font, s.title.clone(), 20.0), ChildOf(c)));
    let difficulty = msg.get(match s.difficulty {
        crate::scenario::Difficulty::Easy => "difficulty-easy",
        crate::scenario::Difficulty::Medium => "difficulty-medium",
        crate::scenario::Difficulty::Hard => "difficulty-hard",
    });
    let difficulty = msg.with("picker-difficulty", &[("difficulty", difficulty.into())]);
    commands.spawn((theme::text(font, difficulty, 14.0, theme::MUTED), ChildOf(c)));
    commands.spawn((theme::text(font, s.summary.clone(), 14.0, theme::TEXT), ChildOf(c)));
    if !s.skills.is_empty() {
        let skills = msg.with("picker-skills", &[("skills", s.skills.join(&msg.get("list-separator")).into())]);
        commands.spawn((theme::text(font, skills, 14.0, theme::MUTED), ChildOf(c)));
    }
    let best = match best {
        Some((total, mode)) => msg.with(
            if mode == Mode::Assessment { "picker-best-assessment" } else { "picker-best-practice" },
            &[("total", crate::l10n::Arg::Decimal(total, 0))],
        ),
        None => msg.get("picker-best-none"),
    };
    commands.spawn((theme::text(font, best, 14.0, theme::TEXT), ChildOf(c)));
    match assignment {
        Some(Some(total)) => {
            let words = msg.with("picker-card-assessed", &[("total", crate::l10n::Arg::Decimal(total, 0))]);
            commands.spawn((theme::text(font, words, 14.0, theme::GOOD), ChildOf(c)));
        }
        Some(None) => {
            commands.spawn((theme::text(font, msg.get("picker-card-not-assessed"), 14.0, theme::WARN), ChildOf(c)));
        }
        None => {}
    }
    if stale {
        commands.spawn((theme::text(font, msg.get("picker-stale"), 14.0, theme::WARN), ChildOf(c)));
    }
    let buttons = commands.spawn((theme::row(8.0), ChildOf(c))).id();
    commands.spawn((
        theme::button(font, msg.get("picker-practice"), PickerAction::Open(s.id.clone(), Mode::Practice)),
        ChildOf(buttons),
    ));
    if may_be_assessed {
        commands.spawn((
            theme::button(font, msg.get("picker-assessment"), PickerAction::Open(s.id.clone(), Mode::Assessment)),
            ChildOf(buttons),
        ));
    }
}

/// Rebuild the cards when the library changes (hot reload).
fn refresh(
    mut commands: Commands,
    font: Res<UiFont>,
    content: Res<Content>,
    trainee: Res<Trainee>,
    progress: Res<Progress>,
    msg: Res<Locale>,
    roots: Query<(Entity, &PickerRoot)>,
) {
    let Ok((root, shown)) = roots.single() else { return };
    if (shown.0, shown.1) == (content.generation, progress.version) && !font.is_changed() {
        return;
    }
    commands.entity(root).despawn();
    build(&mut commands, &font, &content, &trainee, &progress, &msg);
}

fn keys(mut keys: MessageReader<KeyboardInput>, mut next: ResMut<NextState<Screen>>) {
    for k in pressed(&mut keys) {
        match k.key_code {
            KeyCode::Escape => next.set(Screen::SignIn),
            KeyCode::KeyL => next.set(Screen::Leaderboard),
            _ => continue,
        }
        break;
    }
}

fn on_activate(
    ev: On<Activate>,
    actions: Query<&PickerAction>,
    content: Res<Content>,
    launch: Res<Launch>,
    // Every button's activation reaches every screen's observer: the sign-in screen's come
    // before anyone is signed in.
    trainee: Option<Res<Trainee>>,
    mut commands: Commands,
    mut next: ResMut<NextState<Screen>>,
) {
    match actions.get(ev.entity) {
        Ok(PickerAction::Open(id, mode)) => {
            let Some(trainee) = trainee else { return };
            if *mode == Mode::Assessment && !trainee.may_be_assessed() {
                return;
            }
            let Some(entry) = content.library.as_ref().and_then(|l| l.entries.iter().find(|e| &e.scenario.id == id))
            else {
                return;
            };
            commands.insert_resource(Selected {
                entry: entry.clone(),
                mode: *mode,
                seed: seed(&launch, *mode),
                guide: None,
            });
            next.set(Screen::Briefing);
        }
        Ok(PickerAction::SignOut) => next.set(Screen::SignIn),
        Ok(PickerAction::Leaderboard) => next.set(Screen::Leaderboard),
        Err(_) => {}
    }
}
