"""Corpus files -> SourceDoc. A corpus file is TOML front matter between `+++`
lines followed by the document's verbatim text."""

from __future__ import annotations

import hashlib
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

LEVELS = {"regulator": "监管通知", "bank": "银行制度", "template": "范本"}
LEVEL_ORDER = {level: i for i, level in enumerate(LEVELS)}  # the regulator's documents first
REQUIRED = ("doc_id", "title", "kind", "level", "source")
MAX_DOC_BYTES = 5_000_000
_SLUG = re.compile(r"^[a-z0-9][a-z0-9-]{0,63}$")


class CorpusError(ValueError):
    """A corpus file that cannot be used; the message names the file and the fix."""


@dataclass(frozen=True)
class SourceDoc:
    doc_id: str
    title: str
    issuer: str
    kind: str
    level: str
    text: str
    source: str
    region: str | None = None
    excerpt: bool = False
    attachment_of: str | None = None
    note: str | None = None
    path: str = ""

    @property
    def level_name(self) -> str:
        return LEVELS.get(self.level, self.level)

    @property
    def content_hash(self) -> str:
        meta = "\x1f".join([self.doc_id, self.title, self.issuer, self.kind, self.level])
        return hashlib.sha256((meta + "\x1e" + self.text).encode("utf-8")).hexdigest()[:16]


def parse_doc(raw: bytes, name: str) -> SourceDoc:
    """Parse one corpus file's bytes; raise CorpusError naming `name` and the problem."""
    if not raw.strip():
        raise CorpusError(f"{name}：文件是空的")
    if len(raw) > MAX_DOC_BYTES:
        raise CorpusError(f"{name}：{len(raw):,} 字节，超过单份文件 {MAX_DOC_BYTES:,} 字节的上限；请拆分")
    if b"\x00" in raw:
        raise CorpusError(f"{name}：含有 NUL 字节，像是二进制文件而不是 UTF-8 文本")
    try:
        content = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise CorpusError(f"{name}：不是 UTF-8 文本（第 {exc.start} 字节）；请另存为 UTF-8") from None
    content = content.replace("\r\n", "\n").replace("\r", "\n")
    if not content.startswith("+++\n"):
        raise CorpusError(f"{name}：缺少元数据块；文件须以一行 `+++` 开头")
    end = content.find("\n+++\n", 3)
    if end < 0:
        raise CorpusError(f"{name}：元数据块没有结束；请在其后加一行 `+++`")
    try:
        meta = tomllib.loads(content[4:end])
    except tomllib.TOMLDecodeError as exc:
        raise CorpusError(f"{name}：元数据格式错误（{exc}）") from None
    missing = [k for k in REQUIRED if not isinstance(meta.get(k), str) or not meta[k].strip()]
    if missing:
        raise CorpusError(f"{name}：元数据缺少 {'、'.join(missing)}")
    if not _SLUG.match(meta["doc_id"]):
        raise CorpusError(f"{name}：doc_id {meta['doc_id']!r} 只能由小写字母、数字和 - 组成（a-z、0-9、-）")
    if meta["level"] not in LEVELS:
        raise CorpusError(f"{name}：level {meta['level']!r} 无效，应为 {'、'.join(LEVELS)} 之一")
    if "excerpt" in meta and not isinstance(meta["excerpt"], bool):
        raise CorpusError(f"{name}：excerpt 只能是 true 或 false")
    text = content[end + 5:]
    if not text.strip():
        raise CorpusError(f"{name}：只有元数据，没有正文")
    return SourceDoc(
        doc_id=meta["doc_id"], title=meta["title"], issuer=str(meta.get("issuer") or "未注明"),
        kind=meta["kind"], level=meta["level"], text=text, source=meta["source"],
        region=meta.get("region"), excerpt=bool(meta.get("excerpt", False)),
        attachment_of=meta.get("attachment_of"), note=meta.get("note"), path=name,
    )


def load_corpus(corpus_dir: Path) -> tuple[list[SourceDoc], list[CorpusError]]:
    """Every usable document in `corpus_dir`, and an error for each file that is not.
    One bad file never stops the others from loading."""
    if not corpus_dir.is_dir():
        raise CorpusError(f"{corpus_dir}：找不到语料目录；请设置 POLICYQA_CORPUS 或创建该目录")
    docs: list[SourceDoc] = []
    errors: list[CorpusError] = []
    seen: dict[str, str] = {}
    for path in sorted(corpus_dir.iterdir()):
        if path.name.startswith(".") or not path.is_file() or path.suffix not in {".txt", ".md"}:
            continue
        try:
            doc = parse_doc(path.read_bytes(), path.name)
        except CorpusError as exc:
            errors.append(exc)
            continue
        if doc.doc_id in seen:
            errors.append(CorpusError(f"{path.name}：doc_id {doc.doc_id!r} 已被 {seen[doc.doc_id]} 使用"))
            continue
        seen[doc.doc_id] = path.name
        docs.append(doc)
    return docs, errors
