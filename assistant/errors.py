"""Exceptions: what a user may see versus what is our bug.

``UserError`` and its subclasses carry a message written for the person using the
product (Chinese), safe to show verbatim in the CLI, the web chat or an HTTP body.
Anything else that escapes is an internal error: logged with its traceback and shown
to users only as a generic apology.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any


class AssistantError(Exception):
    """Base class of every error raised on purpose by this package."""


class UserError(AssistantError):
    """An error caused by input or configuration; ``str(e)`` is fit for end users."""


class InvalidQuestion(UserError):
    """The question cannot be answered as given (empty, too long, ...)."""


class UnknownCity(UserError):
    """A city that the knowledge base does not hold."""

    SHOWN = 20  # characters of the name said back: a long one is not echoed in full

    def __init__(self, city: str, known: list[str], hint: str = ""):
        self.city = city
        self.known = known
        said = city if len(city) <= self.SHOWN else city[: self.SHOWN] + "…"
        super().__init__(f"知识库中没有“{said}”的规则{hint}。现有：{'、'.join(known)}。")


class KnowledgeError(UserError):
    """A source file or registry entry that cannot be turned into articles.

    Names the file and, where known, the line, so the person adding a city can fix it.
    """

    def __init__(self, message: str, path: str | None = None, line: int | None = None):
        self.message = message
        self.path = path
        self.line = line
        where = ""
        if path:
            where = f"{path}:{line}: " if line else f"{path}: "
        super().__init__(where + message)


class IndexUnavailable(UserError):
    """The search index is missing or unusable and could not be rebuilt."""


class ConfigError(UserError):
    """A setting has an invalid value."""


class DataFileError(UserError):
    """A file of the data directory that holds users' data (not a cache) is damaged or unreadable.

    Never moved aside or rebuilt automatically: the message names the file and what to do.
    """

    def __init__(self, message: str, path: str):
        self.path = path
        super().__init__(f"{path}: {message}")


class InvalidFeedback(UserError):
    """Feedback whose answer does not match the knowledge base (an invented citation or quote)."""

    def __init__(self, field: str, message: str):
        self.field = field  # e.g. ``answer.citations.0.quote``
        self.message = message
        super().__init__(f"字段 {field} 无效：{message}")


# The names pydantic puts in an error's location for the member of a union it tried (``str``,
# ``list[ContentPart]``, ``function-after[…]``): types, not fields the user wrote.
_UNION_MEMBER = re.compile(r"^(?:str|int|float|bool|dict|list|none|[A-Z][a-z]\w*|[\w-]+\[.*\])$")  # not CHROMA_PORT


def field_path(loc: object) -> str:
    """``("body", "messages", 0, "content")`` → ``messages.0.content`` (the request body is implied)."""
    parts = loc if isinstance(loc, (list, tuple)) else (loc,)
    return ".".join(str(p) for p in parts if p != "body" and not (isinstance(p, str) and _UNION_MEMBER.match(p)))


# pydantic's error types in Chinese (the English ``msg`` is the fallback).
_KINDS = {
    "greater_than_equal": "应不小于 {ge}",
    "greater_than": "应大于 {gt}",
    "less_than_equal": "应不大于 {le}",
    "less_than": "应小于 {lt}",
    "int_parsing": "应为整数",
    "int_type": "应为整数",
    "float_parsing": "应为数字",
    "float_type": "应为数字",
    "finite_number": "应为有限的数字（不能是 NaN 或无穷大）",
    "bool_parsing": "应为 true 或 false",
    "bool_type": "应为 true 或 false",
    "string_type": "应为文字",
    "string_too_short": "至少 {min_length} 个字符",
    "string_too_long": "最多 {max_length} 个字符",
    "too_short": "至少 {min_length} 项",
    "too_long": "最多 {max_length} 项",
    "list_type": "应为列表",
    "dict_type": "应为对象",
    "model_type": "应为对象",
    "model_attributes_type": "应为 JSON 对象",
    "literal_error": "只能是 {expected}",
    "enum": "只能是 {expected}",
    "extra_forbidden": "不是允许的字段",
    "string_pattern_mismatch": "格式不对",
}


def _reason(err: dict[str, Any]) -> str:
    template = _KINDS.get(str(err.get("type", "")))
    if template:
        ctx = {k: str(v).replace(" or ", " 或 ") for k, v in (err.get("ctx") or {}).items()}
        try:
            return template.format(**ctx)
        except (KeyError, IndexError):
            pass
    if err.get("type") == "value_error":  # our own validators' words (the registry's, the gold files')
        return str(err.get("msg", "格式有误"))
    return "格式有误"  # the library's own (English) message is never shown


def validation_message(error: object, names: Callable[[str], str] | None = None) -> str:
    """One Chinese sentence naming the field(s) of a pydantic/FastAPI validation error.

    ``error``: a ``pydantic.ValidationError`` or anything with ``errors()`` (FastAPI's
    ``RequestValidationError``). ``names`` maps a field path to what the user knows it by (the
    settings give environment variable names). Used by settings, the registry, gold files and
    the HTTP API alike.
    """
    errors = error.errors() if hasattr(error, "errors") else []
    said: dict[str, list[str]] = {}  # what is wrong, and why (a union's members add their reasons: 应为文字或应为列表)
    for err in list(errors)[:3]:
        loc = field_path(err.get("loc", ())) or "请求体"
        if names:
            loc = names(loc)
        kind = err.get("type", "")
        if kind == "json_invalid":
            return "不是合法的 JSON。"
        if kind == "missing":
            said.setdefault("缺少请求体（应为 JSON 对象）" if loc == "请求体" else f"缺少字段 {loc}", [])
        elif (reason := _reason(err)) not in (
            reasons := said.setdefault("请求体无效" if loc == "请求体" else f"字段 {loc} 无效", [])
        ):
            reasons.append(reason)
    return "；".join(f"{what}（{'或'.join(why)}）" if why else what for what, why in said.items()) or "格式有误"
