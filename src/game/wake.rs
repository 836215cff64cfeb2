//! Live authoring while the window sleeps: the trainer edits a scenario in their editor, the game
//! window is unfocused and, being reactive, updates only every 30 s. A watcher thread wakes the
//! event loop as soon as a file in the scenario folder changes, and the app then keeps updating
//! for a couple of seconds, long enough for the asset server's own (debounced) watcher to deliver
//! the change and the library to be rebuilt.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use bevy::prelude::*;
use bevy::window::RequestRedraw;
use bevy::winit::{EventLoopProxyWrapper, WinitUserEvent};
use notify::Watcher;

use super::Launch;

/// How long the app keeps updating after a file changed.
const STAY_AWAKE: Duration = Duration::from_secs(3);

/// Wakes the window when the scenario folder changes.
pub struct WakePlugin;

impl Plugin for WakePlugin {
    fn build(&self, app: &mut App) {
        app.add_systems(Startup, watch).add_systems(Update, stay_awake);
    }
}

/// The watcher (kept alive) and when the last change was seen, in ms since `since`.
#[derive(Resource)]
struct FolderWatch {
    _watcher: notify::RecommendedWatcher,
    since: Instant,
    last_change_ms: Arc<AtomicU64>,
}

fn watch(mut commands: Commands, launch: Res<Launch>, proxy: Option<Res<EventLoopProxyWrapper>>) {
    let Some(proxy) = proxy else { return };
    if crate::library::is_built_in(&launch.scenarios) {
        return;
    }
    let proxy = (**proxy).clone();
    let since = Instant::now();
    let last_change_ms = Arc::new(AtomicU64::new(0));
    let seen = Arc::clone(&last_change_ms);
    let watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
        if event.is_ok_and(|e| !e.kind.is_access()) {
            seen.store(since.elapsed().as_millis().max(1) as u64, Ordering::Relaxed);
            let _ = proxy.send_event(WinitUserEvent::WakeUp);
        }
    });
    let watching = watcher.and_then(|mut w| {
        w.watch(&launch.scenarios, notify::RecursiveMode::NonRecursive)?;
        Ok(w)
    });
    match watching {
        Ok(w) => commands.insert_resource(FolderWatch { _watcher: w, since, last_change_ms }),
        // Without it edits still show, at the window's next update.
        Err(e) => warn!("cannot watch {} for edits: {e}", launch.scenarios.display()),
    }
}

fn stay_awake(watch: Option<Res<FolderWatch>>, mut redraw: MessageWriter<RequestRedraw>) {
    let Some(w) = watch else { return };
    let last = w.last_change_ms.load(Ordering::Relaxed);
    if last > 0 && w.since.elapsed().as_millis() as u64 <= last + STAY_AWAKE.as_millis() as u64 {
        redraw.write(RequestRedraw);
    }
}
