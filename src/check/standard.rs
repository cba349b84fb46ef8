//! A self-assessment against a professional standard: for every role of the
//! standard, each of its mandatory e-CF competences with the profile items
//! that carry it, or a gap (`dossier check --standard it-juht-7`).

use serde::Serialize;

use crate::model::Lang;
use crate::model::competence::Standard;
use crate::model::profile::Profile;
use crate::tailor::competences::carrying;
use crate::tailor::context::CompetenceCtx;

#[derive(Debug, Clone, Serialize)]
pub struct Assessment {
    pub candidate: String,
    pub standard: &'static str,
    pub name: &'static str,
    pub roles: Vec<RoleCoverage>,
}

#[derive(Debug, Clone, Serialize)]
pub struct RoleCoverage {
    /// `it-juht-7/arendusjuht`
    pub role: String,
    pub name: &'static str,
    /// Competences with at least one item carrying them, of all mandatory ones.
    pub covered: usize,
    pub total: usize,
    pub competences: Vec<CompetenceCtx>,
}

pub fn assess(
    candidate: &str,
    profile: &Profile,
    standard: &'static Standard,
    lang: Lang,
) -> Assessment {
    let roles = standard
        .roles
        .iter()
        .map(|role| {
            let competences: Vec<CompetenceCtx> = role
                .competences()
                .map(|c| CompetenceCtx {
                    code: c.code.to_string(),
                    name: c.name(lang).to_string(),
                    evidence: carrying(profile, c, lang),
                })
                .collect();
            RoleCoverage {
                role: format!("{}/{}", standard.id, role.id),
                name: role.name(lang),
                covered: competences
                    .iter()
                    .filter(|c| !c.evidence.is_empty())
                    .count(),
                total: competences.len(),
                competences,
            }
        })
        .collect();
    Assessment {
        candidate: candidate.to_string(),
        standard: standard.id,
        name: standard.name(lang),
        roles,
    }
}
