"""The Spark job (examples/spark/watchwords.py) in local mode on two cores: its table is
exactly `tifa corpus --format parquet`'s for the same documents and flags."""

import json
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


@pytest.mark.parametrize("fmt,flags", [r[1:] for r in RUNS], ids=[r[0] for r in RUNS])
def test_spark_job_table_is_the_cli_table(tmp_path, fmt, flags):
    source = CORPUS
    if fmt == "parquet":
        source = tmp_path / "corpus.parquet"
        as_parquet(CORPUS, source)
    out = tmp_path / "out"
    job = subprocess.run(
        [sys.executable, str(JOB), "--master", "local[2]", "--partitions", "4", *flags, str(source), str(out)],
        capture_output=True, text=True, cwd=ROOT,
    )
    assert job.returncode == 0, job.stderr[-4000:]
    cli_out = tmp_path / "cli.parquet"
    run_cli("corpus", str(CORPUS), *flags, "--format", "parquet", "--output", str(cli_out))
    got, want = pq.read_table(out), pq.read_table(cli_out)
    assert shape(got) == shape(want)
    assert got.to_pylist() == want.to_pylist()
    assert got.num_rows > 0
    assert "364 documents" in job.stderr
