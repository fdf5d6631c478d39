"""What a valid value is 有效值的定义: text, whole numbers, money and moments, for every record and every action.

One definition serves the branch (the case JSON, every workflow and notice action, enrolment) and
headquarters (every column of an imported bundle), so a branch never accepts what headquarters refuses:

- text is a ``str`` of valid Unicode (no lone surrogate), normalised to NFC, with no control character; long
  texts (notes, content) may hold line breaks and tabs (``\\r\\n`` and ``\\r`` become ``\\n``); text made only of
  invisible characters (spaces, zero-width spaces, direction marks) counts as empty;
- whole numbers are ``int`` (never ``bool``) within a stated range;
- money is a number (never text) with at most two decimals, never rounded, within the column's digits;
- moments lie between 2000-01-01 and 2100-01-01 (UTC) and carry their offset; dates the same years.

Each check raises ``InvalidInput`` naming the field; ``text_problem`` and friends answer without raising, for
the import's checks of whole columns.
"""
from __future__ import annotations

import math
import re
import unicodedata
from datetime import date, datetime, timezone
from decimal import Decimal, InvalidOperation

from app import i18n
from app.errors import InvalidInput

i18n.register({
    "must be text": "必须是文本",
    "must not be empty": "不能为空",
    "is too long (at most {limit} characters)": "过长（最多 {limit} 个字符）",
    "contains a control character (code {code}): remove it and type the text again":
        "含有控制字符（代码 {code}）：请删除后重新输入",
    "must be on one line (no line breaks or tabs)": "须为一行文字（不能含换行或制表符）",
    "contains a broken character (a lone surrogate): type the text again": "含有残缺字符（孤立的代理码位）：请重新输入",
    "must be a whole number": "必须是整数",
    "must be at least {low}": "不能小于 {low}",
    "must be at most {high}": "不能大于 {high}",
    "must be a number": "必须是数字",
    "must be a number, not text": "必须是数字，不能是文本",
    "must not be negative": "不能为负数",
    "must be less than {limit}": "必须小于 {limit}",
    "must have at most 2 decimal places (fen): {value} is not rounded, correct it":
        "最多保留两位小数（精确到分）：{value} 不会被自动舍入，请更正",
    "must lie between {first} and {last}": "须在 {first} 至 {last} 之间",
})

# line breaks and tabs are allowed in long texts only; every other C0/C1 control, the non-characters U+FFFE and
# U+FFFF and surrogates never (orjson refuses lone surrogates in a bundle, ``text`` refuses them at the desk)
_CONTROL_SINGLE = re.compile("[\x00-\x1f\x7f-\x9f\ufffe\uffff\ud800-\udfff]")
_CONTROL_MULTI = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ufffe\uffff\ud800-\udfff]")
_INVISIBLE = re.compile(r"[\s\u200b-\u200f\u2028-\u202f\u205f-\u206f\ufeff\u00ad\u180e]*")

FIRST_MOMENT = datetime(2000, 1, 1, tzinfo=timezone.utc)
LAST_MOMENT = datetime(2100, 1, 1, tzinfo=timezone.utc)
FIRST_DATE, LAST_DATE = date(2000, 1, 1), date(2099, 12, 31)
INT32 = (-(2 ** 31), 2 ** 31 - 1)
AMOUNT_DIGITS = 14  # before the point: the column holds 16 digits, 2 of them after it
MAX_AMOUNT = Decimal(10) ** AMOUNT_DIGITS
FEN = Decimal("0.01")


def is_blank(text: str) -> bool:
    """Whether the text shows nothing: only spaces, zero-width and direction characters."""
    return _INVISIBLE.fullmatch(text) is not None


def text_problem(value, *, multiline: bool, limit: int | None = None) -> str | None:
    """Why a stored text is not valid (an English message of this module), or None. Used on imported columns."""
    if not isinstance(value, str):
        return "must be text"
    bad = (_CONTROL_MULTI if multiline else _CONTROL_SINGLE).search(value)
    if bad:
        return "contains a control character (code {code}): remove it and type the text again"
    if limit is not None and len(value) > limit:
        return "is too long (at most {limit} characters)"
    return None


def control_character(value: str, *, multiline: bool) -> str | None:
    """The first control character of a text that may not hold it, or None."""
    bad = (_CONTROL_MULTI if multiline else _CONTROL_SINGLE).search(value)
    return bad.group() if bad else None


def text(value, field: str, *, limit: int, multiline: bool = False, nonempty: bool = False) -> str:
    """A text as entered, normalised (NFC, line breaks as ``\\n``, trimmed) and checked."""
    if not isinstance(value, str):
        raise InvalidInput("must be text", field=field)
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise InvalidInput("contains a broken character (a lone surrogate): type the text again", field=field) from None
    value = unicodedata.normalize("NFC", value.replace("\r\n", "\n").replace("\r", "\n")).strip()
    if is_blank(value):
        value = ""
    bad = (_CONTROL_MULTI if multiline else _CONTROL_SINGLE).search(value)
    if bad:
        if not multiline and bad.group() in "\n\t":
            raise InvalidInput("must be on one line (no line breaks or tabs)", field=field)
        raise InvalidInput("contains a control character (code {code}): remove it and type the text again",
                           field=field, code=f"U+{ord(bad.group()):04X}")
    if nonempty and not value:
        raise InvalidInput("must not be empty", field=field)
    if len(value) > limit:
        raise InvalidInput("is too long (at most {limit} characters)", field=field, limit=limit)
    return value


def digits_normalised(value: str) -> str:
    """Full-width digits and signs (１３８, ＋, －) as their ASCII forms, so that ``１３８００１３８０００`` is the same
    mobile as ``13800138000`` (R1's repeat rule compares mobiles)."""
    return unicodedata.normalize("NFKC", value)


def whole_number(value, field: str, *, low: int, high: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidInput("must be a whole number", field=field)
    if value < low:
        raise InvalidInput("must be at least {low}", field=field, low=low)
    if value > high:
        raise InvalidInput("must be at most {high}", field=field, high=f"{high:,}")
    return value


def amount(value, field: str) -> Decimal:
    """Money in yuan: a JSON number, not negative, below 10^14, with at most two decimals (more is refused, never
    rounded: 9999.995 rounded would be 10,000.00 and make an auto-insurance complaint major)."""
    if isinstance(value, str):
        raise InvalidInput("must be a number, not text", field=field)
    if isinstance(value, bool) or not isinstance(value, (int, float, Decimal)):
        raise InvalidInput("must be a number", field=field)
    if isinstance(value, float) and not math.isfinite(value):
        raise InvalidInput("must be a number", field=field)
    try:
        number = Decimal(str(value)) if isinstance(value, float) else Decimal(value)
    except InvalidOperation:
        raise InvalidInput("must be a number", field=field) from None
    return amount_checked(number, field)


def amount_checked(number: Decimal, field: str) -> Decimal:
    if not number.is_finite():
        raise InvalidInput("must be a number", field=field)
    if number < 0:
        raise InvalidInput("must not be negative", field=field)
    if number >= MAX_AMOUNT:
        raise InvalidInput("must be less than {limit}", field=field, limit=f"{MAX_AMOUNT:,}")
    if number != number.quantize(FEN, rounding="ROUND_DOWN"):
        raise InvalidInput("must have at most 2 decimal places (fen): {value} is not rounded, correct it",
                           field=field, value=str(number))
    return number.quantize(FEN)


def moment_in_range(moment: datetime, field: str) -> datetime:
    """A moment between FIRST_MOMENT and LAST_MOMENT (compared without converting, so year 1 with an offset
    cannot overflow)."""
    naive = moment.replace(tzinfo=None)
    if not (datetime(2000, 1, 2) <= naive <= datetime(2099, 12, 31)):
        raise InvalidInput("must lie between {first} and {last}", field=field, first="2000-01-01",
                           last="2099-12-31")
    return moment


def date_in_range(day: date, field: str) -> date:
    if not (FIRST_DATE <= day <= LAST_DATE):
        raise InvalidInput("must lie between {first} and {last}", field=field, first=FIRST_DATE.isoformat(),
                           last=LAST_DATE.isoformat())
    return day
