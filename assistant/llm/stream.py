"""Streaming answers, extractive or LLM-written, as events.

``llm_events(...)`` / ``extractive_events(...)`` yield ``Event("delta", text)`` pieces to show as they come, possibly an
``Event("reset")`` (discard what was shown: the LLM answer failed verification and the
extractive answer replaces it), and always ends with ``Event("answer", answer=...)``, the
authoritative, verified ``Answer``. LLM text is released sentence by sentence, each only after
it verifies, so an invented clause is never shown.
"""

from __future__ import annotations

import queue
import re
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import replace

from assistant.llm.client import REFUSAL, LLMAnswerer, LLMUnavailable
from assistant.llm.verify import Check, display, verbatim, verify
from assistant.models import Answer, Article, Citation, Event, Reason
from assistant.textnorm import SENTENCE_END

_END = re.compile(rf"[{SENTENCE_END}\n](\s*\[\d{{1,3}}\])*")
BestQuote = Callable[[Article], str]


def pieces(text: str, size: int = 16) -> Iterator[str]:
    """``text`` in slices of ``size`` characters, for streaming an answer that is already known."""
    for i in range(0, len(text), size):
        yield text[i : i + size]


def chunks(text: str, size: int = 16) -> Iterator[Event]:
    return (Event("delta", piece) for piece in pieces(text, size))


def extractive_events(answer: Answer) -> Iterator[Event]:
    yield from chunks(answer.answer)
    yield Event("answer", answer=answer)


def _complete(buffer: str) -> tuple[str, str]:
    """Split off the complete sentences at the head of ``buffer``: a sentence is complete once
    something other than its citation markers follows it."""
    cut = 0
    for m in _END.finditer(buffer):
        rest = buffer[m.end() :].lstrip()
        if rest and not rest.startswith("["):
            cut = m.end()
    return buffer[:cut], buffer[cut:]


def within(pieces: Iterator[str], deadline: float) -> Iterator[str]:
    """``pieces`` as they come, but never waiting past ``deadline`` seconds from now in total.

    The model's stream is read in a daemon thread (a blocked socket read cannot be interrupted
    from here); on the deadline this raises ``LLMUnavailable`` and the reader is abandoned: its
    own request timeout (never longer than the deadline) ends it.
    """
    end = time.monotonic() + deadline
    box: queue.Queue[tuple[str, object]] = queue.Queue()

    def read() -> None:
        try:
            for piece in pieces:
                box.put(("piece", piece))
            box.put(("end", None))
        except BaseException as e:  # handed to the consumer, which raises it
            box.put(("error", e))

    threading.Thread(target=read, name="llm-stream", daemon=True).start()
    while True:
        try:
            kind, value = box.get(timeout=max(0.0, end - time.monotonic()))
        except queue.Empty:
            raise LLMUnavailable(f"未在 {deadline:g} 秒内完成回答") from None
        if kind == "end":
            return
        if kind == "error":
            raise value  # type: ignore[misc]
        yield str(value)


def llm_events(
    llm: LLMAnswerer,
    question: str,
    base: Answer,
    best_quote: BestQuote,
    uncited_max_chars: int,
    deadline: float = 15.0,
) -> Iterator[Event]:
    """Generate with the LLM over ``base.retrieved``; fall back to ``base`` on any failure."""
    t0 = time.perf_counter()
    articles = llm.pack(list(base.retrieved))
    scope = {base.city} if base.city else {a.city for a in articles}
    shown = False
    buffer = ""
    full = ""

    def fallback(reason: Reason, detail: str, checks: tuple[Check, ...] = ()) -> Iterator[Event]:
        if shown:
            yield Event("reset")
        yield from chunks(base.answer)
        notice = f"{base.notice}{detail}，以下为条文原文回答。"  # after the scope's notice, if any
        timings = base.timings_ms | {"llm": (time.perf_counter() - t0) * 1000}
        verification = tuple(c.to_dict() for c in checks)
        changed = replace(base, reason=reason, notice=notice, verification=verification, timings_ms=timings)
        yield Event("answer", answer=changed)

    try:
        for piece in within(llm.stream(question, articles), deadline):
            buffer += piece
            full += piece
            done, buffer = _complete(buffer)
            if not done:
                continue
            if full.strip().startswith(REFUSAL[:8]):
                continue  # a refusal: decided at the end
            v = verify(done, articles, scope, REFUSAL, uncited_max_chars)
            if not v.ok and (v.checks or v.uncited):
                yield from fallback(Reason.LLM_UNVERIFIED, _unverified(v.problems()), v.checks)
                return
            shown = True
            yield Event("delta", display(done, articles))
    except LLMUnavailable as e:
        reason = Reason.LLM_TIMEOUT if time.perf_counter() - t0 >= deadline else Reason.LLM_UNAVAILABLE
        yield from fallback(reason, f"大模型服务暂不可用：{e}")
        return
    result = verify(full, articles, scope, REFUSAL, uncited_max_chars)
    if result.refused:
        # The model says the articles do not answer; our evidence says they do.
        yield from fallback(Reason.LLM_DECLINED, "大模型未能作答")
        return
    if not result.ok:
        yield from fallback(Reason.LLM_UNVERIFIED, _unverified(result.problems()), result.checks)
        return
    if buffer.strip():
        yield Event("delta", display(buffer, articles))
    citations = _citations(result.checks, articles, best_quote)
    answer = Answer(
        answer=display(full, articles),
        refused=False,
        city=base.city,
        citations=citations,
        retrieved=base.retrieved,
        timings_ms=base.timings_ms | {"llm": (time.perf_counter() - t0) * 1000},
        mode="llm",
        verification=tuple(c.to_dict() for c in result.checks),
        reason=base.reason,  # the scope changed, instructions set aside …: said as in the extract
        notice=base.notice,
    )
    yield Event("answer", answer=answer)


def _unverified(problems: list[str]) -> str:
    """A plain notice that never repeats the rejected text itself."""
    return "大模型回答未通过核验（" + "；".join(problems[:2]) + "）"


def _citations(checks: tuple[Check, ...], articles: list[Article], best_quote: BestQuote) -> tuple[Citation, ...]:
    """One citation per verified (article, quote); an article cited without a quote gets its best clause."""
    by_id = {a.id: a for a in articles}
    out: list[Citation] = []
    seen: set[tuple[str, str]] = set()
    for c in checks:
        if c.article_id is None:
            continue
        art = by_id[c.article_id]
        quote = verbatim(c.quote, art) if c.quote else None
        if quote is None:
            quote = best_quote(art)
        if (art.id, quote) not in seen:
            seen.add((art.id, quote))
            out.append(Citation(art, quote))
    return tuple(out)
