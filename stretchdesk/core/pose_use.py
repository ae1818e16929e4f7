"""Which routines use a pose: named to the runner before a custom pose is deleted."""

from __future__ import annotations

from collections.abc import Iterable

from stretchdesk.core.models import Routine


def routines_using(routines: Iterable[Routine], pose_id: str) -> list[Routine]:
    """The routines with at least one step of `pose_id` (inside blocks too), by name."""
    found = [routine for routine in routines if pose_id in routine.pose_ids()]
    return sorted(found, key=lambda routine: routine.name.casefold())
