"""Which documents a question names (「按续贷通2.0…」, 「我们村镇银行的细则里…」, 「黑龙江农信社」).

Names are derived from each document's metadata — title, issuer, region, kind — by the
ways Chinese bank names are shortened (农村商业银行 → 农商行, 农村信用社 → 农信社, 省/市 dropped,
a product's quoted name and version), so a document added with `ingest add` is named the
same way. Nothing here lists a particular document."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.tokenize import normalize, pos_tags

# (long form, short form): how institution names are shortened in speech
SHORTEN = (("农村商业银行", "农商行"), ("农商银行", "农商行"), ("农村信用社", "农信社"), ("农村信用合作社", "农信社"),
           ("农村合作银行", "农合行"), ("村镇银行", "村镇银行"), ("商业银行", "商行"), ("股份有限公司", ""),
           ("银保监分局", "银保监"), ("银保监局", "银保监"))
_INSTITUTION = re.compile(r"([\u4e00-\u9fff]{0,8}?)(农村商业银行|农商银行|农村信用社|农村信用合作社|农村合作银行|村镇银行|"
                          r"银保监分局|银保监局|信用社|银行|分局)")
_PRODUCT = re.compile(r"[“\"「]([^”\"」]{2,12})[”\"」]\s*[(（]?\s*(\d+(?:\.\d+)?)?")
KIND_WORDS = _KIND_WORDS = ("通知", "管理办法", "实施细则", "细则", "操作规程", "规程", "操作指引", "指引", "范本", "办法", "意见")
# what the rules are called, besides the documents' kind words
RULES_NOUNS = KIND_WORDS + ("政策", "制度", "规定")
_PLACE = re.compile(r"^(.{2,4}?)(省|市|自治区|县|区)")
_NOISE = re.compile(r"[*_＿“”\"「」《》()（）\s]")
_GENERIC = {"银行", "商行", "分局", "信用社", "小微企业", "续贷", "贷款", "业务"}


@dataclass(frozen=True)
class DocName:
    doc_id: str
    aliases: tuple[str, ...]


def _clean(text: str) -> str:
    return _NOISE.sub("", normalize(text or ""))


def aliases(doc_id: str, title: str, issuer: str = "", kind: str = "", region: str = "") -> set[str]:
    out: set[str] = set()
    t = _clean(title)
    if len(t) >= 4:
        out.add(t)
    iss = _clean(issuer)
    if iss and iss not in ("未注明", "xx"):
        out.add(iss)
    for source in (normalize(title), normalize(issuer or "")):
        for m in _INSTITUTION.finditer(_NOISE.sub("", source)):
            head, inst = m.group(1), m.group(2)
            head = re.sub(r"^(xx|XX|\*+|_+)", "", head)
            place = _PLACE.match(head)
            heads = {head} | ({place.group(1), head[place.end():]} if place else set())
            shorts = {inst} | {short for long, short in SHORTEN if long == inst and short}
            for h in heads:
                for s in shorts:
                    if h and len(h) >= 2:
                        out.add(h + s)
                    if s not in _GENERIC and len(s) >= 3:
                        out.add(s)
            if place:
                out.add(place.group(1))
    for m in _PRODUCT.finditer(title):
        name, version = m.group(1), m.group(2)
        out.add(name)
        if version:
            out.update({f"{name}{version}", f"{name}{version}版", f"{name}{version}版本"})
    kind_word = next((k for k in _KIND_WORDS if t.endswith(k)), kind or "")
    places = set(re.findall(r"([\u4e00-\u9fff]{2,4}?)(?:省|市|自治区|县)", _clean(region or "")))
    head = _INSTITUTION.match(iss)
    if head and len(head.group(1)) >= 2:
        places.add(head.group(1))
    if kind_word and t.endswith(kind_word):
        out |= _subject_kind_names(t[:-len(kind_word)], kind_word)
    if kind_word:
        out.add(kind_word)
        for place in places:
            out.update({place + kind_word, place + "的" + kind_word, place})
    out |= _dated_names(t, kind_word)
    return {a for a in out if a and a not in _GENERIC and len(a) >= 2}


def _dated_names(title: str, kind_word: str) -> set[str]:
    """A title opening with its year is said by the year (2024年), and by the year with its kind word, the 年
    often dropped (2024细则, 2024实施细则)."""
    year = re.match(r"(\d{4})年", title)
    if not year:
        return set()
    kinds = {kind_word, kind_word[-2:]} if kind_word else set()
    return {year.group(1) + "年"} | {year.group(1) + k for k in kinds}


def _subject_kind_names(before: str, kind_word: str) -> set[str]:
    """A title names its subject right before its kind word (…抵押登记操作规程): officers name the document
    by that subject with the kind word, each shortened to its head as compounds are (登记规程, 抵押登记规程)."""
    tags = pos_tags(before)
    if not tags:
        return set()
    noun, tag = tags[-1]
    if tag not in ("n", "nz", "vn") or len(noun) < 2 or noun in _GENERIC:
        return set()
    nouns = {noun} | ({noun[-2:]} if len(noun) == 4 else set())
    kinds = {kind_word} | ({kind_word[-2:]} if len(kind_word) == 4 else set())
    return {n + k for n in nouns for k in kinds}


class DocNamer:
    """Finds the documents a question names; an alias shared by several documents names all of
    them (「续贷通」: both versions) unless a longer alias picks one (「续贷通2.0」)."""

    def __init__(self, docs: dict[str, dict]) -> None:
        raw = {d: aliases(d, m.get("title", ""), m.get("issuer", ""), m.get("kind", ""), m.get("region", ""))
               for d, m in docs.items()}
        owners: dict[str, set[str]] = {}
        for d, names in raw.items():
            for a in names:
                owners.setdefault(a, set()).add(d)
        # a kind word (办法, 细则) shared by several documents names none of them
        self.owners = {a: ds for a, ds in owners.items()
                       if len(ds) == 1 or not any(a.endswith(k) for k in _KIND_WORDS)}
        # …but it still narrows what other words name: 「赣州那个…操作规程」 is the one of 赣州's that is one
        self.kinds = {a: ds for a, ds in owners.items() if a not in self.owners}
        self.names = [DocName(d, tuple(sorted(n, key=len, reverse=True))) for d, n in raw.items()]
        self.titles = {d: spoken_forms(_clean(m.get("title", ""))) for d, m in docs.items()}
        # Latin letters a title itself holds (XX农商银行): said in English, they are still the name's
        self.latin = frozenset(w for title in self.titles.values() for w in re.findall(r"[a-z]+", title.lower()))

    def named(self, norm_question: str) -> list[str]:
        return self.find(norm_question)[0]

    def find(self, norm_question: str) -> tuple[list[str], list[str]]:
        """(documents named, the words that named them)."""
        q = " ".join([spoken_forms(_clean(norm_question))]
                     + [spoken_forms(r) for r in english_renderings(norm_question, self.latin)])
        found = [(a, ds) for a, ds in self.owners.items() if a in q and len(ds) < max(2, len(self.names) // 2)]
        if not found:
            return [], []
        # drop aliases inside a longer found alias (续贷通 inside 续贷通2.0)
        # — in a comparison only where it stands inside it: 「续贷通跟续贷通2.0比」 names both versions, while
        # 「按续贷通2.0…能办续贷通吗」 names the one
        from .question import question_kind
        comparing = question_kind(q) == "compare"
        kept = []
        for a, ds in found:
            longer = [b for b, _ in found if a != b and a in b]
            if not (_only_inside(a, longer, q) if comparing else longer):
                kept.append((a, ds))
        found = kept
        if not comparing:
            # 「赣州那边的登记操作规程」: a word several documents share (赣州) together with one that
            # picks one of them describes that one — outside a comparison, which names each side
            found = [(a, _narrowed(ds, found)) for a, ds in found]
        docs: set[str] = set()
        for _a, ds in found:
            docs |= ds
        if not comparing and len(docs) > 1 and all(len(ds) > 1 for _a, ds in found):
            # (only when no word names one document: 「指引、范本和黑龙江的办法」 lists three)
            for a, ds in self.kinds.items():
                if a in q and docs & ds and docs & ds != docs:
                    docs &= ds
        return sorted(docs), [w for a, ds in found for w in self._as_titled(a, ds, q)]

    def _as_titled(self, alias: str, docs: set[str], q: str) -> list[str]:
        """The alias, and the words said right before it that its document's title has right before it
        too (XX农商行 from 「XX农商银行…办法」, 玉泉蒙银村镇银行): they are part of the name, not of what is asked."""
        out = [alias]
        titles = [self.titles.get(d, "") for d in docs]
        k = q.find(alias)
        while k >= 0:
            j = k
            while j > 0 and any(q[j - 1:k + len(alias)] in t for t in titles):
                j -= 1
            if j < k:
                out.append(q[j:k + len(alias)])
            k = q.find(alias, k + 1)
        return out


def spoken_forms(text: str) -> str:
    """`text` with institution names in their full form said short, as the aliases are derived
    (农村商业银行 → 农商行): a question may use either form. Only a short form that can name (not 商行, which
    would leave 商业银行 inside 农村商业银行 naming another bank's document)."""
    for long, short in SHORTEN:
        if short and long != short and short not in _GENERIC and len(short) >= 3:
            text = text.replace(long, short)
    return text


_WHEN = frozenset("in since during until by before after from of on".split())
_EN_WORD = re.compile(r"[a-z]+|\d+(?:\.\d+)?|[^\x00-\x7f]+")


def english_rendering(norm_question: str, latin: frozenset[str] = frozenset(),
                      chosen: dict[str, str] | None = None) -> str:
    """An English question's names in the documents' words, word by word through the glossary
    (Heilongjiang rural credit cooperatives → 黑龙江农村信用社, the Ganzhou notice → 赣州通知, the 2024
    rules → 2024年细则), so a document is named in English by the same derived aliases. Empty for a
    question with no English word."""
    text = normalize(norm_question)
    if not re.search(r"[a-z]{3,}", text):
        return ""
    out = []
    words = _EN_WORD.findall(text)
    for k, w in enumerate(words):
        if w.isascii() and w.isalpha():
            forms = (chosen[w],) if chosen and w in chosen else _senses(w)
            out.append(forms[0] if forms else w if w in latin else "")
        elif re.fullmatch(r"(19|20)\d\d", w) and (k == 0 or words[k - 1] not in _WHEN):
            out.append(w + "年")   # a year names a document as 2024年 does — not a date of the story (in 2024)
        else:
            out.append(w)
    return _clean("".join(out))


def _senses(word: str) -> tuple[str, ...]:
    """The documents' words an English word maps to, as the glossary lists them (its stem's, failing its own)."""
    from ingest.tokenize import SYNONYMS, english_stem
    if not (word.isascii() and word.isalpha()):
        return ()
    return SYNONYMS.get(word, ()) or SYNONYMS.get(english_stem(word), ())


def english_renderings(norm_question: str, latin: frozenset[str] = frozenset()) -> list[str]:
    """The English question rendered with each word's first form, and again with each other form a word
    has (operating: 经营性贷款 of an operating loan, 操作 of the operating guideline), one word at a time: a
    title's word is then found whichever sense the glossary lists first."""
    base = english_rendering(norm_question, latin)
    if not base:
        return []
    out = [base]
    for w in dict.fromkeys(_EN_WORD.findall(normalize(norm_question))):
        for other in _senses(w)[1:]:
            out.append(english_rendering(norm_question, latin, {w: other}))
    return out


def _narrowed(ds: set[str], found: list[tuple[str, set[str]]]) -> set[str]:
    """A shared alias's documents, narrowed to those another found alias picks among them."""
    picked = set().union(*(other for _b, other in found if other < ds)) if len(ds) > 1 else set()
    return picked or ds


def _only_inside(alias: str, longer: list[str], q: str) -> bool:
    """Whether every occurrence of `alias` in `q` is part of an occurrence of a longer alias."""
    if not longer:
        return False
    covered = set()
    for b in longer:
        k = q.find(b)
        while k >= 0:
            covered.update(range(k, k + len(b)))
            k = q.find(b, k + 1)
    k = q.find(alias)
    while k >= 0:
        if not set(range(k, k + len(alias))) <= covered:
            return False
        k = q.find(alias, k + 1)
    return True
