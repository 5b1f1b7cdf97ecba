"""The glossary (ingest/data/glossary.tsv): how officers talk, mapped to the documents' words. Each
entry must be live — it maps to other words some document uses and gives its reason — and it must
come out of the tokenizer whole, or it maps nothing."""

from __future__ import annotations

import pytest

from ingest.tokenize import GLOSSARY, SYNONYMS, terms


def _entries() -> list[list[str]]:
    return [line.split("\t") for line in GLOSSARY.read_text("utf-8").splitlines()
            if line.strip() and not line.startswith(("#", "@"))]


def test_every_entry_has_a_word_and_a_reason():
    for entry in _entries():
        assert len(entry) == 3 and entry[0].strip() and entry[2].strip(), entry


def test_every_chinese_entry_maps_to_other_words_the_documents_use(corpus_docs):
    # (an English function word may map to nothing: it is dropped)
    text = "".join(d.text for d in corpus_docs.values())
    for word, targets, _why in _entries():
        if word.isascii() and not targets:
            continue
        found = [t for t in targets.split(",") if t in text]
        assert found and word not in found, word


@pytest.mark.parametrize("question,word", [("客户压着房本在我行，能续贷吗", "压着房本"),
                                           ("客户周转不开，能续贷吗", "周转不开")])
def test_a_glossary_word_comes_out_whole(question, word):
    assert word in SYNONYMS and any(tok == word for tok, _syns in terms(question))


@pytest.mark.parametrize("word,base", [
    ("completed", "complete"), ("processed", "process"), ("renewing", "renew"), ("policies", "policy"),
    # a word whose stripped form the glossary does not list is left as it is
    ("thing", "thing"), ("bus", "bus"),
])
def test_an_inflected_english_word_is_looked_up_by_its_base_form(word, base):
    from ingest.tokenize import english_stem
    assert english_stem(word) == base


@pytest.mark.parametrize("question,word", [
    # a negative contraction's stem (hasn of hasn't) is its auxiliary, a function word; n't is read as the negation
    ("The loan hasn't been repaid. Can it be renewed?", "hasn"),
    ("The guarantor doesn't agree. Can we renew?", "doesn"),
    # time determiners (last week, next month) and instead say when or how, not what
    ("The loan matured last week. Can it be renewed?", "last"),
    ("Can the money be used for equipment instead?", "instead"),
])
def test_english_function_words_are_no_concepts(question, word):
    from assistant.question import analyse
    assert not any(word in c.members for c in analyse(question).concepts)
