from __future__ import annotations

from pathlib import Path

import pytest

from ingest.clauses import split_clauses
from ingest.load import SourceDoc, load_corpus

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
SEEDS = ROOT.parent / "shared" / "seeds"


@pytest.fixture(scope="session")
def corpus_docs() -> dict[str, SourceDoc]:
    docs, errors = load_corpus(CORPUS)
    assert not errors, errors
    return {d.doc_id: d for d in docs}


@pytest.fixture(scope="session")
def corpus_clauses(corpus_docs):
    return {doc_id: split_clauses(doc_id, d.text) for doc_id, d in corpus_docs.items()}
