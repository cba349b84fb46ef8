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
    fn colours() {
        assert!(is_hex_colour("#1d4e89"));
        assert!(is_hex_colour("#ABCDEF"));
        for bad in ["1d4e89", "#1d4e8", "#1d4e899", "#1d4e8g", "red", ""] {
            assert!(!is_hex_colour(bad), "{bad}");
        }
    }
}
