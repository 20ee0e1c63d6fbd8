//! What every route shares: the limits, the error answer, and parsing a request by hand so
//! that every mistake gets a sentence.
//!
//! An error's sentence is a text of the catalogue ([`scratchnet_book::text`]): its answer is
//! written in English, and the language layer (`language.rs`) says it again in the language
//! the request asked for. A request serde refuses is said field by field (`api/fields.rs`):
//! the field named, the value given and what the field takes.

use axum::Json;
use axum::body::Bytes;
use axum::extract::RawQuery;
use axum::extract::rejection::BytesRejection;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use scratchnet_book::text::{Lang, Sentence, playground as say};
use serde::de::{self, DeserializeOwned};
use serde::{Deserialize, Deserializer};
use serde_path_to_error::Segment;

use crate::guard::MAX_BODY;
use fields::Written;

mod fields;

/// How many computations (descents, grids, evaluations) run at once; more wait their turn.
pub const COMPUTE_SLOTS: usize = 2;
/// How many computations may wait for a slot; more are answered 503 with `Retry-After`.
pub const COMPUTE_QUEUE: usize = 16;

/// A failed request: its status and a sentence saying what was wrong and what would work.
#[derive(Debug)]
pub struct ApiError {
    status: StatusCode,
    message: Sentence,
    /// Seconds after which to ask again (`Retry-After`), for a busy server.
    retry_after: Option<u64>,
}

/// What an error says: a sentence of the catalogue, said in the language of the request.
/// English from elsewhere (a library's error, the web framework's) is said as it is in
/// English, and in Korean with a word saying that it is English ([`say::ENGLISH_ONLY`]).
#[derive(Debug)]
pub struct Message(Sentence);

impl Message {
    /// The sentence, to go inside another.
    pub fn into_sentence(self) -> Sentence {
        self.0
    }
}

impl From<Sentence> for Message {
    fn from(sentence: Sentence) -> Self {
        Message(sentence)
    }
}

impl From<String> for Message {
    fn from(english: String) -> Self {
        Message(say::ENGLISH_ONLY.with().arg("message", english))
    }
}

impl From<&str> for Message {
    fn from(english: &str) -> Self {
        english.to_string().into()
    }
}

/// The library's error, in the catalogue's words ([`scratchnet_book::Error::sentence`]).
impl From<scratchnet_book::Error> for Message {
    fn from(e: scratchnet_book::Error) -> Self {
        Message(e.sentence())
    }
}

impl ApiError {
    /// 400: the request is wrong.
    pub fn bad(message: impl Into<Message>) -> Self {
        Self::with(StatusCode::BAD_REQUEST, message)
    }

    /// 403: the request is not allowed here (another page's, another host's, no token).
    pub fn forbidden(message: impl Into<Message>) -> Self {
        Self::with(StatusCode::FORBIDDEN, message)
    }

    /// 415: the body is not JSON.
    pub fn unsupported(message: impl Into<Message>) -> Self {
        Self::with(StatusCode::UNSUPPORTED_MEDIA_TYPE, message)
    }

    /// 413: the body, or the work asked for, is larger than the server takes.
    pub fn too_large(message: impl Into<Message>) -> Self {
        Self::with(StatusCode::PAYLOAD_TOO_LARGE, message)
    }

    /// 408: the body took too long to arrive.
    pub fn timeout(message: impl Into<Message>) -> Self {
        Self::with(StatusCode::REQUEST_TIMEOUT, message)
    }

    /// 503 with `Retry-After`: too many requests are waiting; ask again in `seconds`.
    pub fn busy(message: impl Into<Message>, seconds: u64) -> Self {
        ApiError {
            retry_after: Some(seconds),
            ..Self::with(StatusCode::SERVICE_UNAVAILABLE, message)
        }
    }

    fn with(status: StatusCode, message: impl Into<Message>) -> Self {
        ApiError {
            status,
            message: message.into().0,
            retry_after: None,
        }
    }

    /// 409: the request does not fit what the server is doing (a training already running).
    pub fn conflict(message: impl Into<Message>) -> Self {
        Self::with(StatusCode::CONFLICT, message)
    }

    /// 404: no such thing.
    pub fn not_found(message: impl Into<Message>) -> Self {
        Self::with(StatusCode::NOT_FOUND, message)
    }

    /// 503: not ready yet (the built-in network still training).
    pub fn unavailable(message: impl Into<Message>) -> Self {
        Self::with(StatusCode::SERVICE_UNAVAILABLE, message)
    }

    /// 500: the server's own failure (a file it could not make, a computation that died).
    pub fn internal(message: impl Into<Message>) -> Self {
        Self::with(StatusCode::INTERNAL_SERVER_ERROR, message)
    }
}

/// An error answer's kind and sentence, kept with the answer (in its extensions) so that the
/// language layer can say it in the request's language.
#[derive(Clone, Debug)]
pub struct Said {
    kind: &'static str,
    message: Sentence,
}

impl Said {
    /// The error's document, `{"error": {"kind", "message"}}`, in `lang`.
    pub fn document(&self, lang: Lang) -> scratchnet_book::error::ErrorDocument {
        scratchnet_book::error::ErrorDocument::new(self.kind, self.message.say(lang))
    }
}

impl IntoResponse for ApiError {
    /// `{"error": {"kind", "message"}}`, as the command line's `--json` failures, in English;
    /// the sentence goes along in the answer's extensions ([`Said`]).
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
        let said = Said {
            kind,
            message: self.message,
        };
        let mut response = (self.status, Json(said.document(Lang::En))).into_response();
        response.extensions_mut().insert(said);
        if let Some(seconds) = self.retry_after {
            response
                .headers_mut()
                .insert(axum::http::header::RETRY_AFTER, seconds.into());
        }
        response
    }
}

/// What [`not_null`] tells serde about a `null`; [`fields::refusal`] knows the refusal by it.
const NULL: &str = "null where a value is expected or the field is left out";

/// For an optional field, `#[serde(default, deserialize_with = "api::not_null")]`: a value, or
/// `None` when the field is left out (its default), but never `null`, which serde would take
/// for "left out" (`{"lr": null}` would train at the default learning rate).
pub fn not_null<'de, D: Deserializer<'de>, T: Deserialize<'de>>(
    field: D,
) -> Result<Option<T>, D::Error> {
    Option::<T>::deserialize(field)?
        .map(Some)
        .ok_or_else(|| de::Error::custom(NULL))
}

/// A JSON body as `T`; an empty body is `{}` (every field has its default). Too large a body
/// is 413, anything else wrong 400: a body that is not an object, JSON that breaks (where), or
/// a field refused ([`fields::refusal`]).
pub fn body<T: DeserializeOwned>(body: Result<Bytes, BytesRejection>) -> Result<T, ApiError> {
    let bytes = body.map_err(|e| match e.status() {
        StatusCode::PAYLOAD_TOO_LARGE => {
            ApiError::too_large(say::BODY_TOO_LARGE.with().arg("limit", MAX_BODY))
        }
        status => ApiError::with(
            status,
            say::CANNOT_READ_BODY.with().arg("why", e.body_text()),
        ),
    })?;
    let text: &[u8] = if bytes.iter().all(u8::is_ascii_whitespace) {
        b"{}"
    } else {
        &bytes
    };
    // serde would read a list as the fields in order, `[0.1]` as `{"lr": 0.1}`
    if text.iter().find(|b| !b.is_ascii_whitespace()) != Some(&b'{') {
        return Err(ApiError::bad(say::BODY_NOT_OBJECT.with()));
    }
    let mut json = serde_json::Deserializer::from_slice(text);
    let request = serde_path_to_error::deserialize(&mut json)
        .map_err(|e| ApiError::bad(refused_body::<T>(&e, text)))?;
    json.end()
        .map_err(|e| ApiError::bad(say::BAD_BODY.with().arg("why", e)))?;
    Ok(request)
}

/// Why serde refused `text` as `T`: a field and what it takes when `text` is JSON; else where
/// the JSON breaks, in a field named (no line and column then) or in the body.
fn refused_body<T: DeserializeOwned>(
    e: &serde_path_to_error::Error<serde_json::Error>,
    text: &[u8],
) -> Sentence {
    let (path, why) = (e.path(), e.inner());
    let field = serde_json::from_slice(text)
        .ok()
        .and_then(|json| fields::refusal::<T>(path, &why.to_string(), Written::Body(&json)));
    field.unwrap_or_else(|| match path.iter().next() {
        Some(Segment::Map { .. }) => {
            let said = why.to_string();
            let position = format!(" at line {} column {}", why.line(), why.column());
            let why = said.strip_suffix(&position).unwrap_or(&said);
            say::BAD_JSON_AT.with().arg("field", path).arg("why", why)
        }
        _ => say::BAD_BODY.with().arg("why", why),
    })
}

/// A query string as `T`, read as `axum::extract::Query` reads it, with a 400 that names the
/// parameter and says what it takes ([`fields::refusal`]).
pub fn query<T: DeserializeOwned>(RawQuery(query): RawQuery) -> Result<T, ApiError> {
    let query = query.unwrap_or_default();
    let pairs = serde_urlencoded::Deserializer::new(form_urlencoded::parse(query.as_bytes()));
    serde_path_to_error::deserialize(pairs).map_err(|e| {
        let why = e.inner().to_string();
        let field = fields::refusal::<T>(e.path(), &why, Written::Query(&query));
        ApiError::bad(field.unwrap_or_else(|| say::BAD_QUERY.with().arg("why", e)))
    })
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
                    say::BUSY
                        .with()
                        .arg("slots", COMPUTE_SLOTS)
                        .arg("queue", COMPUTE_QUEUE),
                    1,
                )
            })?;
            let slot = app.compute.acquire().await;
            drop(waiting);
            slot.map_err(|_| ApiError::unavailable(say::STOPPING.with()))?
        }
    };
    tokio::task::spawn_blocking(work)
        .await
        .map_err(|e| ApiError::internal(say::COMPUTATION_FAILED.with().arg("why", e)))?
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
    ApiError::not_found(say::NOT_FOUND.with().arg("path", uri.path()))
}
