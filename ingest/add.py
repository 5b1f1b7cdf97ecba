"""`python -m ingest add FILE`: a bank's own .txt, .md, .docx or text-based .pdf becomes a
corpus document (verbatim text + metadata) and is indexed. Anything that cannot be used is
refused with the reason, and nothing already in the corpus changes."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from .files import TargetExists, write_atomic
from .load import LEVELS, MAX_DOC_BYTES, CorpusError, SourceDoc, load_corpus, parse_doc
from .settings import Settings

SUPPORTED = (".txt", ".md", ".docx", ".pdf")
_PAGE_NUMBER_LINE = re.compile(r"^\s*[-—–]?\s*\d{1,4}\s*[-—–]?\s*$|^\s*第\s*\d{1,4}\s*页(\s*共\s*\d+\s*页)?\s*$")


class AddError(CorpusError):
    """A file that cannot become a corpus document; the message says why."""


def extract_text(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED:
        raise AddError(f"{path.name}：不支持的格式 {suffix or '（无扩展名）'}；支持 {'、'.join(SUPPORTED)}")
    if not path.is_file():
        raise AddError(f"{path}：文件不存在")
    size = path.stat().st_size
    if size == 0:
        raise AddError(f"{path.name}：文件是空的")
    if size > 50 * MAX_DOC_BYTES:
        raise AddError(f"{path.name}：{size:,} 字节，作为一份文件太大；请拆分后分别加入")
    if suffix in (".txt", ".md"):
        return _plain_text(path)
    if suffix == ".docx":
        return _docx_text(path)
    return _pdf_text(path)


def _plain_text(path: Path) -> str:
    raw = path.read_bytes()
    if b"\x00" in raw:
        raise AddError(f"{path.name}：含有 NUL 字节，是二进制文件而不是文本")
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise AddError(f"{path.name}：既不是 UTF-8 也不是 GB18030 编码的文本；请另存为 UTF-8")


def _docx_text(path: Path) -> str:
    try:
        import docx
    except ImportError:
        raise AddError("读取 .docx 需要 python-docx：pip install -e '.[docs]'") from None
    try:
        document = docx.Document(str(path))
    except Exception as exc:  # python-docx raises zip, xml and key errors for broken files
        raise AddError(f"{path.name}：无法读取的 .docx（{type(exc).__name__}）；请用 Word 重新保存") from None
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
        raise AddError("读取 .pdf 需要 pypdf：pip install -e '.[docs]'") from None
    try:
        reader = PdfReader(str(path))
        if reader.is_encrypted:
            try:
                ok = reader.decrypt("")
            except Exception:  # noqa: BLE001 - unsupported encryption is as good as a password
                ok = 0
            if not ok:
                raise AddError(f"{path.name}：PDF 设有密码；请去掉密码后再加入")
        pages = [page.extract_text() or "" for page in reader.pages]
    except AddError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as exc:
        raise AddError(f"{path.name}：无法读取的 PDF（{type(exc).__name__}）") from None
    text = "\n".join(pages)
    if not text.strip():
        raise AddError(f"{path.name}：PDF 没有文字层（扫描件？）；请先做文字识别（OCR）")
    return text


def clean_text(text: str) -> str:
    """Only what a file format adds is removed: line-ending styles, trailing blanks, page numbers."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x0c", "\n")
    lines = [line.rstrip() for line in text.split("\n") if not _PAGE_NUMBER_LINE.match(line)]
    return "\n".join(lines).strip("\n") + "\n"


MAX_ID_CHARS = 48


def doc_id_for(title: str, taken: set[str]) -> str:
    """A short, readable doc_id from the title: its words in pinyin (`某银行续贷管理办法` ->
    `mou-yinhang-xudai-guanli-banfa`), cut at a word boundary, made unique with -2, -3…"""
    import logging
    import unicodedata

    import jieba
    from pypinyin import Style, lazy_pinyin

    from .tokenize import DATA

    jieba.setLogLevel(logging.WARNING)  # its dictionary-loading chatter is not for the user
    # a tokenizer of its own, with the domain dictionary, so the id does not depend on what
    # else this process has loaded into jieba's global one
    tokenizer = jieba.Tokenizer()
    tokenizer.load_userdict(str(DATA / "userdict.txt"))
    words: list[str] = []
    for word in tokenizer.lcut(unicodedata.normalize("NFKC", title)):
        # pinyin per character, joined within a word so the id reads word by word
        slug = re.sub(r"[^a-z0-9]+", "", "".join(lazy_pinyin(word, style=Style.NORMAL, errors="default")).lower())
        if not slug:
            continue
        if words and len("-".join(words + [slug])) > MAX_ID_CHARS:
            break
        words.append(slug[:MAX_ID_CHARS])
    base = "-".join(words) or "doc-" + hashlib.sha1(title.encode("utf-8")).hexdigest()[:8]
    if len(base) < 3:
        base = f"doc-{base}"
    doc_id, n = base, 2
    while doc_id in taken:
        doc_id, n = f"{base}-{n}", n + 1
    return doc_id


def _toml(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ") + '"'


def add_document(settings: Settings, path: Path, *, title: str | None = None, issuer: str | None = None,
                 kind: str | None = None, level: str = "bank", doc_id: str | None = None,
                 region: str | None = None) -> SourceDoc:
    """Write the corpus file for `path` (atomically) and return it. Raises AddError."""
    if level not in LEVELS:
        raise AddError(f"--level {level!r} 无效，应为 {'、'.join(LEVELS)} 之一")
    text = clean_text(extract_text(path))
    if not text.strip():
        raise AddError(f"{path.name}：文件中没有文字")
    body = text.encode("utf-8")
    if len(body) > MAX_DOC_BYTES:
        raise AddError(f"{path.name}：文本 {len(body):,} 字节，超过单份文件 {MAX_DOC_BYTES:,} 字节的上限；请拆分")
    first_line = next((ln.strip() for ln in text.split("\n") if ln.strip()), path.stem)
    title = (title or (first_line if len(first_line) <= 60 else path.stem)).strip()
    existing, _errors = load_corpus(settings.corpus_dir)
    taken = {d.doc_id for d in existing} | {p.stem for p in settings.corpus_dir.glob("*.txt")}
    doc_id = doc_id or doc_id_for(title, taken)
    for doc in existing:
        if doc.doc_id == doc_id:
            raise AddError(f"{path.name}：doc_id {doc_id!r} 已在语料中（{doc.path}）；请用 --id 另取一个")
        if doc.text.strip() == text.strip():
            raise AddError(f"{path.name}：相同的文本已在语料中，doc_id 为 {doc.doc_id}（{doc.path}）")
    meta = {"doc_id": doc_id, "title": title, "issuer": issuer or "未注明", "kind": kind or "制度文件",
            "level": level, "source": path.name}
    if region:
        meta["region"] = region
    head = "+++\n" + "".join(f"{k} = {_toml(v)}\n" for k, v in meta.items()) + "excerpt = false\n+++\n"
    content = (head + text).encode("utf-8")
    target = settings.corpus_dir / f"{doc_id}.txt"
    doc = parse_doc(content, target.name)  # the file is checked before it exists
    try:
        write_atomic(target, content, overwrite=False)
    except TargetExists:
        raise AddError(f"语料中已有 {target.name}；请用 --id 另取一个") from None
    return doc
