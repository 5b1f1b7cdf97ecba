"""The corpus: verbatim against the seeds, metadata, the clause split of every document."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from ingest.load import CorpusError, load_corpus, parse_doc
from ingest.numerals import int_to_cn

from .conftest import SEEDS


def articles(a: int, b: int) -> list[str]:
    return [f"第{int_to_cn(n)}条" for n in range(a, b + 1)]


# Written by reading each document: its top-level clauses, in order.
EXPECTED_TOP = {
    "ganzhou-notice": ["前言", "一、", "二、", "三、", "四、", "五、", "六、", "附件"],
    "ganzhou-mortgage-rules": ["附件", "适用范围", "申请方式", "三、", "四、", "五、"],
    "renewal-rules-template": ["标题"] + articles(1, 9),
    "xudaitong": ["标题"] + articles(1, 6),
    "nongshang-renewal": ["标题"] + articles(1, 6),
    "heilongjiang-rcc-renewal": ["标题"] + articles(1, 4),
    "cunzhen-sme-loan": ["标题"] + articles(1, 5) + ["第十五条", "第十六条"],
    "sme-loan-operating-rules": ["标题", "一、", "二、", "三、", "四、"],
    "xudaitong-2": ["标题"] + articles(1, 5),
    "renewal-rules-2024": ["标题"] + articles(1, 17),
    "renewal-guideline": ["标题"] + articles(1, 19),
}

# Items that citations must be able to point at: (doc, parent ref) -> number of items.
EXPECTED_ITEMS = {
    ("xudaitong", "第三条"): 5, ("xudaitong", "第六条"): 9,
    ("nongshang-renewal", "第三条"): 5, ("nongshang-renewal", "第五条"): 5, ("nongshang-renewal", "第六条"): 11,
    ("heilongjiang-rcc-renewal", "第三条"): 3, ("heilongjiang-rcc-renewal", "第四条"): 10,
    ("cunzhen-sme-loan", "第五条"): 6, ("cunzhen-sme-loan", "第十六条"): 1,
    ("xudaitong-2", "第三条"): 2, ("xudaitong-2", "第五条"): 6,
    ("renewal-guideline", "第四条"): 3, ("renewal-guideline", "第六条"): 8, ("renewal-guideline", "第七条"): 10,
    ("renewal-guideline", "第十六条"): 2, ("renewal-guideline", "第十七条"): 2, ("renewal-guideline", "第十九条"): 4,
    ("ganzhou-mortgage-rules", "三、"): 2,
    ("renewal-rules-template", "第二条"): 3, ("renewal-rules-template", "第三条"): 4,
    ("sme-loan-operating-rules", "二、"): 8, ("sme-loan-operating-rules", "三、"): 5,
}


def test_every_document_is_expected(corpus_docs):
    assert set(corpus_docs) == set(EXPECTED_TOP)


@pytest.mark.parametrize("doc_id", sorted(EXPECTED_TOP))
def test_top_level_labels(corpus_clauses, doc_id):
    assert [c.ref for c in corpus_clauses[doc_id] if c.is_top] == EXPECTED_TOP[doc_id]


@pytest.mark.parametrize("doc_id,parent", sorted(EXPECTED_ITEMS))
def test_items_are_addressable(corpus_clauses, doc_id, parent):
    clauses = corpus_clauses[doc_id]
    top = next(c for c in clauses if c.is_top and c.ref == parent)
    children = [c for c in clauses if c.parent_id == top.clause_id]
    assert len(children) == EXPECTED_ITEMS[(doc_id, parent)]
    for child in children:
        assert top.start <= child.start < child.end <= top.end


def test_offsets_hold_for_every_clause(corpus_docs, corpus_clauses):
    for doc_id, clauses in corpus_clauses.items():
        text = corpus_docs[doc_id].text
        ids = [c.clause_id for c in clauses]
        assert len(ids) == len(set(ids)), doc_id
        for c in clauses:
            assert text[c.start:c.end] == c.text, c.clause_id


def test_cross_references_are_not_headings(corpus_clauses):
    # 第十九条（四）mentions 第二顺位/第一顺位; 第三条 of xudaitong cites 贷款新规: no stray clauses
    guideline = {c.ref for c in corpus_clauses["renewal-guideline"]}
    assert "第二条" in guideline and not any("顺位" in r for r in guideline)
    notice = corpus_clauses["ganzhou-notice"]
    first = next(c for c in notice if c.ref == "一、")
    assert "（银保监办发[2019]48号）" in first.text


def test_excerpt_gap_is_kept(corpus_clauses):
    refs = [c.ref for c in corpus_clauses["cunzhen-sme-loan"] if c.is_top]
    assert refs.index("第十五条") == refs.index("第五条") + 1


def test_metadata(corpus_docs):
    notice = corpus_docs["ganzhou-notice"]
    assert notice.level == "regulator" and notice.issuer == "赣州银保监分局" and not notice.excerpt
    attachment = corpus_docs["ganzhou-mortgage-rules"]
    assert attachment.attachment_of == "ganzhou-notice"
    assert corpus_docs["renewal-rules-template"].level == "template"
    assert corpus_docs["cunzhen-sme-loan"].excerpt and corpus_docs["xudaitong"].excerpt
    for doc in corpus_docs.values():
        assert re.fullmatch(r"[a-z0-9-]+", doc.doc_id)
        assert (SEEDS / doc.source).exists() or not SEEDS.exists()


# --- verbatim against the seeds ------------------------------------------------------

_DISCLAIMER = re.compile(r"^- \d、")
_PAGE_NUMBER = re.compile(r"^-?\d{1,3}$")
_PAGE_PREFIX = re.compile(r"^-?\d{1,3}(?=第)")


def seed_lines(name: str) -> Counter:
    kept: Counter = Counter()
    for line in (SEEDS / name).read_text("utf-8").split("\n"):
        line = line.strip()
        if not line or _DISCLAIMER.match(line) or _PAGE_NUMBER.match(line):
            continue
        kept[_PAGE_PREFIX.sub("", line)] += 1
    return kept


@pytest.mark.skipif(not SEEDS.exists(), reason="../shared/seeds is not beside the checkout")
@pytest.mark.parametrize("seed", ["000_37901317011bf0b1.txt", "004_f29f725c662df3e5.txt"])
def test_corpus_is_verbatim(corpus_docs, seed):
    """Every seed line (but the disclaimer and page numbers) is in the corpus exactly
    once, character for character, and the corpus has no line the seed lacks."""
    corpus: Counter = Counter()
    for doc in corpus_docs.values():
        if doc.source == seed:
            corpus.update(line.strip() for line in doc.text.split("\n") if line.strip())
    expected = seed_lines(seed)
    assert corpus - expected == Counter(), "lines not in the seed"
    assert expected - corpus == Counter(), "seed lines missing from the corpus"


def test_typos_are_kept(corpus_docs):
    assert "改善对小微企业得金融服务" in corpus_docs["nongshang-renewal"].text
    assert "牵固树立" in corpus_docs["ganzhou-notice"].text


# --- bad input -----------------------------------------------------------------------

GOOD = "+++\ndoc_id = \"good\"\ntitle = \"甲\"\nkind = \"通知\"\nlevel = \"bank\"\nsource = \"x\"\n+++\n第一条 甲。\n"


@pytest.mark.parametrize("name,raw,message", [
    ("empty.txt", b"", "空的"),
    ("blank.txt", b"  \n\n", "空的"),
    ("latin1.txt", GOOD.replace("甲", "x").encode() + "é".encode("latin-1"), "不是 UTF-8"),
    ("binary.txt", b"\x00\x01\x02PK", "NUL"),
    ("nometa.txt", "第一条 甲。".encode(), "缺少元数据块"),
    ("unclosed.txt", b"+++\ndoc_id = \"a\"\n", "没有结束"),
    ("badtoml.txt", "+++\ndoc_id = a b\n+++\n甲".encode(), "元数据格式错误"),
    ("missing.txt", "+++\ndoc_id = \"a\"\n+++\n甲".encode(), "缺少"),
    ("badslug.txt", GOOD.replace('"good"', '"Bad Slug"').encode(), "小写字母"),
    ("badlevel.txt", GOOD.replace('"bank"', '"ministry"').encode(), "level"),
    ("notext.txt", GOOD.split("+++\n第")[0].encode() + b"+++\n", "没有正文"),
])
def test_bad_files_are_rejected_with_a_named_reason(name, raw, message):
    with pytest.raises(CorpusError) as exc:
        parse_doc(raw, name)
    assert name in str(exc.value) and message in str(exc.value)


def test_bad_files_do_not_stop_the_others(tmp_path: Path):
    (tmp_path / "good.txt").write_text(GOOD, "utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "gbk.txt").write_bytes("第一条 甲。".encode("gbk"))
    (tmp_path / "dup.txt").write_text(GOOD, "utf-8")
    docs, errors = load_corpus(tmp_path)
    assert [d.path for d in docs] == ["dup.txt"]
    # files load in name order: dup.txt claims the doc_id first, good.txt is the duplicate
    assert [str(e).split("：")[0] for e in errors] == ["empty.txt", "gbk.txt", "good.txt"]
    assert "已被 dup.txt 使用" in str(errors[-1])
    assert (tmp_path / "gbk.txt").read_bytes() == "第一条 甲。".encode("gbk"), "input files are never modified"


def test_missing_corpus_dir_says_how_to_fix(tmp_path: Path):
    with pytest.raises(CorpusError, match="POLICYQA_CORPUS"):
        load_corpus(tmp_path / "nope")
