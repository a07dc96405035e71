"""Round 54's mechanisms: a doing no article has that is what a question is about, a body's members said as its
班子, a rule asked to be one place's alone, a follow-up with a doing of its own, and a meeting a place never holds
asked in a question of two parts."""

from __future__ import annotations

import pytest

from assistant.answering.composition import body_asked
from assistant.answering.phrasing import combine, fragment
from assistant.models import Reason


@pytest.mark.parametrize(
    ("question", "body"),
    [
        ("城区政府班子由哪些人组成", "城区政府"),
        ("领导班子成员都有谁", ""),
        ("咨询委员会由哪些人组成", "咨询委员会"),
    ],
)
def test_a_bodys_members_said_as_its_banzi_ask_of_the_body(question, body):
    assert body_asked(question) == body


def test_the_members_of_the_government_banzi_are_answered(assistant):
    answer = assistant.ask("市政府班子都由哪些人组成？", city="datong")
    assert not answer.refused
    assert "市长、副市长、秘书长" in answer.answer and "第四条" in answer.answer


@pytest.mark.parametrize(
    ("message", "words"),
    [
        ("那个人发表署名文章呢？", "个人发表署名文章"),  # 那 leads 个人 (personally)
        ("那个会呢？", "那个会"),  # that meeting: no lead
        ("那常务会议呢？", "常务会议"),
    ],
)
def test_na_before_geren_leads_the_follow_up(message, words):
    assert fragment(message) == words


def test_a_follow_up_with_a_doing_of_its_own_is_asked_as_the_previous_question_asked():
    previous = "大同市政府领导出席会议活动有什么要求"
    assert combine("个人发表署名文章", previous) == "大同市政府领导个人发表署名文章有什么要求"
    assert combine("部门发表署名文章", previous) == "部门发表署名文章有什么要求"


def test_ones_own_doing_after_a_question_of_requirements_is_answered(assistant):
    turn = assistant.dialogue.resolve(["大同市政府领导出席会议活动有什么要求？", "那个人发表署名文章呢？"], None)
    answer = assistant.ask(turn.question, city=turn.city, previous=turn.previous)
    assert not answer.refused and "个人发表署名文章" in answer.answer and "第四十三条" in answer.answer


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("单位体检一年安排几次", "体检"),  # a doing no article has, beside one word of the rules: the topic
        ("离婚需要什么材料", "离婚"),
    ],
)
def test_a_doing_no_article_has_is_the_topic_beside_one_word_of_the_rules(assistant, question, topic):
    groups = assistant.analyzer.groups(question)
    assert any(g.alternatives == (topic,) and g.noun for g in groups)


@pytest.mark.parametrize(
    "question",
    [
        "常务会纪要几天内要弄完",  # a complement: 弄 done to completion, said of the rules' 印发
        "常务会开得勤吗",
        "会签实在来不及回咋办",
        "全体会主要干啥？大同和咸宁说法一样吗",
    ],
)
def test_a_colloquial_verb_is_no_topic(assistant, question):
    groups = assistant.analyzer.groups(question)
    unknown = [g.alternatives[0] for g in groups if assistant.analyzer.stats.unknown(g)]
    assert not unknown, unknown


def test_the_doing_a_yes_no_asks_after_a_modal_is_no_topic(assistant):
    groups = assistant.analyzer.groups("省里的通知必须照办吗")  # whether to comply, not what it is about
    assert not any("照办" in g.alternatives for g in groups)


@pytest.mark.parametrize("question", ["单位体检一年安排几次", "离婚需要什么材料"])
def test_a_question_about_a_doing_no_rule_has_is_refused(assistant, question):
    answer = assistant.ask(question, city="xianning")
    assert answer.refused


@pytest.mark.parametrize(
    "question",
    ["每个部门只报1种简报，这是不是大同独有的要求？", "每个部门只报1种简报，是只有大同这么规定吗？"],
)
def test_a_rule_asked_to_be_one_places_alone_is_shown_for_every_place(assistant, question):
    answer = assistant.ask(question)
    assert not answer.refused
    for place in ("【大同市】", "【晋城市城区】", "【朝阳市】", "【咸宁市】"):
        assert place in answer.answer
    assert "问题未指明地区" not in answer.answer  # the question names 大同, set against the rest


def test_only_said_of_a_role_is_no_place_set_against_the_rest(assistant):
    answer = assistant.ask("大同只有市长才能签发吗")
    assert "【晋城市城区】" not in answer.answer


def test_a_meeting_the_place_never_holds_is_said_for_both_parts(assistant):
    answer = assistant.ask("咸宁的市长办公会多久开一次？纪要谁签？", city="xianning")
    assert answer.refused and answer.reason == Reason.NOT_FOUND
    assert "市长办公会" in answer.answer and "专题会议" not in answer.answer


def test_a_part_on_a_meeting_the_place_holds_is_still_answered(assistant):
    answer = assistant.ask("咸宁的市长办公会多久开一次？常务会纪要谁签？", city="xianning")
    assert not answer.refused and "第二十二条" in answer.answer
    assert "「咸宁的市长办公会多久开一次」" in answer.answer


@pytest.mark.parametrize(
    ("question", "city"),
    [("副市长出差了，他手上的工作有人接吗？", "chaoyang"), ("副区长出差了，他分管的活谁来弄", "jincheng-chengqu")],
)
def test_who_takes_over_asked_colloquially_is_answered_by_the_stand_in(assistant, question, city):
    answer = assistant.ask(question, city=city)
    assert not answer.refused and "第五条" in answer.answer
    assert "代行" in answer.answer or "补位" in answer.answer


@pytest.mark.parametrize(
    ("question", "body"),
    [
        ("市政协全体会议由谁主持？", "政协"),
        ("市委常委会多久开一次", "市委"),
        ("市人大常委会会议多久开一次", "人大"),
        ("政协委员能列席常务会吗", None),  # a member of 政协, at the government's meeting
        ("落实市委重大决策部署专题会议多久开一次", None),  # the government's meeting on the party's decisions
    ],
)
def test_another_bodys_meeting_is_told_from_the_governments(question, body):
    from assistant.answering.kinds import other_body

    assert other_body(question) == body


@pytest.mark.parametrize(
    "question", ["市政协全体会议由谁主持？", "市人大常委会会议多久开一次", "市委常委会多久开一次？"]
)
def test_another_bodys_meeting_is_not_answered_from_the_governments_rules(assistant, question):
    answer = assistant.ask(question, city="datong")
    assert answer.refused, answer.answer


def test_a_clause_naming_the_other_bodys_meeting_still_answers(assistant):
    answer = assistant.ask("哪些文件要提请市委常委会会议审议", city="xianning")
    assert not answer.refused and "第二十条" in answer.answer


def test_who_decides_is_unsaid_by_a_clause_that_has_no_deciding(assistant):
    # the clause names who proposes the list (提供…建议名单), not who settles it
    answer = assistant.ask("常务会列席单位名单最后由谁来定？", city="datong")
    assert answer.refused


def test_a_deciding_said_in_a_word_of_the_rules_answers(assistant):
    answer = assistant.ask("区政府专题会可以委托谁来主持？涉及重大事项的纪要报谁定", city="jincheng-chengqu")
    assert not answer.refused and "报区长审定" in answer.answer


@pytest.mark.parametrize(
    ("question", "parts"),
    [
        (
            "朝阳以市政府名义发文和以办公室名义发文分别谁签发",
            ["朝阳以市政府名义发文谁签发", "朝阳以办公室名义发文谁签发"],
        ),
        (
            "以市政府名义和以市政府办公室名义发文分别谁签发",
            ["以市政府名义发文谁签发", "以市政府办公室名义发文谁签发"],
        ),
        ("部署专项工作的公文和专项报告，各不超过多少字", ["部署专项工作的公文不超过多少字", "专项报告不超过多少字"]),
    ],
)
def test_two_things_asked_the_same_of_are_two_parts(assistant, question, parts):
    assert assistant.drafter.parts(question) == parts


def test_both_issuers_asked_side_by_side_are_answered(assistant):
    answer = assistant.ask("咸宁以市政府名义和以市政府办公室名义发文分别由谁签发？")
    assert "以市政府名义制发" in answer.answer and "以市政府办公室名义发文" in answer.answer


def test_a_length_stated_to_be_confirmed_is_checked_not_searched(assistant):
    from assistant.answering.quantities import checked_length

    assert checked_length("请示2000字以内就行吧") == ["2000字"]
    assert checked_length("请示一般不超过多少字") == []
    answer = assistant.ask("大同请示2000字以内就行吧", city="datong")
    assert not answer.refused and "与问题中的说法不同" in answer.answer and "1500" in answer.answer


def test_only_one_place_allowing_someone_to_sit_in_is_asked_of_every_place(assistant):
    answer = assistant.ask("是不是只有城区常务会议可以请法律顾问列席")
    assert "【晋城市城区】" in answer.answer and "【咸宁市】" in answer.answer and "法律顾问" in answer.answer


def test_a_japanese_question_is_said_to_be_unsupported(assistant):
    answer = assistant.ask("大同市の常務会議はいつ開きますか")
    assert answer.refused and answer.reason == Reason.NOT_CHINESE


@pytest.mark.parametrize("new", ["区长自己出差", "区长本身出差"])
def test_a_new_role_said_with_its_self_still_replaces_the_roles(new):
    # 「本身」, as 「自己」, only says it is that role's own case (the new follow-up pattern for 个人 is another name)
    assert combine(new, "副区长、办公室主任离开城区出差向谁请假") == "区长离开城区出差向谁请假"
