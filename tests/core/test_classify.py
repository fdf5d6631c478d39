"""Classification (docs/rules.md R1, R2) at its boundaries, from the case JSON through validation to the reasons."""
from __future__ import annotations

import pytest
from tests.conftest import sample_case

from app.rules import classify, policy as policy_module
from app.rules.policy import DEFAULT_CATEGORIES, Policy
from app.rules.validation import validate_case


def run(case: dict, policy: Policy | None = None, repeat: int = 0):
    flat = validate_case(case, categories=DEFAULT_CATEGORIES)
    return classify.classify(flat, policy or Policy(), earlier_open_same_category=repeat)


def amount(line, value, **changes):
    return sample_case(**{"amount": {"line": line, "value": value}}, **changes)


def test_the_sample_is_general():
    assert run(sample_case()) == ("general", [])


@pytest.mark.parametrize("line, threshold", [
    ("auto", 10000), ("repair", 10000), ("property", 50000), ("accident_health", 50000)])
def test_amount_thresholds_include_the_figure(line, threshold):
    assert run(amount(line, threshold)) == ("major", ["amount"])
    assert run(amount(line, threshold + 0.01)) == ("major", ["amount"])
    assert run(amount(line, threshold - 0.01)) == ("general", [])
    assert run(amount(line, float(threshold))) == ("major", ["amount"])


def test_amount_as_fraction_just_below():
    assert run(amount("auto", 9999.99)) == ("general", [])
    assert run(amount("repair", 9999.99)) == ("general", [])
    assert run(amount("property", 49999.99)) == ("general", [])
    assert run(amount("accident_health", 49999.99)) == ("general", [])


def test_other_line_never_makes_a_case_major_by_amount():
    assert run(amount("other", 10_000_000)) == ("general", [])


def test_property_below_fifty_thousand_is_general_even_above_the_auto_threshold():
    assert run(amount("property", 20000)) == ("general", [])


def test_group_three_complainants_vs_two():
    assert run(sample_case(complainant_count=3)) == ("major", ["group"])
    assert run(sample_case(complainant_count=4)) == ("major", ["group"])
    assert run(sample_case(complainant_count=2)) == ("general", [])


@pytest.mark.parametrize("flag", ["media", "petition", "threat", "hq", "lawsuit"])
def test_each_flag_alone_makes_a_case_major(flag):
    assert run(sample_case(**{f"flags.{flag}": True})) == ("major", [flag])


def test_vip():
    assert run(sample_case(**{"complainant.vip": True})) == ("major", ["vip"])


@pytest.mark.parametrize("channel, reason", [("media", "media"), ("government", "petition"), ("hq_referral", "hq")])
def test_channel_implies_the_fact(channel, reason):
    assert run(sample_case(channel=channel)) == ("major", [reason])
    # with the flag set as well the reason is listed once
    assert run(sample_case(channel=channel, **{f"flags.{reason}": True})) == ("major", [reason])


@pytest.mark.parametrize("channel", ["visit", "phone", "letter", "fax", "email", "online"])
def test_ordinary_channels_imply_nothing(channel):
    assert run(sample_case(channel=channel)) == ("general", [])


def test_repeat_needs_two_earlier_open_cases():
    assert run(sample_case(), repeat=2) == ("major", ["repeat"])
    assert run(sample_case(), repeat=5) == ("major", ["repeat"])
    assert run(sample_case(), repeat=1) == ("general", [])


def test_every_reason_in_r1_order():
    case = sample_case(complainant_count=3, channel="media", **{
        "flags": {"media": True, "petition": True, "threat": True, "hq": True, "lawsuit": True},
        "complainant.vip": True, "amount": {"line": "auto", "value": 10000}})
    assert run(case, repeat=2) == ("major", ["group", "media", "petition", "threat", "amount", "vip", "hq",
                                             "lawsuit", "repeat"])


@pytest.mark.parametrize("kind", ["inquiry", "suggestion", "help", "report"])
def test_non_complaint_kinds_have_no_severity(kind):
    case = sample_case(kind=kind, complainant_count=5, channel="media",
                       **{"flags.threat": True, "complainant.vip": True, "amount": {"line": "auto", "value": 99999}})
    assert run(case, repeat=3) == (None, [])


def test_routing():
    assert classify.routed_to("report") == "general_manager"
    for kind in ("complaint", "inquiry", "suggestion", "help"):
        assert classify.routed_to(kind) is None


def test_thresholds_from_policy():
    policy = policy_module.from_json({"thresholds": {"auto": 5000, "property": 100000, "group": 5}})
    assert run(amount("auto", 5000), policy) == ("major", ["amount"])
    assert run(amount("auto", 4999.99), policy) == ("general", [])
    assert run(amount("property", 50000), policy) == ("general", [])
    assert run(amount("property", 100000), policy) == ("major", ["amount"])
    assert run(sample_case(complainant_count=3), policy) == ("general", [])
    assert run(sample_case(complainant_count=5), policy) == ("major", ["group"])
    # keys left out keep their defaults
    assert run(amount("repair", 10000), policy) == ("major", ["amount"])
    assert run(amount("accident_health", 49999.99), policy) == ("general", [])


# --- repeat through the service: same mobile, same category, earlier and still open -------------------------


def _register(actor, **changes):
    from app.services import cases

    return cases.register_case(actor, sample_case(**changes))


def test_repeat_counts_only_open_earlier_complaints_of_the_same_mobile_and_category(desk):
    from app.services import cases

    first = _register(desk.rec, received_at="2026-11-02T09:00:00+08:00")
    assert first["major_reasons"] == []
    second = _register(desk.rec, received_at="2026-11-03T09:00:00+08:00")
    assert second["severity"] == "general"            # one earlier open case is not enough

    # noise that must not count: other mobile, other category, other kinds
    _register(desk.rec, received_at="2026-11-04T09:00:00+08:00", **{"complainant.mobile": "13900139000"})
    _register(desk.rec, received_at="2026-11-04T10:00:00+08:00", category="service_attitude")
    _register(desk.rec, received_at="2026-11-04T11:00:00+08:00", kind="inquiry")

    third = _register(desk.rec, received_at="2026-11-05T09:00:00+08:00")
    assert (third["severity"], third["major_reasons"]) == ("major", ["repeat"])

    # other mobile, other category: still general
    assert _register(desk.rec, received_at="2026-11-05T10:00:00+08:00",
                     **{"complainant.mobile": "13700137000"})["severity"] == "general"
    assert _register(desk.rec, received_at="2026-11-05T11:00:00+08:00",
                     category="delay")["severity"] == "general"

    # close one and void another of the three earlier claims complaints: one left open -> general
    cases.do_action(desk.sup, first["number"], "close_abnormal", {"reason": "诉求超出合同约定"})
    cases.do_action(desk.sup, second["number"], "void", {"reason": "重复登记"})
    fourth = _register(desk.rec, received_at="2026-11-06T09:00:00+08:00")
    # open earlier ones now: third only (first closed, second voided)
    assert fourth["severity"] == "general", fourth["major_reasons"]
    fifth = _register(desk.rec, received_at="2026-11-07T09:00:00+08:00")
    assert fifth["major_reasons"] == ["repeat"]           # third and fourth are open


def test_repeat_is_shown_in_the_live_preview(desk):
    from app.services import cases

    for day in (2, 3):
        _register(desk.rec, received_at=f"2026-11-0{day}T09:00:00+08:00")
    preview = cases.preview_classification(sample_case(received_at="2026-11-04T09:00:00+08:00"))
    assert preview["major_reasons"] == ["repeat"]
