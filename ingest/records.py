"""Records every layer shares: what an index holds for one clause, and the typed choices
for its kind. Nothing here does I/O or imports another module of the project, so the index
builder, the vector store and the assistant can all import it without importing each other."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, get_args

# What a clause is in its document's tree (see ingest/clauses.py): 前言, the bare title,
# a 条, a 一、 section, an unnumbered heading, an 附件, a （一） item, a 1. sub-item.
ClauseKind = Literal["preamble", "title", "article", "section", "heading", "attachment", "item", "subitem"]
CLAUSE_KINDS: tuple[str, ...] = get_args(ClauseKind)

# A document's standing: the regulator's notice, a bank's own rules, a template (范本).
Level = Literal["regulator", "bank", "template"]


@dataclass(frozen=True)
class Unit:
    """One indexed clause with what retrieval and citation need."""
    clause_id: str
    doc_id: str
    doc_title: str
    level: str          # a Level; read back from index files, so not narrowed at run time
    label: str
    ref: str
    path: str
    kind: ClauseKind
    parent_id: str | None
    start: int
    end: int
    text: str
    index_text: str     # what is embedded: document title, heading, the parent's lead-in, the clause
    title: str
    bm25_text: str = ""  # what BM25 sees: document title, heading, the clause (no lead-in: it would
                         # make every item of a list match the list's topic)
