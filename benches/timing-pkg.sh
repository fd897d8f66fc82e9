#!/usr/bin/env bash
# A wasm module with the start's stages timed (tifa-wasm's feature `timing`: `Tifa.timings()`),
# built as `make build` builds it but into target/timing-pkg/, never into www/:
#   benches/timing-pkg.sh        the embed's (pkg/tifa_embed*): what `node benches/embed-start.mjs
#                                --breakdown` serves in place of the shipped module
#   benches/timing-pkg.sh page   the page's (pkg/tifa*, at the page's opt-level 3): what `node
#                                benches/page.mjs --breakdown` serves in place of it
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=target/timing-pkg
WASM_DIR=target/wasm32-unknown-unknown/wasm-release
case "${1:-embed}" in
  embed)
    NAME=tifa_embed
    cargo build --locked -p tifa-wasm --no-default-features --features timing --target wasm32-unknown-unknown --profile wasm-release ;;
  page)
    NAME=tifa
    cargo build --locked --config 'profile.wasm-release.package.tifa.opt-level=3' \
      --config 'profile.wasm-release.package.tifa-wasm.opt-level=3' \
      -p tifa-wasm --features timing --target wasm32-unknown-unknown --profile wasm-release ;;
  *) echo "timing-pkg.sh: embed or page, not $1" >&2; exit 2 ;;
esac
mkdir -p "$OUT"
cp "$WASM_DIR/tifa_wasm.wasm" "$OUT/${NAME}_timing.wasm"
wasm-bindgen --target web --out-dir "$OUT" --out-name "$NAME" "$OUT/${NAME}_timing.wasm"
node_modules/binaryen/bin/wasm-opt -Os --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-mutable-globals --enable-reference-types --enable-multivalue "$OUT/${NAME}_bg.wasm" -o "$OUT/${NAME}_bg.wasm"
echo "built: $OUT/$NAME.js, $OUT/${NAME}_bg.wasm ($(wc -c < "$OUT/${NAME}_bg.wasm") bytes)"
