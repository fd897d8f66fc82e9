"""tifa (提法): finds the set phrases of Chinese Communist Party discourse in English and
Chinese text, with the same results as the ``tifa`` command line and the web page.

>>> import tifa
>>> t = tifa.Analyzer()
>>> [m["id"] for m in t.analyze("The meeting stressed the Two Upholds and 兩個確立.")["matches"]]
['two-upholds', 'two-establishments']
>>> t.spans("两个维护")
[(0, 4, 'two-upholds')]

``Analyzer`` analyses texts (one report, spans, or counts for many texts on every core);
``CorpusTable`` builds the per-period × term table of ``tifa corpus`` from dated documents;
``long_counts`` turns a column of texts into a long (row, term, count) table.
"""

from ._tifa import (
    MAX_TEXT_BYTES,
    Analyzer,
    CorpusTable,
    DictionaryError,
    InputError,
    TifaError,
    __version__,
)
from .frames import long_counts

__all__ = [
    "Analyzer",
    "CorpusTable",
    "DictionaryError",
    "InputError",
    "MAX_TEXT_BYTES",
    "TifaError",
    "long_counts",
    "__version__",
]
