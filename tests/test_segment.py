"""Segmentation of the real source files: counts, exact texts, every page-break repair."""

from __future__ import annotations

from collections import Counter

import pytest

from assistant.knowledge.ingest import load_articles
from assistant.knowledge.registry import load_registry
from assistant.knowledge.segment import Segmenter, ends_sentence, join_broken
from assistant.models import Article

from .conftest import KNOWLEDGE


@pytest.fixture(scope="module")
def parsed():
    registry = load_registry(KNOWLEDGE / "registry.toml")
    return Segmenter(registry, KNOWLEDGE).segment_all()


@pytest.fixture(scope="module")
def articles(parsed) -> dict[str, Article]:
    return {a.id: a for f in parsed for a in f.articles}


def test_counts_per_document(parsed):
    counts = Counter((a.city, a.document) for f in parsed for a in f.articles)
    assert counts == {
        ("datong", "大同市人民政府工作规则"): 46,
        ("datong", "市政府全体会议工作规则"): 12,
        ("datong", "市政府常务会议工作规则"): 25,
        ("datong", "市长办公会议工作规则"): 16,
        ("datong", "市政府落实市委重大决策部署专题会议工作规则"): 9,
        ("datong", "市政府专题会议工作规则"): 12,
        ("jincheng-chengqu", "晋城市城区人民政府工作规则"): 46,
        ("chaoyang", "朝阳市人民政府工作规则"): 44,
        ("xianning", "咸宁市人民政府工作规则"): 43,
    }
    assert sum(counts.values()) == 253


def test_numbers_consecutive_and_ids_unique(parsed):
    all_ids = [a.id for f in parsed for a in f.articles]
    assert len(set(all_ids)) == 253
    for f in parsed:
        for doc in f.documents:
            numbers = [a.article for a in f.articles if a.document == doc.title]
            assert numbers == list(range(1, len(numbers) + 1))


def test_committed_articles_jsonl_matches_sources(parsed):
    committed = load_articles(KNOWLEDGE)
    assert [a.to_dict() for a in committed] == [a.to_dict() for f in parsed for a in f.articles]


def test_datong_33_full_text(articles):
    a = articles["datong-work-rules-033"]
    assert a.label == "三十三、"
    assert a.citation == "《大同市人民政府工作规则》第三十三条"
    assert a.document_number == "同政发〔2024〕2号"
    assert a.chapter is not None and a.chapter.label == "第六章 公文处理"
    assert a.text == (
        "市政府制定的政府规章、发布的决定和命令、向市人大或市人大常委会提出的议案，由市长签署。\n"
        "以市政府名义发文，经市政府分管领导同志审核后，由市长签发；或经市长同意后，由市政府分管领导同志签发。\n"
        "以市政府办公室名义发文，一般由市政府秘书长签发；重要文件报市政府分管领导同志或市长签发。"
    )


def test_chaoyang_31_seven_items(articles):
    a = articles["chaoyang-work-rules-031"]
    assert a.text.startswith("公文审核签发：\n(一) 以市政府名义报省政府的请示")
    assert [i.marker for i in a.items] == ["(一)", "(二)", "(三)", "(四)", "(五)", "(六)", "(七)"]
    assert [i.number for i in a.items] == [1, 2, 3, 4, 5, 6, 7]
    assert a.items[2].text == "市政府人事任免公文，经市政府分管负责同志审核后，由市长签发；"
    assert a.items[5].text == (
        "以市政府办公室名义制发的公文，一般由市政府分管负责同志签发，也可授权市政府秘书长签发；重要文件报市长签发；"
    )
    assert len(a.paragraphs) == 8


def test_xianning_40_full_text(articles):
    a = articles["xianning-work-rules-040"]
    assert a.citation == "《咸宁市人民政府工作规则》第四十条"
    paras = a.paragraphs
    assert len(paras) == 5
    assert paras[0] == (
        "市政府组成人员要严格遵守各项工作纪律,坚决执行党中央、国务院决策部署,省委、省政府和市委、"
        "市政府的决定,不得有与之相违背的言论和行为。"
    )
    assert paras[2].startswith("要严格执行请销假制度。市长离咸出访、出差或者休假,由市政府办公室向省委办公厅")
    assert paras[2].endswith("提前3天向市政府办公室报告,由市政府办公室报市长和秘书长。")
    assert paras[4] == (
        "要严格遵守保密纪律和外事纪律,严禁泄露国家秘密、工作秘密或者因履行职责掌握的商业秘密等,"
        "坚决维护国家的安全、荣誉和利益。"
    )


def test_meeting_rules_restart_numbering_and_split_title(articles):
    a = articles["datong-party-decisions-meeting-006"]
    assert a.document == "市政府落实市委重大决策部署专题会议工作规则"
    assert a.label == "第六条"
    assert a.text == (
        "专题会议纪要由市政府办公室负责起草，原则上在会议结束后 3 个工作日内形成会议纪要，"
        "按程序报市长签发，并呈报市委书记。会议纪要依据会议内容增发有关部门和单位，并按照规定存档。"
    )
    assert articles["datong-executive-meeting-001"].chapter.label == "第一章 总则"
    assert articles["datong-plenary-meeting-001"].chapter is None
    assert [i.marker for i in articles["datong-executive-meeting-018"].items] == ["1.", "2.", "3."]


def test_headers_and_footers_stay_out_of_articles(articles):
    for a in articles.values():
        for marker in ("抄送", "索 引 号", "分享到", "印发\n", "**", "附件:"):
            assert marker not in a.text, (a.id, marker)
    assert articles["xianning-work-rules-043"].text.endswith("停止执行。")
    assert articles["datong-work-rules-046"].text.endswith("（同政发〔2013〕46号）停止执行。")


# Every page break inside a sentence in the five files, as the repaired text must read.
PAGE_BREAK_REPAIRS = {
    "datong-work-rules-003": ["党中央保持高度一致"],
    "datong-work-rules-006": ["有为政府更好结合，创造"],
    "datong-work-rules-010": ["依法行使权力、履行职责、承担责任。"],
    "datong-work-rules-014": ["民主监督，虚心听取意见"],
    "datong-work-rules-019": ["市政府全体会议的主要任务是："],
    "datong-work-rules-023": ["由主持召开会议的市政府领导同志签发，涉及重大事项报市长审定。"],
    "datong-work-rules-026": ["习近平总书记重要讲话重要指示要求"],
    "datong-work-rules-031": ["除主办部门另有时限要求外，一般应在7个工作日内回复"],
    "datong-work-rules-035": ["原则上应与文件合并印发，不单独发文。"],
    "datong-work-rules-038": ["强化风险意识，认真做好各行业领域"],
    "datong-work-rules-043": ["严禁泄露国家秘密、工作秘密或因履行职责"],
    "datong-executive-meeting-004": ["（四）讨论通过提请市人民代表大会及其常务委员会审议的工作报告和议案；"],
    "datong-executive-meeting-009": ["进行公平竞争审查。"],
    "datong-executive-meeting-018": ["有以下情形之一的，由市长决定不予通过或者暂不作出决定："],
    "datong-executive-meeting-021": ["涉及重大事项的，应报市长审定。"],
    "datong-mayor-office-meeting-013": ["按程序报市长签发，并按照规定存档"],
    "datong-party-decisions-meeting-006": ["按程序报市长签发，并呈报市委书记。"],
    "datong-special-meeting-007": ["下一步工作举措，突出针对性"],
    "jincheng-chengqu-work-rules-003": ["政治执行力，把党的领导"],
    "jincheng-chengqu-work-rules-006": ["更好发挥政府作用，推动"],
    "jincheng-chengqu-work-rules-010": ["把政府工作全面纳入法治轨道"],
    "jincheng-chengqu-work-rules-014": ["民主监督，虚心听取意见和建议。"],
    "jincheng-chengqu-work-rules-019": ["区政府全体会议的主要任务是："],
    "jincheng-chengqu-work-rules-023": ["区政府根据需要召开区长办公会议和区政府专题会议。"],
    "jincheng-chengqu-work-rules-025": ["未按有关规定报经批准，不得邀请镇（街道）负责人出席。"],
    "jincheng-chengqu-work-rules-035": ["凡法律法规已作出明确规定、现行文件已有部署"],
    "jincheng-chengqu-work-rules-037": ["实行账单式闭环管理"],
    "jincheng-chengqu-work-rules-041": ["研究解决问题。"],
    "jincheng-chengqu-work-rules-043": ["严格执行办公用房、住房、用车等方面的规定"],
    "chaoyang-work-rules-002": ["认真学习贯彻习近平总书记在新时代推动东北全面振兴座谈会"],
    "chaoyang-work-rules-006": ["推动经济发展在法治轨道上运行"],
    "chaoyang-work-rules-012": ["一切从实际出发，着力解决"],
    "chaoyang-work-rules-019": ["市政府全体会议的主要任务是："],
    "chaoyang-work-rules-024": ["县（市）区政府和市政府有关部门主要负责同志不能参加的"],
    "chaoyang-work-rules-027": ["先报市政府履行相关审议或审核程序。"],
    "chaoyang-work-rules-033": ["不以市政府或市政府办公室名义发文。"],
    "chaoyang-work-rules-041": ["个人不公开出版著作、讲话单行本"],
}


def test_every_page_break_repaired(parsed, articles):
    repairs = [r for f in parsed for r in f.repairs]
    assert len(repairs) == 37
    assert sum(r.dropped for r in repairs) == 2  # "党中央" + "中央保持"
    for article_id, fragments in PAGE_BREAK_REPAIRS.items():
        for fragment in fragments:
            assert fragment in articles[article_id].text, (article_id, fragment)
    assert "认真学学习" not in articles["chaoyang-work-rules-002"].text
    assert "党中央中央" not in articles["datong-work-rules-003"].text


def test_real_paragraphs_kept(articles):
    # 大同 第十九条: intro, two items, a closing paragraph.
    assert articles["datong-work-rules-019"].paragraphs[1:] == [
        "（一）讨论、决定政府工作报告、国民经济和社会发展规划等重大事项；",
        "（二）部署市政府的重要工作。",
        "市政府全体会议根据需要可安排其他有关部门、单位负责人列席。",
    ]
    for a in articles.values():
        for p in a.paragraphs:
            assert ends_sentence(p), (a.id, p[-20:])


def test_join_broken_keeps_single_repeated_character():
    assert join_broken("党中央", "中央保持") == ("党中央保持", 2)
    assert join_broken("认真学习", "习近平") == ("认真学习习近平", 0)
    assert join_broken("工作", "秘密") == ("工作秘密", 0)


def test_an_english_conjunction_between_chinese_words_is_repaired(articles):
    # the sources have 「严格控制 and 规范」 (咸宁's text of the same clause: 「严格控制和规范」)
    assert not any(" and " in a.text for a in articles.values())
    assert "严格控制和规范论坛、庆典、节会等活动" in articles["datong-work-rules-025"].text
    assert "突出问题和人民群众急难愁盼问题" in articles["chaoyang-work-rules-012"].text
