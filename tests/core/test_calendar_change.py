"""A year's arrangement entered or distributed: the calendar knows the year, open cases' deadlines are
computed again and recorded, printed documents with the old date are listed for a reprint; the warning
while next year's arrangement is missing (status for the windows, selftest)."""
from __future__ import annotations

import json
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from app.services import selftest
from app.errors import InvalidInput, NotAllowed
from app.reports.printouts import print_document
from app.services import calendar as calendar_service, cases, setup
from tests.conftest import PASSWORD, sample_case

CST = ZoneInfo("Asia/Shanghai")
D = date.fromisoformat

# A hypothetical arrangement for 2027 (the test fixture of the issue): New Year's Day joined to the weekend and
# to Monday 4 January, worked back on Saturday 9 January; the Spring Festival 5-12 February, worked back on
# Sunday 31 January and Saturday 20 February.
ARRANGEMENT_2027 = {
    "holidays": ["2027-01-01", "2027-01-02", "2027-01-03", "2027-01-04"]
    + [f"2027-02-{d:02d}" for d in range(5, 13)],
    "workdays": ["2027-01-09", "2027-01-31", "2027-02-20"],
}


def local(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=CST)


def register(desk, received: str, **changes) -> dict:
    data = sample_case(received_at=received + "+08:00", **changes)
    return cases.register_case(desk.rec, data, now=local(received))


def act(actor, number, action, payload=None, now=None):
    return cases.do_action(actor, number, action, payload or {}, now=local(now))


# --- the year boundary without an arrangement -------------------------------------------------------------------


def test_a_complaint_received_before_new_year_is_due_by_the_law_and_marked_provisional(desk):
    general = register(desk, "2026-12-30T10:00:00")
    assert general["deadlines"]["reply_by"] == "2027-01-05T23:59:59+08:00"   # 1 January 2027 is a holiday
    assert general["provisional_deadlines"] == ["reply_by"]
    major = register(desk, "2026-12-30T10:30:00", complainant_count=3, **{"complainant.mobile": "13911112222"})
    assert major["severity"] == "major"
    assert major["deadlines"]["reply_by"] == "2027-01-04T23:59:59+08:00"     # not New Year's Day itself
    # a case whose deadline stays in 2026 is not provisional
    early = register(desk, "2026-12-07T10:00:00", **{"complainant.mobile": "13911113333"})
    assert early["deadlines"]["reply_by"] == "2026-12-10T23:59:59+08:00"
    assert early["provisional_deadlines"] == []


def test_the_cbirc_limit_ending_on_national_day_ends_on_the_next_working_day(desk):
    setup.import_policy(desk.admin, {"preset": "cbirc"})
    view = register(desk, "2026-09-16T10:00:00")
    assert view["deadlines"]["reply_by"] == "2026-10-08T23:59:59+08:00"


# --- entering a year's arrangement recomputes open cases ------------------------------------------------------


def test_entering_the_2027_arrangement_recomputes_open_cases_and_records_it(desk):
    general = register(desk, "2026-12-30T10:00:00")["number"]
    major = register(desk, "2026-12-31T09:00:00", complainant_count=3,
                     **{"complainant.mobile": "13911112222"})["number"]
    settled = register(desk, "2026-12-07T10:00:00", **{"complainant.mobile": "13911113333"})["number"]
    voided = register(desk, "2026-12-30T11:00:00", **{"complainant.mobile": "13911114444"})["number"]
    act(desk.sup, voided, "void", {"reason": "重复登记"}, now="2026-12-30T11:30:00")
    # the customer's receipt of the general complaint was printed with the old date
    print_document(desk.rec, general, "receipt", now=local("2026-12-30T10:05:00"))

    result = calendar_service.set_calendar_year(desk.admin, 2027, ARRANGEMENT_2027["holidays"],
                                                ARRANGEMENT_2027["workdays"], now=local("2026-12-05T09:00:00"))

    assert {c["number"]: (c["before"], c["after"]) for c in result["changed"]} == {
        general: ("2027-01-05T23:59:59+08:00", "2027-01-06T23:59:59+08:00"),
        major: ("2027-01-05T23:59:59+08:00", "2027-01-06T23:59:59+08:00"),
    }
    assert result["reprint"] == [{"number": general, "deadline": "reply_by", "before": "2027-01-05T23:59:59+08:00",
                                  "after": "2027-01-06T23:59:59+08:00", "documents": ["receipt"]}]
    view = cases.show_case(desk.sup, general)
    assert view["deadlines"]["reply_by"] == "2027-01-06T23:59:59+08:00"
    assert view["provisional_deadlines"] == []          # 2027 is known now
    entry = [h for h in view["history"] if h["action"] == "deadlines_recomputed"]
    assert len(entry) == 1 and entry[0]["by"] == "admin"
    assert entry[0]["before"] == {"reply_by": "2027-01-05T15:59:59+00:00"}
    assert entry[0]["after"] == {"reply_by": "2027-01-06T15:59:59+00:00", "reason": "calendar 2027"}
    # untouched: a deadline that does not reach into 2027, a voided case
    assert not [h for h in cases.show_case(desk.sup, settled)["history"] if h["action"] == "deadlines_recomputed"]
    assert cases.show_case(desk.sup, voided)["deadlines"]["reply_by"] == "2027-01-05T23:59:59+08:00"
    # the same arrangement again changes nothing
    again = calendar_service.set_calendar_year(desk.admin, 2027, ARRANGEMENT_2027["holidays"],
                                               ARRANGEMENT_2027["workdays"])
    assert again["changed"] == [] and again["reprint"] == []
    # the calendar now follows the arrangement, and the next case too
    assert register(desk, "2027-02-04T10:00:00", **{"complainant.mobile": "13911115555"})["deadlines"][
        "reply_by"] == "2027-02-17T23:59:59+08:00"   # 13, 14 (a weekend), then 15, 16, 17 February


def test_a_paused_case_keeps_what_was_left_under_the_new_calendar(desk):
    number = register(desk, "2026-12-28T10:00:00")["number"]      # Monday: 29, 30, 31 December
    assert cases.show_case(desk.sup, number)["deadlines"]["reply_by"] == "2026-12-31T23:59:59+08:00"
    act(desk.sup, number, "assign", {"handler": "h1"}, now="2026-12-28T10:30:00")
    act(desk.h1, number, "defer", {"reason": "等待配件", "follow_up": "2027-01-08"}, now="2026-12-29T09:00:00")
    act(desk.h1, number, "resume", {}, now="2026-12-31T09:00:00")
    # two working days were left at the pause (30, 31): from 31 December by law 4 and 5 January
    assert cases.show_case(desk.sup, number)["deadlines"]["reply_by"] == "2027-01-05T23:59:59+08:00"
    calendar_service.set_calendar_year(desk.admin, 2027, ARRANGEMENT_2027["holidays"], ARRANGEMENT_2027["workdays"])
    # under the arrangement 4 January is off too: 5 and 6
    assert cases.show_case(desk.sup, number)["deadlines"]["reply_by"] == "2027-01-06T23:59:59+08:00"


def test_a_deferred_case_keeps_its_remaining_days(desk):
    setup.import_policy(desk.admin, {"preset": "cbirc"})
    number = register(desk, "2026-12-21T10:00:00")["number"]     # 15 days: Tuesday 5 January 2027
    assert cases.show_case(desk.sup, number)["deadlines"]["reply_by"] == "2027-01-05T23:59:59+08:00"
    act(desk.sup, number, "assign", {"handler": "h1"}, now="2026-12-21T10:30:00")
    act(desk.h1, number, "defer", {"reason": "等待客户", "follow_up": "2026-12-28"}, now="2026-12-22T09:00:00")
    # the arrangement moves nothing here (5 January is a working day), so the pause keeps its 14 days
    result = calendar_service.set_calendar_year(desk.admin, 2027, ARRANGEMENT_2027["holidays"],
                                                ARRANGEMENT_2027["workdays"])
    assert result["changed"] == []
    resumed = act(desk.h1, number, "resume", {}, now="2026-12-23T09:00:00")
    assert resumed["deadlines"]["reply_by"] == "2027-01-06T23:59:59+08:00"  # 23 Dec + 14 days


def test_a_notice_with_the_default_feedback_date_follows_the_calendar(desk):
    number = register(desk, "2026-12-29T10:00:00")["number"]
    act(desk.sup, number, "assign", {"handler": "h1"}, now="2026-12-29T10:30:00")
    view = act(desk.sup, number, "notice", {"department": "理赔部", "problem": "单证流转慢", "corrective": "加急处理",
                                            "preventive": "建立时限提醒"}, now="2026-12-30T10:00:00")
    notice = view["notices"][0]
    # 3 days from 30 December is Saturday 2 January; art. 203 by law: Monday 4 January
    assert notice["feedback_by"] == "2027-01-04T23:59:59+08:00"
    print_document(desk.sup, notice["number"], "notice", now=local("2026-12-30T10:10:00"))
    result = calendar_service.set_calendar_year(desk.admin, 2027, ARRANGEMENT_2027["holidays"],
                                                ARRANGEMENT_2027["workdays"])
    assert {"number": notice["number"], "deadline": "feedback_by", "before": "2027-01-04T23:59:59+08:00",
            "after": "2027-01-05T23:59:59+08:00", "documents": ["notice"]} in result["reprint"]
    assert cases.show_case(desk.sup, number)["notices"][0]["feedback_by"] == "2027-01-05T23:59:59+08:00"


def test_removing_the_arrangement_gives_the_year_back_to_the_law(desk):
    number = register(desk, "2026-12-30T10:00:00")["number"]
    calendar_service.set_calendar_year(desk.admin, 2027, ARRANGEMENT_2027["holidays"], ARRANGEMENT_2027["workdays"])
    assert calendar_service.calendar_year(desk.admin, 2027)["source"] == "policy"
    result = calendar_service.remove_calendar_year(desk.admin, 2027)
    assert [c["after"] for c in result["changed"]] == ["2027-01-05T23:59:59+08:00"]
    assert calendar_service.calendar_year(desk.admin, 2027)["source"] == "statutory"
    assert cases.show_case(desk.sup, number)["provisional_deadlines"] == ["reply_by"]


def test_only_an_administrator_enters_an_arrangement_and_bad_input_writes_nothing(desk):
    with pytest.raises(NotAllowed):
        calendar_service.set_calendar_year(desk.sup, 2027, ARRANGEMENT_2027["holidays"], [])
    with pytest.raises(InvalidInput) as refused:
        calendar_service.set_calendar_year(desk.admin, 2027, [], ["2027-01-09"])
    assert refused.value.field == "holidays"
    with pytest.raises(InvalidInput) as refused:
        calendar_service.set_calendar_year(desk.admin, 2027, ["2027-01-01"], ["2027-01-01"])
    assert refused.value.field == "workdays"
    with pytest.raises(InvalidInput) as refused:
        calendar_service.set_calendar_year(desk.admin, 2027, ["2027-01-01"], ["2027-01-08"])   # a Friday
    assert refused.value.field == "workdays" and "2027-01-08" in refused.value.localized()
    with pytest.raises(InvalidInput):
        calendar_service.set_calendar_year(desk.admin, 1999, ["1999-01-01"], [])
    assert calendar_service.calendar_year(desk.admin, 2027)["source"] == "statutory"
    assert calendar_service.calendar_year(desk.admin, 2027)["holidays"] == []


def test_the_history_keeps_every_calendar_change(desk):
    from models import History

    calendar_service.set_calendar_year(desk.admin, 2027, ARRANGEMENT_2027["holidays"], ARRANGEMENT_2027["workdays"])
    calendar_service.remove_calendar_year(desk.admin, 2027)
    rows = list(History.select().where((History.entity == "policy") & (History.action == "calendar"))
                .order_by(History.id))
    assert len(rows) == 2
    assert rows[0].before["calendar"]["arranged_years"] == [] and rows[0].after["calendar"]["arranged_years"] == [2027]
    assert "2027-01-04" in rows[0].after["calendar"]["holidays"]
    assert rows[1].after["calendar"]["arranged_years"] == []


def test_a_policy_file_with_the_arrangement_does_the_same(cli_desk, tmp_path):
    cli = cli_desk
    cbirc = tmp_path / "cbirc.json"
    cbirc.write_text(json.dumps({"preset": "cbirc"}), encoding="utf-8")
    cli.ok("policy", "import", str(cbirc), "--as", "admin", password=PASSWORD)
    added = cli.ok("case", "add", "--json", "-", "--as", "rec", password=PASSWORD,
                   stdin=json.dumps(sample_case(received_at="2026-12-04T10:00:00+08:00")))
    cli.ok("case", "do", added["number"], "assign", "--json", "-", "--as", "sup", password=PASSWORD,
           stdin=json.dumps({"handler": "h1"}))
    extended = cli.ok("case", "do", added["number"], "extend", "--json", "-", "--as", "sup", password=PASSWORD,
                      stdin=json.dumps({"reason": "案情复杂"}))
    # 30 days from 4 December is Sunday 3 January 2027: by law, Monday 4 January
    assert extended["deadlines"]["reply_by"] == "2027-01-04T23:59:59+08:00"
    path = tmp_path / "policy.json"
    path.write_text(json.dumps({"calendar": {"arranged_years": [2027], **ARRANGEMENT_2027}}), encoding="utf-8")
    answer = cli.ok("policy", "import", str(path), "--as", "admin", password=PASSWORD)
    assert answer["calendar"]["arranged_years"] == [2027]
    assert answer["deadlines_changed"] == [{"number": added["number"], "deadline": "reply_by",
                                            "before": "2027-01-04T23:59:59+08:00",
                                            "after": "2027-01-05T23:59:59+08:00"}]
    shown = cli.ok("case", "show", added["number"], "--as", "admin", password=PASSWORD)
    assert shown["deadlines"]["reply_by"] == "2027-01-05T23:59:59+08:00"
    assert [h["action"] for h in shown["history"]][-1] == "deadlines_recomputed"


# --- pasting an arrangement -------------------------------------------------------------------------------------


def test_dates_are_read_as_people_write_them():
    parse = calendar_service.parse_days
    assert parse("2027-01-01, 2027/1/2 2027年1月3日、1月4日", 2027, field="holidays") == [
        D("2027-01-01"), D("2027-01-02"), D("2027-01-03"), D("2027-01-04")]
    # a line of the State Council's notice
    assert parse("二、春节：2月5日（星期五）至12日（星期五）放假调休，共8天。", 2027, field="holidays") == [
        D(f"2027-02-{d:02d}") for d in range(5, 13)]
    assert parse("1月31日（星期日）、2月20日（星期六）上班。", 2027, field="workdays") == [D("2027-01-31"), D("2027-02-20")]
    assert parse("2026年12月31日至2027年1月2日", 2027, field="holidays") == [
        D("2026-12-31"), D("2027-01-01"), D("2027-01-02")]
    assert parse("2027-10-01~2027-10-07", 2027, field="holidays")[-1] == D("2027-10-07")
    assert parse("", 2027, field="workdays") == []


@pytest.mark.parametrize("text, fragment", [
    ("2027-13-01", "2027-13-01"),
    ("2月30日", "2月30日"),
    ("2月12日至5日", "2月12日至5日"),
    ("2027-05-01 7", "7"),
    ("2025-05-01", "2025-05-01"),
])
def test_what_cannot_be_read_is_named(text, fragment):
    with pytest.raises(InvalidInput) as refused:
        calendar_service.parse_days(text, 2027, field="holidays")
    assert refused.value.field == "holidays"
    assert fragment in refused.value.localized()


# --- the warning while next year's arrangement is missing ----------------------------------------------------


def test_administrators_and_supervisors_are_warned_from_october(desk):
    before = calendar_service.calendar_status(desk.admin, now=local("2026-09-30T12:00:00"))
    assert before["missing_year"] is None and before["warn"] is False
    october = calendar_service.calendar_status(desk.admin, now=local("2026-10-01T08:00:00"))
    assert october["missing_year"] == 2027 and october["warn"] is True and october["can_edit"] is True
    assert calendar_service.calendar_status(desk.sup, now=local("2026-12-05T08:00:00"))["warn"] is True
    reception = calendar_service.calendar_status(desk.rec, now=local("2026-12-05T08:00:00"))
    assert reception["missing_year"] == 2027 and reception["warn"] is False and reception["can_edit"] is False
    calendar_service.set_calendar_year(desk.admin, 2027, ARRANGEMENT_2027["holidays"], ARRANGEMENT_2027["workdays"])
    after = calendar_service.calendar_status(desk.admin, now=local("2026-12-05T08:00:00"))
    assert after["missing_year"] is None and after["warn"] is False and after["arranged_years"] == [2027]
    # in 2027 itself, without 2028, the warning comes back in October
    assert calendar_service.calendar_status(desk.admin, now=local("2027-10-02T08:00:00"))["missing_year"] == 2028


def test_selftest_warns_while_next_year_is_missing(desk):
    import models

    report = selftest.run(str(desk.db), now=local("2026-12-05T09:00:00"))
    check = {c["name"]: c for c in report["checks"]}["calendar"]
    assert (check["ok"], check["status"], check["detail"]["missing_year"]) == (False, "warning", 2027)
    assert report["ok"] is True and len(report["warnings"]) == 1 and "2027" in report["warnings"][0]
    summer = {c["name"]: c for c in selftest.run(str(desk.db), now=local("2026-06-01T09:00:00"))["checks"]}
    assert summer["calendar"]["status"] == "ok"
    # the arrangement entered in this database ends the warning (selftest tries a database of its own: the
    # desk's is opened again)
    models.init_db(desk.db)
    calendar_service.set_calendar_year(desk.admin, 2027, ARRANGEMENT_2027["holidays"], ARRANGEMENT_2027["workdays"])
    check = {c["name"]: c for c in selftest.run(str(desk.db), now=local("2026-12-05T09:00:00"))["checks"]}["calendar"]
    assert check["status"] == "ok" and check["detail"]["arranged_years"] == [2027]


# --- the reprint list, and deadlines left by an older program -----------------------------------------------------


def test_the_reprint_list_keeps_what_was_printed_before_the_change_until_it_is_printed_again(desk):
    number = register(desk, "2026-12-01T10:00:00")["number"]          # Tuesday: reply by Friday 4 December
    print_document(desk.rec, number, "slip", now=local("2026-12-01T10:05:00"))
    print_document(desk.rec, number, "receipt", now=local("2026-12-01T10:06:00"))
    assert calendar_service.reprints_due(desk.admin) == []
    # a policy file declares Thursday 3 December a holiday (a local closure): 2, 4, then Monday 7 December
    setup.import_policy(desk.admin, {"calendar": {"holidays": ["2026-12-03"]}})
    due = calendar_service.reprints_due(desk.admin)
    assert [(d["number"], d["documents"], d["before"], d["after"]) for d in due] == [
        (number, ["slip", "receipt"], "2026-12-04T23:59:59+08:00", "2026-12-07T23:59:59+08:00")]
    print_document(desk.rec, number, "receipt")                      # 补打, now
    assert [d["documents"] for d in calendar_service.reprints_due(desk.admin)] == [["slip"]]
    with pytest.raises(NotAllowed):
        calendar_service.reprints_due(desk.rec)


def test_deadlines_left_by_an_older_program_are_computed_again_on_request(desk):
    from models import Case

    number = register(desk, "2026-12-30T10:00:00")["number"]
    # as the program before the statutory-holiday layer stored it: 1 January 2027 a working day
    Case.update(reply_by=local("2027-01-04T23:59:59")).where(Case.number == number).execute()
    with pytest.raises(NotAllowed):
        calendar_service.recompute_deadlines(desk.sup)
    result = calendar_service.recompute_deadlines(desk.admin)
    assert result["changed"] == [{"number": number, "deadline": "reply_by", "before": "2027-01-04T23:59:59+08:00",
                                  "after": "2027-01-05T23:59:59+08:00"}]
    assert cases.show_case(desk.sup, number)["history"][-1]["action"] == "deadlines_recomputed"
    assert calendar_service.recompute_deadlines(desk.admin)["changed"] == []
