"""👍/👎 feedback on answers, stored durably in SQLite and exportable as eval rows."""

from __future__ import annotations

import json
import sqlite3
import threading
import time
from pathlib import Path
from typing import Any

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


FEEDBACK_FILE = "feedback.sqlite"


class FeedbackStore:
    @classmethod
    def in_dir(cls, data_dir: Path) -> FeedbackStore:
        """The store of a data directory (``<data_dir>/feedback.sqlite``)."""
        return cls(data_dir / FEEDBACK_FILE)

    def __init__(self, path: Path) -> None:
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.Lock()
        with self._connect() as c:
            c.execute(SCHEMA)

    def _connect(self) -> sqlite3.Connection:
        return sqlite3.connect(self.path, timeout=30)

    def add(self, question: str, city: str | None, liked: bool, answer: dict[str, Any], comment: str = "") -> int:
        with self._lock, self._connect() as c:
            cur = c.execute(
                "INSERT INTO feedback (created, question, city, liked, comment, answer) VALUES (?, ?, ?, ?, ?, ?)",
                (
                    time.time(),
                    question,
                    city,
                    int(liked),
                    comment.strip()[:2000],
                    json.dumps(answer, ensure_ascii=False),
                ),
            )
            return int(cur.lastrowid or 0)

    def comment(self, feedback_id: int, comment: str) -> None:
        with self._lock, self._connect() as c:
            c.execute("UPDATE feedback SET comment = ? WHERE id = ?", (comment.strip()[:2000], feedback_id))

    def rows(self) -> list[dict[str, Any]]:
        with self._connect() as c:
            c.row_factory = sqlite3.Row
            return [dict(r) for r in c.execute("SELECT * FROM feedback ORDER BY id")]

    def export_eval_rows(self) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        """(candidate gold rows from 👍, rows to review from 👎) in the evals/gold schema."""
        good: list[dict[str, Any]] = []
        review: list[dict[str, Any]] = []
        for r in self.rows():
            answer = json.loads(r["answer"])
            cites = [{"doc": c["document"], "article": c["article"]} for c in answer.get("citations", [])]
            row = {
                "id": f"fb-{r['id']:05d}",
                "city": r["city"],
                "question": r["question"],
                "must": [],
                "cite": cites,
                "answerable": not answer.get("refused", False),
                "description": ("用户反馈 👍" if r["liked"] else "用户反馈 👎，待复核")
                + (f"：{r['comment']}" if r["comment"] else ""),
            }
            (good if r["liked"] and (cites or answer.get("refused")) else review).append(row)
        return good, review
