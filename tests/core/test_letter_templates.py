"""Templates for the paragraphs of the written reply letter 投诉处理情况告知函: kept by branch administrators,
distributed by headquarters in its policy, composed with the reply (placeholders filled from the case) and printed
in the letter in place of the paragraphs written from the handling record."""
from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

import models
from app import i18n
from app.errors import InvalidInput
from app.reports import printouts
from app.rules import policy as policy_module
from app.services import cases, setup, templates
from tests.conftest import sample_case
from tests.printing.pdfcheck import all_text

CST = ZoneInfo("Asia/Shanghai")
OPENING = {"action": "letter", "paragraph": "opening", "title": "受理致歉", "key": "kt",
           "text": "您于{受理日期}通过{受理渠道}反映的问题（编号 {编号}）已收悉，给{称呼}带来不便，我们深表歉意。"}
CLOSING = {"action": "letter", "paragraph": "closing", "category": "claims", "title": "理赔结束语",
           "text": "再次感谢您对我司理赔工作的监督，祝您生活愉快。"}


def local(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=CST)


def act(actor, number, action, payload=None, now=None):
    return cases.do_action(actor, number, action, payload or {}, now=local(now) if now else None)


@pytest.fixture
def replying(desk):
    """A case under investigation, concluded, waiting for its reply."""
    number = cases.register_case(desk.rec, sample_case())["number"]
    act(desk.sup, number, "assign", {"handler": "h1"}, now="2026-11-20T09:40:00")
    act(desk.h1, number, "investigate", {"at": "2026-11-20T11:00:00+08:00", "note": "调阅理赔系统记录，单证积压"},
        now="2026-11-20T11:00:00")
    act(desk.h1, number, "conclude", {"cause": "单证流转延误", "facts": "true", "opinion": "加急支付赔款",
                                      "result": "赔款已到账"}, now="2026-11-20T15:00:00")
    return number


def test_letter_templates_are_kept_per_paragraph_and_filled_for_the_case(desk, replying):
    templates.save_template(desk.admin, OPENING)
    templates.save_template(desk.admin, CLOSING)
    templates.save_template(desk.admin, {"action": "letter", "paragraph": "closing", "category": "service_attitude",
                                         "title": "服务结束语", "text": "感谢您的理解。"})
    view = cases.show_case(desk.h1, replying)
    offered = templates.letter_templates_for_case(desk.h1, view)
    assert list(offered) == ["opening", "facts", "handling", "prevention", "closing"]
    assert [t["title"] for t in offered["closing"]] == ["理赔结束语"]  # the case's category only, or every category
    assert offered["opening"][0]["filled"] == (
        f"您于2026年11月20日通过来访反映的问题（编号 {replying}）已收悉，给陈志远先生带来不便，我们深表歉意。")
    assert offered["facts"] == []
    # the reply form's own list is not mixed with the letter's
    assert templates.templates_for_case(desk.h1, "reply", view) == []


def test_a_letter_template_needs_its_paragraph_and_only_it_has_one(desk):
    i18n.set_language("zh_CN")
    try:
        for bad, field in ((dict(OPENING, paragraph=""), "paragraph"), (dict(OPENING, paragraph="ps"), "paragraph"),
                           ({"action": "reply", "paragraph": "opening", "title": "x", "text": "y"}, "paragraph")):
            with pytest.raises(InvalidInput) as refused:
                templates.save_template(desk.admin, bad)
            assert refused.value.field == field
        assert "书面答复函" in str(refused.value.localized())
    finally:
        i18n.set_language("en")
    assert templates.list_templates(desk.admin) == []


def test_the_composed_paragraphs_are_printed_in_the_letter(desk, replying):
    templates.save_template(desk.admin, OPENING)
    view = cases.show_case(desk.h1, replying)
    opening = templates.letter_templates_for_case(desk.h1, view)["opening"][0]["filled"]
    act(desk.h1, replying, "reply", {
        "at": "2026-11-20T16:00:00+08:00", "channel": "letter", "result": "已书面答复客户",
        "letter": {"opening": opening, "facts": "经核查，您的理赔单证在流转中积压三日。",
                   "handling": "我司已于11月20日加急支付赔款12000元。\n并指定专人跟进到账情况。",
                   "closing": "再次感谢您对我司工作的监督。", "prevention": ""}}, now="2026-11-20T16:00:00")
    entry = [h for h in cases.show_case(desk.h1, replying)["history"] if h["action"] == "reply"][-1]
    assert "prevention" not in entry["after"]["input"]["letter"]  # an empty paragraph is left to the record

    text = all_text(printouts.print_document(desk.h1, replying, "letter", now=local("2026-11-21T09:00:00")))
    for expected in ("尊敬的陈志远先生：", f"您于2026年11月20日通过来访反映的问题（编号{replying}）已收悉",
                     "给陈志远先生带来不便，我们深表歉意。",
                     "经核查，您的理赔单证在流转中积压三日。", "我司已于11月20日加急支付赔款12000元。",
                     "并指定专人跟进到账情况。", "再次感谢您对我司工作的监督。",
                     "我们将以此为鉴，加强内部管理",  # prevention not composed: the standard paragraph
                     "一、投诉内容", "客户称10月28日车辆追尾后报案"):
        assert expected.replace(" ", "") in text, expected
    # the composed paragraphs replace those written from the record
    assert "调阅理赔系统记录" not in text and "现将处理情况告知如下" not in text and "深表歉意。我们将以此为鉴" not in text

    # recorded again without a letter, the reply's record is printed again
    act(desk.h1, replying, "reply", {"at": "2026-11-20T17:00:00+08:00", "channel": "phone", "result": "电话补充说明"},
        now="2026-11-20T17:00:00")
    text = all_text(printouts.print_document(desk.h1, replying, "letter", now=local("2026-11-21T09:00:00")))
    assert "调阅理赔系统记录" in text and "经核查，您的理赔单证" not in text


def test_a_masked_print_masks_the_name_in_the_composed_paragraphs(desk, replying):
    act(desk.h1, replying, "reply", {"at": "2026-11-20T16:00:00+08:00", "channel": "letter", "result": "已答复",
                                     "letter": {"opening": "陈志远先生，您好：您的来信已收悉。"}},
        now="2026-11-20T16:00:00")
    case = models.Case.get(models.Case.number == replying)
    data = printouts.letter_data(case, 1, "", masked=True)
    assert "陈志远" not in data.opening and data.opening.startswith("陈**先生")


def test_bad_letter_paragraphs_are_refused_with_the_field_and_nothing_changes(desk, replying):
    before = models.History.select().count()
    for letter, field in (({"opening": 5}, "letter.opening"), ({"greeting": "您好"}, "letter.greeting"),
                          ([], "letter"), ({"closing": "x" * 4001}, "letter.closing")):
        with pytest.raises(InvalidInput) as refused:
            act(desk.h1, replying, "reply", {"at": "2026-11-20T16:00:00+08:00", "channel": "letter",
                                             "result": "已答复", "letter": letter})
        assert refused.value.field == field
    assert models.History.select().count() == before and models.Reply.select().count() == 0


def test_headquarters_distributes_letter_templates_in_its_policy(desk):
    setup.import_policy(desk.admin, {"templates": [OPENING, dict(CLOSING, key="js")]})
    listed = templates.list_templates(desk.admin)
    assert [(t["action"], t["paragraph"], t["source"]) for t in listed] == [("letter", "opening", "hq"),
                                                                           ("letter", "closing", "hq")]
    assert policy_module.load_policy().to_json()["templates"][1]["paragraph"] == "closing"
    with pytest.raises(InvalidInput) as refused:
        setup.import_policy(desk.admin, {"templates": [dict(OPENING, paragraph="signature")]})
    assert refused.value.field == "templates[0].paragraph"


def test_the_command_line_distributes_composes_and_prints_the_letters_paragraphs(cli_desk, tmp_path):
    import json

    from tests.conftest import PASSWORD

    policy = tmp_path / "policy.json"
    policy.write_text(json.dumps({"templates": [OPENING, CLOSING]}, ensure_ascii=False), encoding="utf-8")
    cli_desk.ok("policy", "import", str(policy), "--as", "admin", password=PASSWORD)
    shown = cli_desk.ok("policy", "show", "--as", "h1", password=PASSWORD)
    assert [(t["action"], t["paragraph"]) for t in shown["templates"]] == [("letter", "opening"), ("letter", "closing")]
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"templates": [dict(OPENING, paragraph="")]}, ensure_ascii=False), encoding="utf-8")
    refused = cli_desk.run("policy", "import", str(bad), "--as", "admin", password=PASSWORD, lang="zh_CN")
    assert refused.code == 1 and "templates[0].paragraph" in refused.err and "Traceback" not in refused.err

    number = cli_desk.ok("case", "add", "--json", "-", "--as", "rec", password=PASSWORD,
                         stdin=json.dumps(sample_case(), ensure_ascii=False))["number"]
    cli_desk.ok("case", "do", number, "assign", "--json", "-", "--as", "sup", password=PASSWORD,
                stdin=json.dumps({"handler": "h1"}))
    letter = {"opening": "您的来信已收悉，给陈志远先生带来不便，深表歉意。", "closing": "再次感谢您的监督。"}
    cli_desk.ok("case", "do", number, "reply", "--json", "-", "--as", "h1", password=PASSWORD,
                stdin=json.dumps({"channel": "letter", "result": "已书面答复", "letter": letter}, ensure_ascii=False))
    refused = cli_desk.run("case", "do", number, "reply", "--json", "-", "--as", "h1", password=PASSWORD,
                           stdin=json.dumps({"channel": "letter", "result": "x", "letter": {"ps": "y"}}))
    assert refused.code == 1 and "letter.ps" in refused.err
    out = tmp_path / "letter.pdf"
    cli_desk.ok("print", number, "--doc", "letter", "--out", str(out), "--as", "h1", password=PASSWORD)
    text = all_text(out.read_bytes())
    assert "您的来信已收悉，给陈志远先生带来不便，深表歉意。" in text and "再次感谢您的监督。" in text
