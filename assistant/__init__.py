"""市政府工作规则问答助手 — answers procedure questions by quoting and citing rule articles."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["Answer", "Article", "Assistant", "Citation"]

if TYPE_CHECKING:
    from .assistant import Assistant
    from .models import Answer, Article, Citation


def __getattr__(name: str) -> Any:
    # Lazy: `import assistant` stays cheap (the CLI and tests import submodules directly).
    if name == "Assistant":
        from .assistant import Assistant

        return Assistant
    if name in ("Answer", "Article", "Citation"):
        from . import models

        return getattr(models, name)
    raise AttributeError(name)
