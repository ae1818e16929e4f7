"""The controls on the desk screen: transport buttons, screen, volume and voice.

The panel only says what the user asked for (`start_requested`, `skip_requested`
...); the controller decides what that means. With one screen the panel turns
into a compact strip that stays on top of the player, so it is always reachable.
"""

from __future__ import annotations

from PySide6.QtCore import QLocale, QSettings, QSize, Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QScreen, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QPushButton,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from stretchdesk.core.player_view import TvContent
from stretchdesk.core.session_state import Phase
from stretchdesk.player.keys import KEY_INTENTS
from stretchdesk.player.screens import ScreenPicker
from stretchdesk.player.speech_helper import language_of

VOLUME_KEY = "player/volume"
VOICE_KEY = "player/voice"
VOICE_NAME_KEY = "player/voice_name"
STRIP_MARGIN = 16
INTENT_PROPERTY = "intent"


def _button(text: str, name: str, tip: str) -> QPushButton:
    button = QPushButton(text)
    button.setObjectName(name)
    button.setToolTip(tip)
    return button


class ControlsPanel(QWidget):
    start_requested = Signal()
    pause_requested = Signal()
    previous_requested = Signal()
    skip_requested = Signal()
    extend_requested = Signal()
    restart_requested = Signal()
    stop_requested = Signal()
    fullscreen_requested = Signal()
    screen_chosen = Signal(str)
    volume_changed = Signal(int)
    voice_toggled = Signal(bool)
    voice_chosen = Signal(str)
    intent_triggered = Signal(str)
    close_requested = Signal()

    def __init__(self, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("playerControls")
        self.setWindowTitle("StretchDesk — player controls")
        self._settings = settings
        self._compact = False
        self._messages: list[str] = []
        self._finished = False
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
        self.start_button = _button("Start", "playerStart", "Start the routine (Space, Enter, F5)")
        self.pause_button = _button("Pause", "playerPause", "Pause or resume (Space, B)")
        self.previous_button = _button("◀ Previous", "playerPrevious", "Back one step (Left, PageUp)")
        self.next_button = _button("Next ▶", "playerNext", "Skip to the next step (Right, PageDown)")
        self.extend_button = _button("+15 s", "playerExtend", "Add 15 seconds (Up)")
        self.restart_button = _button("Restart step", "playerRestart", "Start this step again")
        self.stop_button = _button("Stop", "playerStop", "Stop the routine (Esc)")
        self.fullscreen_button = _button("Full screen", "playerFullScreen", "Full screen again")
        self.screen_picker = ScreenPicker(settings, self)
        self.volume = QSlider(Qt.Orientation.Horizontal, self)
        self.volume.setObjectName("playerVolume")
        self.volume.setRange(0, 100)
        self.volume.setValue(int(str(settings.value(VOLUME_KEY, 80))))
        self.voice = QCheckBox("Voice", self)
        self.voice.setObjectName("playerVoice")
        self.voice.setChecked(str(settings.value(VOICE_KEY, "true")).lower() == "true")
        self.voice_choice = QComboBox(self)
        self.voice_choice.setObjectName("playerVoiceChoice")
        self.voice_choice.setToolTip("The voice that speaks the cues")
        self.voice_choice.setEnabled(False)
        self.voice_status = QLabel("Voice: starting…", self)
        self.voice_status.setObjectName("playerVoiceStatus")
        self.voice_status.setWordWrap(True)
        self._build()
        self._connect_signals()
        self.show_idle()

    def _build(self) -> None:
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
        self._options = QWidget(self)
        options = QGridLayout(self._options)
        options.setContentsMargins(0, 0, 0, 0)
        options.addWidget(QLabel("Screen:"), 0, 0)
        options.addWidget(self.screen_picker, 0, 1)
        options.addWidget(self.fullscreen_button, 0, 2)
        options.addWidget(QLabel("Volume:"), 1, 0)
        options.addWidget(self.volume, 1, 1)
        options.addWidget(self.voice, 1, 2)
        options.addWidget(QLabel("Voice:"), 2, 0)
        options.addWidget(self.voice_choice, 2, 1)
        options.addWidget(self.voice_status, 3, 0, 1, 3)
        options.setColumnStretch(1, 1)
        self._layout = layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        layout.addWidget(self._options)
        layout.addWidget(self.message)
        # sized once here: a layout constraint would push size hints to the platform
        # window on every text change, which some platforms (offscreen) reject noisily
        layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        self.resize(layout.sizeHint().expandedTo(QSize(720, 0)))

    def _connect_signals(self) -> None:
        self.start_button.clicked.connect(self.start_requested)
        self.pause_button.clicked.connect(self.pause_requested)
        self.previous_button.clicked.connect(self.previous_requested)
        self.next_button.clicked.connect(self.skip_requested)
        self.extend_button.clicked.connect(self.extend_requested)
        self.restart_button.clicked.connect(self.restart_requested)
        self.stop_button.clicked.connect(self.stop_requested)
        self.fullscreen_button.clicked.connect(self.fullscreen_requested)
        self.screen_picker.screen_chosen.connect(self.screen_chosen)
        self.volume.valueChanged.connect(self._on_volume_value_changed)
        self.voice.toggled.connect(self._on_voice_toggled)
        self.voice_choice.activated.connect(self._on_voice_choice_activated)
        for key, intent in KEY_INTENTS.items():
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.setProperty(INTENT_PROPERTY, intent.value)
            shortcut.activated.connect(self._on_shortcut_activated)

    def _on_shortcut_activated(self) -> None:
        shortcut = self.sender()
        if isinstance(shortcut, QShortcut):
            self.intent_triggered.emit(str(shortcut.property(INTENT_PROPERTY)))

    def _on_volume_value_changed(self, value: int) -> None:
        self._settings.setValue(VOLUME_KEY, value)
        self.volume_changed.emit(value)

    def _on_voice_toggled(self, on: bool) -> None:
        self._settings.setValue(VOICE_KEY, "true" if on else "false")
        self.voice_toggled.emit(on)

    def _on_voice_choice_activated(self, index: int) -> None:
        name = str(self.voice_choice.itemData(index))
        self._settings.setValue(VOICE_NAME_KEY, name)
        self.voice_chosen.emit(name)

    def show_voice_status(self, text: str) -> None:
        """Which engine and voice speak, or in one line why the voice is off."""
        self.voice_status.setText(text)

    def show_voices(self, voices: list[tuple[str, str]], current: str) -> None:
        """The engine's voices, the user's language first, with the one in use selected."""
        language = language_of(QLocale().name())
        self.voice_choice.clear()
        for name, locale in sorted(voices, key=lambda v: (v[1].split("_")[0] != language, v[1], v[0])):
            self.voice_choice.addItem(f"{name} ({locale})", name)
        self.voice_choice.setCurrentIndex(max(0, self.voice_choice.findData(current)))
        self.voice_choice.setEnabled(bool(voices))

    # -- placement ---------------------------------------------------------------

    def is_compact(self) -> bool:
        return self._compact

    def place_on(self, screen: QScreen, *, compact: bool) -> None:
        """A normal window on a screen the player does not cover, or, sharing the
        player's only screen, a compact strip on top of it at the bottom edge."""
        if compact != self._compact:
            self._compact = compact
            visible = self.isVisible()
            flags = Qt.WindowType.Window
            if compact:
                flags |= Qt.WindowType.FramelessWindowHint | Qt.WindowType.WindowStaysOnTopHint
            self.setWindowFlags(flags)
            for widget in (self._options, self.title, self.restart_button):
                widget.setVisible(not compact)
            self._show_messages()
            if visible:
                self.show()
        self.setScreen(screen)
        if compact:
            self._fit_strip()
        else:
            self.move(screen.availableGeometry().topLeft())

    def _fit_strip(self) -> None:
        """The strip along the bottom edge of its screen, as tall as what it shows."""
        area = self.screen().availableGeometry()
        size = self._layout.sizeHint()
        width = min(area.width() - 2 * STRIP_MARGIN, max(size.width(), 720))
        self.setGeometry(
            area.left() + (area.width() - width) // 2,
            area.bottom() - size.height() - STRIP_MARGIN,
            width,
            size.height(),
        )

    def _show_messages(self) -> None:
        """The panel lists the last few messages; the strip shows the newest one only."""
        lines = self._messages[-1:] if self._compact else self._messages
        self.message.setText("\n".join(lines))
        self.message.setVisible(bool(lines) or not self._compact)

    # -- showing -----------------------------------------------------------------

    def show_idle(self) -> None:
        self.start_button.setEnabled(True)
        for button in self._transport():
            button.setEnabled(False)

    def show_content(self, content: TvContent, started: bool) -> None:
        self.start_button.setEnabled(not started)
        playing = started and content.phase is not Phase.DONE
        for button in self._transport():
            button.setEnabled(playing)
        self.stop_button.setEnabled(True)
        self.stop_button.setText("Close" if content.phase is Phase.DONE or not started else "Stop")
        self.pause_button.setText("Resume" if content.paused else "Pause")
        if content.phase is Phase.DONE:
            self.status.setText("Done")
            return
        side = f" · {content.side.lower()}" if content.side else ""
        paused = " (paused)" if content.paused else ""
        self.status.setText(
            f"{content.phase_title.title()}: {content.pose_name}{side} — {content.countdown} s{paused}"
            f"   ·   {content.step_text}   ·   {content.time_left}"
        )

    def finish(self) -> None:
        """Close for good (the session is over) and free the panel."""
        self._finished = True
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        """Closing the panel ends the session (what was held is logged), never leaves it
        running without controls. No question here: Qt also closes every window when the
        app quits, and a modal question then would never be answered."""
        if not self._finished:
            self.close_requested.emit()
        super().closeEvent(event)

    @property
    def messages(self) -> tuple[str, ...]:
        """Every message kept (the last four), oldest first, whatever the strip shows."""
        return tuple(self._messages)

    def add_message(self, text: str) -> None:
        """Something the runner should know (sound off, a screen gone): on the panel, and on the
        strip too, where it would otherwise be hidden when the player shares the only screen."""
        self._messages = [*[line for line in self._messages if line != text][-3:], text]
        self._show_messages()
        if self._compact:
            self._fit_strip()

    def _transport(self) -> tuple[QPushButton, ...]:
        return (
            self.pause_button,
            self.previous_button,
            self.next_button,
            self.extend_button,
            self.restart_button,
        )
