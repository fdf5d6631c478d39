"""The bundle file format on its own: signatures, hashes, encryption, refusals and safe writing."""
from __future__ import annotations

import errno
import json
import struct

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from app import i18n
from app.exchange import bundle
from app.exchange.bundle import BundleError, DriveError

SIGNER = Ed25519PrivateKey.generate()
HQ = X25519PrivateKey.generate()
CHINESE = "张伟投诉：理赔款迟迟未到账（京A12345）\n“引号”😀"


def make(entries=None, recipient=HQ.public_key(), header=None):
    entries = entries if entries is not None else [("tables/case.json", CHINESE.encode()), ("tables/user.json", b"[]")]
    return bundle.build(header or {"kind": "data", "bundle_id": "ab" * 16}, entries, SIGNER, recipient)


def roundtrip(tmp_path, data, name="b.cdbundle", key=SIGNER.public_key(), private=HQ):
    path = tmp_path / name
    path.write_bytes(data)
    opened = bundle.read(path)
    bundle.verify(opened, key, "BJ01")
    return bundle.entries(opened, private)


def test_round_trip_keeps_bytes_and_hides_content(tmp_path):
    data = make()
    assert CHINESE.encode() not in data and "张伟".encode() not in data
    assert roundtrip(tmp_path, data) == {"tables/case.json": CHINESE.encode(), "tables/user.json": b"[]"}


def test_unencrypted_policy_style_bundle(tmp_path):
    data = make(recipient=None, header={"kind": "policy"})
    assert roundtrip(tmp_path, data, private=None)["tables/case.json"] == CHINESE.encode()


@pytest.mark.parametrize("cut", [3, 10, 200, -1, -64])
def test_truncated_file_is_refused(tmp_path, cut):
    data = make()
    with pytest.raises(BundleError):
        roundtrip(tmp_path, data[:cut])


def test_truncation_message_is_clear_in_both_languages(tmp_path):
    data = make()
    (tmp_path / "x.cdbundle").write_bytes(data[:-10])
    with pytest.raises(BundleError) as info:
        bundle.read(tmp_path / "x.cdbundle")
    i18n.set_language("en")
    try:
        assert "incomplete" in str(info.value) and "x.cdbundle" in str(info.value)
    finally:
        i18n.set_language("zh_CN")
    assert "不完整" in str(info.value)


def test_every_flipped_bit_position_class_is_refused(tmp_path):
    data = make()
    header_len = len(bundle.MAGIC) + 4
    (manifest_len,) = struct.unpack(">I", data[len(bundle.MAGIC):header_len])
    positions = [0, header_len + 5, header_len + manifest_len // 2, header_len + manifest_len + 3,
                 header_len + manifest_len + 64 + 7, len(data) - 1]
    for position in positions:
        flipped = bytearray(data)
        flipped[position] ^= 0x01
        with pytest.raises(BundleError):
            roundtrip(tmp_path, bytes(flipped))


def test_extra_bytes_after_the_end_are_refused(tmp_path):
    with pytest.raises(BundleError):
        roundtrip(tmp_path, make() + b"\x00")


def test_wrong_signer_and_wrong_recipient(tmp_path):
    data = make()
    with pytest.raises(BundleError, match="签名"):
        roundtrip(tmp_path, data, key=Ed25519PrivateKey.generate().public_key())
    with pytest.raises(BundleError, match="解密"):
        roundtrip(tmp_path, data, private=X25519PrivateKey.generate())


def _resign(data: bytes, mutate) -> bytes:
    """Rewrite the manifest and sign it again with the right key: what a stolen branch key could do."""
    head = len(bundle.MAGIC) + 4
    (size,) = struct.unpack(">I", data[len(bundle.MAGIC):head])
    manifest = json.loads(data[head:head + size])
    payload = data[head + size + 64:]
    mutate(manifest)
    body = bundle.canonical(manifest)
    signed = bundle.MAGIC + struct.pack(">I", len(body)) + body
    return signed + SIGNER.sign(signed) + payload


@pytest.mark.parametrize("evil", ["../../etc/passwd", "/etc/passwd", "tables/../../x", "C:\\x", "a\\..\\b", ""])
def test_entry_path_escaping_the_folder_is_refused_even_when_signed(tmp_path, evil):
    data = _resign(make(), lambda m: m["entries"][0].update(path=evil))
    with pytest.raises(BundleError, match="越出"):
        roundtrip(tmp_path, data)
    with pytest.raises(BundleError):
        bundle.build({}, [(evil, b"x")], SIGNER)


def test_absurd_declared_sizes_are_refused_before_reading(tmp_path):
    huge_payload = _resign(make(), lambda m: m["payload"].update(size=10 ** 12))
    with pytest.raises(BundleError, match="不合理"):
        roundtrip(tmp_path, huge_payload)
    huge_manifest = bundle.MAGIC + struct.pack(">I", 0xFFFFFFF0) + b"{}"
    with pytest.raises(BundleError, match="不合理"):
        roundtrip(tmp_path, huge_manifest)
    huge_entry = _resign(make(), lambda m: m["entries"][0].update(size=10 ** 13))
    with pytest.raises(BundleError, match="不合理"):
        roundtrip(tmp_path, huge_entry)


def test_entry_size_lie_is_refused(tmp_path):
    data = _resign(make(), lambda m: m["entries"][0].update(size=m["entries"][0]["size"] + 1))
    with pytest.raises(BundleError, match="损坏"):
        roundtrip(tmp_path, data)


def test_not_a_bundle(tmp_path):
    with pytest.raises(BundleError, match="不是"):
        roundtrip(tmp_path, b"PK\x03\x04 a zip file")
    with pytest.raises(BundleError):
        roundtrip(tmp_path, b"")


def test_write_safely_never_overwrites_and_leaves_no_part(tmp_path):
    path = bundle.write_file_safely(tmp_path, "A.cdbundle", b"one")
    assert path.read_bytes() == b"one"
    with pytest.raises(DriveError):
        bundle.write_file_safely(tmp_path, "A.cdbundle", b"two")
    assert path.read_bytes() == b"one"
    assert bundle.available_name(tmp_path, "A", ".cdbundle") == "A-2.cdbundle"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["A.cdbundle"]


def test_safe_names_for_fat32():
    assert bundle.safe_name_part("北京/01:a*b") == "01_a_b"
    assert bundle.safe_name_part("分公司") == "X"


@pytest.mark.parametrize("code,word", [(errno.ENOSPC, "已满"), (errno.EIO, "拔出"), (errno.EROFS, "只读")])
def test_full_or_pulled_out_drive_leaves_nothing_complete(tmp_path, monkeypatch, code, word):
    def failing(handle, data):
        handle.write(bytes(data)[: len(data) // 2])
        raise OSError(code, "simulated")

    monkeypatch.setattr(bundle, "_write_all", failing)
    with pytest.raises(DriveError, match=word):
        bundle.write_file_safely(tmp_path, "B.cdbundle", make())
    assert list(tmp_path.iterdir()) == []


def test_failure_at_fsync_also_cleans_up(tmp_path, monkeypatch):
    def failing(fd):
        raise OSError(errno.EIO, "I/O error")

    monkeypatch.setattr(bundle.os, "fsync", failing)
    with pytest.raises(DriveError):
        bundle.write_file_safely(tmp_path, "B.cdbundle", b"data")
    assert list(tmp_path.iterdir()) == []


def test_read_back_mismatch_removes_the_file(tmp_path, monkeypatch):
    monkeypatch.setattr(bundle, "_read_back", lambda path: b"garbage")
    with pytest.raises(DriveError, match="回读"):
        bundle.write_file_safely(tmp_path, "B.cdbundle", b"data")
    assert list(tmp_path.iterdir()) == []


def test_selftest_checks_the_exchange(tmp_path):
    from app.services import selftest

    checks = {c["name"]: c for c in selftest.run(str(tmp_path / "none.sqlite3"))["checks"]}
    assert checks["exchange"]["ok"], checks["exchange"]
