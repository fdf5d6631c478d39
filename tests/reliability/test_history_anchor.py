"""The history is anchored: a branch history cut or rewritten (and rehashed, so the chain itself looks whole) is
found by ``history verify`` against the head headquarters acknowledged, and headquarters refuses the next bundle
with a clear message; a declared restore goes back without being refused."""
from __future__ import annotations

from datetime import datetime, timezone

import pytest

import models
from app.errors import DeskError
from app.records import history
from app.services import cases

from tests.exchange import helpers
from tests.reliability.test_hostile_inputs import case_document
from tests.reliability.test_restore_exchange import pair, round_trip  # noqa: F401 - the fixture

NOW = datetime(2026, 11, 22, 4, 0, tzinfo=timezone.utc)


def register(pair, n=1):
    pair.branch.use()
    for _ in range(n):
        cases.register_case(pair.rec, case_document(), now=NOW)


def rehash_from(row_id: int) -> None:
    """What a forger with the file does: recompute every hash from ``row_id`` on, so the chain looks whole."""
    prev = ""
    for row in models.History.select().where(models.History.origin == "").order_by(models.History.id):
        if row.id >= row_id:
            row.prev_hash = prev
            row.hash = history._digest(prev, history._content(row))
            row.save()
        prev = row.hash


def test_a_whole_chain_with_its_anchor_verifies(pair):  # noqa: F811
    register(pair, 2)
    round_trip(pair)
    pair.branch.use()
    report = history.verify_chain()
    assert report["ok"] and report["anchor"]["count"] == report["rows"]


def test_cutting_the_newest_rows_is_found_at_the_branch_and_refused_at_headquarters(pair):  # noqa: F811
    register(pair, 3)
    round_trip(pair)
    pair.branch.use()
    newest = list(models.History.select().order_by(models.History.id.desc()).limit(2))
    models.History.delete().where(models.History.id.in_([row.id for row in newest])).execute()
    report = history.verify_chain()
    assert not report["ok"] and report["problem"] == "cut"
    register(pair, 1)
    pair.hq.use()
    before = helpers.dump_all()
    exported = pair.export()
    with pytest.raises(DeskError) as info:
        pair.import_(exported["file"])
    assert "cut" in str(info.value) or "改写" in str(info.value) or "rewritten" in str(info.value)
    pair.hq.use()
    assert helpers.dump_all() == before


def test_rewriting_a_row_and_rehashing_is_found_at_the_branch_and_refused_at_headquarters(pair):  # noqa: F811
    register(pair, 3)
    round_trip(pair)
    pair.branch.use()
    target = models.History.select().where(models.History.action == "register").order_by(models.History.id).first()
    models.History.update(actor="someone_else").where(models.History.id == target.id).execute()
    rehash_from(target.id)
    assert history.verify_chain()["problem"] == "rewritten"  # the chain itself is whole again
    register(pair, 1)
    exported = pair.export()
    with pytest.raises(DeskError) as info:
        pair.import_(exported["file"])
    assert "history" in str(info.value).lower() or "历史" in str(info.value)


def test_a_rewrite_with_nothing_new_is_refused_too(pair):  # noqa: F811
    register(pair, 2)
    round_trip(pair)
    pair.branch.use()
    last = models.History.select().order_by(models.History.id.desc()).first()
    models.History.update(actor="someone_else").where(models.History.id == last.id).execute()
    rehash_from(last.id)
    exported = pair.export(full=True)
    with pytest.raises(DeskError):
        pair.import_(exported["file"])
