//! Networks, from the book's tiny `simpleNet` up.

pub mod file;
pub mod nudge;
pub mod simple;
pub mod sparse;
pub mod two_layer;
