from assistant.answering.dialogue import Turn, is_followup, needs_context, resolve

PREV = Turn("以市政府办公室名义发文由谁签发？", "datong")


def test_followup_detection():
    assert is_followup("那区政府呢？")
    assert is_followup("朝阳呢")
    assert is_followup("那常务副市长也出差呢？")
    assert not is_followup("以区政府名义发文由谁签发？")
    assert not is_followup("市政府常务会议多久开一次，全体会议又多久开一次呢？")


def test_place_only_followup_borrows_previous_question():
    assert needs_context("那区政府呢？", ("朝阳",))
    assert needs_context("朝阳呢？", ("朝阳",))
    assert resolve("那区政府呢？", PREV) == "那区政府呢？（接上问：以市政府办公室名义发文由谁签发？）"


def test_followup_with_content_is_asked_as_is():
    assert not needs_context("那常务副市长也出差呢？")
    assert resolve("那常务副市长也出差呢？", PREV) == "那常务副市长也出差呢？"
    assert resolve("以区政府名义发文由谁签发？", PREV) == "以区政府名义发文由谁签发？"
    assert resolve("那区政府呢？", None) == "那区政府呢？"
