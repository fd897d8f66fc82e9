"""Shared fixtures of the Python tests: the analyzer, the CLI to compare with, the samples."""

import json
import os
import pathlib
import subprocess

import pytest

import tifa

ROOT = pathlib.Path(__file__).resolve().parents[2]
SAMPLES = sorted((ROOT / "tests" / "samples").glob("*.txt"))
CORPUS = ROOT / "tests" / "data" / "corpus" / "watchwords.jsonl"

# A valid extra dictionary of one entry. Its lines: 1 [[term]], 2 id, 3 zh, 4 pinyin, 5 en,
# 6 category, 7 since, 8 gloss, 9 explanation, 10 sources, 11 forms.
EXTRA = """[[term]]
id = "test-three-cheers"
zh = "三声欢呼"
pinyin = "sān shēng huānhū"
en = "three cheers"
category = "ideology"
since = 2020
gloss = "A test entry."
explanation = "A test entry for the Python binding."
sources = ["A test source, 2020"]
forms = [{ text = "Three Cheers Campaign", kind = "official" }]
"""


def tifa_bin() -> str:
    """The CLI: TIFA_BIN, else the debug build (make test-python builds it)."""
    path = os.environ.get("TIFA_BIN") or str(ROOT / "target" / "debug" / "tifa")
    if not os.access(path, os.X_OK):
        pytest.fail(f"no tifa binary at {path}: run `cargo build -p tifa-cli` or set TIFA_BIN")
    return path


def run_cli(*args: str, check: bool = True) -> subprocess.CompletedProcess:
    """Runs the CLI with `args`; its output as text."""
    return subprocess.run([tifa_bin(), *args], capture_output=True, text=True, check=check, cwd=ROOT)


def cli_json_lines(*args: str) -> list:
    """The CLI's JSON Lines output, parsed."""
    return [json.loads(line) for line in run_cli(*args).stdout.splitlines() if line]


@pytest.fixture(scope="session")
def analyzer() -> tifa.Analyzer:
    return tifa.Analyzer()


@pytest.fixture(scope="session")
def corpus_documents() -> list:
    """The dated test corpus as dicts (id, date, text, and its other fields)."""
    with open(CORPUS, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]
