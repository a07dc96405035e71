"""Which place comes first when places are compared by a superlative (pure functions)."""

import math

import pytest

from assistant.answering.superlatives import Reading, asked_superlative, conclusion, reading, sameness


@pytest.mark.parametrize(
    ("question", "asked"),
    [
        ("几个地方里哪个常务会开得最勤", ("frequency", True)),
        ("跟咸宁比哪边开得勤？", ("frequency", True)),
        ("哪个地方的全体会议开得最少", ("frequency", False)),
        ("哪个地方常务会定的文件印发时限最短？", ("deadline", False)),
        ("哪家最快？", ("deadline", False)),
        ("常务会最少得到多少人才能开起来？", None),  # a floor asked, not a comparison
        ("新规则最早什么时候施行", None),
    ],
)
def test_what_a_superlative_compares(question, asked):
    assert asked_superlative(question) == asked


def test_readings_of_clauses():
    assert reading("frequency", "市政府常务会议一般每月召开 1-2 次。") == Reading(12.0, 24.0, "每月召开 1-2 次")
    floor = reading("frequency", "区政府常务会议每月至少召开 1 次, 如有需要可随时召开。")
    assert floor is not None and floor.low == 12.0 and math.isinf(floor.high)
    two_weeks = reading("frequency", "市政府常务会议一般每两周召开一次,如有需要可随时召开。")
    assert two_weeks is not None and 26 < two_weeks.low < 26.1
    assert reading("frequency", "市政府全体会议一般每半年召开1次。") == Reading(2.0, 2.0, "每半年召开1次")
    assert reading("frequency", "一般两个月安排一次专题学习") == Reading(6.0, 6.0, "两个月安排一次")
    assert reading("frequency", "市政府专题会议根据工作需要不定期召开。") is None
    # a deadline of the asked doing, when a clause sets several
    both = "原则上应于会议结束后3个工作日内由承办部门报市政府办公室履行发文程序，在会议结束后7个工作日内印发。"
    assert reading("deadline", both, "印发") == Reading(7.0, 7.0, "7个工作日内印发")


FOUR = [
    ("大同市", ["市政府常务会议一般每月召开 1-2 次。"]),
    ("晋城市城区", ["区政府常务会议每月至少召开 1 次, 如有需要可随时召开。"]),
    ("朝阳市", ["市政府常务会议一般每月召开2次，如有需要可随时召开。"]),
    ("咸宁市", ["市政府常务会议一般每两周召开一次,如有需要可随时召开。"]),
]


def test_the_first_place_is_named_only_when_no_reading_reaches_it():
    line = conclusion("几个地方里哪个常务会开得最勤", FOUR)
    assert line.startswith("按条文写明的数字比较：咸宁市最勤（每两周召开一次）。")
    assert "晋城市城区只规定了下限（每月至少召开 1 次）" in line  # a floor has no top: not ranked
    # 大同 1-2 a year and 咸宁 once: 咸宁 may be as seldom as 大同, no place is first
    yearly = [("大同市", ["市政府全体会议一般每年召开 1-2 次"]), ("咸宁市", ["市政府全体会议一般每年召开一次"])]
    assert conclusion("哪个地方的全体会议开得最少", yearly) == ""
    # of two: 更
    two = [("朝阳市", ["市政府全体会议一般每半年召开1次。"]), ("咸宁市", ["市政府全体会议一般每年召开一次"])]
    assert conclusion("朝阳和咸宁的全体会，哪边开得勤？", two) == "按条文写明的数字比较：朝阳市更勤（每半年召开1次）。"
    # a place whose rules are silent is said to be left out; a quote with no number: nothing concluded
    assert "晋城市城区未规定" in conclusion("哪个开得最勤", [*two, ("晋城市城区", [])])
    assert conclusion("哪个开得最勤", [*two, ("大同市", ["市政府全体会议根据需要召开"])]) == ""
    assert conclusion("各地常务会多久开一次", FOUR) == ""  # no superlative asked
    # first over one place, and a range reaching it may be level: said so (review 27)
    three = [*yearly, ("朝阳市", ["市政府全体会议一般每半年召开1次。"])]
    assert conclusion("四个地方哪个全体会议开得最少", three) == (
        "按条文写明的数字比较：咸宁市最少（每年召开一次）；大同市（每年召开 1-2 次）可能与之相同。"
    )


def test_places_stating_the_same_number_are_said_to_be_alike():
    same = "部门之间征求意见或会签文件时，一般应在7个工作日内回复。"
    line = conclusion("各地会签文件哪个回复最快", [("大同市", [same]), ("朝阳市", [same]), ("咸宁市", [])])
    assert line == "按条文写明的数字比较：大同市、朝阳市相同（7个工作日内回复）。咸宁市未规定，未计入比较。"


def test_whether_places_differ_is_said_from_their_quotes():
    printed = [
        ("大同市", ["原则上须在会议结束后7个工作日内印发。"]),
        ("晋城市城区", ["原则上须在会议结束后 7 个工作日内印发。"]),
        ("咸宁市", ["原则上须在会议结束后5个工作日内印发。"]),
    ]
    line = sameness("常务会通过的文件多少天内印发，各地一样吗", printed)
    assert line == "按条文写明的数字比较，各地不同：大同市、晋城市城区均为7个工作日内印发；咸宁市为5个工作日内印发。"
    same = [("大同市", ["以市政府名义发文由市长签发。"]), ("晋城市城区", ["以区政府名义发文由区长签发。"])]
    assert sameness("以政府名义发文谁签发，两地有什么不同", same).startswith("大同市、晋城市城区的条文规定相同")
    worded = [("朝阳市", ["由秘书长签发。"]), ("咸宁市", ["由市长签发。"])]
    assert sameness("谁签发，一样吗", worded) == ""  # words differ and no number to compare: the quotes say it
    assert sameness("常务会多久开一次", printed) == ""  # not asked whether they differ
    assert sameness("一样吗", [*printed, ("朝阳市", [])]) == ""  # a place is silent


def test_how_far_ahead_earlier_is_more_days():
    # 「提前几天报请示，哪个更早」: the more days ahead, the earlier (review 27)
    places = [
        ("朝阳市", ["主办部门应先向市政府分管领导同志请示同意后，提前7个工作日正式向市政府报送请示"]),
        ("大同市", ["主办部门应提前10个工作日正式向市政府报送请示"]),
    ]
    line = conclusion("朝阳和大同部门开全市性会议提前几天报请示，哪个更早", places)
    assert line == "按条文写明的数字比较：大同市要求提前更多（提前10个工作日）。"
    # 「各是多少」 asks the numbers, not which is first
    assert conclusion("部门召开全市性会议 提前几个工作日报请示 大同 朝阳各是多少", places) == ""
