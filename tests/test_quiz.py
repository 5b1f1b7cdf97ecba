"""Properties of every question the generator can produce from the corpus."""

from __future__ import annotations

import collections
import os
import re
import subprocess
import sys

import pytest

from assistant.quiz import BLANK, KINDS, QuizBank, export
from assistant.values import quantities

from .conftest import ROOT


@pytest.fixture(scope="module")
def bank(assistant):
    idx = assistant.searcher.index
    return QuizBank(idx.units, idx.readings)


@pytest.fixture(scope="module")
def units(assistant):
    return {u.clause_id: u for u in assistant.searcher.index.units}


def test_enough_questions_over_every_document(bank, corpus_docs):
    # only whole claims (no lead-ins, fragments, cut-off sentences or rules another document repeats)
    assert len(bank.questions) >= 120
    assert len({q.id for q in bank.questions}) == len(bank.questions)
    assert {q.doc_id for q in bank.questions} == set(corpus_docs)
    kinds = collections.Counter(q.kind for q in bank.questions)
    assert set(kinds) == set(KINDS)


def test_every_question_is_answerable_from_its_clause(bank, units, corpus_docs):
    for q in bank.questions:
        u = units[q.clause_id]
        assert q.quote in u.text and q.quote in corpus_docs[q.doc_id].text, q
        assert q.explanation.endswith(f"「{q.quote}」")
        if q.options:
            assert q.options.count(q.answer) == 1 and len(set(q.options)) == len(q.options) >= 2, q


def test_blanks_have_one_right_answer_and_are_not_trivial(bank, corpus_docs):
    corpus = "\n".join(d.text for d in corpus_docs.values())
    for q in (q for q in bank.questions if q.kind == "blank"):
        assert q.prompt.count(BLANK) == 1
        body = q.prompt.split("：", 1)[1]
        assert body.replace(BLANK, q.answer) == q.quote, "the blank filled with the key is the clause"
        assert q.answer.strip("，。、；,.;") == q.answer and (len(q.answer) >= 2 or q.answer.isdigit() or q.answer in "一二三四五六七八九十两")
        for option in q.options:
            assert option in corpus, "distractors come from the corpus"
            if option != q.answer:
                assert body.replace(BLANK, option) not in corpus, "a distractor never makes a true sentence"
        nums = [o for o in q.options if quantities(o + "次")]
        values = [quantities(o + "次")[0].value for o in nums]
        assert len(values) == len(set(values)), f"two options with one value: {q.options}"


def test_true_false_statements(bank, corpus_docs):
    corpus = "\n".join(d.text for d in corpus_docs.values())
    counts = collections.Counter(q.answer for q in bank.questions if q.kind == "truefalse")
    assert counts["对"] > 10 and counts["错"] > 10
    for q in (q for q in bank.questions if q.kind == "truefalse"):
        statement = q.prompt.split("「", 1)[1].rstrip("」")
        if q.answer == "对":
            assert statement == q.quote
        else:
            assert statement != q.quote and statement not in corpus, "a false statement is false everywhere"
            assert abs(len(statement) - len(q.quote)) <= 4, "a faithful negation changes one word or number"


def test_every_claim_is_a_whole_proposition_with_a_reason(bank, units):
    """No bare list fragment: an item is shown under its lead-in, a lead-in is never a claim,
    and every explanation says why (what the reading makes of the sentence)."""
    for q in (q for q in bank.questions if q.kind == "truefalse"):
        statement = q.prompt.split("「", 1)[1].rstrip("」")
        assert not statement.endswith((":", "：")) and len(statement) >= 6, q.prompt
        if bank.reading_of[q.quote].lead:   # an item of 「须符合以下条件：」 or 「存在以下情况之一的，不得…：」
            frame = q.prompt.split("，", 1)[1].split("「", 1)[0]
            assert frame.endswith("：") and len(frame) >= 4, f"an item without its lead-in: {q.prompt}"
    assert all(q.explanation.startswith("为什么：") for q in bank.questions if q.kind in ("truefalse", "choice"))


def test_a_false_claim_flips_the_readings_negation_or_moves_its_limit(bank):
    falses = [q for q in bank.questions if q.kind == "truefalse" and q.answer == "错"]
    moved = [q for q in falses if any(ch.isdigit() for ch in q.quote)]
    assert len(falses) > 10 and moved, "both kinds of faithful negation occur"


def _why_line(q) -> str:
    return q.explanation.split("依据《", 1)[0]


def test_each_reason_quotes_the_document_and_speaks_to_its_own_item(bank, units):
    """A trainee checks the 为什么 line against the rule: what it quotes is the document's own wording
    (no computed ≤/≥ that may pin a limit on the wrong thing), and it is about the item — the part
    a blank is in, the part a false claim changed, the option a choice asks for."""
    for q in bank.questions:
        why = _why_line(q)
        assert why.startswith("为什么：") and "≤" not in why and "≥" not in why, q.explanation
        said, _sep, changed = why.partition("题中改成了")
        clause = units[q.clause_id].text
        parent = units[q.clause_id].parent_id
        clause += "\n" + units[parent].text if parent else ""   # an item's lead-in is its parent's
        for quoted in re.findall(r"「([^」]+)」", said):
            assert quoted in clause or all(part in clause for part in quoted.split("、")), (quoted, q.explanation)
        if q.kind == "blank":
            assert q.answer in said, q.explanation
        elif q.kind == "truefalse" and q.answer == "错":
            before, after = re.findall(r"「([^」]+)」", said), re.findall(r"「([^」]+)」", changed)
            assert after and after[0] in q.prompt and before and after[0] != before[-1], q.explanation
        elif q.kind == "choice":
            assert f"「{q.answer}」" in said, q.explanation


def test_a_blank_in_a_list_item_is_explained_under_its_lead_in(bank):
    """「个人消费性贷款」 alone explains nothing: the reason says what the list is (不属于续贷范围)."""
    items = [q for q in bank.questions if q.kind == "blank" and bank.frames.get(q.quote)]
    assert items
    for q in items:
        assert f"「{bank.frames[q.quote]}」之下列出" in _why_line(q), q.explanation


def test_a_list_choice_names_what_its_clause_lists(bank):
    """A clause listing kinds of loan (适用范围) is not called a list of borrowers (适用对象)."""
    choices = [q for q in bank.questions if q.kind == "choice"]
    assert choices
    for q in choices:
        said = "适用对象" if "对象" in q.quote else "适用范围"
        assert said in _why_line(q), q.explanation


def test_which_document_has_exactly_one_source(bank, corpus_docs):
    by_title = {d.title: d for d in corpus_docs.values()}
    for q in (q for q in bank.questions if q.kind == "which_doc"):
        holders = [d.title for d in corpus_docs.values() if q.quote in d.text]
        assert holders == [q.answer]
        # no part of the rule is stated word for word by another document (「但不得超过原贷款额度」)
        others = "\n".join(d.text for d in corpus_docs.values() if d.title != q.answer)
        parts = [re.sub(r"^(但是?|并且?|且|而且?|同时)", "", p.strip()) for p in re.split(r"[，,；;。]", q.quote)]
        assert not [p for p in parts if len(p) >= 6 and p in others], q.quote
        # no wrong option speaks of the sentence's topic: the same rule in other words (名单制管理,
        # 重新签订借款合同) would make two options right
        topic = bank._topic_words(q.quote)
        assert topic, q.quote
        runs = bank._rare_runs(q.quote)
        text_of = {bank.doc_titles[d]: t for d, t in bank.doc_texts.items()}
        # something in it is its document's alone, and its label (「规范操作:」) is in no wrong option
        assert [w for w in topic if sum(1 for t in text_of.values() if w in t) == 1], q.quote
        label = re.match(r"^([^:：，,。]{2,8})[:：]", q.quote)
        runs += [label.group(1)] if label else []
        for other in (o for o in q.options if o != q.answer):
            assert not [w for w in topic if w in text_of[other]], (other, q.quote)
            assert not [r for r in runs if r in text_of[other]], (other, q.quote)
        # no option is the document that issues the answer as its attachment, or is issued by it
        for other in (o for o in q.options if o != q.answer):
            assert q.answer not in by_title[other].text and other not in by_title[q.answer].text, (other, q.prompt)


def test_choice_options_come_from_the_clause(bank):
    for q in (q for q in bank.questions if q.kind == "choice"):
        assert all(o in q.quote for o in q.options)


def test_draw_is_deterministic_and_mixes_kinds(bank):
    a = [q.id for q in bank.draw(10, seed=7)]
    assert a == [q.id for q in bank.draw(10, seed=7)]
    assert a != [q.id for q in bank.draw(10, seed=8)]
    assert len({q.kind for q in bank.draw(10, seed=7)}) == len(KINDS)
    assert all("质押" in q.quote or "质押" in q.prompt for q in bank.draw(5, topic="质押"))
    assert {q.doc_id for q in bank.draw(5, doc_id="nongshang-renewal")} == {"nongshang-renewal"}


def test_grading(bank):
    q = next(q for q in bank.questions if q.kind == "blank" and q.answer == "2")
    assert q.grade("2") and q.grade(" 2 ") and not q.grade("") and not q.grade("4")
    cn = next(q for q in bank.questions if q.kind == "blank" and q.answer == "三")
    assert cn.grade("三") and cn.grade("3")
    tf = next(q for q in bank.questions if q.kind == "truefalse" and q.answer == "错")
    assert tf.grade("错") and tf.grade("2") and not tf.grade("对")
    choice = next(q for q in bank.questions if q.kind == "choice")
    assert choice.grade(str(choice.options.index(choice.answer) + 1))


def test_export_with_key(bank):
    qs = bank.draw(5, seed=1)
    md = export(qs, "md")
    assert "## 答案与解析" in md and all(q.answer in md for q in qs)
    assert export(qs, "csv").splitlines()[0].startswith("no,kind,question")


def test_cli_quiz_round(real_settings):
    env = dict(os.environ, POLICYQA_INDEX=str(real_settings.index_dir), POLICYQA_CORPUS=str(real_settings.corpus_dir))
    proc = subprocess.run([sys.executable, "-m", "assistant", "quiz", "--n", "3", "--seed", "3"], input="1\n1\n1\n".encode(),
                          capture_output=True, cwd=ROOT, env=env, timeout=120)
    out = proc.stdout.decode()
    assert proc.returncode == 0 and "第 3/3 题" in out and "得分：" in out and "依据《" in out
