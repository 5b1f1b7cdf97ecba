"""Consistency checking on the real corpus. The disagreements and agreements below were
found by reading the documents; each names the clauses it rests on."""

from __future__ import annotations

import pytest

from assistant.consistency import TOPICS, compare, report, to_csv
from assistant.values import differ, quantities


@pytest.mark.parametrize("text,expected", [
    ("对同一笔贷款续贷次数不得超过2次,且对同一客户累计续贷次数不得超过4次", ["≤2次", "≤4次"]),
    ("单笔贷款额度200万元(含)以上", ["≥200万元"]),
    ("企业单笔续贷额度控制在1500万元及以下", ["≤1500万元"]),
    ("资金回笼率在5%(含)以上", ["≥5%"]),
    ("在1小时内办结后受理再次抵押登记业务，并在1个工作日内办结", ["≤1小时", "≤1工作日"]),
    ("续贷次数不得超过两次", ["≤2次"]),
    ("须在原贷款到期前三个月提出", ["3个月"]),
    ("额度不超过1.5亿元", ["≤15000万元"]),
    ("（银保监办发[2019]48号）", []),
])
def test_quantities_are_normalised(text, expected):
    assert [str(q) for q in quantities(text)] == expected


def test_same_limit_in_other_words_is_not_a_difference():
    assert differ(quantities("不得超过2次"), quantities("最多两次")) == []
    assert differ(quantities("不得超过2次"), quantities("不得超过3次"))


# (question, the documents that must be flagged against each other, the clauses they rest on)
DISAGREEMENTS = [
    ("续贷资金能否用于其他用途", {"renewal-rules-2024", "xudaitong"},
     "2024细则第十五条 可用于设备购置、项目建设 vs 续贷通第三条（四）不得用于其他用途"),
    ("质押贷款能否办理续贷", {"nongshang-renewal", "heilongjiang-rcc-renewal"},
     "农商第五条 不含质押贷款 vs 黑龙江第四条（六）抵(质)押人同意继续担保"),
    ("信用贷款能否办理续贷", {"nongshang-renewal", "heilongjiang-rcc-renewal"},
     "农商第五条 不含信用贷款 vs 黑龙江第四条（八）使信用贷款转化为担保贷款"),
    ("续贷审批流程能否简化", {"renewal-guideline", "renewal-rules-2024"},
     "指引第四条（一）不得简化操作程序 vs 2024细则第十一条 审批流程应当简化"),
    ("单笔续贷额度是多少万元", {"nongshang-renewal", "xudaitong-2"},
     "农商第六条（九）200万元(含)以上 vs 续贷通2.0第五条（五）1500万元及以下/200万元及以下"),
    ("续贷是指原贷款到期前还是到期后发放贷款", {"renewal-guideline", "xudaitong"},
     "指引第二条 原贷款到期前 vs 续贷通第二条 到期后"),
    ("续贷利率如何确定", {"renewal-guideline", "renewal-rules-template"},
     "指引第十二条 借贷双方协商确定 vs 范本第五条 根据信用等级和市场利率确定"),
    ("抵押物价值不足时能否续贷", {"heilongjiang-rcc-renewal", "renewal-guideline"},
     "黑龙江第四条（七）增加抵押物或降低额度后可续贷 vs 指引第七条（四）不能提供其他足额担保的不得续贷"),
]

AGREEMENTS = [
    ("续贷是否实行名单制管理", {"xudaitong", "nongshang-renewal", "renewal-guideline"}),
    ("借款人账户被冻结能否续贷", {"renewal-guideline", "xudaitong"}),
    ("个人消费性贷款能否续贷", {"nongshang-renewal", "xudaitong"}),
    ("原贷款须为正常类吗", {"xudaitong", "xudaitong-2", "heilongjiang-rcc-renewal", "renewal-guideline"}),
    ("原贷款有逾期或欠息能否续贷", {"renewal-guideline", "nongshang-renewal"}),
    ("续贷抵押登记办理时限是多少", {"ganzhou-mortgage-rules"}),
]


@pytest.mark.parametrize("question,docs,why", DISAGREEMENTS, ids=[d[0] for d in DISAGREEMENTS])
def test_disagreements_are_flagged(assistant, question, docs, why):
    comp = compare(assistant, question)
    flagged = set().union(*(set(c.doc_ids) for c in comp.conflicts)) if comp.conflicts else set()
    assert docs <= flagged, f"{why}: flagged {comp.conflicts}"
    for r in comp.rows:
        if r.citation:
            assert r.citation.quote in r.citation.text


@pytest.mark.parametrize("question,docs", AGREEMENTS, ids=[a[0] for a in AGREEMENTS])
def test_agreements_flag_nothing(assistant, question, docs):
    comp = compare(assistant, question)
    stated = {r.doc_id for r in comp.rows if r.status == "规定"}
    assert docs <= stated
    assert comp.conflicts == []


def test_silent_documents_are_listed_not_dropped(assistant):
    comp = compare(assistant, "同一笔贷款续贷次数有什么限制")
    by_doc = {r.doc_id: r for r in comp.rows}
    assert len(by_doc) == len(assistant.searcher.index.docs)
    assert by_doc["nongshang-renewal"].values == ["≤2次", "≤4次"]
    assert by_doc["ganzhou-notice"].cell == "未规定"


def test_regulator_side_is_named(assistant):
    # the notice (第一条) has renewal before the old loan falls due; 续贷通 第二条 has it after
    comp = compare(assistant, "续贷是指原贷款到期前还是到期后发放贷款")
    by_doc = {r.doc_id: r for r in comp.rows}
    assert by_doc["ganzhou-notice"].categories == ["原贷款到期前"]
    assert by_doc["xudaitong"].categories == ["原贷款到期后"]
    flagged = [c for c in comp.conflicts if "ganzhou-notice" in c.doc_ids]
    assert flagged and all(c.regulator and "关于进一步加大" in c.regulator for c in flagged), comp.conflicts
    assert not any(c.regulator for c in comp.conflicts
                   if not any(by_doc[d].level == "regulator" for d in c.doc_ids)), "only a regulator is named so"


def test_whole_report_markdown_and_csv(assistant):
    md = report(assistant, "md")
    assert md.startswith("# 续贷政策一致性检查报告")
    assert all(topic in md for topic, _ in TOPICS)
    assert "## 标出的差异" in md and "结论相反" in md
    csv_text = to_csv([compare(assistant, TOPICS[0][1], TOPICS[0][0])])
    assert csv_text.splitlines()[0].startswith("topic,doc_id")
