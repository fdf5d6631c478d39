"""Enrolment files, receipts and policy bundles: the happy path and each refusal, with nothing changed after."""
from __future__ import annotations

import errno
import json

import pytest

import models
from app.errors import DeskError
from app.exchange import bundle, keys
from app.exchange.bundle import DriveError
from app.exchange.policy_bundle import export_policy, import_policy_bundle

from . import helpers


def unchanged(site, action, match):
    site.use()
    before = helpers.dump_all()
    with pytest.raises(DeskError) as info:
        action()
    site.use()
    assert helpers.dump_all() == before
    assert match in str(info.value), str(info.value)


# --- keys and enrolment ---------------------------------------------------------------------------------------


def test_keys_are_created_once_and_kept_out_of_exports(sites):
    sites.branch.use()
    first = keys.ensure_keys()
    assert keys.ensure_keys() == first and "encryption_key" not in first
    sites.hq.use()
    assert "encryption_key" in keys.public_keys()
    sites.branch.use()
    header, entries = __import__("app.exchange.export", fromlist=["collect"]).collect()
    assert "setting" not in header["counts"]
    assert all(keys.SETTING_KEY.encode() not in data for _, data in entries)


def test_enrolment_again_is_a_no_op_and_a_new_key_is_refused(sites, tmp_path):
    enrol_file = sites.root / "enrol" / "BJ01.cdenrol"
    sites.hq.use()
    assert keys.import_enrolment(sites.hq.admin, enrol_file)["status"] == "already_enrolled"
    impostor = helpers.make_site(tmp_path / "fake.sqlite3", "BJ01", "冒名分公司")
    keys.write_enrolment(tmp_path / "fake.cdenrol")
    sites.hq.use()
    unchanged(sites.hq, lambda: keys.import_enrolment(sites.hq.admin, tmp_path / "fake.cdenrol"), "另一把密钥")
    assert impostor


def test_enrolment_file_damaged_or_of_the_wrong_side(sites, tmp_path):
    document = json.loads((sites.root / "enrol" / "BJ01.cdenrol").read_text(encoding="utf-8"))
    document["name"] = "改过的名字"
    (tmp_path / "edited.cdenrol").write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    unchanged(sites.hq, lambda: keys.import_enrolment(sites.hq.admin, tmp_path / "edited.cdenrol"), "损坏")
    (tmp_path / "junk.cdenrol").write_bytes(b"\xff\xfe junk")
    unchanged(sites.hq, lambda: keys.import_enrolment(sites.hq.admin, tmp_path / "junk.cdenrol"), "不是登记文件")
    unchanged(sites.hq, lambda: keys.import_enrolment(sites.hq.admin, sites.root / "enrol" / "HQ.cdenrol"),
              "分支机构")
    unchanged(sites.branch, lambda: keys.import_enrolment(sites.branch.admin, sites.root / "enrol" / "BJ01.cdenrol"),
              "总部")


def test_only_an_admin_exports(sites):
    from app.services import auth, setup

    sites.branch.use()
    setup.add_user(sites.branch.admin, "rec", display_name="王芳", role="reception", password="initial-1")
    first = auth.sign_in("rec", "initial-1")
    auth.change_password(first, "rec", helpers.PASSWORD)
    reception = auth.sign_in("rec", helpers.PASSWORD)
    from app.exchange.export import export_bundle

    unchanged(sites.branch, lambda: export_bundle(reception, sites.stick), "管理员")
    assert list(sites.stick.iterdir()) == []


# --- export onto a full or pulled-out stick --------------------------------------------------------------------


@pytest.mark.parametrize("code", [errno.ENOSPC, errno.EIO])
def test_export_onto_a_full_or_pulled_stick(sites, monkeypatch, code):
    helpers.populate(sites.branch)

    def failing(handle, data):
        handle.write(bytes(data)[: len(data) // 3])
        raise OSError(code, "simulated")

    monkeypatch.setattr(bundle, "_write_all", failing)
    sites.branch.use()
    before = helpers.dump_all()
    with pytest.raises(DriveError, match="已满" if code == errno.ENOSPC else "拔出"):
        sites.export()
    sites.branch.use()
    assert helpers.dump_all() == before
    assert list(sites.stick.iterdir()) == []
    monkeypatch.undo()
    again = sites.export()  # the next stick gets the same sequence and everything
    assert again["sequence"] == 1 and again["counts"]["case"] == 2


# --- receipts ------------------------------------------------------------------------------------------------


def test_receipt_refusals(sites, tmp_path):
    helpers.populate(sites.branch)
    exported = sites.export()
    receipt = sites.import_(exported["file"])["receipt"]
    # flipped bit
    data = bytearray(open(receipt, "rb").read())
    data[-5] ^= 1
    (tmp_path / "bad.cdreceipt").write_bytes(bytes(data))
    unchanged(sites.branch, lambda: sites.receipt(tmp_path / "bad.cdreceipt"), "签名")
    # a data bundle given as a receipt
    unchanged(sites.branch, lambda: sites.receipt(exported["file"]), "数据包")
    # a receipt signed by someone else than headquarters
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    sites.hq.use()
    opened = bundle.read(receipt)
    fake = bundle.build({k: v for k, v in opened.manifest.items() if k not in ("entries", "payload")}, [],
                        Ed25519PrivateKey.generate())
    (tmp_path / "fake.cdreceipt").write_bytes(fake)
    unchanged(sites.branch, lambda: sites.receipt(tmp_path / "fake.cdreceipt"), "签名")
    # a genuine receipt for a bundle this branch never wrote (its database was restored from before it)
    sites.branch.use()
    models.ExchangeBundle.delete().execute()
    unchanged(sites.branch, lambda: sites.receipt(receipt), "备份")


# --- policy bundles ----------------------------------------------------------------------------------------


def test_policy_bundle_round_trip_replay_and_tampering(sites, tmp_path):
    from app.rules.policy import from_json, load_policy, save_policy

    sites.hq.use()
    save_policy(from_json({"preset": "cbirc", "thresholds": {"auto": 20000, "group": 5},
                           "calendar": {"holidays": ["2026-12-31"], "workdays": ["2026-12-27"]},
                           "categories": ["claims", "price", "其他类别"]}))
    first = export_policy(sites.hq.admin, tmp_path / "p1.cdpolicy")
    second = export_policy(sites.hq.admin, tmp_path / "p2.cdpolicy")
    assert second["sequence"] == first["sequence"] + 1
    with pytest.raises(DriveError):
        export_policy(sites.hq.admin, tmp_path / "p2.cdpolicy")  # never overwritten
    sites.branch.use()
    applied = import_policy_bundle(sites.branch.admin, tmp_path / "p2.cdpolicy")
    assert applied["status"] == "applied"
    sites.branch.use()
    policy = load_policy()
    assert policy.preset == "cbirc" and policy.thresholds["group"] == 5 and "其他类别" in policy.categories
    assert import_policy_bundle(sites.branch.admin, tmp_path / "p2.cdpolicy")["status"] == "already_applied"
    unchanged(sites.branch, lambda: import_policy_bundle(sites.branch.admin, tmp_path / "p1.cdpolicy"), "更旧")
    data = bytearray((tmp_path / "p2.cdpolicy").read_bytes())
    data[-3] ^= 4
    (tmp_path / "p3.cdpolicy").write_bytes(bytes(data))
    unchanged(sites.branch, lambda: import_policy_bundle(sites.branch.admin, tmp_path / "p3.cdpolicy"), "损坏")
    unchanged(sites.hq, lambda: import_policy_bundle(sites.hq.admin, tmp_path / "p2.cdpolicy"), "总部")


def test_a_years_arrangement_from_headquarters_recomputes_the_branchs_open_cases(sites, tmp_path):
    """Headquarters enters next year's arrangement once and distributes it; each branch's open deadlines follow,
    with the change in the case's history (the same service as Settings > Calendar at the branch)."""
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from app.rules.policy import load_policy
    from app.services import calendar as calendar_service, cases
    from tests.conftest import sample_case

    received = datetime(2026, 12, 30, 10, 0, tzinfo=ZoneInfo("Asia/Shanghai"))
    sites.branch.use()
    number = cases.register_case(sites.branch.admin, sample_case(received_at=received.isoformat()),
                                 now=received)["number"]
    assert cases.show_case(sites.branch.admin, number)["deadlines"]["reply_by"] == "2027-01-05T23:59:59+08:00"

    sites.import_(sites.export()["file"])   # headquarters holds the branch's case

    sites.hq.use()
    at_hq = calendar_service.set_calendar_year(sites.hq.admin, 2027, ["2027-01-01", "2027-01-02", "2027-01-03",
                                                                      "2027-01-04"], ["2027-01-09"])
    # the branch's case at headquarters is the branch's to recompute: it comes back with its next export
    assert at_hq["changed"] == []
    sites.hq.use()
    stored = models.Case.get(models.Case.number == number).reply_by
    assert stored.astimezone(ZoneInfo("Asia/Shanghai")).isoformat() == "2027-01-05T23:59:59+08:00"
    export_policy(sites.hq.admin, tmp_path / "calendar.cdpolicy")
    sites.branch.use()
    applied = import_policy_bundle(sites.branch.admin, tmp_path / "calendar.cdpolicy")
    assert applied["status"] == "applied"
    assert applied["deadlines_changed"] == [{"number": number, "deadline": "reply_by",
                                             "before": "2027-01-05T23:59:59+08:00",
                                             "after": "2027-01-06T23:59:59+08:00"}]
    sites.branch.use()
    assert load_policy().arranged_years == [2027]
    view = cases.show_case(sites.branch.admin, number)
    assert view["deadlines"]["reply_by"] == "2027-01-06T23:59:59+08:00"
    assert view["history"][-1]["action"] == "deadlines_recomputed"
    assert view["history"][-1]["after"]["reason"].startswith("headquarters policy")
