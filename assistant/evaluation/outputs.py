"""Write one eval run's reports: Markdown (``latest.md``), JSON (``latest.json``) and HTML (``latest.html``)."""

from __future__ import annotations

import json
import logging
import math
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from assistant.errors import ConfigError
from assistant.evaluation import html_report, report, runner
from assistant.evaluation.html_questions import Sources
from assistant.evaluation.runner import QuestionResult, Regression

__all__ = ["Sources", "write_reports"]

log = logging.getLogger(__name__)


def compare(
    summary: dict[str, Any], results: list[QuestionResult], path: Path | None, tolerance: float | None
) -> tuple[dict[str, Any] | None, list[Regression] | None, list[QuestionResult] | None]:
    """(baseline, regressions, newly failing) against the baseline file at ``path``; all None without one."""
    if path is None:
        return None, None, None
    if not path.is_file():
        raise ConfigError(f"基线文件不存在：{path}（可先用 --update-baseline 生成）")
    base = _baseline(path)
    return base, runner.gate(summary, base, tolerance), runner.newly_failing(results, base)


def _baseline(path: Path) -> dict[str, Any]:
    """The baseline file, checked: a broken or hand-edited file is said plainly, not met as a traceback."""
    try:
        base = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as e:
        raise ConfigError(f"基线文件不是合法的 JSON：{path}（可用 --update-baseline 重新生成）") from e
    ok = (
        isinstance(base, dict)
        and isinstance(base.get("metrics"), dict)
        and isinstance(base.get("passed", {}), dict)
        and _number(base.get("tolerance", 0.0))
        and isinstance(flips := base.get("flips", 0), int)
        and not isinstance(flips, bool)
        and flips >= 0
    )
    if not ok:
        raise ConfigError(
            f"基线文件格式不对：{path}（需要 metrics；tolerance 为数字，flips 为非负整数；可用 --update-baseline 重新生成）"
        )
    return base


def _number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def write_reports(
    markdown: Path,
    html: Path | None,
    summary: dict[str, dict[str, float | None]],
    results: list[QuestionResult],
    mode: str,
    sources: Sources,
    baseline: dict[str, Any] | None = None,
    regressions: Sequence[Regression] | None = None,
    newly: Sequence[QuestionResult] | None = None,
    baseline_name: str = "",
) -> Path:
    """Write the Markdown report, its JSON next to it, and the HTML report (by default next to
    them too); returns where the HTML went."""
    page = html or markdown.with_suffix(".html")
    for path in (markdown, page):
        path.parent.mkdir(parents=True, exist_ok=True)
    regs, new = (None if regressions is None else list(regressions)), list(newly or [])
    allowed = runner.flips(baseline) if baseline is not None else 0
    markdown.write_text(report.markdown(summary, results, regs, new, mode, allowed), encoding="utf-8")
    markdown.with_suffix(".json").write_text(runner.results_json(summary, results), encoding="utf-8")
    text = html_report.html(
        summary,
        results,
        baseline,
        regressions,
        newly,
        mode,
        sources=sources,
        baseline_name=baseline_name,
        generated=datetime.now().strftime("%Y-%m-%d %H:%M"),
    )
    page.write_text(text, encoding="utf-8")
    log.info("eval reports written: %s, %s", markdown, page)
    return page
