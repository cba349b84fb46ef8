//! Human-language text: a plain string, or one string per language.

use std::fmt;

use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::{Deserialize, Serialize};
use serde_saphyr::Spanned;

use crate::diag::Pos;

/// A document language. Only the languages we ship labels for are accepted.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Deserialize,
    Serialize,
    schemars::JsonSchema,
    clap::ValueEnum,
)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    Et,
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Et, Lang::En];

    pub fn code(self) -> &'static str {
        match self {
            Lang::Et => "et",
            Lang::En => "en",
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// The value as written: `role: Arendusjuht` or `role: {et: Arendusjuht, en: Head of development}`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TextValue {
    Plain(String),
    ByLang(Vec<(Lang, String)>),
}

/// A text value together with where it was written, so that a missing
/// translation can point at its line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Text {
    pub value: TextValue,
    pub pos: Pos,
}

impl Text {
    /// The text for `lang`, else for `fallback`; `None` when neither exists.
    pub fn get(&self, lang: Lang, fallback: Option<Lang>) -> Option<&str> {
        match &self.value {
            TextValue::Plain(s) => Some(s),
            TextValue::ByLang(map) => {
                let find = |l: Lang| map.iter().find(|(k, _)| *k == l).map(|(_, v)| v.as_str());
                find(lang).or_else(|| fallback.and_then(find))
            }
        }
    }

    /// Languages this text has a translation for (all, for a plain string).
    pub fn languages(&self) -> Vec<Lang> {
        match &self.value {
            TextValue::Plain(_) => Lang::ALL.to_vec(),
            TextValue::ByLang(map) => map.iter().map(|(l, _)| *l).collect(),
        }
    }
}

impl<'de> Deserialize<'de> for TextValue {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct TextVisitor;
        impl<'de> Visitor<'de> for TextVisitor {
            type Value = TextValue;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a text, or a map of texts by language such as {et: …, en: …}")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<TextValue, E> {
                Ok(TextValue::Plain(v.to_string()))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<TextValue, E> {
                Ok(TextValue::Plain(v))
            }
            // Numbers are text too (`reference: 2025-117` is a string already, but
            // `phone: 5551234` or `level: 5` should not be an error).
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<TextValue, E> {
                Ok(TextValue::Plain(v.to_string()))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<TextValue, E> {
                Ok(TextValue::Plain(v.to_string()))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<TextValue, E> {
                // `3500.00` would silently become `3500`: ask for quotes instead.
                Err(E::custom(format!(
                    "a number with a decimal point would lose how it was written (it reads as {v}); put the text in quotes exactly as it should be printed"
                )))
            }
            fn visit_bool<E: de::Error>(self, v: bool) -> Result<TextValue, E> {
                Ok(TextValue::Plain(v.to_string()))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<TextValue, A::Error> {
                let mut out: Vec<(Lang, String)> = Vec::new();
                while let Some(key) = map.next_key::<String>()? {
                    let lang = match key.as_str() {
                        "et" => Lang::Et,
                        "en" => Lang::En,
                        other => {
                            return Err(de::Error::custom(format!(
                                "unknown language `{other}` in a text map; expected one of: et, en (a text with a comma or colon inside `{{…}}` must be in quotes)"
                            )));
                        }
                    };
                    let value: String = map.next_value()?;
                    out.push((lang, value));
                }
                if out.is_empty() {
                    return Err(de::Error::custom(
                        "empty text map; write a text or {et: …, en: …}",
                    ));
                }
                Ok(TextValue::ByLang(out))
            }
        }
        deserializer.deserialize_any(TextVisitor)
    }
}

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let spanned = Spanned::<TextValue>::deserialize(deserializer)?;
        Ok(Text {
            pos: Pos::from(&spanned.referenced),
            value: spanned.value,
        })
    }
}

impl schemars::JsonSchema for Text {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Text".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "A text, or one text per language. Inline markup: **bold**, *italic*, [label](https://url).",
            "anyOf": [
                {"type": ["string", "integer", "boolean"]},
                {
                    "type": "object",
                    "properties": {"et": {"type": "string"}, "en": {"type": "string"}},
                    "additionalProperties": false,
                    "minProperties": 1
                }
            ]
        })
    }
}
