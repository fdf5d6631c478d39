"""The views the main window's navigation list shows, one module each."""
from __future__ import annotations


def create(page: str, main):
    if page == "my_work":
        from ui.views.my_work import MyWorkView
        return MyWorkView(main)
    if page == "register":
        from ui.views.register import RegisterView
        return RegisterView(main)
    if page == "pending":
        from ui.views.pending import PendingView
        return PendingView(main)
    if page == "rectification":
        from ui.views.rectification import RectificationView
        return RectificationView(main)
    if page == "reports":
        from ui.views.reports_view import ReportsView
        return ReportsView(main)
    if page == "numbers":
        from ui.views.numbers_view import NumberCheckView
        return NumberCheckView(main)
    if page == "branches":
        from ui.views.branches import BranchesView
        return BranchesView(main)
    if page == "settings":
        from ui.views.settings_view import SettingsView
        return SettingsView(main)
    raise KeyError(page)
