"""Deciding what an import writes, against what the data dir holds at that moment."""

from __future__ import annotations

from typing import TYPE_CHECKING

from pydantic import ValidationError

from stretchdesk.core.bundle import RoutineBundle
from stretchdesk.core.documents import BadDocument, describe_validation_error
from stretchdesk.core.models import Block, Pose, Rest, Routine, Step, new_routine_id

if TYPE_CHECKING:
    from stretchdesk.core.workspace import Workspace

MAX_ID = 80  # a slug's limit


def plan_import(workspace: Workspace, bundle: RoutineBundle) -> tuple[Routine, list[Pose], dict[str, bytes]]:
    """The routine, poses and new images an import writes: a pose or routine whose id is taken
    gets a free one (and the routine's steps follow the renamed poses), the routine a free name;
    a pose already here unchanged is not written again."""
    renames: dict[str, str] = {}
    poses: list[Pose] = []
    images: dict[str, bytes] = {}
    # ids kept off: poses here, files that may hold one, deleted or quarantined poses,
    # and every pose a routine of the user's names (even one no longer in the library),
    # so no routine of theirs ever starts playing a stranger's pose
    kept_off = (set(workspace.catalog) | workspace.store.file_stems(workspace.store.poses_dir)
                | workspace.store.set_aside_ids() | {p for r in workspace.user.values() for p in r.pose_ids()})
    taken_pose_ids = kept_off | set(bundle.routine.pose_ids())
    for entry in bundle.custom_poses:
        pose = entry.pose.model_copy(update={"custom": True})
        new_image: tuple[str, bytes] | None = None
        if entry.image is None and pose.image is not None:
            pose = pose.model_copy(update={"image": None})  # never show a file of ours by its name
        if entry.image is not None:
            raw = entry.image.decoded()
            name, is_new = workspace.store.image_name_for(raw, entry.image.filename)
            pose = pose.model_copy(update={"image": name})
            new_image = (name, raw) if is_new else None
        existing = workspace.catalog.get(pose.id)
        if existing is not None and _same_pose(existing, pose):
            continue
        if new_image is not None:
            images[new_image[0]] = new_image[1]
        if pose.id in kept_off:
            new_id = _free_id(pose.id, taken_pose_ids)
            renames[pose.id] = new_id
            pose = pose.model_copy(update={"id": new_id})
        taken_pose_ids.add(pose.id)
        poses.append(pose)
    routine = bundle.routine
    if renames:
        routine = routine.model_copy(update={"items": _renamed(routine.items, renames)})
    taken_ids = (set(workspace.user) | set(workspace.builtin) | workspace.store.file_stems(workspace.store.routines_dir)
                 | workspace.store.trashed_ids())
    if routine.id in taken_ids:
        routine = routine.model_copy(update={"id": new_routine_id()})
    routine = routine.model_copy(update={"name": workspace.unique_name(routine.name)})
    try:  # the renames above were unchecked copies: make sure what gets written is valid
        routine = Routine.model_validate(routine.model_dump())
        poses = [Pose.model_validate(pose.model_dump()) for pose in poses]
    except ValidationError as error:
        raise BadDocument(describe_validation_error(error, "the import")) from None
    return routine, poses, images


def _same_pose(existing: Pose, incoming: Pose) -> bool:
    """The same pose, whatever name its image file was stored under here."""
    return existing.model_copy(update={"custom": True}) == incoming


def _free_id(wanted: str, taken: set[str]) -> str:
    """`wanted-2`, `wanted-3`...: the first id not taken, never over the id length limit."""
    number = 2
    while True:
        suffix = f"-{number}"
        candidate = wanted[: MAX_ID - len(suffix)].rstrip("-") + suffix
        if candidate not in taken:
            return candidate
        number += 1


def _renamed(items: list[Step | Rest | Block], renames: dict[str, str]) -> list[Step | Rest | Block]:
    result: list[Step | Rest | Block] = []
    for item in items:
        if isinstance(item, Step) and item.pose in renames:
            result.append(item.model_copy(update={"pose": renames[item.pose]}))
        elif isinstance(item, Block):
            result.append(item.model_copy(update={"items": _renamed(item.items, renames)}))
        else:
            result.append(item)
    return result
