#!/usr/bin/env bash
# Builds the npm package of the embed into www/npm/dist/ and packs it as www/npm/tifa-embed-<version>.tgz.
# Needs `make build` outputs: www/pkg/ (wasm-bindgen --target web) and www/vendor/ (floating-ui).
# Usage (from anywhere): scripts/build-npm.sh      Prints the path of the tarball.
set -euo pipefail
cd "$(dirname "$0")/.."
out=www/npm/dist
for f in www/pkg/tifa.js www/pkg/tifa_bg.wasm www/pkg/tifa.d.ts www/pkg/tifa_embed.js www/pkg/tifa_embed_bg.wasm www/pkg/tifa_full.js www/pkg/tifa_full_bg.wasm www/pkg/tifa.match.bin www/pkg/tifa.match.en.bin www/pkg/tifa.match.zh.bin www/pkg/tifa.match.mt.bin www/pkg/tifa.cards.bin www/embed.js; do
  [ -f "$f" ] || { echo "build-npm: $f is missing (run make build first)" >&2; exit 1; }
done
# floating-ui's browser build imports the bare "@floating-ui/core": vendor both, rewritten.
if [ ! -f www/vendor/floating-ui.core.browser.min.mjs ] || grep -q 'from"@floating-ui/core"' www/vendor/floating-ui.dom.browser.min.mjs 2>/dev/null; then
  scripts/vendor-floating-ui.sh
fi
rm -rf "$out"
mkdir -p "$out/lib" "$out/pkg" "$out/vendor"
cp www/embed.js "$out/"
cp www/lib/*.js "$out/lib/"
cp www/pkg/tifa.js www/pkg/tifa.d.ts www/pkg/tifa_bg.wasm www/pkg/tifa.match.bin www/pkg/tifa.match.en.bin www/pkg/tifa.match.zh.bin www/pkg/tifa.match.mt.bin www/pkg/tifa.cards.bin \
  www/pkg/tifa_embed.js www/pkg/tifa_embed.d.ts www/pkg/tifa_embed_bg.wasm www/pkg/tifa_full.js www/pkg/tifa_full.d.ts www/pkg/tifa_full_bg.wasm "$out/pkg/"
cp www/vendor/floating-ui.*.mjs "$out/vendor/"
cp www/vendor/floating-ui.*.LICENSE "$out/vendor/" 2>/dev/null || true
cp www/npm/index.d.ts LICENSE "$out/"
# The package's README is the README's embed section, so the two never drift apart.
{ echo '# tifa-embed'; echo; sed -n '/^<!-- embed:begin/,/^<!-- embed:end/p' README.md | sed '1d;$d'; } > "$out/README.md"
grep -q '^### JS API' "$out/README.md" || { echo "build-npm: README.md has no embed section" >&2; exit 1; }
# The package version follows the crate's.
version=$(awk -F'"' '/^version *=/ { print $2; exit }' Cargo.toml)
node -e '
  const fs = require("fs"); const [src, dst, v] = process.argv.slice(1);
  const p = JSON.parse(fs.readFileSync(src, "utf8")); if (v) p.version = v;
  fs.writeFileSync(dst, JSON.stringify(p, null, 2) + "\n");' www/npm/package.json "$out/package.json" "$version"
rm -f www/npm/tifa-embed-*.tgz
tgz=$(cd "$out" && npm pack --silent --pack-destination .. 2>/dev/null | tail -n 1)
echo "www/npm/$tgz"
