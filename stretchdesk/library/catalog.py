"""The one pose catalog the window shows; it says when it changed.

The core `Catalog` is an immutable mapping that the workspace replaces whenever
custom poses come or go (a new pose, an import, a reload from disk). Everything
that shows poses holds this object, reads `current` when it needs a pose, and
listens to `changed`, so nothing keeps a stale copy.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QObject, Signal

from stretchdesk.core.models import Pose


class PoseCatalog(QObject):
    changed = Signal()

    def __init__(self, catalog: Mapping[str, Pose], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._current = catalog

    @property
    def current(self) -> Mapping[str, Pose]:
        return self._current

    def set(self, catalog: Mapping[str, Pose]) -> bool:
        """Replace the catalog; emits `changed` only when a pose was added, removed or edited."""
        if catalog is self._current or dict(catalog) == dict(self._current):
            self._current = catalog
            return False
        self._current = catalog
        self.changed.emit()
        return True
