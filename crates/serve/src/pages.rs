//! The pages, their scripts and their style, compiled into the binary from `crates/serve/web/`.

use std::sync::Arc;

use axum::Router;
use axum::http::header;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;

use super::App;
use super::api::ApiError;

/// Every file the pages use: its path under `/static/`, its type and its text.
const FILES: [(&str, &str, &str); 5] = [
    ("style.css", "text/css", include_str!("../web/style.css")),
    (
        "common.js",
        "text/javascript",
        include_str!("../web/common.js"),
    ),
    (
        "descent.js",
        "text/javascript",
        include_str!("../web/descent.js"),
    ),
    (
        "training.js",
        "text/javascript",
        include_str!("../web/training.js"),
    ),
    (
        "digits.js",
        "text/javascript",
        include_str!("../web/digits.js"),
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
        .route("/static/{file}", get(file))
}

async fn page(html: &'static str) -> Response {
    ([(header::CONTENT_TYPE, "text/html; charset=utf-8")], html).into_response()
}

async fn file(axum::extract::Path(name): axum::extract::Path<String>) -> Response {
    match FILES.iter().find(|(file, _, _)| *file == name) {
        Some((_, kind, text)) => (
            [(header::CONTENT_TYPE, format!("{kind}; charset=utf-8"))],
            *text,
        )
            .into_response(),
        None => ApiError::not_found(format!("no file {name} in /static/")).into_response(),
    }
}
