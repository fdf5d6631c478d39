"""Reply templates 常用语 (the rules part): which actions take them, the placeholders, the check of a template and
the filling of its placeholders from a case. Storage and permissions are in ``app.services.templates``.

Besides the action forms, templates give the standard wording of each paragraph of the written reply letter
投诉处理情况告知函 (action ``letter`` with a ``paragraph``: the opening, the facts found, the measures taken, the
prevention, the closing), composed in the reply form and printed in the letter.

Placeholders, written in braces: {客户姓名} the customer's name, {称呼} how the letter greets them (张伟先生),
{编号} the case number, {答复期限} the reply deadline, {受理日期} the day received, {受理渠道} how it was received,
{被投诉部门} the department complained about, {类别} the category (the English names {name}, {addressee},
{number}, {deadline}, {received}, {channel}, {department}, {category} work the same).
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
    "only the reply letter's templates have a paragraph": "只有书面答复函的常用语才有段落",
})

# the workflow actions whose forms have text a template can fill, and the reply letter's paragraphs
ACTIONS = ("contact", "investigate", "conclude", "reply", "approve", "return", "defer", "revisit", "close_abnormal",
           "notice", "letter")
LETTER = "letter"
# the paragraphs of the written reply 投诉处理情况告知函 the desk composes (docs/rules.md §2.5), in the letter's order:
# the opening (the complaint received, an apology), what the investigation found, the measures taken, what will
# prevent it happening again, the closing (thanks and an apology)
LETTER_PARAGRAPHS = ("opening", "facts", "handling", "prevention", "closing")
PARAGRAPH_LIMIT = 4000
PLACEHOLDERS = {
    "客户姓名": "name", "称呼": "addressee", "编号": "number", "答复期限": "deadline", "受理日期": "received",
    "受理渠道": "channel", "被投诉部门": "department", "类别": "category",
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
        if key not in ("id", "action", "paragraph", "category", "title", "key", "text"):
            raise InvalidInput("unknown field", field=name(key))
    action = data.get("action")
    if action not in ACTIONS:
        raise InvalidInput("must be one of: {choices}", field=name("action"), choices=", ".join(ACTIONS))
    paragraph = data.get("paragraph") or ""
    if action == LETTER and paragraph not in LETTER_PARAGRAPHS:
        raise InvalidInput("must be one of: {choices}", field=name("paragraph"), choices=", ".join(LETTER_PARAGRAPHS))
    if action != LETTER and paragraph:
        raise InvalidInput("only the reply letter's templates have a paragraph", field=name("paragraph"))
    category = data.get("category") or ""
    if category and category not in categories:
        raise InvalidInput("is not a category of the policy ({choices})", field=name("category"),
                           choices=", ".join(categories))
    out = {"action": action, "category": category}
    if action == LETTER:
        out["paragraph"] = paragraph
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
    from app.rules.names import CATEGORY, CHANNEL

    case = case or {}

    def day(value) -> str:
        if not value:
            return ""
        moment = datetime.fromisoformat(value).astimezone(ZoneInfo(zone))
        return f"{moment.year}年{moment.month}月{moment.day}日"

    person = case.get("complainant") or {}
    values = {
        "name": person.get("name", ""), "addressee": addressee(person.get("name", ""), person.get("gender", "")),
        "number": case.get("number", ""), "channel": CHANNEL.get(case.get("channel", ""), case.get("channel", "")),
        "deadline": day((case.get("deadlines") or {}).get("reply_by")), "received": day(case.get("received_at")),
        "department": case.get("accused_department", ""),
        "category": CATEGORY.get(case.get("category", ""), case.get("category", "")),
    }

    def replace(match):
        name = PLACEHOLDERS.get(match.group(1), match.group(1))
        return values[name] if name in values else match.group(0)

    return _PLACEHOLDER.sub(replace, text)


def addressee(name: str, gender: str) -> str:
    """How a letter greets the customer: the name with 先生 or 女士 when the gender is known (张伟先生), else the
    name, or 客户 when there is none (docs/rules.md §2.5)."""
    if not name or name == "—":
        return "客户"
    return name + {"male": "先生", "female": "女士"}.get(gender, "")
