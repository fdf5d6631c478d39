"""Writing files so that a full disk, a pulled-out stick or a power cut never leaves half a file under the
real name: write a temporary file beside the target, flush it to the drive, rename it over the target, and
flush the folder so the rename itself survives."""
from __future__ import annotations

import os
from pathlib import Path

from app import i18n
from app.errors import DeskError

i18n.register({"Cannot write {path}: {error}": "无法写入 {path}：{error}"})


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


def write_atomically(path: str | Path, data: bytes, *, field: str | None = "--out") -> Path:
    """Write ``data`` to ``path`` all or nothing; a failure raises a DeskError naming the file and the cause."""
    target = Path(path)
    temporary = target.with_name(f".{target.name}.part")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with open(temporary, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, target)
        fsync_folder(target.parent)
    except OSError as exc:
        try:
            temporary.unlink()
        except OSError:
            pass
        raise DeskError("Cannot write {path}: {error}", field=field, path=str(target),
                        error=exc.strerror or str(exc)) from None
    return target
