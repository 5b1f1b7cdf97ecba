"""The default answerer: no LLM. It picks the sentences that answer, decides yes/no
from the clause wording per document, and abstains when the corpus does not cover
the question. Every quote is a verbatim span of a retrieved clause."""

from __future__ import annotations

import re

from dataclasses import dataclass, field, replace
from typing import Callable

from .docnames import KIND_WORDS, RULES_NOUNS, spoken_forms
from .consistency import agreement, doc_rows, find_conflicts, prepare_topic
from .evidence import Span, Weights, best_spans, coverage, idf_weights
from ingest.records import Unit
from ingest.tokenize import SYNONYMS, in_dictionary, pos_tags
from ingest.load import LEVELS

from .models import VERDICT_WORD, Answer, Citation, Finding, Hit
from .question import FACETS, RENEWAL, Question, analyse, describes_a_known_head
from .values import quantities
from .reason import MET_ONE, Stance, rule_modifier, title_words, hedged_for_absolute, value_failed, asks_lent_use, best_stance, beyond_timing, carried_words, combine, with_previous, family_spoken_of, lent_money_frame, out_of_scope, stance
from ingest.readings import ITEM_MARK, Reading, clause_bounds

NEED_WORD = {"yes": "需要", "no": "不需要", "depends": "视情况而定"}
# Abstention is decided by retrieval confidence on what the question asks (its focus, not the
# customer's story around it): the share of the focus's term weight found in the best clauses,
# or, for wording the tokenizer cannot map (English, paraphrase), the dense similarity.
# Both calibrated on the dev split (evals/README.md).
MIN_FOCUS_COVERAGE = 0.45
DENSE_CONFIDENT = 0.88
# an English question against Chinese clauses: the multilingual model's similarities across languages
# run lower (on dev, in-scope English questions' best similarity is mostly 0.80–0.87, out-of-scope ones'
# at most 0.85), so the dense side is calibrated for them on their own
DENSE_CONFIDENT_ACROSS = 0.85
# a noun of the asking clause that the corpus never uses (外汇, 车险, 个人所得税) names a topic the
# documents do not cover: above this share of the focus weight the question abstains unless the
# dense side is very sure
UNKNOWN_NOUN_SHARE = 0.25
DENSE_SURE = 0.90
# at most this many further conditions met, shown under a 可以 from stated facts
MAX_MET = 3
SHORT_CLAUSE = 70
# an English question with more than half of its content words unknown to the glossary is taken
# as being about something else
ENGLISH_UNMAPPED_SHARE = 1 / 2
VOTE_SHARE = 0.6  # a document votes on yes/no only when its deciding sentence is nearly as on-topic as the best
MAX_VOTERS = 6


@dataclass
class Evidence:
    """What the answerer needs besides the hits: term statistics and readings of the index."""
    df: Callable[[str], int | None]
    n_units: int
    per_doc: dict[str, list[Hit]] = field(default_factory=dict)
    docs: dict[str, tuple[str, str]] = field(default_factory=dict)  # doc_id -> (title, level)
    unit: Callable[[str], Unit | None] = lambda _cid: None
    readings: Callable[[str], list[Reading]] = lambda _cid: []      # a clause and its items
    scopes: Callable[[str], list[Reading]] = lambda _doc: []          # what each document applies to
    named: list[str] = field(default_factory=list)                  # documents the question names
    names: list[str] = field(default_factory=list)                  # the words that named them
    corpus_text: str = ""                                           # all clause text, to tell unknown words
    only_excluded: Callable[[str], bool] = lambda _w: False         # every sentence naming it excludes it

    def known(self, word: str) -> bool:
        """Whether some document uses the word (a BM25 term, or inside a clause)."""
        return self.df(word) is not None or word in self.corpus_text


def _cite(n: int, span: Span, whole: bool = False) -> Citation:
    start, end = (0, None) if whole else (span.start, span.end)
    return Citation.of(n, span.unit, start, end, span.score)


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


def verdict_word(q: Question, verdict: str | None) -> str | None:
    """The one word for badge and lead, by the question's modality (能否 → 可以; 是否需要 → 需要)."""
    if verdict is None:
        return None
    return (NEED_WORD if q.modality == "necessity" else VERDICT_WORD)[verdict]


def confident(q: Question, hits: list[Hit], weights: Weights, df: Callable[[str], int | None],
              corpus_text: str = "") -> bool:
    """Whether retrieval found clauses about what the question asks."""
    # an English word the glossary does not map (whose, company) can be found in no Chinese clause:
    # it is neither evidence for the question nor against it — unless most of the question's English
    # is unmapped, which says it is about something the documents do not speak of (exchange rates)
    english = [c for c, _w in weights if c.members[0].isascii()]
    unmapped = [c for c in english if all(m.isascii() and m not in SYNONYMS and df(m) is None for m in c.members)
                and not _names_a_loan_kind(q, c)]
    if english and len(unmapped) <= ENGLISH_UNMAPPED_SHARE * len(english):
        weights = [(c, w) for c, w in weights if c not in unmapped] or weights
    focus = [(c, w) for c, w in weights if c in q.focus] or weights
    total = sum(w for _c, w in focus) or 1.0
    # a value of a classification (中型企业) is covered by a clause naming its family (小微企业)
    kinds = [(c, w) for c, w in focus if all(df(m) is None for m in c.members)]
    cov = max((coverage(h, focus) + sum(w for c, w in kinds if any(family_spoken_of(m, h.unit.text) for m in c.members))
               / total for h in hits[:5]), default=0.0)
    dense = max((h.dense for h in hits[:5]), default=0.0)
    # unknown to the corpus: neither a BM25 term nor inside any clause (登记中心 is inside 不动产登记中心)
    def lacks(c) -> bool:
        # a value of a classification the glossary lists (中型企业, 关注类) is spoken of through its family
        return all(df(m) is None and m not in corpus_text and not family_spoken_of(m, corpus_text) for m in c.members)
    unknown_ids = {id(c) for c in unknown_kinds(q, [c for c, _w in focus], lacks, corpus_text)}
    unknown = sum(w for c, w in focus if id(c) in unknown_ids)
    # (measured against what the corpus can hold of the asking clause — its known words and the things it
    # names — not against other words it lacks: 所得税|减半|征收 asks about a tax however it is levied)
    total = sum(w for c, w in focus if id(c) in unknown_ids or not lacks(c)) or total
    if q.kind in ("fact", "list") and focus != weights and not _asks_of_renewal(q):
        # a fact or list question names its subject in any clause (「客户有笔大额存单要转让，手续费怎么收」): a
        # thing the documents lack there is what is asked about; a yes/no question's story is context
        every = unknown_kinds(q, [c for c, _w in weights], lacks, corpus_text, q.all_nouns)
        # (a share of the things it names — its nouns — not of its verbs and adverbs: 定期存款|提前|支取 asks
        # about a deposit however many words say what is done with it)
        named = [(c, w) for c, w in weights if any(c is u for u in every) or any(m in q.all_nouns for m in c.members)]
        share = sum(w for c, w in weights if any(c is u for u in every)) / (sum(w for _c, w in named) or 1.0)
        unknown = max(unknown, share * total)
    about_renewal = q.topic != q.focus  # the asking clause names only renewal: the story is context
    # a use of the money renewal lends (续贷到手的钱能不能拿去进一批原料): the documents' rules on its uses speak
    # of every use, named or not (不得用于其他用途), so a use they never name is still in scope
    about_uses = asks_lent_use(q)
    if unknown / total >= UNKNOWN_NOUN_SHARE and dense < DENSE_SURE and not about_renewal and not about_uses:
        return False
    return cov >= MIN_FOCUS_COVERAGE or dense >= dense_bar(q.text)


def dense_bar(text: str) -> float:
    """How similar the best clause must be for the dense side alone to find the question in scope."""
    return DENSE_CONFIDENT_ACROSS if in_english(text) else DENSE_CONFIDENT


def in_english(text: str) -> bool:
    """A question written mostly in English (a Chinese name or two inside it, 续贷通, does not change that)."""
    latin = sum(ch.isascii() and ch.isalpha() for ch in text)
    han = sum("\u4e00" <= ch <= "\u9fff" for ch in text)
    return latin > 3 * han


def votes(per_doc: dict[str, Stance], q: Question | None = None) -> set[str]:
    """The documents whose deciding sentence is on-topic enough to vote on yes/no: nearly as on-topic as
    the best — or a stated value the document's rule compares and finds failing (关注类 against 正常类),
    however small a share of the story it is: a condition met elsewhere (800万 ≥ 200万) does not outweigh it.
    A sentence holding only a narrower kind of the asked word (民间高利借贷 for 民间借贷) sets no bar for one
    holding the word itself: both vote."""
    def narrower(st: Stance) -> bool:
        return q is not None and any(rule_modifier(c, st.term) for c in q.concepts)
    exact = [st.strength for st in per_doc.values() if not narrower(st)]
    top = max(exact or [st.strength for st in per_doc.values()], default=0.0)
    return {d for d, st in per_doc.items() if st.strength >= VOTE_SHARE * top or value_failed(st)}


def _asks_of_renewal(q: Question) -> bool:
    """The asking clause names renewal itself (续贷期限怎么定): it asks about renewal, and the clauses
    before it (客户开了一家花店) are the customer's story, not the subject asked about."""
    return any(r in q.asking for r in RENEWAL)


def unknown_kinds(q: Question, focus, lacks: Callable, corpus_text: str, nouns: frozenset[str] | None = None) -> list:
    """Words of the asking clause that name a thing the documents do not speak of: a noun the corpus
    lacks (外汇, 车险), and a phrase joining a word it lacks to one it has, in either order — a known
    word modifying an unknown head (存款保险) or an unknown word modifying a known head (贴现|利率,
    首付|比例, whatever part of speech the tagger guesses for the modifier) — unless the corpus has the
    compound itself. An unknown word must be a word at all, not the segmenter's guess across a
    boundary (续贷后|原抵押 → 后原)."""
    ids = {id(c) for c in focus}
    tagged = q.nouns if nouns is None else nouns
    heads = [m for c in focus if not lacks(c) for m in c.members]
    # (a word inside a relative clause telling a known customer's trade says which customer: no topic to
    # abstain on — though no rule is read as holding it either)
    nouns = {id(c) for c in focus if lacks(c) and any(m in tagged and in_dictionary(m) for m in c.members)
             and not describes_a_known_head(q.norm, c.members[0], heads)}
    nouns |= {id(c) for c in focus if lacks(c) and _names_a_loan_kind(q, c)}
    out = set(nouns)
    for a, b in q.phrases:
        compound = a.members[0] + b.members[0]
        if id(a) not in ids or id(b) not in ids or compound in corpus_text:
            continue
        if id(b) in nouns:
            out.add(id(a))
        elif lacks(a) and not lacks(b) and in_dictionary(a.members[0]) and compound in q.asking \
                and not _modifies_act(q, a.members[0]):
            out |= {id(a), id(b)}
    return [c for c in focus if id(c) in out]


def _names_a_loan_kind(q: Question, c) -> bool:
    """An English word before loan (a car loan, a yacht loan) names a kind of loan, as 汽车 does in 汽车贷款:
    one the documents lack is a loan they do not speak of — evidence, not noise to drop."""
    word = c.members[0]
    # (a participle or a word of a loan's state or time — pledge-backed, current, outstanding — is no kind)
    return (word.isascii() and word.isalpha() and not word.lower().endswith(("ed", "ing"))
            and word.lower() not in _EN_STATE_OF_A_LOAN
            and re.search(r"(?<![-\w])" + re.escape(word) + r"\s+loans?\b", q.norm, re.I) is not None)


_EN_STATE_OF_A_LOAN = frozenset("current existing previous prior old new original outstanding same other whole entire "
                                "first second third next last big small large huge early late overdue unpaid "
                                "matured maturing due bad good normal larger bigger smaller higher lower greater "
                                "lesser more less".split())


def _modifies_act(q: Question, word: str) -> bool:
    """An adverb before its verb (原来|多贷) modifies the act and names no kind of thing."""
    return q.tags.get(word, "").startswith("d")


RULES_WORDING = ("说法", "口径", "提法")


def names_a_document(word: str, names: list[str]) -> bool:
    """A part of a word that named a document (商行 of 农商行), or a full institution name said short
    (农村商业银行 as 农商行)."""
    return any(word in name or spoken_forms(word) in name for name in names)


def naming_words(concepts, names: list[str], norm: str = "") -> frozenset[str]:
    """The question's words that only say which rules are meant, not what is asked: those naming a
    document, and a document's kind word where it points at the rules — a document is named, or it is
    a place words are in (办法里认可吗, 细则中) — as 本办法 does in a clause; not 通知担保人, 征求意见."""
    return frozenset(m for c in concepts for m in c.members
                     if names_a_document(m, names) or renewal_rules(m)
                     or m in KIND_WORDS and (names or re.search(re.escape(m) + "[里中内上]", norm)))




def renewal_rules(word: str) -> bool:
    """A word naming the renewal rules themselves (续贷政策, 续贷办法 — renewal policy in English): it says which
    rules are meant, not what they are asked about."""
    return any(word == r + k for r in RENEWAL for k in RULES_NOUNS)


def requirement_list(ev: Evidence, clause_id: str, story: bool) -> list[str]:
    """The clauses to read for a retrieved one: itself, and — when the question tells a story — the whole list
    of requirements an item of it belongs to (须符合以下条件：…): every stated fact is checked against every
    item, not only against the items retrieval happened to rank."""
    unit = ev.unit(clause_id)
    if not story or unit is None or not unit.parent_id:
        return [clause_id]
    if not any(r.lead == "requirement" for r in ev.readings(clause_id)):
        return [clause_id]
    return [clause_id, unit.parent_id]


class DefaultAnswerer:
    def answer(self, text: str, hits: list[Hit], ev: Evidence, q: Question | None = None) -> Answer:
        q = q or analyse(text)
        weights = idf_weights(q, ev.df, ev.n_units)
        if not q.concepts or not hits:
            return self._abstain(q, hits, "问题中没有可以在文件中检索的内容。")
        if not confident(q, hits, weights, ev.df, ev.corpus_text):
            return self._abstain(q, hits, "现有文件中没有找到能回答这个问题的条款。")
        outside = _only_excluded_topic(q, ev)
        if outside is not None:
            return self._abstain(q, hits, f"现有文件只在列举不适用的情形时提到「{outside}」，没有规定它本身的条件或标准。")
        if ev.named:
            named_hits = [h for h in hits if h.unit.doc_id in ev.named]
            hits = named_hits + [h for h in hits if h.unit.doc_id not in ev.named] if named_hits else hits
        if q.kind == "compare":
            return self._compare(q, hits, ev, weights)
        if q.kind == "yesno":
            # (…有没有尽职免责的说法: 说法 and 口径 are the rules' wording, naming which rules, not what)
            grounded = q.grounded(ev.known, KIND_WORDS + RULES_WORDING + tuple(ev.names))
            answer = self._yesno(grounded, hits, ev, idf_weights(grounded, ev.df, ev.n_units))
            if answer is not None:
                return answer
        spans = _dedupe(best_spans(hits, q, weights, whole_unit_chars=SHORT_CLAUSE))
        if ev.named:
            spans = [sp for sp in spans if sp.unit.doc_id in ev.named] + [sp for sp in spans if sp.unit.doc_id not in ev.named]
        if q.kind == "yesno":
            return self._fact(q, spans, note="文件没有明确规定，以下条款最相关：", ev=ev)
        return self._fact(q, spans, ev=ev)

    # --- kinds -------------------------------------------------------------------------

    def _yesno(self, q: Question, hits: list[Hit], ev: Evidence, weights: Weights) -> Answer | None:
        """Per document, the reading that decides; documents that disagree give 视情况而定."""
        pool: dict[str, list[Hit]] = {}
        for h in hits:
            pool.setdefault(h.unit.doc_id, []).append(h)
        for doc_id, hs in (ev.per_doc or {}).items():
            bucket = pool.setdefault(doc_id, [])
            bucket.extend(h for h in hs if all(h.clause_id != b.clause_id for b in bucket))
        if ev.named:
            pool = {d: hs for d, hs in pool.items() if d in ev.named} or pool
        per_doc: dict[str, tuple[Stance, Hit]] = {}
        met: dict[str, list[tuple[Stance, Hit]]] = {}
        drop = naming_words([c for c, _w in weights], ev.names, q.norm)
        # the words naming the lent money (拿到 of 续贷拿到的钱) frame a question about its use
        frame = lent_money_frame(q)
        story = any(c not in q.focus for c in q.concepts)
        # what a document's title says its every clause is about (续贷抵押登记 of a registration procedure)
        titled = {d: title_words(q, hs[0].unit.doc_title) - drop for d, hs in pool.items()}
        for doc_id, hs in pool.items():
            found: list[tuple[Stance, Hit]] = []
            seen: set[tuple[str, int]] = set()
            for h, cid in ((h, cid) for h in hs for cid in requirement_list(ev, h.clause_id, story)):
                for r, before in with_previous(ev.readings(cid)):
                    if (r.clause_id, r.start) in seen:
                        continue
                    seen.add((r.clause_id, r.start))
                    st = stance(q, r, weights, RENEWAL, drop, frame, carried_words(q, r, before) | titled[doc_id])
                    if st is not None:
                        found.append((st, h))
            if doc_id in ev.named:
                # asked under a named document: a stated fact outside what it applies to decides
                for r in ev.scopes(doc_id):
                    outside = out_of_scope(q, r, RENEWAL)
                    if outside is not None:
                        found.append((outside, hs[0]))
            best = best_stance([st for st, _h in found])
            if best is not None:
                per_doc[doc_id] = next((hedged_for_absolute(q, st), h) for st, h in found if st is best)
                met[doc_id] = _other_met(best, found)
        kept = beyond_timing({d: st for d, (st, _h) in per_doc.items()}, q)
        per_doc = {d: v for d, v in per_doc.items() if d in kept}
        if not per_doc or all(st.why == MET_ONE for st, _h in per_doc.values()):
            # nothing decides, or the story only meets a condition here and there: list what must hold
            listed = self._conditions(q, pool, ev)
            if listed is not None or not per_doc:
                return listed
        voting = votes({d: st for d, (st, _h) in per_doc.items()}, q)
        voters = {d: v for d, v in per_doc.items() if d in voting}
        # a document naming the asked class itself leads one that names only kinds of it
        # — and one holding the asked word itself one that holds a narrower kind of it (民间高利借贷)
        voters = dict(sorted(voters.items(), key=lambda kv: (-round(kv[1][0].strength, 2), kv[1][0].partial,
                                                             kv[1][0].term not in q.norm, kv[1][1].rank))[:MAX_VOTERS])
        overall = combine({d: st for d, (st, _h) in voters.items()}, q)
        label = verdict_word(q, overall)
        sides = {st.verdict for st, _h in voters.values()}
        if overall == "depends" and len(sides) > 1:
            head = f"{label}：各文件规定不同。"
        elif overall == "depends":
            why = next(st.why for st, _h in voters.values() if st.verdict == "depends")
            head = f"{label}：{why}。"
        else:
            head = f"{label}。"
        citations, findings, lines = [], [], []
        n = 0
        for doc_id, (st, h) in voters.items():
            # a 可以 from stated facts shows every condition they meet in that document, not only the first
            for k, (sti, hi) in enumerate([(st, h)] + (met.get(doc_id, []) if st.verdict == "yes" else [])):
                n += 1
                unit = ev.unit(sti.reading.clause_id) or hi.unit
                cit = _cite_reading(n, unit, sti.reading, hi.score)
                citations.append(cit)
                word = verdict_word(q, sti.verdict)
                summary = f"{word}（{sti.why}）：「{cit.quote}」" if sti.why else f"{word}：「{cit.quote}」"
                findings.append(Finding(doc_id, unit.doc_title, sti.verdict, summary, [cit.id], sti.partial))
                mark = f"{sum(1 for ln in lines if not ln.startswith('   ')) + 1}. " if k == 0 else "   另："
                lines.append(f"{mark}《{unit.doc_title}》{unit.ref}（{LEVELS.get(unit.level, '')}）——{summary}[{n}]")
        answer = head + "\n依据：\n" + "\n".join(lines)
        if ev.named and not any(d in ev.named for d in voters):
            answer += "\n（所问文件对此没有明确规定，以上为其他文件的规定。）"
        terms = sorted({st.term for st, _h in voters.values()})
        return Answer(q.text, answer, overall, False, citations, findings, kind=q.kind,
                      verdict_label=label, terms=terms)

    def _conditions(self, q: Question, pool: dict[str, list[Hit]], ev: Evidence) -> Answer | None:
        """「客户…，能续贷吗」 with no stated fact that a rule decides: 视情况而定, listing what must
        hold — the requirement list of the document asked about (or the best-ranked one)."""
        asked = [c for c in q.focus if not any(m in RENEWAL or any(m in n for n in ev.names) for m in c.members)]
        story = [c for c in q.concepts if c not in q.focus]
        if asked or not story or q.modality == "necessity":
            return None  # not a customer's story asking about renewal itself
        best: tuple[int, Hit, Unit] | None = None
        for doc_id, hs in pool.items():
            for h in hs:
                items = [r for r in ev.readings(h.clause_id) if r.lead == "requirement"]
                if not items:
                    continue
                unit = ev.unit(items[0].clause_id) or h.unit
                parent = ev.unit(unit.parent_id) if unit.parent_id else None
                rank = (doc_id not in ev.named if ev.named else 0, h.rank)
                if best is None or rank < best[0]:
                    best = (rank, h, parent or unit)
        if best is None:
            return None
        _rank, h, article = best
        items = [r for r in ev.readings(article.clause_id) if r.lead == "requirement"]
        cit = Citation.of(1, article, score=h.score)
        listed = "；".join(ITEM_MARK.sub("", r.text).rstrip("；;。") for r in items[:12])
        more = f"等 {len(items)} 项" if len(items) > 12 else ""
        label = verdict_word(q, "depends")
        answer = (f"{label}：问题没有说明《{article.doc_title}》{article.ref}要求的条件，须逐项核对：{listed}{more}。[1]")
        finding = Finding(article.doc_id, article.doc_title, "depends", f"须符合{article.ref}所列条件", [cit.id])
        return Answer(q.text, answer, "depends", False, [cit], [finding], kind=q.kind, verdict_label=label)

    def _fact(self, q: Question, spans: list[Span], note: str | None = None, ev: Evidence | None = None) -> Answer:
        if not spans:
            return self._abstain(q, [], "现有文件中没有找到能回答这个问题的条款。")
        whole_list = q.kind == "list" or "materials" in q.facets
        if q.kind == "list" and ev is not None:
            spans = [_promote_to_list(sp, ev) for sp in spans]
            spans = _dedupe(spans)
        if q.kind == "fact" and note is None:
            names = tuple(ev.names) if ev else ()
            stating = [sp for sp in spans[:5] if states_asked_value(q, sp.unit.text, names)]
            if not stating:
                # 「展期最长能展多久」: no clause found states a value of what is asked — a time limit, a
                # count, an amount or a rate — so the documents do not say it, whatever else they say nearby
                return self._abstain(q, spans and [Hit(spans[0].unit, spans[0].score)] or [],
                                     f"现有文件没有规定问题所问的{_facet_names(q)}。")
            # the answer leads with a clause stating the value asked, not with one nearby that states another
            spans = stating + [sp for sp in spans if sp not in stating]
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
        head = (note + "\n") if note else _lead(q, chosen[0])
        answer = head + "\n".join(lines)
        return Answer(q.text, answer, None, False, citations, findings, kind=q.kind)

    def _compare(self, q: Question, hits: list[Hit], ev: Evidence, weights: Weights) -> Answer:
        # the same rows and conflicts as the 一致性检查 tab, so Q&A and compliance staff see one picture
        docs = {d: v for d, v in ev.docs.items() if len(ev.named) < 2 or d in ev.named}
        q, weights, known = prepare_topic(q, weights, ev.names, ev.known)
        rows = doc_rows(q, weights, ev.per_doc or {}, docs, ev.readings, ev.unit, known)
        stated = [r for r in rows if r.citation is not None]
        if not stated:
            return self._abstain(q, hits, "各文件都没有与该主题直接相关的条款。")
        citations, findings, lines = [], [], []
        for n, r in enumerate(stated, 1):
            cit = replace(r.citation, id=f"c{n}")
            citations.append(cit)
            findings.append(Finding(r.doc_id, r.doc_title, r.verdict, f"{r.cell}：「{cit.quote}」", [cit.id]))
            lines.append(f"{n}. 《{r.doc_title}》{cit.clause}（{LEVELS.get(r.level, '')}）：{r.cell}：「{cit.quote}」[{n}]")
        answer = f"共 {len(stated)} 份文件有相关规定：\n" + "\n".join(lines)
        silent = [r.doc_title for r in rows if r.citation is None]
        if silent:
            answer += "\n未规定：" + "、".join(f"《{t}》" for t in silent)
        conflicts = find_conflicts(rows)
        for c in conflicts:
            reg = f"（监管通知一方：{c.regulator}）" if c.regulator else ""
            answer += f"\n差异（{c.kind}）：{c.description}{reg}"
        agreed = agreement(rows, conflicts)
        if agreed:
            answer += "\n" + agreed
        verdict = "depends" if len({r.verdict for r in stated if r.verdict}) > 1 else None
        return Answer(q.text, answer, verdict, False, citations, findings, kind="compare",
                      verdict_label=verdict_word(q, verdict))

    def _abstain(self, q: Question, hits: list[Hit], reason: str) -> Answer:
        text = f"文件未规定：{reason}"
        citations = []
        if hits:
            u = hits[0].unit
            text += f"\n最接近的条款是《{u.doc_title}》{u.ref}（相关度低，仅供参考）。"
            citations.append(Citation.of(1, u, 0, min(80, len(u.text)), hits[0].score))
        return Answer(q.text, text, None, True, citations, [], kind=q.kind)


_PARTS = re.compile(r"[^，,；;。]+")


def _only_excluded_topic(q: Question, ev: Evidence) -> str | None:
    """A fact asked about a thing the documents name only to exclude it (个人消费贷款额度上限多少):
    they say it is outside their reach, nothing of its own terms. Asked about renewal (个人消费贷款能
    续贷吗, 为什么不能续贷) the exclusion itself is the answer."""
    if q.kind not in ("fact", "list") or any(r in m for c in q.concepts for m in c.members for r in RENEWAL):
        return None
    found = [m for c in q.focus for m in c.members if not m.isascii() and ev.only_excluded(m)]
    return max(found, key=len) if found else None


# the units a value of each numeric facet comes in, and what states a time without a number
_FACET_UNITS = {"time": ("小时", "工作日", "日", "个月", "年"), "count": ("次",), "amount": ("万元",), "percent": ("%", "百分点")}
_FACET_NAMES = {"time": "时限", "count": "次数", "amount": "金额", "percent": "比例", "figure": "数值"}
_RELATIVE_VALUE = re.compile(r"(超过|高于|低于|少于|多于|等于|相同|相当|以内)[^，,。；;]{0,10}(额度|金额|期限|余额|比例)")
# a figure: a number with what it counts (500人, 3000万元, 三年, 20%) — not an article's or item's ordinal
_FIGURE = re.compile(r"(?<![第(（])(\d+(\.\d+)?|[一二两三四五六七八九十百千]+)\s*(%|％|[人万亿元年月日天次个倍户笔成期]|小时|工作日|百分点)")
# a length of time without a number (即来即办, 当日); a period (每年, 每季度), which answers how often
_SPAN_WORDS = re.compile(r"即来即办|即时|当场|当日|当天")
_PERIOD_WORDS = re.compile(r"每(个)?(年|半年|季度?|月|周|星期)")
# a moment: a side of an event or a part of a period — whose number a placeholder (*月底, ____年) leaves
# unsaid
_MOMENT_WORDS = re.compile(r"到期前|到期后|之前|之后|以前|(?<![*＊_＿×Xx])(?:[年月季]底|[年月季]末|[年月]初)")
# an amount stated against the original's (不得超过原贷款额度, 与原贷款相同): a limit on the amount too
_RELATIVE_AMOUNT = re.compile(r"(超过|高于|低于|少于|不超过|等于|相同|相当)[^，,。；;]{0,4}原[^，,。；;]{0,6}(额度|金额)")


# a numeral interrogative (多少, 几天, 多久, how long): the question asks for a value, not a method or a
# date (期限按什么来确定, 哪天起执行)
# (几 + a unit of measure: 几次, 几个工作日, 几成, 几个百分点)
_ASKS_VALUE = re.compile(r"多少|几(个)?(?:[次天回期年月周成倍]|小时|工作日|星期|百分点)|多久|多长|多大|多高|多快"
                         r"|how (much|many|long|fast|large|high)")
# …and of time, a length (多久, 几天, 几个月, how long) rather than a moment (几月底, 几号)
_ASKS_SPAN = re.compile(r"多久|多长|几(个)?(?:[天日周年]|小时|工作日|星期)|几个月|多少(个)?(?:[天日年]|小时|工作日|月)"
                        r"|how (long|fast|quickly)", re.I)
# …or how often (多久报一次, 每隔多长时间)
_ASKS_FREQUENCY = re.compile(r"(多久|多长时间)[^，,。；;？?]{0,6}一次|每隔(多久|多长)|how often", re.I)


def _numeric_facets(q: Question) -> list[str]:
    if not _ASKS_VALUE.search(q.norm):
        return []
    # a value asked of no measure the facets know (营业收入多少以下, 从业人员多少人): a figure of any kind —
    # not a number of things of another facet (多少材料), which a list answers
    return [f for f in q.facets if f in _FACET_UNITS] or ([] if q.facets else ["figure"])


def _facet_names(q: Question) -> str:
    return "、".join(_FACET_NAMES[f] for f in _numeric_facets(q)) or "内容"


# a rate named in a question (抵押率, 资产负债率, 利率): the character before 率 says which rate
_RATE_NAME = re.compile(r"[\u4e00-\u9fff]率")


def _rate_named(norm: str, text: str) -> bool:
    """Whether the clause names the rate the question names, if it names one (押率 of 抵押率 in the clause)."""
    names = [m.group(0) for m in _RATE_NAME.finditer(norm) if m.group(0) not in ("效率", "频率", "概率", "比率")]
    return not names or any(name in text for name in names)


def states_asked_value(q: Question, text: str, names: tuple[str, ...] = ()) -> bool:
    """Whether a clause states a value of what a fact question asks for: a time limit (1个工作日,
    即来即办), a count, an amount or a rate. A question asking none of these is answered by any clause."""
    facets = _numeric_facets(q)
    if not facets:
        return True
    if facets == ["figure"]:
        # (or a bound set by another value: 不超过拟归还贷款金额)
        return _FIGURE.search(text) is not None or _RELATIVE_VALUE.search(text) is not None
    units = {u for f in facets for u in _FACET_UNITS[f]}
    if not _rate_named(q.norm, text):
        return False   # 抵押率 asked: a clause stating 资金回笼率在5%以上 states another rate's value
    if not _names_the_measured(q, text, names):
        return False   # 贷款损失准备按多少比例计提: 资金回笼率在5%以上 is a percent of something else
    if any(x.unit in units for x in quantities(text)):
        return True
    if "amount" in facets and _RELATIVE_AMOUNT.search(text):
        return True
    if "time" not in facets:
        return False
    # a moment (到期前, 月底) answers when, not how long
    if _ASKS_FREQUENCY.search(q.norm):
        return _PERIOD_WORDS.search(text) is not None
    return _SPAN_WORDS.search(text) is not None or (not _ASKS_SPAN.search(q.norm) and _MOMENT_WORDS.search(text) is not None)


def _names_the_measured(q: Question, text: str, names: tuple[str, ...] = ()) -> bool:
    """Whether a clause names what the asked value measures: one of the question's nouns other than the words
    that only ask (比例, 上限, 最高) and a document's name — a value of one thing is no value of another. One
    will do: a story's people and places (养猪场老板, 张老板的厂房) stand beside the measure and name none."""
    # the words of the clause that asks the value (财政贴息比例是多少，怎么申请 asks it of 财政贴息)
    ask = _ASKS_VALUE.search(q.norm)
    said = []
    if ask:
        a, b = clause_bounds(q.norm, ask.start(), ask.end())
        said = [c for c in q.concepts if any(m in q.norm[a:b] for m in c.members)]
    measured = [c for c in dict.fromkeys(said + list(q.focus))
                if not any(_ONLY_ASKS.fullmatch(m) for m in c.members)
                and not any(m == n or n in m for m in c.members for n in names)
                and _noun(next((m for m in c.members if not m.isascii()), ""))]
    return not measured or any(c.match(text) > 0 for c in measured)


# words that only ask for a value, naming no measure (续贷额度 names one; 比例, 上限 do not)
_ONLY_ASKS = re.compile(r"比例|百分比|上限|下限|最高|最低|最多|最少|多少|几成|时限|多久|多长|ratio|maximum|minimum")


def _noun(word: str) -> bool:
    """A noun names a thing that has a value (计提 of 贷款损失准备, 抵押登记, 公积金贷款); a verb, an adverb or a
    determiner (办结, 最多, 同一个) says how it is asked. A word the segmenter guessed (时原 of 续贷时原抵押) is
    no word at all."""
    tagged = pos_tags(word) if word else ()
    # (a compound's head is its last word: 公积金|贷款 is a noun)
    return bool(tagged) and (tagged[-1][1].startswith("n") or tagged[-1][1] == "vn") and \
        all(in_dictionary(w) for w, _tag in tagged)


def _lead(q: Question, span: Span) -> str:
    """A fact question's first line: the parts of the deciding sentence that carry the fact
    asked (the time limit, the count, the amount), or the sentence itself."""
    if q.kind != "fact":
        return ""
    text = span.text
    wanted = [FACETS[f][1] for f in q.facets if f in ("time", "count", "amount", "percent")]
    parts = [m.group(0).strip() for m in _PARTS.finditer(text)]
    picked = [p for p in parts if any(rx.search(p) for rx in wanted)] if wanted else []
    body = "，".join(picked) if picked else text.rstrip("。；;")
    body = ITEM_MARK.sub("", body)
    return f"答：{body}（《{span.unit.doc_title}》{span.unit.ref}）。\n"


def _other_met(best: Stance, found: list[tuple[Stance, Hit]]) -> list[tuple[Stance, Hit]]:
    """The other conditions of one document that the question's stated facts meet (符合…（问题中为…）),
    each reading once, when the deciding one is itself such a check."""
    if best.verdict != "yes" or not best.why.startswith("符合"):
        return []
    out, seen = [], {(best.reading.clause_id, best.reading.start)}
    for st, h in found:
        key = (st.reading.clause_id, st.reading.start)
        if st.verdict == "yes" and st.why.startswith("符合") and "问题中为" in st.why and key not in seen:
            seen.add(key)
            out.append((st, h))
    return out[:MAX_MET]


def _cite_reading(n: int, unit: Unit, reading: Reading, score: float) -> Citation:
    """A citation whose quote is the deciding sentence; the clause stays in `text`."""
    return Citation.of(n, unit, reading.start, reading.end, score)


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
