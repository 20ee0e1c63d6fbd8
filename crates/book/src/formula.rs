//! A function of `x0` and `x1` that a learner types, such as `x0**2 + x1**2` or
//! `x[0]**2 + 3*np.sin(x[1])`, read safely: a small parser for arithmetic and a few functions,
//! nothing else, with limits on length and nesting.
//!
//! What it accepts: numbers (`3`, `0.5`, `1e-3`); the variables `x0`, `x1` (also written `x[0]`,
//! `x[1]`, as in the book's Python, or `x`, `y`); `+ - * /`; powers `^` or `**` (right to left,
//! and binding tighter than a leading minus: `-x0**2` is `-(x0²)`, as in Python); parentheses;
//! and `sin cos tan tanh exp log ln sqrt abs`, each with an optional `np.` in front.
//!
//! The gradient comes two ways, as for the built-in [`Landscape`](crate::Landscape)s: by
//! central difference, or exactly, by differentiating the parsed formula term by term (forward
//! mode: each operation carries its value and its derivative, the chain rule at every step).
//!
//! One idea in one file: the grammar, its reader and its exact derivative (forward mode) are read
//! together, as micrograd reads an operation with its derivative.

use ndarray::{Array1, ArrayView1};

use crate::Error;

/// The longest formula accepted, in characters.
pub const MAX_LEN: usize = 200;
/// The deepest nesting of parentheses and operators accepted.
pub const MAX_DEPTH: usize = 40;

/// A parsed formula in `x0` and `x1`.
///
/// ```
/// use scratchnet_book::formula::Formula;
/// use scratchnet_book::ndarray::array;
/// let f = Formula::parse("x[0]**2 + x[1]**2")?; // the book's function_2
/// assert_eq!(f.eval(array![3.0, 4.0].view()), 25.0);
/// assert_eq!(f.gradient(array![3.0, 4.0].view()), array![6.0, 8.0]);
/// assert!(Formula::parse("x0 +* 2").is_err());
/// # Ok::<(), scratchnet_book::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct Formula {
    text: String,
    expr: Expr,
}

#[derive(Clone, Debug, PartialEq)]
enum Expr {
    Number(f64),
    Var(usize),
    Neg(Box<Expr>),
    Binary(Op, Box<Expr>, Box<Expr>),
    Call(Func, Box<Expr>),
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Op {
    Add,
    Sub,
    Mul,
    Div,
    Pow,
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Func {
    Sin,
    Cos,
    Tan,
    Tanh,
    Exp,
    Ln,
    Sqrt,
    Abs,
}

const FUNCTIONS: [(&str, Func); 9] = [
    ("sin", Func::Sin),
    ("cos", Func::Cos),
    ("tan", Func::Tan),
    ("tanh", Func::Tanh),
    ("exp", Func::Exp),
    ("log", Func::Ln),
    ("ln", Func::Ln),
    ("sqrt", Func::Sqrt),
    ("abs", Func::Abs),
];

impl Formula {
    /// Reads `text`.
    ///
    /// # Errors
    /// [`Error::Config`] saying what is wrong and where: an unknown name, a missing operand or
    /// parenthesis, a formula over [`MAX_LEN`] characters or [`MAX_DEPTH`] levels deep.
    pub fn parse(text: &str) -> Result<Formula, Error> {
        let bad = |problem: String| Error::Config {
            what: "formula",
            problem,
        };
        if text.chars().count() > MAX_LEN {
            return Err(bad(format!(
                "is {} characters long: at most {MAX_LEN}",
                text.chars().count()
            )));
        }
        let mut parser = Parser {
            chars: text.chars().collect(),
            at: 0,
            depth: 0,
        };
        let expr = parser.sum().map_err(&bad)?;
        parser.skip_spaces();
        if let Some(c) = parser.peek() {
            return Err(bad(format!(
                "{c:?} at character {} is not expected there (write it like x0**2 + 3*x1**2)",
                parser.at + 1
            )));
        }
        Ok(Formula {
            text: text.trim().to_string(),
            expr,
        })
    }

    /// The text it was read from, trimmed.
    #[must_use]
    pub fn text(&self) -> &str {
        &self.text
    }

    /// `f(x)` at `x = (x0, x1)`.
    ///
    /// # Panics
    /// If `x` does not have 2 coordinates.
    #[track_caller]
    #[must_use]
    pub fn eval(&self, x: ArrayView1<f64>) -> f64 {
        assert_eq!(x.len(), 2, "a formula takes 2 coordinates, x0 and x1");
        value(&self.expr, x)
    }

    /// The exact gradient `∇f(x)`, each partial derivative carried through the formula by the
    /// chain rule (forward mode).
    ///
    /// # Panics
    /// If `x` does not have 2 coordinates.
    #[track_caller]
    #[must_use]
    pub fn gradient(&self, x: ArrayView1<f64>) -> Array1<f64> {
        assert_eq!(x.len(), 2, "a formula takes 2 coordinates, x0 and x1");
        Array1::from_iter((0..2).map(|wrt| dual(&self.expr, x, wrt).1))
    }
}

/// Descending a typed formula, as a [`Landscape`](crate::Landscape) is descended.
impl Formula {
    /// `steps` steps of `optimizer` from `init`, each taking the gradient by `gradient`
    /// (numerical with a step `h`, or exact): as
    /// [`Landscape::descend_using`](crate::Landscape::descend_using), with no known minimum.
    ///
    /// # Errors
    /// [`Error::Dimension`]-like [`Error::Config`] unless `init` has 2 coordinates; the errors
    /// of [`Landscape::descend_using`](crate::Landscape::descend_using).
    ///
    /// ```
    /// use scratchnet_book::descent::Gradient;
    /// use scratchnet_book::formula::Formula;
    /// use scratchnet_book::OptimizerConfig;
    /// let f = Formula::parse("x0**2 + x1**2")?;
    /// let run = f.descend_using(&[-3.0, 4.0], OptimizerConfig::sgd(0.1), 100, Gradient::BOOK)?;
    /// // the book's function_2 from (−3, 4): the same path as the built-in sphere, bit for bit
    /// let sphere = scratchnet_book::Landscape::Sphere.descend(&[-3.0, 4.0], 0.1, 100)?;
    /// assert_eq!(run.history, sphere.history);
    /// # Ok::<(), scratchnet_book::Error>(())
    /// ```
    pub fn descend_using(
        &self,
        init: &[f64],
        optimizer: crate::OptimizerConfig,
        steps: usize,
        gradient: crate::descent::Gradient,
    ) -> Result<crate::Descent, Error> {
        if init.len() != 2 {
            return Err(Error::Config {
                what: "the starting point",
                problem: format!(
                    "has {} coordinates: a formula in x0 and x1 takes 2",
                    init.len()
                ),
            });
        }
        crate::descent::descend_with_gradient(
            |x| self.eval(x),
            |x| self.gradient(x),
            init,
            optimizer,
            steps,
            gradient,
            None,
        )
    }
}

/// The value of `e` at `x`.
fn value(e: &Expr, x: ArrayView1<f64>) -> f64 {
    match e {
        Expr::Number(v) => *v,
        Expr::Var(i) => x[*i],
        Expr::Neg(a) => -value(a, x),
        Expr::Binary(op, a, b) => {
            let (a, b) = (value(a, x), value(b, x));
            match op {
                Op::Add => a + b,
                Op::Sub => a - b,
                Op::Mul => a * b,
                Op::Div => a / b,
                Op::Pow => power(a, b),
            }
        }
        Expr::Call(f, a) => {
            let a = value(a, x);
            match f {
                Func::Sin => a.sin(),
                Func::Cos => a.cos(),
                Func::Tan => a.tan(),
                Func::Tanh => a.tanh(),
                Func::Exp => a.exp(),
                Func::Ln => a.ln(),
                Func::Sqrt => a.sqrt(),
                Func::Abs => a.abs(),
            }
        }
    }
}

/// `a` to the power `b`: by multiplications for a whole exponent up to 64 in size (`x**2` is
/// `x * x`, as NumPy squares), else `powf`.
fn power(a: f64, b: f64) -> f64 {
    if b.fract() == 0.0 && b.abs() <= 64.0 {
        a.powi(b as i32)
    } else {
        a.powf(b)
    }
}

/// The value of `e` at `x` and its derivative with respect to `x[wrt]`.
fn dual(e: &Expr, x: ArrayView1<f64>, wrt: usize) -> (f64, f64) {
    match e {
        Expr::Number(v) => (*v, 0.0),
        Expr::Var(i) => (x[*i], if *i == wrt { 1.0 } else { 0.0 }),
        Expr::Neg(a) => {
            let (v, d) = dual(a, x, wrt);
            (-v, -d)
        }
        Expr::Binary(op, a, b) => {
            let ((u, du), (v, dv)) = (dual(a, x, wrt), dual(b, x, wrt));
            match op {
                Op::Add => (u + v, du + dv),
                Op::Sub => (u - v, du - dv),
                Op::Mul => (u * v, du * v + u * dv),
                Op::Div => (u / v, (du * v - u * dv) / (v * v)),
                Op::Pow => {
                    let p = power(u, v);
                    // d(u^v) = v u^(v−1) du + u^v ln(u) dv; the second term only when v varies
                    let by_base = if du == 0.0 {
                        0.0
                    } else {
                        v * u.powf(v - 1.0) * du
                    };
                    let by_exponent = if dv == 0.0 { 0.0 } else { p * u.ln() * dv };
                    (p, by_base + by_exponent)
                }
            }
        }
        Expr::Call(f, a) => {
            let (u, du) = dual(a, x, wrt);
            let (v, slope) = match f {
                Func::Sin => (u.sin(), u.cos()),
                Func::Cos => (u.cos(), -u.sin()),
                Func::Tan => (u.tan(), 1.0 / (u.cos() * u.cos())),
                Func::Tanh => (u.tanh(), 1.0 - u.tanh() * u.tanh()),
                Func::Exp => (u.exp(), u.exp()),
                Func::Ln => (u.ln(), 1.0 / u),
                Func::Sqrt => (u.sqrt(), 0.5 / u.sqrt()),
                Func::Abs => (u.abs(), u.signum()),
            };
            (v, slope * du)
        }
    }
}

/// A recursive-descent reader: `sum := product (± product)*`, `product := unary (*|/ unary)*`,
/// `unary := - unary | power`, `power := atom (^ unary)?`, `atom := number | variable |
/// function(sum) | (sum)`.
struct Parser {
    chars: Vec<char>,
    at: usize,
    depth: usize,
}

impl Parser {
    fn peek(&self) -> Option<char> {
        self.chars.get(self.at).copied()
    }

    fn skip_spaces(&mut self) {
        while self.peek().is_some_and(char::is_whitespace) {
            self.at += 1;
        }
    }

    /// Takes `token` if it comes next (after spaces).
    fn eat(&mut self, token: &str) -> bool {
        self.skip_spaces();
        let n = token.chars().count();
        let next: String = self.chars.iter().skip(self.at).take(n).collect();
        if next == token {
            self.at += n;
            true
        } else {
            false
        }
    }

    fn deeper(&mut self) -> Result<(), String> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(format!("is nested more than {MAX_DEPTH} levels deep"));
        }
        Ok(())
    }

    fn sum(&mut self) -> Result<Expr, String> {
        self.deeper()?;
        let mut left = self.product()?;
        loop {
            let op = if self.eat("+") {
                Op::Add
            } else if self.eat("-") {
                Op::Sub
            } else {
                break;
            };
            left = Expr::Binary(op, Box::new(left), Box::new(self.product()?));
        }
        self.depth -= 1;
        Ok(left)
    }

    fn product(&mut self) -> Result<Expr, String> {
        let mut left = self.unary()?;
        loop {
            self.skip_spaces();
            // `**` was taken by `power` already
            let op = if self.eat("*") {
                Op::Mul
            } else if self.eat("/") {
                Op::Div
            } else {
                break;
            };
            left = Expr::Binary(op, Box::new(left), Box::new(self.unary()?));
        }
        Ok(left)
    }

    fn unary(&mut self) -> Result<Expr, String> {
        self.deeper()?;
        let e = if self.eat("-") {
            Expr::Neg(Box::new(self.unary()?))
        } else if self.eat("+") {
            self.unary()?
        } else {
            self.power()?
        };
        self.depth -= 1;
        Ok(e)
    }

    fn power(&mut self) -> Result<Expr, String> {
        let base = self.atom()?;
        if self.eat("**") || self.eat("^") {
            return Ok(Expr::Binary(
                Op::Pow,
                Box::new(base),
                Box::new(self.unary()?),
            ));
        }
        Ok(base)
    }

    // About 65 lines: one arm per kind of atom of the grammar.
    fn atom(&mut self) -> Result<Expr, String> {
        self.skip_spaces();
        let start = self.at;
        let Some(c) = self.peek() else {
            return Err("ends where a number, x0, x1 or ( was expected".into());
        };
        if self.eat("(") {
            let inner = self.sum()?;
            return self.close(inner, start);
        }
        if c.is_ascii_digit() || c == '.' {
            return self.number();
        }
        if c.is_ascii_alphabetic() {
            let mut name = String::new();
            while let Some(c) = self
                .peek()
                .filter(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '.')
            {
                name.push(c);
                self.at += 1;
            }
            let name = name.strip_prefix("np.").unwrap_or(&name).to_string();
            return match name.as_str() {
                "x0" => Ok(Expr::Var(0)),
                "x1" | "y" => Ok(Expr::Var(1)),
                "x" if self.eat("[") => {
                    let i = if self.eat("0") {
                        0
                    } else if self.eat("1") {
                        1
                    } else {
                        return Err(format!(
                            "x[…] at character {} takes 0 or 1: the point has two coordinates",
                            start + 1
                        ));
                    };
                    if !self.eat("]") {
                        return Err(format!("x[{i} at character {} lacks its ]", start + 1));
                    }
                    Ok(Expr::Var(i))
                }
                "x" => Ok(Expr::Var(0)),
                _ => match FUNCTIONS.iter().find(|(n, _)| *n == name) {
                    Some(&(_, f)) => {
                        if !self.eat("(") {
                            return Err(format!("{name} at character {} needs (…)", start + 1));
                        }
                        let inner = self.sum()?;
                        self.close(inner, start).map(|e| Expr::Call(f, Box::new(e)))
                    }
                    None => Err(format!(
                        "{name:?} at character {} is not known: the variables are x0 and x1 \
                         (or x[0], x[1]), the functions {}",
                        start + 1,
                        FUNCTIONS.map(|(n, _)| n).join(", ")
                    )),
                },
            };
        }
        Err(format!(
            "{c:?} at character {} is not expected there: a number, x0, x1, a function or ( \
             was",
            start + 1
        ))
    }

    fn close(&mut self, inner: Expr, open: usize) -> Result<Expr, String> {
        if self.eat(")") {
            Ok(inner)
        } else {
            Err(format!("the ( at character {} is not closed", open + 1))
        }
    }

    fn number(&mut self) -> Result<Expr, String> {
        let start = self.at;
        while self.peek().is_some_and(|c| c.is_ascii_digit() || c == '.') {
            self.at += 1;
        }
        // an exponent: e or E, a sign, digits
        if self.peek().is_some_and(|c| c == 'e' || c == 'E') {
            let mark = self.at;
            self.at += 1;
            if self.peek().is_some_and(|c| c == '+' || c == '-') {
                self.at += 1;
            }
            if !self.peek().is_some_and(|c| c.is_ascii_digit()) {
                self.at = mark;
            }
            while self.peek().is_some_and(|c| c.is_ascii_digit()) {
                self.at += 1;
            }
        }
        let text: String = self.chars[start..self.at].iter().collect();
        match text.parse::<f64>() {
            Ok(v) if v.is_finite() => Ok(Expr::Number(v)),
            _ => Err(format!(
                "{text:?} at character {} is not a number",
                start + 1
            )),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ndarray::array;

    fn at(text: &str, x0: f64, x1: f64) -> f64 {
        Formula::parse(text).unwrap().eval(array![x0, x1].view())
    }

    #[test]
    fn it_reads_as_python_does() {
        // the values Python gives for the same text, with x = [3, -2]
        assert_eq!(at("x[0]**2 + x[1]**2", 3.0, -2.0), 13.0);
        assert_eq!(at("-x0**2", 3.0, -2.0), -9.0);
        assert_eq!(at("2**3**2", 0.0, 0.0), 512.0);
        assert_eq!(at("1 - 2 - 3", 0.0, 0.0), -4.0);
        assert_eq!(at("8 / 4 / 2", 0.0, 0.0), 1.0);
        assert_eq!(at("2*x0 + x1*x1/4", 3.0, -2.0), 7.0);
        assert_eq!(
            at("1e-2*x ^ 2 + .1*x", 10.0, 0.0),
            0.01 * 100.0 + 0.1 * 10.0
        );
        assert_eq!(at("np.exp(0) + abs(y) + sqrt(4)", 0.0, -2.0), 5.0);
    }

    #[test]
    fn the_exact_gradient_is_the_chain_rule() {
        // Himmelblau, by hand: (4x0 u + 2v, 2u + 4x1 v), u = x0² + x1 − 11, v = x0 + x1² − 7
        let f = Formula::parse("(x0^2 + x1 - 11)^2 + (x0 + x1^2 - 7)^2").unwrap();
        let (a, b) = (1.5, -0.5);
        let (u, v) = (a * a + b - 11.0, a + b * b - 7.0);
        let g = f.gradient(array![a, b].view());
        approx::assert_abs_diff_eq!(
            g,
            array![4.0 * a * u + 2.0 * v, 2.0 * u + 4.0 * b * v],
            epsilon = 1e-12
        );
        // sin(x0 x1): (x1 cos(x0 x1), x0 cos(x0 x1)); 2^x0: 2^x0 ln 2
        let g = Formula::parse("sin(x0*x1) + 2^x0")
            .unwrap()
            .gradient(array![0.5, 2.0].view());
        approx::assert_abs_diff_eq!(
            g,
            array![
                2.0 * 1f64.cos() + 2f64.powf(0.5) * 2f64.ln(),
                0.5 * 1f64.cos()
            ],
            epsilon = 1e-12
        );
    }

    proptest::proptest! {
        /// Any text made of the formula's own characters is read or refused, never a panic;
        /// what is read can be evaluated and differentiated anywhere.
        #[test]
        fn any_text_is_read_or_refused(text in "[x01\\[\\]()+*/^. 9sincoxptalgqrbhe-]{0,60}") {
            if let Ok(f) = Formula::parse(&text) {
                let x = array![0.5, -1.5];
                let _ = f.eval(x.view());
                let _ = f.gradient(x.view());
            }
        }
    }

    #[test]
    fn mistakes_are_named_with_where_they_are() {
        let message = |text: &str| Formula::parse(text).unwrap_err().to_string();
        assert!(
            message("x0 +* 2").contains("character 5"),
            "{}",
            message("x0 +* 2")
        );
        assert!(message("sin(x0").contains("not closed"));
        assert!(message("x2 + 1").contains("\"x2\""));
        assert!(message("x[2]").contains("0 or 1"));
        assert!(message("import os").contains("not known"));
        assert!(message("").contains("ends"));
        assert!(message(&"x0+".repeat(70)).contains("at most 200"));
        assert!(message(&format!("{}x0{}", "(".repeat(60), ")".repeat(60))).contains("deep"));
        assert!(message(&"-".repeat(100)).contains("deep"));
    }
}
