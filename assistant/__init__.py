"""市政府工作规则问答助手 — answers procedure questions by quoting and citing rule articles."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["Answer", "Article", "Assistant", "Citation", "Settings"]

if TYPE_CHECKING:
    from assistant.answering.pipeline import Assistant
    from assistant.models import Answer, Article, Citation
    from assistant.settings import Settings


def __getattr__(name: str) -> Any:
    # Lazy: `import assistant` stays cheap (the CLI and tests import submodules directly).
    if name == "Assistant":
        from assistant.answering.pipeline import Assistant

        return Assistant
    if name == "Settings":
        from assistant.settings import Settings

        return Settings
    if name in ("Answer", "Article", "Citation"):
        from assistant import models

        return getattr(models, name)
    raise AttributeError(name)
