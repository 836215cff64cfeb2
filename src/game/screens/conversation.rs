//! Conversation: the customer's portrait, name and meters; the line revealed at reading pace
//! (Space skips); the replies as buttons (mouse, Tab/Enter, or keys 1–9); the notes panel; the
//! turn count; in practice mode, the rules the last reply kept or broke.

use bevy::input::keyboard::KeyboardInput;
use bevy::prelude::*;
use bevy::ui_widgets::Activate;
use bevy::window::RequestRedraw;

use super::{Screen, digit, pressed};
use crate::game::Launch;
use crate::game::play::{Finished, Play, SaveState, save_in_background};
use crate::game::theme::{self, UiFont};
use crate::records::Mode;
use crate::score::Verdict;

/// Characters revealed per second.
const READING_PACE: f32 = 45.0;

pub(super) fn plugin(app: &mut App) {
    app.add_message::<ChooseOption>()
        .add_message::<SkipReveal>()
        .add_message::<RequestRedraw>()
        .init_resource::<Reveal>()
        .add_systems(OnEnter(Screen::Conversation), reset)
        .add_systems(
            Update,
            (keys, handle, finish, (redraw, reveal_text).chain(), pace).chain().run_if(in_state(Screen::Conversation)),
        )
        .add_observer(on_activate);
}

/// Reply with the n-th (1-based) offered option (keys, buttons and scripts send this).
#[derive(Message, Debug, Clone, Copy, PartialEq, Eq)]
pub struct ChooseOption(pub usize);

/// Show the customer's whole line now.
#[derive(Message, Debug, Clone, Copy, PartialEq, Eq)]
pub struct SkipReveal;

/// How much of the current line is shown.
#[derive(Resource, Debug, Default)]
pub struct Reveal {
    /// Characters shown.
    pub shown: f32,
    /// Characters in the line.
    pub total: usize,
    /// The play version the line belongs to.
    pub version: Option<u64>,
    /// The line, with its facts filled in.
    pub words: String,
}

impl Reveal {
    /// True once the whole line is shown.
    pub fn done(&self) -> bool {
        self.shown as usize >= self.total
    }
}

/// What a conversation button does.
#[derive(Component, Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConversationAction {
    /// Choose this option (1-based).
    Choose(usize),
    /// Show the whole line.
    Skip,
    /// Go to the debrief.
    Debrief,
}

#[derive(Component)]
struct ConversationRoot(Key);

#[derive(Component)]
struct LineText;

/// What the screen shows depends on these; rebuilt when they change.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Key {
    version: u64,
    rings: u16,
    patience: i32,
    revealed: bool,
}

fn reset(mut commands: Commands, mut reveal: ResMut<Reveal>) {
    *reveal = Reveal::default();
    commands.remove_resource::<Finished>();
}

fn keys(
    mut keys: MessageReader<KeyboardInput>,
    mut choose: MessageWriter<ChooseOption>,
    mut skip: MessageWriter<SkipReveal>,
) {
    for k in pressed(&mut keys) {
        if let Some(n) = digit(k.key_code) {
            choose.write(ChooseOption(n));
        } else if k.key_code == KeyCode::Space {
            skip.write(SkipReveal);
        }
    }
}

fn on_activate(
    ev: On<Activate>,
    actions: Query<&ConversationAction>,
    mut choose: MessageWriter<ChooseOption>,
    mut skip: MessageWriter<SkipReveal>,
    mut next: ResMut<NextState<Screen>>,
) {
    match actions.get(ev.entity) {
        Ok(ConversationAction::Choose(n)) => {
            choose.write(ChooseOption(*n));
        }
        Ok(ConversationAction::Skip) => {
            skip.write(SkipReveal);
        }
        Ok(ConversationAction::Debrief) => next.set(Screen::Debrief),
        Err(_) => {}
    }
}

fn handle(
    mut choose: MessageReader<ChooseOption>,
    mut skip: MessageReader<SkipReveal>,
    mut reveal: ResMut<Reveal>,
    play: Option<ResMut<Play>>,
) {
    let Some(mut play) = play else { return };
    if skip.read().count() > 0 {
        reveal.shown = reveal.total as f32;
    }
    for ChooseOption(n) in choose.read() {
        if play.session.is_finished() {
            break;
        }
        if !reveal.done() {
            // A key pressed while the customer is still talking shows the rest of the line first.
            reveal.shown = reveal.total as f32;
            continue;
        }
        if play.choose(*n).is_ok() {
            play.notice = None;
        }
        break;
    }
}

/// Once the conversation ends, score it and save it (guided replays are not saved).
fn finish(
    mut commands: Commands,
    play: Option<Res<Play>>,
    finished: Option<Res<Finished>>,
    launch: Res<Launch>,
    trainee: Option<Res<crate::game::play::Trainee>>,
    scripted: Option<Res<crate::game::script::ScriptDone>>,
) {
    let Some(play) = play else { return };
    if !play.session.is_finished() || finished.is_some_and(|f| f.play.version == play.version) {
        return;
    }
    let card = play.scorecard();
    let saved = if play.guide.is_some() {
        SaveState::NotSaved(play.msg.get("debrief-guided-not-saved"))
    } else {
        let version = crate::records::ContentVersion::of(&play.entry);
        // A scripted run (demos, tests) says so in its record; a trainee's own play is "window".
        let played = if scripted.is_some() { crate::records::Played::Scripted } else { crate::records::Played::Window };
        let mut record = play.record(&card).played(played);
        if let Some(roster) = trainee.as_ref().and_then(|t| t.signed_in.as_ref()) {
            record = record.signed_in(roster);
        }
        save_in_background(
            &mut commands,
            play.msg.clone(),
            launch.db.clone(),
            launch.key_file.clone(),
            record,
            version,
        );
        SaveState::Saving
    };
    commands.insert_resource(Finished { card, play: play.clone(), saved });
}

fn redraw(
    mut commands: Commands,
    font: Res<UiFont>,
    play: Option<Res<Play>>,
    mut reveal: ResMut<Reveal>,
    roots: Query<(Entity, &ConversationRoot)>,
) {
    let Some(play) = play else { return };
    if reveal.version != Some(play.version) {
        let words = play.session.customer_says();
        *reveal = Reveal { shown: 0.0, total: words.chars().count(), version: Some(play.version), words };
    }
    let millis = play.millis();
    let key = Key {
        version: play.version,
        rings: play.session.ring().map_or(0, |r| r.rings_at(millis)),
        patience: play.session.meters_at(millis).patience,
        revealed: reveal.done(),
    };
    let old = roots.iter().next();
    if old.is_some_and(|(_, r)| r.0 == key) && !font.is_changed() {
        return;
    }
    if let Some((e, _)) = old {
        commands.entity(e).despawn();
    }
    build(&mut commands, &font, &play, key, &reveal);
}

fn build(commands: &mut Commands, font: &UiFont, play: &Play, key: Key, reveal: &Reveal) {
    let s = &play.entry.scenario;
    let session = &play.session;
    let msg = &play.msg;
    // Practice marks, for the trainer, a text that shows in English because its translation is
    // missing or out of date; an assessment never shows it.
    let english_mark = |id: &str| {
        if play.mode == Mode::Practice && play.fallbacks.contains(id) {
            format!(" {}", msg.get("conversation-untranslated"))
        } else {
            String::new()
        }
    };
    let millis = play.millis();
    let root = commands.spawn((theme::screen_root(Screen::Conversation), ConversationRoot(key))).id();
    let header = commands.spawn((theme::row(20.0), ChildOf(root))).id();
    commands.spawn((theme::heading(font, s.title.clone(), 20.0), ChildOf(header)));
    let turn = msg.with("conversation-turn", &[("turn", (session.turn() + 1).into())]);
    commands.spawn((theme::text(font, turn, 16.0, theme::TEXT), ChildOf(header)));
    let mode = msg.get(match (play.guide.is_some(), play.mode) {
        (true, _) => "conversation-mode-guided",
        (false, Mode::Practice) => "conversation-mode-practice",
        (false, Mode::Assessment) => "conversation-mode-assessment",
    });
    commands.spawn((theme::text(font, mode, 16.0, theme::MUTED), ChildOf(header)));

    let body = commands.spawn((theme::row(16.0), ChildOf(root))).id();
    commands.entity(body).entry::<Node>().and_modify(|mut n| n.align_items = AlignItems::FlexStart);

    // Left: portrait, name, meters.
    let left = commands.spawn((theme::panel(), ChildOf(body))).id();
    let initials: String = s.customer.name.split_whitespace().filter_map(|w| w.chars().next()).take(2).collect();
    let m = session.meters_at(millis);
    commands.spawn((
        Node {
            width: Val::Px(96.0),
            height: Val::Px(96.0),
            border_radius: BorderRadius::all(Val::Percent(50.0)),
            justify_content: JustifyContent::Center,
            align_items: AlignItems::Center,
            border: UiRect::all(Val::Px(4.0)),
            ..default()
        },
        BackgroundColor(Color::srgb(0.35, 0.38, 0.48)),
        BorderColor::all(theme::meter_color(m.mood)),
        ChildOf(left),
        children![theme::heading(font, initials, 28.0)],
    ));
    commands.spawn((theme::heading(font, s.customer.name.clone(), 20.0), ChildOf(left)));
    for (name, value) in [("meter-mood", m.mood), ("meter-patience", m.patience), ("meter-trust", m.trust)] {
        commands.spawn((theme::meter_bar(font, msg, &msg.get(name), value), ChildOf(left)));
    }
    if let Some(c) = play.change {
        let words = msg.with(
            "conversation-last-change",
            &[
                ("mood", theme::signed(msg, c[0]).into()),
                ("patience", theme::signed(msg, c[1]).into()),
                ("trust", theme::signed(msg, c[2]).into()),
            ],
        );
        commands.spawn((theme::text(font, words, 14.0, theme::MUTED), ChildOf(left)));
    }

    // Centre: the line, the phone, the replies.
    let centre = commands
        .spawn((theme::column(10.0), ChildOf(body)))
        .insert(Node {
            flex_direction: FlexDirection::Column,
            row_gap: Val::Px(10.0),
            width: Val::Px(560.0),
            max_width: Val::Percent(100.0),
            flex_grow: 1.0,
            ..default()
        })
        .id();
    if let Some(n) = &play.notice {
        commands.spawn((theme::text(font, n.clone(), 16.0, theme::WARN), ChildOf(centre)));
    }
    let line_panel = commands.spawn((theme::panel(), ChildOf(centre))).id();
    let says = msg.with("conversation-says", &[("name", s.customer.name.as_str().into())]);
    let says = format!("{says}{}", english_mark(&session.line().id));
    commands.spawn((theme::text(font, says, 14.0, theme::MUTED), ChildOf(line_panel)));
    let shown: String = reveal.words.chars().take(reveal.shown as usize).collect();
    commands.spawn((
        theme::text(font, format!("\u{201c}{shown}\u{201d}"), 20.0, theme::TEXT),
        LineText,
        ChildOf(line_panel),
    ));
    if let Some(ring) = session.ring() {
        let words =
            msg.with("conversation-phone", &[("ring", ring.rings_at(millis).into()), ("rings", ring.rings.into())]);
        commands.spawn((theme::text(font, words, 16.0, theme::WARN), ChildOf(centre)));
    }
    if session.under_pressure() && session.meters_at(millis).patience < session.meters().patience {
        commands.spawn((theme::text(font, msg.get("conversation-draining"), 14.0, theme::WARN), ChildOf(centre)));
    }
    if session.is_finished() {
        if let Some(e) = session.ending() {
            commands.spawn((
                theme::text(
                    font,
                    msg.with("conversation-over", &[("summary", e.summary.as_str().into())]),
                    16.0,
                    theme::TEXT,
                ),
                ChildOf(centre),
            ));
        }
        commands.spawn((
            theme::button(font, msg.get("conversation-see-debrief"), ConversationAction::Debrief),
            bevy::input_focus::AutoFocus,
            ChildOf(centre),
        ));
    } else if !key.revealed {
        commands.spawn((theme::button(font, msg.get("conversation-skip"), ConversationAction::Skip), ChildOf(centre)));
    } else {
        commands.spawn((theme::text(font, msg.get("conversation-your-reply"), 16.0, theme::MUTED), ChildOf(centre)));
        let hint = play.hint();
        for (i, r) in session.options().enumerate() {
            let n = i + 1;
            let mark = if hint == Some(n) { format!("  {}", msg.get("conversation-best")) } else { String::new() };
            let label = format!("{n}. {}{mark}{}", s.fill(&r.text, &session.transcript().facts), english_mark(&r.id));
            commands.spawn((theme::button(font, label, ConversationAction::Choose(n)), ChildOf(centre)));
        }
    }

    // Right: notes and feedback.
    let right = commands
        .spawn((theme::panel(), ChildOf(body)))
        .insert(Node {
            flex_direction: FlexDirection::Column,
            padding: UiRect::all(Val::Px(12.0)),
            row_gap: Val::Px(6.0),
            width: Val::Px(300.0),
            max_width: Val::Percent(100.0),
            ..default()
        })
        .id();
    commands.spawn((theme::heading(font, msg.get("conversation-notes"), 16.0), ChildOf(right)));
    let mut any = false;
    for (def, value) in session.learned() {
        any = true;
        commands.spawn((theme::text(font, format!("- {}", def.note(value)), 14.0, theme::TEXT), ChildOf(right)));
    }
    if !any {
        commands
            .spawn((theme::text(font, msg.get("conversation-nothing-learned"), 14.0, theme::MUTED), ChildOf(right)));
    }
    if play.mode == Mode::Practice || play.guide.is_some() {
        commands.spawn((theme::heading(font, msg.get("conversation-last-reply"), 16.0), ChildOf(right)));
        if play.feedback.is_empty() {
            commands.spawn((
                theme::text(font, msg.get("conversation-nothing-settled"), 14.0, theme::MUTED),
                ChildOf(right),
            ));
        }
        for f in &play.feedback {
            let (id, color) = if f.verdict == Verdict::Pass {
                ("conversation-kept", theme::GOOD)
            } else {
                ("conversation-broke", theme::BAD)
            };
            let words = msg.with(id, &[("rule", f.title.as_str().into())]);
            commands.spawn((theme::text(font, words, 14.0, color), ChildOf(right)));
            if let Some(tip) = &f.tip {
                let words = msg.with("conversation-tip", &[("tip", tip.as_str().into())]);
                commands.spawn((theme::text(font, words, 14.0, theme::MUTED), ChildOf(right)));
            }
        }
    }
}

fn reveal_text(
    time: Res<Time>,
    mut reveal: ResMut<Reveal>,
    mut texts: Query<&mut Text, With<LineText>>,
    mut redraw: MessageWriter<RequestRedraw>,
) {
    if reveal.done() {
        return;
    }
    reveal.shown = (reveal.shown + time.delta_secs() * READING_PACE).min(reveal.total as f32);
    let shown: String = reveal.words.chars().take(reveal.shown as usize).collect();
    for mut t in &mut texts {
        t.0 = format!("\u{201c}{shown}\u{201d}");
    }
    redraw.write(RequestRedraw);
}

/// Frame pacing: wake often while a clock runs (time pressure, a ringing phone), rarely otherwise.
fn pace(play: Option<Res<Play>>, settings: Option<ResMut<bevy::winit::WinitSettings>>) {
    let (Some(play), Some(mut settings)) = (play, settings) else { return };
    if settings.focused_mode == bevy::winit::UpdateMode::Continuous {
        return; // a scripted run drives every frame
    }
    let clocked = !play.session.is_finished() && (play.session.under_pressure() || play.session.ring().is_some());
    let wait = std::time::Duration::from_millis(if clocked { 200 } else { 5000 });
    let want = bevy::winit::UpdateMode::reactive(wait);
    if settings.focused_mode != want {
        settings.focused_mode = want;
        settings.unfocused_mode = bevy::winit::UpdateMode::reactive_low_power(wait);
    }
}
