use scratchnet::ndarray::{Array1, array};
use scratchnet::{gradient_descent, numerical_gradient};

fn main() -> Result<(), scratchnet::Error> {
    let f = |x: &Array1<f64>| x[0] * x[0] + x[1] * x[1];
    let g = numerical_gradient(f, &mut array![3.0, 4.0]); // [6.00000000000378, 7.999999999999119]
    let run = gradient_descent(f, array![-3.0, 4.0], 0.1, 100)?; // run.history: 101 points
    println!("{g} {}", run.diagnosis.message());
    Ok(())
}
