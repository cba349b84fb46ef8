//! Counts of time as requirements write them: digits, Estonian number words
//! in every case ("kaks", "kahe", "kahte", "kahel", "kahest"), their
//! `-aastane` and `-kuune` compounds in every case ("kaheaastane",
//! "viieaastase", "kolmekuulist"), "paar" (a couple, about two), "poolteist"
//! (one and a half), and English number words.

/// What a count is of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Unit {
    Year,
    Month,
}

/// A count read from a word: its value and whether it is approximate
/// ("paar aastat", a couple of years).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Count {
    pub value: f64,
    pub approximate: bool,
}

/// Estonian cardinals: nominative, genitive (the stem of every other case
/// and of compounds), partitive forms.
#[rustfmt::skip]
const CARDINALS: &[(u32, &str, &str, &[&str])] = &[
    (1, "üks", "ühe", &["üht", "ühte"]),
    (2, "kaks", "kahe", &["kaht", "kahte"]),
    (3, "kolm", "kolme", &["kolme"]),
    (4, "neli", "nelja", &["nelja"]),
    (5, "viis", "viie", &["viit", "viite"]),
    (6, "kuus", "kuue", &["kuut", "kuute"]),
    (7, "seitse", "seitsme", &["seitset"]),
    (8, "kaheksa", "kaheksa", &["kaheksat"]),
    (9, "üheksa", "üheksa", &["üheksat"]),
    (10, "kümme", "kümne", &["kümmet"]),
];

/// The endings of the cases built on the genitive stem: genitive itself,
/// adessive, ablative, allative, inessive, elative, illative, comitative,
/// translative, terminative, essive, abessive.
const CASE_ENDINGS: &[&str] = &[
    "", "l", "lt", "le", "s", "st", "sse", "ga", "ks", "ni", "na", "ta",
];

/// Every form of one number up to 20 (and the tens to 50), with its value.
fn forms() -> &'static [(String, u32)] {
    static FORMS: std::sync::OnceLock<Vec<(String, u32)>> = std::sync::OnceLock::new();
    FORMS.get_or_init(|| {
        let mut out = Vec::new();
        let mut stems: Vec<(String, u32)> = Vec::new();
        for &(n, nom, genitive, parts) in CARDINALS {
            out.push((nom.to_string(), n));
            for p in parts {
                out.push((p.to_string(), n));
            }
            stems.push((genitive.to_string(), n));
            if n < 10 {
                // 11–19: "üksteist", "üheteistkümne", "üheteist".
                out.push((format!("{nom}teist"), n + 10));
                for p in parts {
                    out.push((format!("{p}teist"), n + 10));
                }
                stems.push((format!("{genitive}teistkümne"), n + 10));
                stems.push((format!("{genitive}teist"), n + 10));
            }
            if (2..=5).contains(&n) {
                // 20–50: "kakskümmend", "kahekümne", "kahtkümmend".
                out.push((format!("{nom}kümmend"), n * 10));
                for p in parts {
                    out.push((format!("{p}kümmend"), n * 10));
                }
                stems.push((format!("{genitive}kümne"), n * 10));
            }
        }
        for (stem, n) in &stems {
            for ending in CASE_ENDINGS {
                out.push((format!("{stem}{ending}"), *n));
            }
        }
        out.sort();
        out.dedup();
        out
    })
}

#[rustfmt::skip]
const ENGLISH: &[(&str, u32)] = &[
    ("one", 1), ("two", 2), ("three", 3), ("four", 4), ("five", 5), ("six", 6), ("seven", 7),
    ("eight", 8), ("nine", 9), ("ten", 10), ("eleven", 11), ("twelve", 12), ("fifteen", 15),
    ("twenty", 20),
];

/// The forms of "paar" (a couple) and "poolteist" (one and a half), and of
/// "pool" (half).
fn special(w: &str) -> Option<Count> {
    let approx = |value| {
        Some(Count {
            value,
            approximate: true,
        })
    };
    let exact = |value| {
        Some(Count {
            value,
            approximate: false,
        })
    };
    match w {
        "paar" | "paari" | "paaril" | "paarilt" | "paarist" | "paariks" | "paarile" => approx(2.0),
        "poolteist" | "pooleteise" | "pooleteist" | "pooleteisel" | "pooleteisest" => exact(1.5),
        "pool" | "poole" => exact(0.5),
        _ => None,
    }
}

/// A number word in any case: "kaks", "kahe", "kahte", "kahel", "kolmest",
/// "viieteistkümne", "five", "paar".
pub(super) fn word_count(w: &str) -> Option<Count> {
    if let Some(c) = special(w) {
        return Some(c);
    }
    let n = forms()
        .binary_search_by(|(f, _)| f.as_str().cmp(w))
        .ok()
        .map(|i| forms()[i].1)
        .or_else(|| ENGLISH.iter().find(|(e, _)| *e == w).map(|&(_, n)| n))?;
    Some(Count {
        value: f64::from(n),
        approximate: false,
    })
}

/// "aastane", "aastase", "aastast", "aastased", "aastasena": the adjective
/// "N-year" in any case. Not "aastas" (per year).
pub(super) fn is_year_adjective(w: &str) -> bool {
    w.starts_with("aastane") || (w.starts_with("aastas") && w != "aastas")
}

/// "kuune", "kuuline", "kuulise", "kuuse": the adjective "N-month".
fn is_month_adjective(w: &str) -> bool {
    ["kuune", "kuuse", "kuusi", "kuuline", "kuulis", "kuulist"]
        .iter()
        .any(|p| w.starts_with(p))
}

/// A word that counts time after a number: "aasta" (genitive, "3 aasta
/// kogemus"), "aastat" (partitive), the adjectives, "kuu"/"kuud", English
/// "year(s)", "month(s)". Not "aastal" (in the year), "aastas" (per year),
/// "kuus" (per month, or six).
pub(super) fn unit_word(w: &str) -> Option<Unit> {
    match w {
        "aasta" | "aastat" | "aastaid" | "year" | "years" | "yr" | "yrs" => Some(Unit::Year),
        "kuu" | "kuud" | "kuid" | "month" | "months" => Some(Unit::Month),
        _ if is_year_adjective(w) => Some(Unit::Year),
        _ if is_month_adjective(w) => Some(Unit::Month),
        _ => None,
    }
}

/// A number and a unit in one word: "kolmeaastane", "kümneaastase",
/// "paariaastase", "pooleteiseaastane", "kuuekuuline".
pub(super) fn compound(w: &str) -> Option<(Count, Unit)> {
    // The adjective starts at "aasta"/"kuu"; what is before it must be a
    // number's stem.
    for (k, _) in w.char_indices().skip(1) {
        let (head, tail) = w.split_at(k);
        let unit = if tail.starts_with("aasta") && is_year_adjective(tail) {
            Unit::Year
        } else if tail.starts_with("kuu") && is_month_adjective(tail) {
            Unit::Month
        } else {
            continue;
        };
        // "kolmeaastane" splits as "kolme" + "aastane"; "neljaaastane" (a
        // double a) as "nelja" + "aastane".
        if let Some(count) = word_count(head).or_else(|| special(head)) {
            return Some((count, unit));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn number_words_in_every_case() {
        for (w, n) in [
            ("kaks", 2.0),
            ("kahe", 2.0),
            ("kahte", 2.0),
            ("kahel", 2.0),
            ("kahest", 2.0),
            ("kolmel", 3.0),
            ("viiega", 5.0),
            ("seitsmeks", 7.0),
            ("kümnest", 10.0),
            ("viisteist", 15.0),
            ("viieteistkümne", 15.0),
            ("kahekümne", 20.0),
            ("kakskümmend", 20.0),
            ("paar", 2.0),
            ("paari", 2.0),
            ("poolteist", 1.5),
            ("pooleteise", 1.5),
            ("five", 5.0),
        ] {
            assert_eq!(word_count(w).map(|c| c.value), Some(n), "{w}");
        }
        for w in [
            "kahekesi",
            "kaheksandik",
            "kuus-",
            "aasta",
            "eesti",
            "et",
            "ja",
        ] {
            assert_eq!(word_count(w), None, "{w}");
        }
        assert!(word_count("paari").is_some_and(|c| c.approximate));
    }

    #[test]
    fn compounds_of_number_and_unit() {
        let c = |w: &str| compound(w).map(|(c, u)| (c.value, u));
        assert_eq!(c("kaheaastane"), Some((2.0, Unit::Year)));
        assert_eq!(c("viieaastase"), Some((5.0, Unit::Year)));
        assert_eq!(c("kolmeaastast"), Some((3.0, Unit::Year)));
        assert_eq!(c("neljaaastane"), Some((4.0, Unit::Year)));
        assert_eq!(c("kaheksaaastane"), Some((8.0, Unit::Year)));
        assert_eq!(c("kümneaastasena"), Some((10.0, Unit::Year)));
        assert_eq!(c("paariaastase"), Some((2.0, Unit::Year)));
        assert_eq!(c("pooleteiseaastane"), Some((1.5, Unit::Year)));
        assert_eq!(c("kuuekuuline"), Some((6.0, Unit::Month)));
        assert_eq!(c("kolmekuune"), Some((3.0, Unit::Month)));
        assert_eq!(c("aastane"), None);
        assert_eq!(c("mitmeaastane"), None);
        assert_eq!(c("eestikeelne"), None);
    }

    #[test]
    fn units() {
        assert_eq!(unit_word("aastat"), Some(Unit::Year));
        assert_eq!(unit_word("aastast"), Some(Unit::Year));
        assert_eq!(unit_word("aastas"), None);
        assert_eq!(unit_word("aastal"), None);
        assert_eq!(unit_word("kuu"), Some(Unit::Month));
        assert_eq!(unit_word("kuulist"), Some(Unit::Month));
        assert_eq!(unit_word("kuus"), None);
        assert_eq!(unit_word("months"), Some(Unit::Month));
    }
}
