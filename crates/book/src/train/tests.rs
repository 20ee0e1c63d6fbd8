//! A numerical gradient reports its progress inside an iteration, and a stop during it abandons
//! the iteration: the run stands exactly where it was, and resumed (from memory or from a
//! checkpoint) ends bit for bit where a run never stopped does. And each iteration trains on
//! the mini-batch [`TrainConfig::batch_indices`] gives.

use std::ops::ControlFlow;
use std::time::{Duration, Instant};

use super::{GradMethod, Outcome, TrainConfig, TrainEvent, Training};
use crate::Mnist;
use crate::optim::OptimizerConfig;

/// A small run of the book's network with the book's numerical gradient: 784-`hidden`-10,
/// Adam (so that the update rule has state to keep), a mini-batch of `batch`.
fn config(hidden: usize, batch: usize, iters: usize) -> TrainConfig {
    TrainConfig {
        iters,
        batch_size: batch,
        hidden,
        grad: GradMethod::NumericalReference,
        optimizer: OptimizerConfig::new(crate::OptimizerKind::Adam).with_lr(0.01),
        seed: 7,
        ..TrainConfig::default()
    }
}

/// The parameters of 784-`hidden`-10: 39,760 for the book's 50 hidden units.
fn parameters(hidden: usize) -> usize {
    784 * hidden + hidden + hidden * 10 + 10
}

#[test]
fn a_numerical_gradient_reports_its_parameters_counting_up_to_the_total() {
    let mnist = Mnist::builtin();
    // 784-10-10, 7,960 parameters, on a mini-batch of 2: most of a second per gradient here
    // (the reports are 100 ms apart, so some fall inside it)
    let mut training = Training::new(config(10, 2, 2)).unwrap();
    let (mut events, mut order) = (Vec::new(), Vec::new());
    let outcome = training.run(&mnist, |event| {
        match event {
            TrainEvent::Gradient { iter, done, total } => {
                events.push((iter, done, total, Instant::now()));
                order.push(format!("gradient {iter}"));
            }
            TrainEvent::Iteration { iter, .. } => order.push(format!("iteration {iter}")),
            _ => {}
        }
        ControlFlow::Continue(())
    });
    assert_eq!(outcome, Outcome::Finished);
    let total = parameters(10);
    for iter in 0..2 {
        let seen: Vec<_> = events.iter().filter(|e| e.0 == iter).collect();
        let done: Vec<(usize, usize)> = seen.iter().map(|e| (e.1, e.2)).collect();
        assert_eq!(done.first(), Some(&(0, total)), "{done:?}");
        assert_eq!(done.last(), Some(&(total, total)), "{done:?}");
        assert!(
            done.windows(2).all(|w| w[0].0 < w[1].0 && w[1].1 == total),
            "done increases: {done:?}"
        );
        // the reports are 100 ms apart: a gradient of a quarter of a second has some inside
        let took = seen[seen.len() - 1].3 - seen[0].3;
        if took > Duration::from_millis(250) {
            assert!(done.len() > 2, "{done:?} in {took:?}");
        }
        // and none far apart (100 ms, and a generous margin for a busy machine)
        assert!(
            seen.windows(2)
                .all(|w| w[1].3 - w[0].3 < Duration::from_secs(1)),
            "a report every 100 ms or so"
        );
    }
    // each iteration's gradient is reported before the iteration ends
    let first_iteration = order.iter().position(|e| e == "iteration 0").unwrap();
    assert!(order[..first_iteration].iter().all(|e| e == "gradient 0"));
    assert_eq!(order[first_iteration + 1], "gradient 1");
}

#[test]
fn backpropagation_reports_no_gradient_progress() {
    let mnist = Mnist::builtin();
    for grad in [GradMethod::Backprop, GradMethod::BackpropReference] {
        let mut training = Training::new(TrainConfig {
            grad,
            ..config(5, 10, 3)
        })
        .unwrap();
        training.run(&mnist, |event| {
            assert!(!matches!(event, TrainEvent::Gradient { .. }), "{grad:?}");
            ControlFlow::Continue(())
        });
        assert_eq!(training.next_iter, 3);
    }
}

/// `training` as it stands once started on `mnist`: all as it was, but that its history knows
/// the epoch's length (which a run records when it starts).
fn started(training: &Training, mnist: &Mnist) -> Training {
    let mut started = training.clone();
    started.history.iters_per_epoch = training.config.iters_per_epoch(mnist.train.len());
    started
}

/// Runs `training` on `mnist`, stopping at the first report of iteration `at`'s gradient whose
/// `done` satisfies `when`.
fn stop_during(
    training: &mut Training,
    mnist: &Mnist,
    at: usize,
    mut when: impl FnMut(usize, usize) -> bool,
) -> Outcome {
    training.run(mnist, |event| match event {
        TrainEvent::Gradient { iter, done, total } if iter == at && when(done, total) => {
            ControlFlow::Break(())
        }
        _ => ControlFlow::Continue(()),
    })
}

#[test]
fn a_stop_during_a_gradient_abandons_the_iteration_and_a_resumed_run_ends_bit_for_bit() {
    let mnist = Mnist::builtin();
    // 784-3-10: 2,395 parameters, a gradient in a few tens of milliseconds; 5 iterations of a
    // mini-batch of 4 (an epoch is 1,250 iterations: one measured, at iteration 0)
    let config = config(3, 4, 5);
    let mut never_stopped = Training::new(config.clone()).unwrap();
    assert_eq!(
        never_stopped.run(&mnist, |_| ControlFlow::Continue(())),
        Outcome::Finished
    );

    // stopped at the first report of the first gradient: nothing happened
    let mut training = Training::new(config.clone()).unwrap();
    let before = started(&training, &mnist);
    let outcome = stop_during(&mut training, &mnist, 0, |_, _| true);
    assert_eq!(outcome, Outcome::Stopped { next_iter: 0 });
    assert_eq!(
        training, before,
        "weights, update rule, history and counter as they were"
    );

    // two iterations, then stopped when iteration 2's gradient is complete: iteration 2 is
    // abandoned all the same, the run stands after iteration 1
    assert_eq!(
        stop_during(&mut training, &mnist, 2, |done, total| done == total),
        Outcome::Stopped { next_iter: 2 }
    );
    let mut two = Training::new(TrainConfig {
        iters: 2,
        ..config.clone()
    })
    .unwrap();
    two.run(&mnist, |_| ControlFlow::Continue(()));
    assert_eq!(training.net, two.net);
    assert_eq!(training.optimizer, two.optimizer);
    assert_eq!(training.history.loss, two.history.loss);
    assert_eq!(training.next_iter, 2);

    // saved and resumed from the checkpoint, then run to the end: the run never stopped
    let dir = tempfile::tempdir().unwrap();
    training.save_checkpoint(dir.path()).unwrap();
    let mut resumed = Training::<crate::TwoLayerNet>::resume(dir.path()).unwrap();
    assert_eq!(resumed, training, "the checkpoint holds the run exactly");
    // and stopped once more on the way, at iteration 3's first report
    assert_eq!(
        stop_during(&mut resumed, &mnist, 3, |_, _| true),
        Outcome::Stopped { next_iter: 3 }
    );
    assert_eq!(
        resumed.run(&mnist, |_| ControlFlow::Continue(())),
        Outcome::Finished
    );
    assert_eq!(resumed.history.loss, never_stopped.history.loss);
    assert_eq!(resumed, never_stopped, "bit for bit");
}

#[test]
fn a_stop_comes_within_a_report_of_the_book_s_gradient() {
    let mnist = Mnist::builtin();
    // the book's network on a mini-batch of 100: its gradient takes tens of seconds here; a
    // stop asked at the first report after the start (100 ms in) ends the run at once
    let mut training = Training::new(config(50, 100, 1)).unwrap();
    let before = started(&training, &mnist);
    let mut started = None;
    let outcome = training.run(&mnist, |event| match event {
        TrainEvent::Gradient { done: 0, .. } => {
            started = Some(Instant::now());
            ControlFlow::Continue(())
        }
        TrainEvent::Gradient { .. } => ControlFlow::Break(()),
        _ => ControlFlow::Continue(()),
    });
    let took = started.expect("the gradient's start").elapsed();
    assert_eq!(outcome, Outcome::Stopped { next_iter: 0 });
    assert_eq!(training, before);
    // a report 100 ms in, and the parameter being nudged restored: well within a second
    assert!(took < Duration::from_secs(1), "{took:?}");
}

/// Iteration `i` trains on [`TrainConfig::batch_indices`]`(i, train size)`: a step taken by
/// hand on that mini-batch (the gradient by backpropagation, the update rule's step, the loss
/// after it) is the training's own iteration, to the last bit.
#[test]
fn each_iteration_trains_on_the_batch_indices_of_its_seed_and_number() {
    use crate::net::Network;
    let mnist = Mnist::builtin();
    let config = TrainConfig {
        iters: 5,
        batch_size: 7,
        hidden: 6,
        seed: 3,
        ..TrainConfig::default()
    };
    let one_iteration = |event: TrainEvent| match event {
        TrainEvent::Iteration { .. } => ControlFlow::Break(()),
        _ => ControlFlow::Continue(()),
    };
    let mut training = Training::new(config.clone()).unwrap();
    for iter in 0..config.iters {
        let rows = config.batch_indices(iter, mnist.train.len());
        let (x, t) = mnist.train.batch(&rows);
        let (mut net, mut optimizer) = (training.net.clone(), training.optimizer.clone());
        let (_, grads) = Network::gradient(&net, x.view(), t.as_slice().into());
        let grads: Vec<_> = grads.iter().map(|g| g.view()).collect();
        optimizer.update(&mut net.params_mut(), &grads);
        let loss = Network::loss(&net, x.view(), t.as_slice().into());

        let outcome = training.run(&mnist, one_iteration);
        let last = iter + 1 == config.iters;
        let expected = if last {
            Outcome::Finished
        } else {
            Outcome::Stopped {
                next_iter: iter + 1,
            }
        };
        assert_eq!(outcome, expected);
        assert_eq!(training.net, net, "iteration {iter}");
        assert_eq!(training.optimizer, optimizer, "iteration {iter}");
        assert_eq!(training.history.loss[iter].to_bits(), loss.to_bits());
    }
}

/// Chapter 6's network trains through [`Training::multi_layer`] as the book's `gradient` and
/// update, step by step, would: iteration `i` takes the mini-batch of
/// [`TrainConfig::batch_indices`] and draws Dropout's masks from
/// [`TrainConfig::dropout_random`]`(i)`; Batch Norm's running statistics move with each
/// training pass. Written out here with the network's own pieces, for three iterations.
#[test]
fn chapter_6_s_network_trains_as_its_steps_written_out() {
    use crate::net::Network;
    use crate::net::multi_layer::WeightInit;
    use crate::net::multi_layer_extend::MultiLayerNetExtend;
    use crate::random::Random;
    use crate::train::MultiLayerConfig;
    let mnist = Mnist::builtin();
    let config = TrainConfig {
        iters: 3,
        batch_size: 20,
        activation: crate::Activation::Relu,
        optimizer: OptimizerConfig::sgd(0.05),
        seed: 3,
        ..TrainConfig::default()
    }
    .with_multi_layer(MultiLayerConfig {
        hidden_size_list: vec![30, 20],
        weight_init: WeightInit::Xavier,
        use_batchnorm: true,
        dropout_ratio: Some(0.3),
        weight_decay_lambda: 0.02,
    });
    let mut training = Training::multi_layer(config.clone()).unwrap();
    assert_eq!(
        training.run(&mnist, |_| ControlFlow::Continue(())),
        Outcome::Finished
    );
    let mut net = MultiLayerNetExtend::new(
        784,
        &[30, 20],
        10,
        crate::Activation::Relu,
        WeightInit::Xavier,
        3,
    )
    .with_batch_norm()
    .with_dropout(0.3)
    .with_weight_decay(0.02);
    let mut losses = Vec::new();
    for i in 0..3 {
        let rows = config.batch_indices(i, mnist.train.len());
        let (x, labels) = mnist.train.batch(&rows);
        let mut random = config.dropout_random(i);
        let (_, grads) = net.training_gradient(x.view(), labels[..].into(), &mut random);
        for (mut p, g) in net.params_mut().into_iter().zip(&grads) {
            p.scaled_add(-0.05, g);
        }
        losses.push(net.loss(x.view(), labels[..].into()));
    }
    assert_eq!(training.history.loss, losses);
    assert_eq!(training.net, net, "weights and running statistics");
    // the masks differ from one iteration to the next
    let first = config.dropout_random(0).random_sample();
    let second = config.dropout_random(1).random_sample();
    assert_ne!(first, second);
}

/// `--rng numpy`: the run the book's `train_neuralnet.py` loop makes after `np.random.seed(0)`,
/// for chapter 4's `TwoLayerNet`, chapter 5's (ReLU) and chapter 6's `MultiLayerNetExtend` with
/// Batch Norm, Dropout 0.2 and weight decay 0.01, on the built-in slice read as `float32`
/// (`tests/reference/train_numpy.py` runs the book's own classes): the same accuracies, the
/// same losses to 1e-12 relative (matrix products sum in another order than OpenBLAS's), and
/// NumPy's generator where the book's stands afterwards (its next `rand()`).
#[test]
fn numpy_s_generator_trains_as_the_book_s_loop() {
    use crate::random::{Generator, Random};
    use crate::train::{MultiLayerConfig, Training};
    use crate::{Activation, net::multi_layer::WeightInit};
    let golden: serde_json::Value =
        serde_json::from_str(include_str!("../../../../tests/reference/train_numpy.json")).unwrap();
    let mnist = Mnist::builtin();
    let book = TrainConfig {
        iters: golden["iters"].as_u64().unwrap() as usize,
        rng: Generator::Numpy,
        ..TrainConfig::default()
    };
    let relu = TrainConfig {
        activation: Activation::Relu,
        ..book.clone()
    };
    let extend = relu.clone().with_multi_layer(MultiLayerConfig {
        hidden_size_list: vec![40, 30],
        weight_init: WeightInit::He,
        use_batchnorm: true,
        dropout_ratio: Some(0.2),
        weight_decay_lambda: 0.01,
    });
    let cases = golden["cases"].as_array().unwrap();
    for (config, case) in [book, relu, extend].into_iter().zip(cases) {
        let name = case["name"].as_str().unwrap();
        let mut run = crate::train::AnyTraining::new(config).unwrap();
        run.run(&mnist, |_| ControlFlow::Continue(()));
        let (history, stream) = (run.history().clone(), run.stream().cloned());
        let numbers = |key: &str| -> Vec<f64> {
            case[key]
                .as_array()
                .unwrap()
                .iter()
                .map(|v| v.as_f64().unwrap())
                .collect()
        };
        let accuracies: Vec<(f64, f64)> = history
            .epochs
            .iter()
            .map(|e| (e.train_acc, e.test_acc))
            .collect();
        let book: Vec<(f64, f64)> = numbers("train_acc")
            .into_iter()
            .zip(numbers("test_acc"))
            .collect();
        assert_eq!(accuracies, book, "{name}");
        for (i, (ours, theirs)) in history.loss.iter().zip(numbers("loss")).enumerate() {
            assert!(
                approx::relative_eq!(*ours, theirs, max_relative = 1e-12),
                "{name}: loss {ours} at iteration {i}, the book's {theirs}"
            );
        }
        assert_eq!(
            stream.unwrap().random_sample(),
            case["after_draw"].as_f64().unwrap(),
            "{name}: NumPy's generator stands where the book's does"
        );
        // Training::with_network cannot take NumPy's draws: they start with the network
        let net = crate::TwoLayerNet::new(784, 50, 10, 0.01, Activation::Sigmoid, 0);
        assert!(Training::with_network(run.config().clone(), net).is_err());
    }
}

/// With NumPy's generator, a run with Batch Norm and Dropout stopped after 30 iterations and
/// resumed from its checkpoint draws the batches and masks an uninterrupted one draws: the same
/// weights and running statistics, to the bit.
#[test]
fn a_numpy_run_resumes_exactly_from_its_checkpoint() {
    use crate::random::Generator;
    use crate::train::{AnyTraining, MultiLayerConfig};
    let mnist = Mnist::builtin();
    let config = TrainConfig {
        iters: 60,
        rng: Generator::Numpy,
        seed: 4,
        ..TrainConfig::default()
    }
    .with_multi_layer(MultiLayerConfig {
        hidden_size_list: vec![20],
        use_batchnorm: true,
        dropout_ratio: Some(0.5),
        ..MultiLayerConfig::default()
    });
    let mut whole = AnyTraining::new(config.clone()).unwrap();
    let AnyTraining::MultiLayer(t) = &mut whole else {
        panic!()
    };
    t.run(&mnist, |_| ControlFlow::Continue(()));
    let mut first = AnyTraining::new(TrainConfig {
        iters: 30,
        ..config
    })
    .unwrap();
    let AnyTraining::MultiLayer(t) = &mut first else {
        panic!()
    };
    t.run(&mnist, |_| ControlFlow::Continue(()));
    let dir = tempfile::tempdir().unwrap();
    first.save_checkpoint(dir.path()).unwrap();
    let mut resumed = AnyTraining::resume(dir.path()).unwrap();
    resumed.config_mut().iters = 60;
    let AnyTraining::MultiLayer(t) = &mut resumed else {
        panic!()
    };
    t.run(&mnist, |_| ControlFlow::Continue(()));
    assert_eq!(resumed, whole);
}

/// A Batch Norm network whose weights blow up is put back whole: its weights and its running
/// statistics as they were at the start of the epoch (the first iteration's, here), all finite,
/// so that the file a diverged run saves reads images.
#[test]
fn a_diverged_batch_norm_network_is_put_back_with_its_running_statistics() {
    use crate::net::Network;
    use crate::train::{MultiLayerConfig, Training};
    let mnist = Mnist::builtin();
    let config = TrainConfig {
        iters: 40,
        optimizer: OptimizerConfig::sgd(1e300),
        ..TrainConfig::default()
    }
    .with_multi_layer(MultiLayerConfig {
        hidden_size_list: vec![10],
        use_batchnorm: true,
        ..MultiLayerConfig::default()
    });
    let mut training = Training::multi_layer(config).unwrap();
    let start = training.net.clone();
    let outcome = training.run(&mnist, |_| ControlFlow::Continue(()));
    assert!(
        matches!(outcome, Outcome::Diverged { weights_of: 0, .. }),
        "{outcome:?}"
    );
    assert_eq!(training.net, start, "weights and running statistics");
    assert!(training.net.is_finite());
}

/// `train --network simple-conv --rng numpy`: the run the book's `train_convnet.py` makes after
/// `np.random.seed(0)` (its `Trainer`, Adam 0.001, batch 100, each epoch measured on the first
/// 1,000 images), 60 iterations on the built-in slice (`tests/reference/ch07.py` runs the book's
/// own classes). The same accuracies exactly, the same losses to 1e-10 relative (matrix
/// products sum in another order, and Adam carries the difference along), and its final
/// test accuracy, which the book measures on the whole test set.
#[test]
fn the_convolutional_network_trains_as_train_convnet_py() {
    let book = crate::reference::Case(&crate::reference::reference()["train_convnet"]);
    let mnist = Mnist::builtin();
    let config = TrainConfig {
        iters: book.usize("iterations"),
        rng: crate::random::Generator::Numpy,
        ..TrainConfig::train_convnet()
    };
    let mut training = Training::simple_conv(config).unwrap();
    let outcome = training.run(&mnist, |_| ControlFlow::Continue(()));
    assert_eq!(outcome, Outcome::Finished);
    let losses: Vec<f64> = serde_json::from_value(book.0["train_loss"].clone()).unwrap();
    assert_eq!(training.history.loss.len(), losses.len());
    for (i, (ours, theirs)) in training.history.loss.iter().zip(&losses).enumerate() {
        approx::assert_relative_eq!(*ours, *theirs, max_relative = 1e-10);
        assert!(ours.is_finite(), "iteration {i}");
    }
    let accuracies =
        |key: &str| -> Vec<f64> { serde_json::from_value(book.0[key].clone()).unwrap() };
    let ours: Vec<(f64, f64)> = training
        .history
        .epochs
        .iter()
        .map(|e| (e.train_acc, e.test_acc))
        .collect();
    let theirs: Vec<(f64, f64)> = accuracies("train_acc")
        .into_iter()
        .zip(accuracies("test_acc"))
        .collect();
    assert_eq!(ours, theirs);
    let last = training.history.final_accuracy.unwrap();
    assert_eq!(last.test_acc, book.f64("final_test_acc"));
    approx::assert_relative_eq!(training.net.b3, book.array1("b3"), max_relative = 1e-8);
}
