//! The master profile: `profiles/<candidate>.yaml`, everything true about one candidate.

use schemars::JsonSchema;
use serde::Deserialize;

use super::{Date, Id, Lang, Located, Section, Text};

#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Profile {
    pub name: Text,
    #[serde(default)]
    pub headline: Option<Text>,
    #[serde(default)]
    pub contact: Contact,
    /// Path relative to the profile file; a JPEG or PNG inside the workspace.
    #[serde(default)]
    pub photo: Option<Located<String>>,
    /// How documents look unless a tailoring file says otherwise.
    #[serde(default)]
    pub style: super::style::Style,
    #[serde(default)]
    pub summary: Option<Text>,
    #[serde(default)]
    pub experience: Vec<Experience>,
    #[serde(default)]
    pub education: Vec<Education>,
    #[serde(default)]
    pub skills: Vec<Skill>,
    #[serde(default)]
    pub languages: Vec<Language>,
    #[serde(default)]
    pub certifications: Vec<Certification>,
    #[serde(default)]
    pub projects: Vec<Project>,
    #[serde(default)]
    pub publications: Vec<Publication>,
    #[serde(default)]
    pub volunteering: Vec<Experience>,
    #[serde(default)]
    pub references: Vec<Reference>,
    /// Free extra sections.
    #[serde(default)]
    pub sections: Vec<ExtraSection>,
    /// Language used when a text has no translation for the posting's language.
    #[serde(default)]
    pub fallback_language: Option<Lang>,
}

#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    #[serde(default)]
    pub email: Option<String>,
    #[serde(default)]
    pub phone: Option<String>,
    #[serde(default)]
    pub location: Option<Text>,
    /// Postal address, one line per entry.
    #[serde(default)]
    pub address: Vec<Text>,
    #[serde(default)]
    pub links: Vec<Link>,
}

#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Link {
    pub label: Text,
    pub url: String,
}

/// A job (also used for `volunteering`).
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Experience {
    pub id: Id,
    pub organization: Text,
    pub role: Text,
    #[serde(default)]
    pub location: Option<Text>,
    pub start: Located<Date>,
    /// Omitted: ongoing.
    #[serde(default)]
    pub end: Option<Located<Date>>,
    #[serde(default)]
    pub summary: Option<Text>,
    #[serde(default)]
    pub highlights: Vec<Highlight>,
    #[serde(default)]
    pub tags: Vec<String>,
    /// e-CF competence codes such as `E.2`.
    #[serde(default)]
    pub competences: Vec<Id>,
}

#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Highlight {
    pub id: Id,
    pub text: Text,
    #[serde(default)]
    pub tags: Vec<String>,
    /// e-CF codes; highlights reach templates as text only.
    #[serde(default)]
    pub competences: Vec<Id>,
}

#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Education {
    pub id: Id,
    pub institution: Text,
    #[serde(default)]
    pub degree: Option<Text>,
    #[serde(default)]
    pub field: Option<Text>,
    #[serde(default)]
    pub start: Option<Located<Date>>,
    #[serde(default)]
    pub end: Option<Located<Date>>,
    #[serde(default)]
    pub notes: Option<Text>,
    #[serde(default)]
    pub tags: Vec<String>,
    #[serde(default)]
    pub competences: Vec<Id>,
}

#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Skill {
    pub id: Id,
    pub name: Text,
    #[serde(default)]
    pub category: Option<Text>,
    /// Free text such as `expert` or `5 years`.
    #[serde(default)]
    pub level: Option<Text>,
    #[serde(default)]
    pub tags: Vec<String>,
    #[serde(default)]
    pub competences: Vec<Id>,
}

#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Language {
    pub id: Id,
    pub name: Text,
    pub level: Located<LanguageLevel>,
    /// Per-skill levels of the CEFR self-assessment grid (Europass); a skill
    /// not given has `level`. CEFR levels only; a mother tongue has none.
    #[serde(default)]
    pub levels: Option<Located<SkillLevels>>,
    #[serde(default)]
    pub tags: Vec<String>,
}

/// The five skills of the CEFR self-assessment grid: understanding
/// (listening, reading), speaking (spoken interaction, spoken production),
/// writing.
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SkillLevels {
    #[serde(default)]
    pub listening: Option<Located<LanguageLevel>>,
    #[serde(default)]
    pub reading: Option<Located<LanguageLevel>>,
    #[serde(default)]
    pub interaction: Option<Located<LanguageLevel>>,
    #[serde(default)]
    pub production: Option<Located<LanguageLevel>>,
    #[serde(default)]
    pub writing: Option<Located<LanguageLevel>>,
}

impl SkillLevels {
    /// The five skills by name, in the grid's order.
    pub fn by_name(&self) -> [(&'static str, Option<&Located<LanguageLevel>>); 5] {
        [
            ("listening", self.listening.as_ref()),
            ("reading", self.reading.as_ref()),
            ("interaction", self.interaction.as_ref()),
            ("production", self.production.as_ref()),
            ("writing", self.writing.as_ref()),
        ]
    }
}

/// CEFR level or mother tongue, ordered A1 < … < C2 < Native.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize, JsonSchema)]
pub enum LanguageLevel {
    #[serde(alias = "a1")]
    A1,
    #[serde(alias = "a2")]
    A2,
    #[serde(alias = "b1")]
    B1,
    #[serde(alias = "b2")]
    B2,
    #[serde(alias = "c1")]
    C1,
    #[serde(alias = "c2")]
    C2,
    #[serde(rename = "native", alias = "Native")]
    Native,
}

impl LanguageLevel {
    pub fn code(self) -> &'static str {
        match self {
            LanguageLevel::A1 => "A1",
            LanguageLevel::A2 => "A2",
            LanguageLevel::B1 => "B1",
            LanguageLevel::B2 => "B2",
            LanguageLevel::C1 => "C1",
            LanguageLevel::C2 => "C2",
            LanguageLevel::Native => "native",
        }
    }
}

#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Certification {
    pub id: Id,
    pub name: Text,
    #[serde(default)]
    pub issuer: Option<Text>,
    #[serde(default)]
    pub date: Option<Located<Date>>,
    #[serde(default)]
    pub url: Option<String>,
    #[serde(default)]
    pub tags: Vec<String>,
    #[serde(default)]
    pub competences: Vec<Id>,
}

#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Project {
    pub id: Id,
    pub name: Text,
    #[serde(default)]
    pub role: Option<Text>,
    #[serde(default)]
    pub start: Option<Located<Date>>,
    #[serde(default)]
    pub end: Option<Located<Date>>,
    #[serde(default)]
    pub summary: Option<Text>,
    #[serde(default)]
    pub url: Option<String>,
    #[serde(default)]
    pub tags: Vec<String>,
    #[serde(default)]
    pub competences: Vec<Id>,
}

#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Publication {
    pub id: Id,
    pub title: Text,
    /// Journal, conference or publisher.
    #[serde(default)]
    pub venue: Option<Text>,
    #[serde(default)]
    pub date: Option<Located<Date>>,
    #[serde(default)]
    pub url: Option<String>,
    #[serde(default)]
    pub tags: Vec<String>,
}

#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Reference {
    pub id: Id,
    pub name: Text,
    #[serde(default)]
    pub role: Option<Text>,
    #[serde(default)]
    pub organization: Option<Text>,
    #[serde(default)]
    pub email: Option<String>,
    #[serde(default)]
    pub phone: Option<String>,
    #[serde(default)]
    pub tags: Vec<String>,
}

#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ExtraSection {
    pub id: Id,
    pub title: Text,
    #[serde(default)]
    pub items: Vec<Text>,
}

/// Something with an id in a profile list: what every item of every section
/// (and every highlight of a job) has in common.
pub trait Item {
    fn id(&self) -> &Id;
    fn tags(&self) -> &[String] {
        &[]
    }
    /// e-CF competence codes it is evidence of.
    fn competences(&self) -> &[Id] {
        &[]
    }
    /// When: start and end of a time span, or a single date as the end.
    fn span(&self) -> (Option<&Located<Date>>, Option<&Located<Date>>) {
        (None, None)
    }
}

/// `Item` for a list item type: its id and tags, and — where it has them —
/// its competences and its span (`|x| (start, end)`).
macro_rules! item {
    ($t:ty) => {
        impl Item for $t {
            fn id(&self) -> &Id {
                &self.id
            }
            fn tags(&self) -> &[String] {
                &self.tags
            }
        }
    };
    ($t:ty, competences $(, span: |$x:ident| $span:expr)?) => {
        impl Item for $t {
            fn id(&self) -> &Id {
                &self.id
            }
            fn tags(&self) -> &[String] {
                &self.tags
            }
            fn competences(&self) -> &[Id] {
                &self.competences
            }
            $(fn span(&self) -> (Option<&Located<Date>>, Option<&Located<Date>>) {
                let $x = self;
                $span
            })?
        }
    };
}

item!(Language);
item!(Publication);
item!(Reference);
item!(Skill, competences);
item!(Highlight, competences);
item!(Experience, competences, span: |e| (Some(&e.start), e.end.as_ref()));
item!(Education, competences, span: |e| (e.start.as_ref(), e.end.as_ref()));
item!(Project, competences, span: |p| (p.start.as_ref(), p.end.as_ref()));
item!(Certification, competences, span: |c| (None, c.date.as_ref()));

impl Item for ExtraSection {
    fn id(&self) -> &Id {
        &self.id
    }
}

impl Profile {
    /// The items of a built-in section (none for the summary).
    pub fn items(&self, section: Section) -> Vec<&dyn Item> {
        fn all<T: Item>(items: &[T]) -> Vec<&dyn Item> {
            items.iter().map(|i| i as &dyn Item).collect()
        }
        match section {
            Section::Summary | Section::Competences => Vec::new(),
            Section::Experience => all(&self.experience),
            Section::Education => all(&self.education),
            Section::Skills => all(&self.skills),
            Section::Languages => all(&self.languages),
            Section::Certifications => all(&self.certifications),
            Section::Projects => all(&self.projects),
            Section::Publications => all(&self.publications),
            Section::Volunteering => all(&self.volunteering),
            Section::References => all(&self.references),
        }
    }

    /// Whether the CV has something to show in `section`.
    pub fn has(&self, section: Section) -> bool {
        match section {
            Section::Summary => self.summary.is_some(),
            // Shown only when a tailoring file asks for it.
            Section::Competences => false,
            s => !self.items(s).is_empty(),
        }
    }
}
