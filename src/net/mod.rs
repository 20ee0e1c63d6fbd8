//! Networks, from the book's tiny `simpleNet` up.

pub mod simple;
