//! How a document looks, as a user may set it: `style:` in a tailoring file,
//! with defaults in the profile. Each layout says which options it honours
//! (`layouts/<name>/options`); one it ignores is a warning, not silence.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::Located;

#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Style {
    /// The accent colour, `#rrggbb`.
    #[serde(default)]
    pub accent: Option<Located<String>>,
    /// One of the bundled font families.
    #[serde(default)]
    pub font: Option<Located<Font>>,
    #[serde(default)]
    pub paper: Option<Located<Paper>>,
    #[serde(default)]
    pub density: Option<Located<Density>>,
    /// Show the profile's `photo` (in the designs that have a place for it).
    #[serde(default)]
    pub photo: Option<Located<bool>>,
}

/// The font families every build has: bundled with dossier (Inter, Open
/// Sans) or embedded in typst (Libertinus Serif, New Computer Modern).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
pub enum Font {
    Inter,
    #[serde(rename = "Open Sans")]
    OpenSans,
    #[serde(rename = "Libertinus Serif")]
    LibertinusSerif,
    #[serde(rename = "New Computer Modern")]
    NewComputerModern,
}

impl Font {
    /// The family name typst knows it by.
    pub fn family(self) -> &'static str {
        match self {
            Font::Inter => "Inter",
            Font::OpenSans => "Open Sans",
            Font::LibertinusSerif => "Libertinus Serif",
            Font::NewComputerModern => "New Computer Modern",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Paper {
    A4,
    UsLetter,
}

impl Paper {
    /// typst's paper name.
    pub fn name(self) -> &'static str {
        match self {
            Paper::A4 => "a4",
            Paper::UsLetter => "us-letter",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Density {
    Normal,
    Compact,
}

/// The PDF standards typst 0.15 enforces (`pdf_standard`, `--pdf-standard`).
pub const PDF_STANDARDS: [&str; 17] = [
    "1.4", "1.5", "1.6", "1.7", "2.0", "a-1b", "a-1a", "a-2b", "a-2u", "a-2a", "a-3b", "a-3u",
    "a-3a", "a-4", "a-4f", "a-4e", "ua-1",
];

/// What every PDF is unless `pdf_standard` / `--pdf-standard` says
/// otherwise: accessible (PDF/UA-1: a title, the language of every text,
/// headings, lists and tables tagged, alternative text on the photo) and
/// archival with the accessible PDF/A conformance (PDF/A-2a). Typst checks
/// both when it writes the file.
pub const DEFAULT_PDF_STANDARD: &str = "a-2a,ua-1";

/// The same for a document that carries a file (the europass layout's CV
/// carries its Europass XML): PDF/A-2 forbids attachments, PDF/A-3 allows
/// them.
pub const DEFAULT_PDF_STANDARD_ATTACHED: &str = "a-3a,ua-1";

/// A `pdf_standard` value: one standard typst knows, or several joined by
/// commas (`a-2b,ua-1`), as `typst --pdf-standard` takes them. The error
/// names the unknown part, with a "did you mean".
pub fn parse_pdf_standard(value: &str) -> Result<String, String> {
    let parts: Vec<&str> = value.split(',').map(str::trim).collect();
    for part in &parts {
        if !PDF_STANDARDS.contains(part) {
            let hint = crate::diag::did_you_mean(part, PDF_STANDARDS)
                .map(|b| format!("; did you mean \"{b}\"?"))
                .unwrap_or_default();
            return Err(format!(
                "unknown PDF standard \"{part}\"{hint}; known: {} (several joined by commas, \
                 e.g. {DEFAULT_PDF_STANDARD})",
                PDF_STANDARDS.join(", ")
            ));
        }
    }
    Ok(parts.join(","))
}

/// The option names, as written in YAML and in a layout's `options` file.
pub const OPTIONS: [&str; 5] = ["accent", "font", "paper", "density", "photo"];

/// `#1d4e89`, `#1D4E89`: a `#` and six hex digits.
pub fn is_hex_colour(s: &str) -> bool {
    s.len() == 7 && s.starts_with('#') && s[1..].bytes().all(|b| b.is_ascii_hexdigit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pdf_standards_one_or_several() {
        assert_eq!(parse_pdf_standard("a-2b").as_deref(), Ok("a-2b"));
        assert_eq!(parse_pdf_standard("a-3a, ua-1").as_deref(), Ok("a-3a,ua-1"));
        assert_eq!(
            parse_pdf_standard(DEFAULT_PDF_STANDARD).as_deref(),
            Ok(DEFAULT_PDF_STANDARD)
        );
        let e = parse_pdf_standard("a-2b,ua1").expect_err("unknown part");
        assert!(
            e.contains("unknown PDF standard \"ua1\"; did you mean \"ua-1\"?"),
            "{e}"
        );
        assert!(parse_pdf_standard("").is_err());
    }

    #[test]
    fn colours() {
        assert!(is_hex_colour("#1d4e89"));
        assert!(is_hex_colour("#ABCDEF"));
        for bad in ["1d4e89", "#1d4e8", "#1d4e899", "#1d4e8g", "red", ""] {
            assert!(!is_hex_colour(bad), "{bad}");
        }
    }
}
