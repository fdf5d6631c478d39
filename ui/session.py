"""What every window of a signed-in desk shares: the acting user, where the data lives, the office's zone."""
from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path

from ui.widgets import OFFICE_ZONE


def resources_dir() -> Path:
    """resources/ next to the packages (or inside a PyInstaller bundle)."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


@dataclass
class Session:
    actor: object  # app.services.actors.Actor
    db_target: str
    data_dir: Path
    zone: str = OFFICE_ZONE
    branch: dict = field(default_factory=dict)
