"""Every printout read back as a user would: numbers, labels, the customer's words, signatures, fonts, QR."""
from __future__ import annotations

import pytest

from tests.printing import sample_printouts as samples
from tests.printing.pdfcheck import (
    BASE14, all_text, body_text, fonts, is_embedded, pages_text, qr_codes, squash, text_outside,
)
from printing import render_letter, render_notice, render_receipt, render_revisit, render_slip

SLIP_SIGNATURES = ["受理人", "处理人", "审批人", "客户签字"]

# document -> (render, data factory taking copy_no, number, labels a user looks for, customer's text)
DOCUMENTS = {
    "slip": (render_slip, lambda n: samples.slip(copy_no=n), samples.NUMBER,
             ["客户投诉处理单", "投诉人姓名", "性别", "住址", "与被保险人(车主)关系", "投诉人身份", "联系人姓名",
              "手机", "联系电话", "缘由", "报案号", "车牌号", "被投诉部门", "被投诉人姓名", "投诉内容", "内容概要",
              "客户诉求", "投诉人数", "涉及金额及险种", "受理渠道", "受理时间", "受理人/填单人", "原件编号",
              "调查记录", "联系客户记录", "致诉原因", "事实认定", "是否成立", "处理意见", "回复客户", "审批",
              "回访", "转办交接", "签字确认", *SLIP_SIGNATURES],
             [samples.CONTENT, "北京市朝阳区建国路88号院3号楼1单元502室", "13800138000", "京A12345",
              "尽快支付理赔款并说明原因"]),
    "receipt": (render_receipt, lambda n: samples.receipt(copy_no=n), samples.NUMBER,
                ["受理回执（存根联）", "受理回执（客户联）", "沿此线剪开", "受理时间", "受理人", "答复期限", "查询方式",
                 "投诉人签收", "受理单位（盖章）"],
                ["张伟", "车险理赔款超期未到账", "2026-11-23 23:59", "010-65880000"]),
    "notice": (render_notice, lambda n: samples.notice(copy_no=n), samples.NOTICE_NUMBER,
               ["整改通知书", "关联投诉单号", "整改责任部门", "存在问题", "纠正措施", "预防措施", "整改期限",
                "整改报告", "已采取措施", "整改验证", "验证结论", "验证意见", "签发人", "接收部门负责人",
                "责任部门负责人", "验证人"],
               ["理赔核价环节积压，客户理赔款超期未支付。", "建立核价人员休假顶岗制度，每日通报超期案件。",
                samples.NUMBER]),
    "revisit": (render_revisit, lambda n: samples.revisit(copy_no=n), samples.NUMBER,
                ["回访记录", "投诉编号", "回访期限", "回访时间", "回访人", "满意度", "客户意见", "客户签字"],
                ["希望今后加快理赔速度。", "问题已解决。", "不满意", "138****8000"]),
    "letter": (render_letter, lambda n: samples.letter(copy_no=n), samples.NUMBER,
               ["投诉处理情况告知函", "尊敬的张伟", "一、投诉内容", "二、调查情况", "三、处理措施", "四、预防措施",
                "感谢", "歉意", "（盖章）", "客户签字"],
               [samples.CONTENT, "我司已建立核价人员休假顶岗制度", "010-65880000"]),
}


@pytest.fixture(scope="module", params=sorted(DOCUMENTS))
def printed(request):
    render, make, number, labels, customer = DOCUMENTS[request.param]
    return request.param, render(make(1)), number, labels, customer


def test_every_document_shows_its_number_labels_and_the_customers_words(printed):
    name, pdf, number, labels, customer = printed
    assert pdf.startswith(b"%PDF-")
    text = all_text(pdf)
    assert number in text
    for expected in labels + customer:
        assert squash(expected) in text, f"{name}: {expected!r} missing"


def test_every_page_carries_number_branch_print_time_and_page_x_of_y(printed):
    name, pdf, number, _, _ = printed
    pages = pages_text(pdf)
    for index, page in enumerate(pages, start=1):
        assert number in page
        assert squash(samples.BRANCH) in page
        assert squash(f"打印时间：{samples.PRINTED_AT}") in page
        assert f"第{index}页/共{len(pages)}页" in page


def test_every_font_is_embedded_and_none_is_a_base14_font(printed):
    name, pdf, _, _, _ = printed
    used = fonts(pdf)
    assert used, "no font found at all"
    for font in used:
        base = str(font.get("/BaseFont", "")).lstrip("/")
        assert base.split("+")[-1] not in BASE14, f"{name} uses {base}"
        assert is_embedded(font), f"{name}: {base} is not embedded"
        assert "WenQuanYi" in base


def test_the_qr_code_on_the_page_decodes_to_exactly_the_number(printed):
    name, pdf, number, _, _ = printed
    codes = qr_codes(pdf)
    assert codes, f"{name}: no QR code decoded"
    assert set(codes) == {number}


def test_the_receipt_customer_part_carries_its_own_qr_code():
    codes = qr_codes(render_receipt(samples.receipt()))
    # the page header, the stub and the customer part each carry one
    assert codes.count(samples.NUMBER) == 3


@pytest.mark.parametrize("name", sorted(DOCUMENTS))
def test_reprint_mark_only_from_the_second_copy(name):
    render, make, _, _, _ = DOCUMENTS[name]
    assert "补打" not in all_text(render(make(1)))
    for copy_no in (2, 5):
        pages = pages_text(render(make(copy_no)))
        for page in pages:
            assert f"补打第{copy_no}次打印" in page


def test_long_complaint_flows_over_pages_and_keeps_every_word():
    content = samples.CONTENT * 25 + "最后一句在这里。"
    pdf = render_slip(samples.slip(content=content, rounds=2))
    pages = len(pages_text(pdf))
    assert pages >= 3
    assert squash(content) in body_text(pdf, "客户投诉处理单", samples.NUMBER, ["三、投诉事项"])
    assert set(qr_codes(pdf, page_index=pages - 1)) == {samples.NUMBER}


@pytest.mark.parametrize("name", sorted(DOCUMENTS))
def test_long_chinese_text_wraps_inside_the_page_margins(name):
    # one run of Chinese without any space: only CJK line breaking keeps it inside the boxes
    unbroken = "投诉人反映理赔款迟迟未到账且多次致电无人答复要求尽快处理" * 12
    render, make, _, _, _ = DOCUMENTS[name]
    data = make(1)
    for field in ("content", "problem", "summary", "comment"):
        if hasattr(data, field):
            setattr(data, field, unbroken)
    if hasattr(data, "revisits"):
        data.revisits[0].comment = unbroken
    pdf = render(data)
    assert squash(unbroken[:40]) in all_text(pdf)
    margin = 18 * 72 / 25.4  # MARGIN_LEFT / MARGIN_RIGHT, 18 mm
    assert text_outside(pdf, margin - 1, 595.27 - margin + 1) == []


def test_the_printing_package_stays_free_of_qt_and_the_core():
    import subprocess
    import sys

    code = ("import sys, printing; printing.render_slip; "
            "bad = [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'app', 'models', 'ui')]; "
            "print(bad); sys.exit(1 if bad else 0)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("repeat", range(0, 16, 1))
def test_slip_signature_block_is_never_split_across_pages(repeat):
    # growing content moves the signature block over every position near a page break
    pdf = render_slip(samples.slip(content=samples.CONTENT * (1 + repeat), rounds=1 + repeat % 2))
    pages = pages_text(pdf)
    holding = [i for i, page in enumerate(pages) if "签字确认" in page]
    assert len(holding) == 1
    page = pages[holding[0]]
    assert "签字人姓名签字日期" in page
    assert all(role in page for role in SLIP_SIGNATURES)
    assert page.count("年月日") == 4
    assert holding[0] == len(pages) - 1


def test_signature_block_stays_whole_at_every_letter_length():
    for repeat in range(0, 12):
        pdf = render_letter(samples.letter(investigation="经调查，情况属实。" * (repeat * 12 + 1)))
        pages = pages_text(pdf)
        last = pages[-1]
        assert "签收" in last and "客户签字" in last and "经办人" in last and "（盖章）" in last


def test_notice_shows_the_verification_result():
    passed = all_text(render_notice(samples.notice(passed=True)))
    assert "✓通过" in passed and "✓不通过" not in passed
    failed = all_text(render_notice(samples.notice(passed=False)))
    assert "✓不通过" in failed and "✓通过" not in failed
    open_notice = all_text(render_notice(samples.notice()))
    assert "✓" not in open_notice and "不通过" in open_notice


def test_slip_shows_every_round_of_handling():
    text = all_text(render_slip(samples.slip(rounds=2)))
    assert "第一轮处理" in text and "第二轮处理" in text
    empty = all_text(render_slip(samples.slip(rounds=0)))
    assert "尚未处理" in empty and "第一轮处理" not in empty


def test_customer_text_is_printed_literally_not_as_markup():
    data = samples.slip(content="价格<b>过高</b> & 服务差 <br/> 第二行")
    assert squash("价格<b>过高</b>&服务差<br/>第二行") in all_text(render_slip(data))
