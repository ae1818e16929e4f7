"""One line per goal, in a fixed shape that run_all.py gathers into its summary table."""

from __future__ import annotations

PREFIX = "GOAL | "


def goal(what: str, measured: float, limit: float, unit: str, baseline: str = "") -> str:
    """Print and return `GOAL | what | measured | <= limit | met/NOT met | baseline`."""
    verdict = "met" if measured <= limit else "NOT met"
    line = f"{PREFIX}{what} | {measured:.4g} {unit} | <= {limit:g} {unit} | {verdict} | {baseline}"
    print(line, flush=True)
    return line
