"""A question moved to another place: its place names replaced or taken out, titles at the new level.

「朝阳市政府全体会议由谁主持」 asked again for 咸宁 names 咸宁 where it named 朝阳; asked again for a
place of another level, its titles and bodies follow (副区长 → 副市长, 全区性 → 全市性), while place
names (城区, 咸安区) and lists of levels (县（市、区）) stay as they are. ``Relocator`` is built from the
detector and the knowledge base's place names; ``dialogue.Dialogue`` asks it when a follow-up is
about another place (or several).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant.answering.cities import CityDetector, strip_places

JOINED = re.compile(r"^(?:以及|[和与及、，,的\s])+")  # left in front once the places are taken out
LEVELS = "市区县"  # a jurisdiction's level, as its titles and bodies name it (市长, 区政府, 全县性)
_TITLE_AFTER = re.compile("长|人民政府|政府|委|直|领导|属")  # after the level: 市长, 区政府, 县委, 市直


# A level word with another level in brackets after it, the question asked of both (「全市（区）性会议」, 「市长（区长）」,
# 「副市长（副区长）」): said once, at the first level (each place is then asked at its own)
_LEVEL_AND_ANOTHER = re.compile(
    rf"(?P<level>[{LEVELS}])(?P<title>{_TITLE_AFTER.pattern})?[（(]副?[{LEVELS}](?P=title)?[）)](?=(?P=title)|性|级)?"
    # … or after a slash or 或, the same title at another level (「区长/市长办公会」: no one is both)
    rf"|(?P<level2>[{LEVELS}])(?P<title2>{_TITLE_AFTER.pattern})[/／或](?!(?P=level2))[{LEVELS}](?P=title2)"
)


def one_level(question: str) -> str:
    """``question`` with a level's bracketed (or slashed) other level taken out: 「开全市（区）性会议」 → 「开全市性会议」,
    「区长/市长办公会」 → 「区长办公会」. A list of levels (「县（市、区）」) is no alternative and stays."""
    return _LEVEL_AND_ANOTHER.sub(
        lambda m: (
            m.group("level") + (m.group("title") or "") if m.group("level") else m.group("level2") + m.group("title2")
        ),
        question,
    )


class Relocator:
    def __init__(self, detector: CityDetector, place_names: Sequence[str] = ()) -> None:
        self.detector = detector
        self.place_names = tuple(sorted(place_names, key=len, reverse=True))

    def strip_places(self, text: str) -> str:
        return strip_places(text, self.place_names)

    def relocate(self, question: str, old: str | None, new: str | None) -> str:
        """「朝阳市政府全体会议由谁主持」 asked again for 咸宁: the old place's name becomes the new one's;
        asked again for a place of another level, its titles and bodies follow (副区长 → 副市长)."""
        registry = self.detector.registry
        if not old and new in registry.by_slug and len(several := self.detector.detect(question).cities) > 1:
            # 「咸宁呢」 after 「大同和朝阳常务会议谁主持」: the places named before all give way
            return registry.by_slug[new].name + self._without(self._without_unknown(question), several)
        if not old and new in registry.by_slug and (unknown := self.detector.detect(question).unknown):
            # 「那咸宁呢」 after 「太原市政府常务会议多久开一次」: the place outside the knowledge base gives way,
            # however it was said (「太原常务会…」 is 太原市's)
            now, place = registry.by_slug[new], unknown[0]
            said = place if place in question else place[:-1] if place[-1] in LEVELS else place
            asked = question.replace(said, now.name, 1)
            return self._relevel(asked, place[-1], now.level) if place[-1] in LEVELS else asked
        if not old or not new or old == new or old not in registry.by_slug or new not in registry.by_slug:
            return question
        was, now = registry.by_slug[old], registry.by_slug[new]

        def renamed(m: re.Match[str]) -> str:
            name = m.group(0)
            # 「大同市长」 asked for 城区: 大同 + 市长, the level is the title's (→ 区长)
            borrowed = was.level != now.level and name[-1] == was.level and _TITLE_AFTER.match(question, m.end())
            return now.name + was.level if borrowed else now.name

        names = "|".join(re.escape(n) for n in was.names)  # longest first; every mention (「朝阳市长离开朝阳」)
        question = self._without_unknown(re.sub(names, renamed, question))
        # being away from the old place in its rules' word (离朝, 离同, 离咸): away from the new one
        chars = "".join(dict.fromkeys("".join(was.names)))
        short = min(now.names, key=len)
        question = re.sub(rf"离[{re.escape(chars)}](?![志事级])", f"离开{short}", question)
        return self._relevel(question, was.level, now.level)

    def _without_unknown(self, question: str) -> str:
        """``question`` without the places outside the knowledge base it names (and what joined them): 「大同和太原
        的常务会…」 asked again for 咸宁 is asked of 咸宁 alone, 太原 gives way with 大同."""
        said = [p if p in question else p[:-1] for p in self.detector.detect(question).unknown]
        said = [p for p in said if len(p) >= 2 and p in question]
        if not said:
            return question
        names = "|".join(re.escape(p) for p in sorted(said, key=len, reverse=True))
        # with the word joining it to the places kept (「大同和太原的」 → 「大同的」, 「太原、大同」 → 「大同」)
        question = re.sub(rf"(?:以及|[和与及、])(?:{names})|(?:{names})(?:以及|[和与及、])?", "", question)
        return JOINED.sub("", question)

    def unplaced(self, question: str, old: str | None, new: Sequence[str]) -> str:
        """「大同副市长出差请假找谁」 to be asked again for 咸宁 and 朝阳: 「副市长出差请假找谁」, the old
        place's name taken out (titles follow the new places' level when they share one)."""
        registry = self.detector.registry
        places = [registry.by_slug[c] for c in new if c in registry.by_slug]
        levels = {p.level for p in places}
        if old in registry.by_slug:
            question = self._without(question, [old])
            if len(levels) == 1:
                question = self._relevel(question, registry.by_slug[old].level, next(iter(levels)))
        else:
            question = self._without(question, self.detector.detect(question).cities)
        return question

    def _without(self, question: str, slugs: Sequence[str]) -> str:
        """``question`` with the names of the places ``slugs`` (and what joined them) taken out."""
        registry = self.detector.registry
        names = [n for c in slugs if c in registry.by_slug for n in registry.by_slug[c].names]
        pattern = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
        return JOINED.sub("", re.sub(pattern, "", question)) if pattern else question

    def at_level(self, question: str, level: str) -> str:
        """A question asked of several places, at one place's ``level``: 「各地市长出差期间由谁代行职务」 asks
        城区 about its 区长, and 「全区性会议」 asks 咸宁 about its 全市性会议 (only when the question's titles
        are all of one level: not 「市长/区长」)."""
        bare = self.strip_places(question)
        said = {m.group(0) for m in re.finditer(rf"[{LEVELS}](?={_TITLE_AFTER.pattern})|(?<=全)[{LEVELS}](?=性)", bare)}
        # a level no jurisdiction here has (县长 where there are only 市 and 区) is a lower government's, kept
        held = {j.level for j in self.detector.registry.jurisdictions}
        return self._relevel(question, said.pop(), level) if len(said) == 1 and said <= held else question

    def _relevel(self, question: str, old: str, new: str) -> str:
        """Titles and bodies named by the old level (区长, 副区长, 区政府, 全区性, 区直) in the new one's;
        place names (城区, 咸安区) and lists of levels (县（市、区）, 县区) are left as they are."""
        if old == new or old not in LEVELS or new not in LEVELS:
            return question
        places = [(m.start(), m.end()) for n in self.place_names if n for m in re.finditer(re.escape(n), question)]

        def level_word(m: re.Match[str]) -> str:
            at = m.start()
            if any(a <= at < b for a, b in places):
                return m.group(0)  # inside a place name
            before = question[at - 1] if at else ""
            if before and (before in "）)、（(" or (before in LEVELS and not any(b == at for _, b in places))):
                return m.group(0)  # 县（市、区）, 县区: levels listed, not a title
            if before == new and any(b == at for _, b in places) and question.startswith("人民政府", m.end()):
                return ""  # 「晋城市城区人民政府」: the place's full name says its level (not 「…城区区人民政府」)
            return new

        return re.sub(rf"{old}(?={_TITLE_AFTER.pattern})|(?<=全){old}(?=性)", level_word, question)
