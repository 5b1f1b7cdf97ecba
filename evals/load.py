"""python -m evals load: the web UI under concurrent clients (a benchmark, not a unit test).
Starts the app on a free port, runs N clients for S seconds through the app's API, prints
p50/p95, errors, "busy" replies and the server's memory growth."""

from __future__ import annotations

import os
import random
import statistics
import subprocess
import sys
import threading
import time

from ingest.settings import PROJECT_ROOT

from .cases import load_cases
from .procs import free_port, wait_until_up


def _rss_mb(pid: int) -> float:
    try:
        for line in open(f"/proc/{pid}/status"):
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return float("nan")


def start_app(env_extra: dict[str, str] | None = None) -> tuple[subprocess.Popen, str]:
    port = free_port()
    env = dict(os.environ, POLICYQA_PORT=str(port), GRADIO_ANALYTICS_ENABLED="False", **(env_extra or {}))
    proc = subprocess.Popen([sys.executable, "app.py"], cwd=PROJECT_ROOT, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/"
    if wait_until_up(url, proc):
        return proc, url
    proc.kill()
    raise RuntimeError("the app did not start")


def run_clients(url: str, clients: int, seconds: float) -> dict[str, float]:
    from gradio_client import Client

    questions = [c.question for c in load_cases()]
    latencies: list[float] = []
    errors: list[str] = []
    busy = [0]
    lock = threading.Lock()
    deadline = time.time() + seconds

    def worker(seed: int) -> None:
        rng = random.Random(seed)
        client = Client(url, verbose=False)
        while time.time() < deadline:
            q = rng.choice(questions)
            t0 = time.perf_counter()
            try:
                html = client.predict(q, [], api_name="/ask")[0]
                ok = "data-testid=\"answer\"" in html
                with lock:
                    latencies.append((time.perf_counter() - t0) * 1000)
                    if "系统繁忙" in html:
                        busy[0] += 1
                    elif not ok:
                        errors.append("no answer in reply")
            except Exception as exc:  # noqa: BLE001 - every failure is counted, none stops the run
                with lock:
                    # gradio's queue refuses a request when it is full: that is a "busy" reply
                    if "queue" in str(exc).lower() and "full" in str(exc).lower():
                        busy[0] += 1
                    else:
                        errors.append(repr(exc)[:120])

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    q = statistics.quantiles(latencies, n=100, method="inclusive") if len(latencies) > 1 else [0.0] * 99
    return {"clients": clients, "seconds": seconds, "requests": len(latencies), "errors": len(errors),
            "busy": busy[0], "p50_ms": q[49], "p95_ms": q[94], "rps": len(latencies) / seconds}


def main_load(clients: list[int], seconds: float, queue_size: int | None = None) -> int:
    extra = {"POLICYQA_QUEUE_SIZE": str(queue_size)} if queue_size else {}
    proc, url = start_app(extra)
    try:
        rss0 = _rss_mb(proc.pid)
        for n in clients:
            r = run_clients(url, n, seconds)
            r["rss_mb"] = _rss_mb(proc.pid)
            print("  ".join(f"{k}={v:.1f}" if isinstance(v, float) else f"{k}={v}" for k, v in r.items()), flush=True)
        print(f"server memory: {rss0:.0f} MB at start -> {_rss_mb(proc.pid):.0f} MB at end")
    finally:
        proc.terminate()
        proc.wait(timeout=20)
    return 0
