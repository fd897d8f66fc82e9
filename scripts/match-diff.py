#!/usr/bin/env python3
"""The matches two tifa binaries report differently on every recall text: the check that a
matching rule moved nothing it should not.

Usage:
  scripts/match-diff.py OLD_TIFA NEW_TIFA [--gold tests/recall/gold.toml] [--texts DIR]

Annotates each text of the gold list found in DIR (default /work/recall-work) with both binaries
(`tifa annotate FILE --format json`) and prints, per text that changed, the top-level, nested and
not-counted matches only the old one reports (-) and only the new one reports (+), as
(kind, start, end, id, text) in UTF-16 units; last, how many texts changed.
"""
import argparse
import concurrent.futures as cf
import json
import os
import subprocess
import tomllib


def matches(tifa, path):
    r = json.loads(subprocess.run([tifa, "annotate", "--format", "json", path],
                                  capture_output=True, text=True, check=True).stdout)
    out = set()
    for m in r["matches"]:
        out.add(("top", m["start"], m["end"], m["id"], m["text"]))
        for n in m["nested"]:
            out.add(("nested", n["start"], n["end"], n["id"], n.get("text", "")))
    for m in r.get("not_counted", []):
        out.add(("nc", m["start"], m["end"], m["id"], m.get("text", "")))
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("old")
    ap.add_argument("new")
    ap.add_argument("--gold", default="tests/recall/gold.toml")
    ap.add_argument("--texts", default="/work/recall-work")
    args = ap.parse_args()
    gold = tomllib.load(open(args.gold, "rb"))
    paths = [f"{args.texts}/{t['file']}" for t in gold["text"]]
    paths = [p for p in paths if os.path.exists(p)]

    def one(p):
        a, b = matches(args.old, p), matches(args.new, p)
        return p, sorted(a - b, key=lambda x: x[1]), sorted(b - a, key=lambda x: x[1])

    changed = 0
    with cf.ThreadPoolExecutor(2) as ex:
        for p, lost, gained in ex.map(one, paths):
            if lost or gained:
                changed += 1
                print(f"## {os.path.basename(p)}")
                for x in lost:
                    print("  -", x)
                for x in gained:
                    print("  +", x)
    print(f"{changed} texts changed of {len(paths)}")


if __name__ == "__main__":
    main()
