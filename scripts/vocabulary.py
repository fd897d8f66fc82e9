#!/usr/bin/env python3
"""Writes tifa's vocabulary (src/vocabulary.toml: categories, kinds, context reasons) into the
languages that use it:

  src/vocabulary.rs     Rust: CATEGORIES, KIND_NAMES, REASON_NAMES (the enums are checked against them)
  www/lib/vocabulary.js JS: CATEGORIES, CATEGORY_LABELS, KIND_LABELS, CONTEXT_LABELS, MARK_COLORS
  www/vocabulary.css    CSS: the page's --cat-* colours (light and dark) and .tifa-cat-* classes

Usage:
  scripts/vocabulary.py            write the three files (make build runs this)
  scripts/vocabulary.py --check    exit 1, naming the stale files, if they differ from the TOML
"""
import json
import re
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "src" / "vocabulary.toml"
HEADER = "Written by scripts/vocabulary.py from src/vocabulary.toml: edit that file, not this one."
COLOUR = re.compile(r"^#[0-9a-f]{6}$")
NAME = re.compile(r"^[a-z][a-z0-9-]*$")


def load():
    try:
        with open(SOURCE, "rb") as f:
            v = tomllib.load(f)
    except (OSError, tomllib.TOMLDecodeError) as err:
        sys.exit(f"vocabulary: cannot read {SOURCE}: {err}")
    for table in ("category", "kind", "reason"):
        seen = set()
        for i, item in enumerate(v.get(table, [])):
            where = f"{SOURCE.name}: [[{table}]] number {i + 1}"
            if not NAME.match(str(item.get("id", ""))):
                sys.exit(f"vocabulary: {where}: id must be lower-case letters, digits and hyphens")
            if item["id"] in seen:
                sys.exit(f"vocabulary: {where}: id {item['id']!r} is listed twice")
            seen.add(item["id"])
            if not item.get("label"):
                sys.exit(f"vocabulary: {where}: no label")
    for item in v["category"] + [v["other"]]:
        for palette in ("page", "mark"):
            for theme in ("light", "dark"):
                c = item.get(palette, {}).get(theme, "")
                if not COLOUR.match(c):
                    sys.exit(f"vocabulary: {item.get('id', 'other')}: {palette}.{theme} must be a colour like #1a2b3c, not {c!r}")
    return v


def rust(v):
    def array(name, table):
        """A `pub const` string array as rustfmt writes it: on one line when it fits in 100."""
        items = [f'"{x["id"]}"' for x in v[table]]
        line = f"pub const {name}: &[&str] = &[{', '.join(items)}];"
        if len(line) <= 100:
            return line
        body = "\n".join(f"    {i}," for i in items)
        return f"pub const {name}: &[&str] = &[\n{body}\n];"

    return f"""//! The vocabulary shared with the page and the embed: category, kind and reason names.
// {HEADER}

/// The categories an entry may have, in the page's order; the page colours highlights by them.
{array("CATEGORIES", "category")}

/// The names of the kinds of forms, in the order of [`crate::Kind::ALL`].
{array("KIND_NAMES", "kind")}

/// The names of the reasons a context-gated form counted, in the order of
/// [`crate::Reason::ALL`].
{array("REASON_NAMES", "reason")}
"""


def js(v):
    def obj(table, key="label"):
        body = "\n".join(f"  {json.dumps(x['id'])}: {json.dumps(x[key], ensure_ascii=False)}," for x in v[table])
        return f"Object.freeze({{\n{body}\n}})"

    def colours(theme):
        body = "\n".join(f"    {json.dumps(x['id'])}: {json.dumps(x['mark'][theme])}," for x in v["category"])
        return f"Object.freeze({{\n{body}\n  }})"

    ids = ", ".join(json.dumps(x["id"]) for x in v["category"])
    return f"""// {HEADER}

/** The categories an entry may have, in the page's order. */
export const CATEGORIES = Object.freeze([{ids}]);

/** Human labels of the categories. */
export const CATEGORY_LABELS = {obj("category")};

/** Human labels of the kinds of forms (FORMAT.md, "Forms"). */
export const KIND_LABELS = {obj("kind")};

/** Human labels of the reasons a context-gated form counted ("Counted because …"). */
export const CONTEXT_LABELS = {obj("reason")};

/**
 * Highlight colours on other sites and in the standalone export, per theme; `other` is the
 * colour of an unknown category.
 */
export const MARK_COLORS = Object.freeze({{
  light: {colours("light")},
  dark: {colours("dark")},
  other: Object.freeze({{ light: {json.dumps(v["other"]["mark"]["light"])}, dark: {json.dumps(v["other"]["mark"]["dark"])} }}),
}});
"""


def css(v):
    def variables(theme):
        items = [f"--cat-{x['id']}: {x['page'][theme]};" for x in v["category"]]
        items.append(f"--cat-other: {v['other']['page'][theme]};")
        return "\n".join("  " + " ".join(items[i:i + 4]) for i in range(0, len(items), 4))

    classes = "\n".join(f".tifa-cat-{x['id']} {{ --c: var(--cat-{x['id']}); }}" for x in v["category"])
    return f"""/* {HEADER} */
/* The page's category colours: light by default, dark with prefers-color-scheme. */
:root {{
{variables("light")}
}}
@media (prefers-color-scheme: dark) {{
  :root {{
{variables("dark").replace(chr(10), chr(10) + "  ").replace("  --", "    --", 1)}
  }}
}}
{classes}
"""


def outputs(v):
    return {
        ROOT / "src" / "vocabulary.rs": rust(v),
        ROOT / "www" / "lib" / "vocabulary.js": js(v),
        ROOT / "www" / "vocabulary.css": css(v),
    }


def main():
    check = "--check" in sys.argv[1:]
    stale = []
    for path, text in outputs(load()).items():
        old = path.read_text(encoding="utf-8") if path.exists() else None
        if old == text:
            continue
        if check:
            stale.append(str(path.relative_to(ROOT)))
        else:
            path.write_text(text, encoding="utf-8")
            print(f"vocabulary: wrote {path.relative_to(ROOT)}")
    if stale:
        sys.exit("vocabulary: stale (run scripts/vocabulary.py): " + ", ".join(stale))


if __name__ == "__main__":
    main()
