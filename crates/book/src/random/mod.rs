//! Where the book's random numbers come from: one trait, [`Random`], and two generators behind
//! it.
//!
//! - scratchnet's own, a ChaCha8 generator (`rand`'s [`ChaCha8Rng`]): what every network and run
//!   draws from by default. Its state is small and a run's draws depend only on `(seed,
//!   iteration)`, so a checkpoint resumes exactly.
//! - NumPy's (`numpy::RandomState`): the legacy `np.random` the book's scripts call after
//!   `np.random.seed(n)`, draw for draw, so that a run here and the book's script seeded alike
//!   start from the same weights, take the same mini-batches and drop the same units.
//!
//! | book (NumPy) | here |
//! | --- | --- |
//! | `np.random.randn()` | [`Random::standard_normal`] |
//! | `np.random.rand()`, `np.random.random_sample()` | [`Random::random_sample`] |
//! | `np.random.uniform(low, high)` | [`Random::uniform`] |
//! | `np.random.randint(n)`, `np.random.choice(n)` | [`Random::randint`] |
//!
//! A function that draws takes `&mut dyn Random` (or `&mut impl Random`) and says in what order
//! it draws, so that the order matches the book's.

use rand::RngExt;
use rand::rngs::ChaCha8Rng;
use rand_distr::{Distribution, StandardNormal};

/// A source of the random numbers the book draws: normal, uniform and whole numbers.
///
/// ```
/// use rand::SeedableRng;
/// use scratchnet_book::random::Random;
/// let mut rng = rand::rngs::ChaCha8Rng::seed_from_u64(7);
/// let u = rng.random_sample();
/// assert!((0.0..1.0).contains(&u));
/// assert!(rng.randint(10) < 10);
/// let x = rng.uniform(-8.0, -4.0);
/// assert!((-8.0..-4.0).contains(&x));
/// ```
pub trait Random: std::fmt::Debug {
    /// One draw from the standard normal distribution `N(0, 1)` (NumPy's `randn()`).
    fn standard_normal(&mut self) -> f64;

    /// One draw uniform on `[0, 1)` (NumPy's `rand()` and `random_sample()`).
    fn random_sample(&mut self) -> f64;

    /// One whole number uniform on `0..n` (NumPy's `randint(n)`; `choice(n, size)` is `size`
    /// of them in turn).
    ///
    /// # Panics
    /// If `n` is 0.
    fn randint(&mut self, n: usize) -> usize;

    /// One draw uniform on `[low, high)`: `low + (high − low) · u` for `u` from
    /// [`random_sample`](Random::random_sample), as NumPy's `uniform(low, high)` computes it.
    fn uniform(&mut self, low: f64, high: f64) -> f64 {
        low + (high - low) * self.random_sample()
    }
}

impl Random for ChaCha8Rng {
    fn standard_normal(&mut self) -> f64 {
        StandardNormal.sample(self)
    }

    fn random_sample(&mut self) -> f64 {
        self.random()
    }

    fn randint(&mut self, n: usize) -> usize {
        self.random_range(0..n)
    }
}
