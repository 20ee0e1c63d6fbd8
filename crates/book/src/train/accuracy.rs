//! How often a network is right: its accuracy on a split, the class it gives each image, and
//! the confusion matrix.

use crate::data::mnist::{CLASSES, Split};
use crate::net::Network;

/// The accuracy of `net` on a whole split, in chunks of 5,000 images to bound memory.
#[must_use]
pub fn accuracy(net: &(impl Network + ?Sized), split: &Split) -> f64 {
    let right = classified(net, split, 5000)
        .iter()
        .zip(&split.labels)
        .filter(|&(&y, &t)| y == usize::from(t))
        .count();
    right as f64 / split.len().max(1) as f64
}

/// The images of `split` that `net` classifies wrong, in order: `(index, label, predicted)`
/// (the book's `ch08/misclassified_mnist.py`, which shows the first 20).
///
/// ```
/// use scratchnet_book::train::{misclassified, predictions, TrainConfig, Training};
/// let mnist = scratchnet_book::Mnist::builtin();
/// let net = Training::new(TrainConfig::default())?.net; // untrained: mostly wrong
/// let wrong = misclassified(&net, &mnist.test);
/// let right = predictions(&net, &mnist.test).iter().zip(&mnist.test.labels).filter(|&(&p, &t)| p == usize::from(t)).count();
/// assert_eq!(wrong.len() + right, 1000);
/// assert!(wrong.iter().all(|&(_, label, predicted)| label != predicted));
/// # Ok::<(), scratchnet_book::Error>(())
/// ```
#[must_use]
pub fn misclassified(net: &(impl Network + ?Sized), split: &Split) -> Vec<(usize, usize, usize)> {
    classified(net, split, 500)
        .into_iter()
        .zip(&split.labels)
        .enumerate()
        .filter(|&(_, (y, &t))| y != usize::from(t))
        .map(|(i, (y, &t))| (i, usize::from(t), y))
        .collect()
}

/// The class `net` gives each image of `split`, shape `(N,)`. Computed 500 images at a time, so
/// that even a wide network's hidden layer stays small (500 images × 20,000 units is 80 MB).
///
/// ```
/// use scratchnet_book::train::{accuracy, predictions, TrainConfig, Training};
/// let mnist = scratchnet_book::Mnist::builtin();
/// let net = Training::new(TrainConfig::default())?.net;
/// let predicted = predictions(&net, &mnist.test);
/// let right = predicted.iter().zip(&mnist.test.labels).filter(|&(&p, &t)| p == usize::from(t)).count();
/// assert_eq!(right as f64 / 1000.0, accuracy(&net, &mnist.test));
/// # Ok::<(), scratchnet_book::Error>(())
/// ```
#[must_use]
pub fn predictions(net: &(impl Network + ?Sized), split: &Split) -> Vec<usize> {
    classified(net, split, 500)
}

/// The confusion matrix of `predicted` (one class per image of `split`): `[label][predicted]`,
/// the number of images of each digit given each class.
///
/// # Panics
/// If `predicted` has not one class, below 10, per image.
#[must_use]
pub fn confusion_matrix(predicted: &[usize], split: &Split) -> [[usize; CLASSES]; CLASSES] {
    assert_eq!(predicted.len(), split.len(), "one prediction per image");
    let mut matrix = [[0; CLASSES]; CLASSES];
    for (&p, &label) in predicted.iter().zip(&split.labels) {
        matrix[usize::from(label)][p] += 1;
    }
    matrix
}

/// `net.classify` over `split`, `chunk` images at a time.
fn classified(net: &(impl Network + ?Sized), split: &Split, chunk: usize) -> Vec<usize> {
    (0..split.len())
        .step_by(chunk)
        .flat_map(|start| {
            let (x, _) = split.slice(start..(start + chunk).min(split.len()));
            net.classify(x.view())
        })
        .collect()
}
