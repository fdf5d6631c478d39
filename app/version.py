"""The program's version: one number, kept in pyproject.toml.

A PyInstaller bundle carries it in a ``VERSION`` file that build.spec writes from pyproject.toml; an
installed checkout asks the package metadata; a bare source tree reads pyproject.toml itself.
"""
from __future__ import annotations

import sys
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def read_pyproject_version(pyproject: Path) -> str:
    import tomllib

    with open(pyproject, "rb") as handle:
        return tomllib.load(handle)["project"]["version"]


@lru_cache(maxsize=1)
def version() -> str:
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle and (Path(bundle) / "VERSION").is_file():
        return (Path(bundle) / "VERSION").read_text(encoding="utf-8").strip()
    pyproject = ROOT / "pyproject.toml"
    if pyproject.is_file():
        try:
            return read_pyproject_version(pyproject)
        except (OSError, KeyError, ValueError):
            pass
    try:
        from importlib.metadata import version as dist_version

        return dist_version("complaint-desk")
    except Exception:  # no metadata either: fall back to the number in the package
        from app import __version__

        return __version__


def is_frozen() -> bool:
    """True inside the PyInstaller bundle."""
    return bool(getattr(sys, "frozen", False))
