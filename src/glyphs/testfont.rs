//! Tiny but complete TrueType fonts made in the tests, so no test needs a
//! font from outside: every character gets a filled square as its glyph.
//!
//! Tables: `OS/2 cmap glyf head hhea hmtx loca maxp name post`, with correct
//! checksums; `cmap` has a format 4 subtable (platforms 0/3 and 3/1) for the
//! BMP characters and a format 12 one (3/10) for all of them.

/// Units per em of the made fonts.
const UPEM: u16 = 1000;

/// A font whose family is `family` and that has a glyph for each of `chars`.
pub fn font(family: &str, chars: &[char]) -> Vec<u8> {
    let tables = tables(family, chars, true);
    assemble(&[tables])
}

/// A font like [`font`] but without name IDs 1 and 6 (typst skips it).
pub fn unnamed_font(chars: &[char]) -> Vec<u8> {
    let tables = tables("", chars, false);
    assemble(&[tables])
}

/// A collection (`.ttc`) of one face per entry.
pub fn collection(faces: &[(&str, &[char])]) -> Vec<u8> {
    let fonts: Vec<_> = faces
        .iter()
        .map(|(family, chars)| tables(family, chars, true))
        .collect();
    assemble(&fonts)
}

type Table = ([u8; 4], Vec<u8>);

fn tables(family: &str, chars: &[char], named: bool) -> Vec<Table> {
    let mut chars: Vec<char> = chars.to_vec();
    chars.sort_unstable();
    chars.dedup();
    // Glyph 0 is .notdef, glyph i + 1 is chars[i].
    let num_glyphs = u16::try_from(chars.len() + 1).unwrap_or(u16::MAX);

    // glyf + loca (long offsets, one more than glyphs): a square for every
    // glyph but .notdef, which is empty.
    let mut glyf = Vec::new();
    let mut loca = [w32(0), w32(0)].concat();
    for _ in &chars {
        glyf.extend(square(100, 0, 700, 600));
        loca.extend(w32(glyf.len() as u32));
    }

    let mut hmtx = Vec::new();
    hmtx.extend(w16(500)); // .notdef: advance, lsb
    hmtx.extend(w16(0));
    for _ in &chars {
        hmtx.extend(w16(800));
        hmtx.extend(w16(100));
    }

    let mut head = Vec::new();
    head.extend(w32(0x0001_0000)); // version
    head.extend(w32(0x0001_0000)); // fontRevision
    head.extend(w32(0)); // checksumAdjustment, set in `assemble`
    head.extend(w32(0x5F0F_3CF5)); // magicNumber
    head.extend(w16(0b1011)); // flags: baseline y=0, lsb x=0, integer ppem
    head.extend(w16(UPEM));
    head.extend([0; 16]); // created, modified
    for v in [100i16, 0, 700, 600] {
        head.extend(w16(v as u16)); // xMin yMin xMax yMax
    }
    head.extend(w16(0)); // macStyle
    head.extend(w16(8)); // lowestRecPPEM
    head.extend(w16(2)); // fontDirectionHint
    head.extend(w16(1)); // indexToLocFormat: long
    head.extend(w16(0)); // glyphDataFormat

    let mut hhea = Vec::new();
    hhea.extend(w32(0x0001_0000));
    hhea.extend(w16(800)); // ascender
    hhea.extend(w16((-200i16) as u16)); // descender
    hhea.extend(w16(0)); // lineGap
    hhea.extend(w16(800)); // advanceWidthMax
    hhea.extend(w16(0)); // minLeftSideBearing
    hhea.extend(w16(100)); // minRightSideBearing
    hhea.extend(w16(700)); // xMaxExtent
    hhea.extend(w16(1)); // caretSlopeRise
    hhea.extend(w16(0)); // caretSlopeRun
    hhea.extend(w16(0)); // caretOffset
    hhea.extend([0; 8]); // reserved
    hhea.extend(w16(0)); // metricDataFormat
    hhea.extend(w16(num_glyphs)); // numberOfHMetrics

    let mut maxp = Vec::new();
    maxp.extend(w32(0x0001_0000));
    maxp.extend(w16(num_glyphs));
    maxp.extend(w16(4)); // maxPoints
    maxp.extend(w16(1)); // maxContours
    maxp.extend(w16(0)); // maxCompositePoints
    maxp.extend(w16(0)); // maxCompositeContours
    maxp.extend(w16(2)); // maxZones
    for _ in 0..8 {
        maxp.extend(w16(0)); // twilight, storage, fdefs, idefs, stack, …
    }

    let mut post = Vec::new();
    post.extend(w32(0x0003_0000)); // version 3: no glyph names
    post.extend(w32(0)); // italicAngle
    post.extend(w16((-100i16) as u16)); // underlinePosition
    post.extend(w16(50)); // underlineThickness
    post.extend(w32(0)); // isFixedPitch
    post.extend([0; 16]); // min/max memory

    let first = chars.first().map_or(0x20, |&c| u32::from(c).min(0xFFFF)) as u16;
    let last = chars.last().map_or(0x20, |&c| u32::from(c).min(0xFFFF)) as u16;
    let mut os2 = Vec::new();
    os2.extend(w16(4)); // version
    os2.extend(w16(800)); // xAvgCharWidth
    os2.extend(w16(400)); // usWeightClass
    os2.extend(w16(5)); // usWidthClass
    os2.extend(w16(0)); // fsType: installable, may be embedded
    for v in [650i16, 600, 0, 75, 650, 600, 0, 350, 50, 250] {
        os2.extend(w16(v as u16)); // sub/superscript sizes, offsets; strikeout
    }
    os2.extend(w16(0)); // sFamilyClass
    os2.extend([2, 11, 5, 2, 2, 2, 2, 2, 2, 4]); // panose: sans
    os2.extend([0; 16]); // ulUnicodeRange1-4
    os2.extend(*b"DSSR"); // achVendID
    os2.extend(w16(0x40)); // fsSelection: REGULAR
    os2.extend(w16(first)); // usFirstCharIndex
    os2.extend(w16(last)); // usLastCharIndex
    os2.extend(w16(800)); // sTypoAscender
    os2.extend(w16((-200i16) as u16)); // sTypoDescender
    os2.extend(w16(0)); // sTypoLineGap
    os2.extend(w16(800)); // usWinAscent
    os2.extend(w16(200)); // usWinDescent
    os2.extend([0; 8]); // ulCodePageRange1-2
    os2.extend(w16(500)); // sxHeight
    os2.extend(w16(600)); // sCapHeight
    os2.extend(w16(0)); // usDefaultChar
    os2.extend(w16(0x20)); // usBreakChar
    os2.extend(w16(1)); // usMaxContext

    let mut names = Vec::new();
    if named {
        let postscript: String = family.chars().filter(char::is_ascii_alphanumeric).collect();
        names.push((1, family.to_string()));
        names.push((2, "Regular".to_string()));
        names.push((4, format!("{family} Regular")));
        names.push((6, format!("{postscript}-Regular")));
    } else {
        names.push((2, "Regular".to_string()));
    }

    vec![
        (*b"OS/2", os2),
        (*b"cmap", cmap(&chars)),
        (*b"glyf", glyf),
        (*b"head", head),
        (*b"hhea", hhea),
        (*b"hmtx", hmtx),
        (*b"loca", loca),
        (*b"maxp", maxp),
        (*b"name", name(&names)),
        (*b"post", post),
    ]
}

/// A simple glyph: one closed contour around the box.
fn square(x0: i16, y0: i16, x1: i16, y1: i16) -> Vec<u8> {
    let mut g = Vec::new();
    g.extend(w16(1)); // numberOfContours
    for v in [x0, y0, x1, y1] {
        g.extend(w16(v as u16));
    }
    g.extend(w16(3)); // endPtsOfContours
    g.extend(w16(0)); // instructionLength
    g.extend([1u8; 4]); // flags: on curve, 16-bit deltas
    // Points (x0,y0) (x0,y1) (x1,y1) (x1,y0), clockwise, as deltas.
    for dx in [x0, 0, x1 - x0, 0] {
        g.extend(w16(dx as u16));
    }
    for dy in [y0, y1 - y0, 0, y0 - y1] {
        g.extend(w16(dy as u16));
    }
    g
}

fn cmap(chars: &[char]) -> Vec<u8> {
    // Format 4: one segment per BMP character, then the 0xFFFF end segment.
    let bmp: Vec<(u16, u16)> = chars
        .iter()
        .enumerate()
        .filter_map(|(i, &c)| Some((u16::try_from(u32::from(c)).ok()?, i as u16 + 1)))
        .collect();
    let seg_count = bmp.len() as u16 + 1;
    let mut search_range = 2u16;
    let mut entry_selector = 0u16;
    while search_range * 2 <= seg_count * 2 {
        search_range *= 2;
        entry_selector += 1;
    }
    let mut ends = Vec::new();
    let mut starts = Vec::new();
    let mut deltas = Vec::new();
    for &(cp, gid) in &bmp {
        ends.extend(w16(cp));
        starts.extend(w16(cp));
        deltas.extend(w16(gid.wrapping_sub(cp)));
    }
    ends.extend(w16(0xFFFF));
    starts.extend(w16(0xFFFF));
    deltas.extend(w16(1));
    let mut f4 = Vec::new();
    f4.extend(w16(4));
    f4.extend(w16(16 + 8 * seg_count)); // length
    f4.extend(w16(0)); // language
    f4.extend(w16(seg_count * 2));
    f4.extend(w16(search_range));
    f4.extend(w16(entry_selector));
    f4.extend(w16(seg_count * 2 - search_range));
    f4.extend(ends);
    f4.extend(w16(0)); // reservedPad
    f4.extend(starts);
    f4.extend(deltas);
    f4.extend(vec![0; 2 * seg_count as usize]); // idRangeOffsets

    // Format 12: one group per character.
    let mut f12 = Vec::new();
    f12.extend(w16(12));
    f12.extend(w16(0));
    f12.extend(w32(16 + 12 * chars.len() as u32));
    f12.extend(w32(0)); // language
    f12.extend(w32(chars.len() as u32));
    for (i, &c) in chars.iter().enumerate() {
        f12.extend(w32(u32::from(c)));
        f12.extend(w32(u32::from(c)));
        f12.extend(w32(i as u32 + 1));
    }

    let header_len = 4 + 8 * 3;
    let f4_at = header_len as u32;
    let f12_at = f4_at + f4.len() as u32;
    let mut out = Vec::new();
    out.extend(w16(0)); // version
    out.extend(w16(3)); // numTables
    for (platform, encoding, at) in [(0u16, 3u16, f4_at), (3, 1, f4_at), (3, 10, f12_at)] {
        out.extend(w16(platform));
        out.extend(w16(encoding));
        out.extend(w32(at));
    }
    out.extend(f4);
    out.extend(f12);
    out
}

/// A format 0 `name` table, Windows Unicode English (US) records.
fn name(names: &[(u16, String)]) -> Vec<u8> {
    let strings: Vec<Vec<u8>> = names
        .iter()
        .map(|(_, s)| s.encode_utf16().flat_map(u16::to_be_bytes).collect())
        .collect();
    let count = names.len() as u16;
    let mut out = Vec::new();
    out.extend(w16(0));
    out.extend(w16(count));
    out.extend(w16(6 + 12 * count)); // storage offset
    let mut offset = 0u16;
    for ((id, _), bytes) in names.iter().zip(&strings) {
        out.extend(w16(3)); // platform: Windows
        out.extend(w16(1)); // encoding: Unicode BMP
        out.extend(w16(0x0409)); // language: English (US)
        out.extend(w16(*id));
        out.extend(w16(bytes.len() as u16));
        out.extend(w16(offset));
        offset += bytes.len() as u16;
    }
    for bytes in strings {
        out.extend(bytes);
    }
    out
}

/// One font file, or a collection when there is more than one font.
fn assemble(fonts: &[Vec<Table>]) -> Vec<u8> {
    let collection = fonts.len() > 1;
    let header_len = if collection { 12 + 4 * fonts.len() } else { 0 };
    let dir_len = |tables: &[Table]| 12 + 16 * tables.len();
    let mut out = vec![0u8; header_len];
    if collection {
        out[0..4].copy_from_slice(b"ttcf");
        out[4..8].copy_from_slice(&w32(0x0001_0000));
        out[8..12].copy_from_slice(&w32(fonts.len() as u32));
    }
    let mut head_at = Vec::new();
    for (i, tables) in fonts.iter().enumerate() {
        let dir_at = out.len();
        if collection {
            out[12 + 4 * i..16 + 4 * i].copy_from_slice(&w32(dir_at as u32));
        }
        let n = tables.len() as u16;
        let mut search_range = 1u16;
        let mut entry_selector = 0u16;
        while search_range * 2 <= n {
            search_range *= 2;
            entry_selector += 1;
        }
        out.extend(w32(0x0001_0000)); // TrueType outlines
        out.extend(w16(n));
        out.extend(w16(search_range * 16));
        out.extend(w16(entry_selector));
        out.extend(w16(n * 16 - search_range * 16));
        let records_at = out.len();
        out.resize(dir_at + dir_len(tables), 0);
        for (t, (tag, data)) in tables.iter().enumerate() {
            let at = out.len();
            let record = records_at + 16 * t;
            out[record..record + 4].copy_from_slice(tag);
            out[record + 4..record + 8].copy_from_slice(&w32(checksum(data)));
            out[record + 8..record + 12].copy_from_slice(&w32(at as u32));
            out[record + 12..record + 16].copy_from_slice(&w32(data.len() as u32));
            if tag == b"head" {
                head_at.push(at);
            }
            out.extend(data);
            while out.len() % 4 != 0 {
                out.push(0);
            }
        }
    }
    // checksumAdjustment makes the whole file sum to 0xB1B0AFBA.
    let adjustment = 0xB1B0_AFBAu32.wrapping_sub(checksum(&out));
    for at in head_at {
        out[at + 8..at + 12].copy_from_slice(&w32(adjustment));
    }
    out
}

fn checksum(data: &[u8]) -> u32 {
    data.chunks(4).fold(0u32, |sum, chunk| {
        let mut word = [0u8; 4];
        word[..chunk.len()].copy_from_slice(chunk);
        sum.wrapping_add(u32::from_be_bytes(word))
    })
}

fn w16(v: u16) -> [u8; 2] {
    v.to_be_bytes()
}

fn w32(v: u32) -> [u8; 4] {
    v.to_be_bytes()
}
