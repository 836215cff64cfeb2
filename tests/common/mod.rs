//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;

/// The shipped scenario folder.
pub fn scenarios_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios")
}

/// A copy of the shipped scenario folder in a temporary directory, to change.
pub fn shipped_copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&scenarios_dir(), dir.path());
    dir
}

/// A fixture path under `tests/fixtures`.
pub fn fixture(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(rel)
}

/// A data folder for this test process (sessions and keys of runs without `--db`).
pub fn data_dir() -> PathBuf {
    Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("rehearse-data-{}", std::process::id()))
}

/// The output of one run of the `rehearse` binary.
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

/// Run the real `rehearse` binary with arguments, from the repository root.
pub fn rehearse(args: &[&str]) -> Run {
    rehearse_in(Path::new(env!("CARGO_MANIFEST_DIR")), args, None)
}

/// Run `rehearse` in a folder, optionally feeding standard input.
pub fn rehearse_in(dir: &Path, args: &[&str], stdin: Option<&str>) -> Run {
    use std::io::Write;
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_rehearse"));
    cmd.args(args).current_dir(dir).env_remove("REHEARSE_SCENARIOS");
    // Sessions saved by tests never reach the user's own data folder or database.
    // The tests read English unless they ask for a language (`--lang` wins over the variable),
    // whatever the machine's locale.
    cmd.env("REHEARSE_LANG", "en");
    cmd.env("REHEARSE_DATA", data_dir())
        .env_remove("REHEARSE_DB")
        .env_remove("REHEARSE_KEY")
        .env_remove("REHEARSE_KEY_FILE");
    cmd.stdin(std::process::Stdio::piped()).stdout(std::process::Stdio::piped()).stderr(std::process::Stdio::piped());
    let mut child = cmd.spawn().expect("the rehearse binary starts");
    if let Some(mut pipe) = child.stdin.take() {
        let _ = pipe.write_all(stdin.unwrap_or("").as_bytes());
    }
    let out = child.wait_with_output().expect("the rehearse binary finishes");
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// Copy a folder and everything in it.
pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let path = entry.unwrap().path();
        let target = to.join(path.file_name().unwrap());
        if path.is_dir() {
            copy_dir(&path, &target);
        } else {
            std::fs::copy(&path, &target).unwrap();
        }
    }
}
