"""Start-up probes run in a subprocess by the harness (QT_QPA_PLATFORM=offscreen).

``python -m bench.probe desk DB USER PASSWORD SETTINGS_DIR``: what ``python -m ui`` does, with the sign-in
dialog's answer given (the password is still checked at its real cost): open the database, sign in, show the
main window, go to the register, and wait until its first rows are on screen. Prints ``READY <rss_kib>``.

``python -m bench.probe bare``: the baseline, a bare QApplication showing an empty main window.
"""
from __future__ import annotations

import sys


def rss_kib() -> int:
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def bare() -> int:
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.resize(1280, 800)
    window.show()
    app.processEvents()
    print(f"READY {rss_kib()}", flush=True)
    return 0


def desk(db: str, username: str, password: str, settings_dir: str) -> int:
    from PySide6.QtCore import QSettings

    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, settings_dir)
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    from app.services import auth, ui_queries
    from ui import application
    from ui.session import Session

    app = application.create_application(sys.argv[:1], language="zh_CN")
    shell = application.Desk(app, db)
    if not shell.open():
        print("FAILED open", flush=True)
        return 1
    actor = auth.sign_in(username, password)
    window = shell.show_main(Session(actor=actor, db_target=db, data_dir=shell.data_dir,
                                     branch=ui_queries.local_branch() or {}))
    view = window.go_to("register")
    for _ in range(200):
        app.processEvents()
        model = getattr(view, "model", None)
        if model is not None and model.rowCount() > 0 and window.isVisible():
            break
    else:
        print("FAILED register empty", flush=True)
        return 1
    view.table.viewport().repaint()  # the first screen of rows painted (fetches their display rows)
    app.processEvents()
    print(f"READY {rss_kib()} rows={view.model.total}", flush=True)
    return 0


def main(argv: list[str]) -> int:
    if argv and argv[0] == "bare":
        return bare()
    if argv and argv[0] == "desk" and len(argv) == 5:
        return desk(*argv[1:])
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
