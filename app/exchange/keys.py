"""Key pairs for the USB exchange and enrolment files 密钥与登记文件.

A branch has one Ed25519 signing key pair; headquarters has an Ed25519 signing key pair and an X25519
encryption key pair. Private keys live in the database itself, in the ``Setting`` row ``exchange.keys``
(never exported: ``Setting`` is local). Why there and not in a file next to the database: the database *is*
the branch's identity (a restored backup keeps signing as the same branch, a copied key file could be lost or
paired with the wrong database), headquarters on PostgreSQL has no folder "next to the database" and its
workstations share the keys through it, and whoever can read the database already reads every case in clear,
so the key adds no exposure there. The stick only ever carries public keys, signatures and ciphertext.

Enrolment files carry public keys: a branch's to headquarters, headquarters' to the branches. Each is signed by
its own key (so a damaged file is noticed) and shows a fingerprint that both sides compare by telephone.
"""
from __future__ import annotations

import base64
import hashlib
import json
import re
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey

from app import i18n
from app.errors import InvalidInput, NotAllowed, NotFound, RuleViolation
from app.rules.access import current_user
from app.rules.branch import local_branch

i18n.register({
    "The enrolment file {path} names an invalid branch code {code!r}: a code is 2-16 capital letters or digits.":
        "登记文件 {path} 中的机构代码 {code!r} 无效：代码应为 2-16 位大写字母或数字。",
    "The enrolment file {path} names an invalid branch identity: ask for a new file.":
        "登记文件 {path} 中的机构标识无效：请索取新的登记文件。",
    "Branch {code} has the identity of branch {other}, which is already enrolled here: each branch's database has its own identity; was one copied from the other? Set the copy up afresh and enrol it again.":
        "机构 {code} 的标识与已登记的机构 {other} 相同：每个机构的数据库都有自己的标识，是否从另一机构复制而来？请重新初始化该副本后再登记。",
    "This database has no exchange keys: run 'init' again or restore the backup that holds them.":
        "本数据库没有数据交换密钥：请重新初始化，或恢复包含密钥的备份。",
    "{path} is not an enrolment file.": "{path} 不是登记文件。",
    "The enrolment file {path} is damaged (its signature does not match): ask for a new one.":
        "登记文件 {path} 已损坏（签名不符）：请对方重新生成。",
    "This is a branch enrolment file: import it at headquarters.": "这是分支机构的登记文件：请在总部导入。",
    "This is a headquarters enrolment file: import it at a branch.": "这是总部的登记文件：请在分支机构导入。",
    "Branch {code} is already enrolled with a different key (fingerprint {old}); refusing to replace it.":
        "分支机构 {code} 已用另一把密钥登记（指纹 {old}），拒绝替换。",
    "Headquarters is already enrolled with a different key (fingerprint {old}); refusing to replace it.":
        "总部已用另一把密钥登记（指纹 {old}），拒绝替换。",
    "A branch {code} already exists here with a different identity; enrolment refused.":
        "本库已有代码为 {code} 的另一个分支机构，拒绝登记。",
    "Cannot read {path}: {error}": "无法读取 {path}：{error}",
    "File not found: {path}": "找不到文件：{path}",
    "Only an administrator may do this.": "只有管理员可以执行此操作。",
})

SETTING_KEY = "exchange.keys"
ENROLMENT_FORMAT = "complaint-desk-enrolment"
MAX_ENROLMENT_SIZE = 64 * 1024


def fingerprint(public_raw: bytes) -> str:
    """A short, readable fingerprint of a public key (SHA-256, first 16 bytes, groups of four hex digits)."""
    digest = hashlib.sha256(public_raw).hexdigest()[:32].upper()
    return "-".join(digest[i:i + 4] for i in range(0, 32, 4))


def public_raw(key) -> bytes:
    return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def private_raw(key) -> bytes:
    return key.private_bytes(serialization.Encoding.Raw, serialization.PrivateFormat.Raw,
                             serialization.NoEncryption())


def signing_public_from_hex(text: str) -> Ed25519PublicKey:
    return Ed25519PublicKey.from_public_bytes(bytes.fromhex(text))


def encryption_public_from_hex(text: str) -> X25519PublicKey:
    return X25519PublicKey.from_public_bytes(bytes.fromhex(text))


# --- the local branch and its keys ---------------------------------------------------------------------------


def _stored() -> dict:
    from models import Setting

    row = Setting.get_or_none(Setting.key == SETTING_KEY)
    return dict(row.value) if row else {}


def ensure_keys() -> dict:
    """Create the key pairs this database needs (signing everywhere, encryption at headquarters) if missing.

    Idempotent; ``init`` calls it in its transaction. Returns the public keys as hex.
    """
    from models import Setting, transaction

    with transaction():
        branch = local_branch()
        stored = _stored()
        changed = False
        if "signing" not in stored:
            stored["signing"] = private_raw(Ed25519PrivateKey.generate()).hex()
            changed = True
        if branch.is_hq and "encryption" not in stored:
            stored["encryption"] = private_raw(X25519PrivateKey.generate()).hex()
            changed = True
        if changed:
            row = Setting.get_or_none(Setting.key == SETTING_KEY)
            if row is None:
                Setting.create(key=SETTING_KEY, value=stored)
            else:
                row.value = stored
                row.save()
    return public_keys()


def signing_key() -> Ed25519PrivateKey:
    stored = _stored()
    if "signing" not in stored:
        raise RuleViolation("This database has no exchange keys: run 'init' again or restore the backup that holds them.")
    return Ed25519PrivateKey.from_private_bytes(bytes.fromhex(stored["signing"]))


def encryption_key() -> X25519PrivateKey:
    stored = _stored()
    if "encryption" not in stored:
        raise RuleViolation("This database has no exchange keys: run 'init' again or restore the backup that holds them.")
    return X25519PrivateKey.from_private_bytes(bytes.fromhex(stored["encryption"]))


def public_keys() -> dict:
    result = {"signing_key": public_raw(signing_key().public_key()).hex()}
    if "encryption" in _stored():
        result["encryption_key"] = public_raw(encryption_key().public_key()).hex()
    return result


def require_admin(actor, *roles: str) -> None:
    """The acting user (reloaded: roles and accounts change) must have one of ``roles`` (default: admin)."""

    user = current_user(actor)
    if user.role not in set(roles or ("admin",)):
        raise NotAllowed("Only an administrator may do this.")


# --- enrolment files -----------------------------------------------------------------------------------------


def _canonical(document: dict) -> bytes:
    return json.dumps(document, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


def enrolment_document() -> dict:
    """The public half of this database's identity, signed by its own signing key."""
    ensure_keys()
    branch = local_branch()
    keys = public_keys()
    body = {
        "format": ENROLMENT_FORMAT,
        "version": 1,
        "kind": "hq" if branch.is_hq else "branch",
        "code": branch.code,
        "name": branch.name,
        "branch_uuid": branch.uuid,
        **keys,
        "fingerprint": fingerprint(bytes.fromhex(keys["signing_key"])),
    }
    body["signature"] = base64.b64encode(signing_key().sign(_canonical(body))).decode("ascii")
    return body


def write_enrolment(path: str | Path) -> dict:
    from app.exchange.bundle import write_file_safely

    document = enrolment_document()
    target = Path(path)
    data = json.dumps(document, ensure_ascii=False, indent=2).encode("utf-8") + b"\n"
    written = write_file_safely(target.parent if str(target.parent) else Path("."), target.name, data)
    return {"file": str(written), "kind": document["kind"], "code": document["code"],
            "fingerprint": document["fingerprint"]}


def read_enrolment(path: str | Path) -> dict:
    """Read and check an enrolment file: shape, key lengths and its self-signature."""
    path = Path(path)
    try:
        if path.stat().st_size > MAX_ENROLMENT_SIZE:
            raise InvalidInput("{path} is not an enrolment file.", path=str(path))
        document = json.loads(path.read_bytes().decode("utf-8-sig"))
    except FileNotFoundError:
        raise NotFound("File not found: {path}", path=str(path)) from None
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise InvalidInput("{path} is not an enrolment file.", path=str(path)) from None
    except OSError as exc:
        raise InvalidInput("Cannot read {path}: {error}", path=str(path), error=exc.strerror or str(exc)) from None
    required = {"format", "version", "kind", "code", "name", "branch_uuid", "signing_key", "fingerprint", "signature"}
    if (not isinstance(document, dict) or document.get("format") != ENROLMENT_FORMAT
            or not required <= set(document) or document.get("kind") not in ("hq", "branch")
            or not all(isinstance(document[k], str) for k in required - {"version"})):
        raise InvalidInput("{path} is not an enrolment file.", path=str(path))
    try:
        public = signing_public_from_hex(document["signing_key"])
        if document.get("encryption_key") is not None:
            encryption_public_from_hex(document["encryption_key"])
        body = {k: v for k, v in document.items() if k != "signature"}
        public.verify(base64.b64decode(document["signature"], validate=True), _canonical(body))
    except (ValueError, InvalidSignature, TypeError):
        raise InvalidInput("The enrolment file {path} is damaged (its signature does not match): ask for a new one.",
                           path=str(path)) from None
    if document["fingerprint"] != fingerprint(bytes.fromhex(document["signing_key"])):
        raise InvalidInput("The enrolment file {path} is damaged (its signature does not match): ask for a new one.",
                           path=str(path))
    if document["kind"] == "hq" and not document.get("encryption_key"):
        raise InvalidInput("{path} is not an enrolment file.", path=str(path))
    from app.rules import values
    from app.rules.branch import BRANCH_CODE

    if not BRANCH_CODE.match(document["code"]):
        raise InvalidInput("The enrolment file {path} names an invalid branch code {code!r}: a code is 2-16 capital "
                           "letters or digits.", field="code", path=str(path), code=document["code"][:20])
    if not re.fullmatch(r"[0-9a-f]{32}", document["branch_uuid"]):
        raise InvalidInput("The enrolment file {path} names an invalid branch identity: ask for a new file.",
                           field="branch_uuid", path=str(path))
    document["name"] = values.text(document["name"], "name", limit=200)
    return document


def import_enrolment(actor, path: str | Path) -> dict:
    """Headquarters enrols a branch (and creates its ``Branch`` row under the branch's own uuid, so the
    branch's records refer to it); a branch enrols headquarters. Importing the same file again is a no-op."""
    from models import Branch, ExchangePeer, ExchangeVersion, transaction

    require_admin(actor, "admin", "hq")
    document = read_enrolment(path)
    with transaction():
        ensure_keys()
        here = local_branch()
        if here.is_hq and document["kind"] != "branch":
            raise InvalidInput("This is a headquarters enrolment file: import it at a branch.")
        if not here.is_hq and document["kind"] != "hq":
            raise InvalidInput("This is a branch enrolment file: import it at headquarters.")
        code = document["code"]
        peer = ExchangePeer.get_or_none(ExchangePeer.code == code)
        status = "enrolled"
        if peer is not None:
            if peer.signing_key != document["signing_key"] or (
                    document["kind"] == "hq" and peer.encryption_key != document.get("encryption_key")):
                old = fingerprint(bytes.fromhex(peer.signing_key))
                if document["kind"] == "hq":
                    raise RuleViolation("Headquarters is already enrolled with a different key (fingerprint {old}); "
                                        "refusing to replace it.", old=old)
                raise RuleViolation("Branch {code} is already enrolled with a different key (fingerprint {old}); "
                                    "refusing to replace it.", code=code, old=old)
            status = "already_enrolled"
        elif document["kind"] == "hq" and ExchangePeer.select().where(ExchangePeer.kind == "hq").exists():
            old = fingerprint(bytes.fromhex(ExchangePeer.get(ExchangePeer.kind == "hq").signing_key))
            raise RuleViolation("Headquarters is already enrolled with a different key (fingerprint {old}); "
                                "refusing to replace it.", old=old)
        if document["kind"] == "branch":
            twin = Branch.get_or_none((Branch.uuid == document["branch_uuid"]) & (Branch.code != code))
            if twin is not None:
                raise RuleViolation("Branch {code} has the identity of branch {other}, which is already enrolled "
                                    "here: each branch's database has its own identity; was one copied from the "
                                    "other? Set the copy up afresh and enrol it again.", field="branch_uuid",
                                    code=code, other=twin.code)
            existing = Branch.get_or_none(Branch.code == code)
            if existing is not None and (existing.uuid != document["branch_uuid"] or existing.is_local):
                raise RuleViolation("A branch {code} already exists here with a different identity; enrolment refused.",
                                    code=code)
            if existing is None:
                Branch.create(uuid=document["branch_uuid"], code=code, name=document["name"], is_hq=False,
                              is_local=False)
                # owned by the branch from now on: its first exported version (change number >= 1) replaces it
                ExchangeVersion.get_or_create(uuid=document["branch_uuid"], defaults={
                    "table_name": "branch", "branch_code": code, "change_no": 0, "digest": ""})
        if peer is None:
            ExchangePeer.create(code=code, kind=document["kind"], name=document["name"],
                                branch_uuid=document["branch_uuid"], signing_key=document["signing_key"],
                                encryption_key=document.get("encryption_key") or "")
    return {"status": status, "kind": document["kind"], "code": code, "name": document["name"],
            "fingerprint": document["fingerprint"]}
