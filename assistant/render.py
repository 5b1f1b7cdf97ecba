"""HTML for the web UI: the conversation (one answer per turn, with its badge, findings and
citation cards), the source viewer, the document tree, search hits, comparisons and quiz
results. Pure functions; every piece of corpus or user text is escaped here, and interactive
elements carry `data-act` attributes that app.py's one click handler turns into events."""

from __future__ import annotations

import re
import unicodedata
from html import escape
from typing import Iterable, Sequence

from ingest.clauses import Clause
from ingest.load import LEVELS

from .models import VERDICT_WORD, Answer, Citation, Hit

# The badge and the lead share one word. When the answerer has not chosen it (verdict_label
# None), the question's modality picks the pair: 「是否需要/须」 asks about an obligation
# (需要/不需要), anything else about a permission (可以/不可以).
NEED_WORD = {"yes": "需要", "no": "不需要", "depends": "视情况而定"}
_NEED_MODAL = re.compile(r"需|须|要不要|必须|应当|应该|得不得")
_LEAD_WORD = re.compile(r"^(视情况而定|不需要|不可以|需要|可以)(?=[。：:，,；;！\s]|$)")
_MODAL_TERMS = re.compile(r"^(可以|能否|是否|需要|能不能|可不可以|办理|规定|哪些|什么|多久|多少|如何)$")
BADGE_CLASS = {"yes": "badge-yes", "no": "badge-no", "depends": "badge-depends"}
ABSTAIN_WORD = "文件未规定"
EXAMPLES = ["质押贷款可以办理续贷通吗？", "续贷需要重新评估抵押物吗？", "注销抵押登记多久办结？",
            "同一笔贷款最多续贷几次？", "续贷要提前多久申请？", "各行对续贷资金用途的规定有何不同？"]


def level_name(level: str) -> str:
    return LEVELS.get(level, level)


def verdict_word(answer: Answer) -> str | None:
    """The one verdict word for the badge and the lead, or None (no verdict)."""
    if answer.abstained:
        return None
    if answer.verdict_label:
        return answer.verdict_label
    if answer.verdict is None:
        return None
    words = NEED_WORD if _NEED_MODAL.search(answer.question or "") else VERDICT_WORD
    return words.get(answer.verdict)


def emphasis_terms(answer: Answer) -> list[str]:
    """The asked terms to emphasise in sources: the answerer's, else the question's content words."""
    if answer.terms:
        return [t for t in answer.terms if t]
    from ingest.tokenize import terms

    seen: list[str] = []
    for tok, _ in terms(answer.question or ""):
        if len(tok) >= 2 and not _MODAL_TERMS.match(tok) and tok not in seen:
            seen.append(tok)
    return seen


def pretty_path(path: str) -> str:
    """「第二章适用对象和条件 > 第五条」 as 「第二章 适用对象和条件 › 第五条」."""
    parts = [re.sub(r"^(第[一二三四五六七八九十百零〇\d]+[编章节])(?=\S)", r"\1 ", p.strip()) for p in path.split(">")]
    return " › ".join(p for p in parts if p)


def highlight(text: str, marks: Sequence[tuple[int, int]] = (), terms: Iterable[str] = (), base: int = 0) -> str:
    """`text` escaped, with the spans `marks` (offsets relative to `base`) in <mark> and every
    occurrence of `terms` in <strong>. Built per character run, so tags always nest."""
    n = len(text)
    marked = [False] * n
    for s, e in marks:
        for i in range(max(0, s - base), min(n, e - base)):
            marked[i] = True
    strong = [False] * n
    for t in sorted({t for t in terms if t}, key=len, reverse=True):
        for m in re.finditer(re.escape(t), text):
            for i in range(m.start(), m.end()):
                strong[i] = True
    out, i = [], 0
    while i < n:
        j = i
        while j < n and marked[j] == marked[i] and strong[j] == strong[i]:
            j += 1
        chunk = escape(text[i:j])
        if strong[i]:
            chunk = f'<strong class="pq-term">{chunk}</strong>'
        if marked[i]:
            chunk = f'<mark data-testid="quote">{chunk}</mark>'
        out.append(chunk)
        i = j
    return "".join(out)


def _linkify(escaped: str, turn: int, ids: set[str]) -> str:
    """[n] markers in already escaped text become buttons that open the source."""
    def sub(m: re.Match) -> str:
        cid = f"c{m.group(1)}"
        if cid not in ids:
            return m.group(0)
        return (f'<button class="pq-ref" data-act="cite" data-turn="{turn}" data-cite="{cid}" '
                f'title="查看出处 [{m.group(1)}]">[{m.group(1)}]</button>')
    return re.sub(r"\[(\d{1,2})\]", sub, escaped)


# --- the conversation ------------------------------------------------------------------------

def badge(word: str | None, verdict: str | None, abstained: bool) -> str:
    if abstained:
        return f'<span class="pq-badge badge-none" data-testid="verdict">{ABSTAIN_WORD}</span>'
    if not word:
        return ""
    return f'<span class="pq-badge {BADGE_CLASS.get(verdict or "", "badge-none")}" data-testid="verdict">{escape(word)}</span>'


def _lead_and_body(answer: Answer, word: str | None) -> tuple[str, str]:
    text = answer.answer.strip()
    lead, _, body = text.partition("\n")
    if word:
        lead = _LEAD_WORD.sub(word, lead, count=1)   # the text never contradicts the badge
    return lead, body.strip()


def citation_card(turn: int, n: int, c: Citation, nearest: bool = False) -> str:
    head = "最接近的条款（相关度低，仅供参考）" if nearest else f"[{n}]"
    quote = c.quote if len(c.quote) <= 90 else c.quote[:88] + "…"
    return (f'<button class="pq-card" data-testid="citation" data-act="cite" data-turn="{turn}" data-cite="{escape(c.id)}"'
            f' title="在右侧查看原文">'
            f'<span class="pq-card-head"><b>{escape(head)}</b> 《{escape(c.doc_title)}》'
            f'<span class="pq-path">{escape(pretty_path(c.path) or c.clause)}</span>'
            f'<span class="pq-level">{escape(level_name(c.level))}</span></span>'
            f'<span class="pq-card-quote">「{escape(quote)}」</span></button>')


def _findings(answer: Answer, turn: int, ids: set[str]) -> str:
    rows = []
    for f in answer.findings:
        word = (NEED_WORD if _NEED_MODAL.search(answer.question or "") else VERDICT_WORD).get(f.verdict or "", "—")
        summary = re.sub(r"^(视情况而定|不需要|不可以|需要|可以)[：:]", "", f.summary).strip()
        refs = " ".join(f"[{cid[1:]}]" for cid in f.citation_ids)
        rows.append(f'<li><span class="pq-fv {BADGE_CLASS.get(f.verdict or "", "badge-none")}">{escape(word)}</span>'
                    f'<span>《{escape(f.doc_title)}》{_linkify(escape(refs), turn, ids)}'
                    f'<span class="pq-fsum">{escape(summary)}</span></span></li>')
    return f'<ol class="pq-findings" data-testid="findings">{"".join(rows)}</ol>' if rows else ""


def answer_as_text(answer: Answer) -> str:
    """The answer with its references, for the copy button."""
    word = verdict_word(answer)
    lead, body = _lead_and_body(answer, word)
    lines = [lead] if answer.verdict is not None else [lead, body]
    if answer.verdict is not None:
        for f in answer.findings:
            lines.append(f"- 《{f.doc_title}》{' '.join('[' + c[1:] + ']' for c in f.citation_ids)} {f.summary}")
    lines.append("")
    for n, c in enumerate(answer.citations, 1):
        lines.append(f"[{n}] 《{c.doc_title}》{c.clause}（{level_name(c.level)}，{pretty_path(c.path)}）：「{c.quote}」")
    return "\n".join(line for line in lines if line is not None).strip()


# an inline icon, not the 👍 emoji: bank desktops and the test browser often lack an emoji font
_THUMB = ('<svg class="pq-icon" viewBox="0 0 24 24" width="14" height="14" aria-hidden="true"{rot}><path fill="currentColor" '
          'd="M2 21h4V9H2v12zm20-11a2 2 0 0 0-2-2h-6.3l1-4.6v-.3c0-.4-.2-.8-.4-1.1L13.2 1 6.6 7.6C6.2 8 6 8.5 6 9v10a2 2 0 0 0 '
          '2 2h9c.8 0 1.5-.5 1.8-1.2l3-7.1c.1-.2.2-.5.2-.7v-2z"/></svg>')


def _feedback(turn: int, fb: dict | None) -> str:
    fb = fb or {}
    rating = fb.get("rating")
    buttons = "".join(
        f'<button class="pq-fb-btn{" pq-on" if rating == r else ""}" data-act="rate" data-turn="{turn}" '
        f'data-rating="{r}" data-testid="rate-{r}">{label}</button>' for r, label in (("up", _THUMB.format(rot="") + " 有用"), ("down", _THUMB.format(rot=' style="transform:scaleY(-1)"') + " 有误")))
    extra = ""
    if rating:
        saved = fb.get("note_saved")
        extra = (f'<div class="pq-note-row"><input class="pq-note-input" data-note-for="{turn}" maxlength="500" '
                 f'placeholder="补充说明（可选）：哪里有误、应依据哪一条" value="{escape(fb.get("note", ""))}" data-testid="note">'
                 f'<button class="pq-fb-btn" data-act="note" data-turn="{turn}" data-testid="note-submit">提交说明</button></div>'
                 f'<div class="pq-meta" data-testid="feedback-status">{"说明已保存。" if saved else "已记录，谢谢。"}</div>')
    if fb.get("error"):
        extra += f'<div class="pq-warn" data-testid="feedback-error">{escape(fb["error"])}</div>'
    return f'<div class="pq-fb" data-testid="feedback">这个回答：{buttons}{extra}</div>'


def render_reply(answer: Answer, turn: int, fb: dict | None = None) -> str:
    word = verdict_word(answer)
    ids = {c.id for c in answer.citations}
    lead, body = _lead_and_body(answer, word)
    parts = [f'<div class="pq-lead">{badge(word, answer.verdict, answer.abstained)}'
             f'<span data-testid="lead">{_linkify(escape(lead), turn, ids)}</span></div>']
    if answer.verdict is not None and answer.findings:
        parts.append(_findings(answer, turn, ids))
    elif body:
        parts.append(f'<div class="pq-body">{_linkify(escape(body), turn, ids)}</div>')
    for note in answer.notes:
        parts.append(f'<div class="pq-warn">{escape(note)}</div>')
    if answer.citations:
        cards = "".join(citation_card(turn, n, c, nearest=answer.abstained) for n, c in enumerate(answer.citations, 1))
        parts.append(f'<div class="pq-cards">{cards}</div>')
    parts.append(f'<div class="pq-tools"><button class="pq-tool" data-act="copy" data-turn="{turn}" data-testid="copy">复制答案（含引用）</button>'
                 f'<textarea class="pq-copy-src" hidden readonly>{escape(answer_as_text(answer))}</textarea></div>')
    parts.append(_feedback(turn, fb))
    return "".join(parts)


def render_error(message: str) -> str:
    return (f'<div data-testid="answer"><div class="pq-lead"><span class="pq-badge badge-none">无法回答</span>'
            f'<span data-testid="lead">{escape(message)}</span></div></div>')


def render_conversation(turns: Sequence[dict], scroll_to_last: bool = False) -> str:
    """Every turn: the question, then its one answer. `turns` items: question, resolved,
    answer (Answer | None), error (str | None), feedback (dict)."""
    if not turns:
        chips = "".join(f'<button class="pq-chip" data-act="ask" data-q="{escape(q)}">{escape(q)}</button>' for q in EXAMPLES)
        return (f'<div class="pq-empty" data-testid="empty"><p>输入续贷问题，助手依据监管通知和各行制度作答，'
                f'并给出每个结论所依据的条款原文；点击 [1] 等引用可查看原文。</p><div class="pq-chips">{chips}</div></div>')
    out = []
    for i, t in enumerate(turns):
        scroll = ' data-scroll="1"' if scroll_to_last and i == len(turns) - 1 else ""
        resolved = t.get("resolved")
        shown = escape(t["question"]) + (f'<span class="pq-meta">（理解为：{escape(resolved)}）</span>'
                                         if resolved and resolved != t["question"] else "")
        if t.get("answer") is not None:
            reply = render_reply(t["answer"], i, t.get("feedback"))
        else:
            reply = (f'<div class="pq-lead"><span class="pq-badge badge-none" data-testid="verdict">无法回答</span>'
                     f'<span data-testid="lead">{escape(t.get("error") or "")}</span></div>')
        out.append(f'<section class="pq-turn" id="pq-turn-{i}" data-testid="turn"{scroll}>'
                   f'<div class="pq-q" data-testid="question"><span class="pq-who">问</span><span>{shown}</span></div>'
                   f'<div class="pq-a" data-testid="answer">{reply}</div></section>')
    return "".join(out)


# --- documents: the tree, the source viewer, search ------------------------------------------

def _strip_label(text: str, label: str) -> int:
    """How many leading characters of `text` repeat the clause's own label (shown once, in bold)."""
    lead = len(text) - len(text.lstrip())
    norm = lambda s: unicodedata.normalize("NFKC", s).replace(" ", "")  # noqa: E731
    if label and norm(text[lead:lead + len(label)]) == norm(label):
        return lead + len(label)
    return 0


def _node(c: Clause, kids: dict[str, list[Clause]], doc: str, focus: str | None, marks, terms) -> str:
    children = kids.get(c.clause_id, [])
    own_end = children[0].start if children else c.end
    start = c.start + _strip_label(doc[c.start:own_end], c.label)
    segs = [(start, own_end)]
    if children and doc[children[-1].end:c.end].strip():
        segs.append((children[-1].end, c.end))
    body = "".join(highlight(doc[a:b].strip("\n"), marks, terms, base=a + (len(doc[a:b]) - len(doc[a:b].lstrip("\n"))))
                   for a, b in segs)
    cls = "pq-node pq-focus" if c.clause_id == focus else "pq-node"
    label = escape(c.label) if c.kind not in ("preamble", "title") else ""
    sub = "".join(_node(k, kids, doc, focus, marks, terms) for k in children)
    return (f'<div class="{cls}" id="cl-{escape(c.clause_id.replace("/", "-"))}" data-clause="{escape(c.clause_id)}" '
            f'data-testid="tree-node"><div class="pq-own"><b class="pq-label">{label}</b>'
            f'<span class="pq-text">{body}</span></div>{f"<div class=pq-kids>{sub}</div>" if sub else ""}</div>')


def _quote_span(doc: str, c: Clause | None, quote: str | None) -> list[tuple[int, int]]:
    """Where the quote sits in the document: searched inside its clause, so a sentence that
    also occurs elsewhere is marked at the cited place."""
    if c is None or not quote:
        return []
    k = doc.find(quote, c.start, c.end + 1)
    return [(k, k + len(quote))] if k >= 0 else []


def _children(clauses: Sequence[Clause]) -> dict[str, list[Clause]]:
    kids: dict[str, list[Clause]] = {}
    for c in clauses:
        if c.parent_id:
            kids.setdefault(c.parent_id, []).append(c)
    return kids


def render_document(meta: dict, clauses: list[Clause], focus: str | None = None, quote: str | None = None,
                    terms: Sequence[str] = ()) -> str:
    """The document as a tree: headings (章/节) > clauses (条/一、) > items (（一）) > sub-items,
    each label once, each item once; `focus` opened, marked and scrolled to."""
    doc = meta.get("text", "")
    by_id = {c.clause_id: c for c in clauses}
    marks = _quote_span(doc, by_id.get(focus or ""), quote)
    kids = _children(clauses)
    facts = [("发文/制定机构", meta.get("issuer")), ("类型", meta.get("kind")), ("层级", level_name(meta.get("level", ""))),
             ("地区", meta.get("region")), ("节选", "是（抓取不完整）" if meta.get("excerpt") else "否"),
             ("附件所属", meta.get("attachment_of")), ("来源", meta.get("source")), ("说明", meta.get("note"))]
    head = "".join(f"<tr><th>{escape(k)}</th><td>{escape(str(v))}</td></tr>" for k, v in facts if v)
    groups: list[tuple[str, list[str]]] = []
    for c in clauses:
        if c.parent_id:
            continue
        chain = " › ".join(pretty_path(p) for p in c.path.split(" > ")[:-1]) if " > " in c.path else ""
        if not groups or groups[-1][0] != chain:
            groups.append((chain, []))
        groups[-1][1].append(_node(c, kids, doc, focus, marks, terms))
    body = "".join(f'<details class="pq-chapter" open><summary>{escape(chain)}</summary>{"".join(nodes)}</details>'
                   if chain else "".join(nodes) for chain, nodes in groups)
    return (f'<div class="pq-doc" data-testid="document"><h3>《{escape(meta.get("title", ""))}》</h3>'
            f'<details class="pq-facts"><summary>文件信息 · {escape(level_name(meta.get("level", "")))}'
            f' · {sum(1 for c in clauses if not c.parent_id)} 条</summary><table class="pq-table">{head}</table></details>'
            f'{body}</div>')


def render_source(meta: dict, clauses: list[Clause], clause_id: str, quote: str | None, terms: Sequence[str],
                  label: str = "") -> str:
    """The source viewer: the cited clause inside its whole article (lead-in and items), the
    deciding sentence marked and the asked terms emphasised, with a link to the full document."""
    by_id = {c.clause_id: c for c in clauses}
    c = by_id.get(clause_id)
    if c is None:
        return render_source_empty(f"《{meta.get('title', '')}》中找不到条款 {clause_id}：索引可能已更新，请重新提问。")
    top = c
    while top.parent_id and top.parent_id in by_id:
        top = by_id[top.parent_id]
    doc = meta.get("text", "")
    marks = _quote_span(doc, c, quote)
    tree = _node(top, _children(clauses), doc, clause_id, marks, terms)
    note = "" if marks or not quote else '<div class="pq-meta">（引用句未能在原文中定位，以下为该条款全文。）</div>'
    return (f'<div class="pq-source" data-testid="source" data-doc="{escape(meta.get("doc_id", ""))}" '
            f'data-clause="{escape(clause_id)}"><div class="pq-source-head">{escape(label)}'
            f'<b>《{escape(meta.get("title", ""))}》</b><span class="pq-level">{escape(level_name(meta.get("level", "")))}</span>'
            f'<div class="pq-path">{escape(pretty_path(c.path))}</div></div>{note}<div class="pq-scroll">{tree}</div>'
            f'<button class="pq-tool" data-act="open" data-doc="{escape(meta.get("doc_id", ""))}" data-clause="{escape(clause_id)}"'
            f' data-quote="{escape(quote or "")}" data-testid="open-document">在「文件浏览」中查看全文</button></div>')


def render_source_empty(message: str = "点击回答中的 [1]、[2] 或引用卡片，在这里查看条款原文：依据的句子会被标出。") -> str:
    return f'<div class="pq-source pq-meta" data-testid="source-empty">{escape(message)}</div>'


def render_hits(hits: list[Hit], terms: Sequence[str] = ()) -> str:
    if not hits:
        return '<div class="pq-meta" data-testid="search-results">没有匹配的条款：换个说法或去掉“只搜索当前文件”试试。</div>'
    rows = "".join(
        f'<button class="pq-hit" data-act="open" data-doc="{escape(h.unit.doc_id)}" data-clause="{escape(h.unit.clause_id)}"'
        f' data-testid="hit"><span class="pq-card-head"><b>{i}.</b> 《{escape(h.unit.doc_title)}》'
        f'<span class="pq-path">{escape(pretty_path(h.unit.path))}</span></span>'
        f'<span class="pq-hit-text">{highlight(h.unit.text, (), terms)}</span></button>'
        for i, h in enumerate(hits, 1))
    return f'<div data-testid="search-results"><div class="pq-meta">共 {len(hits)} 条，按相关度排序；点击打开原文。</div>{rows}</div>'


def render_hint(message: str) -> str:
    return f'<div class="pq-meta" data-testid="hint">{escape(message)}</div>'


# --- consistency and quizzes -----------------------------------------------------------------

def render_comparison(comp) -> str:
    """One row per document with a provision, conflicting rows coloured, silent documents folded."""
    conflicted = {d for c in comp.conflicts for d in c.doc_ids}
    flags = "".join(f'<div class="pq-warn" data-testid="conflict">⚠ <b>{escape(c.kind)}</b>：{escape(c.description)}'
                    f'{"（监管通知一方：" + escape(c.regulator) + "）" if c.regulator else ""}</div>'
                    for c in comp.conflicts) or '<div class="pq-meta" data-testid="no-conflict">未发现差异。</div>'
    rows, silent = [], []
    for r in comp.rows:
        if r.status != "规定":
            silent.append(r)
            continue
        where = ""
        if r.citation:
            where = (f'<button class="pq-ref" data-act="open" data-doc="{escape(r.doc_id)}" data-clause="{escape(r.citation.clause_id)}"'
                     f' data-quote="{escape(r.citation.quote)}">{escape(r.citation.clause)}</button>「{escape(r.citation.quote)}」')
        cls = ' class="pq-conflict-row" data-conflict="1"' if r.doc_id in conflicted else ""
        rows.append(f'<tr{cls} data-testid="comparison-row"><td>《{escape(r.doc_title)}》<div class="pq-meta">{escape(level_name(r.level))}</div></td>'
                    f'<td class="pq-cell"><b>{escape(r.cell)}</b></td><td>{where}</td></tr>')
    fold = ""
    if silent:
        names = "".join(f"<li>《{escape(r.doc_title)}》（{escape(level_name(r.level))}）</li>" for r in silent)
        fold = (f'<details class="pq-silent" data-testid="silent"><summary>另有 {len(silent)} 份文件未规定</summary>'
                f'<ul>{names}</ul></details>')
    return (f'<div data-testid="comparison"><h4>{escape(comp.topic)}</h4>{flags}'
            f'<table class="pq-table pq-compare"><thead><tr><th>文件</th><th class="pq-cell">规定</th><th>依据</th></tr></thead>'
            f'<tbody>{"".join(rows)}</tbody></table>{fold}</div>')


from .consistency import COMPARISON_HEADERS, comparison_table  # noqa: E402,F401  (the one table of a report)


def render_quiz_result(questions, replies, clause_texts: dict[str, str]) -> str:
    """Score, then each question with the reply, the key and the clause with its sentence marked."""
    right = sum(1 for q, r in zip(questions, replies) if q.grade(r or ""))
    parts = [f'<div data-testid="quiz-result"><h4 data-testid="quiz-score">得分：{right}/{len(questions)}</h4>']
    for i, (q, r) in enumerate(zip(questions, replies), 1):
        ok = q.grade(r or "")
        text = clause_texts.get(q.clause_id, q.quote)
        k = text.find(q.quote)
        clause = highlight(text, [(k, k + len(q.quote))] if k >= 0 else [])
        mark = '<span class="pq-badge badge-yes">正确</span>' if ok else '<span class="pq-badge badge-no">错误</span>'
        parts.append(f'<details class="pq-qcard" data-testid="quiz-explanation"{"" if ok else " open"}>'
                     f'<summary>{mark}第 {i} 题：{escape(q.prompt)}<br>你的答案：{escape(r or "（未作答）")}'
                     f' · 正确答案：<b>{escape(q.answer)}</b></summary>'
                     f'<div class="pq-meta">《{escape(q.doc_title)}》{escape(q.clause)}</div>'
                     f'<div class="pq-clause">{clause}</div></details>')
    parts.append("</div>")
    return "".join(parts)
