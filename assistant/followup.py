"""Follow-up questions in a conversation: 「那项目贷款呢？」 after 「质押贷款能否办理续贷通？」
means 「项目贷款能否办理续贷通？」."""

from __future__ import annotations

import re

from ingest.tokenize import terms

_ELLIPTICAL = re.compile(r"^(那|那么|那如果|如果是|要是|换成|还有|再问)?(.{1,20}?)(呢|怎么样|如何)[？?。]?$")


def resolve_followup(question: str, previous: str | None) -> str:
    """The question made self-contained using the previous one, or unchanged."""
    if not previous:
        return question
    m = _ELLIPTICAL.match(question.strip())
    if not m or not (m.group(1) or m.group(3) == "呢"):
        return question
    subject = m.group(2).strip("，, 的")
    if not subject:
        return question
    if subject.endswith(_KINDS):
        # 「那项目贷款呢」: swap the previous question's loan type or object for the new one
        words = sorted({t for t, _ in terms(previous) if t.endswith(_KINDS) and t in previous and t != "贷款"},
                       key=len, reverse=True)
        if words:
            return previous.replace(words[0], subject, 1)
    # 「黑龙江的呢」: the same question about another document or party
    return f"{subject}：{previous}"


_KINDS = ("贷款", "质押", "抵押", "担保", "企业", "户", "业务", "类", "人")
