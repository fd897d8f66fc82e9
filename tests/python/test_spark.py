"""The Spark job (examples/spark/watchwords.py) in local mode on two cores: its table is
exactly `tifa corpus --format parquet`'s for the same documents and flags."""

import json
import pathlib
import subprocess
import sys

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from conftest import CORPUS, ROOT, run_cli

JOB = ROOT / "examples" / "spark" / "watchwords.py"

# (name, input format, flags for both the job and `tifa corpus`)
RUNS = [
    ("jsonl_by_year", "jsonl", ["--by", "year"]),
    ("parquet_dates_by_month_and_form", "parquet", ["--by", "month", "--by-form"]),
]


def as_parquet(src, dst):
    """The JSON Lines corpus as Parquet, dates as a date column (as archives often store them)."""
    with open(src, encoding="utf-8") as f:
        docs = [json.loads(line) for line in f if line.strip()]
    table = pa.table({
        "id": [d["id"] for d in docs],
        "date": pa.array([d.get("date") for d in docs], pa.string()).cast(pa.date32()),
        "text": [d["text"] for d in docs],
    })
    pq.write_table(table, dst)


def shape(table):
    return [(f.name, str(f.type)) for f in table.schema]


# Both runs in one Python process, one after the other: the job's `main` twice, so the JVM (which
# PySpark starts with the first SparkSession and keeps when it is stopped) starts once. Each run
# still builds its own session on local[2] and stops it, as a spark-submit of the job would. The
# job's file is run as a script is (runpy, under a name no module has), so its functions reach
# the Python workers by value, as a submitted script's do, not as an import the workers lack.
DRIVER = """
import json, runpy, sys
job = runpy.run_path(sys.argv[1], run_name="watchwords_job")
for name, argv in json.loads(sys.argv[2]):
    print(f"\\n@@tifa-run {name}", file=sys.stderr, flush=True)
    code = job["main"](argv)
    print(f"\\n@@tifa-exit {name} {code}", file=sys.stderr, flush=True)
"""


@pytest.fixture(scope="module")
def spark_runs(tmp_path_factory):
    """{run name: (exit code, its part of the standard error, output folder)} of every RUNS job."""
    tmp = tmp_path_factory.mktemp("spark")
    jobs = []
    for name, fmt, flags in RUNS:
        source = CORPUS
        if fmt == "parquet":
            source = tmp / f"{name}.parquet"
            as_parquet(CORPUS, source)
        out = tmp / f"{name}.out"
        jobs.append((name, ["--master", "local[2]", "--partitions", "4", *flags, str(source), str(out)]))
    run = subprocess.run(
        [sys.executable, "-c", DRIVER, str(JOB), json.dumps(jobs)],
        capture_output=True, text=True, cwd=ROOT,
    )
    results = {}
    for name, _ in jobs:
        start = run.stderr.find(f"@@tifa-run {name}\n")
        end = run.stderr.find(f"@@tifa-exit {name} ", start)
        assert start >= 0 and end >= 0, f"the job {name} did not finish (exit {run.returncode}):\n{run.stderr[-4000:]}"
        code = int(run.stderr[end:].split("\n", 1)[0].split()[-1])
        results[name] = (code, run.stderr[start:end], tmp / f"{name}.out")
    return results


@pytest.mark.parametrize("name,flags", [(r[0], r[2]) for r in RUNS], ids=[r[0] for r in RUNS])
def test_spark_job_table_is_the_cli_table(tmp_path, spark_runs, name, flags):
    code, stderr, out = spark_runs[name]
    assert code == 0, stderr[-4000:]
    cli_out = tmp_path / "cli.parquet"
    run_cli("corpus", str(CORPUS), *flags, "--format", "parquet", "--output", str(cli_out))
    got, want = pq.read_table(out), pq.read_table(cli_out)
    assert shape(got) == shape(want)
    assert got.to_pylist() == want.to_pylist()
    assert got.num_rows > 0
    assert "364 documents counted" in stderr


def test_a_wheel_on_sys_path_is_unpacked_and_imported(tmp_path):
    """What `spark-submit --py-files tifa-….whl` gives an executor: the wheel itself on sys.path
    (a zip, from which Python cannot load the native module). The job unpacks it once and
    imports tifa from there. Run by the base interpreter, which has no tifa installed."""
    wheels = sorted((ROOT / "target" / "wheels").glob("tifa-*.whl"))
    assert wheels, "no wheel in target/wheels: run `make python`"
    base = pathlib.Path(sys.base_prefix) / "bin" / "python3"
    code = (
        "import importlib.util, sys\n"
        "assert importlib.util.find_spec('tifa') is None, 'this interpreter has tifa installed'\n"
        f"sys.path.insert(0, {str(JOB.parent)!r}); sys.path.append({str(wheels[-1])!r})\n"
        "import watchwords\n"
        "tifa = watchwords.import_tifa()\n"
        "print(tifa.__file__); print(tifa.Analyzer().spans('两个维护'))\n"
    )
    env = {"PATH": "/usr/bin:/bin", "TMPDIR": str(tmp_path)}
    run = subprocess.run([str(base), "-I", "-c", code], capture_output=True, text=True, env=env)
    assert run.returncode == 0, run.stderr
    where, spans = run.stdout.splitlines()
    assert where.startswith(str(tmp_path))
    assert spans == "[(0, 4, 'two-upholds')]"


def test_a_bad_dictionary_stops_the_job_before_spark_starts(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text("[[term]]\nid = 3\n", encoding="utf-8")
    cli = run_cli("annotate", "--dict", str(bad), str(CORPUS), check=False)
    job = subprocess.run(
        [sys.executable, str(JOB), "--dict", str(bad), str(CORPUS), str(tmp_path / "out")],
        capture_output=True, text=True, cwd=ROOT,
    )
    assert job.returncode == 2
    assert job.stderr == cli.stderr.replace("tifa: ", "watchwords: ", 1)
    assert not (tmp_path / "out").exists()
