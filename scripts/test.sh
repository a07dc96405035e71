#!/usr/bin/env bash
# Set up (idempotent) and run every check: lint, format, types, tests, eval regression gate.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --dev
export PATH="$PWD/.venv/bin:$PATH"
echo "== ruff"; ruff check . && ruff format --check .
echo "== mypy"; mypy
echo "== pytest"; python -m pytest -q "$@"
if [ -d evals/gold ]; then
  echo "== eval gate (extractive, offline)"
  assistant eval --baseline evals/baseline.json
fi
