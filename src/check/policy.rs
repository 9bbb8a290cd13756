//! The check policy: what fails a pair. Read from `newsalign.toml` (found upward from the working
//! directory, as other CI tools find their configs), then adjusted by flags.
//!
//! ```toml
//! [check]
//! fail_on = "error"          # lowest severity that fails: "error" (default), "warning", "info" or "never"
//! max_unmatched = 10         # at most this many unmatched content sentences per side
//! min_aligned_share = 0.5    # at least this share of each side's content sentences aligned
//! ignore = ["entity_variant"]
//! allow_missing = false      # an unreadable article does not fail the check when true
//!
//! [[check.pair]]             # overrides for one pair, by its id
//! id = "story-12"
//! fail_on = "never"
//! ```

use crate::compare::{DivergenceKind, Severity};
use crate::error::InputError;
use serde::Deserialize;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// The name of the configuration file.
pub const CONFIG_FILE: &str = "newsalign.toml";

/// The lowest severity that fails a pair.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FailOn {
    Info,
    Warning,
    Error,
    Never,
}

impl FailOn {
    /// Whether a divergence of this severity fails the pair.
    pub fn fails(self, severity: Severity) -> bool {
        match self {
            FailOn::Never => false,
            FailOn::Info => true,
            FailOn::Warning => severity >= Severity::Warning,
            FailOn::Error => severity >= Severity::Error,
        }
    }
}

impl std::str::FromStr for FailOn {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s {
            "info" => Ok(FailOn::Info),
            "warning" => Ok(FailOn::Warning),
            "error" => Ok(FailOn::Error),
            "never" => Ok(FailOn::Never),
            _ => Err(format!("'{s}' is not a severity: use error, warning, info or never")),
        }
    }
}

/// The rules for one pair.
#[derive(Clone, Debug, PartialEq)]
pub struct PairPolicy {
    pub fail_on: FailOn,
    pub max_unmatched: Option<usize>,
    pub min_aligned_share: Option<f64>,
    pub ignore: BTreeSet<DivergenceKind>,
}

impl Default for PairPolicy {
    fn default() -> Self {
        PairPolicy { fail_on: FailOn::Error, max_unmatched: None, min_aligned_share: None, ignore: BTreeSet::new() }
    }
}

/// The whole policy: defaults, per-pair overrides, and what to do with unreadable articles.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Policy {
    pub defaults: PairPolicy,
    pub overrides: Vec<(String, PairOverride)>,
    pub allow_missing: bool,
    /// Where the policy was read from, for messages.
    pub source: Option<PathBuf>,
}

/// Settings one `[[check.pair]]` table changes; absent ones keep the defaults.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PairOverride {
    #[serde(default)]
    pub fail_on: Option<FailOn>,
    #[serde(default)]
    pub max_unmatched: Option<usize>,
    #[serde(default)]
    pub min_aligned_share: Option<f64>,
    #[serde(default)]
    pub ignore: Option<Vec<DivergenceKind>>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct ConfigFile {
    #[serde(default)]
    check: CheckSection,
    /// The `[severity]` table, read by `compare::SeverityRules::apply_toml` (which names an
    /// unknown kind); listed here so that any other top-level key is an error naming it.
    #[serde(default)]
    #[allow(dead_code)]
    severity: toml::Table,
    /// The `[compare]` table (`relation = "auto"`), read by `SeverityRules::apply_toml` too.
    #[serde(default)]
    #[allow(dead_code)]
    compare: toml::Table,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct CheckSection {
    #[serde(default)]
    fail_on: Option<FailOn>,
    #[serde(default)]
    max_unmatched: Option<usize>,
    #[serde(default)]
    min_aligned_share: Option<f64>,
    #[serde(default)]
    ignore: Vec<DivergenceKind>,
    #[serde(default)]
    allow_missing: bool,
    #[serde(default)]
    pair: Vec<PairTable>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PairTable {
    id: String,
    #[serde(flatten)]
    settings: PairOverride,
}

impl Policy {
    /// The rules that apply to the pair `id`.
    pub fn for_pair(&self, id: &str) -> PairPolicy {
        let mut rules = self.defaults.clone();
        for (_, o) in self.overrides.iter().filter(|(pid, _)| pid == id) {
            rules.fail_on = o.fail_on.unwrap_or(rules.fail_on);
            rules.max_unmatched = o.max_unmatched.or(rules.max_unmatched);
            rules.min_aligned_share = o.min_aligned_share.or(rules.min_aligned_share);
            if let Some(ignore) = &o.ignore {
                rules.ignore.extend(ignore.iter().copied());
            }
        }
        rules
    }

    /// Parses a configuration file's text.
    pub fn from_toml(text: &str, origin: &Path) -> Result<Policy, InputError> {
        let name = origin.display().to_string();
        let file: ConfigFile =
            toml::from_str(text).map_err(|e| InputError::new(&name, crate::text::one_line(&e.to_string())))?;
        let c = file.check;
        if let Some(share) = c.min_aligned_share.filter(|s| !(0.0..=1.0).contains(s)) {
            return Err(InputError::new(&name, format!("check.min_aligned_share = {share} must lie between 0 and 1")));
        }
        Ok(Policy {
            defaults: PairPolicy {
                fail_on: c.fail_on.unwrap_or(FailOn::Error),
                max_unmatched: c.max_unmatched,
                min_aligned_share: c.min_aligned_share,
                ignore: c.ignore.into_iter().collect(),
            },
            overrides: c.pair.into_iter().map(|p| (p.id, p.settings)).collect(),
            allow_missing: c.allow_missing,
            source: Some(origin.to_path_buf()),
        })
    }

    /// Reads `path`, or the `newsalign.toml` found in `start` or the nearest folder above it
    /// within the same repository (the search stops at a folder holding `.git`, so a stray file
    /// in a parent folder or in `/` never applies); the default policy when there is none.
    /// Every command that reads the configuration finds it this way.
    pub fn discover(path: Option<&Path>, start: &Path) -> Result<Policy, InputError> {
        let found = match path {
            Some(p) => Some(p.to_path_buf()),
            None => find_config(start),
        };
        match found {
            None => Ok(Policy::default()),
            Some(p) => {
                let text = std::fs::read_to_string(&p)
                    .map_err(|e| InputError::new(p.display().to_string(), format!("cannot read config: {e}")))?;
                Policy::from_toml(&text, &p)
            }
        }
    }
}

/// The `newsalign.toml` in `start` or a folder above it, up to the repository's root.
pub fn find_config(start: &Path) -> Option<PathBuf> {
    for dir in start.ancestors() {
        let candidate = dir.join(CONFIG_FILE);
        if candidate.is_file() {
            return Some(candidate);
        }
        if dir.join(".git").exists() {
            return None;
        }
    }
    None
}

impl Policy {
    /// The policy file in force, for reports: its path, or `defaults`.
    pub fn source_name(&self) -> String {
        self.source.as_ref().map_or_else(|| "defaults".to_string(), |p| p.display().to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_fail_on_errors_only() {
        let p = Policy::default().for_pair("x");
        assert!(p.fail_on.fails(Severity::Error));
        assert!(!p.fail_on.fails(Severity::Warning));
    }

    #[test]
    fn reads_config_with_pair_overrides() {
        let text = r#"
            [check]
            fail_on = "warning"
            max_unmatched = 3
            ignore = ["entity_variant"]
            [[check.pair]]
            id = "story"
            fail_on = "never"
            ignore = ["number_missing"]
            [severity]
            number_missing = "error"
        "#;
        let policy = Policy::from_toml(text, Path::new("newsalign.toml")).unwrap();
        let other = policy.for_pair("other");
        assert_eq!((other.fail_on, other.max_unmatched), (FailOn::Warning, Some(3)));
        let story = policy.for_pair("story");
        assert_eq!(story.fail_on, FailOn::Never);
        assert!(
            story.ignore.contains(&DivergenceKind::NumberMissing)
                && story.ignore.contains(&DivergenceKind::EntityVariant)
        );
    }

    #[test]
    fn rejects_unknown_settings_naming_the_file() {
        let e = Policy::from_toml("[check]\nfail_onn = \"error\"\n", Path::new("cfg/newsalign.toml")).unwrap_err();
        assert!(e.to_string().starts_with("cfg/newsalign.toml: "), "{e}");
        assert!(e.to_string().contains("fail_onn"), "{e}");
        let e = Policy::from_toml("[check]\nmin_aligned_share = 2.0\n", Path::new("n.toml")).unwrap_err();
        assert!(e.to_string().contains("between 0 and 1"));
    }

    #[test]
    fn discovers_the_config_upward() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(CONFIG_FILE), "[check]\nallow_missing = true\n").unwrap();
        let nested = dir.path().join("a/b");
        std::fs::create_dir_all(&nested).unwrap();
        let policy = Policy::discover(None, &nested).unwrap();
        assert!(policy.allow_missing);
        assert_eq!(policy.source, Some(dir.path().join(CONFIG_FILE)));
    }

    #[test]
    fn discovery_stops_at_the_repository_root() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(CONFIG_FILE), "[check]\nfail_on = \"never\"\n").unwrap();
        let repo = dir.path().join("repo");
        std::fs::create_dir_all(repo.join(".git")).unwrap();
        std::fs::create_dir_all(repo.join("src")).unwrap();
        assert_eq!(Policy::discover(None, &repo.join("src")).unwrap(), Policy::default());
        assert_eq!(Policy::default().source_name(), "defaults");
    }

    #[test]
    fn rejects_unknown_tables_naming_them() {
        let e = Policy::from_toml("[chek]\nfail_on = \"never\"\n", Path::new("newsalign.toml")).unwrap_err();
        assert!(e.to_string().contains("chek") && e.to_string().starts_with("newsalign.toml"), "{e}");
        assert!(Policy::from_toml("[severity]\nnumber_missing = \"info\"\n", Path::new("n.toml")).is_ok());
    }
}
