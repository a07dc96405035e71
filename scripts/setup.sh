#!/usr/bin/env bash
# Idempotent setup: a virtual environment in .venv with the pinned dependency set.
# Usage: bash scripts/setup.sh [--dev]   (--dev: test tools, plus Debian chromium + CJK fonts
# for the browser tests when running as root and they are missing)
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
extra=""
[ "${1:-}" = "--dev" ] && extra="[dev]"
stamp=".venv/.installed${extra}"
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ] || [ requirements.lock -nt "$stamp" ]; then
  .venv/bin/python -m pip install -q --upgrade pip
  .venv/bin/python -m pip install -q -c requirements.lock -e ".${extra}"
  touch "$stamp"
fi
if [ -n "$extra" ] && { ! command -v chromium >/dev/null || ! fc-list 2>/dev/null | grep -qi "Noto Sans CJK"; }; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
    echo "installing chromium and fonts-noto-cjk for the browser tests…"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk >/dev/null
  else
    echo "note: chromium / fonts-noto-cjk missing and not root: browser tests will be skipped" >&2
  fi
fi
