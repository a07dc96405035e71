"""Words that name a kind in the rules but say how in a question: 「主要」.

The rules write 主要 before nouns (主要负责人, 主要任务: a kind of official, of task); a question writes it before
a verb (「常务会主要讨论哪些事情」, 「秘书长主要负责啥」: mainly), where it names nothing the answer must share — and
matched 「主要负责人」 in the rule on who reports. jieba tags such a word ``b`` (a distinguishing word) either way.
Which words are so is read from the rules themselves: a distinguishing word they write before a noun in most of its
uses. 临时 stays a topic word: the rules write it before verbs (「一般不临时增加议题」), as questions do.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from itertools import pairwise

Tagger = Callable[[str], list[tuple[str, str]]]


def noun_modifiers(texts: Iterable[str], tagged: Tagger) -> frozenset[str]:
    """The distinguishing words (jieba ``b``) that ``texts`` write before a noun more often than not."""
    before_noun: Counter[str] = Counter()
    uses: Counter[str] = Counter()
    for text in texts:
        words = tagged(text)
        for (word, flag), (_, following) in pairwise(words):
            if flag == "b":
                uses[word] += 1
                before_noun[word] += following.startswith("n")
    return frozenset(w for w, n in uses.items() if 2 * before_noun[w] > n)


def adverbial(words: list[tuple[str, str]], modifiers: frozenset[str]) -> set[int]:
    """Positions in a question's tagged ``words`` of a noun modifier said before a verb: saying how, not what."""
    return {
        i
        for i in range(len(words) - 1)
        if words[i][1] == "b" and words[i][0] in modifiers and words[i + 1][1].startswith("v")
    }
