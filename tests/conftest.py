from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from assistant import config

REPO = Path(__file__).resolve().parents[1]
KNOWLEDGE = REPO / "knowledge"


@pytest.fixture(autouse=True)
def _isolated_data_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own data directory; nothing touches the developer's .data/."""
    data = tmp_path_factory.mktemp("data")
    monkeypatch.setenv(config.DATA_DIR_ENV, str(data))
    return data


@pytest.fixture
def knowledge_copy(tmp_path: Path) -> Path:
    """A writable copy of knowledge/ (registry, raw files, generated files)."""
    dest = tmp_path / "knowledge"
    shutil.copytree(KNOWLEDGE, dest, ignore=shutil.ignore_patterns("*.tmp"))
    return dest
