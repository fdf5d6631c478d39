"""Numbers (docs/rules.md R11): BRANCH-YYYY-NNNNN per branch and year, gap-free, never reused, taken in the saving
transaction so that a failed registration consumes nothing."""
from __future__ import annotations

import tempfile
from pathlib import Path
from unittest import mock

import pytest
from tests.conftest import make_user, sample_case
from hypothesis import HealthCheck, given, settings, strategies as st

from app.rules import numbering
from app.errors import DeskError, InvalidInput
from models import Case, History, NumberSeries


def test_format():
    assert numbering.format_number("case", "BJ01", 2026, 42) == "BJ01-2026-00042"
    assert numbering.format_number("notice", "BJ01", 2026, 7) == "BJ01-ZG-2026-0007"
    assert numbering.format_number("case", "BJ01", 2026, 123456) == "BJ01-2026-123456"
    assert numbering.CASE_NUMBER.match("BJ01-2026-00042")
    assert numbering.NOTICE_NUMBER.match("BJ01-ZG-2026-0007")
    assert not numbering.CASE_NUMBER.match("BJ01-ZG-2026-0007")


def test_numbers_per_year_follow_the_local_year_of_receipt(desk):
    from app.services import cases

    def reg(at):
        return cases.register_case(desk.rec, sample_case(received_at=at))["number"]

    assert reg("2025-12-31T23:30:00+08:00") == "BJ01-2025-00001"
    # 16:30 UTC on 31 Dec is 00:30 on 1 Jan in Beijing: the new year's series
    assert reg("2025-12-31T16:30:00+00:00") == "BJ01-2026-00001"
    assert reg("2025-12-31T15:30:00+00:00") == "BJ01-2025-00002"
    assert reg("2026-11-20T09:15:00+08:00") == "BJ01-2026-00002"
    assert numbering.last_issued("BJ01", "case", 2025) == 2
    assert numbering.last_issued("BJ01", "case", 2026) == 2
    assert numbering.last_issued("BJ01", "case", 2024) == 0


def test_a_voided_number_stays_used(desk):
    from app.services import cases

    first = cases.register_case(desk.rec, sample_case())["number"]
    cases.do_action(desk.sup, first, "void", {"reason": "登记错误"})
    second = cases.register_case(desk.rec, sample_case())["number"]
    assert (first, second) == ("BJ01-2026-00001", "BJ01-2026-00002")
    assert cases.show_case(desk.sup, first)["state"] == "voided"


def test_a_refused_registration_consumes_no_number(desk):
    from app.services import cases

    with pytest.raises(InvalidInput):
        cases.register_case(desk.rec, sample_case(**{"complainant.mobile": "123"}))
    # a refusal after the number was taken (role check passes, the save fails) rolls the number back
    with mock.patch("app.services.cases.history.record", side_effect=RuntimeError("disk full")):
        with pytest.raises(RuntimeError):
            cases.register_case(desk.rec, sample_case())
    assert numbering.last_issued("BJ01", "case", 2026) == 0
    assert Case.select().count() == 0
    assert cases.register_case(desk.rec, sample_case())["number"] == "BJ01-2026-00001"


# --- property: any sequence of valid and invalid registrations -------------------------------------------

YEARS = {2024: "2024-06-03T10:00:00+08:00", 2025: "2025-12-31T23:59:00+08:00", 2026: "2026-01-01T00:01:00+08:00"}

# what each step does: a valid case of a year, a case refused by validation, a case that fails after the
# number was allocated (the save breaks), or a user who may not register (general manager)
steps = st.lists(st.tuples(st.sampled_from(["ok", "invalid", "broken", "forbidden"]), st.sampled_from(sorted(YEARS))),
                 min_size=1, max_size=14)


class Boom(Exception):
    pass


def _fresh_desk(folder: Path):
    import models
    from app.services import auth, setup

    models.init_db(folder / "desk.sqlite3")
    setup.init_database("BJ01", "北京分公司", "admin", "pass-1234")
    admin = auth.sign_in("admin", "pass-1234")
    rec = make_user(admin, "rec", "王芳", "reception", department="客服部")
    gm = make_user(admin, "gm", "总经理", "general_manager")
    return rec, gm


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plan=steps)
def test_numbers_are_gap_free_and_never_reused(plan):
    import models
    from app.services import auth, cases

    auth.use_hash_cost(1, 1024)
    with tempfile.TemporaryDirectory() as folder:
        rec, gm = _fresh_desk(Path(folder))
        try:
            issued = {year: [] for year in YEARS}
            real_record = cases.history.record

            def breaking_record(*args, **kw):
                if args[4] == "register":
                    raise Boom()
                return real_record(*args, **kw)

            for what, year in plan:
                history_before = History.select().count()
                case = sample_case(received_at=YEARS[year])
                if what == "ok":
                    issued[year].append(cases.register_case(rec, case)["number"])
                    continue
                if what == "invalid":
                    case["amount"]["value"] = -1
                    with pytest.raises(InvalidInput):
                        cases.register_case(rec, case)
                elif what == "forbidden":
                    with pytest.raises(DeskError):
                        cases.register_case(gm, case)
                else:
                    with mock.patch.object(cases.history, "record", breaking_record):
                        with pytest.raises(Boom):
                            cases.register_case(rec, case)
                assert History.select().count() == history_before

            every = [n for numbers in issued.values() for n in numbers]
            assert len(every) == len(set(every))
            for year, numbers in issued.items():
                assert numbers == [f"BJ01-{year}-{i:05d}" for i in range(1, len(numbers) + 1)]
                assert numbering.last_issued("BJ01", "case", year) == len(numbers)
                stored = [c.number for c in Case.select().where(Case.year == year).order_by(Case.seq)]
                assert stored == numbers
            assert NumberSeries.select().where(NumberSeries.last == 0).count() == 0
        finally:
            models.close_db()
