#!/usr/bin/env python3
"""The matches tifa reports outside every gold phrase of the recall texts, for a precision review.

Usage:
  scripts/outside-gold.py GOLD.toml TEXT_DIR [--tifa target/release/tifa] [--sensitivity default]

A gold list (tests/recall/gold.toml) names the set phrases a reader needs explained, so a match
that touches no gold phrase is either a correct highlight the gold did not list (a repeated
title, a general term) or a false hit. This prints how many matches there are, how many touch
no gold phrase, and then each distinct (entry id, matched text) outside the gold with its count,
the first text it came from and the words around it, most frequent first: the list a reviewer
reads to find false hits. Texts whose file is missing are skipped.

Example:
  python3 scripts/outside-gold.py tests/recall/gold.toml /work/recall-work --tifa target/release/tifa
"""
import collections
import tomllib
from importlib.machinery import SourceFileLoader
from pathlib import Path

# The recall script's occurrence finder, so both read the gold the same way (UTF-16 offsets).
recall = SourceFileLoader("recall", str(Path(__file__).with_name("recall.py"))).load_module()


def main():
    args = recall.arguments().parse_args()
    gold = tomllib.loads(Path(args.gold).read_text(encoding="utf-8"))
    counts = collections.Counter()
    first = {}
    total = outside = texts = 0
    for t in gold["text"]:
        path = Path(args.texts) / t["file"]
        if not path.exists():
            continue
        texts += 1
        text = path.read_text(encoding="utf-8")
        report = recall.annotate(args, path)
        gold_spans = [o for g in t["gold"] for o in recall.occurrences(text, g["text"])]
        units = text.encode("utf-16-le")
        for m in report["matches"]:
            total += 1
            s, e = m["start"], m["end"]
            if any(min(ge, e) - max(gs, s) > 0 for gs, ge in gold_spans):
                continue
            outside += 1
            key = (m["id"], units[2 * s:2 * e].decode("utf-16-le").lower())
            counts[key] += 1
            around = units[max(0, 2 * (s - 40)):2 * (e + 40)].decode("utf-16-le", "replace")
            first.setdefault(key, (t["file"], " ".join(around.split())))
    print(f"{texts} texts, {total} matches, {outside} touch no gold phrase, {len(counts)} distinct")
    for (entry, matched), n in counts.most_common():
        where, around = first[(entry, matched)]
        print(f"{n}\t{entry}\t{matched}\t{where}\t{around}")


if __name__ == "__main__":
    main()
