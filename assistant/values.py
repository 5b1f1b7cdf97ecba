"""Quantities in clause text, normalised so that limits can be compared for real:
「不得超过2次」 -> (≤, 2, 次); 「200万元(含)以上」 -> (≥, 200, 万元); 「两个工作日」 -> (=, 2, 工作日)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.numerals import CN_NUMERAL_CHARS, cn_to_int

UNITS = {
    "次": "次", "回": "次", "万元": "万元", "亿元": "万元", "元": "万元", "%": "%", "％": "%",
    "个月": "个月", "月": "个月", "小时": "小时", "个小时": "小时", "个工作日": "工作日", "工作日": "工作日",
    "日": "日", "天": "日", "年": "年", "个百分点": "百分点", "百分点": "百分点",
}
_SCALE = {"亿元": 10000.0, "元": 0.0001}
_NUM = rf"(\d+(?:\.\d+)?|[{CN_NUMERAL_CHARS}]+)"
_QTY = re.compile(_NUM + r"\s*(个工作日|个小时|个百分点|百分点|工作日|万元|亿元|个月|小时|次|回|%|％|元|月|天|日|年)")
_LE_BEFORE = re.compile(r"(不得超过|不超过|不高于|最高不得超过|最高|最多|控制在|以内|至多)\s*$")
_GE_BEFORE = re.compile(r"(不少于|不低于|至少|达到|在)\s*$")
_LE_AFTER = re.compile(r"^\s*(\(含\)|（含）)?\s*(及以下|以下|以内|之内|内)")
_GE_AFTER = re.compile(r"^\s*(\(含\)|（含）)?\s*(及以上|以上)")
SYMBOL = {"le": "≤", "ge": "≥", "eq": ""}


@dataclass(frozen=True)
class Quantity:
    op: str          # le | ge | eq
    value: float
    unit: str        # normalised unit
    text: str        # as written

    def __str__(self) -> str:
        v = int(self.value) if float(self.value).is_integer() else self.value
        return f"{SYMBOL[self.op]}{v}{self.unit}"


def quantities(text: str) -> list[Quantity]:
    """Every quantity with a unit in `text`, with the bound it states."""
    out = []
    for m in _QTY.finditer(text):
        raw, unit = m.group(1), m.group(2)
        if unit in ("年",) and len(raw) == 4:
            continue  # 2019年: a year, not a duration
        n = float(raw) if raw[0].isdigit() else cn_to_int(raw)
        if n is None:
            continue
        value = float(n) * _SCALE.get(unit, 1.0)
        before, after = text[max(0, m.start() - 8):m.start()], text[m.end():m.end() + 6]
        if _LE_BEFORE.search(before) or _LE_AFTER.search(after):
            op = "le"
        elif _GE_AFTER.search(after) or (_GE_BEFORE.search(before) and _GE_AFTER.search(after)):
            op = "ge"
        elif re.search(r"(不少于|不低于|至少)\s*$", before):
            op = "ge"
        else:
            op = "eq"
        out.append(Quantity(op, value, UNITS[unit], m.group(0)))
    return out


def differ(a: list[Quantity], b: list[Quantity]) -> list[tuple[Quantity, Quantity]]:
    """Pairs of quantities in the same unit that state different limits."""
    pairs = []
    for qa in a:
        for qb in b:
            if qa.unit == qb.unit and (qa.op, qa.value) != (qb.op, qb.value):
                pairs.append((qa, qb))
    return pairs
