//! `scratchnet serve`: the playground, a small web server over the library.
//!
//! Three pages and the JSON API they use, all answered from the binary (the pages' HTML,
//! scripts and styles are compiled in: no network, no npm):
//!
//! - [`descent`]: `POST /api/descend` (the `descend` command's document), `GET /api/landscape`
//!   (a grid of values for the contour map), of a built-in function or a typed formula;
//! - [`training`]: one run of the book's network at a time, started, stopped and resumed by
//!   `POST`s, watched through server-sent events;
//! - [`digits`]: a drawing made into an MNIST image and read by a network; the test images
//!   and the confusion matrix.
//!
//! Handlers never panic on a request: bodies and queries are read by serde into typed requests
//! that refuse unknown fields, every value is checked against its limits (in [`api`] and beside
//! each route), and what fails answers 400 (or 404, 409, 413, 503) with `{"error": {"kind",
//! "message"}}`. The server runs on one thread
//! (tokio's current-thread runtime); computations that can take milliseconds run on tokio's
//! blocking threads, at most [`api::COMPUTE_SLOTS`] at once; a training has a thread of its own.

mod api;
mod descent;
mod digits;
mod pages;
mod training;

use std::net::SocketAddr;
use std::sync::Arc;

use anyhow::Context;
use axum::Router;
use axum::extract::DefaultBodyLimit;
use scratchnet::Mnist;

use crate::cli::serve::ServeArgs;

/// What every handler shares.
#[derive(Debug)]
pub struct App {
    /// The MNIST found at start (the Training and Digits pages).
    pub data: Arc<Mnist>,
    /// Which MNIST it is, in words.
    pub data_source: String,
    /// The training run of the Training page, if any.
    pub training: training::Trainer,
    /// The networks of the Digits page.
    pub digits: digits::Models,
    /// At most [`api::COMPUTE_SLOTS`] computations at once.
    pub compute: tokio::sync::Semaphore,
    /// Set when the server stops: server-sent event streams end.
    pub closing: tokio::sync::watch::Sender<bool>,
}

/// Runs the server until Ctrl-C (or SIGTERM, SIGHUP), then stops a running training and saves
/// its checkpoint. The port is taken first, so that a port in use is said before MNIST loads.
pub fn run(args: ServeArgs) -> anyhow::Result<()> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .context("cannot start the server's runtime")?;
    let (listener, url) = runtime.block_on(bind(&args))?;
    let found = scratchnet::find_mnist(args.data.as_deref())?;
    let data_source = found.to_string();
    let data = Arc::new(found.data);
    let digits = match &args.model {
        Some(path) => digits::Models::load(path, &data)?,
        None => digits::Models::built_in(data.clone()),
    };
    let app = Arc::new(App {
        data,
        data_source,
        training: training::Trainer::default(),
        digits,
        compute: tokio::sync::Semaphore::new(api::COMPUTE_SLOTS),
        closing: tokio::sync::watch::channel(false).0,
    });
    outln!("scratchnet playground: {url}  (Ctrl-C stops it)");
    errln!("{}", app.data_source);
    if args.open {
        open_browser(&url);
    }
    runtime.block_on(serve(app.clone(), listener))?;
    drop(runtime);
    match app.training.stop_for_exit(args.checkpoint.as_deref())? {
        Some(saved) => errln!("{saved}"),
        None => errln!("stopped"),
    }
    Ok(())
}

/// Takes the address, and says the URL to visit.
async fn bind(args: &ServeArgs) -> anyhow::Result<(tokio::net::TcpListener, String)> {
    let address = SocketAddr::new(args.host, args.port);
    let listener = tokio::net::TcpListener::bind(address)
        .await
        .with_context(|| match args.port {
            0 => format!("cannot listen on {address}"),
            port => format!(
                "cannot listen on {address} (is another server on port {port}? pick another \
                 with --port, or --port 0 for any free one)"
            ),
        })?;
    let bound = listener.local_addr()?;
    let url = match bound.ip() {
        ip if ip.is_unspecified() => format!("http://127.0.0.1:{}/", bound.port()),
        _ => format!("http://{bound}/"),
    };
    Ok((listener, url))
}

/// Answers until a signal, then ends the event streams so that the server can stop.
async fn serve(app: Arc<App>, listener: tokio::net::TcpListener) -> anyhow::Result<()> {
    let routes = router(app.clone());
    let closing = app.closing.clone();
    axum::serve(listener, routes)
        .with_graceful_shutdown(async move {
            signal().await;
            let _ = closing.send(true);
        })
        .await
        .context("the server failed")
}

/// Every route: the pages, then the API.
fn router(app: Arc<App>) -> Router {
    Router::new()
        .merge(pages::routes())
        .merge(descent::routes())
        .merge(training::routes())
        .merge(digits::routes())
        .fallback(api::not_found)
        .layer(DefaultBodyLimit::max(api::MAX_BODY))
        .with_state(app)
}

/// Ctrl-C, SIGTERM or SIGHUP.
async fn signal() {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{SignalKind, signal};
        let (Ok(mut term), Ok(mut hup)) = (
            signal(SignalKind::terminate()),
            signal(SignalKind::hangup()),
        ) else {
            let _ = tokio::signal::ctrl_c().await;
            return;
        };
        tokio::select! {
            _ = tokio::signal::ctrl_c() => {}
            _ = term.recv() => {}
            _ = hup.recv() => {}
        }
    }
    #[cfg(not(unix))]
    let _ = tokio::signal::ctrl_c().await;
}

/// Starts the desktop's browser on `url` (`xdg-open`, `open` on macOS, `start` on Windows),
/// saying so when there is none.
fn open_browser(url: &str) {
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
        errln!("no browser found to open: visit {url} yourself");
    }
}
