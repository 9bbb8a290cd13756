"""The Spark job of examples/spark_dedup.py, run in local mode: the same pairs as `newsalign dedup`.

Skipped when pyspark, a Java runtime or the evaluation kit (../shared/eval) is missing.
"""

import json
import os
import shutil
import subprocess
import sys

import pytest

from conftest import ROOT, eval_dir, run_json

EVAL = eval_dir()
pytestmark = [
    pytest.mark.skipif(EVAL is None, reason="evaluation kit not found (../shared/eval)"),
    pytest.mark.skipif(shutil.which("java") is None and not os.environ.get("JAVA_HOME"), reason="no Java runtime"),
]
pyspark = pytest.importorskip("pyspark")
sys.path.insert(0, os.path.join(ROOT, "python", "examples"))
import spark_dedup  # noqa: E402


@pytest.fixture(scope="module")
def spark():
    session = spark_dedup.session("local[2]", partitions=4)
    yield session
    session.stop()


def pairs(report):
    return {(p["a"], p["b"], p["relation"], p["score"]) for p in report["pairs"]}


def check_same_as_cli(spark, cli, corpus):
    report, bad, _ = spark_dedup.dedup(spark, corpus)
    want = run_json(cli, "dedup", corpus, "--format", "json")
    assert bad == 0
    assert pairs(report) == pairs(want)
    assert report == want
    return report


def test_spark_job_finds_the_pairs_of_newsalign_dedup_on_dedup_dev(spark, cli):
    report = check_same_as_cli(spark, cli, os.path.join(EVAL, "data", "dedup-dev", "corpus.jsonl"))
    with open(os.path.join(EVAL, "data", "dedup-dev", "gold.json"), encoding="utf-8") as f:
        gold = {frozenset((p["a"], p["b"])) for p in json.load(f)["pairs"]}
    assert {frozenset((p["a"], p["b"])) for p in report["pairs"]} == gold


def test_spark_job_finds_the_pairs_of_newsalign_dedup_on_a_generated_corpus(spark, cli, tmp_path):
    source = os.path.join(EVAL, "data", "newstest2014-dev.tsv")
    if not os.path.isfile(source):
        pytest.skip("no newstest2014-dev.tsv in the evaluation kit")
    subprocess.run(
        [sys.executable, os.path.join(EVAL, "make_dedup.py"), "--src", source, "--split", "dev", "--seed", "4",
         "--scale", "1500", "--out", str(tmp_path)],
        check=True, capture_output=True,
    )
    check_same_as_cli(spark, cli, str(tmp_path / "corpus.jsonl"))
