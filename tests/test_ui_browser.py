"""The web UI in a real headless Chromium: ask, read the citation, browse, bad input."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from evals.procs import free_port, wait_until_up

from .conftest import ROOT

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARTIFACTS = ROOT / "test-artifacts"
pytestmark = [pytest.mark.browser, pytest.mark.slow,
              pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian chromium is not installed")]


@pytest.fixture(scope="module")
def app_url(real_settings):
    port = free_port()
    env = dict(os.environ, POLICYQA_INDEX=str(real_settings.index_dir), POLICYQA_CORPUS=str(real_settings.corpus_dir),
               POLICYQA_PORT=str(port), GRADIO_ANALYTICS_ENABLED="False")
    log = open(ARTIFACTS.mkdir(exist_ok=True) or ARTIFACTS / "app.log", "w")
    proc = subprocess.Popen([sys.executable, "app.py"], cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}/"
    if not wait_until_up(url, proc):
        proc.kill()
        raise RuntimeError(f"app did not start: {(ARTIFACTS / 'app.log').read_text()}")
    yield url
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
    log.close()


@pytest.fixture(scope="module")
def page(app_url):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--no-first-run", "--disable-sync", "--disable-quic"])
        pg = browser.new_page(viewport={"width": 1280, "height": 1000})
        pg.goto(app_url)
        pg.wait_for_selector("#question textarea", timeout=60_000)
        yield pg
        browser.close()


def _ask(page, text: str) -> None:
    page.get_by_role("tab", name="问答").click()
    box = page.locator("#question textarea")
    box.fill(text)
    page.locator("#ask").click()


def test_ask_see_verdict_and_citation(page):
    _ask(page, "质押贷款可以办理续贷通吗？")
    verdict = page.locator("[data-testid=verdict]")
    verdict.wait_for(timeout=60_000)
    assert verdict.inner_text() == "不可以"
    card = page.locator("[data-testid=citation]").first
    assert "续贷通" in card.inner_text()
    card.locator("summary").click()
    mark = card.locator("[data-testid=clause-text] mark")
    mark.wait_for(state="visible", timeout=10_000)
    assert "质押" in mark.inner_text()
    page.screenshot(path=str(ARTIFACTS / "qa-answer.png"), full_page=True)
    assert "质押贷款可以办理续贷通吗" in page.locator("#chat").inner_text()


def test_follow_up_keeps_the_conversation(page):
    _ask(page, "那项目贷款呢？")
    page.wait_for_function("document.querySelector('#chat').innerText.includes('理解为')", timeout=60_000)
    assert "项目贷款" in page.locator("[data-testid=answer]").inner_text()


def test_document_browser(page):
    page.get_by_role("tab", name="文件浏览").click()
    doc = page.locator("[data-testid=document]")
    doc.wait_for(timeout=30_000)
    assert page.locator("[data-testid=tree-clause]").count() > 3
    page.screenshot(path=str(ARTIFACTS / "browse.png"), full_page=True)
    page.get_by_role("tab", name="问答").click()


@pytest.mark.parametrize("text,message", [("", "问题为空"), ("？？？！！", "标点"), ("续" * 10_000, "")])
def test_bad_input_gets_a_friendly_message(page, text, message):
    _ask(page, text)
    answer = page.locator("[data-testid=answer]")
    page.wait_for_function(
        "(m) => { const a = document.querySelector('[data-testid=answer]'); return a && (m === '' || a.innerText.includes(m)); }",
        arg=message, timeout=60_000)
    body = page.locator("body").inner_text()
    assert "Traceback" not in body and "Error" not in body
    assert answer.count() == 1


def test_consistency_tab(page):
    page.get_by_role("tab", name="一致性检查").click()
    page.locator("#topic textarea").fill("续贷资金能否用于其他用途")
    page.locator("#compare").click()
    page.locator("[data-testid=conflict]").first.wait_for(timeout=60_000)
    text = page.locator("[data-testid=comparison]").inner_text()
    assert "结论相反" in text and "2024年小微企业续贷实施细则" in text and "未规定" in text
    page.screenshot(path=str(ARTIFACTS / "consistency.png"), full_page=True)
    page.get_by_role("tab", name="问答").click()


def test_quiz_round(page):
    page.get_by_role("tab", name="培训测验").click()
    page.locator("#quiz-new").click()
    page.locator("#quiz-q0").first.wait_for(state="visible", timeout=60_000)
    first = page.locator("#quiz-a0 label").first
    first.click()
    page.locator("#quiz-submit").click()
    score = page.locator("[data-testid=quiz-score]")
    score.wait_for(timeout=60_000)
    assert score.inner_text().startswith("得分：") and "/5" in score.inner_text()
    assert page.locator("[data-testid=quiz-explanation]").count() == 5
    assert page.locator("[data-testid=quiz-explanation] mark").count() >= 1
    page.screenshot(path=str(ARTIFACTS / "quiz.png"), full_page=True)
    wrong = page.locator("[data-testid=quiz-explanation] .badge-no").count()
    page.locator("#quiz-retry").click()
    if wrong:
        page.wait_for_timeout(1500)
        visible = sum(1 for i in range(10) if page.locator(f"#quiz-q{i}").first.is_visible())
        assert visible == wrong


def test_html_in_questions_is_shown_not_run(page):
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    _ask(page, "<img src=x onerror=alert(1)><script>alert(2)</script>质押贷款能否续贷？")
    page.locator("[data-testid=verdict]").first.wait_for(timeout=60_000)
    page.wait_for_timeout(500)
    assert dialogs == []
    assert page.locator("#answer img").count() == 0 and page.locator("#answer script").count() == 0


@pytest.mark.parametrize("path", ["gradio_api/file=/etc/passwd", "gradio_api/file=../../README.md",
                                  "file=/etc/passwd", "../../../../etc/passwd"])
def test_no_arbitrary_files_are_served(app_url, path):
    try:
        with urllib.request.urlopen(app_url + path, timeout=10) as resp:
            body = resp.read().decode("utf-8", "replace")
        assert "root:x:0:0" not in body and "续贷政策助手" not in body[:200] or resp.status != 200
    except urllib.error.HTTPError as exc:
        assert exc.code in (400, 403, 404, 405)


def test_listens_on_loopback_only(app_url):
    assert app_url.startswith("http://127.0.0.1:")
    log = (ARTIFACTS / "app.log").read_text("utf-8", "replace")
    assert "gradio.live" not in log and "share" not in log.lower()
