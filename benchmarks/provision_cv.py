"""Choose ``Weights.provision_gap`` by leave-one-set-out cross-validation on the development sets.

For every single-place development question the answerer answers, the provision check (``answering/provisions``)
is run with no threshold: how far the place's closest phrase is from another place's answer naming what the place's
rules never name. Refusing there turns a right answer into a false refusal (−2 against answering: −1 lost, −1
refused) and a wrong or unanswerable one into a right refusal (+2: a wrong answer costs 2). For each development
set held out in turn, the threshold is the one with the best gain on the other sets (ties: the highest, the one
refusing least); the held-out set's refusals at that threshold are what a new set can expect.

    python benchmarks/provision_cv.py
"""

from __future__ import annotations

import collections
import logging
import math
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from rich.console import Console
from rich.table import Table

from assistant.answering.pipeline import Assistant
from assistant.evaluation.calibrate import asked
from assistant.evaluation.gold import default_gold_paths, load_gold
from assistant.settings import load_settings


def cases(a: Assistant) -> list[tuple[str, float, int]]:
    """(set, gap, label) for each single-place question answered where another place names what it lacks."""
    out = []
    for item in load_gold(default_gold_paths(a.settings.gold_dir), a.index.articles, a.cities):
        q, city, named = asked(a, item)
        if city is None or named > 1:
            continue
        drafts, _ = a.drafts(q, [city], {})
        if len(drafts) != 1 or drafts[0][1].refused or (found := a.lacking_provision(q, city, {})) is None:
            continue
        right = item.row.answerable and drafts[0][2][0].article.id in item.all_gold
        out.append((item.row.id.split("-")[0], found.gap, int(right)))
    return out


def gain(rows: list[tuple[str, float, int]], threshold: float) -> int:
    return sum(2 if label == 0 else -2 for _, gap, label in rows if gap >= threshold)


def main() -> None:
    logging.disable(logging.WARNING)
    settings = load_settings()
    a = Assistant(settings.model_copy(update={"weights": settings.weights.model_copy(update={"provision_gap": 1.0})}))
    rows = cases(a)
    grid = sorted({math.floor(g * 1000) / 1000 for _, g, _ in rows} | {1.0})  # never above the gap it came from
    table = Table(title=f"provision_gap, leave one development set out ({len(rows)} questions where it applies)")
    for col in ("held out", "threshold", "refused wrong/unanswerable", "refused right"):
        table.add_column(col, justify="right")
    total: collections.Counter[str] = collections.Counter()
    for held in sorted({s for s, _, _ in rows}):
        train = [r for r in rows if r[0] != held]
        t = max(grid, key=lambda t: (gain(train, t), t))
        test = [r for r in rows if r[0] == held and r[1] >= t]
        good, bad = sum(1 for r in test if r[2] == 0), sum(1 for r in test if r[2] == 1)
        total.update(good=good, bad=bad)
        if good or bad:
            table.add_row(held, f"{t:.3f}", str(good), str(bad))
    table.add_row("all held out", "", str(total["good"]), str(total["bad"]))
    console = Console()
    console.print(table)
    best = max(grid, key=lambda t: (gain(rows, t), t))
    console.print(f"threshold on all development sets: {best:.3f} (gain {gain(rows, best)})")


if __name__ == "__main__":
    main()
