"""DictionaryError carries its problems as data (err.problems): one bad dictionary per kind of
problem, each checked for its kind, place and message, for the message the CLI prints, and for
the message being exactly the problems' lines."""

import pytest

import tifa
from conftest import EXTRA, SAMPLES, run_cli

ENTRY = "test-three-cheers"
# The same entry with other names and forms (so that only its id clashes with EXTRA).
OTHER_FORMS = (
    EXTRA.replace("三声", "四声").replace("sān", "sì").replace("three", "four").replace("Three", "Four")
).replace("test-four-cheers", ENTRY)
TWO_FORMS = (
    'forms = [{ text = "Three Cheers Campaign", kind = "official" }, '
    '{ text = "three cheers campaign", kind = "media" }]'
)

# Each case breaks one thing in EXTRA (conftest lists its lines).
# (name, the file's bytes, the one problem expected: kind, line, column, entry, field, message;
#  `{file}` in a message stands for the file's path)
CASES = [
    (
        "syntax_wrong_type",
        EXTRA.replace("since = 2020", 'since = "2020"').encode(),
        ("syntax", 7, 9, None, None, 'invalid type: string "2020", expected i64'),
    ),
    (
        "syntax_not_toml",
        b'[[term]\nid = "x"\n',
        ("syntax", 1, 8, None, None, "unclosed array table, expected `]`"),
    ),
    (
        "duplicate_id",
        (EXTRA + "\n" + OTHER_FORMS).encode(),
        ("duplicate_id", 14, 6, ENTRY, "id", "id is already used by the entry at {file}:2"),
    ),
    (
        "related_to_nothing",
        (EXTRA + 'related = ["no-such-term"]\n').encode(),
        ("related", 12, 12, ENTRY, "related", '"no-such-term" is not the id of any entry'),
    ),
    (
        "form_clash_within_the_entry",
        EXTRA.replace(EXTRA.splitlines()[10], TWO_FORMS).encode(),
        (
            "form_clash",
            11,
            65,
            ENTRY,
            "forms[1]",
            'form "three cheers campaign" repeats form "Three Cheers Campaign" of the same entry '
            "(forms that differ only in case, quotes, dashes or spacing are one form)",
        ),
    ),
    (
        "markup_in_the_gloss",
        EXTRA.replace('"A test entry."', '"A <b>test</b> entry."').encode(),
        ("markup", 8, 9, ENTRY, "gloss", "must be plain text, but holds '<' (markup is not allowed)"),
    ),
    (
        "invalid_year",
        EXTRA.replace("since = 2020", "since = 1800").encode(),
        ("invalid", 7, 9, ENTRY, "since", "1800 is not a plausible year (1921–2030)"),
    ),
    (
        # The binding reads the file, so the validator never sees it: the one kind it adds.
        "read_not_utf8",
        b'[[term]]\nid = "\xff"\n',
        (
            "read",
            2,
            None,
            None,
            None,
            "not valid UTF-8 (line 2, byte 15), nor Chinese in GB18030 or Big5; convert it to UTF-8 first, e.g. with iconv",
        ),
    ),
]

KEYS = ("kind", "line", "column", "entry", "field", "message")


def cli_line(p: dict) -> str:
    """A problem as the CLI prints it (tifa::Problem's Display), from its data alone."""
    if p["kind"] == "read":
        return f"{p['file']}: {p['message']}"
    at = p["file"] + (f":{p['line']}" if p["line"] is not None else "") + ":"
    if p["entry"] is not None:
        at += f' term "{p["entry"]}":'
    if p["field"] is not None:
        at += f" field `{p['field']}`:"
    return f"{at} {p['message']}"


@pytest.mark.parametrize("data,want", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_problem_as_data(tmp_path, data, want):
    path = tmp_path / "extra.toml"
    path.write_bytes(data)
    with pytest.raises(tifa.DictionaryError) as raised:
        tifa.Analyzer(extra_dictionary=path)
    err = raised.value
    (problem,) = err.problems
    assert sorted(problem) == sorted(("file",) + KEYS)
    expected = dict(zip(KEYS, want))
    expected["message"] = expected["message"].format(file=path)
    assert {k: problem[k] for k in KEYS} == expected
    assert problem["file"] == str(path)
    assert str(err) == cli_line(problem)
    assert isinstance(err, tifa.TifaError)


@pytest.mark.parametrize("data", [c[1] for c in CASES], ids=[c[0] for c in CASES])
def test_message_is_the_cli_message(tmp_path, data):
    path = tmp_path / "extra.toml"
    path.write_bytes(data)
    cli = run_cli("annotate", "--dict", str(path), str(SAMPLES[0]), check=False)
    assert cli.returncode == 1
    with pytest.raises(tifa.DictionaryError) as raised:
        tifa.Analyzer(extra_dictionary=str(path))
    assert cli.stderr == f"tifa: {raised.value}\n"


def test_missing_file_is_a_read_problem_with_the_cli_message(tmp_path):
    path = str(tmp_path / "missing.toml")
    cli = run_cli("annotate", "--dict", path, str(SAMPLES[0]), check=False)
    with pytest.raises(tifa.DictionaryError) as raised:
        tifa.Analyzer(extra_dictionary=path)
    (problem,) = raised.value.problems
    assert (problem["kind"], problem["file"], problem["line"]) == ("read", path, None)
    assert problem["message"].startswith("cannot read: ")
    assert str(raised.value) == cli_line(problem)
    assert cli.stderr == f"tifa: {raised.value}\n"


def test_every_problem_in_order_from_toml_text():
    """Several problems, in the order of their lines, in TOML text given as a string."""
    bad = EXTRA.replace("since = 2020", "since = 1800").replace('"A test entry."', '"A <b>test</b> entry."')
    with pytest.raises(tifa.DictionaryError) as raised:
        tifa.Analyzer(extra_dictionary=bad)
    problems = raised.value.problems
    assert [(p["kind"], p["file"], p["line"], p["field"]) for p in problems] == [
        ("invalid", "<extra_dictionary>", 7, "since"),
        ("markup", "<extra_dictionary>", 8, "gloss"),
    ]
    assert str(raised.value) == "\n".join(cli_line(p) for p in problems)


def test_the_error_pickles_with_its_problems():
    """Plain data: the exception crosses processes (a Spark worker) with its problems."""
    import pickle

    with pytest.raises(tifa.DictionaryError) as raised:
        tifa.Analyzer(extra_dictionary=EXTRA.replace("since = 2020", "since = 1800"))
    back = pickle.loads(pickle.dumps(raised.value))
    assert type(back) is tifa.DictionaryError
    assert (str(back), back.problems) == (str(raised.value), raised.value.problems)
