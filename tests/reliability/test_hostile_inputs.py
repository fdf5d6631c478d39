"""The input campaign replayed at the branch: hostile values through intake and every workflow and notice action.

Each known bad value is refused with the field named and nothing written; generated inputs end either accepted
or in a DeskError (never a traceback); and whatever was accepted passes headquarters' checks of every column
(nothing a branch accepts can be refused at headquarters, so nothing accepted can block its consolidation).
"""
from __future__ import annotations

import copy
import math
from datetime import datetime, timezone

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

import models
from app.errors import DeskError, InvalidInput
from app.exchange import checks, rows
from app.services import cases, notices

NOW = datetime(2026, 11, 22, 4, 0, tzinfo=timezone.utc)  # 12:00 in Beijing, a Sunday: quiet hours apply


def case_document(**changes) -> dict:
    """A complete, valid case JSON (docs/rules.md §5); dotted keys reach into nested objects."""
    document = {
        "kind": "complaint", "origin": "routine", "channel": "visit", "received_at": "2026-11-20T09:15:00+08:00",
        "complainant": {"name": "张伟", "gender": "male", "address": "北京市朝阳区建国路 1 号", "relation_to_insured": "本人",
                        "identity": "车主", "mobile": "13800138000", "phone": "", "vip": False},
        "contact_name": "张伟", "complainant_count": 1, "reason": "理赔款迟迟未到账", "claim_no": "RC2026110001",
        "plate_no": "京A12345", "accused_department": "理赔部", "accused_person": "", "category": "claims",
        "content": "十一月初报案，定损后至今未到账。\n多次致电无人回复。", "summary": "理赔款未到账", "desired_remedy": "尽快赔付",
        "original_doc_no": "", "amount": {"line": "auto", "value": 8000},
        "flags": {"media": False, "petition": False, "threat": False, "hq": False, "lawsuit": False},
        "contact_window": None,
    }
    for key, value in changes.items():
        target = document
        parts = key.split(".")
        for part in parts[:-1]:
            target = target[part]
        target[parts[-1]] = value
    return document


def nothing_headquarters_refuses() -> None:
    """Every record of every exchanged table, exported as the branch would, passes headquarters' checks."""
    cache = rows.UuidCache()
    for model in rows.exchanged_models():
        names, columns = rows.export_columns(model, model.select(), cache)
        fields = rows.exchanged_fields(model)
        stored = {}
        for field, column in zip(fields, columns):
            stored[field.name] = rows.stored_column(field, column)  # raises BadValue naming the field
        refused = checks.refused_records(model, fields, stored)
        assert not refused, (rows.table_name(model), {at: str(why) for at, why in refused.items()})
        if model is models.History:
            import orjson

            for text in stored["after"] + stored["before"]:
                if text is not None:
                    orjson.loads(text)  # strict JSON: no NaN, no Infinity


def refused_naming(call, field):
    with pytest.raises(InvalidInput) as info:
        call()
    assert info.value.field == field, (info.value.field, info.value.localized())
    assert info.value.localized().startswith(field + ": ")
    return info.value


# --- intake ---------------------------------------------------------------------------------------------------

INTAKE = [
    ("content", "投诉\x00内容", "content"),
    ("content", "投诉\x1b[31m内容", "content"),
    ("summary", "铃\x07", "summary"),
    ("complainant.name", "张\u0085伟", "complainant.name"),
    ("complainant.name", "\u200b\u200b", "complainant.name"),
    ("content", "\u200b \u200b\ufeff", "content"),
    ("complainant.name", "张\ud800伟", "complainant.name"),
    ("complainant.address", "第一行\n第二行", "complainant.address"),
    ("complainant_count", 2 ** 31, "complainant_count"),
    ("complainant_count", 2 ** 63, "complainant_count"),
    ("complainant_count", 0, "complainant_count"),
    ("complainant_count", 3.0, "complainant_count"),
    ("complainant_count", True, "complainant_count"),
    ("amount.value", "12000", "amount.value"),
    ("amount.value", 9999.995, "amount.value"),
    ("amount.value", 0.001, "amount.value"),
    ("amount.value", math.nan, "amount.value"),
    ("amount.value", math.inf, "amount.value"),
    ("amount.value", 10 ** 14, "amount.value"),
    ("received_at", "0001-01-01T00:00:00+00:00", "received_at"),
    ("received_at", "0001-01-01T00:00:00+14:00", "received_at"),
    ("received_at", "1900-01-01T09:00:00", "received_at"),
    ("received_at", "1999-12-31T23:00:00+08:00", "received_at"),
    ("received_at", "9999-12-31T23:59:59-12:00", "received_at"),
    ("complainant.mobile", "１３８００１３８０００x", "complainant.mobile"),
]


@pytest.mark.parametrize("key, value, field", INTAKE)
def test_a_hostile_intake_value_is_refused_naming_its_field_and_nothing_is_written(desk, key, value, field):
    before = models.Case.select().count(), models.History.select().count()
    refused_naming(lambda: cases.register_case(desk.rec, case_document(**{key: value}), now=NOW), field)
    assert (models.Case.select().count(), models.History.select().count()) == before


@pytest.mark.parametrize("document", [[], 0, "", False, "case", [{"kind": "complaint"}]])
def test_a_case_that_is_not_an_object_is_refused(desk, document):
    refused_naming(lambda: cases.register_case(desk.rec, document, now=NOW), "json")


def test_nan_in_json_text_is_refused():
    from app.rules.validation import parse_json_text

    for text in ('{"amount": {"value": NaN}}', '{"complainant_count": Infinity}', '{"a": -Infinity}'):
        refused_naming(lambda: parse_json_text(text), "json")


def test_full_width_digits_are_the_same_mobile_and_count_for_the_repeat_rule(desk):
    first = cases.register_case(desk.rec, case_document(), now=NOW)
    second = cases.register_case(desk.rec, case_document(**{"complainant.mobile": "１３８００１３８０００"}), now=NOW)
    assert second["complainant"]["mobile"] == "13800138000"
    third = cases.register_case(desk.rec, case_document(**{"complainant.mobile": "１３８ ００１３ ８０００".replace(" ", "")}),
                                now=NOW)
    assert first["severity"] == "general" and "repeat" in third["major_reasons"]


def test_text_is_normalised_to_nfc_and_line_breaks_kept_in_long_texts(desk):
    decomposed = "Cafe\u0301 投诉"
    shown = cases.register_case(desk.rec, case_document(**{"complainant.name": decomposed,
                                                           "content": "第一行\r\n第二行\r第三行\t完"}), now=NOW)
    assert shown["complainant"]["name"] == "Café 投诉"
    assert shown["content"] == "第一行\n第二行\n第三行\t完"


def test_an_amount_with_three_decimals_is_refused_not_rounded_to_a_major_complaint(desk):
    error = refused_naming(lambda: cases.register_case(desk.rec, case_document(**{"amount.value": 9999.995}),
                                                       now=NOW), "amount.value")
    assert "9999.995" in error.localized()
    shown = cases.register_case(desk.rec, case_document(**{"amount.value": 9999.99}), now=NOW)
    assert shown["severity"] == "general" and shown["amount"]["value"] == 9999.99


# --- actions --------------------------------------------------------------------------------------------------


@pytest.fixture
def investigating(desk):
    number = cases.register_case(desk.rec, case_document(), now=NOW)["number"]
    cases.do_action(desk.sup, number, "assign", {"handler": "h1"}, now=NOW)
    return number


ACTIONS = [
    ("h1", "escalate", {"note": math.nan}, "note"),
    ("h1", "escalate", {"note": {"any": "type"}}, "note"),
    ("h1", "escalate", {"note": "上报\x00"}, "note"),
    ("h1", "investigate", {"note": "\u200b"}, "note"),
    ("h1", "investigate", {"note": "调查\x0c记录"}, "note"),
    ("h1", "investigate", {"at": "0001-01-01T00:00:00+08:00", "note": "调查"}, "at"),
    ("h1", "investigate", {"at": "1900-01-01T00:00:00", "note": "调查"}, "at"),
    ("h1", "contact", {"method": "phone", "reached": True, "note": "\x1b", "override_reason": "客户要求"}, "note"),
    ("h1", "conclude", {"cause": "原因\x00", "facts": "true"}, "cause"),
    ("h1", "conclude", {"cause": "原因", "facts": ["true"]}, "facts"),
    ("h1", "reply", {"channel": "phone", "result": "\ud83d"}, "result"),
    ("h1", "defer", {"reason": "缺件", "follow_up": "0001-01-01"}, "follow_up"),
    ("h1", "defer", {"reason": "缺件", "follow_up": 20261201}, "follow_up"),
    ("sup", "notice", {"department": "理赔部", "problem": "\x00", "corrective": "c", "preventive": "p"}, "problem"),
    ("sup", "void", {"reason": "\u200b\u200b"}, "reason"),
]


@pytest.mark.parametrize("who, action, payload, field", ACTIONS)
def test_a_hostile_action_value_is_refused_naming_its_field_and_nothing_is_written(desk, investigating, who, action,
                                                                                  payload, field):
    before = models.History.select().count(), cases.show_case(desk.sup, investigating)["state"]
    refused_naming(lambda: cases.do_action(getattr(desk, who), investigating, action, payload, now=NOW), field)
    assert (models.History.select().count(), cases.show_case(desk.sup, investigating)["state"]) == before


@pytest.mark.parametrize("payload", [[], 0, "", False, "note", [1, 2]])
def test_an_action_payload_that_is_not_an_object_is_refused(desk, investigating, payload):
    refused_naming(lambda: cases.do_action(desk.h1, investigating, "escalate", payload, now=NOW), "json")


def test_the_history_keeps_the_input_as_accepted(desk, investigating):
    cases.do_action(desk.h1, investigating, "investigate", {"note": "  Cafe\u0301 调查\r\n结果  "}, now=NOW)
    last = models.History.select().order_by(models.History.id.desc()).first()
    assert last.after["input"] == {"note": "Café 调查\n结果"}
    nothing_headquarters_refuses()


# --- generated inputs -----------------------------------------------------------------------------------------

HOSTILE = st.one_of(
    st.none(), st.booleans(), st.integers(min_value=-2 ** 70, max_value=2 ** 70),
    st.floats(allow_nan=True, allow_infinity=True), st.text(max_size=30),
    st.sampled_from(["\x00", "\u200b", "\ud800", "a\x1fb", "\r\n", "１３８００１３８０００", "9999.995", "NaN",
                     "0001-01-01T00:00:00+14:00", "1900-01-01T00:00:00", "2026-11-21T10:00:00+08:00",
                     "2026-12-01", "0001-01-01", "phone", "true", "理赔部", "h2", "长" * 25000]),
    st.lists(st.integers(), max_size=2), st.dictionaries(st.text(max_size=4), st.integers(), max_size=2),
)

BASES = {
    "escalate": ("h1", {"note": "上报主管"}),
    "investigate": ("h1", {"at": "2026-11-21T10:00:00+08:00", "note": "调取理赔记录"}),
    "contact": ("h1", {"at": "2026-11-21T10:00:00+08:00", "method": "phone", "reached": False, "note": "无人接听",
                       "override_reason": "客户要求"}),
    "conclude": ("h1", {"cause": "流程延误", "facts": "true", "opinion": "加快", "result": "已赔付",
                        "responsible_department": "理赔部", "responsible_person": "李强", "fault_decision": "通报"}),
    "reply": ("h1", {"at": "2026-11-21T11:00:00+08:00", "channel": "phone", "result": "已告知"}),
    "defer": ("h1", {"reason": "等待配件", "follow_up": "2026-12-01"}),
    "notice": ("sup", {"department": "理赔部", "problem": "延误", "corrective": "加快", "preventive": "培训",
                       "feedback_by": "2026-11-30T17:00:00+08:00"}),
    "assign": ("sup", {"handler": "h2"}),
    "void": ("sup", {"reason": "重复登记"}),
    "close_abnormal": ("sup", {"reason": "诉求超出政策"}),
}


@settings(max_examples=120, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(data=st.data())
def test_generated_inputs_through_intake_and_every_action(desk, data):
    """No traceback, and nothing accepted that headquarters would refuse."""
    number = None
    for _ in range(3):
        if number is None or data.draw(st.booleans()):
            document = case_document()
            key = data.draw(st.sampled_from(["content", "summary", "complainant.name", "complainant.mobile",
                                             "complainant.phone", "complainant_count", "amount.value",
                                             "received_at", "reason", "desired_remedy", "contact_name"]))
            document = copy.deepcopy(case_document(**{key: data.draw(HOSTILE)}))
            try:
                shown = cases.register_case(desk.rec, document, now=NOW)
            except DeskError as exc:
                assert exc.localized()
                shown = cases.register_case(desk.rec, case_document(), now=NOW)
            number = shown["number"]
            cases.do_action(desk.sup, number, "assign", {"handler": "h1"}, now=NOW)
        action = data.draw(st.sampled_from(sorted(BASES)))
        who, payload = BASES[action]
        payload = dict(payload)
        key = data.draw(st.sampled_from(sorted(payload)))
        payload[key] = data.draw(HOSTILE)
        try:
            cases.do_action(getattr(desk, who), number, action, payload, now=NOW)
        except DeskError as exc:
            assert exc.localized()
        # drawn whatever the database holds (hypothesis replays draws; the database outlives an example)
        which = data.draw(st.sampled_from(["feedback", "verify"]))
        body = ({"actions": data.draw(HOSTILE), "person": "周科长"} if which == "feedback"
                else {"passed": data.draw(HOSTILE), "comment": data.draw(HOSTILE)})
        notice_rows = list(models.RectificationNotice.select())
        if notice_rows:
            actor = desk.dept if which == "feedback" else desk.sup
            try:
                notices.notice_action(actor, notice_rows[-1].number, which, body)
            except DeskError as exc:
                assert exc.localized()
    nothing_headquarters_refuses()


@pytest.mark.parametrize("changes, field", [
    ({"display_name": "\u200b\u200b"}, "--name"), ({"display_name": "王\t芳"}, "--name"),
    ({"display_name": "王芳", "department": "客服\x00部"}, "--department"),
])
def test_a_user_with_a_hostile_name_is_refused_naming_its_field(desk, changes, field):
    from app.services import setup

    before = models.User.select().count()
    arguments = {"display_name": "王芳", "role": "reception", "password": "initial-1", **changes}
    refused_naming(lambda: setup.add_user(desk.admin, "newcomer", **arguments), field)
    assert models.User.select().count() == before
