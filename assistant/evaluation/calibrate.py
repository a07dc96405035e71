"""Fit the refusal model on the development sets, under cross-validation (scikit-learn).

One example per gold question: the ``Signals`` of the top article for the question (as the
conversation resolves it), in its first city in scope. Label 1 when the rules answer it and that
top article is a right one; 0 when the rules do not answer it, or the top article is wrong
(answering then would cite a wrong article, which is worse than no answer).

Logistic regression on standardised signals, its regularisation chosen by inner cross-validation;
the answer threshold maximises ``answered right − false_answer_cost × answered wrongly − refused
wrongly`` on the training folds' inner out-of-fold probabilities.
Reported: each held-out fold's false-refusal rate, unanswerable-refused rate and wrong-answer
rate, and their means. The final model is fitted on all examples and saved as plain numbers.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from assistant.answering.pipeline import Assistant
from assistant.answering.refusal import RefusalModel, Signals
from assistant.evaluation.gold import GoldItem

FALSE_ANSWER_COST = 2.0  # answering what the rules do not say is worse than refusing an answerable one
THRESHOLDS = np.linspace(0.05, 0.95, 91)
C_GRID = np.logspace(-2, 1, 7)  # regularisation strengths tried by the inner cross-validation
INNER_FOLDS = 5


@dataclass(frozen=True)
class Example:
    id: str
    signals: Signals
    answerable: bool
    label: int  # 1: answering would be right


def examples(assistant: Assistant, items: list[GoldItem]) -> list[Example]:
    out: list[Example] = []
    for item in items:
        turn = assistant.dialogue.resolve([*item.row.history, item.row.question], item.row.city)
        q = assistant.clean_question(turn.question)
        detected = assistant.detector.detect(q)
        city = turn.city if turn.city and not detected.cities else (detected.cities or (None,))[0]
        if city is None:
            continue  # questions over every city: decided per city, not one example
        drafts, _ = assistant.drafts(q, [city], {})
        draft = drafts[0][1] if drafts else None
        hits = drafts[0][2] if drafts else ()
        if draft is None or draft.signals is None or not hits:
            continue
        right = item.row.answerable and hits[0].article.id in item.all_gold
        out.append(Example(item.row.id, draft.signals, item.row.answerable, int(right)))
    return out


def _utility(p: np.ndarray, y: np.ndarray, threshold: float) -> float:
    answer = p >= threshold
    return float(np.sum(answer & (y == 1)) - FALSE_ANSWER_COST * np.sum(answer & (y == 0)) - np.sum(~answer & (y == 1)))


def _fit(x: np.ndarray, y: np.ndarray) -> tuple[Any, float]:
    """The regularisation strength by inner cross-validation (log loss), the threshold on inner
    out-of-fold probabilities (not on the training fit, which is over-confident)."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import log_loss
    from sklearn.model_selection import StratifiedKFold, cross_val_predict
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    inner = StratifiedKFold(INNER_FOLDS, shuffle=True, random_state=0)

    def held_out(c: float) -> np.ndarray:
        model = make_pipeline(StandardScaler(), LogisticRegression(C=c, max_iter=1000))
        return np.asarray(cross_val_predict(model, x, y, cv=inner, method="predict_proba"))[:, 1]

    c = min(C_GRID, key=lambda c: log_loss(y, held_out(c)))
    model = make_pipeline(StandardScaler(), LogisticRegression(C=c, max_iter=1000))
    p = held_out(c)
    threshold = max(THRESHOLDS, key=lambda t: _utility(p, y, t))
    model.fit(x, y)
    return model, float(threshold)


def _rates(answer: np.ndarray, exs: list[Example]) -> dict[str, float]:
    answerable = np.array([e.answerable for e in exs])
    label = np.array([e.label for e in exs])
    n_ans = max(1, int(answerable.sum()))
    n_un = max(1, int((~answerable).sum()))
    return {
        "false_refusal_rate": float(np.sum(~answer & answerable) / n_ans),
        "unanswerable_refused": float(np.sum(~answer & ~answerable) / n_un),
        "wrong_answer_rate": float(np.sum(answer & (label == 0)) / max(1, int(answer.sum()))),
    }


def calibrate(exs: list[Example], folds: int = 5, seed: int = 0) -> RefusalModel:
    from sklearn.model_selection import StratifiedKFold

    x = np.array([e.signals.vector() for e in exs])
    y = np.array([e.label for e in exs])
    report: dict[str, Any] = {"examples": len(exs), "positives": int(y.sum()), "folds": []}
    for train, test in StratifiedKFold(folds, shuffle=True, random_state=seed).split(x, y):
        model, threshold = _fit(x[train], y[train])
        answer = model.predict_proba(x[test])[:, 1] >= threshold
        report["folds"].append({"threshold": threshold, **_rates(answer, [exs[i] for i in test])})
    keys = ("false_refusal_rate", "unanswerable_refused", "wrong_answer_rate")
    report["mean"] = {k: float(np.mean([f[k] for f in report["folds"]])) for k in keys}
    model, threshold = _fit(x, y)
    scaler, logistic = model.named_steps["standardscaler"], model.named_steps["logisticregression"]
    report["C"] = float(logistic.C)  # chosen by the inner cross-validation
    return RefusalModel(
        features=tuple(Signals.names()),
        mean=tuple(float(v) for v in scaler.mean_),
        scale=tuple(float(v) for v in scaler.scale_),
        coef=tuple(float(v) for v in logistic.coef_[0]),
        intercept=float(logistic.intercept_[0]),
        threshold=threshold,
        report=report,
    )


def report_table(model: RefusalModel, folds: int) -> Any:
    """The held-out folds of a fit, for a terminal (rich)."""
    from rich.table import Table

    table = Table(title=f"拒答模型：{model.report['examples']} 题，{folds} 折交叉验证（留出折）")
    for col in ("折", "阈值", "误拒率", "应拒已拒", "错答率"):
        table.add_column(col, justify="right")
    keys = ("false_refusal_rate", "unanswerable_refused", "wrong_answer_rate")
    for n, f in enumerate(model.report["folds"], 1):
        table.add_row(str(n), f"{f['threshold']:.3f}", *(f"{f[k]:.3f}" for k in keys))
    table.add_row("平均", "", *(f"{model.report['mean'][k]:.3f}" for k in keys))
    return table
