"""👍/👎 feedback on answers, stored durably in SQLite and exportable as eval rows.

What is stored is what could be checked, not the client's JSON: the question, the city, the vote,
an optional comment, and of the answer only its text, whether it was a refusal, and its
citations as (article id, verbatim quote, document, article number). Given the knowledge base's
articles (``articles=``: the JSON route always passes them), every citation must name an existing
article and quote it verbatim, else ``InvalidFeedback`` names the field.

One vote per answer: a vote is keyed by the client's ``answer_id`` when given, else by
(question, city, answer text, citations); voting again on the same answer replaces the vote
(👍 then 👎 leaves one 👎) and keeps the row id, so a later ``comment(id, …)`` still lands.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import threading
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from assistant.errors import DataFileError, InvalidFeedback
from assistant.models import Article

SCHEMA = """
CREATE TABLE IF NOT EXISTS feedback (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    created REAL NOT NULL,
    question TEXT NOT NULL,
    city TEXT,
    liked INTEGER NOT NULL,
    comment TEXT NOT NULL DEFAULT '',
    answer TEXT NOT NULL
)
"""
VOTE_KEY_INDEX = "CREATE UNIQUE INDEX IF NOT EXISTS feedback_vote_key ON feedback (vote_key)"

FEEDBACK_FILE = "feedback.sqlite"
MAX_ANSWER = 20000
MAX_CITATIONS = 50


def clean_answer(answer: object, articles: Mapping[str, Article] | None = None) -> dict[str, Any]:
    """The part of an answer that feedback keeps: ``{"answer", "refused", "citations"}``.

    ``citations``: ``[{"id", "quote", "document", "article"}]``. With ``articles`` each citation's
    ``id`` must be an article and its ``quote`` a substring of that article's text, and
    ``document``/``article`` come from the knowledge base; raises ``InvalidFeedback`` naming the field.
    """
    if not isinstance(answer, Mapping):
        raise InvalidFeedback("answer", "应为对象")
    text = answer.get("answer", "")
    if not isinstance(text, str):
        raise InvalidFeedback("answer.answer", "应为文本")
    refused = answer.get("refused", False)
    if not isinstance(refused, bool):
        raise InvalidFeedback("answer.refused", "应为 true 或 false")
    cites = answer.get("citations", [])
    if not isinstance(cites, list) or len(cites) > MAX_CITATIONS:
        raise InvalidFeedback("answer.citations", f"应为不超过 {MAX_CITATIONS} 条引文的列表")
    clean: list[dict[str, Any]] = []
    for n, c in enumerate(cites):
        where = f"answer.citations.{n}"
        if not isinstance(c, Mapping):
            raise InvalidFeedback(where, "应为对象")
        cid, quote = c.get("id"), c.get("quote")
        document: Any
        number: Any
        if not isinstance(cid, str) or not cid:
            raise InvalidFeedback(f"{where}.id", "缺少条文 id")
        if not isinstance(quote, str) or not quote.strip():
            raise InvalidFeedback(f"{where}.quote", "缺少引文")
        if articles is not None:
            article = articles.get(cid)
            if article is None:
                raise InvalidFeedback(f"{where}.id", f"知识库中没有条文“{cid[:80]}”")
            if quote not in article.text:
                raise InvalidFeedback(f"{where}.quote", f"引文不是条文“{cid}”的原文")
            document, number = article.document, article.article
        else:
            document, number = c.get("document"), c.get("article")
            if not isinstance(document, str) or not isinstance(number, int) or isinstance(number, bool):
                raise InvalidFeedback(where, "缺少文件名（document）或条号（article）")
        clean.append({"id": cid, "quote": quote, "document": document, "article": number})
    return {"answer": text[:MAX_ANSWER], "refused": refused, "citations": clean}


def vote_key(question: str, city: str | None, answer: dict[str, Any], answer_id: str | None = None) -> str:
    """What identifies "the same answer" for voting again."""
    if answer_id:
        return "id:" + answer_id
    cites = [[c["id"], c["quote"]] for c in answer["citations"]]
    raw = json.dumps([question, city, answer["answer"], answer["refused"], cites], ensure_ascii=False)
    return "h:" + hashlib.sha256(raw.encode()).hexdigest()


@dataclass
class FeedbackExport:
    good: list[dict[str, Any]] = field(default_factory=list)  # candidate gold rows from 👍
    review: list[dict[str, Any]] = field(default_factory=list)  # rows to review from 👎
    skipped: list[tuple[int, str]] = field(default_factory=list)  # (feedback id, why) of unusable rows


class FeedbackStore:
    @classmethod
    def in_dir(cls, data_dir: Path) -> FeedbackStore:
        """The store of a data directory (``<data_dir>/feedback.sqlite``)."""
        return cls(data_dir / FEEDBACK_FILE)

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.Lock()
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            with self._connect() as c:
                ok = c.execute("PRAGMA quick_check").fetchone()
                if not ok or ok[0] != "ok":
                    raise sqlite3.DatabaseError("database disk image is malformed")
                c.execute(SCHEMA)
                columns = {row[1] for row in c.execute("PRAGMA table_info(feedback)")}
                if "vote_key" not in columns:  # a database from before one-vote-per-answer
                    c.execute("ALTER TABLE feedback ADD COLUMN vote_key TEXT")
                c.execute(VOTE_KEY_INDEX)
        except sqlite3.DatabaseError as e:
            broken = not isinstance(e, sqlite3.OperationalError)
            if broken or "malformed" in str(e) or "not a database" in str(e):
                raise DataFileError(
                    "反馈数据库已损坏（不是有效的 SQLite 数据库）。反馈是用户数据，不会被自动覆盖："
                    "请从备份恢复，或把该文件移走后重新启动（将新建空的反馈库）。",
                    str(path),
                ) from e
            raise DataFileError(f"无法打开反馈数据库（{e}）：请检查文件和数据目录的权限。", str(path)) from e
        except OSError as e:
            raise DataFileError(f"无法打开反馈数据库（{e.strerror or e}）：请检查数据目录的权限。", str(path)) from e

    def _connect(self) -> sqlite3.Connection:
        return sqlite3.connect(self.path, timeout=30)

    def add(
        self,
        question: str,
        city: str | None,
        liked: bool,
        answer: Mapping[str, Any],
        comment: str = "",
        *,
        answer_id: str | None = None,
        articles: Mapping[str, Article] | None = None,
    ) -> int:
        """Record (or change) the vote on one answer; returns its row id, the same for a repeated vote."""
        clean = clean_answer(answer, articles)
        key = vote_key(question, city, clean, answer_id)
        with self._lock, self._connect() as c:
            cur = c.execute(
                "INSERT INTO feedback (created, question, city, liked, comment, answer, vote_key)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)"
                " ON CONFLICT (vote_key) DO UPDATE SET created = excluded.created, question = excluded.question,"
                " city = excluded.city, liked = excluded.liked, answer = excluded.answer,"
                " comment = CASE WHEN excluded.comment != '' THEN excluded.comment ELSE feedback.comment END"
                " RETURNING id",
                (
                    time.time(),
                    question,
                    city,
                    int(liked),
                    comment.strip()[:2000],
                    json.dumps(clean, ensure_ascii=False),
                    key,
                ),
            )
            row = cur.fetchone()
            return int(row[0]) if row else 0

    def comment(self, feedback_id: int, comment: str) -> None:
        with self._lock, self._connect() as c:
            c.execute("UPDATE feedback SET comment = ? WHERE id = ?", (comment.strip()[:2000], feedback_id))

    def rows(self) -> list[dict[str, Any]]:
        with self._connect() as c:
            c.row_factory = sqlite3.Row
            return [dict(r) for r in c.execute("SELECT * FROM feedback ORDER BY id")]

    def export(self, articles: Mapping[str, Article] | None = None) -> FeedbackExport:
        """Eval rows in the evals/gold schema; rows that cannot be used (older databases may hold
        arbitrary client JSON, or citations the knowledge base lacks) are skipped and listed."""
        out = FeedbackExport()
        for r in self.rows():
            try:
                answer = clean_answer(json.loads(r["answer"]), articles)
                if not isinstance(r["question"], str) or not r["question"].strip():
                    raise InvalidFeedback("question", "问题为空")
            except (TypeError, ValueError) as e:
                out.skipped.append((int(r["id"]), f"answer 不是合法的 JSON（{e}）"))
                continue
            except InvalidFeedback as e:
                out.skipped.append((int(r["id"]), str(e)))
                continue
            cites = [{"doc": c["document"], "article": c["article"]} for c in answer["citations"]]
            row = {
                "id": f"fb-{r['id']:05d}",
                "city": r["city"],
                "question": r["question"],
                "must": [],
                "cite": cites,
                "answerable": not answer["refused"],
                "description": ("用户反馈 👍" if r["liked"] else "用户反馈 👎，待复核")
                + (f"：{r['comment']}" if r["comment"] else ""),
            }
            (out.good if r["liked"] and (cites or answer["refused"]) else out.review).append(row)
        return out

    def export_eval_rows(self) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        """(candidate gold rows from 👍, rows to review from 👎); unusable rows are left out (see ``export``)."""
        result = self.export()
        return result.good, result.review
