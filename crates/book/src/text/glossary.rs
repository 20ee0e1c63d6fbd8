//! The terms, in the Korean edition's words (밑바닥부터 시작하는 딥러닝): one Korean word for
//! each idea, and the variants a Korean text must not use instead.
//!
//! [`misuses`] finds them in a text; the catalogue's test runs it over every Korean text, and
//! the command line's tests over what every command prints in Korean.

/// A term: the English, the Korean edition's word, and the variants ruled out.
#[derive(Debug)]
pub struct Term {
    /// The English term.
    pub en: &'static str,
    /// The Korean edition's word.
    pub ko: &'static str,
    /// Words a Korean text must not use for this idea. An occurrence inside the Korean word
    /// itself does not count (`노트` inside `노트북`).
    pub avoid: &'static [&'static str],
    /// Where the word comes from, or why this one was chosen.
    pub note: &'static str,
}

/// Every term, in the order a learner meets them.
pub static GLOSSARY: &[Term] = &[
    Term {
        en: "numerical differentiation",
        ko: "수치 미분",
        avoid: &[],
        note: "chapter 4",
    },
    Term {
        en: "analytic differentiation",
        ko: "해석적 미분",
        avoid: &["참 기울기", "참된 기울기", "정확한 미분"],
        note: "chapter 4: the derivative by formula",
    },
    Term {
        en: "forward difference",
        ko: "전방 차분",
        avoid: &["전진 차분"],
        note: "chapter 4",
    },
    Term {
        en: "central difference",
        ko: "중앙 차분",
        avoid: &["중심 차분"],
        note: "chapter 4 names both; scratchnet says 중앙 차분 everywhere",
    },
    Term {
        en: "partial derivative",
        ko: "편미분",
        avoid: &[],
        note: "chapter 4",
    },
    Term {
        en: "gradient",
        ko: "기울기",
        avoid: &["그래디언트", "경사도"],
        note: "chapter 4",
    },
    Term {
        en: "gradient descent",
        ko: "경사 하강법",
        avoid: &["기울기 하강법", "경사하강법"],
        note: "chapter 4",
    },
    Term {
        en: "basic gradient descent (SGD)",
        ko: "기본 경사 하강법(SGD)",
        avoid: &["평범한 경사 하강법", "단순 경사 하강법"],
        note: "the rule without momentum or adaptation (chapter 6)",
    },
    Term {
        en: "stochastic gradient descent",
        ko: "확률적 경사 하강법",
        avoid: &[],
        note: "chapters 4 and 6",
    },
    Term {
        en: "learning rate",
        ko: "학습률",
        avoid: &["학습 속도", "러닝 레이트"],
        note: "chapter 4",
    },
    Term {
        en: "step (of descent), iteration",
        ko: "반복",
        avoid: &[],
        note: "the book's step_num, 반복 횟수 (chapter 4)",
    },
    Term {
        en: "starting point",
        ko: "시작점",
        avoid: &["출발점"],
        note: "one word for init_x",
    },
    Term {
        en: "minimum (a point)",
        ko: "최소점",
        avoid: &["최솟값에 도착", "최솟값에 수렴", "최솟값에 서"],
        note: "a point; its f is the 최솟값",
    },
    Term {
        en: "local minimum (a point)",
        ko: "극소점",
        avoid: &["국소 최솟값", "지역 최솟값"],
        note: "a point; its f is the 극솟값",
    },
    Term {
        en: "minimum (a value)",
        ko: "최솟값",
        avoid: &["최소값"],
        note: "standard spelling (사이시옷)",
    },
    Term {
        en: "local minimum (a value)",
        ko: "극솟값",
        avoid: &["극소값"],
        note: "standard spelling (사이시옷)",
    },
    Term {
        en: "saddle point",
        ko: "안장점",
        avoid: &[],
        note: "chapter 4",
    },
    Term {
        en: "plateau",
        ko: "고원",
        avoid: &["플래토", "평탄 지역"],
        note: "chapter 4",
    },
    Term {
        en: "convex (curving up)",
        ko: "아래로 볼록",
        avoid: &["위로 휘어"],
        note: "Korean school terms: 아래로 볼록 is ∪",
    },
    Term {
        en: "Hessian",
        ko: "헤세 행렬",
        avoid: &["헤시안"],
        note: "not in the book: the matrix of second derivatives",
    },
    Term {
        en: "eigenvalue",
        ko: "고윳값",
        avoid: &["고유값"],
        note: "not in the book; standard spelling (사이시옷)",
    },
    Term {
        en: "overflow",
        ko: "오버플로",
        avoid: &["넘침", "오버플로우"],
        note: "chapter 3 (softmax)",
    },
    Term {
        en: "loss function",
        ko: "손실 함수",
        avoid: &["로스 함수"],
        note: "chapter 4",
    },
    Term {
        en: "cross entropy error",
        ko: "교차 엔트로피 오차",
        avoid: &["크로스 엔트로피"],
        note: "chapter 4",
    },
    Term {
        en: "mini-batch",
        ko: "미니배치",
        avoid: &["미니 배치"],
        note: "chapter 4",
    },
    Term {
        en: "epoch",
        ko: "에폭",
        avoid: &["에포크"],
        note: "chapter 4: 1에폭 is the iterations that use all the training data once",
    },
    Term {
        en: "training data",
        ko: "훈련 데이터",
        avoid: &["학습 데이터"],
        note: "chapter 4",
    },
    Term {
        en: "test data",
        ko: "시험 데이터",
        avoid: &["테스트 데이터"],
        note: "chapter 4",
    },
    Term {
        en: "accuracy",
        ko: "정확도",
        avoid: &["정답률"],
        note: "chapters 3 and 4",
    },
    Term {
        en: "overfitting",
        ko: "오버피팅",
        avoid: &["과적합", "과대적합"],
        note: "chapters 4 and 6",
    },
    Term {
        en: "weight decay",
        ko: "가중치 감소",
        avoid: &["가중치 감쇠", "웨이트 디케이"],
        note: "chapter 6 (6.4.2): ½λΣW² added to the loss",
    },
    Term {
        en: "Dropout",
        ko: "드롭아웃",
        avoid: &["드랍아웃"],
        note: "chapter 6 (6.4.3)",
    },
    Term {
        en: "hyperparameter",
        ko: "하이퍼파라미터",
        avoid: &["초매개변수"],
        note: "chapter 6 (6.5): the Korean edition keeps the loanword, though a parameter is 매개변수",
    },
    Term {
        en: "validation data",
        ko: "검증 데이터",
        avoid: &["검증 세트", "밸리데이션"],
        note: "chapter 6 (6.5.1)",
    },
    Term {
        en: "weight",
        ko: "가중치",
        avoid: &[],
        note: "chapter 2: W only; with the biases, 매개변수",
    },
    Term {
        en: "bias",
        ko: "편향",
        avoid: &["바이어스"],
        note: "chapter 2",
    },
    Term {
        en: "parameter",
        ko: "매개변수",
        avoid: &["파라미터"],
        note: "weights and biases together",
    },
    Term {
        en: "hidden layer",
        ko: "은닉층",
        avoid: &["히든 레이어", "숨은층"],
        note: "chapter 3",
    },
    Term {
        en: "activation function",
        ko: "활성화 함수",
        avoid: &["활성 함수"],
        note: "chapter 3",
    },
    Term {
        en: "sigmoid",
        ko: "시그모이드",
        avoid: &[],
        note: "chapter 3",
    },
    Term {
        en: "softmax",
        ko: "소프트맥스",
        avoid: &[],
        note: "chapter 3",
    },
    Term {
        en: "shape (of an array)",
        ko: "형상",
        avoid: &["모양"],
        note: "chapters 1 and 3: NumPy's shape",
    },
    Term {
        en: "element (of an array)",
        ko: "원소",
        avoid: &["항목"],
        note: "chapter 1",
    },
    Term {
        en: "pixel",
        ko: "픽셀",
        avoid: &["화소"],
        note: "chapter 3",
    },
    Term {
        en: "backpropagation",
        ko: "오차역전파법",
        avoid: &["오차역전파", "역전파법"],
        note: "chapter 5",
    },
    Term {
        en: "computational graph",
        ko: "계산 그래프",
        avoid: &["연산 그래프"],
        note: "chapter 5",
    },
    Term {
        en: "momentum",
        ko: "모멘텀",
        avoid: &["운동량"],
        note: "chapter 6",
    },
    Term {
        en: "update rule (optimizer)",
        ko: "갱신 방법",
        avoid: &["최적화기", "옵티마이저"],
        note: "chapter 6: 매개변수 갱신",
    },
    Term {
        en: "initial weights",
        ko: "가중치 초깃값",
        avoid: &["가중치 초기값", "초기 가중치", "초기값"],
        note: "chapter 6: 가중치의 초깃값; standard spelling (사이시옷)",
    },
    Term {
        en: "activation (a unit's output)",
        ko: "활성화값",
        avoid: &["활성화 값"],
        note: "chapter 6: 은닉층의 활성화값 분포; one word",
    },
    Term {
        en: "Batch Normalization",
        ko: "배치 정규화",
        avoid: &["배치 노멀라이제이션", "배치 표준화", "일괄 정규화"],
        note: "chapter 6",
    },
    Term {
        en: "contour line",
        ko: "등고선",
        avoid: &[],
        note: "the maps of the descent pictures",
    },
    Term {
        en: "tangent line",
        ko: "접선",
        avoid: &["탄젠트 선"],
        note: "chapter 4",
    },
    Term {
        en: "notebook (Jupyter)",
        ko: "노트북",
        avoid: &["노트"],
        note: "one word for the .ipynb",
    },
];

/// The ruled-out variants `ko` uses, each with the word to use instead: empty when the text
/// keeps to the glossary.
///
/// ```
/// use scratchnet_book::text::glossary::misuses;
/// assert_eq!(misuses("중심 차분으로 구합니다"), ["중심 차분 → 중앙 차분"]);
/// assert!(misuses("오차역전파법과 노트북").is_empty());
/// assert_eq!(misuses("오차역전파로"), ["오차역전파 → 오차역전파법"]);
/// // a term of its own is no variant of another
/// assert!(misuses("하이퍼파라미터와 매개변수").is_empty());
/// assert_eq!(misuses("파라미터"), ["파라미터 → 매개변수"]);
/// ```
pub fn misuses(ko: &str) -> Vec<String> {
    let mut found = Vec::new();
    // where a right word stands, a variant inside it is no variant (`파라미터` inside
    // `하이퍼파라미터`, `노트` inside `노트북`)
    let covered: Vec<(usize, usize)> = GLOSSARY
        .iter()
        .flat_map(|term| ko.match_indices(term.ko))
        .map(|(at, w)| (at, at + w.len()))
        .collect();
    for term in GLOSSARY {
        for variant in term.avoid {
            let stray = ko.match_indices(variant).any(|(at, w)| {
                !covered
                    .iter()
                    .any(|&(start, end)| start <= at && at + w.len() <= end)
            });
            if stray {
                found.push(format!("{variant} → {}", term.ko));
            }
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_korean_text_keeps_to_the_glossary() {
        let wrong: Vec<String> = super::super::all()
            .flat_map(|t| {
                misuses(t.ko)
                    .into_iter()
                    .map(move |m| format!("{}: {m}", t.key))
            })
            .collect();
        assert!(wrong.is_empty(), "{wrong:#?}");
    }

    #[test]
    fn the_check_finds_each_variant_and_spares_the_words_themselves() {
        for term in GLOSSARY {
            assert!(misuses(term.ko).is_empty(), "{} flags itself", term.ko);
            for variant in term.avoid {
                assert!(
                    misuses(&format!("이것은 {variant}입니다"))
                        .iter()
                        .any(|m| m.starts_with(variant)),
                    "{variant} is not found"
                );
            }
        }
    }
}
