//! Short words: the names of the diagnoses, table headers, axis names, counts.

use crate::train::GradMethod;
use crate::{Activation, DiagnosisKind};

super::texts! {
    /// Nothing: the value of an optional part of a sentence that is left out.
    NOTHING = "words.nothing" { en: "", ko: "" }
    /// A number of descent steps (iterations of the update).
    STEPS_OF = "words.steps-of" { en: "{steps} steps", ko: "{steps}번 반복" }
    /// [`DiagnosisKind::Converged`].
    CONVERGED = "words.converged" { en: "converged", ko: "수렴" }
    /// [`DiagnosisKind::Saddle`].
    SADDLE = "words.saddle" { en: "saddle", ko: "안장점" }
    /// [`DiagnosisKind::Plateau`].
    PLATEAU = "words.plateau" { en: "plateau", ko: "고원" }
    /// [`DiagnosisKind::Diverged`].
    DIVERGED = "words.diverged" { en: "diverged", ko: "발산" }
    /// [`DiagnosisKind::Stalled`].
    STALLED = "words.stalled" { en: "stalled", ko: "정체" }
    /// [`DiagnosisKind::Moving`].
    MOVING = "words.moving" { en: "moving", ko: "내려가는 중" }
    /// [`DiagnosisKind::Overflow`].
    OVERFLOW = "words.overflow" { en: "overflow", ko: "오버플로" }
    /// [`DiagnosisKind::Unbounded`].
    UNBOUNDED = "words.unbounded" { en: "unbounded", ko: "끝없이 내려감" }
    /// [`DiagnosisKind::Undefined`].
    UNDEFINED = "words.undefined" { en: "undefined", ko: "정의되지 않음" }
    /// [`DiagnosisKind::NoSteps`].
    NO_STEPS = "words.no-steps" { en: "no steps", ko: "반복 없음" }
    /// A layer of a network, in a table.
    LAYER = "words.layer" { en: "layer", ko: "층" }
    /// The mean, in a table.
    MEAN = "words.mean" { en: "mean", ko: "평균" }
    /// The standard deviation, in a table.
    STD = "words.std" { en: "std", ko: "표준편차" }
    /// [`Activation::Sigmoid`].
    SIGMOID = "words.sigmoid" { en: "sigmoid", ko: "시그모이드" }
    /// [`Activation::Relu`].
    RELU = "words.relu" { en: "relu", ko: "ReLU" }
    /// [`GradMethod::Backprop`].
    BACKPROP = "words.backprop" { en: "backprop", ko: "오차역전파법" }
    /// [`GradMethod::BackpropReference`].
    BACKPROP_REFERENCE = "words.backprop-reference" {
        en: "backprop-reference",
        ko: "책의 계층을 거치는 오차역전파법",
    }
    /// [`GradMethod::Numerical`].
    NUMERICAL = "words.numerical" { en: "numerical", ko: "수치 미분" }
    /// [`GradMethod::NumericalReference`].
    NUMERICAL_REFERENCE = "words.numerical-reference" {
        en: "numerical-reference",
        ko: "책의 방식대로 하는 수치 미분",
    }
}

/// An activation function's name, as reports say it (the English is its name on the command
/// line).
pub fn activation(activation: Activation) -> &'static super::Text {
    match activation {
        Activation::Sigmoid => &SIGMOID,
        Activation::Relu => &RELU,
    }
}

/// A way to compute the gradient, as reports say it (the English is its name on the command
/// line).
pub fn grad_method(method: GradMethod) -> &'static super::Text {
    match method {
        GradMethod::Backprop => &BACKPROP,
        GradMethod::BackpropReference => &BACKPROP_REFERENCE,
        GradMethod::Numerical => &NUMERICAL,
        GradMethod::NumericalReference => &NUMERICAL_REFERENCE,
    }
}

/// The short name of a diagnosis' kind, as tables and legends show it.
pub fn kind(kind: DiagnosisKind) -> &'static super::Text {
    match kind {
        DiagnosisKind::Converged => &CONVERGED,
        DiagnosisKind::Saddle => &SADDLE,
        DiagnosisKind::Plateau => &PLATEAU,
        DiagnosisKind::Diverged => &DIVERGED,
        DiagnosisKind::Stalled => &STALLED,
        DiagnosisKind::Moving => &MOVING,
        DiagnosisKind::Overflow => &OVERFLOW,
        DiagnosisKind::Unbounded => &UNBOUNDED,
        DiagnosisKind::Undefined => &UNDEFINED,
        DiagnosisKind::NoSteps => &NO_STEPS,
    }
}
