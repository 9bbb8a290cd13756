//! Severity rules: how much each kind of divergence matters, in one place.
//!
//! The defaults follow what a reader of a translated article must act on: an error is a
//! contradiction, the two versions giving a different value for the same fact; a figure, a date,
//! a name or a quotation that only one version gives is a warning (an omission or an addition,
//! weighed by the evidence in `super::table`: stated elsewhere, in a weak pair, or not a fact
//! at all, it is information); a difference of spelling only is information. These are the
//! highest levels: where the evidence is weak the comparison says less. Users override any rule from the command line
//! (`--severity number_missing=error`) or from the `[severity]` table of `newsalign.toml`
//! ([`crate::config`]); `check` reads the same rules, so a report and a CI gate never disagree on what is an error.

use super::{DivergenceKind, Severity};
use crate::relation::RelationChoice;
use serde::Serialize;
use std::collections::BTreeMap;

/// The severity of every divergence kind (`None` = the kind is not reported), plus the
/// severity of a fact that is missing from its pair but present elsewhere in the other version.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SeverityRules {
    kinds: BTreeMap<DivergenceKind, Option<Severity>>,
    /// A fact absent from the partner sentences but stated in another sentence of the other
    /// version is not lost, only placed elsewhere: by default it is information, not a warning.
    moved: Option<Severity>,
    /// A name that one version leaves unmatched in several pairs is how that version names it
    /// (Sainte-Croix / Holy Cross all along the article), not a change: information by default.
    consistent: Option<Severity>,
    /// A number written in words that the other version leaves out is mostly a rephrasing
    /// ("deux fois plus" / "twice as much", "ses deux jumelles" / "twin daughters"), not a lost
    /// figure: information by default. A figure in words that the other side contradicts is
    /// still a mismatch.
    in_words: Option<Severity>,
    /// Whether the versions are a translation or comparable reports: detected (`auto`) or given.
    #[serde(skip)]
    relation: RelationChoice,
}

/// The rule name of a fact found elsewhere in the other version (`--severity moved=warning`).
pub const MOVED: &str = "moved";
/// The rule name of a name left unmatched in several pairs (`--severity consistent=warning`).
pub const CONSISTENT: &str = "consistent";
/// The rule name of a number in words missing on the other side (`--severity in_words=warning`).
pub const IN_WORDS: &str = "in_words";

impl Default for SeverityRules {
    fn default() -> Self {
        use DivergenceKind::*;
        use Severity::*;
        let kinds = [
            (NumberMismatch, Error),
            (DateMismatch, Error),
            (EntityMismatch, Error),
            (NumberMissing, Warning),
            (DateMissing, Warning),
            (EntityMissing, Warning),
            (QuoteMissing, Warning),
            (EntityVariant, Info),
        ];
        SeverityRules {
            kinds: kinds.into_iter().map(|(k, s)| (k, Some(s))).collect(),
            moved: Some(Info),
            consistent: Some(Info),
            in_words: Some(Info),
            relation: RelationChoice::Auto,
        }
    }
}

impl SeverityRules {
    /// The severity of `kind`, or `None` when the user turned it off.
    pub fn severity(&self, kind: DivergenceKind) -> Option<Severity> {
        self.kinds.get(&kind).copied().flatten()
    }

    /// How the relation between the versions is chosen.
    pub fn relation(&self) -> RelationChoice {
        self.relation
    }

    /// Sets the relation: `auto`, `translation` or `comparable`.
    pub fn set_relation(&mut self, relation: &str) -> Result<(), String> {
        self.relation = relation.parse()?;
        Ok(())
    }

    /// The severity of a fact missing from its pair but present elsewhere in the other version
    /// (never above the severity of the kind itself).
    pub fn moved_severity(&self, kind: DivergenceKind) -> Option<Severity> {
        Some(self.moved?.min(self.severity(kind)?))
    }

    /// The severity of a name divergence repeated in several pairs (never above the kind's own).
    pub fn consistent_severity(&self, kind: DivergenceKind) -> Option<Severity> {
        Some(self.consistent?.min(self.severity(kind)?))
    }

    /// The severity of a number written in words and missing on the other side (never above the
    /// kind's own).
    pub fn in_words_severity(&self, kind: DivergenceKind) -> Option<Severity> {
        Some(self.in_words?.min(self.severity(kind)?))
    }

    /// Sets one rule: `NAME=LEVEL`, NAME a divergence kind (`number_missing`) or `moved`, LEVEL
    /// `error`, `warning`, `info` or `off`.
    pub fn apply_override(&mut self, rule: &str) -> Result<(), String> {
        let (name, level) = rule
            .split_once('=')
            .ok_or_else(|| format!("severity rule '{rule}' is not NAME=LEVEL (e.g. number_missing=error)"))?;
        self.set(name.trim(), level.trim())
    }

    /// Sets one rule by its name (a divergence kind, `moved`, `consistent` or `in_words`) and a
    /// level in the words of [`parse_level`]: the `[severity]` table of `newsalign.toml` and the
    /// `--severity` flag both come here.
    pub fn set(&mut self, name: &str, level: &str) -> Result<(), String> {
        let level = parse_level(level)?;
        if name == MOVED {
            self.moved = level;
            return Ok(());
        }
        if name == CONSISTENT {
            self.consistent = level;
            return Ok(());
        }
        if name == IN_WORDS {
            self.in_words = level;
            return Ok(());
        }
        let kind = DivergenceKind::from_name(name).ok_or_else(|| {
            let names: Vec<&str> = DivergenceKind::ALL.iter().map(|k| k.name()).collect();
            format!("unknown divergence kind '{name}' (known: {}, {MOVED}, {CONSISTENT}, {IN_WORDS})", names.join(", "))
        })?;
        self.kinds.insert(kind, level);
        Ok(())
    }

    /// Every rule as `(name, level)`, for documentation and `--help`-like listings.
    pub fn describe(&self) -> Vec<(&'static str, &'static str)> {
        let mut rules: Vec<_> = DivergenceKind::ALL.iter().map(|k| (k.name(), level_name(self.severity(*k)))).collect();
        rules.push((MOVED, level_name(self.moved)));
        rules.push((CONSISTENT, level_name(self.consistent)));
        rules.push((IN_WORDS, level_name(self.in_words)));
        rules
    }
}

/// The words of a severity level, the same wherever one is set: a rule (`[severity]`,
/// `--severity`), the level that fails a check (`fail_on`, `--fail-on`) and the least level a
/// report shows (`--min-severity`, where `off` means nothing).
pub const LEVELS: &str = "error, warning, info or off";

/// A severity level: `error`, `warning`, `info`, or `off` for none (`warn`, `none` and `never`
/// are read as their synonyms), in any case.
pub fn parse_level(level: &str) -> Result<Option<Severity>, String> {
    match level.to_ascii_lowercase().as_str() {
        "error" => Ok(Some(Severity::Error)),
        "warning" | "warn" => Ok(Some(Severity::Warning)),
        "info" => Ok(Some(Severity::Info)),
        "off" | "none" | "never" => Ok(None),
        other => Err(format!("unknown severity '{other}' (use {LEVELS})")),
    }
}

fn level_name(level: Option<Severity>) -> &'static str {
    match level {
        Some(s) => s.name(),
        None => "off",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_rank_mismatch_over_missing_over_variant() {
        let rules = SeverityRules::default();
        assert_eq!(rules.severity(DivergenceKind::NumberMismatch), Some(Severity::Error));
        assert_eq!(rules.severity(DivergenceKind::DateMissing), Some(Severity::Warning));
        assert_eq!(rules.severity(DivergenceKind::EntityMissing), Some(Severity::Warning));
        assert_eq!(rules.severity(DivergenceKind::EntityVariant), Some(Severity::Info));
        assert_eq!(rules.moved_severity(DivergenceKind::NumberMissing), Some(Severity::Info));
        assert_eq!(rules.in_words_severity(DivergenceKind::NumberMissing), Some(Severity::Info));
    }

    #[test]
    fn flag_overrides_one_kind() {
        let mut rules = SeverityRules::default();
        rules.apply_override("number_missing=warning").unwrap();
        rules.apply_override("entity_variant = off").unwrap();
        assert_eq!(rules.severity(DivergenceKind::NumberMissing), Some(Severity::Warning));
        assert_eq!(rules.severity(DivergenceKind::EntityVariant), None);
        assert_eq!(rules.severity(DivergenceKind::DateMissing), Some(Severity::Warning));
    }

    #[test]
    fn moved_never_exceeds_the_kind() {
        let mut rules = SeverityRules::default();
        rules.apply_override("moved=error").unwrap();
        rules.apply_override("number_missing=info").unwrap();
        rules.apply_override("date_missing=error").unwrap();
        assert_eq!(rules.moved_severity(DivergenceKind::NumberMissing), Some(Severity::Info));
        assert_eq!(rules.moved_severity(DivergenceKind::DateMissing), Some(Severity::Error));
    }

    #[test]
    fn bad_rules_say_what_to_write() {
        let mut rules = SeverityRules::default();
        assert!(rules.apply_override("number_missing").unwrap_err().contains("NAME=LEVEL"));
        assert!(rules.apply_override("numbers=error").unwrap_err().contains("number_mismatch"));
        assert!(rules.apply_override("date_missing=fatal").unwrap_err().contains("error, warning, info or off"));
    }
}
