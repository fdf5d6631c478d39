"""Validation of the case JSON (docs/rules.md §5) and of workflow payloads.

Unknown keys and wrong types are refused with a message naming the field (``complainant.mobile``); the
result is a flat dict whose keys are the columns of ``models.Case``. The same checks serve the command line,
the legacy import and the slip form's validation as you type (``check_mobile`` and friends).
"""
from __future__ import annotations

import json
import re
from datetime import datetime, time, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

from app import i18n
from app.errors import InvalidInput
from app.rules import values
from models.entities import utcnow

i18n.register({
    "broken JSON at line {line}, column {column}: {detail}": "JSON 格式错误（第 {line} 行第 {column} 列）：{detail}",
    "File not found: {path}": "找不到文件：{path}",
    "Cannot read {path}: {error}": "无法读取 {path}：{error}",
    "unknown field": "未知字段",
    "is required": "必填",
    "must be text": "必须是文本",
    "must be true or false": "必须是 true 或 false",
    "must be a whole number": "必须是整数",
    "must be a number": "必须是数字",
    "must be an object": "必须是 JSON 对象",
    "must be one of: {choices}": "必须是以下之一：{choices}",
    "must not be empty": "不能为空",
    "is too long (at most {limit} characters)": "过长（最多 {limit} 个字符）",
    "must be a mobile number of 11 digits starting with 1": "手机号码应为以 1 开头的 11 位数字",
    "must be a phone number (digits, spaces, '-', '+', parentheses)": "联系电话只能包含数字、空格、“-”、“+”和括号",
    "must be a plate number such as 京A12345": "车牌号格式不正确，应如“京A12345”",
    "must not be negative": "不能为负数",
    "must be less than {limit}": "必须小于 {limit}",
    "must be at least 1": "至少为 1",
    "must be a date and time with its offset, such as 2026-11-20T09:15:00+08:00": "应为带时区的日期时间，如 2026-11-20T09:15:00+08:00",
    "must not be in the future": "不能晚于当前时间",
    "must be a time HH:MM": "应为时间 HH:MM",
    "must be a time window with 'from' and 'to'": "应为包含 from 和 to 的时间段",
    "the window must not be empty": "时间段不能为空",
    "give a mobile or a phone number so the customer can be reached": "请填写手机或联系电话，以便联系客户",
    "must be a date YYYY-MM-DD": "应为日期 YYYY-MM-DD",
    "is not a category of the policy ({choices})": "不是当前政策中的类别（{choices}）",
    "the document must be a JSON object": "文档必须是 JSON 对象",
    "must have at most 2 decimal places (fen)": "最多保留两位小数（精确到分）",
    "is too large": "数值过大",
    "the character {character} ({code}) cannot be printed: no font of the program has it. Write it another way "
    "(a common form of the character, or its pinyin) and add a note if the exact character matters.":
        "字符“{character}”（{code}）无法打印：程序自带的字体中没有该字。请改用该字的常用写法或拼音，"
        "如必须保留原字，请在备注中说明。",
    "NaN and Infinity are not numbers: give a number": "NaN 和 Infinity 不是数字：请填写数字",
    "the action's details must be a JSON object": "操作内容必须是 JSON 对象",
    # the JSON parser's own words
    "Expecting value": "此处缺少值",
    "Expecting property name enclosed in double quotes": "字段名须用双引号括起",
    "Expecting ',' delimiter": "缺少逗号",
    "Expecting ':' delimiter": "缺少冒号",
    "Unterminated string": "字符串未结束（缺少引号）",
    "Extra data": "JSON 之后还有多余内容",
    "Invalid control character": "含有非法控制字符",
    "Invalid \\escape": "非法的转义字符",
})

KINDS = ("complaint", "inquiry", "suggestion", "help", "report")
ORIGINS = ("routine", "discovered", "collective")
CHANNELS = ("visit", "phone", "letter", "fax", "email", "online", "government", "media", "hq_referral")
AMOUNT_LINES = ("auto", "property", "accident_health", "repair", "other")
GENDERS = ("male", "female", "unknown")
FLAGS = ("media", "petition", "threat", "hq", "lawsuit")

MOBILE = re.compile(r"^1[3-9]\d{9}$")
PHONE = re.compile(r"^[0-9+()\- ]{5,24}$")
PROVINCES = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼"
PLATE = re.compile(rf"^[{PROVINCES}][A-Z][A-Z0-9]{{4,5}}[A-Z0-9挂学警港澳领]$")
HHMM = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")

SHORT, LONG = 200, 20000
MAX_COUNT = 100_000  # complainants of one case: a collective complaint of a whole estate still fits
CLOCK_SKEW = timedelta(minutes=2)


def _no_constant(name: str):
    raise InvalidInput("NaN and Infinity are not numbers: give a number", field="json")


def parse_json_text(text: str):
    """A JSON document as typed or read from a file: strict JSON (NaN and Infinity are refused)."""
    try:
        return json.loads(text, parse_constant=_no_constant)
    except json.JSONDecodeError as exc:
        detail = exc.msg.split(" starting at")[0].split(" at:")[0]
        raise InvalidInput("broken JSON at line {line}, column {column}: {detail}",
                           field="json", line=exc.lineno, column=exc.colno, detail=i18n.t(detail)) from None


# --- single values (also used by the forms) -----------------------------------------------------------------

def check_printable(value: str, field: str) -> str:
    """Every character must print as written: a name whose rare character vanished from the slip is not the
    customer's name. Text no bundled font can print (the primary font, then the fallbacks, character by
    character) is refused before anything is saved."""
    from printing.fonts import unprintable

    missing = unprintable(value)
    if missing:
        character = missing[0]
        raise InvalidInput("the character {character} ({code}) cannot be printed: no font of the program has it. Write it another way (a common form of the character, or its pinyin) and add a note if the exact character matters.",  # noqa: E501
                           field=field, character=character, code=f"U+{ord(character):04X}")
    return value


def check_mobile(value: str, field: str = "complainant.mobile") -> str:
    value = values.digits_normalised(value).strip()
    if value and not MOBILE.match(value):
        raise InvalidInput("must be a mobile number of 11 digits starting with 1", field=field)
    return value


def check_phone(value: str, field: str = "complainant.phone") -> str:
    value = values.digits_normalised(value).strip()
    if value and not PHONE.match(value):
        raise InvalidInput("must be a phone number (digits, spaces, '-', '+', parentheses)", field=field)
    return value


def check_plate(value: str, field: str = "plate_no") -> str:
    value = values.digits_normalised(value).strip().upper().replace(" ", "").replace("·", "")
    if value and not PLATE.match(value):
        raise InvalidInput("must be a plate number such as 京A12345", field=field)
    return value


def parse_instant(value, field: str, *, zone: str = "Asia/Shanghai", not_future: bool = False,
                  now: datetime | None = None) -> datetime:
    """An ISO 8601 date and time; without an offset it is read as local time in ``zone``."""
    if not isinstance(value, str) or not value.strip() or not re.search(r"\d[T ]\d", value.strip()):
        raise InvalidInput("must be a date and time with its offset, such as 2026-11-20T09:15:00+08:00", field=field)
    try:
        moment = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        raise InvalidInput("must be a date and time with its offset, such as 2026-11-20T09:15:00+08:00",
                           field=field) from None
    values.moment_in_range(moment, field)  # before any conversion: year 1 with an offset cannot overflow
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=ZoneInfo(zone))
    if not_future and moment > (now or utcnow()) + CLOCK_SKEW:  # the core's clock, as the records' stamps
        raise InvalidInput("must not be in the future", field=field)
    return moment


def check_amount(value, field: str = "amount.value") -> Decimal:
    """Money as given in the case JSON (see ``values.amount``: more than two decimals is refused, not rounded)."""
    return values.amount(value, field)


# --- typed readers ------------------------------------------------------------------------------------------

class Reader:
    """Reads one JSON object, refusing unknown keys and wrong types, naming each field by its path.

    Every value read is checked by ``app.rules.values`` (the one definition of valid values) and kept, in its
    normalised JSON form, in ``values``: what the history records of an action is what was accepted, never the
    raw input."""

    def __init__(self, data, path: str = "", *, root: str | None = None):
        if not isinstance(data, dict):
            if path:
                raise InvalidInput("must be an object", field=path)
            raise InvalidInput("the document must be a JSON object", field=root)
        self.data = data
        self.path = path
        self.values: dict = {}

    def name(self, key: str) -> str:
        return f"{self.path}.{key}" if self.path else key

    def refuse_unknown(self, allowed) -> None:
        for key in self.data:
            if key not in allowed:
                raise InvalidInput("unknown field", field=self.name(str(key)))

    def has(self, key: str) -> bool:
        return self.data.get(key) is not None

    def _keep(self, key: str, value, shown=None):
        self.values[key] = value if shown is None else shown
        return value

    def text(self, key: str, *, required=False, default="", limit=SHORT, nonempty=False,
             multiline: bool | None = None) -> str:
        """A text field; long texts (``limit`` above SHORT) may hold line breaks, short ones are one line."""
        value = self.data.get(key)
        if value is None:
            if required:
                raise InvalidInput("is required", field=self.name(key))
            return default
        if multiline is None:
            multiline = limit > SHORT
        value = values.text(value, self.name(key), limit=limit, multiline=multiline, nonempty=nonempty)
        check_printable(value, self.name(key))
        return self._keep(key, value)

    def choice(self, key: str, choices, *, required=False, default=None) -> str:
        value = self.data.get(key)
        if value is None:
            if required:
                raise InvalidInput("is required", field=self.name(key))
            return default
        if not isinstance(value, str) or value not in choices:
            raise InvalidInput("must be one of: {choices}", field=self.name(key), choices=", ".join(choices))
        return self._keep(key, value)

    def boolean(self, key: str, *, default=False, required=False) -> bool:
        value = self.data.get(key)
        if value is None:
            if required:
                raise InvalidInput("is required", field=self.name(key))
            return default
        if not isinstance(value, bool):
            raise InvalidInput("must be true or false", field=self.name(key))
        return self._keep(key, value)

    def integer(self, key: str, *, default=None, required=False, low: int = values.INT32[0],
                high: int = values.INT32[1]) -> int:
        value = self.data.get(key)
        if value is None:
            if required:
                raise InvalidInput("is required", field=self.name(key))
            return default
        return self._keep(key, values.whole_number(value, self.name(key), low=low, high=high))

    def obj(self, key: str, *, required=False):
        value = self.data.get(key)
        if value is None:
            if required:
                raise InvalidInput("is required", field=self.name(key))
            return None
        return Reader(value, self.name(key))

    def instant(self, key: str, *, required=True, zone="Asia/Shanghai", not_future=False, now=None):
        value = self.data.get(key)
        if value is None:
            if required:
                raise InvalidInput("is required", field=self.name(key))
            return None
        moment = parse_instant(value, self.name(key), zone=zone, not_future=not_future, now=now)
        return self._keep(key, moment, moment.isoformat())

    def date(self, key: str, *, required=True):
        from datetime import date

        value = self.data.get(key)
        if value is None:
            if required:
                raise InvalidInput("is required", field=self.name(key))
            return None
        try:
            day = date.fromisoformat(value) if isinstance(value, str) and len(value) == 10 else None
        except ValueError:
            day = None
        if day is None:
            raise InvalidInput("must be a date YYYY-MM-DD", field=self.name(key))
        values.date_in_range(day, self.name(key))
        return self._keep(key, day, day.isoformat())


def action_payload(payload) -> Reader:
    """The details of a workflow or notice action: nothing (None) is an empty object; anything but an object
    ([], 0, "", false) is refused, never taken as {}."""
    if payload is None:
        payload = {}
    if not isinstance(payload, dict):
        raise InvalidInput("the action's details must be a JSON object", field="json")
    return Reader(payload)


CASE_KEYS = (
    "kind", "origin", "channel", "received_at", "complainant", "contact_name", "complainant_count", "reason",
    "claim_no", "plate_no", "accused_department", "accused_person", "category", "content", "summary",
    "desired_remedy", "original_doc_no", "amount", "flags", "contact_window",
)
COMPLAINANT_KEYS = ("name", "gender", "address", "relation_to_insured", "identity", "mobile", "phone", "vip")


def parse_window(value, field: str = "contact_window") -> tuple[str | None, str | None]:
    if value is None:
        return None, None
    window = Reader(value, field)
    window.refuse_unknown(("from", "to"))
    ends = []
    for key in ("from", "to"):
        text = window.text(key, required=True)
        if not HHMM.match(text):
            raise InvalidInput("must be a time HH:MM", field=window.name(key))
        ends.append(text)
    if ends[0] == ends[1]:
        raise InvalidInput("the window must not be empty", field=field)
    return ends[0], ends[1]


def validate_case(data, *, categories, zone: str = "Asia/Shanghai", now: datetime | None = None) -> dict:
    """Check a case document and return the flat values for ``models.Case``."""
    doc = Reader(data, root="json")
    doc.refuse_unknown(CASE_KEYS)
    kind = doc.choice("kind", KINDS, required=True)
    out: dict = {"kind": kind}
    out["origin"] = doc.choice("origin", ORIGINS, default="routine")
    out["channel"] = doc.choice("channel", CHANNELS, required=True)
    out["received_at"] = doc.instant("received_at", zone=zone, not_future=True, now=now)

    person = doc.obj("complainant", required=True)
    person.refuse_unknown(COMPLAINANT_KEYS)
    out["complainant_name"] = person.text("name", required=kind != "report", nonempty=kind != "report", limit=60)
    out["complainant_gender"] = person.choice("gender", GENDERS, default="unknown")
    out["complainant_address"] = person.text("address", limit=SHORT)
    out["relation_to_insured"] = person.text("relation_to_insured", limit=60)
    out["complainant_identity"] = person.text("identity", limit=60)
    out["mobile"] = check_mobile(person.text("mobile", limit=20), person.name("mobile"))
    out["phone"] = check_phone(person.text("phone", limit=32), person.name("phone"))
    out["vip"] = person.boolean("vip")
    if kind != "report" and not (out["mobile"] or out["phone"]):
        raise InvalidInput("give a mobile or a phone number so the customer can be reached", field="complainant.mobile")

    out["contact_name"] = doc.text("contact_name", limit=60) or out["complainant_name"]
    out["complainant_count"] = doc.integer("complainant_count", default=1, low=1, high=MAX_COUNT)
    out["reason"] = doc.text("reason", limit=SHORT)
    out["claim_no"] = doc.text("claim_no", limit=60)
    out["plate_no"] = check_plate(doc.text("plate_no", limit=20))
    out["accused_department"] = doc.text("accused_department", limit=60)
    out["accused_person"] = doc.text("accused_person", limit=60)
    category = doc.text("category", default="other", limit=40) or "other"
    if category not in categories:
        raise InvalidInput("is not a category of the policy ({choices})", field="category", choices=", ".join(categories))
    out["category"] = category
    out["content"] = doc.text("content", required=True, nonempty=True, limit=LONG)
    out["summary"] = doc.text("summary", limit=SHORT)
    out["desired_remedy"] = doc.text("desired_remedy", limit=LONG)
    out["original_doc_no"] = doc.text("original_doc_no", limit=60)

    amount = doc.obj("amount")
    if amount is None:
        out["amount_line"], out["amount_value"] = "other", Decimal("0.00")
    else:
        amount.refuse_unknown(("line", "value"))
        out["amount_line"] = amount.choice("line", AMOUNT_LINES, default="other")
        raw = amount.data.get("value", 0)
        out["amount_value"] = check_amount(0 if raw is None else raw)

    flags = doc.obj("flags")
    for flag in FLAGS:
        out[f"flag_{flag}"] = False
    if flags is not None:
        flags.refuse_unknown(FLAGS)
        for flag in FLAGS:
            out[f"flag_{flag}"] = flags.boolean(flag)

    out["contact_from"], out["contact_to"] = parse_window(data.get("contact_window"))
    return out


def case_to_json(case) -> dict:
    """The case JSON of docs/rules.md §5 for a ``models.Case`` (the inverse of ``validate_case``)."""
    zone = ZoneInfo("Asia/Shanghai")
    window = {"from": case.contact_from, "to": case.contact_to} if case.contact_from else None
    value = Decimal(case.amount_value)
    return {
        "kind": case.kind, "origin": case.origin, "channel": case.channel,
        "received_at": case.received_at.astimezone(zone).isoformat(),
        "complainant": {
            "name": case.complainant_name, "gender": case.complainant_gender, "address": case.complainant_address,
            "relation_to_insured": case.relation_to_insured, "identity": case.complainant_identity,
            "mobile": case.mobile, "phone": case.phone, "vip": case.vip,
        },
        "contact_name": case.contact_name, "complainant_count": case.complainant_count, "reason": case.reason,
        "claim_no": case.claim_no, "plate_no": case.plate_no, "accused_department": case.accused_department,
        "accused_person": case.accused_person, "category": case.category, "content": case.content,
        "summary": case.summary, "desired_remedy": case.desired_remedy, "original_doc_no": case.original_doc_no,
        "amount": {"line": case.amount_line, "value": int(value) if value == value.to_integral() else float(value)},
        "flags": {f: getattr(case, f"flag_{f}") for f in FLAGS},
        "contact_window": window,
    }


def in_window(moment: datetime, start: str, end: str) -> bool:
    """Whether a local time falls inside HH:MM-HH:MM (a window may cross midnight)."""
    t = moment.time()
    a, b = time.fromisoformat(start), time.fromisoformat(end)
    return a <= t < b if a < b else (t >= a or t < b)
