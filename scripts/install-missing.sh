#!/usr/bin/env bash
# usage: install-missing.sh "<what needs them>" PACKAGE...
# Installs the given missing Debian packages with apt-get when root; otherwise says what to install and fails.
# Nothing to do without packages. Called by ensure-build-deps.sh and ensure-test-deps.sh.
set -euo pipefail
who="$1"
shift
[ $# -gt 0 ] || exit 0
if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing $* with apt-get"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
else
  echo "error: $who need Debian packages: $*." >&2
  echo "       Install them as root: apt-get install $*" >&2
  exit 1
fi
