"""Round 53's mechanisms: a provision one place sets differently in two documents, a list's catch-all item, whether
a time is set at all, and who may sit in on a meeting."""

from __future__ import annotations

import pytest

from assistant.answering.attendance import asks_sitting_in, brings_in, uninvited
from assistant.answering.lists import listed
from assistant.answering.quantities import LIMIT, asked, asked_unit
from assistant.answering.variants import varying
from assistant.knowledge.ingest import load_articles
from assistant.models import Article, Citation, Hit

from .conftest import KNOWLEDGE

ARTICLES = {a.id: a for a in load_articles(KNOWLEDGE)}
REPORT_1500 = "汇报稿字数一般不超过 1500 字。"
REPORT_1200 = "汇报稿字数一般不超过 1200 字。"


def _hits(*ids: str) -> list[Hit]:
    return [Hit(ARTICLES[i], 1.0) for i in ids]


def test_another_documents_clause_with_another_amount_is_a_variant():
    top, other = "datong-executive-meeting-013", "datong-mayor-office-meeting-008"
    quotes = (Citation(ARTICLES[top], REPORT_1500),)
    found = varying(quotes, _hits(top, other), lambda a: REPORT_1200, lambda a, c: False, 0.7)
    assert found is not None and found.article.id == other and found.quote == REPORT_1200


@pytest.mark.parametrize(
    ("other_clause", "another", "why"),
    [
        (REPORT_1500, False, "the same amount restates, it does not vary"),
        ("市长办公会议的议题由市长确定，一般不超过 5 个。", False, "another provision, not this one restated"),
        (REPORT_1200, True, "a clause of another meeting than the question names"),
    ],
)
def test_no_variant(other_clause, another, why):
    top, other = "datong-executive-meeting-013", "datong-mayor-office-meeting-008"
    quotes = (Citation(ARTICLES[top], REPORT_1500),)
    assert varying(quotes, _hits(top, other), lambda a: other_clause, lambda a, c: another, 0.7) is None, why


def test_no_variant_from_the_same_document_or_another_place():
    top = "datong-executive-meeting-013"
    quotes = (Citation(ARTICLES[top], REPORT_1500),)
    same_doc = _hits(top, "datong-executive-meeting-014")
    other_place = _hits(top, "xianning-work-rules-021")
    for hits in (same_doc, other_place):
        assert varying(quotes, hits, lambda a: REPORT_1200, lambda a, c: False, 0.7) is None
    # a quote stating no amount has nothing to vary
    plain = (
        Citation(
            ARTICLES[top],
            "市政府常务会议文件，一般按汇报稿、主体材料或相关资料两部分准备，主体材料或相关资料可作为汇报稿的附件。",
        ),
    )
    assert (
        varying(plain, _hits(top, "datong-mayor-office-meeting-008"), lambda a: REPORT_1200, lambda a, c: False, 0.7)
        is None
    )


def _catch_all(article: Article) -> str:
    return next(p for p in article.paragraphs if "其他需提请" in p)


def test_a_catch_all_item_alone_is_quoted_with_its_list():
    art = ARTICLES["chaoyang-work-rules-020"]
    (quote,) = listed("常务会主要讨论些啥", [], art, [_catch_all(art)])
    assert quote.quote.startswith("市政府常务会议的主要任务是：") and "（十一）其他" in quote.quote
    assert "（一）" in quote.quote


def test_a_catch_all_item_beside_another_item_stays_an_item():
    art = ARTICLES["chaoyang-work-rules-020"]
    tenth = next(p for p in art.paragraphs if p.startswith("（十）"))
    quotes = [c.quote for c in listed("常务会议讨论表彰决定吗", [], art, [tenth, _catch_all(art)])]
    assert quotes[-2:] == [tenth, _catch_all(art)] and not any("（一）" in q for q in quotes)


@pytest.mark.parametrize(
    "question",
    [
        "部门规范性文件报市政府备案有没有时间要求？",
        "常务会上部门汇报有没有时间限制",
        "汇报有时间限制吗",
        "调研的时间有硬性要求吗",
    ],
)
def test_whether_a_time_is_set_asks_a_time_answered_by_a_limit_named(question):
    assert asked(question) == "time"
    assert asked_unit(question) == LIMIT  # 「严格落实办理责任和时限」 answers it as a number of days does


@pytest.mark.parametrize("question", ["有没有时间开个会", "会议时间定了没有"])
def test_a_time_named_otherwise_asks_no_limit(question):
    assert asked_unit(question) != LIMIT


def test_who_may_sit_in_is_answered_by_a_clause_bringing_someone_in():
    for q in ("常务会能让哪些人列席？", "全体会议能请哪些人列席", "常务会列席的有谁", "哪些部门可以列席全体会"):
        assert asks_sitting_in(q), q
    for q in ("列席人员要请假找谁", "常务会哪些人参加", "法律顾问能列席吗"):
        assert not asks_sitting_in(q), q
    assert brings_in("根据需要可安排市政府副秘书长和有关部门、单位负责人列席会议。")
    assert not brings_in("市政府常务会议组成人员和会议指定列席人员应按要求准时参加会议，原则上不能请假。")


def test_coming_to_sit_in_reads_who_comes():
    text = ARTICLES["xianning-work-rules-019"].text
    # 「县里的领导」: a title, left to the roles' checks (the rule names 县(市、区)政府…负责同志)
    assert uninvited("全体会议县里的领导能来列席吗", [], text) is None


# end to end, through the real index and answerer


def test_a_quantity_two_meetings_set_differently_is_quoted_from_both(assistant):
    answer = assistant.ask("汇报稿最多写多少字", city="datong")
    assert not answer.refused
    assert {c.quote for c in answer.citations} == {REPORT_1500, REPORT_1200}
    assert "1500" in answer.answer and "1200" in answer.answer
    # naming the meeting asks that meeting's cap only
    one = assistant.ask("常务会汇报稿最多写多少字", city="datong")
    assert [c.quote for c in one.citations] == [REPORT_1500]


def test_what_a_meeting_discusses_is_its_list_not_its_catch_all(assistant):
    answer = assistant.ask("常务会主要讨论些啥？", city="chaoyang")
    (quote,) = [c.quote for c in answer.citations]
    assert quote.startswith("市政府常务会议的主要任务是：") and "财政预决算" in quote


def test_who_may_sit_in_quotes_whom_the_meeting_brings_in(assistant):
    answer = assistant.ask("常务会能让哪些人列席？", city="datong")
    assert answer.citations[0].article.id == "datong-executive-meeting-003"
    assert "列席会议" in answer.citations[0].quote and "准时参加" not in answer.answer
    county = assistant.ask("全体会议县里的领导能来列席吗", city="xianning")
    assert not county.refused and "县(市、区)政府" in county.answer


def test_whether_a_time_is_set_refused_when_the_rule_sets_none(assistant):
    unset = assistant.ask("部门规范性文件报市政府备案有没有时间要求？", city="datong")
    assert unset.refused and "没有规定具体时间或期限" in unset.answer
    named = assistant.ask("市人大代表建议和政协提案办理 有时间要求没", city="xianning")
    assert not named.refused and "时限" in named.answer


def test_a_stand_in_said_to_be_away_too_is_no_answer():
    from assistant.answering.standins import stand_in_away

    quoted = "市长离咸期间,受市长委托,由常务副市长主持市政府工作。"
    assert stand_in_away("常务副市长也不在的话，市长离开咸宁谁主持工作", quoted) == "常务副市长"
    assert stand_in_away("副市长也出差了谁签", "由分管副市长签发") == "副市长"
    # the one away is not the one the clause names; nobody is said to be away too
    assert stand_in_away("秘书长也不在的话谁主持", quoted) is None
    assert stand_in_away("市长离开咸宁谁主持工作", quoted) is None
    # 常务副市长 is not the 副市长 said to be away (「由常务副市长」 does not name 副市长 alone)
    assert stand_in_away("副市长也出差了谁主持", "由市长助理主持") is None


def test_the_stand_in_away_too_is_refused(assistant):
    turn = assistant.dialogue.resolve(["市长离开咸宁谁主持工作？", "要是常务副市长也不在呢？"], "xianning")
    answer = assistant.ask(turn.question, city=turn.city, previous=turn.previous)
    assert answer.refused and "常务副市长主持" not in answer.answer.split("最相关")[0]


def test_sending_someone_instead_is_answered_only_by_a_rule_that_sends_one():
    from assistant.answering.attendance import says_stand_in, stand_in_unsaid

    leave = "市政府各部门负责同志不能参加的,会前向会议主持人请假,并向市政府办公室书面报备。"
    assert stand_in_unsaid("部门领导开会来不了，能让副职替他参会吗？", leave)
    assert stand_in_unsaid("能派分管副局长替他去吗", leave)
    assert not stand_in_unsaid(
        "能派分管副局长替他去吗", "其他人员请假，应履行请假手续，报市长同意后委托分管负责人参会。"
    )
    # doing something for a body is no one sent instead
    assert not stand_in_unsaid("市政府办公室会替部门开会发通知吗", "不为部门召开的会议发会议通知。")
    assert says_stand_in("由另一位代行政务活动职责。") and not says_stand_in(leave)


def test_a_place_things_are_sent_to_is_no_place_compared():
    from assistant.answering.asking import SCOPE_WORDS

    assert not SCOPE_WORDS.search("市长出差要报哪些地方")
    assert not SCOPE_WORDS.search("材料要送到哪个地方")
    assert SCOPE_WORDS.search("哪些地方规定了领导每年下基层调研的天数")
    assert SCOPE_WORDS.search("哪个地方的全体会议开得最少")


def test_two_askings_one_of_them_where_reports_go_are_both_answered(assistant):
    answer = assistant.ask("市长离开咸宁谁主持工作？市长出差要报哪些地方？", city="xianning")
    assert "常务副市长主持" in answer.answer and "省委办公厅" in answer.answer


def test_a_catch_all_item_is_quoted_as_its_list_only_when_what_is_asked():
    from assistant.answering.lists import asks_what, catch_all

    assert catch_all("（十一）其他需提请市政府常务会议讨论、决定和通报的重要事项。")
    assert catch_all("3. 其他不宜立即作出决定的情形。")
    assert not catch_all("其他人员请假，应履行请假手续，报市长同意后委托分管负责人参会。")  # no item
    assert not catch_all("（十）讨论决定以市政府名义授予集体、个人荣誉称号和表彰决定；")
    assert asks_what("常务会主要讨论些啥") and asks_what("全体会都干什么")
    assert not asks_what("哪个地方规定了常务会必须上午开") and not asks_what("常务会必须上午开吗")
    art = ARTICLES["chaoyang-work-rules-020"]
    (alone,) = listed("常务会必须上午开吗", [], art, [_catch_all(art)])
    assert alone.quote == _catch_all(art)


def test_a_catch_all_item_alone_answers_nothing(assistant):
    answer = assistant.ask("哪个地方规定了常务会必须上午开")
    assert "其他需提请" not in answer.answer


def test_the_deputy_in_charge_the_rule_names_is_the_deputy_stated():
    from assistant.answering.verdicts import verdict

    item = (
        "(五) 以市政府名义制发的公文，经市政府分管负责同志审核后，由市长签发；其中以市政府名义发出的函件，"
        "属于市政府分管负责同志职权范围的，可授权市政府分管负责同志签发；"
    )
    # the rule names 市长 and, for letters, the 分管负责同志: the 分管副市长 stated is among those named
    assert "不同" not in verdict("以市政府名义发出的函件能由分管副市长签发吗", [item])
    assert "不同" in verdict(
        "纪要是秘书长签发的吧", ["市政府全体会议和市政府常务会议的纪要，由市政府办公室起草，按程序报市长签发。"]
    )
