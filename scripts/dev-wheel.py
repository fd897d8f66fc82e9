#!/usr/bin/env python3
"""Packs the Python binding that cargo built into a wheel, as maturin packs it: `make test`'s wheel.

    python3 scripts/dev-wheel.py LIBRARY OUT_DIR

LIBRARY is the binding's shared library from `cargo build -p tifa-py` (target/debug/libtifa_py.so);
the wheel holds it as `tifa/_tifa.abi3.so` beside the Python files of `crates/tifa-py/python/tifa/`,
with the metadata pip needs (the version from `crates/tifa-py/Cargo.toml`), and is written to
OUT_DIR as tifa-VERSION-cp39-abi3-PLATFORM.whl (earlier tifa wheels there are removed). Prints
its path.

`make test` builds the binding with cargo in the same target folder and profile as the debug CLI
and the Rust tests, so pyo3 and the binding are all it compiles, and no second cargo (maturin's)
holds the target folder's lock while the Rust tests wait for it. `make python` still builds the
wheel users install with maturin.

>>> name = wheel_name("0.1.0", "linux-x86_64")
>>> name
'tifa-0.1.0-cp39-abi3-linux_x86_64.whl'
>>> record_line("tifa/py.typed", b"")
'tifa/py.typed,sha256=47DEQpj8HBSa-_TImW-5JCeuQeRkm5NMpJWZG3hSuFU,0'
"""
import base64
import hashlib
import pathlib
import re
import sys
import sysconfig
import zipfile

ROOT = pathlib.Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "crates" / "tifa-py" / "python" / "tifa"
CARGO_TOML = ROOT / "crates" / "tifa-py" / "Cargo.toml"
PYPROJECT = ROOT / "crates" / "tifa-py" / "pyproject.toml"
# The oldest CPython the abi3 module serves (pyo3's feature abi3-py39, pyproject's requires-python).
TAG = "cp39-abi3"


def wheel_name(version, platform):
    """The wheel's file name for `version` on `platform` (sysconfig's, e.g. linux-x86_64)."""
    return f"tifa-{version}-{TAG}-{re.sub(r'[^A-Za-z0-9]', '_', platform)}.whl"


def record_line(name, data):
    """A RECORD line: the file, its urlsafe base64 SHA-256 without padding, its size."""
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
    return f"{name},sha256={digest},{len(data)}"


def version():
    match = re.search(r'^version\s*=\s*"([^"]+)"', CARGO_TOML.read_text(encoding="utf-8"), re.M)
    if not match:
        raise SystemExit(f"dev-wheel: no version in {CARGO_TOML}")
    return match.group(1)


def metadata(ver):
    """METADATA: name, version and what pyproject.toml says about Python and the extras."""
    text = PYPROJECT.read_text(encoding="utf-8")
    lines = ["Metadata-Version: 2.1", "Name: tifa", f"Version: {ver}"]
    requires = re.search(r'^requires-python\s*=\s*"([^"]+)"', text, re.M)
    if requires:
        lines.append(f"Requires-Python: {requires.group(1)}")
    extras = re.search(r"^\[project\.optional-dependencies\]\n((?:[a-z].*\n?)*)", text, re.M)
    for line in (extras.group(1).splitlines() if extras else []):
        name, _, deps = line.partition("=")
        name = name.strip()
        lines.append(f"Provides-Extra: {name}")
        for dep in re.findall(r'"([^"]+)"', deps):
            lines.append(f"Requires-Dist: {dep}; extra == \"{name}\"")
    return "\n".join(lines) + "\n"


def main(argv):
    if len(argv) != 3:
        print(__doc__.split("\n\n")[1].strip(), file=sys.stderr)
        return 2
    library, out_dir = pathlib.Path(argv[1]), pathlib.Path(argv[2])
    ver = version()
    files = [(f"tifa/{p.name}", p.read_bytes()) for p in sorted(PACKAGE.iterdir())
             if p.is_file() and not p.name.endswith((".pyc", ".so"))]
    files.append(("tifa/_tifa.abi3.so", library.read_bytes()))
    info = f"tifa-{ver}.dist-info"
    files.append((f"{info}/METADATA", metadata(ver).encode()))
    files.append((f"{info}/WHEEL", (f"Wheel-Version: 1.0\nGenerator: tifa scripts/dev-wheel.py\n"
                                   f"Root-Is-Purelib: false\nTag: {TAG}-"
                                   f"{re.sub(r'[^A-Za-z0-9]', '_', sysconfig.get_platform())}\n").encode()))
    record = [record_line(name, data) for name, data in files] + [f"{info}/RECORD,,"]
    files.append((f"{info}/RECORD", ("\n".join(record) + "\n").encode()))
    out_dir.mkdir(parents=True, exist_ok=True)
    for old in out_dir.glob("tifa-*.whl"):
        old.unlink()
    wheel = out_dir / wheel_name(ver, sysconfig.get_platform())
    with zipfile.ZipFile(wheel, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as z:
        for name, data in files:
            entry = zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0))
            entry.external_attr = (0o755 if name.endswith(".so") else 0o644) << 16
            entry.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(entry, data, compresslevel=1)
    print(wheel)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
