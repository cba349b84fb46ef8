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
    /// How the documents look (over the profile's `style`).
    #[serde(default)]
    pub style: super::style::Style,
    /// A PDF standard typst enforces, e.g. `a-2b` (PDF/A-2b, for archiving).
    #[serde(default)]
    pub pdf_standard: Option<Located<String>>,
    #[serde(default)]
    pub status: Option<Status>,
    /// The date the documents were sent (`status: submitted` alone means
    /// sent, date unknown). From then on they are kept, never rebuilt.
    #[serde(default)]
    pub submitted: Option<Located<Date>>,
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
    /// The applicant's own notes on this application, for the brief
    /// (`output/<candidate>/<posting>/README.md`); never in the documents.
    #[serde(default)]
    pub strategy: Strategy,
    /// What happened after sending, in any order: replies, interviews,
    /// tests, an offer, the outcome, notes. The sending itself is
    /// `submitted:` (and its record in `sent/`), never an event.
    #[serde(default)]
    pub events: Vec<super::event::Event>,
}

/// The applicant's judgement on one application: how to position oneself,
/// what to stress, what to prepare. Every field optional; every text in one
/// or both languages, with inline markup.
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Strategy {
    /// What the organization is for, and its focus now.
    #[serde(default)]
    pub mission: Option<Text>,
    #[serde(default)]
    pub focus: Option<Text>,
    /// Where the work is, and how much of it may be remote.
    #[serde(default)]
    pub location: Option<Text>,
    #[serde(default)]
    pub remote: Option<Text>,
    /// The role's responsibilities, in the applicant's words.
    #[serde(default)]
    pub responsibilities: Vec<Text>,
    /// What is expected after some time: `{when: 4 kuud, text: …}`.
    #[serde(default)]
    pub development: Vec<Milestone>,
    /// How to position oneself: numbered approaches, each with its points.
    #[serde(default)]
    pub approaches: Vec<Approach>,
    #[serde(default)]
    pub strengths: Vec<Text>,
    /// Areas to develop: what the post asks that the profile lacks.
    #[serde(default)]
    pub gaps: Vec<Text>,
    /// How to answer each risk.
    #[serde(default)]
    pub mitigation: Vec<Text>,
    /// What the recruiter should remember.
    #[serde(default)]
    pub messages: Vec<Text>,
    #[serde(default)]
    pub interview: Interview,
    #[serde(default)]
    pub salary: Salary,
    /// Next steps; `done: true` once done.
    #[serde(default)]
    pub checklist: Vec<ChecklistItem>,
}

#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Milestone {
    pub when: Text,
    pub text: Text,
}

#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Approach {
    pub title: Text,
    #[serde(default)]
    pub points: Vec<Text>,
}

#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Interview {
    /// To study before the interview.
    #[serde(default)]
    pub topics: Vec<Text>,
    /// Stories to tell (situation, action, result).
    #[serde(default)]
    pub stories: Vec<Text>,
    /// Questions to ask the organization.
    #[serde(default)]
    pub questions: Vec<Text>,
}

#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Salary {
    /// The range the posting offers.
    #[serde(default)]
    pub offered: Option<Text>,
    #[serde(default)]
    pub desired: Option<Text>,
    #[serde(default)]
    pub reasoning: Option<Text>,
}

#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ChecklistItem {
    pub text: Text,
    #[serde(default)]
    pub done: bool,
    /// When it is due, or when it was done.
    #[serde(default)]
    pub date: Option<Located<Date>>,
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
    /// More people to reach (a recruiter, the team lead, …), beside `contact`.
    #[serde(default)]
    pub contacts: Vec<PostingContact>,
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
    /// A nice-to-have ("kasuks tuleb …"): without evidence it is a note,
    /// never a gap.
    #[serde(default)]
    pub optional: bool,
    /// References such as `languages.et`, `experience.poff`,
    /// `experience.justice.highlights.delivery`.
    #[serde(default)]
    pub evidence: Vec<Id>,
}
