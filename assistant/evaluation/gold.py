"""Gold question sets: ``evals/gold/<city>.jsonl`` (+ ``heldout/``), validated row by row."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from assistant.errors import UserError, validation_message
from assistant.models import Article
from assistant.textnorm import match_key


class GoldError(UserError):
    """A malformed gold row, reported with file and line."""


class CiteRef(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    doc: str = Field(min_length=2)
    article: int = Field(ge=1)


class Cite(CiteRef):
    """An article the answer must cite; ``or`` lists equally valid alternatives."""

    or_: list[CiteRef] = Field(default=[], alias="or")


QuestionType = Literal[
    "fact", "duration", "count", "two_part", "yes_no", "list", "comparison", "followup", "unanswerable"
]
Split = Literal["tune", "heldout", "examined", "blind"]
_SPLIT_DIRS: dict[str, Split] = {"heldout": "heldout", "examined": "examined", "blind": "blind"}


class GoldRow(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)
    id: str = Field(min_length=1)
    city: str | None
    question: str = Field(min_length=1)
    must: list[list[str]] = []
    cite: list[Cite] = []
    answerable: bool
    history: list[str] = []  # earlier user messages of the conversation (a follow-up's context)
    type: QuestionType | None = None
    description: str = ""

    @model_validator(mode="after")
    def _consistent(self) -> GoldRow:
        if self.answerable and not self.cite:
            raise ValueError("answerable row needs at least one cite")
        if not self.answerable and (self.cite or self.must):
            raise ValueError("unanswerable row must have empty cite and must")
        if any(not group or any(not alt for alt in group) for group in self.must):
            raise ValueError("every must group needs non-empty alternatives")
        return self


@dataclass(frozen=True)
class GoldItem:
    row: GoldRow
    file: str
    line: int
    split: Split
    gold: tuple[frozenset[str], ...]  # per cite entry: acceptable article ids

    @property
    def all_gold(self) -> frozenset[str]:
        return frozenset().union(*self.gold) if self.gold else frozenset()


def resolve(ref: CiteRef, articles: list[Article]) -> str | None:
    matches = [a for a in articles if ref.doc in a.document and a.article == ref.article]
    docs = {a.document for a in articles if ref.doc in a.document}
    return matches[0].id if len(matches) == 1 and len(docs) == 1 else None


def load_gold(paths: list[Path], articles: list[Article], cities: list[str]) -> list[GoldItem]:
    """Parse and check gold files; every problem names its file and line."""
    by_id = {a.id: a for a in articles}
    items: list[GoldItem] = []
    seen: dict[str, str] = {}
    for path in paths:
        if not path.is_file():
            raise GoldError(f"评测集文件不存在：{path}")
        split: Split = "blind" if "blind" in path.parts else _SPLIT_DIRS.get(path.parent.name, "tune")
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if not line.strip():
                continue
            where = f"{path}:{n}"
            try:
                row = GoldRow.model_validate(json.loads(line))
            except json.JSONDecodeError as e:
                raise GoldError(f"{where}: 不是合法的 JSON：{e.msg}") from None
            except ValidationError as e:
                raise GoldError(f"{where}: {validation_message(e)}") from None
            if row.id in seen:
                raise GoldError(f"{where}: id {row.id} 与 {seen[row.id]} 重复")
            seen[row.id] = where
            if row.city is not None and row.city not in cities:
                raise GoldError(f"{where}: 未知城市 {row.city}")
            gold = []
            for cite in row.cite:
                ids = set()
                for ref in (cite, *cite.or_):
                    aid = resolve(ref, articles)
                    if aid is None:
                        raise GoldError(f"{where}: 引用《{ref.doc}》第{ref.article}条不存在或文件名不唯一")
                    ids.add(aid)
                gold.append(frozenset(ids))
            texts = [match_key(by_id[i].text) for g in gold for i in g]
            for group in row.must:
                if not any(match_key(alt) in t for alt in group for t in texts):
                    raise GoldError(f"{where}: 要点 {group} 不在所引条文中")
            items.append(GoldItem(row, str(path), n, split, tuple(gold)))
    return items


def default_gold_paths(root: Path, city: str | None = None) -> list[Path]:
    """The development sets: ``<root>/*.jsonl`` (tuning), ``heldout/`` and ``examined/`` (a former
    blind set whose failures have been looked at)."""
    paths = [*sorted(root.glob("*.jsonl")), *sorted((root / "heldout").glob("*.jsonl"))]
    paths += sorted((root / "examined").glob("*.jsonl"))
    if city:
        paths = [p for p in paths if p.stem == city]
    return paths
