#!/usr/bin/env bash
# Installs the project with its test extras and runs the test suite, then the eval set.
set -euo pipefail
cd "$(dirname "$0")/.."
python -m pip install -q -e '.[test]'
python -m pytest -q
