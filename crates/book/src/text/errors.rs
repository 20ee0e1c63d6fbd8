//! The errors' sentences: what went wrong, in the learner's language. Where the library's
//! account of a problem is English only (a file's, a formula's, a setting's), the Korean says so
//! and gives it.

super::texts! {
    /// [`Error::LearningRate`](crate::Error::LearningRate).
    LEARNING_RATE = "errors.learning-rate" {
        en: "learning rate must be a positive finite number, got {lr}",
        ko: "학습률은 0보다 큰 유한한 수여야 합니다. 받은 값은 {lr}입니다.",
    }
    /// [`Error::Dimension`](crate::Error::Dimension).
    DIMENSION = "errors.dimension" {
        en: "{function} takes a point of dimension {expected}, got {got}",
        ko: "{function}에는 {expected}차원 점을 주어야 하는데 {got}차원 점을 받았습니다.",
    }
    /// [`Error::ClassIndex`](crate::Error::ClassIndex).
    CLASS_INDEX = "errors.class-index" {
        en: "class index {index} is out of range: there are {classes} classes (0..={max})",
        ko: "클래스 번호가 범위를 벗어났습니다: {index}. 클래스는 {classes}개이고 번호는 0부터 {max}까지입니다.",
    }
    /// [`Error::DataMissing`](crate::Error::DataMissing).
    DATA_MISSING = "errors.data-missing" {
        en: "{file} is not in {dir} (nor the same name without .gz)",
        ko: "{dir}에 {file} 파일이 없습니다(.gz를 뗀 이름의 파일도 없습니다).",
    }
    /// [`Error::MnistFrom`](crate::Error::MnistFrom).
    MNIST_FROM = "errors.mnist-from" {
        en: "reading MNIST from {from}: {cause}",
        ko: "MNIST를 읽지 못했습니다(읽으려던 곳: {from}). {cause}",
    }
    /// A typed formula refused: the library's account, in English.
    FORMULA = "errors.formula" {
        en: "formula: {problem}",
        ko: "식을 읽을 수 없습니다(영어로 된 설명: {problem})",
    }
    /// A setting refused: the library's account, in English.
    SETTING = "errors.setting" {
        en: "{what}: {problem}",
        ko: "설정값이 잘못되었습니다(영어로 된 설명: {what}: {problem})",
    }
    /// Any other error: the library's account, in English.
    ENGLISH_ONLY = "errors.english-only" {
        en: "{message}",
        ko: "영어로 된 설명: {message}",
    }
    /// A number the command line could not read.
    NOT_A_NUMBER = "errors.not-a-number" {
        en: "{part} in {whole} is not a number (write it like {example})",
        ko: "{whole}의 {part}: 숫자가 아닙니다({example}처럼 쓰세요).",
    }
    /// A value that is not a number, alone.
    NOT_A_NUMBER_ALONE = "errors.not-a-number-alone" {
        en: "{part} in {part} is not a number (write it like {example})",
        ko: "{part}: 숫자가 아닙니다({example}처럼 쓰세요).",
    }
    /// A value that is not a finite number, alone.
    NOT_FINITE_ALONE = "errors.not-finite-alone" {
        en: "{part} in {part} is not a finite number (write it like {example})",
        ko: "{part}: 유한한 수가 아닙니다({example}처럼 쓰세요).",
    }
    /// A number that must be finite.
    NOT_FINITE_NUMBER = "errors.not-finite-number" {
        en: "{part} in {whole} is not a finite number (write it like {example})",
        ko: "{whole}의 {part}: 유한한 수가 아닙니다({example}처럼 쓰세요).",
    }
    /// A learning rate that is not positive.
    NOT_POSITIVE_LR = "errors.not-positive-lr" {
        en: "the learning rate must be positive (such as 0.1), got {value}",
        ko: "학습률은 0보다 커야 합니다(예: 0.1). 받은 값은 {value}입니다.",
    }
    /// A weight scale that is not positive.
    NOT_POSITIVE_STD = "errors.not-positive-std" {
        en: "the initial weights' scale is {value}: give a standard deviation above 0 (the book: 0.01), or xavier or he",
        ko: "가중치 초깃값의 표준편차는 0보다 커야 합니다(책은 0.01). xavier나 he를 줄 수도 있습니다. 받은 값은 {value}입니다.",
    }
    /// A step h that is not positive.
    NOT_POSITIVE_H = "errors.not-positive-h" {
        en: "h must be positive (such as 1e-4), got {value}",
        ko: "h는 0보다 커야 합니다(예: 1e-4). 받은 값은 {value}입니다.",
    }
    /// A number outside [0, 1).
    NOT_UNIT = "errors.not-unit" {
        en: "must be at least 0 and below 1 (such as 0.9), got {value}",
        ko: "0 이상 1 미만이어야 합니다(예: 0.9). 받은 값은 {value}입니다.",
    }
    /// A weight decay that is negative.
    NEGATIVE_WEIGHT_DECAY = "errors.negative-weight-decay" {
        en: "the weight decay λ must be at least 0 (the book: 0.1), got {value}",
        ko: "가중치 감소 λ는 0 이상이어야 합니다(책은 0.1). 받은 값은 {value}입니다.",
    }
    /// A Dropout ratio outside [0, 1).
    NOT_DROPOUT_RATIO = "errors.not-dropout-ratio" {
        en: "a Dropout ratio is the fraction of units turned off: at least 0 and below 1 (the book: 0.2), got {value}",
        ko: "드롭아웃 비율은 꺼 둘 뉴런의 비율이므로 0 이상 1 미만이어야 합니다(책은 0.2). 받은 값은 {value}입니다.",
    }
    /// `overfit --weight-decay --dropout`.
    ONE_CURE = "errors.one-cure" {
        en: "--weight-decay and --dropout are two cures the book tries one at a time, each against the network without it (figures 6-21 and 6-23): give one of them",
        ko: "가중치 감소(--weight-decay)와 드롭아웃(--dropout)은 책이 하나씩 따로, 그 대책이 없는 신경망과 비교하며 시험하는 방법입니다(그림 6-21, 6-23). 둘 중 하나만 주십시오.",
    }
    /// A matrix whose rows differ in length.
    RAGGED_ROWS = "errors.ragged-rows" {
        en: "row {row} of {whole} has {n} numbers but row 1 has {cols}: every row needs the same count",
        ko: "{whole}의 {row}번째 행에는 숫자가 {n}개, 첫 행에는 {cols}개 있습니다. 모든 행의 개수가 같아야 합니다.",
    }
    /// clap's words around a refused value, in Korean (the English is clap's own).
    INVALID_VALUE = "errors.invalid-value" {
        en: "invalid value '{value}' for '{arg}'",
        ko: "{arg}에 준 값 '{value}'",
    }
    /// clap's last line after an error.
    MORE_INFORMATION = "errors.more-information" {
        en: "For more information, try '--help'.",
        ko: "자세한 내용은 '--help'로 볼 수 있습니다.",
    }
    /// An argument clap does not know.
    UNEXPECTED_ARGUMENT = "errors.unexpected-argument" {
        en: "unexpected argument '{arg}' found",
        ko: "알 수 없는 인자입니다: '{arg}'",
    }
    /// A one-dimensional function where a map needs two.
    ONE_DIMENSIONAL = "errors.one-dimensional" {
        en: "{f} is one-dimensional; this draws maps of x0 and x1, so it takes one of: {names}",
        ko: "{f} 함수는 1차원입니다. 이 명령은 x0, x1의 지도를 그리므로 다음 중 하나를 주세요: {names}",
    }
    /// An unknown function.
    UNKNOWN_FUNCTION = "errors.unknown-function" {
        en: "unknown function; one of: {names}",
        ko: "없는 함수입니다. 다음 중 하나를 주세요: {names}",
    }
    /// `batch-norm-test --scales` that names no scale of the 16.
    BAD_SCALES = "errors.bad-scales" {
        en: "give all, or the numbers of the 16 scales, comma-separated, from 0 (W = 1) to 15 \
             (W = 0.0001), such as 0,5,15",
        ko: "all을 주거나, 16개 표준편차의 번호(0(W = 1)부터 15(W = 0.0001)까지)를 쉼표로 구분해 주십시오(예: 0,5,15)",
    }
}
