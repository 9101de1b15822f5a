#!/usr/bin/env bash
# Renders the built site's front page and one tutorial to PNG with headless Chromium (Debian package `chromium`), as
# checked in under docs/images. Run after the site is built (`dotnet docfx docs/docfx.json`, which .ci/run does).
# The site is served over HTTP because DocFX's pages load their scripts and styles by relative URL.
set -euo pipefail
cd "$(dirname "$0")"
[ -f _site/index.html ] || { echo "error: docs/_site is not built: run dotnet docfx docs/docfx.json" >&2; exit 1; }
port=8765
python3 -m http.server "$port" --bind 127.0.0.1 --directory _site >/dev/null 2>&1 &
server=$!
trap 'kill "$server"' EXIT
sleep 1
shoot() { # page, output, height
  chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1280,"$3" \
    --virtual-time-budget=5000 --screenshot="$PWD/$2" "http://127.0.0.1:$port/$1" >/dev/null 2>&1
  echo "wrote docs/$2"
}
shoot index.html images/site-front-page.png 1400
shoot tutorials/first-scan.html images/site-tutorial.png 1600
