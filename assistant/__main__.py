"""python -m assistant ask [--json] QUESTION | ask - | search QUERY [-k N] [--doc ID]
| compare QUESTION [--json] | consistency-report [--format md|csv] [-o FILE]
| quiz [--n N] [--topic T] [--doc ID] [--seed S] [--export md|csv]"""

from __future__ import annotations

import argparse
import io
import json
import sys

from ingest.embed import EmbeddingError
from ingest.index import IndexError_
from ingest.settings import Settings

from .llm import LLMError
from .models import Answer, QueryError


def _print_answer(answer: Answer, as_json: bool) -> None:
    if as_json:
        print(json.dumps(answer.to_json(), ensure_ascii=False))
        return
    print(answer.answer)
    if answer.citations:
        print("\n引用：")
        for c in answer.citations:
            print(f"[{c.id[1:]}] 《{c.doc_title}》{c.clause}  ({c.path})  offsets {c.start}-{c.end}")


def _error_json(question: str, message: str) -> dict:
    return {"question": question, "error": message, "answer": message, "verdict": None, "abstained": True,
            "citations": [], "findings": [], "timings_ms": {}}


def _ask(settings: Settings, question: str, as_json: bool) -> int:
    from .chain import Assistant
    assistant = Assistant(settings)
    if question != "-":
        try:
            _print_answer(assistant.ask(question), as_json)
        except QueryError as exc:
            if as_json:
                print(json.dumps(_error_json(question, str(exc)), ensure_ascii=False))
            else:
                print(f"无法回答: {exc}", file=sys.stderr)
            return 2
        return 0
    # JSON Lines: one question per line in, one object per line out; bad lines never stop the batch
    stdin = io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8", errors="replace")
    for line in stdin:
        q = line.rstrip("\n")
        if not q.strip():
            continue
        try:
            out = assistant.ask(q).to_json()
        except QueryError as exc:
            out = _error_json(q[:200], str(exc))
        print(json.dumps(out, ensure_ascii=False), flush=True)
    return 0


def _search(settings: Settings, query: str, k: int, doc: list[str] | None) -> int:
    from .retrieve import HybridSearcher
    hits = HybridSearcher(settings).search(query, k=k, doc_ids=doc)
    if not hits:
        print("没有匹配的条款。")
    for h in hits:
        text = h.unit.text.replace("\n", " ")
        print(f"{h.score:6.3f}  {h.unit.doc_id:<26} {h.unit.ref:<12} {text[:80]}")
    return 0


def _compare(settings: Settings, question: str, as_json: bool) -> int:
    from .chain import Assistant
    from .consistency import compare
    from .render import level_name

    comp = compare(Assistant(settings), question)
    if as_json:
        print(json.dumps(comp.to_json(), ensure_ascii=False))
        return 0
    print(f"主题：{comp.topic}")
    for r in comp.rows:
        where = f" {r.citation.clause}：「{r.citation.quote[:60]}」" if r.citation else ""
        print(f"- 《{r.doc_title}》（{level_name(r.level)}）{r.cell}{where}")
    for c in comp.conflicts:
        reg = f"（监管通知一方：{c.regulator}）" if c.regulator else ""
        print(f"⚠ {c.kind}：{c.description}{reg}")
    if not comp.conflicts:
        print("未发现差异。")
    return 0


def _report(settings: Settings, fmt: str, output: str | None) -> int:
    from .chain import Assistant
    from .consistency import report

    def progress(i: int, n: int, topic: str) -> None:
        print(f"\r[{i}/{n}] {topic}            ", end="", file=sys.stderr, flush=True)

    text = report(Assistant(settings), fmt, progress=progress)
    print(file=sys.stderr)
    return _write_output(text, output, "")


def _write_output(text: str, output: str | None, what: str) -> int:
    if output:
        with open(output, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
        print(f"已写入 {output}{what}", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return 0


def _quiz(settings: Settings, n: int, topic: str | None, doc: str | None, seed: int,
          export_fmt: str | None, output: str | None) -> int:
    from .quiz import QuizBank, export
    from .retrieve import HybridSearcher

    bank = QuizBank(HybridSearcher(settings).index.units)
    questions = bank.draw(n, seed=seed, topic=topic, doc_id=doc)
    if not questions:
        print("没有符合条件的题目：换一个主题或文件试试。", file=sys.stderr)
        return 2
    if export_fmt:
        return _write_output(export(questions, export_fmt), output, f"（{len(questions)} 题）")
    stdin = io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8", errors="replace")
    score = 0
    for i, q in enumerate(questions, 1):
        print(f"\n第 {i}/{len(questions)} 题：{q.prompt}")
        for j, o in enumerate(q.options, 1):
            print(f"  {j}. {o}")
        print("你的答案（序号或内容）：", end="", flush=True)
        reply = stdin.readline()
        if not reply:
            print("\n（输入结束）")
            break
        ok = q.grade(reply.strip())
        score += ok
        print("✔ 正确" if ok else f"✘ 错误，正确答案：{q.answer}")
        print(f"  {q.explanation}")
    print(f"\n得分：{score}/{len(questions)}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m assistant", description="续贷政策助手")
    sub = parser.add_subparsers(dest="command", required=True)
    p_ask = sub.add_parser("ask", help="answer one question (- reads one per line from stdin, JSON Lines out)")
    p_ask.add_argument("question")
    p_ask.add_argument("--json", action="store_true")
    p_search = sub.add_parser("search", help="ranked clauses with scores")
    p_search.add_argument("query")
    p_search.add_argument("-k", type=int, default=8)
    p_search.add_argument("--doc", action="append", help="restrict to a doc_id (repeatable)")
    p_compare = sub.add_parser("compare", help="what each document says on one question, with conflicts flagged")
    p_compare.add_argument("question")
    p_compare.add_argument("--json", action="store_true")
    p_report = sub.add_parser("consistency-report", help="topic × document matrix with citations and conflicts")
    p_report.add_argument("--format", choices=["md", "csv"], default="md")
    p_report.add_argument("--output", "-o", help="write to this file instead of stdout")
    p_quiz = sub.add_parser("quiz", help="a training quiz generated from the clauses")
    p_quiz.add_argument("--n", type=int, default=10)
    p_quiz.add_argument("--topic", help="only questions whose clause mentions this, e.g. 质押")
    p_quiz.add_argument("--doc", help="only questions from this doc_id")
    p_quiz.add_argument("--seed", type=int, default=0)
    p_quiz.add_argument("--export", choices=["md", "csv"], help="print the quiz with its key instead of asking")
    p_quiz.add_argument("--output", "-o")
    args = parser.parse_args(argv)
    settings = Settings.from_env()
    try:
        if args.command == "quiz":
            return _quiz(settings, max(1, min(args.n, 200)), args.topic, args.doc, args.seed, args.export, args.output)
        if args.command == "ask":
            return _ask(settings, args.question, args.json)
        if args.command == "compare":
            return _compare(settings, args.question, args.json)
        if args.command == "consistency-report":
            return _report(settings, args.format, args.output)
        return _search(settings, args.query, max(0, args.k), args.doc)
    except QueryError as exc:
        print(f"无法查询: {exc}", file=sys.stderr)
        return 2
    except (IndexError_, EmbeddingError, LLMError) as exc:
        print(f"错误: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
