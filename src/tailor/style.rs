//! The style options of a posting: the tailoring file's `style:` over the
//! profile's, checked.

use std::path::{Path, PathBuf};

use super::context::StyleCtx;
use crate::diag::{Diagnostic, Diagnostics, Pos};
use crate::model::Located;
use crate::model::style::{Style, is_hex_colour};

/// `tailoring` over `profile`, with where each option was set.
pub fn style_ctx(
    profile: (&Style, &Path),
    tailoring: (&Style, &Path),
    diags: &mut Diagnostics,
) -> StyleCtx {
    let mut ctx = StyleCtx::default();
    // The tailoring file's value, else the profile's; and where it is.
    fn pick<'a, T>(
        t: &'a Option<Located<T>>,
        tfile: &Path,
        p: &'a Option<Located<T>>,
        pfile: &Path,
    ) -> Option<(&'a Located<T>, (PathBuf, Pos))> {
        let at = |l: &Located<T>, f: &Path| (f.to_path_buf(), l.pos);
        match (t, p) {
            (Some(x), _) => Some((x, at(x, tfile))),
            (None, Some(x)) => Some((x, at(x, pfile))),
            _ => None,
        }
    }
    let ((ps, pfile), (ts, tfile)) = (profile, tailoring);
    if let Some((accent, at)) = pick(&ts.accent, tfile, &ps.accent, pfile) {
        if is_hex_colour(&accent.value) {
            ctx.accent = Some(accent.value.to_ascii_lowercase());
            ctx.set.push(("accent", at.0, at.1));
        } else {
            let file = if ts.accent.is_some() { tfile } else { pfile };
            diags.push(
                Diagnostic::new(
                    file,
                    format!(
                        "accent \"{}\" is not a colour; write it as `\"#rrggbb\"`, e.g. `\"#1d4e89\"` (in quotes: `#` starts a YAML comment)",
                        accent.value
                    ),
                )
                .at(accent.pos)
                .field("style.accent"),
            );
        }
    }
    if let Some((font, at)) = pick(&ts.font, tfile, &ps.font, pfile) {
        ctx.font = Some(font.value.family().to_string());
        ctx.set.push(("font", at.0, at.1));
    }
    if let Some((paper, at)) = pick(&ts.paper, tfile, &ps.paper, pfile) {
        ctx.paper = Some(paper.value.name().to_string());
        ctx.set.push(("paper", at.0, at.1));
    }
    if let Some((density, at)) = pick(&ts.density, tfile, &ps.density, pfile) {
        ctx.density = Some(
            match density.value {
                crate::model::style::Density::Normal => "normal",
                crate::model::style::Density::Compact => "compact",
            }
            .to_string(),
        );
        ctx.set.push(("density", at.0, at.1));
    }
    if let Some((photo, at)) = pick(&ts.photo, tfile, &ps.photo, pfile) {
        ctx.photo = photo.value;
        ctx.set.push(("photo", at.0, at.1));
    }
    ctx
}
