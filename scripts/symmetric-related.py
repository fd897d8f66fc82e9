#!/usr/bin/env python3
"""Makes `related` links two-way in the built-in dictionary: for every link A -> B where B does
not list A, appends A to B's `related` line (one line per entry, `related = [...]`). The
validator requires two-way links; this script is how they were made so.

Usage: scripts/symmetric-related.py [src/dictionary]
"""
import glob
import json
import re
import sys
import tomllib

root = sys.argv[1] if len(sys.argv) > 1 else "src/dictionary"
files = sorted(glob.glob(f"{root}/*.toml"))
entries = {}
for f in files:
    for t in tomllib.load(open(f, "rb")).get("term", []):
        entries[t["id"]] = (f, t.get("related", []))
missing = {}
for a, (_, rel) in entries.items():
    for b in rel:
        if b in entries and a not in entries[b][1]:
            missing.setdefault(b, []).append(a)
changed = 0
for f in files:
    lines = open(f, encoding="utf-8").read().split("\n")
    current = None
    for i, line in enumerate(lines):
        m = re.match(r'id = "([^"]+)"$', line)
        if m:
            current = m.group(1)
            continue
        if current in missing and line.startswith("related = ["):
            have = json.loads(line[len("related = "):])
            have += [x for x in missing.pop(current) if x not in have]
            lines[i] = "related = " + json.dumps(have, ensure_ascii=False)
            changed += 1
    # Entries with no related line get one after their `since` line.
    for i, line in enumerate(lines):
        m = re.match(r'id = "([^"]+)"$', line)
        if m and m.group(1) in missing:
            j = next(k for k in range(i, len(lines)) if lines[k].startswith("gloss = "))
            lines.insert(j, "related = " + json.dumps(missing.pop(m.group(1)), ensure_ascii=False))
            changed += 1
    open(f, "w", encoding="utf-8").write("\n".join(lines))
print(f"symmetric-related: {changed} entries gained reverse links")
