"""Your own poses: the pose dialog that adds or edits one, and deleting one once the
runner has been told which of their routines use it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from stretchdesk.core.errors import StretchDeskError
from stretchdesk.core.models import Pose
from stretchdesk.core.pose_use import routines_using
from stretchdesk.core.workspace import Workspace
from stretchdesk.library.catalog import PoseCatalog
from stretchdesk.library.pane import LibraryPane

if TYPE_CHECKING:
    from stretchdesk.routines.controller import RoutineController


class CustomPoses(QObject):
    """Answers the library's new, edit and delete requests for the runner's own poses."""

    message_posted = Signal(str)

    def __init__(self, workspace: Workspace, catalog: PoseCatalog, routines: RoutineController,
                 library: LibraryPane, window: QWidget) -> None:
        super().__init__(window)
        self.workspace = workspace
        self.catalog = catalog
        self._routines = routines
        self._connect_signals(library)

    @property
    def _window(self) -> QWidget:
        """The parent, looked up rather than stored: a child holding its window is a reference cycle."""
        window = self.parent()
        assert isinstance(window, QWidget)
        return window

    def _connect_signals(self, library: LibraryPane) -> None:
        library.new_pose_requested.connect(self.new_pose)
        library.edit_pose_requested.connect(self._on_library_edit_pose_requested)
        library.delete_pose_requested.connect(self._on_library_delete_pose_requested)

    def new_pose(self) -> None:
        self.edit(None)

    def edit(self, pose: Pose | None) -> None:
        """The pose dialog, new or for one of your poses; saves when the runner presses OK."""
        from stretchdesk.library.posedialog import PoseDialog  # a rare dialog: not at start-up

        dialog = PoseDialog(self.free_id, self._window, pose)
        if dialog.exec() and dialog.result_pose is not None:
            self.add(dialog.result_pose, dialog.result_image)

    def add(self, pose: Pose, image: bytes | None) -> Pose | None:
        """Save a new custom pose, or an edited one (same id)."""
        edited = self.workspace.catalog.is_custom(pose.id)
        try:
            saved = self.workspace.save_custom_pose(pose, image)
        except StretchDeskError as error:
            self.message_posted.emit(str(error))
            return None
        self.catalog.set(self.workspace.catalog)
        self.message_posted.emit(f"Saved your pose {saved.name!r}" if edited
                          else f"Added your pose {saved.name!r} to the library")
        return saved

    def users(self, pose_id: str) -> list[str]:
        """Names of your routines that use a pose (the open one as edited so far)."""
        routines = dict(self.workspace.user)
        document = self._routines.document
        current = document.routine()
        if current is not None and not document.read_only:
            routines[current.id] = current
        return [routine.name for routine in routines_using(routines.values(), pose_id)]

    def delete(self, pose_id: str) -> bool:
        try:
            name = self.workspace.catalog[pose_id].name
            self.workspace.delete_custom_pose(pose_id)
        except (StretchDeskError, KeyError) as error:
            self.message_posted.emit(str(error))
            return False
        self.catalog.set(self.workspace.catalog)
        self._routines.refresh_list()
        self.message_posted.emit(f"Deleted your pose {name!r}; its file is in the data dir's trash")
        return True

    def free_id(self, wanted: str) -> str:
        candidate, number = wanted, 2
        while candidate in self.workspace.catalog:
            candidate = f"{wanted}-{number}"
            number += 1
        return candidate

    def _on_library_edit_pose_requested(self, pose_id: str) -> None:
        pose = self.catalog.current.get(pose_id)
        if pose is not None and pose.custom:
            self.edit(pose)

    def _on_library_delete_pose_requested(self, pose_id: str) -> None:
        """Names the routines that use the pose before deleting it."""
        pose = self.catalog.current.get(pose_id)
        if pose is None:
            return
        users = self.users(pose_id)
        if users:
            listed = ", ".join(repr(name) for name in users)
            detail = (f"{len(users)} of your routines use{'s' if len(users) == 1 else ''} it: "
                      f"{listed}. Those steps will show as an unknown pose until you remove them.")
        else:
            detail = "None of your routines use it."
        answer = QMessageBox.question(self._window, "Delete pose",
                                      f"Delete your pose {pose.name!r}?\n\n{detail}")
        if answer == QMessageBox.StandardButton.Yes:
            self.delete(pose_id)
