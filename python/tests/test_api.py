"""The Python API: every function equals the CLI's JSON for the same input, errors and threads."""

import datetime
import json
import os
import subprocess
import sys
import threading

import pytest

import newsalign
from conftest import ROOT, SAMPLES, read, run, run_json

FR = os.path.join(SAMPLES, "fr.txt")
EN = os.path.join(SAMPLES, "en.txt")


def record(path, **extra):
    return {"id": path, "text": read(path), **extra}


# Articles written for these tests: a story, its translation, a copy with a byline and another story.
STORY_EN = (
    "The council of Lorvennes approved a 12 million euro budget for the Quai Marsal tramway on Thursday. "
    "Mayor Hélène Vasseur said the first trains would run in March 2027. "
    "The line will have 9 stations and carry 18,000 passengers a day. "
    "Opponents in the Verdières district asked for a referendum on the route."
)
STORY_FR = (
    "Le conseil de Lorvennes a approuvé jeudi un budget de 12 millions d'euros pour le tramway du Quai Marsal. "
    "La maire Hélène Vasseur a indiqué que les premières rames circuleraient en mars 2027. "
    "La ligne comptera 9 stations et transportera 18 000 voyageurs par jour. "
    "Des opposants du quartier des Verdières ont demandé un référendum sur le tracé."
)
OTHER_EN = (
    "Storms cut power to 4,300 homes along the Brelande coast on Sunday night. "
    "Crews from the regional grid operator expected to restore supply by Tuesday. "
    "Two ferries between Port Aubel and the islands were cancelled."
)
CORPUS = [
    {"id": "s-en", "text": STORY_EN, "lang": "en"},
    {"id": "other", "text": OTHER_EN},
    {"id": "s-fr", "text": STORY_FR},
    {"id": "s-en-copy", "text": STORY_EN.replace(". ", ".\n\n"), "lang": "en"},
    {"id": "s-en-byline", "text": "By Marc Olin, Lorvennes desk. " + STORY_EN},
]


@pytest.fixture()
def corpus_file(tmp_path):
    path = tmp_path / "corpus.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in CORPUS), encoding="utf-8")
    return str(path)


def test_align_equals_the_cli_report(cli):
    got = newsalign.align(record(FR), record(EN))
    assert got == run_json(cli, "align", FR, EN, "--format", "json")
    assert got["left"]["id"] == FR and got["summary"]


def test_align_of_texts_names_them_left_and_right_and_takes_the_options(cli):
    got = newsalign.align(read(FR), read(EN), published="2025-10-14", lang_left="fr", lang_right="en")
    assert (got["left"]["id"], got["right"]["id"]) == ("left", "right")
    want = run_json(cli, "align", FR, EN, "--format", "json", "--published", "2025-10-14",
                    "--lang-left", "fr", "--lang-right", "en")
    for side in ("left", "right"):
        want[side]["id"] = side
    assert got == want
    assert newsalign.align(read(FR), read(EN), published=datetime.date(2025, 10, 14)) == got


def test_split_and_facts_equal_the_cli_lines(cli):
    want_split = json.loads(run(cli, "split", FR, "--format", "jsonl"))
    assert newsalign.split(record(FR)) == want_split
    assert newsalign.split(read(FR), lang="fr")["sentences"] == want_split["sentences"]
    want_facts = json.loads(run(cli, "facts", EN, "--format", "jsonl", "--published", "2025-10-14"))
    assert newsalign.facts(record(EN), published="2025-10-14") == want_facts
    assert want_facts["facts"], "the sample states facts"


def test_sketch_equals_a_line_of_newsalign_sketch(cli, corpus_file):
    lines = [json.loads(l) for l in run(cli, "sketch", corpus_file).splitlines()]
    assert [newsalign.sketch(r) for r in CORPUS] == lines


def test_dedup_equals_the_cli_report(cli, corpus_file):
    got = newsalign.dedup(iter(CORPUS))
    assert got == run_json(cli, "dedup", corpus_file, "--format", "json")
    assert ["s-en", "s-fr", "s-en-copy", "s-en-byline"] in got["clusters"]
    assert newsalign.dedup(json.dumps(r) for r in CORPUS) == got


def test_verify_equals_dedup_with_sketches_and_candidates(cli, corpus_file, tmp_path):
    sketches = [newsalign.sketch(r) for r in CORPUS]
    assert newsalign.verify(sketches) == newsalign.dedup(CORPUS)
    candidates = [("s-en", "s-fr"), {"a": "s-en-copy", "b": "s-en"}, ("other", "s-fr")]
    sketch_file, cand_file = tmp_path / "s.jsonl", tmp_path / "c.jsonl"
    sketch_file.write_text(run(cli, "sketch", corpus_file), encoding="utf-8")
    cand_file.write_text('{"a":"s-en","b":"s-fr"}\n{"a":"s-en-copy","b":"s-en"}\n{"a":"other","b":"s-fr"}\n')
    want = run_json(cli, "dedup", "--sketches", str(sketch_file), "--candidates", str(cand_file), "--format", "json")
    assert newsalign.verify(sketches, candidates) == want


def test_candidates_equal_emit_candidates(cli, corpus_file, tmp_path):
    sketch_file, cand_file = tmp_path / "s.jsonl", tmp_path / "c.jsonl"
    sketch_file.write_text(run(cli, "sketch", corpus_file), encoding="utf-8")
    run(cli, "dedup", "--sketches", str(sketch_file), "--emit-candidates", str(cand_file), "-o", os.devnull)
    want = [(c["a"], c["b"]) for c in map(json.loads, cand_file.read_text(encoding="utf-8").splitlines())]
    got = newsalign.candidates(newsalign.sketch(r) for r in CORPUS)
    assert sorted(got) == sorted(want)
    assert ("s-en", "s-fr") in got


@pytest.mark.parametrize(
    "call, message",
    [
        (lambda: newsalign.split("  \n "), "text: empty text"),
        (lambda: newsalign.split("Bonjour à tous.", lang="de"), "lang: unsupported language 'de'"),
        (lambda: newsalign.facts("Hello there.", published="May 6"), "published: 'May 6' is not a date"),
        (lambda: newsalign.align("x", {"text": "Hello."}), "right: malformed JSON record: missing field `id`"),
        (lambda: newsalign.sketch({"id": "a", "text": " "}), "record: record 'a' has an empty text"),
        (lambda: newsalign.dedup([CORPUS[0], {"id": "b", "text": "x", "lang": "es"}]),
         "records:2: record 'b': unsupported language 'es'"),
        (lambda: newsalign.dedup([CORPUS[0], CORPUS[0]]), "records:2: an earlier record has the id 's-en'"),
        (lambda: newsalign.verify([newsalign.sketch(CORPUS[0])], [("s-en", "nope")]),
         "candidates:1: candidate pair 's-en'–'nope' names an article that is not among the sketches"),
        (lambda: newsalign.verify(['{"id": "a"}']), "sketches:1: malformed sketch"),
    ],
)
def test_bad_input_raises_input_error_with_the_cli_message(call, message):
    with pytest.raises(newsalign.InputError) as caught:
        call()
    assert isinstance(caught.value, ValueError)
    assert str(caught.value).startswith(message), str(caught.value)
    assert "\n" not in str(caught.value)


def test_the_cli_names_the_same_record_problem(cli, tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "a", "text": " "}\n', encoding="utf-8")
    stderr = subprocess.run([cli, "dedup", str(bad)], capture_output=True, text=True).stderr
    assert "bad.jsonl:1: record 'a' has an empty text" in stderr


def test_wrong_types_raise_type_error():
    with pytest.raises(TypeError):
        newsalign.align(3, "text")
    with pytest.raises(TypeError):
        newsalign.dedup([["not", "a", "record"]])
    with pytest.raises(TypeError):
        newsalign.dedup(5)


def test_threads_align_in_parallel_with_the_same_results():
    left, right = record(FR), record(EN)
    want = newsalign.align(left, right)
    results = [None] * 8

    def work(i):
        results[i] = newsalign.align(left, right)

    threads = [threading.Thread(target=work, args=(i,)) for i in range(len(results))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert all(r == want for r in results)


def test_the_wheel_command_prints_the_cargo_build_report(cli):
    script = os.path.join(os.path.dirname(sys.executable), "newsalign")
    if not os.access(script, os.X_OK):
        pytest.skip("the package's newsalign script is not installed beside this Python")
    for args in (["align", FR, EN], ["align", FR, EN, "--format", "json"], ["--version"]):
        assert run(script, *args) == run(cli, *args)
    missing = subprocess.run([script, "align", "missing.txt", EN], capture_output=True, text=True)
    assert missing.returncode == 2 and "missing.txt: no such file or directory" in missing.stderr


def test_every_function_has_a_docstring_and_a_stub():
    stub = read(os.path.join(ROOT, "python", "newsalign", "__init__.pyi"))
    for name in newsalign.__all__:
        assert getattr(newsalign, name).__doc__, name
        assert f"def {name}(" in stub or f"class {name}(" in stub, name
