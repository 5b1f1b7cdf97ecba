"""python -m ingest [--rebuild] | clauses [DOC_ID] | add FILE [--title … --issuer … --kind … --level …]"""

from __future__ import annotations

import sys
from pathlib import Path

from .cli import ChineseArgumentParser, run
from .clauses import split_clauses
from .readings import format_reading, read_units
from .index import units_for
from .embed import EmbeddingError
from .index import IndexError_
from .load import CorpusError, load_corpus
from .settings import Settings


def _print_clauses(settings: Settings, doc_id: str | None, readings: bool = False) -> int:
    docs, errors = load_corpus(settings.corpus_dir)
    for err in errors:
        print(f"跳过: {err}", file=sys.stderr)
    if doc_id:
        docs = [d for d in docs if d.doc_id == doc_id]
        if not docs:
            print(f"没有 doc_id 为 {doc_id!r} 的文件；可用的有: "
                  + ", ".join(d.doc_id for d in load_corpus(settings.corpus_dir)[0]), file=sys.stderr)
            return 2
    for doc in docs:
        clauses = split_clauses(doc.doc_id, doc.text)
        print(f"== {doc.doc_id}  {doc.title}  （{doc.level_name}，{len(clauses)} 个条款）")
        read = read_units(units_for(doc, clauses)) if readings else {}
        for c in clauses:
            indent = "  " * c.path.count(" > ")
            preview = c.text.replace("\n", " ")[:36]
            print(f"{indent}{c.ref or c.label:<10} [{c.path}] {preview}")
            for r in read.get(c.clause_id, []):
                print(f"{indent}    · {format_reading(r)}".replace("\n      ", f"\n{indent}      "))
    return 0


def build_parser() -> ChineseArgumentParser:
    parser = ChineseArgumentParser(
        prog="python -m ingest",
        description="建立或更新条款索引：读取语料目录中的文件，切分条款，写入向量库和 BM25 索引；"
                    "没有变化时什么也不做。",
        epilog="索引位置、嵌入模型等见环境变量（`python -m assistant config` 列出全部设置）。")
    parser.add_argument("--rebuild", action="store_true",
                        help="不比较文件是否变化，重新切分全部文件并写出新一代索引；"
                             "未变的条款沿用已缓存的向量，不会重新嵌入")
    sub = parser.add_subparsers(dest="command")
    p_clauses = sub.add_parser("clauses", help="打印语料（或一份文件）的条款树，用于检查切分",
                               description="打印每份文件的条款树：编号、标题路径和开头文字。")
    p_clauses.add_argument("doc_id", nargs="?", metavar="DOC_ID", help="只打印这份文件（doc_id，如 xudaitong）")
    p_clauses.add_argument("--readings", action="store_true",
                           help="同时打印每句的解读：类型（禁止、要求、范围、时限…）、否定所及、条件、除外、列举和数量限制，供人工核对")
    p_add = sub.add_parser("add", help="把一份 .txt/.md/.docx/.pdf 文件加入语料并更新索引",
                           description="提取文件文字（只去掉页码和换行差异），写入语料目录，再更新索引。"
                                       "无法使用的文件会被拒绝并说明原因，语料保持不变。")
    p_add.add_argument("file", metavar="FILE", help="要加入的文件：.txt、.md、.docx 或带文字层的 .pdf")
    p_add.add_argument("--title", help="文件标题；默认取正文第一行（不超过 60 字）或文件名")
    p_add.add_argument("--issuer", help="发文机构，如 某农商银行；默认「未注明」")
    p_add.add_argument("--kind", help="文件类型：通知、管理办法、实施细则、操作规程、操作指引…；默认「制度文件」")
    p_add.add_argument("--level", default="bank", choices=["regulator", "bank", "template"],
                       help="文件层级：regulator 监管通知，bank 银行制度（默认），template 范本")
    p_add.add_argument("--region", help="适用地区，如 赣州市")
    p_add.add_argument("--id", dest="doc_id", metavar="DOC_ID",
                       help="doc_id（小写字母、数字和 -）；默认由标题的拼音生成，如 mou-yinhang-xudai-guanli-banfa")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    settings = Settings.from_env()
    try:
        if args.command == "clauses":
            return _print_clauses(settings, args.doc_id, args.readings)
        from .index import run_ingest
        if args.command == "add":
            from .add import add_document
            from .index import units_for

            doc = add_document(settings, Path(args.file), title=args.title, issuer=args.issuer, kind=args.kind,
                               level=args.level, doc_id=args.doc_id, region=args.region)
            # what the index will gain: every clause but the bare title line
            n = len(units_for(doc, split_clauses(doc.doc_id, doc.text)))
            print(f"已加入语料：{doc.doc_id}（{doc.title}，{n} 个条款）→ {settings.corpus_dir / doc.path}")
            return run_ingest(settings)
        return run_ingest(settings, rebuild=args.rebuild)
    except (CorpusError, IndexError_, EmbeddingError) as exc:
        print(f"错误: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("已中断；上一次完整的索引仍然可用。", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(run(main))
