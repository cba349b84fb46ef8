//! Europass, the EU's CV exchange format, both ways: `write` makes the
//! current format (root `Candidate` in `http://www.europass.eu/1.0`, as the
//! Europass editor imports and exports it) from a posting's merged CV
//! context; `read` turns a Europass XML document — current or the legacy
//! SkillsPassport v3 — or a PDF that carries one into a profile.
//!
//! The element names and their order follow the Europass CV XML schema
//! documentation (ECV v3.0.0, 2020) as transcribed in
//! europass-unofficial/europass-schema-docs; language codes are ISO 639-2
//! (`est`, `eng`), CEFR levels `A1` … `C2`.

pub mod codes;
pub mod read;
pub mod write;

pub use read::{Source, import};
pub use write::to_xml;

/// The Europass namespaces.
pub const NS: &str = "http://www.europass.eu/1.0";
pub const NS_HR: &str = "http://www.hr-xml.org/3";
pub const NS_OA: &str = "http://www.openapplications.org/oagis/9";
pub const NS_EURES: &str = "http://www.europass_eures.eu/1.0";
/// The legacy SkillsPassport v3 namespace.
pub const NS_LEGACY: &str = "http://europass.cedefop.europa.eu/Europass";

/// The name a Europass PDF gives its XML.
pub const ATTACHMENT_NAME: &str = "attachment.xml";

/// The CEFR grid's five skills: the profile's name, the current format's
/// dimension code, the legacy format's element.
pub const SKILLS: [(&str, &str, &str); 5] = [
    ("listening", "CEF-Understanding-Listening", "Listening"),
    ("reading", "CEF-Understanding-Reading", "Reading"),
    (
        "interaction",
        "CEF-Speaking-Interaction",
        "SpokenInteraction",
    ),
    ("production", "CEF-Speaking-Production", "SpokenProduction"),
    ("writing", "CEF-Writing-Production", "Writing"),
];

#[cfg(test)]
mod tests;
