//! Which profile items answer a requirement line.

use crate::model::Lang;
use crate::model::profile::Profile;

/// One suggested piece of evidence for a requirement line.
#[derive(Debug, Clone, PartialEq)]
pub struct Suggestion {
    /// As a tailoring file writes it: `languages.et`, `experience.tehik`,
    /// `experience.tehik.highlights.tara`, `education.ttu`, `skills.xroad`, …
    pub reference: String,
    /// Why, in a few words, for the draft's comment: "C1 asked, native in
    /// the profile", "shares: X-tee, arhitektuur".
    pub why: String,
}

/// The profile items that answer `requirement` (a posting line, in `lang`),
/// best first, at most three; empty when nothing answers it.
pub fn suggest(profile: &Profile, requirement: &str, lang: Lang) -> Vec<Suggestion> {
    let _ = (profile, requirement, lang);
    Vec::new()
}

/// The ids of the profile's jobs, the one that answers the posting's
/// requirements and duties best first; ties keep the profile's newest-first
/// order. Every job id appears once.
pub fn order_experience(profile: &Profile, lines: &[&str], lang: Lang) -> Vec<String> {
    let _ = (lines, lang);
    profile
        .experience
        .iter()
        .map(|e| e.id.to_string())
        .collect()
}
