#!/usr/bin/env python3
"""What an English page would fetch before its first highlight if the English match part were
cut into shards by a key word, or into a first part and a second one (issue 10, item 4).

    python3 benches/shards.py [--tifa BIN] [--fixed B] [--k 8,16,32,64,256,1024] [--json]
    (BIN: the tifa CLI, default target/release/tifa: it compiles the built-in dictionary and the
    doubled one of `benches/dict_size.py` and annotates the texts; B: what every English page
    fetches besides the match parts, the embed's JS and wasm, default 103,524 B: `node
    benches/embed.mjs --transfer` at 1,967 entries, embed.min.js 13,581 + its chunk 705 +
    tifa_embed.js 2,873 + tifa_embed_bg.wasm 86,365)

A measurement made before any code, not a model of a shipped layout. It reads the base part and
the English part as `tifa dict compile` writes them (the streams of
`src/dictionary/compiled/layout.rs`), cuts the English text stream into its form groups (a
literal form, or a template stored once) and sizes every arrangement with `gzip -9` of the
bytes the part stores for those groups (`gzip -9` through a pipe, as `benches/dict_size.py` measures) (same word codes, template counts, and each shard's
group numbers as LEB128 deltas), 40 B of header per file.

1. Exact shards. Each group gets a *key*: a word every match of each of its forms must hold,
   as the matcher's scope test asks it (`in_every_variant` in `src/matching/patterns.rs`: ASCII
   letters and digits, not "the", no hyphen beside it; in a template, a word outside its `( | )`
   and `[ | ]` groups, touching none). The key is the group's rarest candidate word by a
   frequency table taken from the neutral corpus (target/neutral/en, in pieces of 2,000 words;
   the dictionary's own count of groups holding the word breaks ties), never from the recall
   texts; `hash` keys by the same table but puts each key in shard 1 + crc32(key) mod (K - 1).
   Otherwise the keys, commonest first, are cut into K - 1 shards of about equal raw bytes
   (keys a text is likely to hold share shards). Shard 0, which every English page fetches,
   holds the groups without a key and the text's word list; the index (every key and its shard)
   is fetched with it. Each entry's English name is left to the card part, which has it (a form
   equal to the name carries its text in its shard). A text needs shard 0 and every shard with a
   key among its words, taken loosely (lower case, NFKC, line-end hyphens joined, each word also
   without a plural s/es and in its American spelling by the matcher's rules: more shards than an exact scan, never
   fewer). It checks itself: every match of an English form that `tifa annotate` finds in a text
   (at sensitivity `all`) lies in a group of a shard that text fetches, or it stops with the
   misses.
   At 2x the copies' words are rotated letters no real text holds: the texts are then taken
   with their copy rotated as dict_size.py rotates copy 2, so the new entries' keys are hit as
   often as the old ones (as a real doubled dictionary's would be).
2. A first part and a second one: the English part split by the groups' kinds, the first part
   fetched before the first highlight, the second right after it (the text walked again before
   `highlight` resolves). For each split: both parts' bytes at 1x and 2x, and which share of the
   matches the whole dictionary finds in the texts (`tifa annotate`, default sensitivity,
   top-level matches) a first highlight from the first part alone could show (a match whose
   form is the entry's English name, or an official literal form…).

The texts: the English texts of /work/recall-work (official, media, machine translation) when
that folder exists, and the three English samples of tests/samples.
"""
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import tomllib
import unicodedata
import zlib

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from dict_size import gz, leb, project, rot, streams  # noqa: E402

BUDGET = 250_000
FLAG_CHINESE = 1 << 2
FLAG_SAME_AS = 3 << 3
SAME_AS_EN = 3 << 3
FLAG_TEMPLATE = 1 << 5
FLAG_FROM_TEMPLATE = 1 << 8
ONE_BYTE = 64


def ints(s):
    out, i = [], 0
    while i < len(s):
        v, i = leb(s, i)
        out.append(v)
    return out


def enc_leb(v):
    out = bytearray()
    while True:
        b = v & 0x7F
        v >>= 7
        if v:
            out.append(b | 0x80)
        else:
            out.append(b)
            return bytes(out)


def word_list(s):
    n, j = leb(s, 0)
    words = []
    for _ in range(n):
        k, j = leb(s, j)
        words.append(s[j:j + k].decode())
        j += k
    return words, j


def strings(s, start, words):
    """The encoded strings of a text stream after its word list: [(raw bytes, decoded text)]."""
    out, i = [], start
    while i < len(s):
        raw_start, buf = i, bytearray()
        while True:
            c = s[i]
            if c == 0:
                i += 1
                break
            if c == 1:
                buf.append(s[i + 1])
                i += 2
            elif 2 <= c <= 8:
                buf += words[ONE_BYTE + (c - 2) * 256 + s[i + 1]].encode()
                i += 2
            elif 0x80 <= c <= 0xBF:
                buf += words[c - 0x80].encode()
                i += 1
            elif c >= 0xC0:
                n = 2 if c < 0xE0 else 3 if c < 0xF0 else 4
                buf += s[i:i + n]
                i += n
            else:
                buf.append(c)
                i += 1
        out.append((s[raw_start:i], buf.decode()))
    return out


def groups(pkg):
    """The English form groups of the parts in `pkg`, in the part's order: {groups: [{entry,
    flags, raw (the bytes the text stream holds for it; a form equal to the entry's name: the
    name's), counts (its template counts), texts, template}], wordlist, names (each entry's
    English name as stored), base (gzip B of the base part), english (of the English part)}."""
    base_bytes = open(os.path.join(pkg, "tifa.match.bin"), "rb").read()
    en_bytes = open(os.path.join(pkg, "tifa.match.en.bin"), "rb").read()
    base = dict(streams(base_bytes))
    en = dict(streams(en_bytes))
    n = leb(base["entry count"], 0)[0]
    gcounts = ints(base["group counts"])
    gflags = ints(base["group flags"])
    words, start = word_list(en["text"])
    strs = strings(en["text"], start, words)
    counts = ints(en["template counts"])
    si = ci = fi = 0
    out, names = [], []
    for e in range(n):
        en_raw, en_text = strs[si]
        names.append(en_raw)
        si += 1
        for _ in range(gcounts[e]):
            f = gflags[fi]
            fi += 1
            # Chinese groups are in the Chinese part, machine-translation ones (kind 2) in the MT part.
            if f & FLAG_CHINESE or f & 3 == 2:
                continue
            g = {"entry": e, "flags": f, "raw": b"", "counts": b"", "texts": [], "template": None}
            if f & FLAG_TEMPLATE:
                raw, t = strs[si]
                si += 1
                g["raw"], g["template"] = raw, t
                nd = counts[ci + 1]
                g["counts"] = b"".join(enc_leb(v) for v in counts[ci:ci + 2 + nd])
                ci += 2 + nd
            else:
                if f & FLAG_SAME_AS == SAME_AS_EN:
                    g["raw"], g["texts"] = en_raw, [en_text]
                else:
                    raw, t = strs[si]
                    si += 1
                    g["raw"], g["texts"] = raw, [t]
                if f & FLAG_FROM_TEMPLATE:
                    raw, t = strs[si]
                    si += 1
                    g["raw"] += raw
            out.append(g)
    if si != len(strs) or ci != len(counts):
        raise SystemExit(f"{pkg}: the English part does not follow the base part's groups: update benches/shards.py")
    return {"groups": out, "wordlist": en["text"][:start], "names": names,
            "base": gz(base_bytes), "english": gz(en_bytes)}


WORD = re.compile(r"[a-z0-9]+")


def candidates(g):
    """Words every match of every form of the group holds."""
    if g["template"] is not None:
        t = g["template"].lower()
        # Blank out the groups and what touches them.
        masked, depth = [], 0
        for c in t:
            if c in "([":
                depth += 1
            masked.append("\0" if depth else c)
            if c in ")]":
                depth -= 1
        texts = ["".join(masked)]
    else:
        texts = [x.lower() for x in g["texts"]]
    out = None
    for t in texts:
        t = unicodedata.normalize("NFKC", t).replace("{place}", "\0")
        found = set()
        for m in WORD.finditer(t):
            a, b = m.span()
            before = t[a - 1] if a else " "
            after = t[b] if b < len(t) else " "
            w = m.group()
            if w == "the" or before in "-\0" or after in "-\0" or before.isalnum() or after.isalnum():
                continue
            found.add(w)
        out = found if out is None else out & found
    return out or set()


def spelling_rules():
    """The British → American word list and the -our stems of the matcher's spelling rules
    (src/matching/alphabet/spelling.rs), read from that file so the two cannot drift."""
    src = open(os.path.join(ROOT, "src", "matching", "alphabet", "spelling.rs")).read()
    words = src[src.index("const WORDS"):]
    words = dict(re.findall(r'\("([a-z]+)", "([a-z]+)"\)', words[:words.index("];")]))
    stems = src[src.index("const OUR_STEMS"):]
    stems = re.findall(r'"([a-z]+)"', stems[:stems.index("];")])
    return words, stems


SPELLING_WORDS, OUR_STEMS = spelling_rules()


def american(w):
    """The American spelling of a lower-case word, by the rules of `spelling.rs` (`american`)."""
    if len(w) < 5:
        return w
    if w in SPELLING_WORDS:
        return SPELLING_WORDS[w]
    for stem in OUR_STEMS:
        if w.startswith(stem):
            return w[:len(stem) - 2] + w[len(stem) - 1:]
    at = w.find("isation")
    if at >= 0:
        return w[:at + 1] + "z" + w[at + 2:]
    for end in ("ise", "ised", "ises", "ising", "iser", "isers", "yse", "ysed", "yses", "ysing"):
        if len(w) >= 6 + len(end) - 3 and w.endswith(end):
            i = len(w) - len(end) + 1
            return w[:i] + "z" + w[i + 1:]
    return w


def text_words(text):
    t = unicodedata.normalize("NFKC", text).lower()
    t = t.replace("\u2019", "'")
    t = re.sub(r"-\s*\n\s*", "", t)
    out = set()
    for w in WORD.findall(t):
        for v in (w, w[:-1] if w.endswith("s") else w, w[:-2] if w.endswith("es") else w):
            out.add(v)
            out.add(american(v))
    return out


def neutral_df():
    folder = os.path.join(ROOT, "target", "neutral", "en")
    df, pieces = {}, 0
    if not os.path.isdir(folder):
        return df, 1
    for f in sorted(os.listdir(folder)):
        words = WORD.findall(open(os.path.join(folder, f), errors="replace").read().lower())
        for i in range(0, len(words), 2000):
            pieces += 1
            for w in set(words[i:i + 2000]):
                df[w] = df.get(w, 0) + 1
    return df, pieces


def keys_of(gs, table):
    """Each group's key (its rarest candidate word by `table`, in American spelling), or
    None."""
    out = []
    for g in gs:
        c = candidates(g)
        out.append(american(min(c, key=lambda w: (table(w), -len(w), w))) if c else None)
    return out


def plan(gs, keys, table, k, mode):
    """Each group's shard (0: every page) and each key's: ([shard], {key: shard})."""
    members = {}
    for i, key in enumerate(keys):
        if key is not None:
            members.setdefault(key, []).append(i)
    if mode == "hash":
        where = {key: 1 + zlib.crc32(key.encode()) % (k - 1) for key in members}
    else:
        order = sorted(members, key=lambda w: (-table(w), w))
        total = sum(len(gs[i]["raw"]) for m in members.values() for i in m)
        per, s, filled, where = total / (k - 1), 1, 0, {}
        for key in order:
            if filled >= per * s and s < k - 1:
                s += 1
            where[key] = s
            filled += sum(len(gs[i]["raw"]) for i in members[key])
    shard = [where[key] if key is not None else 0 for key in keys]
    return shard, where


def part_bytes(gs, idx, extra=b""):
    """gzip B of a file holding the groups `idx` (and `extra` before them), its header included."""
    body = b"".join(gs[i]["raw"] for i in idx)
    cnt = b"".join(gs[i]["counts"] for i in idx)
    pos = b"".join(enc_leb(b - a) for a, b in zip([0] + idx, idx))
    return gz(extra + pos + cnt + body) + 40


def index_bytes(where):
    by = {}
    for key, s in where.items():
        by.setdefault(s, []).append(key)
    return gz("\n".join(" ".join(sorted(by[s])) for s in sorted(by)).encode())


def table_and_keys(gs, ndf):
    """The frequency table (neutral corpus, then the dictionary's count) and each group's key."""
    dict_df = {}
    for g in gs:
        for w in candidates(g):
            dict_df[w] = dict_df.get(w, 0) + 1
    table = lambda w: ndf(w) * 100_000 + dict_df.get(w, 0)  # noqa: E731
    return table, keys_of(gs, table)


def entry_ids(pkg):
    """Each entry's id, in order, from the Chinese part's id stream (which has them whole; the
    English part codes most against the English names)."""
    zh = dict(streams(open(os.path.join(pkg, "tifa.match.zh.bin"), "rb").read()))
    words, start = word_list(zh["ids as text"])
    return [t for _, t in strings(zh["ids as text"], start, words)]


def check_keys(d, ids, keys, reports, words):
    """Every match of an English form the CLI found in a text must be in a shard that text
    fetches: a literal form's group (by its text) or one of its entry's templates has a key the
    text holds, or none (shard 0). Returns the misses."""
    literal, templates = {}, {}
    for g, k in zip(d["groups"], keys):
        if g["template"] is None:
            for t in g["texts"]:
                literal.setdefault((g["entry"], t.lower()), set()).add(k)
        else:
            templates.setdefault(g["entry"], set()).add(k)
    at = {x: n for n, x in enumerate(ids)}
    misses = []
    for r, w in zip(reports, words):
        for m in r["matches"]:
            if not re.search(r"[A-Za-z]", m["form"]) or re.search(r"[\u3400-\u9fff]", m["form"]):
                continue
            e = at[m["id"]]
            ks = literal.get((e, m["form"].lower())) or templates.get(e, set())
            if not any(k is None or k in w for k in ks):
                misses.append((r["source"], m["id"], m["form"]))
    return misses


def exact_shards(d, views, ndf, ks, fixed):
    gs = d["groups"]
    table, keys = table_and_keys(gs, ndf)
    rows = []
    for k in ks:
        for mode in ("bands", "hash"):
            if mode == "hash" and k > 64:
                continue
            shard, where = plan(gs, keys, table, k, mode)
            by = [[] for _ in range(k)]
            for i, s in enumerate(shard):
                by[s].append(i)
            sizes = [part_bytes(gs, by[s], d["wordlist"] if s == 0 else b"") for s in range(k)]
            idx = index_bytes(where)
            for view, words in views:
                totals, files = [], []
                for w in words:
                    need = {0} | {s for key, s in where.items() if key in w}
                    files.append(len(need))
                    totals.append(fixed + d["base"] + idx + sum(sizes[s] for s in need))
                rows.append({"k": k, "mode": mode, "view": view, "shard0": sizes[0], "index": idx,
                             "keyed": sum(sizes[1:]), "median": round(statistics.median(totals)),
                             "worst": max(totals), "files": round(statistics.median(files)),
                             "most_files": max(files), "over": sum(t > BUDGET for t in totals)})
    return rows


# The splits into a first and a second English part: (name, is the group in the first part?,
# does the first part hold the names, is a match's form in the first part?).
def official_literal(g):
    return g["flags"] & 3 == 0 and g["template"] is None


def same_as_name(g):
    return g["flags"] & FLAG_SAME_AS == SAME_AS_EN and g["template"] is None


def words_in(g):
    return len((g["template"] or " ".join(g["texts"])).split())


# (name, is the group in the first part?, does the first part hold the names?, is a match's form
# in the first part? given the match and its entry's {"en": name, "official": official literal
# forms, "literal": literal forms}, lower case)
SPLITS = [
    ("names and the forms equal to them", same_as_name, True,
     lambda m, f: m["form"].lower() == f["en"]),
    # (an entry's English name is one of its forms, mostly official: its text stays here)
    ("official literal forms (names left to the card part)", official_literal, False,
     lambda m, f: m["form"].lower() in f["official"] or (m["form"].lower() == f["en"] and m.get("kind") == "official")),
    ("names and official literal forms", lambda g: same_as_name(g) or official_literal(g), True,
     lambda m, f: m["form"].lower() in f["official"] or m["form"].lower() == f["en"]),
    ("names and every official form", lambda g: same_as_name(g) or g["flags"] & 3 == 0, True,
     lambda m, f: m.get("kind") == "official" or m["form"].lower() == f["en"]),
    # Short forms match more often and cost fewer bytes (a prior, not taken from the texts).
    ("names and official literal forms of four words at most",
     lambda g: same_as_name(g) or (official_literal(g) and words_in(g) <= 4), True,
     lambda m, f: m["form"].lower() == f["en"] or (m["form"].lower() in f["official"] and len(m["form"].split()) <= 4)),
    ("names and literal forms of two words at most (any kind)",
     lambda g: same_as_name(g) or (g["template"] is None and words_in(g) <= 2), True,
     lambda m, f: m["form"].lower() == f["en"] or (m["form"].lower() in f["literal"] and len(m["form"].split()) <= 2)),
]


def split_bytes(d, first, names):
    gs = d["groups"]
    a = [i for i, g in enumerate(gs) if first(g)]
    b = [i for i, g in enumerate(gs) if not first(g)]
    wl = d["wordlist"]
    if names:
        # The names stored once: a form equal to its entry's name adds no text.
        same = lambda g: g["flags"] & FLAG_SAME_AS == SAME_AS_EN and g["template"] is None  # noqa: E731
        body = b"".join(b"" if same(gs[i]) else gs[i]["raw"] for i in a)
        cnt = b"".join(gs[i]["counts"] for i in a)
        one = gz(wl + b"".join(d["names"]) + cnt + body) + 40
    else:
        one = part_bytes(gs, a, wl)
    return one, part_bytes(gs, b, wl)


def shown(reports, forms, test):
    """The share of the matches a first highlight from the first part alone could show."""
    total = kept = 0
    none = {"en": "", "official": set(), "literal": set()}
    for r in reports:
        for m in r["matches"]:
            total += 1
            kept += bool(test(m, forms.get(m["id"], none)))
    return kept / max(total, 1), total


def dictionary_forms():
    """{id: {"en": its English name, "official": its official literal forms, "literal": its
    literal forms}}, lower case, from the TOML."""
    out = {}
    src = os.path.join(ROOT, "src", "dictionary")
    for f in sorted(os.listdir(src)):
        if f.endswith(".toml"):
            for t in tomllib.load(open(os.path.join(src, f), "rb")).get("term", []):
                lit = [x for x in t.get("forms", []) if not x.get("template")]
                out[t["id"]] = {"en": t["en"].lower(),
                                "official": {x["text"].lower() for x in lit if x.get("kind") == "official"},
                                "literal": {x["text"].lower() for x in lit}}
    return out


def texts(args):
    """The English texts: the recall work's (official, media, machine translation) and the samples."""
    rw = "/work/recall-work"
    names = sorted(f for f in os.listdir(rw) if re.match(r"(official|media|mt)-en-.*\.txt$", f)) if os.path.isdir(rw) else []
    out = [os.path.join(rw, f) for f in names]
    sam = os.path.join(ROOT, "tests", "samples")
    return out + [os.path.join(sam, f) for f in ("official-en.txt", "mt-en.txt", "news-prose.txt")]


def measure(tifa, fixed, ks, files):
    """Every figure the script prints, as data."""
    raw = [open(f, errors="replace").read() for f in files]
    tw = [text_words(t) for t in raw]
    tw2 = [w | text_words(rot(t, 2)) for w, t in zip(tw, raw)]
    df, pieces = neutral_df()
    out = {"texts": len(files), "fixed": fixed, "budget": BUDGET, "neutralPieces": pieces, "scales": [], "splits": []}
    with tempfile.TemporaryDirectory() as tmp:
        one, two = os.path.join(tmp, "x1"), os.path.join(tmp, "x2")
        project(1.0, one, tifa, quiet=True)
        project(2.0, two, tifa, quiet=True)
        sets = [("1x", groups(one), [("the text", tw)], lambda w: df.get(w, 0)),
                # A copy's word is as common as its original (rotated back).
                ("2x", groups(two), [("the text and its copy", tw2)], lambda w: max(df.get(w, 0), df.get(rot(w, 24), 0)))]
        annotated = subprocess.run([tifa, "annotate", "--format", "json", *files], capture_output=True, text=True, check=True).stdout
        every = subprocess.run([tifa, "annotate", "--format", "json", "--sensitivity", "all", *files],
                               capture_output=True, text=True, check=True).stdout
        reports = [json.loads(line) for line in annotated.splitlines() if line.strip()]
        forms = dictionary_forms()
        # The keys checked against what the matcher finds (today's dictionary).
        all_reports = [json.loads(line) for line in every.splitlines() if line.strip()]
        misses = check_keys(sets[0][1], entry_ids(one), table_and_keys(sets[0][1]["groups"], sets[0][3])[1], all_reports, tw)
        if misses:
            raise SystemExit(f"{len(misses)} matches of English forms are in no shard their text fetches, e.g. {misses[:3]}:"
                             " the keys are wrong (update benches/shards.py)")
        out["checked"] = sum(len(r["matches"]) for r in all_reports)
        for label, d, views, ndf in sets:
            out["scales"].append({"scale": label, "groups": len(d["groups"]), "base": d["base"], "english": d["english"],
                                  "today": fixed + d["base"] + d["english"], "shards": exact_shards(d, views, ndf, ks, fixed)})
        for name, first, names, test in SPLITS:
            share, total = shown(reports, forms, test)
            row = {"name": name, "shows": share, "matches": total}
            for label, d, _, _ in sets:
                a, b = split_bytes(d, first, names)
                row[label] = {"first": a, "second": b, "firstHighlight": fixed + d["base"] + a}
            out["splits"].append(row)
    return out


def main():
    args = sys.argv[1:]
    tifa = args[args.index("--tifa") + 1] if "--tifa" in args else os.path.join(ROOT, "target", "release", "tifa")
    fixed = int(args[args.index("--fixed") + 1]) if "--fixed" in args else 103_524
    ks = [int(x) for x in (args[args.index("--k") + 1] if "--k" in args else "8,16,32,64,256,1024").split(",")]
    files = texts(args)
    m = measure(tifa, fixed, ks, files)
    if "--json" in args:
        print(json.dumps(m))
        return
    within = lambda t: "within" if t <= BUDGET else "OVER"  # noqa: E731
    print(f"{m['texts']} English texts; neutral corpus {m['neutralPieces']} pieces of 2,000 words; every English page fetches"
          f" {fixed} B besides the match parts; budget {BUDGET} B before the first highlight (gzip -9); the keys checked"
          f" against the {m['checked']} matches of the texts at sensitivity all")
    print("\n1. exact shards: transfer before the first highlight over the texts (fixed + base part + index + shard 0 + the shards hit)")
    for sc in m["scales"]:
        print(f"  {sc['scale']}: {sc['groups']} English groups; base part {sc['base']} B, English part {sc['english']} B;"
              f" an English page fetches {sc['today']} B today ({within(sc['today'])} the budget)")
        for r in sc["shards"]:
            print(f"    K={r['k']:4} {r['mode']:5} shard 0 {r['shard0']:6} B, index {r['index']:6} B, keyed shards {r['keyed']:7} B"
                  f" | median {r['median']:7} B, worst {r['worst']:7} B; files median {r['files']:4}, most {r['most_files']:4};"
                  f" over the budget: {r['over']}/{m['texts']}")
    print("\n2. a first English part, the rest after the first highlight (fixed + base part + first part)")
    for row in m["splits"]:
        line = f"  {row['name']}: shows {row['shows']:.1%} of the {row['matches']} matches;"
        for label in ("1x", "2x"):
            x = row[label]
            line += (f" {label} first part {x['first']} B, second {x['second']} B, first highlight"
                     f" {x['firstHighlight']} B ({within(x['firstHighlight'])});")
        print(line)


if __name__ == "__main__":
    main()
