#!/usr/bin/env python3
"""Benchmark of `tifa corpus` (make bench): documents per second and MiB/s on one core and on
all cores, for 10,000 and 100,000 generated documents, peak memory, and whether the cost grows
linearly with the number of documents (the time ratio of 100,000 to 10,000 documents, ~10 if
linear), and the Parquet write time: the per-document table written as Parquet against the same
table as CSV. Medians of RUNS runs.

Usage: benches/corpus.py [TIFA_BIN] [RUNS]   (default target/release/tifa, 3)
"""
import json
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "scripts"))
make_corpus = __import__("make-corpus")


def write_corpus(path, n):
    """n documents from the test corpus's generator (same prose and phrases), cycling years."""
    rng = random.Random(n)
    size = 0
    with open(path, "w", encoding="utf-8") as f:
        for i in range(n):
            year = 2018 + i % 7
            lang = "zh" if i % 3 == 0 else "en"
            text, _ = make_corpus.document(rng, year, lang)
            line = json.dumps({"id": f"d{i}", "date": f"{year}-06-01", "text": text}, ensure_ascii=False)
            size += len(line.encode())
            f.write(line + "\n")
    return size


def run(tifa, path, jobs, extra=(), output=os.devnull):
    """(seconds, peak RSS in MiB) of one run."""
    args = ["/usr/bin/time", "-v", tifa, "corpus", path, *extra, "--output", output]
    if jobs:
        args += ["--jobs", str(jobs)]
    t0 = time.perf_counter()
    out = subprocess.run(args, capture_output=True, text=True, check=True)
    secs = time.perf_counter() - t0
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", out.stderr).group(1)) / 1024
    return secs, rss


def parquet_write(tifa, path, tmp, runs):
    """The per-document table of one corpus as CSV and as Parquet, on one core: the difference
    is what writing Parquet costs (the counting is the same)."""
    secs = {}
    for fmt in ("csv", "parquet"):
        out = os.path.join(tmp, f"table.{fmt}")
        extra = ("--per-document", "--format", fmt)
        secs[fmt] = statistics.median(run(tifa, path, 1, extra, out)[0] for _ in range(runs))
        size = os.path.getsize(out)
        if fmt == "csv":
            with open(out, encoding="utf-8") as f:
                rows = sum(1 for _ in f) - 1
        print(f"tifa corpus --per-document --format {fmt:<7} ({rows:,} rows, {size / 2**20:.1f} MiB): median {secs[fmt]:.2f} s")
    print(f"tifa corpus: Parquet write time, per-document table of {rows:,} rows: "
          f"{secs['parquet'] - secs['csv']:+.2f} s against CSV ({secs['parquet'] / secs['csv']:.2f}x the CSV run)")


def main():
    tifa = sys.argv[1] if len(sys.argv) > 1 else "target/release/tifa"
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    cores = os.cpu_count() or 1
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        for n in (10_000, 100_000):
            path = os.path.join(tmp, f"corpus-{n}.jsonl")
            size = write_corpus(path, n)
            for jobs, label in ((1, "1 core"), (0, f"{cores} cores")):
                timings = [run(tifa, path, jobs) for _ in range(runs)]
                secs = statistics.median(t for t, _ in timings)
                rss = max(r for _, r in timings)
                results[(n, jobs)] = secs
                print(f"tifa corpus, {n:>7,} documents ({size / 2**20:.1f} MiB), {label:>8}: median {secs:.2f} s, "
                      f"{n / secs:,.0f} documents/s, {size / 2**20 / secs:.1f} MiB/s, peak memory {rss:.0f} MiB")
            if n == 100_000:
                parquet_write(tifa, path, tmp, runs)
    for jobs, label in ((1, "1 core"), (0, f"{cores} cores")):
        ratio = results[(100_000, jobs)] / results[(10_000, jobs)]
        print(f"tifa corpus, {label}: 100,000 / 10,000 documents time ratio {ratio:.1f} (10 = linear)")
    print(f"tifa corpus, all cores / 1 core speed-up at 100,000 documents: {results[(100_000, 1)] / results[(100_000, 0)]:.2f}x")


if __name__ == "__main__":
    main()
