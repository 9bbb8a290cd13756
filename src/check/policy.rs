//! The check policy: what fails a pair. Its settings come from the `[check]` table of
//! `newsalign.toml` ([`crate::config`] reads the file), then from flags.

use crate::compare::{DivergenceKind, Severity};
use serde::Deserialize;
use std::collections::BTreeSet;

/// The lowest severity that fails a pair, in the words of every severity setting
/// ([`crate::compare::severity::parse_level`]): `off` (or `never`) fails on nothing.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(try_from = "String")]
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
        Ok(match crate::compare::severity::parse_level(s)? {
            Some(Severity::Info) => FailOn::Info,
            Some(Severity::Warning) => FailOn::Warning,
            Some(Severity::Error) => FailOn::Error,
            None => FailOn::Never,
        })
    }
}

impl TryFrom<String> for FailOn {
    type Error = String;
    fn try_from(s: String) -> Result<Self, String> {
        s.parse()
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
    fn fail_on_takes_the_words_of_every_severity_setting() {
        assert_eq!("warning".parse::<FailOn>(), Ok(FailOn::Warning));
        assert_eq!("off".parse::<FailOn>(), Ok(FailOn::Never));
        assert_eq!("never".parse::<FailOn>(), Ok(FailOn::Never));
        assert!("fatal".parse::<FailOn>().unwrap_err().contains("error, warning, info or off"));
    }

    #[test]
    fn a_pair_override_adds_to_the_defaults() {
        let story = PairOverride {
            fail_on: Some(FailOn::Never),
            ignore: Some(vec![DivergenceKind::NumberMissing]),
            ..PairOverride::default()
        };
        let mut policy = Policy { overrides: vec![("story".into(), story)], ..Policy::default() };
        policy.defaults.ignore.insert(DivergenceKind::EntityVariant);
        let rules = policy.for_pair("story");
        assert_eq!(rules.fail_on, FailOn::Never);
        assert_eq!(rules.ignore.len(), 2);
        assert_eq!(policy.for_pair("other").fail_on, FailOn::Error);
    }
}
