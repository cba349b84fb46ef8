//! Labelled values ("Tähtaeg: 8. detsember 2025", or a bold label with its
//! value on the next line, as job portals' forms print them) and the small
//! fields read from them or from the running text: contacts, salary,
//! reference number, location, URL, address.

use crate::posting::Found;
use crate::posting::blocks::{Block, Kind};

use super::find_ci;

/// A labelled value: `label` in lower case without the colon.
#[derive(Debug, Clone)]
pub struct Field {
    pub label: String,
    pub value: String,
    pub line: usize,
}

/// Every `Label: value` of the blocks, and every short heading directly
/// followed by a paragraph (a label above its value).
pub fn fields(blocks: &[Block]) -> Vec<Field> {
    let mut out = Vec::new();
    for (k, b) in blocks.iter().enumerate() {
        // A job description's form without colons: "Teenistuskoht Analüütik".
        // (The first word, compared in lower case: never an index into
        // the lower-cased text, whose byte lengths may differ.)
        let (first, rest) = b.text.split_once(' ').unwrap_or((&b.text, ""));
        if let Some(label) = BARE_LABELS.iter().find(|l| first.to_lowercase() == **l)
            && !rest.trim().is_empty()
        {
            out.push(Field {
                label: (*label).to_string(),
                value: rest.trim().to_string(),
                line: b.line,
            });
            continue;
        }
        if let Some((label, value)) = b.text.split_once(':')
            && is_label(label)
            && !value.trim().is_empty()
            && !value.starts_with("//")
        {
            out.push(Field {
                label: label.trim().to_lowercase(),
                value: value.trim().to_string(),
                line: b.line,
            });
            continue;
        }
        if let Kind::Heading(level) = b.kind
            && level >= 2
            && let Some(next) = blocks.get(k + 1)
            && next.kind == Kind::Paragraph
        {
            let label = b.text.trim_end_matches(':');
            if is_label(label) {
                out.push(Field {
                    label: label.trim().to_lowercase(),
                    value: next.text.clone(),
                    line: next.line,
                });
            }
        }
    }
    out
}

/// Labels that forms print without a colon before the value.
const BARE_LABELS: &[&str] = &[
    "ametinimetus",
    "teenistuskoht",
    "ametikoht",
    "struktuuriüksus",
];

fn is_label(label: &str) -> bool {
    let words = label.split_whitespace().count();
    (1..=5).contains(&words) && label.chars().count() <= 40 && !label.contains("http")
}

/// The first field whose label contains one of `names`.
pub fn field<'a>(fields: &'a [Field], names: &[&str]) -> Option<&'a Field> {
    names
        .iter()
        .find_map(|n| fields.iter().find(|f| f.label.contains(n)))
}

/// The salary as written: a salary field with a figure, else a line that
/// names pay and gives a figure.
pub fn salary(fields: &[Field], lines: &[String]) -> Option<Found<String>> {
    const PAY: &[&str] = &[
        "palk",
        "töötasu",
        "tasu",
        "salary",
        "pay",
        "wage",
        "compensation",
    ];
    let figure = |s: &str| s.chars().any(|c| c.is_ascii_digit());
    if let Some(f) = PAY.iter().find_map(|p| {
        fields
            .iter()
            .find(|f| f.label.contains(p) && figure(&f.value))
    }) {
        return Some(Found {
            value: f.value.clone(),
            line: f.line,
        });
    }
    lines.iter().enumerate().find_map(|(k, l)| {
        let lower = l.to_lowercase();
        let money = lower.contains('€') || lower.contains("eur") || lower.contains("bruto");
        let pay = PAY.iter().any(|p| lower.contains(p));
        (money && pay && figure(l)).then(|| Found {
            value: l
                .trim()
                .trim_start_matches(|c: char| "-•*·▪– ".contains(c))
                .to_string(),
            line: k + 1,
        })
    })
}

/// A posting number after its label ("Tööpakkumise nr: 1620083",
/// "Job ID: 1473117", "konkursi nr 12-3", "(posting #805504)").
pub fn reference(lines: &[String]) -> Option<Found<String>> {
    const LABELS: &[&str] = &[
        "tööpakkumise nr",
        "konkursi nr",
        "konkursi number",
        "konkursi viitenumber",
        "viitenumber",
        "kuulutuse nr",
        "job id",
        "posting #",
        "posting id",
        "vacancy id",
        "reference number",
        "reference no",
        "ref. no",
        "ref no",
        "reference:",
        "ref:",
    ];
    for (k, l) in lines.iter().enumerate() {
        for label in LABELS {
            let Some((_, end)) = find_ci(l, label) else {
                continue;
            };
            let rest = &l[end..];
            let rest = rest.trim_start_matches(|c: char| ":#.*".contains(c) || c.is_whitespace());
            let value: String = rest
                .chars()
                .take_while(|c| c.is_alphanumeric() || "-/".contains(*c))
                .collect();
            if value.chars().any(|c| c.is_ascii_digit()) {
                return Some(Found { value, line: k + 1 });
            }
        }
    }
    None
}

/// Cities, as their stems: "Tallinnas", "Tartu kontoris".
const CITIES: &[&str] = &[
    "Tallinn",
    "Tartu",
    "Pärnu",
    "Narva",
    "Viljandi",
    "Rakvere",
    "Kuressaare",
    "Haapsalu",
    "Jõhvi",
    "Paide",
    "Valga",
    "Võru",
    "Jõgeva",
    "Rapla",
    "Kärdla",
    "Põlva",
    "Maardu",
    "Sillamäe",
    "Keila",
    "Saue",
    "Riga",
    "Helsinki",
];

/// The place of work: a location field's first place (not a county, the
/// country or a street), else the first city named in the text.
pub fn location(fields: &[Field], lines: &[String]) -> Option<Found<String>> {
    let f = field(
        fields,
        &[
            "asukoht",
            "location",
            "tööpiirkond",
            "töö piirkond",
            "place of work",
            "linn",
        ],
    );
    if let Some(f) = f {
        let place = f
            .value
            .split([',', '(', ';', '/'])
            .map(|p| p.split(" with ").next().unwrap_or("").trim())
            .find(|p| {
                let l = p.to_lowercase();
                !p.is_empty()
                    && !l.contains("maakond")
                    && !l.ends_with("maa")
                    && !matches!(l.as_str(), "eesti" | "estonia")
                    && !l.contains("linnaosa")
                    && !p.chars().any(|c| c.is_ascii_digit())
            });
        if let Some(p) = place {
            return Some(Found {
                value: p.to_string(),
                line: f.line,
            });
        }
    }
    // An address's settlement: "78304 Märjamaa alev", "Jälgimäe küla".
    let settlement = lines.iter().enumerate().find_map(|(k, l)| {
        let words: Vec<&str> = l.split_whitespace().collect();
        words.windows(2).find_map(|w| {
            let kind = w[1].trim_end_matches([',', '.', ';']);
            let place = w[0].trim_start_matches('(');
            (matches!(kind, "alev" | "alevik" | "küla" | "linn")
                && place.chars().next().is_some_and(char::is_uppercase)
                && place.chars().all(|c| c.is_alphabetic() || c == '-'))
            .then(|| Found {
                value: place.to_string(),
                line: k + 1,
            })
        })
    });
    if settlement.is_some() {
        return settlement;
    }
    lines.iter().enumerate().find_map(|(k, l)| {
        l.split(|c: char| !c.is_alphanumeric()).find_map(|w| {
            CITIES
                .iter()
                .find(|c| w.starts_with(**c) && w.chars().count() <= c.chars().count() + 3)
                .map(|c| Found {
                    value: (*c).to_string(),
                    line: k + 1,
                })
        })
    })
}

/// The first `http(s)://` address in `text`.
pub fn url_in(text: &str) -> Option<String> {
    let at = text.find("http://").or_else(|| text.find("https://"))?;
    let url: String = text[at..]
        .chars()
        .take_while(|c| !c.is_whitespace() && !"<>\"')]".contains(*c))
        .collect();
    Some(url.trim_end_matches(['.', ',', ';']).to_string())
}

/// The posting's address: a source/URL field's link, else the first link.
pub fn url(fields: &[Field], lines: &[String]) -> Option<Found<String>> {
    for f in fields {
        if [
            "allikas",
            "source",
            "url",
            "link",
            "töökuulutus",
            "kuulutus",
        ]
        .iter()
        .any(|l| f.label.contains(l))
            && let Some(u) = url_in(&f.value)
        {
            return Some(Found {
                value: u,
                line: f.line,
            });
        }
    }
    lines.iter().enumerate().find_map(|(k, l)| {
        url_in(l).map(|u| Found {
            value: u,
            line: k + 1,
        })
    })
}

/// The employer's address, from an address field.
pub fn address(fields: &[Field]) -> Vec<Found<String>> {
    field(fields, &["aadress", "address", "töökoha asukoht"])
        .filter(|f| f.value.chars().any(|c| c.is_ascii_digit()))
        .map(|f| Found {
            value: f.value.clone(),
            line: f.line,
        })
        .into_iter()
        .collect()
}

#[cfg(test)]
mod tests;
