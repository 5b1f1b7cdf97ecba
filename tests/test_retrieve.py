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


@pytest.mark.parametrize("query", ["？？！！。。", "……", "的了吗"])
def test_punctuation_or_stopwords_only_gives_nothing_or_weak_hits(assistant, query):
    hits = assistant.searcher.search(query, k=5)
    assert isinstance(hits, list)


def test_huge_query_is_refused_with_the_limit(assistant):
    with pytest.raises(QueryError, match="2,000"):
        assistant.searcher.search("续贷" * 50_000)


def test_nul_and_control_characters_are_ignored(assistant):
    hits = assistant.searcher.search("质押\x00贷款\x07续贷通", k=3)
    assert hits and hits[0].unit.doc_id in {"xudaitong", "xudaitong-2", "nongshang-renewal"}


def test_k_larger_than_the_index(assistant):
    hits = assistant.searcher.search("续贷", k=10_000)
    assert 0 < len(hits) <= len(assistant.searcher.index.units)
