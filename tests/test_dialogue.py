"""Follow-ups: one dialogue module for the web chat, the widget and /v1 (pure, no index needed)."""

from __future__ import annotations

import pytest

from assistant.answering.cities import CityDetector, gazetteer
from assistant.answering.dialogue import Dialogue, fragment, is_followup, split_predicate
from assistant.knowledge.registry import load_registry

from .conftest import KNOWLEDGE


@pytest.fixture(scope="module")
def dialogue() -> Dialogue:
    registry = load_registry(KNOWLEDGE / "registry.toml")
    places = {n for j in registry.jurisdictions for n in (*j.names, j.slug)} | set(gazetteer())
    return Dialogue(CityDetector(registry), places)


def test_followup_shape():
    assert is_followup("那区政府呢？") and is_followup("朝阳呢") and is_followup("那常务副市长也出差呢？")
    assert not is_followup("以区政府名义发文由谁签发？")
    assert not is_followup("市政府常务会议多久开一次，全体会议又多久开一次呢？")
    assert fragment("那常务会议呢？") == "常务会议"
    assert split_predicate("副市长出差要向谁请假") == ("副市长", "出差要向谁请假")
    assert split_predicate("副市长出差要向谁请假", at_ask=True) == ("副市长出差", "要向谁请假")
    assert split_predicate("要提前几天") == ("", "要提前几天")


@pytest.mark.parametrize(
    ("messages", "selected", "question", "city"),
    [
        (["朝阳市政府全体会议由谁主持？", "那常务会议呢？"], None, "朝阳市政府常务会议由谁主持", "chaoyang"),
        (
            ["朝阳市政府全体会议由谁主持？", "那常务会议呢？", "咸宁呢？"],
            None,
            "咸宁市政府常务会议由谁主持",
            "xianning",
        ),
        (["市长出差期间谁代行职务", "那副市长呢？"], "datong", "副市长出差期间谁代行职务", "datong"),
        (["副区长出差要请假吗", "要提前几天？"], "jincheng-chengqu", "副区长出差要提前几天", "jincheng-chengqu"),
        (
            ["以市政府办公室名义发文由谁签发？", "那区政府呢？"],
            None,
            "以区政府办公室名义发文由谁签发",
            "jincheng-chengqu",
        ),
        (
            ["市政府工作人员出差要向谁请假", "那部门主要负责人呢？"],
            "chaoyang",
            "部门主要负责人出差要向谁请假",
            "chaoyang",
        ),
        (["常务会议多久开一次", "全体会议由谁主持？"], "xianning", "全体会议由谁主持？", "xianning"),
        (["朝阳常务会议多久开一次", "那大同呢"], None, "大同市常务会议多久开一次", "datong"),
        # the new subject shares the old one's start and head: the whole old subject is replaced
        (
            ["以市政府办公室名义发文由谁签发？", "那以市政府名义呢？"],
            "datong",
            "以市政府名义发文由谁签发",
            "datong",
        ),
        # the new subject's last character starts the old predicate: said once, not twice
        (["朝阳常务会一个月开几次", "全体会呢"], None, "全体会一个月开几次", "chaoyang"),
        # a follow-up with a subject and a question of its own is asked as it is, in the same place
        (
            ["区全体会定下的文件几天内印发", "那专题会纪要谁签"],
            "jincheng-chengqu",
            "专题会纪要谁签",
            "jincheng-chengqu",
        ),
        # 「县市区政府」 is every county, city and district: no place of its own, the conversation's stays
        (
            ["副市长离开咸宁出差要向谁请假", "那县市区政府一把手呢"],
            None,
            "县市区政府一把手离开咸宁出差要向谁请假",
            "xianning",
        ),
    ],
)
def test_followups_resolve(dialogue, messages, selected, question, city):
    r = dialogue.resolve(messages, selected)
    assert (r.question, r.city) == (question, city)


def test_full_question_keeps_the_selected_city_for_the_pipeline_to_check(dialogue):
    """A city named in a full question is the pipeline's to notice (it says so): the dialogue keeps the choice."""
    r = dialogue.resolve(["咸宁市政府常务会议多久开一次？"], "datong")
    assert (r.city, r.topic) == ("datong", "xianning")
    assert dialogue.resolve(["那全体会议呢？"], None).question == "那全体会议呢？"  # nothing to follow
    assert dialogue.resolve([], "datong").question == ""


def test_a_known_name_with_another_level_is_another_place(dialogue):
    detect = dialogue.detector.detect
    assert detect("北京朝阳区政府常务会议多久开一次").cities == ()  # 朝阳区 is not 朝阳市
    assert "朝阳区" in detect("北京朝阳区政府常务会议多久开一次").unknown
    assert detect("大同县长出差谁代行").unknown == ("大同县",)
    assert detect("大同市区的部门开会要提前几天报").cities == ("datong",)  # the city's own urban area
    assert detect("朝阳常务会多久开一次").cities == ("chaoyang",)
    assert detect("晋城城区区长出差谁代行").cities == ("jincheng-chengqu",)
