//! The second stage of `dossier new --from`: a read posting
//! ([`crate::posting::Extracted`]) against the candidate's profile → a draft
//! tailoring file. [`evidence`] suggests, for each requirement line, the
//! profile items that answer it and orders the experience by how much each
//! job answers; [`words`] compares Estonian and English words across case
//! endings and compounds.

pub mod evidence;
pub mod tailoring;
pub mod words;
pub mod yaml;

#[cfg(test)]
mod tests;
