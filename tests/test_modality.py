"""Whether a yes/no question's doing may, must or need not be done, as the quoted clause words it (review 54)."""

from __future__ import annotations

from assistant.answering.modality import modality_verdict

PHONES = "不得携带手机等通讯设备进入会场。"
SECRET = "未经允许，不得将涉密文件或要求留在会场的讨论材料带出会场。"
ADVISERS = "根据会议议题可安排有关部门、单位负责人和法律顾问列席会议。"
LEAVE = (
    "除参加国家及省委、省政府重要会议或活动、因公出访或出差、处置重大突发事件、个人身体健康等原因外，原则上不应请假。"
)
ISSUING = "原则上应于会议结束后3个工作日内由承办部门报市政府办公室履行发文程序，在会议结束后7个工作日内印发。"


def test_a_doing_the_clause_forbids_is_not_allowed():
    assert modality_verdict("开常务会手机静音带进去应该没事吧", [PHONES]) == (
        "不可以：条文写明「不得携带手机等通讯设备进入会场」。"
    )
    # an exception of its own: 未经允许
    assert modality_verdict("开会能把讨论材料带出会场吗", [SECRET]).startswith("未经允许不可以：")
    # 「不题词」: a bare 不 before the doing; with 「特殊情况…报批」 in the sentence, as a rule only
    listed = "市政府领导同志不题词、题字、作序，特殊情况必须严格按照有关规定报批。"
    assert modality_verdict("市领导能题词吗", [listed]).startswith("一般不可以：")
    # every thing named after the asking must be in what is forbidden: 企业 is not, so nothing is concluded
    assert modality_verdict("市领导能给企业题词吗", [listed]) == ""
    profit = "领导干部一律不得参加各类社团组织、社会中介机构举办的营利性会议和活动。"
    assert modality_verdict("领导干部能参加中介机构办的营利性活动吗", [profit]).startswith("不可以：")
    assert modality_verdict("领导干部能参加社团组织的公益活动吗", [profit]) == ""  # not 营利性


def test_nothing_is_concluded_of_another_doing_a_case_or_the_exception():
    assert modality_verdict("开会能带笔记本吗", [PHONES]) == ""  # the clause forbids something else
    # 「如有特殊情况不能参加的」 sets a case, it forbids nothing
    assert modality_verdict("有特殊情况可以不参加会议吗", ["如有特殊情况不能参加的，要履行请假手续。"]) == ""
    # the question's case is the rule's exception: allowed, so not 「不可以」
    assert modality_verdict("身体不舒服能请假吗", [LEAVE]) == ""
    # another asking than yes or no
    assert modality_verdict("手机能带几部进会场", [PHONES]) == ""
    assert modality_verdict("哪些情况下可以请假", [LEAVE]) == ""


def test_allowed_is_not_required_and_a_requirement_is_not_waived():
    assert modality_verdict("城区常务会必须要法律顾问列席吗", [ADVISERS]) == (
        "条文没有规定必须这样做，写的是「根据会议议题可安排有关部门、单位负责人和法律顾问列席会议」。"
    )
    said = modality_verdict("常务会通过的文件会后直接印发，不用承办部门报办公室吧", [ISSUING])
    assert said.startswith("与问题中的说法不同：条文要求「原则上应于会议结束后3个工作日内由承办部门报市政府办公室")
    # what is said not to be needed is another doing than the one required
    assert modality_verdict("请完假就行了，不用再报市委办公室吧", ["应当事先向市长请假。"]) == ""


def test_the_condition_is_the_one_the_prohibition_stands_under():
    from assistant.answering.modality import forbids

    directing = "未经市政府授权，市政府各部门不得直接向各县区政府发布指令性公文，不得要求下级政府报文。"
    assert modality_verdict("部门能要求县区政府给自己报文吗", [directing]).startswith("未经市政府授权不可以：")
    # 越级行文 has its own condition; 多头报文 is forbidden outright
    assert (
        modality_verdict("能多头报文吗", ["未经批准不得越级行文，不得多头报文；"])
        == "不可以：条文写明「不得多头报文」。"
    )
    # a may-question's doing forbidden by a clause (「原则上不应请假」) is what extras add to a quote on the case
    assert forbids("区政府的会一般能请假吗", "区政府领导同志应按要求参加区政府有关会议，原则上不应请假。")
    assert not forbids("区政府的会一般能请假吗", "如有特殊情况不能参加的，要履行请假手续。")


def test_the_clause_s_words_are_quoted_as_written():
    from assistant.answering.verdicts import verdict as verdict_line
    from assistant.textnorm import as_written

    clause = "市政府各部门召开的全市性会议，未按有关规定报经批准，不得邀请县（区）政府负责人出席。"
    verdict = verdict_line("部门开全市性会议能邀请县区政府负责人吗", [clause])
    assert "「不得邀请县（区）政府负责人出席」" in verdict  # full-width brackets, as the clause has them
    assert as_written("每月召开 1-2 次", ["市政府常务会议一般每月召开 1-2 次。"]) == "每月召开 1-2 次"
    assert as_written("没有的话", [clause]) == "没有的话"  # no source has it: as given
