"""Which jurisdiction a question is about.

``CityDetector.detect(question)`` finds the jurisdictions of the knowledge base named in the
question (slug, Chinese name or alias, with or without 市/区) and any other Chinese city
(from a gazetteer), so that a question about 太原 is answered "not in the knowledge base"
rather than with another city's rules.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from assistant.knowledge.registry import Registry
from assistant.retrieval.tokenizer import default_tokenizer
from assistant.textnorm import halfwidth_alnum

GAZETTEER = Path(__file__).resolve().parents[1] / "data" / "cities.txt"
_LEVEL_CHARS = "省市区县州旗镇"
# 「县市区」, 「县（市、区）」, 「区县」: the county-level places under a city, not one county of its name
_SUBORDINATE = re.compile(r"县(?:市区|区|[（(]市[、，]?区?[)）]区?)|区县|县级")
# 「区里」, 「县里」 said of the government as people say it day to day (not 社区里, 园区里, 景区里: see ``_by_level``)
_DISTRICT_MARKS = ("区政府", "区长", "副区长", "区委", "区人大", "区政协", "区直", "区里")
_COUNTY_MARKS = ("县政府", "县长", "副县长", "县委", "县里")
# A place by its form: a word jieba tags as a place name (ns) that ends in a level (阳高县, 泽州县,
# 崇阳县), so counties and towns need no list; not 「各县区」, 「本市」.
_PLACE_ENDS = "县区市镇旗乡州"
_NOT_A_PLACE_START = "各全本该我此两每市县区"
Tagger = Callable[[str], list[tuple[str, str]]]
# 赤壁 + 市政府, 高平 + 市人民政府: a place name followed by its level and its government.
_GOVERNMENT_AFTER = re.compile(r"[市县区旗](?:人民)?政府")
_TENURE = re.compile(r"[现前新历时继原]任")  # 现任, 前任 …: a term of office
_GOVERNS = "报向给送交经呈请"  # verbs and prepositions whose object a government is


def positioned(text: str, tagged: list[tuple[str, str]]) -> list[tuple[int, str, str]]:
    """The segmenter's words with where each starts in ``text``: (start, word, flag)."""
    out, at = [], 0
    for word, flag in tagged:
        start = text.find(word, at)
        if start >= 0:
            out.append((start, word, flag))
            at = start + len(word)
    return out


def _inside_a_word(name: str, start: int, words: list[tuple[int, str, str]]) -> bool:
    """A two-character name ending in its level (城区) that the segmenter reads as the end of a longer
    word (东城区, 龙城区: other districts), not a word of its own (请问一下城区…)."""
    if len(name) != 2 or name[-1] not in _LEVEL_CHARS:
        return False
    return any(s < start < s + len(w) for s, w, _ in words)


@lru_cache(maxsize=1)
def strip_places(text: str, names: Sequence[str]) -> str:
    """``text`` without any of the place ``names`` (give them longest first), and a pointing word after one
    (「大同那边」). A name's level character that begins a title or body stays with it: 「大同市长」 is 大同's
    市长 (「市长」, not 「长」), 「咸宁市委」 its 市委."""
    for name in names:
        if name not in text:
            continue  # hundreds of names, few in any question: no pattern built for the others
        if len(name) > 2 and name[-1] in _LEVEL_CHARS:
            text = re.sub(f"{re.escape(name)}(?=[长委])", name[-1], text)
        text = re.sub(f"{re.escape(name)}{_THERE}", "", text)
    return text


_THERE = "(?:那边|这边|那里|这里|那儿|这儿)?"  # 「大同那边是几天」: 大同, said with a pointing word


def gazetteer() -> dict[str, str]:
    """Other places: bare name → the name as said ("太原" → "太原市", "香港" → "香港"), longest first."""
    names: dict[str, str] = {}
    for line in GAZETTEER.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            suffix, _, rest = line.partition(":")
            if suffix.strip() == "省":  # full names: a province is named with its level
                names.update((n, n) for n in rest.split())
            else:
                names.update((n, n + suffix.strip()) for n in rest.split())
    return dict(sorted(names.items(), key=lambda kv: len(kv[0]), reverse=True))


@dataclass(frozen=True)
class Detection:
    cities: tuple[str, ...]  # slugs of jurisdictions in the knowledge base, in order of mention
    unknown: tuple[str, ...]  # other places named, e.g. ("太原市",)
    by_level: bool = False  # found only through a level word (区政府 → the only 区), not by name
    set_aside: tuple[str, ...] = ()  # slugs named only to be set aside (「除了大同，其他几个地方…」)

    @property
    def city(self) -> str | None:
        return self.cities[0] if len(self.cities) == 1 else None


# Governments above a city, by level: asked about, they are places the knowledge base does not cover
# (unless it has jurisdictions of that level).
# Their meetings, heads, departments and own rules: 「省政府常务会议」, 「省长」, 「省直部门」, 「国务院工作规则」
# (not 「省委省政府的决策部署」, which the city carries out).
_UPPER = {
    "省": r"省(?:人民)?政府的?(?:常务|全体|专题)?会|省长|省直(?:部门|单位)|省级部门|省政府(?:各|工作)?部门"
    r"|省(?:人民)?政府的?工作规则",  # its own rules: 「省政府工作规则里…」
    "国": r"国务院的?(?:常务|全体)?会|国务院总理|国家部委|国务院的?工作规则",
}
_UPPER_NAMES = {"省": "省级政府", "国": "国务院"}
# Words after which a government is whom the question's subject reports or writes to.
_TO_SOMEONE = re.compile(r"向|报|给|送|交|经|请示|以")
# Where someone goes (「副市长去太原出差」, 「到北京开会」, 「赴武汉学习」): a destination, not whose rules are asked
_GOING_TO = re.compile(r"(?:(?<![过失回上下进出])去|(?<![收报送接达得做提及遇碰找看想听用])到|赴|前往|飞往)")
# A place set aside (「晋城市政府（不是城区）」, 「除了大同」): not a place whose rules are asked (not 「是不是城区的」)
_SET_ASIDE = re.compile(r"(?<!是)不是|并非|而非|不包括|除了|除去")
# places away from any jurisdiction's own, said without a name (「到省里开会」, 「去外地学习」)
_AWAY = re.compile(r"省里|省城|外地|外省|外市|国外|境外")


class CityDetector:
    def __init__(
        self, registry: Registry, tagger: Tagger | None = None, in_rules: Callable[[str], bool] | None = None
    ) -> None:
        self.registry = registry
        self.tagger = tagger or default_tokenizer().tagged
        self.in_rules = in_rules or (lambda word: False)  # whether the rules' text uses a word
        names: list[tuple[str, str]] = []
        self._levels = {j.slug: j.level for j in registry.jurisdictions}
        for j in registry.jurisdictions:
            for name in j.names:
                names.append((name, j.slug))
                bare = name.removesuffix("市").removesuffix("区")
                if len(bare) >= 2:
                    names.append((bare, j.slug))
            names.append((j.slug, j.slug))
        self._known = sorted(set(names), key=lambda p: len(p[0]), reverse=True)
        known_names = {n for n, _ in self._known}
        self._others = {g: said for g, said in gazetteer().items() if g not in known_names}
        # one pass over the text for all of them, longest first at each position (a loop over hundreds of
        # names was a tenth of a question's time)
        self._others_re = re.compile("|".join(re.escape(g) for g in self._others)) if self._others else None
        # The pipeline asks about the same text several times (scope, search text, each city's answer).
        self.detect = lru_cache(maxsize=2048)(self._detect)

    def _detect(self, question: str) -> Detection:
        text = question
        spans: list[tuple[int, int]] = []
        found: list[tuple[int, str]] = []
        unknown: list[tuple[int, str]] = []
        lowered = halfwidth_alnum(text).lower()  # 「ｄａｔｏｎｇ」 names 大同 as 「datong」 does
        words = positioned(text, self.tagger(text))  # segmented once for both uses below
        for name, slug in self._known:
            pattern = re.escape(name.lower())
            if name.isascii():
                pattern = rf"(?<![a-z0-9-]){pattern}(?![a-z0-9-])"
            for m in re.finditer(pattern, lowered):
                if any(s < m.end() and m.start() < e for s, e in spans) or _inside_a_word(name, m.start(), words):
                    continue
                # "晋城市" alone is the prefecture, not 晋城市城区: only a full alias matches it.
                spans.append((m.start(), m.end()))
                after = text[m.end() : m.end() + 1]
                if (
                    after
                    and after in _LEVEL_CHARS
                    and after != self._levels[slug]
                    and name[-1] not in _LEVEL_CHARS
                    and not _SUBORDINATE.match(text, m.end())  # 咸宁县市区: the places under 咸宁
                    and text[m.end() : m.end() + 2] != "县里"  # 「咸宁县里」: 咸宁's 县里 (its counties), no 咸宁县
                    and text[m.end() + 1 : m.end() + 2] != "长"  # 「咸宁县长」: 咸宁's 县长, no 咸宁县
                ):
                    # 「朝阳区」 is not 朝阳市: a known name with another level is another place
                    spans[-1] = (m.start(), m.end() + 1)
                    unknown.append((m.start(), text[m.start() : m.end() + 1]))
                    continue
                found.append((m.start(), slug))
        for m in self._others_re.finditer(text) if self._others_re else ():
            if any(s < m.end() and m.start() < e for s, e in spans):
                continue
            spans.append((m.start(), m.end()))
            unknown.append((m.start(), self._others[m.group(0)]))
        unknown += self._places_by_form(text, words, spans)
        if not unknown:  # 「山西省政府…」 is 山西省 already
            unknown += self._upper_subject(text)
        found = self._not_under_others(text, found, unknown)
        aside = {m.end() for m in _SET_ASIDE.finditer(text)}
        set_aside = tuple(dict.fromkeys(slug for pos, slug in sorted(found) if pos in aside))
        going = {m.end() for m in _GOING_TO.finditer(text)} | aside
        found, unknown = [f for f in found if f[0] not in going], [u for u in unknown if u[0] not in going]
        cities = tuple(dict.fromkeys(slug for _, slug in sorted(found)))
        others = tuple(dict.fromkeys(n for _, n in sorted(unknown)))
        if not cities and not unknown:
            level = self._by_level(text)
            return Detection(level, others, by_level=bool(level), set_aside=set_aside)
        return Detection(cities, others, set_aside=set_aside)

    def going_away(self, text: str) -> int | None:
        """Where the words saying that someone goes to another place end (「去北京」, 「到省里」), if any."""
        for m in _GOING_TO.finditer(text):
            if away := _AWAY.match(text, m.end()):
                return away.end()
            named = self._others_re.match(text, m.end()) if self._others_re else None
            if named:
                return named.end()
            known = next((n for n, _ in self._known if text.startswith(n, m.end())), None)
            if known:
                return m.end() + len(known)
        return None

    def _places_by_form(
        self, text: str, words: list[tuple[int, str, str]], spans: list[tuple[int, int]]
    ) -> list[tuple[int, str]]:
        """Places not in any list, by their form (阳高县的副县长…): see ``_PLACE_ENDS``."""
        out = []
        at = 0
        for start, word, flag in words:
            if start < at:
                continue  # its first character was taken as a place's level (赤壁 + 市)
            at = start + len(word)
            if (
                flag in ("n", "nr", "ns")
                and len(word) >= 2
                and word[-1] not in _PLACE_ENDS
                and _GOVERNMENT_AFTER.match(text, at)
                and word[-1] not in _GOVERNS  # 「几天内报|市政府」: 报 takes the government as its object
                and not _TENURE.fullmatch(word)  # 「现任|市政府秘书长」: whose term, not where
                and not (len(word) == 2 and word[0] == word[1])  # 「想问问|市政府…」: a verb said twice, no name
                and not self.in_rules(word)
            ):
                # 「赤壁|市政府」, 「高平|市政府」: jieba leaves the level with 政府 (and may take the name for
                # a person's): a name the rules never use, right before a level and its government, is a
                # place (「代表|市政府」 is not: 代表 is a word of the rules)
                word, flag = word + text[at], "ns"
                at += 1
            if (
                flag.startswith("ns")
                and len(word) >= 3
                and word[-1] in _PLACE_ENDS
                and word[0] not in _NOT_A_PLACE_START
                and not _SUBORDINATE.search(word)
                and not any(s < at and start < e for s, e in spans)
            ):
                out.append((start, word))
        return out

    def _upper_subject(self, text: str) -> list[tuple[int, str]]:
        """A government above every jurisdiction of the knowledge base as what is asked about
        (「省政府常务会议多久开一次」), not as whom to report to (「以市政府名义报省政府的请示」)."""
        subject = text[: m.start()] if (m := _TO_SOMEONE.search(text)) else text
        present = set(self._levels.values())
        for level, pattern in _UPPER.items():
            if level not in present and (found := re.search(pattern, subject)):
                return [(found.start(), _UPPER_NAMES[level])]
        return []

    def _not_under_others(self, text: str, found: list[tuple[int, str]], unknown: list[tuple[int, str]]) -> list:
        """「阳泉市城区」: a known name right after another city or county is that place's district, and
        「咸宁市咸安区」 asks about 咸安区, a place under 咸宁, not about 咸宁 (「山西省大同市」 is 大同)."""
        # where each such place ends in the text: 「太原市城区」 at 3, 「太原和大同」 at 2 (not 3: 大同 is a place
        # of its own after 和, though the gazetteer's name 太原市 is three characters long)
        ends = {
            pos + len(said if text.startswith(said, pos) else said[:-1]) for pos, said in unknown if said[-1] in "市县"
        }
        starts = {pos for pos, said in unknown if said[-1] in "区县镇旗乡"}  # 咸宁市咸安区, not 大同太原
        kept = []
        for pos, slug in found:
            before = pos - 1 if pos > 0 and text[pos - 1] in _LEVEL_CHARS else pos
            end = pos + len(self._said_at(text, pos, slug))
            if before in ends or pos in ends or end in starts:
                continue
            kept.append((pos, slug))
        return kept

    def _said_at(self, text: str, pos: int, slug: str) -> str:
        """The longest name of ``slug`` that ``text`` has at ``pos``."""
        return next((n for n, s in self._known if s == slug and text.lower().startswith(n.lower(), pos)), "")

    def _by_level(self, text: str) -> tuple[str, ...]:
        """ "区政府办的文件谁签字": when only one jurisdiction is a 区 (or 县), the level names it."""
        for level, marks in (("区", _DISTRICT_MARKS), ("县", _COUNTY_MARKS)):
            # not 「县市区政府」, 「县（市）区」, nor a 区 of another kind (社区, 园区, 景区, 辖区, 片区, 街区, 小区, 城区)
            if re.search(rf"(?<![县市）社园景辖片街小城])(?:{'|'.join(marks)})", text):
                of_level = [j.slug for j in self.registry.jurisdictions if j.level == level]
                if len(of_level) == 1:
                    return (of_level[0],)
        return ()
