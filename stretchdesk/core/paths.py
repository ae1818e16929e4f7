"""Where things live: packaged resources and the user's data dir."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import platformdirs

from stretchdesk import APP_NAME
from stretchdesk.core.errors import StretchDeskError
from stretchdesk.core.safeio import shown

DATA_DIR_ENV = "STRETCHDESK_DATA_DIR"


def resources_dir() -> Path:
    """The resources folder, in a wheel (`stretchdesk/resources`) or a checkout (`resources/`)."""
    package = Path(__file__).resolve().parent.parent
    installed = package / "resources"
    if installed.is_dir():
        return installed
    return package.parent / "resources"


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)


def default_data_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    """--data-dir wins, then $STRETCHDESK_DATA_DIR, then the platform's user data dir."""
    if explicit is not None:
        if not os.fspath(explicit).strip():
            raise StretchDeskError("--data-dir is empty; give the folder to use, or leave the option out")
        return Path(explicit).expanduser()
    from_env = os.environ.get(DATA_DIR_ENV)
    if from_env:
        return Path(from_env).expanduser()
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def broken_link(path: Path) -> str | None:
    """How `path` is a symbolic link that leads nowhere ("is a broken link to X", "is a
    link that loops back on itself"), or None when it is not such a link."""
    try:
        if not path.is_symlink():
            return None
        path.stat()
    except FileNotFoundError:
        return f"is a broken link to {shown(os.path.realpath(path))}"
    except OSError as error:
        if error.errno != errno.ELOOP:
            return None
        try:
            target = os.readlink(path)
        except OSError:
            return "is a link that loops back on itself"
        return f"is a link that loops back on itself through {shown(target)}"
    return None
