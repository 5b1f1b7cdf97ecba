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


def test_the_word_classes_the_grammar_reads_are_in_the_glossary_with_their_reasons():
    from ingest.tokenize import GLOSSARY, WORD_CLASSES, word_class
    lines = [ln.split("\t") for ln in GLOSSARY.read_text("utf-8").splitlines() if ln.startswith("@words")]
    assert lines and all(len(cells) >= 4 and cells[3].strip() for cells in lines)
    # the classes the question grammar reads: where a property lies, what is sold with a loan, how a question asks
    assert {"县以下", "不动产", "搭售产品", "一律", "评判", "问可行", "持牌放贷方", "发文机构"} <= set(WORD_CLASSES)
    # longest word first, so 县城 is read whole, not as a shorter word inside it
    import re
    assert re.match(word_class("不动产"), "不动产").group() == "不动产"


def test_a_word_class_line_without_its_reason_is_refused(tmp_path, monkeypatch):
    import pytest
    import ingest.tokenize as t
    bad = tmp_path / "glossary.tsv"
    bad.write_text("@words\t县以下\t县里 乡镇\t\n", "utf-8")
    monkeypatch.setattr(t, "GLOSSARY", bad)
    with pytest.raises(ValueError):
        t._load_glossary()
