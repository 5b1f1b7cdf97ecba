"""Trust-first verdicts (assistant/reason.py) and the reading of questions (assistant/question.py,
assistant/docnames.py), one table per rule. The rule sentences are synthetic, worded in ways
the corpus does not use, so the tables test the grammar, not the corpus."""

from __future__ import annotations

import pytest

from assistant.consistency import _extension, also_required, asking_clause_idle, held_somewhere, prepare_topic
from assistant.docnames import DocNamer
from assistant.evidence import idf_weights
from assistant.question import RENEWAL, analyse, question_kind
from assistant.reason import Stance, combine, stance
from ingest.readings import read_text


def _verdict(rule: str, question: str, lead: str = "", df=lambda _t: 3) -> str | None:
    q = analyse(question)
    weights = idf_weights(q, df, 100)
    found = [st for r in read_text("x/a1", "x", rule, lead) if (st := stance(q, r, weights, RENEWAL)) is not None]
    if not found:
        return None
    return max(found, key=lambda st: st.strength).verdict


REQ = "申请续贷须同时满足下列条件："
EXCL = "下列客户的续贷申请不予受理："
# rules several rows below read
COUNTS = "对同一笔贷款续贷次数不得超过2次,且对同一客户累计续贷次数不得超过4次。"
SPLIT_AMOUNT = "(五)原则上企业单笔续贷额度控制在1500万元及以下,个人经营户单笔续贷额度控制在200万元及以下。"
ONLY_REPAY = "续贷贷款的用途严格限于偿还原贷款,不得用于其他用途;"
LEAD_TIME = "有续贷需求的客户须在原贷款到期前1个月提出书面续贷申请。"
TRADES = "(一)从事投资、典当、担保等业务的公司贷款;"
SPLIT_BY_NAME = "(五)企业单笔续贷额度控制在1500万元及以下,个体工商户单笔续贷额度控制在200万元及以下。"


@pytest.mark.parametrize("rule,lead,question,expected", [
    # exclusions and scopes
    ("适用对象为流动资金贷款,不包括项目贷款、循环贷款等。", "", "项目贷款能办续贷吗？", "no"),
    ("适用对象为流动资金贷款,不包括项目贷款、循环贷款等。", "", "流动资金贷款可以续贷吗？", "yes"),
    # the most specific mention decides: 外币流动资金贷款, not its part 流动资金贷款
    ("适用对象为流动资金贷款,不包括外币流动资金贷款。", "", "外币流动资金贷款能续贷吗？", "no"),
    # only some kinds of what is asked are excluded
    ("适用对象为流动资金贷款,不包括存单质押、应收账款质押等贷款。", "", "质押贷款能续贷吗？", "depends"),
    # an excluded thing predicated by a negation (涉诉案件未结案): the question must say the predicate holds
    ("(八)借款人存在涉诉案件未结案的;", EXCL, "客户的官司已经结案了，能续贷吗？", "depends"),
    ("(八)借款人存在涉诉案件尚未结案的;", EXCL, "客户有官司，能续贷吗？", "depends"),
    ("(八)借款人存在涉诉案件未结案的;", EXCL, "客户有个官司还没结案，能续贷吗？", "no"),
    # …said the officers' way (还没判下来: 没 fused with a word the glossary maps to 结案)
    ("(八)借款人存在涉诉案件未结案的;", EXCL, "借款人正跟供应商打官司，案子还没判下来，能续贷吗？", "no"),
    ("(七)借款人存在逃废债、无还款意愿等不良行为的;", EXCL, "客户逃废债，能续贷吗？", "no"),
    # …said in the question's own words: a negation of the thing, the progressive aspect, a word
    # that carries its own negation (pending → 未结案)
    ("(八)借款人存在涉诉案件未结案的;", EXCL, "客户有个官司还没打完，能续贷吗？", "no"),
    ("(八)借款人存在涉诉案件未结案的;", EXCL, "客户有个官司还在打，能续贷吗？", "no"),
    ("(八)借款人存在涉诉案件未结案的;", EXCL, "Is a borrower with a pending lawsuit eligible for renewal?", "no"),
    # a bare class word (质押) met only as the head of listed kinds: only those kinds are excluded —
    # not when the question names a kind, one item is the class itself, or one item is a verb and its object
    ("适用对象为流动资金贷款,不包括应收账款质押、存单质押等贷款。", "", "客户那笔是质押的，能续贷吗？", "depends"),
    ("适用对象为流动资金贷款,不包括个人循环贷款、企业循环贷款。", "", "企业循环贷款能续贷吗？", "no"),
    ("适用对象为流动资金贷款,不包括质押贷款、存单质押。", "", "客户那笔是质押的，能续贷吗？", "no"),
    ("(七)借款人账户未处于冻结状态;", REQ, "借款人账户被冻结了，能续贷吗？", "no"),
    # verbs that exclude their subject
    ("经营性物业贷款不纳入续贷范围。", "", "经营性物业贷款可以续贷吗？", "no"),
    ("过桥资金不在本办法支持范围之列。", "", "过桥资金能不能用续贷？", "no"),
    ("(一)涉诉案件尚未结案的;", EXCL, "客户有涉诉案件没结案，能续贷吗？", "no"),
    # numbers stated in the question against a requirement's limit
    ("(二)单笔贷款额度200万元(含)以上;", REQ, "客户单笔贷款150万，能续贷吗？", "no"),
    # (a figure that meets one condition of a list settles only that condition)
    ("(二)单笔贷款额度200万元(含)以上;", REQ, "客户单笔贷款300万，能续贷吗？", "depends"),
    ("(二)单笔贷款额度200万元(含)以上;", REQ, "客户单笔贷款300万，单笔贷款额度够吗？", "yes"),
    ("同一笔贷款续贷次数不得超过2次。", "", "这笔贷款已经续贷3次了，还能续贷吗？", "no"),
    # a limit inside an exclusion item describes the disqualifying state
    ("(三)近一年内逾期超过3次的;", EXCL, "客户近一年逾期5次，能续贷吗？", "no"),
    # a value of a classification against the value a requirement demands
    ("(四)原贷款五级分类为正常类;", REQ, "关注类贷款能续贷吗？", "no"),
    ("(四)原贷款五级分类为正常类;", REQ, "贷款已经掉到可疑了，还能续吗？", "no"),   # a class named without 类
    # (the value stated against the one demanded is named: a stated fact failing the rule)
    # a glossary phrase holding a value (掉到关注类 → 下调贷款风险分类) states the value too
    ("(四)原贷款五级分类为正常类;", REQ, "原贷款已经掉到关注类了，还能续贷吗？", "no"),
    # …unless the story also holds the demanded value, or fears the other as a possibility
    ("(四)原贷款五级分类为正常类;", REQ, "原贷款去年掉到关注类，后来又调回正常类了，现在能续贷吗？", "depends"),
    ("(四)原贷款五级分类为正常类;", REQ, "客户担心续贷以后会掉到关注类，原贷款能续贷吗？", None),
    # a value is demanded when predicated (为正常类), not when merely named
    ("(八)续贷能使信用贷款转化为担保贷款;", REQ, "质押贷款能续贷吗？", None),
    # …or when a scope is limited to it (仅适用于); a scope added (同样适用于) demands nothing
    ("续贷仅适用于保证贷款和抵押贷款。", "", "质押贷款能续贷吗？", "no"),
    ("本办法同样适用于保证贷款和抵押贷款。", "", "质押贷款能续贷吗？", None),
    # 仅指 limits what the text covers as 仅适用于 does
    ("本细则中的贷款业务仅指流动资金贷款。", "", "固定资产贷款能办吗？", "no"),
    ("本细则中的贷款业务仅指流动资金贷款。", "", "流动资金贷款能办吗？", "yes"),
    # a value the rule says of a head (流动资金|贷款) excludes the question's other value only when the
    # question says it of the same head (固定资产贷款), not of another thing (固定资产做抵押)
    ("第九条续贷业务仅适用于小微企业流动资金贷款。", "", "企业的固定资产贷款能续贷吗？", "no"),
    ("第九条续贷业务仅适用于小微企业流动资金贷款。", "", "客户那笔是盖厂房的固定资产项目贷款，能续贷吗？", "no"),
    ("第九条续贷业务仅适用于小微企业流动资金贷款。", "", "客户拿厂房等固定资产做抵押，能续贷吗？", None),
    # a negated state: the requirement is that it is absent
    ("(五)借款人无民间借贷;", REQ, "有民间借贷的企业能续贷吗？", "no"),
    ("(五)借款人无民间借贷;", REQ, "没有民间借贷的企业能续贷吗？", "yes"),
    # two negations: 未纳入…不得 makes 纳入 a requirement
    ("未纳入名单范围的客户不得办理续贷业务。", "", "没有纳入名单的客户可以续贷吗？", "no"),
    ("未纳入名单范围的客户不得办理续贷业务。", "", "纳入名单的客户可以续贷吗？", "yes"),
    # 除…外: an exception leaves it open
    ("除经总行批准外，不得办理跨省续贷。", "", "跨省续贷可以办吗？", "depends"),
    # conditions: open unless the question states them
    ("(七)若抵押物因市场变化不足值的,必须增加足值的抵押物;", REQ, "续贷需要增加抵押物吗？", "depends"),
    ("(九)若评估报告超过有效时限,需重新对抵押物价值进行评估;", REQ, "评估报告超过有效时限了，要不要重新评估抵押物？", "yes"),
    ("若借款人申请展期的,应提前30日提出申请。", "", "借款人申请展期，需要提前提出申请吗？", "yes"),
    # the condition stated, asking to skip what it makes obligatory
    ("(九)若评估报告超过有效时限,需重新对抵押物价值进行评估;", REQ, "评估报告超过有效时限了，能不重新评估直接续贷吗？", "no"),
    ("若借款人申请展期的,应提前30日提出申请。", "", "需要提前提出申请吗？", "depends"),
    # a condition in the consequence's own words is not stated by asking about the consequence
    ("需要上门核验的，应当上门核验。", "", "登记机构一定要上门核验吗？", "depends"),
    # penalised conduct is forbidden
    ("对盲目断贷、抽贷的机构下发监管意见书。", "", "银行可以对企业抽贷吗？", "no"),
    # outside what a prohibition forbids, its own part obliges
    ("续贷资金直接用于归还原贷款,不得用于其他用途。", "", "续贷资金能用于其他用途吗？", "no"),
    ("续贷业务须视同新增业务进行调查,不得简化操作程序。", "", "续贷是否要视同新增业务调查？", "yes"),
    # necessity
    ("续贷业务必须与担保人重新签订担保合同。", "", "续贷要不要重新签订担保合同？", "yes"),
    # a modal does not oblige the topic of 「就…事宜进行沟通」 or what its verb is to prevent
    ("各银行业机构应加强与登记机构对接，就注销后重新办理抵押登记事宜进行沟通。", "", "续贷可以先注销抵押再重新办理抵押登记吗？", None),
    ("各银行业机构应在原抵押注销后重新办理抵押登记。", "", "续贷可以先注销抵押再重新办理抵押登记吗？", "yes"),
    # a definition answers only whether an element it states is part of what it defines
    ("续贷是指借款人在原贷款到期后仍有融资需求,经其主动申请,在原贷款到期前办理的贷款业务。", "", "续贷是不是要借款人主动申请？", "yes"),
    ("续贷是指借款人在原贷款到期后仍有融资需求,经其主动申请,在原贷款到期前办理的贷款业务。", "", "续贷需要银行主动申请吗？", None),   # another agent
    # a verb that only carries its object (提出申请) means the object (申请)
    ("续贷是指借款人在原贷款到期后仍有融资需求,经其主动申请,在原贷款到期前办理的贷款业务。", "", "续贷是不是要借款人提出申请？", "yes"),
    ("续贷是指借款人在原贷款到期后仍有融资需求,经其主动申请,在原贷款到期前办理的贷款业务。", "", "续贷是不是要银行提出申请？", None),
    # a lexical 不-word (不良贷款) brings no negation of its own
    ("不良贷款不得续贷。", "", "不良贷款能续贷吗？", "no"),
    # clearing one alternative of an excluded case leaves the other (已形成逾期或存在未结清利息的)
    ("(一)现有存量贷款已形成逾期或存在未结清利息的;", EXCL, "利息已经结清了，但贷款已经逾期了，能续贷吗？", "no"),
    # 原贷款 names the loan, not an original party: the denial of the guarantor is not said of one
    ("(六)原保证人同意继续承担担保责任,或新的保证人承担担保责任;", REQ, "原贷款快到期了，保证人不愿意再担保了，还能续贷吗？", "no"),
    # 客户 tells no side of a limit apart; 这笔 is 一笔
    ("(五)同一笔贷款续贷次数不超过2次,同一客户累计续贷次数不超过5次。", REQ, "客户已经续过3次了，还能再续吗？", "depends"),
    ("(五)同一笔贷款续贷次数不超过2次,同一客户累计续贷次数不超过5次。", REQ, "客户这笔贷款已经续过两次了，还能再续吗？", "no"),
    # no verdict: a definition, a sentence with no modal, a sentence about something else
    ("续贷是指原贷款到期后不能按时收回,又重新发放贷款的行为。", "", "不能按时收回的贷款能续贷吗？", None),
    ("续贷工作应遵循以下原则。", "", "续贷期限能比原贷款长吗？", None),
    ("续贷工作应有效控制信用风险。", "", "信用贷款能续贷吗？", None),
    # a modal governs its own clause
    ("各银行业机构应强化培训，加快续贷产品的开发。", "", "一家搞房地产开发的企业，可以续贷吗？", None),
    ("各银行业机构应加快续贷产品的开发。", "", "银行应该加快续贷产品开发吗？", "yes"),
    # a negated catch-all makes an only-rule: a use not listed is not allowed, the listed one is
    ("续贷资金直接用于归还原贷款,不得用于其他用途。", "", "续贷资金能拿去买设备吗？", "no"),
    ("续贷资金直接用于归还原贷款,不得用于其他用途。", "", "续贷资金可以用于归还原贷款吗？", "yes"),
    # a use of the lent money is decided by a rule on uses, not by a condition sharing a word
    ("(七)企业主行为规范,无参与民间高利借贷行为;", REQ, "续贷的钱能拿去给企业主买房吗？", None),
    ("续贷业务仅适用于小微企业流动资金贷款。", "", "续贷的钱能不能用于流动资金周转？", None),
    # …but not when the question also asks what the rule denies outright
    ("续贷资金只能用于归还原贷款，一律不得划转至借款人其他账户或者挪作他用。", "", "续贷资金可不可以先转入借款人的其他账户，再还原贷款？", "no"),
    # …a verb alone is not the use it names: repaying another bank's loan (别的银行 = 他行) is another use
    ("续贷资金直接用于归还原贷款,不得用于其他用途。", "", "续贷资金可以用于归还别的银行的贷款吗？", "no"),
    # an inclusion under a negation is denied with its head
    ("不得向房地产企业(含个体工商户)发放续贷贷款。", "", "个体工商户的贷款可不可以续？", "no"),
    ("续贷业务适用的对象为小微企业贷款客户(含个体工商户)。", "", "个体工商户的贷款可不可以续？", "yes"),
    # (a narrower kind than the story states: 民间高利借贷 for 民间借贷 — open, not decided by 借入)
    ("无参与民间高利借贷(包括借入和借出)行为;", REQ, "企业主借入民间借贷，还能续贷吗？", "depends"),
    ("续贷资金直接用于归还原贷款,不得用于其他用途。", "", "续贷资金能不能用于别的用途？", "no"),
    # an open list of allowed uses (…等方面) leaves an unnamed use open; a named one is allowed
    ("续贷资金可以用于小微企业的流动资金周转、设备购置等方面。", "", "续贷到手的钱能不能拿去进一批原料？", "depends"),
    ("续贷资金可以用于小微企业的流动资金周转、设备购置等方面。", "", "续贷资金可以用于购买原材料吗？", "depends"),
    ("续贷资金可以用于小微企业的流动资金周转、设备购置等方面。", "", "续贷资金能用于设备购置和买原材料吗？", "depends"),
    ("续贷资金可以用于小微企业的流动资金周转、设备购置等方面。", "", "续贷资金能用于购置生产设备吗？", "yes"),
    ("续贷资金可以用于小微企业的流动资金周转、设备购置等方面。", "", "续贷到手的钱能不能用于设备购置？", "yes"),
    ("续贷资金可以用于小微企业的流动资金周转、设备购置。", "", "续贷到手的钱能不能拿去进一批原料？", None),   # closed list
    # a negated comparison bounds a measure: the measure's words are not denied…
    ("续贷时新发放贷款不超过拟归还贷款金额。", "", "续贷可以归还贷款吗？", None),
    # …unless the question asks the comparison itself
    ("新发放贷款不超过拟归还贷款金额。", "", "新发放贷款能超过拟归还贷款金额吗？", "no"),
    # a phrase's first word names the phrase's kind: 欠息 for 欠息记录, 房地产 for 房地产开发
    ("(二)从事房地产业务或个人住房按揭贷款;", EXCL, "一家搞房地产开发的企业，可以续贷吗？", "no"),
    # …but a verb and its object are no such phrase: 简化 alone is not 简化操作程序
    ("续贷资料可以简化。", "", "续贷能不能简化审批流程？", None),
    # a catch-all of conduct is no rule on uses    # a limit relative to another amount, both stated
    ("续贷额度最高不得超过原贷款额度。", "", "原贷款500万元，续贷想借600万元，可以吗？", "no"),
    ("续贷额度最高不得超过原贷款额度。", "", "原贷款500万元，续贷想借300万元，可以吗？", "yes"),
    # 从A提到B: what an amount moves from is the original, what it moves to the new one
    ("(六)贷款周转为等额周转或减额周转,不包括增量贷款业务。", REQ, "客户想把额度从500万提到700万，可以吗？", "no"),
    ("(六)贷款周转为等额周转或减额周转,不包括增量贷款业务。", REQ, "客户想把额度从500万降到400万，可以吗？", "yes"),
    ("续贷业务必须与担保人重新签订担保合同。", "", "外地户籍老板用存款单做担保能续贷吗？", None),
    # an obligation is a requirement: a stated fact that fails it decides
    ("续贷时须经担保人书面同意。", "", "没有书面同意，担保人那边续贷可以办吗？", "no"),
    ("续贷时必须书面告知担保人,担保人应书面同意提供担保。", "", "客户没有书面同意书，担保人愿意担保，续贷可以办吗？", "no"),
    # an exclusion of two joined facts: the question states one, the other is open
    ("(四)抵押物价值发生变化,又不能提供其他有效担保的;", EXCL, "抵押物贬值了，是不是就不能续贷了？", "depends"),
    ("(四)抵押物价值发生变化,又不能提供其他有效担保的;", EXCL, "抵押物价值发生变化，也没有其他有效担保，能续贷吗？", "no"),
    # a requirement met one way or another (A，或B): failing A leaves B open
    ("(六)原保证人同意继续承担担保责任,或新的保证人承担担保责任;", REQ, "原保证人不同意继续担保了，还能续贷吗？", "depends"),
    ("(六)原保证人同意继续承担担保责任;", REQ, "原保证人不同意继续担保了，还能续贷吗？", "no"),
    ("(八)借款人提供房产抵押,或者提供第三方连带保证;", REQ, "借款人拿不出房产抵押，能续贷吗？", "depends"),
    # an outcome the renewal is to bring about (使…转为…) is no state the customer must be in now
    ("(五)续贷后应能使原信用方式转为抵押方式;", REQ, "客户现在是信用方式，没有抵押，能续贷吗？", "depends"),
    ("(五)借款人须提供抵押;", REQ, "客户现在是信用方式，没有抵押，能续贷吗？", "no"),
    # a negated copula states the fact's absence; a negation in brackets reaches no further
    ("(四)原贷款为正常类;", REQ, "客户那笔现在是关注类，不是正常类也能续贷吗？", "no"),
    ("适用对象为流动资金贷款,不包括企业循环贷款。", "", "续贷通(不是2.0那个)能不能给企业循环贷款续贷？", "no"),
    # a condition's cause (因为…) is no part of its fact; an obligation met one of its ways (「须A，或B」,
    # the question doing B) is met
    ("(七)若抵押物因为市场价格大幅变化不足值的,必须增加足值的抵押物,或降低续贷额度以匹配抵押物的现值;", REQ,
     "抵押物因为行情下跌不足值了，客户同意把续贷额度降下来匹配现值，可以续吗？", "yes"),
    ("(七)若抵押物因为市场价格大幅变化不足值的,必须增加足值的抵押物,或降低续贷额度以匹配抵押物的现值;", REQ,
     "抵押物行情下跌不足值了，还能续贷吗？", "depends"),
    ("(七)若抵押物因为市场价格大幅变化不足值的,必须增加足值的抵押物,或降低续贷额度以匹配抵押物的现值;", REQ,
     "抵押物行情下跌不足值了，客户拿不出新的抵押物，同意把续贷额度降下来匹配现值，行吗？", "yes"),
    # denying one way of a disjunctive obligation leaves the other open; denying every way fails it
    ("(七)若抵押物因为市场价格大幅变化不足值的,必须增加足值的抵押物,或降低续贷额度以匹配抵押物的现值;", REQ,
     "抵押物跌价不足值了，客户拿不出新的抵押物，还能续贷吗？", "depends"),
    ("(七)若抵押物因为市场价格大幅变化不足值的,必须增加足值的抵押物,或降低续贷额度以匹配抵押物的现值;", REQ,
     "抵押物跌价不足值了，客户拿不出新的抵押物，也不同意降低续贷额度，还能续贷吗？", "no"),
    # …as does keeping unchanged what the way changes
    ("(七)若抵押物因为市场价格大幅变化不足值的,必须增加足值的抵押物,或降低续贷额度以匹配抵押物的现值;", REQ,
     "抵押物跌价不足值了，客户不肯追加抵押物，额度也想照原来不变，还能续贷吗？", "no"),
    # …but not another thing kept (利率不变), nor across another subject (额度调低但期限不变)
    ("(七)若抵押物因为市场价格大幅变化不足值的,必须增加足值的抵押物,或降低续贷额度以匹配抵押物的现值;", REQ,
     "抵押物跌价不足值了，客户拿不出新的抵押物，续贷后利率不变，能续贷吗？", "depends"),
    ("(七)若抵押物因为市场价格大幅变化不足值的,必须增加足值的抵押物,或降低续贷额度以匹配抵押物的现值;", REQ,
     "抵押物跌价不足值了，客户拿不出新的抵押物，同意额度调低但期限不变，能续贷吗？", "depends"),
    # the question says the way in the officers' word the glossary maps to the documents' phrase (少续 →
    # 降低续贷额度): the phrase's words are all said
    ("(七)若抵押物因为市场价格大幅变化不足值的,必须增加足值的抵押物,或降低续贷额度以匹配抵押物的现值;", REQ,
     "抵押物跌价不足值了，客户拿不出新的抵押物，少续一点行不行？", "yes"),
    # denied of the original party, the alternative of a new party stays open — unless it is denied too
    ("(六)原保证人同意继续承担担保责任,或新的保证人承担担保责任;", REQ, "原来的保证人不愿意再担保了，还能续贷吗？", "depends"),
    ("(六)原保证人同意继续承担担保责任;", REQ, "原来的保证人不愿意再担保了，还能续贷吗？", "no"),
    ("(六)原保证人同意继续承担担保责任,或新的保证人承担担保责任;", REQ, "原来的保证人不愿意再担保了，新的保证人也找不到，还能续贷吗？", "no"),
    # …and a story bringing the new party in takes that way: the rule provides for it
    ("(六)原保证人同意继续承担担保责任,或新的保证人承担担保责任;", REQ, "原来的保证人不愿意再担保了，客户另找一家公司来当保证人，可以吗？", "yes"),
    ("(六)原保证人同意继续承担担保责任,或新的保证人承担担保责任;", REQ, "原来的保证人不愿意再担保了，也没有新的保证人，还能续贷吗？", "no"),
    ("(六)原保证人同意继续承担担保责任,或新的保证人承担担保责任;", REQ, "原来的保证人不愿意再担保了，客户另找了一家实力不错的公司当保证人，可以吗？", "yes"),   # 不错 denies nothing
    # a story taking one of the ways an item names (「A，或B」) is what the document provides for: 可以 (the
    # other items aside); one only sharing the way's words, without its verb (转化), takes none
    ("(六)原保证人同意继续承担担保责任,或新设立的保证人承担担保责任;", REQ, "客户另外找了一家公司来做保证人，续贷能办吗？", "yes"),
    ("(八)通过续贷能使原合同的法律缺陷得到完善,或使信用贷款转化为担保贷款;", REQ, "原来是信用贷款，续贷时追加抵押，转化为担保贷款，能续吗？", "yes"),
    ("(八)通过续贷能使原合同的法律缺陷得到完善,或使信用贷款转化为担保贷款;", REQ, "原来是信用贷款，能续吗？", "depends"),
    # an additive 除 (除A，还应B) lays the modal on A as well: skipping A is against the rule
    ("第十六条经办行除视同新增贷款业务如实开展贷前调查,还应重点核实以下内容:", "", "续贷是不是可以不做贷前调查了？", "no"),
    ("第十六条经办行除视同新增贷款业务如实开展贷前调查,还应重点核实以下内容:", "", "续贷要做贷前调查吗？", "yes"),
    # …but 重新 and 新增 bring in no party, nor does a new one who then refuses
    ("(六)原保证人同意继续承担担保责任,或新设立的保证人、抵押人承担担保责任;", REQ, "原保证人不愿意继续承担担保责任，又找不到新的保证人，但客户重新评估了抵押物，能续吗？", "depends"),
    ("(六)原保证人同意继续承担担保责任,或新设立的保证人、抵押人承担担保责任;", REQ, "保证人换成了客户的老婆，但她不同意承担担保责任，能续吗？", "depends"),
    # a way that is a change is taken in its direction, told with any verb of becoming
    ("(八)通过续贷能使原合同的法律缺陷得到完善,或使信用贷款转化为担保贷款;", REQ, "原来是信用贷款，续贷时补上抵押变成担保贷款，能续吗？", "yes"),
    ("(八)通过续贷能使原合同的法律缺陷得到完善,或使信用贷款转化为担保贷款;", REQ, "原来是担保贷款，续贷时想把抵押撤了改成信用贷款，能续吗？", "depends"),
    # …not when the change is refused, nor when what follows the verb is another thing
    ("(八)通过续贷能使原合同的法律缺陷得到完善,或使信用贷款转化为担保贷款;", REQ, "原来是信用贷款，续贷时客户不想转为担保贷款，行吗？", "depends"),
    ("(八)通过续贷能使原合同的法律缺陷得到完善,或使信用贷款转化为担保贷款;", REQ, "原来是担保贷款，续贷时改成信用贷款不需要担保，可以吗？", "depends"),
    # 「A，且B，或C」 is A and (B or C): failing A fails it
    ("(六)已取得股东会书面决议,且原保证人同意继续担保,或新的保证人承担担保责任;", REQ, "股东会没有出书面决议，还能续贷吗？", "no"),
    # an amount as the object of a lending verb (要续, 想贷) is the loan's amount
    ("(五)单笔续贷额度控制在800万元及以下;", REQ, "这次客户要续1000万，能办吗？", "no"),
    ("(五)单笔续贷额度控制在800万元及以下;", REQ, "这次客户要续600万，能办吗？", "yes"),
    ("(五)单笔续贷额度控制在800万元及以下;", REQ, "这次客户手上存着1000万，能办吗？", None),
    # …but meeting it, when the question asks about something else the rule does not hold, settles nothing
    ("(九)单笔贷款额度300万元(含)以上;", REQ, "客户用仓库抵押，想贷650万元，能按这个抵押率办吗？", None),
    # limits told apart only by whose loan it is: a figure between them, with the borrower unsaid, is open
    ("(五)企业单笔续贷额度在1000万元及以下,个人经营户单笔续贷额度在100万元及以下。", REQ, "客户要续300万，能办吗？", "depends"),
    ("(五)企业单笔续贷额度在1000万元及以下,个人经营户单笔续贷额度在100万元及以下。", REQ, "客户要续2000万，能办吗？", "no"),
    ("(五)企业单笔续贷额度在1000万元及以下,个人经营户单笔续贷额度在100万元及以下。", REQ, "个人经营户要续300万，能办吗？", "no"),
    # whose loan it is, said in a common word (一家贸易企业) — common words tell the two limits apart too
    ("(五)企业单笔续贷额度在1000万元及以下,个人经营户单笔续贷额度在100万元及以下。", REQ, "客户是家企业，要续300万，能办吗？", "yes"),
    ("(五)同一笔贷款续贷次数不超过2次,同一客户累计续贷次数不超过5次。", REQ, "这笔贷款已经续过两次了，还能续第三次吗？", "no"),
    # a passive's agent (被法院查封) is not a modifier naming another kind of the act
    ("(七)借款人账户被有关部门查封、冻结的;", EXCL, "账户被税务局查封了，还能续贷吗？", "no"),
    # of two events in a definition, the one whose part goes on to the act (办理) times it
    ("续贷是指借款人在原贷款到期后仍有融资需求,在原贷款到期前办理的贷款业务。", "", "原贷款已经到期了，还能申请续贷吗？", "no"),
    ("续贷是指借款人在原贷款到期后仍有融资需求,在原贷款到期前办理的贷款业务。", "", "原贷款快到期了，能续贷吗？", "yes"),
    # a lead time the rule requires (到期前1个月) against the one stated, or the days between two dates
    ("续贷客户应于贷款到期前1个月递交申请。", "", "客户到期前10天才递交申请，行吗？", "no"),
    ("续贷客户应于贷款到期前1个月递交申请。", "", "客户到期前两个月递交申请，行吗？", "yes"),
    ("续贷客户应于贷款到期前1个月递交申请。", "", "贷款9月15日到期，客户9月1日递交申请，行吗？", "no"),
    ("续贷客户应于贷款到期前1个月递交申请。", "", "贷款9月15日到期，客户7月20日递交申请，行吗？", "yes"),
    # a limit in the condition of a refusal describes the disqualifying state
    ("距贷款到期不足10个工作日递交申请的，不予受理。", "", "客户在贷款到期前25个工作日递交了申请，能受理吗？", "yes"),
    ("距贷款到期不足10个工作日递交申请的，不予受理。", "", "客户在贷款到期前5个工作日递交了申请，能受理吗？", "no"),
    # units that convert only roughly (工作日 against 个月): a lead time close to the limit is open
    ("续贷客户应于贷款到期前1个月递交申请。", "", "客户到期前20个工作日递交申请，行吗？", "depends"),
    # …while in the rule's own unit they compare exactly
    ("续贷客户应于贷款到期前10个工作日递交申请。", "", "客户到期前12个工作日递交申请，行吗？", "yes"),
    # a figure said on its own (不到6%) is of the measure the question names
    ("(十)周转率在6%(含)以上;", REQ, "说到周转率，不到6%也能续吗？", "no"),
    # a word both facts share (担保) does not state the second one
    ("(四)贷款担保出现保证人能力变化,又不能提供其他有效担保的;", EXCL, "保证人经营变差，担保能力下降了，还能续贷吗？", "depends"),
    # a rate defined as one amount over another, computed from the two amounts stated
    ("(十)周转率在8%(含)以上,周转率是指企业年末存货余额与年度营业收入的比例;", REQ,
     "企业年末存货余额30万元，年度营业收入500万元，周转率够吗？", "no"),
    ("(十)周转率在8%(含)以上,周转率是指企业年末存货余额与年度营业收入的比例;", REQ,
     "企业年末存货余额50万元，年度营业收入500万元，周转率够吗？", "yes"),
    # a story asking whether renewal is possible: meeting one listed condition settles nothing
    ("(三)生产经营正常且能按时支付利息;", REQ, "客户开服装店的，生产经营正常，能续贷吗？", "depends"),
    ("(三)生产经营正常且能按时支付利息;", REQ, "生产经营正常是续贷的条件吗？", "yes"),
    # …unless the story vouches for the conditions it does not name
    ("(三)生产经营正常且能按时支付利息;", REQ, "客户开服装店的，生产经营正常，其他条件也都符合，能续贷吗？", "yes"),
    ("(三)生产经营正常且能按时支付利息;", REQ, "客户开服装店的，生产经营正常，别的方面都没问题，能续贷吗？", "yes"),
    ("(三)生产经营正常且能按时支付利息;", REQ, "客户开服装店的，生产经营正常，其他条件不清楚，能续贷吗？", "depends"),
    ("(三)生产经营正常且能按时支付利息;", REQ, "客户开服装店的，生产经营正常，其他条件都满足不了，能续贷吗？", "depends"),
    ("(三)生产经营正常且能按时支付利息;", REQ, "客户开服装店的，生产经营正常，其他条件也都满足吗？", "depends"),
    # a fact a rule requires absent within a window, dated by the question
    ("(三)借款人近二年没有欠贷欠息等不良行为;", REQ, "客户三年前有过一次欠息，最近一直正常，欠息这条能过吗？", "yes"),
    ("(三)借款人近二年没有欠贷欠息等不良行为;", REQ, "客户一年半以前有过一次欠息，欠息这条能过吗？", "no"),
    # undated, the event may lie inside the window or before it: it depends on when
    ("(三)借款人近二年没有欠贷欠息等不良行为;", REQ, "客户有过一次欠息，欠息这条能过吗？", "depends"),
    ("(三)借款人近二年没有欠贷欠息等不良行为;", REQ, "客户现在还有一笔欠息，欠息这条能过吗？", "no"),
    # a limit the document leaves blank for each bank to fill in
    ("(五)企业主从业经历在____年以上;", REQ, "企业主干这行3年了，从业经历够不够？", "depends"),
    ("(五)企业主从业经历在5年以上;", REQ, "企业主干这行3年了，从业经历够不够？", "no"),
    # an act timed by an event (到期前/后) against what the question says of the event
    ("客户须在原贷款到期前1个月提出书面续贷申请。", "", "原贷款已经到期了，还能申请续贷吗？", "no"),
    ("客户须在原贷款到期前1个月提出书面续贷申请。", "", "原贷款快到期了，能申请续贷吗？", "yes"),
    ("续贷是指借款人在原有的贷款到期(含展期后到期)后不能按时收回，重新发放贷款。", "", "原贷款已经到期了，还能续贷吗？", "yes"),
    # a modal runs over the verb phrases after it until a part opens with a new subject
    ("各银行业机构可与登记机构建立平台，将窗口前移至网点，推行电子证明，做到抵押登记不见面办理。", "",
     "抵押登记可不可以不见面办理？", "yes"),
    ("(二)续贷时必须书面告知担保人,并经担保人书面同意继续提供担保。", "", "担保人没有书面同意，还能续贷吗？", "no"),
    ("各银行业机构可与登记机构建立平台，借款人提交电子证明。", "", "借款人可以提交电子证明吗？", None),
    # …also outside what a prohibition in the same sentence forbids
    ("各机构应加强对接，在到期前主动与登记机构联系，避免出现无法办理登记的问题。", "",
     "银行是不是要在到期前主动跟登记机构联系？", "yes"),
    # a phrase's second word under the reading's own noun modifier is another kind (产品的开发);
    # under a verb (处于冻结) it is the same thing
    ("(七)借款人在我行账户未处于冻结状态;", REQ, "借款人的结算账户被法院冻结了，还能续贷吗？", "no"),
    # a field and an activity in it (矿产|开采) is a business of that field: 「从事矿产业务」 is about it…
    ("(三)从事矿产业务的企业;", EXCL, "搞矿产开采的小企业想续贷，行吗？", "no"),
    # an event (到期) frames the act: a time limit on applying says nothing on whether a kind of
    # loan may be renewed when the question does not say which side of the event it is on
    ("借款人须在原贷款到期前10日提交续贷申请。", "", "贷款明年到期，能走续贷吗？", None),
    ("借款人须在原贷款到期前10日提交续贷申请。", "", "客户的贷款已经到期了，还能续贷吗？", "no"),
    # a modal obliges the verb after it, not a word modifying the noun before it
    ("对已经停业的会员企业应及时清理档案。", "", "客户是会员企业，能续贷吗？", None),
    # the kind of turnover relates the new amount to the original: 等额 (same), 减额 (less)
    ("(四)本次续贷为等额或减额续作;", REQ, "原贷款300万，这次想续320万，可以吗？", "no"),
    ("(四)本次续贷为等额或减额续作;", REQ, "原贷款300万，这次只续280万，可以吗？", "yes"),
    ("(四)本次续贷须为减额续作;", REQ, "原贷款300万，这次还是续300万，可以吗？", "no"),
    ("还款可采用等额本息方式。", "", "原贷款300万，这次想续320万，可以吗？", None),   # a way of repaying
    # a stated condition is judged by its telling words, not generic ones (贷款)
    ("若贷款的鉴定报告超过有效时限，须重新鉴定。", "", "押品的鉴定报告过了有效期，要不要重新鉴定？", "yes"),
    # a rule that leaves it to judgement case by case (酌情) is a 视情况而定
    ("因特殊情况需要临时展期的，可视实际情况酌情办理。", "", "客户临时要展期，能办吗？", "depends"),
    # a permission tried out as a pilot holds where the pilot runs
    ("各机构可试点推行线上签约，做到合同签署不跑腿。", "", "续贷合同能线上签约吗？", "depends"),
    ("各机构可推行线上签约，做到合同签署不跑腿。", "", "续贷合同能线上签约吗？", "yes"),
    # …and reaches only its own part and those after it
    ("各机构可设立服务专窗，试点推行线上签约，做到合同签署不跑腿。", "", "各机构可以设立服务专窗吗？", "yes"),
    # the asked word inside listed kinds on both sides: some of it is in, some out
    ("适用对象为企业周转贷款和个人经营贷款，不包括个人住房贷款、个人汽车贷款。", "", "个人的贷款能办续贷吗？", "depends"),
    ("适用对象为企业周转贷款，不包括个人住房贷款、个人汽车贷款。", "", "个人的贷款能办续贷吗？", "no"),
    # of two mentions of the asked word, the one with the question's other words decides
    # (the first part without a modal: 要 there would oblige, and that mention would decide by itself)
    ("各机构按照押品估值标准办理，不应将展期贷款作为下调押品估值的依据。", "", "展期后是不是要下调押品估值？", "no"),
    # a missed payment counted by the time or by the period is one count; 不连续 sets the
    # consecutive limit aside and the cumulative one decides; 欠过3次费 counts 欠费
    ("(二)虽未欠费，但存在连续2期或累计3期及以上欠费记录的;", EXCL, "客户前后欠过3次费，不连续，还能续贷吗？", "no"),
    ("(二)虽未欠费，但存在连续4期或累计6期及以上欠费记录的;", EXCL, "客户前后欠过5次费，不连续，还能续贷吗？", "yes"),
    # 连续 is no renewal although it ends with 续; a count before 续 counts renewals
    ("同一笔贷款续贷次数不得超过2次。", "", "有连续3期欠费记录的商户，可以续贷吗？", None),
    ("同一笔贷款续贷次数不得超过2次。", "", "该笔贷款续过两回了，打算第三次续，可以吗？", "no"),
    # a question on a use of what renewal lends shares the frame of a rule on its uses
    ("续贷贷款的用途严格限于偿还原贷款，不得用于其他用途。", "", "借新还旧贷到的资金能拿去买货车吗？", "no"),
    # 留一部分…发 / 拿一部分去 name a use as much as 用于 does
    ("续贷贷款的用途严格限于偿还原贷款，不得用于其他用途。", "", "借新还旧的钱想留一部分发奖金，可以吗？", "no"),
    # …but only when the money is what is used, not the customer buying something
    ("续贷贷款的用途严格限于偿还原贷款，不得用于其他用途。", "", "续贷时要求客户先买一份保险，可以吗？", None),
    # the modal's subject words do not block what it governs when the question asks that verb too
    ("续贷时抵押物价值应重新评估。", "", "续贷需要重新评估抵押物吗？", "yes"),
    # one count's kind words (累计) tell it from the other count (连续); a denied noun is no denied kind
    ("(二)存在连续2期或累计5期及以上欠费记录的;", EXCL, "客户前后累计欠费3期，能续贷吗？", "yes"),
    ("(二)存在连续2期或累计3期及以上欠费记录的;", EXCL, "客户现在没有欠费，但之前累计欠过4次费，能续贷吗？", "no"),
    # one more of the act counted: the act done comes back after 再/还
    ("展期次数不得超过1次。", "", "已经展期过一次了，还想再展期，可以吗？", "no"),
    ("续贷次数不得超过2次。", "", "已经办过两次续贷了，还想再办一次，行吗？", "no"),
    # a verb that is no use of money (补充担保) answers nothing on uses
    ("续贷贷款的用途严格限于偿还原贷款，不得用于其他用途。", "", "续贷资金审批时需要补充担保吗？", None),
    # an exclusion item the story is clear of is one condition met, not a 可以
    ("(一)存在未结清利息的;", EXCL, "客户利息都结清了，能续贷吗？", "depends"),
    # a rule under an unstated condition that holds an asked word only in part is about another thing
    ("若抵押类贷款鉴定报告超过有效时限，需重新鉴定抵押物。", "", "签了新合同以后，要不要重新办抵押登记？", None),
    ("若抵押类贷款鉴定报告超过有效时限，需重新鉴定抵押物。", "", "要不要重新鉴定抵押物？", "depends"),
    # an amount said of a loan (一笔180万的…贷款) is checked against a loan-amount limit
    ("(九)单笔贷款额度200万元(含)以上;", REQ, "客户原来是一笔180万的设备按揭贷款，可以续贷吗？", "no"),
    ("(九)单笔贷款额度200万元(含)以上;", REQ, "客户原来是一笔280万的设备按揭贷款，可以续贷吗？", "depends"),
    # the new thing stated weaker than the original where the rule makes the original its floor
    ("(一)担保措施必须等同或优于原贷款的担保。", "", "续贷时换个保证人，担保能力比原来弱一些，行吗？", "no"),
    ("(一)担保措施必须等同或优于原贷款的担保。", "", "续贷时换个保证人，担保能力比原来强，行吗？", "yes"),
    # a count counts what follows it (一次本金逾期), not the renewals the question asks about…
    ("同一客户累计展期续贷次数不得超过4次。", "", "客户有过一次本金逾期，已经还上了，可以续贷吗？", None),
    # …and 续 alone is the act of renewal: 续过两次 + 再续一次 is the third
    ("同一笔贷款续贷次数不得超过2次。", "", "客户已经续过两次了，还想再续一次，能行吗？", "no"),
    ("同一笔贷款续贷次数不得超过3次。", "", "客户已经续过两次了，还想再续一次，能行吗？", "yes"),
    ("合同变更后，应重新办理在册登记。", "", "合同变更后要不要重新办理在册登记？", "yes"),
    # a bound the question states is a range: all of it meets the limit, none of it, or it straddles
    ("(十)资金回笼率在5%(含)以上;", REQ, "资金回笼率不到5%，回笼率这条够吗？", "no"),
    ("(十)资金回笼率在5%(含)以上;", REQ, "资金回笼率超过8%，回笼率这条够吗？", "yes"),
    ("(十)资金回笼率在5%(含)以上;", REQ, "资金回笼率超过3%，回笼率这条够吗？", "depends"),
    # the share stated of the ratio's base is the rate the rule defines
    ("(十)资金回笼率在5%(含)以上,资金回笼率是指续贷前一年销售货款日均余额与续贷前贷款最高余额的比例;", REQ,
     "企业前一年销售货款日均余额只占贷款最高余额的3%左右，还能续吗？", "no"),
    ("(十)资金回笼率在5%(含)以上,资金回笼率是指续贷前一年销售货款日均余额与续贷前贷款最高余额的比例;", REQ,
     "企业前一年销售货款日均余额占贷款最高余额的8%，还能续吗？", "yes"),
    # the share must be the first term's, in its own clause: another share of the base is not the rate
    ("(十)资金回笼率在5%(含)以上,资金回笼率是指续贷前一年销售货款日均余额与续贷前贷款最高余额的比例;", REQ,
     "销售货款日均余额挺高的，续贷前已经还掉了贷款最高余额的20%，还能续吗？", "depends"),
    ("(十)资金回笼率在5%(含)以上,资金回笼率是指续贷前一年销售货款日均余额与续贷前贷款最高余额的比例;", REQ,
     "算了下企业前一年销售货款日均余额，只占贷款最高余额的3%，还能续吗？", "no"),   # topic, then comment
    ("(九)单笔贷款额度200万元(含)以上;", REQ, "单笔贷款不到150万，额度这条够吗？", "no"),
    # asking to skip what a rule obliges, however the object is placed
    ("续贷业务必须与担保人重新签订担保合同。", "", "续贷可以不签担保合同吗？", "no"),
    ("续贷业务必须与担保人重新签订担保合同。", "", "担保合同可以不签吗？", "no"),
    # …but renewal refused is renewal asked: 是不是不给续 of an excluded loan is 不可以 (renewal is not allowed)
    ("第五条续贷适用得范围只限于保证与抵押方式贷款,不含信用贷款、质押贷款。", "", "纯信用贷款是不是不给续？", "no"),
    # a value against the original's: the relations the rule allows, the one the question asks
    ("续贷期限与原贷款期限相同或稍长。", "", "续贷期限能比原贷款期限长一点吗？", "yes"),
    ("续贷期限与原贷款期限相同或稍长。", "", "续贷期限可以跟原来不一样吗？", "yes"),
    ("续贷期限与原贷款期限相同或稍长。", "", "续贷期限能比原来短吗？", "no"),
    # the direction as the complement of a verb of change (拉长, 缩短)
    ("续贷期限与原贷款期限相同或稍长。", "", "续贷的期限能不能比原来那笔贷款稍微拉长一点？", "yes"),
    ("续贷期限与原贷款期限相同或稍长。", "", "续贷期限能不能比原贷款期限缩短一些？", "no"),
    ("续贷期限一般与原贷款期限相同或稍长。", "", "续贷期限能比原来短吗？", "depends"),   # 一般 hedges
    ("续贷额度根据实际需求确定,但不得超过原贷款额度。", "", "续贷额度能比原贷款高吗？", "no"),
    ("续贷额度根据实际需求确定,但不得超过原贷款额度。", "", "续贷额度可以跟原贷款一样吗？", "yes"),
    ("续贷利率不得低于原贷款利率。", "", "续贷利率能比原来低吗？", "no"),
    # a borrower excluded by its line of business (从事…担保等业务的) is not a company guaranteeing this loan
    (TRADES, "下列贷款不纳入续贷范围：", "客户是做担保的，能续贷吗？", "no"),
    (TRADES, "下列贷款不纳入续贷范围：", "客户是一家担保公司，能续贷吗？", "no"),
    (TRADES, "下列贷款不纳入续贷范围：", "一家典当行想续贷，能办吗？", "no"),  # a firm by its trade
    (TRADES, "下列贷款不纳入续贷范围：", "客户在典当行当过东西，能续贷吗？", None),   # a place
    (TRADES, "下列贷款不纳入续贷范围：", "客户是一家典当行的老客户，能续贷吗？", None),  # its customer
    (TRADES, "下列贷款不纳入续贷范围：", "保证人退出了，客户想找一家公司来担保，能续贷吗？", None),
    (TRADES, "下列贷款不纳入续贷范围：", "续贷时换成亲戚开的公司做担保可以吗？", None),
    # a firm of the trade the story brings in (找一家担保公司做保证) is the guarantor, not the borrower
    (TRADES, "下列贷款不纳入续贷范围：", "续贷时客户想改成找一家担保公司做保证，行不行？", None),
    (TRADES, "下列贷款不纳入续贷范围：", "续贷想改成由一家融资担保公司做保证，可以吗？", None),
    (TRADES, "下列贷款不纳入续贷范围：", "客户自己就是一家融资担保公司，能续贷吗？", "no"),
    # …but a firm after 向/由 that borrows is the borrower
    (TRADES, "下列贷款不纳入续贷范围：", "能不能向一家典当公司发放续贷贷款？", "no"),
    (TRADES, "下列贷款不纳入续贷范围：", "由一家担保公司作为借款人申请续贷，可以吗？", "no"),
    (TRADES, "下列贷款不纳入续贷范围：", "原保证人不愿意了，客户想换亲戚开的公司来保证，可以吗？", None),
    (TRADES, "下列贷款不纳入续贷范围：", "Can a loan to a company whose business is pawnbroking be renewed?", "no"),
    # the money renewal lends, asked about with a modal, is asked to be put to a use: an only-rule answers
    (ONLY_REPAY, "", "续贷下来的钱能不能给企业补充点流动资金？", "no"),
    (ONLY_REPAY, "", "续贷贷下来的钱能拿一部分给工人发工资吗？", "no"),
    (ONLY_REPAY, "", "客户自己的钱能拿去买设备吗？", None),   # not lent
    (ONLY_REPAY, "", "续贷批下来的资金能不能直接打到原贷款账户？", None),  # the allowed use
    # a customer's total (累计) leaves each loan's own count open; stated too, it is checked
    (COUNTS, "", "这个客户累计已经续贷3次了，还能再续吗？", "depends"),
    (COUNTS, "", "这笔贷款续过一次，客户累计续过3次，还能再续吗？", "yes"),
    (COUNTS, "", "客户累计续过1次，还能再续吗？", "yes"),
    # an ordinal with nothing before it counts the act its clause goes on to (第三次还能不能续)
    (COUNTS, "", "同一笔贷款已经续过两次了，第三次还能不能续？", "no"),
    # 回 counts occurrences as 次 does, as an ordinal too (第三回)
    (COUNTS, "", "同一笔贷款已经续过两回了，第三回还能续吗？", "no"),
    # (an ordinal of another act, 第三次展期, counts no renewal: this loan's count is met, the customer's
    # total unstated — 视情况而定, not 不可以)
    (COUNTS, "", "这笔贷款只续过一次，第三次展期后还能续贷吗？", "depends"),
    # the total marked (累计), the unmarked number is the count of one loan
    (COUNTS, "", "这笔贷款续过1次，名下贷款累计续过3次，还能续吗？", "yes"),
    # …marked by any adverb of a total (一共, 总共, 加起来), not only the documents' 累计
    (COUNTS, "", "这笔贷款续过1次，他名下贷款一共续过3次，还能续吗？", "yes"),
    (COUNTS, "", "这笔贷款续过1次，他几笔贷款加起来续过3次，还能续吗？", "yes"),
    # …but a count said of one loan is that loan's, whatever adverb sums it
    (COUNTS, "", "这笔贷款总共已经续过2次了，还能再续一次吗？", "no"),
    (COUNTS, "", "同一笔贷款加起来续过3次，还能续吗？", "no"),
    # a limit split by whose loan it is: the word the question's is mapped to tells the side (个体户 → 个体工商户)
    (SPLIT_BY_NAME, REQ, "个体户想续250万，额度批得了吗？", "no"),
    (SPLIT_AMOUNT, REQ, "一家小微企业想续250万，额度批得了吗？", "yes"),
    # …a word too common to be a concept still tells the side through the glossary (sme → 小微企业, a 企业)
    (SPLIT_AMOUNT, REQ, "一家SME想续1500万，单笔额度会不会超线？", "yes"),
    (SPLIT_AMOUNT, REQ, "客户想续600万，额度够吗？", "depends"),
    # …whole words or a head-final kind of them: 老板 → 企业主 is no 企业, so 个体户 alone tells the side
    (SPLIT_BY_NAME, REQ, "个体户老板想续250万，额度批得了吗？", "no"),
    (SPLIT_AMOUNT, REQ, "老板想续250万，额度批得了吗？", "depends"),
    # …or the borrower's genus, told by the head of the noun naming it: a 公司/厂 is an 企业, a 个体户 an 个人经营户
    (SPLIT_AMOUNT, REQ, "一家贸易公司想续900万，单笔额度够吗？", "yes"),
    # one loan counted by its classifier (一笔, 这笔) is what a 单笔 limit measures
    (SPLIT_AMOUNT, REQ, "企业客户一笔1800万的流贷想整笔续，可以吗？", "no"),
    (SPLIT_AMOUNT, REQ, "企业客户这笔1200万的流贷想整笔续，可以吗？", "depends"),   # met; the other conditions remain
    (SPLIT_AMOUNT, REQ, "企业客户有十一笔贷款合计1800万想续，可以吗？", None),   # 十一笔 counts loans: no one loan's amount
    (SPLIT_AMOUNT, REQ, "开了一家纸箱厂，想续1500万，单笔额度够吗？", "yes"),
    (SPLIT_AMOUNT, REQ, "个体户想续900万，单笔额度够吗？", "no"),
    (SPLIT_AMOUNT, REQ, "客户想续900万，单笔额度够吗？", "depends"),
    # …a limit's own word said outright outweighs a genus guessed from another noun; the sector's name
    # (小微企业) tells no genus
    (SPLIT_AMOUNT, REQ, "公司老板以个人经营户身份申请，想续300万，单笔额度够吗？", "no"),
    (SPLIT_AMOUNT, REQ, "个体户按小微企业续贷政策想续300万，单笔额度够吗？", "no"),
    # the time left before the event, in weeks, against a lead time the rule requires
    (LEAD_TIME, "", "客户离贷款到期只剩两周才来交书面续贷申请，符合规定吗？", "no"),
    (LEAD_TIME, "", "客户离贷款到期还有两个月来交书面续贷申请，符合规定吗？", "yes"),
    # …only for the act in its clause: the time left now is no lead time of an earlier application
    (LEAD_TIME, "", "客户一个半月前就交了书面续贷申请，现在离到期只剩两周，符合规定吗？", "yes"),
    # whether an item of a requirement list is required is answered by the item: 需要
    ("(六)已征得担保人的书面同意,担保人同意继续承担担保责任;", REQ, "担保人书面同意继续担保，这个是必须的吗？", "yes"),
    # …the same value on both sides: a rule on another value does not answer
    ("担保效力不低于原担保，续贷期限由双方协商。", "", "续贷期限能比原来短吗？", None),
    # what a count counts, split by it (欠过4期利息), is read in the documents' word too (欠利息 → 欠息)
    ("(二)现有存量贷款虽未欠息,但存在累计3期及以上欠息记录的;", EXCL, "这笔贷款以前陆续欠过4期利息，现在还清了，还能续贷吗？", "no"),
    ("(二)现有存量贷款虽未欠息,但存在累计3期及以上欠息记录的;", EXCL, "这笔贷款以前陆续欠过2期利息，现在还清了，还能续贷吗？", "yes"),
    # a count after its own act with the aspect mark (展期过一次) counts that act, not renewals
    (COUNTS, "", "这笔贷款展期过3次，现在还能续贷吗？", None),
    (COUNTS, "", "这笔贷款续过3次，现在还能续贷吗？", "no"),
    # what a definition's bracket includes (含展期后到期) is within what it defines: a scope
    ("第二条续贷是指借款人在原有贷款到期(含展期后到期)后,重新发放贷款用于归还原贷款的行为。", "", "展期过的贷款能续贷吗？", "yes"),
    # …but the definition's other words permit nothing (不能按时收回 is no ban, 重新发放 no permission)
    ("第二条续贷是指借款人在原有贷款到期(含展期后到期)后不能按时收回,重新发放贷款的行为。", "", "贷款不能按时收回的，能办续贷吗？", None),
    # a story denying a predicate of the matched word (担保人|不肯继续担保) the rule does not hold: the rule
    # is about the word, not that — no 可以 from it; a denied predicate the rule holds decides as ever
    ("(二)必须书面告知担保人续贷之事实,担保人应书面同意提供担保。", "", "担保人不肯继续担保了，还能续贷吗？", None),
    ("(二)必须书面告知担保人续贷之事实,担保人应书面同意提供担保。", "", "担保人不同意提供担保，还能续贷吗？", "no"),
    ("(二)必须书面告知担保人续贷之事实,担保人应书面同意提供担保。", "", "担保人已经书面同意提供担保，还能续贷吗？", "yes"),
    # the standard of a comparison (比新增贷款) is not missed where the rule does not state it…
    ("(一)续贷业务须如实进行调查、审查和审批,不得简化操作程序;", "", "续贷审批能不能比新增贷款简化一些？", "no"),
    ("(一)续贷业务须如实进行调查、审查和审批,不得简化操作程序;", "", "续贷审批能不能比新发放的贷款简化一点？", "no"),
    # …and counts where it does
    ("(六)续贷额度不得高于原贷款额度。", "", "续贷额度能比原贷款额度高吗？", "no"),
    # …but a rule without the comparison's predicate speaks of no comparison: the standard is missed there
    ("(六)贷款担保有效;", REQ, "续贷的担保能比原来弱吗？", None),
    # a rule on a compound's head covers each kind of it (基本户, the glossary's 基本存款账户, is an 账户)
    ("(七)借款人账户被有关部门冻结、查封、保全的;", EXCL, "客户的基本户被法院冻结了，还能续贷吗？", "no"),
])
def test_verdict_from_one_reading(rule, lead, question, expected):
    assert _verdict(rule, question, lead) == expected


@pytest.mark.parametrize("member,asked,expected", [
    ("民间高利借贷", "民间借贷", True),          # a modifier inserted
    ("外币流动资金贷款", "流动资金贷款", True),  # a modifier prefixed
    ("存单质押", "质押贷款", True),              # the class of loans by 质押
    ("应收账款质押", "质押贷款", True),
    ("担保等业务", "担保人", False),
    ("流动资金贷款", "外币流动资金贷款", False),  # broader, not narrower
    ("项目贷款", "质押贷款", False),
])
def test_narrower_kinds(member, asked, expected):
    from assistant.reason import narrower
    assert narrower(member, asked) is expected


@pytest.mark.parametrize("word,head", [
    ("基本存款账户", "账户"),     # nouns classify their head
    ("重大诉讼", "诉讼"),         # so does an adjective
    ("其他用途", None),           # a determiner makes no kind
    ("改变贷款用途", None),       # a verb and its object
    ("生产经营", None),           # two coordinated verbs
    ("个人经营性贷款", None),     # the head is too general to rule on (贷款)
    ("账户", None),
])
def test_the_head_of_a_compound(word, head):
    from assistant.question import compound_head
    assert compound_head(word) == head


def _st(verdict: str, partial: bool = False) -> Stance:
    r = read_text("x/a1", "x", "不包括项目贷款。")[0]
    return Stance(verdict, r, 1.0, "t", "", partial)


def test_a_failed_condition_decides_for_its_document():
    from assistant.reason import best_stance
    req = read_text("x/a6.i9", "x", "(九)单笔贷款额度200万元(含)以上;", REQ)[0]
    scope = read_text("x/a4", "x", "续贷适用的对象为实体经济企业。")[0]
    failed = Stance("no", req, 0.6, "单笔贷款额度", "要求单笔贷款额度≥200万元，问题中为150万元")
    allowed = Stance("yes", scope, 0.9, "实体经济企业", "列为适用范围")
    assert best_stance([allowed, failed]) is failed


@pytest.mark.parametrize("verdicts,expected", [
    ([("yes", False)], "yes"),
    ([("no", False), ("no", False)], "no"),
    ([("yes", False), ("no", False)], "depends"),        # documents disagree: each side is shown
    ([("no", False), ("depends", True)], "depends"),      # one excludes all of it, another only some kinds
    ([("depends", True)], "depends"),
    ([("yes", False), ("depends", False)], "depends"),
])
def test_combining_documents(verdicts, expected):
    assert combine({f"d{i}": _st(v, p) for i, (v, p) in enumerate(verdicts)}) == expected


def test_a_failed_stated_fact_outweighs_a_document_where_the_story_only_meets_a_condition():
    from assistant.reason import MET_ONE
    r = read_text("x/a1", "x", "(二)续贷额度不得超过原贷款额度;", REQ)[0]
    failed = Stance("no", r, 1.5, "原贷款额度", "要求不得超过原贷款额度，问题中新贷款600万元超过原贷款500万元")
    met = Stance("depends", r, 1.5, "额度", MET_ONE)
    assert combine({"a": failed, "b": met}) == "no"
    # so does an item of a list of conditions that excludes what the question says (账户被冻结): a document
    # where the story only meets some other condition says nothing on it — only a document that says yes
    # on it is the other side
    excluded = Stance("no", r, 1.0, "冻结", "列为不适用/不属于")
    assert combine({"a": excluded, "b": met}) == "no"
    assert combine({"a": excluded, "b": Stance("yes", r, 1.0, "冻结", "列为适用范围")}) == "depends"
    unlisted = Stance("no", read_text("x/a2", "x", "本办法不适用于信用贷款。")[0], 1.0, "信用贷款", "否定表述")
    assert combine({"a": unlisted, "b": met}) == "depends"


@pytest.mark.parametrize("failed_term,met_term,met_text,expected", [
    # the met rule restricts only a narrower kind (民间高利借贷) of what the failed one restricts whole
    # (民间…借贷): the documents disagree on the very fact the question states
    ("民间", "民间高利借贷", "(七)无参与民间高利借贷行为;", "depends"),
    ("民间借贷", "高利", "(七)无参与民间高利借贷行为;", "depends"),
    # a met rule on a wider or another word is a different condition: the failed one decides
    ("原贷款额度", "额度", "(二)续贷额度不超过1000万元;", "no"),
    ("冻结", "诉讼", "(三)账户未处于冻结状态,无重大诉讼;", "no"),
    # the same fact: one document's rule on it is met (a current 逾期, cleared), another's fails (逾期记录)
    ("逾期", "逾期", "(一)现有存量贷款已形成逾期的;", "depends"),
])
def test_a_met_narrower_rule_disagrees_with_a_failed_wider_one(failed_term, met_term, met_text, expected):
    from assistant.reason import MET_ONE
    failed = Stance("no", read_text("x/a6.i8", "x", "(八)无民间借贷;", REQ)[0], 1.5, failed_term, "要求不得存在该情形")
    met = Stance("depends", read_text("y/a6.i7", "y", met_text, REQ)[0], 1.5, met_term, MET_ONE)
    assert combine({"a": failed, "b": met}) == expected


@pytest.mark.parametrize("hit,others,inside", [
    # 民间 at 3 lies inside 民间高利借贷 at 3, which another stated word matches whole
    ((3, "民间", False), [(3, "民间高利借贷", False)], True),
    ((3, "民间", False), [(0, "借款人民间", False)], True),
    # beside it, or the longer match elsewhere in the sentence, or only itself: a fact of its own
    ((3, "民间", False), [(5, "高利借贷", False)], False),
    ((3, "民间", False), [(12, "民间高利借贷", False)], False),
    ((3, "民间", False), [(3, "民间", False)], False),
])
def test_a_stated_word_inside_a_longer_match_is_no_fact_of_its_own(hit, others, inside):
    from assistant.reason import _inside_longer_hit
    assert _inside_longer_hit(hit, others) is inside


# --- the question ----------------------------------------------------------------------------------
@pytest.mark.parametrize("question,kind", [
    ("是不是正常类才能续贷", "yesno"),
    ("客户资金周转不开，能给他做续贷不？", "yesno"),   # a verb phrase closed by 不
    ("Under the notice, can a pledged loan be renewed?", "yesno"),   # an auxiliary opening a clause
    ("客户那笔是外币贷款，也适用吗？", "yesno"),
    ("逾期过一次，续贷行吗？", "yesno"),
    ("有没有次数限制", "yesno"),
    ("需不需要重新评估", "yesno"),
    ("这种情况可以不？", "yesno"),
    ("能否办理续贷通", "yesno"),
    ("这次续贷150万，金额上没错吧？", "yesno"),      # 吧 with a question mark asks for confirmation
    ("先看看材料吧。", "fact"),
    ("外资企业也可以展期吗，还是仅限内资企业？", "yesno"),   # 吗 before an alternative 还是
    ("合同期限可以跟原来不一样吗？", "yesno"),          # 同 of 合同 joins nothing
    ("担保方式可以跟原来不同吗？", "yesno"),
    ("Can a pledged loan be renewed?", "yesno"),
    ("你知道续贷要哪些材料吗？", "list"),
    ("注销抵押登记多久办结？", "fact"),
    ("各行对续贷利率的规定有何不同？", "compare"),
    # a modal before 一样/不同 asks whether the thing may differ…
    ("续贷的期限可以跟原来不一样吗？", "yesno"),
    ("展期的利率能和原合同不同吗？", "yesno"),
    # …unless what is compared is the documents' rules
    ("两家银行对能否展期的规定一样吗？", "compare"),
    ("农商行和村镇银行能续贷的次数一样吗？", "compare"),
    # sameness asked by V-not-V, as 一样吗 asks it
    ("两份办法对抵押物评估的要求是不是一样的？", "compare"),
    ("村镇银行和农商行在担保上有没有差别？", "compare"),
    ("两家的展期次数一样不一样？", "compare"),
    # opposite is a degree of sameness: asked the same way
    ("两份办法对信用贷款的态度是否相反？", "compare"),
    ("两份办法对信用贷款的态度是否明确？", "yesno"),
    ("续贷是不是要重新评估抵押物？", "yesno"),
    # a wh-word before 也/都 is indefinite and asks nothing
    ("担保人说什么也不肯再签字了，这笔还能续吗？", "yesno"),
    ("担保人不肯再签字了，什么材料能代替？", "fact"),
    # …and so is 什么 right after a negator: 「没什么问题吧」 asks yes or no
    ("银行不想续直接抽贷，没什么问题吧？", "yesno"),
    ("续贷资金拿去买设备，没有什么影响吧？", "yesno"),
    ("续贷没有通过，是什么原因？", "fact"),
    # 几 after 过/好/前… is indefinite (过几天, 好几次) and asks nothing; alone it asks a number
    ("客户贷款过几天就到期，还能续贷吗？", "yesno"),
    ("客户前几年欠过息，能续贷吗？", "yesno"),
    ("续贷要提前几天申请？", "fact"),
    # an English auxiliary opening the sentence that asks, after a story
    ("The firm has a pledge on its stock. Can it renew the loan?", "yesno"),
    ("The firm has a pledge on its stock. What must it provide?", "fact"),
    # 比较 before an adjective is the adverb 'rather', asking no comparison
    ("续贷利率加多少个基点比较合适？", "fact"),
    ("续贷材料怎么准备比较稳妥？", "fact"),
    ("农商行和续贷通比较，哪个宽松？", "compare"),
    # …but under a wh-word or an alternative 比较 + adjective still compares
    ("黑龙江的办法和农商行的办法，对欠息哪家比较严？", "compare"),
    ("续贷通比较严还是农商行比较严？", "compare"),
])
def test_question_kind_by_grammar(question, kind):
    assert question_kind(analyse(question).norm) == kind


@pytest.mark.parametrize("question,modality", [
    ("续贷需要重新评估抵押物吗？", "necessity"),
    ("要不要提前申请？", "necessity"),
    ("有没有必要重新评估？", "necessity"),
    ("续贷是不是得借款人自己主动申请？", "necessity"),   # 是不是要/得: the A-not-A form of 是否要
    ("是否得以续贷？", "permission"),                    # 得以: "be able to"
    ("续贷延续原抵押物的，是要走第二顺位抵押吗？", "necessity"),   # 是要…吗 asks 是不是要
    ("客户是要续200万，可以吗？", "permission"),          # 是要 in a story is a want
    ("客户补齐必要材料后能续贷吗？", "permission"),      # 必要 as an attribute asks nothing
    ("质押贷款能否办理续贷？", "permission"),
])
def test_modality(question, modality):
    assert analyse(question).modality == modality


@pytest.mark.parametrize("question,expected", [
    ("各行对质押贷款能否续贷的规定一样吗？", True),
    ("借款人有民间借贷的，各家怎么把握？", True),     # a state as the topic
    ("各文件对续贷利率的规定有何不同？", False),
])
def test_a_comparison_asks_for_verdicts_only_when_its_topic_is_a_yes_no(question, expected):
    assert analyse(question).asks_verdict is expected


def test_a_comparisons_topic_runs_up_to_the_clause_that_asks_for_the_comparison():
    # a question ending in ？ before 「各家怎么说？」 is part of the topic
    q = analyse("续贷拿到的钱，除了还旧贷之外，能不能拿去买设备？各家怎么说？")
    assert any("设备" in c.members for c in q.topic)


@pytest.mark.parametrize("question,expected", [
    # the item's subject (现有存量贷款) is whom it speaks of; its predicate (未结清利息) is what it excludes
    ("客户存量贷款去年有过一期欠息，已经补上了，能续吗？", "depends"),
    ("客户存量贷款现在还欠着利息没结清，能续吗？", "no"),
    ("客户的存量贷款是正常的，没有逾期，能续吗？", None),
])
def test_a_listed_items_predicate_is_what_it_is_about(question, expected):
    # (and a story holding only the item's subject, denying what it tells of it, is decided by nothing here)
    # 存量 the rarer word in the corpus: rarity alone would make it what the item is about
    rare = lambda w: 1 if w == "存量" else 3
    assert _verdict("(一)现有存量贷款已形成逾期或存在未结清利息的;", question, EXCL, df=rare) == expected


@pytest.mark.parametrize("question,word,manner", [
    ("个人消费性贷款到期了，可以按小微企业续贷的政策来办吗？", "政策", True),
    ("客户的贷款到期了，能按续贷的路子办吗？", "路子", True),
    ("这笔贷款能不能走续贷来处理？", "处理", True),
    ("续贷的政策有哪些？", "政策", False),                  # the policy asked about, no act done by it
    ("按操作指引的流程来办，续贷要多久？", "流程", False),     # a document's procedure, not renewal's
    ("能按个人消费贷款续贷来办吗？", "个人消费", False),   # before renewal: the loan renewed
])
def test_renewal_taken_as_the_way_of_an_act_names_nothing(question, word, manner):
    from assistant.question import renewal_as_manner
    q = analyse(question)
    assert renewal_as_manner(word, q.norm) is manner
    assert any(word in c.members for c in q.concepts) is (not manner)


def test_the_story_before_renewal_as_a_way_is_what_is_asked():
    assert _verdict("(三)个人消费性贷款;", "个人消费性贷款到期了，可以按小微企业续贷的政策来办吗？", EXCL) == "no"


PRACTICE = "小微企业向我行提出借款申请,我行客户经理实行首问负责制受理客户贷款申请。"


@pytest.mark.parametrize("rule,question,expected", [
    # a sentence stating how the business is done answers whether it is done so, when it holds all asked
    (PRACTICE, "客户经理是实行首问负责制吗？", "yes"),
    (PRACTICE, "客户经理受理贷款申请可以不实行首问负责制吗？", "no"),
    (PRACTICE, "客户经理要实地调查吗？", None),                     # not all of what is asked
    ("(三)客户经理实行首问负责制", "客户经理是实行首问负责制吗？", None),     # a list entry, no sentence
    # the words asked must be said together: here another agent (联社) does the 认定
    ("企业进入名单库实行分支机构推荐、联社(总行)认定的方式。", "进入名单库的企业是分支机构认定的吗？", None),
    # 难道不…吗 asks to confirm the affirmative
    (PRACTICE, "客户经理难道不实行首问负责制吗？", "yes"),
])
def test_a_sentence_stating_the_practice_answers_whether_it_is_done(rule, question, expected):
    assert _verdict(rule, question) == expected


def test_a_value_stated_against_the_demanded_one_is_a_stated_fact_failing():
    from assistant.reason import stated_fact_failed
    q = analyse("客户原来那笔贷款去年被下调成关注类了，现在快到期，还能续贷吗？")
    r = read_text("x/a1", "x", "(四)原贷款为正常类;", REQ)[0]
    st = stance(q, r, idf_weights(q, lambda _t: 3, 100), RENEWAL)
    assert st.verdict == "no" and stated_fact_failed(st)


@pytest.mark.parametrize("rule,question,expected", [
    # a sentence opening a list says its rule of the items, not of the words it shares with a question
    ("以下贷款不属于续贷范围:", "个人经营性贷款属于可以续贷的对象吗？", None),
    ("下列客户的续贷申请不予受理：", "个体工商户的续贷申请受理吗？", None),
    # a scope stated before the sentence excludes covers only what it names: another value of the family is out
    ("适用的对象为中小企业流动资金贷款,不包括项目贷款。", "固定资产贷款可以办吗？", "no"),
    ("适用的对象为中小企业流动资金贷款,不包括项目贷款。", "流动资金贷款可以办吗？", "yes"),
    # …of the items it qualifies: another item of the list (个人经营性贷款) is covered whatever its purpose
    ("适用的对象为中小企业流动资金贷款和个人经营性贷款,不包括项目贷款。", "个人经营性贷款是固定资产贷款，能办吗？", "yes"),
])
def test_lead_ins_and_scopes_before_exclusions(rule, question, expected):
    assert _verdict(rule, question) == expected


TIMED = "对材料齐全的抵押权注销登记申请即来即办，在1小时内办结后立即受理抵押登记业务，并在1个工作日内办结。"


@pytest.mark.parametrize("rule,question,expected", [
    # a time limit with no quantity of its own measures its sentence's act: a stated duration is compared
    ("在1个工作日内办结抵押登记。", "抵押登记拖了3个工作日才办好，这符合规程吗？", "no"),
    ("在1个工作日内办结抵押登记。", "抵押登记1个工作日就办好了，符合规程吗？", "yes"),
    (TIMED, "材料齐全，注销登记用了2小时，符合规定吗？", "no"),
    (TIMED, "材料齐全，注销登记半小时办完，符合规定吗？", "yes"),
    # a limit met under a condition the question leaves unsaid holds only under it
    (TIMED, "注销原抵押，是不是一定1小时内就能办完？", "depends"),
    # …and binds not at all where the story denies the condition, met or failed
    (TIMED, "材料不齐全，注销登记用了3小时，符合规定吗？", "depends"),
    # a condition said short: its noun, and its predicate by the predicate's first character (材料都齐了)
    (TIMED, "材料都齐了，注销登记半小时办完，符合规定吗？", "yes"),
    (TIMED, "材料都齐了，注销登记用了2个小时，符合规定吗？", "no"),
])
def test_a_stated_duration_is_compared_with_the_time_limit_of_its_act(rule, question, expected):
    assert _verdict(rule, question) == expected


@pytest.mark.parametrize("word,rules", [
    ("续贷政策", True), ("续贷办法", True), ("续贷通办法", True), ("续贷制度", True),
    ("续贷资金", False), ("产业政策", False), ("政策", False),
])
def test_a_word_naming_the_renewal_rules_names_nothing_asked(word, rules):
    from assistant.answer import renewal_rules
    assert renewal_rules(word) is rules


@pytest.mark.parametrize("question,word,specific", [
    # an extent of renewal asked of the story (能纳入续贷范围吗) asks whether it is within, as 符合条件 does
    ("一家做房地产开发的小公司，能纳入续贷范围吗？", "范围", False),
    ("这类客户属于续贷对象吗？", "对象", False),
    ("抵押物的范围包括县城的房子吗？", "范围", True),      # the extent of something else, asked about
])
def test_renewals_extent_asked_of_the_story_names_nothing(question, word, specific):
    from assistant.question import _specific
    q = analyse(question)
    c = next(c for c in q.concepts if word in c.members)
    assert _specific(c, q.asking) is specific


@pytest.mark.parametrize("question,specific", [
    # a word naming the rules the story is held against (这符合|登记规程吗) is not what is asked
    ("新的抵押登记拖了3个工作日才办好，这符合登记规程吗？", False),
    ("抵押登记要交哪些材料？", True),
])
def test_the_rules_named_in_the_asking_clause_leave_the_story_as_the_topic(question, specific):
    # (a kind word said as a verb — 通知担保人 — is no name of rules)
    from assistant.question import naming_rules, _rules_noun
    assert not naming_rules("口头", "续贷时可以口头通知担保人吗?") and not _rules_noun("通知", "续贷时可以口头通知担保人吗?")
    q = analyse(question)
    assert any("抵押登记" in c.members for c in q.focus) is specific


@pytest.mark.parametrize("token,split", [
    ("能用", True), ("要办", True), ("会用", True),          # modal + light verb, barely a dictionary word
    ("能免", False), ("能减", False), ("能停", False),          # a verb of its own meaning is what is asked
    ("要求", False), ("需求", False), ("可用", False), ("应用", False), ("能力", False), ("能够", False),
    ("能源", False),
])
def test_a_rare_word_of_a_modal_and_a_verb_is_the_two(token, split):
    from assistant.question import modal_and_verb
    assert modal_and_verb(token) is split


def test_the_verb_after_a_fused_modal_leaves_the_use_asked():
    q = analyse("按2024年细则，续贷资金能用在产品研发上吗？")
    assert not any("能用" in c.members for c in q.concepts)
    assert any("研发" in c.members for c in q.concepts)


@pytest.mark.parametrize("token,glued", [("贷能", True), ("才能", False), ("可能", False), ("能否", False), ("贷款", False)])
def test_a_word_guessed_across_a_modal_is_dropped(token, glued):
    from assistant.question import glued_modal
    assert glued_modal(token) is glued
    if glued:
        assert all("贷能" not in c.members for c in analyse("个人消费贷能续贷吗？").concepts)


@pytest.mark.parametrize("token,glued", [("给续", True), ("被划", True), ("对办", True), ("来定", True),
                                         ("来源", False), ("来往", False), ("去年", False), ("去向", False),
                                         ("对原", False),    # the second character is no verb: 对|原贷款
                                         ("给予", False), ("对于", False), ("为了", False), ("把握", False)])
def test_a_word_guessed_across_a_preposition_and_its_verb_is_dropped(token, glued):
    from assistant.question import glued_coverb
    assert glued_coverb(token) is glued


def test_renewal_asked_with_a_glued_preposition_is_renewal_asked():
    # 「还能不能给续」 asks what 「还能不能续」 asks: the story's 关注类 then fails the rules' 正常类
    q = analyse("客户原贷款五级分类已经是关注类了，还能不能给续？")
    assert all("给续" not in c.members for c in q.concepts)
    assert q.focus == analyse("客户原贷款五级分类已经是关注类了，还能不能续？").focus


@pytest.mark.parametrize("question,dropped", [("登记中心会不会要实地查看？", "不会"), ("续贷用不用重新签合同？", "不用")])
def test_the_halves_of_a_v_not_v_form_name_nothing(question, dropped):
    assert all(dropped not in c.members for c in analyse(question).concepts)


def test_a_word_for_a_generic_word_is_generic():
    members = {m for c in analyse("Can a bank renew a loan to a pawnshop?").concepts for m in c.members}
    assert "loan" not in members and "bank" not in members and "典当" in members


@pytest.mark.parametrize("text,catch_all", [
    ("不得用于其他用途", True), ("不得挪作他用", True), ("没有欠息等不良行为或其他违法行为", False)])
def test_an_only_rule_is_a_negated_catch_all_of_uses(text, catch_all):
    from assistant.reason import _CATCH_ALL
    assert bool(_CATCH_ALL.search(text)) is catch_all


def test_traditional_characters_are_read_as_simplified():
    q = analyse("質押貸款能否辦理續貸通？")
    assert "质押贷款" in q.norm and q.kind == "yesno"


@pytest.mark.parametrize("question,value", [
    ("客户已经续过两次了，还想再续，能行吗？", 3.0),   # the renewal asked about is the next one
    ("客户前后欠过3次息，还能续贷吗？", 3.0),          # a count of arrears is not advanced
])
def test_a_stated_count_is_the_next_one_only_for_renewals(question, value):
    assert [n.value for n in analyse(question).numbers if n.unit == "次"] == [value]


@pytest.mark.parametrize("question,stated", [
    # a scale word and a currency: amounts in 万元, as the documents' limits are
    ("The client wants to renew a RMB 2.5 million working-capital loan. Is that allowed?", [("=", 250.0, "万元")]),
    ("Can a 40,000 yuan loan be renewed?", [("=", 4.0, "万元")]),
    # a bound before the number is its operator
    ("The fund recovery ratio is less than 5 percent. Can it renew?", [("<", 5.0, "%")]),
    ("The loan is more than 30 days overdue. Can it renew?", [(">", 30.0, "日")]),
    # a time before an event is a lead, the event after it as English orders it (到期前3个工作日)
    ("She applied 3 working days before maturity. Is that acceptable?", [("before", 3.0, "工作日")]),
    ("The client handed in the request 10 days before the old loan matures. Is that acceptable?", [("before", 10.0, "日")]),
    ("He applied two weeks ahead of maturity. Is that acceptable?", [("before", 14.0, "日")]),
    # …an amount is no time, and a time not before anything is as said
    ("Can a RMB 1 million loan be renewed before it matures?", [("=", 100.0, "万元")]),
    ("The loan has been overdue for 10 days. Can it renew?", [("=", 10.0, "日")]),
    # …nor a time before another event, nor one measured from the maturity said first (review)
    ("The old loan matured 5 days before she applied. Can it still be renewed?", [("=", 5.0, "日")]),
    ("He was overdue for 5 days before repaying. Can he renew?", [("=", 5.0, "日")]),
    # renewed twice already and asked to renew again: the third renewal, as 已经续过两次，还想再续
    ("The loan has already been renewed twice. Can it be renewed again?", [("=", 3.0, "次")]),
    ("The loan was renewed 2 times. Is that within the limit?", [("=", 2.0, "次")]),
    ("The client has renewed this loan twice. Can he renew it once more?", [("=", 3.0, "次")]),
    # an article is no number (a loan), nor is a bare figure without its unit
    ("Can a loan be renewed by a company with 50 staff?", []),
    # a credit grade after rating/rated, on the scale the rules' A级 is read on (A = 31, B = 21, AA = 32)
    ("The borrower's credit rating is only B. Can we still renew?", [("=", 21.0, "级")]),
    ("Can a borrower rated AA get a renewal?", [("=", 32.0, "级")]),
    ("Can a borrower rated B renew?", [("=", 21.0, "级")]),
    # …not the article after rating (the rating is a concern)
    ("The rating is a concern. Can we still renew?", []),
])
def test_english_quantities_are_read_as_the_chinese_ones(question, stated):
    q = analyse(question)
    assert [(n.op, n.value, n.unit) for n in q.numbers] == stated


def test_stated_numbers_and_negations():
    q = analyse("客户上个月逾期了2次，单笔贷款150万，没有民间借贷，能续贷吗？")
    assert {(n.value, n.unit) for n in q.numbers} >= {(2.0, "次"), (150.0, "万元")}
    assert q.term_negated("民间借贷") and not q.term_negated("逾期")


@pytest.mark.parametrize("question,corpus,topic_has,topic_lacks", [
    # an adverb or pronoun the corpus never uses names nothing: the story is the topic
    ("原担保人没有书面同意，续贷可以照常办吗？", "担保人 书面 同意 续贷", "担保人", "照常"),
    ("原贷款已经到期了，这时候再申请续贷可以吗？", "原贷款 到期 申请 续贷", "到期", "这时候"),
    ("客户一年半以前有过一次欠息，还能续贷吗？", "欠息 续贷", "欠息", "以前"),   # a localiser
    # an unknown content word stays: it is what is asked (and may make the question out of scope)
    ("老板有赌博的毛病，还能续贷吗？", "老板 续贷 企业主", "赌博", ""),
    # an English content word the glossary does not map stays: it is what is asked (Singapore)
    ("Can a company registered in Singapore be renewed?", "续贷 注册", "singapore", ""),
    # a figure is a value the limits read, not a thing a rule is about
    ("周转率只有3%，能续贷吗？", "周转率 续贷 3%", "周转率", "3%"),
    # a common English word the glossary does not map names nothing a clause could hold
    ("Can the company's pledge be rolled over?", "续贷 质押 企业", "质押", "rolled"),
    # a noun the corpus lacks, counted by the classifier of loans (那笔款子), is the story's loan
    ("客户用存单质押借的这笔款子快到期了，能续贷吗？", "存单质押 续贷 到期", "存单质押", "款子"),
    # …a noun it lacks elsewhere is what is asked
    ("客户用存单质押借的款子快到期了，能续贷吗？", "存单质押 续贷 到期", "款子", ""),
])
def test_words_the_corpus_lacks_are_idle_only_when_they_are_function_words(question, corpus, topic_has, topic_lacks):
    q = analyse(question).grounded(lambda w: w in corpus.split())
    topic = {m for c in q.topic for m in c.members}
    assert topic_has in topic
    assert not topic_lacks or topic_lacks not in topic


@pytest.mark.parametrize("question,story_word", [
    # a verb of hindrance whose object is the renewal asks whether the story allows it, as 能续贷吗
    ("企业对外担保比较多，这会不会影响续贷？", "对外"),
    ("老板跟朋友借过钱，不影响续贷吧？", "朋友"),
    ("账户被冻结了，会不会卡住续贷？", "冻结"),
    # …with whose renewal it is between them
    ("老板跟朋友借过钱，不影响企业续贷吧？", "朋友"),
    ("账户被冻结了，会不会影响他们的续贷？", "冻结"),
    ("客户打过官司，影响客户续贷吗？", "官司"),
])
def test_a_verb_hindering_renewal_is_the_grammar_of_asking(question, story_word):
    q = analyse(question)
    words = {m for c in q.topic for m in c.members}
    assert story_word in words and not words & {"影响", "卡住"}


def test_an_asking_clause_that_only_times_the_act_is_about_the_story():
    q = analyse("一家做典当业务的公司，贷款到期了能办续贷吗？")
    assert any("典当" in c.members for c in q.topic)


@pytest.mark.parametrize("question", ["客户一年半以前有过一次欠息，后来补齐了，行吗？",
                                      # a permission modal as the predicate (是允许的吗) is 行吗 said formally
                                      "客户一年半以前有过一次欠息，后来补齐了，是允许的吗？",
                                      "客户一年半以前有过一次欠息，后来补齐了，准许吗？",
                                      # a situation noun after a demonstrative points back at the story
                                      "客户一年半以前有过一次欠息，后来补齐了，这种做法准许吗？",
                                      "客户一年半以前有过一次欠息，后来补齐了，允许这种做法吗？"])
def test_an_asking_clause_with_no_content_leaves_the_story_as_topic(question):
    q = analyse(question)
    assert q.focus == () and any("欠息" in c.members for c in q.topic)


@pytest.mark.parametrize("question,verb", [
    # a verb whose subject is the rules (办法认可, 细则接受) asks their stance on the story, as 允许 does
    ("客户一年半以前有过一次欠息，后来补齐了，办法里认可这种情况吧？", "认可"),
    ("客户一年半以前有过一次欠息，后来补齐了，细则接受吗？", "接受"),
])
def test_a_verb_with_the_rules_as_subject_leaves_the_story_as_topic(question, verb):
    q = analyse(question)
    assert not any(verb in c.members for c in q.concepts)
    # with the rules' own name dropped as naming words are, the story is the topic
    grounded = q.grounded(lambda _w: True, ("办法", "细则"))
    assert any("欠息" in c.members for c in grounded.topic)


@pytest.mark.parametrize("question,word", [
    ("客户一年半以前有过一次欠息，担保人认可吗？", "认可"),
    # after 按/根据 the rules are what the act is measured by, not the verb's subject
    ("按办法欠息的客户能续贷吗？", "欠息"),
    ("根据细则冻结的账户能续贷吗？", "冻结"),
    # a notice another sender sends is no document's stance
    ("客户收到银行通知逾期了，能续贷吗？", "逾期"),
])
def test_a_verb_with_another_subject_stays_what_is_asked(question, word):
    assert any(word in c.members for c in analyse(question).concepts)


@pytest.mark.parametrize("question,modal", [
    # a negated permission modal (不让, 不给, 不准) asks whether the act is allowed; it names nothing
    ("客户年初没进名单，两家是不是都不让办？", "不让"),
    ("客户有欠息，银行是不是就不给续了？", "不给"),
    ("个体户是不是不准续贷？", "不准"),
])
def test_a_negated_permission_modal_is_no_concept(question, modal):
    assert not any(modal in c.members for c in analyse(question).concepts)


@pytest.mark.parametrize("question,story_word", [
    # a distinguishing word or adverb before the asked verb (临时|要续贷) says how, not what: the story is the topic
    ("客户没进名单，临时要续贷行不行？", "名单"),
    ("客户有欠息，临时给他办续贷行吗？", "欠息"),
])
def test_a_word_modifying_the_asked_act_leaves_the_story_in_the_topic(question, story_word):
    q = analyse(question)
    assert any(story_word in m for c in q.topic for m in c.members)


def test_a_distinguishing_word_before_a_noun_is_what_is_asked():
    # 临时 of 临时展期 names a kind of extension
    assert any("展期" in c.members for c in analyse("客户办过展期，临时展期的贷款能续贷吗？").focus)


@pytest.mark.parametrize("question,wording", [
    # the rules' wording (说法, 口径) says which rules are spoken of, not what is asked
    ("赣州的通知对办续贷的信贷员有没有尽职免责的说法？", "说法"),
    ("续贷资金能不能挪作他用，这家的口径是什么？", "口径"),
])
def test_the_rules_wording_is_no_thing_asked(question, wording):
    from assistant.answer import KIND_WORDS, RULES_WORDING
    grounded = analyse(question).grounded(lambda _w: True, KIND_WORDS + RULES_WORDING)
    assert not any(wording in c.members for c in grounded.concepts)


@pytest.mark.parametrize("question,facet", [
    # 多少 before or after a money noun asks an amount; 几成 and 基点 ask a ratio in other units
    ("续贷抵押登记要交多少登记费？", "amount"),
    ("续贷要付多少利息？", "amount"),
    ("登记费是多少？", "amount"),
    ("抵押率最高能做到几成？", "percent"),
    ("续贷利率在LPR上加多少个基点？", "percent"),
])
def test_quantity_facets_asked_in_other_words(question, facet):
    assert facet in analyse(question).facets


def test_how_many_years_is_no_amount():
    assert "amount" not in analyse("贷了多少年的钱能续？").facets


@pytest.mark.parametrize("question", ["企业去年有过一次欠税，现在来申请，符合条件吗？", "企业去年有过一次欠税，够不够资格？",
                                      "企业去年有过一次欠税，这样满足要求吗？",
                                      "企业去年有过一次欠税，这还符合规定吗？",          # 规定 as the conditions
                                      "企业去年有过一次欠税，现在还符合基本条件吗？",   # a modifier of them
                                      # the loan applied for is the act, as 续贷 is in 能续贷吗
                                      "企业去年有过一次欠税，现在申请流动资金贷款还符合条件吗？"])
def test_asking_whether_a_story_meets_the_conditions_makes_the_story_the_topic(question):
    q = analyse(question)
    assert any("欠税" in c.members for c in q.topic)


def test_asking_whether_one_item_is_met_keeps_that_item_the_topic():
    q = analyse("企业去年有过一次欠税，信用评级A级，这一条算满足吗？")
    assert not any("欠税" in c.members for c in q.topic)


@pytest.mark.parametrize("question,idle,kept", [
    # an English permission predicate (acceptable, allowed) is 行吗 in English: the grammar of asking
    ("The client has a RMB 2 million working-capital loan. Is that acceptable?", "acceptable", "capital"),
    ("Is a renewal allowed for a loan that is 20 days overdue?", "allowed", "overdue"),
    # a stated figure is a value checked against a limit, not a word a clause must contain…
    ("Is a renewal allowed for a loan that is 20 days overdue?", "20", "overdue"),
    ("Can we renew a loan of RMB 3 million?", "rmb", "renew"),
    # …but its mapped unit word still says what is measured (万元)
    ("Can we renew a loan of RMB 3 million?", "3", "million"),
])
def test_english_asking_words_and_figures_are_no_concepts(question, idle, kept):
    words = {m for c in analyse(question).concepts for m in c.members}
    assert idle not in words and kept in words


def test_the_story_is_context_not_focus():
    q = analyse("客户开服装店的，上个月刚续过一次，在我们支行还能续贷吗？")
    assert all("服装店" not in c.members for c in q.focus)


DOCS = {
    "qh": {"title": "青禾农村商业银行小微企业续贷业务管理办法", "issuer": "青禾农村商业银行", "kind": "管理办法"},
    "hlj": {"title": "黑龙江省农村信用社小微企业客户续贷贷款业务管理办法", "issuer": "黑龙江省农村信用社", "kind": "管理办法"},
    "x1": {"title": "商业银行“续贷通”业务操作管理办法", "issuer": "未注明", "kind": "管理办法"},
    "x2": {"title": "“续贷通”(2.0版本)业务操作管理办法(暂行)", "issuer": "未注明", "kind": "管理办法"},
    "zy": {"title": "银行小微企业续贷业务操作指引", "issuer": "未注明", "kind": "操作指引"},
    "gz": {"title": "关于进一步加大对小微企业续贷支持力度的通知", "issuer": "赣州银保监分局", "kind": "通知"},
    "gzm": {"title": "小微企业续贷抵押登记操作规程", "issuer": "赣州市不动产登记局", "kind": "操作规程", "region": "江西省赣州市"},
}


@pytest.mark.parametrize("question,docs", [
    ("按青禾农商行的办法，质押贷款能续贷吗？", ["qh"]),
    ("黑龙江农信社对续贷有什么条件？", ["hlj"]),
    ("农商行的办法里质押贷款能续吗？", ["qh"]),        # 农村商业银行 → 农商行
    ("农信社要求什么条件？", ["hlj"]),                  # 农村信用社 → 农信社
    ("续贷通2.0适用哪些贷款？", ["x2"]),
    ("续贷通适用哪些贷款？", ["x1", "x2"]),
    ("续贷通跟续贷通2.0，不适用的贷款品种一样吗？", ["x1", "x2"]),   # compared: the short alias stands alone
    ("按续贷通2.0，客户有过欠息，能办续贷通吗？", ["x2"]),               # not compared: it refers back
    ("操作指引里续贷期限怎么定？", ["zy"]),
    ("赣州的通知对抵押登记有什么要求？", ["gz"]),
    ("赣州这边抵押登记要多久？", ["gz", "gzm"]),        # a place names every document of the place
    ("赣州那个续贷抵押的操作规程里，登记要多久？", ["gzm"]),   # …unless another word picks one of them
    ("管理办法里怎么说？", []),          # a kind word several documents share names none
    # a title's subject before its kind word, each shortened to its head, names the document
    ("登记规程里注销要多久？", ["gzm"]),
    ("抵押登记规程对材料有什么要求？", ["gzm"]),
    ("质押贷款能否办理续贷通？", ["x1", "x2"]),
    ("续贷要哪些材料？", []),
    # a full institution name is said short as the aliases are (农村商业银行 → 农商行), not leaving 商业银行
    ("青禾农村商业银行的办法里质押贷款能续吗？", ["qh"]),
    # an English question names a document through the glossary's words, by the same derived aliases
    ("Under the Heilongjiang rural credit cooperatives' rules, can a pledged loan be renewed?", ["hlj"]),
    ("Under Xudaitong 2.0, can a pledged loan be renewed?", ["x2"]),
    ("Does the Ganzhou notice say how long registration takes?", ["gz"]),
    ("At the rural commercial bank, can a pledged loan be renewed?", ["qh"]),
    ("Can a pledged loan be renewed?", []),
    # …in whichever of a word's senses the title uses (operating: 经营性 of a loan, 操作 of the guideline)
    ("Under the renewal operating guideline, can a pledged loan be renewed?", ["zy"]),
    ("Can an operating loan be renewed?", []),
])
def test_documents_named_by_derived_short_forms(question, docs):
    assert DocNamer(DOCS).named(analyse(question).norm) == docs


@pytest.mark.parametrize("question,word", [
    # Latin letters the title holds (XX农商银行) are part of the name said in English too
    ("Under the XX rural commercial bank's rules, can a pledged loan be renewed?", "xx农商行"),
    # the words before an alias that its title has before it too are part of the name, not of the question
    ("没有抵押，纯信用的贷款，在XX农商行能走续贷吗？", "xx农商行"),
    ("玉泉蒙银村镇银行那边纯信用贷款能续吗？", "玉泉蒙银村镇银行"),
])
def test_the_words_a_title_has_before_its_alias_name_the_document(question, word):
    docs = {k: v for k, v in DOCS.items() if k != "qh"}
    docs["xx"] = {"title": "XX农商银行小微企业续贷贷款业务管理办法", "issuer": "XX农商银行", "kind": "管理办法"}
    docs["cz"] = {"title": "____市玉泉蒙银村镇银行小微企业贷款实施细则", "issuer": "", "kind": "细则"}
    _named, names = DocNamer(docs).find(analyse(question).norm)
    assert word in names
    assert not any("纯" in n or "在" in n or "那" in n for n in names)


@pytest.mark.parametrize("question,docs", [
    # a word several documents share (赣州) with a word that picks one of them names that one…
    ("赣州那个续贷抵押的操作规程，抵押登记要多久？", ["gzm"]),
    # …also when the picking word is itself shared, by a document of another place (操作规程)
    ("按赣州那个抵押登记的规程，乡镇的厂房能办吗？", ["gz", "gzm"]),
    # a title's subject with its kind word picks one of the documents sharing the kind word
    ("登记规程里注销要多久？", ["gzm"]),
    # …but a comparison names each side
    ("赣州的通知和赣州的操作规程，抵押登记有什么不同？", ["gz", "gzm"]),
    # …and a list of documents each named by its own word keeps them all (操作规程 is in none of them)
    ("操作指引、赣州的通知和黑龙江的管理办法各自怎么说？", ["gz", "hlj", "zy"]),
])
def test_words_naming_documents_together_name_the_ones_they_share(question, docs):
    both = dict(DOCS, sme={"title": "商业银行小微企业贷款业务操作规程", "issuer": "未注明", "kind": "操作规程"})
    assert DocNamer(both).named(analyse(question).norm) == docs


@pytest.mark.parametrize("question,outside", [
    ("厂房不在市中心城区，能按这个规程办登记吗？", True),
    ("厂房在市中心城区，能按这个规程办登记吗？", False),
    ("厂房的抵押登记能按这个规程办吗？", False),          # states nothing the scope speaks to
    # a county, a township or a village is outside a city's central districts: said of the property
    ("抵押的是下面县里的门面房，能按这个规程办登记吗？", True),
    ("客户拿乡下镇上的厂房做抵押，能按这个规程办登记吗？", True),
    ("厂房在县城，能按这个规程办登记吗？", True),
    # …not of the firm or the bank: where the property lies goes unsaid
    ("村镇银行的客户拿厂房抵押，能按这个规程办登记吗？", False),
    ("县支行的客户拿厂房抵押，能按这个规程办登记吗？", False),
    ("乡镇企业拿厂房抵押，能按这个规程办登记吗？", False),
    # …nor where an office or a firm is, though its name holds a property word (review)
    ("县里的不动产登记中心能按这个规程办续贷抵押登记吗？", False),
    ("县城的房地产公司拿市区的写字楼抵押，能按这个规程办登记吗？", False),
    ("县里的房产局能按这个规程办登记吗？", False),
    # …and only a question on the registration, which the place bears on: whether renewal is allowed it does not
    ("客户用县里的自建房抵押，能续贷吗？", False),
])
def test_a_stated_fact_outside_a_documents_own_scope(question, outside):
    from assistant.reason import out_of_scope
    r = read_text("g/h1", "g", "小微企业以市中心城区范围内的不动产作为抵押物办理续贷抵押登记的，适用本规程。")[0]
    assert (out_of_scope(analyse(question), r, RENEWAL) is not None) is outside


@pytest.mark.parametrize("question,asking_light", [
    ("客户是做家具的，能纳入续贷吗？", True),      # a light verb before the renewal act names nothing
    ("这种贷款适用于续贷通吗？", True),
    ("客户能不能纳入名单？", False),               # its object is something else: it is what is asked
    # after a verb of hindrance, the act said by a bare verb closing the clause (不影响他办吧)
    ("客户三年前欠过息，这个不影响他办吧？", True),
    ("客户三年前欠过息，这会影响续贷吗？", True),
    ("这会影响他办理抵押登记吗？", False),
])
def test_a_light_verb_before_the_renewal_act_is_not_what_is_asked(question, asking_light):
    q = analyse(question)
    light = {"纳入", "适用", "影响"}
    assert (not any(set(c.members) & light for c in q.focus)) is asking_light


def test_a_negation_ends_with_its_sentence():
    q = analyse("期限可以跟原来不一样吗？比如延长一点？")
    k = q.norm.find("延长")
    assert not any(s <= k < e for s, e in q.negated)


@pytest.mark.parametrize("question,first,second,activity", [
    ("搞房地产开发的小公司申请续贷，可以吗？", "房地产", "开发", True),   # object of 做
    ("木材加工的企业可以续贷吗？", "木材", "加工", True),               # modifier before 的
    ("不先把欠款结清就办续贷，行不行？", "欠款", "结清", False),         # subject and predicate
    ("个人消费贷能续贷吗？", "个人", "消费贷", False),                 # a noun head is a kind of its own
])
def test_a_field_and_an_activity_name_the_field(question, first, second, activity):
    from assistant.reason import _activity_head
    q = analyse(question)
    concept = {m: c for c in q.concepts for m in c.members}
    assert _activity_head(q, concept[first], concept[second]) is activity


def test_a_storys_details_the_corpus_never_names_do_not_dilute_its_fact():
    """「…和一家客户因为合同纠纷的官司还没打完」: 客户家 and 纠纷 are in no rule, so the clause's fact is the
    lawsuit, which an exclusion of pending lawsuits decides."""
    known = {"借款", "企业", "诉讼", "涉诉案件", "官司", "续贷", "结案", "判决"}
    q = analyse("公司和一家经销商闹合同纠纷的官司还没打完，还没判决，可以续贷吗？")
    weights = idf_weights(q, lambda t: 3 if t in known else None, 100)
    rule = read_text("x/a1", "x", "(八)借款人存在涉诉案件未结案的;", EXCL)
    found = [st for r in rule if (st := stance(q, r, weights, RENEWAL)) is not None]
    assert found and found[0].verdict == "no"


@pytest.mark.parametrize("question,asked,offered", [
    ("外资企业也可以展期吗，还是仅限本地商户？", "展期", "商户"),
    # a clause that asks by its grammar (是不是, 有没有) before 还是 is answered the same way
    ("续贷通是不是也适用于个人经营性贷款？还是只限企业？", "个人经营性贷款", "只限"),
    ("个体工商户有没有资格办续贷，还是只能是公司才行？", "个体工商户", "公司"),
    ("不管有没有抵押，还是能续贷吗？", "续贷", "抵押"),            # 不管…，还是 is a concession: still
])
def test_an_alternative_after_the_question_is_not_what_is_asked(question, asked, offered):
    q = analyse(question)
    members = {m for c in q.focus for m in c.members}
    assert asked in members and offered not in members


def test_the_clause_that_asks_by_its_grammar_starts_the_focus():
    """「…，是不是要先办展期手续，再发放新贷款？」: the question mark ends the sentence, but the
    clause with 是不是 asks."""
    q = analyse("旧的质押还没解除，是不是要先办展期手续，再发放新贷款？")
    assert any("展期" in c.members or "展期手续" in c.members for c in q.focus)
    q = analyse("旧的质押还没解除，先办展期手续再放款？")   # no grammar: the clause with the mark asks
    assert not any("解除" in c.members for c in q.focus)


@pytest.mark.parametrize("question,word,negated", [
    ("续贷可以不签担保合同吗？", "担保合同", True),          # 不 after a modal, fused by the segmenter
    ("担保合同可以不签吗？", "担保合同", True),              # the object put first as the topic
    ("审查和放款是不是不用像新客户那样再做一遍？", "审查", True),   # …past a manner phrase
    ("客户可以不提供担保合同吗？", "客户", False),           # the act has its own object: the topic is its agent
    ("质押登记可不可以不见面办理？", "办理", False),           # 不见面 is a word of its own, a way of doing it
    ("能不能续贷？", "续贷", False),                         # 能不能 asks, it negates nothing
    ("他行的五级分类是不是可以不管？", "分类", True),        # a 不-word ending the clause is the act negated
    ("续贷时利率可以不变吗？", "利率", False),                 # 不变 keeps a state: nothing is skipped
    # renewal itself after 不 is the permission asked, not a step skipped: its topic is not negated
    ("纯信用贷款是不是不给续？", "信用贷款", False),
    ("质押贷款是不是不能续贷？", "质押贷款", False),
])
def test_a_question_asking_to_skip_an_act_negates_the_act_and_its_object(question, word, negated):
    assert analyse(question).term_negated(word) is negated


def test_an_excluding_verb_in_a_question_is_a_fact_not_a_negation():
    q = analyse("原来的保证人想退出，换一家公司来担保可以吗？")
    assert not q.term_negated("保证人")


@pytest.mark.parametrize("question,word,negated", [
    ("续贷的钱除了还旧贷之外，能不能拿去买设备？", "旧贷", False),   # besides A: A is given
    ("中心城区以外的房子能走快速通道吗？", "中心城区", True),          # outside A
])
def test_besides_is_no_negation_in_a_question(question, word, negated):
    assert analyse(question).term_negated(word) is negated


def test_what_stands_besides_the_question_is_not_its_topic():
    q = analyse("续贷拿到的钱，除了还旧贷之外，能不能拿去买设备？各家怎么说？")
    assert not any("旧贷" in c.members for c in q.topic) and any("设备" in c.members for c in q.topic)
    # 解除 and 免除 hold a 除 that opens no 除…外 frame
    assert any("对外" in c.members for c in analyse("已经解除了对外担保，还能续贷吗？").topic)


@pytest.mark.parametrize("question,standard", [
    # the standard of a comparison runs from 比 to the predicate: the asking modal, a degree
    # complement, a figure and a degree adverb after it are cut off
    ("续贷的审批手续能不能比新增贷款简化一些？", "比新增贷款"),
    ("续贷期限可以比原借款合同稍长一点吗？", "比原借款合同"),
    ("续贷金额比原来多50万行吗？", "比原来"),
    # a 比 inside a word (比例, 对比, 比照) opens no comparison
    ("资金回笼率的比例是多少？", None),
    ("续贷能否比照新增贷款办理？", None),
    # English: what follows compared with / than
    ("Can a renewal's interest rate be higher than the original loan's?", "than the original loan's"),
])
def test_the_standard_of_a_comparison_is_found(question, standard):
    from assistant.question import comparison_standards
    norm = analyse(question).norm
    found = [norm[a:b] for a, b, _pred in comparison_standards(norm)]
    assert found == ([standard] if standard else [])


@pytest.mark.parametrize("question,standard,predicate", [
    # a predicate closing in a verb and its object (简化|流程): the verb is the predicate, the object no
    # part of the standard
    ("续贷审查能不能比新增贷款简化环节？", "比新增贷款", "简化"),
    ("续贷的审批手续能不能比新增贷款简化一些？", "比新增贷款", "简化"),
    ("担保能比原来弱吗？", "能比原来", "弱"),
])
def test_the_predicate_of_a_comparison_is_its_verb(question, standard, predicate):
    from assistant.question import comparison_standards
    norm = analyse(question).norm
    assert [(norm[a:b], p) for a, b, p in comparison_standards(norm)] == [(standard, predicate)]


@pytest.mark.parametrize("question,expected", [
    # predicates coordinated after the first compare the same thing against the same standard
    ("续贷审批能不能比新发一笔贷款走得简单点、快一点？", [("比新发一笔贷款走得", "简单"), ("比新发一笔贷款走得", "快")]),
    ("续贷手续能不能比新增贷款简化、规范一些？", [("比新增贷款", "简化"), ("比新增贷款", "规范")]),
    ("续贷审查能不能比新增贷款简化环节、快一些？", [("比新增贷款", "简化"), ("比新增贷款", "快")]),
    # a first conjunct closing in a noun coordinates the standards, not the predicates
    ("续贷能比新贷款、原贷款都快吗？", [("能比新贷款、原贷款都", "快")]),
])
def test_coordinated_predicates_share_the_comparison(question, expected):
    from assistant.question import comparison_standards
    norm = analyse(question).norm
    assert [(norm[a:b], p) for a, b, p in comparison_standards(norm)] == expected


@pytest.mark.parametrize("rule,expected", [
    # a rule stating either coordinated predicate speaks of the comparison asked
    ("(一)规范操作:续贷业务须视同新增业务如实进行调查、审查和审批,不得简化操作程序;", "no"),
    ("第十一条续贷审批流程应当简化、规范,金融机构应当加快审批速度,提供便捷的服务。", "yes"),
])
def test_a_rule_stating_one_coordinated_predicate_answers_the_comparison(rule, expected):
    assert _verdict(rule, "续贷审批能不能比新增贷款简化、快一点？") == expected


def test_only_a_quantifier_of_the_conditions_names_none_of_them():
    # 抵押条件 names one condition: the question asks about that one, not the whole story
    q = analyse("企业去年有过一次欠税，抵押足值，符合抵押条件吗？")
    assert not any("欠税" in c.members for c in q.topic)


def test_still_is_no_alternative():
    """还是 opens an alternative only after a clause that asks (…吗，还是…); otherwise it is 「still」."""
    q = analyse("原贷款已经结清了，还是需要提供担保吗？")
    assert any("担保" in c.members for c in q.focus) and q.modality == "necessity"


def test_a_pivot_verb_makes_no_field_and_activity():
    """「能让担保人代偿利息吗」: 让 + someone + verb; 代偿 is what is asked, not an activity of 担保人's field."""
    q = analyse("能让担保人代偿利息吗？")
    weights = idf_weights(q, lambda t: {"担保人": 20, "代偿": 2}.get(t, 10), 100)
    found = [st for r in read_text("x/a1", "x", "担保人可以为借款人提供担保。") if stance(q, r, weights, RENEWAL)]
    assert not found


@pytest.mark.parametrize("question,word,read", [
    # a loan's kind said as a modifier of a loan word of the question is the documents' name of the kind
    ("原来是纯信用的流贷，到期能续吗？", "信用", "信用贷款"),
    ("客户房产抵押的经营贷到期了能续吗？", "抵押", "抵押贷款"),
    # …not before 贷款 itself, nor joined without 的 (个人消费贷 is no 个人贷款), nor under a negation
    ("质押方式的贷款能续吗？", "方式", None),
    ("客户的个人消费贷到期了能续吗？", "个人", None),
    ("没有任何担保的信用贷款，到期能续吗？", "担保", None),
    # …nor who holds the loan (个人的经营贷)
    ("客户个人的经营贷到期了，能续吗？", "个人", None),
])
def test_a_loans_kind_said_as_its_modifier(question, word, read):
    known = {"信用贷款", "抵押贷款", "质押贷款", "担保贷款", "个人贷款", "方式贷款"}.__contains__
    members = {m for c in analyse(question).loan_kinds(known).concepts for m in c.members}
    assert (read in members and word not in members) if read else word in members


@pytest.mark.parametrize("question,known,word", [
    ("两年前欠过一个季度的利息，现在可以续贷吗？", {"欠息"}, "欠息"),      # 欠…利息 is the documents' 欠息
    ("客户欠了两期的管理费，还能续贷吗？", {"欠费"}, "欠费"),
    ("两年前欠过一个季度的利息，现在可以续贷吗？", set(), None),          # no such word in the corpus: unchanged
    ("固定资产贷款到期了能不能走续贷？", {"期贷"}, None),                 # 期 of 到期 is no verb
    # an object of one character after the measure is no concept of its own: the verb and it are the word
    ("客户三年前欠过一次息，最近两年都按时还，能续贷吗？", {"欠息"}, "欠息"),
    ("客户三年前欠过一次息，能续贷吗？", set(), None),
    ("客户去年换过一次人，能续贷吗？", {"欠息"}, None),                  # 换人 is no word of the corpus
])
def test_a_verb_and_object_split_by_a_measure_are_the_documents_word(question, known, word):
    q = analyse(question).rejoined(lambda w: w in known)
    members = {m for c in q.topic for m in c.members}
    if word:
        assert word in members
    else:
        assert members == {m for c in analyse(question).topic for m in c.members}


def test_a_stated_fact_that_fails_a_rule_outweighs_a_met_condition_in_a_long_story():
    from assistant.reason import MET_ONE, best_stance
    rule = read_text("x/a1", "x", "(三)近二年没有欠费记录;", REQ)[0]
    failed = Stance("no", rule, 0.3, "欠费", "要求近二年没有该情形，问题中为一年半以前，仍在期限之内")
    met = Stance("depends", rule, 0.35, "正常类", MET_ONE)
    assert best_stance([met, failed]) is failed


def _strength(rule: str, question: str) -> float:
    q = analyse(question)
    weights = idf_weights(q, lambda _t: 3, 100)
    return max(st.strength for r in read_text("x/a1", "x", rule) if (st := stance(q, r, weights, RENEWAL)))


@pytest.mark.parametrize("whole,kinds,question", [
    ("续贷范围不含抵押贷款、信用贷款。", "续贷范围不含林权抵押、车辆抵押等贷款。", "抵押贷款能续贷吗？"),
    ("本办法不适用于质押贷款。", "本办法不适用于存单质押、仓单质押。", "质押贷款可以续吗？"),
])
def test_naming_the_excluded_kinds_of_a_class_is_as_on_topic_as_naming_the_class(whole, kinds, question):
    """One document excludes the whole class, another only some kinds of it: both speak to the
    class, so both vote and the answer is 视情况而定 — the narrower one is not outvoted."""
    assert _verdict(kinds, question) == "depends"
    assert _strength(kinds, question) >= 0.95 * _strength(whole, question)


_GUIDE = (("操作指引",), ("银行小微企业续贷业务操作指引",))
_RULES_2024 = (("2024年小微企业续贷实施细则",), ("2024年小微企业续贷实施细则",))


@pytest.mark.parametrize("question,named,gone,kept", [
    # the English words saying a named document's title name it: they are no content, nor a compound
    ("Under the SME renewal operating guideline, can the borrower renew?", _GUIDE, {"operating", "guideline"}, {"borrower"}),
    # …a title word said again outside the title (the renewal funds) is kept there
    ("Under the 2024 SME renewal implementation rules, what can the renewal funds be used for?", _RULES_2024,
     {"implementation", "rules"}, {"续贷资金"}),
    # …and with no document named, nothing is a title
    ("Under the SME renewal operating guideline, can the borrower renew?", ((), ()), set(), {"guideline"}),
    # …a title's word said again outside it (an operating loan) stays
    ("Under the renewal operating guideline, can an operating loan be renewed?", _GUIDE, {"guideline"}, {"operating"}),
])
def test_the_words_of_a_named_title_are_no_content(question, named, gone, kept):
    said, titles = named
    q = analyse(question).english_compounds(lambda w: w in "续贷资金 续贷操作", said, titles)
    members = {m for c in q.concepts for m in c.members}
    assert not gone & members and kept <= members


@pytest.mark.parametrize("question,corpus,word", [
    # an English compound runs in Chinese order: its mapped words join into the corpus's one word,
    # the unmapped words between them (currency) inside it
    ("Can a foreign-currency pledge be renewed?", "外币质押贷款不得续贷", "外币质押"),
    ("Is a foreign currency working capital loan eligible?", "外币流动资金贷款", "外币流动资金贷款"),
    # words that join into nothing the corpus says stay apart
    ("Can a foreign pledge be renewed?", "外币贷款；质押贷款", None),
    # a word too common to ask about alone (loan) heads a compound right after its modifier…
    ("Can a pure credit loan be renewed?", "不含信用贷款", "信用贷款"),
    # …never bridging to a word after it, nor as a compound's modifier
    ("Is the loan approved quickly?", "贷款审批", None),
])
def test_an_english_compound_is_the_corpus_word_its_parts_make(question, corpus, word):
    q = analyse(question).english_compounds(lambda w: w in corpus)
    joined = [c.members[0] for c in q.concepts if not c.members[0].isascii() and len(c.members) == 1 and c.parts]
    assert (joined[0] if joined else None) == word


@pytest.mark.parametrize("question,term,negated", [
    # 不用A、不B: two parallel negations — B carries its own and is not negated twice
    ("能不能让客户不用来回跑、不见面就签完？", "不见面", False),
    ("能不能让客户不用来回跑、不见面就签完？", "来回跑", True),
    # one negation over a list reaches each item
    ("客户没有逾期、欠息，能续贷吗？", "欠息", True),
])
def test_parallel_negations_do_not_negate_each_other(question, term, negated):
    assert analyse(question).term_negated(term) is negated


@pytest.mark.parametrize("question,negated,plain", [
    # English negation: not / never reach to the end of the clause; a preposition's ends with its object
    ("The guarantor did not sign, can the loan be renewed?", "sign", "renewed"),
    ("Can a loan without collateral be renewed?", "collateral", "renewed"),
    ("Should the loan be kept normal rather than downgraded?", "downgraded", "normal"),
])
def test_english_negation_by_its_scope(question, negated, plain):
    q = analyse(question)
    assert q.term_negated(negated) and not q.term_negated(plain)


def test_a_rule_whose_condition_the_story_states_is_the_more_relevant():
    """The story's facts that a stated condition holds (原押品延续使用 for 对于延续原押品的) count as held:
    such a rule is the one for this case and votes beside rules that only share the asked words."""
    rule = "对于延续原押品的担保，必须采用第二顺位登记。"
    assert _strength(rule, "原押品延续使用，是不是一定要办第二顺位登记？") > _strength(rule, "是不是一定要办第二顺位登记？")


def test_grounding_keeps_an_event_alone_from_being_the_topic():
    """Once a word no document uses is dropped from the asking clause (给他续 → 他续), an event
    (到期) left alone there times the act; the story (信用贷款) is what is asked, as before grounding."""
    q = analyse("客户原来是信用贷款，到期了能给他续吗？").grounded(lambda w: w in ("信用贷款", "到期", "续贷", "客户"))
    assert any("信用贷款" in c.members for c in q.topic)


@pytest.mark.parametrize("question,word", [
    # a modal adverb of necessity says how strongly it is asked, like 必须, not what
    ("续贷时一定要重新评估押品吗？", "一定"), ("续贷务必重新评估押品吗？", "务必"), ("续贷非得重新评估押品吗？", "非得"),
    # a spoken bound is read into the stated limit (不到6% → <6%), not a thing asked about
    ("周转率不到6%，能续吗？", "不到"), ("周转率达不到6%，能续吗？", "达不到"),
])
def test_modal_adverbs_and_spoken_bounds_name_nothing(question, word):
    assert not any(word in c.members for c in analyse(question).concepts)


@pytest.mark.parametrize("condition,words", [
    ("若抵(质)押物因为市场变化不足值的", ["抵押", "抵押物", "不足"]),   # a bracketed alternative, a cause
    ("若原因不明的抵押物被查封的", ["原因", "不明", "抵押", "抵押物", "查封"]),   # 原因 is no cause marker
    ("若抵押类贷款评估报告超过有效时限", ["抵押", "评估", "报告", "超过", "有效", "时限"]),
])
def test_the_words_that_state_a_condition(condition, words):
    from assistant.reason import _condition_words
    assert _condition_words(condition) == words


@pytest.mark.parametrize("question,asks", [
    ("续贷资金能拿去买设备吗？", True),
    ("续贷下来的钱，客户能不能拿一部分去买设备？", True),
    ("续贷下来的钱，客户能不能留一部分发工资？", True),     # a use verb split by its object (留…发, 拿…去)
    ("续贷下来的钱，客户能不能拿一部分去还信用卡？", True),
    ("续贷下来的钱，客户想拿去买设备，可以吗？", True),           # the money as the topic before a comma
    ("续贷的事，借款人想留一部分钱发工人工资，可以吗？", True),    # the verb first, then the money
    # …but a use the customer once made (挪用过, the experiential 过) is a fact of the story, not a use asked
    ("原贷款期间挪用过贷款资金的客户，还能续吗？", False),
    ("客户以前用过一笔贷款资金炒股，还能续贷吗？", False),
    ("借款人经营正常、利息按时付，但担保企业最近资金很紧，能续贷吗？", False),   # 付 in the story, 资金 tight
    ("贷款资金发放到客户账户后，可以吗？", False),                 # 发放 is the loan paid out, no use
    ("借款人账户上的款不多，能续贷吗？", False),
    ("续贷资金来源里能不能有财政补助？", False),      # the money's source is asked, not a use of it
    ("续贷资金用途能不能包括发工资？", True),               # the money's use is a use of it
    ("Can the renewal money be spent on buying a truck?", True),    # English: the money and a use verb
    ("Can the renewal money be repaid early?", False),
    # the lent money opening the story and an asking clause with no subject of its own: topic–comment
    ("续贷下来的钱还完旧贷要是还有剩余，能不能给厂里进一批货？", True),
    ("续贷下来的钱还完旧贷要是还有剩余，客户能不能续第二次？", False),   # the asking clause has its own subject
    ("客户说续贷下来的钱不够，能不能再续一次？", False),                 # the money is no clause's topic
    ("续贷下来的钱已经还了旧贷，能不能按等额本息方式还款？", False),      # a step of the loan, not a purpose
    # a verb with a negated potential complement (拿不出) says what cannot be done, not a use
    ("抵押物不够覆盖贷款，客户又拿不出别的抵押物，把续贷金额压低，这样可以吗？", False),
    ("客户的钱买不起新设备，这样可以吗？", False),
])
def test_asking_to_put_money_to_a_use(question, asks):
    from assistant.reason import asks_a_use
    assert asks_a_use(analyse(question)) is asks


@pytest.mark.parametrize("question,frame", [
    ("续贷拿到的钱能不能用来购置生产设备？", {"拿到"}),      # 拿到 names the money, the use is 生产设备
    ("贷下来的钱能不能给工人发工资？", {"下来"}),
    ("续贷资金可以拿来炒外汇吗？", {"资金"}),
    ("客户拿到续贷以后能不能买设备？", set()),               # no money named: nothing is frame
    ("续贷拿到的钱多不多？", set()),                          # the money asked about, not put to a use
])
def test_the_lent_money_is_the_frame_of_a_question_about_its_use(question, frame):
    from assistant.reason import asks_lent_use
    asks = ("钱" in question or "资金" in question) and "多不多" not in question
    assert asks_lent_use(analyse(question)) is asks
    from assistant.reason import lent_money_frame
    assert lent_money_frame(analyse(question)) >= frame and (frame or not lent_money_frame(analyse(question)))


@pytest.mark.parametrize("text,term,narrower", [
    ("无参与民间高利借贷(包括借入和借出)行为", "民间借贷", "民间高利借贷"),
    ("原流动资金周转贷款为正常类", "流动资金贷款", "流动资金周转贷款"),
    ("借款人无民间借贷", "民间借贷", None),             # the term itself: no narrower kind
    ("民间的借贷", "民间借贷", None),                  # 的 makes a phrase, not a kind
    ("民间组织,借贷", "民间借贷", None),               # punctuation between: two things
    ("抵押物价值", "抵押", None),                       # too short to have parts
    ("借款人经营不正常", "经营正常", None),             # a negator denies, it names no kind
    ("使信用贷款转化为担保贷款", "贷款担保", None),     # a verb phrase between the parts, not a modifier
])
def test_a_modifier_inserted_into_a_compound_names_a_narrower_kind(text, term, narrower):
    from assistant.consistency import narrowed_form
    assert narrowed_form(text, term) == narrower


@pytest.mark.parametrize("text,asked,included", [
    ("结合全省农村信用社(含农村商业银行,下同)实际,制定本办法。", ["农村", "商业银行"], "含农村商业银行,下同"),
    ("续贷业务适用的对象为小微企业贷款客户(含个体工商户)。", ["个体工商户"], "含个体工商户"),
    ("信用等级A级(含)以上。", ["信用等级"], None),                 # 含 alone: the limit is inclusive
    ("续贷适用得范围只限于保证与抵押方式贷款,不含信用贷款。", ["信用贷款"], None),   # no bracket: an exclusion
    ("结合全省农村信用社(含农村商业银行,下同)实际。", ["信用社"], None),        # the head, not what it includes
    ("适用于个体工商户贷款(含个体工商户贷款,不含个人消费贷款)。", ["个人消费贷款"], None),   # 不含 inside
])
def test_a_bracketed_inclusion_covers_what_it_names(text, asked, included):
    from assistant.reason import _included
    from assistant.question import Concept
    assert _included(text, -1, [Concept((w,)) for w in asked]) == included


# --- a story's facts against lists of conditions and exclusions -------------------------------------
CONDITIONS = ["(一)原贷款五级分类为正常类;", "(二)单笔贷款额度200万元(含)以上;", "(三)近二年没有欠费记录;",
              "(四)经营者品行端正;"]


MINING = "(二)从事矿产开采业务的贷款;"


@pytest.mark.parametrize("question,expected", [
    # a borrower's genus heading a relative clause (做…的公司) adds nothing to what the rule on the
    # line of business must say: the trade decides
    ("做矿产开采的公司能续贷吗？", "no"),
    ("一家做矿产开采的小公司想续贷，行吗？", "no"),
    # the genus alone, with no trade the rule names, is not the rule's borrower
    ("一家做服装批发的公司能续贷吗？", None),
])
def test_a_relative_clause_tells_the_borrowers_trade(question, expected):
    # the genus a rare word of the corpus, as 公司 is where rules say 企业: it would outweigh the trade
    assert _verdict(MINING, question, EXCL, df=lambda t: 1 if t == "公司" else 3) == expected


def test_a_storys_fact_falling_in_an_exclusion_decides_for_the_document():
    """A long story with one fact the document excludes (做矿产开采的): 不可以 from that item, however
    small a share of the story it is — over an item the story meets (单笔300万)."""
    from assistant.reason import best_stance
    q = analyse("一家做矿产开采的小公司在我行有一笔300万的贷款，原贷款正常类，经营还算正常，能续贷吗？")
    weights = idf_weights(q, lambda _t: 3, 100)
    stances = [st for i, (rule, lead) in enumerate([(MINING, EXCL), (CONDITIONS[1], REQ), (CONDITIONS[0], REQ)])
               for r in read_text(f"x/a{i}", "x", rule, lead) if (st := stance(q, r, weights, RENEWAL)) is not None]
    best = best_stance(stances)
    assert best is not None and best.verdict == "no" and best.why.startswith("问题中")


@pytest.mark.parametrize("question,corpus,named", [
    # a word the corpus lacks modifying a head it has: a kind of that head it does not speak of
    ("客户拿商业汇票来贴现，贴现利率现在是多少？", "贷款利率由双方协商确定", ["贴现", "利率"]),
    ("客户想办房子按揭，首付比例最低多少？", "资金回笼率比例不低于5%", ["首付", "比例"]),
    # the corpus has the compound itself: nothing unknown
    ("客户拿商业汇票来贴现，贴现利率现在是多少？", "贴现利率按人民银行规定执行", []),
    # a known modifier of a known head: nothing unknown
    ("续贷的贷款利率现在是多少？", "贷款利率由双方协商确定", []),
    # a segmenter's guess across a word boundary (续贷后|原 → 后原) is no word of its own
    ("续贷后原抵押担保关系怎么处理？", "原抵押担保关系的处理", []),
    # an adverb before its verb (原来|多贷) modifies the act: it names no kind of thing
    ("续贷的时候能不能比原来多贷？", "不包括增量贷款业务", []),
])
def test_an_unknown_word_modifying_a_known_head_names_another_kind(question, corpus, named):
    from assistant.answer import unknown_kinds
    q = analyse(question)
    lacks = lambda c: all(m not in corpus for m in c.members)
    found = unknown_kinds(q, list(q.concepts), lacks, corpus)
    assert [c.members[0] for c in found] == named


def test_the_nouns_of_every_clause_name_a_fact_questions_subject():
    from assistant.answer import unknown_kinds
    q = analyse("客户有一笔三年期定期存款想提前支取，利息怎么算？")
    corpus = "利息按规定支付，提前还款"
    lacks = lambda c: all(m not in corpus for m in c.members)
    # the asking clause (利息怎么算) names nothing unknown; the clause before it names the subject
    assert unknown_kinds(q, list(q.concepts), lacks, corpus) == []
    assert "定期存款" in [c.members[0] for c in unknown_kinds(q, list(q.concepts), lacks, corpus, q.all_nouns)]


@pytest.mark.parametrize("text,held,narrowed", [
    ("借款人具有持续经营能力,无民间借贷,社会信用良好;", ("民间借贷",), ()),
    ("企业主行为规范,无参与民间高利借贷(包括借入和借出)行为;", (), (("民间借贷", "民间高利借贷"),)),
    # named, not denied: a requirement that it be so restricts nothing about it
    ("原流动资金周转贷款为正常类,且符合新发放流动资金周转贷款条件和标准;", (), ()),
    ("续贷业务适用的对象为小微企业流动资金贷款。", (), ()),
])
def test_what_a_restriction_reaches_is_what_its_negation_covers(text, held, narrowed):
    from ingest.readings import read_text
    from assistant.consistency import _terms_held
    q = analyse("民间借贷和流动资金贷款各家怎么规定？")
    weights = [(c, 1.0) for c in q.concepts]
    r = read_text("x/a1", "x", text)[0]
    got_held, got_narrowed, _kinds = _terms_held(q, weights, r)
    assert set(held) <= set(got_held) and set(got_narrowed) == set(narrowed)
    assert not held or "流动资金贷款" not in got_held


def test_an_item_under_an_exclusion_lead_in_is_restricted():
    from ingest.readings import read_text
    from assistant.consistency import _terms_held
    q = analyse("民间借贷各家怎么规定？")
    r = read_text("x/a1.i2", "x", "(二)有民间借贷的;", lead="下列客户的续贷申请不予受理：")[0]
    assert "民间借贷" in _terms_held(q, [(c, 1.0) for c in q.concepts], r)[0]


@pytest.mark.parametrize("question,clause,stated", [
    # a question asking a value (多久, 多少, how long) is answered only by a clause stating one of its unit
    ("注销登记要多久？", "对材料齐全的注销登记在1小时内办结。", True),
    ("注销登记要多久？", "对材料齐全的注销登记即来即办。", True),
    ("注销登记要多久？", "注销登记由不动产登记机构办理。", False),
    ("单笔续贷额度最高多少？", "单笔续贷额度控制在1500万元及以下。", True),
    ("单笔续贷额度最高多少？", "续贷额度根据借款人经营规模合理确定。", False),
    ("资金回笼率的比例要达到多少？", "资金回笼率在5%(含)以上。", True),
    ("同一笔贷款最多能续几次？", "同一笔贷款续贷次数不得超过2次。", True),
    ("同一笔贷款最多能续几次？", "同一笔贷款续贷须经审批。", False),
    # an amount against the original's is an amount limit; a month's end is a time
    ("续贷额度最高能到多少？", "续贷额度最高不得超过原贷款额度。", True),
    ("名单多久上报一次？", "业务部门每年于*月底前上报名单。", True),
    # 几 before any unit of measure asks a value: 几成, 几个百分点
    ("抵押率最高能做到几成？", "抵押率不超过评估价值的70%。", True),
    ("抵押率最高能做到几成？", "抵押率根据押品类型合理确定。", False),
    ("不良容忍度可以高出几个百分点？", "不良贷款容忍度可适当高于全行平均水平。", False),
    ("不良容忍度可以高出几个百分点？", "不良贷款容忍度不超过全行平均水平3个百分点。", True),
    # a length of time (多久) is not answered by a moment (到期前), nor by how often (每年)
    ("展期最长能展多久？", "在原贷款到期前(含展期后到期)签订新的借款合同。", False),
    ("注销登记要多久？", "业务部门每年上报一次名单。", False),
    # a moment asked by its number (几月底): a placeholder (*月底) leaves the number unsaid
    ("名单要在几月底前报上去？", "业务部门每年于*月底前上报名单。", False),
    ("名单要在几月底前报上去？", "业务部门每年于6月底前上报名单。", True),
    # a value asked of a measure no facet names: a figure of any kind answers it, or a bound set by another
    ("营业收入多少以下算小型企业？", "小型企业按工信部的划型标准认定。", False),
    ("营业收入多少以下算小型企业？", "营业收入3000万元以下的为小型企业。", True),
    ("从业人员多少人以下算微型企业？", "从业人员20人以下的为微型企业。", True),
    ("续贷审批权限有多大？", "续贷业务由分行审批。", False),
    ("新放的贷款最大能有多大？", "新发放贷款不超过拟归还贷款金额。", True),
    # a number of things of another facet (多少材料) is answered by the list, not a figure
    ("续贷需要准备多少材料？", "借款人应提交续贷申请书、营业执照等材料。", True),
    # how fast asks a time: 即来即办 answers it
    ("抵押登记能多快办好？", "对材料齐全的抵押登记即来即办。", True),
    # 几月 asks a moment: a figure of another kind does not answer it
    ("名单要在几月底前报上去？", "业务部门上报的名单不超过50户。", False),
    # no numeral interrogative: a method or a date is asked, any clause may answer it
    ("续贷利率是按什么来定的？", "续贷利率由双方协商确定。", True),
    ("这份细则什么时候生效？", "本细则自发布之日起生效。", True),
    # English, whole words only: registration holds no ratio
    ("How long does the cancellation take?", "注销登记由不动产登记机构办理。", False),
    ("How fast must the registry finish the new mortgage registration?", "抵押登记在1个工作日内办结。", True),
])
def test_a_value_asked_is_answered_only_by_a_clause_stating_one(question, clause, stated):
    from assistant.answer import states_asked_value
    from assistant.question import analyse
    assert states_asked_value(analyse(question), clause) is stated


@pytest.mark.parametrize("text,term,found", [
    ("原贷款为正常类,并且通过征信查询他行融资也为正常类,符合条件的。", "他行融资", ("他行融资", "正常类")),
    ("原贷款五级分类为正常类,他行融资五级分类也为正常类;", "他行融资", ("他行融资五级分类", "正常类")),
    ("保证人亦须为本地企业;", "保证人", ("保证人", "本地企业")),
    # no additive 也: the requirement is the sentence's own, extended to nothing
    ("原流动资金周转贷款为正常类,且符合新发放条件;", "原流动资金周转贷款", None),
    # 也 in another clause does not reach back over the comma
    ("他行融资情况应当查询,担保人也为正常类;", "他行融资", None),
])
def test_an_additive_also_extends_a_requirement_to_another_subject(text, term, found):
    assert also_required(text, term) == found


def test_the_entity_extended_to_is_the_topic_word_opening_the_subject():
    # 分类 also stands in the subject, but 他行 opens it: a document lacking 他行 is the looser one
    assert _extension("原贷款五级分类为正常类,他行融资五级分类也为正常类;", ["分类", "他行"]) == \
        ("他行", "他行融资五级分类", "正常类")


_LOOSER = "(七)企业主行为规范,无参与民间高利借贷(包括借入和借出)行为;"
_STRICTER = "(八)借款人具有持续经营能力,无民间借贷,社会信用良好;"


def _topic_of(question: str):
    """A comparison's topic as compare() prepares it, over a corpus that knows the words of the two
    sentences and the frame words 尺度, 门槛, 方面, 典当."""
    q = analyse(question)
    candidates = [r for t in (_LOOSER, _STRICTER) for r in read_text("x/a6", "x", t)]
    corpus = _LOOSER + _STRICTER + "尺度 门槛 方面 典当"
    q, _weights, known = prepare_topic(q, [(c, 1.0) for c in q.concepts], ["农商行", "操作指引", "两家"],
                                       lambda w: w in corpus)
    return q, known, candidates


@pytest.mark.parametrize("question,dropped,kept", [
    # a frame word (尺度) no candidate sentence holds is dropped from the topic; 民间借贷 stays, held as it
    # is by one sentence and as a narrower kind by the other
    ("民间借贷方面的尺度，农商行和操作指引哪家更严？", "尺度", "民间借贷"),
    # when no topic word is held at all, the topic stays as it is (every row is then 未规定)
    ("典当方面的尺度，两家谁更严？", None, "典当"),
])
def test_a_topic_word_no_candidate_holds_is_dropped(question, dropped, kept):
    q, known, candidates = _topic_of(question)
    words = {m for c, _w in held_somewhere(q, known, candidates) for m in c.members}
    assert kept in words and (dropped is None or dropped not in words)


@pytest.mark.parametrize("question,idle", [
    # the asking clause (门槛谁高) holds no word of any candidate: the topic widens to the story before it
    ("企业有民间借贷的，农商行和操作指引的门槛谁高？", True),
    # the asking clause names what the sentences speak of
    ("企业有民间借贷的，农商行和操作指引对民间借贷谁更严？", False),
])
def test_an_asking_clause_no_sentence_holds_leaves_the_topic_to_the_story(question, idle):
    q, known, candidates = _topic_of(question)
    assert asking_clause_idle(q, known, candidates) is idle


@pytest.mark.parametrize("rule,question,held", [
    # the question names the modifier inserted into its compound (高利 in 民间借贷): the rule's 民间高利借贷
    # is the very kind it speaks of
    ("(七)无参与民间高利借贷行为;", "借款人有民间借贷但不是高利借贷，能续贷吗？", "民间高利借贷"),
    # no modifier named: the compound is held only in part
    ("(七)无参与民间高利借贷行为;", "借款人有民间借贷，能续贷吗？", None),
])
def test_a_narrower_kind_whose_modifier_the_question_names_is_held_whole(rule, question, held):
    from assistant.reason import _narrowed_by_asked
    q = analyse(question)
    concept = next(c for c in q.concepts if "民间借贷" in c.members)
    hit = _narrowed_by_asked(rule, concept, [m for c in q.concepts for m in c.members])
    assert (hit[1] if hit else None) == held


_CURRENT_RULE = "(一)现有存量贷款已形成逾期或存在未结清利息的;"


@pytest.mark.parametrize("rule,question,over", [
    # the rule excludes a state that holds now (现有…已形成逾期); the question's instance is over
    (_CURRENT_RULE, "原贷款以前逾期过，后来还清了，能续贷吗？", True),
    (_CURRENT_RULE, "客户逾期过一回，早就补上了，还能续吗？", True),
    # not over: still owed, or nothing said of its end
    (_CURRENT_RULE, "原贷款逾期了还没还上，能续贷吗？", False),
    (_CURRENT_RULE, "原贷款逾期了，能续贷吗？", False),
    # an end said past a comma of another thing of the question is not this one's
    (_CURRENT_RULE, "客户现在还逾期着，之前的欠息已经还清了，能续吗？", False),
    # a rule on the record, with no mark of a present state: a past instance still counts
    ("(二)原贷款必须按时还款,并且没有逾期记录。", "原贷款以前逾期过，后来还清了，能续贷吗？", False),
])
def test_a_rule_on_a_present_state_is_not_met_by_an_instance_that_is_over(rule, question, over):
    from assistant.reason import _no_longer
    assert (_no_longer(analyse(question), rule, rule.find("逾期"), "逾期") is not None) is over


@pytest.mark.parametrize("question,over", [
    # the state over in the question's own word for the matched one (欠息 for the rule's 未结清利息)
    ("存量贷款有过欠息，已经补上了，能续吗？", True),
    ("存量贷款有过欠息，还没补上，能续吗？", False),
])
def test_a_present_state_is_over_in_the_questions_own_word(question, over):
    from assistant.reason import _no_longer
    k = _CURRENT_RULE.find("未结清利息")
    assert (_no_longer(analyse(question), _CURRENT_RULE, k, "未结清利息") is not None) is over


@pytest.mark.parametrize("question,verdict", [
    # 民间 is held only inside 民间高利借贷, which the stated (and denied) 高利贷 matches whole: the longer
    # match is what the rule speaks of — met, not failed (a rarer 民间 does not take over)
    ("老板有民间借款，不是高利贷，能续贷吗？", "depends"),
    ("老板借过高利贷，能续贷吗？", "no"),
])
def test_the_longer_match_is_what_the_rule_speaks_of(question, verdict):
    rule = "(七)企业主行为规范,未发现有涉赌、涉毒等不良习性,无参与民间高利借贷(包括借入和借出)行为;"
    assert _verdict(rule, question, REQ, df=lambda w: 1 if w == "民间" else 3) == verdict


@pytest.mark.parametrize("question,verdict", [
    # a figure a verb of its own governs (冻结了20万) measures that act's object, not the loan
    ("企业的账户被冻结了2000万，还能续贷吗？", None),
    ("企业在供应商那边欠了2000万货款，还能续贷吗？", None),
    # a figure of the loan: lending verbs, or a copula predicating it of the loan
    ("企业想续贷2000万，能办吗？", "no"),
    # a verb bringing the loan's own amount to a figure (调到, 增加至) gives the loan's figure
    ("续贷金额能不能调到2000万？", "no"),
    ("这笔续贷是2000万，能办吗？", "no"),
    # borrowed from a lender the question names (找亲戚借了, 跟朋友借过): that debt, not the loan asked about
    ("老板找亲戚借了2000万周转，能续贷吗？", None),
    ("企业跟另一个老板借过2000万，还能续贷吗？", None),
    ("老板从朋友那儿借了2000万，能续贷吗？", None),
    # …but borrowed from the bank, the loan itself
    ("企业在我行借了2000万，能续贷吗？", "no"),
    ("企业向我们行借了2000万，想续贷，能办吗？", "no"),
])
def test_a_figure_governed_by_its_own_verb_does_not_measure_the_loan(question, verdict):
    assert _verdict("(五)原则上企业单笔续贷额度控制在1500万元及以下。", question, REQ) == verdict


@pytest.mark.parametrize("question,verdict", [
    # one loan's count met, the customer's total unstated: it is only at least that count
    ("这笔贷款已经续过1次了，还能再续一次吗？", "depends"),
    # the total stated and met
    ("这个客户名下一共续过1次，这笔还能再续吗？", "yes"),
    # an ordinal first says there was none before: the total is known
    ("客户第一次申请续贷，次数上能办吗？", "yes"),
    ("客户头一回申请续贷，次数上能办吗？", "yes"),
    # one loan's count failing its own limit fails
    ("这笔贷款已经续过2次了，还能再续一次吗？", "no"),
])
def test_one_loans_count_leaves_the_customers_total_to_be_checked(question, verdict):
    assert _verdict(COUNTS, question) == verdict


@pytest.mark.parametrize("question,verdict", [
    # pointing at one condition (这一项, 这个数) asks whether that one is met
    ("客户资金回笼率正好5%，这一项过不过？", "yes"),
    ("客户资金回笼率正好5%，这个数能过吗？", "yes"),
    # …and so does a measure's attainment (达标, 够) asked with no act and no whole condition named
    ("客户资金回笼率正好5%，这算达标吗？", "yes"),
    ("客户资金回笼率正好5%，算不算够？", "yes"),
    ("客户资金回笼率只有3%，这算达标吗？", "no"),
    ("客户资金回笼率正好5%，够续贷条件吗？", "depends"),
    ("客户资金回笼率正好5%，都达标吗？", "depends"),
    ("客户资金回笼率正好5%，够不够格？", "depends"),
    # asking whether renewal is possible, met by one condition of many: the others must still be checked
    ("客户资金回笼率正好5%，能续贷吗？", "depends"),
    # failing the pointed-at condition still fails
    ("客户资金回笼率只有3%，这一项过不过？", "no"),
])
def test_a_question_pointing_at_one_condition_asks_whether_that_one_is_met(question, verdict):
    assert _verdict("(十)资金回笼率在5%(含)以上;", question, REQ) == verdict


@pytest.mark.parametrize("question,verdict", [
    # a stated fact over (结清了) does not fail a rule excluding the state as it holds now
    ("客户以前有过欠息，现在都结清了，能续吗？", "depends"),
    # still owed: it fails
    ("客户有欠息，能续吗？", "no"),
])
def test_a_stated_fact_that_is_over_does_not_fail_a_rule_on_the_present_state(question, verdict):
    assert _verdict(_CURRENT_RULE, question, EXCL) == verdict


@pytest.mark.parametrize("rule,question,verdict", [
    # a class stated of a loan at another bank speaks to a rule on 他行融资, not to one on the original loan
    ("(五)原流动资金周转贷款为正常类;", "在别的银行有一笔贷款是关注类，能续贷吗？", None),
    ("(四)原贷款为正常类,并且通过征信查询他行融资也为正常类。", "在别的银行有一笔贷款是关注类，能续贷吗？", "no"),
    # a class of the original loan speaks to both
    ("(五)原流动资金周转贷款为正常类;", "原贷款是关注类，能续贷吗？", "no"),
    ("(四)原贷款为正常类,并且通过征信查询他行融资也为正常类。", "原贷款是关注类，能续贷吗？", "no"),
])
def test_a_class_is_of_the_loan_it_is_stated_of(rule, question, verdict):
    assert _verdict(rule, question, REQ) == verdict


@pytest.mark.parametrize("failed_term,met_term,expected", [
    # one classification, one document's value met (本行正常类) and another's failed (他行关注类)
    ("关注类", "正常类", "depends"),
    ("关注", "正常类", "depends"),
    # values of no one classification: the failed rule decides
    ("关注类", "营业执照", "no"),
])
def test_values_of_one_classification_met_and_failed_disagree(failed_term, met_term, expected):
    from assistant.reason import MET_ONE
    r = read_text("x/a6.i4", "x", "(四)原贷款为正常类;", REQ)[0]
    failed = Stance("no", r, 1.5, failed_term, "要求为正常类")
    met = Stance("depends", r, 1.5, met_term, MET_ONE)
    assert combine({"a": failed, "b": met}) == expected


@pytest.mark.parametrize("rule,question,verdict", [
    # 发放贷款 only names which conditions the rule means: it says nothing of where a loan is paid out
    ("(四)原贷款为正常类,符合本行发放贷款条件和标准;", "续贷放款能不能直接打到企业自己账上，让企业去还旧贷？", None),
    # the question asking about those very conditions is answered by it
    ("(四)原贷款为正常类,符合本行发放贷款条件和标准;", "续贷要符合发放贷款条件吗？", "yes"),
    # the word also named on its own elsewhere in the rule: that mention is about it
    ("要按照贷款风险分类标准划分,不应单独将续贷作为下调风险分类的因素。", "续贷了是不是就要下调风险分类？", "no"),
])
def test_a_word_naming_which_norm_a_rule_means_holds_nothing_of_an_act(rule, question, verdict):
    assert _verdict(rule, question, REQ) == verdict


@pytest.mark.parametrize("question,frame,kept", [
    # 做法, 口径, 说法 say that the documents' rules are compared: the topic is what the rules are about
    ("续贷抵押：操作指引的二次顺位抵押和赣州通知的先注销再登记，是两套做法吗？", "做法", "顺位"),
    ("抵押物评估，农商行和操作指引的口径一样吗？", "口径", "评估"),
])
def test_the_words_that_compare_rules_are_no_topic(question, frame, kept):
    q = analyse(question)
    q, _weights, known = prepare_topic(q, [(c, 1.0) for c in q.concepts], ["操作指引", "赣州通知", "农商行"],
                                       lambda w: True)
    topic = {m for c, _w in known if c in q.topic for m in c.members}
    assert frame not in topic and kept in topic


@pytest.mark.parametrize("question,relative", [
    ("续贷额度能超过原来的贷款吗？", True),
    ("续贷金额能不能比原贷款多？", True),
    ("新贷款能不能高于原先那笔？", True),
    # a figure of its own, not one against the original loan
    ("个体户单笔续贷额度，两家的上限一样吗？", False),
    ("续贷额度最高多少？", False),
])
def test_an_amount_asked_against_the_original_loan(question, relative):
    from assistant.consistency import relative_to_original
    assert relative_to_original(analyse(question).norm) is relative


@pytest.mark.parametrize("question,consent,named", [
    # a verb of consent right after the asking modal, closing the clause, asks for permission
    ("客户想拿一部分钱去买设备，这个能不能同意？", "同意", False),
    ("客户想换个担保人，行里可以批准吗？", "批准", False),
    # a consent the question speaks of (the guarantor's) is a thing a rule may name
    ("担保人不同意继续担保，能续贷吗？", "同意", True),
    ("担保人同意了，能续贷吗？", "同意", True),
])
def test_a_consent_verb_asking_for_permission_names_nothing(question, consent, named):
    assert any(consent in c.members for c in analyse(question).concepts) is named


@pytest.mark.parametrize("question,failed_term,met_term,expected", [
    # one word of the question (官司) maps to both rules' words: the documents disagree on that fact
    ("客户打完一场官司，已经结案了，能续贷吗？", "诉讼", "涉诉案件", "depends"),
    # the rules' words are of different facts of the story: the failed one decides
    ("客户打完一场官司，账户也冻结了，能续贷吗？", "冻结", "涉诉案件", "no"),
])
def test_rules_on_one_stated_fact_met_and_failed_disagree(question, failed_term, met_term, expected):
    from assistant.reason import MET_ONE
    r = read_text("x/a6.i3", "x", "(三)近期内无法院起诉案件,且未存在重大诉讼情况;", REQ)[0]
    failed = Stance("no", r, 1.0, failed_term, "要求不得存在该情形")
    met = Stance("depends", r, 1.0, met_term, MET_ONE)
    assert combine({"a": failed, "b": met}, analyse(question)) == expected


@pytest.mark.parametrize("terms,asked", [
    # 五级分类 stands before the predicate stated without 也 as well: it names no subject the extension adds
    (["五级分类"], True),
    (["原贷款"], True),
    # 他行 stands only in the extension
    (["他行"], False),
])
def test_a_word_of_the_base_subject_names_no_extension(terms, asked):
    from assistant.consistency import _base_asked
    text = "(四)原贷款五级分类为正常类,他行融资五级分类也为正常类,符合本行发放贷款条件和标准;"
    assert _base_asked(text, terms, "正常类") is asked


@pytest.mark.parametrize("question,expected", [
    # two coordinated predicates word one act two ways: the rule holding one of them whole decides,
    # though the other's rarer words are not in it
    ("不重新签借款合同、继续沿用原合同也可以吗？", "no"),
    ("续贷时要重新签借款合同吗？", "yes"),
])
def test_a_reading_holding_one_coordinated_predicate_is_about_the_question(question, expected):
    rule = "办理续贷时,经办机构必须与借款人重新签订借款合同。"
    rare = ("继续", "沿用", "延续")
    assert _verdict(rule, question, df=lambda t: 1 if t in rare else 20) == expected


@pytest.mark.parametrize("question,expected", [
    # the story's other clause says who borrows: the amount met is one condition met
    ("个体户做建材生意，想续贷250万，这能办吗？", "depends"),
    ("开超市的，想续贷150万，这能办吗？", "no"),
    # the number's own clause asks about a use the rule does not hold: meeting the amount says nothing
    ("想续贷250万买一台设备，可以吗？", None),
])
def test_only_the_numbers_own_clause_asks_besides_it(question, expected):
    assert _verdict("(九)单笔贷款额度200万元(含)以上;", question, REQ) == expected


@pytest.mark.parametrize("question,expected", [
    # one stated amount, met by one document's limit and failed by another's: they disagree on that fact
    ("个体户想续贷250万，能办吗？", "depends"),
    # the met rule is on another fact of the story: the failed limit decides
    ("个体户想续贷250万，客户资金回笼率有8%，能办吗？", "no"),
])
def test_limits_of_two_documents_on_one_stated_number_disagree(question, expected):
    from assistant.reason import MET_ONE
    q = analyse(question)
    cap = read_text("x/a5.i5", "x", "(五)个人经营户单笔续贷额度控制在200万元及以下。", REQ)[0]
    floor = read_text("y/a6.i9", "y", "(九)单笔贷款额度200万元(含)以上;", REQ)[0]
    rate = read_text("y/a6.i10", "y", "(十)资金回笼率在5%(含)以上;", REQ)[0]
    failed = Stance("no", cap, 1.5, "个人经营户单笔续贷额度", "要求个人经营户单笔续贷额度≤200万元，问题中为250万元")
    met = Stance("depends", rate if "回笼率" in question else floor, 1.5,
                 "资金回笼率" if "回笼率" in question else "单笔贷款额度", MET_ONE)
    assert combine({"x": failed, "y": met}, q) == expected


@pytest.mark.parametrize("question,negated", [
    # a negation inside the 的-phrase that modifies the asked predicate's subject stops at 的
    ("没有任何担保的信用贷款能做吗？", "没有任何担保的"),
    ("没有进名单库的客户能办续贷吗？", "没有进名单库的"),
    # a 的-phrase ending its clause: the negation holds the whole noun phrase
    ("客户没有逾期的记录，能续吗？", "没有逾期的记录"),
])
def test_a_negation_in_a_relative_clause_stops_at_its_de(question, negated):
    q = analyse(question)
    assert [q.norm[a:b] for a, b in q.negated] == [negated]


def test_a_kind_described_by_a_negated_relative_clause_is_still_excluded():
    rule = "第五条续贷适用的范围只限于保证与抵押方式贷款,不含信用贷款、质押贷款。"
    assert _verdict(rule, "没有担保的信用贷款能续贷吗？") == "no"


@pytest.mark.parametrize("question,negated", [
    # a verb, the negation and the verb again (在不在, 有没有) ask; they negate nothing
    ("单笔额度在不在范围内？", []),
    ("客户有没有欠息？", []),
    # …the negation fused with the repeated verb as well (会|不会)
    ("登记中心会不会上门查看？", []),
    # a negation after an A-not-A question is one (a negated permission modal there is the guess the
    # question asks about: see test_a_guessed_prohibition_asks_about_the_act)
    ("是不是没逾期？", ["没逾期"]),
    ("是不是不用续？", ["不用续"]),
])
def test_an_a_not_a_question_negates_nothing(question, negated):
    q = analyse(question)
    assert [q.norm[a:b] for a, b in q.negated] == negated


def test_a_limit_asked_by_a_not_a_is_checked():
    assert _verdict(SPLIT_AMOUNT, "一家制造企业想续1500万，单笔额度在不在范围内？", REQ) != "no"


@pytest.mark.parametrize("question,negated", [
    # a word said twice is read at its mention in the asking clause
    ("客户基本户开在别家银行，没有基本户能办续贷吗？", True),
    ("客户没有基本户，后来开了基本户，能办续贷吗？", True),
    ("客户没有欠息，基本户能不能开在别家？", False),
])
def test_a_word_said_twice_is_read_where_it_is_asked(question, negated):
    term = "基本户"
    assert analyse(question).term_negated(term) is negated


@pytest.mark.parametrize("question,expected", [
    # the rule wants the thing at this bank; the question holds it at another: the fact fails
    ("客户基本户开在建行，在我们这只有一般户，能续贷吗？", "no"),
    ("客户基本户没开在我们行，只有个一般户，能续贷吗？", "no"),
    ("客户的基本户开在别的银行，能续贷吗？", "no"),
    # held at this bank, said the officers' way: one condition met
    ("客户基本户开在我们行，能续贷吗？", "depends"),
])
def test_a_thing_required_at_this_bank_held_at_another_fails(question, expected):
    rule = "(二)在我行开立基本存款账户,其运营资金往来主要通过基本账户结算;"
    assert _verdict(rule, question, REQ) == expected


@pytest.mark.parametrize("question,expected", [
    # the rule denies a state of this bank's account only: another bank's frozen account leaves it unsettled
    ("借款人在别家银行的账户被冻结了，还能续贷吗？", "depends"),
    ("客户在他行的账户被法院冻结，能续贷吗？", "depends"),
    # this bank's account frozen: the fact fails the rule
    ("借款人在我行的账户被冻结了，还能续贷吗？", "no"),
])
def test_a_state_denied_at_this_bank_held_at_another_is_unsettled(question, expected):
    rule = "(七)借款人在我行账户未处于冻结或止付状态;"
    assert _verdict(rule, question, REQ) == expected


def test_a_rule_reaching_every_bank_is_failed_at_another():
    rule = "(七)借款人在我行及他行均无逾期记录;"
    assert _verdict(rule, "客户在他行有逾期记录，能续贷吗？", REQ) == "no"


@pytest.mark.parametrize("question,expected", [
    # the question denies owing, the rule denies settling: the negations do not cancel
    ("客户没有欠过利息，能续贷吗？", "depends"),
    ("客户没欠过利息，能续贷吗？", "depends"),
    # the question denies the rule's own verb: it states the excluded state
    ("客户有利息没有结清，能续贷吗？", "no"),
])
def test_negations_of_different_verbs_do_not_cancel(question, expected):
    assert _verdict("(一)现有存量贷款存在未结清利息的;", question, EXCL) == expected


@pytest.mark.parametrize("question,expected", [
    # the rule names who settles the term: asking whether they may settle it is answered 可以
    ("续贷期限能跟客户协商着定吗？", "yes"),
    ("Can the renewal term be negotiated with the borrower?", "yes"),
])
def test_who_settles_a_thing_may_settle_it(question, expected):
    assert _verdict("贷款期限由借贷双方协商确定。", question) == expected


@pytest.mark.parametrize("question,expected", [
    # 名单库 and 名单范围: one first word, two nouns of extent — one extent
    ("没进名单库的客户能办续贷吗？", "no"),
    ("客户已经在名单库里了，能办续贷吗？", "yes"),
])
def test_two_extent_nouns_of_one_word_name_one_extent(question, expected):
    assert _verdict("续贷业务实行名单制管理,未纳入名单范围的客户不得办理续贷业务。", question,
                    df=lambda t: 1 if "名单" in t else 20) == expected


@pytest.mark.parametrize("question,expected", [
    # an adverb of the question (单独) in the rule's negated part states no fact: the act it modifies differs
    ("银行可以给续贷贷款单独定一个差异化的容忍度目标吗？", "yes"),
    # a noun the rule negates, stated, still fails it
    ("银行可以把续贷贷款作为下调分类的因素吗？", "no"),
])
def test_an_adverb_states_no_fact(question, expected):
    rule = "各机构要对续贷贷款设置差异化的容忍度目标，不应单独将续贷贷款作为下调分类的因素。"
    assert _verdict(rule, question) == expected


@pytest.mark.parametrize("question,expected", [
    # the time left said before the event (还有10天就到期), the act in the next clause
    ("贷款还有10天就到期，客户今天才来交申请，可以吗？", "no"),
    ("贷款还有两个月才到期，客户今天来交申请，可以吗？", "yes"),
])
def test_time_left_before_the_event_is_a_lead_time(question, expected):
    assert _verdict(LEAD_TIME, question) == expected


@pytest.mark.parametrize("question,expected", [
    # a relative time word puts the event some days from today
    ("客户原贷款下周五就到期，今天才来交书面续贷申请，合规吗？", "no"),
    ("客户明天到期，今天来申请续贷，行吗？", "no"),
    # 下个月 may be more or less than a month away
    ("客户下个月到期，今天来交申请，可以吗？", "depends"),
])
def test_a_relative_time_word_dates_the_event(question, expected):
    assert _verdict(LEAD_TIME, question) == expected


@pytest.mark.parametrize("question,whether", [
    # no yes/no grammar, yet the comparison asks whether each document allows it
    ("质押方式的贷款续贷，农商行和续贷通办法哪个卡得紧？", True),
    ("借款人有民间借贷的，各家谁更严？", True),
    # a quantity asked: limits answer it, not verdicts
    ("注销抵押登记要多长时间办结，两份文件一致吗？", False),
    ("续贷额度上限各家一样吗？", False),
    # a mechanism asked, in words or as an alternative
    ("续贷是到期前申请还是到期后申请，各家一样吗？", False),
    # a list of materials asked: the rows are lists, not verdicts
    ("两家续贷需要提交的申请材料有什么不同？", False),
])
def test_a_comparison_asking_no_quantity_or_mechanism_asks_whether(question, whether):
    from assistant.consistency import asks_whether
    assert asks_whether(analyse(question)) is whether


@pytest.mark.parametrize("question,expected", [
    # 期间… continues the sentence before it: 名单 held there is what it speaks of too
    ("没进名单的客户能办续贷吗？", "depends"),
    ("客户没进名单库，临时要办，能办吗？", "depends"),
])
def test_a_sentence_opening_with_a_back_reference_carries_the_words_before_it(question, expected):
    from assistant.reason import carried_words
    first, then = read_text("x/a3", "x", "(五)业务实行名单制管理,每年初上报名单。期间因特殊情况需要临时申请办理的,可视实际情况酌情调整。")
    q = analyse(question)
    carried = carried_words(q, then, first)
    assert any("名单" in w for w in carried)
    st = stance(q, then, idf_weights(q, lambda _t: 3, 100), RENEWAL, carried=carried)
    assert st is not None and st.verdict == expected
    # no back-reference, nothing carried
    other = read_text("x/a3", "x", "(五)业务实行名单制管理。因特殊情况需要临时申请办理的,可视实际情况酌情调整。")
    assert carried_words(q, other[1], other[0]) == frozenset()


@pytest.mark.parametrize("question,agent", [
    # the noun of a passive before its verb is who acted (被法院冻结)
    ("客户的结算账户被法院冻结了，续贷还能办吗？", "法院"),
    ("客户的账户被冻结了，续贷还能办吗？", None),
])
def test_a_passives_agent_is_who_acted(question, agent):
    q = analyse(question)
    assert [c.members[0] for c in q.concepts if id(c) in q.agents] == ([agent] if agent else [])


def test_a_passives_agent_the_rule_does_not_name_is_not_missed():
    rule = "(七)借款人在我行账户未处于冻结或止付状态;"
    # the agent weighs most (a word the corpus seldom uses): counted as missed, the reading would hold
    # too little of the question
    df = lambda t: 1 if t == "法院" else 20
    assert _verdict(rule, "客户在我行的结算账户被法院冻结了，续贷还能办吗？", lead=REQ, df=df) == "no"


@pytest.mark.parametrize("question,gone,kept", [
    # an English term glossed in Chinese right after it: the gloss names the thing
    ("The original loan is classified as special-mention (关注类). Can it still be renewed?", ["special", "mention"], ["关注类"]),
    ("Is a loan graded 'sub standard' (次级类) eligible?", ["sub", "standard"], ["次级类"]),
    # no gloss, the English words stay
    ("The original loan is classified as special mention. Can it still be renewed?", [], ["special", "mention"]),
])
def test_an_english_term_glossed_in_chinese_is_said_by_the_gloss(question, gone, kept):
    words = {m for c in analyse(question).concepts for m in c.members}
    assert not words & set(gone) and set(kept) <= words


def test_when_a_stated_event_was_is_no_word_a_clause_must_hold():
    q = analyse("客户的账户前两天被冻结了，续贷还能办吗？")
    assert not any("前两天" in c.members for c in q.concepts)
    assert not any(n.unit == "日" for n in q.numbers)


@pytest.mark.parametrize("word,forms", [
    # a one-character verb fused with a glossary word as its object is about its object
    ("放高利贷", ("高利贷", "民间高利借贷")),
    # no glossary word after the verb, or no verb before it: nothing
    ("放款项", ()),
    ("民间借贷", ()),
    # a two-character object may be cut out of another word (存续|期); a negator is no verb
    ("存续期", ()),
    ("没商量", ()),
])
def test_a_verb_fused_with_its_object_is_about_the_object(word, forms):
    from assistant.question import fused_object
    assert fused_object(word) == forms


def test_a_fused_verb_object_meets_the_rule_on_its_object():
    rule = "(七)企业主行为规范,无参与民间高利借贷(包括借入和借出)行为;"
    assert _verdict(rule, "企业老板私下往外放高利贷，续贷能批吗？", lead=REQ) == "no"


@pytest.mark.parametrize("question,expected", [
    # after a negated mention, an adversative clause affirming what the rule forbids states it
    ("老板没借高利贷，但把钱高息借给了别人，能续贷吗？", "no"),
    # without the turn, both denied: the condition is met
    ("老板没借高利贷，也没有高息借给别人，能续贷吗？", "depends"),
    # a turn to something the rule does not hold leaves the denial standing
    ("老板没借高利贷，但是企业经营一般，能续贷吗？", "depends"),
    # …and so does a turn to a word the rule holds outside what it forbids
    ("老板没借高利贷，但企业主行为规范，能续贷吗？", "depends"),
])
def test_an_adversative_clause_states_what_it_affirms(question, expected):
    assert _verdict("(七)企业主行为规范,无参与民间高利借贷(包括借入和借出)行为;", question, lead=REQ) == expected


@pytest.mark.parametrize("question,word,negated", [
    # a corpus word a question word maps to (高息 → 高利) inside another, negated word (没借高利贷) is
    # no mention of it
    ("老板没借高利贷，但把钱高息借给了别人，能续贷吗？", "高息", False),
    ("老板没借高利贷，能续贷吗？", "高利贷", True),
    ("老板没有高息借钱给别人，能续贷吗？", "高息", True),
])
def test_a_concept_is_negated_where_the_question_says_it(question, word, negated):
    q = analyse(question)
    assert q.concept_negated(next(c for c in q.concepts if word in c.members)) is negated


@pytest.mark.parametrize("question,expected", [
    # a time after which the event comes, from today (10天后到期), is the time left
    ("客户贷款10天后到期，今天才来交书面续贷申请，可以吗？", "no"),
    ("客户贷款两个月后才到期，今天来交申请，可以吗？", "yes"),
])
def test_a_time_from_now_to_the_event_is_the_time_left(question, expected):
    assert _verdict(LEAD_TIME, question) == expected


@pytest.mark.parametrize("question,expected", [
    # the event's subject may stand between the time word and the event (下周五贷款就到期)
    ("客户下周五贷款就到期，今天才来交申请，可以吗？", "no"),
    # a word of the present times the act at today, though no verb of applying is said
    ("客户下周五就到期，今天才来说要续贷，可以吗？", "no"),
])
def test_a_relative_time_word_dates_the_event_across_its_subject(question, expected):
    assert _verdict(LEAD_TIME, question) == expected


@pytest.mark.parametrize("question,expected", [
    # two days of this month and the next, said the same way, reckon the lead
    ("原贷款下个月10号到期，客户这个月底才交申请，可以吗？", "no"),
    ("原贷款下个月底到期，客户这个月初就交申请，可以吗？", "yes"),
])
def test_days_of_this_month_and_the_next_reckon_the_lead(question, expected):
    assert _verdict(LEAD_TIME, question) == expected


@pytest.mark.parametrize("question,expected", [
    # last month's day (上月20号) is before this month's: the act comes after the event
    ("原贷款上月20号到期，客户这个月5号才来申请，可以吗？", "no"),
    # today, said of the event, is no lead at all
    ("贷款今天到期，客户今天才来申请，可以吗？", "no"),
])
def test_last_month_and_today_date_the_event(question, expected):
    assert _verdict(LEAD_TIME, question) == expected


@pytest.mark.parametrize("rule", [
    # the event's day (到期日前) and a bound after 前 (前至少30天) still time the act before the event
    "客户应于原贷款到期日前30天提出书面续贷申请。",
    "客户应在原贷款到期前至少30天提出书面续贷申请。",
])
def test_a_lead_before_the_events_day_or_with_a_bound(rule):
    assert _verdict(rule, "贷款还有10天就到期，客户今天才来交申请，可以吗？") == "no"


@pytest.mark.parametrize("question,expected", [
    # the event dated in words no reckoning reads: the rule's time is to be checked, never 可以
    ("客户贷款月底就到期，今天才来交申请，可以吗？", "depends"),
    ("客户贷款过几天就到期，今天才来交申请，可以吗？", "depends"),
])
def test_a_time_limit_against_an_undated_lead_is_to_be_checked(question, expected):
    assert _verdict(LEAD_TIME, question) == expected


@pytest.mark.parametrize("question,text,skipped", [
    # a word the rule negates itself, negated in the question too, agrees with the rule: nothing is skipped
    ("抵押权还没注销，能先办二押吗？", "在第一顺位抵押权未注销的情况下,进行二次顺位抵押", False),
    # …while a word the rule requires, negated in the question, is asked to be skipped
    ("能不重新评估吗？", "需重新对抵押物价值进行评估", True),
    ("抵押权还没注销，能不办二次顺位抵押吗？", "在第一顺位抵押权未注销的情况下,进行二次顺位抵押", True),
    # 未经X不予… requires X: a question skipping X skips what the rule requires
    ("能不重新评估就续贷吗？", "未经重新评估不予续贷。", True),
    ("能不重新评估就续贷吗？", "未重新评估前不发放续贷。", True),
])
def test_a_question_skips_only_what_the_rule_does_not_negate_itself(question, text, skipped):
    from assistant.reason import _negates_any
    assert _negates_any(analyse(question), text) is skipped


@pytest.mark.parametrize("question,expected", [
    # 有笔/某笔 (有一笔 with its numeral dropped) picks one loan as 这笔 does: the per-loan count decides
    ("有笔贷款已经续过2次了，想再续一次，行吗？", "no"),
    ("某笔贷款已经续过两次了，还能再续吗？", "no"),
    ("这笔贷款已经续过两次了，还能再续吗？", "no"),
    # …not 所有笔 (every loan) nor 笔数
    ("客户所有笔贷款续贷次数合起来是3次，还能续吗？", "depends"),
])
def test_an_existential_classifier_picks_one_loan(question, expected):
    assert _verdict(COUNTS, question) == expected


@pytest.mark.parametrize("verdicts,voting", [
    # one document excludes the kind asked: the others' rules on when renewal happens do not vote
    ({"x1": ("no", "存单质押"), "x2": ("yes", "到期"), "x3": ("no", "到期")}, ["x1"]),
    # a 可以 on the thing asked leaves them voting: when to renew is still part of the answer
    ({"x1": ("yes", "抵押贷款"), "x2": ("yes", "到期"), "x3": ("no", "到期")}, ["x1", "x2", "x3"]),
    ({"x2": ("yes", "到期"), "x3": ("no", "到期")}, ["x2", "x3"]),
])
def test_an_excluded_kind_outweighs_rules_on_when_renewal_happens(verdicts, voting):
    from assistant.reason import Stance, beyond_timing
    r = read_text("x/a1", "x", "续贷是指在原贷款到期后办理的贷款业务。", "")[0]
    per_doc = {d: Stance(v, r, 0.5, term, "") for d, (v, term) in verdicts.items()}
    assert sorted(beyond_timing(per_doc)) == voting


def _verdict_among(rules: list[str], question: str) -> str | None:
    q = analyse(question)
    weights = idf_weights(q, lambda _t: 3, 100)
    found = [st for i, rule in enumerate(rules) for r in read_text(f"x/a{i + 1}", "x", rule, "")
             if (st := stance(q, r, weights, RENEWAL)) is not None]
    return max(found, key=lambda st: st.strength).verdict if found else None


@pytest.mark.parametrize("question,expected", [
    # a date told in passing: the clause on what is asked decides, the undated lead does not outweigh it
    ("客户贷款年底到期，个体工商户也能办续贷吗？", "yes"),
    ("经营贷下个季度到期，个体工商户能不能续贷？", "yes"),
])
def test_an_undated_lead_weighs_as_much_as_its_clause_is_about_the_question(question, expected):
    rules = [LEAD_TIME, "本办法适用于小微企业及个体工商户的流动资金贷款续贷。"]
    assert _verdict_among(rules, question) == expected


def test_a_time_before_another_act_is_no_lead_before_the_event():
    # 续贷前一年 is a period the ratio is measured over, not a lead time before maturity
    rule = "(十)资金回笼率在5%(含)以上,资金回笼率是指续贷客户在续贷前一年销售货款日均余额与续贷前贷款最高余额的比例;"
    assert _verdict(rule, "客户资金回笼率8%，贷款两个月后到期，今天来交申请，符合吗？") == "yes"


@pytest.mark.parametrize("question,expected", [
    # 来得及 asks whether the act is still allowed in time: like 还能办吗, it names nothing the rule must hold
    ("原贷款已经到期了，客户这才来办续贷，还来得及吗？", "no"),
    ("原贷款已经到期了，客户这才来办续贷，还能办吗？", "no"),
])
def test_in_time_asks_as_a_permission_does(question, expected):
    assert _verdict(LEAD_TIME, question) == expected


LIST_EXCEPTION = "(五)业务实行名单制管理,每年初上报名单。期间因特殊情况需要临时申请办理的,可视实际情况酌情调整。"


@pytest.mark.parametrize("question", [
    # feasibility said the spoken way (还有机会吗, 还有戏吗) asks as 还能办吗 does
    "客户年初没报进名单，现在临时要办，还有机会吗？",
    "客户年初没报进名单，现在临时要办，还有戏吗？",
    # …and so does a possibility (有没有可能, 还有可能…吗)
    "客户年初没报进名单，现在临时要办，有没有可能办？",
])
def test_a_chance_asked_is_a_permission_asked(question):
    q = analyse(question)
    weights = idf_weights(q, lambda _t: 3, 100)
    exception = read_text("x/a1", "x", LIST_EXCEPTION)[-1]
    st = stance(q, exception, weights, RENEWAL)
    assert st is not None and st.verdict == "depends"


@pytest.mark.parametrize("rule,question,expected", [
    # 小微 abbreviates two sizes (小型, 微型): a rule for them excludes a 中型企业 …
    ("第九条续贷业务仅适用于小微企业流动资金贷款。", "中型企业能续贷吗？", "no"),
    # … and 中小 (中型, 小型) names it
    ("第四条业务适用的对象为本行中小企业流动资金贷款和个人经营性贷款。", "中型企业能办这个业务吗？", "yes"),
    ("第四条业务适用的对象为本行中小企业流动资金贷款和个人经营性贷款。", "大型企业能办这个业务吗？", "no"),
    ("第四条业务适用的对象为本行中小企业流动资金贷款和个人经营性贷款。", "小型企业能办这个业务吗？", "yes"),
    ("第九条续贷业务仅适用于小微企业流动资金贷款。", "微型企业能续贷吗？", "yes"),
    # a size smaller than the compound's may be inside it by usage (中小企业 of 工信部 counts 微型): unsettled
    ("第四条业务适用的对象为本行中小企业流动资金贷款和个人经营性贷款。", "微型企业能办这个业务吗？", None),
    # a compound inside a longer one (小微 of 中小微企业) abbreviates nothing
    ("第九条续贷业务仅适用于中小微企业流动资金贷款。", "中型企业能续贷吗？", None),
    # the copula's complement may carry an attributive phrase before its noun (为…资质良好的小微企业)
    ("第五条续贷业务适用的对象为专注实体经济、资质良好的小微企业贷款客户(含个体工商户)。", "中型企业能续贷吗？", "no"),
    ("第五条续贷业务适用的对象为专注实体经济、资质良好的小微企业贷款客户(含个体工商户)。", "小型企业能续贷吗？", "yes"),
])
def test_a_compound_abbreviating_two_values_of_a_classification(rule, question, expected):
    assert _verdict(rule, question) == expected


@pytest.mark.parametrize("term,text,spoken", [
    ("中型企业", "续贷业务仅适用于小微企业。", True),
    ("关注类", "原贷款为正常类。", True),
    # 保证金 is no kind of loan by its security: 信用金, 抵押金 are no words
    ("保证金", "原保证人同意继续承担担保责任。", False),
])
def test_a_value_of_a_classification_is_spoken_of_through_its_family(term, text, spoken):
    from assistant.reason import family_spoken_of
    assert family_spoken_of(term, text) is spoken


def test_a_value_said_with_its_head_retrieves_its_siblings_words():
    from assistant.reason import family_words
    assert {"小型企业", "中小企业"} <= set(family_words("中型企业"))
    assert family_words("保证金") == []


@pytest.mark.parametrize("question,names,idle,kept", [
    # a part of the word that named the document
    ("农商行的办法里质押贷款能续吗？", ["农商行"], "农商行", "质押贷款"),
    # a full institution name said short names the document as its short form does (an English
    # question's compound: rural commercial bank → 农村商业银行)
    ("At the rural commercial bank, can a pledged loan be renewed?", ["农商行"], "农村商业银行", "质押贷款"),
    # a document's kind word points at the rules: 「办法里认可这种情况吗」 asks nothing of 办法
    ("原来是信用贷款，续贷改成担保贷款，办法里准许吗？", [], "办法", "担保贷款"),
    # …but a kind word that is an act of the story (通知担保人) is asked when no document is named
    ("续贷需要通知担保人吗？", [], None, "通知"),
])
def test_words_that_only_say_which_rules_are_meant(question, names, idle, kept):
    from assistant.answer import naming_words
    q = analyse(question).english_compounds(lambda w: w in "本行为农村商业银行；不含质押贷款")
    words = naming_words(q.concepts, names, q.norm)
    assert (idle is None or idle in words) and kept not in words


@pytest.mark.parametrize("word", ["是否", "能否", "可否", "有无", "要否"])
def test_a_whether_word_asks_and_names_nothing(word):
    q = analyse(f"质押贷款{word}续贷？")
    assert q.kind == "yesno" and not any(word in c.members for c in q.concepts)


@pytest.mark.parametrize("rule,question,expected", [
    # a classification asked by its name (分类) is spoken of by a rule naming one of its values
    ("(四)原贷款为正常类,并且通过征信查询他行融资也为正常类,符合本行新发放贷款条件和标准的。",
     "续贷要不要查客户在别的银行的贷款分类？", "yes"),
    ("(四)原贷款为正常类。", "续贷要不要看贷款的五级分类？", "yes"),
    # a rule naming no value of it says nothing of the classification
    ("(四)借款人在他行融资无不良记录。", "续贷要不要查客户贷款的分类？", None),
    # …though a rule on other banks' financing asks for a check of other banks' loans (其他银行 = 他行)
    ("(四)借款人在他行融资无不良记录。", "续贷要不要查客户在别的银行的贷款分类？", "yes"),
])
def test_a_classification_asked_by_name_is_spoken_of_by_its_values(rule, question, expected):
    assert _verdict(rule, question, REQ) == expected


@pytest.mark.parametrize("question,idle,kept", [
    # 行 closing a clause is the predicate 「okay」: a word jieba glued to it names nothing
    # (the loan hung on buying 理财 is read as the tied sale it is: 搭售)
    ("续贷客户必须买理财才给办，这样做行吗？", "做行", "搭售"),
    ("个体工商户能办续贷吗？还是只有公司才行？", "才行", "个体工商户"),
    # …also closing a clause before a comma
    ("续贷沿用原来的合同就行，不用重新签了吧？", "就行", "合同"),
    # …and 不行 closing a clause is the officer's guess at the verdict
    ("客户另外找了一家公司担保，换担保人应该不行吧？", "不行", "担保人"),
    ("抵押物换成设备不行吗？", "不行", "设备"),
    # …with an adverb before it (还行吗), however the dictionary lists 还行, and after a verb the tagger calls a
    # preposition (这样用|行吗)
    ("原流贷上周已经到期了，现在再来办续贷还行吗？", "还行", "续贷"),
    ("续贷的钱拿一部分去买机床，这样用行吗？", "用行", "机床"),
    # …while 他行 is a bank, going on to 融资 or closing a clause
    ("客户在他行融资是关注类，能续贷吗？", None, "他行"),
    ("客户有笔贷款在他行，还能续贷吗？", None, "他行"),
])
def test_okay_glued_to_a_word_names_nothing(question, idle, kept):
    words = {m for c in analyse(question).concepts for m in c.members}
    assert kept in words and (idle is None or idle not in words)


@pytest.mark.parametrize("question,word,gains", [
    # an adjective said comparatively asks for the change the documents name with 化 (简单 → 简化)
    ("续贷审批能不能比新发放贷款走得简单一点？", "简单", True),
    ("续贷审批可以更简便些吗？", "简便", True),
    # …not an adjective said plainly, nor a 化 word the documents never use
    ("续贷的手续简单吗？", "简单", False),
    ("续贷审批能不能比新贷款走得快捷一点？", "快捷", False),
])
def test_an_adjective_said_comparatively_asks_for_its_verbalized_change(question, word, gains):
    corpus = "续贷审批流程应当简化；不得简化操作程序"
    q = analyse(question).verbalized(lambda w: w in corpus)
    members = next(c.members for c in q.concepts if word in c.members)
    assert ("简化" in members) is gains


@pytest.mark.parametrize("question,specific", [
    # the loan applied for in a question whether the story meets the conditions is the act…
    ("企业去年有过一次欠税，现在申请流动资金贷款还符合条件吗？", False),
    # …not a loan asked about for its requirements, nor one the customer already holds
    ("申请流动资金贷款有什么要求？", True),
    ("企业去年有过一次欠税，已办理的流动资金贷款还符合条件吗？", True),
])
def test_the_loan_applied_for_is_the_act_of_an_eligibility_question(question, specific):
    from assistant.question import _specific
    q = analyse(question)
    c = next(c for c in q.concepts if "流动资金贷款" in c.members)
    assert _specific(c, q.asking) is specific


@pytest.mark.parametrize("question,word,kept", [
    ("客户欠过息，这种做法准许吗？", "做法", False),
    # 这样 + a situation noun, and the use or manner the story told (这个用途, 这种方式)
    ("客户想先还一半，这样操作可以吗？", "操作", False),
    ("续贷资金拿去搞研发，这个用途是允许的吧？", "用途", False),
    ("续贷的资金用途有什么限制？", "用途", True),
    # 该 of 应该 is a modal, not a demonstrative
    ("到期前应该操作续贷吗？", "操作", True),
    # a demonstrative moment (这时候, 这种时候, 此时) is the story's moment: it names nothing asked
    ("账户被冻结了，还没解冻，这时候能续贷吗？", "这时", False),
    ("账户被冻结了，此时能续贷吗？", "此时", False),
    ("账户被冻结了，等解冻了，到时候能续贷吗？", "到时候", False),
])
def test_only_a_demonstrative_points_back(question, word, kept):
    assert any(word in c.members for c in analyse(question).concepts) is kept


def test_an_adjective_after_bi_alone_is_comparative():
    q = analyse("续贷审批能不能比新贷款简单？").verbalized(lambda w: w == "简化")
    assert any("简化" in c.members for c in q.concepts)


def test_the_head_of_a_family_name_names_it_only_as_a_classification():
    # 用途 (head of 贷款用途) is no classification: a rule naming 流动资金贷款 says nothing of it
    assert _verdict("流动资金贷款可以申请续贷。", "用途不明确的贷款能续贷吗？") is None


def test_a_year_in_an_english_story_names_no_document():
    both = dict(DOCS, y24={"title": "2024年小微企业续贷实施细则", "issuer": "未注明", "kind": "实施细则"})
    assert DocNamer(both).named(analyse("Under the 2024 renewal rules, can a pledged loan be renewed?").norm) == ["y24"]
    assert DocNamer(both).named(analyse("The client was overdue in 2024; can the loan be renewed?").norm) == []


@pytest.mark.parametrize("question,docs", [
    ("2024细则里，续贷资金能买设备吗？", ["y24"]),        # the year and the kind word, 年 dropped
    ("按2024实施细则，续贷资金能买设备吗？", ["y24"]),
    ("2024年细则里，续贷资金能买设备吗？", ["y24"]),
    ("客户有2024笔流水，细则里能续贷吗？", []),           # the year's digits alone name nothing
])
def test_a_dated_title_is_named_by_its_year_and_kind(question, docs):
    both = dict(DOCS, y24={"title": "2024年小微企业续贷实施细则", "issuer": "未注明", "kind": "实施细则"})
    assert DocNamer(both).named(analyse(question).norm) == docs


WINDOW = "(三)申请人近三年内无偷税漏税、拖欠工资等不良记录。"


@pytest.mark.parametrize("question,expected", [
    ("企业两年前偷税漏税被查过，还能续贷吗？", "no"),          # inside the window: the rule of absence fails
    ("企業半年前拖欠過工資，能續貸嗎？", "no"),
    ("企业五年前偷税漏税被查过，偷税漏税这条能过吗？", "yes"),   # before the window: the event does not bear on it
    ("企业三年多以前拖欠工资，这一条还卡不卡？", "yes"),
    ("企业五年前偷税漏税被查过，现在能续贷吗？", "depends"),     # …and the other conditions are still to check
    ("企业三年前偷税漏税，还能续贷吗？", "depends"),           # on the window's edge the date decides
    ("企业两年前被起诉过，能续贷吗？", None),                  # the dated event is another than the one denied
    ("企业五年前偷税漏税，去年又拖欠过工资，还能续贷吗？", "no"),  # the latest instance decides
])
def test_a_stated_event_is_dated_against_the_look_back_window(question, expected):
    assert _verdict(WINDOW, question, REQ) == expected


@pytest.mark.parametrize("question,expected", [
    ("客户一年前欠过一期利息，欠息这条能过吗？", "no"),       # 欠息 said split by an aspect mark: 欠过…息
    ("客户五年前欠了两期利息，欠息这条能过吗？", "yes"),
    ("客户三年前欠过一次息，上个月又欠了一次息，欠息这条能过吗？", "no"),   # of two dated instances the latest decides
])
def test_the_event_a_window_denies_may_be_said_split(question, expected):
    assert _verdict("(三)近两年无欠息记录。", question, REQ) == expected


@pytest.mark.parametrize("rule,question,expected", [
    # a modifier inside the rule's compound (高息) the story does not say: a narrower kind is barred
    ("(七)企业主无参与民间高息借贷行为;", "老板借过些民间的钱，还能续贷吗？", "depends"),
    ("(七)企业主无参与民间高息借贷行为;", "老板借过民间高息借贷，还能续贷吗？", "no"),
    # the word and its head only (民间借贷): the kind the story states is the one barred
    ("(七)企业主无参与民间借贷行为;", "老板借过些民间的钱，还能续贷吗？", "no"),
    ("(四)企业无对外违规担保行为;", "企业做过对外违规担保，能续贷吗？", "no"),
    # a verb after the asked word lists another event, no modifier (逾期欠息不良记录)
    ("(三)借款人无逾期欠息不良记录;", "借款人有过逾期，能续贷吗？", "no"),
])
def test_a_rule_barring_a_narrower_kind_than_the_story_states_leaves_it_open(rule, question, expected):
    assert _verdict(rule, question, REQ) == expected


# 临时 is rarer in the documents than 名单: missed, it would outweigh what the rule holds
_MANNER_DF = {"临时": 1}


@pytest.mark.parametrize("rule,question,expected", [
    # a rule forbidding the act forbids it however it is done: 临时 before the verb is not missed
    ("续贷业务应实行名单制管理,未纳入名单范围的客户不得办理续贷业务。", "没进续贷名单的客户能不能临时办续贷？", "no"),
    # said of the loan asked for (临时贷款), not of how the act is done, the word is what is asked: missed
    ("续贷业务应实行名单制管理,未纳入名单范围的客户不得办理续贷业务。", "没进名单的客户能不能办临时贷款？", None),
    # a permission is of the act as it words it: the manner it does not hold stays missed
    ("名单内客户可以办理续贷业务。", "名单内的客户能不能临时办续贷？", None),
    # …and so it is where a prohibition's words held lie outside what it forbids (须…审批, 不得简化)
    ("续贷业务须视同新增业务如实进行调查、审查和审批,不得简化操作程序。", "续贷审批能不能临时加急？", None),
])
def test_a_prohibition_of_an_act_reaches_every_manner_of_it(rule, question, expected):
    assert _verdict(rule, question, df=lambda t: _MANNER_DF.get(t, 20)) == expected


@pytest.mark.parametrize("question,rule,standard_word,in_standard", [
    # the comparison's predicate said by the rule in the word the question's adjective asks for (简单 →
    # 简化): the words of the standard (比新放一笔贷款) are the comparison's, not missed by the rule
    ("续贷审批能不能比新放一笔贷款走得简单些？", "续贷审批流程应当简化、规范。", "一笔", True),
    ("续贷审批能不能比新放一笔贷款走得简单些？", "续贷业务须如实进行审批,不得简化操作程序。", "一笔", True),
    # a rule without the predicate in either word speaks of no comparison
    ("续贷审批能不能比新放一笔贷款走得简单些？", "续贷审批由分行负责。", "一笔", False),
])
def test_a_comparison_is_stated_in_the_verbalized_word(question, rule, standard_word, in_standard):
    q = analyse(question).verbalized(lambda w: w == "简化")
    c = next(c for c in q.concepts if standard_word in c.members)
    assert q.in_standard(c, rule) is in_standard


@pytest.mark.parametrize("question,expected", [
    # the loan's own figure (贷款300万) is the one the amount limit measures; a figure said of another
    # thing (销售货款日均余额30万) joins it only through the topic's 金额, and is not the loan's amount
    ("某企业在我行贷款300万，前一年销售货款日均余额30万，金额够不够续贷门槛？", "yes"),
    ("某企业在我行贷款150万，前一年销售货款日均余额300万，金额够不够续贷门槛？", "no"),
    ("某企业在我行贷款300万，资金缺口30万，金额够不够续贷门槛？", "yes"),
    # with no figure said of the loan, the one the topic links is still read
    ("客户这笔续贷金额150万，够不够门槛？", "no"),
])
def test_the_loans_own_figure_is_the_one_its_limit_measures(question, expected):
    assert _verdict("(九)单笔贷款额度200万元(含)以上;", question, REQ) == expected


@pytest.mark.parametrize("rule,question,expected", [
    # what an obligation is laid on (审批流程) is no fact the story must have: denying it fails nothing
    ("续贷审批流程应当简化、规范。", "续贷审批是不是可以简化一点，不用像新贷款那样走全流程？", "yes"),
    # a fact after the modal is what the obligation asks for: denied, it fails the rule
    ("续贷须经原担保人书面同意。", "原担保人没有书面同意，能续贷吗？", "no"),
    # a condition before the modal (若…) is no subject: a story denying it is outside the obligation
    ("若抵押类贷款评估报告超过有效时限,需重新对抵押物价值进行评估;", "评估报告还没超过有效时限，需要重新评估吗？", "no"),
])
def test_an_obligations_subject_is_no_stated_fact(rule, question, expected):
    # (简化 and 同意 rarer in the documents than 流程 and 担保人, as they are)
    assert _verdict(rule, question, df=lambda t: 1 if t in ("简化", "同意", "书面") else 10) == expected


@pytest.mark.parametrize("rule,question,expected", [
    # a kind of a way of securing (存单质押) is excluded with the way said bare as a loan's (质押贷款)
    ("第五条续贷适用得范围只限于保证与抵押方式贷款,不含信用贷款、质押贷款。", "存单质押贷款能续贷吗？", "no"),
    ("第五条续贷适用得范围只限于保证与抵押方式贷款,不含信用贷款、质押贷款。", "客户是应收账款质押的贷款，能续贷吗？", "no"),
    # the way said only with another kind's modifier (应收账款质押) is that kind, not the whole
    ("不包括应收账款质押、银行承兑汇票质押等贷款业务。", "股权质押贷款能续贷吗？", None),
    # …and said of another thing than the loan (质押合同) it is not the loan's way
    ("抵、质押合同签订后,应重新办理合法抵、质押登记手续。", "存单质押贷款能续贷吗？", None),
    # a word before 信用 says whose credit it is (企业信用), no kind of credit loan
    ("第五条续贷适用得范围只限于保证与抵押方式贷款,不含信用贷款、质押贷款。", "企业信用很好，没有不良记录，能续贷吗？", None),
])
def test_a_kind_of_a_way_of_securing_falls_under_the_way_said_bare(rule, question, expected):
    assert _verdict(rule, question) == expected


@pytest.mark.parametrize("question,expected", [
    # what an obligation asks for (借款合同, after its modal) is what it answers, however rare the word
    # of whom it is laid on (经办行社)
    ("经办行社续贷时要不要跟借款人重新签借款合同？", "yes"),
])
def test_an_obligation_answers_for_what_it_asks_not_what_it_is_laid_on(question, expected):
    rule = "经办行社必须与借款人重新签订借款合同。"
    assert _verdict(rule, question, df=lambda t: 1 if t == "经办行社" else 5) == expected


@pytest.mark.parametrize("question,expected", [
    # a figure said of a measure noun of its own (年销售金额, 评估价值) measures that thing, not the loan
    # (the loan's own 1000万 meets the cap; the rest of the story is unsettled: 视情况而定, never 不可以)
    ("企业贷款1000万，年销售金额2000万，能续贷吗？", "depends"),
    ("企业贷款1000万，抵押物评估价值2000万，能续贷吗？", "depends"),
    ("企业这笔续贷金额2000万，能续贷吗？", "no"),
])
def test_a_figure_of_its_own_measure_noun_is_not_the_loans(question, expected):
    assert _verdict("企业单笔续贷额度控制在1500万元及以下。", question, REQ) == expected


@pytest.mark.parametrize("question", ["银行直接抽贷，没什么问题吧？", "续贷资金拿去买设备，没有什么影响吧？"])
def test_a_negated_indefinite_asks_for_a_verdict_and_names_nothing(question):
    q = analyse(question)
    assert q.asks_verdict and not any(m.startswith(("没什么", "没有什么")) for c in q.concepts for m in c.members)
    # the noun after it asks whether the story is all right: it names nothing
    assert not any(m in ("问题", "影响") for c in q.concepts for m in c.members)


@pytest.mark.parametrize("question,word,kept", [
    # a word judging the act against the rules, as the predicate closing a clause, asks whether the act
    # is allowed (as 行吗 does): it names nothing a rule is about
    ("支行要求客户买理财才给续，这样操作合规吗？", "合规", False),
    # …not a fact the story states, negated or before the asking clause
    ("企业经营不合规，能续贷吗？", "合规", True),
    ("企业经营不规范，能续贷吗？", "规范", True),
    ("续贷时向企业收咨询费，算不算违规？", "违规", False),
    ("先放款后签合同，这样妥当吗", "妥当", False),
    # …nor a spoken word that it passes (过得去吗, 能过关吗), asked of the story's figure
    ("企业原来贷了1200万，这次原额续1200万，额度上过得去吗？", "过得去", False),
    ("个体户续贷250万，这一关能过关吗？", "过关", False),
    # …not a word of the story or of what is asked about
    ("企业要依法合规经营才能续贷吗？", "合规", True),
    ("企业有过违规经营记录，还能续贷吗？", "违规", True),
])
def test_a_judging_predicate_names_nothing(question, word, kept):
    assert any(word in c.members for c in analyse(question).concepts) is kept


@pytest.mark.parametrize("text,unfolded", [
    # a potential complement inside a separable verb, or after a light verb, is the modal it means
    ("是不是就续不了贷了？", "是不是就不能续贷了？"),
    ("续贷通就办不了了吧", "续贷通就不能办了吧"),
    ("这笔办得了吗", "这笔能办吗"),
    # 用不了 is mostly 「will not need」
    ("企业其实用不了那么多钱", "企业其实用不了那么多钱"),
    # idioms built on 不了 keep their own meaning
    ("少不了材料", "少不了材料"),
    ("免不了要跑一趟", "免不了要跑一趟"),
])
def test_a_potential_complement_is_read_as_its_modal(text, unfolded):
    from assistant.question import unfold_potential
    assert unfold_potential(text) == unfolded


def test_a_separable_verb_split_by_a_potential_complement_is_read_whole():
    q = analyse("抵押物贬值了，是不是就续不了贷了？")
    assert any("续贷" in c.members for c in q.topic) and q.kind == "yesno"


@pytest.mark.parametrize("clause,word,named", [
    # a kind word governed by a preposition of basis names the rules, whatever follows it
    ("按操作指引这时候能给它续贷吗?", "指引", True),
    ("根据农商行的办法客户还能续吗?", "办法", True),
    # without the preposition, a kind word followed by more of the clause is no name (通知担保人)
    ("续贷时可以口头通知担保人吗?", "通知", False),
])
def test_a_kind_word_after_a_preposition_of_basis_names_the_rules(clause, word, named):
    from assistant.question import _rules_noun
    assert _rules_noun(word, clause) is named


def test_a_story_asked_under_named_rules_is_the_topic():
    q = analyse("借款企业跟供应商有个买卖合同纠纷,官司还在一审没判。按操作指引这时候能给它续贷吗?")
    assert any("供应商" in c.members for c in q.topic)


@pytest.mark.parametrize("question,word,kept", [
    # a determiner names nothing, and a word for the rules after one points at the rules being asked about
    ("个体户又不算企业，续贷这套政策对他们就不适用了吧？", "政策", False),
    ("个体户又不算企业，续贷这套政策对他们就不适用了吧？", "这套", False),
    ("按这个办法，个体户能续贷吗？", "办法", False),
    # a rules word said of something else, with no determiner, stays
    ("客户还不上有什么办法吗？", "办法", True),
    ("续贷资金用途有什么政策要求？", "政策", True),
])
def test_the_rules_pointed_at_by_a_determiner_name_nothing_asked(question, word, kept):
    assert any(word in c.members for c in analyse(question).concepts) is kept


@pytest.mark.parametrize("quantity,another", [
    # a measure noun modified by something other than the loan measures that thing
    ("年销售金额", True), ("评估价值", True), ("日均余额", True), ("逾期金额", True), ("企业欠息金额", True),
    # the loan's own amount: said of the loan, or of lending it
    ("这次续贷金额", False), ("贷款余额", False), ("单笔金额", False), ("申请金额", False),
])
def test_a_measure_noun_is_of_what_modifies_it(quantity, another):
    from assistant.reason import _measures_another
    assert _measures_another(quantity) is another


# 到期 rarer than the words of the loan: missed, it would outweigh what the rule holds
_EVENT_DF = {"到期": 1}


@pytest.mark.parametrize("rule,question,expected", [
    # the story's 到期了 is when renewal comes up: a rule on the loan asked decides without wording it
    ("续贷业务的适用对象不包括存单质押、仓单质押等贷款。", "质押方式发放的贷款到期了，能走续贷吗？", "depends"),
    ("个体工商户的经营性贷款可以办理续贷。", "个体工商户的经营性贷款到期了，能续贷吗？", "yes"),
    ("个体工商户的经营性贷款可以办理续贷。", "个体户那笔经营性贷款已经到期了，还能办续贷吗？", "yes"),
    # placed on a side of the event (到期后), the act's timing is asked: the rule that does not word it
    # misses it
    ("个体工商户的经营性贷款可以办理续贷。", "个体工商户的经营性贷款到期后能续贷吗？", None),
])
def test_a_story_event_is_not_missed_by_a_rule_on_the_thing_asked(rule, question, expected):
    assert _verdict(rule, question, df=lambda t: _EVENT_DF.get(t, 20)) == expected


# 欠息 is the rare word the rules bar; the story's time words (以前, 现在) are common
_ARREARS_DF = {"欠息": 1, "欠息记录": 1}


@pytest.mark.parametrize("rule,lead,question,expected", [
    # a rule barring the event only within a window, told of as past with no date: it depends on when
    ("(三)借款人近二年无欠息记录。", REQ, "客户以前有过欠息记录，还能续贷吗？", "depends"),
    ("(二)在原贷款期限内未发生欠息、挪用贷款等情况。", REQ, "客户以前有过欠息记录，还能续贷吗？", "depends"),
    # …or only from a count up, told with no count: it depends on how many
    ("(二)存在连续2期或累计3期及以上欠息记录的;", EXCL, "客户以前有过欠息记录，还能续贷吗？", "depends"),
    # a state that holds now is inside any window
    ("(三)借款人近二年无欠息记录。", REQ, "客户现在还有欠息，能续贷吗？", "no"),
    # 还有 of a past event is "also had": no present state
    ("(三)借款人近二年无欠息记录。", REQ, "客户以前还有过欠息记录，还能续贷吗？", "depends"),
    ("(二)在原贷款期限内未发生欠息、挪用贷款等情况。", REQ, "客户目前有欠息记录，能续贷吗？", "no"),
])
def test_a_past_event_without_date_or_count_leaves_a_qualified_bar_open(rule, lead, question, expected):
    assert _verdict(rule, question, lead, df=lambda t: _ARREARS_DF.get(t, 40)) == expected


@pytest.mark.parametrize("rule,question,expected", [
    # a restrictive 对…的 opening a later part: what the part says holds for what the phrase picks out
    ("各机构要改进信贷系统，对符合正常类标准的续贷贷款划为正常类。", "续贷贷款能划为正常类吗？", "depends"),
    ("各机构要改进信贷系统，对符合正常类标准的续贷贷款划为正常类。", "符合正常类标准的续贷贷款能划为正常类吗？", "yes"),
    # a modal or conjunction may open the part before the phrase
    ("各机构要改进信贷系统，并对符合正常类标准的续贷贷款划为正常类。", "续贷贷款能划为正常类吗？", "depends"),
    # a prepositional 对 (对…贷款设置…的目标) picks out nothing: its object comes before the verb
    ("各机构要改进信贷系统，对小微企业续贷贷款设置差异化的不良容忍度目标。", "银行能设定差异化的不良容忍度目标吗？", "yes"),
])
def test_a_restrictive_phrase_opening_a_later_part_is_a_condition(rule, question, expected):
    assert _verdict(rule, question) == expected


@pytest.mark.parametrize("rule,lead,question,expected", [
    # a rule on the original loan says nothing of the renewed one's class, nor the reverse
    ("(四)原贷款为正常类;", REQ, "续贷之后的贷款能算正常类吗？", None),
    ("续贷贷款应划为正常类。", "", "原来那笔贷款是关注类，能续贷吗？", None),
    # the same loan on both sides, or no loan named in the question: the rule decides
    ("(四)原贷款为正常类;", REQ, "原来那笔贷款是关注类，能续贷吗？", "no"),
    ("(四)原贷款为正常类;", REQ, "贷款是关注类，能续贷吗？", "no"),
    ("续贷贷款应划为正常类。", "", "续贷的贷款能划为正常类吗？", "yes"),
    # an asking clause opening with its predicate asks of the loan the clause before it names
    ("(四)原贷款为正常类;", REQ, "续贷之后的贷款，是不是都能算正常类？", None),
    ("续贷贷款应划为正常类。", "", "原贷款已经是关注类，不是正常类了，还能续贷吗？", None),
    # a loan the story only tells of is not the one asked: the rule on the renewed loan decides
    ("续贷贷款须落实有效担保。", "", "原贷款是信用贷款，续贷时要提供担保吗？", "yes"),
    ("续贷贷款应按新发放贷款进行审批。", "", "原贷款是去年发放的，续贷要重新审批吗？", "yes"),
])
def test_a_rule_on_one_loan_of_the_renewal_says_nothing_of_the_other(rule, lead, question, expected):
    assert _verdict(rule, question, lead) == expected


@pytest.mark.parametrize("question,glued,kept", [
    # the comparative 比 glued to a modal or to the first character of the standard names nothing…
    ("续贷的审批流程能比新增贷款简化吗？", "能比", "新增"),
    ("续贷审批能不能比新发放贷款简化一点？", "比新", "发放贷款"),
])
def test_the_comparative_glued_to_a_neighbour_names_nothing(question, glued, kept):
    members = {m for c in analyse(question).concepts for m in c.members}
    assert glued not in members and kept in members


@pytest.mark.parametrize("rule,question,expected", [
    # …so the word of the standard it was glued to is held by a rule that names it
    ("续贷业务须视同新增业务进行审批,不得简化操作程序。", "续贷的审批流程能比新增贷款简化吗？", "no"),
])
def test_a_standard_freed_from_the_comparative_is_held(rule, question, expected):
    assert _verdict(rule, question, df=lambda t: {"新增": 2, "简化": 2}.get(t, 20)) == expected


@pytest.mark.parametrize("question,compares", [
    ("Can the renewed loan be larger than the original one?", True),
    # other than / rather than say besides and instead of: nothing is compared
    ("Can the renewal money be used for something other than paying off the old loan?", False),
    ("Can we renew with a new guarantor rather than the old one?", False),
])
def test_other_than_is_no_comparison(question, compares):
    assert bool(analyse(question).standards) is compares


@pytest.mark.parametrize("question,voting", [
    # the story only tells when it is (快到期了) and asks of another thing: rules on when renewal happens
    # answer nothing asked
    ("原贷款展期以后快到期了，这种还能续贷吗？", ["x1"]),
    # asked of when (到期了还能…, 什么时候), they answer it
    ("抵押贷款已经到期了，还能续贷吗？", ["x1", "x2", "x3"]),
    ("抵押贷款什么时候可以办续贷？", ["x1", "x2", "x3"]),
])
def test_rules_on_when_vote_only_when_the_question_asks_when(question, voting):
    from assistant.reason import Stance, beyond_timing
    r = read_text("x/a1", "x", "续贷是指在原贷款到期后办理的贷款业务。", "")[0]
    verdicts = {"x1": ("yes", "展期"), "x2": ("yes", "到期"), "x3": ("no", "到期")}
    per_doc = {d: Stance(v, r, 0.5, term, "") for d, (v, term) in verdicts.items()}
    assert sorted(beyond_timing(per_doc, analyse(question))) == voting


@pytest.mark.parametrize("token,verb", [
    # a one-character verb glued to its aspect mark is the verb…
    ("签了", "签"), ("展过", "展"), ("办过", "办"),
    # …words of the dictionary ending so are words of their own
    ("除了", None), ("超过", None), ("为了", None),
])
def test_a_verb_glued_to_its_aspect_mark_is_the_verb(token, verb):
    from assistant.question import glued_aspect
    assert glued_aspect(token) == verb



@pytest.mark.parametrize("question,word,describes", [
    # a word the documents lack inside a relative clause telling the trade of a known head is no topic
    ("巷子里开面馆的个体户也能办续贷吗？", "面馆", True),
    ("做服装加工的企业能续贷吗？", "服装加工", True),
    # …not one modifying the head without a verb of trade (股权质押的贷款), nor a relative on a policy
    ("股权质押的流动资金贷款能不能续贷？", "股权质押", False),
    ("小微企业贷款利息收入免征增值税的政策还执行吗？", "增值税", False),
    # …nor a word outside any relative clause
    ("五金店能续贷吗？", "五金店", False),
])
def test_a_relative_clause_telling_a_customers_trade_names_no_topic(question, word, describes):
    from assistant.question import describes_a_known_head
    norm = analyse(question).norm
    assert describes_a_known_head(norm, word, ["个体户", "企业", "流动资金贷款", "政策"]) is describes


@pytest.mark.parametrize("question,word,unknown", [
    # an English word the documents lack, before loan, names a kind of loan they do not speak of
    ("Can a customer get a car loan?", "car", True),
    ("Can yacht loans be renewed?", "yacht", True),
    # …not a word elsewhere in the sentence
    ("Can a customer get a loan for his car?", "car", False),
    # …nor a word of the loan's state or time, nor a participle joined to another word
    ("Can we renew a customer whose current loan is overdue?", "current", False),
    ("Can a pledge-backed loan be renewed?", "backed", False),
    ("Can we renew a larger loan than before?", "larger", False),
])
def test_an_english_word_before_loan_names_its_kind(question, word, unknown):
    from assistant.answer import unknown_kinds
    q = analyse(question)
    focus = [c for c in q.concepts if word in c.members]
    assert focus
    assert bool(unknown_kinds(q, focus, lambda c: True, "")) is unknown


@pytest.mark.parametrize("stances,voting", [
    # a stated value failing a document's rule (关注类 against 正常类) votes beside a stronger condition met
    # elsewhere (800万 against 200万以上)…
    ({"x1": ("depends", 1.5, "问题所述符合此项条件，其余条件仍须逐项核对"),
      "x2": ("no", 0.3, "要求为正常类，问题中为关注类")}, ["x1", "x2"]),
    # …a weak 不可以 on a shared word does not
    ({"x1": ("depends", 1.5, "问题所述符合此项条件，其余条件仍须逐项核对"),
      "x2": ("no", 0.3, "列为必备条件")}, ["x1"]),
    # and a 可以 of a value compared votes by its strength only
    ({"x1": ("no", 1.5, "明确禁止"), "x2": ("yes", 0.3, "要求为正常类")}, ["x1"]),
])
def test_a_stated_value_failing_a_rule_votes_however_weak(stances, voting):
    from assistant.answer import votes
    r = read_text("x/a1", "x", "原贷款五级分类为正常类。", "")[0]
    per_doc = {d: Stance(v, r, s, "正常类", why) for d, (v, s, why) in stances.items()}
    assert sorted(votes(per_doc)) == voting


@pytest.mark.parametrize("text,unfolded", [
    # a payment denied is the debt of what was not paid: named after the verb…
    ("客户连着两期没按时付息", "客户连着两期欠息"),
    # …or before it as the clause's topic, when the verb closes the clause
    ("去年有两期利息没按时交，后来补上了", "去年有两期欠息，后来补上了"),
    ("企业前年有一笔税没按时交", "企业前年有一笔欠税"),
    ("客户利息没交就想续贷", "客户欠息就想续贷"),
    # a payment made, a debt denied, or a verb with another object is no debt
    ("利息一直按时付", "利息一直按时付"),
    ("现在没有欠息", "现在没有欠息"),
    ("利息的事他还没交材料", "利息的事他还没交材料"),
    # 没结清 is the rules' own word (未结清利息)
    ("那期利息还没结清", "那期利息还没结清"),
    # 息 and 税 inside another word are no debt (信息, 股息, 税务登记证, 完税证明)
    ("客户征信信息没交齐", "客户征信信息没交齐"),
    ("股息没付", "股息没付"),
    ("税务登记证没交", "税务登记证没交"),
    ("没交税务登记证", "没交税务登记证"),
    ("完税证明没交", "完税证明没交"),
    # a verb of owing with its object, after its aspect and a measure, is the debt
    ("客户以前欠过一两期利息", "客户以前有过一两期欠息"),
    ("企业拖欠了税款", "企业有欠税"),
    ("去年欠了几次息，后来还上了", "去年有几次欠息，后来还上了"),
    # owing something else, or 息/税 inside another word, is no debt of interest or tax
    ("欠了税务局的钱", "欠了税务局的钱"),
    ("欠过别人的货款", "欠过别人的货款"),
    # a denied owing stays denied; 拖 or 欠 inside another word, or owing something else, is no debt
    ("企业从来不拖欠税款", "企业从来不拖欠税款"),
    ("买拖拉机的贷款利息一直按时交", "买拖拉机的贷款利息一直按时交"),
    ("欠款利息已结清", "欠款利息已结清"),
    ("拖着不交利息", "拖着不交利息"),
])
def test_a_payment_denied_is_the_debt_of_what_was_not_paid(text, unfolded):
    from assistant.question import unfold_debt
    assert unfold_debt(text) == unfolded


@pytest.mark.parametrize("text,tied", [
    # a loan made to hang on buying a product or placing a deposit is a tied sale
    ("要求客户先在我行买一笔理财才给续", True),
    ("让客户顺带买一份保险，不买就不给续", True),
    ("在我行存50万定期才能放贷", True),
    # a loan hanging on something else is no sale; a purchase the loan does not hang on is none either
    ("客户提供担保才给办", False),
    ("客户想用续贷的钱买理财", False),
    ("客户买了保险，还能续吗", False),
    # one sentence's purchase and another's condition are not tied, nor one clause's and the next's
    ("客户买过理财。材料齐了才给办", False),
    ("客户在我行买过理财，材料齐全才给办续贷，对吗？", False),
    ("客户买了保险，要等征信查询正常了才能续贷吗？", False),
    # 存 of 存量 places no deposit
    ("只有存量贷款产品才能办续贷吗？", False),
    # the purchase denied and the loan refused in one breath
    ("不买理财就不给续贷，合规吗？", True),
])
def test_a_loan_hung_on_a_purchase_is_a_tied_sale(text, tied):
    from assistant.question import unfold_tying
    assert ("搭售" in unfold_tying(text)) is tied


@pytest.mark.parametrize("question", [
    "赣州的通知下，续贷时要求企业先买一份理财才给续，可以吗？",
    "支行让客户买一份保险，不买就不给续，在赣州这么搞行吗？",
    "不买理财就不给续贷，合规吗？",
])
def test_a_tied_sale_is_read_against_the_rule_on_unreasonable_conditions(assistant, question):
    ans = assistant.ask(question)
    assert ans.verdict == "no" and "附加不合理条件" in ans.citations[0].quote, ans.answer


@pytest.mark.parametrize("rule,lead,question,expected", [
    # a cause said inside the clause of what it caused is why, not what: a rule on the thing holds it
    ("(七)借款人账户被有关部门冻结、查封、保全的;", EXCL,
     "借款人的账户因为一起买卖纠纷被法院冻结了，还能续贷吗？", "no"),
    ("(五)原流动资金周转贷款为正常类;", REQ, "客户的贷款由于回款慢被下调成关注类了，还能续贷吗？", "no"),
    # (a story clause of many details: without the rule its cause dilutes the fact below a verdict)
    ("(七)借款人账户被有关部门冻结、查封、保全的;", EXCL,
     "借款人的结算账户因为一起买卖纠纷被法院冻结了，这种时候还能给他办续贷吗？", "no"),
    # a cause that is a clause of its own is a fact of the story, and decides
    ("(一)现有存量贷款存在未结清利息的;", EXCL, "因为资金紧张，客户利息没交，能续贷吗？", "no"),
])
def test_a_cause_adjunct_is_why_not_what(rule, lead, question, expected):
    assert _verdict(rule, question, lead) == expected


@pytest.mark.parametrize("question,cause_words", [
    ("借款人的账户因为一起买卖纠纷被法院冻结了", {"一起", "买卖", "纠纷"}),
    ("上季度因为回款慢被我们下调成关注类了", {"回款"}),
    # a cause that is a clause of its own is a fact of the story
    ("因为资金紧张，利息没付", set()),
])
def test_the_words_of_a_cause_adjunct(question, cause_words):
    q = analyse(question)
    assert {c.members[0] for c in q.concepts if id(c) in q.causes} == cause_words


OPEN_USES = "第十五条续贷资金可以用于小微企业的流动资金周转、设备购置、项目建设、产品研发等方面。"


@pytest.mark.parametrize("question,expected,why", [
    # a use the list names is allowed, saying which item names it…
    ("续贷的钱能拿去买设备吗？", "yes", "文件所列用途包括「设备购置」"),
    # …however much of the money it takes (拿一部分去…)
    ("续贷的钱能拿一部分去买设备吗？", "yes", "文件所列用途包括「设备购置」"),
    ("续贷资金能拿一部分去买台新设备吗？", "yes", "文件所列用途包括「设备购置」"),
    # a use the open list does not name is open
    ("续贷的钱能拿一部分去买原材料吗？", "depends", None),
])
def test_a_use_named_by_a_list_of_uses_is_allowed(question, expected, why):
    q = analyse(question)
    weights = idf_weights(q, lambda _t: 3, 100)
    st = max((s for r in read_text("x/a1", "x", OPEN_USES, "") if (s := stance(q, r, weights, RENEWAL))),
             key=lambda s: s.strength)
    assert st.verdict == expected and (why is None or st.why == why)


@pytest.mark.parametrize("question,clause,named", [
    # a rate asked by name is stated only by a clause naming that rate
    ("抵押率最高能放到评估价的几成？", "资金回笼率在5%(含)以上", False),
    ("资金回笼率要达到多少？", "资金回笼率在5%(含)以上", True),
    ("续贷利率上浮多少？", "续贷利率上浮不超过10%", True),
    # a question naming no rate leaves any clause's rate standing
    ("比例要达到多少？", "资金回笼率在5%(含)以上", True),
    # however the rate is asked for (最高是多少, 几成)
    ("农商行的抵押率最高是多少？", "资金回笼率在5%(含)以上", False),
])
def test_a_rate_asked_by_name_is_stated_only_by_a_clause_naming_it(question, clause, named):
    from assistant.answer import states_asked_value
    assert states_asked_value(analyse(question), clause) is named


@pytest.mark.parametrize("question,clause,names,stated", [
    # a value of one thing is no value of another: the clause must name what the value measures
    ("对续贷的贷款，银行要按多少比例计提贷款损失准备？", "资金回笼率在5%(含)以上", (), False),
    ("续贷放出去以后，贷后检查多长时间要做一次？", "若抵押类贷款评估报告超过有效时限,需重新对抵押物价值进行评估", (), False),
    ("资金回笼率要达到多少？", "资金回笼率在5%(含)以上", (), True),
    # the asking words (多久, 办完, 最多) and a determiner say how it is asked, not what is measured
    ("注销抵押登记多久能办完？", "对材料齐全的抵押权注销登记申请即来即办，在1小时内办结", (), True),
    ("同一个客户前前后后最多能续几次？", "同一笔贷款续贷次数原则上不超过2次", (), True),
    # a word naming the document is no thing measured, but one the name only holds still is
    ("农商行续贷的资金回笼率最低是多少？", "资金回笼率在5%(含)以上", ("农商行",), True),
    ("抵押登记规程里，重新抵押登记要多长时间？", "并在1个工作日内完成抵押登记", ("抵押登记规程",), True),
    # a story's people and places stand beside the measure: one noun naming it will do
    ("养猪场老板资金回笼率要达到多少才能续贷？", "资金回笼率在5%(含)以上", (), True),
    ("张老板的厂房续贷抵押登记要多久办完？", "并在1个工作日内完成抵押登记", (), True),
    # a noun naming the measure (续贷额度) is no word that only asks (最高, 比例)
    ("个体户的续贷额度最高多少？", "续贷额度最高不得超过原贷款额度", (), True),
    # the value is asked of the words of its own clause, wherever the question's last clause goes on
    ("小微企业贷款的财政贴息比例是多少，怎么申请？", "资金回笼率在5%(含)以上", (), False),
    # …and of the question's topic: 个体户 said, 单笔续贷额度 asked before
    ("续贷通对单笔续贷额度怎么卡的？企业和个体户分别是多少？", "原则上企业单笔续贷额度控制在1500万元及以下", (), True),
])
def test_a_value_is_stated_only_by_a_clause_naming_what_it_measures(question, clause, names, stated):
    from assistant.answer import states_asked_value
    assert states_asked_value(analyse(question), clause, names) is stated


def test_an_english_question_is_held_to_the_cross_language_bar():
    from assistant.answer import dense_bar
    # the multilingual model's similarities across languages run lower: an English question's bar is lower
    assert dense_bar("Can a pledge-backed loan be renewed under Xudaitong 2.0?") < dense_bar("质押贷款能否办理续贷通？")
    # a Chinese question with a name in Latin letters is still Chinese
    assert dense_bar("续贷通2.0的LPR加点怎么定？") == dense_bar("质押贷款能否办理续贷通？")


@pytest.mark.parametrize("clause,story,read", [
    # an item of a requirement list, asked with a story: the whole list is read, so every stated fact meets
    # every item (欠税 against 近三年无欠缴税金 though retrieval ranked only 共同借款人)
    ("x/a5.i6", True, ["x/a5.i6", "x/a5"]),
    # no story to check, an article of its own, or an item of no requirement list: the clause alone
    ("x/a5.i6", False, ["x/a5.i6"]),
    ("x/a3", True, ["x/a3"]),
    ("x/a7.i1", True, ["x/a7.i1"]),
])
def test_a_story_is_checked_against_the_whole_requirement_list(clause, story, read):
    from types import SimpleNamespace
    from assistant.answer import requirement_list
    from ingest.readings import read_text
    lead = "第五条申请贷款的企业须符合以下条件："
    readings = {"x/a5.i6": read_text("x/a5.i6", "x", "(六)企业主同意作为共同借款人。", lead),
                "x/a7.i1": read_text("x/a7.i1", "x", "(一)抵押物所在地。", "第七条登记时注明："),
                "x/a3": read_text("x/a3", "x", "第三条本细则所称企业主是指实际控制人。", "")}
    parents = {"x/a5.i6": "x/a5", "x/a7.i1": "x/a7", "x/a3": ""}
    ev = SimpleNamespace(unit=lambda cid: SimpleNamespace(parent_id=parents[cid]), readings=lambda cid: readings[cid])
    assert requirement_list(ev, clause, story) == read


@pytest.mark.parametrize("text,words", [
    # what the reading unfolded is searched for besides the text
    ("企业前年有一笔税没按时交，还能续吗？", {"欠税"}),
    ("客户以前欠过一两期利息，还能续吗？", {"欠息"}),
    # words the text holds as said add nothing
    ("企业有欠税，还能续吗？", set()),
])
def test_the_words_a_reading_unfolds_are_searched_for(text, words):
    from assistant.question import unfolded_words
    assert unfolded_words(text, analyse(text)) == words


@pytest.mark.parametrize("text,light", [
    # a verb of doing whose object is the renewal is the act, as 办理续贷
    ("Can we still process the renewal?", True),
    ("Can we still process a loan renewal for him?", True),
    ("Can the bank process his loan renewal?", True),
    # a process that is itself asked about is no light verb
    ("Can the approval process be simplified?", False),
])
def test_an_english_verb_of_doing_with_the_renewal_as_object_is_light(text, light):
    from assistant.question import light_verb
    q = analyse(text)
    c = next(c for c in q.concepts if c.members[0] in ("process", "handle"))
    assert light_verb(c, q.norm) is light


@pytest.mark.parametrize("text,pointed", [
    # a demonstrative before a noun the story named points back at it
    ("借款人的账户被冻结了，还能给该借款人续贷吗？", True),
    # a noun the story did not name, or one without a demonstrative, is asked
    ("账户被冻结了，还能给该借款人续贷吗？", False),
    # a demonstrated noun that is not the act's beneficiary is what is asked about (这个借款人的账户)
    ("借款人的账户被冻结了，这个借款人的担保还有效吗？", False),
])
def test_a_demonstrated_noun_the_story_named_points_back(text, pointed):
    from assistant.question import points_back
    q = analyse(text)
    story = q.norm[:q.norm.find(q.asking)]
    c = next(c for c in q.concepts if "借款人" in c.members)
    assert points_back(c, q.asking, story) is pointed


@pytest.mark.parametrize("text,unit,said", [
    # the asking clause asks an amount: the stated figure is of the limit's amount word
    ("个体户的经营贷250万，金额上过得去吗？", "万元", {"额度"}),
    # an amount told in the story (贷款最高余额) asks nothing; nor does a limit in another unit
    ("回款24万，贷款最高余额300万，这个回笼比例够格吗？", "万元", set()),
    ("个体户的经营贷250万，金额上过得去吗？", "次", set()),
    # a figure the story says of another measure (销售额, 注册资本) is not the loan's amount
    ("个体户年销售额800万，金额上过得去吗？", "万元", set()),
    ("企业注册资本100万，金额上农商行能续吗？", "万元", set()),
])
def test_a_figure_is_said_of_the_measure_the_asking_clause_asks(text, unit, said):
    from assistant.reason import _measure_asked
    from ingest.readings import Limit
    lim = Limit(">=", 200.0, unit, "单笔贷款额度", 0, 1)
    q = analyse(text)
    assert _measure_asked(q, q.numbers[0], lim, {"单笔", "贷款", "额度"}) == said


@pytest.mark.parametrize("verdict,why,fails", [
    # an exclusion said in a sentence of its own, of the stated kind, decides for its document as a list item would
    ("no", "列为不适用/不属于", True),
    # the same sentence read otherwise (a use outside what it allows), or allowing, is no stated fact failing
    ("no", "只限文件所列用途，「不得用于其他用途」", False),
    ("yes", "列为不适用/不属于", False),
])
def test_an_exclusion_in_a_sentence_of_its_own_fails_the_stated_kind(verdict, why, fails):
    from assistant.reason import _fails_a_condition
    from ingest.readings import read_text
    r = read_text("x/a5", "x", "第五条续贷适用的范围只限于保证与抵押方式贷款,不含信用贷款、质押贷款。", "")[0]
    assert r.kind == "exclusion" and not r.lead
    assert _fails_a_condition(Stance(verdict, r, 1.0, "信用贷款", why)) is fails


@pytest.mark.parametrize("question,rule,verdict", [
    # asked whether a hedged rule holds in every case: it decides the usual case only
    ("续贷通2.0：企业单笔想续1800万，是不是一律不行？", "原则上企业单笔续贷额度控制在1500万元及以下。", "depends"),
    ("个体户要续300万，超过200万是不是就铁定做不了？", "原则上个人经营户单笔续贷额度控制在200万元及以下。", "depends"),
    ("续贷期限是不是一定要和原贷款期限一样？", "续贷期限一般与原贷款期限相同或稍长。", "depends"),
    # not asked absolutely: the hedged rule's verdict stands
    ("企业想单笔续贷1800万，可以吗？", "原则上企业单笔续贷额度控制在1500万元及以下。", "no"),
    # asked absolutely of a rule that is not hedged: its verdict stands
    ("企业单笔续贷1800万，是不是一律不行？", "企业单笔续贷额度不得超过1500万元。", "no"),
    # a case inside the hedged norm keeps its 可以, however sure the officer sounds (review)
    ("企业单笔续贷1000万，肯定可以吧？", "原则上企业单笔续贷额度控制在1500万元及以下。", "yes"),
    ("续贷期限能比原贷款期限长一点，一定可以吗？", "续贷期限一般与原贷款期限相同或稍长。", "yes"),
])
def test_a_hedged_rule_asked_of_every_case_depends(question, rule, verdict):
    from assistant.reason import hedged_for_absolute
    q = analyse(question)
    weights = idf_weights(q, lambda _t: 3, 100)
    found = [st for r in read_text("x/a1", "x", rule) if (st := stance(q, r, weights, RENEWAL)) is not None]
    assert found, rule
    assert hedged_for_absolute(q, max(found, key=lambda st: st.strength)).verdict == verdict


@pytest.mark.parametrize("text,private", [
    # borrowing from, or lending to, someone who is no licensed lender is private lending (民间借贷)
    ("老板去年找亲戚借了50万周转，还能续贷吗？", True),
    ("企业跟另一个老板借过20万，能续吗？", True),
    ("老板从朋友那儿借了点钱周转，能续贷吗？", True),
    ("老板私下把80万借给朋友，收月息2分，还能续吗？", True),
    # the bank or another licensed lender lends no private money
    ("企业在我行借了2000万，能续贷吗？", False),
    ("企业向小贷公司借了100万，能续贷吗？", False),
    # 借 of a noun (借款合同, 借款人) borrows nothing
    ("续贷是不是得跟客户重新签一份借款合同？", False),
    ("是不是要老板和他老婆一起当共同借款人？", False),
    # 和 is "together with", 问 "to ask", and a date no lender; lent by the bank, the loan itself
    ("客户和他老婆一起借了50万经营贷，能续吗？", False),
    ("企业从2021年借了300万，能续贷吗？", False),
    ("我想问下客户之前借了80万，能不能续？", False),
    ("银行借给他200万，到期了能续吗？", False),
    # a peer or someone local is no licensed lender, whatever characters the words share with one
    ("企业跟同行借了50万，还能续吗？", True),
    # named already: nothing to add
    ("老板跟亲戚有民间借贷，还能续吗？", False),
])
def test_borrowing_from_a_named_lender_is_private_lending(text, private):
    from assistant.question import analyse, unfold_private_loan
    norm = analyse(text).norm
    assert ("(民间借贷)" in norm) is private


def test_a_bracketed_gloss_is_no_object_of_the_verb_before_it():
    # 借了30万周转(民间借贷): 借 + 贷 would make 借贷, but the gloss is not what was borrowed
    q = analyse("老板从亲戚那借了30万周转，利息很低，会不会卡住续贷？").rejoined(lambda w: True)
    assert any("民间借贷" in c.members for c in q.concepts)


PRIVATE_USURY = "(七)企业主行为规范,未发现有涉赌、涉毒等不良习性,无参与民间高利借贷(包括借入和借出)行为;"


@pytest.mark.parametrize("question,expected", [
    # the rule bars a narrower kind (民间高利借贷) than the story states (民间借贷): open
    ("老板有民间借贷，这一条能过吗？", "depends"),
    ("老板跟亲戚借了20万周转，这一条能过吗？", "depends"),
    # the story denies the rule's modifier: not the kind barred
    ("老板有民间借贷，利息不算高利，这一条能过吗？", "yes"),
    ("老板跟亲戚借了20万周转，利息不算高利，这一条能过吗？", "yes"),
    # …or affirms it (高息 is the glossary's 高利): the kind barred
    ("老板有民间借贷，利息是高利的，这一条能过吗？", "no"),
    ("老板把钱高息借给朋友，这一条能过吗？", "no"),
])
def test_a_rule_on_a_narrower_kind_is_weighed_by_its_modifier(question, expected):
    assert _verdict(PRIVATE_USURY, question, REQ) == expected


@pytest.mark.parametrize("question,title,words", [
    # what the question asks about that the document's title holds: its clauses speak within it
    ("续贷抵押登记时登记机构会不会实地查看房产？", "小微企业续贷抵押登记操作规程", {"抵押登记"}),
    # renewal itself says nothing, and neither do the words of a story the question does not ask about
    ("续贷能不能办？", "小微企业续贷抵押登记操作规程", set()),
    ("续贷抵押登记时登记机构会不会实地查看房产？", "商业银行“续贷通”业务操作管理办法", set()),
    # the issuer a title opens with names whose rules, not their subject
    ("农村信用社的续贷需要抵押吗？", "黑龙江省农村信用社小微企业客户续贷贷款业务管理办法", set()),
    # a title's quoted name and bracketed qualifiers name the document: 版本 of (2.0版本) is no subject
    ("续贷通两个版本是不是都不能续存单质押的贷款？", "“续贷通”(2.0版本)业务操作管理办法(暂行)", set()),
])
def test_a_document_title_holds_what_its_clauses_speak_of(question, title, words):
    from assistant.reason import title_words
    assert title_words(analyse(question), title) == words


@pytest.mark.parametrize("question,expected", [
    # the condition said in the story before the asking clause is stated, though its words recur in the
    # consequence: the consequence then holds (需要 the power of attorney)
    ("委托代理人去登记中心办抵押登记，授权委托书要不要交？", "yes"),
    # said only in asking, the consequence's words state no condition
    ("代理人办登记要不要交授权委托书？", "depends"),
    # denied in the story, the condition is not stated
    ("当事人自己申请登记，不委托别人，要交授权委托书吗？", "depends"),
])
def test_a_condition_said_in_the_story_is_stated(question, expected):
    rule = "当事人委托代理人申请登记的，代理人应当向登记机构提交当事人的身份证明、代理人身份证明和授权委托书。"
    assert _verdict(rule, question) == expected
