#!/usr/bin/env bash
# Fuzz the core with cargo-fuzz (libFuzzer): each target in turn for SECONDS (default 60).
#
#   scripts/fuzz.sh [seconds] [target ...]      targets: parse, parse_with, parse_html (default: all)
#
# Installs cargo-fuzz if it is missing. cargo-fuzz needs nightly flags; on a stable toolchain
# RUSTC_BOOTSTRAP=1 lets it use them. No sanitizer: the core has no `unsafe`, so a finding is a
# panic (a failed invariant of fuzz/src/invariants.rs, or a bug), a hang or an out-of-memory.
# The corpus (fuzz/corpus/TARGET, not in git) starts from fuzz/seeds/, the sample article and
# the test fixture texts; a finding lands in fuzz/artifacts/TARGET/ — add it to
# tests/regression.rs, fix it, and replay it with
#   RUSTC_BOOTSTRAP=1 cargo fuzz run -s none TARGET fuzz/artifacts/TARGET/crash-...
set -euo pipefail
cd "$(dirname "$0")/.."

seconds="${1:-60}"
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  targets=(parse parse_with parse_html)
fi

command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz
export RUSTC_BOOTSTRAP=1

for target in "${targets[@]}"; do
  corpus="fuzz/corpus/$target"
  mkdir -p "$corpus"
  if [ -z "$(ls -A "$corpus")" ]; then
    cp fuzz/seeds/*.txt samples/*.txt "$corpus"/
    if [ "$target" = parse_html ]; then
      cp tests/fixtures/html/*.html "$corpus"/
    fi
    for file in tests/fixtures/*/*.txt; do
      cp "$file" "$corpus/$(basename "$(dirname "$file")")-$(basename "$file")"
    done
  fi
  echo "== fuzzing $target for ${seconds}s (corpus: $corpus)"
  cargo fuzz run -s none "$target" "$corpus" -- \
    -max_total_time="$seconds" -dict=fuzz/newslens.dict -max_len=16384 \
    -timeout=10 -rss_limit_mb=2048 -print_final_stats=1
done
