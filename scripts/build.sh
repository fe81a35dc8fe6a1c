#!/usr/bin/env bash
# Builds the npm package's WebAssembly into dist/: the release wasm of the bindings crate,
# wasm-bindgen's ES module glue (--target web, which also works in Node through js/node.js),
# minified (npm's esbuild), the panic functions' bodies replaced by a trap
# (scripts/snip-panics.mjs), then `wasm-opt -Os --converge` (npm's binaryen, with the options
# explained below) when it makes the file smaller; and www/widget.min.js, the widget's modules
# (widget.js, news-lens.js, styles.js, labels.js, labels/hi.js) in one minified ES module (npm's
# esbuild), which a site loads with one script tag.
# Prints the sizes.
#
# Fast when nothing changed: cargo decides whether to recompile, and the wasm-bindgen and
# wasm-opt steps are skipped when dist/ is newer than the cargo output and this script.
#
# Also dist/newslens_text_bg.wasm: the same module without the HTML reader (the core's `html`
# feature), which the <news-lens> widget loads, as it only ever parses text: readers of a page
# with the widget download about 64 KB (gzip) less. Its JS glue is the same file (the exports
# and imports do not change; the build checks).
#
# Usage: scripts/build.sh              (run scripts/setup.sh first on a new machine)
#        scripts/build.sh --no-tagger  the package without the learned Hindi name tagger, into
#                                      target/no-tagger/dist (its own cargo target directory, so
#                                      the two builds do not undo each other); `npm run bench`
#                                      reports both sizes
set -euo pipefail
cd "$(dirname "$0")/.."

TARGET=wasm32-unknown-unknown
CARGO_DIR=target
OUT=dist
FEATURES=()
case "${1:-}" in
  "") ;;
  --no-tagger)
    CARGO_DIR=target/no-tagger
    OUT=target/no-tagger/dist
    FEATURES=(--no-default-features --features html)
    ;;
  *)
    echo "usage: scripts/build.sh [--no-tagger]" >&2
    exit 2
    ;;
esac
RAW=$CARGO_DIR/$TARGET/release/newslens_wasm.wasm
WASM=$OUT/newslens_wasm_bg.wasm
GLUE=$OUT/newslens_wasm.js

CARGO_TARGET_DIR=$CARGO_DIR cargo build --release --target "$TARGET" -p newslens-wasm "${FEATURES[@]}"

# The glue minified (3.7 -> 2.6 KB gzip), its exports and its types comment kept.
minify_glue() {
  local glue=$1
  ESBUILD=${ESBUILD:-node_modules/.bin/esbuild}
  if [[ -x $ESBUILD ]]; then
    "$ESBUILD" "$glue" --minify --format=esm --target=es2022 --log-level=warning \
      --banner:js='/* @ts-self-types="./newslens_wasm.d.ts" */' --outfile="$glue.min"
    mv "$glue.min" "$glue"
else
    echo "build: $ESBUILD not found (run scripts/setup.sh); the glue is not minified" >&2
  fi
}

# The wasm that wasm-bindgen wrote, made small in place.
optimise_wasm() {
  local wasm=$1
  # A panic traps at once instead of first formatting a message that wasm32 discards (see the
  # script); wasm-opt then drops the arguments at each call site, and core::fmt, which only the
  # panic messages use.
  node scripts/snip-panics.mjs "$wasm"
  WASM_OPT=node_modules/.bin/wasm-opt
  if [[ -x $WASM_OPT ]]; then
    # wasm-opt reads the enabled features from the target_features section and strips it,
    # the name section and debug info from the output. -Os with --converge (the passes again
    # until nothing changes) gzips 3 KB smaller than -Oz (2 KB with the tagger; measured with
    # binaryen 132) at the same parse time in Node; it takes about 20 s longer.
    # --low-memory-unused lets it fold constant offsets into loads and stores (2.5 KB smaller
    # gzip, same parse time): Rust's wasm puts its 1 MB stack first, growing down to address 0,
    # so the low 1 KB is only reached by a stack about to overflow.
    # --one-caller-inline-max-function-size 20: by default -Os inlines every function that has
    # one caller, whatever its size, and every stage of a parse ended up in one 189 KB function.
    # Kept apart, the functions gzip 11 KB smaller (their locals are numbered from 0 again, and
    # their code repeats more), a parse in Node is as fast (1.231 vs 1.247 ms, the sample), and V8
    # compiles the module with its optimising compiler in a quarter less time (Node 20,
    # --no-liftoff: about 440 vs 580 ms CPU), as it no longer compiles one huge function.
    "$WASM_OPT" -Os --converge --low-memory-unused --one-caller-inline-max-function-size 20 \
      --strip-debug --strip-producers "$wasm" -o "$wasm.opt"
    if (($(wc -c <"$wasm.opt") < $(wc -c <"$wasm"))); then
      mv "$wasm.opt" "$wasm"
    else
      rm "$wasm.opt"
    fi
else
    echo "build: $WASM_OPT not found (run scripts/setup.sh); the wasm is not size-optimised" >&2
  fi
  touch "$wasm" # newer than the cargo output, also when wasm-opt kept the old file
}

# Up to date when the wasm is newer than its cargo output, this script (its flags) and the snipper.
fresh() { [[ -f $1 && $1 -nt $2 && $1 -nt $0 && $1 -nt scripts/snip-panics.mjs ]]; }

if [[ -f $GLUE ]] && fresh "$WASM" "$RAW"; then
  echo "build: $OUT/ is up to date"
else
  # --experimental-reset-state-function exports __wbg_reset_state, which js/guard.js calls to
  # give the module a fresh instance after a trap.
  wasm-bindgen --target web --experimental-reset-state-function --out-dir "$OUT" "$RAW"
  minify_glue "$GLUE"
  optimise_wasm "$WASM"
fi

size() { printf '%7d B raw, %6d B gzip' "$(wc -c <"$1")" "$(gzip -9c "$1" | wc -c)"; }
echo "build: $WASM  $(size "$WASM")"
echo "build: $GLUE   $(size "$GLUE")"

# The widget's module: the package without the HTML reader, in its own cargo target directory
# (the two builds do not undo each other), with the same glue, and compiled for size first
# (opt-level "z" instead of the release profile's "s"): a page with the widget downloads it for
# each reader and parses one article, so its bytes count and a warm parse's speed does not. It
# is 37 KB gzip smaller (345 -> 308 KB with the tagger), its first parse in a fresh Node process
# is no slower (median of 7, --single-threaded: 41 vs 46 ms) and its init is faster; a warm
# parse takes about 1.4x as long (sample 2.04 vs 1.49 ms; `npm run bench` reports both), and its
# output is the same (bench/same.mjs). The package's own module (init()'s default, the CLI) keeps
# "s", for pages and scripts that parse many texts.
TEXT_DIR=$CARGO_DIR/text
TEXT_RAW=$TEXT_DIR/$TARGET/release/newslens_wasm.wasm
TEXT_WASM=$OUT/newslens_text_bg.wasm
TEXT_FEATURES=(--no-default-features)
[[ -z ${FEATURES[*]-} ]] && TEXT_FEATURES+=(--features tagger)
CARGO_PROFILE_RELEASE_OPT_LEVEL=z CARGO_TARGET_DIR=$TEXT_DIR cargo build --release --target "$TARGET" -p newslens-wasm "${TEXT_FEATURES[@]}"
if fresh "$TEXT_WASM" "$TEXT_RAW" && [[ $TEXT_WASM -nt $GLUE ]]; then
  echo "build: $TEXT_WASM is up to date"
else
  wasm-bindgen --target web --experimental-reset-state-function --out-dir "$TEXT_DIR/bindgen" "$TEXT_RAW"
  minify_glue "$TEXT_DIR/bindgen/newslens_wasm.js"
  if ! cmp -s "$TEXT_DIR/bindgen/newslens_wasm.js" "$GLUE"; then
    echo "build: the text-only module needs other JS glue than $GLUE; the widget cannot share it" >&2
    exit 1
  fi
  mv "$TEXT_DIR/bindgen/newslens_wasm_bg.wasm" "$TEXT_WASM"
  optimise_wasm "$TEXT_WASM"
fi
echo "build: $TEXT_WASM $(size "$TEXT_WASM")"

# The widget, minified: the same modules as www/widget.js, which stays the readable source and
# works as it is. Hindi is a first-class language, so its labels (0.8 KB gzip) are in the bundle:
# esbuild turns their dynamic import into a module evaluated on first use, and the first render
# of a Hindi article does not wait for a request (with the wasm already loaded, that request was
# most of the first render's time). The JS API (js/, with the wasm glue) and the modules loaded on
# demand (the labels of other languages, the in-page enhancement) stay separate files, imported
# by the same relative paths.
if [[ -z ${FEATURES[*]-} ]]; then
  MIN=www/widget.min.js
  ESBUILD=${ESBUILD:-node_modules/.bin/esbuild}
  if [[ -x $ESBUILD ]]; then
    if [[ ! -f $MIN || -n $(find www/widget.js www/news-lens.js www/styles.js www/labels.js www/labels/hi.js "$0" -newer "$MIN") ]]; then
      "$ESBUILD" www/widget.js --bundle --format=esm --minify --target=es2022 --log-level=warning \
        --external:../js/index.js --external:./labels/ur.js --external:./enhance.js --outfile="$MIN"
    fi
    echo "build: $MIN      $(size "$MIN")"
else
    echo "build: $ESBUILD not found (run scripts/setup.sh); www/widget.min.js not built" >&2
  fi
fi
