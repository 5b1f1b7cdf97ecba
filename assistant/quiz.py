"""Training quizzes generated from the clauses (never written by hand): blanks for numbers,
limits and key terms, true/false from a clause or its faithful negation, "which of these may
/ may not renew" from inclusion and exclusion lists, and "which document says this".
Every question carries its answer key and the verbatim sentence it comes from."""

from __future__ import annotations

import hashlib
import random
import re
from dataclasses import asdict, dataclass, field
from pathlib import Path

from ingest.records import Unit

from ingest.readings import Reading, read_units

from .values import quantities

DATA = Path(__file__).resolve().parent.parent / "ingest" / "data"
BLANK = "【　　】"  # the corpus itself has ____ (a blanked-out bank name)
KINDS = ("blank", "truefalse", "choice", "which_doc")
# a part of a sentence this long found word for word in another document states the same rule there
RULE_PART = 6
# a stretch this long shared with another document is a shared rule, unless most documents have it
RUN = 8
# Too general to be worth a blank.
_COMMON_TERMS = {"续贷", "续贷业务", "小微企业", "中小企业", "续贷贷款", "续贷申请", "续贷资金", "工作日", "逾期", "欠息"}
_NEGATE = [("不得", "可以"), ("不包括", "包括"), ("不含", "含"), ("不适用", "适用"), ("不属于", "属于"),
           ("严禁", "可以"), ("不应", "应"), ("必须", "不必"), ("应当", "不应"), ("可以", "不得")]
_LIST_IN = re.compile(r"(?:适用的对象为|只限于|仅适用于)([^,，;；。]+)")
_LIST_OUT = re.compile(r"(?:不包括|不含)([^;；。]+)")
_ITEM_SPLIT = re.compile(r"、|以及|和|与|及|,|，")


@dataclass(frozen=True)
class QuizQuestion:
    id: str
    kind: str
    prompt: str
    options: list[str]
    answer: str
    doc_id: str
    doc_title: str
    clause_id: str
    clause: str
    quote: str                      # the source sentence, verbatim
    explanation: str
    accept: list[str] = field(default_factory=list)   # other spellings of the right answer

    def grade(self, reply: str) -> bool:
        r = _norm(reply)
        if not r:
            return False
        if r == _norm(self.answer) or r in {_norm(a) for a in self.accept}:
            return True
        if self.options and r.isdigit() and 1 <= int(r) <= len(self.options) and not _norm(self.answer).isdigit():
            return self.options[int(r) - 1] == self.answer
        if self.kind == "truefalse":
            return r in {"对", "正确", "是", "t", "true", "y"} if self.answer == "对" else r in {"错", "错误", "否", "f", "false", "n"}
        return False

    def to_json(self) -> dict:
        return asdict(self)


def _norm(text: str) -> str:
    import unicodedata

    return re.sub(r"[\s。，,．.、]", "", unicodedata.normalize("NFKC", str(text))).lower()


def _terms() -> dict[str, str]:
    """Domain terms with their family (the dictionary's tag: nl loan types, np pledge types…)."""
    words = {}
    for line in (DATA / "userdict.txt").read_text("utf-8").splitlines():
        parts = line.split()
        if len(parts) >= 3 and len(parts[0]) >= 2 and parts[0] not in _COMMON_TERMS:
            words[parts[0]] = parts[2]
    return words


def _qid(*parts: str) -> str:
    return hashlib.sha1("\x1f".join(parts).encode()).hexdigest()[:10]


class QuizBank:
    """Every valid question the corpus yields, built once per index."""

    def __init__(self, units: list[Unit], readings: dict[str, list[Reading]] | None = None) -> None:
        self.readings = readings if readings is not None else read_units(units)
        self.units = [u for u in units if u.kind not in ("title", "preamble", "attachment")]
        self.doc_titles = {u.doc_id: u.doc_title for u in units}
        self.doc_texts: dict[str, str] = {}
        for u in units:
            self.doc_texts[u.doc_id] = self.doc_texts.get(u.doc_id, "") + "\n" + u.text
        self.corpus = "\n".join(self.doc_texts.values())
        families = _terms()
        self.terms = sorted((t for t in families if t in self.corpus), key=len, reverse=True)
        self.family = {t: families[t] for t in self.terms}
        self._others_text: dict[str, str] = {}   # per document, the text of all the others
        self._held_by: dict[str, int] = {}       # per text, how many documents hold it
        self._sentences = self._collect_sentences()
        self.values_by_unit = self._corpus_values()
        self.questions = self._generate()

    def _collect_sentences(self) -> list[tuple[Unit, str]]:
        """Whole propositions from the clause readings: a rule, a limit, a requirement or an
        exclusion; a list item comes with its lead-in (the frame that makes it a claim)."""
        seen, out = set(), []
        self.frames: dict[str, str] = {}
        self.why: dict[str, str] = {}
        self.reading_of: dict[str, Reading] = {}
        by_id = {u.clause_id: u for u in self.units}
        first_child: dict[str, int] = {}
        for u in self.units:
            if u.parent_id:
                first_child[u.parent_id] = min(first_child.get(u.parent_id, u.start), u.start)
        for u in sorted(self.units, key=lambda u: (u.parent_id is None, u.doc_id, u.start)):
            for r in self.readings.get(u.clause_id, []):
                if r.kind not in CLAIM_KINDS:
                    continue
                text = _strip_marker(u.text[r.start:r.end].strip())
                if not (6 <= len(text) <= 160) or text in seen or "\n" in text or text.endswith((":", "：")):
                    continue  # a list's lead-in (「…须符合以下条件：」) is the frame of its items, not a claim
                if (_LEAD_END.search(text) or "__" in text or "**" in text or not _COMPLETE.search(text)
                        or _ANAPHOR.match(text)):
                    continue  # a lead-in cut from its items, a blank left in the source, a sentence cut
                    # off, or one that leans on the sentence before it (期间…, 上述…, 其中…)
                frame = ""
                if r.lead:
                    parent = by_id.get(u.parent_id or "")
                    frame = _frame(parent.text[:first_child[parent.clause_id] - parent.start] if parent else "")
                    if not frame:
                        continue  # an item whose lead-in cannot be shown is a fragment, not a claim
                elif len(text) < 10:
                    continue
                seen.add(text)
                self.frames[text], self.why[text], self.reading_of[text] = frame, _why(u, r, text), r
                out.append((u, text))
        return out

    def _corpus_values(self) -> dict[str, list[str]]:
        by_unit: dict[str, set[str]] = {}
        for _u, s in self._sentences:
            for q in quantities(s):
                number = re.match(r"[\d.]+|[零〇一二两三四五六七八九十百]+", q.text)
                if number:
                    by_unit.setdefault(q.unit, set()).add(number.group(0))
        return {k: sorted(v) for k, v in by_unit.items()}

    def _make(self, kind: str, prompt: str, options: list[str], answer: str, u: Unit, quote: str,
              accept: list[str] | None = None, why: str | None = None) -> QuizQuestion:
        # an item's own reason (the part its blank or its change is in) before the sentence's
        why = why or self.why.get(quote)
        explanation = (f"为什么：{why}。" if why else "") + f"依据《{u.doc_title}》{u.ref}：「{quote}」"
        return QuizQuestion(_qid(kind, prompt, answer), kind, prompt, options, answer, u.doc_id, u.doc_title,
                            u.clause_id, u.ref, quote, explanation, accept or [])

    def _generate(self) -> list[QuizQuestion]:
        out: list[QuizQuestion] = []
        for u, s in self._sentences:
            out += self._number_blanks(u, s)
            out += self._term_blanks(u, s)
            out += self._true_false(u, s)
            out += self._which_doc(u, s)
            out += self._lists(u, s)
        unique = {q.id: q for q in out}
        return sorted(unique.values(), key=lambda q: q.id)

    # --- generators ----------------------------------------------------------------------

    def _number_blanks(self, u: Unit, s: str) -> list[QuizQuestion]:
        out = []
        for q in quantities(s):
            number = re.match(r"[\d.]+|[零〇一二两三四五六七八九十百]+", q.text)
            if not number or s.count(q.text) != 1 or s.count(number.group(0)) != 1:
                continue
            answer = number.group(0)
            prompt = s.replace(q.text, BLANK + q.text[len(answer):], 1)
            value = _value(answer)
            accept = [f"{value:g}"] if value is not None else []
            distractors, seen = [], {_value(answer)}
            for v in self.values_by_unit.get(q.unit, []):
                if _value(v) not in seen and prompt.replace(BLANK, v) not in self.corpus:
                    seen.add(_value(v))   # 2 and 二 are one value: never two right options
                    distractors.append(v)
            distractors = distractors[:3]
            if not distractors:
                continue
            options = sorted(distractors + [answer], key=lambda x: _qid(prompt, x))
            why = self._blank_why(u, s, s.find(q.text))
            out.append(self._make("blank", f"《{u.doc_title}》{u.ref}{self._frame_note(s)}：{prompt}", options, answer,
                                  u, s, accept, why))
        return out

    def _term_blanks(self, u: Unit, s: str) -> list[QuizQuestion]:
        for term in self.terms:
            if s.count(term) != 1 or any(term != t and term in t and t in s for t in self.terms):
                continue
            prompt = s.replace(term, BLANK, 1)
            if self.family[term] not in ("nl", "np"):
                continue  # only loan and pledge types have true alternatives to choose from
            family = [t for t in self.terms if t != term and t not in s and self.family[t] == self.family[term]]
            doc_text = self.doc_texts[u.doc_id]
            distractors = [t for t in family if prompt.replace(BLANK, t) not in self.corpus
                           and t not in doc_text              # the same document may rule on it too
                           and not _near(t, term)][:3]        # 流动资金周转贷款 is 流动资金贷款
            if len(distractors) < 2:
                continue
            options = sorted(distractors + [term], key=lambda x: _qid(prompt, x))
            why = self._blank_why(u, s, s.find(term))
            return [self._make("blank", f"《{u.doc_title}》{u.ref}{self._frame_note(s)}：{prompt}", options, term, u, s,
                               why=why)]
        return []

    def _blank_why(self, u: Unit, s: str, k: int) -> str:
        """The blank's part of the sentence — under its list's lead-in, which says what the list is
        (「以下贷款不属于续贷范围」): an item alone (「个人消费性贷款」) says nothing."""
        frame = self.frames.get(s, "")
        part = _part_around(s, k)
        if frame:
            return f"《{u.doc_title}》{u.ref}在「{frame}」之下列出「{part}」"
        return f"《{u.doc_title}》{u.ref}规定「{part}」"

    def _frame_note(self, s: str) -> str:
        frame = self.frames.get(s, "")
        return f"（{frame}）" if frame else ""

    def _claim(self, u: Unit, statement: str, s: str) -> str:
        frame = self.frames.get(s, "")
        lead = f"{frame}：" if frame else ""
        return f"判断：根据《{u.doc_title}》{u.ref}，{lead}「{statement}」"

    def _true_false(self, u: Unit, s: str) -> list[QuizQuestion]:
        """A whole claim, or its faithful negation: the reading's negation flipped, or its limit
        moved to another value the corpus uses (≤2次 → ≤4次) — never a fragment."""
        if len(s) > 110:
            return []
        r = self.reading_of.get(s)
        true_first = int(_qid(s), 16) % 2 == 0
        if true_first:
            return [self._make("truefalse", self._claim(u, s, s), ["对", "错"], "对", u, s)]
        negators = [word for word in _NEGATE if word[0] in s and s.count(word[0]) == 1]
        if r is not None and (r.negated or r.kind in ("permission", "obligation", "scope")):
            for a, b in negators:
                if a == "可以" and "不可以" in s:
                    continue
                neg = s.replace(a, b, 1)
                if neg not in self.corpus:
                    return [self._make("truefalse", self._claim(u, neg, s), ["对", "错"], "错", u, s,
                                       why=_changed(u, s, neg, s.find(a)))]
        for q in quantities(s):
            number = re.match(r"[\d.]+", q.text)
            others = [v for v in self.values_by_unit.get(q.unit, [])
                      if number and _value(v) != _value(number.group(0))]
            if number and others and s.count(q.text) == 1:
                neg = s.replace(q.text, others[0] + q.text[len(number.group(0)):], 1)
                if neg not in self.corpus:
                    return [self._make("truefalse", self._claim(u, neg, s), ["对", "错"], "错", u, s,
                                       why=_changed(u, s, neg, s.find(q.text)))]
        return []

    def _which_doc(self, u: Unit, s: str) -> list[QuizQuestion]:
        if len(s) < 16 or self._holders(s) != 1:
            return []
        if self.frames.get(s):
            return []  # a list item means something only under its lead-in, which names its document's rule
        if self._twin_elsewhere(u.doc_id, s):
            return []  # another document states the same rule in other words: two right answers
        # a wrong option is a document that says nothing on the sentence's topic: other documents state
        # many rules in other words (名单制管理; 重新签订借款合同 and 重新办理贷款手续), and one of them as
        # an option would be a second right answer. A document that issues the other as its attachment
        # (「印发…操作规程（详见附件）」) says what it says, and is no option either.
        topic = self._topic_words(s)
        own = [w for w in topic if self._holders(w) == 1]
        if not own:
            return []   # nothing in it is this document's alone: a general duty (依法合规) many state
        # a rule's label (「规范操作:…」) names the rule: a document using the label states it too
        label = re.match(r"^([^:：，,。]{2,8})[:：]", s)
        runs = self._rare_runs(s) + ([label.group(1)] if label else [])
        others = sorted((d for d in self.doc_titles if d != u.doc_id and not self._related(d, u.doc_id)
                         and not any(w in self.doc_texts[d] for w in topic)
                         and not any(r in self.doc_texts[d] for r in runs)), key=lambda d: _qid(s, d))[:3]
        if len(others) < 2:
            return []
        options = sorted([self.doc_titles[d] for d in others] + [u.doc_title], key=lambda x: _qid(s, x))
        why = f"只有《{u.doc_title}》{u.ref}规定「{self._own_part(u.doc_id, s)}」"
        return [self._make("which_doc", f"哪份文件规定：「{s}」", options, u.doc_title, u, s, why=why)]

    def _holders(self, text: str) -> int:
        """How many documents hold the text (counted once per text: items ask it of the same words)."""
        if text not in self._held_by:
            self._held_by[text] = sum(1 for t in self.doc_texts.values() if text in t)
        return self._held_by[text]

    def _topic_words(self, s: str) -> list[str]:
        """The sentence's words that few documents use (名单制, 借款合同, 重新): what it is about, as
        opposed to words every document uses (续贷, 贷款, 银行)."""
        n = len(self.doc_texts)
        return [w for w in _content(s) if self._holders(w) <= max(2, n // 3)]

    def _rare_runs(self, s: str) -> list[str]:
        """Stretches of the sentence (RUN characters) that few documents have: a document holding one
        states part of the same rule (不得超过原贷款额度), whatever it says around it."""
        n = len(self.doc_texts)
        runs = {s[i:i + RUN] for i in range(len(s) - RUN + 1) if not re.search(r"[，,。；;、：:（）()]", s[i:i + RUN])}
        return [r for r in runs if self._holders(r) <= max(2, n // 3)]

    def _others(self, doc_id: str) -> str:
        """The text of every other document (built once per document)."""
        if doc_id not in self._others_text:
            self._others_text[doc_id] = "\n".join(t for d, t in self.doc_texts.items() if d != doc_id)
        return self._others_text[doc_id]

    def _own_part(self, doc_id: str, s: str) -> str:
        """The part of a sentence least said by the other documents: what tells its document apart."""
        others = self._others(doc_id)
        parts = [p for p in re.split(r"[，,；;。]", s) if len(p.strip()) >= 4] or [s]
        return min(parts, key=lambda p: (sum(1 for w in _content(p) if w in others) / (len(_content(p)) or 1),
                                         -len(p))).strip()

    def _related(self, a: str, b: str) -> bool:
        """Whether one document names the other's title: it issues it, or is issued with it."""
        return self.doc_titles[b] in self.doc_texts[a] or self.doc_titles[a] in self.doc_texts[b]

    def _twin_elsewhere(self, doc_id: str, s: str) -> bool:
        """Whether another document has a sentence sharing most of this one's content words, or states
        one of its parts word for word (「但最高不得超过原贷款额度」 and 「但不得超过原贷款额度」 are one rule)."""
        others = self._others(doc_id)
        # a part's leading conjunction (但, 并且) is how this document joins it, not the rule
        parts = (re.sub(r"^(但是?|并且?|且|而且?|同时)", "", p.strip()) for p in re.split(r"[，,；;。]", s))
        if any(len(p) >= RULE_PART and p in others for p in parts):
            return True
        mine = _content(s)
        if not mine:
            return False
        for other_unit, other in self._sentences:
            if other_unit.doc_id != doc_id:
                theirs = _content(other)
                if theirs and len(mine & theirs) / len(mine | theirs) >= 0.4:
                    return True
        return False

    def _lists(self, u: Unit, s: str) -> list[QuizQuestion]:
        inc = _LIST_IN.search(s)
        exc = _LIST_OUT.search(s)
        if not inc or not exc:
            return []
        included = _list_items(inc.group(1))
        excluded = _list_items(exc.group(1))
        if len(included) < 1 or len(excluded) < 2:
            return []
        out = []
        # the clause's own word for what it lists: 适用对象 (kinds of borrower) or 适用范围 (kinds of loan)
        listed_as = "适用对象" if "对象" in s else "适用范围"
        for right in excluded[:3]:
            opts = sorted(included[:3] + [right], key=lambda x: _qid(s, x))
            if len(opts) >= 3:
                why = (f"《{u.doc_title}》{u.ref}把「{right}」列在不包括的业务中，"
                       f"「{'、'.join(included[:3])}」在{listed_as}内")
                out.append(self._make("choice", f"根据《{u.doc_title}》{u.ref}，下列哪一项不能办理？", opts, right, u, s,
                                      why=why))
        right = included[0]
        opts = sorted(excluded[:3] + [right], key=lambda x: _qid(s, right, x))
        why = f"《{u.doc_title}》{u.ref}把「{right}」列入{listed_as}，「{'、'.join(excluded[:3])}」不包括在内"
        out.append(self._make("choice", f"根据《{u.doc_title}》{u.ref}，下列哪一项可以办理？", opts, right, u, s,
                              why=why))
        return out

    # --- drawing a quiz ------------------------------------------------------------------

    def draw(self, n: int = 10, seed: int = 0, topic: str | None = None, doc_id: str | None = None,
             kinds: tuple[str, ...] = KINDS) -> list[QuizQuestion]:
        pool = [q for q in self.questions if q.kind in kinds and (not doc_id or q.doc_id == doc_id)
                and (not topic or topic in q.quote or topic in q.prompt)]
        rng = random.Random(seed)
        by_kind: dict[str, list[QuizQuestion]] = {}
        for q in pool:
            by_kind.setdefault(q.kind, []).append(q)
        for qs in by_kind.values():
            rng.shuffle(qs)
        picked: list[QuizQuestion] = []
        used: set[str] = set()
        while len(picked) < n and any(by_kind.values()):
            for kind in kinds:  # round robin over kinds: a quiz mixes question types
                while by_kind.get(kind) and len(picked) < n:
                    q = by_kind[kind].pop()
                    if q.quote not in used:  # one question per sentence: no question answers another
                        used.add(q.quote)
                        picked.append(q)
                        break
        return picked


# readings that state a rule a trainee can judge (a definition, a procedure step or a bare
# statement is not one)
CLAIM_KINDS = frozenset({"permission", "prohibition", "exclusion", "requirement", "scope", "time_limit", "obligation"})
_MARKER = re.compile(r"^第[一二三四五六七八九十百\d]+条[:：]?|^[（(][一二三四五六七八九十]+[)）]|^\d+[.、．]\s*")


_ANAPHOR = re.compile(r"^(期间|此时|届时|其中|同时|上述|前款|该|此外|另外|对此|为此)")
_LEAD_END = re.compile(r"(如下|以下|下列)[^，,。；;]{0,6}(条件|情况|情形|内容|事项|几点|原则|措施)[:：]?$")
_COMPLETE = re.compile(r"[。；;）)」”]$|[\u4e00-\u9fff]{2}[的]?$")


def _content(text: str) -> set[str]:
    from ingest.tokenize import terms
    return {t for t, _s in terms(text) if len(t) >= 2}


def _near(a: str, b: str) -> bool:
    """Two loan or pledge types that are one kind in other words (流动资金周转贷款 / 流动资金贷款)."""
    shorter, longer = (b, a) if len(b) <= len(a) else (a, b)
    it = iter(longer)
    return all(ch in it for ch in shorter)


def _strip_marker(text: str) -> str:
    return _MARKER.sub("", text).strip()


def _frame(lead: str) -> str:
    """The lead-in that makes a list item a claim: its last sentence, without the article
    number and the colon (「对需要办理续贷的借款人,必须符合如下条件」)."""
    lead = re.split(r"[。；;]", lead.strip().rstrip("。；;"))[-1]
    lead = _strip_marker(re.sub(r"^.*?第[一二三四五六七八九十百\d]+条", "", lead) if "条" in lead[:8] else lead)
    lead = lead.strip().rstrip(":：").strip().lstrip(":：,，、 ")
    return lead if 4 <= len(lead) <= 60 else ""


def _why(u: Unit, r: Reading, text: str) -> str:
    """One line on what the reading makes of the sentence."""
    where = f"《{u.doc_title}》{u.ref}"
    body = text.rstrip("；;。")
    lims = [lim for lim in r.limits if lim.op != "="]
    if lims and r.kind in ("time_limit", "prohibition", "requirement", "obligation"):
        # each limit with the words of its own part: two limits of one sentence may measure two things
        # (注销登记 1小时, 再次登记 1个工作日)
        parts = dict.fromkeys(_part_around(body, body.find(u.text[lim.start:lim.end]))
                              for lim in lims[:2] if u.text[lim.start:lim.end] in body)
        if parts:
            return f"{where}规定" + "，".join(f"「{p}」" for p in parts)
    if r.lead == "exclusion":
        return f"{where}把「{body}」列为不得办理的情形"
    if r.lead == "requirement":
        return f"{where}把「{body}」列为须符合的条件"
    listed = [m for m in r.members if len(m) <= 16]
    if r.kind == "exclusion" and len(listed) >= 2 and re.search(r"适用|对象|范围", text):
        # a list of excluded kinds; a single sentence member is the whole rule, quoted below
        return f"{where}把「{'、'.join(listed[:3])}」{'等' if len(listed) > 3 else ''}列为不适用的对象"
    if r.negated:
        s, e = r.negated[0]
        part = _part_around(r.text, s - r.start)
        return f"{where}规定「{part}」"
    verb = {"scope": "规定", "obligation": "规定须做到", "permission": "允许", "time_limit": "规定时限"}.get(r.kind, "规定")
    return f"{where}{verb}：「{body}」"


def _changed(u: Unit, s: str, changed: str, k: int) -> str:
    """Why a changed claim is false: the part that was changed, as the document says it."""
    return f"《{u.doc_title}》{u.ref}原文是「{_part_around(s, k)}」，题中改成了「{_part_around(changed, k)}」"


def _part_around(text: str, k: int) -> str:
    start = max(text.rfind(ch, 0, k) for ch in "，,：:") + 1
    ends = [i for i in (text.find(ch, k) for ch in "，,；;。") if i >= 0]
    return text[start:min(ends) if ends else len(text)].strip()


def _value(number: str) -> float | None:
    from ingest.numerals import cn_to_int

    try:
        return float(number)
    except ValueError:
        v = cn_to_int(number)
        return float(v) if v is not None else None


def _list_items(text: str) -> list[str]:
    text = re.split(r"等具有|等", text)[0]
    items = [i.strip(" “”\"") for i in _ITEM_SPLIT.split(text)]
    items = [re.sub(r"^(我行|本行)", "", i) for i in items]
    return [i for i in items if 2 <= len(i) <= 16 and re.search(r"(贷款|质押|押汇|卡|业务)$", i)]


def export(questions: list[QuizQuestion], fmt: str = "md") -> str:
    """A quiz with its key, for a trainer to print."""
    if fmt == "csv":
        import csv
        import io

        buf = io.StringIO()
        w = csv.writer(buf)
        w.writerow(["no", "kind", "question", "options", "answer", "source", "quote"])
        for i, q in enumerate(questions, 1):
            w.writerow([i, q.kind, q.prompt, " | ".join(q.options), q.answer, f"《{q.doc_title}》{q.clause}", q.quote])
        return buf.getvalue()
    lines = ["# 续贷制度培训测验", ""]
    for i, q in enumerate(questions, 1):
        lines.append(f"{i}. {q.prompt}")
        for j, o in enumerate(q.options):
            lines.append(f"   {chr(65 + j)}. {o}")
        lines.append("")
    lines += ["## 答案与解析", ""]
    for i, q in enumerate(questions, 1):
        lines.append(f"{i}. **{q.answer}** — {q.explanation}")
    return "\n".join(lines) + "\n"
