//! Standard output and standard error as a Unix tool uses them. `println!` panics when it
//! cannot write ("failed printing to stdout: Broken pipe" under `scratchnet train | head -1`),
//! which would stop a training before its model is saved. Every line the command prints goes
//! through [`outln!`] and [`errln!`] instead:
//! - a closed pipe ends that stream's output quietly, and the command goes on to the end, so
//!   that it still saves what it was asked to save;
//! - any other failure to write standard output (`> /dev/full`) is remembered and reported when
//!   the command has finished ([`failure`]), with exit status 1.

use std::fmt::Arguments;
use std::io::{self, Write};
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};

/// Prints a line on standard output, as `println!` does, without panicking (module docs).
macro_rules! outln {
    ($($arg:tt)*) => { $crate::cli::out::stdout(format_args!("{}\n", format_args!($($arg)*))) };
}

/// Prints on standard output, as `print!` does, without panicking (module docs).
macro_rules! out {
    ($($arg:tt)*) => { $crate::cli::out::stdout(format_args!($($arg)*)) };
}

/// Prints a line on standard error, as `eprintln!` does, without panicking (module docs).
macro_rules! errln {
    ($($arg:tt)*) => { $crate::cli::out::stderr(format_args!("{}\n", format_args!($($arg)*))) };
}

static STDOUT_CLOSED: AtomicBool = AtomicBool::new(false);
static STDERR_CLOSED: AtomicBool = AtomicBool::new(false);
static STDOUT_FAILURE: Mutex<Option<io::Error>> = Mutex::new(None);

/// Writes `text` on standard output (see the module docs).
pub fn stdout(text: Arguments) {
    if STDOUT_CLOSED.load(Ordering::Relaxed) {
        return;
    }
    let mut out = io::stdout().lock();
    if let Err(e) = out.write_fmt(text).and_then(|()| out.flush()) {
        STDOUT_CLOSED.store(true, Ordering::Relaxed);
        if e.kind() != io::ErrorKind::BrokenPipe {
            let mut failure = STDOUT_FAILURE.lock().unwrap_or_else(|e| e.into_inner());
            failure.get_or_insert(e);
        }
    }
}

/// Writes `text` on standard error; a closed standard error is ignored (there is nowhere left
/// to say anything).
pub fn stderr(text: Arguments) {
    if STDERR_CLOSED.load(Ordering::Relaxed) {
        return;
    }
    if io::stderr().lock().write_fmt(text).is_err() {
        STDERR_CLOSED.store(true, Ordering::Relaxed);
    }
}

/// Why standard output could not be written, other than a reader that went away.
pub fn failure() -> Option<io::Error> {
    STDOUT_FAILURE
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .take()
}
