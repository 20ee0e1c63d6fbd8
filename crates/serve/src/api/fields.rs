//! A request serde refused, said in the catalogue's words: the field named, the value it was
//! given and what it takes ([`refusal`]).
//!
//! What a field takes is asked of the request's own type: deserialized from a [`Probe`], a
//! deserializer that holds no value, the type names its fields (`deserialize_struct`) or asks
//! for the kind of value it wants (`deserialize_u64`, `deserialize_enum` with its names, ...),
//! and the probe answers with that instead of a value. So the words follow the types, and a new
//! field needs no words of its own.

use std::fmt;

use scratchnet_book::text::{Sentence, playground as say};
use serde::de::{
    self, DeserializeOwned, DeserializeSeed, IntoDeserializer, MapAccess, SeqAccess, Visitor,
};
use serde_json::Value;
use serde_path_to_error::{Path, Segment};

/// The most characters of a value a refusal shows; a longer one is cut short with `…`.
const SHOWN: usize = 40;

/// Where a refused request's values are, as they were written.
#[derive(Clone, Copy, Debug)]
pub(super) enum Written<'a> {
    /// A JSON body.
    Body(&'a Value),
    /// A query string (which also takes `lang`, read before the route: `language.rs`).
    Query(&'a str),
}

impl Written<'_> {
    /// The value at `path` as it was written, cut short if long; `None` if it is not there.
    fn at(self, path: &[Segment]) -> Option<String> {
        let written = match self {
            Written::Body(body) => path
                .iter()
                .try_fold(body, |value, step| match step {
                    Segment::Map { key } => value.get(key),
                    Segment::Seq { index } => value.get(index),
                    _ => None,
                })?
                .to_string(),
            Written::Query(query) => {
                let [Segment::Map { key }] = path else {
                    return None;
                };
                let (_, value) =
                    form_urlencoded::parse(query.as_bytes()).find(|(name, _)| name == key)?;
                Value::String(value.into_owned()).to_string()
            }
        };
        Some(match written.char_indices().nth(SHOWN) {
            Some((end, _)) => format!("{}…", &written[..end]),
            None => written,
        })
    }
}

/// serde's refusal of a request of type `T` (`message`, at `path`) in the catalogue's words: a
/// field unknown (with the fields there are), given twice, missing, `null` where it may only
/// be left out ([`super::not_null`]), or given a value it does not take. `None` when serde's own
/// words are all there is.
pub(super) fn refusal<T: DeserializeOwned>(
    path: &Path,
    message: &str,
    written: Written<'_>,
) -> Option<Sentence> {
    let steps: Vec<Segment> = path.iter().cloned().collect();
    let Some(Segment::Map { key }) = steps.first() else {
        // the request as a whole: serde's "missing field `x`" or "duplicate field `x`"
        let named = |what: &str| {
            let rest = message.strip_prefix(what)?.strip_prefix(" field `")?;
            rest.split('`').next()
        };
        if let Some(field) = named("missing") {
            let takes = takes::<T>(&[Segment::Map { key: field.into() }])?;
            return Some(
                say::MISSING_FIELD
                    .with()
                    .arg("field", field)
                    .said("takes", takes),
            );
        }
        return named("duplicate").map(|field| say::FIELD_TWICE.with().arg("field", field));
    };
    let fields = fields::<T>();
    if !fields.contains(&key.as_str()) {
        let mut names = fields.to_vec();
        if let Written::Query(_) = written {
            names.push("lang");
        }
        return Some(
            say::UNKNOWN_FIELD
                .with()
                .arg("field", key)
                .arg("fields", names.join(", ")),
        );
    }
    if message.starts_with(super::NULL) {
        return Some(say::NULL_FIELD.with().arg("field", path));
    }
    let value = written.at(&steps)?;
    let takes = takes::<T>(&steps)?;
    Some(
        say::WRONG_VALUE
            .with()
            .arg("field", path)
            .arg("value", value)
            .said("takes", takes),
    )
}

/// The fields of a request of type `T`, by name.
fn fields<T: DeserializeOwned>() -> &'static [&'static str] {
    match T::deserialize(Probe { path: &[] }) {
        Err(Found::Fields(fields)) => fields,
        _ => &[],
    }
}

/// What a request of type `T` takes at `path`, in words; `None` for any JSON value (which
/// the route checks itself).
fn takes<T: DeserializeOwned>(path: &[Segment]) -> Option<Sentence> {
    match T::deserialize(Probe { path }) {
        Err(Found::Takes(takes)) => Some(takes),
        _ => None,
    }
}

/// What a probe found out: the answer a type gave instead of a value.
#[derive(Debug)]
enum Found {
    /// A struct's fields, by name.
    Fields(&'static [&'static str]),
    /// What the value at the path takes.
    Takes(Sentence),
    /// Nothing the catalogue can say: any value (`serde_json::Value`), or a type's own error.
    Nothing,
}

impl fmt::Display for Found {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("what a request's type asks for")
    }
}

impl std::error::Error for Found {}

impl de::Error for Found {
    fn custom<M: fmt::Display>(_: M) -> Self {
        Found::Nothing
    }
}

/// A deserializer that holds no value: it follows `path` into the type that asks it for one
/// (a struct's field, a list's element), and there answers with what the type asked for.
#[derive(Clone, Copy, Debug)]
struct Probe<'a> {
    path: &'a [Segment],
}

/// The probe's answers to the kinds of value that each take one text.
macro_rules! takes {
    ($($method:ident: $text:path,)*) => {$(
        fn $method<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Found> {
            Err(Found::Takes($text.with()))
        }
    )*};
}

impl<'de> de::Deserializer<'de> for Probe<'_> {
    type Error = Found;

    fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Found> {
        Err(Found::Nothing)
    }

    takes! {
        deserialize_bool: say::TAKES_BOOLEAN,
        deserialize_u8: say::TAKES_BYTE,
        deserialize_u16: say::TAKES_WHOLE,
        deserialize_u32: say::TAKES_WHOLE,
        deserialize_u64: say::TAKES_WHOLE,
        deserialize_f32: say::TAKES_NUMBER,
        deserialize_f64: say::TAKES_NUMBER,
        deserialize_char: say::TAKES_TEXT,
        deserialize_str: say::TAKES_TEXT,
        deserialize_string: say::TAKES_TEXT,
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Found> {
        visitor.visit_some(self)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        visitor: V,
    ) -> Result<V::Value, Found> {
        visitor.visit_newtype_struct(self)
    }

    /// A list: what its element on the path takes, or what each element takes.
    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Found> {
        match self.path.split_first() {
            Some((Segment::Seq { .. }, path)) => visitor.visit_seq(Element(Some(Probe { path }))),
            _ => match visitor.visit_seq(Element(Some(Probe { path: &[] }))) {
                Err(Found::Takes(each)) => {
                    Err(Found::Takes(say::TAKES_LIST.with().said("each", each)))
                }
                other => other,
            },
        }
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _: &'static str,
        names: &'static [&'static str],
        _: V,
    ) -> Result<V::Value, Found> {
        let names = names.join(", ");
        Err(Found::Takes(say::TAKES_NAME.with().arg("names", names)))
    }

    /// A struct: what its field on the path takes, or its fields.
    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Found> {
        match self.path.split_first() {
            Some((Segment::Map { key }, path)) => visitor.visit_map(Field {
                key: Some(key),
                value: Probe { path },
            }),
            _ => Err(Found::Fields(fields)),
        }
    }

    serde::forward_to_deserialize_any! {
        i8 i16 i32 i64 i128 u128 bytes byte_buf unit unit_struct tuple tuple_struct map
        identifier ignored_any
    }
}

/// A struct of one field, `key`, whose value is a [`Probe`].
struct Field<'a> {
    key: Option<&'a str>,
    value: Probe<'a>,
}

impl<'de> MapAccess<'de> for Field<'_> {
    type Error = Found;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Found> {
        self.key
            .take()
            .map(|key| seed.deserialize(key.into_deserializer()))
            .transpose()
    }

    fn next_value_seed<S: DeserializeSeed<'de>>(&mut self, seed: S) -> Result<S::Value, Found> {
        seed.deserialize(self.value)
    }
}

/// A list of one element, a [`Probe`].
struct Element<'a>(Option<Probe<'a>>);

impl<'de> SeqAccess<'de> for Element<'_> {
    type Error = Found;

    fn next_element_seed<S: DeserializeSeed<'de>>(
        &mut self,
        seed: S,
    ) -> Result<Option<S::Value>, Found> {
        self.0
            .take()
            .map(|probe| seed.deserialize(probe))
            .transpose()
    }
}

#[cfg(test)]
mod tests {
    use scratchnet_book::text::Lang;
    use serde::Deserialize;

    use super::*;

    /// A request with a field of every kind.
    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)] // read by serde only
    struct Request {
        #[serde(default, deserialize_with = "crate::api::not_null")]
        lr: Option<f64>,
        #[serde(default)]
        steps: usize,
        #[serde(default, deserialize_with = "crate::api::not_null")]
        rule: Option<scratchnet_book::OptimizerKind>,
        #[serde(default)]
        ink: Vec<u8>,
        #[serde(default)]
        flag: bool,
        #[serde(default)]
        text: String,
        #[serde(default, deserialize_with = "crate::api::not_null")]
        any: Option<Value>,
        width: usize,
    }

    /// What a body is refused with, in English.
    fn body(json: &str) -> String {
        let e = serde_path_to_error::deserialize::<_, Request>(
            &mut serde_json::Deserializer::from_str(json),
        )
        .unwrap_err();
        let written: Value = serde_json::from_str(json).unwrap();
        let said = refusal::<Request>(e.path(), &e.inner().to_string(), Written::Body(&written));
        said.map_or_else(|| format!("serde: {e}"), |s| s.say(Lang::En))
    }

    /// What a query string is refused with, in English.
    fn query(query: &str) -> String {
        let pairs = serde_urlencoded::Deserializer::new(form_urlencoded::parse(query.as_bytes()));
        let e = serde_path_to_error::deserialize::<_, Request>(pairs).unwrap_err();
        let said = refusal::<Request>(e.path(), &e.inner().to_string(), Written::Query(query));
        said.map_or_else(|| format!("serde: {e}"), |s| s.say(Lang::En))
    }

    #[test]
    fn the_type_says_its_fields_and_what_each_takes() {
        let fields = ["lr", "steps", "rule", "ink", "flag", "text", "any", "width"];
        assert_eq!(super::fields::<Request>(), fields);
        let takes = |path: &[Segment]| takes::<Request>(path).map(|s| s.say(Lang::En));
        let field = |key: &str| Segment::Map { key: key.into() };
        for (key, said) in [
            ("lr", Some("a number")),
            ("steps", Some("a whole number, 0 or more")),
            ("flag", Some("true or false")),
            ("text", Some("text in double quotes")),
            ("any", None),
            (
                "rule",
                Some("one of sgd, momentum, nesterov, adagrad, rmsprop, adam"),
            ),
            (
                "ink",
                Some("a list whose elements are each a whole number from 0 to 255"),
            ),
        ] {
            assert_eq!(takes(&[field(key)]).as_deref(), said, "{key}");
        }
        let pixel = [field("ink"), Segment::Seq { index: 3 }];
        assert_eq!(
            takes(&pixel).as_deref(),
            Some("a whole number from 0 to 255")
        );
    }

    /// serde's words for each refusal, as this module reads them, from a JSON body and from a
    /// query string.
    #[test]
    fn every_refusal_names_the_field_and_what_it_takes() {
        for (json, said) in [
            (
                r#"{"width": 1, "lr": null}"#,
                "lr is null: give it a value, or leave it out for its default",
            ),
            (
                r#"{"width": 1, "any": null}"#,
                "any is null: give it a value, or leave it out for its default",
            ),
            (
                r#"{"width": null}"#,
                "width is null: give a whole number, 0 or more",
            ),
            (
                r#"{"width": -5}"#,
                "width is -5: give a whole number, 0 or more",
            ),
            (
                r#"{"width": 1, "rule": 3}"#,
                "rule is 3: give one of sgd, momentum, nesterov, adagrad, rmsprop, adam",
            ),
            (
                r#"{"width": 1, "ink": [0, 256]}"#,
                "ink[1] is 256: give a whole number from 0 to 255",
            ),
            (
                r#"{"width": 1, "text": [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20]}"#,
                "text is [1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,…: give text in double quotes",
            ),
            (
                r#"{"width": 1, "widht": 2}"#,
                "unknown field `widht`: this request takes lr, steps, rule, ink, flag, text, any, width",
            ),
            (
                r#"{"width": 1, "width": 2}"#,
                "width is given more than once: give it once",
            ),
            (
                r#"{"lr": 1}"#,
                "width is missing: give a whole number, 0 or more",
            ),
        ] {
            assert_eq!(body(json), said, "{json}");
        }
        for (pairs, said) in [
            (
                "width=abc",
                "width is \"abc\": give a whole number, 0 or more",
            ),
            ("width=1&flag=yes", "flag is \"yes\": give true or false"),
            ("width=1&lr=", "lr is \"\": give a number"),
            (
                "width=1&widht=2",
                "unknown field `widht`: this request takes lr, steps, rule, ink, flag, text, any, width, lang",
            ),
            (
                "width=1&width=2",
                "width is given more than once: give it once",
            ),
            ("lr=1", "width is missing: give a whole number, 0 or more"),
        ] {
            assert_eq!(query(pairs), said, "{pairs}");
        }
    }
}
