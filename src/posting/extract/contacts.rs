//! Who to reach: every e-mail address and phone number of the posting, with
//! the name and role written beside them.

use crate::posting::{Contact, Found};

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

#[cfg(test)]
mod tests;
