"""Run the eval set through the same path as `python -m assistant ask` and score it.

Each split is answered from an index of its own: a copy of the live generation (so an
`ingest add` during a run cannot change it mid-run), or for `newdocs` a temporary corpus
holding the real documents plus three synthetic policies added with `ingest add`."""

from __future__ import annotations

import json
import shutil
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from ingest.load import load_corpus
from ingest.settings import Settings

from .cases import NEWDOCS_DIR, Case, load_cases
from .metrics import CaseResult, aggregate, score_case

HERE = Path(__file__).resolve().parent
THRESHOLDS = HERE / "thresholds.json"
RESULTS = HERE / "results"
COLUMNS = ["n", "recall@1", "recall@3", "recall@5", "mrr", "verdict_acc", "flips", "fact_recall", "abstain_precision",
           "abstain_recall", "false_abstention", "cite@3", "quotes_verbatim", "gold_citations", "latency_p50_ms",
           "latency_p95_ms", "pass_rate"]
SPLITS_ALL = ("dev", "test", "blind", "sealed", "sealed3", "sealed34", "newdocs", "dev+newdocs")


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


def snapshot_index(settings: Settings, into: Path) -> Settings:
    """A private copy of the live generation: the run answers from an index nobody else changes."""
    from ingest.index import build_index, current_generation

    build_index(settings, progress=sys.stderr.isatty())
    if settings.chroma_url:
        return settings  # server mode: generations on the server are immutable once published
    gen = current_generation(settings.index_dir)
    if gen is None:
        return settings
    shutil.copytree(gen, into / gen.name)
    (into / "CURRENT").write_text(gen.name, "utf-8")
    return replace(settings, index_dir=into)


def newdocs_settings(settings: Settings, into: Path) -> Settings:
    """The real corpus plus the synthetic policies of tests/data/newdocs, added as a user would."""
    from ingest.add import add_document
    from ingest.index import build_index

    corpus = into / "corpus"
    shutil.copytree(settings.corpus_dir, corpus)
    # reuse the live index's embedding cache: only the new documents' clauses are embedded
    (into / "index").mkdir()
    if (settings.index_dir / "embcache").exists():
        shutil.copytree(settings.index_dir / "embcache", into / "index" / "embcache")
    local = replace(settings, corpus_dir=corpus, index_dir=into / "index", chroma_url=None)
    for doc in json.loads((NEWDOCS_DIR / "docs.json").read_text("utf-8")):
        add_document(local, NEWDOCS_DIR / doc["file"], title=doc["title"], issuer=doc.get("issuer"),
                     kind=doc.get("kind"), level=doc.get("level", "bank"), doc_id=doc["doc_id"])
    build_index(local, progress=False)
    return local


def evaluate(settings: Settings, split: str = "dev") -> tuple[list[CaseResult], dict[str, dict]]:
    """`dev+newdocs` asks the dev questions with the synthetic policies added to the corpus: a
    document someone adds must not break the answers to the others."""
    with_new = split in ("newdocs", "dev+newdocs")
    cases = load_cases(split="dev" if split == "dev+newdocs" else split)
    with tempfile.TemporaryDirectory(prefix="policyqa-eval-") as tmp:
        local = newdocs_settings(settings, Path(tmp)) if with_new else snapshot_index(settings, Path(tmp))
        docs, _ = load_corpus(local.corpus_dir)
        doc_texts = {d.doc_id: d.text for d in docs}
        answers = answer_all(cases, local)
    results = [score_case(c, a, doc_texts) for c, a in zip(cases, answers)]
    table = {"all": aggregate(results)}
    for kind in ("yesno", "fact", "list", "compare", "oos"):
        subset = [r for r in results if r.case.kind == kind]
        if subset:
            table[kind] = aggregate(subset)
    return results, table


def format_table(table: dict[str, dict]) -> str:
    widths = [max(len(c), 6) + 2 for c in COLUMNS]
    head = f"{'kind':<8}" + "".join(f"{c:>{w}}" for c, w in zip(COLUMNS, widths))
    lines = [head, "-" * len(head)]
    for kind, row in table.items():
        cells = []
        for c, w in zip(COLUMNS, widths):
            v = row.get(c)
            cells.append(f"{'-':>{w}}" if v is None else f"{v:>{w}.0f}" if c == "n" or c.endswith("_ms")
                         else f"{v:>{w}.3f}")
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
        if metric.startswith("max_"):
            value = table["all"].get(metric[4:])
            if value is not None and value > bound:
                failures.append(f"{split}: {metric[4:]} = {value:.3f} > {bound}")
            continue
        value = table["all"].get(metric)
        if value is None or value < bound:
            failures.append(f"{split}: {metric} = {value if value is None else round(value, 3)} < {bound}")
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
                "flip": r.flip, "pass": r.passed, "reasons": r.reasons}, ensure_ascii=False) + "\n")
    return path


def main_run(split: str, show_failures: bool) -> int:
    settings = Settings.from_env()
    splits = SPLITS_ALL if split == "all" else (split,)
    failures: list[str] = []
    for name in splits:
        results, table = evaluate(settings, name)
        print(f"eval split: {name}")
        print(format_table(table))
        path = write_results(results, name)
        print(f"\nper-case results: {path}\n")
        if show_failures:
            for r in results:
                if not r.passed:
                    flag = "FLIP" if r.flip else "FAIL"
                    print(f"  {flag} {r.case.id} [{r.case.kind}] {r.case.question} -> {'; '.join(r.reasons)}")
        failures += check_thresholds(table, name)
    for f in failures:
        print(f"低于阈值: {f}", file=sys.stderr)
    return 1 if failures else 0
