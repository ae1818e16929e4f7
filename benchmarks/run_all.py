"""Run every benchmark in its own process and print (or write) one report.

Usage: .venv/bin/python -m benchmarks.run_all [--write]   (--write updates benchmarks/RESULTS.md)
Each bench_*.py prints its figures with the baseline it measured in the same run.
"""

from __future__ import annotations

import os
import platform
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

from benchmarks.goals import PREFIX

HERE = Path(__file__).resolve().parent


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = ""
    try:
        kib = int(Path("/proc/meminfo").read_text().split()[1])
        memory = f", {kib / 1024 / 1024:.0f} GiB RAM"
    except (OSError, ValueError, IndexError):
        pass
    system = f"{platform.system()} {platform.release()}, Python {platform.python_version()}"
    return f"{cpu}, {os.cpu_count()} cores{memory}, {system}"


def summary(sections: list[str]) -> str:
    """A Markdown table of every `GOAL | ...` line the benchmarks printed."""
    rows = ["| goal | measured | target | verdict | baseline in the same run |", "|---|---|---|---|---|"]
    for section in sections:
        for line in section.splitlines():
            if line.startswith(PREFIX):
                rows.append("| " + line[len(PREFIX):] + " |")
    return "\n".join(rows) + "\n"


def main() -> int:
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    sections = []
    failed = 0
    for module in sorted(HERE.glob("bench_*.py")):
        name = f"benchmarks.{module.stem}"
        print(f"## {module.stem}", flush=True)
        result = subprocess.run([sys.executable, "-m", name], capture_output=True, text=True, env=env,
                                cwd=HERE.parent, timeout=600, check=False)
        output = result.stdout.rstrip() or "(no output)"
        if result.returncode != 0:
            failed += 1
            output += f"\nFAILED (exit {result.returncode}): {result.stderr.strip().splitlines()[-1:]}"
        print(output, flush=True)
        sections.append(f"## {module.stem}\n\n```\n{output}\n```\n")
    table = summary(sections)
    print(table, flush=True)
    if "--write" in sys.argv:
        stamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
        header = (f"# Benchmark results\n\nMeasured {stamp} on {machine()}.\n"
                  "Regenerate with `.venv/bin/python -m benchmarks.run_all --write`. Timings vary about ±30 % "
                  "between runs on this machine, so each figure is printed next to a baseline from the same run.\n\n")
        analysis = HERE / "analysis.md"  # hand-written: why a goal is missed, what changed, reliability figures
        notes = analysis.read_text() + "\n" if analysis.exists() else ""
        (HERE / "RESULTS.md").write_text(header + "## Goals\n\n" + table + "\n" + notes + "\n".join(sections))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
