//! The book's convolutional network (chapter 7's `SimpleConvNet`): convolution, ReLU, max
//! pooling, then two fully connected layers.
//!
//! ```text
//! images (N, 1, 28, 28)
//!   → Conv1 (30 filters 5×5)  → (N, 30, 24, 24) → Relu1
//!   → Pool1 (max, 2×2 by 2)   → (N, 30, 12, 12)
//!   → Affine1 (4,320 → 100)   → Relu2
//!   → Affine2 (100 → 10)      → SoftmaxWithLoss
//! ```

use ndarray::{
    Array1, Array2, Array3, Array4, ArrayD, ArrayView1, ArrayView2, ArrayView4, ArrayViewD,
};
use ndarray::{ArrayViewMutD, Axis, CowArray, Ix4};
use serde::{Deserialize, Serialize};

use super::{Layers, Network};
use crate::functions::Targets;
use crate::im2col::conv_output_size;
use crate::layers::{Affine, Convolution, Layer, Pooling, Relu};
use crate::random::Random;

/// The book's `conv_param`: the first layer's filters.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConvParam {
    /// How many filters (`FN`), each giving one channel of the output.
    pub filter_num: usize,
    /// Each filter's height and width (`FH = FW`).
    pub filter_size: usize,
    /// How many rows and columns of zeros surround the image.
    pub pad: usize,
    /// How far a filter moves between outputs.
    pub stride: usize,
}

/// The book's: 30 filters of 5×5, no padding, stride 1.
impl Default for ConvParam {
    fn default() -> Self {
        ConvParam {
            filter_num: 30,
            filter_size: 5,
            pad: 0,
            stride: 1,
        }
    }
}

/// The arguments of the book's `SimpleConvNet(...)`, with its defaults
/// ([`Default`]): MNIST's images `(1, 28, 28)`, [`ConvParam::default`], 100 hidden units, 10
/// classes, weights drawn with a standard deviation of 0.01.
///
/// ```
/// use scratchnet_book::net::simple_conv::{ConvParam, SimpleConvNetConfig};
/// // ch07/gradient_check.py's small network
/// let small = SimpleConvNetConfig {
///     input_dim: (1, 10, 10),
///     conv_param: ConvParam { filter_num: 10, filter_size: 3, pad: 0, stride: 1 },
///     hidden_size: 10,
///     ..SimpleConvNetConfig::default()
/// };
/// assert_eq!(small.pool_output_size(), 10 * 4 * 4);
/// assert_eq!(SimpleConvNetConfig::default().pool_output_size(), 30 * 12 * 12);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct SimpleConvNetConfig {
    /// The images' `(C, H, W)`: channels, rows, columns.
    pub input_dim: (usize, usize, usize),
    /// The convolution's filters.
    pub conv_param: ConvParam,
    /// The units of the hidden fully connected layer.
    pub hidden_size: usize,
    /// The classes.
    pub output_size: usize,
    /// The standard deviation of the initial weights.
    pub weight_init_std: f64,
}

impl Default for SimpleConvNetConfig {
    fn default() -> Self {
        SimpleConvNetConfig {
            input_dim: (1, 28, 28),
            conv_param: ConvParam::default(),
            hidden_size: 100,
            output_size: 10,
            weight_init_std: 0.01,
        }
    }
}

impl SimpleConvNetConfig {
    /// The size `OH` (= `OW`) of the convolution's output: `(H + 2·pad − FH) / stride + 1`.
    ///
    /// # Panics
    /// As [`conv_output_size`]: a stride of 0, or a filter larger than the padded image.
    #[must_use]
    pub fn conv_output_size(&self) -> usize {
        let p = self.conv_param;
        conv_output_size(self.input_dim.1, p.filter_size, p.stride, p.pad)
    }

    /// The values that leave the pooling layer, the first Affine layer's inputs:
    /// `FN · (OH/2)²`, the halves rounded down (2×2 windows moved by 2).
    ///
    /// The book computes `FN · (OH/2)²` in floating point and rounds the product, which is
    /// more than the pooling gives when `OH` is odd; here it is what the pooling gives, so an
    /// odd `OH` works too.
    ///
    /// # Panics
    /// As [`conv_output_size`](SimpleConvNetConfig::conv_output_size), or if the convolution's
    /// output is smaller than the 2×2 window.
    #[must_use]
    pub fn pool_output_size(&self) -> usize {
        let pooled = conv_output_size(self.conv_output_size(), 2, 2, 0);
        self.conv_param.filter_num * pooled * pooled
    }
}

/// The book's `SimpleConvNet`: `Conv1 → Relu1 → Pool1 → Affine1 → Relu2 → Affine2`, and
/// `SoftmaxWithLoss` last. Its parameters, by the book's names: the filters `W1: (FN, C, FH,
/// FW)` and `b1: (FN,)`, then `W2: (FN·(OH/2)², hidden)`, `b2`, `W3: (hidden, classes)`, `b3`.
///
/// It takes images as everything in scratchnet holds them, one row of `C·H·W` pixels per image,
/// `x: (N, C·H·W)`, and reads each row as the image `(C, H, W)` it is, without copying: the
/// `(N, 1, 28, 28)` of the book's `load_mnist(flatten=False)`.
///
/// ```
/// use scratchnet_book::net::simple_conv::SimpleConvNet;
/// use scratchnet_book::net::Network;
/// use scratchnet_book::random::numpy::RandomState;
/// use scratchnet_book::ndarray::Array2;
/// // np.random.seed(0); SimpleConvNet()
/// let net = SimpleConvNet::book(&mut RandomState::new(0));
/// assert_eq!(net.w1.shape(), [30, 1, 5, 5]);
/// assert_eq!(net.w1[[0, 0, 0, 0]], 0.01 * 1.764052345967664); // 0.01 · randn's first draw
/// assert_eq!(net.w2.dim(), (4320, 100));
/// let x = Array2::zeros((2, 784));
/// assert_eq!(net.predict(x.view()).dim(), (2, 10));
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct SimpleConvNet {
    /// The images' `(C, H, W)`.
    pub input_dim: (usize, usize, usize),
    /// The first layer's stride and padding (its filters are `w1`).
    pub conv_param: ConvParam,
    /// The filters, `(FN, C, FH, FW)`.
    pub w1: Array4<f64>,
    /// One bias per filter, `(FN,)`.
    pub b1: Array1<f64>,
    /// The hidden layer's weights, `(FN·(OH/2)², hidden)`.
    pub w2: Array2<f64>,
    /// The hidden layer's biases, `(hidden,)`.
    pub b2: Array1<f64>,
    /// The last layer's weights, `(hidden, classes)`.
    pub w3: Array2<f64>,
    /// The last layer's biases, `(classes,)`.
    pub b3: Array1<f64>,
}

/// How many images [`SimpleConvNet::classify`] takes at once (the book's `accuracy` takes 100),
/// so that the patches of a whole test set are never held at once.
const BATCH: usize = 100;

impl SimpleConvNet {
    /// The network `config` describes, its weights drawn from `random` in the book's order (`W1`,
    /// `W2`, `W3`, each `weight_init_std · randn(...)`), its biases 0.
    ///
    /// # Panics
    /// If a size is 0, or the filter is larger than the padded image, or the stride is 0.
    #[track_caller]
    #[must_use]
    pub fn new(config: &SimpleConvNetConfig, random: &mut dyn Random) -> Self {
        let (c, h, w) = config.input_dim;
        let p = config.conv_param;
        assert!(
            c > 0 && h > 0 && w > 0 && p.filter_num > 0 && config.hidden_size > 0,
            "images, filters and hidden units: at least one of each"
        );
        assert!(config.output_size > 0, "at least one class");
        assert_eq!(h, w, "square images, as the book's SimpleConvNet takes");
        let pool_output_size = config.pool_output_size();
        let std = config.weight_init_std;
        let w1 =
            Array4::from_shape_simple_fn((p.filter_num, c, p.filter_size, p.filter_size), || {
                std * random.standard_normal()
            });
        let mut normal = |shape: (usize, usize)| {
            Array2::from_shape_simple_fn(shape, || std * random.standard_normal())
        };
        let w2 = normal((pool_output_size, config.hidden_size));
        let w3 = normal((config.hidden_size, config.output_size));
        SimpleConvNet {
            input_dim: config.input_dim,
            conv_param: p,
            w1,
            b1: Array1::zeros(p.filter_num),
            w2,
            b2: Array1::zeros(config.hidden_size),
            w3,
            b3: Array1::zeros(config.output_size),
        }
    }

    /// The book's `SimpleConvNet()`: [`SimpleConvNetConfig::default`].
    #[must_use]
    pub fn book(random: &mut dyn Random) -> Self {
        Self::new(&SimpleConvNetConfig::default(), random)
    }

    /// The hidden units and classes: `(hidden, classes)`.
    #[must_use]
    pub fn sizes(&self) -> (usize, usize) {
        (self.w3.nrows(), self.w3.ncols())
    }

    /// The rows of `x: (N, C·H·W)` as images `(N, C, H, W)`.
    ///
    /// # Panics
    /// If a row does not have `C·H·W` values.
    #[track_caller]
    fn images<'a>(&self, x: ArrayView2<'a, f64>) -> CowArray<'a, f64, Ix4> {
        let (c, h, w) = self.input_dim;
        assert_eq!(
            x.ncols(),
            c * h * w,
            "images of {c}×{h}×{w} = {} values each",
            c * h * w
        );
        let shape = (x.nrows(), c, h, w);
        if x.is_standard_layout() {
            CowArray::from(
                x.into_shape_with_order(shape)
                    .expect("rows of C·H·W values"),
            )
        } else {
            let x = x.as_standard_layout().into_owned();
            CowArray::from(
                x.into_shape_with_order(shape)
                    .expect("rows of C·H·W values"),
            )
        }
    }

    /// What each of the first `count` filters makes of one image `x: (C·H·W,)`, alone and
    /// without its bias, `(count, OH, OW)`: the book's `apply_filter.py`, which builds a
    /// `Convolution(w, 0)` of each filter `w` in turn.
    ///
    /// ```
    /// use scratchnet_book::net::simple_conv::SimpleConvNet;
    /// use scratchnet_book::random::numpy::RandomState;
    /// use scratchnet_book::ndarray::Array1;
    /// let net = SimpleConvNet::book(&mut RandomState::new(0));
    /// let maps = net.apply_filter(Array1::ones(784).view(), 16);
    /// assert_eq!(maps.dim(), (16, 24, 24));
    /// // on a blank page of ones, each output is the sum of the filter's 25 weights
    /// let sum = net.w1.slice(scratchnet_book::ndarray::s![3, 0, .., ..]).sum();
    /// assert!((maps[[3, 10, 10]] - sum).abs() < 1e-15);
    /// ```
    ///
    /// # Panics
    /// If `x` is not one image of `C·H·W` values, or `count` is more than the filters.
    #[must_use]
    pub fn apply_filter(&self, x: ArrayView1<f64>, count: usize) -> Array3<f64> {
        assert!(
            count <= self.w1.dim().0,
            "at most {} filters",
            self.w1.dim().0
        );
        let image = self.images(x.insert_axis(Axis(0)));
        let filters = self.w1.slice(ndarray::s![..count, .., .., ..]);
        let zeros = Array1::zeros(count);
        let p = self.conv_param;
        let mut conv = Convolution::new(filters, zeros.view(), p.stride, p.pad);
        let out = conv.forward_view(image.view().into_dyn(), false);
        out.index_axis(Axis(0), 0)
            .to_owned()
            .into_dimensionality()
            .expect("(count, OH, OW)")
    }

    /// The scores `(N, C)` of images `(N, C, H, W)` (the book's `predict`, which takes them so).
    pub fn predict_images(&self, x: ArrayView4<f64>) -> Array2<f64> {
        self.layers().predict(x, false)
    }
}

impl Network for SimpleConvNet {
    fn kind(&self) -> &'static str {
        "SimpleConvNet"
    }

    fn layers(&self) -> Layers<'_> {
        let p = self.conv_param;
        let mut layers = Layers::new();
        layers.push(
            "Conv1",
            Convolution::new(self.w1.view(), self.b1.view(), p.stride, p.pad),
        );
        layers.push("Relu1", Relu::default());
        layers.push("Pool1", Pooling::new(2, 2, 2, 0));
        layers.push("Affine1", Affine::new(self.w2.view(), self.b2.view()));
        layers.push("Relu2", Relu::default());
        layers.push("Affine2", Affine::new(self.w3.view(), self.b3.view()));
        layers
    }

    /// The output of `Relu1`: Conv1 with its bias, through ReLU.
    fn feature_maps(&self, x: ArrayView1<f64>) -> Option<Array3<f64>> {
        let image = self.images(x.insert_axis(Axis(0)));
        let maps = self.layers().forward_until(image.view(), "Relu1")?;
        let maps = maps.index_axis_move(Axis(0), 0);
        Some(maps.into_dimensionality().expect("(FN, OH, OW)"))
    }

    fn params(&self) -> Vec<(String, ArrayViewD<'_, f64>)> {
        vec![
            ("W1".into(), self.w1.view().into_dyn()),
            ("b1".into(), self.b1.view().into_dyn()),
            ("W2".into(), self.w2.view().into_dyn()),
            ("b2".into(), self.b2.view().into_dyn()),
            ("W3".into(), self.w3.view().into_dyn()),
            ("b3".into(), self.b3.view().into_dyn()),
        ]
    }

    fn params_mut(&mut self) -> Vec<ArrayViewMutD<'_, f64>> {
        vec![
            self.w1.view_mut().into_dyn(),
            self.b1.view_mut().into_dyn(),
            self.w2.view_mut().into_dyn(),
            self.b2.view_mut().into_dyn(),
            self.w3.view_mut().into_dyn(),
            self.b3.view_mut().into_dyn(),
        ]
    }

    /// The pixels of an image, the convolution's outputs (`FN·OH·OW`), the pooling's, the hidden
    /// units and the classes: `[784, 17280, 4320, 100, 10]` for the book's network.
    fn layer_sizes(&self) -> Vec<usize> {
        let (c, h, w) = self.input_dim;
        let (fn_, _, fh, _) = self.w1.dim();
        let p = self.conv_param;
        let conv = conv_output_size(h, fh, p.stride, p.pad);
        let pooled = conv_output_size(conv, 2, 2, 0);
        let (hidden, classes) = self.sizes();
        vec![
            c * h * w,
            fn_ * conv * conv,
            fn_ * pooled * pooled,
            hidden,
            classes,
        ]
    }

    fn describe(&self) -> String {
        let (c, h, w) = self.input_dim;
        let (fn_, _, fh, fw) = self.w1.dim();
        let (hidden, classes) = self.sizes();
        let p = self.conv_param;
        format!(
            "SimpleConvNet {c}×{h}×{w}, conv {fn_}×{fh}×{fw} (stride {}, pad {}), relu, \
             pool 2×2, {hidden} relu, {classes}",
            p.stride, p.pad
        )
    }

    fn predict(&self, x: ArrayView2<f64>) -> Array2<f64> {
        self.predict_images(self.images(x).view())
    }

    fn loss(&self, x: ArrayView2<f64>, t: Targets) -> f64 {
        self.layers().loss(self.images(x).view(), t, false)
    }

    fn gradient(&self, x: ArrayView2<f64>, t: Targets) -> (f64, Vec<ArrayD<f64>>) {
        self.layers().gradient(self.images(x).view(), t)
    }

    /// The predicted classes, 100 images at a time (as the book's `accuracy` goes through
    /// them by 100; unlike it, the images after the last whole hundred are counted too).
    fn classify(&self, x: ArrayView2<f64>) -> Vec<usize> {
        x.axis_chunks_iter(Axis(0), BATCH)
            .flat_map(|batch| {
                self.predict(batch)
                    .axis_iter(Axis(0))
                    .map(|row| crate::functions::argmax(row.iter().copied()))
                    .collect::<Vec<_>>()
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::random::numpy::RandomState;
    use crate::reference::{Case, reference};

    fn reference_net(case: &Case, config: &SimpleConvNetConfig) -> SimpleConvNet {
        let mut net = SimpleConvNet::new(config, &mut RandomState::new(0));
        let params = Case(&case.0["params"]);
        net.w1 = params.array4("W1");
        net.b1 = params.array1("b1");
        net.w2 = params.array2("W2");
        net.b2 = params.array1("b2");
        net.w3 = params.array2("W3");
        net.b3 = params.array1("b3");
        net
    }

    /// ch07/gradient_check.py, after np.random.seed(0): the same weights drawn from NumPy's
    /// generator (bit for bit), the same input, and the gradient by backpropagation equal to
    /// the book's to 1e-12 relative to its largest value (matrix products sum in another order)
    /// and to the numerical gradient as closely as the book's is (the mean differences the
    /// book prints, each under 1e-5).
    #[test]
    fn the_book_s_gradient_check() {
        let case = Case(&reference()["gradient_check"]);
        let config = SimpleConvNetConfig {
            input_dim: (1, 10, 10),
            conv_param: ConvParam {
                filter_num: 10,
                filter_size: 3,
                pad: 0,
                stride: 1,
            },
            hidden_size: 10,
            ..SimpleConvNetConfig::default()
        };
        let mut random = RandomState::new(0);
        let mut net = SimpleConvNet::new(&config, &mut random);
        assert_eq!(
            net,
            reference_net(&case, &config),
            "NumPy's draws, bit for bit"
        );
        let x: Vec<f64> = (0..100).map(|_| random.random_sample()).collect();
        let x = Array2::from_shape_vec((1, 100), x).unwrap();
        assert_eq!(
            x.clone().into_shape_with_order((1, 1, 10, 10)).unwrap(),
            case.array4("x")
        );
        let t = Targets::from(&[1]);

        let loss = net.loss(x.view(), t.clone());
        approx::assert_relative_eq!(loss, case.f64("loss"), max_relative = 1e-14);
        let (_, grads) = net.gradient(x.view(), t.clone());
        let numerical = net.numerical_gradient(x.view(), t);
        let book = Case(&case.0["gradient"]);
        let book_numerical = Case(&case.0["numerical_gradient"]);
        let diffs = Case(&case.0["mean_abs_diff"]);
        for (((name, _), g), n) in net.params().iter().zip(&grads).zip(&numerical) {
            let expected = book.array::<ndarray::IxDyn>(name);
            let scale = expected.iter().fold(0.0f64, |m, v| m.max(v.abs()));
            approx::assert_abs_diff_eq!(*g, expected, epsilon = 1e-12 * scale);
            let ours = (g - n).mapv(f64::abs).mean().unwrap();
            let theirs = diffs.f64(name);
            assert!(
                ours < 1e-5 && ours <= 1.5 * theirs + 1e-12,
                "{name}: {ours} against the book's {theirs}"
            );
            let their_numerical = book_numerical.array::<ndarray::IxDyn>(name);
            approx::assert_abs_diff_eq!(*n, their_numerical, epsilon = 1e-9);
        }
    }

    /// The book's SimpleConvNet after np.random.seed(0) on the built-in slice's first three
    /// images: the same weights, scores, loss and gradients (to 1e-12 relative).
    #[test]
    fn the_book_s_network_on_three_images() {
        let case = Case(&reference()["simple_convnet"]);
        let net = SimpleConvNet::book(&mut RandomState::new(0));
        assert_eq!(net.w1, case.array4("W1"));
        assert_eq!(
            net.w2.slice(ndarray::s![..3, ..3]),
            case.array2("W2_corner")
        );
        assert_eq!(
            net.w3.slice(ndarray::s![..3, ..3]),
            case.array2("W3_corner")
        );
        let mnist = crate::Mnist::builtin();
        let (x, labels) = mnist
            .train
            .batch_scaled(&[0, 1, 2], crate::data::mnist::PixelScale::F32);
        let x = x.view();
        let book_labels: Vec<usize> = serde_json::from_value(case.0["labels"].clone()).unwrap();
        assert_eq!(labels, book_labels);
        let t = Targets::from(&labels[..]);
        approx::assert_relative_eq!(net.predict(x), case.array2("scores"), max_relative = 1e-12);
        approx::assert_relative_eq!(
            net.loss(x, t.clone()),
            case.f64("loss"),
            max_relative = 1e-14
        );
        let (_, grads) = net.gradient(x, t);
        let book = Case(&case.0["gradient"]);
        for ((name, _), g) in net.params().iter().zip(&grads) {
            if name == "W2" {
                let sum = g.mapv(f64::abs).sum();
                approx::assert_relative_eq!(sum, case.f64("dW2_abs_sum"), max_relative = 1e-12);
                let g = g.view().into_dimensionality::<ndarray::Ix2>().unwrap();
                let corner = g.slice(ndarray::s![..3, ..3]).to_owned();
                approx::assert_abs_diff_eq!(corner, case.array2("dW2_corner"), epsilon = 1e-15);
                continue;
            }
            let expected = book.array::<ndarray::IxDyn>(name);
            let scale = expected.iter().fold(0.0f64, |m, v| m.max(v.abs()));
            approx::assert_abs_diff_eq!(*g, expected, epsilon = 1e-12 * scale);
        }
    }

    /// The feature maps of the Digits page, against the sum written out: map `k` at `(i, j)` is
    /// `max(0, b1[k] + Σ W1[k, c, a, b] · x[c, i·s − p + a, j·s − p + b])` (zero outside the
    /// image), with a stride and pad other than the book's so that both count.
    #[test]
    fn the_feature_maps_are_the_first_convolution_through_relu() {
        let config = SimpleConvNetConfig {
            input_dim: (2, 9, 9),
            conv_param: ConvParam {
                filter_num: 4,
                filter_size: 3,
                pad: 1,
                stride: 2,
            },
            hidden_size: 5,
            output_size: 3,
            weight_init_std: 0.5,
        };
        let mut random = RandomState::new(3);
        let mut net = SimpleConvNet::new(&config, &mut random);
        net.b1 = Array1::from(vec![0.1, -0.2, 0.3, -0.05]);
        let x = Array1::from_shape_fn(2 * 9 * 9, |i| ((i * 37) % 11) as f64 / 10.0 - 0.3);
        let maps = net.feature_maps(x.view()).expect("a convolutional network");
        assert_eq!(maps.dim(), (4, 5, 5));
        let pixel = |c: usize, r: isize, q: isize| {
            if (0..9).contains(&r) && (0..9).contains(&q) {
                x[c * 81 + r as usize * 9 + q as usize]
            } else {
                0.0
            }
        };
        let mut zeros = 0;
        for ((k, i, j), &got) in maps.indexed_iter() {
            let mut sum = net.b1[k];
            for c in 0..2 {
                for a in 0..3 {
                    for b in 0..3 {
                        let (r, q) = ((2 * i + a) as isize - 1, (2 * j + b) as isize - 1);
                        sum += net.w1[[k, c, a, b]] * pixel(c, r, q);
                    }
                }
            }
            zeros += usize::from(sum <= 0.0);
            approx::assert_abs_diff_eq!(got, sum.max(0.0), epsilon = 1e-12);
        }
        // ReLU was at work: some sums were negative
        assert!(zeros > 0 && zeros < maps.len(), "{zeros} zeros");
    }
}
