//! The layers of chapter 5 derived on the graph (§5.5 and §5.6): each one's forward pass drawn
//! as nodes, and its derivative found by passing the gradient back through them, node by node —
//! what the `Relu`, `Sigmoid` and `Affine` layers then compute in one step.

use super::{Edge, Graph, Node, Op, Quantity};

/// The ReLU of `x` as a graph (§5.5.1): one node, which passes the gradient back where `x > 0`
/// and stops it elsewhere; `dout` = 1.
///
/// ```
/// use scratchnet_book::graph::relu_graph;
/// assert_eq!((relu_graph(2.0).edges[0].backward, relu_graph(-2.0).edges[0].backward), (1.0, 0.0));
/// ```
#[must_use]
pub fn relu_graph(x: f64) -> Graph {
    let y = x.max(0.0);
    let dx = if x > 0.0 { 1.0 } else { 0.0 };
    Graph {
        nodes: vec![
            Node::Input(Quantity::X),
            Node::Op(Op::Relu),
            Node::Output(Quantity::Y),
        ],
        edges: vec![Edge::new(0, 1, x, dx), Edge::new(1, 2, y, 1.0)],
    }
}

/// The sigmoid `y = 1 / (1 + exp(−x))` as the book's figures 5-19 and 5-20 draw it: `x` times
/// −1, `exp`, plus 1, then `/` (the reciprocal), and the gradient from `dout` = 1 passed back
/// through each: `/` multiplies by `−1/c²`, `+` passes it, `exp` multiplies by `exp(−x)`, `×`
/// by −1. What arrives at `x` is `y(1 − y)`, the one step the `Sigmoid` layer takes.
///
/// ```
/// use scratchnet_book::graph::sigmoid_graph;
/// let graph = sigmoid_graph(0.5);
/// let y = 1.0 / (1.0 + (-0.5f64).exp());
/// let dx = graph.edges[0].backward;
/// assert!((dx - y * (1.0 - y)).abs() < 1e-16);
/// ```
#[must_use]
pub fn sigmoid_graph(x: f64) -> Graph {
    // forward, node by node
    // the × node with −1 (multiplying by −1 is negating, exactly)
    let a = -x;
    let b = a.exp();
    let c = b + 1.0;
    let y = 1.0 / c;
    // backward from dout = 1
    let dy = 1.0;
    let dc = dy * (-1.0 / (c * c));
    let (db, d_one) = (dc, dc);
    let da = db * b;
    let (dx, d_minus_one) = (-da, da * x);
    Graph {
        nodes: vec![
            Node::Input(Quantity::X),
            Node::Input(Quantity::MinusOne),
            Node::Op(Op::Mul),
            Node::Op(Op::Exp),
            Node::Input(Quantity::One),
            Node::Op(Op::Add),
            Node::Op(Op::Reciprocal),
            Node::Output(Quantity::Y),
        ],
        edges: vec![
            Edge::new(0, 2, x, dx),
            Edge::new(1, 2, -1.0, d_minus_one),
            Edge::new(2, 3, a, da),
            Edge::new(3, 5, b, db),
            Edge::new(4, 5, 1.0, d_one),
            Edge::new(5, 6, c, dc),
            Edge::new(6, 7, y, dy),
        ],
    }
}

/// An `Affine` layer of one input and one unit, `y = x · w + b`, as a graph (§5.6.1 draws it for
/// matrices, `X · W + B`): the `×` node sends back `dout · w` to `x` and `dout · x` to `w`
/// (for matrices, `dout · Wᵀ` and `Xᵀ · dout`), the `+` node `dout` to both; `dout` = 1.
///
/// ```
/// use scratchnet_book::graph::affine_graph;
/// let graph = affine_graph(2.0, 3.0, 0.5);
/// let back: Vec<f64> = graph.edges.iter().map(|e| e.backward).collect();
/// assert_eq!(back, [3.0, 2.0, 1.0, 1.0, 1.0]); // dx = w, dw = x, then db and dout
/// ```
#[must_use]
pub fn affine_graph(x: f64, w: f64, b: f64) -> Graph {
    let xw = x * w;
    let y = xw + b;
    let dy = 1.0;
    let (dxw, db) = (dy, dy);
    let (dx, dw) = (dxw * w, dxw * x);
    Graph {
        nodes: vec![
            Node::Input(Quantity::X),
            Node::Input(Quantity::W),
            Node::Op(Op::Mul),
            Node::Input(Quantity::B),
            Node::Op(Op::Add),
            Node::Output(Quantity::Y),
        ],
        edges: vec![
            Edge::new(0, 2, x, dx),
            Edge::new(1, 2, w, dw),
            Edge::new(2, 4, xw, dxw),
            Edge::new(3, 4, b, db),
            Edge::new(4, 5, y, dy),
        ],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The gradient the sigmoid's graph passes back to `x` is the closed form `y(1 − y)` (to
    /// 1e-14 relative), and the central difference of `1 / (1 + exp(−x))` (h = 1e-5: to 1e-10,
    /// its rounding), at points on both sides of 0 and far out.
    #[test]
    fn the_sigmoid_s_graph_gives_its_derivative() {
        for x in [-8.0, -1.0, -0.1, 0.0, 0.5, 3.0, 12.0] {
            let graph = sigmoid_graph(x);
            let y = 1.0 / (1.0 + (-x).exp());
            let last = graph.edges.last().unwrap();
            assert_eq!(last.forward, y);
            let dx = graph.edges[0].backward;
            approx::assert_relative_eq!(dx, y * (1.0 - y), max_relative = 1e-14);
            let h = 1e-5;
            let sigmoid = |x: f64| 1.0 / (1.0 + (-x).exp());
            let numerical = (sigmoid(x + h) - sigmoid(x - h)) / (2.0 * h);
            approx::assert_abs_diff_eq!(dx, numerical, epsilon = 1e-10);
        }
    }

    /// ReLU's and the one-unit Affine's graphs pass back what their layers do.
    #[test]
    fn relu_and_affine_graphs_give_their_layers_gradients() {
        assert_eq!(
            relu_graph(0.0).edges[0].backward,
            0.0,
            "the book's: x ≤ 0 stops it"
        );
        assert_eq!(relu_graph(1e-300).edges[0].backward, 1.0);
        let graph = affine_graph(-1.5, 0.25, 2.0);
        assert_eq!(graph.edges[4].forward, -1.5 * 0.25 + 2.0);
        assert_eq!(
            (graph.edges[0].backward, graph.edges[1].backward),
            (0.25, -1.5)
        );
    }
}
