#!/usr/bin/env bash
# Installs baocao into a virtual environment of its own (default: .venv in this checkout).
#
#   bash install.sh                    # .venv with baocao: then .venv/bin/baocao …
#   bash install.sh --test DIR         # DIR with baocao and its test extra
#   bash install.sh --fresh --test DIR # DIR removed first: nothing left from an earlier run
#   bash install.sh --no-system        # no apt-get: you installed the Debian packages below
#
# The Debian packages baocao runs with are installed with apt-get (root or sudo) when missing:
# libarchive13 (.7z/.rar attachments), LibreOffice Writer (.doc/.odt/.rtf reports, the PDF
# report), tesseract with Vietnamese and ocrmypdf (scans), Liberation fonts (the PDF report).
#
# Why a virtual environment: Debian 12's own python3 refuses `pip install` outside one
# (PEP 668, "externally-managed-environment"), and a package installed by hand elsewhere
# would hide a dependency missing from pyproject.toml. Needs Python 3.11 or newer
# (PYTHON=/path/to/python3.12 to choose another); where `python3 -m venv` is missing
# (Debian without python3-venv) it is installed with apt-get (root or sudo).
set -euo pipefail
cd "$(dirname "$0")"

extra=""
fresh=0
system=1
venv=".venv"
while [ $# -gt 0 ]; do
  case "$1" in
    --test) extra="[test]" ;;
    --fresh) fresh=1 ;;
    --no-system) system=0 ;;
    -h|--help) sed -n '2,18p' "$0"; exit 0 ;;
    -*) echo "install.sh: unknown option $1 (see: bash install.sh --help)" >&2; exit 2 ;;
    *) venv="$1" ;;
  esac
  shift
done

python="${PYTHON:-python3}"
if ! command -v "$python" >/dev/null; then
  echo "install.sh: $python not found. Install Python 3.11 or newer (Debian: apt-get install python3 python3-venv)." >&2
  exit 3
fi
if ! "$python" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
  echo "install.sh: baocao needs Python 3.11 or newer; $python is $("$python" --version 2>&1). Set PYTHON=/path/to/python3.11." >&2
  exit 3
fi

runtime_packages=(libarchive13 libreoffice-writer-nogui tesseract-ocr tesseract-ocr-vie ocrmypdf fonts-liberation2)
# Debian ships venv without ensurepip unless python3.X-venv is installed.
if ! "$python" -c 'import ensurepip, venv' 2>/dev/null; then
  runtime_packages+=("python$("$python" -c 'import sys; print("%d.%d" % sys.version_info[:2])')-venv")
fi

if [ "$system" -eq 1 ] && command -v dpkg-query >/dev/null; then
  missing=()
  for p in "${runtime_packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if [ "${#missing[@]}" -gt 0 ]; then
    sudo=""
    if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
    echo "install.sh: installing with apt-get: ${missing[*]}" >&2
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
fi
if ! "$python" -c 'import ensurepip, venv' 2>/dev/null; then
  echo "install.sh: $python cannot create a virtual environment (no venv/ensurepip module). Install your system's venv package for this Python (Debian: python3-venv)." >&2
  exit 3
fi

if [ "$fresh" -eq 1 ]; then rm -rf "$venv"; fi
if [ ! -x "$venv/bin/python" ]; then
  "$python" -m venv "$venv"
fi
"$venv/bin/python" -m pip install -q --disable-pip-version-check --upgrade pip
"$venv/bin/python" -m pip install -q --disable-pip-version-check -e ".${extra}"
echo "install.sh: baocao installed in $venv ($("$venv/bin/python" --version))" >&2
