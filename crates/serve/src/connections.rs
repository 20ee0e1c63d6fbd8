//! The connections: accepted, served over HTTP/1.1 and closed, so that no client can hold the
//! server. A web server must answer its next visitor whatever the others do; these are the
//! rules that keep it so:
//!
//! - a connection with no request in progress (one that is still sending its headers, or idle
//!   between requests) is closed after [`IDLE_TIMEOUT`]; hyper also closes one whose headers
//!   take longer than that;
//! - a request body must arrive within [`api::BODY_TIMEOUT`](crate::api::BODY_TIMEOUT)
//!   (`api.rs`);
//! - at most [`Limits::connections`] connections are open at once, below the process's limit
//!   of open files: when a new one would pass it, the oldest connection with no request in
//!   progress is closed to make room, so that stalled clients never lock a visitor out; when
//!   every connection is busy (event streams, say), the new one is closed at once.
//!
//! A request is *in progress* from its last header line until its answer's last byte: an event
//! stream is one long request, and is never closed as idle.

use std::collections::BTreeMap;
use std::convert::Infallible;
use std::pin::Pin;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::task::{Context, Poll};
use std::time::{Duration, Instant};

use axum::Router;
use axum::body::Body;
use axum::http::{Request, Response};
use hyper::body::{Frame, Incoming, SizeHint};
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::service::TowerToHyperService;
use tokio::net::TcpListener;
use tokio::sync::{Notify, watch};

/// How long a connection may be open with no request in progress: 10 s.
pub const IDLE_TIMEOUT: Duration = Duration::from_secs(10);
/// Descriptors kept free for everything else the server opens (MNIST, checkpoints, its
/// runtime): 64.
const RESERVED_FILES: usize = 64;
/// The most connections at once whatever the limit of open files: 4,096.
const MAX_CONNECTIONS: usize = 4_096;
/// How long the server waits, when it stops, for the requests in progress to end: 5 s.
const SHUTDOWN_GRACE: Duration = Duration::from_secs(5);

/// How many connections the server keeps open.
#[derive(Clone, Copy, Debug)]
pub struct Limits {
    /// The most connections open at once.
    pub connections: usize,
}

impl Limits {
    /// The limit of open files of this process less [`RESERVED_FILES`], at most
    /// [`MAX_CONNECTIONS`]: with the usual `ulimit -n 1024`, 960.
    pub fn of_this_process() -> Limits {
        let files = open_files_limit().unwrap_or(1024);
        Limits {
            connections: files
                .saturating_sub(RESERVED_FILES)
                .clamp(16, MAX_CONNECTIONS),
        }
    }
}

/// The soft limit of open files (`ulimit -n`), read from `/proc/self/limits` on Linux.
fn open_files_limit() -> Option<usize> {
    let limits = std::fs::read_to_string("/proc/self/limits").ok()?;
    let line = limits.lines().find(|l| l.starts_with("Max open files"))?;
    line.split_whitespace().nth(3)?.parse().ok()
}

/// One open connection, as the table of connections sees it.
#[derive(Debug)]
struct Connection {
    /// Requests in progress (more than one only if a client pipelines).
    in_progress: AtomicUsize,
    /// Milliseconds since `born` when the last request ended (or the connection opened).
    idle_since: AtomicU64,
    born: Instant,
    /// Asks the connection's task to close it.
    close: Notify,
}

impl Connection {
    fn is_idle(&self) -> bool {
        self.in_progress.load(Ordering::SeqCst) == 0
    }

    fn idle_for(&self) -> Duration {
        let since = Duration::from_millis(self.idle_since.load(Ordering::SeqCst));
        self.born.elapsed().saturating_sub(since)
    }

    fn mark_idle(&self) {
        let now = self.born.elapsed().as_millis();
        self.idle_since
            .store(u64::try_from(now).unwrap_or(u64::MAX), Ordering::SeqCst);
    }
}

/// A request in progress on a connection; dropped with the answer's last byte.
#[derive(Debug)]
struct InProgress(Arc<Connection>);

impl InProgress {
    fn start(connection: &Arc<Connection>) -> Self {
        connection.in_progress.fetch_add(1, Ordering::SeqCst);
        InProgress(connection.clone())
    }
}

impl Drop for InProgress {
    fn drop(&mut self) {
        self.0.mark_idle();
        self.0.in_progress.fetch_sub(1, Ordering::SeqCst);
    }
}

/// An answer's body that keeps its request in progress until it is sent or dropped.
struct Tracked {
    body: Body,
    _request: InProgress,
}

impl hyper::body::Body for Tracked {
    type Data = axum::body::Bytes;
    type Error = axum::Error;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Self::Data>, Self::Error>>> {
        Pin::new(&mut self.body).poll_frame(cx)
    }

    fn is_end_stream(&self) -> bool {
        self.body.is_end_stream()
    }

    fn size_hint(&self) -> SizeHint {
        self.body.size_hint()
    }
}

/// The open connections, oldest first.
#[derive(Debug, Default)]
struct Table {
    open: Mutex<BTreeMap<u64, Arc<Connection>>>,
    next: AtomicU64,
}

impl Table {
    fn lock(&self) -> MutexGuard<'_, BTreeMap<u64, Arc<Connection>>> {
        self.open.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Closes the oldest connection with no request in progress; whether there was one.
    fn shed(open: &mut BTreeMap<u64, Arc<Connection>>) -> bool {
        let Some(oldest_idle) = open.iter().find(|(_, c)| c.is_idle()).map(|(&id, _)| id) else {
            return false;
        };
        if let Some(shed) = open.remove(&oldest_idle) {
            shed.close.notify_one();
        }
        true
    }

    /// Registers a new connection if there is room, making room by closing the oldest idle
    /// one if need be; `None` if every connection is busy.
    fn open(&self, limit: usize) -> Option<(u64, Arc<Connection>)> {
        let mut open = self.lock();
        if open.len() >= limit && !Self::shed(&mut open) {
            return None;
        }
        let id = self.next.fetch_add(1, Ordering::SeqCst);
        let connection = Arc::new(Connection {
            in_progress: AtomicUsize::new(0),
            idle_since: AtomicU64::new(0),
            born: Instant::now(),
            close: Notify::new(),
        });
        open.insert(id, connection.clone());
        Some((id, connection))
    }

    fn close(&self, id: u64) {
        self.lock().remove(&id);
    }
}

/// Accepts connections on `listener` and answers them with `router` until `stop` is set,
/// then lets the requests in progress end (at most [`SHUTDOWN_GRACE`]).
// About 60 lines: the accept loop with each way it goes on or stops.
pub async fn serve(
    listener: TcpListener,
    router: Router,
    limits: Limits,
    mut stop: watch::Receiver<bool>,
) {
    let table = Arc::new(Table::default());
    let mut tasks = tokio::task::JoinSet::new();
    loop {
        while tasks.try_join_next().is_some() {}
        let accepted = tokio::select! {
            accepted = listener.accept() => accepted,
            _ = stop.wait_for(|stopping| *stopping) => break,
        };
        let stream = match accepted {
            Ok((stream, _)) => stream,
            Err(e) => {
                // out of descriptors (EMFILE), or a connection reset before it was accepted:
                // make room, wait a moment and go on
                if !matches!(
                    e.kind(),
                    std::io::ErrorKind::ConnectionAborted | std::io::ErrorKind::ConnectionReset
                ) {
                    let _ = Table::shed(&mut table.lock());
                    tokio::time::sleep(Duration::from_millis(10)).await;
                }
                continue;
            }
        };
        let Some((id, connection)) = table.open(limits.connections) else {
            // every connection is busy: this one is closed unanswered
            drop(stream);
            continue;
        };
        let (router, table, stop) = (router.clone(), table.clone(), stop.clone());
        tasks.spawn(async move {
            answer(stream, router, &connection, stop).await;
            table.close(id);
        });
    }
    drop(listener);
    let deadline = tokio::time::sleep(SHUTDOWN_GRACE);
    tokio::pin!(deadline);
    loop {
        tokio::select! {
            next = tasks.join_next() => if next.is_none() { break },
            () = &mut deadline => break,
        }
    }
}

/// Serves one connection until the client closes it, it is idle too long, the table sheds it,
/// or the server stops.
async fn answer(
    stream: tokio::net::TcpStream,
    router: Router,
    connection: &Arc<Connection>,
    mut stop: watch::Receiver<bool>,
) {
    let _ = stream.set_nodelay(true);
    let tracker = connection.clone();
    let service = TowerToHyperService::new(router);
    let service = hyper::service::service_fn(move |request: Request<Incoming>| {
        let request_in_progress = InProgress::start(&tracker);
        let answered = hyper::service::Service::call(&service, request);
        async move {
            let response: Response<Body> = answered.await?;
            Ok::<_, Infallible>(response.map(|body| Tracked {
                body,
                _request: request_in_progress,
            }))
        }
    });
    let mut builder = hyper::server::conn::http1::Builder::new();
    builder
        .timer(TokioTimer::new())
        .header_read_timeout(IDLE_TIMEOUT);
    let served = builder.serve_connection(TokioIo::new(stream), service);
    tokio::pin!(served);
    let mut closing = false;
    let mut check = tokio::time::interval(Duration::from_secs(1));
    loop {
        tokio::select! {
            _ = served.as_mut() => return,
            () = connection.close.notified(), if !closing => closing = true,
            _ = stop.wait_for(|stopping| *stopping), if !closing => closing = true,
            _ = check.tick(), if !closing => {
                closing = connection.is_idle() && connection.idle_for() >= IDLE_TIMEOUT;
            }
        }
        if closing {
            // ends the connection once its request in progress, if any, is answered
            served.as_mut().graceful_shutdown();
        }
    }
}
