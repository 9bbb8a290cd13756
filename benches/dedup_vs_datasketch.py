#!/usr/bin/env python3
"""Near-copy dedup speed: `newsalign dedup` against datasketch's MinHashLSH, same corpus, same run.

Usage: python3 benches/dedup_vs_datasketch.py CORPUS.jsonl [--newsalign BIN] [--num-perm 128]
           [--threshold 0.5] [--translations]

datasketch (https://pypi.org/project/datasketch/) is the reference Python implementation of
MinHash LSH. It does not look for translations, so by default newsalign runs with
--no-translations and both do the same job: 3-word shingles of each record's lower-cased words,
a MinHash signature per record, an LSH index, and a query per record for its near copies. The
datasketch side uses its fastest documented path (`MinHash.bulk` over all records, then
`MinHashLSH.insertion_session`). With --translations, newsalign's full run (exact, near copies
and translations) is timed as well.

Both are timed in wall-clock and CPU seconds, reading the corpus included; the machine's load
average is printed before and after, since wall-clock figures mean little on a busy machine
(datasketch runs on one core, newsalign on all of them: on a machine of two idle cores the wall
speed-up is about the CPU speed-up times two).

Install datasketch in a virtual environment:
    python3 -m venv /tmp/ds && /tmp/ds/bin/pip install datasketch
    /tmp/ds/bin/python benches/dedup_vs_datasketch.py corpus.jsonl --newsalign target/release/newsalign
"""
import argparse
import json
import os
import re
import resource
import subprocess
import sys
import time

WORD = re.compile(r"\w+")


def shingles(text):
    words = WORD.findall(text.lower())
    if len(words) < 3:
        return {" ".join(words).encode()}
    return {" ".join(words[i:i + 3]).encode() for i in range(len(words) - 2)}


def run_datasketch(path, num_perm, threshold):
    from datasketch import MinHash, MinHashLSH

    start, cpu = time.perf_counter(), time.process_time()
    ids, sets = [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            ids.append((rec["id"], rec.get("lang")))
            text = (rec.get("title") or "") + "\n" + rec.get("text", "")
            sets.append(list(shingles(text)))
    sigs = MinHash.bulk(sets, num_perm=num_perm)
    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
    with lsh.insertion_session() as session:
        for (rid, _), sig in zip(ids, sigs):
            session.insert(rid, sig)
    pairs = set()
    for (rid, lang), sig in zip(ids, sigs):
        for other in lsh.query(sig):
            if other != rid:
                pairs.add((min(rid, other), max(rid, other)))
    return len(ids), time.perf_counter() - start, time.process_time() - cpu, len(pairs)


def run_newsalign(binary, path, translations):
    cmd = [binary, "dedup", path, "--format", "json", "-o", os.devnull]
    if not translations:
        cmd.append("--no-translations")
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(cmd, check=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus")
    ap.add_argument("--newsalign", default="target/release/newsalign")
    ap.add_argument("--num-perm", type=int, default=128)
    ap.add_argument("--threshold", type=float, default=0.5)
    ap.add_argument("--translations", action="store_true", help="also time newsalign's full run")
    args = ap.parse_args()
    print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    near, near_cpu = run_newsalign(args.newsalign, args.corpus, False)
    n, ds_secs, ds_cpu, ds_pairs = run_datasketch(args.corpus, args.num_perm, args.threshold)
    full = run_newsalign(args.newsalign, args.corpus, True) if args.translations else None
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print(f"records={n}")
    print(f"datasketch MinHashLSH (num_perm={args.num_perm}, threshold={args.threshold}): "
          f"secs={ds_secs:.2f} cpu_secs={ds_cpu:.2f} records_per_s={n / ds_secs:.0f} candidate_pairs={ds_pairs}")
    print(f"newsalign dedup --no-translations: secs={near:.2f} cpu_secs={near_cpu:.2f} records_per_s={n / near:.0f}")
    if full is not None:
        print(f"newsalign dedup (with translations): secs={full[0]:.2f} cpu_secs={full[1]:.2f} "
              f"records_per_s={n / full[0]:.0f}")
    print(f"speedup_wall={ds_secs / near:.1f}x speedup_cpu={ds_cpu / near_cpu:.1f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
