"""The retrieval QA chain: a langchain runnable `retriever | answerer`, and the
Assistant object that the CLI, the UI and the evals share."""

from __future__ import annotations

import time
from dataclasses import replace

from ingest.settings import Settings

from .answer import DefaultAnswerer, Evidence
from .consistency import topic_query
from .models import Answer, Hit, QueryError
from .question import analyse, strip_instructions
from .retrieve import HybridSearcher, as_retriever, clean_query, has_content

# how many clauses a question retrieves (top_k, per_doc_k) is in the settings


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
        """retriever | answerer, as langchain runnables."""
        if self._chain is None:
            from langchain_core.runnables import RunnableLambda, RunnableParallel, RunnablePassthrough

            retriever = as_retriever(self.searcher, k=self.settings.top_k)
            self._chain = (
                RunnableParallel(question=RunnablePassthrough(), docs=retriever)
                | RunnableLambda(self._answer_from_docs)
            )
        return self._chain

    def _answer_from_docs(self, inputs: dict) -> Answer:
        question: str = inputs["question"]
        hits: list[Hit] = [d.metadata["hit"] for d in inputs["docs"]]
        t0 = time.perf_counter()
        idx = self.searcher.index
        ev = Evidence(df=idx.bm25.df, n_units=len(idx.units),
                      docs={d: (meta["title"], meta["level"]) for d, meta in idx.docs.items()},
                      unit=lambda cid: idx.units[idx.position[cid]] if cid in idx.position else None)
        q = analyse(question)
        if q.kind == "compare":
            ev.per_doc = self.searcher.search_per_doc(topic_query(q, question), self.settings.per_doc_k)
        answer = self.answerer.answer(question, hits, ev)
        if self.llm is not None and not answer.abstained:
            answer = self.llm.answer(question, hits, answer)
        retrieved = [h.clause_id for h in hits]
        if ev.per_doc:
            # a comparison retrieves per document: report every clause it looked at, best first
            extra = sorted((h for hs in ev.per_doc.values() for h in hs), key=lambda h: -h.score)
            retrieved += [h.clause_id for h in extra if h.clause_id not in retrieved]
        return replace(answer, timings_ms={"answer": (time.perf_counter() - t0) * 1000}, retrieved=retrieved)

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
