//! The `rehearse` program: a thin shell over the library (see `src/cli`).

mod cli;

fn main() -> std::process::ExitCode {
    // Like other command-line tools, stop quietly when the reader of the output goes away
    // (`rehearse analyze | head`) instead of panicking on a broken pipe: Rust ignores SIGPIPE
    // by default, which turns every later `println!` into a panic.
    #[cfg(unix)]
    // SAFETY: sets the signal's disposition to the default before any other thread starts;
    // no handler runs Rust code.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
    cli::run()
}
