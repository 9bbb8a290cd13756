//! `newsalign._native`: the newsalign library for Python.
//!
//! Every function takes plain Python values, runs the same library calls as the command line
//! (with the GIL released, so threads run in parallel) and returns the CLI's JSON report parsed
//! by Python's `json` module, so a result equals what `newsalign … --format json` prints. A bad
//! input raises `newsalign.InputError` (a `ValueError`) with the CLI's one-line message; a panic
//! is caught at the boundary and raised as a `RuntimeError`.
//!
//! The wheel's `newsalign` command is the CLI itself: `src/cmd` (the binary's module tree) is
//! compiled into this extension and run by [`run_cli`].

use newsalign::align::AlignOptions;
use newsalign::compare::SeverityRules;
use newsalign::dedup::{self as dd, record, Sketch};
use newsalign::pipeline::{self, AlignedPair};
use newsalign::report::align::AlignReport;
use newsalign::{Article, Lang};
use pyo3::exceptions::{PyRuntimeError, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyString, PyTuple};
use std::collections::HashMap;

#[path = "../../src/cmd/mod.rs"]
mod cmd;

/// The allocator of the `newsalign` binary (see src/main.rs), for the same speed.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

pyo3::create_exception!(
    newsalign,
    InputError,
    PyValueError,
    "An input newsalign cannot use (empty text, bad record, unknown language, bad date...): the \
     message is the command line's one-line error."
);

/// Python's `json.dumps` and `json.loads`, looked up once.
fn json_fn<'py>(py: Python<'py>, name: &str) -> PyResult<Bound<'py, PyAny>> {
    static DUMPS: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
    static LOADS: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
    let cell = if name == "dumps" { &DUMPS } else { &LOADS };
    let f = cell.get_or_try_init(py, || py.import("json")?.getattr(name).map(Bound::unbind))?;
    Ok(f.bind(py).clone())
}

/// A report (one JSON document) as Python objects.
fn loads(py: Python<'_>, json: &str) -> PyResult<Py<PyAny>> {
    Ok(json_fn(py, "loads")?.call1((json,))?.unbind())
}

/// A mapping as one JSON line, for the library's record parsers.
fn dumps(value: &Bound<'_, PyAny>) -> PyResult<String> {
    let dumps = json_fn(value.py(), "dumps")?;
    let kwargs = PyDict::new(value.py());
    kwargs.set_item("ensure_ascii", false)?;
    dumps.call((value,), Some(&kwargs))?.extract()
}

fn input_error(e: newsalign::InputError) -> PyErr {
    InputError::new_err(e.to_string())
}

/// Runs library work with the GIL released; an input problem becomes `InputError`, a panic a
/// `RuntimeError` (never a `PanicException` that `except Exception` would not catch).
fn run<T: Send>(py: Python<'_>, work: impl FnOnce() -> Result<T, PyErrLater> + Send) -> PyResult<T> {
    let outcome = py.detach(|| std::panic::catch_unwind(std::panic::AssertUnwindSafe(work)));
    match outcome {
        Ok(Ok(value)) => Ok(value),
        Ok(Err(PyErrLater::Input(e))) => Err(input_error(e)),
        Ok(Err(PyErrLater::Value(m))) => Err(InputError::new_err(m)),
        Err(panic) => {
            let what = panic
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown panic".into());
            Err(PyRuntimeError::new_err(format!("newsalign: internal error: {what}")))
        }
    }
}

/// An error made while the GIL is released, raised once it is held again.
enum PyErrLater {
    Input(newsalign::InputError),
    Value(String),
}

impl From<newsalign::InputError> for PyErrLater {
    fn from(e: newsalign::InputError) -> Self {
        PyErrLater::Input(e)
    }
}

/// An article given as a text (`name` is then its id) or as a record mapping (CONTRACT.md fields).
fn article(value: &Bound<'_, PyAny>, name: &str) -> PyResult<Article> {
    if let Ok(text) = value.cast::<PyString>() {
        newsalign::read::text_article(text.extract::<String>()?, name).map_err(input_error)
    } else if value.cast::<PyDict>().is_ok() || value.hasattr("keys")? {
        newsalign::read::parse_record(&dumps(value)?, name, None).map_err(input_error)
    } else {
        Err(PyTypeError::new_err(format!(
            "{name}: expected the article's text (str) or a record (dict with id and text), got {}",
            value.get_type().name()?
        )))
    }
}

/// A record mapping as a JSON line, or a type error naming its position.
fn record_json(value: &Bound<'_, PyAny>, origin: &str, line: usize) -> PyResult<String> {
    if value.cast::<PyString>().is_ok() {
        return value.extract();
    }
    if value.cast::<PyDict>().is_ok() || value.hasattr("keys")? {
        return dumps(value);
    }
    Err(PyTypeError::new_err(format!(
        "{origin}:{line}: expected a record (dict) or a JSON line (str), got {}",
        value.get_type().name()?
    )))
}

fn lang_arg(flag: &str, value: Option<&str>) -> PyResult<Option<Lang>> {
    value.map(|s| s.parse::<Lang>().map_err(|e| InputError::new_err(format!("{flag}: {e}")))).transpose()
}

/// `published=`: a `YYYY-MM-DD` string, or a `datetime.date`/`datetime` (its ISO form).
fn date_arg(value: Option<&Bound<'_, PyAny>>) -> PyResult<Option<chrono::NaiveDate>> {
    let Some(value) = value.filter(|v| !v.is_none()) else { return Ok(None) };
    let s: String = match value.extract::<String>() {
        Ok(s) => s,
        Err(_) => value.call_method0("isoformat")?.extract()?,
    };
    newsalign::read::parse_date(&s)
        .map(Some)
        .ok_or_else(|| InputError::new_err(format!("published: '{s}' is not a date: use YYYY-MM-DD, e.g. 2024-05-06")))
}

/// align(left, right, *, published=None, lang_left=None, lang_right=None)
/// --
///
/// Aligns the sentences of two versions of a story and compares their facts.
///
/// `left` and `right` are each an article's text (its id is then "left" / "right") or a record
/// dict (`id`, `text`, and optionally `lang`, `published`, `title`, `url`). `published`
/// (YYYY-MM-DD or a date) is the reference for relative dates of an article without one;
/// `lang_left` / `lang_right` ("fr" or "en") apply when an article states no language, which is
/// otherwise detected.
///
/// Returns the report of `newsalign align --format json` as a dict. Raises InputError on bad input.
#[pyfunction]
#[pyo3(signature = (left, right, *, published=None, lang_left=None, lang_right=None))]
fn align(
    py: Python<'_>,
    left: &Bound<'_, PyAny>,
    right: &Bound<'_, PyAny>,
    published: Option<&Bound<'_, PyAny>>,
    lang_left: Option<&str>,
    lang_right: Option<&str>,
) -> PyResult<Py<PyAny>> {
    let (left, right) = (article(left, "left")?, article(right, "right")?);
    let published = date_arg(published)?;
    let (lang_left, lang_right) = (lang_arg("lang_left", lang_left)?, lang_arg("lang_right", lang_right)?);
    let json = run(py, move || {
        let left = pipeline::analyze(left, &pipeline::Options { lang: lang_left, published })?;
        let right = pipeline::analyze(right, &pipeline::Options { lang: lang_right, published })?;
        let pair = AlignedPair::new(left, right, &AlignOptions::default(), &SeverityRules::default());
        Ok(AlignReport::of(&pair, "defaults").to_json())
    })?;
    loads(py, &json)
}

/// split(text, *, lang=None)
/// --
///
/// Cleans an article and splits it into sentences, marking boilerplate as noise.
///
/// `text` is the article's text (its id is then "text") or a record dict. `lang` ("fr" or "en")
/// applies when the article states no language, which is otherwise detected.
///
/// Returns one line of `newsalign split --format jsonl` as a dict: id, lang, sentences (start and
/// end byte offsets into the UTF-8 text, text, noise). Raises InputError on bad input.
#[pyfunction]
#[pyo3(signature = (text, *, lang=None))]
fn split(py: Python<'_>, text: &Bound<'_, PyAny>, lang: Option<&str>) -> PyResult<Py<PyAny>> {
    let article = article(text, "text")?;
    let lang = lang_arg("lang", lang)?;
    let json = run(py, move || {
        let doc = pipeline::prepare(article, &pipeline::Options { lang, published: None })?;
        Ok(newsalign::report::split::json_line(&doc))
    })?;
    loads(py, &json)
}

/// facts(text, *, lang=None, published=None)
/// --
///
/// Extracts the numbers, dates and named entities of an article, with cross-language keys.
///
/// `text` is the article's text (its id is then "text") or a record dict. `lang` ("fr" or "en")
/// applies when the article states no language; `published` (YYYY-MM-DD or a date) when it has no
/// publication date (the reference for "lundi", "last week").
///
/// Returns one line of `newsalign facts --format jsonl` as a dict: id, lang, facts. Raises
/// InputError on bad input.
#[pyfunction]
#[pyo3(signature = (text, *, lang=None, published=None))]
fn facts(
    py: Python<'_>,
    text: &Bound<'_, PyAny>,
    lang: Option<&str>,
    published: Option<&Bound<'_, PyAny>>,
) -> PyResult<Py<PyAny>> {
    let article = article(text, "text")?;
    let lang = lang_arg("lang", lang)?;
    let published = date_arg(published)?;
    let json = run(py, move || {
        let analysis = pipeline::analyze(article, &pipeline::Options { lang, published })?;
        Ok(newsalign::report::facts::json_line(&analysis))
    })?;
    loads(py, &json)
}

/// sketch(record)
/// --
///
/// The dedup sketch of one article: the map step of a distributed dedup (docs/dedup.md).
///
/// `record` is a dict with `id` and `text` (and optionally `lang`, `published`, `title`, `url`).
/// Returns one line of `newsalign sketch` as a dict (id, lang, exact, bands, and the other fields
/// of the sketch format; 64-bit keys are hex strings). Raises InputError on bad input.
#[pyfunction]
fn sketch(py: Python<'_>, record: &Bound<'_, PyAny>) -> PyResult<Py<PyAny>> {
    let article = article(record, "record")?;
    let json = run(py, move || {
        let sketch = dd::sketch_article(article, &pipeline::Options::default(), dd::Anchors::default())?;
        Ok(record::to_json_line(&sketch))
    })?;
    loads(py, &json)
}

/// Pairs are named by id, so two records with one id are an error (the CLI leaves the second out).
fn check_unique_ids(sketches: &[Sketch], origin: &str) -> Result<(), PyErrLater> {
    let mut seen = std::collections::HashSet::new();
    for (n, s) in sketches.iter().enumerate() {
        if !seen.insert(s.id.as_str()) {
            return Err(PyErrLater::Value(format!("{origin}:{}: an earlier record has the id '{}'", n + 1, s.id)));
        }
    }
    Ok(())
}

/// dedup(records)
/// --
///
/// Finds exact copies, near copies and translations in a corpus, on all cores.
///
/// `records` is an iterable of record dicts (`id`, `text`, and optionally `lang`, `published`,
/// `title`, `url`) or of their JSON lines (str). Returns the report of
/// `newsalign dedup --format json` as a dict: {"pairs": [{"a", "b", "relation", "score"}],
/// "clusters": [[id, ...]]}. Raises InputError on the first bad record (named "records:N", N
/// counted from 1) and when two records have the same id.
#[pyfunction]
fn dedup(py: Python<'_>, records: &Bound<'_, PyAny>) -> PyResult<Py<PyAny>> {
    let mut lines = Vec::new();
    for (n, value) in records.try_iter()?.enumerate() {
        lines.push(record_json(&value?, "records", n + 1)?);
    }
    let json = run(py, move || {
        use rayon::prelude::*;
        let sketches: Vec<Sketch> = lines
            .into_par_iter()
            .enumerate()
            .map(|(n, line)| {
                let article = newsalign::read::parse_record(&line, "records", Some(n + 1))?;
                dd::sketch_article(article, &pipeline::Options::default(), dd::Anchors::default())
            })
            .collect::<Result<_, _>>()?;
        check_unique_ids(&sketches, "records")?;
        Ok(newsalign::report::dedup::json(&dd::find(&sketches, &dd::Options::default())))
    })?;
    loads(py, &json)
}

/// verify(sketches, candidates=None)
/// --
///
/// The verification step of a distributed dedup (docs/dedup.md): `newsalign dedup --sketches`
/// (with `--candidates` when `candidates` is given) on sketches made by `sketch`.
///
/// `sketches` is an iterable of sketch dicts (or their JSON lines); `candidates` an iterable of
/// id pairs, as `(a, b)` tuples or `{"a": ..., "b": ...}` dicts, e.g. from a join on band and
/// anchor keys. Without candidates the whole corpus is searched, as `dedup` does. Returns the
/// dedup report as a dict. Raises InputError on a bad sketch, a repeated id, or a candidate
/// naming an id that is not among the sketches.
#[pyfunction]
#[pyo3(signature = (sketches, candidates=None))]
fn verify(py: Python<'_>, sketches: &Bound<'_, PyAny>, candidates: Option<&Bound<'_, PyAny>>) -> PyResult<Py<PyAny>> {
    let mut lines = Vec::new();
    for (n, value) in sketches.try_iter()?.enumerate() {
        lines.push(record_json(&value?, "sketches", n + 1)?);
    }
    let mut pairs = Vec::new();
    if let Some(candidates) = candidates.filter(|c| !c.is_none()) {
        for (n, value) in candidates.try_iter()?.enumerate() {
            let value = value?;
            let pair: (String, String) = if let Ok(d) = value.cast::<PyDict>() {
                let get = |k: &str| -> PyResult<String> {
                    d.get_item(k)?
                        .ok_or_else(|| InputError::new_err(format!("candidates:{}: no '{k}' id", n + 1)))?
                        .extract()
                };
                (get("a")?, get("b")?)
            } else if let Ok(t) = value.extract::<Bound<'_, PyTuple>>() {
                t.extract()?
            } else {
                value.extract().map_err(|_| {
                    PyTypeError::new_err(format!("candidates:{}: expected an (a, b) pair of ids or a dict", n + 1))
                })?
            };
            pairs.push(pair);
        }
    }
    let with_candidates = candidates.is_some_and(|c| !c.is_none());
    let json = run(py, move || {
        let sketches = parse_sketches(lines)?;
        check_unique_ids(&sketches, "sketches")?;
        let opts = dd::Options::default();
        let report = if with_candidates {
            let index: HashMap<&str, u32> =
                sketches.iter().enumerate().map(|(i, s)| (s.id.as_str(), i as u32)).collect();
            let mut indices = Vec::with_capacity(pairs.len());
            for (n, (a, b)) in pairs.iter().enumerate() {
                match (index.get(a.as_str()), index.get(b.as_str())) {
                    (Some(&i), Some(&j)) => indices.push((i.min(j), i.max(j))),
                    _ => {
                        return Err(PyErrLater::Value(format!(
                            "candidates:{}: candidate pair '{a}'–'{b}' names an article that is not among the sketches",
                            n + 1
                        )))
                    }
                }
            }
            indices.sort_unstable();
            indices.dedup();
            dd::verify_candidates(&sketches, &indices, &opts)
        } else {
            dd::find(&sketches, &opts)
        };
        Ok(newsalign::report::dedup::json(&report))
    })?;
    loads(py, &json)
}

/// candidates(sketches)
/// --
///
/// The candidate pairs a one-process dedup of these sketches verifies: same exact hash, a shared
/// near-copy band, or a shared band of the sentence links (translations, a corpus-wide step):
/// what `newsalign dedup --sketches --emit-candidates` writes. Returns `(a, b)` id pairs, `a`
/// before `b` in the order given. Raises InputError on a bad sketch or a repeated id.
#[pyfunction]
fn candidates(py: Python<'_>, sketches: &Bound<'_, PyAny>) -> PyResult<Vec<(String, String)>> {
    let mut lines = Vec::new();
    for (n, value) in sketches.try_iter()?.enumerate() {
        lines.push(record_json(&value?, "sketches", n + 1)?);
    }
    run(py, move || {
        let sketches = parse_sketches(lines)?;
        check_unique_ids(&sketches, "sketches")?;
        let pairs = dd::candidates(&sketches, &dd::Options::default());
        let id = |i: u32| sketches[i as usize].id.clone();
        Ok(pairs.into_iter().map(|(i, j)| (id(i), id(j))).collect())
    })
}

/// Sketch JSON lines parsed in parallel; a bad one is named by its position.
fn parse_sketches(lines: Vec<String>) -> Result<Vec<Sketch>, PyErrLater> {
    use rayon::prelude::*;
    lines
        .into_par_iter()
        .enumerate()
        .map(|(n, line)| {
            record::from_json_line(&line)
                .map_err(|m| PyErrLater::Input(newsalign::InputError::at_line("sketches", n + 1, m)))
        })
        .collect()
}

/// run_cli(argv)
/// --
///
/// Runs the newsalign command line with `argv` (program name first) and returns its exit status:
/// what the wheel's `newsalign` script calls.
#[pyfunction]
fn run_cli(py: Python<'_>, argv: Vec<String>) -> i32 {
    use clap::Parser;
    let cli = match cmd::Cli::try_parse_from(argv) {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return e.exit_code();
        }
    };
    cli.color.apply();
    py.detach(|| cli.command.run())
}

#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("InputError", m.py().get_type::<InputError>())?;
    m.add_function(wrap_pyfunction!(align, m)?)?;
    m.add_function(wrap_pyfunction!(split, m)?)?;
    m.add_function(wrap_pyfunction!(facts, m)?)?;
    m.add_function(wrap_pyfunction!(sketch, m)?)?;
    m.add_function(wrap_pyfunction!(dedup, m)?)?;
    m.add_function(wrap_pyfunction!(verify, m)?)?;
    m.add_function(wrap_pyfunction!(candidates, m)?)?;
    m.add_function(wrap_pyfunction!(run_cli, m)?)?;
    Ok(())
}
