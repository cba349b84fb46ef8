//! A tailoring file: `profiles/<candidate>/<posting-id>.yaml`. It selects, orders
//! and overrides profile data for one job posting; it never copies it.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::Deserialize;

use super::{Date, Id, Lang, Located, Text};

#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Tailoring {
    pub language: Located<Lang>,
    #[serde(default)]
    pub layout: Option<Located<String>>,
    #[serde(default)]
    pub status: Option<Status>,
    pub posting: Posting,
    #[serde(default)]
    pub cv: CvTailoring,
    #[serde(default)]
    pub letter: LetterTailoring,
    #[serde(default)]
    pub requirements: Vec<Requirement>,
    /// e-CF competences the post asks for (`[E.2, D.9]`).
    #[serde(default)]
    pub competences: Vec<Id>,
    /// A role of a professional standard whose mandatory competences the
    /// post asks for: `it-juht-7/arendusjuht`.
    #[serde(default)]
    pub standard: Option<Located<String>>,
}

#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Default,
    Deserialize,
    serde::Serialize,
    JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    #[default]
    Draft,
    Ready,
    Submitted,
    Interview,
    Offer,
    Rejected,
    Withdrawn,
}

impl Status {
    pub fn name(self) -> &'static str {
        match self {
            Status::Draft => "draft",
            Status::Ready => "ready",
            Status::Submitted => "submitted",
            Status::Interview => "interview",
            Status::Offer => "offer",
            Status::Rejected => "rejected",
            Status::Withdrawn => "withdrawn",
        }
    }
}

#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Posting {
    pub organization: Text,
    /// Used in output file names (ASCII-folded and sanitized).
    #[serde(default)]
    pub short_name: Option<String>,
    #[serde(default)]
    pub unit: Option<Text>,
    pub position: Text,
    #[serde(default)]
    pub reference: Option<Text>,
    #[serde(default)]
    pub deadline: Option<Located<Date>>,
    #[serde(default)]
    pub url: Option<String>,
    #[serde(default)]
    pub address: Vec<Text>,
    #[serde(default)]
    pub contact: Option<PostingContact>,
}

#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PostingContact {
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub role: Option<Text>,
    #[serde(default)]
    pub email: Option<String>,
    #[serde(default)]
    pub phone: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CvTailoring {
    #[serde(default)]
    pub headline: Option<Text>,
    #[serde(default)]
    pub summary: Option<Text>,
    /// Which sections, in which order.
    #[serde(default)]
    pub sections: Option<Vec<Id>>,
    /// Experience ids in this order; omitted = all (or by `tags`), newest first.
    #[serde(default)]
    pub experience: Option<Vec<Id>>,
    /// Highlight ids to keep per experience id; omitted = all.
    #[serde(default)]
    pub highlights: BTreeMap<String, Located<Vec<Id>>>,
    #[serde(default)]
    pub skills: Option<Vec<Id>>,
    #[serde(default)]
    pub projects: Option<Vec<Id>>,
    #[serde(default)]
    pub certifications: Option<Vec<Id>>,
    /// Items carrying any of these tags (where no explicit id list is given).
    #[serde(default)]
    pub tags: Vec<String>,
    /// Phrases set in bold wherever they occur.
    #[serde(default)]
    pub emphasize: Vec<String>,
    #[serde(default)]
    pub max_pages: Option<Located<u32>>,
}

#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LetterTailoring {
    #[serde(default)]
    pub date: Option<Located<Date>>,
    /// Place written before the date; default: the candidate's `contact.location`.
    #[serde(default)]
    pub place: Option<Text>,
    #[serde(default)]
    pub subject: Option<Text>,
    #[serde(default)]
    pub salutation: Option<Text>,
    /// A small minijinja template; paragraphs are split on blank lines.
    #[serde(default)]
    pub body: Option<Text>,
    #[serde(default)]
    pub closing: Option<Text>,
    #[serde(default)]
    pub salary: Option<Text>,
    #[serde(default)]
    pub attachments: Vec<Text>,
}

#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Requirement {
    pub text: Text,
    /// References such as `languages.et`, `experience.poff`,
    /// `experience.justice.highlights.delivery`.
    #[serde(default)]
    pub evidence: Vec<Id>,
}
