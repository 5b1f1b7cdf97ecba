"""python -m assistant ask [--json] QUESTION | ask - | search QUERY [-k N] [--doc ID]
| compare QUESTION [--json] | consistency-report [--format md|csv] [-o FILE]
| quiz [--n N] [--topic T] [--doc ID] [--seed S] [--export md|csv] | config"""

from __future__ import annotations

import io
import json
import sys

from ingest.cli import ChineseArgumentParser, run
from ingest.embed import EmbeddingError
from ingest.index import IndexError_
from ingest.settings import Settings, unknown_variables

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
            # character offsets are for programs (--json); a reader needs the document and the clause
            print(f"[{c.id[1:]}] 《{c.doc_title}》{c.clause}（{c.path}）")


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
    for raw in sys.stdin.buffer:
        try:
            q = raw.decode("utf-8").rstrip("\r\n")
        except UnicodeDecodeError:
            # a line that is not UTF-8 text would be answered from the fragments around its bad bytes
            q = raw.decode("utf-8", errors="replace").rstrip("\r\n")
            print(json.dumps(_error_json(q[:200], "该行不是有效的 UTF-8 文本：请以 UTF-8 编码提交问题。"),
                             ensure_ascii=False), flush=True)
            continue
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


def _report(settings: Settings, fmt: str, output: str | None, topics_file: str | None = None,
            doc_id: str | None = None) -> int:
    from .chain import Assistant
    from .consistency import TOPICS, read_topics, report

    try:
        topics = TOPICS + (read_topics(topics_file) if topics_file else [])
    except ValueError as exc:
        print(f"错误: {exc}", file=sys.stderr)
        return 2
    assistant = Assistant(settings)
    if doc_id and doc_id not in assistant.searcher.index.docs:
        print(f"错误: 没有 doc_id 为 {doc_id!r} 的文件；可用的有: {', '.join(assistant.searcher.index.docs)}",
              file=sys.stderr)
        return 2

    def progress(i: int, n: int, topic: str) -> None:
        print(f"\r[{i}/{n}] {topic[:30]}            ", end="", file=sys.stderr, flush=True)

    out = report(assistant, fmt, progress=progress, topics=topics, doc_id=doc_id)
    print(file=sys.stderr)
    if isinstance(out, bytes):
        if not output:
            if fmt == "xlsx":
                print("错误: xlsx 是二进制文件，请用 -o 指定输出文件，例如 -o 一致性报告.xlsx", file=sys.stderr)
                return 2
            sys.stdout.buffer.write(out)
            return 0
        from .feedback import write_file_atomic
        write_file_atomic(output, out)
        print(f"已写入 {output}", file=sys.stderr)
        return 0
    return _write_output(out, output, "")


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

    idx = HybridSearcher(settings).index
    bank = QuizBank(idx.units, idx.readings)
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


def _columns(text: str) -> int:
    """Display width: a Chinese character takes two columns."""
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, width: int) -> str:
    return text + " " * max(0, width - _columns(text))


def _config(settings: Settings) -> int:
    rows = settings.describe()
    width = max(len(r["env"]) for r in rows)
    value_width = min(40, max(_columns(r["value"]) for r in rows))
    for r in rows:
        print(f"{r['env']:<{width}}  {_pad(r['value'], value_width)}  {_pad(r['source'], 8)}  {r['doc']}")
    for name in unknown_variables():
        print(f"注意: 环境变量 {name} 不是本程序的设置，已忽略（拼写错误？）", file=sys.stderr)
    return 0


def _feedback_export(settings: Settings, fmt: str, output: str | None) -> int:
    import time

    from .feedback import FeedbackError, FeedbackLog, default_path, write_file_atomic

    log = FeedbackLog(default_path(settings))
    try:
        data = log.export(fmt)
    except FeedbackError as exc:
        print(f"错误: {exc}", file=sys.stderr)
        return 2
    if output is None and fmt == "csv":
        sys.stdout.buffer.write(data)
        return 0
    path = output or f"问答与反馈记录-{time.strftime('%Y%m%d-%H%M%S')}.xlsx"
    write_file_atomic(path, data)
    print(f"已写入 {path}（来自 {log.path}）", file=sys.stderr)
    return 0


def build_parser() -> ChineseArgumentParser:
    parser = ChineseArgumentParser(prog="python -m assistant",
                                   description="续贷政策助手：依据政策文件条款回答问题、比较各文件、生成培训测验。",
                                   epilog="先运行 `python -m ingest` 建立索引。设置见 `python -m assistant config`。")
    sub = parser.add_subparsers(dest="command", required=True)
    p_ask = sub.add_parser("ask", help="回答一个问题，并列出所依据的条款",
                           description="回答一个问题：先给结论，再列出所依据的条款。")
    p_ask.add_argument("question", metavar="问题",
                       help="要问的问题，如 质押贷款能否办理续贷通？；写 - 则从标准输入每行读一个问题，每行输出一个 JSON")
    p_ask.add_argument("--json", action="store_true",
                       help="输出 JSON（结论、答案、引用条款及其在原文中的位置、各文件的结论、耗时）")
    p_search = sub.add_parser("search", help="检索条款，按相关度列出并给出分数",
                              description="混合检索（BM25 + 向量）条款，按相关度从高到低列出。")
    p_search.add_argument("query", metavar="查询", help="检索的文字，如 存单质押")
    p_search.add_argument("-k", type=int, default=8, metavar="N", help="列出的条款数（默认 8）")
    p_search.add_argument("--doc", action="append", metavar="DOC_ID",
                          help="只在这份文件中检索（doc_id，可重复指定多份）")
    p_compare = sub.add_parser("compare", help="各文件对同一问题的规定，逐份列出并标出差异",
                               description="对一个问题逐份文件列出规定（结论、数值、原文），并标出相互冲突之处。")
    p_compare.add_argument("question", metavar="问题", help="要比较的问题，如 质押贷款能否续贷")
    p_compare.add_argument("--json", action="store_true", help="输出 JSON")
    p_report = sub.add_parser("consistency-report", help="一致性检查报告：主题 × 文件矩阵，附引用和差异",
                              description="对内置的全部主题逐份文件比较，输出报告。")
    p_report.add_argument("--format", choices=["md", "csv", "xlsx"], default="md",
                          help="报告格式：md（默认）、csv（中文表头，带 BOM 便于 Excel 打开）或 xlsx（需 -o）")
    p_report.add_argument("--topics", metavar="FILE",
                          help="再加上这个文件里的主题：UTF-8 文本，每行一个问题，如「各行对续贷次数的规定是否一致？」")
    p_report.add_argument("--doc", metavar="DOC_ID",
                          help="只看这份文件：列出它与监管通知、与其他银行规定不同的地方（如 nongshang-renewal）")
    p_report.add_argument("--output", "-o", metavar="FILE", help="写入这个文件，而不是打印到屏幕")
    p_quiz = sub.add_parser("quiz", help="由条款生成的培训测验",
                            description="在终端做一套由条款生成的测验，或连同答案导出。")
    p_quiz.add_argument("--n", type=int, default=10, metavar="N", help="题目数（1–200，默认 10）")
    p_quiz.add_argument("--topic", help="只出条款中提到这个词的题，如 质押")
    p_quiz.add_argument("--doc", metavar="DOC_ID", help="只出这份文件的题（doc_id）")
    p_quiz.add_argument("--seed", type=int, default=0, metavar="S",
                        help="随机种子：同一种子出同一套题（默认 0）")
    p_quiz.add_argument("--export", choices=["md", "csv"], help="不答题，直接输出题目和答案：md 或 csv")
    p_quiz.add_argument("--output", "-o", metavar="FILE", help="导出到这个文件，而不是打印到屏幕")
    sub.add_parser("config", help="列出当前生效的全部设置（环境变量、取值、说明；密钥隐去）",
                   description="列出每个 POLICYQA_* 环境变量、当前取值、来源（环境变量或默认）和说明。")
    p_feedback = sub.add_parser("feedback", help="问答与反馈记录（审计）：导出",
                                description="网页界面的每次问答和 👍/👎 反馈都记在本机 SQLite 文件中（POLICYQA_FEEDBACK_DB）。")
    fb_sub = p_feedback.add_subparsers(dest="feedback_command", required=True)
    p_fb_export = fb_sub.add_parser("export", help="导出全部问答与反馈记录",
                                    description="导出全部问答记录（问题、回答、引用条款、索引版本、时间）及其反馈。")
    p_fb_export.add_argument("--format", choices=["csv", "xlsx"], default="csv", help="csv（默认，UTF-8 带 BOM）或 xlsx")
    p_fb_export.add_argument("--output", "-o", metavar="FILE",
                             help="写入这个文件；csv 默认打印到屏幕，xlsx 默认写入 问答与反馈记录-<时间>.xlsx")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    settings = Settings.from_env()
    try:
        if args.command == "config":
            return _config(settings)
        if args.command == "feedback":
            return _feedback_export(settings, args.format, args.output)
        if args.command == "quiz":
            return _quiz(settings, max(1, min(args.n, 200)), args.topic, args.doc, args.seed, args.export, args.output)
        if args.command == "ask":
            return _ask(settings, args.question, args.json)
        if args.command == "compare":
            return _compare(settings, args.question, args.json)
        if args.command == "consistency-report":
            return _report(settings, args.format, args.output, args.topics, args.doc)
        return _search(settings, args.query, max(0, args.k), args.doc)
    except QueryError as exc:
        print(f"无法查询: {exc}", file=sys.stderr)
        return 2
    except (IndexError_, EmbeddingError, LLMError) as exc:
        print(f"错误: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(run(main))
