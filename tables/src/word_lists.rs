//! Reading the splitter's word lists (`data/abbreviations.txt`, `data/sentence_starters.txt`,
//! `data/attribution_verbs.txt`): `[section]` headers over words separated by white space.
//!
//! The build lays the lists out as tables read in place ([`crate::map`]) by these rules.

/// Parses `[section]` headers followed by white-space separated words; `#` starts a comment line.
pub fn sections(data: &str) -> Vec<(&str, Vec<&str>)> {
    let mut out: Vec<(&str, Vec<&str>)> = Vec::new();
    for line in data.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')) {
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            out.push((name, Vec::new()));
        } else if let Some((_, words)) = out.last_mut() {
            words.extend(line.split_whitespace());
        }
    }
    out
}

/// The abbreviations of `data/abbreviations.txt` (without their final period), sorted by how
/// they are looked up.
#[derive(Default)]
pub struct Abbreviations<'a> {
    /// `[title]` words, matched with their case.
    pub titles: Vec<&'a str>,
    /// `[common]` words written with a capital ("Wash.", "Mont."): plain words in lower case, so
    /// matched with their case.
    pub capitalised: Vec<&'a str>,
    /// Every other word, lower-cased, with its section; the first section that names a word wins
    /// (the file lists the stronger uses first).
    pub others: Vec<(String, &'a str)>,
}

/// Sorts the abbreviations of `data/abbreviations.txt`; an unknown section is an error.
pub fn abbreviations(data: &str) -> Result<Abbreviations<'_>, String> {
    let mut out = Abbreviations::default();
    for (section, words) in sections(data) {
        if !matches!(section, "title" | "number" | "time" | "word" | "common") {
            return Err(format!("data/abbreviations.txt: unknown section [{section}]"));
        }
        for word in words {
            let word = word.strip_suffix('.').unwrap_or(word);
            if section == "title" {
                out.titles.push(word);
            } else if section == "common" && word.starts_with(char::is_uppercase) {
                out.capitalised.push(word);
            } else {
                let lower = word.to_lowercase();
                if !out.others.iter().any(|(w, _)| *w == lower) {
                    out.others.push((lower, section));
                }
            }
        }
    }
    Ok(out)
}

/// English weekdays and months, which go on after a clock time ("10 a.m. Monday"): the
/// calendar table of the facts stage (`data/calendar.tsv`) already lists them.
pub fn after_time(calendar_tsv: &str) -> impl Iterator<Item = &str> {
    calendar_tsv.lines().filter(|l| l.starts_with("en\t")).flat_map(|l| l.split('\t').skip(3))
}
