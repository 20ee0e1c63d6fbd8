//! The two floating-point types a network can compute in: `f64` (the book's NumPy default) and
//! `f32` (half the memory and twice the numbers per vector instruction).
//!
//! Most of the library computes in `f64`, as the book does. The fast training path
//! (the engine, `scratchnet::engine`) is generic over [`Real`], and `scratchnet train --dtype`
//! chooses between the two.

use std::fmt;
use std::iter::Sum;
use std::ops::{AddAssign, DivAssign, MulAssign, SubAssign};

/// `f32` or `f64`: what the generic numerical code needs of a number.
///
/// Sealed: only `f32` and `f64` implement it (its supertrait `sealed::Sealed` cannot be named
/// outside the crate).
pub trait Real:
    sealed::Sealed
    + num_traits::Float
    + ndarray::LinalgScalar
    + ndarray::ScalarOperand
    + AddAssign
    + SubAssign
    + MulAssign
    + DivAssign
    + Sum
    + Default
    + Send
    + Sync
    + fmt::Debug
    + fmt::Display
    + 'static
{
    /// Which one this is.
    const DTYPE: Dtype;

    /// `x` rounded to this type (exact for `f64`).
    fn cast(x: f64) -> Self;

    /// This number as an `f64` (always exact).
    fn widen(self) -> f64;
}

mod sealed {
    /// Implemented by `f32` and `f64` only, and not nameable outside the crate: no other type
    /// can be a [`Real`](super::Real).
    pub trait Sealed {}
    impl Sealed for f32 {}
    impl Sealed for f64 {}
}

impl Real for f32 {
    const DTYPE: Dtype = Dtype::F32;

    fn cast(x: f64) -> Self {
        x as f32
    }

    fn widen(self) -> f64 {
        f64::from(self)
    }
}

impl Real for f64 {
    const DTYPE: Dtype = Dtype::F64;

    fn cast(x: f64) -> Self {
        x
    }

    fn widen(self) -> f64 {
        self
    }
}

/// The floating-point type of a computation, by name.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(feature = "clap", derive(clap::ValueEnum))]
#[cfg_attr(feature = "clap", value(rename_all = "lower"))]
pub enum Dtype {
    /// 32-bit floats: about 7 significant digits.
    #[serde(alias = "float32")]
    #[cfg_attr(feature = "clap", value(alias = "float32"))]
    F32,
    /// 64-bit floats: about 16 significant digits, NumPy's default and the book's.
    #[default]
    #[serde(alias = "float64")]
    #[cfg_attr(feature = "clap", value(alias = "float64"))]
    F64,
}
