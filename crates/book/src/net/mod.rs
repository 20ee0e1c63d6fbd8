//! Networks, from the book's tiny `simpleNet` up. `TwoLayerNet` and `MultiLayerNet` are
//! ordered lists of the book's layers made from their parameters ([`Network`], [`Layers`]).

pub mod file;
pub mod multi_layer;
mod network;
mod progress;
pub mod simple;
pub mod two_layer;

pub use file::SavedNetwork;
pub use network::{Layers, Network};
pub use progress::GradientProgress;
