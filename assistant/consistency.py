"""Policy consistency from the clause readings: for any question or topic, one row per
document with what its deciding sentence says (a verdict, a limit, a mechanism) or 未规定, and
the conflicts between them — opposite verdicts, different limits in one unit, different
mechanisms, and a bank stricter or looser than the regulator's notice. A conflict is flagged
only between rows whose deciding sentences are about the topic; agreement is said."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path

from ingest.load import LEVEL_ORDER, LEVELS
from ingest.readings import ITEM_MARK, TIME_UNITS, Limit, Reading
from ingest.readings import members as list_members

from .docnames import _KIND_WORDS, RULES_NOUNS
from .evidence import Weights, idf_weights
from .models import VERDICT_WORD, Citation, Hit
from .question import COMPARING, FACETS, GENERIC, UNIT_FACETS, RENEWAL, RULES_COMPARED, Concept, Question, analyse, match_form, only_within, story_pointed_at
from .reason import _COMPARISON_VERBS, Stance, asks_a_use, best_stance, carried_words, narrowed_form, polarity_at, sibling_words, stance, with_previous

TOPICS: list[tuple[str, str]] = [
    ("适用贷款种类", "续贷适用于哪些贷款种类"),
    ("质押贷款", "质押贷款能否办理续贷"),
    ("信用贷款", "信用贷款能否办理续贷"),
    ("个人经营性贷款", "个人经营性贷款能否办理续贷"),
    ("额度上限", "续贷额度能否超过原贷款额度"),
    ("单笔额度", "单笔续贷额度是多少万元"),
    ("期限", "续贷期限如何确定"),
    ("利率", "续贷利率如何确定"),
    ("续贷次数", "同一笔贷款续贷次数有什么限制"),
    ("申请时间", "续贷申请应在原贷款到期前多久提出"),
    ("办理时点", "续贷是在原贷款到期前还是到期后办理"),
    ("资金用途与封闭运行", "续贷资金能否用于其他用途"),
    ("审批流程", "续贷审批流程能否简化"),
    ("名单制管理", "续贷是否实行名单制管理"),
    ("风险分类", "原贷款须为正常类吗"),
    ("逾期与欠息", "原贷款有欠息能否续贷"),
    ("账户冻结", "借款人账户被冻结能否续贷"),
    ("个人消费性贷款", "个人消费性贷款能否续贷"),
    ("项目贷款", "项目贷款能否续贷"),
    ("担保要求", "续贷担保有什么要求"),
    ("抵押物不足值", "抵押物价值不足时能否续贷"),
    ("原抵押处理", "续贷时原抵押登记如何处理"),
    ("抵押登记时限", "续贷抵押登记办理时限是多少"),
]

# Mechanisms: mutually exclusive ways of doing one thing. (what the topic must mention, the
# mechanisms with the wording that states each). Two documents stating different ones disagree.
MECHANISMS: list[tuple[re.Pattern, dict[str, re.Pattern]]] = [
    (re.compile(r"时点|什么时候|啥时候|何时|几时|前还是(到期)?后|"
                r"到期(以|之)?[前后][^，,。；;？?]{0,4}?(办|申请|提出|续|放)"),
     {"原贷款到期前办理": re.compile(r"到期(以|之)?前"), "原贷款到期后办理": re.compile(r"到期(?:\([^)]{0,12}\))?(以|之)?后")}),
    # 谁 asks who decides only with a verb of deciding (谁来定); 谁卡得更严 asks which is stricter
    (re.compile(r"如何确定|怎么定|怎样确定|谁(?:来)?(?:定|确定|决定|说了算|拍板)|确定方式|定价"),
     {"借贷双方协商确定": re.compile(r"协商确定|协商"), "借款人自行选择": re.compile(r"(?<!银行)可以选择|自行选择"),
      "由银行确定": re.compile(r"(?<!协商)确定")}),
    # (its ways said as officers say them: 先注销再登记, 先解押, 做二押; 注销与再登记的时限 asks a time, 先注销了一家分公司 no mortgage)
    # (the old mortgage said as officers say it — 老抵押, 原来那套厂房做抵押, not the old 抵押人 — and the order of its
    # steps, 先后顺序)
    (re.compile(r"(原(?!贷款|借款)|旧|老(?!板))(来)?[^，,。；;？?、]{0,6}?抵押(?!人)|抵押.{0,6}(怎么|如何)处理|顺位|"
                r"(抵押|注销)[^，,。；;？?]{0,12}(先后|顺序)|二押|先[^，,。；;？?]{0,3}?(注销|解押)[^，,。；;？?]{0,6}?(抵押|登记)|先[^，,。；;？?]{0,6}?抵押[^，,。；;？?]{0,4}?注销|先解押"),
     {"先注销原抵押再重新登记": re.compile(r"注销后重新办理抵押登记|注销登记.{0,20}后.{0,6}受理.{0,4}抵押登记"),
      "第二顺位抵押、原抵押暂不注销": re.compile(r"第二顺位抵押|二次顺位抵押")}),
    # what a renewal's term is set by: the original loan's term, or the firm's business cycle. Asked of the term (期限
    # 怎么定, 要不要跟原贷款期限挂钩)
    (re.compile(r"期限(?!内)[^，,。；;？?]{0,8}?(怎么|如何|按什么|依据|根据|挂钩|参照)|(怎么|如何)(定|确定|设定)[^，,。；;？?]{0,4}期限"),
     {"参照原贷款期限": re.compile(r"与原贷款期限(相同|一致)|参照原贷款期限"),
      "按生产经营周期设定": re.compile(r"经营周期[^，,。；;]{0,12}?(设定|确定)")}),
    # where the lent money goes: into the borrower's account, or straight to the old loan (封闭运行). Asked by a
    # verb moving money to an account (打到企业账上, 划进账户) or by the money's way (流向, 怎么走)
    (re.compile(r"(打到|打进|打入|打给|划到|划进|划入|转到|转进|转入|注入)[^，,。；;？?]{0,6}?(账户|账上|账里)|"
                r"流向|去向|(钱|资金|款)[^，,。；;？?]{0,6}?(怎么|如何)走"),
     {"资金注入借款人账户": re.compile(r"(注入|划入|打入|转入)[^，,。；;]{0,10}?账户"),
      "资金直接归还原贷款": re.compile(r"(直接|专门|限于|用于)(用于)?(归还|偿还)[^，,。；;]{0,8}?(原贷款|原借款|到期贷款)")}),
]
ABOUT = 0.5   # share of the topic's specific words a deciding sentence must hold
# what a sentence that restricts is (its KIND_LABEL): a requirement, a prohibition, an exclusion
RESTRICTING = frozenset({"要求", "禁止", "排除"})
# refusing a firm credit, in the words banking uses for it (断贷 cuts it, 抽贷 withdraws it, 停贷 stops it,
# 压贷 squeezes it)
REFUSALS = re.compile(r"断贷|抽贷|停贷|压贷|拒贷")
KIND_LABEL = {"permission": "允许", "prohibition": "禁止", "exclusion": "排除", "requirement": "要求",
              "scope": "适用范围", "time_limit": "时限", "obligation": "应当", "procedure": "程序",
              "statement": "规定", "definition": "定义"}


@dataclass(frozen=True)
class Row:
    doc_id: str
    doc_title: str
    level: str
    status: str                       # 规定 | 未规定
    verdict: str | None = None
    values: list[str] = field(default_factory=list)       # limits, e.g. 续贷次数≤2次
    categories: list[str] = field(default_factory=list)   # mechanisms, e.g. 原贷款到期前办理
    citation: Citation | None = None
    kind: str = ""                    # what the deciding sentence is: 禁止, 要求, 时限…
    why: str = ""
    partial: bool = False
    limits: list[Limit] = field(default_factory=list)
    excluded: tuple[str, ...] = ()    # what the sentence excludes, when the topic is exclusions
    held: tuple[str, ...] = ()        # topic words the deciding sentence holds as they are
    narrowed: tuple[tuple[str, str], ...] = ()   # topic words it holds only as a narrower kind (民间借贷 → 民间高利借贷)
    held_kinds: tuple[tuple[str, str], ...] = ()  # a held word with the kind phrase it opens (民间 → 民间高利借贷)
    affirmed: tuple[str, ...] = ()    # topic words the sentence allows or requires as an act (应当简化)

    @property
    def cell(self) -> str:
        if self.status != "规定":
            return "未规定"
        parts = [VERDICT_WORD[self.verdict]] if self.verdict else []
        parts += self.values + self.categories
        if not parts and self.kind:
            parts.append(self.kind)
        return "；".join(parts) or "有规定"


@dataclass(frozen=True)
class Side:
    doc_id: str
    doc_title: str
    level: str
    clause: str
    quote: str
    says: str


@dataclass(frozen=True)
class Conflict:
    kind: str                          # 结论相反 | 比监管通知更严 | 比监管通知更宽 | 数值不同 | 机制不同 | 条件不同
    doc_ids: list[str]
    description: str
    regulator: str | None = None       # the regulator's document, when it is one side
    sides: list[Side] = field(default_factory=list)


@dataclass(frozen=True)
class Comparison:
    topic: str
    question: str
    rows: list[Row]
    conflicts: list[Conflict]
    agreement: str = ""                # 「一致」 with the documents that agree, when none conflict

    def to_json(self) -> dict:
        return {"topic": self.topic, "question": self.question,
                "rows": [asdict(r) | {"cell": r.cell} for r in self.rows],
                "conflicts": [asdict(c) for c in self.conflicts], "agreement": self.agreement}


def topic_question(text: str) -> str:
    """A bare topic stands for the question it asks: 质押 → 质押能否办理续贷？"""
    q = analyse(text)
    if q.kind in ("yesno", "fact", "list") and len(text) <= 8 and not re.search(r"[？?吗么]|多少|如何|怎么|什么", text):
        return f"{text}能否办理续贷？"
    return text


def topic_query(q: Question, question: str) -> str:
    """The topic alone: 区别/各行/比较 would only add noise to a per-document search."""
    return " ".join(c.members[0] for c in q.concepts) or question


def compare(assistant, question: str, topic: str | None = None) -> Comparison:
    """One row per document of the index; silent documents as 未规定."""
    from .retrieve import clean_query

    question = clean_query(question, assistant.settings.max_question_chars)
    searcher = assistant.searcher
    idx = searcher.index
    req = assistant.read(topic_question(question))
    q, named, names = story_pointed_at(req.q), req.named, req.names
    q, weights, known = prepare_topic(q, idf_weights(q, idx.bm25.df, len(idx.units)), names, idx.known_word)
    docs = {d: (m["title"], m["level"]) for d, m in idx.docs.items() if len(named) < 2 or d in named}

    def search(q: Question) -> tuple[dict[str, list[Hit]], list[Reading]]:
        per_doc = topic_search(searcher, q, known, question, assistant.settings.per_doc_k)
        return per_doc, [r for d in docs for h in per_doc.get(d, []) for r in idx.readings_of(h.clause_id)]

    per_doc, candidates = search(q)
    if asking_clause_idle(q, known, candidates):
        # the asking clause's words (「…的门槛谁高」) are in no document's sentence on it: the topic is
        # the rest of the question (企业有民间借贷的), as when the asking clause has no corpus word at all
        q = replace(q, topic=q.concepts, focus=q.concepts)
        per_doc, candidates = search(q)
    known = held_somewhere(q, known, candidates)
    rows = doc_rows(q, weights, per_doc, docs, idx.readings_of, idx.unit_of, known)
    asked = verdict_question(topic_question(question), tuple(names))
    if asked is not None and asks_whether(q):
        # the comparison stands on a yes/no question (续贷资金能不能拿去买设备): each document's row is its
        # answer to that question, read as an officer's question is — the same per-document reading
        # (without the LLM step: only the verdicts and deciding sentences are used)
        rows = answered_rows(rows, assistant.reading_answer(asked), q, known, idx.readings_of)
    rows, extended = extended_requirements(q, known, rows, idx)
    conflicts = find_conflicts(rows) + extended
    if not any(c.kind == "结论相反" or c.kind.startswith("比监管通知") for c in conflicts):
        conflicts += defined_against_excluded(q, rows)
    if _regulator_asked(q, named, docs) and not any(c.kind.startswith("比监管通知") for c in conflicts):
        conflicts += stricter_than_the_notice(rows, _against_refusing(idx, docs), named)
    return Comparison(topic or question, question, rows, conflicts, agreement(rows, conflicts))


def verdict_question(question: str, names: tuple[str, ...] = ()) -> str | None:
    """The yes/no question a comparison is asked about, when one of its clauses is one: 「各家文件对续贷
    资金能不能拿去买设备，口径一样吗？」 → 「文件对续贷资金能不能拿去买设备？」. The words that ask for a
    comparison (各家, 一样吗) are not part of it; a clause asking only whether documents agree is none."""
    # an act pointed back at (对这事的态度一样吗, 也允许这么用吗) is what is asked, whatever the pointing clause asks
    pointed = intended_act_question(question, names)
    if pointed is not None:
        return pointed
    # the story before the asking clause in its sentence is part of it (借款人有民间借贷的，还能办续贷吗)
    for sentence in re.split(r"[。；;？?！!]", analyse(question).norm):
        raw = re.split(r"[，,]", sentence)
        clauses = [COMPARING.sub("", c).strip() for c in raw]
        for k, clause in enumerate(clauses):
            if len(clause) < 4 or any(m.start() > 0 for m in COMPARING.finditer(raw[k].strip())):
                # (a clause whose predicate asks whether rules agree — 对得上吗, 都这么规定 — asks no yes/no
                # of its own; 各家 opening a clause only says whose rules the question is about)
                continue
            asked = "，".join(c for c in clauses[:k + 1] if c) + "？"
            # the clause asks by its own grammar (能不能, 吗): a statement (…才能续) is part of the story
            q = analyse(clause)
            if q.kind == "yesno" and q.asks_verdict and q.topic and analyse(asked).kind == "yesno":
                return asked
    return None


# an act the story says someone means to do (客户想把续贷的钱拿去买设备), and a comparing clause pointing
# back at it (对这事的态度一样吗, 对这种做法规定一致吗)
_INTENDS = re.compile(r"(想|打算|准备|计划|希望)")
_POINTS_BACK = re.compile(r"(这事|这件事|此事|这种(做法|用法|操作|安排|情况)|这样(做|办|用)|这么(做|办|用))")


# 「…那边也允许这么用吗」: the act pointed back at asked of another with 也
_ALSO_ASKED = re.compile(r"也[^，,。？?]{0,6}(允许|可以|能|行|认可|支持|同意)")
# a claim that an act is allowed (能拿去买设备, 可以用于, 允许)
_ALLOWED_SAID = re.compile(r"(?<![不没])(?:能|可以|可用|允许|准许)")
# who is said to say the claim that opens a story (2024细则说…, 按操作指引的规定…): a short subject and a verb of saying
_REPORTED = re.compile(r"^[^，,。；;]{1,12}?(说|规定|写着|提到|明确)(了)?")


def _names_only(clause: str, names: tuple[str, ...]) -> bool:
    """A clause that says nothing but which documents' rules agree (2024细则和黑龙江农信社的规定能对得上吗)."""
    if not names:
        return False
    rest = clause
    for n in sorted(names, key=len, reverse=True):
        rest = rest.replace(n, "")
    rest = COMPARING.sub("", rest)
    return not [c for c in analyse(rest).concepts
                if not all(m in GENERIC or m in RULES_NOUNS or m in RENEWAL for m in c.members)]


def intended_act_question(question: str, names: tuple[str, ...] = ()) -> str | None:
    """A comparison of the documents' stance on an act the story means to do, pointed back at: 「客户想把
    续贷的钱拿一部分去买设备，农商行的办法和2024细则对这事的态度一样吗？」 stands on 「客户想把续贷的钱
    拿一部分去买设备，可以吗？」 — whether each allows it."""
    for sentence in re.split(r"[。；;？?！!]", analyse(question).norm):
        raw = [c.strip() for c in re.split(r"[，,]", sentence)]
        for k, clause in enumerate(raw):
            if k == 0 or not (COMPARING.search(clause) or _ALSO_ASKED.search(clause)):
                continue
            if not _POINTS_BACK.search(clause) and not _names_only(clause, names):
                # (a comparing clause of document names alone — 2024细则和黑龙江农信社的规定能对得上吗 — points
                # back at the story as 对这事 does: it has nothing else to compare)
                continue
            story = [c for c in raw[:k] if c]
            reported = _REPORTED.match(story[0]) if story else None
            if reported and not _ALLOWED_SAID.search("，".join(story)[reported.end():]):
                reported = None   # what is said is a fact (客户说资金紧张), not an act allowed
            if reported:
                # 「2024细则说续贷的钱能拿去买设备，黑龙江农信社那边也允许这么用吗」: what one document is said to
                # allow, asked of another with 也 — the act is the claim without who says it
                story[0] = story[0][reported.end():]
            elif not any(_INTENDS.search(c) for c in story):
                continue
            asked = "，".join(c for c in story if c) + "，可以吗？"
            q = analyse(asked)
            if q.kind == "yesno" and q.asks_verdict and q.topic:
                return asked
    return None


def answered_rows(rows: list[Row], answer, q: Question, known: Weights, readings) -> list[Row]:
    """Rows whose document the yes/no answer decides: its verdict, its reason and its deciding sentence
    (the reading quoted, with its limits); the other rows as they were. Citations are numbered afresh."""
    cites = {c.id: c for c in answer.citations}
    out = []
    for row in rows:
        finding = next((f for f in answer.findings if f.doc_id == row.doc_id and f.verdict and f.citation_ids
                        and f.citation_ids[0] in cites), None)
        if finding is not None:
            cit = cites[finding.citation_ids[0]]
            r = next((r for r in readings(cit.clause_id) if r.text == cit.quote), None)
            held, narrowed, held_kinds = _terms_held(q, known, r) if r is not None else ((), (), ())
            lims = _row_limits(q, r) if r is not None else []
            row = replace(row, status="规定", verdict=finding.verdict, citation=cit,
                          kind=KIND_LABEL.get(r.kind, "") if r is not None else row.kind,
                          why=finding.summary.split("：「", 1)[0], values=[lim.describe() for lim in lims],
                          categories=_mechanisms(q.norm, r.text) if r is not None else [], limits=lims,
                          excluded=(), held=held, narrowed=narrowed, held_kinds=held_kinds,
                          partial=finding.partial)
        out.append(row)
    return [replace(r, citation=replace(r.citation, id=f"c{k}")) if r.citation else r for k, r in enumerate(out, 1)]


def _row_limits(q: Question, r: Reading) -> list[Limit]:
    """A row's limits: those in the units the topic asks for, or — when it asks for none — every bound
    (a bare number, 「二次顺位」, is no limit)."""
    wanted = _wanted_units(q)
    return [lim for lim in r.limits if lim.unit in wanted] if wanted else [lim for lim in r.limits if lim.op != "="]


def prepare_topic(q: Question, weights: Weights, names: list[str], known_word) -> tuple[Question, Weights, Weights]:
    """The words that say what a comparison is about: not the words that name a document
    (农商行, 办法), and — for choosing sentences — only words some document uses."""
    # …nor the words that say the documents' rules are compared (做法, 口径, 说法): they name the rules, not
    # what the rules are about
    weights = [(c, w) for c, w in weights if not any(m in n for m in c.members for n in names)
               and not all(m in _KIND_WORDS or m in RULES_COMPARED for m in c.members)
               and not contrasted_kind(q, c)]
    known = [(c, w) for c, w in weights if any(known_word(m) for m in c.members)]
    if not any(c in q.topic for c, _w in known if not any(m in RENEWAL for m in c.members)):
        # the asking clause is only 「各家怎么把握」: the topic is the rest of the question
        q = replace(q, topic=q.concepts, focus=q.concepts)
    return q, weights, known


def contrasted_kind(q: Question, c: Concept) -> bool:
    """A narrower kind the question denies of what it asks about (民间借款（不是高利贷）: 民间高利借贷 is
    民间借贷 with a modifier inserted): it says which kind is not meant, so it is no word a document's
    sentence on the topic must hold — the sentence on the whole kind (无民间借贷) is as much about it."""
    if not q.concept_negated(c):
        return False
    return any(narrowed_form(m, w) is not None for m in c.members
               for other in q.concepts if other is not c and not q.concept_negated(other) for w in other.members)


def held_somewhere(q: Question, known: Weights, candidates: list[Reading]) -> Weights:
    """The topic's words that some compared document's candidate sentence holds (or holds as a narrower
    kind). A word none holds (容忍度, 口径 in 「民间借贷方面的尺度哪家更严」) tells no sentence from another: left
    in, it only lowers every sentence's share of the topic below ABOUT. When no topic word is held, the
    topic stays as it is, and every row is 未规定."""
    held = _held_topic(q, known, candidates)
    idle = [c for c, _w in known if c in (q.topic or q.focus) and c not in held]
    if not held or not idle:
        return known
    return [(c, w) for c, w in known if c not in idle]


def asking_clause_idle(q: Question, known: Weights, candidates: list[Reading]) -> bool:
    """The topic is only the asking clause, and none of its words is in a candidate sentence."""
    return q.topic != q.concepts and not _held_topic(q, known, candidates)


def _held_topic(q: Question, known: Weights, candidates: list[Reading]) -> list:
    """The topic's specific words (not 续贷 itself) that some candidate sentence holds, as they are or
    as a narrower kind."""
    forms = [match_form(r.text) for r in candidates]
    return [c for c, _w in known if c in (q.topic or q.focus) and not any(m in RENEWAL for m in c.members)
            and any(c.match(f) == 1.0 or any(narrowed_form(f, m) for m in c.members) for f in forms)]


def topic_search(searcher, q: Question, known: Weights, question: str, per_doc_k: int) -> dict[str, list[Hit]]:
    """Per-document retrieval on the topic's own words (a document's name is in every one of its
    clauses and ranks nothing), with the wording of a mechanism asked about, and more candidates
    per document than an answer needs: the row is chosen by its reading."""
    query = " ".join(c.members[0] for c, _w in known if c in q.topic) or topic_query(q, question)
    for asked, cats in MECHANISMS:
        # (only a mechanism asked in words: an alternative offers ways of anything, and every mechanism's
        # wording would crowd the topic's own words out of the query)
        if asked.search(q.norm) or _way_of_renewal_stated(cats, q.norm):
            query += " " + " ".join(cats)
    # a value of a classification (中型企业) is spoken of in its siblings' words (小微企业, 中小企业), as an
    # answer searches for them
    query += "".join(" " + w for w in sibling_words(q, searcher.index.known_word))
    if _asks_exclusions(q, known):
        query += " " + EXCLUDING_WORDS
    if asks_a_use(q) and "用途" not in q.norm:
        # asking to put the lent money to a use: each document's rule on uses is the row (as for yes/no)
        query += " 用途"
    return searcher.search_per_doc(query, 2 * per_doc_k)


# how a document words what it excludes: searched for when the comparison is about exclusions
EXCLUDING_WORDS = "不适用 不包括 不含 不属于 不得办理 范围"


def _topic(q: Question, weights: Weights) -> Weights:
    return [(c, w) for c, w in weights if c in (q.topic or q.focus)
            and not any(m in RENEWAL for m in c.members)] or weights


def _about(q: Question, weights: Weights, r: Reading, carried: frozenset[str] = frozenset()) -> float:
    """Share of the topic's specific words (not 续贷 itself) the sentence holds in full — or as a
    narrower kind, a modifier inserted between a compound's parts (民间高利借贷 holds 民间借贷), or
    through the sentence it continues (期间…: `carried`)."""
    topic = _topic(q, weights)
    total = sum(w for _c, w in topic) or 1.0
    form = match_form(r.text)
    return sum(w for c, w in topic if c.match(r.text) == 1.0 or c.members[0] in carried
               or any(_narrowed_denied(r, form, m) for m in c.members)) / total


def _denied(r: Reading, form: str, word: str) -> bool:
    """Whether the sentence denies the word (无|民间借贷, 不得办理…民间借贷, or an item under an exclusion
    lead-in: 下列客户不予受理：(二)有民间借贷的) — the reading's polarity where the word stands."""
    k = form.find(word)
    return k >= 0 and polarity_at(r, r.start + k) < 0


def _narrowed_denied(r: Reading, form: str, term: str) -> str | None:
    """A narrower kind of the term that the sentence denies (无参与|民间高利借贷): only there does the
    kind say how far a restriction reaches; a kind merely mentioned (原流动资金周转贷款为正常类)
    restricts nothing."""
    found = narrowed_form(form, term)
    return found if found and _denied(r, form, found) else None


# what closes the kind a word opens (民间|高利借贷(包括…), 民间借贷,): punctuation, a conjunction, 的
_KIND_END = re.compile(r"[、，,。；;：:()（）和及与或等的]")


def _kind_phrase(form: str, word: str) -> str:
    """The kind phrase a denied word opens: 民间 in 「无参与民间高利借贷(包括…)」 → 民间高利借贷."""
    k = form.find(word)
    end = _KIND_END.search(form, k + len(word))
    return form[k:end.start() if end else len(form)]


def _terms_held(q: Question, weights: Weights, r: Reading) -> tuple[tuple[str, ...], tuple[tuple[str, str], ...],
                                                                    tuple[tuple[str, str], ...]]:
    """The topic's words a sentence denies as they are, and those it denies only as a narrower kind:
    what a restriction reaches; and each held word with the kind phrase it opens there."""
    form = match_form(r.text)
    held, narrowed, kinds = [], [], []
    # (the story's words too: 「企业主借过民间借贷，两家是全部不许还是只管高利贷」 compares how far each
    # restriction on the story's 民间借贷 reaches, whatever the asking clause names)
    for c, _w in [(c, w) for c, w in weights if not any(m in RENEWAL for m in c.members)]:
        if c.match(r.text) == 1.0:
            denied = next((m for m in c.members if _denied(r, form, m)), None)
            if denied is not None:
                held.append(c.members[0])
                kinds.append((c.members[0], _kind_phrase(form, denied)))
            continue
        found = next((n for n in (_narrowed_denied(r, form, m) for m in c.members) if n), None)
        if found:
            narrowed.append((c.members[0], found))
    return tuple(held), tuple(narrowed), tuple(kinds)


# a sentence that allows or requires an act: 可以…, 应当…
_AFFIRMING = frozenset({"permission", "obligation"})
# a sentence that forbids or excludes one
_DENYING = frozenset({KIND_LABEL["prohibition"], KIND_LABEL["exclusion"]})


def _affirmed(q: Question, weights: Weights, r: Reading) -> tuple[str, ...]:
    """The topic's words a sentence allowing or requiring an act affirms where they stand (续贷审批流程应当|简化):
    against a sentence denying the same word (不得|简化操作程序) the two say the opposite."""
    if r.kind not in _AFFIRMING:
        return ()
    form = match_form(r.text)
    return tuple(c.members[0] for c, _w in _topic(q, weights) if c.match(r.text) == 1.0
                 and all(polarity_at(r, r.start + k) > 0 for m in c.members if (k := form.find(m)) >= 0))


def whole_excluded(stated: list[Row]) -> list[Row]:
    """Against a document excluding only some kinds, one excluding the word asked itself says no without a
    verdict of its own (不含信用贷款、质押贷款 against 不包括…应收账款质押、存单质押)."""
    return [r for r in stated if r.verdict is None and r.kind in _DENYING and r.held]


def opposite_acts(stated: list[Row]) -> tuple[list[Row], list[Row]]:
    """Rows without a verdict of their own that say the opposite of one act: one allows or requires a word of
    the topic, another forbids or excludes it (2024细则「审批流程应当简化」 against 操作指引「不得简化操作程序」)."""
    denied = {t for r in stated if r.verdict is None and r.kind in _DENYING for t in r.held}
    affirmed = {t for r in stated if r.verdict is None for t in r.affirmed}
    both = denied & affirmed
    yes = [r for r in stated if r.verdict is None and set(r.affirmed) & both]
    no = [r for r in stated if r.verdict is None and r.kind in _DENYING and set(r.held) & both]
    if {r.doc_id for r in yes} & {r.doc_id for r in no}:
        return [], []
    return yes, no


# an alternative question (「A还是B？」) asks which way a thing is done, whatever the dimension
_ALTERNATIVE = re.compile(r"还是")
# (a modal of leave: 还是必须…, 还是要… offer another way, as any alternative does)
_MODAL_ALTERNATIVE = re.compile(r"还是(?:说)?(?:可以|能|允许)")


def _mechanism_asked(asked: re.Pattern, question: str) -> bool:
    """Asked in words (什么时候, 如何确定), or by an alternative question (A还是B), which asks
    which way a thing is done."""
    return bool(asked.search(question) or _ALTERNATIVE.search(question))


# the doing of renewal right after a way of it (到期前|签新合同, 第二顺位抵押|办)
_DOING = r"[^，,。；;？?]{0,4}?(办|签|放|申请|提出|续|做)"


def _way_of_renewal_stated(cats: dict[str, re.Pattern], question: str) -> bool:
    """A clause of the question states one of a mechanism's ways of renewal itself (续贷定在到期前办),
    not of another act (银行在到期前要主动联系登记机构)."""
    clauses = [c for c in re.split(r"[，,。；;？?！!]", question) if any(w in c for w in RENEWAL)]
    # (the way followed by the doing of it — 到期前|签新合同 — not a state of the story: 到期后逾期的企业)
    return any(re.search(rx.pattern + _DOING, c) for rx in cats.values() for c in clauses)


def _asked_in_words(name: str, question: str) -> bool:
    """Whether the question asks a mechanism's own question (什么时候, 谁来定), or states one of its
    ways of renewal — not only by offering alternatives, which may be of anything (简化，还是全流程走)."""
    return any(name in cats and (asked.search(question) or _way_of_renewal_stated(cats, question))
               for asked, cats in MECHANISMS)


# who settles a thing (协商确定, 由银行确定): a way of deciding, said of whatever the sentence decides
_DECIDERS = frozenset(MECHANISMS[1][1])


def _decides_topic(q: Question, known: Weights, text: str) -> bool:
    """Whether a sentence saying who decides is about the topic: it holds one of the topic's own words (利率 for
    「利率由谁来定」), not only the words of deciding — 「协商确定续贷的还款方式和期限」 says nothing of the rate. A
    topic with no word of its own beyond the deciding asks of any."""
    own = [c for c, _w in known if c in (q.topic or q.focus) and not any(m in RENEWAL for m in c.members)
           and not any(_mechanism_word(m) for m in c.members)]
    return not own or any(c.match(text) == 1.0 for c in own)


def _mechanism_word(word: str) -> bool:
    """A word that asks or states a way of doing (商量 → 协商, 定, 到期前)."""
    return any(asked.search(word) or any(rx.search(word) for rx in cats.values()) for asked, cats in MECHANISMS)


def _mechanisms(question: str, text: str) -> list[str]:
    out = []
    for asked, cats in MECHANISMS:
        if not (_mechanism_asked(asked, question) or _way_of_renewal_stated(cats, question)):
            continue
        # the last mention decides: 「到期后仍有需求…在到期前办理」 is about 到期前
        last = max(((m.start(), name) for name, rx in cats.items() for m in rx.finditer(text)), default=None)
        if last:
            out.append(last[1])
    return out


def doc_rows(q: Question, weights: Weights, per_doc: dict[str, list[Hit]], docs: dict[str, tuple[str, str]],
             readings, unit, known: Weights | None = None) -> list[Row]:
    """Every document in `docs` as a row: its deciding sentence on the topic, or 未规定. Pure.
    A verdict weighs all the question's words (a word no document uses keeps a sentence from
    deciding); whether a sentence is about the topic weighs only the words documents use."""
    known = weights if known is None else known
    rows = []
    # an amount asked against the original loan (可否高于原先那笔) is answered by a rule relating the two, not
    # by a figure of its own (单笔…200万元以上)
    relative = relative_to_original(q.norm)
    whether = asks_whether(q)
    for doc_id, (title, level) in docs.items():
        best: tuple[float, Reading, Stance | None] | None = None
        seen: set[tuple[str, int]] = set()
        for h in per_doc.get(doc_id, []):
            for r, before in with_previous(readings(h.clause_id)):
                if (r.clause_id, r.start) in seen:
                    continue
                seen.add((r.clause_id, r.start))
                carried = carried_words(q, r, before)
                about = _about(q, known, r, carried)
                st = (stance(q, r, weights, RENEWAL, carried=carried) if q.asks_verdict or q.numbers or whether
                      else None)
                if relative and not q.numbers and r.limits and not _OF_ORIGINAL.search(r.text):
                    st = None   # a figure of its own (额度≤1500万元) says nothing of exceeding the original loan
                # a way asked only by alternatives is the topic's only in a sentence on the topic; a way of deciding only
                # in one holding the topic's own word
                mech = [m for m in _mechanisms(q.norm, r.text)
                        if (_decides_topic(q, known, r.text) if m in _DECIDERS
                            else _asked_in_words(m, q.norm) or about >= ABOUT)]
                wanted = _wanted_units(q)
                # a limit in the unit asked, on the measure asked — held whole or by its head (额度 of 续贷额度)
                # — or by a limit whose own measure is of the kind asked (金额 asked: 单笔贷款额度≥200万元)
                measured = bool(wanted and any(lim.unit in wanted for lim in r.limits)
                                and (about > 0 or any(c.match(r.text) > 0 for c, _w in _topic(q, known))
                                     or measures_asked(q, r.limits))
                                and not relative)
                # 「…在不适用的贷款种类上有什么区别」: the topic is what each document excludes
                excluding = _asks_exclusions(q, known) and (r.kind == "exclusion" or r.lead == "exclusion")
                measured = measured or excluding
                if about < ABOUT and st is None and not mech and not measured:
                    continue
                # a mechanism asked about is what decides the row; then a verdict, a limit
                score = about + (0.5 if st else 0) + (1.0 if mech else 0.3 if measured else 0) \
                    - (0.4 if r.kind == "definition" and not mech else 0)
                if excluding:
                    # the fullest statement of what the document excludes
                    score += 0.1 * min(len(_excluded(r)), 8)
                if best is None or score > best[0]:
                    best = (score, r, st)
        if best is None:
            rows.append(Row(doc_id, title, level, "未规定"))
            continue
        _score, r, st = best
        u = unit(r.clause_id)
        s, e = r.start, r.end
        cit = Citation.of(len(rows) + 1, u, s, e, _score)
        lims = _row_limits(q, r)
        held, narrowed, held_kinds = _terms_held(q, known, r)
        rows.append(Row(doc_id, title, level, "规定", st.verdict if st else None, [lim.describe() for lim in lims],
                        _mechanisms(q.norm, r.text), cit, KIND_LABEL.get(r.kind, ""), st.why if st else "",
                        bool(st and st.partial), lims,
                        _excluded(r) if _asks_exclusions(q, known) and r.kind == "exclusion" else (),
                        held, narrowed, held_kinds, _affirmed(q, known, r)))
    rows.sort(key=lambda r: (r.status != "规定", LEVEL_ORDER.get(r.level, len(LEVEL_ORDER)), r.doc_id))
    return rows


# 「原贷款为正常类,并且…他行融资也为正常类」: the additive 也 extends a requirement stated of one subject to
# another; the predicate it extends is the copula's complement up to the end of the clause
_ALSO = r"(?P<rest>[^，,；;。]{0,12}?)(?:也|亦|同样)(?:应|须|需|要|必须)?(?:为|是|属于)(?P<pred>[^，,；;。、]{1,8}?)(?=[，,；;。]|$)"


def also_required(text: str, term: str) -> tuple[str, str] | None:
    """(the subject, the predicate) a sentence extends a requirement to with 也 (他行融资五级分类 → 正常类),
    the subject starting at the term; or None."""
    ext = _extension(text, [term])
    return ext[1:] if ext else None


def _extension(text: str, terms: list[str]) -> tuple[str, str, str] | None:
    """(the entity, the subject, the predicate) of a 也-extension in the sentence: the entity is the topic
    word that opens the subject (他行 of 他行融资五级分类, not 分类 after it)."""
    found = [(m.start(), -len(t), t, t + m.group("rest"), m.group("pred"))
             for t in terms for m in [re.search(re.escape(t) + _ALSO, text)] if m]
    return min(found)[2:] if found else None


def _base_asked(text: str, terms: list[str], pred: str) -> bool:
    """The word found opening the extension also stands before the predicate stated without 也 (五级分类 in
    「原贷款五级分类为正常类,他行融资五级分类也为正常类」): it is the base subject's as much as the extension's,
    and names no subject the extension adds."""
    return any(re.search(re.escape(t) + r"[^，,；;。]{0,12}?(?<![也亦样])(?:为|是|属于)" + re.escape(pred), text) for t in terms)


def extended_requirements(q: Question, known: Weights, rows: list[Row], idx) -> tuple[list[Row], list[Conflict]]:
    """One document extends a requirement to the topic's subject (他行融资也为正常类); another states the
    same requirement of its base subject only (原流动资金周转贷款为正常类) and names the subject's entity
    nowhere: the first is stricter. The second's row becomes that sentence, on the same predicate."""
    terms = list(dict.fromkeys(m for c, _w in _topic(q, known) for m in c.members))
    rows, conflicts = list(rows), []
    sentences = idx.sentences
    extended = [(a, ext) for a in rows if a.status == "规定" and a.kind in RESTRICTING
                for ext in [_extension(a.citation.quote, terms)] if ext
                and not _base_asked(a.citation.quote, [ext[0]], ext[2])]
    for entity in dict.fromkeys(ext[0] for _a, ext in extended):
        stricter = [(a, ext) for a, ext in extended if ext[0] == entity]
        _e, subject, pred = stricter[0][1]
        looser = []
        for i, b in enumerate(rows):
            if any(b.doc_id == a.doc_id for a, _x in extended) or any(entity in r.text for _u, r in sentences(b.doc_id)):
                continue
            found = next(((u, r) for u, r in sentences(b.doc_id)
                          if (r.kind == "requirement" or r.lead == "requirement") and "为" + pred in r.text), None)
            if found:
                u, r = found
                rows[i] = Row(b.doc_id, b.doc_title, b.level, "规定", None, [], [], Citation.of(i + 1, u, r.start, r.end),
                              KIND_LABEL["requirement"], f"只要求原有对象为{pred}，未及{subject}")
                looser.append(rows[i])
        if looser:
            sides = [_side(a, f"（另要求{s}也为{p}，更严）") for a, (_e, s, p) in stricter] + \
                [_side(b, f"（未要求{subject}，更宽）") for b in looser]
            regs = "、".join(sorted({f"《{s.doc_title}》" for s in sides if s.level == "regulator"})) or None
            conflicts.append(Conflict("宽严不同", [s.doc_id for s in sides], _describe(sides), regs, sides))
    return rows, conflicts


_RELATIVE = re.compile(rf"(?:{_COMPARISON_VERBS}|比|不到|不足)(?:原贷款|原来|原先|原有|原|拟归还)")


# a sentence relating an amount to the original loan (不得超过原贷款额度, 不超过拟归还贷款金额)
_OF_ORIGINAL = re.compile(r"原贷款|原借款|原有贷款|拟归还")


def relative_to_original(norm: str) -> bool:
    return bool(_RELATIVE.search(norm))


def _excluded(r: Reading) -> tuple[str, ...]:
    """The things a sentence excludes: its listed members inside a negation's scope (an item under an
    exclusion lead-in is one thing)."""
    if r.lead == "exclusion":
        return (ITEM_MARK.sub("", r.text).strip("；;。， "),)
    out = []
    for a, b in r.negated:
        listed, _open = list_members(r.text, a - r.start, b - r.start)
        out += [re.sub(r"^(不包括|不含|不适用于?|不属于|不得办理|以及|及|和|等)+|(等|以及|及)+$", "", m).strip("，,、。；; ")
                for m in listed]
    return tuple(dict.fromkeys(m for m in out if len(m) >= 2))


_EXCLUSION_FRAME = re.compile(r"(排除|剔除|不包括|不属于|不纳入)在?[^，,。；;？?]{0,10}?(之外|以外|范围|之列)")


def _asks_exclusions(q: Question, known: Weights) -> bool:
    """A comparison of what the documents exclude, with no other topic a document's words name."""
    asks = FACETS["exclusion"][0]
    # 「排除在适用对象之外」: the scope an exclusion is from, and 之外 itself, are the frame of the question
    frame = [(m.start(), m.end()) for m in _EXCLUSION_FRAME.finditer(q.norm)]
    topic = [c for c, _w in known if c in (q.topic or q.focus)
             and not any(m in RENEWAL or asks.search(m) for m in c.members)
             and not only_within(q.norm, c.members, frame)]
    return "exclusion" in q.facets and not q.asks_verdict and not topic


def asks_whether(q: Question) -> bool:
    """A comparison that asks for no quantity, no mechanism and no list of things (谁卡得紧, 口径一样吗)
    asks whether each document allows the thing: each row then carries its verdict, though no yes/no
    grammar is in the question. One asking how long, by which way or for which materials is answered by
    limits, mechanisms and lists; a verdict there (规定了时限) would oppose documents that agree."""
    if _wanted_units(q) or "materials" in q.facets or any(asked.search(q.norm) for asked, _c in MECHANISMS):
        return False
    # an alternative asks which way a thing is done (先注销还是二押) — unless a member of it asks leave with a
    # modal (…，还是可以把流程简化): whether that is allowed
    return not _ALTERNATIVE.search(q.norm) or bool(_MODAL_ALTERNATIVE.search(q.norm))


def measures_asked(q: Question, limits: list[Limit]) -> bool:
    """A limit in a unit asked whose own measure (单笔贷款额度) is named in the words that ask for that kind of
    value (额度, 金额 ask an amount): it is a limit on what the question asks, whatever other word it asks in."""
    wanted = _wanted_units(q)
    return any(lim.unit in wanted and lim.quantity and FACETS[f][0].search(lim.quantity)
               for lim in limits for f in q.facets if f in UNIT_FACETS)


def _wanted_units(q: Question) -> set[str]:
    return set().union(*(UNIT_FACETS[f] for f in q.facets if f in UNIT_FACETS))


def _side(r: Row, says: str) -> Side:
    return Side(r.doc_id, r.doc_title, r.level, r.citation.clause, r.citation.quote, says)


def _describe(sides: list[Side]) -> str:
    return "；".join(f"《{s.doc_title}》{s.clause}{s.says}：「{s.quote}」" for s in sides)


# units that convert into each other measure one dimension
_DIMENSION = {"年": "时间", "个月": "时间", "日": "时间", "工作日": "时间", "小时": "时间",
              "万元": "金额", "元": "金额", "亿元": "金额"}
# counts a rule may restrict a thing from (累计3期以上)
_COUNT_UNITS = frozenset({"次", "期"})


def _conflict(kind: str, sides: list[Side]) -> Conflict:
    """A conflict between the sides, naming the regulator's documents among them."""
    regs = sorted({f"《{s.doc_title}》" for s in sides if s.level == "regulator"})
    return Conflict(kind, [s.doc_id for s in sides], _describe(sides), "、".join(regs) or None, sides)


def find_conflicts(rows: list[Row]) -> list[Conflict]:
    stated = [r for r in rows if r.status == "规定"]
    conflicts: list[Conflict] = []

    def add(kind: str, sides: list[Side]) -> None:
        conflicts.append(_conflict(kind, sides))

    # opposite verdicts; against the regulator a bank is stricter (不可以 where it says 可以) or looser
    yes = [r for r in stated if r.verdict == "yes"]
    no = [r for r in stated if r.verdict == "no"]
    if not yes or not no:
        # with no yes/no asked, the readings of one act: allowed or required in one, forbidden in another
        said_yes, said_no = opposite_acts(stated)
        yes, no = (yes + said_yes, no + said_no) if said_yes and said_no else (yes, no)
    partial = [r for r in stated if r.verdict == "depends" and r.partial]
    if partial and not no and not yes:
        no = whole_excluded(stated)
    if no and partial and not yes:
        # one excludes the whole of it, another only some kinds: the first is stricter
        add("宽严不同", [_side(r, "全部排除（更严）") for r in no] + [_side(r, "只排除部分种类（更宽）") for r in partial])
    no = no + partial
    if yes and no:
        reg_yes = [r for r in yes if r.level == "regulator"]
        reg_no = [r for r in no if r.level == "regulator"]
        if reg_yes and not reg_no:
            add("比监管通知更严", [_side(r, "可以") for r in yes] + [_side(r, "不可以") for r in no])
        elif reg_no and not reg_yes:
            # the banks that say 不可以 with the notice are on its side against the looser ones
            add("比监管通知更宽", [_side(r, "不可以") for r in no] + [_side(r, "可以") for r in yes])
        else:
            add("结论相反", [_side(r, "可以") for r in yes] + [_side(r, "不可以") for r in no])
    cond = [r for r in stated if r.verdict == "depends" and not r.partial]
    if cond and (yes or no):
        add("条件不同", [_side(r, "附条件") for r in cond] + [_side(r, VERDICT_WORD[r.verdict] if r.verdict != "depends"
                                                                  else "部分不可以") for r in yes + no])

    # one document restricts the whole of a thing (无民间借贷), another only a narrower kind of it
    # (无参与民间高利借贷): the first is stricter
    restricting = [r for r in stated if r.verdict == "no" or r.kind in RESTRICTING]
    for term in dict.fromkeys(t for r in restricting for t, _n in r.narrowed):
        whole = [r for r in restricting if term in r.held]
        kinds = [(r, n) for r in restricting for t, n in r.narrowed if t == term and r not in whole]
        if whole and kinds:
            add("宽严不同", [_side(r, f"（凡{term}均在限制之内，更严）") for r in whole]
                + [_side(r, f"（只限{n}，更宽）") for r, n in kinds])
    # both deny the word asked, one as a kind the other's phrase holds with a modifier inserted
    # (无民间借贷 / 无参与民间高利借贷): the first restricts more
    for term in dict.fromkeys(t for r in restricting for t, _k in r.held_kinds):
        phrases = [(r, k) for r in restricting for t, k in r.held_kinds if t == term]
        # (a narrower kind is the wider phrase with a modifier inserted, as the topic's own narrowed
        # forms are: 挪用贷款资金, the phrase itself and a noun after it, is none)
        wider = [(r, k) for r, k in phrases
                 if any(narrowed_form(k2, k) == k2 for r2, k2 in phrases if r2.doc_id != r.doc_id)]
        wide_docs = {r.doc_id for r, _k in wider}
        narrow = [(r, k) for r, k in phrases
                  if r.doc_id not in wide_docs and any(narrowed_form(k, k2) == k for _r, k2 in wider)]
        if wider and narrow and not any(c.kind == "宽严不同" for c in conflicts):
            add("宽严不同", [_side(r, f"（凡{k}均在限制之内，更严）") for r, k in wider]
                + [_side(r, f"（只限{k}，更宽）") for r, k in narrow])

    # different limits in one unit and direction
    groups: dict[str, list[tuple[Row, Limit]]] = {}
    for r in stated:
        for lim in r.limits:
            if lim.op != "after":
                groups.setdefault(lim.unit, []).append((r, lim))
    for unit, pairs in groups.items():
        per_doc: dict[str, tuple[Row, Limit]] = {}
        for r, lim in pairs:
            per_doc.setdefault(r.doc_id, (r, lim))
        values = {(lim.op, lim.value) for _r, lim in per_doc.values()}
        if len(per_doc) < 2 or len(values) < 2:
            continue
        direction = next(iter({("max" if lim.op in ("<=", "<") else "min") for _r, lim in per_doc.values()}))
        sides = [_side(r, f"（{lim.describe()}）") for r, lim in per_doc.values()]
        reg = [(r, lim) for r, lim in per_doc.values() if r.level == "regulator"]
        kind = "数值不同"
        if reg:
            # a lower maximum or a higher minimum than the notice's is stricter
            rv = reg[0][1].value
            sign = 1 if direction == "max" else -1
            banks = [sign * (lim.value - rv) for r, lim in per_doc.values() if r.level != "regulator"]
            kind = ("比监管通知更严" if banks and all(d < 0 for d in banks)
                    else "比监管通知更宽" if banks and all(d > 0 for d in banks) else kind)
        add(kind, sides)

    # limits on the topic in measures that do not convert into each other (欠息: 连续2期 against 近2年 — a
    # count of instalments against a look-back window): the documents draw the line in different terms
    measures = {r.doc_id: (r, {_DIMENSION.get(lim.unit, lim.unit) for lim in r.limits if lim.op != "after"})
                for r in stated if r.limits}
    apart = [(a, b) for i, (a, ma) in enumerate(measures.values()) for (b, mb) in list(measures.values())[i + 1:]
             if ma and mb and not ma & mb]
    if apart:
        rows_apart = [r for r in stated if any(r is x for pair in apart for x in pair)]
        add("标准不同", [_side(r, "（" + "、".join(lim.describe() for lim in r.limits) + "）") for r in rows_apart])

    # one document restricts a thing outright (近二年没有欠贷欠息) where another restricts it only from a count
    # on (存在连续2期或累计3期及以上欠息记录的): the first tolerates none of it, the second some
    def counts(r: Row) -> list[Limit]:
        # (a lower bound of two or more: 累计3期以上 restricts from there on; ≥1次 is outright)
        return [lim for lim in r.limits if lim.unit in _COUNT_UNITS and lim.op in (">=", ">", "=") and lim.value >= 2]
    counted = [r for r in stated if r.held and counts(r) and r.kind in RESTRICTING]
    outright = [r for r in stated if r.held and r.kind in RESTRICTING and not counts(r)
                and all(r.doc_id != c.doc_id for c in counted)]
    pairs = [(a, b) for a in outright for b in counted if set(a.held) & set(b.held)]
    if pairs:
        strict = list({id(a): a for a, _b in pairs}.values())
        loose = list({id(b): b for _a, b in pairs}.values())
        add("宽严不同", [_side(r, "（凡有即限制，更严）") for r in strict]
            + [_side(r, "（" + "、".join(lim.describe() for lim in counts(r)) + "才限制，更宽）") for r in loose])

    # what each excludes, when that is the topic: the kinds one document excludes and another does not
    lists = [r for r in stated if r.excluded]
    if len(lists) >= 2:
        sets = {r.doc_id: set(r.excluded) for r in lists}
        only = {r.doc_id: [m for m in r.excluded if not any(m in o or o in m for d, os_ in sets.items()
                                                            if d != r.doc_id for o in os_)] for r in lists}
        if any(only.values()):
            add("排除范围不同", [_side(r, "（另排除" + "、".join(only[r.doc_id][:6]) + "）" if only[r.doc_id] else "")
                              for r in lists])

    # the notice forbids refusing eligible firms renewal (盲目断贷、抽贷、停贷) and caps nothing; a bank's own
    # cap on renewal (续贷次数≤2次, 单笔≥200万元) refuses some of them: stricter than the notice
    refusing = [r for r in stated if r.level == "regulator" and r.kind == KIND_LABEL["prohibition"]
                and r.citation is not None and REFUSALS.search(r.citation.quote) and not r.limits]
    capped = [r for r in stated if r.level != "regulator" and r.limits]
    if refusing and capped and not any(c.kind.startswith("比监管通知") for c in conflicts):
        add("比监管通知更严", [_side(r, "（不得对符合条件的企业断贷）") for r in refusing]
            + [_side(r, "（" + "、".join(lim.describe() for lim in r.limits) + "，更严）") for r in capped])

    # different ways of one mechanism (到期前 against 到期后 — not 到期后 against 资金注入账户, which are ways of
    # different things)
    for _asked, cats in MECHANISMS:
        mechs: dict[str, list[Row]] = {}
        for r in stated:
            for m in r.categories:
                if m in cats:
                    mechs.setdefault(m, []).append(r)
        if len(mechs) > 1:
            add("机制不同", [_side(r, f"（{m}）") for m, rs in mechs.items() for r in rs])
    return conflicts


# officers call the regulator 监管 (比监管更严, 监管要求): the word brings the regulator's notice into a comparison
REGULATOR_WORD = re.compile(r"监管")
# a prohibition whose negated predicate is renewal itself (不得办理续贷业务): some firms are turned away
_DENIES_RENEWAL = re.compile(r"(不得|不予|不能|不再|禁止|严禁)(办理|给予|发放)?("
                             + "|".join(sorted(RENEWAL, key=len, reverse=True)) + ")")


def _regulator_asked(q: Question, named: list[str], docs: dict[str, tuple[str, str]]) -> bool:
    """Whether the comparison is asked against the regulator: a regulator's document named, or 监管 said."""
    return any(docs.get(d, ("", ""))[1] == "regulator" for d in named) or bool(REGULATOR_WORD.search(q.norm))


def _against_refusing(idx, docs: dict[str, tuple[str, str]]) -> list[Side]:
    """The regulator's sentences forbidding to refuse eligible firms renewal (对符合续贷条件的小微企业盲目断贷、
    抽贷、停贷的机构下发监管意见书): its stance on every restriction of renewal, whatever the topic."""
    out = []
    for doc_id, (title, level) in docs.items():
        if level != "regulator":
            continue
        for u, r in idx.sentences(doc_id):
            if r.kind == "prohibition" and REFUSALS.search(r.text):
                quote = u.text[r.start:r.end]
                out.append(Side(doc_id, title, level, u.ref, quote, "（未就此作具体规定；总的要求是不得对符合续贷条件的企业断贷，更宽）"))
                break
    return out


def turns_firms_away(r: Row) -> bool:
    """A row that refuses renewal to some firms: a cap or floor on a count or an amount (续贷次数≤2次,
    单笔≥200万元), a requirement or an exclusion, 不可以, or a prohibition of renewal itself. (A deadline
    limits when, not who; 不得用于其他用途 limits a use.)"""
    if r.status != "规定":
        return False
    return (any(lim.unit not in TIME_UNITS for lim in r.limits) or r.kind in ("要求", "排除") or r.verdict == "no"
            or r.kind == "禁止" and r.citation is not None and bool(_DENIES_RENEWAL.search(r.citation.quote)))


def stricter_than_the_notice(rows: list[Row], against: list[Side], named: list[str] = ()) -> list[Conflict]:
    """Asked against the regulator, a bank's rule turning eligible firms away from renewal (a cap, a floor, a
    requirement, an exclusion) is stricter than the notice, which forbids refusing them and sets no such rule
    — unless the notice restricts the same topic itself. Where the question names documents, only a bank it
    names is compared (a question naming only the notice and its annex compares the regulator's own two texts)."""
    regs = {s.doc_id for s in against}
    own = [r for r in rows if r.doc_id in regs and r.status == "规定"]
    if not against or any(r.kind in RESTRICTING or r.verdict == "no" for r in own if not REFUSALS.search(r.citation.quote)):
        return []
    banks = [r for r in rows if r.level != "regulator" and turns_firms_away(r) and (not named or r.doc_id in named)]
    if not banks:
        return []
    sides = against + [_side(r, "（" + ("、".join(lim.describe() for lim in r.limits) or r.kind) + "，更严）") for r in banks]
    return [_conflict("比监管通知更严", sides)]


def defined_against_excluded(q: Question, rows: list[Row]) -> list[Conflict]:
    """One document defines its business as taking in the case asked — its definition denies what the story
    denies (续贷就是指…到期后不能按时收回… for a loan the story says was not repaid on time) — while another says 不可以 to it: they disagree.
    (A definition decides no yes/no answer; between documents it shows what each means the business for.)"""
    denied = {c.members[0] for c in q.concepts if q.concept_negated(c)}
    defining = [r for r in rows if r.status == "规定" and r.kind == KIND_LABEL["definition"] and r.verdict is None
                and denied & set(r.held)]
    refusing = [r for r in rows if r.status == "规定" and r.verdict == "no"]
    if not defining or not refusing:
        return []
    sides = [_side(r, "（按其定义，" + "、".join(sorted(denied & set(r.held))) + "未做到的也在其内）") for r in defining] + \
        [_side(r, "不可以") for r in refusing]
    return [_conflict("定义与排除相反", sides)]


def agreement(rows: list[Row], conflicts: list[Conflict]) -> str:
    """Said, not left blank: the documents that state the topic and do not conflict."""
    stated = [r for r in rows if r.status == "规定"]
    if conflicts or len(stated) < 2:
        return ""
    names = "、".join(f"《{r.doc_title}》" for r in stated)
    says = {r.cell for r in stated}
    if len(says) == 1:
        return f"一致：{len(stated)} 份文件均为「{says.pop()}」（{names}）"
    return f"一致：{len(stated)} 份文件有规定，未发现相互冲突（{names}）"


# --- the report ---------------------------------------------------------------------------------

COMPARISON_HEADERS = ["主题", "文件", "层级", "是否规定", "规定", "条款", "原文", "差异"]


def level_name(level: str) -> str:
    return LEVELS.get(level, level)


def comparison_table(comparisons: list[Comparison]) -> list[list[str]]:
    """The report as rows under COMPARISON_HEADERS (CSV and xlsx)."""
    out = []
    for comp in comparisons:
        for r in comp.rows:
            kinds = "；".join(c.kind for c in comp.conflicts if r.doc_id in c.doc_ids)
            if not kinds and comp.agreement and r.status == "规定":
                kinds = "一致"
            out.append([comp.topic, r.doc_title, level_name(r.level), r.status, r.cell if r.status == "规定" else "",
                        r.citation.clause if r.citation else "", r.citation.quote if r.citation else "", kinds])
    return out


def read_topics(path: Path) -> list[tuple[str, str]]:
    """A user's topic file: one question a line (blank lines and # comments skipped)."""
    try:
        text = Path(path).read_text("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ValueError(f"{path}：无法读取主题文件（{exc}）；应为 UTF-8 文本，每行一个问题") from None
    topics = [(line.strip(), line.strip()) for line in text.splitlines() if line.strip() and not line.startswith("#")]
    if not topics:
        raise ValueError(f"{path}：主题文件是空的；每行写一个问题，例如「各行对续贷次数的规定是否一致？」")
    return topics


def run_topics(assistant, topics: list[tuple[str, str]], progress=None) -> list[Comparison]:
    out = []
    for i, (topic, question) in enumerate(topics):
        out.append(compare(assistant, question, topic))
        if progress:
            progress(i + 1, len(topics), topic)
    return out


def report(assistant, fmt: str = "md", progress=None, topics: list[tuple[str, str]] | None = None,
           doc_id: str | None = None) -> str | bytes:
    """The topic × document matrix with citations and flagged conflicts (md, csv or xlsx);
    with `doc_id`, the view of one document: where it differs from the notice and the others."""
    comparisons = run_topics(assistant, topics or TOPICS, progress)
    if doc_id:
        return document_view(comparisons, doc_id, fmt)
    if fmt in ("csv", "xlsx"):
        from .feedback import write_table
        return write_table(COMPARISON_HEADERS, comparison_table(comparisons), fmt, sheet="一致性检查")
    return to_markdown(comparisons)


DOC_VIEW_HEADERS = ["主题", "本文件规定", "本文件条款", "本文件原文", "差异", "另一方", "另一方规定", "另一方原文"]


def document_view(comparisons: list[Comparison], doc_id: str, fmt: str = "md") -> str | bytes:
    rows = []
    title = doc_id
    for comp in comparisons:
        mine = next((r for r in comp.rows if r.doc_id == doc_id), None)
        if mine is None:
            continue
        title = mine.doc_title
        for c in comp.conflicts:
            if doc_id not in c.doc_ids:
                continue
            for s in c.sides:
                if s.doc_id == doc_id:
                    continue
                rows.append([comp.topic, mine.cell, mine.citation.clause if mine.citation else "",
                             mine.citation.quote if mine.citation else "", c.kind,
                             f"《{s.doc_title}》（{level_name(s.level)}）{s.clause}", s.says.strip("（）"), s.quote])
    if fmt in ("csv", "xlsx"):
        from .feedback import write_table
        return write_table(DOC_VIEW_HEADERS, rows, fmt, sheet="文件差异")
    lines = [f"# 《{title}》与监管通知及其他文件的差异", ""]
    if not rows:
        lines.append("在所查主题上未发现差异。")
    for topic, cell, clause, quote, kind, other, says, oquote in rows:
        lines.append(f"- **{topic}** · {kind}：本文件{clause}「{quote}」（{cell}）；{other}「{oquote}」（{says}）")
    return "\n".join(lines) + "\n"


def to_markdown(comparisons: list[Comparison]) -> str:
    docs = [(r.doc_id, r.doc_title, r.level) for r in sorted(comparisons[0].rows, key=lambda r: r.doc_id)] if comparisons else []
    lines = ["# 续贷政策一致性检查报告", "",
             "每格为该文件对该主题的规定（结论、数值或机制），[条款] 为出处；「未规定」表示该文件没有相关条款。", "",
             "| 主题 | " + " | ".join(f"{t}（{level_name(lv)}）" for _, t, lv in docs) + " |",
             "|---|" + "---|" * len(docs)]
    for comp in comparisons:
        by_doc = {r.doc_id: r for r in comp.rows}
        cells = []
        for d, _, _ in docs:
            r = by_doc.get(d)
            cell = r.cell if r else "未规定"
            if r and r.citation:
                cell += f" [{r.citation.clause}]"
            cells.append(cell.replace("|", "｜"))
        flag = " ⚠" if comp.conflicts else " ✓" if comp.agreement else ""
        lines.append(f"| {comp.topic}{flag} | " + " | ".join(cells) + " |")
    lines += ["", "## 标出的差异", ""]
    any_conflict = False
    for comp in comparisons:
        for c in comp.conflicts:
            any_conflict = True
            reg = f"（监管通知一方：{c.regulator}）" if c.regulator else ""
            lines.append(f"- **{comp.topic}** · {c.kind}：{c.description}{reg}")
    if not any_conflict:
        lines.append("- 未发现差异。")
    agreed = [comp for comp in comparisons if comp.agreement]
    if agreed:
        lines += ["", "## 一致的主题", ""] + [f"- **{comp.topic}** · {comp.agreement}" for comp in agreed]
    lines += ["", "## 引用原文", ""]
    for comp in comparisons:
        quoted = [r for r in comp.rows if r.citation]
        if not quoted:
            continue
        lines.append(f"### {comp.topic}")
        for r in quoted:
            lines.append(f"- 《{r.doc_title}》{r.citation.clause}：「{r.citation.quote}」")
        lines.append("")
    return "\n".join(lines) + "\n"


def to_csv(comparisons: list[Comparison]) -> str:
    """CSV with Chinese headers (text; `report(fmt="csv")` gives the bytes with a BOM for Excel)."""
    import csv
    import io

    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(COMPARISON_HEADERS)
    w.writerows(comparison_table(comparisons))
    return buf.getvalue()


__all__ = ["TOPICS", "Comparison", "Conflict", "Row", "Side", "compare", "doc_rows", "find_conflicts", "report",
           "read_topics", "document_view", "to_markdown", "to_csv", "comparison_table", "COMPARISON_HEADERS",
           "best_stance"]
