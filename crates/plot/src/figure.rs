//! A finished picture: what every plotting function returns, to save as a file or to show in a
//! notebook.

use std::fmt;
use std::path::Path;

use plotters::coord::Shift;
use plotters::prelude::*;

use super::look::{self, Look};
use super::{DrawResult, Format, check_target, register_fonts};
use scratchnet_book::Error;
use scratchnet_book::text::{Lang, pictures};

/// A picture that can be drawn on any plotters backend: the private side of [`Figure`].
pub(super) trait Draw {
    /// Width and height in pixels.
    fn size(&self) -> (u32, u32);
    /// Draws the picture on `root`.
    fn draw<DB: DrawingBackend>(&self, root: &DrawingArea<DB, Shift>) -> DrawResult
    where
        DB::ErrorType: 'static;
}

/// [`Draw`] with the backend chosen: what a [`Figure`] can hold behind a pointer (a generic
/// method cannot be called through one).
trait Render {
    fn size(&self) -> (u32, u32);
    fn svg(&self) -> Result<String, Box<dyn std::error::Error>>;
    fn rgb(&self) -> Result<Vec<u8>, Box<dyn std::error::Error>>;
}

impl<T: Draw> Render for T {
    fn size(&self) -> (u32, u32) {
        Draw::size(self)
    }

    fn svg(&self) -> Result<String, Box<dyn std::error::Error>> {
        let mut svg = String::new();
        {
            let root = SVGBackend::with_string(&mut svg, Draw::size(self)).into_drawing_area();
            paint(self, &root)?;
        }
        Ok(svg)
    }

    fn rgb(&self) -> Result<Vec<u8>, Box<dyn std::error::Error>> {
        let (width, height) = Draw::size(self);
        let mut pixels = vec![0u8; 3 * width as usize * height as usize];
        {
            let root = BitMapBackend::with_buffer(&mut pixels, (width, height)).into_drawing_area();
            paint(self, &root)?;
        }
        Ok(pixels)
    }
}

/// Draws `picture` on a white `root` and finishes the drawing.
fn paint<DB: DrawingBackend>(picture: &impl Draw, root: &DrawingArea<DB, Shift>) -> DrawResult
where
    DB::ErrorType: 'static,
{
    root.fill(&WHITE)?;
    picture.draw(root)?;
    root.present()?;
    Ok(())
}

/// A picture, as the plotting functions return it: [`save`](Figure::save) it as a PNG or SVG
/// file, take its bytes ([`svg`](Figure::svg), [`png`](Figure::png)), or, as the last value of
/// a notebook cell, see it under the cell.
///
/// A figure holds what it shows (the runs, the history, the sampled function), not pixels:
/// it is drawn each time it is asked for, in the format asked for, and owns its data, so it
/// can be kept in a variable and shown or saved later.
///
/// ```
/// use scratchnet_book::gradient_descent;
/// use scratchnet_plot::plot_descent;
/// fn function_2(x: &scratchnet_book::ndarray::Array1<f64>) -> f64 {
///     x[0] * x[0] + x[1] * x[1]
/// }
/// let run = gradient_descent(function_2, scratchnet_book::ndarray::array![-3.0, 4.0], 0.1, 20)?;
/// let figure = plot_descent(function_2, &[run], "20 steps from (−3, 4)")?;
/// assert_eq!(figure.size(), (1240, 600));
/// assert!(figure.svg()?.contains("20 steps from (−3, 4)"));
/// assert!(figure.png()?.starts_with(b"\x89PNG"));
/// // figure.save("descent.png")?; writes the file; in a notebook, `figure` shows it
/// # Ok::<(), scratchnet_book::Error>(())
/// ```
pub struct Figure {
    picture: Box<dyn Render>,
    lang: Lang,
}

impl fmt::Debug for Figure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (width, height) = self.size();
        write!(f, "Figure({width} × {height} pixels)")
    }
}

/// Above this many bytes of SVG, a notebook is shown the picture as PNG instead. SVG stays sharp
/// at any zoom, but a notebook keeps every picture in its file, and past this size (thousands of
/// contour segments and arrows) the SVG is as large as the PNG or larger: the gradient field's
/// is over 200 kB, its PNG 195 kB; a descent picture's 150 to 190 kB, its PNG 105 kB.
pub const NOTEBOOK_SVG_LIMIT: usize = 200_000;

impl Figure {
    pub(super) fn new(picture: impl Draw + 'static) -> Figure {
        Figure {
            picture: Box::new(picture),
            lang: Lang::En,
        }
    }

    /// The figure with its words — axis names, legends, notes; not the title you gave — in
    /// `lang`. A Korean PNG is drawn with the embedded Hangul font, which has the 2,350
    /// syllables of everyday Korean (KS X 1001); SVG leaves the letters to the viewer.
    ///
    /// ```
    /// use scratchnet_book::{text::Lang, Landscape};
    /// use scratchnet_plot::plot_descent;
    /// let run = Landscape::Sphere.descend(&[-3.0, 4.0], 0.1, 20)?;
    /// let figure = plot_descent(Landscape::Sphere, &[run], "(−3, 4)에서 20번 반복")?.in_lang(Lang::Ko);
    /// assert!(figure.svg()?.contains("반복할 때마다의 f(x)"));
    /// assert!(figure.png()?.starts_with(b"\x89PNG"));
    /// # Ok::<(), scratchnet_book::Error>(())
    /// ```
    #[must_use]
    pub fn in_lang(mut self, lang: Lang) -> Figure {
        self.lang = lang;
        self
    }

    /// The language of the figure's words.
    #[must_use]
    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// Width and height in pixels.
    #[must_use]
    pub fn size(&self) -> (u32, u32) {
        self.picture.size()
    }

    /// The picture as an SVG document. Its text is set in the `sans-serif` family, which the
    /// viewer (a browser, a notebook) supplies.
    ///
    /// # Errors
    /// [`Error::Draw`] if the drawing fails.
    pub fn svg(&self) -> Result<String, Error> {
        fonts()?;
        let look = Look {
            lang: self.lang,
            family: "sans-serif",
        };
        look::drawing(look, || self.picture.svg()).map_err(Error::draw)
    }

    /// The picture as a PNG file's bytes, its text drawn with the embedded DejaVu Sans.
    ///
    /// # Errors
    /// [`Error::Draw`] if the drawing or the encoding fails.
    pub fn png(&self) -> Result<Vec<u8>, Error> {
        fonts()?;
        let family = match self.lang {
            Lang::En => "sans-serif",
            Lang::Ko => {
                self.check_korean_letters()?;
                look::KOREAN_FAMILY
            }
        };
        let look = Look {
            lang: self.lang,
            family,
        };
        let pixels = look::drawing(look, || self.picture.rgb()).map_err(Error::draw)?;
        let (width, height) = self.size();
        let mut png = Vec::new();
        image::ImageEncoder::write_image(
            image::codecs::png::PngEncoder::new(&mut png),
            &pixels,
            width,
            height,
            image::ColorType::Rgb8,
        )
        .map_err(Error::draw)?;
        Ok(png)
    }

    /// Every letter of the figure's text is in the Korean font: else a PNG would draw an empty
    /// box where the letter goes. The text is read from the figure's SVG.
    fn check_korean_letters(&self) -> Result<(), Error> {
        let svg = self.svg()?;
        let font = ab_glyph::FontRef::try_from_slice(look::KOREAN_FONT).map_err(Error::draw)?;
        let missing: Vec<String> = svg_text(&svg)
            .filter(|c| !c.is_whitespace() && ab_glyph::Font::glyph_id(&font, *c).0 == 0)
            .collect::<std::collections::BTreeSet<char>>()
            .into_iter()
            .map(|c| format!("'{c}'"))
            .collect();
        if missing.is_empty() {
            return Ok(());
        }
        Err(Error::Draw {
            reason: pictures::NO_LETTER.say(self.lang, &[("letters", &missing.join(", "))]),
            cause: None,
        })
    }

    /// Writes the picture to `path`, as PNG or SVG after the file's extension (`.png`, `.svg`).
    /// The file is replaced only when complete ([`write_atomically`](scratchnet_book::atomic::write_atomically)):
    /// a failure leaves no half-written file behind.
    ///
    /// # Errors
    /// [`Error::Plot`] if the name does not end in `.png` or `.svg`, it is a directory, or
    /// drawing or writing fails.
    pub fn save(&self, path: impl AsRef<Path>) -> Result<(), Error> {
        self.save_as(path, None)
    }

    /// As [`save`](Figure::save), in `format` if given, else the one the name says: for a
    /// name that says none, such as `/dev/stdout`.
    ///
    /// # Errors
    /// As [`save`](Figure::save).
    pub fn save_as(&self, path: impl AsRef<Path>, format: Option<Format>) -> Result<(), Error> {
        let path = path.as_ref();
        let fail = |e: Error| match e {
            Error::Draw { reason, cause } => Error::Plot {
                path: path.to_path_buf(),
                reason,
                cause,
            },
            other => other,
        };
        let bytes = match check_target(path, format)? {
            Format::Png => self.png().map_err(fail)?,
            Format::Svg => self.svg().map_err(fail)?.into_bytes(),
        };
        scratchnet_book::atomic::write_atomically(path, &bytes).map_err(|e| Error::Plot {
            path: path.to_path_buf(),
            reason: "writing it failed".into(),
            cause: Some(Box::new(e)),
        })
    }

    /// Shows the picture in a Jupyter notebook run by the Rust kernel (evcxr): the kernel calls
    /// this method on a cell's last value. It prints the picture on standard output between
    /// evcxr's markers (`EVCXR_BEGIN_CONTENT image/svg+xml` … `EVCXR_END_CONTENT`), as SVG, or
    /// as base64 PNG when the SVG would exceed [`NOTEBOOK_SVG_LIMIT`]; a drawing error is shown
    /// as text. The only output of the library: outside a notebook there is no reason to call it.
    pub fn evcxr_display(&self) {
        // a notebook's output: nothing to do if it cannot be written
        let _ = std::io::Write::write_all(
            &mut std::io::stdout().lock(),
            self.notebook_output().as_bytes(),
        );
    }

    /// What [`evcxr_display`](Figure::evcxr_display) prints.
    fn notebook_output(&self) -> String {
        use base64::Engine;
        let (mime, content) = match self.svg() {
            Ok(svg) if svg.len() <= NOTEBOOK_SVG_LIMIT => ("image/svg+xml", svg),
            Ok(_) => match self.png() {
                Ok(png) => (
                    "image/png",
                    base64::engine::general_purpose::STANDARD.encode(png),
                ),
                Err(e) => ("text/plain", e.to_string()),
            },
            Err(e) => ("text/plain", e.to_string()),
        };
        format!("EVCXR_BEGIN_CONTENT {mime}\n{content}\nEVCXR_END_CONTENT\n")
    }
}

/// The characters of an SVG document's text: what stands between `>` and `<` inside its
/// `<text>` elements, entities decoded.
fn svg_text(svg: &str) -> impl Iterator<Item = char> + '_ {
    svg.split("<text").skip(1).flat_map(|element| {
        let inner = element
            .split_once('>')
            .map_or("", |(_, rest)| rest.split('<').next().unwrap_or_default());
        let decoded = inner
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&apos;", "'")
            .replace("&amp;", "&");
        decoded.chars().collect::<Vec<_>>()
    })
}

/// Hands the embedded font to plotters, for this call: see [`register_fonts`].
fn fonts() -> Result<(), Error> {
    if register_fonts() {
        Ok(())
    } else {
        Err(Error::Draw {
            reason:
                "the embedded fonts (DejaVu Sans, the Korean subset of Noto Sans CJK) did not load"
                    .into(),
            cause: None,
        })
    }
}

#[cfg(test)]
mod tests {
    use base64::Engine;

    use crate::{plot_gradient_field, plot_tangent};
    use scratchnet_book::Landscape;

    /// The kernel's protocol: one block between the markers, SVG for a light picture, base64 PNG
    /// for one whose SVG is over the limit (the gradient field's 324 arrows and contours).
    #[test]
    fn a_notebook_is_shown_svg_or_png_by_size() {
        let tangent = plot_tangent(Landscape::Function1, 5.0, 0.2).unwrap();
        let shown = tangent.notebook_output();
        let svg = shown
            .strip_prefix("EVCXR_BEGIN_CONTENT image/svg+xml\n")
            .and_then(|rest| rest.strip_suffix("\nEVCXR_END_CONTENT\n"))
            .expect("an SVG block");
        assert_eq!(svg, tangent.svg().unwrap());
        assert!(svg.len() <= super::NOTEBOOK_SVG_LIMIT);

        let field = scratchnet_book::gradient_field(|x| x[0] * x[0] + x[1] * x[1], -2.0, 2.5, 0.25);
        let field = plot_gradient_field(Landscape::Sphere, &field, "field").unwrap();
        assert!(field.svg().unwrap().len() > super::NOTEBOOK_SVG_LIMIT);
        let shown = field.notebook_output();
        let png = shown
            .strip_prefix("EVCXR_BEGIN_CONTENT image/png\n")
            .and_then(|rest| rest.strip_suffix("\nEVCXR_END_CONTENT\n"))
            .expect("a PNG block");
        let png = base64::engine::general_purpose::STANDARD
            .decode(png)
            .unwrap();
        assert_eq!(png, field.png().unwrap());
        let size = image::load_from_memory(&png).unwrap();
        assert_eq!((size.width(), size.height()), field.size());
    }
}
