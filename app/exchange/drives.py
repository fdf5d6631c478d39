"""Removable drives 可移动磁盘: where the exchange offers to write the bundle for headquarters. No Qt here.

Windows: every drive letter whose type is removable (``GetDriveTypeW`` on ``E:\\``, with the trailing
backslash the function requires), and also the USB disks that report themselves as fixed (most USB hard
disks and many large sticks do): their bus type, asked with ``IOCTL_STORAGE_QUERY_PROPERTY``, is USB. The
system drive is never offered. Linux: the writable mounts under /media, /run/media and /mnt, or of a block
device the kernel calls removable or that hangs off a USB bus. The windows always offer "Other folder…"
beside what is found here.
"""
from __future__ import annotations

import os
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

DRIVE_REMOVABLE = 2
DRIVE_FIXED = 3
BUS_TYPE_USB = 7
BUS_TYPE_SD = 12
BUS_TYPE_MMC = 13
REMOVABLE_BUSES = (BUS_TYPE_USB, BUS_TYPE_SD, BUS_TYPE_MMC)
LINUX_MOUNT_PREFIXES = ("/media/", "/run/media/", "/mnt/")


@dataclass(frozen=True)
class Drive:
    name: str  # what the user recognises: the volume label and the letter, or the mount point's name
    root: str  # E:\ or /media/user/STICK
    free: int  # bytes


# --- Windows ------------------------------------------------------------------------------------------------

class WindowsApi:
    """The few Win32 calls the detection needs (ctypes), kept apart so the decisions can be tested elsewhere."""

    def __init__(self):
        import ctypes
        from ctypes import wintypes

        self.ctypes = ctypes
        self.wintypes = wintypes
        self.kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)  # type: ignore[attr-defined]

    def letters(self) -> list[str]:
        mask = self.kernel32.GetLogicalDrives()
        return [chr(ord("A") + i) for i in range(26) if mask & (1 << i)]

    def drive_type(self, root: str) -> int:
        return self.kernel32.GetDriveTypeW(self.ctypes.c_wchar_p(root))

    def bus_type(self, letter: str) -> int | None:
        """The storage bus of the disk behind ``letter`` (7 = USB), or None when it cannot be asked."""
        ctypes, wintypes = self.ctypes, self.wintypes
        CreateFileW = self.kernel32.CreateFileW
        CreateFileW.restype = wintypes.HANDLE
        CreateFileW.argtypes = [wintypes.LPCWSTR, wintypes.DWORD, wintypes.DWORD, wintypes.LPVOID, wintypes.DWORD,
                                wintypes.DWORD, wintypes.HANDLE]
        FILE_SHARE_READ_WRITE, OPEN_EXISTING = 0x1 | 0x2, 3
        handle = CreateFileW(f"\\\\.\\{letter}:", 0, FILE_SHARE_READ_WRITE, None, OPEN_EXISTING, 0, None)
        if handle in (None, wintypes.HANDLE(-1).value):
            return None
        try:
            IOCTL_STORAGE_QUERY_PROPERTY = 0x2D1400

            class Query(ctypes.Structure):
                _fields_ = [("PropertyId", ctypes.c_int), ("QueryType", ctypes.c_int),
                            ("AdditionalParameters", ctypes.c_ubyte * 1)]

            class Descriptor(ctypes.Structure):  # STORAGE_DEVICE_DESCRIPTOR, up to BusType
                _fields_ = [("Version", wintypes.DWORD), ("Size", wintypes.DWORD), ("DeviceType", ctypes.c_ubyte),
                            ("DeviceTypeModifier", ctypes.c_ubyte), ("RemovableMedia", ctypes.c_ubyte),
                            ("CommandQueueing", ctypes.c_ubyte), ("VendorIdOffset", wintypes.DWORD),
                            ("ProductIdOffset", wintypes.DWORD), ("ProductRevisionOffset", wintypes.DWORD),
                            ("SerialNumberOffset", wintypes.DWORD), ("BusType", ctypes.c_int),
                            ("RawPropertiesLength", wintypes.DWORD), ("RawDeviceProperties", ctypes.c_ubyte * 1)]

            self.kernel32.DeviceIoControl.argtypes = [wintypes.HANDLE, wintypes.DWORD, wintypes.LPVOID, wintypes.DWORD,
                                                      wintypes.LPVOID, wintypes.DWORD, ctypes.POINTER(wintypes.DWORD),
                                                      wintypes.LPVOID]
            self.kernel32.DeviceIoControl.restype = wintypes.BOOL
            query = Query(0, 0)  # StorageDeviceProperty, PropertyStandardQuery
            descriptor = Descriptor()
            returned = wintypes.DWORD()
            ok = self.kernel32.DeviceIoControl(handle, IOCTL_STORAGE_QUERY_PROPERTY, ctypes.byref(query),
                                               ctypes.sizeof(query), ctypes.byref(descriptor),
                                               ctypes.sizeof(descriptor), ctypes.byref(returned), None)
            return int(descriptor.BusType) if ok else None
        finally:
            self.kernel32.CloseHandle.argtypes = [wintypes.HANDLE]
            self.kernel32.CloseHandle(handle)

    def label(self, root: str) -> str:
        buffer = self.ctypes.create_unicode_buffer(261)
        ok = self.kernel32.GetVolumeInformationW(self.ctypes.c_wchar_p(root), buffer, len(buffer), None, None, None,
                                                 None, 0)
        return buffer.value if ok else ""

    def free(self, root: str) -> int | None:
        try:
            return shutil.disk_usage(root).free
        except OSError:
            return None  # no medium in the card reader

    def writable(self, root: str) -> bool:
        return os.access(root, os.W_OK)

    def system_drive(self) -> str:
        return (os.environ.get("SystemDrive") or "C:").rstrip("\\").upper()


def windows_drives(api) -> list[Drive]:
    drives = []
    for letter in api.letters():
        root = f"{letter}:\\"  # GetDriveTypeW wants the trailing backslash: "E:" alone is the current folder
        if f"{letter}:" == api.system_drive():
            continue
        kind = api.drive_type(root)
        if kind == DRIVE_REMOVABLE:
            pass
        elif kind == DRIVE_FIXED:
            if api.bus_type(letter) not in REMOVABLE_BUSES:  # an internal disk, not a USB disk that says "fixed"
                continue
        else:
            continue  # network share, CD/DVD, RAM disk
        free = api.free(root)
        if free is None or not api.writable(root):
            continue
        label = api.label(root)
        drives.append(Drive(f"{label} ({letter}:)" if label else f"{letter}:", root, free))
    return drives


# --- Linux --------------------------------------------------------------------------------------------------

def _unescape(field: str) -> str:
    return field.replace("\\040", " ").replace("\\011", "\t").replace("\\012", "\n").replace("\\134", "\\")


def _block_is_removable(device: str, sys_block: Path) -> bool:
    """``/dev/sdb1`` -> whether /sys/block/sdb says removable, or sits on a USB bus."""
    name = Path(device).name
    if not name:
        return False
    for disk in sorted(sys_block.iterdir()) if sys_block.is_dir() else []:
        if name == disk.name or name.startswith(disk.name) and (disk / name).exists():
            try:
                if (disk / "removable").read_text().strip() == "1":
                    return True
                return "/usb" in os.path.realpath(disk)
            except OSError:
                return False
    return False


def linux_drives(mounts: str | None = None, sys_block: Path = Path("/sys/block")) -> list[Drive]:
    if mounts is None:
        try:
            mounts = Path("/proc/self/mounts").read_text(encoding="utf-8", errors="replace")
        except OSError:
            return []
    drives, seen = [], set()
    for line in mounts.splitlines():
        fields = line.split()
        if len(fields) < 4:
            continue
        device, mount_point, options = fields[0], _unescape(fields[1]), fields[3].split(",")
        if mount_point in seen or "ro" in options:
            continue
        if not (mount_point.startswith(LINUX_MOUNT_PREFIXES)
                or device.startswith("/dev/") and _block_is_removable(device, sys_block)):
            continue
        if mount_point in ("/", "/boot", "/home") or not os.access(mount_point, os.W_OK):
            continue
        try:
            free = shutil.disk_usage(mount_point).free
        except OSError:
            continue
        seen.add(mount_point)
        drives.append(Drive(Path(mount_point).name or mount_point, mount_point, free))
    return drives


def removable_drives() -> list[Drive]:
    """The writable removable drives mounted now (an empty list when none, or when they cannot be listed)."""
    try:
        if sys.platform == "win32":
            return windows_drives(WindowsApi())
        return linux_drives()
    except Exception:  # noqa: BLE001 - listing drives is a convenience: the folder choice is always there
        return []


# --- reading back what was written ----------------------------------------------------------------------------

def read_uncached(path: str | Path) -> bytes:
    """The bytes of ``path`` as the drive holds them, not as the operating system's cache remembers writing
    them: the check that the stick really holds the bundle before "safe to remove" is shown.

    Linux: the file's cached pages are dropped (``posix_fadvise(DONTNEED)``, after the fsync that made them
    clean), so the read goes to the drive. Windows has no such call: the file is opened with
    ``FILE_FLAG_NO_BUFFERING``, which bypasses the cache, and read in sector-aligned blocks into page-aligned
    memory, as that flag requires. Where neither works, an ordinary read."""
    if sys.platform == "win32":
        try:
            return _read_unbuffered_windows(str(path))
        except OSError:
            pass
    with open(path, "rb") as handle:
        if hasattr(os, "posix_fadvise"):
            try:
                os.posix_fadvise(handle.fileno(), 0, 0, os.POSIX_FADV_DONTNEED)
            except OSError:
                pass
        return handle.read()


def _read_unbuffered_windows(path: str) -> bytes:
    import ctypes
    from ctypes import wintypes

    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)  # type: ignore[attr-defined]
    kernel32.CreateFileW.restype = wintypes.HANDLE
    kernel32.CreateFileW.argtypes = [wintypes.LPCWSTR, wintypes.DWORD, wintypes.DWORD, wintypes.LPVOID,
                                     wintypes.DWORD, wintypes.DWORD, wintypes.HANDLE]
    kernel32.ReadFile.argtypes = [wintypes.HANDLE, wintypes.LPVOID, wintypes.DWORD, ctypes.POINTER(wintypes.DWORD),
                                  wintypes.LPVOID]
    kernel32.ReadFile.restype = wintypes.BOOL
    kernel32.CloseHandle.argtypes = [wintypes.HANDLE]
    kernel32.VirtualAlloc.restype = wintypes.LPVOID
    kernel32.VirtualAlloc.argtypes = [wintypes.LPVOID, ctypes.c_size_t, wintypes.DWORD, wintypes.DWORD]
    kernel32.VirtualFree.argtypes = [wintypes.LPVOID, ctypes.c_size_t, wintypes.DWORD]
    GENERIC_READ, FILE_SHARE_READ, OPEN_EXISTING = 0x80000000, 0x1, 3
    FILE_FLAG_NO_BUFFERING, FILE_FLAG_SEQUENTIAL_SCAN = 0x20000000, 0x08000000
    MEM_COMMIT_RESERVE, PAGE_READWRITE, MEM_RELEASE = 0x1000 | 0x2000, 0x04, 0x8000
    BLOCK = 1 << 20  # a multiple of every sector size (512, 4096)

    handle = kernel32.CreateFileW(path, GENERIC_READ, FILE_SHARE_READ, None, OPEN_EXISTING,
                                  FILE_FLAG_NO_BUFFERING | FILE_FLAG_SEQUENTIAL_SCAN, None)
    if handle in (None, wintypes.HANDLE(-1).value):
        raise ctypes.WinError(ctypes.get_last_error())
    buffer = kernel32.VirtualAlloc(None, BLOCK, MEM_COMMIT_RESERVE, PAGE_READWRITE)  # page-aligned
    if not buffer:
        kernel32.CloseHandle(handle)
        raise ctypes.WinError(ctypes.get_last_error())
    try:
        chunks = []
        read = wintypes.DWORD()
        while True:
            if not kernel32.ReadFile(handle, buffer, BLOCK, ctypes.byref(read), None):
                raise ctypes.WinError(ctypes.get_last_error())
            if read.value == 0:
                break
            chunks.append(ctypes.string_at(buffer, read.value))
            if read.value < BLOCK:  # the end of the file (the last, partial sector is returned whole)
                break
        return b"".join(chunks)
    finally:
        kernel32.VirtualFree(buffer, 0, MEM_RELEASE)
        kernel32.CloseHandle(handle)
