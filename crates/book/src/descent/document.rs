//! The document of a descent: what `descend --json` prints and the playground's
//! `POST /api/descend` answers, one typed definition for both.

use serde::Serialize;

use super::{Descent, Diagnosis, DiagnosisKind, Gradient};
use crate::Landscape;
use crate::optim::OptimizerConfig;

/// The JSON document, its fields in this order: `{"function", "gradient": {"method", "h"},
/// "runs": [{"init", "lr", "optimizer", "steps", "history", "values", "final", "diagnosis":
/// {"kind", "message"}}]}`: `values` is f at each point of `history` (null where not finite).
/// The optimizer lists only the settings its rule uses; the gradient has `h` only when it is
/// numerical. `scratchnet descend --json` prints it, and the playground's `POST /api/descend`
/// answers with it.
#[derive(Debug, Serialize)]
pub struct Document {
    /// The built-in function's name, or `"formula"`.
    function: String,
    /// A typed formula's text (the playground's; absent for a built-in function).
    #[serde(skip_serializing_if = "Option::is_none")]
    formula: Option<String>,
    gradient: Gradient,
    runs: Vec<RunDocument>,
}

/// One run in [`Document`].
#[derive(Debug, Serialize)]
struct RunDocument {
    init: Vec<f64>,
    lr: f64,
    optimizer: OptimizerConfig,
    steps: usize,
    history: Vec<Vec<f64>>,
    values: Vec<f64>,
    #[serde(rename = "final")]
    final_point: Vec<f64>,
    diagnosis: DiagnosisDocument,
}

/// A diagnosis as the documents give it: `{"kind", "message"}`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct DiagnosisDocument {
    /// How the run ended.
    pub kind: DiagnosisKind,
    /// The diagnosis in a sentence.
    pub message: String,
}

impl From<&Diagnosis> for DiagnosisDocument {
    fn from(d: &Diagnosis) -> Self {
        DiagnosisDocument {
            kind: d.kind,
            message: d.message(),
        }
    }
}

impl Document {
    /// The document of `runs` on `f`, each step's gradient taken by `gradient`.
    pub fn new(f: Landscape, gradient: Gradient, runs: &[Descent]) -> Self {
        Self::of(f.to_string(), None, gradient, runs)
    }

    /// The document of `runs` on a typed formula (the playground's).
    pub fn for_formula(formula: &str, gradient: Gradient, runs: &[Descent]) -> Self {
        Self::of("formula".into(), Some(formula.into()), gradient, runs)
    }

    fn of(function: String, formula: Option<String>, gradient: Gradient, runs: &[Descent]) -> Self {
        Document {
            function,
            formula,
            gradient,
            runs: runs
                .iter()
                .map(|r| RunDocument {
                    init: r.start().to_vec(),
                    lr: r.lr(),
                    optimizer: r.optimizer,
                    steps: r.steps(),
                    history: r
                        .history
                        .rows()
                        .into_iter()
                        .map(|row| row.to_vec())
                        .collect(),
                    values: r.values.to_vec(),
                    final_point: r.final_point().to_vec(),
                    diagnosis: DiagnosisDocument::from(&r.diagnosis),
                })
                .collect(),
        }
    }
}
