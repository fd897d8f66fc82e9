#!/usr/bin/env python3
"""Adds forms to existing entries: one `id|text|kind` per line of the input file.

  scripts/add-forms.py FORMS.txt

Each form is inserted into its entry's `forms = [` list (created when the entry has none),
unless the entry already lists it. Used to merge the variant lists of dictionary sweeps.
"""
import glob
import json
import sys

from tomllines import entry_range, insert_forms


def main():
    wanted = {}
    for line in open(sys.argv[1], encoding="utf-8"):
        line = line.rstrip("\n")
        if not line.strip() or line.startswith("#"):
            continue
        eid, text, kind = line.split("|")
        wanted.setdefault(eid, []).append((text, kind))
    added = 0
    for path in sorted(glob.glob("src/dictionary/*.toml")):
        lines = open(path, encoding="utf-8").read().split("\n")
        changed = False
        for eid in [e for e in wanted if entry_range(lines, e)]:
            start, end = entry_range(lines, eid)
            block = "\n".join(lines[start:end])
            new = [f"  {{ text = {json.dumps(t, ensure_ascii=False)}, kind = {json.dumps(k)} }},"
                   for t, k in wanted.pop(eid) if f"text = {json.dumps(t, ensure_ascii=False)}" not in block]
            if new:
                insert_forms(lines, eid, new)
                added += len(new)
                changed = True
        if changed:
            open(path, "w", encoding="utf-8").write("\n".join(lines))
    missing = sorted(wanted)
    print(f"add-forms: {added} forms added; unknown ids: {', '.join(missing) or 'none'}")


if __name__ == "__main__":
    main()
