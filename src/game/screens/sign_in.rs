//! Sign-in: choose the language, pick an existing trainee or type a new name. A name on the
//! trainer's roster goes on to the PIN screen (assessments need it); any other name signs in for
//! practice. The language a trainee picks here is remembered for their next sign-in on this
//! station; without a pick, they get the one they chose last time.

use bevy::input::keyboard::{Key, KeyboardInput};
use bevy::prelude::*;
use bevy::text::{EditableText, TextCursorStyle};
use bevy::ui_widgets::Activate;

use super::{Screen, pressed};
use crate::game::play::Trainee;
use crate::game::theme::{self, UiFont};
use crate::game::{Launch, Locale};
use crate::l10n::{Lang, Messages, remembered};
use crate::records::clean_name;

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<Typed>()
        .init_resource::<LanguagePicked>()
        .add_systems(OnEnter(Screen::SignIn), (skip_if_named, spawn).chain())
        .add_systems(Update, type_name.run_if(in_state(Screen::SignIn)))
        .add_observer(on_activate);
}

/// The name in the name field (kept equal to it every frame).
#[derive(Resource, Debug, Default, Clone, PartialEq, Eq)]
pub struct Typed(pub String);

/// Whether the language was picked on this sign-in screen (then it is remembered for the name
/// that signs in), and whether the screen is being rebuilt for a new language (the typed name
/// stays).
#[derive(Resource, Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct LanguagePicked {
    /// A language button was pressed since the screen opened.
    pub picked: bool,
    /// The screen is being rebuilt in the picked language.
    rebuilding: bool,
}

/// What a sign-in button does.
#[derive(Component, Debug, Clone, PartialEq, Eq)]
pub enum SignInAction {
    /// Speak this language.
    Language(Lang),
    /// Sign in as an existing trainee.
    Existing(String),
    /// Sign in with the typed name.
    Typed,
}

#[derive(Component)]
struct NameField;

fn skip_if_named(
    mut commands: Commands,
    launch: Res<Launch>,
    mut locale: ResMut<Locale>,
    mut picked: ResMut<LanguagePicked>,
    mut next: ResMut<NextState<Screen>>,
) {
    if let Some(name) = launch.trainee.clone() {
        sign_in(&name, &launch, &mut locale, &mut picked, &mut commands, &mut next);
    }
}

fn spawn(
    mut commands: Commands,
    font: Res<UiFont>,
    launch: Res<Launch>,
    msg: Res<Locale>,
    mut picked: ResMut<LanguagePicked>,
    mut typed: ResMut<Typed>,
) {
    if picked.rebuilding {
        picked.rebuilding = false;
    } else {
        typed.0.clear();
        picked.picked = false;
    }
    let trainees = launch.trainees();
    let root = commands
        .spawn(theme::screen_root(Screen::SignIn))
        .with_children(|p| {
            p.spawn(theme::row(8.0)).with_children(|r| {
                for lang in Lang::ALL {
                    // Each language named in itself; the one in use is marked.
                    let mark = if lang == msg.lang() { "• " } else { "" };
                    r.spawn(theme::button(
                        &font,
                        format!("{mark}{}", lang.native_name()),
                        SignInAction::Language(lang),
                    ));
                }
            });
            p.spawn(theme::heading(&font, msg.get("sign-in-title"), 28.0));
            p.spawn(theme::text(&font, msg.get("sign-in-tagline"), 16.0, theme::MUTED));
            p.spawn(theme::heading(&font, msg.get("sign-in-who"), 20.0));
        })
        .id();
    let list = commands.spawn(theme::row(8.0)).insert(ChildOf(root)).id();
    let trainees = match trainees {
        Ok(names) if names.is_empty() => {
            commands.spawn((theme::text(&font, msg.get("sign-in-nobody-yet"), 16.0, theme::MUTED), ChildOf(list)));
            names
        }
        Ok(names) => names,
        Err(why) => {
            // Say what failed: a damaged or locked database is not "nobody has practised".
            let message = msg.with("sign-in-unreadable", &[("why", why.as_str().into())]);
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
    commands.spawn((theme::text(&font, msg.get("sign-in-type-name"), 16.0, theme::TEXT), ChildOf(root)));
    // Bevy's text input: it takes an input method's composition (pinyin → 王小明) as well as
    // keys, with a cursor, selection and the platform's editing keys.
    let mut field = EditableText::new(&typed.0);
    field.max_characters = Some(crate::records::MAX_NAME);
    field.visible_width = Some(24.0);
    commands.spawn((
        Node { padding: UiRect::all(Val::Px(8.0)), border: UiRect::all(Val::Px(2.0)), ..default() },
        BorderColor::all(theme::MUTED),
        BackgroundColor(theme::PANEL),
        field,
        TextLayout::no_wrap(),
        TextFont { font: bevy::text::FontSource::Handle(font.regular.clone()), font_size: 20.0.into(), ..default() },
        TextColor(theme::TEXT),
        TextCursorStyle::default(),
        bevy::input_focus::AutoFocus,
        bevy::input_focus::tab_navigation::TabIndex(0),
        NameField,
        ChildOf(root),
    ));
    commands.spawn((theme::button(&font, msg.get("sign-in-button"), SignInAction::Typed), ChildOf(root)));
}

/// Keep [`Typed`] equal to the name field, and sign in on Enter (not while an input method is
/// still composing: that Enter commits the composition).
#[allow(clippy::too_many_arguments)]
fn type_name(
    mut keys: MessageReader<KeyboardInput>,
    mut typed: ResMut<Typed>,
    field: Query<&EditableText, With<NameField>>,
    launch: Res<Launch>,
    mut locale: ResMut<Locale>,
    mut picked: ResMut<LanguagePicked>,
    mut commands: Commands,
    mut next: ResMut<NextState<Screen>>,
) {
    let Ok(field) = field.single() else { return };
    let value = field.value().to_string();
    if typed.0 != value {
        typed.0 = value;
    }
    let enter = pressed(&mut keys).iter().any(|k| k.logical_key == Key::Enter);
    if enter && !field.is_composing() {
        sign_in(&typed.0, &launch, &mut locale, &mut picked, &mut commands, &mut next);
    }
}

/// A roster name goes on to the PIN screen; any other name signs in for practice. When the
/// roster cannot be read the trainee may still practise (the picker says assessments are off).
/// A language picked on this screen is remembered for the name; else the name's remembered
/// language, if any, is used.
fn sign_in(
    name: &str,
    launch: &Launch,
    locale: &mut Locale,
    picked: &mut LanguagePicked,
    commands: &mut Commands,
    next: &mut NextState<Screen>,
) {
    let name = clean_name(name);
    if name.is_empty() {
        return;
    }
    if picked.picked {
        // A preference, not a record: if it cannot be written the trainee just picks again.
        let _ = remembered::remember(&launch.languages, &name, locale.lang());
    } else if let Some(lang) = remembered::language_of(&launch.languages, &name) {
        *locale = Locale(Messages::new(lang));
    }
    picked.picked = false;
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

#[allow(clippy::too_many_arguments)]
fn on_activate(
    ev: On<Activate>,
    actions: Query<&SignInAction>,
    typed: Res<Typed>,
    launch: Res<Launch>,
    mut locale: ResMut<Locale>,
    mut picked: ResMut<LanguagePicked>,
    mut commands: Commands,
    mut next: ResMut<NextState<Screen>>,
) {
    match actions.get(ev.entity) {
        Ok(SignInAction::Existing(name)) => sign_in(name, &launch, &mut locale, &mut picked, &mut commands, &mut next),
        Ok(SignInAction::Typed) => sign_in(&typed.0, &launch, &mut locale, &mut picked, &mut commands, &mut next),
        Ok(SignInAction::Language(lang)) => {
            *locale = Locale(Messages::new(*lang));
            *picked = LanguagePicked { picked: true, rebuilding: true };
            // Entering the same state again rebuilds the screen in the new language.
            next.set(Screen::SignIn);
        }
        Err(_) => {}
    }
}
