//! A job title written in the partitive back in the nominative.

/// A partitive (or plural partitive) word back in the nominative:
/// "juhti" → "juht", "arendajat" → "arendaja", "analüütikut" → "analüütik",
/// "insenerit" → "insener", "nõunikku" → "nõunik", "müüjaid" → "müüja".
/// A candidate the text itself uses as a word wins over the rules' guess.
pub fn nominative(word: &str, text: &str) -> String {
    let lower = word.to_lowercase();
    let cut = |n: usize| -> String {
        let keep = word.chars().count().saturating_sub(n);
        word.chars().take(keep).collect()
    };
    let mut candidates: Vec<String> = Vec::new();
    let vowel = |c: char| "aeiouõäöüy".contains(c);
    let before = |n: usize| lower.chars().rev().nth(n);
    if lower.ends_with("ikku") {
        candidates.push(cut(2));
    }
    if lower.ends_with("jaid") || lower.ends_with("jad") {
        candidates.push(cut(if lower.ends_with("id") { 2 } else { 1 }));
    }
    if lower.ends_with("jat") {
        candidates.push(cut(1));
    }
    if lower.ends_with("kut") {
        candidates.push(cut(2));
    }
    if lower.ends_with("it") && before(2).is_some_and(|c| "rnl".contains(c)) {
        candidates.push(cut(2));
    }
    if lower.ends_with('i') && before(1).is_some_and(|c| !vowel(c)) {
        candidates.push(cut(1));
    }
    if lower.ends_with('t') && before(1).is_some_and(vowel) {
        candidates.push(cut(1));
        candidates.push(cut(2));
    }
    if lower.ends_with("id") {
        candidates.push(cut(2));
    }
    if lower.ends_with('d') && before(1).is_some_and(vowel) {
        candidates.push(cut(1));
    }
    let words: Vec<String> = text
        .split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .map(str::to_lowercase)
        .collect();
    candidates
        .iter()
        .find(|c| words.iter().any(|w| *w == c.to_lowercase()))
        .or(candidates.first())
        .cloned()
        .unwrap_or_else(|| word.to_string())
}
