#!/usr/bin/env bash
# Open the built site in a headless browser: the home page, a worked example and a rule page must
# show their content. Saves a screenshot of each to the output folder (default: site-screenshots).
# Needs chromium (Debian: apt-get install chromium); run from a checkout with the docs extra.
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-site-screenshots}"
site="$(mktemp -d)"
trap 'rm -rf "$site"' EXIT
NO_MKDOCS_2_WARNING=1 DISABLE_MKDOCS_2_WARNING=true mkdocs build --strict --quiet -d "$site"
mkdir -p "$out"
browser="$(command -v chromium || command -v chromium-browser)"
check() {  # page, text the rendered page must contain, screenshot name
  local url="file://$site/$1"
  "$browser" --headless --no-sandbox --disable-gpu --dump-dom "$url" 2>/dev/null | grep -qF "$2" \
    || { echo "FAIL: $1 does not show '$2'" >&2; exit 1; }
  "$browser" --headless --no-sandbox --disable-gpu --window-size=1280,1600 \
    --screenshot="$out/$3.png" "$url" 2>/dev/null
  echo "ok: $1 shows '$2' ($out/$3.png)"
}
check index.html "reads the EU AI Act as data" home
check examples/cv_screening_derogation/index.html "Application sorter: minimal" example
check reference/rules/eu-2024-2026/annex_iii_4_a/index.html "Recruitment or selection" rule
