#!/usr/bin/env python3
"""Scores `newsalign check` on a divergence set used as a corpus (each story's fr.txt and en.txt).

Runs the check without a baseline and compares each pair's verdict with the set's gold.json: a
pair should fail exactly when its story has planted mutations. Then writes a baseline, checks
again with it, and says whether that run passes. Prints one line:
  pairs=N stories=M right=K/N unpaired=U baseline_pass=yes|no
"""
import glob
import json
import os
import subprocess
import sys
import tempfile

data = sys.argv[1]
tool = os.environ.get("NEWSALIGN", "target/release/newsalign")
planted = {
    os.path.basename(os.path.dirname(g)): len(json.load(open(g, encoding="utf-8")).get("mutations", []))
    for g in glob.glob(os.path.join(data, "*", "gold.json"))
}
run = subprocess.run([tool, "check", data, "--format", "json"], capture_output=True, text=True)
if run.returncode not in (0, 1):
    sys.exit(f"check exited {run.returncode}: {run.stderr.strip()[-300:]}")
report = json.loads(run.stdout)


def story(path_pair):
    left, right = path_pair.split(" <> ")
    a, b = (os.path.basename(os.path.dirname(p)) for p in (left, right))
    return a if a == b else None


right = 0
seen = set()
for pair in report["pairs"]:
    s = story(pair["id"])
    seen.add(s)
    right += s is not None and pair["failed"] == (planted.get(s, 0) > 0)
with tempfile.TemporaryDirectory() as tmp:
    baseline = os.path.join(tmp, "baseline.json")
    subprocess.run([tool, "check", data, "--write-baseline", baseline], capture_output=True, check=True)
    again = subprocess.run([tool, "check", data, "--baseline", baseline], capture_output=True, text=True)
print(f"pairs={len(report['pairs'])} stories={len(planted)} right={right}/{len(report['pairs'])} "
      f"unpaired={len(set(planted) - seen)} baseline_pass={'yes' if again.returncode == 0 else 'no'}")
