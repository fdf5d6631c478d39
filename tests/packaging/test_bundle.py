"""The packaged program: `make build-check` builds dist/complaint-desk with PyInstaller and runs it with an
empty PATH (selftest, init, user add, case add, print a slip, the windows offscreen).

A build takes one to three minutes, so it runs only when asked: CDESK_BUILD_TEST=1, or in CI (CI set)."""
from __future__ import annotations

import os
import subprocess
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.skipif(not (os.environ.get("CDESK_BUILD_TEST") == "1" or os.environ.get("CI")),
                                reason="builds the bundle (minutes): set CDESK_BUILD_TEST=1 (CI does)")


def test_the_built_bundle_passes_its_checks():
    started = time.monotonic()
    proc = subprocess.run(["make", "build-check"], cwd=ROOT, capture_output=True, text=True, timeout=1800)
    elapsed = time.monotonic() - started
    assert proc.returncode == 0, f"make build-check failed after {elapsed:.0f} s:\n{proc.stdout[-4000:]}\n{proc.stderr[-4000:]}"
    assert "bundle check passed" in proc.stdout
    print(f"build-check took {elapsed:.0f} s")
