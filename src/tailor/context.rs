//! The merged context: one value per posting, the same for both documents,
//! handed to the templates as `candidate`, `posting`, `cv`, `letter`,
//! `requirements`, `labels` and `lang`. All texts are resolved to the posting's
//! language; they may still contain inline markup (`**bold**`, `*italic*`,
//! `[label](url)`), which the renderer converts.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::diag::Pos;
use crate::model::tailoring::Status;
use crate::model::{Lang, Section};

#[derive(Debug, Clone, Serialize)]
pub struct Context {
    pub lang: Lang,
    /// The style options set (the tailoring file's over the profile's).
    pub style: StyleCtx,
    pub candidate: CandidateCtx,
    pub posting: PostingCtx,
    pub cv: CvCtx,
    pub letter: LetterCtx,
    pub requirements: Vec<RequirementCtx>,
    pub labels: BTreeMap<&'static str, &'static str>,
}

/// Style options as templates see them: each `none` unless set.
#[derive(Debug, Clone, Default, Serialize)]
pub struct StyleCtx {
    /// `#rrggbb`
    pub accent: Option<String>,
    /// A font family name.
    pub font: Option<String>,
    /// `a4` or `us-letter`
    pub paper: Option<String>,
    /// `normal` or `compact`
    pub density: Option<String>,
    /// Whether to show the candidate's photo.
    pub photo: bool,
    /// The names of the options set, and where, for the warning when a
    /// layout ignores one.
    #[serde(skip)]
    pub set: Vec<(&'static str, std::path::PathBuf, crate::diag::Pos)>,
}

#[derive(Debug, Clone, Serialize)]
pub struct CandidateCtx {
    pub id: String,
    pub name: String,
    pub headline: String,
    pub summary: String,
    pub email: String,
    pub phone: String,
    pub location: String,
    pub address: Vec<String>,
    pub links: Vec<LinkCtx>,
    /// Workspace-root-relative path (`/profiles/mari.jpg`), checked to exist inside the workspace.
    pub photo: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct LinkCtx {
    pub label: String,
    pub url: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct PostingCtx {
    pub id: String,
    pub organization: String,
    pub short_name: String,
    pub unit: String,
    pub position: String,
    pub reference: String,
    pub deadline: String,
    pub deadline_iso: String,
    pub url: String,
    pub address: Vec<String>,
    pub contact: ContactCtx,
    /// `posting.contacts`: more people to reach.
    pub contacts: Vec<ContactCtx>,
    pub status: Status,
    pub layout: String,
    /// The role of a professional standard the post names.
    pub standard: Option<StandardCtx>,
    /// The e-CF competences the post asks for (its standard role's, then
    /// its own list), each with the profile items that carry it.
    pub competences: Vec<CompetenceCtx>,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct ContactCtx {
    pub name: String,
    pub role: String,
    pub email: String,
    pub phone: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct CvCtx {
    pub headline: String,
    pub summary: String,
    /// Which sections, in which order.
    pub sections: Vec<SectionCtx>,
    pub experience: Vec<ExperienceCtx>,
    pub education: Vec<EducationCtx>,
    pub skills: Vec<SkillCtx>,
    /// Skills grouped by category, in order of first appearance.
    pub skill_groups: Vec<SkillGroupCtx>,
    pub languages: Vec<LanguageCtx>,
    pub certifications: Vec<CertificationCtx>,
    pub projects: Vec<ProjectCtx>,
    pub publications: Vec<PublicationCtx>,
    pub volunteering: Vec<ExperienceCtx>,
    pub references: Vec<ReferenceCtx>,
    pub emphasize: Vec<String>,
    pub max_pages: Option<u32>,
    /// The e-CF competences the CV's items carry, in catalogue order.
    pub competences: Vec<CompetenceCtx>,
}

impl CvCtx {
    /// Whether this CV shows the item `id` of `section`: the section is
    /// shown, and for the lists a tailoring file selects from, the item is
    /// selected.
    pub fn shows(&self, section: Section, id: &str) -> bool {
        let shown = self.sections.iter().any(|s| s.id == section.id());
        shown
            && match section {
                Section::Experience => self.experience.iter().any(|x| x.id == id),
                Section::Skills => self.skills.iter().any(|x| x.id == id),
                Section::Certifications => self.certifications.iter().any(|x| x.id == id),
                Section::Projects => self.projects.iter().any(|x| x.id == id),
                _ => true,
            }
    }

    /// Whether this CV shows highlight `h` of job `job`.
    pub fn shows_highlight(&self, job: &str, h: &str) -> bool {
        self.shows(Section::Experience, job)
            && self
                .experience
                .iter()
                .any(|e| e.id == job && e.highlight_ids.iter().any(|x| x == h))
    }
}

/// An e-CF competence, named in the posting's language, with the profile
/// items that carry it (for what a post asks; empty in `cv.competences`).
#[derive(Debug, Clone, Serialize)]
pub struct CompetenceCtx {
    pub code: String,
    pub name: String,
    pub evidence: Vec<EvidenceCtx>,
}

/// The role of a professional standard a post names (`standard:`).
#[derive(Debug, Clone, Serialize)]
pub struct StandardCtx {
    /// `it-juht-7/arendusjuht`
    pub id: String,
    /// `IT-juht, tase 7: IT arendusjuht`
    pub name: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct SectionCtx {
    pub id: String,
    pub title: String,
    /// Items of a free section from the profile's `sections`; empty for built-in ones.
    pub items: Vec<String>,
    pub custom: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct ExperienceCtx {
    pub id: String,
    pub organization: String,
    pub role: String,
    pub location: String,
    pub dates: String,
    /// The same in numbers (`03.2022 – praegu`), for a narrow column.
    pub dates_short: String,
    pub start: String,
    pub end: String,
    pub summary: String,
    pub highlights: Vec<String>,
    /// The ids of `highlights`, in the same order.
    pub highlight_ids: Vec<String>,
    pub tags: Vec<String>,
    pub competences: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct EducationCtx {
    pub id: String,
    pub institution: String,
    pub degree: String,
    pub field: String,
    pub dates: String,
    /// The same in numbers (`03.2022 – praegu`), for a narrow column.
    pub dates_short: String,
    /// `2014-09`, `2016`; empty when not given.
    pub start: String,
    pub end: String,
    pub notes: String,
    pub competences: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct SkillCtx {
    pub id: String,
    pub name: String,
    pub category: String,
    pub level: String,
    pub competences: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct SkillGroupCtx {
    pub category: String,
    pub skills: Vec<SkillCtx>,
}

#[derive(Debug, Clone, Serialize)]
pub struct LanguageCtx {
    pub id: String,
    pub name: String,
    /// `C1`, or `native` for a mother tongue.
    pub level: String,
    pub level_label: String,
    /// Whether it is a mother tongue.
    pub native: bool,
    /// The CEFR grid, each skill's level (`level` where the profile gives
    /// no per-skill level): `listening`, `reading`, `interaction`,
    /// `production`, `writing`.
    pub levels: SkillLevelsCtx,
}

#[derive(Debug, Clone, Serialize)]
pub struct SkillLevelsCtx {
    pub listening: String,
    pub reading: String,
    pub interaction: String,
    pub production: String,
    pub writing: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct CertificationCtx {
    pub id: String,
    pub name: String,
    pub issuer: String,
    pub date: String,
    pub url: String,
    pub competences: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ProjectCtx {
    pub id: String,
    pub name: String,
    pub role: String,
    pub dates: String,
    /// The same in numbers (`03.2022 – praegu`), for a narrow column.
    pub dates_short: String,
    pub summary: String,
    pub url: String,
    pub competences: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct PublicationCtx {
    pub id: String,
    pub title: String,
    pub venue: String,
    pub date: String,
    pub url: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct ReferenceCtx {
    pub id: String,
    pub name: String,
    pub role: String,
    pub organization: String,
    pub email: String,
    pub phone: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct LetterCtx {
    pub date: String,
    pub date_iso: String,
    pub place: String,
    pub subject: String,
    pub salutation: String,
    /// Body paragraphs, filled in by the renderer from the body template.
    pub paragraphs: Vec<String>,
    pub closing: String,
    pub salary: String,
    pub attachments: Vec<String>,
    pub signature: String,
    /// The body as written (a minijinja template) and where it was written.
    #[serde(skip)]
    pub body_source: Option<(String, Pos)>,
    /// Unix seconds of the letter date: the PDFs' creation timestamp unless
    /// `SOURCE_DATE_EPOCH` is set.
    #[serde(skip)]
    pub timestamp: i64,
}

#[derive(Debug, Clone, Serialize)]
pub struct RequirementCtx {
    pub text: String,
    /// A nice-to-have: without evidence a note, not a gap.
    pub optional: bool,
    pub evidence: Vec<EvidenceCtx>,
}

#[derive(Debug, Clone, Serialize)]
pub struct EvidenceCtx {
    /// As written: `experience.poff.highlights.team`.
    pub reference: String,
    /// What it points at, in words: `Tooteomanik, SMIT`.
    pub label: String,
    /// Whether the item is shown in this posting's CV.
    pub in_cv: bool,
    /// The list, the item's id and, for a job, the highlight's id.
    pub section: Section,
    pub id: String,
    pub highlight: Option<String>,
}
