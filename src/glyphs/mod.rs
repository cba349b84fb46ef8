//! Which characters the fonts of a build can show.
//!
//! dossier runs typst with `--ignore-system-fonts --font-path DIR`, so a
//! document has the fonts of those directories plus the ones typst carries
//! (Libertinus Serif, New Computer Modern and its Math, DejaVu Sans Mono).
//! For a character the chosen font lacks, typst falls back to any other font
//! that has it; when none has it, typst draws a box ("tofu") and says nothing.
//! [`Coverage`] is the union of those fonts' characters, so a caller can find
//! such characters before typst hides them in a PDF.
//!
//! A font has a character when a Unicode subtable of its `cmap` maps it to a
//! glyph other than 0 (`.notdef`, the tofu). The embedded fonts are not in
//! this binary: [`embedded`] holds their coverage as a table of ranges, which
//! a test recomputes from the `typst-assets` crate typst-cli 0.15.1 uses.
//!
//! Faces typst would not load are not counted and are reported: those
//! `ttf-parser` cannot parse, and those without a family name (name ID 1,
//! needed by typst) or a PostScript name (name ID 6, needed by the font
//! scanner of typst-cli).
//!
//! What it does not see: characters typst's shaper composes or decomposes
//! (a base letter plus a combining mark shown through a precomposed glyph, or
//! the reverse) are judged one character at a time, and text typst changes
//! before shaping (smart quotes from `"`, say) must be checked as it will be
//! printed.

use std::collections::HashSet;
use std::fmt;
use std::fs;
use std::path::{Path, PathBuf};

use ttf_parser::{PlatformId, name_id};

mod embedded;

/// Tiny fonts for tests (also the integration tests'), made on the fly.
#[doc(hidden)]
pub mod testfont;

/// `“李” (U+674E), “雷” (U+96F7)`, the first eight, and how many more.
pub fn describe(chars: &[char]) -> String {
    let mut shown: Vec<String> = chars
        .iter()
        .take(8)
        .map(|c| format!("“{c}” (U+{:04X})", *c as u32))
        .collect();
    if chars.len() > 8 {
        shown.push(format!("and {} more", chars.len() - 8));
    }
    shown.join(", ")
}

/// `candidate.name, cv.headline`, the first five fields, and how many more.
pub fn describe_fields(fields: &[String]) -> String {
    let mut shown: Vec<&str> = fields.iter().take(5).map(String::as_str).collect();
    let more = fields.len().saturating_sub(5);
    let more = format!("and {more} more");
    if fields.len() > 5 {
        shown.push(&more);
    }
    shown.join(", ")
}

/// The characters a set of fonts has, read only when needed: typst's
/// embedded fonts (a table in the binary) answer for nearly every text, so
/// the font files are read and their character maps parsed only when a
/// text has a character those lack.
pub struct Fonts {
    dirs: Vec<PathBuf>,
    /// Also the fonts built into dossier, from the binary (for `check`,
    /// which unpacks nothing).
    builtin: bool,
    full: std::sync::OnceLock<Coverage>,
}

impl Fonts {
    /// Typst's fonts and those in `dirs` (absolute).
    pub fn in_dirs(dirs: Vec<PathBuf>) -> Fonts {
        Fonts {
            dirs,
            builtin: false,
            full: std::sync::OnceLock::new(),
        }
    }

    /// What a workspace's documents can show without building anything:
    /// typst's embedded fonts, the fonts built into dossier and
    /// `layouts/fonts/`.
    pub fn for_workspace(root: &Path) -> Fonts {
        let fonts = root.join("layouts/fonts");
        Fonts {
            dirs: if fonts.is_dir() {
                vec![fonts]
            } else {
                Vec::new()
            },
            builtin: true,
            full: std::sync::OnceLock::new(),
        }
    }

    fn full(&self) -> &Coverage {
        self.full.get_or_init(|| {
            let dirs: Vec<&Path> = self.dirs.iter().map(PathBuf::as_path).collect();
            let (mut coverage, _) = Coverage::with_dirs(&dirs);
            if self.builtin {
                for (path, bytes) in crate::builtin::FONTS {
                    if is_font_file_name(Path::new(path)) {
                        let _ = coverage.add_font_bytes(bytes);
                    }
                }
            }
            coverage
        })
    }

    /// Distinct characters of `text` no font has (see [`Coverage::missing`]).
    pub fn missing(&self, text: &str) -> Vec<char> {
        static EMBEDDED: std::sync::OnceLock<Coverage> = std::sync::OnceLock::new();
        let candidates = EMBEDDED.get_or_init(Coverage::embedded).missing(text);
        if candidates.is_empty() {
            return candidates;
        }
        let full = self.full();
        candidates.into_iter().filter(|c| !full.has(*c)).collect()
    }
}

/// The field paths (`candidate.name`, `cv.experience[tehik].role`) of the
/// strings in `value` that hold one of `chars`; a list item is named by its
/// `id` when it has one.
pub fn fields_with(
    value: &serde_json::Value,
    chars: &[char],
    path: &mut String,
    out: &mut Vec<String>,
) {
    use serde_json::Value;
    match value {
        Value::String(s) if s.chars().any(|c| chars.contains(&c)) => out.push(path.clone()),
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                let len = path.len();
                match item.get("id").and_then(Value::as_str) {
                    Some(id) => path.push_str(&format!("[{id}]")),
                    None => path.push_str(&format!("[{i}]")),
                }
                fields_with(item, chars, path, out);
                path.truncate(len);
            }
        }
        Value::Object(map) => {
            for (key, v) in map {
                let len = path.len();
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(key);
                fields_with(v, chars, path, out);
                path.truncate(len);
            }
        }
        _ => {}
    }
}

/// Bits for U+0000..=U+FFFF, 64 to a word.
const BMP_WORDS: usize = 0x1_0000 / 64;

/// The characters some font of a build has.
///
/// The Basic Multilingual Plane is a bitset (8 KiB); characters above it
/// (emoji, rare CJK, historic scripts) are sorted, disjoint, non-adjacent
/// inclusive ranges.
#[derive(Clone, PartialEq, Eq)]
pub struct Coverage {
    bmp: Box<[u64]>,
    astral: Vec<(u32, u32)>,
}

impl fmt::Debug for Coverage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Coverage")
            .field("characters", &self.count())
            .field("astral_ranges", &self.astral.len())
            .finish()
    }
}

impl Default for Coverage {
    fn default() -> Self {
        Self::empty()
    }
}

impl Coverage {
    /// No characters at all.
    pub fn empty() -> Coverage {
        Coverage {
            bmp: vec![0; BMP_WORDS].into_boxed_slice(),
            astral: Vec::new(),
        }
    }

    /// Typst's embedded fonts only.
    pub fn embedded() -> Coverage {
        let mut coverage = Coverage::empty();
        coverage.add_ranges(embedded::RANGES);
        coverage
    }

    /// Embedded fonts plus every font file (`.ttf .otf .ttc .otc`, every
    /// face of a collection) found in these directories, recursively and
    /// through symbolic links, the way typst-cli's `--font-path` scans them.
    ///
    /// Nothing stops at a bad file: what could not be read or used is
    /// skipped and listed as (path, reason), a face of a collection as
    /// "face N: …", and so is a directory that cannot be read (one that does
    /// not exist, say).
    pub fn with_dirs(dirs: &[&Path]) -> (Coverage, Vec<(PathBuf, String)>) {
        let mut coverage = Coverage::embedded();
        let mut problems = Vec::new();
        let mut seen = HashSet::new();
        for dir in dirs {
            coverage.add_dir(dir, &mut seen, &mut problems);
        }
        (coverage, problems)
    }

    fn add_dir(
        &mut self,
        dir: &Path,
        seen: &mut HashSet<PathBuf>,
        problems: &mut Vec<(PathBuf, String)>,
    ) {
        let read = fs::canonicalize(dir).and_then(|canonical| {
            let entries = fs::read_dir(dir)?;
            Ok((canonical, entries))
        });
        let (canonical, entries) = match read {
            Ok(read) => read,
            Err(e) => {
                problems.push((dir.to_path_buf(), format!("cannot read the directory: {e}")));
                return;
            }
        };
        // A link back up the tree would loop for ever.
        if !seen.insert(canonical) {
            return;
        }
        let mut paths: Vec<PathBuf> = entries.flatten().map(|entry| entry.path()).collect();
        // The same problems in the same order on every machine.
        paths.sort();
        for path in paths {
            // `metadata` follows links; a dangling one is no font.
            let Ok(meta) = fs::metadata(&path) else {
                continue;
            };
            if meta.is_dir() {
                self.add_dir(&path, seen, problems);
            } else if meta.is_file()
                && is_font_file_name(&path)
                && let Err(reason) = self.add_font_file(&path)
            {
                problems.push((path, reason));
            }
        }
    }

    /// One font file; see [`Coverage::add_font_bytes`].
    pub fn add_font_file(&mut self, path: &Path) -> Result<(), String> {
        let bytes = fs::read(path).map_err(|e| format!("cannot read the file: {e}"))?;
        self.add_font_bytes(&bytes)
    }

    /// Also from font bytes already in memory (a font file or a collection).
    /// Every face typst could use is added, even when an error about
    /// another face of the same collection is returned.
    pub fn add_font_bytes(&mut self, bytes: &[u8]) -> Result<(), String> {
        let (count, collection) = match ttf_parser::fonts_in_collection(bytes) {
            // Each face needs a 4-byte offset in the header: more faces
            // than that is a broken count, not a reason to loop for long.
            Some(n) if n == 0 || n as usize > bytes.len() / 4 => {
                return Err(format!("not a font collection typst can read ({n} faces)"));
            }
            Some(n) => (n, true),
            None => (1, false),
        };
        let mut astral = Vec::new();
        let mut problems = Vec::new();
        for index in 0..count {
            if let Err(reason) = self.add_face(bytes, index, &mut astral) {
                problems.push(if collection {
                    format!("face {index}: {reason}")
                } else {
                    reason
                });
            }
        }
        self.merge_astral(astral);
        if problems.is_empty() {
            Ok(())
        } else {
            Err(problems.join("; "))
        }
    }

    /// Adds one face's characters: its BMP ones at once, the rest to
    /// `astral` for [`Coverage::merge_astral`].
    fn add_face(&mut self, bytes: &[u8], index: u32, astral: &mut Vec<u32>) -> Result<(), String> {
        let face = ttf_parser::Face::parse(bytes, index)
            .map_err(|e| format!("not a font typst can read ({e})"))?;
        if !has_name(&face, name_id::FAMILY) {
            return Err("no family name (name ID 1), so typst does not load it".to_string());
        }
        if !has_name(&face, name_id::POST_SCRIPT_NAME) {
            return Err("no PostScript name (name ID 6), so typst does not load it".to_string());
        }
        let subtables = face.tables().cmap.map(|cmap| cmap.subtables);
        let mut unicode = false;
        for subtable in subtables.into_iter().flatten() {
            if !subtable.is_unicode() {
                continue;
            }
            unicode = true;
            let (bmp, known) = (&mut self.bmp, &self.astral);
            subtable.codepoints(|cp| {
                // A character some font already has needs no glyph lookup:
                // most of the cost of a font is that lookup, and the faces
                // of a family, like the subtables of a face, mostly repeat
                // each other.
                if (0xD800..=0xDFFF).contains(&cp) {
                    // Surrogates are no characters.
                } else if cp < 0x1_0000 {
                    let (word, bit) = (cp as usize / 64, 1 << (cp % 64));
                    if bmp[word] & bit == 0 && has_glyph(&subtable, cp) {
                        bmp[word] |= bit;
                    }
                } else if cp <= 0x10_FFFF && !in_ranges(known, cp) && has_glyph(&subtable, cp) {
                    astral.push(cp);
                }
            });
        }
        if unicode {
            Ok(())
        } else {
            Err("no Unicode character map (cmap), so it shows no text".to_string())
        }
    }

    /// Folds single characters above the BMP into the ranges.
    fn merge_astral(&mut self, mut cps: Vec<u32>) {
        if cps.is_empty() {
            return;
        }
        cps.sort_unstable();
        cps.dedup();
        let mut ranges: Vec<(u32, u32)> = Vec::with_capacity(self.astral.len() + 16);
        ranges.append(&mut self.astral);
        for cp in cps {
            match ranges.last_mut() {
                Some((_, hi)) if *hi + 1 == cp => *hi = cp,
                _ => ranges.push((cp, cp)),
            }
        }
        self.astral = normalize(ranges);
    }

    /// Adds sorted or unsorted inclusive ranges of code points.
    fn add_ranges(&mut self, ranges: &[(u32, u32)]) {
        let mut astral = std::mem::take(&mut self.astral);
        for &(lo, hi) in ranges {
            let hi = hi.min(0x10_FFFF);
            if lo > hi {
                continue;
            }
            if lo <= 0xFFFF {
                set_bits(&mut self.bmp, lo, hi.min(0xFFFF));
            }
            if hi >= 0x1_0000 {
                astral.push((lo.max(0x1_0000), hi));
            }
        }
        self.astral = normalize(astral);
    }

    /// Whether some font has `c`.
    pub fn has(&self, c: char) -> bool {
        let cp = u32::from(c);
        if cp < 0x1_0000 {
            self.bmp[cp as usize / 64] & (1 << (cp % 64)) != 0
        } else {
            in_ranges(&self.astral, cp)
        }
    }

    /// Distinct characters of `text` that no font has, in order of first
    /// appearance; characters that need no glyph (see [`needs_glyph`]) are
    /// ignored.
    pub fn missing(&self, text: &str) -> Vec<char> {
        let mut missing = Vec::new();
        let mut seen = HashSet::new();
        for c in text.chars() {
            if !self.has(c) && needs_glyph(c) && seen.insert(c) {
                missing.push(c);
            }
        }
        missing
    }

    /// How many characters are covered.
    pub fn count(&self) -> usize {
        let bmp: u32 = self.bmp.iter().map(|word| word.count_ones()).sum();
        let astral: u32 = self.astral.iter().map(|&(lo, hi)| hi - lo + 1).sum();
        (bmp + astral) as usize
    }

    /// The covered code points as sorted, disjoint, non-adjacent inclusive
    /// ranges.
    pub fn ranges(&self) -> Vec<(u32, u32)> {
        let mut ranges: Vec<(u32, u32)> = Vec::new();
        let mut push = |cp_lo: u32, cp_hi: u32| match ranges.last_mut() {
            Some((_, hi)) if *hi + 1 >= cp_lo => *hi = (*hi).max(cp_hi),
            _ => ranges.push((cp_lo, cp_hi)),
        };
        for (w, &word) in self.bmp.iter().enumerate() {
            let mut bits = word;
            while bits != 0 {
                let bit = bits.trailing_zeros();
                let cp = w as u32 * 64 + bit;
                push(cp, cp);
                bits &= bits - 1;
            }
        }
        for &(lo, hi) in &self.astral {
            push(lo, hi);
        }
        ranges
    }
}

/// Whether `c` is drawn with a glyph. Not: whitespace (with NBSP, the other
/// Unicode spaces and the line and paragraph separators), control characters,
/// format characters (ZWJ, ZWNJ, soft hyphen, BOM, bidi marks, …) and the
/// other default-ignorable code points (variation selectors, Hangul fillers,
/// tags, …), which typst shapes without a visible glyph.
pub fn needs_glyph(c: char) -> bool {
    if c.is_whitespace() || c.is_control() {
        return false;
    }
    !in_ranges(NO_GLYPH, u32::from(c))
}

/// Whether `cp` is in one of these sorted, disjoint inclusive ranges.
fn in_ranges(ranges: &[(u32, u32)], cp: u32) -> bool {
    ranges
        .binary_search_by(|&(lo, hi)| {
            if hi < cp {
                std::cmp::Ordering::Less
            } else if lo > cp {
                std::cmp::Ordering::Greater
            } else {
                std::cmp::Ordering::Equal
            }
        })
        .is_ok()
}

/// General category Cf and Default_Ignorable_Code_Point (Unicode 16), sorted.
const NO_GLYPH: &[(u32, u32)] = &[
    (0x00AD, 0x00AD),   // soft hyphen
    (0x034F, 0x034F),   // combining grapheme joiner
    (0x0600, 0x0605),   // Arabic number signs
    (0x061C, 0x061C),   // Arabic letter mark
    (0x06DD, 0x06DD),   // Arabic end of ayah
    (0x070F, 0x070F),   // Syriac abbreviation mark
    (0x0890, 0x0891),   // Arabic pound and piastre marks above
    (0x08E2, 0x08E2),   // Arabic disputed end of ayah
    (0x115F, 0x1160),   // Hangul fillers
    (0x17B4, 0x17B5),   // Khmer inherent vowels
    (0x180B, 0x180F),   // Mongolian variation selectors, vowel separator
    (0x200B, 0x200F),   // ZWSP, ZWNJ, ZWJ, LRM, RLM
    (0x202A, 0x202E),   // bidi embeddings and overrides
    (0x2060, 0x206F),   // word joiner, invisible operators, bidi isolates
    (0x3164, 0x3164),   // Hangul filler
    (0xFE00, 0xFE0F),   // variation selectors
    (0xFEFF, 0xFEFF),   // byte order mark, zero width no-break space
    (0xFFA0, 0xFFA0),   // halfwidth Hangul filler
    (0xFFF0, 0xFFFB),   // reserved, interlinear annotation
    (0x110BD, 0x110BD), // Kaithi number sign
    (0x110CD, 0x110CD), // Kaithi number sign above
    (0x13430, 0x1343F), // Egyptian hieroglyph format controls
    (0x1BCA0, 0x1BCA3), // shorthand format controls
    (0x1D173, 0x1D17A), // musical symbol format controls
    (0xE0000, 0xE0FFF), // tags, variation selectors supplement
];

/// The names typst-cli's font scanner loads: `.ttf .otf .ttc .otc`, all in
/// lower or all in upper case.
fn is_font_file_name(path: &Path) -> bool {
    matches!(
        path.extension().and_then(|e| e.to_str()),
        Some("ttf" | "otf" | "ttc" | "otc" | "TTF" | "OTF" | "TTC" | "OTC")
    )
}

/// Whether the face has a name `id` typst can read: a Unicode one, or a
/// Macintosh Roman one.
fn has_name(face: &ttf_parser::Face, id: u16) -> bool {
    face.names().into_iter().any(|name| {
        name.name_id == id
            && (name.to_string().is_some_and(|s| !s.is_empty())
                || (name.platform_id == PlatformId::Macintosh
                    && name.encoding_id == 0
                    && !name.name.is_empty()))
    })
}

/// Whether `subtable` maps `cp` to a glyph other than 0 (`.notdef`).
fn has_glyph(subtable: &ttf_parser::cmap::Subtable, cp: u32) -> bool {
    subtable.glyph_index(cp).is_some_and(|glyph| glyph.0 != 0)
}

/// Sets the bits `lo..=hi` (both in the BMP, `lo <= hi`).
fn set_bits(bmp: &mut [u64], lo: u32, hi: u32) {
    let (lo, hi) = (lo as usize, hi as usize);
    let (lo_word, hi_word) = (lo / 64, hi / 64);
    let lo_mask = u64::MAX << (lo % 64);
    let hi_mask = u64::MAX >> (63 - hi % 64);
    if lo_word == hi_word {
        bmp[lo_word] |= lo_mask & hi_mask;
    } else {
        bmp[lo_word] |= lo_mask;
        for word in &mut bmp[lo_word + 1..hi_word] {
            *word = u64::MAX;
        }
        bmp[hi_word] |= hi_mask;
    }
}

/// Sorts ranges and joins those that overlap or touch.
fn normalize(mut ranges: Vec<(u32, u32)>) -> Vec<(u32, u32)> {
    ranges.sort_unstable();
    let mut out: Vec<(u32, u32)> = Vec::with_capacity(ranges.len());
    for (lo, hi) in ranges {
        match out.last_mut() {
            Some((_, last)) if *last + 1 >= lo => *last = (*last).max(hi),
            _ => out.push((lo, hi)),
        }
    }
    out
}

#[cfg(test)]
mod tests;
