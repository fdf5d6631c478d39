"""Monthly close: the reconciliation statement at the branch, carried by the USB export, and compared by
headquarters with what it imported (discrepancies flagged, silent branches listed)."""
from __future__ import annotations

import io
from datetime import timedelta

import pytest
from pypdf import PdfReader

import models
from app.errors import InvalidInput, NotAllowed
from app.services import reports as service
from models.entities import utcnow
from tests.conftest import PASSWORD, make_user, sample_case
from tests.reports.month import PERIOD, iso, local


def test_statement_counts_match_an_independent_count(desk, month):
    statement = service.close_month(desk.sup, PERIOD)
    october = [e for e in month.expect if e.in_period]
    counts = statement["counts"]
    assert counts["opened"] == len(october) == 14  # every number, the misconduct report and the voided one too
    assert counts["closed"] == sum(1 for e in october if e.closed_hours is not None and not e.closed_abnormal)
    assert counts["closed_abnormal"] == sum(e.closed_abnormal for e in october) == 1
    assert counts["voided"] == 1 and statement["voided_numbers"][0]["reason"] == "重复登记"
    assert counts["carried_over"] == sum(e.carried_over for e in month.expect) == 7
    assert counts["pending_matters"] == sum(e.pending_at_month_end for e in month.expect) == 1
    assert counts["notices_issued"] == sum(len(e.notices) for e in october) == 4
    assert [n["number"] for n in statement["numbers"]] == sorted(e.number for e in october)
    report = next(n for n in statement["numbers"] if n["number"] == month.expect[12].number)
    assert report["kind"] == ""  # a misconduct report is listed by number only
    assert statement["closed_by"] == "刘经理" and len(statement["digest"]) == 64
    # stored in the append-only history, which the USB export carries
    row = models.History.get(models.History.entity == "statement")
    assert row.ref == "BJ01:2026-10" and row.after["counts"] == counts
    assert service.month_statement(desk.sup, PERIOD)["statement_id"] == statement["statement_id"]


def test_statement_pdf_has_the_numbers_and_a_signature_box(desk, month):
    statement = service.close_month(desk.sup, PERIOD)
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(service.statement_pdf(desk.sup, statement))).pages)
    for expected in ("客户投诉月度对账单", "北京分公司", "本月受理", "作废编号", "重复登记", "结转下月未结案件",
                     "分公司负责人", "签字", statement["numbers"][0]["number"], statement["digest"][:16]):
        assert expected in text, expected


def test_a_month_closes_only_after_it_ended_and_only_by_a_manager(desk):
    with pytest.raises(InvalidInput):
        service.close_month(desk.sup, "2026-11", now=local("2026-11-20T10:00:00"))
    with pytest.raises(InvalidInput):
        service.close_month(desk.sup, "2026")
    with pytest.raises(NotAllowed):
        service.close_month(desk.rec, "2026-10")


# --- headquarters --------------------------------------------------------------------------------------------------


@pytest.fixture(params=["sqlite", "postgresql"])
def pair(request, tmp_path):
    """A branch and headquarters, headquarters on SQLite or on the suite's PostgreSQL server."""
    from tests.exchange import helpers

    if request.param == "sqlite":
        target = str(tmp_path / "hq.sqlite3")
    else:
        target = request.getfixturevalue("postgres_server").new_database()
    pair = helpers.make_pair(tmp_path, target)
    yield pair
    models.close_db()


def branch_month(pair):
    """Three October cases at the branch (one voided), the month closed, exported and imported."""
    pair.branch.use()
    admin = pair.branch.admin
    sup = make_user(admin, "sup", "刘经理", "supervisor", department="客服部")
    rec = make_user(admin, "rec", "王芳", "reception", department="客服部")
    make_user(admin, "h1", "赵敏", "handler", department="客服部", supervisor="sup")
    from app.services import cases

    numbers = []
    for i, day in enumerate(("2026-10-12", "2026-10-13", "2026-10-14")):
        data = sample_case(received_at=iso(f"{day}T09:00:00"), **{"complainant.mobile": f"1390000100{i}"})
        numbers.append(cases.register_case(rec, data, now=local(f"{day}T09:05:00"))["number"])
    cases.do_action(sup, numbers[2], "void", {"reason": "误登记"}, now=local("2026-10-14T10:00:00"))
    statement = service.close_month(sup, PERIOD)
    imported = pair.import_(pair.export()["file"])
    assert imported["status"] == "imported"
    return sup, rec, numbers, statement


def test_headquarters_finds_the_statement_agrees_with_the_imports(pair):
    branch_month(pair)
    pair.hq.use()
    result = service.hq_compare(pair.hq.admin, PERIOD)
    bj = result["branches"][0]
    assert bj["branch"] == "BJ01" and bj["ok"], bj["discrepancies"]
    assert bj["statement"]["counts"]["opened"] == 3 and bj["statement"]["counts"]["voided"] == 1
    assert result["silent"] == []


def test_headquarters_flags_a_number_the_statement_has_but_the_imports_lack(pair):
    _, _, numbers, _ = branch_month(pair)
    pair.hq.use()
    # the case never reached headquarters (simulated: its row is removed from headquarters' database)
    models.Case.delete().where(models.Case.number == numbers[1]).execute()
    bj = service.hq_compare(pair.hq.admin, PERIOD)["branches"][0]
    assert not bj["ok"]
    kinds = {(d["kind"], d.get("number") or d.get("count")) for d in bj["discrepancies"]}
    assert ("missing_number", numbers[1]) in kinds
    assert ("count_differs", "opened") in kinds and ("count_differs", "carried_over") in kinds
    opened = next(d for d in bj["discrepancies"] if d.get("count") == "opened")
    assert (opened["statement"], opened["imported"]) == (3, 2)


def test_headquarters_flags_a_case_registered_after_the_month_was_closed(pair):
    sup, rec, _, _ = branch_month(pair)
    pair.branch.use()
    from app.services import cases

    late = cases.register_case(rec, sample_case(received_at=iso("2026-10-30T16:00:00")),
                               now=local("2026-10-30T16:05:00"))["number"]
    pair.import_(pair.export()["file"])
    pair.hq.use()
    bj = service.hq_compare(pair.hq.admin, PERIOD, branch_code="BJ01")["branches"][0]
    assert {"kind": "unexpected_number", "number": late} in bj["discrepancies"]
    assert any(d["kind"] == "count_differs" and d["count"] == "opened" for d in bj["discrepancies"])


def test_headquarters_lists_branches_silent_for_too_long_and_months_without_statement(pair):
    branch_month(pair)
    pair.hq.use()
    assert service.hq_compare(pair.hq.admin, PERIOD, now=utcnow() + timedelta(days=10))["silent"] == []
    silent = service.hq_compare(pair.hq.admin, PERIOD, now=utcnow() + timedelta(days=40))["silent"]
    assert [s["branch"] for s in silent] == ["BJ01"] and silent[0]["days"] >= 40
    september = service.hq_compare(pair.hq.admin, "2026-09")["branches"][0]
    assert september["discrepancies"] == [{"kind": "no_statement", "detail": "BJ01 2026-09"}]
    # a branch database is not headquarters
    pair.branch.use()
    with pytest.raises(NotAllowed):
        service.hq_compare(pair.branch.admin, PERIOD)


def test_headquarters_reports_on_all_branches(pair):
    branch_month(pair)
    pair.hq.use()
    from app.services import auth, setup

    setup.add_user(pair.hq.admin, "zb", display_name="总部统计", role="hq", password="initial-1")
    auth.change_password(auth.sign_in("zb", "initial-1"), "zb", PASSWORD)
    zb = auth.sign_in("zb", PASSWORD)
    everything = service.report_figures(zb, PERIOD)
    assert everything["branch"] is None and everything["by_branch"] == {"BJ01": 2}
    assert service.report_figures(zb, PERIOD, branch_code="BJ01")["total"] == 2
    entries = service.reconcile(zb)
    slips = next(e for e in entries if e["series"] == "case")
    assert slips["branch"] == "BJ01" and slips["ok"] and "paper" not in slips  # the paper stays at the branch


def test_closing_a_month_again_supersedes_the_earlier_statement(desk, month):
    first = service.close_month(desk.sup, PERIOD)
    from app.services import cases

    cases.do_action(desk.sup, month.expect[10].number, "void", {"reason": "客户撤回"},
                    now=local("2026-10-31T10:00:00"))
    second = service.close_month(desk.sup2, PERIOD)
    assert second["supersedes"] == first["statement_id"] and second["digest"] != first["digest"]
    assert second["counts"]["voided"] == first["counts"]["voided"] + 1
    assert service.month_statement(desk.sup, PERIOD)["statement_id"] == second["statement_id"]
    assert models.History.select().where(models.History.entity == "statement").count() == 2
