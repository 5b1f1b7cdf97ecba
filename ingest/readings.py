"""One reading of every clause, made at ingest (pure: no I/O).

Each sentence or list item of a clause becomes a `Reading`: its kind (permission,
prohibition, obligation, requirement, exclusion, scope, definition, time limit,
procedure, statement), where negation reaches (the *negated spans*), its condition and
exception, the members of a list it enumerates, and its numeric limits as typed values.

The grammar is small and each piece is a named function with its own table-driven test
(tests/test_readings.py):
- `negators`: a negation morpheme (不/未/无/非/没有/严禁/禁止) as a token of its own, or fused
  with a governed function verb (不得, 不予, 不属于, 不包括…); lexical words that only begin
  with 不 (不动产, 不良, 不足) are not negators — the tokenizer keeps them whole.
- `negation_scope`: from the negator to the end of its comma part, carried across commas
  when the next part continues a list (及/以及/和/或…); a verb that excludes its subject
  (不属于, 不在…范围, 不纳入, 不予受理) reaches back over the subject in the same part, and a
  part ending in 的 (a 的-phrase topic: 「存在以下情况之一的，不得办理」) is the negated predicate's topic.
- `exception_span`: 除…外 / 除…以外 — what the prohibition does not cover.
- `condition_span`: 若/如果/如/对于…的 — what a consequence depends on.
- `concession`: 虽…但… — the 但 part is what is asserted.
- `limits`: an operator and a number with its unit (Chinese numerals through cn2an), including
  the legal convention that 以上/以下/以内 include the number and 超过/不满/低于 exclude it.
- `lead_kind`: what a list's lead-in makes of its items — 「须符合以下条件」 makes requirements,
  「存在以下情况之一的，不得…」 and 「以下…不属于…范围」 make exclusions.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from typing import Iterable, Literal, Sequence

ReadingKind = Literal["definition", "exclusion", "prohibition", "requirement", "scope", "time_limit",
                      "obligation", "permission", "procedure", "statement"]
LeadKind = Literal["requirement", "exclusion", "list", ""]

# --- tokens ---------------------------------------------------------------------------------

NEG_MORPHEMES = ("没有", "严禁", "禁止", "不", "未", "无", "非", "没", "勿")
# verbs and modals a negation morpheme fuses with into one word (不得 = 不 + 得); anything else
# beginning with 不 (不动产, 不良, 不足, 不利) is a lexical word, not a negation
GOVERNED = frozenset("""得 予 应 应当 能 可 可以 准 再 宜 用 需 必 属于 包括 含 适用 存在 允许 超过 纳入 受理 办理
    发放 予以 法 在 符合 满足 同意 接受 考虑 肯 愿 愿意 是 算 算是 会""".split())
# negators whose excluded thing is their subject (before them), not an object after them
SUBJECT_NEGATING = re.compile(r"^(不属于|不在|不纳入|不予|不受理|不办理|不再|不适用|不符合|不满足|不得)")
EXCLUDING_VERB = re.compile(r"排除在外|除外|剔除|退出")
WIDENING = re.compile(r"^(不限于|不仅限于|不仅|不止|不只)")
# a negation inside an attributive 的-phrase whose noun is the subject of a modal predicate
# (没有担保的信用贷款能续吗); 「没有逾期的记录」 ending its clause negates the whole noun phrase
_RELATIVE_SUBJECT = re.compile(r"[^，,。；;的]{1,12}(的)(?=[^，,。；;的]{1,10}?(能|可以|可否|能否|可不可以|是否|还能|也能))")
# a circumstance frame closing an adverbial clause (…的情况下, …的时候): a negation inside it stays inside
_FRAME = re.compile(r"的(情况下|情形下|时候|前提下|条件下)")
# (「，并在…」 opens a new predicate — 并 joins verbs, not the nouns of a negated list)
CONTINUES_LIST = re.compile(r"^\s*(及|以及|和|与|或|或者|或是|乃至)")
# a part ends at a comma or colon, and at a sentence's end (a question may hold two: 「…吗？比如…？」)
_PART = re.compile(r"[^，,：:。；;？?！!]+")
SENTENCE_END = re.compile(r"[。；;！？!?]+|\n+")
ITEM_MARK = re.compile(r"^\s*(?:[（(][一二三四五六七八九十]+[)）]|\d{1,2}\s*[.、．]|[一二三四五六七八九十]+、)\s*")

DEFINITION = re.compile(r"是指|所称[^，,。]{0,20}(是|指|包括)|就是指|系指|指的是|以下简称|下称")
REQUIREMENT_LEAD = re.compile(r"(符合|满足|具备|具有)[^。；;]{0,8}(如下|以下|下列)[^。；;]{0,6}(条件|要求|标准)|"
                              r"(须|需|应|必须|应当)(同时)?(符合|满足|具备)[^。；;]{0,6}$|基本条件|资格条件|准入条件")
LIST_LEAD = re.compile(r"(如下|以下|下列|包括)[^。；;]{0,12}[:：]?\s*$|[:：]\s*$")
_SCOPE = re.compile(r"(?<!不)包括(?!但不限于)|适用于|适用[的得]?对象|适用[的得]?范围|仅适用|只适用|只限于|仅限于|限于|仅指|仅为|范围为|对象为|对象是|适用本")
# 「提交相应的贷款申请文件,包括企业营业执照…」: 包括 after papers lists what to hand in, not what a rule reaches
_PAPERS_BEFORE = re.compile(r"(?:文件|材料|资料|证明|凭证|证件|手续)[\s,，:：]*$")


def scope_word(text: str, pos: int = 0, endpos: int | None = None) -> re.Match | None:
    """The first word stating what a rule reaches (适用于, 对象为, 包括…) — not a 包括 listing papers."""
    for m in _SCOPE.finditer(text, pos, len(text) if endpos is None else endpos):
        if not (m.group(0) == "包括" and _PAPERS_BEFORE.search(text, 0, m.start())):
            return m
    return None
ONLY = re.compile(r"只限于|仅限于|仅适用|只适用|仅指|仅为|限于|只能|仅能")
OBLIGATION = re.compile(r"必须|应当|(?<![相适对响供答])应(?![收付用])|须|需要|(?<!需)需(?!求)|务必|要求"
                        # 要 as a modal before a verb (机构要及时改进…), not inside a word (主要, 必要, 只要)
                        r"|(?<![需主重必只纲概首紧想摘])要(?![求素件点])")
PERMISSION = re.compile(r"可以|(?<![不许])可(?![能行])|允许|准予|有权|能够|予以")


def _modal_of_main(text: str, s: int, e: int) -> bool:
    return bool(OBLIGATION.search(text, s, e) or PERMISSION.search(text, s, e))


# a rule that says who settles a thing (由借贷双方协商确定, 由金融机构…确定) empowers them to
ASSIGNED = re.compile(r"由[^，,。；;]{1,24}?(确定|决定|认定)")
PROCEDURE = re.compile(r"流程|程序|审批|审查|受理|提交|提出|签订|办理|发放|登记|调查|评估")
TIME_UNITS = ("小时", "工作日", "日", "天", "个月", "月", "年")

# --- numbers ----------------------------------------------------------------------------------

_CN_NUM = "零〇一二两三四五六七八九十百千"
# an article's number (第十五条, 第15条) numbers the text; it is never what a limit measures
ARTICLE_NUMBER = r"第[0-9一二三四五六七八九十百零〇]+条"
_NUMBER = re.compile(
    rf"(?P<num>\d+(?:\.\d+)?|[{_CN_NUM}]+|半(?=个|年|天|日|小时))\s*"
    r"(?P<unit>个工作日|工作日|个小时|小时|个月|万元|亿元|元|万|%|％|月|年|日|天|个星期|星期|周(?![转期年岁])|次|回|期|岁|级)"
    r"(?P<incl>\s*[(（]含[)）])?"
    r"(?P<after>\s*(?:及|或)?\s*(?:以上|以下|以内|之内|内|以前|之前|前|以后|之后|后))?")
# the time left before an event (离贷款到期只剩, 距到期还有): a lead time
_TIME_LEFT = r"(离|距离|距)[^，,。；;]{0,12}?(到期|届满|期满)日?(还|只|仅|就)*(剩下|剩|有|差)?"
TIME_LEFT = re.compile(_TIME_LEFT + "$")
OP_BEFORE = [  # (pattern right before the number, operator); first match wins
    (re.compile(r"(不得|不能|不应|不可|不)超过|最高|最多|最长|至多|上限|控制在|不高于|不多于|不大于|以内"), "<="),
    (re.compile(r"(不得|不能|不应|不)(低于|少于|小于)|最低|最少|最短|至少|不少于|不低于|下限|满"), ">="),
    # (离到期只剩两周: the time left before the event is how long before it the act is)
    (re.compile(r"(到期|届满|期满)?(之)?前|提前|" + _TIME_LEFT), "before"),
    (re.compile(r"不满|低于|少于|小于|未满|不足|不到|没到|未到|未达到|没有达到|没达到|达不到"), "<"),
    (re.compile(r"超过|高于|多于|大于|超出"), ">"),
]
OP_AFTER = {"以上": ">=", "以下": "<=", "以内": "<=", "之内": "<=", "内": "<=",
            "以前": "before", "之前": "before", "前": "before", "以后": "after", "之后": "after", "后": "after"}
# 回 is the spoken 次 (续过两回)
UNIT_CANON = {"万": "万元", "％": "%", "天": "日", "月": "个月", "个工作日": "工作日", "个小时": "小时", "回": "次"}
_WEEKS = ("周", "星期", "个星期")


@dataclass(frozen=True)
class Limit:
    """A numeric limit: `quantity op value unit`, e.g. 续贷次数 <= 2 次."""
    op: str            # <=, >=, <, >, =, before, after
    value: float
    unit: str          # canonical: 次, 期, 万元, 元, %, 小时, 工作日, 日, 个月, 年, 岁, 级
    quantity: str      # the words before it in its part: what is measured
    start: int         # offsets within the reading's unit text
    end: int

    def admits(self, value: float) -> bool:
        """Whether a stated value satisfies the limit."""
        return {"<=": value <= self.value, ">=": value >= self.value, "<": value < self.value,
                ">": value > self.value, "=": value == self.value,
                "before": value >= self.value, "after": value >= self.value}[self.op]

    def describe(self) -> str:
        sym = {"<=": "≤", ">=": "≥", "<": "<", ">": ">", "=": "=", "before": "提前", "after": "之后"}[self.op]
        return f"{self.quantity}{sym}{figure(self.value, self.unit)}{self.unit}"


def figure(value: float, unit: str) -> str:
    """A value as the documents write it: a credit grade by its letters (31 → A, 22 → BB, as grade_limits
    orders them), any other number without a needless .0."""
    # (a D grade, 1-3, is not told from a count of levels, 五级分类: it stays a number)
    if unit == "级" and value == int(value) and 1 <= int(value) % 10 <= 3 and 1 <= int(value) // 10 <= 3:
        return "ABCD"[3 - int(value) // 10] * (int(value) % 10)
    return str(int(value)) if value == int(value) else str(value)


@dataclass(frozen=True)
class Reading:
    clause_id: str
    doc_id: str
    start: int                 # offsets of the sentence within the unit text
    end: int
    kind: ReadingKind
    polarity: int              # +1 affirms, -1 the main predicate is negated
    lead: LeadKind = ""        # what the list lead-in makes of this item
    negated: tuple[tuple[int, int], ...] = ()   # spans (unit offsets) under negation
    condition: tuple[int, int] | None = None
    exception: tuple[int, int] | None = None
    members: tuple[str, ...] = ()              # enumerated things (、/和/及/或 lists)
    open_list: bool = False                    # the list ends with 等
    limits: tuple[Limit, ...] = ()
    text: str = ""

    def to_json(self) -> dict:
        return asdict(self)

    @staticmethod
    def from_json(data: dict) -> "Reading":
        data = dict(data)
        data["negated"] = tuple(tuple(x) for x in data.get("negated", ()))
        for key in ("condition", "exception"):
            if data.get(key) is not None:
                data[key] = tuple(data[key])
        data["members"] = tuple(data.get("members", ()))
        data["limits"] = tuple(Limit(**lim) for lim in data.get("limits", ()))
        return Reading(**data)

    def negated_at(self, pos: int) -> bool:
        return any(s <= pos < e for s, e in self.negated)

    def in_span(self, span: tuple[int, int] | None, pos: int) -> bool:
        return span is not None and span[0] <= pos < span[1]


# --- tokenizer ----------------------------------------------------------------------------------

def _tokens(text: str) -> list[tuple[str, int, int]]:
    from .tokenize import cut_with_offsets
    return cut_with_offsets(text)


def negators(text: str) -> list[tuple[int, int, str]]:
    """(start, end, word) of every negation in `text`: a morpheme alone or fused with a governed
    verb. Words that merely begin with a negation character are left alone."""
    out = []
    for word, s, e in _tokens(text):
        if is_negator(word) and not _a_not_a(text, s, e):
            out.append((s, e, word))
    return out


def _a_not_a(text: str, s: int, e: int) -> bool:
    """在不在, 可不可以, 有没有, 会不会: a verb, the negation and the verb again ask, they do not negate —
    the negation standing alone or fused with the repeated verb (会|不会)."""
    word = text[s:e]
    if word in ("不", "没"):
        return 0 < s and e < len(text) and text[s - 1] == text[e] and "\u4e00" <= text[e] <= "\u9fff"
    rest = word[1:]
    return word[:1] in ("不", "没") and bool(rest) and text[max(0, s - len(rest)):s] == rest


# a verb with a negated potential complement (拿不出, 还不上, 算不上, 付不起): it cannot be done. Some such
# words are idioms whose sense is not a negation (差不多, 少不了 "cannot do without", 说不定 "perhaps")
POTENTIAL_COMPLEMENTS = frozenset("上出到起了动完下住够成清来去开着及")
_NOT_NEGATING_IDIOMS = frozenset("差不多 了不起 对不起 怪不得 巴不得 恨不得 舍不得 说不定 少不了 免不了 不得不 忍不住 禁不住 看不起 大不了".split())


_MEI_LEXICAL = frozenset({"没收", "没落"})


def is_negator(word: str) -> bool:
    # an adverb fused with a negation (尚未, 从未, 并非, 毫无, 决不)
    if len(word) == 2 and word[1] in "未不无非没" and word[0] in "尚从并决绝毫仍亦均都也还":
        return True
    # (够不够, 来不来 ask: an A-not-A question, not a negation)
    if len(word) == 3 and word[1] == "不" and word[2] in POTENTIAL_COMPLEMENTS and word[0] != word[2] \
            and word not in _NOT_NEGATING_IDIOMS:
        return True
    # 没 fused by the segmenter with the verb it negates (没开, 没报, 没欠): 没 before a verb is always
    # a negation; only a few words are lexical (没收 "confiscate", 没落 "decline")
    if len(word) == 2 and word[0] == "没" and word not in _MEI_LEXICAL and "\u4e00" <= word[1] <= "\u9fff":
        return True
    for m in NEG_MORPHEMES:
        if word == m:
            return True
        if word.startswith(m) and word[len(m):] in GOVERNED:
            return True
    return word in ("不予以", "不得以")


def _parts(text: str, start: int, end: int) -> list[tuple[int, int]]:
    return [(start + m.start(), start + m.end()) for m in _PART.finditer(text[start:end])]


def negation_scope(text: str, start: int = 0, end: int | None = None, rule: bool = True) -> list[tuple[int, int]]:
    """Spans of text[start:end] that a negation governs. In a rule (`rule`), also what an excluding
    verb (剔除, 退出) or a penalty excludes; in a question those are facts of the story (保证人想退出)."""
    end = len(text) if end is None else end
    parts = _parts(text, start, end)
    spans: list[tuple[int, int]] = []
    for s, e, word in negators(text[start:end]):
        s, e = s + start, e + start
        k = next((i for i, (ps, pe) in enumerate(parts) if ps <= s < pe), None)
        if k is None:
            continue
        ps, pe = parts[k]
        # 虽未欠息，但…: a conceded negation asserts nothing
        if text[ps:s].rstrip().endswith(("虽", "虽然", "尽管")) or text[max(ps, s - 2):s] in ("虽", "虽然"):
            continue
        # 包括但不限于…, 不仅…: a negated limit widens the list, it excludes nothing
        if WIDENING.match(text[s:pe]):
            continue
        if not rule and _guessed_prohibition(text, s, pe):
            continue
        scope_start = s
        if SUBJECT_NEGATING.match(text[s:pe]) or SUBJECT_NEGATING.match(word):
            scope_start = ps   # the subject of 不属于/不纳入/不予受理 is what is excluded
            if k > 0 and text[parts[k - 1][0]:parts[k - 1][1]].rstrip().endswith("的") and not _has_content(
                    text[ps:s]):
                scope_start = parts[k - 1][0]  # 「…的，不得办理」: the 的-phrase is the topic
        scope_end = pe
        j = k + 1
        while j < len(parts) and CONTINUES_LIST.match(text[parts[j][0]:parts[j][1]]):
            scope_end = parts[j][1]
            j += 1
        if not rule:
            # 「不追加抵押物、改成少续一点」: in a question an item after 、 that opens with its own verb is a
            # predicate of its own, outside the negation (a rule's 、 list of things stays under it)
            scope_end = _own_predicate(text, e, scope_end)
        frame = _FRAME.search(text, e, scope_end)
        # (a negator before 在/当 governs the framed act: 不得在借款人逾期的情况下办理 forbids what follows)
        if frame is not None and text[e:e + 1] not in ("在", "当"):
            # 「在第一顺位还没注销的情况下先办二押」: a negation inside a circumstance frame ends with the frame;
            # what is done in it is affirmed
            scope_end = frame.start()
        modifier = _RELATIVE_SUBJECT.match(text, s, scope_end) if not rule else None
        if modifier is not None:
            # 「没有担保的信用贷款能续吗」: the negation is inside the 的-phrase that modifies the subject
            # of the asked predicate; the subject itself is not negated
            scope_end = modifier.end(1)
        inner = _parenthetical(text, ps, s, pe)
        if inner is not None:
            # 「续贷通(不是2.0那个)能不能…」「原贷款(不含信用贷款)…」: a negation inside brackets stays inside them
            scope_start, scope_end = max(scope_start, inner[0]), inner[1]
        spans.append((scope_start, scope_end))
    for m in EXCLUDING_VERB.finditer(text, start, end) if rule else ():
        k = next((i for i, (ps, pe) in enumerate(parts) if ps <= m.start() < pe), None)
        if k is not None and not text[m.start() - 1:m.start()] == "除":
            spans.append((parts[k][0], m.end()))
    if rule:
        # penalised conduct a negation already covers (依法查处…未按规定的程序抽贷) is not denied twice
        spans += [sp for sp in sanctioned(text, start, end) if not any(a < sp[1] and sp[0] < b for a, b in spans)]
    # 「X以外的其他信贷业务」「中心城区以外」: what stands before 以外/之外 is excepted
    for m in _OUTSIDE.finditer(text, start, end):
        ps = max(text.rfind(ch, start, m.start()) for ch in "，,：:、；;(（") + 1
        ps = max(ps, start)
        if not rule and _besides(text[ps:m.start()]):
            continue  # a question's 「除了A之外，能不能B」 takes A as given: besides it, not without it
        if m.start() - ps >= 2:
            spans.append((ps, m.start()))
    if not rule:
        spans = _skipped_act(text, start, end, parts, spans)
    # nested negations are kept apart: their parity says what is affirmed (未纳入…不得 = 纳入 is required)
    return sorted(spans)  # one span per negator: two identical spans cancel out


# a negated permission modal (不能, 不可以, 不让…) in a clause that asks for confirmation (…不能挪作他用吧？,
# 是不是就不能再办续贷了？): the officer's guess about the permission, not a negation of the act — the
# question asks whether the act is allowed, as 「能不能挪作他用」 does
_NEGATED_PERMISSION = re.compile(r"不(能够|能|可以|可|得|准|许|允许|让|给|予)")
_CONFIRMED = re.compile(r"(吧|吗|么)[？?！!。\s]*$")
_ASKED_BEFORE = re.compile(r"(是不是|是否)[就也都还再]?$")


def _guessed_prohibition(text: str, s: int, pe: int) -> bool:
    """不能/不可以… confirmed by a final particle (…不能挪作他用吧) or asked by 是不是 right before it."""
    m = _NEGATED_PERMISSION.match(text, s)
    # another modal after it asks the question (客户不能按时还款能续吗), or a later clause does (客户不能按时
    # 还款了吧，还能续贷吗): the 不能 is then a fact of the story
    if m is None or re.search(r"能|可以|可否|可不可|行不行|行吗", text[m.end():pe]) \
            or re.search(r"[\u4e00-\u9fffA-Za-z0-9]", re.split(r"[。？?！!]", text[pe:], maxsplit=1)[0]):
        return False
    return _CONFIRMED.search(text[s:pe]) is not None or _ASKED_BEFORE.search(text[:s]) is not None


def _verb_after_first(tags) -> bool:
    return any(tag == "v" for _w, tag in tags[1:])


def _own_predicate(text: str, k: int, end: int) -> int:
    """Where, after offset k, a 、-item opening with a verb (改成, 委托) starts a predicate of its own."""
    from .tokenize import pos_tags
    for m in re.finditer("、", text[k:end]):
        item = re.split(r"、", text[k + m.end():end])[0]
        tags = [t for t in pos_tags(item) if t[1] != "x"] if item else []
        # a verb with more after it (改成|少续一点); a lone word (担保) may be a listed thing; a verb
        # after the item's first word (委托代理人|去办) gives it a predicate of its own, however the
        # tagger took the word before it
        if len(tags) >= 2 and not is_negator(tags[0][0][:1]) and (
                tags[0][1].startswith("v") or _verb_after_first(tags)):
            return k + m.start()
    return end


def _parenthetical(text: str, ps: int, k: int, pe: int) -> tuple[int, int] | None:
    """(after the opening bracket, at the closing one) when position k is inside brackets within its part."""
    opening = max(text.rfind("(", ps, k), text.rfind("（", ps, k))
    if opening < 0 or max(text.rfind(")", opening, k), text.rfind("）", opening, k)) >= 0:
        return None
    closing = [c for c in (text.find(")", k, pe), text.find("）", k, pe)) if c >= 0]
    return (opening + 1, min(closing)) if closing else None


# a question asking to skip an act: 不 right after a modal (可以不签, 能不交, 是不是不用), however the
# segmenter cut it; 能不能/是不是/可不可以 themselves ask, they negate nothing
_SKIP = re.compile(r"(可以|能够|能|可否|是否|是不是|能不能|可不可以|会不会)不(?![是能可会行])")
_OBJECT_TAGS = ("n", "vn", "nz", "j")
_MANNER = re.compile(r"(像|跟|和|同)[^，,。；;？?]{1,10}?(那样|一样|似的)")


def _own_word(word: str) -> bool:
    from .tokenize import in_dictionary
    return len(word) > 1 and in_dictionary(word) and not is_negator(word)


# renewal itself as the act after 不 (纯信用贷款是不是不给续): what a rule allows or refuses, never a step one may
# skip — the question asks whether renewal is refused, and its topic is the subject of that permission
_RENEWAL_ACT = re.compile(r"^(给|让|予|再|能|可以)?(续|续贷|续作|续做|办续贷|办理续贷)(了|吧|吗|呢)?$")


def _object_first(topic: str, rest: str) -> bool:
    """Whether what stands before the modal is the skipped act's object: the act after 不 has none."""
    from .tokenize import pos_tags
    return _has_content(topic) and not any(tag.startswith(_OBJECT_TAGS) for _w, tag in pos_tags(rest))


def _manner_word(text: str, k: int, own: str, part_end: int) -> bool:
    """A word of its own that begins with 不 before the act is a way of doing it (不见面办理); ending
    the clause (可以不管吗) it is the act, negated."""
    # 不变/不动/不换/不改 keep a state as it is: nothing is skipped
    if len(own) == 2 and own[1] in "变动换改":
        return True
    return _own_word(own) and _has_content(re.sub(r"[吗呢吧了么？?！!。]+$", "", text[k + len(own):part_end]))


def _skipped_act(text: str, start: int, end: int, parts, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """不 after a modal negates the act after it; when that act has no object of its own, what the
    part names before the modal is its object, put first as the topic (担保合同可以不签吗, 调查和审批
    是不是不用再走一遍): it is what is skipped."""
    out = list(spans)
    words: dict[int, str] | None = None
    for m in _SKIP.finditer(text, start, end):
        k = m.end() - 1
        if words is None:   # segmented only for a question that has the construction
            words = {s: w for w, s, _e in _tokens(text)}
        own = words.get(k, "")
        if _manner_word(text, k, own, next((pe for ps, pe in parts if ps <= k < pe), end)):
            continue
        part = next(((ps, pe) for ps, pe in parts if ps <= k < pe), None)
        if part is None:
            continue
        ps, pe = part
        mine = next((sp for sp in out if sp[0] == k), None)
        scope = (k, mine[1] if mine else pe)
        # a manner phrase (像新贷款那样) is no object of the act
        # (the act is the word after 不, or the whole 不-word: 可以不管 — its verb 管 is no object)
        after = k + (len(own) if own.startswith("不") and len(own) > 1 else 1)
        rest = _MANNER.sub("", re.sub(r"[吗呢吧了么？?！!。]+$", "", text[after:scope[1]]))
        act = re.sub(r"[吗呢吧了么？?！!。]+$", "", text[k + 1:scope[1]])
        if not _RENEWAL_ACT.match(act) and _object_first(text[ps:m.start()], rest):
            scope = (ps, scope[1])
        if mine:
            out[out.index(mine)] = scope
        else:
            out.append(scope)
    return out


_OUTSIDE = re.compile(r"(?<![除另此])(以外|之外)")


def _besides(before: str) -> bool:
    """「除了A之外」: 以外/之外 closing a 除 frame."""
    return "除" in before
# a penalty a rule attaches to conduct: the conduct is forbidden (「对…断贷、抽贷的机构下发监管意见书」)
PENALTY = re.compile(r"(监管约谈|通报批评|监管意见书|追究[^，,。；;]{0,10}责任|查处|处罚|问责|处分|罚款|整改)")
_PENALISED = re.compile(r"对([^，,。；;]{2,60}?)的(机构|单位|人员|行为|企业|客户|借款人|个人)")


# …or the object of a verb of penalising, up to the conduct it names (严厉查处…违规收费、附加不合理条件等违规行为)
_PENALISING = re.compile(r"(查处|处罚|问责|整治|纠正|打击)([^，,。；;]{2,80}?(行为|乱象))")
# …unless the penalty is suffered or denied (未受到行政处罚或有违法违规行为): then it is no verb of penalising
_SUFFERED = re.compile(r"(受到|受|被|遭到|遭|未|没有|没|无|不)[^，,。；;]{0,4}$")


def sanctioned(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Conduct a rule penalises: the 对…的 phrase before a penalty verb, or a penalising verb's object,
    read as negated. Of an object modified by a 的-phrase (机构在办理续贷业务中的违规收费), only the head
    is the conduct: the frame before it (办理续贷业务) is not penalised."""
    end = len(text) if end is None else end
    out = []
    for part_s, part_e in _parts(text, start, end):
        part = text[part_s:part_e]
        pen = PENALTY.search(part)
        if not pen:
            continue
        m = _PENALISED.search(part, 0, pen.start())
        if m:
            out.append((part_s + m.start(1), part_s + m.end(1)))
            continue
        obj = _PENALISING.search(part)
        if obj and not _SUFFERED.search(part[:obj.start()]):
            # a frame closing in 中的/时的 (在办理续贷业务中的) sets where the conduct happens, not what it is
            frame = [m.end() for m in re.finditer(r"(中|时)的", part[obj.start(2):obj.end(2)])]
            head = obj.start(2) + (frame[-1] if frame else 0)
            out.append((part_s + head, part_s + obj.end(2)))
    return out


def _has_content(text: str) -> bool:
    return len(re.sub(r"[\s，,、。；;：:的也均都则即就将]", "", text)) >= 2


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


_EXCEPTION = re.compile(r"除(?!外)([^，,。；;]{1,40}?)(?:以外|之外|外)")
_CONDITION = re.compile(r"^(若|如果|假如|如|倘若|凡)(?!下)[^，,。；;]{1,60}?(?=[，,])|^(对于|对)[^，,。；;]{1,60}?的(?=[，,])"
                        r"|^[^，,。；;]{2,60}的(?=[，,])")
_CONCESSION = re.compile(r"(虽然|虽|尽管)[^，,]*[，,]\s*(但|但是|却)")


def exception_span(text: str, start: int = 0, end: int | None = None) -> tuple[int, int] | None:
    """除…外: the part a prohibition or rule does not cover."""
    m = _EXCEPTION.search(text, start, len(text) if end is None else end)
    return (m.start(1), m.end(1)) if m else None


# 对 + a restrictive clause + 的 + what it restricts (「对材料齐全的申请即来即办」): the rule holds for those
# that meet the clause; a possessor instead (「对借款人的资料」) names whose thing it is, not a condition,
# and conduct a penalty follows is what the rule forbids
RESTRICTED = re.compile(r"^(?:对于|对)([^，,。；;的]{2,30})的(?=[^，,。；;]{2,})")
POSSESSOR = re.compile(r"(机构|银行|行社|联社|社|行|人|方|企业|客户|部门|中心|局|单位|政府|个人)$")


def condition_span(text: str, start: int = 0, end: int | None = None) -> tuple[int, int] | None:
    """若…的，/ 对…的，/ 对…的 N…: the condition a consequence depends on (the first part only)."""
    end = len(text) if end is None else end
    body = ITEM_MARK.match(text, start)
    s = body.end() if body else start
    m = _CONDITION.match(text[s:end])
    if not m:
        r = RESTRICTED.match(text[s:end])
        # conduct a penalty follows (对盲目抽贷的机构下发监管意见书) is forbidden, not a condition
        if r and not POSSESSOR.search(r.group(1)) and not sanctioned(text, s, end):
            return (s, s + r.end())
        return None
    if not re.match(r"若|如果|假如|如|倘若|凡|对于|对", m.group(0)) and not re.search(
            r"(不足|超过|低于|发生|存在|出现|变化|需要|申请|不能|无法)", m.group(0)):
        return None   # a plain 的-phrase subject, not a condition
    return (s, s + m.end())


# a causative 使 (能使…得到完善, 使信用贷款转化为担保贷款) names what the act is to bring about: the words
# after it, up to the end of the part, describe the state the rule wants afterwards, not one a customer
# must already be in. 即使/假使/纵使 are "even if", 行使 "exercise", 使用 "use"; 致使/迫使 report a result.
_CAUSATIVE = re.compile(r"(?<![即假纵行大致迫])使(?![用])")


def caused_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Spans that state an outcome the act is to cause (from 使 to the end of its part)."""
    end = len(text) if end is None else end
    spans = []
    for s, e in _parts(text, start, end):
        m = _CAUSATIVE.search(text, s, e)
        if m:
            spans.append((m.end(), e))
    return spans


def concession(text: str, start: int = 0, end: int | None = None) -> tuple[int, int] | None:
    """虽…，但…: the conceded span (not asserted)."""
    m = _CONCESSION.search(text, start, len(text) if end is None else end)
    return (m.start(), m.start(2)) if m else None


_DIGIT = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


def is_estimate(num: str) -> bool:
    """Two numerals side by side naming a rough count (一两, 两三, 三五): never the number they spell."""
    digits = [_DIGIT.get(ch) for ch in num]
    return len(num) == 2 and None not in digits and (digits[1] - digits[0] == 1 or num == "三五")


def parse_number(num: str) -> float | None:
    if re.fullmatch(r"\d+(?:\.\d+)?", num):
        return float(num)
    if num == "半":
        return 0.5   # 半个月, 半年
    if is_estimate(num):
        # 一两次, 两三天, 三五年: an estimate, "at most" the larger — never the number 12
        return float(_DIGIT[num[1]])
    try:
        import cn2an
        return float(cn2an.cn2an(num, "smart"))
    except (ValueError, KeyError, TypeError, IndexError):
        return None


def _after_previous(text: str, found: list[Limit], part_start: int, k: int) -> int:
    """「连续2期或累计3期」: what a number measures runs back to the number before it at most."""
    if found and found[-1].end > part_start:
        part_start = found[-1].end
        while part_start < k and text[part_start] in "或及和与以上下含()（） ":
            part_start += 1
    return part_start


_DATE = re.compile(r"([0-9０-９一二三四五六七八九十]{1,3})月([0-9０-９一二三四五六七八九十]{1,3})(日|号)")


def calendar_dates(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, int, int]]:
    """Calendar dates (6月30日, 十二月五号) in text: (start, end, month, day)."""
    out = []
    for d in _DATE.finditer(text, start, len(text) if end is None else end):
        month, day = parse_number(d.group(1)), parse_number(d.group(2))
        if month and day:
            out.append((d.start(), d.end(), int(month), int(day)))
    return out


# a day of this month or the next, as speech dates it (下个月10号, 这个月底, 月初): the month an offset from now
_DEICTIC_DATE = re.compile(r"(?P<month>这个?月|本月|当月|下个?月|上个?月|(?<![0-9０-９一二三四五六七八九十两个上下每按本当这])月)"
                           r"(?P<day>初|中旬?|底|末|[0-9０-９一二三四五六七八九十]{1,3}(?:号|日))")
_MONTH_OFFSET = {"下": 1, "上": -1}
_MONTH_PART = {"初": 1, "中": 15, "中旬": 15, "底": 30, "末": 30}


def deictic_dates(text: str) -> list[tuple[int, int, int, int]]:
    """Days named by a month of speech (下个月10号, 这个月底): (start, end, months from now, day)."""
    out = []
    for d in _DEICTIC_DATE.finditer(text):
        day = _MONTH_PART.get(d.group("day")) or parse_number(d.group("day")[:-1])
        if day:
            out.append((d.start(), d.end(), _MONTH_OFFSET.get(d.group("month")[0], 0), int(day)))
    return out


def _calendar_date(text: str, m: re.Match) -> bool:
    """Whether the number at m is the month or the day of a calendar date, not a duration."""
    return any(a <= m.start() < b for a, b, _m, _d in calendar_dates(text, max(0, m.start() - 4), m.end() + 4))


# 近三年, 最近两年: the time a rule looks back over (接近 is "nearly", no window)
_LOOK_BACK = re.compile(r"(?:^|[，,；;：:（(\s]|最|在)近$")


# what a look-back window may stand on before its denial (近三年内无…, 近两年来没有…)
_WINDOW_GAP = re.compile(r"\s*(?:以内|之内|内|以来|来|中)?\s*(?:均|都|从)?\s*")


def _denied_after(text: str, before: str, end: int) -> bool:
    """近 after a noun with a denial right after the time (借款人近二年没有欠息) looks back over what it
    denies; 近 after a verb (成立近3年) or as 将近/接近 is "nearly"."""
    if not before.endswith("近") or before.endswith(("将近", "接近")):
        return False
    k = _WINDOW_GAP.match(text, end).end()
    # the denial as a word of its own (未 of 未分配利润 is no denial)
    return any(s == 0 for s, _e, _w in negators(text[k:k + 8]))


def limits(text: str, start: int = 0, end: int | None = None) -> list[Limit]:
    """Numeric limits in text[start:end] with their operators."""
    end = len(text) if end is None else end
    out: list[Limit] = []
    for m in _NUMBER.finditer(text, start, end):
        num = m.group("num")
        if not re.search(r"\d", num) and (
                text[m.end():m.end() + 1] in ("性", "顺", "期", "事") or text[max(0, m.start() - 1):m.start()] in ("同", "统", "唯", "每", "第", "进")
                or (num in ("二", "两") and text[m.end():m.end() + 2] == "顺位")):
            continue  # 一次性, 同一, 第二, 二次顺位: a word or an ordinal, not a count
        value = parse_number(num)
        if value is None:
            continue
        unit = UNIT_CANON.get(m.group("unit"), m.group("unit"))
        if unit in _WEEKS:
            value, unit = value * 7, "日"   # a week is seven days
        if unit == "年" and value >= 1900:
            continue  # 2019年: a date, not a duration
        if _calendar_date(text, m):
            continue  # 6月30日: a day of the calendar, neither 6个月 nor 30日
        part_start = max(text.rfind(ch, start, m.start()) for ch in "，,：:。；;、") + 1
        part_start = max(part_start, start)
        part_start = _after_previous(text, out, part_start, m.start())
        before = text[part_start:m.start()]
        op = "="
        after = (m.group("after") or "").strip().lstrip("及或").strip()
        if after in OP_AFTER:
            op = OP_AFTER[after]
        for rx, sym in OP_BEFORE:
            hit = None
            for hit in rx.finditer(before):
                pass
            if hit is not None and before[hit.end():].strip(" 在为达到至") == "":
                op = sym
                before = before[:hit.start()]
                break
        if op == "=" and is_estimate(num):
            op = "<="   # 一两次: at most two
        if op == "=" and unit in ("年", "个月", "日") and (_LOOK_BACK.search(before) or _denied_after(text, before, m.end())):
            # 近三年无…: a look-back window, as 三年内 is
            op, before = "<=", re.sub(r"最?近$", "", before)
        quantity = re.sub(r"^(\s|" + ARTICLE_NUMBER + r"|[（(][一二三四五六七八九十]+[)）]|\d+[.、．]|且|并|对|在|其|的|应|须|原则上)+", "", before)
        quantity = re.sub(r"(应当|应|须|必须|需|在|为|是|达到|不得|不能|控制在|均)+$", "", quantity.strip())
        out.append(Limit(op, value, unit, quantity[-14:], m.start(), m.end()))
    return _shared_operator(text, out) + grade_limits(text, start, end)


# 「连续2期或累计3期及以上」: numbers of one unit joined by a coordinator, with only what the next one
# measures between them
_COORDINATED = re.compile(r"\s*(?:或者|或|以及|及|和|与|、)[\u4e00-\u9fff]{0,4}\s*$")


def _shared_operator(text: str, found: list[Limit]) -> list[Limit]:
    """An operator after the last of coordinated numbers (连续2期或累计3期及以上) is said of each of them:
    连续2期 is ≥2期 as 累计3期 is ≥3期."""
    out = list(found)
    for i in range(len(out) - 2, -1, -1):
        a, b = out[i], out[i + 1]
        if a.op == "=" and b.op in (">=", "<=") and a.unit == b.unit and _COORDINATED.match(text[a.end:b.start]):
            out[i] = Limit(b.op, a.value, a.unit, a.quantity, a.start, a.end)
    return out


TIME_YEARS = {"年": 1.0, "个月": 1 / 12, "日": 1 / 365}


def window_events(reading: Reading) -> list[tuple[Limit, tuple[int, int]]]:
    """Look-back windows and the events each denies: 「近三年无环保违法、欠缴税金等记录」 is a window of
    three years over the negated span after it (unit offsets). A rule of absence over a time: an event
    inside the window fails it, one before the window does not bear on it."""
    out = []
    for lim in reading.limits:
        if lim.op != "<=" or lim.unit not in TIME_YEARS:
            continue
        k = lim.start - reading.start
        before = ITEM_MARK.sub("", reading.text[:k])
        if k < 0 or not (_LOOK_BACK.search(before) or _denied_after(reading.text, before, lim.end - reading.start)):
            continue
        gap = _WINDOW_GAP.match(reading.text, lim.end - reading.start).end() + reading.start
        span = next(((s, e) for s, e in reading.negated if s == gap), None)
        if span is not None:
            out.append((lim, span))
    return out


# 两年前欠过税, 三年多以前: how long ago a stated event was (到期一个月前 is a time before an event, no age)
_AGO = re.compile(rf"(?<!\d)(?P<num>\d{{1,3}}(?:\.\d+)?|[{_CN_NUM}]+|半)\s*(?P<unit>年半|个半月|个月|月|年|天|日|个星期|星期|周)"
                  r"(?P<more>多)?\s*(?:以|之)?前(?![提面后])")
# 前两天, 前三个月: the same time said with 前 first (a couple of days ago) — not 目前, nor 到期前两天
_AGO_FIRST = re.compile(rf"(?<![到期满之以提目日])前(?P<num>\d{{1,2}}|[{_CN_NUM}]{{1,2}})(?P<unit>个月|天|日|年|个星期|星期|周)"
                        r"(?![内里以之前后])")
_TIME_OF_EVENT = re.compile(r"(到期|届满|期满|还款|申请|放款|发放|之日|当日|日期|截止)[^，,。；;]{0,2}$")
# the deictic years and months of speech: 去年 is an event one year back
DEICTIC_AGES = (("大前年", 3.0, "年"), ("前年", 2.0, "年"), ("去年", 1.0, "年"), ("上个月", 1.0, "个月"), ("上月", 1.0, "个月"))


# what closes a clause of a question or a rule: a comma or a sentence's end
CLAUSE_STOPS = "，,。；;？?！!"


def clause_bounds(text: str, s: int, e: int | None = None, stops: str = CLAUSE_STOPS,
                  end_stops: str | None = None) -> tuple[int, int]:
    """Where the clause holding text[s:e] starts and ends (after the stop before s, at the first stop
    from e on); `end_stops`, when given, closes it on the right instead of `stops`."""
    e = s if e is None else e
    a = max(text.rfind(ch, 0, s) for ch in stops) + 1
    ends = [k for k in (text.find(ch, e) for ch in (stops if end_stops is None else end_stops)) if k >= 0]
    return a, min(ends or [len(text)])


def event_ages(text: str) -> list[Limit]:
    """How long ago each stated event was, with the clause that states it as its quantity:
    「企业两年前因为环保违法被处罚过」 → 2 年 ago, 「两年多前」 → more than 2 年 (op >=)."""
    out = []

    def part_of(s: int, e: int) -> str:
        a, b = clause_bounds(text, s, e)
        return text[a:s] + text[e:b]

    for m in sorted([*_AGO.finditer(text), *_AGO_FIRST.finditer(text)], key=lambda x: x.start()):
        if _TIME_OF_EVENT.search(text[max(0, m.start() - 6):m.start()]):
            continue
        num, unit_said = m.group("num"), m.group("unit")
        more = m.re is _AGO and m.group("more")
        value = 0.5 if num == "半" else parse_number(num)
        if value is None:
            continue
        unit = UNIT_CANON.get(unit_said, unit_said)
        if unit in _WEEKS:
            value, unit = value * 7, "日"
        if unit == "年半":
            value, unit = value + 0.5, "年"   # 一年半前
        elif unit == "个半月":
            value, unit = value + 0.5, "个月"
        out.append(Limit(">=" if more else "=", value, unit, part_of(m.start(), m.end()), m.start(), m.end()))
    taken: list[tuple[int, int]] = []
    for word, value, unit in DEICTIC_AGES:
        for m in re.finditer(word, text):
            if any(a <= m.start() < b for a, b in taken) or text[m.start() - 1:m.start()] in ("以", "过") \
                    or text[m.end():m.end() + 1] == "度":
                continue   # 前年 inside 大前年; 以前年度, 过去年度 are accounting years, no event's date
            taken.append((m.start(), m.end()))
            out.append(Limit("=", value, unit, part_of(m.start(), m.end()), m.start(), m.end()))
    return sorted(out, key=lambda lim: lim.start)


_GRADE = re.compile(r"(?<![A-Za-z])([A-Da-d])(\1{0,2})\s*级(?P<incl>\s*[(（]含[)）])?(?P<after>\s*(?:及|或)?\s*(?:以上|以下))?")


def grade_value(letters: str) -> float:
    """A credit grade on one ordered scale (AAA 33 > AA 32 > A 31 > BBB 23 … > D 1); `figure` writes it back."""
    letters = letters.upper()
    return float((3 - "ABCD".index(letters[0])) * 10 + len(letters))


def grade_limits(text: str, start: int = 0, end: int | None = None) -> list[Limit]:
    """Credit grades as ordered values (AAA > AA > A > BBB … > D): 「信用等级A级(含)以上」."""
    end = len(text) if end is None else end
    out = []
    for m in _GRADE.finditer(text, start, end):
        value = grade_value(m.group(1) + m.group(2))
        after = (m.group("after") or "").strip().lstrip("及或").strip()
        op = OP_AFTER.get(after, "=")
        part_start = max(max(text.rfind(ch, start, m.start()) for ch in "，,：:。；;、") + 1, start)
        out.append(Limit(op, float(value), "级", text[part_start:m.start()][-14:], m.start(), m.end()))
    return out


def members(text: str, start: int, end: int) -> tuple[tuple[str, ...], bool]:
    """The things a list enumerates (split on 、/和/与/及/以及/或), and whether it is open (等)."""
    body = text[start:end]
    body = re.sub(r"^(不包括|不含|包括|含|为|是|即|对象为|不属于|不得用于|用于)", "", body.strip(" ,，:：。；;"))
    open_list = "等" in body
    body = re.split(r"等", body)[0] if open_list else body
    pieces = re.split(r"、|以及|及|和|与|或者|或|，|,", body)
    out = tuple(p.strip(" （）()“”\"") for p in pieces if 2 <= len(p.strip()) <= 24)
    return out, open_list


def lead_kind(lead: str) -> LeadKind:
    """What a list's lead-in makes of its items."""
    lead = lead.strip()
    if not lead:
        return ""
    tail = re.split(r"[。；;]", lead.rstrip("。；; "))[-1] if re.search(r"[。；;]", lead.rstrip("。；; ")) else lead
    if negation_scope(tail) and LIST_LEAD.search(tail + ("：" if not tail.endswith((":", "：")) else "")):
        return "exclusion"
    if REQUIREMENT_LEAD.search(tail):
        return "requirement"
    if LIST_LEAD.search(tail):
        return "list"
    return ""


# --- one sentence ---------------------------------------------------------------------------------

# 「…所称企业主是指…,本实施细则中的贷款业务仅指流动资金贷款」: a definition, whole at its comma, joined to
# a second proposition whose subject is the text naming itself (本 + its kind): read each by itself. Only
# after a definition — a condition, an exception or a topic before the comma (借款人有逾期的，除…外，对于…)
# belongs to what follows
OWN_SUBJECT = re.compile(r"[，,](?=本[^，,。；;行]{0,4}?(办法|细则|规程|规定|通知|指引|制度|范本)(所称|中的|的|对|适用))")


def _after_definition(text: str, m: re.Match) -> bool:
    start = max([e.end() for e in SENTENCE_END.finditer(text, 0, m.start())] or [0])
    return DEFINITION.search(text, start, m.start()) is not None


def sentences(text: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    joints = [m for m in OWN_SUBJECT.finditer(text) if _after_definition(text, m)]
    for m in sorted([*SENTENCE_END.finditer(text), *joints], key=lambda m: m.start()):
        out.append((pos, m.end() if m.group(0).strip() else m.start()))
        pos = m.end()
    out.append((pos, len(text)))
    trimmed = []
    for s, e in out:
        while s < e and text[s] in " \t\n\u3000":
            s += 1
        while e > s and text[e - 1] in " \t\n\u3000":
            e -= 1
        if e - s >= 2:
            trimmed.append((s, e))
    return trimmed


def _rule_first(body: str, k: int, lead: LeadKind, lims: Sequence[Limit], s: int) -> bool:
    """「资金回笼率在5%(含)以上,资金回笼率就是指…」: a rule stated first and its term explained after it
    is the rule; the sentence that opens by defining is a definition."""
    cut = max(body.rfind(ch, 0, k) for ch in "，,；;")
    if cut < 0:
        return False
    return lead in ("requirement", "exclusion") or any(lim.start - s < cut for lim in lims)


# 「本办法自发布之日起生效」: the text itself (本 + its kind) taking effect, not a time limit on an act
COMMENCEMENT = re.compile(r"本[^，,。；;]{0,12}?(办法|细则|规程|规定|通知|指引|制度|范本)[^。；;]{0,20}?自"
                          r"[^，,。；;]{1,12}?(之日|日)起(生效|施行|执行|实施|试行)")


def _inside_noun_phrase(body: str, k: int) -> bool:
    """「能够证明抵押物价值的材料」: a list item — a fragment, no sentence — opening with a modal whose
    clause closes with 的 and a short head noun is a relative clause on that noun; the item names a
    thing and permits nothing. A whole sentence (可以延长原贷款的期限。) keeps its modal, and a second
    modal before the 的 (可以提供能够证明…的材料) opens the relative clause itself: the first governs."""
    body = body.rstrip("。；;，, ")
    de = body.rfind("的")
    return (ITEM_MARK.sub("", body[:k]).strip() == "" and k < de and 1 <= len(body) - de - 1 <= 6
            and not re.search(r"[，,：:、]", body[k:]) and not PERMISSION.search(body, k + 1, de))


def classify(text: str, s: int, e: int, lead: LeadKind, negated: list[tuple[int, int]],
             lims: Sequence[Limit], cond: tuple[int, int] | None = None) -> tuple[ReadingKind, int]:
    body = text[s:e]
    # the modal of the main clause, not of its condition (需要临时申请办理的，可视实际情况酌情调整)
    main = text[cond[1]:e] if cond and _modal_of_main(text, cond[1], e) else body
    main_negated = bool(negated)
    definition = DEFINITION.search(body)
    scope = scope_word(body)
    if definition and not (scope and scope.start() < definition.start()) and not _rule_first(body, definition.start(), lead, lims, s):
        return "definition", 1  # 「适用的对象就是指…」 defines a scope: read as a scope below
    if lead == "exclusion":
        return "exclusion", -1
    if lead == "requirement":
        return "requirement", 1
    if main_negated and (scope_word(body) or re.search(r"不包括|不含|不属于|不适用|不在|范围|之列|不纳入", body)):
        return "exclusion", -1
    if main_negated and re.search(r"不得|不予|严禁|禁止|不准|不能|不可|不应|不宜|不办理|不受理|不再|一律不|无法", body):
        return "prohibition", -1
    if sanctioned(text, s, e):
        return "prohibition", -1   # conduct penalised is conduct forbidden
    if scope_word(body):
        return "scope", 1
    if any(lim.unit in TIME_UNITS for lim in lims):
        return "time_limit", 1
    if COMMENCEMENT.search(body):
        return "statement", 1   # when the text itself takes effect sets no deadline for anyone
    if re.search(r"即来即办|到期前|届满前|之日起", body):
        return "time_limit", 1
    if OBLIGATION.search(main):
        return "obligation", 1
    # a list entry (its last one ends in 。 too), or an entry with no sentence end; not a sentence
    fragment = lead or not body.rstrip().endswith(("。", "；", ";"))
    if (m := PERMISSION.search(body)) and not (fragment and _inside_noun_phrase(body, m.start())):
        return "permission", 1
    if ASSIGNED.search(body):
        return "permission", 1   # 「利率由借贷双方协商确定」: who settles it is empowered to
    if PROCEDURE.search(body):
        return "procedure", 1
    if main_negated:
        return "prohibition", -1
    return "statement", 1


def read_text(clause_id: str, doc_id: str, text: str, lead: str = "",
              skip: Sequence[tuple[int, int]] = ()) -> list[Reading]:
    """Readings of a clause's own sentences; `skip` holds spans read by its child clauses."""
    lk = lead_kind(lead)
    out: list[Reading] = []
    for s, e in sentences(text):
        if any(ks <= s and e <= ke for ks, ke in skip):
            continue
        if any(ks < e and s < ke for ks, ke in skip):
            # the article's own lead-in before its first item
            e = min([ks for ks, ke in skip if s < ks < e] or [e])
            if e - s < 2:
                continue
        body_start = s
        m = ITEM_MARK.match(text, s)
        if m:
            body_start = m.end()
        conceded = concession(text, body_start, e)
        negated = [sp for sp in negation_scope(text, body_start, e)
                   if not (conceded and conceded[0] <= sp[0] < conceded[1])]
        negated = [sp for sp in negated if sp[1] > sp[0]]
        lims = limits(text, body_start, e)
        cond = condition_span(text, body_start, e)
        kind, polarity = classify(text, body_start, e, lk, negated, lims, cond)
        exc = exception_span(text, body_start, e)
        mem_start = body_start
        if negated:
            mem_start, mem_end = negated[0]
        else:
            mem_end = e
            sc = scope_word(text, body_start, e)
            if sc:
                mem_start = sc.end()
        mem, open_list = members(text, mem_start, mem_end)
        out.append(Reading(clause_id, doc_id, s, e, kind, polarity, lk, tuple(negated), cond, exc,
                           mem, open_list, tuple(lims), text[s:e]))
    return out


@dataclass(frozen=True)
class UnitLike:
    clause_id: str
    doc_id: str
    parent_id: str | None
    start: int
    end: int
    text: str


def read_units(units: Iterable) -> dict[str, list[Reading]]:
    """Readings of every unit (clause); a sentence belongs to the most specific clause that
    holds it, and an item reads its parent's lead-in (「须符合以下条件」)."""
    units = list(units)
    by_id = {u.clause_id: u for u in units}
    children: dict[str, list] = {}
    for u in units:
        if u.parent_id:
            children.setdefault(u.parent_id, []).append(u)
    out: dict[str, list[Reading]] = {}
    for u in units:
        kids = children.get(u.clause_id, [])
        skip = [(k.start - u.start, k.end - u.start) for k in kids]
        lead = ""
        parent = by_id.get(u.parent_id) if u.parent_id else None
        if parent is not None:
            first = min(k.start for k in children[parent.clause_id])
            lead = parent.text[:first - parent.start]
        out[u.clause_id] = read_text(u.clause_id, u.doc_id, u.text, lead, skip)
    return out


def fingerprint() -> str:
    """Changes whenever this grammar changes: stored readings are then rebuilt."""
    import hashlib
    from pathlib import Path
    return hashlib.sha1(Path(__file__).read_bytes()).hexdigest()[:12]


def format_reading(r: Reading) -> str:
    """One line a person can check: kind, polarity, limits, negated and list members."""
    bits = [f"{r.kind}{'(-)' if r.polarity < 0 else ''}"]
    if r.lead:
        bits.append(f"lead={r.lead}")
    if r.negated:
        bits.append("否定=" + "｜".join(r.text[s - r.start:e - r.start] for s, e in r.negated))
    if r.condition:
        bits.append("条件=" + r.text[r.condition[0] - r.start:r.condition[1] - r.start])
    if r.exception:
        bits.append("除外=" + r.text[r.exception[0] - r.start:r.exception[1] - r.start])
    if r.members:
        bits.append("列举=" + "、".join(r.members) + ("等" if r.open_list else ""))
    if r.limits:
        bits.append("限=" + "；".join(lim.describe() for lim in r.limits))
    return "  ".join(bits) + f"\n      「{r.text}」"


__all__ = ["CLAUSE_STOPS", "Limit", "Reading", "clause_bounds", "deictic_dates", "read_units", "read_text", "negators", "negation_scope", "limits", "window_events", "event_ages",
           "lead_kind", "exception_span", "condition_span", "concession", "format_reading"]
