//! Debrief: the total, the three category scores as bars, outcome and satisfaction, every
//! rule's verdict with the quoted turn and the tip, the annotated transcript; retry, or replay
//! the same conversation with the best path shown.

use bevy::input::keyboard::KeyboardInput;
use bevy::prelude::*;
use bevy::ui_widgets::Activate;

use super::picker::seed;
use super::{Screen, pressed};
use crate::game::play::{Finished, SaveState, Selected};
use crate::game::theme::{self, UiFont};
use crate::game::{Launch, Locale};
use crate::l10n::Arg;
use crate::score::Verdict;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(OnEnter(Screen::Debrief), spawn)
        .add_systems(Update, (keys, show_save_state, replay_when_found).run_if(in_state(Screen::Debrief)))
        .add_observer(on_activate);
}

/// What a debrief button does.
#[derive(Component, Debug, Clone, Copy, PartialEq, Eq)]
pub enum DebriefAction {
    /// Same scenario and mode, a new seed.
    Retry,
    /// The same conversation (same seed) with the best path marked.
    ReplayBest,
    /// Back to the picker.
    Picker,
}

fn spawn(mut commands: Commands, font: Res<UiFont>, finished: Option<Res<Finished>>, locale: Res<Locale>) {
    let root = commands.spawn(theme::screen_root(Screen::Debrief)).id();
    let Some(f) = finished else {
        commands.spawn((theme::text(&font, locale.get("debrief-nothing"), 16.0, theme::WARN), ChildOf(root)));
        commands.spawn((theme::button(&font, locale.get("debrief-back"), DebriefAction::Picker), ChildOf(root)));
        return;
    };
    let msg = &f.play.msg;
    let s = &f.play.entry.scenario;
    let card = &f.card;
    let book = &f.play.entry.rubric.rulebook;
    commands.spawn((
        theme::heading(&font, msg.with("debrief-title", &[("title", s.title.as_str().into())]), 28.0),
        ChildOf(root),
    ));
    let total = msg.with("debrief-total-score", &[("total", Arg::Decimal(card.total, 0))]);
    commands.spawn((theme::heading(&font, total, 28.0), ChildOf(root)));
    if let Some(line) = crate::report::cap_line(msg, card) {
        let words = msg.with("debrief-total-capped", &[("capped", line.into())]);
        commands.spawn((theme::text(&font, words, 16.0, theme::WARN), ChildOf(root)));
    }
    let outcome = card.outcome.map_or_else(|| msg.get("outcome-unfinished"), |o| crate::report::outcome_words(msg, o));
    let sat = card.satisfaction.map_or_else(|| "-".into(), |v| format!("{v}/100"));
    let summary =
        s.endings.iter().find(|e| Some(&e.id) == card.ending.as_ref()).map_or(String::new(), |e| e.summary.clone());
    let words = msg.with(
        "debrief-outcome-line",
        &[("outcome", outcome.into()), ("satisfaction", sat.into()), ("summary", summary.into())],
    );
    commands.spawn((theme::text(&font, words, 16.0, theme::TEXT), ChildOf(root)));
    let (words, color) = save_line(msg, &f.saved);
    commands.spawn((theme::text(&font, words, 14.0, color), SaveLine, ChildOf(root)));
    commands.spawn((theme::text(&font, "", 14.0, theme::MUTED), FindingLine, ChildOf(root)));
    let buttons = commands.spawn((theme::row(10.0), ChildOf(root))).id();
    commands.spawn((
        theme::button(&font, msg.get("debrief-retry"), DebriefAction::Retry),
        bevy::input_focus::AutoFocus,
        ChildOf(buttons),
    ));
    commands.spawn((theme::button(&font, msg.get("debrief-replay-best"), DebriefAction::ReplayBest), ChildOf(buttons)));
    commands.spawn((theme::button(&font, msg.get("debrief-back-esc"), DebriefAction::Picker), ChildOf(buttons)));

    let bars = commands.spawn((theme::panel(), ChildOf(root))).id();
    for c in &book.categories {
        let value = card.categories.get(&c.id).copied().flatten();
        let words = match value {
            Some(v) => {
                msg.with("debrief-category", &[("title", c.title.as_str().into()), ("score", Arg::Decimal(v, 0))])
            }
            None => msg.with("debrief-category-na", &[("title", c.title.as_str().into())]),
        };
        commands.spawn((theme::text(&font, words, 16.0, theme::TEXT), ChildOf(bars)));
        commands.spawn((
            Node {
                width: Val::Px(420.0),
                max_width: Val::Percent(100.0),
                height: Val::Px(14.0),
                border: UiRect::all(Val::Px(1.0)),
                ..default()
            },
            BorderColor::all(theme::MUTED),
            ChildOf(bars),
            children![(
                Node { width: Val::Percent(value.unwrap_or(0.0) as f32), height: Val::Percent(100.0), ..default() },
                BackgroundColor(theme::meter_color(value.unwrap_or(0.0) as i32)),
            )],
        ));
    }

    let rules = commands.spawn((theme::panel(), ChildOf(root))).id();
    commands.spawn((theme::heading(&font, msg.get("debrief-rule-by-rule"), 20.0), ChildOf(rules)));
    for r in &card.rules {
        let (id, color) = match r.verdict {
            Verdict::Pass => ("debrief-rule-kept", theme::GOOD),
            Verdict::Fail => ("debrief-rule-broken", theme::BAD),
            Verdict::NotApplicable => ("debrief-rule-na", theme::MUTED),
        };
        let family = book.categories.iter().find(|c| c.id == r.category).map_or("", |c| c.title.as_str());
        let words = msg.with(
            id,
            &[("rule", r.title.as_str().into()), ("family", family.into()), ("practice", r.practice.as_str().into())],
        );
        commands.spawn((theme::text(&font, words, 16.0, color), ChildOf(rules)));
        let quote = |e: &crate::score::Evidence| {
            msg.with("debrief-evidence", &[("turn", e.turn.into()), ("reply", e.reply.as_str().into())])
        };
        let mut detail = format!("    {}", r.note);
        if r.breaches.is_empty()
            && let Some(e) = &r.evidence
        {
            detail.push_str(&format!(" \u{2014} {}", quote(e)));
        }
        for e in &r.breaches {
            detail.push_str(&format!("\n    {}", quote(e)));
        }
        commands.spawn((theme::text(&font, detail, 14.0, theme::MUTED), ChildOf(rules)));
        if let Some(tip) = &r.tip {
            let words = msg.with("conversation-tip", &[("tip", tip.as_str().into())]);
            commands.spawn((theme::text(&font, format!("    {words}"), 14.0, theme::TEXT), ChildOf(rules)));
        }
    }

    let t = commands.spawn((theme::panel(), ChildOf(root))).id();
    commands.spawn((theme::heading(&font, msg.get("debrief-transcript-heading"), 20.0), ChildOf(t)));
    let transcript = f.play.session.transcript();
    for (i, turn) in transcript.turns.iter().enumerate() {
        let n = i + 1;
        let node = &s.nodes[turn.node as usize];
        let said = node.says.get(usize::from(turn.line)).map_or(String::new(), |l| s.fill(&l.text, &transcript.facts));
        let reply = &node.replies[usize::from(turn.reply)];
        let words =
            msg.with("debrief-customer-said", &[("name", s.customer.name.as_str().into()), ("line", said.into())]);
        commands.spawn((theme::text(&font, words, 14.0, theme::MUTED), ChildOf(t)));
        let reply = s.fill(&reply.text, &transcript.facts);
        let words = match turn.millis {
            Some(ms) => msg.with(
                "debrief-you-said-timed",
                &[("turn", n.into()), ("seconds", Arg::Decimal(f64::from(ms) / 1000.0, 1)), ("reply", reply.into())],
            ),
            None => msg.with("debrief-you-said", &[("turn", n.into()), ("reply", reply.into())]),
        };
        commands.spawn((theme::text(&font, words, 14.0, theme::TEXT), ChildOf(t)));
        let marks: Vec<String> = card
            .rules
            .iter()
            .filter(|r| r.evidence.as_ref().is_some_and(|e| usize::from(e.turn) == n))
            .map(|r| {
                let id = if r.verdict == Verdict::Pass { "debrief-mark-kept" } else { "debrief-mark-broke" };
                msg.with(id, &[("rule", r.title.as_str().into())])
            })
            .collect();
        if !marks.is_empty() {
            let color =
                if card.rules.iter().any(|r| {
                    r.verdict == Verdict::Fail && r.evidence.as_ref().is_some_and(|e| usize::from(e.turn) == n)
                }) {
                    theme::BAD
                } else {
                    theme::GOOD
                };
            commands.spawn((theme::text(&font, format!("    {}", marks.join("; ")), 14.0, color), ChildOf(t)));
        }
    }
    if let Some(e) = s.endings.iter().find(|e| Some(&e.id) == card.ending.as_ref()) {
        let last = transcript
            .ending
            .and_then(|(_, l)| e.says.get(usize::from(l)))
            .map_or(String::new(), |l| s.fill(&l.text, &transcript.facts));
        let words =
            msg.with("debrief-customer-said", &[("name", s.customer.name.as_str().into()), ("line", last.into())]);
        commands.spawn((theme::text(&font, words, 14.0, theme::MUTED), ChildOf(t)));
    }
}

/// The line that says whether the session is saved yet.
#[derive(Component)]
struct SaveLine;

fn save_line(msg: &crate::l10n::Messages, state: &SaveState) -> (String, Color) {
    match state {
        SaveState::Saving => (msg.get("saving"), theme::MUTED),
        SaveState::Saved(words) => (words.clone(), theme::MUTED),
        SaveState::NotSaved(why) => (why.clone(), theme::WARN),
    }
}

fn show_save_state(finished: Option<Res<Finished>>, mut lines: Query<(&mut Text, &mut TextColor), With<SaveLine>>) {
    let Some(f) = finished.filter(|f| f.is_changed()) else { return };
    let (words, color) = save_line(&f.play.msg, &f.saved);
    for (mut text, mut text_color) in &mut lines {
        text.0.clone_from(&words);
        text_color.0 = color;
    }
}

/// The best-path search for "replay with the best path shown", on the compute task pool.
#[derive(Resource)]
struct FindingBest {
    task: bevy::tasks::Task<Option<Vec<usize>>>,
    entry: crate::library::Entry,
    seed: u64,
}

#[derive(Component)]
struct FindingLine;

/// Once the best path is found, start the guided replay (practice, same seed).
fn replay_when_found(
    mut commands: Commands,
    finding: Option<ResMut<FindingBest>>,
    mut next: ResMut<NextState<Screen>>,
    mut redraw: MessageWriter<bevy::window::RequestRedraw>,
    mut lines: Query<&mut Text, With<FindingLine>>,
    msg: Res<Locale>,
) {
    let Some(mut finding) = finding else { return };
    let Some(guide) = crate::game::poll(&mut finding.task, &mut redraw) else {
        for mut line in &mut lines {
            if line.0.is_empty() {
                line.0 = msg.get("debrief-finding-best");
            }
        }
        return;
    };
    let (entry, seed) = (finding.entry.clone(), finding.seed);
    commands.remove_resource::<FindingBest>();
    // The same conversation with the answers shown is practice, whatever the first was.
    commands.insert_resource(Selected { entry, mode: crate::records::Mode::Practice, seed, guide });
    next.set(Screen::Briefing);
}

fn act(
    action: DebriefAction,
    commands: &mut Commands,
    finished: Option<&Finished>,
    launch: &Launch,
    next: &mut NextState<Screen>,
) {
    let Some(f) = finished else {
        next.set(Screen::Picker);
        return;
    };
    // Sessions start from the library's English entry; the briefing and play translate it.
    let entry = f.play.source.clone();
    match action {
        DebriefAction::Retry => {
            commands.insert_resource(Selected {
                entry,
                mode: f.play.mode,
                seed: seed(launch, f.play.mode),
                guide: None,
            });
            next.set(Screen::Briefing);
        }
        DebriefAction::ReplayBest => {
            let facts = f.play.session.transcript().facts.clone();
            let seed = f.play.session.transcript().seed;
            let (scenario, rubric) = (entry.scenario.clone(), entry.rubric.clone());
            let task = bevy::tasks::AsyncComputeTaskPool::get().spawn(async move {
                crate::analyze::extremes(&scenario, &rubric, Some(&facts)).ok().map(|x| x.best_path)
            });
            commands.insert_resource(FindingBest { task, entry, seed });
        }
        DebriefAction::Picker => next.set(Screen::Picker),
    }
}

fn keys(
    mut keys: MessageReader<KeyboardInput>,
    mut commands: Commands,
    finished: Option<Res<Finished>>,
    launch: Res<Launch>,
    mut next: ResMut<NextState<Screen>>,
) {
    for k in pressed(&mut keys) {
        let action = match k.key_code {
            KeyCode::KeyR => DebriefAction::Retry,
            KeyCode::KeyB => DebriefAction::ReplayBest,
            KeyCode::Escape => DebriefAction::Picker,
            _ => continue,
        };
        act(action, &mut commands, finished.as_deref(), &launch, &mut next);
    }
}

fn on_activate(
    ev: On<Activate>,
    actions: Query<&DebriefAction>,
    mut commands: Commands,
    finished: Option<Res<Finished>>,
    launch: Res<Launch>,
    mut next: ResMut<NextState<Screen>>,
) {
    if let Ok(a) = actions.get(ev.entity) {
        act(*a, &mut commands, finished.as_deref(), &launch, &mut next);
    }
}
