//! The screens, one plugin each, switched by the [`Screen`] state; and the diagnostics overlay.

mod briefing;
mod conversation;
mod debrief;
mod leaderboard;
mod overlay;
mod picker;
mod pin;
mod sign_in;

use bevy::input::ButtonState;
use bevy::input::keyboard::KeyboardInput;
use bevy::prelude::*;

pub use briefing::BriefingAction;
pub use conversation::{ChooseOption, ConversationAction, Reveal, SkipReveal};
pub use debrief::DebriefAction;
pub use leaderboard::LeaderboardAction;
pub use picker::PickerAction;
pub use pin::{AskPin, PinAction, TypedPin};
pub use sign_in::{SignInAction, Typed};

/// Which screen is showing.
#[derive(States, Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Screen {
    /// Pick or type a trainee name.
    #[default]
    SignIn,
    /// A roster trainee types their PIN.
    Pin,
    /// A card per scenario; practice or assessment.
    Picker,
    /// The situation, the customer, the goal.
    Briefing,
    /// The conversation itself.
    Conversation,
    /// Scores, verdicts, tips, transcript.
    Debrief,
    /// This month's ranking and the trainee's own history.
    Leaderboard,
}

/// Adds every screen.
pub struct ScreensPlugin;

impl Plugin for ScreensPlugin {
    fn build(&self, app: &mut App) {
        app.init_state::<Screen>().add_plugins((
            sign_in::plugin,
            pin::plugin,
            picker::plugin,
            briefing::plugin,
            conversation::plugin,
            debrief::plugin,
            leaderboard::plugin,
            overlay::plugin,
        ));
        app.add_systems(Startup, camera);
    }
}

fn camera(mut commands: Commands) {
    commands.spawn(Camera2d);
}

/// Keys pressed this frame (from keyboard messages, so simulated input in tests counts).
pub(crate) fn pressed(keys: &mut MessageReader<KeyboardInput>) -> Vec<KeyboardInput> {
    keys.read().filter(|k| k.state == ButtonState::Pressed).cloned().collect()
}

/// The digit 1–9 a key stands for.
pub(crate) fn digit(key: KeyCode) -> Option<usize> {
    use KeyCode::*;
    let keys = [Digit1, Digit2, Digit3, Digit4, Digit5, Digit6, Digit7, Digit8, Digit9];
    let pad = [Numpad1, Numpad2, Numpad3, Numpad4, Numpad5, Numpad6, Numpad7, Numpad8, Numpad9];
    keys.iter().position(|k| *k == key).or_else(|| pad.iter().position(|k| *k == key)).map(|i| i + 1)
}
