"""A restore never forks the exchange: after an older copy of the branch's database is put back, the next export
is accepted at headquarters (no replay), an update made after the restore is applied (never skipped as older),
and headquarters' number check finds no number beyond the last issued."""
from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import pytest

import models
from app.records import backup
from app.services import backups
from app.services import auth, cases

from tests.exchange import helpers
from tests.reliability.test_backup import corrupt
from tests.reliability.test_hostile_inputs import case_document

NOW = datetime(2026, 11, 22, 4, 0, tzinfo=timezone.utc)


@pytest.fixture
def pair(tmp_path):
    from tests.conftest import make_user

    pair = helpers.make_pair(tmp_path, str(tmp_path / "hq.sqlite3"))
    pair.branch.use()
    pair.rec = make_user(pair.branch.admin, "rec", "王芳", "reception", department="客服部")
    pair.sup = make_user(pair.branch.admin, "sup", "刘经理", "supervisor", department="客服部")
    make_user(pair.branch.admin, "h1", "赵敏", "handler", department="客服部", supervisor="sup")
    return pair


def round_trip(pair) -> dict:
    exported = pair.export()
    result = pair.import_(exported["file"])
    pair.receipt(result["receipt"])
    return result


def hq_case(pair, number):
    pair.hq.use()
    return models.Case.get(models.Case.number == number)


def reconcile_at_hq(pair):
    from app.reports import ledgers

    pair.hq.use()
    return ledgers.reconcile(branch_code="BJ01")


@pytest.mark.parametrize("lost", ["healthy", "damaged", "damaged, no stick"])
def test_the_export_after_a_restore_continues_the_exchange(pair, tmp_path, lost):
    pair.branch.use()
    first = cases.register_case(pair.rec, case_document(), now=NOW)["number"]
    round_trip(pair)
    pair.branch.use()
    (tmp_path / "backups").mkdir()
    saved = Path(backup.manual_backup(pair.branch.admin, pair.branch.target, tmp_path / "backups")["file"])

    # after the backup: an update and a new case, exported and imported, then the database is lost
    pair.branch.use()
    cases.do_action(pair.sup, first, "assign", {"handler": "h1"}, now=NOW)
    second = cases.register_case(pair.rec, case_document(), now=NOW)["number"]
    round_trip(pair)
    assert hq_case(pair, first).state == "investigating"

    models.close_db()
    if lost == "damaged":  # the current file cannot be read: the latest export on the stick tells how far it got
        corrupt(Path(pair.branch.target))
        result = backups.restore(pair.branch.target, saved, username="admin", password=helpers.PASSWORD,
                                manifest=str(pair.stick))
    elif lost == "damaged, no stick":  # only the highest number on paper is known: the exchange jumps well ahead
        corrupt(Path(pair.branch.target))
        result = backups.restore(pair.branch.target, saved, username="admin", password=helpers.PASSWORD,
                                last_numbers=[second])
        assert result["exports_continue_after"] == 1 + backup.UNKNOWN_SEQUENCE_GAP
    else:
        result = backups.restore(pair.branch.target, saved, username="admin", password=helpers.PASSWORD)
    assert second in result["voided"]

    # at the restored branch: the first case is accepted again (as in the backup); it is handled once more
    pair.branch.use()
    sup = auth.sign_in("sup", helpers.PASSWORD)
    rec = auth.sign_in("rec", helpers.PASSWORD)
    assert cases.show_case(sup, first)["state"] == "accepted"
    cases.do_action(sup, first, "assign", {"handler": "h1"}, now=NOW)
    cases.do_action(sup, first, "escalate", {"note": "恢复后再次上报"}, now=NOW)
    third = cases.register_case(rec, case_document(), now=NOW)["number"]
    assert third not in (first, second)

    result = round_trip(pair)
    assert result["status"] == "imported"
    assert result["history_restarted"]  # the history went back with the restore: declared, accepted, reported
    assert result["counts"]["conflicts"] == 0, result["tables"]
    assert result["refused"] == []
    # the update made after the restore is applied at headquarters, not skipped as older than the lost one's
    assert hq_case(pair, first).escalated_at is not None
    assert hq_case(pair, third).state == "accepted"
    for entry in reconcile_at_hq(pair):
        assert entry["beyond_last_issued"] == [], entry
    # and the exchange goes on, the history anchored on the new head
    pair.branch.use()
    cases.register_case(auth.sign_in("rec", helpers.PASSWORD), case_document(), now=NOW)
    again = round_trip(pair)
    assert again["status"] == "imported" and not again["history_restarted"]
    from app.records import history

    pair.branch.use()
    assert history.verify_chain()["ok"]
