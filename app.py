"""续贷政策助手 — web UI. `python app.py` builds the index on first start and serves
on http://127.0.0.1:7860 (POLICYQA_HOST / POLICYQA_PORT to change)."""

from __future__ import annotations

import random
import sys
import tempfile
import time
from functools import lru_cache
from pathlib import Path

from ingest.settings import Settings

MAX_HISTORY = 20          # turns kept in a conversation (older ones scroll away)
MAX_QUIZ = 10
FEEDBACK_TIMEOUT = 2.0    # seconds a UI request waits for a locked feedback database

# Runs before gradio's own bundle (injected into the page's <head> by EarlyHead below): the
# UI is Chinese-only, so gradio's built-in texts follow zh-CN whatever the browser's language,
# and the few strings gradio hard-codes in English are replaced where they appear. It also
# announces the question length limit while typing, before anything is cut.
EARLY_JS = r"""
(function () {
  try {
    Object.defineProperty(navigator, 'language', {get: function () { return 'zh-CN'; }});
    Object.defineProperty(navigator, 'languages', {get: function () { return ['zh-CN', 'zh']; }});
  } catch (e) {}
  var T = {
    'This application is currently busy. Please try again.': '系统繁忙：当前提问人数较多，请稍后再试。',
    'Connection errored out.': '与服务器的连接中断，请刷新页面后重试。',
    'Could not resolve app config.': '无法连接到服务器，请刷新页面后重试。',
    'Copy': '复制', 'Copied': '已复制', 'Copy message': '复制', 'Scroll down': '滚动到底部',
    'Error': '错误', 'Close': '关闭'
  };
  function fix(root) {
    var w = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    var n;
    while ((n = w.nextNode())) {
      var k = n.nodeValue.trim();
      if (k && T[k]) n.nodeValue = n.nodeValue.replace(k, T[k]);
    }
    if (root.querySelectorAll) {
      root.querySelectorAll('[title],[aria-label]').forEach(function (el) {
        ['title', 'aria-label'].forEach(function (a) {
          var v = el.getAttribute(a);
          if (v && T[v.trim()]) el.setAttribute(a, T[v.trim()]);
        });
      });
    }
  }
  function count(box) {
    var out = document.getElementById('qcount');
    if (!out || !box) return;
    var limit = Number(out.getAttribute('data-limit') || 2000), n = box.value.length;
    out.textContent = n > limit
      ? '已输入 ' + n + ' 字，超过 ' + limit + ' 字的上限：请删减到要问的那一点后再提问（不会自动截断）。'
      : (n > limit * 0.8 ? '已输入 ' + n + ' / ' + limit + ' 字' : '');
    out.className = n > limit ? 'pq-over' : '';
  }
  document.addEventListener('DOMContentLoaded', function () {
    fix(document.body);
    new MutationObserver(function (ms) {
      ms.forEach(function (m) {
        m.addedNodes.forEach(function (n) { if (n.nodeType === 1) fix(n); else if (n.nodeType === 3 && n.parentNode) fix(n.parentNode); });
        if (m.type === 'characterData' && m.target.parentNode) fix(m.target.parentNode);
      });
    }).observe(document.body, {childList: true, subtree: true, characterData: true});
    document.addEventListener('input', function (e) {
      if (e.target.closest && e.target.closest('#question')) count(e.target);
    });
  });
})();
"""

# One click handler for every HTML panel: elements with data-act send their data-* to Python
# (gradio 6 `trigger`); copying stays in the browser. After an update the panel scrolls the
# new turn, or the focused clause, into view.
CLICK_JS = r"""
function copyText(text, btn) {
  const done = () => { const t = btn.textContent; btn.textContent = '已复制 ✓'; setTimeout(() => { btn.textContent = t; }, 1500); };
  const fallback = () => {
    const ta = document.createElement('textarea'); ta.value = text; ta.style.position = 'fixed'; ta.style.opacity = '0';
    document.body.appendChild(ta); ta.select(); try { document.execCommand('copy'); done(); } finally { ta.remove(); }
  };
  if (navigator.clipboard && window.isSecureContext) navigator.clipboard.writeText(text).then(done, fallback); else fallback();
}
function send(el) {
  const d = Object.assign({}, el.dataset);
  if (d.act === 'note') {
    const box = element.querySelector('[data-note-for="' + d.turn + '"]');
    d.note = box ? box.value : '';
  }
  trigger('click', d);
}
element.addEventListener('click', (e) => {
  const el = e.target.closest('[data-act]');
  if (!el || !element.contains(el)) return;
  e.preventDefault();
  if (el.dataset.act === 'copy') {
    const src = el.parentElement.querySelector('.pq-copy-src');
    if (src) copyText(src.value, el);
    return;
  }
  send(el);
});
element.addEventListener('keydown', (e) => {
  if (e.key === 'Enter' && e.target.matches('[data-note-for]')) {
    e.preventDefault();
    const btn = element.querySelector('[data-act="note"][data-turn="' + e.target.dataset.noteFor + '"]');
    if (btn) send(btn);
  }
});
function settle(tries) {
  // a panel updated while its tab is hidden has no layout yet: wait until it is shown
  if (!element.offsetParent) { if (tries < 60) setTimeout(() => settle(tries + 1), 50); return; }
  const turn = element.querySelector('[data-scroll]');
  if (turn) { turn.removeAttribute('data-scroll'); turn.scrollIntoView({block: 'start', behavior: 'instant'}); return; }
  const focus = element.querySelector('.pq-focus');
  if (!focus) return;
  const reveal = element.querySelector('[data-reveal]');
  if (reveal) {
    const r = element.getBoundingClientRect();
    if (r.top < 0 || r.top > window.innerHeight * 0.6) element.scrollIntoView({block: 'start', behavior: 'instant'});
  }
  const box = focus.closest('.pq-scroll');
  if (box) box.scrollTop += focus.getBoundingClientRect().top - box.getBoundingClientRect().top - 40;
  else if (!reveal) focus.scrollIntoView({block: 'center', behavior: 'instant'});
}
watch('value', () => settle(0));
settle(0);  // a tab's panels mount when the tab is first shown, after their value was set
"""

CSS = """
.gradio-container{max-width:1400px !important}
#pq-title h2{margin:0}#pq-title p{margin:2px 0 0;color:#57606a}
.pq-badge{display:inline-block;padding:1px 10px;border-radius:12px;font-weight:600;margin-right:8px;white-space:nowrap}
.badge-yes{background:#e3f5e1;color:#1b6e20}.badge-no{background:#fde4e4;color:#a11}
.badge-depends{background:#fff3d6;color:#8a5a00}.badge-none{background:#eceff1;color:#455a64}
.pq-turn{border-bottom:1px solid #e5e7eb;padding:10px 0 14px;scroll-margin-top:8px}
.pq-q{display:flex;gap:8px;align-items:flex-start;font-weight:600;margin-bottom:8px;word-break:break-word}
.pq-who{flex:none;background:#1f6feb;color:#fff;border-radius:50%;width:24px;height:24px;text-align:center;line-height:24px;font-size:13px}
.pq-a{padding-left:32px}
.pq-lead{font-size:1.05em;line-height:1.7;word-break:break-word}
.pq-body{white-space:pre-wrap;line-height:1.7;margin-top:4px;word-break:break-word}
.pq-findings{margin:6px 0 4px 1.2em;padding:0;line-height:1.6}.pq-findings li{margin:4px 0}
.pq-fv{display:inline-block;font-size:.85em;padding:0 6px;border-radius:8px;margin-right:6px;white-space:nowrap}
.pq-fsum{display:block;color:#444;font-size:.92em;overflow:hidden;display:-webkit-box;-webkit-line-clamp:2;-webkit-box-orient:vertical}
.pq-cards{display:flex;flex-direction:column;gap:6px;margin-top:8px}
.pq-card,.pq-hit{display:block;width:100%;text-align:left;border:1px solid #d0d7de;border-radius:8px;padding:6px 10px;background:#fafbfc;cursor:pointer;font:inherit;color:inherit}
.pq-card:hover,.pq-hit:hover{border-color:#1f6feb;background:#f0f6ff}
.pq-card-head{display:block}.pq-path{color:#57606a;margin-left:4px}.pq-level{color:#57606a;font-size:.85em;margin-left:6px;border:1px solid #d0d7de;border-radius:6px;padding:0 4px;white-space:nowrap}
.pq-card-quote{display:block;color:#333;font-size:.92em;margin-top:2px;overflow:hidden;display:-webkit-box;-webkit-line-clamp:2;-webkit-box-orient:vertical}
.pq-ref{border:none;background:none;color:#1f6feb;cursor:pointer;padding:0 1px;font:inherit;text-decoration:underline}
.pq-tools{margin-top:8px}.pq-tool,.pq-fb-btn,.pq-chip{border:1px solid #d0d7de;border-radius:14px;background:#fff;padding:2px 10px;cursor:pointer;font:inherit;font-size:.9em;margin:2px 4px 2px 0;color:inherit}
.pq-fb{margin-top:6px;color:#57606a;font-size:.92em}.pq-fb-btn.pq-on{background:#1f6feb;color:#fff;border-color:#1f6feb}
.pq-note-row{display:flex;gap:6px;margin-top:6px}.pq-note-input{flex:1;min-width:0;border:1px solid #d0d7de;border-radius:6px;padding:3px 8px;font:inherit}
.pq-warn{color:#8a5a00;background:#fff8e6;border-radius:6px;padding:4px 8px;margin-top:6px}
.pq-meta{color:#57606a;font-size:.92em}
.pq-empty p{color:#57606a}.pq-chips{display:flex;flex-wrap:wrap;gap:4px}
.pq-source{line-height:1.75}.pq-source-head{margin-bottom:8px}.pq-source-head .pq-path{margin:2px 0 0}
.pq-node{margin:4px 0}.pq-kids{margin-left:1.4em;border-left:2px solid #eef0f2;padding-left:8px}
.pq-label{margin-right:4px;white-space:nowrap}.pq-text{white-space:pre-wrap;word-break:break-word}
.pq-focus>.pq-own{background:#fffbe6;outline:2px solid #f5c518;border-radius:4px;padding:2px 4px}
.pq-node mark{background:#ffe58f;padding:0 1px}.pq-term{color:#a11;font-weight:700}
.pq-chapter>summary{font-weight:700;margin:10px 0 4px;cursor:pointer}
.pq-doc h3{margin:0 0 4px}.pq-facts{margin-bottom:8px;color:#57606a}
.pq-scroll{max-height:78vh;overflow:auto;padding-right:6px}.pq-source .pq-scroll{max-height:62vh}
.pq-icon{display:inline;vertical-align:-2px;margin:0}.pq-fb-btn{display:inline-flex;align-items:center;gap:4px}
.pq-table{border-collapse:collapse;width:100%}.pq-table td,.pq-table th{padding:4px 8px;border-bottom:1px solid #eee;text-align:left;vertical-align:top}
.pq-compare .pq-cell{min-width:9em;white-space:nowrap}.pq-compare td:first-child{min-width:10em}
.pq-conflict-row{background:#fff1f0}.pq-conflict-row td:first-child{border-left:4px solid #cf222e}
.pq-silent{margin-top:8px;color:#57606a}
.pq-hit{margin:6px 0}.pq-hit-text{display:block;font-size:.92em;white-space:pre-wrap;overflow:hidden;display:-webkit-box;-webkit-line-clamp:4;-webkit-box-orient:vertical}
.pq-qcard{border:1px solid #d0d7de;border-radius:8px;padding:6px 10px;margin:6px 0}.pq-clause{white-space:pre-wrap}.pq-clause mark{background:#ffe58f}
#ask-bar{position:sticky;bottom:0;z-index:5;background:var(--body-background-fill,#fff);padding-top:6px;border-top:1px solid #e5e7eb}
#qcount{font-size:.9em;color:#57606a;min-height:0}#qcount .pq-over,#qcount.pq-over{color:#cf222e;font-weight:600}
#source-col{position:sticky;top:8px;align-self:flex-start}
@media (max-width:640px){
  .gradio-container{padding:0 6px !important}
  .pq-a{padding-left:0}
  #source-col{position:static}
  .tab-wrapper button,[role=tablist] button{padding-left:8px !important;padding-right:8px !important;font-size:15px}
  .pq-compare,.pq-compare tbody,.pq-compare tr,.pq-compare td{display:block;width:auto}
  .pq-compare thead{display:none}.pq-compare tr{border-bottom:1px solid #ddd;padding:4px 0}
  .pq-compare td{border:none;padding:2px 6px}.pq-compare .pq-cell{white-space:normal}
}
"""


def ensure_index(settings: Settings) -> None:
    """Build or refresh the index, saying what it does: the first start embeds every clause
    with the bundled model, which takes about a minute on two cores."""
    from ingest.clauses import split_clauses
    from ingest.index import build_index, current_generation
    from ingest.load import load_corpus

    if current_generation(settings.index_dir) is None:
        docs, _ = load_corpus(settings.corpus_dir)
        n = sum(len(split_clauses(d.doc_id, d.text)) for d in docs)
        print(f"首次启动：正在建立条款索引（{len(docs)} 份文件、约 {n} 个条款）。步骤：1/3 加载向量模型 → "
              f"2/3 逐条计算向量（进度见下，2 核约需 1 分钟） → 3/3 写入索引。完成后自动启动界面。",
              file=sys.stderr, flush=True)
    else:
        print("正在检查条款索引是否需要更新…", file=sys.stderr, flush=True)
    t0 = time.perf_counter()
    report = build_index(settings, progress=True)
    for msg in report.skipped:
        print(f"跳过: {msg}", file=sys.stderr)
    print(f"索引就绪：{report.documents} 份文件，{report.units} 个条款（{time.perf_counter() - t0:.0f} 秒）。",
          file=sys.stderr, flush=True)


class Service:
    """What the UI calls. One Assistant per process: models and index load once. Per-user
    state (the conversation) lives in gr.State and is passed in and out."""

    def __init__(self, settings: Settings) -> None:
        from assistant.chain import Assistant
        from assistant.feedback import FeedbackLog, default_path

        self.settings = settings
        self.assistant = Assistant(settings)
        self.feedback = FeedbackLog(default_path(settings), timeout=FEEDBACK_TIMEOUT)

    @property
    def index(self):
        return self.assistant.searcher.index

    def status(self) -> str:
        idx = self.index
        return (f"索引：{len(idx.docs)} 份文件 · {len(idx.units)} 个条款 · 回答方式：{self.assistant.answerer_name}")

    @lru_cache(maxsize=64)
    def _clauses(self, doc_id: str, content_hash: str):
        from ingest.clauses import split_clauses

        return split_clauses(doc_id, self.index.docs[doc_id]["text"])

    def clauses(self, doc_id: str):
        meta = self.index.docs.get(doc_id)
        if meta is None:
            return None, []
        return meta, self._clauses(doc_id, meta.get("content_hash", ""))

    # --- 问答 ---------------------------------------------------------------------------------

    def answer_turn(self, question: str, turns: list[dict]) -> dict:
        """One turn: the question resolved against the previous one, answered, audited."""
        from assistant.feedback import FeedbackError
        from assistant.followup import resolve_followup
        from assistant.models import QueryError

        previous = next((t["resolved"] for t in reversed(turns) if t.get("answer") is not None), None)
        turn: dict = {"question": question, "resolved": question, "answer": None, "error": None, "feedback": {}}
        try:
            turn["resolved"] = resolve_followup(question, previous)
            answer = self.assistant.ask(turn["resolved"])
        except QueryError as exc:
            turn["error"] = str(exc)
            return turn
        except Exception as exc:  # noqa: BLE001 - the UI shows a message, never a traceback
            print(f"error answering {question[:80]!r}: {exc!r}", file=sys.stderr)
            turn["error"] = "内部错误：本次未能作答，请稍后重试或联系管理员。"
            return turn
        turn["answer"] = answer
        try:
            turn["answer_id"] = self.feedback.record_answer(question, answer, self.index.gen.name, asked=turn["resolved"])
        except FeedbackError as exc:
            turn["answer_id"] = exc.record_id
            turn["feedback"] = {"error": f"审计记录未能写入数据库：{exc}"}
        return turn

    def ask(self, question: str | None, turns: list[dict] | None):
        from assistant.render import render_conversation, render_source_empty

        turns = list(turns or [])
        question = (question or "").strip()
        turns.append(self.answer_turn(question, turns))
        turns = turns[-MAX_HISTORY:]
        source = self._first_source(turns[-1]) or render_source_empty()
        # a refused question stays in the box to be edited; an answered one is cleared
        box = question if turns[-1]["answer"] is None else ""
        return render_conversation(turns, scroll_to_last=True), turns, box, source

    def _first_source(self, turn: dict) -> str | None:
        answer = turn.get("answer")
        if answer is None or not answer.citations or answer.abstained:
            return None
        return self.source(answer, answer.citations[0].id, reveal=False)

    def source(self, answer, cite_id: str, reveal: bool) -> str:
        from assistant.render import emphasis_terms, render_source, render_source_empty

        c = next((c for c in answer.citations if c.id == cite_id), None)
        if c is None:
            return render_source_empty("找不到这条引用：请重新提问。")
        meta, clauses = self.clauses(c.doc_id)
        if meta is None:
            return render_source_empty(f"索引中已没有文件 {c.doc_title}：索引可能已更新，请重新提问。")
        html = render_source(meta, clauses, c.clause_id, c.quote, emphasis_terms(answer), label=f"[{cite_id[1:]}] ")
        if reveal:
            html = html.replace('data-testid="source"', 'data-testid="source" data-reveal="1"', 1)
        return html

    def conversation_click(self, turns: list[dict] | None, evt):
        """Clicks inside the conversation: an example, a citation, 👍/👎, a note."""
        import gradio as gr
        from assistant.render import render_conversation

        data = evt._data if isinstance(getattr(evt, "_data", None), dict) else {}
        act = data.get("act")
        turns = list(turns or [])
        skip = gr.skip()
        if act == "ask":
            conv, turns, box, source = self.ask(str(data.get("q", "")), turns)
            return conv, turns, box, source
        i = _int(data.get("turn"))
        if i is None or not 0 <= i < len(turns) or turns[i].get("answer") is None:
            return skip, skip, skip, skip
        if act == "cite":
            return skip, skip, skip, self.source(turns[i]["answer"], str(data.get("cite", "")), reveal=True)
        if act in ("rate", "note"):
            turns[i] = self._feedback(turns[i], data)
            return render_conversation(turns), turns, skip, skip
        return skip, skip, skip, skip

    def _feedback(self, turn: dict, data: dict) -> dict:
        from assistant.feedback import FeedbackError

        turn = dict(turn)
        fb = {k: v for k, v in (turn.get("feedback") or {}).items() if k != "error"}
        rating = data.get("rating") if data.get("act") == "rate" else fb.get("rating")
        if rating not in ("up", "down"):
            return turn
        note = str(data.get("note", fb.get("note", "")))[:500] if data.get("act") == "note" else fb.get("note", "")
        fb.update(rating=rating, note=note, note_saved=data.get("act") == "note" and bool(note.strip()))
        try:
            self.feedback.record_feedback(turn.get("answer_id") or "", rating, note)
        except FeedbackError as exc:
            fb["error"] = str(exc)
        turn["feedback"] = fb
        return turn

    def api_ask(self, question: str, history):
        """The `/ask` API (evals load test, scripts): one answer as HTML, no conversation."""
        from assistant.render import render_error, render_reply

        turn = self.answer_turn((question or "").strip(), [])
        if turn["answer"] is None:
            return render_error(turn["error"] or ""), history
        return f'<div data-testid="answer">{render_reply(turn["answer"], 0)}</div>', history

    def export_feedback(self, fmt: str):
        from assistant.feedback import FeedbackError
        from assistant.render import render_hint

        ext = "xlsx" if fmt.startswith("Excel") else "csv"
        try:
            data = self.feedback.export(ext)
        except FeedbackError as exc:
            return None, render_hint(str(exc))
        rows = max(0, len(self.feedback.rows()))
        path = _temp_file(f"问答与反馈记录-{time.strftime('%Y%m%d-%H%M%S')}.{ext}", data)
        return path, render_hint(f"已导出 {rows} 条问答记录（含反馈）。")

    # --- 文件浏览 -------------------------------------------------------------------------------

    def document(self, doc_id: str | None, focus: str | None = None, quote: str | None = None) -> str:
        from assistant.render import render_document, render_hint

        meta, clauses = self.clauses(doc_id or "")
        if meta is None:
            return render_hint("请选择一份文件。")
        reveal = ' data-reveal="1"' if focus else ""   # a jump: bring the document into view
        return f'<div class="pq-scroll"{reveal}>{render_document(meta, clauses, focus, quote)}</div>'

    def search(self, query: str | None, doc_id: str | None) -> str:
        from assistant.models import QueryError
        from assistant.render import render_hint, render_hits
        from ingest.tokenize import terms

        query = (query or "").strip()
        if not query:
            return render_hint("请输入要搜索的词语，例如「抵押登记」「续贷次数」，或一句完整的问题。")
        try:
            hits = self.assistant.searcher.search(query, k=10, doc_ids=[doc_id] if doc_id else None)
        except QueryError as exc:
            return render_hint(str(exc))
        return render_hits(hits, [t for t, _ in terms(query) if len(t) >= 2] or [query])

    def open_clause(self, evt):
        """A click on a search hit, a comparison row or 「查看全文」: the document at that clause."""
        import gradio as gr

        data = evt._data if isinstance(getattr(evt, "_data", None), dict) else {}
        if data.get("act") != "open" or data.get("doc") not in self.index.docs:
            return gr.skip(), gr.skip(), gr.skip()
        html = self.document(data["doc"], str(data.get("clause", "")), data.get("quote"))
        return gr.Tabs(selected="browse"), gr.update(value=data["doc"]), html

    def doc_choices(self) -> list[tuple[str, str]]:
        from assistant.render import level_name

        return [(f"{m['title']}（{level_name(m['level'])}）", d) for d, m in self.index.docs.items()]

    # --- 一致性检查 ----------------------------------------------------------------------------

    def compare(self, question: str | None) -> str:
        from assistant.consistency import compare
        from assistant.models import QueryError
        from assistant.render import render_comparison, render_hint

        try:
            return render_comparison(compare(self.assistant, question or ""))
        except QueryError as exc:
            return render_hint(str(exc))

    def report_file(self, fmt: str) -> str:
        from assistant.consistency import TOPICS, compare, to_markdown
        from assistant.feedback import write_table
        from assistant.render import COMPARISON_HEADERS, comparison_table

        comparisons = [compare(self.assistant, q, topic) for topic, q in TOPICS]
        stamp = time.strftime("%Y%m%d-%H%M%S")
        if fmt == "Markdown":
            return _temp_file(f"续贷一致性报告-{stamp}.md", to_markdown(comparisons).encode("utf-8"))
        ext = "xlsx" if fmt.startswith("Excel") else "csv"
        data = write_table(COMPARISON_HEADERS, comparison_table(comparisons), ext, sheet="一致性检查")
        return _temp_file(f"续贷一致性报告-{stamp}.{ext}", data)

    # --- 培训测验 ------------------------------------------------------------------------------

    @property
    def quiz_bank(self):
        from assistant.quiz import QuizBank

        idx = self.index
        if getattr(self, "_bank_gen", None) != idx.gen:
            self._bank, self._bank_gen = QuizBank(idx.units, idx.readings), idx.gen
        return self._bank

    def quiz_slots(self, questions) -> list:
        import gradio as gr

        updates = []
        for i in range(MAX_QUIZ):
            q = questions[i] if i < len(questions) else None
            updates.append(gr.update(visible=q is not None))
            updates.append(f"**第 {i + 1} 题** {q.prompt}" if q else "")
            updates.append(gr.update(choices=list(q.options) if q else [], value=None))
        return updates

    def quiz_new(self, n, seed, topic, reshuffle: bool = False):
        from assistant.render import render_hint

        if reshuffle:
            seed = random.randrange(1, 100_000)
        n, topic = int(n or 5), (topic or "").strip() or None
        questions = self.quiz_bank.draw(n, seed=int(seed or 0), topic=topic)
        if not questions:
            note = render_hint(f"没有与「{topic}」有关的题目：换一个主题试试。" if topic else "题库为空：请先建立索引。")
        elif len(questions) < n:
            note = render_hint(f"只找到 {len(questions)} 道{('与「' + topic + '」有关的') if topic else ''}题目（要求 {n} 道），已全部列出。")
        else:
            note = render_hint(f"第 {int(seed or 0)} 套，共 {len(questions)} 题。")
        return [[q.id for q in questions], note, "", [], int(seed or 0), *self.quiz_slots(questions)]

    def quiz_submit(self, ids, *replies):
        from assistant.render import render_hint, render_quiz_result

        by_id = {q.id: q for q in self.quiz_bank.questions}
        questions = [by_id[i] for i in ids or [] if i in by_id]
        if not questions:
            return render_hint("请先点击「出题」。"), []
        texts = {u.clause_id: u.text for u in self.index.units}
        wrong = [q.id for q, r in zip(questions, replies) if not q.grade(r or "")]
        return render_quiz_result(questions, list(replies[:len(questions)]), texts), wrong

    def quiz_retry(self, wrong):
        from assistant.render import render_hint

        by_id = {q.id: q for q in self.quiz_bank.questions}
        questions = [by_id[i] for i in wrong or [] if i in by_id]
        note = render_hint(f"重做 {len(questions)} 道错题。" if questions else "没有错题需要重做：请先交卷，或出一套新题。")
        return [[q.id for q in questions], note, "", [], *self.quiz_slots(questions)]


def _int(value) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _with_event(method, gr):
    """`method(*inputs, evt)` as a listener gradio passes the event's data to: gradio looks
    for a parameter annotated gr.EventData (set here, since gradio is imported lazily)."""
    def listener(*args):
        return method(*args)
    import inspect

    params = [inspect.Parameter(f"a{i}", inspect.Parameter.POSITIONAL_OR_KEYWORD)
              for i in range(len(inspect.signature(method).parameters) - 1)]
    params.append(inspect.Parameter("evt", inspect.Parameter.POSITIONAL_OR_KEYWORD, annotation=gr.EventData))
    listener.__signature__ = inspect.Signature(params)
    listener.__annotations__ = {"evt": gr.EventData}
    return listener


def _temp_file(name: str, data: bytes) -> str:
    """A download under a readable Chinese name, in a private temporary directory."""
    path = Path(tempfile.mkdtemp(prefix="policyqa-")) / name
    path.write_bytes(data)
    return str(path)


def build_ui(service: Service):
    import gradio as gr

    settings = service.settings
    with gr.Blocks(title="续贷政策助手") as demo:
        with gr.Row():
            gr.HTML("<h2>续贷政策助手</h2><p>依据监管通知与各行续贷制度作答，每个结论都给出所依据的条款原文。</p>",
                    elem_id="pq-title", js_on_load=None)
        status = gr.Markdown(service.status(), elem_id="status")
        turns = gr.State([])
        with gr.Tabs() as tabs:
            with gr.Tab("问答", id="qa"):
                with gr.Row(equal_height=False):
                    with gr.Column(scale=3, min_width=340):
                        from assistant.render import render_conversation, render_source_empty
                        conv = gr.HTML(render_conversation([]), elem_id="chat", js_on_load=CLICK_JS)
                        with gr.Group(elem_id="ask-bar"):
                            with gr.Row(equal_height=True):
                                question = gr.Textbox(show_label=False, placeholder="输入续贷问题，按回车提问",
                                                      lines=1, max_lines=4, scale=5, elem_id="question", container=False)
                                ask = gr.Button("提问", variant="primary", scale=1, min_width=72, elem_id="ask")
                            gr.HTML(f'<div id="qcount" data-limit="{settings.max_question_chars}"></div>', js_on_load=None)
                        with gr.Row():
                            clear = gr.Button("新对话", size="sm", elem_id="clear")
                        with gr.Accordion("反馈与审计记录（合规导出）", open=False, elem_id="audit"):
                            gr.Markdown("每次问答（问题、回答、引用条款、索引版本、时间）和 👍/👎 反馈都保存在本机 SQLite 文件中。")
                            with gr.Row():
                                fb_fmt = gr.Radio(["Excel (xlsx)", "CSV"], value="Excel (xlsx)", label="格式")
                                fb_btn = gr.Button("导出记录", elem_id="export-feedback")
                            fb_msg = gr.HTML(js_on_load=None)
                            fb_file = gr.File(label="下载", interactive=False, elem_id="feedback-file")
                    with gr.Column(scale=2, min_width=300, elem_id="source-col"):
                        gr.HTML("<b>条款原文</b>", js_on_load=None)
                        source = gr.HTML(render_source_empty(), elem_id="source", js_on_load=CLICK_JS)
            with gr.Tab("文件浏览", id="browse"):
                choices = service.doc_choices()
                with gr.Row(equal_height=False):
                    with gr.Column(scale=2, min_width=300):
                        with gr.Row(equal_height=True):
                            query = gr.Textbox(show_label=False, placeholder="搜索条款，例如：抵押登记", scale=4,
                                               elem_id="search", container=False)
                            search_btn = gr.Button("搜索", scale=1, min_width=64, elem_id="search-btn")
                        only_doc = gr.Checkbox(label="只搜索当前文件", value=False)
                        results = gr.HTML(js_on_load=CLICK_JS, elem_id="results")
                    with gr.Column(scale=3, min_width=320):
                        doc = gr.Dropdown(choices, value=choices[0][1] if choices else None, label="文件", elem_id="doc")
                        doc_html = gr.HTML(service.document(choices[0][1]) if choices else "", elem_id="document",
                                           js_on_load=CLICK_JS)
            with gr.Tab("一致性检查", id="consistency"):
                from assistant.consistency import TOPICS

                gr.Markdown("输入一个问题或主题，逐份文件列出其规定，并标出结论相反、数值不同之处。")
                with gr.Row(equal_height=True):
                    topic = gr.Textbox(show_label=False, placeholder="例如：质押贷款能否续贷？", scale=5,
                                       elem_id="topic", container=False)
                    compare_btn = gr.Button("比较", variant="primary", scale=1, min_width=64, elem_id="compare")
                gr.Examples([q for _, q in TOPICS[:8]], inputs=topic, label="内置主题")
                comparison = gr.HTML(elem_id="comparison", js_on_load=CLICK_JS)
                with gr.Row():
                    fmt = gr.Radio(["Excel (xlsx)", "CSV", "Markdown"], value="Excel (xlsx)", label="完整报告格式")
                    report_btn = gr.Button("生成完整报告（全部内置主题）", elem_id="report")
                report_file = gr.File(label="下载报告", interactive=False, elem_id="report-file")
            with gr.Tab("培训测验", id="quiz"):
                gr.Markdown("题目由条款自动生成：填空、判断、选择、出处。交卷后每题给出依据条款，错题可以重做。")
                with gr.Row():
                    quiz_n = gr.Slider(1, MAX_QUIZ, value=5, step=1, label="题数", elem_id="quiz-n")
                    quiz_seed = gr.Number(value=0, precision=0, label="套题编号（同一编号出同一套题）", elem_id="quiz-seed")
                    quiz_topic = gr.Textbox(label="主题（可选，如：质押）", max_lines=1, elem_id="quiz-topic")
                with gr.Row():
                    quiz_new = gr.Button("出题", variant="primary", elem_id="quiz-new")
                    quiz_shuffle = gr.Button("换一套题", elem_id="quiz-shuffle")
                quiz_note = gr.HTML(elem_id="quiz-note", js_on_load=None)
                quiz_ids, quiz_wrong = gr.State([]), gr.State([])
                slots = []
                for i in range(MAX_QUIZ):
                    with gr.Group(visible=False, elem_id=f"quiz-q{i}") as group:
                        prompt = gr.Markdown()
                        choice = gr.Radio(choices=[], label="答案", elem_id=f"quiz-a{i}")
                    slots += [group, prompt, choice]
                with gr.Row():
                    quiz_submit = gr.Button("交卷", elem_id="quiz-submit")
                    quiz_retry = gr.Button("重做错题", elem_id="quiz-retry")
                quiz_result = gr.HTML(elem_id="quiz-result", js_on_load=None)

        # the `/ask` API of earlier versions (evals load test): one answer as HTML
        api_q, api_hist, api_out = gr.Textbox(visible=False), gr.JSON(visible=False), gr.HTML(visible=False)
        gr.Button(visible=False).click(service.api_ask, [api_q, api_hist], [api_out, api_hist], api_name="ask")

        ask_outputs = [conv, turns, question, source]
        ask.click(service.ask, [question, turns], ask_outputs, api_name=False)
        question.submit(service.ask, [question, turns], ask_outputs, api_name=False)
        conv.click(_with_event(service.conversation_click, gr), [turns], ask_outputs, api_name=False)
        clear.click(lambda: (render_conversation([]), [], "", render_source_empty()), None, ask_outputs, api_name=False)
        for panel in (source, results, doc_html, comparison):
            panel.click(_with_event(service.open_clause, gr), None, [tabs, doc, doc_html], api_name=False)
        fb_btn.click(service.export_feedback, fb_fmt, [fb_file, fb_msg], api_name=False)
        doc.input(service.document, doc, doc_html, api_name=False)
        search_in = [query, doc, only_doc]
        search_btn.click(lambda q, d, only: service.search(q, d if only else None), search_in, results, api_name=False)
        query.submit(lambda q, d, only: service.search(q, d if only else None), search_in, results, api_name=False)
        compare_btn.click(service.compare, topic, comparison, api_name=False)
        topic.submit(service.compare, topic, comparison, api_name=False)
        report_btn.click(service.report_file, fmt, report_file, concurrency_limit=1, api_name=False)
        quiz_out = [quiz_ids, quiz_note, quiz_result, quiz_wrong]
        answers = slots[2::3]
        quiz_new.click(service.quiz_new, [quiz_n, quiz_seed, quiz_topic], [*quiz_out, quiz_seed, *slots], api_name=False)
        quiz_shuffle.click(lambda n, s, t: service.quiz_new(n, s, t, reshuffle=True), [quiz_n, quiz_seed, quiz_topic],
                           [*quiz_out, quiz_seed, *slots], api_name=False)
        quiz_submit.click(service.quiz_submit, [quiz_ids, *answers], [quiz_result, quiz_wrong], api_name=False)
        quiz_retry.click(service.quiz_retry, quiz_wrong, [*quiz_out, *slots], api_name=False)
        demo.load(service.status, None, status, api_name=False)
    # Admission control is gradio's queue: `concurrency` answers at once, `queue_size` waiting,
    # anyone beyond that is refused at once with the (translated) busy message.
    demo.queue(max_size=settings.queue_size, default_concurrency_limit=settings.concurrency)
    return demo


class EarlyHead:
    """ASGI middleware: puts EARLY_JS at the top of the page's <head>, before gradio's bundle
    reads the browser language (gradio's own `head` is injected after that)."""

    def __init__(self, app) -> None:
        self.app = app
        self.script = f"<head><script>{EARLY_JS}</script>".encode()

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or scope.get("method") != "GET" or scope.get("path") not in ("/", ""):
            return await self.app(scope, receive, send)
        start: dict = {}
        body: list[bytes] = []

        async def patched(message):
            if message["type"] == "http.response.start":
                start.update(message)
                return
            if message["type"] != "http.response.body":
                return await send(message)
            body.append(message.get("body", b""))
            if message.get("more_body"):
                return
            data = b"".join(body)
            headers = [(k, v) for k, v in start.get("headers", []) if k.lower() != b"content-length"]
            kinds = {k.lower(): v for k, v in headers}
            if b"text/html" in kinds.get(b"content-type", b"") and b"content-encoding" not in kinds:
                data = data.replace(b"<head>", self.script, 1)
            await send({**start, "headers": headers + [(b"content-length", str(len(data)).encode())]})
            await send({"type": "http.response.body", "body": data})

        await self.app(scope, receive, patched)


def main() -> int:
    from starlette.middleware import Middleware

    from assistant.llm import LLMError
    from ingest.embed import EmbeddingError
    from ingest.index import IndexError_
    from ingest.load import CorpusError

    settings = Settings.from_env()
    try:
        ensure_index(settings)
        print("正在加载索引和向量模型…", file=sys.stderr, flush=True)
        service = Service(settings)
    except (IndexError_, CorpusError, EmbeddingError, LLMError) as exc:
        print(f"错误: {exc}", file=sys.stderr)
        return 2
    demo = build_ui(service)
    print(f"续贷政策助手已启动：http://{settings.host}:{settings.port}（同时作答 {settings.concurrency} 个，"
          f"最多排队 {settings.queue_size} 个）", file=sys.stderr, flush=True)
    import gradio as gr

    # system fonts only: the default theme fetches Google Fonts, which bank networks block
    local = gr.themes.Font
    theme = gr.themes.Default(font=[local(f) for f in ("Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", "sans-serif")],
                              font_mono=[local(f) for f in ("Noto Sans Mono CJK SC", "Consolas", "monospace")])
    demo.launch(server_name=settings.host, server_port=settings.port, share=False, show_error=False,
                css=CSS, theme=theme, max_file_size="1mb", footer_links=[], quiet=True,
                max_threads=settings.queue_size + settings.concurrency + 16,
                app_kwargs={"middleware": [Middleware(EarlyHead)]})
    return 0


if __name__ == "__main__":
    sys.exit(main())
