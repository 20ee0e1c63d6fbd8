//! The `scratchnet` command: one subcommand per experiment of chapter 4.
//!
//! Exit status: 0 on success, 2 for a usage error (a bad flag or value), 1 for a runtime error
//! (a picture that cannot be written, ...), 130 for a training stopped by Ctrl-C (its checkpoint
//! written). Errors are printed once, with their causes, and where a command would fix them, a
//! line saying which.

#[macro_use]
mod cli;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = cli::Cli::parse();
    let result = cli::run(cli);
    let result = match cli::out::failure() {
        Some(e) if result.is_ok() => {
            Err(anyhow::Error::new(e).context("cannot write to standard output"))
        }
        _ => result,
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            if let Some(usage) = err.downcast_ref::<clap::Error>() {
                usage.exit();
            }
            if let Some(stopped) = err.downcast_ref::<cli::Interrupted>() {
                errln!("{stopped}");
                return ExitCode::from(130);
            }
            errln!("error: {err:#}");
            if let Some(advice) = cli::advice(&err) {
                errln!("{advice}");
            }
            ExitCode::FAILURE
        }
    }
}
