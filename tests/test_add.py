"""`python -m ingest add`: a bank's own files become corpus documents; bad files are refused
with the reason and the corpus does not change."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from ingest.add import AddError, add_document
from ingest.clauses import split_clauses
from ingest.load import load_corpus
from ingest.settings import Settings

from .conftest import CORPUS, ROOT

RULES_ID = "mou-yinhang-xiaoweiqiye-xudai-guanli-banfa"  # the title in pinyin, word by word
RULES = "某银行小微企业续贷管理办法\n第一条 为规范续贷业务，制定本办法。\n第二条 同一笔贷款续贷次数不得超过3次。\n第三条 质押贷款不得办理续贷。\n"


@pytest.fixture
def settings(tmp_path) -> Settings:
    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS, corpus)
    return replace(Settings(), corpus_dir=corpus, index_dir=tmp_path / "index", embedding="hash")


def _snapshot(corpus: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(corpus.iterdir())}


def _pdf(path: Path, lines: list[str], password: str | None = None) -> Path:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    c = canvas.Canvas(str(path))
    c.setFont("STSong-Light", 12)
    for i, line in enumerate(lines):
        c.drawString(50, 800 - 20 * i, line)
    c.drawString(290, 30, "1")  # a page number
    c.showPage()
    c.save()
    if password:
        from pypdf import PdfReader, PdfWriter

        writer = PdfWriter(clone_from=PdfReader(str(path)))
        writer.encrypt(password)
        writer.write(str(path))
    return path


def _docx(path: Path, lines: list[str]) -> Path:
    import docx

    d = docx.Document()
    for line in lines:
        d.add_paragraph(line)
    d.save(str(path))
    return path


@pytest.mark.parametrize("maker", ["txt", "txt-gbk", "md", "docx", "pdf"])
def test_supported_formats_become_documents(settings, tmp_path, maker):
    lines = RULES.strip().split("\n")
    if maker == "txt":
        src = tmp_path / "bank-rules.txt"
        src.write_text(RULES, "utf-8")
    elif maker == "txt-gbk":
        src = tmp_path / "bank-rules.txt"
        src.write_bytes(RULES.encode("gb18030"))
    elif maker == "md":
        src = tmp_path / "bank-rules.md"
        src.write_text(RULES, "utf-8")
    elif maker == "docx":
        src = _docx(tmp_path / "bank-rules.docx", lines)
    else:
        src = _pdf(tmp_path / "bank-rules.pdf", lines)
    doc = add_document(settings, src, issuer="某银行", kind="管理办法")
    assert doc.doc_id == RULES_ID and doc.title == "某银行小微企业续贷管理办法"
    labels = [c.ref for c in split_clauses(doc.doc_id, doc.text) if c.is_top]
    assert labels == ["标题", "第一条", "第二条", "第三条"]
    assert "同一笔贷款续贷次数不得超过3次。" in doc.text and "\n1\n" not in doc.text
    docs, errors = load_corpus(settings.corpus_dir)
    assert not errors and len(docs) == 12


def test_added_document_is_indexed_and_cited_verbatim(settings, tmp_path):
    from ingest.index import build_index
    from assistant.chain import Assistant

    src = tmp_path / "bank-rules.txt"
    src.write_text(RULES, "utf-8")
    doc = add_document(settings, src)
    build_index(settings, progress=False)
    answer = Assistant(settings).ask("某银行同一笔贷款续贷次数不得超过几次？")
    cited = [c for c in answer.citations if c.doc_id == doc.doc_id]
    assert cited and "3次" in answer.answer
    text = (settings.corpus_dir / f"{doc.doc_id}.txt").read_text("utf-8")
    assert text[text.index("+++\n", 4) + 4:][cited[0].start:cited[0].end] == cited[0].quote


@pytest.mark.parametrize("case,message", [
    ("scanned", "没有文字层"), ("password", "设有密码"), ("unknown", "不支持的格式"),
    ("duplicate", "相同的文本已在语料中"), ("empty", "空的"), ("binary", "NUL 字节"), ("broken-docx", "无法读取的 .docx"),
    ("broken-pdf", "无法读取的 PDF"), ("latin1", "既不是 UTF-8 也不是 GB18030"), ("taken-id", "已在语料中"),
])
def test_bad_files_are_refused_and_nothing_changes(settings, tmp_path, case, message):
    before = _snapshot(settings.corpus_dir)
    kwargs = {}
    if case == "scanned":
        from pypdf import PdfWriter

        w = PdfWriter()
        w.add_blank_page(595, 842)
        src = tmp_path / "scan.pdf"
        w.write(str(src))
    elif case == "password":
        src = _pdf(tmp_path / "secret.pdf", ["第一条 甲。"], password="s3cret")
    elif case == "unknown":
        src = tmp_path / "rules.xlsx"
        src.write_bytes(b"PK\x03\x04 not really")
    elif case == "duplicate":
        original = (CORPUS / "xudaitong.txt").read_text("utf-8")
        src = tmp_path / "copy.txt"
        src.write_text(original[original.index("+++\n", 4) + 4:], "utf-8")
    elif case == "empty":
        src = tmp_path / "empty.txt"
        src.write_bytes(b"")
    elif case == "binary":
        src = tmp_path / "bin.txt"
        src.write_bytes(os.urandom(64) + b"\x00")
    elif case == "broken-docx":
        src = tmp_path / "broken.docx"
        src.write_bytes(b"PK\x03\x04garbage")
    elif case == "broken-pdf":
        src = tmp_path / "broken.pdf"
        src.write_bytes(b"%PDF-1.4\n garbage")
    elif case == "latin1":
        src = tmp_path / "latin.txt"
        src.write_bytes(bytes(range(0x80, 0xff)) * 3)
    else:
        src = tmp_path / "rules.txt"
        src.write_text(RULES, "utf-8")
        kwargs["doc_id"] = "xudaitong"
    with pytest.raises(AddError, match=message):
        add_document(settings, src, **kwargs)
    assert _snapshot(settings.corpus_dir) == before


def test_cli_add(settings, tmp_path):
    src = tmp_path / "bank-rules.txt"
    src.write_text(RULES, "utf-8")
    env = dict(os.environ, POLICYQA_CORPUS=str(settings.corpus_dir), POLICYQA_INDEX=str(settings.index_dir),
               POLICYQA_EMBEDDING="hash")
    ok = subprocess.run([sys.executable, "-m", "ingest", "add", str(src), "--issuer", "某银行"], capture_output=True,
                        cwd=ROOT, env=env, timeout=120)
    assert ok.returncode == 0, ok.stderr.decode()
    assert RULES_ID in ok.stdout.decode() and "索引已更新" in ok.stdout.decode()
    again = subprocess.run([sys.executable, "-m", "ingest", "add", str(src)], capture_output=True, cwd=ROOT,
                           env=env, timeout=120)
    assert again.returncode == 2 and "已在语料中" in again.stderr.decode() and "Traceback" not in again.stderr.decode()


@pytest.mark.parametrize("title,taken,expected", [
    ("某银行小微企业续贷管理办法", set(), RULES_ID),
    ("某银行小微企业续贷管理办法", {RULES_ID}, RULES_ID + "-2"),
    ("某银行小微企业续贷管理办法", {RULES_ID, RULES_ID + "-2"}, RULES_ID + "-3"),
    ("ABC Bank Renewal Rules", set(), "abc-bank-renewal-rules"),
    ("２０２４年续贷细则", set(), "2024*"),           # full-width digits read as digits
    ("（）", set(), "doc-*"),                         # nothing readable: a hash, still a valid slug
])
def test_doc_id_is_derived_from_the_title(title, taken, expected):
    from ingest.add import doc_id_for
    from ingest.load import _SLUG

    doc_id = doc_id_for(title, taken)
    assert doc_id.startswith(expected[:-1]) if expected.endswith("*") else doc_id == expected
    assert doc_id not in taken and _SLUG.match(doc_id)


def test_chinese_file_name_gets_a_readable_id_and_the_reported_count_matches_the_index(settings, tmp_path):
    import json
    import re

    from ingest.index import build_index, current_generation

    before = build_index(settings, progress=False).units
    src = tmp_path / "某银行续贷办法.txt"
    src.write_text(RULES, "utf-8")
    env = dict(os.environ, POLICYQA_CORPUS=str(settings.corpus_dir), POLICYQA_INDEX=str(settings.index_dir),
               POLICYQA_EMBEDDING="hash")
    ok = subprocess.run([sys.executable, "-m", "ingest", "add", str(src)], capture_output=True, cwd=ROOT, env=env,
                        timeout=120)
    out = ok.stdout.decode()
    assert ok.returncode == 0, ok.stderr.decode()
    assert f"{RULES_ID}（" in out and "doc-" not in out
    reported = int(re.search(r"(\d+) 个条款）", out).group(1))
    manifest = json.loads((current_generation(settings.index_dir) / "manifest.json").read_text("utf-8"))
    assert reported == manifest["units"] - before == 3, out
