//! Parsers for command-line values: points, learning rates, matrices, function names.
//!
//! Each returns a message that names the problem and shows a value that would work; clap
//! prints it as a usage error (exit status 2).

use ndarray::Array2;
use scratchnet_book::Landscape;
use scratchnet_book::net::multi_layer::WeightInit;
use scratchnet_book::random::{Generator, Random};
use scratchnet_book::text::{Text, errors};

/// A point given as comma-separated numbers, e.g. `-3,4`.
#[derive(Clone, Debug, PartialEq)]
pub struct Point(pub Vec<f64>);

/// A matrix given as rows separated by `;`, numbers by `,`, e.g. `1,2,3;4,5,6`.
#[derive(Clone, Debug, PartialEq)]
pub struct Matrix(pub Array2<f64>);

/// A number's problem in the command line's language: `{part}` of `{whole}`, and an example.
fn say(text: &'static Text, part: &str, whole: &str, example: &str) -> String {
    // a value that is the whole: said once
    let text = match (part == whole, text.key) {
        (true, "errors.not-a-number") => &errors::NOT_A_NUMBER_ALONE,
        (true, "errors.not-finite-number") => &errors::NOT_FINITE_ALONE,
        _ => text,
    };
    text.say(
        super::lang_now(),
        &[
            ("part", &format!("{part:?}")),
            ("whole", &format!("{whole:?}")),
            ("example", &example),
        ],
    )
}

fn number(part: &str, whole: &str, example: &str) -> Result<f64, String> {
    let v: f64 = part
        .trim()
        .parse()
        .map_err(|_| say(&errors::NOT_A_NUMBER, part, whole, example))?;
    if !v.is_finite() {
        return Err(say(&errors::NOT_FINITE_NUMBER, part, whole, example));
    }
    Ok(v)
}

/// Parses `-3,4` into a point.
pub fn point(s: &str) -> Result<Point, String> {
    s.split(',')
        .map(|p| number(p, s, "-3,4"))
        .collect::<Result<_, _>>()
        .map(Point)
}

/// A function of two coordinates, by name (`field`, `compare`: they draw maps of x0 and x1).
pub fn two_dimensional(s: &str) -> Result<Landscape, String> {
    let names = || {
        Landscape::ALL
            .iter()
            .filter(|f| f.dim() == 2)
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join(", ")
    };
    match s.to_ascii_lowercase().parse::<Landscape>() {
        Ok(f) if f.dim() == 2 => Ok(f),
        Ok(f) => {
            Err(errors::ONE_DIMENSIONAL.say(super::lang_now(), &[("f", &f), ("names", &names())]))
        }
        Err(_) => Err(errors::UNKNOWN_FUNCTION.say(super::lang_now(), &[("names", &names())])),
    }
}

/// Parses one finite number, e.g. `-2.5`.
pub fn finite(s: &str) -> Result<f64, String> {
    number(s, s, "5 or -2.5")
}

/// Parses a learning rate: a positive finite number.
pub fn learning_rate(s: &str) -> Result<f64, String> {
    let lr = number(s, s, "0.1")?;
    if lr <= 0.0 {
        return Err(errors::NOT_POSITIVE_LR.say(super::lang_now(), &[("value", &s)]));
    }
    Ok(lr)
}

/// Parses the initial weights' scale: `xavier`, `he`, or a standard deviation (a positive
/// number, as the book's `weight_init_std`).
pub fn weight_init(s: &str) -> Result<WeightInit, String> {
    match s.to_ascii_lowercase().as_str() {
        "xavier" | "sigmoid" => return Ok(WeightInit::Xavier),
        "he" | "relu" => return Ok(WeightInit::He),
        _ => {}
    }
    let std = number(s, s, "0.01, xavier or he")?;
    if std <= 0.0 {
        return Err(errors::NOT_POSITIVE_STD.say(super::lang_now(), &[("value", &s)]));
    }
    Ok(WeightInit::Std(std))
}

/// `--rng` and `--seed`: the generator a command draws from.
#[derive(Clone, Copy, Debug, clap::Args)]
pub struct RngArgs {
    /// The random generator: scratchnet's own, or numpy (NumPy's np.random seeded as
    /// np.random.seed(SEED): the same draws as the book's script)
    #[arg(long, value_enum, default_value = "scratchnet", ignore_case = true)]
    pub rng: Generator,
    /// The generator's seed (numpy: at most 4294967295, as np.random.seed)
    #[arg(long, default_value_t = 0)]
    pub seed: u64,
}

impl RngArgs {
    /// The generator asked for, seeded.
    ///
    /// # Errors
    /// A usage error of `command` for a seed NumPy's generator refuses.
    pub fn generator(self, command: &str) -> anyhow::Result<Box<dyn Random + Send>> {
        self.rng
            .seeded(self.seed)
            .map_err(|e| super::usage(command, e.say(super::lang_now())))
    }
}

/// Parses a weight decay λ: a finite number, 0 or more.
pub fn weight_decay(s: &str) -> Result<f64, String> {
    let lambda = number(s, s, "0.1")?;
    if lambda < 0.0 {
        return Err(errors::NEGATIVE_WEIGHT_DECAY.say(super::lang_now(), &[("value", &s)]));
    }
    Ok(lambda)
}

/// Parses a Dropout ratio: a number in `[0, 1)`.
pub fn dropout_ratio(s: &str) -> Result<f64, String> {
    let ratio = number(s, s, "0.2")?;
    if !(0.0..1.0).contains(&ratio) {
        return Err(errors::NOT_DROPOUT_RATIO.say(super::lang_now(), &[("value", &s)]));
    }
    Ok(ratio)
}

/// Parses `1,2,3;4,5,6` into a 2x3 matrix (rows by `;`).
pub fn matrix(s: &str) -> Result<Matrix, String> {
    let rows: Vec<Vec<f64>> = s
        .split(';')
        .map(|row| {
            row.split(',')
                .map(|p| number(p, s, "\"w11,w12,w13;w21,w22,w23\""))
                .collect()
        })
        .collect::<Result<_, _>>()?;
    let cols = rows[0].len();
    if let Some(bad) = rows.iter().position(|r| r.len() != cols) {
        return Err(errors::RAGGED_ROWS.say(
            super::lang_now(),
            &[
                ("row", &(bad + 1)),
                ("whole", &format!("{s:?}")),
                ("n", &rows[bad].len()),
                ("cols", &cols),
            ],
        ));
    }
    let nrows = rows.len();
    Array2::from_shape_vec((nrows, cols), rows.into_iter().flatten().collect())
        .map(Matrix)
        .map_err(|e| e.to_string())
}

/// Parses the step h of a numerical gradient: a positive finite number.
pub fn step_h(s: &str) -> Result<f64, String> {
    let h = number(s, s, "1e-4")?;
    if h <= 0.0 {
        return Err(errors::NOT_POSITIVE_H.say(super::lang_now(), &[("value", &s)]));
    }
    Ok(h)
}

/// Parses a number in `[0, 1)`: a momentum, a decay rate, a beta.
pub fn unit_interval(s: &str) -> Result<f64, String> {
    let v = number(s, s, "0.9")?;
    if !(0.0..1.0).contains(&v) {
        return Err(errors::NOT_UNIT.say(super::lang_now(), &[("value", &s)]));
    }
    Ok(v)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn points_take_negative_numbers_and_reject_junk() {
        assert_eq!(point("-3,4"), Ok(Point(vec![-3.0, 4.0])));
        assert_eq!(point(" 1e-2 , -0.5 "), Ok(Point(vec![0.01, -0.5])));
        assert!(point("3,x").unwrap_err().contains("\"x\""));
        assert!(point("3,,4").is_err());
        assert!(point("nan,1").unwrap_err().contains("finite"));
    }

    #[test]
    fn learning_rates_must_be_positive_and_finite() {
        assert_eq!(learning_rate("1e-10"), Ok(1e-10));
        for bad in ["0", "-0.1", "NaN", "inf", "fast"] {
            assert!(learning_rate(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn cures_take_the_book_s_ranges() {
        assert_eq!(weight_decay("0"), Ok(0.0));
        assert_eq!(dropout_ratio("0.2"), Ok(0.2));
        for bad in ["-0.1", "inf", "much"] {
            assert!(weight_decay(bad).is_err(), "{bad}");
        }
        for bad in ["1", "-0.2", "nan"] {
            assert!(dropout_ratio(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn betas() {
        assert_eq!(unit_interval("0.999"), Ok(0.999));
        assert!(unit_interval("1").is_err() && unit_interval("-0.1").is_err());
    }

    #[test]
    fn matrices_must_be_rectangular() {
        let m = matrix("1,2,3;4,5,6").unwrap().0;
        assert_eq!(m, ndarray::array![[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]);
        assert!(matrix("1,2,3;4,5").unwrap_err().contains("row 2"));
    }
}
