#!/usr/bin/env python3
"""Watchword counts over a corpus on Spark: the per-period × term table of `tifa corpus`.

    spark-submit examples/spark/watchwords.py --by year INPUT OUTPUT_DIR
    .venv/bin/python examples/spark/watchwords.py --by year INPUT OUTPUT_DIR   (local mode)

INPUT is JSON Lines or Parquet (a file, a folder or a glob) with a `text` column and a
`date` (string, date or timestamp; missing: the period "undated"); other columns are ignored.
Each partition is counted into a `tifa.CorpusTable` by the executor's one Analyzer (built
once per Python worker and kept, not once per row or per task); the partial tables merge on
the executors, and the driver writes the merged table to OUTPUT_DIR as Parquet, with the
columns, types and rows of `tifa corpus --format parquet` for the same documents.
"""

from __future__ import annotations

import argparse
import glob
import os
import sys
import tempfile
import time
import zipfile
from typing import Dict, Iterable, Iterator, Optional, Tuple

#: One analyzer per Python worker process, per (extra dictionaries, sensitivity).
_ANALYZERS: Dict[Tuple[Tuple[str, ...], str], "object"] = {}


def import_tifa():
    """The tifa module. A wheel shipped with `--py-files` sits on sys.path as a zip file, which
    Python cannot load a native module from: then the wheel is unpacked once into a local
    folder, and imported from there."""
    try:
        import tifa

        return tifa
    except ImportError:
        pass
    wheels = [p for p in sys.path if os.path.basename(p).startswith("tifa-") and p.endswith(".whl")]
    try:
        from pyspark import SparkFiles

        wheels += glob.glob(os.path.join(SparkFiles.getRootDirectory(), "tifa-*.whl"))
    except Exception:
        pass
    for wheel in wheels:
        if not os.path.isfile(wheel):
            continue
        target = os.path.join(tempfile.gettempdir(), "tifa-wheel-" + str(os.stat(wheel).st_size) + "-" + os.path.basename(wheel))
        if not os.path.isdir(os.path.join(target, "tifa")):
            part = target + f".{os.getpid()}"
            with zipfile.ZipFile(wheel) as z:
                z.extractall(part)
            try:
                os.rename(part, target)
            except OSError:
                pass  # another worker unpacked it first
        sys.path.insert(0, target)
        import tifa

        return tifa
    raise ImportError(
        "tifa is not installed on this Python: install the wheel (pip install tifa-*.whl), ship it "
        "with --py-files, or ship an environment that has it (README, 'Spark')"
    )


def analyzer(dictionaries: Tuple[str, ...], sensitivity: str):
    """The worker's analyzer for these settings, built on first use and then reused."""
    key = (dictionaries, sensitivity)
    if key not in _ANALYZERS:
        tifa = import_tifa()
        _ANALYZERS[key] = tifa.Analyzer(extra_dictionary=list(dictionaries) or None, sensitivity=sensitivity)
    return _ANALYZERS[key]


def count_partition(rows: Iterable, settings: dict) -> Iterator[bytes]:
    """One partition's table, as bytes: its documents analysed by the worker's analyzer."""
    tifa = import_tifa()
    table = tifa.CorpusTable(by=settings["by"], terms=settings["terms"], by_form=settings["by_form"])
    left_out = table.add(
        analyzer(settings["dictionaries"], settings["sensitivity"]),
        ((row["date"], row["text"]) for row in rows if row["text"] is not None),
        jobs=settings["jobs"],
    )
    for at, why in left_out:
        print(f"watchwords: a document left out: {why}", file=sys.stderr)
    yield table.to_bytes()


def merge(a: bytes, b: bytes) -> bytes:
    """Two partial tables as one."""
    tifa = import_tifa()
    table = tifa.CorpusTable.from_bytes(a)
    table.merge(tifa.CorpusTable.from_bytes(b))
    return table.to_bytes()


def read_documents(spark, path: str, fmt: Optional[str]):
    """The input as a DataFrame of (date, text), dates as strings."""
    from pyspark.sql import functions as F

    if fmt is None:
        probe = path.rstrip("/")
        fmt = "parquet" if probe.endswith(".parquet") or (
            os.path.isdir(probe) and glob.glob(os.path.join(probe, "*.parquet"))
        ) else "json"
    if fmt == "json":
        # Only the two fields, as strings (a number such as 2021 keeps its digits): no pass over
        # the data to infer a schema.
        return spark.read.schema("date STRING, text STRING").json(path)
    frame = spark.read.parquet(path)
    if "text" not in frame.columns:
        raise SystemExit(f"watchwords: {path}: no `text` column (columns: {', '.join(frame.columns)})")
    date = F.col("date").cast("string") if "date" in frame.columns else F.lit(None).cast("string")
    return frame.select(date.alias("date"), F.col("text").cast("string").alias("text"))


def schema(columns):
    """The Spark schema of the table: text columns as strings, rates as doubles, counts as
    64-bit integers, none nullable (as `tifa corpus --format parquet` writes them)."""
    from pyspark.sql.types import DoubleType, LongType, StringType, StructField, StructType

    def kind(c):
        if c in ("period", "term", "form", "unit"):
            return StringType()
        return DoubleType() if c == "rate" else LongType()

    return StructType([StructField(c, kind(c), nullable=False) for c in columns])


def read_dictionary(path: str) -> str:
    with open(path, encoding="utf-8-sig") as f:
        return f.read()


def parse_args(argv):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("input", help="JSON Lines or Parquet with `text` and `date` (file, folder or glob)")
    p.add_argument("output", help="folder to write the table to, as Parquet (replaced)")
    p.add_argument("--by", choices=["day", "month", "year", "all"], default="year", help="period length")
    p.add_argument("--terms", help="count only these entry ids and categories (comma-separated)")
    p.add_argument("--by-form", action="store_true", help="count each form of a term apart")
    p.add_argument("--sensitivity", choices=["strict", "default", "all"], default="default")
    p.add_argument("--dict", action="append", default=[], dest="dictionaries", metavar="FILE",
                   help="extra dictionary (read on the driver; the executors get its text)")
    p.add_argument("--format", choices=["json", "parquet"], help="input format (default: by the name)")
    p.add_argument("--partitions", type=int, help="repartition the input into N parts first")
    p.add_argument("--master", help="Spark master when run without spark-submit (default local[*])")
    return p.parse_args(argv)


def main(argv=None) -> int:
    args = parse_args(argv)
    tifa = import_tifa()
    # Checked before Spark starts: a bad --by or dictionary stops the job with the CLI's message.
    try:
        empty = tifa.CorpusTable(by=args.by, terms=args.terms, by_form=args.by_form)
        tifa.Analyzer(extra_dictionary=args.dictionaries or None, sensitivity=args.sensitivity)
    except tifa.TifaError as e:
        print(f"watchwords: {e}", file=sys.stderr)
        return 2
    settings = {
        "by": args.by,
        "terms": args.terms,
        "by_form": args.by_form,
        "sensitivity": args.sensitivity,
        # The texts, not the paths: the executors need no copy of the files.
        "dictionaries": tuple(read_dictionary(p) for p in args.dictionaries),
    }

    from pyspark.sql import SparkSession

    if "PYSPARK_GATEWAY_PORT" not in os.environ:
        # Started by python, not spark-submit: the workers run on this machine, with this Python
        # (which has tifa), unless PYSPARK_PYTHON says otherwise.
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    builder = SparkSession.builder.appName("tifa watchwords")
    if args.master:
        # Without it: spark-submit's --master, or local[*] when run by python directly.
        builder = builder.master(args.master)
    spark = builder.getOrCreate()
    try:
        # Spark runs one task per core: each task counts on the cores it was given.
        settings["jobs"] = int(spark.conf.get("spark.task.cpus", "1"))
        docs = read_documents(spark, args.input, args.format)
        if args.partitions:
            docs = docs.repartition(args.partitions)
        parts = docs.rdd.mapPartitions(lambda rows: count_partition(rows, settings))
        # Merged pairwise on the executors; an input without documents gives the empty table.
        started = time.perf_counter()
        merged = parts.treeAggregate(empty.to_bytes(), merge, merge)
        counting = time.perf_counter() - started
        table = tifa.CorpusTable.from_bytes(merged)
        rows = [tuple(r[c] for c in table.columns) for r in table.rows()]
        out = spark.createDataFrame(rows, schema(table.columns)).coalesce(1)
        out.write.mode("overwrite").parquet(args.output)
        print(f"watchwords: {table.documents} documents counted in {counting:.1f} s (reading included), "
              f"{len(rows)} rows → {args.output}", file=sys.stderr)
        if table.documents == 0:
            print(f"watchwords: no document with a `text` in {args.input}", file=sys.stderr)
    finally:
        spark.stop()
    return 0

if __name__ == "__main__":
    sys.exit(main())
