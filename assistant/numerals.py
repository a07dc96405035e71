"""Chinese numerals as used in article labels (一 … 九十九, 一百 …), and dates as Chinese text."""

from __future__ import annotations

import re

DIGITS = "零一二三四五六七八九"
_VALUES = {c: i for i, c in enumerate(DIGITS)} | {"〇": 0, "两": 2}
_UNITS = {"十": 10, "百": 100, "千": 1000}
NUMERAL_CHARS = "零〇一二两三四五六七八九十百千万亿"
_MYRIADS = {"万": 10**4, "亿": 10**8}
NUMBER = rf"[{NUMERAL_CHARS}]+|\d+"  # a number as written in a label: Chinese numerals or Arabic digits


def parse_chinese_number(text: str) -> int:
    """``"三十三"`` → 33, ``"十"`` → 10, ``"一百零一"`` → 101, ``"一百万"`` → 1000000. Raises ValueError."""
    if not text or any(c not in NUMERAL_CHARS for c in text):
        raise ValueError(f"not a Chinese numeral: {text!r}")
    total, digit, done = 0, None, 0  # ``done``: the part already multiplied by 万 or 亿
    for ch in text:
        if ch in _MYRIADS:
            done += (total + (digit or 0) or 1) * _MYRIADS[ch]
            total, digit = 0, None
        elif ch in _UNITS:
            total += (1 if digit is None else digit) * _UNITS[ch]
            digit = None
        else:
            if digit is not None and digit != 0:
                raise ValueError(f"not a Chinese numeral: {text!r}")
            digit = _VALUES[ch]
    if digit is not None:
        total += digit
    total += done
    if total <= 0 and text not in ("零", "〇"):
        raise ValueError(f"not a Chinese numeral: {text!r}")
    return total


def parse_number(text: str) -> int:
    """A number written either way (``NUMBER``): ``"12"`` → 12, ``"十二"`` → 12. Raises ValueError."""
    return int(text) if text.isdigit() else parse_chinese_number(text)


def to_chinese_number(n: int) -> str:
    """33 → ``"三十三"``, 10 → ``"十"``, 101 → ``"一百零一"`` (1 ≤ n ≤ 9999)."""
    if not 0 < n < 10000:
        raise ValueError(f"out of range: {n}")
    parts: list[str] = []
    zero_pending = False
    for unit_value, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        d = n // unit_value % 10
        if d == 0:
            if parts:
                zero_pending = True
            continue
        if zero_pending:
            parts.append("零")
            zero_pending = False
        if not (unit == "十" and d == 1 and not parts):
            parts.append(DIGITS[d])
        parts.append(unit)
    return "".join(parts)


def article_label(n: int) -> str:
    """Canonical article label: 33 → ``"第三十三条"``."""
    return f"第{to_chinese_number(n)}条"


def chapter_label(n: int) -> str:
    return f"第{to_chinese_number(n)}章"


_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def cn_date(iso: str) -> str:
    """``2024-01-15`` → ``2024年1月15日``; anything else as given."""
    m = _ISO_DATE.fullmatch(iso or "")
    return f"{m[1]}年{int(m[2])}月{int(m[3])}日" if m else iso
