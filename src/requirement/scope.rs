//! Which words of a clause are asked for and which are only welcome: the
//! reach of "kasuks tuleb", "eeliseks", "soovitavalt", "is a plus",
//! "preferably" and of their opposites "nõutud", "kohustuslik", "required".
//!
//! Two kinds of markers:
//! - a *predicate* ("kasuks tuleb", "on eeliseks", "is a plus", "preferred",
//!   "soovituslik") makes what it speaks of optional: what follows it in the
//!   clause when something follows ("kasuks tuleb saksa ja prantsuse keele
//!   oskus"), else its own part of the clause back to the last comma ("…,
//!   vene keele oskus tuleb kasuks");
//! - an *adverb* ("soovitavalt", "eelistatult", "preferably") qualifies the
//!   words after it up to the next comma or parenthesis: in "vähemalt 5
//!   aastane soovitavalt rahvusvaheline töökogemus" the years stay required.
//!
//! A required marker ("eesti keel - nõutud") ends an optional reach at its own
//! part of the clause; negated ("ei ole kohustuslik", "not required") it is
//! an optional predicate itself.

use super::tokens::{Clause, Token};

/// Words that make what they speak of welcome but not required.
const PREDICATES: &[&str] = &[
    "kasuks",
    "eeliseks",
    "eelis",
    "eeliseid",
    "plussiks",
    "pluss",
    "plus",
    "boonuseks",
    "boonus",
    "bonus",
    "advantage",
    "advantageous",
    "asset",
    "preferred",
    "desirable",
    "desired",
    "soovituslik",
    "soovitav",
    "soovitatav",
    "soovitatud",
    "eelistatud",
    "optional",
    "valikuline",
];

/// Adverbs that qualify the next words only.
const ADVERBS: &[&str] = &[
    "soovitavalt",
    "soovitatavalt",
    "soovituslikult",
    "soovitusega",
    "eelistatult",
    "eelistatavalt",
    "võimalusel",
    "ideaalis",
    "preferably",
    "ideally",
    "optionally",
    "desirably",
];

/// Words that make what they speak of required.
const REQUIRED: &[&str] = &[
    "nõutud",
    "nõutav",
    "nõutavad",
    "kohustuslik",
    "kohustuslikud",
    "required",
    "mandatory",
    "obligatory",
    "must",
];

/// Words that carry no content of their own around a marker.
const FILLERS: &[&str] = &[
    "tuleb",
    "tulevad",
    "tuleks",
    "on",
    "oleks",
    "loetakse",
    "loeme",
    "peetakse",
    "väga",
    "tugevaks",
    "suureks",
    "heaks",
    "is",
    "are",
    "would",
    "be",
    "a",
    "an",
    "big",
    "huge",
    "strong",
    "definite",
    "considered",
    ":",
    "-",
    "\"",
    "(",
    ")",
    "!",
];

/// Where a part of a clause starts or ends for a marker's reach.
fn is_separator(t: &Token) -> bool {
    t.is_any(&[",", "|", "(", ")", ":"])
}

fn negated(c: &Clause, i: usize) -> bool {
    (1..=2).any(|k| {
        i.checked_sub(k)
            .and_then(|p| c.get(p))
            .is_some_and(|t| t.is_any(&["ei", "pole", "not", "mitte", "no"]))
    })
}

/// For every token of the clause, whether it is only welcome (optional).
pub(super) fn optional_mask(c: &Clause) -> Vec<bool> {
    let n = c.len();
    let mut optional = vec![false; n];
    // Parts that a required marker claims, which no forward reach may cover.
    let mut claimed = vec![false; n];
    for i in 0..n {
        let t = &c.tokens[i];
        if t.is_any(REQUIRED) && !negated(c, i) {
            let start = (0..i)
                .rev()
                .find(|&k| is_separator(&c.tokens[k]))
                .map_or(0, |k| k + 1);
            let end = (i + 1..n)
                .find(|&k| is_separator(&c.tokens[k]))
                .unwrap_or(n);
            claimed[start..end].iter_mut().for_each(|x| *x = true);
        }
    }
    for i in 0..n {
        let t = &c.tokens[i];
        let predicate = t.is_any(PREDICATES)
            || (t.is_any(REQUIRED) && negated(c, i))
            || (t.is("nice") && c.seq_at(i + 1, &["to", "have"]))
            || (t.is("hea")
                && c.get(i + 1).is_some_and(|t| t.is(","))
                && c.seq_at(i + 2, &["kui"]))
            || (t.is("hea") && c.seq_at(i + 1, &["kui"]));
        if predicate {
            // What follows the marker and its verb, if anything of content.
            let after = c.find_from(i + 1, |t| {
                !t.is_any(FILLERS) && !t.is_any(&["to", "have", "kui", ","])
            });
            match after {
                Some(_) => {
                    for k in i..n {
                        if claimed[k] {
                            break;
                        }
                        optional[k] = true;
                    }
                }
                None => {
                    let start = (0..i)
                        .rev()
                        .find(|&k| c.tokens[k].is_any(&[",", "|", ";"]) || claimed[k])
                        .map_or(0, |k| k + 1);
                    optional[start..=i].iter_mut().for_each(|x| *x = true);
                }
            }
            optional[i] = true;
        } else if t.is_any(ADVERBS) {
            let end = (i + 1..n)
                .find(|&k| c.tokens[k].is_any(&[",", "|", ")"]))
                .unwrap_or(n);
            optional[i..end].iter_mut().for_each(|x| *x = true);
        }
    }
    optional
}

/// Whether every word of content in the clauses is only welcome: the whole
/// line is a nice-to-have.
pub(super) fn all_optional(clauses: &[(Clause, Vec<bool>)]) -> bool {
    let mut any = false;
    for (c, mask) in clauses {
        for (t, &opt) in c.tokens.iter().zip(mask) {
            if t.counts() && !t.is_any(FILLERS) {
                any = true;
                if !opt {
                    return false;
                }
            }
        }
    }
    any
}

#[cfg(test)]
mod tests {
    use super::super::tokens::clauses;
    use super::*;

    /// The optional words of a text, joined with spaces.
    fn optional_words(text: &str) -> String {
        let mut out = Vec::new();
        for c in clauses(text) {
            let mask = optional_mask(&c);
            for (i, &o) in mask.iter().enumerate() {
                if o && c.tokens[i].counts() {
                    out.push(c.raw(i).to_string());
                }
            }
        }
        out.join(" ")
    }

    #[test]
    fn predicate_reaches_forward_when_something_follows() {
        assert_eq!(
            optional_words(
                "eesti keel C1, kasuks tuleb saksa, prantsuse ja/või hispaania keele oskus"
            ),
            "kasuks tuleb saksa prantsuse ja või hispaania keele oskus"
        );
    }

    #[test]
    fn predicate_reaches_back_to_the_comma_at_the_end() {
        assert_eq!(
            optional_words("Eesti keel C1, vene keele oskus tuleb kasuks"),
            "vene keele oskus tuleb kasuks"
        );
        assert_eq!(
            optional_words("Vene keele oskus on eeliseks"),
            "Vene keele oskus on eeliseks"
        );
    }

    #[test]
    fn adverb_qualifies_up_to_the_comma_or_parenthesis() {
        assert_eq!(
            optional_words("vähemalt 5 aastane soovitavalt rahvusvaheline töökogemus"),
            "soovitavalt rahvusvaheline töökogemus"
        );
        assert_eq!(
            optional_words(
                "Vähemalt ühe võõrkeele (soovitavalt inglise ja vene keel) oskus tasemel B1"
            ),
            "soovitavalt inglise ja vene keel"
        );
        assert_eq!(
            optional_words("Kõrgharidus (soovitavalt IT-alane), vähemalt 3-aastane töökogemus"),
            "soovitavalt IT alane"
        );
    }

    #[test]
    fn required_marker_stops_an_optional_reach() {
        assert_eq!(
            optional_words("vene keel - soovituslik | A2, eesti keel - nõutud (B1)"),
            "soovituslik A2"
        );
        assert_eq!(
            optional_words("inglise keel ei ole kohustuslik"),
            "inglise keel ei ole kohustuslik"
        );
    }

    #[test]
    fn english_markers() {
        assert_eq!(optional_words("Russian is a plus"), "Russian is a plus");
        assert_eq!(
            optional_words("Nice to have: Kubernetes"),
            "Nice to have Kubernetes"
        );
        assert_eq!(
            optional_words("Preferably a degree in CS"),
            "Preferably a degree in CS"
        );
    }
}
