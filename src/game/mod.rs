//! The Bevy game: screens as states, one plugin per screen, over the plain-Rust core.
//!
//! The game holds no rules of its own. It asks the [`Session`](crate::engine::Session) what the
//! customer says and which replies are offered, hands it the trainee's choice and the game time
//! it took, and shows the [`Scorecard`](crate::score::Scorecard) the scorer computes.
//!
//! [`GamePlugin`] is everything but the window: tests add it to a headless app
//! ([`headless_app`]). [`run`] adds the window, the renderer and the fonts.

pub mod content;
mod fonts;
pub mod play;
pub mod screens;
pub mod script;
pub mod theme;
mod wake;

use std::path::PathBuf;

use bevy::prelude::*;

use crate::records::{DbSpec, Mode, Store, Stored};

pub use screens::Screen;

/// How the game was started.
#[derive(Resource, Debug, Clone)]
pub struct Launch {
    /// The scenario folder (hot-reloaded).
    pub scenarios: PathBuf,
    /// Where finished sessions are saved.
    pub db: DbSpec,
    /// The record key file (see `records::Key`); None for the default.
    pub key_file: Option<PathBuf>,
    /// Sign in as this trainee and skip the sign-in screen.
    pub trainee: Option<String>,
    /// Open this scenario directly (with [`Launch::mode`]).
    pub scenario: Option<String>,
    /// The mode for `scenario`.
    pub mode: Mode,
    /// The seed for sessions (random when None).
    pub seed: Option<u64>,
    /// The language to start in (`--lang`, `REHEARSE_LANG`, else the operating system's); the
    /// sign-in screen can change it, and a trainee's last choice is remembered.
    pub lang: crate::l10n::Lang,
    /// Where each trainee's chosen language is remembered on this station
    /// (`l10n::remembered`; `languages.txt` in the data folder).
    pub languages: PathBuf,
}

/// The interface's language and messages now: every screen reads its words from here.
#[derive(Resource, Debug, Clone)]
pub struct Locale(pub crate::l10n::Messages);

impl Locale {
    /// The language.
    pub fn lang(&self) -> crate::l10n::Lang {
        self.0.lang()
    }
}

impl std::ops::Deref for Locale {
    type Target = crate::l10n::Messages;
    fn deref(&self) -> &crate::l10n::Messages {
        &self.0
    }
}

impl Launch {
    /// The names to offer on the sign-in screen, or why the database cannot be read: the
    /// roster's trainees, then others who have practised, most recently active first.
    pub fn trainees(&self) -> Result<Vec<String>, String> {
        let mut store = Store::open(&self.db).map_err(|e| e.to_string())?;
        let roster = store.roster().map_err(|e| e.to_string())?;
        let mut names: Vec<String> = roster.iter().filter(|t| t.is_active()).map(|t| t.name.clone()).collect();
        for name in store.trainees().map_err(|e| e.to_string())? {
            if crate::records::roster::owner(&roster, None, &name).is_none() && !names.contains(&name) {
                names.push(name);
            }
        }
        Ok(names)
    }

    /// The scenarios assigned for this month (UTC), by id; empty when none are, or when the
    /// database cannot be read (the picker then shows no assignment).
    pub fn assigned_now(&self) -> Vec<String> {
        let month = crate::records::Month::now().to_string();
        Store::open(&self.db).and_then(|mut s| s.assignments(&month)).unwrap_or_default()
    }

    /// The roster trainee called `name` (case ignored), if there is one.
    pub fn on_roster(&self, name: &str) -> Result<Option<crate::records::Trainee>, String> {
        let roster = Store::open(&self.db).and_then(|mut s| s.roster()).map_err(|e| e.to_string())?;
        Ok(crate::records::roster::find(&roster, name).cloned())
    }

    /// Check a roster trainee's PIN (a wrong one counts towards a pause).
    pub fn check_pin(
        &self,
        who: &str,
        pin: &str,
    ) -> Result<crate::records::Trainee, crate::records::roster::RosterError> {
        let mut store = Store::open(&self.db)?;
        crate::records::roster::sign_in(&mut store, who, pin)
    }

    /// A trainee's sessions, newest first, or why they cannot be read.
    pub fn history(&self, trainee: &str) -> Result<Vec<Stored>, String> {
        Store::open(&self.db).and_then(|mut s| s.history(trainee)).map_err(|e| e.to_string())
    }
}

/// The result of background work (a `Task` on one of Bevy's pools) once it is done. Until then
/// it asks for another frame, so a reactive window keeps updating instead of sleeping until the
/// next input, and gives None.
pub(crate) fn poll<T>(
    task: &mut bevy::tasks::Task<T>,
    redraw: &mut MessageWriter<bevy::window::RequestRedraw>,
) -> Option<T> {
    let done = bevy::tasks::futures::check_ready(task);
    if done.is_none() {
        redraw.write(bevy::window::RequestRedraw);
    }
    done
}

/// Everything of the game except the window and the renderer.
pub struct GamePlugin {
    /// Start-up options.
    pub launch: Launch,
}

impl Plugin for GamePlugin {
    fn build(&self, app: &mut App) {
        app.insert_resource(self.launch.clone())
            .insert_resource(Locale(crate::l10n::Messages::new(self.launch.lang)))
            .init_resource::<theme::UiFont>()
            .add_plugins((content::ContentPlugin, screens::ScreensPlugin, play::PlayPlugin));
        if std::env::var_os("REHEARSE_REPORT_READY").is_some() {
            app.add_systems(Last, (report_ready, report_save_frames));
        }
    }
}

/// For `benches/window.rs` and `tests/window.rs`: print `ready pid=N` at the first interactive
/// frame (the library loaded and a screen drawn), `idle pid=N` once a scripted run has nothing
/// left to do, and `library generation=N` each time the library is rebuilt after that.
fn report_ready(
    frames: Res<bevy::diagnostic::FrameCount>,
    content: Res<content::Content>,
    roots: Query<(), With<DespawnOnExit<Screen>>>,
    script: Option<Res<script::ScriptDone>>,
    mut said: Local<(bool, bool)>,
    mut generation: Local<u64>,
) {
    if !said.0 && content.ready() && !roots.is_empty() && frames.0 >= 2 {
        said.0 = true;
        *generation = content.generation;
        println!("ready pid={}", std::process::id());
    }
    if said.0 && content.generation != *generation {
        *generation = content.generation;
        println!("library generation={}", content.generation);
    }
    if said.0 && !said.1 && script.is_none_or(|d| d.0) {
        said.1 = true;
        println!("idle pid={}", std::process::id());
    }
}

/// For `benches/window.rs`: print `saving pid=N` when a background save starts, then
/// `saved longest_ms=X frames=N before_ms=Y` when it ends: the longest frame drawn while it ran,
/// and, as the baseline, the longest of the 60 frames before it started.
fn report_save_frames(
    time: Res<Time<Real>>,
    saving: Option<Res<play::SaveTask>>,
    mut recent: Local<std::collections::VecDeque<f64>>,
    mut during: Local<Option<(f64, u64, f64)>>,
) {
    let frame_ms = time.delta_secs_f64() * 1000.0;
    match (saving.is_some(), during.as_mut()) {
        (true, None) => {
            println!("saving pid={}", std::process::id());
            *during = Some((0.0, 0, recent.iter().copied().fold(0.0, f64::max)));
        }
        (true, Some((longest, frames, _))) => {
            *longest = longest.max(frame_ms);
            *frames += 1;
        }
        (false, Some((longest, frames, before))) => {
            println!("saved longest_ms={longest:.1} frames={frames} before_ms={before:.1}");
            *during = None;
        }
        (false, None) => {
            recent.push_back(frame_ms);
            if recent.len() > 60 {
                recent.pop_front();
            }
        }
    }
}

/// Register the hot-reloaded `scenarios://` asset source. Must run before the asset plugin.
pub fn register_scenarios_source(app: &mut App, dir: &std::path::Path) {
    use bevy::asset::io::{AssetSourceBuilder, AssetSourceId};
    let dir = std::path::absolute(dir).unwrap_or_else(|_| dir.to_path_buf());
    let path = dir.to_string_lossy().into_owned();
    app.register_asset_source(AssetSourceId::from("scenarios"), AssetSourceBuilder::platform_default(&path, None));
}

/// A headless app with the real game plugins and no window, for tests: the asset server
/// watches `launch.scenarios` for changes.
pub fn headless_app(launch: Launch) -> App {
    let mut app = App::new();
    register_scenarios_source(&mut app, &launch.scenarios);
    app.add_plugins((
        MinimalPlugins,
        bevy::input::InputPlugin,
        bevy::state::app::StatesPlugin,
        AssetPlugin { watch_for_changes_override: Some(true), ..default() },
    ));
    app.add_plugins(GamePlugin { launch });
    app
}

/// Options of the scripted run (`--autoplay` and friends).
pub use script::ScriptOptions;

/// Open the window and run the game until it closes.
pub fn run(launch: Launch, script: Option<ScriptOptions>) -> AppExit {
    let mut app = App::new();
    register_scenarios_source(&mut app, &launch.scenarios);
    let size = script.as_ref().and_then(|s| s.window_size).unwrap_or((1280, 720));
    let assets = std::env::var_os("BEVY_ASSET_ROOT")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")))
        .join("assets");
    app.add_plugins(
        DefaultPlugins
            .set(WindowPlugin {
                primary_window: Some(Window {
                    title: "rehearse".into(),
                    resolution: size.into(),
                    resize_constraints: WindowResizeConstraints { min_width: 320.0, min_height: 240.0, ..default() },
                    ..default()
                }),
                ..default()
            })
            .set(AssetPlugin {
                file_path: assets.to_string_lossy().into_owned(),
                watch_for_changes_override: Some(true),
                ..default()
            })
            .set(bevy::log::LogPlugin { level: bevy::log::Level::WARN, ..default() }),
    )
    .add_plugins((
        bevy::input_focus::tab_navigation::TabNavigationPlugin,
        fonts::FontsPlugin,
        theme::DesktopPlugin,
        wake::WakePlugin,
    ))
    .add_plugins(GamePlugin { launch });
    if let Some(s) = script {
        app.add_plugins(script::ScriptPlugin { options: s });
    }
    app.run()
}

/// True when a window can be opened: an X11 display is named (this build draws through X11).
pub fn display_available() -> bool {
    std::env::var_os("DISPLAY").is_some_and(|d| !d.is_empty())
}
