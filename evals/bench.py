"""python -m evals bench: ingest (cold, no-op), warm answer latency, cold CLI, memory,
and recall@5 per retrieval mode. Figures are printed, never asserted."""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from ingest.index import build_index
from ingest.settings import PROJECT_ROOT, Settings

from .cases import load_cases
from .metrics import related


def _pct(values: list[float], q: int) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1] if len(values) > 1 else values[0]


def bench_ingest(settings: Settings) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        s = replace(settings, index_dir=Path(tmp) / "index")
        t0 = time.perf_counter()
        cold = build_index(s, progress=False)
        cold_s = time.perf_counter() - t0
        t0 = time.perf_counter()
        build_index(s, progress=False)
        noop_s = time.perf_counter() - t0
    return {"ingest_cold_s": cold_s, "ingest_noop_s": noop_s, "units": cold.units,
            "embed_units_per_s": cold.units / cold_s if cold_s else 0.0}


def bench_answers(settings: Settings) -> dict[str, float]:
    from assistant.chain import Assistant

    assistant = Assistant(settings)
    questions = [c.question for c in load_cases()]
    assistant.ask(questions[0])  # warm-up: models and index load once
    times = []
    for q in questions:
        t0 = time.perf_counter()
        assistant.ask(q)
        times.append((time.perf_counter() - t0) * 1000)
    modes = {}
    cases = [c for c in load_cases(split="test") if c.gold]
    for mode in ("bm25", "dense", "hybrid"):
        total = 0.0
        for c in cases:
            got = [h.clause_id for h in assistant.searcher.search(c.question, k=5, mode=mode)]
            found = sum(1 for g in c.gold if any(related(r, g) for r in got))
            total += found / min(len(c.gold), 5)
        modes[f"recall@5_{mode}_test"] = total / len(cases)
    return {"answer_p50_ms": _pct(times, 50), "answer_p95_ms": _pct(times, 95), "answer_max_ms": max(times),
            "questions": len(times), **modes,
            "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def bench_cold_cli(settings: Settings, runs: int = 3) -> dict[str, float]:
    env = dict(os.environ, POLICYQA_INDEX=str(settings.index_dir), POLICYQA_CORPUS=str(settings.corpus_dir))
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-m", "assistant", "ask", "--json", "注销抵押登记多久办结？"],
                       cwd=PROJECT_ROOT, env=env, capture_output=True, check=True)
        times.append(time.perf_counter() - t0)
    return {"cold_cli_s_median": statistics.median(times),
            "cold_cli_peak_rss_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}


def main_bench(quick: bool = False) -> int:
    settings = Settings.from_env()
    build_index(settings, progress=False)
    figures: dict[str, float] = {}
    if not quick:
        print("ingest (cold, into a temporary index) …", file=sys.stderr)
        figures.update(bench_ingest(settings))
    print("warm answers over the eval questions …", file=sys.stderr)
    figures.update(bench_answers(settings))
    print("cold CLI …", file=sys.stderr)
    figures.update(bench_cold_cli(settings))
    width = max(len(k) for k in figures)
    for k, v in figures.items():
        print(f"{k:<{width}}  {v:10.3f}")
    return 0
