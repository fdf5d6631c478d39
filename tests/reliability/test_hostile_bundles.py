"""Hostile files on the stick cost headquarters little memory: an unsigned 1 GiB file, a signed zlib bomb declaring
3.9 GiB and a signed bundle whose 256 MiB payload does not match its hash are each refused with a clear message
while the process stays under 300 MiB (resident peak, measured in a process of its own by bench/hostile.py;
memory, not time, is asserted)."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("kind, refusal", [
    ("unsigned", "has a bad signature"),
    ("bomb", "declares an absurd size"),
    ("mismatch", "does not match the signed hashes"),
])
def test_a_hostile_file_is_refused_within_300_mib(tmp_path, kind, refusal):
    env = {k: v for k, v in os.environ.items() if not k.startswith("CDESK_")}
    proc = subprocess.run([sys.executable, "-m", "bench.hostile", kind, str(tmp_path / kind)], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stdout + proc.stderr[-2000:]
    line = next(ln for ln in proc.stdout.splitlines() if ln.startswith("PEAK"))
    _, peak, _, base, message = line.split(maxsplit=4)
    assert refusal in message
    assert int(peak) < 300 * 1024, f"peak {int(peak) // 1024} MiB (before the import {int(base) // 1024} MiB)"
    # the hostile file was not read whole: the peak is what the set-up of the two desks cost, within 32 MiB
    assert int(peak) - int(base) < 32 * 1024
