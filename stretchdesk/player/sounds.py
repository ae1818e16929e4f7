"""Makes the player's WAV cues from sine partials with the stdlib `wave` module.

Run `python -m stretchdesk.player.sounds` to rewrite resources/sounds/. The
cues are soft on purpose: a runner hears them across the room with a TV's
speakers, so they rely on pitch and shape, not loudness.

Each file ends in TAIL_SECONDS of silence. The player loops a cue and stops it
itself somewhere in that tail (see audio.py), because Qt 6.11 can destroy a cue
that ends on its own on the audio thread, which freezes the GUI's event loop.
"""

from __future__ import annotations

import math
import struct
import sys
import wave
from dataclasses import dataclass
from pathlib import Path

from stretchdesk.core.paths import resource

RATE = 44_100
PEAK = 0.55
TAIL_SECONDS = 1.0
"""Silence after the sound: room for the player to stop the cue late without a repeat."""


@dataclass(frozen=True)
class Note:
    start: float
    seconds: float
    frequency: float
    partials: tuple[float, ...] = (1.0, 0.35, 0.12)
    decay: float = 6.0


CUES: dict[str, tuple[Note, ...]] = {
    # the last three seconds: short, woody and quiet
    "tick": (Note(0.0, 0.07, 1320.0, (1.0, 0.2), decay=60.0),),
    # a hold starts: a bright two-note bell, rising
    "chime": (Note(0.0, 0.7, 784.0), Note(0.12, 0.8, 1175.0)),
    # switch sides: the same two notes falling, so it can't be mistaken for a new pose
    "switch": (Note(0.0, 0.5, 1175.0), Note(0.18, 0.7, 784.0), Note(0.36, 0.8, 1175.0)),
    # getting into the next pose (prepare, transition, rest): one low soft note
    "next": (Note(0.0, 0.6, 523.0, (1.0, 0.25), decay=5.0),),
    # the routine is done: a rising major arpeggio
    "done": (
        Note(0.0, 0.9, 523.0),
        Note(0.15, 0.9, 659.0),
        Note(0.30, 0.9, 784.0),
        Note(0.45, 1.3, 1047.0, decay=3.0),
    ),
}


def audible_seconds(name: str) -> float:
    """How long a cue sounds before its silent tail."""
    return max(note.start + note.seconds for note in CUES[name])


def render(notes: tuple[Note, ...]) -> list[float]:
    length = max(note.start + note.seconds for note in notes)
    samples = [0.0] * (int(length * RATE) + int(TAIL_SECONDS * RATE))
    for note in notes:
        first = int(note.start * RATE)
        count = int(note.seconds * RATE)
        attack = max(1, int(0.004 * RATE))
        weight = sum(note.partials)
        for n in range(count):
            t = n / RATE
            envelope = min(1.0, n / attack) * math.exp(-note.decay * t)
            fade = min(1.0, (count - n) / attack)
            value = sum(
                amp * math.sin(2 * math.pi * note.frequency * (k + 1) * t)
                for k, amp in enumerate(note.partials)
            )
            samples[first + n] += envelope * fade * value / weight
    loudest = max(abs(value) for value in samples) or 1.0
    return [value * PEAK / loudest for value in samples]


def write_wav(path: Path, samples: list[float]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    frames = b"".join(struct.pack("<h", round(value * 32767)) for value in samples)
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(frames)


def sound_path(name: str) -> Path:
    return resource("sounds", f"{name}.wav")


def main(argv: list[str] | None = None) -> int:
    folder = Path(argv[0]) if argv else resource("sounds")
    for name, notes in CUES.items():
        write_wav(folder / f"{name}.wav", render(notes))
        print(folder / f"{name}.wav")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
