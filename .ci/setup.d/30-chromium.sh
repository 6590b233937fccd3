#!/usr/bin/env bash
# Chromium for tests/review (Playwright drives it through playwright-core, which cannot download
# browsers here), and Noto fonts so Vietnamese diacritics render in its screenshots. From Debian,
# only when absent.
set -euo pipefail
need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
# grep reads all of fc-list (no -q): under pipefail an early exit would fail the pipe.
fc-list 2>/dev/null | grep "Noto Sans" >/dev/null || need+=(fonts-noto-core)
if [ "${#need[@]}" -eq 0 ]; then
  echo "chromium and Noto fonts already installed"
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${need[@]}"
