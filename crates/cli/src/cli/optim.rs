//! The flags that choose an update rule, shared by `descend` and `train`.

use scratchnet_book::optim::RuleSettings;
use scratchnet_book::{OptimizerConfig, OptimizerKind};

use super::args;

/// `--optimizer` and its settings. The learning rate is each command's own `--lr`.
#[derive(Debug, clap::Args)]
pub struct OptimizerArgs {
    /// The update rule (the book's chapter 6) [default: sgd; adam for train --network
    /// simple-conv, as train_convnet.py]
    #[arg(long, value_enum, ignore_case = true)]
    pub optimizer: Option<OptimizerKind>,
    /// Momentum and Nesterov: the fraction α of the velocity kept, in [0, 1) [default: 0.9,
    /// the book's]
    #[arg(long, value_parser = args::unit_interval, allow_hyphen_values = true)]
    pub momentum: Option<f64>,
    /// RMSprop: the fraction ρ of the squared-gradient average kept, in [0, 1) [default: 0.99,
    /// the book's]
    #[arg(long, value_parser = args::unit_interval, allow_hyphen_values = true)]
    pub decay_rate: Option<f64>,
    /// Adam: β1, the decay of the gradient average, in [0, 1) [default: 0.9, the book's]
    #[arg(long, value_parser = args::unit_interval, allow_hyphen_values = true)]
    pub beta1: Option<f64>,
    /// Adam: β2, the decay of the squared-gradient average, in [0, 1) [default: 0.999, the
    /// book's]
    #[arg(long, value_parser = args::unit_interval, allow_hyphen_values = true)]
    pub beta2: Option<f64>,
}

impl OptimizerArgs {
    /// The rule given, else `default`.
    pub fn kind_or(&self, default: OptimizerKind) -> OptimizerKind {
        self.optimizer.unwrap_or(default)
    }

    /// The rule given (else `default`) with learning rate `lr`, the settings not given being
    /// the book's.
    pub fn config(&self, default: OptimizerKind, lr: f64) -> OptimizerConfig {
        let given = RuleSettings {
            momentum: self.momentum,
            decay_rate: self.decay_rate,
            beta1: self.beta1,
            beta2: self.beta2,
        };
        OptimizerConfig::with_settings(self.kind_or(default), lr, given)
    }
}
