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


def test_across_the_year_boundary_into_a_year_without_official_data():
    # New Year's Day 2027 is a holiday by law although no official arrangement for 2027 is known yet
    assert due("complaint", "general", "2026-12-30T10:00:00+08:00")["reply_by"] == "2027-01-05T23:59:59+08:00"
    assert due("complaint", "major", "2026-12-30T10:00:00+08:00")["reply_by"] == "2027-01-04T23:59:59+08:00"
    assert due("inquiry", None, "2026-12-31T10:00:00+08:00")["reply_by"] == "2027-01-04T23:59:59+08:00"
    # those deadlines are provisional: they depend on a day only the law decides
    received = at("2026-12-30T10:00:00+08:00")
    reply_by = intake_deadlines("complaint", "general", received, Policy())["reply_by"]
    assert deadlines.is_provisional(received, reply_by, Policy())
    received = at("2026-12-20T10:00:00+08:00")
    reply_by = intake_deadlines("complaint", "general", received, Policy())["reply_by"]
    assert not deadlines.is_provisional(received, reply_by, Policy())


def test_over_the_spring_festival_of_a_year_without_official_data():
    # Thursday 4 Feb 2027: the eve (5th) to the 10th are off by law, so 11, 12 and 15 February
    assert due("complaint", "general", "2027-02-04T10:00:00+08:00")["reply_by"] == "2027-02-15T23:59:59+08:00"
    # Friday 29 Jan 2027: 1, 2, 3 February are ordinary working days
    assert due("complaint", "general", "2027-01-29T10:00:00+08:00")["reply_by"] == "2027-02-03T23:59:59+08:00"


def test_on_a_make_up_saturday():
    # received on the make-up Saturday 10 Oct 2026 (a working day): 12, 13, 14 October
    assert due("complaint", "general", "2026-10-10T10:00:00+08:00")["reply_by"] == "2026-10-14T23:59:59+08:00"
    # Friday 9 Oct: the make-up Saturday is the first of the three
    assert due("complaint", "general", "2026-10-09T10:00:00+08:00")["reply_by"] == "2026-10-13T23:59:59+08:00"


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
    # Civil Code art. 203: the 15th day is National Day, so the limit ends on the next working day
    assert due("complaint", "general", "2026-09-16T09:00:00+08:00", cbirc)["reply_by"] == "2026-10-08T23:59:59+08:00"
    # the local day decides here too: Thursday 19 Nov + 15 is Friday 4 Dec; Friday 20 Nov + 15 is Saturday
    # 5 Dec, a rest day, so Monday 7 Dec
    assert due("complaint", "general", "2026-11-19T16:30:00+00:00", cbirc)["reply_by"] == "2026-12-07T23:59:59+08:00"
    assert due("complaint", "general", "2026-11-19T15:30:00+00:00", cbirc)["reply_by"] == "2026-12-04T23:59:59+08:00"
    # the hour limits are those of the standard preset
    d = due("complaint", "general", "2026-11-20T09:15:00+08:00", cbirc)
    assert d["escalate_by"] == "2026-11-20T10:15:00+08:00"
    assert d["acknowledge_by"] == "2026-11-21T09:15:00+08:00"


def test_civil_code_art_203_can_be_switched_off():
    plain = policy_module.from_json({"preset": "cbirc", "extend_to_workday": False})
    assert due("complaint", "general", "2026-09-16T09:00:00+08:00", plain)["reply_by"] == "2026-10-01T23:59:59+08:00"
    assert iso(deadlines.revisit_deadline(at("2026-09-30T16:00:00+08:00"), plain)) == "2026-10-03T23:59:59+08:00"
    # working-day limits are not concerned: they always end on a working day
    standard = policy_module.from_json({"extend_to_workday": False})
    assert due("complaint", "general", "2026-09-30T16:00:00+08:00", standard)["reply_by"] == \
        "2026-10-10T23:59:59+08:00"


def test_revisit_and_notice_feedback_are_three_calendar_days():
    policy = Policy()
    # 3 October is a holiday: art. 203 carries the limit to Thursday 8 October
    assert iso(deadlines.revisit_deadline(at("2026-09-30T16:00:00+08:00"), policy)) == "2026-10-08T23:59:59+08:00"
    assert iso(deadlines.revisit_deadline(at("2026-11-16T16:00:00+08:00"), policy)) == "2026-11-19T23:59:59+08:00"
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
    # ten days from Thursday 10 Dec is Sunday 20 Dec: art. 203 makes it Monday 21
    assert iso(resume_reply_by(at("2026-12-10T08:00:00+08:00"), left, limit, cbirc)) == "2026-12-21T23:59:59+08:00"

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
