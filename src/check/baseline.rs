//! Baselines: divergences already accepted, so that only new ones fail.
//!
//! A divergence is known by a fingerprint made of the pair id, its kind, and for each piece of
//! evidence the side, the normalized value, the text and the (white-space-folded) sentence that
//! holds it. Offsets are left out on purpose: an edit elsewhere in the article moves every
//! offset but leaves these fingerprints unchanged.

use crate::compare::Divergence;
use crate::error::InputError;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;
use std::path::Path;

/// The baseline file format's version.
pub const VERSION: u32 = 1;

/// One accepted divergence.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    pub fingerprint: String,
    pub pair: String,
    pub kind: String,
    /// A human summary ("left 7 | right 8"), for reviewing the file; not compared.
    pub summary: String,
}

/// A baseline file.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Baseline {
    pub version: u32,
    pub entries: Vec<Entry>,
}

impl Baseline {
    /// Reads a baseline written by `--write-baseline`.
    pub fn read(path: &Path) -> Result<Baseline, InputError> {
        let name = path.display().to_string();
        let text =
            std::fs::read_to_string(path).map_err(|e| InputError::new(&name, format!("cannot read baseline: {e}")))?;
        let baseline: Baseline = serde_json::from_str(&text)
            .map_err(|e| InputError::new(&name, format!("not a newsalign baseline: {e}")))?;
        if baseline.version != VERSION {
            return Err(InputError::new(
                &name,
                format!("baseline version {} is not supported (expected {VERSION}); write it again", baseline.version),
            ));
        }
        Ok(baseline)
    }

    /// The file's text: entries sorted, so that a re-written baseline diffs cleanly in review.
    pub fn to_json(&self) -> String {
        let mut sorted = self.clone();
        sorted.entries.sort();
        sorted.entries.dedup();
        crate::output::json::pretty(&sorted)
    }

    pub fn fingerprints(&self) -> BTreeSet<&str> {
        self.entries.iter().map(|e| e.fingerprint.as_str()).collect()
    }
}

/// The fingerprint of a divergence in a pair. `sentence_of` gives the sentence text that holds
/// a piece of evidence.
pub fn fingerprint<'a>(
    pair: &str,
    divergence: &Divergence,
    sentence_of: impl Fn(&crate::compare::Evidence) -> &'a str,
) -> String {
    let mut key = String::new();
    key.push_str(pair);
    key.push('\0');
    key.push_str(divergence.kind.name());
    let mut parts: Vec<String> = divergence
        .evidence
        .iter()
        .map(|ev| {
            format!("{:?}\u{1}{}\u{1}{}\u{1}{}", ev.side, ev.value, ev.text, crate::text::one_line(sentence_of(ev)))
        })
        .collect();
    parts.sort();
    for p in parts {
        key.push('\0');
        key.push_str(&p);
    }
    format!("{:032x}", xxhash_rust::xxh3::xxh3_128(key.as_bytes()))
}

/// A one-line summary of a divergence's evidence: "left 7 | right 8".
pub fn summary(divergence: &Divergence) -> String {
    divergence
        .evidence
        .iter()
        .map(|ev| format!("{:?} {}", ev.side, crate::text::one_line(&ev.text)).to_lowercase())
        .collect::<Vec<_>>()
        .join(" | ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::{DivergenceKind, Evidence, Severity, Side};

    fn divergence(start: usize) -> Divergence {
        Divergence {
            kind: DivergenceKind::NumberMismatch,
            severity: Severity::Error,
            evidence: vec![
                Evidence { side: Side::Left, start, end: start + 1, text: "7".into(), value: "7".into() },
                Evidence { side: Side::Right, start: 3, end: 4, text: "8".into(), value: "8".into() },
            ],
            note: None,
            confidence: crate::compare::Confidence::High,
        }
    }

    #[test]
    fn fingerprints_ignore_offsets_but_not_content() {
        let same_sentence = |_: &Evidence| "Sept  blessés.";
        let a = fingerprint("p", &divergence(10), same_sentence);
        let b = fingerprint("p", &divergence(250), |_| "Sept blessés.");
        assert_eq!(a, b, "moving the sentence or re-wrapping it keeps the fingerprint");
        assert_ne!(a, fingerprint("q", &divergence(10), same_sentence));
        assert_ne!(a, fingerprint("p", &divergence(10), |_| "Huit blessés."));
        assert_eq!(summary(&divergence(0)), "left 7 | right 8");
    }

    #[test]
    fn round_trips_and_rejects_other_files() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("baseline.json");
        let b = Baseline {
            version: VERSION,
            entries: vec![Entry {
                fingerprint: "f".into(),
                pair: "p".into(),
                kind: "number_mismatch".into(),
                summary: "s".into(),
            }],
        };
        std::fs::write(&path, b.to_json()).unwrap();
        assert_eq!(Baseline::read(&path).unwrap(), b);
        std::fs::write(&path, "{\"version\": 9, \"entries\": []}").unwrap();
        assert!(Baseline::read(&path).unwrap_err().to_string().contains("version 9"));
        std::fs::write(&path, "[]").unwrap();
        assert!(Baseline::read(&path).unwrap_err().to_string().contains("not a newsalign baseline"));
    }
}
