//! What a picture needs to know about the function it draws.

use ndarray::Array1;

use scratchnet_book::Landscape;

/// A function a picture draws: one of the built-in [`Landscape`]s, or your own closure
/// `|x: &Array1<f64>| -> f64` (the notebook's way: write `f`, then plot it).
///
/// A landscape brings its formula for the caption, its usual region and its known minimum; a
/// closure is drawn over the region its runs or grid cover, captioned `f`.
///
/// A [`Figure`](super::Figure) keeps the function to draw it later, so a closure must own what
/// it reads: `move |x| a * x[0] * x[0]`, not a borrow of a local `a`.
pub trait PlotFunction {
    /// `f(x)`.
    fn value(&self, x: &Array1<f64>) -> f64;
    /// The number of coordinates, if the function fixes it.
    fn dim(&self) -> Option<usize> {
        None
    }
    /// The formula, for captions.
    fn formula(&self) -> String {
        "f".to_string()
    }
    /// The region to show (one range per coordinate), before it widens to fit the paths.
    fn view(&self) -> Option<Vec<(f64, f64)>> {
        None
    }
    /// The point of the lowest value, if known, to mark with a cross.
    fn minimum(&self) -> Option<Array1<f64>> {
        None
    }
}

impl PlotFunction for Landscape {
    fn value(&self, x: &Array1<f64>) -> f64 {
        self.eval(x.view())
    }
    fn dim(&self) -> Option<usize> {
        Some(Landscape::dim(*self))
    }
    fn formula(&self) -> String {
        format!("f = {}", Landscape::formula(*self))
    }
    fn view(&self) -> Option<Vec<(f64, f64)>> {
        Some(Landscape::view(*self))
    }
    fn minimum(&self) -> Option<Array1<f64>> {
        Landscape::minimum(*self).map(|(x, _)| x)
    }
}

impl<F: Fn(&Array1<f64>) -> f64> PlotFunction for F {
    fn value(&self, x: &Array1<f64>) -> f64 {
        self(x)
    }
}
