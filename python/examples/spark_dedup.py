#!/usr/bin/env python3
"""newsalign dedup on Spark: the map, the join and the verification of docs/dedup.md.

    python spark_dedup.py CORPUS.jsonl [-o report.json] [--master local[2]] [--partitions N]

1. Map: every partition of JSONL records is sketched by the newsalign package
   (`newsalign.sketch` inside `mapPartitions`), on the executors.
2. Join, in Spark: exact copies share (lang, exact); near copies share a band key (a bucket's
   members are all paired, or paired with its first member when it is large); translation
   candidates share anchor keys seen in both languages and rare enough to be probed, each article
   keeping its few best partners by summed idf over its rarest keys.
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

# Mirrors of the one-process candidate search (src/dedup/lsh.rs, src/dedup/translate.rs).
STAR_BUCKET = 48  # above this many members, a bucket is paired as a star around its first member
PROBE_KEYS = 24  # anchors an article probes with: its rarest
CANDIDATES_PER_ARTICLE = 6  # partners kept per article, by summed idf of the probed keys
MIN_MAX_POSTINGS = 64  # keys held by more than max(this, N / 500) articles are not probed


def sketch_partition(rows):
    """The map: (position, JSONL record) -> (position, id, lang, exact, bands, anchors, sketch line)."""
    import newsalign

    for line, pos in rows:
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            sketch = newsalign.sketch(record)
        except (ValueError, TypeError) as e:  # newsalign.InputError is a ValueError
            print(f"spark_dedup: error: record {pos + 1}: {e}", file=sys.stderr)
            yield (pos, None, None, None, None, None, None)
            continue
        anchors = sorted({k for sentence in sketch.get("anchors", []) for k in sentence})
        yield (pos, sketch["id"], sketch["lang"], sketch.get("exact"), sketch.get("bands", []), anchors,
               json.dumps(sketch))


def bucket_pairs(members):
    """Candidate pairs of one bucket of (position, id): all pairs, or a star when it is large."""
    members = sorted(members)
    if len(members) > STAR_BUCKET:
        return [(members[0], m) for m in members[1:]]
    return [(x, y) for n, x in enumerate(members) for y in members[n + 1:]]


def candidates(spark, sketches, n):
    """The join: candidate pairs (a, b) of ids, a before b in input order."""
    from pyspark.sql import Window
    from pyspark.sql import functions as F

    member = F.struct("pos", "id")
    exact = sketches.where(F.col("exact").isNotNull()).groupBy("lang", "exact").agg(F.collect_list(member).alias("m"))
    bands = sketches.select(member.alias("x"), F.explode("bands").alias("band"))
    near = bands.groupBy("band").agg(F.collect_list("x").alias("m"))
    buckets = exact.select("m").union(near.select("m")).where(F.size("m") > 1)
    pairs = buckets.rdd.flatMap(lambda row: [(x.pos, x.id, y.pos, y.id) for x, y in bucket_pairs(row.m)])

    # Translations: anchors in both languages; idf = ln(1 + N / df); probe the rarest keys of each
    # article among those held by few enough articles, sum their idf per partner of the other
    # language, keep the best partners.
    anchors = sketches.select("pos", "id", "lang", F.explode("anchors").alias("key"))
    df = (anchors.groupBy("key")
          .agg(F.countDistinct("lang").alias("langs"), F.count("*").alias("df"))
          .where(F.col("langs") == 2)
          .withColumn("idf", F.log(1 + F.lit(float(n)) / F.col("df"))))
    probed = df.where(F.col("df") <= max(MIN_MAX_POSTINGS, n // 500)).select("key", "idf")
    held = anchors.join(probed, "key")
    rank = Window.partitionBy("pos").orderBy(F.desc("idf"), "key")
    probes = held.withColumn("r", F.row_number().over(rank)).where(F.col("r") <= PROBE_KEYS)
    shared = (probes.alias("p").join(held.alias("h"), "key")
              .where(F.col("p.lang") != F.col("h.lang"))
              .groupBy(F.col("p.pos").alias("i"), F.col("p.id").alias("i_id"),
                       F.col("h.pos").alias("j"), F.col("h.id").alias("j_id"))
              .agg(F.sum("p.idf").alias("w")))
    best = Window.partitionBy("i").orderBy(F.desc("w"), "j")
    kept = shared.withColumn("r", F.row_number().over(best)).where(F.col("r") <= CANDIDATES_PER_ARTICLE)
    translations = kept.select("i", "i_id", "j", "j_id").rdd.map(tuple)

    def ordered(p):
        i, a, j, b = p
        return (a, b) if i < j else (b, a)

    return pairs.union(translations).map(ordered).distinct().collect()


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
        T.StructField("bands", T.ArrayType(T.StringType())), T.StructField("anchors", T.ArrayType(T.StringType())),
        T.StructField("line", T.StringType()),
    ])
    lines = spark.sparkContext.textFile(corpus, partitions).zipWithIndex()
    sketched = spark.createDataFrame(lines.mapPartitions(sketch_partition), schema).cache()
    bad = sketched.where("id IS NULL").count()
    sketches = sketched.where("id IS NOT NULL")
    n = sketches.count()
    pairs = candidates(spark, sketches, n)
    # Verification on the driver, sketches in input order (pairs and clusters are listed in it).
    lines_in_order = [r.line for r in sketches.select("pos", "line").orderBy("pos").collect()]
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
