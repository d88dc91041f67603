"""Chinese numerals, read and written: one definition for the parser (part and section headings), ingest (Word's
generated numbering) and qa (第三部分, 十五项).  A leaf module: it imports nothing of kb."""

from __future__ import annotations

#: Chinese digits (〇 and 零 both 0; 两 2).
CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_WRITTEN_DIGITS = "〇一二三四五六七八九"


def cn_number(text: str) -> int | None:
    """A number in digits or Chinese numerals as an int: with 十/百 by position up to 999 (十五, 三十, 一百二十), else
    digit by digit (二〇二三 → 2023); None when a character is neither."""
    if text.isdigit():
        return int(text)
    if "十" not in text and "百" not in text:
        total = 0
        for ch in text:
            if ch not in CN_DIGITS:
                return None
            total = total * 10 + CN_DIGITS[ch]
        return total
    total, digit = 0, None
    for ch in text:
        if ch in CN_DIGITS:
            digit = CN_DIGITS[ch]
        elif ch in "十百":
            total += (1 if digit is None else digit) * (10 if ch == "十" else 100)
            digit = None
        else:
            return None
    return total + (digit or 0)


def chinese_number(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 105 → 一百零五 (as Word's chineseCounting writes them); a number below 1
    or above 999 in digits."""
    if n <= 0:
        return str(n)
    if n < 10:
        return _WRITTEN_DIGITS[n]
    if n < 20:
        return "十" + (_WRITTEN_DIGITS[n % 10] if n % 10 else "")
    if n < 100:
        return _WRITTEN_DIGITS[n // 10] + "十" + (_WRITTEN_DIGITS[n % 10] if n % 10 else "")
    if n < 1000:
        rest = n % 100
        if rest == 0:
            tail = ""
        elif rest < 10:
            tail = "零" + _WRITTEN_DIGITS[rest]
        else:
            tail = chinese_number(rest) if rest >= 20 else "一" + chinese_number(rest)
        return _WRITTEN_DIGITS[n // 100] + "百" + tail
    return str(n)
