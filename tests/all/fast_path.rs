//! The fast training path (`scratchnet::engine`, `--grad backprop`) against the reference path (the
//! book's dense layers, `--grad backprop-reference`), which the gradient check ties to the
//! numerical gradient.

use crate::common;

use common::{slice, train};

use std::ops::ControlFlow;

use ndarray::{Array2, ArrayD, ArrayView1, ArrayView2, ArrayViewD};
use scratchnet::engine::Real;
use scratchnet::engine::images::{PixelGroups, SparseImages};
use scratchnet::engine::net::{SparseNet, Workspace};
use scratchnet::real::Dtype;
use scratchnet::train::{GradMethod, Outcome, TrainConfig, TrainEvent, Training};
use scratchnet::{Activation, Error, OptimizerConfig, OptimizerKind, TwoLayerNet};

/// `‖a − b‖ / ‖b‖` over every number.
fn relative_difference<T: Real>(a: &[ArrayViewD<T>], b: &[ArrayViewD<f64>]) -> f64 {
    assert_eq!(a.len(), b.len(), "as many arrays");
    let (mut diff, mut size) = (0.0, 0.0);
    for (a, b) in a.iter().zip(b) {
        assert_eq!(a.shape(), b.shape());
        for (&p, &q) in a.iter().zip(b.iter()) {
            diff += (p.widen() - q).powi(2);
            size += q * q;
        }
    }
    // relative to the gradient's size, or absolute where that is below 1: a gradient that
    // cancels to nearly 0 (a balanced batch on dead units gives ∂L/∂b2 ≈ 1e-17 in f64) is
    // matched to rounding, not to a relative error of its noise
    (diff / size.max(1.0)).sqrt()
}

/// Views of `arrays`.
fn views<T>(arrays: &[ArrayD<T>]) -> Vec<ArrayViewD<'_, T>> {
    arrays.iter().map(|a| a.view()).collect()
}

/// The sparse gradient of `net` on images `rows`, without the padding, and its loss.
fn sparse_gradient<T: Real>(
    net: &TwoLayerNet,
    x: &SparseImages,
    rows: &[usize],
    labels: &[usize],
) -> (f64, Vec<ArrayD<T>>) {
    let sparse = SparseNet::<T>::from_net(net);
    let mut ws = Workspace::new(&sparse);
    let mut batch = PixelGroups::empty(x.width());
    batch.fill(x, rows);
    let loss = sparse.gradient(&batch, labels, &mut ws);
    (loss, sparse.unpadded(&ws.grads))
}

#[test]
fn the_sparse_gradient_is_the_dense_one() {
    let data = slice();
    let x = SparseImages::new(data.train.images.view());
    // a batch drawn with a repeat, as sampling with replacement gives
    let rows = [7, 4_999, 123, 4_000, 7, 3_137];
    let (dense_x, labels) = data.train.batch(&rows);
    for activation in Activation::ALL {
        // 50 hidden units: not a multiple of the kernels' block, so the padding is exercised
        let net = TwoLayerNet::new(784, 50, 10, 0.1, activation, 11);
        let (loss, reference) = net.gradient(dense_x.view(), &labels);
        let reference = reference.views();

        let (loss64, g64) = sparse_gradient::<f64>(&net, &x, &rows, &labels);
        approx::assert_relative_eq!(loss64, loss, max_relative = 1e-13);
        let d = relative_difference(&views(&g64), &reference);
        assert!(d < 1e-13, "{activation} f64: relative difference {d}");

        let (loss32, g32) = sparse_gradient::<f32>(&net, &x, &rows, &labels);
        approx::assert_relative_eq!(loss32, loss, max_relative = 1e-6);
        let d = relative_difference(&views(&g32), &reference);
        assert!(d < 1e-5, "{activation} f32: relative difference {d}");
    }
}

#[test]
fn pixel_groups_and_batches_transpose_the_images() {
    // an independent transposition: the dense matrix's columns, four by four
    let images = Array2::from_shape_fn((7, 9), |(i, p)| ((i * 9 + p) * 37 % 11) as u8 * 20);
    let x = SparseImages::new(images.view());
    let run = PixelGroups::new(&x, 2..7);
    let rows = [2, 3, 4, 5, 6];
    let mut batch = PixelGroups::<f64>::empty(9);
    batch.fill(&x, &rows);
    let mut from_run = PixelGroups::<f64>::empty(9);
    from_run.fill_from(&run);
    let value = |i: usize, p: usize| if p < 9 { images[[i, p]] } else { 0 };
    for q in 0..3 {
        let expected: Vec<(u16, [u8; 4])> = (2..7)
            .map(|i| ((i - 2) as u16, std::array::from_fn(|g| value(i, 4 * q + g))))
            .filter(|(_, v)| v != &[0; 4])
            .collect();
        assert!(!expected.is_empty(), "group {q} has ink somewhere");
        let (r, v) = run.group(q);
        assert_eq!(
            r.iter().copied().zip(v.iter().copied()).collect::<Vec<_>>(),
            expected
        );
        for b in [&batch, &from_run] {
            let (r, v) = b.group(q);
            let got: Vec<(u16, [f64; 4])> = r.iter().copied().zip(v.iter().copied()).collect();
            let want: Vec<(u16, [f64; 4])> = expected
                .iter()
                .map(|&(r, v)| (r, v.map(|v| f64::from(v) / 255.0)))
                .collect();
            assert_eq!(got, want, "group {q}");
        }
    }
}

#[test]
fn the_fast_path_trains_as_the_reference_path_does() {
    let data = slice();
    let config = TrainConfig {
        iters: 601,
        seed: 5,
        ..TrainConfig::default()
    };
    let reference = train(
        TrainConfig {
            grad: GradMethod::BackpropReference,
            ..config.clone()
        },
        data,
    );
    let fast = train(config.clone(), data);
    // the same sums in another order: the losses agree to about 13 digits after 601 steps
    for (a, b) in fast.history.loss.iter().zip(&reference.history.loss) {
        approx::assert_relative_eq!(a, b, max_relative = 1e-10);
    }
    let d = relative_difference(&fast.net.params.views(), &reference.net.params.views());
    assert!(d < 1e-10, "weights: relative difference {d}");
    for (a, b) in fast.history.epochs.iter().zip(&reference.history.epochs) {
        // an image whose two best scores tie to 13 digits may go either way
        assert!((a.train_acc - b.train_acc).abs() <= 2.0 / data.train.len() as f64);
        assert!((a.test_acc - b.test_acc).abs() <= 2.0 / data.test.len() as f64);
    }

    // f32: the same learning, to about 6 digits
    let f32_run = train(
        TrainConfig {
            dtype: Dtype::F32,
            ..config
        },
        data,
    );
    let last = |t: &Training| t.history.epochs.last().unwrap().test_acc;
    assert!((last(&f32_run) - last(&reference)).abs() < 0.002);
    let d = relative_difference(&f32_run.net.params.views(), &reference.net.params.views());
    assert!(d < 1e-4, "f32 weights: relative difference {d}");
}

#[test]
fn the_thread_count_and_stopping_change_nothing_in_f32() {
    let data = slice();
    let config = TrainConfig {
        iters: 650,
        hidden: 20,
        dtype: Dtype::F32,
        optimizer: OptimizerConfig::new(OptimizerKind::Adam),
        threads: 1,
        ..TrainConfig::default()
    };
    let one = same_on_one_thread_and_two(&config);

    // The fast path reports an epoch's accuracies when the next measurement starts (they are
    // measured on the helper thread meanwhile): stopping there stops before the next epoch's
    // iteration, 50 on the slice's 5,000 images.
    let mut helped = Training::new(TrainConfig {
        threads: 2,
        ..config.clone()
    })
    .unwrap();
    let outcome = common::engine_run(&mut helped, data, |e| match e {
        TrainEvent::Epoch(_) => ControlFlow::Break(()),
        _ => ControlFlow::Continue(()),
    });
    assert_eq!(outcome, Outcome::Stopped { next_iter: 50 });
    assert_eq!(helped.history.epochs.len(), 1);
    common::engine_run(&mut helped, data, |_| ControlFlow::Continue(()));
    helped.config.threads = 1;
    assert_eq!(
        helped, one,
        "stopped at an epoch with a helper thread and resumed"
    );

    let dir = tempfile::tempdir().unwrap();
    let mut first = Training::new(config).unwrap();
    let outcome = common::engine_run(&mut first, data, |e| match e {
        TrainEvent::Iteration { iter: 300, .. } => ControlFlow::Break(()),
        _ => ControlFlow::Continue(()),
    });
    assert_eq!(outcome, Outcome::Stopped { next_iter: 301 });
    first.save_checkpoint(dir.path()).unwrap();
    let mut resumed = Training::resume(dir.path()).unwrap();
    resumed.config.threads = 1; // not saved: a setting of the machine, not of the run
    assert_eq!(
        resumed, first,
        "f32 weights and Adam's moments survive the checkpoint"
    );
    common::engine_run(&mut resumed, data, |_| ControlFlow::Continue(()));
    assert_eq!(
        resumed, one,
        "stopped and resumed ends where the whole run does"
    );
}

#[test]
fn f32_is_refused_for_numerical_gradients() {
    for grad in [
        GradMethod::Numerical,
        GradMethod::NumericalReference,
        GradMethod::BackpropReference,
    ] {
        let err = Training::new(TrainConfig {
            grad,
            dtype: Dtype::F32,
            ..TrainConfig::default()
        })
        .unwrap_err();
        assert!(
            matches!(err, Error::Config { what: "dtype", .. }),
            "{grad:?}: {err}"
        );
        assert!(
            err.to_string()
                .contains("f32 works with the backprop gradient only")
        );
    }
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(48))]

    /// On random sparse images of any width (not only multiples of the 4-pixel groups) and any
    /// hidden size (not only multiples of the 32- or 64-unit blocks), with repeated rows, the
    /// fast gradient is the dense one: 1e-13 in f64, 1e-5 in f32.
    #[test]
    fn the_sparse_gradient_is_the_dense_one_for_any_shape(
        width in 1usize..40,
        hidden in 1usize..80,
        classes in 2usize..12,
        seed in 0u64..1000,
        relu in proptest::bool::ANY,
        images in proptest::collection::vec(proptest::collection::vec(
            proptest::prop_oneof![3 => proptest::strategy::Just(0u8), 1 => 1u8..=255], 40), 1..9),
        rows in proptest::collection::vec(0usize..8, 1..12),
    ) {
        sparse_is_dense(width, hidden, classes, seed, relu, &images, &rows)?;
    }
}

/// A case proptest found: one pixel, one hidden unit, every image blank, so the unit is dead
/// (ReLU at exactly 0) and a balanced batch of 9 makes ∂L/∂b2 cancel to ≈ 1e-17.
#[test]
fn a_dead_unit_on_a_balanced_batch_matches() {
    let mut images = vec![vec![0u8; 40]; 7];
    images[4][0] = 138;
    images[6][0] = 157;
    sparse_is_dense(1, 1, 3, 0, true, &images, &[7, 1, 5, 3, 1, 1, 2, 5, 0]).unwrap();
}

/// The fast gradient against the dense one on `images` (rows of 40 pixels, the first `width`
/// used) at `rows`: 1e-13 in f64, 1e-5 in f32 ([`relative_difference`]).
fn sparse_is_dense(
    width: usize,
    hidden: usize,
    classes: usize,
    seed: u64,
    relu: bool,
    images: &[Vec<u8>],
    rows: &[usize],
) -> Result<(), proptest::test_runner::TestCaseError> {
    let n = images.len();
    let pixels = Array2::from_shape_fn((n, width), |(i, p)| images[i][p]);
    let x = SparseImages::new(pixels.view());
    let rows: Vec<usize> = rows.iter().map(|&r| r % n).collect();
    let labels: Vec<usize> = rows.iter().map(|&r| (r * 7 + 3) % classes).collect();
    let dense_x = pixels
        .select(ndarray::Axis(0), &rows)
        .mapv(|v| f64::from(v) / 255.0);
    let activation = if relu {
        Activation::Relu
    } else {
        Activation::Sigmoid
    };
    let net = TwoLayerNet::new(width, hidden, classes, 0.5, activation, seed);
    let (loss, reference) = net.gradient(dense_x.view(), &labels);

    let (loss64, g64) = sparse_gradient::<f64>(&net, &x, &rows, &labels);
    proptest::prop_assert!((loss64 - loss).abs() <= 1e-13 * loss.abs().max(1.0));
    let d = relative_difference(&views(&g64), &reference.views());
    proptest::prop_assert!(d <= 1e-13, "f64: relative difference {}", d);

    let (loss32, g32) = sparse_gradient::<f32>(&net, &x, &rows, &labels);
    proptest::prop_assert!((loss32 - loss).abs() <= 1e-5 * loss.abs().max(1.0));
    let d = relative_difference(&views(&g32), &reference.views());
    proptest::prop_assert!(d <= 1e-5, "f32: relative difference {}", d);
    Ok(())
}

/// The shapes a learner tries, beyond the book's 784-50-10 at batch 100: hidden layers of 1 to
/// 2,000 units (multiples of the kernels' blocks and not), batches of 1 to 1,000, MNIST's
/// sparse images and dense ones (no pixel 0, where the engine's sparsity saves nothing). The
/// fast gradient is the book's dense one (1e-13 in f64, 1e-5 in f32), and split between two
/// cores it is the same to the bit as on one.
#[test]
fn the_engine_is_the_book_at_every_shape() {
    let mut rng = <rand::rngs::ChaCha8Rng as rand::SeedableRng>::seed_from_u64(3);
    for (hidden, batch, dense) in [
        (1, 1, false),
        (63, 7, true),
        (64, 50, false),
        (65, 100, false),
        (200, 1000, true),
        (1000, 100, false),
        (1000, 1000, false),
        (2000, 300, true),
    ] {
        let (x, labels, dense_x) = random_batch(&mut rng, batch, dense);
        let net = TwoLayerNet::new(784, hidden, 10, 0.1, Activation::Sigmoid, hidden as u64);
        let (loss, reference) = net.gradient(dense_x.view(), &labels);
        let p = &net.params;
        let layers = [(p.w1.view(), p.b1.view()), (p.w2.view(), p.b2.view())];
        let shape = format!("hidden {hidden}, batch {batch}, dense {dense}");
        let book = (loss, &reference.into_vec()[..]);
        the_engine_gives(book, &layers, net.activation, (&x, &labels), &shape);
    }
}

/// `batch` training images of the slice drawn with `rng`, made dense (no pixel 0, where the
/// engine's sparsity saves nothing) if `dense`: as the engine takes them, their labels, and as
/// the book's dense `x`.
fn random_batch(
    rng: &mut rand::rngs::ChaCha8Rng,
    batch: usize,
    dense: bool,
) -> (SparseImages, Vec<usize>, Array2<f64>) {
    let data = slice();
    let rows: Vec<usize> = (0..batch)
        .map(|_| rand::RngExt::random_range(rng, 0..data.train.len()))
        .collect();
    let mut pixels = data.train.images.select(ndarray::Axis(0), &rows);
    if dense {
        pixels.mapv_inplace(|v| v.max(1));
    }
    let labels = rows
        .iter()
        .map(|&r| usize::from(data.train.labels[r]))
        .collect();
    let dense_x = pixels.mapv(|v| f64::from(v) / 255.0);
    (SparseImages::new(pixels.view()), labels, dense_x)
}

/// Checks that the engine's loss and gradient of the network of `layers` on the images `x`
/// against `labels` are the book's `(loss, gradient)` (1e-13 in f64, 1e-5 in f32), and the same
/// to the bit with the first layer split between two cores as on one.
fn the_engine_gives(
    (loss, reference): (f64, &[ArrayD<f64>]),
    layers: &[(ArrayView2<f64>, ArrayView1<f64>)],
    activation: Activation,
    (x, labels): (&SparseImages, &[usize]),
    shape: &str,
) {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(2)
        .build()
        .unwrap();
    let reference = views(reference);
    fn one_core_and_two<T: Real>(
        layers: &[(ArrayView2<f64>, ArrayView1<f64>)],
        activation: Activation,
        (x, labels): (&SparseImages, &[usize]),
        pool: &rayon::ThreadPool,
    ) -> (f64, Vec<ArrayD<T>>, Vec<ArrayD<T>>) {
        let sparse = SparseNet::<T>::from_layers(layers, activation);
        let mut batch = PixelGroups::empty(x.width());
        batch.fill(x, &(0..x.len()).collect::<Vec<_>>());
        let mut one = Workspace::new(&sparse);
        let loss = sparse.gradient(&batch, labels, &mut one);
        let mut two = Workspace::new(&sparse).on_cores(2);
        pool.install(|| sparse.gradient(&batch, labels, &mut two));
        (
            loss,
            sparse.unpadded(&one.grads),
            sparse.unpadded(&two.grads),
        )
    }
    let (loss64, one, two) = one_core_and_two::<f64>(layers, activation, (x, labels), &pool);
    approx::assert_relative_eq!(loss64, loss, max_relative = 1e-13);
    let d = relative_difference(&views(&one), &reference);
    assert!(d < 1e-13, "{shape}, f64: relative difference {d}");
    assert_eq!(one, two, "{shape}, f64: one core and two");

    let (loss32, one, two) = one_core_and_two::<f32>(layers, activation, (x, labels), &pool);
    approx::assert_relative_eq!(loss32, loss, max_relative = 1e-5);
    let d = relative_difference(&views(&one), &reference);
    assert!(d < 1e-5, "{shape}, f32: relative difference {d}");
    assert_eq!(one, two, "{shape}, f32: one core and two");
}

/// At a shape whose steps are split between the cores (784-1000-10 at batch 200), a run on two
/// threads is the run on one, to the bit: weights, history and the update rule's state.
#[test]
fn a_wide_network_trains_the_same_on_one_core_and_two() {
    let config = TrainConfig {
        iters: 30,
        hidden: 1000,
        batch_size: 200,
        dtype: Dtype::F32,
        optimizer: OptimizerConfig::new(OptimizerKind::Momentum),
        threads: 1,
        ..TrainConfig::default()
    };
    same_on_one_thread_and_two(&config);
}

/// The run `config` asks for (whose `threads` is 1) on the slice, to the end, after checking
/// that on two threads it ends the same to the bit: weights, history and the update rule's state.
fn same_on_one_thread_and_two(config: &TrainConfig) -> Training {
    let data = slice();
    let one = train(config.clone(), data);
    let two = train(
        TrainConfig {
            threads: 2,
            ..config.clone()
        },
        data,
    );
    assert_eq!(
        (&one.net, &one.history, &one.optimizer),
        (&two.net, &two.history, &two.optimizer),
        "1 and 2 threads"
    );
    one
}

/// Deeper networks (the book's `MultiLayerNet`) on the engine: the gradient through 2 to 4
/// hidden layers of 1 to 1,000 units (multiples of the kernels' blocks and not), batches of 1
/// to 300, sparse and dense images, is the book's layers' (1e-13 in f64, 1e-5 in f32), and the
/// same to the bit when the first layer is split between two cores.
#[test]
fn the_engine_computes_deeper_networks_as_the_books_layers_do() {
    use scratchnet::net::Network;
    use scratchnet::net::multi_layer::{MultiLayerNet, WeightInit};
    let mut rng = <rand::rngs::ChaCha8Rng as rand::SeedableRng>::seed_from_u64(8);
    for (hidden, batch, dense, activation) in [
        (&[1, 1][..], 1, false, Activation::Relu),
        (&[63, 17, 5], 7, true, Activation::Sigmoid),
        (&[128, 40], 20, false, Activation::Relu),
        (&[100, 100, 100, 100], 100, false, Activation::Relu),
        (&[1000, 65], 300, true, Activation::Sigmoid),
    ] {
        let (x, labels, dense_x) = random_batch(&mut rng, batch, dense);
        let init = WeightInit::Std(0.3);
        let net = MultiLayerNet::new(784, hidden, 10, activation, init, batch as u64);
        let (loss, reference) = Network::gradient(&net, dense_x.view(), labels[..].into());
        let layers: Vec<_> = net
            .params
            .iter()
            .map(|(w, b)| (w.view(), b.view()))
            .collect();
        let shape = format!("hidden {hidden:?} {activation}, batch {batch}, dense {dense}");
        the_engine_gives(
            (loss, &reference),
            &layers,
            activation,
            (&x, &labels),
            &shape,
        );
    }
}

/// A `MultiLayerNet` of three hidden layers trained on the engine is the one trained through the
/// book's layers, to rounding (f64); on one thread and two, the same to the bit (f32, at a
/// shape whose first layer is split between the cores).
#[test]
fn a_deeper_network_trains_on_the_engine_as_through_the_books_layers() {
    use scratchnet::net::multi_layer::{MultiLayerNet, WeightInit};
    let data = slice();
    let start = |config: &TrainConfig, hidden: &[usize]| {
        let net = MultiLayerNet::new(784, hidden, 10, config.activation, WeightInit::He, 4);
        Training::with_network(config.clone(), net).unwrap()
    };
    let config = TrainConfig {
        iters: 120,
        hidden: 40,
        activation: Activation::Relu,
        optimizer: OptimizerConfig::new(OptimizerKind::Momentum).with_lr(0.05),
        ..TrainConfig::default()
    };
    let mut book = start(&config, &[40, 40, 40]);
    let mut fast = book.clone();
    assert_eq!(
        book.run(data, |_| ControlFlow::Continue(())),
        Outcome::Finished
    );
    assert_eq!(
        common::engine_run(&mut fast, data, |_| ControlFlow::Continue(())),
        Outcome::Finished
    );
    // it learns, and the same sums in another order give the same losses to about 12 digits
    let loss = &fast.history.loss;
    assert!(loss[0] > 1.5 && loss[119] < 0.8, "{:?}", &loss[..3]);
    for (a, b) in fast.history.loss.iter().zip(&book.history.loss) {
        approx::assert_relative_eq!(a, b, max_relative = 1e-10);
    }
    for ((w, b), (wr, br)) in fast.net.params.iter().zip(&book.net.params) {
        approx::assert_relative_eq!(w, wr, max_relative = 1e-8, epsilon = 1e-12);
        approx::assert_relative_eq!(b, br, max_relative = 1e-8, epsilon = 1e-12);
    }

    let wide = TrainConfig {
        iters: 20,
        hidden: 1000,
        batch_size: 200,
        dtype: Dtype::F32,
        threads: 1,
        ..config
    };
    let mut one = start(&wide, &[1000, 1000]);
    let mut two = start(
        &TrainConfig {
            threads: 2,
            ..wide.clone()
        },
        &[1000, 1000],
    );
    for t in [&mut one, &mut two] {
        let outcome = common::engine_run(t, data, |_| ControlFlow::Continue(()));
        assert_eq!(outcome, Outcome::Finished);
    }
    assert_eq!(
        (&one.net, &one.history, &one.optimizer),
        (&two.net, &two.history, &two.optimizer),
        "1 and 2 threads"
    );
}

/// A network with no hidden layer (one `Affine` layer, softmax regression) has no first layer
/// for the engine apart from its last: `engine::run` trains it through the book's layers, with
/// the book's history to the bit, and `plan` says the engine does not compute it.
#[test]
fn a_network_without_a_hidden_layer_goes_through_the_books_layers() {
    use scratchnet::net::multi_layer::{MultiLayerNet, WeightInit};
    let data = slice();
    let config = TrainConfig {
        iters: 60,
        ..TrainConfig::default()
    };
    let net = MultiLayerNet::new(784, &[], 10, config.activation, WeightInit::Std(0.01), 1);
    let mut book = Training::with_network(config, net).unwrap();
    let mut fast = book.clone();
    let indexed = scratchnet::engine::TrainingData::new(data);
    assert_eq!(scratchnet::engine::plan(&fast, &indexed), None);
    assert_eq!(
        common::engine_run(&mut fast, data, |_| ControlFlow::Continue(())),
        Outcome::Finished
    );
    book.run(data, |_| ControlFlow::Continue(()));
    assert_eq!(fast, book);
}

/// A network with weight decay has a loss the engine does not compute (½λΣW² and λW): its
/// `engine::run` goes through the book's layers, with the book's history to the bit, and `plan`
/// says the engine does not compute it.
#[test]
fn a_network_with_weight_decay_goes_through_the_books_layers() {
    use scratchnet::net::multi_layer::{MultiLayerNet, WeightInit};
    let data = slice();
    let config = TrainConfig {
        iters: 30,
        hidden: 20,
        activation: Activation::Relu,
        ..TrainConfig::default()
    };
    let net = MultiLayerNet::new(784, &[20, 20], 10, config.activation, WeightInit::He, 1)
        .with_weight_decay(0.1);
    let mut book = Training::with_network(config, net).unwrap();
    let mut fast = book.clone();
    let indexed = scratchnet::engine::TrainingData::new(data);
    assert_eq!(scratchnet::engine::plan(&fast, &indexed), None);
    assert_eq!(
        common::engine_run(&mut fast, data, |_| ControlFlow::Continue(())),
        Outcome::Finished
    );
    book.run(data, |_| ControlFlow::Continue(()));
    assert_eq!(fast, book);
}

/// `train`'s chapter-6 network ([`AnyTraining`](scratchnet::train::AnyTraining)) goes on the engine when it is
/// `Affine` layers and activations only, and learns as through the book's layers (losses to 1e-10
/// relative); with Batch Norm, Dropout or weight decay the engine hands it to the book's layers,
/// and the history is theirs to the bit.
#[test]
fn chapter_6_s_network_takes_the_engine_only_where_the_engine_computes_it() {
    use scratchnet::train::{AnyTraining, MultiLayerConfig};
    let data = slice();
    let indexed = scratchnet::engine::TrainingData::new(data);
    let config = TrainConfig {
        iters: 60,
        activation: Activation::Relu,
        optimizer: OptimizerConfig::sgd(0.05),
        ..TrainConfig::default()
    };
    for (network, on_engine) in [
        (MultiLayerConfig::default(), true),
        (
            MultiLayerConfig {
                hidden_size_list: vec![50, 30],
                use_batchnorm: true,
                dropout_ratio: Some(0.1),
                ..MultiLayerConfig::default()
            },
            false,
        ),
    ] {
        let config = config.clone().with_multi_layer(network);
        let mut fast = AnyTraining::new(config.clone()).unwrap();
        let AnyTraining::MultiLayer(mut book) = fast.clone() else {
            panic!("a MultiLayerNetExtend run")
        };
        assert_eq!(
            scratchnet::engine::plan_any(&fast, &indexed).is_some(),
            on_engine
        );
        scratchnet::engine::run_any(&mut fast, &indexed, |_| ControlFlow::Continue(()));
        book.run(data, |_| ControlFlow::Continue(()));
        let loss = &fast.history().loss;
        assert!(loss[59] < loss[0] / 2.0, "it learns: {loss:?}");
        if on_engine {
            for (a, b) in loss.iter().zip(&book.history.loss) {
                approx::assert_relative_eq!(a, b, max_relative = 1e-10);
            }
        } else {
            assert_eq!(fast.history(), &book.history);
        }
    }
}
