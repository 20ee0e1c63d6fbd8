//! The language of the tour's narration and tables: English, or Korean (the notebook this
//! project grew from is Korean). Both texts sit side by side where they are printed.

use scratchnet_book::{Diagnosis, DiagnosisKind};

/// A language for terminal output.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum Lang {
    /// English.
    #[default]
    En,
    /// Korean (한국어).
    Ko,
}

impl Lang {
    /// The text in this language.
    pub fn pick<'a>(self, en: &'a str, ko: &'a str) -> &'a str {
        match self {
            Lang::En => en,
            Lang::Ko => ko,
        }
    }

    /// A diagnosis kind's name.
    pub fn kind(self, kind: DiagnosisKind) -> String {
        match self {
            Lang::En => kind.to_string(),
            Lang::Ko => match kind {
                DiagnosisKind::Converged => "수렴",
                DiagnosisKind::Saddle => "안장점",
                DiagnosisKind::Plateau => "고원",
                DiagnosisKind::Diverged => "발산",
                DiagnosisKind::Stalled => "정체",
                DiagnosisKind::Moving => "이동 중",
                DiagnosisKind::Overflow => "넘침",
            }
            .to_string(),
        }
    }

    /// A diagnosis in words: in English the library's message; in Korean a sentence of what
    /// the kind means, then the library's message with its figures.
    pub fn diagnosis(self, diagnosis: &Diagnosis) -> String {
        let message = &diagnosis.message;
        if self == Lang::En {
            return message.clone();
        }
        let meaning = match diagnosis.kind {
            DiagnosisKind::Converged => {
                "기울기가 거의 0이 되었고 f가 모든 방향으로 위로 휘어 있습니다(헤세 행렬의 고윳값이 \
                 모두 양수). 최솟값에 도착했습니다."
            }
            DiagnosisKind::Saddle => {
                "기울기는 사라졌지만 f가 아래로 휘는 방향이 남아 있습니다(음의 고윳값). 최솟값이 \
                 아니라 안장점에 멈췄습니다."
            }
            DiagnosisKind::Plateau => {
                "기울기도 곡률도 거의 0인데 f는 알려진 최솟값보다 한참 위에 있습니다. 평평한 \
                 고원에서 아주 느리게 기어가는 중입니다."
            }
            DiagnosisKind::Diverged => {
                "점이 멀리 튀어 나가거나 f가 줄지 않았습니다. 학습률이 너무 큽니다."
            }
            DiagnosisKind::Stalled => {
                "기울기가 작지 않은데도 점이 거의 움직이지 않았습니다. 학습률이 너무 작습니다."
            }
            DiagnosisKind::Moving => {
                "f는 줄었지만 기울기가 아직 작지 않습니다. 단계를 더 밟으면 더 다가갑니다."
            }
            DiagnosisKind::Overflow => {
                "시작점에서 이미 f나 기울기가 64비트 부동소수점의 범위를 넘었습니다. 학습률과 \
                 상관없이, 최솟값에 더 가까운 곳에서 시작해야 합니다."
            }
        };
        format!("{meaning}\n    자세한 수치(영문): {message}")
    }
}
