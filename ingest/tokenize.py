"""The one tokenizer for BM25, used at ingest and at query time: NFKC-folded text,
jieba with the domain dictionary (search mode, so 无还本续贷 also yields 续贷),
stopwords and punctuation removed, English and synonyms mapped to the corpus's terms."""

from __future__ import annotations

import logging
import re
import threading
import unicodedata
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"
_lock = threading.Lock()
_ready = False

GLOSSARY = DATA / "glossary.tsv"


def _load_glossary() -> tuple[dict[str, tuple[str, ...]], dict[str, tuple[str, ...]], dict[str, tuple[str, ...]]]:
    """Colloquial and English words -> the corpus's words, the classification families, and the word classes the
    question grammar reads (ingest/data/glossary.tsv, one entry a line with its reason)."""
    synonyms: dict[str, tuple[str, ...]] = {}
    families: dict[str, tuple[str, ...]] = {}
    classes: dict[str, tuple[str, ...]] = {}
    for n, line in enumerate(GLOSSARY.read_text("utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if cells[0] in ("@family", "@words"):
            if len(cells) < 4 or not cells[3].strip():
                raise ValueError(f"{GLOSSARY}:{n}: a {cells[0]} line is {cells[0]}, name, words, reason")
            (families if cells[0] == "@family" else classes)[cells[1]] = tuple(cells[2].split())
            continue
        if len(cells) < 3 or not cells[2].strip():
            raise ValueError(f"{GLOSSARY}:{n}: an entry is word, corpus words, reason (tab-separated)")
        synonyms[cells[0]] = tuple(w for w in cells[1].split(",") if w)
    return synonyms, families, classes


SYNONYMS, FAMILIES, WORD_CLASSES = _load_glossary()


def word_class(name: str) -> str:
    """A word class of the glossary as a regex alternation, longest word first (县城 before 县)."""
    return "(?:" + "|".join(map(re.escape, sorted(WORD_CLASSES[name], key=len, reverse=True))) + ")"


def _stopwords() -> frozenset[str]:
    words: set[str] = set()
    for name in ("stopwords.txt", "stopwords_en.txt"):
        words.update(w.strip() for w in (DATA / name).read_text("utf-8").split("\n") if w.strip())
    return frozenset(words)


STOPWORDS = _stopwords()
_TOKEN_OK = re.compile(r"[\w\u4e00-\u9fff]")


def _init() -> None:
    global _ready
    if _ready:
        return
    with _lock:
        if _ready:
            return
        import jieba
        jieba.setLogLevel(logging.WARNING)
        jieba.load_userdict(str(DATA / "userdict.txt"))
        # a glossary word is a word: 压着房本, 周转不开 must come out whole to be mapped
        for word in SYNONYMS:
            if not word.isascii():
                jieba.add_word(word)
        _ready = True


def fingerprint() -> str:
    """Changes whenever the dictionary, stopwords or synonyms change: part of the index identity."""
    import hashlib
    h = hashlib.sha1()
    for name in ("userdict.txt", "stopwords.txt", "stopwords_en.txt", "glossary.tsv"):
        h.update((DATA / name).read_bytes())
    h.update(repr(sorted(SYNONYMS.items())).encode())
    return h.hexdigest()[:12]


_t2s = None


def to_simplified(text: str) -> str:
    """Traditional characters (續貸) to simplified (续贷): officers in some regions type them."""
    global _t2s
    if _t2s is None:
        import opencc
        _t2s = opencc.OpenCC("t2s")
    return _t2s.convert(text)


def normalize(text: str) -> str:
    """NFKC (full-width digits and letters to ASCII), lower case, no control characters."""
    text = unicodedata.normalize("NFKC", text).lower()
    return "".join(ch if ch.isprintable() or ch in "\n\t" else " " for ch in text)


@lru_cache(maxsize=4096)
def _cut(text: str) -> tuple[str, ...]:
    import jieba
    return tuple(jieba.cut_for_search(text, HMM=True))


@lru_cache(maxsize=8192)
def cut_with_offsets(text: str) -> list[tuple[str, int, int]]:
    """Precise-mode words of `text` (as written, not normalized) with their offsets."""
    _init()
    import jieba
    return [(w, s, e) for w, s, e in jieba.tokenize(text, HMM=True)]


def in_dictionary(word: str) -> bool:
    """Whether jieba knows the word (its dictionary or ours), rather than having guessed it."""
    _init()
    import jieba
    return bool(jieba.dt.FREQ.get(word))


def dictionary_frequency(word: str) -> int:
    """How often jieba's dictionary (or ours) has seen the word; 0 when it has not."""
    _init()
    import jieba
    return int(jieba.dt.FREQ.get(word) or 0)


@lru_cache(maxsize=4096)
def pos_tags(text: str) -> tuple[tuple[str, str], ...]:
    """(word, part-of-speech tag) in precise mode: tells a noun the corpus lacks (外汇, 车险) from
    a colloquial verb it lacks (撤掉, 交上去)."""
    _init()
    import jieba.posseg
    return tuple((p.word, p.flag) for p in jieba.posseg.cut(text))


def terms(text: str) -> list[tuple[str, tuple[str, ...]]]:
    """Content tokens in order, each with the corpus words it maps to."""
    _init()
    out: list[tuple[str, tuple[str, ...]]] = []
    for raw in _cut(normalize(text)):
        tok = raw.strip()
        if not tok or tok in STOPWORDS or not _TOKEN_OK.search(tok):
            continue
        if tok.isascii() and len(tok) == 1 and not tok.isdigit():
            continue
        out.append((tok, SYNONYMS.get(tok, ()) or SYNONYMS.get(english_stem(tok), ())))
    return out


def english_stem(word: str) -> str:
    """The glossary's form of an inflected English word (completed → complete, processed → process,
    loans → loan, renewing → renew): the glossary lists base forms."""
    if not word.isascii() or not word.isalpha():
        return word
    for suffix, repl in (("ies", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", ""), ("d", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            base = word[: len(word) - len(suffix)] + repl
            if base in SYNONYMS:
                return base
    return word


def tokenize(text: str) -> list[str]:
    """BM25 tokens: content words, with synonyms appended."""
    out: list[str] = []
    for tok, syns in terms(text):
        out.append(tok)
        out.extend(syns)
    return out
