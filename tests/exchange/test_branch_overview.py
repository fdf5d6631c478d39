"""Headquarters' overview of the branches 各机构概览, on SQLite and PostgreSQL: three branches whose cases came
through real bundles (tests/exchange/branch_sites.py), read at a fixed moment."""
from __future__ import annotations

from datetime import timedelta

import pytest

from app import __version__
from app.errors import InvalidInput, NotAllowed
from app.services import branches as service
from app.services import queries, reports
from tests.conftest import make_user

from . import branch_sites
from .branch_sites import NOW, PERIOD, at


@pytest.fixture
def network(tmp_path, hq_target, clock):
    return branch_sites.build(tmp_path, hq_target, clock)


def rows_by_code(view):
    return {row["branch"]: row for row in view["branches"]}


def test_every_branch_with_its_cases_rates_last_bundle_and_version(network):
    view = service.overview(network.hq.admin, now=NOW)
    assert view["period"] == PERIOD and view["silent_after_days"] == 7
    assert [row["branch"] for row in view["branches"]] == ["BJ01", "GZ03", "SH02"]  # no row for HQ: no cases of its own
    bj, gz, sh = (rows_by_code(view)[code] for code in ("BJ01", "GZ03", "SH02"))

    assert (bj["name"], bj["open"], bj["overdue"], bj["major_open"]) == ("北京分公司", 2, 1, 1)
    assert (sh["open"], sh["overdue"], sh["major_open"]) == (1, 0, 0)
    assert (gz["open"], gz["overdue"], gz["major_open"]) == (1, 1, 0)

    # A in time, B late and still open; C not due yet
    assert bj["replied_in_time"]["in_time"] == 1 and bj["replied_in_time"]["due"] == 2
    assert bj["replied_in_time"]["rate"] == pytest.approx(0.5)
    assert (bj["revisit"]["rate"], bj["satisfaction"]["rate"]) == (1.0, 1.0)
    # D replied after its deadline, revisited "basically satisfied" (which counts as satisfied)
    assert (sh["replied_in_time"]["rate"], sh["revisit"]["rate"], sh["satisfaction"]["rate"]) == (0.0, 1.0, 1.0)
    # F: overdue and never replied; no reply, so no revisit rate to give
    assert gz["replied_in_time"]["rate"] == 0.0 and gz["revisit"]["rate"] is None and gz["satisfaction"]["rate"] is None

    # imported when the core's clock was set to these minutes (it ticks on from there while the import runs)
    assert bj["last_bundle"]["sequence"] == 2 and bj["last_bundle"]["at"].startswith("2026-11-24T18:00:")
    assert sh["last_bundle"]["sequence"] == 1 and sh["last_bundle"]["at"].startswith("2026-11-24T18:30:")
    assert gz["last_bundle"]["at"].startswith("2026-11-10T09:00:")
    assert {row["version"] for row in view["branches"]} == {__version__}  # from each bundle's signed manifest

    assert [row["branch"] for row in view["branches"] if row["silent"]] == ["GZ03"]
    assert gz["days_silent"] == 15 and bj["days_silent"] == 0

    totals = view["totals"]
    assert (totals["open"], totals["overdue"], totals["major_open"], totals["silent"], totals["with_overdue"]) == \
        (4, 2, 1, 1, 2)
    assert totals["replied_in_time"]["in_time"] == 1 and totals["replied_in_time"]["due"] == 4


def test_the_rates_are_the_reports_own_figures_for_each_branch(network):
    view = service.overview(network.hq.admin, now=NOW)
    for row in view["branches"]:
        report = reports.report_figures(network.hq.admin, PERIOD, branch_code=row["branch"], now=NOW)
        assert row["replied_in_time"] == report["replied_in_time"], row["branch"]
        assert row["revisit"] == report["revisit"], row["branch"]
        assert row["satisfaction"]["rate"] == report["satisfaction"]["rate"], row["branch"]


def test_a_count_is_what_the_register_shows_for_that_branch(network):
    view = service.overview(network.hq.admin, now=NOW)
    for row in view["branches"]:
        opened = queries.ledger_count(network.hq.admin, {"branch": row["branch"], "open_only": True})
        overdue = queries.ledger_count(network.hq.admin, {"branch": row["branch"], "overdue": True})
        assert (opened, overdue) == (row["open"], row["overdue"]), row["branch"]
    ids = queries.ledger_ids(network.hq.admin, {"branch": "BJ01", "overdue": True})
    numbers = [r["number"] for r in queries.ledger_rows(network.hq.admin, ids).values()]
    assert numbers == [network.numbers["B"]]


def test_time_moves_the_overdue_cases_and_the_silence(network):
    later = service.overview(network.hq.admin, now=NOW + timedelta(days=2))
    bj = rows_by_code(later)["BJ01"]
    assert bj["overdue"] == 2  # C's reply was due on Thursday 26 November
    assert [row["branch"] for row in later["branches"] if row["silent"]] == ["GZ03"]
    eight_days = service.overview(network.hq.admin, now=at("2026-12-02T18:00:01"))
    assert [row["branch"] for row in eight_days["branches"] if row["silent"]] == ["BJ01", "GZ03", "SH02"]
    earlier = service.overview(network.hq.admin, now=at("2026-11-17T08:59:59"))
    assert not any(row["silent"] for row in earlier["branches"])  # GZ03's bundle was then exactly 7 days old


def test_the_silence_is_a_setting_and_can_be_given_for_one_reading(network):
    assert service.silence_days(network.hq.admin) == 7
    wider = service.overview(network.hq.admin, now=NOW, silent_days=20)
    assert not any(row["silent"] for row in wider["branches"]) and wider["silent_after_days"] == 20
    assert service.set_silence_days(network.hq.admin, 14) == 14
    view = service.overview(network.hq.admin, now=NOW)
    assert view["silent_after_days"] == 14 and rows_by_code(view)["GZ03"]["silent"]
    for bad in (0, 366, "7", 2.5, True):
        with pytest.raises(InvalidInput):
            service.set_silence_days(network.hq.admin, bad)
        with pytest.raises(InvalidInput):
            service.overview(network.hq.admin, now=NOW, silent_days=bad)
    assert service.silence_days(network.hq.admin) == 14  # nothing half-written
    with pytest.raises(InvalidInput):
        service.overview(network.hq.admin, now=NOW, period="2026-13")


def test_the_rates_of_the_year_or_of_another_month(network):
    year = service.overview(network.hq.admin, now=NOW, period="2026")
    assert year["period_title"] == "2026年度"
    assert rows_by_code(year)["BJ01"]["replied_in_time"] == rows_by_code(
        service.overview(network.hq.admin, now=NOW))["BJ01"]["replied_in_time"]  # every case came in November
    october = service.overview(network.hq.admin, now=NOW, period="2026-10")
    bj = rows_by_code(october)["BJ01"]
    assert bj["replied_in_time"]["due"] == 0 and bj["replied_in_time"]["rate"] is None
    assert bj["open"] == 2  # the open cases are those open now, whatever the period
    assert october["period_title"] == "2026年10月"


def test_headquarters_own_cases_have_a_row(network):
    from app.services import cases
    from tests.conftest import sample_case

    network.hq.use()
    desk = make_user(network.hq.admin, "hqsup", "总部主管", "supervisor", department="客服部")
    data = sample_case(**{"received_at": "2026-11-24T09:00:00+08:00", "accused_person": ""})
    cases.register_case(desk, data, now=at("2026-11-24T09:00:00"))
    row = rows_by_code(service.overview(network.hq.admin, now=NOW))["HQ"]
    assert row["headquarters"] and not row["enrolled"] and row["open"] == 1
    assert not row["silent"] and row["last_bundle"] is None and row["days_silent"] is None


def test_only_headquarters_roles_of_a_headquarters_database(network):
    network.hq.use()
    hq_user = make_user(network.hq.admin, "analyst", "总部分析员", "hq")
    assert len(service.overview(hq_user, now=NOW)["branches"]) == 3
    supervisor = make_user(network.hq.admin, "hqsup", "总部主管", "supervisor", department="客服部")
    with pytest.raises(NotAllowed):
        service.overview(supervisor, now=NOW)
    with pytest.raises(NotAllowed):
        service.set_silence_days(supervisor, 3)
    branch = network.sites["BJ01"].use()
    with pytest.raises(NotAllowed):
        service.overview(branch.admin, now=NOW)


def test_a_branch_silent_since_enrolment(network, tmp_path, clock):
    from . import helpers

    clock(at("2026-11-01T09:00:00"))
    late = helpers.make_site(tmp_path / "CD04.sqlite3", "CD04", "成都分公司")
    helpers.enrol(late, network.hq, tmp_path / "enrol")
    network.hq.use()
    row = rows_by_code(service.overview(network.hq.admin, now=NOW))["CD04"]
    assert row["name"] == "成都分公司" and row["last_bundle"] is None and row["version"] is None
    assert row["silent"] and row["days_silent"] == 24 and row["open"] == 0
