"""The bundle file format 数据包格式 and safe writing to a removable drive. Independent of the models.

A bundle is one file::

    MAGIC (8 bytes) | manifest length (4 bytes, big-endian) | manifest (UTF-8 JSON) | Ed25519 signature (64) | payload

The signature covers everything before it. The manifest says what the payload is (size, SHA-256, encryption,
compression) and lists its entries (path, size, SHA-256 of the plain bytes), so a reader checks the signature,
then the payload's size and hash, and only then decrypts. The payload of a data bundle is encrypted with HPKE
(RFC 9180: X25519, HKDF-SHA256, AES-256-GCM, from ``cryptography``) to headquarters' public key, the info
string binding it to the bundle id; receipts and policy bundles are signed but not secret (no encryption).
Entries are concatenated in manifest order (zlib-compressed before encryption, see ``Payload``).
"""
from __future__ import annotations

import errno
import hashlib
import io
import json
import os
import re
import struct
import uuid as _uuid
import zlib
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePosixPath

from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives import hpke

from app import i18n
from app.errors import InvalidInput, NotFound, RuleViolation
from app.records.safefile import fsync_folder, rename as rename_retrying

MAGIC = b"CDESKBX\x01"
_LENGTH = struct.Struct(">I")
SIGNATURE_SIZE = 64
MAX_MANIFEST = 4 * 1024 * 1024
MAX_PAYLOAD = 1024 * 1024 * 1024  # 1 GiB on the stick
MAX_PLAIN = 4 * 1024 * 1024 * 1024  # 4 GiB once decompressed: the hard ceiling
# A table compresses 2-8 times (zlib level 1); a declared size beyond 32 times the compressed payload (and a
# margin for tiny bundles) is a decompression bomb, refused before anything is decrypted or inflated
MAX_RATIO = 32
RATIO_MARGIN = 16 * 1024 * 1024
MAX_ENTRIES = 512
ENCRYPTION = "hpke-x25519-hkdf_sha256-aes_256_gcm"
SUITE = hpke.Suite(hpke.KEM.X25519, hpke.KDF.HKDF_SHA256, hpke.AEAD.AES_256_GCM)
CHUNK = 1024 * 1024

_ENTRY_PART = re.compile(r"^[a-z0-9_][a-z0-9_.-]{0,63}$")
_SAFE_NAME = re.compile(r"[^A-Za-z0-9_-]+")

i18n.register({
    "{file} is not a Complaint Desk bundle.": "{file} 不是投诉台数据包。",
    "{file} is incomplete ({size} of {expected} bytes): it was cut off while being copied; copy it again.":
        "{file} 不完整（{size}/{expected} 字节）：复制时被中断，请重新复制。",
    "{file} has extra data after its end: it was altered and is refused.": "{file} 末尾有多余数据：文件已被改动，拒绝导入。",
    "{file} declares an absurd size ({size} bytes, at most {limit} allowed): it is refused.":
        "{file} 声明的大小不合理（{size} 字节，最多允许 {limit}）：拒绝导入。",
    "{file} is damaged: its manifest cannot be read.": "{file} 已损坏：清单无法读取。",
    "{file} has a bad signature: it was altered or was not made by {signer}; it is refused.":
        "{file} 签名无效：文件已被改动或并非 {signer} 所制作，拒绝导入。",
    "{file} is damaged: its content does not match the signed hashes; copy it again.":
        "{file} 已损坏：内容与签名的哈希值不符，请重新复制。",
    "{file} contains an entry path that leaves its folder ({entry}): it is refused.":
        "{file} 含有越出所在目录的条目路径（{entry}）：拒绝导入。",
    "{file} cannot be decrypted with this headquarters' key: was it made for another headquarters?":
        "{file} 无法用本总部的密钥解密：是否是发给其他总部的数据包？",
    "{file} is a {kind} file, not a {expected} file.": "{file} 是{kind}文件，而不是{expected}文件。",
    "File not found: {path}": "找不到文件：{path}",
    "Cannot read {path}: {error}": "无法读取 {path}：{error}",
    "The drive is full: nothing was written to {folder}. Free at least {size} or use another drive, then try again.":
        "磁盘已满：未向 {folder} 写入任何内容。请至少腾出 {size} 空间或换一个U盘后重试。",
    "The drive {folder} is read-only: nothing was written. Unlock or replace it, then try again.":
        "{folder} 为只读：未写入任何内容。请解除写保护或换一个U盘后重试。",
    "The folder {folder} does not exist: is the drive plugged in?": "文件夹 {folder} 不存在：U盘是否已插好？",
    "Writing to {folder} failed ({error}): the drive may have been pulled out. Nothing usable was left on it; plug it in again and retry.":
        "写入 {folder} 失败（{error}）：U盘可能已被拔出。其中没有留下可用的文件；请重新插入后重试。",
    "The file written to {folder} reads back differently: the drive is faulty. The file was removed; use another drive.":
        "写入 {folder} 的文件回读不一致：U盘有故障。该文件已删除，请换一个U盘。",
    "{path} already exists and is never overwritten: choose another name.": "{path} 已存在，不会覆盖：请换一个文件名。",
})


class BundleError(InvalidInput):
    """A bundle, receipt or policy file that is refused: damaged, altered, replayed or not ours."""


class DriveError(RuleViolation):
    """Writing to the removable drive failed; nothing that looks complete was left behind."""


def canonical(document) -> bytes:
    return json.dumps(document, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def new_bundle_id() -> str:
    return _uuid.uuid4().hex


def _info(manifest: dict) -> bytes:
    return b"complaint-desk bundle " + str(manifest.get("bundle_id", "")).encode("ascii", "replace")


def check_entry_path(path, file: str) -> str:
    """An entry path is relative, '/'-separated, with plain lowercase parts: nothing can leave the folder."""
    if not isinstance(path, str) or not path or "\\" in path or ":" in path or "\x00" in path:
        raise BundleError("{file} contains an entry path that leaves its folder ({entry}): it is refused.",
                          file=file, entry=repr(path))
    pure = PurePosixPath(path)
    parts = path.split("/")
    if pure.is_absolute() or len(parts) > 4 or any(p in ("", ".", "..") or not _ENTRY_PART.match(p) for p in parts):
        raise BundleError("{file} contains an entry path that leaves its folder ({entry}): it is refused.",
                          file=file, entry=path)
    return path


# --- building ------------------------------------------------------------------------------------------------


class Payload:
    """The entries of a bundle as they are produced: each one hashed and (for an encrypted bundle) compressed in a
    background thread while the caller makes the next one. zlib and hashlib release the interpreter lock on large
    buffers, so an export reads and encodes the next table on one core while the last one is compressed on the
    other; the plain bytes are let go as soon as they are compressed."""

    def __init__(self, *, compress: bool):
        self.compress = compress
        self._deflate = zlib.compressobj(1) if compress else None  # level 1: a third of level 6's time, 10% larger
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="bundle-payload")  # in order
        self._listed: list = []
        self._parts: list[bytes] = []

    @classmethod
    def of(cls, entries: list[tuple[str, bytes]], *, compress: bool) -> "Payload":
        payload = cls(compress=compress)
        for path, data in entries:
            payload.add(path, data)
        return payload

    def add(self, path: str, data: bytes) -> None:
        check_entry_path(path, "bundle")
        self._listed.append(self._pool.submit(self._take, path, data))

    def _take(self, path: str, data: bytes) -> dict:
        view = memoryview(data)
        for start in range(0, len(view), CHUNK * 8):  # in pieces: the caller's thread gets the lock in between
            self._parts.append(self._deflate.compress(view[start:start + CHUNK * 8]) if self._deflate else
                               bytes(view[start:start + CHUNK * 8]))
        return {"path": path, "size": len(data), "sha256": sha256(data)}

    def close(self) -> None:
        """Give up (the export failed or was cancelled): drop what is waiting."""
        self._pool.shutdown(cancel_futures=True)
        self._parts.clear()

    def finish(self) -> tuple[list[dict], bytes]:
        """(the manifest's entry list, the payload bytes: compressed if asked, not yet encrypted)."""
        try:
            listed = [future.result() for future in self._listed]
        finally:
            self._pool.shutdown()
        if self._deflate is not None:
            self._parts.append(self._deflate.flush())
        return listed, b"".join(self._parts)


def build(header: dict, entries: "list[tuple[str, bytes]] | Payload", signing_key, recipient=None) -> bytes:
    """A complete bundle: ``header`` (kind, branch, ids...) plus the entry list and payload description, signed
    with ``signing_key`` (Ed25519); the payload is encrypted to ``recipient`` (X25519 public key) if given, and
    then compressed first. ``entries``: (path, bytes) pairs, or a ``Payload`` filled while they were made."""
    encrypted = recipient is not None
    payload = entries if isinstance(entries, Payload) else Payload.of(entries, compress=encrypted)
    assert payload.compress == encrypted  # an encrypted payload is compressed, a plain one is not
    manifest = dict(header)
    manifest["entries"], data = payload.finish()
    if encrypted:
        data = SUITE.encrypt(data, recipient, info=_info(manifest))
        manifest["payload"] = {"encryption": ENCRYPTION, "compression": "zlib"}
    else:
        manifest["payload"] = {"encryption": "none", "compression": "none"}
    manifest["payload"].update(size=len(data), sha256=sha256(data))
    body = canonical(manifest)
    signed = MAGIC + _LENGTH.pack(len(body)) + body
    return signed + signing_key.sign(signed) + data


# --- reading -------------------------------------------------------------------------------------------------


@dataclass
class Opened:
    """A bundle read from disk whose structure is sound; ``verify`` before trusting anything in it."""

    file: str
    manifest: dict
    signed: bytes
    signature: bytes
    payload: bytes
    verified: bool = field(default=False)
    known_digest: str | None = field(default=None)
    # read from a file: the payload stays on disk (``payload`` empty) until ``load_payload`` streams it in, after
    # the signature has been checked
    source: str | None = field(default=None)
    payload_size: int = field(default=0)

    @property
    def digest(self) -> str:
        if self.known_digest is None:
            if self.source is not None and not self.payload:
                load_payload(self, keep=False)
            else:
                self.known_digest = sha256(self.signed + self.signature + self.payload)
        return self.known_digest

    def without_payload(self) -> "Opened":
        """The same bundle once its payload has been read (``entries``): its digest kept, its bytes dropped."""
        return replace(self, payload=b"", known_digest=self.digest)


def read(path: str | Path, *, max_payload: int = MAX_PAYLOAD, payload: bool = True) -> Opened:
    """Read a bundle's structure: magic, declared sizes against the real file size, the manifest JSON and the
    signature; the payload stays on disk until ``entries`` needs it, after ``verify`` (so a file of any size
    that is not signed costs its first few megabytes). With ``payload=False`` only the manifest is read (for a
    first look, never to import)."""
    path = Path(path)
    try:
        with open(path, "rb") as handle:
            opened = _structure(handle, os.fstat(handle.fileno()).st_size, path.name, max_payload,
                                "lazy" if payload else "header")
            if payload:
                opened.source = str(path)
            return opened
    except FileNotFoundError:
        raise NotFound("File not found: {path}", path=str(path)) from None
    except IsADirectoryError:
        raise BundleError("{file} is not a Complaint Desk bundle.", file=path.name) from None
    except OSError as exc:
        raise BundleError("Cannot read {path}: {error}", path=str(path), error=exc.strerror or str(exc)) from None


def parse(data: bytes, file: str) -> Opened:
    """``read`` for a bundle already in memory (``file`` names it in messages)."""
    return _structure(io.BytesIO(data), len(data), file, MAX_PAYLOAD, "whole")


def _structure(handle, size: int, file: str, max_payload: int, mode: str) -> Opened:
    """``mode``: "header" (the manifest only), "lazy" (and the signature, the payload left in the file) or
    "whole" (everything, for a bundle already in memory)."""
    head = handle.read(len(MAGIC) + _LENGTH.size)
    if len(head) < len(MAGIC) or head[:len(MAGIC)] != MAGIC:
        raise BundleError("{file} is not a Complaint Desk bundle.", file=file)
    if len(head) < len(MAGIC) + _LENGTH.size:
        raise BundleError("{file} is incomplete ({size} of {expected} bytes): it was cut off while being "
                          "copied; copy it again.", file=file, size=size, expected="?")
    (manifest_size,) = _LENGTH.unpack(head[len(MAGIC):])
    if manifest_size > MAX_MANIFEST:
        raise BundleError("{file} declares an absurd size ({size} bytes, at most {limit} allowed): it is "
                          "refused.", file=file, size=manifest_size, limit=MAX_MANIFEST)
    body = handle.read(manifest_size)
    if len(body) < manifest_size:
        raise BundleError("{file} is incomplete ({size} of {expected} bytes): it was cut off while being "
                          "copied; copy it again.", file=file, size=size, expected="?")
    try:
        manifest = json.loads(body.decode("utf-8"))
        payload_info = manifest["payload"]
        payload_size = payload_info["size"]
        if not isinstance(manifest, dict) or not isinstance(payload_size, int) or payload_size < 0:
            raise ValueError
    except (ValueError, KeyError, TypeError, UnicodeDecodeError):
        raise BundleError("{file} is damaged: its manifest cannot be read.", file=file) from None
    if payload_size > max_payload:
        raise BundleError("{file} declares an absurd size ({size} bytes, at most {limit} allowed): it is "
                          "refused.", file=file, size=payload_size, limit=max_payload)
    expected = len(head) + manifest_size + SIGNATURE_SIZE + payload_size
    if size < expected:
        raise BundleError("{file} is incomplete ({size} of {expected} bytes): it was cut off while being "
                          "copied; copy it again.", file=file, size=size, expected=expected)
    if size > expected:
        raise BundleError("{file} has extra data after its end: it was altered and is refused.", file=file)
    if mode == "header":
        return Opened(file=file, manifest=manifest, signed=head + body, signature=b"", payload=b"")
    signature = handle.read(SIGNATURE_SIZE)
    if mode == "lazy":
        if len(signature) != SIGNATURE_SIZE:
            raise BundleError("{file} is incomplete ({size} of {expected} bytes): it was cut off while being "
                              "copied; copy it again.", file=file, size=size, expected=expected)
        return Opened(file=file, manifest=manifest, signed=head + body, signature=signature, payload=b"",
                      payload_size=payload_size)
    payload = handle.read(payload_size)
    if len(signature) != SIGNATURE_SIZE or len(payload) != payload_size:
        raise BundleError("{file} is incomplete ({size} of {expected} bytes): it was cut off while being "
                          "copied; copy it again.", file=file, size=size, expected=expected)
    return Opened(file=file, manifest=manifest, signed=head + body, signature=signature, payload=payload)


def expect_kind(opened: Opened, kind: str, names: dict[str, str] | None = None) -> None:
    actual = opened.manifest.get("kind")
    if actual != kind:
        names = names or {}
        raise BundleError("{file} is a {kind} file, not a {expected} file.", file=opened.file,
                          kind=names.get(actual, str(actual)), expected=names.get(kind, kind))


def verify(opened: Opened, public_key, signer: str) -> None:
    """Check the Ed25519 signature with ``public_key``, then the entry list's shape and limits."""
    try:
        public_key.verify(opened.signature, opened.signed)
    except InvalidSignature:
        raise BundleError("{file} has a bad signature: it was altered or was not made by {signer}; it is refused.",
                          file=opened.file, signer=signer) from None
    entries = opened.manifest.get("entries")
    payload = opened.manifest["payload"]
    if (not isinstance(entries, list) or len(entries) > MAX_ENTRIES or not isinstance(payload, dict)
            or payload.get("encryption") not in (ENCRYPTION, "none")
            or payload.get("compression") not in ("zlib", "none") or not isinstance(payload.get("sha256"), str)):
        raise BundleError("{file} is damaged: its manifest cannot be read.", file=opened.file)
    total = 0
    seen = set()
    for entry in entries:
        if not isinstance(entry, dict):
            raise BundleError("{file} is damaged: its manifest cannot be read.", file=opened.file)
        path = check_entry_path(entry.get("path"), opened.file)
        size = entry.get("size")
        if not isinstance(size, int) or size < 0 or not isinstance(entry.get("sha256"), str) or path in seen:
            raise BundleError("{file} is damaged: its manifest cannot be read.", file=opened.file)
        seen.add(path)
        total += size
    limit = MAX_PLAIN
    if payload.get("compression") == "zlib":  # what the signed sizes may claim for a payload of this size
        limit = min(MAX_PLAIN, MAX_RATIO * int(payload.get("size") or 0) + RATIO_MARGIN)
    elif payload.get("encryption") == "none":
        limit = min(MAX_PLAIN, int(payload.get("size") or 0))
    if total > limit:
        raise BundleError("{file} declares an absurd size ({size} bytes, at most {limit} allowed): it is refused.",
                          file=opened.file, size=total, limit=limit)
    opened.verified = True


def load_payload(opened: Opened, *, keep: bool = True) -> None:
    """Stream the payload of a bundle read from a file against its signed SHA-256 (computing the bundle's digest
    on the way) in chunks of a few megabytes, and only when it matches read it into one buffer of the declared
    size (hashed again as it is read, so a file changed in between is refused too). A payload that does not
    match is refused before it is decrypted, inflated or parsed, having cost a few megabytes of memory whatever
    its size. ``keep=False``: only the digest is wanted."""
    digest, matches = _stream_payload(opened, None)
    opened.known_digest = digest
    if not keep:
        return
    if not matches:
        raise BundleError("{file} is damaged: its content does not match the signed hashes; copy it again.",
                          file=opened.file)
    buffer = bytearray(opened.payload_size)
    again, matches = _stream_payload(opened, buffer)
    if again != digest or not matches:
        raise BundleError("{file} is damaged: its content does not match the signed hashes; copy it again.",
                          file=opened.file)
    opened.payload = buffer


def _stream_payload(opened: Opened, into: bytearray | None) -> tuple[str, bool]:
    """(the bundle's digest, whether the payload matches its signed hash), reading the payload from the file in
    chunks (into ``into`` when given, else through one scratch chunk)."""
    size = opened.payload_size
    plain, whole = hashlib.sha256(), hashlib.sha256(opened.signed + opened.signature)
    step = CHUNK * 4
    view = memoryview(into) if into is not None else memoryview(bytearray(min(step, max(size, 1))))
    done = 0
    try:
        with open(opened.source, "rb") as handle:
            handle.seek(len(opened.signed) + SIGNATURE_SIZE)
            while done < size:
                target = view[done:done + step] if into is not None else view[:min(step, size - done)]
                got = handle.readinto(target)
                if not got:
                    break
                plain.update(target[:got])
                whole.update(target[:got])
                done += got
            extra = handle.read(1)
    except OSError as exc:
        raise BundleError("Cannot read {path}: {error}", path=str(opened.source),
                          error=exc.strerror or str(exc)) from None
    if done != size or extra:
        raise BundleError("{file} is damaged: its content does not match the signed hashes; copy it again.",
                          file=opened.file)
    return whole.hexdigest(), plain.hexdigest() == opened.manifest["payload"]["sha256"]


def entries(opened: Opened, private_key=None) -> dict[str, bytes]:
    """The payload's entries, after checking its hash, decrypting and checking every entry's hash."""
    assert opened.verified, "verify() first"
    manifest = opened.manifest
    info = manifest["payload"]
    if opened.source is not None and not opened.payload and opened.payload_size:
        load_payload(opened)  # streamed and hashed: refused here if it does not match the signed hash
    elif sha256(opened.payload) != info["sha256"]:
        raise BundleError("{file} is damaged: its content does not match the signed hashes; copy it again.",
                          file=opened.file)
    listed = manifest["entries"]
    total = sum(e["size"] for e in listed)
    data = opened.payload
    if info["encryption"] == ENCRYPTION:
        if private_key is None:
            raise BundleError("{file} cannot be decrypted with this headquarters' key: was it made for another "
                              "headquarters?", file=opened.file)
        try:
            data = SUITE.decrypt(data, private_key, info=_info(manifest))
        except (InvalidTag, ValueError):
            raise BundleError("{file} cannot be decrypted with this headquarters' key: was it made for another "
                              "headquarters?", file=opened.file) from None
    if info["compression"] == "zlib":
        inflater = zlib.decompressobj()
        try:
            plain = inflater.decompress(data, total + 1)
        except zlib.error:
            raise BundleError("{file} is damaged: its content does not match the signed hashes; copy it again.",
                              file=opened.file) from None
        if len(plain) > total or inflater.unconsumed_tail or not inflater.eof:
            raise BundleError("{file} is damaged: its content does not match the signed hashes; copy it again.",
                              file=opened.file)
        data = plain
    if len(data) != total:
        raise BundleError("{file} is damaged: its content does not match the signed hashes; copy it again.",
                          file=opened.file)
    result, offset = {}, 0
    for entry in listed:
        chunk = data[offset:offset + entry["size"]]
        offset += entry["size"]
        if sha256(chunk) != entry["sha256"]:
            raise BundleError("{file} is damaged: its content does not match the signed hashes; copy it again.",
                              file=opened.file)
        result[entry["path"]] = bytes(chunk) if isinstance(chunk, bytearray) else chunk
    return result


# --- writing to a removable drive -----------------------------------------------------------------------------


def safe_name_part(text: str) -> str:
    """A piece of a file name that FAT32 and exFAT accept everywhere: ASCII letters, digits, '_' and '-'."""
    return _SAFE_NAME.sub("_", text).strip("_")[:40] or "X"


def available_name(folder: Path, stem: str, suffix: str) -> str:
    """``stem + suffix``, or ``stem-2 + suffix``... so that an older file is never overwritten (case-insensitive,
    as on FAT32)."""
    try:
        taken = {p.name.lower() for p in folder.iterdir()}
    except OSError:
        taken = set()
    n = 1
    while True:
        name = f"{stem}{'' if n == 1 else f'-{n}'}{suffix}"
        if name.lower() not in taken and (name + ".part").lower() not in taken:
            return name
        n += 1


def _write_all(handle, data: bytes) -> None:
    view = memoryview(data)
    for start in range(0, len(view), CHUNK):
        handle.write(view[start:start + CHUNK])


def _human(size: int) -> str:
    for unit in ("B", "KB", "MB", "GB"):
        if size < 1024 or unit == "GB":
            return f"{size:.0f} {unit}" if unit == "B" else f"{size:.1f} {unit}"
        size /= 1024


def _drive_error(exc: OSError, folder: Path, size: int) -> DriveError:
    code = exc.errno
    if code in (errno.ENOSPC, getattr(errno, "EDQUOT", -1), errno.EFBIG):
        return DriveError("The drive is full: nothing was written to {folder}. Free at least {size} or use another "
                          "drive, then try again.", folder=str(folder), size=_human(size))
    if code == errno.EROFS:
        return DriveError("The drive {folder} is read-only: nothing was written. Unlock or replace it, then try "
                          "again.", folder=str(folder))
    if code == errno.ENOENT and not folder.exists():
        return DriveError("The folder {folder} does not exist: is the drive plugged in?", folder=str(folder))
    return DriveError("Writing to {folder} failed ({error}): the drive may have been pulled out. Nothing usable was "
                      "left on it; plug it in again and retry.", folder=str(folder), error=exc.strerror or str(exc))


def _remove_quietly(path: Path) -> None:
    try:
        path.unlink()
    except OSError:
        pass


def _read_back(path: Path) -> bytes:
    """The bytes as the drive holds them, past the operating system's cache (Linux and Windows)."""
    from app.exchange.drives import read_uncached

    return read_uncached(path)


def write_file_safely(folder: str | Path, name: str, data: bytes, progress=None) -> Path:
    """Write ``data`` as ``folder/name``: a ``.part`` file first, flushed and fsynced, renamed, then read back and
    compared. An existing file is never overwritten. On any failure nothing is left that looks complete and a
    ``DriveError`` says what to do. ``progress(done, total)`` is called while writing."""
    folder = Path(folder)
    final = folder / name
    temporary = folder / (name + ".part")
    if final.exists():
        raise DriveError("{path} already exists and is never overwritten: choose another name.", path=str(final))
    renamed = False
    try:
        _remove_quietly(temporary)  # a stale .part from a pulled-out drive is ours and incomplete
        with open(temporary, "xb") as handle:
            if progress is None:
                _write_all(handle, data)
            else:
                for start in range(0, len(data), CHUNK):
                    _write_all(handle, data[start:start + CHUNK])
                    progress(min(start + CHUNK, len(data)), len(data))
            handle.flush()
            os.fsync(handle.fileno())
        if final.exists():
            raise FileExistsError(errno.EEXIST, "exists", str(final))
        rename_retrying(temporary, final)  # an antivirus scanning the new file holds it for a moment
        renamed = True
        fsync_folder(folder)
        if sha256(_read_back(final)) != sha256(data):
            _remove_quietly(final)
            raise DriveError("The file written to {folder} reads back differently: the drive is faulty. The file was "
                             "removed; use another drive.", folder=str(folder))
    except FileExistsError:
        _remove_quietly(temporary)
        raise DriveError("{path} already exists and is never overwritten: choose another name.",
                         path=str(final)) from None
    except OSError as exc:
        _remove_quietly(temporary)
        if renamed:
            _remove_quietly(final)
        raise _drive_error(exc, folder, len(data)) from None
    except BaseException:  # cancelled from the progress dialog, or anything else: leave nothing behind
        _remove_quietly(temporary)
        if renamed:
            _remove_quietly(final)
        raise
    return final
