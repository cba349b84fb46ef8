//! `dossier export`: a profile in another format. The export is built from
//! the merged context (`crate::tailor::Context`) as `dossier build` makes it:
//! with `--posting`, that posting's merge (its language, selection, order
//! and overrides); without, the merge with a tailoring file that selects
//! everything, in the language asked for. Dates, which the context holds
//! only as printed text, come from the profile by item id.

pub mod json_resume;

use std::path::Path;

use crate::diag::Diagnostics;
use crate::load::yaml;
use crate::model::profile::Profile;
use crate::model::tailoring::Tailoring;
use crate::model::text::TextValue;
use crate::model::{Date, Lang};
use crate::tailor::{self, Context, Sources};

/// The language of an export without `--lang`: the profile's
/// `fallback_language`, else the first language of its first text given
/// per language (name, headline, summary, then the jobs), else English.
pub fn default_lang(profile: &Profile) -> Lang {
    if let Some(l) = profile.fallback_language {
        return l;
    }
    let texts = std::iter::once(&profile.name)
        .chain(profile.headline.as_ref())
        .chain(profile.summary.as_ref())
        .chain(
            profile
                .experience
                .iter()
                .flat_map(|e| std::iter::once(&e.role).chain(std::iter::once(&e.organization))),
        );
    for t in texts {
        if let TextValue::ByLang(map) = &t.value
            && let Some((l, _)) = map.first()
        {
            return *l;
        }
    }
    Lang::En
}

/// The whole profile as one context in `lang`: every section it has, every
/// item, in the order a CV without a tailoring file shows them. A text
/// missing in `lang` (with no fallback) is an error at its line.
pub fn whole_profile(
    root: &Path,
    candidate: &str,
    (profile, profile_file): (&Profile, &Path),
    lang: Lang,
) -> Result<Context, Diagnostics> {
    let tfile = Path::new("(export)");
    // Selects nothing away: no ids, no tags, no sections listed.
    let text = format!(
        "language: {}\nposting: {{organization: export, position: export}}\n",
        lang.code()
    );
    let tailoring: Tailoring = yaml::parse(&text, tfile)?;
    let src = Sources {
        root,
        candidate_id: candidate,
        posting_id: "export",
        profile_file,
        tailoring_file: tfile,
    };
    // The letter date is not exported; any day does.
    let today = Date::ymd(2000, 1, 1);
    Ok(tailor::tailor(profile, &tailoring, &src, today)?.context)
}
