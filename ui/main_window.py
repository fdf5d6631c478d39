"""The main window: a navigation list and the selected view. It holds no business logic; it only opens
views and case windows and tells views to refresh when a case changed."""
from __future__ import annotations

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QWidget,
)

from ui import dialogs, drafts, labels, ops, widgets
from ui import settings as prefs
from ui.session import Session

_switched_desks: list = []  # Desks made by switch_user for windows that had none (kept alive here)

PAGES = ("my_work", "register", "pending", "rectification", "reports", "numbers", "settings")
# at headquarters, for its roles: the overview of the branches, after My work
HQ_PAGES = ("my_work", "branches", "register", "pending", "rectification", "reports", "numbers", "settings")


class MainWindow(QMainWindow):
    case_changed = Signal(str)  # a case was registered or acted on: views that show it refresh

    def __init__(self, session: Session, desk=None):
        super().__init__()
        self.session = session
        self.desk = desk
        from app.services import setup

        # the office's zone is policy (R3): the times typed on the desk are read in it
        policy = ops.call(setup.show_policy, session.actor, on_error=ops.quietly) or {}
        session.zone = policy.get("timezone") or session.zone
        self.case_windows: dict[str, QWidget] = {}
        from app.services import branches

        self.pages = HQ_PAGES if ops.call(branches.available, session.actor, on_error=ops.quietly) is True else PAGES
        # whatever a service call changed, in this window or another, the views that show it redraw
        ops.changes().changed.connect(self.case_changed)
        self.setWindowTitle(self.tr("Complaint Desk"))
        prefs.restore_geometry(self, "main", 1280, 740)  # fits a 1366x768 screen with its task bar

        central = QWidget()
        row = QHBoxLayout(central)
        row.setContentsMargins(6, 6, 6, 6)
        self.nav = QListWidget()
        self.nav.setObjectName("nav")
        self.nav.setFixedWidth(170)
        titles = {
            "my_work": self.tr("My work"), "register": self.tr("Register"), "pending": self.tr("Pending matters"),
            "rectification": self.tr("Rectification"), "reports": self.tr("Reports"),
            "numbers": self.tr("Number check"), "settings": self.tr("Settings"),
            "branches": self.tr("Branches"),
        }
        self.shortcuts: list[QShortcut] = []
        for index, page in enumerate(self.pages):
            item = QListWidgetItem(titles[page])
            item.setData(Qt.ItemDataRole.UserRole, page)
            item.setToolTip(self.tr("Ctrl+{n}").format(n=index + 1))
            item.setSizeHint(QSize(160, 36))
            self.nav.addItem(item)
            self.shortcuts.append(QShortcut(QKeySequence(f"Ctrl+{index + 1}"), self,
                                            activated=lambda p=page: self.go_to(p)))
        self.stack = QStackedWidget()
        self.views: dict[str, QWidget] = {}
        row.addWidget(self.nav)
        row.addWidget(self.stack, 1)
        self.content = central
        self.body = QStackedWidget()  # the desk, or the lock screen over it
        self.body.addWidget(central)
        self.setCentralWidget(self.body)
        self.nav.currentRowChanged.connect(self._show_row)

        actor = session.actor
        who = QLabel(self.tr("{name} ({role}) · {branch}").format(
            name=actor.display_name, role=labels.label(labels.ROLES, actor.role),
            branch=session.branch.get("name") or actor.branch_code))
        # while next year's holiday arrangement is missing (from October), administrators and supervisors are told
        self.calendar_warning = QLabel()
        self.calendar_warning.setObjectName("calendarWarning")
        self.calendar_warning.setStyleSheet("color: #8a5300; font-weight: bold;")
        self.calendar_warning.linkActivated.connect(lambda _: self.go_to("settings").show_calendar())
        self.calendar_warning.setVisible(False)
        self.statusBar().addPermanentWidget(self.calendar_warning)
        self.statusBar().addPermanentWidget(who)
        self.refresh_calendar_warning()
        self.shortcuts += [QShortcut(QKeySequence.StandardKey.New, self, activated=self.new_slip),
                           QShortcut(QKeySequence("F5"), self, activated=self.refresh_current),
                           QShortcut(QKeySequence.StandardKey.Find, self, activated=self.focus_search)]
        from ui.about import install_help_menu  # Help > About (F1): version, data folder, database size
        from ui.exchange_dialogs import install_exchange_menu  # USB export/import (administrators)

        install_exchange_menu(self)
        install_help_menu(self)
        from ui.lock import IdleWatcher

        self.lock_screen = None
        self._hidden_for_lock: list[QWidget] = []
        self.idle = IdleWatcher(prefs.idle_lock_minutes() * 60_000, self)
        self.idle.idle.connect(self.lock)
        # My work is the first page, but it is made (and asks the core) only once the window is on screen, and
        # not at all if another page was asked for first: start-up pays for the page the user sees, once
        self._first_page: str | None = "my_work"
        self.nav.blockSignals(True)
        self.nav.setCurrentRow(self.pages.index(self._first_page))
        self.nav.blockSignals(False)

    # --- the calendar warning -------------------------------------------------------------------------------

    def refresh_calendar_warning(self) -> None:
        from app.services import calendar as calendar_service

        status = ops.call(calendar_service.calendar_status, self.session.actor, on_error=ops.quietly) or {"warn": False}
        self.calendar_status = status
        if not status["warn"]:
            self.calendar_warning.setVisible(False)
            return
        text = self.tr("Holidays of {year} not known: deadlines into {year} are provisional").format(
            year=status["missing_year"])
        if status.get("can_edit"):
            text = f'<a href="calendar" style="color: #8a5300;">{text}</a>'
        self.calendar_warning.setText(text)
        self.calendar_warning.setToolTip(self.tr(
            "The official holiday arrangement for {year} is not entered. Deadlines that reach into {year} are "
            "counted on the statutory holidays and may move when it is published. An administrator enters it in "
            "Settings > Calendar, or headquarters distributes it with its policy.").format(year=status["missing_year"]))
        self.calendar_warning.setVisible(True)

    def calendar_changed(self) -> None:
        """A year's arrangement was entered or removed: the warning, and the views that show deadlines."""
        self.refresh_calendar_warning()
        for page, view in self.views.items():
            if page != "settings" and hasattr(view, "refresh"):
                view.refresh()

    # --- navigation -----------------------------------------------------------------------------------------

    def _make_view(self, page: str) -> QWidget:
        from ui import views

        return views.create(page, self)

    def _show_row(self, row: int) -> None:
        """Show a page: a view is made the first time it is shown (and loads itself then, once); a view shown
        again is told so (``activated``) to bring itself up to date."""
        if row < 0:
            return
        self._first_page = None
        page = self.pages[row]
        view = self.views.get(page)
        if view is None:
            view = self._make_view(page)
            self.views[page] = view
            self.stack.addWidget(view)
            self.stack.setCurrentWidget(view)
            return
        self.stack.setCurrentWidget(view)
        if hasattr(view, "activated"):
            view.activated()

    def _show_first_page(self) -> None:
        if self._first_page is not None:
            self.go_to(self._first_page)

    def showEvent(self, event):  # noqa: N802 - Qt API
        super().showEvent(event)
        if self._first_page is not None:
            QTimer.singleShot(0, self._show_first_page)

    def go_to(self, page: str) -> QWidget:
        row = self.pages.index(page)
        if self.nav.currentRow() != row:
            self.nav.setCurrentRow(row)  # currentRowChanged shows it
        if self.views.get(page) is not self.stack.currentWidget() or page not in self.views:
            self._show_row(row)
        return self.views[page]

    def current_page(self) -> str:
        return self.pages[max(self.nav.currentRow(), 0)]

    def view(self, page: str) -> QWidget:
        if page not in self.views:
            self.go_to(page)
        return self.views[page]

    def refresh_current(self) -> None:
        view = self.stack.currentWidget()
        if hasattr(view, "refresh"):
            view.refresh()

    def focus_search(self) -> None:
        view = self.go_to("register")
        view.search.setFocus()
        view.search.selectAll()

    # --- case windows ---------------------------------------------------------------------------------------

    def open_case(self, number: str):
        from ui.case_window import CaseWindow

        window = self.case_windows.get(number)
        if window is None:
            window = CaseWindow(self.session, self, number=number)
            if not window.loaded:
                window.deleteLater()
                return None
            self.track(number, window)
        window.show()
        window.raise_()
        window.activateWindow()
        return window

    def new_slip(self, draft: dict | None = None, draft_file=None):
        """A new slip. Ctrl+N (no ``draft``) first reopens the newest kept draft that no window has open, so a
        slip put aside is never replaced by an empty one; discarding that draft gives an empty slip next time."""
        from ui.case_window import CaseWindow

        reopened = None
        if draft is None and draft_file is None:
            open_files = set(self.open_draft_files())
            for path, document in drafts.user_drafts(self.session.data_dir, self.session.actor.username):
                if path not in open_files:
                    draft, draft_file, reopened = document["fields"], path, document
                    break
        window = CaseWindow(self.session, self, draft=draft, draft_file=draft_file)
        window.show()
        window.raise_()
        self.track(f"new-{id(window)}", window)
        if reopened is not None:
            widgets.set_banner(window.banner, self.tr(
                "The draft kept on {time} is open again. Register it, or discard it for an empty slip.").format(
                time=self._saved_time(reopened)), "ok")
        return window

    def open_draft_files(self) -> list:
        """The draft files of the unregistered slips open in this desk's windows."""
        out = []
        for window in self.case_windows.values():
            keeper = getattr(window, "draft", None)
            if keeper is not None and keeper.enabled and getattr(window, "number", None) is None:
                out.append(keeper.path)
        return out

    def kept_drafts(self) -> list[tuple]:
        """(path, document) of the user's drafts that no window has open, newest first (My work lists them)."""
        open_files = set(self.open_draft_files())
        return [(p, d) for p, d in drafts.user_drafts(self.session.data_dir, self.session.actor.username)
                if p not in open_files]

    def drafts_changed(self) -> None:
        """A slip was kept as a draft or its draft dropped: My work, when on screen, lists the drafts anew."""
        view = self.views.get("my_work")
        if view is not None and view.isVisible():
            view.refresh()

    @staticmethod
    def _saved_time(document: dict) -> str:
        return (document.get("saved_at") or "")[:16].replace("T", " ")

    def open_notice(self, number: str):
        from ui.notice_form import NoticeWindow

        key = f"notice:{number}"
        window = self.case_windows.get(key)
        if window is None:
            window = NoticeWindow(self.session, self, number)
            self.track(key, window)
        window.show()
        window.raise_()
        return window

    def track(self, key: str, window: QWidget) -> None:
        """Remember an open case or notice window until it is closed (then forget every key it had)."""
        if key in self.case_windows:
            return
        self.case_windows[key] = window
        window.destroyed.connect(lambda *_: self._forget(window))

    def _forget(self, window: QWidget) -> None:
        for key in [k for k, w in self.case_windows.items() if w is window]:
            del self.case_windows[key]

    def case_registered(self, number: str) -> None:
        self.case_changed.emit(number)

    # --- screen lock (issue 8) -------------------------------------------------------------------------------

    @property
    def locked(self) -> bool:
        return self.lock_screen is not None

    def _own_windows(self) -> list[QWidget]:
        """The slip and notice windows this desk opened, and the non-modal windows they or it own."""
        from PySide6.QtWidgets import QApplication

        owned = list(self.case_windows.values())
        for widget in QApplication.topLevelWidgets():
            if widget is self or widget in owned or widget.isModal():
                continue
            parent = widget.parentWidget()
            while parent is not None and parent is not self and parent not in owned:
                parent = parent.parentWidget()
            if parent is not None:
                owned.append(widget)
        return owned

    def lock(self) -> None:
        """Cover the desk: the lock screen instead of the views, the slip windows hidden, shortcuts and menus off."""
        if self.locked:
            return
        from ui.lock import LockScreen

        self.idle.stop()
        self._hidden_for_lock = [w for w in self._own_windows() if w.isVisible()]
        for window in self._hidden_for_lock:
            window.hide()
        for shortcut in self.shortcuts:
            shortcut.setEnabled(False)
        self.menuBar().setVisible(False)
        self.lock_screen = LockScreen(self.session.actor)
        self.lock_screen.unlocked.connect(self.unlock)
        self.body.addWidget(self.lock_screen)
        self.body.setCurrentWidget(self.lock_screen)
        self.content.setVisible(False)

    def unlock(self, actor) -> None:
        """The lock screen's password was right: the same user carries on; another user gets their own desk."""
        if actor.username != self.session.actor.username:
            self.switch_user(actor)
            return
        screen, self.lock_screen = self.lock_screen, None
        self.content.setVisible(True)
        self.body.setCurrentWidget(self.content)
        if screen is not None:
            self.body.removeWidget(screen)
            screen.deleteLater()
        self.menuBar().setVisible(True)
        for shortcut in self.shortcuts:
            shortcut.setEnabled(True)
        for window in self._hidden_for_lock:
            window.show()
        self._hidden_for_lock = []
        self.idle.start()
        self.refresh_current()  # others may have worked on the cases meanwhile

    def switch_user(self, actor):
        """Another user signed in at the lock screen: the previous user's windows close, their unregistered
        slips kept as their drafts (offered when they sign in again), and the new user's desk opens."""
        for window in list(self.case_windows.values()):
            keep = getattr(window, "keep_draft", None)
            if keep is not None:
                keep()
            window.close()
        session = Session(actor=actor, db_target=self.session.db_target, data_dir=self.session.data_dir,
                          branch=self.session.branch)
        desk = self.desk
        if desk is None:  # a window made without the program around it (tests): the same steps, kept here
            from PySide6.QtWidgets import QApplication

            from ui.application import Desk

            desk = Desk(QApplication.instance(), self.session.db_target, self.session.data_dir)
            desk.window = self
            _switched_desks.append(desk)
        return desk.show_main(session)

    # --- drafts ---------------------------------------------------------------------------------------------

    def draft_path(self):
        return drafts.draft_path(self.session.data_dir, self.session.actor.username)

    def offer_draft_later(self) -> None:
        QTimer.singleShot(0, self.offer_draft)

    def offer_draft(self):
        """At sign-in: the newest kept draft is offered back; declined, it stays listed in My work (never lost
        by a quick answer)."""
        kept = self.kept_drafts()
        if not kept:
            return None
        path, document = kept[0]
        if dialogs.ask(self, self.tr("Unsaved slip"),
                       self.tr("A slip you were filling in on {time} was not registered. Open it again?").format(
                           time=self._saved_time(document))):
            return self.new_slip(draft=document["fields"], draft_file=path)
        return None

    def closeEvent(self, event):  # noqa: N802 - Qt API
        prefs.save_geometry(self, "main")
        for window in list(self.case_windows.values()):
            window.close()
        super().closeEvent(event)
