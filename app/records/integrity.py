"""Start-up integrity check 启动自检: is the database file sound, and if not, what is the way out.

``startup_check`` runs ``PRAGMA quick_check`` on the file before the program opens it, and answers with a
result the window shows as is: ok, or the problem with the way out (restore the latest backup, named with
its time). ``storage_full_message`` turns a full disk during a save into the message the user sees.
"""
from __future__ import annotations

import sqlite3
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from app import i18n
from app.records import backup
from app.errors import DeskError

i18n.register({
    "The database is sound.": "数据库完好。",
    "No database yet at {path}: first-run setup will create it.": "{path} 尚无数据库：首次运行设置将创建它。",
    "The database {path} is damaged ({detail}). Restore the latest backup, made at {at}: {backup}. The damaged file is kept aside.":
        "数据库 {path} 已损坏（{detail}）。请从最近的备份恢复（备份时间 {at}）：{backup}。损坏的文件会另行保留。",
    "The database {path} is damaged ({detail}) and there is no automatic backup next to it. Restore a backup from a USB stick ('restore FILE'), or call support; do not keep working on this file.":
        "数据库 {path} 已损坏（{detail}），且旁边没有自动备份。请从U盘上的备份恢复（restore FILE），或联系技术支持；请勿继续使用此文件。",
    "The disk is full: nothing was saved. Free some space on the computer, then try again.":
        "磁盘已满：本次未保存任何内容。请清理电脑磁盘空间后重试。",
})


# the time a backup was made is said in office time (the policy that may name another zone is in the damaged file)
OFFICE_ZONE = ZoneInfo("Asia/Shanghai")


@dataclass(frozen=True)
class IntegrityResult:
    ok: bool
    exists: bool
    path: str
    detail: str           # "ok" or what quick_check found
    message: str          # in the user's language, with the way out when not ok
    latest_backup: str | None = None
    latest_backup_at: str | None = None

    def to_json(self) -> dict:
        return asdict(self)


def quick_check(path: str | Path) -> str:
    """``PRAGMA quick_check`` of the file: "ok" or the first problems found (or why the file cannot be read)."""
    path = Path(path)
    try:
        # a normal (read-write) connection, so that a WAL left by a power cut is recovered before checking
        conn = sqlite3.connect(str(path), timeout=10)
    except sqlite3.Error as exc:
        return str(exc)
    try:
        rows = conn.execute("PRAGMA quick_check").fetchall()
        # one line, however SQLite breaks its report: it is quoted in a sentence the user reads
        lines = [line.strip(" *") for row in rows[:5] for line in str(row[0]).splitlines()]
        text = "; ".join(line for line in lines if line)
        return "ok" if text == "ok" else _shortened(text)
    except sqlite3.Error as exc:
        return str(exc)
    finally:
        conn.close()


def _shortened(text: str, limit: int = 240) -> str:
    return text if len(text) <= limit else text[:limit - 1].rstrip("; ") + "…"


def startup_check(db_path: str | Path) -> IntegrityResult:
    """What the window calls before opening the database (and ``selftest``). Never raises for a damaged file."""
    if "://" in str(db_path):  # headquarters on PostgreSQL: the server guards its own files
        return IntegrityResult(ok=True, exists=True, path=str(db_path), detail="ok",
                               message=i18n.t("The database is sound."))
    path = Path(db_path)
    if not path.exists():
        return IntegrityResult(ok=True, exists=False, path=str(path), detail="ok",
                               message=i18n.t("No database yet at {path}: first-run setup will create it.",
                                              path=str(path)))
    detail = quick_check(path)
    if detail == "ok":
        return IntegrityResult(ok=True, exists=True, path=str(path), detail="ok",
                               message=i18n.t("The database is sound."))
    latest = backup.latest_backup(path)
    if latest:
        made = datetime.fromisoformat(latest["at"]).astimezone(OFFICE_ZONE).strftime("%Y-%m-%d %H:%M")
        message = i18n.t("The database {path} is damaged ({detail}). Restore the latest backup, made at {at}: "
                         "{backup}. The damaged file is kept aside.", path=str(path), detail=detail,
                         at=made, backup=latest["file"])
    else:
        message = i18n.t("The database {path} is damaged ({detail}) and there is no automatic backup next to it. "
                         "Restore a backup from a USB stick ('restore FILE'), or call support; do not keep working "
                         "on this file.", path=str(path), detail=detail)
    return IntegrityResult(ok=False, exists=True, path=str(path), detail=detail, message=message,
                           latest_backup=latest["file"] if latest else None,
                           latest_backup_at=latest["at"] if latest else None)


def storage_full_error() -> DeskError:
    """The refusal shown when a save hit a full disk (``models.db.StorageFull``): the transaction was rolled back."""
    return DeskError("The disk is full: nothing was saved. Free some space on the computer, then try again.")
