#!/usr/bin/env bash
# The browser tests (the web app's end-to-end tests and the install test's
# bundle check) drive Debian's Chromium. Install it from apt when it is
# missing and we may; never let a test tool download a browser of its own.
set -euo pipefail
if command -v chromium >/dev/null 2>&1; then exit 0; fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Chromium not found: installing Debian's chromium package for the browser tests" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  exit 0
fi
echo "The browser tests need Chromium at /usr/bin/chromium: run 'apt-get install chromium' as root." >&2
exit 1
