"""Writing files so that a full disk, a pulled-out stick or a power cut never leaves half a file under the
real name: write a temporary file beside the target, flush it to the drive, rename it over the target, and
flush the folder so the rename itself survives.

Files in use (Windows): a file another program holds open cannot be replaced or removed there. Two cases:
- for a moment: an antivirus scanner or the search indexer opens every new file. ``retry`` tries the rename,
  replace or removal again for about two seconds before giving up;
- for as long as the user keeps it open: a report open in Excel or WPS. ``write_atomically`` then raises
  ``FileInUse``, which says "close it there" (and the windows offer another name), never "[Errno 13]".
"""
from __future__ import annotations

import errno
import os
import time
from pathlib import Path
from typing import Callable, TypeVar

from app import i18n
from app.errors import DeskError

i18n.register({
    "Cannot write {path}: {error}": "无法写入 {path}：{error}",
    "{path} is open in another program (Excel or WPS?): close it there and try again, or save under another name.":
        "文件 {path} 正被其他程序（Excel 或 WPS？）打开：请先在该程序中关闭它再重试，或另存为其他文件名。",
})

# Windows error codes of a file held by another process: sharing violation, lock violation, access denied
# (which is also what replacing a file open without FILE_SHARE_DELETE gives)
SHARING_ERRORS = (32, 33, 5)
RETRY_DELAYS = (0.05, 0.1, 0.15, 0.2, 0.25, 0.25, 0.25, 0.25, 0.25, 0.25)  # about two seconds in all

T = TypeVar("T")


class FileInUse(DeskError):
    """The target file is held open by another program (Excel, WPS, a viewer): it cannot be replaced."""

    def __init__(self, message: str = "{path} is open in another program (Excel or WPS?): close it there and try "
                 "again, or save under another name.", *, field: str | None = None, **params):
        super().__init__(message, field=field, **params)

    @property
    def path(self) -> str:
        return str(self.params.get("path", ""))


def is_in_use(exc: BaseException) -> bool:
    """Whether ``exc`` says another process holds the file (Windows), as opposed to a missing folder, a full
    disk or a read-only medium."""
    if not isinstance(exc, OSError):
        return False
    if getattr(exc, "winerror", None) in SHARING_ERRORS:
        return True
    return isinstance(exc, PermissionError) and exc.errno in (errno.EACCES, errno.EPERM, errno.EBUSY)


def retry(action: Callable[[], T], *, delays=RETRY_DELAYS, sleep=time.sleep) -> T:
    """``action()``, tried again for about two seconds while the file is held by another process (an antivirus
    scan or the indexer opening a new file); any other failure, or the last one, is raised."""
    for delay in delays:
        try:
            return action()
        except OSError as exc:
            if not is_in_use(exc):
                raise
            sleep(delay)
    return action()


def replace(source: str | Path, target: str | Path) -> None:
    """``os.replace`` with the retries of ``retry``."""
    retry(lambda: os.replace(source, target))


def rename(source: str | Path, target: str | Path) -> None:
    """``os.rename`` with the retries of ``retry``."""
    retry(lambda: os.rename(source, target))


def unlink(path: str | Path, *, missing_ok: bool = True) -> None:
    """Remove ``path``, with the retries of ``retry``."""
    retry(lambda: Path(path).unlink(missing_ok=missing_ok))


def fsync_folder(folder: str | Path) -> None:
    """Make a rename in ``folder`` durable (POSIX; Windows commits renames with the file)."""
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def write_atomically(path: str | Path, data: bytes, *, field: str | None = "--out", create_folder: bool = True) -> Path:
    """Write ``data`` to ``path`` all or nothing; a failure raises a DeskError naming the file and the cause
    (``FileInUse`` when another program holds the file open). ``create_folder``: make a missing folder (the
    command line's ``--out``), or refuse (a folder chosen in a dialog that has since gone away)."""
    target = Path(path)
    temporary = target.with_name(f".{target.name}.part")
    try:
        if create_folder:
            target.parent.mkdir(parents=True, exist_ok=True)
        with open(temporary, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
    except OSError as exc:
        _remove_quietly(temporary)
        raise DeskError("Cannot write {path}: {error}", field=field, path=str(target),
                        error=exc.strerror or str(exc)) from None
    try:
        replace(temporary, target)
        fsync_folder(target.parent)
    except OSError as exc:
        _remove_quietly(temporary)
        if is_in_use(exc) and target.exists() and not _read_only(target):  # held by a program, not read-only
            raise FileInUse(field=field, path=str(target)) from None
        raise DeskError("Cannot write {path}: {error}", field=field, path=str(target),
                        error=exc.strerror or str(exc)) from None
    return target


def _read_only(path: Path) -> bool:
    """A file marked read-only in Windows' file properties (which also refuses the replace, for another reason)."""
    import stat

    attributes = getattr(os.stat(path), "st_file_attributes", 0)  # Windows only
    return bool(attributes & getattr(stat, "FILE_ATTRIBUTE_READONLY", 0))


def _remove_quietly(path: Path) -> None:
    try:
        path.unlink()
    except OSError:
        pass
