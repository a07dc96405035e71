"""Whether to answer: a calibrated decision from the evidence for the top article.

``Signals`` are what the answerer knows about its best article for a question: how much of the
question it covers, how well its best clause answers, dense similarity, retrieval agreement,
terms found nowhere in the knowledge base, and whether an asked quantity is stated at all.
``RefusalModel`` is a logistic model over them, fitted with scikit-learn under cross-validation
on the development sets (``assistant calibrate``, see ``evaluation/calibrate.py``) and stored as
plain numbers in ``assistant/data/refusal.json``; scoring needs only numpy. Without a model file
the hand-set thresholds of ``Weights`` decide.
"""

from __future__ import annotations

import json
import math
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from assistant.answering.asking import QUESTION_TYPES, listing_asked, prohibits, question_types
from assistant.answering.quantities import asked, asked_unit
from assistant.answering.roles import leads_alone
from assistant.answering.timing import lead_time_filled
from assistant.errors import ConfigError


@dataclass(frozen=True)
class Signals:
    coverage: float  # share of the question's term weight found in the article
    clause_coverage: float  # … in its best clause
    clause_score: float  # the best clause's score (coverage × answer type × word order)
    dense_gap: float  # the top article's cosine similarity above the query's median candidate (corpus-relative)
    dense_max_gap: float  # … the best among the top three
    unknown_share: float  # weight of terms no article contains
    missing_nouns: float  # weight share of the question's nouns (things asked about) the article lacks
    most_specific_missing: float  # weight of the most specific term it lacks, relative to the question's top term
    asks_quantity: float  # 1 when the question asks for a time, frequency or count
    quantity_unstated: float  # 1 when it does and the article states none of that kind
    margin: float  # top score minus the best other article that does not repeat its best clause (reranked)
    lexical_found: float  # 1 when BM25 found the top article at all
    groups: float  # number of content term groups in the question
    plain_coverage: float  # coverage when no quantity is asked (0 otherwise): full coverage then suffices
    quantity_in_clause: float  # 1 when a quantity is asked and the best clause itself states one of that kind
    clause_similarity: float  # the highest cosine between the question and a clause of the top article
    kind_mismatch: float  # 1 when the question names a kind of meeting the best clause is not about
    role_mismatch: float  # 1 when the question is about a role the best clause is not about (its subject)
    city_missing: float  # weight share of the question's terms that no article of the top article's city contains

    def vector(self) -> list[float]:
        return [float(v) for v in asdict(self).values()]

    @classmethod
    def names(cls) -> list[str]:
        return list(cls.__dataclass_fields__)


@dataclass(frozen=True)
class RefusalModel:
    features: tuple[str, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    coef: tuple[float, ...]
    intercept: float
    threshold: float  # answer when the probability is at least this
    report: dict[str, Any]  # cross-validation figures, for the record

    def probability(self, signals: Signals) -> float:
        x = signals.vector()
        z = self.intercept + sum(
            c * (v - m) / s for c, v, m, s in zip(self.coef, x, self.mean, self.scale, strict=True)
        )
        return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, z))))

    def answers(self, signals: Signals) -> bool:
        return self.probability(signals) >= self.threshold

    def save(self, path: Path) -> None:
        path.write_text(json.dumps(asdict(self), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")

    @classmethod
    def load(cls, path: Path) -> RefusalModel:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            fields = {k: tuple(v) if isinstance(v, list) else v for k, v in data.items()}
            model = cls(**fields)  # type: ignore[arg-type]
        except (OSError, ValueError, TypeError) as e:
            raise ConfigError(f"拒答模型文件无法读取：{path.name}（{e}）") from None
        if list(model.features) != Signals.names():
            raise ConfigError(f"拒答模型 {path.name} 的特征与当前代码不符，请重新运行 assistant calibrate")
        return model


def complete_evidence(s: Signals, question: str, best: str = "") -> bool:
    """Evidence no weighing can outvote: the best clause (``best``) has every word of the question and fills
    what it asks — how often, a count in the unit asked (人数: 人), whether a meeting may be held outside its
    schedule (「能临时加开吗」: 「如有需要可随时召开」), or the days ahead of the doing asked (「提前几天通知」:
    「会前2日通知」, 「通知提前几天发」), or a role's duties asked and said by the clause whose own subject it is
    (「副秘书长是干啥的」: 「副秘书长按照工作分工协助副市长开展工作」), or the things a list asks for, enumerated —, for the meeting and role asked, with no word the rules lack, and the article ranks above
    the others (「专题会议多久开一次」: 「市政府专题会议根据工作需要不定期召开。」).
    A time asked (几天) is not enough: the days may be of another step (「报上去以后几天给批复」)."""
    kind = asked(question)
    quantity = kind == "frequency" or (kind == "count" and asked_unit(question) is not None)
    types = question_types(question)
    unscheduled = "unscheduled" in types and bool(QUESTION_TYPES["unscheduled"][1].search(best))
    # 「副秘书长是干啥的」: the role's own clause (its subject the role alone) says what it does
    duty = "duty" in types and bool(QUESTION_TYPES["duty"][1].search(best)) and leads_alone(question, best)
    # 「要建成哪几种政府」: 「…法治政府、创新政府、廉洁政府…」 lists the very things asked for
    listing = listing_asked(question, best)
    filled = (
        (quantity and s.quantity_in_clause > 0) or unscheduled or duty or listing or lead_time_filled(question, best)
    )
    return (
        # 「市领导能给企业题词吗」: 「不题词」 forbids it whatever it is for, the words of what it is for aside
        ((filled and s.clause_coverage >= 1.0) or prohibits(question, best))
        and not s.kind_mismatch
        and not s.role_mismatch
        and s.unknown_share == 0
        and s.lexical_found > 0
        and s.margin > 0
    )
