//! Fonts that cover every seed language: Noto Sans (Latin, Cyrillic) with a CJK subset
//! registered as the fallback for Han and kana, so Romanian, Bulgarian, Bosnian and Chinese
//! scenario text all render (OFL, see `assets/fonts/OFL.txt`).
//!
//! The fonts are compiled into the binary and added to `Assets<Font>` before the first frame:
//! a binary copied to another station has them, and the first screen is laid out in them (with
//! files loaded from disk, the sign-in screen was laid out in Bevy's default font, which has no
//! Cyrillic or CJK, and stayed so until the trainee left it).

use bevy::prelude::*;
use bevy::text::FontCx;
use fontique::{FallbackKey, Script};

use super::theme::UiFont;

/// Family name inside `NotoSansSC-Subset.otf`.
const CJK_FAMILY: &str = "Noto Sans CJK SC";
/// Scripts drawn from the CJK font.
const CJK_SCRIPTS: [&[u8; 4]; 4] = [b"Hani", b"Hira", b"Kana", b"Bopo"];

/// Loads the fonts and keeps the CJK fallback registered.
pub struct FontsPlugin;

impl Plugin for FontsPlugin {
    fn build(&self, app: &mut App) {
        // Added while the app is built, not in a startup system: the first screen's `OnEnter`
        // runs before `PreStartup`, and must already find the fonts.
        let mut fonts = app.world_mut().resource_mut::<Assets<Font>>();
        let mut add = |bytes: &[u8]| fonts.add(Font::from_bytes(bytes.to_vec()));
        let ui = UiFont { regular: add(REGULAR), bold: add(BOLD) };
        let cjk = CjkFont(add(CJK));
        app.insert_resource(ui).insert_resource(cjk).add_systems(PostUpdate, register_fallbacks);
    }
}

/// Holds the CJK font alive (dropping a handle clears the collection, fallbacks included).
#[derive(Resource)]
struct CjkFont(#[allow(dead_code)] Handle<Font>);

const REGULAR: &[u8] = include_bytes!("../../assets/fonts/NotoSans-Regular.ttf");
const BOLD: &[u8] = include_bytes!("../../assets/fonts/NotoSans-Bold.ttf");
const CJK: &[u8] = include_bytes!("../../assets/fonts/NotoSansSC-Subset.otf");

fn register_fallbacks(mut cx: ResMut<FontCx>, mut texts: Query<&mut TextFont>) {
    let Some(cjk) = cx.collection.family_id(CJK_FAMILY) else { return };
    let mut changed = false;
    for script in CJK_SCRIPTS {
        let key = FallbackKey::new(Script::from_bytes(*script), None);
        if cx.collection.fallback_families(key).next() != Some(cjk) {
            cx.collection.set_fallbacks(key, std::iter::once(cjk));
            changed = true;
        }
    }
    if changed {
        // Text laid out before the fallback existed drew boxes: lay it out again.
        for mut t in &mut texts {
            t.set_changed();
        }
    }
}
