#!/usr/bin/env python3
"""What a `make` run spent its time on: a summary of the log `scripts/step-shell.sh` writes.

    python3 scripts/step-times.py LOG [--min SECONDS]

Each line of LOG is one recipe line: start and end (seconds since the epoch), exit status,
processor time (seconds; older logs lack it) and the line. Prints the run's length and processor
time, and every line that took at least --min seconds (default 5), by start: when it started and
ended (seconds from the first start), how long it took, its processor time and its status. Recipe lines that only start other makes (`make ... -j`) are left out: their children
are listed. The steps that end last are what a shorter cold run must make shorter.

>>> rows = parse(["100.0\\t130.5\\t0\\t52.5\\tcargo build", "101.0\\t102.0\\t0\\techo hi"])
>>> [(r.start, r.end, r.cpu, r.command) for r in rows]
[(100.0, 130.5, 52.5, 'cargo build'), (101.0, 102.0, None, 'echo hi')]
>>> summary(rows, 5).splitlines()[1].split()[:5]
['0.0', '30.5', '30.5', '52.5', '0']
"""
import sys
from typing import NamedTuple


class Row(NamedTuple):
    start: float
    end: float
    status: int
    command: str
    cpu: float = None


def parse(lines):
    """The rows of the log's lines (blank or malformed lines are skipped, not fatal)."""
    out = []
    for line in lines:
        parts = line.rstrip("\n").split("\t", 4)
        if len(parts) not in (4, 5):
            continue
        try:
            cpu = float(parts[3]) if len(parts) == 5 and parts[3] else None
            command = parts[-1] if len(parts) == 5 else "\t".join(parts[3:])
            out.append(Row(float(parts[0]), float(parts[1]), int(parts[2]), command, cpu))
        except ValueError:
            continue
    return out


def summary(rows, min_seconds):
    """The table: run length, then the rows that took at least `min_seconds`, by start."""
    if not rows:
        return "step times: nothing was logged"
    t0 = min(r.start for r in rows)
    t1 = max(r.end for r in rows)
    # Processor time: the lines that start a make are left out of the sum (their lines are in it).
    cpus = [r.cpu for r in rows if r.cpu is not None and "--no-print-directory" not in r.command]
    cpu = f"{sum(cpus):.1f} s" if cpus else "unknown"
    out = [f"step times: {t1 - t0:.1f} s from the first step's start to the last one's end, "
           f"{cpu} of processor time (start, end, took, processor seconds, status, recipe line; "
           f"lines of {min_seconds:g} s or more)"]
    for r in sorted(rows, key=lambda r: r.start):
        if r.end - r.start < min_seconds or "--no-print-directory -j" in r.command:
            continue
        c = "-" if r.cpu is None else f"{r.cpu:.1f}"
        out.append(f"{r.start - t0:7.1f} {r.end - t0:7.1f} {r.end - r.start:7.1f} {c:>7} {r.status:3d}  {r.command}")
    return "\n".join(out)


def main(argv):
    if len(argv) < 2 or argv[1] in ("-h", "--help"):
        print(__doc__.split("\n\n")[1].strip())
        return 0 if len(argv) >= 2 else 2
    min_seconds = float(argv[argv.index("--min") + 1]) if "--min" in argv else 5.0
    try:
        with open(argv[1], encoding="utf-8", errors="replace") as f:
            rows = parse(f)
    except OSError as e:
        print(f"step-times: cannot read {argv[1]}: {e.strerror}", file=sys.stderr)
        return 1
    print(summary(rows, min_seconds))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
