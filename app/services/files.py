"""Files the windows write themselves (drafts, saved reports), with the core's handling of files in use:
brief retries while an antivirus or the indexer holds a file, ``FileInUse`` when a program such as Excel or
WPS keeps it open (``app.records.safefile``). No Qt here."""
from __future__ import annotations

from pathlib import Path

from app.records import safefile
from app.records.safefile import FileInUse  # noqa: F401  (the windows catch it to offer another name)


def save_file(path: str | Path, data: bytes) -> str:
    """Write ``data`` to ``path`` all or nothing. Raises ``FileInUse`` when another program holds the file
    open, a ``DeskError`` naming the file for any other failure."""
    return str(safefile.write_atomically(path, data, field=None, create_folder=False))


def move_into_place(temporary: str | Path, target: str | Path) -> str:
    """Put a finished temporary file under its real name. Raises ``FileInUse`` when another program holds the
    target open (the temporary file stays, for another try or another name), a ``DeskError`` otherwise."""
    from app.errors import DeskError

    try:
        safefile.replace(temporary, target)
    except OSError as exc:
        if safefile.is_in_use(exc) and Path(target).exists():
            raise FileInUse(path=str(target)) from None
        raise DeskError("Cannot write {path}: {error}", path=str(target), error=exc.strerror or str(exc)) from None
    return str(target)


def replace_file(source: str | Path, target: str | Path) -> None:
    safefile.replace(source, target)


def remove_file(path: str | Path) -> None:
    safefile.unlink(path)


def removable_drives() -> list[tuple[str, str, int]]:
    """(label, root, free bytes) of the writable removable drives mounted now: USB sticks, and the USB disks
    that Windows reports as fixed (``app.exchange.drives``)."""
    from app.exchange.drives import removable_drives as found

    return [(drive.name, drive.root, drive.free) for drive in found()]
