"""The feedback/audit trail on a real sqlite3 file: answers and 👍/👎 are stored and exported;
a locked, damaged or foreign database gets a Chinese message and loses nothing."""

from __future__ import annotations

import csv
import io
import os
import sqlite3
import subprocess
import sys
from dataclasses import replace

import pytest

from assistant.feedback import EXPORT_HEADERS, FeedbackError, FeedbackLog, write_table
from assistant.models import Answer, Citation

from .conftest import ROOT


def _answer(question: str = "质押贷款可以办理续贷通吗？") -> Answer:
    cite = Citation(id="c1", doc_id="xudaitong", doc_title="商业银行“续贷通”业务操作管理办法", level="bank",
                    clause_id="xudaitong/a5", clause="第五条", path="第二章适用对象和条件 > 第五条",
                    quote="不包括项目贷款", text="……不包括项目贷款……", start=10, end=17, score=0.9)
    return Answer(question=question, answer="不可以。", verdict="no", abstained=False, citations=[cite],
                  findings=[], verdict_label="不可以")


def _csv_rows(data: bytes) -> list[dict]:
    assert data.startswith(b"\xef\xbb\xbf"), "CSV for Excel must start with a BOM"
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))


@pytest.fixture
def log(tmp_path):
    return FeedbackLog(tmp_path / "fb.sqlite3", timeout=0.2)


def test_answer_and_feedback_are_exported_with_chinese_headers(log):
    aid = log.record_answer("那项目贷款呢？", _answer(), "gen-1", asked="项目贷款可以办理续贷通吗？")
    log.record_feedback(aid, "up")
    log.record_feedback(aid, "down", "应引用第五条")   # the officer changed their mind: latest wins
    rows = _csv_rows(log.export("csv"))
    assert list(rows[0]) == EXPORT_HEADERS
    assert len(rows) == 1
    r = rows[0]
    assert r["问题"] == "那项目贷款呢？" and r["按此理解作答"] == "项目贷款可以办理续贷通吗？"
    assert r["结论"] == "不可以" and r["反馈"] == "👎 有误" and r["反馈说明"] == "应引用第五条"
    assert "《商业银行“续贷通”业务操作管理办法》第五条" in r["引用条款"] and r["索引版本"] == "gen-1"
    # the raw store is a plain sqlite3 database other tools can read
    with sqlite3.connect(log.path) as db:
        assert db.execute("SELECT count(*) FROM feedback").fetchone()[0] == 2


def test_xlsx_export_opens_in_openpyxl(log):
    from openpyxl import load_workbook

    log.record_answer("=HYPERLINK(\"http://x\")", _answer(), "gen-1")
    wb = load_workbook(io.BytesIO(log.export("xlsx")))
    ws = wb.active
    assert [c.value for c in ws[1]] == EXPORT_HEADERS
    # a question that looks like a formula stays text (no formula injection into Excel)
    assert ws.cell(2, 3).value.startswith("'=") and ws.cell(2, 3).data_type == "s"


def test_locked_database_spools_and_catches_up(log):
    aid = log.record_answer("q1", _answer(), "gen-1")
    locker = sqlite3.connect(log.path)
    locker.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(FeedbackError) as exc:
            log.record_feedback(aid, "down", "锁住时提交的说明")
        assert exc.value.spooled and "正被其他程序占用" in str(exc.value) and "不会丢失" in str(exc.value)
        assert log.pending() == 1
    finally:
        locker.rollback()
        locker.close()
    log.record_answer("q2", _answer(), "gen-1")       # the next write brings the spooled one in
    assert log.pending() == 0
    rows = _csv_rows(log.export("csv"))
    assert [r["问题"] for r in rows] == ["q1", "q2"]
    assert rows[0]["反馈说明"] == "锁住时提交的说明"


def test_damaged_file_is_left_alone_and_nothing_is_lost(tmp_path):
    path = tmp_path / "fb.sqlite3"
    junk = b"this is not a database " * 200
    path.write_bytes(junk)
    log = FeedbackLog(path, timeout=0.2)
    with pytest.raises(FeedbackError) as exc:
        log.record_answer("q1", _answer(), "gen-1")
    assert "不是有效的 SQLite 数据库" in str(exc.value) and "POLICYQA_FEEDBACK_DB" in str(exc.value)
    assert exc.value.spooled and exc.value.record_id
    assert path.read_bytes() == junk                    # never overwritten or "repaired"
    with pytest.raises(FeedbackError, match="不是有效的 SQLite 数据库"):
        log.export("csv")
    assert log.pending() == 1
    # the administrator moves the damaged file away: the spooled record arrives
    path.rename(tmp_path / "damaged.sqlite3")
    log.record_answer("q2", _answer(), "gen-1")
    assert [r["问题"] for r in _csv_rows(log.export("csv"))] == ["q1", "q2"]


def test_another_programs_database_is_not_touched(tmp_path):
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE customers (name TEXT)")
    with pytest.raises(FeedbackError, match="另一个程序的 SQLite 数据库"):
        FeedbackLog(path).record_answer("q", _answer(), "gen-1")
    with sqlite3.connect(path) as db:
        assert [r[0] for r in db.execute("SELECT name FROM sqlite_master")] == ["customers"]


def test_unwritable_location_says_so(tmp_path):
    # a path under a regular file cannot be created even by root: neither the database nor
    # the spool can be written, and the message says the record was not saved
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("x")
    with pytest.raises(FeedbackError) as exc:
        FeedbackLog(blocker / "fb.sqlite3").record_answer("q", _answer(), "gen-1")
    assert "无法创建反馈记录目录" in str(exc.value) and "未能保存" in str(exc.value) and not exc.value.spooled


def test_export_of_no_database_is_empty_not_created(tmp_path):
    log = FeedbackLog(tmp_path / "none.sqlite3")
    assert _csv_rows(log.export("csv")) == []
    assert not log.path.exists()


def test_write_table_rejects_unknown_format():
    with pytest.raises(ValueError):
        write_table(["a"], [["1"]], "pdf")


def test_cli_export(tmp_path, log):
    log.record_answer("续贷需要重新评估抵押物吗？", replace(_answer(), question="续贷需要重新评估抵押物吗？"), "gen-9")
    env = dict(os.environ, POLICYQA_FEEDBACK_DB=str(log.path), POLICYQA_INDEX=str(tmp_path / "idx"))
    out = subprocess.run([sys.executable, "-m", "assistant", "feedback", "export", "--format", "csv"],
                         cwd=ROOT, env=env, capture_output=True, timeout=60)
    assert out.returncode == 0, out.stderr.decode()
    assert _csv_rows(out.stdout)[0]["问题"] == "续贷需要重新评估抵押物吗？"
    target = tmp_path / "记录.xlsx"
    out = subprocess.run([sys.executable, "-m", "assistant", "feedback", "export", "--format", "xlsx", "-o", str(target)],
                         cwd=ROOT, env=env, capture_output=True, timeout=60)
    assert out.returncode == 0 and target.read_bytes()[:2] == b"PK"
    (tmp_path / "bad.sqlite3").write_bytes(b"garbage" * 100)
    out = subprocess.run([sys.executable, "-m", "assistant", "feedback", "export"], cwd=ROOT, capture_output=True,
                         env=dict(env, POLICYQA_FEEDBACK_DB=str(tmp_path / "bad.sqlite3")), timeout=60)
    assert out.returncode == 2 and "不是有效的 SQLite 数据库" in out.stderr.decode()
    assert "Traceback" not in out.stderr.decode()
