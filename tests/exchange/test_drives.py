"""Finding the USB stick, on Windows as on Linux. Windows' answers are given by a stand-in for the Win32 calls
(these tests run on Linux); what is checked is what the desk decides from them, and that each call is asked
the way Windows wants (``E:\\`` with its backslash)."""
from __future__ import annotations

from app.exchange import drives


class FakeWindows:
    """C: the system disk (SATA), D: a DVD drive, E: a USB stick, F: a USB disk that reports itself as fixed,
    G: an internal second disk (NVMe), H: an empty card reader, Z: a network share."""

    TYPES = {"C": 3, "D": 5, "E": 2, "F": 3, "G": 3, "H": 2, "Z": 4}
    BUSES = {"C": 11, "F": 7, "G": 17}

    def __init__(self):
        self.asked_types, self.asked_buses = [], []

    def letters(self):
        return sorted(self.TYPES)

    def drive_type(self, root):
        self.asked_types.append(root)
        return self.TYPES[root[0]] if root.endswith(":\\") else 1  # DRIVE_NO_ROOT_DIR for "E:" or "E:/"

    def bus_type(self, letter):
        self.asked_buses.append(letter)
        return self.BUSES.get(letter)

    def label(self, root):
        return {"E": "KINGSTON", "F": "移动硬盘"}.get(root[0], "")

    def free(self, root):
        return None if root[0] == "H" else 8 * 2**30

    def writable(self, root):
        return True

    def system_drive(self):
        return "C:"


def test_windows_lists_the_stick_and_the_usb_disk_that_says_fixed_never_the_system_or_internal_disks():
    api = FakeWindows()
    found = drives.windows_drives(api)
    assert [(d.name, d.root) for d in found] == [("KINGSTON (E:)", "E:\\"), ("移动硬盘 (F:)", "F:\\")]
    assert all(root.endswith(":\\") for root in api.asked_types)  # never "E:/" or "E:"
    assert "C:\\" not in api.asked_types  # the system drive is not even asked about
    assert api.asked_buses == ["F", "G"]  # only fixed disks need the bus type


def test_linux_lists_writable_mounts_of_removable_devices(tmp_path):
    stick = tmp_path / "media" / "wang" / "KINGSTON"
    stick.mkdir(parents=True)
    usb_disk = tmp_path / "srv-usb"
    usb_disk.mkdir()
    sys_block = tmp_path / "sys" / "block"
    for disk, removable in (("sda", "0"), ("sdb", "1"), ("sdc", "0")):
        (sys_block / disk).mkdir(parents=True)
        (sys_block / disk / "removable").write_text(removable + "\n")
        (sys_block / disk / f"{disk}1").mkdir()
    mounts = "\n".join([
        "/dev/sda1 / ext4 rw,relatime 0 0",
        f"/dev/sdb1 {usb_disk} vfat rw,nosuid 0 0",
        f"/dev/sdc1 {str(stick).replace(' ', chr(92) + '040')} vfat rw 0 0",
        f"/dev/sdc1 {tmp_path} ext4 ro 0 0",
        "proc /proc proc rw 0 0",
    ])
    monkey = drives.LINUX_MOUNT_PREFIXES
    try:
        drives.LINUX_MOUNT_PREFIXES = (str(tmp_path / "media") + "/",)
        found = drives.linux_drives(mounts, sys_block)
    finally:
        drives.LINUX_MOUNT_PREFIXES = monkey
    assert [d.root for d in found] == [str(usb_disk), str(stick)]
    assert found[1].name == "KINGSTON" and found[1].free > 0


def test_the_read_back_returns_what_the_drive_holds(tmp_path):
    data = bytes(range(256)) * 5000 + b"tail"  # not a multiple of a sector
    path = tmp_path / "bundle.cdbundle"
    path.write_bytes(data)
    assert drives.read_uncached(path) == data


def test_no_drive_listing_ever_stops_the_exchange(monkeypatch):
    monkeypatch.setattr(drives, "linux_drives", lambda: 1 / 0)
    monkeypatch.setattr(drives.sys, "platform", "linux")
    assert drives.removable_drives() == []
