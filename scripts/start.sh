#!/usr/bin/env bash
# Set up (idempotent), regenerate the knowledge base and start the assistant.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export PATH="$PWD/.venv/bin:$PATH"
assistant ingest
