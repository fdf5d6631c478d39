"""The one program ``complaint-desk``: the windows when started with no command, the command line otherwise.

    complaint-desk                 # the windows (first-run set-up on a new computer)
    complaint-desk --demo          # the windows on a temporary database full of demonstration cases
    complaint-desk selftest        # any command of ``python -m app`` (README, "Command line")
    complaint-desk --version

This module lives in ``ui`` because it may start the windows; the command line never imports Qt, so a
command starts quickly and works on a machine without a display. PyInstaller builds the executable from
this file (build.spec).
"""
from __future__ import annotations

import sys

# options that mean "start the windows"; Qt's own options (-platform offscreen, -style ...) pass through too
WINDOW_OPTIONS = ("--demo",)
QT_OPTIONS_WITH_VALUE = ("-platform", "-style", "-stylesheet", "-qmljsdebugger", "-reverse", "-session")


def wants_windows(args: list[str]) -> bool:
    """No command word: the windows. ``--help``/``--version`` and any command word: the command line."""
    index = 0
    while index < len(args):
        arg = args[index]
        if arg in WINDOW_OPTIONS:
            index += 1
        elif arg in QT_OPTIONS_WITH_VALUE:
            index += 2
        else:
            return False
    return True


def _hide_own_console() -> None:
    """Windows: the executable is a console program so that commands can print; when it was started by a
    double click it owns a fresh console window, which the windowed desk hides."""
    if sys.platform != "win32":
        return
    try:
        import ctypes

        kernel32 = ctypes.windll.kernel32
        processes = (ctypes.c_uint * 4)()
        if kernel32.GetConsoleProcessList(processes, 4) <= 1:  # nobody else shares this console
            window = kernel32.GetConsoleWindow()
            if window:
                ctypes.windll.user32.ShowWindow(window, 0)  # SW_HIDE
    except Exception:  # hiding the console is a nicety, never a reason to fail
        pass


_application = None


def _application_with_icon(argv: list[str]):
    """Create the QApplication (ui.application reuses it) with the program's icon on every window."""
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    from ui.session import resources_dir

    if sys.platform == "win32":  # the taskbar groups the desk's windows under its own icon, not Python's
        try:
            import ctypes

            ctypes.windll.shell32.SetCurrentProcessExplicitAppUserModelID("ComplaintDesk.Desk")
        except Exception:
            pass
    app = QApplication.instance() or QApplication(argv)
    icon = resources_dir() / "icons" / "complaint-desk.png"
    if icon.is_file():
        app.setWindowIcon(QIcon(str(icon)))
    return app


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    from app.services import system

    if args in (["--version"], ["-V"]):
        from app.version import version

        sys.stdout.write(f"complaint-desk {version()}\n")
        return 0
    if wants_windows(args):
        system.configure_logging("ui")
        _hide_own_console()
        global _application
        _application = _application_with_icon([sys.argv[0], *args])  # kept alive for the whole run
        from ui.application import main as windows

        return windows([sys.argv[0], *args])
    system.configure_logging("cli")
    from app.cli import main as command_line

    return command_line(args)


if __name__ == "__main__":
    import multiprocessing

    multiprocessing.freeze_support()  # the built program starting the import's worker process (app.exchange.ahead)
    sys.exit(main())
