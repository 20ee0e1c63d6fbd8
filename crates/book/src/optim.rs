//! Update rules: how a step follows the gradient (the book's `common/optimizer.py`, chapter 6).
//!
//! Each rule is a configuration ([`OptimizerConfig`]: the learning rate and its other settings,
//! with the book's defaults) kept apart from the state it carries between steps
//! ([`OptimizerState`]: velocities, sums of squared gradients, the step count), so that the
//! state can be saved in a checkpoint and a resumed run continues exactly.
//!
//! With `W` a parameter, `∂L/∂W` its gradient, `η` the learning rate, and ε = 1e-7 (the book's):
//!
//! | rule | update |
//! | --- | --- |
//! | SGD | `W ← W − η ∂L/∂W` |
//! | Momentum | `v ← αv − η ∂L/∂W`, `W ← W + v` |
//! | Nesterov | `W ← W + α²v − (1 + α)η ∂L/∂W`, then `v ← αv − η ∂L/∂W` |
//! | AdaGrad | `h ← h + (∂L/∂W)²`, `W ← W − η ∂L/∂W / (√h + ε)` |
//! | RMSprop | `h ← ρh + (1 − ρ)(∂L/∂W)²`, `W ← W − η ∂L/∂W / (√h + ε)` |
//! | Adam | `t ← t + 1`, `m ← m + (1 − β₁)(∂L/∂W − m)`, `v ← v + (1 − β₂)((∂L/∂W)² − v)`, `W ← W − η_t m / (√v + ε)` with `η_t = η √(1 − β₂ᵗ) / (1 − β₁ᵗ)` |
//!
//! Nesterov follows the book's code as corrected in January 2021 ("Fix Nesterov update
//! function"), which is the formula of the paper the class cites (Bengio et al., arXiv
//! 1212.0901): `W` moves by the velocity *before* this step's update. Printings of the book and
//! its Korean edition's code made before then update `v` first and move `W` by `α²v_new`; from
//! (−4.5, 3) on the bowl x²/20 + y² with η 0.05 the first step then lands on (−4.4390, 2.1870)
//! instead of (−4.4573, 2.4300), and the paths part from there.
//!
//! Where PyTorch differs: its Momentum accumulates `v ← αv + g` and steps `W ← W − ηv` (the same
//! path for a constant η); its Adam divides the bias-corrected moments, `m̂ / (√v̂ + ε)`, so its
//! ε is not scaled by `√(1 − β₂ᵗ)` as the book's is, and its ε defaults to 1e-8 (AdaGrad 1e-10,
//! RMSprop 1e-8, with ρ called `alpha`).
//!
//! The six rules in one file, so that their updates read side by side as the book's
//! `common/optimizer.py` does.

use ndarray::{ArrayD, ArrayViewD, ArrayViewMutD, Zip};

use crate::Error;
use crate::real::Real;

/// The ε of the adaptive rules, as in the book: keeps the division finite where `h` is 0.
pub const EPSILON: f64 = 1e-7;

/// The six rules by name (`sgd`, `momentum`, `nesterov`, `adagrad`, `rmsprop`, `adam`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(feature = "clap", derive(clap::ValueEnum))]
#[cfg_attr(feature = "clap", value(rename_all = "lower"))]
pub enum OptimizerKind {
    /// Stochastic gradient descent.
    Sgd,
    /// SGD with momentum.
    Momentum,
    /// Nesterov's accelerated gradient, as the current book's class (corrected in 2021).
    Nesterov,
    /// Adaptive gradient.
    AdaGrad,
    /// Root mean square propagation.
    RmsProp,
    /// Adaptive moments.
    Adam,
}

impl OptimizerKind {
    /// All six, in the book's order.
    pub const ALL: [OptimizerKind; 6] = [
        OptimizerKind::Sgd,
        OptimizerKind::Momentum,
        OptimizerKind::Nesterov,
        OptimizerKind::AdaGrad,
        OptimizerKind::RmsProp,
        OptimizerKind::Adam,
    ];

    /// The name the book gives the class.
    #[must_use]
    pub fn title(self) -> &'static str {
        match self {
            OptimizerKind::Sgd => "SGD",
            OptimizerKind::Momentum => "Momentum",
            OptimizerKind::Nesterov => "Nesterov",
            OptimizerKind::AdaGrad => "AdaGrad",
            OptimizerKind::RmsProp => "RMSprop",
            OptimizerKind::Adam => "Adam",
        }
    }

    /// The learning rate of the book's class: 0.01, and 0.001 for Adam.
    #[must_use]
    pub fn default_lr(self) -> f64 {
        match self {
            OptimizerKind::Adam => 0.001,
            _ => 0.01,
        }
    }

    /// The learning rate the book's `optimizer_compare_naive.py` gives this rule on the bowl
    /// x²/20 + y²: SGD 0.95, Momentum 0.1, AdaGrad 1.5, Adam 0.3. The book leaves out Nesterov
    /// and RMSprop; we give them 0.1, like Momentum.
    #[must_use]
    pub fn bowl_lr(self) -> f64 {
        match self {
            OptimizerKind::Sgd => 0.95,
            OptimizerKind::AdaGrad => 1.5,
            OptimizerKind::Adam => 0.3,
            OptimizerKind::Momentum | OptimizerKind::Nesterov | OptimizerKind::RmsProp => 0.1,
        }
    }
}

/// A rule and its settings. Build one with [`OptimizerConfig::new`] (the book's defaults) and
/// change what you need.
///
/// In JSON (and checkpoints) only the settings the rule uses are written: `{"kind": "sgd",
/// "lr": 0.1}`, `{"kind": "momentum", "lr": 0.1, "momentum": 0.9}`; a missing one reads as the
/// book's default.
#[derive(Clone, Copy, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(into = "Settings", from = "Settings")]
pub struct OptimizerConfig {
    /// Which rule.
    pub kind: OptimizerKind,
    /// The learning rate η.
    pub lr: f64,
    /// Momentum and Nesterov: α, the fraction of the velocity kept (0.9).
    pub momentum: f64,
    /// RMSprop: ρ, the fraction of the squared-gradient average kept (0.99).
    pub decay_rate: f64,
    /// Adam: β₁, for the average of gradients (0.9).
    pub beta1: f64,
    /// Adam: β₂, for the average of squared gradients (0.999).
    pub beta2: f64,
}

/// The settings of an update rule that a user may give, each `None` when not given: see
/// [`OptimizerConfig::with_settings`].
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct RuleSettings {
    /// Momentum and Nesterov: α.
    pub momentum: Option<f64>,
    /// RMSprop: ρ.
    pub decay_rate: Option<f64>,
    /// Adam: β₁.
    pub beta1: Option<f64>,
    /// Adam: β₂.
    pub beta2: Option<f64>,
}

impl OptimizerConfig {
    /// The book's defaults for `kind`: η 0.01 (Adam 0.001), α 0.9, ρ 0.99, β₁ 0.9, β₂ 0.999.
    #[must_use]
    pub fn new(kind: OptimizerKind) -> Self {
        OptimizerConfig {
            kind,
            lr: kind.default_lr(),
            momentum: 0.9,
            decay_rate: 0.99,
            beta1: 0.9,
            beta2: 0.999,
        }
    }

    /// Plain SGD with learning rate `lr`.
    #[must_use]
    pub fn sgd(lr: f64) -> Self {
        OptimizerConfig {
            lr,
            ..Self::new(OptimizerKind::Sgd)
        }
    }

    /// The same rule with learning rate `lr`.
    #[must_use]
    pub fn with_lr(self, lr: f64) -> Self {
        OptimizerConfig { lr, ..self }
    }

    /// The rule `kind` with learning rate `lr` and the settings a user gave: those left out
    /// (`None`) are the book's ([`new`](OptimizerConfig::new)). The one place where the
    /// command line's flags and the playground's requests become a rule.
    ///
    /// ```
    /// use scratchnet_book::optim::{OptimizerConfig, OptimizerKind, RuleSettings};
    /// let given = RuleSettings { beta2: Some(0.99), ..RuleSettings::default() };
    /// let adam = OptimizerConfig::with_settings(OptimizerKind::Adam, 0.001, given);
    /// assert_eq!((adam.beta1, adam.beta2), (0.9, 0.99));
    /// ```
    #[must_use]
    pub fn with_settings(kind: OptimizerKind, lr: f64, given: RuleSettings) -> Self {
        let book = OptimizerConfig::new(kind);
        OptimizerConfig {
            kind,
            lr,
            momentum: given.momentum.unwrap_or(book.momentum),
            decay_rate: given.decay_rate.unwrap_or(book.decay_rate),
            beta1: given.beta1.unwrap_or(book.beta1),
            beta2: given.beta2.unwrap_or(book.beta2),
        }
    }

    /// Checks the settings: η positive and finite, α, ρ, β₁, β₂ in `[0, 1)`.
    ///
    /// # Errors
    /// [`Error::LearningRate`] or [`Error::Config`] naming the setting.
    pub fn validate(&self) -> Result<(), Error> {
        if !(self.lr.is_finite() && self.lr > 0.0) {
            return Err(Error::LearningRate { lr: self.lr });
        }
        for (what, v) in [
            ("momentum", self.momentum),
            ("decay_rate", self.decay_rate),
            ("beta1", self.beta1),
            ("beta2", self.beta2),
        ] {
            if !(0.0..1.0).contains(&v) {
                return Err(Error::Config {
                    what,
                    problem: format!("must be in [0, 1), got {v}"),
                });
            }
        }
        Ok(())
    }

    /// The settings that matter for this rule, for a label: `lr 0.1, momentum 0.9`.
    #[must_use]
    pub fn describe(&self) -> String {
        let extra = match self.kind {
            OptimizerKind::Momentum | OptimizerKind::Nesterov => {
                format!(", momentum {}", self.momentum)
            }
            OptimizerKind::RmsProp => format!(", decay {}", self.decay_rate),
            OptimizerKind::Adam => format!(", β1 {}, β2 {}", self.beta1, self.beta2),
            _ => String::new(),
        };
        format!("lr {}{extra}", self.lr)
    }
}

/// [`OptimizerConfig`] as written: the settings its rule does not use left out.
#[derive(Clone, Copy, serde::Serialize, serde::Deserialize)]
struct Settings {
    kind: OptimizerKind,
    lr: f64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    momentum: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    decay_rate: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    beta1: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    beta2: Option<f64>,
}

impl From<OptimizerConfig> for Settings {
    fn from(c: OptimizerConfig) -> Self {
        use OptimizerKind::{Adam, Momentum, Nesterov, RmsProp};
        let when = |used: bool, v: f64| used.then_some(v);
        Settings {
            kind: c.kind,
            lr: c.lr,
            momentum: when(matches!(c.kind, Momentum | Nesterov), c.momentum),
            decay_rate: when(c.kind == RmsProp, c.decay_rate),
            beta1: when(c.kind == Adam, c.beta1),
            beta2: when(c.kind == Adam, c.beta2),
        }
    }
}

impl From<Settings> for OptimizerConfig {
    fn from(s: Settings) -> Self {
        let book = OptimizerConfig::new(s.kind);
        OptimizerConfig {
            kind: s.kind,
            lr: s.lr,
            momentum: s.momentum.unwrap_or(book.momentum),
            decay_rate: s.decay_rate.unwrap_or(book.decay_rate),
            beta1: s.beta1.unwrap_or(book.beta1),
            beta2: s.beta2.unwrap_or(book.beta2),
        }
    }
}

/// What a rule carries from one step to the next, one array per parameter (empty before the
/// first step and for SGD).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct OptimizerState<T = f64> {
    /// Steps taken.
    pub step: u64,
    /// Momentum and Nesterov: the velocity `v`; Adam: the first moment `m`.
    pub first: Vec<ArrayD<T>>,
    /// AdaGrad and RMSprop: `h`; Adam: the second moment `v`.
    pub second: Vec<ArrayD<T>>,
}

/// A rule with its state: call [`update`](Optimizer::update) once per step. It steps `f64`
/// parameters, or `f32` ones (the settings are rounded to `f32` then).
#[derive(Clone, Debug, PartialEq)]
pub struct Optimizer<T = f64> {
    /// The rule and its settings.
    pub config: OptimizerConfig,
    /// What it has accumulated.
    pub state: OptimizerState<T>,
}

impl<T: Real> Optimizer<T> {
    /// A rule with empty state.
    ///
    /// # Errors
    /// As [`OptimizerConfig::validate`].
    pub fn new(config: OptimizerConfig) -> Result<Self, Error> {
        config.validate()?;
        Ok(Optimizer {
            config,
            state: OptimizerState::default(),
        })
    }

    /// The same rule and state in another type (rounded going to `f32`, exact going to `f64`).
    #[must_use]
    pub fn cast<U: Real>(&self) -> Optimizer<U> {
        let c = |arrays: &Vec<ArrayD<T>>| {
            arrays
                .iter()
                .map(|a| a.map(|v| U::cast(v.widen())))
                .collect()
        };
        Optimizer {
            config: self.config,
            state: OptimizerState {
                step: self.state.step,
                first: c(&self.state.first),
                second: c(&self.state.second),
            },
        }
    }

    /// One step: moves every parameter in `params` against its gradient in `grads` (same
    /// order, same shapes), in the book's order of operations.
    ///
    /// # Panics
    /// If `params` and `grads` differ in number or shape, or from the state of earlier steps.
    ///
    /// ```
    /// use ndarray::array;
    /// use scratchnet_book::optim::{Optimizer, OptimizerConfig, OptimizerKind};
    /// let mut w = array![1.0, -2.0].into_dyn();
    /// let g = array![0.5, 0.5].into_dyn();
    /// let mut momentum = Optimizer::new(OptimizerConfig::new(OptimizerKind::Momentum).with_lr(0.1))?;
    /// momentum.update(&mut [w.view_mut()], &[g.view()]);
    /// momentum.update(&mut [w.view_mut()], &[g.view()]);
    /// // v = −0.05, then 0.9·(−0.05) − 0.05 = −0.095: W moves 0.145 in all
    /// approx::assert_abs_diff_eq!(w[0], 1.0 - 0.145, epsilon = 1e-12);
    /// # Ok::<(), scratchnet_book::Error>(())
    /// ```
    #[track_caller]
    // About 90 lines, one arm per rule, so that the six updates read side by side as in the
    // module's table.
    pub fn update(&mut self, params: &mut [ArrayViewMutD<T>], grads: &[ArrayViewD<T>]) {
        assert_eq!(params.len(), grads.len(), "one gradient per parameter");
        let c = self.config;
        let s = &mut self.state;
        let zeros = || {
            grads
                .iter()
                .map(|g| ArrayD::zeros(g.raw_dim()))
                .collect::<Vec<_>>()
        };
        let needs_first = matches!(
            c.kind,
            OptimizerKind::Momentum | OptimizerKind::Nesterov | OptimizerKind::Adam
        );
        let needs_second = matches!(
            c.kind,
            OptimizerKind::AdaGrad | OptimizerKind::RmsProp | OptimizerKind::Adam
        );
        if needs_first && s.first.is_empty() {
            s.first = zeros();
        }
        if needs_second && s.second.is_empty() {
            s.second = zeros();
        }
        s.step += 1;
        let (lr, eps, one) = (T::cast(c.lr), T::cast(EPSILON), T::one());
        let (momentum, decay_rate) = (T::cast(c.momentum), T::cast(c.decay_rate));
        let (beta1, beta2) = (T::cast(c.beta1), T::cast(c.beta2));
        for (i, (p, g)) in params.iter_mut().zip(grads).enumerate() {
            match c.kind {
                OptimizerKind::Sgd => Zip::from(p).and(g).for_each(|p, &g| *p -= lr * g),
                OptimizerKind::Momentum => {
                    Zip::from(p)
                        .and(&mut s.first[i])
                        .and(g)
                        .for_each(|p, v, &g| {
                            *v = momentum * *v - lr * g;
                            *p += *v;
                        })
                }
                OptimizerKind::Nesterov => {
                    Zip::from(p)
                        .and(&mut s.first[i])
                        .and(g)
                        .for_each(|p, v, &g| {
                            *p += momentum * momentum * *v;
                            *p -= (one + momentum) * lr * g;
                            *v *= momentum;
                            *v -= lr * g;
                        })
                }
                OptimizerKind::AdaGrad => {
                    Zip::from(p)
                        .and(&mut s.second[i])
                        .and(g)
                        .for_each(|p, h, &g| {
                            *h += g * g;
                            *p -= lr * g / (h.sqrt() + eps);
                        })
                }
                OptimizerKind::RmsProp => {
                    Zip::from(p)
                        .and(&mut s.second[i])
                        .and(g)
                        .for_each(|p, h, &g| {
                            *h *= decay_rate;
                            *h += (one - decay_rate) * g * g;
                            *p -= lr * g / (h.sqrt() + eps);
                        })
                }
                OptimizerKind::Adam => {
                    let t = s.step as f64; // powf is C's pow, as Python's float ** int
                    let lr_t =
                        T::cast(c.lr * (1.0 - c.beta2.powf(t)).sqrt() / (1.0 - c.beta1.powf(t)));
                    Zip::from(p)
                        .and(&mut s.first[i])
                        .and(&mut s.second[i])
                        .and(g)
                        .for_each(|p, m, v, &g| {
                            *m += (one - beta1) * (g - *m);
                            *v += (one - beta2) * (g * g - *v);
                            *p -= lr_t * *m / (v.sqrt() + eps);
                        });
                }
            }
        }
    }
}
