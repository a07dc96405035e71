"""What a place's rule says instead of a number another place sets: the answer to a follow-up that compares.

「城区副区长出差要提前几天请假？」, then 「朝阳副市长呢？」: 朝阳's rules set no days, only that a vice mayor asks leave
beforehand (「应事先向市长请假」). Asked alone, that is no answer to 「提前几天」: the refusal says so and quotes it.
Asked right after another place's question, the user is comparing the two places, and what this place's rule says
instead is the answer — said as a comparison's cell says it (``messages.place_not_found``), and cited.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from assistant.answering.messages import place_not_found

if TYPE_CHECKING:
    from assistant.answering.drafting import Drafted
    from assistant.models import Answer

# rules that say when instead of how long or how often: beforehand (「事先请假」), when needed (「根据需要召开」)
ANSWERED_INSTEAD = ("lead", "as_needed")


def said_instead(answer: Answer, drafts: list[Drafted], place: str) -> Answer:
    """``answer`` (one place's, ``place`` its name) as the rule said instead, when it was refused for setting no
    number of the kind in ``ANSWERED_INSTEAD`` and quotes what its rule says; else ``answer`` unchanged."""
    if not answer.refused or len(drafts) != 1 or not answer.related:
        return answer
    draft = drafts[0][1]
    if draft.unstated not in ANSWERED_INSTEAD or not draft.said:
        return answer
    cited = answer.related[0]
    text = f"{place}的{place_not_found(cited.article, draft.unstated, draft.said)}"
    # answered, it is answered for its place (a refusal names none): a scope chosen elsewhere is then noticed
    scope = answer.scope or ((answer.city,) if answer.city else ())
    return replace(answer, answer=text, refused=False, citations=answer.related, related=(), reason=None, scope=scope)
