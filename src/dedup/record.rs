//! Sketches and candidate pairs as JSON Lines: what `newsalign sketch` writes and what
//! `newsalign dedup --sketches` / `--candidates` read back, so that the map and the join of a
//! distributed run can happen outside newsalign (docs/dedup.md).

use super::hash::{from_hex, to_hex};
use super::sketch::Sketch;
use crate::error::InputError;
use crate::lang::Lang;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::io::BufRead;
use std::path::Path;

/// One sketch line. 64-bit values are hex strings: JSON numbers lose precision above 2^53 in
/// most engines (Spark, JavaScript, pandas).
#[derive(Serialize, Deserialize)]
struct SketchLine {
    /// The format of the line ([`FORMAT_VERSION`]): sketches made by a binary that hashes
    /// differently must not be joined with these (their exact hashes would never meet).
    #[serde(default)]
    version: u32,
    id: String,
    lang: Lang,
    /// Content hash: equal for exact copies (join key of the exact step).
    exact: Option<String>,
    /// LSH band keys, salted with the language (join keys of the near step).
    bands: Vec<String>,
    shingles: u32,
    minhash: Vec<u32>,
    /// Anchor keys of each content sentence (what sentences of two languages are linked by).
    anchors: Vec<Vec<String>>,
    /// Hash of each content sentence's words (copies of one sentence share it).
    sentences: Vec<String>,
    /// Hash of each content sentence's first words (what near copies are compared by).
    heads: Vec<String>,
}

/// The version of the sketch line format, bumped whenever a field changes meaning or a hash
/// changes function. A line of another version (or of none, the first format) is refused.
pub const FORMAT_VERSION: u32 = 2;

/// A sketch as one JSON line, newline included.
pub fn to_json_line(sketch: &Sketch) -> String {
    let line = SketchLine {
        version: FORMAT_VERSION,
        id: sketch.id.clone(),
        lang: sketch.lang,
        exact: sketch.exact.map(to_hex),
        bands: sketch.band_keys().into_iter().map(to_hex).collect(),
        shingles: sketch.shingles,
        minhash: sketch.minhash.clone(),
        anchors: sketch.anchors.iter().map(|keys| keys.iter().map(|&k| to_hex(k)).collect()).collect(),
        sentences: sketch.sentences.iter().map(|&k| to_hex(k)).collect(),
        heads: sketch.heads.iter().map(|&k| to_hex(k)).collect(),
    };
    let mut out = serde_json::to_string(&line).expect("plain structs serialize");
    out.push('\n');
    out
}

/// Parses one line of [`to_json_line`]'s output.
pub fn from_json_line(line: &str) -> Result<Sketch, String> {
    let rec: SketchLine = serde_json::from_str(line).map_err(|e| format!("malformed sketch: {e}"))?;
    if rec.version != FORMAT_VERSION {
        return Err(format!(
            "sketch '{}': format version {}, expected {FORMAT_VERSION} (made by another newsalign version: sketch the corpus again)",
            rec.id, rec.version
        ));
    }
    let hex = |s: &String| from_hex(s).ok_or_else(|| format!("sketch '{}': '{s}' is not a hex key", rec.id));
    if rec.minhash.len() != super::minhash::PERMUTATIONS {
        return Err(format!(
            "sketch '{}': minhash has {} values, expected {} (made by another newsalign version?)",
            rec.id,
            rec.minhash.len(),
            super::minhash::PERMUTATIONS
        ));
    }
    let exact = rec.exact.as_ref().map(hex).transpose()?;
    let anchors =
        rec.anchors.iter().map(|keys| keys.iter().map(hex).collect::<Result<Vec<_>, _>>()).collect::<Result<_, _>>()?;
    let sentences = rec.sentences.iter().map(hex).collect::<Result<Vec<_>, _>>()?;
    let heads = rec.heads.iter().map(hex).collect::<Result<Vec<_>, _>>()?;
    if sentences.len() != rec.anchors.len() || heads.len() != rec.anchors.len() {
        return Err(format!(
            "sketch '{}': {} sentence and {} head hashes for {} anchor lists (made by another newsalign version?)",
            rec.id,
            sentences.len(),
            heads.len(),
            rec.anchors.len()
        ));
    }
    Ok(Sketch {
        id: rec.id,
        lang: rec.lang,
        exact,
        shingles: rec.shingles,
        minhash: rec.minhash,
        anchors,
        sentences,
        heads,
    })
}

/// Reads a sketch JSONL file, line by line; a bad line is an error in its place.
pub fn read_sketches(path: &Path) -> Box<dyn Iterator<Item = Result<Sketch, InputError>> + Send> {
    let origin = path.display().to_string();
    match std::fs::File::open(path) {
        Err(e) => Box::new(std::iter::once(Err(InputError::new(&origin, format!("cannot read: {e}"))))),
        Ok(f) => Box::new(std::io::BufReader::new(f).lines().enumerate().filter_map(move |(n, line)| match line {
            Err(e) => Some(Err(InputError::at_line(&origin, n + 1, format!("cannot read: {e}")))),
            Ok(l) if l.trim().is_empty() => None,
            Ok(l) => Some(from_json_line(&l).map_err(|m| InputError::at_line(&origin, n + 1, m))),
        })),
    }
}

#[derive(Deserialize)]
struct CandidateLine {
    a: String,
    b: String,
}

/// Candidate pairs as JSON Lines, `{"a": id, "b": id}` a line (what [`read_candidates`] reads).
pub fn candidates_jsonl(sketches: &[Sketch], pairs: &[(u32, u32)]) -> String {
    let mut out = String::with_capacity(pairs.len() * 32);
    for &(i, j) in pairs {
        let line = serde_json::json!({"a": sketches[i as usize].id, "b": sketches[j as usize].id});
        out.push_str(&line.to_string());
        out.push('\n');
    }
    out
}

/// Reads candidate pairs (`{"a": id, "b": id}` a line, other fields ignored) as indices into the
/// sketches; `index` maps ids to them. Bad lines and unknown ids are reported through `problem`
/// and skipped.
pub fn read_candidates(
    path: &Path,
    index: &HashMap<&str, u32>,
    mut problem: impl FnMut(InputError),
) -> Result<Vec<(u32, u32)>, InputError> {
    let origin = path.display().to_string();
    let file = std::fs::File::open(path).map_err(|e| InputError::new(&origin, format!("cannot read: {e}")))?;
    let mut pairs = Vec::new();
    for (n, line) in std::io::BufReader::new(file).lines().enumerate() {
        let line = line.map_err(|e| InputError::at_line(&origin, n + 1, format!("cannot read: {e}")))?;
        if line.trim().is_empty() {
            continue;
        }
        let parsed: Result<CandidateLine, _> = serde_json::from_str(&line);
        match parsed {
            Err(e) => problem(InputError::at_line(&origin, n + 1, format!("malformed candidate pair: {e}"))),
            Ok(c) => match (index.get(c.a.as_str()), index.get(c.b.as_str())) {
                (Some(&i), Some(&j)) => pairs.push((i.min(j), i.max(j))),
                _ => problem(InputError::at_line(
                    &origin,
                    n + 1,
                    format!("candidate pair '{}'–'{}' names an article that is not among the inputs", c.a, c.b),
                )),
            },
        }
    }
    pairs.sort_unstable();
    pairs.dedup();
    Ok(pairs)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Sketch {
        Sketch {
            id: "a1".into(),
            lang: Lang::Fr,
            exact: Some(u64::MAX - 3),
            shingles: 3,
            minhash: super::super::minhash::signature(&[1, 2, 3]).to_vec(),
            anchors: vec![vec![7, u64::MAX], vec![9]],
            sentences: vec![11, 12],
            heads: vec![13, 14],
        }
    }

    #[test]
    fn sketches_round_trip_through_json() {
        let s = sample();
        let line = to_json_line(&s);
        assert!(line.ends_with('\n') && line.contains("\"bands\":[\""));
        assert_eq!(from_json_line(&line).unwrap(), s);
    }

    #[test]
    fn bad_sketch_lines_are_named() {
        assert!(from_json_line("{").unwrap_err().starts_with("malformed sketch"));
        let short = to_json_line(&Sketch { minhash: vec![1, 2], ..sample() });
        assert!(from_json_line(&short).unwrap_err().contains("minhash has 2 values"));
        let bad_hex = to_json_line(&sample()).replace("\"0000000000000009\"", "\"xyz\"");
        assert!(from_json_line(&bad_hex).unwrap_err().contains("'xyz' is not a hex key"));
        let first_format = to_json_line(&sample()).replace(&format!("\"version\":{FORMAT_VERSION},"), "");
        assert!(from_json_line(&first_format).unwrap_err().contains("format version 0, expected"));
    }

    #[test]
    fn candidates_name_unknown_ids() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("c.jsonl");
        std::fs::write(&path, "{\"a\":\"x\",\"b\":\"y\"}\n\n{\"a\":\"y\",\"b\":\"z\"}\nnope\n").unwrap();
        let index: HashMap<&str, u32> = [("x", 0), ("y", 1)].into_iter().collect();
        let mut problems = Vec::new();
        let pairs = read_candidates(&path, &index, |e| problems.push(e.to_string())).unwrap();
        assert_eq!(pairs, vec![(0, 1)]);
        assert_eq!(problems.len(), 2);
        assert!(problems[0].contains("c.jsonl:3: candidate pair 'y'–'z'"), "{}", problems[0]);
        assert!(problems[1].contains("c.jsonl:4: malformed"), "{}", problems[1]);
    }
}
