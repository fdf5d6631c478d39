"""Enrolment files from the campaign: a branch code that is empty, a path or 300 characters, an identity that is
not one, and a branch whose identity is already enrolled under another code are refused with a message naming
the field; headquarters' database is left as it was."""
from __future__ import annotations

import base64
import json

import pytest

import models
from app.errors import DeskError
from app.exchange import keys

from tests.exchange import helpers


@pytest.fixture
def sites(tmp_path):
    hq = helpers.make_site(tmp_path / "hq.sqlite3", "HQ", "集团总部", hq=True)
    branch = helpers.make_site(tmp_path / "bj.sqlite3", "BJ01", "北京分公司")
    return hq, branch, tmp_path


def forged(branch, folder, **changes):
    """The branch's own enrolment document with changes, signed again with its own key (self-signed files)."""
    branch.use()
    body = {k: v for k, v in keys.enrolment_document().items() if k != "signature"}
    body.update(changes)
    body["signature"] = base64.b64encode(keys.signing_key().sign(keys._canonical(body))).decode("ascii")
    path = folder / f"forged-{len(list(folder.iterdir()))}.cdenrol"
    path.write_text(json.dumps(body, ensure_ascii=False), encoding="utf-8")
    return path


def refused(hq, path, field):
    hq.use()
    before = helpers.dump_all()
    with pytest.raises(DeskError) as info:
        keys.import_enrolment(hq.admin, path)
    assert info.value.field == field, info.value.localized()
    hq.use()
    assert helpers.dump_all() == before
    return info.value


@pytest.mark.parametrize("code", ["", "../x y", "B" * 300, "bj01", "北京"])
def test_an_invalid_branch_code_is_refused(sites, code):
    hq, branch, folder = sites
    refused(hq, forged(branch, folder, code=code), "code")


@pytest.mark.parametrize("identity", ["not-a-uuid", "", "0" * 31, "G" * 32])
def test_an_invalid_branch_identity_is_refused(sites, identity):
    hq, branch, folder = sites
    refused(hq, forged(branch, folder, branch_uuid=identity), "branch_uuid")


def test_a_copied_branch_with_the_same_identity_is_refused_with_a_clear_message(sites):
    hq, branch, folder = sites
    branch.use()
    keys.write_enrolment(folder / "BJ01.cdenrol")
    hq.use()
    keys.import_enrolment(hq.admin, folder / "BJ01.cdenrol")
    twin = helpers.make_site(folder / "sh.sqlite3", "SH01", "上海分公司")
    twin.use()
    same_identity = {k: v for k, v in keys.enrolment_document().items() if k != "signature"}
    branch.use()
    same_identity["branch_uuid"] = models.Branch.get(models.Branch.is_local == True).uuid  # noqa: E712
    twin.use()
    same_identity["signature"] = base64.b64encode(keys.signing_key().sign(keys._canonical(same_identity))).decode()
    path = folder / "SH01.cdenrol"
    path.write_text(json.dumps(same_identity, ensure_ascii=False), encoding="utf-8")
    error = refused(hq, path, "branch_uuid")
    assert "BJ01" in error.localized() and "damaged" not in error.localized()
