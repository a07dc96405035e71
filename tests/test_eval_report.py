"""The HTML eval report: chart geometry, deltas, escaping, the verdict, and `assistant eval` writing it."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from assistant.cli import app
from assistant.evaluation.html_chart import Series, bar_chart, hbar_chart
from assistant.evaluation.html_questions import Sources, excerpt
from assistant.evaluation.html_report import delta, headline, html
from assistant.evaluation.runner import QuestionResult, Regression, summarize

from .conftest import KNOWLEDGE

SERIES = [Series("key_facts", "要点", "#1d4ed8"), Series("hit@1", "hit@1", "#38bdf8")]


def result(id: str, passed: bool = True, **fields: Any) -> QuestionResult:
    base: dict[str, Any] = {
        "id": id,
        "city": "datong",
        "split": "tune",
        "type": "fact",
        "question": "以市政府办公室名义发文由谁签发？",
        "asked": "",
        "answerable": True,
        "refused": False,
        "answer": "「以市政府办公室名义发文，一般由市政府秘书长签发。」——《大同市人民政府工作规则》第三十三条",
        "retrieved": ["datong-work-rules-033"],
        "cited": ["datong-work-rules-033"],
        "gold": [["datong-work-rules-033"]],
        "hit1": 1.0,
        "hit3": 1.0,
        "mrr": 1.0,
        "cprec": 1.0,
        "crec": 1.0,
        "facts": True,
        "wrong_city": 0,
        "latency_ms": 12.0,
        "passed": passed,
        "cause": "" if passed else "extraction: key fact not quoted",
    }
    base |= fields
    base["asked"] = base["asked"] or base["question"]
    return QuestionResult(**base)


def baseline_of(results: list[QuestionResult], **passed: bool) -> dict[str, Any]:
    summary = summarize(results)
    return {"tolerance": 0.02, "metrics": summary, "passed": {r.id: r.passed for r in results} | passed}


class _Parser(HTMLParser):
    """Collects start tags with their attributes; fails on nothing but records the structure."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def parse(page: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = _Parser()
    parser.feed(page)
    parser.close()
    return parser.tags


def test_bar_chart_draws_one_rect_per_bar_with_proportional_heights():
    svg = bar_chart(["大同市", "咸宁市"], SERIES, [[0.5, 1.0], [0.25, None]], [[0.6, 1.0], [0.2, None]], title="t")
    bars = re.findall(r'<rect class="bar"[^>]*height="([\d.]+)"', svg)
    assert len(bars) == 3  # the missing value draws nothing
    heights = [float(h) for h in bars]
    assert heights[1] == pytest.approx(2 * heights[0]) and heights[0] == pytest.approx(2 * heights[2])
    assert svg.count('<line class="base"') == 3  # one baseline tick per bar
    assert ">大同市<" in svg and ">咸宁市<" in svg and ">.500<" in svg  # group labels and values
    assert 'class="val down"' in svg and 'class="val up"' in svg  # 0.5 < 0.6 baseline, 0.25 > 0.2
    narrow = hbar_chart(["大同市", "咸宁市"], SERIES, [[0.5, 1.0], [0.25, None]])
    widths = [float(w) for w in re.findall(r'<rect class="hbar"[^>]*width="([\d.]+)"', narrow)]
    assert len(widths) == 3 and widths[1] == pytest.approx(2 * widths[0])


@pytest.mark.parametrize(
    ("metric", "now", "before", "expected"),
    [
        ("hit@1", 0.90, 0.95, ("−0.050", "worse")),
        ("key_facts", 0.96, 0.95, ("+0.010", "better")),
        ("false_refusals", 12.0, 10.0, ("+2", "worse")),
        ("wrong_city", 0.0, 1.0, ("−1", "better")),
        ("false_refusal_rate", 0.02, 0.03, ("−1.0%", "better")),
        ("answer_chars_p50", 80.0, 76.0, ("+4", "moved")),  # longer is neither better nor worse
        ("hit@1", 0.9502, 0.9500, ("±0", "same")),
        ("hit@1", 0.95, None, ("", "")),
    ],
)
def test_delta_sign_and_direction(metric: str, now: float, before: float | None, expected: tuple[str, str]):
    assert delta(metric, now, before) == expected


def test_headline_colours_lower_is_better_metrics():
    now = {"all/all": {"wrong_city": 0.0, "false_refusal_rate": 0.05, "key_facts": 0.9}}
    before = {"all/all": {"wrong_city": 2.0, "false_refusal_rate": 0.03, "key_facts": 0.9}}
    cards = headline(now, before, "all/all")  # type: ignore[arg-type]
    assert re.search(r'class="d better fall">−2</span>.*<code>wrong_city', cards)
    assert re.search(r'class="d worse rise">\+2\.0%</span>.*<code>false_refusal_rate', cards)
    assert re.search(r'class="d same">±0</span>.*<code>key_facts', cards)


def test_questions_and_answers_are_escaped():
    evil = result(
        "x-1",
        passed=False,
        question="<script>alert(1)</script>谁签发",
        answer="<img src=x onerror=alert(2)>「秘书长签发」",
    )
    page = html(summarize([evil]), [evil])
    assert "<script" not in page and "<img" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;谁签发" in page
    assert not [t for t, _ in parse(page) if t in ("script", "img", "iframe", "link")]


def test_a_regression_and_newly_failing_questions_show_in_the_banner():
    now = [result("a-1", passed=False), result("a-2")]
    base = baseline_of(now, **{"a-1": True})
    reg = Regression("datong/all", "key_facts", 0.95, 0.9)
    page = html(summarize(now), now, base, [reg], [now[0]], sources=Sources())
    banner = page[page.index('<section class="verdict') :]
    banner = banner[: banner.index("</section>")]
    assert "门禁未通过" in banner and "key_facts" in banner and "datong 0.950 → <b>0.900</b>" in banner
    assert "新失败的题：<b>1</b> 道" in banner
    passing = html(summarize(now), now, baseline_of(now), [], [])
    assert "门禁通过" in passing and "门禁未通过" not in passing
    # one newly failing question, within what another machine's float noise may flip: still a pass, said
    noisy = html(summarize(now), now, base | {"flips": 1}, [], [now[0]])
    assert "门禁通过" in noisy and "新失败 1 道，未超过机器间浮点差异允许的 1 道" in noisy
    assert "门禁未通过" in html(summarize(now), now, base | {"flips": 0}, [], [now[0]])
    assert "未与基线比较" in html(summarize(now), now)


def test_newly_failing_come_first_and_newly_passing_are_listed():
    now = [
        result("a-1", passed=False, cause="ranking (lexical rank 2, dense rank 3)"),
        result("b-1", passed=False, city="xianning", question="咸宁呢", asked="咸宁市长出差谁代行", type="followup"),
        result("c-1"),
    ]
    base = baseline_of(now, **{"b-1": True, "c-1": False})
    page = html(summarize(now), now, base, [], [now[1]])
    failing = page[page.index('id="failing"') :]
    assert failing.index('id="q-b-1"') < failing.index('id="q-a-1"')  # the newly failing first
    changes = page[page.index('id="changes"') : page.index('id="failing"')]
    assert "新失败 1" in changes and "新通过 1" in changes and "c-1" in changes
    assert "还原为：咸宁市长出差谁代行" in changes


def test_a_failing_card_shows_the_conversation_and_both_article_lists():
    from assistant.evaluation.gold import GoldRow
    from assistant.knowledge.ingest import load_articles

    r = result("f-1", passed=False, question="那副市长呢", asked="副市长出差谁代行", cited=["datong-work-rules-001"])
    row = GoldRow(id="f-1", city="datong", question="那副市长呢", history=["市长出差谁代行"], must=[["秘书长"]],
                  cite=[{"doc": "大同市人民政府工作规则", "article": 33}], answerable=True)  # fmt: skip
    sources = Sources({a.id: a for a in load_articles(KNOWLEDGE)}, {"f-1": row})
    page = html(summarize([r]), [r], sources=sources)
    card = page[page.index('id="q-f-1"') :]
    assert "<li>市长出差谁代行</li>" in card and "还原为：副市长出差谁代行" in card
    assert "✓ 秘书长" in card  # the answer has the key fact
    expected, cited = card.index("应引"), card.index("实引")
    assert card.index("《大同市人民政府工作规则》第三十三条") < cited < card.index("《大同市人民政府工作规则》第一条")
    assert expected < cited and "<mark>以市政府办公室名义发文，一般由市政府秘书长签发</mark>" in card
    missed = result("f-2", passed=False, answer="「由市长签发。」", cited=["datong-work-rules-033"])
    page = html(summarize([missed]), [missed], sources=Sources(sources.articles, {"f-2": row}))
    assert "✗ 秘书长" in page and "<mark>秘书长</mark>" in page  # the missing key fact, found in the article


def test_blind_failures_stay_folded_and_a_baseline_of_other_sets_is_flagged():
    dev = [result("d-1")]
    blind = [result("b2-1", passed=False, split="blind"), result("b2-2", split="blind")]
    page = html(summarize(blind), blind, baseline_of(dev), [], [])
    assert '<details class="blind"><summary>盲测集：按规定不查看逐题失败' in page
    assert "盲测集（每轮工作结束时只看一次）" in page
    assert "注意：基线测的是调参集，本次是盲测集" in page
    assert "注意" not in html(summarize(dev), dev, baseline_of(dev), [], [])


def test_excerpt_marks_the_quote_ignoring_spacing_and_width():
    text = "呈报上级的请示、报告，请示一般不超过 1500 字，综合报告一般不超过 5000 字。"
    assert "<mark>1500 字</mark>" in excerpt(text, ["1500字"])
    assert excerpt("<b>甲</b>乙", []) == "&lt;b&gt;甲&lt;/b&gt;乙"
    assert "<mark>" not in excerpt(text, ["没有这句"])


GOLD = [
    {"id": "r-1", "city": "datong", "question": "以市政府办公室名义发文由谁签发？", "must": [["秘书长"]],
     "cite": [{"doc": "大同市人民政府工作规则", "article": 33}], "answerable": True, "type": "fact"},
    {"id": "r-2", "city": None, "history": ["咸宁常务会多久开一次"], "question": "全体会呢",
     "must": [["每年召开一次"]], "cite": [{"doc": "咸宁市人民政府工作规则", "article": 19}], "answerable": True,
     "type": "followup"},
    {"id": "r-3", "city": "datong", "question": "单位食堂中午几点开饭", "must": [], "cite": [],
     "answerable": False, "type": "unanswerable"},
    # Deliberately wrong gold (the rules' first article): this question fails, with a hostile question text.
    {"id": "r-4", "city": "datong", "question": "<script>alert(1)</script>办公室发文谁签发", "must": [["宪法"]],
     "cite": [{"doc": "大同市人民政府工作规则", "article": 1}], "answerable": True, "type": "fact"},
]  # fmt: skip


def test_eval_writes_a_self_contained_html_report(tmp_path: Path):
    gold = tmp_path / "datong.jsonl"
    gold.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in GOLD), encoding="utf-8")
    report, baseline, page = tmp_path / "r/latest.md", tmp_path / "baseline.json", tmp_path / "html/eval.html"
    args = ["eval", "--knowledge", str(KNOWLEDGE), "--gold", str(gold), "--report", str(report)]
    runner = CliRunner()
    made = runner.invoke(app, [*args, "--baseline", str(baseline), "--update-baseline"])
    assert made.exit_code == 0, made.output
    assert (tmp_path / "r/latest.html").is_file()  # by default next to the Markdown report
    doc = json.loads(baseline.read_text(encoding="utf-8"))
    assert doc["passed"]["r-4"] is False
    doc["passed"]["r-4"] = True  # as if it had passed before: now newly failing
    doc["flips"] = 0  # and no allowance for another machine's float noise
    baseline.write_text(json.dumps(doc), encoding="utf-8")

    done = runner.invoke(app, [*args, "--baseline", str(baseline), "--html", str(page)])
    assert done.exit_code == 1  # the gate fails on the newly failing question
    assert str(page) in done.output.replace("\n", "")  # 报告：…md、…html
    text = page.read_text(encoding="utf-8")
    tags = parse(text)
    assert text.startswith("<!DOCTYPE html>") and ("html", {"lang": "zh-CN"}) in tags
    assert "<svg" in text and "门禁未通过" in text and 'id="q-r-4"' in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text and not [t for t, _ in tags if t == "script"]
    external = [a for _, attrs in tags for k, a in attrs.items() if k in ("src", "href") and a and "//" in a]
    assert external == [] and "@import" not in text and "url(" not in text
    assert "《大同市人民政府工作规则》第一条" in text  # the expected article, next to the cited one
