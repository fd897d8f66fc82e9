"""The recall scripts (scripts/recall.py, scripts/outside-gold.py) on a tiny gold list.

The recall figures of every session come from these scripts, so a change that made them count
a miss as found, or drop a match outside the gold, would change the figures unnoticed.
"""

import subprocess
import sys

import pytest

from conftest import ROOT, tifa_bin

TEXT = ("The Politburo met on Monday. Officials must achieve the Two Upholds, and Party members "
        "must study.\n两个维护 appears here too.\n")

GOLD = """[[text]]
file = "a.txt"
kind = "official-en"
title = "a test text"
source = "tests/python/test_recall_scripts.py"
published = "2026"
licence_note = "written for this test"
gold = [
  { text = "Two Upholds", zh = "两个维护" },
  { text = "Monday. Officials", zh = "" },
]
"""


@pytest.fixture()
def recall_dir(tmp_path):
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "gold.toml").write_text(GOLD, encoding="utf-8")
    return tmp_path


def run_script(name, recall_dir, *extra):
    cmd = [sys.executable, str(ROOT / "scripts" / name), str(recall_dir / "gold.toml"),
           str(recall_dir), "--tifa", tifa_bin(), *extra]
    return subprocess.run(cmd, capture_output=True, text=True, check=True).stdout


@pytest.mark.parametrize("needle", [
    "| a.txt | official-en | 1 | 2 | 50 % |",
    "by kind: official-en 50 % (1/2)",
    "MISS a.txt: 'Monday. Officials'",
], ids=["per-text row", "by kind", "the miss named"])
def test_recall_counts_found_and_missed_phrases(recall_dir, needle):
    assert needle in run_script("recall.py", recall_dir, "--misses")


def test_phrases_alone_measures_the_gold_phrases_without_the_text(recall_dir):
    (recall_dir / "a.txt").unlink()
    out = run_script("recall.py", recall_dir, "--phrases-alone", "--misses")
    assert "| a.txt | official-en | 1 | 2 | 50 % |" in out, out
    assert "MISS a.txt: 'Monday. Officials'" in out, out


@pytest.mark.parametrize("line", [
    "1 texts, 4 matches, 3 touch no gold phrase, 3 distinct",
    "1\tpolitburo\tpolitburo\ta.txt\t",
    "1\tparty-member\tparty members\ta.txt\t",
    "1\ttwo-upholds\t两个维护\ta.txt\t",
], ids=["totals", "a title outside the gold", "a general term outside the gold",
        "the Chinese occurrence the gold did not quote"])
def test_outside_gold_lists_every_match_that_touches_no_gold_phrase(recall_dir, line):
    out = run_script("outside-gold.py", recall_dir)
    assert any(l.startswith(line) for l in out.splitlines()), out


def test_outside_gold_leaves_out_the_matches_on_gold_phrases(recall_dir):
    out = run_script("outside-gold.py", recall_dir)
    assert "\ttwo upholds\t" not in out
