"""续贷政策助手 — web UI. `python app.py` builds the index on first start and serves
on http://127.0.0.1:7860 (POLICYQA_HOST / POLICYQA_PORT to change)."""

from __future__ import annotations

import os
import sys
import threading

from ingest.settings import Settings

EXAMPLES = [
    "质押贷款可以办理续贷通吗？",
    "注销抵押登记多久办结？",
    "同一笔贷款最多续贷几次？",
    "续贷要提前多久申请？",
    "哪些情形不得办理续贷？",
    "各行对续贷资金用途的规定有何不同？",
]
QUEUE_SIZE = 64          # requests waiting beyond this get a clear "busy" message
CONCURRENCY = 4          # answers are CPU-bound and short; more threads only queue inside numpy
WAIT_SECONDS = 30        # a request that cannot start within this is answered "busy"
BUSY = "系统繁忙：当前提问人数较多，请稍后再试。"
MAX_HISTORY = 20
MAX_QUIZ = 10


def ensure_index(settings: Settings) -> None:
    from ingest.index import build_index, current_generation

    if current_generation(settings.index_dir) is None:
        print("首次启动：正在建立条款索引（约 15 秒）…", file=sys.stderr, flush=True)
    report = build_index(settings, progress=True)
    for msg in report.skipped:
        print(f"跳过: {msg}", file=sys.stderr)
    print(f"索引就绪：{report.documents} 份文件，{report.units} 个条款。", file=sys.stderr, flush=True)


class Service:
    """What the UI calls. One Assistant per process: models and index load once."""

    def __init__(self, settings: Settings) -> None:
        from assistant.chain import Assistant

        self.settings = settings
        self.assistant = Assistant(settings)
        self._lock = threading.Lock()
        self._slots = threading.BoundedSemaphore(CONCURRENCY)
        self._waiting = 0
        self.queue_size = int(os.environ.get("POLICYQA_QUEUE_SIZE", QUEUE_SIZE))

    def _admitted(self):
        """Admission control with a clear Chinese reply instead of a framework error toast."""
        with self._lock:
            if self._waiting >= self.queue_size:
                return False
            self._waiting += 1
        try:
            return self._slots.acquire(timeout=WAIT_SECONDS)
        finally:
            with self._lock:
                self._waiting -= 1

    def status(self) -> str:
        idx = self.assistant.searcher.index
        return (f"索引：{len(idx.docs)} 份文件 · {len(idx.units)} 个条款 · 向量模型：{idx.manifest['identity']['embedding']}"
                f" · 回答方式：{self.assistant.answerer_name}")

    def ask(self, question: str, history: list[dict] | None):
        from assistant.render import render_error

        history = list(history or [])
        if not self._admitted():
            return render_error(BUSY), history, "", question
        try:
            return self._ask(question, history)
        finally:
            self._slots.release()

    def _ask(self, question: str, history: list[dict]):
        from assistant.followup import resolve_followup
        from assistant.models import QueryError
        from assistant.render import answer_as_text, render_answer, render_error

        previous = next((_message_text(m) for m in reversed(history) if m.get("role") == "user"), None)
        if previous and "（理解为：" in previous:
            previous = previous.split("（理解为：", 1)[1].rstrip("）")
        try:
            text = resolve_followup(question or "", previous)
            answer = self.assistant.ask(text)
        except QueryError as exc:
            return render_error(str(exc)), history, "", question
        except Exception as exc:  # noqa: BLE001 - the UI shows a message, never a traceback
            print(f"error answering {question[:80]!r}: {exc!r}", file=sys.stderr)
            return render_error("内部错误：本次未能作答，请稍后重试或联系管理员。"), history, "", question
        shown = text if text == question else f"{question}（理解为：{text}）"
        history += [{"role": "user", "content": shown}, {"role": "assistant", "content": answer.answer}]
        return render_answer(answer), history[-2 * MAX_HISTORY:], answer_as_text(answer), ""

    def document(self, doc_id: str | None, focus: str | None = None) -> str:
        from assistant.render import render_document
        from ingest.clauses import split_clauses

        idx = self.assistant.searcher.index
        meta = idx.docs.get(doc_id or "")
        if meta is None:
            return "<p>请选择一份文件。</p>"
        return render_document(meta, split_clauses(meta["doc_id"], meta["text"]), focus)

    def search(self, query: str, doc_id: str | None) -> str:
        from assistant.models import QueryError
        from assistant.render import render_error, render_hits

        try:
            hits = self.assistant.searcher.search(query or "", k=10, doc_ids=[doc_id] if doc_id else None)
        except QueryError as exc:
            return render_error(str(exc))
        return render_hits(hits)

    def compare(self, question: str) -> str:
        from assistant.consistency import compare
        from assistant.models import QueryError
        from assistant.render import render_comparison, render_error

        try:
            return render_comparison(compare(self.assistant, question or ""))
        except QueryError as exc:
            return render_error(str(exc))

    def report_file(self, fmt: str) -> str:
        import tempfile

        from assistant.consistency import report

        text = report(self.assistant, "csv" if fmt == "CSV" else "md")
        suffix = ".csv" if fmt == "CSV" else ".md"
        with tempfile.NamedTemporaryFile("w", encoding="utf-8-sig" if suffix == ".csv" else "utf-8",
                                         suffix=suffix, prefix="续贷一致性报告-", delete=False) as fh:
            fh.write(text)
        return fh.name

    @property
    def quiz_bank(self):
        from assistant.quiz import QuizBank

        idx = self.assistant.searcher.index
        if getattr(self, "_bank_gen", None) != idx.gen:
            self._bank, self._bank_gen = QuizBank(idx.units), idx.gen
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

    def quiz_new(self, n, seed, topic):
        questions = self.quiz_bank.draw(int(n or 5), seed=int(seed or 0), topic=(topic or "").strip() or None)
        note = "" if questions else "<p>没有符合条件的题目：换一个主题试试。</p>"
        return [[q.id for q in questions], note, *self.quiz_slots(questions)]

    def quiz_submit(self, ids, *replies):
        from assistant.render import render_quiz_result

        by_id = {q.id: q for q in self.quiz_bank.questions}
        questions = [by_id[i] for i in ids or [] if i in by_id]
        if not questions:
            return "<p>请先点击「出题」。</p>", []
        texts = {u.clause_id: u.text for u in self.assistant.searcher.index.units}
        wrong = [q.id for q, r in zip(questions, replies) if not q.grade(r or "")]
        return render_quiz_result(questions, list(replies[:len(questions)]), texts), wrong

    def quiz_retry(self, wrong):
        by_id = {q.id: q for q in self.quiz_bank.questions}
        questions = [by_id[i] for i in wrong or [] if i in by_id]
        note = "" if questions else "<p>没有错题，全部答对了。</p>"
        return [[q.id for q in questions], note, *self.quiz_slots(questions)]

    def doc_choices(self) -> list[tuple[str, str]]:
        from assistant.render import level_name

        idx = self.assistant.searcher.index
        return [(f"{m['title']}（{level_name(m['level'])}）", d) for d, m in idx.docs.items()]


def _message_text(message: dict) -> str:
    """Chatbot content is a string or, in Gradio 6, a list of typed parts."""
    content = message.get("content")
    if isinstance(content, str):
        return content
    if isinstance(content, list):
        return "".join(p.get("text", "") if isinstance(p, dict) else str(p) for p in content)
    return str(content or "")


def build_ui(service: Service):
    import gradio as gr

    with gr.Blocks(title="续贷政策助手") as demo:
        gr.Markdown("## 续贷政策助手\n依据监管通知与各行续贷制度作答，每个结论都给出所依据的条款原文。")
        status = gr.Markdown(service.status(), elem_id="status")
        with gr.Tabs() as tabs:
            with gr.Tab("问答", id="qa"):
                chat = gr.Chatbot(label="对话", height=260, elem_id="chat")
                with gr.Row():
                    question = gr.Textbox(label="问题", placeholder="例如：质押贷款可以办理续贷通吗？", lines=1,
                                          max_length=service.settings.max_question_chars, scale=5, elem_id="question")
                    ask = gr.Button("提问", variant="primary", scale=1, elem_id="ask")
                gr.Examples(EXAMPLES, inputs=question, label="示例问题")
                answer_html = gr.HTML(elem_id="answer")
                copy_text = gr.Textbox(label="复制答案（含引用）", lines=3, buttons=["copy"], interactive=False)
                clear = gr.Button("清空对话", size="sm")
            with gr.Tab("文件浏览", id="browse"):
                choices = service.doc_choices()
                doc = gr.Dropdown(choices, value=choices[0][1] if choices else None, label="文件", elem_id="doc")
                with gr.Row():
                    query = gr.Textbox(label="在文件中搜索（与命令行相同的混合检索）", scale=5, elem_id="search")
                    search_btn = gr.Button("搜索", scale=1)
                only_doc = gr.Checkbox(label="只搜索当前文件", value=False)
                results = gr.HTML()
                doc_html = gr.HTML(service.document(choices[0][1]) if choices else "", elem_id="document")
            with gr.Tab("一致性检查", id="consistency"):
                from assistant.consistency import TOPICS

                gr.Markdown("输入一个问题或主题，逐份文件列出其规定，并标出结论相反、数值不同之处。")
                with gr.Row():
                    topic = gr.Textbox(label="主题或问题", placeholder="例如：质押贷款能否续贷", scale=5,
                                       elem_id="topic", max_length=service.settings.max_question_chars)
                    compare_btn = gr.Button("比较", variant="primary", scale=1, elem_id="compare")
                gr.Examples([q for _, q in TOPICS[:8]], inputs=topic, label="内置主题")
                comparison = gr.HTML(elem_id="comparison")
                with gr.Row():
                    fmt = gr.Radio(["Markdown", "CSV"], value="Markdown", label="完整报告格式")
                    report_btn = gr.Button("生成完整报告（全部内置主题）", elem_id="report")
                report_file = gr.File(label="下载报告", interactive=False)
            with gr.Tab("培训测验", id="quiz"):
                gr.Markdown("题目由条款自动生成：填空、判断、选择、出处。交卷后每题给出依据条款，错题可以重做。")
                with gr.Row():
                    quiz_n = gr.Slider(1, MAX_QUIZ, value=5, step=1, label="题数")
                    quiz_seed = gr.Number(value=0, precision=0, label="随机种子（同一种子出同一套题）")
                    quiz_topic = gr.Textbox(label="主题（可选，如：质押）", max_length=50)
                quiz_new = gr.Button("出题", variant="primary", elem_id="quiz-new")
                quiz_note = gr.HTML()
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
                quiz_result = gr.HTML(elem_id="quiz-result")

        ask_inputs = [question, chat]
        ask_outputs = [answer_html, chat, copy_text, question]
        # admission and concurrency are handled inside Service.ask (clear "busy" reply)
        ask.click(service.ask, ask_inputs, ask_outputs, concurrency_limit=None, api_name="ask")
        question.submit(service.ask, ask_inputs, ask_outputs, concurrency_limit=None, api_name=False)
        clear.click(lambda: ([], "", ""), None, [chat, answer_html, copy_text])
        doc.change(service.document, doc, doc_html)
        search_btn.click(lambda q, d, only: service.search(q, d if only else None), [query, doc, only_doc], results)
        query.submit(lambda q, d, only: service.search(q, d if only else None), [query, doc, only_doc], results)
        compare_btn.click(service.compare, topic, comparison, concurrency_limit=CONCURRENCY)
        topic.submit(service.compare, topic, comparison, concurrency_limit=CONCURRENCY)
        report_btn.click(service.report_file, fmt, report_file, concurrency_limit=1)
        answers = [c for c in slots[2::3]]
        quiz_new.click(service.quiz_new, [quiz_n, quiz_seed, quiz_topic], [quiz_ids, quiz_note, *slots])
        quiz_submit.click(service.quiz_submit, [quiz_ids, *answers], [quiz_result, quiz_wrong])
        quiz_retry.click(service.quiz_retry, quiz_wrong, [quiz_ids, quiz_note, *slots])
        demo.load(service.status, None, status)
        del tabs
    demo.queue(max_size=None, default_concurrency_limit=CONCURRENCY)
    return demo


def main() -> int:
    from ingest.embed import EmbeddingError
    from ingest.index import IndexError_
    from ingest.load import CorpusError
    from assistant.llm import LLMError

    settings = Settings.from_env()
    try:
        ensure_index(settings)
        service = Service(settings)
    except (IndexError_, CorpusError, EmbeddingError, LLMError) as exc:
        print(f"错误: {exc}", file=sys.stderr)
        return 2
    from assistant.render import CSS

    demo = build_ui(service)
    print(f"续贷政策助手: http://{settings.host}:{settings.port}", file=sys.stderr, flush=True)
    demo.launch(server_name=settings.host, server_port=settings.port, share=False, show_error=False,
                css=CSS, max_file_size="1mb", footer_links=[], quiet=True, max_threads=QUEUE_SIZE + 16)
    return 0


if __name__ == "__main__":
    sys.exit(main())
