"""The clause-reading grammar (ingest/readings.py), one table per rule. Each table holds
sentences worded the way the corpus does *and* ways it does not (不纳入, 不在…之列, 不予受理,
除…外), so removing a rule fails its table."""

from __future__ import annotations

import pytest

from ingest.readings import (Reading, caused_spans, concession, condition_span, exception_span, is_negator, lead_kind, limits,
                             negation_scope, read_text, read_units, sanctioned)


def _covered(text: str, word: str) -> int:
    """How many negations cover `word` in `text`."""
    k = text.index(word)
    return sum(1 for s, e in negation_scope(text) if s <= k < e)


# --- negators: a morpheme alone or fused with a governed verb; lexical 不-words are not ---------
@pytest.mark.parametrize("word,expected", [
    ("不", True), ("未", True), ("无", True), ("非", True), ("没有", True), ("严禁", True), ("禁止", True),
    ("不得", True), ("不予", True), ("不属于", True), ("不包括", True), ("不适用", True), ("不纳入", True),
    ("不受理", True), ("无法", True), ("尚未", True), ("从未", True), ("并非", True),
    ("不肯", True), ("不愿", True), ("不愿意", True),    # a refusal negates what follows (不肯当保证人)
    ("不是", True),                                   # a negated copula: 原贷款不是正常类
    ("不算", True), ("不算是", True),                   # …and 算 as a copula: 利息不算高利
    ("拿不出", True), ("还不上", True), ("算不上", True),  # a negated potential complement: it cannot be done
    ("差不多", False), ("少不了", False), ("说不定", False),  # …but idioms of that shape that negate nothing
    ("够不够", False), ("来不来", False),                 # …nor an A-not-A question
    ("没开", True), ("没报", True), ("没欠", True),      # 没 fused with the verb it negates
    ("不会", True),                                   # a negated modal: will not
    ("没收", False), ("没落", False),                     # …but 没收 "confiscate" and 没落 "decline" are words
    ("还没", True), ("还未", True),                       # an adverb fused with a negation (still not)
    ("不动产", False), ("不良", False), ("不足", False), ("不利", False), ("无还本续贷", False), ("非常", False),
])
def test_negator_is_a_morpheme_and_its_governed_verb(word, expected):
    assert is_negator(word) is expected


# --- negation scope ---------------------------------------------------------------------------------
@pytest.mark.parametrize("text,word,count", [
    # object after the negator, across a list joined by 、
    ("适用的对象为流动资金贷款,不包括项目贷款、存单质押等贷款业务。", "存单质押", 1),
    ("适用的对象为流动资金贷款,不包括项目贷款、存单质押等贷款业务。", "流动资金贷款", 0),
    # a negated limit widens a list: 包括但不限于 excludes nothing
    ("申请时附上相关资料,包括但不限于经营情况、财务状况等。", "财务状况", 0),
    ("续贷客户不仅限于制造业企业、商贸企业。", "商贸企业", 0),
    # a list continued after a comma by 及/以及
    ("只限于保证与抵押方式贷款,不含信用贷款、质押贷款,及贷款以外的其他授信业务。", "授信业务", 1),
    ("只限于保证与抵押方式贷款,不含信用贷款、质押贷款,及贷款以外的其他授信业务。", "保证", 0),
    # …but 「，并…」 opens a new predicate the negation does not reach
    ("不应单独将续贷贷款作为下调分类的因素，并在现有容忍度基础上设置差异化的不良贷款容忍度目标。", "容忍度目标", 0),
    # verbs that exclude their subject reach back over it
    ("经营性物业贷款不纳入续贷范围。", "经营性物业贷款", 1),
    ("过桥资金不在本办法支持范围之列。", "过桥资金", 1),
    ("涉诉客户的续贷申请不予受理。", "涉诉客户", 1),
    # a 的-phrase topic before 「，不得…」 is what the prohibition is about
    ("存在以下情况之一的,不得办理续贷业务:", "情况", 1),
    # two negations cancel: 未纳入…不得 requires 纳入
    ("未纳入名单范围的客户不得办理续贷业务。", "纳入", 2),
    # a negated state
    ("借款人具有持续经营能力,无民间借贷,社会信用良好;", "民间借贷", 1),
    ("借款人具有持续经营能力,无民间借贷,社会信用良好;", "持续经营能力", 0),
    # lexical 不-words negate nothing
    ("对不动产抵押登记实行即来即办。", "抵押登记", 0),
    ("不良贷款率较高的机构加强管理。", "贷款", 0),
    # what stands before 以外 is excepted (and the rest of the list is meant)
    ("(九)流动资金贷款以外的其他信贷业务;", "流动资金贷款", 1),
    ("中心城区以外的不动产", "中心城区", 1),
    ("除此以外，还应提交材料。", "材料", 0),
    # X的除外 excludes X
    ("原贷款为不良贷款的除外。", "不良贷款", 1),
    # a negation inside brackets stays inside them
    ("适用对象为流动资金贷款(不含外币贷款)及个人经营性贷款。", "外币贷款", 1),
    ("适用对象为流动资金贷款(不含外币贷款)及个人经营性贷款。", "个人经营性贷款", 0),
    ("不得办理抵(质)押物变更手续。", "变更手续", 1),
])
def test_negation_scope(text, word, count):
    assert _covered(text, word) == count


def test_a_conceded_negation_asserts_nothing():
    text = "现有存量贷款虽未欠息,但存在连续2期欠息记录的;"
    span = concession(text)
    assert span is not None and text[span[0]:span[1]].startswith("虽未欠息")
    reading = read_text("x/a1", "x", text)[0]
    first = text.index("欠息")
    assert not any(s <= first < e for s, e in reading.negated)


# --- 除…外 and conditions ---------------------------------------------------------------------------
@pytest.mark.parametrize("text,expected", [
    ("除经总行批准外，不得办理跨省续贷。", "经总行批准"),
    ("除另有约定以外，借款人不得提前还款。", "另有约定"),
    ("借款人不得提前还款。", None),
])
def test_exception_span(text, expected):
    span = exception_span(text)
    assert (text[span[0]:span[1]] if span else None) == expected


def test_a_calendar_date_is_no_duration():
    assert limits("原贷款6月30日到期，十二月五号续办") == []
    assert [(x.value, x.unit) for x in limits("期限6个月，3月内办结")] == [(6.0, "个月"), (3.0, "个月")]


@pytest.mark.parametrize("text,expected", [
    ("(七)若抵(质)押物因为市场变化不足值的,必须增加足值、有效的抵(质)押物;", "若抵(质)押物因为市场变化不足值的"),
    ("如果借款人申请展期的,应提前30日提出。", "如果借款人申请展期的"),
    ("需要进行实地查看的，应当按照有关规定进行实地查看；", "需要进行实地查看的"),
    ("续贷资金直接用于归还原贷款,不得用于其他用途。", None),
    # 对 + a restrictive clause + 的 + noun: the rule holds for those the clause picks out — the
    # condition is that clause, not the whole part up to the comma
    ("对延续原抵押物的担保，须采用第二顺位抵押。", "对延续原抵押物的"),
    # …unless a penalty follows: then it is the conduct forbidden
    ("对盲目断贷、抽贷的机构下发监管意见书，督促其整改。", None),
    ("对手续完备的续办申请当日办结。", "对手续完备的"),
    # a possessor (借款人的…) names whose thing it is: no condition
    ("对借款人的经营情况进行实地调查。", None),
    ("对小微企业客户的续贷申请进行审批。", None),
])
def test_condition_span(text, expected):
    span = condition_span(text)
    got = text[span[0]:span[1]] if span else None
    assert got == expected



# --- a causative 使 names an outcome: from 使 to the end of its part ---------------------------------
@pytest.mark.parametrize("text,expected", [
    ("(八)通过续贷能使担保合同的缺陷得到完善,或使信用贷款转化为担保贷款;", ["担保合同的缺陷得到完善", "信用贷款转化为担保贷款"]),
    ("续贷应促使企业改善经营。", ["企业改善经营"]),
    ("即使原贷款逾期,也不得续贷。", []),          # 即使: "even if", a condition, not an outcome
    ("借款人须按约定使用贷款资金。", []),          # 使用: "use"
    ("银行行使抵押权。", []),                      # 行使: "exercise"
    ("市场变化致使抵押物不足值。", []),            # 致使: a result that came about
])
def test_caused_spans(text, expected):
    assert [text[a:b] for a, b in caused_spans(text)] == expected

# --- limits: operator, value, unit; Chinese numerals; 以上/以下 include the number ----------------------
@pytest.mark.parametrize("text,op,value,unit", [
    ("对同一笔贷款续贷次数不得超过2次", "<=", 2, "次"),
    ("同一笔贷款续贷不超过两次", "<=", 2, "次"),
    ("单笔贷款额度200万元(含)以上", ">=", 200, "万元"),
    ("资金回笼率在5%(含)以上", ">=", 5, "%"),
    ("个人经营户单笔续贷额度控制在200万元及以下", "<=", 200, "万元"),
    ("在1小时内办结", "<=", 1, "小时"),
    ("在两个小时内办结", "<=", 2, "小时"),            # 个 measures hours as it measures working days
    ("并在1个工作日内完成登记流程", "<=", 1, "工作日"),
    ("资产负债率不高于70%", "<=", 70, "%"),
    ("企业成立满2年", ">=", 2, "年"),
    ("近两年内逾期不超过三次", "<=", 3, "次"),
    ("贷款期限最长30年", "<=", 30, "年"),
    ("单户续贷金额不超过一千五百万元", "<=", 1500, "万元"),
    ("须在原贷款到期前1个月提出书面续贷申请", "before", 1, "个月"),
    ("信用等级A级(含)以上", ">=", 31, "级"),          # grades as ordered values: A is 31, B 21, AA 32
    ("资金回笼率不到5%", "<", 5, "%"),                 # spoken bounds: 不到, 没达到, 达不到
    ("日均余额没有达到50万元", "<", 50, "万元"),
    ("到期前两个星期提出申请", "before", 14, "日"),       # a week is seven days
    ("客户离贷款到期只剩两周才来申请", "before", 14, "日"),   # the time left before the event is a lead time
    ("距到期还有10天", "before", 10, "日"),
    ("到期前半个月才交申请", "before", 0.5, "个月"),          # 半 is a half
    ("近三年无环保违法、欠缴税金等记录", "<=", 3, "年"),      # a look-back window, as 三年内 is
    ("近二年没有欠贷欠息等不良行为", "<=", 2, "年"),
    ("最近两年没有欠息", "<=", 2, "年"),
    ("企业最近两年的平均销售收入", "<=", 2, "年"),       # a window over a measure, with no denial after it
    ("企业成立近3年", "=", 3, "年"),                    # 近 after a verb is "nearly", no window
    ("经营将近5年", "=", 5, "年"),
    ("客户有过一两次欠息", "<=", 2, "次"),               # an estimate of two numerals: at most the larger, never 12
    ("两三天就能办完", "<=", 3, "日"),
    ("二四年出的新规", "=", 24, "年"),                  # no estimate: numerals two apart
    ("十二个月", "=", 12, "个月"),
])
def test_limits(text, op, value, unit):
    found = limits(text)
    assert [(lim.op, lim.value, lim.unit) for lim in found][-1] == (op, value, unit)


@pytest.mark.parametrize("text,window,denied", [
    ("(三)近两年内无逾期、欠息等不良记录。", (2, "年"), "无逾期、欠息等不良记录"),
    ("申请人最近三十六个月没有被行政处罚的记录;", (36, "个月"), "没有被行政处罚的记录"),
    ("近一年来均未发生挪用贷款的情况。", (1, "年"), "未发生挪用贷款的情况"),
    ("借款人近二年没有欠贷欠息等不良行为;", (2, "年"), "没有欠贷欠息等不良行为"),   # 近 after a noun, a denial after the time
    ("企业成立近3年,没有欠息。", None, None),          # 近 after a verb is "nearly": no window
    ("近两年经营收入增长20%以上。", None, None),        # a window over no denial: nothing denied
])
def test_a_look_back_window_denies_the_events_after_it(text, window, denied):
    from ingest.readings import read_text, window_events
    found = [(lim, r.text[s - r.start:e - r.start]) for r in read_text("x/a1", "x", text, "须符合以下条件：")
             for lim, (s, e) in window_events(r)]
    assert [((lim.value, lim.unit), d) for lim, d in found] == ([(window, denied)] if window else [])


@pytest.mark.parametrize("text,ages", [
    ("企业两年前因为环保违法被处罚过", [("=", 2, "年", "环保违法")]),
    ("客户三年多以前欠过一次息", [(">=", 3, "年", "欠过一次息")]),     # 多: more than three years
    ("去年有一期利息晚交了", [("=", 1, "年", "利息晚交")]),           # deictic years of speech
    ("大前年被起诉过", [("=", 3, "年", "被起诉")]),                  # 前年 inside 大前年 is not read again
    ("十八个月前逾期过一次", [("=", 18, "个月", "逾期")]),
    ("一年半以前欠过息", [("=", 1.5, "年", "欠过息")]),
    ("一个半月前欠过息", [("=", 1.5, "个月", "欠过息")]),
    ("2024年以前有过一次欠息", []),                             # a calendar year, no age
    ("以前年度的亏损和过去年度的欠息", []),                       # accounting years: 前年, 去年 inside other words
    ("须在原贷款到期一个月前提出申请", []),                       # a time before an event is no age
    ("两年前面的那笔贷款", []),                                   # 前面 is a place
    ("账户前两天被冻结了", [("=", 2, "日", "被冻结")]),              # 前 first: a couple of days ago
    ("账户前3天被冻结了", [("=", 3, "日", "被冻结")]),
    ("目前两天内没有消息", []),                                    # 目前 is now
    ("前三个月内无逾期", []),                                     # a window, no event's age
    ("须在到期前两天提出申请", []),                               # before an event, no age
])
def test_the_age_of_a_stated_event(text, ages):
    from ingest.readings import event_ages
    found = event_ages(text)
    assert [(a.op, a.value, a.unit) for a in found] == [x[:3] for x in ages]
    assert all(x[3] in a.quantity for a, x in zip(found, ages))


@pytest.mark.parametrize("text", ["企业成立满三周年", "等额周转两次", "孩子两周岁"])
def test_a_word_beginning_with_周_is_no_week(text):
    assert all(lim.unit != "日" for lim in limits(text))


def test_a_limits_quantity_leaves_out_the_article_number():
    # 第十五条 numbers the article; what is measured starts after it
    for text in ("第十五条有续贷需求的客户须在原贷款到期前1个月提出书面续贷申请", "第15条客户须在原贷款到期前1个月提出申请"):
        lim = limits(text)[0]
        assert lim.op == "before" and not lim.quantity.startswith(("条", "第"))


def test_limit_admits_by_operator():
    lim = limits("单笔贷款额度200万元(含)以上")[0]
    assert lim.admits(200) and lim.admits(300) and not lim.admits(150)
    assert limits("续贷次数不得超过2次")[0].admits(2) and not limits("续贷次数不得超过2次")[0].admits(3)


def test_what_a_number_measures_runs_back_to_the_number_before_it_at_most():
    found = limits("存在连续2期或累计3期及以上欠费记录的")
    assert [lim.quantity for lim in found] == ["存在连续", "累计"]


def test_hui_is_the_spoken_ci():
    assert [(lim.value, lim.unit) for lim in limits("前后续过三回了")] == [(3.0, "次")]


@pytest.mark.parametrize("text", ["一次性还本付息", "进行二次顺位抵押", "同一笔贷款", "不是一回事"])
def test_a_word_or_an_ordinal_is_not_a_count(text):
    assert not [lim for lim in limits(text) if lim.unit == "次"]


def test_a_stated_count_in_words_is_a_count():
    assert [(lim.value, lim.unit) for lim in limits("上个月刚续过一次")] == [(1.0, "次")]


# --- what a lead-in makes of its items ---------------------------------------------------------------
@pytest.mark.parametrize("lead,kind", [
    ("第六条对需要办理续贷得借款人,必须符合如下条件:", "requirement"),
    ("申请续贷须同时满足下列条件：", "requirement"),
    ("第七条存在以下情况之一的,不得办理续贷业务:", "exclusion"),
    ("以下贷款不属于续贷范围:", "exclusion"),
    ("下列客户的续贷申请不予受理：", "exclusion"),
    ("客户基础材料包括:", "list"),
    ("第十条续贷额度根据借款人生产经营的规模合理确定。", ""),
])
def test_lead_kind(lead, kind):
    assert lead_kind(lead) == kind


# --- penalties make the penalised conduct a prohibition ----------------------------------------------
def test_sanctioned_conduct_reads_as_negated():
    text = "对符合续贷条件的小微企业盲目断贷、抽贷的机构下发监管意见书"
    spans = sanctioned(text)
    assert spans and "断贷" in text[spans[0][0]:spans[0][1]]
    assert not sanctioned("对符合续贷条件的小微企业做好续贷服务")


def test_a_suffered_or_denied_penalty_penalises_nothing():
    # 未受到行政处罚: the borrower suffers no penalty; the conduct after it is denied once, not twice
    text = "(五)借款人近三年未受到行政处罚或有违法违规行为;"
    r = read_text("x/a1", "x", text)[0]
    assert not sanctioned(text) and len(r.negated) == 1


@pytest.mark.parametrize("text,penalised,frame", [
    # a penalising verb's object, up to the conduct it names; the 的-frame before its head is not penalised
    ("严厉查处银行业机构在办理续贷业务中的违规收费、附加不合理条件等违规行为。", "附加不合理条件", "办理续贷业务"),
    ("依法处罚违规发放贷款的行为。", "违规发放贷款", None),
    # the last 的 that closes no frame leaves the whole list penalised
    ("严厉查处违规收取费用、附加不合理的贷款条件等行为。", "违规收取费用", None),
])
def test_a_penalising_verbs_object_is_forbidden_conduct(text, penalised, frame):
    r = read_text("x/a1", "x", text)[0]
    covered = lambda w: any(a <= text.find(w) < b for a, b in r.negated)
    assert r.kind == "prohibition" and covered(penalised) and (frame is None or not covered(frame))


# --- kinds of whole sentences ------------------------------------------------------------------------
@pytest.mark.parametrize("text,kind", [
    ("第二条续贷贷款(以下简称续贷)就是指借款人在原有的贷款到期后不能按时收回,又重新发放贷款的行为。", "definition"),
    ("本办法不适用风险贷款。", "exclusion"),
    # the modal of the main clause, not of its condition (需要…的，可视…)
    ("期间因特殊情况需要临时申请办理的,可视实际情况酌情调整。", "permission"),
    ("续贷资金直接用于归还原贷款,不得用于其他用途。", "prohibition"),
    ("续贷业务适用的对象为小微企业流动资金贷款。", "scope"),
    ("对材料齐全的抵押权注销登记申请即来即办，在1小时内办结。", "time_limit"),
    ("续贷业务必须与担保人重新签订担保合同。", "obligation"),
    ("利率可以根据实际情况进行浮动。", "permission"),
    # 要 before a verb is a modal of obligation; inside a word (主要, 必要) it is none
    ("各机构要及时改进信贷管理系统。", "obligation"),
    ("续贷资金的来源主要是金融机构自有资金。", "statement"),
    # a rule naming who settles a thing empowers them to: 由…确定/决定
    ("贷款期限由借贷双方协商确定。", "permission"),
    ("手续费标准由分行根据当地情况决定。", "permission"),
    # the text's own commencement sets no deadline; an act's start does
    ("本续贷实施细则自发布之日起生效。", "statement"),
    ("本办法自印发之日起施行。", "statement"),
    ("本规程自发布之日起试行。", "statement"),
    ("第二十条本办法自发布之日起施行。", "statement"),
    ("本办法由总行负责解释,自发布之日起施行。", "statement"),
    ("借款人应在贷款到期之日起5个工作日内提出申请。", "time_limit"),
    ("借款合同自签订之日起生效，借款人应在30日内提款。", "time_limit"),
    ("新利率自续贷发放之日起执行。", "time_limit"),
    # a whole sentence keeps its modal, whatever 的 its object holds; a bare entry names a thing
    ("可以延长原贷款的期限。", "permission"),
    ("可以免收续贷的手续费；", "permission"),
    ("能够证明抵押物价值的材料", "statement"),
    ("借款人可以提供能够证明还款能力的材料。", "permission"),
    ("小微企业续贷业务的资金来源主要包括金融机构的资金。", "scope"),
    ("第四条续贷适用得对象就是指小微企业中生产型得实体经济企业(含个人经营性)。", "scope"),
    # a rule stated first, its term explained after it: the rule
    ("周转率应在8%以上,周转率是指年末存货余额与年度营业收入的比例。", "obligation"),
    ("周转率是指年末存货余额与年度营业收入的比例。", "definition"),
])
def test_sentence_kind(text, kind):
    assert read_text("x/a1", "x", text)[0].kind == kind


@pytest.mark.parametrize("text,kinds", [
    # after a comma, the text naming itself as a subject (本细则中的…) opens a proposition of its own
    ("第三条本细则所称企业主是指企业实际控制人,本细则中的贷款业务仅指流动资金贷款。", ["definition", "scope"]),
    ("本办法所称续贷是指借新还旧的贷款,本办法的规定不适用于个人消费贷款。", ["definition", "exclusion"]),
    # only after a definition: a condition, an exception or a topic before the comma goes with what follows
    ("借款人有逾期的,本细则中的续贷不予办理。", ["prohibition"]),
    ("除法律法规另有规定外,本办法适用于小微企业流动资金贷款。", ["scope"]),
    ("对于个人经营性贷款,本办法的规定不适用。", ["exclusion"]),
    # 本行 is the bank, not the text
    ("续贷是指借新还旧的贷款,本行规定的其他材料须一并提交。", ["definition"]),
    # 本办法 as an object (依照本办法) or inside a phrase opens nothing
    ("续贷是指借新还旧的贷款,依照本办法办理。", ["definition"]),
    ("贷款到期前,按本办法第五条的规定办理续贷。", ["time_limit"]),
])
def test_the_text_as_a_new_subject_opens_a_proposition(text, kinds):
    assert [r.kind for r in read_text("x/a1", "x", text)] == kinds


@pytest.mark.parametrize("item,kind", [
    # a list item opening with a modal and closing with 的 + a short noun names a thing
    ("能够证明抵押物价值的材料", "statement"),
    ("(三)可以证明经营状况的其他材料", "statement"),
    ("(三)可以提供第三方保证", "permission"),            # no relative clause: the modal governs
    ("可以提供能够证明还款能力的材料", "permission"),     # a second modal opens the relative clause
    ("(五)能够证明抵押物价值的材料。", "statement"),        # a list's last item ends in 。 too
])
def test_a_list_item_with_a_modal_in_a_relative_clause_names_a_thing(item, kind):
    assert read_text("x/a1.i1", "x", item, lead="申请抵押权登记，应当提交下列材料：")[0].kind == kind


def test_a_definition_is_read_as_a_definition_even_with_a_negation_inside():
    r = read_text("x/a2", "x", "续贷是指借款人在原贷款到期后不能按时收回,又重新发放贷款的行为。")[0]
    assert r.kind == "definition"


# --- units: items read their parent's lead-in; each sentence belongs to one clause ---------------------
class _U:
    def __init__(self, cid, parent, start, text):
        self.clause_id, self.doc_id, self.parent_id, self.start, self.text = cid, "d", parent, start, text
        self.end = start + len(text)


def test_items_read_their_lead_in_and_the_article_skips_them():
    art = "第七条存在以下情况之一的,不得办理续贷业务:(一)现有存量贷款已形成逾期的;(二)借款人已资不抵债。"
    i1 = "(一)现有存量贷款已形成逾期的;"
    i2 = "(二)借款人已资不抵债。"
    units = [_U("d/a7", None, 0, art), _U("d/a7.i1", "d/a7", art.index(i1), i1),
             _U("d/a7.i2", "d/a7", art.index(i2), i2)]
    rd = read_units(units)
    assert [r.lead for r in rd["d/a7.i1"]] == ["exclusion"]
    assert rd["d/a7.i2"][0].kind == "exclusion"
    assert all("资不抵债" not in r.text for r in rd["d/a7"])


def test_reading_round_trips_through_json():
    r = read_text("x/a1", "x", "除经总行批准外，续贷次数不得超过2次，不包括项目贷款、存单质押等。")[0]
    assert Reading.from_json(r.to_json()) == r


@pytest.mark.parametrize("text,negated,free", [
    # in a question, an item after 、 that opens with its own verb is a predicate outside the negation
    ("抵押物不够值了,不追加抵押物、改成少续一点额度可以吗?", "追加抵押物", "少续"),
    # …or has a verb after its first word, however the tagger took that word (委托|代理人|去办)
    ("续贷抵押登记不用本人到场、委托代理人去办行吗?", "本人到场", "委托代理人"),
    # a list of things, no verb in the item, stays under the negation
    ("客户不提供营业执照、财务报表,能续贷吗?", "财务报表", None),
    # a listed thing (one word, even one the tagger calls a verb) stays under it
    ("没有抵押、担保,能续贷吗?", "担保", None),
])
def test_a_questions_negation_stops_before_a_predicate_of_its_own(text, negated, free):
    spans = negation_scope(text, rule=False)
    covered = lambda w: any(a <= text.find(w) < b for a, b in spans)
    assert covered(negated) and (free is None or not covered(free))


@pytest.mark.parametrize("text,rule,negated,free", [
    # a negation inside a circumstance frame (…的情况下, …的时候) ends with the frame
    ("能不能在第一顺位还没注销的情况下先办第二顺位抵押？", False, "注销", "第二顺位抵押"),
    ("客户没到场的时候代理人去办行吗？", False, "到场", "代理人去办"),
    ("在原抵押权未注销的情况下办理二次抵押登记。", True, "注销", "二次抵押登记"),
])
def test_a_negation_inside_a_circumstance_frame_stays_inside_it(text, rule, negated, free):
    spans = negation_scope(text, rule=rule)
    covered = lambda w: any(a <= text.find(w) < b for a, b in spans)
    assert covered(negated) and not covered(free)


@pytest.mark.parametrize("text,act", [
    # a negator before 在/当 governs the framed act: the frame is inside what it forbids
    ("不得在借款人逾期的情况下办理续贷。", "办理续贷"),
    ("续贷时无需在原贷款到期的时候重新评估抵押物。", "重新评估"),
])
def test_a_negator_before_the_frame_governs_the_framed_act(text, act):
    assert any(a <= text.find(act) < b for a, b in negation_scope(text))


@pytest.mark.parametrize("text,word,negated", [
    # a negated permission modal confirmed by a final particle, or asked by 是不是, is the officer's guess:
    # the act is asked about, not negated
    ("续贷资金不能挪作他用吧？", "挪作他用", False),
    ("个人住房按揭贷款是不能做续贷的吧？", "续贷", False),
    ("续贷资金是不是不能用于买设备？", "买设备", False),
    # a 不能 of the story, with the question asked by another modal after it, is a fact and stays negated
    ("客户不能按时还款能续吗？", "按时还款", True),
    ("抵押人不能到场，能办吗？", "到场", True),
    # a list question's 不能 asks for what is excluded
    ("哪些贷款不能续贷？", "续贷", True),
    # a negated fact is no guessed permission
    ("客户没有逾期吧？", "逾期", True),
    # a story clause before the one that asks is a fact, whatever particle closes it
    ("客户这次不能按时还款了吧，还能续贷吗？", "按时还款", True),
    ("客户不能提供抵押物吧，能续贷吗？", "提供抵押物", True),
    ("担保人不能到场嘛，能不能办续贷？", "到场", True),
])
def test_a_guessed_prohibition_asks_about_the_act(text, word, negated):
    spans = negation_scope(text, rule=False)
    assert any(a <= text.find(word) < b for a, b in spans) is negated


@pytest.mark.parametrize("value,unit,said", [
    # a credit grade is shown by its letters, as the documents write it (信用等级≥A级, not ≥31级)
    (31.0, "级", "A"), (21.0, "级", "B"), (32.0, "级", "AA"), (23.0, "级", "BBB"),
    # any other figure without a needless .0
    (200.0, "万元", "200"), (2.5, "%", "2.5"),
])
def test_a_figure_is_shown_as_the_documents_write_it(value, unit, said):
    from ingest.readings import figure
    assert figure(value, unit) == said


@pytest.mark.parametrize("text,expected", [
    # an operator after the last of coordinated numbers of one unit is said of each
    ("存在连续2期或累计3期及以上欠息记录的", [(">=", 2.0, "期"), (">=", 3.0, "期")]),
    ("逾期1次和累计2次以上的", [(">=", 1.0, "次"), (">=", 2.0, "次")]),
    # numbers of other units, or in another part, keep their own
    ("期限1年或金额200万元以上", [("=", 1.0, "年"), (">=", 200.0, "万元")]),
    ("连续2期，累计3期以上", [("=", 2.0, "期"), (">=", 3.0, "期")]),
])
def test_an_operator_after_coordinated_numbers_is_said_of_each(text, expected):
    assert [(lim.op, lim.value, lim.unit) for lim in limits(text)] == expected


@pytest.mark.parametrize("text,kind", [
    # 包括 after papers lists what to hand in: no scope
    ("小微企业客户根据银行要求,提交相应的贷款申请文件,包括企业营业执照、银行流水账户、税务登记证等。", "obligation"),
    ("借款人应提供以下材料，包括营业执照、财务报表。", "obligation"),
    # 包括 after what a rule reaches is its scope
    ("本办法所称小微企业贷款,包括流动资金贷款和个人经营性贷款。", "scope"),
    ("续贷业务的适用对象包括小型企业、微型企业。", "scope"),
])
def test_a_list_of_papers_is_no_scope(text, kind):
    assert read_text("x/a1", "x", text)[0].kind == kind
