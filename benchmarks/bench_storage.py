"""Loading 1,000 routines and one atomic save, against plain file I/O in the same run.

Run: .venv/bin/python -m benchmarks.bench_storage
"""

from __future__ import annotations

import json
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from benchmarks.goals import goal
from stretchdesk.core.catalog import builtin_routines
from stretchdesk.core.models import Routine
from stretchdesk.core.routine_files import routine_json
from stretchdesk.core.storage import Store


def best_of(runs: int, action: Callable[[], object]) -> float:
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        timings.append(time.perf_counter() - start)
    return min(timings)


def main() -> dict[str, float]:
    results = {}
    for label, routine_id in (("typical (8-step)", "builtin-post-run-hips-quickie"),
                              ("largest (27-hold seed flow)", "builtin-after-a-long-run")):
        results.update(measure(label, builtin_routines()[routine_id]))
    return results


def measure(label: str, template: Routine) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as folder:
        store = Store(Path(folder))
        for number in range(1000):
            store.save_routine(template.model_copy(update={"id": f"r-{number:04d}", "name": f"Routine {number}"}))
        files = sorted(store.routines_dir.glob("*.json"))

        def raw_load() -> None:
            for path in files:
                json.loads(path.read_bytes())

        load = best_of(5, lambda: Store(Path(folder)).load_routines())
        raw = best_of(5, raw_load)

        routine = Routine.model_validate(template.model_dump())
        text = routine_json(routine)
        plain_target = Path(folder) / "plain.json"

        saves = [best_of(1, lambda: store.save_routine(routine)) for _ in range(50)]
        plain = [best_of(1, lambda: plain_target.write_text(text)) for _ in range(50)]

    save = statistics.median(saves)
    plain_write = statistics.median(plain)
    print(f"{'load 1,000 routines, ' + label:48} {load * 1000:8.1f} ms   raw json.loads baseline {raw * 1000:6.1f} ms"
          f"   ratio {load / raw:5.2f}x   goal <= 250 ms")
    print(f"{'one atomic save (median of 50), ' + label:48} {save * 1000:8.2f} ms"
          f"   plain write baseline {plain_write * 1000:6.2f} ms"
          f"   ratio {save / plain_write:5.1f}x   goal <= 20 ms")
    goal(f"load 1,000 routines, {label}", load * 1000, 250, "ms", f"json.loads {raw * 1000:.1f} ms")
    goal(f"one atomic save, {label}", save * 1000, 20, "ms", f"plain write {plain_write * 1000:.2f} ms")
    return {f"load_1000_ms {label}": load * 1000, f"save_ms {label}": save * 1000}


if __name__ == "__main__":
    main()
