"""Deadlines (docs/rules.md R3): hour limits on the clock, working-day limits ending 23:59:59 of the N-th working
day after the local day of receipt, presets, pause and resume."""
from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from app.rules import deadlines, policy as policy_module
from app.rules.deadlines import intake_deadlines, remaining_on_pause, resume_reply_by
from app.rules.policy import Policy

SH = ZoneInfo("Asia/Shanghai")


def at(text: str) -> datetime:
    return datetime.fromisoformat(text)


def iso(moment: datetime) -> str:
    return moment.astimezone(SH).isoformat()


def due(kind, severity, received, policy=None, **kw):
    return {k: iso(v) for k, v in intake_deadlines(kind, severity, at(received), policy or Policy(), **kw).items()}


def test_general_complaint_on_a_friday():
    assert due("complaint", "general", "2026-11-20T09:15:00+08:00") == {
        "escalate_by": "2026-11-20T10:15:00+08:00",
        "acknowledge_by": "2026-11-21T09:15:00+08:00",
        "determine_by": "2026-11-21T09:15:00+08:00",
        "reply_by": "2026-11-25T23:59:59+08:00",
    }


def test_major_complaint_is_two_working_days_and_unreached_customer_gets_48_hours():
    d = due("complaint", "major", "2026-11-20T09:15:00+08:00", customer_unreached=True)
    assert d["reply_by"] == "2026-11-24T23:59:59+08:00"
    assert d["determine_by"] == "2026-11-22T09:15:00+08:00"


@pytest.mark.parametrize("kind", ["inquiry", "suggestion", "help"])
def test_other_kinds_reply_in_one_working_day_and_have_no_intake_clocks(kind):
    assert due(kind, None, "2026-11-21T11:00:00+08:00") == {"reply_by": "2026-11-23T23:59:59+08:00"}


def test_a_misconduct_report_has_no_deadlines():
    assert due("report", None, "2026-11-18T14:30:00+08:00") == {}


def test_the_last_day_falls_on_a_holiday():
    # Wednesday 30 Sept, general: 3 working days would end on Saturday 3 Oct without the holiday;
    # National Day pushes it past the Golden Week to the make-up Saturday 10 Oct
    assert due("complaint", "general", "2026-09-30T16:00:00+08:00")["reply_by"] == "2026-10-10T23:59:59+08:00"
    assert due("complaint", "major", "2026-09-30T16:00:00+08:00")["reply_by"] == "2026-10-09T23:59:59+08:00"
    # Monday 28 Sept + 3 working days: Tue, Wed, then 1 Oct is a holiday -> 8 Oct
    assert due("complaint", "general", "2026-09-28T10:00:00+08:00")["reply_by"] == "2026-10-08T23:59:59+08:00"


def test_a_make_up_saturday_counts_as_a_working_day():
    # Friday 13 Feb 2026: an inquiry is due on the make-up Saturday 14 Feb, not on Tuesday 24 Feb
    assert due("inquiry", None, "2026-02-13T10:00:00+08:00")["reply_by"] == "2026-02-14T23:59:59+08:00"
    # a general complaint spans the whole Spring Festival: 14 Feb, 24 Feb, 25 Feb
    assert due("complaint", "general", "2026-02-13T10:00:00+08:00")["reply_by"] == "2026-02-25T23:59:59+08:00"
    # received on the make-up Sunday 20 Sept (a working day; that day itself is not counted)
    assert due("inquiry", None, "2026-09-20T10:00:00+08:00")["reply_by"] == "2026-09-21T23:59:59+08:00"


def test_received_on_a_holiday():
    assert due("inquiry", None, "2026-10-03T10:00:00+08:00")["reply_by"] == "2026-10-08T23:59:59+08:00"
    assert due("complaint", "general", "2026-02-17T10:00:00+08:00")["reply_by"] == "2026-02-26T23:59:59+08:00"


def test_midnight_crossings_use_the_local_day():
    late = due("complaint", "general", "2026-11-19T23:30:00+08:00")     # Thursday night
    early = due("complaint", "general", "2026-11-20T00:30:00+08:00")    # one hour later, Friday
    assert late["reply_by"] == "2026-11-24T23:59:59+08:00"
    assert early["reply_by"] == "2026-11-25T23:59:59+08:00"
    # the same instant as the early one, written in UTC (still Thursday in UTC)
    assert due("complaint", "general", "2026-11-19T16:30:00+00:00") == early
    # a UTC instant that is still the same local day
    assert due("complaint", "general", "2026-11-19T15:30:00+00:00")["reply_by"] == late["reply_by"]


def test_hour_limits_cross_midnight_and_month_ends():
    d = due("complaint", "general", "2026-11-30T23:30:00+08:00")
    assert d["escalate_by"] == "2026-12-01T00:30:00+08:00"
    assert d["acknowledge_by"] == "2026-12-01T23:30:00+08:00"
    d = due("complaint", "general", "2026-12-31T23:15:00+08:00", customer_unreached=True)
    assert d["escalate_by"] == "2027-01-01T00:15:00+08:00"
    assert d["determine_by"] == "2027-01-02T23:15:00+08:00"
    # hour limits ignore holidays and weekends: clock hours
    assert due("complaint", "general", "2026-09-30T16:00:00+08:00")["acknowledge_by"] == "2026-10-01T16:00:00+08:00"


def test_deadlines_are_given_in_local_time_whatever_the_input_offset():
    d = due("complaint", "general", "2026-11-20T01:15:00+00:00")
    assert d["escalate_by"] == "2026-11-20T10:15:00+08:00"


def test_a_year_without_calendar_data_never_crashes():
    # 2027 has no data in the package: Monday-Friday
    d = due("complaint", "general", "2027-01-29T10:00:00+08:00")     # a Friday
    assert d["reply_by"] == "2027-02-03T23:59:59+08:00"
    # from the last days of 2026 into 2027
    assert due("inquiry", None, "2026-12-31T10:00:00+08:00")["reply_by"] == "2027-01-01T23:59:59+08:00"


def test_policy_calendar_days_override_both_the_package_and_the_fallback():
    policy = policy_module.from_json({"calendar": {
        "holidays": ["2027-01-01", "2026-11-23"], "workdays": ["2026-10-01", "2027-01-02"]}})
    assert due("inquiry", None, "2026-12-31T10:00:00+08:00", policy)["reply_by"] == "2027-01-02T23:59:59+08:00"
    assert due("inquiry", None, "2026-11-21T10:00:00+08:00", policy)["reply_by"] == "2026-11-24T23:59:59+08:00"
    assert due("inquiry", None, "2026-09-30T10:00:00+08:00", policy)["reply_by"] == "2026-10-01T23:59:59+08:00"


def test_cbirc_preset_counts_fifteen_calendar_days():
    cbirc = Policy(preset="cbirc")
    for kind, severity in (("complaint", "general"), ("complaint", "major"), ("inquiry", None)):
        assert due(kind, severity, "2026-09-30T16:00:00+08:00", cbirc)["reply_by"] == "2026-10-15T23:59:59+08:00"
    # calendar days: a holiday on the 15th day does not move it
    assert due("complaint", "general", "2026-09-16T09:00:00+08:00", cbirc)["reply_by"] == "2026-10-01T23:59:59+08:00"
    # the local day decides here too
    assert due("complaint", "general", "2026-11-19T16:30:00+00:00", cbirc)["reply_by"] == "2026-12-05T23:59:59+08:00"
    assert due("complaint", "general", "2026-11-19T15:30:00+00:00", cbirc)["reply_by"] == "2026-12-04T23:59:59+08:00"
    # the hour limits are those of the standard preset
    d = due("complaint", "general", "2026-11-20T09:15:00+08:00", cbirc)
    assert d["escalate_by"] == "2026-11-20T10:15:00+08:00"
    assert d["acknowledge_by"] == "2026-11-21T09:15:00+08:00"


def test_revisit_and_notice_feedback_are_three_calendar_days():
    policy = Policy()
    assert iso(deadlines.revisit_deadline(at("2026-09-30T16:00:00+08:00"), policy)) == "2026-10-03T23:59:59+08:00"
    assert iso(deadlines.notice_feedback_deadline(at("2026-11-19T16:30:00+00:00"), policy)) == \
        "2026-11-23T23:59:59+08:00"


# --- pause and resume -------------------------------------------------------------------------------------


def test_pause_and_resume_on_working_days():
    policy = Policy()
    limit = policy.limits["reply"]["general"]
    reply_by = at("2026-11-25T23:59:59+08:00")           # received Friday 20 Nov
    left = remaining_on_pause(reply_by, at("2026-11-23T15:00:00+08:00"), limit, policy)   # paused Monday
    assert left == 2                                    # Tuesday and Wednesday were still to come
    # resumed on the Friday before National Day: the two working days left are 8 and 9 October
    assert iso(resume_reply_by(at("2026-09-30T11:00:00+08:00"), left, limit, policy)) == "2026-10-09T23:59:59+08:00"
    # paused on the last day: nothing left in whole days, resuming gives the end of the resumption day
    left = remaining_on_pause(reply_by, at("2026-11-25T10:00:00+08:00"), limit, policy)
    assert left == 0
    assert iso(resume_reply_by(at("2026-12-01T10:00:00+08:00"), left, limit, policy)) == "2026-12-01T23:59:59+08:00"


def test_pause_after_the_deadline_keeps_nothing():
    policy = Policy()
    limit = policy.limits["reply"]["general"]
    assert remaining_on_pause(at("2026-11-25T23:59:59+08:00"), at("2026-11-26T00:00:00+08:00"), limit, policy) is None


def test_pause_and_resume_on_calendar_days_and_hours():
    cbirc = Policy(preset="cbirc")
    limit = cbirc.limits["reply"]["general"]
    reply_by = at("2026-12-05T23:59:59+08:00")
    left = remaining_on_pause(reply_by, at("2026-11-25T09:00:00+08:00"), limit, cbirc)
    assert left == 10
    assert iso(resume_reply_by(at("2026-12-10T08:00:00+08:00"), left, limit, cbirc)) == "2026-12-20T23:59:59+08:00"

    hours = ("hours", 24)
    reply_by = at("2026-11-21T09:15:00+08:00")
    left = remaining_on_pause(reply_by, at("2026-11-20T21:15:00+08:00"), hours, Policy())
    assert left == 12 * 3600
    assert iso(resume_reply_by(at("2026-11-23T08:00:00+08:00"), left, hours, Policy())) == \
        "2026-11-23T20:00:00+08:00"


def test_pause_uses_the_local_day():
    policy = Policy()
    limit = policy.limits["reply"]["general"]
    reply_by = at("2026-11-25T23:59:59+08:00")
    # 16:30 UTC on Monday is already Tuesday 00:30 local: only Wednesday is left
    assert remaining_on_pause(reply_by, at("2026-11-23T16:30:00+00:00"), limit, policy) == 1
    assert remaining_on_pause(reply_by, at("2026-11-23T15:30:00+00:00"), limit, policy) == 2
