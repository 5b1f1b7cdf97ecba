"""Consistency checking on the real corpus. The disagreements and agreements below were
found by reading the documents; each names the clauses it rests on."""

from __future__ import annotations

import pytest

import json
import os
import subprocess
import sys
from pathlib import Path

from assistant.consistency import (COMPARISON_HEADERS, MECHANISMS, TOPICS, compare, read_topics, report, to_csv,
                                   topic_question)
from assistant.question import analyse
from assistant.reason import family_spoken_of

from .conftest import ROOT
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


# Disagreements and agreements found by reading the seeds afresh (a helper given only the seeds
# and the clause listing), asked in a compliance officer's own words — not the report's topics.
CASES = [json.loads(line) for line in (Path(__file__).parent / "data" / "compare_cases.jsonl").read_text("utf-8").splitlines()
         if line.strip()]
CONFLICTS = [c for c in CASES if c["expect"] == "conflict"]
AGREES = [c for c in CASES if c["expect"] == "agree"]
# measured when the reading-based comparison landed: 10 of 16; 12 of 16 after the evening session's
# grammar (the others need an inference the grammar does not make, listed in the closing note); a
# regression below it fails
MIN_FLAGGED = 13


def _flagged_between(comp, case) -> bool:
    sides = {s["doc_id"] for s in case["sides"]}
    return any(len(sides & set(c.doc_ids)) >= 2 for c in comp.conflicts)


def test_the_case_file_rests_on_real_clauses(corpus_docs):
    assert len(CONFLICTS) >= 10 and len(AGREES) >= 5
    for case in CASES:
        for side in case["sides"]:
            assert side["quote"] in corpus_docs[side["doc_id"]].text, side


def test_free_form_disagreements_are_flagged_with_both_sides_on_topic(assistant):
    flagged = []
    for case in CONFLICTS:
        comp = compare(assistant, case["question"])
        if _flagged_between(comp, case):
            flagged.append(case["id"])
        q = analyse(topic_question(case["question"]))
        for conflict in comp.conflicts:
            assert len({s.doc_id for s in conflict.sides}) >= 2
            for side in conflict.sides:
                # every flag's quotes are about the topic asked: they hold its words, a mechanism's, or
                # (for a value of a classification: 中型企业) the words its siblings are named in
                assert side.quote in corpus_docs_text(assistant, side.doc_id)
                assert any(c.match(side.quote) > 0 or any(family_spoken_of(m, side.quote) for m in c.members)
                           for c in q.concepts) or side.says.strip("（）") in (
                    name for _asked, cats in MECHANISMS for name in cats), (case["id"], side)
    assert len(flagged) >= MIN_FLAGGED, f"flagged {len(flagged)}/{len(CONFLICTS)}: {flagged}"


def corpus_docs_text(assistant, doc_id: str) -> str:
    idx = assistant.searcher.index
    return "\n".join(u.text for u in idx.units if u.doc_id == doc_id)


@pytest.mark.parametrize("case", AGREES, ids=[c["id"] for c in AGREES])
def test_agreements_are_not_flagged(assistant, case):
    comp = compare(assistant, case["question"])
    sides = {s["doc_id"] for s in case["sides"]}
    assert not any(sides & set(c.doc_ids) for c in comp.conflicts), comp.conflicts


def test_agreement_is_said(assistant):
    comp = compare(assistant, "续贷通和续贷通2.0对应收账款质押、存单质押的规定一样吗？")
    assert comp.conflicts == [] and comp.agreement.startswith("一致")


def test_a_one_word_topic_is_read_as_its_question(assistant):
    assert topic_question("质押") == "质押能否办理续贷？"
    comp = compare(assistant, "质押")
    by_doc = {r.doc_id: r for r in comp.rows}
    assert by_doc["nongshang-renewal"].verdict == "no" and by_doc["xudaitong"].status == "规定"
    assert comp.conflicts


def test_silent_documents_are_listed_not_dropped(assistant):
    comp = compare(assistant, "同一笔贷款续贷次数有什么限制")
    by_doc = {r.doc_id: r for r in comp.rows}
    assert len(by_doc) == len(assistant.searcher.index.docs)
    assert by_doc["nongshang-renewal"].values[:2] == ["同一笔贷款续贷次数≤2次", "同一客户累计续贷次数≤4次"]
    assert by_doc["ganzhou-notice"].cell == "未规定"


def test_regulator_side_is_named(assistant):
    # the notice (三、) cancels the old mortgage and registers anew; the guideline (第十九条（四）)
    # keeps it and registers a second-rank mortgage
    comp = compare(assistant, "续贷时原来的抵押怎么处理？")
    by_doc = {r.doc_id: r for r in comp.rows}
    assert by_doc["ganzhou-notice"].categories == ["先注销原抵押再重新登记"]
    assert by_doc["renewal-guideline"].categories == ["第二顺位抵押、原抵押暂不注销"]
    flagged = [c for c in comp.conflicts if "ganzhou-notice" in c.doc_ids]
    assert flagged and all(c.regulator and "关于进一步加大" in c.regulator for c in flagged), comp.conflicts
    assert not any(c.regulator for c in comp.conflicts
                   if not any(by_doc[d].level == "regulator" for d in c.doc_ids)), "only a regulator is named so"


def test_whole_report_markdown_csv_and_xlsx(assistant, tmp_path):
    md = report(assistant, "md")
    assert md.startswith("# 续贷政策一致性检查报告")
    assert all(topic in md for topic, _ in TOPICS)
    assert "## 标出的差异" in md and "## 一致的主题" in md
    csv_text = to_csv([compare(assistant, TOPICS[0][1], TOPICS[0][0])])
    assert csv_text.splitlines()[0] == ",".join(COMPARISON_HEADERS)
    data = report(assistant, "xlsx", topics=TOPICS[:2])
    path = tmp_path / "r.xlsx"
    path.write_bytes(data)
    from openpyxl import load_workbook
    ws = load_workbook(path).active
    assert [c.value for c in ws[1]] == COMPARISON_HEADERS and ws.max_row > 2


def test_user_topics_and_the_per_document_view(assistant, tmp_path):
    topics = tmp_path / "topics.txt"
    topics.write_text("# 合规部关心的问题\n借款人有民间借贷的，各家怎么把握？\n\n", "utf-8")
    assert read_topics(topics) == [("借款人有民间借贷的，各家怎么把握？",) * 2]
    view = report(assistant, "md", topics=read_topics(topics) + TOPICS, doc_id="nongshang-renewal")
    assert view.startswith("# 《XX农商银行小微企业续贷贷款业务管理办法》")
    assert "民间借贷" in view and "第五条" in view
    (tmp_path / "empty.txt").write_text("\n", "utf-8")
    with pytest.raises(ValueError, match="空"):
        read_topics(tmp_path / "empty.txt")


def test_cli_report_for_one_document(real_settings, tmp_path):
    env = dict(os.environ, POLICYQA_INDEX=str(real_settings.index_dir), POLICYQA_CORPUS=str(real_settings.corpus_dir))
    out = tmp_path / "v.xlsx"
    proc = subprocess.run([sys.executable, "-m", "assistant", "consistency-report", "--doc", "nongshang-renewal",
                           "--format", "xlsx", "-o", str(out)], capture_output=True, cwd=ROOT, env=env, timeout=300)
    assert proc.returncode == 0, proc.stderr.decode()
    from openpyxl import load_workbook
    assert [c.value for c in load_workbook(out).active[1]][:2] == ["主题", "本文件规定"]
    bad = subprocess.run([sys.executable, "-m", "assistant", "consistency-report", "--doc", "no-such-doc"],
                         capture_output=True, cwd=ROOT, env=env, timeout=300)
    assert bad.returncode == 2 and "没有 doc_id" in bad.stderr.decode()


def test_what_each_document_excludes_is_compared_member_by_member(assistant):
    comp = compare(assistant, "续贷通跟续贷通2.0，不适用的贷款品种一样吗？")
    found = [c for c in comp.conflicts if c.kind == "排除范围不同"]
    assert found and {"xudaitong", "xudaitong-2"} <= set(found[0].doc_ids)
    # each side names what only it excludes
    says = {s.doc_id: s.says for s in found[0].sides}
    assert "个人循环贷款" in says["xudaitong"] and "外币流动资金贷款" in says["xudaitong-2"]
    assert "项目贷款" not in says["xudaitong"] + says["xudaitong-2"]   # both exclude it


# A second set, written by another helper from the seeds alone and run once, unread, at the end of the
# 2026-11-23 evening session: 7 of 14 disagreements flagged, 1 of 7 agreements wrongly flagged. The
# floors below are just under that one run — regression guards, not the goal (9 in 10, none).
def _sealed(name: str) -> list[dict]:
    return [json.loads(line) for line in (Path(__file__).parent / "data" / name).read_text("utf-8").splitlines()
            if line.strip()]


def _flagged_and_wrong(assistant, cases) -> tuple[int, int]:
    """Disagreements flagged between their two documents; agreements flagged as a conflict."""
    flagged = wrong = 0
    for case in cases:
        comp = compare(assistant, case["question"])
        sides = {s["doc_id"] for s in case["sides"]}
        if case["expect"] == "conflict":
            flagged += _flagged_between(comp, case)
        else:
            wrong += any(sides & set(c.doc_ids) for c in comp.conflicts)
    return flagged, wrong


# Comparison sets written by helpers from the seeds alone, each kept unread and run once at the end of
# its session; the floors are regression guards at that run — the goal (9 in 10, none) is far off.
# (file, fewest disagreements flagged, most agreements wrongly flagged):
# - compare_sealed (14 disagreements, 7 agreements), 2026-11-23;
# - compare_sealed3 (17, 10), start of the 2026-12-02 session: 9 flagged at its run (8 with that
#   session's starting code), none of the agreements;
# - compare_sealed4 (21, 14), start of the 2026-12-02 afternoon session: 8 flagged, 1 agreement
#   (the same with that session's starting code);
# - compare_sealed5 (19, 13), start of the 2026-12-02 evening session: 9 flagged, 1 agreement (the
#   same with that session's starting code);
# - compare_sealed6 (16, 8), start of the 2026-12-02 late session: 8 flagged, 1 agreement (the same with
#   that session's starting code);
# - compare_sealed7 (16, 8), start of the 2026-12-02 evening (second) session: 7 flagged, 1 agreement (the
#   same with that session's starting code);
# - compare_sealed8 (16, 8), start of the 2026-12-02 night session: 6 flagged, 1 agreement (the same with
#   that session's starting code);
# - compare_sealed9 (16, 8), start of the 2026-12-02 late-night session: 7 flagged, no agreement (the same with
#   that session's starting code); its missed cases were glimpsed by a diagnosis script before any
#   comparison change, so compare_sealed10 was written as that session's unseen measure;
# - compare_sealed10 (16, 8), written in the late-night session after that glimpse, committed unread: 10
#   flagged, 1 agreement (9 and 1 with that session's starting code);
# - compare_sealed11 (16, 8), written at the start of the 2026-12-03 session, committed unread, run once at
#   its end: 4 flagged, 1 agreement (the same with that session's starting code);
# - compare_sealed12 (16, 8), written at the start of the second 2026-12-03 session, committed unread, run
#   once at its end: 5 flagged, 1 agreement (5 and 0 with that session's starting code; the agreement was a
#   fault of that session's 也 rule, mended after the run);
# - compare_sealed13 (16, 8), written at the start of the third 2026-12-03 session, committed unread, run
#   midway through it: 3 flagged, no agreement (the same with that session's starting code);
# - compare_sealed14 (16, 8), written after that run, committed unread, run once at that session's end:
#   10 flagged, 1 agreement (the same with that session's starting code);
# - compare_sealed15 (16, 8), start of the fourth 2026-12-03 session, committed unread: run by mistake with
#   that session's first change (5 flagged, no agreement; the same on its starting code), seen since;
# - compare_sealed16 (16, 8), written right after, committed unread, run once at that session's end: 9
#   flagged, 1 agreement (the same with that session's starting code).
# Fifth 2026-12-03 session: a comparison standing on a yes/no question reads each document's row as the
# answer does. On the seen sets flagged rose 152 → 165 with agreements flagged 9 → 9 overall; on
# compare_sealed16 one more agreement is flagged (n24, 担保…松一点: the answer path reads 续贷通's 「担保有效且
# 未弱化」 as 可以, 松 being no corpus word) while three more disagreements are flagged: its ceiling moved to 2,
# its floor to 12. compare_sealed14's ceiling came down to 0 (11 flagged, none wrong).
# - compare_sealed17 (16, 8), written at the start of the fifth 2026-12-03 session, committed unread, run
#   once at its end: 13 flagged, no agreement (the session's starting code: 11, none).
# - compare_sealed18 (16, 8), written at the start of the sixth 2026-12-03 session, committed unread, run
#   once at its end: 10 flagged, no agreement (the same on the session's starting code).
# - compare_sealed19 (16, 8), written at the start of the seventh 2026-12-03 session, committed unread, run
#   once at its end: 8 flagged, no agreement (the same on the session's starting code).
# - compare_sealed20 (16, 8), written at the start of the 2026-12-04 session, committed unread, run once at
#   its end: 12 flagged, no agreement (the session's starting code: 11, none).
# - compare_sealed21 (16, 8), written at the start of the second 2026-12-04 session, committed unread, run
#   once at its end: 9 flagged, no agreement (the same on the session's starting code).
# compare_sealed14's floor was LOWERED 11 -> 8 in the sixth 2026-12-04 session: four of its flags (o04, o08,
# o11, o15) rested on mechanism sentences the question had not asked about — a definition's 到期后 answering
# 「审批该简化，还是全流程走？」 — which a way offered only by alternatives no longer decides; o02 rested on
# 到期 in its story (「…的贷款，到期能不能走续贷」) read as asking when renewal is done; 7 after the review
# removed the two mechanisms and the glossary line that had been added for failing seen cases
SEALED_SETS = [("compare_sealed.jsonl", 6, 1), ("compare_sealed3.jsonl", 8, 0), ("compare_sealed4.jsonl", 8, 1),
               ("compare_sealed5.jsonl", 9, 1), ("compare_sealed6.jsonl", 8, 1), ("compare_sealed7.jsonl", 7, 1),
               ("compare_sealed8.jsonl", 6, 1), ("compare_sealed9.jsonl", 7, 0), ("compare_sealed10.jsonl", 10, 1),
               ("compare_sealed11.jsonl", 4, 1), ("compare_sealed12.jsonl", 5, 1), ("compare_sealed13.jsonl", 3, 1),
               ("compare_sealed14.jsonl", 7, 0), ("compare_sealed15.jsonl", 6, 0), ("compare_sealed16.jsonl", 12, 2),
               ("compare_sealed17.jsonl", 13, 0), ("compare_sealed18.jsonl", 10, 0),
               ("compare_sealed19.jsonl", 8, 0), ("compare_sealed20.jsonl", 12, 0),
               ("compare_sealed21.jsonl", 9, 0),
               # written at the start of the third 2026-12-04 session, committed unread, run once at its end:
               # 11 flagged, no agreement (the starting code: 10, none)
               ("compare_sealed22.jsonl", 11, 0),
               # written at the start of the fourth 2026-12-04 session, committed unread, run once at its end:
               # 8 flagged, 2 agreements flagged (the starting code: 8, 1; v23 was flagged through the 2.0版 alias,
               # withdrawn after the review)
               ("compare_sealed23.jsonl", 8, 2),
               # written at the start of the fifth 2026-12-04 session, committed unread, run once at its end:
               # 9 flagged, 1 agreement flagged (the same on the session's starting code)
               ("compare_sealed24.jsonl", 9, 1),
               # written at the start of the sixth 2026-12-04 session, committed unread, run once at its end:
               # 8 flagged, 1 agreement flagged (the same on the session's starting code); LOWERED to 6 after the
               # review removed what had been added for failing seen cases (the 金额 glossary line, the mechanisms
               # of where the money goes and of what sets a term) — counted only, its cases not read again
               ("compare_sealed25.jsonl", 6, 1),
               # written at the start of the seventh 2026-12-04 session, committed unread, run once at its end:
               # 12 flagged, no agreement flagged (the same on the session's starting code)
               ("compare_sealed26.jsonl", 12, 0),
               # written at the start of the 2026-12-05 session, committed unread, run once at its end:
               # 6 flagged, 2 agreements flagged (the same on the session's starting code)
               ("compare_sealed27.jsonl", 6, 2),
               # written at the start of the second 2026-12-05 session, committed unread, run once at its end:
               # 10 flagged, no agreement flagged (the same on the session's starting code)
               ("compare_sealed28.jsonl", 10, 0),
               # written at the start of the third 2026-12-05 session, committed unread, run once at its end:
               # 9 flagged, no agreement flagged (the same on the session's starting code)
               ("compare_sealed29.jsonl", 9, 0),
               # written at the start of the fourth 2026-12-05 session, committed unread, run once at its end:
               # 9 flagged, no agreement flagged (the same on the session's starting code)
               ("compare_sealed30.jsonl", 9, 0), ("compare_sealed31.jsonl", 8, 1),
               # written at the start of the sixth 2026-12-05 session, committed unread, run once at its end:
               # 10 flagged, no agreement flagged (the same on the session's starting code)
               ("compare_sealed32.jsonl", 10, 0),
               # written at the start of the seventh 2026-12-05 session, committed unread, run once at its end:
               # 10 flagged, no agreement flagged (the same on the session's starting code)
               ("compare_sealed33.jsonl", 10, 0)]


@pytest.mark.parametrize("name,min_flagged,max_wrong", SEALED_SETS)
def test_the_sealed_comparison_sets_hold_their_floors(assistant, name, min_flagged, max_wrong):
    flagged, wrong = _flagged_and_wrong(assistant, _sealed(name))
    assert flagged >= min_flagged and wrong <= max_wrong, (name, flagged, wrong)


def _row(doc_id: str, verdict: str, why: str = "") -> "Row":
    from assistant.consistency import Row
    from assistant.models import Citation
    cit = Citation("1", doc_id, doc_id, "bank", f"{doc_id}/a1", "第一条", "", "原文", "原文", 0, 2, 1.0)
    return Row(doc_id, doc_id, "bank", "规定", verdict, citation=cit, why=why)


def test_banks_agreeing_with_the_notice_stand_on_its_side():
    from assistant.consistency import find_conflicts
    reg = _row("notice", "no")
    reg = type(reg)(**{**reg.__dict__, "level": "regulator"})
    found = find_conflicts([reg, _row("strict-bank", "no"), _row("loose-bank", "yes")])
    assert [c.kind for c in found] == ["比监管通知更宽"]
    assert {"notice", "strict-bank", "loose-bank"} <= set(found[0].doc_ids)


def test_restricting_the_whole_is_stricter_than_restricting_a_narrower_kind():
    from assistant.consistency import find_conflicts
    whole = type(_row("a", None))(**{**_row("a", None).__dict__, "kind": "要求", "held": ("民间借贷",)})
    kind = type(_row("b", None))(**{**_row("b", None).__dict__, "kind": "要求",
                                     "narrowed": (("民间借贷", "民间高利借贷"),)})
    found = find_conflicts([whole, kind])
    assert [c.kind for c in found] == ["宽严不同"] and found[0].doc_ids == ["a", "b"]
    assert "更严" in found[0].sides[0].says and "民间高利借贷" in found[0].sides[1].says
    # a sentence that permits or only describes restricts nothing
    loose = type(kind)(**{**kind.__dict__, "kind": "允许"})
    assert find_conflicts([whole, loose]) == []


@pytest.mark.parametrize("question,asked", [
    ("续贷是在原贷款到期前还是到期后办理？", ["原贷款到期前办理"]),
    ("续贷利率由谁来定？", ["借贷双方协商确定"]),
    ("客户有民间借贷，哪家谁卡得更严？", []),                 # 谁 without a verb of deciding
])
def test_a_mechanism_is_asked_by_its_words_or_an_alternative_on_its_ways(question, asked):
    from assistant.consistency import _mechanisms
    text = "续贷利率由借贷双方协商确定，在原贷款到期前办理。"
    assert _mechanisms(analyse(question).norm, text)[:1] == asked


@pytest.mark.parametrize("question,text,decides", [
    # who decides must be said of the topic: 协商确定 of 还款方式和期限 says nothing of how the rate is set
    ("贷款利率是银行定还是双方商量定？", "金融机构应当与小微企业协商确定续贷的还款方式和期限。", False),
    ("贷款利率是银行定还是双方商量定？", "续贷利率由借贷双方协商确定。", True),
    # a topic with no word of its own beyond the deciding asks of any sentence stating who decides
    ("由谁来定？", "续贷利率由借贷双方协商确定。", True),
])
def test_who_decides_is_compared_only_when_said_of_the_topic(question, text, decides):
    from assistant.consistency import _decides_topic
    from assistant.evidence import idf_weights
    q = analyse(question)
    # the words documents use (a comparison's topic weighs only those): here, those of a small corpus
    corpus = "续贷利率由借贷双方协商确定。银行确定贷款利率。" + text
    known = [(c, w) for c, w in idf_weights(q, lambda t: 3 if t in corpus else None, 100)
             if any(m in corpus for m in c.members)]
    assert _decides_topic(q, known, text) is decides


def test_the_scope_an_exclusion_is_from_is_the_frame_of_the_question():
    from assistant.consistency import _asks_exclusions
    # 「排除在适用对象之外」 asks what each excludes; 适用对象 is where it is excluded from, not a topic
    q = analyse("续贷通和续贷通2.0各自把哪些贷款排除在适用对象之外？")
    known = [(c, 1.0) for c in q.concepts]
    assert _asks_exclusions(q, known)
    assert not _asks_exclusions(analyse("续贷通和续贷通2.0对质押贷款的规定哪里不同？"), [(c, 1.0) for c in analyse("续贷通和续贷通2.0对质押贷款的规定哪里不同？").concepts])


def test_a_requirement_extended_to_another_subject_is_stricter(assistant):
    """续贷通2.0 requires 他行融资 also to be 正常类; 黑龙江农信社 requires 正常类 of the original loan only."""
    comp = compare(assistant, "他行融资的五级分类，续贷通2.0与黑龙江农信社的口径相同吗？")
    flags = [c for c in comp.conflicts if {"xudaitong-2", "heilongjiang-rcc-renewal"} <= set(c.doc_ids)]
    assert flags and flags[0].kind == "宽严不同"
    says = {s.doc_id: s.says for s in flags[0].sides}
    assert "更严" in says["xudaitong-2"] and "更宽" in says["heilongjiang-rcc-renewal"]
    assert "正常类" in next(s.quote for s in flags[0].sides if s.doc_id == "heilongjiang-rcc-renewal")


@pytest.mark.parametrize("question", [
    # a frame word of the question (尺度) that no document's sentence holds does not keep the guideline's
    # 民间高利借贷 below the share of the topic a deciding sentence must hold
    "民间借贷方面的尺度，农商行和操作指引哪家更严？",
    # the asking clause's words (门槛谁高) are in no document's sentence: the topic is the story before it
    "企业有民间借贷的，农商行和操作指引的门槛谁高？",
])
def test_words_no_document_holds_do_not_hide_a_narrower_restriction(assistant, question):
    comp = compare(assistant, question)
    assert any({"nongshang-renewal", "renewal-guideline"} <= set(c.doc_ids) and c.kind == "宽严不同"
               for c in comp.conflicts), comp.conflicts


def test_a_limit_on_the_measure_asked_is_compared_when_its_sentence_holds_the_measures_head(assistant):
    """农商行 requires 单笔贷款额度 ≥200万元, 续贷通2.0 caps 个人经营户单笔续贷额度 at ≤200万元: asked of the
    续贷额度, the first holds only its head (额度) and is still the figure compared."""
    comp = compare(assistant, "个人经营户的续贷额度，农商行和续贷通2.0各划了什么线？")
    assert any({"nongshang-renewal", "xudaitong-2"} <= set(c.doc_ids) for c in comp.conflicts), comp.conflicts
    # asked against the original loan, the figures of their own are not what is compared
    comp = compare(assistant, "续贷额度能不能高于原来那笔贷款？各家一样吗？")
    assert not any({"nongshang-renewal", "xudaitong-2"} <= set(c.doc_ids) for c in comp.conflicts), comp.conflicts


def test_a_comparison_asking_whether_without_yes_no_words_compares_verdicts(assistant):
    # 谁卡得紧 asks whether each allows pledge loans: one excludes them all, another only some kinds
    comp = compare(assistant, "质押方式的贷款续贷，农商行和续贷通办法哪个卡得紧？")
    assert any({"nongshang-renewal", "xudaitong"} <= set(c.doc_ids) and c.kind == "宽严不同" for c in comp.conflicts)
    # a time asked is compared by its limits: the notice and its attached procedure agree on it
    comp = compare(assistant, "注销抵押登记要多长时间办结，赣州通知和附件的登记规程说得一致吗？")
    assert comp.conflicts == [], comp.conflicts


def test_a_value_of_a_classification_finds_each_documents_rule_on_its_family(assistant):
    """中型企业 is in no document: each compared document's rule on sizes (小微企业, 中小企业) is its row —
    the guideline's scope of 小微企业 against 续贷通2.0's 中小企业."""
    comp = compare(assistant, "中型企业能不能做续贷，续贷通2.0和操作指引的适用对象范围一样吗？")
    rows = {r.doc_id: r for r in comp.rows}
    assert rows["renewal-guideline"].verdict == "no" and rows["xudaitong-2"].verdict == "yes"
    assert any({"renewal-guideline", "xudaitong-2"} <= set(c.doc_ids) for c in comp.conflicts)


def test_each_documents_row_is_its_answer_to_the_yes_no_question(assistant):
    """A comparison standing on a yes/no question reads each document as the answer does: the rules on
    uses (不得用于其他用途 against 可以用于…设备购置), not a scope sentence that happens to name 项目."""
    comp = compare(assistant, "各家文件对续贷资金能不能拿去买设备、搞项目，口径一样吗？")
    rows = {r.doc_id: r for r in comp.rows}
    assert rows["renewal-rules-2024"].verdict == "yes"
    assert rows["heilongjiang-rcc-renewal"].verdict == "no" and "用途" in rows["heilongjiang-rcc-renewal"].citation.quote
    assert any({"renewal-rules-2024", "heilongjiang-rcc-renewal"} <= set(c.doc_ids) for c in comp.conflicts)


def test_a_figure_of_its_own_does_not_answer_exceeding_the_original_loan(assistant):
    # 「能不能超过原贷款」 is answered by a rule relating the amount to the original loan, not by a cap in 万元
    comp = compare(assistant, "续贷额度能不能超过原贷款？范本和续贷通2.0怎么看？")
    for r in comp.rows:
        if r.status == "规定" and r.verdict is not None and r.limits:
            assert "原贷款" in r.citation.quote or "拟归还" in r.citation.quote, r
