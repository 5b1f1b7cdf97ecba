"""A plain-file BM25 index over pre-tokenized units (Okapi BM25, scores precomputed
per posting so a query is a few vector additions)."""

from __future__ import annotations

import json
import math
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

import numpy as np

from .tokenize import tokenize

K1 = 1.2
B = 0.75


@dataclass
class BM25Index:
    vocab: dict[str, int]
    ptr: np.ndarray        # term t's postings are [ptr[t], ptr[t+1])
    docs: np.ndarray       # unit index per posting
    scores: np.ndarray     # precomputed BM25 contribution per posting
    n_units: int

    @classmethod
    def build(cls, texts: Sequence[str]) -> "BM25Index":
        tokenized = [tokenize(t) for t in texts]
        n = len(tokenized)
        lengths = np.array([len(t) for t in tokenized], np.float32)
        avg = float(lengths.mean()) if n else 1.0
        postings: dict[str, list[tuple[int, int]]] = {}
        for i, toks in enumerate(tokenized):
            for term, tf in Counter(toks).items():
                postings.setdefault(term, []).append((i, tf))
        vocab = {term: k for k, term in enumerate(sorted(postings))}
        ptr = np.zeros(len(vocab) + 1, np.int64)
        docs_l: list[int] = []
        scores_l: list[float] = []
        for term, k in vocab.items():
            plist = postings[term]
            idf = math.log(1 + (n - len(plist) + 0.5) / (len(plist) + 0.5))
            for i, tf in plist:
                norm = tf + K1 * (1 - B + B * lengths[i] / (avg or 1.0))
                docs_l.append(i)
                scores_l.append(idf * tf * (K1 + 1) / norm)
            ptr[k + 1] = len(docs_l)
        return cls(vocab, ptr, np.array(docs_l, np.int32), np.array(scores_l, np.float32), n)

    def query(self, text: str) -> np.ndarray:
        """BM25 score of every unit for `text` (zeros when no term is known)."""
        out = np.zeros(self.n_units, np.float32)
        for term, qtf in Counter(tokenize(text)).items():
            k = self.vocab.get(term)
            if k is None:
                continue
            s, e = self.ptr[k], self.ptr[k + 1]
            out[self.docs[s:e]] += self.scores[s:e] * (1 + 0.2 * (qtf - 1))
        return out

    def df(self, term: str) -> int | None:
        """How many units contain `term`; None when the corpus never uses it."""
        k = self.vocab.get(term)
        return None if k is None else int(self.ptr[k + 1] - self.ptr[k])

    def save(self, directory: Path) -> None:
        np.savez(directory / "bm25.npz", ptr=self.ptr, docs=self.docs, scores=self.scores,
                 n_units=np.array([self.n_units]))
        (directory / "bm25_vocab.json").write_text(json.dumps(self.vocab, ensure_ascii=False), "utf-8")

    @classmethod
    def load(cls, directory: Path) -> "BM25Index":
        with np.load(directory / "bm25.npz") as data:
            ptr, docs, scores, n = data["ptr"], data["docs"], data["scores"], int(data["n_units"][0])
        vocab = json.loads((directory / "bm25_vocab.json").read_text("utf-8"))
        return cls(vocab, ptr, docs, scores, n)
