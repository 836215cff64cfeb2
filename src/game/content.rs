//! The scenario library as Bevy assets, hot-reloaded.
//!
//! Every file of the scenario folder is loaded as [`RonText`] from the `scenarios://` asset
//! source, which the asset server watches. Whenever a file changes, the whole library is
//! validated again by the core ([`Library::from_sources`]) and merged with the previous one so
//! a scenario whose new version has errors keeps playing its last good version
//! ([`Library::keep_last_good`]). If the rulebook breaks, the previous library stays in force.
//! [`Content`] holds the result and every diagnostic the overlay shows.

use std::path::PathBuf;

use bevy::asset::io::Reader;
use bevy::asset::{AssetLoader, LoadContext, LoadState};
use bevy::prelude::*;

use super::Launch;
use crate::diag::Diagnostic;
use crate::library::{Library, RULEBOOK_FILE, Sources, scenario_files, translation_paths};

/// The text of one file of the scenario folder.
#[derive(Asset, TypePath, Debug, Clone)]
pub struct RonText(pub String);

/// Loads `.ron` files as text (validation happens over the whole library, not per file).
#[derive(Default, TypePath)]
pub struct RonTextLoader;

impl AssetLoader for RonTextLoader {
    type Asset = RonText;
    type Settings = ();
    type Error = std::io::Error;

    async fn load(
        &self,
        reader: &mut dyn Reader,
        _settings: &(),
        _load_context: &mut LoadContext<'_>,
    ) -> Result<RonText, std::io::Error> {
        let mut bytes = Vec::new();
        reader.read_to_end(&mut bytes).await?;
        String::from_utf8(bytes)
            .map(RonText)
            .map_err(|e| std::io::Error::new(std::io::ErrorKind::InvalidData, format!("not UTF-8 text: {e}")))
    }

    fn extensions(&self) -> &[&str] {
        &["ron", "po"]
    }
}

/// The library the game plays, and what is wrong with the files.
#[derive(Resource, Debug, Default)]
pub struct Content {
    /// The playable library (last good versions kept); None until it first loads, or when the
    /// rulebook has never been valid.
    pub library: Option<Library>,
    /// Errors to show in the overlay (file:line:column: message).
    pub errors: Vec<Diagnostic>,
    /// A folder-level problem (missing folder, unreadable rulebook), in words.
    pub problem: Option<String>,
    /// Bumped every time the library is rebuilt.
    pub generation: u64,
}

impl Content {
    /// True once the library has loaded at least once.
    pub fn ready(&self) -> bool {
        self.library.is_some() || self.problem.is_some()
    }

    /// A scenario's title for people, by id, in `lang`; the id itself when the library does not
    /// have it (a scenario since removed).
    pub fn title_of(&self, id: &str, lang: crate::l10n::Lang) -> String {
        let Some(lib) = self.library.as_ref() else { return id.to_string() };
        let Some(entry) = lib.entries.iter().find(|e| e.scenario.id == id) else { return id.to_string() };
        let english = entry.scenario.title.clone();
        lib.catalog(lang, id).lookup("title", &english).map_or(english, str::to_string)
    }

    /// `entry` in `lang` through the current library's translations (as it is when there is
    /// no library).
    pub fn localized(&self, entry: &crate::library::Entry, lang: crate::l10n::Lang) -> crate::library::Localized {
        match self.library.as_ref() {
            Some(lib) => lib.localized(entry, lang),
            None => crate::library::Localized { entry: entry.clone(), lang, fallbacks: Default::default() },
        }
    }
}

#[derive(Resource, Debug, Default)]
struct Files {
    rulebook: Option<Handle<RonText>>,
    scenarios: Vec<(PathBuf, Handle<RonText>)>,
    translations: Vec<(PathBuf, Handle<RonText>)>,
    dirty: bool,
}

/// Loads the scenario folder and rebuilds the library on every change.
pub struct ContentPlugin;

impl Plugin for ContentPlugin {
    fn build(&self, app: &mut App) {
        app.init_asset::<RonText>()
            .init_asset_loader::<RonTextLoader>()
            .init_resource::<Content>()
            .init_resource::<Files>()
            .add_systems(Startup, load_folder)
            .add_systems(PreUpdate, (rescan, watch, rebuild).chain());
    }
}

fn load_folder(launch: Res<Launch>, assets: Res<AssetServer>, mut files: ResMut<Files>, mut content: ResMut<Content>) {
    let dir = &launch.scenarios;
    // The library compiled into the binary has no folder to watch.
    if crate::library::is_built_in(dir) {
        apply(&mut content, Library::from_sources(&Sources::built_in()));
        return;
    }
    let list = match scenario_files(dir) {
        Ok(list) => list,
        Err(e) => {
            content.problem = Some(e.to_string());
            content.generation += 1;
            return;
        }
    };
    let path = |name: &std::ffi::OsStr| format!("scenarios://{}", name.to_string_lossy());
    if dir.join(RULEBOOK_FILE).is_file() {
        files.rulebook = Some(assets.load(path(RULEBOOK_FILE.as_ref())));
    }
    files.scenarios =
        list.into_iter().filter_map(|f| Some((f.clone(), assets.load(path(f.file_name()?))))).collect::<Vec<_>>();
    files.translations = translation_paths(dir)
        .into_iter()
        .filter_map(|f| Some((f.clone(), assets.load(asset_path(dir, &f)?))))
        .collect();
    // The first library is read straight from disk, so the first screen does not wait for the
    // asset server; the assets are there to be watched for changes.
    let first = Sources::read(dir).and_then(|s| Library::from_sources(&s));
    apply(&mut content, first);
}

/// The asset server watches files it has loaded; a scenario file added or removed later is
/// picked up here, by listing the folder at most once a second.
fn rescan(
    launch: Res<Launch>,
    time: Res<Time<Real>>,
    assets: Res<AssetServer>,
    mut files: ResMut<Files>,
    mut last: Local<Option<std::time::Duration>>,
) {
    let now = time.elapsed();
    if last.is_some_and(|t| now.saturating_sub(t) < std::time::Duration::from_secs(1)) {
        return;
    }
    *last = Some(now);
    let Ok(list) = scenario_files(&launch.scenarios) else { return };
    let before = files.scenarios.len();
    files.scenarios.retain(|(f, _)| list.contains(f));
    let mut changed = files.scenarios.len() != before;
    for f in list {
        if !files.scenarios.iter().any(|(known, _)| *known == f)
            && let Some(name) = f.file_name()
        {
            let handle = assets.load(format!("scenarios://{}", name.to_string_lossy()));
            files.scenarios.push((f, handle));
            changed = true;
        }
    }
    let translations = translation_paths(&launch.scenarios);
    let before = files.translations.len();
    files.translations.retain(|(f, _)| translations.contains(f));
    changed |= files.translations.len() != before;
    for f in translations {
        if !files.translations.iter().any(|(known, _)| *known == f)
            && let Some(path) = asset_path(&launch.scenarios, &f)
        {
            files.translations.push((f, assets.load(path)));
            changed = true;
        }
    }
    if changed {
        files.scenarios.sort_by(|a, b| a.0.cmp(&b.0));
        files.translations.sort_by(|a, b| a.0.cmp(&b.0));
        files.dirty = true;
    }
}

/// The `scenarios://` asset path of a file inside the scenario folder.
fn asset_path(dir: &std::path::Path, file: &std::path::Path) -> Option<String> {
    let inside = file.strip_prefix(dir).ok()?;
    let parts: Vec<String> = inside.components().map(|c| c.as_os_str().to_string_lossy().into_owned()).collect();
    Some(format!("scenarios://{}", parts.join("/")))
}

fn watch(
    mut events: MessageReader<AssetEvent<RonText>>,
    mut failed: MessageReader<bevy::asset::AssetLoadFailedEvent<RonText>>,
    mut files: ResMut<Files>,
) {
    let mut any = false;
    for e in events.read() {
        any |= matches!(e, AssetEvent::Modified { .. });
    }
    any |= failed.read().count() > 0;
    if any {
        files.dirty = true;
    }
}

fn rebuild(
    launch: Res<Launch>,
    assets: Res<AssetServer>,
    texts: Res<Assets<RonText>>,
    mut files: ResMut<Files>,
    mut content: ResMut<Content>,
) {
    if !files.dirty {
        return;
    }
    // Wait until every file has either loaded or failed once.
    let settled = |h: &Handle<RonText>| {
        texts.contains(h.id()) || matches!(assets.get_load_state(h.id()), Some(LoadState::Failed(_)) | None)
    };
    if !files
        .rulebook
        .iter()
        .chain(files.scenarios.iter().map(|(_, h)| h))
        .chain(files.translations.iter().map(|(_, h)| h))
        .all(settled)
    {
        return;
    }
    files.dirty = false;
    let text_of = |h: &Handle<RonText>| texts.get(h.id()).map(|t| t.0.clone());
    let sources = Sources {
        dir: launch.scenarios.clone(),
        rulebook: files.rulebook.as_ref().and_then(text_of).ok_or_else(|| "cannot read the file".to_string()),
        scenarios: files
            .scenarios
            .iter()
            .map(|(f, h)| (f.clone(), text_of(h).ok_or_else(|| "cannot read the file".to_string())))
            .collect(),
        translations: files
            .translations
            .iter()
            .map(|(f, h)| (f.clone(), text_of(h).ok_or_else(|| "cannot read the file".to_string())))
            .collect(),
    };
    let rebuilt = Library::from_sources(&sources);
    apply(&mut content, rebuilt);
    // A trainer editing a translation sees its syntax errors like a scenario's. (Only on a
    // change: at start-up the files are parsed when their language is first used.)
    if let Some(lib) = content.library.as_ref() {
        let problems = lib.translations.problems();
        content.errors.extend(problems);
    }
}

/// Install a freshly validated library, keeping the last good versions of broken files.
fn apply(content: &mut Content, result: Result<Library, crate::library::LibraryError>) {
    content.generation += 1;
    match result {
        Ok(fresh) => {
            let lib = match &content.library {
                Some(previous) => fresh.keep_last_good(previous),
                None => fresh,
            };
            content.errors = lib.diagnostics.iter().filter(|d| d.is_error()).cloned().collect();
            content.problem = None;
            content.library = Some(lib);
        }
        Err(crate::library::LibraryError::Rulebook(diags)) => {
            content.errors = diags;
            if content.library.is_none() {
                content.problem = Some("the rulebook has errors, so no scenario can be scored".into());
            }
        }
        Err(e) => {
            content.errors.clear();
            content.problem = Some(e.to_string());
        }
    }
}
