"""A synthetic bank rulebook (kept out of the corpus) and `python -m evals bench --scale N`:
ingest throughput, index size, memory, hybrid query latency and recall@5 of the eval set with
the real corpus inside N synthetic clauses. Each size runs in its own process for a clean peak."""

from __future__ import annotations

import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from ingest.load import SourceDoc, load_corpus
from ingest.numerals import int_to_cn
from ingest.settings import PROJECT_ROOT, Settings

from .procs import free_port, wait_until_up

BANKS = ["工商", "农业", "建设", "交通", "招商", "兴业", "浦发", "民生", "华夏", "光大", "中信", "平安", "广发",
         "北京", "上海", "江苏", "浙商", "徽商", "渤海", "恒丰", "长沙", "成都", "重庆", "西安", "郑州", "贵阳"]
REGIONS = ["东城", "西湖", "南山", "北塘", "滨江", "高新", "经开", "临港", "新区", "老城", "河西", "江北"]
PRODUCTS = ["设备按揭贷款", "订单融资", "仓单质押贷款", "知识产权质押贷款", "税易贷", "科创贷", "外贸贷", "商户经营贷",
            "供应链应收款融资", "农户联保贷款", "园区厂房贷", "绿色技改贷款"]
TOPICS = ["授信审批", "贷后检查", "押品管理", "利率定价", "风险分类", "额度管理", "档案管理", "还款管理", "征信查询",
          "保证担保", "合同签订", "资金支付"]
SHAPES = [
    "第{a}条 {bank}银行{region}支行办理{product}，单笔金额不得超过{n}万元。",
    "第{a}条 {product}的期限一般不超过{m}个月，确需延长的，应报{bank}银行分行审批。",
    "第{a}条 对{product}客户的{topic}应在{d}个工作日内完成，并留存记录。",
    "第{a}条 有下列情形之一的，不得办理{product}：(一){topic}不合规的；(二)近{y}年内有{k}次以上逾期的；(三)抵押物被查封的。",
    "第{a}条 {bank}银行{region}地区{topic}实行名单制管理，名单每{m}个月调整一次。",
    "第{a}条 {product}可以采用保证、抵押方式担保，不包括信用方式，抵押率不得高于{p}%。",
    "第{a}条 经办人员在{topic}中发现风险的，应于{h}小时内报告{bank}银行风险管理部门。",
    "第{a}条 {region}支行对{product}实行封闭管理，资金只能用于{topic}相关用途，不得挪用。",
]


def synthetic_rulebook(n_clauses: int, seed: int = 7, per_doc: int = 100) -> list[SourceDoc]:
    """About n_clauses articles in documents of ~per_doc articles, each with distinct names and numbers."""
    rng = random.Random(seed)
    docs = []
    for d in range(max(1, n_clauses // per_doc)):
        bank, region = rng.choice(BANKS), rng.choice(REGIONS)
        lines = [f"{bank}银行{region}分行小微企业信贷业务制度（第{d + 1}号）"]
        for chapter in range(1, 6):
            lines.append(f"第{int_to_cn(chapter)}章 {rng.choice(TOPICS)}")
            for a in range((chapter - 1) * per_doc // 5 + 1, chapter * per_doc // 5 + 1):
                lines.append(rng.choice(SHAPES).format(
                    a=int_to_cn(a), bank=bank, region=rng.choice(REGIONS), product=rng.choice(PRODUCTS),
                    topic=rng.choice(TOPICS), n=rng.choice([50, 100, 200, 300, 500, 800, 1000, 1500, 3000]),
                    m=rng.choice([3, 6, 12, 18, 24, 36]), d=rng.choice([1, 2, 3, 5, 7, 10, 15]),
                    y=rng.choice([1, 2, 3]), k=rng.choice([2, 3, 4, 6]), p=rng.choice([50, 60, 70, 80]),
                    h=rng.choice([2, 4, 12, 24, 48])))
        docs.append(SourceDoc(doc_id=f"synthetic-{d:05d}", title=lines[0], issuer=f"{bank}银行", kind="管理办法",
                              level="bank", text="\n".join(lines) + "\n", source="synthetic", path="synthetic"))
    return docs


def _du(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def measure(n: int, embedding: str, server: bool) -> dict:
    """One size, one mode, in this process."""
    from assistant.retrieve import HybridSearcher
    from evals.cases import load_cases
    from evals.metrics import related
    from ingest.index import build_index, current_generation

    tmp = Path(tempfile.mkdtemp(prefix="policyqa-scale-"))
    proc = None
    try:
        settings = replace(Settings.from_env(), index_dir=tmp / "index", embedding=embedding, chroma_url=None)
        if server:
            port = free_port()
            chroma = shutil.which("chroma") or str(Path(sys.executable).parent / "chroma")
            proc = subprocess.Popen([chroma, "run", "--host", "127.0.0.1", "--port", str(port), "--path", str(tmp / "srv")],
                                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            settings = replace(settings, chroma_url=f"http://127.0.0.1:{port}")
            if not wait_until_up(settings.chroma_url + "/api/v2/heartbeat", proc):
                raise RuntimeError("the Chroma server did not start")
        real, _ = load_corpus(settings.corpus_dir)
        docs = real + synthetic_rulebook(n)
        report = build_index(settings, progress=False, docs=docs)
        gen = current_generation(settings.index_dir)
        searcher = HybridSearcher(settings)
        cases = [c for c in load_cases() if c.gold]
        searcher.search(cases[0].question)
        times, recall = [], 0.0
        for c in cases:
            t0 = time.perf_counter()
            got = [h.clause_id for h in searcher.search(c.question, k=5)]
            times.append((time.perf_counter() - t0) * 1000)
            recall += sum(1 for g in c.gold if any(related(r, g) for r in got)) / min(len(c.gold), 5)
        q = statistics.quantiles(times, n=100, method="inclusive")
        ph = report.phases or {}
        size = _du(gen) + (_du(tmp / "srv") if server else 0)
        return {"clauses_target": n, "units": report.units, "mode": "server" if server else "embedded",
                "embedding": embedding, "ingest_s": round(report.seconds, 1),
                "embed_units_per_s": round(report.units / ph["embed"], 1) if ph.get("embed") else None,
                "bm25_units_per_s": round(report.units / ph["bm25"], 1) if ph.get("bm25") else None,
                "store_units_per_s": round(report.units / ph["store"], 1) if ph.get("store") else None,
                "index_mb": round(size / 2**20, 1), "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
                "query_p50_ms": round(q[49], 1), "query_p95_ms": round(q[94], 1),
                "recall@5_eval": round(recall / len(cases), 3)}
    finally:
        if proc:
            proc.terminate()
            proc.wait(timeout=20)
        shutil.rmtree(tmp, ignore_errors=True)


def main_scale(sizes: list[int], embedding: str, modes: list[str]) -> int:
    for n in sizes:
        for mode in modes:
            cmd = [sys.executable, "-c", "import json,sys; from evals.scale import measure; "
                   f"print(json.dumps(measure({n}, {embedding!r}, {mode == 'server'})))"]
            out = subprocess.run(cmd, cwd=PROJECT_ROOT, capture_output=True, text=True, env=dict(os.environ))
            if out.returncode != 0:
                print(f"scale {n} {mode}: failed\n{out.stderr[-1500:]}", file=sys.stderr)
                return 1
            print(out.stdout.strip().splitlines()[-1], flush=True)
    return 0
