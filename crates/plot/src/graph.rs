//! Chapter 5's computational graphs (figures 5-16 and 5-17): the nodes, the forward values
//! above the arrows and the backward gradients below.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::look;
use super::{Draw, DrawResult, Figure, titled};
use scratchnet_book::Error;
use scratchnet_book::graph::{Graph, Node};
use scratchnet_book::text::graph as words;

/// Pixels between two columns of nodes and two rows.
const COLUMN: f64 = 290.0;
const ROW: f64 = 150.0;
/// How far from its place a name ends (an input's) or starts (the result's).
const NAME: f64 = 50.0;
/// A node's radius.
const RADIUS: f64 = 26.0;
/// The colour of the backward gradients, red as in the book's figures.
const BACKWARD: RGBColor = RGBColor(200, 30, 30);

/// A computational graph as the book draws it: each operation a circle (`×`, `+`), each
/// input a name an arrow starts from, the result a name an arrow ends at; the value that went
/// forward along each arrow above it, and the gradient that came back below it, in red.
///
/// Operations stand in columns by how many steps they are from the inputs; an input that joins
/// a running calculation (the tax) comes in from below.
///
/// # Errors
/// [`Error::Config`] if an arrow names a node the graph does not have, or does not go from
/// left to right (a graph with a cycle).
///
/// ```
/// use scratchnet_book::graph::buy_apple;
/// use scratchnet_plot::plot_graph;
/// let figure = plot_graph(&buy_apple(100.0, 2.0, 1.1).graph, "figure 5-16")?;
/// let svg = figure.svg()?;
/// assert!(svg.contains("220.00000000000003") && svg.contains("110.00000000000001"));
/// # Ok::<(), scratchnet_book::Error>(())
/// ```
pub fn plot_graph(graph: &Graph, title: &str) -> Result<Figure, Error> {
    let places = layout(graph)?;
    Ok(Figure::new(GraphFigure {
        graph: graph.clone(),
        places,
        title: title.to_string(),
    }))
}

/// Each node's column and row.
// About 55 lines: columns by depth, then rows (inputs in turn, operations between their
// sources, an input joining a running calculation just below its node).
fn layout(graph: &Graph) -> Result<Vec<(f64, f64)>, Error> {
    let n = graph.nodes.len();
    let bad = |problem: String| Error::Config {
        what: "a computational graph",
        problem,
    };
    for e in &graph.edges {
        if e.from >= n || e.to >= n {
            return Err(bad(format!(
                "an arrow goes from node {} to node {}, but there are {n} nodes",
                e.from, e.to
            )));
        }
        if e.from >= e.to {
            return Err(bad(format!(
                "an arrow goes from node {} back to node {}: list the nodes so that every \
                 arrow goes to a later one",
                e.from, e.to
            )));
        }
    }
    let sources = |node: usize| {
        graph
            .edges
            .iter()
            .filter(move |e| e.to == node)
            .map(|e| e.from)
    };
    let is_input = |node: usize| matches!(graph.nodes[node], Node::Input(_));
    let consumer = |node: usize| graph.edges.iter().find(|e| e.from == node).map(|e| e.to);
    // an input is a side input when its node also takes a computed value
    let side = |node: usize| {
        is_input(node) && consumer(node).is_some_and(|c| sources(c).any(|s| !is_input(s)))
    };
    let mut column = vec![0.0f64; n];
    let mut row = vec![f64::NAN; n];
    let mut next_row = 0.0;
    for node in 0..n {
        if is_input(node) {
            if !side(node) {
                row[node] = next_row;
                next_row += 1.0;
            }
            continue;
        }
        let all: Vec<usize> = sources(node).collect();
        column[node] = 1.0 + all.iter().map(|&s| column[s]).fold(0.0, f64::max);
        let main: Vec<f64> = all.iter().filter(|&&s| !side(s)).map(|&s| row[s]).collect();
        row[node] = if main.is_empty() {
            next_row
        } else {
            main.iter().sum::<f64>() / main.len() as f64
        };
        for s in all.into_iter().filter(|&s| side(s)) {
            row[s] = row[node] + 1.0;
        }
        // an input stands one column before the node that takes it
        for s in sources(node).filter(|&s| is_input(s)) {
            column[s] = column[node] - 1.0;
        }
    }
    Ok(column
        .into_iter()
        .zip(row.into_iter().map(|r| if r.is_nan() { 0.0 } else { r }))
        .collect())
}

struct GraphFigure {
    graph: Graph,
    places: Vec<(f64, f64)>,
    title: String,
}

impl GraphFigure {
    /// A node's centre in pixels.
    fn at(&self, node: usize) -> (f64, f64) {
        let (c, r) = self.places[node];
        (150.0 + c * COLUMN, 150.0 + r * ROW)
    }

    /// Where an arrow between `here` (this node's centre) and `there` touches this node: the
    /// edge of an operation's circle, the end of a name.
    fn end_at(&self, node: usize, here: (f64, f64), there: (f64, f64)) -> (f64, f64) {
        match self.graph.nodes[node] {
            Node::Op(_) => {
                let (dx, dy) = (there.0 - here.0, there.1 - here.1);
                let len = dx.hypot(dy);
                (here.0 + RADIUS * dx / len, here.1 + RADIUS * dy / len)
            }
            Node::Input(_) => (here.0 + NAME + 8.0, here.1),
            Node::Output(_) => (here.0 - NAME - 8.0, here.1),
        }
    }

    /// What a node shows: an operation's symbol, a quantity's name.
    fn label(&self, node: usize) -> String {
        match self.graph.nodes[node] {
            Node::Op(op) => op.symbol().to_string(),
            Node::Input(q) | Node::Output(q) => q.name(look::lang()).to_string(),
        }
    }
}

impl Draw for GraphFigure {
    fn size(&self) -> (u32, u32) {
        let columns = self.places.iter().map(|p| p.0).fold(0.0, f64::max);
        let rows = self.places.iter().map(|p| p.1).fold(0.0, f64::max);
        (
            (320.0 + columns * COLUMN).max(760.0) as u32,
            (230.0 + rows * ROW) as u32,
        )
    }

    // About 60 lines: the nodes, then each arrow with its two numbers, then the legend.
    fn draw<DB: DrawingBackend>(&self, root: &DrawingArea<DB, Shift>) -> DrawResult
    where
        DB::ErrorType: 'static,
    {
        let area = titled(root, &self.title)?;
        let font = (look::family(), 17).into_font();
        let px = |(x, y): (f64, f64)| (x.round() as i32, y.round() as i32 - 40);
        for node in 0..self.graph.nodes.len() {
            let (x, y) = self.at(node);
            let (size, anchor, x) = match self.graph.nodes[node] {
                Node::Op(_) => {
                    area.draw(&Circle::new(
                        px((x, y)),
                        RADIUS as i32,
                        BLACK.stroke_width(2),
                    ))?;
                    (26, HPos::Center, x)
                }
                // a name ends where its arrow starts, and starts where its arrow ends
                Node::Input(_) => (17, HPos::Right, x + NAME),
                Node::Output(_) => (17, HPos::Left, x - NAME),
            };
            area.draw(&Text::new(
                self.label(node),
                px((x, y)),
                TextStyle::from((look::family(), size).into_font())
                    .pos(Pos::new(anchor, VPos::Center)),
            ))?;
        }
        for edge in &self.graph.edges {
            let (a, b) = (self.at(edge.from), self.at(edge.to));
            let (start, end) = (self.end_at(edge.from, a, b), self.end_at(edge.to, b, a));
            let (dx, dy) = (end.0 - start.0, end.1 - start.1);
            let len = dx.hypot(dy);
            let (ux, uy) = (dx / len, dy / len);
            area.draw(&PathElement::new(
                vec![px(start), px(end)],
                BLACK.stroke_width(2),
            ))?;
            let back = |along: f64, across: f64| {
                px((
                    end.0 - along * ux - across * uy,
                    end.1 - along * uy + across * ux,
                ))
            };
            area.draw(&Polygon::new(
                vec![px(end), back(12.0, 5.0), back(12.0, -5.0)],
                BLACK.filled(),
            ))?;
            // the numbers go where arrows are far apart: an input's near its name
            let along = if matches!(self.graph.nodes[edge.from], Node::Input(_)) {
                0.35
            } else {
                0.5
            };
            let at = (
                start.0 + along * (end.0 - start.0),
                start.1 + along * (end.1 - start.1),
            );
            for (value, colour, side) in
                [(edge.forward, BLACK, -1.0), (edge.backward, BACKWARD, 1.0)]
            {
                let text = format!("{value}");
                let style = TextStyle::from(font.clone()).color(&colour);
                let (w, _) = area.estimate_text_size(&text, &style).unwrap_or((80, 0));
                // clear the arrow at both ends of the text, however steep the arrow is
                let lift = 6.0 + (uy / ux).abs() * f64::from(w) / 2.0;
                let v = if side < 0.0 { VPos::Bottom } else { VPos::Top };
                area.draw(&Text::new(
                    text,
                    px((at.0, at.1 + side * lift)),
                    style.pos(Pos::new(HPos::Center, v)),
                ))?;
            }
        }
        let (_, height) = area.dim_in_pixel();
        let y = height as i32 - 24;
        area.draw(&Text::new(
            look::say(&words::FORWARD, &[]),
            (24, y),
            font.clone(),
        ))?;
        // the gradients are of the graph's result: the price, a layer's y
        let output = self.graph.nodes.iter().find_map(|node| match node {
            Node::Output(q) => Some(q.name(look::lang())),
            _ => None,
        });
        area.draw(&Text::new(
            look::say(&words::BACKWARD, &[("output", &output.unwrap_or("L"))]),
            (320, y),
            font.clone().color(&BACKWARD),
        ))?;
        Ok(())
    }
}
