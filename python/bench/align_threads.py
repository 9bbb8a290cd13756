#!/usr/bin/env python3
"""Alignment throughput from Python threads, beside one `newsalign align --pairs` process.

Reads every <id>/fr.txt + en.txt pair under DIR, then aligns all of them with `newsalign.align`
from --threads Python threads (the GIL is released while the library works), best of --runs
passes; counts the non-noise sentences of both sides as scripts/align_speed.py does, and runs
`scripts/align_speed.py --batch` for the figure of one CLI process on the same pairs.

    python python/bench/align_threads.py DIR [--threads 4] [--runs 3] [--tool target/release/newsalign]

Prints `py-align-speed <name> threads= pairs= sentences= wall_s= sentences_per_wall_s=`, the CLI's
`align-batch-speed` line, and `ratio=` (Python over CLI, sentences per wall second).
"""
import argparse
import os
import re
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor

import newsalign

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def read_pairs(root):
    pairs = []
    for name in sorted(os.listdir(root)):
        fr, en = (os.path.join(root, name, f) for f in ("fr.txt", "en.txt"))
        if os.path.isfile(fr) and os.path.isfile(en):
            with open(fr, encoding="utf-8") as a, open(en, encoding="utf-8") as b:
                pairs.append(({"id": fr, "text": a.read()}, {"id": en, "text": b.read()}))
    return pairs


def content_sentences(report):
    return sum(1 for side in ("left", "right") for s in report[side]["sentences"] if not s["noise"])


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dir")
    ap.add_argument("--threads", type=int, default=4)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--tool", default=os.environ.get("NEWSALIGN", os.path.join(ROOT, "target/release/newsalign")))
    a = ap.parse_args()
    pairs = read_pairs(a.dir)
    if not pairs:
        sys.exit(f"py-align-speed: {a.dir}: no <id>/fr.txt + <id>/en.txt pairs")
    sentences = sum(content_sentences(newsalign.align(l, r)) for l, r in pairs)
    walls = []
    with ThreadPoolExecutor(a.threads) as pool:
        for _ in range(a.runs):
            start = time.perf_counter()
            list(pool.map(lambda p: newsalign.align(*p), pairs))
            walls.append(time.perf_counter() - start)
    wall = min(walls)
    name = os.path.basename(os.path.normpath(a.dir))
    py_rate = sentences / wall
    print(
        f"py-align-speed {name} threads={a.threads} pairs={len(pairs)} sentences={sentences} "
        f"wall_s={wall:.3f} sentences_per_wall_s={py_rate:.0f}"
    )
    cli = subprocess.run(
        [sys.executable, os.path.join(ROOT, "scripts/align_speed.py"), a.dir, "--batch", "--tool", a.tool,
         "--runs", str(a.runs)],
        capture_output=True, text=True, check=True,
    ).stdout.strip()
    print(cli)
    cli_rate = float(re.search(r"sentences_per_wall_s=(\d+)", cli).group(1))
    print(f"ratio={py_rate / cli_rate:.2f}")


if __name__ == "__main__":
    main()
