//! Chapter 5's computational graph: a calculation drawn as nodes (`×`, `+`) joined by arrows,
//! computed forward from left to right, then differentiated backward from right to left by
//! the chain rule — backpropagation on plain numbers, before it runs on matrices
//! ([`layers`](crate::layers)).
//!
//! | book | here |
//! | --- | --- |
//! | `ch05/layer_naive.py`: `MulLayer`, `AddLayer` | [`MulLayer`], [`AddLayer`] |
//! | `ch05/buy_apple.py` (figure 5-16) | [`buy_apple`] |
//! | `ch05/buy_apple_orange.py` (figure 5-17) | [`buy_apple_orange`] |
//! | §5.5.1 the ReLU layer's graph | [`relu_graph`] |
//! | §5.5.2 the sigmoid's graph (figures 5-19, 5-20) | [`sigmoid_graph`] |
//! | §5.6.1 the Affine layer's graph, for one input and one unit | [`affine_graph`] |
//!
//! Each example returns a [`Receipt`]: the price, every quantity's gradient, and the [`Graph`]
//! with the forward value and the backward gradient on every arrow, which
//! `scratchnet_plot::plot_graph` draws as the book's figures do.

mod derivations;
mod layer_naive;
mod shopping;

pub use derivations::{affine_graph, relu_graph, sigmoid_graph};
pub use layer_naive::{AddLayer, MulLayer};
pub use shopping::{Receipt, buy_apple, buy_apple_orange};

use crate::text::{Lang, graph as words};

/// A computational graph as it was computed: its nodes, and its arrows with the number that
/// went forward along each and the gradient that came back.
#[derive(Clone, Debug, PartialEq)]
pub struct Graph {
    /// The nodes; an [`Edge`] names two of them by their place here.
    pub nodes: Vec<Node>,
    /// The arrows, from an input or a node to the node that uses it.
    pub edges: Vec<Edge>,
}

/// A node of a [`Graph`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Node {
    /// A quantity given to the calculation (an arrow starts at its name).
    Input(Quantity),
    /// An operation.
    Op(Op),
    /// The result (an arrow ends at its name).
    Output(Quantity),
}

/// An operation node's operation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Op {
    /// `x · y` ([`MulLayer`]).
    Mul,
    /// `x + y` ([`AddLayer`]).
    Add,
    /// `exp(x)`, whose derivative is itself.
    Exp,
    /// `1 / x`, the book's `/` node, whose derivative is `−1/x²`.
    Reciprocal,
    /// `max(0, x)`.
    Relu,
}

impl Op {
    /// The symbol drawn in the node: `×` or `+`.
    #[must_use]
    pub fn symbol(self) -> &'static str {
        match self {
            Op::Mul => "×",
            Op::Add => "+",
            Op::Exp => "exp",
            Op::Reciprocal => "/",
            Op::Relu => "relu",
        }
    }
}

/// An arrow of a [`Graph`]: from node `from` to node `to`, the value `forward` went forward
/// along it, and the gradient `backward` (`∂L/∂value`: ∂price/∂value, ∂y/∂value) came back.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Edge {
    /// Where the arrow starts: a place in [`Graph::nodes`].
    pub from: usize,
    /// Where it ends.
    pub to: usize,
    /// The value computed forward.
    pub forward: f64,
    /// The gradient computed backward.
    pub backward: f64,
}

impl Edge {
    /// An arrow from node `from` to node `to`.
    #[must_use]
    pub fn new(from: usize, to: usize, forward: f64, backward: f64) -> Edge {
        Edge {
            from,
            to,
            forward,
            backward,
        }
    }
}

/// A named quantity of the shopping examples.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Quantity {
    /// The price of one apple (`apple`).
    Apple,
    /// How many apples (`apple_num`).
    AppleNum,
    /// The price of one orange (`orange`).
    Orange,
    /// How many oranges (`orange_num`).
    OrangeNum,
    /// The tax, as a factor (`tax`: 1.1 is 10 %).
    Tax,
    /// The price paid (`price`).
    Price,
    /// A layer's input `x`.
    X,
    /// A weight `w`.
    W,
    /// A bias `b`.
    B,
    /// A layer's output `y`.
    Y,
    /// The constant −1.
    MinusOne,
    /// The constant 1.
    One,
}

impl Quantity {
    /// The book's variable name: `apple`, `apple_num`, ..., `price`.
    ///
    /// ```
    /// use scratchnet_book::graph::Quantity;
    /// assert_eq!(Quantity::OrangeNum.book_name(), "orange_num");
    /// ```
    #[must_use]
    pub fn book_name(self) -> &'static str {
        match self {
            Quantity::Apple => "apple",
            Quantity::AppleNum => "apple_num",
            Quantity::Orange => "orange",
            Quantity::OrangeNum => "orange_num",
            Quantity::Tax => "tax",
            Quantity::Price => "price",
            Quantity::X => "x",
            Quantity::W => "w",
            Quantity::B => "b",
            Quantity::Y => "y",
            Quantity::MinusOne => "-1",
            Quantity::One => "1",
        }
    }

    /// The name the book's script prints its gradient under: `dApple`, `dApple_num`, ...
    ///
    /// ```
    /// use scratchnet_book::graph::Quantity;
    /// assert_eq!(Quantity::AppleNum.gradient_name(), "dApple_num");
    /// ```
    #[must_use]
    pub fn gradient_name(self) -> String {
        let name = self.book_name();
        let mut letters = name.chars();
        let first = letters.next().map(|c| c.to_ascii_uppercase());
        format!(
            "d{}{}",
            first.into_iter().collect::<String>(),
            letters.as_str()
        )
    }

    /// The quantity in a learner's words, as the figures label it: "apple", "사과", ...
    ///
    /// ```
    /// use scratchnet_book::graph::Quantity;
    /// use scratchnet_book::text::Lang;
    /// assert_eq!(Quantity::Orange.name(Lang::Ko), "귤");
    /// ```
    #[must_use]
    pub fn name(self, lang: Lang) -> &'static str {
        match self {
            Quantity::Apple => words::APPLE.get(lang),
            Quantity::AppleNum => words::APPLE_NUM.get(lang),
            Quantity::Orange => words::ORANGE.get(lang),
            Quantity::OrangeNum => words::ORANGE_NUM.get(lang),
            Quantity::Tax => words::TAX.get(lang),
            Quantity::Price => words::PRICE.get(lang),
            // symbols, the same in every language
            Quantity::X => "x",
            Quantity::W => "w",
            Quantity::B => "b",
            Quantity::Y => "y",
            Quantity::MinusOne => "−1",
            Quantity::One => "1",
        }
    }
}
