"""Which one of a kind is asked: 「督办用的什么信息化平台」 asks the 督办 platform, and a clause naming another
platform (「充分利用全市电子政务内网平台」) does not answer it, however well the rest matches.

The thing asked is the noun phrase closing the asking (什么, 哪个, 啥 … then words of two or more characters
only, to the end of the clause): its last word the kind (平台), the words before it what sets the one asked
apart (信息化, 督办). A clause that names the kind only with none of those words next to it (in the same
phrase, just before it; not even a character of them: 「AB角互补工作制度」 answers 「啥补位制度」) names another
one of the kind. Judged only when a word setting the one asked apart is one the rules use somewhere (a user's own
word says nothing of which one the rules mean), and only when the clause names the kind at all (else the other
checks decide).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from assistant.answering.analysis import Group
from assistant.retrieval.tokenizer import default_tokenizer
from assistant.textnorm import normalize

# the asking word, then the phrase asked, to the end of its clause (「用的什么督办平台」, 「哪个信息化平台呀」)
_WHICH = re.compile(
    r"(?:什么|啥|哪个|哪一个|哪种|哪类|哪家)([\u4e00-\u9fff]{4,10}?)(?:呢|啊|呀|吗|么)?(?:[，,。？?！!\s]|$)"
)
_NEAR = 8  # how far before the kind a word setting it apart is said (「“13710”信息化督办平台」)
_PHRASE_END = re.compile(r"[，,。；;：:、？?！!\n]")
_WHEN = ("时候", "时间", "日期", "时限")  # 「啥时候生效」 asks when, not which one


def _asked(question: str) -> tuple[str, list[str]] | None:
    """The kind asked and the words setting the one asked apart, when the asking closes on a noun phrase."""
    m = _WHICH.search(normalize(question))
    if m is None:
        return None
    words = default_tokenizer().tagged(m.group(1))
    if len(words) < 2 or any(len(w) < 2 or not f.startswith(("n", "v")) for w, f in words):
        return None  # 「哪个部门做合法性审查」, 「啥类型的事项」: not one noun phrase
    if not words[-1][1].startswith("n") or any(w in _WHEN for w, _ in words):
        return None
    return words[-1][0], [w for w, _ in words[:-1]]


def qualifier_unsaid(question: str, groups: Sequence[Group], text: str, known: Callable[[str], bool]) -> str | None:
    """The phrase asked (「督办平台」) when ``text`` names its kind (平台) only as other ones (no word setting the asked
    one apart, nor a word the rules say it with, just before it), else None. ``known``: whether the rules use a word."""
    asked = _asked(question)
    if asked is None:
        return None
    kind, apart = asked
    if not any(known(w) for w in apart):
        return None
    t = normalize(text)
    spots = [m.start() for m in re.finditer(re.escape(kind), t)]
    if not spots:
        return None
    said_with = [g for g in groups if any(w in a or (len(a) >= 2 and a in w) for w in apart for a in g.alternatives)]
    for at in spots:
        before = _PHRASE_END.split(t[max(0, at - _NEAR) : at])[-1]
        # a character of those words will do (「AB角互补工作制度」 for 「补位制度」): only another one named is judged
        if any(ch in before for w in apart for ch in w) or any(g.found(before) for g in said_with):
            return None
    return "".join(apart) + kind
