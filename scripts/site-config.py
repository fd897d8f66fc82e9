#!/usr/bin/env python3
"""Writes the page's build-time settings (www/config.json) to standard output.

Usage: scripts/site-config.py MATCH_PART [CARGO_TOML] [PRECACHE_JSON]

- "version": the dictionary version shown in problem reports: the crate version and the first
  12 hex digits of the SHA-256 of the compiled dictionary's match part, e.g. "0.1.0+3f2a9c1b0e4d";
- "report": the address template of "Report a problem with this entry" links, from the
  environment variable TIFA_REPORT_URL (placeholders {id} {zh} {en} {version} {title} {body});
  empty means a pre-filled mail with no recipient (www/lib/feedback.js);
- "build": the first 12 hex digits of a SHA-256 over the names and contents of every file in
  PRECACHE_JSON (www/precache.json) but config.json: the service worker's cache is named after
  it, so a new build never meets files cached from an old one.
"""
import hashlib
import json
import os
import sys
import tomllib


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    match_part = sys.argv[1]
    cargo = sys.argv[2] if len(sys.argv) > 2 else "Cargo.toml"
    try:
        with open(match_part, "rb") as f:
            digest = hashlib.sha256(f.read()).hexdigest()[:12]
        with open(cargo, "rb") as f:
            crate = tomllib.load(f)["package"]["version"]
    except (OSError, KeyError, tomllib.TOMLDecodeError) as err:
        sys.exit(f"site-config: {err}")
    build = ""
    if len(sys.argv) > 3:
        precache = sys.argv[3]
        base = os.path.dirname(precache)
        h = hashlib.sha256()
        try:
            with open(precache, encoding="utf-8") as f:
                names = json.load(f)
            for name in sorted(n for n in names if n not in ("./", "config.json")):
                with open(os.path.join(base, name), "rb") as f:
                    h.update(name.encode() + b"\0" + f.read() + b"\0")
        except (OSError, ValueError) as err:
            sys.exit(f"site-config: {err}")
        build = h.hexdigest()[:12]
    report = os.environ.get("TIFA_REPORT_URL", "")
    if report and not report.startswith(("https://", "http://", "mailto:")):
        sys.exit(f"site-config: TIFA_REPORT_URL must be an https:, http: or mailto: address, not {report!r}")
    json.dump({"version": f"{crate}+{digest}", "build": build, "report": report}, sys.stdout)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
