"""``make screenshots``: render the main views in Simplified Chinese and English to PNG files for review.

A temporary database is filled with realistic data through the services (``ui.sample_data``); each view is
shown offscreen and grabbed. Run with QT_QPA_PLATFORM=offscreen.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QWidget


SCREEN = (1366, 768)  # the smallest screen a branch PC has: every window is rendered (and must be usable) at it


def _settle(app: QApplication, rounds: int = 5) -> None:
    for _ in range(rounds):
        app.processEvents()


def _save(widget: QWidget, path: Path, app: QApplication) -> None:
    widget.show()
    _settle(app)
    widget.grab().save(str(path))
    print(path)


def _save_page(window, path: Path, app: QApplication) -> None:
    """The whole scrolled page of a slip or notice window, as it would print: every section, no scroll bar."""
    page = window.scroll.widget()
    page.resize(window.scroll.viewport().width(), page.sizeHint().height())
    _settle(app)
    page.grab().save(str(path))
    print(path)


def render(out: Path, languages=("zh_CN", "en")) -> list[Path]:
    from app.services import auth

    auth.use_hash_cost(1, 64)  # the sample users need not be expensive to sign in
    from ui import application, sample_data
    from ui.main_window import MainWindow
    from ui.session import Session
    from ui.signin import SignInDialog

    out.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="cdesk-shots-"))
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(work / "settings"))
    app = application.create_application(sys.argv[:1], language="zh_CN")
    actors = sample_data.create_branch(work / "desk.sqlite3")
    now = datetime.now(sample_data.ZONE)  # the screenshots show the desk as it looks today
    numbers = sample_data.populate(actors, now)
    from app.services import ui_queries

    branch = ui_queries.local_branch()
    written = []
    for language in languages:
        application.install_language(app, language)
        prefix = "zh" if language == "zh_CN" else "en"

        dialog = SignInDialog(branch["name"])
        dialog.username.setText("wangfang")
        _save(dialog, out / f"{prefix}-1-sign-in.png", app)
        dialog.close()

        def session(username):
            return Session(actor=actors[username], db_target=str(work / "desk.sqlite3"), data_dir=work, branch=branch)

        window = MainWindow(session("chenjing"))
        window.resize(*SCREEN)
        for page, name in (("my_work", "2-my-work"), ("register", "3-register"), ("pending", "4-pending"),
                           ("rectification", "5-rectification"), ("reports", "6-reports"),
                           ("numbers", "6-number-check")):
            window.go_to(page)
            _save(window, out / f"{prefix}-{name}.png", app)
        admin = MainWindow(session("admin"))
        admin.resize(*SCREEN)
        settings_view = admin.go_to("settings")
        _save(admin, out / f"{prefix}-6-settings.png", app)
        row = next(r for r in range(settings_view.users.rowCount()) if settings_view.users.item(r, 0).text() == "liuyang")
        settings_view.users.setCurrentCell(row, 0)
        editor = settings_view.edit_user()  # Settings > Edit the selected user
        _save(editor, out / f"{prefix}-6-edit-user.png", app)
        editor.close()
        admin.close()

        slip = window.new_slip(draft=sample_data.case_document(
            now,
            complainant={"name": "周建华", "mobile": "13812345678", "address": "北京市朝阳区望京街10号"},
            plate_no="京N88990", amount={"line": "auto", "value": 15000}, summary="定损金额争议",
            reason="定损金额与维修报价差距大", content="客户称车辆追尾后维修报价一万五千元，定损员只认定八千元。"))
        slip.resize(*SCREEN)
        slip.update_badge()
        _save(slip, out / f"{prefix}-7-new-slip.png", app)
        slip.draft.enabled = False
        slip.close()

        case = window.open_case(numbers["pending_approval"])
        case.resize(*SCREEN)
        _save(case, out / f"{prefix}-8-slip-window.png", app)
        dialog = case.start_action("notice")  # an action's form over the slip
        _save(dialog, out / f"{prefix}-8-action-form.png", app)
        dialog.reject()
        _save_page(case, out / f"{prefix}-9-slip-full.png", app)
        case.close()

        from app.services import cases

        notice_number = cases.show_case(actors["chenjing"], numbers["pending_approval"])["notices"][0]["number"]
        notice = window.open_notice(notice_number)
        notice.resize(*SCREEN)
        _save(notice, out / f"{prefix}-10-notice.png", app)
        notice.close()

        from ui.guide import GuideDialog

        guide = GuideDialog(window)  # Help > User guide (F1)
        guide.resize(*SCREEN)
        _save(guide, out / f"{prefix}-12-user-guide.png", app)
        guide.close()

        locked = MainWindow(session("wangfang"))  # the screen lock after idle time: no personal data on it
        locked.resize(*SCREEN)
        locked.go_to("register")
        locked.lock()
        locked.lock_screen.password.setText("wrong password")
        locked.lock_screen.submit()  # the core's answer, as the desk shows it
        _save(locked, out / f"{prefix}-11-screen-lock.png", app)
        locked.close()
        window.close()
        written += sorted(out.glob(f"{prefix}-*.png"))
    ui_queries.close_database()
    return written


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", default="screenshots")
    args = parser.parse_args(argv)
    render(Path(args.out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
