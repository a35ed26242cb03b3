#!/usr/bin/env bash
# What `make build` needs beyond Python to make the books (clusterdocs.book): Pango, which WeasyPrint draws
# text with, and Noto CJK, the books' font. Installs the missing Debian packages when root; otherwise says
# what to install.
set -euo pipefail
command -v dpkg >/dev/null 2>&1 || exit 0  # not Debian: the build itself says what it lacks

missing=()
for package in libpango-1.0-0 libpangoft2-1.0-0 fonts-noto-cjk; do
  dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
bash "$(dirname "$0")/install-missing.sh" "the books (PDF and EPUB)" ${missing[@]+"${missing[@]}"}
