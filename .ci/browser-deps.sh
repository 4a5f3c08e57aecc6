#!/usr/bin/env bash
# Browser-test dependencies: Debian's chromium (never `playwright install`: no browser downloads)
# and the playwright Python package from the test extra. Idempotent; .ci/run calls it.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium
fi
/usr/bin/chromium --version
PY="${VENV:-.venv}/bin/python"
if [ -x "$PY" ] && ! "$PY" -c "import playwright" 2>/dev/null; then
  "$PY" -m pip install --quiet "playwright==1.65.2"
fi
