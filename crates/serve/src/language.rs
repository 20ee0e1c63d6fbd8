//! The language of the answers: `lang=en` or `lang=ko` in the query string of any API route
//! (English when absent), and `GET /api/texts`, the catalogue the pages fill themselves from.
//!
//! [`choose`] reads `lang` before a route sees the request: it refuses a language the
//! playground does not speak (400), takes the parameter out of the query string (so that the
//! routes' own queries, which refuse unknown fields, never see it) and hands the language to
//! the routes as an extension ([`Lang`]). The routes say their sentences in it; an error's
//! sentence ([`Said`]) is said again in it here, after the route has answered.

use std::collections::BTreeMap;
use std::sync::Arc;

use axum::Router;
use axum::body::Body;
use axum::extract::{Extension, RawQuery, Request};
use axum::http::{HeaderValue, Uri, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use scratchnet_book::text::{self, Lang, playground as say};
use serde::{Deserialize, Serialize};

use super::App;
use super::api::{self, ApiError, Said};

/// This module's route.
pub fn routes() -> Router<Arc<App>> {
    Router::new().route("/api/texts", get(texts))
}

/// Reads `lang` from an API request's query string, answers 400 for one the playground does
/// not speak, and says an error answer's sentence in the language asked for. Pages and their
/// files pass as they are (a page chooses its language itself).
pub async fn choose(mut request: Request, next: Next) -> Response {
    if !request.uri().path().starts_with("/api/") {
        return next.run(request).await;
    }
    let (lang, rest) = match take_lang(request.uri()) {
        Ok(taken) => taken,
        Err(e) => return e.into_response(),
    };
    if let Some(uri) = rest {
        *request.uri_mut() = uri;
    }
    request.extensions_mut().insert(lang);
    let response = next.run(request).await;
    match (lang, response.extensions().get::<Said>().cloned()) {
        (Lang::En, _) | (_, None) => response,
        (lang, Some(said)) => {
            let body = serde_json::to_vec(&said.document(lang)).expect("plain data serializes");
            let (mut parts, _) = response.into_parts();
            parts
                .headers
                .insert(header::CONTENT_LENGTH, HeaderValue::from(body.len()));
            Response::from_parts(parts, Body::from(body))
        }
    }
}

/// The language a URI's query string asks for (English when it names none), and the URI
/// without it when it had one.
fn take_lang(uri: &Uri) -> Result<(Lang, Option<Uri>), ApiError> {
    let Some(query) = uri.query() else {
        return Ok((Lang::En, None));
    };
    let (langs, others): (Vec<&str>, Vec<&str>) = query
        .split('&')
        .partition(|pair| pair.split('=').next() == Some("lang"));
    let lang = match langs.as_slice() {
        [] => return Ok((Lang::En, None)),
        [pair] => {
            let value = pair.split_once('=').map_or("", |(_, v)| v);
            value
                .parse::<Lang>()
                .map_err(|_| ApiError::bad(say::UNKNOWN_LANG.with().arg("lang", value)))?
        }
        _ => return Err(ApiError::bad(say::LANG_TWICE.with())),
    };
    let mut rest = uri.path().to_string();
    if !others.is_empty() {
        rest.push('?');
        rest.push_str(&others.join("&"));
    }
    // the same characters as before, fewer of them: it parses as it did
    Ok((lang, rest.parse().ok()))
}

/// `GET /api/texts` takes no parameter but `lang`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct TextsQuery {}

/// The answer of `GET /api/texts`: `{"lang", "texts": {key: template}}`, every text of the
/// catalogue in one language, `{name}`s unfilled.
#[derive(Debug, Serialize)]
pub struct Texts {
    lang: Lang,
    texts: BTreeMap<&'static str, &'static str>,
}

/// `GET /api/texts?lang=ko`: every text of the catalogue ([`text::all`]) in the language
/// asked for, the pages' words and the library's (the diagnoses', the pictures').
async fn texts(
    Extension(lang): Extension<Lang>,
    query: RawQuery,
) -> Result<axum::Json<Texts>, ApiError> {
    let TextsQuery {} = api::query(query)?;
    let texts = text::all().map(|t| (t.key, t.get(lang))).collect();
    Ok(axum::Json(Texts { lang, texts }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lang_is_read_and_taken_out_of_the_query() {
        let taken = |uri: &str| {
            take_lang(&uri.parse().unwrap())
                .map(|(lang, rest)| (lang, rest.map(|u| u.to_string())))
                .map_err(|e| format!("{e:?}"))
        };
        assert_eq!(taken("/api/texts"), Ok((Lang::En, None)));
        assert_eq!(
            taken("/api/texts?lang=ko"),
            Ok((Lang::Ko, Some("/api/texts".into())))
        );
        assert_eq!(
            taken("/api/digits/confusion?model=training&lang=en"),
            Ok((
                Lang::En,
                Some("/api/digits/confusion?model=training".into())
            ))
        );
        assert_eq!(
            taken("/api/landscape?function=sphere&size=3"),
            Ok((Lang::En, None))
        );
        // `language=ko` is not `lang`: the route refuses it as an unknown field
        assert_eq!(taken("/api/texts?language=ko"), Ok((Lang::En, None)));
        for bad in [
            "/api/texts?lang=fr",
            "/api/texts?lang=",
            "/api/texts?lang",
            "/api/texts?lang=ko&lang=en",
        ] {
            let refused = taken(bad).unwrap_err();
            assert!(refused.contains("lang"), "{bad}: {refused}");
        }
    }
}
