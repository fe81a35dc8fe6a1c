#!/usr/bin/env bash
# Every benchmark of issue #7, printed as tables: the machine, native parse time (divan,
# benches/parse.rs), the wasm package in Node side by side with compromise and wink-nlp, the
# scaling from 1 KB to 10 MB and the wasm memory over 10,000 parses (bench/node.mjs), init,
# parse and widget render in headless Chromium (bench/browser.mjs), a reader's repeat visits
# and whether they get the module's code from Chromium's code cache (bench/repeat-visit.mjs),
# and the download sizes
# with and without the tagger model (bench/sizes.mjs). Benchmarks, not tests: nothing here
# fails on a slow figure. Takes a few minutes (two release builds the first time).
#
# Usage: npm run bench            (or: bash scripts/bench.sh)
#        npm run bench -- --quick (fewer runs and sizes: checks the harness in about a minute)
set -euo pipefail
cd "$(dirname "$0")/.."

QUICK=()
case "${1:-}" in
  "") ;;
  --quick) QUICK=(--quick) ;;
  *)
    echo "usage: scripts/bench.sh [--quick]" >&2
    exit 2
    ;;
esac

echo "==> setup and build (with and without the tagger model)"
bash scripts/setup.sh --browser
bash scripts/build.sh
bash scripts/build.sh --no-tagger

echo
echo "### Machine"
echo
echo "| | |"
echo "|---|---|"
echo "| CPU | $(lscpu | sed -n 's/^Model name: *//p' | head -1), $(nproc) cores |"
echo "| memory | $(free -g | awk '/^Mem:/ {print $2 " GB"}') |"
echo "| Node | $(node --version) |"
echo "| Rust | $(rustc --version) |"
echo "| load average at start | $(cut -d' ' -f1-3 /proc/loadavg) |"

echo
echo "### Native parse (cargo bench --bench parse; divan: fastest, slowest, median, mean)"
echo
if ((${#QUICK[@]})); then
  cargo bench --bench parse -- article
else
  cargo bench --bench parse
fi

node bench/node.mjs "${QUICK[@]}"
node bench/browser.mjs "${QUICK[@]}"
node bench/repeat-visit.mjs
node bench/sizes.mjs
