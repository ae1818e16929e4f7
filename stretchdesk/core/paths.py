"""Where things live: packaged resources and the user's data dir."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

from stretchdesk import APP_NAME
from stretchdesk.core.errors import StretchDeskError

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
