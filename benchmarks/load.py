"""Load check: 50 concurrent clients for 30 s against /api/ask on 127.0.0.1.

    python benchmarks/load.py                       # starts `assistant serve` on a free port
    python benchmarks/load.py --url http://127.0.0.1:7860 --clients 50 --seconds 30
    python benchmarks/load.py --slow-llm 3          # also the same run with a slow LLM endpoint (3 s)

Bounded in count and time (stops by itself); reports requests, errors, throughput and latency
percentiles. The server runs in its own process with rate limiting off.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import math
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

REPO = Path(__file__).resolve().parents[1]
QUESTIONS = [
    (json.loads(line)["question"], json.loads(line)["city"])
    for f in sorted((REPO / "evals" / "gold").glob("*.jsonl"))
    for line in f.read_text(encoding="utf-8").splitlines()
    if line.strip()
]
MAX_REQUESTS = 100_000


def percentile(values: list[float], q: float) -> float:
    s = sorted(values)
    return s[max(0, math.ceil(q / 100 * len(s)) - 1)] if s else 0.0


async def client(
    n: int, url: str, deadline: float, latencies: list[float], errors: list[str], budget: list[int]
) -> None:
    async with httpx.AsyncClient(base_url=url, timeout=30) as http:
        i = n
        while time.monotonic() < deadline and budget[0] > 0:
            budget[0] -= 1
            question, city = QUESTIONS[i % len(QUESTIONS)]
            i += 7
            t = time.perf_counter()
            try:
                r = await http.post("/api/ask", json={"question": question, "city": city})
                if r.status_code == 503:  # the queue limit: busy, come back after Retry-After, as clients should
                    errors.append("busy")
                    await asyncio.sleep(
                        min(float(r.headers.get("Retry-After", "1")), max(0.0, deadline - time.monotonic()))
                    )
                elif r.status_code != 200:
                    errors.append(f"HTTP {r.status_code}")
            except httpx.HTTPError as e:
                errors.append(type(e).__name__)
            latencies.append((time.perf_counter() - t) * 1000)


async def run(url: str, clients: int, seconds: float) -> dict[str, float | str]:
    latencies: list[float] = []
    errors: list[str] = []
    budget = [MAX_REQUESTS]
    start = time.monotonic()
    await asyncio.gather(*(client(n, url, start + seconds, latencies, errors, budget) for n in range(clients)))
    elapsed = time.monotonic() - start
    return {
        "clients": clients,
        "seconds": round(elapsed, 1),
        "requests": len(latencies),
        "busy_503": errors.count("busy"),
        "errors": len(errors) - errors.count("busy"),
        "requests_per_s": round(len(latencies) / elapsed, 1),
        "p50_ms": round(percentile(latencies, 50), 1),
        "p95_ms": round(percentile(latencies, 95), 1),
        "p99_ms": round(percentile(latencies, 99), 1),
    }


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def serve(extra_env: dict[str, str]) -> tuple[subprocess.Popen[bytes], str]:
    """`assistant serve` on a free port with rate limiting off (and ``extra_env``); waits until healthy."""
    port = free_port()
    env = os.environ | {"ASSISTANT_RATE_LIMIT": "0"} | extra_env
    exe = Path(sys.executable).with_name("assistant")
    proc = subprocess.Popen([str(exe), "serve", "--port", str(port)], env=env, stdout=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    for _ in range(600):
        try:
            if httpx.get(url + "/healthz", timeout=1).status_code == 200:
                break
        except httpx.HTTPError:
            time.sleep(0.2)
    return proc, url


def measured(label: str, extra_env: dict[str, str], args: argparse.Namespace) -> dict[str, float | str]:
    proc, url = serve(extra_env) if not args.url else (None, args.url)
    try:
        return {"run": label} | asyncio.run(run(url, args.clients, args.seconds))
    finally:
        if proc:
            proc.terminate()
            proc.wait(timeout=20)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--url")
    ap.add_argument("--clients", type=int, default=50)
    ap.add_argument("--seconds", type=float, default=30)
    ap.add_argument("--slow-llm", type=float, default=0, help="also run with an LLM endpoint that takes this long")
    args = ap.parse_args()
    rows = [measured("extractive", {}, args)]
    if args.slow_llm and not args.url:
        from slow_llm import start

        port = free_port()
        fake = start(port, args.slow_llm)
        llm_env = {"OPENAI_BASE_URL": f"http://127.0.0.1:{port}/v1", "OPENAI_API_KEY": "unused"}
        rows.append(measured(f"LLM endpoint taking {args.slow_llm:g} s", llm_env, args))
        fake.should_exit = True
    print("| " + " | ".join(rows[0]) + " |\n|" + "---|" * len(rows[0]))
    for result in rows:
        print("| " + " | ".join(str(v) for v in result.values()) + " |")
    if any(r["errors"] for r in rows):
        sys.exit(1)


if __name__ == "__main__":
    main()
