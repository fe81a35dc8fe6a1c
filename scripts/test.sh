#!/usr/bin/env bash
# Runs every test of newslens, installing what they need first (scripts/setup.sh --browser):
#   format and lint       cargo fmt --check; cargo clippy (all targets, warnings are errors)
#   Rust tests            cargo test --workspace (core unit, fixture and doc tests), and the
#                         hostile-size tests (tests/large.rs) in release; the core's unit and
#                         fixture tests again without default features (no tagger, no HTML)
#   core on wasm          cargo build -p newslens --target wasm32-unknown-unknown
#   bindings in Chromium  wasm-bindgen-test (wasm/tests/web.rs) through chromedriver
#   JS, CLI and widget    node --test on tests/js, tests/cli and tests/browser (Node and
#                         headless Chromium through playwright-core)
#   scorer smoke run      ../shared/eval/score.py on ../shared/corpus/hi, when ../shared exists
# The test steps all run even when one fails; the last line sums up the tests of every runner
# ("N passed, M failed") and the exit status is non-zero if anything failed.
#
# Usage: scripts/test.sh
set -euo pipefail
cd "$(dirname "$0")/.."

LOG=$(mktemp -t newslens-test.XXXXXX)
trap 'rm -f "$LOG"' EXIT
FAILED=()
START=$SECONDS

# step NAME COMMAND...: runs COMMAND, copying its output to the log that the summary reads.
step() {
  local name=$1 began=$SECONDS
  shift
  echo
  echo "==> $name"
  if "$@" 2>&1 | tee -a "$LOG"; then
    echo "<== $name: ok ($((SECONDS - began)) s)"
  else
    echo "<== $name: FAILED ($((SECONDS - began)) s)"
    FAILED+=("$name")
  fi
}

# Set-up and build must work for anything else to mean something: stop at once if they fail.
bash scripts/setup.sh --browser
bash scripts/build.sh

step "cargo fmt" cargo fmt --all --check
step "cargo clippy" cargo clippy --workspace --all-targets -- -D warnings
step "cargo test" cargo test --workspace
# The core as `scripts/build.sh --no-tagger` builds it (no tagger, no HTML input).
step "core without default features" cargo test -p newslens --no-default-features --lib --tests
# Hostile sizes (10 MB inputs, 100,000 quote marks) take minutes in a debug build, so the debug
# run skips them and they run here in release (without LTO, which only slows the build).
step "hostile sizes in release" env CARGO_PROFILE_RELEASE_LTO=false \
  CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 cargo test --release --test large
step "core builds for wasm32" cargo build -p newslens --target wasm32-unknown-unknown
step "wasm-bindgen-test in Chromium" env CHROMEDRIVER=/usr/bin/chromedriver \
  CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
  cargo test -p newslens-wasm --target wasm32-unknown-unknown

mapfile -t JS_TESTS < <(find tests/js tests/cli tests/browser -name '*.test.mjs' -o -name '*.test.js' 2>/dev/null | sort)
if ((${#JS_TESTS[@]})); then
  step "node --test (JS API in Node and Chromium, CLI, widget)" node --test "${JS_TESTS[@]}"
else
  echo "no JS test files found" >&2
  FAILED+=("node --test (no test files)")
fi

SHARED=../shared
if [[ -f $SHARED/eval/score.py && -d $SHARED/corpus/hi ]] && command -v python3 >/dev/null; then
  step "scorer smoke run (articles, corpus/hi)" \
    python3 "$SHARED/eval/score.py" articles --gold "$SHARED/corpus/hi" --texts "$SHARED/corpus/hi"
else
  echo
  echo "==> scorer smoke run: skipped ($SHARED/eval/score.py or python3 not found)"
fi

# Sum the runners' own counts: cargo and wasm-bindgen-test print "test result: ok. N passed;
# M failed; ...", node's test runner prints "# pass N" and "# fail M".
read -r PASSED FAILS < <(awk '
  /^test result:/ { for (i = 1; i <= NF; i++) { if ($(i+1) ~ /^passed/) p += $i; if ($(i+1) ~ /^failed/) f += $i } }
  /^# pass /      { p += $3 }
  /^# fail /      { f += $3 }
  END             { print p + 0, f + 0 }' "$LOG")

echo
if ((${#FAILED[@]})); then
  echo "FAILED steps: $(printf '%s; ' "${FAILED[@]}")"
  echo "test.sh: FAILED after $((SECONDS - START)) s"
  echo "$PASSED passed, $FAILS failed"
  exit 1
fi
echo "test.sh: all steps passed in $((SECONDS - START)) s"
echo "$PASSED passed, $FAILS failed"
