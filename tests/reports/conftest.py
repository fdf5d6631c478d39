"""The reports tests share one realistic month: built once per test process through the services, then each
test gets its own copy of that database file (building it takes seconds; copying it, milliseconds)."""
from __future__ import annotations

import copy
import shutil
from types import SimpleNamespace

import pytest

from tests.conftest import PASSWORD, desk_people

PEOPLE = ("admin", "sup", "sup2", "rec", "h1", "h2", "claims", "hejun", "gm")


@pytest.fixture(scope="session")
def _month_template(tmp_path_factory):
    import models
    from app.services import auth
    from tests.reports.month import Month

    auth.use_hash_cost(1, 1024)
    path = tmp_path_factory.mktemp("october") / "desk.sqlite3"
    models.init_db(path)

    people = desk_people(path)
    month = Month(people).build()
    models.database.obj.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    models.close_db()
    return path, month.expect


@pytest.fixture
def desk(_month_template, tmp_path):
    """The desk of tests/conftest.py, with October 2026 already on it (see tests/reports/month.py)."""
    import models
    from app.services import auth

    template, _ = _month_template
    path = tmp_path / "desk.sqlite3"
    shutil.copyfile(template, path)
    models.init_db(path)
    people = SimpleNamespace(db=path, **{name: auth.sign_in(name, PASSWORD) for name in PEOPLE})
    people.dept, people.accused = people.claims, people.hejun
    yield people
    models.close_db()


@pytest.fixture
def month(desk, _month_template):
    """What the test knows about October's cases (the expectations written while building them)."""
    from tests.reports.month import Month

    held = Month(desk)
    held.expect = copy.deepcopy(_month_template[1])
    return held
