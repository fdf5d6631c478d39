"""The core's message catalogue: one translation per message, whatever the order modules are imported in."""
from __future__ import annotations

import importlib
import pkgutil

import app
from app import i18n


def test_no_message_has_two_different_translations():
    for module in pkgutil.walk_packages(app.__path__, "app."):
        if module.name != "app.__main__":
            importlib.import_module(module.name)
    assert i18n.conflicts() == []
