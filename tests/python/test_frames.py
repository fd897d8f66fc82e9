"""tifa.long_counts: a column of texts as a long (row, term, count) table."""

import importlib.util
import math

import pytest

import tifa

COLUMNS = [
    # (name, the column, the rows it gives)
    ("list", ["两个维护", "nothing", "the two upholds and 两个维护"], [(0, "two-upholds", 1), (2, "two-upholds", 2)]),
    ("tuple_with_missing", ("两个维护", None, math.nan, "两个维护"), [(0, "two-upholds", 1), (3, "two-upholds", 1)]),
    ("generator", (t for t in ["全面从严治党", "两个维护"]), [(0, "full-rigorous-party-self-governance", 1), (1, "two-upholds", 1)]),
    ("empty", [], []),
]


@pytest.mark.parametrize("column,want", [c[1:] for c in COLUMNS], ids=[c[0] for c in COLUMNS])
def test_long_counts_columns(analyzer, column, want):
    got = tifa.long_counts(column, analyzer)
    assert list(got) == ["row", "term", "count"]
    assert list(zip(got["row"], got["term"], got["count"])) == want


def test_long_counts_agrees_with_count_over_batches(analyzer, monkeypatch):
    """Texts cross batch boundaries without losing their row numbers."""
    import tifa.frames

    monkeypatch.setattr(tifa.frames, "BATCH", 3)
    texts = ["两个维护" * (i % 3) for i in range(10)]
    got = tifa.long_counts(texts, analyzer)
    want = [(i, t, n) for i, c in enumerate(analyzer.count(texts)) for t, n in c.items()]
    assert list(zip(got["row"], got["term"], got["count"])) == want


def test_long_counts_as_arrow(analyzer):
    table = tifa.long_counts(["两个维护"], analyzer, to="arrow")
    assert table.to_pylist() == [{"row": 0, "term": "two-upholds", "count": 1}]


@pytest.mark.parametrize("library", ["pandas", "polars"])
def test_long_counts_as_a_frame_or_a_clear_import_error(analyzer, library):
    if importlib.util.find_spec(library) is None:
        with pytest.raises(ImportError, match=f"needs the package '{library}'"):
            tifa.long_counts(["两个维护"], analyzer, to=library)
    else:
        frame = tifa.long_counts(["两个维护"], analyzer, to=library)
        assert list(frame.columns) == ["row", "term", "count"]


BAD = [
    ("not_str", [b"bytes"], TypeError, "row 0: expected str or a missing value, got bytes"),
    ("unknown_frame", ["x"], ValueError, "to='excel'"),
]


@pytest.mark.parametrize("column,error,fragment", [b[1:] for b in BAD], ids=[b[0] for b in BAD])
def test_long_counts_bad_input(analyzer, column, error, fragment):
    kwargs = {"to": "excel"} if error is ValueError else {}
    with pytest.raises(error) as raised:
        tifa.long_counts(column, analyzer, **kwargs)
    assert fragment in str(raised.value)


def test_docstring_and_readme_examples_run():
    """The examples in the package's docstrings and the README's Python section are run."""
    import doctest
    import re

    import tifa.frames
    from conftest import ROOT

    for module in (tifa, tifa.frames):
        result = doctest.testmod(module)
        assert result.attempted > 0 and result.failed == 0, module.__name__
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("\n## Python\n"):readme.index("\n## Spark\n")]
    (block,) = re.findall(r"```python\n(.*?)```", section, re.S)
    test = doctest.DocTestParser().get_doctest(block, {}, "README Python", "README.md", 0)
    runner = doctest.DocTestRunner()
    runner.run(test)
    assert test.examples and runner.failures == 0
