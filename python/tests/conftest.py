"""Shared fixtures: the repository, the CLI to compare with, and the evaluation kit when present."""

import json
import os
import shutil
import subprocess

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SAMPLES = os.path.join(ROOT, "data", "samples")


def eval_dir():
    """The evaluation kit beside the repository (../shared/eval), or $NEWSALIGN_EVAL; None when absent."""
    path = os.environ.get("NEWSALIGN_EVAL", os.path.join(ROOT, "..", "shared", "eval"))
    return path if os.path.isdir(os.path.join(path, "data")) else None


@pytest.fixture(scope="session")
def cli():
    """The newsalign command to compare with: $NEWSALIGN, else the cargo build, else the wheel's command."""
    for tool in (os.environ.get("NEWSALIGN"), os.path.join(ROOT, "target", "release", "newsalign")):
        if tool and os.access(tool, os.X_OK):
            return tool
    tool = shutil.which("newsalign")
    if tool is None:
        pytest.skip("no newsalign command")
    return tool


def run(tool, *args, check=True):
    """Runs the command; its standard output as text."""
    return subprocess.run([tool, *args], capture_output=True, text=True, check=check).stdout


def run_json(tool, *args):
    return json.loads(run(tool, *args))


def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()
