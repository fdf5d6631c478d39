"""Policy: presets, thresholds, calendar overrides, categories; `policy import` changes what a new case gets."""
from __future__ import annotations

import json
from datetime import date

import pytest
from tests.conftest import CLI, PASSWORD, sample_case

from app.rules import policy as policy_module
from app.errors import InvalidInput
from app.rules.policy import DEFAULT_THRESHOLDS, Policy


def test_defaults():
    p = Policy()
    assert p.preset == "standard"
    assert p.thresholds == {"auto": 10000, "property": 50000, "accident_health": 50000, "repair": 10000, "group": 3}
    assert p.limits["reply"]["general"] == ["workdays", 3]
    assert p.limits["reply"]["major"] == ["workdays", 2]
    assert p.limits["escalate"] == ["hours", 1]
    assert Policy(preset="cbirc").limits["reply"]["general"] == ["days", 15]
    assert p.timezone == "Asia/Shanghai"


def test_merge_keeps_what_is_left_out_and_round_trips():
    p = policy_module.from_json({"thresholds": {"auto": 20000}})
    assert p.thresholds == DEFAULT_THRESHOLDS | {"auto": 20000}
    p = policy_module.merge(p, {"preset": "cbirc"})
    assert (p.preset, p.thresholds["auto"]) == ("cbirc", 20000)
    assert policy_module.from_json(p.to_json()) == p
    # merging never changes the base
    base = Policy()
    policy_module.merge(base, {"thresholds": {"group": 5}, "calendar": {"holidays": ["2026-11-23"]}})
    assert base == Policy()


def test_calendar_updates_accumulate_and_a_later_update_wins():
    p = policy_module.from_json({"calendar": {"holidays": ["2026-11-23", "2026-11-24"]}})
    p = policy_module.merge(p, {"calendar": {"workdays": ["2026-11-24", "2026-11-28"]}})
    assert p.holidays == [date(2026, 11, 23)]
    assert p.workdays == [date(2026, 11, 24), date(2026, 11, 28)]
    cal = p.calendar()
    assert not cal.is_workday(date(2026, 11, 23))
    assert cal.is_workday(date(2026, 11, 24)) and cal.is_workday(date(2026, 11, 28))


@pytest.mark.parametrize("document, field", [
    ({"preset": "fast"}, "preset"),
    ({"thresholds": {"auto": -1}}, "thresholds.auto"),
    ({"thresholds": {"auto": "10000"}}, "thresholds.auto"),
    ({"thresholds": {"auto": True}}, "thresholds.auto"),
    ({"thresholds": {"car": 1}}, "thresholds.car"),
    ({"thresholds": {"group": 0}}, "thresholds.group"),
    ({"thresholds": {"group": 2.5}}, "thresholds.group"),
    ({"thresholds": [1]}, "thresholds"),
    ({"calendar": {"holidays": "2026-11-23"}}, "calendar.holidays"),
    ({"calendar": {"holidays": ["23/11/2026"]}}, "calendar.holidays"),
    ({"calendar": {"workdays": [20261123]}}, "calendar.workdays"),
    ({"calendar": {"weekends": []}}, "calendar.weekends"),
    ({"categories": []}, "categories"),
    ({"categories": ["claims", 3]}, "categories"),
    ({"colour": "red"}, "colour"),
])
def test_bad_policy_documents_name_the_field(document, field):
    with pytest.raises(InvalidInput) as info:
        policy_module.from_json(document)
    assert info.value.field == field


def test_policy_categories_decide_what_a_case_may_use(desk):
    from app.services import cases, setup

    setup.import_policy(desk.admin, {"categories": ["claims", "billing"]})
    assert cases.register_case(desk.rec, sample_case(category="billing"))["category"] == "billing"
    with pytest.raises(InvalidInput) as info:
        cases.register_case(desk.rec, sample_case(category="delay"))
    assert info.value.field == "category"


# --- through the command line ------------------------------------------------------------------------------


@pytest.fixture
def policy_cli(cli):
    cli.ok("init", "--branch", "BJ01", "--branch-name", "北京分公司", "--admin", "admin", password=PASSWORD)
    return cli


def add(cli, **changes):
    return cli.ok("case", "add", "--json", "-", "--as", "admin", password=PASSWORD,
                  stdin=json.dumps(sample_case(**changes), ensure_ascii=False))


def import_policy(cli, tmp_path, document):
    source = tmp_path / "policy.json"
    source.write_text(json.dumps(document), encoding="utf-8")
    return cli.ok("policy", "import", str(source), "--as", "admin", password=PASSWORD)


def test_policy_import_changes_the_next_case(policy_cli, tmp_path):
    cli = policy_cli
    big = {"amount": {"line": "auto", "value": 10000}, "complainant.mobile": "13900139000"}
    first = add(cli, **big)
    assert (first["severity"], first["major_reasons"]) == ("major", ["amount"])

    answer = import_policy(cli, tmp_path, {"thresholds": {"auto": 20000, "group": 4}})
    assert answer["thresholds"]["auto"] == 20000 and answer["thresholds"]["property"] == 50000
    second = add(cli, complainant_count=3, **big)
    assert (second["severity"], second["major_reasons"]) == ("general", [])
    assert second["deadlines"]["reply_by"] == "2026-11-25T23:59:59+08:00"
    # a case registered before keeps its classification
    assert cli.ok("case", "show", first["number"], "--as", "admin", password=PASSWORD)["severity"] == "major"

    # the cbirc preset: 15 calendar days; the thresholds imported before stay
    import_policy(cli, tmp_path, {"preset": "cbirc"})
    third = add(cli, complainant_count=4, **{"complainant.mobile": "13700137000"})
    assert third["major_reasons"] == ["group"]
    assert third["deadlines"]["reply_by"] == "2026-12-07T23:59:59+08:00"  # 5 Dec is a Saturday (art. 203)
    assert third["deadlines"]["escalate_by"] == "2026-11-20T10:30:00+08:00"

    # calendar days of the policy override the built-in calendar (standard preset again)
    import_policy(cli, tmp_path, {"preset": "standard", "calendar": {"holidays": ["2026-11-17"],
                                                                      "workdays": ["2026-11-14"]}})
    # an inquiry on Friday 13 Nov: the next working day is Saturday 14 (declared working), not Monday 16
    fourth = add(cli, kind="inquiry", received_at="2026-11-13T09:00:00+08:00",
                 **{"complainant.mobile": "13600136000"})
    assert fourth["deadlines"]["reply_by"] == "2026-11-14T23:59:59+08:00"
    # a general complaint on Monday 16 Nov: 18, 19, 20 (17 declared a holiday), not 19
    fifth = add(cli, received_at="2026-11-16T09:00:00+08:00", **{"complainant.mobile": "13500135000"})
    assert fifth["deadlines"]["reply_by"] == "2026-11-20T23:59:59+08:00"

    shown = cli.ok("policy", "show", "--as", "admin", password=PASSWORD)
    assert shown["preset"] == "standard"
    assert shown["calendar"] == {"holidays": ["2026-11-17"], "workdays": ["2026-11-14"], "arranged_years": []}
    assert shown["thresholds"]["group"] == 4
