//! Networks, from the book's tiny `simpleNet` up. `TwoLayerNet`, `MultiLayerNet`,
//! `MultiLayerNetExtend` and chapter 7's `SimpleConvNet` are ordered lists of the book's layers
//! made from their parameters ([`Network`], [`Layers`]).

pub mod file;
pub mod multi_layer;
pub mod multi_layer_extend;
mod network;
mod progress;
pub mod simple;
pub mod simple_conv;
pub mod two_layer;

pub use file::SavedNetwork;
pub use network::{Layers, Network};
pub use progress::GradientProgress;
