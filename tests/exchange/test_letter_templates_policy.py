"""Headquarters distributes the reply letter's templates with the other templates in its signed policy bundle; a
letter composed at the branch travels with the case and prints the same at headquarters."""
from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from app.exchange.policy_bundle import export_policy, import_policy_bundle
from app.reports import printouts
from app.services import cases, templates
from tests.conftest import make_user, sample_case
from tests.printing.pdfcheck import all_text

CST = ZoneInfo("Asia/Shanghai")
HQ_TEMPLATES = [
    {"action": "letter", "paragraph": "opening", "title": "总部标准开头", "key": "zbkt",
     "text": "您于{受理日期}反映的问题（编号 {编号}）我司已认真处理，现将处理情况函告{称呼}如下。"},
    {"action": "letter", "paragraph": "closing", "category": "claims", "title": "理赔结束语",
     "text": "感谢您对我司理赔服务的监督。"},
    {"action": "reply", "title": "电话答复", "text": "已电话告知{客户姓名}处理结果。"},
]


def at(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=CST)


def test_letter_templates_travel_in_the_policy_bundle_and_the_letter_prints_at_headquarters(sites, tmp_path):
    from app.rules.policy import from_json, load_policy, save_policy

    sites.hq.use()
    save_policy(from_json(dict(load_policy().to_json(), templates=HQ_TEMPLATES)))
    export_policy(sites.hq.admin, tmp_path / "p.cdpolicy")

    sites.branch.use()
    assert import_policy_bundle(sites.branch.admin, tmp_path / "p.cdpolicy")["status"] == "applied"
    listed = templates.list_templates(sites.branch.admin)
    assert [(t["action"], t.get("paragraph"), t["source"]) for t in listed] == [
        ("letter", "opening", "hq"), ("letter", "closing", "hq"), ("reply", None, "hq")]

    sup = make_user(sites.branch.admin, "sup", "刘经理", "supervisor", department="客服部")
    h1 = make_user(sites.branch.admin, "h1", "赵敏", "handler", department="客服部", supervisor="sup")
    number = cases.register_case(sites.branch.admin, sample_case(), now=at("2026-11-20T09:30:00"))["number"]
    cases.do_action(sup, number, "assign", {"handler": "h1"}, now=at("2026-11-20T09:40:00"))
    offered = templates.letter_templates_for_case(h1, cases.show_case(h1, number))
    opening, closing = offered["opening"][0]["filled"], offered["closing"][0]["filled"]
    assert opening == f"您于2026年11月20日反映的问题（编号 {number}）我司已认真处理，现将处理情况函告陈志远先生如下。"
    cases.do_action(h1, number, "reply", {"at": "2026-11-20T16:00:00+08:00", "channel": "letter",
                                          "result": "已书面答复", "letter": {"opening": opening, "closing": closing}},
                    now=at("2026-11-20T16:00:00"))
    branch_letter = all_text(printouts.print_document(h1, number, "letter", now=at("2026-11-21T09:00:00")))
    assert "函告陈志远先生如下" in branch_letter and "感谢您对我司理赔服务的监督" in branch_letter

    sites.import_(sites.export()["file"])
    sites.hq.use()
    hq_letter = all_text(printouts.print_document(sites.hq.admin, number, "letter", now=at("2026-11-21T09:00:00")))
    assert "函告陈志远先生如下" in hq_letter and "感谢您对我司理赔服务的监督" in hq_letter
