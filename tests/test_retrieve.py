"""Hybrid retrieval on the real corpus with the bundled model; bad queries."""

from __future__ import annotations

import pytest

from assistant.models import QueryError
from assistant.retrieve import as_retriever


@pytest.mark.parametrize("query,expected", [
    ("质押贷款能否办理续贷通", "xudaitong/a5"),
    ("注销抵押登记多久办结", "ganzhou-mortgage-rules/s4"),
    ("同一笔贷款最多续贷几次", "nongshang-renewal/a3.i5"),
    ("续贷要提前多久申请", "renewal-guideline/a15"),
    ("How many times can the same loan be renewed?", "nongshang-renewal/a3.i5"),
])
def test_gold_clause_in_top_five(assistant, query, expected):
    ids = [h.clause_id for h in assistant.searcher.search(query, k=5)]
    assert any(i == expected or i.startswith(expected + ".") or expected.startswith(i + ".") for i in ids), ids


def test_hits_carry_scores_and_metadata(assistant):
    hits = assistant.searcher.search("资金回笼率", k=3)
    assert hits[0].unit.doc_id == "nongshang-renewal" and hits[0].unit.ref.startswith("第六条")
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)


def test_restrict_to_documents_and_levels(assistant):
    hits = assistant.searcher.search("续贷", k=10, doc_ids=["ganzhou-notice"])
    assert hits and {h.unit.doc_id for h in hits} == {"ganzhou-notice"}
    hits = assistant.searcher.search("抵押登记", k=10, levels=["regulator"])
    assert hits and {h.unit.level for h in hits} == {"regulator"}


def test_per_document_mode_returns_each_document(assistant):
    per_doc = assistant.searcher.search_per_doc("续贷资金用途", 2)
    assert {"xudaitong", "nongshang-renewal", "renewal-rules-2024"} <= set(per_doc)
    assert all(len(hits) <= 2 for hits in per_doc.values())


def test_langchain_retriever(assistant):
    docs = as_retriever(assistant.searcher, k=4).invoke("存单质押")
    assert 0 < len(docs) <= 4 and docs[0].metadata["hit"].unit.text == docs[0].page_content


@pytest.mark.parametrize("query", ["", "   ", "\n\t"])
def test_empty_query_is_refused(assistant, query):
    with pytest.raises(QueryError, match="问题为空"):
        assistant.searcher.search(query)


@pytest.mark.parametrize("query", ["？？！！。。", "……", "　!!"])
def test_punctuation_only_gives_nothing(assistant, query):
    assert assistant.searcher.search(query, k=5) == []


@pytest.mark.parametrize("query", ["的了吗", "是不是", "the of and"])
def test_stopwords_only_give_only_weak_dense_hits(assistant, query):
    # no word to match: BM25 finds nothing, and what the dense side finds alone scores below
    # what any clause with a matching word gets (fused scores are scaled so that first place on
    # both sides is 1.0; first place on the dense side alone is dense_weight / (1 + dense_weight))
    settings = assistant.settings
    hits = assistant.searcher.search(query, k=5)
    assert all(h.bm25 == 0.0 for h in hits), [(h.clause_id, h.bm25) for h in hits]
    ceiling = settings.dense_weight / (1.0 + settings.dense_weight) + 1e-9
    assert all(h.score <= ceiling for h in hits), [h.score for h in hits]
    assert assistant.searcher.search("质押贷款能否办理续贷通", k=1)[0].score > 2 * ceiling


def test_tuning_knobs_come_from_the_settings(real_settings):
    from dataclasses import replace

    from assistant.retrieve import HybridSearcher

    query = "续贷资金能否用于其他用途"
    bm25_only = HybridSearcher(replace(real_settings, dense_weight=0.0, top_k=3))
    assert len(bm25_only.search(query)) == 3, "top_k is the default k"
    assert [h.clause_id for h in bm25_only.search(query, k=8)] == \
        [h.clause_id for h in bm25_only.search(query, k=8, mode="bm25")], "dense_weight 0 leaves BM25's order"
    assert any(h.dense > 0 for h in HybridSearcher(real_settings).search(query, k=8))
    narrow = HybridSearcher(replace(real_settings, candidates=1)).search(query, k=8)
    assert 1 <= len(narrow) <= 2, "one candidate from each side"


def test_huge_query_is_refused_with_the_limit(assistant):
    with pytest.raises(QueryError, match="2,000"):
        assistant.searcher.search("续贷" * 50_000)


def test_nul_and_control_characters_are_ignored(assistant):
    hits = assistant.searcher.search("质押\x00贷款\x07续贷通", k=3)
    assert hits and hits[0].unit.doc_id in {"xudaitong", "xudaitong-2", "nongshang-renewal"}


def test_k_larger_than_the_index(assistant):
    hits = assistant.searcher.search("续贷", k=10_000)
    assert 0 < len(hits) <= len(assistant.searcher.index.units)
