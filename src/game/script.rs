//! The scripted run: `--trainee NAME --scenario ID --autoplay 2,1,3 --screenshot-dir DIR
//! --exit-after-debrief`. It plays the given replies in the real window at a steady pace,
//! saving a PNG of every screen it passes (picker, briefing, every turn, debrief).

use std::path::PathBuf;

use bevy::prelude::*;
use bevy::render::view::screenshot::{Screenshot, ScreenshotCaptured};

use super::content::Content;
use super::play::{Play, Selected, Trainee};
use super::screens::{BriefingAction, ChooseOption, Reveal, Screen, SkipReveal};

/// What the scripted run does.
#[derive(Debug, Clone, Default)]
pub struct ScriptOptions {
    /// Scenario id to play.
    pub scenario: String,
    /// 1-based option numbers, one per turn.
    pub autoplay: Vec<usize>,
    /// Where to save the PNGs.
    pub screenshot_dir: Option<PathBuf>,
    /// Quit with exit code 0 once the debrief has been shown (and saved).
    pub exit_after_debrief: bool,
    /// Window size (default 1280×720).
    pub window_size: Option<(u32, u32)>,
    /// Seconds between steps.
    pub pace: f32,
}

/// Drives the game through a scripted run.
pub struct ScriptPlugin {
    /// The script.
    pub options: ScriptOptions,
}

impl Plugin for ScriptPlugin {
    fn build(&self, app: &mut App) {
        app.insert_resource(Script { options: self.options.clone(), ..default() })
            .init_resource::<ScriptDone>()
            .insert_resource(bevy::winit::WinitSettings {
                focused_mode: bevy::winit::UpdateMode::Continuous,
                unfocused_mode: bevy::winit::UpdateMode::Continuous,
            })
            .add_systems(Update, drive);
    }
}

/// True once the scripted run has played every reply and left the window to the user.
#[derive(Resource, Debug, Default)]
pub struct ScriptDone(pub bool);

#[derive(Resource, Debug, Default)]
struct Script {
    options: ScriptOptions,
    /// Frames and seconds spent on the current step.
    frames: u32,
    waited: f32,
    /// Replies given so far.
    played: usize,
    /// A screenshot is on its way.
    capturing: bool,
    /// Screens already photographed, by name.
    taken: Vec<String>,
    /// The play version the last choice was made at.
    chose_at: Option<u64>,
}

/// Frames to let shaders compile and text lay out before a screenshot.
const SETTLE_FRAMES: u32 = 12;

impl Script {
    fn settled(&self) -> bool {
        !self.capturing && self.frames >= SETTLE_FRAMES && self.waited >= self.options.pace
    }

    fn next_step(&mut self) {
        self.frames = 0;
        self.waited = 0.0;
    }

    /// Photograph the screen once under `name`; true once it is done (or when not saving).
    fn photo(&mut self, commands: &mut Commands, name: &str) -> bool {
        if self.taken.iter().any(|t| t == name) {
            return !self.capturing;
        }
        self.taken.push(name.to_string());
        let Some(dir) = self.options.screenshot_dir.clone() else { return true };
        let path = dir.join(format!("{name}.png"));
        self.capturing = true;
        commands.spawn(Screenshot::primary_window()).observe(
            move |ev: On<ScreenshotCaptured>, mut script: ResMut<Script>| {
                let saved = ev
                    .image
                    .clone()
                    .try_into_dynamic()
                    .map_err(|e| e.to_string())
                    .and_then(|img| img.to_rgb8().save(&path).map_err(|e| e.to_string()));
                if let Err(e) = saved {
                    eprintln!("rehearse: cannot save the screenshot {}: {e}", path.display());
                }
                script.capturing = false;
            },
        );
        false
    }
}

fn fail(exit: &mut MessageWriter<AppExit>, message: String) {
    eprintln!("rehearse: {message}");
    exit.write(AppExit::from_code(2));
}

#[allow(clippy::too_many_arguments)]
fn drive(
    mut commands: Commands,
    time: Res<Time>,
    mut script: ResMut<Script>,
    screen: Res<State<Screen>>,
    mut next: ResMut<NextState<Screen>>,
    content: Res<Content>,
    trainee: Option<Res<Trainee>>,
    play: Option<Res<Play>>,
    launch: Res<super::Launch>,
    reveal: Res<Reveal>,
    buttons: Query<(Entity, &BriefingAction)>,
    mut choose: MessageWriter<ChooseOption>,
    mut skip: MessageWriter<SkipReveal>,
    mut exit: MessageWriter<AppExit>,
    mut done: ResMut<ScriptDone>,
    saving: Option<Res<super::play::SaveTask>>,
) {
    if done.0 {
        return;
    }
    script.frames += 1;
    script.waited += time.delta_secs();
    if !script.settled() {
        return;
    }
    match screen.get() {
        Screen::SignIn => {
            if trainee.is_none() {
                fail(&mut exit, "the scripted run needs --trainee NAME".into());
            }
        }
        Screen::Pin => fail(
            &mut exit,
            "--trainee names a trainee on the roster, who signs in with a PIN: a scripted run cannot give one \
             (use another name for demos)"
                .into(),
        ),
        Screen::Picker => {
            if !content.ready() || !script.photo(&mut commands, "01-picker") {
                return;
            }
            let id = script.options.scenario.clone();
            let Some(entry) = content.library.as_ref().and_then(|l| l.entries.iter().find(|e| e.scenario.id == id))
            else {
                let known = content
                    .library
                    .as_ref()
                    .map(|l| l.entries.iter().map(|e| e.scenario.id.clone()).collect::<Vec<_>>().join(", "));
                return fail(
                    &mut exit,
                    format!("no playable scenario `{id}`; available: {}", known.unwrap_or_default()),
                );
            };
            let seed = launch.seed.unwrap_or(1);
            commands.insert_resource(Selected { entry: entry.clone(), mode: launch.mode, seed, guide: None });
            next.set(Screen::Briefing);
            script.next_step();
        }
        Screen::Briefing => {
            if !script.photo(&mut commands, "02-briefing") {
                return;
            }
            // Press Start as a user would: the briefing starts the session.
            let Some(start) = buttons.iter().find(|(_, a)| **a == BriefingAction::Start).map(|(e, _)| e) else {
                return;
            };
            commands.trigger(bevy::ui_widgets::Activate { entity: start });
            script.next_step();
        }
        Screen::Conversation => {
            let Some(play) = play else { return };
            if play.session.is_finished() {
                let name = format!("03-turn-{:02}-end", play.session.turn() + 1);
                if script.photo(&mut commands, &name) {
                    next.set(Screen::Debrief);
                    script.next_step();
                }
                return;
            }
            if script.chose_at == Some(play.version) {
                if script.frames > SETTLE_FRAMES * 4 {
                    let n = script.options.autoplay[script.played - 1];
                    fail(
                        &mut exit,
                        format!(
                            "autoplay: option {n} at turn {} is not offered (1 to {})",
                            script.played,
                            play.session.option_count()
                        ),
                    );
                }
                return;
            }
            if !reveal.done() || reveal.version != Some(play.version) {
                skip.write(SkipReveal);
                script.next_step();
                return;
            }
            let name = format!("03-turn-{:02}", play.session.turn() + 1);
            if !script.photo(&mut commands, &name) {
                return;
            }
            let Some(&n) = script.options.autoplay.get(script.played) else {
                if script.options.exit_after_debrief {
                    fail(
                        &mut exit,
                        format!("autoplay ran out after {} replies, before the conversation ended", script.played),
                    );
                } else if !done.0 {
                    // Nothing left to play: hand the window to the user, rendering reactively.
                    done.0 = true;
                    commands.insert_resource(crate::game::theme::reactive());
                }
                return;
            };
            choose.write(ChooseOption(n));
            script.played += 1;
            script.chose_at = Some(play.version);
            script.next_step();
        }
        Screen::Debrief => {
            // The photograph shows where the session went, not "Saving…".
            if saving.is_some() || !script.photo(&mut commands, "04-debrief") {
                return;
            }
            if script.options.exit_after_debrief {
                // The saved session shows on the leaderboard: photograph it on the way out.
                next.set(Screen::Leaderboard);
                script.next_step();
            }
        }
        Screen::Leaderboard => {
            if script.photo(&mut commands, "05-leaderboard") && script.options.exit_after_debrief {
                exit.write(AppExit::Success);
            }
        }
    }
}
