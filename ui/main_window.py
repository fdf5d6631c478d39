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

from ui import dialogs, drafts, labels
from ui.session import Session

PAGES = ("my_work", "register", "pending", "rectification", "reports", "numbers", "settings")


class MainWindow(QMainWindow):
    case_changed = Signal(str)  # a case was registered or acted on: views that show it refresh

    def __init__(self, session: Session, desk=None):
        super().__init__()
        self.session = session
        self.desk = desk
        from app.errors import DeskError
        from app.services import setup

        try:  # the office's zone is policy (R3): the times typed on the desk are read in it
            session.zone = setup.show_policy(session.actor).get("timezone") or session.zone
        except DeskError:
            pass
        self.case_windows: dict[str, QWidget] = {}
        self.setWindowTitle(self.tr("Complaint Desk"))
        self.resize(1280, 800)

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
        }
        for index, page in enumerate(PAGES):
            item = QListWidgetItem(titles[page])
            item.setData(Qt.ItemDataRole.UserRole, page)
            item.setToolTip(self.tr("Ctrl+{n}").format(n=index + 1))
            item.setSizeHint(QSize(160, 36))
            self.nav.addItem(item)
            QShortcut(QKeySequence(f"Ctrl+{index + 1}"), self, activated=lambda p=page: self.go_to(p))
        self.stack = QStackedWidget()
        self.views: dict[str, QWidget] = {}
        row.addWidget(self.nav)
        row.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.nav.currentRowChanged.connect(self._show_row)

        actor = session.actor
        who = QLabel(self.tr("{name} ({role}) · {branch}").format(
            name=actor.display_name, role=labels.label(labels.ROLES, actor.role),
            branch=session.branch.get("name") or actor.branch_code))
        self.statusBar().addPermanentWidget(who)
        QShortcut(QKeySequence.StandardKey.New, self, activated=self.new_slip)
        QShortcut(QKeySequence("F5"), self, activated=self.refresh_current)
        QShortcut(QKeySequence.StandardKey.Find, self, activated=self.focus_search)
        from ui.about import install_help_menu  # Help > About (F1): version, data folder, database size
        from ui.exchange_dialogs import install_exchange_menu  # USB export/import (administrators)

        install_exchange_menu(self)
        install_help_menu(self)
        self.go_to("my_work")

    # --- navigation -----------------------------------------------------------------------------------------

    def _make_view(self, page: str) -> QWidget:
        from ui import views

        return views.create(page, self)

    def _show_row(self, row: int) -> None:
        if row < 0:
            return
        page = PAGES[row]
        view = self.views.get(page)
        if view is None:
            view = self._make_view(page)
            self.views[page] = view
            self.stack.addWidget(view)
        self.stack.setCurrentWidget(view)
        if hasattr(view, "activated"):
            view.activated()

    def go_to(self, page: str) -> QWidget:
        self.nav.setCurrentRow(PAGES.index(page))
        self._show_row(PAGES.index(page))
        return self.views[page]

    def current_page(self) -> str:
        return PAGES[max(self.nav.currentRow(), 0)]

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

    def new_slip(self, draft: dict | None = None):
        from ui.case_window import CaseWindow

        window = CaseWindow(self.session, self, draft=draft)
        window.show()
        window.raise_()
        self.track(f"new-{id(window)}", window)
        return window

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

    # --- drafts ---------------------------------------------------------------------------------------------

    def draft_path(self):
        return drafts.draft_path(self.session.data_dir, self.session.actor.username)

    def offer_draft_later(self) -> None:
        QTimer.singleShot(0, self.offer_draft)

    def offer_draft(self):
        document = drafts.load(self.draft_path())
        if document is None:
            return None
        saved = document.get("saved_at", "")[:16].replace("T", " ")
        if dialogs.ask(self, self.tr("Unsaved slip"),
                       self.tr("A slip you were filling in on {time} was not registered. Open it again?").format(
                           time=saved)):
            return self.new_slip(draft=document["fields"])
        drafts.clear(self.draft_path())
        return None

    def closeEvent(self, event):  # noqa: N802 - Qt API
        for window in list(self.case_windows.values()):
            window.close()
        super().closeEvent(event)
