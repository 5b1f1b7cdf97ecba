"""Trust-first verdicts from clause readings.

A document answers a yes/no question only through a reading whose text holds the thing
asked; the verdict is the product of where that thing stands in the reading (inside a
negation's scope or not, under an exclusion lead-in, in an exception or a condition) and
whether the question itself negates it. Stated numbers are compared with the reading's
limits; a value of a classification (关注类) is checked against the value a rule demands
(正常类). A definition never gives a verdict, nor does a sentence with no modal, negation,
scope or requirement. No reading, no verdict: never a default 可以."""

from __future__ import annotations

import re
from functools import lru_cache
from dataclasses import dataclass, replace
from typing import Literal

from ingest.clauses import HEADING
from ingest.readings import ASSIGNED, DEFINITION, ITEM_MARK, OBLIGATION, ONLY, PERMISSION, PROCEDURE, TIME_UNITS, scope_word, Limit, Reading, clause_bounds
from ingest.readings import POSSESSOR, RESTRICTED, TIME_LEFT, TIME_YEARS, caused_spans, window_events, calendar_dates, deictic_dates, is_negator, members as list_members, negation_scope, negators, figure
from ingest.tokenize import FAMILIES, cut_with_offsets, pos_tags, terms as token_terms, word_class

from .evidence import UNKNOWN_WEIGHT
from .question import CLASSIFIER_TAGS, FACETS, UNIT_FACETS, ENGAGE, EVENT, GENERIC, RENEWAL, Concept, Question, which_loan, compound_head, extent_match, match_form, modifies_the_act, points_at_one_item, vouches_for_the_rest, word_offsets, borrowed_elsewhere

Verdict = Literal["yes", "no", "depends"]

# readings that can decide a yes/no question (a definition, a procedure step or a plain
# statement cannot)
DECIDING = frozenset({"exclusion", "prohibition", "requirement", "scope", "obligation", "permission", "time_limit"})
# a partial match (质押 inside 存单质押 for 质押贷款) decides only against an exclusion
PARTIAL_MIN = 0.5
# a reading decides only when it holds at least this share of the question's specific words
# (by weight): 「存款单做担保」 is not decided by a sentence that mentions only 担保
MIN_STRENGTH = 0.5
# what a word met only in part (抵押 of 抵押登记) counts of its weight
PARTIAL_SHARE = 0.6
STORY_STRENGTH = 0.4
# head nouns that make a class of a modifier: 质押贷款 is the class of loans by 质押
CLASS_HEADS = frozenset({"贷款", "类贷款", "业务", "方式", "类", "方式贷款"})


@dataclass(frozen=True)
class Stance:
    verdict: Verdict
    reading: Reading
    strength: float      # matched weight of the question's focus in the reading
    term: str            # the word of the question it rests on
    why: str             # what in the reading decides, in a few words
    partial: bool = False


def _find(text: str, concept: Concept) -> tuple[int, str, bool] | None:
    """Position of the concept in `text`: a full match (a member) or a partial one (a part)."""
    form = match_form(text)
    best = None
    for m in concept.members:
        k = form.find(m)
        if k >= 0 and (best is None or len(m) > len(best[1])):
            best = (k, m, False)
    if best is not None:
        return _map_back(text, form, best[0]), best[1], False
    for m in concept.members:
        extent = extent_match(m, form)
        if extent is not None:
            return _map_back(text, form, extent[0]), extent[1], False
    for p in concept.parts:
        k = form.find(p)
        if k >= 0:
            bare = _bare_value(form, p, concept.members)
            if bare is not None:
                return _map_back(text, form, bare), p, False
            # 基本存款账户 asked, 账户 ruled: a rule on a compound's head covers each kind of it
            return _map_back(text, form, k), p, not any(compound_head(m) == p for m in concept.members)
    named = _value_of_class(form, concept)
    if named is not None:
        return _map_back(text, form, named[0]), named[1], False
    return None


# what may stand before a classification's value said bare (、质押贷款, 的质押贷款): no modifier of its own
_BEFORE_BARE = "的和及或与含、，,；;：:（(「“ "


def _bare_value(form: str, part: str, members: tuple[str, ...]) -> int | None:
    """A word ending in a classification's value (存单质押, 股权质押) names a kind of that value: a text
    saying the value bare as a loan's (不含信用贷款、质押贷款) speaks of it whole. Where, or None — also where the
    value stands only with a modifier of its own (应收账款质押、存单质押: other kinds, not the whole)."""
    if not any(part in values for values in FAMILIES.values()) or part not in _NAMED_BY_COLLATERAL:
        return None
    if not any(m.endswith(part) and len(m) > len(part) for m in members):
        return None
    for at in re.finditer(re.escape(part), form):
        k = at.start()
        # (the loan of that way: 质押贷款 — 质押合同, 质押登记 are other things)
        if (k == 0 or form[k - 1] in _BEFORE_BARE) and _LOAN_OF_WAY.match(form, at.end()):
            return k
    return None


_LOAN_OF_WAY = re.compile(r"(类|方式)?贷款")
# the ways of securing a loan named by what secures it (存单质押, 房产抵押); a word before 信用 or 保证 says
# whose credit or guarantee it is (企业信用, 个人保证), no kind of loan
_NAMED_BY_COLLATERAL = frozenset({"抵押", "质押"})


def _value_of_class(form: str, concept: Concept) -> tuple[int, str] | None:
    """A classification asked by its name (五级分类, or its head 分类) is spoken of by a text naming one of
    its values (原贷款为正常类): where, and the value."""
    for name, values in FAMILIES.items():
        # (its head only where that names a classification: 分类 of 五级分类, not 用途 of 贷款用途)
        if not any(m == name or m == name[-2:] and m.endswith("类") for m in concept.members):
            continue
        spots = [(form.find(v), v) for v in values if len(v) >= 3 and v in form]
        if spots:
            return min(spots)
    return None


# nouns of a norm: a word right before one (发放贷款|条件, 信贷投向|政策) only says which norm is meant
_NORM_NOUN = re.compile(r"的?(条件|标准|要求|程序|制度|政策|流程|权限|规定)")


def _attribute_of_norm(text: str, hit: tuple[int, str, bool]) -> bool:
    """Whether every mention of the hit's word in the text stands right before a norm noun."""
    k, word = hit[0], hit[1]
    if k < 0:
        return False
    spots = [m.start() for m in re.finditer(re.escape(word), text)] or [k]
    return all(_NORM_NOUN.match(text, j + len(word)) for j in spots)


# what may stand between the parts of a compound as a modifier: one or two characters, no punctuation,
# no 的 (民间|高利|借贷; 「民间的借贷」 would be a phrase) and no negator (经营|不|正常 denies, it names no kind)
_INSERTED = r"[^，,。；;、：:（）()的\s不未无非没否]{1,2}"


def narrowed_form(text: str, term: str) -> str | None:
    """「无参与民间高利借贷」 against the topic 民间借贷: a modifier inserted between the parts of a
    compound names a narrower kind of it. The narrower form found, or None (also when the term itself
    stands in the text)."""
    if len(term) < 4 or term in text:
        return None
    for k in range(2, len(term) - 1):
        m = re.search(re.escape(term[:k]) + _INSERTED + re.escape(term[k:]), text)
        if m:
            return m.group(0)
    return None


def _narrowed_by_asked(text: str, concept: Concept, words: list[str]) -> tuple[int, str, bool] | None:
    """The concept held whole as a narrower kind whose modifier the question itself names: 民间高利借贷
    for 「有民间借贷，并非高利」 (高利 stated) is the very kind the question speaks of, a full match."""
    form = match_form(text)
    for m in concept.members:
        for k in range(2, len(m) - 1):
            for x in words:
                if x != m and x not in m:
                    j = form.find(m[:k] + x + m[k:])
                    if j >= 0:
                        return _map_back(text, form, j), m[:k] + x + m[k:], False
    return None


# a state said to hold now (现在还欠着, 目前仍有): not a past event
# (not 还有, which may be "also had": 以前还有过欠息)
_NOW = re.compile(r"现在|目前|当前|眼下|仍|还在|尚未|还没|至今|正在")
_PAST = re.compile(r"以前|之前|曾经|过去|早年|早先|曾|有过|前些年")


# 在原贷款期限内, 在贷款存续期间 right before what a rule denies
_NAMED_WINDOW = re.compile(r"在[^，,；;。]{1,10}(期限|期间)[内中]\s*$")


def _past_undated(q: Question, term: str) -> bool:
    """The story tells the barred event as past (以前有过欠息, 欠过一次息) with no date and not as a state
    that still holds now."""
    part = next((m.group(0) for m in re.finditer(r"[^，,。；;！!？?]+", q.norm)
                 if said_split(term, m.group(0)) or term in m.group(0)), "")
    if not part or _NOW.search(part):
        return False
    return bool(_PAST.search(part)) or re.search(re.escape(term[0]) + r"过", part) is not None


def _unsettled_qualifier(q: Question, reading: Reading, pos: int, term: str) -> str | None:
    """A rule that bars the event only within a look-back window (近二年没有欠息) or only from a count up
    (累计3期及以上欠息记录), against a story telling the event as past with neither date nor count
    (以前有过欠息): whether it is barred depends on what the story does not say."""
    if q.ages or not _past_undated(q, term):
        return None
    for lim, (s, e) in window_events(reading):
        if s <= pos < e:
            return f"规定针对近{lim.value:g}{lim.unit}内的「{term}」，问题没有说明发生在何时"
    for s, e in reading.negated:
        # a window named in words (在原贷款期限内未发生欠息): the period of something the story does not date
        named = _NAMED_WINDOW.search(reading.text[:max(0, s - reading.start)])
        if named and s <= pos < e:
            return f"规定针对{named.group(0)}的「{term}」，问题没有说明发生在何时"
    for lim in reading.limits:
        between = reading.text[lim.end - reading.start:max(0, pos - reading.start)]
        if lim.op == ">=" and lim.end <= pos and len(between) <= 6 and not re.search(r"[，,；;。]", between) and \
                not any(n.unit == lim.unit for n in q.numbers):
            return f"规定针对{lim.value:g}{lim.unit}及以上的「{term}」，问题没有说明有几{lim.unit}"
    return None


def _narrower_kind(q: Question, text: str, k: int, term: str) -> str | None:
    """The rule's compound that opens with the asked word, when it holds a modifier between that word and
    its head which the question does not say: 民间 in 「民间高利借贷」 (高利) for 借过些民间的钱 — a narrower kind
    than the story states. 「民间借贷」 (the word and its head only) is the kind the story states. Returns the
    compound. (Only rightwards: words before the asked one are verbs and adverbs as often as modifiers.)"""
    toks = cut_with_offsets(text)
    i = next((j for j, (t, s, e) in enumerate(toks) if s <= k < e), None)
    if i is None or toks[i][0] != term:
        return None
    run = [term]
    for t, _s, _e in toks[i + 1:]:
        if len(t) < 2 or not re.fullmatch(r"[\u4e00-\u9fff]+", t):
            break
        run.append(t)
    said = q.norm + "".join(q.glossed)
    unsaid = [t for t in run[1:-1] if t not in said]
    if not unsaid:
        return None
    # a modifier is a noun or an adjective (高利); a verb there (逾期欠息不良记录) lists another event
    tags = dict(pos_tags("".join(run)))
    if all(tags.get(t, "").startswith(CLASSIFIER_TAGS) for t in unsaid):
        return "".join(run)
    return None


def _narrower_denied(reading: Reading, concept: Concept) -> tuple[int, str, bool] | None:
    """The asked compound with a modifier inside, in what the rule denies (民间借贷 in 「无参与民间高利借贷」): the
    rule bars a narrower kind of the thing asked — which the stance weighs against the modifier (rule_modifier),
    where a part of the compound (民间) would only be a partial match."""
    if not reading.negated and reading.lead != "exclusion":
        return None
    form = match_form(reading.text)
    for m in concept.members:
        found = narrowed_form(form, m)
        inserted = found and rule_modifier(Concept((m,)), found)
        # (the inserted word a modifier — a noun or an adjective: 高利; 等 of 「质押等贷款」 closes a list)
        if not inserted or not all(tag[0] in "an" for _w, tag in pos_tags(inserted)):
            continue
        k = form.find(found)
        if reading.lead == "exclusion" or any(a <= reading.start + k < b for a, b in reading.negated):
            return _map_back(reading.text, form, k), found, False
    return None


def rule_modifier(concept: Concept, term: str) -> str | None:
    """The modifier inside the rule's compound, between the two parts of the question's word: 高利 of 「民间高利借贷」,
    matched by 民间借贷. The rule bars that narrower kind. (Inside only: 未结清利息 holds 利息 as its head, no kind
    of it.)"""
    for said in concept.members:
        for k in range(2, len(said) - 1):
            head, tail = said[:k], said[k:]
            if len(term) - len(said) >= 2 and term.startswith(head) and term.endswith(tail):
                return term[k:len(term) - len(tail)]
    return None


def _modifier_said(q: Question, modifier: str) -> bool | None:
    """Whether the question says the modifier (高利, or 高息 which the glossary maps to it): True when it affirms
    it, False when it only denies it (利息不算高利, 不是高利贷), None when it does not say it."""
    held = [c for c in q.concepts if any(modifier in m for m in c.members)]
    if not held:
        return None
    return not all(q.concept_negated(c) for c in held)


def _map_back(text: str, form: str, k: int) -> int:
    # match_form only spells out shorthand (抵(质)押 → 抵押(质押)); positions shift little
    return min(k, max(0, len(text) - 1)) if form != text else k


def polarity_at(reading: Reading, pos: int) -> int:
    """+1 when the reading affirms what stands at `pos`, -1 when it denies it: each negation
    whose scope covers it flips it, and so does an exclusion lead-in over a list item."""
    sign = -1 if reading.lead == "exclusion" else 1
    for s, e in reading.negated:
        if s <= pos < e:
            sign = -sign
    return sign


# a negated comparison bounds a quantity: 「不超过拟归还贷款金额」 denies exceeding, not the 归还
_COMPARISON_VERBS = r"超过|超出|突破|高出|高于|低于|多于|少于|大于|小于|大过|多过"
_COMPARING = re.compile(rf"[不未没]?[得应能可]?({_COMPARISON_VERBS})")


# a question that compares amounts itself (能超过…吗, 比原贷款多) asks about the bound
_ASKS_COMPARISON = re.compile(rf"{_COMPARISON_VERBS}|比[^，,。；;？?]{{1,12}}(多|少|高|低|大|小)")


def _in_measure(q: Question, reading: Reading, pos: int) -> bool:
    """Whether the word at pos is only the measure a negated comparison is bounded by (拟归还贷款金额
    of 「不超过拟归还贷款金额」), for a question that does not itself ask about the comparison."""
    if _ASKS_COMPARISON.search(q.norm):
        return False
    for s, e in reading.negated:
        m = _COMPARING.match(reading.text, s - reading.start)
        if m and reading.start + m.end() <= pos < e:
            return True
    return False


# a rule demands a value by predicating it: 「原贷款为正常类」「只限于保证与抵押方式贷款」, or by limiting its
# scope to it (仅适用于小微企业; 同样适用于 adds a scope and demands nothing)
# (an attributive phrase ending in 的 may stand between the copula and its noun: 「对象为专注实体经济、资质
# 良好的小微企业」)
_COPULA = re.compile(r"(为|是|属于|限于|系|分类为|仅适用于|只适用于|仅指|只指)(?:[^，,；;。的]{1,20}的)?[^，,；;。]{0,6}$")


def _polarity_of(reading: Reading, pos: int, word: str) -> int:
    """polarity_at for a word of the question found at pos. A word that carries its own negation
    (pending → 未结案) brings it along: that negation is what the question says, not the rule's denial."""
    sign = polarity_at(reading, pos)
    # only a word that opens with a negation of its own (未结案), not a lexical 不-word (不良贷款)
    if any(s == 0 for s, _e, _w in negators(word)) and any(a == pos for a, _b in reading.negated):
        sign = -sign
    return sign


def _denied_verb(text: str, k: int, spans) -> str | None:
    """The words between the negation whose scope holds offset k and the word at k: the verb it
    denies (未|结清|利息 → 结清); None when no negation holds k or nothing stands between."""
    for s, e, _w in negators(text):
        if s <= k and any(a <= s and k < b for a, b in spans):
            between = text[e:k].strip("，,、 ")
            if between and not any(ch in between for ch in "，,；;。"):
                return between
    return None


def _other_verb_denied(q: Question, reading: Reading, pos: int, term: str) -> bool:
    """Whether the question's negation and the rule's deny different verbs of the same word (没有欠过
    利息, 未结清利息): neither holds the other's verb."""
    k = q.norm.find(term)
    mine = _denied_verb(q.norm, k, q.negated) if k >= 0 else None
    rel = [(a - reading.start, b - reading.start) for a, b in reading.negated]
    theirs = _denied_verb(reading.text, pos - reading.start, rel)
    if not mine or not theirs:
        return False
    return not (set(mine) & set(theirs))


def _predicated(text: str, word: str) -> bool:
    """Whether the sentence says the loan is `word` (为正常类), not merely mentions it (使信用贷款
    转化为担保贷款)."""
    k = text.find(word)
    return bool(_COPULA.search(text[max(0, k - 30):k]))


def _modifies(q: Question, a, b) -> bool:
    """Whether two words written together are a modifier and its head (房地产开发, 欠息记录) — one of
    them a noun — rather than a verb and its object (简化操作程序)."""
    return q.tags.get(a.members[0], "").startswith(_NOMINAL) or q.tags.get(b.members[0], "").startswith(("n", "nz"))


_KIND_RUN = re.compile(r"[^、，,。；;：:和及与或等()（）]+")


def _with_the_others(text: str, term: str, pos: int, others) -> int:
    """The mention of the asked word that stands with the question's other words: 风险分类 of
    「不应…作为下调贷款风险分类的因素」 (with 下调), not of 「按照贷款风险分类标准」 before it."""
    spots = [k for k in range(len(text)) if text.startswith(term, k)]
    if len(spots) < 2 or not others:
        return pos
    def near(k: int) -> int:
        part = _part_at(text, k)
        return sum(1 for c, _w, _h in others if any(m in part for m in c.members))
    return max(spots, key=lambda k: (near(k), -k))


def _holds_in_part(found, focus) -> bool:
    """Whether the reading holds some asked word only in part (抵押 of 抵押登记)."""
    asked = {id(c) for c, _w in focus}
    return any(hit[2] for c, _w, hit in found if id(c) in asked)


def _kinds_on_both_sides(reading: Reading, term: str) -> str | None:
    """「适用于…个人经营性贷款，不包括个人消费性贷款」 asked about 个人 loans: the asked word stands inside
    listed kinds on both sides — some of it is in, some out."""
    if reading.kind not in ("exclusion", "scope") or term in reading.members:
        return None
    text = reading.text
    spots = [k for k in range(len(text)) if text.startswith(term, k)]
    sides: dict[int, list[str]] = {}
    for k in spots:
        # the listed kind the word opens (个人|经营性贷款), up to the list's separators
        kind = _KIND_RUN.match(text, k).group(0)
        if len(kind) <= len(term):
            return None   # a bare mention decides by itself
        sides.setdefault(polarity_at(reading, reading.start + k), []).append(kind)
    if len(sides) < 2:
        return None
    return f"部分种类适用（{'、'.join(dict.fromkeys(sides[1]))}），部分不适用（{'、'.join(dict.fromkeys(sides[-1]))}）"


def _unknown(weight: float) -> bool:
    """A word the corpus never uses gets the fixed weight of unknown words."""
    return weight == UNKNOWN_WEIGHT


# (a pivot verb — 让/要求 + someone + verb — is not one)
_ENGAGE = ENGAGE


def _activity_head(q: Question, a, b) -> bool:
    """Whether a phrase is a field and an activity in it (房地产|开发, 食品|加工): a noun and then a
    verb. The field names the kind of business whatever the activity — 「从事房地产业务」 is about
    房地产开发 — while a noun head (个人|消费贷) is a kind of its own."""
    if not (q.tags.get(a.members[0], "").startswith(_NOMINAL) and q.tags.get(b.members[0], "") in ("v", "vn")):
        return False
    # used as a noun — the object of a verb (做|房地产开发) or a modifier (房地产开发|的企业) — not a
    # subject and its predicate (把利息|结清)
    words = [(w, t) for w, t in pos_tags(q.norm) if w.strip()]
    phrase = (a.members[0], b.members[0])
    for i in range(len(words) - 1):
        if (words[i][0], words[i + 1][0]) == phrase:
            before = words[i - 1][0] if i > 0 else ""
            after = words[i + 2][0] if i + 2 < len(words) else ""
            if before in _ENGAGE or after == "的":
                return True
    return False


# 「从事投资、担保等业务的公司」 names a borrower by its line of business
_LINE_OF_BUSINESS = re.compile(r"(从事|经营|主营)[^，,。；;：:]*?(业务|行业|活动)([的得](公司|企业|个人|客户|机构|借款人))?")
_BUSINESS_NOUN = ("业务", "生意", "行业", "公司", "企业", "机构", "买卖")
# a firm named by its trade: 典当行, 担保公司, 小贷公司
_FIRM_HEADS = ("行", "公司", "店", "厂", "铺", "所")


_BORROWER_HEADS = ("公司", "企业", "个人", "客户", "机构", "借款人")


def _relative_heads(q: Question, held) -> list:
    """A borrower's genus heading a relative clause (做矿产开采的小公司, 开超市的个人): against a rule
    naming borrowers by their line of business (从事房地产业务…), what the clause says tells the kind
    and the genus adds nothing the rule must repeat. Only when a word of the clause itself is held."""
    out = []
    for c in q.concepts:
        m = c.members[0]
        if m not in _BORROWER_HEADS:
            continue
        for hit in re.finditer(rf"的[^，,。；;？?！!的]{{0,2}}{m}", q.norm):
            clause = re.split(r"[，,。；;？?！!]", q.norm[:hit.start()])[-1]
            if any(h is not c and any(x in clause for x in h.members) for h in held):
                out.append(c)
                break
    return out


def _business_line(text: str, k: int) -> tuple[int, int] | None:
    return next((m.span() for m in _LINE_OF_BUSINESS.finditer(text) if m.start() <= k < m.end()), None)


def _names_business(q: Question, concept: Concept) -> bool:
    """Whether the question puts the word as a line of business (担保公司, 做担保业务的, 是做担保的), not
    as an act done for this loan (找一家公司来担保): only the first is what 「从事担保等业务的公司」 excludes.
    A word the question does not spell (典当 read from English pawnbroking) has no frame to read: it stands."""
    spelled = [m for m in concept.members if m in q.norm and re.search(r"[\u4e00-\u9fff]", m)]
    if not spelled:
        return True
    for m in spelled:
        if any(len(m) > len(h) + 1 and m.endswith(h) for h in _FIRM_HEADS) and any(
                not _third_party(q.norm, k.start())
                and not q.norm.startswith("的", k.end()) for k in re.finditer(re.escape(m), q.norm)):
            return True   # the borrower is a firm named by its trade (一家典当行想续贷), not a place (在典当行当过东西)
    for m in spelled:
        for hit in re.finditer(re.escape(m), q.norm):
            before, after = q.norm[max(0, hit.start() - 3):hit.start()], q.norm[hit.end():hit.end() + 8]
            # a compound names the trade (担保公司, 担保业务); 「有民间借贷的企业」 is what a firm has — unless
            # the firm is one the story goes to or brings in (找一家担保公司做保证): another party, not the borrower
            if after.startswith(_BUSINESS_NOUN) and not _third_party(q.norm, hit.start()):
                return True
            # engaged in it, the phrase then modifying or ending in 的: 搞房地产开发的企业, 是做担保的
            if any(v in before for v in _ENGAGE) and re.match(r"[^，,。；;？?的]{0,4}的", after):
                return True
    return False


# a verb taking a firm as another party (找|一家|担保公司, 在|典当行) — a numeral with its measure word and up to
# one modifier word may stand between; and a preposition (由, 给, 向, 为) whose firm then guarantees
_BRINGS_IN = r"[在去到从跟找请让]"
_AGENT_OF = r"[由给向为]"
_TO_A_PARTY = r"(?:[一这那另某][家个位]?)?[^，,。；;？?]{0,2}$"
# what the firm then does, after its own name (…公司|做保证): the documents' words of guaranteeing
_FIRM_THEN = re.compile(r"(" + "|".join(_FIRM_HEADS) + r")(?P<then>[^，,。；;？?]{0,8})")
_GUARANTEEING = re.compile(r"保证|担保")


def _third_party(norm: str, k: int) -> bool:
    """Whether the firm named from position k is one the story goes to or brings in (找一家担保公司, 由一家担保公司做
    保证), not its borrower (向一家典当公司发放续贷贷款, 由一家担保公司作为借款人申请续贷)."""
    before = norm[max(0, k - 6):k]
    if re.search(_BRINGS_IN + _TO_A_PARTY, before):
        return True
    then = _FIRM_THEN.search(norm, k, k + 16)
    return bool(re.search(_AGENT_OF + _TO_A_PARTY, before)) and then is not None \
        and _GUARANTEEING.search(then.group("then")) is not None


def _other_modifier(q: Question, text: str, hit: tuple[int, str, bool]) -> bool:
    """Whether the reading puts its own modifier before the word (续贷产品的开发): then it is another
    kind of the thing than the question's 房地产开发. A possessor the question also names (我行账户
    for 我行的结算账户) is no other kind."""
    before = re.sub(r"的$", "", text[max(0, hit[0] - 8):hit[0]])
    words = [(w, t) for w, t in pos_tags(before) if w.strip()]
    if not words:
        return False
    word, tag = words[-1]
    # a noun modifies (产品的开发); a verb before it governs it (处于冻结) and makes no other kind
    return len(word) >= 2 and tag.startswith(_NOMINAL) and word not in q.norm


def value_forms(value: str) -> tuple[str, ...]:
    """A classification's value as it is said: with or without its 类 (降成次级了 = 次级类)."""
    return (value, value[:-1]) if value.endswith("类") and len(value) > 2 else (value,)


def _value_in(term: str, values: tuple[str, ...]) -> str | None:
    """The value of a classification a word names (次级 = 次级类; 中型企业 names 中型)."""
    return next((v for v in values if term.startswith(v) or term in value_forms(v)), None)


def _sizes(values: tuple[str, ...]) -> bool:
    """Whether a classification's values are sizes sharing their last character (大型 中型 小型 微型), which
    compounds abbreviate by their initials (小微, 中小)."""
    return len({v[-1] for v in values}) == 1 and all(len(v) == 2 for v in values)


def _family_sibling(reading: Reading, term: str) -> str | None:
    """Another value of the same classification that the reading names, in the same kind of
    word (正常类 for 关注类; 保证贷款 for 信用贷款, not 信用 inside 信用状况) — or a compound that
    abbreviates values all smaller than the asked one (小微企业 for 中型企业)."""
    for values in FAMILIES.values():
        hit = _value_in(term, values)
        if hit is None:
            continue
        suffix = term[len(hit):]
        for other in values:
            word = other + suffix
            if other != hit and len(word) >= 3 and word in reading.text and _predicated(reading.text, word):
                return word
        for word, named in _abbreviated(reading.text, values, suffix):
            # a size smaller than the compound's (微型 for 中小企业) may be inside it by usage: unsettled
            if values.index(hit) < values.index(named[0]) and _predicated(reading.text, word):
                return word
    return None


def _value_head(term: str, values: tuple[str, ...]) -> tuple[str, str] | None:
    """The size a word names with its head (中型|企业)."""
    hit = _value_in(term, values) if _sizes(values) else None
    return (hit, term[len(hit):]) if hit and len(term) > len(hit) else None


def _abbreviated(text: str, values: tuple[str, ...], suffix: str) -> list[tuple[str, tuple[str, ...]]]:
    """Compounds abbreviating two sizes (小微企业 = 小型企业和微型企业, 中小企业 = 中型和小型): each
    compound with the values it names. A compound inside a longer one (小微 of 中小微企业) is not one."""
    if not suffix or not _sizes(values):
        return []
    initials = "".join(v[0] for v in values)
    return [(m.group(), tuple(c + values[0][-1] for c in m.group()[:2]))
            for m in re.finditer(rf"(?<![{initials}])[{initials}]{{2}}{re.escape(suffix)}", text)]


def _family_named(reading: Reading, term: str) -> str | None:
    """A compound of the reading that abbreviates the asked value with another (中小企业 names 中型企业)."""
    for values in FAMILIES.values():
        head = _value_head(term, values)
        if head is None:
            continue
        for word, named in _abbreviated(reading.text, values, head[1]):
            if head[0] in named and _predicated(reading.text, word):
                return word
    return None


def family_words(term: str) -> list[str]:
    """The words in which the documents may speak of a value's classification: its sibling values in the
    same kind of word, and the compounds abbreviating it with another (中型企业: 小型企业, 中小企业…)."""
    out: list[str] = []
    for values in FAMILIES.values():
        head = _value_head(term, values)
        if head is None:
            continue
        hit, suffix = head
        out += [v + suffix for v in values if v != hit]
        out += [a[0] + b[0] + suffix for i, a in enumerate(values) for b in values[i + 1:] if hit in (a, b)]
    return out


def sibling_words(q: Question, known_word) -> list[str]:
    """What a question naming a value of a classification also searches for: a value (关注类) the rules
    that name its siblings (正常类); a value said with its head (中型企业) the words that name its
    siblings with it (小微企业, 中小企业)."""
    def said(v: str) -> bool:
        return any(f in q.norm for f in value_forms(v))
    siblings = [v for values in FAMILIES.values() if any(said(v) for v in values)
                for v in values if not said(v) and len(v) >= 3]
    siblings += [w for c in q.concepts for m in c.members for w in family_words(m) if known_word(w)]
    return list(dict.fromkeys(siblings))


def family_spoken_of(term: str, text: str) -> bool:
    """Whether a text speaks of the classification a value belongs to: it names another of its values in
    the same kind of word, or a compound abbreviating two (小微企业 for 中型企业)."""
    for values in FAMILIES.values():
        hit = _value_in(term, values)
        if hit is None:
            continue
        suffix = term[len(hit):]
        if any(v + suffix in text for v in values if v != hit and len(v + suffix) >= 3) \
                or _abbreviated(text, values, suffix):
            return True
    return False


def _words(text: str, keep: tuple[str, ...] = ()) -> set[str]:
    # words that say nothing of what is measured (客户, 贷款) link no number to a limit
    return {t for t, _syns in token_terms(text) if len(t) >= 2 and (t not in GENERIC and t not in ("续贷",) or t in keep)}


# a missed payment is counted by the time (欠过3次息) or by the period (累计3期): one count
_COUNT_UNITS = frozenset({"次", "期"})


def _same_unit(a: str, b: str) -> bool:
    return a == b or {a, b} <= _COUNT_UNITS


_AMOUNT_UNITS = frozenset({"万元", "亿元", "元"})


def _rule_counted(reading: Reading, lim: Limit) -> set[str]:
    """「累计3期及以上欠息记录」: what follows a rule's count is what it counts. (The next count's kind
    words after it — 连续2期或|累计… — are told apart by `_own_words` when both counts pair.)"""
    return _words(_clause_after(reading.text, lim.end - reading.start))


def _kind_denied(q: Question, measured: set[str]) -> bool:
    """「并非连续」: the question says the limit's kind of count is not the case."""
    return any(q.term_negated(w) for w in measured if w in q.norm)


def _clause_after(text: str, k: int) -> str:
    return re.split(r"[，,。；;？?！!]", text[max(0, k):], maxsplit=1)[0]


def _counted(q: Question, stated: Limit) -> set[str]:
    """「有过一次利息逾期」: what follows a count is what it counts — when that is named, the topic
    (…还能续贷吗) does not make it a count of renewals. A verb and its object split by the count
    (欠过3次息) are one word without the aspect mark (欠息)."""
    after = _clause_after(q.norm, stated.end)
    if not after or not re.search(r"[过了着]$", stated.quantity):
        return _words(after)
    joined = re.sub(r"[过了着]", "", stated.quantity[-2:] + after)
    # …in the documents' word for it too (欠利息 → 欠息)
    return _words(after) | _words(joined) | {s for _t, syns in token_terms(joined) for s in syns}


def _own_act(quantity: str) -> str | None:
    """The act a count follows with its aspect mark (展期过|一次, 逾期了|两次): what is counted. 续 (续过)
    is renewal itself, told by `_counts_renewals`."""
    m = re.search(r"([\u4e00-\u9fff]{2})[过了]$", quantity)
    return m.group(1) if m and "续" not in m.group(1) else None


def _counts_renewals(before: str, after: str) -> bool:
    """续 alone is the act of renewal: a count next to it counts renewals — 续过两次 before it, or
    第三次续 after it."""
    # 连续, 继续, 持续, 手续 end with 续 but are other words
    # an ordinal with nothing before it counts the act that follows it (第三次还能不能续; not 第三次逾期后…续)
    return bool(re.search(r"(?<![连继持陆手延存])续(过|了|贷|办)?$", before)) or after.startswith("续") or (
        not before.strip() and re.match(r"(还|又|再|能|可以|能不能|可不可以|可否|是否|要|想|就)*续", after) is not None)


# a total over many (同一客户累计…) of what another limit counts one at a time (同一笔贷款…)
_AGGREGATE = re.compile(r"累计|合计|总计|共计|一共|总共|加起来")
# a count said of one loan (这笔贷款总共续过2次) is that loan's, whatever adverb sums it
_ONE_LOAN = re.compile(r"[这该那此]一?笔|同一笔|单笔")
_ONE_BY_DETERMINER = re.compile(r"(?:[这该那此某]|(?<![没所])有)笔(?!数)")
# one loan counted by its classifier (一笔1800万的流贷, 这笔, 每笔): its amount is what a 单笔 limit measures
_BY_CLASSIFIER = re.compile(r"(?:(?<![第十百千万0-9两二三四五六七八九几多])一|[这该那此每]|同一)笔")


def _limit_pairs(q: Question, reading: Reading, undecided: list | None = None,
                 weak: set | None = None, open_: list | None = None) -> list[tuple[Limit, Limit]]:
    """Each stated number with the limit that measures the same thing: the same unit, and a
    word of what the limit measures in what the number is said of or in the question's topic
    (单笔贷款 150万 / 额度这一关 → 单笔贷款额度≥200万元; 60万元 of 日均余额 is not it). Limits the
    question matches equally (企业…≤1500万元, 个人经营户…≤200万元: whose loan it is goes unsaid) that
    the number meets one and fails the other of go to `undecided` instead."""
    topic_words = {m for c in (q.topic or q.focus) for m in c.members}
    pairs = []
    for stated in q.numbers:
        best = None
        tied: list[Limit] = []
        candidates: list[Limit] = []
        for lim in reading.limits:
            if not _same_unit(lim.unit, stated.unit) or lim.op in ("before", "after"):
                continue
            if lim.op == "=":
                if reading.lead != "exclusion":
                    continue
                lim = replace(lim, op=">=")  # 「存在连续2期欠息记录的」: two or more
            # a count (次) is usually a count of renewals: there 续贷 is what is measured
            # an amount is usually of a loan: 贷款 links 「一笔250万的…贷款」 to 单笔贷款额度
            keep = ("续贷",) if lim.unit in ("次", "期") else ("贷款",) if lim.unit in _AMOUNT_UNITS else ()
            measured = _words(lim.quantity, keep) or _timed_act(reading, lim)
            if _kind_denied(q, measured):
                continue
            if lim.unit in _COUNT_UNITS:
                measured |= _rule_counted(reading, lim)
            lent = _lent(stated.quantity, lim.unit)
            # a figure governed by a verb of its own (冻结了20万, 欠了30万) measures that verb's object, not
            # the loan the question is about: the topic's words do not link it to the loan's limits
            said_of = _words(stated.quantity, keep) | (set() if _own_object(stated.quantity) else topic_words) | lent
            if not _words(stated.quantity, keep):
                said_of |= _bare_figure_of(q)
            if lim.unit in _AMOUNT_UNITS and _BY_CLASSIFIER.search(stated.quantity):
                said_of |= {"单笔"}
            said_of |= _measure_asked(q, stated, lim, measured)
            if _lead_before_event(q, stated) and re.search(_EVENT, lim.quantity):
                # 到期前20个工作日 against 距原贷款到期不足15个工作日: both measure the time left to the event
                said_of |= set(re.findall(_EVENT, lim.quantity))
            if lim.unit in ("次", "期"):
                counted = _counted(q, stated)
                act = _own_act(stated.quantity)
                if counted:
                    said_of = _words(stated.quantity, keep) | counted
                elif act:
                    # 「展期过一次」: the act done counts; the question's topic (…还能续贷吗) does not
                    said_of = _words(stated.quantity, keep) | {act}
                if _counts_renewals(stated.quantity, _clause_after(q.norm, stated.end)):
                    said_of |= {"续贷"}
            overlap = len(measured & said_of) + sum(1 for w in measured for s in said_of if w != s and (w in s or s in w))
            if overlap and weak is not None and not (measured & (said_of - lent)) and not any(
                    w != s and (w in s or s in w) for w in measured for s in said_of - lent):
                weak.add(id(stated))
            if overlap:
                candidates.append(lim)
            if overlap and (best is None or overlap > best[0]):
                best = (overlap, lim)
                tied = [lim]
            elif overlap and overlap == best[0]:
                tied.append(lim)
        if best is None:
            continue
        if len(tied) > 1:
            # 这笔/该笔/那笔 is 一笔: a demonstrative before the classifier picks one loan as 一笔 does, and so
            # does the existential 有笔/某笔 (有一笔 with its numeral dropped, as speech drops it)
            said_text = re.sub(_ONE_BY_DETERMINER, "一笔", q.norm)
            # a limit's own word the question says outright (以个人经营户身份) outweighs a genus guessed
            # from another noun (公司老板)
            literal = [lim for lim in tied if any(w in q.words and w not in GENERIC for w in _own_words(lim, tied))]
            strict = [lim for lim in tied if any(_says_side(w, said_text, q, True) for w in _own_words(lim, tied))]
            said = literal if len(literal) == 1 else strict if len(strict) == 1 else \
                [lim for lim in tied if any(_says_side(w, said_text, q) for w in _own_words(lim, tied))]
            if len(said) == 1:
                chosen = _per_one(q, said[0], stated, candidates)
                pairs.append((chosen, stated))
                _leave_open(chosen, stated, candidates, open_, q.norm[max(0, stated.start - 1):stated.end])
                continue
            # neither side named, or both (老板 of a 个体户): whose loan it is goes unsaid
            if len(said) != 1 and len({_admits(lim, stated) for lim in tied}) > 1 and undecided is not None \
                    and _unit_of_subject(tied):
                undecided.append((tied, stated))
                continue
        chosen = _per_one(q, best[1], stated, candidates)
        pairs.append((chosen, stated))
        _leave_open(chosen, stated, candidates, open_, q.norm[max(0, stated.start - 1):stated.end])
    return _own_figure_first(pairs)


def _measure_asked(q: Question, stated, lim: Limit, measured: set[str]) -> set[str]:
    """A figure stated in a question whose asking clause asks that kind of value (金额上过得去吗 asks an amount) is
    said of a limit's word that names the kind (额度 of 单笔贷款额度): the officer names the measure in the words of
    asking."""
    # (of the kinds a figure is stated in: an amount or a share — not counts or times, which have rules of their own)
    facet = next((f for f in ("amount", "percent") if lim.unit in UNIT_FACETS[f]), None)
    # (asked by the asking clause itself: 贷款最高余额 told in the story asks nothing)
    if facet is None or not FACETS[facet][0].search(q.asking or ""):
        return set()
    # (only a figure said of a loan — 经营贷250万, 180万的流贷 — not 年销售额800万, 注册资本100万)
    if "贷" not in stated.quantity + q.norm[stated.end:stated.end + 4]:
        return set()
    return {w for w in measured if FACETS[facet][0].search(w)}


def _introduces_list(reading: Reading) -> bool:
    """A sentence whose subject points ahead at the list it opens (以下贷款不属于续贷范围:, 下列客户不予受理：):
    its rule is its items'. (One that points ahead only for part of what it says — 「…必须重新签订借款合同，并
    按以下要求…:」 — says the rest itself.)"""
    body = ITEM_MARK.sub("", reading.text)
    heading = HEADING.match(body.lstrip())
    body = body.lstrip()[heading.end():] if heading else body
    return bool(re.match(r"(以下|下列|如下)", body)) and reading.text.rstrip().endswith((":", "："))


def _under_condition(q: Question, reading: Reading, st: Stance) -> Stance:
    """A limit under a condition (对材料齐全的…在1小时内办结) binds only when the condition holds. Met with the
    condition unsaid: 视情况而定, naming it. Met or failed with the condition denied (材料不齐全): the limit does not
    bind — 视情况而定 too. A limit failed with the condition unsaid still fails: it fails where it binds."""
    if not reading.condition:
        return st
    cond = reading.text[reading.condition[0] - reading.start:reading.condition[1] - reading.start]
    said = _stated(q, cond, reading.text[reading.condition[1] - reading.start:]) or _said_by_head(q, cond)
    if said and _condition_denied(q, cond):
        return replace(st, verdict="depends", why=f"仅在「{ITEM_MARK.sub('', cond)}」时适用，问题所述不满足此条件")
    if st.verdict != "yes" or said:
        return st
    return replace(st, verdict="depends", why=f"{st.why}；仅在「{ITEM_MARK.sub('', cond)}」时适用")


def _said_by_head(q: Question, condition: str) -> bool:
    """A condition said in speech's short form: its noun, and its two-character predicate said by the predicate's
    first character after it (材料都齐了 for 材料齐全, 资料齐备)."""
    words = _condition_words(condition)
    if len(words) < 2:
        return False
    noun, pred = words[0], words[-1]
    k = q.norm.find(noun)
    return k >= 0 and len(pred) == 2 and pred[0] in q.norm[k + len(noun):k + len(noun) + 4]


def _condition_denied(q: Question, condition: str) -> bool:
    """Whether the question denies what the condition says (材料不齐全, 材料还没齐)."""
    words = _condition_words(condition)
    if not words:
        return False
    # (the predicate may be said short, by its first character: 材料还没齐)
    said = [q.norm.find(w) for w in words[:-1]] + [q.norm.find(words[-1][:1] if len(words[-1]) == 2 else words[-1])]
    return any(a <= k < b for k in said if k >= 0 for a, b in q.negated)


def _timed_act(reading: Reading, lim: Limit) -> set[str]:
    """What a time limit said with no quantity of its own measures (在1个工作日内办结抵押登记): the act of its
    sentence — the words of its clause, or of the sentence when the clause has none."""
    if lim.unit not in TIME_UNITS or reading.kind != "time_limit":
        return set()
    k = lim.start - reading.start if reading.start <= lim.start < reading.end else lim.start
    return _words(_part_at(reading.text, k)) or _words(reading.text)


def _own_figure_first(pairs: list[tuple[Limit, Limit]]) -> list[tuple[Limit, Limit]]:
    """Of the question's figures going with one limit, those said of what the limit measures in their
    own words (贷款300万 for 单笔贷款额度) are its figures: one linked only through the question's topic
    (销售货款日均余额30万, when the topic asks about 金额) measures something else."""
    def own(lim: Limit, stated: Limit) -> bool:
        measured = _words(lim.quantity, ("贷款",))
        said = _words(stated.quantity, ("贷款",)) | _lent(stated.quantity, lim.unit)
        return any(w == x or w in x or x in w for w in measured for x in said)
    # (amounts only: a story's counts — 续过两次, 第三次 — each count the renewals, as their own rules read)
    owned = {id(lim) for lim, stated in pairs if lim.unit in _AMOUNT_UNITS and own(lim, stated)}
    return [(lim, stated) for lim, stated in pairs if id(lim) not in owned or own(lim, stated)]


def _per_one(q: Question, chosen: Limit, stated: Limit, candidates: list[Limit]) -> Limit:
    """When the question marks another of its numbers as the total (他名下累计续过2次), a number
    without that mark (这笔贷款之前续过1次) is the count of one: it goes with the limit on each one; a
    number it marks as the total goes with the limit on the total."""
    if _AGGREGATE.search(stated.quantity) and not _AGGREGATE.search(chosen.quantity) and not _ONE_LOAN.search(stated.quantity):
        # a number the question marks as a total (名下一共续过3次) goes with the limit on the total, in
        # whatever word each marks it (一共 / 累计)
        return next((c for c in candidates if c.unit == chosen.unit and _AGGREGATE.search(c.quantity)), chosen)
    if not _AGGREGATE.search(chosen.quantity) or _AGGREGATE.search(stated.quantity) or not any(
            _AGGREGATE.search(o.quantity) for o in q.numbers if o is not stated and o.unit == stated.unit):
        return chosen
    return next((c for c in candidates if c.unit == chosen.unit and not _AGGREGATE.search(c.quantity)), chosen)


def _leave_open(paired: Limit, stated: Limit, candidates: list[Limit], open_: list | None, said: str = "") -> None:
    """A customer's total (累计3次) says nothing of one loan's own count: the limit on each one
    (同一笔…不得超过2次) stays to be checked, unless the question states it too."""
    if open_ is not None and _AGGREGATE.search(paired.quantity):
        open_.extend((lim, stated) for lim in candidates if lim is not paired and lim.unit == paired.unit
                     and not _AGGREGATE.search(lim.quantity))
    elif open_ is not None:
        open_.extend(_total_left_open(paired, stated, candidates, said))


_FIRST_TIME = re.compile(r"(第一|第1|头一|首)[次回]")


def _total_left_open(paired: Limit, stated: Limit, candidates: list[Limit], said: str = "") -> list[tuple[Limit, Limit]]:
    """And the other way: one loan's count (这笔续过1次) is only the least the customer's total can be —
    the limit on the total (同一客户累计…不得超过4次) stays to be checked, as at least that count."""
    # an ordinal first (第一次申请续贷) says there was none before: the total is that count
    if _AGGREGATE.search(stated.quantity) or _FIRST_TIME.search(said):
        return []
    return [(lim, replace(stated, op=">=")) for lim in candidates if lim is not paired
            and lim.unit == paired.unit and _AGGREGATE.search(lim.quantity)]


def _says_side(word: str, said_text: str, q: Question, strict: bool = False) -> bool:
    """The question says a limit's own word: in its text, or as a word the glossary maps the question's
    to, or a kind of it (head-final: 个体户 → 个人经营户 is a 经营户; 小厂 → 小微企业 is a 企业 — but
    老板 → 企业主 is no 企业), or the borrower's genus that word names (一家商贸公司 is an 企业)."""
    # strictly, not inside a longer generic word: 企业 of 小微企业 names the sector, which covers 个体户 too
    for g in GENERIC if strict else ():
        if len(g) > len(word) and word in g:
            said_text = said_text.replace(g, " " * len(g))
    return word in said_text or any(x == word or x.endswith(word) for x in q.words | q.glossed) or \
        any(word in names for genus, names in _GENUS if _names_genus(q, genus))


# a borrower's genus told by the head of the noun naming it: a 公司/厂/集团 is an enterprise (企业); a
# 个体户/个体工商户/个人经营户 is an individual's business. Limits split by borrower (企业… / 个人经营户…)
# use either family's words for its side.
_GENUS = (
    (("公司", "企业", "厂", "集团"), frozenset({"企业", "法人企业"})),
    (("个体户", "个体工商户", "个人经营户", "个体经营户", "个体工商"), frozenset({"个人经营户", "经营户", "个体工商户", "个人"})),
)


def _names_genus(q: Question, heads: tuple[str, ...]) -> bool:
    """Whether a noun of the question ends in one of the genus's heads (服装厂, 商贸公司), or the
    question says the head itself (a 小厂子 is segmented 小厂; 个体户 stands alone). The sector's own name
    (小微企业, a generic word) tells no borrower's genus: it covers 个体工商户 too."""
    return any(w.endswith(h) for w in q.words | q.glossed for h in heads)


def _bare_figure_of(q: Question) -> frozenset[str]:
    """A figure said on its own (只有3%, 不到5%) is of what the question names (资金回笼率)."""
    return q.words


def _own_words(lim: Limit, tied: list[Limit]) -> set[str]:
    """The words of one limit's measure that the others' lack: whose it is (企业 / 个人经营户). Common
    words count here (企业 is one): they are what tells the two apart."""
    def words(text: str) -> set[str]:
        return {t for t, _syns in token_terms(text) if len(t) >= 2 and t not in _PARTICIPANTS and t not in _DETERMINERS}
    others = set().union(*(words(x.quantity) for x in tied if x is not lim))
    return words(lim.quantity) - others


# words nearly every question says (客户, 借款人, 贷款): they tell no side of a limit apart
_PARTICIPANTS = frozenset({"客户", "借款人", "贷款"})
# determiners (同一客户, 每笔) say which one, not whose: no side of a limit
_DETERMINERS = frozenset({"同一", "每笔", "每个", "各个", "该笔"})


def _unit_of_subject(tied: list[Limit]) -> bool:
    """Limits of one measure told apart only by whose it is (企业单笔续贷额度 / 个人经营户单笔续贷额度)."""
    return len({lim.unit for lim in tied}) == 1 and len({lim.quantity for lim in tied}) == len(tied)


# an amount as the object of a lending verb (要续2000万, 想贷300万, 批了500万) is the loan's amount (借 is not:
# 找亲戚借了50万 is another debt); the
# one-character verb is the documents' 续贷 / 贷款
_LENDING = {"续": {"续贷", "贷款"}, "贷": {"贷款"}, "批": {"贷款"}, "放": {"贷款"}}


def _refused_if(reading: Reading, lim: Limit) -> bool:
    """Whether the limit stands in the condition of a sentence whose consequence refuses or forbids
    (offsets are the unit's, as the reading's)."""
    if reading.condition is None or not (reading.condition[0] <= lim.start < reading.condition[1]):
        return False
    return any(b > reading.condition[1] for _a, b in reading.negated)


# the verbs that ask for or grant the loan itself (想续280万, 申请300万, 贷了500万, 批了, 要200万): the
# lending characters above, and the verbs that take the asked loan's amount as their object (借, 申请, 办…)
_LENDING_VERB = re.compile(r"[续贷借批放]|申请|要|办|做|报|给|定")


def _own_object(quantity: str) -> bool:
    """Whether the word right before a figure is a verb that is not one of lending (冻结了, 欠了, 赔了):
    the figure is then that act's object."""
    if re.search(r"(到|至|成|为)$", quantity):
        return False   # 调到2000万, 增加至…: the figure the loan's own amount is brought to
    if _measures_another(quantity):
        return True    # 年销售金额2000万, 评估价值300万, 逾期金额2万: the figure is of what its own noun measures
    if borrowed_elsewhere(quantity):
        return True    # 找亲戚借了50万: a debt to the lender named, not the loan the question asks about
    tags = [(w, t) for w, t in pos_tags(quantity.rstrip("了过个共计约近大概")) if t != "x"]
    if not tags:
        return False
    word, tag = tags[-1]
    # a copula (评级是A级, 额度为200万) predicates the figure of its subject: it governs no object
    return tag.startswith("v") and not _LENDING_VERB.search(word) and word not in _LINKING


# a measure noun closing what a figure is said of, with the words that modify it (销售|金额, 逾期|金额, 续贷|金额)
_MEASURE = re.compile(r"([^，,。；;：:]{1,4}?)的?(金额|价值|余额|收入)$")
# words of the loan itself, or of lending it: a measure noun they modify is the loan's amount
_OF_THE_LOAN = re.compile(r"贷|借款|单笔|这笔|该笔|额度|授信|本金")


def _measures_another(quantity: str) -> bool:
    """A measure noun modified by something other than the loan (销售|金额, 评估|价值, 日均|余额, 逾期|金额): the figure
    measures that thing, not the loan — the loan's own (续贷|金额, 单笔|金额, 申请|金额) is the loan's size."""
    m = _MEASURE.search(quantity)
    if m is None:
        return False
    head = m.group(1)
    return not (_OF_THE_LOAN.search(head) or _LENDING_VERB.search(head))


_LINKING = frozenset("是 为 有 达到 达 算 属于 在 等于 超过 低于 高于 不到 不足".split())


def _lent(quantity: str, unit: str) -> set[str]:
    tail = quantity.rstrip("了过到个")[-1:]
    return set(_LENDING.get(tail, ())) if unit in _AMOUNT_UNITS else set()


def _num(v: float) -> str:
    return str(int(v)) if v == int(v) else str(v)


def _subsequence(short: str, long: str) -> bool:
    it = iter(long)
    return all(ch in it for ch in short)


def _only_kinds_listed(q: Question, reading: Reading, pos: int, term: str) -> bool:
    """A bare class word (质押) met only as the head of listed kinds (应收账款质押、存单质押): the list
    names kinds of it, not the class — unless one listed item is the class itself (质押贷款) or the
    question names one of the kinds (企业循环贷款). It takes two kinds with the same head to make a
    list of kinds: one item ending in the word is as often a verb and its object (未处于冻结)."""
    span = next(((a, b) for a, b in reading.negated if a <= pos < b), None)
    if span is None:
        return False
    listed, _open = list_members(reading.text, span[0] - reading.start, span[1] - reading.start)
    having = [m.strip() for m in listed if term in m]
    kinds = [m for m in having if m.endswith(term) and len(m) > len(term)]
    return len(kinds) >= 2 and len(kinds) == len(having) and not any(m in q.norm for m in kinds)


def narrower(member: str, asked: str) -> bool:
    """Whether a listed thing is a narrower kind of what is asked: 民间高利借贷 of 民间借贷 (a
    modifier inserted), 外币流动资金贷款 of 流动资金贷款 (one prefixed), 存单质押 of 质押贷款 (the class
    of loans by 质押: head-final 存单质押 is a kind of 质押). 「担保等业务」 is not one of 担保人."""
    member = member.strip()
    if len(asked) < 2 or member == asked:
        return False
    if len(member) > len(asked) and (_subsequence(asked, member) and member[0] == asked[0] or member.endswith(asked)):
        return True
    return any(asked == x + head and member.endswith(x) and len(x) >= 2 for head in CLASS_HEADS
               for x in [asked[:-len(head)]] if asked.endswith(head))


_RANGE_WORDS = {"<": "低于", "<=": "不超过", ">": "超过", ">=": "不低于"}


def _said(stated: Limit) -> str:
    return f"{_RANGE_WORDS.get(stated.op, '')}{figure(stated.value, stated.unit)}{stated.unit}"


def _admits(lim: Limit, stated: Limit) -> bool | None:
    """Whether a stated value meets a limit; a stated range (不到5%) meets it when all of it does,
    fails when none of it does, and settles nothing when it straddles the limit."""
    if stated.op not in ("<", ">", "<=", ">="):
        return lim.admits(stated.value)
    v = stated.value
    step = max(abs(v), 1.0) * 1e-6
    # limits are one-sided: the ends of the stated range decide (amounts and rates are never negative)
    low, high = {"<": (0.0, v - step), "<=": (0.0, v), ">": (v + step, 1e15), ">=": (v, 1e15)}[stated.op]
    ends = {lim.admits(low), lim.admits(high)}
    return ends.pop() if len(ends) == 1 else None


def _asked_besides(q: Question, reading: Reading, pairs: list[tuple[Limit, Limit]]) -> list[Concept]:
    """What the stated numbers' own clauses (想贷650万元买设备) or the asking clause (能按这个抵押率办吗)
    ask besides the numbers that the reading does not hold. A story's other clauses (个体户做建材生意，
    想续贷250万) say who borrows, not what the amount is for."""
    own = " ".join(_part_at(q.norm, stated.start) for _lim, stated in pairs)
    return [c for c in q.topic if not any(m in RENEWAL for m in c.members) and c.match(reading.text) < 1.0
            and (c in q.focus or any(m in own for m in c.members))]


def _limit_stance(q: Question, reading: Reading, strength: float) -> Stance | None:
    """Stated numbers against the reading's limits: one that fails decides 不可以 (naming it);
    all passing, 可以. Inside 「存在以下情况之一的，不得…」 a limit describes the disqualifying state."""
    undecided: list = []
    weak: set = set()
    open_: list = []
    pairs = _limit_pairs(q, reading, undecided, weak, open_)
    # a limit on each one is left open only when no other stated number was paired with it
    open_ = [(lim, stated) for lim, stated in open_ if not any(l is lim for l, _s in pairs)]
    if undecided and not any(_admits(lim, stated) is False for lim, stated in pairs):
        tied, stated = undecided[0]
        sides = "；".join(lim.describe() for lim in tied)
        return Stance("depends", reading, strength, tied[0].quantity,
                      f"{sides}，问题中为{_said(stated)}，要看属于哪一类")
    if not pairs:
        return None
    # a limit in the condition of a refusal (「距到期不足15个工作日提出申请的，不予受理」) describes the
    # disqualifying state, as one under an exclusion lead-in does
    excluding = reading.lead == "exclusion" or _refused_if(reading, pairs[0][0])
    settled = [(lim, stated) for lim, stated in pairs if _admits(lim, stated) is not None]
    if not settled:
        lim, stated = pairs[0]
        return Stance("depends", reading, strength, lim.quantity or stated.unit,
                      f"要求{lim.describe()}，问题中为{_said(stated)}，是否达到尚不能确定")
    pairs = settled
    for lim, stated in pairs:
        ok = _admits(lim, stated)
        if ok == excluding:
            why = (f"{lim.describe()}即不得办理" if excluding else f"要求{lim.describe()}") + \
                f"，问题中为{_said(stated)}"
            return Stance("no", reading, strength, lim.quantity or stated.unit, why)
    relational = _relational_fails(q, reading)
    if relational is not None:
        return Stance("no", reading, strength, "原贷款额度", relational)
    asked_else = _asked_besides(q, reading, pairs)
    if asked_else and all(id(stated) in weak for _lim, stated in pairs):
        # linked to the limit by the lending verb alone (想贷650万元): failing it says 不可以, meeting it
        # says nothing of what the question asks
        return None
    lim, stated = pairs[0]
    unsettled = next(((o, st) for o, st in open_ if not excluding and _admits(o, st) is not True), None)
    if unsettled is not None:
        return Stance("depends", reading, strength, lim.quantity or stated.unit,
                      f"符合{lim.describe()}（问题中为{_said(stated)}），但还须{unsettled[0].describe()}，问题没有说明")
    if not excluding and _one_of_many_conditions(q, reading):
        return Stance("depends", reading, strength, lim.quantity or stated.unit, MET_ONE)
    why = "、".join(f"{lim.describe()}（问题中为{_said(st)}）" for lim, st in pairs)
    return Stance("yes", reading, strength, lim.quantity or stated.unit, ("未触及" if excluding else "符合") + why)


def said_split(word: str, text: str) -> bool:
    """A two-character verb-object word said whole or split by an aspect mark (欠息 in 欠过一次利息, 续贷 in
    续过两回贷), as `Question.rejoined` reads it."""
    # between them only a count and its measure, and one character of the object (欠过一期利息): 欠过一期管理费但
    # 利息… is two objects
    gap = r"[过了][0-9一二两三四五六七八九十几]*[次期笔个回]?的?[\u4e00-\u9fff]?"
    return word in text or (len(word) == 2 and re.search(re.escape(word[0]) + gap + re.escape(word[1]), text) is not None)


def _window_stance(q: Question, reading: Reading, strength: float) -> Stance | None:
    """A stated event's age against a look-back window of the rule (近三年无环保违法 / 两年前因为环保违法
    被处罚过): inside the window the rule of absence fails (不可以, naming it); before it, the event does
    not bear on the rule, which the story then meets; on its edge (三年前 / 近三年) the date decides."""
    if not q.ages or not (reading.lead == "requirement" or reading.kind in ("requirement", "obligation")):
        return None
    for lim, (s, e) in window_events(reading):
        span = reading.text[:e - reading.start]
        # a word the question denies (一年前没欠过息) dates no event
        denied = [(c, hit[1]) for c in q.concepts if c.members[0] not in GENERIC and not q.concept_negated(c)
                  and (hit := _find(span, c)) is not None and not hit[2] and hit[0] + reading.start >= s]
        dated = [(age, term) for age in q.ages
                 # the event dated is the one the window denies, said in the age's clause
                 for term in [next((t for c, t in denied if any(said_split(m, age.quantity) for m in c.members + (t,))), None)]
                 if term is not None and not _clause_denied(age.quantity)]
        if dated:
            # of several dated instances (三年前…，上个月又…) the latest decides
            age, term = min(dated, key=lambda d: d[0].value * TIME_YEARS[d[0].unit])
            window, ago = lim.value * TIME_YEARS[lim.unit], age.value * TIME_YEARS[age.unit]
            said = f"问题中为{age.value:g}{age.unit}{'多' if age.op == '>=' else ''}前"
            rule = f"要求近{lim.value:g}{lim.unit}{reading.text[s - reading.start:e - reading.start]}"
            if ago < window:
                return Stance("no", reading, strength, term, f"{rule}，{said}，在此期间内")
            if ago > window or age.op == ">=":
                if _one_of_many_conditions(q, reading):
                    return Stance("depends", reading, strength, term, MET_ONE)
                return Stance("yes", reading, strength, term, f"{rule}，{said}，已在此期间之外")
            return Stance("depends", reading, strength, term, f"{rule}，{said}，是否仍在期间内要看具体日期")
    return None


# 「回笼率就是指…销售货款日均余额与…贷款最高余额得比例」: a rate defined as one amount over another
_RATIO = re.compile(r"(?P<name>[\u4e00-\u9fff]{2,8}?)(?:就是指|是指|指)(?P<a>[^，,；;。]+?)(?:与|和|同|占)"
                    r"(?P<b>[^，,；;。]+?)[得的]?(?:比例|之比|比率|比值|比重)")


def _ratio_stance(q: Question, reading: Reading, strength: float) -> Stance | None:
    """Two amounts the question states, divided as the reading defines its rate, against the rate's
    limit: 日均余额30万元 over 最高余额800万元 is 3.75%, short of 资金回笼率≥5%."""
    m = _RATIO.search(reading.text)
    if m is None:
        return None
    lim = next((x for x in reading.limits if x.unit == "%" and x.op not in ("before", "after")), None)
    if lim is None:
        return None
    said = _rate_said(q, m)
    if said is not None:
        # the story gives the share itself (日均余额只占最高余额的3%): it is the rate
        return Stance("yes" if lim.admits(said.value) else "no", reading, strength, m.group("name"),
                      f"要求{lim.describe()}，问题中为{_num(said.value)}%")
    amounts = [n for n in q.numbers if n.unit not in ("%", "次", "期") and n.unit not in TIME_UNITS and n.op == "="]
    if len(amounts) < 2:
        return None

    def best(side: str, exclude=None):
        words = _words(side)
        scored = [(len(words & _words(n.quantity)), n) for n in amounts if n is not exclude]
        top = max(scored, key=lambda t: t[0], default=(0, None))
        return top[1] if top[0] else None
    num = best(m.group("a"))
    den = best(m.group("b"), exclude=num)
    if num is None or den is None or den.unit != num.unit or not den.value:
        return None
    rate = 100.0 * num.value / den.value
    ok = lim.admits(rate)
    why = (f"要求{lim.describe()}，问题中为{_num(num.value)}{num.unit}÷{_num(den.value)}{den.unit}"
           f"≈{rate:.2f}%")
    return Stance("yes" if ok else "no", reading, strength, m.group("name"), why)


def _rate_said(q: Question, m: re.Match) -> Limit | None:
    """A percentage the question states of the ratio's base (…占贷款最高余额的3%): the rate the rule defines,
    when the words before it hold the base's (最高余额) and the rule's first term's (日均余额) are in the story."""
    base, first = _words(m.group("b")), _words(m.group("a"))
    for n in q.numbers:
        if n.unit != "%" or n.op != "=" or not base & _words(n.quantity):
            continue
        # the first term is the subject of the share, in the percentage's own clause: 「日均余额只占最高余额的3%」
        start = max(q.norm.rfind(ch, 0, n.start) for ch in "，,。；;？?！!") + 1
        share = _SHARE.search(q.norm, start, n.start)
        if share is None:
            continue
        subject = q.norm[start:share.start()]
        if re.fullmatch(r"[只就才仅也还都]*", subject) and start > 0:
            # the share's clause has no subject of its own (…日均余额，只占…的3%): the clause before is its topic
            before = max(q.norm.rfind(ch, 0, start - 1) for ch in "，,。；;？?！!") + 1
            subject = q.norm[before:start - 1]
        if first & _words(subject):
            return n
    return None


_SHARE = re.compile(r"占|达到|为|是")


# a value the document leaves blank for each bank to fill in: 「从业经历在____年以上」
_BLANK_LIMIT = re.compile(r"(?P<what>[\u4e00-\u9fff]{0,8}?)在?(?:_{2,}|＿{2,}|\*{2,})\s*(?P<unit>个月|年|月|次|万元|元|%|天|日)"
                          r"\s*(?:\(含\)|（含）)?\s*(?P<op>以上|以下|以内)?")


def _blank_limit(q: Question, reading: Reading, strength: float) -> Stance | None:
    """A number the question states against a limit the document leaves blank: it depends on the
    figure each bank fills in, which these rules do not give."""
    for m in _BLANK_LIMIT.finditer(reading.text):
        what = _words(m.group("what"))
        for stated in q.numbers:
            said_of = _words(stated.quantity) | {w for c in (q.topic or q.focus) for w in c.members}
            if stated.unit == m.group("unit") and (what & said_of or not what):
                return Stance("depends", reading, strength, m.group("what") or stated.unit,
                              f"文件未写明具体数值（「{m.group(0).strip()}」），以本行规定为准")
    return None


# whose loan a value is of: the bank's own customer loan, or one at another bank (a closed class of words)
_OTHER_BANK = re.compile(r"他行|别的银行|别家银行|其他银行|其它银行|外行|别行|他家银行|另一家银行")


def _holder(text: str, k: int) -> str:
    """The words before offset k in its comma part: what a value there is predicated of."""
    return text[max(text.rfind(ch, 0, k) for ch in "，,；;。:：") + 1:k] if k >= 0 else ""


def _other_banks(holder: str) -> bool:
    return bool(_OTHER_BANK.search(holder))


# the bank whose rule it is, as a rule names it (在我行开立) and as a question does (我们行, 咱们这)
_OWN_BANK = re.compile(r"我行|本行|我社|本社|经办行")
_OWN_SAID = r"(我们|我|本|咱们|咱)(这|这里|这边|行|银行|社)?"
# where a question puts a thing: 开在建行, 放在别的银行
_PLACED = re.compile(r"(开在|开到|开立在|放在|设在)(?P<place>[^，,。；;？?]{1,6}?(银行|行|社))")
_NOT_OWN = re.compile(rf"(没|不|未)(有)?(开|设)?在{_OWN_SAID}")


def _held_elsewhere(q: Question, text: str, k: int, concept: Concept, denied: bool = False) -> tuple[Verdict, str] | None:
    """A rule requiring a thing at this bank (在我行开立基本存款账户) against a question that holds it at
    another (基本户开在建行, 基本户没开在我们行): the stated fact fails the requirement. A rule denying a
    state at this bank (在我行账户未处于冻结) reaches no other bank's: a state held there (他行账户被冻结)
    leaves the rule unsettled, not failed."""
    holder = _holder(text, k)
    if not _OWN_BANK.search(holder) or _other_banks(holder):
        return None   # (在我行及他行均无逾期: the rule reaches every bank)
    for m in concept.members:
        for at in re.finditer(re.escape(m), q.norm):
            part = _part_at(q.norm, at.start())
            after = part[part.find(m) + len(m):]
            placed = _PLACED.search(after)
            if _other_banks(part) or _NOT_OWN.search(after) or (
                    placed and not re.fullmatch(_OWN_SAID, placed.group("place"))):
                return ("depends", f"此项只限本行，问题中「{m}」在他行") if denied else ("no", f"要求在本行{m}，问题中在他行")
    return None


def _said_of_same_head(norm: str, term: str, text: str, after: int) -> bool:
    """A value the rule says as a modifier of a head (流动资金|贷款) is a kind of that head: the question's
    value must modify the same head (固定资产项目贷款), not another thing (固定资产做抵押)."""
    head = re.match(r"[\u4e00-\u9fff]{2}", text[after:])
    if head is None:
        return True
    return re.search(re.escape(term) + r"[^，,。；;？?]{0,4}?" + re.escape(head.group()), norm) is not None


def _scope_before_exclusion(reading: Reading) -> bool:
    """「适用的对象为…流动资金贷款…,不包括…」: a scope stated before the sentence excludes: what it names is
    all it covers, as with 只限于."""
    first = min((a for a, _b in reading.negated), default=reading.end) - reading.start
    return bool(scope_word(reading.text[:first]))


# a state spoken of as feared or possible, not as the case (担心会掉到关注类, 以后可能降级)
_IRREALIS = re.compile(r"会|担心|怕|可能|万一|如果|要是|假如|以后|将来")


def _value_not_held(q: Question, term: str, demanded: str) -> bool:
    """Whether the story does not hold the value it names: it also states the demanded one, affirmed (掉到关注类，
    后来又调回正常类了), or the value stands under a fear or a possibility (担心续贷以后会掉到关注类)."""
    value = next((v for values in FAMILIES.values() for v in values if v in term), term)
    k = q.norm.find(term)
    # the demanded value stated later in the story, outside the asking clause: the state it came back to
    later = q.norm.find(demanded, k + len(term)) if k >= 0 else -1
    asking_from = len(q.norm) - len(q.asking)
    if 0 <= later < asking_from and not any(a <= later < b for a, b in q.negated) \
            and _other_banks(_holder(q.norm, later)) == _other_banks(_holder(q.norm, k)):
        return True   # (of the same loan: 他行融资 正常类 says nothing of the loan here)
    clause_start = max(q.norm.rfind(ch, 0, max(k, 0)) for ch in "，,。；;？?！!") + 1
    return k >= 0 and _IRREALIS.search(q.norm[clause_start:k]) is not None and value != demanded


def _named_by_another_item(q: Question, reading: Reading, sibling: str) -> bool:
    """Whether the question names an item of the rule's list that the demanded value does not modify:
    「中小企业流动资金贷款和个人经营性贷款」 demands 流动资金 of the first item only — a 个人经营性贷款 is covered
    whatever its purpose."""
    m = scope_word(reading.text)
    if m is None:
        return False
    first = min((a for a, _b in reading.negated), default=reading.end) - reading.start
    listed, _open = list_members(reading.text, m.end(), max(m.end(), first))
    items = [x for part in listed for x in re.split(r"和|及|与|或", part) if x]
    return any(sibling not in x and len(x) >= 4 and x in q.norm for x in items)


def _values_inside(c: Concept) -> tuple[str, ...]:
    """The classification values a compound of the question holds whole (掉到|关注类, 降成|次级类): the word
    states that value as well as what it maps to."""
    return tuple(p for p in c.parts if len(p) >= 3 and p not in c.members
                 and any(p == v for values in FAMILIES.values() for v in values))


def _family_stance(q: Question, reading: Reading, focus, total: float) -> Stance | None:
    """A value of a classification the reading does not name (关注类) against the value a
    requirement or scope demands (正常类)."""
    if reading.kind not in ("requirement", "scope", "exclusion"):
        return None
    for c, w in focus:
        for term in c.members + _values_inside(c):
            sibling = _family_sibling(reading, term)
            if sibling and sibling not in term and term not in reading.text:
                # the value is of one loan: the customer's loan at another bank (他行融资) or its own
                asked_other = _other_banks(_holder(q.norm, q.norm.find(term)))
                spots = [j for j in range(len(reading.text)) if reading.text.startswith(sibling, j)
                         and _other_banks(_holder(reading.text, j)) == asked_other]
                if not spots:
                    continue
                k = spots[0] + reading.start
                bare = any(sibling in values for values in FAMILIES.values())
                if bare and not _said_of_same_head(q.norm, term, reading.text, spots[0] + len(sibling)):
                    continue
                if polarity_at(reading, k) > 0 and (reading.kind != "exclusion" or ONLY.search(reading.text)
                                                    or _scope_before_exclusion(reading)):
                    if _value_not_held(q, term, sibling) or _named_by_another_item(q, reading, sibling):
                        continue
                    verdict: Verdict = "yes" if q.concept_negated(c) else "no"
                    # a value the story states against the one demanded is a stated fact failing the rule:
                    # it decides for the document however small a share of a long story it is
                    why = f"要求为{sibling}" + ("" if verdict == "yes" else f"，问题中为{term}")
                    return Stance(verdict, reading, w / total + 0.2, term, why)
            named = _family_named(reading, term) if term not in reading.text else None
            if named:
                k = reading.text.find(named) + reading.start
                if polarity_at(reading, k) > 0:
                    return Stance("no" if q.concept_negated(c) else "yes", reading, w / total + 0.2, term,
                                  f"{named}包括{term}")
    return None


# an opening that refers back to the sentence before (期间因特殊情况…: during the period that sentence set)
_CONTINUES = re.compile(r"^\s*(在此期间|期间|其间|此间|届时|此时)")


def with_previous(readings: list[Reading]):
    """Each reading of a clause with the one before it (None for the first): a back-reference needs it."""
    return zip(readings, [None] + readings[:-1])


def carried_words(q: Question, reading: Reading, previous: Reading | None) -> frozenset[str]:
    """The question's words a sentence opening with a back-reference (期间…) leaves to the sentence
    before it in its clause: held there (实行名单制管理), they are what it speaks of too, and are not
    missed in it."""
    if previous is None or not _CONTINUES.match(ITEM_MARK.sub("", reading.text)):
        return frozenset()
    # (a word held there in part, 名单 of 进名单, is carried whole: the back-reference makes that
    # sentence's subject, the list, this one's, and 进名单 is asked of it)
    return frozenset(c.members[0] for c in q.concepts if c.match(previous.text) > 0 and c.match(reading.text) == 0
                     and not any(m in RENEWAL for m in c.members))


# the issuer a title opens with, up to the institution word closing its name (the glossary's class)
_ISSUER_OPENING = re.compile(r"^.*?" + word_class("发文机构"))


def title_words(q: Question, title: str) -> frozenset[str]:
    """The question's words a document's title holds (抵押登记 of 「小微企业续贷抵押登记操作规程」): its every
    clause speaks within that subject, and does not repeat it — held by the title, they are not missed in a clause."""
    # (a title's quoted name and bracketed qualifiers — “续贷通”, (2.0版本), (暂行) — name the document, not its subject)
    title = re.sub(r"“[^”]*”|\"[^\"]*\"|[(（][^)）]*[)）]", "", title)
    # (nor does the issuer a title opens with: 黑龙江省农村信用社|小微企业…, XX农商银行|小微企业…)
    title = _ISSUER_OPENING.sub("", title)
    # (only what the question asks about: the words naming whose rules they are — 黑龙江省农村信用社 — are no subject)
    return frozenset(c.members[0] for c in q.focus
                     if c.match(title) == 1.0 and not any(m in RENEWAL for m in c.members))


def stance(q: Question, reading: Reading, weights: list[tuple[Concept, float]], anchors: frozenset[str],
           drop: frozenset[str] = frozenset(), frame: frozenset[str] = frozenset(),
           carried: frozenset[str] = frozenset()) -> Stance | None:
    """What one reading says about the thing the question asks, or None. Words of `drop` name nothing
    asked; words of `frame` (the lent money of a question about its use) count where the reading has
    them and are not missed where it lacks them."""
    if reading.kind == "definition" and not _EVENT_FRAME.search(reading.text):
        return None
    if _introduces_list(reading):
        return None   # 「以下贷款不属于续贷范围:」 says it of its items, not of the words it shares with a question
    if asks_lent_use(q) and not uses_rule(reading.text):
        return None   # a use of the lent money is decided by a rule on uses, not by a condition on the borrower
    text = reading.text
    focus = [(c, w) for c, w in weights if c in (q.topic or q.focus) and not any(m in drop for m in c.members)] or weights
    asked_here = tuple(c for c, _w in focus)
    total = sum(w for _c, w in focus) or 1.0
    found = []
    words = [m for c, _w in focus for m in c.members]
    for c, w in focus:
        hit = _find(text, c)
        if hit is None or hit[2]:
            # (a part of the compound, 民间, is less than the compound with a modifier inside)
            hit = _narrower_denied(reading, c) or hit
        if hit is None and c.members[0] in carried:
            # held by the sentence this one continues: what the sentence speaks of from its start
            hit = (0, c.members[0], False)
        if hit is not None and hit[2]:
            hit = _narrowed_by_asked(text, c, words) or hit
        if hit is not None and _attribute_of_norm(text, hit) and not _attribute_of_norm(q.norm, (q.norm.find(hit[1]), hit[1], False)):
            # 「符合本行发放贷款条件和标准」 is about the conditions, not about lending: a word that only
            # names which norm the rule means holds nothing of an act the question asks about
            hit = None
        if hit is not None:
            found.append((c, w, hit))
    if q.circumstances:
        # a passive's agent the reading does not name (被法院冻结 against 账户被…冻结) is who acted, and a
        # cause adjunct (因为一起买卖纠纷被冻结) why: not what is asked, so not missed
        held = {id(c) for c, _w, _h in found}
        focus = [(c, w) for c, w in focus if id(c) in held or id(c) not in q.circumstances] or focus
        total = sum(w for _c, w in focus) or 1.0
    if reading.kind in ("prohibition", "exclusion") and len(found) < len(focus) and found and all(
            _said_denied(reading, h[1]) for _c, _w, h in found if not any(m in anchors for m in _c.members)):
        # a rule forbidding an act forbids it however it is done: a word saying how the asked act is done
        # (临时|办, 直接|放款) that the rule does not hold is not missed
        held = {id(c) for c, _w, _h in found}
        focus = [(c, w) for c, w in focus if id(c) in held or not manner_of_act(q, c)] or focus
        total = sum(w for _c, w in focus) or 1.0
    if frame and _USES.search(text):
        # only in a rule on uses is the money a frame the rule may word its own way (续贷资金, 贷款)
        held = {id(c) for c, _w, _h in found}
        focus = [(c, w) for c, w in focus if id(c) in held or not all(m in frame for m in c.members)] or focus
        total = sum(w for _c, w in focus) or 1.0
    if len(found) < len(focus):
        focus = _without_story_event(q, focus, found, anchors)
        total = sum(w for _c, w in focus) or 1.0
    if q.standards and not any(pred and q._predicate_stated(pred, text) for _a, _b, pred in q.standards) \
            and not _RELATION.search(text):
        # a comparison asked (担保能比原来弱吗) against a rule stating neither its predicate nor any relation
        # of one thing to another (贷款担保有效): the rule speaks of no comparison
        return None
    if q.standards and len(found) < len(focus):
        # the standard of a comparison (比新增贷款) counts where the rule states it and is not missed
        # where it does not
        held = {id(c) for c, _w, _h in found}
        focus = [(c, w) for c, w in focus if id(c) in held or not q.in_standard(c, text)] or focus
        total = sum(w for _c, w in focus) or 1.0
    if len(found) < len(focus):
        # a phrase's head without its modifier names another thing: 开发 of 「续贷产品的开发」 is not
        # 房地产开发
        held = {id(c): hit for c, _w, hit in found}
        orphans = {id(head) for mod, head in q.phrases if id(head) in held and id(mod) not in held
                   and _other_modifier(q, text, held[id(head)])}
        found = [f for f in found if id(f[0]) not in orphans]
        # a phrase's first word without its second (欠息 for 欠息记录, 房地产 for 房地产开发) names the
        # phrase's kind: the second word is not missing from what the reading is about
        # — when the second is the more common word (记录 after 欠息); a rarer head is the kind itself
        # (消费贷 after 个人: 个人 alone names 个人经营户 as well)
        weight = {id(c): w for c, w in focus}
        implied = {id(b) for a, b in q.phrases if id(a) in held and not held[id(a)][2] and id(a) not in orphans
                   and id(b) not in held and _modifies(q, a, b)
                   and (weight.get(id(b), 0) <= weight.get(id(a), 0) or _activity_head(q, a, b))}
        if _LINE_OF_BUSINESS.search(text):
            implied |= {id(c) for c in _relative_heads(q, [f[0] for f in found])}
        focus = [(c, w) for c, w in focus if id(c) not in implied]
    # how much of what is asked the reading holds; renewal itself (续贷, 续贷通) says nothing. When the
    # topic is a customer's story, each of its clauses is one stated fact: the reading is about
    # the question when it holds most of one fact.
    groups = _fact_groups(q, focus, anchors)
    all_total = sum(w for g in groups for _c, w in g) or 1.0
    strength = full = 0.0
    focus_group = groups[0] if groups else []
    best_key = None
    for group in groups:
        g_found = [(c, w, hit) for c, w, hit in found if any(c is gc for gc, _w in group)]
        if len(groups) > 1:
            # a story's details the corpus never names (经销商, 合同纠纷) cannot be in any rule: they do
            # not dilute how much of the fact the reading holds
            group = [(c, w) for c, w in group if not _unknown(w) or any(c is fc for fc, _w, _h in g_found)] or group

        g_total = sum(w for _c, w in group) or 1.0
        g_full = sum(w for c, w, hit in g_found if not hit[2]) / g_total
        # the rarest word of a fact is what it is about: 房地产 in 「做房地产开发的」, not 开发
        top_w = max(w for _c, w in group)
        if not any(w >= top_w - 1e-9 for _c, w, _h in g_found):
            g_full = min(g_full, MIN_STRENGTH - 0.01)
        # across the facts of a story, the reading holding the weightier fact is the more relevant
        g_strength = sum(w * (PARTIAL_SHARE if hit[2] else 1.0) for c, w, hit in g_found) / all_total
        # a story's fact is a long clause: its rarest word found and four tenths of it suffice
        passes = g_full >= MIN_STRENGTH or (len(groups) > 1 and g_full >= STORY_STRENGTH
                                            and any(w >= top_w - 1e-9 for _c, w, _h in g_found))
        if passes:
            g_full = max(g_full, MIN_STRENGTH)
        key = (passes, g_strength)
        if best_key is None or key > best_key:
            best_key, strength, full, focus_group = key, g_strength, g_full, group
    denom = all_total
    if len(groups) == 1:
        denom = sum(w for _c, w in focus_group) or 1.0
        strength = sum(w * (PARTIAL_SHARE if hit[2] else 1.0) for c, w, hit in found
                       if any(c is gc for gc, _w in focus_group)) / denom
    every_hit = [h for _c, _w, h in found]
    if groups:
        found = [f for f in found if any(f[0] is c for c, _w in focus_group) or any(m in anchors for m in f[0].members)]
    catch = _catch_all(q, reading, found, anchors) or _open_uses(q, reading, found, anchors, asked_here)
    if catch is not None:
        return catch
    rel = _relational(q, reading)
    if rel is not None:
        return Stance("yes" if rel[0] else "no", reading, max(strength, 0.5) + 1.0, "原贷款额度", rel[1])
    compared = _compared(q, reading, found, anchors)
    if compared is not None:
        return Stance(compared[0], reading, max(strength, 0.5) + 1.0, compared[1], compared[2])
    weaker = _weaker_than_floor(q, reading, found)
    if weaker is not None:
        return Stance("no", reading, max(strength, 0.5) + 1.0, weaker[0], weaker[1])
    blank = _blank_limit(q, reading, max(strength, 0.5))
    if blank is not None:
        return blank
    ratio = _ratio_stance(q, reading, max(strength, 0.5) + 1.0)
    if ratio is not None:
        return ratio
    lead = _lead_time_stance(q, reading, max(strength, 0.5) + 1.0, strength)
    if lead is not None:
        return lead
    window = _window_stance(q, reading, max(strength, 0.5) + 1.0)
    if window is not None:
        return window
    numeric = _limit_stance(q, reading, max(strength, 0.5) + 1.0)
    if numeric is not None:
        return _under_condition(q, reading, numeric)
    family = _family_stance(q, reading, focus, total)
    if family is not None:
        return family
    specific = [f for f in found if not any(m in anchors for m in f[0].members)]
    if not specific:
        # the reading mentions only renewal itself, not the thing asked about: 「能续贷吗」 about a
        # customer is decided by the conditions the customer meets, not by any sentence on 续贷
        return None
    candidates = specific or found
    if not candidates:
        return None
    # a word the reading holds only inside a longer phrase another asked word matches whole (民间 inside
    # 民间高利借贷, which 高利贷 matches) is not what the reading speaks of: the longer match is
    whole = [f for f in candidates if not _inside_longer_hit(f[2], [h for h in every_hit if h is not f[2]])]
    candidates = whole or candidates
    # the thing asked: the most specific word; among near-equal ones the later, since a Chinese
    # question puts what it asks about last (「…对符合续贷条件的企业抽贷、断贷吗」)
    # — and of an obligation, a word it asks for (after its modal) before one of what it is laid on
    # (对审批通过的续贷业务,…必须与借款人重新签订借款合同: 借款合同, not 审批通过)
    concept, weight, (pos, term, partial) = max(
        candidates, key=lambda f: (not f[2][2], not (_subject_of_obligation(reading, f[2][0]) or _subject_of_item(reading, f[2][0])),
                                   round(f[1] * 2) / 2, max(q.norm.rfind(m) for m in f[0].members)))
    if _subject_of_item(reading, pos) and q.negated and not any(
            not _subject_of_item(reading, h[0]) for _c, _w, h in found):
        # only the item's subject is held (存量贷款 of 「现有存量贷款虽未欠息,但存在…欠息记录的」), nothing of what its
        # predicate says, and the story denies what it tells of it (没有逾期): the item decides nothing of the story
        return None
    pos = _with_the_others(text, term, pos, [f for f in found if f[0] is not concept])
    top_specific = max((w for c, w in focus if not any(m in anchors for m in c.members)), default=0.0)
    if full < MIN_STRENGTH and not (partial and weight >= top_specific):
        # it shares minor words with the question, not the thing asked; the one exception is the
        # asked thing itself met only in part (质押贷款 in 存单质押), which the partial rule reads
        return None
    if _another_loan(q, reading, pos + reading.start):
        return None
    if reading.condition and reading.condition[0] <= pos + reading.start < reading.condition[1]:
        # the same word in the consequence is what a rule under a condition says about it
        later = text.find(term, reading.condition[1] - reading.start)
        if later >= 0:
            pos = later
    pos += reading.start
    stated_neg = q.concept_negated(concept) and not _affirmed_after_but(q, concept, found, reading)
    if reading.lead == "requirement" or reading.kind in ("requirement", "obligation"):
        elsewhere = _held_elsewhere(q, text, pos - reading.start, concept, polarity_at(reading, pos) < 0)
        if elsewhere is not None:
            return Stance(elsewhere[0], reading, strength, term, elsewhere[1])
    timed = _timing(q, reading, term, strength)
    if timed is not None:
        return timed
    if reading.kind == "definition":
        return _defining_element(q, reading, pos, term, strength)
    if EVENT.fullmatch(term):
        # an event (到期) is when the act happens, not what is asked about: a rule timed by it decides
        # only when the question says which side of it the act is (_timing); otherwise it says nothing
        return None
    line = _business_line(text, pos - reading.start)
    if line is not None:
        # the rule names a borrower by its business (从事…担保等业务的公司): the question must name that
        # business as its customer's (担保公司), not an act for this loan (公司来担保) nor only 公司
        trades = [c for c, _w, hit in found if line[0] <= hit[0] < line[1] and hit[1] not in _BORROWER_HEADS]
        if not any(_names_business(q, c) for c in trades):
            return None
        if partial and any(m.startswith(term) and m[len(term):] in _FIRM_HEADS for m in concept.members):
            partial = False   # 典当行 is a firm in the trade (典当) the rule names, not a kind of it

    included = _included(text, pos - reading.start, [c for c, _w, _h in specific])
    if (included is not None and not stated_neg and reading.kind not in ("definition", "prohibition", "exclusion")
            and reading.lead != "exclusion" and not reading.negated):
        # only a sentence that affirms its head includes: under 不得/不适用/不予受理 the bracket is
        # as denied as its head
        # 「全省农村信用社(含农村商业银行,下同)」: what the parenthesis includes is covered as its head is
        return Stance("yes", reading, strength, term, f"明确包括：「{included}」")
    if reading.kind not in DECIDING and not reading.negated and not _states_the_practice(q, reading, full, groups):
        return None
    if reading.exception and reading.exception[0] <= pos < reading.exception[1]:
        return Stance("depends", reading, strength, term, "属于除外情形，需满足例外条件")
    sign = _polarity_of(reading, pos, term)
    if sign < 0 and _in_measure(q, reading, pos):
        sign = -sign   # the bound's measure (拟归还贷款金额) is not what the negation denies
    if stated_neg and reading.lead == "exclusion" and any(a <= pos < b for a, b in reading.negated) \
            and _other_verb_denied(q, reading, pos, term):
        # 「没有欠过利息」 against 「存在未结清利息的」: the question denies owing, the rule denies settling
        # — two negations of different verbs do not cancel; the story is clear of the excluded state
        if _one_of_many_conditions(q, reading):
            return Stance("depends", reading, strength, term, MET_ONE)
        return Stance("yes", reading, strength, term, f"问题所述没有「{term}」，不属于所列情形")
    partial = partial or _only_kinds_listed(q, reading, pos, term)
    split = _kinds_on_both_sides(reading, term) if not stated_neg and not partial else None
    if split is not None:
        return Stance("depends", reading, strength, term, split)
    if partial:
        # 质押贷款 asked, 存单质押 excluded: the asked class is 「X + 贷款」 and the excluded member is
        # a kind of X (head-final: 存单质押 is a 质押). 担保人 and 「担保等业务」 are not such a pair.
        span = next(((a, b) for a, b in reading.negated if a <= pos < b), (reading.start, reading.end))
        listed, _open = list_members(reading.text, span[0] - reading.start, span[1] - reading.start)
        if not any(narrower(m, asked) for m in listed for asked in concept.members):
            return None
        if sign < 0 and not stated_neg:
            named = [m for m in listed if any(narrower(m, asked) for asked in concept.members)]
            # naming which kinds of the asked class are excluded speaks to the whole class: it is as
            # on-topic as a sentence naming the class itself (一家「不含质押贷款」，一家只排除存单质押)
            whole = _as_whole(strength, weight, denom)
            return Stance("depends", reading, whole, term,
                          "仅部分种类被排除：" + ("、".join(named) if named else term), partial=True)
        return None
    if sign < 0 and reading.exception:
        return Stance("depends", reading, strength, term, "原则上不可以，但有除外情形")
    if sign < 0 and not stated_neg and (reading.lead == "exclusion" or reading.kind in ("exclusion", "prohibition")):
        over = _no_longer(q, text, pos - reading.start, term)
        if over is not None:
            if _one_of_many_conditions(q, reading) or reading.lead == "exclusion":
                return Stance("depends", reading, strength, term, MET_ONE)
            return Stance("yes", reading, strength, term, f"所列为「{over}」，问题所述已不属于此")
    if sign < 0 and reading.lead == "exclusion" and not stated_neg:
        cleared = _cleared(q, reading, concept, anchors)
        if cleared is not None:
            if _one_of_many_conditions(q, reading):
                return Stance("depends", reading, strength, term, MET_ONE)
            return Stance("yes", reading, strength, term, f"所列情形为「{cleared}」，问题所述不属于此")
        rest = _unsettled_conjunct(q, text, pos - reading.start) or _unsettled_predicate(q, reading, pos, term)
        if rest is not None:
            return Stance("depends", reading, strength, term, f"仅当同时「{rest}」时不可以")
    covered = sum(1 for a, b in reading.negated if a <= pos < b)
    kind = reading.kind
    if covered == 0 and reading.lead != "exclusion" and kind in ("prohibition", "exclusion"):
        # outside what the prohibition forbids: its own part may still oblige or permit it
        # (「须视同新增业务如实进行调查…，不得简化操作程序」), or a scope verb before it may include it
        modal = _governing_modal(text, pos - reading.start)
        if scope_word(text[:max(0, pos - reading.start)]):
            kind = "scope"
        elif modal is not None:
            kind = modal
        else:
            return None  # the subject or context of a prohibition, not what it forbids
    practice = reading.kind not in DECIDING and _states_the_practice(q, reading, full, groups)
    if sign > 0 and reading.kind not in DECIDING and not practice:
        return None
    if sign > 0 and kind in ("obligation", "permission"):
        # trust first: a modal is read as governing its own clause only — 「各银行业机构应…，加快续贷产品
        # 的开发」 is not taken to oblige 开发 of whatever a question asks about; another mention of
        # the word in a clause with the modal will do (「抵、质押合同签订后,应重新办理…质押登记」)
        form = match_form(text)
        spots = [k for k in range(len(form)) if form.startswith(term, k)] or [pos - reading.start]
        after_modal = [f for f in found if f[0] is not concept]
        if not any(_modal_governs(form, k) and not _modifies_subject(form, k, term, after_modal) for k in spots):
            return None

    restricted = None if reading.condition else _part_restriction(reading, pos)
    if restricted is not None:
        said = text[restricted[0] - reading.start:restricted[1] - reading.start]
        if not _stated(q, said, text[restricted[1] - reading.start:]):
            if _holds_in_part(found, focus):
                return None
            return Stance("depends", reading, strength, term, f"仅适用于「{said}」的情形")
    cond_text = text[reading.condition[0] - reading.start:reading.condition[1] - reading.start] if reading.condition else ""
    if reading.condition and _stated(q, cond_text, text[reading.condition[1] - reading.start:]):
        # the question states the condition (评估报告超过有效时限): the consequence applies; an
        # obligation as consequence answers 需要, and 能否 with 「须先…」
        rest = text[reading.condition[1] - reading.start:].strip("，,；;。 ")
        # the story's facts the condition holds make the rule the one for this case: they count as held
        strength += _condition_share(weights, cond_text, focus, denom)
        if q.modality != "necessity" and OBLIGATION.search(rest):
            met = _met_alternative(q, rest)
            if met is not None:
                # 「…，必须增加抵押物，或降低续贷额度以匹配现值」 and the question does the second (denying
                # the first: 拿不出新的抵押物)
                return Stance("yes", reading, strength, term, f"此情形下可以按「{met}」办理，问题所述即是")
            if _negates_every_way(q, rest):
                # 「能不重新评估吗」: asking to skip what the condition makes obligatory
                return Stance("no", reading, strength, term, f"此情形下须{OBLIGATION.split(rest, 1)[-1]}")
            return Stance("depends", reading, strength, term, f"可以，但须满足：{rest}")
    elif reading.condition:
        # a rule under a condition the question does not state holds only when it holds — when it is
        # about what is asked: holding only part of an asked word (抵押 of 抵押登记) it is about another thing
        if _holds_in_part(found, focus):
            return None
        return Stance("depends", reading, strength, term, f"仅在「{ITEM_MARK.sub('', cond_text)}」时适用")
    verdict: Verdict = "yes" if (sign > 0) != stated_neg else "no"
    if verdict == "no" and sign < 0 and not partial:
        modifier = rule_modifier(concept, term)
        said = _modifier_said(q, modifier) if modifier is not None else None
        if said is False:
            # 「无参与民间高利借贷」 for 借了些钱周转(民间借贷)，利息不算高利: the story's kind is not the one barred
            if _one_of_many_conditions(q, reading):
                return Stance("depends", reading, strength, term, MET_ONE)
            return Stance("yes", reading, strength, term, f"规定针对「{term}」，问题所述不是{modifier}的")
        # the rule bars a narrower kind than the story states: its modifier unsaid inside the asked compound
        # (民间借贷 against 民间高利借贷), or after the asked word (借过些民间的钱)
        kind_barred = term if modifier is not None and said is None else _narrower_kind(q, text, pos - reading.start, term)
        if kind_barred is not None:
            return Stance("depends", reading, strength, term, f"规定针对「{kind_barred}」，问题没有说明是否属于此类")
        qualified = _unsettled_qualifier(q, reading, pos, term)
        if qualified is not None:
            return Stance("depends", reading, strength, term, qualified)
    if sign > 0 and not stated_neg and _left_to_discretion(text, pos - reading.start):
        # 「可视实际情况酌情调整」: left to the bank's judgement case by case
        return Stance("depends", reading, strength, term, "由银行视实际情况酌情决定")
    if verdict == "no" and stated_neg and sign > 0:
        other = _open_alternative(q, text, pos - reading.start)
        if other is not None and _takes_way(q, other, text.replace(other, "")):
            # the story fails one way and takes the other (原保证人不肯再保，另找了一家公司来保证)
            return Stance("yes", reading, strength, term, f"问题所述按另一种方式办理，文件列明可以：「{other}」")
        if other is not None:
            return Stance("depends", reading, strength, term, f"问题所述不满足「{term}」一项，但也可以：{other}")
    if verdict == "yes":
        failed, other_way = _stated_facts(q, reading, concept, anchors)
        if _clears(reading, sign, stated_neg):
            failed = None
        failed = failed or _relational_fails(q, reading)
        if failed is not None:
            return Stance("no", reading, strength, term, failed)
        if other_way is not None:
            return Stance("depends", reading, strength, term, other_way)
        if _one_of_many_conditions(q, reading):
            way = _way_taken(q, text)
            if way is not None:
                # the story's act is one of the ways the requirement names: the document provides for it
                return Stance("yes", reading, strength, term, f"文件列明可以这样办：「{way}」；其余条件仍须逐项核对")
            return Stance("depends", reading, strength, term, MET_ONE)
        if _denied_predicate_missing(q, term, text):
            # 「保证人不愿再担保」 against a rule on telling the 担保人: the story denies something of the
            # matched word that the rule does not speak of — the rule is about the word, not that
            return None
    why = {"exclusion": EXCLUDED_WHY, "prohibition": "明确禁止", "requirement": "列为必备条件",
           "procedure": "文件规定的做法", "statement": "文件规定的做法",
           "scope": "列为适用范围", "obligation": "规定须办理", "permission": "规定可以办理",
           "time_limit": "规定了时限"}.get(kind, "")
    if sign > 0 and kind in ("exclusion", "prohibition"):
        why = "列为适用范围"
    if sign < 0 and kind not in ("exclusion", "prohibition"):
        why = "要求不得存在该情形" if kind == "requirement" else "否定表述"
    if verdict == "no" and _story_fact_excluded(reading, len(groups), stated_neg):
        why = f"问题中「{term}」属于所列不适用情形"
    return Stance(verdict, reading, strength, term, why)


# an inclusion in brackets right after a term: 农村信用社(含农村商业银行,下同), 客户(含个体工商户)
_INCLUSION = re.compile(r"[(（](含|包括)([^()（）]+)[)）]")


def _states_the_practice(q: Question, reading: Reading, full: float, groups) -> bool:
    """A sentence stating how the document's business is done (我行客户经理实行首问负责制受理客户贷款申请) is its
    rule as much as one with a modal: it answers 「是不是实行首问负责制」 when it holds every word asked, as a
    whole sentence of its own — not a heading, not a list entry — and the question tells no story."""
    return (reading.kind in ("procedure", "statement") and not reading.negated and full >= 1.0 and len(groups) <= 1
            and not reading.lead and reading.text.rstrip().endswith(("。", "；", ";")) and _said_together(q, reading))


def _said_together(q: Question, reading: Reading) -> bool:
    """Whether the sentence says the asked words as one phrase: the shortest stretch holding them all is no longer
    than the words with two characters between each — 「分支机构推荐、联社(总行)认定」 does not say 分支机构认定."""
    form = match_form(reading.text)
    words = [m for c in (q.topic or q.focus) for m in c.members[:1] if m in form and m not in RENEWAL]
    if not words:
        return False
    words = set(words)
    spots = sorted((k, k + len(w), w) for w in words for k in range(len(form)) if form.startswith(w, k))
    allowed = sum(len(w) for w in words) + 2 * (len(words) - 1)
    # a stretch opening at each mention, up to where the last missing word ends
    for i, (start, _e, _w) in enumerate(spots):
        seen: set[str] = set()
        for _s, end, w in spots[i:]:
            seen.add(w)
            if seen == words:
                if end - start <= allowed:
                    return True
                break
    return False


def _denied_predicate_missing(q: Question, term: str, text: str) -> bool:
    """Whether the question negates a predicate of the matched word right after it (保证人|不愿再担保,
    抵押人|没有到场) whose words the rule does not hold in full: the story then says the word's holder
    refuses or lacks something the rule does not speak of, and the rule's 可以 is not about it."""
    k = q.norm.find(term)
    if k < 0:
        return False
    after = k + len(term)
    for s, e in q.negated:
        if after <= s <= after + 4 and re.fullmatch(r"[也都就还已经并]*([不没未无非][^，,。；;？?]{0,2})?", q.norm[after:s]) is not None:
            words = [t for t, _syns in token_terms(q.norm[s:e])
                     if len(t) >= 2 and t not in GENERIC and not is_negator(t[0])]
            return bool(words) and not all(w in text for w in words)
    return False


def _included(text: str, k: int, asked) -> str | None:
    """The bracketed inclusion the asked thing stands in — the word at k, or every asked word
    (「含农村商业银行」 for 农村, 商业银行) — or None. A bracket holding only 含 (「A级(含)以上」)
    marks a limit inclusive and includes no thing."""
    for m in _INCLUSION.finditer(text):
        # what follows a 不含/不包括 inside the bracket is left out of it: (含个体工商户贷款,不含个人消费贷款)
        inner = re.split(r"[，,]?\s*(?:但)?(?:不含|不包括)", m.group(2))[0]
        end = m.start(2) + len(inner)
        if m.start(2) <= k < end or asked and all(any(w in inner for w in c.members) for c in asked):
            return m.group(0).strip("()（）")
    return None


def _story_fact_excluded(reading: Reading, n_facts: int, stated_neg: bool) -> bool:
    """One fact of a customer's story falls in what the document excludes: it decides for the
    document however small a share of the story it is, as a failed requirement does."""
    return reading.lead == "exclusion" and n_facts > 1 and not stated_neg


# a comma part that opens with its own agent (银行业机构…, 担保人…, 借款人…) has a new subject: a modal
# before it does not reach into it
_AGENT = re.compile(r"(机构|银行|行社|联社|社|行|人|方|企业|客户|部门|中心|局|单位|政府)$")
_NOMINAL = ("n", "nr", "ns", "nt", "nz", "l", "j")


def _opens_with_subject(part: str) -> bool:
    words = [(w, t) for w, t in pos_tags(part.strip(" ，,；;：:")) if w.strip()]
    return bool(words) and words[0][1].startswith(_NOMINAL) and bool(_AGENT.search(words[0][0]))


def _modifies_subject(form: str, k: int, term: str, others=()) -> bool:
    """Whether the word at k modifies a noun before the modal of its part (「对…的入库|企业应及时退出」):
    it names which ones the rule is about; what the modal obliges or permits is the verb after it —
    unless the question's other words stand after the modal (「抵押物价值应重新评估」 asked with 评估)."""
    part_start = max(form.rfind(ch, 0, k) for ch in "，,；;：:") + 1
    part = _part_at(form, k)
    m = OBLIGATION.search(part) or PERMISSION.search(part)
    if m is None or part_start + m.start() <= k:
        return False
    governed = part[m.end():]
    if any(mem in governed for c, _w, _h in others for mem in c.members):
        return False
    after = [(w, t) for w, t in pos_tags(form[k + len(term):part_start + m.start()]) if w.strip()]
    return bool(after) and after[0][1].startswith(_NOMINAL) and len(after) <= 2


# what a modal's verb is about or is to prevent, not the act it obliges or permits: the topic of
# 「就…事宜进行沟通」「关于…」 and the object of 避免/防止/杜绝 (「避免出现…无法办理登记的问题」)
_NOT_THE_ACT = re.compile(r"就[^，,。；;]{1,40}?(事宜|问题|事项)|关于[^，,。；;]{1,40}|(避免|防止|杜绝)[^，,。；;]{1,60}")


def _modal_governs(form: str, k: int) -> bool:
    return _governing_modal(form, k) is not None


# additive 除 (除A，还应B: A and B both), as against the exceptive 除A外，不得/均… the readings mark
_ADDITIVE = re.compile(r"除(?!外|非)([^。；;]{1,80}?)(?:以外|之外|外)?[，,]\s*(?:还|也|亦)(?=应当|应|须|必须|需|要)")


def _governing_modal(form: str, k: int) -> str | None:
    """The modal that reaches offset k ("obligation" or "permission"): one in its own comma part, or
    in an earlier part of the sentence when no part from there on opens with a new subject — Chinese
    runs a modal over a chain of verb phrases (「可与…建立平台，将窗口前移至网点，做到抵押登记不见面办理」;
    「必须书面告知担保人，并经担保人书面同意」), but 「机构应…，担保人…」 starts over."""
    start = max(form.rfind(ch, 0, k) for ch in "。；;") + 1
    if any(m.start() < k < m.end() for m in _NOT_THE_ACT.finditer(form, start)):
        return None
    if any(m.start(1) <= k < m.end(1) for m in _ADDITIVE.finditer(form, start)):
        # 「除…如实开展贷前调查…，还应重点调查…」: what 除 names is done besides, under the modal that follows
        return "obligation"
    bounds = [start] + [i + 1 for i in range(start, k) if form[i] in "，,：:"]
    for b in reversed(bounds):
        part = _part_at(form, b)
        if OBLIGATION.search(part):
            return "obligation"
        if PERMISSION.search(part) or ASSIGNED.search(part):
            return "permission"
        if _opens_with_subject(part):
            return None
    return None


# an event a rule times an act by (到期, 届满), and whether the act comes before or after it; a
# parenthesis may sit between (到期(含展期后到期)后)
_EVENT = f"({EVENT.pattern})"
# the event right after a time said of it, its subject and an adverb between (下周五贷款就到期, 10号到期)
_THEN_EVENT = r"[^，,。；;？?！!0-9]{0,4}?(?:就|便|才)?(?:要)?" + _EVENT
_EVENT_FRAME = re.compile(_EVENT + r"(?:[(（][^)）]{0,12}[)）])?(之前|以前|前|之后|以后|后)")
# what a question says of the event: it has happened (已经到期了, 到期后) or not yet (快到期, 还没到期)
_HAPPENED = re.compile(r"(已经|已|都|过了)[^，,。；;]{0,6}" + _EVENT + r"|" + _EVENT + r"(了|之后|以后|后)")
_PENDING = re.compile(r"(快|即将|将要|就要|马上|还没|还未|尚未|没有|没|未)[^，,。；;]{0,3}" + _EVENT + r"|" + _EVENT + r"(之前|以前|前)")


# days in each unit, as a range: a working day is a calendar day or more (weekends, holidays), a month
# 28 to 31 days
_DAYS = {"小时": (1 / 24, 1 / 24), "日": (1.0, 1.0), "工作日": (1.0, 1.5), "个月": (28.0, 31.0), "年": (365.0, 366.0)}


# the act a lead time is of, in the clause of the time left (离到期只剩两周才来交申请); a word of the
# present (今天才来说要续贷) times the act at today, from which the time left is counted
_ACT_IN = re.compile(r"申请|提出|递交|交|办理|来办|办(?!法)|今天|今日|现在|眼下|这会儿")


def _from_now(text: str, n: Limit) -> bool:
    """10天后到期: a time after which the event comes, counted from today — the time left."""
    return text[n.end - 1:n.end] == "后"


def _lead_before_event(q: Question, n: Limit) -> bool:
    """A stated time before the event (到期前10天), or the time left to it when the act is done (离到期只剩
    两周才来交申请; 还有10天就到期，今天才来交申请 — the act in the clause or the one after it)."""
    ahead = re.match(r"(就|便|才)?(要)?" + _EVENT, q.norm[n.end:]) is not None
    left = TIME_LEFT.search(q.norm[:n.start]) is not None or ahead and (
        _LEFT_BEFORE.search(q.norm[:n.start]) is not None or _from_now(q.norm, n))
    return n.unit in _DAYS and (n.op == "before" or re.search(_EVENT + r"(之|以)?前(的)?$", q.norm[:n.start]) is not None
                                or left and _ACT_IN.search(_two_clauses_after(q.norm, n.end)) is not None)


# days from today a relative time word puts the event at (下周五就到期: one to thirteen days)
_WEEKDAY = "[一二三四五六日天]?"
_RELATIVE_DAYS = ((r"今天|今日", (0.0, 0.0)), (r"明天|明日", (1.0, 1.0)), (r"后天", (2.0, 2.0)), (r"大后天", (3.0, 3.0)),
                  (rf"(下周|下星期|下礼拜){_WEEKDAY}", (1.0, 13.0)), (rf"(这周|本周|这星期|这礼拜){_WEEKDAY}", (0.0, 6.0)),
                  (r"下个?月(初|中|底)?", (1.0, 61.0)))
# the event's subject may stand after the time word (下周五贷款就到期), as a time word may head a clause
_RELATIVE_EVENT = re.compile("(?P<when>" + "|".join(p for p, _s in _RELATIVE_DAYS) + ")" + _THEN_EVENT)


# the time left said before the event (还有10天就到期, 只剩两周到期)
_LEFT_BEFORE = re.compile(r"(还有|还剩|只剩|只有|仅剩|剩下|不到)$")


def _two_clauses_after(text: str, k: int) -> str:
    first = _clause_after(text, k)
    return first + " " + _clause_after(text, k + len(first) + 1)


def _lead_days(q: Question) -> tuple[float, float] | None:
    """How long before the event the question puts the act, in days (a range): a stated 到期前10天, or
    two calendar dates, the one the event falls on (6月30日到期) and the act's (6月20日递交)."""
    for n in q.numbers:
        if _lead_before_event(q, n):
            return n.value * _DAYS[n.unit][0], n.value * _DAYS[n.unit][1]
    # two days of the calendar, or two of this month and the next (下个月10号到期，这个月底才交): the
    # act's and the event's, when both are said the same way
    for dates in (calendar_dates(q.norm), deictic_dates(q.norm)):
        event = [d for d in dates if _EVENT_AFTER.match(q.norm, d[1])]
        acts = [d for d in dates if d not in event]
        if len(event) == 1 and len(acts) == 1:
            (_s, _e, em, ed), (_s2, _e2, am, ad) = event[0], acts[0]
            days = (em - am) * 30.5 + (ed - ad)
            return days, days
    relative = _RELATIVE_EVENT.search(q.norm)
    if relative is not None and _ACT_IN.search(_two_clauses_after(q.norm, relative.end())) is not None:
        return next(span for pattern, span in _RELATIVE_DAYS if re.fullmatch(pattern, relative.group("when")))
    return None


# the event right after a date, its subject between (6月30日到期, 下个月10号贷款就到期)
_EVENT_AFTER = re.compile(_THEN_EVENT)


# a time said of the event (月底到期, 周末就到期, 过两天到期): the question dates it
_DATED_EVENT = re.compile(r"(天|日|号|周|星期|礼拜|月|年|底|初|末|中旬)" + _THEN_EVENT + "(?![前后])")


_BEFORE_EVENT = re.compile(_EVENT + r"(?:[(（][^)）]{0,12}[)）])?(?:日|之日)?(之|以)?前\s*(?:至少|不少于|最少)?\s*$"
                           r"|提前\s*(?:至少|不少于|最少)?\s*$")


def _times_the_event(q: Question) -> bool:
    dated = _DATED_EVENT.search(q.norm)
    return dated is not None and _ACT_IN.search(_two_clauses_after(q.norm, dated.end())) is not None


# an adversative turns the story round (没借高利贷，但把钱高息借给了别人): what it says after stands
_BUT = re.compile(r"(但是|但|可是|不过|然而|却)")


def _affirmed_after_but(q: Question, concept: Concept, found, reading: Reading) -> bool:
    """Whether, after a negated mention of the thing the rule speaks of, the clause an adversative opens
    affirms another word of the question that the reading forbids too: 「自己没借高利贷，但把钱高息借给了
    别人」 states the lending the rule forbids, though its first word denies the borrowing."""
    first = min((q.norm.find(m) for m in concept.members if m in q.norm), default=-1)
    if first < 0:
        return False
    turn = _BUT.search(q.norm, first)
    if turn is None:
        return False
    after = _clause_after(q.norm, turn.end())
    return any(c is not concept and not q.concept_negated(c) and any(m in after for m in c.members)
               and polarity_at(reading, reading.start + hit[0]) < 0 for c, _w, hit in found)


def _lead_time_stance(q: Question, reading: Reading, strength: float, topical: float) -> Stance | None:
    """A lead time the rule requires (到期前1个月提出申请) against the one the question states: shorter,
    or after the event, 不可以; as long or longer, 可以. `strength` weighs a comparison made; `topical`,
    how much the clause is about the question, weighs a reminder where no comparison could be made."""
    # …a time before the event the question dates (到期前1个月, 提前10天), not before another act (续贷前一年)
    lim = next((x for x in reading.limits if x.op == "before" and x.unit in _DAYS and
                _BEFORE_EVENT.search(reading.text[:max(0, x.start - reading.start)])), None)
    if lim is None:
        return None
    lead = _lead_days(q)
    if lead is None:
        # (上周五已经到期了: an event past is judged by the rule's time frame, 到期前 against 到期后)
        if _times_the_event(q) and not (_HAPPENED.search(q.norm) and not _PENDING.search(q.norm)):
            # the story dates the event in words no reckoning here reads: the rule's time is the answer
            # to check, never a 可以 the time limit does not give; nothing was compared, so it weighs no more
            # than its clause is about the question (a date told in passing must not outweigh the clause asked about)
            return Stance("depends", reading, topical, lim.quantity or "时间", f"要求提前{_num(lim.value)}{lim.unit}，须按问题所述日期核对")
        return None
    need = (lim.value * _DAYS[lim.unit][0], lim.value * _DAYS[lim.unit][1])
    same = next((n for n in q.numbers if _lead_before_event(q, n) and n.unit == lim.unit), None)
    if same is not None:
        # in the rule's own unit the two compare exactly (20个工作日 against 15个工作日)
        lead, need = (same.value, same.value), (lim.value, lim.value)
    low = lead[0]
    said = (f"提前{_num(same.value)}{same.unit}" if same is not None else
            f"提前约{_num(round(low))}天" if low >= 0 else f"晚于到期约{_num(round(-low))}天")
    if lead[0] >= need[1] or lead[1] < need[0]:
        return Stance("yes" if lead[0] >= need[1] else "no", reading, strength, lim.quantity or "时间",
                      f"要求提前{_num(lim.value)}{lim.unit}，问题中为{said}")
    # 20个工作日 against 1个月: as long or not, by the calendar of the actual dates
    return Stance("depends", reading, strength, lim.quantity or "时间",
                  f"要求提前{_num(lim.value)}{lim.unit}，问题所述时间与之相当，须按实际日期核对")


def _defining_element(q: Question, reading: Reading, pos: int, term: str, strength: float) -> Stance | None:
    """A definition answers only whether a thing is part of what it defines (「续贷是指…经其主动申请…办理的
    贷款业务」 asked 是不是要主动申请): an element it states, affirmed and under no condition. It never
    permits or forbids (「到期后不能按时收回」 in it is no ban)."""
    head = DEFINITION.search(reading.text)
    asked = next((c for c in q.concepts if term in c.members), Concept((term,), ()))
    included = _included(reading.text, pos - reading.start, [])
    # …only for the thing the definition defines: every other word asked (信用贷款 of 展期过的信用
    # 贷款) must be in it too, or the question is about a kind the definition does not speak to
    rest = [c for c in (q.topic or q.focus) if term not in c.members and not any(m in RENEWAL for m in c.members)
            and not all(EVENT.fullmatch(m) for m in c.members)]
    if included is not None and head is not None and pos - reading.start >= head.end() and \
            polarity_at(reading, pos) > 0 and not q.concept_negated(asked) and \
            all(_find(reading.text, c) is not None for c in rest):
        # 「续贷是指…原有贷款到期(含展期后到期)后…」: what the definition's bracket includes is within
        # what it defines — a scope, not a permission read from its wording
        return Stance("yes", reading, strength, term, f"按定义明确包括：「{included}」")
    if q.modality != "necessity" or head is None or pos - reading.start < head.end() or polarity_at(reading, pos) < 0:
        return None
    if q.concept_negated(asked):
        return None
    # who does it is part of the element: 「经其主动申请」 (the borrower's) is not 银行主动申请
    others = [c for c in q.focus if term not in c.members and not any(m in RENEWAL for m in c.members)]
    # (jieba tags 是不是 a noun: the question's own grammar is no agent)
    agents = [n for n in q.nouns if n not in RENEWAL and n not in asked.members and "不" not in n
              and n not in ("是否", "能否", "可否")]
    if any(_find(reading.text, c) is None for c in others) or any(n not in reading.text for n in agents):
        return None
    return Stance("yes", reading, strength, term, "按定义即包括此项")


def timed_only(st: Stance) -> bool:
    """A verdict on when the act happens (到期前/后), not on the thing asked."""
    return EVENT.fullmatch(st.term or "") is not None


def beyond_timing(per_doc: dict[str, Stance], q: Question | None = None) -> dict[str, Stance]:
    """The documents' verdicts that vote. A kind a document excludes (存单质押) is renewed neither before nor
    after the loan falls due: where one excludes what is asked, the others' rules on when renewal happens do
    not speak to it. (A 可以 on the thing asked leaves them standing: when to renew is still part of it.)"""
    if any(st.verdict == "no" and not timed_only(st) for st in per_doc.values()):
        return {d: st for d, st in per_doc.items() if not timed_only(st)}
    if q is not None and not _timing_asked(q) and any(not timed_only(st) for st in per_doc.values()):
        # the story only tells when it is (快到期了) and the question asks of another thing (展期过的贷款):
        # the rules on when renewal happens answer nothing asked
        return {d: st for d, st in per_doc.items() if not timed_only(st)}
    return per_doc


def _timing_asked(q: Question) -> bool:
    """Whether the question asks about when: the asking clause names the event or asks when (到期前能办吗,
    什么时候), or the story tells the event as past (已经到期了): whether it is too late is then asked. An
    event still ahead (快到期了) is when renewal comes up, no question of timing."""
    asking = q.asking or q.norm
    if EVENT.search(asking) or re.search(r"什么时候|何时|啥时候|几时|时点|\bwhen\b", asking):
        return True
    return bool(_HAPPENED.search(q.norm)) and not _PENDING.search(q.norm)


def _timing(q: Question, reading: Reading, term: str, strength: float) -> Stance | None:
    """An act timed by an event (「须在原贷款到期前1个月提出申请」; 续贷 defined as what happens 「到期
    (含展期后到期)后」) against what the question says of the event (已经到期了 / 快到期了): the same
    side of it, 可以; the other side, 不可以. A definition speaks only to this: when the act happens."""
    if not re.fullmatch(_EVENT, term):
        return None
    frames = [m for m in _EVENT_FRAME.finditer(reading.text) if m.group(1) == term]
    if not frames:
        return None
    # 「到期后仍有融资需求，…在到期前办理」: the event that times the act is the one whose part goes on
    # to the act (办理, 发放, 签订…); the other times a circumstance
    frame = next((m for m in frames if PROCEDURE.search(re.split(r"[，,；;。]", reading.text[m.end():], maxsplit=1)[0])),
                 frames[0])
    needs = "before" if frame.group(2) in ("之前", "以前", "前") else "after"
    pending = any(m.group(0).find(term) >= 0 for m in _PENDING.finditer(q.norm))
    happened = any(m.group(0).find(term) >= 0 for m in _HAPPENED.finditer(q.norm)) and not pending
    if not pending and not happened:
        return None
    said = "after" if happened else "before"
    side = {"before": "前", "after": "后"}
    why = f"规定在{term}{side[needs]}办理，问题中{'已' if happened else '尚未'}{term}"
    return Stance("yes" if said == needs else "no", reading, strength, term, why)


# an exclusion item may join two facts (「…价值发生变化…,又不能提供其他有效担保的」): both must hold
_CONJOINED = re.compile(r"[，,](?=又|且|并且|同时)")


def _clears(reading: Reading, sign: int, stated_neg: bool) -> bool:
    """The asked fact is one an exclusion item negates (涉诉案件未结案) and the question affirms it
    (已经结案): the item excludes only cases lacking it, so its other facts describe another case."""
    # in an item of alternatives (已形成逾期或存在未结清利息的) clearing one leaves the other to fail
    return reading.lead == "exclusion" and sign > 0 and not stated_neg and "或" not in reading.text


def _cleared(q: Question, reading: Reading, asked: Concept, anchors) -> str | None:
    """An excluded case described with a negated fact (借款人存在涉诉案件未结案的) that the question
    affirms (官司已经结案了): the customer's case is not the one excluded. Returns the negated part."""
    for c, hit, sign in _stated_facts_against(q, reading, asked, anchors):
        k = reading.start + hit[0]
        span = next(((a, b) for a, b in reading.negated if a <= k < b), None)
        if sign > 0 and span is not None and not q.concept_negated(c):
            return reading.text[span[0] - reading.start:span[1] - reading.start].strip("，,；;。的 ")
    return None


# a rule on a state that holds now (现有存量贷款已形成逾期), and a question's fact that held once and is over
# (曾逾期，早已补上): the customer is not in the state the rule excludes
_CURRENT = re.compile(r"现有|现存|目前|当前|正在|仍然?|尚")
_ENDED = re.compile(r"^[^。；;？?]{0,10}?(?<![没未不])(还上|还清|结清|补上|补交|付清|还完|处理完|已解决)")


def _ended_of(q: Question, after: str, word: str) -> bool:
    """The end said right after the word (逾期过一回，早就补上了) — not one said, past a comma, of another
    of the question's things (还欠息，之前的逾期已经还清了: 还清 is of the 逾期)."""
    m = _ENDED.search(after)
    if m is None:
        return False
    cut = max(m.group(0).rfind("，"), m.group(0).rfind(","))
    if cut < 0:
        return True
    # (the ending verb itself, adverbs and time words — 已经, 早就, 后来 — name no other thing)
    clause = m.group(0)[cut + 1:m.start(1) - m.start(0)]
    return not any(x != word and x in clause and not q.tags.get(x, "n").startswith(("d", "t", "r"))
                   for c in q.concepts for x in c.members if len(x) >= 2)


def _no_longer(q: Question, text: str, k: int, term: str) -> str | None:
    """The excluded state as the rule words it, when the rule's clause marks it current and the question
    says its own instance is over; else None."""
    part_start = max(text.rfind(ch, 0, k) for ch in "，,；;：:") + 1
    if not _CURRENT.search(text[part_start:k]):
        return None
    # the question's instance in its own words: the matched word, or the question's word for it (欠息 for
    # the rule's 「未结清利息」) — not another word of the part (利息已结清，但贷款已逾期: 逾期 holds on)
    part = _part_at(text, k)
    said = [term] + [m for c in q.concepts if term in c.members for m in c.members if m in q.norm]
    if not any(_ended_of(q, q.norm[j + len(w):], w) for w in said for j in [q.norm.find(w)] if j >= 0):
        return None
    return f"{part.strip('；;。，, ')}（现有情形）"


def _unsettled_predicate(q: Question, reading: Reading, pos: int, term: str) -> str | None:
    """「存在涉诉案件未结案的」: the excluded thing is predicated by a negation right after it — only those
    not settled are excluded. A question that names the thing and says nothing of the predicate
    (客户有官司) is excluded only if it holds."""
    end = pos + len(term)
    # only an adverb may stand between (涉诉案件尚未结案); 「逃废债、无还款意愿」 is a list, not a predicate
    span = next(((a, b) for a, b in reading.negated
                 if end <= a <= end + 1 and all(ch in "尚仍还均" for ch in reading.text[end - reading.start:a - reading.start])), None)
    if span is None:
        return None
    pred = reading.text[span[0] - reading.start:span[1] - reading.start].strip("，,；;。的 ")
    words = [t for t, _s in token_terms(pred) if len(t) >= 2 and not is_negator(t)]
    if not words or any(w in q.norm or any(w in x for x in q.words) for w in words):
        return None
    # the question negates something of the thing in its own words (官司还没打完), or says it is still
    # going on (官司还在打: the progressive aspect is a not-yet-finished state): it states the predicate
    for k in (q.norm.find(m) for m in (term, *q.words) if m and term in (m, *_members_of(q, m))):
        if k < 0:
            continue
        part = _part_at(q.norm, k)
        rest = part[part.find(q.norm[k:k + 1]):]
        if any(k < a and "，" not in q.norm[k:a] and "," not in q.norm[k:a] for a, _b in q.negated) or _ONGOING.search(rest):
            return None
    return pred


_ONGOING = re.compile(r"还在|正在|仍在|尚在|仍然在")


def _members_of(q: Question, word: str) -> tuple[str, ...]:
    return next((c.members for c in q.concepts if word in c.members), ())


def _unsettled_conjunct(q: Question, text: str, k: int) -> str | None:
    """The other fact of a two-fact exclusion item when the question states only the one at k."""
    cuts = [m.start() for m in _CONJOINED.finditer(text)]
    if not cuts:
        return None
    bounds = [0] + cuts + [len(text)]
    # a word the conjuncts share (贷款担保…，又不能提供其他担保) cannot tell which one a question states
    own = next(text[a:b] for a, b in zip(bounds, bounds[1:]) if a <= k < b)
    for a, b in zip(bounds, bounds[1:]):
        if a <= k < b:
            continue
        part = text[a:b].strip("，,；;。的 ")
        words = _telling_words(part, own)
        if words and not any(w in q.norm for w in words):
            return part
    return None


def _condition_share(weights, cond_text: str, focus, denom: float) -> float:
    """The weight of the question's story words (not what it asks) that a stated condition holds."""
    asked = {id(c) for c, _w in focus}
    held = [w for c, w in weights if id(c) not in asked and c.match(cond_text) == 1.0
            and not any(m in RENEWAL for m in c.members)]
    return sum(held) / (denom or 1.0)


def _as_whole(strength: float, weight: float, denom: float) -> float:
    """The strength of a reading that met the asked word only in part, counted as meeting it whole."""
    return strength + (1.0 - PARTIAL_SHARE) * weight / denom


def _telling_words(part: str, other: str) -> list[str]:
    """The words that tell one conjunct from the other: a word both share states neither."""
    return [t for t, _s in token_terms(part) if len(t) >= 2 and t not in _CONJUNCT_IDLE and t not in other]


_CONJUNCT_IDLE = frozenset("又 且 并且 同时 不能 不 其他 其它 提供 出现 发生".split())


MET_ONE = "问题所述符合此项条件，其余条件仍须逐项核对"
# what an exclusion of the asked or stated thing says
EXCLUDED_WHY = "列为不适用/不属于"


def _one_of_many_conditions(q: Question, reading: Reading) -> bool:
    """A story asking whether renewal is possible, met by one item of a list of conditions: meeting one
    settles nothing — failing one does — and the others must still be checked."""
    # an item of an exclusion list the story is clear of (利息已结清 against 「存在未结清利息的」) is one
    # condition met as well
    # (whether a thing is required — 要不要书面同意 — is answered by the item itself: 需要)
    # a question pointing at one condition (这一项过不过, 这个数能做吗) asks about that one only
    return reading.lead in ("requirement", "exclusion") and q.topic != q.focus and q.modality != "necessity" \
        and not points_at_one_item(q.asking) and not vouches_for_the_rest(q.norm)


def _negates_any(q: Question, text: str) -> bool:
    """Whether the question negates a word of `text` at some mention (能不重新评估) — one the text does not
    negate itself: 「在第一顺位还没注销的情况下」 against 「在第一顺位抵押权未注销的情况下」 says what it says."""
    own = negation_scope(text)
    for word in {t for t, _s in token_terms(text) if len(t) >= 2}:
        spots = word_offsets(text, word)
        # (negated an odd number of times, and not as what must come first: 未经重新评估不予续贷 requires
        # the assessment)
        if spots and all(sum(a <= j < b for a, b in own) % 2 == 1 and not _required_first(text, j, word)
                         for j in spots):
            continue
        k = q.norm.find(word)
        while k >= 0:
            if any(a <= k < b for a, b in q.negated):
                return True
            k = q.norm.find(word, k + 1)
    return False


def _negates_every_way(q: Question, obligation: str) -> bool:
    """Whether the question negates each way an obligation may be met (「须A，或B」): denying one way
    (拿不出别的抵押物) leaves the other open; a disjunction fails only when every way does."""
    ways = _ways(obligation)
    if len(ways) == 1:
        return _negates_any(q, obligation)
    # a way is what it does, not the purpose after 以 (「降低续贷额度以匹配抵押物的现值」 is no part of 抵押物)
    cores = [_PURPOSE.split(way, 1)[0] for way in ways]
    return all(_negates_any(q, core) or _kept_unchanged(q, core) for core in cores)


_PURPOSE = re.compile(r"(?<![可予加难所足得用])以(?![上下内前后外及])|用以|从而")
# a change made to a thing (降低续贷额度), and a question keeping that thing as it is (额度也照原来不变)
_CHANGE_MADE = re.compile(r"(降低|提高|增加|减少|调低|调高|下调|上调|压降|调整)([\u4e00-\u9fff]{2,6})")
# (between the thing and 不变 only adverbs and particles: 额度也想照原来不变, not 额度调低但期限不变)
_UNCHANGED = re.compile(r"(?:也|都|就|还|仍然?|依然|想|要|照|按|跟|和|原来|原样|以前|之前|一样|的|了)*(不变|不动|保持原|维持原)")


def _kept_unchanged(q: Question, way: str) -> bool:
    """The question keeps unchanged what the way changes: 「额度也想照原来不变」 denies 「降低续贷额度」."""
    m = _CHANGE_MADE.search(way)
    if m is None:
        return False
    for word in {t for t, _s in token_terms(m.group(2)) if len(t) >= 2}:
        for k in word_offsets(q.norm, word):
            if _UNCHANGED.match(q.norm, k + len(word)):
                return True
    return False


def _required_first(text: str, j: int, word: str) -> bool:
    """未经X… / 未X前…: the negation makes X a condition that must come first, not a thing denied."""
    before, after = text[max(0, j - 4):j], text[j + len(word):j + len(word) + 2]
    return re.search(r"未经[^，,。；;]{0,2}$", before) is not None or (
        re.search(r"未[^，,。；;]{0,2}$", before) is not None and after.startswith(("前", "之前", "以前")))


def _left_to_discretion(text: str, k: int) -> bool:
    """A cue of discretion or a pilot reaches its own comma part and the ones after it (a verb chain
    runs on to its result: 「试点推行电子证明，做到不见面办理」), not the parts before it."""
    ends = [i for i in (text.find(ch, k) for ch in "，,；;。") if i >= 0]
    end = min(ends) if ends else len(text)
    cue = DISCRETION.search(text)
    # a 的-phrase before it (「需要临时展期的，可视情况酌情办理」) is what the rule after it is about
    return cue is not None and (cue.start() < end or text[:end].rstrip().endswith("的"))


def _part_at(text: str, k: int) -> str:
    """The comma part of `text` that holds offset k."""
    s, e = clause_bounds(text, k, stops="，,；;：:", end_stops="，,；;。")
    return text[s:e]


def _conjunct_groups(q: Question, specific: list) -> list[list]:
    """Coordinated predicates of the asked clause (「不重新签合同、继续沿用原合同」) word one thing two ways:
    each conjunct is a group of its own, and a reading holding one of them whole is about the question."""
    parts = [(m.start(), m.end()) for m in re.finditer(r"[^、，,。；;！!？?]+", q.norm)]
    groups: dict[int, list] = {}
    for c, w in specific:
        k = next((i for i, (a, b) in enumerate(parts) if any(m in q.norm[a:b] for m in c.members + c.parts)), 0)
        groups.setdefault(k, []).append((c, w))
    spans = sorted(groups)
    joined = all(q.norm[parts[i][1]:parts[i][1] + 1] == "、" for i in spans[:-1]) and all(
        spans[j + 1] == spans[j] + 1 for j in range(len(spans) - 1))
    if len(groups) < 2 or not joined or any(len(g) < 2 for g in groups.values()):
        return [specific]
    return list(groups.values())


# the relations a rule states between a thing and a standard (等同或优于原贷款, 不得高于, 相同或稍长)
_RELATION = re.compile(r"[优劣高低长短宽严强弱多少大小快慢早晚]于|等同|相同|一致|相当|超过|不足|稍[长短高低]|以[上下内]|之内|及以[上下]")


def _without_story_event(q: Question, focus, found, anchors) -> list:
    """A story's event (贷款到期了) is when renewal comes up, not what is asked: every renewal follows it,
    so a rule that does not word it misses nothing — unless the question places the act on a side of it
    (到期前/后), which the timing rules read, or the event is all the question names."""
    if _EVENT_FRAME.search(q.norm):
        return focus
    held = {id(c) for c, _w, _h in found}
    kept = [(c, w) for c, w in focus if id(c) in held or not all(EVENT.fullmatch(m) for m in c.members)]
    return kept if any(not any(m in anchors for m in c.members) for c, _w in kept) else focus


def _fact_groups(q: Question, focus, anchors) -> list[list]:
    """The topic's specific words, one group per clause of the question when the topic is the
    whole question (a story), else one group."""
    specific = [(c, w) for c, w in focus if not any(m in anchors for m in c.members)]
    if not specific:
        return []
    if q.topic == q.focus or len(q.topic) == 0:
        return _conjunct_groups(q, specific)
    groups: dict[int, list] = {}
    parts = [(m.start(), m.end()) for m in re.finditer(r"[^，,。；;！!？?]+", q.norm)]
    for c, w in specific:
        k = next((i for i, (a, b) in enumerate(parts) if any(m in q.norm[a:b] for m in c.members + c.parts)), 0)
        groups.setdefault(k, []).append((c, w))
    return list(groups.values())


# a negated catch-all of uses (不得用于其他用途, 不得挪作他用); 「其他违法行为」 is no rule on uses
_CATCH_ALL = re.compile(r"(其他|其它|其她)用途|他用")
_USES = re.compile(r"用途|(?<!适)用于")
# the money is what is used (「…贷到的钱拿去买车」), not the customer (「要求客户先买一份保险」)
# (the money may stand as the topic before a comma: 「续贷下来的钱，客户想留一部分发工资」)
# (a verb with a negated potential complement — 拿不出, 买不起 — says what cannot be done, not a use)
_NOT_ABLE = r"(?!不[出到了起来])"
_MONEY_USED = re.compile(r"(钱|资金|款(?!人))[，,]?[^，,。；;？?]{0,12}?(用于|用来|用在|拿|留|买|购|投|花|付)" + _NOT_ABLE +
                         # or the verb first: 留一部分钱发工资, 拿这笔钱去买设备 — not with the experiential 过 (挪用过贷款资金
                         # is what the customer once did, a fact of the story, not a use asked for)
                         r"|(留|拿|用|花|挪)" + _NOT_ABLE + r"(?!用?过)[^，,。；;？?]{0,6}(钱|资金)")
# asking about a use of the money: 用于, 用来, 拿去买, 投到, 花在…
_USE_VERB = re.compile(r"用于|用来|用在|拿去|拿来|拿[^，,。；;？?]{1,6}去|留[^，,。；;？?]{1,6}(发|付|买|还|投)|买|购|投到|投入|花在|付"
                       # English: be spent on, be used for, go to, buy
                       r"|\b(spend|spent|used (for|to|on)|use (it|them) (for|to|on)|go(es)? (to|toward)|buy|buying|purchase|pay for)\b")


# money the renewal lends (贷下来的钱, 续贷资金), not the customer's own (自己的钱) nor another debt (借的钱)
_LENT_MONEY = re.compile(r"(贷|放|批)(下来|出来|到手|到|出)?的?(钱|资金)|(续贷|贷款)(拿到|得到|到手)的(钱|资金)"
                         r"|(贷款|续贷)(资金|款)"
                         r"|\b(renewal|renewed|loan|lent)\s+(money|funds|proceeds)\b"
                         r"|\b(money|funds|proceeds)\s+(from|of)\s+(a |an |the )?(renewal|renewed|loan)")
# a rule on what the lent money is used for (续贷贷款的用途…, 续贷资金直接用于…)
_LOAN_USES = re.compile(r"(贷款|资金)的?(用途|[^，,。；;]{0,4}用于)")
# the money as what a modal asks about (钱能不能…, 资金可以…): asking what may be done with it
_MODALS = r"能|可以|可不可以|能不能|可否|能否"
_MONEY_MODAL = re.compile(rf"(钱|资金)[^，,。；;？?]{{0,3}}({_MODALS})[^，,。；;？?]+")


# an asking clause that opens with its modal has no subject of its own (…，能不能给工厂添点原料)
_SUBJECTLESS = re.compile(rf"^(还|那|就|又|也|那还)?({_MODALS})")


def _money_is_topic(q: Question) -> bool:
    """The lent money opens a clause of the story (续贷下来的钱归还原贷款以后…) and the asking clause opens
    with its modal: in Chinese topic–comment order the money is what the asking clause speaks of."""
    m = _LENT_MONEY.search(q.norm)
    opens = m is not None and re.fullmatch(r"(续|这笔|那笔|这些|该)?", q.norm[max(q.norm.rfind(ch, 0, m.start()) for ch in "，,。；;") + 1:m.start()]) is not None
    # …and what it asks is a purpose (给工厂添原料, 拿去发工资), not a step of the loan (按等额本息还款)
    asking = q.asking.lstrip("，, ")
    return opens and _SUBJECTLESS.search(asking) is not None and ("给" in asking or _USE_VERB.search(asking) is not None)


def asks_a_use(q: Question) -> bool:
    """Whether the question asks to put money to a use: a use verb in the asking clause (…能不能拿一部分
    去买设备), or the lent money itself asked about with a modal (贷下来的钱能给工人发工资吗), or, when
    that clause has no content of its own (…，可以吗), the money put to a use in the story (留一部分钱发
    工资). A use verb elsewhere in a story (利息一直按月付) asks nothing."""
    if q.focus and _LENT_MONEY.search(q.norm) and (_MONEY_MODAL.search(q.asking) or _money_is_topic(q)) \
            and not _money_modified(q):
        return True
    return bool(_USE_VERB.search(q.asking) if q.focus else _MONEY_USED.search(q.norm))


def _money_modified(q: Question) -> bool:
    """「资金来源能不能…」: a noun right after the money makes it a modifier of another thing (its
    source), which is what the modal asks about — not the money put to a use."""
    tags = pos_tags(q.asking)
    for k, (w, _t) in enumerate(tags):
        if re.fullmatch(_MODALS, w):
            break   # what comes after the modal is what is asked, not its subject
        rest = re.split(r"钱|资金", w)[-1] if ("钱" in w or "资金" in w) else None
        if rest is None:
            continue
        after = rest or (tags[k + 1][0] if k + 1 < len(tags) and tags[k + 1][1].startswith("n") else "")
        if after and not _USES.match(after) and after not in ("款", "款项"):
            return True   # 资金来源 (one word), 资金|状况; but 资金用途 and 钱款 are the money and its use
    return False


def asks_lent_use(q: Question) -> bool:
    """Whether the question asks to put the money renewal lends (贷下来的钱, 续贷资金) to a use."""
    return bool(_LENT_MONEY.search(q.norm)) and asks_a_use(q)


def lent_money_frame(q: Question) -> frozenset[str]:
    """When the question asks to put the money renewal lends to a use (续贷拿到的钱能拿去买…), the words
    naming that money (拿到, 钱) are the frame of the question, not what it asks: what it asks is the use."""
    if not asks_lent_use(q):
        return frozenset()
    spans = [m.span() for m in _LENT_MONEY.finditer(q.norm)]
    # renewal itself (续贷 of 续贷资金) is what every rule here is about: never frame
    return frozenset(m for c in q.concepts for m in c.members if m not in RENEWAL
                     and any(q.norm.find(m, a) != -1 and q.norm.find(m, a) + len(m) <= b for a, b in spans))


def uses_rule(text: str) -> bool:
    """Whether a sentence rules on what money is used for (用途, 用于)."""
    return bool(_USES.search(text))


def _allowed_use_asked(q: Question, allowed: str, anchors: frozenset[str]) -> bool:
    """Whether the asking clause names a thing of the use the rule allows (限于偿还原贷款 → 原贷款)."""
    # a thing is named by its head (原贷款 of 全部原贷款); a quantifier alone (部分) names no thing
    return any(w[i:] in q.asking for w in _allowed_things(allowed, anchors) for i in range(len(w) - 2))


@lru_cache(maxsize=512)
def _allowed_things(allowed: str, anchors: frozenset[str]) -> frozenset[str]:
    """The things of an allowed use, read once per rule (the tagger is slow)."""
    # the use itself follows the verb that allows it (用于归还原贷款); before it stands what is used
    allowed = re.split(r"用于|限于|用来|只能用于", allowed)[-1]
    runs, run = [], ""
    for w, tag in pos_tags(allowed):   # a noun phrase the tagger splits (原|贷款) is one thing
        if tag.startswith("n"):
            run += w
        else:
            runs.append(run)
            run = ""
    runs.append(run)
    return frozenset(w for w in runs if len(w) >= 2 and w not in anchors and w not in GENERIC and not _USES.search(w))


def _catch_all(q: Question, reading: Reading, found, anchors) -> Stance | None:
    """「用于归还原贷款，不得用于其他用途」: a negated catch-all (其他…) makes the rule an only-rule.
    A question about a use the reading does not list (拿去买设备) is answered by it — when the
    reading is about the rest of what is asked (续贷资金, 用途) and the asked thing itself is not in it."""
    spans = [(a, b) for a, b in reading.negated if _CATCH_ALL.search(reading.text[a - reading.start:b - reading.start])]
    if not spans or q.asks_verdict is False and q.kind != "yesno":
        return None
    asked = [c for c in (q.topic or q.focus) if not any(m in anchors for m in c.members)]
    missing = [c for c in asked if c.match(reading.text) == 0]
    present = [c for c in asked if c.match(reading.text) > 0]
    # the frame (资金/用途/用于…) is shared, the thing asked about is not in the list; a question about a
    # use of what renewal lends (续贷贷到的钱拿去买车) shares the frame of a rule on its uses
    # — or, when the question's money is what renewal lends (贷下来的钱), a rule on the uses of the
    # renewal's money is about it whatever else the two share
    about_uses = _USES.search(reading.text) and (
        any(c.match(reading.text) > 0 for c, _w, _h in found) and _MONEY_USED.search(q.norm)
        or _LENT_MONEY.search(q.norm) and _LOAN_USES.search(reading.text))
    # the question asks to use the money (…能不能拿一部分去买设备): a use verb in a story's other clause
    # (利息一直按月付) asks nothing; when the asking clause has no content of its own (…，可以吗) the story
    # must put the money to a use (留一部分钱发工资)
    s, e = spans[0]
    allowed = reading.text[:s - reading.start]
    within = [c for c in present if c.match(allowed) == 1.0]
    # a word of the question the rule denies outright (不得划转至…其他账户), outside its catch-all
    # (不得用于其他用途, which denies every use but the named one), is another use asked
    denied = [c for c, _w, (k, _t, _p) in found if c not in within
              and any(a <= reading.start + k < b and _CATCH_ALL.search(re.split(r"或|、|及|[，,；;。]", reading.text[k:])[0]) is None
                      for a, b in reading.negated)]
    if asks_a_use(q) and not denied and (not missing or _allowed_use_asked(q, allowed, anchors)):
        # the use the only-rule allows is what is asked (用于归还原贷款, 打到原贷款账户): the question names
        # what the rule allows (原贷款) — a verb alone (归还其他银行的贷款) is another use
        if within and _allowed_use_asked(q, allowed, anchors):
            lead = ITEM_MARK.sub("", allowed).split(":")[-1].strip("，,；; ")
            return Stance("yes", reading, 0.75, within[-1].members[0], f"文件限定的用途：「{lead}」")
        return None
    if not missing or not (present or about_uses) or not asks_a_use(q):
        return None
    part = reading.text[s - reading.start:e - reading.start].rstrip("。；;")
    # the thing asked comes last in a Chinese question (拿去买|设备)
    return Stance("no", reading, 0.75, missing[-1].members[0], f"只限文件所列用途，「{part}」")


_REPAY = re.compile(r"归还|偿还|还|还清|还掉")


# how much of the money a use takes (拿一部分去…) says nothing of which use it is
_SHARE_OF = frozenset("部分 一部 一部分 一些 全部 所有 大部分 小部分 剩下 剩余 其余".split())


def _named_use(listed: list[str], held: list) -> str | None:
    """The item of a list of uses holding the use asked (设备 in 设备购置), if one does."""
    return next((x for x in listed if held and held[-1].match(x) > 0), None)


def _open_uses(q: Question, reading: Reading, found, anchors, asked_here: tuple = ()) -> Stance | None:
    """「续贷资金可以用于…流动资金周转、设备购置…等方面」: a permission listing uses and ending in 等
    neither allows nor forbids a use it does not name (买原材料): whether it falls under the list is
    open, so the document's answer depends."""
    if not asks_lent_use(q) or reading.kind != "permission" or reading.negated:
        return None
    m = re.search(r"(用于|用在)", reading.text)
    if m is None:
        return None
    listed, open_ = list_members(reading.text, m.end(), len(reading.text))
    frame = lent_money_frame(q)
    # the use asked: not renewal, not the money, not the verb of using (用于, 拿去)
    # (of what is asked, not the words naming the rules asked under: 2024细则下面…)
    asked = [c for c in (q.topic or q.focus) if not asked_here or any(c is a for a in asked_here)]
    asked = [c for c in asked
             if not any(w in anchors or w in frame or w in _SHARE_OF or _USE_VERB.fullmatch(w)
                        or _USES.fullmatch(w) for w in c.members)]
    held = [c for c in asked if c.match(reading.text) == 1.0]
    # a missing word that modifies one the list holds (生产|设备 of 设备购置) narrows it: not missing
    missing = [c for c in asked if c not in held
               and not any(a is c and any(b is h for h in held) for a, b in q.phrases)]
    if not asked and listed and q.kind == "compare":
        # comparing what documents allow (钱能花在哪儿, no use named): the list itself is the row
        return Stance("depends" if open_ else "yes", reading, 0.75, "用途",
                      f"所列用途为「{'、'.join(listed[:4])}」" + ("等" if open_ else ""))
    named = _named_use(listed, held) if not missing else None
    if named is not None:
        # the use asked is one the list names (买机床 → 设备购置): allowed, as much as the only-rules of
        # other documents forbid it
        return Stance("yes", reading, 0.75, held[-1].members[0], f"文件所列用途包括「{named}」")
    if not open_ or not listed or not missing:
        return None
    if ("原贷款" in q.norm or any("原贷款" in c.members for c in q.concepts)) and all(_REPAY.fullmatch(c.members[0]) for c in missing):
        return None   # repaying the original loan is what renewal is (借新还旧), not a use a list must name
    return Stance("depends", reading, 0.75, missing[-1].members[0],
                  f"所列用途为「{'、'.join(listed[:4])}」等，未明确包括所问用途")


def _stated_fact_fails(q: Question, reading: Reading, asked: Concept, anchors) -> str | None:
    """Another fact the question states, checked against the same sentence: the question has it
    and the sentence requires its absence (未处于冻结), or the question denies it and the sentence
    requires it (中心城区以外 vs 中心城区范围内). An obligation is a requirement of its own kind:
    「担保人须书面同意」 fails for a question whose guarantor has not agreed."""
    return _stated_facts(q, reading, asked, anchors)[0]


def _stated_facts(q: Question, reading: Reading, asked: Concept, anchors) -> tuple[str | None, str | None]:
    """(why a stated fact fails the sentence, or why it fails only one way of meeting it while
    another stays open — 「…同意继续担保，或新设立的保证人承担」)."""
    if reading.kind not in ("requirement", "scope", "exclusion", "prohibition", "obligation"):
        return None, None
    other_way = None
    for c, hit, sign in _stated_facts_against(q, reading, asked, anchors):
        if (sign > 0) != q.concept_negated(c):
            continue
        if _subject_of_obligation(reading, hit[0]):
            # 「审批流程应当简化」: what the obligation is laid on (流程) is no fact the story must have — a
            # story denying it (不用走全流程) fails nothing; the facts it asks for follow the modal
            continue
        if sign < 0 and _no_longer(q, reading.text, hit[0], hit[1]) is not None:
            # the rule excludes a state that holds now (现有…存在未结清利息) and the question's instance is
            # over (欠过息，早就结清了): the stated fact is not the excluded one
            continue
        if _adverb(q, c):
            # 单独 of 「单独定一个目标」 against 「不应单独将…作为下调的因素」: an adverb states no fact; it
            # says how an act is done, and the act it modifies is another (checked last: tagging costs)
            continue
        other = _open_alternative(q, reading.text, hit[0])
        if other is not None and _takes_way(q, other, reading.text.replace(other, "")):
            continue   # the story fails one way and takes the other: this fact fails nothing
        if other is None:
            said = "问题中" + ("没有" if q.concept_negated(c) else "有") + f"「{hit[1]}」"
            rule = "要求" + ("具备" if sign > 0 else "不存在") + f"「{hit[1]}」"
            return f"{rule}，{said}", None
        other_way = other_way or f"问题所述不满足「{hit[1]}」一项，但也可以：{other}"
    return None, other_way


def _subject_of_obligation(reading: Reading, k: int) -> bool:
    """Whether offset k of an obligation's text stands before its modal (审批流程|应当|简化): in its subject."""
    if reading.kind != "obligation" or reading.lead:
        return False
    modal = OBLIGATION.search(reading.text)
    if modal is None or k >= modal.start():
        return False
    # a condition before the modal (若…的, 对审批通过的续贷业务, …的，) is what the obligation holds under,
    # not what it is laid on: a story denying it fails the rule
    if reading.condition and k < reading.condition[1] - reading.start:
        return False
    return not _CONDITION_BEFORE.search(reading.text[:modal.start()])


def _subject_of_item(reading: Reading, k: int) -> bool:
    """Whether offset k of a listed condition or exclusion stands in the item's subject, the nouns before its
    first verb (现有存量贷款|已形成逾期或存在未结清利息的): the item is about what its predicate says of them."""
    if not reading.lead or reading.kind not in ("exclusion", "requirement"):
        return False
    mark = ITEM_MARK.match(reading.text)
    at = mark.end() if mark else 0
    if k < at:
        return False
    predicate = False
    for word, tag in pos_tags(reading.text[at:]):
        if not tag.startswith(_SUBJECT_TAGS) or tag == "vn":
            predicate = not tag.startswith(("x", "u"))   # a verb, adverb, 被, 虽… opens what is said of it
            break
        at += len(word)
    # (an item that is all nouns — 个人消费性贷款 — is its own subject and predicate: what it names is excluded)
    return predicate and k < at


# what a subject's words are tagged: nouns (n, nr, nz…), distinguishing words (现有), adjectives
_SUBJECT_TAGS = ("n", "b", "a")


_CONDITION_BEFORE = re.compile(r"若|如果|凡|对[^，,。；;]*的|的[，,]")


def _stated_facts_against(q: Question, reading: Reading, asked: Concept, anchors):
    hits = [(c, hit) for c in q.concepts for hit in [_find(reading.text, c)] if hit is not None and not hit[2]]
    for c, hit in hits:
        if c is asked or any(m in anchors for m in c.members) or c in q.focus and q.topic == q.focus and c is asked:
            continue
        if _inside_longer_hit(hit, [h for _c, h in hits]):
            # 民间 inside the rule's 民间高利借贷, which another stated word (高利贷) matches whole: the
            # longer match is the rule's phrase, and the fact is read from it alone
            continue
        modifier = rule_modifier(c, hit[1])
        if modifier is not None and not _modifier_said(q, modifier):
            continue   # 民间借贷 said, 民间高利借贷 ruled: the story states no fact of the narrower kind
        # an outcome the renewal is to bring about (使信用贷款转化为担保贷款) is not a state the customer
        # must be in now: a stated fact neither meets nor fails it
        if any(a <= hit[0] < b for a, b in caused_spans(reading.text)):
            continue
        if _subject_of_item(reading, hit[0]):
            continue   # whom a listed item speaks of (现有存量贷款) is no state it requires or excludes
        yield c, hit, _polarity_of(reading, reading.start + hit[0], hit[1])


def _said_denied(reading: Reading, word: str) -> bool:
    """Whether the reading says the word inside what it denies (未纳入名单…不得办理), at one mention of it."""
    text = reading.text
    return any(a <= reading.start + k < b for k in (m.start() for m in re.finditer(re.escape(word), text))
               for a, b in reading.negated)


def manner_of_act(q: Question, c: Concept) -> bool:
    """Whether the question's word says how the asked act is done (临时|办续贷): a distinguishing word or
    adverb right before the asking clause's verb."""
    return bool(q.asking) and modifies_the_act(c, q.asking)


def _adverb(q: Question, c: Concept) -> bool:
    """Whether the question uses the word as an adverb (单独, 直接), as its tagger reads it."""
    return any(q.tags.get(m, "").startswith("d") for m in c.members if m in q.norm)


def _inside_longer_hit(hit: tuple[int, str, bool], others: list[tuple[int, str, bool]]) -> bool:
    k, word = hit[0], hit[1]
    return any(len(w) > len(word) and j <= k and k + len(word) <= j + len(w) for j, w, _p in others)


# alternatives a requirement accepts: 「A，或B」「A或者B」 between comma parts
_OR = re.compile(r"[，,；;]\s*(?:或者|或是|或)")
_AND = re.compile(r"[，,；;]\s*(?:并且|且|同时)")


def _open_alternative(q: Question, text: str, k: int) -> str | None:
    """Another alternative of a requirement than the one at k, lacking a fact the question denies that
    the one at k requires (原保证人同意继续担保 vs 新的保证人承担): the requirement may be met that way."""
    # 「A，且B，或C」 is A and (B or C): the alternatives are those of the conjunct at k
    joins = [0] + [m.start() for m in _AND.finditer(text)] + [len(text)]
    lo, hi = next((a, b) for a, b in zip(joins, joins[1:]) if a <= k < b) if k < len(text) else (0, len(text))
    cuts = [m.start() for m in _OR.finditer(text, lo, hi)]
    if not cuts:
        return None
    bounds = [lo] + cuts + [hi]
    own = next(text[a:b] for a, b in zip(bounds, bounds[1:]) if a <= k < b)
    denied = [c for c in q.concepts if q.concept_negated(c) and any(m in own for m in c.members)]
    # the question denies it of the original party (原保证人不肯再保了) and the other alternative
    # names a new one (新设立的保证人承担…): the denial does not reach the new party
    of_original = _PRIOR.search(own) and _denied_of_prior(q) and not _replacement_denied(q)
    for a, b in zip(bounds, bounds[1:]):
        if a <= k < b:
            continue
        part = text[a:b].strip("，,；;。 ")
        if any(not any(m in part for m in c.members) for c in denied) or (
                of_original and _REPLACEMENT.search(part) and not _PRIOR.search(part)):
            return re.sub(r"^(或者|或是|或)", "", part)
    return None


def _way_taken(q: Question, text: str) -> str | None:
    """One of several ways a requirement names (「原保证人同意继续承担…，或新设立的保证人…承担」, 「…得到完善，
    或使信用贷款转化为担保贷款，或…」) that the question's story takes: the document provides for its act."""
    joins = [0] + [m.start() for m in _AND.finditer(text)] + [len(text)]
    for lo, hi in zip(joins, joins[1:]):
        ways = _ways(text, lo, hi)
        for i, way in enumerate(ways if len(ways) > 1 else []):
            if _takes_way(q, way, "".join(ways[:i] + ways[i + 1:])):
                return re.sub(r"^[，,；;\s]*(或者|或是|或)", "", way).strip("，,；;。 ")
    return None


def _takes_way(q: Question, way: str, others: str) -> bool:
    """The story takes this way rather than the others: the words telling it from them are said — its verbs
    among them — and none is denied; a way naming a new party (新设立的保证人) is taken by a story that
    brings one in (另找一家公司来做保证) and denies it nowhere."""
    telling = _telling_words(match_form(way), match_form(others))
    if _REPLACEMENT.search(way) and not _PRIOR.search(way) and _brings_in_a_party(q, way):
        return True
    if not telling or _negates_any(q, " ".join(telling)):
        return False
    change = _BECOMING.search(way)
    if change is not None:
        # a change (使信用贷款转化为担保贷款) is taken in its direction only, whichever verb of becoming the
        # question tells it with (变成, 改成): its verb counts as said then
        if not _becomes(q, re.split(r"[，,；;。]", way[change.end():])[0]):
            return False
    said = [t for t in telling if t in q.norm or t in q.words or change is not None and _BECOMING.fullmatch(t)]
    verbs = {w for w, tag in pos_tags(match_form(way)) if tag.startswith("v") and w in telling}
    return len(said) / len(telling) >= 0.6 and verbs <= set(said)


# any negation before a verb in its clause (不想, 没, 不愿): wanting or doing it is denied
_NEGATOR_CHAR = re.compile(r"[不没未无非别勿]")
# verbs of becoming (A转化为B, 变成, 改成…): what follows the verb is what the thing becomes
_BECOMING = re.compile(r"转化为|转化成|转变为|转化|转为|变为|变成|转成|改成|改为|换成")


def _becomes(q: Question, into: str) -> bool:
    """Some change the question tells turns a thing into what `into` names (补上抵押变成担保贷款 into
    担保贷款; not 把抵押撤了改成纯信用)."""
    words = [t for t, _s in token_terms(into) if len(t) >= 2 and t not in GENERIC]
    for hit in _BECOMING.finditer(q.norm):
        a, _b = clause_bounds(q.norm, hit.start(), hit.end())
        if any(s <= hit.start() < e for s, e in q.negated) or _NEGATOR_CHAR.search(q.norm[a:hit.start()]):
            continue   # 不想转为担保贷款, 没有改成: a change denied or refused is not made
        # what it becomes is what follows the verb (改成有担保的; not 改成信用贷款不需要担保)
        if any(0 <= q.norm.find(t, hit.end()) - hit.end() <= 2 for t in words):
            return True
    return False


def _brings_in_a_party(q: Question, way: str) -> bool:
    """A clause of the question brings in a new party of the kind the way names (保证人, 抵押人 — said by its
    stem: 另找一家公司来做保证) and denies nothing, nor does any clause after it (not 新的保证人也找不到, nor
    保证人换成了她，但她不同意承担担保责任; and 重新评估, 新增贷款 bring in no one)."""
    form = match_form(way)
    stems = set(re.findall(r"([\u4e00-\u9fff]{2})(?:\([^)]*\))?人", form))
    # …or by what the way has it do (承担担保责任: 一家担保公司对续贷承担担保责任)
    doing = form[form.rfind("人") + 1:] if stems else ""
    stems |= {t for t, _s in token_terms(doing) if len(t) >= 2 and t not in GENERIC and t not in RENEWAL}
    for stem in stems:
        for k in word_offsets(q.norm, stem):
            a, b = clause_bounds(q.norm, k, k + len(stem))
            if not _NEW_PARTY.search(q.norm[a:b]) or _clause_denied(q.norm[a:b]):
                continue
            later = [c for c in re.split(r"[，,。；;？?！!]", q.norm[b:]) if c]
            if any(_clause_denied(c) and any(w in c for w in _condition_words(way)) for c in later):
                return False
            return True
    return False


# a word bringing in a new party (另找一家, 换成, 新的保证人): not the 新 of 重新, 新增, 新发放
_NEW_PARTY = re.compile(r"(?<![重更创])新(?!增|发|放|规|贷)|另行|另外|另找|更换|换成|换个|换一|换了")


def _replacement_denied(q: Question) -> bool:
    """Whether the question denies the replacement it names (新的保证人也找不到, 没有新的保证人) — then no
    other alternative is open; one it affirms (另找一家公司来当保证人) leaves that alternative to hold."""
    for m in _REPLACEMENT.finditer(q.norm):
        a, b = clause_bounds(q.norm, m.start(), m.end())
        if _clause_denied(q.norm[a:b]):
            return True
    return False


# a potential complement's 不 denies as well (找不到, 满足不了)
_POTENTIAL_NOT = re.compile(r"[\u4e00-\u9fff]不(到|着|了|起|成|上|出|来)")


def _clause_denied(text: str) -> bool:
    """Whether a clause denies something: a negation word (没有, 不愿意; not 不错, 无论) or a potential
    complement's 不."""
    return bool(negators(text)) or _POTENTIAL_NOT.search(text) is not None
# the original party or thing (原保证人, 原来的, 之前的) against a replacement (新的保证人, 另行提供)
_PRIOR = re.compile(r"原(?!因|则|材料)|之前|以前|先前")
# in a question, the original party: 原贷款 is the loan every story names, no party
_PRIOR_PARTY = re.compile(r"(原来的?|原先的?|之前的?|以前的?|先前的?|原)(?!贷款|贷|因|则|材料)")


def _denied_of_prior(q: Question) -> bool:
    """Whether the question's denial is said of an original party (原保证人不肯再保了)."""
    return any(_PRIOR_PARTY.search(_part_at(q.norm, a)) for a, _b in q.negated)
_REPLACEMENT = re.compile(r"新|另行|另外|另找|更换|换成|换个|换一")


# 「把额度从500万提到700万」: what an amount moves from is the original, what it moves to the new one
_FROM = re.compile(r"从(原来的?|原先的?|之前的?)?$")
_TO = re.compile(r"^[^，,。；;？?\d]{0,4}?(到|至)$")


def _from_to(q: Question, amounts: list[Limit]) -> tuple[Limit, Limit] | None:
    for a, b in zip(amounts, amounts[1:]):
        if _FROM.search(q.norm[max(0, a.start - 5):a.start]) and _TO.search(q.norm[a.end:b.start]):
            return a, b
    return None


def _relational(q: Question, reading: Reading) -> tuple[bool, str] | None:
    """「最高不得超过原贷款额度」, 「等额周转或减额周转」 with both amounts stated: (within, why)."""
    relation = _allowed_relations(reading.text)
    amounts = [n for n in q.numbers if n.unit == "万元" and n.op == "="]
    if not relation or len(amounts) < 2 or not _AMOUNT_RULE.search(_part_at(reading.text, relation[2])):
        return None
    old = [n for n in amounts if "原" in n.quantity]
    new = [n for n in amounts if n not in old]
    if not old or not new:
        moved = _from_to(q, amounts)
        if moved is None:
            return None
        old, new = [moved[0]], [moved[1]]
    asked, base = max(n.value for n in new), old[0].value
    said = "等于" if asked == base else "低于" if asked < base else "超过"
    within = ("=" if asked == base else "<" if asked < base else ">") in relation[0]
    rule = re.sub(r"^(但|并且|并|且)", "", ITEM_MARK.sub("", _part_at(reading.text, relation[2])).strip("；;。 "))
    return within, f"要求{rule}，问题中新贷款{_num(asked)}万元{said}原贷款{_num(base)}万元"


# a rule that the new thing be no weaker than the original (担保措施必须等同或优于原贷款的担保, 担保效力不低于
# 原担保, 未弱化), and a question that says it is weaker (比原来弱, 弱化了, 变弱)
_FLOOR = re.compile(r"(等同或优于|不低于|不弱于|不得弱化|未弱化|且未弱化)")
_WEAKER = re.compile(r"(比|较)(原来|原先|原贷款|原|之前|以前)[^，,。；;？?]{0,6}(弱|差|低|少)|弱化")


def _weaker_than_floor(q: Question, reading: Reading, found) -> tuple[str, str] | None:
    """The question states the new thing weaker than the original where the rule sets the original as
    its floor: 不可以, naming the floor."""
    floor = _FLOOR.search(reading.text)
    said = _WEAKER.search(q.norm)
    if floor is None or said is None or q.concept_negated(Concept((said.group(0),))) or not found:
        return None
    # the same thing on both sides: a word the question says is weaker stands in the rule's clause
    part = _part_at(reading.text, floor.start())
    clause = q.norm[max(q.norm.rfind(ch, 0, said.start()) for ch in "，,。；;") + 1:said.end()]
    if not any(m in part and m in clause for c, _w, _h in found for m in c.members):
        return None
    return said.group(0), f"要求{_part_at(reading.text, floor.start()).strip('；;。 ')}，问题中「{clause}」"


# A value set against the original's: a rule names the relations it allows (续贷期限一般与原贷款期限
# 相同或稍长 → =, >; 不得超过原贷款额度 → =, <; 等额周转 → =, 减额周转 → <), a question the one it asks
# for (比原来长一点 → >, 跟原贷款一样 → =, 跟原来不一样 → <, >). Degree words (稍, 略, 一点) do not
# change the direction.
_ORIGINAL = r"(?:原贷款|原来|原先|原有|原|拟归还)"
_UP, _DOWN = "长高多大", "短低少小"
_RULE_SAME = re.compile(rf"(?:与|和|同|跟){_ORIGINAL}[\u4e00-\u9fff]{{0,6}}?(?:相同|一致|持平)"
                        rf"(?:或(?:稍|略|更)?(?P<also>[{_UP}{_DOWN}]))?")
_RULE_BOUND = re.compile(rf"(?P<neg>不得|不能|不应|不)(?P<verb>超过|高于|长于|多于|低于|短于|少于){_ORIGINAL}")
# the new amount against the original one, named by kind of turnover: 等额 (the same), 减额 (less);
# 等额本息/等额本金 are ways of repaying, not amounts
_TURNOVER = re.compile(r"(等额|减额)(?!本息|本金)")
# what makes a relation one of amounts, checked against two stated amounts
_AMOUNT_RULE = re.compile(r"额度|金额|等额|减额")
# (the direction may be the complement of a verb of change: 拉长, 延长, 缩短, 提高, 降低)
_ASK_THAN = re.compile(rf"比{_ORIGINAL}[\u4e00-\u9fff]{{0,6}}?(?:稍微|稍|略|再)?(?:拉|延|放|加|缩|提|降|调)?(?P<dir>[{_UP}{_DOWN}])")
_ASK_SAME = re.compile(rf"(?:跟|和|与|同){_ORIGINAL}[\u4e00-\u9fff]{{0,6}}?(?P<neg>不)?(?:一样|相同|一致)")
_HEDGE = re.compile(r"一般|原则上|通常")
# asking whether a rule holds in every case (是不是一律不行, 铁定做不了, 一定要…吗) — 一定/肯定 as modal adverbs
# before a verb or a negation, not 一定比例 (a certain share)
_ABSOLUTE = re.compile(word_class("一律") + r"|(?:一定|肯定)(?=要|得|会|能|不|没|就|是|必须|需要)")


def hedged_for_absolute(q: Question, st: Stance) -> Stance:
    """A rule hedged (原则上…控制在1500万元及以下, 一般与原贷款期限相同) decides the usual case and leaves room for
    others: asked whether its bar holds in every case (超过是不是一律不行, 是不是一定要一样), its answer is 视情况而定.
    A case inside the usual one (期限跟原来一样肯定可以吧) keeps its 可以: the hedge softens only the bar."""
    barred = st.verdict == "no" or st.verdict == "yes" and q.modality == "necessity"
    if not barred or not _ABSOLUTE.search(q.asking or q.norm):
        return st
    hedge = _HEDGE.search(st.reading.text)
    if hedge is None:
        return st
    return replace(st, verdict="depends", why=f"文件规定为「{hedge.group()}」如此，并非一律" +
                   (f"：{st.why}" if st.why else ""))


def _direction(ch: str) -> str:
    return ">" if ch in _UP else "<"


def _allowed_relations(text: str) -> tuple[frozenset[str], str, int] | None:
    """The relations to the original a rule allows, with its words and where they end."""
    m = _RULE_SAME.search(text)
    if m:
        extra = {_direction(m.group("also"))} if m.group("also") else set()
        return frozenset({"="} | extra), m.group(0), m.end() - 1
    m = _RULE_BOUND.search(text)
    if m:
        barred = _direction(m.group("verb")[0]) if m.group("verb") != "超过" else ">"
        return frozenset({"=", "<", ">"} - {barred}), m.group(0), m.end() - 1
    kinds = {k.group(1): k for k in _TURNOVER.finditer(text)}
    if kinds:
        words = "或".join(k + "周转" for k in ("等额", "减额") if k in kinds)
        return frozenset({"=" if k == "等额" else "<" for k in kinds}), words, max(k.end() for k in kinds.values()) - 1
    return None


def _asked_relations(q: Question) -> tuple[frozenset[str], int] | None:
    m = _ASK_THAN.search(q.norm)
    if m:
        return frozenset({_direction(m.group("dir"))}), m.start()
    m = _ASK_SAME.search(q.norm)
    if m:
        return (frozenset({"<", ">"}) if m.group("neg") else frozenset({"="})), m.start()
    return None


def _compared_subject(q: Question, before: str, at: int, found, anchors: frozenset[str]) -> str | None:
    """The value compared: a word the question puts before its comparison that the rule names before
    its relation — not renewal itself nor a generic word."""
    subject = [m for c, _w, _h in found for m in c.members if m in before and 0 <= q.norm.find(m) < at
               and m not in anchors and m not in GENERIC]
    return max(subject, key=len) if subject else None


def _compared(q: Question, reading: Reading, found, anchors: frozenset[str]) -> tuple[Verdict, str, str] | None:
    """A question asking whether a value may stand in one relation to the original's, against the
    relations the rule allows for the same value: (verdict, term, why)."""
    asked = _asked_relations(q)
    allowed = _allowed_relations(reading.text)
    if asked is None or allowed is None or q.modality == "necessity":
        return None
    relations, at = asked
    # the same value on both sides: the word the question compares is the rule's subject, before
    # the relation in its sentence (续贷额度…，但不得超过原贷款额度)
    end = allowed[2] + 1
    part = _part_at(reading.text, allowed[2])
    term = _compared_subject(q, reading.text[:end], at, found, anchors)
    if term is None:
        return None
    said = f"规定{term}：「{ITEM_MARK.sub('', part).strip('；;。 ')}」"
    if relations & allowed[0]:
        return "yes", term, said
    return ("depends" if _HEDGE.search(part) else "no"), term, said


def _relational_fails(q: Question, reading: Reading) -> str | None:
    rel = _relational(q, reading)
    return rel[1] if rel and not rel[0] else None


# a rule that leaves the outcome to judgement case by case (酌情, 视实际情况)
# left to judgement case by case (酌情, 视情况), or tried out where a pilot runs (试点推行…): not a general yes
DISCRETION = re.compile(r"酌情|视(实际|具体)?情况|试点")


_SAYS_NOTHING = GENERIC


# a cause inside a condition (若抵押物因为市场变化不足值的) says why the fact came about, not what it is
_CAUSE = re.compile(r"因为|由于|(?<!原)因(?![此而素])")


def _ways(text: str, lo: int = 0, hi: int | None = None) -> list[str]:
    """The ways a rule's part offers (「A，或B，或C」), each with its leading 或; one when it offers no other."""
    hi = len(text) if hi is None else hi
    bounds = [lo] + [m.start() for m in _OR.finditer(text, lo, hi)] + [hi]
    return [text[a:b] for a, b in zip(bounds, bounds[1:])]


def _met_alternative(q: Question, consequence: str) -> str | None:
    """One of the ways an obligation may be met (「须A，或B」) that the question says it takes."""
    ways = _ways(consequence)
    if len(ways) == 1:
        return None
    alts = [re.sub(r"^[，,；;\s]*(或者|或是|或)?", "", way).strip("，,；;。 ") for way in ways]
    alts = [OBLIGATION.sub("", alt, count=1) if OBLIGATION.match(alt) else alt for alt in alts]
    for i, alt in enumerate(alts):
        # what tells this way from the others must not be denied (拿不出别的抵押物 denies only the first way)
        telling = " ".join(_telling_words(match_form(alt), match_form("".join(alts[:i] + alts[i + 1:]))))
        if alt and _stated(q, alt, whole_words=True) and telling and not _negates_any(q, telling):
            return alt
    return None


def _condition_words(condition: str) -> list[str]:
    """The words a question must say to state a condition: its subject and predicate. A bracketed
    alternative (抵(质)押物) is one of two, and a cause (因为市场变化) is no part of the fact — of what
    follows it, the predicate is the last word."""
    form = re.sub(r"[(（][^)）]*[)）]", "", match_form(condition))
    def words(text: str) -> list[str]:
        return [t for t, _syns in token_terms(text) if len(t) >= 2 and t not in _SAYS_NOTHING]
    cause = _CAUSE.search(form)
    if cause is None:
        return words(form)
    return words(form[:cause.start()]) + words(form[cause.end():])[-1:]


def _another_loan(q: Question, reading: Reading, pos: int) -> bool:
    """The rule's part speaks of one loan of the renewal (原贷款为正常类) and the question of the other
    (续贷之后的贷款能算正常类吗): the rule is not about what is asked."""
    rule_side = which_loan(_part_at(reading.text, pos - reading.start))
    return rule_side is not None and q.asked_loan is not None and rule_side != q.asked_loan


# what may open a part before its restrictive 对…的 phrase: a modal or a conjunction (要对…, 并对…)
_PART_OPENER = re.compile(r"(?:要|应当|应|须|并且|并|同时|且)?")


def _opens_with_predicate(phrase: str) -> bool:
    """A relative clause before 的 opens with its predicate (符合…标准的, 未按期…的); 「对小微企业续贷贷款设置…的」
    opens with the object of a prepositional 对, whose verb follows it."""
    tags = [tag for w, tag in pos_tags(phrase) if w.strip()]
    return bool(tags) and (tags[0].startswith("v") or tags[0] == "d" or is_negator(phrase[0]))


def _part_restriction(reading: Reading, pos: int) -> tuple[int, int] | None:
    """A restrictive 对…的 phrase opening a later part of the sentence than its first (…，对符合正常类标准的
    续贷贷款划为正常类): what that part says holds only for what the phrase picks out. Offsets of the phrase,
    when the asked word is in that part."""
    s, e = clause_bounds(reading.text, pos - reading.start, stops="，,；;", end_stops="，,；;。")
    lead = _PART_OPENER.match(reading.text, s).end()
    r = RESTRICTED.match(reading.text[lead:e])
    if s == 0 or r is None or POSSESSOR.search(r.group(1)) or not _opens_with_predicate(r.group(1)):
        return None
    return lead + r.start(1) + reading.start, lead + r.end(1) + reading.start


def _stated(q: Question, condition: str, consequence: str = "", whole_words: bool = False) -> bool:
    """Whether the question states a condition's facts: most of its content words are in it — as whole
    words of the question when `whole_words` (足值 is not said by 不足值)."""
    # generic words (贷款) say nothing of which condition it is; nor do the consequence's own words
    # (「需要实地查看的，应当实地查看」: asking about 实地查看 states no need for it)
    words = _condition_words(condition)
    if not words:
        return False
    # a word the question says in the officers' way (继续用 for 延续) states it as well
    said = {t for t, _s in token_terms(q.norm)} if whole_words else q.norm
    phrases = _mapped_phrases(q, condition)
    hit = [t for t in words if t in said or t in q.words or any(t in w for w in phrases)]
    # (a consequence's word said in the story before the asking clause — 委托代理人去办…，委托书不用提供吧 — states
    # the condition all the same: only where it is said in asking is it the consequence asked about)
    story = len(q.norm) - len(q.asking) if q.asking and q.norm.endswith(q.asking) else 0
    def told(t: str) -> bool:
        # (affirmed there: 不委托别人 states no agent)
        return any(k < story and not any(a <= k < b for a, b in q.negated) for k in word_offsets(q.norm, t))
    if len(hit) / len(words) < 0.6:
        return False
    if any(t not in consequence for t in hit):
        return True
    # told only in the words the consequence repeats: stated where the story affirms them, and not where it
    # denies the condition (当事人自己申请，不委托别人)
    return any(told(t) for t in hit) and not _condition_denied(q, condition)


def _mapped_phrases(q: Question, condition: str) -> list[str]:
    """The question's words, or the documents' phrases a word of it maps to (少续 → 降低续贷额度), that a
    condition holds whole: the question says every word inside such a phrase."""
    return [w for w in q.words if len(w) > 2 and w in condition]


KIND_PRIORITY = {"exclusion": 6, "prohibition": 5, "requirement": 4, "scope": 3, "obligation": 2,
                 "time_limit": 2, "permission": 1}


def _fails_a_condition(st: Stance) -> bool:
    """A stated fact that fails one of a document's conditions decides for the document."""
    # (an exclusion said in a sentence of its own — 续贷适用得范围…不含信用贷款 — as much as one under a lead-in)
    return st.verdict == "no" and (st.reading.lead in ("requirement", "exclusion") or st.why.startswith(("要求", "问题中"))
                                   or st.reading.kind == "exclusion" and st.why == EXCLUDED_WHY)


def best_stance(stances: list[Stance]) -> Stance | None:
    if not stances:
        return None
    # a fact the question states that fails a rule (问题中为一年半以前) decides for the document, however
    # small a share of a long story it is
    return max(stances, key=lambda s: (_fails_a_condition(s) and (s.strength >= MIN_STRENGTH or stated_fact_failed(s)),
                                       round(s.strength, 2),
                                       not s.partial, KIND_PRIORITY.get(s.reading.kind, 0)))


def out_of_scope(q: Question, reading: Reading, anchors: frozenset[str]) -> Stance | None:
    """A fact the question states that a document's own scope sentence excludes (位于郊县 against
    「市中心城区范围内的…，适用本规程」): the document does not apply."""
    failed = _stated_fact_fails(q, reading, Concept(("\x00",)), anchors)
    if failed is None:
        return None
    return Stance("no", reading, 2.0, "适用范围", f"不在本文件适用范围：{failed}")


def value_failed(st: Stance) -> bool:
    """A 不可以 from comparing a value the question states with the rule's own (关注类 against 正常类,
    250万 against ≤200万): a typed comparison, not a word shared by chance."""
    return st.verdict == "no" and st.why.startswith("要求") and "问题中为" in st.why


def stated_fact_failed(st: Stance) -> bool:
    """A 不可以 because a fact the question states fails the rule (its why names 问题中…)."""
    return st.verdict == "no" and "问题中" in st.why


def _family_value(term: str, values: tuple[str, ...]) -> bool:
    return _value_in(term, values) is not None


def _narrower_rule_met(met: Stance, failed: Stance) -> bool:
    """The met rule is on the very fact the failed one is on, or on a narrower kind of it: its word holds
    the failed rule's word (逾期, 逾期; 民间高利借贷 against 民间). The documents disagree on that fact."""
    short, long = failed.term, met.term
    if not short or not long:
        return False
    if any(_family_value(short, values) and _family_value(long, values) for values in FAMILIES.values()):
        # one classification, one value met and another failed (本行正常类, 他行关注类): the documents ask it
        # of different loans
        return True
    if short in long:
        # the same fact (逾期: 现有…已形成逾期 met by a cleared one, 没有逾期记录 failed), or the met rule's
        # a narrower kind of it
        return True
    # or the met rule's sentence holds the failed word with a modifier inserted (民间|高利|借贷)
    return narrowed_form(met.reading.text, short) is not None


def _one_concept(q: Question | None, a: str, b: str) -> bool:
    """Two rules' words that one word of the question maps to (官司: 涉诉案件 and 诉讼): one stated fact."""
    def has(c: Concept, t: str) -> bool:
        return any(t == m or len(t) >= 2 and (t in m or m in t) for m in c.members)
    return q is not None and bool(a and b) and any(has(c, a) and has(c, b) for c in q.concepts)


def _one_number(q: Question | None, a: Stance, b: Stance) -> bool:
    """Two documents' limits measure the same number the question states (续贷250万 against ≤200万 and
    ≥200万): their rules are on one fact, and one met and one failed is a disagreement."""
    if q is None or not q.numbers:
        return False
    def paired(st: Stance) -> set[int]:
        return {id(stated) for _lim, stated in _limit_pairs(q, st.reading)}
    return bool(paired(a) & paired(b))


def combine(per_doc: dict[str, Stance], q: Question | None = None) -> Verdict | None:
    failed = [s for s in per_doc.values() if stated_fact_failed(s) or _fails_a_condition(s)]
    if failed:
        # a fact the question states fails a document's requirement: a document where the story only
        # meets some other condition is undecided, not on the other side — but one whose rule on the
        # very same fact is met disagrees with it (无民间借贷 vs 无参与民间高利借贷, of a loan not usurious)
        per_doc = {d: s for d, s in per_doc.items()
                   if s.why != MET_ONE or any(_narrower_rule_met(s, f) or _one_concept(q, s.term, f.term)
                                              or _one_number(q, s, f) for f in failed)}
    verdicts = {s.verdict for s in per_doc.values()}
    if not verdicts:
        return None

    if len(verdicts) == 1:
        return verdicts.pop()
    return "depends"
