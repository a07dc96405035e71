"""Eval suite: metric functions, the regression gate, gold validation, an eval on a tiny KB."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from assistant.cli import app
from assistant.evaluation.gold import GoldError, load_gold
from assistant.evaluation.metrics import (
    citation_precision,
    citation_recall,
    hit_at,
    key_facts,
    mrr_at,
    percentile,
    refusal_scores,
)
from assistant.evaluation.runner import Regression, flips, gate, gate_fails
from assistant.knowledge.ingest import load_articles

from .conftest import KNOWLEDGE

runner = CliRunner()


def test_hit_and_mrr():
    ranked = ["a", "b", "c", "d", "e"]
    assert hit_at(ranked, {"a"}, 1) == 1.0
    assert hit_at(ranked, {"c"}, 1) == 0.0
    assert hit_at(ranked, {"c"}, 3) == 1.0
    assert hit_at(ranked, {"z"}, 5) == 0.0
    assert mrr_at(ranked, {"c"}) == pytest.approx(1 / 3)
    assert mrr_at(ranked, {"d", "b"}) == pytest.approx(1 / 2)
    assert mrr_at(ranked, {"f"}) == 0.0
    assert mrr_at(["x", "y", "z", "w", "v", "a"], {"a"}, k=5) == 0.0


def test_citation_precision_and_recall():
    gold = [{"a", "a2"}, {"b"}]  # a (or a2) and b required
    assert citation_precision(["a", "x"], gold) == 0.5
    assert citation_precision(["a2", "b"], gold) == 1.0
    assert citation_precision([], gold) is None
    assert citation_recall(["a"], gold) == 0.5
    assert citation_recall(["a2", "b", "x"], gold) == 1.0
    assert citation_recall(["x"], []) is None


def test_key_facts_ignore_spacing_and_width():
    answer = "「市政府常务会议一般每月召开 1-2 次。」「会签（回复）7 个工作日」"
    assert key_facts(answer, [["1-2次"], ["7个工作日", "七个工作日"]])
    assert key_facts(answer, [["会签(回复)"]])
    assert not key_facts(answer, [["1-2次"], ["5个工作日"]])
    assert key_facts(answer, [])


def test_refusal_scores_and_percentile():
    # (answerable, refused)
    s = refusal_scores([(False, True), (False, False), (True, True), (True, False), (True, False)])
    assert s["refusal_precision"] == 0.5 and s["refusal_recall"] == 0.5
    assert s["false_refusals"] == 1 and s["false_refusal_rate"] == pytest.approx(1 / 3)
    assert percentile([5, 1, 3, 2, 4], 50) == 3 and percentile([5, 1, 3, 2, 4], 95) == 5
    assert percentile([], 95) == 0.0


def _summary(**metrics):
    base = {"hit@1": 1.0, "key_facts": 1.0, "wrong_city": 0.0, "false_refusals": 0.0, "refusal_recall": 1.0}
    return {"all/all": base | metrics}


def test_gate_passes_within_tolerance_and_fails_on_drop():
    baseline = {"tolerance": 0.02, "metrics": _summary()}
    assert gate(_summary(**{"hit@1": 0.99}), baseline) == []
    drops = gate(_summary(**{"hit@1": 0.9, "wrong_city": 1.0}), baseline)
    assert Regression("all/all", "hit@1", 1.0, 0.9) in drops
    assert Regression("all/all", "wrong_city", 0.0, 1.0) in drops
    strict = baseline | {"flips": 0}
    assert gate(_summary(false_refusals=1.0), strict) == [Regression("all/all", "false_refusals", 0.0, 1.0)]
    assert gate({}, baseline)  # a group that vanished fails too
    assert gate(_summary(**{"hit@1": 0.95}), baseline, tolerance=0.1) == []


def test_the_gate_allows_the_few_questions_another_machine_answers_otherwise():
    """Float noise between CPUs flips a handful of near-boundary questions: as many may newly fail,
    and a group's false refusals rise by as many; a wrong city never passes."""
    baseline = {"tolerance": 0.02, "flips": 2, "metrics": _summary()}
    assert gate(_summary(false_refusals=2.0), baseline) == []
    assert gate(_summary(false_refusals=3.0), baseline) == [Regression("all/all", "false_refusals", 0.0, 3.0)]
    assert gate(_summary(wrong_city=1.0), baseline) == [Regression("all/all", "wrong_city", 0.0, 1.0)]
    two, three = [object()] * 2, [object()] * 3
    assert not gate_fails([], two, flips(baseline))  # type: ignore[arg-type]
    assert gate_fails([], three, flips(baseline))  # type: ignore[arg-type]
    assert gate_fails([Regression("all/all", "hit@1", 1.0, 0.9)], [], flips(baseline))


GOOD = {
    "id": "t-1",
    "city": "datong",
    "question": "办公室发文谁签",
    "must": [["秘书长"]],
    "cite": [{"doc": "大同市人民政府工作规则", "article": 33}],
    "answerable": True,
}


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("{not json", "不是合法的 JSON"),
        (json.dumps(GOOD | {"question": ""}), "字段 question 无效"),
        (json.dumps(GOOD | {"extra": 1}), "字段 extra 无效"),
        (json.dumps(GOOD | {"cite": [{"doc": "大同市人民政府工作规则", "article": 99}]}), "第99条不存在"),
        (json.dumps(GOOD | {"cite": [{"doc": "工作规则", "article": 3}]}), "文件名不唯一"),
        (json.dumps(GOOD | {"must": [["区长"]]}), "不在所引条文中"),
        (json.dumps(GOOD | {"city": "taiyuan"}), "未知城市 taiyuan"),
        (json.dumps(GOOD | {"answerable": False}), "unanswerable row must have empty cite"),
        (json.dumps(GOOD | {"cite": []}), "needs at least one cite"),
    ],
)
def test_malformed_gold_rows_name_file_and_line(tmp_path: Path, row: str, message: str):
    path = tmp_path / "datong.jsonl"
    path.write_text(json.dumps(GOOD | {"id": "ok"}, ensure_ascii=False) + "\n\n" + row + "\n", encoding="utf-8")
    with pytest.raises(GoldError) as info:
        load_gold([path], load_articles(KNOWLEDGE), ["datong"])
    assert f"{path}:3:" in str(info.value)
    assert message in str(info.value)


def test_duplicate_gold_ids(tmp_path: Path):
    path = tmp_path / "datong.jsonl"
    path.write_text((json.dumps(GOOD, ensure_ascii=False) + "\n") * 2, encoding="utf-8")
    with pytest.raises(GoldError, match="重复"):
        load_gold([path], load_articles(KNOWLEDGE), ["datong"])


def test_committed_gold_sets_are_valid():
    from assistant.evaluation.gold import default_gold_paths

    items = load_gold(default_gold_paths(KNOWLEDGE.parent / "evals" / "gold"), load_articles(KNOWLEDGE), [
        "datong", "jincheng-chengqu", "chaoyang", "xianning",
    ])  # fmt: skip
    by_city: dict[str, list] = {}
    for item in items:
        if item.split in ("tune", "heldout"):
            by_city.setdefault(Path(item.file).stem, []).append(item)
    for city, rows in by_city.items():
        assert len(rows) >= 40, city
        assert sum(not r.row.answerable for r in rows) >= 6, city
        held = sum(r.split == "heldout" for r in rows)
        assert 0.25 <= held / len(rows) <= 0.4, city
    examined = [i for i in items if i.split == "examined"]
    assert len(examined) >= 200 and any(i.row.history for i in examined)
    assert sum(i.row.type == "comparison" for i in examined) >= 20


def test_blind_set_is_valid_and_separate():
    """The blind set loads, and none of its questions is also a development question."""
    from assistant.evaluation.gold import default_gold_paths

    articles = load_articles(KNOWLEDGE)
    cities = ["datong", "jincheng-chengqu", "chaoyang", "xianning"]
    blind = load_gold(sorted((KNOWLEDGE.parent / "evals" / "blind").glob("*.jsonl")), articles, cities)
    dev = load_gold(default_gold_paths(KNOWLEDGE.parent / "evals" / "gold"), articles, cities)
    assert len(blind) >= 200 and {i.split for i in blind} == {"blind"}
    assert sum(not i.row.answerable for i in blind) >= 30
    said = {(tuple(i.row.history), i.row.question) for i in dev}
    same = [i for i in blind if (tuple(i.row.history), i.row.question) in said]
    # written independently, only common short questions coincide (「区政府全体会一年开几次？」: more of them as the
    # development sets grow, 8 of 250 among 8,432 and 13 among 14,492; 「常务会到多少人才能开？要是研究人事任免呢？」,
    # 21 characters, was written by five helpers apart); a longer one shared word for word would be a copy
    assert not [i.row.id for i in same if len(i.row.question) > 24]
    assert len(same) <= 0.05 * len(blind) * max(1.0, len(dev) / 8432)  # chance coincidences grow with the sets


TINY_RULES = """示例市人民政府文件
示政发〔2025〕1号

示例市人民政府工作规则

第一章 总则

一、本规则适用于示例市人民政府。

二、市政府实行市长负责制。

第二章 公文

三、以市政府办公室名义发文，由秘书长签发。

四、部门之间会签文件，一般应在5个工作日内回复。

五、本规则自发布之日起施行。
"""


@pytest.fixture
def tiny_kb(tmp_path: Path) -> Path:
    kdir = tmp_path / "kb"
    (kdir / "raw").mkdir(parents=True)
    (kdir / "raw/demo.txt").write_text(TINY_RULES, encoding="utf-8")
    (kdir / "registry.toml").write_text(
        '[[jurisdictions]]\nslug = "demo"\nname = "示例市"\nprovince = "某省"\nlevel = "市"\naliases = ["示例"]\n\n'
        '[[documents]]\ncity = "demo"\nfile = "raw/demo.txt"\nslug = "work-rules"\n'
        'title = "示例市人民政府工作规则"\nnumber = "示政发〔2025〕1号"\nnumbering = "一、"\nexpected_articles = 5\n',
        encoding="utf-8",
    )
    assert runner.invoke(app, ["ingest", "--knowledge", str(kdir)]).exit_code == 0
    rows = [
        {"id": "d-1", "city": "demo", "question": "办公室发文谁签发", "must": [["秘书长"]],
         "cite": [{"doc": "示例市人民政府工作规则", "article": 3}], "answerable": True},
        {"id": "d-2", "city": "demo", "question": "会签文件几天内回复", "must": [["5个工作日"]],
         "cite": [{"doc": "示例市人民政府工作规则", "article": 4}], "answerable": True},
        {"id": "d-3", "city": "demo", "question": "食堂几点开饭", "must": [], "cite": [], "answerable": False},
    ]  # fmt: skip
    (tmp_path / "demo.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    return tmp_path


def test_eval_on_tiny_knowledge_base(tiny_kb: Path):
    kdir, gold, report = tiny_kb / "kb", tiny_kb / "demo.jsonl", tiny_kb / "report.md"
    baseline = tiny_kb / "baseline.json"
    args = ["eval", "--knowledge", str(kdir), "--gold", str(gold), "--report", str(report)]
    made = runner.invoke(app, [*args, "--baseline", str(baseline), "--update-baseline"])
    assert made.exit_code == 0, made.output
    doc = json.loads(baseline.read_text(encoding="utf-8"))
    assert doc["metrics"]["all/all"]["hit@1"] == 1.0 and doc["metrics"]["all/all"]["refusal_recall"] == 1.0
    assert doc["passed"] == {"d-1": True, "d-2": True, "d-3": True}
    assert "# 评测报告" in report.read_text(encoding="utf-8")

    as_json = runner.invoke(app, [*args, "--baseline", str(baseline), "--json"])
    assert as_json.exit_code == 0, as_json.output
    results = json.loads(as_json.output[as_json.output.index("{") :])["results"]
    assert [r["id"] for r in results] == ["d-1", "d-2", "d-3"]

    # A baseline that this code cannot reach: the gate names what fell and exits 1.
    doc["metrics"]["all/all"]["hit@1"] = 1.5
    baseline.write_text(json.dumps(doc), encoding="utf-8")
    failed = runner.invoke(app, [*args, "--baseline", str(baseline)])
    assert failed.exit_code == 1
    assert "回归" in failed.output and "hit@1" in failed.output


def test_eval_names_newly_failing_questions(tiny_kb: Path):
    kdir, gold, report = tiny_kb / "kb", tiny_kb / "demo.jsonl", tiny_kb / "report.md"
    baseline = tiny_kb / "baseline.json"
    args = ["eval", "--knowledge", str(kdir), "--gold", str(gold), "--report", str(report)]
    assert runner.invoke(app, [*args, "--baseline", str(baseline), "--update-baseline"]).exit_code == 0
    # The rules change: 第四条 now says 3 working days, so the gold fact no longer holds.
    raw = kdir / "raw/demo.txt"
    raw.write_text(raw.read_text(encoding="utf-8").replace("5个工作日", "3个工作日"), encoding="utf-8")
    assert runner.invoke(app, ["ingest", "--knowledge", str(kdir)]).exit_code == 0
    failed = runner.invoke(app, [*args, "--baseline", str(baseline)])
    assert failed.exit_code == 1
    assert "不在所引条文中" in failed.output  # the gold row itself is now stale: said, not silently scored


def test_a_broken_baseline_file_is_said_plainly(tiny_kb: Path):
    kdir, gold, report = tiny_kb / "kb", tiny_kb / "demo.jsonl", tiny_kb / "report.md"
    baseline = tiny_kb / "baseline.json"
    args = ["eval", "--knowledge", str(kdir), "--gold", str(gold), "--report", str(report), "--baseline", str(baseline)]
    assert runner.invoke(app, [*args, "--update-baseline"]).exit_code == 0
    doc = json.loads(baseline.read_text(encoding="utf-8"))
    for broken in ("{oops", json.dumps(doc | {"flips": "abc"}), json.dumps(doc | {"tolerance": None}), "[]"):
        baseline.write_text(broken, encoding="utf-8")
        done = runner.invoke(app, args)
        assert done.exit_code == 1 and "基线文件" in done.output and "Traceback" not in done.output


def test_eval_rejects_unknown_mode(tiny_kb: Path):
    done = runner.invoke(app, ["eval", "--knowledge", str(tiny_kb / "kb"), "--mode", "magic"])
    assert done.exit_code == 2 and "--mode" in done.output  # a usage error, as typer reports them


@pytest.mark.parametrize("name", ["untuned", "untuned-dev"])
def test_corpora_outside_the_knowledge_base_are_valid(tmp_path: Path, name: str):
    """The national regulations ingest cleanly (Markdown sources) and every question's key facts
    are in its cited articles; the untuned questions are blind (split ``blind``)."""
    import shutil

    from assistant.evaluation.corpus import question_files
    from assistant.knowledge.ingest import ingest

    corpus = KNOWLEDGE.parent / "evals" / name
    kdir = tmp_path / "k"
    kdir.mkdir()
    shutil.copy(corpus / "registry.toml", kdir / "registry.toml")
    shutil.copytree(corpus / "raw", kdir / "raw")
    result = ingest(kdir)
    assert len(result.documents) >= 4 and len(result.articles) >= 150
    items = load_gold(question_files(corpus, "blind") or question_files(corpus), result.articles, ["national"])
    assert len(items) >= 80 and sum(not i.row.answerable for i in items) >= 15
    assert {i.split for i in items} == ({"blind"} if name == "untuned" else {"tune"})


def test_open_corpus_answers_over_its_own_documents_and_cleans_up(tmp_path: Path, settings):
    """``open_corpus`` ingests and indexes a corpus directory in a temporary place: the assistant
    answers from it, and the project's knowledge directory is untouched."""
    from assistant.evaluation.corpus import open_corpus

    corpus = tmp_path / "corpus"
    (corpus / "raw").mkdir(parents=True)
    (corpus / "raw/statute.md").write_text(
        "# 示例事项办理条例\n\n## 第一章 总则\n\n第一条 为了规范示例事项的办理，制定本条例。\n\n"
        "第二条 行政机关应当自收到申请之日起15日内作出决定。\n",
        encoding="utf-8",
    )
    (corpus / "registry.toml").write_text(
        '[[jurisdictions]]\nslug = "national"\nname = "国务院"\nprovince = ""\nlevel = "国"\n\n'
        '[[documents]]\ncity = "national"\nfile = "raw/statute.md"\nslug = "demo"\n'
        'title = "示例事项办理条例"\nnumbering = "第一条"\n',
        encoding="utf-8",
    )
    (corpus / "questions.jsonl").write_text("", encoding="utf-8")
    before = sha256_of(KNOWLEDGE / "articles.jsonl")
    with open_corpus(corpus, settings) as a:
        answer = a.ask("收到申请以后几天内要作出决定？", city="national")
        where = a.settings.knowledge_dir
        assert not answer.refused and "15日内" in answer.answer
        assert answer.citations[0].article.citation == "《示例事项办理条例》第二条"
    assert not where.exists() and sha256_of(KNOWLEDGE / "articles.jsonl") == before


def test_a_quantity_asked_is_quoted_from_the_sentence_going_on_from_the_best_one(settings):
    """The best sentence for 「…谁来受理有没有时限」 names who, not the days; the sentence going on from it in
    its paragraph states them and is quoted with it (national regulations nobody tuned for: the rescue is
    general)."""
    from assistant.evaluation.corpus import open_corpus

    with open_corpus(KNOWLEDGE.parent / "evals" / "untuned-dev", settings) as a:
        answer = a.ask("两个机关同一天都收到了同一份复议申请，商量谁来受理有没有时限？", city="national")
        assert not answer.refused and "10日内协商确定" in answer.answer, answer.answer
        assert answer.citations[0].article.citation.endswith("《中华人民共和国行政复议法实施条例》第三十条")


def sha256_of(path: Path) -> str:
    import hashlib

    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_open_corpus_names_the_corpus_file_on_a_bad_registry(tmp_path: Path, settings):
    from assistant.errors import KnowledgeError
    from assistant.evaluation.corpus import open_corpus

    corpus = tmp_path / "corpus"
    (corpus / "raw").mkdir(parents=True)
    (corpus / "registry.toml").write_text("x = \n", encoding="utf-8")
    (corpus / "questions.jsonl").write_text("", encoding="utf-8")
    with pytest.raises(KnowledgeError) as info, open_corpus(corpus, settings):
        pass
    assert str(info.value).startswith(f"{corpus}/registry.toml: 登记表格式错误")


def _item(city: str | None, question: str, history: tuple[str, ...] = ()):
    from assistant.evaluation.gold import GoldItem, GoldRow

    row = GoldRow(id="x", city=city, question=question, answerable=False, history=list(history))
    return GoldItem(row=row, file="cross-city.jsonl", line=1, split="examined", gold=())


def test_wrong_city_is_judged_against_the_question_scope(assistant):
    """A citation is of a wrong place when the place was chosen or named otherwise;
    a question that chooses and names no place (「四个地方…」) has every place in scope."""
    from assistant.evaluation.runner import _allowed_cities

    every = {j.slug for j in assistant.registry.jurisdictions}
    assert _allowed_cities(_item(None, "四个地方常务会多久开一次"), assistant) == every
    assert _allowed_cities(_item(None, "朝阳和咸宁开会请假有啥区别"), assistant) == {"chaoyang", "xianning"}
    assert _allowed_cities(_item("datong", "常务会多久开一次"), assistant) == {"datong"}
    assert _allowed_cities(_item(None, "那咸宁呢", history=("大同常务会多久开一次",)), assistant) == {
        "datong",
        "xianning",
    }
