#!/usr/bin/env bash
# The test command (README, .ci/run): the system packages the tests need, then a virtual
# environment made anew from pyproject.toml in this run (so a dependency missing from it
# fails here, not on a user's machine), then the lint and every test.
#
#   bash tests/run.sh                 # everything
#   bash tests/run.sh -k ingest -x    # arguments go to pytest
set -euo pipefail
cd "$(dirname "$0")/.."
start=$SECONDS

bash tests/setup.sh
bash install.sh --fresh --test .venv-test
echo "tests/run.sh: lint (ruff check)" >&2
.venv-test/bin/ruff check .
.venv-test/bin/python -m pytest "$@"
echo "tests/run.sh: done in $((SECONDS - start)) s" >&2
