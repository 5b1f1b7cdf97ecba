"""Sentences of a clause, how well they match a question, and what they say
(permission, prohibition, condition) about the thing asked about."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Callable

from ingest.records import Unit

from .models import Hit
from .question import FACETS, Concept, Question

_SENTENCE_END = re.compile(r"[。；;！？!?]+|\n(?=\s*(?:[（(][一二三四五六七八九十]+[)）]|\d+[.、．]))")
_COMMA = re.compile(r"[，,：:]")

NEGATIVE = ("不得", "不应", "不能", "不可", "不予", "严禁", "禁止", "不允许", "不适用", "不包括", "不含", "不属于",
            "不用于", "不宜", "无法", "排除在外", "不准")
POSITIVE = re.compile(r"可以|(?<!不)可(?=与|向|在|按|根据|视|采取|由|委托|以|选择)|允许|适用|包括|应当|(?<![相适对响供])应(?![收付])|"
                      r"必须|须|需(?!求)|有权|实行|纳入|进入|做到|推行")
ONLY = re.compile(r"只限于|仅限于|仅适用于|限于")
REQUIREMENT_LEAD = re.compile(r"符合(如下|以下|下列)条件|须符合|需符合|应符合|必须符合")
OBLIGATION = re.compile(r"必须|须|需(?!求)|应当|应(?![收付])")
PERMISSION_QUESTION = re.compile(r"能否|能不能|可否|可以|可不可以|能[^否不]{0,20}吗|还能")
CONDITION = re.compile(r"^(若|如果|如|对于|经审核后|原则上)")
SANCTION = re.compile(r"监管意见书|监管约谈|通报批评|查处|追究|整改纠偏|违规行为")
NEGATED_STATE = re.compile(r"(未|无|没有|不存在|非)[^，,；;。]{0,14}$")
LIMIT_MAX = re.compile(r"以下|以内|不超过|不得超过|最高|控制在")
QUESTION_NEGATION = re.compile(r"没有|未|无|不")
_ITEM_MARK = re.compile(r"^[（(][一二三四五六七八九十]+[)）]|^\d+[.、．]\s*")
STATEMENT_SHARE = 0.8  # a plain statement with no cue answers "yes" only when it is clearly the one asked about


@dataclass(frozen=True)
class Span:
    unit: Unit
    start: int          # offsets within unit.text
    end: int
    score: float        # match with the question
    weight: float       # matched term weight only (no facet bonus)
    hit_rank: int

    @property
    def text(self) -> str:
        return self.unit.text[self.start:self.end]

    @property
    def doc_start(self) -> int:
        return self.unit.start + self.start


Weights = list[tuple[Concept, float]]
UNKNOWN_WEIGHT = 3.0  # a word the corpus never uses: specific, but colloquial wording must not dominate


def idf_weights(question: Question, df: Callable[[str], int | None], n_units: int) -> Weights:
    """A weight per concept of the question: rarer words matter more."""
    out: Weights = []
    for concept in question.concepts:
        idfs = [math.log(1 + (n_units - d + 0.5) / (d + 0.5)) for d in map(df, concept.members) if d is not None]
        out.append((concept, max(idfs) if idfs else UNKNOWN_WEIGHT))
    return out


def sentences(unit: Unit) -> list[tuple[int, int]]:
    """(start, end) of each sentence of the clause, trimmed, punctuation kept."""
    text = unit.text
    out: list[tuple[int, int]] = []
    pos = 0
    for m in _SENTENCE_END.finditer(text):
        end = m.end() if m.group(0).strip() else m.start()
        out.append((pos, end))
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


def matched_weight(text: str, weights: Weights) -> float:
    return sum(w * c.match(text) for c, w in weights)


def best_spans(hits: list[Hit], question: Question, weights: Weights, whole_unit_chars: int = 0) -> list[Span]:
    """Every sentence of the hits, scored; best first. Short clauses count as one span."""
    facet_res = [FACETS[f][1] for f in question.facets]
    spans: list[Span] = []
    for hit in hits:
        unit = hit.unit
        ranges = [(0, len(unit.text))] if len(unit.text) <= whole_unit_chars else sentences(unit)
        context = unit.index_text[: max(0, len(unit.index_text) - len(unit.text))]
        for s, e in ranges:
            text = unit.text[s:e]
            w = matched_weight(text, weights)
            w_ctx = 0.3 * matched_weight(context, [(c, w) for c, w in weights if not c.match(text)])
            bonus = sum(1.5 for rx in facet_res if rx.search(text))
            if "definition" in question.facets and _defines(text, weights):
                bonus += 1.5  # 「续贷…是指」 defines the thing asked about; 「回笼率就是指续贷…」 does not
            prior = 1.0 / (1 + hit.rank)
            spans.append(Span(unit, s, e, w + w_ctx + bonus + prior, w + w_ctx, hit.rank))
    spans.sort(key=lambda sp: (-sp.score, sp.hit_rank, sp.unit.start + sp.start))
    return spans


_DEFINES = re.compile(r"是指|所称|就是指|以下简称")


def _defines(text: str, weights: Weights) -> bool:
    m = _DEFINES.search(text)
    if not m:
        return False
    head = text[max(0, m.start() - 30):m.start()]
    return any(c.match(head) == 1.0 for c, _w in weights)


def coverage(hit: Hit, weights: Weights) -> float:
    total = sum(w for _, w in weights)
    if not total:
        return 0.0
    return matched_weight(hit.unit.doc_title + "\n" + hit.unit.index_text, weights) / total


def polarity(span: Span, question: Question, weights: Weights) -> str | None:
    """What the sentence says about the thing asked: yes / no / depends, or None when
    it does not mention it."""
    text = span.text
    parts = [(m.start(), m.end()) for m in re.finditer(r"[^，,：:]+", text)]
    if not parts:
        return None
    scored = [(matched_weight(text[s:e], weights), i) for i, (s, e) in enumerate(parts)]
    best_w, best_i = max(scored, key=lambda x: (x[0], -x[1]))
    if best_w <= 0:
        return None
    if question.asks_exceed and LIMIT_MAX.search(text):
        return "no"
    if SANCTION.search(text):
        return "no"
    # the list this sentence belongs to: the parent's lead-in, or the article text before it
    lead = span.unit.index_text[: max(0, len(span.unit.index_text) - len(span.unit.text))]
    lead += span.unit.text[:span.start]
    intro = re.split(r"[。；;]", lead.rstrip())[-1]
    if intro.rstrip().endswith((":", "：")) and any(cue in intro for cue in NEGATIVE):
        return "no"  # an item of 「存在以下情况之一的,不得办理…:」: whatever it says, it excludes
    verdict = _clause_polarity(text, parts, best_i, question, weights)
    if verdict == "negated-state":
        # the clause requires the absence of the thing (无民间借贷): having it disqualifies,
        # unless the question itself asks about its absence (没有逾期记录…吗)
        return "yes" if _question_negates(question, text, weights) else "no"
    if verdict is None:
        if any(cue in lead for cue in NEGATIVE):
            return "no"
        if REQUIREMENT_LEAD.search(lead):
            return "yes"  # one of the conditions for renewal: renewal is possible when it holds
        total = sum(w for _, w in weights)
        return "yes" if total and matched_weight(text, weights) >= STATEMENT_SHARE * total else None
    return verdict


def _clause_polarity(text: str, parts: list[tuple[int, int]], i: int, question: Question,
                     weights: Weights) -> str | None:
    s, e = parts[i]
    part = text[s:e]
    if any(cue in part for cue in NEGATIVE):
        return "no"
    if ONLY.search(part):
        return "yes"
    if CONDITION.search(_ITEM_MARK.sub("", part.strip())) and not POSITIVE.search(part):
        if i + 1 < len(parts):
            nxt = text[parts[i + 1][0]:parts[i + 1][1]]
            if matched_weight(nxt, weights) > 0:
                if any(cue in nxt for cue in NEGATIVE):
                    return "no"
                if OBLIGATION.search(nxt) and PERMISSION_QUESTION.search(question.text):
                    return "depends"  # 「若不足值，必须增加抵押物」: allowed, on conditions
                if POSITIVE.search(nxt):
                    return "yes"
        return "depends"
    for concept, _w in sorted(weights, key=lambda c: -c[1]):
        for term in concept.members + concept.parts:
            k = part.find(term)
            if k >= 0 and NEGATED_STATE.search(part[:k]):
                return "negated-state"
    if POSITIVE.search(part):
        return "yes"
    for j in range(i - 1, -1, -1):
        prev = text[parts[j][0]:parts[j][1]]
        if any(cue in prev for cue in NEGATIVE):
            return "no"
        if POSITIVE.search(prev):
            return "yes"
    return None


def _question_negates(question: Question, text: str, weights: Weights) -> bool:
    """「没有逾期记录能续贷吗」: the question itself negates the condition the clause negates."""
    q = question.text
    for concept, _w in weights:
        for term in concept.members:
            k = q.find(term)
            if k > 0 and QUESTION_NEGATION.search(q[max(0, k - 3):k]):
                t = text.find(term)
                return t >= 0 and bool(NEGATED_STATE.search(text[:t]))
    return False
