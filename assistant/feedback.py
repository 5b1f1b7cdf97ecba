"""Audit trail and feedback: every answer the web UI gives (question, answer, citations, index
generation, time) and the officer's 👍/👎 with an optional note, in a local SQLite file that
compliance staff export as CSV or xlsx (`python -m assistant feedback export`).

Nothing is ever lost: when the database is locked, damaged or not ours, the record is appended
to a spool file next to it (`<db>.pending.jsonl`) and written on the next successful write; the
database file itself is never modified, moved or recreated by the error path."""

from __future__ import annotations

import csv
import io
import json
import os
import sqlite3
import threading
import uuid
from datetime import datetime
from pathlib import Path
from typing import Iterable, Sequence
from urllib.parse import quote

from ingest.settings import Settings

from .models import Answer

RATINGS = {"up": "👍 有用", "down": "👎 有误"}
SCHEMA_VERSION = 1
_SCHEMA = """
CREATE TABLE IF NOT EXISTS answers (
    id TEXT PRIMARY KEY, asked_at TEXT NOT NULL, question TEXT NOT NULL, asked TEXT NOT NULL,
    answer TEXT NOT NULL, verdict TEXT, verdict_label TEXT, abstained INTEGER NOT NULL,
    citations TEXT NOT NULL, generation TEXT);
CREATE TABLE IF NOT EXISTS feedback (
    id TEXT PRIMARY KEY, answer_id TEXT NOT NULL, given_at TEXT NOT NULL,
    rating TEXT NOT NULL CHECK (rating IN ('up', 'down')), note TEXT NOT NULL DEFAULT '');
CREATE INDEX IF NOT EXISTS feedback_answer ON feedback (answer_id);
"""
EXPORT_HEADERS = ["记录编号", "提问时间", "问题", "按此理解作答", "结论", "回答", "引用条款", "索引版本",
                  "反馈", "反馈说明", "反馈时间"]


class FeedbackError(Exception):
    """A problem with the feedback database; the message is Chinese and says what to do."""

    def __init__(self, message: str, spooled: bool = False, record_id: str | None = None) -> None:
        super().__init__(message)
        self.spooled = spooled      # True: the record is safe in the spool file
        self.record_id = record_id  # the spooled record's id (feedback can still refer to it)


def default_path(settings: Settings) -> Path:
    return settings.feedback_db or settings.index_dir / "feedback.sqlite3"


def _now() -> str:
    return datetime.now().astimezone().isoformat(timespec="seconds")


def citations_text(citations: Sequence[dict]) -> str:
    return "\n".join(f"[{i}] 《{c.get('doc_title', '')}》{c.get('clause', '')}：「{c.get('quote', '')}」"
                     for i, c in enumerate(citations, 1))


class FeedbackLog:
    """One SQLite file. Thread-safe: each call opens its own connection under one lock, so the
    web UI's worker threads never share a connection."""

    def __init__(self, path: Path, timeout: float = 3.0) -> None:
        self.path = Path(path)
        self.spool = self.path.with_name(self.path.name + ".pending.jsonl")
        self.timeout = timeout
        self._lock = threading.Lock()

    # --- writing -------------------------------------------------------------------------

    def record_answer(self, question: str, answer: Answer, generation: str | None, asked: str | None = None) -> str:
        """The audit record of one answer; returns its id (feedback refers to it)."""
        rec = {"table": "answers", "id": uuid.uuid4().hex, "asked_at": _now(), "question": question,
               "asked": asked or answer.question, "answer": answer.answer, "verdict": answer.verdict,
               "verdict_label": answer.verdict_label, "abstained": int(answer.abstained),
               "citations": json.dumps([c.to_json() for c in answer.citations], ensure_ascii=False),
               "generation": generation}
        self._write(rec)
        return rec["id"]

    def record_feedback(self, answer_id: str, rating: str, note: str = "") -> str:
        if rating not in RATINGS:
            raise ValueError(f"rating must be one of {sorted(RATINGS)}")
        rec = {"table": "feedback", "id": uuid.uuid4().hex, "answer_id": answer_id, "given_at": _now(),
               "rating": rating, "note": (note or "").strip()[:2000]}
        self._write(rec)
        return rec["id"]

    def _write(self, rec: dict) -> None:
        with self._lock:
            claimed = None
            try:
                db = self._connect(create=True)
                try:
                    with db:  # one transaction: the spooled records and this one
                        claimed = self._flush_spool(db)
                        _insert(db, rec)
                except BaseException:
                    self._unclaim(claimed)
                    raise
                finally:
                    db.close()
                if claimed:
                    claimed.unlink()
            except FeedbackError as exc:
                self._spool(rec, exc)
            except sqlite3.Error as exc:
                self._spool(rec, self._explain(exc))

    def _spool(self, rec: dict, cause: FeedbackError) -> None:
        try:
            with open(self.spool, "a", encoding="utf-8") as fh:
                fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
                fh.flush()
                os.fsync(fh.fileno())
        except OSError as exc:
            raise FeedbackError(f"{cause}暂存文件 {self.spool} 也无法写入（{exc.strerror or exc}）："
                                f"本条记录未能保存，请联系管理员。") from None
        raise FeedbackError(f"{cause}本条记录已暂存到 {self.spool}，数据库恢复后自动补写，不会丢失。",
                            spooled=True, record_id=rec["id"])

    def _flush_spool(self, db: sqlite3.Connection) -> Path | None:
        """Insert the spooled records into `db` (not yet committed). The spool is first renamed
        to a private name, so a record another process appends meanwhile goes to a new spool
        and is not deleted with this one; ids make a repeated insert harmless."""
        claimed = self.spool.with_name(f"{self.spool.name}.{uuid.uuid4().hex[:8]}.claimed")
        try:
            os.replace(self.spool, claimed)
        except FileNotFoundError:
            return None
        for line in claimed.read_text("utf-8").splitlines():
            try:
                rec = json.loads(line)
            except ValueError:
                continue  # a line cut by a crash mid-write: the others are still good
            _insert(db, rec)
        return claimed

    def _unclaim(self, claimed: Path | None) -> None:
        """The write failed: put the claimed records back in the spool."""
        if claimed is None or not claimed.exists():
            return
        with open(self.spool, "a", encoding="utf-8") as fh:
            fh.write(claimed.read_text("utf-8"))
            fh.flush()
            os.fsync(fh.fileno())
        claimed.unlink()

    # --- reading -------------------------------------------------------------------------

    def pending(self) -> int:
        """Records waiting in the spool file."""
        if not self.spool.exists():
            return 0
        return sum(1 for line in self.spool.read_text("utf-8").splitlines() if line.strip())

    def rows(self) -> list[dict]:
        """Every answer with its latest feedback, oldest first. Spooled records are written
        first when the database allows it."""
        if not self.path.exists():
            return []
        with self._lock:
            claimed = None
            try:
                db = self._connect(create=False)
                try:
                    tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
                    if "answers" not in tables:
                        return []
                    with db:
                        claimed = self._flush_spool(db)
                    cur = db.execute("""
                        SELECT a.*, f.rating, f.note, f.given_at FROM answers a
                        LEFT JOIN feedback f ON f.id = (SELECT id FROM feedback WHERE answer_id = a.id
                                                        ORDER BY given_at DESC, rowid DESC LIMIT 1)
                        ORDER BY a.asked_at, a.rowid""")
                    names = [d[0] for d in cur.description]
                    out = [dict(zip(names, row)) for row in cur.fetchall()]
                except BaseException:
                    self._unclaim(claimed)
                    claimed = None
                    raise
                finally:
                    db.close()
                if claimed:
                    claimed.unlink()
                return out
            except sqlite3.Error as exc:
                raise self._explain(exc) from None

    def export(self, fmt: str) -> bytes:
        """The audit trail as CSV (UTF-8 with BOM, for Excel) or xlsx, Chinese headers."""
        table = []
        for r in self.rows():
            cites = json.loads(r["citations"] or "[]")
            table.append([r["id"], r["asked_at"], r["question"], r["asked"] if r["asked"] != r["question"] else "",
                          r["verdict_label"] or ("文件未规定" if r["abstained"] else ""), r["answer"],
                          citations_text(cites), r["generation"] or "", RATINGS.get(r["rating"] or "", ""),
                          r["note"] or "", r["given_at"] or ""])
        return write_table(EXPORT_HEADERS, table, fmt, sheet="问答与反馈记录")

    # --- connection and errors -----------------------------------------------------------

    def _connect(self, create: bool) -> sqlite3.Connection:
        if create:
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise FeedbackError(f"无法创建反馈记录目录 {self.path.parent}（{exc.strerror or exc}）："
                                    f"请检查权限或用 POLICYQA_FEEDBACK_DB 指定其他位置。") from None
        uri = f"file:{quote(str(self.path))}?mode={'rwc' if create else 'rw'}"
        db = sqlite3.connect(uri, uri=True, timeout=self.timeout)
        try:
            tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            if tables and "answers" not in tables:
                raise FeedbackError(f"{self.path} 是另一个程序的 SQLite 数据库（含表 {', '.join(sorted(tables)[:5])}），"
                                    f"不是本助手的反馈记录库：该文件未作任何改动；请用 POLICYQA_FEEDBACK_DB 指定其他文件。")
            if create and not tables:
                db.executescript(_SCHEMA + f"PRAGMA user_version = {SCHEMA_VERSION};")
        except BaseException:
            db.close()
            raise
        return db

    def _explain(self, exc: sqlite3.Error) -> FeedbackError:
        text = str(exc).lower()
        if "locked" in text or "busy" in text:
            return FeedbackError(f"反馈记录库 {self.path} 正被其他程序占用（已等待 {self.timeout:g} 秒）。")
        if "not a database" in text or "malformed" in text or "corrupt" in text:
            return FeedbackError(f"反馈记录库 {self.path} 不是有效的 SQLite 数据库（可能已损坏）：原文件未作任何改动，"
                                 f"请将其移走备查，或用 POLICYQA_FEEDBACK_DB 指定新文件。")
        if "readonly" in text or "unable to open" in text or "permission" in text:
            return FeedbackError(f"无法写入反馈记录库 {self.path}（{exc}）：请检查文件权限，"
                                 f"或用 POLICYQA_FEEDBACK_DB 指定其他位置。")
        return FeedbackError(f"反馈记录库 {self.path} 出错（{exc}）。")


def _insert(db: sqlite3.Connection, rec: dict) -> None:
    rec = dict(rec)
    table = rec.pop("table")
    if table not in ("answers", "feedback"):
        return
    cols = ", ".join(rec)
    db.execute(f"INSERT OR IGNORE INTO {table} ({cols}) VALUES ({', '.join('?' * len(rec))})", list(rec.values()))


def _safe_cell(value) -> str:
    """Spreadsheet formula injection: a question starting with = + - @ must stay text in Excel."""
    text = "" if value is None else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def write_table(headers: Sequence[str], rows: Iterable[Sequence], fmt: str, sheet: str = "Sheet1") -> bytes:
    """A table as CSV (UTF-8 with BOM, so Excel reads the Chinese) or xlsx bytes."""
    rows = [[_safe_cell(v) for v in row] for row in rows]
    if fmt == "csv":
        buf = io.StringIO()
        w = csv.writer(buf)
        w.writerow(headers)
        w.writerows(rows)
        return buf.getvalue().encode("utf-8-sig")
    if fmt != "xlsx":
        raise ValueError(f"unknown format {fmt!r}: use csv or xlsx")
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    wb = Workbook()
    ws = wb.active
    ws.title = sheet[:31]
    ws.append(list(headers))
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for row in rows:
        ws.append(row)
    for i, h in enumerate(headers, 1):
        longest = max([len(str(h))] + [len(str(r[i - 1])) for r in rows[:200] if i - 1 < len(r)])
        ws.column_dimensions[ws.cell(1, i).column_letter].width = min(60, max(8, longest * 1.6))
    for row in ws.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    ws.freeze_panes = "A2"
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def write_file_atomic(path: Path | str, data: bytes) -> None:
    """Never a half-written export (the one durable atomic-write helper of ingest)."""
    from ingest.files import write_atomic
    write_atomic(Path(path), data)
