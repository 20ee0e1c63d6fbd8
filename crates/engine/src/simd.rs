//! The one module with `unsafe` code: running a kernel compiled for the vector instructions the
//! processor has. Everything else in scratchnet is safe Rust (`unsafe_code` is denied for the
//! whole crate and allowed only here).
//!
//! The kernels themselves ([`net`](super::net)) are ordinary safe loops; this module compiles
//! a call of them a second and third time with AVX2 or AVX-512 enabled, and picks one when the
//! program runs. The tests in `net` check that each kernel gives the same bits through
//! [`vectorized`] as compiled plainly.

/// Runs `f` compiled for the widest vector instructions this processor has (AVX-512 or AVX2, with
/// FMA, on x86-64), so that the loops over hidden units in the kernels above work on 8 or 16
/// numbers at a time. Element-wise loops give the same numbers at any width: only the speed
/// changes. (Elsewhere `f` runs as compiled; on an x86-64 without FMA, from before 2013, each
/// fused multiply-add is then a call into the C library: slow, but the same numbers.)
#[inline(always)]
pub(crate) fn vectorized<R>(f: impl FnOnce() -> R) -> R {
    #[cfg(target_arch = "x86_64")]
    {
        if std::arch::is_x86_feature_detected!("avx512f")
            && std::arch::is_x86_feature_detected!("fma")
        {
            // SAFETY: the processor has AVX-512F and FMA, checked just above.
            return unsafe { with_avx512(f) };
        }
        if std::arch::is_x86_feature_detected!("avx2") && std::arch::is_x86_feature_detected!("fma")
        {
            // SAFETY: the processor has AVX2 and FMA, checked just above.
            return unsafe { with_avx2(f) };
        }
    }
    f()
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx512f,fma")]
unsafe fn with_avx512<R>(f: impl FnOnce() -> R) -> R {
    f()
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2,fma")]
unsafe fn with_avx2<R>(f: impl FnOnce() -> R) -> R {
    f()
}
