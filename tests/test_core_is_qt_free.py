"""The core must run where Qt can't: importing every core module loads no PySide6."""

from __future__ import annotations

import subprocess
import sys

SCRIPT = """
import importlib, pkgutil, sys
import stretchdesk.core as core
names = [m.name for m in pkgutil.walk_packages(core.__path__, "stretchdesk.core.")]
for name in names:
    importlib.import_module(name)
import stretchdesk.cli
qt = sorted(m for m in sys.modules if m.startswith(("PySide6", "shiboken6")))
print(len(names), qt)
sys.exit(1 if qt else 0)
"""


def test_importing_core_and_cli_never_imports_pyside6() -> None:
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert int(result.stdout.split()[0]) >= 8
