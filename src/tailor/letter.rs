//! The letter's sender (the candidate), its recipient (the posting) and the
//! letter itself.

use std::path::Path;

use super::Sources;
use super::context::*;
use super::resolve::Resolver;
use crate::diag::Diagnostic;
use crate::locale;
use crate::model::Date;
use crate::model::profile::Profile;
use crate::model::tailoring::Tailoring;

/// Who the candidate is and how to reach them (texts from the profile).
pub fn candidate_ctx(profile: &Profile, src: &Sources, p: &mut Resolver) -> CandidateCtx {
    let name = p.text(&profile.name, "name");
    let mut candidate = CandidateCtx {
        id: src.candidate_id.to_string(),
        headline: p.opt(profile.headline.as_ref(), "headline"),
        summary: p.opt(profile.summary.as_ref(), "summary"),
        email: profile.contact.email.clone().unwrap_or_default(),
        phone: profile.contact.phone.clone().unwrap_or_default(),
        location: p.opt(profile.contact.location.as_ref(), "contact.location"),
        address: p.list(&profile.contact.address, "contact.address"),
        links: profile
            .contact
            .links
            .iter()
            .enumerate()
            .map(|(i, l)| LinkCtx {
                label: p.text(&l.label, &format!("contact.links[{i}].label")),
                url: l.url.clone(),
            })
            .collect(),
        photo: None,
        name,
    };
    if let Some(photo) = &profile.photo {
        match check_photo(src.root, src.profile_file, &photo.value) {
            Ok(rel) => candidate.photo = Some(rel),
            Err(msg) => p.diags.push(
                Diagnostic::new(src.profile_file, msg)
                    .at(photo.pos)
                    .field("photo"),
            ),
        }
    }
    candidate
}

/// The posting (texts from the tailoring file).
pub fn posting_ctx(tailoring: &Tailoring, src: &Sources, t: &mut Resolver) -> PostingCtx {
    let lang = t.lang;
    let pt = &tailoring.posting;
    let position = t.text(&pt.position, "posting.position");
    let mut contact_ctx = |c: &crate::model::tailoring::PostingContact, field: &str| ContactCtx {
        name: c.name.clone().unwrap_or_default(),
        role: t.opt(c.role.as_ref(), &format!("{field}.role")),
        email: c.email.clone().unwrap_or_default(),
        phone: c.phone.clone().unwrap_or_default(),
    };
    let contact = pt
        .contact
        .as_ref()
        .map(|c| contact_ctx(c, "posting.contact"))
        .unwrap_or_default();
    let contacts = pt
        .contacts
        .iter()
        .enumerate()
        .map(|(i, c)| contact_ctx(c, &format!("posting.contacts[{i}]")))
        .collect();
    PostingCtx {
        id: src.posting_id.to_string(),
        organization: t.text(&pt.organization, "posting.organization"),
        short_name: pt.short_name.clone().unwrap_or_default(),
        unit: t.opt(pt.unit.as_ref(), "posting.unit"),
        reference: t.opt(pt.reference.as_ref(), "posting.reference"),
        deadline: pt
            .deadline
            .as_ref()
            .map(|d| locale::long_date(lang, &d.value))
            .unwrap_or_default(),
        deadline_iso: pt
            .deadline
            .as_ref()
            .map(|d| d.value.to_string())
            .unwrap_or_default(),
        url: pt.url.clone().unwrap_or_default(),
        address: t.list(&pt.address, "posting.address"),
        status: tailoring.status.unwrap_or_default(),
        layout: tailoring
            .layout
            .as_ref()
            .map(|l| l.value.clone())
            .unwrap_or_else(|| "classic".to_string()),
        // Filled in by `competences::asked` once the CV is known.
        standard: None,
        competences: Vec::new(),
        contact,
        contacts,
        position,
    }
}

/// The letter, with the language's defaults for what the tailoring file leaves out.
pub fn letter_ctx(
    tailoring: &Tailoring,
    candidate: &CandidateCtx,
    posting: &PostingCtx,
    today: Date,
    t: &mut Resolver,
) -> LetterCtx {
    let lang = t.lang;
    let lt = &tailoring.letter;
    let date = lt.date.as_ref().map(|d| d.value).unwrap_or(today);
    LetterCtx {
        date: locale::long_date(lang, &date),
        date_iso: date.to_string(),
        place: match &lt.place {
            Some(pl) => t.text(pl, "letter.place"),
            None => candidate
                .location
                .split(',')
                .next()
                .unwrap_or_default()
                .trim()
                .to_string(),
        },
        subject: match &lt.subject {
            Some(s) => t.text(s, "letter.subject"),
            None => format!(
                "{} {}",
                locale::word(lang, "application_for"),
                posting.position
            ),
        },
        salutation: match &lt.salutation {
            Some(s) => t.text(s, "letter.salutation"),
            None => locale::salutation(lang, Some(&posting.contact.name)),
        },
        paragraphs: Vec::new(),
        closing: match &lt.closing {
            Some(c) => t.text(c, "letter.closing"),
            None => locale::closing(lang).to_string(),
        },
        salary: t.opt(lt.salary.as_ref(), "letter.salary"),
        attachments: t.list(&lt.attachments, "letter.attachments"),
        signature: candidate.name.clone(),
        body_source: lt.body.as_ref().map(|b| (t.text(b, "letter.body"), b.pos)),
        timestamp: date.unix_seconds(),
    }
}

/// A photo path is relative to the profile file and must stay inside the
/// workspace (symlinks resolved). Returns the root-relative path for Typst.
pub fn check_photo(root: &Path, profile_file: &Path, photo: &str) -> Result<String, String> {
    let base = root
        .join(profile_file)
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_else(|| root.to_path_buf());
    let path = base.join(photo);
    let shown = crate::diag::display_path(&path, root);
    let real = path.canonicalize().map_err(|e| {
        format!(
            "photo \"{photo}\" cannot be read ({}): {e}",
            shown.display()
        )
    })?;
    let rel = real.strip_prefix(root).map_err(|_| {
        format!(
            "photo \"{photo}\" leads outside the workspace (to {}); put the file next to the profile",
            real.display()
        )
    })?;
    // What it is, by its first bytes, not by its name.
    let mut head = [0u8; 8];
    let is_image = std::fs::File::open(&real)
        .and_then(|mut f| std::io::Read::read(&mut f, &mut head))
        .is_ok_and(|n| {
            (n >= 8 && head == *b"\x89PNG\r\n\x1a\n") || (n >= 3 && head[..3] == [0xFF, 0xD8, 0xFF])
        });
    if !real.is_file() || !is_image {
        return Err(format!(
            "photo \"{photo}\" is not an image a CV can show (PNG, JPEG): its first bytes say otherwise"
        ));
    }
    let rel: Vec<String> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    Ok(format!("/{}", rel.join("/")))
}
