"""The eval set is valid against the corpus: gold clauses exist, key facts are in them."""

from __future__ import annotations

from collections import Counter

from evals.cases import load_cases, validate


def test_every_case_is_valid(corpus_clauses):
    text = {c.clause_id: c.text for clauses in corpus_clauses.values() for c in clauses}
    assert validate(load_cases(), text) == []


def test_the_blind_split_is_well_formed(corpus_clauses):
    """Only its form is checked here (ids, gold clauses, verbatim facts), never its answers:
    the blind split is run once, at the end of a change."""
    text = {c.clause_id: c.text for clauses in corpus_clauses.values() for c in clauses}
    blind = load_cases(split="blind")
    assert len(blind) >= 100 and validate(blind, text) == []
    for name in ("sealed", "sealed3", "sealed34"):
        sealed = load_cases(split=name)
        assert len(sealed) >= 100 and validate(sealed, text) == []
    assert sum(1 for c in blind if c.kind == "oos") >= 15


def test_coverage_of_kinds_splits_and_documents(corpus_docs):
    cases = load_cases()
    assert len(cases) >= 120
    kinds = Counter(c.kind for c in cases)
    assert kinds["oos"] >= 15 and kinds["compare"] >= 8 and kinds["yesno"] >= 30 and kinds["list"] >= 8
    for split in ("dev", "test"):
        assert {c.kind for c in cases if c.split == split} == set(kinds)
    cited_docs = {g.split("/")[0] for c in cases for g in c.gold}
    assert cited_docs == set(corpus_docs)
    tags = Counter(t for c in cases for t in c.tags)
    assert tags["english"] >= 5 and tags["paraphrase"] >= 5
    assert {c.verdict for c in cases if c.kind == "yesno"} == {"yes", "no", "depends"}


def test_validator_catches_bad_cases(corpus_clauses):
    text = {c.clause_id: c.text for clauses in corpus_clauses.values() for c in clauses}
    bad = load_cases()[:1]
    from dataclasses import replace
    broken = [replace(bad[0], gold=["xudaitong/a99"]), replace(bad[0], id="x2", facts=["不存在的事实"])]
    problems = validate(broken, text)
    assert any("unknown gold" in p for p in problems) and any("none of its gold" in p for p in problems)


def test_the_comparison_sets_quote_their_clauses_verbatim(corpus_clauses):
    """Every comparison set (the sealed ones only by form until their one run): two sides from two
    documents, each quote found character for character in the clause it names."""
    import json
    from pathlib import Path
    text = {c.clause_id: c.text for clauses in corpus_clauses.values() for c in clauses}
    files = sorted((Path(__file__).parent / "data").glob("compare_*.jsonl"))
    assert len(files) >= 6
    for f in files:
        for line in f.read_text("utf-8").splitlines():
            if not line.strip():
                continue
            case = json.loads(line)
            assert case["expect"] in ("conflict", "agree"), (f.name, case["id"])
            sides = case.get("sides") or []
            if not sides:
                continue
            assert len({s["doc_id"] for s in sides}) == len(sides) >= 2, (f.name, case["id"])
            for s in sides:
                assert s["clause"].startswith(s["doc_id"] + "/") and s["quote"] in text[s["clause"]], (f.name, case["id"])
