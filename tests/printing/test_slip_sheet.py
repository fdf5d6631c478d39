"""The slip printed at the counter fits one A4 sheet with its signature boxes; a long slip never leaves the
signatures alone on a page, and every page carries the number and "第 X 页 / 共 Y 页"."""
from __future__ import annotations

import io
import re
from datetime import datetime

import pypdf

from app.reports import printouts
from app.services import cases
from tests.core.test_my_work import complaint
from tests.printing.pdfcheck import pages_text, squash

NOW = datetime.fromisoformat("2026-11-20T09:30:00+08:00")


def page_count(pdf: bytes) -> int:
    return len(pypdf.PdfReader(io.BytesIO(pdf)).pages)


def test_a_freshly_registered_slip_prints_on_one_sheet_with_the_signature_boxes(desk):
    number = cases.register_case(desk.rec, complaint(), now=NOW)["number"]
    pdf = printouts.print_document(desk.rec, number, "slip", now=NOW)
    assert page_count(pdf) == 1
    text = pages_text(pdf)[0]
    for expected in ("客户签字", "受理人", "处理人", "审批人", "张伟", "客户称报案一个月理赔款仍未到账", "第1页/共1页"):
        assert squash(expected) in text, expected


def test_a_long_content_still_fits_one_sheet(desk):
    content = "客户称事故发生后多次致电理赔部，理赔人员一再推诿，资料已按要求全部提交，却迟迟不给答复，" * 5
    number = cases.register_case(desk.rec, complaint(content=content), now=NOW)["number"]
    assert page_count(printouts.print_document(desk.rec, number, "slip", now=NOW)) == 1


def test_a_slip_over_two_pages_keeps_the_signatures_with_the_record_and_numbers_every_page(desk):
    content = "客户称事故发生后多次致电理赔部，理赔人员一再推诿，资料已按要求全部提交，却迟迟不给答复。" * 30
    number = cases.register_case(desk.rec, complaint(content=content), now=NOW)["number"]
    pdf = printouts.print_document(desk.rec, number, "slip", now=NOW)
    pages = pages_text(pdf)
    assert len(pages) >= 2
    for index, page in enumerate(pages, start=1):
        assert number in page
        assert f"第{index}页/共{len(pages)}页" in page
    signed = next(p for p in pages if squash("五、签字确认") in p)
    body = re.sub(r"第\d+页/共\d+页", "", signed)
    assert squash("四、处理记录") in body  # the signatures share their page with the record they sign


def test_the_customers_receipt_gives_the_branchs_telephone_address_and_hours(desk):
    from app.services import setup

    setup.set_branch_profile(desk.admin, phone="021-58881234", address="上海市浦东新区世纪大道100号1楼",
                             hours="工作日 9:00-17:00")
    number = cases.register_case(desk.rec, complaint(), now=NOW)["number"]
    pdf = printouts.print_document(desk.rec, number, "receipt", now=NOW)
    assert page_count(pdf) == 1
    customer = pages_text(pdf)[0].split(squash("受理回执（客户联）"))[1]
    for expected in ("021-58881234", "上海市浦东新区世纪大道100号1楼", "工作日9:00-17:00", number):
        assert squash(expected) in customer, expected
    assert squash("致电021-58881234或到北京分公司（地址见下）查询") in customer


def test_a_bad_branch_telephone_is_refused_with_its_field_and_nothing_saved(desk):
    import pytest

    from app.errors import InvalidInput
    from app.services import setup

    with pytest.raises(InvalidInput) as refused:
        setup.set_branch_profile(desk.admin, phone="请拨打客服", address="上海市浦东新区")
    assert refused.value.field == "phone"
    assert setup.branch_profile(desk.admin)["address"] == ""
