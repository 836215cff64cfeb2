//! The PIN screen: a trainee on the roster proves it is them before they may be assessed.
//! The digits show as dots; a wrong PIN says how many tries are left before a pause.

use bevy::input::keyboard::{Key, KeyboardInput};
use bevy::prelude::*;
use bevy::ui_widgets::Activate;

use super::{Screen, pressed};
use crate::game::play::Trainee;
use crate::game::theme::{self, UiFont};
use crate::game::{Launch, Locale};
use crate::records::roster::PIN_DIGITS;

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<TypedPin>()
        .add_systems(OnEnter(Screen::Pin), spawn)
        .add_systems(Update, type_pin.run_if(in_state(Screen::Pin)))
        .add_observer(on_activate);
}

/// The roster trainee who is signing in.
#[derive(Resource, Debug, Clone)]
pub struct AskPin(pub crate::records::Trainee);

/// The digits typed so far, and what the last check said.
#[derive(Resource, Debug, Default, Clone, PartialEq, Eq)]
pub struct TypedPin {
    /// Digits typed.
    pub digits: String,
    /// Why the last PIN was refused.
    pub refused: Option<String>,
}

/// What a PIN-screen button does.
#[derive(Component, Debug, Clone, PartialEq, Eq)]
pub enum PinAction {
    /// Check the PIN.
    Check,
    /// Back to the sign-in screen.
    Back,
}

#[derive(Component)]
struct Dots;

#[derive(Component)]
struct Refusal;

fn spawn(
    mut commands: Commands,
    font: Res<UiFont>,
    msg: Res<Locale>,
    ask: Option<Res<AskPin>>,
    mut typed: ResMut<TypedPin>,
) {
    *typed = TypedPin::default();
    let Some(ask) = ask else { return };
    let name = crate::records::printable(&ask.0.name, 40);
    commands.spawn(theme::screen_root(Screen::Pin)).with_children(|p| {
        p.spawn(theme::heading(&font, msg.with("pin-hello", &[("name", name.into())]), 28.0));
        p.spawn(theme::text(&font, msg.get("pin-explain"), 16.0, theme::MUTED));
        p.spawn(theme::panel()).with_children(|f| {
            f.spawn((theme::text(&font, "|", 24.0, theme::TEXT), Dots));
        });
        p.spawn((theme::text(&font, "", 16.0, theme::BAD), Refusal));
        p.spawn(theme::row(8.0)).with_children(|r| {
            r.spawn(theme::button(&font, msg.get("pin-sign-in"), PinAction::Check));
            r.spawn(theme::button(&font, msg.get("pin-back"), PinAction::Back));
        });
    });
}

#[allow(clippy::too_many_arguments)]
fn type_pin(
    mut keys: MessageReader<KeyboardInput>,
    mut typed: ResMut<TypedPin>,
    mut dots: Query<&mut Text, (With<Dots>, Without<Refusal>)>,
    mut refusal: Query<&mut Text, (With<Refusal>, Without<Dots>)>,
    ask: Option<Res<AskPin>>,
    launch: Res<Launch>,
    msg: Res<Locale>,
    mut commands: Commands,
    mut next: ResMut<NextState<Screen>>,
) {
    for k in pressed(&mut keys) {
        match &k.logical_key {
            Key::Backspace => {
                typed.digits.pop();
            }
            Key::Enter => check(&mut typed, ask.as_deref(), &launch, &msg, &mut commands, &mut next),
            Key::Escape => next.set(Screen::SignIn),
            Key::Character(c) => {
                for d in c.chars().filter(char::is_ascii_digit) {
                    if typed.digits.len() < *PIN_DIGITS.end() {
                        typed.digits.push(d);
                    }
                }
            }
            _ => {}
        }
    }
    if typed.is_changed() {
        for mut t in &mut dots {
            t.0 = format!("{}|", "•".repeat(typed.digits.len()));
        }
        for mut t in &mut refusal {
            t.0 = typed.refused.clone().unwrap_or_default();
        }
    }
}

/// Check the typed PIN: right, and the trainee goes to the picker able to take assessments;
/// wrong, and the screen says why and clears the digits.
fn check(
    typed: &mut TypedPin,
    ask: Option<&AskPin>,
    launch: &Launch,
    msg: &Locale,
    commands: &mut Commands,
    next: &mut NextState<Screen>,
) {
    let Some(ask) = ask else { return };
    // The Enter that chose the name on the sign-in screen arrives here too: nothing typed yet.
    if typed.digits.is_empty() {
        return;
    }
    match launch.check_pin(&ask.0.id, &typed.digits) {
        Ok(trainee) => {
            commands.insert_resource(Trainee::roster(trainee));
            commands.remove_resource::<AskPin>();
            next.set(Screen::Picker);
        }
        Err(why) => {
            typed.refused = Some(crate::report::sign_in_refusal(msg, &why));
            typed.digits.clear();
        }
    }
}

#[allow(clippy::too_many_arguments)]
fn on_activate(
    ev: On<Activate>,
    actions: Query<&PinAction>,
    mut typed: ResMut<TypedPin>,
    ask: Option<Res<AskPin>>,
    launch: Res<Launch>,
    msg: Res<Locale>,
    mut commands: Commands,
    mut next: ResMut<NextState<Screen>>,
) {
    match actions.get(ev.entity) {
        Ok(PinAction::Check) => check(&mut typed, ask.as_deref(), &launch, &msg, &mut commands, &mut next),
        Ok(PinAction::Back) => next.set(Screen::SignIn),
        Err(_) => {}
    }
}
