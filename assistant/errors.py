"""Exceptions: what a user may see versus what is our bug.

``UserError`` and its subclasses carry a message written for the person using the
product (Chinese), safe to show verbatim in the CLI, the web chat or an HTTP body.
Anything else that escapes is an internal error: logged with its traceback and shown
to users only as a generic apology.
"""

from __future__ import annotations


class AssistantError(Exception):
    """Base class of every error raised on purpose by this package."""


class UserError(AssistantError):
    """An error caused by input or configuration; ``str(e)`` is fit for end users."""


class InvalidQuestion(UserError):
    """The question cannot be answered as given (empty, too long, ...)."""


class UnknownCity(UserError):
    """A city that the knowledge base does not hold."""

    def __init__(self, city: str, known: list[str]):
        self.city = city
        self.known = known
        super().__init__(f"知识库中没有“{city}”的规则。现有：{'、'.join(known)}。")


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


def field_path(loc: object) -> str:
    """``("body", "messages", 0, "content")`` → ``messages.0.content`` (the request body is implied)."""
    parts = loc if isinstance(loc, (list, tuple)) else (loc,)
    return ".".join(str(p) for p in parts if p != "body")


def validation_message(error: object) -> str:
    """One Chinese sentence naming the field(s) of a pydantic/FastAPI validation error.

    ``error``: a ``pydantic.ValidationError`` or anything with ``errors()`` (FastAPI's
    ``RequestValidationError``). Used by settings, the registry, gold files and the HTTP API alike.
    """
    errors = error.errors() if hasattr(error, "errors") else []
    parts: list[str] = []
    for err in list(errors)[:3]:
        loc = field_path(err.get("loc", ())) or "请求体"
        kind = err.get("type", "")
        if kind == "json_invalid":
            return "不是合法的 JSON。"
        if kind == "missing":
            parts.append(f"缺少字段 {loc}")
        else:
            parts.append(f"字段 {loc} 无效（{err.get('msg', '')}）")
    return "；".join(parts) or "格式有误"
