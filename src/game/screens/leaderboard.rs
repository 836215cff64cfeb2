//! Leaderboard: this month's best-employee ranking (the same formula as `rehearse report`)
//! and the signed-in trainee's own history of sessions.

use bevy::input::keyboard::KeyboardInput;
use bevy::prelude::*;
use bevy::ui_widgets::Activate;

use super::{Screen, pressed};
use crate::game::content::Content;
use crate::game::play::Trainee;
use crate::game::theme::{self, UiFont};
use crate::game::{Launch, Locale};
use crate::l10n::{Arg, Messages};
use crate::records::{Month, Store, Stored, printable};
use crate::report::ranking::{self, Formula, Ranking, Row};

pub(super) fn plugin(app: &mut App) {
    app.add_systems(OnEnter(Screen::Leaderboard), spawn)
        .add_systems(Update, (keys, show_loaded).run_if(in_state(Screen::Leaderboard)))
        .add_observer(on_activate);
}

/// What a leaderboard button does.
#[derive(Component, Debug, Clone, Copy, PartialEq, Eq)]
pub enum LeaderboardAction {
    /// Back to the scenarios.
    Back,
}

/// Sessions of the trainee's history shown.
const HISTORY: usize = 12;

/// This month's ranking from the launch's database.
fn this_month(launch: &Launch) -> Result<Ranking, String> {
    let month = Month::now();
    let mut store = Store::open(&launch.db).map_err(|e| e.to_string())?;
    let this = store.summaries(month.start_ms(), month.end_ms()).map_err(|e| e.to_string())?;
    let before = store.summaries(month.previous().start_ms(), month.start_ms()).map_err(|e| e.to_string())?;
    Ok(ranking::rank(month, &this, &before, &Formula::default()))
}

fn row_text(msg: &Messages, row: &Row, scenarios: usize) -> String {
    let rank = if row.rank == 0 { "–".to_string() } else { format!("{}.", row.rank) };
    let change = row.change.map_or_else(
        || msg.get("board-new"),
        |c| {
            msg.with(
                "board-change",
                &[("change", format!("{}{}", if c >= 0.0 { "+" } else { "" }, msg.number(c, 1)).into())],
            )
        },
    );
    let stats = msg.with(
        "board-row",
        &[
            ("sessions", row.sessions.into()),
            ("covered", row.scenarios_covered.into()),
            ("scenarios", scenarios.into()),
            ("change", change.into()),
            ("retained", Arg::Decimal(row.retained * 100.0, 0)),
        ],
    );
    format!("{rank} {}   {}   {stats}", printable(&row.trainee, 40), msg.number(row.score, 1))
}

/// The board and history being read on the I/O task pool.
#[derive(Resource)]
struct Loading(bevy::tasks::Task<Loaded>);

/// What the leaderboard shows, read off the main thread.
struct Loaded {
    board: Result<Ranking, String>,
    history: Result<Vec<Stored>, String>,
}

#[derive(Component)]
struct BoardPanel;

#[derive(Component)]
struct HistoryPanel;

fn spawn(
    mut commands: Commands,
    font: Res<UiFont>,
    launch: Res<Launch>,
    trainee: Option<Res<Trainee>>,
    msg: Res<Locale>,
) {
    let root = commands.spawn(theme::screen_root(Screen::Leaderboard)).id();
    let header = commands.spawn((theme::row(16.0), ChildOf(root))).id();
    let month = Month::now();
    let heading = msg.with("board-heading", &[("month", month.to_string().into())]);
    commands.spawn((theme::heading(&font, heading, 28.0), ChildOf(header)));
    commands.spawn((
        theme::button(&font, msg.get("debrief-back-esc"), LeaderboardAction::Back),
        bevy::input_focus::AutoFocus,
        ChildOf(header),
    ));
    let me = trainee.map(|t| t.name.clone()).unwrap_or_default();
    commands.spawn((theme::panel(), BoardPanel, ChildOf(root))).with_child(theme::text(
        &font,
        msg.get("board-loading"),
        16.0,
        theme::MUTED,
    ));
    let heading = msg.with("board-your-sessions", &[("name", printable(&me, 40).into())]);
    commands.spawn((theme::heading(&font, heading, 20.0), ChildOf(root)));
    commands.spawn((theme::panel(), HistoryPanel, ChildOf(root))).with_child(theme::text(
        &font,
        msg.get("picker-loading-sessions"),
        16.0,
        theme::MUTED,
    ));
    let launch = launch.clone();
    let task = bevy::tasks::IoTaskPool::get()
        .spawn(async move { Loaded { board: this_month(&launch), history: launch.history(&me) } });
    commands.insert_resource(Loading(task));
}

/// Once the board and history are read, show them (the window keeps drawing meanwhile).
#[allow(clippy::too_many_arguments)]
fn show_loaded(
    mut commands: Commands,
    font: Res<UiFont>,
    content: Res<Content>,
    trainee: Option<Res<Trainee>>,
    msg: Res<Locale>,
    loading: Option<ResMut<Loading>>,
    board: Query<Entity, With<BoardPanel>>,
    history: Query<Entity, With<HistoryPanel>>,
    mut redraw: MessageWriter<bevy::window::RequestRedraw>,
) {
    let Some(mut loading) = loading else { return };
    let Some(loaded) = crate::game::poll(&mut loading.0, &mut redraw) else { return };
    commands.remove_resource::<Loading>();
    let me = trainee.map(|t| t.name.clone()).unwrap_or_default();
    if let Ok(panel) = board.single() {
        commands.entity(panel).despawn_related::<Children>();
        fill_board(&mut commands, &font, &msg, panel, &loaded.board, &me);
    }
    if let Ok(panel) = history.single() {
        commands.entity(panel).despawn_related::<Children>();
        fill_history(&mut commands, &font, &msg, panel, &loaded.history, &content);
    }
}

fn fill_board(
    commands: &mut Commands,
    font: &UiFont,
    msg: &Messages,
    board: Entity,
    ranking: &Result<Ranking, String>,
    me: &str,
) {
    let r = match ranking {
        Err(why) => {
            commands.spawn((theme::text(font, why.clone(), 16.0, theme::WARN), ChildOf(board)));
            return;
        }
        Ok(r) => r,
    };
    let rule = msg.with(
        "board-formula",
        &[
            ("scenarios", r.scenarios.len().into()),
            ("sessions", r.min_sessions.into()),
            ("target", Arg::Decimal(r.retained_target * 100.0, 0)),
        ],
    );
    commands.spawn((theme::text(font, rule, 14.0, theme::MUTED), ChildOf(board)));
    if r.ranking.is_empty() {
        commands.spawn((theme::text(font, msg.get("board-nobody"), 16.0, theme::TEXT), ChildOf(board)));
    }
    for row in r.ranking.iter().take(10).chain(r.ranking.iter().skip(10).filter(|row| row.trainee == me)) {
        let colour = if row.trainee == me { theme::FOCUS } else { theme::TEXT };
        commands.spawn((theme::text(font, row_text(msg, row, r.scenarios.len()), 16.0, colour), ChildOf(board)));
    }
    if let Some(row) = r.unqualified.iter().find(|row| row.trainee == me) {
        let words = msg.with(
            "board-you-unranked",
            &[
                ("row", row_text(msg, row, r.scenarios.len()).into()),
                ("more", r.min_sessions.saturating_sub(row.sessions).into()),
            ],
        );
        commands.spawn((theme::text(font, words, 16.0, theme::FOCUS), ChildOf(board)));
    }
}

fn fill_history(
    commands: &mut Commands,
    font: &UiFont,
    msg: &Messages,
    history: Entity,
    list: &Result<Vec<Stored>, String>,
    content: &Content,
) {
    let list = match list {
        Err(why) => {
            commands.spawn((theme::text(font, why.clone(), 16.0, theme::WARN), ChildOf(history)));
            return;
        }
        Ok(list) if list.is_empty() => {
            commands.spawn((theme::text(font, msg.get("board-no-sessions"), 16.0, theme::MUTED), ChildOf(history)));
            return;
        }
        Ok(list) => list,
    };
    for s in list.iter().take(HISTORY) {
        let r = &s.record;
        let mode = msg.get(match r.mode {
            crate::records::Mode::Practice => "mode-practice",
            crate::records::Mode::Assessment => "mode-assessment",
        });
        let outcome = r.outcome.map_or_else(|| msg.get("outcome-unfinished"), |o| crate::report::outcome_words(msg, o));
        let words = format!(
            "{}   {}   {mode}   {}/100   {outcome}",
            crate::records::format_ms_in(msg.lang(), r.finished_at),
            printable(&content.title_of(&r.scenario, msg.lang()), 48),
            msg.number(r.total, 0),
        );
        commands.spawn((theme::text(font, words, 14.0, theme::TEXT), ChildOf(history)));
    }
    if list.len() > HISTORY {
        let more = msg.with("board-more", &[("count", (list.len() - HISTORY).into())]);
        commands.spawn((theme::text(font, more, 14.0, theme::MUTED), ChildOf(history)));
    }
}

fn keys(mut keys: MessageReader<KeyboardInput>, mut next: ResMut<NextState<Screen>>) {
    if pressed(&mut keys).iter().any(|k| k.key_code == KeyCode::Escape) {
        next.set(Screen::Picker);
    }
}

fn on_activate(ev: On<Activate>, actions: Query<&LeaderboardAction>, mut next: ResMut<NextState<Screen>>) {
    if let Ok(LeaderboardAction::Back) = actions.get(ev.entity) {
        next.set(Screen::Picker);
    }
}
