"""What every command line of the project shares: argparse speaking Chinese, and the edge
where errors become one-line messages (a bad POLICYQA_* value, output into a closed pipe)."""

from __future__ import annotations

import argparse
import os
import re
import sys
from typing import Callable

from .settings import SettingsError

# argparse's own error messages (Python 3.11+) -> Chinese; anything else is shown as it is
_ERRORS = [
    (re.compile(r"^the following arguments are required: (.+)$"), r"缺少参数：\1"),
    (re.compile(r"^unrecognized arguments: (.+)$"), r"无法识别的参数：\1"),
    (re.compile(r"^argument (\S+): invalid choice: (.+?) \(choose from (.+)\)$"), r"参数 \1 的值 \2 无效，可选：\3"),
    (re.compile(r"^argument (\S+): invalid int value: (.+)$"), r"参数 \1 应为整数，收到 \2"),
    (re.compile(r"^argument (\S+): invalid float value: (.+)$"), r"参数 \1 应为数字，收到 \2"),
    (re.compile(r"^argument (\S+): expected one argument$"), r"参数 \1 需要一个值"),
    (re.compile(r"^argument (\S+): (.+)$"), r"参数 \1：\2"),
    (re.compile(r"^ambiguous option: (\S+) could match (.+)$"), r"选项 \1 有歧义，可能是：\2"),
]


class _Formatter(argparse.HelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):
        super().add_usage(usage, actions, groups, prefix="用法：" if prefix is None else prefix)


class ChineseArgumentParser(argparse.ArgumentParser):
    """argparse with Chinese headings, help option and error messages."""

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("formatter_class", _Formatter)
        kwargs["add_help"] = False
        super().__init__(*args, **kwargs)
        self._positionals.title = "参数"
        self._optionals.title = "选项"
        self.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS, help="显示本帮助并退出")

    def add_subparsers(self, **kwargs):
        kwargs.setdefault("title", "子命令")
        return super().add_subparsers(**kwargs)

    def error(self, message: str):
        for pattern, chinese in _ERRORS:
            if pattern.match(message):
                message = pattern.sub(chinese, message)
                break
        self.print_usage(sys.stderr)
        self.exit(2, f"错误：{message}\n（`{self.prog} --help` 查看用法）\n")


def run(main: Callable[[], int]) -> int:
    """Run a command's main: a bad POLICYQA_* value becomes its one-line message (exit 2), and
    output into a pipe that closed early (`… | head -1`) ends quietly (exit 0): the reader
    has all it wanted."""
    try:
        code = main()
        sys.stdout.flush()
        return code
    except SettingsError as exc:
        print(f"错误: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        # Python flushes stdout again at exit and would complain a second time
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
