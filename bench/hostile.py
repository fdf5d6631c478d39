"""Peak memory while headquarters refuses hostile files from a stick.

``python -m bench.hostile KIND FOLDER`` sets up a headquarters and an enrolled branch in FOLDER, writes one
hostile file there and imports it at headquarters, then prints ``PEAK <KiB> BASE <KiB> <the refusal>``: the
process's peak resident memory after the refusal and before the import (everything the set-up cost). KIND:

- ``unsigned``: a 1 GiB file with a well-formed header naming the branch and a signature that is not the
  branch's (the payload a sparse run of zeros);
- ``bomb``: a bundle signed with the branch's real key (an insider, a stolen key), encrypted to headquarters,
  whose manifest declares 3.9 GiB of tables over a payload of zlib-compressed zeros;
- ``mismatch``: a bundle signed with the branch's real key declaring a 256 MiB payload whose bytes do not match
  the signed hash.
"""
from __future__ import annotations

import os
import resource
import struct
import sys
import zlib
from pathlib import Path

PASSWORD = "bench-pass-1234"
GiB = 1024 ** 3


def peak_kib() -> int:
    """This process's peak resident memory. Linux's VmHWM belongs to the program's own memory; ru_maxrss would
    carry over the peak of the process that started it (a large test runner), which fork and exec keep."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def set_up(folder: Path):
    """(headquarters' database, the branch's signing key, headquarters' public encryption key)."""
    import models
    from app.exchange import keys
    from app.services import auth, setup

    hq, branch = folder / "hq.sqlite3", folder / "branch.sqlite3"
    models.init_db(branch)
    setup.init_database("BJ01", "北京分公司", "admin", PASSWORD)
    keys.ensure_keys()
    keys.write_enrolment(folder / "BJ01.cdenrol")
    signing = keys.signing_key()
    models.init_db(hq)
    setup.init_database("HQ", "集团总部", "admin", PASSWORD, hq=True)
    keys.ensure_keys()
    admin = auth.sign_in("admin", PASSWORD)
    keys.import_enrolment(admin, folder / "BJ01.cdenrol")
    return admin, signing, keys.encryption_key().public_key()


def header(payload: dict, entries: list) -> dict:
    from app.exchange import bundle
    from app.exchange.export import FORMAT_VERSION
    from models import SCHEMA_VERSION

    return {"format": "complaint-desk-bundle", "format_version": FORMAT_VERSION, "schema_version": SCHEMA_VERSION,
            "kind": "data", "bundle_id": bundle.new_bundle_id(), "branch": {"code": "BJ01", "name": "北京分公司"},
            "sequence": 1, "changes": {"after": 0, "to": 1}, "history": {"after": 0, "to": 1},
            "counts": {"case": 1}, "entries": entries, "payload": payload}


def write(path: Path, manifest: dict, sign, payload: bytes | None, payload_size: int) -> Path:
    from app.exchange import bundle

    body = bundle.canonical(manifest)
    signed = bundle.MAGIC + struct.pack(">I", len(body)) + body
    with open(path, "wb") as handle:
        handle.write(signed + sign(signed))
        if payload is not None:
            handle.write(payload)
        else:  # a sparse run of zeros: the file is that large, the disk holds nothing
            handle.truncate(len(signed) + 64 + payload_size)
    return path


def hostile_file(kind: str, folder: Path, signing, recipient) -> Path:
    from app.exchange import bundle

    if kind == "unsigned":
        size = GiB - 4096
        manifest = header({"encryption": bundle.ENCRYPTION, "compression": "zlib", "size": size,
                           "sha256": "0" * 64}, [{"path": "tables/case.json", "size": size, "sha256": "0" * 64}])
        return write(folder / "unsigned.cdbundle", manifest, lambda signed: os.urandom(64), None, size)
    if kind == "bomb":
        bundle_id = bundle.new_bundle_id()
        data = bundle.SUITE.encrypt(zlib.compress(bytes(64 * 1024 * 1024), 9), recipient,
                                    info=b"complaint-desk bundle " + bundle_id.encode("ascii"))
        declared = int(3.9 * GiB)
        manifest = header({"encryption": bundle.ENCRYPTION, "compression": "zlib", "size": len(data),
                           "sha256": bundle.sha256(data)},
                          [{"path": "tables/case.json", "size": declared, "sha256": "0" * 64}])
        manifest["bundle_id"] = bundle_id
        return write(folder / "bomb.cdbundle", manifest, signing.sign, data, len(data))
    if kind == "mismatch":
        size = 256 * 1024 * 1024
        manifest = header({"encryption": bundle.ENCRYPTION, "compression": "zlib", "size": size,
                           "sha256": "0" * 64}, [{"path": "tables/case.json", "size": size, "sha256": "0" * 64}])
        return write(folder / "mismatch.cdbundle", manifest, signing.sign, None, size)
    raise SystemExit(f"unknown kind {kind}")


def main(argv: list[str]) -> int:
    from app import i18n
    from app.errors import DeskError
    from app.exchange import importer

    kind, folder = argv[0], Path(argv[1])
    folder.mkdir(parents=True, exist_ok=True)
    i18n.set_language("en")
    admin, signing, recipient = set_up(folder)
    path = hostile_file(kind, folder, signing, recipient)
    base = peak_kib()
    try:
        importer.import_bundle(admin, path)
    except DeskError as exc:
        print(f"PEAK {peak_kib()} BASE {base} {exc.localized()}", flush=True)
        return 0
    print(f"PEAK {peak_kib()} BASE {base} ACCEPTED", flush=True)
    return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
