#!/usr/bin/env bash
# Installs the project with its test extras (and the optional sentence-transformers backend
# on the CPU build of torch), runs the test suite, then the eval set against its thresholds.
set -euo pipefail
cd "$(dirname "$0")/.."
python -m pip install -q torch==2.13.0
python -m pip install -q -e '.[test,st]'
python -m pytest -q
python -m evals --split all
