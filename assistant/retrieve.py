"""Hybrid retrieval: jieba BM25 + dense (chromadb), fused by reciprocal rank."""

from __future__ import annotations

import re

import json
from functools import cached_property
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

import numpy as np

from ingest.bm25 import BM25Index
from ingest.readings import Reading
from ingest.embed import get_embedder
from ingest.index import IndexError_, current_generation, index_identity, sync_from_server
from ingest.records import Unit
from ingest.settings import Settings
from ingest.store import DenseStore
from ingest.tokenize import normalize

from .models import Hit, QueryError

# The tuning knobs (RRF k, dense weight, candidates, embedded question length, server check
# interval) are Settings fields, described and validated in ingest/settings.py.


# a sentence on the document's own reach: 适用本规程, 本细则适用于
SELF_SCOPE = re.compile(r"适用(于)?本(规程|办法|细则|实施细则|指引|通知|规定)|本(规程|办法|细则|实施细则|指引|规定)[^，,。]{0,4}适用于")


@dataclass
class LoadedIndex:
    gen: Path
    manifest: dict
    units: list[Unit]
    position: dict[str, int]
    bm25: BM25Index
    dense: DenseStore
    docs: dict[str, dict]
    readings: dict[str, list[Reading]]     # clause_id -> its readings (ingest/readings.py)
    family: dict[str, list[str]]           # clause_id -> itself and its items, sub-items
    text: str = ""                          # every clause's text, normalized: is a word in the corpus at all?

    def unit_of(self, clause_id: str) -> Unit | None:
        pos = self.position.get(clause_id)
        return self.units[pos] if pos is not None else None

    def readings_of(self, clause_id: str) -> list[Reading]:
        """A clause's readings with those of its items and sub-items."""
        return [r for c in self.family.get(clause_id, [clause_id]) for r in self.readings.get(c, [])]

    def df(self, word: str) -> int | None:
        """How many clauses use a word: its BM25 document frequency, or — for a word the tokenizer
        never produces (个人消费 inside 个人消费性贷款) — the clauses whose text holds it. None: no
        clause does."""
        d = self.bm25.df(word)
        if d is not None:
            return d
        cache = self.__dict__.setdefault("_substring_df", {})
        if word not in cache:
            n = sum(1 for u in self.units if word in u.text)
            cache[word] = n or None
        return cache[word]

    def sentences(self, doc_id: str) -> list[tuple[Unit, Reading]]:
        """Every read sentence of one document with its clause, in document order; made once per document."""
        cache = self.__dict__.setdefault("_sentences", {})
        if doc_id not in cache:
            cache[doc_id] = [(u, r) for u in self.units if u.doc_id == doc_id for r in self.readings.get(u.clause_id, [])]
        return cache[doc_id]

    def scopes(self, doc_id: str) -> list[Reading]:
        """The sentences that say what a document applies to (「…的，适用本规程」「本细则适用于…」)."""
        return [r for _u, r in self.sentences(doc_id) if SELF_SCOPE.search(r.text)]

    def only_excluded(self, word: str) -> bool:
        """Whether every sentence that names the word excludes it (个人消费性贷款 in 「不包括…」 lists):
        the documents say it is outside their reach and nothing of its own terms."""
        cache = self.__dict__.setdefault("_only_excluded", {})
        if word not in cache:
            seen = False
            excluded = True
            for rs in self.readings.values():
                for r in rs:
                    for m in re.finditer(re.escape(word), r.text):
                        seen = True
                        k = r.start + m.start()
                        # (a negation is no exclusion: 信息不对称 names no thing the documents leave out)
                        if not (r.lead == "exclusion" or r.kind == "exclusion" and any(a <= k < b for a, b in r.negated)):
                            excluded = False
            cache[word] = seen and excluded
        return cache[word]

    def known_word(self, word: str) -> bool:
        """Whether the corpus uses a word at all (a BM25 term, or inside some clause)."""
        return self.bm25.df(word) is not None or word in self.text

    @cached_property
    def namer(self):
        """The documents' names and short forms, derived once per generation."""
        from .docnames import DocNamer
        return DocNamer(self.docs)


def _load(settings: Settings, gen: Path) -> LoadedIndex:
    try:
        manifest = json.loads((gen / "manifest.json").read_text("utf-8"))
        units = [Unit(**json.loads(line)) for line in (gen / "units.jsonl").read_text("utf-8").splitlines() if line]
        docs = {d["doc_id"]: d for d in json.loads((gen / "docs.json").read_text("utf-8"))}
        readings: dict[str, list[Reading]] = {}
        for line in (gen / "readings.jsonl").read_text("utf-8").splitlines():
            if line:
                r = Reading.from_json(json.loads(line))
                readings.setdefault(r.clause_id, []).append(r)
        bm25 = BM25Index.load(gen)
        dense = DenseStore(settings, gen)
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise IndexError_(f"{gen}：索引已损坏（{exc}）；请运行 `python -m ingest --rebuild` 重建") from None
    family: dict[str, list[str]] = {u.clause_id: [u.clause_id] for u in units}
    by_id = {u.clause_id: u for u in units}
    for u in units:
        parent = u.parent_id
        while parent and parent in family:
            family[parent].append(u.clause_id)  # a clause's readings include its items'
            parent = by_id[parent].parent_id
    return LoadedIndex(gen, manifest, units, {u.clause_id: i for i, u in enumerate(units)}, bm25, dense, docs,
                       readings, family, normalize("\n".join(u.doc_title + "\n" + u.text for u in units)))


def clean_query(text: str, limit: int) -> str:
    """Strip control characters; refuse empty or over-long questions with a message."""
    if not isinstance(text, str):
        raise QueryError("问题必须是文本。")
    text = "".join(ch for ch in text if ch.isprintable() or ch in " \t")
    text = text.encode("utf-8", "replace").decode("utf-8").strip()
    if not text:
        raise QueryError("问题为空：请输入要查询的续贷问题，例如「质押贷款能否办理续贷通？」")
    if len(text) > limit:
        raise QueryError(f"问题过长（{len(text):,} 字）：请控制在 {limit:,} 字以内，只写要问的那一点。")
    return text


def has_content(text: str) -> bool:
    return any(ch.isalnum() for ch in normalize(text))


class HybridSearcher:
    """Loads the live generation once, reloads when `python -m ingest` swaps in a new one."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._lock = threading.Lock()
        self._index: LoadedIndex | None = None
        self._last_sync = -1e9
        self._qcache: dict[str, np.ndarray] = {}
        self.embedder = get_embedder(settings.embedding)

    @property
    def index(self) -> LoadedIndex:
        if self.settings.chroma_url:
            self._sync_with_server()
        gen = current_generation(self.settings.index_dir)
        if gen is None:
            raise IndexError_(f"{self.settings.index_dir}：还没有索引；请先运行 `python -m ingest`")
        idx = self._index
        if idx is None or idx.gen != gen:
            with self._lock:
                if self._index is None or self._index.gen != gen:
                    loaded = _load(self.settings, gen)
                    want = index_identity(self.settings, self.embedder.identity)
                    if loaded.manifest.get("identity") != want:
                        raise IndexError_(
                            f"{gen}：索引由 {loaded.manifest.get('identity')} 建成，当前设置要求 {want}；"
                            "请运行 `python -m ingest --rebuild` 重建")
                    self._index = loaded
                idx = self._index
        return idx

    def _sync_with_server(self) -> None:
        """Server mode: follow the server's live generation (checked at most every few seconds)."""
        now = time.monotonic()
        if now - self._last_sync < self.settings.server_check_seconds:
            return
        self._last_sync = now
        try:
            sync_from_server(self.settings, index_identity(self.settings, self.embedder.identity))
        except IndexError_:
            raise  # a model mismatch must not be hidden by the fallback below
        except Exception as exc:  # noqa: BLE001 - the server is away: keep answering from the local copy
            if current_generation(self.settings.index_dir) is None:
                raise IndexError_(f"连不上 Chroma 服务器 {self.settings.chroma_url}（{type(exc).__name__}），"
                                  "本机也没有索引副本；请启动服务器，或取消 POLICYQA_CHROMA_URL") from None

    def search(self, query: str, k: int | None = None, doc_ids: Sequence[str] | None = None,
               levels: Sequence[str] | None = None, candidates: int | None = None,
               mode: str = "hybrid") -> list[Hit]:
        """Top-k clauses (k and candidates default to the settings' top_k and candidates).
        mode: hybrid (default), bm25 or dense (for measuring each side)."""
        k = self.settings.top_k if k is None else k
        candidates = candidates or self.settings.candidates
        rrf_k, dense_weight = self.settings.rrf_k, self.settings.dense_weight
        query = clean_query(query, self.settings.max_question_chars)
        if not has_content(query) or k <= 0:
            return []
        idx = self.index
        allowed = self._allowed(idx, doc_ids, levels)
        bm = idx.bm25.query(query) if mode != "dense" else np.zeros(len(idx.units), np.float32)
        if allowed is not None:
            bm = np.where(allowed, bm, 0.0)
        order = np.argsort(-bm, kind="stable")[:candidates]
        bm_rank = {int(i): r for r, i in enumerate(order) if bm[i] > 0}
        dense_hits = []
        if mode != "bm25":
            qvec = self._embed_query(normalize(query)[:self.settings.embed_query_chars])
            dense_hits = idx.dense.query(qvec, candidates, doc_ids, levels)
        dense_rank: dict[int, int] = {}
        dense_sim: dict[int, float] = {}
        for r, (cid, sim) in enumerate(dense_hits):
            pos = idx.position.get(cid)
            if pos is not None:
                dense_rank[pos] = r
                dense_sim[pos] = sim
        fused: dict[int, float] = {}
        for pos, r in bm_rank.items():
            fused[pos] = fused.get(pos, 0.0) + 1.0 / (rrf_k + r)
        for pos, r in dense_rank.items():
            fused[pos] = fused.get(pos, 0.0) + dense_weight / (rrf_k + r)
        best = sorted(fused.items(), key=lambda kv: (-kv[1], kv[0]))[:k]
        scale = rrf_k / (1.0 + dense_weight)
        return [Hit(idx.units[pos], score * scale, float(bm[pos]), dense_sim.get(pos, 0.0), rank)
                for rank, (pos, score) in enumerate(best)]

    def _embed_query(self, text: str) -> np.ndarray:
        """A yes/no question searches twice (overall and per document): embed it once."""
        with self._lock:
            cached = self._qcache.get(text)
        if cached is None:
            cached = self.embedder.query(text)
            with self._lock:
                self._qcache[text] = cached
                while len(self._qcache) > 64:
                    self._qcache.pop(next(iter(self._qcache)))
        return cached

    def search_per_doc(self, query: str, k_per_doc: int = 2, doc_ids: Sequence[str] | None = None) -> dict[str, list[Hit]]:
        """The best clauses from each document (for comparison questions): one wide hybrid
        search (one query embedding), grouped by document."""
        idx = self.index
        wide = max(k_per_doc * len(idx.docs) * 4, 200)
        hits = self.search(query, k=min(wide, len(idx.units)), doc_ids=doc_ids, candidates=wide)
        out: dict[str, list[Hit]] = {}
        for h in hits:
            bucket = out.setdefault(h.unit.doc_id, [])
            if len(bucket) < k_per_doc:
                bucket.append(h)
        return out

    @staticmethod
    def _allowed(idx: LoadedIndex, doc_ids, levels) -> np.ndarray | None:
        if not doc_ids and not levels:
            return None
        return np.array([(not doc_ids or u.doc_id in doc_ids) and (not levels or u.level in levels)
                         for u in idx.units])


def as_retriever(searcher: HybridSearcher, k: int | None = None):
    """The searcher as a langchain BaseRetriever (documents carry the Hit in metadata);
    k defaults to the settings' top_k."""
    from langchain_core.callbacks import CallbackManagerForRetrieverRun
    from langchain_core.documents import Document
    from langchain_core.retrievers import BaseRetriever

    class ClauseRetriever(BaseRetriever):
        k: int = 8
        doc_ids: list[str] | None = None
        levels: list[str] | None = None

        def _get_relevant_documents(self, query: str, *, run_manager: CallbackManagerForRetrieverRun) -> list[Document]:
            hits = searcher.search(query, k=self.k, doc_ids=self.doc_ids, levels=self.levels)
            return [Document(page_content=h.unit.text, id=h.clause_id,
                             metadata={"hit": h, "doc_id": h.unit.doc_id, "ref": h.unit.ref, "score": h.score})
                    for h in hits]

    return ClauseRetriever(k=searcher.settings.top_k if k is None else k)
