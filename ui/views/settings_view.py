"""Settings 设置: the language of the desk, signing out, and (for the administrator) the desk's users and the
working-day calendar (Settings > Calendar, ui.views.calendar_settings)."""
from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.services import setup
from ui import labels, ops, settings, widgets
from ui.views.common import fill, list_table, title_row


class SettingsView(QWidget):
    def __init__(self, main):
        super().__init__()
        self.main = main
        self.actor = main.session.actor
        layout = QVBoxLayout(self)
        row, _ = title_row(self.tr("Settings"))
        layout.addLayout(row)

        desk = QGroupBox(self.tr("This desk"))
        form = QFormLayout(desk)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        self.language = QComboBox()
        self.language.setMinimumWidth(200)
        self.language.addItem("简体中文", "zh_CN")
        self.language.addItem("English", "en")
        from app import i18n

        self.language.setCurrentIndex(max(self.language.findData(i18n.language()), 0))  # the language in use
        self.language.currentIndexChanged.connect(self.change_language)
        form.addRow(self.tr("Language"), self.language)
        self.idle_lock = QSpinBox()
        self.idle_lock.setRange(0, 240)
        self.idle_lock.setSuffix(self.tr(" min"))
        self.idle_lock.setSpecialValueText(self.tr("never"))
        self.idle_lock.setValue(settings.idle_lock_minutes())
        self.idle_lock.setToolTip(self.tr("Lock the screen after this many minutes without keyboard or mouse input "
                                          "(0: never)."))
        self.idle_lock.valueChanged.connect(self.change_idle_lock)
        form.addRow(self.tr("Lock the screen when idle"), self.idle_lock)
        sign_out = QPushButton(self.tr("Sign out"))
        sign_out.clicked.connect(self.sign_out)
        form.addRow(self.tr("Signed in as {name}").format(name=self.actor.display_name), sign_out)
        self.message = widgets.banner()
        self.tabs = QTabWidget()
        desk_page = QWidget()
        desk_column = QVBoxLayout(desk_page)
        desk_column.addWidget(desk)
        desk_column.addStretch(1)
        self.tabs.addTab(desk_page, self.tr("This desk"))
        self.calendar = None
        if self.actor.role == "admin":
            self.tabs.addTab(self._users_box(), self.tr("Users"))
            from ui.views.calendar_settings import CalendarSettings

            self.calendar = CalendarSettings(main, self.message)
            self.tabs.addTab(self.calendar, self.tr("Calendar"))
        self.tabs.currentChanged.connect(lambda _: widgets.set_banner(self.message, ""))
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.message)

    def show_calendar(self) -> None:
        """Settings > Calendar (administrators); the status bar's warning leads here."""
        if self.calendar is not None:
            self.tabs.setCurrentWidget(self.calendar)
            self.calendar.refresh()

    def change_language(self) -> None:
        language = self.language.currentData()
        if self.main.desk is not None:
            self.main.desk.switch_language(language)
        else:
            settings.set_language(language)

    def change_idle_lock(self, minutes: int) -> None:
        settings.set_idle_lock_minutes(minutes)
        self.main.idle.set_interval(minutes * 60_000)

    def sign_out(self) -> None:
        if self.main.desk is not None:
            self.main.desk.sign_out()
        else:
            self.main.close()

    # --- users (admin) ----------------------------------------------------------------------------------------

    def _users_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Users"))
        column = QVBoxLayout(box)
        self.users = list_table([self.tr("User name"), self.tr("Name"), self.tr("Role"), self.tr("Department"),
                                 self.tr("Supervisor")])
        self.users.setMinimumHeight(180)
        column.addWidget(self.users)
        form = QHBoxLayout()
        self.new_username = QLineEdit()
        self.new_username.setPlaceholderText(self.tr("user name"))
        self.new_name = QLineEdit()
        self.new_name.setPlaceholderText(self.tr("display name"))
        self.new_role = widgets.choice_box(labels.choices(labels.ROLES))
        self.new_department = QComboBox()
        self.new_department.setEditable(True)
        self.new_department.setMinimumWidth(130)
        self.new_department.lineEdit().setPlaceholderText(self.tr("department"))
        self.new_supervisor = QComboBox()
        self.new_password = QLineEdit()
        self.new_password.setPlaceholderText(self.tr("initial password"))
        self.new_password.setEchoMode(QLineEdit.EchoMode.Password)
        add = QPushButton(self.tr("Add user"))
        add.clicked.connect(self.add_user)
        for widget in (self.new_username, self.new_name, self.new_role, self.new_department, self.new_supervisor,
                       self.new_password, add):
            form.addWidget(widget)
        column.addLayout(form)
        manage = QHBoxLayout()
        reset = QPushButton(self.tr("Reset password of the selected user"))
        reset.setToolTip(self.tr("Gives the user the initial password typed above; they choose their own at the next "
                                 "sign-in. Also unlocks a locked account."))
        reset.clicked.connect(self.reset_password)
        deactivate = QPushButton(self.tr("Deactivate the selected user"))
        deactivate.clicked.connect(self.deactivate)
        manage.addWidget(reset)
        manage.addWidget(deactivate)
        manage.addStretch(1)
        column.addLayout(manage)
        self.refresh_users()
        return box

    def selected_user(self) -> str | None:
        row = self.users.currentRow()
        item = self.users.item(row, 0) if row >= 0 else None
        return item.text() if item else None

    def reset_password(self) -> None:
        from app.services import admin

        username = self.selected_user()
        if not username:
            widgets.set_banner(self.message, self.tr("Select a user in the list first."))
            return
        if ops.call(admin.reset_password, self.actor, username, self.new_password.text(), on_error=self._refused,
                    changed="users") is ops.FAILED:
            return
        self.new_password.clear()
        widgets.set_banner(self.message, self.tr("{user} must choose a new password at the next sign-in.").format(
            user=username), "ok")

    def deactivate(self) -> None:
        from app.services import admin
        from ui import dialogs

        username = self.selected_user()
        if not username:
            widgets.set_banner(self.message, self.tr("Select a user in the list first."))
            return
        if not dialogs.ask(self, self.tr("Deactivate"), self.tr(
                "{user} will no longer be able to sign in. Their cases and history stay.").format(user=username)):
            return
        if ops.call(admin.deactivate_user, self.actor, username, banner=self.message, changed="users") is ops.FAILED:
            return
        widgets.set_banner(self.message, self.tr("{user} deactivated.").format(user=username), "ok")
        self.refresh_users()

    def _refused(self, _exc: BaseException, text: str) -> None:
        # the command line's name for the initial password means nothing here: say what the field is called
        widgets.set_banner(self.message, text.replace("CDESK_NEW_PASSWORD", self.tr("initial password")))

    def refresh_users(self) -> None:
        users = ops.call(setup.list_users, self.actor, banner=self.message)
        departments = ops.call(setup.list_departments, self.actor, banner=self.message) if users is not ops.FAILED else []
        if users is ops.FAILED or departments is ops.FAILED:
            return
        fill(self.users, [[u["username"], u["display_name"], labels.label(labels.ROLES, u["role"]),
                           u.get("department") or "", u.get("supervisor") or ""] for u in users])
        text = self.new_department.currentText()
        self.new_department.clear()
        self.new_department.addItems([""] + departments)
        self.new_department.setEditText(text)
        self.new_supervisor.clear()
        self.new_supervisor.addItem(self.tr("(no supervisor)"), None)
        for u in users:
            if u["role"] in ("supervisor", "admin", "general_manager"):
                self.new_supervisor.addItem(f"{u['display_name']} ({u['username']})", u["username"])

    def add_user(self) -> None:
        if ops.call(setup.add_user, self.actor, self.new_username.text().strip(),
                    display_name=self.new_name.text().strip(), role=widgets.choice(self.new_role),
                    password=self.new_password.text(), department=self.new_department.currentText().strip() or None,
                    supervisor=self.new_supervisor.currentData(), on_error=self._refused, changed="users") is ops.FAILED:
            return
        widgets.set_banner(self.message, self.tr("{user} added; they choose their own password at first sign-in.")
                           .format(user=self.new_username.text().strip()), "ok")
        for edit in (self.new_username, self.new_name, self.new_password):
            edit.clear()
        self.refresh_users()
