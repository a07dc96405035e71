"""Write one eval run's reports: Markdown (``latest.md``), JSON (``latest.json``) and HTML (``latest.html``)."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from assistant.evaluation import html_report, report, runner
from assistant.evaluation.html_questions import Sources
from assistant.evaluation.runner import QuestionResult, Regression

__all__ = ["Sources", "write_reports"]

log = logging.getLogger(__name__)


def compare(
    summary: dict[str, Any], results: list[QuestionResult], path: Path | None, tolerance: float | None
) -> tuple[dict[str, Any] | None, list[Regression] | None, list[QuestionResult] | None]:
    """(baseline, regressions, newly failing) against the baseline file at ``path``; all None without one."""
    import json

    from assistant.errors import ConfigError

    if path is None:
        return None, None, None
    if not path.is_file():
        raise ConfigError(f"基线文件不存在：{path}（可先用 --update-baseline 生成）")
    base = json.loads(path.read_text(encoding="utf-8"))
    return base, runner.gate(summary, base, tolerance), runner.newly_failing(results, base)


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
