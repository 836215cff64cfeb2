//! Sign-in: pick an existing trainee or type a new name. A name on the trainer's roster goes on
//! to the PIN screen (assessments need it); any other name signs in for practice.

use bevy::input::keyboard::{Key, KeyboardInput};
use bevy::prelude::*;
use bevy::ui_widgets::Activate;

use super::{Screen, pressed};
use crate::game::Launch;
use crate::game::play::Trainee;
use crate::game::theme::{self, UiFont};
use crate::records::clean_name;

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<Typed>()
        .add_systems(OnEnter(Screen::SignIn), (skip_if_named, spawn).chain())
        .add_systems(Update, type_name.run_if(in_state(Screen::SignIn)))
        .add_observer(on_activate);
}

/// The name being typed.
#[derive(Resource, Debug, Default, Clone, PartialEq, Eq)]
pub struct Typed(pub String);

/// What a sign-in button does.
#[derive(Component, Debug, Clone)]
pub enum SignInAction {
    /// Sign in as an existing trainee.
    Existing(String),
    /// Sign in with the typed name.
    Typed,
}

#[derive(Component)]
struct NameField;

fn skip_if_named(mut commands: Commands, launch: Res<Launch>, mut next: ResMut<NextState<Screen>>) {
    if let Some(name) = launch.trainee.clone() {
        sign_in(&name, &launch, &mut commands, &mut next);
    }
}

fn spawn(mut commands: Commands, font: Res<UiFont>, launch: Res<Launch>, mut typed: ResMut<Typed>) {
    typed.0.clear();
    let trainees = launch.trainees();
    let root = commands
        .spawn(theme::screen_root(Screen::SignIn))
        .with_children(|p| {
            p.spawn(theme::heading(&font, "Rehearse", 28.0));
            p.spawn(theme::text(
                &font,
                "Practise a difficult conversation before you have it for real.",
                16.0,
                theme::MUTED,
            ));
            p.spawn(theme::heading(&font, "Who is practising?", 20.0));
        })
        .id();
    let list = commands.spawn(theme::row(8.0)).insert(ChildOf(root)).id();
    let trainees = match trainees {
        Ok(names) if names.is_empty() => {
            commands.spawn((theme::text(&font, "No one has practised here yet.", 16.0, theme::MUTED), ChildOf(list)));
            names
        }
        Ok(names) => names,
        Err(why) => {
            // Say what failed: a damaged or locked database is not "nobody has practised".
            let message = format!("The list of trainees cannot be read: {why}");
            commands.spawn((theme::text(&font, message, 16.0, theme::WARN), ChildOf(list)));
            Vec::new()
        }
    };
    for name in trainees.iter().take(30) {
        // Names come from the store verbatim (the CLI takes any name): shown cut and without
        // control characters.
        let label = crate::records::printable(name, 40);
        commands.spawn((theme::button(&font, label, SignInAction::Existing(name.clone())), ChildOf(list)));
    }
    commands.spawn((theme::text(&font, "Or type a new name and press Enter:", 16.0, theme::TEXT), ChildOf(root)));
    let field = commands
        .spawn((theme::panel(), ChildOf(root)))
        .with_children(|p| {
            p.spawn((theme::text(&font, "|", 20.0, theme::TEXT), NameField));
        })
        .id();
    let _ = field;
    commands.spawn((theme::button(&font, "Sign in with this name", SignInAction::Typed), ChildOf(root)));
}

fn type_name(
    mut keys: MessageReader<KeyboardInput>,
    mut typed: ResMut<Typed>,
    mut field: Query<&mut Text, With<NameField>>,
    launch: Res<Launch>,
    mut commands: Commands,
    mut next: ResMut<NextState<Screen>>,
) {
    let before = typed.0.clone();
    for k in pressed(&mut keys) {
        match &k.logical_key {
            Key::Backspace => {
                typed.0.pop();
            }
            Key::Enter => sign_in(&typed.0, &launch, &mut commands, &mut next),
            Key::Character(c) if typed.0.chars().count() < crate::records::MAX_NAME => {
                typed.0.extend(c.chars().filter(|c| !c.is_control()));
            }
            Key::Space => typed.0.push(' '),
            _ => {}
        }
    }
    if typed.0 != before || typed.is_added() {
        for mut t in &mut field {
            t.0 = format!("{}|", typed.0);
        }
    }
}

/// A roster name goes on to the PIN screen; any other name signs in for practice. When the
/// roster cannot be read the trainee may still practise (the picker says assessments are off).
fn sign_in(name: &str, launch: &Launch, commands: &mut Commands, next: &mut NextState<Screen>) {
    let name = clean_name(name);
    if name.is_empty() {
        return;
    }
    match launch.on_roster(&name) {
        Ok(Some(listed)) => {
            commands.insert_resource(super::pin::AskPin(listed));
            next.set(Screen::Pin);
        }
        Ok(None) | Err(_) => {
            commands.insert_resource(Trainee::guest(name));
            next.set(Screen::Picker);
        }
    }
}

fn on_activate(
    ev: On<Activate>,
    actions: Query<&SignInAction>,
    typed: Res<Typed>,
    launch: Res<Launch>,
    mut commands: Commands,
    mut next: ResMut<NextState<Screen>>,
) {
    match actions.get(ev.entity) {
        Ok(SignInAction::Existing(name)) => sign_in(name, &launch, &mut commands, &mut next),
        Ok(SignInAction::Typed) => sign_in(&typed.0, &launch, &mut commands, &mut next),
        Err(_) => {}
    }
}
