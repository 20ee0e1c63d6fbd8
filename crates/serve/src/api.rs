//! What every route shares: the limits, the error answer, and parsing a request by hand so
//! that every mistake gets a sentence.

use axum::Json;
use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::de::DeserializeOwned;

/// The largest request body: 1 MiB (a drawing of 560 × 560 pixels as JSON numbers fits).
pub const MAX_BODY: usize = 1 << 20;
/// How many computations (descents, grids, evaluations) run at once; more wait their turn.
pub const COMPUTE_SLOTS: usize = 2;

/// A failed request: its status and a sentence saying what was wrong and what would work.
#[derive(Debug)]
pub struct ApiError {
    status: StatusCode,
    message: String,
}

impl ApiError {
    /// 400: the request is wrong.
    pub fn bad(message: impl Into<String>) -> Self {
        ApiError {
            status: StatusCode::BAD_REQUEST,
            message: message.into(),
        }
    }

    /// 409: the request does not fit what the server is doing (a training already running).
    pub fn conflict(message: impl Into<String>) -> Self {
        ApiError {
            status: StatusCode::CONFLICT,
            message: message.into(),
        }
    }

    /// 404: no such thing.
    pub fn not_found(message: impl Into<String>) -> Self {
        ApiError {
            status: StatusCode::NOT_FOUND,
            message: message.into(),
        }
    }

    /// 503: not ready yet (the built-in network still training).
    pub fn unavailable(message: impl Into<String>) -> Self {
        ApiError {
            status: StatusCode::SERVICE_UNAVAILABLE,
            message: message.into(),
        }
    }

    /// 500: the server's own failure (a file it could not make, a computation that died).
    pub fn internal(message: impl Into<String>) -> Self {
        ApiError {
            status: StatusCode::INTERNAL_SERVER_ERROR,
            message: message.into(),
        }
    }
}

impl IntoResponse for ApiError {
    /// `{"error": {"kind", "message"}}`, as the command line's `--json` failures.
    fn into_response(self) -> Response {
        let kind = match self.status {
            StatusCode::BAD_REQUEST => "bad-request",
            StatusCode::NOT_FOUND => "not-found",
            StatusCode::CONFLICT => "conflict",
            StatusCode::PAYLOAD_TOO_LARGE => "too-large",
            StatusCode::SERVICE_UNAVAILABLE => "not-ready",
            _ => "internal",
        };
        let body = scratchnet_book::error::ErrorDocument::new(kind, self.message);
        (self.status, Json(body)).into_response()
    }
}

/// A JSON body as `T`; an empty body is `{}` (every field has its default). Too large a body
/// is 413, anything else wrong 400, with serde's account of where.
pub fn body<T: DeserializeOwned>(body: Result<Bytes, BytesRejection>) -> Result<T, ApiError> {
    let bytes = body.map_err(|e| ApiError {
        status: e.status(),
        message: match e.status() {
            StatusCode::PAYLOAD_TOO_LARGE => {
                format!("the body is larger than the limit of {MAX_BODY} bytes")
            }
            _ => format!("cannot read the body: {}", e.body_text()),
        },
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

/// Runs `work` on a blocking thread when a compute slot is free.
pub async fn compute<T: Send + 'static>(
    app: &super::App,
    work: impl FnOnce() -> Result<T, ApiError> + Send + 'static,
) -> Result<T, ApiError> {
    let _slot = app
        .compute
        .acquire()
        .await
        .map_err(|_| ApiError::unavailable("the server is stopping"))?;
    tokio::task::spawn_blocking(work)
        .await
        .map_err(|e| ApiError::internal(format!("the computation failed: {e}")))?
}

/// 404 for a path that is neither a page nor a route.
pub async fn not_found(uri: axum::http::Uri) -> ApiError {
    ApiError::not_found(format!(
        "no page or API route at {}: the pages are /descent, /training and /digits; the API is \
         listed in the guide (\"The playground's API\")",
        uri.path()
    ))
}
