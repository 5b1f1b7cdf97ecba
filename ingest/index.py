"""corpus -> clauses -> a generation of the index (chromadb + BM25), swapped in atomically.

Layout of the index directory:
    CURRENT              name of the live generation (replaced with os.replace)
    gen-<stamp>/         one complete generation: manifest.json, docs.json, units.jsonl,
                         bm25.npz, bm25_vocab.json, chroma/ (embedded mode)
    embcache/<id>.npz    vectors by text hash, so unchanged clauses are never re-embedded
    .lock                held while an ingest runs

A generation is written completely before CURRENT points at it, so a crash or
Ctrl-C mid-ingest leaves the previous generation live; stray partial
generations are removed by the next ingest.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import os
import shutil
import sys
import time
import uuid
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Iterator, Sequence

import numpy as np

from . import PARSER_VERSION
from .bm25 import BM25Index
from .clauses import Clause, split_clauses
from .embed import Embedder, get_embedder
from .load import SourceDoc, load_corpus
from .settings import Settings

COLLECTION_PREFIX = "policyqa"
EMBED_BATCH = 32


class IndexError_(RuntimeError):
    """The index is missing, busy or does not match the settings; the message says the fix."""


@dataclass(frozen=True)
class Unit:
    """One indexed clause with what retrieval and citation need."""
    clause_id: str
    doc_id: str
    doc_title: str
    level: str
    label: str
    ref: str
    path: str
    kind: str
    parent_id: str | None
    start: int
    end: int
    text: str
    index_text: str     # what is embedded: document title, heading, the parent's lead-in, the clause
    title: str
    bm25_text: str = ""  # what BM25 sees: document title, heading, the clause (no lead-in: it would
                         # make every item of a list match the list's topic)


@dataclass(frozen=True)
class IngestReport:
    generation: str | None
    documents: int
    units: int
    added: list[str]
    updated: list[str]
    removed: list[str]
    unchanged: int
    embedded: int
    seconds: float
    skipped: list[str]
    phases: dict[str, float] | None = None   # seconds per phase: embed, bm25, store

    @property
    def changed(self) -> bool:
        return bool(self.added or self.updated or self.removed) or self.generation is not None


def index_identity(settings: Settings, embedder_identity: str) -> dict:
    from .tokenize import fingerprint
    return {"embedding": embedder_identity, "parser": PARSER_VERSION, "tokenizer": fingerprint(),
            "store": "server" if settings.chroma_url else "embedded"}


def units_for(doc: SourceDoc, clauses: Sequence[Clause]) -> list[Unit]:
    """Every clause but the bare title becomes a unit. An item is indexed with its
    parent's lead-in (`存在以下情况之一的,不得办理续贷业务:`), without which it means nothing."""
    by_id = {c.clause_id: c for c in clauses}
    children_start: dict[str, int] = {}
    for c in clauses:
        if c.parent_id:
            children_start.setdefault(c.parent_id, c.start)
    units = []
    for c in clauses:
        if c.kind == "title":
            continue
        context = ""
        parent = by_id.get(c.parent_id) if c.parent_id else None
        while parent is not None:
            lead_end = children_start.get(parent.clause_id, parent.end)
            lead = doc.text[parent.start:lead_end].strip()
            context = (lead[:200] + "\n" + context) if lead else context
            parent = by_id.get(parent.parent_id) if parent.parent_id else None
        heading = c.path.rsplit(" > ", 1)[0] if " > " in c.path else ""
        index_text = "\n".join(p for p in (doc.title, heading, context.strip(), c.text) if p)
        bm25_text = "\n".join(p for p in (doc.title, heading, c.text) if p)
        units.append(Unit(c.clause_id, doc.doc_id, doc.title, doc.level, c.label, c.ref, c.path, c.kind,
                          c.parent_id, c.start, c.end, c.text, index_text, c.title, bm25_text))
    return units


# --- paths and locking ----------------------------------------------------------------

def current_generation(index_dir: Path) -> Path | None:
    try:
        name = (index_dir / "CURRENT").read_text("utf-8").strip()
    except (FileNotFoundError, NotADirectoryError):
        return None
    except OSError as exc:
        raise IndexError_(f"{index_dir}: cannot read the index ({exc.strerror}); check permissions "
                          "or rebuild with `python -m ingest --rebuild`") from None
    gen = index_dir / name
    return gen if name and (gen / "manifest.json").exists() else None


@contextlib.contextmanager
def ingest_lock(index_dir: Path) -> Iterator[None]:
    index_dir.mkdir(parents=True, exist_ok=True)
    fh = open(index_dir / ".lock", "a+")
    try:
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise IndexError_(f"{index_dir}: another ingest is running; wait for it to finish") from None
        yield
    finally:
        fh.close()


def _fsync_dir(path: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _write_atomic(path: Path, data: bytes) -> None:
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex[:8]}.tmp")
    with open(tmp, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)
    _fsync_dir(path.parent)


# --- embedding cache --------------------------------------------------------------------

class EmbeddingCache:
    def __init__(self, index_dir: Path, identity: str) -> None:
        self.path = index_dir / "embcache" / f"{hashlib.sha1(identity.encode()).hexdigest()[:16]}.npz"
        self.vectors: dict[str, np.ndarray] = {}
        self.dirty = False
        if self.path.exists():
            try:
                with np.load(self.path) as data:
                    self.vectors = dict(zip(data["keys"].tolist(), data["vectors"]))
            except (OSError, ValueError, KeyError):
                self.vectors = {}  # a damaged cache only costs re-embedding

    @staticmethod
    def key(text: str) -> str:
        return hashlib.sha1(text.encode("utf-8")).hexdigest()

    def save(self, keep: set[str]) -> None:
        if not self.dirty and keep >= set(self.vectors):
            return
        keys = sorted(k for k in self.vectors if k in keep)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        import io
        buf = io.BytesIO()
        vecs = np.stack([self.vectors[k] for k in keys]) if keys else np.zeros((0, 1), np.float32)
        np.savez(buf, keys=np.array(keys, dtype="U40"), vectors=vecs)
        _write_atomic(self.path, buf.getvalue())


def embed_units(units: Sequence[Unit], embedder: Embedder, cache: EmbeddingCache,
                progress: bool = True, batch: int = EMBED_BATCH) -> tuple[np.ndarray, int]:
    """Vectors for `units`, embedding only texts the cache lacks. Returns (vectors, embedded)."""
    todo = [u.index_text for u in units if cache.key(u.index_text) not in cache.vectors]
    todo = list(dict.fromkeys(todo))
    if todo:
        bar = None
        if progress:
            from tqdm import tqdm
            bar = tqdm(total=len(todo), desc="嵌入条款", unit="条", file=sys.stderr, leave=False)
        for i in range(0, len(todo), batch):
            chunk = todo[i:i + batch]
            for text, vec in zip(chunk, embedder.passages(chunk)):
                cache.vectors[cache.key(text)] = np.asarray(vec, np.float32)
            cache.dirty = True
            if bar:
                bar.update(len(chunk))
        if bar:
            bar.close()
    if not units:
        return np.zeros((0, embedder.dim), np.float32), len(todo)
    return np.stack([cache.vectors[cache.key(u.index_text)] for u in units]), len(todo)


# --- the build ----------------------------------------------------------------------------

def _read_manifest(gen: Path | None) -> dict | None:
    if gen is None:
        return None
    try:
        return json.loads((gen / "manifest.json").read_text("utf-8"))
    except (OSError, ValueError):
        return None


def build_index(settings: Settings, rebuild: bool = False, progress: bool = True,
                docs: list[SourceDoc] | None = None) -> IngestReport:
    """Build or refresh the index. No-op when nothing changed; otherwise a new
    generation is written and swapped in."""
    t0 = time.perf_counter()
    index_dir = settings.index_dir
    skipped: list[str] = []
    if docs is None:
        docs, errors = load_corpus(settings.corpus_dir)
        skipped = [str(e) for e in errors]
    with ingest_lock(index_dir):
        _remove_stray_generations(index_dir)
        embedder = get_embedder(settings.embedding)
        identity = index_identity(settings, embedder.identity)
        if settings.chroma_url and not rebuild:
            try:
                sync_from_server(settings, identity)  # another host may have ingested since
            except IndexError_:
                pass  # a server index of another model: this ingest replaces it
        live = current_generation(index_dir)
        manifest = _read_manifest(live)
        old_hashes: dict[str, str] = {}
        if manifest and manifest.get("identity") == identity and not rebuild:
            old_hashes = manifest.get("docs", {})
        new_hashes = {d.doc_id: d.content_hash for d in docs}
        added = sorted(set(new_hashes) - set(old_hashes))
        removed = sorted(set(old_hashes) - set(new_hashes))
        updated = sorted(k for k in new_hashes if k in old_hashes and old_hashes[k] != new_hashes[k])
        unchanged = len(new_hashes) - len(added) - len(updated)
        if live is not None and manifest and old_hashes and not (added or removed or updated):
            return IngestReport(None, len(docs), int(manifest.get("units", 0)), [], [], [], unchanged, 0,
                                time.perf_counter() - t0, skipped)

        phases: dict[str, float] = {}
        t = time.perf_counter()
        units = [u for d in docs for u in units_for(d, split_clauses(d.doc_id, d.text))]
        phases["split"] = time.perf_counter() - t
        t = time.perf_counter()
        cache = EmbeddingCache(index_dir, embedder.identity)
        vectors, embedded = embed_units(units, embedder, cache, progress=progress)
        cache.save({cache.key(u.index_text) for u in units})
        phases["embed"] = time.perf_counter() - t

        gen_name = f"gen-{time.strftime('%Y%m%d-%H%M%S')}-{uuid.uuid4().hex[:6]}"
        gen = index_dir / gen_name
        gen.mkdir(parents=True)
        phases.update(_write_generation(gen, settings, identity, docs, units, vectors, new_hashes))
        from .store import publish_generation
        publish_generation(settings, gen_name, identity, json.loads((gen / "docs.json").read_text("utf-8")))
        _write_atomic(index_dir / "CURRENT", gen_name.encode())
        _retire_old_generations(index_dir, keep={gen_name, live.name if live else ""}, settings=settings)
        return IngestReport(gen_name, len(docs), len(units), added, updated, removed, unchanged, embedded,
                            time.perf_counter() - t0, skipped, phases)


def _write_generation(gen: Path, settings: Settings, identity: dict, docs: list[SourceDoc],
                      units: list[Unit], vectors: np.ndarray, hashes: dict[str, str]) -> dict[str, float]:
    doc_records = [asdict(d) | {"content_hash": d.content_hash} for d in docs]
    (gen / "docs.json").write_text(json.dumps(doc_records, ensure_ascii=False), "utf-8")
    with open(gen / "units.jsonl", "w", encoding="utf-8") as fh:
        for u in units:
            fh.write(json.dumps(asdict(u), ensure_ascii=False) + "\n")
    t = time.perf_counter()
    BM25Index.build([u.bm25_text or u.index_text for u in units]).save(gen)
    bm25_s = time.perf_counter() - t
    t = time.perf_counter()
    from .store import write_vectors
    write_vectors(settings, gen, units, vectors)
    store_s = time.perf_counter() - t
    manifest = {"identity": identity, "docs": hashes, "units": len(units),
                "built_at": time.strftime("%Y-%m-%dT%H:%M:%S"), "dim": int(vectors.shape[1]) if len(units) else 0}
    # the manifest is written last: a generation without one is incomplete
    _write_atomic(gen / "manifest.json", json.dumps(manifest, ensure_ascii=False, indent=1).encode())
    _fsync_dir(gen)
    return {"bm25": bm25_s, "store": store_s}


def _remove_stray_generations(index_dir: Path) -> None:
    live = current_generation(index_dir)
    for path in index_dir.glob("gen-*"):
        if path.is_dir() and not (path / "manifest.json").exists() and path != live:
            shutil.rmtree(path, ignore_errors=True)
    for tmp in index_dir.glob(".*.tmp"):
        tmp.unlink(missing_ok=True)


def _retire_old_generations(index_dir: Path, keep: set[str], settings: Settings) -> None:
    """Keep the new and the previous generation (readers may still be on it)."""
    from .store import drop_generation
    for path in sorted(index_dir.glob("gen-*")):
        if path.name not in keep and path.is_dir():
            drop_generation(settings, path)
            shutil.rmtree(path, ignore_errors=True)


def sync_from_server(settings: Settings, expected_identity: dict) -> Path | None:
    """Server mode: make the server's live generation the local one, rebuilding the BM25
    side from the server's records when this host has not built it itself."""
    from .store import fetch_generation, server_current

    current = server_current(settings)
    if current is None:
        return None
    gen_name, identity = current
    if identity != expected_identity:
        raise IndexError_(f"the Chroma server's index was built with {identity}, but this host asks for "
                          f"{expected_identity}; align POLICYQA_EMBEDDING or run `python -m ingest --rebuild`")
    gen = settings.index_dir / gen_name
    if not (gen / "manifest.json").exists():
        settings.index_dir.mkdir(parents=True, exist_ok=True)
        units_raw, docs = fetch_generation(settings, gen_name)
        tmp = settings.index_dir / f"gen-sync-{uuid.uuid4().hex[:6]}"
        tmp.mkdir()
        units = [Unit(**u) for u in units_raw]
        order = {d["doc_id"]: i for i, d in enumerate(docs)}
        units.sort(key=lambda u: (order.get(u.doc_id, 1 << 30), u.start, u.clause_id))
        (tmp / "docs.json").write_text(json.dumps(docs, ensure_ascii=False), "utf-8")
        with open(tmp / "units.jsonl", "w", encoding="utf-8") as fh:
            for u in units:
                fh.write(json.dumps(asdict(u), ensure_ascii=False) + "\n")
        BM25Index.build([u.bm25_text or u.index_text for u in units]).save(tmp)
        manifest = {"identity": identity, "docs": {d["doc_id"]: d.get("content_hash", "") for d in docs},
                    "units": len(units), "built_at": time.strftime("%Y-%m-%dT%H:%M:%S"), "synced_from_server": True}
        _write_atomic(tmp / "manifest.json", json.dumps(manifest, ensure_ascii=False, indent=1).encode())
        try:
            os.replace(tmp, gen)
        except OSError:
            shutil.rmtree(tmp, ignore_errors=True)  # another process synced it first
    if current_generation(settings.index_dir) != gen:
        _write_atomic(settings.index_dir / "CURRENT", gen_name.encode())
    return gen


def run_ingest(settings: Settings, rebuild: bool = False) -> int:
    """The CLI's ingest: build, then print what changed."""
    report = build_index(settings, rebuild=rebuild)
    for msg in report.skipped:
        print(f"跳过: {msg}", file=sys.stderr)
    if report.generation is None:
        print(f"索引已是最新: {report.documents} 份文件, {report.units} 个条款, 无变化 ({report.seconds:.2f}s)")
        return 0
    print(f"索引已更新 ({report.generation}): {report.documents} 份文件, {report.units} 个条款; "
          f"新增 {len(report.added)}, 更新 {len(report.updated)}, 删除 {len(report.removed)}, "
          f"未变 {report.unchanged}; 新嵌入 {report.embedded} 条; 用时 {report.seconds:.1f}s")
    for label, ids in (("新增", report.added), ("更新", report.updated), ("删除", report.removed)):
        if ids:
            print(f"  {label}: {', '.join(ids)}")
    return 0
