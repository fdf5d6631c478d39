"""Reply templates 常用语: the standard words a desk answers with (an apology, an explanation, 补偿性关照, the revisit
question), per workflow action and category, with placeholders filled from the case; and the standard wording of
each paragraph of the written reply letter (action ``letter``, with its ``paragraph``: opening, facts, handling,
prevention, closing), composed in the reply form and printed in the letter.

Two sources, shown together: the branch's own templates (a local setting that branch administrators edit) and
headquarters' (the ``templates`` of the policy file, distributed with ``policy import`` or the signed
``.cdpolicy`` bundle; read-only at the branch). A template is inserted into the text of an action's form from a
list, or by typing its key and pressing the key for expansion.

Placeholders, written in braces: {客户姓名} the customer's name, {编号} the case number, {答复期限} the reply deadline,
{受理日期} the day received, {被投诉部门} the department complained about, {类别} the category (the English names
{name}, {number}, {deadline}, {received}, {department}, {category} work the same).
"""
from __future__ import annotations

import uuid

from app import i18n
from app.errors import InvalidInput, NotFound
from app.records import history
from app.rules import policy as policy_module
from app.rules.templates import (  # noqa: F401 - the windows use them
    ACTIONS, LETTER, LETTER_PARAGRAPHS, PLACEHOLDERS, check_template, fill,
)
from app.services.actors import Actor, current_user, require_role
from models import Setting, transaction

i18n.register({
    "the key {key} is already used by the template {title}": "快捷码 {key} 已被常用语“{title}”使用",
    "No template {id}.": "没有编号为 {id} 的常用语。",
    "Templates from headquarters are changed in headquarters' policy file.": "总部下发的常用语只能在总部的政策文件中修改。",
})

SETTING = "reply_templates"  # the branch's own templates (a local setting, never exchanged)


def _branch_templates() -> list[dict]:
    row = Setting.get_or_none(Setting.key == SETTING)
    return list(row.value) if row and isinstance(row.value, list) else []


def _save_branch(templates: list[dict]) -> None:
    row = Setting.get_or_none(Setting.key == SETTING)
    if row is None:
        Setting.create(key=SETTING, value=templates)
    else:
        row.value = templates
        row.save()


def _all() -> list[dict]:
    policy = policy_module.load_policy()
    hq = [dict(t, id=t.get("id") or f"hq-{i + 1}", source="hq") for i, t in enumerate(policy.templates)]
    return hq + [dict(t, source="branch") for t in _branch_templates()]


def list_templates(actor: Actor, action: str | None = None, category: str | None = None) -> list[dict]:
    """The templates for an action (and a case's category: those of that category first, then the general ones);
    every template when no action is given."""
    with transaction():
        current_user(actor)
        found = _all()
    if action is not None:
        found = [t for t in found if t["action"] == action and (not t["category"] or t["category"] == category)]
        found.sort(key=lambda t: (t["category"] != category, t["source"] != "branch", t["title"]))
    return found


def letter_templates_for_case(actor: Actor, case: dict | None) -> dict[str, list[dict]]:
    """The reply letter's templates for a case, filled, by paragraph (``LETTER_PARAGRAPHS``, every one present)."""
    found = templates_for_case(actor, LETTER, case)
    return {paragraph: [t for t in found if t.get("paragraph") == paragraph] for paragraph in LETTER_PARAGRAPHS}


def save_template(actor: Actor, data: dict) -> dict:
    """Add a branch template, or change one (``id`` given). Branch administrators only."""
    with transaction():
        user = current_user(actor)
        require_role(user, "admin")
        policy = policy_module.load_policy()
        template = check_template(data, categories=policy.categories)
        templates = _branch_templates()
        if template["id"].startswith("hq-") or any(t.get("id") == template["id"] for t in policy.templates):
            raise InvalidInput("Templates from headquarters are changed in headquarters' policy file.", field="id")
        if template["key"]:
            for other in _all():
                if other["key"].lower() == template["key"].lower() and other.get("id") != template["id"]:
                    raise InvalidInput("the key {key} is already used by the template {title}", field="key",
                                       key=template["key"], title=other["title"])
        before = None
        if template["id"]:
            index = next((i for i, t in enumerate(templates) if t["id"] == template["id"]), None)
            if index is None:
                raise NotFound("No template {id}.", field="id", id=template["id"])
            before = templates[index]
            templates[index] = template
        else:
            template["id"] = uuid.uuid4().hex[:12]
            templates.append(template)
        _save_branch(templates)
        history.record(actor.username, "template", template["id"], template["title"], "template_save",
                       before=before, after=template)
        return dict(template, source="branch")


def delete_template(actor: Actor, template_id: str) -> None:
    with transaction():
        user = current_user(actor)
        require_role(user, "admin")
        templates = _branch_templates()
        kept = [t for t in templates if t["id"] != template_id]
        if len(kept) == len(templates):
            if any(t["id"] == template_id for t in _all()):
                raise InvalidInput("Templates from headquarters are changed in headquarters' policy file.", field="id")
            raise NotFound("No template {id}.", field="id", id=template_id)
        _save_branch(kept)
        removed = next(t for t in templates if t["id"] == template_id)
        history.record(actor.username, "template", template_id, removed["title"], "template_delete", before=removed)


def templates_for_case(actor: Actor, action: str, case: dict | None) -> list[dict]:
    """The templates of an action for a case, each with its ``filled`` text ready to insert."""
    found = list_templates(actor, action, (case or {}).get("category"))
    return [dict(t, filled=fill(t["text"], case)) for t in found]
