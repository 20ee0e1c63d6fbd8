//! `GET /api/train/events`: a run as server-sent events, a snapshot first, then what is new.

use std::convert::Infallible;
use std::sync::Arc;
use std::time::Duration;

use axum::extract::{Extension, State};
use axum::response::sse::{Event, KeepAlive, Sse};
use futures_util::Stream;
use scratchnet_book::text::Lang;
use scratchnet_book::train::{Divergence, EpochRecord};
use serde::Serialize;

use super::{FRAMES_PER_SECOND, GradientNow, Status, snapshot};
use crate::App;

/// A `progress` event: what is new since the last one, `{"run", "from", "losses", "epochs",
/// "next_iter", "status", "divergences", "seconds", "gradient"}`, the losses of iterations
/// `from..next_iter` (and all the run's divergences: a few at most); `gradient`, `{"iter",
/// "done", "total", "seconds"}`, only while a numerical gradient is computed (iteration `iter`,
/// `done` of `total` parameters after `seconds`), absent otherwise.
#[derive(Serialize)]
struct ProgressEvent<'a> {
    run: u64,
    from: usize,
    losses: &'a [f64],
    epochs: &'a [EpochRecord],
    next_iter: usize,
    status: Status<'a>,
    divergences: &'a [Divergence],
    seconds: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    gradient: Option<GradientNow>,
}

/// `GET /api/train/events`: server-sent events. `snapshot` (the whole run) first and when a
/// new run starts; then `progress`, `{"run", "from", "losses", "epochs", "next_iter", "status",
/// "divergences", "seconds", "gradient"}`, with the losses from iteration `from` on and the
/// epochs not sent before, whenever there is something new (at most [`FRAMES_PER_SECOND`] a
/// second): a numerical gradient's progress is new, ten times a second, `"gradient": {"iter",
/// "done", "total", "seconds"}` (absent when no numerical gradient is being computed). A
/// diverged run's message is in the language of `?lang=` (English when absent).
pub(super) async fn events(
    State(app): State<Arc<App>>,
    Extension(lang): Extension<Lang>,
) -> Sse<impl Stream<Item = Result<Event, Infallible>>> {
    let cursor = Cursor {
        app: app.clone(),
        lang,
        version: app.training.version.subscribe(),
        closing: app.closing.subscribe(),
        run: None,
        losses: 0,
        epochs: 0,
        first: true,
    };
    let stream = futures_util::stream::unfold(cursor, |mut cursor| async move {
        let event = cursor.next().await?;
        Some((Ok(event), cursor))
    });
    Sse::new(stream).keep_alive(KeepAlive::default())
}

/// Where one event stream is: which run, how many losses and epochs it has sent.
struct Cursor {
    app: Arc<App>,
    /// The language of a diverged run's message.
    lang: Lang,
    version: tokio::sync::watch::Receiver<u64>,
    closing: tokio::sync::watch::Receiver<bool>,
    run: Option<u64>,
    losses: usize,
    epochs: usize,
    first: bool,
}

impl Cursor {
    /// The next event, or `None` when the server stops.
    async fn next(&mut self) -> Option<Event> {
        if !self.first {
            tokio::select! {
                changed = self.version.changed() => changed.ok()?,
                _ = self.closing.changed() => return None,
            }
            tokio::time::sleep(Duration::from_millis(1000 / FRAMES_PER_SECOND)).await;
        }
        if *self.closing.borrow() {
            return None;
        }
        self.version.borrow_and_update();
        let slot = self.app.training.lock();
        let event = match slot.as_ref() {
            None => Event::default()
                .event("snapshot")
                .data(snapshot(None, self.lang).to_string()),
            Some(run)
                if self.first || self.run != Some(run.id) || run.losses.len() < self.losses =>
            {
                self.run = Some(run.id);
                (self.losses, self.epochs) = (run.losses.len(), run.epochs.len());
                Event::default()
                    .event("snapshot")
                    .data(snapshot(Some(run), self.lang).to_string())
            }
            Some(run) => {
                let from = self.losses;
                let epochs = run
                    .epochs
                    .get(self.epochs.min(run.epochs.len())..)
                    .unwrap_or_default();
                let data = ProgressEvent {
                    run: run.id,
                    from,
                    losses: &run.losses[from..],
                    epochs,
                    next_iter: run.losses.len(),
                    status: run.state.status(self.lang),
                    divergences: &run.divergences,
                    seconds: run.seconds,
                    gradient: run.gradient,
                };
                let data = serde_json::to_string(&data).expect("plain data serializes");
                (self.losses, self.epochs) = (run.losses.len(), run.epochs.len());
                Event::default().event("progress").data(data)
            }
        };
        self.first = false;
        Some(event)
    }
}
