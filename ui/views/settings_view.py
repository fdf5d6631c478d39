"""Settings 设置: the language of the desk, signing out, and (for the administrator) the desk's users and the
working-day calendar (Settings > Calendar, ui.views.calendar_settings)."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.errors import DeskError
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
        if self.actor.role == "admin":
            self.templates_button = QPushButton(self.tr("Reply templates…"))
            self.templates_button.clicked.connect(self.edit_templates)
            form.addRow(self.tr("Standard words for the action forms"), self.templates_button)
        self.message = widgets.banner()
        self.tabs = QTabWidget()
        desk_page = QWidget()
        desk_column = QVBoxLayout(desk_page)
        desk_column.addWidget(desk)
        desk_column.addStretch(1)
        self.tabs.addTab(desk_page, self.tr("This desk"))
        self.calendar = None
        if self.actor.role == "admin":
            desk_column.insertWidget(desk_column.count() - 1, self._profile_box())
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

    def edit_templates(self):
        from ui.templates_dialog import TemplatesDialog

        dialog = TemplatesDialog(self.actor, self)
        dialog.open()
        return dialog

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

    # --- the branch profile (admin) ---------------------------------------------------------------------------

    def _profile_box(self) -> QGroupBox:
        """The branch's telephone, address and office hours, printed on the customer's receipt and the reply letter."""
        box = QGroupBox(self.tr("Branch profile (printed on the customer's receipt)"))
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        profile = ops.call(setup.branch_profile, self.actor, on_error=ops.quietly) or {}
        self.profile = {}
        captions = {"phone": self.tr("Telephone"), "address": self.tr("Address"), "hours": self.tr("Office hours")}
        hints = {"phone": self.tr("e.g. 021-58881234"), "address": self.tr("e.g. 上海市浦东新区世纪大道100号1楼"),
                 "hours": self.tr("e.g. 工作日 9:00-17:00")}
        self.profile_captions = captions
        for key in ("phone", "address", "hours"):
            edit = QLineEdit(profile.get(key, ""))
            edit.setPlaceholderText(hints[key])
            edit.returnPressed.connect(self.save_profile)
            self.profile[key] = edit
            form.addRow(captions[key], edit)
        save = QPushButton(self.tr("Save branch profile"))
        save.clicked.connect(self.save_profile)
        self.profile_save = save
        row = QHBoxLayout()
        row.addWidget(save)
        row.addStretch(1)
        form.addRow("", row)
        return box

    def save_profile(self) -> None:
        for edit in self.profile.values():
            widgets.mark(edit, None)
        def refused(exc, text):
            field = getattr(exc, "field", None) or ""
            edit, caption = self.profile.get(field), self.profile_captions.get(field)
            text = f"{caption}: {exc.reason()}" if caption else text
            widgets.set_banner(self.message, text)
            if edit is not None:
                widgets.mark(edit, text)
                edit.setFocus()

        if ops.call(setup.set_branch_profile, self.actor, **{k: e.text() for k, e in self.profile.items()},
                    on_error=refused, changed="profile") is ops.FAILED:
            return
        widgets.set_banner(self.message, self.tr("Branch profile saved: receipts printed from now on show it."), "ok")

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
        for edit in (self.new_username, self.new_name, self.new_password, self.new_department.lineEdit()):
            edit.returnPressed.connect(self.add_user)  # Enter in the row adds the user
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
        self.edit_button = QPushButton(self.tr("Edit the selected user…"))
        self.edit_button.clicked.connect(self.edit_user)
        self.users.activated.connect(lambda _index: self.edit_user())
        manage.addWidget(self.edit_button)
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

    def _refused(self, exc: BaseException, text: str) -> None:
        # a refusal names the field of this window, not the command line's option
        widgets.set_banner(self.message, self.field_message(exc) if isinstance(exc, DeskError) else text)

    def refresh_users(self) -> None:
        users = ops.call(setup.list_users, self.actor, banner=self.message)
        departments = ops.call(setup.list_departments, self.actor, banner=self.message) if users is not ops.FAILED else []
        if users is ops.FAILED or departments is ops.FAILED:
            return
        self.user_list, self.department_list = users, departments
        fill(self.users, [[u["username"], u["display_name"], labels.label(labels.ROLES, u["role"]),
                           u.get("department") or "", u.get("supervisor_name") or ""] for u in users])
        text = self.new_department.currentText()
        self.new_department.clear()
        self.new_department.addItems([""] + departments)
        self.new_department.setEditText(text)
        self.new_supervisor.clear()
        self.new_supervisor.addItem(self.tr("(no supervisor)"), None)
        for u in users:
            if u["role"] in ("supervisor", "admin", "general_manager"):
                self.new_supervisor.addItem(f"{u['display_name']} ({u['username']})", u["username"])

    def field_message(self, exc: DeskError) -> str:
        """The core's refusal with the caption of the field in this window (the core names the command line's)."""
        captions = {"USER": self.tr("User name"), "--name": self.tr("Name"), "display_name": self.tr("Name"),
                    "--role": self.tr("Role"), "--supervisor": self.tr("Supervisor"),
                    "supervisor": self.tr("Supervisor"), "CDESK_NEW_PASSWORD": self.tr("initial password")}
        caption = captions.get(exc.field or "")
        if caption:
            return f"{caption}: {exc.reason()}"
        return exc.localized().replace("CDESK_NEW_PASSWORD", self.tr("initial password"))

    def edit_user(self):
        """An administrator corrects the selected user's name, department and supervisor (recorded in the history)."""
        username = self.selected_user()
        if not username:
            widgets.set_banner(self.message, self.tr("Select a user in the list first."))
            return None
        user = next((u for u in self.user_list if u["username"] == username), None)
        if user is None:
            return None
        self.editor = UserEditor(self, user, self.user_list, self.department_list)
        self.editor.open()
        return self.editor

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


class UserEditor(QDialog):
    """Name, department and supervisor of one user; Save goes through ``admin.edit_user`` (one transaction)."""

    def __init__(self, view: SettingsView, user: dict, users: list[dict], departments: list[str]):
        super().__init__(view)
        self.view, self.user = view, user
        self.setWindowTitle(self.tr("Edit user {user}").format(user=user["display_name"]))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.name = QLineEdit(user["display_name"])
        self.department = QComboBox()
        self.department.setEditable(True)
        self.department.addItems([""] + list(departments or []))
        self.department.setEditText(user.get("department") or "")
        self.supervisor = QComboBox()
        self.supervisor.addItem(self.tr("(no supervisor)"), None)
        for u in users:
            if u["role"] in ("supervisor", "admin", "general_manager") and u["username"] != user["username"]:
                self.supervisor.addItem(u["display_name"], u["username"])
        self.supervisor.setCurrentIndex(max(self.supervisor.findData(user.get("supervisor")), 0))
        form.addRow(self.tr("User name"), QLabel(user["username"]))
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Department"), self.department)
        form.addRow(self.tr("Supervisor"), self.supervisor)
        layout.addLayout(form)
        self.message = widgets.banner()
        layout.addWidget(self.message)
        self.save_button = QPushButton(self.tr("Save"))
        cancel = QPushButton(self.tr("Cancel"))
        self.save_button.clicked.connect(self.save)
        cancel.clicked.connect(self.reject)
        layout.addLayout(widgets.button_row(self.save_button, cancel))
        self.setMinimumWidth(420)

    def save(self) -> None:
        from app.services import admin

        widgets.mark(self.name, None)
        def refused(exc, text):
            text = self.view.field_message(exc) if isinstance(exc, DeskError) else text
            widgets.set_banner(self.message, text)
            if getattr(exc, "field", None) == "display_name":
                widgets.mark(self.name, text)

        if ops.call(admin.edit_user, self.view.actor, self.user["username"], display_name=self.name.text(),
                            department=self.department.currentText().strip() or None,
                            supervisor=self.supervisor.currentData(), on_error=refused, changed="users") is ops.FAILED:
            return
        self.accept()
        widgets.set_banner(self.view.message, self.tr("{name} saved.").format(name=self.name.text().strip()), "ok")
        self.view.refresh_users()
