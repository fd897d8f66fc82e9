#!/bin/sh
# Copies uPlot (the charting library of `tifa corpus --report`) from node_modules into
# crates/tifa-cli/assets/vendor/, where the tifa binary embeds it with include_str!. The copies are
# committed; crates/tifa-cli/tests/corpus.rs checks they equal node_modules' when it is present.
# Usage: npm install && scripts/vendor-uplot.sh   (run from the repository root)
set -eu
src=node_modules/uplot
out=crates/tifa-cli/assets/vendor
if [ ! -f "$src/dist/uPlot.iife.min.js" ]; then
  echo "vendor-uplot: $src is missing: run npm install first" >&2; exit 1
fi
mkdir -p "$out"
cp "$src/dist/uPlot.iife.min.js" "$out/uPlot.iife.min.js"
cp "$src/dist/uPlot.min.css" "$out/uPlot.min.css"
cp "$src/LICENSE" "$out/uPlot.LICENSE"
echo "vendor-uplot: uPlot $(sed -n 's/.*"version": *"\([^"]*\)".*/\1/p' "$src/package.json") copied to $out"
