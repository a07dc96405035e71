"""Ingest: registry + raw files → ``knowledge/articles.jsonl`` and ``documents.jsonl``.

Deterministic (same input → byte-identical output) and atomic as a pair: both files are first
written, fsynced, into a new generation directory ``knowledge/generations/<hash>/`` together
with a manifest of their sha256; then one pointer file (``generations/CURRENT``) is replaced
atomically and fsynced. A crash at any point leaves either the previous generation or the new one
current, never a mix. ``knowledge/articles.jsonl`` and ``documents.jsonl`` stay as readable
copies of the current generation (what people and git look at); the loader checks that they match
it, that the two files agree with each other (article counts per document) and with the
registry's ``expected_articles``, and refuses anything else with a message that says to run
``assistant ingest``.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
import tempfile
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from assistant.errors import KnowledgeError
from assistant.knowledge.registry import load_registry
from assistant.knowledge.segment import Repair, SegmentedFile, Segmenter
from assistant.models import Article, DocumentInfo

log = logging.getLogger(__name__)

ARTICLES_FILE = "articles.jsonl"
DOCUMENTS_FILE = "documents.jsonl"
REGISTRY_FILE = "registry.toml"
GENERATIONS_DIR = "generations"
CURRENT_FILE = "CURRENT"
GENERATION_MANIFEST = "manifest.json"
RUN_INGEST = "请运行 `assistant ingest` 重新生成"


@dataclass(frozen=True)
class IngestResult:
    articles: list[Article]
    documents: list[DocumentInfo]
    repairs: list[Repair]
    files: list[SegmentedFile]
    changed: bool


@dataclass(frozen=True)
class Knowledge:
    """The loaded, checked knowledge base: one consistent pair of files."""

    articles: list[Article]
    documents: list[dict[str, Any]]
    articles_sha256: str
    generation: str | None  # None: no generation yet (a fresh checkout), the top-level files are read


def _jsonl(rows: list[dict]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False, separators=(",", ":")) + "\n" for r in rows)


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


# -- durable writes ------------------------------------------------------------------------


def _fsync_dir(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:  # some platforms cannot open a directory: nothing more to do there
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _write_durable(path: Path, data: bytes) -> None:
    """Write ``path`` through a temporary file: fsync the file, rename, fsync the directory."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    _fsync_dir(path.parent)


def _generation_name(files: dict[str, bytes]) -> str:
    return _sha(b"\x00".join(_sha(files[n]).encode() for n in (ARTICLES_FILE, DOCUMENTS_FILE)))[:16]


def _generation_manifest(files: dict[str, bytes]) -> bytes:
    manifest = {f"{name}_sha256": _sha(data) for name, data in files.items()}
    return (json.dumps(manifest, indent=1, sort_keys=True) + "\n").encode()


def _write_generation(gens: Path, name: str, files: dict[str, bytes]) -> bool:
    """Make ``generations/<name>/`` hold ``files`` and their manifest; False when it already did."""
    final = gens / name
    manifest = _generation_manifest(files)
    if (final / GENERATION_MANIFEST).is_file():
        try:
            same = (final / GENERATION_MANIFEST).read_bytes() == manifest and all(
                (final / n).read_bytes() == data for n, data in files.items()
            )
        except OSError:
            same = False
        if same:
            return False
    gens.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(dir=gens, prefix=f".{name}.", suffix=".tmp"))
    try:
        for n, data in [*files.items(), (GENERATION_MANIFEST, manifest)]:
            with (tmp / n).open("wb") as f:
                f.write(data)
                f.flush()
                os.fsync(f.fileno())
        _fsync_dir(tmp)
        if final.exists():  # incomplete or damaged: never current (the pointer is written last)
            shutil.rmtree(final)
        os.replace(tmp, final)
    finally:
        if tmp.exists():
            shutil.rmtree(tmp)
    _fsync_dir(gens)
    return True


def _current(knowledge_dir: Path) -> str | None:
    path = knowledge_dir / GENERATIONS_DIR / CURRENT_FILE
    try:
        return path.read_text(encoding="utf-8").strip() or None
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError) as e:
        raise KnowledgeError(f"无法读取条文库版本指针（{e}），{RUN_INGEST}", str(path)) from e


def _switch(knowledge_dir: Path, name: str) -> None:
    """The one step that makes generation ``name`` current: an atomic, fsynced pointer replace."""
    _write_durable(knowledge_dir / GENERATIONS_DIR / CURRENT_FILE, (name + "\n").encode())


def _prune(gens: Path, keep: set[str]) -> None:
    for child in gens.iterdir():
        if child.is_dir() and child.name not in keep:
            shutil.rmtree(child, ignore_errors=True)


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
    files = {
        ARTICLES_FILE: _jsonl([a.to_dict() for a in articles]).encode(),
        DOCUMENTS_FILE: _jsonl([d.to_dict() for d in documents]).encode(),
    }
    name = _generation_name(files)
    gens = knowledge_dir / GENERATIONS_DIR
    try:
        previous = _current(knowledge_dir)
    except KnowledgeError:
        previous = None  # an unreadable pointer is replaced below
    changed = _write_generation(gens, name, files)
    if previous != name:
        _switch(knowledge_dir, name)
        changed = True
    for n, data in files.items():  # the readable copies, from the now-current generation
        path = knowledge_dir / n
        if not path.is_file() or path.read_bytes() != data:
            _write_durable(path, data)
            changed = True
    _prune(gens, {name, previous or name})
    if changed:
        log.info("wrote %d articles from %d documents (generation %s)", len(articles), len(documents), name)
    return IngestResult(articles, documents, [r for f in parsed for r in f.repairs], parsed, changed)


# -- loading -------------------------------------------------------------------------------


def _read(path: Path, what: str) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError as e:
        raise KnowledgeError(f"{what}不存在，{RUN_INGEST}", str(path)) from e
    except OSError as e:
        raise KnowledgeError(f"无法读取{what}（{e.strerror or e}）", str(path)) from e


def _rows(path: Path, data: bytes, what: str) -> list[tuple[int, dict[str, Any]]]:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        line = data[: e.start].count(b"\n") + 1
        raise KnowledgeError(
            f"{what}不是完整的 UTF-8 文本（文件可能被截断或损坏），{RUN_INGEST}", str(path), line
        ) from e
    if text and not text.endswith("\n"):
        line = text.count("\n") + 1
        raise KnowledgeError(f"{what}最后一行不完整（文件可能被截断），{RUN_INGEST}", str(path), line)
    rows = []
    for n, line_text in enumerate(text.split("\n"), start=1):
        if not line_text.strip():
            continue
        try:
            row = json.loads(line_text)
        except json.JSONDecodeError as e:
            raise KnowledgeError(f"{what}内容损坏（不是合法的 JSON），{RUN_INGEST}", str(path), n) from e
        if not isinstance(row, dict):
            raise KnowledgeError(f"{what}内容损坏（每行应为一个对象），{RUN_INGEST}", str(path), n)
        rows.append((n, row))
    return rows


def _parse_articles(path: Path, data: bytes) -> list[Article]:
    articles = []
    for n, row in _rows(path, data, "条文库"):
        try:
            articles.append(Article.from_dict(row))
        except (KeyError, TypeError, ValueError) as e:
            raise KnowledgeError(f"条文库内容损坏（{e!r}），{RUN_INGEST}", str(path), n) from e
    if not articles:
        raise KnowledgeError(f"条文库为空，{RUN_INGEST}", str(path))
    return articles


def _parse_documents(path: Path, data: bytes) -> list[dict[str, Any]]:
    documents = []
    for n, row in _rows(path, data, "文件目录"):
        if not isinstance(row.get("city"), str) or not isinstance(row.get("title"), str):
            raise KnowledgeError(f"文件目录内容损坏（缺少 city 或 title），{RUN_INGEST}", str(path), n)
        if not isinstance(row.get("articles"), int):
            raise KnowledgeError(f"文件目录内容损坏（缺少条文数 articles），{RUN_INGEST}", str(path), n)
        documents.append(row)
    return documents


def _check_counts(knowledge_dir: Path, articles: list[Article], documents: list[dict[str, Any]], where: Path) -> None:
    """Articles per document must agree with ``documents.jsonl`` and the registry's ``expected_articles``."""
    have = Counter((a.city, a.document) for a in articles)
    listed = {(d["city"], d["title"]): d["articles"] for d in documents}
    for (city, title), n in listed.items():
        if have.get((city, title), 0) != n:
            raise KnowledgeError(
                f"《{title}》（{city}）应有 {n} 条，条文库中有 {have.get((city, title), 0)} 条："
                f"{ARTICLES_FILE} 与 {DOCUMENTS_FILE} 不是同一次生成的，或文件被截断，{RUN_INGEST}",
                str(where),
            )
    for city, title in have:
        if (city, title) not in listed:
            raise KnowledgeError(
                f"条文库中的《{title}》（{city}）不在 {DOCUMENTS_FILE} 中：两文件不是同一次生成的，{RUN_INGEST}",
                str(where),
            )
    registry_path = knowledge_dir / REGISTRY_FILE
    if not registry_path.is_file():
        return
    for d in load_registry(registry_path).documents:
        n = have.get((d.city, d.title), 0)
        if d.expected_articles is not None and n != d.expected_articles:
            raise KnowledgeError(
                f"登记表要求《{d.title}》有 {d.expected_articles} 条，条文库中有 {n} 条：条文库已过期或被截断，{RUN_INGEST}",
                str(where),
            )


def load_knowledge(knowledge_dir: Path) -> Knowledge:
    """The current generation (or, before the first generation, the top-level pair), checked."""
    name = _current(knowledge_dir)
    top = {n: knowledge_dir / n for n in (ARTICLES_FILE, DOCUMENTS_FILE)}
    if name is None:
        if not top[ARTICLES_FILE].is_file():
            raise KnowledgeError(f"尚未生成条文库，{RUN_INGEST}", str(top[ARTICLES_FILE]))
        data = {n: _read(p, "条文库" if n == ARTICLES_FILE else "文件目录") for n, p in top.items()}
        paths = top
    else:
        gen = knowledge_dir / GENERATIONS_DIR / name
        manifest_path = gen / GENERATION_MANIFEST
        try:
            manifest = json.loads(_read(manifest_path, "条文库版本清单"))
            if not isinstance(manifest, dict):
                raise ValueError("not an object")
        except ValueError as e:
            raise KnowledgeError(f"条文库版本清单损坏，{RUN_INGEST}", str(manifest_path)) from e
        paths = {n: gen / n for n in top}
        data = {n: _read(p, "条文库" if n == ARTICLES_FILE else "文件目录") for n, p in paths.items()}
        for n, blob in data.items():
            if manifest.get(f"{n}_sha256") != _sha(blob):
                raise KnowledgeError(f"文件与版本清单不符（被改动或损坏），{RUN_INGEST}", str(paths[n]))
            if top[n].is_file() and _sha(_read(top[n], n)) != _sha(blob):
                raise KnowledgeError(
                    f"与当前条文库版本（{GENERATIONS_DIR}/{name}）不一致：文件被改动、截断，或上次生成未完成，{RUN_INGEST}",
                    str(top[n]),
                )
    articles = _parse_articles(paths[ARTICLES_FILE], data[ARTICLES_FILE])
    documents = _parse_documents(paths[DOCUMENTS_FILE], data[DOCUMENTS_FILE])
    _check_counts(knowledge_dir, articles, documents, paths[ARTICLES_FILE])
    return Knowledge(articles, documents, _sha(data[ARTICLES_FILE]), name)


def load_articles(knowledge_dir: Path) -> list[Article]:
    return load_knowledge(knowledge_dir).articles


def load_documents(knowledge_dir: Path) -> list[dict]:
    return load_knowledge(knowledge_dir).documents
