"""Every refusal on a real bundle file, with headquarters' database exactly as it was afterwards."""
from __future__ import annotations

import json
import struct
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

import models
from app import i18n
from app.errors import DeskError
from app.exchange import bundle, keys
from app.exchange.export import collect

from . import helpers


def branch_signing_key(pair) -> Ed25519PrivateKey:
    pair.branch.use()
    return keys.signing_key()


def hq_public(pair):
    pair.hq.use()
    return keys.encryption_key().public_key()


def as_records(table: dict) -> list[dict]:
    """A table entry ({"fields": [...], "columns": [...]}) as one dict per record, easier to change in a test."""
    return [dict(zip(table["fields"], values)) for values in zip(*table["columns"])]


def as_table(records: list[dict]) -> bytes:
    """Records back into a table entry; a field some records lack is a column with None for them."""
    fields = list(dict.fromkeys(name for record in records for name in record))
    return json.dumps({"fields": fields, "columns": [[r.get(name) for r in records] for name in fields]},
                      ensure_ascii=False).encode("utf-8")


def forge(pair, mutate_tables=None, mutate_header=None, recipient=None, signer=None):
    """A bundle built from the branch's real data, changed, then signed with the branch's real key (what a
    stolen key or a buggy branch could produce)."""
    signer = signer or branch_signing_key(pair)
    pair.branch.use()
    header, entries = collect()
    tables = {path: as_records(json.loads(data)) for path, data in entries}
    if mutate_tables:
        mutate_tables(tables)
    if mutate_header:
        mutate_header(header)
    entries = [(path, as_table(records)) for path, records in tables.items()]
    data = bundle.build(header, entries, signer, recipient or hq_public(pair))
    path = pair.stick / f"forged-{header['bundle_id'][:8]}.cdbundle"
    path.write_bytes(data)
    return path


def resign(pair, path, mutate):
    data = path.read_bytes()
    head = len(bundle.MAGIC) + 4
    (size,) = struct.unpack(">I", data[len(bundle.MAGIC):head])
    manifest = json.loads(data[head:head + size])
    mutate(manifest)
    body = bundle.canonical(manifest)
    signed = bundle.MAGIC + struct.pack(">I", len(body)) + body
    out = path.with_name("resigned-" + path.name)
    out.write_bytes(signed + branch_signing_key(pair).sign(signed) + data[head + size + 64:])
    return out


def refused(pair, path, match):
    pair.hq.use()
    before = helpers.dump_all()
    stick_before = sorted(p.name for p in pair.stick.iterdir())
    with pytest.raises(DeskError) as info:
        pair.import_(path)
    pair.hq.use()
    assert helpers.dump_all() == before
    assert sorted(p.name for p in pair.stick.iterdir()) == stick_before  # no receipt for a refused bundle
    i18n.set_language("en")
    english = str(info.value)
    i18n.set_language("zh_CN")
    assert path.name in english or "File not found" in english
    matches = (match,) if isinstance(match, str) else match
    assert any(m in str(info.value) for m in matches), str(info.value)
    return info.value


@pytest.fixture
def exported(sites):
    helpers.populate(sites.branch)
    first = sites.export()
    sites.import_(first["file"])
    helpers.populate(sites.branch, n=5, count=1)
    return sites, Path(sites.export()["file"])


def _pair_and_file(exported):
    return exported


@pytest.mark.parametrize("keep", [5, 12, 100, -1, -100])
def test_truncated(exported, keep):
    pair, path = _pair_and_file(exported)
    cut = path.with_name("cut.cdbundle")
    cut.write_bytes(path.read_bytes()[:keep])
    refused(pair, cut, "不完整" if keep != 5 else "不是")


@pytest.mark.parametrize("where", ["manifest", "signature", "payload", "last"])
def test_bit_flipped(exported, where):
    pair, path = _pair_and_file(exported)
    data = bytearray(path.read_bytes())
    head = len(bundle.MAGIC) + 4
    (size,) = struct.unpack(">I", data[len(bundle.MAGIC):head])
    position = {"manifest": head + size // 2, "signature": head + size + 10, "payload": head + size + 64 + 40,
                "last": len(data) - 1}[where]
    data[position] ^= 0x10
    flipped = path.with_name("flipped.cdbundle")
    flipped.write_bytes(bytes(data))
    refused(pair, flipped, ("签名", "损坏") if where == "manifest" else "签名" if where == "signature" else "损坏")


def test_replayed_older_sequence(exported):
    pair, path = _pair_and_file(exported)
    pair.import_(path)
    older = min(pair.stick.glob("CDESK-BJ01-000001-*.cdbundle"))
    pair.hq.use()
    models.ExchangeBundle.delete().where(models.ExchangeBundle.sequence == 1).execute()  # forget it was seen
    refused(pair, older, "重放")


def test_signed_with_another_key(exported, tmp_path):
    pair, _ = _pair_and_file(exported)
    path = forge(pair, signer=Ed25519PrivateKey.generate())
    refused(pair, path, "签名")


def test_from_a_branch_that_is_not_enrolled(exported, tmp_path):
    pair, _ = _pair_and_file(exported)
    stranger = helpers.make_site(tmp_path / "SH09.sqlite3", "SH09", "陌生分公司")
    helpers.enrol(stranger, pair.hq, tmp_path / "half")  # enrols both ways ...
    pair.hq.use()
    models.ExchangePeer.delete().where(models.ExchangePeer.code == "SH09").execute()  # ... then HQ forgets it
    from app.exchange.export import export_bundle

    stranger.use()
    path = export_bundle(stranger.admin, pair.stick)["file"]
    refused(pair, Path(path), "未登记")


def test_encrypted_for_another_headquarters(exported):
    pair, _ = _pair_and_file(exported)
    refused(pair, forge(pair, recipient=X25519PrivateKey.generate().public_key()), "解密")


@pytest.mark.parametrize("evil", ["../../outside.json", "/etc/passwd", "tables/../../x.json", "..\\x"])
def test_entry_path_escaping_the_folder(exported, evil):
    pair, path = _pair_and_file(exported)
    refused(pair, resign(pair, path, lambda m: m["entries"][0].update(path=evil)), "越出")


@pytest.mark.parametrize("what", ["payload", "entry", "manifest"])
def test_absurd_declared_size(exported, what):
    pair, path = _pair_and_file(exported)
    if what == "manifest":
        huge = path.with_name("huge.cdbundle")
        huge.write_bytes(bundle.MAGIC + struct.pack(">I", 2 ** 31) + b"{}")
    elif what == "payload":
        huge = resign(pair, path, lambda m: m["payload"].update(size=2 ** 40))
    else:
        huge = resign(pair, path, lambda m: m["entries"][0].update(size=2 ** 40))
    refused(pair, huge, "不合理")


def test_record_of_another_branch(exported):
    pair, _ = _pair_and_file(exported)
    pair.hq.use()
    hq_uuid = models.Branch.get(models.Branch.is_local == True).uuid  # noqa: E712

    def steal(tables):
        tables["tables/case.json"][0]["branch"] = hq_uuid

    refused(pair, forge(pair, steal), "其他机构")


def test_unknown_field_refuses_the_bundle(exported):
    pair, _ = _pair_and_file(exported)
    refused(pair, forge(pair, lambda t: t["tables/case.json"][0].update(secret="x")), "不符")


BAD_CASE_VALUES = [
    ("complainant_count", "三"), ("complainant_count", 2 ** 40), ("complainant_count", 2 ** 31),
    ("amount_value", "1e20"), ("amount_value", "-5000.00"), ("amount_value", "9999.995"),
    ("summary", "零\x00字节"), ("complainant_name", "响\x07铃"), ("mobile", "1" * 21),
    ("received_at", "2026-11-20T09:15:00"), ("received_at", "0001-01-01 00:00:00.000000"),
    ("state", "pwned"), ("kind", "nonsense"), ("content", "长" * 1_000_000),
]


@pytest.mark.parametrize("field, value", BAD_CASE_VALUES)
def test_a_bad_value_in_a_signed_bundle_is_quarantined_and_the_rest_imports(exported, field, value):
    """An insider's bundle (the branch's real key) with one case holding a value the desk never accepts: that case
    and what refers to it are kept aside with the field named, the other records import, the receipt names it,
    and the next genuine bundle imports as usual."""
    pair, _ = _pair_and_file(exported)
    bad = {}

    def spoil(tables):
        record = tables["tables/case.json"][-1]  # a case headquarters does not have yet
        record[field] = value
        bad["uuid"] = record["uuid"]
        bad["others"] = [r["uuid"] for r in tables["tables/case.json"][:-1]]

    result = pair.import_(forge(pair, spoil))
    assert result["status"] == "imported"
    assert [(r["table"], r["uuid"], r["field"]) for r in result["refused"]] == [("case", bad["uuid"], field)]
    assert result["counts"]["refused"] == 1
    pair.hq.use()
    assert models.Case.get_or_none(models.Case.uuid == bad["uuid"]) is None
    assert all(models.Case.get_or_none(models.Case.uuid == uuid) for uuid in bad["others"])
    held = models.ExchangeConflict.get(models.ExchangeConflict.uuid == bad["uuid"])
    assert held.reason == f"invalid:{field}" and held.incoming["field"] == field
    # what refers to the refused case waits with it, never half-applied
    waiting = models.ExchangeConflict.select().where(models.ExchangeConflict.reason == "depends_on_conflict")
    assert waiting.count() >= 1
    from app.exchange.importer import quarantine_list

    listed = quarantine_list("BJ01")
    assert [(item["uuid"], item["field"]) for item in listed] == [(bad["uuid"], field)]
    assert listed[0]["problem"]
    from app.services.exchange import quarantined

    pair.hq.use()
    assert quarantined(pair.hq.admin) == listed
    receipt = bundle.read(Path(result["receipt"]), payload=False).manifest
    assert [(r["uuid"], r["field"]) for r in receipt["refused"]] == [(bad["uuid"], field)]


def test_a_corrected_version_supersedes_the_quarantined_one(exported):
    pair, _ = _pair_and_file(exported)
    spoilt = {}

    def spoil(tables):
        record = tables["tables/case.json"][-1]
        record["complainant_count"] = 2 ** 31
        spoilt["uuid"] = record["uuid"]

    first = pair.import_(forge(pair, spoil))
    assert [r["uuid"] for r in first["refused"]] == [spoilt["uuid"]]

    def corrected(tables):
        for record in tables["tables/case.json"]:
            if record["uuid"] == spoilt["uuid"]:
                record["complainant_count"] = 40
                record["change_no"] += 1000

    second = pair.import_(forge(pair, corrected, mutate_header=lambda h: h.update(sequence=h["sequence"] + 1)))
    assert second["status"] == "imported" and second["refused"] == []
    pair.hq.use()
    assert models.Case.get(models.Case.uuid == spoilt["uuid"]).complainant_count == 40
    from app.exchange.importer import quarantine_list

    assert quarantine_list("BJ01") == []


def test_a_sequence_far_ahead_is_refused_so_genuine_bundles_still_import(exported):
    pair, path = _pair_and_file(exported)
    refused(pair, forge(pair, mutate_header=lambda h: h.update(sequence=2 ** 62)), "序号")
    refused(pair, forge(pair, mutate_header=lambda h: h.update(sequence=h["sequence"] + 1_000_000)), "序号")
    assert pair.import_(path)["status"] == "imported"


def test_reference_to_a_record_headquarters_does_not_have(exported):
    pair, _ = _pair_and_file(exported)
    refused(pair, forge(pair, lambda t: t["tables/contact_attempt.json"][-1].update(case="0" * 32)), "full")


def test_newer_schema(exported):
    pair, _ = _pair_and_file(exported)
    refused(pair, forge(pair, mutate_header=lambda h: h.update(schema_version=99)), "更新版本")


def test_receipt_or_policy_given_as_a_data_bundle(exported):
    pair, path = _pair_and_file(exported)
    result = pair.import_(path)
    refused(pair, Path(result["receipt"]), "回执")


def test_not_a_bundle_at_all(exported):
    pair, _ = _pair_and_file(exported)
    text = pair.stick / "notes.txt"
    text.write_text("客户名单", encoding="utf-8")
    refused(pair, text, "不是")
    refused(pair, pair.stick / "missing.cdbundle", "找不到文件")


def test_a_table_missing_from_the_payload(exported):
    pair, _ = _pair_and_file(exported)
    refused(pair, forge(pair, lambda t: t.pop("tables/print_record.json")), "损坏")


def test_a_bundle_of_the_older_format(exported):
    pair, _ = _pair_and_file(exported)
    refused(pair, forge(pair, mutate_header=lambda h: h.update(format_version=1)), ("旧版", "重新导出"))


def test_a_history_row_seen_again_with_other_content_is_kept_aside(exported):
    pair, _ = _pair_and_file(exported)
    pair.hq.use()
    known = {h.uuid: h.actor for h in models.History.select().where(models.History.origin == "BJ01")}
    altered = {}

    def rewrite(tables):
        for row in tables["tables/history.json"]:
            if row["uuid"] in known and not altered:
                row["actor"] = "篡改者"
                altered[row["uuid"]] = row

    result = pair.import_(forge(pair, rewrite))
    assert result["status"] == "imported" and altered
    assert result["tables"]["history"]["conflicts"] == 1
    assert result["tables"]["history"]["identical"] == len(known) - 1
    pair.hq.use()
    (uuid,) = altered
    assert models.History.get(models.History.uuid == uuid).actor == known[uuid]  # never applied
    conflict = models.ExchangeConflict.get(models.ExchangeConflict.uuid == uuid)
    assert conflict.reason == "history_changed" and conflict.incoming["actor"] == "篡改者"
