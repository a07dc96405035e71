"""Ingest: registry + raw files → ``knowledge/articles.jsonl`` and ``documents.jsonl``.

Deterministic (same input → byte-identical output) and atomic: both files are written to
temporary files and renamed only after every source parsed, so a failed ingest leaves the
previous knowledge base intact.
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from assistant.errors import KnowledgeError
from assistant.knowledge.registry import load_registry
from assistant.knowledge.segment import Repair, SegmentedFile, Segmenter
from assistant.models import Article, DocumentInfo

log = logging.getLogger(__name__)

ARTICLES_FILE = "articles.jsonl"
DOCUMENTS_FILE = "documents.jsonl"
REGISTRY_FILE = "registry.toml"


@dataclass(frozen=True)
class IngestResult:
    articles: list[Article]
    documents: list[DocumentInfo]
    repairs: list[Repair]
    files: list[SegmentedFile]
    changed: bool


def _jsonl(rows: list[dict]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False, separators=(",", ":")) + "\n" for r in rows)


def _write_atomic(files: dict[Path, str]) -> None:
    temps: list[tuple[str, Path]] = []
    try:
        for path, content in files.items():
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
            with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as f:
                f.write(content)
            temps.append((tmp, path))
        for tmp, path in temps:
            os.replace(tmp, path)
    finally:
        for tmp, _ in temps:
            if os.path.exists(tmp):
                os.unlink(tmp)


def ingest(knowledge_dir: Path, on_file: Callable[[str], None] | None = None) -> IngestResult:
    """Parse every registered source and (re)write the generated files."""
    registry = load_registry(knowledge_dir / REGISTRY_FILE)
    segmenter = Segmenter(registry, knowledge_dir)
    parsed: list[SegmentedFile] = []
    for file in registry.files():
        parsed.append(segmenter.segment(file))
        if on_file:
            on_file(file)
    articles = [a for f in parsed for a in f.articles]
    documents = [d for f in parsed for d in f.documents]
    seen: set[str] = set()
    for a in articles:
        if a.id in seen:
            raise KnowledgeError(f"条文 id 重复：{a.id}", str(knowledge_dir / REGISTRY_FILE))
        seen.add(a.id)
    outputs = {
        knowledge_dir / ARTICLES_FILE: _jsonl([a.to_dict() for a in articles]),
        knowledge_dir / DOCUMENTS_FILE: _jsonl([d.to_dict() for d in documents]),
    }
    changed = any(not p.is_file() or p.read_text(encoding="utf-8") != c for p, c in outputs.items())
    if changed:
        _write_atomic(outputs)
        log.info("wrote %d articles from %d documents", len(articles), len(documents))
    return IngestResult(articles, documents, [r for f in parsed for r in f.repairs], parsed, changed)


def load_articles(knowledge_dir: Path) -> list[Article]:
    path = knowledge_dir / ARTICLES_FILE
    if not path.is_file():
        raise KnowledgeError("尚未生成条文库，请先运行 `assistant ingest`", str(path))
    articles = []
    with path.open(encoding="utf-8") as f:
        for n, line in enumerate(f, start=1):
            if not line.strip():
                continue
            try:
                articles.append(Article.from_dict(json.loads(line)))
            except (json.JSONDecodeError, KeyError, TypeError, ValueError) as e:
                raise KnowledgeError(f"条文库内容损坏：{e}", str(path), n) from e
    if not articles:
        raise KnowledgeError("条文库为空，请先运行 `assistant ingest`", str(path))
    return articles


def load_documents(knowledge_dir: Path) -> list[dict]:
    path = knowledge_dir / DOCUMENTS_FILE
    if not path.is_file():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
