#!/usr/bin/env python3
"""Recall of tifa on real texts with gold lists written before tifa was run on them.

Usage:
  scripts/recall.py GOLD.toml TEXT_DIR [--tifa target/release/tifa] [--sensitivity default]
                    [--misses] [--skip-missing]

GOLD.toml lists, per text file in TEXT_DIR, the set phrases a reader needs explained, each
copied verbatim from the text (format: tests/recall/gold.toml). A gold phrase counts as found
when some occurrence of it is covered, for at least half of its length, by one match tifa
reports (top-level or nested). Recall per text = found / gold phrases. Prints a Markdown table,
and with --misses the phrases not found. The texts live outside the repository; a missing text
file, or a gold phrase no longer in its text, stops the run, unless --skip-missing, which leaves
that text out of every total and names it at the end.

With --phrases-alone the texts are not read: each text is replaced by its gold phrases alone, one
paragraph each. That is not recall (a form that needs context finds none here); it is a check
that two builds of tifa still find the same gold phrases when the texts are not at hand.
"""
import argparse
import json
import subprocess
import sys
import tempfile
import tomllib


def utf16_index(text, char_index):
    return len(text[:char_index].encode("utf-16-le")) // 2


def occurrences(text, phrase):
    start = 0
    while True:
        i = text.find(phrase, start)
        if i < 0:
            return
        s = utf16_index(text, i)
        yield s, s + len(phrase.encode("utf-16-le")) // 2
        start = i + 1


def spans(report):
    for m in report["matches"]:
        yield m["start"], m["end"]
        for n in m["nested"]:
            yield n["start"], n["end"]


def covered(gold, found):
    gs, ge = gold
    need = (ge - gs) / 2
    return any(min(ge, e) - max(gs, s) >= need for s, e in found)


def arguments():
    """The arguments both recall scripts take (this one and outside-gold.py): the gold list, the
    texts' folder, the CLI and its sensitivity."""
    ap = argparse.ArgumentParser()
    ap.add_argument("gold")
    ap.add_argument("texts")
    ap.add_argument("--tifa", default="target/release/tifa")
    ap.add_argument("--sensitivity", default=None)
    return ap


def annotate(args, path):
    """tifa's JSON report of one text, at the sensitivity the arguments name."""
    cmd = [args.tifa, "annotate", "--format", "json", str(path)]
    if args.sensitivity:
        cmd += ["--sensitivity", args.sensitivity]
    return json.loads(subprocess.run(cmd, check=True, capture_output=True, text=True).stdout)


def main():
    ap = arguments()
    ap.add_argument("--misses", action="store_true")
    ap.add_argument("--skip-missing", action="store_true",
                    help="leave out (and name) texts whose file is missing or lacks a gold phrase")
    ap.add_argument("--phrases-alone", action="store_true",
                    help="measure each text's gold phrases alone, one paragraph each, not the text")
    args = ap.parse_args()
    gold = tomllib.load(open(args.gold, "rb"))
    scratch = tempfile.TemporaryDirectory()
    total_found = total = 0
    rows = []
    misses = []
    skipped = []
    for t in gold["text"]:
        path = f"{args.texts}/{t['file']}"
        if args.phrases_alone:
            path = f"{scratch.name}/{t['file']}"
            with open(path, "w", encoding="utf-8") as f:
                f.write("\n\n".join(g["text"] for g in t["gold"]) + "\n")
        try:
            text = open(path, encoding="utf-8").read()
        except FileNotFoundError:
            if args.skip_missing:
                skipped.append((t["file"], "text file missing"))
                continue
            sys.exit(f"recall: {path}: missing (the texts are kept outside the repository; gold.toml names the source of each; --skip-missing leaves it out)")
        absent = [g["text"] for g in t["gold"] if g["text"] not in text]
        if absent:
            if args.skip_missing:
                skipped.append((t["file"], f"gold phrase {absent[0]!r} not in the text"))
                continue
            sys.exit(f"recall: {t['file']}: gold phrase {absent[0]!r} is not in the text")
        report = annotate(args, path)
        found_spans = list(spans(report))
        n = len(t["gold"])
        hit = 0
        for g in t["gold"]:
            occ = list(occurrences(text, g["text"]))
            if any(covered(o, found_spans) for o in occ):
                hit += 1
            else:
                misses.append((t["file"], g["text"], g.get("zh", "")))
        total += n
        total_found += hit
        rows.append((t["file"], t["kind"], hit, n))
    print("| text | kind | found | gold | recall |")
    print("|---|---|---:|---:|---:|")
    for f, k, h, n in rows:
        print(f"| {f} | {k} | {h} | {n} | {100 * h / n:.0f} % |")
    print(f"| **all** | | {total_found} | {total} | **{100 * total_found / total:.1f} %** |")
    kinds = {}
    for f, k, h, n in rows:
        a = kinds.setdefault(k, [0, 0])
        a[0] += h
        a[1] += n
    print()
    print("by kind: " + ", ".join(f"{k} {100 * h / n:.0f} % ({h}/{n})" for k, (h, n) in kinds.items()))
    if skipped:
        print()
        print(f"left out ({len(skipped)} texts, --skip-missing):")
        for f, why in skipped:
            print(f"- {f}: {why}")
    if args.misses:
        print()
        for f, g, zh in misses:
            print(f"MISS {f}: {g!r} {zh}")


if __name__ == "__main__":
    main()
