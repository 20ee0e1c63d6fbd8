//! The engine's numerical gradient (`--grad numerical`, on all cores) reports its progress
//! from the calling thread while the others compute, and a stop during it abandons the
//! iteration: the run stands exactly where it was, and resumed ends bit for bit where a run
//! never stopped does.

use std::ops::ControlFlow;
use std::time::{Duration, Instant};

use ndarray::Array2;
use scratchnet_book::net::GradientProgress;
use scratchnet_book::optim::OptimizerConfig;
use scratchnet_book::train::{GradMethod, Outcome, TrainConfig, TrainEvent, Training};
use scratchnet_book::{Activation, Mnist, OptimizerKind, TwoLayerNet};

use crate::numerical::{numerical_gradient, numerical_gradient_watched};
use crate::{TrainingData, run};

/// The first `n` training images of the built-in slice and their labels.
fn batch(mnist: &Mnist, n: usize) -> (Array2<f64>, Vec<usize>) {
    let rows: Vec<usize> = (0..n).collect();
    let (x, _) = mnist.train.batch(&rows);
    let labels = rows
        .iter()
        .map(|&i| usize::from(mnist.train.labels[i]))
        .collect();
    (x, labels)
}

#[test]
fn the_numerical_gradient_reports_from_the_calling_thread_and_gives_up_when_asked() {
    let mnist = Mnist::builtin();
    let (x, t) = batch(&mnist, 20);
    let net = TwoLayerNet::new(784, 50, 10, 0.01, Activation::Sigmoid, 3);
    let whole = numerical_gradient(&net, x.view(), &t, 2);
    // every report (a report each millisecond while the threads compute W1)
    let mut seen = Vec::new();
    let mut report = |done, total| {
        seen.push((done, total, std::thread::current().id()));
        ControlFlow::Continue(())
    };
    let mut progress = GradientProgress::with_interval(Duration::ZERO, &mut report);
    let watched = numerical_gradient_watched(&net, x.view(), &t, 2, &mut progress);
    assert_eq!(
        watched.as_ref(),
        Some(&whole),
        "the same numbers, watched or not"
    );
    let here = std::thread::current().id();
    assert!(
        seen.iter().all(|s| s.1 == 39_760 && s.2 == here),
        "{seen:?}"
    );
    assert_eq!(seen.first().map(|s| s.0), Some(0));
    assert_eq!(seen.last().map(|s| s.0), Some(39_760));
    assert!(
        seen.windows(2).all(|w| w[0].0 <= w[1].0),
        "done never goes down"
    );
    // some inside W1 (the threads') and some after it (this thread's b1, W2, b2)
    assert!(seen.iter().any(|s| 0 < s.0 && s.0 < 784 * 50), "{seen:?}");
    assert!(seen.iter().any(|s| 784 * 50 < s.0 && s.0 < 39_760));

    // asked to stop, in W1 (the threads give up after their row) and after it
    for at in [1, 784 * 50 + 1] {
        let mut stop = |done, _| {
            if done >= at {
                ControlFlow::Break(())
            } else {
                ControlFlow::Continue(())
            }
        };
        let mut progress = GradientProgress::with_interval(Duration::ZERO, &mut stop);
        let started = Instant::now();
        assert_eq!(
            numerical_gradient_watched(&net, x.view(), &t, 2, &mut progress),
            None
        );
        assert!(started.elapsed() < Duration::from_secs(1), "{at}");
    }
}

fn config(iters: usize) -> TrainConfig {
    TrainConfig {
        iters,
        batch_size: 20,
        grad: GradMethod::Numerical,
        optimizer: OptimizerConfig::new(OptimizerKind::Momentum).with_lr(0.05),
        threads: 2,
        seed: 11,
        ..TrainConfig::default()
    }
}

#[test]
fn a_stop_during_the_engine_s_numerical_gradient_abandons_the_iteration() {
    let mnist = Mnist::builtin();
    let data = TrainingData::new(&mnist);
    let go_on = |_: TrainEvent| ControlFlow::Continue(());
    let mut never_stopped = Training::new(config(4)).unwrap();
    assert_eq!(run(&mut never_stopped, &data, go_on), Outcome::Finished);

    // each gradient reported from its start to the total, 39,760 parameters
    let mut training = Training::new(config(4)).unwrap();
    let mut reports = Vec::new();
    let outcome = run(&mut training, &data, |event| match event {
        TrainEvent::Gradient { iter, done, total } => {
            reports.push((iter, done, total));
            // the first report of iteration 1's gradient after its start
            if iter == 1 && done > 0 {
                ControlFlow::Break(())
            } else {
                ControlFlow::Continue(())
            }
        }
        _ => ControlFlow::Continue(()),
    });
    assert_eq!(outcome, Outcome::Stopped { next_iter: 1 });
    assert_eq!(reports.first(), Some(&(0, 0, 39_760)));
    assert!(reports.contains(&(0, 39_760, 39_760)), "{reports:?}");
    let mut one = Training::new(config(1)).unwrap();
    assert_eq!(run(&mut one, &data, go_on), Outcome::Finished);
    assert_eq!(
        (&training.net, &training.optimizer, &training.history.loss),
        (&one.net, &one.optimizer, &one.history.loss),
        "the run stands after iteration 0"
    );
    assert_eq!(training.next_iter, 1);

    // stopped again at the very start of iteration 2's gradient, then to the end
    let outcome = run(&mut training, &data, |event| match event {
        TrainEvent::Gradient { iter: 2, .. } => ControlFlow::Break(()),
        _ => ControlFlow::Continue(()),
    });
    assert_eq!(outcome, Outcome::Stopped { next_iter: 2 });
    assert_eq!(run(&mut training, &data, go_on), Outcome::Finished);
    assert_eq!(training, never_stopped, "bit for bit");
}
