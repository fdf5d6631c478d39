"""What the user is told when a service call fails, on the command line and in the windows alike."""
from __future__ import annotations

import sqlite3

import peewee

from app import i18n
from app.errors import DeskError
from app.records import logs
from app.records.integrity import storage_full_error
from models.db import StorageFull, is_storage_full
from models.migrations import SchemaTooNew

i18n.register({
    "The database file is damaged or is not a Complaint Desk database ({detail}): restore it from a backup.":
        "数据库文件已损坏或不是本程序的数据库（{detail}）：请从备份恢复。",
    "The database is busy (another program is writing to it); try again in a moment.":
        "数据库正被其他程序写入，请稍后再试。",
    "Cannot read or write {path}: {detail}.": "无法读写 {path}：{detail}。",
    "Unexpected error: {detail}. Nothing was saved; the log file has the details.":
        "意外错误：{detail}。未保存任何内容，详情见日志文件。",
    "Unexpected error: {detail}. Nothing was saved; the details are in {log}.":
        "意外错误：{detail}。未保存任何内容，详情见日志文件 {log}。",
    "This database was written by a newer version of the program; update the program first.":
        "该数据库由更新版本的程序写入，请先升级程序。",
    "The database server cannot be reached or broke off the work ({detail}). Nothing was saved: check the network "
    "and that the server is running, then try again.":
        "无法连接数据库服务器，或服务器中断了操作（{detail}）。未保存任何内容：请检查网络及服务器是否运行，然后重试。",
    "The database server refused the work ({detail}). Nothing was saved; tell the server's administrator.":
        "数据库服务器拒绝了该操作（{detail}）。未保存任何内容，请告知服务器管理员。",
})


def _on_server() -> bool:
    """Whether the open database is on a server (headquarters on PostgreSQL), where there is no file to damage."""
    from models.db import database

    return database.obj is not None and not isinstance(database.obj, peewee.SqliteDatabase)


def describe(exc: BaseException) -> str:
    """One line, in the user's language, for any failure of a service call: a refusal of the rules in its own
    words; a full disk, a busy or damaged database, a file that cannot be read or written, or anything else
    unexpected, each with what to do."""
    if isinstance(exc, DeskError):
        return exc.localized()
    if isinstance(exc, StorageFull) or is_storage_full(exc):  # not a damaged file: the save was rolled back
        return storage_full_error().localized()
    if isinstance(exc, SchemaTooNew):
        return i18n.t("This database was written by a newer version of the program; update the program first.")
    if isinstance(exc, (peewee.DatabaseError, peewee.InterfaceError)) and _on_server():
        detail = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        if isinstance(exc, (peewee.OperationalError, peewee.InterfaceError)):  # the connection, not the data
            return i18n.t("The database server cannot be reached or broke off the work ({detail}). Nothing was "
                          "saved: check the network and that the server is running, then try again.", detail=detail)
        return i18n.t("The database server refused the work ({detail}). Nothing was saved; tell the server's "
                      "administrator.", detail=detail)
    if isinstance(exc, (peewee.OperationalError, sqlite3.OperationalError)) and "locked" in str(exc):
        return i18n.t("The database is busy (another program is writing to it); try again in a moment.")
    if isinstance(exc, (peewee.DatabaseError, sqlite3.DatabaseError)):
        return i18n.t("The database file is damaged or is not a Complaint Desk database ({detail}): restore it "
                      "from a backup.", detail=str(exc).splitlines()[0] if str(exc) else type(exc).__name__)
    if isinstance(exc, OSError):
        return i18n.t("Cannot read or write {path}: {detail}.", path=exc.filename or "", detail=exc.strerror or exc)
    detail = f"{type(exc).__name__}: {exc}".splitlines()[0]
    if logs.log_file() is not None:  # name the file the details went to
        return i18n.t("Unexpected error: {detail}. Nothing was saved; the details are in {log}.", detail=detail,
                      log=str(logs.log_file()))
    return i18n.t("Unexpected error: {detail}. Nothing was saved; the log file has the details.", detail=detail)
