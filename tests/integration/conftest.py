"""Real services for the integration tests: a CUPS scheduler with a cups-pdf queue.

On a developer machine without CUPS these tests are skipped with a message saying so; with the CI variable
set (CI installs cups and cups-pdf in .ci/run) a missing piece fails them instead.
"""
from __future__ import annotations

import os
import pwd
import re
import shutil
import subprocess
import time
from pathlib import Path

import pytest

QUEUE = "ComplaintDeskPDF"
PPD = Path("/usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd")
BACKEND = Path("/usr/lib/cups/backend/cups-pdf")


def _unavailable(reason: str):
    if os.environ.get("CI"):
        pytest.fail(f"{reason} (CI must install cups and cups-pdf: see .ci/run)")
    pytest.skip(f"{reason}: install Debian's cups and printer-driver-cups-pdf to run the printer tests")


def _scheduler_running() -> bool:
    result = subprocess.run(["lpstat", "-r"], capture_output=True, text=True)
    return "is running" in result.stdout and "not" not in result.stdout


def output_folder() -> Path:
    """Where cups-pdf writes the jobs of the current user (its 'Out' setting, ${HOME} expanded)."""
    out = "${HOME}/PDF"
    conf = Path("/etc/cups/cups-pdf.conf")
    if conf.exists():
        for line in conf.read_text(errors="replace").splitlines():
            match = re.match(r"^\s*Out\s+(\S+)", line)
            if match:
                out = match.group(1)
    home = pwd.getpwuid(os.getuid()).pw_dir
    return Path(out.replace("${HOME}", home))


@pytest.fixture(scope="session")
def cups_queue():
    for tool in ("cupsd", "lpadmin", "lpstat"):
        if shutil.which(tool) is None:
            _unavailable(f"{tool} is not installed")
    if not BACKEND.exists() or not PPD.exists():
        _unavailable("the cups-pdf printer driver is not installed")
    if not _scheduler_running():
        if os.getuid() != 0:
            _unavailable("the CUPS scheduler is not running and only root may start it here")
        subprocess.run(["cupsd"], check=True)
        for _ in range(50):
            if _scheduler_running():
                break
            time.sleep(0.2)
        else:
            _unavailable("the CUPS scheduler did not start")
    subprocess.run(["lpadmin", "-p", QUEUE, "-v", "cups-pdf:/", "-E", "-P", str(PPD)], check=True,
                   capture_output=True)
    subprocess.run(["cupsenable", QUEUE], capture_output=True)
    subprocess.run(["cupsaccept", QUEUE], capture_output=True)
    yield QUEUE
