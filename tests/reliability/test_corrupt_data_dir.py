"""Corrupt data dir at start-up: the window still opens, each bad file is named once,
unreadable files go to quarantine/ with their bytes intact, newer files stay where
they are, and nothing the user had is deleted."""

from __future__ import annotations

import json
import random
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from stretchdesk.app import build_main_window
from stretchdesk.core.catalog import builtin_poses, builtin_routines
from stretchdesk.core.documents import FORMAT_VERSION, POSE_FORMAT, dump_document
from stretchdesk.core.errors import StretchDeskError
from stretchdesk.core.history import HISTORY_FILE, History, SessionRecord
from stretchdesk.core.lock import LOCK_NAME
from stretchdesk.core.models import Hold, Routine, Step
from stretchdesk.core.routine_files import read_routine_file, routine_json
from stretchdesk.mainwindow import MainWindow
from stretchdesk.player.history_view import HistoryView
from stretchdesk.problems import ProblemsDialog
from stretchdesk.window_layout import first_size

pytestmark = [pytest.mark.reliability, pytest.mark.gui]

GOOD_ROUTINES = (
    Routine(id="evening-hips", name="Evening hips", items=[Step(pose="pigeon"), Step(pose="butterfly")]),
    Routine(id="desk-reset", name="Desk reset", items=[Step(pose="childs-pose", hold=Hold(seconds=40))]),
    Routine(id="with-my-pose", name="With my pose", items=[Step(pose="my-hip-opener")]),
)
CUSTOM_POSE_ID = "my-hip-opener"
GOOD_HISTORY_LINE = json.dumps(
    SessionRecord("evening-hips", "Evening hips", datetime(2025, 5, 1, 18, tzinfo=UTC), 95.0, 2, 2, True,
                  {"hips": 60.0}).as_json(), sort_keys=True,
).encode()


@dataclass(frozen=True)
class BadFile:
    path: Path
    original: bytes
    quarantined: bool
    reason: str


def files_by_content(root: Path) -> Counter[bytes]:
    """Every file's bytes, wherever it sits: a move keeps the multiset, a deletion does not."""
    return Counter(path.read_bytes() for path in root.rglob("*") if path.is_file() and path.name != LOCK_NAME)


def garbage(seed: int) -> bytes:
    """Bytes no JSON reader accepts: invalid UTF-8 first, NULs throughout."""
    noise = random.Random(seed).randbytes(700)
    return b"\xff\xfe\x00" + noise.replace(b"\n", b"\x00") + b"\x00\x00"


def future(document: str) -> bytes:
    """The same document as a newer StretchDesk would write it, with a field this one does not know."""
    value = json.loads(document)
    value["version"] = FORMAT_VERSION + 1
    value["sync"] = {"device": "watch", "revision": 42}
    return json.dumps(value, indent=2).encode()


def custom_pose_document(pose_id: str) -> str:
    pose = builtin_poses()["pigeon"].model_copy(update={"id": pose_id, "name": "My hip opener", "image": None})
    return dump_document(POSE_FORMAT, pose=pose.model_dump(mode="json"))


def write_bad_files(folder: Path, kind: str, good_document: str) -> list[BadFile]:
    contents = {
        f"truncated-{kind}.json": (good_document.encode()[: len(good_document) // 2], True, "not valid JSON"),
        f"empty-{kind}.json": (b"", True, "the file is empty"),
        f"binary-{kind}.json": (garbage(len(kind)), True, "not UTF-8 text"),
        f"future-{kind}.json": (future(good_document), False, "written by a newer StretchDesk"),
    }
    bad = []
    for name, (data, quarantined, reason) in contents.items():
        (folder / name).write_bytes(data)
        bad.append(BadFile(folder / name, data, quarantined, reason))
    return bad


def build_corrupt_data_dir(root: Path) -> tuple[list[BadFile], bytes]:
    """Good routines and a good custom pose next to every kind of broken file; returns
    the broken files and the history file's bytes."""
    (root / "routines").mkdir(parents=True)
    (root / "poses").mkdir()
    for routine in GOOD_ROUTINES:
        (root / "routines" / f"{routine.id}.json").write_text(routine_json(routine), encoding="utf-8")
    (root / "poses" / f"{CUSTOM_POSE_ID}.json").write_text(custom_pose_document(CUSTOM_POSE_ID), encoding="utf-8")
    bad = write_bad_files(root / "routines", "routine", routine_json(GOOD_ROUTINES[0]))
    bad += write_bad_files(root / "poses", "pose", custom_pose_document("another-pose"))
    history = b"\n".join([GOOD_HISTORY_LINE, GOOD_HISTORY_LINE[:40], garbage(7)[:60]]) + b"\n"
    (root / HISTORY_FILE).write_bytes(history)
    return bad, history


@pytest.fixture
def start(qtbot: QtBot, tmp_path: Path) -> Callable[[Path], MainWindow]:
    """Starts the window the way the app does, with its own (garbage) settings file."""
    settings_file = tmp_path / "settings.ini"
    settings_file.write_bytes(b"\x00\xff[[[General\n=\n" + garbage(3)[:80])

    def make(data_dir: Path) -> MainWindow:
        window = build_main_window(data_dir, QSettings(str(settings_file), QSettings.Format.IniFormat))
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        return window

    return make


def listed_routine_ids(window: MainWindow) -> list[str]:
    model = window.routine_model
    return [model.entry(row).routine.id for row in range(model.rowCount())]


# opening Play > Session history: the offscreen platform cannot raise windows or pass size hints
@pytest.mark.qt_log_ignore("does not support (raise|propagateSizeHints)")
def test_corrupt_files_are_named_once_quarantined_intact_and_nothing_is_lost(
    tmp_path: Path, start: Callable[[Path], MainWindow], qtbot: QtBot
) -> None:
    data_dir = tmp_path / "data"
    bad, history_bytes = build_corrupt_data_dir(data_dir)
    before = files_by_content(data_dir)

    window = start(data_dir)

    default = first_size(window.screen().availableGeometry().size(), window.minimumSize())
    assert window.size() == default, "unreadable settings should give the default layout"
    listed = listed_routine_ids(window)
    assert [r.id for r in GOOD_ROUTINES if r.id in listed] == [r.id for r in GOOD_ROUTINES]
    assert set(builtin_routines()) <= set(listed)
    assert len(listed) == len(GOOD_ROUTINES) + len(builtin_routines())
    assert window.workspace.catalog.is_custom(CUSTOM_POSE_ID)
    assert window.library.model.row_of(CUSTOM_POSE_ID) >= 0
    assert len(window.library.model.poses()) == len(builtin_poses()) + 1

    shown = window.data_problems()
    assert len(shown) == len(bad), shown
    assert window.statusBar().currentMessage() == (
        f"{len(bad)} files in the data dir could not be used; Help › Data dir problems lists them"
    )
    assert window.problems_action.isEnabled()
    window.problems_action.trigger()
    dialog = window.findChild(ProblemsDialog, "problemsDialog")
    assert dialog is not None and dialog.isVisible()
    assert dialog.text.toPlainText().splitlines() == shown
    dialog.close()
    qtbot.waitUntil(lambda: window.findChild(ProblemsDialog) is None)
    for message in shown:
        assert "\n" not in message and message.strip() == message
    for file in bad:
        about = [message for message in shown if str(file.path) in message]
        assert len(about) == 1, f"{file.path.name}: {about}"
        message = about[0]
        assert message.startswith(f"{file.path}: {file.reason}"), message
        if file.quarantined:
            assert not file.path.exists()
            moved = Path(message.rsplit("; moved to ", 1)[1])
            assert moved.parent == data_dir / "quarantine"
            assert moved.name.endswith(f"-{file.path.name}")
            assert moved.read_bytes() == file.original
        else:
            assert message.endswith("update StretchDesk to open it; left untouched")
            assert file.path.read_bytes() == file.original
    assert files_by_content(data_dir) == before, "a file was deleted or changed at start-up"

    assert (data_dir / HISTORY_FILE).read_bytes() == history_bytes
    open_history = next(a for a in window.play_menu.actions() if a.text() == "Session &history…")
    open_history.trigger()
    history_view = window.findChild(HistoryView)
    assert history_view is not None and history_view.isVisible()
    assert history_view.model.rowCount() == 1
    history_problems = history_view.problems.text().splitlines()
    assert [line.split(": skipped")[0] for line in history_problems] == [
        f"{data_dir / HISTORY_FILE} line 2", f"{data_dir / HISTORY_FILE} line 3",
    ]
    assert "not UTF-8 text" in history_problems[1]


def test_after_a_corrupt_start_saving_works_and_a_restart_reports_only_newer_files(
    tmp_path: Path, start: Callable[[Path], MainWindow]
) -> None:
    data_dir = tmp_path / "data"
    bad, history_bytes = build_corrupt_data_dir(data_dir)
    window = start(data_dir)
    quarantined = sorted(p.name for p in (data_dir / "quarantine").iterdir())

    window.routines.select("evening-hips")
    assert window.document.routine_id == "evening-hips" and not window.document.read_only
    assert window.document.rename("Evening hips, longer")
    assert window.controller.save_now()
    saved = read_routine_file(data_dir / "routines" / "evening-hips.json")
    assert saved.name == "Evening hips, longer"
    assert saved.items == GOOD_ROUTINES[0].items

    history = History(data_dir)
    history.add(SessionRecord("desk-reset", "Desk reset", datetime.now(UTC), 50.0, 1, 1, True, {"hips": 40.0}))
    assert (data_dir / HISTORY_FILE).read_bytes().startswith(history_bytes), "unreadable history lines were lost"
    assert [record.routine_id for record in history.load()] == ["evening-hips", "desk-reset"]
    window.close()

    again = start(data_dir)
    shown = again.data_problems()
    newer = sorted(str(file.path) for file in bad if not file.quarantined)
    assert sorted(message.split(": ")[0] for message in shown) == newer
    assert sorted(p.name for p in (data_dir / "quarantine").iterdir()) == quarantined
    assert again.workspace.get("evening-hips").name == "Evening hips, longer"
    for file in bad:
        if not file.quarantined:
            assert file.path.read_bytes() == file.original
    assert {r.id for r in GOOD_ROUTINES} <= set(listed_routine_ids(again))


def test_a_data_dir_that_is_a_file_is_one_clear_error_and_the_file_is_kept(
    tmp_path: Path, start: Callable[[Path], MainWindow]
) -> None:
    not_a_folder = tmp_path / "StretchDesk"
    not_a_folder.write_bytes(b"my notes, not a folder")

    with pytest.raises(StretchDeskError) as raised:
        start(not_a_folder)

    message = str(raised.value)
    assert "\n" not in message
    assert message.startswith(f"{not_a_folder}: ") and "is a file, not a folder" in message
    assert not_a_folder.read_bytes() == b"my notes, not a folder"


def test_a_file_that_goes_bad_while_open_is_reported_and_kept(
    tmp_path: Path, start: Callable[[Path], MainWindow]
) -> None:
    data_dir = tmp_path / "data"
    window = start(data_dir)
    assert window.data_problems() == []
    broken = data_dir / "routines" / "synced-from-phone.json"
    broken.write_bytes(b'{"format": "stretchdesk-routine", "vers')
    window.controller.reload_from_disk()
    problems = window.data_problems()
    assert len(problems) == 1 and problems[0].startswith(f"{broken}: not valid JSON")
    assert window.statusBar().currentMessage() == problems[0]
    moved = Path(problems[0].rsplit("; moved to ", 1)[1])
    assert moved.read_bytes() == b'{"format": "stretchdesk-routine", "vers'
    window.controller.reload_from_disk()
    assert window.data_problems() == problems, "a problem already reported is not repeated"
