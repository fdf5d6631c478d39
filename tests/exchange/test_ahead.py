"""A large batch of data bundles at headquarters has the next bundle prepared in a worker process
(``app.exchange.ahead``) while the current one is written: the same records, the same refusals in the same
words, and a worker that fails costs speed only."""
from __future__ import annotations

import os
import pickle

import pytest

import models
from app.records import search
from app.errors import DeskError
from app.exchange import ahead, bundle, files, prepare
from app.exchange.bundle import BundleError

from . import helpers
from .test_batch_import import assert_holds, branch_records, export_from, second_branch
from .test_refusals import forge


@pytest.fixture
def worker_used(monkeypatch):
    """Every batch here goes through the worker (the test bundles are far below its threshold); returns the list
    of what ``take`` gave back, for the tests to see the worker did prepare the bundles."""
    monkeypatch.setattr(ahead, "MIN_RECORDS", 0)
    given = []
    real = ahead.Ahead.take

    def take(self, path):
        prepared = real(self, path)
        given.append(prepared)
        return prepared

    monkeypatch.setattr(ahead.Ahead, "take", take)
    return given


@pytest.fixture
def prefetched(monkeypatch):
    """The paths ``prefetch`` was asked for (as a bundle's transaction committed)."""
    asked = []
    real = ahead.Ahead.prefetch

    def prefetch(self, path):
        asked.append(path)
        return real(self, path)

    monkeypatch.setattr(ahead.Ahead, "prefetch", prefetch)
    return asked


def test_bundles_prepared_ahead_are_imported_whole(sites, worker_used, prefetched):
    other = second_branch(sites)
    helpers.populate(sites.branch, count=3)
    helpers.populate(other, count=2)
    expected = branch_records(sites.branch, other)
    first = export_from(sites.branch, sites.stick)
    helpers.populate(sites.branch, n=10, count=1)  # then a change: the second bundle of BJ01 brings it
    expected_later = branch_records(sites.branch)
    paths = [first, export_from(other, sites.stick), export_from(sites.branch, sites.stick)]

    sites.hq.use()
    results = files.import_files(sites.hq.admin, paths)

    assert [r["status"] for r in results] == ["imported"] * 3
    assert worker_used[0] is None  # the first prepared here while the worker starts, the others by the worker
    assert len(worker_used) == 3 and all(isinstance(p, prepare.Prepared) and p.tables for p in worker_used[1:])
    assert prefetched == [str(p) for p in paths[1:]]  # each read back while the one before it committed
    assert_holds(expected)
    assert_holds(expected_later)
    assert all(r["receipt"] for r in results)
    if models.db.is_sqlite():  # the search documents made in the worker are in the register's search index
        found = models.Case.select().where(search.search_condition("理赔款")).count()
        assert found == models.Case.select().where(models.Case.content.contains("理赔款")).count() == 6


def test_a_bundle_refused_in_the_worker_reads_as_it_would_here(sites, worker_used):
    helpers.populate(sites.branch, count=2)
    good = export_from(sites.branch, sites.stick)

    def claim_another_branch(tables):
        tables["tables/case.json"][0]["branch"] = "f" * 32

    forged = forge(sites, mutate_tables=claim_another_branch)
    sites.hq.use()
    with pytest.raises(DeskError) as inline:  # what the import of that one file says
        sites.import_(forged)
    sites.hq.use()
    before = helpers.dump_all()

    results = files.import_files(sites.hq.admin, [good, str(forged)])

    assert [r["status"] for r in results] == ["imported", "refused"]
    assert worker_used[1].error is not None and worker_used[1].tables is None  # found in the worker ...
    assert results[1]["error"] == inline.value.localized()  # ... and said in the same words
    assert "其他机构" in results[1]["error"]
    assert helpers.dump_all() != before


def _die(*args):
    os._exit(3)


def test_a_worker_that_dies_costs_speed_only(sites, worker_used, monkeypatch):
    monkeypatch.setattr(ahead, "_serve", _die)  # the worker process ends as soon as it starts
    other = second_branch(sites)
    helpers.populate(sites.branch, count=2)
    helpers.populate(other, count=1)
    expected = branch_records(sites.branch, other)
    paths = [export_from(sites.branch, sites.stick), export_from(other, sites.stick)]

    sites.hq.use()
    results = files.import_files(sites.hq.admin, paths)

    assert [r["status"] for r in results] == ["imported", "imported"]
    assert worker_used == [None, None]  # each prepared in place instead
    assert_holds(expected)


def test_a_fault_in_the_worker_costs_speed_only_and_prints_nothing(sites, worker_used, monkeypatch, capfd):
    from app.exchange import importer

    real = importer.senders
    # a key the worker cannot even parse: it fails on its first bundle with no DeskError to send back
    monkeypatch.setattr(importer, "senders", lambda: {code: prepare.Sender(sender.code, sender.branch_uuid, "zz")
                                                      for code, sender in real().items()})
    other = second_branch(sites)
    helpers.populate(sites.branch, count=1)
    helpers.populate(other, count=1)
    paths = [export_from(sites.branch, sites.stick), export_from(other, sites.stick)]

    sites.hq.use()
    results = files.import_files(sites.hq.admin, paths)

    assert [r["status"] for r in results] == ["imported", "imported"]
    assert worker_used == [None, None]
    assert "Traceback" not in capfd.readouterr().err


def test_small_batches_are_prepared_in_place(sites, monkeypatch):
    started = []
    monkeypatch.setattr(ahead.Ahead, "__init__", lambda self, *a, **k: started.append(a))
    helpers.populate(sites.branch, count=1)
    paths = [export_from(sites.branch, sites.stick), export_from(sites.branch, sites.stick)]
    sites.hq.use()
    assert [r["status"] for r in files.import_files(sites.hq.admin, paths)] == ["imported", "imported"]
    assert started == []  # a few records: no second process


def test_a_refusal_keeps_its_words_across_processes():
    refusal = BundleError("{file} is damaged: its manifest cannot be read.", file="BJ01.cdbundle")
    copy = pickle.loads(pickle.dumps(refusal))
    assert type(copy) is BundleError and copy.params == {"file": "BJ01.cdbundle"}
    assert copy.localized() == refusal.localized() == "BJ01.cdbundle 已损坏：清单无法读取。"
    assert isinstance(copy, bundle.BundleError)


def test_ending_the_batch_while_a_bundle_is_read_back_leaves_nothing_running(sites, monkeypatch):
    helpers.populate(sites.branch, count=2)
    paths = [export_from(sites.branch, sites.stick), export_from(sites.branch, sites.stick)]
    sites.hq.use()
    from app.exchange import keys
    from app.exchange.importer import senders

    worker = ahead.Ahead(paths, senders(), keys.encryption_key().private_bytes_raw(), documents=False)
    worker.prefetch(paths[1])  # reading the second bundle back in a thread, as when the first one commits
    taking = worker._taking
    assert taking is not None and taking.path == paths[1]
    worker.close()  # the import stops here (Ctrl+C, a refusal of everything after)
    assert not taking.thread.is_alive() and worker._process is None
    assert worker.take(paths[1]) is None  # nothing left to take: the import prepares it in place


def test_a_worker_gone_when_the_next_bundle_is_asked_for_costs_speed_only(sites, capfd, monkeypatch):
    import threading

    faults = []
    monkeypatch.setattr(threading, "excepthook", faults.append)  # a thread that fails would land here
    helpers.populate(sites.branch, count=1)
    paths = [export_from(sites.branch, sites.stick) for _ in range(3)]
    sites.hq.use()
    from app.exchange import keys
    from app.exchange.importer import senders

    worker = ahead.Ahead(paths, senders(), keys.encryption_key().private_bytes_raw(), documents=False)

    def gone(_message):
        raise BrokenPipeError

    worker._tasks.send = gone  # the worker ends just as the third bundle is asked for
    worker.prefetch(paths[1])
    assert worker.take(paths[1]) is None and worker.take(paths[2]) is None  # both prepared in place
    assert worker._process is None
    assert faults == [] and "Traceback" not in capfd.readouterr().err
