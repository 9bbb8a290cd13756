"""On the evaluation kit's dev sets (skipped when the kit is not beside the repository)."""

import json
import os

import pytest

import newsalign
from conftest import eval_dir, read, run, run_json

EVAL = eval_dir()
pytestmark = pytest.mark.skipif(EVAL is None, reason="evaluation kit not found (../shared/eval)")


def test_align_equals_the_cli_on_every_align_dev_pair(cli):
    root = os.path.join(EVAL, "data", "align-dev")
    pairs = sorted(n for n in os.listdir(root) if os.path.isfile(os.path.join(root, n, "fr.txt")))
    assert pairs
    for name in pairs:
        fr, en = (os.path.join(root, name, f) for f in ("fr.txt", "en.txt"))
        got = newsalign.align({"id": fr, "text": read(fr)}, {"id": en, "text": read(en)})
        assert got == run_json(cli, "align", fr, en, "--format", "json"), name


def test_dedup_equals_the_cli_on_dedup_dev(cli):
    corpus = os.path.join(EVAL, "data", "dedup-dev", "corpus.jsonl")
    with open(corpus, encoding="utf-8") as f:
        records = [json.loads(line) for line in f if line.strip()]
    assert newsalign.dedup(records) == run_json(cli, "dedup", corpus, "--format", "json")
    sketches = [json.loads(line) for line in run(cli, "sketch", corpus).splitlines()]
    assert [newsalign.sketch(r) for r in records] == sketches
