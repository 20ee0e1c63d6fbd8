//! Networks, from the book's tiny `simpleNet` up: each is an ordered list of the book's layers
//! made from its parameters ([`Network`], [`Layers`]).

pub mod file;
pub mod multi_layer;
mod network;
pub mod simple;
pub mod two_layer;

pub use network::{Layers, Network};
