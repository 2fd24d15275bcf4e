#!/usr/bin/env bash
# Brings the Vietnamese catalogue up to date with the code, then compiles it:
#   bash locale/refresh.sh          (with a venv holding Babel: bash install.sh --test .venv-test)
# New texts come into locale/vi/LC_MESSAGES/baocao.po with an empty msgstr: translate them
# there, run this again, and commit the .pot, .po and .mo (tests/test_catalogue.py checks all three).
set -euo pipefail
cd "$(dirname "$0")/.."
pybabel="${PYBABEL:-.venv-test/bin/pybabel}"
PYTHONPATH=locale "$pybabel" --quiet extract -F babel.cfg --no-location --sort-output --omit-header --project baocao -o locale/baocao.pot .
"$pybabel" update -D baocao -i locale/baocao.pot -d locale -l vi --no-fuzzy-matching --ignore-obsolete
"$pybabel" compile -D baocao -d locale -l vi --statistics
