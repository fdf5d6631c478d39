"""Validation of the case JSON (docs/rules.md, "The case JSON"): every refusal names the field."""
from __future__ import annotations

from datetime import datetime, timezone
from decimal import Decimal

import pytest
from tests.conftest import example_cases, sample_case

from app import i18n
from app.errors import InvalidInput
from app.rules.policy import DEFAULT_CATEGORIES
from app.rules.validation import case_to_json, parse_json_text, validate_case

NOW = datetime(2026, 11, 22, 12, 0, tzinfo=timezone.utc)


def check(case):
    return validate_case(case, categories=DEFAULT_CATEGORIES, now=NOW)


def refused(case) -> InvalidInput:
    with pytest.raises(InvalidInput) as info:
        check(case)
    return info.value


def without(case: dict, dotted: str) -> dict:
    target = case
    parts = dotted.split(".")
    for part in parts[:-1]:
        target = target[part]
    del target[parts[-1]]
    return case


@pytest.mark.parametrize("example", example_cases(), ids=lambda e: e["case"]["kind"])
def test_every_example_is_valid(example):
    flat = check(example["case"])
    assert flat["kind"] == example["case"]["kind"]


def test_flat_values():
    flat = check(sample_case(**{"amount.value": 12000.5, "plate_no": "京a 12345"}))
    assert flat["amount_value"] == Decimal("12000.50")
    assert flat["plate_no"] == "京A12345"
    assert flat["received_at"] == datetime(2026, 11, 20, 1, 30, tzinfo=timezone.utc)
    assert flat["mobile"] == "13912345678"


@pytest.mark.parametrize("changes, field", [
    ({"colour": "red"}, "colour"),
    ({"complainant.wechat": "zw"}, "complainant.wechat"),
    ({"amount.currency": "CNY"}, "amount.currency"),
    ({"flags.fire": True}, "flags.fire"),
    ({"contact_window": {"from": "18:00", "to": "21:00", "tz": "x"}}, "contact_window.tz"),
])
def test_unknown_keys(changes, field):
    error = refused(sample_case(**changes))
    assert error.field == field
    assert error.message == "unknown field"


@pytest.mark.parametrize("changes, field", [
    ({"kind": 1}, "kind"),
    ({"kind": "complain"}, "kind"),
    ({"channel": "wechat"}, "channel"),
    ({"origin": "other"}, "origin"),
    ({"complainant_count": "3"}, "complainant_count"),
    ({"complainant_count": 2.5}, "complainant_count"),
    ({"complainant_count": True}, "complainant_count"),
    ({"complainant_count": 0}, "complainant_count"),
    ({"complainant": "张伟"}, "complainant"),
    ({"complainant.name": 42}, "complainant.name"),
    ({"complainant.name": "  "}, "complainant.name"),
    ({"complainant.vip": "yes"}, "complainant.vip"),
    ({"complainant.vip": 1}, "complainant.vip"),
    ({"complainant.gender": "m"}, "complainant.gender"),
    ({"complainant.mobile": 13800138000}, "complainant.mobile"),
    ({"complainant.phone": "call me"}, "complainant.phone"),
    ({"flags": ["media"]}, "flags"),
    ({"flags.media": "true"}, "flags.media"),
    ({"flags.lawsuit": 0}, "flags.lawsuit"),
    ({"amount": 12000}, "amount"),
    ({"amount.value": "lots"}, "amount.value"),
    ({"amount.value": True}, "amount.value"),
    ({"amount.value": [1]}, "amount.value"),
    ({"amount.value": "NaN"}, "amount.value"),
    ({"amount.line": "car"}, "amount.line"),
    ({"content": ["a"]}, "content"),
    ({"content": ""}, "content"),
    ({"received_at": 1763600000}, "received_at"),
    ({"received_at": "20/11/2026 09:15"}, "received_at"),
    ({"category": "weather"}, "category"),
    ({"plate_no": "ABC"}, "plate_no"),
    ({"contact_window": "evening"}, "contact_window"),
    ({"contact_window": {"from": "18:00", "to": "25:00"}}, "contact_window.to"),
    ({"contact_window": {"from": "18:00", "to": "18:00"}}, "contact_window"),
    ({"contact_window": {"from": "18:00"}}, "contact_window.to"),
    ({"summary": "x" * 201}, "summary"),
])
def test_wrong_types_and_values(changes, field):
    assert refused(sample_case(**changes)).field == field


@pytest.mark.parametrize("missing", ["kind", "channel", "received_at", "complainant", "content",
                                     "complainant.name"])
def test_required_fields(missing):
    assert refused(without(sample_case(), missing)).field == missing


@pytest.mark.parametrize("mobile", ["1380013800", "138001380001", "23800138000", "12800138000", "1380013800a",
                                    "+8613800138000", "138-0013-8000"])
def test_malformed_mobile(mobile):
    error = refused(sample_case(**{"complainant.mobile": mobile}))
    assert error.field == "complainant.mobile"


def test_a_customer_must_be_reachable():
    error = refused(sample_case(**{"complainant.mobile": "", "complainant.phone": ""}))
    assert error.field == "complainant.mobile"
    assert check(sample_case(**{"complainant.mobile": "", "complainant.phone": "010-8888 6666"}))["mobile"] == ""
    # an anonymous misconduct report needs neither a name nor a number
    report = sample_case(kind="report", **{"complainant.mobile": "", "complainant.name": ""})
    assert check(report)["kind"] == "report"


def test_future_received_at():
    assert refused(sample_case(received_at="2026-11-22T20:10:00+08:00")).field == "received_at"  # 10 min ahead
    assert refused(sample_case(received_at="2027-01-01T09:00:00+08:00")).field == "received_at"
    # a minute ahead is clock skew between the PC and the phone, and accepted
    assert check(sample_case(received_at="2026-11-22T20:01:00+08:00"))
    # the same local time written in UTC is judged as the same instant
    assert refused(sample_case(received_at="2026-11-22T12:10:00Z")).field == "received_at"


def test_received_at_without_offset_is_local_time():
    flat = check(sample_case(received_at="2026-11-20T09:15:00"))
    assert flat["received_at"] == datetime(2026, 11, 20, 1, 15, tzinfo=timezone.utc)


@pytest.mark.parametrize("value", [-1, -0.01])
def test_negative_amounts(value):
    error = refused(sample_case(**{"amount.value": value}))
    assert error.field == "amount.value"
    assert error.message == "must not be negative"


@pytest.mark.parametrize("value", ["-5", "12000", "12000.50"])
def test_an_amount_given_as_text_is_refused(value):
    error = refused(sample_case(**{"amount.value": value}))
    assert error.field == "amount.value"
    assert error.message == "must be a number, not text"


def test_the_document_must_be_an_object():
    for document in ([], "case", 3, None):
        error = refused(document)
        assert error.field == "json" and error.message == "the document must be a JSON object"


def test_broken_json_names_line_and_column():
    with pytest.raises(InvalidInput) as info:
        parse_json_text('{"kind": "complaint",\n "channel": }')
    assert info.value.field == "json"
    assert info.value.params["line"] == 2 and info.value.params["column"] == 13


def test_messages_name_the_field_in_both_languages():
    error = refused(sample_case(**{"complainant.mobile": "12345"}))
    previous = i18n.language()
    try:
        i18n.set_language("zh_CN")
        zh = error.localized()
        i18n.set_language("en")
        en = error.localized()
    finally:
        i18n.set_language(previous)
    assert zh.startswith("complainant.mobile: ") and "手机" in zh
    assert en.startswith("complainant.mobile: ") and "mobile" in en


def test_every_validation_message_has_a_chinese_translation():
    import re
    from pathlib import Path

    import app.rules.validation as v

    source = Path(v.__file__).read_text(encoding="utf-8")
    messages = set(re.findall(r'InvalidInput\(\s*"([^"]+)"', source))
    assert messages
    assert i18n.missing_translations(sorted(messages)) == []


def test_case_to_json_is_the_inverse_of_validation(desk):
    from app.services import cases
    from models import Case

    original = sample_case(**{"amount.value": 12000.5, "contact_window": {"from": "18:00", "to": "21:00"}})
    number = cases.register_case(desk.rec, original)["number"]
    again = case_to_json(Case.get(Case.number == number))
    assert again == original | {"amount": {"line": "auto", "value": 12000.5}}


def test_a_time_in_the_future_is_judged_by_the_cores_clock():
    """The clock the records are stamped with (set for the command-line tests) also says what is the future."""
    from datetime import datetime, timezone

    import pytest

    from app.errors import InvalidInput
    from app.rules.validation import parse_instant
    from models import entities

    entities.set_clock(datetime(2026, 3, 2, 2, 0, tzinfo=timezone.utc))  # 10:00 in the office
    try:
        accepted = parse_instant("2026-03-02T09:30:00+08:00", "received_at", not_future=True)
        assert accepted == datetime(2026, 3, 2, 1, 30, tzinfo=timezone.utc)
        with pytest.raises(InvalidInput) as refused:
            parse_instant("2026-03-02T11:30:00+08:00", "received_at", not_future=True)
        assert refused.value.message == "must not be in the future" and refused.value.field == "received_at"
    finally:
        entities.set_clock(None)
