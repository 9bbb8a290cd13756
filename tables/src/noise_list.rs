//! Reading `data/noise.txt`: `[section]` headers over boilerplate phrases, one a line.
//!
//! The build lays the lists out as tables read in place ([`crate::map`]) by these rules.

/// The sections of `data/noise.txt`.
pub const SECTIONS: [&str; 8] = ["exact", "link", "meta", "short", "label", "caption", "footer", "agency"];

/// Every phrase of the list, lower-cased, with its section, in the file's order; an unknown
/// section (or a phrase before any) is an error.
pub fn phrases(data: &str) -> Result<Vec<(&str, String)>, String> {
    let mut out = Vec::new();
    let mut section = "";
    for line in data.lines().map(str::trim) {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            section = name;
            continue;
        }
        if !SECTIONS.contains(&section) {
            return Err(format!("data/noise.txt: unknown section [{section}]"));
        }
        out.push((section, line.to_lowercase()));
    }
    Ok(out)
}
