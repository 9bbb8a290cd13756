#!/usr/bin/env python3
"""newsalign dedup on Spark: the map, the join and the verification of docs/dedup.md.

    python spark_dedup.py CORPUS.jsonl [-o report.json] [--master local[2]] [--partitions N]

1. Map: every partition of JSONL records is sketched by the newsalign package
   (`newsalign.sketch` inside `mapPartitions`), on the executors.
2. Join: exact copies share (lang, exact) and near copies a band key, joined in Spark (a
   bucket's members are all paired, or paired with its first member when it is large);
   translation candidates come from the sentence links, a corpus-wide step over all sketches
   that the library does on the driver (`newsalign.candidates`, as
   `newsalign dedup --sketches --emit-candidates`), of which the cross-language pairs are kept.
3. Verify on the driver: `newsalign.verify(sketches, candidates)`, the same as
   `newsalign dedup --sketches --candidates`, re-scores every candidate with the rules of the
   one-process run and reports the pairs and clusters.

The report (the JSON of `newsalign dedup --format json`) goes to standard output or -o FILE.
Records newsalign cannot read are reported on standard error and left out, as the CLI does;
the exit status is then 2. Given `dedup CORPUS --format json` (as the evaluation kit calls a
tool) it answers the same.
"""

import argparse
import json
import sys
import time

# As the one-process band join (src/dedup/lsh.rs): above this many members, a bucket is paired
# as a star around its first member.
STAR_BUCKET = 48


def sketch_partition(rows):
    """The map: (position, JSONL record) -> (position, id, lang, exact, bands, sketch line)."""
    import newsalign

    for line, pos in rows:
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            sketch = newsalign.sketch(record)
        except (ValueError, TypeError) as e:  # newsalign.InputError is a ValueError
            print(f"spark_dedup: error: record {pos + 1}: {e}", file=sys.stderr)
            yield (pos, None, None, None, None, None)
            continue
        yield (pos, sketch["id"], sketch["lang"], sketch.get("exact"), sketch.get("bands", []), json.dumps(sketch))


def bucket_pairs(members):
    """Candidate pairs of one bucket of (position, id): all pairs, or a star when it is large."""
    members = sorted(members)
    if len(members) > STAR_BUCKET:
        return [(members[0], m) for m in members[1:]]
    return [(x, y) for n, x in enumerate(members) for y in members[n + 1:]]


def candidates(sketches, lines_in_order):
    """The join: candidate pairs (a, b) of ids."""
    from pyspark.sql import functions as F

    import newsalign

    member = F.struct("pos", "id")
    exact = sketches.where(F.col("exact").isNotNull()).groupBy("lang", "exact").agg(F.collect_list(member).alias("m"))
    bands = sketches.select(member.alias("x"), F.explode("bands").alias("band"))
    near = bands.groupBy("band").agg(F.collect_list("x").alias("m"))
    buckets = exact.select("m").union(near.select("m")).where(F.size("m") > 1)
    pairs = set(buckets.rdd.flatMap(lambda row: [(x.id, y.id) for x, y in bucket_pairs(row.m)]).collect())
    # Translations: the sentence links are corpus-wide (docs/dedup.md), made by the library.
    lang = {r.id: r.lang for r in sketches.select("id", "lang").collect()}
    pairs.update((a, b) for a, b in newsalign.candidates(lines_in_order) if lang[a] != lang[b])
    return sorted(pairs)


def session(master="local[2]", partitions=4):
    """A local Spark session whose Python workers run this interpreter (which has newsalign)."""
    import os

    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    from pyspark.sql import SparkSession

    spark = (SparkSession.builder.master(master).appName("newsalign-dedup")
             .config("spark.ui.enabled", "false")
             .config("spark.ui.showConsoleProgress", "false")
             .config("spark.sql.shuffle.partitions", str(partitions))
             .getOrCreate())
    spark.sparkContext.setLogLevel("ERROR")
    # The map's functions live in this file: shipped to the workers, so that they unpickle when
    # the job is imported as a module too (in __main__, they travel by value).
    spark.sparkContext.addPyFile(os.path.abspath(__file__))
    return spark


def dedup(spark, corpus, partitions=4):
    """The whole job on a JSONL corpus: (the dedup report, number of records left out)."""
    from pyspark.sql import types as T

    import newsalign

    schema = T.StructType([
        T.StructField("pos", T.LongType()), T.StructField("id", T.StringType()),
        T.StructField("lang", T.StringType()), T.StructField("exact", T.StringType()),
        T.StructField("bands", T.ArrayType(T.StringType())), T.StructField("line", T.StringType()),
    ])
    lines = spark.sparkContext.textFile(corpus, partitions).zipWithIndex()
    sketched = spark.createDataFrame(lines.mapPartitions(sketch_partition), schema).cache()
    bad = sketched.where("id IS NULL").count()
    sketches = sketched.where("id IS NOT NULL")
    # Sketches in input order on the driver (pairs and clusters are listed in it).
    lines_in_order = [r.line for r in sketches.select("pos", "line").orderBy("pos").collect()]
    pairs = candidates(sketches, lines_in_order)
    report = newsalign.verify(lines_in_order, pairs)
    sketched.unpersist()
    return report, bad, len(pairs)


def main():
    argv = sys.argv[1:]
    if argv[:1] == ["dedup"]:  # called as a tool: `spark_dedup.py dedup CORPUS --format json`
        argv = argv[1:]
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", help="JSONL article records")
    ap.add_argument("-o", "--output", help="write the report here instead of standard output")
    ap.add_argument("--format", choices=["json"], default="json")
    ap.add_argument("--master", default="local[2]")
    ap.add_argument("--partitions", type=int, default=4)
    a = ap.parse_args(argv)
    spark = session(a.master, a.partitions)
    start = time.perf_counter()
    report, bad, candidate_count = dedup(spark, a.corpus, a.partitions)
    seconds = time.perf_counter() - start
    spark.stop()
    text = json.dumps(report, ensure_ascii=False, indent=2) + "\n"
    if a.output:
        with open(a.output, "w", encoding="utf-8") as out:
            out.write(text)
    else:
        sys.stdout.write(text)
    print(f"spark_dedup: {candidate_count} candidate pairs, {len(report['pairs'])} pairs, "
          f"{len(report['clusters'])} clusters, {bad} records left out, {seconds:.1f} s", file=sys.stderr)
    sys.exit(2 if bad else 0)


if __name__ == "__main__":
    main()
