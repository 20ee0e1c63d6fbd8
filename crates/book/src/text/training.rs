//! The words of training: how a run ended, which MNIST it read, the epoch lines.

super::texts! {
    /// [`Outcome::Finished`](crate::train::Outcome::Finished).
    FINISHED = "training.finished" {
        en: "finished: every iteration ran",
        ko: "학습을 마쳤습니다. 모든 반복을 실행했습니다.",
    }
    /// [`Outcome::Stopped`](crate::train::Outcome::Stopped).
    STOPPED = "training.stopped" {
        en: "stopped before iteration {next}; a resumed run continues there",
        ko: "{next}번째 반복 전에 멈췄습니다. 이어서 학습하면 그 반복부터 계속합니다.",
    }
    /// [`Outcome::Diverged`](crate::train::Outcome::Diverged), at a loss or weight not finite.
    DIVERGED_NOT_FINITE = "training.diverged-not-finite" {
        en: "diverged: at iteration {iter} the loss or a weight became {loss}; the learning rate is too large",
        ko: "발산했습니다. {iter}번째 반복에서 손실이나 가중치가 유한한 수가 아니게 되었습니다({loss}). 학습률이 너무 큽니다.",
    }
    /// [`Outcome::Diverged`](crate::train::Outcome::Diverged), at a spike of the loss.
    DIVERGED_SPIKE = "training.diverged-spike" {
        en: "diverged: at iteration {iter} the loss jumped to {loss}, and the next iterations averaged \
             {mean}; the learning rate is too large",
        ko: "발산했습니다. {iter}번째 반복에서 손실이 {loss}까지 치솟았고, 그 뒤 반복들의 평균도 \
             {mean}입니다. 학습률이 너무 큽니다.",
    }
    /// The network a run trains ([`TrainConfig::describe_network`](crate::train::TrainConfig::describe_network)).
    NETWORK = "training.network" {
        en: "{kind} {sizes} ({activation}{extras})",
        ko: "{kind} {sizes}({activation}{extras})",
    }
    /// A `SimpleConvNet`'s layers, as the sizes in [`NETWORK`]: its filters, the pooling, the
    /// hidden units and the classes.
    CONV_SIZES = "training.conv-sizes" {
        en: "conv {filters}×{size}×{size}-pool 2×2-{hidden}-{classes}",
        ko: "합성곱 {filters}×{size}×{size}-풀링 2×2-{hidden}-{classes}",
    }
    /// A convolution's stride other than 1, in [`NETWORK`].
    WITH_STRIDE = "training.with-stride" { en: ", stride {stride}", ko: ", 스트라이드 {stride}" }
    /// A convolution's padding, in [`NETWORK`].
    WITH_PAD = "training.with-pad" { en: ", padding {pad}", ko: ", 패딩 {pad}" }
    /// Initial weights of a standard deviation, in [`NETWORK`].
    WITH_INIT_STD = "training.with-init-std" {
        en: ", initial weights of std {std}",
        ko: ", 표준편차 {std}인 가중치 초깃값",
    }
    /// He's initial weights, in [`NETWORK`].
    WITH_INIT_HE = "training.with-init-he" { en: ", He's initial weights", ko: ", He 초깃값" }
    /// Xavier's initial weights, in [`NETWORK`].
    WITH_INIT_XAVIER = "training.with-init-xavier" {
        en: ", Xavier's initial weights",
        ko: ", Xavier 초깃값",
    }
    /// Batch Normalization, in [`NETWORK`].
    WITH_BATCH_NORM = "training.with-batch-norm" { en: ", Batch Norm", ko: ", 배치 정규화" }
    /// Dropout, in [`NETWORK`].
    WITH_DROPOUT = "training.with-dropout" { en: ", Dropout {ratio}", ko: ", 드롭아웃 {ratio}" }
    /// Weight decay, in [`NETWORK`].
    WITH_WEIGHT_DECAY = "training.with-weight-decay" {
        en: ", weight decay λ = {lambda}",
        ko: ", 가중치 감소 λ = {lambda}",
    }
    /// The built-in slice of MNIST was found.
    MNIST_BUILT_IN = "training.mnist-built-in" {
        en: "MNIST: the built-in slice, {train} training and {test} test images; `scratchnet \
             fetch-mnist` gets all 70,000",
        ko: "MNIST: 내장된 일부인 훈련 이미지 {train}장과 시험 이미지 {test}장을 씁니다. 70,000장 \
             전체는 `scratchnet fetch-mnist` 명령으로 받을 수 있습니다.",
    }
    /// MNIST was read from a directory.
    MNIST_FROM = "training.mnist-from" {
        en: "MNIST: {train} training and {test} test images from {source}",
        ko: "MNIST: 훈련 이미지 {train}장과 시험 이미지 {test}장을 {source}에서 읽었습니다.",
    }
    /// Where MNIST came from: the slice built into the program.
    MNIST_BUILT_IN_NAME = "training.mnist-built-in-name" {
        en: "the built-in slice",
        ko: "내장된 일부",
    }
    /// Where MNIST came from: the cache.
    MNIST_CACHE = "training.mnist-cache" {
        en: "{dir} (the cache `scratchnet fetch-mnist` fills)",
        ko: "`scratchnet fetch-mnist` 명령이 채우는 캐시 {dir}",
    }
    /// Where MNIST came from: a directory named by a flag or a variable.
    MNIST_DIR = "training.mnist-dir" {
        en: "{dir} ({why})",
        ko: "{dir}({why}에 지정한 곳)",
    }
    /// One line per epoch, as `train` and the tour print it.
    EPOCH_LINE = "training.epoch-line" {
        en: "epoch {epoch} (iteration {iter})  train acc {train}  test acc {test}  mean batch loss {loss}",
        ko: "에폭 {epoch} (반복 {iter})  훈련 정확도 {train}  시험 정확도 {test}  배치 손실 평균 {loss}",
    }
    /// The accuracies of the final weights.
    FINAL_LINE = "training.final-line" {
        en: "final weights: train acc {train}, test acc {test} after {iters} iterations, {seconds} s",
        ko: "최종 매개변수: 훈련 정확도 {train}, 시험 정확도 {test} ({iters}번 반복, {seconds}초)",
    }
}
