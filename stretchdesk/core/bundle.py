"""The export format: one self-contained routine document.

Built-in poses travel by id; custom poses travel whole, with their image
embedded, so a bundle imports on a machine that has never seen them.
"""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Mapping
from typing import Annotated, Any, Literal

from pydantic import Field, ValidationError, model_validator

from stretchdesk.core.documents import (
    ROUTINE_FORMAT,
    BadDocument,
    check_header,
    describe_validation_error,
    read_json_bytes,
)
from stretchdesk.core.imagecheck import IMAGE_NAME_PATTERN, MAX_IMAGE_BYTES, MEDIA_TYPES, extension, image_problem
from stretchdesk.core.models import Pose, Routine, StrictModel

__all__ = ["IMAGE_NAME_PATTERN", "MAX_IMAGE_BYTES", "MEDIA_TYPES", "RoutineBundle", "check_image_bytes"]


class EmbeddedImage(StrictModel):
    filename: Annotated[str, Field(pattern=IMAGE_NAME_PATTERN, max_length=120)]
    media_type: Literal["image/png", "image/jpeg", "image/svg+xml"]
    data: Annotated[str, Field(max_length=MAX_IMAGE_BYTES * 4 // 3 + 8)]

    def decoded(self) -> bytes:
        try:
            raw = base64.b64decode(self.data, validate=True)
        except (binascii.Error, ValueError):
            raise ValueError(f"image {self.filename}: data is not valid base64") from None
        check_image_bytes(raw, self.filename)
        return raw


class CustomPoseEntry(StrictModel):
    pose: Pose
    image: EmbeddedImage | None = None

    @model_validator(mode="after")
    def _image_matches_pose(self) -> CustomPoseEntry:
        if self.image is not None and self.image.filename != self.pose.image:
            raise ValueError("the embedded image's filename must equal the pose's image")
        return self


class RoutineBundle(StrictModel):
    """An exported routine (also the layout of every routine file in the data dir)."""

    format: Literal["stretchdesk-routine"] = "stretchdesk-routine"
    version: Literal[1] = 1
    routine: Routine
    custom_poses: list[CustomPoseEntry] = Field(default=[], max_length=200)

    @model_validator(mode="after")
    def _pose_ids_unique(self) -> RoutineBundle:
        seen: set[str] = set()
        for entry in self.custom_poses:
            if entry.pose.id in seen:
                raise ValueError(f"custom pose id {entry.pose.id!r} appears twice; give each pose its own id")
            seen.add(entry.pose.id)
        return self


def check_image_bytes(raw: bytes, name: str) -> None:
    """Refuse oversized images, bombs, and files whose content does not match their extension."""
    problem = image_problem(raw, name)
    if problem is not None:
        raise ValueError(f"image {name}: {problem}")


def embed_image(name: str, raw: bytes) -> EmbeddedImage:
    check_image_bytes(raw, name)
    media_type = MEDIA_TYPES[extension(name)]
    return EmbeddedImage.model_validate(
        {"filename": name, "media_type": media_type, "data": base64.b64encode(raw).decode("ascii")}
    )


def parse_bundle(data: bytes, source: str) -> RoutineBundle:
    """Validate an exported document; raises BadDocument/NewerVersion with one clear line."""
    value: Any = check_header(read_json_bytes(data, source), ROUTINE_FORMAT, source)
    try:
        bundle = RoutineBundle.model_validate(value)
    except ValidationError as error:
        raise BadDocument(describe_validation_error(error, source)) from None
    for entry in bundle.custom_poses:
        if entry.image is not None:
            try:
                entry.image.decoded()
            except ValueError as error:
                raise BadDocument(f"{source}: {error}") from None
    return bundle


def build_bundle(
    routine: Routine, catalog: Mapping[str, Pose], custom_images: Mapping[str, bytes]
) -> RoutineBundle:
    """`custom_images` maps image file names of custom poses to their bytes."""
    entries: list[CustomPoseEntry] = []
    seen: set[str] = set()
    for pose_id in routine.pose_ids():
        pose = catalog.get(pose_id)
        if pose is None or not pose.custom or pose_id in seen:
            continue
        seen.add(pose_id)
        image = None
        if pose.image is not None and pose.image in custom_images:
            image = embed_image(pose.image, custom_images[pose.image])
        entries.append(CustomPoseEntry(pose=pose, image=image))
    return RoutineBundle(routine=routine, custom_poses=entries)


def bundle_json(bundle: RoutineBundle) -> str:
    return json.dumps(bundle.model_dump(mode="json"), indent=2, ensure_ascii=False) + "\n"


def routine_schema() -> dict[str, Any]:
    schema = RoutineBundle.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "StretchDesk routine"
    return schema
