//! The document of a descent: what `descend --json` prints and the playground's
//! `POST /api/descend` answers, one typed definition for both.

use serde::Serialize;

use super::{Descent, Diagnosis, DiagnosisKind, Gradient};
use crate::Landscape;
use crate::optim::OptimizerConfig;

/// The JSON document, its fields in this order: `{"function", "gradient": {"method", "h"},
/// "runs": [{"init", "lr", "optimizer", "steps", "history", "values", "gradients", "final",
/// "diagnosis": {"kind", "message"}}]}`: `history` is the `steps + 1` points visited, start
/// first; `values` is f at each point of `history`; `gradients` is the gradient each step took,
/// `steps` rows of the function's dimension, row `k` at `history[k]` and taken as `gradient`
/// says (so that with SGD `history[k + 1] = history[k] − lr · gradients[k]`); in `values` and
/// `gradients`, null where the number is not finite. The optimizer lists only the settings its
/// rule uses; the gradient has `h` only when it is numerical. `scratchnet descend --json` prints it, and the playground's `POST /api/descend`
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
    gradients: Vec<Vec<f64>>,
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
                    gradients: r
                        .gradients
                        .rows()
                        .into_iter()
                        .map(|row| row.to_vec())
                        .collect(),
                    final_point: r.final_point().to_vec(),
                    diagnosis: DiagnosisDocument::from(&r.diagnosis),
                })
                .collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::formula::Formula;

    #[test]
    fn the_document_has_each_steps_gradient_null_where_not_finite() {
        let sgd = OptimizerConfig::sgd(0.1);
        let run = Landscape::Sphere
            .descend_using(&[-3.0, 4.0], sgd, 3, Gradient::Exact)
            .unwrap();
        let text =
            serde_json::to_string(&Document::new(Landscape::Sphere, Gradient::Exact, &[run]))
                .unwrap();
        // in order: after f at each point, before the final point
        let at = |key: &str| text.find(&format!("\"{key}\":")).unwrap();
        assert!(
            at("values") < at("gradients") && at("gradients") < at("final"),
            "{text}"
        );
        let doc: serde_json::Value = serde_json::from_str(&text).unwrap();
        let run = &doc["runs"][0];
        // 3 steps: 3 gradients, 2x at each of the first 3 points
        let gradients = run["gradients"].as_array().unwrap();
        assert_eq!(gradients.len(), 3);
        assert_eq!(gradients[0], serde_json::json!([-6.0, 8.0]));
        for (k, g) in gradients.iter().enumerate() {
            let x = run["history"][k].as_array().unwrap();
            let twice: Vec<f64> = x.iter().map(|v| 2.0 * v.as_f64().unwrap()).collect();
            assert_eq!(g, &serde_json::json!(twice), "step {k}");
        }
        // log(x0) from x0 = −3: f and its numerical gradient are NaN, null in the document
        let log = Formula::parse("log(x0)").unwrap();
        let run = log
            .descend_using(&[-3.0, 4.0], sgd, 2, Gradient::BOOK)
            .unwrap();
        let doc =
            serde_json::to_value(Document::for_formula("log(x0)", Gradient::BOOK, &[run])).unwrap();
        let run = &doc["runs"][0];
        assert_eq!(run["gradients"][0][0], serde_json::Value::Null);
        assert_eq!(run["gradients"].as_array().unwrap().len(), 2);
        assert_eq!(run["values"][0], serde_json::Value::Null);
        assert_eq!(run["diagnosis"]["kind"], "undefined");
        // no step, no gradient: an empty list
        let none = Landscape::Sphere.descend(&[-3.0, 4.0], 0.1, 0).unwrap();
        let doc = serde_json::to_value(Document::new(Landscape::Sphere, Gradient::BOOK, &[none]))
            .unwrap();
        assert_eq!(doc["runs"][0]["gradients"], serde_json::json!([]));
        assert_eq!(doc["runs"][0]["diagnosis"]["kind"], "no-steps");
    }
}
