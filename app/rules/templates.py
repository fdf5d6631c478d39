"""Reply templates 常用语 (the rules part): which actions take them, the placeholders, the check of a template and
the filling of its placeholders from a case. Storage and permissions are in ``app.services.templates``.

Placeholders, written in braces: {客户姓名} the customer's name, {编号} the case number, {答复期限} the reply deadline,
{受理日期} the day received, {被投诉部门} the department complained about, {类别} the category (the English names
{name}, {number}, {deadline}, {received}, {department}, {category} work the same).
"""
from __future__ import annotations

import re
from datetime import datetime
from zoneinfo import ZoneInfo

from app import i18n
from app.errors import InvalidInput

i18n.register({
    "unknown placeholder {placeholder}: use {choices}": "未知的占位符 {placeholder}：可用 {choices}",
    "must be one of: {choices}": "必须是以下之一：{choices}",
    "must not be empty": "不能为空",
    "is too long (at most {limit} characters)": "过长（最多 {limit} 个字符）",
    "must be letters or digits (at most 12)": "只能是字母或数字（最多 12 个）",
    "is not a category of the policy ({choices})": "不是当前政策中的类别（{choices}）",
})

# the workflow actions whose forms have text a template can fill
ACTIONS = ("contact", "investigate", "conclude", "reply", "approve", "return", "defer", "revisit", "close_abnormal",
           "notice")
PLACEHOLDERS = {
    "客户姓名": "name", "编号": "number", "答复期限": "deadline", "受理日期": "received", "被投诉部门": "department",
    "类别": "category",
}
ENGLISH = set(PLACEHOLDERS.values())
_PLACEHOLDER = re.compile(r"\{([^{}]+)\}")
KEY = re.compile(r"^[A-Za-z0-9]{1,12}$")
TITLE_LIMIT, TEXT_LIMIT = 40, 4000


def check_template(data, *, categories: list[str], path: str = "") -> dict:
    """A template as stored: action, category ("" for every category), title, key (may be empty), text."""
    def name(key):
        return f"{path}.{key}" if path else key

    if not isinstance(data, dict):
        raise InvalidInput("must be an object", field=path or None)
    for key in data:
        if key not in ("id", "action", "category", "title", "key", "text"):
            raise InvalidInput("unknown field", field=name(key))
    action = data.get("action")
    if action not in ACTIONS:
        raise InvalidInput("must be one of: {choices}", field=name("action"), choices=", ".join(ACTIONS))
    category = data.get("category") or ""
    if category and category not in categories:
        raise InvalidInput("is not a category of the policy ({choices})", field=name("category"),
                           choices=", ".join(categories))
    out = {"action": action, "category": category}
    for key, limit in (("title", TITLE_LIMIT), ("text", TEXT_LIMIT)):
        value = data.get(key)
        if not isinstance(value, str) or not value.strip():
            raise InvalidInput("must not be empty", field=name(key))
        if len(value.strip()) > limit:
            raise InvalidInput("is too long (at most {limit} characters)", field=name(key), limit=limit)
        out[key] = value.strip()
    short = (data.get("key") or "").strip()
    if short and not KEY.match(short):
        raise InvalidInput("must be letters or digits (at most 12)", field=name("key"))
    out["key"] = short
    for found in _PLACEHOLDER.findall(out["text"]):
        if found not in PLACEHOLDERS and found not in ENGLISH:
            raise InvalidInput("unknown placeholder {placeholder}: use {choices}", field=name("text"),
                               placeholder="{" + found + "}", choices="".join("{" + p + "}" for p in PLACEHOLDERS))
    out["id"] = str(data.get("id") or "")
    return out


def fill(text: str, case: dict | None, *, zone: str = "Asia/Shanghai") -> str:
    """The template's text with its placeholders filled from a case view (``show_case``): the customer's name as
    the user may see it, the number, the reply deadline, the day received, the department, the category."""
    from app.rules.names import CATEGORY

    case = case or {}

    def day(value) -> str:
        if not value:
            return ""
        moment = datetime.fromisoformat(value).astimezone(ZoneInfo(zone))
        return f"{moment.year}年{moment.month}月{moment.day}日"

    values = {
        "name": (case.get("complainant") or {}).get("name", ""), "number": case.get("number", ""),
        "deadline": day((case.get("deadlines") or {}).get("reply_by")), "received": day(case.get("received_at")),
        "department": case.get("accused_department", ""),
        "category": CATEGORY.get(case.get("category", ""), case.get("category", "")),
    }

    def replace(match):
        name = PLACEHOLDERS.get(match.group(1), match.group(1))
        return values[name] if name in values else match.group(0)

    return _PLACEHOLDER.sub(replace, text)
