"""The synonym lexicon (``data/synonyms.txt``): colloquial phrase → the terms the rules use."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

SYNONYMS = Path(__file__).resolve().parents[1] / "data" / "synonyms.txt"


@lru_cache(maxsize=1)
def synonym_table() -> tuple[tuple[str, tuple[str, ...], bool], ...]:
    """(phrase, expansions, is_intent) rows of ``data/synonyms.txt``."""
    rows = []
    for line in SYNONYMS.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if parts and not line.startswith("#"):
            intent = parts[0].startswith("?")
            rows.append((parts[0].lstrip("?"), tuple(parts[1:]), intent))
    return tuple(rows)


def synonyms(intent: bool | None = None) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Phrase → expansions; ``intent`` filters question-intent rows (None: all)."""
    return tuple((p, e) for p, e, i in synonym_table() if intent is None or i == intent)
