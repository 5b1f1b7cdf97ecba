#!/usr/bin/env bash
# Installs the project with its test extras, runs the test suite, then the eval set against its thresholds.
set -euo pipefail
cd "$(dirname "$0")/.."
python -m pip install -q -e '.[test]'
python -m pytest -q
python -m evals --split all
