#!/usr/bin/env bash
# Installs the Debian packages the tests need on a fresh Debian machine (tests/run.sh then
# installs baocao and its test extra into a new virtual environment).
# Needs root (CI runs as root) or sudo for apt-get.
set -euo pipefail
cd "$(dirname "$0")/.."

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

# Debian packages: a real IMAP server for the integration tests, openssl for its
# self-signed certificate.
packages=(dovecot-imapd openssl libarchive-tools tesseract-ocr tesseract-ocr-vie ocrmypdf libreoffice-writer-nogui fonts-liberation2 fonts-dejavu-core poppler-utils chromium)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  $SUDO apt-get update -qq
  # policy-rc.d may refuse to start the system's Dovecot; the tests start their own.
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

