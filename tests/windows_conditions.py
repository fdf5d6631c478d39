"""Windows' file semantics, emulated for tests on Linux.

On Windows a file another process holds open (Excel, WPS, a PDF viewer, an antivirus scan, the indexer, a
second desk) cannot be replaced, renamed or removed: the call fails with PermissionError ([WinError 32] or 5,
errno 13). Linux lets it happen, so the tests make the same calls fail for the files a test says are held.
``hold_forever`` is a program that keeps the file open; ``hold_briefly`` a scanner that lets go after a few
attempts. ``immutable`` makes a file truly unreplaceable for other processes too (Linux ``chattr +i``, root only).
"""
from __future__ import annotations

import errno
import os
import shutil
import subprocess
from contextlib import contextmanager
from pathlib import Path

SHARING_VIOLATION = "The process cannot access the file because it is being used by another process"


class HeldFiles:
    def __init__(self, monkeypatch):
        self.forever: set[str] = set()
        self.briefly: dict[str, int] = {}
        self.refusals = 0
        real = {name: getattr(os, name) for name in ("replace", "rename", "remove", "unlink")}
        for name, function in real.items():
            monkeypatch.setattr(os, name, self._guard(function))

    def _refuse(self, *paths) -> None:
        for path in paths:
            key = os.path.abspath(os.fspath(path))
            if key in self.forever:
                self.refusals += 1
                raise PermissionError(errno.EACCES, SHARING_VIOLATION, os.fspath(path))
            if self.briefly.get(key, 0) > 0:
                self.briefly[key] -= 1
                self.refusals += 1
                raise PermissionError(errno.EACCES, SHARING_VIOLATION, os.fspath(path))

    def _guard(self, function):
        def guarded(*args, **kwargs):
            self._refuse(*[a for a in args[:2] if isinstance(a, (str, os.PathLike))])
            return function(*args, **kwargs)

        return guarded

    def hold_forever(self, path) -> None:
        self.forever.add(os.path.abspath(os.fspath(path)))

    def let_go(self, path) -> None:
        self.forever.discard(os.path.abspath(os.fspath(path)))

    def hold_briefly(self, path, attempts: int = 3) -> None:
        self.briefly[os.path.abspath(os.fspath(path))] = attempts


@contextmanager
def immutable(path: Path):
    """The file cannot be replaced or removed by any process until the block ends: on Windows it is simply held
    open (Python opens files without FILE_SHARE_DELETE, as Excel does), on Linux it is made immutable
    (``chattr +i``). Yields False where neither is possible (not root, no chattr, a filesystem without it)."""
    if os.name == "nt":
        with open(path, "rb"):
            yield True
        return
    if os.name != "posix" or os.geteuid() != 0 or not shutil.which("chattr"):
        yield False
        return
    if subprocess.run(["chattr", "+i", str(path)], capture_output=True).returncode != 0:
        yield False
        return
    try:
        yield True
    finally:
        subprocess.run(["chattr", "-i", str(path)], capture_output=True)


DESK_HOLDER = """
import sys, time
from app.records import instance
instance.hold(sys.argv[1])
print("held", flush=True)
time.sleep(120)
"""


@contextmanager
def another_desk(db):
    """Another process holding the desk lock of ``db``, as a running desk does; yields that process."""
    import sys

    root = str(Path(__file__).resolve().parents[1])
    process = subprocess.Popen([sys.executable, "-c", DESK_HOLDER, str(db)], cwd=root, stdout=subprocess.PIPE,
                               env=dict(os.environ, PYTHONPATH=root))
    try:
        assert process.stdout.readline().strip() == b"held"
        yield process
    finally:
        process.kill()
        process.wait(timeout=30)
