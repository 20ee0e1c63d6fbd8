//! The book's numbers for chapter 7 (`tests/reference/ch07.py`, its output committed beside
//! it), read by the tests.

use std::sync::OnceLock;

use ndarray::{Array, Array1, Array2, Array4, ArrayD, Dimension, Ix1, Ix2, Ix4};
use serde_json::Value;

/// `tests/reference/ch07.json`, parsed once.
pub(crate) fn reference() -> &'static Value {
    static PARSED: OnceLock<Value> = OnceLock::new();
    PARSED.get_or_init(|| {
        serde_json::from_str(include_str!("../../../tests/reference/ch07.json"))
            .expect("valid JSON")
    })
}

/// One object of the reference: its numbers and its arrays (`{"shape": [...], "data": [...]}`).
#[derive(Clone, Copy, Debug)]
pub(crate) struct Case<'a>(pub(crate) &'a Value);

impl Case<'_> {
    pub(crate) fn usize(&self, key: &str) -> usize {
        self.0[key]
            .as_u64()
            .unwrap_or_else(|| panic!("{key}: a number")) as usize
    }

    pub(crate) fn f64(&self, key: &str) -> f64 {
        self.0[key]
            .as_f64()
            .unwrap_or_else(|| panic!("{key}: a number"))
    }

    pub(crate) fn array<D: Dimension>(&self, key: &str) -> Array<f64, D> {
        let value = &self.0[key];
        let shape: Vec<usize> = serde_json::from_value(value["shape"].clone())
            .unwrap_or_else(|_| panic!("{key}: a shape"));
        let data: Vec<f64> = serde_json::from_value(value["data"].clone())
            .unwrap_or_else(|_| panic!("{key}: the values"));
        ArrayD::from_shape_vec(shape, data)
            .expect("as many values as the shape says")
            .into_dimensionality()
            .unwrap_or_else(|_| panic!("{key}: {} axes", D::NDIM.unwrap_or(0)))
    }

    pub(crate) fn array1(&self, key: &str) -> Array1<f64> {
        self.array::<Ix1>(key)
    }

    pub(crate) fn array2(&self, key: &str) -> Array2<f64> {
        self.array::<Ix2>(key)
    }

    pub(crate) fn array4(&self, key: &str) -> Array4<f64> {
        self.array::<Ix4>(key)
    }
}
