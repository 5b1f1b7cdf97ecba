"""Ingest: build, no-op, incremental changes, identity, atomic swap, locking."""

from __future__ import annotations

import json
import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from ingest.index import IndexError_, build_index, current_generation, ingest_lock
from ingest.settings import Settings
from assistant.retrieve import HybridSearcher

from .conftest import CORPUS


def _settings(tmp: Path, corpus: Path) -> Settings:
    return replace(Settings(), corpus_dir=corpus, index_dir=tmp / "index", embedding="hash")


@pytest.fixture
def corpus_copy(tmp_path: Path) -> Path:
    dest = tmp_path / "corpus"
    shutil.copytree(CORPUS, dest)
    return dest


def _units(settings: Settings) -> list[dict]:
    gen = current_generation(settings.index_dir)
    return [json.loads(line) for line in (gen / "units.jsonl").read_text("utf-8").splitlines()]


def test_build_then_noop(tmp_path, corpus_copy):
    s = _settings(tmp_path, corpus_copy)
    first = build_index(s, progress=False)
    assert first.generation and len(first.added) == 11 and first.units > 150
    second = build_index(s, progress=False)
    assert second.generation is None and second.embedded == 0 and not second.added
    assert current_generation(s.index_dir).name == first.generation


def test_changed_document_is_replaced_and_removed_document_disappears(tmp_path, corpus_copy):
    s = _settings(tmp_path, corpus_copy)
    build_index(s, progress=False)
    path = corpus_copy / "renewal-rules-template.txt"
    path.write_text(path.read_text("utf-8").replace("第九条:生效日期\n本续贷实施细则自发布之日起生效。",
                                                    "第九条:生效日期\n本续贷实施细则自2025年1月1日起生效。"), "utf-8")
    (corpus_copy / "cunzhen-sme-loan.txt").unlink()
    report = build_index(s, progress=False)
    assert report.updated == ["renewal-rules-template"] and report.removed == ["cunzhen-sme-loan"]
    assert report.embedded <= 3, "only the changed clause (and its article) are embedded again"
    units = _units(s)
    assert not any(u["doc_id"] == "cunzhen-sme-loan" for u in units)
    texts = [u["text"] for u in units if u["clause_id"] == "renewal-rules-template/a9"]
    assert texts and "2025年1月1日" in texts[0]
    hits = HybridSearcher(s).search("村镇银行小微企业贷款", k=50)
    assert all(h.unit.doc_id != "cunzhen-sme-loan" for h in hits), "no stale chunks in the dense store"


def test_identity_change_rebuilds(tmp_path, corpus_copy):
    s = _settings(tmp_path, corpus_copy)
    build_index(s, progress=False)
    other = replace(s, embedding="hash:128")
    with pytest.raises(IndexError_, match="--rebuild"):
        HybridSearcher(other).search("续贷", k=3)
    report = build_index(other, progress=False)
    assert report.generation is not None and len(report.added) == 11
    assert HybridSearcher(other).search("续贷次数", k=3)


def test_crash_mid_ingest_keeps_previous_index(tmp_path, corpus_copy, monkeypatch):
    s = _settings(tmp_path, corpus_copy)
    good = build_index(s, progress=False).generation
    (corpus_copy / "xudaitong.txt").unlink()
    import ingest.index

    def boom(*args, **kwargs):
        raise KeyboardInterrupt  # as if Ctrl-C arrived while vectors were written

    monkeypatch.setattr(ingest.index, "write_vectors", boom)
    with pytest.raises(KeyboardInterrupt):
        build_index(s, progress=False)
    assert current_generation(s.index_dir).name == good
    hits = HybridSearcher(s).search("质押贷款能否办理续贷通", k=5)
    assert any(h.unit.doc_id == "xudaitong" for h in hits), "queries still see the last complete index"
    monkeypatch.undo()
    report = build_index(s, progress=False)
    assert report.removed == ["xudaitong"]
    assert len(list(s.index_dir.glob("gen-*"))) <= 2, "partial generations are cleaned up"


def test_second_ingest_waits_for_the_first(tmp_path, corpus_copy):
    s = _settings(tmp_path, corpus_copy)
    with ingest_lock(s.index_dir):
        with pytest.raises(IndexError_, match="另一个建索引进程"):
            build_index(s, progress=False)


def test_missing_index_says_how_to_build_it(tmp_path, corpus_copy):
    s = _settings(tmp_path, corpus_copy)
    with pytest.raises(IndexError_, match="python -m ingest"):
        HybridSearcher(s).search("续贷", k=3)


def test_damaged_index_says_how_to_rebuild(tmp_path, corpus_copy):
    s = _settings(tmp_path, corpus_copy)
    build_index(s, progress=False)
    (current_generation(s.index_dir) / "units.jsonl").write_text("{not json", "utf-8")
    with pytest.raises(IndexError_, match="--rebuild"):
        HybridSearcher(s).search("续贷", k=3)


def test_bad_corpus_file_is_skipped_and_reported(tmp_path, corpus_copy):
    (corpus_copy / "broken.txt").write_bytes(b"\xff\xfe garbage")
    s = _settings(tmp_path, corpus_copy)
    report = build_index(s, progress=False)
    assert len(report.added) == 11 and any("broken.txt" in m for m in report.skipped)


def test_the_dense_side_finds_the_nearest_clauses_after_every_rebuild(tmp_path, corpus_copy):
    """Two rebuilds of one corpus search alike, and the dense side returns the truly nearest units (as a
    brute-force scan ranks them): a borderline clause is neither dropped nor let in by the graph's build."""
    import numpy as np
    from ingest.embed import get_embedder
    from ingest.store import DenseStore
    first = _settings(tmp_path / "a", corpus_copy)
    second = _settings(tmp_path / "b", corpus_copy)
    build_index(first, progress=False)
    build_index(second, progress=False)
    units = _units(first)
    embedder = get_embedder("hash")
    matrix = embedder.passages([u["index_text"] for u in units])
    stores = [DenseStore(s, current_generation(s.index_dir)) for s in (first, second)]
    for question in ("质押贷款能否办理续贷通", "注销抵押登记多久办结", "续贷资金能否用于购置设备", "资金回笼率"):
        vector = embedder.query(question)
        scores = matrix @ vector / (np.linalg.norm(matrix, axis=1) * np.linalg.norm(vector) + 1e-12)
        nearest = [units[i]["clause_id"] for i in np.argsort(-scores, kind="stable")[:10]]
        runs = [[cid for cid, _s in store.query(vector, 10)] for store in stores]
        assert runs[0] == runs[1]
        assert set(runs[0]) == set(nearest)
