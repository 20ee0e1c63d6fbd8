//! Who may ask: what every request passes before a route sees it, as Jupyter and the
//! development servers of the JavaScript world check it.
//!
//! - **Host.** On a loopback address, the `Host` header must name this machine (`localhost`,
//!   `127.0.0.1`, `[::1]`): a page that rebinds its own domain name to 127.0.0.1 (DNS
//!   rebinding) is refused, so it cannot read the answers.
//! - **Origin.** A request that a browser sends from a page of another origin is refused: no
//!   other web page the learner visits can start, stop or read a training.
//! - **Token.** On any other address (`--host 0.0.0.0`), the server makes a random token and
//!   prints it in its URL; every request must carry it: `?token=` (the first visit, which also
//!   sets a cookie for the pages that follow), the cookie, or `Authorization: token ...`.
//! - **Bodies.** A body must be `application/json`, at most [`MAX_BODY`] bytes, and arrive
//!   within [`BODY_TIMEOUT`]; it is read here, whole, so that no route waits on a slow client.

use std::net::IpAddr;
use std::sync::Arc;
use std::time::Duration;

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::api::ApiError;

/// The largest request body: 2 MiB (a full-ink drawing of 560 × 560 pixels as JSON numbers
/// is 1.25 MB).
pub const MAX_BODY: usize = 2 << 20;
/// How long a request body may take to arrive: 10 s.
pub const BODY_TIMEOUT: Duration = Duration::from_secs(10);
/// The cookie that carries the token after the first visit.
const COOKIE: &str = "scratchnet_token";

/// What a request must show.
#[derive(Clone, Debug)]
pub struct Guard {
    /// Whether the server listens on a loopback address: then `Host` must name this machine.
    loopback: bool,
    /// The token every request must carry, when the server listens on another address.
    token: Option<String>,
}

impl Guard {
    /// The guard of a server listening on `host`: a fresh random token unless it is a loopback
    /// address.
    ///
    /// # Errors
    /// If the operating system gives no random bytes for the token.
    pub fn for_host(host: IpAddr) -> anyhow::Result<Guard> {
        let loopback = host.is_loopback();
        let token = if loopback {
            None
        } else {
            let mut bytes = [0u8; 24];
            getrandom::fill(&mut bytes)
                .map_err(|e| anyhow::anyhow!("no random bytes for the server's token: {e}"))?;
            Some(bytes.iter().map(|b| format!("{b:02x}")).collect())
        };
        Ok(Guard { loopback, token })
    }

    /// The token, if requests must carry one.
    pub fn token(&self) -> Option<&str> {
        self.token.as_deref()
    }

    /// Whether `request` may be answered; with the cookie to set when it showed the token in
    /// its URL.
    fn admit(&self, request: &Request) -> Result<Option<HeaderValue>, ApiError> {
        let headers = request.headers();
        let host = headers
            .get(header::HOST)
            .and_then(|h| h.to_str().ok())
            .unwrap_or("");
        if self.loopback && !names_this_machine(host) {
            return Err(ApiError::forbidden(format!(
                "the Host {host:?} is not this machine: the playground answers only \
                 http://localhost or http://127.0.0.1 (a page that points its own name here is \
                 refused)"
            )));
        }
        if let Some(origin) = headers.get(header::ORIGIN) {
            let same = origin
                .to_str()
                .is_ok_and(|o| o.eq_ignore_ascii_case(&format!("http://{host}")));
            if !same {
                return Err(ApiError::forbidden(format!(
                    "a request from the page {origin:?} is refused: only the playground's own \
                     pages (http://{host}) may use its API"
                )));
            }
        }
        let cookie = self.check_token(request)?;
        if has_body(request.method(), headers) && !is_json(headers) {
            return Err(ApiError::unsupported(
                "the body must be JSON, sent with `Content-Type: application/json`",
            ));
        }
        Ok(cookie)
    }

    /// Whether the request carries the token, if one is needed; the cookie to set when it came
    /// in the URL.
    fn check_token(&self, request: &Request) -> Result<Option<HeaderValue>, ApiError> {
        let Some(token) = &self.token else {
            return Ok(None);
        };
        let headers = request.headers();
        let in_url = request
            .uri()
            .query()
            .into_iter()
            .flat_map(|q| q.split('&'))
            .any(|pair| pair.strip_prefix("token=") == Some(token));
        let in_cookie = headers
            .get_all(header::COOKIE)
            .iter()
            .filter_map(|c| c.to_str().ok())
            .flat_map(|c| c.split(';'))
            .any(|c| {
                c.trim()
                    .strip_prefix(COOKIE)
                    .and_then(|c| c.strip_prefix('='))
                    == Some(token)
            });
        let in_header = headers
            .get(header::AUTHORIZATION)
            .and_then(|a| a.to_str().ok())
            .and_then(|a| a.strip_prefix("token "))
            == Some(token.as_str());
        if in_url {
            let cookie = format!("{COOKIE}={token}; Path=/; HttpOnly; SameSite=Strict");
            return Ok(HeaderValue::from_str(&cookie).ok());
        }
        if in_cookie || in_header {
            return Ok(None);
        }
        Err(ApiError::forbidden(
            "this server asks for its token: open the URL that `scratchnet serve` printed \
             (it ends in ?token=...), or send `Authorization: token ...`",
        ))
    }
}

/// Whether `host` (a `Host` header: a name or address, maybe with a port) names this machine.
fn names_this_machine(host: &str) -> bool {
    let name = match host.strip_prefix('[') {
        Some(v6) => v6.split(']').next().unwrap_or(""),
        None => host.rsplit_once(':').map_or(host, |(name, _)| name),
    };
    name.eq_ignore_ascii_case("localhost")
        || name.parse::<IpAddr>().is_ok_and(|ip| ip.is_loopback())
}

/// Whether the request has a body to read.
fn has_body(method: &Method, headers: &HeaderMap) -> bool {
    let length = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|l| l.to_str().ok())
        .and_then(|l| l.parse::<u64>().ok());
    let chunked = headers.contains_key(header::TRANSFER_ENCODING);
    method != Method::GET && (chunked || length.is_some_and(|l| l > 0))
}

/// Whether the body is declared as JSON (`application/json`, with or without a charset).
fn is_json(headers: &HeaderMap) -> bool {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|t| t.to_str().ok())
        .and_then(|t| t.split(';').next())
        .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/json"))
}

/// The middleware: refuses what [`Guard`] refuses, reads the body whole (within
/// [`BODY_TIMEOUT`], at most [`MAX_BODY`] bytes), then lets the route answer.
pub async fn check(State(guard): State<Arc<Guard>>, request: Request, next: Next) -> Response {
    let cookie = match guard.admit(&request) {
        Ok(cookie) => cookie,
        Err(e) => return e.into_response(),
    };
    let too_large = || {
        ApiError::too_large(format!(
            "the body is larger than the limit of {MAX_BODY} bytes"
        ))
        .into_response()
    };
    let declared = request
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|l| l.to_str().ok())
        .and_then(|l| l.parse::<u64>().ok());
    if declared.is_some_and(|l| l > MAX_BODY as u64) {
        return too_large();
    }
    let (parts, body) = request.into_parts();
    let read = tokio::time::timeout(BODY_TIMEOUT, axum::body::to_bytes(body, MAX_BODY)).await;
    let bytes = match read {
        Ok(Ok(bytes)) => bytes,
        // a body without a length that passed the limit, or one cut off
        Ok(Err(_)) if declared.is_none() => return too_large(),
        Ok(Err(_)) => return ApiError::bad("the body was cut off").into_response(),
        Err(_) => {
            return ApiError::timeout(format!(
                "the body did not arrive within {} s",
                BODY_TIMEOUT.as_secs()
            ))
            .into_response();
        }
    };
    let mut response = next
        .run(Request::from_parts(parts, Body::from(bytes)))
        .await;
    if let Some(cookie) = cookie {
        response.headers_mut().append(header::SET_COOKIE, cookie);
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(uri: &str, headers: &[(&str, &str)]) -> Request {
        let mut builder = Request::builder().uri(uri);
        for (name, value) in headers {
            builder = builder.header(*name, *value);
        }
        builder.body(Body::empty()).unwrap()
    }

    /// On an address other than loopback, every request carries the token: in the URL (which
    /// sets the cookie), the cookie, or the header; without it, or with another, it is refused.
    #[test]
    fn off_loopback_the_token_is_asked_for() {
        let guard = Guard::for_host("0.0.0.0".parse().unwrap()).unwrap();
        let token = guard.token().unwrap().to_string();
        assert_eq!(token.len(), 48);
        let host = ("host", "192.168.1.5:8000");
        let cookie = guard
            .admit(&request(&format!("/descent?token={token}"), &[host]))
            .unwrap()
            .unwrap();
        let cookie = cookie.to_str().unwrap();
        assert!(cookie.starts_with(&format!("{COOKIE}={token};")) && cookie.contains("HttpOnly"));
        let with_cookie = format!("a=b; {COOKIE}={token}");
        assert!(
            guard
                .admit(&request("/api/data", &[host, ("cookie", &with_cookie)]))
                .is_ok()
        );
        let header = format!("token {token}");
        assert!(
            guard
                .admit(&request("/api/data", &[host, ("authorization", &header)]))
                .is_ok()
        );
        for bad in [
            request("/api/data", &[host]),
            request("/api/data?token=wrong", &[host]),
            request("/api/data", &[host, ("cookie", "scratchnet_token=wrong")]),
        ] {
            let refused = guard.admit(&bad).unwrap_err().into_response();
            assert_eq!(refused.status(), axum::http::StatusCode::FORBIDDEN);
        }
        // two guards, two tokens
        let other = Guard::for_host("0.0.0.0".parse().unwrap()).unwrap();
        assert_ne!(other.token(), guard.token());
        assert_eq!(
            Guard::for_host("127.0.0.1".parse().unwrap())
                .unwrap()
                .token(),
            None
        );
    }

    #[test]
    fn this_machine_is_named_by_loopback_names_and_addresses_only() {
        for host in [
            "localhost",
            "localhost:8000",
            "127.0.0.1:1",
            "[::1]:80",
            "LOCALHOST",
        ] {
            assert!(names_this_machine(host), "{host}");
        }
        for host in [
            "",
            "evil.example",
            "evil.example:8000",
            "10.0.0.1:80",
            "localhost.evil",
        ] {
            assert!(!names_this_machine(host), "{host}");
        }
    }
}
