//! Labelled values ("Tähtaeg: 8. detsember 2025", or a bold label with its
//! value on the next line, as job portals' forms print them) and the small
//! fields read from them or from the running text: contacts, salary,
//! reference number, location, URL, address.

use crate::posting::blocks::{Block, Kind};
use crate::posting::{Contact, Found};

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
        let lower = b.text.to_lowercase();
        if let Some(label) = BARE_LABELS.iter().find(|l| lower.starts_with(*l))
            && b.text.len() > label.len()
            && b.text[label.len()..].starts_with(' ')
        {
            out.push(Field {
                label: (*label).to_string(),
                value: b.text[label.len()..].trim().to_string(),
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

/// E-mail addresses in a line, in order.
pub fn emails(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let local = |c: char| c.is_ascii_alphanumeric() || "._%+-".contains(c);
    let domain = |c: char| c.is_ascii_alphanumeric() || ".-".contains(c);
    for (at, _) in line.match_indices('@') {
        let start = line[..at]
            .char_indices()
            .rev()
            .take_while(|(_, c)| local(*c))
            .last()
            .map_or(at, |(i, _)| i);
        let end = line[at + 1..]
            .char_indices()
            .take_while(|(_, c)| domain(*c))
            .last()
            .map_or(at + 1, |(i, c)| at + 1 + i + c.len_utf8());
        let addr = line[start..end].trim_matches('.');
        let Some((l, d)) = addr.split_once('@') else {
            continue;
        };
        let tld = d.rsplit('.').next().unwrap_or("");
        if !l.is_empty()
            && d.contains('.')
            && tld.len() >= 2
            && tld.chars().all(|c| c.is_ascii_alphabetic())
            && !out.iter().any(|a: &String| a == addr)
        {
            out.push(addr.to_string());
        }
    }
    out
}

/// Phone numbers in a line: `+372 5555 0000`, or 7–8 digits after a phone
/// word ("tel", "telefon", "phone", "mob").
pub fn phones(line: &str) -> Vec<String> {
    let lower = line.to_lowercase();
    let worded = ["tel", "phone", "mob", "gsm"]
        .iter()
        .any(|w| lower.contains(w));
    let chars: Vec<(usize, char)> = line.char_indices().collect();
    let mut out = Vec::new();
    let mut k = 0;
    while k < chars.len() {
        let (start, c) = chars[k];
        let begins = (c == '+' || c.is_ascii_digit())
            && (k == 0 || !chars[k - 1].1.is_alphanumeric() && !".,/-".contains(chars[k - 1].1));
        if !begins {
            k += 1;
            continue;
        }
        let mut j = k + 1;
        while j < chars.len()
            && (chars[j].1.is_ascii_digit()
                || (chars[j].1 == ' ' || chars[j].1 == '-')
                    && chars.get(j + 1).is_some_and(|n| n.1.is_ascii_digit()))
        {
            j += 1;
        }
        let end = chars.get(j).map_or(line.len(), |c| c.0);
        let text = line[start..end].trim();
        let digits = text.chars().filter(char::is_ascii_digit).count();
        let next_is_dot = chars.get(j).is_some_and(|c| c.1 == '.' || c.1 == '/')
            && chars.get(j + 1).is_some_and(|c| c.1.is_ascii_digit());
        let plus = c == '+' && (10..=13).contains(&digits);
        // A bare number is a phone only right after the phone word, not a
        // registry code further along the line.
        let word_before = worded && {
            let before: String = line[..start]
                .to_lowercase()
                .chars()
                .rev()
                .take(16)
                .collect();
            ["let", "enohp", "bom", "msg"]
                .iter()
                .any(|w| before.contains(w))
        };
        if !next_is_dot && (plus || word_before && (7..=8).contains(&digits)) {
            out.push(text.to_string());
        }
        k = j.max(k + 1);
    }
    out
}

/// Words that are not names although capitalised (labels, places,
/// institutions).
fn not_name(word: &str) -> bool {
    const STOP: &[&str] = &[
        "telefon",
        "tel",
        "e-post",
        "e-mail",
        "email",
        "kontakt",
        "kontaktisik",
        "lisainfo",
        "info",
        "allikas",
        "source",
        "apply",
        "we",
        "the",
        "our",
        "your",
        "you",
        "tallinn",
        "tartu",
        "eesti",
        "estonia",
        "harju",
        "kandideeri",
        "täiendav",
        "lisateave",
        "kui",
        "sul",
        "sinu",
        "sind",
        "sa",
        "sina",
        "meie",
        "me",
        "ta",
        "tema",
        "palun",
        "oled",
        "kas",
        "ootame",
        "saada",
        "vaata",
        "liitu",
        "tule",
        "lisaks",
        "küsimuste",
        "küsimused",
        "küsimustele",
        "dokumendid",
        "avaldus",
        "cv",
        "if",
        "for",
        "please",
        "send",
        "contact",
        "questions",
        "questions?",
        "in",
        "at",
        "on",
        "by",
        "this",
        "join",
    ];
    const INSTITUTIONS: &[&str] = &[
        "valitsus",
        "amet",
        "keskus",
        "kool",
        "haigla",
        "vald",
        "linn",
        "osakond",
        "teenistus",
        "ministeerium",
        "inspektsioon",
        "kogu",
        "fond",
        "koda",
        "ülikool",
        "gümnaasium",
    ];
    let w = word.to_lowercase();
    STOP.contains(&w.as_str()) || INSTITUTIONS.iter().any(|s| w.contains(s))
}

fn name_word(w: &str) -> bool {
    let mut chars = w.chars();
    let first_upper = chars.next().is_some_and(char::is_uppercase);
    // "Mark-Emil": each part of a double name is capitalised.
    let parts_ok = w.split('-').all(|p| {
        p.chars().next().is_some_and(char::is_uppercase)
            && p.chars().skip(1).all(char::is_lowercase)
    });
    first_upper
        && w.chars().count() >= 2
        && parts_ok
        && w.chars().all(|c| c.is_alphabetic() || c == '-')
        && !not_name(w)
}

/// A person's name in `line` ("Katrin Ligi", "Mark-Emil Talivere": two or
/// three capitalised words), the last such run's final two or three words,
/// and the role written around it.
pub fn person(line: &str) -> Option<(String, Option<String>)> {
    let words: Vec<&str> = line.split_whitespace().collect();
    let bare = |w: &str| {
        w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-')
            .to_string()
    };
    let mut best: Option<(usize, usize)> = None;
    let mut k = 0;
    while k < words.len() {
        let mut j = k;
        while j < words.len()
            && name_word(&bare(words[j]))
            && (j == k || !words[j - 1].ends_with([',', '.', ':', ';']))
        {
            j += 1;
        }
        if j - k >= 2 {
            best = Some((k, j));
        }
        k = j.max(k + 1);
    }
    let (k, j) = best?;
    let start = if j - k > 3 { j - 2 } else { k };
    let name = words[start..j]
        .iter()
        .map(|w| bare(w))
        .collect::<Vec<_>>()
        .join(" ");
    let after = words[j - 1..].join(" ");
    let role = after
        .split_once(", ")
        .map(|(_, r)| r.split([',', '(']).next().unwrap_or("").trim().to_string())
        .filter(|r| {
            !r.is_empty()
                && !r.chars().any(|c| c.is_ascii_digit())
                && !r.contains('@')
                && r.split_whitespace().count() <= 4
        })
        .or_else(|| {
            let before = words[..start].to_vec();
            let role_words: Vec<&str> = if start > k {
                words[k..start].to_vec()
            } else {
                before
                    .last()
                    .filter(|w| w.chars().all(|c| c.is_lowercase() || c == '-'))
                    .into_iter()
                    .copied()
                    .collect()
            };
            let role = role_words.join(" ");
            (!role.is_empty() && !role.ends_with(':')).then_some(role)
        });
    Some((name, role))
}

/// Every e-mail address and phone number of `lines` as contacts, with the
/// name and role written beside them (on the line or up to two lines above).
pub fn contacts(lines: &[String]) -> Vec<Found<Contact>> {
    let mut out: Vec<Found<Contact>> = Vec::new();
    for (k, line) in lines.iter().enumerate() {
        let mails = emails(line);
        let tels: Vec<String> = phones(line)
            .into_iter()
            .filter(|p| {
                !out.iter()
                    .any(|c| c.value.phone.as_deref() == Some(p.as_str()))
                    || mails.is_empty()
            })
            .collect();
        if mails.is_empty() && tels.is_empty() {
            continue;
        }
        let near = (k.saturating_sub(2)..=k)
            .rev()
            .take_while(|&n| n == k || !lines[n].trim().is_empty())
            .find_map(|n| {
                if n < k && !emails(&lines[n]).is_empty() {
                    return None;
                }
                person(&lines[n])
            });
        let (name, role) = near.map_or((None, None), |(n, r)| (Some(n), r));
        if mails.is_empty() {
            // A phone alone: the contact it belongs to, else its own.
            for tel in tels {
                if let Some(c) = out.iter_mut().rev().find(|c| {
                    c.value.phone.is_none()
                        && (name.is_none() || c.value.name == name)
                        && k.abs_diff(c.line) <= 3
                }) {
                    c.value.phone = Some(tel);
                } else if let Some(c) = out
                    .iter_mut()
                    .find(|c| c.value.phone.as_deref() == Some(tel.as_str()))
                {
                    let _ = c;
                } else {
                    out.push(Found {
                        value: Contact {
                            name: name.clone(),
                            role: role.clone(),
                            email: None,
                            phone: Some(tel),
                        },
                        line: k + 1,
                    });
                }
            }
            continue;
        }
        for (m, mail) in mails.into_iter().enumerate() {
            if let Some(c) = out
                .iter_mut()
                .find(|c| c.value.email.as_deref() == Some(mail.as_str()))
            {
                if c.value.name.is_none() {
                    c.value.name.clone_from(&name);
                }
                continue;
            }
            // A phone of the same person, or earlier in the block, waiting
            // for its address.
            if let Some(c) = out.iter_mut().rev().find(|c| {
                c.value.email.is_none() && name.is_some() && c.value.name == name
                    || c.value.email.is_none()
                        && c.value.name.is_none()
                        && name.is_none()
                        && k.abs_diff(c.line) <= 2
            }) {
                c.value.email = Some(mail);
                continue;
            }
            out.push(Found {
                value: Contact {
                    name: if m == 0 { name.clone() } else { None },
                    role: if m == 0 { role.clone() } else { None },
                    email: Some(mail),
                    phone: tels.get(m).cloned(),
                },
                line: k + 1,
            });
        }
    }
    out
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
mod tests {
    use super::*;

    fn lines(text: &str) -> Vec<String> {
        text.split('\n').map(str::to_string).collect()
    }

    #[test]
    fn emails_and_phones() {
        assert_eq!(
            emails("kiri (mari.maa@x.ee), või info@y.com."),
            ["mari.maa@x.ee", "info@y.com"]
        );
        assert_eq!(
            phones("Telefon: +372 5555 0000, reg 70003164"),
            ["+372 5555 0000"]
        );
        assert_eq!(phones("tel 5555 0000"), ["5555 0000"]);
        assert!(phones("Registrikood: 70003164").is_empty());
        assert!(phones("kuni 24.08.2025").is_empty());
    }

    #[test]
    fn contacts_with_names_and_roles() {
        let got = contacts(&lines(
            "Kontakt:\nKatrin Ligi, personalijuht\nTelefon: +372 5555 0000\nE-post: k@x.ee\n\nDokumendid saata aadressile cv@x.ee",
        ));
        assert_eq!(got.len(), 2, "{got:?}");
        assert_eq!(got[0].value.name.as_deref(), Some("Katrin Ligi"));
        assert_eq!(got[0].value.role.as_deref(), Some("personalijuht"));
        assert_eq!(got[0].value.phone.as_deref(), Some("+372 5555 0000"));
        assert_eq!(got[0].value.email.as_deref(), Some("k@x.ee"));
        assert_eq!(got[1].value.name, None);
        let got = contacts(&lines(
            "Lisainfo: vallavanem Triin Matsalu, tel: +372 5555 0000 või e-post: t@v.ee .",
        ));
        assert_eq!(got[0].value.name.as_deref(), Some("Triin Matsalu"));
        assert_eq!(got[0].value.role.as_deref(), Some("vallavanem"));
        assert_eq!(got[0].value.phone.as_deref(), Some("+372 5555 0000"));
    }

    #[test]
    fn reference_salary_location() {
        let l = lines("**Tööpakkumise nr:** 1620083\nAllikas: Töötukassa (posting #805504)");
        assert_eq!(reference(&l).unwrap().value, "1620083");
        let f = vec![Field {
            label: "asukoht".into(),
            value: "Harju maakond, Tallinn, Kesklinna linnaosa".into(),
            line: 3,
        }];
        assert_eq!(location(&f, &[]).unwrap().value, "Tallinn");
        let l = lines("- Töötasu 3500 bruto kuus");
        assert_eq!(salary(&[], &l).unwrap().value, "Töötasu 3500 bruto kuus");
    }
}
