//! The book's numbers, from the NumPy reference `tests/reference/ch04.py` (the book's formulas in
//! the book's order of operations, checked equal to the book's own files), whose output is
//! committed as `tests/reference/ch04.json`.
//!
//! What each test checks, exactly:
//! - bit for bit where only `+ − × ÷` are involved and NumPy performs them one by one
//!   (numerical_diff, numerical_gradient, gradient_descent on x0² + x1²);
//! - `x · W` of simpleNet bit for bit against the committed values, and against the products
//!   rounded one at a time; NumPy hands `np.dot` to a BLAS that may fuse a multiply and an add
//!   into one rounding (on one machine 8 of 33 random entries differed in the last bit), so on
//!   other inputs or machines NumPy's own result can be one unit in the last place away;
//! - within a few units in the last place (`ULPS`) where `exp` or `log` are involved: NumPy's
//!   vectorised versions and the C library's may differ in the last bit;
//! - dW (a central difference of two losses) to an absolute bound: a last-bit difference in
//!   each loss, divided by 2h, which is the same size for every entry, whether the entry is
//!   large or near 0.

use approx::assert_relative_eq;
use ndarray::{Array1, Array2, array};
use scratchnet::{
    DiagnosisKind, Landscape, SimpleNet, cross_entropy_error, identity_function, numerical_diff,
    numerical_gradient, relu, sigmoid, sigmoid_grad, softmax, step_function, sum_squared_error,
};
use serde_json::Value;

/// Relative tolerance for results of `exp`/`log`: a few units in the last place of an f64.
const ULPS: f64 = 4.0 * f64::EPSILON;
/// Absolute tolerance for a central difference of two losses near `loss`, each within `ULPS`
/// of the reference: (2 · ULPS · |L|) / 2h. For simpleNet's loss of 0.93 that is 9.1e-12.
fn diff_of_ulps(loss: f64) -> f64 {
    2.0 * ULPS * loss.abs() / (2.0 * 1e-4)
}

fn golden() -> Value {
    let text = include_str!("../reference/ch04.json");
    serde_json::from_str(text).expect("tests/reference/ch04.json is valid JSON")
}

fn vec1(v: &Value) -> Array1<f64> {
    v.as_array()
        .expect("an array")
        .iter()
        .map(|x| x.as_f64().expect("a number"))
        .collect()
}

fn mat(v: &Value) -> Array2<f64> {
    let rows: Vec<Array1<f64>> = v.as_array().expect("rows").iter().map(vec1).collect();
    let cols = rows[0].len();
    Array2::from_shape_vec((rows.len(), cols), rows.into_iter().flatten().collect())
        .expect("rectangular")
}

#[test]
fn activations_match_the_book() {
    let g = &golden()["activations"];
    let x = vec1(&g["x"]);
    assert_eq!(identity_function(&x), x);
    assert_eq!(step_function(&x), vec1(&g["step"]));
    assert_eq!(relu(&x), vec1(&g["relu"]));
    assert_relative_eq!(sigmoid(&x), vec1(&g["sigmoid"]), max_relative = ULPS);
    assert_relative_eq!(
        sigmoid_grad(&x),
        vec1(&g["sigmoid_grad"]),
        max_relative = ULPS
    );
}

#[test]
fn softmax_matches_the_book_for_vectors_batches_and_large_inputs() {
    let g = &golden()["softmax"];
    for name in ["small", "large", "negative_large"] {
        let y = softmax(&vec1(&g[name]["x"]));
        assert!(y.iter().all(|v| v.is_finite()), "{name}: {y}");
        assert_relative_eq!(y, vec1(&g[name]["y"]), max_relative = ULPS);
    }
    let y = softmax(&mat(&g["batch"]["x"]));
    assert_relative_eq!(y, mat(&g["batch"]["y"]), max_relative = ULPS);
}

#[test]
fn losses_match_the_book() {
    let g = &golden()["loss"];
    let (y, y7) = (vec1(&g["y"]), vec1(&g["y7"]));
    let mut t = Array1::zeros(10);
    t[2] = 1.0;
    assert_relative_eq!(
        sum_squared_error(&y, &t),
        g["sse_t2"].as_f64().unwrap(),
        max_relative = ULPS
    );
    assert_relative_eq!(
        sum_squared_error(&y7, &t),
        g["sse_y7_t2"].as_f64().unwrap(),
        max_relative = ULPS
    );
    for (yy, key) in [(&y, "cee_t2"), (&y7, "cee_y7_t2")] {
        let want = g[key].as_f64().unwrap();
        assert_relative_eq!(cross_entropy_error(yy, 2), want, max_relative = ULPS);
        assert_relative_eq!(cross_entropy_error(yy, &t), want, max_relative = ULPS);
    }
    let yb = mat(&g["batch_y"]);
    let tb: Vec<usize> = g["batch_t"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_u64().unwrap() as usize)
        .collect();
    let mut one_hot = Array2::zeros((3, 10));
    for (i, &k) in tb.iter().enumerate() {
        one_hot[(i, k)] = 1.0;
    }
    assert_relative_eq!(
        cross_entropy_error(&yb, &tb),
        g["cee_batch"].as_f64().unwrap(),
        max_relative = ULPS
    );
    assert_relative_eq!(
        cross_entropy_error(&yb, &one_hot),
        g["cee_batch_onehot"].as_f64().unwrap(),
        max_relative = ULPS
    );
}

#[test]
fn numerical_diff_and_tangent_are_bit_exact() {
    let g = &golden()["numerical_diff"];
    let f = |x| Landscape::Function1.eval(array![x].view());
    assert_eq!(
        numerical_diff(f, 5.0),
        g["function_1_at_5"].as_f64().unwrap()
    );
    assert_eq!(numerical_diff(f, 5.0), 0.1999999999990898); // the issue's figure
    assert_eq!(
        numerical_diff(f, 10.0),
        g["function_1_at_10"].as_f64().unwrap()
    );
    // the book's tangent_line: y = f(x) − d·x, then d·t + y
    let d = numerical_diff(f, 5.0);
    let intercept = f(5.0) - d * 5.0;
    let ts = vec1(&g["tangent_at_5"]["t"]);
    assert_eq!(
        ts.mapv(|t| d * t + intercept),
        vec1(&g["tangent_at_5"]["y"])
    );
}

#[test]
fn numerical_gradient_is_bit_exact() {
    let g = golden()["numerical_gradient_function_2"].clone();
    for (point, want) in g.as_object().unwrap() {
        let mut x: Array1<f64> = serde_json::from_str::<Vec<f64>>(point).unwrap().into();
        let before = x.clone();
        let grad = numerical_gradient(|x| Landscape::Sphere.eval(x.view()), &mut x);
        assert_eq!(grad, vec1(want), "at {point}");
        assert_eq!(x, before, "x is restored exactly");
    }
}

#[test]
fn gradient_descent_paths_are_bit_exact() {
    for run in golden()["gradient_descent_function_2"].as_array().unwrap() {
        let init = vec1(&run["init"]);
        let lr = run["lr"].as_f64().unwrap();
        let d = Landscape::Sphere
            .descend(init.as_slice().unwrap(), lr, 100)
            .unwrap();
        assert_eq!(d.history, mat(&run["history"]), "init {init}, lr {lr}");
        assert_eq!(d.final_point(), vec1(&run["final"]).view());
    }
}

#[test]
fn the_issues_figures_come_out() {
    let run = |init: &[f64], lr| Landscape::Sphere.descend(init, lr, 100).unwrap();
    let a = run(&[-3.0, 4.0], 0.1);
    assert_relative_eq!(a.final_point()[0], -6.1111e-10, max_relative = 1e-4);
    assert_relative_eq!(a.final_point()[1], 8.1481e-10, max_relative = 1e-4);
    assert_eq!(a.diagnosis.kind, DiagnosisKind::Converged);
    // the notebook's Out[17], from (−3, 2): array([-6.11110793e-10,  4.07407195e-10])
    let b = run(&[-3.0, 2.0], 0.1);
    assert_relative_eq!(b.final_point()[0], -6.11110793e-10, max_relative = 1e-8);
    assert_relative_eq!(b.final_point()[1], 4.07407195e-10, max_relative = 1e-8);
    let c = run(&[-3.0, 4.0], 1e-10);
    assert_relative_eq!(c.final_point()[0], -2.99999994, max_relative = 1e-8);
    assert_relative_eq!(c.final_point()[1], 3.99999992, max_relative = 1e-8);
    assert_eq!(c.diagnosis.kind, DiagnosisKind::Stalled);
    let d = run(&[-3.0, 4.0], 10.0);
    assert_eq!(d.diagnosis.kind, DiagnosisKind::Diverged);
    assert!(
        d.diagnosis.message().contains("h = 1e-4"),
        "{}",
        d.diagnosis.message()
    );
    let g = numerical_gradient(|x| Landscape::Sphere.eval(x.view()), &mut array![3.0, 4.0]);
    assert_eq!(g, array![6.00000000000378, 7.999999999999119]);
}

/// gradient_2d.py's grid, `np.arange(-2, 2.5, 0.25)` on both axes: 18 × 18 points, every
/// point and every gradient bit for bit.
#[test]
fn the_gradient_field_is_the_books_grid() {
    let want = &golden()["gradient_field_function_2"];
    let field = scratchnet::gradient_field(|x| Landscape::Sphere.eval(x.view()), -2.0, 2.5, 0.25);
    assert_eq!(want["axis"].as_array().unwrap().len(), 18);
    assert_eq!(field.points, mat(&want["points"]));
    assert_eq!(field.gradients, mat(&want["gradients"]));
}

#[test]
fn simplenet_matches_the_book() {
    for case in golden()["simplenet"].as_array().unwrap() {
        let mut net = SimpleNet::from_weights(mat(&case["W"])).unwrap();
        let x = vec1(&case["x"]);
        let t = case["t"].as_u64().unwrap() as usize;
        let p = net.predict(&x);
        assert_eq!(p, vec1(&case["p"]), "x · W as the committed reference");
        for j in 0..p.len() {
            let rounded_one_by_one = x[0] * net.w[[0, j]] + x[1] * net.w[[1, j]];
            assert_eq!(p[j], rounded_one_by_one, "each product rounded, then added");
        }
        assert_relative_eq!(softmax(&p), vec1(&case["y"]), max_relative = ULPS);
        assert_relative_eq!(
            net.loss(&x, t),
            case["loss"].as_f64().unwrap(),
            max_relative = ULPS
        );
        let w_before = net.w.clone();
        let dw = net.numerical_gradient(&x, t);
        let bound = diff_of_ulps(case["loss"].as_f64().unwrap());
        approx::assert_abs_diff_eq!(dw, mat(&case["dW"]), epsilon = bound);
        assert_eq!(net.w, w_before, "W is restored exactly");
    }
}
