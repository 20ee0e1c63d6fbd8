//! The pages, their scripts and their style, compiled into the binary from `crates/serve/web/`,
//! and the Hangul font of the Korean pages: the pictures' subset of Noto Sans CJK KR
//! (`scratchnet_book::text::KOREAN_FONT`, SIL Open Font License), so that a machine without a Korean font shows
//! the pages' Korean too (the pages ask for it only when they show Hangul).

use std::sync::Arc;

use axum::Router;
use axum::http::header;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;

use scratchnet_book::text::playground as say;

use super::App;
use super::api::ApiError;

/// Every file the pages use: its path under `/static/`, its type and its bytes.
const FILES: [(&str, &str, &[u8]); 8] = [
    (
        "style.css",
        "text/css; charset=utf-8",
        include_bytes!("../web/style.css"),
    ),
    (
        "common.js",
        "text/javascript; charset=utf-8",
        include_bytes!("../web/common.js"),
    ),
    (
        "descent.js",
        "text/javascript; charset=utf-8",
        include_bytes!("../web/descent.js"),
    ),
    (
        "training.js",
        "text/javascript; charset=utf-8",
        include_bytes!("../web/training.js"),
    ),
    (
        "digits.js",
        "text/javascript; charset=utf-8",
        include_bytes!("../web/digits.js"),
    ),
    (
        "initialisation.js",
        "text/javascript; charset=utf-8",
        include_bytes!("../web/initialisation.js"),
    ),
    ("korean.otf", "font/otf", scratchnet_book::text::KOREAN_FONT),
    // the tab's icon: a descent's path from a start to a minimum
    (
        "icon.svg",
        "image/svg+xml",
        include_bytes!("../web/icon.svg"),
    ),
];

/// This page's routes.
pub fn routes() -> Router<Arc<App>> {
    Router::new()
        .route("/", get(|| async { Redirect::to("/descent") }))
        .route(
            "/descent",
            get(|| page(include_str!("../web/descent.html"))),
        )
        .route(
            "/training",
            get(|| page(include_str!("../web/training.html"))),
        )
        .route("/digits", get(|| page(include_str!("../web/digits.html"))))
        .route(
            "/initialisation",
            get(|| page(include_str!("../web/initialisation.html"))),
        )
        .route("/static/{file}", get(file))
        // the icon browsers ask for without a page naming it
        .route(
            "/favicon.ico",
            get(|| file(axum::extract::Path("icon.svg".to_string()))),
        )
}

async fn page(html: &'static str) -> Response {
    ([(header::CONTENT_TYPE, "text/html; charset=utf-8")], html).into_response()
}

async fn file(axum::extract::Path(name): axum::extract::Path<String>) -> Response {
    match FILES.iter().find(|(file, _, _)| *file == name) {
        Some((_, kind, bytes)) => ([(header::CONTENT_TYPE, *kind)], *bytes).into_response(),
        None => ApiError::not_found(say::NO_FILE.with().arg("name", name)).into_response(),
    }
}
