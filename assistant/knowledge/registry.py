"""The knowledge registry (``knowledge/registry.toml``): which files hold which documents.

Pydantic validates it because it is a boundary: people edit it by hand.
"""

from __future__ import annotations

import logging
import tomllib
from collections.abc import Iterable
from functools import cached_property
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from assistant.errors import KnowledgeError, UnknownCity, validation_message
from assistant.textnorm import normalize, simplified

log = logging.getLogger(__name__)

_SLUG = r"^[a-z0-9]+(-[a-z0-9]+)*$"


class Jurisdiction(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")
    slug: str = Field(pattern=_SLUG)
    name: str = Field(min_length=2)
    province: str
    level: Literal["国", "省", "市", "区", "县"]  # 国: national regulations (国务院令)
    aliases: list[str] = []
    parent: str = ""  # the city a district belongs to ("晋城市"): asked about, it points here
    examples: list[str] = []  # example questions shown when this jurisdiction is chosen

    @property
    def names(self) -> list[str]:
        """Every way to write this jurisdiction, longest first."""
        return sorted({self.name, *self.aliases}, key=len, reverse=True)


class Erratum(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")
    find: str = Field(min_length=2)
    replace: str


class DocumentEntry(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")
    city: str
    file: str
    slug: str = Field(pattern=_SLUG)
    title: str = Field(min_length=2)
    number: str = ""
    issuer: str = ""
    issued: str = Field(default="", pattern=r"^(\d{4}-\d{2}-\d{2})?$")
    status: str = "现行有效"
    numbering: Literal["一、", "第一条"]
    expected_articles: int | None = Field(default=None, ge=1)
    replaces: list[str] = []
    errata: list[Erratum] = []

    @field_validator("title")
    @classmethod
    def _strip_title(cls, v: str) -> str:
        return "".join(v.split())


class Registry(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")
    examples: list[str] = []  # example questions shown when no jurisdiction is chosen
    jurisdictions: list[Jurisdiction]
    documents: list[DocumentEntry]

    @model_validator(mode="after")
    def _check(self) -> Registry:
        slugs = [j.slug for j in self.jurisdictions]
        if len(set(slugs)) != len(slugs):
            raise ValueError("duplicate jurisdiction slug")
        seen: set[tuple[str, str]] = set()
        for d in self.documents:
            if d.city not in slugs:
                raise ValueError(f"document {d.title!r} names unknown city {d.city!r}")
            if (d.city, d.slug) in seen:
                raise ValueError(f"duplicate document slug {d.city}/{d.slug}")
            seen.add((d.city, d.slug))
        return self

    @cached_property
    def by_slug(self) -> dict[str, Jurisdiction]:
        return {j.slug: j for j in self.jurisdictions}

    def names_of(self, slugs: Iterable[str], joined_by: str = "、") -> str:
        """The jurisdictions' names, in the order given: 「大同市、咸宁市」 (「大同市和咸宁市」 joined by 和)."""
        return joined_by.join(self.by_slug[c].name for c in slugs)

    def jurisdiction(self, city: str) -> Jurisdiction:
        """Look a city up by slug or any Chinese name/alias (full-width letters as half-width: 「ｄａｔｏｎｇ」, and
        traditional characters as simplified: 「鹹寧」); raises ``UnknownCity``."""
        key = normalize(simplified(city))
        if key in self.by_slug:
            return self.by_slug[key]
        for j in self.jurisdictions:
            if key in j.names or key.lower() == j.slug:
                return j
        # 「晋城」: the city 晋城市城区 belongs to, pointed there
        hint = next((h for name in (key, f"{key}市") if (h := self.pointer(name))), "")
        raise UnknownCity(key, [j.name for j in self.jurisdictions], hint)

    def pointer(self, place: str) -> str:
        """For a place outside the knowledge base that contains one of its jurisdictions, a hint."""
        for j in self.jurisdictions:
            if j.parent and j.parent == place:
                short = min(j.names, key=len)
                return f"（{place}下辖的“{j.name}”有规则，可问“{short}”）"
        within = [j.name for j in self.jurisdictions if j.province and j.province == place]
        if within:  # 山西省: the provincial government's own rules are not here, its cities' are
            return f"（只有{place}下辖的{'、'.join(within)}的规则）"
        return ""

    def documents_of(self, city: str) -> list[DocumentEntry]:
        return [d for d in self.documents if d.city == city]

    def files(self) -> list[str]:
        """Source files in registry order, each once."""
        return list(dict.fromkeys(d.file for d in self.documents))


def load_registry(path: Path) -> Registry:
    if not path.is_file():
        raise KnowledgeError("登记表不存在", str(path))
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as e:
        raise KnowledgeError(f"登记表格式错误：{e}", str(path)) from e
    try:
        return Registry.model_validate(data)
    except ValidationError as e:
        raise KnowledgeError(f"登记表内容错误：{validation_message(e)}", str(path)) from e
