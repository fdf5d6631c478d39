"""Password-sealed backups 加密备份: a copy of the database carried on a USB stick, readable only with its password.

A lost stick must not give away customers' names, mobiles and addresses (PIPL), and a backup exists for the day the
computer is lost, so its key cannot live on the computer: it comes from a password the branch keeps on paper.

Layout: MAGIC (8 bytes) | header length (4, big-endian) | header (UTF-8 JSON: format, the scrypt parameters and
salt, the chunk size, the nonce prefix) | chunks, each a length (4) and the AES-256-GCM ciphertext and tag of up to
``chunk`` bytes of the database file. The key is scrypt(password, salt). Chunk i is sealed with the nonce
prefix | i and, as associated data, the header and whether it is the last chunk, so that a wrong password, a
changed header, a chunk altered, moved or dropped, or a file cut off anywhere all fail before anything is used.
"""
from __future__ import annotations

import json
import os
import struct
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from app import i18n
from app.errors import DeskError

i18n.register({
    "{file} is not a password-protected backup.": "{file} 不是加密备份。",
    "{file} is protected by a password: give the backup password.": "{file} 已加密：请提供备份密码。",
    "Wrong backup password for {file}, or the file was altered.": "{file} 的备份密码不正确，或文件已被改动。",
    "{file} is incomplete: it was cut off while being copied; copy it again.":
        "{file} 不完整：复制时被中断，请重新复制。",
    "The backup password must have at least {n} characters.": "备份密码至少需要 {n} 个字符。",
})

MAGIC = b"CDESKBK\x01"
SUFFIX = ".cdbackup"
CHUNK = 1 << 20
MIN_PASSWORD = 8
_LENGTH = struct.Struct(">I")
_MAX_HEADER = 4096
_cost = {"n": 2 ** 15, "r": 8, "p": 1}  # about 32 MiB and a tenth of a second


class SealError(DeskError):
    pass


def use_cost(n: int) -> None:
    """Tests: a cheaper scrypt (the stored header says which cost a file was sealed with)."""
    _cost["n"] = n


def is_sealed(path: str | Path) -> bool:
    try:
        with open(path, "rb") as handle:
            return handle.read(len(MAGIC)) == MAGIC
    except OSError:
        return False


def check_password(password: str) -> None:
    if len(password or "") < MIN_PASSWORD:
        raise SealError("The backup password must have at least {n} characters.", n=MIN_PASSWORD)


def _key(password: str, header: dict) -> bytes:
    return Scrypt(salt=bytes.fromhex(header["salt"]), length=32, n=header["n"], r=header["r"],
                  p=header["p"]).derive(password.encode("utf-8"))


def _nonce(header: dict, index: int) -> bytes:
    return bytes.fromhex(header["nonce"]) + struct.pack(">I", index)


def seal(source: Path, handle, password: str, progress=None) -> None:
    """Write ``source`` sealed with ``password`` to the open binary ``handle``."""
    check_password(password)
    header = {"format": "complaint-desk-sealed-backup", "version": 1, "kdf": "scrypt", **_cost,
              "salt": os.urandom(16).hex(), "chunk": CHUNK, "nonce": os.urandom(8).hex()}
    encoded = json.dumps(header, sort_keys=True).encode("utf-8")
    aead = AESGCM(_key(password, header))
    handle.write(MAGIC + _LENGTH.pack(len(encoded)) + encoded)
    total = Path(source).stat().st_size
    with open(source, "rb") as plain:
        index, done, block = 0, 0, plain.read(CHUNK)
        while True:
            following = plain.read(CHUNK)
            last = not following
            sealed = aead.encrypt(_nonce(header, index), block, encoded + (b"\x01" if last else b"\x00"))
            handle.write(_LENGTH.pack(len(sealed)) + sealed)
            done += len(block)
            if progress is not None:
                progress(done, total)
            if last:
                return
            index, block = index + 1, following


def unseal(source: Path, target: Path | None, password: str) -> None:
    """Write the database sealed in ``source`` to ``target`` (None: only check that it opens whole); SealError
    (and nothing left at ``target``) when the password is wrong or the file is not whole."""
    name = Path(source).name
    with open(source, "rb") as handle:
        head = handle.read(len(MAGIC) + _LENGTH.size)
        if head[:len(MAGIC)] != MAGIC:
            raise SealError("{file} is not a password-protected backup.", file=name)
        if len(head) < len(MAGIC) + _LENGTH.size:
            raise SealError("{file} is incomplete: it was cut off while being copied; copy it again.", file=name)
        (size,) = _LENGTH.unpack(head[len(MAGIC):])
        encoded = handle.read(min(size, _MAX_HEADER))
        try:
            header = json.loads(encoded.decode("utf-8"))
            aead = AESGCM(_key(password, header))
            chunk = int(header["chunk"])
        except (ValueError, KeyError, TypeError, UnicodeDecodeError):
            raise SealError("{file} is incomplete: it was cut off while being copied; copy it again.",
                            file=name) from None
        try:
            with (open(target, "wb") if target is not None else _Discard()) as out:
                index = 0
                while True:
                    length = handle.read(_LENGTH.size)
                    if len(length) < _LENGTH.size:  # the end came before the last chunk
                        raise SealError("{file} is incomplete: it was cut off while being copied; copy it again.",
                                        file=name)
                    (n,) = _LENGTH.unpack(length)
                    sealed = handle.read(min(n, chunk + 16))
                    for flag in (b"\x00", b"\x01"):
                        try:
                            out.write(aead.decrypt(_nonce(header, index), sealed, encoded + flag))
                            break
                        except InvalidTag:
                            continue
                    else:
                        if len(sealed) < n:
                            raise SealError("{file} is incomplete: it was cut off while being copied; copy it "
                                            "again.", file=name)
                        raise SealError("Wrong backup password for {file}, or the file was altered.", file=name)
                    if flag == b"\x01":
                        if handle.read(1):
                            raise SealError("Wrong backup password for {file}, or the file was altered.", file=name)
                        return
                    index += 1
        except BaseException:
            if target is not None:
                Path(target).unlink(missing_ok=True)
            raise


class _Discard:
    """A file that keeps nothing (reading a sealed backup back only to check it)."""

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

    def write(self, data: bytes) -> int:
        return len(data)
