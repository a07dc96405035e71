"""Where things live. One env var for the data directory: ``ASSISTANT_DATA_DIR``."""

from __future__ import annotations

import os
from pathlib import Path

DATA_DIR_ENV = "ASSISTANT_DATA_DIR"
KNOWLEDGE_DIR_ENV = "ASSISTANT_KNOWLEDGE_DIR"

PROJECT_ROOT = Path(__file__).resolve().parents[1]


def data_dir() -> Path:
    """Index, caches and feedback. Default: ``.data/`` in the project checkout."""
    return Path(os.environ.get(DATA_DIR_ENV) or PROJECT_ROOT / ".data").expanduser()


def knowledge_dir() -> Path:
    """Registry, raw sources and the generated ``articles.jsonl``."""
    return Path(os.environ.get(KNOWLEDGE_DIR_ENV) or PROJECT_ROOT / "knowledge").expanduser()
