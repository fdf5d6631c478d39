"""Fuzzing (hypothesis): the case JSON and the form validators refuse bad input with InvalidInput, never with
anything else; the bundle reader refuses a damaged bundle with a DeskError."""
from __future__ import annotations

import copy
import json
from datetime import datetime, timezone

from hypothesis import HealthCheck, given, settings, strategies as st

from app.rules import policy as policy_module
from app.errors import DeskError, InvalidInput
from app.rules.validation import (
    check_amount, check_mobile, check_phone, check_plate, parse_instant, parse_json_text, validate_case,
)
from tests.conftest import sample_case

NOW = datetime(2026, 11, 22, 12, 0, tzinfo=timezone.utc)
CATEGORIES = policy_module.Policy().categories
SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])

scalars = st.one_of(st.none(), st.booleans(), st.integers(min_value=-10**30, max_value=10**30),
                    st.floats(allow_nan=True, allow_infinity=True), st.text(max_size=40),
                    st.sampled_from(["", " ", "1e999999", "-0", "NaN", "Infinity", "13800138000", "京A12345",
                                     "2026-11-20T09:15:00+08:00", "0001-01-01T00:00:00+14:00",
                                     "9999-12-31T23:59:59-12:00", "2026-02-30T10:00", "24:00", "23:59", "complaint",
                                     "report", "auto", "claims", "1" * 100000]))
json_values = st.recursive(scalars, lambda inner: st.one_of(st.lists(inner, max_size=4),
                                                             st.dictionaries(st.text(max_size=12), inner, max_size=4)),
                           max_leaves=12)
PATHS = [("kind",), ("origin",), ("channel",), ("received_at",), ("complainant",), ("complainant", "name"),
         ("complainant", "gender"), ("complainant", "mobile"), ("complainant", "phone"), ("complainant", "vip"),
         ("complainant", "address"), ("contact_name",), ("complainant_count",), ("plate_no",), ("category",),
         ("content",), ("amount",), ("amount", "line"), ("amount", "value"), ("flags",), ("flags", "media"),
         ("contact_window",), ("contact_window", "from"), ("contact_window", "to"), ("accused_person",),
         ("unknown_key",), ("complainant", "unknown")]


def only_invalid_input(call, *args, **kw):
    try:
        call(*args, **kw)
    except InvalidInput as exc:
        assert exc.localized()  # a message, in the user's language, that can be shown
        assert exc.field is None or isinstance(exc.field, str)


@SETTINGS
@given(json_values)
def test_any_json_document_is_refused_cleanly(document):
    only_invalid_input(validate_case, document, categories=CATEGORIES, now=NOW)


@SETTINGS
@given(st.lists(st.tuples(st.sampled_from(PATHS), st.one_of(json_values, st.just(KeyError))), min_size=1, max_size=4))
def test_a_case_with_changed_fields_is_refused_cleanly(changes):
    document = copy.deepcopy(sample_case())
    for path, value in changes:
        target = document
        for part in path[:-1]:
            if not isinstance(target, dict):
                break
            target = target.setdefault(part, {})
        if not isinstance(target, dict):
            continue
        if value is KeyError:
            target.pop(path[-1], None)
        else:
            target[path[-1]] = value
    only_invalid_input(validate_case, document, categories=CATEGORIES, now=NOW)


@SETTINGS
@given(st.text(max_size=200))
def test_broken_json_text_is_refused_cleanly(text):
    try:
        document = parse_json_text(text)
    except InvalidInput:
        return
    only_invalid_input(validate_case, document, categories=CATEGORIES, now=NOW)


texts = st.one_of(st.text(max_size=60), st.text(alphabet="0123456789+-() 京沪AZ挂学·", max_size=30))


@SETTINGS
@given(texts)
def test_form_validators_refuse_cleanly(text):
    for check in (check_mobile, check_plate, check_phone):
        only_invalid_input(check, text)
    only_invalid_input(check_amount, text)
    only_invalid_input(parse_instant, text, "received_at", not_future=True, now=NOW)


@SETTINGS
@given(st.one_of(json_values, st.decimals(allow_nan=True, allow_infinity=True).map(str),
                 st.floats(allow_nan=True, allow_infinity=True),
                 st.from_regex(r"\A-?\d{1,40}(\.\d{0,40})?([eE][+-]?\d{1,12})?\Z")))
def test_amounts_refuse_cleanly(value):
    only_invalid_input(check_amount, value)


@SETTINGS
@given(st.one_of(json_values, st.datetimes(timezones=st.timezones()).map(lambda d: d.isoformat()),
                 st.from_regex(r"\A\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2})?([+-]\d{2}:\d{2}|Z)?\Z")))
def test_instants_refuse_cleanly(value):
    only_invalid_input(parse_instant, value, "received_at", not_future=True, now=NOW)
    try:
        moment = parse_instant(value, "received_at")
    except InvalidInput:
        return
    assert moment.tzinfo is not None


@settings(max_examples=150, deadline=None)
@given(st.data())
def test_a_damaged_bundle_is_refused_cleanly(tmp_path_factory, data):
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from app.exchange import bundle

    key = Ed25519PrivateKey.generate()
    header = {"format": "complaint-desk-bundle", "kind": "data", "bundle_id": bundle.new_bundle_id(),
              "branch": {"code": "BJ01"}, "sequence": 1}
    good = bytearray(bundle.build(header, [("tables/case.json", json.dumps([{"a": 1}]).encode())], key))
    how = data.draw(st.sampled_from(["flip", "cut", "append", "random"]))
    if how == "flip":
        for _ in range(data.draw(st.integers(1, 8))):
            at = data.draw(st.integers(0, len(good) - 1))
            good[at] ^= data.draw(st.integers(1, 255))
        blob = bytes(good)
    elif how == "cut":
        blob = bytes(good[:data.draw(st.integers(0, len(good) - 1))])
    elif how == "append":
        blob = bytes(good) + data.draw(st.binary(min_size=1, max_size=64))
    else:
        blob = data.draw(st.binary(max_size=300))
    path = tmp_path_factory.mktemp("bundle") / "x.cdbundle"
    path.write_bytes(blob)
    try:
        opened = bundle.read(path)
        bundle.verify(opened, key.public_key(), "BJ01")
        bundle.entries(opened)
    except DeskError as exc:
        assert exc.localized()
