//! Every sentence a learner reads, in English and Korean: the message catalogue.
//!
//! A [`Text`] is one sentence in both languages, with `{name}` where a value goes. The texts
//! live here, grouped by idea ([`descent`] for the diagnoses of a run, [`words`] for the
//! short words of tables and pictures, ...), so that the library, every command, the pictures
//! and the playground say the same thing in the same words. A [`Sentence`] is a text with its
//! values, to be said in either [`Lang`]uage later:
//!
//! ```
//! use scratchnet_book::text::{self, Lang};
//! let said = text::words::STEPS_OF.with().arg("steps", 100);
//! assert_eq!(said.say(Lang::En), "100 steps");
//! assert_eq!(said.say(Lang::Ko), "100번 반복");
//! ```
//!
//! The Korean is written as a Korean teacher would write it (합니다체), with the terms of the
//! Korean edition of the book (밑바닥부터 시작하는 딥러닝): [`glossary`] lists them, and a
//! test fails when a Korean text uses a variant the glossary rules out.

pub mod commands;
pub mod descent;
pub mod errors;
pub mod glossary;
pub mod graph;
pub mod help;
pub mod pictures;
pub mod playground;
pub mod tour;
pub mod training;
pub mod words;

use std::fmt::Display;

/// A language a learner reads: English, or Korean (the book's Korean edition's learners).
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(feature = "clap", derive(clap::ValueEnum))]
pub enum Lang {
    /// English.
    #[default]
    En,
    /// Korean (한국어).
    Ko,
}

impl Lang {
    /// Both languages, English first.
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Ko];

    /// The text in this language, of two given side by side.
    pub fn pick<'a>(self, en: &'a str, ko: &'a str) -> &'a str {
        match self {
            Lang::En => en,
            Lang::Ko => ko,
        }
    }

    /// The language a POSIX locale names (`ko_KR.UTF-8`, `ko`, `en_US.UTF-8`, `C`): Korean for
    /// `ko` and `ko_*`, English for every other set locale, `None` for an empty one.
    ///
    /// ```
    /// use scratchnet_book::text::Lang;
    /// assert_eq!(Lang::from_locale("ko_KR.UTF-8"), Some(Lang::Ko));
    /// assert_eq!(Lang::from_locale("C.UTF-8"), Some(Lang::En));
    /// assert_eq!(Lang::from_locale(""), None);
    /// ```
    pub fn from_locale(locale: &str) -> Option<Lang> {
        let language = locale.split(['_', '.', '@']).next().unwrap_or_default();
        match language {
            "" => None,
            "ko" => Some(Lang::Ko),
            _ => Some(Lang::En),
        }
    }

    /// The language of the environment's locale, read as POSIX reads the messages' locale:
    /// `LC_ALL`, else `LC_MESSAGES`, else `LANG`, the first that is set and not empty;
    /// English when none is.
    pub fn from_env() -> Lang {
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .find_map(|name| Lang::from_locale(&std::env::var(name).unwrap_or_default()))
            .unwrap_or_default()
    }

    /// The language's tag: `en` or `ko`.
    pub fn tag(self) -> &'static str {
        self.pick("en", "ko")
    }
}

/// One sentence (or word) in both languages. `{name}` marks where a value goes; both languages
/// have the same names (a test holds them equal).
#[derive(Debug, PartialEq, Eq)]
pub struct Text {
    /// Its name in the catalogue, as the playground asks for it (`descent.converged`).
    pub key: &'static str,
    /// The English.
    pub en: &'static str,
    /// The Korean.
    pub ko: &'static str,
}

impl Text {
    /// The template in `lang`, `{name}`s unfilled.
    pub fn get(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::En => self.en,
            Lang::Ko => self.ko,
        }
    }

    /// A sentence of this text, to be given its values with [`Sentence::arg`].
    pub fn with(&'static self) -> Sentence {
        Sentence {
            text: self,
            args: Vec::new(),
        }
    }

    /// This text in `lang` with `args` filled in: a shorthand for [`Text::with`] and
    /// [`Sentence::say`].
    ///
    /// ```
    /// use scratchnet_book::text::{words, Lang};
    /// assert_eq!(words::STEPS_OF.say(Lang::Ko, &[("steps", &3)]), "3번 반복");
    /// ```
    pub fn say(&'static self, lang: Lang, args: &[(&'static str, &dyn Display)]) -> String {
        args.iter()
            .fold(self.with(), |s, (name, value)| s.arg(name, value))
            .say(lang)
    }

    /// The names of the values this text takes in `lang`, in order of appearance.
    pub fn placeholders(&self, lang: Lang) -> Vec<&'static str> {
        let mut names = Vec::new();
        let template = self.get(lang);
        let mut rest = template;
        while let Some(open) = rest.find('{') {
            let after = &rest[open + 1..];
            match after.find('}') {
                Some(close) if is_name(&after[..close]) => {
                    let start = template.len() - after.len();
                    names.push(&template[start..start + close]);
                    rest = &after[close + 1..];
                }
                _ => rest = after,
            }
        }
        names
    }
}

fn is_name(s: &str) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}

/// A [`Text`] with its values: said in English or Korean when it is printed.
#[derive(Clone, Debug, PartialEq)]
pub struct Sentence {
    text: &'static Text,
    args: Vec<(&'static str, Value)>,
}

/// A value in a sentence: the same in every language (a number, a name), or itself a sentence.
#[derive(Clone, Debug, PartialEq)]
enum Value {
    Plain(String),
    Said(Sentence),
}

impl Sentence {
    /// Gives `{name}` the value `value`, the same in every language.
    pub fn arg(mut self, name: &'static str, value: impl Display) -> Self {
        self.args.push((name, Value::Plain(value.to_string())));
        self
    }

    /// Gives `{name}` a sentence, said in the language of the whole.
    pub fn said(mut self, name: &'static str, sentence: Sentence) -> Self {
        self.args.push((name, Value::Said(sentence)));
        self
    }

    /// The catalogue's text this sentence says.
    pub fn text(&self) -> &'static Text {
        self.text
    }

    /// The sentence in `lang`. A `{name}` given no value is left as it is (a test holds that
    /// every sentence the library makes gives every value).
    pub fn say(&self, lang: Lang) -> String {
        let template = self.text.get(lang);
        let mut out = String::with_capacity(template.len() + 16);
        let mut rest = template;
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let after = &rest[open + 1..];
            let value = after.find('}').and_then(|close| {
                let name = &after[..close];
                let value = self.args.iter().find(|(n, _)| *n == name)?;
                Some((close, &value.1))
            });
            match value {
                Some((close, Value::Plain(v))) => {
                    out.push_str(v);
                    rest = &after[close + 1..];
                }
                Some((close, Value::Said(s))) => {
                    out.push_str(&s.say(lang));
                    rest = &after[close + 1..];
                }
                None => {
                    out.push('{');
                    rest = after;
                }
            }
        }
        out.push_str(rest);
        out
    }
}

/// Defines texts as `pub static`s, and `ALL`, the list of them, for the catalogue's tests and
/// the playground.
macro_rules! texts {
    ($($(#[$doc:meta])* $name:ident = $key:literal { en: $en:expr, ko: $ko:expr $(,)? })*) => {
        $($(#[$doc])* pub static $name: $crate::text::Text =
            $crate::text::Text { key: $key, en: $en, ko: $ko };)*
        /// Every text of this module.
        pub static ALL: &[&$crate::text::Text] = &[$(&$name),*];
    };
}
pub(crate) use texts;

/// The Hangul font, for what draws Korean where the reader may have none: the pictures' PNG
/// text and the playground's pages. Noto Sans CJK KR Regular (SIL Open Font License 1.1,
/// `crates/book/fonts/OFL.txt`) cut to the 2,350 Hangul syllables of KS X 1001 (the syllables
/// of everyday Korean), printable ASCII and the pictures' symbols, by
/// `crates/book/fonts/make-korean-subset.sh`: 266 kB.
pub static KOREAN_FONT: &[u8] = include_bytes!("../../fonts/korean-subset.otf");

/// Every text of the catalogue, module by module.
pub fn all() -> impl Iterator<Item = &'static Text> {
    [
        commands::ALL,
        descent::ALL,
        errors::ALL,
        graph::ALL,
        help::ALL,
        pictures::ALL,
        playground::ALL,
        tour::ALL,
        training::ALL,
        words::ALL,
    ]
    .into_iter()
    .flatten()
    .copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The Korean of the playground and of the diagnoses (which the pages show too) puts no
    /// particle whose form depends on pronunciation right after a value: 이/가, 은/는, ... would
    /// have to follow how the value is read.
    #[test]
    fn no_particle_of_two_forms_follows_a_value() {
        const PARTICLES: [&str; 12] = [
            "이 ", "가 ", "은 ", "는 ", "을 ", "를 ", "으로", "로 ", "과 ", "와 ", "이나", "나 ",
        ];
        for text in playground::ALL.iter().chain(descent::ALL) {
            for name in text.placeholders(Lang::Ko) {
                let value = format!("{{{name}}}");
                for (at, _) in text.ko.match_indices(&value) {
                    let after = &text.ko[at + value.len()..];
                    let bad = PARTICLES.iter().find(|p| after.starts_with(*p));
                    assert!(bad.is_none(), "{}: {value}{}", text.key, bad.unwrap());
                }
            }
        }
    }

    #[test]
    fn values_fill_their_places_and_sentences_nest() {
        let inner = words::STEPS_OF.with().arg("steps", 7);
        let outer = Text {
            key: "test.outer",
            en: "after {inner}, {x} and {unknown}",
            ko: "{inner} 뒤 {x}, {unknown}",
        };
        let outer: &'static Text = Box::leak(Box::new(outer));
        let said = outer.with().said("inner", inner).arg("x", 1.5);
        assert_eq!(said.say(Lang::En), "after 7 steps, 1.5 and {unknown}");
        assert_eq!(said.say(Lang::Ko), "7번 반복 뒤 1.5, {unknown}");
        assert_eq!(outer.placeholders(Lang::En), ["inner", "x", "unknown"]);
    }

    #[test]
    fn every_text_takes_the_same_values_in_both_languages() {
        let mut keys = std::collections::HashSet::new();
        for text in all() {
            assert!(
                keys.insert(text.key),
                "{} is in the catalogue twice",
                text.key
            );
            let mut en = text.placeholders(Lang::En);
            let mut ko = text.placeholders(Lang::Ko);
            // the same names, each said once or more
            en.sort_unstable();
            ko.sort_unstable();
            en.dedup();
            ko.dedup();
            assert_eq!(
                en, ko,
                "{}: the values differ between the languages",
                text.key
            );
            let nothing = std::ptr::eq(text, &words::NOTHING);
            assert!(
                nothing || !(text.en.is_empty() || text.ko.is_empty()),
                "{} is empty",
                text.key
            );
        }
    }

    #[test]
    fn the_locale_chooses_the_language() {
        for (locale, lang) in [
            ("ko_KR.UTF-8", Some(Lang::Ko)),
            ("ko", Some(Lang::Ko)),
            ("ko_KR@euro", Some(Lang::Ko)),
            ("en_US.UTF-8", Some(Lang::En)),
            ("C", Some(Lang::En)),
            ("kok_IN", Some(Lang::En)), // Konkani, not Korean
            ("", None),
        ] {
            assert_eq!(Lang::from_locale(locale), lang, "{locale}");
        }
    }
}
