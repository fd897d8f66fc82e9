"""The step log of `make` (scripts/step-shell.sh) and its summary (scripts/step-times.py).

`make test` prints the summary at its end; the cold run's figures in the README come from it.
"""

import doctest
import importlib.util
import os
import pathlib
import subprocess

import pytest

# Not conftest's ROOT: these tests need no tifa wheel.
ROOT = pathlib.Path(__file__).resolve().parents[2]

SHELL = str(ROOT / "scripts" / "step-shell.sh")


def step_times():
    spec = importlib.util.spec_from_file_location("step_times", ROOT / "scripts" / "step-times.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_step_times_doc_examples():
    failed, tried = doctest.testmod(step_times())
    assert tried > 0 and failed == 0


# (name, recipe line, exit status, lines logged)
SHELL_CASES = [
    ("a line that succeeds", "true", 0, 1),
    ("a line that fails keeps its status", "exit 3", 3, 1),
    ("a multi-line recipe is logged on one line", "echo a\necho b", 0, 1),
]


@pytest.mark.parametrize("name,line,status,logged", SHELL_CASES, ids=[c[0] for c in SHELL_CASES])
def test_step_shell_runs_the_line_and_logs_it(tmp_path, name, line, status, logged):
    log = tmp_path / "steps.tsv"
    env = {**os.environ, "TIFA_STEP_LOG": str(log)}
    got = subprocess.run([SHELL, "-eu", "-o", "pipefail", "-c", line], env=env, capture_output=True)
    assert got.returncode == status, name
    rows = step_times().parse(log.read_text(encoding="utf-8").splitlines())
    assert len(rows) == logged, name
    assert rows[0].status == status and rows[0].end >= rows[0].start, name
    assert rows[0].command == line.replace("\n", " "), name
    assert rows[0].cpu is not None and rows[0].cpu >= 0, name


def test_step_shell_without_a_log_only_runs_the_line(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "TIFA_STEP_LOG"}
    got = subprocess.run([SHELL, "-c", "echo out; exit 4"], env=env, capture_output=True, cwd=tmp_path)
    assert (got.returncode, got.stdout) == (4, b"out\n")
    assert list(tmp_path.iterdir()) == []


# (name, log lines, minimum seconds, lines expected in the table after its heading)
SUMMARY_CASES = [
    ("short lines are left out", ["0\t1\t0\tquick", "0\t10\t0\tslow"], 5, ["slow"]),
    ("sub-makes are left out", ["0\t60\t0\tmake --no-print-directory -j8 -Otarget site", "1\t20\t0\tcargo build"], 5,
     ["cargo build"]),
    ("malformed lines are skipped", ["garbage", "0\tx\t0\tbad", "2\t9\t1\tfailing step"], 5, ["failing step"]),
]


@pytest.mark.parametrize("name,lines,minimum,commands", SUMMARY_CASES, ids=[c[0] for c in SUMMARY_CASES])
def test_summary_lists_the_long_steps_by_start(name, lines, minimum, commands):
    st = step_times()
    table = st.summary(st.parse(lines), minimum).splitlines()
    assert [row.split(None, 5)[5] for row in table[1:]] == commands, name


def test_summary_of_nothing_says_so():
    assert step_times().summary([], 5) == "step times: nothing was logged"
