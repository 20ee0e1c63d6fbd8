//! The language and the font a figure is being drawn in.
//!
//! A [`Figure`](crate::Figure) is drawn when it is asked for, in the language it was given
//! ([`Figure::in_lang`](crate::Figure::in_lang)) and, for PNG, with the embedded font that has
//! the language's letters: DejaVu Sans for English, a Hangul subset of Noto Sans CJK KR for
//! Korean (the catalogue's, [`scratchnet_book::text::KOREAN_FONT`]). SVG names the family `sans-serif` and leaves the
//! letters to the viewer. The drawing code reads the look from here: [`drawing`] sets it for
//! one drawing, on the thread that draws, and puts the previous one back after.

use std::cell::Cell;

use scratchnet_book::text::{Lang, Text};

/// The family name plotters knows the Korean subset font by (PNG only).
pub(crate) const KOREAN_FAMILY: &str = "scratchnet-korean";

/// The Hangul font for Korean PNG pictures: the catalogue's
/// ([`scratchnet_book::text::KOREAN_FONT`]).
pub(crate) static KOREAN_FONT: &[u8] = scratchnet_book::text::KOREAN_FONT;

/// How a figure is drawn: its words' language, and the font family of its text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Look {
    pub(crate) lang: Lang,
    pub(crate) family: &'static str,
}

impl Default for Look {
    fn default() -> Self {
        Look {
            lang: Lang::En,
            family: "sans-serif",
        }
    }
}

thread_local! {
    static LOOK: Cell<Look> = Cell::new(Look::default());
}

/// Runs `draw` with `look` as the look of what it draws.
pub(crate) fn drawing<R>(look: Look, draw: impl FnOnce() -> R) -> R {
    let before = LOOK.with(|l| l.replace(look));
    let result = draw();
    LOOK.with(|l| l.set(before));
    result
}

/// The font family of the figure being drawn.
pub(crate) fn family() -> &'static str {
    LOOK.with(Cell::get).family
}

/// The language of the figure being drawn.
pub(crate) fn lang() -> Lang {
    LOOK.with(Cell::get).lang
}

/// `text` in the language of the figure being drawn, with `args` filled in.
pub(crate) fn say(text: &'static Text, args: &[(&'static str, &dyn std::fmt::Display)]) -> String {
    text.say(lang(), args)
}
