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

# Colloquial or English forms -> the words the documents use. Domain vocabulary, not answers.
SYNONYMS: dict[str, tuple[str, ...]] = {
    "无还本续贷": ("续贷",), "借新还旧": ("续贷",), "转贷": ("续贷",), "续作": ("续贷",),
    "续期": ("续贷",), "周转": ("续贷",), "提前": ("到期前",), "存款单": ("存单",), "赌博": ("涉赌",),
    "吸毒": ("涉毒",), "钱": ("资金",), "定义": ("是指",), "含义": ("是指",), "撤掉": ("注销",),
    "撤销": ("注销",), "解押": ("注销",), "办完": ("办结",), "多长时间": ("时限",),
    "环节": ("流程",), "情形": ("情况",), "还清": ("结清",), "还完": ("结清",),
    "续贷利率": ("利率", "利息"), "步骤": ("流程",), "违反": ("违规",), "处罚": ("通报批评", "监管约谈"),
    "抵押物": ("抵押",), "押品": ("抵押物",), "质押物": ("质押",),
    "renewal": ("续贷",), "renew": ("续贷",), "renewed": ("续贷",), "renewals": ("续贷",), "rollover": ("续贷",), "refinance": ("续贷",),
    "pledge": ("质押",), "pledged": ("质押",), "mortgage": ("抵押",), "collateral": ("抵押", "担保"),
    "guarantee": ("保证", "担保"), "guarantor": ("保证人",), "loan": ("贷款",), "loans": ("贷款",),
    "credit": ("信用",), "unsecured": ("信用贷款",), "times": ("次数",), "几次": ("次数",), "多少次": ("次数",), "limit": ("额度", "上限"),
    "amount": ("额度",), "interest": ("利率",), "rate": ("利率",), "term": ("期限",),
    "deadline": ("时限",), "apply": ("申请",), "application": ("申请",), "materials": ("材料",),
    "documents": ("材料",), "registration": ("登记",), "cancel": ("注销",), "cancellation": ("注销",),
    "hour": ("小时",), "hours": ("小时",), "day": ("工作日",), "days": ("工作日",), "month": ("个月",),
    "purpose": ("用途",), "use": ("用途",), "funds": ("资金",), "overdue": ("逾期",),
    "deposit": ("存单",), "receivable": ("应收账款",), "receivables": ("应收账款",),
    "classification": ("分类",), "nonperforming": ("不良",), "whitelist": ("名单制",), "list": ("名单",),
    "small": ("小微企业",), "sme": ("小微企业",), "smes": ("小微企业",), "business": ("企业",),
    "consumer": ("消费性",), "project": ("项目贷款",), "revolving": ("循环贷款",), "bank": ("银行",),
    "regulator": ("银保监",), "notice": ("通知",), "eligible": ("条件",), "conditions": ("条件",),
    "requirements": ("条件",), "how": (), "many": (), "much": (), "long": ("时限",),
}


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
        _ready = True


def fingerprint() -> str:
    """Changes whenever the dictionary, stopwords or synonyms change: part of the index identity."""
    import hashlib
    h = hashlib.sha1()
    for name in ("userdict.txt", "stopwords.txt", "stopwords_en.txt"):
        h.update((DATA / name).read_bytes())
    h.update(repr(sorted(SYNONYMS.items())).encode())
    return h.hexdigest()[:12]


def normalize(text: str) -> str:
    """NFKC (full-width digits and letters to ASCII), lower case, no control characters."""
    text = unicodedata.normalize("NFKC", text).lower()
    return "".join(ch if ch.isprintable() or ch in "\n\t" else " " for ch in text)


@lru_cache(maxsize=4096)
def _cut(text: str) -> tuple[str, ...]:
    import jieba
    return tuple(jieba.cut_for_search(text, HMM=True))


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
        out.append((tok, SYNONYMS.get(tok, ())))
    return out


def tokenize(text: str) -> list[str]:
    """BM25 tokens: content words, with synonyms appended."""
    out: list[str] = []
    for tok, syns in terms(text):
        out.append(tok)
        out.extend(syns)
    return out
