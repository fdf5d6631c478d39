"""``complaint-desk-cli``: the command line as its own console program (Windows: complaint-desk-cli.exe).

The desk itself (``complaint-desk.exe``, ui/entry.py) is a windowed program: no console window opens with it,
and none stays behind to be closed by mistake (hiding its own console failed where Windows Terminal is the
default console, Windows 11). Scripts, ``selftest`` on the telephone with support, and the legacy imports use
this program instead, built from the same sources into the same folder. It never loads Qt.
"""
from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    from app.records import logs

    if args in (["--version"], ["-V"]):
        from app.cli import use_utf8_streams
        from app.version import version

        use_utf8_streams()
        sys.stdout.write(f"complaint-desk {version()}\n")
        return 0
    logs.configure("cli")
    from app.cli import main as command_line

    return command_line(args)


if __name__ == "__main__":
    import multiprocessing

    multiprocessing.freeze_support()  # the import's worker process (app.exchange.ahead) in the built program
    sys.exit(main())
