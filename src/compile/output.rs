//! What typst wrote: the output files of a job (a PDF, or PNG pages), moved
//! into place, and read back for their content hash and page count.

use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result};

/// The files an output path stands for, in page order: the file itself, or
/// for a `{p}` pattern every existing `<prefix><n><suffix>` beside it.
pub fn output_files(root: &Path, output: &Path) -> Vec<PathBuf> {
    let name = output
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let Some((prefix, suffix)) = name.split_once("{p}") else {
        let path = root.join(output);
        return if path.is_file() {
            vec![path]
        } else {
            Vec::new()
        };
    };
    let dir = root.join(output.parent().unwrap_or(Path::new("")));
    let mut pages: Vec<(usize, PathBuf)> = std::fs::read_dir(&dir)
        .map(|rd| {
            rd.flatten()
                .filter_map(|e| {
                    let n = e.file_name().to_string_lossy().into_owned();
                    let page = n
                        .strip_prefix(prefix)?
                        .strip_suffix(suffix)?
                        .parse::<usize>()
                        .ok()?;
                    Some((page, e.path()))
                })
                .collect()
        })
        .unwrap_or_default();
    pages.sort();
    pages.into_iter().map(|(_, p)| p).collect()
}

pub(super) fn remove_outputs(root: &Path, output: &Path) {
    for f in output_files(root, output) {
        let _ = std::fs::remove_file(f);
    }
}

/// Rename what typst wrote at `tmp` to `output`; for PNG pages, each page,
/// and pages of an earlier, longer version are removed.
pub(super) fn move_into_place(root: &Path, tmp: &Path, output: &Path) -> Result<()> {
    let name = output
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let Some((prefix, suffix)) = name.split_once("{p}") else {
        let target = root.join(output);
        return std::fs::rename(root.join(tmp), &target)
            .with_context(|| format!("cannot move the PDF into {}", target.display()));
    };
    let new_pages = output_files(root, tmp);
    let dir = root.join(output.parent().unwrap_or(Path::new("")));
    let tmp_name = tmp
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let (tmp_prefix, tmp_suffix) = tmp_name.split_once("{p}").unwrap_or((&tmp_name, ""));
    let mut kept = Vec::new();
    for page in &new_pages {
        let n = page
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let number = n
            .strip_prefix(tmp_prefix)
            .and_then(|r| r.strip_suffix(tmp_suffix))
            .unwrap_or("0")
            .to_string();
        let target = dir.join(format!("{prefix}{number}{suffix}"));
        std::fs::rename(page, &target)
            .with_context(|| format!("cannot move a page into {}", target.display()))?;
        kept.push(target);
    }
    for old in output_files(root, output) {
        if !kept.contains(&old) {
            let _ = std::fs::remove_file(old);
        }
    }
    Ok(())
}

/// Hash and pages of an output: a PDF's page tree, or the PNG pages in order.
pub fn output_info(root: &Path, output: &Path) -> Option<PdfInfo> {
    read_output(root, output, true)
}

/// The content hash of an output only: what an up-to-date check needs (the
/// pages of an unchanged output are in the manifest; counting them means
/// searching the whole PDF).
pub fn output_hash(root: &Path, output: &Path) -> Option<String> {
    read_output(root, output, false).map(|i| i.hash)
}

fn read_output(root: &Path, output: &Path, count_pages: bool) -> Option<PdfInfo> {
    let files = output_files(root, output);
    match files.as_slice() {
        [] => None,
        [one] if !output.to_string_lossy().contains("{p}") => {
            let bytes = std::fs::read(one).ok()?;
            Some(PdfInfo {
                hash: content_hash(&bytes),
                pages: if count_pages { pdf_pages(&bytes) } else { None },
            })
        }
        pages => {
            let mut all = Vec::new();
            for p in pages {
                let bytes = std::fs::read(p).ok()?;
                all.extend_from_slice(&(bytes.len() as u64).to_le_bytes());
                all.extend_from_slice(&bytes);
            }
            Some(PdfInfo {
                hash: content_hash(&all),
                pages: Some(pages.len()),
            })
        }
    }
}

/// What the build records of a PDF it wrote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PdfInfo {
    /// Content hash (see [`content_hash`]).
    pub hash: String,
    pub pages: Option<usize>,
}

/// Content hash of some bytes (a PDF, or a PNG's pages), to notice an
/// output changed behind our back.
pub fn content_hash(bytes: &[u8]) -> String {
    blake3::hash(bytes).to_hex()[..32].to_string()
}

/// The number of pages of a PDF written by typst: the `/Count` of its page
/// tree (`<</Type/Pages/Count N …>>`), else the number of page objects.
fn pdf_pages(bytes: &[u8]) -> Option<usize> {
    let find_all = |needle: &'static [u8]| {
        bytes
            .windows(needle.len())
            .enumerate()
            .filter(move |(_, w)| *w == needle)
            .map(|(i, _)| i + needle.len())
    };
    let digits = |from: usize| {
        let rest = bytes.get(from..)?;
        let start = rest.iter().position(|b| !b.is_ascii_whitespace())?;
        let len = rest[start..]
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .count();
        std::str::from_utf8(&rest[start..start + len])
            .ok()?
            .parse::<usize>()
            .ok()
    };
    let from_tree = find_all(b"/Type/Pages").filter_map(|at| {
        let end = bytes[at..]
            .windows(2)
            .position(|w| w == b">>")
            .map_or(bytes.len(), |e| at + e);
        let dict = &bytes[at..end];
        let c = dict.windows(6).position(|w| w == b"/Count")?;
        digits(at + c + 6)
    });
    from_tree.max().or_else(|| {
        let pages = find_all(b"/Type/Page")
            .filter(|&end| bytes.get(end) != Some(&b's'))
            .count();
        (pages > 0).then_some(pages)
    })
}
