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
