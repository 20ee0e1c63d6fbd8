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
    /// The cure off, in `overfit_weight_decay.py` (figure 6-20).
    NO_WEIGHT_DECAY = "words.no-weight-decay" { en: "no weight decay", ko: "가중치 감소 없음" }
    /// Weight decay of strength `{lambda}` (figure 6-21).
    WEIGHT_DECAY_OF = "words.weight-decay-of" {
        en: "weight decay λ = {lambda}",
        ko: "가중치 감소 λ = {lambda}",
    }
    /// The cure off, in `overfit_dropout.py` (figure 6-23, left).
    NO_DROPOUT = "words.no-dropout" { en: "no Dropout", ko: "드롭아웃 없음" }
    /// Dropout of ratio `{ratio}` (figure 6-23, right).
    DROPOUT_OF = "words.dropout-of" { en: "Dropout ratio {ratio}", ko: "드롭아웃 비율 {ratio}" }
    /// The learning rate, named in a sentence.
    LEARNING_RATE = "words.learning-rate" { en: "learning rate", ko: "학습률" }
    /// The weight decay, named in a sentence.
    WEIGHT_DECAY = "words.weight-decay" { en: "weight decay", ko: "가중치 감소" }
    /// A table column: the accuracy on the training data.
    TRAIN = "words.train" { en: "train", ko: "훈련" }
    /// A table column: the accuracy on the test data.
    TEST = "words.test" { en: "test", ko: "시험" }
    /// A table column: training minus test accuracy.
    GAP = "words.gap" { en: "gap", ko: "차이" }
}

/// A run of an overfitting script, as tables, legends and titles name it: its cure, or its
/// cure's absence.
///
/// ```
/// use scratchnet_book::experiments::Regularization;
/// use scratchnet_book::text::{words, Lang};
/// let cure = words::regularization(Regularization::WeightDecay { lambda: 0.1 });
/// assert_eq!(cure.say(Lang::En), "weight decay λ = 0.1");
/// assert_eq!(cure.say(Lang::Ko), "가중치 감소 λ = 0.1");
/// ```
pub fn regularization(r: crate::experiments::Regularization) -> super::Sentence {
    use crate::experiments::Regularization as R;
    match r {
        R::WeightDecay { lambda: 0.0 } => NO_WEIGHT_DECAY.with(),
        R::WeightDecay { lambda } => WEIGHT_DECAY_OF.with().arg("lambda", lambda),
        R::Dropout { ratio: None } => NO_DROPOUT.with(),
        R::Dropout { ratio: Some(ratio) } => DROPOUT_OF.with().arg("ratio", ratio),
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
