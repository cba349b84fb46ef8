//! What the import adapted or left out, each naming the JSON path it came
//! from. Notes with the same message on the same key of several list
//! entries are shown once: `work[0,3,5].companySize: ignored …`.

use std::collections::BTreeMap;

#[derive(Debug, Default)]
pub struct Notes {
    list: Vec<(String, String)>,
    /// Older key names read as their JSON Resume 1.0 names: `work[].company` → `name`.
    renamed: BTreeMap<(String, String), usize>,
}

impl Notes {
    pub fn push(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.list.push((path.into(), message.into()));
    }

    /// `old` (at `path`, the key itself) was read as `new`.
    pub fn renamed(&mut self, path: &str, new: &str) {
        *self
            .renamed
            .entry((template(path), new.to_string()))
            .or_default() += 1;
    }

    /// Every note, in the order they were made, grouped.
    pub fn render(&self) -> Vec<String> {
        let mut out = Vec::new();
        if !self.renamed.is_empty() {
            let renames: Vec<String> = self
                .renamed
                .iter()
                .map(|((old, new), n)| {
                    let times = if *n > 1 {
                        format!(" ({n}×)")
                    } else {
                        String::new()
                    };
                    format!("{old} → {new}{times}")
                })
                .collect();
            out.push(format!(
                "keys of older schema versions and variants read by their JSON Resume 1.0 names: {}",
                renames.join(", ")
            ));
        }
        // Group by (path with indices as `*`, message), keeping first-seen order.
        let mut groups: Vec<(String, String, Vec<String>)> = Vec::new();
        for (path, message) in &self.list {
            let t = template_star(path);
            match groups
                .iter_mut()
                .find(|(gt, gm, _)| *gt == t && gm == message)
            {
                Some((_, _, paths)) => paths.push(path.clone()),
                None => groups.push((t, message.clone(), vec![path.clone()])),
            }
        }
        for (_, message, paths) in groups {
            let shown = shown_paths(&paths);
            if shown.is_empty() {
                out.push(message);
            } else {
                out.push(format!("{shown}: {message}"));
            }
        }
        out
    }
}

/// Paths that differ in one index as one: `work[0-3,5].companySize`.
fn shown_paths(paths: &[String]) -> String {
    let split: Vec<(Vec<&str>, Vec<usize>)> = paths.iter().map(|p| indices(p)).collect();
    let Some((parts, first)) = split.first() else {
        return String::new();
    };
    let differing: Vec<usize> = (0..first.len())
        .filter(|&k| split.iter().any(|(_, ix)| ix.get(k) != first.get(k)))
        .collect();
    match differing.as_slice() {
        [] => paths[0].clone(),
        [k] => {
            let mut out = String::new();
            for (i, part) in parts.iter().enumerate() {
                out.push_str(part);
                if i < first.len() {
                    if i == *k {
                        let all: Vec<usize> = split.iter().map(|(_, ix)| ix[i]).collect();
                        out.push_str(&format!("[{}]", ranges(&all)));
                    } else {
                        out.push_str(&format!("[{}]", first[i]));
                    }
                }
            }
            out
        }
        _ if paths.len() > 5 => format!("{} … ({} places)", paths[..5].join(", "), paths.len()),
        _ => paths.join(", "),
    }
}

/// A path cut at its `[n]` indices: the text between them, and the numbers.
fn indices(path: &str) -> (Vec<&str>, Vec<usize>) {
    let mut parts = Vec::new();
    let mut numbers = Vec::new();
    let mut rest = path;
    let mut start = 0;
    let mut at = 0;
    while let Some(open) = rest.find('[') {
        let after = &rest[open + 1..];
        let digits = after.bytes().take_while(u8::is_ascii_digit).count();
        if digits > 0 && after[digits..].starts_with(']') {
            parts.push(&path[start..at + open]);
            numbers.push(after[..digits].parse().unwrap_or(0));
            start = at + open + digits + 2;
        }
        at += open + 1;
        rest = &path[at..];
    }
    parts.push(&path[start..]);
    (parts, numbers)
}

/// `0,1,2,3,5` → `0-3,5`.
fn ranges(numbers: &[usize]) -> String {
    let mut out: Vec<String> = Vec::new();
    let mut i = 0;
    while i < numbers.len() {
        let mut j = i;
        while j + 1 < numbers.len() && numbers[j + 1] == numbers[j] + 1 {
            j += 1;
        }
        out.push(match j - i {
            0 => numbers[i].to_string(),
            1 => format!("{},{}", numbers[i], numbers[j]),
            _ => format!("{}-{}", numbers[i], numbers[j]),
        });
        i = j + 1;
    }
    out.join(",")
}

/// `work[3].company` → `work[].company`.
fn template(path: &str) -> String {
    replace_indices(path, "")
}

/// `work[3].company` → `work[*].company`.
fn template_star(path: &str) -> String {
    replace_indices(path, "*")
}

fn replace_indices(path: &str, with: &str) -> String {
    let mut out = String::with_capacity(path.len());
    let mut rest = path;
    while let Some(open) = rest.find('[') {
        out.push_str(&rest[..=open]);
        rest = &rest[open + 1..];
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        if digits > 0 && rest[digits..].starts_with(']') {
            out.push_str(with);
            rest = &rest[digits..];
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_the_same_note_on_several_entries() {
        let mut n = Notes::default();
        n.push("work[0].companySize", "ignored");
        n.push("basics.picture", "a photo");
        n.push("work[3].companySize", "ignored");
        n.push("work[1].startDate", "\"x\" read as 2015");
        n.renamed("work[0].company", "name");
        n.renamed("work[1].company", "name");
        n.renamed("basics.website", "url");
        assert_eq!(
            n.render(),
            vec![
                "keys of older schema versions and variants read by their JSON Resume 1.0 names: basics.website → url, work[].company → name (2×)",
                "work[0,3].companySize: ignored",
                "basics.picture: a photo",
                "work[1].startDate: \"x\" read as 2015",
            ]
        );
    }

    #[test]
    fn index_lists_are_shortened() {
        let mut n = Notes::default();
        for i in [0, 1, 2, 3, 5, 7, 8] {
            n.push(format!("projects[{i}].roles[0]"), "x");
        }
        n.push("a[1].b[2]", "y");
        n.push("a[2].b[3]", "y");
        n.push("c[\"odd [1] key\"]", "z");
        assert_eq!(
            n.render(),
            vec![
                "projects[0-3,5,7,8].roles[0]: x",
                "a[1].b[2], a[2].b[3]: y",
                "c[\"odd [1] key\"]: z"
            ]
        );
    }
}
