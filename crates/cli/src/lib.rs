//! The `scratchnet` command: one subcommand per experiment of the book, the tour, and the
//! playground (`serve`, the crate `scratchnet-serve`). It is the program on top of the crate
//! graph: it calls the book's library, the engine, the pictures and the server, and nothing
//! calls it but the facade's binary.
//!
//! Exit status: 0 on success, 2 for a usage error (a bad flag or value), 1 for a runtime error
//! (a picture that cannot be written, ...), 130 for a training or a download stopped by Ctrl-C,
//! SIGTERM or SIGHUP (a training's checkpoint written, a download's partial file removed). Errors are printed once, with their causes, and where a command would fix them, a
//! line saying which. With `--json`, a failure also prints one JSON document on stdout,
//! `{"error": {"kind": ..., "message": ...}}`, so that a script always reads one document.

#![forbid(unsafe_code)]

#[macro_use]
mod cli;

use std::process::ExitCode;

/// The command: parses the arguments, runs the subcommand, prints an error once with its causes,
/// and returns the exit status. The `scratchnet` binary is this function.
#[must_use]
pub fn main() -> ExitCode {
    // asked before parsing, so that a usage error is answered in JSON too
    let json = std::env::args_os()
        .take_while(|a| a != "--")
        .any(|a| a == "--json");
    let lang = cli::lang_asked();
    let result = cli::parse(lang)
        .map_err(anyhow::Error::from)
        .and_then(cli::run);
    let result = match cli::out::failure() {
        Some(e) if result.is_ok() => {
            Err(anyhow::Error::new(e).context("cannot write to standard output"))
        }
        _ => result,
    };
    let Err(err) = result else {
        return ExitCode::SUCCESS;
    };
    if let Some(usage) = err.downcast_ref::<clap::Error>() {
        // --help and --version come this way too, and are not failures
        if json && usage.use_stderr() {
            let message = usage.render().to_string();
            let first = message.lines().next().unwrap_or_default();
            cli::json_error("usage", first.trim_start_matches("error: "));
        }
        if lang == scratchnet_book::text::Lang::Ko && usage.use_stderr() {
            let said = cli::say_usage(&usage.render().to_string(), lang);
            errln!("{}", said.trim_end());
            return ExitCode::from(2);
        }
        usage.exit();
    }
    let stopped = err
        .downcast_ref::<cli::Interrupted>()
        .map(ToString::to_string)
        .or_else(|| err.downcast_ref::<cli::Stopped>().map(ToString::to_string));
    if let Some(stopped) = stopped {
        if json {
            cli::json_error("interrupted", &stopped);
        }
        errln!("{stopped}");
        return ExitCode::from(130);
    }
    let advice = cli::advice(&err, lang);
    if json {
        let mut message = cli::say_error(&err, lang);
        if let Some(advice) = &advice {
            message = format!("{message}\n{advice}");
        }
        cli::json_error(cli::error_kind(&err), &message);
    }
    errln!(
        "{}",
        scratchnet_book::text::commands::ERROR
            .say(lang, &[("message", &cli::say_error(&err, lang))])
    );
    if let Some(advice) = advice {
        errln!("{advice}");
    }
    ExitCode::FAILURE
}
