"""The retrieval QA chain: a langchain runnable `retriever | answerer`, and the
Assistant object that the CLI, the UI and the evals share."""

from __future__ import annotations

import time
from dataclasses import dataclass, field, replace

from ingest.settings import Settings

from .answer import DefaultAnswerer, Evidence, names_a_document
from .consistency import prepare_topic, topic_search
from .evidence import idf_weights
from .models import Answer, Hit, QueryError
from .question import Question, analyse, strip_instructions, unfolded_words
from .reason import asks_a_use, sibling_words
from .retrieve import HybridSearcher, clean_query, has_content
from ingest.tokenize import FAMILIES, to_simplified

# how many clauses a question retrieves (top_k, per_doc_k) is in the settings


# what a figure in each unit measures, in the documents' words
UNIT_DIMENSION = {"万元": ("额度", "金额"), "元": ("额度", "金额"), "亿元": ("额度", "金额"), "次": ("次数",),
                  "%": ("比例",), "个月": ("期限",), "年": ("期限",)}


@dataclass(frozen=True)
class Request:
    """One question on its way through the chain."""
    text: str
    q: Question
    named: list[str]
    names: list[str] = field(default_factory=list)   # the words that named them (not content)
    joined: tuple[str, ...] = ()   # corpus words read from a verb and object split by a measure (欠息)
    hits: list[Hit] = field(default_factory=list)
    per_doc: dict[str, list[Hit]] = field(default_factory=dict)
    answer: Answer | None = None


class Assistant:
    """Loads the index and models once; answers many questions."""

    def __init__(self, settings: Settings | None = None, chat_model=None) -> None:
        """`chat_model`: any LangChain chat model for the optional LLM step (else POLICYQA_LLM)."""
        self.settings = settings or Settings.from_env()
        self.searcher = HybridSearcher(self.settings)
        self.answerer = DefaultAnswerer()
        self.llm = None
        if self.settings.llm or chat_model is not None:
            from .llm import make_llm_answerer
            self.llm = make_llm_answerer(self.settings, chat_model)
        self._chain = None

    @property
    def answerer_name(self) -> str:
        return f"LLM ({self.llm.name})" if self.llm else "默认（无需大模型，按条款原文作答）"

    def chain(self):
        """The request as LangChain runnables: read the question once, retrieve (per document too
        for yes/no and comparisons), answer from the clause readings, then the optional LLM step.
        `invoke`, `batch` and `stream` work as for any runnable; callbacks see each step."""
        if self._chain is None:
            from langchain_core.runnables import RunnableLambda

            # the request travels as one record, so concurrent questions never share state
            chain = (RunnableLambda(self.read, name="read_question")
                     | RunnableLambda(self._retrieve, name="retrieve")
                     | RunnableLambda(self._answer, name="answer"))
            if self.llm is not None:
                chain = chain | RunnableLambda(self._llm_step, name="llm")
            self._chain = chain | RunnableLambda(lambda req: req.answer, name="result")
        return self._chain

    def reading_answer(self, question: str) -> Answer:
        """The answer from the clause readings alone — read, retrieve, answer, no LLM step: what a
        comparison takes each document's row from (its verdict and deciding sentence), not text to show."""
        return self._answer(self._retrieve(self.read(question))).answer

    def read(self, question: str) -> Request:
        """The question as the corpus reads it: the documents it names, a verb and its object split
        by a measure (欠过两期的管理费) read, once, as the documents' word (欠费), and an English
        compound as the documents' one word (working-capital loan → 流动资金贷款)."""
        idx = self.searcher.index
        q = analyse(question)
        named, names = idx.namer.find(q.norm)
        joined = q.rejoined(idx.known_word).loan_kinds(idx.known_word).verbalized(idx.known_word).english_compounds(idx.known_word, tuple(names), tuple(idx.docs[d]["title"] for d in named if d in idx.docs))
        added = {m for c in joined.concepts for m in c.members} - {m for c in q.concepts for m in c.members}
        # the words the question's reading unfolded (税没按时交 → 欠税, 续不了贷 → 不能续贷) are not in its text, which
        # is what is searched: they are searched for too
        added |= unfolded_words(question, q)
        # a compound that is a document's name (rural commercial bank → 农村商业银行) says which rules, not what
        added = {m for m in added if not names_a_document(m, names)}
        return Request(question, joined, named, names, joined=tuple(sorted(added)))

    def _retrieve(self, req: Request) -> Request:
        query = to_simplified(req.text)
        siblings = sibling_words(req.q, self.searcher.index.known_word)
        if siblings:
            query += " " + " ".join(dict.fromkeys(siblings))
        # the documents' word read from a split verb and object (欠息) is searched for too
        if req.joined:
            query += " " + " ".join(req.joined)
        hits = self.searcher.search(query, k=self.settings.top_k)
        per_doc: dict[str, list[Hit]] = {}
        if req.q.kind == "compare":
            idx = self.searcher.index
            q, _w, known = prepare_topic(req.q, idf_weights(req.q, idx.bm25.df, len(idx.units)), req.names,
                                         idx.known_word)
            per_doc = topic_search(self.searcher, q, known, query, self.settings.per_doc_k)
            req = replace(req, q=q)
        elif req.q.kind == "yesno":
            # each document's rules on what a stated figure measures (借600万元 → 额度, 续过两次 → 次数) are
            # what the figure is checked against; whether the question is in scope is not decided by them
            dims = dict.fromkeys(d for n in req.q.numbers for d in UNIT_DIMENSION.get(n.unit, ()) if d not in req.q.norm)
            if asks_a_use(req.q) and "用途" not in req.q.norm:
                # asking to put the money to a use (贷下来的钱能拿去…): each document's rule on uses decides
                dims["用途"] = None
            per_doc = self.searcher.search_per_doc(" ".join([query, *dims]), self.settings.per_doc_k,
                                                   doc_ids=req.named or None)
        return replace(req, hits=hits, per_doc=per_doc)

    def _answer(self, req: Request) -> Request:
        t0 = time.perf_counter()
        idx = self.searcher.index
        ev = Evidence(df=idx.df, n_units=len(idx.units),
                      docs={d: (meta["title"], meta["level"]) for d, meta in idx.docs.items()},
                      unit=idx.unit_of, readings=idx.readings_of, scopes=idx.scopes,
                      per_doc=req.per_doc, named=req.named, names=req.names,
                      corpus_text=idx.text, only_excluded=idx.only_excluded)
        answer = self.answerer.answer(req.text, req.hits, ev, req.q)
        retrieved = [h.clause_id for h in req.hits]
        if req.per_doc:
            # per-document retrieval: report every clause it looked at, best first
            extra = sorted((h for hs in req.per_doc.values() for h in hs), key=lambda h: -h.score)
            retrieved += [h.clause_id for h in extra if h.clause_id not in retrieved]
        answer = replace(answer, timings_ms={"answer": (time.perf_counter() - t0) * 1000}, retrieved=retrieved)
        return replace(req, answer=answer)

    def _llm_step(self, req: Request) -> Request:
        if req.answer is None or req.answer.abstained:
            return req
        return replace(req, answer=self.llm.answer(req.answer.question, req.hits, req.answer))

    def ask(self, question: str) -> Answer:
        """One answer. Raises QueryError for a question that cannot be asked (empty, too long)."""
        text = clean_query(question, self.settings.max_question_chars)
        if not has_content(text):
            raise QueryError("问题只有标点或符号：请用文字描述要查询的续贷问题。")
        t0 = time.perf_counter()
        asked, dropped = strip_instructions(text)
        notes = ["问题中的指令性内容（如「忽略以上指令」）已被忽略：助手只依据文件条款作答。"] if dropped else []
        if not has_content(asked):
            answer = self.answerer.answer(text, [], Evidence(df=lambda _t: None, n_units=0))
        else:
            answer = self.chain().invoke(asked)
        total = (time.perf_counter() - t0) * 1000
        answer_ms = answer.timings_ms.get("answer", 0.0)
        return replace(answer, question=text, notes=answer.notes + notes,
                       timings_ms={"retrieve": total - answer_ms, "answer": answer_ms, "total": total})
