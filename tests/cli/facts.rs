//! `newsalign facts` run like a user would, on invented articles (and on the shared seeds when
//! they are present).

use assert_cmd::Command;
use serde_json::Value;
use std::path::Path;

const FR: &str = "tests/fixtures/facts/fr.txt";
const EN: &str = "tests/fixtures/facts/en.txt";
const JSONL: &str = "tests/fixtures/facts/articles.jsonl";

fn newsalign() -> Command {
    Command::cargo_bin("newsalign").unwrap()
}

/// The facts of each article, from `--format jsonl`.
fn facts(args: &[&str]) -> Vec<Value> {
    let out = newsalign().arg("facts").args(args).args(["--format", "jsonl"]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect()
}

/// (kind, text, value, unit) of every fact of one article.
fn rows(article: &Value) -> Vec<(String, String, String, String)> {
    let s = |v: &Value| v.as_str().unwrap_or("").to_string();
    article["facts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| (s(&f["kind"]), s(&f["text"]), s(&f["value"]), s(&f["unit"])))
        .collect()
}

fn has(rows: &[(String, String, String, String)], kind: &str, text: &str, value: &str) -> bool {
    rows.iter().any(|r| r.0 == kind && r.1 == text && r.2 == value)
}

fn value_of<'a>(rows: &'a [(String, String, String, String)], text: &str) -> &'a str {
    &rows.iter().find(|r| r.1 == text).unwrap_or_else(|| panic!("no fact {text:?} in {rows:?}")).2
}

#[test]
fn french_article_facts() {
    let out = facts(&[FR, "--published", "2024-05-06", "--lang", "fr"]);
    let r = rows(&out[0]);
    assert!(has(&r, "money", "15 000 euros", "15000"));
    assert!(has(&r, "money", "1,5 million d'euros", "1500000"));
    assert!(has(&r, "percent", "12 %", "12"));
    assert!(has(&r, "date", "lundi", "2024-05-06"));
    assert!(has(&r, "date", "Mardi", "2024-04-30"));
    assert!(has(&r, "date", "2023", "2023"));
    assert!(has(&r, "number", "Sept", "7"));
    assert!(has(&r, "quantity", "40 hectares", "40"));
    assert!(has(&r, "quantity", "10 km/h", "10"));
    assert!(has(&r, "ordinal", "IIIe", "3"));
    assert!(has(&r, "date", "14 h 30", "2024-05-06T14:30"));
    assert!(!r.iter().any(|f| f.0 == "number" && f.2 == "19"), "Covid-19 is a name: {r:?}");
}

#[test]
fn both_languages_share_values_and_keys() {
    let fr = rows(&facts(&[FR, "--published", "2024-05-06", "--lang", "fr"])[0]);
    let en = rows(&facts(&[EN, "--published", "2024-05-06", "--lang", "en"])[0]);
    for (f, e) in [
        ("Commission européenne", "European Commission"),
        ("États-Unis", "United States"),
        ("Royaume-Uni", "United Kingdom"),
        ("Anne-Sophie Lemaître", "Anne-Sophie Lemaitre"),
        ("semaine prochaine", "next week"),
        ("lundi", "Monday"),
        ("Sept", "Seven"),
        ("1,5 million d'euros", "1.5 million euros"),
        ("15 000 euros", "15,000 euros"),
    ] {
        assert_eq!(value_of(&fr, f), value_of(&en, e), "{f} / {e}");
    }
    let unit = |rows: &[(String, String, String, String)], t: &str| rows.iter().find(|r| r.1 == t).unwrap().3.clone();
    assert_eq!(unit(&fr, "15 000 euros"), "EUR");
    assert_eq!(unit(&en, "12%"), "%");
}

#[test]
fn offsets_point_into_the_text() {
    let text = std::fs::read_to_string(FR).unwrap();
    let out = facts(&[FR, "--published", "2024-05-06", "--lang", "fr"]);
    for f in out[0]["facts"].as_array().unwrap() {
        let (start, end) = (f["start"].as_u64().unwrap() as usize, f["end"].as_u64().unwrap() as usize);
        assert_eq!(&text[start..end], f["text"].as_str().unwrap());
    }
}

#[test]
fn records_carry_their_own_dates() {
    let out = facts(&[JSONL]);
    let fr = rows(&out[0]);
    assert!(has(&fr, "date", "hier", "2024-05-05"));
    assert!(has(&fr, "number", "soixante-dix", "70"));
    let en = rows(&out[1]);
    assert!(has(&en, "date", "6 May", "XXXX-05-06"), "no publication date: unknown year stays X: {en:?}");
    assert!(has(&en, "number", "seventy", "70"));
    assert_eq!(value_of(&fr, "Genève"), value_of(&en, "Geneva"));
}

#[test]
fn text_format_lists_one_fact_a_line() {
    let out = newsalign().args(["facts", FR, "--published", "2024-05-06", "--lang", "fr"]).output().unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("==> "));
    assert!(text.lines().any(|l| l.starts_with("money") && l.contains("EUR") && l.contains("15 000 euros")));
}

#[test]
fn unreadable_input_is_a_clear_error() {
    let out = newsalign().args(["facts", "tests/fixtures/facts/missing.txt"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("missing.txt"), "{err}");
}

/// The shared seed pair, read in place (never copied): the facts its reference names.
#[test]
fn seed_articles() {
    let dir = Path::new("../shared/seeds");
    let (fr, en) = (dir.join("000_1eb5308e68f4dfec.txt"), dir.join("002_81e929dda16dc1f4.txt"));
    if !fr.exists() || !en.exists() {
        eprintln!("../shared/seeds not present: skipped");
        return;
    }
    let fr = rows(&facts(&[fr.to_str().unwrap(), "--published", "2024-05-06", "--lang", "fr"])[0]);
    let en = rows(&facts(&[en.to_str().unwrap(), "--published", "2024-05-06", "--lang", "en"])[0]);
    let values = |rows: &[(String, String, String, String)], text: &str| -> Vec<String> {
        rows.iter().filter(|r| r.1 == text).map(|r| r.2.clone()).collect()
    };
    assert!(values(&fr, "lundi").contains(&"2024-05-06".to_string()));
    assert!(values(&fr, "mardi").contains(&"2024-04-30".to_string()));
    assert!(values(&fr, "sept").contains(&"7".to_string()));
    assert!(values(&en, "seven").contains(&"7".to_string()));
    assert_eq!(values(&fr, "États-Unis")[0], values(&en, "United States")[0]);
    assert_eq!(values(&fr, "Royaume-Uni")[0], values(&en, "United Kingdom")[0]);
    assert_eq!(values(&fr, "Parlement européen")[0], values(&en, "European Parliament")[0]);
    assert_eq!(values(&fr, "semaine dernière")[0], values(&en, "last week")[0]);
    let thevenot = |rows: &[(String, String, String, String)]| {
        rows.iter().find(|r| r.1.contains("Th") && r.1.contains("venot")).map(|r| r.2.clone()).unwrap()
    };
    assert_eq!(thevenot(&fr), thevenot(&en));
    assert!(!fr.iter().chain(&en).any(|r| r.0 == "number" && r.2 == "19"), "Covid-19 is no count");
    assert!(fr.iter().any(|r| r.0 == "number" && r.2 == "60") && en.iter().any(|r| r.0 == "number" && r.2 == "60"));
}
