#!/usr/bin/env bash
# Screenshots of a report in headless Chromium, at desktop (1280 px) and phone (390 px) widths.
#   scripts/screenshots.sh [REPORT_DIR] [OUT_DIR]
# REPORT_DIR defaults to the newest reports/<run-id>/; OUT_DIR to REPORT_DIR/screenshots.
# Needs chromium (Debian/Ubuntu: apt-get install chromium); optional, never run in CI.
set -euo pipefail
report=${1:-$(ls -d reports/*/ 2>/dev/null | sort | tail -1)}
report=${report%/}
[ -n "$report" ] && [ -f "$report/index.html" ] || { echo "no report found: run make report first" >&2; exit 2; }
out=${2:-$report/screenshots}
browser=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
[ -n "$browser" ] || { echo "chromium not found (apt-get install chromium)" >&2; exit 2; }
mkdir -p "$out"
height=${SCREENSHOT_HEIGHT:-7000}  # tall enough to see whole pages; crop for the README
for page in "$report"/*.html; do
  name=$(basename "$page" .html)
  for width in 1280 390; do
    "$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --force-device-scale-factor=1 \
      --window-size="$width,$height" --screenshot="$out/$name-$width.png" "file://$(realpath "$page")" \
      >/dev/null 2>&1
    echo "$out/$name-$width.png"
  done
done
