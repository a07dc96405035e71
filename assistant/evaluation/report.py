"""Markdown report: a per-city table for each split, then every failed question."""

from __future__ import annotations

from typing import Any

from assistant.evaluation.runner import QuestionResult, Regression, gate_fails

COLUMNS = [
    ("questions", "题数", "{:.0f}"),
    ("hit@1", "hit@1", "{:.3f}"),
    ("hit@3", "hit@3", "{:.3f}"),
    ("mrr@5", "MRR@5", "{:.3f}"),
    ("citation_precision", "引用精确率", "{:.3f}"),
    ("citation_recall", "引用召回率", "{:.3f}"),
    ("key_facts", "要点", "{:.3f}"),
    ("answer_chars_p50", "回答字数中位数", "{:.0f}"),
    ("refusal_precision", "拒答精确率", "{:.3f}"),
    ("refusal_recall", "拒答召回率", "{:.3f}"),
    ("false_refusals", "误拒", "{:.0f}"),
    ("wrong_city", "错城", "{:.0f}"),
    ("latency_p50_ms", "p50 ms", "{:.0f}"),
    ("latency_p95_ms", "p95 ms", "{:.0f}"),
]


SPLITS = (
    ("all", "全部题目"),
    ("tune", "调参集"),
    ("heldout", "留出集（调参时不看）"),
    ("examined", "已查看的前盲测集（开发数据）"),
    ("blind", "盲测集"),
)


def _cell(value: float | None, fmt: str) -> str:
    return "—" if value is None else fmt.format(value)


def table(summary: dict[str, dict[str, float | None]], split: str) -> str:
    head = "| 地区 | " + " | ".join(c[1] for c in COLUMNS) + " |"
    sep = "|---" * (len(COLUMNS) + 1) + "|"
    rows = [head, sep]
    cities = sorted(
        {k.split("/")[0] for k in summary if not k.startswith("all/")}, key=lambda c: (c.startswith("type:"), c)
    )
    for city in [*cities, "all"]:
        m = summary.get(f"{city}/{split}")
        if m:
            name = "**合计**" if city == "all" else city
            rows.append(f"| {name} | " + " | ".join(_cell(m.get(k), f) for k, _, f in COLUMNS) + " |")
    return "\n".join(rows)


def markdown(
    summary: dict[str, dict[str, float | None]],
    results: list[QuestionResult],
    regressions: list[Regression] | None = None,
    newly_failing: list[QuestionResult] | None = None,
    mode: str = "extractive",
    allowed: int = 0,
) -> str:
    """``allowed``: how many newly failing questions the gate lets pass (``runner.flips``)."""
    parts = [f"# 评测报告（{mode}）", ""]
    for split, title in SPLITS:
        if any(k.endswith(f"/{split}") for k in summary):
            parts += [f"## {title}", "", table(summary, split), ""]
    if regressions is not None:
        parts += ["## 回归门禁", ""]
        newly = len(newly_failing or [])
        if not regressions and not newly:
            parts += ["通过：没有指标低于基线（含容差）。", ""]
        elif not gate_fails(regressions, newly_failing or [], allowed):
            parts += [
                f"通过：没有指标低于基线（含容差）；新失败 {newly} 道，未超过机器间浮点差异允许的 {allowed} 道。",
                "",
            ]
        for reg in regressions:
            now = "—" if reg.current is None else f"{reg.current:.3f}"
            parts.append(f"- **{reg.group} {reg.metric}**：基线 {reg.baseline:.3f} → 现在 {now}")
        for q in newly_failing or []:
            parts.append(f"- 新失败：`{q.id}` {q.question}（{q.cause}）")
        parts.append("")
    failed = [r for r in results if not r.passed]
    parts += [f"## 未通过的题目（{len(failed)}）", ""]
    causes: dict[str, int] = {}
    for r in failed:
        key = r.cause.split(" (")[0]
        causes[key] = causes.get(key, 0) + 1
    if causes:
        parts += ["| 原因 | 题数 |", "|---|---|"] + [f"| {k} | {v} |" for k, v in sorted(causes.items())] + [""]
    for r in failed:
        parts += [
            f"### `{r.id}` {r.question}",
            "",
            f"- 集合：{r.split}；可回答：{'是' if r.answerable else '否'}；原因：**{r.cause}**",
            f"- 应引：{' / '.join('或'.join(g) for g in r.gold) or '（应拒答）'}",
            f"- 检索前 5：{', '.join(r.retrieved) or '（无）'}",
            f"- 实引：{', '.join(r.cited) or '（无）'}；拒答：{'是' if r.refused else '否'}",
            "- 回答：",
            "",
            "  > " + r.answer.replace("\n", "\n  > "),
            "",
        ]
    return "\n".join(parts)


def rich_table(summary: dict[str, dict[str, float | None]], split: str, title: str) -> Any:
    """The per-city table of ``split`` for a terminal (rich)."""
    from rich.table import Table

    shown = [c for c in COLUMNS if c[0] != "latency_p50_ms"]
    table = Table(title=title)
    table.add_column("地区")
    for _, name, _ in shown:
        table.add_column(name, justify="right")
    cities = sorted({k.split("/")[0] for k in summary if not k.startswith("all/")})
    for city in [*cities, "all"]:
        m = summary.get(f"{city}/{split}")
        if m:
            cells = [_cell(m.get(k), fmt) for k, _, fmt in shown]
            table.add_row("合计" if city == "all" else city, *cells, style="bold" if city == "all" else None)
    return table
