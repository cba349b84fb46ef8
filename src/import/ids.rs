//! Ids for the entries of a profile list: from the entry's name, lower-case
//! ASCII words joined by `-`, unique within the list; `job-1`, `job-2` …
//! when the name has no letters or digits to make one from.

use std::collections::HashSet;

use crate::model::markup;

pub struct Ids {
    used: HashSet<String>,
    fallback: &'static str,
}

impl Ids {
    pub fn new(fallback: &'static str) -> Ids {
        Ids {
            used: HashSet::new(),
            fallback,
        }
    }

    /// An unused id for an entry called `name` (inline markup allowed).
    pub fn make(&mut self, name: &str) -> String {
        let plain = markup::plain(name);
        let mut base = crate::naming::file_part(&plain)
            .to_lowercase()
            .replace('_', "-");
        // At most 24 characters, cut after a whole word where one fits
        // (ASCII only, so any byte is a character boundary).
        if base.len() > 24 {
            let cut = match base[..25].rfind('-') {
                Some(at) if at >= 8 => at,
                _ => 24,
            };
            base.truncate(cut);
        }
        let base = base.trim_matches('-').to_string();
        if base.is_empty() {
            let mut n = 1;
            loop {
                let id = format!("{}-{n}", self.fallback);
                if self.used.insert(id.clone()) {
                    return id;
                }
                n += 1;
            }
        }
        let mut id = base.clone();
        let mut n = 2;
        while !self.used.insert(id.clone()) {
            id = format!("{base}-{n}");
            n += 1;
        }
        id
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_from_names_unique_and_never_empty() {
        let mut ids = Ids::new("job");
        assert_eq!(ids.make("ACME Corp."), "acme-corp");
        assert_eq!(ids.make("ACME corp"), "acme-corp-2");
        assert_eq!(ids.make("[Pied Piper](https://pp.com)"), "pied-piper");
        assert_eq!(ids.make(""), "job-1");
        assert_eq!(ids.make("???"), "job-2");
        assert_eq!(ids.make("阿里巴巴"), "a-li-ba-ba");
        assert_eq!(ids.make("Иван Петров"), "ivan-petrov");
        assert_eq!(
            ids.make("A very long organization name indeed"),
            "a-very-long-organization"
        );
        assert_eq!(
            ids.make("Switchfly, LLC (via Nearsoft)"),
            "switchfly-llc-via"
        );
        assert_eq!(
            ids.make("Donaudampfschifffahrtsgesellschaft"),
            "donaudampfschifffahrtsge"
        );
    }
}
