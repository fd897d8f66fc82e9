#!/usr/bin/env python3
"""Where the bytes of the compiled match parts go, and what they would be at k times the dictionary.

    python3 benches/dict_size.py [DIR]                  (default www/pkg, after make build)
    python3 benches/dict_size.py --project K [--json] [--tifa BIN]
    python3 benches/dict_size.py --scale S --out DIR2 [--tifa BIN]
    (BIN: the tifa CLI, default target/release/tifa; it compiles with its own writer)

1. Every stream (section) of the base part `tifa.match.bin` and of the script parts
   `tifa.match.en.bin` and `tifa.match.zh.bin` in DIR: raw bytes and `gzip -9` bytes of the
   stream alone (fed through a pipe: no file name in the gzip header), and, for the text
   streams, their word list apart from the strings; then each part's bytes per entry. It reads
   the stream lengths the parts start with (`src/dictionary/compiled/layout.rs`); a part whose
   magic tag it does not know, or whose streams do not add up to its length, is an error, so a
   new layout cannot be misreported.
2. `--scale S`: the built-in dictionary and copies of its entries, S - 1 copied entries for each
   built-in one (1.35: 35 % of them, spread evenly), compiled with `tifa dict compile DIR2
   --dict COPIES`. Copy N maps every letter of its ids, aliases and text through a fixed
   permutation of the alphabet (rotated by N, case kept; ids get the suffix `-xN`) and every
   Han character of U+4E00..U+9FFF to another one (moved by N*0x1000 in that block), `{place}`
   slots kept, and leaves out `related` (which only the card part holds): every form is new
   while its shape is kept (lengths, word boundaries, repeats inside the entry, templates and
   their expansions). The copies share no words with the original, so the word lists grow: a
   pessimistic projection for a real dictionary whose new entries reuse "Party" and
   "socialism".
3. `--project K`: the parts at 1x and at MEASURED_SCALE (the most the load's budget of template
   expansions allows), each carried on to K times today's entries by its gzip bytes per added
   entry. `node benches/embed.mjs --transfer` runs it (--json) and prints the embed's transfer
   with each match part grown so.
"""
import json
import os
import re
import subprocess
import sys
import tempfile
import tomllib

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")

BASE_MAGIC = b"tifa-b3\n"
SCRIPT_MAGIC = b"tifa-s6\n"
HASH_LEN = 8
# Stream names in the order of layout.rs (BASE_STREAMS, SCRIPT_STREAMS).
BASE_STREAMS = ["entry count", "categories", "years", "entry flags", "alias counts",
                "group counts", "group flags", "aliases (and unusual categories)"]
SCRIPT_STREAMS = ["template counts", "text", "traditional codes", "traditional → simplified table",
                  "id codes (against the English name)", "ids as text"]
WORD_LISTS = {"aliases (and unusual categories)", "text", "ids as text"}


def gz(data):
    return len(subprocess.run(["gzip", "-9c"], input=data, capture_output=True, check=True).stdout)


def leb(b, i):
    v = s = 0
    while True:
        c = b[i]
        i += 1
        v |= (c & 0x7F) << s
        s += 7
        if c < 0x80:
            return v, i


def streams(data):
    """The streams of one part: [(name, bytes)]."""
    if data.startswith(BASE_MAGIC):
        i, names = len(BASE_MAGIC), BASE_STREAMS
    elif data.startswith(SCRIPT_MAGIC):
        i, names = len(SCRIPT_MAGIC) + 1, SCRIPT_STREAMS
    else:
        raise SystemExit(f"unknown part (magic {data[:8]!r}): update benches/dict_size.py")
    i += HASH_LEN
    lens = []
    for _ in names:
        n, i = leb(data, i)
        lens.append(n)
    out = [("header", data[:i])]
    for name, n in zip(names, lens):
        out.append((name, data[i:i + n]))
        i += n
    if i != len(data):
        raise SystemExit(f"{i} of {len(data)} bytes in streams: update benches/dict_size.py")
    return out


def word_list_end(s):
    n, j = leb(s, 0)
    for _ in range(n):
        k, j = leb(s, j)
        j += k
    return n, j


def entry_count(base):
    return leb(dict(streams(base))["entry count"], 0)[0]


def report(folder):
    parts = [("tifa.match.bin", "base"), ("tifa.match.en.bin", "English"), ("tifa.match.zh.bin", "Chinese"),
             ("tifa.match.mt.bin", "MT")]
    datas = {f: open(os.path.join(folder, f), "rb").read() for f, _ in parts}
    entries = entry_count(datas["tifa.match.bin"])
    print(f"{folder}: {entries} entries (gzip -9; each stream compressed alone)")
    print(f"  {'part / stream':42} {'raw B':>9} {'gzip B':>8}")
    for f, name in parts:
        data = datas[f]
        print(f"  {name + ' part (' + f + ')':42} {len(data):9} {gz(data):8}")
        for sname, s in streams(data):
            print(f"    {sname:40} {len(s):9} {gz(s):8}")
            if sname in WORD_LISTS and s:
                words, end = word_list_end(s)
                print(f"      {f'word list ({words} words)':38} {end:9} {gz(s[:end]):8}")
                print(f"      {'strings':38} {len(s) - end:9} {gz(s[end:]):8}")
    print("  bytes per entry (gzip -9 of the whole part / entries):")
    for f, name in parts:
        print(f"    {name:10} {gz(datas[f]) / entries:7.1f} B gzip, {len(datas[f]) / entries:7.1f} B raw")


# ---- the projection -------------------------------------------------------------------------

def rot(s, n):
    out = []
    for c in s:
        if "a" <= c <= "z":
            out.append(chr((ord(c) - 97 + n) % 26 + 97))
        elif "A" <= c <= "Z":
            out.append(chr((ord(c) - 65 + n) % 26 + 65))
        elif "\u4e00" <= c <= "\u9fff":
            out.append(chr((ord(c) - 0x4E00 + n * 0x1000) % 0x5200 + 0x4E00))
        else:
            out.append(c)
    return "".join(out)


def mapped(s, n):
    """A text of copy n: letters and Han characters mapped, a `{place}` slot kept."""
    return "{place}".join(rot(p, n) for p in s.split("{place}"))


def toml_str(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def toml_value(v):
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int):
        return str(v)
    if isinstance(v, str):
        return toml_str(v)
    if isinstance(v, list):
        return "[" + ", ".join(toml_value(x) for x in v) + "]"
    if isinstance(v, dict):
        return "{ " + ", ".join(f"{k} = {toml_value(x)}" for k, x in v.items()) + " }"
    raise TypeError(type(v))


def copy_file(text, n, keep):
    """Copy n of one dictionary file, with the entries for which `keep(i)` holds (i counts
    the entries of every file)."""
    doc = tomllib.loads(text)
    out = []
    suffix = f"-x{n}"
    for t in doc.get("term", []):
        if not keep():
            continue
        t = dict(t)
        t["id"] = mapped(t["id"], n) + suffix
        # `related` lives in the card part only; a part copy would link to entries it lacks.
        t.pop("related", None)
        if "aliases" in t:
            t["aliases"] = [mapped(r, n) + suffix for r in t["aliases"]]
        for key in ("zh", "zh_hant", "en"):
            if key in t:
                t[key] = mapped(t[key], n)
        if "forms" in t:
            t["forms"] = [dict(f, text=mapped(f["text"], n)) for f in t["forms"]]
        out.append("[[term]]\n" + "".join(f"{k} = {toml_value(v)}\n" for k, v in t.items()))
    return "\n".join(out)


def project(k, out_dir, tifa, quiet=False):
    """The built-in dictionary and copies of it: k - 1 entries of them for each built-in one
    (k = 1.5: every other entry once)."""
    src = os.path.join(ROOT, "src", "dictionary")
    files = sorted(f for f in os.listdir(src) if f.endswith(".toml"))
    with tempfile.TemporaryDirectory() as tmp:
        copies = []
        n = 2
        while k > n - 1:
            share = min(1.0, k - (n - 1))
            seen = [0]

            def keep(share=share, seen=seen):
                # Entry i is kept when it takes the kept share past a whole number.
                i = seen[0]
                seen[0] += 1
                return int((i + 1) * share) > int(i * share)

            for f in files:
                path = os.path.join(tmp, f"x{n}-{f}")
                with open(path, "w") as w:
                    w.write(copy_file(open(os.path.join(src, f)).read(), n, keep))
                copies.append(path)
            n += 1
        args = [tifa, "dict", "compile", out_dir]
        for c in copies:
            args += ["--dict", c]
        subprocess.run(args, check=True, capture_output=quiet)
    if not quiet:
        report(out_dir)


# The share of copied entries the projection compiles: twice today's dictionary, which stays
# within the load's budget of template expansions (MAX_TEMPLATE_FORMS, 100,000: about 2.9 times
# today's), so the parts at 2x are measured rather than carried on from a smaller copy.
MEASURED_SCALE = 2.0


def gz_file(path):
    return gz(open(path, "rb").read())


def projection(k, tifa, quiet=False):
    """Each match part's gzip bytes at 1x (today) and MEASURED_SCALE, and projected to k x by
    the bytes per copied entry: {file: (now, measured, projected)}, and the entry counts."""
    with tempfile.TemporaryDirectory() as tmp:
        one, more = os.path.join(tmp, "x1"), os.path.join(tmp, "xm")
        project(1.0, one, tifa, quiet=True)
        project(MEASURED_SCALE, more, tifa, quiet=True)
        counts = [entry_count(open(os.path.join(d, "tifa.match.bin"), "rb").read()) for d in (one, more)]
        out = {}
        for f in ("tifa.match.bin", "tifa.match.en.bin", "tifa.match.zh.bin", "tifa.match.mt.bin"):
            a, b = gz_file(os.path.join(one, f)), gz_file(os.path.join(more, f))
            per_entry = (b - a) / (counts[1] - counts[0])
            out[f] = (a, b, round(a + per_entry * counts[0] * (k - 1)))
        return out, counts


def main():
    args = sys.argv[1:]
    tifa = args[args.index("--tifa") + 1] if "--tifa" in args else os.path.join(ROOT, "target", "release", "tifa")
    if "--scale" in args:
        k = float(args[args.index("--scale") + 1])
        out = args[args.index("--out") + 1]
        project(k, out, tifa)
    elif "--project" in args:
        k = float(args[args.index("--project") + 1])
        parts, (n1, nm) = projection(k, tifa)
        if "--json" in args:
            print(json.dumps({"scale": k, "entries": n1, "measuredEntries": nm,
                              "parts": {f: {"now": a, "measured": b, "projected": p} for f, (a, b, p) in parts.items()}}))
            return
        print(f"match parts, gzip -9: {n1} entries today, {nm} measured ({MEASURED_SCALE}x), projected to {k}x"
              f" ({round(n1 * k)} entries) by the bytes per added entry")
        for f, (a, b, p) in parts.items():
            print(f"  {f:20} {a:8} B  {b:8} B  {p:8} B   {(b - a) / (nm - n1):6.1f} B per added entry")
    else:
        report(args[0] if args else os.path.join(ROOT, "www", "pkg"))


if __name__ == "__main__":
    main()
