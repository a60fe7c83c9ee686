#!/usr/bin/env bash
# Installs the Debian packages the tests need when they are missing: chromium (Playwright smoke
# and the worker tests), ffmpeg (sample clips), xmlsec1 (independent ZXP signature check), brotli
# (unpacks chrome-aws-lambda's Chromium 88, CEP 11's engine, for the cep11 browser tests).
set -euo pipefail
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v ffmpeg >/dev/null 2>&1 || need+=(ffmpeg)
command -v xmlsec1 >/dev/null 2>&1 || need+=(xmlsec1)
command -v brotli >/dev/null 2>&1 || need+=(brotli)
[ ${#need[@]} -eq 0 ] && exit 0
if ! command -v apt-get >/dev/null 2>&1; then
  echo "missing system packages: ${need[*]} (install them with your package manager)" >&2
  exit 1
fi
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
echo "installing system packages: ${need[*]}"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
