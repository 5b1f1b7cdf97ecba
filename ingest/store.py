"""The dense side in chromadb: a PersistentClient inside each generation directory
by default, or a Chroma server (POLICYQA_CHROMA_URL) with one collection per generation."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Sequence
from urllib.parse import urlparse

import numpy as np

from .records import Unit
from .settings import Settings

COLLECTION = "policyqa"
META = "policyqa-meta"   # server mode: which generation is live, and its documents


def _client(settings: Settings, gen: Path):
    """A server client is shared by every generation; an embedded one lives in the generation."""
    if settings.chroma_url:
        return _http_client(settings.chroma_url, tuple(sorted(settings.chroma_headers.items())))
    import chromadb

    return chromadb.PersistentClient(path=str(gen / "chroma"), settings=_chroma_settings())


def _chroma_settings():
    from chromadb.config import Settings as ChromaSettings

    return ChromaSettings(anonymized_telemetry=False, allow_reset=False)


@lru_cache(maxsize=8)
def _http_client(chroma_url: str, headers: tuple[tuple[str, str], ...]):
    # built once per server: the live-generation check runs every few seconds
    import chromadb

    url = urlparse(chroma_url)
    return chromadb.HttpClient(host=url.hostname or "127.0.0.1", port=url.port or 8000, ssl=url.scheme == "https",
                               headers=dict(headers), settings=_chroma_settings())


def collection_name(settings: Settings, gen: Path) -> str:
    return f"{COLLECTION}-{gen.name}" if settings.chroma_url else COLLECTION


def _metadata(u: Unit) -> dict:
    # everything a unit has, so that another host can rebuild its BM25 side from the server
    meta = {"doc_id": u.doc_id, "doc_title": u.doc_title, "level": u.level, "label": u.label,
            "ref": u.ref, "path": u.path, "kind": u.kind, "start": u.start, "end": u.end,
            "index_text": u.index_text, "bm25_text": u.bm25_text, "title": u.title}
    if u.parent_id:
        meta["parent_id"] = u.parent_id
    return meta


def _meta_collection(client):
    return client.get_or_create_collection(META, embedding_function=None)


def publish_generation(settings: Settings, gen_name: str, identity: dict, docs: list[dict]) -> None:
    """Server mode: make `gen_name` the live generation for every host (one atomic upsert)."""
    if not settings.chroma_url:
        return
    import json

    col = _meta_collection(_client(settings, Path(gen_name)))
    ids = [f"{gen_name}/doc/{d['doc_id']}" for d in docs]
    for i in range(0, len(ids), 500):
        col.upsert(ids=ids[i:i + 500], embeddings=[[0.0]] * len(ids[i:i + 500]),
                   documents=[d["text"] for d in docs[i:i + 500]],
                   metadatas=[{"meta": json.dumps({k: v for k, v in d.items() if k != "text"}, ensure_ascii=False),
                               "generation": gen_name} for d in docs[i:i + 500]])
    col.upsert(ids=["current"], embeddings=[[0.0]], documents=[gen_name],
               metadatas=[{"generation": gen_name, "identity": json.dumps(identity, sort_keys=True)}])


def server_current(settings: Settings) -> tuple[str, dict] | None:
    import json

    col = _meta_collection(_client(settings, Path(".")))
    got = col.get(ids=["current"], include=["metadatas"])
    if not got["ids"]:
        return None
    meta = got["metadatas"][0]
    return str(meta["generation"]), json.loads(str(meta["identity"]))


def fetch_generation(settings: Settings, gen_name: str) -> tuple[list[dict], list[dict]]:
    """Server mode: the units and documents of a generation, to rebuild the local side."""
    import json

    client = _client(settings, Path(gen_name))
    col = client.get_collection(collection_name(settings, Path(gen_name)), embedding_function=None)
    units: list[dict] = []
    offset, page = 0, 2000
    while True:
        got = col.get(include=["documents", "metadatas"], limit=page, offset=offset)
        for cid, text, meta in zip(got["ids"], got["documents"], got["metadatas"]):
            units.append({"clause_id": cid, "text": text, "parent_id": meta.get("parent_id"),
                          **{k: meta[k] for k in ("doc_id", "doc_title", "level", "label", "ref", "path", "kind",
                                                  "start", "end", "index_text", "title", "bm25_text")}})
        if len(got["ids"]) < page:
            break
        offset += page
    meta_col = _meta_collection(client)
    got = meta_col.get(where={"generation": gen_name}, include=["documents", "metadatas"])
    docs = [json.loads(str(m["meta"])) | {"text": t} for i, t, m in zip(got["ids"], got["documents"], got["metadatas"])
            if i != "current"]
    return units, docs


def write_vectors(settings: Settings, gen: Path, units: Sequence[Unit], vectors: np.ndarray) -> None:
    client = _client(settings, gen)
    name = collection_name(settings, gen)
    try:
        client.delete_collection(name)
    except Exception:  # noqa: BLE001 - absent collection; chromadb raises several types
        pass
    # one thread builds the graph, and searches look wide: a corpus of a few thousand units is then searched
    # the same way after every rebuild (a multi-threaded build inserts in a different order each time, and a
    # narrow search over a different graph can drop a borderline clause)
    col = client.create_collection(name, configuration={"hnsw": {"space": "cosine", "num_threads": 1,
                                                                 "ef_construction": 200, "ef_search": 200}},
                                   embedding_function=None)
    step = max(1, min(4000, client.get_max_batch_size()))
    for i in range(0, len(units), step):
        chunk = units[i:i + step]
        col.add(ids=[u.clause_id for u in chunk], embeddings=vectors[i:i + step].tolist(),
                documents=[u.text for u in chunk], metadatas=[_metadata(u) for u in chunk])


def drop_generation(settings: Settings, gen: Path) -> None:
    if settings.chroma_url:
        try:
            client = _client(settings, gen)
            client.delete_collection(collection_name(settings, gen))
            _meta_collection(client).delete(where={"generation": gen.name})
        except Exception:  # noqa: BLE001 - already gone or server away: nothing to keep
            pass


class DenseStore:
    """Query side of one generation's collection."""

    def __init__(self, settings: Settings, gen: Path) -> None:
        self._client = _client(settings, gen)
        self._col = self._client.get_collection(collection_name(settings, gen), embedding_function=None)
        self._count: int | None = None

    def count(self) -> int:
        # a generation is never written after it is published: its size is asked of Chroma once
        if self._count is None:
            self._count = self._col.count()
        return self._count

    def query(self, vector: np.ndarray, n: int, doc_ids: Sequence[str] | None = None,
              levels: Sequence[str] | None = None) -> list[tuple[str, float]]:
        where = _where(doc_ids, levels)
        n = max(1, min(n, self.count()))
        res = self._col.query(query_embeddings=[vector.tolist()], n_results=n, where=where,
                              include=["distances"])
        return [(cid, 1.0 - float(dist)) for cid, dist in zip(res["ids"][0], res["distances"][0])]


def _where(doc_ids: Sequence[str] | None, levels: Sequence[str] | None) -> dict | None:
    clauses = []
    if doc_ids:
        clauses.append({"doc_id": {"$in": list(doc_ids)}})
    if levels:
        clauses.append({"level": {"$in": list(levels)}})
    if not clauses:
        return None
    return clauses[0] if len(clauses) == 1 else {"$and": clauses}
