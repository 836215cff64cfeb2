//! Fonts that cover every seed language: Noto Sans (Latin, Cyrillic) with a CJK subset
//! registered as the fallback for Han and kana, so Romanian, Bulgarian, Bosnian and Chinese
//! scenario text all render (OFL, see `assets/fonts/OFL.txt`).

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
        app.add_systems(PreStartup, load).add_systems(PostUpdate, register_fallbacks);
    }
}

/// Holds the CJK font alive (dropping a handle clears the collection, fallbacks included).
#[derive(Resource)]
struct CjkFont(#[allow(dead_code)] Handle<Font>);

fn load(mut commands: Commands, assets: Res<AssetServer>) {
    commands.insert_resource(UiFont {
        regular: assets.load("fonts/NotoSans-Regular.ttf"),
        bold: assets.load("fonts/NotoSans-Bold.ttf"),
    });
    commands.insert_resource(CjkFont(assets.load("fonts/NotoSansSC-Subset.otf")));
}

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
