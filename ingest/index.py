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
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Iterator, Sequence

import numpy as np

from . import PARSER_VERSION
from .bm25 import BM25Index
from .clauses import Clause, split_clauses
from .embed import Embedder, get_embedder
from .files import fsync_dir, write_atomic, write_synced
from .load import SourceDoc, load_corpus
from .readings import read_units
from .records import Unit
from .settings import Settings
from .store import drop_generation, fetch_generation, publish_generation, server_current, write_vectors

COLLECTION_PREFIX = "policyqa"
EMBED_BATCH = 32


class IndexError_(RuntimeError):
    """The index is missing, busy or does not match the settings; the message says the fix."""


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
    from .readings import fingerprint as readings_fingerprint
    return {"embedding": embedder_identity, "parser": PARSER_VERSION, "tokenizer": fingerprint(),
            "readings": readings_fingerprint(), "store": "server" if settings.chroma_url else "embedded"}


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
        raise IndexError_(f"{index_dir}：无法读取索引（{exc.strerror}）；请检查权限，"
                          "或运行 `python -m ingest --rebuild` 重建") from None
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
            raise IndexError_(f"{index_dir}：另一个建索引进程（ingest）正在运行；请等它结束") from None
        yield
    finally:
        fh.close()


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
        write_atomic(self.path, buf.getvalue())


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
        doc_records = [asdict(d) | {"content_hash": d.content_hash} for d in docs]
        content = GenerationContent(identity, doc_records, units, new_hashes,
                                    {"dim": int(vectors.shape[1]) if len(units) else 0})
        phases.update(write_generation(gen, content, settings, vectors))
        publish_generation(settings, gen_name, identity, doc_records)
        write_atomic(index_dir / "CURRENT", gen_name.encode())
        _retire_old_generations(index_dir, keep={gen_name, live.name if live else ""}, settings=settings)
        return IngestReport(gen_name, len(docs), len(units), added, updated, removed, unchanged, embedded,
                            time.perf_counter() - t0, skipped, phases)


# --- writing a generation -------------------------------------------------------------------

@dataclass(frozen=True)
class GenerationContent:
    """Everything a generation directory holds besides its vectors."""
    identity: dict
    docs: list[dict]            # SourceDoc fields + content_hash, in corpus order
    units: list[Unit]
    hashes: dict[str, str]      # doc_id -> content hash: what the next ingest compares against
    manifest_extra: dict = field(default_factory=dict)

    def data_files(self) -> dict[str, bytes]:
        """The generation's plain data files by name. A new per-generation file (such as
        clause readings, `readings.jsonl`) is one more entry here and one more field above;
        both builds (a local ingest and a sync from a Chroma server) then write it."""
        return {
            "docs.json": json.dumps(self.docs, ensure_ascii=False).encode("utf-8"),
            "units.jsonl": _json_lines(asdict(u) for u in self.units),
            # one reading of every clause, made once here and used by answers, comparisons,
            # the consistency report and quizzes
            "readings.jsonl": _json_lines(r.to_json() for rs in read_units(self.units).values() for r in rs),
        }


def _json_lines(records) -> bytes:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records).encode("utf-8")


def write_generation(gen: Path, content: GenerationContent, settings: Settings,
                     vectors: np.ndarray | None) -> dict[str, float]:
    """The one writer of a generation directory: data files, BM25, the vectors (skipped when
    they already live on a Chroma server), and the manifest last, since a generation without
    a manifest counts as incomplete and is removed by the next ingest. Returns seconds per phase."""
    for name, data in content.data_files().items():
        write_synced(gen / name, data)
    t = time.perf_counter()
    BM25Index.build([u.bm25_text or u.index_text for u in content.units]).save(gen)
    phases = {"bm25": time.perf_counter() - t}
    if vectors is not None:
        t = time.perf_counter()
        write_vectors(settings, gen, content.units, vectors)
        phases["store"] = time.perf_counter() - t
    manifest = {"identity": content.identity, "docs": content.hashes, "units": len(content.units),
                "built_at": time.strftime("%Y-%m-%dT%H:%M:%S")} | content.manifest_extra
    write_atomic(gen / "manifest.json", json.dumps(manifest, ensure_ascii=False, indent=1).encode())
    fsync_dir(gen)
    return phases


def _remove_stray_generations(index_dir: Path) -> None:
    live = current_generation(index_dir)
    for path in index_dir.glob("gen-*"):
        if path.is_dir() and not (path / "manifest.json").exists() and path != live:
            shutil.rmtree(path, ignore_errors=True)
    for tmp in index_dir.glob(".*.tmp"):
        tmp.unlink(missing_ok=True)


def _retire_old_generations(index_dir: Path, keep: set[str], settings: Settings) -> None:
    """Keep the new and the previous generation (readers may still be on it)."""
    for path in sorted(index_dir.glob("gen-*")):
        if path.name not in keep and path.is_dir():
            drop_generation(settings, path)
            shutil.rmtree(path, ignore_errors=True)


def sync_from_server(settings: Settings, expected_identity: dict) -> Path | None:
    """Server mode: make the server's live generation the local one, rebuilding the BM25
    side from the server's records when this host has not built it itself."""
    current = server_current(settings)
    if current is None:
        return None
    gen_name, identity = current
    if identity != expected_identity:
        raise IndexError_(f"Chroma 服务器上的索引由 {identity} 建成，本机设置要求 {expected_identity}；"
                          "请统一 POLICYQA_EMBEDDING，或运行 `python -m ingest --rebuild` 重建")
    gen = settings.index_dir / gen_name
    if not (gen / "manifest.json").exists():
        settings.index_dir.mkdir(parents=True, exist_ok=True)
        units_raw, docs = fetch_generation(settings, gen_name)
        units = [Unit(**u) for u in units_raw]
        order = {d["doc_id"]: i for i, d in enumerate(docs)}
        units.sort(key=lambda u: (order.get(u.doc_id, 1 << 30), u.start, u.clause_id))
        content = GenerationContent(identity, docs, units, {d["doc_id"]: d.get("content_hash", "") for d in docs},
                                    {"synced_from_server": True})
        # built beside the final name and renamed, so a reader never sees it half-written
        tmp = settings.index_dir / f"gen-sync-{uuid.uuid4().hex[:6]}"
        tmp.mkdir()
        write_generation(tmp, content, settings, vectors=None)
        try:
            os.replace(tmp, gen)
        except OSError:
            shutil.rmtree(tmp, ignore_errors=True)  # another process synced it first
    if current_generation(settings.index_dir) != gen:
        write_atomic(settings.index_dir / "CURRENT", gen_name.encode())
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
