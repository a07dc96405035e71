"""Fit the refusal model on the development sets, under cross-validation (scikit-learn).

One example per gold question: the ``Signals`` of the top article for the question (as the
conversation resolves it), in its first city in scope. Label 1 when the rules answer it and that
top article is a right one; 0 when the rules do not answer it, or the top article is wrong
(answering then would cite a wrong article, which is worse than no answer).

Every city (corpus) counts equally (sample weights): the national regulations of
``--corpus evals/untuned-dev`` weigh as much as one city, so refusal is not learned from the
documents the lexicon was built on alone.
Logistic regression on standardised signals, its regularisation chosen by inner cross-validation;
the answer threshold maximises ``answered right − false_answer_cost × answered wrongly − refused
wrongly`` summed over repeated inner cross-validations' out-of-fold probabilities (one split's
maximum wanders on a flat curve).
Reported: each held-out fold's false-refusal rate, unanswerable-refused rate and wrong-answer
rate, and their means; and the same with each city (corpus) held out in turn, fitted on the
others: what a user adding documents nobody tuned for can expect. The final model is fitted on
all examples and saved as plain numbers.
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
THRESHOLD_REPEATS = 5  # repeated inner cross-validation for the threshold


@dataclass(frozen=True)
class Example:
    id: str
    signals: Signals
    answerable: bool
    label: int  # 1: answering would be right
    group: str  # the city (corpus) it was asked of: held out together to measure transfer


def asked(assistant: Assistant, item: GoldItem) -> tuple[str, str | None, int]:
    """A gold question as the conversation resolves it, the place it is asked of first (None: every place), and
    how many places it names."""
    turn = assistant.dialogue.resolve([*item.row.history, item.row.question], item.row.city)
    q = assistant.clean_question(turn.question)
    detected = assistant.detector.detect(q)
    city = turn.city if turn.city and not detected.cities else (detected.cities or (None,))[0]
    return q, city, len(detected.cities)


def examples(assistant: Assistant, items: list[GoldItem]) -> list[Example]:
    out: list[Example] = []
    for item in items:
        q, city, _ = asked(assistant, item)
        if city is None:
            continue  # questions over every city: decided per city, not one example
        drafts, _ = assistant.drafts(q, [city], {})
        draft = drafts[0][1] if drafts else None
        hits = drafts[0][2] if drafts else ()
        if draft is None or draft.signals is None or not hits:
            continue
        right = item.row.answerable and hits[0].article.id in item.all_gold
        out.append(Example(item.row.id, draft.signals, item.row.answerable, int(right), city))
    return out


def _utility(p: np.ndarray, y: np.ndarray, threshold: float, sw: np.ndarray) -> float:
    answer = p >= threshold
    gain = (answer & (y == 1)) * 1.0 - FALSE_ANSWER_COST * (answer & (y == 0)) - (~answer & (y == 1))
    return float(np.sum(sw * gain))


def corpus_weights(groups: list[str]) -> np.ndarray:
    """Sample weights under which every city (corpus) counts equally, however many questions it has."""
    g = np.array(groups)
    sizes = {k: int(np.sum(g == k)) for k in set(groups)}
    return np.array([len(groups) / (len(sizes) * sizes[k]) for k in groups])


def _fit(x: np.ndarray, y: np.ndarray, sw: np.ndarray) -> tuple[Any, float]:
    """The regularisation strength by inner cross-validation (log loss), the threshold on inner
    out-of-fold probabilities (not on the training fit, which is over-confident)."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import log_loss
    from sklearn.model_selection import StratifiedKFold, cross_val_predict
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    params = {"logisticregression__sample_weight": sw}

    def held_out(c: float, seed: int = 0) -> np.ndarray:
        inner = StratifiedKFold(INNER_FOLDS, shuffle=True, random_state=seed)
        model = make_pipeline(StandardScaler(), LogisticRegression(C=c, max_iter=1000))
        return np.asarray(cross_val_predict(model, x, y, cv=inner, method="predict_proba", params=params))[:, 1]

    c = min(C_GRID, key=lambda c: log_loss(y, held_out(c), sample_weight=sw))
    model = make_pipeline(StandardScaler(), LogisticRegression(C=c, max_iter=1000))
    # The utility is flat near its top, so one split's argmax wanders: sum it over repeated splits.
    runs = [held_out(c, seed) for seed in range(THRESHOLD_REPEATS)]
    threshold = max(THRESHOLDS, key=lambda t: sum(_utility(p, y, t, sw) for p in runs))
    model.fit(x, y, **params)
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
    sw = corpus_weights([e.group for e in exs])
    report: dict[str, Any] = {"examples": len(exs), "positives": int(y.sum()), "folds": []}
    for train, test in StratifiedKFold(folds, shuffle=True, random_state=seed).split(x, y):
        model, threshold = _fit(x[train], y[train], sw[train])
        answer = model.predict_proba(x[test])[:, 1] >= threshold
        report["folds"].append({"threshold": threshold, **_rates(answer, [exs[i] for i in test])})
    keys = ("false_refusal_rate", "unanswerable_refused", "wrong_answer_rate")
    report["mean"] = {k: float(np.mean([f[k] for f in report["folds"]])) for k in keys}
    report["held_out_corpus"] = _by_group(x, y, exs)
    model, threshold = _fit(x, y, sw)
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


def _by_group(x: np.ndarray, y: np.ndarray, exs: list[Example]) -> dict[str, dict[str, float]]:
    """Leave one city (corpus) out: fit on the others, score the held-out one."""
    groups = np.array([e.group for e in exs])
    out: dict[str, dict[str, float]] = {}
    for g in sorted(set(groups.tolist())):
        test = groups == g
        train_y = y[~test]
        if len(set(train_y.tolist())) < 2:
            continue
        model, threshold = _fit(x[~test], train_y, corpus_weights(groups[~test].tolist()))
        answer = model.predict_proba(x[test])[:, 1] >= threshold
        out[g] = {"examples": float(test.sum()), **_rates(answer, [e for e, t in zip(exs, test, strict=True) if t])}
    return out


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
    for g, f in model.report.get("held_out_corpus", {}).items():
        table.add_row(f"留出 {g}（{int(f['examples'])} 题）", "", *(f"{f[k]:.3f}" for k in keys))
    return table
