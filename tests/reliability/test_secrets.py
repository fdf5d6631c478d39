"""The database file (and its WAL, and every backup) holds no password or password-equivalent in clear: only
Argon2id hashes, salted per user; the history and the command line never carry a password."""
from __future__ import annotations

import hashlib
from pathlib import Path

import models
from app.records import backup
from app.services import admin, auth, setup
from tests.conftest import PASSWORD

SECRETS = [PASSWORD, "initial-1", "Reset-密码-2026", "Chosen-口令-7"]


def forms_of(secret: str) -> list[bytes]:
    """The clear text in the encodings a program might use, and the unsalted hashes a careless one would store."""
    raw = secret.encode("utf-8")
    forms = [raw, secret.encode("utf-16-le"), secret.encode("utf-16-be"), raw.hex().encode(),
             secret.encode("utf-8").decode("utf-8").encode("unicode_escape")]
    for name in ("md5", "sha1", "sha256", "sha512"):
        digest = hashlib.new(name, raw)
        forms += [digest.hexdigest().encode(), digest.hexdigest().upper().encode(), digest.digest()]
    import base64

    forms.append(base64.b64encode(raw))
    return forms


def scan(paths) -> list[tuple[str, str]]:
    found = []
    for path in paths:
        data = Path(path).read_bytes()
        for secret in SECRETS:
            for form in forms_of(secret):
                if form in data:
                    found.append((Path(path).name, secret))
    return found


def test_no_password_in_the_database_file_its_wal_or_a_backup(desk, tmp_path):
    # every way a password reaches the core: init, add user, first change, admin reset, change again, failed sign-in
    setup.add_user(desk.admin, "newbie", display_name="新人", role="reception", password="initial-1")
    admin.reset_password(desk.admin, "newbie", "Reset-密码-2026")
    first = auth.sign_in("newbie", "Reset-密码-2026")
    auth.change_password(first, "newbie", "Chosen-口令-7")
    try:
        auth.sign_in("newbie", PASSWORD)  # a wrong password typed at the desk
    except Exception:
        pass
    wal = Path(str(desk.db) + "-wal")
    assert wal.exists() and wal.stat().st_size > 0  # the WAL still holds the recent pages
    files = [desk.db, wal, Path(str(desk.db) + "-shm")]
    copy = backup.manual_backup(desk.admin, desk.db, tmp_path)["file"]
    assert scan(files + [copy]) == []
    models.close_db()  # checkpoint: the main file now holds everything
    assert scan([desk.db]) == []


def test_only_salted_argon2id_hashes_are_stored(desk):
    hashes = [u.password_hash for u in models.User.select()]
    assert all(h.startswith("$argon2id$") for h in hashes)
    # the same password (every test user has it) gives a different hash for each user: salted
    assert len(set(hashes)) == len(hashes)


def test_history_never_records_a_password(desk):
    admin.reset_password(desk.admin, "h1", "Reset-密码-2026")
    text = " ".join(f"{h.before} {h.after}" for h in models.History.select())
    assert not any(secret in text for secret in SECRETS)
    reset = models.History.select().where(models.History.action == "reset").get()
    assert reset.actor == "admin" and reset.ref == "h1"
