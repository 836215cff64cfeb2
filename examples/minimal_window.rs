//! The baseline for `benches/window.rs`: a minimal Bevy app with the same plugin set as the
//! game (same features, same window, same reactive update mode) showing one line of text.
//! With `REHEARSE_REPORT_READY` set it prints `ready pid=N` after its first interactive frame.

use bevy::prelude::*;
use bevy::winit::{UpdateMode, WinitSettings};

fn main() -> AppExit {
    App::new()
        .add_plugins(DefaultPlugins.set(WindowPlugin {
            primary_window: Some(Window { title: "minimal".into(), resolution: (1280, 720).into(), ..default() }),
            ..default()
        }))
        .insert_resource(WinitSettings {
            focused_mode: UpdateMode::reactive(std::time::Duration::from_secs(5)),
            unfocused_mode: UpdateMode::reactive_low_power(std::time::Duration::from_secs(30)),
        })
        .add_systems(Startup, |mut commands: Commands| {
            commands.spawn(Camera2d);
            commands.spawn((
                Node { padding: UiRect::all(Val::Px(20.0)), ..default() },
                children![Text::new("Minimal window")],
            ));
        })
        .add_systems(Last, report_ready)
        .run()
}

fn report_ready(frames: Res<bevy::diagnostic::FrameCount>, mut done: Local<bool>) {
    if !*done && frames.0 >= 2 && std::env::var_os("REHEARSE_REPORT_READY").is_some() {
        *done = true;
        println!("ready pid={}", std::process::id());
        println!("idle pid={}", std::process::id());
    }
}
