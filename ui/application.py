"""Start-up of the desk: QApplication, the bundled CJK font, the translation, the database, sign-in, main window.

``main()`` is what ``python -m ui`` runs. ``Desk`` keeps the pieces together so that signing out, or
switching the language in Settings, rebuilds the main window without restarting the program.
"""
from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication, QDialog

from app import i18n
from app.services import backups
from app.services.system import default_db_target
from ui import settings as prefs
from ui.session import Session, resources_dir
from ui.widgets import STYLE

_translators: list[QTranslator] = []
_font_family: str | None = None
_fallback_families: list[str] = []


def register_fonts() -> str | None:
    """Register the bundled fonts so Chinese renders on any machine: WenQuanYi Micro Hei as the family of
    every window, and the fallback fonts the printouts use for the characters it lacks (CJK Extension A
    and B: a rare character of a name), so the screen shows what the paper prints, not a system font."""
    global _font_family
    if _font_family is not None:
        return _font_family
    from app.services.printing import screen_fonts

    files, fallbacks = screen_fonts()
    registered = []
    for path in files:
        font_id = QFontDatabase.addApplicationFont(path) if Path(path).is_file() else -1
        families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
        registered.append(families[0] if families else None)
    _font_family = registered[0] if registered else None
    _fallback_families[:] = [family for family in fallbacks if family in registered]
    if _font_family:
        QFont.insertSubstitutions(_font_family, _fallback_families)  # any font naming the primary falls back too
    return _font_family


def translation_file(language: str) -> Path:
    return resources_dir() / "translations" / f"complaint_desk_{language}.qm"


def install_language(app: QApplication, language: str) -> str:
    """Load the desk's .qm (and Qt's own strings) for ``language``; the core's messages follow too."""
    language = "en" if language.startswith("en") else "zh_CN"
    for translator in _translators:
        app.removeTranslator(translator)
    _translators.clear()
    i18n.set_language(language)
    if language == "zh_CN":
        QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
        desk = QTranslator(app)
        if desk.load(str(translation_file(language))):
            _translators.append(desk)
        qt = QTranslator(app)
        if qt.load("qtbase_zh_CN", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            _translators.append(qt)
    else:
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        plurals = QTranslator(app)  # English is the source; this file only holds the plural forms
        if plurals.load(str(translation_file("en"))):
            _translators.append(plurals)
    for translator in _translators:
        app.installTranslator(translator)
    return language


def create_application(argv: list[str] | None = None, language: str | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv)
    app.setOrganizationName(prefs.ORGANISATION)
    app.setApplicationName(prefs.APPLICATION)
    family = register_fonts()
    if family:
        font = QFont(family)
        font.setFamilies([family, *_fallback_families])  # per character: primary, then the fallbacks
        font.setPointSize(max(app.font().pointSize(), 10))
        app.setFont(font)
    app.setStyleSheet(STYLE)
    install_language(app, language or prefs.language())
    return app


class Desk:
    """The running program: opens the database, asks who is at the desk, shows the main window."""

    def __init__(self, app: QApplication, db_target: str, data_dir: Path | None = None):
        self.app = app
        self.db_target = db_target
        self.data_dir = Path(data_dir) if data_dir else (Path(db_target).parent if "://" not in db_target
                                                           else Path.home())
        self.window = None
        self.hint = ""
        self.backups = None
        self.startup_check = None

    def open(self) -> bool:
        """Open the database; run the first-start set-up on an empty one. False if the user gave up."""
        from app.services import ui_queries
        from ui import ops
        from ui.first_run import FirstRunWizard

        # one desk per database: a second one is told, and stops
        if ops.call(ui_queries.hold_database, self.db_target,
                    title=QCoreApplication.translate("Desk", "Complaint Desk is already open")) is ops.FAILED:
            return False
        try:
            ui_queries.open_database(self.db_target)
            set_up = ui_queries.is_set_up()
        except Exception as exc:  # noqa: BLE001 - only a damaged file is handled here
            if not ui_queries.is_damaged_file(exc):
                raise
            # the file cannot even be read: the check now, and the way out

            if not self.offer_restore(backups.startup_check(self.db_target)):
                return False
            ui_queries.open_database(self.db_target)
            set_up = ui_queries.is_set_up()
        if not set_up:
            if FirstRunWizard().exec() != QDialog.DialogCode.Accepted:
                return False
        self.start_backups()
        return True

    def check_in_background(self) -> None:
        """The start-up check of the file (``ui.restore.StartupCheck``), once per run, while the desk is used."""
        from ui.restore import StartupCheck

        if self.startup_check is None and "://" not in self.db_target:
            self.startup_check = StartupCheck(self.db_target, self.app)
            self.startup_check.finished.connect(self.checked)
            self.startup_check.start()

    def checked(self, result) -> None:
        if result.ok:
            return
        if self.backups is not None:
            self.backups.pause()
        if self.offer_restore(result, self.window):
            if self.backups is not None:
                self.backups.pause(False)
            self.sign_out()  # the restored file: whoever works on it signs in again
        else:
            self.app.quit()

    def offer_restore(self, result, parent=None) -> bool:
        """The damaged file and the way out (``ui.restore.RestoreDialog``); True once a backup was restored."""
        from ui.restore import RestoreDialog

        return RestoreDialog(result, parent).exec() == QDialog.DialogCode.Accepted

    def start_backups(self) -> None:
        """Automatic backups for as long as the program runs (``ui.backups``), reported in the status bar."""
        from ui.backups import AutomaticBackups

        if self.backups is None:
            self.backups = AutomaticBackups(self.db_target, self.app)
            self.backups.finished.connect(self.backup_finished)

    def backup_finished(self, result) -> None:
        if self.window is None or result is None:
            return
        if isinstance(result, str):  # why it failed: stays until something else is shown there
            self.window.statusBar().showMessage(
                QCoreApplication.translate("Desk", "Automatic backup failed: {reason}").format(reason=result))
        else:
            self.window.statusBar().showMessage(
                QCoreApplication.translate("Desk", "Automatic backup made: {file}").format(file=Path(result["file"]).name),
                15000)

    def close(self) -> None:
        """The program is ending (every window closed): the backup on exit, and its failure said; then the
        database is free for another desk."""
        from app.services import ui_queries

        try:
            if self.backups is None:
                return
            reason = self.backups.on_exit()
            if reason:
                from ui import dialogs

                dialogs.error(None, QCoreApplication.translate("Desk", "Backup on exit"), reason)
        finally:
            ui_queries.release_database(self.db_target)

    def sign_in(self) -> bool:
        from app.services import ui_queries
        from ui.signin import SignInDialog

        branch = ui_queries.local_branch() or {}
        dialog = SignInDialog(branch.get("name", ""), hint=self.hint)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        self.show_main(Session(actor=dialog.actor, db_target=self.db_target, data_dir=self.data_dir, branch=branch))
        return True

    def show_main(self, session: Session):
        from ui.main_window import MainWindow

        old = self.window
        self.window = MainWindow(session, desk=self)
        if old is not None:
            self.window.restoreGeometry(old.saveGeometry())
            old.close()
            old.deleteLater()
        self.window.show()
        self.window.offer_draft_later()
        self.check_in_background()
        return self.window

    def switch_language(self, language: str) -> None:
        """Settings changed the language: remember it, reload the translation, rebuild the window."""
        prefs.set_language(language)
        install_language(self.app, language)
        if self.window is not None:
            session = self.window.session
            page = self.window.current_page()
            window = self.show_main(session)
            window.go_to(page)

    def sign_out(self) -> None:
        if self.window is not None:
            self.window.close()
            self.window.deleteLater()
            self.window = None
        if not self.sign_in():
            self.app.quit()


def demo_database() -> tuple[str, Path]:
    """``--demo``: a temporary database with the sample branch's accounts and a few months of cases (app/services/demo.py)."""
    import tempfile

    from app.services import demo

    from PySide6.QtWidgets import QProgressDialog

    folder = Path(tempfile.mkdtemp(prefix="complaint-desk-demo-"))
    target = folder / "demo.sqlite3"
    waiting = QProgressDialog(QCoreApplication.translate("Desk", "Preparing the demonstration cases…"), "", 0,
                              demo.DEMO_CASES)
    waiting.setCancelButton(None)
    waiting.setMinimumDuration(0)

    def step(done: int, total: int) -> None:
        waiting.setValue(done)
        QCoreApplication.processEvents()

    try:
        demo.build_demo(target, cases=demo.DEMO_CASES, progress=step)
    finally:
        waiting.close()
    return str(target), folder


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv if argv is None else argv)
    app = create_application(argv)
    hint = ""
    if "--demo" in argv[1:]:
        from ui import sample_data

        target, folder = demo_database()
        desk = Desk(app, target, folder)
        hint = QCoreApplication.translate(
            "Desk", "Demonstration: sign in as wangfang (reception), liuyang (handler) or chenjing (supervisor), password {password}."
        ).format(password=sample_data.PASSWORD)
    else:
        desk = Desk(app, default_db_target())
    desk.hint = hint
    if not desk.open() or not desk.sign_in():
        desk.close()
        return 0
    code = app.exec()
    desk.close()
    return code
