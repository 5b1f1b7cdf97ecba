"""HTML for the web UI: answers with citation cards, the document browser, search
results. Pure functions; every piece of corpus or user text is escaped."""

from __future__ import annotations

from html import escape

from ingest.clauses import Clause
from ingest.load import LEVELS

from .models import VERDICT_WORD, Answer, Citation, Hit

BADGES = {v: (VERDICT_WORD[v], f"badge-{v}") for v in VERDICT_WORD} | {None: ("", "")}
ABSTAIN_BADGE = ("文件未规定", "badge-none")

CSS = """
.pq-badge{display:inline-block;padding:2px 10px;border-radius:12px;font-weight:600;margin-right:8px}
.badge-yes{background:#e3f5e1;color:#1b6e20}.badge-no{background:#fde4e4;color:#a11}
.badge-depends{background:#fff3d6;color:#8a5a00}.badge-none{background:#eceff1;color:#455a64}
.pq-answer{white-space:pre-wrap;line-height:1.7}
.pq-card{border:1px solid #d0d7de;border-radius:8px;padding:8px 12px;margin:8px 0;background:#fafbfc}
.pq-card summary{cursor:pointer}.pq-meta{color:#57606a;font-size:0.9em}
.pq-clause{white-space:pre-wrap;margin-top:6px;line-height:1.7}
.pq-clause mark{background:#ffe58f;padding:0 1px}
.pq-finding td,.pq-finding th{padding:4px 8px;border-bottom:1px solid #eee;text-align:left;vertical-align:top}
.pq-tree details{margin-left:1em}.pq-tree .pq-item{margin-left:1.5em;color:#333}
.pq-note{color:#8a5a00}
"""


def level_name(level: str) -> str:
    return LEVELS.get(level, level)


def badge(answer: Answer) -> str:
    label, cls = ABSTAIN_BADGE if answer.abstained else BADGES.get(answer.verdict, ("", ""))
    return f'<span class="pq-badge {cls}" data-testid="verdict">{escape(label)}</span>' if label else ""


def highlighted_clause(c: Citation) -> str:
    """The whole clause with the quoted sentence marked."""
    k = c.text.find(c.quote)
    if k < 0 or not c.quote:
        return escape(c.text)
    return escape(c.text[:k]) + "<mark>" + escape(c.quote) + "</mark>" + escape(c.text[k + len(c.quote):])


def citation_card(n: int, c: Citation, nearest: bool = False) -> str:
    title = "最接近的条款（相关度低，仅供参考）" if nearest else f"[{n}]"
    return (f'<details class="pq-card" data-testid="citation">'
            f'<summary><b>{escape(title)}</b> 《{escape(c.doc_title)}》{escape(c.clause)}'
            f' <span class="pq-meta">{escape(level_name(c.level))} · {escape(c.path)}</span><br>'
            f'「{escape(c.quote)}」</summary>'
            f'<div class="pq-clause" data-testid="clause-text">{highlighted_clause(c)}</div>'
            f'<div class="pq-meta">doc_id {escape(c.doc_id)} · 原文位置 {c.start}–{c.end} · 在「文件浏览」中可查看全文</div>'
            f'</details>')


def render_answer(answer: Answer) -> str:
    parts = [f'<div data-testid="answer">{badge(answer)}']
    parts.append(f'<div class="pq-answer">{escape(answer.answer)}</div>')
    for note in answer.notes:
        parts.append(f'<div class="pq-note">{escape(note)}</div>')
    if len(answer.findings) > 1 and any(f.verdict for f in answer.findings):
        rows = "".join(f"<tr><td>《{escape(f.doc_title)}》</td><td>{escape(BADGES.get(f.verdict, ('', ''))[0] or '—')}</td>"
                       f"<td>{escape(', '.join('[' + cid[1:] + ']' for cid in f.citation_ids))}</td></tr>"
                       for f in answer.findings)
        parts.append(f'<table class="pq-finding"><tr><th>文件</th><th>结论</th><th>依据</th></tr>{rows}</table>')
    for n, c in enumerate(answer.citations, 1):
        parts.append(citation_card(n, c, nearest=answer.abstained))
    parts.append("</div>")
    return "".join(parts)


def answer_as_text(answer: Answer) -> str:
    """The answer with its citations, for the copy button."""
    lines = [answer.answer, ""]
    for n, c in enumerate(answer.citations, 1):
        lines.append(f"[{n}] 《{c.doc_title}》{c.clause}（{level_name(c.level)}，{c.path}）")
    return "\n".join(lines).strip()


def render_error(message: str) -> str:
    return f'<div data-testid="answer"><span class="pq-badge badge-none">无法回答</span><div class="pq-answer">{escape(message)}</div></div>'


def render_document(meta: dict, clauses: list[Clause], focus: str | None = None) -> str:
    facts = [("标题", meta.get("title")), ("发文/制定机构", meta.get("issuer")), ("类型", meta.get("kind")),
             ("层级", level_name(meta.get("level", ""))), ("地区", meta.get("region")),
             ("节选", "是（抓取不完整）" if meta.get("excerpt") else "否"), ("附件所属", meta.get("attachment_of")),
             ("来源", meta.get("source")), ("说明", meta.get("note"))]
    head = "".join(f"<tr><th>{escape(k)}</th><td>{escape(str(v))}</td></tr>" for k, v in facts if v)
    children: dict[str, list[Clause]] = {}
    for c in clauses:
        if c.parent_id:
            children.setdefault(c.parent_id, []).append(c)
    items = []
    for c in clauses:
        if c.parent_id:
            continue
        open_attr = " open" if focus and (c.clause_id == focus or focus.startswith(c.clause_id + ".")) else ""
        sub = "".join(f'<div class="pq-item" id="{escape(k.clause_id)}">{escape(k.ref)}：{escape(k.text[:60])}'
                      f'{"…" if len(k.text) > 60 else ""}</div>' for k in children.get(c.clause_id, []))
        items.append(f'<details class="pq-card" data-testid="tree-clause"{open_attr}><summary><b>{escape(c.ref)}</b> '
                     f'<span class="pq-meta">{escape(c.path)}</span> {escape(c.title)}</summary>'
                     f'<div class="pq-clause">{escape(c.text)}</div>{sub}</details>')
    return (f'<div class="pq-tree" data-testid="document"><table class="pq-finding">{head}</table>'
            f'<p class="pq-meta">{len(clauses)} 个条款（含项）</p>{"".join(items)}</div>')


def render_hits(hits: list[Hit]) -> str:
    if not hits:
        return '<div class="pq-meta">没有匹配的条款。</div>'
    rows = "".join(f'<div class="pq-card"><b>{h.score:.3f}</b> 《{escape(h.unit.doc_title)}》{escape(h.unit.ref)} '
                   f'<span class="pq-meta">{escape(h.unit.path)}</span><div class="pq-clause">{escape(h.unit.text)}</div></div>'
                   for h in hits)
    return f'<div data-testid="search-results">{rows}</div>'


def render_comparison(comp) -> str:
    """One row per document: its level, what it says, the clause; conflicts on top."""
    flags = "".join(f'<div class="pq-note" data-testid="conflict">⚠ <b>{escape(c.kind)}</b>：{escape(c.description)}'
                    f'{"（监管通知一方：" + escape(c.regulator) + "）" if c.regulator else ""}</div>'
                    for c in comp.conflicts) or '<div class="pq-meta" data-testid="no-conflict">未发现差异。</div>'
    rows = []
    for r in comp.rows:
        quote = (f'{escape(r.citation.clause)}：「{escape(r.citation.quote)}」') if r.citation else ""
        rows.append(f"<tr><td>《{escape(r.doc_title)}》</td><td>{escape(level_name(r.level))}</td>"
                    f"<td><b>{escape(r.cell)}</b></td><td>{quote}</td></tr>")
    return (f'<div data-testid="comparison"><h4>{escape(comp.topic)}</h4>{flags}'
            f'<table class="pq-finding"><tr><th>文件</th><th>层级</th><th>规定</th><th>依据</th></tr>{"".join(rows)}</table></div>')


def render_quiz_result(questions, replies, clause_texts: dict[str, str]) -> str:
    """Score, then each question with the reply, the key and the clause with its sentence marked."""
    right = sum(1 for q, r in zip(questions, replies) if q.grade(r or ""))
    parts = [f'<div data-testid="quiz-result"><h4 data-testid="quiz-score">得分：{right}/{len(questions)}</h4>']
    for i, (q, r) in enumerate(zip(questions, replies), 1):
        ok = q.grade(r or "")
        text = clause_texts.get(q.clause_id, q.quote)
        k = text.find(q.quote)
        clause = (escape(text[:k]) + "<mark>" + escape(q.quote) + "</mark>" + escape(text[k + len(q.quote):])
                  if k >= 0 else escape(text))
        mark = '<span class="pq-badge badge-yes">正确</span>' if ok else '<span class="pq-badge badge-no">错误</span>'
        parts.append(f'<details class="pq-card" data-testid="quiz-explanation"{"" if ok else " open"}>'
                     f'<summary>{mark}第 {i} 题：{escape(q.prompt)}<br>你的答案：{escape(r or "（未作答）")}'
                     f' · 正确答案：<b>{escape(q.answer)}</b></summary>'
                     f'<div class="pq-meta">《{escape(q.doc_title)}》{escape(q.clause)}</div>'
                     f'<div class="pq-clause">{clause}</div></details>')
    parts.append("</div>")
    return "".join(parts)
