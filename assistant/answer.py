"""The default answerer: no LLM. It picks the sentences that answer, decides yes/no
from the clause wording per document, and abstains when the corpus does not cover
the question. Every quote is a verbatim span of a retrieved clause."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Callable

from .consistency import doc_rows, find_conflicts
from .evidence import Span, Weights, best_spans, coverage, idf_weights, polarity
from ingest.records import Unit
from ingest.load import LEVELS

from .models import VERDICT_WORD, Answer, Citation, Finding, Hit
from .question import Question, analyse

NEED_WORD = {"yes": "需要", "no": "不需要", "depends": "视情况而定"}
MIN_COVERAGE_ANCHORED = 0.3
MIN_COVERAGE = 0.7
SHORT_CLAUSE = 70
VOTE_SHARE = 0.6  # a document votes on yes/no only when its sentence is nearly as on-topic as the best
MAX_VOTERS = 6


@dataclass
class Evidence:
    """What the answerer needs besides the hits: term statistics of the index."""
    df: Callable[[str], int | None]
    n_units: int
    per_doc: dict[str, list[Hit]] = field(default_factory=dict)
    docs: dict[str, tuple[str, str]] = field(default_factory=dict)  # doc_id -> (title, level)
    unit: Callable[[str], Unit | None] = lambda _cid: None


def _cite(n: int, span: Span, whole: bool = False) -> Citation:
    u = span.unit
    start, end = (0, len(u.text)) if whole else (span.start, span.end)
    return Citation(id=f"c{n}", doc_id=u.doc_id, doc_title=u.doc_title, level=u.level, clause_id=u.clause_id,
                    clause=u.ref, path=u.path, quote=u.text[start:end], text=u.text,
                    start=u.start + start, end=u.start + end, score=round(span.score, 3))


def _dedupe(spans: list[Span]) -> list[Span]:
    """One span per stretch of document text; the most specific clause (an item) wins."""
    best: dict[tuple[str, int, int], Span] = {}
    order: list[tuple[str, int, int]] = []
    for sp in spans:
        key = (sp.unit.doc_id, sp.doc_start, sp.doc_start + (sp.end - sp.start))
        if key not in best:
            best[key] = sp
            order.append(key)
        elif sp.unit.path.count(">") > best[key].unit.path.count(">") and sp.score >= best[key].score:
            best[key] = sp
    return [best[k] for k in order]


class DefaultAnswerer:
    def answer(self, text: str, hits: list[Hit], ev: Evidence) -> Answer:
        q = analyse(text)
        weights = idf_weights(q, ev.df, ev.n_units)
        if not q.concepts or not hits:
            return self._abstain(q, hits, "问题中没有可以在文件中检索的内容。")
        cov = max(coverage(h, weights) for h in hits[:8])
        if cov < (MIN_COVERAGE_ANCHORED if q.anchored else MIN_COVERAGE):
            return self._abstain(q, hits, "现有文件中没有找到能回答这个问题的条款。")
        if q.kind == "compare":
            return self._compare(q, hits, ev, weights)
        spans = _dedupe(best_spans(hits, q, weights, whole_unit_chars=SHORT_CLAUSE))
        if q.kind == "yesno":
            return self._yesno(q, spans, weights)
        return self._fact(q, spans, ev=ev)

    # --- kinds -------------------------------------------------------------------------

    def _yesno(self, q: Question, spans: list[Span], weights: Weights) -> Answer:
        top_weight = max((sp.weight for sp in spans), default=0.0)
        key = [c for c, _ in sorted(weights, key=lambda cw: -cw[1])[:2]]
        per_doc: dict[str, tuple[Span, str]] = {}
        for sp in spans:
            if sp.unit.doc_id in per_doc or sp.weight < VOTE_SHARE * top_weight:
                continue
            if not any(c.match(sp.text) == 1.0 for c in key):
                continue  # not about the thing asked: it shares only minor or partial words
            v = polarity(sp, q, weights)
            if v is not None:
                per_doc[sp.unit.doc_id] = (sp, v)
            if len(per_doc) >= MAX_VOTERS:
                break
        if not per_doc:
            return self._fact(q, spans, note="文件没有明确说可以或不可以，以下是最相关的条款。")
        verdicts = {v for _, v in per_doc.values()}
        overall = verdicts.pop() if len(verdicts) == 1 else "depends"
        words = NEED_WORD if any(w in q.text for w in ("需要", "必须", "要不要", "是否要", "需不需要")) else VERDICT_WORD
        if overall == "depends" and len(per_doc) > 1 and len({v for _, v in per_doc.values()}) > 1:
            head = "视情况而定：各文件规定不同。"
        elif overall == "depends":
            head = "视情况而定：文件对此附有条件。"
        else:
            head = words[overall] + "。"
        citations, findings, lines = [], [], []
        for n, (doc_id, (sp, v)) in enumerate(sorted(per_doc.items(), key=lambda kv: kv[1][0].hit_rank), 1):
            cit = _cite(n, sp)
            citations.append(cit)
            summary = f"{words[v]}：「{cit.quote}」"
            findings.append(Finding(doc_id, sp.unit.doc_title, v, summary, [cit.id]))
            lines.append(f"{n}. 《{sp.unit.doc_title}》{sp.unit.ref}（{LEVELS.get(sp.unit.level, '')}）"
                         f"——{words[v]}：「{cit.quote}」[{n}]")
        answer = head + "\n依据：\n" + "\n".join(lines)
        return Answer(q.text, answer, overall, False, citations, findings, kind=q.kind)

    def _fact(self, q: Question, spans: list[Span], note: str | None = None, ev: Evidence | None = None) -> Answer:
        if not spans:
            return self._abstain(q, [], "现有文件中没有找到能回答这个问题的条款。")
        whole_list = q.kind == "list" or "materials" in q.facets
        if q.kind == "list" and ev is not None:
            spans = [_promote_to_list(sp, ev) for sp in spans]
            spans = _dedupe(spans)
        top = spans[0]
        chosen = [top]
        for sp in spans[1:]:
            if len(chosen) >= 3:
                break
            if sp.score >= 0.75 * top.score and sp.weight > 0 and not any(_overlaps(sp, c) for c in chosen):
                chosen.append(sp)
        citations, lines, findings = [], [], []
        for n, sp in enumerate(chosen, 1):
            whole = whole_list and (len(sp.unit.text) <= 600)
            cit = _cite(n, sp, whole=whole)
            citations.append(cit)
            lines.append(f"《{sp.unit.doc_title}》{sp.unit.ref}规定：「{cit.quote}」[{n}]")
            findings.append(Finding(sp.unit.doc_id, sp.unit.doc_title, None, cit.quote, [cit.id]))
        head = (note + "\n") if note else ""
        answer = head + "\n".join(lines)
        return Answer(q.text, answer, None, False, citations, findings, kind=q.kind)

    def _compare(self, q: Question, hits: list[Hit], ev: Evidence, weights: Weights) -> Answer:
        # the same rows as the 一致性检查 tab, so Q&A and compliance staff see one picture
        rows = doc_rows(q, weights, ev.per_doc or {}, ev.docs, with_verdicts=True)
        stated = [r for r in rows if r.citation is not None]
        if not stated:
            return self._abstain(q, hits, "各文件都没有与该主题直接相关的条款。")
        citations, findings, lines = [], [], []
        for n, r in enumerate(stated, 1):
            cit = replace(r.citation, id=f"c{n}")
            citations.append(cit)
            findings.append(Finding(r.doc_id, r.doc_title, r.verdict, cit.quote, [cit.id]))
            facts = "；".join(r.values + r.categories)
            lines.append(f"{n}. 《{r.doc_title}》{cit.clause}（{LEVELS.get(r.level, '')}）"
                         f"{'：' + facts if facts else ''}：「{cit.quote}」[{n}]")
        answer = f"共 {len(stated)} 份文件有相关规定：\n" + "\n".join(lines)
        silent = [r.doc_title for r in rows if r.citation is None]
        if silent:
            answer += "\n未规定：" + "、".join(f"《{t}》" for t in silent)
        conflicts = find_conflicts(rows)
        for c in conflicts:
            answer += f"\n差异（{c.kind}）：{c.description}"
        verdict = "depends" if len({r.verdict for r in stated if r.verdict}) > 1 else None
        return Answer(q.text, answer, verdict, False, citations, findings, kind="compare")

    def _abstain(self, q: Question, hits: list[Hit], reason: str) -> Answer:
        text = f"文件未规定：{reason}"
        citations = []
        if hits:
            u = hits[0].unit
            text += f"\n最接近的条款是《{u.doc_title}》{u.ref}（相关度低，仅供参考）。"
            citations.append(Citation(id="c1", doc_id=u.doc_id, doc_title=u.doc_title, level=u.level,
                                      clause_id=u.clause_id, clause=u.ref, path=u.path, quote=u.text[:80],
                                      text=u.text, start=u.start, end=u.start + min(80, len(u.text)),
                                      score=round(hits[0].score, 3)))
        return Answer(q.text, text, None, True, citations, [], kind=q.kind)


def _promote_to_list(sp: Span, ev: Evidence) -> Span:
    """For 「哪些…」 the answer is the whole list: an item stands for its article."""
    if sp.unit.parent_id is None:
        return sp
    parent = ev.unit(sp.unit.parent_id)
    if parent is None or len(parent.text) > 600:
        return sp
    return Span(parent, 0, len(parent.text), sp.score, sp.weight, sp.hit_rank)


def _overlaps(a: Span, b: Span) -> bool:
    if a.unit.doc_id != b.unit.doc_id:
        return False
    a0, a1 = a.unit.start, a.unit.end
    b0, b1 = b.unit.start, b.unit.end
    return a0 < b1 and b0 < a1
