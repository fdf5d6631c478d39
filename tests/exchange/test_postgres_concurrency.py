"""Several people at headquarters on one PostgreSQL server at once, each in a process of its own: two imports of
the same bundle, imports of two branches, two people acting on one case. Nothing is corrupted, nothing deadlocks,
no update is silently lost. (On SQLite a transaction holds the whole file's write lock from its start, so the
same situations simply run one after the other: tests/reliability.)"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

import models
from tests.conftest import desk_people, sample_case

from . import helpers

WORKER = Path(__file__).with_name("pg_worker.py")
ROOT = Path(__file__).resolve().parents[2]
CHINA = timezone(timedelta(hours=8))
HOLD = 2.0  # seconds the first person pauses inside the transaction


class Person:
    """A worker process doing one thing; ``held()`` waits until it pauses inside its transaction."""

    def __init__(self, *args):
        env = dict(os.environ, PYTHONPATH=str(ROOT), CDESK_LANG="zh_CN")
        self.process = subprocess.Popen([sys.executable, str(WORKER), *map(str, args)], stdout=subprocess.PIPE,
                                        stderr=subprocess.PIPE, text=True, env=env, cwd=str(ROOT))
        self.finished_at = None

    def held(self):
        line = self.process.stdout.readline()
        assert line.strip() == "holding", line + self.process.stderr.read()

    def result(self) -> dict:
        out, err = self.process.communicate(timeout=120)
        self.finished_at = time.monotonic()
        assert self.process.returncode == 0, err
        return json.loads(out.strip().splitlines()[-1])


def test_two_people_importing_the_same_bundle_get_one_import_and_one_already_imported(pg_sites):
    helpers.populate(pg_sites.branch, count=3)
    path = pg_sites.export()["file"]
    first = Person("import", pg_sites.hq.target, path, HOLD)
    first.held()  # inside its transaction, holding the branch's lock
    second = Person("import", pg_sites.hq.target, path)
    results = [first.result(), second.result()]
    assert [r["status"] for r in results] == ["imported", "already_imported"]
    assert results[0]["counts"]["conflicts"] == 0
    pg_sites.hq.use()
    assert models.Case.select().where(models.Case.number.startswith("BJ01-")).count() == 3
    assert models.ExchangeBundle.select().where(models.ExchangeBundle.branch_code == "BJ01").count() == 1
    assert models.ExchangeConflict.select().count() == 0


def test_an_import_of_one_branch_does_not_wait_for_an_import_of_another(pg_sites, tmp_path):
    helpers.populate(pg_sites.branch, count=2)
    first_path = pg_sites.export()["file"]
    other = helpers.make_site(tmp_path / "SH01.sqlite3", "SH01", "上海分公司")
    helpers.enrol(other, pg_sites.hq, tmp_path / "enrol")
    helpers.populate(other, n=10, count=2)
    from app.exchange.export import export_bundle

    other.use()
    other_path = export_bundle(other.admin, pg_sites.stick)["file"]
    first = Person("import", pg_sites.hq.target, first_path, HOLD * 3)
    first.held()
    started = time.monotonic()
    second = Person("import", pg_sites.hq.target, other_path)
    assert second.result()["status"] == "imported"
    assert second.finished_at - started < HOLD * 3  # done while the first still held BJ01's lock
    assert first.result()["status"] == "imported"
    pg_sites.hq.use()
    assert {b.branch_code for b in models.ExchangeBundle.select()} == {"BJ01", "SH01"}
    assert models.Case.select().where(models.Case.number.startswith("SH01-")).count() == 2


@pytest.fixture
def pg_desk(postgres_server):
    url = postgres_server.new_database()
    models.init_db(url)
    people = desk_people(url)
    from app.services import cases

    received = datetime(2026, 11, 18, 9, 30, tzinfo=CHINA)
    case = sample_case(received_at=received.isoformat())
    people.number = cases.register_case(people.rec, case, now=received + timedelta(minutes=5))["number"]
    people.url = url
    return people


def test_two_supervisors_assigning_one_case_at_once_act_one_after_the_other(pg_desk):
    """The first assigns 赵敏 and pauses before saving; the second assigns 孙磊 meanwhile. The second waits for the
    first, then acts on what the first left: a hand-over from 赵敏 to 孙磊 (counted), not an assignment that the
    first's save silently undoes."""
    now = datetime(2026, 11, 18, 10, 0, tzinfo=CHINA).isoformat()
    first = Person("act", pg_desk.url, "sup", pg_desk.number, "assign", '{"handler": "h1"}', now, HOLD)
    first.held()
    second = Person("act", pg_desk.url, "sup2", pg_desk.number, "assign", '{"handler": "h2"}', now)
    assert first.result()["handler"] == "h1"
    after = second.result()
    assert after == {"state": "investigating", "handler": "h2", "transfers": 1}, after
    from app.services import cases

    models.init_db(pg_desk.url)
    shown = cases.show_case(pg_desk.sup, pg_desk.number)
    assert shown["handler"] == "h2" and shown["transfers"] == 1
    assert [t["to"] for t in shown["transfer_log"]] == ["h1", "h2"]
