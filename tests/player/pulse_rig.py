"""A private PulseAudio server with two null sinks we can record: `cues` (the
default: the player's QSoundEffect cues) and `voice` (the speech helper, sent
there with PULSE_SINK), so each is found in its own recording.

Used by tests/player/test_audible.py and benchmarks/bench_audio.py. Every process
started here is ended by its PID.
"""

from __future__ import annotations

import array
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

RATE = 16000
WINDOW = 32  # 2 ms analysis windows
SINKS = ("cues", "voice")
PACKAGES = ("pulseaudio", "pactl", "parec")


def missing_tools() -> list[str]:
    return [tool for tool in PACKAGES if shutil.which(tool) is None]


class Recorder:
    """parec on a sink's monitor; a thread stamps each chunk as it arrives, so the
    time of sample 0 is known on time.monotonic()'s clock to within a few ms."""

    def __init__(self, sink: str, env: dict[str, str]) -> None:
        self.sink = sink
        self.samples = array.array("h")
        self._first_sample_at = float("inf")
        self._process = subprocess.Popen(
            ["parec", "-d", f"{sink}.monitor", "--raw", "--format=s16le", f"--rate={RATE}",
             "--channels=1", "--latency-msec=5"],
            stdout=subprocess.PIPE, env=env,
        )
        self._thread = threading.Thread(target=self._read, args=(self._process.stdout,), daemon=True)
        self._thread.start()

    def _read(self, stream: IO[bytes] | None) -> None:
        assert stream is not None
        pending = b""
        while True:
            chunk = os.read(stream.fileno(), 4096)
            now = time.monotonic()
            if not chunk:
                return
            pending += chunk
            whole = len(pending) // 2 * 2
            self.samples.frombytes(pending[:whole])
            pending = pending[whole:]
            self._first_sample_at = min(self._first_sample_at, now - len(self.samples) / RATE)

    def stop(self) -> None:
        self._process.send_signal(signal.SIGINT)
        try:
            self._process.wait(5)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait(5)
        self._thread.join(5)
        if self._process.stdout is not None:
            self._process.stdout.close()

    def time_of(self, index: int) -> float:
        return self._first_sample_at + index / RATE

    def index_of(self, moment: float) -> int:
        return max(0, round((moment - self._first_sample_at) * RATE))

    def peak(self, start: float, end: float) -> int:
        chunk = self.samples[self.index_of(start) : self.index_of(end)]
        return max((abs(s) for s in chunk), default=0)

    def onset(self, start: float, end: float, level: int) -> float | None:
        """The time of the first 2 ms window in [start, end) whose peak reaches `level`."""
        first, last = self.index_of(start), min(self.index_of(end), len(self.samples))
        for index in range(first, last, WINDOW):
            if max((abs(s) for s in self.samples[index : index + WINDOW]), default=0) >= level:
                return self.time_of(index)
        return None


@dataclass
class PulseServer:
    root: Path
    process: subprocess.Popen[bytes] | None = None
    recorders: dict[str, Recorder] = field(default_factory=dict)
    log: IO[bytes] | None = None

    @property
    def env(self) -> dict[str, str]:
        return {**os.environ, "XDG_RUNTIME_DIR": str(self.root / "run"), "HOME": str(self.root / "home")}

    def start(self) -> None:
        for name in ("run", "home"):
            (self.root / name).mkdir(parents=True, exist_ok=True)
        (self.root / "run").chmod(0o700)
        self.log = open(self.root / "pulse.log", "wb")  # noqa: SIM115 (closed in stop)
        sinks = [f"--load=module-null-sink sink_name={sink}" for sink in SINKS]
        self.process = subprocess.Popen(
            ["pulseaudio", "--daemonize=no", "--exit-idle-time=-1", "-n", "--log-target=stderr",
             "--load=module-native-protocol-unix", *sinks, "--load=module-always-sink"],
            env=self.env, stdout=subprocess.DEVNULL, stderr=self.log,
        )
        deadline = time.monotonic() + 15
        while subprocess.run(["pactl", "info"], env=self.env, capture_output=True, check=False).returncode:
            if time.monotonic() > deadline or self.process.poll() is not None:
                raise RuntimeError("pulseaudio did not start: " + (self.root / "pulse.log").read_text()[-500:])
            time.sleep(0.1)
        subprocess.run(["pactl", "set-default-sink", "cues"], env=self.env, check=True)

    def record(self) -> None:
        for sink in SINKS:
            self.recorders[sink] = Recorder(sink, self.env)

    def stop_recording(self) -> None:
        for recorder in self.recorders.values():
            recorder.stop()

    def kill(self) -> None:
        """The sound server dies (as when it crashes): SIGKILL, no goodbye to its clients."""
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait(10)

    def stop(self) -> None:
        """End parec, the speech-dispatcher this server's clients spawned, and the server."""
        self.stop_recording()
        for pid in _speech_dispatchers(self.root / "run"):
            os.kill(pid, signal.SIGKILL)
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait(10)
        if self.log is not None:
            self.log.close()


def _speech_dispatchers(runtime: Path) -> list[int]:
    """speech-dispatcher daemons (and their modules) whose runtime dir is ours."""
    found = []
    needle = f"XDG_RUNTIME_DIR={runtime}".encode()
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit() or int(proc.name) == os.getpid():
            continue
        try:
            command = (proc / "cmdline").read_bytes()
            if (b"speech-dispatcher" in command or b"sd_" in command) and needle in (proc / "environ").read_bytes():
                found.append(int(proc.name))
        except OSError:
            continue
    return found


def run_player(server: PulseServer, data_dir: Path, plan: dict[str, Any], timeout: float = 120,
               kill_server_at: float | None = None) -> list[dict[str, Any]]:
    """Play through tests/player/audio_run.py in its own process (its sound output is
    this server's); returns what it logged (one dict per cue, with its due time).
    `kill_server_at`: seconds into the session when the sound server is killed."""
    env = {**server.env, "QT_QPA_PLATFORM": "offscreen", "XDG_DATA_HOME": str(server.root / "data"),
           "XDG_CONFIG_HOME": str(server.root / "config"), "QT_LOGGING_RULES": "qt.multimedia.*=false"}
    root = Path(__file__).resolve().parents[2]
    env["PYTHONPATH"] = os.pathsep.join([str(root), env.get("PYTHONPATH", "")])
    with tempfile.TemporaryFile() as errors, subprocess.Popen(
        [sys.executable, "-m", "tests.player.audio_run", str(data_dir), json.dumps(plan)],
        env=env, stdout=subprocess.PIPE, stderr=errors, cwd=root,  # a file: stderr can never fill up and block it
    ) as player:
        head = b""
        if kill_server_at is not None:
            assert player.stdout is not None
            while b'{"started"' not in head or not head.endswith(b"\n"):  # the kill is timed from the start
                chunk = os.read(player.stdout.fileno(), 4096)
                if not chunk:
                    break
                head += chunk
            threading.Timer(kill_server_at, server.kill).start()
        try:
            out, _ = player.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            player.kill()
            out, _ = player.communicate()
        errors.seek(0)
        err = errors.read()[-3000:].decode(errors="replace")
    if player.returncode:
        raise RuntimeError(f"the player run failed or hung ({player.returncode}): {err}")
    lines = (head + out).decode().splitlines()
    return [json.loads(line) for line in lines if line.startswith("{")]
