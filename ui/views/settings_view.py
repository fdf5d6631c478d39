"""Settings 设置: the language of the desk, signing out, and (for the administrator) the desk's users."""
from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.errors import DeskError
from app.services import setup
from ui import labels, settings, widgets
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
        layout.addWidget(desk)

        self.message = widgets.banner()
        if self.actor.role == "admin":
            layout.addWidget(self._users_box(), 1)
        layout.addWidget(self.message)
        if self.actor.role != "admin":
            layout.addStretch(1)

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
        try:
            admin.reset_password(self.actor, username, self.new_password.text())
        except DeskError as exc:
            widgets.set_banner(self.message, exc.localized().replace("CDESK_NEW_PASSWORD", self.tr("initial password")))
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
        try:
            admin.deactivate_user(self.actor, username)
        except DeskError as exc:
            widgets.set_banner(self.message, exc.localized())
            return
        widgets.set_banner(self.message, self.tr("{user} deactivated.").format(user=username), "ok")
        self.refresh_users()

    def refresh_users(self) -> None:
        try:
            users = setup.list_users(self.actor)
            departments = setup.list_departments(self.actor)
        except DeskError as exc:
            widgets.set_banner(self.message, exc.localized())
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
        try:
            setup.add_user(self.actor, self.new_username.text().strip(), display_name=self.new_name.text().strip(),
                           role=widgets.choice(self.new_role), password=self.new_password.text(),
                           department=self.new_department.currentText().strip() or None,
                           supervisor=self.new_supervisor.currentData())
        except DeskError as exc:
            widgets.set_banner(self.message, exc.localized().replace("CDESK_NEW_PASSWORD", self.tr("initial password")))
            return
        widgets.set_banner(self.message, self.tr("{user} added; they choose their own password at first sign-in.")
                           .format(user=self.new_username.text().strip()), "ok")
        for edit in (self.new_username, self.new_name, self.new_password):
            edit.clear()
        self.refresh_users()
