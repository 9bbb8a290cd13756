#!/usr/bin/env bash
# Renders the HTML alignment report of two articles and takes a screenshot of it in headless
# Chromium, to look at the page as a reader would. Not run by `cargo test`: it needs a browser.
#
#   scripts/screenshot.sh [LEFT RIGHT [OUT.png]]     (default: the sample articles)
#
# Chromium (Debian: `apt-get install chromium`) runs without network, GPU or sandbox; the page
# itself loads nothing from the network. The HTML is kept next to the PNG for a closer look.
set -euo pipefail
cd "$(dirname "$0")/.."

left=${1:-data/samples/fr.txt}
right=${2:-data/samples/en.txt}
out=${3:-target/report-screenshot.png}
html="${out%.png}.html"
width=${WIDTH:-1280}
height=${HEIGHT:-2400}

browser=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
if [ -z "$browser" ]; then
  echo "screenshot.sh: no Chromium found (apt-get install chromium)" >&2
  exit 2
fi

bin=${NEWSALIGN:-target/release/newsalign}
[ -x "$bin" ] || cargo build --release --quiet
mkdir -p "$(dirname "$out")"
"$bin" align "$left" "$right" --format html -o "$html" ${PUBLISHED:+--published "$PUBLISHED"}

"$browser" --headless --no-sandbox --disable-gpu --disable-background-networking \
  --hide-scrollbars --window-size="$width,$height" --screenshot="$PWD/$out" "file://$PWD/$html" 2>/dev/null
echo "$out ($html)"
