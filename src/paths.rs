//! Where the program keeps its own files.

use std::path::{Path, PathBuf};

/// The data folder: `$REHEARSE_DATA`, else `$XDG_DATA_HOME/rehearse`, else
/// `~/.local/share/rehearse`, else `./rehearse-data`. Holds the session database, the key file,
/// and optionally a trainer's `scenarios` folder.
pub fn data_dir() -> PathBuf {
    std::env::var_os("REHEARSE_DATA").map(PathBuf::from).unwrap_or_else(|| {
        std::env::var_os("XDG_DATA_HOME")
            .map(PathBuf::from)
            .or_else(|| std::env::var_os("HOME").map(|h| Path::new(&h).join(".local/share")))
            .map_or_else(|| PathBuf::from("rehearse-data"), |d| d.join("rehearse"))
    })
}
