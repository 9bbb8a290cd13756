//! `newsalign.toml`: the one configuration file, found and read the same way by every command
//! that has settings in it (`align`, `align --pairs`, `check`), so that they apply the same rules.
//!
//! The file is found in the working directory or the nearest folder above it, up to the
//! repository root (the first folder holding `.git`: a file above it, or in `/`, never applies),
//! unless one is named (`--config FILE`). It is read once, into typed settings:
//!
//! ```toml
//! [severity]                 # how much each divergence kind matters
//! entity_variant = "off"     # error, warning, info or off
//! moved = "warning"          # and the rules moved, consistent, in_words
//!
//! [compare]
//! relation = "auto"          # auto, translation or comparable
//!
//! [check]                    # what fails a pair in `check`
//! fail_on = "warning"        # error (default), warning, info or off
//! max_unmatched = 10
//! min_aligned_share = 0.5
//! ignore = ["entity_variant"]
//! allow_missing = false
//!
//! [[check.pair]]             # overrides for one pair, by its id
//! id = "story-12"
//! fail_on = "off"
//! ```
//!
//! A key the file does not know, a value of the wrong type or out of range is an error naming
//! the file, its line and the key (`newsalign.toml:3: unknown key check.fail_onn (known: …)`).
//! Every severity setting takes the same words ([`crate::compare::severity::parse_level`]).

use crate::check::policy::{FailOn, PairOverride, PairPolicy, Policy};
use crate::compare::{DivergenceKind, SeverityRules};
use crate::error::InputError;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::ops::Range;
use std::path::{Path, PathBuf};
use toml::Spanned;

/// The name of the configuration file.
pub const FILE_NAME: &str = "newsalign.toml";

/// The settings of a run: the defaults, then the file's.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Config {
    /// The file the settings were read from; `None` when none was found (the defaults).
    pub source: Option<PathBuf>,
    /// The `[severity]` rules and the `[compare]` relation.
    pub severity: SeverityRules,
    /// The `[check]` policy.
    pub policy: Policy,
}

impl Config {
    /// Reads `explicit`, or the `newsalign.toml` found from `start` up to the repository root
    /// ([`find`]); the defaults when there is none.
    pub fn discover(explicit: Option<&Path>, start: &Path) -> Result<Config, InputError> {
        let Some(path) = explicit.map(Path::to_path_buf).or_else(|| find(start)) else {
            return Ok(Config::default());
        };
        let text = std::fs::read_to_string(&path)
            .map_err(|e| InputError::new(path.display().to_string(), format!("cannot read config: {e}")))?;
        Config::from_toml(&text, &path)
    }

    /// Parses the text of a configuration file; `origin` names it in errors and in reports.
    pub fn from_toml(text: &str, origin: &Path) -> Result<Config, InputError> {
        let name = origin.display().to_string();
        let at = |span: Option<Range<usize>>, message: String| match span {
            Some(span) => InputError::at_line(&name, line_of(text, span.start), message),
            None => InputError::new(&name, message),
        };
        let file: File = toml::from_str(text).map_err(|e| at(e.span(), unknown_key_message(e.message())))?;
        let mut severity = SeverityRules::default();
        for (key, level) in &file.severity {
            severity.set(key, level.get_ref()).map_err(|e| at(Some(level.span()), format!("severity.{key}: {e}")))?;
        }
        if let Some(relation) = &file.compare.relation {
            severity
                .set_relation(relation.get_ref())
                .map_err(|e| at(Some(relation.span()), format!("compare.relation: {e}")))?;
        }
        let check = file.check;
        let share = |key: &str, value: &Option<Spanned<f64>>| match value {
            Some(s) if !(0.0..=1.0).contains(s.get_ref()) => {
                Err(at(Some(s.span()), format!("{key} = {} must lie between 0 and 1", s.get_ref())))
            }
            _ => Ok(value.as_ref().map(|s| *s.get_ref())),
        };
        let defaults = PairPolicy {
            fail_on: check.fail_on.unwrap_or(FailOn::Error),
            max_unmatched: check.max_unmatched,
            min_aligned_share: share("check.min_aligned_share", &check.min_aligned_share)?,
            ignore: check.ignore.into_iter().collect(),
        };
        let mut overrides = Vec::new();
        for pair in check.pair {
            let settings = PairOverride {
                fail_on: pair.fail_on,
                max_unmatched: pair.max_unmatched,
                min_aligned_share: share("check.pair.min_aligned_share", &pair.min_aligned_share)?,
                ignore: pair.ignore,
            };
            overrides.push((pair.id, settings));
        }
        let policy = Policy { defaults, overrides, allow_missing: check.allow_missing };
        Ok(Config { source: Some(origin.to_path_buf()), severity, policy })
    }

    /// The file in force, as reports name it: its path, or `defaults`.
    pub fn source_name(&self) -> String {
        self.source.as_ref().map_or_else(|| "defaults".to_string(), |p| p.display().to_string())
    }
}

/// The `newsalign.toml` in `start` or a folder above it, up to the repository's root.
pub fn find(start: &Path) -> Option<PathBuf> {
    for dir in start.ancestors() {
        let candidate = dir.join(FILE_NAME);
        if candidate.is_file() {
            return Some(candidate);
        }
        if dir.join(".git").exists() {
            return None;
        }
    }
    None
}

/// The whole file. Every table rejects keys it does not know.
#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(default)]
    check: CheckTable,
    /// Rule name → level; the names are checked by `SeverityRules::set`, which lists them.
    #[serde(default)]
    severity: BTreeMap<String, Spanned<String>>,
    #[serde(default)]
    compare: CompareTable,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct CompareTable {
    #[serde(default)]
    relation: Option<Spanned<String>>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct CheckTable {
    #[serde(default)]
    fail_on: Option<FailOn>,
    #[serde(default)]
    max_unmatched: Option<usize>,
    #[serde(default)]
    min_aligned_share: Option<Spanned<f64>>,
    #[serde(default)]
    ignore: Vec<DivergenceKind>,
    #[serde(default)]
    allow_missing: bool,
    #[serde(default)]
    pair: Vec<PairTable>,
}

/// One `[[check.pair]]` table: its id and the settings it changes.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PairTable {
    id: String,
    #[serde(default)]
    fail_on: Option<FailOn>,
    #[serde(default)]
    max_unmatched: Option<usize>,
    #[serde(default)]
    min_aligned_share: Option<Spanned<f64>>,
    #[serde(default)]
    ignore: Option<Vec<DivergenceKind>>,
}

/// The 1-based line of a byte offset.
fn line_of(text: &str, offset: usize) -> usize {
    text.as_bytes()[..offset.min(text.len())].iter().filter(|&&b| b == b'\n').count() + 1
}

/// The parser's message in the file's words: "unknown field `x`, expected one of `a`, `b`"
/// becomes "unknown key x (known: a, b)".
fn unknown_key_message(message: &str) -> String {
    let message = crate::text::one_line(message);
    let Some(rest) = message.strip_prefix("unknown field `") else { return message };
    let Some((key, known)) = rest.split_once('`') else { return message };
    let known = known.trim_start_matches(", expected ").trim_start_matches("one of ").replace('`', "");
    format!("unknown key {key} (known: {known})")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::Severity;

    fn parse(text: &str) -> Result<Config, String> {
        Config::from_toml(text, Path::new("newsalign.toml")).map_err(|e| e.to_string())
    }

    #[test]
    fn reads_every_table_into_typed_settings() {
        let config = parse(
            r#"
            [severity]
            number_missing = "error"
            moved = "off"
            [compare]
            relation = "comparable"
            [check]
            fail_on = "warning"
            max_unmatched = 3
            ignore = ["entity_variant"]
            [[check.pair]]
            id = "story"
            fail_on = "never"
            ignore = ["number_missing"]
            "#,
        )
        .unwrap();
        assert_eq!(config.severity.severity(DivergenceKind::NumberMissing), Some(Severity::Error));
        assert_eq!(config.severity.moved_severity(DivergenceKind::DateMissing), None);
        assert_eq!(
            config.severity.relation(),
            crate::relation::RelationChoice::Given(crate::relation::RelationKind::Comparable)
        );
        let other = config.policy.for_pair("other");
        assert_eq!((other.fail_on, other.max_unmatched), (FailOn::Warning, Some(3)));
        let story = config.policy.for_pair("story");
        assert_eq!(story.fail_on, FailOn::Never);
        assert!(story.ignore.contains(&DivergenceKind::NumberMissing));
        assert!(story.ignore.contains(&DivergenceKind::EntityVariant));
        assert_eq!(config.source_name(), "newsalign.toml");
        assert_eq!(Config::default().source_name(), "defaults");
    }

    #[test]
    fn an_unknown_key_is_named_with_the_file_and_line() {
        let e = parse("[check]\nfail_on = \"error\"\nfail_onn = \"error\"\n").unwrap_err();
        assert!(e.starts_with("newsalign.toml:3: unknown key fail_onn (known: fail_on,"), "{e}");
        let e = parse("[chek]\nfail_on = \"never\"\n").unwrap_err();
        assert!(e.starts_with("newsalign.toml:1: unknown key chek (known: check, severity, compare)"), "{e}");
        let e = parse("[[check.pair]]\nid = \"a\"\nmax_unmached = 3\n").unwrap_err();
        assert!(e.starts_with("newsalign.toml:3: unknown key max_unmached"), "{e}");
        let e = parse("[compare]\nmode = 1\n").unwrap_err();
        assert!(e.starts_with("newsalign.toml:2: unknown key mode (known: relation)"), "{e}");
        let e = parse("\n[severity]\nnumbers = \"error\"\n").unwrap_err();
        assert!(e.starts_with("newsalign.toml:3: severity.numbers: unknown divergence kind 'numbers'"), "{e}");
        assert!(e.contains("number_mismatch"), "{e}");
    }

    #[test]
    fn every_severity_setting_takes_the_same_words() {
        let e = parse("[severity]\ndate_missing = \"fatal\"\n").unwrap_err();
        assert!(e.ends_with("(use error, warning, info or off)"), "{e}");
        let e = parse("[check]\nfail_on = \"fatal\"\n").unwrap_err();
        assert!(e.contains("(use error, warning, info or off)"), "{e}");
        assert_eq!(parse("[check]\nfail_on = \"off\"\n").unwrap().policy.defaults.fail_on, FailOn::Never);
        assert!(parse("[severity]\ndate_missing = 3\n").unwrap_err().contains("string"));
    }

    #[test]
    fn values_out_of_range_name_the_key() {
        let e = parse("[check]\nmin_aligned_share = 2.0\n").unwrap_err();
        assert!(e.starts_with("newsalign.toml:2: check.min_aligned_share = 2 must lie between 0 and 1"), "{e}");
        let e = parse("[compare]\nrelation = \"twins\"\n").unwrap_err();
        assert!(e.starts_with("newsalign.toml:2: compare.relation"), "{e}");
        assert!(parse("[severity").is_err());
    }

    #[test]
    fn discovers_the_file_upward() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(FILE_NAME), "[check]\nallow_missing = true\n").unwrap();
        let nested = dir.path().join("a/b");
        std::fs::create_dir_all(&nested).unwrap();
        let config = Config::discover(None, &nested).unwrap();
        assert!(config.policy.allow_missing);
        assert_eq!(config.source, Some(dir.path().join(FILE_NAME)));
    }

    #[test]
    fn discovery_stops_at_the_repository_root() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(FILE_NAME), "[check]\nfail_on = \"never\"\n").unwrap();
        let repo = dir.path().join("repo");
        std::fs::create_dir_all(repo.join(".git")).unwrap();
        std::fs::create_dir_all(repo.join("src")).unwrap();
        assert_eq!(Config::discover(None, &repo.join("src")).unwrap(), Config::default());
    }
}
