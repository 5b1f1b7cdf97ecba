"""Scoring one answer against its case, and aggregating per kind."""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass, field

from .cases import Case


def related(a: str, b: str) -> bool:
    """Same clause, or one contains the other (an article and its item)."""
    return a == b or a.startswith(b + ".") or b.startswith(a + ".")


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


@dataclass
class CaseResult:
    case: Case
    answer: dict
    retrieved: list[str]
    recall: dict[int, float] = field(default_factory=dict)
    hit: dict[int, float] = field(default_factory=dict)
    rr: float = 0.0
    verdict_ok: bool | None = None
    flip: bool = False      # 可以 where the answer is 不可以 (or the reverse), or either where documents differ
    fact_recall: float | None = None
    quotes_verbatim: int = 0
    citations: int = 0
    gold_citations: int = 0
    gold_in_top3: bool | None = None   # a gold clause among the first three citations
    reasons: list[str] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        return not self.reasons


def score_case(case: Case, answer: dict, doc_texts: dict[str, str]) -> CaseResult:
    retrieved = answer.get("retrieved", [])
    res = CaseResult(case, answer, retrieved)
    if case.gold:
        for k in (1, 3, 5):
            top = retrieved[:k]
            found = sum(1 for g in case.gold if any(related(r, g) for r in top))
            res.recall[k] = found / min(len(case.gold), k)
            res.hit[k] = 1.0 if found else 0.0
        ranks = [i for i, r in enumerate(retrieved) if any(related(r, g) for g in case.gold)]
        res.rr = 1.0 / (ranks[0] + 1) if ranks else 0.0
    abstained = bool(answer.get("abstained"))
    if case.kind == "oos":
        if not abstained:
            res.reasons.append("should abstain")
    elif abstained:
        res.reasons.append("abstained on an in-scope question")
    if case.kind == "yesno":
        res.verdict_ok = answer.get("verdict") == case.verdict
        got = answer.get("verdict")
        res.flip = (got in ("yes", "no") and case.verdict in ("yes", "no") and got != case.verdict) or (
            case.verdict == "depends" and got in ("yes", "no"))
        if not res.verdict_ok:
            res.reasons.append(f"verdict {answer.get('verdict')} != {case.verdict}")
    if case.facts:
        text = _squash(answer.get("answer", ""))
        found = [f for f in case.facts if _squash(f) in text]
        res.fact_recall = len(found) / len(case.facts)
        missing = [f for f in case.facts if f not in found]
        if missing:
            res.reasons.append(f"missing facts {missing}")
    for c in answer.get("citations", []):
        res.citations += 1
        doc = doc_texts.get(c["doc_id"], "")
        if doc[c["start"]:c["end"]] == c["quote"] and c["quote"] in c["text"]:
            res.quotes_verbatim += 1
        else:
            res.reasons.append(f"quote of {c['clause_id']} is not verbatim at its offsets")
        if any(related(c["clause_id"], g) for g in case.gold):
            res.gold_citations += 1
    if case.gold:
        res.gold_in_top3 = any(related(c["clause_id"], g) for c in answer.get("citations", [])[:3] for g in case.gold)
    if case.kind == "compare" and case.docs:
        cited = {c["doc_id"] for c in answer.get("citations", [])}
        missing_docs = [d for d in case.docs if d not in cited]
        if missing_docs:
            res.reasons.append(f"comparison misses documents {missing_docs}")
    return res


def _mean(values: list[float]) -> float | None:
    return sum(values) / len(values) if values else None


def _pct(values: list[float], q: float) -> float | None:
    if not values:
        return None
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[int(q) - 1]


def aggregate(results: list[CaseResult]) -> dict[str, float | None]:
    in_scope = [r for r in results if r.case.kind != "oos"]
    oos = [r for r in results if r.case.kind == "oos"]
    abstained = [r for r in results if r.answer.get("abstained")]
    cited = [r for r in in_scope if not r.answer.get("abstained")]
    lat = [r.answer.get("timings_ms", {}).get("total", 0.0) for r in results]
    return {
        "n": len(results),
        "recall@1": _mean([r.recall[1] for r in in_scope if r.recall]),
        "recall@3": _mean([r.recall[3] for r in in_scope if r.recall]),
        "recall@5": _mean([r.recall[5] for r in in_scope if r.recall]),
        "hit@5": _mean([r.hit[5] for r in in_scope if r.hit]),
        "mrr": _mean([r.rr for r in in_scope if r.case.gold]),
        "verdict_acc": _mean([1.0 if r.verdict_ok else 0.0 for r in results if r.verdict_ok is not None]),
        "flips": _mean([1.0 if r.flip else 0.0 for r in results if r.verdict_ok is not None]),
        "fact_recall": _mean([r.fact_recall for r in in_scope if r.fact_recall is not None]),
        "abstain_precision": (sum(1 for r in abstained if r.case.kind == "oos") / len(abstained)) if abstained else None,
        "abstain_recall": (sum(1 for r in oos if r.answer.get("abstained")) / len(oos)) if oos else None,
        "false_abstention": (sum(1 for r in in_scope if r.answer.get("abstained")) / len(in_scope)) if in_scope else None,
        "quotes_verbatim": (sum(r.quotes_verbatim for r in results) / max(1, sum(r.citations for r in results))),
        "cite@3": _mean([1.0 if r.gold_in_top3 else 0.0 for r in in_scope if r.gold_in_top3 is not None]),
        "gold_citations": (sum(r.gold_citations for r in cited) / max(1, sum(r.citations for r in cited))) if cited else None,
        "latency_p50_ms": _pct(lat, 50),
        "latency_p95_ms": _pct(lat, 95),
        "pass_rate": _mean([1.0 if r.passed else 0.0 for r in results]),
    }
