#!/usr/bin/env python3
"""End-to-end alignment throughput, whole processes timed, as the evaluation kit runs the tool.

Runs `newsalign align DIR/<id>/fr.txt DIR/<id>/en.txt --format json` once per pair directory
under DIR, counts the non-noise sentences of both sides in the reports, and times the processes
alone (no shell): their CPU time (user + system, from wait4) and the wall-clock time of the
loop. Each figure is the best of --runs passes, which keeps a loaded machine's noise out of it.

With --batch, one process aligns every pair of DIR instead: `newsalign align --pairs MANIFEST
--format json`, the manifest listing the pairs (written to a temporary folder), as a corpus job
would run it.

    python3 scripts/align_speed.py DIR [DIR...] [--tool target/release/newsalign] [--runs 3] [--batch]

Prints one line per DIR: `align-speed <name> pairs= sentences= cpu_s= wall_s=
sentences_per_cpu_s= sentences_per_wall_s=` (`align-batch-speed ...` with --batch).
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import time


def pairs_in(root):
    """The pair directories under root that hold both fr.txt and en.txt, in name order."""
    names = sorted(os.listdir(root))
    paths = [os.path.join(root, n) for n in names]
    return [p for p in paths if os.path.isfile(os.path.join(p, "fr.txt")) and os.path.isfile(os.path.join(p, "en.txt"))]


def command(tool, pair):
    return [tool, "align", os.path.join(pair, "fr.txt"), os.path.join(pair, "en.txt"), "--format", "json"]


def content_sentences(report):
    return sum(1 for side in ("left", "right") for s in report[side]["sentences"] if not s["noise"])


def batch_command(tool, manifest):
    return [tool, "align", "--pairs", manifest, "--format", "json"]


def write_manifest(folder, pairs):
    """A JSON Lines manifest of the pairs, with absolute paths."""
    path = os.path.join(folder, "pairs.jsonl")
    with open(path, "w", encoding="utf-8") as out:
        for pair in pairs:
            fr, en = (os.path.abspath(os.path.join(pair, name)) for name in ("fr.txt", "en.txt"))
            out.write(json.dumps({"left": fr, "right": en}) + "\n")
    return path


def run_timed(cmd):
    """Runs one process, output discarded: its CPU seconds (user + system, from wait4)."""
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        sys.exit(f"align-speed: {' '.join(cmd)} exited with {code}")
    return usage.ru_utime + usage.ru_stime


def timed_pass(commands):
    """One run of every command in turn: (CPU seconds of the processes, wall seconds of the loop)."""
    start = time.perf_counter()
    cpu = sum(run_timed(cmd) for cmd in commands)
    return cpu, time.perf_counter() - start


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dirs", nargs="+", help="directories of <id>/fr.txt + <id>/en.txt pairs")
    ap.add_argument("--tool", default=os.environ.get("NEWSALIGN", "target/release/newsalign"))
    ap.add_argument("--runs", type=int, default=3, help="passes over the pairs; the best is printed")
    ap.add_argument("--batch", action="store_true", help="one process for all the pairs (align --pairs)")
    a = ap.parse_args()
    folder = tempfile.TemporaryDirectory()
    for root in a.dirs:
        pairs = pairs_in(root)
        if not pairs:
            sys.exit(f"align-speed: {root}: no <id>/fr.txt + <id>/en.txt pairs")
        sentences = 0
        for pair in pairs:
            out = subprocess.run(command(a.tool, pair), capture_output=True, check=True)
            sentences += content_sentences(json.loads(out.stdout))
        if a.batch:
            commands = [batch_command(a.tool, write_manifest(folder.name, pairs))]
        else:
            commands = [command(a.tool, pair) for pair in pairs]
        passes = [timed_pass(commands) for _ in range(a.runs)]
        cpu = min(p[0] for p in passes)
        wall = min(p[1] for p in passes)
        name = os.path.basename(os.path.normpath(root))
        label = "align-batch-speed" if a.batch else "align-speed"
        print(
            f"{label} {name} pairs={len(pairs)} sentences={sentences} cpu_s={cpu:.3f} wall_s={wall:.3f} "
            f"sentences_per_cpu_s={sentences / cpu:.0f} sentences_per_wall_s={sentences / wall:.0f}"
        )


if __name__ == "__main__":
    main()
