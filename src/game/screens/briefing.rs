//! Briefing: the situation, who the customer is, what a good outcome is.

use bevy::input::keyboard::KeyboardInput;
use bevy::prelude::*;
use bevy::ui_widgets::Activate;

use super::{Screen, pressed};
use crate::game::Locale;
use crate::game::content::Content;
use crate::game::play::{Play, Selected, Trainee};
use crate::game::theme::{self, UiFont};
use crate::records::Mode;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(OnEnter(Screen::Briefing), spawn)
        .add_systems(Update, keys.run_if(in_state(Screen::Briefing)))
        .add_observer(on_activate);
}

/// What a briefing button does.
#[derive(Component, Debug, Clone, Copy, PartialEq, Eq)]
pub enum BriefingAction {
    /// Start the conversation.
    Start,
    /// Back to the picker.
    Back,
}

fn spawn(mut commands: Commands, font: Res<UiFont>, selected: Res<Selected>, content: Res<Content>, msg: Res<Locale>) {
    let localized = content.localized(&selected.entry, msg.lang());
    let s = &localized.entry.scenario;
    let mode = msg.get(match (selected.mode, selected.guide.is_some()) {
        (_, true) => "briefing-mode-guided",
        (Mode::Practice, _) => "briefing-mode-practice",
        (Mode::Assessment, _) => "briefing-mode-assessment",
    });
    let root = commands.spawn(theme::screen_root(Screen::Briefing)).id();
    commands.spawn((theme::heading(&font, s.title.clone(), 28.0), ChildOf(root)));
    commands.spawn((theme::text(&font, mode, 16.0, theme::WARN), ChildOf(root)));
    let p = commands.spawn((theme::panel(), ChildOf(root))).id();
    commands.spawn((
        theme::heading(&font, msg.with("briefing-customer", &[("name", s.customer.name.as_str().into())]), 20.0),
        ChildOf(p),
    ));
    commands.spawn((theme::text(&font, s.customer.situation.clone(), 16.0, theme::TEXT), ChildOf(p)));
    if !s.goal.is_empty() {
        let g = commands.spawn((theme::panel(), ChildOf(root))).id();
        commands.spawn((theme::heading(&font, msg.get("briefing-goal"), 20.0), ChildOf(g)));
        commands.spawn((theme::text(&font, s.goal.clone(), 16.0, theme::TEXT), ChildOf(g)));
    }
    if s.pressure.is_some() || s.nodes.iter().any(|n| n.ring.is_some()) {
        let words = msg.get("briefing-time-matters");
        commands.spawn((theme::text(&font, words, 16.0, theme::WARN), ChildOf(root)));
    }
    if !s.skills.is_empty() {
        commands.spawn((
            theme::text(
                &font,
                msg.with("briefing-skills", &[("skills", s.skills.join(&msg.get("list-separator")).into())]),
                16.0,
                theme::MUTED,
            ),
            ChildOf(root),
        ));
    }
    let row = commands.spawn((theme::row(10.0), ChildOf(root))).id();
    commands.spawn((
        theme::button(&font, msg.get("briefing-start"), BriefingAction::Start),
        bevy::input_focus::AutoFocus,
        ChildOf(row),
    ));
    commands.spawn((theme::button(&font, msg.get("briefing-back"), BriefingAction::Back), ChildOf(row)));
}

fn keys(mut keys: MessageReader<KeyboardInput>, mut next: ResMut<NextState<Screen>>) {
    if pressed(&mut keys).iter().any(|k| k.key_code == KeyCode::Escape) {
        next.set(Screen::Picker);
    }
}

#[allow(clippy::too_many_arguments)]
fn on_activate(
    ev: On<Activate>,
    actions: Query<&BriefingAction>,
    selected: Option<Res<Selected>>,
    trainee: Option<Res<Trainee>>,
    content: Res<Content>,
    msg: Res<Locale>,
    mut commands: Commands,
    mut next: ResMut<NextState<Screen>>,
) {
    match actions.get(ev.entity) {
        Ok(BriefingAction::Start) => {
            if let (Some(selected), Some(trainee)) = (selected, trainee) {
                commands.insert_resource(Play::start(&selected, &trainee.name, &content, &msg));
                next.set(Screen::Conversation);
            }
        }
        Ok(BriefingAction::Back) => next.set(Screen::Picker),
        Err(_) => {}
    }
}
