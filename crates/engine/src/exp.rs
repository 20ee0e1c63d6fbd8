//! `eˣ` written so that the compiler can compute a whole vector register of them at once.

/// `eˣ` by a polynomial, written without calls or branches so that the compiler can compute a
/// whole vector register of them at once (the C library's `exp` is one call per number). Within
/// 2 units in the last place of [`f64::exp`]/[`f32::exp`]; arguments are clamped to the range
/// where the result is a normal number (so `e⁻¹⁰⁰⁰` is about `2.2e-308`, not 0, and `e¹⁰⁰⁰` is
/// about `8.2e307`, not infinity); NaN stays NaN.
///
/// A supertrait of the engine's [`Real`](crate::Real).
pub trait PolynomialExp: Copy {
    /// `eˣ`, as described on the trait.
    fn exp_polynomial(self) -> Self;
}

/// `x` rounded to the nearest integer, as a float and as the integer, by adding `1.5 ·
/// 2^mantissa_bits`: the sum's mantissa then holds the integer in its low bits (the fraction is
/// pushed out), and subtracting the constant back gives it as a float. Plain arithmetic and bit
/// operations, so it vectorises everywhere (a cast `as i32` from a float is checked for NaN and
/// range on every number, one at a time: it made the sigmoid of a 1,000-unit layer a tenth of a
/// step).
macro_rules! round_by_shift {
    ($x:expr, $shift:expr, $int:ty) => {{
        let shifted = $x + $shift;
        let n = shifted - $shift;
        (n, shifted.to_bits().wrapping_sub($shift.to_bits()) as $int)
    }};
}

impl PolynomialExp for f32 {
    #[inline(always)]
    fn exp_polynomial(self) -> Self {
        // Cephes' expf: e^x = 2^n · e^r with n = round(x / ln 2), |r| ≤ ln 2 / 2, and e^r by a
        // degree-7 polynomial
        let x = self.clamp(-87.0, 88.0);
        let (n, k) = round_by_shift!(x * std::f32::consts::LOG2_E, 12_582_912.0_f32, i32);
        let r = x - n * 0.693_359_4 - n * -2.121_944_4e-4;
        let z = r * r;
        let p = ((((1.987_569_1e-4 * r + 1.398_199_9e-3) * r + 8.333_452e-3) * r + 4.166_579_6e-2)
            * r
            + 1.666_666_5e-1)
            * r
            + 0.5;
        let e = p * z + r + 1.0;
        let scale = f32::from_bits((k.wrapping_add(127) as u32) << 23);
        let e = e * scale;
        if self.is_nan() { self } else { e }
    }
}

impl PolynomialExp for f64 {
    #[inline(always)]
    fn exp_polynomial(self) -> Self {
        // Cephes' exp: e^x = 2^n · e^r with n = round(x / ln 2), |r| ≤ ln 2 / 2, and e^r by a
        // Padé approximant, 1 + 2r·P(r²) / (Q(r²) − r·P(r²))
        let x = self.clamp(-708.0, 709.0);
        let (n, k) = round_by_shift!(
            x * std::f64::consts::LOG2_E,
            6_755_399_441_055_744.0_f64,
            i64
        );
        let r = x - n * 6.931_457_519_531_25e-1 - n * 1.428_606_820_309_417_2e-6;
        let rr = r * r;
        let px = r * ((1.261_771_930_748_105_9e-4 * rr + 3.029_944_077_074_419_6e-2) * rr + 1.0);
        let qx = ((3.001_985_051_386_644_5e-6 * rr + 2.524_483_403_496_841e-3) * rr
            + 2.272_655_482_081_550_3e-1)
            * rr
            + 2.0;
        let e = 1.0 + 2.0 * (px / (qx - px));
        let scale = f64::from_bits((k.wrapping_add(1023) as u64) << 52);
        let e = e * scale;
        if self.is_nan() { self } else { e }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The distance in units in the last place between `a` and `b` (same sign, finite).
    fn ulps32(a: f32, b: f32) -> u32 {
        a.to_bits().abs_diff(b.to_bits())
    }

    fn ulps64(a: f64, b: f64) -> u64 {
        a.to_bits().abs_diff(b.to_bits())
    }

    #[test]
    fn the_polynomial_exp_is_within_2_ulp_of_the_c_library() {
        let mut worst = (0, 0);
        for i in -870_000..=880_000 {
            let x = i as f32 * 1e-4;
            worst.0 = worst.0.max(ulps32(x.exp_polynomial(), x.exp()));
        }
        for i in -708_000..709_000 {
            let x = i as f64 * 1e-3 + 1e-7;
            worst.1 = worst.1.max(ulps64(x.exp_polynomial(), x.exp()));
        }
        assert!(worst.0 <= 2 && worst.1 <= 2, "worst: {worst:?} ulp");
        assert_eq!(0.0f32.exp_polynomial(), 1.0);
        assert_eq!(0.0f64.exp_polynomial(), 1.0);
        assert!(f64::NAN.exp_polynomial().is_nan() && f32::NAN.exp_polynomial().is_nan());
        // clamped, not 0 or infinity: a sigmoid of ±1000 is still 0 or 1 to the last bit
        assert!((1.0 / (1.0 + 1000f64.exp_polynomial())) < 1e-300);
        assert_eq!(1.0 / (1.0 + (-1000f64).exp_polynomial()), 1.0);
        assert_eq!(1.0 / (1.0 + (-1000f32).exp_polynomial()), 1.0);
    }
}
