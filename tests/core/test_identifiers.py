"""Record identifiers: unique, minted per site and in time order, so headquarters' uuid indexes grow at the end of
each branch's stretch instead of everywhere."""
import re
import time

import models
from app.services import setup
from models import Case, new_uuid, uuid_site


def test_identifiers_of_a_site_share_its_prefix_and_follow_the_clock(tmp_path):
    models.init_db(tmp_path / "bj.sqlite3")
    setup.init_database("BJ01", "北京分公司", "admin", "initial-pass-1")
    branch = models.Branch.get(models.Branch.is_local == True)  # noqa: E712
    minted = []
    for _ in range(5):
        minted.append(new_uuid())
        time.sleep(0.002)
    assert all(re.fullmatch(r"[0-9a-f]{32}", u) for u in minted)
    assert {u[:8] for u in minted} == {uuid_site(branch.uuid)}
    assert minted == sorted(minted)
    assert len(set(new_uuid() for _ in range(20000))) == 20000  # the same millisecond many times over


def test_each_database_mints_with_its_own_local_branch(tmp_path):
    prefixes = {}
    for code in ("BJ01", "SH01"):
        models.init_db(tmp_path / f"{code}.sqlite3")
        setup.init_database(code, f"{code}分公司", "admin", "initial-pass-1")
        prefixes[code] = new_uuid()[:8]
    assert prefixes["BJ01"] != prefixes["SH01"]
    models.init_db(tmp_path / "BJ01.sqlite3")  # opened again: its own prefix again
    assert new_uuid()[:8] == prefixes["BJ01"]
    assert models.Record._meta.fields["uuid"].default is new_uuid
    assert Case._meta.fields["uuid"].default is new_uuid
    models.close_db()
