"""The web UI in a real headless Chromium, as an officer uses it, at 1366 and 390 px: ask and
read the one answer, open a citation's source, give feedback and export it, browse the tree,
compare, take and retry a quiz. Screenshots go to test-artifacts/ui/ (printed at the start)."""

from __future__ import annotations

import csv
import io
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import urllib.error
import time
import urllib.request
from pathlib import Path

import pytest

from evals.procs import free_port, wait_until_up

from .conftest import ROOT

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
SHOTS = ROOT / "test-artifacts" / "ui"
WIDTHS = {"desktop": (1366, 768), "phone": (390, 844)}
pytestmark = [pytest.mark.browser, pytest.mark.slow,
              pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian chromium is not installed")]
LAUNCH_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
               "--no-first-run", "--disable-sync", "--disable-quic"]


def _say(request, text: str) -> None:
    """Print past pytest's capture, so the screenshot folder shows in the run's output."""
    capman = request.config.pluginmanager.getplugin("capturemanager")
    with capman.global_and_fixture_disabled():
        print(f"\n{text}", flush=True)


def _start_app(real_settings, tmp_path, extra_env: dict | None = None):
    port = free_port()
    SHOTS.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ, POLICYQA_INDEX=str(real_settings.index_dir), POLICYQA_CORPUS=str(real_settings.corpus_dir),
               POLICYQA_PORT=str(port), POLICYQA_FEEDBACK_DB=str(tmp_path / "feedback.sqlite3"),
               GRADIO_ANALYTICS_ENABLED="False", **(extra_env or {}))
    log_path = tmp_path / "app.log"
    log = open(log_path, "w")
    proc = subprocess.Popen([sys.executable, "app.py"], cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}/"
    if not wait_until_up(url, proc):
        proc.kill()
        raise RuntimeError(f"app did not start: {log_path.read_text()}")
    return proc, log, url, log_path


def _stop(proc, log) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
    log.close()


@pytest.fixture(scope="module")
def app(real_settings, tmp_path_factory, request):
    tmp = tmp_path_factory.mktemp("ui")
    proc, log, url, log_path = _start_app(real_settings, tmp)
    _say(request, f"UI screenshots: {SHOTS}")
    yield {"url": url, "db": tmp / "feedback.sqlite3", "log": log_path}
    _stop(proc, log)


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=LAUNCH_ARGS)
        yield b
        b.close()


@pytest.fixture(scope="module", params=list(WIDTHS))
def page(request, browser, app):
    """One browser tab per screen width, kept across the flows (a conversation builds up).
    The browser says it prefers English: the UI must still be Chinese."""
    width, height = WIDTHS[request.param]
    ctx = browser.new_context(viewport={"width": width, "height": height}, locale="en-US", accept_downloads=True)
    ctx.grant_permissions(["clipboard-read", "clipboard-write"], origin=app["url"].rstrip("/"))
    pg = ctx.new_page()
    pg.errors = []
    pg.on("pageerror", lambda e: pg.errors.append(str(e)))
    # resource loads are not app errors (the machine is offline: no web fonts, no analytics)
    pg.on("console", lambda m: pg.errors.append(m.text)
          if m.type == "error" and "Failed to load resource" not in m.text else None)
    pg.goto(app["url"])
    pg.wait_for_selector("#question textarea", timeout=60_000)
    pg.width = request.param
    yield pg
    assert pg.errors == [], pg.errors
    ctx.close()


def shot(page, name: str) -> None:
    page.screenshot(path=str(SHOTS / f"{page.width}-{name}.png"), full_page=False)


def in_view(page, locator) -> bool:
    box = locator.bounding_box()
    vh = page.viewport_size["height"]
    return box is not None and box["y"] >= -1 and box["y"] + min(box["height"], 40) <= vh + 1


def tab(page, name: str) -> None:
    page.get_by_role("tab", name=name).click()


def ask(page, text: str):
    tab(page, "问答")
    before = page.locator("[data-testid=turn]").count()
    page.locator("#question textarea").fill(text)
    page.locator("#ask").click()
    page.wait_for_function("(n) => document.querySelectorAll('[data-testid=turn]').length > n", arg=before,
                           timeout=60_000)
    page.wait_for_timeout(300)  # the scroll to the new turn runs after the render
    return page.locator("[data-testid=turn]").last


# --- flows ------------------------------------------------------------------------------------

def test_all_tabs_reachable_and_texts_chinese(page):
    for name in ("问答", "文件浏览", "一致性检查", "培训测验"):
        assert page.get_by_role("tab", name=name).is_visible(), f"tab {name} hidden (e.g. behind 「⋯」)"
    assert page.evaluate("document.documentElement.lang") == "zh-CN"
    # no English tooltip or label on anything the user can see
    english = page.evaluate("""() => [...document.querySelectorAll('[title],[aria-label]')]
        .filter(e => e.offsetParent !== null)
        .map(e => (e.getAttribute('title') || '') + ' ' + (e.getAttribute('aria-label') || ''))
        .filter(t => /[A-Za-z]{3,}/.test(t))""")
    assert english == []
    shot(page, "0-start")


def test_ask_reads_one_answer_under_the_question(page):
    turn = ask(page, "续贷需要重新评估抵押物吗？")
    q, a = turn.locator("[data-testid=question]"), turn.locator("[data-testid=answer]")
    badge = a.locator("[data-testid=verdict]")
    lead = a.locator("[data-testid=lead]").inner_text()
    # badge and text say the same word, and the word matches the question's modality
    assert badge.inner_text() in ("需要", "不需要", "视情况而定")
    assert lead.startswith(badge.inner_text())
    # the question stays visible with the badge under it; nothing overlaps
    assert in_view(page, q) and in_view(page, badge)
    qb, ab = q.bounding_box(), a.bounding_box()
    assert qb["y"] + qb["height"] <= ab["y"] + 1
    # one answer: the lead sentence is on the page once (no answer panel, no copy box)
    assert page.locator("body").inner_text().count(lead.strip()) == 1
    cards = a.locator("[data-testid=citation]")
    assert cards.count() >= 1
    text = cards.first.inner_text()
    assert "《" in text and ("条" in text or "、" in text)
    assert "原文位置" not in text and not re.search(r"[a-z]+-[a-z]+|doc_id", text)
    shot(page, "1-answer")


def test_citation_opens_source_with_sentence_marked(page):
    turn = ask(page, "质押贷款可以办理续贷通吗？")
    card = turn.locator("[data-testid=citation]").first
    head = card.inner_text().split("\n")[0]
    title = re.search(r"《(.+?)》", head).group(1)
    turn.locator(".pq-ref").first.click() if turn.locator(".pq-ref").count() else card.click()
    src = page.locator("[data-testid=source][data-reveal]")
    src.wait_for(timeout=30_000)
    page.wait_for_timeout(300)
    assert title in src.locator(".pq-source-head").inner_text()
    mark = src.locator(".pq-focus mark[data-testid=quote]").first
    assert in_view(page, mark), "the highlighted sentence must be on screen after the click"
    assert "质押" in src.locator(".pq-focus").inner_text()
    assert src.locator("strong.pq-term").count() >= 1, "the asked terms are emphasised"
    shot(page, "2-source")
    # and from the source to the whole document, at the same clause
    src.locator("[data-testid=open-document]").click()
    focus = page.locator("[data-testid=document] .pq-focus")
    focus.wait_for(timeout=30_000)
    page.wait_for_timeout(300)
    assert in_view(page, focus) and focus.locator("mark").count() >= 1
    assert title in page.locator("[data-testid=document] h3").inner_text()
    shot(page, "3-source-in-browser")
    tab(page, "问答")


def test_follow_up_uses_the_conversation(page):
    turn = ask(page, "那项目贷款呢？")
    assert "理解为" in turn.locator("[data-testid=question]").inner_text()
    assert "项目贷款" in turn.locator("[data-testid=question]").inner_text()
    assert turn.locator("[data-testid=verdict]").inner_text() in ("可以", "不可以", "视情况而定")


def test_copy_button_copies_answer_with_references(page):
    turn = page.locator("[data-testid=turn]").last
    turn.locator("[data-testid=copy]").click()
    page.wait_for_function("() => [...document.querySelectorAll('[data-testid=copy]')].some(b => b.textContent.includes('已复制'))",
                           timeout=5_000)
    copied = page.evaluate("navigator.clipboard.readText()")
    assert "[1] 《" in copied and turn.locator("[data-testid=lead]").inner_text().strip()[:6] in copied


def test_feedback_is_stored_and_exported(page, app):
    turn = page.locator("[data-testid=turn]").last
    question = turn.locator("[data-testid=question]").inner_text().split("\n")[-1].split("（")[0].strip()
    turn.locator("[data-testid=rate-down]").click()
    page.locator("[data-testid=turn]").last.locator("[data-testid=note]").wait_for(timeout=30_000)
    note = f"应同时看第四条（{page.width}）"
    page.locator("[data-testid=turn]").last.locator("[data-testid=note]").fill(note)
    page.locator("[data-testid=turn]").last.locator("[data-testid=note-submit]").click()
    page.wait_for_function("() => { const t = [...document.querySelectorAll('[data-testid=turn]')].pop();"
                           " return t && t.innerText.includes('说明已保存'); }", timeout=30_000)
    shot(page, "4-feedback")
    with sqlite3.connect(app["db"]) as db:
        notes = [r[0] for r in db.execute("SELECT note FROM feedback WHERE rating = 'down'")]
    assert note in notes
    # compliance export from the UI
    page.locator("#audit").get_by_text("反馈与审计记录").click()
    page.locator("#audit").get_by_text("CSV").click()
    page.locator("#export-feedback").click()
    link = page.locator("#feedback-file a").first
    link.wait_for(timeout=30_000)
    with page.expect_download() as dl:
        link.click()
    rows = list(csv.DictReader(io.StringIO(Path(dl.value.path()).read_bytes().decode("utf-8-sig"))))
    ours = [r for r in rows if r["反馈说明"] == note]
    assert ours and ours[0]["反馈"] == "👎 有误" and ours[0]["问题"] == question and ours[0]["引用条款"].startswith("[1] 《")
    shot(page, "5-export")


def test_long_question_is_announced_not_cut(page):
    tab(page, "问答")
    text = "续贷" * 1050
    page.locator("#question textarea").fill(text)
    page.locator("#question textarea").press("End")
    page.locator("#question textarea").type("。")
    assert "超过 2000 字" in page.locator("#qcount").inner_text()
    page.locator("#ask").click()
    page.wait_for_function("() => [...document.querySelectorAll('[data-testid=turn]')].pop().innerText.includes('问题过长')",
                           timeout=60_000)
    assert len(page.locator("#question textarea").input_value()) == len(text) + 1, "the question was cut"
    for bad, message in (("", "问题为空"), ("？？？！！", "标点")):
        turn = ask(page, bad)
        assert message in turn.locator("[data-testid=lead]").inner_text()
    body = page.locator("body").inner_text()
    assert "Traceback" not in body and "Error" not in body
    page.locator("#question textarea").fill("")


def test_browse_tree_search_and_jump(page):
    tab(page, "文件浏览")
    page.locator("#search-btn").click()
    assert "请输入要搜索的词语" in page.locator("#results [data-testid=hint]").inner_text()
    doc = page.locator("[data-testid=document]")
    doc.wait_for(timeout=30_000)
    # a real tree: items nested under their article, each label once
    assert page.locator("[data-testid=document] .pq-kids [data-testid=tree-node]").count() >= 3
    doubled = page.evaluate("""() => [...document.querySelectorAll('[data-testid=document] .pq-own')].filter(o => {
        const label = o.querySelector('.pq-label').innerText.trim().normalize('NFKC');
        const rest = o.querySelector('.pq-text').innerText.trim().normalize('NFKC');
        return label && rest.startsWith(label); }).map(o => o.innerText.slice(0, 30))""")
    assert doubled == [], "a label is shown twice"
    text = doc.inner_text()
    first_item = page.locator("[data-testid=document] .pq-kids .pq-text").first.inner_text().strip()[:20]
    assert text.count(first_item) == 1, "an item is shown twice"
    page.locator("#search input, #search textarea").first.fill("抵押登记")
    page.locator("#search-btn").click()
    hit = page.locator("[data-testid=hit]").first
    hit.wait_for(timeout=30_000)
    assert hit.locator("strong.pq-term").count() >= 1
    assert not re.search(r"\d\.\d{3}", page.locator("#results").inner_text()), "bare scores shown"
    title = re.search(r"《(.+?)》", hit.inner_text()).group(1)
    hit.click()
    page.wait_for_function("(t) => { const d = document.querySelector('[data-testid=document] h3');"
                           " return d && d.innerText.includes(t) && document.querySelector('[data-testid=document] .pq-focus'); }",
                           arg=title, timeout=30_000)
    page.wait_for_timeout(300)
    assert in_view(page, page.locator("[data-testid=document] .pq-focus"))
    shot(page, "6-browse")


def test_compare_flags_conflicts_and_downloads_xlsx(page):
    from openpyxl import load_workbook

    tab(page, "一致性检查")
    page.locator("#topic input, #topic textarea").first.fill("续贷资金能否用于其他用途？")
    page.locator("#compare").click()
    page.locator("[data-testid=comparison]").wait_for(timeout=60_000)
    cells = page.locator(".pq-compare td.pq-cell b")
    assert cells.count() >= 2
    # the verdict column is wide: a verdict (「不可以」) stays on one line, never a character a line
    for i in range(cells.count()):
        box = cells.nth(i).bounding_box()
        line = cells.nth(i).evaluate("e => parseFloat(getComputedStyle(e).lineHeight) || 24")
        if len(cells.nth(i).inner_text()) <= 6:
            assert box["height"] < 1.6 * line, cells.nth(i).inner_text()
    if page.locator("[data-testid=conflict]").count():
        row = page.locator(".pq-conflict-row").first
        assert row.evaluate("e => getComputedStyle(e).backgroundColor") not in ("rgba(0, 0, 0, 0)", "rgb(255, 255, 255)")
    silent = page.locator("[data-testid=silent]")
    if silent.count():
        assert re.search(r"另有 \d+ 份文件未规定", silent.inner_text())
        assert not silent.locator("li").first.is_visible(), "未规定 rows are folded"
    shot(page, "7-compare")
    page.locator("#report").click()
    link = page.locator("#report-file a").first
    link.wait_for(timeout=120_000)
    with page.expect_download() as dl:
        link.click()
    assert dl.value.suggested_filename.endswith(".xlsx")
    ws = load_workbook(io.BytesIO(Path(dl.value.path()).read_bytes())).active
    assert [c.value for c in ws[1]][:4] == ["主题", "文件", "层级", "是否规定"] and ws.max_row > 20


def test_quiz_take_retry_and_new_set(page):
    tab(page, "培训测验")
    page.locator("#quiz-topic input, #quiz-topic textarea").first.fill("质押")
    page.locator("#quiz-n input[type=number]").fill("10")
    page.locator("#quiz-n input[type=number]").press("Enter")
    page.locator("#quiz-new").click()
    page.locator("#quiz-q0").first.wait_for(state="visible", timeout=60_000)
    page.wait_for_timeout(300)
    shown = sum(1 for i in range(10) if page.locator(f"#quiz-q{i}").first.is_visible())
    note = page.locator("#quiz-note").inner_text()
    # asking for more than exist says so instead of silently giving fewer
    assert shown == 10 or f"只找到 {shown} 道与「质押」有关的题目（要求 10 道）" in note, note
    page.locator("#quiz-a0 label").first.click()
    page.locator("#quiz-submit").click()
    page.locator("[data-testid=quiz-score]").wait_for(timeout=60_000)
    assert page.locator("[data-testid=quiz-explanation]").count() == shown
    shot(page, "8-quiz-result")
    wrong = page.locator("[data-testid=quiz-explanation] .badge-no").count()
    page.locator("#quiz-retry").click()
    page.wait_for_function("() => !document.querySelector('[data-testid=quiz-score]')", timeout=30_000)
    page.wait_for_timeout(300)
    visible = sum(1 for i in range(10) if page.locator(f"#quiz-q{i}").first.is_visible())
    assert visible == wrong, "retry shows exactly the wrong ones, results cleared"
    # a new set: another seed, other questions, nothing left from before
    page.locator("#quiz-topic input, #quiz-topic textarea").first.fill("")
    page.locator("#quiz-new").click()
    page.locator("#quiz-q4").first.wait_for(state="visible", timeout=30_000)
    def current_set() -> list[str]:
        return [page.locator(f"#quiz-q{i}").first.inner_text() for i in range(5)]

    before = current_set()
    seed = page.locator("#quiz-seed input").input_value()
    page.locator("#quiz-shuffle").click()
    page.wait_for_function("(s) => document.querySelector('#quiz-seed input').value !== s", arg=seed, timeout=30_000)
    # the new set renders after the seed changes; five questions at once rule out a chance repeat
    deadline = time.time() + 30
    while time.time() < deadline and current_set() == before:
        page.wait_for_timeout(200)
    assert current_set() != before
    assert page.locator("[data-testid=quiz-score]").count() == 0
    shot(page, "9-quiz-new-set")
    tab(page, "问答")


def test_html_in_questions_is_shown_not_run(page):
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    turn = ask(page, "<img src=x onerror=alert(1)><script>alert(2)</script>${alert(3)}质押贷款能否续贷？")
    page.wait_for_timeout(500)
    assert dialogs == []
    assert page.locator("#chat img").count() == 0 and page.locator("#chat script").count() == 0
    assert turn.locator("[data-testid=verdict]").count() == 1


# --- server-level checks (one width is enough) -------------------------------------------------

def test_busy_reply_is_chinese(real_settings, tmp_path, browser):
    """Admission control is gradio's queue: with one request running and the one waiting place
    taken, the next user reads a Chinese busy message at once."""
    proc, log, url, _ = _start_app(real_settings, tmp_path, {"POLICYQA_QUEUE_SIZE": "1", "POLICYQA_CONCURRENCY": "1"})
    try:
        ctx = browser.new_context(viewport={"width": 390, "height": 844}, locale="en-US")
        pages = [ctx.new_page() for _ in range(4)]
        for pg in pages:
            pg.goto(url)
            pg.wait_for_selector("#question textarea", timeout=60_000)
        # a question near the length limit takes the longest to answer (about half a second): one runs,
        # one waits, and a later one meets the full queue — which of the last two depends on timing
        slow = "质押贷款能否办理续贷通？客户是个体工商户，" * 90
        for pg in pages[:3]:
            pg.locator("#question textarea").fill(slow[:1990])
        pages[3].locator("#question textarea").fill("质押贷款可以办理续贷通吗？")
        for pg in pages:   # dispatched from script: all four reach the queue within milliseconds
            pg.evaluate("document.querySelector('#ask button, button#ask, #ask').click()")
        deadline = time.time() + 30
        busy = []
        while time.time() < deadline and not busy:
            busy = [pg for pg in pages[2:] if pg.get_by_text("系统繁忙").count()]
            time.sleep(0.2)
        assert busy, "no request met the full queue"
        assert all("currently busy" not in pg.locator("body").inner_text() for pg in pages)
        busy[0].screenshot(path=str(SHOTS / "phone-busy.png"))
        ctx.close()
    finally:
        _stop(proc, log)


def test_ask_api_still_answers(app):
    from gradio_client import Client

    html = Client(app["url"], verbose=False).predict("质押贷款可以办理续贷通吗？", [], api_name="/ask")[0]
    assert 'data-testid="answer"' in html and 'data-testid="verdict"' in html and "《" in html


@pytest.mark.parametrize("path", ["gradio_api/file=/etc/passwd", "gradio_api/file=../../README.md",
                                  "file=/etc/passwd", "../../../../etc/passwd"])
def test_no_arbitrary_files_are_served(app, path):
    try:
        with urllib.request.urlopen(app["url"] + path, timeout=10) as resp:
            body = resp.read().decode("utf-8", "replace")
        assert "root:x:0:0" not in body and "续贷政策助手" not in body[:200] or resp.status != 200
    except urllib.error.HTTPError as exc:
        assert exc.code in (400, 403, 404, 405)


def test_listens_on_loopback_and_says_what_it_does(app):
    assert app["url"].startswith("http://127.0.0.1:")
    log = app["log"].read_text("utf-8", "replace")
    assert "gradio.live" not in log and "share" not in log.lower()
    assert "索引就绪" in log and "已启动" in log
