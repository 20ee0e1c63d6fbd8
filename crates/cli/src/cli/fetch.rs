//! `scratchnet fetch-mnist`: download MNIST, checked, into the data directory.

use scratchnet_book::text::{Lang, commands};
use std::ops::ControlFlow;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use indicatif::{ProgressBar, ProgressStyle};
use scratchnet_book::data::fetch::{FetchEvent, MIRRORS, fetch_mnist};
use scratchnet_book::data::source::download_dir;

/// Flags of `scratchnet fetch-mnist`.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "A mirror that does not connect in 15 s, or sends nothing for 30 s, is given up for the \
    next. Ctrl-C stops the download and removes the partial file.\n\nExamples:\n  scratchnet fetch-mnist\n  scratchnet fetch-mnist --dir mnist/ && scratchnet train --data mnist/"
)]
pub struct FetchArgs {
    /// Where to put the files (default: $SCRATCHNET_DATA, else the user's cache directory).
    #[arg(long, value_name = "DIR")]
    dir: Option<PathBuf>,
    /// Download from this base address instead of the built-in mirrors (repeat for fallbacks).
    #[arg(long, value_name = "URL")]
    mirror: Vec<String>,
}

/// Downloads the four files, with a progress bar. Ctrl-C (or SIGTERM, SIGHUP) stops the download
/// at its next bytes and removes the partial file; the command exits with status 130.
// About 70 lines: the download's steps and what each says, in order.
pub fn run(args: FetchArgs, lang: Lang) -> anyhow::Result<()> {
    let dir = download_dir(args.dir.as_deref());
    let mirrors: Vec<&str> = if args.mirror.is_empty() {
        MIRRORS.to_vec()
    } else {
        args.mirror.iter().map(String::as_str).collect()
    };
    let stop = Arc::new(AtomicBool::new(false));
    let flag = stop.clone();
    // the handler only sets the flag: the download loop sees it within one read
    let _ = ctrlc::set_handler(move || flag.store(true, Ordering::SeqCst));
    outln!(
        "{}",
        commands::FETCH_INTO.say(lang, &[("dir", &dir.display())])
    );
    let bar = ProgressBar::hidden();
    // how many mirrors are left for the file being fetched, to say whether another is tried
    let mut left = mirrors.len();
    let result = fetch_mnist(&dir, &mirrors, |event| {
        match event {
            FetchEvent::Present { file } => {
                left = mirrors.len();
                outln!("{}", commands::FETCH_THERE.say(lang, &[("file", &file)]));
            }
            FetchEvent::Start { file, url, size } => {
                bar.set_draw_target(indicatif::ProgressDrawTarget::stderr());
                bar.reset();
                bar.set_length(size.unwrap_or(0));
                bar.set_style(
                    ProgressStyle::with_template(
                        "{msg} {bar:30} {bytes}/{total_bytes} {bytes_per_sec}",
                    )
                    .unwrap_or_else(|_| ProgressStyle::default_bar()),
                );
                bar.set_message(file);
                bar.suspend(|| outln!("{}", commands::FETCH_FROM.say(lang, &[("url", &url)])));
            }
            FetchEvent::Progress { bytes } => bar.set_position(bytes),
            FetchEvent::Done { file } => {
                left = mirrors.len();
                bar.finish_and_clear();
                outln!("{}", commands::FETCH_DONE.say(lang, &[("file", &file)]));
            }
            FetchEvent::MirrorFailed { url, reason } => {
                bar.finish_and_clear();
                left -= 1;
                let next = if left > 0 {
                    commands::FETCH_NEXT.get(lang)
                } else {
                    ""
                };
                errln!(
                    "{}",
                    commands::FETCH_FAILED
                        .say(lang, &[("url", &url), ("reason", &reason), ("next", &next)])
                );
            }
        }
        if stop.load(Ordering::SeqCst) {
            ControlFlow::Break(())
        } else {
            ControlFlow::Continue(())
        }
    });
    bar.finish_and_clear();
    if stop.load(Ordering::SeqCst) {
        let dir = args
            .dir
            .as_ref()
            .map_or(String::new(), |d| format!(" --dir {}", d.display()));
        return Err(super::Stopped(commands::FETCH_STOPPED.say(lang, &[("dir", &dir)])).into());
    }
    result?;
    outln!(
        "{}",
        commands::FETCH_READY.say(lang, &[("dir", &dir.display())])
    );
    Ok(())
}
