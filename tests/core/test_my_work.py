"""My work is the day's list for every role, with the deadlines each one owns (times fixed with ``now=``)."""
from __future__ import annotations

from datetime import datetime

from app.services import cases, queries
from tests.core.test_workflow import act

NOW = datetime.fromisoformat("2026-11-20T10:00:00+08:00")


def complaint(**changes) -> dict:
    document = {
        "kind": "complaint", "origin": "routine", "channel": "visit", "received_at": "2026-11-20T09:15:00+08:00",
        "complainant": {"name": "张伟", "gender": "male", "address": "北京市朝阳区建国路88号",
                        "relation_to_insured": "本人", "identity": "车主", "mobile": "13800138000", "phone": "",
                        "vip": False},
        "contact_name": "张伟", "complainant_count": 1, "reason": "理赔款迟迟未到账", "claim_no": "RC2026110001",
        "plate_no": "京A12345", "accused_department": "理赔部", "accused_person": "李强", "category": "claims",
        "content": "客户称报案一个月理赔款仍未到账。", "summary": "理赔款到账慢", "desired_remedy": "尽快到账",
        "original_doc_no": "", "amount": {"line": "auto", "value": 3200},
        "flags": {"media": False, "petition": False, "threat": False, "hq": False, "lawsuit": False},
        "contact_window": None,
    }
    document.update(changes)
    return document


def whats(work: list[dict], number: str) -> dict:
    return {w["what"]: w for w in work if w["number"] == number}


def test_reception_sees_the_receipts_to_give_and_the_report_due_within_the_hour(desk):
    number = cases.register_case(desk.rec, complaint(), now=NOW)["number"]
    work = whats(queries.my_work(desk.rec, now=NOW), number)
    assert work["receipt"]["due"] == "2026-11-21T09:15:00+08:00"
    assert work["receipt"]["customer"] == "张伟" and work["receipt"]["customer_phone"] == "13800138000"
    assert work["escalate"]["due"] == "2026-11-20T10:15:00+08:00" and work["escalate"]["due_today"] is True
    later = datetime.fromisoformat("2026-11-21T10:00:00+08:00")
    work = whats(queries.my_work(desk.rec, now=later), number)
    assert work["receipt"]["status"] == "overdue" and work["receipt"]["due_today"] is False


def test_the_handler_sees_the_responsibility_deadline_beside_the_reply(desk):
    number = cases.register_case(desk.rec, complaint(), now=NOW)["number"]
    act(desk.sup, number, "assign", {"handler": "h1"}, now="2026-11-20T09:40:00")
    work = whats(queries.my_work(desk.h1, now=NOW), number)
    assert work["determine"]["due"] == "2026-11-21T09:15:00+08:00"
    assert work["handle"]["due"].startswith("2026-11-25")  # three working days
    assert "receipt" not in work  # the handler did not receive it: the desk gives the receipt
    act(desk.h1, number, "conclude", {"cause": "理赔人员疏忽", "facts": "true", "opinion": "加急", "result": "已赔付"}, now="2026-11-20T10:40:00")
    assert "determine" not in whats(queries.my_work(desk.h1, now=NOW), number)


def test_a_revisit_item_names_the_customer_and_the_telephone(desk):
    number = cases.register_case(desk.rec, complaint(), now=NOW)["number"]
    act(desk.sup, number, "assign", {"handler": "h1"}, now="2026-11-20T09:40:00")
    act(desk.h1, number, "investigate", {"at": "2026-11-20T10:30:00+08:00", "note": "核实"}, now="2026-11-20T10:35:00")
    act(desk.h1, number, "conclude", {"cause": "疏忽", "facts": "true", "opinion": "加急", "result": "已赔付"}, now="2026-11-20T10:40:00")
    act(desk.h1, number, "reply", {"at": "2026-11-20T11:00:00+08:00", "channel": "phone", "result": "已告知"}, now="2026-11-20T11:05:00")
    act(desk.h1, number, "submit", {}, now="2026-11-20T11:10:00")
    act(desk.sup, number, "approve", {"opinion": "同意"}, now="2026-11-20T14:00:00")
    revisit = whats(queries.my_work(desk.rec, now=datetime.fromisoformat("2026-11-20T15:00:00+08:00")), number)["revisit"]
    assert (revisit["customer"], revisit["customer_phone"]) == ("张伟", "13800138000")


def test_the_register_finds_a_case_by_claim_number_landline_and_who_or_what_was_complained_about(desk):
    first = cases.register_case(desk.rec, complaint(claim_no="PDAA2026310100000123",
                                                    complainant={**complaint()["complainant"], "phone": "010-65881234"},
                                                    accused_person="周立", accused_department="维修部"), now=NOW)["number"]
    other = cases.register_case(desk.rec, complaint(), now=NOW)["number"]

    def found(text):
        ids = queries.ledger_ids(desk.sup, {"text": text}, "number", False, 0, 50)
        rows = queries.ledger_rows(desk.sup, ids)
        numbers = [rows[i]["number"] for i in ids]
        assert queries.ledger_count(desk.sup, {"text": text}) == len(numbers)
        return numbers

    assert found("PDAA2026310100000123") == [first]
    assert found("010-65881234") == [first]
    assert found("周立") == [first]
    assert found("维修部") == [first]
    assert set(found("理赔部")) == {other}
    assert set(found("理赔款")) == {first, other}  # an ordinary word as before


def test_the_supervisor_sees_notices_whose_feedback_is_due_and_then_the_verification(desk):
    from app.services import notices

    number = cases.register_case(desk.rec, complaint(), now=NOW)["number"]
    act(desk.sup, number, "assign", {"handler": "h1"}, now="2026-11-20T09:40:00")
    view = act(desk.sup, number, "notice", {"department": "理赔部", "problem": "积压", "corrective": "清理",
                                            "preventive": "日报"}, now="2026-11-20T11:00:00")
    notice = view["notices"][-1]["number"]
    early = queries.my_work(desk.sup, now=datetime.fromisoformat("2026-11-21T10:00:00+08:00"))
    assert not [w for w in early if w.get("notice") == notice]  # feedback not due yet: nothing to chase
    due = queries.my_work(desk.sup, now=datetime.fromisoformat("2026-11-25T12:00:00+08:00"))
    chase = [w for w in due if w.get("notice") == notice]
    assert [w["what"] for w in chase] == ["chase_notice"] and chase[0]["status"] == "overdue"
    assert [w["what"] for w in queries.my_work(desk.dept, now=NOW) if w.get("notice") == notice] == ["notice_feedback"]
    notices.notice_action(desk.dept, notice, "feedback", {"actions": "已清理"})
    after = queries.my_work(desk.sup, now=datetime.fromisoformat("2026-11-23T12:00:00+08:00"))
    assert [w["what"] for w in after if w.get("notice") == notice] == ["verify_notice"]
