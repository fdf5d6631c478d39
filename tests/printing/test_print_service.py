"""Printing through the core service: records become printouts, every print is recorded, reprints marked."""
from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from app.reports import printouts
from app.errors import InvalidInput, NotFound
from app.services import cases
from models import PrintRecord
from tests.conftest import sample_case
from tests.printing.pdfcheck import all_text, qr_codes, squash

CST = ZoneInfo("Asia/Shanghai")


def local(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=CST)


def act(actor, number, action, payload=None, now=None):
    return cases.do_action(actor, number, action, payload or {}, now=local(now) if now else None)


@pytest.fixture
def handled(desk):
    """A case handled, replied, approved and revisited (dissatisfied: a second round opened)."""
    number = cases.register_case(desk.rec, sample_case())["number"]
    act(desk.sup, number, "assign", {"handler": "h1"}, now="2026-11-20T09:40:00")
    act(desk.h1, number, "contact", {"at": "2026-11-20T10:00:00+08:00", "method": "phone", "reached": True,
                                     "note": "已联系客户，说明受理情况"}, now="2026-11-20T10:00:00")
    act(desk.h1, number, "investigate", {"at": "2026-11-20T11:00:00+08:00", "note": "调阅理赔系统记录，单证积压"},
        now="2026-11-20T11:00:00")
    act(desk.h1, number, "conclude", {"cause": "单证流转延误", "facts": "true", "opinion": "加急支付赔款",
                                      "result": "赔款已到账"}, now="2026-11-20T15:00:00")
    act(desk.h1, number, "reply", {"at": "2026-11-20T16:00:00+08:00", "channel": "phone", "result": "已告知客户"},
        now="2026-11-20T16:00:00")
    act(desk.h1, number, "submit", now="2026-11-20T16:10:00")
    act(desk.sup, number, "approve", {"opinion": "同意处理意见"}, now="2026-11-20T17:00:00")
    act(desk.rec, number, "revisit", {"at": "2026-11-21T10:00:00+08:00", "method": "phone",
                                      "satisfaction": "dissatisfied", "comment": "希望说明延误原因"},
        now="2026-11-21T10:00:00")
    return number


def test_slip_prints_intake_and_every_round_in_local_time(desk, handled):
    pdf = printouts.print_document(desk.sup, handled, "slip", now=local("2026-11-22T14:05:00"))
    text = all_text(pdf)
    for expected in (handled, "北京分公司", "陈志远", "13912345678", "京N6K215", "理赔部", "何俊", "理赔", "来访",
                     "客户称10月28日车辆追尾后报案", "2026-11-2009:30",  # received 09:30 Beijing time, not UTC
                     "调阅理赔系统记录，单证积压", "已联系上", "单证流转延误", "属实", "成立", "赔款已到账",
                     "已告知客户", "同意处理意见", "不满意", "希望说明延误原因", "第一轮处理",
                     "打印时间：2026-11-2214:05", "受理人", "处理人", "审批人", "客户签字", "王芳", "赵敏", "刘经理",
                     "转办交接", "（首次分派）"):
        assert squash(expected) in text, expected
    assert "补打" not in text
    assert set(qr_codes(pdf)) == {handled}


def test_every_print_is_recorded_and_the_second_copy_is_marked(desk, handled):
    first = printouts.print_document(desk.rec, handled, "slip")
    second = printouts.print_document(desk.sup, handled.lower(), "slip")
    receipt = printouts.print_document(desk.rec, handled, "receipt")
    assert "补打" not in all_text(first)
    assert "补打第2次打印" in all_text(second)
    assert "补打" not in all_text(receipt)  # another document counts its own copies
    rows = [(r.document, r.number, r.copy_no, r.printed_by)
            for r in PrintRecord.select().order_by(PrintRecord.id)]
    assert rows == [("slip", handled, 1, "rec"), ("slip", handled, 2, "sup"), ("receipt", handled, 1, "rec")]


def test_revisit_record_and_letter_come_from_the_records(desk, handled):
    revisit = all_text(printouts.print_document(desk.rec, handled, "revisit"))
    assert "希望说明延误原因" in revisit and "不满意" in revisit and "2026-11-2110:00" in revisit
    letter = all_text(printouts.print_document(desk.sup, handled, "letter", now=local("2026-11-22T09:00:00")))
    for expected in ("尊敬的陈志远先生", "2026年11月20日", "客户称10月28日车辆追尾后报案", "调阅理赔系统记录", "属实",
                     "加急支付赔款", "2026年11月22日", "歉意"):
        assert expected in letter, expected


def test_notice_prints_with_its_own_number(desk, handled):
    view = act(desk.sup, handled, "notice", {"department": "理赔部", "problem": "单证积压导致赔款超期",
                                             "corrective": "三日内清理积压单证", "preventive": "建立单证日清制度"})
    number = view["notices"][-1]["number"]
    pdf = printouts.print_document(desk.sup, number, "notice")
    text = all_text(pdf)
    for expected in (number, handled, "理赔部", "单证积压导致赔款超期", "三日内清理积压单证", "建立单证日清制度"):
        assert expected in text
    assert set(qr_codes(pdf)) == {number}
    assert PrintRecord.get(PrintRecord.number == number).document == "notice"


def test_a_voided_case_prints_its_reason(desk):
    number = cases.register_case(desk.rec, sample_case())["number"]
    act(desk.sup, number, "void", {"reason": "重复登记"})
    text = all_text(printouts.print_document(desk.sup, number, "slip"))
    assert "已作废" in text and "重复登记" in text


def test_the_accused_cannot_print_and_nothing_is_recorded(desk, handled):
    with pytest.raises(NotFound):
        printouts.print_document(desk.accused, handled, "slip")
    with pytest.raises(NotFound):
        printouts.print_document(desk.sup, "BJ01-2026-09999", "slip")
    with pytest.raises(InvalidInput):
        printouts.print_document(desk.sup, handled, "poster")
    assert PrintRecord.select().count() == 0


def test_a_user_who_does_not_handle_the_case_gets_masked_personal_data(desk, handled):
    text = all_text(printouts.print_document(desk.h2, handled, "slip"))
    assert "139****5678" in text
    assert "13912345678" not in text
    assert "学院路37号院" not in text
