"""Backups 数据备份 and restore, with SQLite's online backup API.

- ``auto_backup``: a copy into a rotating set in the data folder (``backups/`` next to the database). The UI calls
  it on exit and, via ``daily_backup_if_due``, once a day; ``rotate`` keeps the newest copy of each of the last
  ``keep_daily`` days plus the ``keep_recent`` newest copies. A copy never leaves less than RESERVE free on the
  database's disk: the oldest copies make room first, and without enough room the copy is not made (said).
- ``manual_backup``: a copy to a chosen folder or USB stick (admin only). ``progress(done, total)`` drives a
  progress dialog; raising from it cancels the copy and leaves nothing behind.
- ``restore``: checks a backup before it replaces anything, keeps the current file aside, and makes sure the
  number series never reissues a number that was already printed (R11): every number between the backup's
  last number and the highest known one is recorded as voided ("lost by restore").

Every copy is written under a temporary name, checked with ``PRAGMA integrity_check``, fsynced and only then
renamed, so a full disk, a pulled-out stick or a power cut never leaves a file that looks like a backup.

Headquarters on PostgreSQL has no file for the program to copy: the server's own tools back it up (pg_dump,
pg_restore). A backup or restore asked of such a database is refused with a message that says so
(``ON_SERVER``), and the automatic backups never fall due for it.
"""
from __future__ import annotations

import errno
import json
import os
import shutil
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path
from urllib.parse import quote
from zoneinfo import ZoneInfo

import peewee

from app import i18n
from app.errors import DeskError, InvalidInput, NotAllowed
from app.records import exchange_state, history, instance, safefile, sealed
from app.records.safefile import fsync_folder, is_in_use, rename as rename_retrying
from app.rules import numbering
from app.rules.access import current_user
from app.rules.branch import local_branch
from models import Branch, ChangeCounter, NumberSeries, VoidedNumber, close_db, init_db, transaction
from models.db import SCHEMA_VERSION

i18n.register({
    "The database is open in another program (another Complaint Desk, a command, or a backup or antivirus program): "
    "close it and restore again. Nothing was changed.":
        "数据库正被其他程序打开（另一个投诉台窗口、命令行、备份或杀毒软件）：请关闭后重新恢复。未做任何更改。",
    "The folder {folder} does not exist: is the drive plugged in?": "文件夹 {folder} 不存在：U盘是否已插好？",
    "The drive is full: the backup was not written to {folder}. Free at least {size} or use another drive, then try again.":
        "磁盘已满：备份未写入 {folder}。请至少腾出 {size} 空间或换一个U盘后重试。",
    "The drive {folder} is read-only: the backup was not written. Unlock or replace it, then try again.":
        "{folder} 为只读：备份未写入。请解除写保护或换一个U盘后重试。",
    "Writing the backup to {folder} failed ({error}); nothing usable was left there. Check the drive and try again.":
        "向 {folder} 写入备份失败（{error}）；未留下任何不完整的文件。请检查U盘后重试。",
    "The backup written to {folder} does not pass the integrity check ({detail}); it was removed. Use another drive.":
        "写入 {folder} 的备份未通过完整性检查（{detail}），已删除。请换一个U盘。",
    "The database {path} cannot be read ({error}): restore the latest backup.":
        "无法读取数据库 {path}（{error}）：请从最近的备份恢复。",
    "Backup file not found: {path}": "找不到备份文件：{path}",
    "{path} is not a usable backup ({detail}): nothing was changed. Choose another backup.":
        "{path} 不是可用的备份（{detail}），未做任何更改。请选择其他备份。",
    "{path} is a backup of branch {found}, not of this desk's branch {expected}: nothing was changed.":
        "{path} 是机构 {found} 的备份，而不是本机机构 {expected} 的备份，未做任何更改。",
    "{path} was made by a newer version of Complaint Desk (schema {found}, this program knows {known}): update the program first.":
        "{path} 由较新版本的投诉台生成（数据结构版本 {found}，本程序为 {known}）：请先升级程序。",
    "not a Complaint Desk database": "不是投诉台数据库",
    "not a SQLite database": "不是 SQLite 数据库",
    "Only an admin may back up or restore the database.": "只有管理员可以备份或恢复数据库。",
    "This database is on a PostgreSQL server: Complaint Desk backs up and restores only a database file. Back it up "
    "on the server with pg_dump (for example: pg_dump --format=custom --file=complaint-desk.dump followed by the "
    "database's name) and restore it with pg_restore; ask the server's administrator to schedule it daily.":
        "本数据库位于 PostgreSQL 服务器上，投诉台只能备份和恢复数据库文件。请在服务器上用 pg_dump 备份（例如："
        "pg_dump --format=custom --file=complaint-desk.dump 后接数据库名称），用 pg_restore 恢复；"
        "请服务器管理员安排每日自动备份。",
    "{number} belongs to branch {found}, but the backup is of branch {expected}.": "{number} 属于机构 {found}，而备份属于机构 {expected}。",
    "must be a slip or notice number such as BJ01-2026-00042 or BJ01-ZG-2026-0003": "应为处理单或整改通知书编号，如 BJ01-2026-00042 或 BJ01-ZG-2026-0003",
    "The highest number already issued is unknown (the current database cannot be read): give the highest number printed on paper (--last-number), the latest export on the stick (--manifest), or --no-last-number if no number was issued since the backup.":
        "无法得知已发出的最大编号（当前数据库无法读取）：请提供纸面上打印过的最大编号（--last-number）、U盘上最近的导出文件（--manifest），若备份之后未发出过编号，请使用 --no-last-number。",
    "Restoring failed ({error}); the previous database was put back.": "恢复失败（{error}）；已还原为原数据库。",
    "lost by restore": "因恢复备份而丢失",
    "Only {free} free on the database's disk: the automatic backup ({size}) was skipped to keep room for saving cases. Free space on that disk.":
        "数据库所在磁盘仅剩 {free} 可用空间：为留出保存案件的空间，未进行自动备份（需 {size}）。请清理该磁盘。",
    "The disk that holds the database has {free} free: a backup with a password is first copied there ({size}), which would leave the desk no room to save its work. Free space on that disk, or back up without a password.":
        "数据库所在磁盘仅剩 {free} 可用空间：带密码的备份需先在该磁盘上复制一份（{size}），会使投诉台没有空间保存工作。请清理该磁盘，或不设密码进行备份。",
})

BACKUP_FOLDER = "backups"
AUTO_PREFIX = "auto-"
SUFFIX = ".sqlite3"
KEEP_DAILY = 14
KEEP_RECENT = 5
# Room always left free on the disk that holds the database, for the desk's own work (its write-ahead log, a day
# of cases): a copy made on that disk (the automatic set, the snapshot a sealed backup is made from) never takes
# it, so that saving a case never fails for space a backup took. A headquarters' file of millions of cases is
# gigabytes, and the automatic set keeps up to KEEP_DAILY + KEEP_RECENT copies of it.
RESERVE = 256 * 1024 * 1024
LOST_BY_RESTORE = "lost by restore"
_STAMP = "%Y%m%dT%H%M%S%fZ"


class BackupError(DeskError):
    """A backup or restore that could not be done; nothing half-written was left behind."""


ON_SERVER = ("This database is on a PostgreSQL server: Complaint Desk backs up and restores only a database file. "
             "Back it up on the server with pg_dump (for example: pg_dump --format=custom "
             "--file=complaint-desk.dump followed by the database's name) and restore it with pg_restore; ask the "
             "server's administrator to schedule it daily.")


def on_server(db_path) -> bool:
    """Whether ``db_path`` names a database on a server (a URL other than sqlite:), which has no file to copy."""
    text = str(db_path)
    return "://" in text and not text.startswith("sqlite")


def require_file(db_path) -> None:
    """Refuse a backup or restore of a database on a server, saying how it is backed up instead."""
    if on_server(db_path):
        raise BackupError(ON_SERVER)


# --- low level: copy, check, write safely ------------------------------------------------------------------


def _human(size: int) -> str:
    for unit in ("B", "KB", "MB", "GB"):
        if size < 1024 or unit == "GB":
            return f"{size:.0f} {unit}" if unit == "B" else f"{size:.1f} {unit}"
        size /= 1024


def _remove_quietly(path: Path) -> None:
    for candidate in (path, Path(str(path) + "-journal"), Path(str(path) + "-wal"), Path(str(path) + "-shm")):
        try:
            candidate.unlink()
        except OSError:
            pass


def _fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDWR)  # Windows needs a writable handle to flush
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _is_full(exc: BaseException) -> bool:
    if isinstance(exc, OSError):
        return exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", -1), errno.EFBIG)
    return isinstance(exc, sqlite3.Error) and "full" in str(exc).lower()


def _write_error(exc: BaseException, folder: Path, size: int) -> BackupError:
    if _is_full(exc):
        return BackupError("The drive is full: the backup was not written to {folder}. Free at least {size} or use "
                           "another drive, then try again.", folder=str(folder), size=_human(size))
    if isinstance(exc, OSError) and exc.errno == errno.EROFS or "readonly" in str(exc).lower():
        return BackupError("The drive {folder} is read-only: the backup was not written. Unlock or replace it, "
                           "then try again.", folder=str(folder))
    if not folder.is_dir():
        return BackupError("The folder {folder} does not exist: is the drive plugged in?", folder=str(folder))
    detail = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
    return BackupError("Writing the backup to {folder} failed ({error}); nothing usable was left there. Check the "
                       "drive and try again.", folder=str(folder), error=detail)


def _database_size(db_path: Path) -> int:
    """What a copy of the database takes at most: the file and its write-ahead log."""
    total = 0
    for path in (db_path, Path(str(db_path) + "-wal")):
        try:
            total += path.stat().st_size
        except OSError:
            pass
    return total


def _free(folder: Path) -> int:
    return shutil.disk_usage(folder).free


def _make_room(db_path: Path, folder: Path, size: int) -> list[str]:
    """Before an automatic backup of ``size`` bytes into ``folder``: if it would leave less than RESERVE free on
    that disk, remove the oldest automatic backups (never the newest) until it does not; if even that would not
    be enough, remove nothing and refuse. Returns the names removed."""
    free = _free(folder)
    if free - size >= RESERVE:
        return []
    older = [path for _, path in automatic_backups(db_path)[1:]][::-1]  # oldest first
    chosen, gained = [], 0
    for path in older:
        if free + gained - size >= RESERVE:
            break
        chosen.append(path)
        gained += path.stat().st_size
    if free + gained - size < RESERVE:
        raise BackupError("Only {free} free on the database's disk: the automatic backup ({size}) was skipped to keep "
                          "room for saving cases. Free space on that disk.", free=_human(free), size=_human(size))
    for path in chosen:
        _remove_quietly(path)
    return [path.name for path in chosen]


def _ro_uri(path) -> str:
    """A read-only SQLite URI for a file (names with '?', '#' or '%' included)."""
    return "file:" + quote(Path(path).absolute().as_posix(), safe="/:") + "?mode=ro"


def integrity(path: Path, *, quick: bool = False) -> str:
    """``PRAGMA integrity_check`` (or ``quick_check``) of a SQLite file: "ok" or what is wrong (one line)."""
    try:
        conn = sqlite3.connect(_ro_uri(path), uri=True, timeout=10)
    except sqlite3.Error as exc:
        return str(exc)
    try:
        rows = conn.execute("PRAGMA quick_check" if quick else "PRAGMA integrity_check").fetchall()
        text = "; ".join(str(r[0]) for r in rows[:5])
        return "ok" if text == "ok" else text
    except sqlite3.Error as exc:
        return str(exc)
    finally:
        conn.close()


def _copy(source: Path, target: Path, progress=None, *, readonly: bool = False) -> None:
    """Copy a live database into ``target`` with the online backup API (a consistent snapshot even while the desk
    writes: SQLite restarts the copy if another connection writes during it), as a single file in rollback-journal
    mode. ``progress(done_pages, total_pages)`` is called as the copy advances (for a progress dialog)."""
    if not source.exists():
        raise BackupError("The database {path} cannot be read ({error}): restore the latest backup.",
                          path=str(source), error="missing")
    # a user's backup file is opened read-only (never a -wal or -journal written next to it on the stick)
    src = sqlite3.connect(_ro_uri(source), uri=True, timeout=30) if readonly else \
        sqlite3.connect(str(source), timeout=30)
    try:
        dst = sqlite3.connect(str(target))
        try:
            if progress is None:
                src.backup(dst)
            else:
                src.backup(dst, pages=256, progress=lambda status, remaining, total: progress(total - remaining, total))
            dst.execute("PRAGMA journal_mode=DELETE")
            dst.commit()
        finally:
            dst.close()
    finally:
        src.close()


def write_backup(source: Path, folder: Path, name: str, progress=None, *, password: str | None = None) -> Path:
    """Copy ``source`` to ``folder/name``: temporary name, integrity check, fsync, rename. Never overwrites; on any
    failure nothing is left that looks like a backup and a BackupError says what to do. With ``password`` the
    copy is sealed (``app.records.sealed``): the snapshot is taken and checked next to the database, only the sealed file
    goes to the drive, and it is read back whole from there before it is given its name."""
    source, folder = Path(source), Path(folder)
    if password is not None:
        sealed.check_password(password)
    if not folder.is_dir():
        raise BackupError("The folder {folder} does not exist: is the drive plugged in?", folder=str(folder))
    final = folder / name
    n = 1
    while final.exists():
        n += 1
        final = folder / f"{Path(name).stem}-{n}{Path(name).suffix}"
    temporary = folder / f".{final.name}.partial"
    snapshot = temporary if password is None else source.with_name(f".{source.name}.{final.name}.partial")
    size = source.stat().st_size if source.exists() else 0
    if password is not None and _free(source.parent) - _database_size(source) < RESERVE:
        raise BackupError("The disk that holds the database has {free} free: a backup with a password is first "
                          "copied there ({size}), which would leave the desk no room to save its work. Free space "
                          "on that disk, or back up without a password.", free=_human(_free(source.parent)),
                          size=_human(_database_size(source)))
    _remove_quietly(temporary)
    try:
        _copy(source, snapshot, progress if password is None else None)
        check = integrity(snapshot)
        if check != "ok":
            raise BackupError("The backup written to {folder} does not pass the integrity check ({detail}); it was "
                              "removed. Use another drive.", folder=str(folder), detail=check)
        if password is not None:
            with open(temporary, "wb") as handle:
                sealed.seal(snapshot, handle, password, progress)
            sealed.unseal(temporary, None, password)  # whole and readable, as written on the drive
        _fsync_file(temporary)
        rename_retrying(temporary, final)  # an antivirus scanning the new file holds it for a moment
        fsync_folder(folder)
    except BackupError:
        _remove_quietly(temporary)
        raise
    except (OSError, sqlite3.Error) as exc:
        _remove_quietly(temporary)
        raise _write_error(exc, folder, size) from None
    except BaseException:
        _remove_quietly(temporary)
        raise
    finally:
        if snapshot != temporary:
            _remove_quietly(snapshot)
    return final


def _stamp(now: datetime | None) -> str:
    return (now or datetime.now(timezone.utc)).astimezone(timezone.utc).strftime(_STAMP)


def _when(path: Path) -> datetime | None:
    text = path.name[len(AUTO_PREFIX):-len(SUFFIX)] if path.name.startswith(AUTO_PREFIX) else ""
    text = text.split("-")[0]
    try:
        return datetime.strptime(text, _STAMP).replace(tzinfo=timezone.utc)
    except ValueError:
        return None


# --- automatic backups in the data folder ------------------------------------------------------------------


def backup_folder(db_path: str | Path) -> Path:
    return Path(db_path).parent / BACKUP_FOLDER


def automatic_backups(db_path: str | Path) -> list[tuple[datetime, Path]]:
    """The rotating set, newest first."""
    folder = backup_folder(db_path)
    if not folder.is_dir():
        return []
    found = [(_when(p), p) for p in folder.glob(f"{AUTO_PREFIX}*{SUFFIX}")]
    return sorted(((w, p) for w, p in found if w is not None), key=lambda item: item[0], reverse=True)


def latest_backup(db_path: str | Path) -> dict | None:
    """The newest automatic backup (the way out when the database is damaged), or None."""
    if on_server(db_path):
        return None
    backups = automatic_backups(db_path)
    if not backups:
        return None
    when, path = backups[0]
    return {"file": str(path), "at": when.isoformat(timespec="seconds")}


def rotate(db_path: str | Path, *, keep_daily: int = KEEP_DAILY, keep_recent: int = KEEP_RECENT,
           zone: str = "Asia/Shanghai") -> list[str]:
    """Delete automatic backups beyond the newest of each of the last ``keep_daily`` days and the ``keep_recent``
    newest; return the names removed."""
    backups = automatic_backups(db_path)
    keep = {p for _, p in backups[:keep_recent]}
    days: dict = {}
    for when, path in backups:
        day = when.astimezone(ZoneInfo(zone)).date()
        if day not in days and len(days) < keep_daily:
            days[day] = path
    keep |= set(days.values())
    removed = []
    for _, path in backups:
        if path not in keep:
            _remove_quietly(path)
            removed.append(path.name)
    return removed


def auto_backup(db_path: str | Path, *, now: datetime | None = None, keep_daily: int = KEEP_DAILY,
                keep_recent: int = KEEP_RECENT, progress=None) -> dict:
    """Copy the database into the rotating set and rotate it. The UI calls this on exit (no user needed)."""
    require_file(db_path)
    db_path = Path(db_path)
    folder = backup_folder(db_path)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise _write_error(exc, folder, 0) from None
    _remove_stale_partials(folder)
    removed = _make_room(db_path, folder, _database_size(db_path))
    path = write_backup(db_path, folder, f"{AUTO_PREFIX}{_stamp(now)}{SUFFIX}", progress)
    removed += rotate(db_path, keep_daily=keep_daily, keep_recent=keep_recent)
    return {"file": str(path), "removed": removed, "kept": len(automatic_backups(db_path))}


def _remove_stale_partials(folder: Path, older_than: timedelta = timedelta(hours=1)) -> None:
    """Temporary files of automatic backups that never finished (the program was killed while copying)."""
    limit = datetime.now(timezone.utc).timestamp() - older_than.total_seconds()
    for path in folder.glob(f".{AUTO_PREFIX}*{SUFFIX}.partial"):
        try:
            if path.stat().st_mtime < limit:
                _remove_quietly(path)
        except OSError:
            continue


def backup_due(db_path: str | Path, *, now: datetime | None = None, every: timedelta = timedelta(days=1)) -> bool:
    """Whether the newest automatic backup is ``every`` old or more (never for a database on a server)."""
    if on_server(db_path):
        return False
    backups = automatic_backups(db_path)
    now = now or datetime.now(timezone.utc)
    return not backups or now - backups[0][0] >= every


def daily_backup_if_due(db_path: str | Path, *, now: datetime | None = None) -> dict | None:
    """What the UI calls at start-up and on a timer: a backup if the newest is a day old or more."""
    if not backup_due(db_path, now=now):
        return None
    return auto_backup(db_path, now=now)


# --- manual backup -----------------------------------------------------------------------------------------


def _require_admin(actor) -> None:
    user = current_user(actor)
    if user.role != "admin":
        raise NotAllowed("Only an admin may back up or restore the database.")


def manual_backup(actor, db_path: str | Path, folder: str | Path, *, now: datetime | None = None,
                  progress=None, password: str | None = None) -> dict:
    """A copy to a chosen folder or USB stick, named after the branch and the time (admin only); sealed with
    ``password`` (``app.records.sealed``, a ``.cdbackup`` file) when one is given."""
    with transaction():
        _require_admin(actor)
        code = local_branch().code
    require_file(db_path)
    suffix = SUFFIX if password is None else sealed.SUFFIX
    path = write_backup(Path(db_path), Path(folder), f"CDESK-BACKUP-{code}-{_stamp(now)[:15]}Z{suffix}", progress,
                        password=password)
    with transaction():
        history.record(actor.username, "database", local_branch().uuid, code, "backup",
                       after={"file": path.name, "sealed": password is not None})
    return {"file": str(path), "bytes": path.stat().st_size, "integrity": "ok", "sealed": password is not None}


# --- restore -----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SeriesKey:
    branch: str
    series: str
    year: int


def parse_number(text: str) -> tuple[SeriesKey, int]:
    """A slip number (BJ01-2026-00042) or notice number (BJ01-ZG-2026-0003) as its series and sequence."""
    value = (text or "").strip().upper()
    for series, pattern in (("case", numbering.CASE_NUMBER), ("notice", numbering.NOTICE_NUMBER)):
        match = pattern.match(value)
        if match:
            return SeriesKey(match["branch"], series, int(match["year"])), int(match["seq"])
    raise InvalidInput("must be a slip or notice number such as BJ01-2026-00042 or BJ01-ZG-2026-0003",
                       field="--last-number")


def describe(path: str | Path) -> dict:
    """What a database file holds (branch, schema, numbers issued), read without changing it. Raises BackupError
    when it is not a healthy Complaint Desk database."""
    path = Path(path)
    if not path.is_file():
        raise BackupError("Backup file not found: {path}", path=str(path))
    check = integrity(path)
    if check != "ok":
        detail = i18n.t("not a SQLite database") if "not a database" in check else check
        raise BackupError("{path} is not a usable backup ({detail}): nothing was changed. Choose another backup.",
                          path=str(path), detail=detail)
    conn = sqlite3.connect(_ro_uri(path), uri=True)
    try:
        try:
            version = conn.execute("SELECT version FROM schema_version").fetchone()
            branch = conn.execute("SELECT code FROM branch WHERE is_local = 1").fetchone()
            series = conn.execute("SELECT branch_code, series, year, last FROM number_series").fetchall()
            cases = conn.execute("SELECT COUNT(*) FROM \"case\"").fetchone()[0]
        except sqlite3.Error:
            version = branch = None
    finally:
        conn.close()
    if version is None or branch is None:
        raise BackupError("{path} is not a usable backup ({detail}): nothing was changed. Choose another backup.",
                          path=str(path), detail=i18n.t("not a Complaint Desk database"))
    return {"file": str(path), "branch": branch[0], "schema_version": version[0], "cases": cases,
            "numbers": {SeriesKey(b, s, y): last for b, s, y, last in series}}


def _current_numbers(db_path: Path) -> dict | None:
    """The numbers the current database knows it issued, or None when it cannot be read."""
    if not db_path.exists():
        return None
    try:
        conn = sqlite3.connect(_ro_uri(db_path), uri=True, timeout=10)
        try:
            rows = conn.execute("SELECT branch_code, series, year, last FROM number_series").fetchall()
            voided = conn.execute("SELECT branch_code, series, year, MAX(seq) FROM voided_number "
                                  "GROUP BY branch_code, series, year").fetchall()
        finally:
            conn.close()
    except sqlite3.Error:
        return None
    out = {SeriesKey(b, s, y): last for b, s, y, last in rows}
    for b, s, y, top in voided:
        key = SeriesKey(b, s, y)
        out[key] = max(out.get(key, 0), top or 0)
    return out


# When nothing tells how far the database before a restore got (it cannot be read, no export manifest was
# given), the exchange continues this far beyond the backup: more exports and changes than a branch makes
# between its daily backup and a restore, well inside what headquarters accepts (MAX_SEQUENCE_STEP) and what a
# change number holds (2^31).
UNKNOWN_SEQUENCE_GAP = 1_000
UNKNOWN_CHANGE_GAP = 10_000_000


def _current_exchange(db_path: Path) -> tuple[int, int] | None:
    """(the last export sequence, the last change number) of the current database, or None if it cannot be read."""
    if not db_path.exists():
        return None
    try:
        conn = sqlite3.connect(_ro_uri(db_path), uri=True, timeout=10)
        try:
            sequence = conn.execute("SELECT MAX(sequence) FROM exchange_bundle WHERE direction = 'out'").fetchone()[0]
            change = conn.execute("SELECT MAX(value) FROM change_counter").fetchone()[0]
            floor = conn.execute("SELECT value FROM setting WHERE key = ?", (exchange_state.CONTINUE_SETTING,)).fetchone()
        finally:
            conn.close()
    except sqlite3.Error:
        return None
    sequence = sequence or 0
    if floor:
        try:
            sequence = max(sequence, int(json.loads(floor[0]).get("sequence") or 0))
        except (ValueError, TypeError, AttributeError):
            pass
    return sequence, change or 0


def manifest_exchange(manifest: dict) -> tuple[int, int]:
    """(sequence, last change number) of an export bundle's manifest (read by ``app.exchange``)."""
    try:
        return int(manifest.get("sequence") or 0), int((manifest.get("changes") or {}).get("to") or 0)
    except (TypeError, ValueError, AttributeError):
        return 0, 0


def manifest_numbers(manifest: dict) -> dict[SeriesKey, int]:
    """The numbers issued according to an export bundle's manifest (read by ``app.exchange``)."""
    code = str((manifest.get("branch") or {}).get("code", ""))
    out: dict[SeriesKey, int] = {}
    numbers = manifest.get("numbers") or {}
    for item in numbers.get("issued") or []:
        try:
            key = SeriesKey(code, str(item["series"]), int(item["year"]))
            out[key] = max(out.get(key, 0), int(item["last"]))
        except (KeyError, TypeError, ValueError):
            continue
    for number in numbers.get("voided") or []:
        try:
            key, seq = parse_number(str(number))
        except InvalidInput:
            continue
        out[key] = max(out.get(key, 0), seq)
    return out


class NeedLastNumber(BackupError):
    """The current database is unreadable and no other source tells the highest number already issued."""


def _known_numbers(db_path: Path, branch: str, last_numbers, manifest, no_last_number: bool,
                   current_ok: bool) -> dict:
    known: dict[SeriesKey, int] = {}

    def take(source: dict):
        for key, seq in source.items():
            if key.branch == branch:
                known[key] = max(known.get(key, 0), seq)

    current = _current_numbers(db_path)
    if current is not None:
        take(current)
    for text in last_numbers or ():
        key, seq = parse_number(text)
        if key.branch != branch:
            raise InvalidInput("{number} belongs to branch {found}, but the backup is of branch {expected}.",
                               field="--last-number", number=text, found=key.branch, expected=branch)
        take({key: seq})
    if manifest:
        take(manifest_numbers(manifest))
    if not current_ok and not last_numbers and not manifest and not no_last_number:
        raise NeedLastNumber(
            "The highest number already issued is unknown (the current database cannot be read): give the highest "
            "number printed on paper (--last-number), the latest export on the stick (--manifest), or "
            "--no-last-number if no number was issued since the backup.")
    return known


def _sign_in_admin(path: Path, username: str, password: str, sign_in) -> None:
    """Sign in (``sign_in(username, password)`` gives the actor) against the database at ``path`` and require an
    admin."""
    init_db(path)
    try:
        actor = sign_in(username, password)
        with transaction():
            _require_admin(actor)
    finally:
        close_db()


def _aside_name(db_path: Path, stamp: str) -> Path:
    return db_path.with_name(f"{db_path.stem}.before-restore-{stamp}{db_path.suffix}")


def _move_with_sidecars(source: Path, target: Path) -> None:
    rename_retrying(source, target)
    for extra in ("-wal", "-shm"):
        side = Path(str(source) + extra)
        if side.exists():
            rename_retrying(side, Path(str(target) + extra))


class NeedBackupPassword(BackupError):
    """The backup is sealed (``app.records.sealed``) and no backup password was given."""


def restore(db_path: str | Path, backup_file: str | Path, *, username: str, password: str, sign_in,
            last_numbers=(), manifest: dict | None = None, no_last_number: bool = False, now: datetime | None = None,
            backup_password: str | None = None) -> dict:
    """``_restore``, first opening a sealed backup (``.cdbackup``) with ``backup_password`` into a private file
    next to the database (removed afterwards)."""
    require_file(db_path)
    db_path, backup_file = Path(db_path), Path(backup_file)
    instance.ensure_free(db_path)  # a desk working on the file: replacing it under its feet would fail or worse
    if not sealed.is_sealed(backup_file):
        return _restore(db_path, backup_file, username=username, password=password, last_numbers=last_numbers,
                        manifest=manifest, no_last_number=no_last_number, now=now, sign_in=sign_in)
    if not backup_password:
        raise NeedBackupPassword("{file} is protected by a password: give the backup password.",
                                 file=backup_file.name)
    db_path.parent.mkdir(parents=True, exist_ok=True)
    plain = db_path.with_name(f".{db_path.name}.unsealed-{_stamp(now)}.partial")
    try:
        try:
            sealed.unseal(backup_file, plain, backup_password)
        except OSError as exc:
            raise _write_error(exc, db_path.parent, backup_file.stat().st_size) from None
        return _restore(db_path, plain, username=username, password=password, last_numbers=last_numbers,
                        manifest=manifest, no_last_number=no_last_number, now=now, shown=backup_file,
                        sign_in=sign_in)
    finally:
        _remove_quietly(plain)


def _restore(db_path: Path, backup_file: Path, *, username: str, password: str, sign_in, last_numbers=(),
             manifest: dict | None = None, no_last_number: bool = False, now: datetime | None = None,
             shown: Path | None = None) -> dict:
    """Replace the database at ``db_path`` with ``backup_file`` (admin only), after checking the backup.
    ``shown`` is the file the user chose, when ``backup_file`` is the opened copy of a sealed one.

    The admin signs in (``sign_in(username, password)``, the services' sign-in) against the current database
    when it is healthy, else against the backup. The current file is kept aside
    (``*.before-restore-<time>.sqlite3``). The number series is advanced past the highest known number (the
    current database if readable, ``last_numbers``, the ``manifest`` of the latest export), and the numbers lost
    in between are recorded as voided. Leaves ``models.database`` open on the restored file.
    """
    shown = shown or backup_file
    info = describe(backup_file)
    if info["schema_version"] > SCHEMA_VERSION:
        raise BackupError("{path} was made by a newer version of Complaint Desk (schema {found}, this program knows "
                          "{known}): update the program first.", path=str(shown), found=info["schema_version"],
                          known=SCHEMA_VERSION)
    stamp = _stamp(now)
    close_db()
    current_ok = db_path.exists() and integrity(db_path, quick=True) == "ok"
    if current_ok:
        current_branch = None
        try:
            current_branch = describe(db_path)["branch"]
        except BackupError:
            current_ok = False
        if current_branch and current_branch != info["branch"]:
            raise BackupError("{path} is a backup of branch {found}, not of this desk's branch {expected}: nothing "
                              "was changed.", path=str(shown), found=info["branch"], expected=current_branch)
    known = _known_numbers(db_path, info["branch"], last_numbers, manifest, no_last_number, current_ok)
    before = _current_exchange(db_path) if current_ok else None
    if manifest:
        stick = manifest_exchange(manifest)
        before = stick if before is None else (max(before[0], stick[0]), max(before[1], stick[1]))

    # a private, checked copy of the backup next to the database (the user's backup file is never touched)
    db_path.parent.mkdir(parents=True, exist_ok=True)
    staged = db_path.with_name(f".{db_path.name}.restore-{stamp}.partial")
    _remove_quietly(staged)
    try:
        _copy(backup_file, staged, readonly=True)
        check = integrity(staged)
        if check != "ok":
            raise BackupError("{path} is not a usable backup ({detail}): nothing was changed. Choose another backup.",
                              path=str(shown), detail=check)
        _fsync_file(staged)
        # the admin signs in where the accounts are trustworthy: the current file if healthy, else the backup
        _sign_in_admin(db_path if current_ok else staged, username, password, sign_in)
    except (OSError, sqlite3.Error) as exc:
        _remove_quietly(staged)
        raise _write_error(exc, db_path.parent, backup_file.stat().st_size) from None
    except BaseException:
        _remove_quietly(staged)
        raise

    aside = _aside_name(db_path, stamp) if db_path.exists() else None
    try:
        if aside is not None:
            _move_with_sidecars(db_path, aside)
        for extra in ("-wal", "-shm"):  # a stray WAL must never be replayed onto the restored file
            safefile.unlink(Path(str(db_path) + extra))
        rename_retrying(staged, db_path)
        fsync_folder(db_path.parent)
    except OSError as exc:
        if aside is not None and aside.exists() and not db_path.exists():
            _move_with_sidecars(aside, db_path)
        _remove_quietly(staged)
        if is_in_use(exc):  # still held after the retries: another program has the database open
            raise BackupError("The database is open in another program (another Complaint Desk, a command, or a "
                              "backup or antivirus program): close it and restore again. Nothing was changed.") from None
        raise BackupError("Restoring failed ({error}); the previous database was put back.",
                          error=exc.strerror or str(exc)) from None

    init_db(db_path)
    voided: list[str] = []
    with transaction():
        branch = Branch.get(Branch.is_local == True)  # noqa: E712
        for key, highest in sorted(known.items(), key=lambda kv: (kv[0].series, kv[0].year)):
            row = NumberSeries.get_or_none((NumberSeries.branch_code == key.branch) & (NumberSeries.series == key.series)
                                           & (NumberSeries.year == key.year))
            last = row.last if row else 0
            if highest <= last:
                continue
            for seq in range(last + 1, highest + 1):
                number = numbering.format_number(key.series, key.branch, key.year, seq)
                if not VoidedNumber.select().where(VoidedNumber.number == number).exists():
                    numbering.record_void(key.branch, key.series, key.year, seq, LOST_BY_RESTORE, username)
                voided.append(number)
            if row is None:
                row = NumberSeries(branch_code=key.branch, series=key.series, year=key.year, last=0)
            row.last = highest
            row.save()
        restored = _current_exchange_here()
        if before is None:  # how far the lost database got is unknown: continue well beyond the backup
            sequence, change = restored[0] + UNKNOWN_SEQUENCE_GAP, restored[1] + UNKNOWN_CHANGE_GAP
        else:
            sequence, change = max(before[0], restored[0]), max(before[1], restored[1])
        exchange_state.continue_after(sequence, change)
        history.record(username, "database", branch.uuid, branch.code, "restore",
                       after={"backup": shown.name, "aside": aside.name if aside else None,
                              "voided": voided, "exports_continue_after": sequence, "changes_continue_after": change})
    return {"restored": str(db_path), "from": str(shown), "branch": info["branch"], "cases": info["cases"],
            "previous_kept_as": str(aside) if aside else None, "voided": voided,
            "exports_continue_after": sequence, "integrity": "ok"}


def _current_exchange_here() -> tuple[int, int]:
    """(the last export sequence, the last change number) of the open (restored) database."""
    return (exchange_state.next_sequence() - 1,
            ChangeCounter.select(peewee.fn.MAX(ChangeCounter.value)).scalar() or 0)
