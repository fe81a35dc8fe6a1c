#!/usr/bin/env bash
# Installs what building and testing newslens needs, and nothing that is already there, so a
# second run takes a second or two:
#   - the Rust target wasm32-unknown-unknown (rustup);
#   - wasm-bindgen-cli at exactly the version of the wasm-bindgen crate in Cargo.lock (the CLI
#     and the crate must match), with `cargo install` (without --locked, as the brief asks);
#   - the npm devDependencies (npm ci from package-lock.json) when node_modules is missing or
#     older than the lock file;
#   - with --browser: Debian's chromium and chromium-driver (apt-get), for the browser tests,
#     and fonts-noto-core, so Devanagari and Urdu show in the screenshots the tests save.
#
# Usage: scripts/setup.sh [--browser]
set -euo pipefail
cd "$(dirname "$0")/.."

BROWSER=0
for arg in "$@"; do
  case $arg in
    --browser) BROWSER=1 ;;
    -h | --help)
      sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'
      exit 0
      ;;
    *)
      echo "setup: unknown argument $arg (accepted: --browser)" >&2
      exit 2
      ;;
  esac
done

say() { echo "setup: $*"; }

need() {
  command -v "$1" >/dev/null || {
    echo "setup: $1 is missing; $2" >&2
    exit 1
  }
}
need cargo "install Rust with rustup (https://rustup.rs)"
need rustup "install Rust with rustup (https://rustup.rs)"
need node "install Node.js 20 or later"
need npm "install Node.js 20 or later (npm comes with it)"

# 1. The wasm target.
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the Rust target wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

# 2. wasm-bindgen-cli, at the version Cargo.lock pins for the wasm-bindgen crate
#    (wasm/Cargo.toml pins it with `=`; the lock file is the one place to read it from).
WANT=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
[[ -n $WANT ]] || {
  echo "setup: could not read the wasm-bindgen version from Cargo.lock" >&2
  exit 1
}
HAVE=$(wasm-bindgen --version 2>/dev/null | awk '{ print $2 }' || true)
if [[ $HAVE != "$WANT" ]]; then
  say "installing wasm-bindgen-cli $WANT (found: ${HAVE:-none}); this compiles for a few minutes"
  cargo install wasm-bindgen-cli --version "$WANT"
fi

# 3. npm packages (wasm-opt from binaryen, playwright-core, axe-core, typescript).
if [[ ! -d node_modules || package-lock.json -nt node_modules/.package-lock.json ||
  ! -f node_modules/.package-lock.json ]]; then
  say "installing npm packages"
  if [[ -f package-lock.json ]]; then
    npm ci --no-audit --no-fund
  else
    npm install --no-audit --no-fund
  fi
fi

# 4. Chromium and its WebDriver, for Playwright and wasm-bindgen-test; Noto fonts for the
#    Devanagari and Arabic-script text in the widget's screenshots.
if ((BROWSER)) && [[ ! -x /usr/bin/chromium || ! -x /usr/bin/chromedriver || ! -d /usr/share/fonts/truetype/noto ]]; then
  say "installing Debian's chromium, chromium-driver and fonts-noto-core"
  SUDO=
  ((EUID == 0)) || SUDO=sudo
  $SUDO apt-get update
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y --no-install-recommends chromium chromium-driver fonts-noto-core
fi

say "ready (wasm-bindgen $WANT$( ((BROWSER)) && echo ", chromium" ))"
