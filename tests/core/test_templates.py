"""Reply templates 常用语: kept by branch administrators, distributed by headquarters in its policy, filled with the
case's customer name, number and deadline."""
from __future__ import annotations

from datetime import datetime, timezone

import pytest

from app import i18n
from app.errors import InvalidInput, NotAllowed
from app.rules import policy as policy_module
from app.services import cases, setup, templates
import models

NOW = datetime(2026, 11, 21, 2, 0, tzinfo=timezone.utc)
APOLOGY = {"action": "reply", "category": "", "title": "致歉", "key": "qy",
           "text": "尊敬的{客户姓名}：您反映的问题（编号 {编号}）已处理，我们深表歉意。"}


def register(desk, **changes):
    document = {"kind": "complaint", "channel": "visit", "received_at": "2026-11-20T09:15:00+08:00",
                "complainant": {"name": "张伟", "mobile": "13800138000"}, "category": "claims",
                "content": "理赔款迟迟未到账", "accused_department": "理赔部"}
    document.update(changes)
    return cases.register_case(desk.rec, document, now=NOW)


def test_a_branch_template_is_saved_listed_for_its_action_and_filled_for_the_case(desk):
    saved = templates.save_template(desk.admin, APOLOGY)
    templates.save_template(desk.admin, {"action": "reply", "category": "claims", "title": "理赔说明",
                                         "text": "{客户姓名}您好，理赔款将于{答复期限}前到账。"})
    templates.save_template(desk.admin, {"action": "revisit", "title": "回访", "text": "请问您对处理结果满意吗？"})
    case = register(desk)
    offered = templates.templates_for_case(desk.h1, "reply", cases.show_case(desk.admin, case["number"]))
    assert [t["title"] for t in offered] == ["理赔说明", "致歉"]  # the case's category first
    assert offered[1]["filled"] == f"尊敬的张伟：您反映的问题（编号 {case['number']}）已处理，我们深表歉意。"
    assert offered[0]["filled"] == "张伟您好，理赔款将于2026年11月25日前到账。"  # 3 working days after Friday
    assert [t["title"] for t in templates.list_templates(desk.h1, "reply", "service_attitude")] == ["致歉"]

    changed = templates.save_template(desk.admin, dict(APOLOGY, id=saved["id"], title="致歉（书面）"))
    assert changed["id"] == saved["id"]
    assert [t["title"] for t in templates.list_templates(desk.admin)] == ["致歉（书面）", "理赔说明", "回访"]
    templates.delete_template(desk.admin, saved["id"])
    assert "致歉（书面）" not in [t["title"] for t in templates.list_templates(desk.admin)]
    actions = [h.action for h in models.History.select().where(models.History.entity == "template")]
    assert actions == ["template_save", "template_save", "template_save", "template_save", "template_delete"]


def test_only_an_administrator_edits_and_bad_templates_name_the_field(desk):
    with pytest.raises(NotAllowed):
        templates.save_template(desk.sup, APOLOGY)
    i18n.set_language("zh_CN")
    for bad, field, words in (
        (dict(APOLOGY, text="您好{姓名}"), "text", "未知的占位符 {姓名}"),
        (dict(APOLOGY, action="print"), "action", "必须是以下之一"),
        (dict(APOLOGY, title=" "), "title", "不能为空"),
        (dict(APOLOGY, key="致歉"), "key", "字母或数字"),
        (dict(APOLOGY, category="weather"), "category", "类别"),
    ):
        with pytest.raises(InvalidInput) as refused:
            templates.save_template(desk.admin, bad)
        assert refused.value.field == field and words in refused.value.localized()
    templates.save_template(desk.admin, APOLOGY)
    with pytest.raises(InvalidInput, match="qy"):
        templates.save_template(desk.admin, dict(APOLOGY, title="另一个"))
    assert len(templates.list_templates(desk.admin)) == 1


def test_headquarters_distributes_templates_in_its_policy_and_they_stay_read_only(desk):
    setup.import_policy(desk.admin, {"templates": [
        {"action": "contact", "title": "首次联系", "key": "lx", "text": "{客户姓名}您好，我是客服专员，就编号{编号}与您联系。"},
        {"action": "reply", "category": "claims", "title": "补偿性关照", "text": "为表歉意，我司将给予适当的补偿性关照。"},
    ]})
    listed = templates.list_templates(desk.admin)
    assert [(t["title"], t["source"]) for t in listed] == [("首次联系", "hq"), ("补偿性关照", "hq")]
    assert policy_module.load_policy().to_json()["templates"][0]["key"] == "lx"
    with pytest.raises(InvalidInput):
        templates.save_template(desk.admin, dict(listed[0]) | {"title": "改"})
    with pytest.raises(InvalidInput):
        templates.delete_template(desk.admin, listed[0]["id"])
    with pytest.raises(InvalidInput) as refused:  # the branch cannot take headquarters' key
        templates.save_template(desk.admin, dict(APOLOGY, key="LX"))
    assert refused.value.field == "key"
    with pytest.raises(InvalidInput) as refused:
        setup.import_policy(desk.admin, {"templates": [{"action": "reply", "title": "x", "text": "{手机}"}]})
    assert refused.value.field == "templates[0].text"
