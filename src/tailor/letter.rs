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
    // What it is, by its bytes, not by its name; and whole, so that typst
    // does not fail on it with an error pointing into the generated source.
    let bytes = if real.is_file() {
        std::fs::read(&real).map_err(|e| {
            format!(
                "photo \"{photo}\" cannot be read ({}): {e}",
                shown.display()
            )
        })?
    } else {
        Vec::new()
    };
    image_problem(&bytes).map_err(|why| format!("photo \"{photo}\" {why}"))?;
    let rel: Vec<String> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    Ok(format!("/{}", rel.join("/")))
}

/// Why `bytes` are not an image a CV can show: not a PNG or JPEG by their
/// first bytes, or one cut short or without its size. Checked: a PNG's
/// IHDR chunk (first, with a width and height), its chunks in bounds up to
/// IEND, an IDAT among them; a JPEG's segments in bounds up to the start of
/// its scan, a frame header (SOF) with a width and height among them, and
/// its end-of-image marker at the end.
pub fn image_problem(bytes: &[u8]) -> Result<(), String> {
    if let Some(chunks) = bytes.strip_prefix(b"\x89PNG\r\n\x1a\n") {
        png_problem(chunks).map_err(|why| format!("is not a whole PNG: {why}"))
    } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        jpeg_problem(bytes).map_err(|why| format!("is not a whole JPEG: {why}"))
    } else {
        Err("is not an image a CV can show (PNG, JPEG): its first bytes say otherwise".to_string())
    }
}

fn be32(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_be_bytes(b.get(at..at + 4)?.try_into().ok()?))
}

fn be16(b: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_be_bytes(b.get(at..at + 2)?.try_into().ok()?))
}

/// PNG chunks after the signature: length, type, data, CRC each.
fn png_problem(chunks: &[u8]) -> Result<(), String> {
    const CUT: &str = "it ends inside a chunk (the file is cut short)";
    let mut at = 0;
    let mut first = true;
    let mut idat = false;
    loop {
        let (Some(len), Some(kind)) = (be32(chunks, at), chunks.get(at + 4..at + 8)) else {
            return Err(if first {
                "it has no IHDR chunk (no width and height)".to_string()
            } else {
                "it has no IEND chunk (the file is cut short)".to_string()
            });
        };
        let data = at + 8;
        let end = data
            .checked_add(len as usize)
            .and_then(|e| e.checked_add(4))
            .filter(|&e| e <= chunks.len())
            .ok_or(CUT)?;
        if first {
            let (w, h) = (be32(chunks, data), be32(chunks, data + 4));
            if kind != b"IHDR" || len != 13 {
                return Err("it does not start with an IHDR chunk (its width and height)".into());
            }
            if w == Some(0) || h == Some(0) {
                return Err("its IHDR chunk gives no width or height".into());
            }
            first = false;
        }
        idat |= kind == b"IDAT";
        if kind == b"IEND" {
            return if idat {
                Ok(())
            } else {
                Err("it has no image data (IDAT chunk)".into())
            };
        }
        at = end;
    }
}

/// JPEG segments from the start-of-image marker to the start of the scan,
/// then the end-of-image marker at the end (padding after it allowed).
fn jpeg_problem(b: &[u8]) -> Result<(), String> {
    const CUT: &str = "it ends inside its headers (the file is cut short)";
    let mut at = 2;
    let mut size = None;
    loop {
        // A marker: 0xFF (fill bytes allowed), then its code.
        if b.get(at) != Some(&0xFF) {
            return Err(if at >= b.len() {
                CUT
            } else {
                "a header segment is broken"
            }
            .into());
        }
        while b.get(at) == Some(&0xFF) {
            at += 1;
        }
        let code = *b.get(at).ok_or(CUT)?;
        at += 1;
        match code {
            // Markers without a length.
            0x01 | 0xD0..=0xD7 => continue,
            0xD8 | 0xD9 => return Err("it ends before its image data".into()),
            _ => {}
        }
        let len = usize::from(be16(b, at).ok_or(CUT)?);
        if len < 2 || at + len > b.len() {
            return Err(CUT.into());
        }
        // Start of frame (not DHT, JPG, DAC): precision, height, width.
        if matches!(code, 0xC0..=0xCF) && !matches!(code, 0xC4 | 0xC8 | 0xCC) {
            size = Some((be16(b, at + 3).ok_or(CUT)?, be16(b, at + 5).ok_or(CUT)?));
        }
        at += len;
        if code == 0xDA {
            break;
        }
    }
    match size {
        None => return Err("it has no frame header (SOF) with its width and height".into()),
        Some((h, w)) if h == 0 || w == 0 => {
            return Err("its frame header gives no width or height".into());
        }
        Some(_) => {}
    }
    let end = b.len() - b.iter().rev().take_while(|&&x| x == 0).count();
    if end < at + 2 || b[end - 2..end] != [0xFF, 0xD9] {
        return Err(
            "it does not end with the end-of-image marker (FF D9): the file is cut short".into(),
        );
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn png(chunks: &[(&[u8; 4], Vec<u8>)]) -> Vec<u8> {
        let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
        for (kind, data) in chunks {
            out.extend((data.len() as u32).to_be_bytes());
            out.extend(*kind);
            out.extend(data);
            out.extend([0; 4]); // CRC, not checked
        }
        out
    }

    fn ihdr(w: u32, h: u32) -> Vec<u8> {
        let mut d = w.to_be_bytes().to_vec();
        d.extend(h.to_be_bytes());
        d.extend([8, 2, 0, 0, 0]);
        d
    }

    /// SOI, APP0, SOF0 of `w`×`h`, SOS, two bytes of scan, EOI.
    fn jpeg(w: u16, h: u16) -> Vec<u8> {
        let mut out = vec![0xFF, 0xD8, 0xFF, 0xE0, 0, 16];
        out.extend(b"JFIF\0\x01\x01\0\0\x01\0\x01\0\0");
        out.extend([0xFF, 0xC0, 0, 11, 8]);
        out.extend(h.to_be_bytes());
        out.extend(w.to_be_bytes());
        out.extend([1, 1, 0x11, 0]);
        out.extend([0xFF, 0xDA, 0, 8, 1, 1, 0, 0, 0x3F, 0]);
        out.extend([0x12, 0x34, 0xFF, 0xD9]);
        out
    }

    #[test]
    fn whole_images_pass() {
        let ok = png(&[
            (b"IHDR", ihdr(2, 3)),
            (b"IDAT", vec![1, 2]),
            (b"IEND", vec![]),
        ]);
        assert_eq!(image_problem(&ok), Ok(()));
        assert_eq!(image_problem(&jpeg(2, 3)), Ok(()));
        let mut padded = jpeg(2, 3);
        padded.extend([0, 0]);
        assert_eq!(image_problem(&padded), Ok(()));
    }

    #[test]
    fn cut_or_sizeless_images_are_named() {
        let whole = jpeg(40, 50);
        for n in [3, 8, 20, 30, whole.len() - 2, whole.len() - 1] {
            let e = image_problem(&whole[..n]).unwrap_err();
            assert!(e.starts_with("is not a whole JPEG: "), "{n}: {e}");
        }
        let e = image_problem(&jpeg(0, 5)).unwrap_err();
        assert!(e.contains("no width or height"), "{e}");
        let mut no_sof = jpeg(4, 4);
        no_sof.drain(20..33);
        assert!(image_problem(&no_sof).unwrap_err().contains("SOF"));

        let whole = png(&[
            (b"IHDR", ihdr(2, 3)),
            (b"IDAT", vec![1, 2]),
            (b"IEND", vec![]),
        ]);
        for n in [8, 12, 20, 33, whole.len() - 12, whole.len() - 1] {
            let e = image_problem(&whole[..n]).unwrap_err();
            assert!(e.starts_with("is not a whole PNG: "), "{n}: {e}");
        }
        let e = image_problem(&png(&[(b"IDAT", vec![1]), (b"IEND", vec![])])).unwrap_err();
        assert!(e.contains("IHDR"), "{e}");
        let e = image_problem(&png(&[(b"IHDR", ihdr(0, 3)), (b"IEND", vec![])])).unwrap_err();
        assert!(e.contains("no width or height"), "{e}");
        let e = image_problem(&png(&[(b"IHDR", ihdr(1, 1)), (b"IEND", vec![])])).unwrap_err();
        assert!(e.contains("IDAT"), "{e}");
        assert!(image_problem(b"GIF89a").unwrap_err().contains("PNG, JPEG"));
    }
}
