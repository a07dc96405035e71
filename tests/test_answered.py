"""「还有别的要求吗」: the rest of the articles that answered the previous question."""

from __future__ import annotations

import pytest

from assistant.answering.answered import Pointer, asks_more, onward, pointed, rest_of, rests, said_more
from assistant.models import Article, Citation, Reason

ART = Article(
    "x-13",
    "x",
    "X市",
    "市政府常务会议工作规则",
    "",
    None,
    13,
    "第十三条",
    "《市政府常务会议工作规则》第十三条",
    "会议文件一般按汇报稿、主体材料两部分准备。不需要主体材料时，可只准备汇报稿。汇报稿字数一般不超过1500字。\n"
    "要严格执行财经纪律。",
)


@pytest.mark.parametrize(
    "message",
    [
        "还有呢",
        "还有吗？",
        "还有别的要求吗",
        "那还有其他规定吗",
        "除此之外还有什么要求",
        "还有没有别的",
        "其他呢",
        "别的要求呢",
        "剩下的呢",
        "就这些吗",
        "只有这些吗？",
        "没别的了吗",
        "还规定了什么",
        "嗯，然后呢",
    ],
)
def test_a_message_asking_only_for_more(message):
    assert asks_more(message)


@pytest.mark.parametrize(
    "message",
    ["还有什么会议要提前报", "其他地方呢", "那常务会议呢", "还有别的会议多久开一次", "就这样吧谢谢", "那咸宁呢", ""],
)
def test_a_message_with_a_subject_of_its_own_asks_more_than_that(message):
    assert not asks_more(message)


def test_the_rest_is_the_quoted_paragraphs_unquoted_sentences_first():
    rest = rest_of(ART, ["会议文件一般按汇报稿、主体材料两部分准备。"], 110, 300)
    assert rest.units == ("不需要主体材料时，可只准备汇报稿。", "汇报稿字数一般不超过1500字。")
    assert rest.cut  # 财经纪律, another paragraph, is left for the original text


def test_the_rest_goes_to_other_paragraphs_when_the_quoted_one_is_whole():
    quoted = [
        "会议文件一般按汇报稿、主体材料两部分准备。不需要主体材料时，可只准备汇报稿。汇报稿字数一般不超过1500字。"
    ]
    assert rest_of(ART, quoted, 110, 300).units == ("要严格执行财经纪律。",)
    assert rest_of(ART, [ART.text], 110, 300).units == ()


def test_the_rest_stops_at_its_length():
    rest = rest_of(ART, ["要严格执行财经纪律。"], 110, 20)
    assert rest.units == ("会议文件一般按汇报稿、主体材料两部分准备。",) and rest.cut


def test_the_rest_keeps_a_lists_lead_with_its_items():
    """Review 50: 「还有呢」 after the members were quoted gave the lead 「主要任务是：」 alone; its items go with it."""
    plenary = Article(
        "x-19",
        "x",
        "X市",
        "X市人民政府工作规则",
        "",
        None,
        19,
        "第十九条",
        "《X市人民政府工作规则》第十九条",
        "市政府全体会议由市长、副市长组成。市政府全体会议的主要任务是：\n（一）讨论决定重大事项；\n（二）部署重要工作。\n"
        "市政府全体会议一般每年召开一次。",
    )
    rest = rest_of(plenary, ["市政府全体会议由市长、副市长组成。"], 110, 300)
    assert rest.units == ("市政府全体会议的主要任务是：", "（一）讨论决定重大事项；", "（二）部署重要工作。")
    assert rest.cut and rest_of(plenary, ["市政府全体会议由市长、副市长组成。"], 110, 300, 1).units == (
        "市政府全体会议一般每年召开一次。",
    )


def test_the_rest_is_quoted_verbatim_adjacent_sentences_as_one():
    text, cites = said_more(rests([Citation(ART, "会议文件一般按汇报稿、主体材料两部分准备。")], 110, 300))
    assert [c.quote for c in cites] == ["不需要主体材料时，可只准备汇报稿。汇报稿字数一般不超过1500字。"]
    assert text.startswith("除上面已引用的内容外，该条还规定：") and "查看原文" in text
    text, cites = said_more(rests([Citation(ART, ART.text)], 110, 300))
    assert cites == () and "已全部引用" in text


def test_more_after_an_answer_quotes_the_rest_of_its_article(assistant):
    # (asked which requirements, 「常务会议材料有哪些要求」 is given the whole paragraph at once: asked how, a part)
    turn = assistant.dialogue.resolve(["常务会议材料怎么准备", "还有别的要求吗"], "datong")
    assert turn.question == "还有别的要求吗" and turn.previous == "常务会议材料怎么准备"
    first = assistant.ask(turn.previous, city=turn.city)
    more = assistant.ask(turn.question, city=turn.city, previous=turn.previous)
    assert more.reason is Reason.REST_QUOTED and not more.refused
    assert more.citations[0].article.id == first.citations[0].article.id and "1500" in more.answer
    assert not {c.quote for c in more.citations} & {c.quote for c in first.citations}


def test_more_in_the_middle_of_a_conversation_keeps_its_subject(assistant):
    turn = assistant.dialogue.resolve(["常务会议多久开一次", "还有呢", "那全体会议呢"], "datong")
    assert turn.question == "全体会议多久开一次"


def test_more_with_nothing_before_it_asks_for_the_question(assistant):
    answer = assistant.ask("还有别的要求吗", city="datong")
    assert answer.refused and answer.reason is Reason.NEEDS_CONTEXT


def test_more_after_a_whole_article_says_it_was_quoted_whole(assistant):
    answer = assistant.ask("还有别的吗", city="datong", previous="市政府全体会议的主要任务是什么")
    assert answer.refused and "已全部引用" in answer.answer and answer.related


@pytest.mark.parametrize(
    ("message", "pointer"),
    [
        ("第二款呢", Pointer("款", number=2)),
        ("下一款呢", Pointer("款", step=1)),
        ("那上一条说的什么", Pointer("条", step=-1)),
        ("后一项", Pointer("项", step=1)),
        ("第二十条呢", None),  # an article named: asked of the previous document as it is
        ("下一个会议呢", None),
    ],
)
def test_where_a_followup_points(message, pointer):
    assert pointed(message) == pointer


def test_a_step_goes_from_the_paragraph_quoted():
    cite = Citation(ART, "要严格执行财经纪律。")
    assert onward(Pointer("款", step=-1), cite) == "市政府常务会议工作规则第十三条第一款是什么"
    assert onward(Pointer("条", step=1), cite) == "市政府常务会议工作规则第十四条是什么"
    assert onward(Pointer("项", step=1), cite) is None  # the quote is in no item to step from
    assert onward(Pointer("款", number=3), cite) == "市政府常务会议工作规则第十三条第三款是什么"


@pytest.mark.parametrize(
    ("messages", "asked", "quoted"),
    [
        # the article the answer quoted, though the question named none (review 48)
        (["咸宁市以市政府名义发文由谁签发", "那以办公室名义呢", "第二款呢"], "第三十一条第二款", "由市长签署"),
        (["副市长出差找谁请假", "下一款呢"], "第四十三条第四款", "财经纪律"),
        (["副市长出差找谁请假", "上一条呢"], "第四十二条", "请示报告制度"),
        (["副市长出差找谁请假", "下一条呢", "下一条呢"], "第四十五条", "事业单位"),
    ],
)
def test_a_pointing_followup_goes_from_the_answers_article(assistant, messages, asked, quoted):
    turn = assistant.dialogue.resolve(messages, "datong" if "咸宁" not in messages[0] else None)
    answer = assistant.ask(turn.question, city=turn.city, previous=turn.previous)
    assert asked in turn.question and quoted in answer.answer and not answer.refused


def _asked(assistant, messages, city=None):  # type: ignore[no-untyped-def]
    turn = assistant.dialogue.resolve(messages, city)
    return turn, assistant.ask(turn.question, city=turn.city, previous=turn.previous, more=turn.more)


def test_a_place_after_pointing_is_asked_of_the_article_shown(assistant):
    # reviews 50 and 51: 「城区的同一条呢」 gave 第一条, 「咸宁呢」 after 「下一条呢」 the first article asked
    messages = ["大同市人民政府工作规则第三十三条怎么说的", "下一条呢", "第二款呢", "城区的同一条呢"]
    turn, answer = _asked(assistant, messages)
    assert turn.question == "晋城市城区人民政府工作规则第三十四条第二款是什么" and turn.city == "jincheng-chengqu"
    assert answer.citations[0].article.id == "jincheng-chengqu-work-rules-034"
    turn, _ = _asked(assistant, ["大同市人民政府工作规则第二十二条讲什么", "下一条呢", "咸宁呢"])
    assert turn.question == "咸宁市人民政府工作规则第二十三条是什么"
    # 「同一条」 after an article named: that article of the place (review 51: 第一条)
    turn, _ = _asked(assistant, ["朝阳市人民政府工作规则第三十一条", "城区的同一条呢"])
    assert turn.question == "晋城市城区人民政府工作规则第三十一条" and turn.city == "jincheng-chengqu"
    # … and a later follow-up is still about the subject before the pointer, at that place
    turn, answer = _asked(assistant, ["朝阳市政府常务会议多久开一次？", "第二款呢", "咸宁呢", "那全体会议呢"])
    assert turn.question == "咸宁市政府全体会议多久开一次" and "每年召开一次" in answer.answer


def test_a_followup_after_pointing_is_about_the_subject_before(assistant):
    # review 49: 「那全体会议呢」 after 「第二款呢」 was joined to 「…第二十条第二款是什么」
    turn, answer = _asked(assistant, ["咸宁市政府常务会议多久开一次？", "第二款呢", "那全体会议呢"])
    assert turn.question == "咸宁市政府全体会议多久开一次" and "每年召开一次" in answer.answer


def test_more_asked_again_goes_on_from_where_it_stopped(assistant):
    said = []
    while not (said and said[-1].refused) and len(said) < 8:
        said.append(_asked(assistant, ["咸宁市政府常务会议多久开一次", *["还有呢"] * (len(said) + 1)])[1])
    assert len({a.answer for a in said}) == len(said) > 2 and said[1].answer.startswith("接着上面")
    assert any("(九)" in a.answer for a in said) and "已全部引用" in said[-1].answer


def test_pointing_with_no_one_article_quoted_asks_which(assistant):
    for messages in (["各地常务会议多久开一次", "第二款呢"], ["咸宁市政府食堂几点开饭", "下一条呢"]):
        answer = _asked(assistant, messages)[1]
        assert answer.refused and answer.reason is Reason.NEEDS_CONTEXT, messages
    # a question naming the article steps from it, though nothing was quoted (第十三条 of twelve)
    turn, answer = _asked(assistant, ["大同市政府全体会议工作规则第十二条", "下一条呢", "上一条呢"])
    assert "第十二条" in turn.question and not answer.refused


def test_an_asking_frame_is_no_place():
    from assistant.answering.cities import CityDetector
    from assistant.knowledge.registry import load_registry

    from .conftest import KNOWLEDGE

    detector = CityDetector(load_registry(KNOWLEDGE / "registry.toml"))
    assert detector.detect("想问问市政府常务会议多久开一次").unknown == ()


def test_before_the_first_article_there_is_none(assistant):
    answer = _asked(assistant, ["咸宁市政府工作规则的制定依据是什么？", "上一条呢"])[1]
    assert answer.refused and "第一条之前没有条文" in answer.answer and "第0条" not in answer.answer  # review 49


def test_an_item_named_alone_is_of_the_answers_list(assistant):
    # review 49: 「第三项任务」 with no article named quoted the whole list of eleven
    answer = assistant.ask("朝阳市政府常务会议第三项任务是什么", city="chaoyang")
    assert [c.quote[:4] for c in answer.citations] == ["市政府常", "（三）讨"] and "（四）" not in answer.answer
