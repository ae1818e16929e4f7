"""When is a cue heard? The player plays a ~2-minute routine on the real clock into a
private PulseAudio server (tests/player/pulse_rig.py); the recording of the cue sink
gives each cue's audible onset, set beside the engine's own due time and the moment the
player handed the cue to Qt. Goals (issue 13): audible onset error median <= 20 ms,
max <= 50 ms. The baseline is the engine itself: how late it fired the cues in the
same run, so the rest is the sound path (QSoundEffect → PulseAudio).

    python benchmarks/bench_audio.py
"""

from __future__ import annotations

import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.goals import goal
from tests.player.pulse_rig import PulseServer, missing_tools, run_player

PLAN = {
    "steps": [["pigeon", 20, "both"], ["supine-figure-four", 15, "both"], ["childs-pose", 20, "none"]],
    "timeout": 200,
}
LOUD = 2000


def main() -> int:
    missing = missing_tools()
    if missing:
        print(f"skipped: {', '.join(missing)} not installed (./scripts/setup test installs them)")
        return 0
    with tempfile.TemporaryDirectory(prefix="bench-audio") as folder:
        server = PulseServer(Path(folder))
        try:
            server.start()
            server.record()
            log = run_player(server, Path(folder) / "data", PLAN, timeout=240)
            server.stop_recording()
            sound, voice = server.recorders["cues"], server.recorders["voice"]
            cues = [entry for entry in log if "due" in entry and entry["sound"]]
            heard, fired, path, missed = [], [], [], []
            for cue in cues:
                onset = sound.onset(cue["due"] - 0.02, cue["due"] + 0.5, LOUD)
                fired.append((cue["at"] - cue["due"]) * 1000)
                if onset is None:
                    missed.append(cue)
                    continue
                heard.append((onset - cue["due"]) * 1000)
                path.append((onset - cue["at"]) * 1000)
            holds = [e for e in log if e.get("event") == "started" and e.get("segment") == "hold"]
            lags = [(o - h["due"]) * 1000 for h in holds
                    if (o := voice.onset(h["due"], h["due"] + 1.5, LOUD)) is not None]
        finally:
            server.stop()
    seconds = max(c["due"] for c in cues) - min(c["due"] for c in cues)
    print(f"routine: {seconds:.0f} s, {len(cues)} sound cues, {len(missed)} not heard")
    print(f"engine fired (baseline): median {statistics.median(fired):.1f} ms  max {max(fired):.1f} ms after due")
    print(f"heard (onset in recording): median {statistics.median(heard):.1f} ms  max {max(heard):.1f} ms  "
          f"min {min(heard):.1f} ms after due")
    print(f"sound path (heard - fired): median {statistics.median(path):.1f} ms  max {max(path):.1f} ms")
    if lags:
        print(f"voice after hold start: {len(lags)} of {len(holds)} heard, median {statistics.median(lags):.0f} ms "
              f"max {max(lags):.0f} ms after due")
    baseline = f"engine fired median {statistics.median(fired):.1f} ms, max {max(fired):.1f} ms"
    goal("audible cue onset error, median", statistics.median(heard), 20, "ms", baseline)
    goal("audible cue onset error, max", max(heard), 50, "ms", baseline)
    goal("cues not heard", len(missed), 0, "cues")
    return 0


if __name__ == "__main__":
    sys.exit(main())
