#!/usr/bin/env bash
# The embed's wasm with the start's stages timed (tifa-wasm's feature `timing`: `Tifa.timings()`),
# built as `make build` builds pkg/tifa_embed but into target/timing-pkg/, never into www/:
# what `node benches/embed-start.mjs --breakdown` serves in place of the shipped module.
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=target/timing-pkg
WASM_DIR=target/wasm32-unknown-unknown/wasm-release
cargo build --locked -p tifa-wasm --no-default-features --features timing --target wasm32-unknown-unknown --profile wasm-release
mkdir -p "$OUT"
cp "$WASM_DIR/tifa_wasm.wasm" "$OUT/tifa_embed_timing.wasm"
wasm-bindgen --target web --out-dir "$OUT" --out-name tifa_embed "$OUT/tifa_embed_timing.wasm"
node_modules/binaryen/bin/wasm-opt -Os --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-mutable-globals --enable-reference-types --enable-multivalue "$OUT/tifa_embed_bg.wasm" -o "$OUT/tifa_embed_bg.wasm"
echo "built: $OUT/tifa_embed.js, $OUT/tifa_embed_bg.wasm ($(wc -c < "$OUT/tifa_embed_bg.wasm") bytes)"
