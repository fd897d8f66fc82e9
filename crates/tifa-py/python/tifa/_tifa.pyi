"""Type stubs of the native module (import the package ``tifa``)."""

import os
from typing import Any, Dict, Iterable, List, Mapping, Optional, Sequence, Tuple, TypedDict, Union

__version__: str
#: The largest text analysed at once, in bytes of UTF-8 (64 MiB).
MAX_TEXT_BYTES: int

class TifaError(Exception):
    """Every error tifa raises (the CLI's message, without its ``tifa:`` prefix)."""

class Problem(TypedDict):
    """One problem of a ``DictionaryError``: a plain dict (it pickles and serializes as JSON);
    this class is for type checkers only and does not exist at run time."""

    #: "syntax", "duplicate_id", "related", "form_clash", "markup" or "invalid" (the library's
    #: kinds; more may come), or "read": a file that cannot be read or is not UTF-8.
    kind: str
    #: The path as given, or "<extra_dictionary>" ("<extra_dictionary[i]>" in a list) for TOML text.
    file: str
    #: 1-based line, None where unknown.
    line: Optional[int]
    #: 1-based column in characters (as Python indexes a line), None where unknown.
    column: Optional[int]
    #: The entry's id, None where unknown.
    entry: Optional[str]
    #: The field, e.g. "forms[1].text"; None where unknown.
    field: Optional[str]
    #: What is wrong, without the place.
    message: str

class DictionaryError(TifaError):
    """An extra dictionary that cannot be read or does not validate.

    ``str(err)`` is what the CLI prints (without ``tifa:``): every problem, one per line.
    """

    #: The same problems as data, in the same order (empty only for a damaged built-in
    #: dictionary, which is not about any file).
    problems: List[Problem]

class InputError(TifaError):
    """A text tifa cannot analyse, or an argument naming no sensitivity, period or table."""

DictionarySource = Union[str, "os.PathLike[str]"]
Date = Union[str, int, Any, None]  # a str, a number, a datetime.date/datetime, or None

class Analyzer:
    """The built-in dictionary (plus extra ones) compiled once, for any number of texts."""

    def __init__(
        self,
        extra_dictionary: Union[DictionarySource, Sequence[DictionarySource], None] = None,
        *,
        sensitivity: str = "default",
    ) -> None: ...
    @property
    def sensitivity(self) -> str: ...
    def __len__(self) -> int: ...
    def analyze(self, text: str, *, source: Optional[str] = None) -> Dict[str, Any]:
        """The report of ``tifa annotate --format json`` for one text, as a dict."""
    def spans(self, text: str) -> List[Tuple[int, int, str]]:
        """Top-level matches as (start, end, entry id); UTF-16 offsets."""
    def count(self, texts: Iterable[str], *, jobs: Optional[int] = None) -> List[Dict[str, int]]:
        """Per text, entry id → top-level occurrences; all texts on every core, GIL released."""
    def entries(self) -> List[Dict[str, Any]]:
        """Every entry, as ``tifa dict list --format json`` lists them."""
    def entry(self, id: str) -> Dict[str, Any]:
        """One entry by id or former id; KeyError when there is none."""

class CorpusTable:
    """The per-period × term table of ``tifa corpus``, from dated documents."""

    def __init__(self, by: str = "year", terms: Optional[str] = None, by_form: bool = False) -> None: ...
    @property
    def by(self) -> str: ...
    @property
    def documents(self) -> int: ...
    @property
    def columns(self) -> List[str]: ...
    def add(
        self,
        analyzer: Analyzer,
        documents: Iterable[Union[Tuple[Date, str], Sequence[Any], Mapping[str, Any]]],
        *,
        jobs: Optional[int] = None,
    ) -> List[Tuple[int, str]]:
        """Counts documents; returns (position, message) for each one left out."""
    def merge(self, other: "CorpusTable") -> None: ...
    def rows(self) -> List[Dict[str, Union[str, int, float]]]: ...
    def periods(self) -> List[Tuple[str, str, int, int]]: ...
    def to_bytes(self) -> bytes: ...
    @staticmethod
    def from_bytes(data: bytes) -> "CorpusTable": ...
    def __len__(self) -> int: ...
    def __eq__(self, other: object) -> bool: ...
