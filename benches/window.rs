//! The game window against a minimal Bevy app with the same plugin set
//! (`examples/minimal_window.rs`), in one run under Xvfb: time from start to the first
//! interactive frame, resident memory, and CPU while idle on the conversation screen.
//!
//! Build both first: `cargo build --release --bin rehearse --example minimal_window`, then
//! `cargo bench --bench window`. `REHEARSE_BENCH_BIN_DIR` points at another profile's binaries
//! (e.g. `target/debug`). Targets: start-up ratio ≤ 1.25, memory ratio ≤ 1.2, idle CPU ≤ 2%.
//! Processes are measured from outside (wall clock, /proc); the game prints when a background
//! save starts and ends, with the longest frame drawn meanwhile (`REHEARSE_REPORT_READY`), and
//! the harness holds the database's write lock for 3 s of it.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const RUNS: usize = 5;
const IDLE: Duration = Duration::from_secs(5);

struct Sample {
    ready: Duration,
    rss_kib: u64,
    idle_cpu: f64,
}

fn bin_dir() -> PathBuf {
    std::env::var_os("REHEARSE_BENCH_BIN_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("target/release"))
}

/// Wait for a line starting with `word` and return the pid it names.
fn wait_for(lines: &mut impl Iterator<Item = std::io::Result<String>>, word: &str) -> Option<u32> {
    for line in lines.by_ref() {
        let line = line.ok()?;
        if let Some(rest) = line.strip_prefix(word) {
            return rest.trim().strip_prefix("pid=")?.parse().ok();
        }
    }
    None
}

fn proc_field(pid: u32, key: &str) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|l| l.starts_with(key))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// utime + stime in clock ticks.
fn cpu_ticks(pid: u32) -> Option<u64> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    let after = &stat[stat.rfind(')')? + 2..];
    let f: Vec<&str> = after.split_whitespace().collect();
    Some(f.get(11)?.parse::<u64>().ok()? + f.get(12)?.parse::<u64>().ok()?)
}

/// Start `program` under Xvfb, reporting its progress on stdout.
fn launch(program: &Path, args: &[&str], data: &Path) -> Child {
    Command::new("xvfb-run")
        .args(["-a", "-s", "-screen 0 1280x720x24"])
        .arg(program)
        .args(args)
        .env("REHEARSE_REPORT_READY", "1")
        .env("REHEARSE_DATA", data)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("xvfb-run (apt-get install xvfb xauth mesa-vulkan-drivers libvulkan1)")
}

fn measure(program: &Path, args: &[&str], data: &Path) -> Sample {
    let start = Instant::now();
    let mut child = launch(program, args, data);
    let mut lines = BufReader::new(child.stdout.take().expect("stdout")).lines();
    let pid = wait_for(&mut lines, "ready").unwrap_or_else(|| panic!("{} never became ready", program.display()));
    let ready = start.elapsed();
    wait_for(&mut lines, "idle").expect("idle");
    std::thread::sleep(Duration::from_millis(500));
    let rss_kib = proc_field(pid, "VmRSS:").unwrap_or(0);
    let t0 = cpu_ticks(pid).unwrap_or(0);
    let w0 = Instant::now();
    std::thread::sleep(IDLE);
    let ticks = cpu_ticks(pid).unwrap_or(0).saturating_sub(t0);
    let hz = 100.0; // USER_HZ on Linux
    let idle_cpu = ticks as f64 / hz / w0.elapsed().as_secs_f64() * 100.0;
    let _ = Command::new("kill").arg(pid.to_string()).status();
    let _ = child.wait();
    Sample { ready, rss_kib, idle_cpu }
}

/// Play angry_warranty to the end in the window and save, with the database locked by another
/// connection for `lock` after the save starts (the save waits for it): the longest frame drawn
/// while the save ran, how many frames were drawn, and the longest of the 60 frames before it.
fn save_frames(program: &Path, data: &Path, lock: Duration) -> (f64, u64, f64) {
    let _ = std::fs::remove_dir_all(data);
    std::fs::create_dir_all(data).expect("data folder");
    let db = data.join("rehearse.db");
    rehearse::records::Store::open(&rehearse::records::DbSpec::Sqlite(db.clone())).expect("database");
    let holder = rusqlite::Connection::open(&db).expect("second connection");
    let args = [
        "--trainee",
        "Bench",
        "--scenario",
        "angry_warranty",
        "--seed",
        "1",
        "--autoplay",
        "3,2,3,1,4,3,2,2,2,1,2,3",
        "--pace",
        "0",
    ];
    let mut child = launch(program, &args, data);
    let mut lines = BufReader::new(child.stdout.take().expect("stdout")).lines();
    wait_for(&mut lines, "ready").expect("ready");
    if !lock.is_zero() {
        holder.execute_batch("BEGIN EXCLUSIVE").expect("lock");
    }
    let pid = wait_for(&mut lines, "saving").expect("the save starts");
    std::thread::sleep(lock);
    if !lock.is_zero() {
        holder.execute_batch("COMMIT").expect("unlock");
    }
    let saved = lines
        .by_ref()
        .map_while(Result::ok)
        .find_map(|l| l.strip_prefix("saved ").map(str::to_string))
        .expect("the save ends");
    let _ = Command::new("kill").arg(pid.to_string()).status();
    let _ = child.wait();
    let field = |k: &str| saved.split_whitespace().find_map(|w| w.strip_prefix(k)).and_then(|v| v.parse::<f64>().ok());
    (
        field("longest_ms=").unwrap_or(f64::NAN),
        field("frames=").unwrap_or(0.0) as u64,
        field("before_ms=").unwrap_or(f64::NAN),
    )
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn main() {
    if std::env::args().any(|a| a == "--list") {
        println!("window: bench");
        return;
    }
    let dir = bin_dir();
    let game = dir.join("rehearse");
    let minimal = dir.join("examples/minimal_window");
    for p in [&game, &minimal] {
        assert!(
            p.is_file(),
            "{} is missing: cargo build --release --bin rehearse --example minimal_window",
            p.display()
        );
    }
    let data = std::env::temp_dir().join(format!("rehearse-bench-{}", std::process::id()));
    // The game goes to the conversation screen (one reply played), then idles there.
    let game_args =
        ["--trainee", "Bench", "--scenario", "angry_warranty", "--seed", "1", "--autoplay", "3", "--pace", "0"];
    let (mut g, mut m) = (Vec::new(), Vec::new());
    for _ in 0..RUNS {
        m.push(measure(&minimal, &[], &data));
        g.push(measure(&game, &game_args, &data));
    }
    let (mut free, mut locked) = (Vec::new(), Vec::new());
    for _ in 0..3 {
        free.push(save_frames(&game, &data, Duration::ZERO));
        locked.push(save_frames(&game, &data, Duration::from_secs(3)));
    }
    let _ = std::fs::remove_dir_all(&data);
    let med = |s: &[Sample], f: fn(&Sample) -> f64| median(s.iter().map(f).collect());
    let (gr, mr) = (med(&g, |s| s.ready.as_secs_f64()), med(&m, |s| s.ready.as_secs_f64()));
    let (gm, mm) = (med(&g, |s| s.rss_kib as f64), med(&m, |s| s.rss_kib as f64));
    let (gc, mc) = (med(&g, |s| s.idle_cpu), med(&m, |s| s.idle_cpu));
    println!("window: median of {RUNS} runs each, under Xvfb (binaries from {})", dir.display());
    println!(
        "  start to first interactive frame: game {gr:.3} s, minimal {mr:.3} s, ratio {:.2} (target <= 1.25)",
        gr / mr
    );
    println!(
        "  resident memory:                  game {:.1} MiB, minimal {:.1} MiB, ratio {:.2} (target <= 1.2)",
        gm / 1024.0,
        mm / 1024.0,
        gm / mm
    );
    println!("  idle CPU on the conversation:     game {gc:.2}% of a core, minimal {mc:.2}% (target <= 2%)");
    let (lf, bf) = (median(locked.iter().map(|s| s.0).collect()), median(locked.iter().map(|s| s.2).collect()));
    println!(
        "  longest frame during a save:      database locked 3 s {lf:.1} ms ({} frames drawn meanwhile), \
         longest of the 60 frames before it {bf:.1} ms, ratio {:.2} (goal: no frame over 50 ms); \
         unlocked, the save ended within {} frame(s)",
        median(locked.iter().map(|s| s.1 as f64).collect()),
        lf / bf,
        median(free.iter().map(|s| s.1 as f64).collect())
    );
}
