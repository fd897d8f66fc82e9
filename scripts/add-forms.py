#!/usr/bin/env python3
"""Adds forms to existing entries: one `id|text|kind` per line of the input file.

  scripts/add-forms.py FORMS.txt

Each form is inserted into its entry's `forms = [` list (created when the entry has none),
unless the entry already lists it. Used to merge the variant lists of dictionary sweeps.
"""
import glob
import json
import re
import sys


def main():
    wanted = {}
    for line in open(sys.argv[1], encoding="utf-8"):
        line = line.rstrip("\n")
        if not line.strip() or line.startswith("#"):
            continue
        eid, text, kind = line.split("|")
        wanted.setdefault(eid, []).append((text, kind))
    added, missing = 0, []
    for path in sorted(glob.glob("src/dictionary/*.toml")):
        lines = open(path, encoding="utf-8").read().split("\n")
        ids = [i for i, l in enumerate(lines) if re.match(r'id = "', l)]
        changed = False
        for start in reversed(ids):
            eid = json.loads(lines[start][5:])
            if eid not in wanted:
                continue
            end = next((i for i in range(start + 1, len(lines)) if lines[i].startswith("[[term]]")), len(lines))
            block = "\n".join(lines[start:end])
            new = [f"  {{ text = {json.dumps(t, ensure_ascii=False)}, kind = {json.dumps(k)} }},"
                   for t, k in wanted.pop(eid) if f"text = {json.dumps(t, ensure_ascii=False)}" not in block]
            if not new:
                continue
            at = next((i for i in range(start, end) if lines[i].startswith("forms = [")), None)
            if at is None:
                e = end
                while e > start and not lines[e - 1].strip():
                    e -= 1
                lines[e:e] = ["forms = ["] + new + ["]"]
            elif lines[at].rstrip().endswith("]"):
                inner = lines[at].rstrip()[len("forms = ["):-1].strip()
                lines[at:at + 1] = ["forms = ["] + ([f"  {inner}"] if inner else []) + new + ["]"]
            else:
                lines[at + 1:at + 1] = new
            added += len(new)
            changed = True
        if changed:
            open(path, "w", encoding="utf-8").write("\n".join(lines))
    missing = sorted(wanted)
    print(f"add-forms: {added} forms added; unknown ids: {', '.join(missing) or 'none'}")


if __name__ == "__main__":
    main()
