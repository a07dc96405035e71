"""The search index: a Chroma collection of article vectors plus a BM25 index of jieba tokens.

Entry point: ``KnowledgeIndex.open(settings)``. Chroma is embedded and on disk under
``<data_dir>/chroma`` unless ``settings.chroma_host`` (``CHROMA_HOST``, ``CHROMA_PORT``) points at a
Chroma server — same code, different client. The collection is named after the embedding
model, so switching models never mixes vectors. A manifest records which ``articles.jsonl``
and model the index was built from; when either changes the index syncs itself, embedding
only articles whose content changed (vectors are also cached by content hash).
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import shutil
import sqlite3
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import bm25s
import chromadb
import numpy as np
from chromadb.config import Settings as ChromaSettings
from langchain_chroma import Chroma

from assistant.errors import IndexUnavailable
from assistant.knowledge.ingest import load_knowledge
from assistant.models import Article
from assistant.retrieval.embeddings import CachedEmbeddings, make_embeddings
from assistant.retrieval.lexicon import leaving_words
from assistant.retrieval.tokenizer import STOPWORDS, USER_DICT, Tokenizer, default_tokenizer
from assistant.settings import Settings

log = logging.getLogger(__name__)

INDEX_VERSION = 3
MANIFEST = "index.json"
# Articles ranked by one unfiltered dense query (see ``KnowledgeIndex.dense``): a bound on its cost in a
# large knowledge base; the ranking is exact whatever its value (a place short of ``k`` is searched alone).
DENSE_RANKED = 1000


def passage_text(a: Article) -> str:
    """What is embedded and indexed for an article: its document, chapter and text."""
    chapter = a.chapter.title if a.chapter else ""
    return f"《{a.document}》{chapter} {a.citation[-8:]}\n{a.text}"


def content_hash(a: Article) -> str:
    return hashlib.sha256(json.dumps(a.to_dict(), ensure_ascii=False, sort_keys=True).encode()).hexdigest()[:16]


def collection_name(model: str) -> str:
    slug = re.sub(r"[^a-zA-Z0-9]+", "-", model).strip("-")[:40]
    return f"articles-{slug}-{hashlib.sha1(model.encode()).hexdigest()[:8]}-v{INDEX_VERSION}"


def chroma_client(persist_dir: Path, host: str | None = None, port: int = 8000) -> chromadb.ClientAPI:
    """A Chroma server's client when ``host`` is given, else the embedded store in ``persist_dir``."""
    chroma_settings = ChromaSettings(anonymized_telemetry=False)
    if host:
        return chromadb.HttpClient(host=host, port=port, settings=chroma_settings)
    persist_dir.mkdir(parents=True, exist_ok=True)
    return chromadb.PersistentClient(path=str(persist_dir), settings=chroma_settings)


def _forget_clients() -> None:
    """chromadb caches one client per path in a process; drop them after the files changed."""
    from chromadb.api.shared_system_client import SharedSystemClient

    SharedSystemClient.clear_system_cache()


def _reason(e: BaseException) -> str:
    if isinstance(e, OSError) and e.strerror:
        return e.strerror
    return str(e) or type(e).__name__


def check_writable(data_dir: Path) -> None:
    """Fail early, with a clear message, when the data directory cannot be written."""
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
        fd, probe = tempfile.mkstemp(dir=data_dir, prefix=".probe-")
        os.close(fd)
        os.unlink(probe)
    except OSError as e:
        raise IndexUnavailable(
            f"数据目录 {data_dir} 不可写（{_reason(e)}）：请检查其权限，或用 ASSISTANT_DATA_DIR 指定一个可写目录。"
        ) from e


def chroma_damaged(persist: Path) -> bool:
    """True only when the Chroma directory is demonstrably corrupt (its SQLite file is not a sound database)."""
    db = persist / "chroma.sqlite3"
    if not db.is_file():
        return False
    try:
        with open(db, "rb") as f:
            header = f.read(16)
    except OSError:
        return False  # unreadable is not corrupt
    if header and header != b"SQLite format 3\x00":
        return True
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
        try:
            rows = conn.execute("PRAGMA quick_check").fetchall()
        finally:
            conn.close()
    except sqlite3.DatabaseError as e:
        return getattr(e, "sqlite_errorcode", 0) & 0xFF in (11, 26)  # SQLITE_CORRUPT, SQLITE_NOTADB
    return rows != [("ok",)]


@dataclass
class SyncReport:
    embedded: int = 0
    deleted: int = 0
    unchanged: int = 0
    rebuilt: bool = False
    seconds: dict[str, float] = field(default_factory=dict)


class KnowledgeIndex:
    """Articles + BM25 + Chroma, kept in sync with ``articles.jsonl``."""

    def __init__(
        self,
        articles: list[Article],
        data_dir: Path,
        embeddings: CachedEmbeddings,
        model_name: str,
        articles_sha: str,
        tokenizer: Tokenizer | None = None,
        client: chromadb.ClientAPI | None = None,
        chroma_host: str | None = None,
        chroma_port: int = 8000,
    ) -> None:
        if not articles:
            raise IndexUnavailable("条文库为空，无法建立索引")
        self.articles = articles
        self.by_id = {a.id: a for a in articles}
        self.position = {a.id: n for n, a in enumerate(articles)}
        self.data_dir = data_dir
        self.embeddings = embeddings
        self.model_name = model_name
        self.articles_sha = articles_sha
        self.tokenizer = tokenizer or default_tokenizer()
        self.cities = np.array([a.city for a in articles])
        self.leaving = leaving_words(a.text for a in articles)  # 离咸, 离同: being away, in the rules' words
        self._masks: dict[str, np.ndarray] = {}
        self._client = client
        self.chroma_host = chroma_host
        self.chroma_port = chroma_port
        self.report = SyncReport()
        t = time.perf_counter()
        self.bm25 = self._bm25()
        self.report.seconds["bm25"] = time.perf_counter() - t
        self.store = self._open_store()
        # searched directly for ids and distances: langchain's search also reads every hit's text and
        # metadata back from SQLite, half of a query's time, and the articles are in memory already
        self.collection = self.store._collection
        self._dense = lru_cache(maxsize=256)(self._dense_search)
        self._ranked = lru_cache(maxsize=256)(self._rank_all)

    # -- construction -----------------------------------------------------------------

    def _bm25(self) -> bm25s.BM25:
        """Load the saved BM25 index for exactly these articles and tokenizer, or build and save it."""
        key = hashlib.sha256(
            "\x00".join(
                [self.articles_sha, str(INDEX_VERSION), USER_DICT.read_text(encoding="utf-8"), *sorted(STOPWORDS)]
            ).encode()
        ).hexdigest()[:16]
        path = self.data_dir / "bm25" / key
        if (path / "params.index.json").is_file():
            try:
                return bm25s.BM25.load(str(path))
            except (OSError, ValueError, KeyError) as e:
                log.warning("saved BM25 index at %s unusable (%s); rebuilding", path, e)
        bm25 = bm25s.BM25()
        bm25.index([self.tokenizer.words(passage_text(a)) or ["∅"] for a in self.articles], show_progress=False)
        try:
            if path.parent.exists():
                shutil.rmtree(path.parent)  # older keys: one saved index is enough
            tmp = path.with_name(path.name + ".tmp")
            bm25.save(str(tmp), show_progress=False)
            os.replace(tmp, path)
        except OSError as e:
            log.warning("could not save BM25 index to %s: %s", path, e)
        return bm25

    @classmethod
    def open(cls, settings: Settings, on_progress: Callable[[int, int], None] | None = None) -> KnowledgeIndex:
        knowledge = load_knowledge(settings.knowledge_dir)
        check_writable(settings.data_dir)
        embeddings, name = make_embeddings(settings)
        index = cls(
            knowledge.articles,
            settings.data_dir,
            embeddings,
            name,
            knowledge.articles_sha256,
            chroma_host=settings.chroma_host,
            chroma_port=settings.chroma_port,
        )
        index.sync(on_progress)
        return index

    def _open_store(self) -> Chroma:
        persist = self.data_dir / "chroma"
        local = self._client is None and not self.chroma_host
        if local and not (persist / "chroma.sqlite3").exists():
            _forget_clients()  # deleted underneath a client this process still caches
        try:
            client = self._client or chroma_client(persist, self.chroma_host, self.chroma_port)
            return self._store(client)
        except Exception as e:  # chromadb raises many types for a damaged directory
            if self.chroma_host:
                raise IndexUnavailable(f"无法连接 Chroma 服务器（{self.chroma_host}）：{e}") from e
            if self._client is not None or not chroma_damaged(persist):
                # Not demonstrably corrupt (permissions, a lock, a full disk …): report, never "repair".
                raise IndexUnavailable(
                    f"无法打开索引目录 {persist}（{_reason(e)}）。请检查该目录的权限和磁盘空间后重试；"
                    "若确认索引已损坏，可将该目录移走，下次启动会重建。"
                ) from e
            aside = persist.with_name(f"chroma.damaged-{int(time.time())}")
            log.warning("index at %s is corrupt (%s); moved to %s and rebuilding", persist, e, aside)
            _forget_clients()
            try:
                shutil.move(str(persist), str(aside))
            except OSError as e2:
                raise IndexUnavailable(f"索引目录 {persist} 已损坏，且无法移到 {aside}：{_reason(e2)}") from e2
            self._write_manifest({})
            self.report.rebuilt = True
            try:
                return self._store(chroma_client(persist))
            except Exception as e2:
                raise IndexUnavailable(f"无法创建索引目录 {persist}：{_reason(e2)}") from e2

    def _store(self, client: chromadb.ClientAPI) -> Chroma:
        store = Chroma(
            collection_name=collection_name(self.model_name),
            embedding_function=self.embeddings,
            client=client,
            collection_metadata={"embedding_model": self.model_name, "index_version": INDEX_VERSION},
            collection_configuration={"hnsw": {"space": "cosine"}},
        )
        store.get(limit=1, include=[])  # fail now, not at the first question, if unusable
        return store

    # -- manifest & sync ----------------------------------------------------------------

    @property
    def manifest_path(self) -> Path:
        return self.data_dir / MANIFEST

    def manifest(self) -> dict[str, Any]:
        return {
            "articles_sha256": self.articles_sha,
            "embedding_model": self.model_name,
            "index_version": INDEX_VERSION,
            "collection": collection_name(self.model_name),
            "chroma": f"{self.chroma_host}:{self.chroma_port}" if self.chroma_host else str(self.data_dir / "chroma"),
            "articles": len(self.articles),
        }

    def _read_manifest(self) -> dict[str, Any]:
        try:
            return json.loads(self.manifest_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}

    def _write_manifest(self, manifest: dict[str, Any]) -> None:
        self.data_dir.mkdir(parents=True, exist_ok=True)
        tmp = self.manifest_path.with_suffix(".tmp")
        tmp.write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")
        os.replace(tmp, self.manifest_path)

    def sync(self, on_progress: Callable[[int, int], None] | None = None, batch: int = 64) -> SyncReport:
        """Make the vector store hold exactly the current articles. Cheap when nothing changed."""
        t0 = time.perf_counter()
        self._dense.cache_clear()
        self._ranked.cache_clear()
        current = self.manifest()
        if self._read_manifest() == current and self.store.get(limit=1, include=[])["ids"]:
            self.report.unchanged = len(self.articles)
            self.report.seconds["sync"] = time.perf_counter() - t0
            return self.report
        stored = self.store.get(include=["metadatas"])
        have = {i: (m or {}).get("hash") for i, m in zip(stored["ids"], stored["metadatas"], strict=True)}
        wanted = {a.id: content_hash(a) for a in self.articles}
        stale = [i for i in have if i not in wanted]
        todo = [a for a in self.articles if have.get(a.id) != wanted[a.id]]
        if stale:
            self.store.delete(ids=stale)
        for start in range(0, len(todo), batch):
            chunk = todo[start : start + batch]
            self.store.add_texts(
                texts=[passage_text(a) for a in chunk],
                metadatas=[
                    {"city": a.city, "document": a.document, "article": a.article, "hash": wanted[a.id]} for a in chunk
                ],
                ids=[a.id for a in chunk],
            )
            if on_progress:
                on_progress(min(start + batch, len(todo)), len(todo))
        self.report.embedded = self.embeddings.misses
        self.report.deleted = len(stale)
        self.report.unchanged = len(self.articles) - len(todo)
        self._write_manifest(current)
        self.report.seconds["sync"] = time.perf_counter() - t0
        log.info("index synced: %s", self.report)
        return self.report

    # -- search primitives ----------------------------------------------------------------

    def lexical(self, tokens: list[str], city: str | None) -> np.ndarray:
        """BM25 score of every article (0 outside ``city``)."""
        if not tokens:
            return np.zeros(len(self.articles), dtype=np.float32)
        mask = None
        if city is not None:
            mask = self._masks.get(city)
            if mask is None:
                mask = self._masks[city] = (self.cities == city).astype(np.float32)
        return np.asarray(self.bm25.get_scores(tokens, weight_mask=mask), dtype=np.float32)

    def dense(self, vector: Sequence[float], k: int, city: str | None) -> list[tuple[str, float]]:
        """Top-``k`` (article id, cosine similarity) by vector, within ``city`` if given. Remembered for the
        index's life (cleared by ``sync``): a question's parts are searched with the whole question's vector,
        and places compared with the same one.

        Ranked once for every place (one query without a filter, up to ``DENSE_RANKED`` articles): Chroma's
        metadata filter costs more (~4 ms a query here) than ranking a few hundred articles outright
        (~3 ms), and a comparison searches each place with the same vector. A place with fewer than ``k``
        articles in that ranking (a larger knowledge base) is searched with the filter."""
        key = tuple(vector)
        ranked = self._ranked(key)
        mine = [(aid, sim) for aid, place, sim in ranked if city is None or place == city][:k]
        if len(mine) >= k or len(ranked) >= len(self.articles):
            return mine
        return list(self._dense(key, k, city))

    def _rank_all(self, vector: tuple[float, ...]) -> tuple[tuple[str, str, float], ...]:
        """(article id, its city, cosine) of the ``DENSE_RANKED`` nearest articles of every place."""
        found = self._dense_search(vector, DENSE_RANKED, None)
        return tuple((aid, self.by_id[aid].city, sim) for aid, sim in found if aid in self.by_id)

    def _dense_search(self, vector: tuple[float, ...], k: int, city: str | None) -> tuple[tuple[str, float], ...]:
        found = self.collection.query(
            query_embeddings=np.asarray([vector], dtype=np.float32),
            n_results=min(k, len(self.articles)),
            where={"city": city} if city else None,
            include=["distances"],
        )
        distances = found["distances"] or [[]]
        return tuple((aid, 1.0 - float(d)) for aid, d in zip(found["ids"][0], distances[0], strict=True))
