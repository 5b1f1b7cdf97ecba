"""Table-driven tests of the clause splitter's numbering patterns and traps."""

from __future__ import annotations

import pytest

from ingest.clauses import split_clauses
from ingest.numerals import cn_to_int, int_to_cn


@pytest.mark.parametrize("text,value", [
    ("一", 1), ("十", 10), ("十一", 11), ("二十", 20), ("二十三", 23), ("一百零五", 105),
    ("两", 2), ("12", 12), ("〇", 0), ("abc", None), ("", None),
])
def test_cn_to_int(text, value):
    assert cn_to_int(text) == value


@pytest.mark.parametrize("n", [1, 9, 10, 11, 19, 20, 21, 99, 100, 105, 110, 999])
def test_int_to_cn_round_trips(n):
    assert cn_to_int(int_to_cn(n)) == n


def labels(text: str, top_only: bool = False) -> list[str]:
    return [c.ref for c in split_clauses("t", text) if not top_only or c.is_top]


CASES = [
    # articles with Chinese and Arabic numerals, one per line
    ("articles per line", "第一条 总则。\n第二条 范围。\n第三条 附则。", ["第一条", "第二条", "第三条"]),
    ("arabic articles", "第1条 甲。\n第2条 乙。", ["第1条", "第2条"]),
    ("article with colon", "第一条:背景和目的\n本细则……。\n第二条:条件\n内容。", ["第一条", "第二条"]),
    # chapter and article mid-line after the title
    ("chapter and article mid-line",
     "某某办法第一章总则第一条为缓解问题,特制定本办法。\n第二条本办法所称续贷是指……。\n第二章适用对象第三条适用对象为……。",
     ["标题", "第一条", "第二条", "第三条"]),
    ("parts and sections", "第一编 总则\n第一章 一般规定\n第一节 定义\n第一条 甲。\n第二节 范围\n第二条 乙。",
     ["第一条", "第二条"]),
    # cross-references stay inside their clause
    ("cross reference 按照", "第一条 甲。\n第二条 按照第七条规定办理,依照本办法第三条执行。\n第三条 丙。",
     ["第一条", "第二条", "第三条"]),
    ("document number in parentheses", "第一条 根据(银发[2019]48号)和(银保监发[2019]8号)制定。\n第二条 乙。",
     ["第一条", "第二条"]),
    ("mid-line out of sequence is a reference", "第一条 甲,见第五条。第二条乙。", ["第一条", "第二条"]),
    # a gap between articles at line starts is kept, never filled
    ("excerpt gap kept", "第四条 甲。\n第五条 乙。\n第十五条 丙。\n第十六条 丁。",
     ["第四条", "第五条", "第十五条", "第十六条"]),
    # notice-style sections
    ("sections", "通知\n一、第一件事。\n二、第二件事。\n三、第三件事。", ["标题", "一、", "二、", "三、"]),
    ("section mid-line after title", "某某操作规程一、业务范围:甲。\n二、业务流程:乙。", ["标题", "一、", "二、"]),
    ("enumeration 一、二级 is not a section", "前言。\n一、分为一、二级管理。\n二、乙。", ["前言", "一、", "二、"]),
    # items, full- and half-width, mid-line
    ("items mid-line", "第六条需符合以下条件(一)甲;(二)乙;(三)丙。",
     ["第六条", "第六条（一）", "第六条（二）", "第六条（三）"]),
    ("full-width items per line", "第七条 不得办理:\n（一）逾期的;\n（二）欠息的。",
     ["第七条", "第七条（一）", "第七条（二）"]),
    ("item cross-reference 第六条（三）", "第一条 甲。\n第二条 按本办法第六条（三）执行。",
     ["第一条", "第二条"]),
    ("parenthesised non-numerals are text", "第一条 原贷款到期(含展期后到期)后,抵(质)押物(含)以上。",
     ["第一条"]),
    # numbered sub-items
    ("sub-items 1.", "第二条:条件\n1. 甲。\n2. 乙。\n3. 丙。",
     ["第二条", "第二条第1项", "第二条第2项", "第二条第3项"]),
    ("sub-items 1、 after colon", "二、业务流程:1、咨询。\n2、评估。", ["二、", "二、第1项", "二、第2项"]),
    ("decimal is not a sub-item", "第一条 “续贷通”(2.0版本)办法。\n第二条 1.5倍。", ["第一条", "第二条"]),
    # attachments and unnumbered headings
    ("attachment and unnumbered headings",
     "附件\n\n某某操作规程\n为做好工作制定规程如下：\n\n适用范围\n\n以不动产作为抵押物的，适用本规程。\n\n申请方式\n\n抵押双方应当共同向登记机构申请。\n\n三、登记材料\n\n（一）注销登记\n\n申请书\n\n身份证明",
     ["附件", "适用范围", "申请方式", "三、", "三、（一）"]),
    ("attachment reference line in a notice", "前言。\n一、甲。\n附件：《某某规程》", ["前言", "一、", "附件"]),
    ("title only", "某某办法", ["标题"]),
]


@pytest.mark.parametrize("name,text,expected", CASES, ids=[c[0] for c in CASES])
def test_numbering_patterns(name, text, expected):
    assert labels(text) == expected


@pytest.mark.parametrize("name,text,expected", CASES, ids=[c[0] for c in CASES])
def test_offsets_are_exact(name, text, expected):
    for c in split_clauses("t", text):
        assert text[c.start:c.end] == c.text
        assert c.text == c.text.strip()


def test_cross_reference_stays_inside_its_clause():
    text = "第一条 甲。\n第二条 按照第七条规定办理。\n第三条 丙。"
    second = [c for c in split_clauses("t", text) if c.label == "第二条"][0]
    assert "按照第七条规定办理" in second.text


def test_paths_carry_the_heading_chain():
    text = "办法第一章总则第一条为甲。\n第二章适用对象和条件第二条适用对象为乙(一)丙;(二)丁。"
    by_ref = {c.ref: c for c in split_clauses("doc", text)}
    assert by_ref["第二条"].path == "第二章适用对象和条件 > 第二条"
    assert by_ref["第二条（二）"].path == "第二章适用对象和条件 > 第二条 > （二）"
    assert by_ref["第二条（二）"].parent_id == by_ref["第二条"].clause_id
    assert by_ref["第一条"].path == "第一章总则 > 第一条"


def test_clause_ids_are_stable_and_unique():
    text = "第一条 甲(一)乙;(二)丙。\n第二条 丁。"
    first = [c.clause_id for c in split_clauses("doc", text)]
    assert first == [c.clause_id for c in split_clauses("doc", text)]
    assert first == ["doc/a1", "doc/a1.i1", "doc/a1.i2", "doc/a2"]


def test_item_text_ends_where_the_next_item_starts():
    text = "第六条需符合以下条件(一)甲;(二)乙。"
    items = [c for c in split_clauses("t", text) if c.kind == "item"]
    assert [i.text for i in items] == ["(一)甲;", "(二)乙。"]


@pytest.mark.parametrize("text", ["", "   \n\n", "。。。", "(一)(二)", "1. 2. 3.", "第条", "第十"])
def test_degenerate_input_never_crashes(text):
    for c in split_clauses("t", text):
        assert text[c.start:c.end] == c.text
