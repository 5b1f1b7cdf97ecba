"""python -m ingest [--rebuild] | clauses [DOC_ID] | add FILE [--title … --issuer … --kind … --level …]"""

from __future__ import annotations

import argparse
import sys

from .clauses import split_clauses
from .embed import EmbeddingError
from .index import IndexError_
from .load import CorpusError, load_corpus
from .settings import Settings


def _print_clauses(settings: Settings, doc_id: str | None) -> int:
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
        print(f"== {doc.doc_id}  {doc.title}  ({doc.level_name}, {len(clauses)} clauses)")
        for c in clauses:
            indent = "  " * c.path.count(" > ")
            preview = c.text.replace("\n", " ")[:36]
            print(f"{indent}{c.ref or c.label:<10} [{c.path}] {preview}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m ingest", description="Build or refresh the clause index.")
    parser.add_argument("--rebuild", action="store_true", help="re-embed everything into a fresh index")
    sub = parser.add_subparsers(dest="command")
    p_clauses = sub.add_parser("clauses", help="print the clause tree of the corpus or of one document")
    p_clauses.add_argument("doc_id", nargs="?")
    p_add = sub.add_parser("add", help="add a .txt/.md/.docx/.pdf file to the corpus and index it")
    p_add.add_argument("file")
    p_add.add_argument("--title")
    p_add.add_argument("--issuer")
    p_add.add_argument("--kind", help="通知, 管理办法, 实施细则, 操作规程, 操作指引…")
    p_add.add_argument("--level", default="bank", choices=["regulator", "bank", "template"])
    p_add.add_argument("--region")
    p_add.add_argument("--id", dest="doc_id", help="doc_id (ASCII slug); derived from the file name by default")
    args = parser.parse_args(argv)
    settings = Settings.from_env()
    try:
        if args.command == "clauses":
            return _print_clauses(settings, args.doc_id)
        if args.command == "add":
            from pathlib import Path

            from .add import add_document
            from .clauses import split_clauses

            doc = add_document(settings, Path(args.file), title=args.title, issuer=args.issuer, kind=args.kind,
                               level=args.level, doc_id=args.doc_id, region=args.region)
            n = len(split_clauses(doc.doc_id, doc.text))
            print(f"已加入语料：{doc.doc_id}（{doc.title}，{n} 个条款）→ {settings.corpus_dir / doc.path}")
            from .index import run_ingest
            return run_ingest(settings)
        from .index import run_ingest
        return run_ingest(settings, rebuild=args.rebuild)
    except CorpusError as exc:
        print(f"错误: {exc}", file=sys.stderr)
        return 2
    except (IndexError_, EmbeddingError) as exc:
        print(f"错误: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("已中断；上一次完整的索引仍然可用。", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
