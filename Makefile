# tifa — the contract other tools and the README rely on:
#   make build   release wasm + JS glue into www/ (a self-contained static site); TIFA_REPORT_URL=…
#                sets where "Report a problem with this entry" links go (scripts/site-config.py)
#   make serve   build, then serve www/ on http://127.0.0.1:8080
#   make test    every test: Rust unit/integration/doc tests, the shipped wasm in node, JS and browser
#                tests, the Python binding and the Spark job (pytest)
#   make bench   the benchmarks (native, wasm in node, page, embed); prints medians and ratios
#   make screenshot  docs/*.png: the page with a tooltip open, the mobile sheet and the other views
#                    (scripts/screenshot*.mjs; installs CJK fonts)
#   make fuzz    the fuzz targets with many cases (TIFA_FUZZ_CASES, default 100000)
#   make lint    rustfmt and clippy with every feature and target, warnings as errors (not part of
#                `make test`: a second, check-only compile of everything)
#   make python  the Python wheel (crates/tifa-py, maturin) in target/wheels/, installed into .venv/
#                with pytest, pyarrow and PySpark (.venv/bin/python -c "import tifa")
# Each target installs what a fresh machine lacks (scripts/ensure-tools.sh), idempotently.

# bash, through a wrapper that logs each recipe line's start and end when TIFA_STEP_LOG is set
# (`make test` sets it and prints the summary at its end: scripts/step-times.py).
SHELL := $(CURDIR)/scripts/step-shell.sh
.SHELLFLAGS := -eu -o pipefail -c
WASM_DIR := target/wasm32-unknown-unknown/wasm-release
PKG := www/pkg
TIFA := target/debug/tifa
WASM_OPT := node_modules/binaryen/bin/wasm-opt
ESBUILD := node_modules/.bin/esbuild
WASM_OPT_FLAGS := -Os --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-mutable-globals --enable-reference-types --enable-multivalue
PORT ?= 8080
# How many steps of build and test run at once: the tool installs (apt, npm, rustup, cargo
# install) overlap the compiles, the wasm build overlaps the native one, the browser tests
# overlap the Rust tests. Each step's output is printed whole when it ends (-Otarget). More
# steps than cores: many of them mostly wait (downloads, apt, programs started by tests), and a
# step that waits must not hold back one that could use the CPU (with 4, the pip install held
# back the apt install of Chromium for minutes).
JOBS ?= 8
STEPS := $(MAKE) --no-print-directory -j$(JOBS) -Otarget

.PHONY: build serve test test-rust test-js test-python python bench screenshot clean lint

build:
	@$(STEPS) site
	@echo "built: www/ ($$(wc -c < $(PKG)/tifa_bg.wasm) bytes of wasm; match parts: base $$(wc -c < $(PKG)/tifa.match.bin), English $$(wc -c < $(PKG)/tifa.match.en.bin), Chinese $$(wc -c < $(PKG)/tifa.match.zh.bin), MT $$(wc -c < $(PKG)/tifa.match.mt.bin) bytes)"

serve: build
	@echo "tifa is at http://127.0.0.1:$(PORT)/ (Ctrl-C stops it)"
	python3 -m http.server $(PORT) --bind 127.0.0.1 --directory www

# Everything: the build, the Rust tests, the browser tests and the Python tests (the binding
# against the CLI, the Spark job in local mode), as one graph of steps. When it fails, the failed
# browser and JS tests are repeated last, with their errors: the steps still running print after
# the one that failed, and a log's tail would not show them.
# At the end it prints what each step took (target/step-times.tsv, scripts/step-times.py): the
# data for a shorter cold run.
FAILED_JS := target/failed-js-tests.txt
STEP_LOG := target/step-times.tsv
test:
	@mkdir -p target; rm -f $(FAILED_JS) $(STEP_LOG); export TIFA_STEP_LOG=$(CURDIR)/$(STEP_LOG); status=0; \
	  $(STEPS) PY_FIRST=py-module test-rust test-js test-python || status=$$?; \
	  echo; python3 scripts/step-times.py $(STEP_LOG) || true; \
	  if [ $$status -ne 0 ] && [ -s $(FAILED_JS) ]; then echo; echo "make test failed; the browser and JS tests that failed:"; cat $(FAILED_JS); fi; exit $$status

lint: tools-rustfmt
	scripts/ensure-tools.sh clippy
	cargo fmt --all --check
	cargo clippy --locked --workspace --all-targets --all-features -- -D warnings

# ---- steps: each names what it needs, so -j runs what can run together ----------------------
.PHONY: site vocabulary cli rust-tests-built py-module dict tools-wasm-target tools-wasm-bindgen tools-node \
  tools-rustfmt tools-system tools-python tools-java python test-python FORCE

tools-wasm-target tools-wasm-bindgen tools-node tools-rustfmt tools-python:
	scripts/ensure-tools.sh $(@:tools-%=%)
# After tools-system: one apt at a time.
tools-java: tools-system
	scripts/ensure-tools.sh java
# One apt-get for Chromium and the neutral corpus' packages, then the corpus (after npm ci).
tools-system: tools-node
	scripts/ensure-tools.sh browser neutral

vocabulary:
	scripts/vocabulary.py

# The debug CLI: it compiles the dictionary here, and the tests run it (TIFA_BIN).
cli: vocabulary
	cargo build --locked -p tifa-cli

# Every Rust test compiled, not run (test-rust runs them; compiling overlaps the wasm build).
# After the CLI, which the browser tests wait for; these reuse what it compiled. (At a lower
# priority as well, they finished last: the Rust tests became the end of the run.)
# Every cargo run of the tests names the same packages ($(RUST_TESTED)) and picks targets with
# flags: cargo settles features per run, and a run with other packages (`-p tifa` alone) got other
# features for the proc-macro crates, so it compiled the library and its tests a second time.
RUST_TESTED := -p tifa -p tifa-cli
rust-tests-built: vocabulary cli $(PY_FIRST)
	cargo test --locked $(RUST_TESTED) --no-run

# Three modules: `tifa` (matching from the compiled dictionary, no TOML reader: what the page
# loads), `tifa_embed` (the same without the full report: what the embed loads before its first
# highlight) and `tifa_full` (also reads TOML, renders CSV/HTML and counts corpora: loaded for
# custom dictionaries, exports and the Corpus view). The builds all write tifa_wasm.wasm, so
# each is copied out; the copy keeps its date when unchanged, and the wasm-bindgen + wasm-opt
# steps below then have nothing to do.
# The embed's module is built for size (profile wasm-release, opt-level "z": it has a transfer
# budget); the page's two for speed: the same profile with tifa and tifa-wasm at opt-level 3
# (FAST; its automaton builds ~40 % faster than at "s", for ~1.5 KB gzip more). Only those two
# crates differ, so the dependencies are compiled once for all three.
FAST := --config 'profile.wasm-release.package.tifa.opt-level=3' \
  --config 'profile.wasm-release.package.tifa-wasm.opt-level=3'
$(WASM_DIR)/tifa.wasm: FORCE vocabulary tools-wasm-target
	cargo build --locked $(FAST) -p tifa-wasm --target wasm32-unknown-unknown --profile wasm-release
	cmp -s $(WASM_DIR)/tifa_wasm.wasm $@ || cp $(WASM_DIR)/tifa_wasm.wasm $@
$(WASM_DIR)/tifa_embed.wasm: FORCE vocabulary tools-wasm-target | $(WASM_DIR)/tifa.wasm
	cargo build --locked -p tifa-wasm --no-default-features --target wasm32-unknown-unknown --profile wasm-release
	cmp -s $(WASM_DIR)/tifa_wasm.wasm $@ || cp $(WASM_DIR)/tifa_wasm.wasm $@
$(WASM_DIR)/tifa_full.wasm: FORCE vocabulary tools-wasm-target | $(WASM_DIR)/tifa_embed.wasm
	cargo build --locked $(FAST) -p tifa-wasm --features full --target wasm32-unknown-unknown --profile wasm-release
	cmp -s $(WASM_DIR)/tifa_wasm.wasm $@ || cp $(WASM_DIR)/tifa_wasm.wasm $@

# wasm-bindgen's glue is minified in place (esbuild). (`--converge` on the embed's module saves
# 541 B gzip for about 40 s more of every build and test run: measured, not kept; README.)
$(PKG)/%_bg.wasm: $(WASM_DIR)/%.wasm | tools-wasm-bindgen tools-node
	wasm-bindgen --target web --out-dir $(PKG) --out-name $* $<
	$(WASM_OPT) $(WASM_OPT_FLAGS) $@ -o $@
	$(ESBUILD) $(PKG)/$*.js --minify --format=esm --log-level=warning --allow-overwrite --outfile=$(PKG)/$*.js

# The compiled dictionary, in five parts: the base part tifa.match.bin with the English forms
# (tifa.match.en.bin) and/or the Chinese ones (tifa.match.zh.bin) first, as the text needs; the
# English machine-translation forms (tifa.match.mt.bin) right after the first highlight;
# tifa.cards.bin after that, on idle.
dict: cli
	mkdir -p $(PKG)
	$(TIFA) dict compile $(PKG)

site: $(PKG)/tifa_bg.wasm $(PKG)/tifa_embed_bg.wasm $(PKG)/tifa_full_bg.wasm dict tools-node
	mkdir -p www/vendor
	cp node_modules/@floating-ui/dom/dist/floating-ui.dom.browser.min.mjs www/vendor/
	cp node_modules/uplot/dist/uPlot.esm.js node_modules/uplot/dist/uPlot.min.css www/vendor/
	cp node_modules/uplot/LICENSE www/vendor/uPlot.LICENSE
	# The page's Parquet writer (the Corpus view's export): hyparquet-writer, bundled and minified.
	$(ESBUILD) node_modules/hyparquet-writer/src/index.js --bundle --format=esm --minify --platform=browser \
	  --log-level=warning --outfile=www/vendor/parquet-writer.min.js
	cp node_modules/hyparquet-writer/LICENSE www/vendor/parquet-writer.LICENSE
	cp node_modules/hyparquet/LICENSE www/vendor/hyparquet.LICENSE
	mkdir -p www/samples && cp tests/samples/*.txt www/samples/ 2>/dev/null || true
	# The shipped embed: www/embed.js (the readable source) bundled and minified into
	# www/embed.min.js, the tooltip code split into www/min/ (it loads after the first highlight).
	rm -rf www/min
	$(ESBUILD) www/embed.js --bundle --format=esm --splitting --minify --outdir=www \
	  --entry-names=[name].min --chunk-names=min/[name]-[hash] --log-level=warning
	cd www && { echo '["./","config.json"'; find index.html style.css vocabulary.css favicon.svg bookmarklet.js embed.js embed.min.js app lib min pkg vendor samples \
	  -type f ! -name '*.d.ts' ! -name '.*' | sort | sed 's/.*/,"&"/'; echo ']'; } > precache.json
	scripts/site-config.py $(PKG)/tifa.match.bin Cargo.toml www/precache.json > www/config.json
	if [ -x scripts/build-npm.sh ]; then scripts/build-npm.sh; fi

# ---- tests --------------------------------------------------------------------------------------
# Alone, `make test-rust` and `make test-js` build what they need first, like `make test`.
# The Rust tests run as four steps at once (cargo runs one test program at a time, and most of
# the CLI's tests wait on the programs they start): the library's unit and integration tests
# (tests/library.rs), the CLI's (crates/tifa-cli/tests/command.rs), the doc tests (one program,
# edition 2024), and the format check.
.PHONY: test-rust-lib test-rust-cli test-rust-doc test-rust-fmt
test-rust: test-rust-lib test-rust-cli test-rust-doc test-rust-fmt

test-rust-fmt: tools-rustfmt
	cargo fmt --all --check

test-rust-lib: tools-system rust-tests-built
	cargo test --locked $(RUST_TESTED) --lib --test library

test-rust-cli: rust-tests-built
	cargo test --locked $(RUST_TESTED) --bins --test command

# The doc tests, and the library's documentation with every intra-doc link resolved (a link to
# a private or missing item is an error).
test-rust-doc: rust-tests-built
	cargo test --locked $(RUST_TESTED) --doc
	RUSTDOCFLAGS=-Dwarnings cargo doc --locked -p tifa --no-deps --quiet

# The JS and browser tests, four files at a time, against one shared Chromium (tests/browser/run.mjs).
test-js: site cli tools-system
	TIFA_BIN=$(CURDIR)/$(TIFA) TIFA_FAILED_FILE=$(CURDIR)/$(FAILED_JS) node tests/browser/run.mjs

# The wheel is built with the `python` profile (release without LTO: a fraction of its build
# time, README "Python"), for every CPython from 3.9 (abi3), and installed into .venv/.
WHEELS := target/wheels
PY_PROFILE ?= python

python: tools-python
	rm -f $(WHEELS)/tifa-*.whl
	.venv/bin/maturin build --quiet --locked --profile $(PY_PROFILE) -m crates/tifa-py/Cargo.toml \
	  --interpreter .venv/bin/python --out $(WHEELS)
	.venv/bin/pip install --quiet --disable-pip-version-check --no-deps --force-reinstall $(WHEELS)/tifa-*.whl
	@echo "installed into .venv: $$(ls $(WHEELS)/tifa-*.whl)"

# The Python tests (tests/python): the binding against the CLI, and the Spark job in local mode.
# They test the binding built by cargo with the dev profile, in the same target folder as the
# debug CLI and the Rust tests (their library and crates are reused: pyo3 and the binding are all
# it compiles), packed into a wheel as maturin packs it (scripts/dev-wheel.py) and installed into
# .venv/. maturin ran a second cargo beside the Rust tests' build, which held the target folder's
# lock for its whole compile while the Rust test runs waited (134 s in a cold run); `make python`
# builds the optimised wheel with maturin (README "Python").
# In `make test` the binding is built before the Rust tests' build (PY_FIRST), so the two cargo
# runs never wait for each other and pytest runs beside the Rust tests' build.
PY_ENV := PYO3_BUILD_EXTENSION_MODULE=1 PYO3_PYTHON=$(CURDIR)/.venv/bin/python
py-module: tools-python cli
	$(PY_ENV) cargo build --locked -p tifa-py
	.venv/bin/python scripts/dev-wheel.py target/debug/libtifa_py.so $(WHEELS)
	.venv/bin/pip install --quiet --disable-pip-version-check --no-deps --force-reinstall $(WHEELS)/tifa-*.whl

test-python: tools-python tools-java cli py-module
	TIFA_BIN=$(CURDIR)/target/debug/tifa .venv/bin/python -m pytest -q --durations=8 tests/python

# The benchmarks, and the benchmark-sized versions of the large tests (a 10 MB paste, a 50 MB
# file through the CLI), which make test runs at a small size.
bench: build
	scripts/ensure-tools.sh browser
	cargo bench --locked --features bench --bench throughput
	node benches/wasm.mjs
	for b in benches/page.mjs benches/embed.mjs benches/embed-scale.mjs benches/embed-start.mjs; do if [ -f $$b ]; then node $$b; fi; done
	node benches/start.mjs --module tifa_embed --scoped --whole
	cargo build --locked --release --quiet -p tifa-cli
	python3 benches/corpus.py target/release/tifa
	python3 benches/dict_size.py && python3 benches/dict_size.py --project 2 --tifa target/release/tifa
	python3 benches/shards.py --tifa target/release/tifa
	TIFA_LARGE=1 node tests/browser/run.mjs --concurrency 1 tests/browser/page-large.test.mjs
	TIFA_LARGE=1 cargo test --locked -p tifa-cli --test command large_file_
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
	TIFA_FUZZ_CASES=$(TIFA_FUZZ_CASES) cargo test --locked --release -p tifa --test library fuzz::
	TIFA_FUZZ_CASES=$(TIFA_FUZZ_CASES) cargo test --locked --release -p tifa-cli fuzz_
