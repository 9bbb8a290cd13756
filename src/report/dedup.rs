//! Reports of `newsalign dedup`.

use crate::dedup::{Relation, Report};
use std::collections::HashMap;
use std::fmt::Write;

/// The whole report as one JSON object (CONTRACT.md): `{"pairs": [...], "clusters": [[...]]}`.
pub fn json(report: &Report) -> String {
    let mut out = serde_json::to_string(report).expect("plain structs serialize");
    out.push('\n');
    out
}

/// One JSON object a line: every pair `{"a", "b", "relation", "score"}`, then every cluster
/// `{"cluster": [ids]}`, so that a consumer can stream the report.
pub fn jsonl(report: &Report) -> String {
    let mut out = String::new();
    for pair in &report.pairs {
        out.push_str(&serde_json::to_string(pair).expect("plain structs serialize"));
        out.push('\n');
    }
    for cluster in &report.clusters {
        out.push_str(&serde_json::json!({ "cluster": cluster }).to_string());
        out.push('\n');
    }
    out
}

/// A summary for people: one block per cluster, its first article then how each other article
/// relates to it, and a closing count of pairs by relation.
pub fn text(report: &Report, styled: bool) -> String {
    let bold = if styled { anstyle::Style::new().bold() } else { anstyle::Style::new() };
    let mut by_pair: HashMap<(&str, &str), (Relation, f64)> = HashMap::new();
    for p in &report.pairs {
        by_pair.insert((&p.a, &p.b), (p.relation, p.score));
        by_pair.insert((&p.b, &p.a), (p.relation, p.score));
    }
    let mut out = String::new();
    for (n, cluster) in report.clusters.iter().enumerate() {
        let _ = writeln!(out, "{bold}cluster {} ({} articles){bold:#}", n + 1, cluster.len());
        let _ = writeln!(out, "  {}", cluster[0]);
        for id in &cluster[1..] {
            match by_pair.get(&(cluster[0].as_str(), id.as_str())) {
                Some((relation, score)) => {
                    let _ = writeln!(out, "  {id}  {} {score:.2}", relation.name());
                }
                None => {
                    let _ = writeln!(out, "  {id}  (linked through another article)");
                }
            }
        }
        out.push('\n');
    }
    let count = |r: Relation| report.pairs.iter().filter(|p| p.relation == r).count();
    let _ = writeln!(
        out,
        "{} clusters; pairs: {} exact, {} near, {} translation",
        report.clusters.len(),
        count(Relation::Exact),
        count(Relation::Near),
        count(Relation::Translation)
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dedup::Pair;

    fn report() -> Report {
        Report {
            pairs: vec![
                Pair { a: "a".into(), b: "b".into(), relation: Relation::Exact, score: 1.0 },
                Pair { a: "a".into(), b: "c".into(), relation: Relation::Translation, score: 0.8 },
                Pair { a: "b".into(), b: "c".into(), relation: Relation::Translation, score: 0.8 },
            ],
            clusters: vec![vec!["a".into(), "b".into(), "c".into()]],
        }
    }

    #[test]
    fn json_follows_the_contract() {
        let v: serde_json::Value = serde_json::from_str(&json(&report())).unwrap();
        assert_eq!(v["pairs"][1]["relation"], "translation");
        assert_eq!(v["pairs"][0]["score"], 1.0);
        assert_eq!(v["clusters"][0][2], "c");
        assert_eq!(jsonl(&report()).lines().count(), 4);
    }

    #[test]
    fn text_summarises_clusters() {
        let t = text(&report(), false);
        assert!(t.contains("cluster 1 (3 articles)\n  a\n  b  exact 1.00\n  c  translation 0.80\n"), "{t}");
        assert!(t.ends_with("1 clusters; pairs: 1 exact, 0 near, 2 translation\n"));
    }
}
