"""The HTML report's per-question parts: changes against the baseline and the failing questions,
expected and cited articles side by side with the quoted sentence marked."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from html import escape
from typing import Any

from assistant.evaluation.gold import GoldItem, GoldRow
from assistant.evaluation.metrics import key_facts
from assistant.evaluation.runner import QuestionResult
from assistant.models import Article
from assistant.textnorm import keyed, match_key

SPLIT_NAMES = {"tune": "调参集", "heldout": "留出集", "examined": "已查看盲测集", "blind": "盲测集"}
TYPE_NAMES = {
    "fact": "事实",
    "duration": "期限",
    "count": "数量",
    "two_part": "两问一句",
    "yes_no": "是否",
    "list": "列举",
    "comparison": "对比",
    "followup": "追问",
    "unanswerable": "应拒答",
}
ANSWER_CHARS = 360
EXCERPT_CHARS = 90
_QUOTE = re.compile(r"「(.+?)」", re.S)


@dataclass(frozen=True)
class Sources:
    """What the report looks up besides the results: article texts and the gold rows (history, must)."""

    articles: Mapping[str, Article] = field(default_factory=dict)
    rows: Mapping[str, GoldRow] = field(default_factory=dict)

    @classmethod
    def of(cls, articles: Iterable[Article], items: Iterable[GoldItem]) -> Sources:
        return cls({a.id: a for a in articles}, {i.row.id: i.row for i in items})

    def city_name(self, slug: str) -> str:
        if slug == "all":
            return "合计"
        if slug == "cross-city":
            return "跨地区"
        return next((a.city_name for a in self.articles.values() if a.city == slug), slug)

    def label(self, article_id: str) -> str:
        a = self.articles.get(article_id)
        if a is None:
            return article_id
        return a.source  # as the answers cite it


def _find(text: str, needle: str) -> tuple[int, int] | None:
    """Where ``needle`` is in ``text``, ignoring spaces, punctuation and character width."""
    key, index = keyed(text)
    want = match_key(needle)
    at = key.find(want) if want else -1
    return None if at < 0 else (index[at], index[at + len(want) - 1] + 1)


def excerpt(text: str, needles: Sequence[str], width: int = EXCERPT_CHARS) -> str:
    """An escaped excerpt of ``text`` around the first of ``needles`` it contains, marked;
    the beginning of the text when none is in it."""
    for needle in (n for n in needles if n):
        span = _find(text, needle)
        if span is None:
            continue
        start, end = span
        if end - start > width:
            return f"{'…' if start else ''}<mark>{escape(text[start : start + width])}…</mark>"
        lo, hi = max(0, start - 16), min(len(text), end + 16)
        lead, tail = ("…" if lo else ""), ("…" if hi < len(text) else "")
        return f"{lead}{escape(text[lo:start])}<mark>{escape(text[start:end])}</mark>{escape(text[end:hi])}{tail}"
    return escape(text[:width]) + ("…" if len(text) > width else "")


def _article_li(sources: Sources, article_id: str, ok: bool, needles: Sequence[str], alt: str = "") -> str:
    a = sources.articles.get(article_id)
    text = f'<q class="ex">{excerpt(a.text, needles)}</q>' if a else ""
    mark = "✓" if ok else "✗"
    alt_html = f'<span class="alt">或 {escape(alt)}</span>' if alt else ""
    return (
        f'<li class="{"ok" if ok else "miss"}"><span class="mk">{mark}</span>'
        f"<b>{escape(sources.label(article_id))}</b>{alt_html}{text}</li>"
    )


def _expected(r: QuestionResult, sources: Sources, needles: Sequence[str]) -> str:
    if not r.answerable:
        return '<p class="none">（应拒答，不引用任何条文）</p>'
    cited = set(r.cited)
    items = []
    for group in r.gold:
        hit = [g for g in group if g in cited]
        first = hit[0] if hit else group[0]
        others = "、".join(sources.label(g) for g in group if g != first)
        items.append(_article_li(sources, first, bool(hit), needles, others))
    return '<ul class="arts">' + "".join(items) + "</ul>"


def _cited(r: QuestionResult, sources: Sources, quotes: Sequence[str]) -> str:
    if not r.cited:
        return f'<p class="none">{"（拒答）" if r.refused else "（没有引用）"}</p>'
    ok = {g for group in r.gold for g in group}
    unique = list(dict.fromkeys(r.cited))
    return '<ul class="arts">' + "".join(_article_li(sources, c, c in ok, quotes) for c in unique) + "</ul>"


def _facts(r: QuestionResult, row: GoldRow | None) -> str:
    if row is None or not row.must:
        return ""
    marks = []
    for group in row.must:
        ok = not r.refused and key_facts(r.answer, [group])
        marks.append(f'<span class="{"ok" if ok else "miss"}">{"✓" if ok else "✗"} {escape(" / ".join(group))}</span>')
    return '<p class="facts">要点：' + " ".join(marks) + "</p>"


def _conversation(r: QuestionResult, row: GoldRow | None) -> str:
    history = row.history if row else []
    if not history:
        return f'<p class="ask">{escape(r.question)}</p>'
    turns = "".join(f"<li>{escape(h)}</li>" for h in history)
    resolved = f'<p class="resolved">还原为：{escape(r.asked)}</p>' if r.asked != r.question else ""
    return f'<ol class="hist">{turns}<li class="last">{escape(r.question)}</li></ol>{resolved}'


def _answer(r: QuestionResult) -> str:
    text = r.answer if len(r.answer) <= ANSWER_CHARS else r.answer[:ANSWER_CHARS] + f"…（共 {len(r.answer)} 字）"
    return f'<blockquote class="answer{" refused" if r.refused else ""}">{escape(text)}</blockquote>'


def card(r: QuestionResult, sources: Sources, new: bool) -> str:
    """One failing question: what was asked, what should have been cited next to what was."""
    row = sources.rows.get(r.id)
    quotes = [q.strip() for q in _QUOTE.findall(r.answer)]
    must = row.must if row else []
    missing = [alt for g in must if r.refused or not key_facts(r.answer, [g]) for alt in g]
    # Expected articles: where the missing key fact is, else what was quoted from them, else any key fact.
    needles = [*missing, *quotes, *(alt for g in must for alt in g)]
    badges = '<span class="badge new">新失败</span>' if new else ""
    meta = " · ".join(
        escape(x)
        for x in (sources.city_name(r.city), SPLIT_NAMES.get(r.split, r.split), TYPE_NAMES.get(r.type, r.type))
        if x
    )
    return (
        f'<article class="q{" is-new" if new else ""}" id="q-{escape(r.id)}">'
        f'<header><code>{escape(r.id)}</code>{badges}<span class="meta">{meta}</span>'
        f'<span class="cause">{escape(r.cause or "failed")}</span></header>'
        f"{_conversation(r, row)}{_facts(r, row)}"
        f'<div class="cmp"><div><h4>应引</h4>{_expected(r, sources, needles)}</div>'
        f"<div><h4>实引</h4>{_cited(r, sources, quotes)}</div></div>"
        f"<h4>回答{'（拒答）' if r.refused else ''}</h4>{_answer(r)}"
        f'<p class="ret">检索前 5：{escape("、".join(r.retrieved) or "（无）")}</p></article>'
    )


def _line(r: QuestionResult, sources: Sources, linked: bool) -> str:
    ident = f'<a href="#q-{escape(r.id)}"><code>{escape(r.id)}</code></a>' if linked else f"<code>{escape(r.id)}</code>"
    cause = f' <span class="cause">{escape(r.cause)}</span>' if r.cause else ""
    asked = f' <span class="meta">（还原为：{escape(r.asked)}）</span>' if r.asked != r.question else ""
    where = escape(sources.city_name(r.city))
    return f"<li>{ident} <span class=meta>{where}</span> {escape(r.question)}{asked}{cause}</li>"


def changes(
    results: list[QuestionResult], baseline: dict[str, Any], newly: list[QuestionResult], sources: Sources
) -> str:
    """Questions whose outcome changed since the baseline: newly failing, newly passing, new."""
    before: dict[str, bool] = baseline.get("passed", {})
    fixed = [r for r in results if r.id in before and not before[r.id] and r.passed]
    unseen = [r for r in results if r.id not in before]
    lost = "".join(_line(r, sources, True) for r in newly) or '<li class="none">没有</li>'
    won = "".join(_line(r, sources, False) for r in fixed) or '<li class="none">没有</li>'
    note = f'<p class="note">基线中没有的题：{len(unseen)} 道（不计入变化）。</p>' if unseen else ""
    return (
        '<section id="changes"><h2>逐题变化（对比基线）</h2><div class="cols">'
        f'<div><h3 class="down">新失败 {len(newly)}</h3><ul class="qlist">{lost}</ul></div>'
        f'<div><h3 class="up">新通过 {len(fixed)}</h3><ul class="qlist">{won}</ul></div>'
        f"</div>{note}</section>"
    )


def _cause(r: QuestionResult) -> str:
    return (r.cause or "failed").split(" (")[0]


def failing(results: list[QuestionResult], newly: Sequence[QuestionResult], sources: Sources) -> str:
    """Every failed question: the newly failing open at the top, the rest folded by cause."""
    failed = [r for r in results if not r.passed]
    new_ids = {r.id for r in newly}
    if not failed:
        return '<section id="failing"><h2>未通过的题目（0）</h2><p class="none">全部通过。</p></section>'
    groups: dict[str, list[QuestionResult]] = {}
    for r in sorted(failed, key=lambda r: (r.city, r.id)):
        if r.id not in new_ids:
            groups.setdefault(_cause(r), []).append(r)
    counts = "".join(
        f"<tr><td>{escape(c)}</td><td class=n>{sum(_cause(r) == c for r in failed)}</td></tr>"
        for c in sorted({_cause(r) for r in failed})
    )
    parts = [
        f'<section id="failing"><h2>未通过的题目（{len(failed)}）</h2>',
        f'<table class="causes"><thead><tr><th>原因</th><th class=n>题数</th></tr></thead><tbody>{counts}</tbody></table>',
    ]
    fresh = [r for r in failed if r.id in new_ids]
    if fresh:
        parts += [f'<h3 class="down">新失败（{len(fresh)}）</h3>', *(card(r, sources, True) for r in fresh)]
    for cause, rs in sorted(groups.items()):
        inner = "".join(card(r, sources, False) for r in rs)
        parts.append(f'<details class="group"><summary>{escape(cause)}（{len(rs)}）</summary>{inner}</details>')
    parts.append("</section>")
    body = "".join(parts)
    if failed and all(r.split == "blind" for r in failed):
        warn = "盲测集：按规定不查看逐题失败。展开即视为已查看，这些题随后应转入 gold/examined/。"
        return f'<details class="blind"><summary>{escape(warn)}</summary>{body}</details>'
    return body
