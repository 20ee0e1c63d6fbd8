//! `scratchnet serve`: the playground in the browser (the server itself is the crate
//! `scratchnet-serve`).

use scratchnet_book::text::{Lang, commands};
use std::net::IpAddr;
use std::path::PathBuf;

/// Flags of `scratchnet serve`.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Pages: /descent, /training, /digits; the JSON API is in the guide \
    (\"The playground's API\").\n\nExamples:\n  scratchnet serve --open\n  \
    scratchnet serve --port 8080 --model net.safetensors"
)]
pub struct ServeArgs {
    /// The address to listen on. The default answers this machine only; 0.0.0.0 exposes the
    /// playground to your network: then every request must carry the token printed in the URL.
    #[arg(long, default_value = "127.0.0.1")]
    pub host: IpAddr,
    /// The port (0: any free one; the URL printed says which).
    #[arg(long, default_value_t = 8000)]
    pub port: u16,
    /// Open the playground in a browser, when one is there.
    #[arg(long)]
    pub open: bool,
    /// The directory with the four MNIST files for the Training and Digits pages (default:
    /// $SCRATCHNET_DATA, else the cache `fetch-mnist` fills, else the built-in slice).
    #[arg(long, value_name = "DIR")]
    pub data: Option<PathBuf>,
    /// The network the Digits page asks (saved by `scratchnet train --save`). Default: the
    /// book's network trained on the built-in slice as the server starts (a second or two).
    #[arg(long, value_name = "FILE.safetensors")]
    pub model: Option<PathBuf>,
    /// Where Ctrl-C saves the checkpoint of a training still running (default:
    /// ./scratchnet-checkpoint, or -2, -3, ... when that holds another run's).
    #[arg(long, value_name = "DIR")]
    pub checkpoint: Option<PathBuf>,
}

/// Starts the server, says where it is, and when it stops, what became of a running training.
pub fn run(args: ServeArgs, lang: Lang) -> anyhow::Result<()> {
    let server = scratchnet_serve::Server::bind(scratchnet_serve::Options {
        host: args.host,
        port: args.port,
        data: args.data,
        model: args.model,
        checkpoint: args.checkpoint,
    })?;
    outln!(
        "{}",
        commands::SERVE_AT.say(lang, &[("url", &server.url())])
    );
    errln!("{}", server.data_source());
    if args.open {
        open_browser(server.url(), lang);
    }
    match server.run()? {
        Some(saved) => errln!("{saved}"),
        None => errln!("{}", commands::SERVE_STOPPED.get(lang)),
    }
    Ok(())
}

/// Starts the desktop's browser on `url` (`xdg-open`, `open` on macOS, `start` on Windows),
/// saying so when there is none.
fn open_browser(url: &str, lang: Lang) {
    let command = if cfg!(target_os = "macos") {
        std::process::Command::new("open").arg(url).spawn()
    } else if cfg!(windows) {
        std::process::Command::new("cmd")
            .args(["/C", "start", "", url])
            .spawn()
    } else {
        std::process::Command::new("xdg-open").arg(url).spawn()
    };
    if command.is_err() {
        errln!("{}", commands::NO_BROWSER.say(lang, &[("url", &url)]));
    }
}
