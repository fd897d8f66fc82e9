"""Term counts for a column of texts as a long table, without needing pandas or polars.

>>> import tifa
>>> long_counts(["两个维护", None, "No Party terms here."], tifa.Analyzer())
{'row': [0], 'term': ['two-upholds'], 'count': [1]}
"""

from __future__ import annotations

import math
from itertools import islice
from typing import Any, Dict, Iterable, Iterator, List, Optional, Tuple

from ._tifa import Analyzer

#: Texts handed to ``Analyzer.count`` at once: enough to keep every core busy, few enough that
#: memory stays flat for a column of any length.
BATCH = 2048

#: What ``long_counts(..., to=...)`` can return besides plain columns.
FRAMES = ("columns", "pandas", "polars", "arrow")


def _is_missing(value: Any) -> bool:
    """None and NaN (what pandas and polars put in an empty cell) count as no text."""
    return value is None or (isinstance(value, float) and math.isnan(value))


def _texts(column: Iterable[Any]) -> Iterator[Tuple[int, str]]:
    """(row, text) for every cell that holds a text; a TypeError names a cell that is neither a
    text nor missing."""
    for row, value in enumerate(column):
        if _is_missing(value):
            continue
        if not isinstance(value, str):
            raise TypeError(f"row {row}: expected str or a missing value, got {type(value).__name__}")
        yield row, value


def _batches(cells: Iterator[Tuple[int, str]], size: int) -> Iterator[List[Tuple[int, str]]]:
    while True:
        batch = list(islice(cells, size))
        if not batch:
            return
        yield batch


def _convert(columns: Dict[str, list], to: str) -> Any:
    if to == "columns":
        return columns
    try:
        if to == "pandas":
            import pandas

            return pandas.DataFrame(columns)
        if to == "polars":
            import polars

            return polars.DataFrame(columns)
        import pyarrow

        return pyarrow.table(columns)
    except ImportError as e:
        raise ImportError(f"long_counts(to={to!r}) needs the package {e.name!r}; install it, or use to='columns'") from e


def long_counts(
    column: Iterable[Any],
    analyzer: Optional[Analyzer] = None,
    *,
    to: str = "columns",
    jobs: Optional[int] = None,
) -> Any:
    """Counts the terms of every text in ``column`` as a long table: one row per text × term
    found, with ``row`` (the text's position in ``column``, from 0), ``term`` (the entry id)
    and ``count`` (top-level occurrences, as ``Analyzer.count``).

    ``column`` is any iterable of ``str``: a list, a pandas or polars Series, a generator.
    Missing cells (None, NaN) give no rows. Texts go to the analyzer in batches, each counted
    on every core (or ``jobs`` threads) with the GIL released. ``analyzer`` defaults to a new
    ``Analyzer()``.

    Returns plain columns, ``{"row": [...], "term": [...], "count": [...]}``, or with ``to``
    ``"pandas"``, ``"polars"`` or ``"arrow"`` that library's table (it must be installed).
    """
    if to not in FRAMES:
        raise ValueError(f"to={to!r}: use one of {', '.join(FRAMES)}")
    if analyzer is None:
        analyzer = Analyzer()
    rows: List[int] = []
    terms: List[str] = []
    counts: List[int] = []
    for batch in _batches(_texts(column), BATCH):
        counted = analyzer.count([text for _, text in batch], jobs=jobs)
        for (row, _), found in zip(batch, counted):
            for term, n in found.items():
                rows.append(row)
                terms.append(term)
                counts.append(n)
    return _convert({"row": rows, "term": terms, "count": counts}, to)
