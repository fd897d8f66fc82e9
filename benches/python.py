#!/usr/bin/env python3
"""Benchmark of the Python binding and the Spark job (make bench; README "Python", "Spark").

1. Python overhead per call against the native CLI on the same texts (tests/samples/*.txt):
   the CLI's time per text is the slope of `tifa annotate --format json` over the samples
   repeated R and 4R times (process start and dictionary load cancel out); the binding's is
   the median of `analyze`, `spans` and `count` calls in one process.
2. Spark in local mode on 200,000 generated documents: documents per second per core of the
   job's counting stage (reading, analysing, merging; the job reports its time, so the JVM's
   start, planning and writing are left out and reported apart), for local[1] and local[2],
   against `tifa corpus --jobs 1` on the same file; and a projection for 10 million documents.

0. `tifa.Analyzer()`'s start: the median of 7 fresh processes (the import left out).

Usage: .venv/bin/python benches/python.py [TIFA_BIN] [RUNS] [SPARK_RUNS]
       (default target/release/tifa, 3 runs of each call, 1 Spark run per size: each takes
       minutes; 0 leaves the Spark part out)
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

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
sys.path.insert(0, os.path.join(ROOT, "scripts"))
make_corpus = __import__("make-corpus")

import tifa  # noqa: E402


def median_time(fn, runs):
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def per_call(fn, texts, runs):
    """Median seconds per text of fn(text) over every text, RUNS times."""
    return median_time(lambda: [fn(t) for t in texts], runs) / len(texts)


def analyzer_start(runs=7):
    """Seconds `tifa.Analyzer()` takes in each of RUNS fresh Python processes, the import of
    tifa left out: what a script or a Spark worker pays once."""
    code = "import time, tifa; t0 = time.perf_counter(); tifa.Analyzer(); print(time.perf_counter() - t0)"
    return [float(subprocess.run([sys.executable, "-c", code], check=True, capture_output=True,
                                 text=True).stdout) for _ in range(runs)]


def cli_per_text(tifa_bin, files, reps, runs):
    """Seconds per text of `tifa annotate --format json`: the slope between reps and 4 × reps."""
    def run(n):
        args = [tifa_bin, "annotate", "--format", "json", *(files * n)]
        # Opened for writing only: the CLI refuses a standard output that is /dev/null opened
        # for reading and writing (subprocess.DEVNULL), the mark of a closed one.
        with open(os.devnull, "wb") as sink:
            return median_time(lambda: subprocess.run(args, stdout=sink, check=True), runs)

    small, large = run(reps), run(4 * reps)
    return (large - small) / (3 * reps * len(files)), small


def write_corpus(path, n):
    """n dated documents from the test corpus's generator (as benches/corpus.py writes them)."""
    rng = random.Random(n)
    with open(path, "w", encoding="utf-8") as f:
        for i in range(n):
            year = 2018 + i % 7
            text, _ = make_corpus.document(rng, year, "zh" if i % 3 == 0 else "en")
            f.write(json.dumps({"id": f"d{i}", "date": f"{year}-06-01", "text": text}, ensure_ascii=False) + "\n")


def spark_run(path, out, cores):
    """(seconds in all, seconds counting) of one run of the job: the job reports how long its
    counting stage took (reading the input, analysing, merging)."""
    job = [sys.executable, os.path.join(ROOT, "examples", "spark", "watchwords.py"),
           "--master", f"local[{cores}]", "--partitions", str(2 * cores), path, out]
    t0 = time.perf_counter()
    run = subprocess.run(job, check=True, capture_output=True, text=True)
    total = time.perf_counter() - t0
    counting = float(re.search(r"counted in ([0-9.]+) s", run.stderr).group(1))
    return total, counting


def cli_corpus_seconds(tifa_bin, path, runs):
    args = [tifa_bin, "corpus", path, "--jobs", "1", "--output", os.devnull]
    return median_time(lambda: subprocess.run(args, check=True, capture_output=True), runs)


def main():
    tifa_bin = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "target", "release", "tifa")
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    spark_runs = int(sys.argv[3]) if len(sys.argv) > 3 else 1
    samples = sorted(os.path.join(ROOT, "tests", "samples", f) for f in os.listdir(os.path.join(ROOT, "tests", "samples")) if f.endswith(".txt"))
    texts = [open(f, encoding="utf-8").read() for f in samples]
    size = sum(len(t.encode()) for t in texts) / len(texts)

    starts = analyzer_start()
    print(f"python: Analyzer() builds in {1000 * statistics.median(starts):.1f} ms (median of "
          f"{len(starts)} fresh processes; {1000 * min(starts):.1f}–{1000 * max(starts):.1f} ms)")
    a = tifa.Analyzer()

    cli, start = cli_per_text(tifa_bin, samples, 50, runs)
    calls = {
        "analyze (dict)": per_call(a.analyze, texts * 20, runs),
        "spans": per_call(a.spans, texts * 20, runs),
        "count([text])": per_call(lambda t: a.count([t], jobs=1), texts * 20, runs),
        "count(batch), 1 thread": median_time(lambda: a.count(texts * 200, jobs=1), runs) / (len(texts) * 200),
        f"count(batch), {os.cpu_count()} threads": median_time(lambda: a.count(texts * 200), runs) / (len(texts) * 200),
    }
    print(f"python: {len(texts)} sample texts, {size / 1024:.1f} KiB each on average; medians of {runs} runs")
    print(f"python: native CLI `tifa annotate --format json`: {1e6 * cli:,.0f} µs per text "
          f"(process start and dictionary: {1000 * start / 1:.0f} ms per run of {50 * len(texts)} texts)")
    for name, secs in calls.items():
        print(f"python: {name:<24} {1e6 * secs:>8,.0f} µs per text, {secs / cli:5.2f}x the CLI, "
              f"overhead {1e6 * (secs - cli):+,.0f} µs")

    if spark_runs == 0:
        return
    with tempfile.TemporaryDirectory() as tmp:
        n = 200_000
        path = os.path.join(tmp, "corpus.jsonl")
        write_corpus(path, n)
        mib = os.path.getsize(path) / 2**20
        native = cli_corpus_seconds(tifa_bin, path, runs)
        print(f"spark: {n:,} generated documents ({mib:.0f} MiB); baseline `tifa corpus --jobs 1`: "
              f"{n / native:,.0f} documents/s on one core (median of {runs})")
        per_core = {}
        for cores in (1, 2):
            timings = [spark_run(path, os.path.join(tmp, f"out-{cores}"), cores) for _ in range(spark_runs)]
            total = statistics.median(t for t, _ in timings)
            counting = statistics.median(c for _, c in timings)
            per_core[cores] = n / counting / cores
            print(f"spark: local[{cores}]: {total:.1f} s in all, counting {counting:.1f} s: {n / counting:,.0f} documents/s, "
                  f"{per_core[cores]:,.0f} per core ({per_core[cores] * native / n:.2f}x the CLI's one core); "
                  f"start, planning and writing {total - counting:.1f} s")
        # The slower per-core rate of the two (two workers share this machine's memory bandwidth).
        rate = min(per_core.values())
        mib_rate = rate * mib / n
        print(f"spark: per core {rate:,.0f} documents/s of {1024 * mib / n:.2f} KiB, {mib_rate:.2f} MiB/s")
        for executors, cores in ((10, 4), (50, 4), (100, 8)):
            like_these = 10_000_000 / (rate * executors * cores)
            articles = 10_000_000 * 5 / 1024 / (mib_rate * executors * cores)  # 5 KiB each
            print(f"spark: projection on {executors} executors × {cores} cores, counting only (add start-up): "
                  f"10 million documents like these {like_these:,.0f} s; 10 million 5 KiB articles "
                  f"{articles / 60:,.1f} min")

if __name__ == "__main__":
    main()
