"""Typed pipeline objects shared by retrieval, answering and the front ends."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Literal

from ingest.records import ClauseKind, Unit

# a yes/no question's conclusion: allowed, not allowed, or it depends (conditions apply, or
# the documents differ); None where there is no verdict (not a yes/no question, or abstained)
Verdict = Literal["yes", "no", "depends"]
# what a cited clause is in its document's tree (条, 一、 section, （一） item…)
Kind = ClauseKind

VERDICT_WORD = {"yes": "可以", "no": "不可以", "depends": "视情况而定"}


class QueryError(ValueError):
    """A question that cannot be processed; the message is shown to the user as is."""


@dataclass(frozen=True)
class Hit:
    unit: Unit
    score: float            # fused score, higher is better
    bm25: float = 0.0       # raw BM25 score (0 when not matched)
    dense: float = 0.0      # cosine similarity (0 when not in the dense top list)
    rank: int = 0

    @property
    def clause_id(self) -> str:
        return self.unit.clause_id


@dataclass(frozen=True)
class Citation:
    id: str
    doc_id: str
    doc_title: str
    level: str
    clause_id: str
    clause: str
    path: str
    quote: str
    text: str
    start: int              # offsets of the quote in the document text
    end: int
    score: float

    def to_json(self) -> dict:
        return asdict(self)

    @classmethod
    def of(cls, n: int | str, unit: Unit, start: int = 0, end: int | None = None, score: float = 0.0) -> "Citation":
        """The one way a citation is made: `unit.text[start:end]` quoted (offsets within the clause;
        the whole clause by default), located in the document, the clause kept in `text`."""
        end = len(unit.text) if end is None else end
        return cls(id=n if isinstance(n, str) else f"c{n}", doc_id=unit.doc_id, doc_title=unit.doc_title,
                   level=unit.level, clause_id=unit.clause_id, clause=unit.ref, path=unit.path,
                   quote=unit.text[start:end], text=unit.text, start=unit.start + start, end=unit.start + end,
                   score=round(score, 3))


@dataclass(frozen=True)
class Finding:
    doc_id: str
    doc_title: str
    verdict: Verdict | None
    summary: str
    citation_ids: list[str] = field(default_factory=list)
    # the verdict is 视情况而定 because only some kinds of what is asked are excluded (存单质押 of 质押贷款)
    partial: bool = False


@dataclass(frozen=True)
class Answer:
    question: str
    answer: str
    verdict: Verdict | None
    abstained: bool
    citations: list[Citation]
    findings: list[Finding]
    kind: str = "fact"
    timings_ms: dict[str, float] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    retrieved: list[str] = field(default_factory=list)
    # the one verdict word shown in the badge and leading the text, chosen by the question's
    # modality: 可以/不可以 for 能否, 需要/不需要 for 是否需要, 视情况而定
    verdict_label: str | None = None
    # the question's content terms as they appear in the cited text (for emphasis in the UI)
    terms: list[str] = field(default_factory=list)

    def to_json(self) -> dict:
        return {
            "question": self.question, "answer": self.answer, "verdict": self.verdict,
            "abstained": self.abstained, "kind": self.kind,
            "citations": [c.to_json() for c in self.citations],
            "findings": [asdict(f) for f in self.findings],
            "timings_ms": {k: round(v, 2) for k, v in self.timings_ms.items()},
            "notes": self.notes,
            "retrieved": self.retrieved,
            "verdict_label": self.verdict_label,
            "terms": self.terms,
        }
