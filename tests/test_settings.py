"""Settings from POLICYQA_* variables: every variable validated with a one-line Chinese message
naming it, in every entry point; `python -m assistant config` shows the effective values."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import fields
from pathlib import Path

import pytest

from ingest.settings import KNOWN_VARIABLES, Settings, SettingsError, unknown_variables

from .conftest import ROOT

# one value each variable must refuse
BAD = {
    "POLICYQA_CORPUS": "   ",  # blank counts as unset, so it is not an error: checked separately below
    "POLICYQA_INDEX": "   ",
    "POLICYQA_EMBEDDING": "word2vec",
    "POLICYQA_CHROMA_URL": "localhost:8000",
    "POLICYQA_CHROMA_TOKEN": "   ",
    "POLICYQA_LLM": "gpt-4",
    "POLICYQA_LLM_BASE_URL": "ftp://x",
    "POLICYQA_LLM_API_KEY": "   ",
    "POLICYQA_LLM_TIMEOUT": "0",
    "POLICYQA_LLM_STRUCTURED": "maybe",
    "POLICYQA_MAX_QUESTION_CHARS": "2k",
    "POLICYQA_HOST": "a b",
    "POLICYQA_PORT": "abc",
    "POLICYQA_QUEUE_SIZE": "-1",
    "POLICYQA_CONCURRENCY": "0",
    "POLICYQA_FEEDBACK_DB": "   ",
    "POLICYQA_TOP_K": "8.5",
    "POLICYQA_PER_DOC_K": "many",
    "POLICYQA_RRF_K": "0",
    "POLICYQA_DENSE_WEIGHT": "nan",
    "POLICYQA_CANDIDATES": "",
    "POLICYQA_EMBED_QUERY_CHARS": "4",
    "POLICYQA_SERVER_CHECK_SECONDS": "soon",
}
BLANK_IS_UNSET = {k for k, v in BAD.items() if not v.strip()}


def test_every_setting_has_a_variable_a_form_and_a_description():
    for f in fields(Settings):
        assert f.metadata["env"].startswith("POLICYQA_") and f.metadata["form"] and f.metadata["doc"], f.name
        assert "\n" not in f.metadata["doc"]
    assert set(BAD) == KNOWN_VARIABLES, "a new variable needs a bad value in this table"


@pytest.mark.parametrize("env", sorted(set(BAD) - BLANK_IS_UNSET))
def test_a_bad_value_names_the_variable_and_the_expected_form(env):
    with pytest.raises(SettingsError) as exc:
        Settings.from_env({env: BAD[env]})
    message = str(exc.value)
    assert f"环境变量 {env}=" in message and "应为" in message and "\n" not in message
    if "TOKEN" in env or "KEY" in env:
        assert BAD[env] not in message


@pytest.mark.parametrize("env", sorted(BLANK_IS_UNSET))
def test_a_blank_value_means_the_default(env):
    assert Settings.from_env({env: BAD[env]}) == Settings()


@pytest.mark.parametrize("env,raw,name,value", [
    ("POLICYQA_PORT", " 8080 ", "port", 8080),
    ("POLICYQA_DENSE_WEIGHT", "0", "dense_weight", 0.0),
    ("POLICYQA_EMBEDDING", "hash:384", "embedding", "hash:384"),
    ("POLICYQA_EMBEDDING", "st:/models/bge", "embedding", "st:/models/bge"),
    ("POLICYQA_LLM", "openai:qwen2.5-7b", "llm", "openai:qwen2.5-7b"),
    ("POLICYQA_CHROMA_URL", "https://db:8443", "chroma_url", "https://db:8443"),
    ("POLICYQA_INDEX", "/tmp/x", "index_dir", Path("/tmp/x")),
    ("POLICYQA_TOP_K", "3", "top_k", 3),
])
def test_good_values_are_read(env, raw, name, value):
    assert getattr(Settings.from_env({env: raw}), name) == value


def test_token_becomes_a_header_and_secrets_are_masked():
    s = Settings.from_env({"POLICYQA_CHROMA_TOKEN": "t-123", "POLICYQA_LLM_API_KEY": "sk-abc"})
    assert s.chroma_headers == {"Authorization": "Bearer t-123"}
    shown = {r["env"]: r for r in s.describe({"POLICYQA_CHROMA_TOKEN": "t-123"})}
    assert shown["POLICYQA_CHROMA_TOKEN"]["value"] == "***" and shown["POLICYQA_LLM_API_KEY"]["value"] == "***"
    assert shown["POLICYQA_CHROMA_TOKEN"]["source"] == "环境变量" and shown["POLICYQA_PORT"]["source"] == "默认"


def test_unknown_variables_are_found():
    assert unknown_variables({"POLICYQA_PROT": "1", "POLICYQA_PORT": "1", "HOME": "/"}) == ["POLICYQA_PROT"]


def _run(args: list[str], **env) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, *args], capture_output=True, text=True, cwd=ROOT, timeout=120,
                          env=dict(os.environ, **env))


@pytest.mark.parametrize("entry", [
    ["-m", "ingest"], ["-m", "ingest", "clauses"], ["-m", "assistant", "ask", "续贷"], ["-m", "assistant", "config"],
    ["-m", "evals"], ["app.py"],
])
def test_every_entry_point_gives_one_line_for_a_bad_value(entry, tmp_path):
    out = _run(entry, POLICYQA_PORT="abc", POLICYQA_INDEX=str(tmp_path / "index"))
    assert out.returncode != 0
    assert "Traceback" not in out.stderr
    assert out.stderr.strip() == "错误: 环境变量 POLICYQA_PORT=abc 无效：应为 1–65535 的整数（网页界面监听的端口）"


def test_config_prints_effective_settings_with_descriptions():
    out = _run(["-m", "assistant", "config"], POLICYQA_TOP_K="3", POLICYQA_LLM_API_KEY="sk-secret",
               POLICYQA_PROT="1")
    assert out.returncode == 0, out.stderr
    lines = {line.split()[0]: line for line in out.stdout.splitlines() if line.startswith("POLICYQA_")}
    assert set(lines) == KNOWN_VARIABLES
    assert "3" in lines["POLICYQA_TOP_K"].split() and "环境变量" in lines["POLICYQA_TOP_K"]
    assert "每个问题检索的条款数" in lines["POLICYQA_TOP_K"]
    assert "sk-secret" not in out.stdout and "***" in lines["POLICYQA_LLM_API_KEY"]
    assert "POLICYQA_PROT" in out.stderr
