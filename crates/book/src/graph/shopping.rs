//! The book's shopping examples (`ch05/buy_apple.py`, `ch05/buy_apple_orange.py`): the price
//! of apples (and oranges) with tax, forward through [`MulLayer`] and [`AddLayer`] nodes, then
//! back to how much the price changes with each quantity.

use super::{AddLayer, Edge, Graph, MulLayer, Node, Op, Quantity};

/// What a shopping example computes: the price, each quantity's gradient `∂price/∂quantity`
/// (in the order the book prints them), and the graph that carries them, to draw.
#[derive(Clone, Debug, PartialEq)]
pub struct Receipt {
    /// The price paid, tax included: the graph's output.
    pub price: f64,
    /// `∂price/∂q` for each input quantity `q`, in the order the book prints them (`dApple`,
    /// `dApple_num`, ..., `dTax`).
    pub gradients: Vec<(Quantity, f64)>,
    /// The computational graph, every arrow with its forward value and its backward gradient.
    pub graph: Graph,
}

/// The book's `buy_apple.py`: `apple_num` apples at `apple` each, times `tax`; then
/// backpropagation from `dprice = 1` (figure 5-16).
///
/// ```
/// use scratchnet_book::graph::{buy_apple, Quantity};
/// let receipt = buy_apple(100.0, 2.0, 1.1);
/// // 200 × 1.1 is not exactly 220 in binary: the book prints int(price)
/// assert_eq!(receipt.price, 220.00000000000003);
/// assert_eq!(
///     receipt.gradients,
///     [
///         (Quantity::Apple, 2.2),
///         (Quantity::AppleNum, 110.00000000000001),
///         (Quantity::Tax, 200.0),
///     ]
/// );
/// ```
#[must_use]
pub fn buy_apple(apple: f64, apple_num: f64, tax: f64) -> Receipt {
    let mut mul_apple_layer = MulLayer::default();
    let mut mul_tax_layer = MulLayer::default();

    // forward
    let apple_price = mul_apple_layer.forward(apple, apple_num);
    let price = mul_tax_layer.forward(apple_price, tax);

    // backward
    let dprice = 1.0;
    let (dapple_price, dtax) = mul_tax_layer.backward(dprice);
    let (dapple, dapple_num) = mul_apple_layer.backward(dapple_price);

    let nodes = vec![
        Node::Input(Quantity::Apple),
        Node::Input(Quantity::AppleNum),
        Node::Op(Op::Mul),
        Node::Input(Quantity::Tax),
        Node::Op(Op::Mul),
        Node::Output(Quantity::Price),
    ];
    let edges = vec![
        Edge::new(0, 2, apple, dapple),
        Edge::new(1, 2, apple_num, dapple_num),
        Edge::new(2, 4, apple_price, dapple_price),
        Edge::new(3, 4, tax, dtax),
        Edge::new(4, 5, price, dprice),
    ];
    Receipt {
        price,
        gradients: vec![
            (Quantity::Apple, dapple),
            (Quantity::AppleNum, dapple_num),
            (Quantity::Tax, dtax),
        ],
        graph: Graph { nodes, edges },
    }
}

/// The book's `buy_apple_orange.py`: apples and oranges, their prices added, times `tax`;
/// then backpropagation from `dprice = 1` (figure 5-17). The steps are numbered as the book's.
///
/// ```
/// use scratchnet_book::graph::{buy_apple_orange, Quantity};
/// let receipt = buy_apple_orange(100.0, 2.0, 150.0, 3.0, 1.1);
/// assert_eq!(receipt.price, 715.0000000000001);
/// let d_orange = receipt.gradients[2];
/// assert_eq!(d_orange, (Quantity::Orange, 3.3000000000000003)); // 1.1 × 3 in binary
/// ```
#[must_use]
pub fn buy_apple_orange(
    apple: f64,
    apple_num: f64,
    orange: f64,
    orange_num: f64,
    tax: f64,
) -> Receipt {
    let mut mul_apple_layer = MulLayer::default();
    let mut mul_orange_layer = MulLayer::default();
    let mut add_apple_orange_layer = AddLayer;
    let mut mul_tax_layer = MulLayer::default();

    // forward
    let apple_price = mul_apple_layer.forward(apple, apple_num); // (1)
    let orange_price = mul_orange_layer.forward(orange, orange_num); // (2)
    let all_price = add_apple_orange_layer.forward(apple_price, orange_price); // (3)
    let price = mul_tax_layer.forward(all_price, tax); // (4)

    // backward, in the reverse order
    let dprice = 1.0;
    let (dall_price, dtax) = mul_tax_layer.backward(dprice); // (4)
    let (dapple_price, dorange_price) = add_apple_orange_layer.backward(dall_price); // (3)
    let (dorange, dorange_num) = mul_orange_layer.backward(dorange_price); // (2)
    let (dapple, dapple_num) = mul_apple_layer.backward(dapple_price); // (1)

    let nodes = vec![
        Node::Input(Quantity::Apple),
        Node::Input(Quantity::AppleNum),
        Node::Op(Op::Mul),
        Node::Input(Quantity::Orange),
        Node::Input(Quantity::OrangeNum),
        Node::Op(Op::Mul),
        Node::Op(Op::Add),
        Node::Input(Quantity::Tax),
        Node::Op(Op::Mul),
        Node::Output(Quantity::Price),
    ];
    let edges = vec![
        Edge::new(0, 2, apple, dapple),
        Edge::new(1, 2, apple_num, dapple_num),
        Edge::new(3, 5, orange, dorange),
        Edge::new(4, 5, orange_num, dorange_num),
        Edge::new(2, 6, apple_price, dapple_price),
        Edge::new(5, 6, orange_price, dorange_price),
        Edge::new(6, 8, all_price, dall_price),
        Edge::new(7, 8, tax, dtax),
        Edge::new(8, 9, price, dprice),
    ];
    Receipt {
        price,
        gradients: vec![
            (Quantity::Apple, dapple),
            (Quantity::AppleNum, dapple_num),
            (Quantity::Orange, dorange),
            (Quantity::OrangeNum, dorange_num),
            (Quantity::Tax, dtax),
        ],
        graph: Graph { nodes, edges },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The book's printed numbers, and the floats under them, from running `buy_apple.py` and
    /// `buy_apple_orange.py` with `repr` in place of `int` (Python 3, IEEE doubles): bit for bit.
    #[test]
    fn the_book_s_numbers_bit_for_bit() {
        let r = buy_apple(100.0, 2.0, 1.1);
        assert_eq!(r.price.to_bits(), 220.00000000000003f64.to_bits());
        assert_eq!(r.price as i64, 220); // the book's int(price)
        let r = buy_apple_orange(100.0, 2.0, 150.0, 3.0, 1.1);
        assert_eq!(r.price.to_bits(), 715.0000000000001f64.to_bits());
        let values: Vec<f64> = r.gradients.iter().map(|&(_, d)| d).collect();
        assert_eq!(
            values,
            [2.2, 110.00000000000001, 3.3000000000000003, 165.0, 650.0]
        );
    }

    /// Every gradient against a central difference of the price (a closed form: the price is
    /// linear in each quantity, so the difference is exact up to rounding).
    #[test]
    fn every_gradient_is_the_price_s_slope() {
        let price = |q: [f64; 5]| buy_apple_orange(q[0], q[1], q[2], q[3], q[4]).price;
        let at = [100.0, 2.0, 150.0, 3.0, 1.1];
        let r = buy_apple_orange(at[0], at[1], at[2], at[3], at[4]);
        for (k, &(_, d)) in r.gradients.iter().enumerate() {
            let h = 1e-3;
            let (mut up, mut down) = (at, at);
            up[k] += h;
            down[k] -= h;
            let slope = (price(up) - price(down)) / (2.0 * h);
            assert!(
                (slope - d).abs() < 1e-6 * d.abs().max(1.0),
                "{k}: {slope} vs {d}"
            );
        }
    }

    /// Each arrow's gradient is the price's slope along it: the edge into the output carries
    /// dprice = 1, and each node's outgoing gradient times its local derivative is the incoming.
    #[test]
    fn the_graph_carries_the_same_numbers() {
        let r = buy_apple(100.0, 2.0, 1.1);
        let last = r.graph.edges.last().expect("an output edge");
        assert_eq!((last.forward, last.backward), (r.price, 1.0));
        for &(q, d) in &r.gradients {
            let edge = r
                .graph
                .edges
                .iter()
                .find(|e| r.graph.nodes[e.from] == Node::Input(q))
                .expect("each input has an arrow");
            assert_eq!(edge.backward, d);
        }
    }
}
