"""Checks an installation: database, calendar, fonts, printing, the USB exchange. Used by ``selftest`` and the packaged build."""
from __future__ import annotations

import contextlib
import sqlite3
import tempfile
from pathlib import Path

from app import i18n

i18n.register({"selftest failed: {failed}": "自检未通过：{failed}"})


def _check(name, fn):
    try:
        detail = fn()
        return {"name": name, "ok": True, "status": "ok", "detail": detail}
    except CheckWarning as warning:
        return {"name": name, "ok": False, "status": "warning", "detail": warning.detail, "warning": str(warning)}
    except Exception as exc:  # a self-test reports every failure instead of stopping at the first
        return {"name": name, "ok": False, "status": "failed", "detail": f"{type(exc).__name__}: {exc}"}


def _on_server(target: str) -> bool:
    return "://" in target and not target.startswith("sqlite")


@contextlib.contextmanager
def _server(target: str):
    """A connection of its own to a server database (the program's own stays as it is)."""
    from playhouse.db_url import connect

    db = connect(target)
    try:
        db.connect()
        yield db
    finally:
        db.close()


def _database(target: str):
    from models import close_db, init_db

    with tempfile.TemporaryDirectory() as tmp:
        init_db(Path(tmp) / "selftest.sqlite3")
        close_db()
    info = {"sqlite": sqlite3.sqlite_version}
    if _on_server(target):
        # headquarters on PostgreSQL: the server answers, holds the program's tables and the search index
        with _server(target) as db:
            info["postgresql"] = db.execute_sql("SHOW server_version").fetchone()[0]
            tables = {name for (name,) in db.execute_sql(
                "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")}
            info["tables"] = "case" in tables and "setting" in tables
            info["search_index"] = "case_search" in tables
        return info
    if "://" not in target and Path(target).exists():
        from app.records.integrity import startup_check

        result = startup_check(target)
        info["quick_check"] = result.detail
        if not result.ok:
            raise RuntimeError(result.message)  # says what is wrong and the way out (restore the latest backup)
    return info


def _fonts():
    from printing import fonts

    return fonts.selftest()


def _printing():
    from printing import selftest_pdf

    data = selftest_pdf()
    if not data.startswith(b"%PDF"):
        raise RuntimeError("renderer did not produce a PDF")
    return {"bytes": len(data)}


class CheckWarning(Exception):
    """A check that passed but needs attention: reported as a warning, not a failure."""

    def __init__(self, message: str, detail: dict):
        super().__init__(message)
        self.detail = detail


def _stored_policy(target: str):
    """The policy of the database being checked (its calendar may hold a year's arrangement), read without
    opening the database for writing; the defaults when there is none."""
    import json

    from app.rules.policy import from_json

    if _on_server(target):
        try:
            with _server(target) as db:
                row = db.execute_sql("SELECT value FROM setting WHERE key = 'policy'").fetchone()
            return from_json(json.loads(row[0]) if row else None)
        except Exception:
            return from_json(None)
    if "://" in target or not Path(target).exists():
        return from_json(None)
    try:
        with sqlite3.connect(f"file:{Path(target).as_posix()}?mode=ro", uri=True) as conn:
            row = conn.execute("SELECT value FROM setting WHERE key = 'policy'").fetchone()
        return from_json(json.loads(row[0]) if row else None)
    except Exception:
        return from_json(None)


def _calendar(target: str, now=None):
    from datetime import date, datetime, timezone
    from zoneinfo import ZoneInfo

    from app.rules import workcalendar

    official = workcalendar.official_years()
    cal = workcalendar.WorkCalendar()
    if official and 2026 in official and cal.is_workday(date(2026, 10, 1)):
        raise RuntimeError("holiday data missing")
    # the law layer works: 13 festival days in a year nobody has announced
    today = (now or datetime.now(timezone.utc)).astimezone(ZoneInfo("Asia/Shanghai")).date()
    festivals = workcalendar.statutory_holidays(max(today.year, official.stop if official else today.year) + 1)
    if sum(len(v.split("、")) for v in festivals.values()) != 13:
        raise RuntimeError("the statutory holidays cannot be computed (package holidays)")
    policy = _stored_policy(target)
    detail = {"years": f"{official.start}-{official.stop - 1}" if official else "none",
              "arranged_years": sorted(policy.arranged_years)}
    missing = workcalendar.missing_arrangement(policy.calendar(), today)
    if missing is not None:
        from app.services.calendar import missing_message

        detail["missing_year"] = missing
        raise CheckWarning(missing_message(missing), detail)
    return detail


def _exchange():
    """A one-table bundle signed, encrypted, read back and decrypted with throwaway keys: the signature, HPKE,
    compression and table encoding the USB exchange uses are all present and agree."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

    from app.exchange import bundle, rows

    signer, recipient = Ed25519PrivateKey.generate(), X25519PrivateKey.generate()
    table = rows.table_document(["uuid", "summary"], [["0" * 32], ["理赔款未到账"]])
    data = bundle.build({"kind": "selftest", "bundle_id": bundle.new_bundle_id()}, [("tables/case.json", table)],
                        signer, recipient.public_key())
    opened = bundle.parse(data, "selftest")
    bundle.verify(opened, signer.public_key(), "selftest")
    read = rows.read_table_document(bundle.entries(opened, recipient)["tables/case.json"], 1)
    if read != (1, {"uuid": ["0" * 32], "summary": ["理赔款未到账"]}):
        raise RuntimeError("a bundle did not read back as written")
    return {"bytes": len(data), "worker": _import_worker(data)}


def _import_worker(data: bytes) -> bool:
    """The worker process a large import prepares bundles in (``app.exchange.ahead``) starts in this
    installation and answers: given the bundle above, it reads it and says it is no data bundle."""
    from app.exchange.ahead import Ahead
    from app.exchange.prepare import Prepared

    with tempfile.TemporaryDirectory() as folder:
        first, second = (str(Path(folder) / f"selftest-{n}.cdbundle") for n in (1, 2))
        for path in (first, second):
            Path(path).write_bytes(data)
        with Ahead([first, second], {}, b"\0" * 32, documents=False) as worker:
            worker.take(first)  # the first is prepared in place, the second by the worker
            answer = worker.take(second)
    if not isinstance(answer, Prepared) or answer.opened is None or answer.error is None:
        raise RuntimeError("the import's worker process did not start or answer")
    return True


def run(target: str, *, now=None) -> dict:
    """Every check; ``ok`` is false when one failed. A warning (the calendar lacks next year's arrangement) is
    no failure of the installation: the check says ``"ok": false, "status": "warning"`` and the report lists it
    under ``warnings``, while ``ok`` stays true."""
    checks = [_check("database", lambda: _database(target)), _check("calendar", lambda: _calendar(target, now)),
              _check("fonts", _fonts), _check("printing", _printing), _check("exchange", _exchange)]
    return {"ok": all(c["status"] != "failed" for c in checks),
            "warnings": [c["warning"] for c in checks if c["status"] == "warning"], "checks": checks}
