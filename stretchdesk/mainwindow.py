"""The builder window: routines, pose library and routine editor side by side."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QUndoStack
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMessageBox, QSplitter

from stretchdesk import APP_NAME, __version__
from stretchdesk.core.workspace import Workspace
from stretchdesk.editor.document import RoutineDocument
from stretchdesk.editor.pane import EditorPane
from stretchdesk.library.catalog import PoseCatalog
from stretchdesk.library.custom_poses import CustomPoses
from stretchdesk.library.pane import LibraryPane
from stretchdesk.pose_images import PoseImages
from stretchdesk.routines.controller import RoutineController
from stretchdesk.routines.model import RoutineListModel
from stretchdesk.routines.pane import RoutinesPane
from stretchdesk.routines.trash import TrashMenu
from stretchdesk.window_layout import restore_layout, save_layout

STATUS_MS = 6000
DIALOG_FOLDER_KEY = "dialogs/folder"
STYLE = """
QLabel#paneTitle { font-weight: bold; font-size: 13pt; padding: 2px 0 4px 0; }
QPushButton#playButton { font-weight: bold; font-size: 12pt; color: white; background: #2f7d68;
    border: none; border-radius: 6px; padding: 6px 18px; }
QPushButton#playButton:hover { background: #38917a; }
QPushButton#playButton:disabled { background: #9bb8b0; color: #eef3f1; }
QFrame#readOnlyBanner { background: rgba(208, 138, 44, 40); border-radius: 6px; }
"""


def redo_shortcuts() -> list[QKeySequence]:
    """Ctrl+Shift+Z and Ctrl+Y on every platform, plus the platform's own Redo keys, each once
    (on X11 desktops the platform's Redo already is Ctrl+Shift+Z)."""
    wanted = [QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y"),
              *QKeySequence.keyBindings(QKeySequence.StandardKey.Redo)]
    unique: list[QKeySequence] = []
    for sequence in wanted:
        if not sequence.isEmpty() and sequence not in unique:
            unique.append(sequence)
    return unique


class MainWindow(QMainWindow):
    play_requested = Signal(str)
    closed = Signal()

    def __init__(self, workspace: Workspace, settings: QSettings, images: PoseImages,
                 catalog: PoseCatalog) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.setStyleSheet(STYLE)
        self.setMinimumSize(1000, 640)
        self.workspace = workspace
        self.settings = settings
        self.images = images
        self._problems: list[str] = []
        self.undo_stack = QUndoStack(self)
        self.catalog = catalog
        self.document = RoutineDocument(catalog, self.undo_stack, self)
        self.routine_model = RoutineListModel()
        self.routine_model.setParent(self)  # owned by the window, so it outlives the undo stack
        self.controller = RoutineController(workspace, catalog, self.document, self.routine_model,
                                            images, self)
        self._make_actions()
        self.routines = RoutinesPane(
            self.routine_model,
            [self.new_action, self.duplicate_action, self.delete_action],
            [self.rename_action, self.duplicate_action, None, self.export_json_action,
             self.export_pdf_action, None, self.delete_action],
        )
        self.library = LibraryPane(images, catalog)
        self.editor = EditorPane(self.document, images)
        self.custom_poses = CustomPoses(workspace, catalog, self.controller, self.library, self)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.setChildrenCollapsible(False)
        for pane in (self.routines, self.library, self.editor):
            self.splitter.addWidget(pane)
        self.splitter.setSizes([240, 540, 660])
        self.setCentralWidget(self.splitter)
        self._make_menus()
        self.statusBar().showMessage("Ready")
        chain = [self.routines.view, *self.library.tab_chain(), self.editor.view]
        for before, after in pairwise(chain):
            self.setTabOrder(before, after)
        self._connect_signals()
        restore_layout(self, self.splitter, self.settings)
        self._on_document_changed()
        self.routines.select(self.workspace.entries()[0].routine.id
                             if self.workspace.entries() else None)

    def _action(self, text: str, slot: object,
                shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
                tip: str = "") -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if tip:
            action.setStatusTip(tip)
            action.setToolTip(tip)
        action.triggered.connect(slot)
        return action

    def _make_actions(self) -> None:
        keys = QKeySequence.StandardKey
        self.new_action = self._action("&New routine", self._on_new, keys.New, "Start an empty routine")
        self.new_from_recipe_action = self._action("New from &recipe…", self._on_new_from_recipe,
                                                   "Ctrl+Shift+N", "Let StretchDesk make a routine")
        self.new_pose_action = self._action("New &pose…", self._on_new_pose, None,
                                            "Make your own pose with your own picture")
        self.import_action = self._action("&Import…", self._on_import, keys.Open,
                                          "Import a routine from a .json file")
        self.export_json_action = self._action("&Export…", self._on_export_json, "Ctrl+E",
                                               "Save the routine as a .json file to share")
        self.export_pdf_action = self._action("Export &PDF sheet…", self._on_export_pdf, keys.Print,
                                              "A printable sheet with figures and holds")
        self.quit_action = self._action("&Quit", self.close, keys.Quit)
        self.undo_action = self.undo_stack.createUndoAction(self, "&Undo")
        self.undo_action.setShortcut(QKeySequence(keys.Undo))
        self.redo_action = self.undo_stack.createRedoAction(self, "&Redo")
        self.redo_action.setShortcuts(redo_shortcuts())
        self.find_action = self._action("&Find pose", self._on_find, keys.Find,
                                        "Search the pose library")
        self.rename_action = self._action("&Rename", self._on_rename, "Ctrl+Shift+R",
                                          "Edit the routine's name")
        self.duplicate_action = self._action("&Duplicate", self._on_duplicate, "Ctrl+D",
                                             "Copy the routine (built-in ones become editable)")
        self.delete_action = self._action("De&lete", self._on_delete, "Ctrl+Shift+Del",
                                          "Move the routine to the data dir's trash")
        self.play_action = self._action("&Play routine", self._on_play, "F5",
                                        "Play the routine full screen")
        self.about_action = self._action("&About StretchDesk", self._on_about)
        self.problems_action = self._action("Data dir &problems…", self._on_problems, None,
                                            "Files in the data dir that could not be used")
        self.problems_action.setEnabled(False)

    def _make_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu("&File")
        for action in (self.new_action, self.new_from_recipe_action, self.new_pose_action, None, self.import_action,
                       self.export_json_action, self.export_pdf_action, None, self.quit_action):
            file_menu.addSeparator() if action is None else file_menu.addAction(action)
        edit = bar.addMenu("&Edit")
        editor = self.editor
        for action in (self.undo_action, self.redo_action, None, editor.delete_action,
                       editor.move_up_action, editor.move_down_action, None, self.find_action):
            edit.addSeparator() if action is None else edit.addAction(action)
        routine = bar.addMenu("&Routine")
        self.trash_menu = TrashMenu(self.controller, self)
        for action in (self.rename_action, self.duplicate_action, self.delete_action,
                       self.trash_menu.menuAction(), None, editor.add_rest_action,
                       editor.group_sides_action, editor.group_rounds_action,
                       editor.ungroup_action):
            routine.addSeparator() if action is None else routine.addAction(action)
        self.play_menu = bar.addMenu("&Play")
        self.play_menu.addAction(self.play_action)
        self.help_menu = help_menu = bar.addMenu("&Help")
        help_menu.addAction(self.problems_action)
        help_menu.addAction(self.about_action)

    def _connect_signals(self) -> None:
        self.routines.routine_selected.connect(self.controller.open_routine)
        self.controller.list_refreshed.connect(self._on_controller_list_refreshed)
        self.controller.message_posted.connect(self.show_message)
        self.controller.problems_found.connect(self.report_problems)
        self.document.changed.connect(self._on_document_changed)
        self.document.settings_changed.connect(self._on_document_changed)
        self.document.edit_rejected.connect(self.show_message)
        self.library.add_requested.connect(self.editor.add_poses)
        self.custom_poses.message_posted.connect(self.show_message)
        self.library.message_posted.connect(self.show_message)
        self.editor.play_clicked.connect(self._on_play)
        self.editor.duplicate_clicked.connect(self._on_duplicate)

    def show_message(self, text: str) -> None:
        self.statusBar().showMessage(text, STATUS_MS)

    def report_problems(self, problems: list[str]) -> None:
        """Keep data-dir problems for Help > Data dir problems; the status bar says what is new."""
        new = [problem for problem in problems if problem not in self._problems]
        if not new:
            return
        self._problems += new
        self.problems_action.setEnabled(True)
        if len(new) == 1:
            self.show_message(new[0])
        else:
            self.show_message(f"{len(new)} files in the data dir could not be used; "
                              "Help › Data dir problems lists them")

    def data_problems(self) -> list[str]:
        return list(self._problems)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.controller.save_now()
        save_layout(self, self.splitter, self.settings)
        super().closeEvent(event)
        self.closed.emit()

    def _on_controller_list_refreshed(self) -> None:
        self.routines.select(self.document.routine_id)

    def _on_document_changed(self) -> None:
        name = self.document.name()
        if not self.document.is_open:
            self.setWindowTitle(APP_NAME)
        else:
            suffix = " (built-in, read-only)" if self.document.read_only else ""
            self.setWindowTitle(f"{name}{suffix} — {APP_NAME}")
        editable = self.document.is_open and not self.document.read_only
        self.library.set_can_add(editable)
        for action in (self.rename_action, self.delete_action):
            action.setEnabled(editable)
        for action in (self.duplicate_action, self.export_json_action, self.export_pdf_action):
            action.setEnabled(self.document.is_open)
        self.play_action.setEnabled(self.editor.play_button.isEnabled())

    def _on_new(self) -> None:
        self.controller.new_routine()
        self.editor.settings_form.name.setFocus()
        self.editor.settings_form.name.selectAll()

    def _on_rename(self) -> None:
        self.editor.settings_form.name.setFocus()
        self.editor.settings_form.name.selectAll()

    def _on_duplicate(self) -> None:
        self.controller.duplicate()

    def _on_delete(self) -> None:
        self.controller.delete()

    def _on_find(self) -> None:
        self.library.search.setFocus()
        self.library.search.selectAll()

    def _on_play(self) -> None:
        routine_id = self.document.routine_id
        if routine_id is not None and self.document.model.rowCount():
            self.controller.save_now()
            self.play_requested.emit(routine_id)

    def _on_problems(self) -> None:
        from stretchdesk.problems import ProblemsDialog  # only when there is something to show

        dialog = ProblemsDialog(self._problems, self.workspace.data_dir, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def _on_new_pose(self) -> None:
        self.custom_poses.new_pose()

    def _on_new_from_recipe(self) -> None:
        from stretchdesk.recipe.dialog import RecipeDialog  # a rare dialog: not on the start-up path

        dialog = RecipeDialog(self.workspace.catalog, self.images, self)
        if dialog.exec() and dialog.result_routine is not None:
            self.controller.add_routine(dialog.result_routine)

    def _ask_path(self, title: str, pattern: str, save: bool, suggested: str = "") -> Path | None:
        """A file dialog that opens in the folder the runner used last (home the first time)."""
        last = self.settings.value(DIALOG_FOLDER_KEY)
        folder = Path(last) if isinstance(last, str) and Path(last).is_dir() else Path.home()
        start = str(folder / suggested) if suggested else str(folder)
        if save:
            path, _ = QFileDialog.getSaveFileName(self, title, start, pattern)
        else:
            path, _ = QFileDialog.getOpenFileName(self, title, start, pattern)
        if not path:
            return None
        self.settings.setValue(DIALOG_FOLDER_KEY, str(Path(path).parent))
        return Path(path)

    def _on_import(self) -> None:
        path = self._ask_path("Import routine", "StretchDesk routine (*.json)", save=False)
        if path is not None:
            self.controller.import_path(path)

    def _on_export_json(self) -> None:
        name = f"{self.document.name() or 'routine'}.json"
        path = self._ask_path("Export routine", "StretchDesk routine (*.json)", True, name)
        if path is not None:
            self.controller.export_json(path)

    def _on_export_pdf(self) -> None:
        name = f"{self.document.name() or 'routine'}.pdf"
        path = self._ask_path("Export PDF sheet", "PDF (*.pdf)", True, name)
        if path is not None:
            self.controller.export_pdf(path)

    def _on_about(self) -> None:
        QMessageBox.about(self, f"About {APP_NAME}",
                          f"<b>{APP_NAME} {__version__}</b><p>Build post-run stretch routines from "
                          "an illustrated pose library and play them on any screen.</p>"
                          "<p>Data folder: " + str(self.workspace.data_dir) + "</p>")
