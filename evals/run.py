"""Run the eval set through the same path as `python -m assistant ask` and score it."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from ingest.load import load_corpus
from ingest.settings import Settings

from .cases import Case, load_cases
from .metrics import CaseResult, aggregate, score_case

HERE = Path(__file__).resolve().parent
THRESHOLDS = HERE / "thresholds.json"
RESULTS = HERE / "results"
COLUMNS = ["n", "recall@1", "recall@3", "recall@5", "mrr", "verdict_acc", "fact_recall", "abstain_precision",
           "abstain_recall", "false_abstention", "quotes_verbatim", "gold_citations", "latency_p50_ms",
           "latency_p95_ms", "pass_rate"]


def answer_all(cases: list[Case], settings: Settings) -> list[dict]:
    from assistant.chain import Assistant
    from assistant.models import QueryError

    assistant = Assistant(settings)
    out = []
    for case in cases:
        try:
            out.append(assistant.ask(case.question).to_json())
        except QueryError as exc:
            out.append({"question": case.question, "answer": str(exc), "abstained": True, "verdict": None,
                        "citations": [], "error": str(exc)})
    return out


def evaluate(settings: Settings, split: str = "all") -> tuple[list[CaseResult], dict[str, dict]]:
    cases = load_cases(split=split)
    docs, _ = load_corpus(settings.corpus_dir)
    doc_texts = {d.doc_id: d.text for d in docs}
    answers = answer_all(cases, settings)
    results = [score_case(c, a, doc_texts) for c, a in zip(cases, answers)]
    table = {"all": aggregate(results)}
    for kind in ("yesno", "fact", "list", "compare", "oos"):
        subset = [r for r in results if r.case.kind == kind]
        if subset:
            table[kind] = aggregate(subset)
    return results, table


def format_table(table: dict[str, dict]) -> str:
    head = f"{'kind':<8}" + "".join(f"{c:>11}" for c in COLUMNS)
    lines = [head, "-" * len(head)]
    for kind, row in table.items():
        cells = []
        for c in COLUMNS:
            v = row.get(c)
            cells.append(f"{'-':>11}" if v is None else f"{v:>11.0f}" if c in ("n",) or c.endswith("_ms") else f"{v:>11.3f}")
        lines.append(f"{kind:<8}" + "".join(cells))
    return "\n".join(lines)


def check_thresholds(table: dict[str, dict], split: str) -> list[str]:
    if not THRESHOLDS.exists():
        return []
    limits = json.loads(THRESHOLDS.read_text("utf-8")).get(split, {})
    failures = []
    for metric, bound in limits.items():
        if metric.startswith("_"):
            continue
        value = table["all"].get(metric)
        if metric.startswith("max_"):
            value = table["all"].get(metric[4:])
            if value is not None and value > bound:
                failures.append(f"{metric[4:]} = {value:.3f} > {bound}")
        elif value is None or value < bound:
            failures.append(f"{metric} = {value if value is None else round(value, 3)} < {bound}")
    return failures


def write_results(results: list[CaseResult], split: str) -> Path:
    RESULTS.mkdir(exist_ok=True)
    path = RESULTS / f"{time.strftime('%Y%m%d-%H%M%S')}-{split}.jsonl"
    with open(path, "w", encoding="utf-8") as fh:
        for r in results:
            fh.write(json.dumps({
                "id": r.case.id, "split": r.case.split, "kind": r.case.kind, "question": r.case.question,
                "expected": {"verdict": r.case.verdict, "gold": r.case.gold, "facts": r.case.facts},
                "got": {"verdict": r.answer.get("verdict"), "abstained": r.answer.get("abstained"),
                        "retrieved": r.retrieved[:5], "answer": r.answer.get("answer")},
                "pass": r.passed, "reasons": r.reasons}, ensure_ascii=False) + "\n")
    return path


def main_run(split: str, show_failures: bool) -> int:
    settings = Settings.from_env()
    from ingest.index import build_index
    build_index(settings, progress=sys.stderr.isatty())
    results, table = evaluate(settings, split)
    print(f"eval split: {split}")
    print(format_table(table))
    path = write_results(results, split)
    print(f"\nper-case results: {path}")
    if show_failures:
        for r in results:
            if not r.passed:
                print(f"  FAIL {r.case.id} [{r.case.kind}] {r.case.question} -> {'; '.join(r.reasons)}")
    failures = check_thresholds(table, split)
    for f in failures:
        print(f"below threshold: {f}", file=sys.stderr)
    return 1 if failures else 0
