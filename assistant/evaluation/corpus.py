"""A separate corpus for evaluation: its own registry, sources and questions, in a temporary place.

``evals/untuned/`` and ``evals/untuned-dev/`` hold documents the pipeline was never tuned on
(national regulations): ``registry.toml``, ``raw/`` and question files. ``open_corpus`` ingests
and indexes such a directory in a temporary knowledge and data directory (the project's own
knowledge base and index are never touched) and yields an ``Assistant`` over it.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from assistant.answering.pipeline import Assistant
from assistant.errors import ConfigError, KnowledgeError
from assistant.knowledge.ingest import REGISTRY_FILE, ingest
from assistant.settings import Settings


def question_files(corpus: Path, subdir: str = "") -> list[Path]:
    """The corpus's question files: ``*.jsonl`` directly in it (or in ``subdir``)."""
    return sorted((corpus / subdir if subdir else corpus).glob("*.jsonl"))


def check_corpus(corpus: Path) -> None:
    """A corpus directory has a registry, sources and at least one question file."""
    if not (corpus / REGISTRY_FILE).is_file() or not (corpus / "raw").is_dir():
        raise ConfigError(f"{corpus} 不是评测语料目录（需要 {REGISTRY_FILE} 和 raw/）")
    if not (question_files(corpus) or question_files(corpus, "blind")):
        raise ConfigError(f"{corpus} 中没有题目文件（*.jsonl）")


@contextmanager
def open_corpus(corpus: Path, settings: Settings, **change: object) -> Iterator[Assistant]:
    """An assistant over ``corpus`` (a directory with ``registry.toml`` and ``raw/``), built in a
    temporary directory that is removed afterwards; ``change`` overrides further settings."""
    check_corpus(corpus)
    with tempfile.TemporaryDirectory(prefix="corpus-") as tmp:
        kdir = Path(tmp) / "knowledge"
        kdir.mkdir()
        shutil.copy(corpus / REGISTRY_FILE, kdir / REGISTRY_FILE)
        shutil.copytree(corpus / "raw", kdir / "raw")
        try:
            ingest(kdir)
        except KnowledgeError as e:  # name the corpus's own file, not the temporary copy
            path = e.path.replace(str(kdir), str(corpus)) if e.path else None
            raise KnowledgeError(e.message, path, e.line) from None
        update = {"knowledge_dir": kdir, "data_dir": Path(tmp) / "data", **change}
        yield Assistant(settings.model_copy(update=update))
