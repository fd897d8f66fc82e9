"""tifa.Analyzer against the CLI: the same reports, spans, counts and entries, and the same
error messages."""

import pickle

import pytest

import tifa
from conftest import EXTRA, ROOT, SAMPLES, cli_json_lines

SENSITIVITIES = ["strict", "default", "all"]


@pytest.fixture(scope="module")
def analyzers():
    return {s: tifa.Analyzer(sensitivity=s) for s in SENSITIVITIES}


@pytest.mark.parametrize("sensitivity", SENSITIVITIES)
@pytest.mark.parametrize("sample", SAMPLES, ids=[s.name for s in SAMPLES])
def test_analyze_is_the_cli_report(analyzers, sample, sensitivity):
    """analyze(text) is exactly `tifa annotate --format json` on each shipped sample."""
    (want,) = cli_json_lines("annotate", "--format", "json", "--sensitivity", sensitivity, str(sample))
    got = analyzers[sensitivity].analyze(sample.read_text(encoding="utf-8"), source=str(sample))
    assert got == want
    assert got["sensitivity"] == sensitivity


def test_the_samples_have_matches_to_compare(analyzers):
    """The comparison above is not between empty reports."""
    matches = {s: sum(len(analyzers[s].analyze(p.read_text(encoding="utf-8"))["matches"]) for p in SAMPLES) for s in SENSITIVITIES}
    assert 0 < matches["strict"] <= matches["default"] <= matches["all"]


@pytest.mark.parametrize("sample", SAMPLES, ids=[s.name for s in SAMPLES])
def test_spans_count_and_report_agree(analyzer, sample):
    """spans() are the report's top-level matches; count() its terms' counts, in order."""
    text = sample.read_text(encoding="utf-8")
    report = analyzer.analyze(text)
    assert "source" not in report
    assert analyzer.spans(text) == [(m["start"], m["end"], m["id"]) for m in report["matches"]]
    (counts,) = analyzer.count([text])
    assert list(counts.items()) == [(t["id"], t["count"]) for t in report["terms"]]


def test_count_is_the_same_on_one_thread_and_all(analyzer):
    texts = [s.read_text(encoding="utf-8") for s in SAMPLES] * 3 + ["", "nothing here"]
    everywhere = analyzer.count(texts)
    assert analyzer.count(iter(texts), jobs=1) == everywhere
    assert everywhere[-2:] == [{}, {}]
    assert len(everywhere) == len(texts)


def test_entries_are_the_cli_list(analyzer):
    (want,) = cli_json_lines("dict", "list", "--format", "json")
    assert analyzer.entries() == want["entries"]
    assert len(analyzer) == len(want["entries"])


ENTRY_CASES = [
    # (name, id asked, id of the entry returned)
    ("by_id", "two-upholds", "two-upholds"),
    ("chinese_core", "two-establishments", "two-establishments"),
]


@pytest.mark.parametrize("asked,want", [c[1:] for c in ENTRY_CASES], ids=[c[0] for c in ENTRY_CASES])
def test_entry(analyzer, asked, want):
    entry = analyzer.entry(asked)
    assert entry["id"] == want
    assert entry == next(e for e in analyzer.entries() if e["id"] == want)


def test_entry_unknown_is_a_key_error(analyzer):
    with pytest.raises(KeyError, match="no-such-term"):
        analyzer.entry("no-such-term")


def test_extra_dictionary_from_a_path_text_or_list(tmp_path):
    path = tmp_path / "extra.toml"
    path.write_text(EXTRA, encoding="utf-8")
    text = "They launched the Three Cheers Campaign."
    for name, source in [("str_path", str(path)), ("pathlike", path), ("toml_text", EXTRA), ("list", [path])]:
        a = tifa.Analyzer(extra_dictionary=source)
        assert [m["id"] for m in a.analyze(text)["matches"]] == ["test-three-cheers"], name
        assert a.entry("test-three-cheers")["en"] == "three cheers", name


def test_extra_dictionary_agrees_with_the_cli(tmp_path):
    path = tmp_path / "extra.toml"
    path.write_text(EXTRA, encoding="utf-8")
    doc = tmp_path / "doc.txt"
    doc.write_text("They launched the Three Cheers Campaign and the Two Upholds.", encoding="utf-8")
    (want,) = cli_json_lines("annotate", "--dict", str(path), "--format", "json", str(doc))
    got = tifa.Analyzer(extra_dictionary=path).analyze(doc.read_text(encoding="utf-8"), source=str(doc))
    assert got == want



# (name, encoding) of an extra dictionary file: the binding reads it as the CLI reads `--dict`.
DICTIONARY_ENCODINGS = [("utf8_bom", "utf-8-sig"), ("utf16", "utf-16"), ("gb18030", "gb18030"), ("big5", "big5")]


@pytest.mark.parametrize("encoding", [e for _, e in DICTIONARY_ENCODINGS], ids=[n for n, _ in DICTIONARY_ENCODINGS])
def test_extra_dictionary_in_another_encoding_is_read_as_the_cli_reads_it(tmp_path, encoding):
    """Before: the binding read extra dictionaries as UTF-8 only, the CLI also UTF-16, GB18030 and Big5."""
    # Big5 has neither simplified characters nor tone marks: the traditional characters, and
    # the pinyin's marks as TOML escapes, for every encoding.
    extra = EXTRA.replace("三声欢呼", "三聲歡呼").replace("sān shēng huānhū", r"s\u0101n sh\u0113ng hu\u0101nh\u016b")
    assert extra != EXTRA.replace("三声欢呼", "三聲歡呼")
    path = tmp_path / "extra.toml"
    path.write_bytes(extra.encode(encoding))
    doc = tmp_path / "doc.txt"
    doc.write_text("They launched the Three Cheers Campaign; 三聲歡呼.", encoding="utf-8")
    (want,) = cli_json_lines("annotate", "--dict", str(path), "--format", "json", str(doc))
    got = tifa.Analyzer(extra_dictionary=path).analyze(doc.read_text(encoding="utf-8"), source=str(doc))
    assert got == want
    assert [m["id"] for m in got["matches"]] == ["test-three-cheers"] * 2

BAD_ARGUMENTS = [
    # (name, call, exception, fragment of the message)
    ("sensitivity", lambda a: tifa.Analyzer(sensitivity="loud"), tifa.InputError, 'sensitivity "loud"'),
    ("count_not_str", lambda a: a.count(["fine", 3]), TypeError, "text 1: expected str, got int"),
    ("jobs_zero", lambda a: a.count(["x"], jobs=0), tifa.InputError, "jobs: must be at least 1"),
    ("dictionary_type", lambda a: tifa.Analyzer(extra_dictionary=3), TypeError, "extra_dictionary: expected a path"),
]


@pytest.mark.parametrize("call,error,fragment", [c[1:] for c in BAD_ARGUMENTS], ids=[c[0] for c in BAD_ARGUMENTS])
def test_bad_arguments_name_the_problem(analyzer, call, error, fragment):
    with pytest.raises(error) as raised:
        call(analyzer)
    assert fragment in str(raised.value)


def test_too_large_text_is_an_input_error_naming_it(analyzer):
    big = "a" * (tifa.MAX_TEXT_BYTES + 1)
    with pytest.raises(tifa.InputError, match=r"tifa analyses at most 64 MiB"):
        analyzer.analyze(big)
    with pytest.raises(tifa.InputError, match=r"^text 1: the text is 64\.0 MiB"):
        analyzer.count(["two upholds", big])


def test_pickles_with_its_dictionaries_and_sensitivity(tmp_path):
    a = tifa.Analyzer(extra_dictionary=EXTRA, sensitivity="all")
    b = pickle.loads(pickle.dumps(a))
    text = "The core of the Three Cheers Campaign."
    assert b.sensitivity == "all"
    assert b.analyze(text) == a.analyze(text)
    assert len(b) == len(a)
