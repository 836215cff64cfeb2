//! The diagnostics overlay: while any scenario file or the rulebook has errors, every error is
//! listed as `file:line:column: message` above whatever screen is showing, until fixed.

use bevy::prelude::*;

use crate::game::content::Content;
use crate::game::theme::{self, UiFont};

pub(super) fn plugin(app: &mut App) {
    app.add_systems(Update, show);
}

/// Marks the overlay's root.
#[derive(Component, Debug)]
pub struct Overlay(u64);

fn show(mut commands: Commands, content: Res<Content>, font: Res<UiFont>, shown: Query<(Entity, &Overlay)>) {
    if !content.is_changed() && !font.is_changed() {
        return;
    }
    let current = shown.iter().next();
    if current.is_some_and(|(_, o)| o.0 == content.generation) && !font.is_changed() {
        return;
    }
    if let Some((e, _)) = current {
        commands.entity(e).despawn();
    }
    if content.errors.is_empty() {
        return;
    }
    let root = commands
        .spawn((
            Overlay(content.generation),
            GlobalZIndex(100),
            Node {
                position_type: PositionType::Absolute,
                left: Val::Px(0.0),
                right: Val::Px(0.0),
                bottom: Val::Px(0.0),
                max_height: Val::Percent(45.0),
                flex_direction: FlexDirection::Column,
                padding: UiRect::all(Val::Px(10.0)),
                row_gap: Val::Px(4.0),
                overflow: Overflow::scroll_y(),
                ..default()
            },
            BackgroundColor(Color::srgba(0.25, 0.05, 0.05, 0.94)),
        ))
        .id();
    let stale = if content.library.is_some() { " The last good version keeps running until you fix them." } else { "" };
    let head = format!("{} error(s) in the scenario files.{stale}", content.errors.len());
    commands.spawn((theme::heading(&font, head, 16.0), ChildOf(root)));
    for d in content.errors.iter().take(12) {
        commands.spawn((theme::text(&font, d.to_string(), 14.0, theme::TEXT), ChildOf(root)));
    }
    if content.errors.len() > 12 {
        let more = format!("… and {} more (run `rehearse validate`)", content.errors.len() - 12);
        commands.spawn((theme::text(&font, more, 14.0, theme::MUTED), ChildOf(root)));
    }
}
