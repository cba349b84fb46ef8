//! Stage 2 — tailor: merge a profile with one tailoring file into one
//! [`Context`]. The tailoring file selects, orders and overrides; every id it
//! names must exist. All problems found are reported together.

mod check;
pub mod competences;
pub mod context;
mod cv;
pub mod evidence;
mod letter;
mod letter_body;
mod resolve;
mod select;
mod style;
#[cfg(test)]
mod tests;

use std::path::Path;

use crate::diag::{Diagnostic, Diagnostics};
use crate::locale;
use crate::model::Date;
use crate::model::profile::Profile;
use crate::model::tailoring::Tailoring;

pub use check::check_profile;
pub use context::Context;
use resolve::Resolver;

/// Where the inputs are, for messages and for checking paths.
pub struct Sources<'a> {
    pub root: &'a Path,
    pub candidate_id: &'a str,
    pub posting_id: &'a str,
    /// Profile path as shown in messages (relative to the workspace).
    pub profile_file: &'a Path,
    pub tailoring_file: &'a Path,
}

/// What tailoring hands to rendering: the complete context, and whether the
/// letter can be built (a missing or broken `letter.body` stops the letter,
/// not the CV).
#[derive(Debug, Clone)]
pub struct Tailored {
    pub context: Context,
    pub letter: Result<(), Diagnostic>,
}

/// Merge `profile` and `tailoring` into the context both documents are rendered from.
/// `today` is the letter date when the tailoring file sets none.
pub fn tailor(
    profile: &Profile,
    tailoring: &Tailoring,
    src: &Sources,
    today: Date,
) -> Result<Tailored, Diagnostics> {
    let lang = tailoring.language.value;
    let mut diags = Diagnostics::default();

    // Texts of the profile, resolved to the posting's language; ids named by
    // the tailoring file are checked on the way.
    let mut p = Resolver {
        lang,
        fallback: profile.fallback_language,
        file: src.profile_file.to_path_buf(),
        diags: &mut diags,
    };
    let candidate = letter::candidate_ctx(profile, src, &mut p);
    let mut cv = cv::cv_ctx(profile, tailoring, src.tailoring_file, &mut p);

    // Texts of the tailoring file.
    let mut t = Resolver {
        lang,
        fallback: profile.fallback_language,
        file: src.tailoring_file.to_path_buf(),
        diags: p.diags,
    };
    cv::headline_and_summary(&mut cv, tailoring, &candidate, &mut t);
    let mut posting = letter::posting_ctx(tailoring, src, &mut t);
    cv.competences = competences::of_cv(profile, &cv, lang);
    (posting.standard, posting.competences) = competences::asked(profile, tailoring, &cv, &mut t);
    let letter = letter::letter_ctx(tailoring, &candidate, &posting, today, &mut t);
    let requirements = evidence::requirements(profile, tailoring, &cv, &mut t);

    if let Some(standard) = &tailoring.pdf_standard
        && let Err(msg) = crate::model::style::parse_pdf_standard(&standard.value)
    {
        diags.push(
            crate::diag::Diagnostic::new(src.tailoring_file, msg)
                .at(standard.pos)
                .field("pdf_standard"),
        );
    }
    let style = style::style_ctx(
        (&profile.style, src.profile_file),
        (&tailoring.style, src.tailoring_file),
        &mut diags,
    );
    let mut context = Context {
        lang,
        style,
        labels: locale::labels(lang),
        candidate,
        posting,
        cv,
        letter,
        requirements,
    };
    diags.into_result(())?;
    // The body is a template over the rest of the context: expanded last.
    let letter = match context.letter.body_source {
        None => Err(Diagnostic::new(
            src.tailoring_file,
            "the letter has no text; add `letter.body`",
        )
        .field("letter.body")),
        Some(_) => letter_body::expand(&mut context, src.tailoring_file),
    };
    Ok(Tailored { context, letter })
}
