"""`python -m ingest add FILE`: a bank's own .txt, .md, .docx or text-based .pdf becomes a
corpus document (verbatim text + metadata) and is indexed. Anything that cannot be used is
refused with the reason, and nothing already in the corpus changes."""

from __future__ import annotations

import hashlib
import os
import re
import uuid
from pathlib import Path

from .load import LEVELS, MAX_DOC_BYTES, CorpusError, SourceDoc, load_corpus, parse_doc
from .settings import Settings

SUPPORTED = (".txt", ".md", ".docx", ".pdf")
_PAGE_NUMBER_LINE = re.compile(r"^\s*[-—–]?\s*\d{1,4}\s*[-—–]?\s*$|^\s*第\s*\d{1,4}\s*页(\s*共\s*\d+\s*页)?\s*$")


class AddError(CorpusError):
    """A file that cannot become a corpus document; the message says why."""


def extract_text(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED:
        raise AddError(f"{path.name}: unknown format {suffix or '(none)'}; supported: {', '.join(SUPPORTED)}")
    if not path.is_file():
        raise AddError(f"{path}: no such file")
    size = path.stat().st_size
    if size == 0:
        raise AddError(f"{path.name}: the file is empty")
    if size > 50 * MAX_DOC_BYTES:
        raise AddError(f"{path.name}: {size:,} bytes is too large for one document; split it")
    if suffix in (".txt", ".md"):
        return _plain_text(path)
    if suffix == ".docx":
        return _docx_text(path)
    return _pdf_text(path)


def _plain_text(path: Path) -> str:
    raw = path.read_bytes()
    if b"\x00" in raw:
        raise AddError(f"{path.name}: contains NUL bytes; it is a binary file, not text")
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise AddError(f"{path.name}: neither UTF-8 nor GB18030 text; save it as UTF-8")


def _docx_text(path: Path) -> str:
    try:
        import docx
    except ImportError:
        raise AddError("reading .docx needs python-docx: pip install -e '.[docs]'") from None
    try:
        document = docx.Document(str(path))
    except Exception as exc:  # python-docx raises zip, xml and key errors for broken files
        raise AddError(f"{path.name}: not a readable .docx ({type(exc).__name__}); re-save it from Word") from None
    lines = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            lines.append("\t".join(cell.text for cell in row.cells))
    return "\n".join(lines)


def _pdf_text(path: Path) -> str:
    try:
        from pypdf import PdfReader
        from pypdf.errors import PdfReadError
    except ImportError:
        raise AddError("reading .pdf needs pypdf: pip install -e '.[docs]'") from None
    try:
        reader = PdfReader(str(path))
        if reader.is_encrypted:
            try:
                ok = reader.decrypt("")
            except Exception:  # noqa: BLE001 - unsupported encryption is as good as a password
                ok = 0
            if not ok:
                raise AddError(f"{path.name}: the PDF is password-protected; remove the password and add it again")
        pages = [page.extract_text() or "" for page in reader.pages]
    except AddError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as exc:
        raise AddError(f"{path.name}: not a readable PDF ({type(exc).__name__})") from None
    text = "\n".join(pages)
    if not text.strip():
        raise AddError(f"{path.name}: the PDF has no text layer (a scan?); run OCR on it first")
    return text


def clean_text(text: str) -> str:
    """Only what a file format adds is removed: line-ending styles, trailing blanks, page numbers."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x0c", "\n")
    lines = [line.rstrip() for line in text.split("\n") if not _PAGE_NUMBER_LINE.match(line)]
    return "\n".join(lines).strip("\n") + "\n"


def _slug(name: str, text: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
    return slug[:48] if len(slug) >= 3 else f"doc-{hashlib.sha1(text.encode()).hexdigest()[:8]}"


def _toml(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ") + '"'


def add_document(settings: Settings, path: Path, *, title: str | None = None, issuer: str | None = None,
                 kind: str | None = None, level: str = "bank", doc_id: str | None = None,
                 region: str | None = None) -> SourceDoc:
    """Write the corpus file for `path` (atomically) and return it. Raises AddError."""
    if level not in LEVELS:
        raise AddError(f"--level {level!r} must be one of {', '.join(LEVELS)}")
    text = clean_text(extract_text(path))
    if not text.strip():
        raise AddError(f"{path.name}: no text in the file")
    body = text.encode("utf-8")
    if len(body) > MAX_DOC_BYTES:
        raise AddError(f"{path.name}: {len(body):,} bytes of text is over the {MAX_DOC_BYTES:,}-byte limit; split it")
    first_line = next((ln.strip() for ln in text.split("\n") if ln.strip()), path.stem)
    title = (title or (first_line if len(first_line) <= 60 else path.stem)).strip()
    doc_id = doc_id or _slug(path.stem, text)
    existing, _errors = load_corpus(settings.corpus_dir)
    for doc in existing:
        if doc.doc_id == doc_id:
            raise AddError(f"{path.name}: doc_id {doc_id!r} is already in the corpus ({doc.path}); choose another with --id")
        if doc.text.strip() == text.strip():
            raise AddError(f"{path.name}: the same text is already in the corpus as {doc.doc_id} ({doc.path})")
    meta = {"doc_id": doc_id, "title": title, "issuer": issuer or "未注明", "kind": kind or "制度文件",
            "level": level, "source": path.name}
    if region:
        meta["region"] = region
    head = "+++\n" + "".join(f"{k} = {_toml(v)}\n" for k, v in meta.items()) + "excerpt = false\n+++\n"
    content = (head + text).encode("utf-8")
    target = settings.corpus_dir / f"{doc_id}.txt"
    doc = parse_doc(content, target.name)  # the file is checked before it exists
    tmp = settings.corpus_dir / f".{doc_id}.{uuid.uuid4().hex[:6]}.tmp"
    try:
        with open(tmp, "xb") as fh:
            fh.write(content)
            fh.flush()
            os.fsync(fh.fileno())
        if target.exists():
            raise AddError(f"{target.name} already exists in the corpus; choose another --id")
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)
    return doc
