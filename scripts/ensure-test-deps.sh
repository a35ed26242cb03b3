#!/usr/bin/env bash
# What the browser and HTML tests need beyond Python: Debian's Chromium, Node.js with npm
# (for axe-core and the Nu HTML checker from the npm registry) and a Java runtime (to run the checker); for the
# books' tests epubcheck and poppler-utils (pdffonts), and what the books are made with (ensure-build-deps.sh).
# Installs the missing Debian packages when root; otherwise says what to install. Then the npm packages.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-build-deps.sh

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v npm >/dev/null 2>&1 || missing+=(nodejs npm)
command -v java >/dev/null 2>&1 || missing+=(default-jre-headless)
dpkg -s epubcheck >/dev/null 2>&1 || missing+=(epubcheck)
command -v pdffonts >/dev/null 2>&1 || missing+=(poppler-utils)
bash scripts/install-missing.sh "the browser tests" ${missing[@]+"${missing[@]}"}

stamp=tests/node_modules/.lock-installed
if [ ! -f "$stamp" ] || [ tests/package-lock.json -nt "$stamp" ]; then
  echo "Installing axe-core and vnu-jar from tests/package-lock.json"
  npm ci --prefix tests --no-audit --no-fund --ignore-scripts --loglevel=error
  touch "$stamp"
fi
