//! Networks, from the book's tiny `simpleNet` up.

pub mod file;
pub mod simple;
pub mod two_layer;
