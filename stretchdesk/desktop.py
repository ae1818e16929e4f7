"""Linux desktop integration: a launcher entry and an icon in the user's XDG data dir."""

from __future__ import annotations

import os
import shlex
import shutil
import sys
from pathlib import Path

from stretchdesk.core.atomic import atomic_write_bytes, atomic_write_text
from stretchdesk.core.paths import resource


def xdg_data_home() -> Path:
    return Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")


def launcher_command() -> str:
    """The command the menu entry runs: the installed `stretchdesk`, else this interpreter."""
    found = shutil.which("stretchdesk")
    if found:
        return shlex.quote(str(Path(found).resolve()))
    return f"{shlex.quote(sys.executable)} -m stretchdesk"


def install_desktop_entry(data_home: Path | None = None) -> list[Path]:
    """Write the .desktop file and the scalable icon; returns the files written."""
    home = data_home or xdg_data_home()
    entry = home / "applications" / "stretchdesk.desktop"
    icon = home / "icons" / "hicolor" / "scalable" / "apps" / "stretchdesk.svg"
    template = resource("stretchdesk.desktop").read_text(encoding="utf-8")
    text = template.replace("Exec=stretchdesk", f"Exec={launcher_command()}")
    atomic_write_text(entry, text)
    atomic_write_bytes(icon, resource("icons", "stretchdesk.svg").read_bytes())
    return [entry, icon]
