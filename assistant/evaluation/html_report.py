"""A self-contained HTML eval report: verdict, headline metrics against the baseline, per-city and
per-split bar charts (inline SVG), per-type table, per-question changes and the failing questions.

One file, no script, no external font, image or stylesheet: it opens offline and prints.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from typing import Any, Literal

from assistant.evaluation.html_chart import SAME, Series, bar_chart, hbar_chart, legend
from assistant.evaluation.html_questions import SPLIT_NAMES, TYPE_NAMES, Sources, changes, failing
from assistant.evaluation.html_style import CSS
from assistant.evaluation.report import COLUMNS, SPLITS
from assistant.evaluation.runner import GATED_HIGHER, GATED_LOWER, QuestionResult, Regression, flips, gate_fails

__all__ = ["Sources", "delta", "html"]

Summary = dict[str, dict[str, float | None]]
Trend = Literal["better", "worse", "same", "moved", ""]

LABELS = {key: name for key, name, _ in COLUMNS} | {
    "passed": "通过率",
    "false_refusal_rate": "误拒率",
    "refusal_recall": "应拒已拒",
    "answer_chars_p50": "回答字数中位数",
}
FORMATS = {key: fmt for key, _, fmt in COLUMNS} | {
    "passed": "{:.3f}",
    "false_refusal_rate": "{:.1%}",
    "answerable": "{:.0f}",
}
HIGHER = {*GATED_HIGHER, "passed"}
LOWER = {*GATED_LOWER, "latency_p50_ms", "latency_p95_ms"}
COUNTS = {"questions", "answerable", "wrong_city", "false_refusals", "answer_chars_p50"}
BANNER_GROUPS = 6  # per metric in the verdict; the tables below show every group
HEADLINE = (
    "passed",
    "key_facts",
    "hit@1",
    "citation_precision",
    "false_refusal_rate",
    "refusal_recall",
    "wrong_city",
    "answer_chars_p50",
)
CHART = (
    Series("key_facts", "要点", "#1d4ed8"),
    Series("hit@1", "hit@1", "#38bdf8"),
    Series("citation_precision", "引用精确率", "#7c3aed"),
    Series("refusal_recall", "应拒已拒", "#d97706"),
)
TABLE = (
    "questions",
    "passed",
    "key_facts",
    "hit@1",
    "hit@3",
    "citation_precision",
    "citation_recall",
    "refusal_recall",
    "refusal_precision",
    "false_refusals",
    "wrong_city",
    "answer_chars_p50",
    "latency_p95_ms",
)


def fmt(metric: str, value: float | None) -> str:
    return "—" if value is None else FORMATS.get(metric, "{:.3f}").format(value)


def delta(metric: str, now: float | None, before: float | None) -> tuple[str, Trend]:
    """The change as text (``+0.012``, ``−2``) and whether it is better, worse, unchanged, or
    only moved (a metric with no better direction, such as answer length)."""
    if now is None or before is None:
        return "", ""
    diff = now - before
    if metric in COUNTS:
        text = f"{diff:+.0f}"
        same = round(diff) == 0
    elif metric == "false_refusal_rate":
        text, same = f"{diff * 100:+.1f}%", abs(diff) < SAME
    else:
        text, same = f"{diff:+.3f}", abs(diff) < SAME
    text = text.replace("-", "−")
    if same:
        return "±0", "same"
    if metric in HIGHER:
        return text, "better" if diff > 0 else "worse"
    if metric in LOWER:
        return text, "better" if diff < 0 else "worse"
    return text, "moved"


def _delta_html(metric: str, now: float | None, before: float | None) -> str:
    """The change, coloured by better/worse; the arrow follows the number (▲ rose, ▼ fell)."""
    text, trend = delta(metric, now, before)
    arrow = " rise" if text.startswith("+") else " fall" if text.startswith("−") else ""
    return f'<span class="d {trend}{arrow}">{escape(text)}</span>' if text else ""


def verdict(
    baseline: dict[str, Any] | None,
    regressions: Sequence[Regression],
    newly: Sequence[QuestionResult],
    sources: Sources,
    fixed: int = 0,
) -> str:
    """The banner a reader sees first: did the gate pass, and if not, what fell."""
    if baseline is None:
        hint = "用 <code>--baseline evals/baseline.json</code> 运行即可看到门禁结论与变化。"
        return f'<section class="verdict none"><h2>未与基线比较</h2><p>{hint}</p></section>'
    items = []
    if newly:
        items.append(f'<li><a href="#changes">新失败的题：<b>{len(newly)}</b> 道</a>（基线通过、现在未通过）</li>')
    by_metric: dict[str, list[Regression]] = {}
    for reg in regressions:
        by_metric.setdefault(reg.metric, []).append(reg)
    for metric, regs in by_metric.items():
        where = "；".join(
            f"{escape(_group_name(r.group, sources))} {escape(fmt(metric, r.baseline))} → <b>{escape(fmt(metric, r.current))}</b>"
            for r in regs[:BANNER_GROUPS]
        )
        more = f"；另 {len(regs) - BANNER_GROUPS} 组" if len(regs) > BANNER_GROUPS else ""
        label = f"<b>{escape(LABELS.get(metric, metric))}</b> <code>{escape(metric)}</code>"
        items.append(f"<li>{label}（基线 → 现在）：{where}{more}</li>")
    if fixed:
        items.append(f'<li class="up"><a href="#changes">新通过的题：<b>{fixed}</b> 道</a></li>')
    tol = baseline.get("tolerance")
    problems = (
        [f"{len(regressions)} 项指标回归" + (f"（容差 {tol}）" if tol is not None else "")] if regressions else []
    )
    allowed = flips(baseline)
    failed = gate_fails(regressions, newly, allowed)
    problems += [f"{len(newly)} 道题新失败"] if newly and failed else []
    if newly and not failed:
        items.append(f"<li>新失败 {len(newly)} 道，未超过机器间浮点差异允许的 {allowed} 道。</li>")
    if not problems and not newly:
        items.insert(0, "<li>没有指标低于基线（含容差），没有新失败的题。</li>")
    title = "门禁未通过：" + "，".join(problems) if problems else "门禁通过"
    state = "fail" if problems else "pass"
    return f'<section class="verdict {state}"><h2>{escape(title)}</h2><ul>{"".join(items)}</ul></section>'


def _group_name(group: str, sources: Sources) -> str:
    who, _, split = group.partition("/")
    name = f"题型 {TYPE_NAMES.get(who[5:], who[5:])}" if who.startswith("type:") else sources.city_name(who)
    return name if split == "all" else f"{name} · {SPLIT_NAMES.get(split, split)}"


def headline(summary: Summary, base: dict[str, Any], key: str) -> str:
    m = summary.get(key, {})
    b = base.get(key, {})
    cards = []
    for metric in HEADLINE:
        value = m.get(metric)
        extra = ""
        if metric == "false_refusal_rate" and m.get("false_refusals") is not None:
            extra = f"<small>{fmt('false_refusals', m.get('false_refusals'))} / {fmt('answerable', m.get('answerable'))} 题</small>"
        if metric == "passed" and value is not None and m.get("questions"):
            extra = f"<small>{round(value * (m['questions'] or 0))} / {fmt('questions', m['questions'])} 题</small>"
        cards.append(
            f'<div class="card"><div class="k">{escape(LABELS.get(metric, metric))}</div>'
            f'<div class="v">{escape(fmt(metric, value))}</div>{_delta_html(metric, value, b.get(metric))}'
            f"{extra}<code>{escape(metric)}</code></div>"
        )
    return '<section class="headline">' + "".join(cards) + "</section>"


def metric_table(summary: Summary, base: dict[str, Any], rows: Sequence[tuple[str, str]]) -> str:
    """Rows are (group key, shown name); every cell has its value and the change against the baseline."""
    head = "".join(f"<th>{escape(LABELS.get(k, k))}</th>" for k in TABLE)
    body = []
    for key, name in rows:
        m, b = summary.get(key, {}), base.get(key, {})
        cells = "".join(f"<td>{escape(fmt(k, m.get(k)))}{_delta_html(k, m.get(k), b.get(k))}</td>" for k in TABLE)
        body.append(f"<tr{' class=total' if key.startswith('all/') else ''}><th>{escape(name)}</th>{cells}</tr>")
    return f'<div class="scroll"><table class="metrics"><thead><tr><th></th>{head}</tr></thead><tbody>{"".join(body)}</tbody></table></div>'


def _chart(summary: Summary, base: dict[str, Any], rows: Sequence[tuple[str, str]], title: str) -> str:
    values = [[summary.get(key, {}).get(s.key) for s in CHART] for key, _ in rows]
    before = [[base.get(key, {}).get(s.key) for s in CHART] for key, _ in rows] if base else None
    names = [name for _, name in rows]
    title += "（当前 vs 基线）" if base else ""
    wide = bar_chart(names, CHART, values, before, title=title)
    narrow = hbar_chart(names, CHART, values, before, title=title)
    return f"<figure><figcaption>{escape(title)}</figcaption>{legend(CHART, bool(base))}{wide}{narrow}</figure>"


def _cities(summary: Summary, split: str, sources: Sources) -> list[tuple[str, str]]:
    names = sorted({k.split("/")[0] for k in summary if not k.startswith(("all/", "type:"))})
    rows = [(f"{c}/{split}", sources.city_name(c)) for c in names if f"{c}/{split}" in summary]
    return [*rows, (f"all/{split}", "合计")] if f"all/{split}" in summary else rows


def _splits_section(summary: Summary, base: dict[str, Any], sources: Sources) -> str:
    present = [(s, t) for s, t in SPLITS if s != "all" and f"all/{s}" in summary]
    if not present:
        return ""
    parts = ['<section id="splits"><h2>按题集</h2>']
    if len(present) > 1:
        rows = [(f"all/{s}", SPLIT_NAMES.get(s, s)) for s, _ in present]
        parts.append(_chart(summary, base, rows, "各题集的主要指标"))
    dev = [(s, t) for s, t in present if s != "blind"]
    for heading, chosen in (
        ("开发集", dev),
        ("盲测集（每轮工作结束时只看一次）", [p for p in present if p[0] == "blind"]),
    ):
        if not chosen:
            continue
        parts.append(f"<h3>{heading}</h3>")
        for split, title in chosen:
            table = metric_table(summary, base, _cities(summary, split, sources))
            parts.append(
                f"<details{' open' if len(present) == 1 else ''}><summary>{escape(title)}</summary>{table}</details>"
            )
    parts.append("</section>")
    return "".join(parts)


def _fixed(results: list[QuestionResult], baseline: dict[str, Any] | None) -> int:
    before = (baseline or {}).get("passed", {})
    return sum(1 for r in results if r.passed and before.get(r.id) is False)


def _mismatch(summary: Summary, base: dict[str, Any]) -> str:
    """A warning when the baseline was measured on other question sets than this run."""
    ran = {k.split("/")[1] for k in summary if k.startswith("all/")} - {"all"}
    had = {k.split("/")[1] for k in base if k.startswith("all/")} - {"all"}
    if not base or ran == had:
        return ""
    names = ("、".join(SPLIT_NAMES.get(s, s) for s in sorted(x)) or "—" for x in (had, ran))
    return (
        f'<p class="note warn">注意：基线测的是{escape(next(names))}，本次是{escape(next(names))}；变化仅供参考。</p>'
    )


def html(
    summary: Summary,
    results: list[QuestionResult],
    baseline: dict[str, Any] | None = None,
    regressions: Sequence[Regression] | None = None,
    newly: Sequence[QuestionResult] | None = None,
    mode: str = "extractive",
    *,
    sources: Sources | None = None,
    title: str = "评测报告",
    baseline_name: str = "",
    generated: str = "",
) -> str:
    """The whole report as one HTML document (every question, answer and article text escaped)."""
    src = sources or Sources()
    base: dict[str, Any] = baseline.get("metrics", {}) if baseline else {}
    new = list(newly or [])
    splits = [SPLIT_NAMES.get(s, s) for s, _ in SPLITS if s != "all" and f"all/{s}" in summary]
    meta = [f"模式 {mode}", f"{len(results)} 题", "、".join(splits)]
    meta += [f"基线 {baseline_name}" if baseline_name and baseline else "", generated]
    types = [
        (k, f"{TYPE_NAMES.get(k[5:-4], k[5:-4])}（{k[5:-4]}）")
        for k in summary
        if k.startswith("type:") and k.endswith("/all")
    ]
    body = [
        f"<header><h1>{escape(title)}</h1><p class=meta>{escape(' · '.join(m for m in meta if m))}</p>"
        f"{_mismatch(summary, base)}</header>",
        verdict(baseline, regressions or [], new, src, _fixed(results, baseline)),
        headline(summary, base, "all/all"),
        '<section id="cities"><h2>按地区</h2>',
        _chart(summary, base, _cities(summary, "all", src), "各地区的主要指标"),
        metric_table(summary, base, _cities(summary, "all", src)),
        "</section>",
    ]
    if types:
        body.append(f'<section id="types"><h2>按题型</h2>{metric_table(summary, base, types)}</section>')
    body.append(_splits_section(summary, base, src))
    if baseline is not None:
        body.append(changes(results, baseline, new, src))
    body.append(failing(results, new, src))
    return (
        '<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(title)}（{escape(mode)}）</title><style>{CSS}</style></head>"
        f"<body><main>{''.join(body)}</main></body></html>\n"
    )
