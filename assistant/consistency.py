"""Policy consistency: what each document says on one topic, side by side, and where
documents disagree (opposite verdicts, different limits, different categories)."""

from __future__ import annotations

import csv
import io
import re
from dataclasses import asdict, dataclass, field

from ingest.load import LEVEL_ORDER

from .evidence import Span, Weights, best_spans, idf_weights, polarity
from .models import VERDICT_WORD, Citation, Hit
from .question import Question, analyse
from .render import level_name
from .values import Quantity, quantities

TOPICS: list[tuple[str, str]] = [
    ("适用贷款种类", "续贷适用于哪些贷款种类"),
    ("质押贷款", "质押贷款能否办理续贷"),
    ("信用贷款", "信用贷款能否办理续贷"),
    ("个人经营性贷款", "个人经营性贷款能否办理续贷"),
    ("额度上限", "续贷额度的上限是多少"),
    ("单笔额度", "单笔续贷额度是多少万元"),
    ("期限", "续贷期限如何确定"),
    ("利率", "续贷利率如何确定"),
    ("续贷次数", "同一笔贷款续贷次数有什么限制"),
    ("申请时间", "续贷申请应在原贷款到期前多久提出"),
    ("办理时点", "续贷是指原贷款到期前还是到期后发放贷款"),
    ("资金用途与封闭运行", "续贷资金能否用于其他用途"),
    ("审批流程", "续贷审批流程能否简化"),
    ("禁止情形", "哪些情形不得办理续贷"),
    ("名单制管理", "续贷是否实行名单制管理"),
    ("风险分类", "原贷款须为正常类吗"),
    ("逾期与欠息", "原贷款有逾期或欠息能否续贷"),
    ("账户冻结", "借款人账户被冻结能否续贷"),
    ("个人消费性贷款", "个人消费性贷款能否续贷"),
    ("担保要求", "续贷担保有什么要求"),
    ("抵押物不足值", "抵押物价值不足时能否续贷"),
    ("抵押登记时限", "续贷抵押登记办理时限是多少"),
    ("抵押登记材料", "续贷抵押登记需要哪些材料"),
]

# Categorical dimensions: (asked when the question matches, {category: pattern}). Different
# categories on one topic disagree. The last mention in the sentence decides (a definition
# that says 「到期后仍有需求…到期前办理」 is about 到期前).
CATEGORIES: list[tuple[re.Pattern, dict[str, re.Pattern]]] = [
    (re.compile(r"到期"), {"原贷款到期前": re.compile(r"到期前"),
                          "原贷款到期后": re.compile(r"到期(?:\([^)]{0,12}\))?后")}),
    (re.compile(r"如何确定|怎么定|怎样确定|确定方式"), {"借贷双方协商确定": re.compile(r"协商确定"),
                                                   "银行单方确定": re.compile(r"(?<!协商)确定")}),
]
ROW_SHARE = 0.6


@dataclass(frozen=True)
class Row:
    doc_id: str
    doc_title: str
    level: str
    status: str                       # 规定 | 未规定
    verdict: str | None = None
    values: list[str] = field(default_factory=list)
    categories: list[str] = field(default_factory=list)
    citation: Citation | None = None

    @property
    def cell(self) -> str:
        if self.status != "规定":
            return "未规定"
        parts = [VERDICT_WORD[self.verdict]] if self.verdict else []
        parts += self.values + self.categories
        return "；".join(parts) or "有规定"


@dataclass(frozen=True)
class Conflict:
    kind: str                          # 结论相反 | 条件不同 | 数值不同 | 表述不同
    doc_ids: list[str]
    description: str
    regulator: str | None = None       # the regulator's side, when one side is the regulator's


@dataclass(frozen=True)
class Comparison:
    topic: str
    question: str
    rows: list[Row]
    conflicts: list[Conflict]

    def to_json(self) -> dict:
        return {"topic": self.topic, "question": self.question,
                "rows": [asdict(r) | {"cell": r.cell} for r in self.rows],
                "conflicts": [asdict(c) for c in self.conflicts]}


def compare(assistant, question: str, topic: str | None = None) -> Comparison:
    """One row per document of the index, best clause first; silent documents as 未规定."""
    from .retrieve import clean_query

    question = clean_query(question, assistant.settings.max_question_chars)
    searcher = assistant.searcher
    idx = searcher.index
    q = analyse(question)
    weights = idf_weights(q, idx.bm25.df, len(idx.units))
    per_doc = searcher.search_per_doc(topic_query(q, question), 4)
    docs = {d: (m["title"], m["level"]) for d, m in idx.docs.items()}
    rows = doc_rows(q, weights, per_doc, docs, with_verdicts=q.kind == "yesno")
    return Comparison(topic or question, question, rows, find_conflicts(rows))


def topic_query(q: Question, question: str) -> str:
    """The topic alone: 区别/各行/比较 would only add noise to a per-document search."""
    return " ".join(c.members[0] for c in q.concepts) or question


def doc_rows(q: Question, weights: Weights, per_doc: dict[str, list[Hit]], docs: dict[str, tuple[str, str]],
             with_verdicts: bool) -> list[Row]:
    """Every document in `docs` as a row: its most on-topic sentence (about the question's key
    concepts, nearly as on-topic as the best document's), or 未规定. Pure: no retrieval."""
    key = [c for c, _ in sorted(weights, key=lambda cw: -cw[1])[:2]]
    best: dict[str, Span] = {}
    for doc_id, doc_hits in per_doc.items():
        spans = [sp for sp in best_spans(doc_hits, q, weights, whole_unit_chars=70)
                 if any(c.match(sp.text) == 1.0 for c in key)]
        if spans:
            best[doc_id] = spans[0]
    top = max((sp.weight for sp in best.values()), default=0.0)
    rows = []
    for doc_id, (title, level) in docs.items():
        sp = best.get(doc_id)
        if sp is None or sp.weight < ROW_SHARE * top or sp.weight <= 0:
            rows.append(Row(doc_id, title, level, "未规定"))
            continue
        u = sp.unit
        cit = Citation(id=f"c{len(rows) + 1}", doc_id=doc_id, doc_title=u.doc_title, level=u.level,
                       clause_id=u.clause_id, clause=u.ref, path=u.path, quote=sp.text, text=u.text,
                       start=sp.doc_start, end=sp.doc_start + len(sp.text), score=round(sp.score, 3))
        verdict = polarity(sp, q, weights) if with_verdicts else None
        values = [str(x) for x in _relevant_quantities(sp.text, q.facets)]
        rows.append(Row(doc_id, title, level, "规定", verdict, values, _categories(q.text, sp.text), cit))
    rows.sort(key=lambda r: (r.status != "规定", LEVEL_ORDER.get(r.level, len(LEVEL_ORDER)), r.doc_id))
    return rows


def _relevant_quantities(text: str, facets: tuple[str, ...]) -> list[Quantity]:
    wanted = {"count": {"次"}, "amount": {"万元"}, "time": {"个月", "小时", "工作日", "日", "年"}, "percent": {"%"}}
    units = set().union(*(wanted[f] for f in facets if f in wanted))
    return [x for x in quantities(text) if x.unit in units]


def _categories(question: str, text: str) -> list[str]:
    out = []
    for asked, cats in CATEGORIES:
        if not asked.search(question):
            continue
        last = max(((m.start(), name) for name, rx in cats.items() for m in rx.finditer(text)), default=None)
        if last:
            out.append(last[1])
    return out


def find_conflicts(rows: list[Row]) -> list[Conflict]:
    stated = [r for r in rows if r.status == "规定"]
    conflicts: list[Conflict] = []

    def regulator_side(ids: list[str]) -> str | None:
        regs = [r.doc_title for r in stated if r.doc_id in ids and r.level == "regulator"]
        return "、".join(f"《{t}》" for t in regs) or None

    by_verdict: dict[str, list[Row]] = {}
    for r in stated:
        if r.verdict:
            by_verdict.setdefault(r.verdict, []).append(r)
    if "yes" in by_verdict and "no" in by_verdict:
        ids = [r.doc_id for r in by_verdict["yes"] + by_verdict["no"]]
        desc = ("可以：" + "、".join(f"《{r.doc_title}》{r.citation.clause}" for r in by_verdict["yes"]) +
                "；不可以：" + "、".join(f"《{r.doc_title}》{r.citation.clause}" for r in by_verdict["no"]))
        conflicts.append(Conflict("结论相反", ids, desc, regulator_side(ids)))
    elif "depends" in by_verdict and len(by_verdict) > 1:
        ids = [r.doc_id for rs in by_verdict.values() for r in rs]
        desc = "；".join(f"{VERDICT_WORD[v]}：" + "、".join(f"《{r.doc_title}》{r.citation.clause}" for r in rs)
                        for v, rs in by_verdict.items())
        conflicts.append(Conflict("条件不同", ids, desc, regulator_side(ids)))

    units: dict[str, dict[str, set[str]]] = {}
    for r in stated:
        for v in r.values:
            unit = re.sub(r"^[≤≥]?[\d.]+", "", v)
            units.setdefault(unit, {}).setdefault(r.doc_id, set()).add(v)
    for unit, per_doc in units.items():
        if len(per_doc) < 2:
            continue
        distinct = {frozenset(vs) for vs in per_doc.values()}
        if len(distinct) > 1:
            ids = sorted(per_doc)
            desc = "；".join(f"《{_title(stated, d)}》{'、'.join(sorted(per_doc[d]))}" for d in ids)
            conflicts.append(Conflict("数值不同", ids, f"{unit}：{desc}", regulator_side(ids)))

    cats: dict[str, list[str]] = {}
    for r in stated:
        for c in r.categories:
            cats.setdefault(c, []).append(r.doc_id)
    if len(cats) > 1:
        ids = sorted({d for ds in cats.values() for d in ds})
        desc = "；".join(f"{c}：" + "、".join(f"《{_title(stated, d)}》" for d in ds) for c, ds in cats.items())
        conflicts.append(Conflict("表述不同", ids, desc, regulator_side(ids)))
    return conflicts


def _title(rows: list[Row], doc_id: str) -> str:
    return next((r.doc_title for r in rows if r.doc_id == doc_id), doc_id)


def report(assistant, fmt: str = "md", progress=None) -> str:
    """The topic × document matrix with citations and the flagged conflicts."""
    comparisons = []
    for i, (topic, question) in enumerate(TOPICS):
        comparisons.append(compare(assistant, question, topic))
        if progress:
            progress(i + 1, len(TOPICS), topic)
    return to_csv(comparisons) if fmt == "csv" else to_markdown(comparisons)


def to_markdown(comparisons: list[Comparison]) -> str:
    docs = [(r.doc_id, r.doc_title, r.level) for r in sorted(comparisons[0].rows, key=lambda r: r.doc_id)] if comparisons else []
    lines = ["# 续贷政策一致性检查报告", "",
             "每格为该文件对该主题的规定（结论或数值），[条款] 为出处；「未规定」表示该文件没有相关条款。", "",
             "| 主题 | " + " | ".join(f"{t}（{level_name(lv)}）" for _, t, lv in docs) + " |",
             "|---|" + "---|" * len(docs)]
    for comp in comparisons:
        by_doc = {r.doc_id: r for r in comp.rows}
        cells = []
        for d, _, _ in docs:
            r = by_doc.get(d)
            cell = r.cell if r else "未规定"
            if r and r.citation:
                cell += f" [{r.citation.clause}]"
            cells.append(cell.replace("|", "｜"))
        flag = " ⚠" if comp.conflicts else ""
        lines.append(f"| {comp.topic}{flag} | " + " | ".join(cells) + " |")
    lines += ["", "## 标出的差异", ""]
    any_conflict = False
    for comp in comparisons:
        for c in comp.conflicts:
            any_conflict = True
            reg = f"（监管通知一方：{c.regulator}）" if c.regulator else ""
            lines.append(f"- **{comp.topic}** · {c.kind}：{c.description}{reg}")
    if not any_conflict:
        lines.append("- 未发现差异。")
    lines += ["", "## 引用原文", ""]
    for comp in comparisons:
        quoted = [r for r in comp.rows if r.citation]
        if not quoted:
            continue
        lines.append(f"### {comp.topic}")
        for r in quoted:
            lines.append(f"- 《{r.doc_title}》{r.citation.clause}：「{r.citation.quote}」")
        lines.append("")
    return "\n".join(lines) + "\n"


def to_csv(comparisons: list[Comparison]) -> str:
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(["topic", "doc_id", "doc_title", "level", "status", "verdict", "values", "clause", "quote", "conflicts"])
    for comp in comparisons:
        flagged = {d: [c.kind for c in comp.conflicts if d in c.doc_ids] for d in (r.doc_id for r in comp.rows)}
        for r in comp.rows:
            w.writerow([comp.topic, r.doc_id, r.doc_title, level_name(r.level), r.status, r.verdict or "",
                        "；".join(r.values + r.categories), r.citation.clause if r.citation else "",
                        r.citation.quote if r.citation else "", "；".join(flagged[r.doc_id])])
    return buf.getvalue()
