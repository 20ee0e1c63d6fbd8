//! The book's `ch05/buy_apple.py` and `ch05/buy_apple_orange.py` (sections 5.4.1–5.4.2,
//! figures 5-16 and 5-17): a calculation of a price through `MulLayer` and `AddLayer` nodes,
//! forward, then backward from `dprice = 1`.
//!
//! The book prints `int(price)`; here every number is printed as Rust prints a float (the
//! shortest decimal that reads back as the same double), so the floats under the book's
//! `int()` show. Expected output:
//!
//! ```text
//! buy_apple.py
//! price: 220.00000000000003
//! dApple: 2.2
//! dApple_num: 110.00000000000001
//! dTax: 200
//! buy_apple_orange.py
//! price: 715.0000000000001
//! dApple: 2.2
//! dApple_num: 110.00000000000001
//! dOrange: 3.3000000000000003
//! dOrange_num: 165
//! dTax: 650
//! ```
//!
//! Run with `cargo run --example ch05_buy_apple_orange`; `scratchnet graph` prints the same
//! with the book's `int()` and draws the figures.

use scratchnet::graph::{AddLayer, MulLayer};

fn main() {
    // buy_apple.py, the layers written out as the book's script does
    let (apple, apple_num, tax) = (100.0, 2.0, 1.1);
    let mut mul_apple_layer = MulLayer::default();
    let mut mul_tax_layer = MulLayer::default();
    let apple_price = mul_apple_layer.forward(apple, apple_num);
    let price = mul_tax_layer.forward(apple_price, tax);
    let dprice = 1.0;
    let (dapple_price, dtax) = mul_tax_layer.backward(dprice);
    let (dapple, dapple_num) = mul_apple_layer.backward(dapple_price);
    println!("buy_apple.py");
    println!("price: {price}");
    println!("dApple: {dapple}");
    println!("dApple_num: {dapple_num}");
    println!("dTax: {dtax}");

    // buy_apple_orange.py, the same steps with an AddLayer, as the library's function
    let receipt = scratchnet::graph::buy_apple_orange(100.0, 2.0, 150.0, 3.0, 1.1);
    println!("buy_apple_orange.py");
    println!("price: {}", receipt.price);
    for (quantity, gradient) in receipt.gradients {
        println!("{}: {gradient}", quantity.gradient_name());
    }
    // AddLayer passes the gradient on unchanged
    assert_eq!(AddLayer.backward(1.1), (1.1, 1.1));
}
