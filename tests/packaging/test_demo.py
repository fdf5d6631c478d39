"""Demonstration data: realistic, varied, made through the services, and the same for the same seed."""
from __future__ import annotations

from datetime import date

import pytest

TODAY = date(2026, 11, 20)


def build(tmp_path, name, **kw):
    from app.services import demo

    return demo.build_demo(tmp_path / f"{name}.sqlite3", today=TODAY, **kw)


def cases_of(path):
    import models
    from models import Case

    models.init_db(path)
    try:
        return [(c.number, c.state, c.round, c.complainant_name, c.category, c.received_at.isoformat())
                for c in Case.select().order_by(Case.number)]
    finally:
        models.close_db()


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    from app.services import auth

    auth.use_hash_cost(1, 1024)
    tmp = tmp_path_factory.mktemp("demo")
    result = build(tmp, "a", cases=60)
    return result, cases_of(result.path)


def test_a_few_months_of_cases_in_every_state(demo_db):
    result, rows = demo_db
    assert len(rows) == 60 == len(result.cases)
    states = {row[1] for row in rows}
    assert {"closed", "approved", "voided"} <= states and len(states) >= 5
    received = sorted(row[5][:10] for row in rows)
    assert received[0] < "2026-08-01" and received[-1] >= "2026-11-01"  # spread over recent months
    assert all(row[5][:10] <= TODAY.isoformat() for row in rows)
    names = {row[3] for row in rows if row[3]}
    assert len(names) > 35 and all("\u4e00" <= name[0] <= "\u9fff" for name in names)
    assert len({row[4] for row in rows}) >= 6
    assert any(row[2] == 2 for row in rows)  # a dissatisfied revisit opened a second round
    assert result.notices > 0


def test_the_history_is_what_the_services_recorded(demo_db):
    import models
    from app.services import auth, cases
    from app.services.demo import DEMO_PASSWORD

    result, rows = demo_db
    closed = next(row[0] for row in rows if row[1] == "closed")
    models.init_db(result.path)
    try:
        view = cases.show_case(auth.sign_in("chenjing", DEMO_PASSWORD), closed)
    finally:
        models.close_db()
    actions = [h["action"] for h in view["history"]]
    assert actions[0] == "register" and actions[-1] == "close"
    assert {"assign", "contact", "investigate", "conclude", "reply", "submit", "approve", "revisit"} <= set(actions)


def test_the_same_seed_gives_the_same_cases(demo_db, tmp_path):
    from app.services import auth

    auth.use_hash_cost(1, 1024)
    first = cases_of(build(tmp_path, "b", cases=15).path)
    assert cases_of(build(tmp_path, "c", cases=15).path) == first
    assert cases_of(build(tmp_path, "d", cases=15, seed=7).path) != first
