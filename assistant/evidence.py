"""Sentences of a clause and how well they match a question (what they *say* is the clause
reading's business: ingest/readings.py, assistant/reason.py)."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Callable

from ingest.records import Unit

from ingest.readings import sentences as split_sentences

from .models import Hit
from .question import FACETS, Concept, Question

_COMMA = re.compile(r"[，,：:]")

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
    """(start, end) of each sentence of the clause, trimmed, punctuation kept: the readings' split."""
    return split_sentences(unit.text)


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
