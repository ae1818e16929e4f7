"""The controls on the desk screen: transport buttons, screen, volume and voice."""

from __future__ import annotations

from PySide6.QtCore import QSettings, QSize, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QPushButton,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from stretchdesk.core.session import Phase
from stretchdesk.player.presenter import Screen
from stretchdesk.player.screens import ScreenPicker

VOLUME_KEY = "player/volume"
VOICE_KEY = "player/voice"


def _button(text: str, name: str, tip: str) -> QPushButton:
    button = QPushButton(text)
    button.setObjectName(name)
    button.setToolTip(tip)
    return button


class ControlsPanel(QWidget):
    def __init__(self, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("playerControls")
        self.setWindowTitle("StretchDesk — player controls")
        self.title = QLabel(self)
        self.title.setObjectName("playerControlsTitle")
        font = self.title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.3)
        self.title.setFont(font)
        self.status = QLabel(self)
        self.status.setObjectName("playerControlsStatus")
        self.message = QLabel(self)
        self.message.setObjectName("playerMessage")
        self.message.setWordWrap(True)
        self.start_button = _button("Start", "playerStart", "Start the routine")
        self.pause_button = _button("Pause", "playerPause", "Pause or resume (Space)")
        self.previous_button = _button("◀ Previous", "playerPrevious", "Back one step (Left)")
        self.next_button = _button("Next ▶", "playerNext", "Skip to the next step (Right)")
        self.extend_button = _button("+15 s", "playerExtend", "Add 15 seconds (Up)")
        self.restart_button = _button("Restart step", "playerRestart", "Start this step again")
        self.stop_button = _button("Stop", "playerStop", "Stop the routine (Esc)")
        self.fullscreen_button = _button("Full screen", "playerFullScreen", "Full screen again")
        self.screen_picker = ScreenPicker(settings, self)
        self.volume = QSlider(Qt.Orientation.Horizontal, self)
        self.volume.setObjectName("playerVolume")
        self.volume.setRange(0, 100)
        self.volume.setValue(int(settings.value(VOLUME_KEY, 80)))
        self.voice = QCheckBox("Voice", self)
        self.voice.setObjectName("playerVoice")
        self.voice.setChecked(str(settings.value(VOICE_KEY, "true")).lower() == "true")

        buttons = QHBoxLayout()
        for button in (
            self.start_button,
            self.pause_button,
            self.previous_button,
            self.next_button,
            self.extend_button,
            self.restart_button,
            self.stop_button,
        ):
            buttons.addWidget(button)
        options = QGridLayout()
        options.addWidget(QLabel("Screen:"), 0, 0)
        options.addWidget(self.screen_picker, 0, 1)
        options.addWidget(self.fullscreen_button, 0, 2)
        options.addWidget(QLabel("Volume:"), 1, 0)
        options.addWidget(self.volume, 1, 1)
        options.addWidget(self.voice, 1, 2)
        options.setColumnStretch(1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        layout.addLayout(options)
        layout.addWidget(self.message)
        # sized once here: a layout constraint would push size hints to the platform
        # window on every text change, which some platforms (offscreen) reject noisily
        layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        self.resize(layout.sizeHint().expandedTo(QSize(720, 0)))
        self.show_idle()

    def show_idle(self) -> None:
        self.start_button.setEnabled(True)
        for button in self._transport():
            button.setEnabled(False)

    def show_screen(self, screen: Screen, started: bool) -> None:
        self.start_button.setEnabled(not started)
        playing = started and screen.phase is not Phase.DONE
        for button in self._transport():
            button.setEnabled(playing)
        self.stop_button.setEnabled(started)
        self.stop_button.setText("Close" if screen.phase is Phase.DONE else "Stop")
        self.pause_button.setText("Resume" if screen.paused else "Pause")
        if screen.phase is Phase.DONE:
            self.status.setText("Done")
            return
        side = f" · {screen.side.lower()}" if screen.side else ""
        paused = " (paused)" if screen.paused else ""
        self.status.setText(
            f"{screen.phase_title.title()}: {screen.pose_name}{side} — {screen.countdown} s{paused}"
            f"   ·   {screen.step_text}   ·   {screen.time_left}"
        )

    def add_message(self, text: str) -> None:
        lines = [line for line in self.message.text().splitlines() if line and line != text]
        self.message.setText("\n".join([*lines[-3:], text]))

    def _transport(self) -> tuple[QPushButton, ...]:
        return (
            self.pause_button,
            self.previous_button,
            self.next_button,
            self.extend_button,
            self.restart_button,
        )
