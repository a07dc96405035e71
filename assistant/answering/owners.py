"""Whose meeting: 「朝阳下面县（市）区政府的常务会多久开一次」 asks of the counties' own meetings.

A city's (or a district's) rules set its own government's meetings. A question about the meeting of a lower
government (县, 乡, 镇, 街道, 村) is not answered by a clause that names no meeting of such a body: 「市政府
常务会议一般每月召开2次」 is the city's, whatever the counties do.
"""

from __future__ import annotations

import re

from assistant.textnorm import normalize

_LOWER = r"(?:县|乡|镇|街道|村)"
_MEETING = r"(?:常务会|全体会|专题会|办公会)"
# 「县（市）区政府的常务会」, 「乡镇的全体会」, 「县常务会」: the meeting is the lower body's own
_LOWER_MEETING = re.compile(rf"{_LOWER}(?:[^，。？?；;]{{0,6}}?政府)?的?{_MEETING}")


def lower_meeting_unsaid(question: str, clause: str) -> bool:
    """``question`` asks of a lower government's meeting and ``clause`` names none."""
    return bool(_LOWER_MEETING.search(normalize(question))) and not _LOWER_MEETING.search(normalize(clause))
