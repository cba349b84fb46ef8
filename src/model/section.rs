//! The CV's built-in sections: the lists of a profile that a CV can show.
//! Their names are the profile's keys, the ids of `cv.sections` and the
//! first word of an evidence reference (`experience.tehik`).

use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Section {
    Summary,
    Experience,
    Education,
    Skills,
    Languages,
    Certifications,
    Projects,
    Publications,
    Volunteering,
    References,
    /// The e-CF competences the CV's items carry; shown only when
    /// `cv.sections` names it.
    Competences,
}

impl Section {
    /// Every built-in section, in the default order of a CV.
    pub const ALL: [Section; 11] = [
        Section::Summary,
        Section::Experience,
        Section::Education,
        Section::Skills,
        Section::Languages,
        Section::Certifications,
        Section::Projects,
        Section::Publications,
        Section::Volunteering,
        Section::References,
        Section::Competences,
    ];

    /// The id as written in YAML.
    pub fn id(self) -> &'static str {
        match self {
            Section::Summary => "summary",
            Section::Experience => "experience",
            Section::Education => "education",
            Section::Skills => "skills",
            Section::Languages => "languages",
            Section::Certifications => "certifications",
            Section::Projects => "projects",
            Section::Publications => "publications",
            Section::Volunteering => "volunteering",
            Section::References => "references",
            Section::Competences => "competences",
        }
    }

    pub fn from_id(id: &str) -> Option<Section> {
        Section::ALL.into_iter().find(|s| s.id() == id)
    }

    /// What one item of the section is called in messages (`unknown skill id`).
    pub fn item(self) -> &'static str {
        match self {
            Section::Summary => "summary",
            Section::Experience => "experience",
            Section::Education => "education",
            Section::Skills => "skill",
            Section::Languages => "language",
            Section::Certifications => "certification",
            Section::Projects => "project",
            Section::Publications => "publication",
            Section::Volunteering => "volunteering",
            Section::References => "reference",
            Section::Competences => "competence",
        }
    }

    /// Whether the section is a list of the profile's items with ids (all
    /// but the summary and the competences, which the program writes).
    pub fn has_items(self) -> bool {
        !matches!(self, Section::Summary | Section::Competences)
    }
}

impl std::fmt::Display for Section {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.id())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_round_trip_and_match_serde() {
        for s in Section::ALL {
            assert_eq!(Section::from_id(s.id()), Some(s));
            assert_eq!(
                serde_json::to_value(s).unwrap(),
                serde_json::Value::String(s.id().into())
            );
        }
        assert_eq!(Section::from_id("hobbies"), None);
    }
}
