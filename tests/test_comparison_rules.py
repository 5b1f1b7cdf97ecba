"""Comparison rules that need no index: which yes/no question a comparison stands on, what a question
asks for (facets), and how rows' readings make a conflict. Pure, so scripts/mutate_rules.py runs them."""

from __future__ import annotations

import pytest

from assistant.question import analyse


def _row(doc_id: str, verdict: str | None, why: str = ""):
    from assistant.consistency import Row
    from assistant.models import Citation
    cit = Citation("1", doc_id, doc_id, "bank", f"{doc_id}/a1", "第一条", "", "原文", "原文", 0, 2, 1.0)
    return Row(doc_id, doc_id, "bank", "规定", verdict, citation=cit, why=why)


@pytest.mark.parametrize("question,asked", [
    # the clause that asks yes/no, without the words asking for a comparison
    ("各家文件对续贷资金能不能拿去买设备、搞项目，口径一样吗？", "文件对续贷资金能不能拿去买设备、搞项目？"),
    ("续贷审批能不能比新贷简化？2024细则跟操作指引好像说法相反", "续贷审批能不能比新贷简化？"),
    # the story before the asking clause in its sentence goes with it
    ("借款人有民间借贷的，还能办续贷吗？农商行与操作指引的禁止范围一样宽吗", "借款人有民间借贷的，还能办续贷吗？"),
    # a clause asking only whether documents agree, or a topic without yes/no, is none
    ("续贷通两个版本排除的贷款品种是不是一样的？", None),
    ("质押类贷款的续贷准入，农商行办法和商业银行续贷通办法划的范围有何不同？", None),
    # a statement is no question (…才能续), nor is asking whether two rules agree (都这么规定, 对得上吗)
    ("原贷款必须是正常类才能续，黑龙江农信社和操作指引是不是都这么规定？", None),
    ("农商行规定同一笔贷款最多续两次，这跟赣州通知不许断贷的要求对得上吗？", None),
])
def test_the_yes_no_question_a_comparison_stands_on(question, asked):
    from assistant.consistency import verdict_question
    assert verdict_question(question) == asked


@pytest.mark.parametrize("question,materials", [
    ("办注销登记要带什么文件？", True),
    ("要提交哪些文件？", True),
    ("续贷要准备哪些材料？", True),
    # the policies themselves
    ("各家文件对续贷资金用途的口径一样吗？", False),
    ("文件里对续贷次数怎么规定？", False),
    ("哪些文件允许质押贷款续贷？", False),
    ("什么文件规定了续贷次数？", False),
])
def test_documents_are_materials_only_as_what_is_handed_in(question, materials):
    assert ("materials" in analyse(question).facets) is materials


@pytest.mark.parametrize("question", ["违法记录要往前查几年？", "欠息记录看最近几个月？", "注销登记多久办结？"])
def test_how_many_years_asks_for_a_time(question):
    assert "time" in analyse(question).facets


@pytest.mark.parametrize("question", ["客户前几个月欠过息，能不能续贷？", "企业干了十几年了，能续贷吗？", "好几年前逾期过，能续吗？"])
def test_an_indefinite_time_of_the_story_asks_for_none(question):
    assert "time" not in analyse(question).facets


def test_an_answered_row_takes_the_answers_verdict_reason_sentence_and_limits():
    from assistant.consistency import answered_rows
    from assistant.models import Answer, Citation, Finding
    from ingest.readings import read_text
    text = "(二)现有存量贷款虽未欠息,但存在连续2期或累计3期及以上欠息记录的;"
    reading = read_text("g/a7.i2", "g", text, "下列客户的续贷申请不予受理：")[0]
    cit = Citation("c9", "g", "g", "bank", "g/a7.i2", "第七条（二）", "", reading.text, text, 0, len(text), 1.0)
    answer = Answer("q", "视情况而定", "depends", False, [cit],
                    [Finding("g", "g", "depends", "视情况而定（仅部分种类被排除：x）：「…」", ["c9"], True)])
    before = [_row("g", None), _row("h", "no")]
    after = answered_rows(before, answer, analyse("客户有欠息记录，能续贷吗？"), [], lambda cid: [reading])
    g, h = after
    assert (g.verdict, g.partial, g.why) == ("depends", True, "视情况而定（仅部分种类被排除：x）")
    assert g.citation.quote == reading.text and g.limits and h.verdict == "no"
    assert [r.citation.id for r in after] == ["c1", "c2"]


@pytest.mark.parametrize("units,flagged", [
    # a count of instalments against a look-back window: the line is drawn in different terms
    (("期", "年"), True),
    # years and months convert into each other: one dimension, compared (or not) by value
    (("年", "个月"), False),
    (("万元", "元"), False),
])
def test_limits_in_measures_that_do_not_convert_are_different_standards(units, flagged):
    from assistant.consistency import find_conflicts
    from ingest.readings import Limit
    rows = [type(_row(d, None))(**{**_row(d, None).__dict__, "limits": [Limit("<=", 2, u, "", 0, 1)]})
            for d, u in zip("ab", units)]
    assert ("标准不同" in [c.kind for c in find_conflicts(rows)]) is flagged


@pytest.mark.parametrize("question", [
    "2024年实施细则和操作指引对续贷资金能用在哪儿，规定冲突吗？",
    "操作指引和赣州的抵押登记规程，续贷抵押的做法对得上吗？",
    "原贷款必须是正常类才能续，黑龙江农信社和操作指引是不是都这么规定？",
])
def test_whether_rules_fit_or_clash_asks_for_a_comparison(question):
    assert analyse(question).kind == "compare"


@pytest.mark.parametrize("question", [
    # a clash of the story's parties or facts is no comparison of rules
    "企业跟股东之间有矛盾，能续贷吗？",
    "借款人提供的资料与实际情况不相符，还能续贷吗？",
    "续贷用途和经营范围对不上，能办吗？",
    "两个股东打架闹上法院了，还能续贷吗？",
])
def test_a_clash_in_the_story_is_no_comparison(question):
    assert analyse(question).kind == "yesno"


@pytest.mark.parametrize("a_kind,a_held,b_kind,b_op,b_value,flagged", [
    # one restricts the thing outright (近二年没有欠息), the other only from a count on (累计3期以上): stricter
    ("要求", "欠息", "排除", ">=", 3, True),
    # a sentence that only permits the thing restricts nothing
    ("允许", "欠息", "排除", ">=", 3, False),
    # a count side that permits, or an upper bound, or from the first on (≥1, outright too): not looser
    ("要求", "欠息", "允许", ">=", 3, False),
    ("要求", "欠息", "排除", "<=", 3, False),
    ("要求", "欠息", "排除", ">=", 1, False),
    # documents apart on different things are not stricter or looser
    ("要求", "逾期", "排除", ">=", 3, False),
])
def test_restricting_outright_is_stricter_than_from_a_count_on(a_kind, a_held, b_kind, b_op, b_value, flagged):
    from dataclasses import replace
    from assistant.consistency import find_conflicts
    from ingest.readings import Limit
    a = replace(_row("a", None), kind=a_kind, held=(a_held,))
    b = replace(_row("b", None), kind=b_kind, held=("欠息",), limits=[Limit(b_op, b_value, "期", "欠息", 0, 1)])
    assert ("宽严不同" in [c.kind for c in find_conflicts([a, b])]) is flagged


@pytest.mark.parametrize("a_kind,a_phrase,b_kind,b_phrase,flagged", [
    # both deny the word asked; one as a kind the other's phrase holds with a modifier inserted: stricter
    ("要求", "民间借贷", "排除", "民间高利借贷", True),
    ("排除", "民间借贷", "要求", "民间高利借贷", True),
    # the same phrase on both sides, or phrases of two different things: neither is stricter
    ("要求", "民间借贷", "排除", "民间借贷", False),
    ("要求", "民间借贷", "排除", "民间资本", False),
    # a noun added after the phrase (挪用贷款资金) names the same thing, not a narrower kind
    ("要求", "挪用贷款", "排除", "挪用贷款资金", False),
    # a side that only permits restricts nothing
    ("允许", "民间借贷", "排除", "民间高利借贷", False),
])
def test_denying_a_whole_kind_is_stricter_than_denying_a_narrower_one(a_kind, a_phrase, b_kind, b_phrase, flagged):
    from dataclasses import replace
    from assistant.consistency import find_conflicts
    a = replace(_row("a", None), kind=a_kind, held=("民间",), held_kinds=(("民间", a_phrase),))
    b = replace(_row("b", None), kind=b_kind, held=("民间",), held_kinds=(("民间", b_phrase),))
    assert ("宽严不同" in [c.kind for c in find_conflicts([a, b])]) is flagged


@pytest.mark.parametrize("text,word,phrase", [
    ("借款人具有持续经营能力,无民间借贷,社会信用良好;", "民间", "民间借贷"),
    ("无参与民间高利借贷(包括借入和借出)行为;", "民间", "民间高利借贷"),
    ("不得用于房地产开发和股票投资", "房地产", "房地产开发"),
])
def test_the_kind_phrase_a_denied_word_opens(text, word, phrase):
    from assistant.consistency import _kind_phrase
    assert _kind_phrase(text, word) == phrase


@pytest.mark.parametrize("reg_quote,bank_limits,flagged", [
    # the notice forbids refusing eligible firms and caps nothing; a bank's cap refuses some: stricter
    ("对符合续贷条件的小微企业盲目断贷、抽贷的机构下发监管意见书", True, True),
    # a bank row without a cap restricts nothing the notice forbids refusing
    ("对符合续贷条件的小微企业盲目断贷、抽贷的机构下发监管意见书", False, False),
    # a prohibition of something else is no stand against refusing renewal
    ("严禁违规收费", True, False),
])
def test_a_banks_cap_is_stricter_than_a_notice_forbidding_refusal(reg_quote, bank_limits, flagged):
    from assistant.consistency import find_conflicts
    from assistant.models import Citation
    from ingest.readings import Limit
    cit = Citation("1", "notice", "notice", "regulator", "notice/s6", "六、", "", reg_quote, reg_quote, 0, 2, 1.0)
    reg = type(_row("notice", None))(**{**_row("notice", None).__dict__, "level": "regulator", "kind": "禁止",
                                         "citation": cit})
    lim = Limit("<=", 2.0, "次", "续贷次数", 0, 4)
    bank = type(_row("bank", None))(**{**_row("bank", None).__dict__, "kind": "要求",
                                        "limits": [lim] if bank_limits else []})
    kinds = [c.kind for c in find_conflicts([reg, bank])]
    assert ("比监管通知更严" in kinds) is flagged


@pytest.mark.parametrize("question,word,contrasted", [
    # a narrower kind the question denies of what it asks (民间高利借贷 is 民间借贷 with 高利 inserted)
    ("企业主有点民间借贷（不是高利贷），农商行和操作指引谁卡得更严？", "高利贷", True),
    ("老板有民间借贷，但不是高利贷，两家要求一样吗？", "高利贷", True),
    # said, not denied: it is part of what is asked
    ("企业主有民间借贷和高利贷的，两家要求一样吗？", "高利贷", False),
    # denied, but no kind of another word asked: it is the topic itself (没有抵押)
    ("客户没有抵押物的，两家续贷要求一样吗？", "抵押物", False),
    # the wider kind denied of a narrower one asked is no contrast of this form
    ("客户借的是高利贷，不是一般的民间借贷，两家谁更严？", "民间借贷", False),
])
def test_a_denied_narrower_kind_is_no_topic_word(question, word, contrasted):
    from assistant.consistency import contrasted_kind
    q = analyse(question)
    c = next(c for c in q.concepts if word in c.members)
    assert contrasted_kind(q, c) is contrasted


@pytest.mark.parametrize("question,asked", [
    # an act the story means to do, pointed back at by the comparing clause: whether each allows it
    ("客户想把续贷的钱拿一部分去买设备，农商行的办法和2024细则对这事的态度一样吗？", "客户想把续贷的钱拿一部分去买设备，可以吗？"),
    ("企业打算用续贷资金搞研发，各家文件对这种用法规定一致吗？", "企业打算用续贷资金搞研发，可以吗？"),
    # what one document is said to allow, asked of another with 也: the claim without who says it
    ("2024细则说续贷的钱能拿去买设备、搞项目，黑龙江农信社那边也允许这么用吗？", "续贷的钱能拿去买设备、搞项目，可以吗？"),
    # no act meant (a fact of the story), or nothing pointed back at: no yes/no of its own
    ("客户的抵押物贬值了，各家对这种情况的处理一样吗？", None),
    ("企业想续贷，各家规定一样吗？", None),
    # a pointer to a person or a kind (该企业, 此类客户) with a topic of the clause's own is no act pointed at
    ("企业打算续贷，各家对该企业的审批流程要求一样吗？", None),
])
def test_a_comparison_on_an_intended_act_asks_whether_it_is_allowed(question, asked):
    from assistant.consistency import verdict_question
    assert verdict_question(question) == asked


def test_a_fact_said_is_no_act_pointed_back_at():
    from assistant.consistency import intended_act_question
    assert intended_act_question("客户说资金紧张，农商行也允许这么做吗？") is None
    # a prohibition said (不能) is no act said to be allowed
    assert intended_act_question("农商行的办法说续贷资金不能拿去买设备，2024细则那边也不能这么用吗？") is None


@pytest.mark.parametrize("question", [
    "监管不让对符合条件的企业随便断贷，有的行没进名单就一律不给续，这是不是比监管收得更紧？",
    "赣州通知严查附加不合理条件，农商行要求续贷客户在本行开基本户，算不算比监管更严？",
    "操作指引把名单外客户挡在门外，和监管要求相比是松是严？",
    "农商行比监管通知更严格吗？",
    "各家对民间借贷哪家卡得最严？",
    "企业主有点民间借款，农商行和操作指引在这点上谁卡得更严？",
])
def test_a_comparative_of_strictness_asks_for_a_comparison(question):
    assert analyse(question).kind == "compare"


@pytest.mark.parametrize("question", [
    # 紧张, 严格 and a story's 还紧 are no comparative of strictness
    "企业资金周转较紧张，能不能申请续贷？",
    "客户现金流还紧，到期还不上，可以续贷吗？",
    "抵押物贬值了，审批要不要更严格一点？",
    # a bare 更严吗 asks whether to be stricter; a standard that is the original loan compares the story
    "续贷的担保措施要更严吗？",
    "续贷担保要比原贷款更严吗？",
    "企业回款比原来更紧了，还能续贷吗？",
])
def test_tight_or_strict_in_a_story_asks_no_comparison(question):
    assert analyse(question).kind == "yesno"


def _bank(doc_id: str, kind: str, quote: str = "原文", limits=(), verdict=None, level: str = "bank"):
    from assistant.models import Citation
    r = _row(doc_id, verdict)
    cit = Citation("1", doc_id, doc_id, level, f"{doc_id}/a1", "第一条", "", quote, quote, 0, 2, 1.0)
    return type(r)(**{**r.__dict__, "kind": kind, "limits": list(limits), "citation": cit, "level": level})


_AGAINST = "对符合续贷条件的小微企业盲目断贷、抽贷、停贷的机构下发监管意见书"


@pytest.mark.parametrize("bank_kind,quote,unit,verdict,flagged", [
    # what turns some firms away from renewal: a cap on a count, a requirement, an exclusion, a ban on renewal
    ("禁止", "同一笔贷款续贷次数不得超过2次", "次", None, True),
    ("要求", "在我行开立基本存款账户", None, None, True),
    ("排除", "不含信用贷款、质押贷款", None, None, True),
    ("禁止", "未纳入名单范围的客户不得办理续贷业务", None, None, True),
    ("规定", "原文", None, "no", True),
    # a deadline limits when, a ban on a use limits a use, an obligation turns no firm away
    ("时限", "在1个工作日内办结", "工作日", None, False),
    ("禁止", "续贷资金不得用于其他用途", None, None, False),
    ("应当", "应重新办理抵押登记手续", None, None, False),
])
def test_a_bank_turning_eligible_firms_away_is_stricter_than_the_notice(bank_kind, quote, unit, verdict, flagged):
    from assistant.consistency import Side, stricter_than_the_notice
    from ingest.readings import Limit
    limits = [Limit("<=", 2.0, unit, "", 0, 2)] if unit else []
    against = [Side("notice", "通知", "regulator", "六、", _AGAINST, "")]
    rows = [_bank("notice", "", level="regulator"), _bank("bank", bank_kind, quote, limits, verdict)]
    rows[0] = type(rows[0])(**{**rows[0].__dict__, "status": "未规定"})
    found = stricter_than_the_notice(rows, against)
    assert bool(found) is flagged
    if flagged:
        assert found[0].kind == "比监管通知更严" and found[0].doc_ids == ["notice", "bank"]


def test_the_notice_restricting_the_topic_itself_is_no_looser():
    from assistant.consistency import Side, stricter_than_the_notice
    against = [Side("notice", "通知", "regulator", "六、", _AGAINST, "")]
    rows = [_bank("notice", "禁止", "严禁向借款人收取续贷费用", level="regulator"),
            _bank("bank", "要求", "在我行开立基本存款账户")]
    assert stricter_than_the_notice(rows, against) == []


def test_only_a_bank_the_question_names_is_compared_with_the_notice():
    from assistant.consistency import Side, stricter_than_the_notice
    against = [Side("notice", "通知", "regulator", "六、", _AGAINST, "")]
    rows = [_bank("bank", "要求", "在我行开立基本存款账户")]
    assert stricter_than_the_notice(rows, against, ["notice", "rules"]) == []
    assert stricter_than_the_notice(rows, against, ["notice", "bank"]) != []
    assert stricter_than_the_notice(rows, against, []) != []


@pytest.mark.parametrize("question,named,asked", [
    ("这是不是比监管要求更严？", [], True),
    ("农商行和赣州通知一样吗？", ["nongshang", "notice"], True),
    ("农商行和操作指引一样吗？", ["nongshang", "guideline"], False),
])
def test_the_regulator_is_asked_by_name_or_by_the_word_jianguan(question, named, asked):
    from assistant.consistency import _regulator_asked
    docs = {"notice": ("通知", "regulator"), "nongshang": ("农商行", "bank"), "guideline": ("指引", "bank")}
    assert _regulator_asked(analyse(question), named, docs) is asked


@pytest.mark.parametrize("question,story_word,widened", [
    # a pronoun in the asking clause stands for the story's subject: the story is compared too
    ("没进名单库的客户，遇到特殊情况能不能临时给他办续贷？", "名单库", True),
    ("企业有涉诉案件没结，能不能先给它延长续贷期限？", "涉诉", True),
    # no pronoun, or 其他/他行 (no pronoun of the story), leaves the asking clause's words the topic
    ("没进名单库的客户，遇到特殊情况能不能临时办续贷？", "名单库", False),
    ("没进名单库的客户，遇到特殊情况他行能不能临时办续贷？", "名单库", False),
    # 他们行 is a bank, 其他 is 「other」: no pronoun of the story
    ("没进名单库的客户，遇到特殊情况他们行能不能临时办续贷？", "名单库", False),
    ("客户没进名单库，遇到特殊情况能不能对其他担保人临时办续贷？", "名单库", False),
])
def test_a_pronoun_in_the_asking_clause_brings_the_story_into_a_comparison(question, story_word, widened):
    from assistant.question import story_pointed_at
    q = analyse(question)
    topic = story_pointed_at(q).topic
    assert (len(topic) > len(q.topic)) is widened
    if widened:
        assert any(story_word in c.members for c in topic) and not any(story_word in c.members for c in q.topic)


@pytest.mark.parametrize("question,way,in_words", [
    ("续贷在到期前还是到期后办？", "原贷款到期前办理", True),
    ("续贷利率由谁来定？", "由银行确定", True),
    # an alternative between other things offers no way of this mechanism
    ("续贷审批该比新贷款简化，还是必须同样走全流程？", "原贷款到期后办理", False),
    ("质押贷款是整类排除，还是只排除某几种？", "第二顺位抵押、原抵押暂不注销", False),
])
def test_a_mechanism_is_asked_in_words_not_by_any_alternative(question, way, in_words):
    from assistant.consistency import _asked_in_words
    assert _asked_in_words(way, analyse(question).norm) is in_words


@pytest.mark.parametrize("question,text,ways", [
    # when renewal is done, asked in words or stated of renewal
    ("续贷是在到期前还是到期后办？", "在原贷款到期前办理续贷。", ["原贷款到期前办理"]),
    ("操作指引把续贷放在到期前签新合同，续贷通是不是写成到期后再放款？", "在原有的贷款到期后放款。", ["原贷款到期后办理"]),
    ("续贷能不能等原贷款到期以后再办，各家规定一样吗？", "在原有的贷款到期后放款。", ["原贷款到期后办理"]),
    ("续贷啥时候办，各家一样吗？", "在原贷款到期前办理续贷。", ["原贷款到期前办理"]),
    ("操作指引把续贷放在到期前签新合同，各家一样吗？", "在原贷款到期前与其签订新的借款合同。", ["原贷款到期前办理"]),
    # 到期 in the story times the story, and a way said of another act asks nothing of renewal's timing
    ("原来是纯信用的流贷，到期能不能走续贷？", "在原有的贷款到期后放款。", []),
    ("银行在原贷款到期前要不要主动联系登记机构？", "在原贷款到期前主动与不动产登记机构联系。", []),
    ("抵押权注销之后再办抵押登记，各家规定一样吗？", "在原有的贷款到期后放款。", []),
    ("各家对到期后逾期的企业能不能续贷规定一样吗？", "在原有的贷款到期后放款。", []),
    # the mortgage's ways, said as officers do; a cancelled branch office is no mortgage
    ("续贷抵押到底是先注销再登记，还是做二押？", "必须采用第二顺位抵押的方式。", ["第二顺位抵押、原抵押暂不注销"]),
    ("企业先注销了一家分公司，各家还给续贷吗？", "必须采用第二顺位抵押的方式。", []),
    # the old mortgage said as officers say it, or the order of its steps
    ("续贷还用原来那套厂房做抵押，两家的办法是一个路子吗？", "必须采用第二顺位抵押的方式。", ["第二顺位抵押、原抵押暂不注销"]),
    ("老抵押注销、新抵押登记的先后顺序两家一样吗？", "注销后重新办理抵押登记。", ["先注销原抵押再重新登记"]),
    # the old 抵押人 is a party, not the mortgage
    ("原来的保证人、抵押人要不要书面同意，两家一样吗？", "必须采用第二顺位抵押的方式。", []),
    # nor the original loan's collateral, the boss (老板), or an order of steps that are no mortgage's
    ("原贷款的抵押物价值下降了，各家怎么规定？", "必须采用第二顺位抵押的方式。", []),
    ("老板拿房子抵押续贷，各家一样吗？", "必须采用第二顺位抵押的方式。", []),
    ("续贷审批的先后顺序各家一样吗？", "注销后重新办理抵押登记。", []),
    # what the term is set by
    ("续贷期限怎么定，要不要跟原贷款期限挂钩？", "续贷期限一般与原贷款期限相同或稍长。", ["参照原贷款期限"]),
    ("续贷期限按什么来定，各家一样吗？", "续贷期限根据小微企业生产经营周期、特点等因素合理设定。", ["按生产经营周期设定"]),
    ("续贷的期限最长几年？", "续贷期限一般与原贷款期限相同或稍长。", []),
    # the original loan's term as a time frame (期限内) asks nothing of how a term is set
    ("原贷款期限内欠过息怎么处理，各家一样吗？", "续贷期限一般与原贷款期限相同或稍长。", []),
    # where the lent money goes: asked by a verb moving money to an account, or by the money's way
    ("续贷的钱是打到企业账上，还是直接还旧贷？", "续贷资金将直接注入小微企业的账户。", ["资金注入借款人账户"]),
    ("放款后资金流向各家一样吗？", "封闭运行:续贷资金直接用于偿还原贷款,不用于其他用途;", ["资金直接归还原贷款"]),
    ("续贷款放出来钱怎么走？", "又重新发放贷款用于归还原贷款。", ["资金直接归还原贷款"]),
    # an account named without money moved into it asks nothing of the money's way
    ("农商行要求在本行开基本户，各家一样吗？", "续贷资金将直接注入小微企业的账户。", []),
    ("资金回笼要进基本账户吗，各家一样吗？", "续贷资金将直接注入小微企业的账户。", []),
])
def test_renewals_timing_is_asked_of_renewal_not_by_a_story_falling_due(question, text, ways):
    from assistant.consistency import _mechanisms
    assert _mechanisms(analyse(question).norm, text) == ways


@pytest.mark.parametrize("question,definition,flagged", [
    # a definition denying what the story denies (不能按时收回 / 没按时还上) takes in the case another refuses
    ("原贷款到期没按时还上，还能不能续贷？", "第二条续贷就是指借款人在原有贷款到期后不能按时收回,又重新发放贷款用于归还原贷款的行为。", True),
    # one affirming it (仍有融资需求) does not take in a story denying it (没有融资需求)
    ("企业已经没有融资需求了，还能不能续贷？", "第二条续贷是指借款人在原有贷款到期后仍有融资需求,又临时存在资金困难的行为。", False),
])
def test_a_definition_taking_in_the_case_another_refuses_is_a_conflict(question, definition, flagged):
    from assistant.consistency import _terms_held, defined_against_excluded
    from ingest.readings import read_text
    q = analyse(question)
    reading = read_text("nongshang/a2", "nongshang", definition)[0]
    held, _n, _k = _terms_held(q, [(c, 1.0) for c in q.concepts], reading)
    defining = _bank("nongshang", "定义", definition)
    defining = type(defining)(**{**defining.__dict__, "held": held})
    refusing = _bank("template", "要求", "原贷款必须按时还款,并且没有逾期记录", verdict="no")
    found = defined_against_excluded(q, [defining, refusing])
    assert bool(found) is flagged
    if flagged:
        assert found[0].doc_ids == ["nongshang", "template"]


def _recording_searcher(known: bool):
    """A searcher that keeps the query it is given; every word is (or none is) a corpus word."""
    class Index:
        def known_word(self, w):
            return known

    class Searcher:
        index = Index()

        def search_per_doc(self, query, k):
            self.query = query
            return {}
    return Searcher()


def test_only_a_mechanism_asked_in_words_adds_its_wording_to_the_search():
    from assistant.consistency import topic_search
    s = _recording_searcher(False)
    q = analyse("续贷审批该比新贷款简化，还是必须同样走全流程？")
    topic_search(s, q, [], q.text, 3)
    assert "第二顺位抵押" not in s.query and "协商确定" not in s.query
    q = analyse("续贷是在原贷款到期前还是到期后办理？")
    topic_search(s, q, [], q.text, 3)
    assert "原贷款到期前办理" in s.query


def test_a_value_of_a_classification_is_searched_in_its_siblings_words():
    from assistant.consistency import topic_search
    s = _recording_searcher(True)
    q = analyse("中型企业能不能做续贷？")
    topic_search(s, q, [], q.text, 3)
    assert "中小企业" in s.query and "小型企业" in s.query


@pytest.mark.parametrize("question,whether", [
    # an alternative asks which way a thing is done…
    ("原抵押是先注销再登记，还是办第二顺位抵押？各家一样吗？", False),
    # …unless a member of it asks leave with a modal: then whether each document allows it
    ("续贷审批是按新贷款的流程走，还是可以把流程简化？各家口径一致吗？", True),
    ("续贷时是要重新评估抵押物，还是可以不评估？各家一样吗？", True),
    # a necessity modal in the alternative offers another way (还是必须, 还是要): which way is asked
    ("续贷沿用原担保合同就行，还是必须重签担保合同？各家一样吗？", False),
    ("续贷是由支行审批，还是要报分行审批？各家一样吗？", False),
    # no alternative, no quantity, no way asked: whether
    ("续贷审批流程能不能简化，各家一样吗？", True),
])
def test_an_alternative_with_a_modal_asks_whether_it_is_allowed(question, whether):
    from assistant.consistency import asks_whether
    assert asks_whether(analyse(question)) is whether


@pytest.mark.parametrize("question,names,asked", [
    # a comparing clause of document names alone points back at the act the story means to do
    ("客户想把续贷的钱拿去买设备，甲细则和乙办法的规定能对得上吗？", ("甲细则", "乙办法"),
     "客户想把续贷的钱拿去买设备，可以吗？"),
    # a comparing clause with a topic of its own does not
    ("客户想把续贷的钱拿去买设备，甲细则和乙办法对审批流程的规定能对得上吗？", ("甲细则", "乙办法"), None),
    # nor without the names known: nothing says the clause holds names only
    ("客户想把续贷的钱拿去买设备，甲细则和乙办法的规定能对得上吗？", (), None),
])
def test_a_comparing_clause_of_names_alone_points_back_at_the_act(question, names, asked):
    from assistant.consistency import intended_act_question
    assert intended_act_question(question, names) == asked


@pytest.mark.parametrize("rule,held,narrowed", [
    # what a restriction reaches is read of the story's words too, whatever the asking clause names
    # (…两家是全部不许还是只管高利贷): the restriction on the story's 民间借贷, whole or as a narrower kind
    ("借款人具有持续经营能力,无民间借贷,社会信用良好;", "民间借贷", None),
    ("企业主行为规范,无参与民间高利借贷(包括借入和借出)行为;", None, ("民间借贷", "民间高利借贷")),
])
def test_a_restriction_reaches_the_storys_words(rule, held, narrowed):
    from assistant.consistency import _terms_held
    from ingest.readings import read_text
    q = analyse("企业主借过民间借贷，两家是全部不许还是只管高利贷？")
    r = read_text("x/a1", "x", rule)[0]
    got_held, got_narrowed, _kinds = _terms_held(q, [(c, 1.0) for c in q.concepts], r)
    assert (held in got_held) if held else (narrowed in got_narrowed)


@pytest.mark.parametrize("cats,flagged", [
    # two ways of one mechanism disagree
    ((["资金注入借款人账户"], ["资金直接归还原贷款"]), True),
    ((["原贷款到期前办理"], ["原贷款到期后办理"]), True),
    # ways of different mechanisms (when renewal is done, where its money goes) do not
    ((["原贷款到期后办理"], ["资金注入借款人账户"]), False),
    ((["资金直接归还原贷款"], ["资金直接归还原贷款"]), False),
])
def test_only_ways_of_one_mechanism_disagree(cats, flagged):
    from dataclasses import replace
    from assistant.consistency import find_conflicts
    a, b = (replace(_row(d, None), categories=c) for d, c in zip(("a", "b"), cats))
    assert ("机制不同" in [c.kind for c in find_conflicts([a, b])]) is flagged


@pytest.mark.parametrize("a,b,flagged", [
    # one document requires (or allows) the act the other forbids
    (("应当", (), ("简化",)), ("禁止", ("简化",), ()), True),
    (("允许", (), ("简化",)), ("排除", ("简化",), ()), True),
    # a word denied and a different word affirmed, or the act forbidden in both, are no opposite
    (("应当", (), ("规范",)), ("禁止", ("简化",), ()), False),
    (("禁止", ("简化",), ()), ("禁止", ("简化",), ()), False),
    # a requirement denying a state (无欠息) is no act forbidden
    (("应当", (), ("简化",)), ("要求", ("简化",), ()), False),
])
def test_an_act_one_document_requires_and_another_forbids_is_opposite(a, b, flagged):
    from dataclasses import replace
    from assistant.consistency import find_conflicts
    ra, rb = (replace(_row(d, None), kind=k, held=h, affirmed=f) for d, (k, h, f) in zip(("a", "b"), (a, b)))
    assert ("结论相反" in [c.kind for c in find_conflicts([ra, rb])]) is flagged


@pytest.mark.parametrize("text,affirmed", [
    ("续贷审批流程应当简化、规范。", ("审批", "简化")),
    ("可以简化续贷审批流程。", ("审批", "简化")),
    # denied where it stands, or said in no sentence allowing or requiring it
    ("不得简化操作程序。", ()),
    ("续贷审批流程简化的，报总行备案。", ()),
])
def test_a_sentence_allowing_or_requiring_an_act_affirms_its_word(text, affirmed):
    from assistant.consistency import _affirmed
    from ingest.readings import read_text
    q = analyse("续贷审批能简化吗？")
    weights = [(c, 1.0) for c in q.concepts]
    r = next(r for r in read_text("x/a1", "x", text, "") if "简化" in r.text)
    assert _affirmed(q, weights, r) == affirmed


@pytest.mark.parametrize("question,unit,quantity,measured", [
    # an amount asked (金额) is limited by a limit whose own measure is an amount (单笔贷款额度)
    ("个体户续贷，金额上各家卡的线一样吗？", "万元", "单笔贷款额度", True),
    ("续贷额度各家一样吗？", "万元", "个人经营户单笔续贷额度", True),
    # a limit in another unit, or whose measure is of no kind asked, or a question asking no value, is none
    ("个体户续贷，金额上各家卡的线一样吗？", "次", "同一笔贷款续贷次数", False),
    ("个体户续贷，金额上各家卡的线一样吗？", "万元", "注册资本", False),
    ("个体户能不能续贷，各家一样吗？", "万元", "单笔贷款额度", False),
])
def test_a_limit_whose_own_measure_is_asked_is_on_the_topic(question, unit, quantity, measured):
    from assistant.consistency import measures_asked
    from ingest.readings import Limit
    assert measures_asked(analyse(question), [Limit(">=", 200.0, unit, quantity, 0, 1)]) is measured


@pytest.mark.parametrize("kind,held,flagged", [
    # a document excluding the word asked itself, against one excluding only some kinds of it
    ("排除", ("质押贷款",), True),
    ("禁止", ("质押",), True),
    # one that excludes other things, or only requires, is no side
    ("排除", (), False),
    ("要求", ("质押",), False),
])
def test_excluding_the_whole_against_some_kinds_without_a_verdict(kind, held, flagged):
    from dataclasses import replace
    from assistant.consistency import find_conflicts
    whole = replace(_row("a", None), kind=kind, held=held)
    some = replace(_row("b", "depends"), kind="排除", partial=True)
    assert ("宽严不同" in [c.kind for c in find_conflicts([whole, some])]) is flagged
