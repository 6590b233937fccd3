#!/usr/bin/env bash
# The system's Tesseract with its Vietnamese model, for the tests of VANBAN_OCR_ENGINE=tesseract
# (tests/sources/ocr-native.test.ts). Installed from Debian only when absent.
set -euo pipefail
if command -v tesseract >/dev/null 2>&1 && tesseract --list-langs 2>/dev/null | grep -qx vie; then
  echo "tesseract with vie already installed"
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends tesseract-ocr tesseract-ocr-vie
