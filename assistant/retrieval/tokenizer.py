"""Chinese tokenization for lexical search: jieba with a dictionary of government terms."""

from __future__ import annotations

import logging
import re
import threading
import warnings
from functools import lru_cache
from pathlib import Path
from typing import Any

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # jieba imports the deprecated pkg_resources
    import jieba

from assistant.textnorm import normalize

log = logging.getLogger(__name__)
jieba.setLogLevel(logging.WARNING)

USER_DICT = Path(__file__).resolve().parents[1] / "data" / "userdict.txt"

# Function words and question words that carry no retrieval signal.
STOPWORDS = frozenset(
    [
        "的",
        "了",
        "和",
        "与",
        "及",
        "或",
        "等",
        "是",
        "在",
        "由",
        "对",
        "为",
        "以",
        "于",
        "将",
        "把",
        "被",
        "要",
        "应",
        "应当",
        "须",
        "可",
        "可以",
        "并",
        "其",
        "之",
        "中",
        "上",
        "下",
        "个",
        "有",
        "无",
        "谁",
        "什么",
        "怎么",
        "怎样",
        "如何",
        "哪",
        "哪些",
        "哪个",
        "几",
        "多少",
        "多久",
        "吗",
        "呢",
        "吧",
        "啊",
        "么",
        "请问",
        # asking frames (「想问问…」, 「请教一下…」, 「麻烦打听下…」): how a question is put, not what it asks
        "想",
        "问问",
        "请教",
        "打听",
        "麻烦",
        "知道",
        "一下",
        "一般",
        "是否",
        "能否",
        "能不能",
        "需不需要",
        "需要",
        "我",
        "我们",
        "你",
        "你们",
        "他",
        "她",
        "它",
        # (the other personal pronouns: who is spoken of, said by the asker's stance, not a topic)
        "大家",
        "咱",
        "咱们",
        "他们",
        "她们",
        "它们",
        "人家",
        "各位",
        "这",
        "那",
        "这个",
        "那个",
        "还是",
        "就",
        "都",
        "也",
        "又",
        "还",
        "会",
        "得",
        "地",
        "着",
        "过",
        "给",
        "让",
        "从",
        "向",
        "到",
        "做",
        "办",
        "搞",
        "规定",
        "规则",
        "问",
        "说",
        "按",
        "按照",
        "根据",
        "依照",
        "工作",
        "进行",
        "相关",
        "有关",
        "各",
        "该",
        "本",
        "此",
        "其他",
        "之后",
        "之前",
        "以内",
        "以上",
        "以下",
    ]
)


# A meeting's short name before 会前/会后/会上 (「常务会会前几天通知」): jieba reads the doubled 会 as the word 会会 (to
# meet) and a 「会会」 topic nobody asked about; the two are kept apart
_MEETING_THEN_TIME = re.compile(r"(?<=会)(?=会[前后上中])")


def _split_doubled(text: str) -> str:
    return _MEETING_THEN_TIME.sub(" ", text)


class Tokenizer:
    """Thread-safe jieba tokenizer with the bundled user dictionary."""

    def __init__(self) -> None:
        self._jieba = jieba.Tokenizer()
        self._lock = threading.Lock()
        self._ready = False
        self._pos: Any = None
        # a text's tagging never changes once the dictionary is loaded (it is loaded once): questions
        # and their parts are tagged by several analyses, and jieba's HMM costs ~3 ms a text
        self._tags = lru_cache(maxsize=4096)(self._tag)

    def _init(self) -> None:
        with self._lock:
            if self._ready:
                return
            self._jieba.initialize()
            self._jieba.load_userdict(str(USER_DICT))
            self._ready = True

    def words(self, text: str) -> list[str]:
        """Search-mode tokens (compound words plus their parts), stopwords and punctuation removed."""
        if not self._ready:
            self._init()
        out = []
        for tok in self._jieba.cut_for_search(_split_doubled(normalize(text))):
            tok = tok.strip()
            if not tok or tok in STOPWORDS or not any(c.isalnum() for c in tok):
                continue
            out.append(tok)
        return out

    def tagged(self, text: str, new_words: bool = True) -> list[tuple[str, str]]:
        """Accurate-mode words with jieba part-of-speech flags (n…, v…, …). ``new_words``: let jieba's
        HMM join characters into words its dictionary lacks (off: dictionary words and single characters)."""
        return list(self._tags(text, new_words))

    def _tag(self, text: str, new_words: bool) -> tuple[tuple[str, str], ...]:
        if not self._ready:
            self._init()
        import jieba.posseg

        if self._pos is None:
            self._pos = jieba.posseg.POSTokenizer(self._jieba)
        with self._lock:
            cut = self._pos.cut(_split_doubled(text), HMM=new_words)
            return tuple((p.word, p.flag) for p in cut if p.word.strip())

    def in_dictionary(self, word: str) -> bool:
        """Whether ``word`` is in jieba's dictionary (or the bundled user dictionary)."""
        if not self._ready:
            self._init()
        return bool(self._jieba.FREQ.get(word))


@lru_cache(maxsize=1)
def default_tokenizer() -> Tokenizer:
    return Tokenizer()
