# tifa — the contract other tools and the README rely on:
#   make build   release wasm + JS glue into www/ (a self-contained static site); TIFA_REPORT_URL=…
#                sets where "Report a problem with this entry" links go (scripts/site-config.py)
#   make serve   build, then serve www/ on http://127.0.0.1:8080
#   make test    every test: Rust unit/integration/doc tests, the shipped wasm in node, JS and browser tests
#   make bench   the benchmarks (native, wasm in node, page, embed); prints medians and ratios
#   make screenshot  docs/*.png: the page with a tooltip open, the mobile sheet and the other views
#                    (scripts/screenshot*.mjs; installs CJK fonts)
#   make fuzz    the fuzz targets with many cases (TIFA_FUZZ_CASES, default 100000)
#   make python  the Python wheel (crates/tifa-py, maturin) in target/wheels/, installed into .venv/
#                with pytest, pyarrow and PySpark (.venv/bin/python -c "import tifa")
# Each target installs what a fresh machine lacks (scripts/ensure-tools.sh), idempotently.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
WASM := target/wasm32-unknown-unknown/wasm-release/tifa_wasm.wasm
PKG := www/pkg
WASM_OPT := node_modules/binaryen/bin/wasm-opt
WASM_OPT_FLAGS := -Os --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-mutable-globals --enable-reference-types --enable-multivalue
PORT ?= 8080

.PHONY: build serve test test-rust test-js test-python python bench screenshot clean

# Two modules: `tifa` (matching from the compiled dictionary, no TOML reader: what pages load)
# and `tifa_full` (also reads TOML: loaded only for custom dictionaries). Then the compiled
# dictionary itself, in two parts (tifa.match.bin first, tifa.cards.bin after the first highlight).
build:
	scripts/ensure-tools.sh wasm node
	scripts/vocabulary.py
	cargo build --locked -p tifa-wasm --target wasm32-unknown-unknown --profile wasm-release
	wasm-bindgen --target web --out-dir $(PKG) --out-name tifa $(WASM)
	$(WASM_OPT) $(WASM_OPT_FLAGS) $(PKG)/tifa_bg.wasm -o $(PKG)/tifa_bg.wasm
	cargo build --locked -p tifa-wasm --features full --target wasm32-unknown-unknown --profile wasm-release
	wasm-bindgen --target web --out-dir $(PKG) --out-name tifa_full $(WASM)
	$(WASM_OPT) $(WASM_OPT_FLAGS) $(PKG)/tifa_full_bg.wasm -o $(PKG)/tifa_full_bg.wasm
	cargo run --locked --quiet -p tifa-cli -- dict compile $(PKG)
	mkdir -p www/vendor
	cp node_modules/@floating-ui/dom/dist/floating-ui.dom.browser.min.mjs www/vendor/
	cp node_modules/uplot/dist/uPlot.esm.js node_modules/uplot/dist/uPlot.min.css www/vendor/
	cp node_modules/uplot/LICENSE www/vendor/uPlot.LICENSE
	mkdir -p www/samples && cp tests/samples/*.txt www/samples/ 2>/dev/null || true
	cd www && { echo '["./","config.json"'; find index.html style.css vocabulary.css favicon.svg bookmarklet.js embed.js app lib pkg vendor samples \
	  -type f ! -name '*.d.ts' ! -name '.*' | sort | sed 's/.*/,"&"/'; echo ']'; } > precache.json
	scripts/site-config.py $(PKG)/tifa.match.bin Cargo.toml www/precache.json > www/config.json
	if [ -x scripts/build-npm.sh ]; then scripts/build-npm.sh; fi
	@echo "built: www/ ($$(wc -c < $(PKG)/tifa_bg.wasm) bytes of wasm, $$(wc -c < $(PKG)/tifa.match.bin) bytes of match part)"

serve: build
	@echo "tifa is at http://127.0.0.1:$(PORT)/ (Ctrl-C stops it)"
	python3 -m http.server $(PORT) --bind 127.0.0.1 --directory www

test: build
	scripts/ensure-tools.sh browser
	$(MAKE) --no-print-directory test-rust test-js test-python

test-rust:
	scripts/ensure-tools.sh neutral rustfmt
	cargo fmt --all --check
	cargo test --locked -p tifa -p tifa-cli

test-js:
	scripts/ensure-tools.sh node browser
	cargo build --locked --quiet -p tifa-cli
	TIFA_BIN=$(CURDIR)/target/debug/tifa node --test --test-concurrency=1 tests/browser/

# The wheel is built with the `python` profile (release without LTO: a fraction of its build
# time, README "Python"), for every CPython from 3.9 (abi3), and installed into .venv/.
WHEELS := target/wheels
PY_PROFILE ?= python

python:
	scripts/ensure-tools.sh python
	rm -f $(WHEELS)/tifa-*.whl
	.venv/bin/maturin build --quiet --locked --profile $(PY_PROFILE) -m crates/tifa-py/Cargo.toml \
	  --interpreter .venv/bin/python --out $(WHEELS)
	.venv/bin/pip install --quiet --disable-pip-version-check --no-deps --force-reinstall $(WHEELS)/tifa-*.whl
	@echo "installed into .venv: $$(ls $(WHEELS)/tifa-*.whl)"

# The Python tests (tests/python): the binding against the CLI, and the Spark job in local mode.
test-python: python
	scripts/ensure-tools.sh java
	cargo build --locked --quiet -p tifa-cli
	TIFA_BIN=$(CURDIR)/target/debug/tifa .venv/bin/python -m pytest -q tests/python

bench: build
	scripts/ensure-tools.sh browser
	cargo bench --locked --bench throughput
	node benches/wasm.mjs
	for b in benches/page.mjs benches/embed.mjs; do if [ -f $$b ]; then node $$b; fi; done
	cargo build --locked --release --quiet -p tifa-cli
	python3 benches/corpus.py target/release/tifa
	$(MAKE) --no-print-directory python
	.venv/bin/python benches/python.py target/release/tifa

screenshot: build
	scripts/ensure-tools.sh browser fonts
	for s in scripts/screenshot*.mjs; do node $$s; done

clean:
	cargo clean
	rm -rf $(PKG) www/vendor www/samples

# Fuzz targets (tests/fuzz.rs, crates/tifa-cli/src/input.rs): proptest, offline, many cases.
# A normal `cargo test` runs a few of each; TIFA_FUZZ_CASES sets how many here.
.PHONY: fuzz
TIFA_FUZZ_CASES ?= 100000
fuzz:
	TIFA_FUZZ_CASES=$(TIFA_FUZZ_CASES) cargo test --locked --release -p tifa --test fuzz
	TIFA_FUZZ_CASES=$(TIFA_FUZZ_CASES) cargo test --locked --release -p tifa-cli fuzz_
