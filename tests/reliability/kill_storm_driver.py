"""Forks writers that save routines in a loop and SIGKILLs them at random moments.

Runs as its own process (no Qt, no threads) so fork is safe. Prints a JSON report.
Usage: python -m tests.reliability.kill_storm_driver DATA_DIR KILLS SEED
"""

from __future__ import annotations

import json
import os
import random
import signal
import sys
import time
from pathlib import Path

from stretchdesk.core.models import Routine, Step
from stretchdesk.core.storage import Store

ROUTINE_IDS = [f"storm-{n}" for n in range(4)]
POSES = ["pigeon", "low-lunge", "butterfly", "happy-baby"]


def version(routine_id: str, number: int) -> Routine:
    """Version `number` of a routine: its step count and description both encode the number."""
    steps = [Step(pose=POSES[i % len(POSES)]) for i in range(1 + number % 7)]
    return Routine(id=routine_id, name=routine_id, description=f"v{number}", items=steps)


def writer(root: Path, start: int) -> None:
    store = Store(root)
    number = start
    while True:
        for routine_id in ROUTINE_IDS:
            store.save_routine(version(routine_id, number))
        number += 1


def main() -> None:
    root, kills, seed = Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
    rng = random.Random(seed)
    store = Store(root)
    for routine_id in ROUTINE_IDS:
        store.save_routine(version(routine_id, 0))
    problems: list[str] = []
    unfinished = 0
    start = 1
    for _ in range(kills):
        child = os.fork()
        if child == 0:
            writer(root, start)
            os._exit(0)
        time.sleep(rng.uniform(0.0, 0.015))
        os.kill(child, signal.SIGKILL)
        os.waitpid(child, 0)
        loaded = Store(root).load_routines()
        swept = [p for p in loaded.problems if "an unfinished save" in p and "moved to" in p]
        unfinished += len(swept)
        problems.extend(p for p in loaded.problems if p not in swept)
        for routine_id in ROUTINE_IDS:
            routine = loaded.items.get(routine_id)
            if routine is None:
                problems.append(f"{routine_id} missing")
                continue
            number = int(routine.description[1:])
            if routine != version(routine_id, number).model_copy(
                update={"created": routine.created, "updated": routine.updated}
            ):
                problems.append(f"{routine_id}: content does not match version {number}")
        start += 1000
    quarantined = len(list((root / "quarantine").glob("*"))) if (root / "quarantine").is_dir() else 0
    print(json.dumps({"kills": kills, "problems": problems, "unfinished": unfinished, "quarantined": quarantined}))


if __name__ == "__main__":
    main()
