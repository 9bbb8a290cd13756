#!/usr/bin/env python3
"""A digest of everything the scorers read from a build, to show that a refactoring changes nothing.

Runs the evaluation kit's scorers (all but the timed ones) and the sample pair in every report
format through a wrapper around TOOL that records, for every invocation, its arguments, the
SHA-256 of its standard output and its exit status. Temporary paths are normalised, so two runs of
the same build give the same lines. Writes the sorted lines to OUT and prints one digest; compare
two builds with `diff` of their OUT files.

    python3 scripts/behaviour_digest.py --tool target/release/newsalign --out /tmp/before.digest

Needs the evaluation kit beside the repository (`../shared/eval`).
"""
import argparse
import hashlib
import os
import stat
import subprocess
import sys
import tempfile

WRAPPER = r'''#!/usr/bin/env python3
import hashlib, re, subprocess, sys
TMP = re.compile(rb"/tmp/[A-Za-z0-9_.-]+/")
args = sys.argv[1:]
p = subprocess.run([{real!r}] + args, capture_output=True)
key = " ".join(TMP.sub(b"TMP/", a.encode()).decode() for a in args)
digest = hashlib.sha256(TMP.sub(b"TMP/", p.stdout)).hexdigest()
with open({log!r}, "a", encoding="utf-8") as log:
    log.write(f"{{key}}\t{{digest}}\t{{p.returncode}}\n")
sys.stdout.buffer.write(p.stdout)
sys.stderr.buffer.write(p.stderr)
sys.exit(p.returncode)
'''


def scorer_runs(eval_dir):
    """The scorer command lines, as `.ci/score` runs them, without the timed ones."""
    data = os.path.join(eval_dir, "data")
    py = sys.executable
    segment = sorted(os.path.join(data, "segment-dev", n) for n in os.listdir(os.path.join(data, "segment-dev")) if n.endswith(".json"))
    extract = sorted(os.path.join(data, "extract-dev", n) for n in os.listdir(os.path.join(data, "extract-dev")) if n.endswith(".jsonl"))
    return [
        [py, f"{eval_dir}/score_segment.py", "--cases", *segment],
        [py, f"{eval_dir}/score_extract.py", "--cases", *extract],
        [py, f"{eval_dir}/score_seeds.py"],
        [py, f"{eval_dir}/score_align.py", "--data", f"{data}/align-dev"],
        [py, f"{eval_dir}/score_align.py", "--data", f"{data}/align-novels-dev"],
        [py, f"{eval_dir}/score_align.py", "--data", f"{data}/parallel-dev"],
        [py, f"{eval_dir}/score_divergence.py", "--data", f"{data}/divergence-dev"],
        [py, f"{eval_dir}/score_real.py"],
        [py, f"{eval_dir}/score_clean.py"],
        [py, f"{eval_dir}/score_refresd.py"],
        [py, f"{eval_dir}/score_ud_segment.py"],
        [py, f"{eval_dir}/score_extract.py", "--cases", f"{data}/timebank-fr-dev/fr_timebank_dev.jsonl"],
        [py, f"{eval_dir}/score_dedup.py", "--data", f"{data}/dedup-dev"],
        [py, ".ci/score_check.py", f"{data}/divergence-dev"],
    ]


def sample_runs(wrapper):
    """The sample pair in every report format, and its facts."""
    runs = [[wrapper, "align", "data/samples/fr.txt", "data/samples/en.txt", "--format", f] for f in ("json", "text", "markdown", "html")]
    runs += [[wrapper, "facts", f"data/samples/{s}.txt", "--format", "json"] for s in ("fr", "en")]
    return runs


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--tool", default="target/release/newsalign")
    ap.add_argument("--eval", default="../shared/eval")
    ap.add_argument("--out", required=True, help="file for the sorted invocation lines")
    a = ap.parse_args()
    if not os.path.isdir(a.eval):
        sys.exit(f"behaviour-digest: {a.eval}: evaluation kit not found")
    with tempfile.TemporaryDirectory() as tmp:
        log = os.path.join(tmp, "calls.log")
        wrapper = os.path.join(tmp, "newsalign")
        with open(wrapper, "w", encoding="utf-8") as f:
            f.write(WRAPPER.format(real=os.path.abspath(a.tool), log=log))
        os.chmod(wrapper, os.stat(wrapper).st_mode | stat.S_IEXEC)
        env = dict(os.environ, NEWSALIGN=wrapper)
        for cmd in scorer_runs(a.eval):
            p = subprocess.run(cmd + ["--tool", wrapper] if "score_check" not in cmd[1] else cmd, env=env, capture_output=True, text=True)
            tail = (p.stdout.strip().splitlines() or [""])[-1]
            print(f"{os.path.basename(cmd[1]):24} {tail}", file=sys.stderr)
        for cmd in sample_runs(wrapper):
            subprocess.run(cmd, env=env, capture_output=True)
        with open(log, encoding="utf-8") as f:
            lines = sorted(f.read().splitlines())
    with open(a.out, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    whole = hashlib.sha256("\n".join(lines).encode()).hexdigest()
    print(f"behaviour-digest calls={len(lines)} sha256={whole}")


if __name__ == "__main__":
    main()
