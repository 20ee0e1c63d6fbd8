//! Small helpers of the book's `common/util.py`.

use ndarray::Axis;

use crate::data::mnist::Split;
use crate::random::Random;

/// The book's `smooth_curve`: a moving average with an 11-point Kaiser window (β = 2), the
/// series reflected at both ends so that the result has the length of the input. Used to draw
/// noisy mini-batch losses as readable curves.
///
/// ```
/// // a constant stays constant; a single spike is spread over its neighbours
/// let flat = scratchnet_book::util::smooth_curve(&[2.0; 30]);
/// assert!(flat.iter().all(|v| (v - 2.0).abs() < 1e-12));
/// let mut spike = vec![0.0; 30];
/// spike[15] = 1.0;
/// let s = scratchnet_book::util::smooth_curve(&spike);
/// assert!(s[15] < 1.0 && s[14] > 0.0 && (s.iter().sum::<f64>() - 1.0).abs() < 1e-12);
/// ```
#[must_use]
pub fn smooth_curve(x: &[f64]) -> Vec<f64> {
    const WINDOW: usize = 11;
    if x.len() < WINDOW {
        return x.to_vec();
    }
    let w = kaiser(WINDOW, 2.0);
    let total: f64 = w.iter().sum();
    // np.r_[x[10:0:-1], x, x[-1:-11:-1]]
    let s: Vec<f64> = x[1..WINDOW]
        .iter()
        .rev()
        .chain(x)
        .chain(x.iter().rev().take(WINDOW - 1))
        .copied()
        .collect();
    let valid: Vec<f64> = s
        .windows(WINDOW)
        .map(|win| {
            win.iter()
                .zip(w.iter().rev())
                .map(|(a, b)| a * b / total)
                .sum()
        })
        .collect();
    valid[5..valid.len() - 5].to_vec()
}

/// NumPy's `kaiser(n, beta)`: `I₀(β √(1 − (2k/(n−1) − 1)²)) / I₀(β)` for `k = 0..n`.
fn kaiser(n: usize, beta: f64) -> Vec<f64> {
    (0..n)
        .map(|k| {
            let r = 2.0 * k as f64 / (n - 1) as f64 - 1.0;
            bessel_i0(beta * (1.0 - r * r).sqrt()) / bessel_i0(beta)
        })
        .collect()
}

/// The modified Bessel function of the first kind, order 0: `Σₖ ((x/2)ᵏ / k!)²`.
fn bessel_i0(x: f64) -> f64 {
    let (mut sum, mut term) = (1.0, 1.0);
    for k in 1..60 {
        term *= (x / 2.0) / k as f64;
        sum += term * term;
    }
    sum
}

/// The book's `shuffle_dataset(x, t)`: the images and labels of `split` in the order of
/// NumPy's `np.random.permutation(N)`, drawn from `random` as NumPy draws it: for `i` from
/// `N − 1` down to 1, one [`randint(i + 1)`](Random::randint), then `i` and the draw swap
/// places (`N − 1` draws; with NumPy's generator the same order as
/// [`RandomState::permutation`](crate::random::numpy::RandomState::permutation)).
///
/// ```
/// use scratchnet_book::random::numpy::RandomState;
/// use scratchnet_book::util::shuffle_dataset;
/// let mnist = scratchnet_book::Mnist::builtin();
/// let first = mnist.train.first(10);
/// // np.random.seed(0); np.random.permutation(10) is [2, 8, 4, 9, 1, 6, 7, 3, 0, 5]
/// let shuffled = shuffle_dataset(&first, &mut RandomState::new(0));
/// assert_eq!(shuffled.labels[0], first.labels[2]);
/// assert_eq!(shuffled.images.row(1), first.images.row(8));
/// ```
#[must_use]
pub fn shuffle_dataset(split: &Split, random: &mut dyn Random) -> Split {
    let mut permutation: Vec<usize> = (0..split.len()).collect();
    for i in (1..permutation.len()).rev() {
        let j = random.randint(i + 1);
        permutation.swap(i, j);
    }
    Split {
        images: split.images.select(Axis(0), &permutation),
        labels: split.labels.select(Axis(0), &permutation),
    }
}

/// `n` and a noun, singular or plural: `1 coordinate`, `2 coordinates`.
pub(crate) fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kaiser_and_smoothing_match_numpy() {
        // numpy.kaiser(11, 2)
        let want = [0.43867628, 0.61139435, 0.767675, 0.89216143, 0.9723298, 1.0];
        let w = kaiser(11, 2.0);
        for (a, b) in w.iter().zip(want) {
            assert!((a - b).abs() < 5e-9, "{w:?}");
        }
        // the book's smooth_curve on x[i] = (7i) mod 5, i < 20, computed by NumPy 2.4
        let x: Vec<f64> = (0..20).map(|i| ((i * 7) % 5) as f64).collect();
        let want = [
            1.940388279661273,
            2.0018359521319975,
            2.031277970208262,
            2.0309381723359703,
            2.000857994864708,
            1.9388910109777204,
            2.0,
            2.061108989022279,
            1.9466968311866861,
            2.0533031688133137,
            1.9388910109777204,
            2.0,
            2.061108989022279,
            1.9466968311866861,
            2.0533031688133137,
            2.096226532823538,
            2.166837368140994,
            2.263348925499145,
            2.2273463567787144,
            2.2111365873860342,
        ];
        let got = smooth_curve(&x);
        assert_eq!(got.len(), 20);
        for (a, b) in got.iter().zip(want) {
            assert!((a - b).abs() < 1e-12, "{a} vs {b}");
        }
    }
}
