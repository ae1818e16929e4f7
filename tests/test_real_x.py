"""Under a real X server (Xvfb) the app starts, its window maps and is not blank."""

from __future__ import annotations

import json
import os
import shutil
import struct
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
NEEDED = ("Xvfb", "xdotool", "xwd")
missing = [tool for tool in NEEDED if shutil.which(tool) is None]
pytestmark = pytest.mark.skipif(
    bool(missing), reason=f"needs {', '.join(missing)} (scripts/setup test installs xvfb, xdotool, x11-apps)"
)


def read_xwd(data: bytes) -> tuple[int, int, int, bytes]:
    """Width, height, bytes per line and pixels of a true-colour ZPixmap XWD dump (4 bytes a pixel)."""
    fields = struct.unpack(">25I", data[:100])
    header_size, width, height, bytes_per_line, ncolors = fields[0], fields[4], fields[5], fields[12], fields[19]
    assert bytes_per_line == width * 4, f"unexpected XWD layout {fields}"
    start = header_size + ncolors * 12
    return width, height, bytes_per_line, data[start:start + bytes_per_line * height]


@pytest.fixture
def xserver() -> Iterator[str]:
    read_fd, write_fd = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_fd), "-screen", "0", "1440x900x24", "-nolisten", "tcp"],
        pass_fds=(write_fd,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    os.close(write_fd)
    with os.fdopen(read_fd) as pipe:
        display = f":{pipe.readline().strip()}"
    try:
        yield display
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_window_maps_and_paints_under_xvfb(xserver: str, tmp_path: Path) -> None:
    env = {**os.environ, "DISPLAY": xserver, "QT_QPA_PLATFORM": "xcb", "STRETCHDESK_DATA_DIR": str(tmp_path / "d")}
    log = tmp_path / "app.log"
    with log.open("wb") as output:
        app = subprocess.Popen([sys.executable, "-m", "stretchdesk"], cwd=ROOT, env=env,
                               stdout=output, stderr=subprocess.STDOUT)
    try:
        found = subprocess.run(["xdotool", "search", "--sync", "--onlyvisible", "--name", "StretchDesk"],
                               env=env, capture_output=True, text=True, timeout=60, check=False)
        assert found.returncode == 0 and found.stdout.strip(), f"no window mapped: {log.read_text()[-500:]}"
        time.sleep(1.5)
        dump = subprocess.run(["xwd", "-root", "-silent"], env=env, capture_output=True, timeout=30, check=True)
        width, height, stride, pixels = read_xwd(dump.stdout)
        colours = {pixels[row * stride + col * 4: row * stride + col * 4 + 3]
                   for row in range(0, height, 7) for col in range(0, width, 7)}
        assert len(colours) > 20, f"screenshot looks blank ({len(colours)} colours)"
        window = found.stdout.split()[0]
        geometry = subprocess.run(["xdotool", "getwindowgeometry", "--shell", window], env=env,
                                  capture_output=True, text=True, timeout=30, check=True).stdout
        size = dict(line.split("=", 1) for line in geometry.split())
        assert int(size["WIDTH"]) >= 0.7 * 1440 and int(size["HEIGHT"]) >= 0.7 * 900, size
        subprocess.run(["xdotool", "windowfocus", "--sync", window], env=env, timeout=30, check=True)
        subprocess.run(["xdotool", "key", "ctrl+q"], env=env, timeout=30, check=True)
        app.wait(timeout=30)
    finally:
        if app.poll() is None:
            app.kill()
            app.wait(timeout=10)
    output = log.read_text(errors="replace")
    assert app.returncode == 0, f"Ctrl+Q did not quit cleanly ({app.returncode}): {output[-500:]}"
    assert "Traceback" not in output, output[-2000:]


def test_undo_and_redo_keys_under_a_desktop_session(xserver: str, tmp_path: Path) -> None:
    """On X11 desktops Qt's own Redo key is Ctrl+Shift+Z: binding it again made it ambiguous."""
    env = {**os.environ, "DISPLAY": xserver, "QT_QPA_PLATFORM": "xcb", "XDG_CURRENT_DESKTOP": "KDE",
           "STRETCHDESK_DATA_DIR": str(tmp_path / "d")}
    result = subprocess.run([sys.executable, "-m", "tests.gui.shortcut_probe"], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr[-2000:]
    assert "Ambiguous shortcut" not in result.stderr
    found = json.loads(result.stdout.strip().splitlines()[-1])
    assert found["platform"] == "xcb"
    assert found["twice"] == {}
    assert found["redo"][:2] == ["Ctrl+Shift+Z", "Ctrl+Y"]
    assert found["rows_after_undo_redo_undo_redo"] == [0, 1, 0, 1]
