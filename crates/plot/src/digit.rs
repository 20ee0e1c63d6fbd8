//! A handwritten digit and what the network thinks of it.

use plotters::coord::Shift;
use plotters::prelude::*;

use super::look;
use super::{Draw, DrawResult, Figure, run_colour, titled};
use super::{Frame, chart_on};
use scratchnet_book::Error;
use scratchnet_book::text::pictures;

/// A 28 × 28 image (`pixels`, 784 bytes row by row, 0 white to 255 black) beside a bar chart of
/// the ten class probabilities. The predicted digit's bar (the most probable) is blue; the true label's, when given and different, orange, so a
/// wrong prediction shows where the right answer stood; the other bars grey.
///
/// # Errors
/// [`Error::Shape`] unless there are 784 pixels and 10 probabilities.
pub fn plot_digit(
    pixels: &[u8],
    probabilities: &[f64],
    label: Option<usize>,
    title: &str,
) -> Result<Figure, Error> {
    if pixels.len() != 784 {
        return Err(Error::Shape {
            what: "a digit's pixels",
            expected: vec![784],
            got: vec![pixels.len()],
        });
    }
    if probabilities.len() != 10 {
        return Err(Error::Shape {
            what: "the class probabilities",
            expected: vec![10],
            got: vec![probabilities.len()],
        });
    }
    Ok(Figure::new(DigitFigure {
        pixels: pixels.to_vec(),
        probabilities: probabilities.to_vec(),
        label,
        title: title.to_string(),
    }))
}

struct DigitFigure {
    pixels: Vec<u8>,
    probabilities: Vec<f64>,
    label: Option<usize>,
    title: String,
}

impl Draw for DigitFigure {
    fn size(&self) -> (u32, u32) {
        (900, 460)
    }

    // About 75 lines: one figure (the image, then the bars) drawn in order.
    fn draw<DB: DrawingBackend>(&self, root: &DrawingArea<DB, Shift>) -> DrawResult
    where
        DB::ErrorType: 'static,
    {
        let root = titled(root, &self.title)?;
        let (left, right) = root.split_horizontally(420);
        let mut image = ChartBuilder::on(&left)
            .margin(20)
            .build_cartesian_2d(0..28, 0..28)?;
        image.draw_series(
            (0..28)
                .flat_map(|r| (0..28).map(move |c| (r, c)))
                .map(|(r, c)| {
                    let v = 255 - self.pixels[r * 28 + c];
                    Rectangle::new(
                        [(c as i32, 27 - r as i32), (c as i32 + 1, 28 - r as i32)],
                        RGBColor(v, v, v).filled(),
                    )
                }),
        )?;
        let mut bars = chart_on(
            &right,
            look::say(&pictures::PROBABILITY_EACH_DIGIT, &[]),
            Frame::Panel,
        )
        .build_cartesian_2d((0..9).into_segmented(), 0.0..1.0)?;
        bars.configure_mesh()
            .disable_x_mesh()
            .light_line_style(WHITE.mix(0.0))
            .bold_line_style(BLACK.mix(0.08))
            .x_desc(look::say(&pictures::DIGIT, &[]))
            .axis_desc_style((look::family(), 15))
            .label_style((look::family(), 13))
            .draw()?;
        let predicted = scratchnet_book::functions::argmax(self.probabilities.iter().copied());
        let bar = |d: usize, colour: RGBColor| {
            let x = d as i32;
            Rectangle::new(
                [
                    (SegmentValue::Exact(x), 0.0),
                    (SegmentValue::Exact(x + 1), self.probabilities[d]),
                ],
                colour.filled(),
            )
        };
        let grey = RGBColor(170, 170, 170);
        bars.draw_series(
            (0..10)
                .filter(|&d| d != predicted && Some(d) != self.label)
                .map(|d| bar(d, grey)),
        )?;
        let (blue, orange) = (run_colour(0), run_colour(1));
        let square = |colour: RGBColor| {
            move |(x, y): (i32, i32)| Rectangle::new([(x, y - 6), (x + 12, y + 6)], colour.filled())
        };
        let name = if self.label == Some(predicted) {
            look::say(&pictures::PREDICTED_TRUE, &[("digit", &predicted)])
        } else {
            look::say(&pictures::PREDICTED, &[("digit", &predicted)])
        };
        bars.draw_series(std::iter::once(bar(predicted, blue)))?
            .label(name)
            .legend(square(blue));
        if let Some(label) = self.label.filter(|&l| l != predicted && l < 10) {
            bars.draw_series(std::iter::once(bar(label, orange)))?
                .label(look::say(&pictures::TRUE_LABEL, &[("digit", &label)]))
                .legend(square(orange));
        }
        bars.configure_series_labels()
            .position(SeriesLabelPosition::UpperRight)
            .background_style(WHITE.mix(0.9))
            .border_style(BLACK.mix(0.4))
            .label_font((look::family(), 13))
            .draw()?;
        Ok(())
    }
}
