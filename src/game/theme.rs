//! Look and widgets: colours, text styles, and widget constructors as plain functions returning
//! bundles (buttons, labels, meters), plus the desktop manners every screen shares.

use std::time::Duration;

use bevy::input::mouse::{MouseScrollUnit, MouseWheel};
use bevy::input_focus::InputFocus;
use bevy::input_focus::tab_navigation::TabIndex;
use bevy::prelude::*;

use crate::l10n::Messages;
use bevy::ui_widgets::Button as WidgetButton;
use bevy::winit::{UpdateMode, WinitSettings};

/// Page background.
pub const BACKGROUND: Color = Color::srgb(0.11, 0.12, 0.14);
/// Panel background.
pub const PANEL: Color = Color::srgb(0.17, 0.18, 0.21);
/// Body text.
pub const TEXT: Color = Color::srgb(0.93, 0.93, 0.93);
/// Secondary text.
pub const MUTED: Color = Color::srgb(0.68, 0.70, 0.74);
/// Button face.
pub const BUTTON: Color = Color::srgb(0.22, 0.29, 0.40);
/// Kept / good.
pub const GOOD: Color = Color::srgb(0.36, 0.75, 0.45);
/// Broken / bad.
pub const BAD: Color = Color::srgb(0.90, 0.42, 0.38);
/// Warnings and the phone.
pub const WARN: Color = Color::srgb(0.95, 0.78, 0.35);
/// The keyboard focus ring.
pub const FOCUS: Color = Color::srgb(1.0, 0.85, 0.3);

/// The fonts every text uses (default handles until the font plugin loads the real ones).
#[derive(Resource, Debug, Clone, Default)]
pub struct UiFont {
    /// Regular weight.
    pub regular: Handle<Font>,
    /// Bold weight.
    pub bold: Handle<Font>,
}

/// A text bundle.
pub fn text(font: &UiFont, words: impl Into<String>, size: f32, color: Color) -> impl Bundle {
    (
        Text::new(words),
        TextFont { font: bevy::text::FontSource::Handle(font.regular.clone()), font_size: size.into(), ..default() },
        TextColor(color),
    )
}

/// A bold text bundle.
pub fn heading(font: &UiFont, words: impl Into<String>, size: f32) -> impl Bundle {
    (
        Text::new(words),
        TextFont { font: bevy::text::FontSource::Handle(font.bold.clone()), font_size: size.into(), ..default() },
        TextColor(TEXT),
    )
}

/// A column container.
pub fn column(gap: f32) -> Node {
    Node { flex_direction: FlexDirection::Column, row_gap: Val::Px(gap), ..default() }
}

/// A row container that wraps.
pub fn row(gap: f32) -> Node {
    Node {
        flex_direction: FlexDirection::Row,
        flex_wrap: FlexWrap::Wrap,
        column_gap: Val::Px(gap),
        row_gap: Val::Px(gap),
        align_items: AlignItems::Center,
        ..default()
    }
}

/// A panel: padded, rounded, darker background.
pub fn panel() -> (Node, BackgroundColor) {
    (
        Node {
            flex_direction: FlexDirection::Column,
            padding: UiRect::all(Val::Px(12.0)),
            row_gap: Val::Px(6.0),
            border_radius: BorderRadius::all(Val::Px(6.0)),
            ..default()
        },
        BackgroundColor(PANEL),
    )
}

/// The root of a screen: fills the window, scrolls vertically, despawned when the screen ends,
/// and named after the screen for inspectors and logs.
pub fn screen_root<S: States>(screen: S) -> impl Bundle {
    (
        Name::new(format!("{screen:?} screen")),
        DespawnOnExit(screen),
        Node {
            width: Val::Percent(100.0),
            height: Val::Percent(100.0),
            flex_direction: FlexDirection::Column,
            padding: UiRect::all(Val::Px(20.0)),
            row_gap: Val::Px(12.0),
            overflow: Overflow::scroll_y(),
            ..default()
        },
        BackgroundColor(BACKGROUND),
        Scrolls,
        bevy::input_focus::tab_navigation::TabGroup::default(),
    )
}

/// Marks the node the mouse wheel and Page Up/Down scroll.
#[derive(Component, Debug, Default)]
pub struct Scrolls;

/// A button: a focusable, clickable box with a label. `action` says what it does.
pub fn button<A: Component>(font: &UiFont, label: impl Into<String>, action: A) -> impl Bundle {
    (
        WidgetButton,
        action,
        TabIndex(0),
        Node {
            padding: UiRect::axes(Val::Px(14.0), Val::Px(8.0)),
            border: UiRect::all(Val::Px(2.0)),
            border_radius: BorderRadius::all(Val::Px(5.0)),
            justify_content: JustifyContent::FlexStart,
            ..default()
        },
        BackgroundColor(BUTTON),
        BorderColor::all(BUTTON),
        children![text(font, label, 16.0, TEXT)],
    )
}

/// A meter: label, a bar and the number (the number and a word keep it readable without colour).
pub fn meter_bar(font: &UiFont, msg: &Messages, name: &str, value: i32) -> impl Bundle {
    (
        column(2.0),
        children![
            (text(font, meter_caption(msg, name, value), 16.0, TEXT), MeterCaption),
            (
                Node {
                    width: Val::Px(220.0),
                    max_width: Val::Percent(100.0),
                    height: Val::Px(12.0),
                    border: UiRect::all(Val::Px(1.0)),
                    ..default()
                },
                BackgroundColor(Color::srgb(0.08, 0.08, 0.09)),
                BorderColor::all(MUTED),
                children![(
                    MeterFill,
                    Node { width: Val::Percent(value as f32), height: Val::Percent(100.0), ..default() },
                    BackgroundColor(meter_color(value)),
                )],
            ),
        ],
    )
}

/// Marks a meter's caption text.
#[derive(Component, Debug)]
pub struct MeterCaption;

/// Marks a meter's filled part.
#[derive(Component, Debug)]
pub struct MeterFill;

/// "Mood 45/100 (middling)": the value and a word for it, readable without colour.
pub fn meter_caption(msg: &Messages, name: &str, value: i32) -> String {
    let word = msg.get(match value {
        0..=19 => "meter-very-low",
        20..=39 => "meter-low",
        40..=59 => "meter-middling",
        60..=79 => "meter-good",
        _ => "meter-high",
    });
    msg.with("meter-caption", &[("name", name.into()), ("value", value.into()), ("word", word.into())])
}

/// A meter change in words: "+5", "-3", "no change".
pub fn signed(msg: &Messages, change: i32) -> String {
    match change.signum() {
        1 => format!("+{change}"),
        // A hyphen-minus: the shipped Noto Sans has no U+2212 MINUS SIGN (tests/fonts.rs).
        -1 => format!("-{}", -change),
        _ => msg.get("meter-no-change"),
    }
}

/// Bar colour for a meter value (the caption carries the same information in words).
pub fn meter_color(value: i32) -> Color {
    match value {
        0..=29 => BAD,
        30..=59 => WARN,
        _ => GOOD,
    }
}

/// Desktop manners: reactive rendering, a visible focus ring, wheel and key scrolling.
pub struct DesktopPlugin;

impl Plugin for DesktopPlugin {
    fn build(&self, app: &mut App) {
        app.insert_resource(reactive()).add_systems(Update, (focus_ring, scroll));
    }
}

/// Reactive rendering: a frame only on input, a window event or a redraw request (and every
/// 5 s as a safety net), so the game uses next to no CPU while the trainee thinks.
pub fn reactive() -> WinitSettings {
    WinitSettings {
        focused_mode: UpdateMode::reactive(Duration::from_secs(5)),
        unfocused_mode: UpdateMode::reactive_low_power(Duration::from_secs(30)),
    }
}

fn focus_ring(focus: Res<InputFocus>, mut buttons: Query<(Entity, &mut BorderColor), With<WidgetButton>>) {
    if !focus.is_changed() {
        return;
    }
    for (e, mut border) in &mut buttons {
        let want = if focus.get() == Some(e) { BorderColor::all(FOCUS) } else { BorderColor::all(BUTTON) };
        if *border != want {
            *border = want;
        }
    }
}

fn scroll(
    mut wheel: MessageReader<MouseWheel>,
    keys: Res<ButtonInput<KeyCode>>,
    mut nodes: Query<(&mut ScrollPosition, &ComputedNode), With<Scrolls>>,
) {
    let mut dy: f32 = wheel
        .read()
        .map(|w| match w.unit {
            MouseScrollUnit::Line => -w.y * 40.0,
            MouseScrollUnit::Pixel => -w.y,
        })
        .sum();
    if keys.just_pressed(KeyCode::PageDown) {
        dy += 400.0;
    }
    if keys.just_pressed(KeyCode::PageUp) {
        dy -= 400.0;
    }
    if dy == 0.0 {
        return;
    }
    for (mut pos, node) in &mut nodes {
        let max = (node.content_size().y - node.size().y).max(0.0) * node.inverse_scale_factor();
        pos.0.y = (pos.0.y + dy).clamp(0.0, max);
    }
}
