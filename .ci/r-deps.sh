#!/usr/bin/env bash
# R's readr for the CSV export's round-trip test (Debian's packages; CRAN is not reachable here).
# Idempotent; `make test` calls it and the test skips, saying so, where this could not run.
set -euo pipefail
if command -v Rscript >/dev/null && Rscript -e 'library(readr)' >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends \
  r-base-core r-cran-readr
Rscript -e 'library(readr); cat("readr", as.character(packageVersion("readr")), "\n")'
