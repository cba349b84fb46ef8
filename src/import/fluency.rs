//! JSON Resume's free-text language fluency ("Native speaker", "Fließend",
//! "Courant (TOEIC: 970/990)") as a CEFR level.

/// The level, and whether the words were understood (else a guess of B1).
pub fn cefr(fluency: &str) -> (&'static str, bool) {
    let f = fluency.to_lowercase();
    let words: Vec<&str> = f.split(|c: char| !c.is_alphanumeric()).collect();
    for (code, level) in [
        ("c2", "C2"),
        ("c1", "C1"),
        ("b2", "B2"),
        ("b1", "B1"),
        ("a2", "A2"),
        ("a1", "A1"),
    ] {
        if words.contains(&code) {
            return (level, true);
        }
    }
    let has = |list: &[&str]| list.iter().any(|w| f.contains(w));
    // Checked in this order: "full professional" before "professional",
    // "limited working" before "working".
    let level = if has(&[
        "native",
        "mother",
        "bilingual",
        "first language",
        "muttersprache",
        "natif",
        "native",
        "natal",
        "maternel",
        "nativo",
        "nativa",
        "materna",
        "emakeel",
        "родной",
        "母语",
        "母語",
        "모국어",
    ]) {
        "native"
    } else if has(&[
        "fluent",
        "full professional",
        "full working",
        "professionnelle complète",
        "advanced",
        "fließend",
        "fliessend",
        "verhandlungssicher",
        "courant",
        "fluente",
        "fluido",
        "avancé",
        "avanzado",
        "avançado",
        "proficient",
        "свободн",
        "流利",
        "熟练",
    ]) {
        "C1"
    } else if has(&[
        "limited working",
        "intermediate",
        "intermédiaire",
        "intermedio",
        "intermediário",
        "conversational",
        "mittel",
        "средн",
        "中级",
    ]) {
        "B1"
    } else if has(&["professional", "professionnel", "upper", "working", "专业"]) {
        "B2"
    } else if has(&[
        "elementary",
        "élémentaire",
        "elemental",
        "basic",
        "basique",
        "beginner",
        "débutant",
        "principiante",
        "iniciante",
        "notions",
        "grundkenntnisse",
        "anfänger",
        "базов",
        "初级",
    ]) {
        "A2"
    } else {
        return ("B1", false);
    };
    (level, true)
}

#[cfg(test)]
mod tests {
    use super::cefr;

    #[test]
    fn fluency_words_become_cefr_levels() {
        for (words, level) in [
            ("Native speaker", "native"),
            ("Langue maternelle", "native"),
            ("Muttersprache", "native"),
            ("Nativo/Proficiente", "native"),
            ("母语", "native"),
            ("Fluent", "C1"),
            ("Full working proficiency", "C1"),
            ("Courant (TOEIC: 970/990)", "C1"),
            ("Fließend", "C1"),
            ("Business Fluent", "C1"),
            ("Professional proficiency", "B2"),
            ("Compétence professionnelle", "B2"),
            ("Limited working proficiency", "B1"),
            ("Intermediate", "B1"),
            ("Niveau intermédiaire", "B1"),
            ("B2 (upper intermediate)", "B2"),
            ("A2 (Чтение технической документации)", "A2"),
            ("Elementary proficiency", "A2"),
            ("Débutant", "A2"),
            ("Basic knowledge", "A2"),
        ] {
            assert_eq!(cefr(words), (level, true), "{words}");
        }
        assert_eq!(cefr("TOEIC 990/990"), ("B1", false));
        assert_eq!(cefr(""), ("B1", false));
    }
}
