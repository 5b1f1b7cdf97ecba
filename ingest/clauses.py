"""Split a document's text into citable clauses (pure: no I/O).

The hierarchy is 编/章/节 (headings, kept in the path) > 条 or 一、 or an
unnumbered heading or 附件 (top clauses) > （一） items > 1. sub-items.
Markers are found anywhere, mid-line included (`第一章总则第一条为…`), and
accepted only in context: numbering must continue, and a marker inside a
sentence (`按照第七条规定`) is a cross-reference, not a heading.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .numerals import CN_NUMERAL_CHARS, cn_to_int, int_to_cn

SENTENCE_END = "。；;！？!?"
_PUNCT = set("。；;，,：:！？!?")
_REF_BEFORE = ("按照", "依照", "根据", "依据", "参照", "对照", "见", "按", "依", "照", "本办法", "本细则",
               "本规程", "本通知", "本指引", "本条", "前款", "及", "和", "与", "或", "至", "、", "第", "条", "款")
_REF_AFTER = ("规定", "的规定", "所述", "所列", "所称", "之规定", "、第", "至第", "和第", "或第", "及第", "中")

_NUM = rf"[{CN_NUMERAL_CHARS}]+|\d{{1,3}}"
_RE_HEADING = HEADING = re.compile(rf"第\s*({_NUM})\s*(编|章|节|条)")
_RE_SECTION = re.compile(r"([一二三四五六七八九十]{1,3})、")
_RE_ITEM = re.compile(r"[（(]\s*([一二三四五六七八九十]{1,3})\s*[)）]")
_RE_SUBITEM = re.compile(r"(?<![\d.．])(\d{1,2})\s*[.．、](?!\d)")
_RE_ATTACH = re.compile(r"^[ \t\u3000*]*附\s*件\s*(?:\d+|[一二三四五六七八九十]+)?\s*(?:[:：]|$)", re.M)

TOP_KINDS = ("article", "section", "heading", "attachment")


@dataclass(frozen=True)
class Clause:
    clause_id: str
    doc_id: str
    label: str          # the clause's own marker: 第五条, 三、, （二）, 1., 适用范围, 附件, 前言
    path: str           # heading chain, e.g. 第二章适用对象和条件 > 第六条 > （三）
    text: str
    start: int
    end: int
    kind: str           # preamble | title | article | section | heading | attachment | item | subitem
    parent_id: str | None = None
    ref: str = ""       # how a citation names it: 第六条（三）, 三、（一）, 适用范围
    title: str = ""     # a short heading for display: 适用对象, 登记申请材料

    @property
    def is_top(self) -> bool:
        return self.parent_id is None


@dataclass
class _Marker:
    kind: str           # part | chapter | subchapter | article | section | item | subitem | attachment | heading
    pos: int
    end: int            # end of the marker itself
    number: int
    label: str


def _line_start(text: str, pos: int) -> int:
    return text.rfind("\n", 0, pos) + 1


def _at_line_start(text: str, pos: int) -> bool:
    prefix = text[_line_start(text, pos):pos]
    return prefix.strip(" \t\u3000*") == ""


def _title_like_prefix(text: str, pos: int) -> bool:
    """True when everything from the line start to `pos` reads as a heading (no
    sentence punctuation): `…管理办法第一章总则` before `第一条`."""
    prefix = text[_line_start(text, pos):pos]
    return len(prefix) <= 80 and not any(ch in _PUNCT for ch in prefix)


def _after_sentence_end(text: str, pos: int) -> bool:
    before = text[:pos].rstrip(" \t\u3000")
    return bool(before) and before[-1] in SENTENCE_END + "：:"


def _looks_like_reference(text: str, pos: int, end: int) -> bool:
    before = text[max(0, pos - 3):pos]
    after = text[end:end + 3]
    return any(before.endswith(w) for w in _REF_BEFORE) or any(after.startswith(w) for w in _REF_AFTER)


def _candidates(text: str) -> list[_Marker]:
    found: list[_Marker] = []
    kinds = {"编": "part", "章": "chapter", "节": "subchapter", "条": "article"}
    for m in _RE_HEADING.finditer(text):
        n = cn_to_int(m.group(1))
        if n:
            found.append(_Marker(kinds[m.group(2)], m.start(), m.end(), n, f"第{int_to_cn(n) if m.group(1)[0] in CN_NUMERAL_CHARS else m.group(1)}{m.group(2)}"))
    for m in _RE_SECTION.finditer(text):
        n = cn_to_int(m.group(1))
        if n:
            found.append(_Marker("section", m.start(), m.end(), n, f"{m.group(1)}、"))
    for m in _RE_ITEM.finditer(text):
        n = cn_to_int(m.group(1))
        if n:
            found.append(_Marker("item", m.start(), m.end(), n, f"（{m.group(1)}）"))
    for m in _RE_SUBITEM.finditer(text):
        found.append(_Marker("subitem", m.start(), m.end(), int(m.group(1)), f"{int(m.group(1))}."))
    for m in _RE_ATTACH.finditer(text):
        found.append(_Marker("attachment", m.start() + len(m.group(0)) - len(m.group(0).lstrip(" \t\u3000*")), m.end(), 0, "附件"))
    found.extend(_unnumbered_headings(text))
    found.sort(key=lambda mk: (mk.pos, _RANK[mk.kind]))
    return found


_RANK = {"part": 0, "chapter": 1, "subchapter": 2, "attachment": 3, "heading": 3, "article": 4,
         "section": 4, "item": 5, "subitem": 6}


def _unnumbered_headings(text: str) -> list[_Marker]:
    """Short stand-alone lines such as 适用范围 followed by a paragraph."""
    out: list[_Marker] = []
    lines = text.split("\n")
    offset = 0
    starts = []
    for line in lines:
        starts.append(offset)
        offset += len(line) + 1
    for i, line in enumerate(lines):
        s = line.strip()
        if not (2 <= len(s) <= 10) or not all("\u4e00" <= ch <= "\u9fff" for ch in s):
            continue
        nxt = next((ln.strip() for ln in lines[i + 1:] if ln.strip()), "")
        if len(nxt) > len(s) + 4 and nxt[-1] in "。；;：:":
            pos = starts[i] + line.index(s)
            out.append(_Marker("heading", pos, pos + len(s), 0, s))
    return out


def _short_title(text: str) -> str:
    head = text.strip().split("\n", 1)[0].lstrip("*:： ")
    head = re.split(r"[，,。；;：:（(“\"]", head, maxsplit=1)[0]
    return head[:24]


class _Walker:
    """Accepts candidate markers in order, keeping the numbering state."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.last = {"part": 0, "chapter": 0, "subchapter": 0, "article": 0, "section": 0}
        self.top_kind: str | None = None
        self.item_open = False
        self.last_item = 0
        self.last_sub = 0
        self.top_pos = 0

    def accept(self, mk: _Marker) -> bool:
        t = self.text
        line_start = _at_line_start(t, mk.pos)
        if mk.kind in ("part", "chapter", "subchapter", "article", "section"):
            last = self.last[mk.kind]
            if mk.kind == "section" and (t[mk.end:mk.end + 1] in CN_NUMERAL_CHARS or t[mk.pos - 1:mk.pos] == "第"):
                return False  # 一、二级 / 第一、二款
            if line_start:
                ok = mk.number > last
            else:
                sequential = mk.number == last + 1
                context = _title_like_prefix(t, mk.pos) or _after_sentence_end(t, mk.pos)
                ok = sequential and context and not _looks_like_reference(t, mk.pos, mk.end)
            if not ok:
                return False
            self.last[mk.kind] = mk.number
            if mk.kind in ("part", "chapter", "subchapter"):
                for lower in ("chapter", "subchapter") if mk.kind == "part" else ("subchapter",) if mk.kind == "chapter" else ():
                    self.last[lower] = 0
                self.top_kind = None
            else:
                self.top_kind = mk.kind
                self.top_pos = mk.pos
            self._reset_items()
            return True
        if mk.kind == "attachment":
            self.top_kind = "attachment"
            self.top_pos = mk.pos
            self._reset_items()
            return True
        if mk.kind == "heading":
            if self.item_open or self.top_kind in ("article", "section"):
                return False
            if not any(ch in SENTENCE_END + "：:" for ch in t[self.top_pos:mk.pos]):
                return False  # a title line (of the document or of an attachment)
            self.top_kind = "heading"
            self.top_pos = mk.pos
            self._reset_items()
            return True
        if mk.kind == "item":
            if t[mk.pos - 1:mk.pos] in ("条", "款", "项", "第"):
                return False
            if mk.number == 1 or (self.item_open and mk.number == self.last_item + 1):
                self.item_open = True
                self.last_item = mk.number
                self.last_sub = 0
                return True
            return False
        if mk.kind == "subitem":
            prev = t[mk.pos - 1:mk.pos]
            if not (line_start or prev in "：:。；; \t\u3000" ):
                return False
            if mk.number == 1 or mk.number == self.last_sub + 1 and self.last_sub:
                self.last_sub = mk.number
                return True
            return False
        return False

    def _reset_items(self) -> None:
        self.item_open = False
        self.last_item = 0
        self.last_sub = 0


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while end > start and text[end - 1] in " \t\n\u3000":
        end -= 1
    while start < end and text[start] in " \t\n\u3000":
        start += 1
    return start, end


def split_clauses(doc_id: str, text: str) -> list[Clause]:
    """The clauses of one document, top clauses and their items, in reading order.
    Invariant: text[c.start:c.end] == c.text for every clause."""
    walker = _Walker(text)
    accepted: list[_Marker] = []
    for mk in _candidates(text):
        if accepted and accepted[-1].pos == mk.pos:
            continue
        if walker.accept(mk):
            accepted.append(mk)
    return _build(doc_id, text, accepted)


def _build(doc_id: str, text: str, markers: list[_Marker]) -> list[Clause]:
    clauses: list[Clause] = []
    used_ids: set[str] = set()

    def unique(cid: str) -> str:
        base, k = cid, 2
        while cid in used_ids:
            cid = f"{base}-{k}"
            k += 1
        used_ids.add(cid)
        return cid

    heading_stack: dict[str, str] = {}
    levels = ("part", "chapter", "subchapter")

    # Preamble: text before the first marker.
    first = markers[0].pos if markers else len(text)
    s, e = _trimmed(text, 0, first)
    if e > s:
        body = text[s:e]
        kind = "preamble" if any(ch in SENTENCE_END for ch in body) else "title"
        label = "前言" if kind == "preamble" else "标题"
        clauses.append(Clause(unique(f"{doc_id}/pre"), doc_id, label, label, body, s, e, kind, None, label, _short_title(body)))

    def boundary(i: int, stop_kinds: set[str]) -> int:
        for mk in markers[i + 1:]:
            if mk.kind in stop_kinds:
                return mk.pos
        return len(text)

    top_stop = {"part", "chapter", "subchapter", "article", "section", "heading", "attachment"}
    heading_count = 0
    top: Clause | None = None
    item: Clause | None = None
    for i, mk in enumerate(markers):
        if mk.kind in levels:
            line_end = text.find("\n", mk.pos)
            line_end = len(text) if line_end < 0 else line_end
            nxt = next((m.pos for m in markers[i + 1:] if m.pos > mk.pos), len(text))
            hs, he = _trimmed(text, mk.pos, min(line_end, nxt))
            heading_stack[mk.kind] = text[hs:he]
            for lower in levels[levels.index(mk.kind) + 1:]:
                heading_stack.pop(lower, None)
            top = item = None
            continue
        chain = [heading_stack[k] for k in levels if k in heading_stack]
        if mk.kind in ("article", "section", "heading", "attachment"):
            s, e = _trimmed(text, mk.pos, boundary(i, top_stop))
            if mk.kind == "article":
                seg = f"a{mk.number}"
            elif mk.kind == "section":
                seg = f"s{mk.number}"
            elif mk.kind == "heading":
                heading_count += 1
                seg = f"h{heading_count}"
            else:
                seg = "att"
            body = text[s:e]
            title = mk.label if mk.kind == "heading" else _short_title(text[mk.end:e])
            top = Clause(unique(f"{doc_id}/{seg}"), doc_id, mk.label, " > ".join(chain + [mk.label]),
                         body, s, e, mk.kind, None, mk.label, title)
            clauses.append(top)
            item = None
            continue
        if top is None:
            continue  # an item before any clause stays part of the preamble
        if mk.kind == "item":
            s, e = _trimmed(text, mk.pos, boundary(i, top_stop | {"item"}))
            item = Clause(unique(f"{top.clause_id}.i{mk.number}"), doc_id, mk.label,
                          f"{top.path} > {mk.label}", text[s:e], s, e, "item", top.clause_id,
                          top.ref + mk.label, _short_title(text[mk.end:e]))
            clauses.append(item)
            continue
        parent = item if item is not None and item.start <= mk.pos < item.end else top
        s, e = _trimmed(text, mk.pos, boundary(i, top_stop | {"item", "subitem"}))
        label = f"{mk.number}."
        clauses.append(Clause(unique(f"{parent.clause_id}.p{mk.number}"), doc_id, label,
                              f"{parent.path} > {label}", text[s:e], s, e, "subitem", parent.clause_id,
                              f"{parent.ref}第{mk.number}项", _short_title(text[mk.end:e])))
    return clauses
