//! The read stage: turns the paths a user gives into a stream of [`Article`]s.
//!
//! Files are `.txt` (the whole file is the article), `.html`/`.htm` (the main text is
//! extracted; with the `html` feature, on by default), `.jsonl` (one record a line, read as a stream so memory stays flat) and `-`
//! (standard input). Directories are walked recursively. Every problem is an [`InputError`]
//! naming the file (and line); the stream goes on with the next article. The lists of article
//! pairs that `check` and `align --pairs` take are read in [`manifest`].

pub mod manifest;

use crate::article::Article;
use crate::error::InputError;
use crate::lang::Lang;
use chrono::NaiveDate;
use serde::Deserialize;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// How standard input is read.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum StdinFormat {
    /// The whole of standard input is one plain-text article.
    #[default]
    Text,
    /// Standard input holds JSONL article records.
    Jsonl,
}

/// What kind of file a path holds, from its extension.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    Text,
    Html,
    Jsonl,
}

impl FileKind {
    /// The kind of a path, or an error naming the extension when newsalign cannot read it.
    pub fn of(path: &Path) -> Result<FileKind, InputError> {
        let ext = path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase);
        match ext.as_deref() {
            None | Some("txt") | Some("text") | Some("md") => Ok(FileKind::Text),
            Some("html") | Some("htm") | Some("xhtml") => Ok(FileKind::Html),
            Some("jsonl") | Some("ndjson") => Ok(FileKind::Jsonl),
            Some("json") => Err(InputError::new(
                path.display().to_string(),
                "a .json file is not an article; give one JSON record a line in a .jsonl file",
            )),
            Some(other) => Err(InputError::new(
                path.display().to_string(),
                format!("unknown extension .{other}: expected .txt, .html, .htm or .jsonl"),
            )),
        }
    }
}

/// One input to read: a file, or standard input.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Source {
    Stdin,
    File(PathBuf),
}

impl Source {
    pub fn name(&self) -> String {
        match self {
            Source::Stdin => "-".to_string(),
            Source::File(p) => p.display().to_string(),
        }
    }
}

/// Expands the user's paths: directories become the readable files below them (sorted, so runs
/// are reproducible); a missing path is an error in its place.
pub fn expand(paths: &[PathBuf]) -> Vec<Result<Source, InputError>> {
    let mut out = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            out.push(Ok(Source::Stdin));
        } else if path.is_dir() {
            let mut files: Vec<PathBuf> = walkdir::WalkDir::new(path)
                .follow_links(true)
                .into_iter()
                .filter_map(|entry| match entry {
                    Ok(e) if e.file_type().is_file() && is_article_file(e.path()) => Some(Ok(e.into_path())),
                    Ok(_) => None,
                    Err(e) => Some(Err(e)),
                })
                .filter_map(|r| match r {
                    Ok(p) => Some(p),
                    Err(e) => {
                        let where_ =
                            e.path().map(|p| p.display().to_string()).unwrap_or_else(|| path.display().to_string());
                        out.push(Err(InputError::new(where_, format!("cannot read directory entry: {e}"))));
                        None
                    }
                })
                .collect();
            files.sort();
            out.extend(files.into_iter().map(|p| Ok(Source::File(p))));
        } else if path.exists() {
            out.push(Ok(Source::File(path.clone())));
        } else {
            out.push(Err(InputError::new(path.display().to_string(), "no such file or directory")));
        }
    }
    out
}

/// Inside a directory, only files with a known extension are articles; the rest (images,
/// hidden files, READMEs without extension) are passed over silently.
fn is_article_file(path: &Path) -> bool {
    let hidden = path.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with('.'));
    let known = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .is_some_and(|e| matches!(e.as_str(), "txt" | "html" | "htm" | "jsonl" | "ndjson"));
    let is_jsonl = path
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("jsonl") || e.eq_ignore_ascii_case("ndjson"));
    known && !hidden && (!is_jsonl || holds_article_records(path))
}

/// Whether a JSONL file found in a directory holds articles: its first record has a `text`.
/// A manifest or any other JSONL lying next to the articles is passed over, not read as
/// thousands of bad records. A file named explicitly is always read (and its errors reported).
fn holds_article_records(path: &Path) -> bool {
    first_jsonl_record(path).is_none_or(|record| record.get("text").is_some())
}

/// The first record of a JSONL file, if its first non-empty line is a JSON value.
pub fn first_jsonl_record(path: &Path) -> Option<serde_json::Value> {
    let file = std::fs::File::open(path).ok()?;
    let first = BufReader::new(file).lines().map_while(Result::ok).find(|l| !l.trim().is_empty())?;
    serde_json::from_str(&first).ok()
}

/// A JSONL article record (CONTRACT.md). Fields other than these are allowed and ignored.
#[derive(Deserialize)]
struct Record {
    id: serde_json::Value,
    text: String,
    #[serde(default)]
    lang: Option<String>,
    #[serde(default)]
    published: Option<String>,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    url: Option<String>,
}

/// Parses a publication date: `YYYY-MM-DD` (a four-digit year: `24-05-07` is not the year 24),
/// or a timestamp starting with one (`2024-05-06T10:00:00Z`, `2024-05-06 10:00`).
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    let (head, rest) = (s.get(..10)?, &s[10..]);
    let shape = head.bytes().enumerate().all(|(i, b)| if i == 4 || i == 7 { b == b'-' } else { b.is_ascii_digit() });
    if !shape || !(rest.is_empty() || rest.starts_with(['T', 't', ' '])) {
        return None;
    }
    NaiveDate::parse_from_str(head, "%Y-%m-%d").ok()
}

/// Parses one JSON article record (CONTRACT.md), e.g. one handed over whole by a program that embeds
/// newsalign: `origin` names where it came from in errors, and `line` its 1-based position there.
///
/// ```
/// use newsalign::{parse_record, Lang};
///
/// let article = parse_record(r#"{"id": "1", "text": "Bonjour.", "lang": "fr"}"#, "records.jsonl", Some(1))?;
/// assert_eq!((article.id.as_str(), article.lang), ("1", Some(Lang::Fr)));
/// let error = parse_record("{", "records.jsonl", Some(2)).unwrap_err();
/// assert!(error.to_string().starts_with("records.jsonl:2: malformed JSON record"));
/// # Ok::<(), newsalign::InputError>(())
/// ```
pub fn parse_record(json: &str, origin: &str, line: Option<usize>) -> Result<Article, InputError> {
    let err = |message: String| InputError { path: origin.to_string(), line, message };
    let rec: Record = serde_json::from_str(json).map_err(|e| err(format!("malformed JSON record: {e}")))?;
    let id = match rec.id {
        serde_json::Value::String(s) => s,
        serde_json::Value::Number(n) => n.to_string(),
        other => return Err(err(format!("record id must be a string, found {other}"))),
    };
    if rec.text.trim().is_empty() {
        return Err(err(format!("record '{id}' has an empty text")));
    }
    let lang = match rec.lang.as_deref() {
        None | Some("") => None,
        Some(code) => Some(code.parse::<Lang>().map_err(|e| err(format!("record '{id}': {e}")))?),
    };
    let published = match rec.published.as_deref() {
        None | Some("") => None,
        Some(s) => {
            Some(parse_date(s).ok_or_else(|| err(format!("record '{id}': published '{s}' is not a YYYY-MM-DD date")))?)
        }
    };
    Ok(Article { id, text: rec.text, lang, published, title: rec.title, url: rec.url, origin: origin.to_string() })
}

/// Decodes a whole file's bytes, naming the first invalid byte.
fn decode(bytes: Vec<u8>, origin: &str) -> Result<String, InputError> {
    String::from_utf8(bytes).map_err(|e| {
        InputError::new(
            origin,
            format!("invalid UTF-8 at byte {}; convert the file to UTF-8", e.utf8_error().valid_up_to()),
        )
    })
}

fn whole_text_article(bytes: Vec<u8>, origin: &str, kind: FileKind) -> Result<Article, InputError> {
    let raw = decode(bytes, origin)?;
    // A byte-order mark is not text; dropping it keeps offsets meaningful for editors.
    let raw = raw.strip_prefix('\u{feff}').map(str::to_string).unwrap_or(raw);
    let (text, title) = match kind {
        #[cfg(feature = "html")]
        FileKind::Html => {
            let page = crate::html::extract(&raw);
            (page.text, page.title)
        }
        #[cfg(not(feature = "html"))]
        FileKind::Html => {
            return Err(InputError::new(origin, "HTML input needs newsalign built with its `html` feature"))
        }
        _ => (raw, None),
    };
    if text.trim().is_empty() {
        let what = if kind == FileKind::Html { "no article text found in the HTML" } else { "empty file" };
        return Err(InputError::new(origin, what));
    }
    Ok(Article {
        id: origin.to_string(),
        text,
        lang: None,
        published: None,
        title,
        url: None,
        origin: origin.to_string(),
    })
}

/// An article handed over as a string by a program that embeds newsalign (a file's text is read
/// the same way): `name` is its id and names it in errors; a leading byte-order mark is dropped.
///
/// ```
/// use newsalign::text_article;
///
/// let article = text_article("\u{feff}Le conseil a voté lundi.".into(), "conseil.txt")?;
/// assert_eq!((article.id.as_str(), article.text.as_str()), ("conseil.txt", "Le conseil a voté lundi."));
/// // an empty text is an input error that names the article
/// assert!(text_article(String::new(), "vide.txt").unwrap_err().to_string().contains("vide.txt"));
/// # Ok::<(), newsalign::InputError>(())
/// ```
pub fn text_article(text: String, name: &str) -> Result<Article, InputError> {
    if text.trim_start_matches('\u{feff}').trim().is_empty() {
        return Err(InputError::new(name, "empty text"));
    }
    whole_text_article(text.into_bytes(), name, FileKind::Text)
}

/// Reads JSONL records one line at a time; a bad line is an error in the stream, not the end of it.
struct JsonlReader<R> {
    lines: std::io::Lines<R>,
    origin: Arc<str>,
    line_no: usize,
    any_record: bool,
    done: bool,
}

impl<R: BufRead> Iterator for JsonlReader<R> {
    type Item = Pending;
    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        loop {
            self.line_no += 1;
            match self.lines.next() {
                None => {
                    self.done = true;
                    if !self.any_record {
                        return Some(Pending::Ready(Err(InputError::new(
                            &*self.origin,
                            "empty file: no JSONL records",
                        ))));
                    }
                    return None;
                }
                Some(Err(e)) => {
                    self.done = true;
                    let msg = if e.kind() == std::io::ErrorKind::InvalidData {
                        "invalid UTF-8; convert the file to UTF-8".to_string()
                    } else {
                        format!("read error: {e}")
                    };
                    return Some(Pending::Ready(Err(InputError::at_line(&*self.origin, self.line_no, msg))));
                }
                Some(Ok(line)) if line.trim().is_empty() => continue,
                Some(Ok(line)) => {
                    self.any_record = true;
                    return Some(Pending::Record { json: line, origin: self.origin.clone(), line: self.line_no });
                }
            }
        }
    }
}

fn jsonl<R: BufRead + Send + 'static>(reader: R, origin: String) -> PendingStream {
    Box::new(JsonlReader { lines: reader.lines(), origin: origin.into(), line_no: 0, any_record: false, done: false })
}

/// A stream of articles, or of the errors met on the way.
pub type ArticleStream = Box<dyn Iterator<Item = Result<Article, InputError>> + Send>;

/// An article as read, its JSONL record not parsed yet: parsing is left to the worker that takes
/// the article ([`crate::pipeline::process_stream`]), so that it runs on every core instead of
/// in the reader.
pub enum Pending {
    /// An article read whole (a text or HTML file), or an error met while reading.
    Ready(Result<Article, InputError>),
    /// One line of a JSONL file, with the file and line that name it in errors.
    Record { json: String, origin: Arc<str>, line: usize },
}

impl Pending {
    /// The article, its record parsed ([`parse_record`]).
    pub fn parse(self) -> Result<Article, InputError> {
        match self {
            Pending::Ready(result) => result,
            Pending::Record { json, origin, line } => parse_record(&json, &origin, Some(line)),
        }
    }
}

/// A stream of [`Pending`] articles.
pub type PendingStream = Box<dyn Iterator<Item = Pending> + Send>;

fn ready(result: Result<Article, InputError>) -> PendingStream {
    Box::new(std::iter::once(Pending::Ready(result)))
}

/// Reads one source as a stream of articles.
pub fn read_source(source: &Source, stdin_format: StdinFormat) -> ArticleStream {
    Box::new(read_source_pending(source, stdin_format).map(Pending::parse))
}

/// [`read_source`], records left unparsed.
pub fn read_source_pending(source: &Source, stdin_format: StdinFormat) -> PendingStream {
    let origin = source.name();
    match source {
        Source::Stdin => match stdin_format {
            StdinFormat::Jsonl => jsonl(BufReader::new(std::io::stdin()), origin),
            StdinFormat::Text => {
                let mut bytes = Vec::new();
                let result = match std::io::stdin().read_to_end(&mut bytes) {
                    Ok(_) => whole_text_article(bytes, &origin, FileKind::Text),
                    Err(e) => Err(InputError::new(&origin, format!("cannot read standard input: {e}"))),
                };
                ready(result)
            }
        },
        Source::File(path) => {
            let kind = match FileKind::of(path) {
                Ok(k) => k,
                Err(e) => return ready(Err(e)),
            };
            match kind {
                FileKind::Jsonl => match std::fs::File::open(path) {
                    Ok(f) => jsonl(BufReader::with_capacity(1 << 16, f), origin),
                    Err(e) => ready(Err(InputError::new(&origin, io_message(&e)))),
                },
                _ => {
                    let result = std::fs::read(path)
                        .map_err(|e| InputError::new(&origin, io_message(&e)))
                        .and_then(|bytes| whole_text_article(bytes, &origin, kind));
                    ready(result)
                }
            }
        }
    }
}

/// A short, user-facing reason for an I/O failure.
fn io_message(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or directory".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ if e.raw_os_error() == Some(21) => "is a directory".into(),
        _ => format!("cannot read: {e}"),
    }
}

/// Reads every path the user gave, in order, as one stream.
pub fn read_all(paths: &[PathBuf], stdin_format: StdinFormat) -> ArticleStream {
    Box::new(read_all_pending(paths, stdin_format).map(Pending::parse))
}

/// [`read_all`], records left unparsed: what [`crate::pipeline::process_stream`] takes.
pub fn read_all_pending(paths: &[PathBuf], stdin_format: StdinFormat) -> PendingStream {
    let sources = expand(paths);
    Box::new(sources.into_iter().flat_map(move |s| -> PendingStream {
        match s {
            Ok(source) => read_source_pending(&source, stdin_format),
            Err(e) => ready(Err(e)),
        }
    }))
}

/// Reads a path that must hold exactly one article (a command comparing two articles takes one
/// per side): a .jsonl file with several records is an error naming the file.
pub fn read_one(path: &Path, stdin_format: StdinFormat) -> Result<Article, InputError> {
    let name = path.display().to_string();
    let mut stream = read_all(&[path.to_path_buf()], stdin_format);
    let first = stream.next().ok_or_else(|| InputError::new(&name, "holds no article"))??;
    match stream.next() {
        None => Ok(first),
        Some(Err(e)) => Err(e),
        Some(Ok(_)) => Err(InputError::new(&name, "holds several articles; give one article a side")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn write(dir: &Path, name: &str, content: &[u8]) -> PathBuf {
        let p = dir.join(name);
        std::fs::File::create(&p).unwrap().write_all(content).unwrap();
        p
    }

    #[test]
    fn reads_text_and_jsonl_and_reports_bad_lines() {
        let dir = tempfile::tempdir().unwrap();
        let txt = write(dir.path(), "a.txt", "Le président est arrivé.".as_bytes());
        let jl = write(
            dir.path(),
            "b.jsonl",
            b"{\"id\":\"x\",\"text\":\"Hello there.\",\"lang\":\"en\",\"published\":\"2024-05-06\"}\n\n{broken\n{\"id\":7,\"text\":\"Bonjour.\"}\n",
        );
        let got: Vec<_> = read_all(&[txt.clone(), jl], StdinFormat::Text).collect();
        assert_eq!(got.len(), 4);
        let first = got[0].as_ref().unwrap();
        assert_eq!(first.id, txt.display().to_string());
        let second = got[1].as_ref().unwrap();
        assert_eq!((second.id.as_str(), second.lang), ("x", Some(Lang::En)));
        assert_eq!(second.published, NaiveDate::from_ymd_opt(2024, 5, 6));
        let bad = got[2].as_ref().unwrap_err();
        assert_eq!(bad.line, Some(3));
        assert!(bad.to_string().contains("b.jsonl:3: malformed JSON record"));
        assert_eq!(got[3].as_ref().unwrap().id, "7");
    }

    #[test]
    fn names_problems_with_files() {
        let dir = tempfile::tempdir().unwrap();
        let empty = write(dir.path(), "empty.txt", b"  \n");
        let latin1 = write(dir.path(), "latin1.txt", b"caf\xe9");
        let pdf = write(dir.path(), "x.pdf", b"%PDF");
        let missing = dir.path().join("missing.txt");
        let errs: Vec<String> =
            read_all(&[empty, latin1, pdf, missing], StdinFormat::Text).map(|r| r.unwrap_err().to_string()).collect();
        assert!(errs[0].ends_with("empty.txt: empty file"), "{}", errs[0]);
        assert!(errs[1].contains("latin1.txt: invalid UTF-8 at byte 3"), "{}", errs[1]);
        assert!(errs[2].contains("unknown extension .pdf"), "{}", errs[2]);
        assert!(errs[3].contains("missing.txt: no such file"), "{}", errs[3]);
    }

    #[test]
    fn walks_directories_in_order_skipping_other_files() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("sub")).unwrap();
        write(dir.path(), "b.txt", b"Second article text.");
        write(&dir.path().join("sub"), "a.txt", b"Nested article text.");
        write(dir.path(), "notes.png", b"\x89PNG");
        write(dir.path(), ".hidden.txt", b"hidden");
        write(dir.path(), "manifest.jsonl", b"{\"left\": \"a.txt\", \"right\": \"b.txt\"}\n");
        let ids: Vec<String> =
            read_all(&[dir.path().to_path_buf()], StdinFormat::Text).map(|r| r.unwrap().id).collect();
        assert_eq!(ids.len(), 2);
        assert!(ids[0].ends_with("b.txt") && ids[1].ends_with("a.txt"));
    }

    #[test]
    fn takes_texts_and_records_handed_over_whole() {
        let e = parse_record(r#"{"id":"a","text":""}"#, "records", None).unwrap_err();
        assert_eq!(e.to_string(), "records: record 'a' has an empty text");
        assert_eq!(text_article(" \n".into(), "left").unwrap_err().to_string(), "left: empty text");
        let a = text_article("\u{feff}Bonjour.".into(), "left").unwrap();
        assert_eq!((a.id.as_str(), a.text.as_str(), a.origin.as_str()), ("left", "Bonjour.", "left"));
    }

    #[test]
    fn dates_need_four_digit_years() {
        assert_eq!(parse_date("2024-05-07"), NaiveDate::from_ymd_opt(2024, 5, 7));
        assert_eq!(parse_date("2024-05-07T08:00:00+02:00"), NaiveDate::from_ymd_opt(2024, 5, 7));
        for bad in ["24-05-07", "2024-5-7", "2024-05-07x", "07-05-2024", "2024-13-01", ""] {
            assert_eq!(parse_date(bad), None, "{bad}");
        }
    }

    #[test]
    fn rejects_bad_record_fields() {
        let e = parse_record(r#"{"id":"a","text":"x","lang":"de"}"#, "f.jsonl", Some(1)).unwrap_err();
        assert!(e.message.contains("unsupported language"));
        let e = parse_record(r#"{"id":"a","text":"x","published":"May 6"}"#, "f.jsonl", Some(2)).unwrap_err();
        assert!(e.message.contains("not a YYYY-MM-DD date"));
        let e = parse_record(r#"{"id":"a","text":"   "}"#, "f.jsonl", Some(2)).unwrap_err();
        assert!(e.message.contains("empty text"));
        let ok = parse_record(r#"{"id":"a","text":"x","published":"2014-01-15T10:00:00Z","extra":1}"#, "f", Some(1));
        assert_eq!(ok.unwrap().published, NaiveDate::from_ymd_opt(2014, 1, 15));
    }
}
