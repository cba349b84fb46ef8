//! A posting's bytes → its text, by format.
//!
//! Plain text and Markdown are read as they are; HTML is turned into text
//! lines (block elements on lines of their own, scripts and navigation
//! dropped); a PDF goes through `pdftotext` (poppler-utils).
//!
//! Whatever the format, the text is normalised the same way: a byte-order
//! mark is dropped, CRLF and lone CR become LF, and Cloudflare's e-mail
//! protection (`/cdn-cgi/l/email-protection#HEX`) is decoded back into the
//! address, because web copies of postings often hide every address that way.

mod html;
mod pdf;

use std::io::Read;
use std::path::PathBuf;

use anyhow::{Context, bail};

/// Where the posting comes from: `--from FILE` or `--from -`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    Stdin,
    File(PathBuf),
}

impl Input {
    /// `-` is standard input; anything else a path.
    pub fn from_arg(arg: &str) -> Input {
        if arg == "-" {
            Input::Stdin
        } else {
            Input::File(PathBuf::from(arg))
        }
    }

    /// As the draft names it: the path as given, or `standard input`.
    pub fn name(&self) -> String {
        match self {
            Input::Stdin => "standard input".to_string(),
            Input::File(p) => p.display().to_string(),
        }
    }
}

/// The format a posting was read in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Markdown,
    Html,
    Pdf,
}

impl Format {
    pub fn name(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Markdown => "Markdown",
            Format::Html => "HTML",
            Format::Pdf => "PDF",
        }
    }
}

/// A posting as text, one entry per line; `Found::line` values index it
/// (1-based).
#[derive(Debug, Clone)]
pub struct Source {
    pub input: Input,
    pub format: Format,
    pub lines: Vec<String>,
}

/// Reads `input` (the file, or all of standard input) and turns it into
/// text lines.
pub fn load(input: &Input) -> anyhow::Result<Source> {
    let bytes = match input {
        Input::Stdin => {
            let mut buf = Vec::new();
            std::io::stdin()
                .read_to_end(&mut buf)
                .context("cannot read the posting from standard input")?;
            buf
        }
        Input::File(p) => {
            std::fs::read(p).with_context(|| format!("cannot read {}", p.display()))?
        }
    };
    from_bytes(input, &bytes)
}

/// Turns the bytes of a posting into text lines; `input` gives the name for
/// messages and, for a file, the extension that hints at the format.
pub fn from_bytes(input: &Input, bytes: &[u8]) -> anyhow::Result<Source> {
    let name = input.name();
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        bail!("{name} is empty: nothing to read");
    }
    let format = detect(input, bytes);
    let text = if format == Format::Pdf {
        pdf::to_text(input, bytes)?
    } else {
        decode(bytes).ok_or_else(|| anyhow::anyhow!("{name} is not text (binary data?)"))?
    };
    let text = normalise(&text);
    let text = if format == Format::Html {
        html::to_text(&text)
    } else {
        text
    };
    let text = decode_cloudflare(&text);
    if text.trim().is_empty() {
        match format {
            Format::Pdf => bail!(
                "{name}: the PDF holds no text (an image-only scan?); copy the posting's text into a .txt file instead"
            ),
            _ => bail!("{name} is empty: nothing to read"),
        }
    }
    let lines = text.split('\n').map(str::to_string).collect();
    Ok(Source {
        input: input.clone(),
        format,
        lines,
    })
}

/// The format: a PDF by its magic bytes whatever the name, then the
/// extension, then the content (standard input has no extension).
fn detect(input: &Input, bytes: &[u8]) -> Format {
    if bytes.starts_with(b"%PDF-") {
        return Format::Pdf;
    }
    let ext = match input {
        Input::File(p) => p
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase),
        Input::Stdin => None,
    };
    match ext.as_deref() {
        Some("html" | "htm" | "xhtml") => return Format::Html,
        Some("md" | "markdown") => return Format::Markdown,
        Some("pdf") => return Format::Pdf,
        Some("txt") => return Format::Text,
        _ => {}
    }
    let head: String = String::from_utf8_lossy(&bytes[..bytes.len().min(512)])
        .trim_start_matches('\u{feff}')
        .trim_start()
        .chars()
        .take(64)
        .collect::<String>()
        .to_ascii_lowercase();
    if head.starts_with("<!doctype") || head.starts_with("<html") {
        Format::Html
    } else if head.starts_with('#') {
        Format::Markdown
    } else {
        Format::Text
    }
}

/// Bytes → text: UTF-16 with a BOM, UTF-8 (a BOM dropped), else
/// Windows-1252 when that reads as text. The fallback is for postings saved by old Windows tools; it is
/// accepted only when no control characters appear and most non-space
/// characters are letters, digits or ordinary punctuation, so that binary
/// data is refused instead of being turned into garbage.
fn decode(bytes: &[u8]) -> Option<String> {
    // UTF-16 with its BOM, as Windows Notepad saves "Unicode".
    for (bom, little) in [(b"\xFF\xFE", true), (b"\xFE\xFF", false)] {
        if let Some(rest) = bytes.strip_prefix(bom) {
            let units: Vec<u16> = rest
                .chunks_exact(2)
                .map(|p| {
                    if little {
                        u16::from_le_bytes([p[0], p[1]])
                    } else {
                        u16::from_be_bytes([p[0], p[1]])
                    }
                })
                .collect();
            return String::from_utf16(&units).ok().filter(|s| !binary_like(s));
        }
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if let Ok(s) = std::str::from_utf8(bytes) {
        return (!binary_like(s)).then(|| s.to_string());
    }
    let s: String = bytes.iter().map(|&b| cp1252(b)).collect();
    if binary_like(&s) {
        return None;
    }
    let visible: Vec<char> = s.chars().filter(|c| !c.is_whitespace()).collect();
    let plain = visible
        .iter()
        .filter(|c| c.is_alphanumeric() || ".,;:!?-()'\"/%€&@".contains(**c))
        .count();
    (plain * 10 >= visible.len() * 9).then_some(s)
}

/// Control characters other than tab, newline, CR and form feed: text has
/// none of them, binary data many.
fn binary_like(s: &str) -> bool {
    let controls = s
        .chars()
        .filter(|c| c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{c}'))
        .count();
    controls > 0 && controls * 100 >= s.chars().count().max(1) || s.contains('\0')
}

/// One Windows-1252 byte as a character (the C1 range as Windows fills it).
fn cp1252(b: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž',
        '\u{8f}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}',
        'ž', 'Ÿ',
    ];
    match b {
        0x80..=0x9f => HIGH[usize::from(b - 0x80)],
        _ => char::from(b),
    }
}

/// Line ends as LF, no BOM, no form feeds (pdftotext's page breaks).
fn normalise(text: &str) -> String {
    text.trim_start_matches('\u{feff}')
        .replace("\r\n", "\n")
        .replace(['\r', '\u{c}'], "\n")
}

/// Replaces every Cloudflare-protected address (`…/cdn-cgi/l/email-protection#HEX`,
/// as a link target in Markdown or text) by `mailto:ADDRESS`, so that the
/// address reads like any other link.
pub fn decode_cloudflare(text: &str) -> String {
    const MARK: &str = "/cdn-cgi/l/email-protection#";
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find(MARK) {
        let hex_start = at + MARK.len();
        let hex_len = rest[hex_start..]
            .bytes()
            .take_while(u8::is_ascii_hexdigit)
            .count();
        let hex = &rest[hex_start..hex_start + hex_len];
        match cf_decode(hex) {
            Some(addr) => {
                // Drop the URL's scheme and host that precede the mark.
                let url_start = rest[..at]
                    .rfind(|c: char| c.is_whitespace() || "(<\"'[".contains(c))
                    .map_or(0, |i| i + 1);
                out.push_str(&rest[..url_start]);
                out.push_str("mailto:");
                out.push_str(&addr);
            }
            None => out.push_str(&rest[..hex_start + hex_len]),
        }
        rest = &rest[hex_start + hex_len..];
    }
    out.push_str(rest);
    out
}

/// Cloudflare's encoding: the first byte is the key, every further byte the
/// address's byte XOR the key.
pub fn cf_decode(hex: &str) -> Option<String> {
    if hex.len() < 4 || !hex.len().is_multiple_of(2) || !hex.is_ascii() {
        return None;
    }
    let bytes: Vec<u8> = (0..hex.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&hex[i..i + 2], 16).ok())
        .collect::<Option<_>>()?;
    let key = bytes[0];
    let decoded: Vec<u8> = bytes[1..].iter().map(|b| b ^ key).collect();
    let s = String::from_utf8(decoded).ok()?;
    (s.contains('@') && !s.chars().any(char::is_control)).then_some(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(name: &str, bytes: &[u8]) -> anyhow::Result<Source> {
        from_bytes(&Input::File(PathBuf::from(name)), bytes)
    }

    #[test]
    fn crlf_and_bom_are_normalised() {
        let s = read("a.txt", b"\xEF\xBB\xBFOtsime\r\njuhti\rkohe\n").unwrap();
        assert_eq!(s.lines, ["Otsime", "juhti", "kohe", ""]);
        assert_eq!(s.format, Format::Text);
    }

    #[test]
    fn empty_and_blank_input_is_an_error() {
        for bytes in [&b""[..], b"  \n\t\r\n"] {
            let e = read("x.txt", bytes).unwrap_err().to_string();
            assert!(e.contains("x.txt is empty: nothing to read"), "{e}");
        }
    }

    #[test]
    fn binary_input_is_an_error() {
        let bytes: Vec<u8> = (0u8..=255).cycle().take(2000).collect();
        let e = read("x.bin", &bytes).unwrap_err().to_string();
        assert!(e.contains("x.bin is not text (binary data?)"), "{e}");
    }

    #[test]
    fn windows_1252_text_is_read() {
        // "Nõuded: töökogemus" in Windows-1252.
        let s = read("a.txt", b"N\xf5uded: t\xf6\xf6kogemus").unwrap();
        assert_eq!(s.lines, ["Nõuded: töökogemus"]);
    }

    #[test]
    fn utf16_with_its_bom_is_read() {
        let mut bytes = vec![0xFF, 0xFE];
        bytes.extend("Nõuded\r\n".encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(read("a.txt", &bytes).unwrap().lines, ["Nõuded", ""]);
    }

    #[test]
    fn format_by_extension_and_content() {
        let html = b"<!DOCTYPE html><html><body><p>Tere</p></body></html>";
        assert_eq!(
            from_bytes(&Input::Stdin, html).unwrap().format,
            Format::Html
        );
        assert_eq!(read("a.md", b"x").unwrap().format, Format::Markdown);
        assert_eq!(read("a.HTM", b"<p>x</p>").unwrap().format, Format::Html);
        assert_eq!(
            from_bytes(&Input::Stdin, b"plain").unwrap().format,
            Format::Text
        );
    }

    #[test]
    fn cloudflare_addresses_are_decoded() {
        // key 0x42; "a@b.ee" XOR 0x42.
        let hex: String = std::iter::once(0x42u8)
            .chain(b"a@b.ee".iter().map(|b| b ^ 0x42))
            .map(|b| format!("{b:02x}"))
            .collect();
        assert_eq!(cf_decode(&hex).as_deref(), Some("a@b.ee"));
        let md = format!("[Mari](https://x.ee/cdn-cgi/l/email-protection#{hex}).");
        assert_eq!(decode_cloudflare(&md), "[Mari](mailto:a@b.ee).");
        assert_eq!(cf_decode("zz"), None);
        assert_eq!(
            decode_cloudflare("/cdn-cgi/l/email-protection#"),
            "/cdn-cgi/l/email-protection#"
        );
    }

    #[test]
    fn unreadable_file_names_the_file() {
        let e = load(&Input::File(PathBuf::from("/no/such/posting.txt"))).unwrap_err();
        let msg = format!("{e:#}");
        assert!(msg.contains("/no/such/posting.txt"), "{msg}");
    }
}
