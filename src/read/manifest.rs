//! Manifests: the list of article pairs `check` compares and `align --pairs` aligns, as JSON
//! Lines or TOML.
//!
//! JSONL, one pair a line: `{"left": "fr/story.txt", "right": "en/story.txt", "published": "2024-05-06", "id": "story"}`.
//! TOML: `[[pair]]` tables with the same keys. Relative paths are relative to the manifest's folder,
//! so a manifest can be committed next to the articles and run from anywhere.

use crate::error::InputError;
use chrono::NaiveDate;
use serde::Deserialize;
use std::path::{Path, PathBuf};

/// One pair to check.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PairSpec {
    /// A stable name for the pair: the manifest's `id`, else "LEFT <> RIGHT".
    pub id: String,
    pub left: PathBuf,
    pub right: PathBuf,
    pub published: Option<NaiveDate>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Entry {
    left: String,
    right: String,
    #[serde(default)]
    id: Option<String>,
    #[serde(default)]
    published: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TomlManifest {
    #[serde(default)]
    pair: Vec<Entry>,
}

/// Whether a path names a manifest (rather than articles): `.toml`, or a `.jsonl` whose first
/// record has `left` and `right` and no `text`.
pub fn is_manifest(path: &Path) -> bool {
    match path.extension().and_then(|e| e.to_str()) {
        Some("toml") => true,
        Some("jsonl") | Some("ndjson") => first_record_is_pair(path),
        _ => false,
    }
}

fn first_record_is_pair(path: &Path) -> bool {
    match super::first_jsonl_record(path) {
        Some(v) => v.get("left").is_some() && v.get("right").is_some() && v.get("text").is_none(),
        None => false,
    }
}

/// Reads a manifest; every problem names the file (and line for JSONL).
pub fn read(path: &Path) -> Result<Vec<PairSpec>, InputError> {
    let origin = path.display().to_string();
    let text =
        std::fs::read_to_string(path).map_err(|e| InputError::new(&origin, format!("cannot read manifest: {e}")))?;
    let base = path.parent().unwrap_or(Path::new(""));
    let entries: Vec<(Option<usize>, Entry)> = if path.extension().is_some_and(|e| e == "toml") {
        let manifest: TomlManifest = toml::from_str(&text).map_err(|e| {
            InputError::new(&origin, format!("malformed TOML manifest: {}", crate::text::one_line(&e.to_string())))
        })?;
        manifest.pair.into_iter().map(|e| (None, e)).collect()
    } else {
        let mut out = Vec::new();
        for (i, line) in text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
            let entry: Entry = serde_json::from_str(line)
                .map_err(|e| InputError::at_line(&origin, i + 1, format!("malformed manifest entry: {e}")))?;
            out.push((Some(i + 1), entry));
        }
        out
    };
    if entries.is_empty() {
        return Err(InputError::new(&origin, "the manifest lists no pairs"));
    }
    entries.into_iter().map(|(line, e)| to_spec(e, base, &origin, line)).collect()
}

fn to_spec(entry: Entry, base: &Path, origin: &str, line: Option<usize>) -> Result<PairSpec, InputError> {
    let err = |msg: String| match line {
        Some(l) => InputError::at_line(origin, l, msg),
        None => InputError::new(origin, msg),
    };
    let published = match entry.published.as_deref() {
        None | Some("") => None,
        Some(s) => Some(super::parse_date(s).ok_or_else(|| err(format!("published '{s}' is not a YYYY-MM-DD date")))?),
    };
    let id = entry.id.unwrap_or_else(|| format!("{} <> {}", entry.left, entry.right));
    Ok(PairSpec { id, left: base.join(&entry.left), right: base.join(&entry.right), published })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_jsonl_and_toml_relative_to_the_manifest() {
        let dir = tempfile::tempdir().unwrap();
        let jl = dir.path().join("pairs.jsonl");
        std::fs::write(&jl, "{\"left\":\"fr/a.txt\",\"right\":\"en/a.txt\",\"published\":\"2024-05-06\"}\n\n").unwrap();
        let pairs = read(&jl).unwrap();
        assert_eq!(pairs[0].left, dir.path().join("fr/a.txt"));
        assert_eq!(pairs[0].id, "fr/a.txt <> en/a.txt");
        assert_eq!(pairs[0].published, NaiveDate::from_ymd_opt(2024, 5, 6));
        assert!(is_manifest(&jl));

        let tm = dir.path().join("pairs.toml");
        std::fs::write(&tm, "[[pair]]\nid = \"story\"\nleft = \"a.txt\"\nright = \"b.txt\"\n").unwrap();
        let pairs = read(&tm).unwrap();
        assert_eq!((pairs[0].id.as_str(), pairs[0].right.clone()), ("story", dir.path().join("b.txt")));
    }

    #[test]
    fn names_the_bad_line() {
        let dir = tempfile::tempdir().unwrap();
        let jl = dir.path().join("pairs.jsonl");
        std::fs::write(&jl, "{\"left\":\"a\",\"right\":\"b\"}\n{\"left\":\"a\"}\n").unwrap();
        let e = read(&jl).unwrap_err();
        assert_eq!(e.line, Some(2));
        assert!(e.to_string().contains("missing field `right`"), "{e}");
        let tm = dir.path().join("empty.toml");
        std::fs::write(&tm, "").unwrap();
        assert!(read(&tm).unwrap_err().to_string().contains("lists no pairs"));
    }

    #[test]
    fn an_article_file_is_not_a_manifest() {
        let dir = tempfile::tempdir().unwrap();
        let jl = dir.path().join("corpus.jsonl");
        std::fs::write(&jl, "{\"id\":\"a\",\"text\":\"Hello.\"}\n").unwrap();
        assert!(!is_manifest(&jl));
    }
}
