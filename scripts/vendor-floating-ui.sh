#!/bin/sh
# Copies @floating-ui/dom (and the @floating-ui/core it imports) from node_modules into www/vendor/
# as browser ES modules. The dom "browser" build imports the bare specifier "@floating-ui/core",
# which a browser cannot resolve without an import map, so it is rewritten to a relative path.
# Usage: scripts/vendor-floating-ui.sh   (run from the repository root; make build calls it)
set -eu
src=node_modules/@floating-ui
out=www/vendor
mkdir -p "$out"
cp "$src/core/dist/floating-ui.core.browser.min.mjs" "$out/floating-ui.core.browser.min.mjs"
sed 's#from"@floating-ui/core"#from"./floating-ui.core.browser.min.mjs"#g; s#from "@floating-ui/core"#from "./floating-ui.core.browser.min.mjs"#g' \
  "$src/dom/dist/floating-ui.dom.browser.min.mjs" > "$out/floating-ui.dom.browser.min.mjs"
if grep -q '@floating-ui/' "$out/floating-ui.dom.browser.min.mjs" "$out/floating-ui.core.browser.min.mjs"; then
  echo "vendor-floating-ui: a bare @floating-ui import is left in $out" >&2; exit 1
fi
for f in core dom; do cp "$src/$f/LICENSE" "$out/floating-ui.$f.LICENSE" 2>/dev/null || true; done
