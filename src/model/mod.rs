//! The typed input — what a profile and a tailoring file may contain — and
//! the vocabulary every stage shares (document kinds, CV sections, inline
//! markup, dates, languages, competences). Deserialization only; checking ids
//! and merging live in `tailor`.

pub mod competence;
pub mod date;
pub mod event;
pub mod kind;
pub mod markup;
pub mod profile;
pub mod schema;
pub mod section;
pub mod style;
pub mod tailoring;
pub mod text;
pub mod typography;

use serde::{Deserialize, Deserializer};
use serde_saphyr::Spanned;

use crate::diag::Pos;

pub use date::Date;
pub use kind::DocKind;
pub use section::Section;
pub use text::{Lang, Text};

/// A value and the place in its YAML file where it was written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Located<T> {
    pub value: T,
    pub pos: Pos,
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Located<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let spanned = Spanned::<T>::deserialize(deserializer)?;
        Ok(Located {
            pos: Pos::from(&spanned.referenced),
            value: spanned.value,
        })
    }
}

impl<T> std::ops::Deref for Located<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.value
    }
}

// The location is ours, not the user's: the schema is that of the value.
impl<T: schemars::JsonSchema> schemars::JsonSchema for Located<T> {
    fn inline_schema() -> bool {
        T::inline_schema()
    }

    fn schema_name() -> std::borrow::Cow<'static, str> {
        T::schema_name()
    }

    fn schema_id() -> std::borrow::Cow<'static, str> {
        T::schema_id()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        T::json_schema(generator)
    }
}

/// An item id as written in a YAML file.
pub type Id = Located<String>;
