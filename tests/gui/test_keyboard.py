"""Keyboard-only building, search ranking and emptiness, and what the window remembers."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QWidget
from pytestqt.qtbot import QtBot

from stretchdesk.core.catalog import builtin_poses
from stretchdesk.core.models import Step
from stretchdesk.library.detail import PoseDetailDialog
from stretchdesk.library.model import PoseRole
from stretchdesk.mainwindow import MainWindow
from stretchdesk.window_layout import first_size
from tests.gui.conftest import WindowFactory

pytestmark = pytest.mark.gui


def shown_names(window: MainWindow) -> list[str]:
    proxy = window.library.proxy
    return [str(proxy.index(row, 0).data()) for row in range(proxy.rowCount())]


def focused(window: MainWindow) -> QWidget | None:
    return QApplication.focusWidget()


def test_keyboard_only_building_in_one_pass(window: MainWindow, qtbot: QtBot) -> None:
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.new_action.trigger()
    window.find_action.trigger()
    search = window.library.search
    assert focused(window) is search
    qtbot.keyClicks(search, "pigeon")
    assert shown_names(window)[0] == "Pigeon Pose"
    qtbot.keyClick(search, Qt.Key.Key_Down)
    view = window.library.view
    assert focused(window) is view
    assert view.currentIndex().data() == "Pigeon Pose"

    qtbot.keyClick(view, Qt.Key.Key_Return)
    dialog = window.library.findChild(PoseDetailDialog)
    assert dialog is not None and dialog.isVisible()
    dialog.add_requested.emit(view.currentIndex().data(PoseRole.POSE_ID))
    dialog.close()
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Right)
    second = view.currentIndex().data()
    assert second == shown_names(window)[1]
    qtbot.keyClick(view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    names = [window.workspace.catalog[item.pose].name for item in window.editor.model.items()
             if isinstance(item, Step)]
    assert names == ["Pigeon Pose", second]


def test_tab_goes_search_filters_cards_routine(window: MainWindow, qtbot: QtBot) -> None:
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    library = window.library
    library.search.setFocus()
    visited = []
    for _ in range(7):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        visited.append(QApplication.focusWidget())
    assert visited == [library.area, library.position, library.prop, library.kind,
                       library.difficulty, library.view, window.editor.view]


def test_search_ranks_best_match_first_and_says_when_nothing_matches(
        window: MainWindow, qtbot: QtBot) -> None:
    library = window.library
    library.search.setText("hip")
    names = shown_names(window)
    starts = [name for name in names if name.casefold().startswith("hip")]
    assert starts and names[:len(starts)] == starts
    assert any(not name.casefold().count("hip") for name in names)  # area matches come last
    library.search.setText("zzzz")
    assert not library.view.isVisibleTo(window) and library.empty_state.isVisibleTo(window)
    assert "zzzz" in library.empty_text.text()
    library.area.setCurrentIndex(2)
    qtbot.mouseClick(library.clear_filters_button, Qt.MouseButton.LeftButton)
    assert library.search.text() == "" and library.area.currentIndex() == 0
    assert library.view.isVisibleTo(window) and len(shown_names(window)) == len(builtin_poses())


def test_file_dialogs_start_where_the_runner_was_last(
        make_window: WindowFactory, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[str] = []
    folder = tmp_path / "exports"
    folder.mkdir()

    def open_file(parent: QWidget, title: str, start: str, pattern: str) -> tuple[str, str]:
        asked.append(start)
        return str(folder / "missing.json"), pattern

    monkeypatch.setattr(QFileDialog, "getOpenFileName", open_file)
    window = make_window()
    window.import_action.trigger()
    assert asked == [str(Path.home())]
    window.import_action.trigger()
    assert asked[1] == str(folder)
    window.close()
    again = make_window()
    again.import_action.trigger()
    assert asked[2] == str(folder)


def test_first_window_covers_most_of_the_screen() -> None:
    size = first_size(QSize(1920, 1080), QSize(1000, 640))
    assert size.width() >= 0.7 * 1920 and size.height() >= 0.7 * 1080
    assert size.width() <= 1920 and size.height() <= 1080
    small = first_size(QSize(1024, 700), QSize(1000, 640))
    assert small == QSize(1000, 640)


def test_a_deleted_routine_leaves_no_name_behind(window: MainWindow) -> None:
    window.controller.new_routine("Gone soon")
    assert window.editor.settings_form.name.text() == "Gone soon"
    window.delete_action.trigger()
    assert window.editor.settings_form.name.text() == ""


def test_a_new_search_starts_at_the_top_of_the_results(window: MainWindow) -> None:
    view = window.library.view
    bar = view.verticalScrollBar()
    view.scrollToBottom()
    assert bar.value() > 0
    window.library.search.setText("stretch")
    assert bar.value() == 0
