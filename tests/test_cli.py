"""The command lines as a user meets them: Chinese help with every option described, Chinese
errors, human output without offsets, and quiet exits into a closed pipe."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys

import pytest

from assistant.__main__ import build_parser as assistant_parser
from ingest.__main__ import build_parser as ingest_parser

from .conftest import ROOT

ENGLISH = ("usage:", "options:", "positional arguments", "show this help", "show program")


def _parsers():
    for root in (assistant_parser(), ingest_parser()):
        yield root.prog, root
        for action in root._actions:
            if isinstance(action, argparse._SubParsersAction):
                for name, sub in action.choices.items():
                    yield f"{root.prog} {name}", sub


@pytest.mark.parametrize("prog,parser", list(_parsers()), ids=lambda p: p if isinstance(p, str) else "")
def test_help_is_chinese_and_describes_every_option(prog, parser):
    text = parser.format_help()
    assert not any(word in text for word in ENGLISH), text
    assert "用法：" in text
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            assert all(a.help for a in action._choices_actions), f"{prog}: a subcommand without help"
            continue
        assert action.help and any("\u4e00" <= ch <= "\u9fff" for ch in action.help), \
            f"{prog} {action.option_strings or action.dest}: no Chinese description"


def test_rebuild_help_says_cached_vectors_are_reused():
    text = ingest_parser().format_help()
    assert "缓存" in text and "不会重新嵌入" in text


def test_argument_errors_are_chinese():
    out = subprocess.run([sys.executable, "-m", "assistant", "quiz", "--n", "many"], capture_output=True, text=True,
                         cwd=ROOT, timeout=60)
    assert out.returncode == 2 and "参数 --n 应为整数" in out.stderr and "invalid" not in out.stderr


def _env(real_settings) -> dict:
    return dict(os.environ, POLICYQA_INDEX=str(real_settings.index_dir), POLICYQA_CORPUS=str(real_settings.corpus_dir))


def test_human_answer_has_no_character_offsets(real_settings):
    out = subprocess.run([sys.executable, "-m", "assistant", "ask", "质押贷款能否办理续贷通？"], capture_output=True,
                         text=True, cwd=ROOT, env=_env(real_settings), timeout=120)
    assert out.returncode == 0, out.stderr
    cited = out.stdout.split("引用：", 1)[1]
    assert "《" in cited and "offsets" not in out.stdout and "-" not in cited.replace(" > ", "")


@pytest.mark.parametrize("args", [["-m", "assistant", "compare", "质押", "--json"],
                                  ["-m", "assistant", "search", "续贷", "-k", "50"],
                                  ["-m", "ingest", "clauses"]])
def test_output_into_a_closed_pipe_ends_quietly(real_settings, args):
    # `… | head -1`: the reader goes away before the command writes
    proc = subprocess.Popen([sys.executable, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT,
                            env=_env(real_settings))
    proc.stdout.close()
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=120) == 0, err
    assert "Traceback" not in err and "BrokenPipe" not in err, err
