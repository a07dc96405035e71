#!/usr/bin/env bash
# Set up (idempotent), regenerate the knowledge base, build the index if needed and start the
# web chat + APIs on http://127.0.0.1:7860/ (offline, extractive answers unless an LLM endpoint
# is configured, see .env.example). Extra arguments go to `assistant serve` (e.g. --port 8000).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
if [ -f .env ]; then set -a; . ./.env; set +a; fi
export PATH="$PWD/.venv/bin:$PATH"
assistant ingest
exec assistant serve "$@"
