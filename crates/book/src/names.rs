//! One spelling for each choice.
//!
//! The choices a user names — an update rule, an activation, a function, a gradient method, a
//! float type, a diagnosis — are enums whose names are given once, by serde's `rename`
//! attributes: that is the spelling in JSON and in files. `Display` and `FromStr` (below) go
//! through serde too, and on the command line the same enums derive `clap::ValueEnum` (feature
//! `cli`) with the same renaming rule, which a test holds equal.

/// `Display` and `FromStr` by the enum's serde names, for unit-only enums. An unknown name is an
/// [`Error::Config`](crate::Error::Config) that lists the known ones.
macro_rules! named_by_serde {
    ($($ty:ty: $what:literal),+ $(,)?) => {$(
        impl std::fmt::Display for $ty {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                match serde_json::to_value(self) {
                    Ok(serde_json::Value::String(name)) => f.write_str(&name),
                    _ => Err(std::fmt::Error),
                }
            }
        }

        impl std::str::FromStr for $ty {
            type Err = crate::Error;

            fn from_str(s: &str) -> Result<Self, crate::Error> {
                serde_json::from_value(serde_json::Value::String(s.to_string())).map_err(|e| {
                    crate::Error::Config {
                        what: $what,
                        // "unknown variant `x`, expected one of `a`, `b`"
                        problem: e.to_string().replace("variant", "name"),
                    }
                })
            }
        }
    )+};
}

named_by_serde! {
    crate::Activation: "activation",
    crate::Landscape: "function",
    crate::OptimizerKind: "optimizer",
    crate::DiagnosisKind: "diagnosis",
    crate::real::Dtype: "dtype",
    crate::train::GradMethod: "gradient method",
    crate::text::Lang: "language",
}

#[cfg(all(test, feature = "clap"))]
mod tests {
    use clap::ValueEnum;

    use crate::real::Dtype;
    use crate::train::GradMethod;
    use crate::{Activation, DiagnosisKind, Landscape, OptimizerKind};

    /// Every variant's name on the command line is its serde name, and parses back.
    fn same_names<T>(listed: &[T])
    where
        T: ValueEnum + std::fmt::Display + std::str::FromStr + PartialEq + std::fmt::Debug,
    {
        assert_eq!(listed, T::value_variants(), "the list names every variant");
        for v in T::value_variants() {
            let cli = v.to_possible_value().expect("not skipped");
            assert_eq!(cli.get_name(), v.to_string());
            assert_eq!(v.to_string().parse::<T>().ok().as_ref(), Some(v));
        }
    }

    #[test]
    fn the_command_line_json_and_files_spell_each_choice_alike() {
        same_names(&Activation::ALL);
        same_names(&Landscape::ALL);
        same_names(&OptimizerKind::ALL);
        same_names(&[Dtype::F32, Dtype::F64]);
        same_names(&[
            GradMethod::Backprop,
            GradMethod::BackpropReference,
            GradMethod::Numerical,
            GradMethod::NumericalReference,
        ]);
        same_names(&[
            DiagnosisKind::Converged,
            DiagnosisKind::Saddle,
            DiagnosisKind::Plateau,
            DiagnosisKind::Diverged,
            DiagnosisKind::Stalled,
            DiagnosisKind::Moving,
            DiagnosisKind::Overflow,
            DiagnosisKind::Unbounded,
            DiagnosisKind::Undefined,
            DiagnosisKind::NoSteps,
        ]);
        same_names(&[crate::text::Lang::En, crate::text::Lang::Ko]);
        assert_eq!(
            "function_2".parse::<Landscape>().unwrap(),
            Landscape::Sphere
        );
        assert_eq!("float32".parse::<Dtype>().unwrap(), Dtype::F32);
        let unknown = "lbfgs".parse::<OptimizerKind>().unwrap_err().to_string();
        assert!(unknown.contains("`sgd`, `momentum`"), "{unknown}");
    }
}
