//! What every route shares: the limits, the error answer, and parsing a request by hand so
//! that every mistake gets a sentence.

use axum::Json;
use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::de::DeserializeOwned;

use crate::guard::MAX_BODY;

/// How many computations (descents, grids, evaluations) run at once; more wait their turn.
pub const COMPUTE_SLOTS: usize = 2;
/// How many computations may wait for a slot; more are answered 503 with `Retry-After`.
pub const COMPUTE_QUEUE: usize = 16;

/// A failed request: its status and a sentence saying what was wrong and what would work.
#[derive(Debug)]
pub struct ApiError {
    status: StatusCode,
    message: String,
    /// Seconds after which to ask again (`Retry-After`), for a busy server.
    retry_after: Option<u64>,
}

impl ApiError {
    /// 400: the request is wrong.
    pub fn bad(message: impl Into<String>) -> Self {
        ApiError {
            status: StatusCode::BAD_REQUEST,
            message: message.into(),
            retry_after: None,
        }
    }

    /// 403: the request is not allowed here (another page's, another host's, no token).
    pub fn forbidden(message: impl Into<String>) -> Self {
        Self::with(StatusCode::FORBIDDEN, message)
    }

    /// 415: the body is not JSON.
    pub fn unsupported(message: impl Into<String>) -> Self {
        Self::with(StatusCode::UNSUPPORTED_MEDIA_TYPE, message)
    }

    /// 413: the body, or the work asked for, is larger than the server takes.
    pub fn too_large(message: impl Into<String>) -> Self {
        Self::with(StatusCode::PAYLOAD_TOO_LARGE, message)
    }

    /// 408: the body took too long to arrive.
    pub fn timeout(message: impl Into<String>) -> Self {
        Self::with(StatusCode::REQUEST_TIMEOUT, message)
    }

    /// 503 with `Retry-After`: too many requests are waiting; ask again in `seconds`.
    pub fn busy(message: impl Into<String>, seconds: u64) -> Self {
        ApiError {
            retry_after: Some(seconds),
            ..Self::with(StatusCode::SERVICE_UNAVAILABLE, message)
        }
    }

    fn with(status: StatusCode, message: impl Into<String>) -> Self {
        ApiError {
            status,
            message: message.into(),
            retry_after: None,
        }
    }

    /// 409: the request does not fit what the server is doing (a training already running).
    pub fn conflict(message: impl Into<String>) -> Self {
        Self::with(StatusCode::CONFLICT, message)
    }

    /// 404: no such thing.
    pub fn not_found(message: impl Into<String>) -> Self {
        Self::with(StatusCode::NOT_FOUND, message)
    }

    /// 503: not ready yet (the built-in network still training).
    pub fn unavailable(message: impl Into<String>) -> Self {
        Self::with(StatusCode::SERVICE_UNAVAILABLE, message)
    }

    /// 500: the server's own failure (a file it could not make, a computation that died).
    pub fn internal(message: impl Into<String>) -> Self {
        Self::with(StatusCode::INTERNAL_SERVER_ERROR, message)
    }
}

impl IntoResponse for ApiError {
    /// `{"error": {"kind", "message"}}`, as the command line's `--json` failures.
    fn into_response(self) -> Response {
        let kind = match self.status {
            StatusCode::BAD_REQUEST => "bad-request",
            StatusCode::NOT_FOUND => "not-found",
            StatusCode::FORBIDDEN => "forbidden",
            StatusCode::UNSUPPORTED_MEDIA_TYPE => "unsupported-media-type",
            StatusCode::REQUEST_TIMEOUT => "timeout",
            StatusCode::CONFLICT => "conflict",
            StatusCode::PAYLOAD_TOO_LARGE => "too-large",
            StatusCode::SERVICE_UNAVAILABLE if self.retry_after.is_some() => "busy",
            StatusCode::SERVICE_UNAVAILABLE => "not-ready",
            _ => "internal",
        };
        let body = scratchnet_book::error::ErrorDocument::new(kind, self.message);
        let mut response = (self.status, Json(body)).into_response();
        if let Some(seconds) = self.retry_after {
            response
                .headers_mut()
                .insert(axum::http::header::RETRY_AFTER, seconds.into());
        }
        response
    }
}

/// A JSON body as `T`; an empty body is `{}` (every field has its default). Too large a body
/// is 413, anything else wrong 400, with serde's account of where.
pub fn body<T: DeserializeOwned>(body: Result<Bytes, BytesRejection>) -> Result<T, ApiError> {
    let bytes = body.map_err(|e| match e.status() {
        StatusCode::PAYLOAD_TOO_LARGE => ApiError::too_large(format!(
            "the body is larger than the limit of {MAX_BODY} bytes"
        )),
        status => ApiError::with(status, format!("cannot read the body: {}", e.body_text())),
    })?;
    let text: &[u8] = if bytes.iter().all(u8::is_ascii_whitespace) {
        b"{}"
    } else {
        &bytes
    };
    serde_json::from_slice(text).map_err(|e| ApiError::bad(format!("bad request body: {e}")))
}

/// A query string as `T` (`axum::extract::Query`), with a 400 that says which value did not
/// parse.
pub fn query<T>(
    query: Result<axum::extract::Query<T>, axum::extract::rejection::QueryRejection>,
) -> Result<T, ApiError> {
    query
        .map(|q| q.0)
        .map_err(|e| ApiError::bad(format!("bad query string: {}", e.body_text())))
}

/// Runs `work` on a blocking thread when a compute slot is free; 503 with `Retry-After` if
/// [`COMPUTE_QUEUE`] computations are waiting already.
pub async fn compute<T: Send + 'static>(
    app: &super::App,
    work: impl FnOnce() -> Result<T, ApiError> + Send + 'static,
) -> Result<T, ApiError> {
    let _slot = match app.compute.try_acquire() {
        Ok(slot) => slot,
        Err(_) => {
            let waiting = Waiting::join(&app.compute_waiting).ok_or_else(|| {
                ApiError::busy(
                    format!(
                        "the server is busy: {COMPUTE_SLOTS} computations run and                          {COMPUTE_QUEUE} wait; ask again in a second"
                    ),
                    1,
                )
            })?;
            let slot = app.compute.acquire().await;
            drop(waiting);
            slot.map_err(|_| ApiError::unavailable("the server is stopping"))?
        }
    };
    tokio::task::spawn_blocking(work)
        .await
        .map_err(|e| ApiError::internal(format!("the computation failed: {e}")))?
}

/// A place in the queue of computations waiting for a slot; left when dropped.
struct Waiting<'a>(&'a std::sync::atomic::AtomicUsize);

impl<'a> Waiting<'a> {
    /// Joins the queue `count`, unless [`COMPUTE_QUEUE`] wait in it already.
    fn join(count: &'a std::sync::atomic::AtomicUsize) -> Option<Self> {
        use std::sync::atomic::Ordering;
        count
            .fetch_update(Ordering::SeqCst, Ordering::SeqCst, |n| {
                (n < COMPUTE_QUEUE).then_some(n + 1)
            })
            .ok()
            .map(|_| Waiting(count))
    }
}

impl Drop for Waiting<'_> {
    fn drop(&mut self) {
        self.0.fetch_sub(1, std::sync::atomic::Ordering::SeqCst);
    }
}

/// 404 for a path that is neither a page nor a route.
pub async fn not_found(uri: axum::http::Uri) -> ApiError {
    ApiError::not_found(format!(
        "no page or API route at {}: the pages are /descent, /training and /digits; the API is \
         listed in the guide (\"The playground's API\")",
        uri.path()
    ))
}
