"""Fixtures for the exchange tests: a branch database (SQLite, as at every branch) and a headquarters database
that is SQLite or a database on the suite's PostgreSQL server (``postgres_server`` in tests/conftest.py)."""
from __future__ import annotations

import pytest

from app import i18n


@pytest.fixture(autouse=True)
def chinese_and_closed():
    i18n.set_language("zh_CN")
    yield
    from models.db import close_db

    close_db()


@pytest.fixture(scope="session")
def postgres_hq_template(postgres_server):
    """A headquarters database set up once (tables, HQ, its admin and keys); each test gets a copy of it."""
    from app.services import auth
    from models.db import close_db

    from . import helpers

    auth.use_hash_cost(1, 1024)  # as the suite's own fixture does for each test
    url = postgres_server.new_database()
    helpers.make_site(url, "HQ", "集团总部", hq=True)
    close_db()
    return url.rsplit("/", 1)[1]


@pytest.fixture(params=["sqlite", "postgresql"])
def hq_target(request, tmp_path):
    """Where headquarters' database lives: a SQLite file, or a fresh copy of the prepared headquarters database
    on the test PostgreSQL server."""
    if request.param == "sqlite":
        return str(tmp_path / "hq.sqlite3")
    server = request.getfixturevalue("postgres_server")
    return server.new_database(template=request.getfixturevalue("postgres_hq_template")) + "#prepared"


@pytest.fixture
def sites(tmp_path, hq_target):
    """An enrolled pair: headquarters HQ and branch BJ01 (SQLite), enrolment done both ways."""
    from . import helpers

    return helpers.make_pair(tmp_path, hq_target)


@pytest.fixture
def pg_sites(tmp_path, postgres_server, postgres_hq_template):
    """An enrolled pair with headquarters on PostgreSQL only (what only PostgreSQL does: COPY, locks)."""
    from . import helpers

    return helpers.make_pair(tmp_path, postgres_server.new_database(template=postgres_hq_template) + "#prepared")
