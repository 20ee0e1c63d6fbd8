//! The playground: a small web server over the book's library and its engine, which
//! `scratchnet serve` starts ([`Server`]).
//!
//! Four pages and the JSON API they use, all answered from the binary (the pages' HTML,
//! scripts and styles are compiled in: no network, no npm):
//!
//! - `descent.rs`: `POST /api/descend` (the `descend` command's document), `GET /api/landscape`
//!   (a grid of values for the contour map), of a built-in function or a typed formula;
//! - `training/`: one run of the book's network at a time, started, stopped and resumed by
//!   `POST`s, watched through server-sent events;
//! - `digits.rs`: a drawing made into an MNIST image and read by a network; the test images
//!   and the confusion matrix;
//! - `initialisation.rs`: `GET /api/init-histogram`, each layer's activations for an
//!   activation function and a scale of the initial weights (the book's figures 6-10 to 6-14);
//! - `language.rs`: `GET /api/texts`, the catalogue of every sentence in English or Korean,
//!   from which the pages fill themselves; and `lang=en|ko` on every API route, the language
//!   of the sentences in its answers (its diagnoses, its errors).
//!
//! It is as careful as a server on the internet, though it answers this machine only:
//!
//! - `connections.rs`: no client can hold it (idle connections closed, stalled ones shed to make
//!   room below the limit of open files);
//! - `guard.rs`: only its own pages may use it (Host, Origin, a token on other addresses), and
//!   bodies are JSON, bounded in size and in time;
//! - handlers never panic on a request: bodies and queries are read by serde into typed requests
//!   that refuse unknown fields and `null`, every value is checked against its limits (in
//!   `api.rs` and beside each route) before any work, and what fails answers 400 (or 403, 404,
//!   408, 409, 413, 415, 503) with `{"error": {"kind", "message"}}`, a 400 naming the field
//!   (`api/fields.rs`).
//!
//! The server runs on one thread (tokio's current-thread runtime); computations that can take
//! milliseconds run on tokio's blocking threads, at most `api::COMPUTE_SLOTS` at once and
//! `api::COMPUTE_QUEUE` waiting; a training has a thread of its own.

mod api;
mod connections;
mod descent;
mod digits;
mod guard;
mod initialisation;
mod language;
mod pages;
mod training;

use std::net::{IpAddr, SocketAddr};
use std::path::PathBuf;
use std::sync::Arc;

use anyhow::Context;
use axum::Router;
use axum::extract::DefaultBodyLimit;
use scratchnet_book::Mnist;
use scratchnet_book::text::Lang;

/// What every handler shares.
#[derive(Debug)]
pub(crate) struct App {
    /// The MNIST found at start (the Training and Digits pages).
    pub data: Arc<Mnist>,
    /// Which MNIST it is, in words: English, Korean.
    pub data_source: [String; 2],
    /// The training run of the Training page, if any.
    pub training: training::Trainer,
    /// The networks of the Digits page.
    pub digits: digits::Models,
    /// At most [`api::COMPUTE_SLOTS`] computations at once.
    pub compute: tokio::sync::Semaphore,
    /// How many computations wait for a slot (at most [`api::COMPUTE_QUEUE`]).
    pub compute_waiting: std::sync::atomic::AtomicUsize,
    /// Set when the server stops: server-sent event streams end.
    pub closing: tokio::sync::watch::Sender<bool>,
}

impl App {
    /// Which MNIST the pages use, in words, in `lang`.
    pub fn data_source(&self, lang: Lang) -> &str {
        &self.data_source[usize::from(lang == Lang::Ko)]
    }
}

/// How to serve: what `scratchnet serve`'s flags say.
#[derive(Clone, Debug)]
pub struct Options {
    /// The address to listen on (`127.0.0.1` answers this machine only).
    pub host: IpAddr,
    /// The port (0: any free one).
    pub port: u16,
    /// The directory of MNIST for the Training and Digits pages (`None`: as
    /// [`find_mnist`](scratchnet_book::find_mnist) looks).
    pub data: Option<PathBuf>,
    /// The network the Digits page asks (`None`: the book's network trained on the built-in
    /// slice as the server starts).
    pub model: Option<PathBuf>,
    /// Where a training still running at the end saves its checkpoint (`None`:
    /// [`Claim::default_dir`](scratchnet_book::train::Claim::default_dir)).
    pub checkpoint: Option<PathBuf>,
}

/// A server with its address taken and its data loaded, ready to [`run`](Server::run). It
/// never prints: the command line says what [`url`](Server::url) and
/// [`data_source`](Server::data_source) are.
#[derive(Debug)]
pub struct Server {
    runtime: tokio::runtime::Runtime,
    listener: tokio::net::TcpListener,
    url: String,
    app: Arc<App>,
    guard: Arc<guard::Guard>,
    checkpoint: Option<PathBuf>,
}

impl Server {
    /// Takes the address, then loads MNIST and the Digits page's network. The port is taken
    /// first, so that a port in use is said before MNIST loads.
    ///
    /// # Errors
    /// If the address cannot be taken, MNIST cannot be read, or the model cannot be loaded.
    pub fn bind(options: Options) -> anyhow::Result<Server> {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .context("cannot start the server's runtime")?;
        let (listener, mut url) = runtime.block_on(bind(options.host, options.port))?;
        let guard = Arc::new(guard::Guard::for_host(options.host)?);
        if let Some(token) = guard.token() {
            url = format!("{url}?token={token}");
        }
        let found = scratchnet_book::find_mnist(options.data.as_deref())?;
        let data_source = Lang::ALL.map(|lang| found.say(lang));
        let data = Arc::new(found.data);
        let digits = match &options.model {
            Some(path) => digits::Models::load(path, data.clone())?,
            None => digits::Models::built_in(data.clone()),
        };
        let app = Arc::new(App {
            data,
            data_source,
            training: training::Trainer::default(),
            digits,
            compute: tokio::sync::Semaphore::new(api::COMPUTE_SLOTS),
            compute_waiting: std::sync::atomic::AtomicUsize::new(0),
            closing: tokio::sync::watch::channel(false).0,
        });
        Ok(Server {
            runtime,
            listener,
            url,
            app,
            guard,
            checkpoint: options.checkpoint,
        })
    }

    /// The URL to visit (with the token, on an address other than loopback).
    #[must_use]
    pub fn url(&self) -> &str {
        &self.url
    }

    /// Which MNIST the pages use, in words.
    #[must_use]
    pub fn data_source(&self) -> &str {
        self.app.data_source(Lang::En)
    }

    /// Answers until Ctrl-C (or SIGTERM, SIGHUP), then stops a running training and saves its
    /// checkpoint. Returns what happened to that training, in a sentence, if there was one.
    ///
    /// # Errors
    /// If the server fails, or the checkpoint cannot be saved.
    pub fn run(self) -> anyhow::Result<Option<String>> {
        let Server {
            runtime,
            listener,
            app,
            guard,
            checkpoint,
            ..
        } = self;
        runtime.block_on(serve(app.clone(), guard, listener));
        drop(runtime);
        app.training.stop_for_exit(checkpoint.as_deref())
    }
}

/// Takes the address, and says the URL to visit.
async fn bind(host: IpAddr, port: u16) -> anyhow::Result<(tokio::net::TcpListener, String)> {
    let address = SocketAddr::new(host, port);
    let listener = tokio::net::TcpListener::bind(address)
        .await
        .with_context(|| match port {
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

/// Answers until a signal, then ends the event streams and the connections so that the
/// server can stop.
async fn serve(app: Arc<App>, guard: Arc<guard::Guard>, listener: tokio::net::TcpListener) {
    let routes = router(app.clone(), guard);
    let closing = app.closing.clone();
    let stopping = app.closing.subscribe();
    tokio::spawn(async move {
        signal().await;
        let _ = closing.send(true);
    });
    let limits = connections::Limits::of_this_process();
    connections::serve(listener, routes, limits, stopping).await;
}

/// Every route: the pages, then the API, behind the language layer, behind the guard.
fn router(app: Arc<App>, guard: Arc<guard::Guard>) -> Router {
    Router::new()
        .merge(pages::routes())
        .merge(descent::routes())
        .merge(training::routes())
        .merge(digits::routes())
        .merge(initialisation::routes())
        .merge(language::routes())
        .fallback(api::not_found)
        .layer(DefaultBodyLimit::max(guard::MAX_BODY))
        .with_state(app)
        .layer(axum::middleware::from_fn(language::choose))
        .layer(axum::middleware::from_fn_with_state(guard, guard::check))
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
