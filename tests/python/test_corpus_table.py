"""tifa.CorpusTable against `tifa corpus`: the same rows, however the documents are split,
merged, saved and passed around."""

import datetime
import json
import pickle

import pytest

import tifa
from conftest import CORPUS, cli_json_lines, run_cli

# (name, CorpusTable arguments, the same as `tifa corpus` flags)
SETTINGS = [
    ("by_year", {"by": "year"}, ["--by", "year"]),
    ("by_month", {"by": "month"}, ["--by", "month"]),
    ("by_day", {"by": "day"}, ["--by", "day"]),
    ("all", {"by": "all"}, ["--by", "all"]),
    ("by_form", {"by": "year", "by_form": True}, ["--by", "year", "--by-form"]),
    ("terms", {"by": "year", "terms": "two-upholds, ideology"}, ["--by", "year", "--terms", "two-upholds, ideology"]),
]


def cli_rows(flags):
    return cli_json_lines("corpus", str(CORPUS), "--format", "jsonl", *flags)


@pytest.mark.parametrize("kwargs,flags", [s[1:] for s in SETTINGS], ids=[s[0] for s in SETTINGS])
def test_rows_are_the_cli_table(analyzer, corpus_documents, kwargs, flags):
    table = tifa.CorpusTable(**kwargs)
    assert table.add(analyzer, corpus_documents) == []
    want = cli_rows(flags)
    got = table.rows()
    assert got == want
    assert [list(r) for r in got] == [list(r) for r in want], "columns in the CLI's order"
    assert table.columns == list(want[0])
    assert table.documents == len(corpus_documents)
    assert len(table) == len(want) > 0


SPLITS = [
    # (name, how many parts, counted on how many threads each)
    ("two_parts", 2, None),
    ("seven_parts_one_thread", 7, 1),
]


@pytest.mark.parametrize("parts,jobs", [s[1:] for s in SPLITS], ids=[s[0] for s in SPLITS])
def test_parts_merge_into_the_whole(analyzer, corpus_documents, parts, jobs):
    pairs = [(d["date"], d["text"]) for d in corpus_documents]
    whole = tifa.CorpusTable()
    whole.add(analyzer, pairs)
    tables = []
    for i in range(parts):
        t = tifa.CorpusTable()
        t.add(analyzer, pairs[i::parts], jobs=jobs)
        tables.append(t)
    merged = tables[0]
    for t in tables[1:]:
        merged.merge(t)
    assert merged == whole
    assert merged.rows() == whole.rows()
    assert merged.documents == len(pairs)


def test_bytes_and_pickle_round_trip(analyzer, corpus_documents):
    table = tifa.CorpusTable(by="month", by_form=True)
    table.add(analyzer, corpus_documents[:50])
    for name, copy in [
        ("bytes", tifa.CorpusTable.from_bytes(table.to_bytes())),
        ("pickle", pickle.loads(pickle.dumps(table))),
    ]:
        assert copy == table, name
        assert copy.rows() == table.rows(), name
        assert (copy.by, copy.columns, copy.documents) == ("month", table.columns, 50), name


DATES = [
    # (name, the date as given, the period by month)
    ("iso_string", "2021-03-05", "2021-03"),
    ("with_time", "2021-03-05T08:00:00", "2021-03"),
    ("date_object", datetime.date(2021, 3, 5), "2021-03"),
    ("datetime_object", datetime.datetime(2021, 3, 5, 8, 0), "2021-03"),
    ("year_number", 2021, "2021"),
    ("none", None, "undated"),
    ("empty", "", "undated"),
    ("not_a_date", "last spring", "undated"),
]


@pytest.mark.parametrize("date,want", [d[1:] for d in DATES], ids=[d[0] for d in DATES])
def test_dates_become_periods(analyzer, date, want):
    table = tifa.CorpusTable(by="month")
    table.add(analyzer, [(date, "The two upholds.")])
    assert [r["period"] for r in table.rows()] == [want]
    assert table.periods() == [(want, "words", 1, 3)]


def test_documents_as_dicts_or_pairs_or_lists(analyzer):
    forms = [
        [{"date": "2020-01-01", "text": "两个维护"}],
        [("2020-01-01", "两个维护")],
        [["2020-01-01", "两个维护"]],
        iter([{"text": "两个维护", "date": "2020"}]),
    ]
    tables = []
    for docs in forms:
        t = tifa.CorpusTable()
        t.add(analyzer, docs)
        tables.append(t)
    assert all(t == tables[0] for t in tables)
    assert tables[0].rows()[0]["term"] == "two-upholds"


BAD_DOCUMENTS = [
    # (name, documents, exception, fragment of the message)
    ("three_items", [("2020", "x", "y")], TypeError, "document 0: expected (date, text), got 3 items"),
    ("no_text", [{"date": "2020"}], KeyError, "document 0: no `text`"),
    ("text_not_str", [("2020", "ok"), ("2020", 5)], TypeError, "document 1: `text` is not a str"),
    ("date_list", [(["2020"], "x")], TypeError, "document 0: `date` should be"),
    ("not_a_document", [5], TypeError, "document 0: expected a (date, text) pair"),
]


@pytest.mark.parametrize("docs,error,fragment", [b[1:] for b in BAD_DOCUMENTS], ids=[b[0] for b in BAD_DOCUMENTS])
def test_bad_documents_name_the_problem(analyzer, docs, error, fragment):
    with pytest.raises(error) as raised:
        tifa.CorpusTable().add(analyzer, docs)
    assert fragment in str(raised.value)


def test_a_document_too_large_is_left_out_as_the_cli_does(analyzer):
    table = tifa.CorpusTable()
    left_out = table.add(analyzer, [("2020", "两个维护"), ("2020", "a" * (tifa.MAX_TEXT_BYTES + 1))])
    assert [at for at, _ in left_out] == [1]
    assert "tifa analyses at most 64 MiB" in left_out[0][1]
    assert table.documents == 1


BAD_TABLES = [
    # (name, call, exception, fragment)
    ("by_week", lambda: tifa.CorpusTable(by="week"), tifa.InputError, "`week` is not a period length"),
    ("merge_other_period", lambda: tifa.CorpusTable().merge(tifa.CorpusTable(by="month")), tifa.InputError, "cannot merge tables counted differently"),
    ("bytes_not_a_table", lambda: tifa.CorpusTable.from_bytes(b"{}"), tifa.InputError, "not a saved tifa.CorpusTable"),
    ("bytes_other_format", lambda: tifa.CorpusTable.from_bytes(json.dumps({"format": "x", "version": 1, "by": "year", "terms": None, "by_form": False, "documents": 0, "table": {"cells": [], "sizes": []}}).encode()), tifa.InputError, 'format "x"'),
]


@pytest.mark.parametrize("call,error,fragment", [b[1:] for b in BAD_TABLES], ids=[b[0] for b in BAD_TABLES])
def test_bad_tables_name_the_problem(call, error, fragment):
    with pytest.raises(error) as raised:
        call()
    assert fragment in str(raised.value)


def test_parquet_columns_are_the_cli_columns(tmp_path):
    """The CLI's Parquet table has the columns rows() has (the Spark job writes those)."""
    import pyarrow.parquet as pq

    out = tmp_path / "t.parquet"
    run_cli("corpus", str(CORPUS), "--by", "year", "--format", "parquet", "--output", str(out))
    assert pq.read_table(out).column_names == tifa.CorpusTable(by="year").columns
