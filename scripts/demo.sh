#!/usr/bin/env bash
# Shows the demo: installs what the build needs (scripts/setup.sh, no browser), builds the
# WebAssembly package (scripts/build.sh), then serves the project on http://localhost:PORT/
# (PORT=8080 unless set; a free port if 8080 is taken) and prints the demo page's URL, which
# shows the sample article through the <news-lens> widget. Ctrl-C stops it.
#
# Usage: scripts/demo.sh            PORT=9000 scripts/demo.sh
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh
bash scripts/build.sh
exec node scripts/serve.mjs --port "${PORT:-8080}" --fallback
