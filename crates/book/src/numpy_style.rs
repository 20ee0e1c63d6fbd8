//! Printing numbers the way NumPy prints them, so that our output reads beside the book's:
//! `println!("{}", numpy_style::vector(&x))` prints what the book's `print(x)` prints.
//!
//! NumPy's default: at most 8 digits after the point, trailing zeros dropped, every element of
//! an array in the same style; scientific notation when the largest magnitude is ≥ 1e8, the
//! smallest non-zero one < 1e-4, or their ratio > 1000.

use ndarray::{ArrayBase, Data, Dimension, Ix1, Ix2};

/// The elements of an array formatted NumPy-style, padded to a common width.
// About 65 lines: NumPy's rules for printing a number, in the order NumPy applies them.
fn cells<'a>(values: impl Iterator<Item = &'a f64> + Clone) -> Vec<String> {
    let finite_nonzero = values
        .clone()
        .map(|v| v.abs())
        .filter(|a| a.is_finite() && *a > 0.0);
    let (lo, hi) = finite_nonzero.fold((f64::INFINITY, 0.0f64), |(lo, hi), a| {
        (lo.min(a), hi.max(a))
    });
    let scientific = hi >= 1e8 || (lo.is_finite() && (lo < 1e-4 || hi / lo > 1e3));
    let raw: Vec<(String, String)> = values
        .map(|&v| {
            if !v.is_finite() {
                return (
                    if v.is_nan() {
                        "nan"
                    } else if v > 0.0 {
                        "inf"
                    } else {
                        "-inf"
                    }
                    .to_string(),
                    String::new(),
                );
            }
            if scientific {
                let s = format!("{v:.8e}");
                let (mantissa, exp) = s.split_once('e').expect("an exponent");
                let exp: i32 = exp.parse().expect("an integer exponent");
                let mantissa = mantissa.trim_end_matches('0');
                (
                    mantissa.to_string(),
                    format!("e{}{:02}", if exp < 0 { '-' } else { '+' }, exp.abs()),
                )
            } else {
                let s = format!("{v:.8}");
                (s.trim_end_matches('0').to_string(), String::new())
            }
        })
        .collect();
    // align the points: pad the integer part on the left with spaces, the fraction on the
    // right (with zeros in scientific notation, as NumPy does)
    let fill = if scientific { "0" } else { " " };
    let int_width = raw
        .iter()
        .map(|(m, _)| m.find('.').unwrap_or(m.len()))
        .max()
        .unwrap_or(0);
    let frac_width = raw
        .iter()
        .map(|(m, _)| m.len() - m.find('.').unwrap_or(m.len()))
        .max()
        .unwrap_or(0);
    raw.into_iter()
        .map(|(m, e)| {
            let point = m.find('.').unwrap_or(m.len());
            format!(
                "{}{m}{}{e}",
                " ".repeat(int_width - point),
                fill.repeat(frac_width - (m.len() - point))
            )
        })
        .collect()
}

/// A vector as NumPy prints it: `[-1.00502272  0.86215244 -0.22711487]`.
///
/// ```
/// use scratchnet_book::{ndarray::array, numpy_style};
/// // the end point the book prints after 100 steps from (-3, 2)
/// let x = array![-6.111107929004943e-10, 4.074071952684697e-10];
/// assert_eq!(numpy_style::vector(&x), "[-6.11110793e-10  4.07407195e-10]");
/// ```
#[must_use]
pub fn vector<S: Data<Elem = f64>>(a: &ArrayBase<S, Ix1>) -> String {
    format!("[{}]", cells(a.iter()).join(" "))
}

/// A matrix as NumPy prints it, one row per line.
///
/// ```
/// use scratchnet_book::{ndarray::array, numpy_style};
/// let w = array![[0.5, -1.25], [2.0, 0.0]];
/// assert_eq!(numpy_style::matrix(&w), "[[ 0.5  -1.25]\n [ 2.    0.  ]]");
/// ```
#[must_use]
pub fn matrix<S: Data<Elem = f64>>(a: &ArrayBase<S, Ix2>) -> String {
    array(a)
}

/// An array of any number of axes as NumPy prints it: brackets nested one per axis, the last
/// axis on one line, a blank line between blocks of three axes or more (what a layer of the
/// book returns, `(N, H)` or images `(N, C, H, W)`).
///
/// ```
/// use scratchnet_book::{ndarray::array, numpy_style};
/// let x = array![[[1.0, 2.0], [3.0, 4.0]], [[5.0, 6.0], [7.0, 8.5]]];
/// assert_eq!(numpy_style::array(&x), "[[[1.  2. ]\n  [3.  4. ]]\n\n [[5.  6. ]\n  [7.  8.5]]]");
/// assert_eq!(numpy_style::array(&x.view().into_dyn()), numpy_style::array(&x));
/// ```
#[must_use]
pub fn array<S: Data<Elem = f64>, D: Dimension>(a: &ArrayBase<S, D>) -> String {
    let cells = cells(a.iter());
    nested(&cells, a.shape(), 0)
}

/// `cells` in `shape`, brackets nested from `depth`.
fn nested(cells: &[String], shape: &[usize], depth: usize) -> String {
    match shape {
        [] => cells.first().cloned().unwrap_or_default(),
        [_] => format!("[{}]", cells.join(" ")),
        [n, inner @ ..] => {
            let size = inner.iter().product::<usize>();
            let parts: Vec<String> = (0..*n)
                .map(|i| nested(&cells[i * size..(i + 1) * size], inner, depth + 1))
                .collect();
            let gap = format!("{}{}", "\n".repeat(inner.len()), " ".repeat(depth + 1));
            format!("[{}]", parts.join(&gap))
        }
    }
}

/// A number alone, NumPy-style but as NumPy prints a scalar: `25.0`, not `25.`.
///
/// ```
/// assert_eq!(scratchnet_book::numpy_style::scalar(25.0), "25.0");
/// ```
#[must_use]
pub fn scalar(v: f64) -> String {
    let s = cells(std::iter::once(&v)).remove(0);
    match s.split_once(".e") {
        Some((m, e)) => format!("{m}.0e{e}"),
        None if s.ends_with('.') => s + "0",
        None => s,
    }
}

/// A float as Python's `str()` and `repr()` print it, as the book's scripts print their
/// numbers (`print("lr:" + str(lr))`): the shortest digits that read back, positional from
/// 1e-4 up to 1e16 with at least one decimal (`0.0001`, `25.0`), scientific outside with a
/// sign and at least two exponent digits (`1.2e-07`, `1e+16`).
///
/// ```
/// use scratchnet_book::numpy_style::python_float;
/// assert_eq!(python_float(0.0024980197686192674), "0.0024980197686192674");
/// assert_eq!(python_float(7.267355978470254e-06), "7.267355978470254e-06");
/// assert_eq!(python_float(0.83), "0.83");
/// assert_eq!(python_float(1.0), "1.0");
/// ```
#[must_use]
pub fn python_float(v: f64) -> String {
    if v.is_nan() {
        return "nan".into();
    }
    if v.is_infinite() {
        return if v > 0.0 { "inf" } else { "-inf" }.into();
    }
    let scientific = format!("{v:e}");
    let (mantissa, exp) = scientific.split_once('e').expect("an exponent");
    let exp: i32 = exp.parse().expect("an integer exponent");
    if v == 0.0 || (-4..16).contains(&exp) {
        let plain = format!("{v}");
        if plain.contains('.') {
            plain
        } else {
            plain + ".0"
        }
    } else {
        let sign = if exp < 0 { '-' } else { '+' };
        format!("{mantissa}e{sign}{:02}", exp.abs())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ndarray::array;

    /// What Python 3.11 prints for each (`repr(x)`).
    #[test]
    fn floats_like_python() {
        for (x, python) in [
            (0.0001, "0.0001"),
            (0.00001, "1e-05"),
            (1.5081662054491436e-06, "1.5081662054491436e-06"),
            (1e16, "1e+16"),
            (1234567890123456.0, "1234567890123456.0"),
            (-0.0, "-0.0"),
            (0.0, "0.0"),
            (-2.5e-300, "-2.5e-300"),
            (0.1 + 0.2, "0.30000000000000004"),
        ] {
            assert_eq!(python_float(x), python, "{x}");
        }
    }

    #[test]
    fn prints_like_numpy() {
        // each expected string is what NumPy 2.4 prints for the same array
        assert_eq!(
            vector(&array![
                -1.005022725,
                0.8621524409999999,
                -0.22711487099999997
            ]),
            "[-1.00502272  0.86215244 -0.22711487]"
        );
        assert_eq!(
            vector(&array![-6.111107929004943e-10, 4.074071952684697e-10]),
            "[-6.11110793e-10  4.07407195e-10]"
        );
        assert_eq!(
            vector(&array![-2.999999939999995, 3.9999999199999934]),
            "[-2.99999994  3.99999992]"
        );
        assert_eq!(vector(&array![6.0, 8.0]), "[6. 8.]");
        assert_eq!(
            vector(&array![-2.9182932e-21, -2.44845461e-22]),
            "[-2.91829320e-21 -2.44845461e-22]"
        );
        assert_eq!(vector(&array![1.5e-5, 2.0]), "[1.5e-05 2.0e+00]");
        assert_eq!(vector(&array![1.0, -0.25, 100.5]), "[  1.    -0.25 100.5 ]");
        assert_eq!(
            vector(&array![-25898374737328.363, -1295248616896.5398]),
            "[-2.58983747e+13 -1.29524862e+12]"
        );
        assert_eq!(
            matrix(&array![
                [-1.24665088, 1.27077001, -0.60729709],
                [-0.28559133, 0.11076715, 0.15251487]
            ]),
            "[[-1.24665088  1.27077001 -0.60729709]\n [-0.28559133  0.11076715  0.15251487]]"
        );
        assert_eq!(scalar(0.25), "0.25");
        assert_eq!(scalar(10.0), "10.0");
        assert_eq!(scalar(1e-10), "1.0e-10");
    }
}
