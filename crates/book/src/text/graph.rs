//! The words of chapter 5's computational graph: the shopping examples' quantities, the
//! figures' captions, and what `scratchnet graph` says about the book's `int()`.

super::texts! {
    /// [`Quantity::Apple`](crate::graph::Quantity::Apple).
    APPLE = "graph.apple" { en: "apple", ko: "사과" }
    /// [`Quantity::AppleNum`](crate::graph::Quantity::AppleNum).
    APPLE_NUM = "graph.apple-num" { en: "number of apples", ko: "사과 개수" }
    /// [`Quantity::Orange`](crate::graph::Quantity::Orange).
    ORANGE = "graph.orange" { en: "orange", ko: "귤" }
    /// [`Quantity::OrangeNum`](crate::graph::Quantity::OrangeNum).
    ORANGE_NUM = "graph.orange-num" { en: "number of oranges", ko: "귤 개수" }
    /// [`Quantity::Tax`](crate::graph::Quantity::Tax).
    TAX = "graph.tax" { en: "tax", ko: "소비세" }
    /// [`Quantity::Price`](crate::graph::Quantity::Price).
    PRICE = "graph.price" { en: "price", ko: "지불 금액" }
    /// A graph's caption: `{script}` is the book's script, `{figure}` its figure number.
    CAPTION = "graph.caption" {
        en: "{script}: the computational graph (figure {figure}), forward values above the \
             arrows, backward gradients below",
        ko: "{script}: 계산 그래프(그림 {figure}). 화살표 위는 순전파의 값, 아래는 역전파의 미분",
    }
    /// The legend of the forward values.
    FORWARD = "graph.forward" { en: "forward: the value", ko: "순전파: 값" }
    /// The caption of a layer's derivation on the graph ([`sigmoid_graph`](crate::graph::sigmoid_graph), ...).
    LAYER_CAPTION = "graph.layer-caption" {
        en: "The {layer} layer on the computational graph (§{section}): forward values above the \
             arrows, backward gradients below",
        ko: "계산 그래프로 본 {layer} 계층(§{section}). 화살표 위는 순전파의 값, 아래는 역전파의 미분",
    }
    /// The legend of the backward gradients.
    BACKWARD = "graph.backward" {
        en: "backward: ∂{output}/∂(that value)",
        ko: "역전파: ∂{output}/∂(그 값)",
    }
    /// `scratchnet graph`'s heading.
    HEADING = "graph.heading" {
        en: "The book's {script} (figure {figure}): forward, then backward from dprice = 1",
        ko: "책의 {script}(그림 {figure}): 순전파 후 dprice = 1에서 시작하는 역전파",
    }
    /// Beside a number the book prints with `int()`, the float underneath.
    BEFORE_INT = "graph.before-int" {
        en: "int() of {float}",
        ko: "{float}에 int()를 적용한 값",
    }
    /// Below the numbers, when the book's `int()` hides a float's tail.
    INT_NOTE = "graph.int-note" {
        en: "The book prints {names} through int(), which cuts the fraction off. The floats \
             underneath are not whole: a decimal such as {value} has no exact binary form (the \
             double nearest it is {exact}), so a product with it lands on a neighbour of the \
             exact result — just above, or just below, where int() then drops a whole unit.",
        ko: "책은 {names}에 int()를 적용해 소수 부분을 버리고 출력합니다. int()를 적용하기 전의 부동소수점 수는 정수가 아닙니다. {value} 같은 십진 소수는 이진수로 정확히 나타낼 수 없어(가장 가까운 double은 {exact}입니다) 그 수를 곱한 결과가 정확한 값 바로 옆의 double이 됩니다. 바로 위일 수도, 바로 아래일 수도 있는데, 바로 아래이면 int()가 1만큼 작은 정수를 냅니다.",
    }
    /// `scratchnet graph apple --orange ...`: oranges are in the other example.
    NO_ORANGES = "graph.no-oranges" {
        en: "--orange and --orange-num are quantities of the apple-orange example (buy_apple_orange.py): \
             give `scratchnet graph apple-orange`, or leave them out",
        ko: "--orange와 --orange-num은 apple-orange 예(buy_apple_orange.py)의 값입니다. \
             `scratchnet graph apple-orange`로 실행하거나 두 옵션을 빼십시오",
    }
}
